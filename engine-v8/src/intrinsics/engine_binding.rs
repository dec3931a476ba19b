//! `internalBinding('engine')`: hooks the host calls, microtasks, promise rejections, the
//! source arrow of an error, the formatting of `error.stack`, and the async context frame.

use std::collections::HashMap;

use super::set_fn;
use crate::convert::string;
use crate::exception::source_arrow;

/// The JS functions the bootstrap registered by name (an isolate slot).
#[derive(Default)]
pub(crate) struct Hooks(pub HashMap<String, v8::Global<v8::Function>>);

pub(crate) fn install(scope: &mut v8::PinScope<'_, '_>, object: v8::Local<v8::Object>) {
    set_fn(scope, object, "setHook", set_hook);
    set_fn(scope, object, "runMicrotasks", run_microtasks);
    set_fn(scope, object, "enqueueMicrotask", enqueue_microtask);
    set_fn(scope, object, "setPromiseRejectCallback", set_promise_reject_callback);
    set_fn(scope, object, "getErrorSourceArrow", get_error_source_arrow);
    set_fn(scope, object, "getHeapStatistics", get_heap_statistics);
    set_fn(scope, object, "getHeapSpaceStatistics", get_heap_space_statistics);
    set_fn(scope, object, "getHeapCodeStatistics", get_heap_code_statistics);
    set_fn(scope, object, "isStringOneByteRepresentation", is_string_one_byte_representation);
    set_fn(scope, object, "timeZoneChanged", time_zone_changed);
    set_fn(scope, object, "getAsyncContextFrame", get_async_context_frame);
    set_fn(scope, object, "setAsyncContextFrame", set_async_context_frame);
    set_fn(scope, object, "setPromiseHooks", set_promise_hooks);
}

/// The async context frame (AsyncLocalStorage's stores) that V8 carries across `await`
/// and promise reactions: its continuation-preserved embedder data.
fn get_async_context_frame(
    scope: &mut v8::PinScope,
    _args: v8::FunctionCallbackArguments,
    mut rv: v8::ReturnValue<v8::Value>,
) {
    rv.set(scope.get_continuation_preserved_embedder_data());
}

/// `setPromiseHooks(init, before, after, resolve)`: V8's promise lifecycle hooks for this
/// context (async_hooks' PROMISE resources); a non-function argument clears that hook.
fn set_promise_hooks(
    scope: &mut v8::PinScope,
    args: v8::FunctionCallbackArguments,
    _rv: v8::ReturnValue<v8::Value>,
) {
    let hook = |i| v8::Local::<v8::Function>::try_from(args.get(i)).ok();
    scope.set_promise_hooks(hook(0), hook(1), hook(2), hook(3));
}

/// Makes `frame` the current async context frame.
fn set_async_context_frame(
    scope: &mut v8::PinScope,
    args: v8::FunctionCallbackArguments,
    _rv: v8::ReturnValue<v8::Value>,
) {
    scope.set_continuation_preserved_embedder_data(args.get(0));
}

/// Makes `Date` and `Intl` pick up a new `TZ`: V8 re-reads the host time zone.
fn time_zone_changed(
    scope: &mut v8::PinScope,
    _args: v8::FunctionCallbackArguments,
    _rv: v8::ReturnValue<v8::Value>,
) {
    scope.date_time_configuration_change_notification(v8::TimeZoneDetection::Redetect);
}

/// `[heapTotal, heapUsed, external, arrayBuffers]` for `process.memoryUsage()`, then the
/// rest of `v8.getHeapStatistics()`: `[totalHeapSizeExecutable, totalPhysicalSize,
/// totalAvailableSize, heapSizeLimit, mallocedMemory, peakMallocedMemory,
/// numberOfNativeContexts, numberOfDetachedContexts, totalGlobalHandlesSize,
/// usedGlobalHandlesSize, totalAllocatedBytes]`.
fn get_heap_statistics(
    scope: &mut v8::PinScope,
    _args: v8::FunctionCallbackArguments,
    mut rv: v8::ReturnValue<v8::Value>,
) {
    let stats = scope.get_heap_statistics();
    let values = [
        stats.total_heap_size(),
        stats.used_heap_size(),
        stats.external_memory(),
        stats.external_memory(),
        stats.total_heap_size_executable(),
        stats.total_physical_size(),
        stats.total_available_size(),
        stats.heap_size_limit(),
        stats.malloced_memory(),
        stats.peak_malloced_memory(),
        stats.number_of_native_contexts(),
        stats.number_of_detached_contexts(),
        stats.total_global_handles_size(),
        stats.used_global_handles_size(),
        stats.total_allocated_bytes() as usize,
    ];
    let elements: Vec<v8::Local<v8::Value>> =
        values.iter().map(|v| v8::Number::new(scope, *v as f64).into()).collect();
    rv.set(v8::Array::new_with_elements(scope, &elements).into());
}

