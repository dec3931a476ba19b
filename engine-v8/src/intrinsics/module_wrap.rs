//! `internalBinding('module_wrap')`: ES modules on V8's module API, driven by the JS loader.
//!
//! A module is a number (its index in the [`ModuleRegistry`] isolate slot), so the JS side
//! holds no engine objects. The loader compiles source-text modules, makes synthetic ones
//! (built-ins and CommonJS, whose export values it already knows), tells each module which
//! module every import specifier resolved to (`link`), then instantiates and evaluates.
//! V8's resolve callback only looks those links up. Dynamic `import()` and `import.meta`
//! go to the JS hooks `importModuleDynamically(specifier, referrerName)` and
//! `initializeImportMeta(meta, moduleId)` registered with `internalBinding('engine').setHook`.

use std::collections::HashMap;

use super::{set_fn, Hooks};
use crate::convert::string;
use crate::exception::source_arrow;

/// One module the loader made.
struct ModuleEntry {
    module: v8::Global<v8::Module>,
    /// Import specifier → module id, set by `link`.
    links: HashMap<String, usize>,
    /// For a synthetic module: the object whose properties become its exports, or the
    /// function that returns it.
    exports: Option<v8::Global<v8::Object>>,
}

/// Every module of the realm, by id, with an index from V8's identity hash (an isolate slot).
#[derive(Default)]
pub(crate) struct ModuleRegistry {
    entries: Vec<ModuleEntry>,
    by_hash: HashMap<i32, Vec<usize>>,
}

impl ModuleRegistry {
    /// The id of `module`, if the loader made it.
    fn id_of(&self, scope: &v8::PinScope<'_, '_>, module: v8::Local<v8::Module>) -> Option<usize> {
        let candidates = self.by_hash.get(&module.get_identity_hash().get())?;
        candidates
            .iter()
            .copied()
            .find(|&id| v8::Local::new(scope, &self.entries[id].module) == module)
    }
}

pub(crate) fn install(scope: &mut v8::PinScope<'_, '_>, object: v8::Local<v8::Object>) {
    scope.set_slot(ModuleRegistry::default());
    scope.set_host_import_module_dynamically_callback(import_module_dynamically);
    scope.set_host_initialize_import_meta_object_callback(initialize_import_meta);
    set_fn(scope, object, "compileSourceTextModule", compile_source_text_module);
    set_fn(scope, object, "createSyntheticModule", create_synthetic_module);
    set_fn(scope, object, "setSyntheticExport", set_synthetic_export);
    set_fn(scope, object, "getModuleRequests", get_module_requests);
    set_fn(scope, object, "getModuleRequestAttributes", get_module_request_attributes);
    set_fn(scope, object, "link", link);
    set_fn(scope, object, "instantiate", instantiate);
    set_fn(scope, object, "evaluate", evaluate);
    set_fn(scope, object, "getNamespace", get_namespace);
    set_fn(scope, object, "getStatus", get_status);
    set_fn(scope, object, "getError", get_error);
    set_fn(scope, object, "isGraphAsync", is_graph_async);
    set_fn(scope, object, "decorateErrorStack", decorate_error);
    set_fn(scope, object, "getStalledTopLevelAwaitArrows", get_stalled_top_level_await_arrows);
}

fn throw_type_error(scope: &mut v8::PinScope<'_, '_>, text: &str) {
    let message = string(scope, text);
    let error = v8::Exception::type_error(scope, message);
    scope.throw_exception(error);
}

/// Adds `module` to the registry and returns its id.
fn register(
    scope: &mut v8::PinScope<'_, '_>,
    module: v8::Local<v8::Module>,
    exports: Option<v8::Global<v8::Object>>,
) -> Option<usize> {
    let hash = module.get_identity_hash().get();
    let module = v8::Global::new(scope, module);
    let registry = scope.get_slot_mut::<ModuleRegistry>()?;
    let id = registry.entries.len();
    registry.entries.push(ModuleEntry { module, links: HashMap::new(), exports });
    registry.by_hash.entry(hash).or_default().push(id);
    Some(id)
}

