//! `ContextifyScript`, the native base of `vm.Script`: code compiled once, unbound to any
//! context, and run in the main context or in a `vm` context, with Node's `timeout` (a
//! watchdog thread that terminates the run) and `displayErrors` (decorated stacks).

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{self, RecvTimeoutError};
use std::sync::Arc;
use std::thread::JoinHandle;
use std::time::Duration;

use engine::ThrowError;

use super::context::{context_of, OwnMicrotaskQueue};
use super::decorate::decorate_error_stack;
use super::dynamic_import::host_defined_options;
use crate::convert::string;
use crate::ops::build_error;

/// The internal field holding a script's `v8::UnboundScript`.
const UNBOUND_SCRIPT_FIELD: usize = 0;
/// The internal fields holding a script's line and column offsets (for its error arrows).
const LINE_OFFSET_FIELD: usize = 1;
const COLUMN_OFFSET_FIELD: usize = 2;
const FIELD_COUNT: usize = 3;

/// Adds the `ContextifyScript` class to the binding object.
pub(super) fn install(scope: &mut v8::PinScope<'_, '_>, object: v8::Local<v8::Object>) {
    let template = v8::FunctionTemplate::new(scope, construct);
    let class_name = string(scope, "ContextifyScript");
    template.set_class_name(class_name);
    template.instance_template(scope).set_internal_field_count(FIELD_COUNT);
    let prototype = template.prototype_template(scope);
    let run = v8::FunctionTemplate::new(scope, run_in_context);
    let name = string(scope, "runInContext");
    prototype.set(name.into(), run.into());
    let cache = v8::FunctionTemplate::new(scope, create_cached_data);
    let name = string(scope, "createCachedData");
    prototype.set(name.into(), cache.into());
    if let Some(class) = template.get_function(scope) {
        object.set(scope, class_name.into(), class.into());
    }
}

/// `new ContextifyScript(code, filename, lineOffset, columnOffset, cachedData,
/// produceCachedData, parsingContext, importMode)`: compiles `code` (in the parsing context
/// when given; `importMode` says how its `import()` fails) and sets `sourceURL`,
/// `sourceMapURL`, and `cachedDataRejected` / `cachedData` and `cachedDataProduced` when a
/// code cache was given / asked for. A syntax error is thrown decorated.
fn construct<'s>(
    scope: &mut v8::PinScope<'s, '_>,
    args: v8::FunctionCallbackArguments<'s>,
    _rv: v8::ReturnValue<v8::Value>,
) {
    let this = args.this();
    if !args.is_construct_call() || this.internal_field_count() < FIELD_COUNT {
        let message =
            string(scope, "Class constructor ContextifyScript cannot be invoked without 'new'");
        let error = v8::Exception::type_error(scope, message);
        scope.throw_exception(error);
        return;
    }
    let Some(code) = args.get(0).to_string(scope) else {
        return;
    };
    let filename = args.get(1);
    let line_offset = args.get(2).int32_value(scope).unwrap_or(0);
    let column_offset = args.get(3).int32_value(scope).unwrap_or(0);
    let cached_data = view_bytes(args.get(4));
    let produce_cached_data = args.get(5).is_true();
    let parsing_context = match context_of(scope, args.get(6)) {
        Some(context) => context,
        None => scope.get_current_context(),
    };
    let import_mode = args.get(7).int32_value(scope).unwrap_or(0);
    let host_options = host_defined_options(scope, import_mode);
    let origin = v8::ScriptOrigin::new(
        scope,
        filename,
        line_offset,
        column_offset,
        true,
        -1,
        None,
        false,
        false,
        false,
        Some(host_options),
    );
    let (mut source, options) = source_with_cache(code, &origin, cached_data.as_deref());
    let scope = &mut v8::ContextScope::new(scope, parsing_context);
    v8::tc_scope!(let tc, scope);
    let Some(unbound) = v8::script_compiler::compile_unbound_script(
        tc,
        &mut source,
        options,
        v8::script_compiler::NoCacheReason::NoReason,
    ) else {
        if let Some(exception) = tc.exception() {
            let message = tc.message();
            decorate_error_stack(tc, exception, message, (line_offset, column_offset));
        }
        if !tc.has_terminated() {
            tc.rethrow();
        }
        return;
    };
    this.set_internal_field(UNBOUND_SCRIPT_FIELD, unbound.into());
    for (field, offset) in [(LINE_OFFSET_FIELD, line_offset), (COLUMN_OFFSET_FIELD, column_offset)]
    {
        let offset = v8::Integer::new(tc, offset);
        this.set_internal_field(field, offset.into());
    }
    let rejected = source.get_cached_data().map(|data| data.rejected());
    let produced =
        produce_cached_data.then(|| unbound.create_code_cache().map(|data| data.to_vec()));
    store_cache_result(tc, this, rejected, produced);
    let url = unbound.get_source_url(tc);
    set_property(tc, this, "sourceURL", url);
    let url = unbound.get_source_mapping_url(tc);
    set_property(tc, this, "sourceMapURL", url);
}