/// `[[spaceName, spaceSize, spaceUsedSize, spaceAvailableSize, physicalSpaceSize], …]`,
/// one entry per heap space, for `v8.getHeapSpaceStatistics()`.
fn get_heap_space_statistics(
    scope: &mut v8::PinScope,
    _args: v8::FunctionCallbackArguments,
    mut rv: v8::ReturnValue<v8::Value>,
) {
    let mut spaces: Vec<v8::Local<v8::Value>> = Vec::new();
    for index in 0..scope.number_of_heap_spaces() {
        let Some(space) = scope.get_heap_space_statistics(index) else {
            continue;
        };
        let name = string(scope, &space.space_name().to_string_lossy());
        let mut fields: Vec<v8::Local<v8::Value>> = vec![name.into()];
        for value in [
            space.space_size(),
            space.space_used_size(),
            space.space_available_size(),
            space.physical_space_size(),
        ] {
            fields.push(v8::Number::new(scope, value as f64).into());
        }
        spaces.push(v8::Array::new_with_elements(scope, &fields).into());
    }
    rv.set(v8::Array::new_with_elements(scope, &spaces).into());
}

/// `[codeAndMetadataSize, bytecodeAndMetadataSize, externalScriptSourceSize,
/// cpuProfilerMetadataSize]` for `v8.getHeapCodeStatistics()`.
fn get_heap_code_statistics(
    scope: &mut v8::PinScope,
    _args: v8::FunctionCallbackArguments,
    mut rv: v8::ReturnValue<v8::Value>,
) {
    let values = scope.get_heap_code_and_metadata_statistics().map_or([0; 4], |stats| {
        [
            stats.code_and_metadata_size(),
            stats.bytecode_and_metadata_size(),
            stats.external_script_source_size(),
            stats.cpu_profiler_metadata_size(),
        ]
    });
    let elements: Vec<v8::Local<v8::Value>> =
        values.iter().map(|v| v8::Number::new(scope, *v as f64).into()).collect();
    rv.set(v8::Array::new_with_elements(scope, &elements).into());
}

/// Whether a string is stored with one byte per character (`v8.isStringOneByteRepresentation`).
fn is_string_one_byte_representation(
    scope: &mut v8::PinScope,
    args: v8::FunctionCallbackArguments,
    mut rv: v8::ReturnValue<v8::Value>,
) {
    let one_byte = v8::Local::<v8::String>::try_from(args.get(0)).is_ok_and(|s| s.is_onebyte());
    rv.set(v8::Boolean::new(scope, one_byte).into());
}

fn store_hook(scope: &mut v8::PinScope<'_, '_>, name: String, value: v8::Local<v8::Value>) {
    let Ok(function) = v8::Local::<v8::Function>::try_from(value) else {
        let message = string(scope, "hook must be a function");
        let error = v8::Exception::type_error(scope, message);
        scope.throw_exception(error);
        return;
    };
    let global = v8::Global::new(scope, function);
    if let Some(hooks) = scope.get_slot_mut::<Hooks>() {
        hooks.0.insert(name, global);
    }
}

fn set_hook(
    scope: &mut v8::PinScope,
    args: v8::FunctionCallbackArguments,
    _rv: v8::ReturnValue<v8::Value>,
) {
    let name = args.get(0).to_rust_string_lossy(scope);
    store_hook(scope, name, args.get(1));
}

fn set_promise_reject_callback(
    scope: &mut v8::PinScope,
    args: v8::FunctionCallbackArguments,
    _rv: v8::ReturnValue<v8::Value>,
) {
    store_hook(scope, "promiseReject".to_owned(), args.get(0));
}