/// The module whose id is argument `index`, or a TypeError.
fn module_arg<'s>(
    scope: &mut v8::PinScope<'s, '_>,
    args: &v8::FunctionCallbackArguments,
    index: i32,
) -> Option<v8::Local<'s, v8::Module>> {
    let id = args.get(index).uint32_value(scope).map(|n| n as usize);
    let global = id.and_then(|id| {
        scope.get_slot::<ModuleRegistry>().and_then(|r| r.entries.get(id)).map(|e| e.module.clone())
    });
    match global {
        Some(global) => Some(v8::Local::new(scope, global)),
        None => {
            throw_type_error(scope, "invalid module id");
            None
        }
    }
}

fn return_id(scope: &mut v8::PinScope<'_, '_>, id: Option<usize>, rv: &mut v8::ReturnValue) {
    if let Some(id) = id {
        rv.set(v8::Number::new(scope, id as f64).into());
    }
}

/// `compileSourceTextModule(source, url)`: compiles a module; a SyntaxError throws.
fn compile_source_text_module(
    scope: &mut v8::PinScope,
    args: v8::FunctionCallbackArguments,
    mut rv: v8::ReturnValue<v8::Value>,
) {
    let Some(code) = args.get(0).to_string(scope) else {
        return;
    };
    let Some(url) = args.get(1).to_string(scope) else {
        return;
    };
    let origin =
        v8::ScriptOrigin::new(scope, url.into(), 0, 0, false, 0, None, false, false, true, None);
    let mut source = v8::script_compiler::Source::new(code, Some(&origin));
    let Some(module) = v8::script_compiler::compile_module(scope, &mut source) else {
        return;
    };
    let id = register(scope, module, None);
    return_id(scope, id, &mut rv);
}

/// `createSyntheticModule(url, exportNames, values)`: a module whose export `name` is
/// `values[name]` when it is evaluated; `values` may be a function returning that object,
/// called at evaluation.
fn create_synthetic_module(
    scope: &mut v8::PinScope,
    args: v8::FunctionCallbackArguments,
    mut rv: v8::ReturnValue<v8::Value>,
) {
    let Some(url) = args.get(0).to_string(scope) else {
        return;
    };
    let (Ok(names), Ok(values)) = (
        v8::Local::<v8::Array>::try_from(args.get(1)),
        v8::Local::<v8::Object>::try_from(args.get(2)),
    ) else {
        throw_type_error(scope, "createSyntheticModule(url, exportNames, values)");
        return;
    };
    let mut export_names = Vec::with_capacity(names.length() as usize);
    for index in 0..names.length() {
        let Some(name) = names.get_index(scope, index).and_then(|n| n.to_string(scope)) else {
            return;
        };
        export_names.push(name);
    }
    let module = v8::Module::create_synthetic_module(scope, url, &export_names, synthetic_steps);
    let values = v8::Global::new(scope, values);
    let id = register(scope, module, Some(values));
    return_id(scope, id, &mut rv);
}

/// Evaluating a synthetic module: copies each export from its values object.
fn synthetic_steps<'s>(
    context: v8::Local<'s, v8::Context>,
    module: v8::Local<'s, v8::Module>,
) -> Option<v8::Local<'s, v8::Value>> {
    v8::callback_scope!(unsafe scope, context);
    let values = {
        let registry = scope.get_slot::<ModuleRegistry>()?;
        let id = registry.id_of(scope, module)?;
        registry.entries[id].exports.clone()?
    };
    let mut values = v8::Local::new(scope, values);
    // A function computes the values now (CommonJS runs when its importer's graph does).
    if let Ok(compute) = v8::Local::<v8::Function>::try_from(values) {
        let receiver = v8::undefined(scope);
        let computed = compute.call(scope, receiver.into(), &[])?;
        values = computed.to_object(scope)?;
    }
    let names = values.get_own_property_names(scope, Default::default())?;
    for index in 0..names.length() {
        let name = names.get_index(scope, index)?.to_string(scope)?;
        let value = values.get(scope, name.into())?;
        // Names the module did not declare are skipped (the values object may have more).
        v8::tc_scope!(let tc, scope);
        let _ = module.set_synthetic_module_export(tc, name, value);
    }
    Some(v8::undefined(scope).into())
}