/// A copy of the bytes of an ArrayBufferView argument.
pub(super) fn view_bytes(value: v8::Local<v8::Value>) -> Option<Vec<u8>> {
    let view = v8::Local::<v8::ArrayBufferView>::try_from(value).ok()?;
    let mut bytes = vec![0; view.byte_length()];
    view.copy_contents(&mut bytes);
    Some(bytes)
}

/// The source to compile, consuming `cached_data` when given, and the options for that.
pub(super) fn source_with_cache(
    code: v8::Local<v8::String>,
    origin: &v8::ScriptOrigin,
    cached_data: Option<&[u8]>,
) -> (v8::script_compiler::Source, v8::script_compiler::CompileOptions) {
    match cached_data {
        Some(bytes) => (
            v8::script_compiler::Source::new_with_cached_data(
                code,
                Some(origin),
                v8::CachedData::new(bytes),
            ),
            v8::script_compiler::CompileOptions::ConsumeCodeCache,
        ),
        None => (
            v8::script_compiler::Source::new(code, Some(origin)),
            v8::script_compiler::CompileOptions::NoCompileOptions,
        ),
    }
}

/// Node's code-cache properties on a compiled script or function: `cachedDataRejected` when
/// a cache was consumed; `cachedData` (when made) and `cachedDataProduced` when one was asked
/// for.
pub(super) fn store_cache_result(
    scope: &mut v8::PinScope<'_, '_>,
    target: v8::Local<v8::Object>,
    rejected: Option<bool>,
    produced: Option<Option<Vec<u8>>>,
) {
    if let Some(rejected) = rejected {
        let flag = v8::Boolean::new(scope, rejected);
        set_property(scope, target, "cachedDataRejected", flag.into());
    }
    if let Some(produced) = produced {
        let made = produced.is_some();
        if let Some(bytes) = produced {
            let buffer = bytes_to_uint8array(scope, bytes);
            set_property(scope, target, "cachedData", buffer);
        }
        let flag = v8::Boolean::new(scope, made);
        set_property(scope, target, "cachedDataProduced", flag.into());
    }
}

fn set_property(
    scope: &mut v8::PinScope<'_, '_>,
    object: v8::Local<v8::Object>,
    name: &str,
    value: v8::Local<v8::Value>,
) {
    let key = string(scope, name);
    object.set(scope, key.into(), value);
}

/// A Uint8Array over `bytes` (the JS side makes it a Buffer).
fn bytes_to_uint8array<'s>(
    scope: &mut v8::PinScope<'s, '_>,
    bytes: Vec<u8>,
) -> v8::Local<'s, v8::Value> {
    crate::convert::to_v8(scope, engine::HostValue::Bytes(bytes))
}

/// The unbound script of a `ContextifyScript` instance.
fn unbound_script<'s>(
    scope: &mut v8::PinScope<'s, '_>,
    object: v8::Local<'s, v8::Object>,
) -> Option<v8::Local<'s, v8::UnboundScript>> {
    let field = object.get_internal_field(scope, UNBOUND_SCRIPT_FIELD)?;
    if field.is_value() {
        return None;
    }
    // SAFETY: only `construct` sets this field of `ContextifyScript` instances (the only
    // objects with internal fields oxnode makes), and always to an UnboundScript; every
    // other Data it could hold is a Value (undefined before the constructor ran).
    Some(unsafe { v8::Local::<v8::UnboundScript>::cast_unchecked(field) })
}

/// An integer internal field of a `ContextifyScript` instance (0 when unset).
fn int_field(scope: &mut v8::PinScope<'_, '_>, object: v8::Local<v8::Object>, index: usize) -> i32 {
    object
        .get_internal_field(scope, index)
        .and_then(|data| v8::Local::<v8::Value>::try_from(data).ok())
        .and_then(|value| value.int32_value(scope))
        .unwrap_or(0)
}

