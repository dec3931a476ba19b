//! `internalBinding('contextify')`: compiling a file as a function (CommonJS) and running
//! a string as a script (`-e`), with the file name in stack traces.

use super::set_fn;
use crate::convert::{script_origin, string};

pub(crate) fn install(scope: &mut v8::PinScope<'_, '_>, object: v8::Local<v8::Object>) {
    set_fn(scope, object, "compileFunction", compile_function);
    set_fn(scope, object, "runScript", run_script);
}

/// `compileFunction(code, filename, params)` → the function whose body is `code`.
fn compile_function(
    scope: &mut v8::PinScope,
    args: v8::FunctionCallbackArguments,
    mut rv: v8::ReturnValue<v8::Value>,
) {
    let Ok(code) = v8::Local::<v8::String>::try_from(args.get(0)) else {
        return;
    };
    let filename = args.get(1);
    let mut params = Vec::new();
    if let Ok(array) = v8::Local::<v8::Array>::try_from(args.get(2)) {
        for i in 0..array.length() {
            if let Some(name) = array.get_index(scope, i).and_then(|v| v.to_string(scope)) {
                params.push(name);
            }
        }
    }
    let origin = script_origin(scope, filename);
    let mut source = v8::script_compiler::Source::new(code, Some(&origin));
    if let Some(function) = v8::script_compiler::compile_function(
        scope,
        &mut source,
        &params,
        &[],
        v8::script_compiler::CompileOptions::NoCompileOptions,
        v8::script_compiler::NoCacheReason::NoReason,
    ) {
        rv.set(function.into());
    }
}

/// `runScript(code, filename)` → the script's completion value.
fn run_script(
    scope: &mut v8::PinScope,
    args: v8::FunctionCallbackArguments,
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