/// `setSyntheticExport(id, name, value)`: changes an export of an evaluated synthetic
/// module (`module.syncBuiltinESMExports()`); an undeclared name throws.
fn set_synthetic_export(
    scope: &mut v8::PinScope,
    args: v8::FunctionCallbackArguments,
    _rv: v8::ReturnValue<v8::Value>,
) {
    let Some(module) = module_arg(scope, &args, 0) else {
        return;
    };
    if !module.is_synthetic_module() {
        throw_type_error(scope, "not a synthetic module");
        return;
    }
    let Some(name) = args.get(1).to_string(scope) else {
        return;
    };
    let value = v8::Local::new(scope, args.get(2));
    let _ = module.set_synthetic_module_export(scope, name, value);
}

/// `getModuleRequests(id)`: the specifiers the module imports, in source order.
fn get_module_requests(
    scope: &mut v8::PinScope,
    args: v8::FunctionCallbackArguments,
    mut rv: v8::ReturnValue<v8::Value>,
) {
    let Some(module) = module_arg(scope, &args, 0) else {
        return;
    };
    let requests = module.get_module_requests();
    let mut specifiers = Vec::with_capacity(requests.length());
    for index in 0..requests.length() {
        let Some(data) = requests.get(scope, index) else {
            continue;
        };
        let Ok(request) = v8::Local::<v8::ModuleRequest>::try_from(data) else {
            continue;
        };
        specifiers.push(request.get_specifier().into());
    }
    rv.set(v8::Array::new_with_elements(scope, &specifiers).into());
}

/// `getModuleRequestAttributes(id)`: for each import of the module, in source order, its
/// import attributes (`with { type: 'json' }`) as an object.
fn get_module_request_attributes(
    scope: &mut v8::PinScope,
    args: v8::FunctionCallbackArguments,
    mut rv: v8::ReturnValue<v8::Value>,
) {
    let Some(module) = module_arg(scope, &args, 0) else {
        return;
    };
    let requests = module.get_module_requests();
    let mut all = Vec::with_capacity(requests.length());
    for index in 0..requests.length() {
        let Some(request) = requests
            .get(scope, index)
            .and_then(|data| v8::Local::<v8::ModuleRequest>::try_from(data).ok())
        else {
            continue;
        };
        // Static imports list each attribute as (key, value, source offset).
        let attributes = attributes_object(scope, request.get_import_attributes(), 3);
        all.push(attributes.into());
    }
    rv.set(v8::Array::new_with_elements(scope, &all).into());
}

/// An object of the import attributes in `list`, whose entries are `stride` long and start
/// with the key and the value.
fn attributes_object<'s>(
    scope: &mut v8::PinScope<'s, '_>,
    list: v8::Local<'s, v8::FixedArray>,
    stride: usize,
) -> v8::Local<'s, v8::Object> {
    let null = v8::null(scope);
    let object = v8::Object::with_prototype_and_properties(scope, null.into(), &[], &[]);
    let mut index = 0;
    while index + 1 < list.length() {
        let key = list.get(scope, index).and_then(|d| v8::Local::<v8::Value>::try_from(d).ok());
        let value =
            list.get(scope, index + 1).and_then(|d| v8::Local::<v8::Value>::try_from(d).ok());
        if let (Some(key), Some(value)) = (key, value) {
            object.set(scope, key, value);
        }
        index += stride;
    }
    object
}

