//! [`V8Realm`]: an isolate with one context, implementing [`engine::Realm`].
//!
//! Every entry from the host (a script, a hook call) runs under a `TryCatch`. An exception
//! that escapes is handed, with its source arrow, to the JS `fatalException` hook, which is
//! where Node's `uncaughtException` semantics live; only if that is missing or throws does
//! the host see [`EngineError::Uncaught`].

use engine::{EngineError, HostValue, OpState, Realm, RealmOptions};

use crate::convert::{from_v8, script_origin, string, to_v8};
use crate::exception::{render, source_arrow};
use crate::intrinsics::{self, prepare_stack_trace_callback, promise_reject_callback, Hooks};
use crate::ops::{self, OpTable, StatePtr, TerminationRequested};
use crate::typed_ops;

/// The `internalBinding` objects, by name (an isolate slot).
struct Bindings(v8::Global<v8::Object>);

/// A V8 isolate with one context, its ops and hooks.
pub struct V8Realm {
    // Field order is drop order: handles before their isolate, the isolate (whose slot
    // points into `state`) before the state.
    context: v8::Global<v8::Context>,
    isolate: v8::OwnedIsolate,
    state: Box<OpState>,
}

/// What came out of a guarded call into JS.
enum Outcome {
    Value(HostValue),
    Threw(v8::Global<v8::Value>, String),
    Terminated,
}

macro_rules! enter {
    ($realm:expr, $scope:ident) => {
        v8::scope!(let handle_scope, &mut $realm.isolate);
        let context = v8::Local::new(handle_scope, &$realm.context);
        let $scope = &mut v8::ContextScope::new(handle_scope, context);
    };
}

/// Out of memory: Node's `FATAL ERROR` line after V8's GC trace, then an abort (exit by
/// SIGABRT, code 134 in a shell), as Node does, rather than V8's default trap.
unsafe extern "C" fn out_of_memory(location: *const std::ffi::c_char, details: &v8::OomDetails) {
    let message = if details.is_heap_oom {
        "Allocation failed - JavaScript heap out of memory"
    } else {
        "Allocation failed - process out of memory"
    };
    if location.is_null() {
        eprintln!("FATAL ERROR: {message}");
    } else {
        // SAFETY: V8 passes a NUL-terminated string that lives for the call.
        let location = unsafe { std::ffi::CStr::from_ptr(location) }.to_string_lossy();
        eprintln!("FATAL ERROR: {location} {message}");
    }
    std::process::abort();
}

impl V8Realm {
    /// Runs the foreground tasks V8 posted for this isolate (FinalizationRegistry cleanups,
    /// GC finalisation steps): the default platform only runs them when the embedder pumps
    /// it, as Node's platform does from its loop.
    fn run_platform_tasks(&mut self) {
        if let Some(platform) = crate::PLATFORM.get() {
            while v8::Platform::pump_message_loop(platform, &self.isolate, false) {}
        }
    }

    /// Makes the isolate and context and installs the ops and intrinsics.
    pub fn new(options: RealmOptions) -> Self {
        let mut isolate = v8::Isolate::new(v8::CreateParams::default());
        isolate.set_microtasks_policy(v8::MicrotasksPolicy::Explicit);
        isolate.set_promise_reject_callback(promise_reject_callback);
        isolate.set_prepare_stack_trace_callback(prepare_stack_trace_callback);
        isolate.set_oom_error_handler(out_of_memory);
        let mut state = Box::new(options.state);
        isolate.set_slot(StatePtr(&mut *state));
        isolate.set_slot(Hooks::default());
        let context = {
            v8::scope!(let scope, &mut isolate);
            let context = v8::Context::new(scope, Default::default());
            let scope = &mut v8::ContextScope::new(scope, context);
            intrinsics::initialize_context_runtime(scope, context);
            let bindings = v8::Object::new(scope);
            ops::install(scope, bindings, &options.ops);
            let typed = typed_ops::install(scope, bindings, &options.typed_ops, &mut *state);
            scope.set_slot(typed);
            intrinsics::install(scope, bindings);
            let bindings = v8::Global::new(scope, bindings);
            scope.set_slot(Bindings(bindings));
            v8::Global::new(scope, context)
        };
        isolate.set_slot(OpTable(options.ops));
        V8Realm { isolate, context, state }
    }

    /// Runs `body` under a TryCatch and sorts out what happened.
    fn guarded(
        &mut self,
        body: impl for<'s, 'i> FnOnce(&mut v8::PinScope<'s, 'i>) -> Option<v8::Local<'s, v8::Value>>,
    ) -> Outcome {
        let outcome = {
            enter!(self, scope);
            v8::tc_scope!(let tc, scope);
            match body(tc) {
                Some(value) => Outcome::Value(from_v8(tc, value)),
                None if tc.has_terminated() || !tc.can_continue() => Outcome::Terminated,
                None => match tc.exception() {
                    Some(exception) => {
                        // A `vm` error decorated with its arrow prints without a second one.
                        let arrow = if intrinsics::is_decorated(tc, exception) {
                            String::new()
                        } else {
                            tc.message().map(|m| source_arrow(tc, m)).unwrap_or_default()
                        };
                        Outcome::Threw(v8::Global::new(tc, exception), arrow)
                    }
                    None => Outcome::Value(HostValue::Undefined),
                },
            }
        };
        // A termination requested just before JS returned has not unwound anything yet, but
        // it is still the end of this call.
        let requested = self.isolate.remove_slot::<TerminationRequested>().is_some();
        if requested || matches!(outcome, Outcome::Terminated) {
            self.isolate.cancel_terminate_execution();
            return Outcome::Terminated;
        }
        outcome
    }