/// Throws V8's error for a script method called on something else.
fn throw_illegal_invocation(scope: &mut v8::PinScope<'_, '_>) {
    let message = string(scope, "Illegal invocation");
    let exception = v8::Exception::type_error(scope, message);
    scope.throw_exception(exception);
}

/// `script.createCachedData()`: V8's code cache for the script, as a Uint8Array.
fn create_cached_data<'s>(
    scope: &mut v8::PinScope<'s, '_>,
    args: v8::FunctionCallbackArguments<'s>,
    mut rv: v8::ReturnValue<v8::Value>,
) {
    let Some(unbound) = unbound_script(scope, args.this()) else {
        throw_illegal_invocation(scope);
        return;
    };
    let bytes = unbound.create_code_cache().map(|data| data.to_vec()).unwrap_or_default();
    rv.set(bytes_to_uint8array(scope, bytes));
}

/// `script.runInContext(contextifiedObject | null, timeout, displayErrors)`: runs the script
/// in that object's context (or the current one) and returns its completion value. A
/// positive `timeout` (ms) ends the run with `ERR_SCRIPT_EXECUTION_TIMEOUT`.
fn run_in_context<'s>(
    scope: &mut v8::PinScope<'s, '_>,
    args: v8::FunctionCallbackArguments<'s>,
    mut rv: v8::ReturnValue<v8::Value>,
) {
    let Some(unbound) = unbound_script(scope, args.this()) else {
        throw_illegal_invocation(scope);
        return;
    };
    let target = args.get(0);
    let context = if target.is_null_or_undefined() {
        scope.get_current_context()
    } else if let Some(context) = context_of(scope, target) {
        context
    } else {
        let error = ThrowError::type_error(
            "ERR_INVALID_ARG_TYPE",
            "The \"contextifiedObject\" argument must be an vm.Context",
        );
        let exception = build_error(scope, error);
        scope.throw_exception(exception);
        return;
    };
    let timeout = args.get(1).integer_value(scope).filter(|ms| *ms > 0).map(|ms| ms as u64);
    let display_errors = args.get(2).is_true();
    let scope = &mut v8::ContextScope::new(scope, context);
    v8::tc_scope!(let tc, scope);
    let script = unbound.bind_to_current_context(tc);
    let watchdog = timeout.map(|ms| Watchdog::start(tc.thread_safe_handle(), ms));
    let mut result = script.run(tc);
    if result.is_some() {
        if let Some(own) = context.get_slot::<OwnMicrotaskQueue>() {
            own.0.perform_checkpoint(tc);
            if tc.has_caught() {
                result = None;
            }
        }
    }
    let timed_out = watchdog.is_some_and(Watchdog::stop);
    if timed_out {
        tc.cancel_terminate_execution();
        let ms = timeout.unwrap_or_default();
        let error = ThrowError::error(format!("Script execution timed out after {ms}ms"))
            .with("code", "ERR_SCRIPT_EXECUTION_TIMEOUT");
        let exception = build_error(tc, error);
        tc.throw_exception(exception);
    }
    if tc.has_caught() {
        if !timed_out && display_errors {
            if let Some(exception) = tc.exception() {
                let message = tc.message();
                let offsets = (
                    int_field(tc, args.this(), LINE_OFFSET_FIELD),
                    int_field(tc, args.this(), COLUMN_OFFSET_FIELD),
                );
                decorate_error_stack(tc, exception, message, offsets);
            }
        }
        if !tc.has_terminated() {
            tc.rethrow();
        }
        return;
    }
    if let Some(value) = result {
        rv.set(value);
    }
}

/// A thread that terminates JS on the isolate after a timeout unless stopped first.
struct Watchdog {
    stop: mpsc::Sender<()>,
    fired: Arc<AtomicBool>,
    thread: JoinHandle<()>,
}

impl Watchdog {
    fn start(isolate: v8::IsolateHandle, ms: u64) -> Self {
        let (stop, stopped) = mpsc::channel::<()>();
        let fired = Arc::new(AtomicBool::new(false));
        let flag = fired.clone();
        let thread = std::thread::spawn(move || {
            if let Err(RecvTimeoutError::Timeout) = stopped.recv_timeout(Duration::from_millis(ms))
            {
                flag.store(true, Ordering::SeqCst);
                isolate.terminate_execution();
            }
        });
        Watchdog { stop, fired, thread }
    }

    /// Stops the watchdog; true if it had fired.
    fn stop(self) -> bool {
        drop(self.stop);
        let _ = self.thread.join();
        self.fired.load(Ordering::SeqCst)
    }
}