/// `link(id, specifiers, ids)`: what each import specifier of the module resolved to.
fn link(
    scope: &mut v8::PinScope,
    args: v8::FunctionCallbackArguments,
    _rv: v8::ReturnValue<v8::Value>,
) {
    let Ok(id) = args.get(0).uint32_value(scope).map(|n| n as usize).ok_or(()) else {
        return;
    };
    let (Ok(specifiers), Ok(ids)) = (
        v8::Local::<v8::Array>::try_from(args.get(1)),
        v8::Local::<v8::Array>::try_from(args.get(2)),
    ) else {
        throw_type_error(scope, "link(id, specifiers, ids)");
        return;
    };
    let mut links = Vec::new();
    for index in 0..specifiers.length() {
        let specifier = specifiers.get_index(scope, index).map(|s| s.to_rust_string_lossy(scope));
        let target = ids.get_index(scope, index).and_then(|t| t.uint32_value(scope));
        if let (Some(specifier), Some(target)) = (specifier, target) {
            links.push((specifier, target as usize));
        }
    }
    let known = scope.get_slot::<ModuleRegistry>().map_or(0, |r| r.entries.len());
    if id >= known || links.iter().any(|(_, target)| *target >= known) {
        throw_type_error(scope, "invalid module id");
        return;
    }
    if let Some(registry) = scope.get_slot_mut::<ModuleRegistry>() {
        registry.entries[id].links.extend(links);
    }
}

/// V8 asks which module `specifier` of `referrer` is: the one `link` recorded.
fn resolve_linked<'s>(
    context: v8::Local<'s, v8::Context>,
    specifier: v8::Local<'s, v8::String>,
    _import_attributes: v8::Local<'s, v8::FixedArray>,
    referrer: v8::Local<'s, v8::Module>,
) -> Option<v8::Local<'s, v8::Module>> {
    v8::callback_scope!(unsafe scope, context);
    let name = specifier.to_rust_string_lossy(scope);
    let target = scope.get_slot::<ModuleRegistry>().and_then(|registry| {
        let id = registry.id_of(scope, referrer)?;
        let target = *registry.entries[id].links.get(&name)?;
        Some(registry.entries[target].module.clone())
    });
    match target {
        Some(global) => Some(v8::Local::new(scope, global)),
        None => {
            let text = format!("module request '{name}' was not linked");
            let message = string(scope, &text);
            let error = v8::Exception::error(scope, message);
            scope.throw_exception(error);
            None
        }
    }
}

/// `instantiate(id)`: links the graph's bindings; a missing export throws a SyntaxError.
fn instantiate(
    scope: &mut v8::PinScope,
    args: v8::FunctionCallbackArguments,
    mut rv: v8::ReturnValue<v8::Value>,
) {
    let Some(module) = module_arg(scope, &args, 0) else {
        return;
    };
    v8::tc_scope!(let tc, scope);
    if let Some(done) = module.instantiate_module(tc, resolve_linked) {
        rv.set(v8::Boolean::new(tc, done).into());
        return;
    }
    if let (Some(exception), Some(message)) = (tc.exception(), tc.message()) {
        decorate_error_stack(tc, exception, message, "");
    }
    tc.rethrow();
}

/// `decorateErrorStack(error)`: puts the arrow of where `error` was thrown in front of its
/// stack, so that rethrowing it (require(esm) of a module that threw) keeps that arrow.
fn decorate_error(
    scope: &mut v8::PinScope,
    args: v8::FunctionCallbackArguments,
    _rv: v8::ReturnValue<v8::Value>,
) {
    let exception = v8::Local::new(scope, args.get(0));
    let message = v8::Exception::create_message(scope, exception);
    decorate_error_stack(scope, exception, message, "\n");
}

