//! `internalBinding('util')`: what `util.inspect` needs to see inside values.

use super::set_fn;
use crate::convert::string;

/// Node's `ALL_PROPERTIES` filter.
const ALL_PROPERTIES: u32 = 0;
/// Node's `ONLY_ENUMERABLE` filter.
const ONLY_ENUMERABLE: u32 = 2;

pub(crate) fn install(scope: &mut v8::PinScope<'_, '_>, object: v8::Local<v8::Object>) {
    set_fn(scope, object, "getPromiseDetails", get_promise_details);
    set_fn(scope, object, "getProxyDetails", get_proxy_details);
    set_fn(scope, object, "previewEntries", preview_entries);
    set_fn(scope, object, "getConstructorName", get_constructor_name);
    set_fn(scope, object, "getOwnNonIndexProperties", get_own_non_index_properties);
    set_fn(scope, object, "makeArrayBufferUndetachable", make_array_buffer_undetachable);
    let constants = v8::Object::new(scope);
    for (name, value) in [("ALL_PROPERTIES", ALL_PROPERTIES), ("ONLY_ENUMERABLE", ONLY_ENUMERABLE)]
    {
        let key = string(scope, name);
        let value = v8::Integer::new_from_unsigned(scope, value);
        constants.set(scope, key.into(), value.into());
    }
    let key = string(scope, "constants");
    object.set(scope, key.into(), constants.into());
}

fn get_promise_details(
    scope: &mut v8::PinScope,
    args: v8::FunctionCallbackArguments,
    mut rv: v8::ReturnValue<v8::Value>,
) {
    let Ok(promise) = v8::Local::<v8::Promise>::try_from(args.get(0)) else {
        return;
    };
    let state = match promise.state() {
        v8::PromiseState::Pending => 0,
        v8::PromiseState::Fulfilled => 1,
        v8::PromiseState::Rejected => 2,
    };
    let state_value = v8::Integer::new(scope, state).into();
    let details = if state == 0 {
        v8::Array::new_with_elements(scope, &[state_value])
    } else {
        let result = promise.result(scope);
        v8::Array::new_with_elements(scope, &[state_value, result])
    };
    rv.set(details.into());
}

fn get_proxy_details(
    scope: &mut v8::PinScope,
    args: v8::FunctionCallbackArguments,
    mut rv: v8::ReturnValue<v8::Value>,
) {
    let Ok(proxy) = v8::Local::<v8::Proxy>::try_from(args.get(0)) else {
        return;
    };
    let target = proxy.get_target(scope);
    let show_proxy = args.length() < 2 || args.get(1).boolean_value(scope);
    if show_proxy {
        let handler = proxy.get_handler(scope);
        rv.set(v8::Array::new_with_elements(scope, &[target, handler]).into());
    } else {
        rv.set(target);
    }
}

fn preview_entries(
    scope: &mut v8::PinScope,
    args: v8::FunctionCallbackArguments,
    mut rv: v8::ReturnValue<v8::Value>,
) {
    let Ok(object) = v8::Local::<v8::Object>::try_from(args.get(0)) else {
        return;
    };
    let (entries, is_key_value) = object.preview_entries(scope);
    let Some(entries) = entries else { return };
    if args.length() < 2 || !args.get(1).boolean_value(scope) {
        rv.set(entries.into());
        return;
    }
    let flag = v8::Boolean::new(scope, is_key_value);
    rv.set(v8::Array::new_with_elements(scope, &[entries.into(), flag.into()]).into());
}

fn get_constructor_name(
    scope: &mut v8::PinScope,
    args: v8::FunctionCallbackArguments,
    mut rv: v8::ReturnValue<v8::Value>,
) {
    let Ok(object) = v8::Local::<v8::Object>::try_from(args.get(0)) else {
        return;
    };
    let name = object.get_constructor_name();
    rv.set(v8::Local::new(scope, name).into());
}

fn get_own_non_index_properties(
    scope: &mut v8::PinScope,
    args: v8::FunctionCallbackArguments,
    mut rv: v8::ReturnValue<v8::Value>,
) {
    let Ok(object) = v8::Local::<v8::Object>::try_from(args.get(0)) else {
        return;
    };
    let filter = args.get(1).uint32_value(scope).unwrap_or(ALL_PROPERTIES);
    let property_filter = if filter & ONLY_ENUMERABLE != 0 {
        v8::PropertyFilter::ONLY_ENUMERABLE
    } else {
        v8::PropertyFilter::ALL_PROPERTIES
    };
    let names = object.get_property_names(
        scope,
        v8::GetPropertyNamesArgs {
            mode: v8::KeyCollectionMode::OwnOnly,
            property_filter,
            index_filter: v8::IndexFilter::SkipIndices,
            key_conversion: v8::KeyConversionMode::KeepNumbers,
        },
    );
    if let Some(names) = names {
        rv.set(names.into());
    }
}

/// `makeArrayBufferUndetachable(arrayBuffer)`: gives the buffer a detach key no script
/// holds, so `transfer()` and structured-clone transfers of it throw (Node's
/// `markAsUntransferable` for its Buffer pools).
fn make_array_buffer_undetachable(
    scope: &mut v8::PinScope,
    args: v8::FunctionCallbackArguments,
    _rv: v8::ReturnValue<v8::Value>,
) {
    let Ok(buffer) = v8::Local::<v8::ArrayBuffer>::try_from(args.get(0)) else {
        return;
    };
    let key = v8::Object::new(scope);
    buffer.set_detach_key(key.into());
}