fn run_microtasks(
    scope: &mut v8::PinScope,
    _args: v8::FunctionCallbackArguments,
    _rv: v8::ReturnValue<v8::Value>,
) {
    scope.perform_microtask_checkpoint();
}

fn enqueue_microtask(
    scope: &mut v8::PinScope,
    args: v8::FunctionCallbackArguments,
    _rv: v8::ReturnValue<v8::Value>,
) {
    if let Ok(function) = v8::Local::<v8::Function>::try_from(args.get(0)) {
        scope.enqueue_microtask(function);
    }
}

fn get_error_source_arrow(
    scope: &mut v8::PinScope,
    args: v8::FunctionCallbackArguments,
    mut rv: v8::ReturnValue<v8::Value>,
) {
    if super::is_decorated(scope, args.get(0)) {
        rv.set(v8::String::empty(scope).into());
        return;
    }
    let message = v8::Exception::create_message(scope, args.get(0));
    let arrow = source_arrow(scope, message);
    rv.set(string(scope, &arrow).into());
}

/// V8's promise-rejection notice, forwarded to the `promiseReject` hook as
/// `(type, promise, reason)`: type 0 = rejected with no handler, 1 = handler added later.
pub(crate) extern "C" fn promise_reject_callback(message: v8::PromiseRejectMessage) {
    let kind = match message.get_event() {
        v8::PromiseRejectEvent::PromiseRejectWithNoHandler => 0,
        v8::PromiseRejectEvent::PromiseHandlerAddedAfterReject => 1,
        _ => return,
    };
    v8::callback_scope!(unsafe scope, &message);
    v8::scope!(let scope, scope);
    let Some(hook) = scope.get_slot::<Hooks>().and_then(|h| h.0.get("promiseReject").cloned())
    else {
        return;
    };
    let hook = v8::Local::new(scope, hook);
    let promise = message.get_promise();
    let reason = message.get_value().unwrap_or_else(|| v8::undefined(scope).into());
    let kind = v8::Integer::new(scope, kind);
    let receiver = v8::undefined(scope);
    hook.call(scope, receiver.into(), &[kind.into(), promise.into(), reason]);
}

/// V8's request for an error's `stack`, made on its first read: forwarded to the
/// `prepareStackTrace` hook as `(globalThis, error, callSites)`, as Node does, so the first
/// line shows the error's name and message at that moment. Before the bootstrap registers
/// the hook, the stack is `String(error)` followed by the frames.
pub(crate) fn prepare_stack_trace_callback<'s>(
    scope: &mut v8::PinScope<'s, '_>,
    error: v8::Local<'s, v8::Value>,
    sites: v8::Local<'s, v8::Array>,
) -> v8::Local<'s, v8::Value> {
    let hook = scope.get_slot::<Hooks>().and_then(|h| h.0.get("prepareStackTrace").cloned());
    let Some(hook) = hook else {
        return default_stack(scope, error, sites);
    };
    let hook = v8::Local::new(scope, hook);
    let global = scope.get_current_context().global(scope);
    let receiver = v8::undefined(scope);
    // A throwing hook leaves its exception pending; V8 rethrows it from the `stack` read.
    hook.call(scope, receiver.into(), &[global.into(), error, sites.into()])
        .unwrap_or_else(|| v8::undefined(scope).into())
}

/// `String(error)` and one `\n    at <site>` line per call site.
fn default_stack<'s>(
    scope: &mut v8::PinScope<'s, '_>,
    error: v8::Local<'s, v8::Value>,
    sites: v8::Local<'s, v8::Array>,
) -> v8::Local<'s, v8::Value> {
    let mut text = error
        .to_string(scope)
        .map(|s| s.to_rust_string_lossy(scope))
        .unwrap_or_else(|| "Error".to_owned());
    for index in 0..sites.length() {
        let Some(site) = sites.get_index(scope, index) else {
            continue;
        };
        if let Some(site) = site.to_string(scope) {
            text.push_str("\n    at ");
            text.push_str(&site.to_rust_string_lossy(scope));
        }
    }
    string(scope, &text).into()
}