/// As Node does for link errors: puts the source arrow (the import that failed) and
/// `separator` in front of the error's stack, and marks the error so that it is not printed
/// a second time.
fn decorate_error_stack(
    scope: &mut v8::PinScope<'_, '_>,
    exception: v8::Local<v8::Value>,
    message: v8::Local<v8::Message>,
    separator: &str,
) {
    let Ok(error) = v8::Local::<v8::Object>::try_from(exception) else {
        return;
    };
    let marker_name = string(scope, "oxnode:decorated");
    let marker = v8::Private::for_api(scope, Some(marker_name));
    if error.get_private(scope, marker).is_some_and(|v| v.is_true()) {
        return;
    }
    let stack_key = string(scope, "stack");
    let Some(stack) = error.get(scope, stack_key.into()).filter(|s| s.is_string()) else {
        return;
    };
    let arrow = source_arrow(scope, message);
    let decorated = format!("{arrow}{separator}{}", stack.to_rust_string_lossy(scope));
    let decorated = string(scope, &decorated);
    error.set(scope, stack_key.into(), decorated.into());
    let marked = v8::Boolean::new(scope, true);
    error.set_private(scope, marker, marked.into());
}

/// `evaluate(id)`: runs the graph; returns the promise of its evaluation.
fn evaluate(
    scope: &mut v8::PinScope,
    args: v8::FunctionCallbackArguments,
    mut rv: v8::ReturnValue<v8::Value>,
) {
    let Some(module) = module_arg(scope, &args, 0) else {
        return;
    };
    // V8 aborts the process for a module that is not linked or is in the middle of
    // evaluating (a cycle through require(esm)); that is an error here instead.
    if !matches!(
        module.get_status(),
        v8::ModuleStatus::Instantiated | v8::ModuleStatus::Evaluated | v8::ModuleStatus::Errored
    ) {
        let message = string(scope, "cannot evaluate a module that is not linked or is evaluating");
        let error = v8::Exception::error(scope, message);
        scope.throw_exception(error);
        return;
    }
    if let Some(result) = module.evaluate(scope) {
        rv.set(result);
    }
}

/// `getNamespace(id)`: the module namespace object (instantiated modules only).
fn get_namespace(
    scope: &mut v8::PinScope,
    args: v8::FunctionCallbackArguments,
    mut rv: v8::ReturnValue<v8::Value>,
) {
    let Some(module) = module_arg(scope, &args, 0) else {
        return;
    };
    if matches!(module.get_status(), v8::ModuleStatus::Uninstantiated) {
        throw_type_error(scope, "cannot get the namespace of an uninstantiated module");
        return;
    }
    rv.set(module.get_module_namespace());
}

/// `getStatus(id)`: 0 unlinked, 1 linking, 2 linked, 3 evaluating, 4 evaluated, 5 errored
/// (Node's `kUninstantiated` … `kErrored`).
fn get_status(
    scope: &mut v8::PinScope,
    args: v8::FunctionCallbackArguments,
    mut rv: v8::ReturnValue<v8::Value>,
) {
    let Some(module) = module_arg(scope, &args, 0) else {
        return;
    };
    let status = match module.get_status() {
        v8::ModuleStatus::Uninstantiated => 0,
        v8::ModuleStatus::Instantiating => 1,
        v8::ModuleStatus::Instantiated => 2,
        v8::ModuleStatus::Evaluating => 3,
        v8::ModuleStatus::Evaluated => 4,
        v8::ModuleStatus::Errored => 5,
    };
    rv.set(v8::Integer::new(scope, status).into());
}

/// `getError(id)`: the exception of an errored module.
fn get_error(
    scope: &mut v8::PinScope,
    args: v8::FunctionCallbackArguments,
    mut rv: v8::ReturnValue<v8::Value>,
) {
    let Some(module) = module_arg(scope, &args, 0) else {
        return;
    };
    if matches!(module.get_status(), v8::ModuleStatus::Errored) {
        rv.set(module.get_exception());
    }
}

