//! `vm` contexts: a new V8 context whose global forwards to a contextified object, linked to
//! it by a private symbol holding the context's global proxy.

use std::rc::Rc;

use super::interceptors;
use crate::convert::string;

/// The private key on a contextified object (or on the global of a context made with
/// `DONT_CONTEXTIFY`) that holds its context's global proxy.
fn global_key<'s>(scope: &mut v8::PinScope<'s, '_>) -> v8::Local<'s, v8::Private> {
    let name = string(scope, "oxnode:contextify_global");
    v8::Private::for_api(scope, Some(name))
}

/// The global proxy a contextified object is linked to.
pub(super) fn linked_global<'s>(
    scope: &mut v8::PinScope<'s, '_>,
    object: v8::Local<'s, v8::Object>,
) -> Option<v8::Local<'s, v8::Value>> {
    let key = global_key(scope);
    object.get_private(scope, key).filter(|global| global.is_object())
}

/// The context of a contextified object, if it is one.
pub(super) fn context_of<'s>(
    scope: &mut v8::PinScope<'s, '_>,
    value: v8::Local<'s, v8::Value>,
) -> Option<v8::Local<'s, v8::Context>> {
    let object = v8::Local::<v8::Object>::try_from(value).ok()?;
    let global = linked_global(scope, object)?;
    let global = v8::Local::<v8::Object>::try_from(global).ok()?;
    global.get_creation_context(scope)
}

/// A context slot marking a context whose code may not compile WebAssembly.
struct WasmDisallowed;

/// A context slot holding the context's own microtask queue (`microtaskMode:
/// 'afterEvaluate'`), dropped with the context.
pub(super) struct OwnMicrotaskQueue(pub v8::MicrotaskQueueHandle);

/// V8's question whether a context may compile WebAssembly.
unsafe extern "C" fn allow_wasm_code_generation(
    context: v8::Local<v8::Context>,
    _source: v8::Local<v8::String>,
) -> bool {
    context.get_slot::<WasmDisallowed>().is_none()
}

/// `makeContext(sandbox, allowStrings, allowWasm, ownMicrotaskQueue)`: makes a context whose
/// global forwards to `sandbox`, or, when `sandbox` is not an object
/// (`vm.constants.DONT_CONTEXTIFY`), an ordinary context, whose global it returns. Its code
/// may run `eval` and `new Function` only if `allowStrings`, compile WebAssembly only if
/// `allowWasm`; with `ownMicrotaskQueue` its promise jobs run only right after each script.
pub(super) fn make_context<'s>(
    scope: &mut v8::PinScope<'s, '_>,
    args: v8::FunctionCallbackArguments<'s>,
    mut rv: v8::ReturnValue<v8::Value>,
) {
    let sandbox = v8::Local::<v8::Object>::try_from(args.get(0)).ok();
    let allow_strings = args.get(1).boolean_value(scope);
    let allow_wasm = args.get(2).boolean_value(scope);
    let own_queue = args
        .get(3)
        .boolean_value(scope)
        .then(|| v8::MicrotaskQueue::new(scope, v8::MicrotasksPolicy::Explicit));
    let template = v8::ObjectTemplate::new(scope);
    if let Some(sandbox) = sandbox {
        interceptors::install(template, sandbox);
    }
    let main = scope.get_current_context();
    let token = main.get_security_token(scope);
    let microtask_queue = own_queue.as_ref().map(|queue| {
        let queue: &v8::MicrotaskQueue = queue;
        queue as *const v8::MicrotaskQueue as *mut v8::MicrotaskQueue
    });
    let context = v8::Context::new(
        scope,
        v8::ContextOptions {
            global_template: Some(template),
            microtask_queue,
            ..Default::default()
        },
    );
    initialize_context_runtime(scope, context);
    if let Some(queue) = own_queue {
        context.set_slot(Rc::new(OwnMicrotaskQueue(queue)));
    }
    context.set_security_token(token);
    if !allow_strings {
        context.set_allow_generation_from_strings(false);
    }
    if !allow_wasm {
        context.set_slot(Rc::new(WasmDisallowed));
        scope.set_allow_wasm_code_generation_callback(allow_wasm_code_generation);
    }
    let global = context.global(scope);
    let key = global_key(scope);
    match sandbox {
        Some(sandbox) => {
            name_global_after(scope, context, sandbox);
            sandbox.set_private(scope, key, global.into());
            rv.set(sandbox.into());
        }
        None => {
            global.set_private(scope, key, global.into());
            rv.set(global.into());
        }
    }
}

/// What Node does to every context it makes: `Intl.v8BreakIterator`, a V8 extra that is not
/// part of the language, is removed.
pub(crate) fn initialize_context_runtime(
    scope: &mut v8::PinScope<'_, '_>,
    context: v8::Local<v8::Context>,
) {
    let scope = &mut v8::ContextScope::new(scope, context);
    let global = context.global(scope);
    let intl_key = string(scope, "Intl");
    let Some(Ok(intl)) = global.get(scope, intl_key.into()).map(v8::Local::<v8::Object>::try_from)
    else {
        return;
    };
    let key = string(scope, "v8BreakIterator");
    intl.delete(scope, key.into());
}

/// As Node: a global contextified from an instance of a class other than `Object` is tagged
/// with the class name (`Symbol.toStringTag`).
fn name_global_after(
    scope: &mut v8::PinScope<'_, '_>,
    context: v8::Local<v8::Context>,
    sandbox: v8::Local<v8::Object>,
) {
    let name = sandbox.get_constructor_name();
    if name.to_rust_string_lossy(scope) == "Object" {
        return;
    }
    let scope = &mut v8::ContextScope::new(scope, context);
    let global = context.global(scope);
    let tag = v8::Symbol::get_to_string_tag(scope);
    let _ = global.define_own_property(
        scope,
        tag.into(),
        name.into(),
        v8::PropertyAttribute::DONT_ENUM,
    );
}

/// `isContext(object)`: whether `object` was contextified.
pub(super) fn is_context<'s>(
    scope: &mut v8::PinScope<'s, '_>,
    args: v8::FunctionCallbackArguments<'s>,
    mut rv: v8::ReturnValue<v8::Value>,
) {
    let contextified = context_of(scope, args.get(0)).is_some();
    rv.set(v8::Boolean::new(scope, contextified).into());
}
