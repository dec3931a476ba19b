//! `internalBinding('contextify')`: compiling a file as a function (CommonJS), running a
//! string as a script (`-e`), and what Node's `vm` module stands on: contexts whose global
//! forwards to a contextified object, `ContextifyScript`, and functions compiled in a context.

mod context;
mod decorate;
mod dynamic_import;
mod interceptors;
mod script;

use super::set_fn;
use crate::convert::{script_origin, string};

pub(crate) use context::initialize_context_runtime;
pub(crate) use decorate::is_decorated;
pub(crate) use dynamic_import::vm_import_error;

pub(crate) fn install(scope: &mut v8::PinScope<'_, '_>, object: v8::Local<v8::Object>) {
    set_fn(scope, object, "compileFunction", compile_function);
    set_fn(scope, object, "runScript", run_script);
    set_fn(scope, object, "makeContext", context::make_context);
    set_fn(scope, object, "isContext", context::is_context);
    script::install(scope, object);
}

/// The strings of a JS array (other elements are skipped).
fn array_strings<'s>(
    scope: &mut v8::PinScope<'s, '_>,
    value: v8::Local<'s, v8::Value>,
) -> Vec<v8::Local<'s, v8::String>> {
    let mut strings = Vec::new();
    if let Ok(array) = v8::Local::<v8::Array>::try_from(value) {
        for i in 0..array.length() {
            if let Some(name) = array.get_index(scope, i).and_then(|v| v.to_string(scope)) {
                strings.push(name);
            }
        }
    }
    strings
}

/// The objects of a JS array (other elements are skipped).
fn array_objects<'s>(
    scope: &mut v8::PinScope<'s, '_>,
    value: v8::Local<'s, v8::Value>,
) -> Vec<v8::Local<'s, v8::Object>> {
    let mut objects = Vec::new();
    if let Ok(array) = v8::Local::<v8::Array>::try_from(value) {
        for i in 0..array.length() {
            if let Some(Ok(object)) =
                array.get_index(scope, i).map(v8::Local::<v8::Object>::try_from)
            {
                objects.push(object);
            }
        }
    }
    objects
}

/// `compileFunction(code, filename, params[, lineOffset, columnOffset, parsingContext,
/// contextExtensions, cachedData, produceCachedData, importMode])` → the function whose body
/// is `code`.
/// With the `vm` arguments it is compiled in the parsing context (a contextified object) with
/// the extensions' properties in scope, a syntax error's stack is decorated with its source
/// arrow, and the function gets `cachedDataRejected` / `cachedData` and `cachedDataProduced`
/// when a code cache was given / asked for, as Node's `vm.compileFunction` does; `importMode`
/// says how its `import()` fails (see `dynamic_import`).
fn compile_function<'s>(
    scope: &mut v8::PinScope<'s, '_>,
    args: v8::FunctionCallbackArguments<'s>,
    mut rv: v8::ReturnValue<v8::Value>,
) {
    let Ok(code) = v8::Local::<v8::String>::try_from(args.get(0)) else {
        return;
    };
    let params = array_strings(scope, args.get(2));
    let for_vm = args.length() > 3;
    let line_offset = args.get(3).int32_value(scope).unwrap_or(0);
    let column_offset = args.get(4).int32_value(scope).unwrap_or(0);
    let context = match context::context_of(scope, args.get(5)) {
        Some(context) => context,
        None => scope.get_current_context(),
    };
    let extensions = array_objects(scope, args.get(6));
    let import_mode = args.get(9).int32_value(scope).unwrap_or(0);
    let host_options = for_vm.then(|| dynamic_import::host_defined_options(scope, import_mode));
    let origin = v8::ScriptOrigin::new(
        scope,
        args.get(1),
        line_offset,
        column_offset,
        for_vm,
        -1,
        None,
        false,
        false,
        false,
        host_options,
    );
    let cached_data = script::view_bytes(args.get(7));
    let produce_cached_data = args.get(8).is_true();
    let (mut source, options) = script::source_with_cache(code, &origin, cached_data.as_deref());
    let scope = &mut v8::ContextScope::new(scope, context);
    v8::tc_scope!(let tc, scope);
    let function = v8::script_compiler::compile_function(
        tc,
        &mut source,
        &params,
        &extensions,
        options,
        v8::script_compiler::NoCacheReason::NoReason,
    );
    match function {
        Some(function) => {
            let rejected = source.get_cached_data().map(|data| data.rejected());
            let produced =
                produce_cached_data.then(|| function.create_code_cache().map(|data| data.to_vec()));
            script::store_cache_result(tc, function.into(), rejected, produced);
            rv.set(function.into());
        }
        None => {
            if for_vm {
                if let Some(exception) = tc.exception() {
                    let message = tc.message();
                    let offsets = (line_offset, column_offset);
                    decorate::decorate_error_stack(tc, exception, message, offsets);
                }
            }
            if !tc.has_terminated() {
                tc.rethrow();
            }
        }
    }
}

/// `runScript(code, filename)` → the script's completion value.
fn run_script<'s>(
    scope: &mut v8::PinScope<'s, '_>,
    args: v8::FunctionCallbackArguments<'s>,
    mut rv: v8::ReturnValue<v8::Value>,
) {
    let code = args.get(0).to_string(scope).unwrap_or_else(|| string(scope, ""));
    let origin = script_origin(scope, args.get(1));
    let Some(script) = v8::Script::compile(scope, code, Some(&origin)) else {
        return;
    };
    if let Some(value) = script.run(scope) {
        rv.set(value);
    }
}
