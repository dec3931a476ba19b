//! The bindings only the engine can provide (see [`engine::intrinsics`]), for V8.

mod contextify;
mod engine_binding;
mod module_wrap;
mod types;
mod util;

use crate::convert::string;

/// The object `internalBinding(name)` returns, created inside `bindings` on first use.
pub(crate) fn binding_object<'s>(
    scope: &mut v8::PinScope<'s, '_>,
    bindings: v8::Local<'s, v8::Object>,
    name: &str,
) -> v8::Local<'s, v8::Object> {
    let key = string(scope, name);
    if let Some(existing) = bindings.get(scope, key.into()) {
        if let Ok(object) = v8::Local::<v8::Object>::try_from(existing) {
            return object;
        }
    }
    let object = v8::Object::new(scope);
    bindings.set(scope, key.into(), object.into());
    object
}

/// Sets `object[name]` to a new function calling `callback`.
pub(crate) fn set_fn(
    scope: &mut v8::PinScope<'_, '_>,
    object: v8::Local<v8::Object>,
    name: &str,
    callback: impl v8::MapFnTo<v8::FunctionCallback>,
) {
    let Some(function) = v8::Function::new(scope, callback) else {
        return;
    };
    let key = string(scope, name);
    function.set_name(key);
    object.set(scope, key.into(), function.into());
}

/// Installs all intrinsic bindings into `bindings`.
pub(crate) fn install<'s>(scope: &mut v8::PinScope<'s, '_>, bindings: v8::Local<'s, v8::Object>) {
    let object = binding_object(scope, bindings, "engine");
    engine_binding::install(scope, object);
    let object = binding_object(scope, bindings, "contextify");
    contextify::install(scope, object);
    let object = binding_object(scope, bindings, "module_wrap");
    module_wrap::install(scope, object);
    let object = binding_object(scope, bindings, "util");
    util::install(scope, object);
    let object = binding_object(scope, bindings, "types");
    types::install(scope, object);
}

pub(crate) use contextify::{initialize_context_runtime, is_decorated};
pub(crate) use engine_binding::{prepare_stack_trace_callback, promise_reject_callback, Hooks};
pub(crate) use module_wrap::ModuleRegistry;