/// `isGraphAsync(id)`: whether the module or a dependency uses top-level await.
fn is_graph_async(
    scope: &mut v8::PinScope,
    args: v8::FunctionCallbackArguments,
    mut rv: v8::ReturnValue<v8::Value>,
) {
    let Some(module) = module_arg(scope, &args, 0) else {
        return;
    };
    let status = module.get_status();
    let answer = if matches!(status, v8::ModuleStatus::Uninstantiated) {
        module.has_top_level_await()
    } else {
        module.is_graph_async()
    };
    rv.set(v8::Boolean::new(scope, answer).into());
}

/// `getStalledTopLevelAwaitArrows(id)`: the source arrow of each top-level await in the
/// module's graph that is still waiting.
fn get_stalled_top_level_await_arrows(
    scope: &mut v8::PinScope,
    args: v8::FunctionCallbackArguments,
    mut rv: v8::ReturnValue<v8::Value>,
) {
    let Some(module) = module_arg(scope, &args, 0) else {
        return;
    };
    let mut arrows = Vec::new();
    if module.is_source_text_module() && matches!(module.get_status(), v8::ModuleStatus::Evaluated)
    {
        for (_, message) in module.get_stalled_top_level_await_message(scope) {
            let arrow = source_arrow(scope, message);
            arrows.push(string(scope, &arrow).into());
        }
    }
    rv.set(v8::Array::new_with_elements(scope, &arrows).into());
}

/// The JS hook `name`, if registered.
fn hook<'s>(scope: &mut v8::PinScope<'s, '_>, name: &str) -> Option<v8::Local<'s, v8::Function>> {
    let global = scope.get_slot::<Hooks>()?.0.get(name)?.clone();
    Some(v8::Local::new(scope, global))
}

/// `import(specifier, { with })`: the promise the JS hook returns for (specifier, referrer
/// name, attributes).
fn import_module_dynamically<'s>(
    scope: &mut v8::PinScope<'s, '_>,
    host_defined_options: v8::Local<'s, v8::Data>,
    resource_name: v8::Local<'s, v8::Value>,
    specifier: v8::Local<'s, v8::String>,
    import_attributes: v8::Local<'s, v8::FixedArray>,
) -> Option<v8::Local<'s, v8::Promise>> {
    // Code compiled by `vm` without a loader: Node's ERR_VM_DYNAMIC_IMPORT_CALLBACK_MISSING*.
    if let Some(error) = super::contextify::vm_import_error(scope, host_defined_options) {
        let resolver = v8::PromiseResolver::new(scope)?;
        resolver.reject(scope, error);
        return Some(resolver.get_promise(scope));
    }
    let Some(function) = hook(scope, "importModuleDynamically") else {
        let resolver = v8::PromiseResolver::new(scope)?;
        let message = string(scope, "import() is not supported here");
        let error = v8::Exception::type_error(scope, message);
        resolver.reject(scope, error);
        return Some(resolver.get_promise(scope));
    };
    // import() lists each attribute as (key, value).
    let attributes = attributes_object(scope, import_attributes, 2);
    let receiver = v8::undefined(scope);
    let args = [specifier.into(), resource_name, attributes.into()];
    let result = function.call(scope, receiver.into(), &args)?;
    if let Ok(promise) = v8::Local::<v8::Promise>::try_from(result) {
        return Some(promise);
    }
    let resolver = v8::PromiseResolver::new(scope)?;
    resolver.resolve(scope, result);
    Some(resolver.get_promise(scope))
}

/// `import.meta` on first use: filled by the JS hook from the module's id.
extern "C" fn initialize_import_meta(
    context: v8::Local<v8::Context>,
    module: v8::Local<v8::Module>,
    meta: v8::Local<v8::Object>,
) {
    v8::callback_scope!(unsafe scope, context);
    let id = scope.get_slot::<ModuleRegistry>().and_then(|r| r.id_of(scope, module));
    let (Some(id), Some(function)) = (id, hook(scope, "initializeImportMeta")) else {
        return;
    };
    let id = v8::Number::new(scope, id as f64);
    let receiver = v8::undefined(scope);
    let _ = function.call(scope, receiver.into(), &[meta.into(), id.into()]);
}