    /// Turns an outcome into the host's result, sending exceptions to `fatalException`.
    fn settle(&mut self, outcome: Outcome) -> Result<HostValue, EngineError> {
        match outcome {
            Outcome::Value(value) => Ok(value),
            Outcome::Terminated => Err(EngineError::Terminated),
            Outcome::Threw(exception, arrow) => {
                if !self.has_hook("fatalException") {
                    enter!(self, scope);
                    let exception = v8::Local::new(scope, exception);
                    return Err(EngineError::Uncaught(format!(
                        "{arrow}\n{}",
                        render(scope, exception)
                    )));
                }
                let reported = self.guarded(|scope| {
                    let hook = hook(scope, "fatalException")?;
                    let exception = v8::Local::new(scope, &exception);
                    let arrow = string(scope, &arrow);
                    let receiver = v8::undefined(scope);
                    hook.call(scope, receiver.into(), &[exception, arrow.into()])
                });
                match reported {
                    Outcome::Value(_) => Ok(HostValue::Undefined),
                    Outcome::Terminated => Err(EngineError::Terminated),
                    Outcome::Threw(second, second_arrow) => {
                        enter!(self, scope);
                        let second = v8::Local::new(scope, second);
                        Err(EngineError::Uncaught(format!(
                            "{second_arrow}\n{}",
                            render(scope, second)
                        )))
                    }
                }
            }
        }
    }

    /// Compiles `source` as a function of `internalBinding` and calls it.
    fn bootstrap(&mut self, name: &str, source: &str) -> Outcome {
        self.guarded(|scope| {
            let code = string(scope, source);
            let filename = string(scope, name);
            let origin = script_origin(scope, filename.into());
            let mut source = v8::script_compiler::Source::new(code, Some(&origin));
            let param = string(scope, "internalBinding");
            let function = v8::script_compiler::compile_function(
                scope,
                &mut source,
                &[param],
                &[],
                v8::script_compiler::CompileOptions::NoCompileOptions,
                v8::script_compiler::NoCacheReason::NoReason,
            )?;
            let bindings = scope.get_slot::<Bindings>().map(|b| b.0.clone())?;
            let bindings = v8::Local::new(scope, bindings);
            let internal_binding =
                v8::Function::builder(internal_binding).data(bindings.into()).build(scope)?;
            let receiver = v8::undefined(scope);
            function.call(scope, receiver.into(), &[internal_binding.into()])
        })
    }
}

/// The registered hook `name`, as a local function.
fn hook<'s>(scope: &mut v8::PinScope<'s, '_>, name: &str) -> Option<v8::Local<'s, v8::Function>> {
    let global = scope.get_slot::<Hooks>()?.0.get(name)?.clone();
    Some(v8::Local::new(scope, global))
}

/// `internalBinding(name)`: the binding object, or Node's error for an unknown name.
fn internal_binding(
    scope: &mut v8::PinScope,
    args: v8::FunctionCallbackArguments,
    mut rv: v8::ReturnValue<v8::Value>,
) {
    let Ok(bindings) = v8::Local::<v8::Object>::try_from(args.data()) else {
        return;
    };
    let name = args.get(0);
    match bindings.get(scope, name) {
        Some(binding) if binding.is_object() => rv.set(binding),
        _ => {
            let text = format!("No such binding: {}", name.to_rust_string_lossy(scope));
            let message = string(scope, &text);
            let error = v8::Exception::error(scope, message);
            scope.throw_exception(error);
        }
    }
}

impl Realm for V8Realm {
    fn run_script(&mut self, name: &str, source: &str) -> Result<HostValue, EngineError> {
        let outcome = self.guarded(|scope| {
            let code = string(scope, source);
            let filename = string(scope, name);
            let origin = script_origin(scope, filename.into());
            let script = v8::Script::compile(scope, code, Some(&origin))?;
            script.run(scope)
        });
        self.settle(outcome)
    }

    fn run_bootstrap(&mut self, name: &str, source: &str) -> Result<(), EngineError> {
        let outcome = self.bootstrap(name, source);
        self.settle(outcome).map(drop)
    }

    fn call_hook(&mut self, name: &str, args: Vec<HostValue>) -> Result<HostValue, EngineError> {
        let outcome = self.guarded(|scope| {
            let function = hook(scope, name)?;
            let args: Vec<_> = args.into_iter().map(|a| to_v8(scope, a)).collect();
            let receiver = v8::undefined(scope);
            function.call(scope, receiver.into(), &args)
        });
        let result = self.settle(outcome);
        self.run_platform_tasks();
        result
    }

    fn has_hook(&self, name: &str) -> bool {
        self.isolate.get_slot::<Hooks>().is_some_and(|h| h.0.contains_key(name))
    }

    fn run_microtasks(&mut self) {
        let outcome = self.guarded(|scope| {
            scope.perform_microtask_checkpoint();
            Some(v8::undefined(scope).into())
        });
        let _ = self.settle(outcome);
    }

    fn state(&mut self) -> &mut OpState {
        &mut self.state
    }
}

impl Drop for V8Realm {
    fn drop(&mut self) {
        // Globals held in slots must go before the isolate does.
        self.isolate.remove_slot::<Hooks>();
        self.isolate.remove_slot::<Bindings>();
        self.isolate.remove_slot::<intrinsics::ModuleRegistry>();
    }
}
