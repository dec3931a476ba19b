//! The property interceptors on a `vm` context's global object, as Node installs them: every
//! read, write, definition, deletion and enumeration on the global goes to the contextified
//! object (the "sandbox") first, and falls back to the context's own builtins.
//!
//! The sandbox is the interceptors' `data`; their holder is the context's global proxy. An
//! indexed access is handled as the named access of its decimal key.

use crate::convert::string;

/// Sets the handlers on the global template of a context whose sandbox is `sandbox`.
pub(super) fn install(template: v8::Local<v8::ObjectTemplate>, sandbox: v8::Local<v8::Object>) {
    template.set_named_property_handler(
        v8::NamedPropertyHandlerConfiguration::new()
            .getter(named_getter)
            .setter(named_setter)
            .query(named_query)
            .deleter(named_deleter)
            .enumerator(named_enumerator)
            .definer(named_definer)
            .descriptor(named_descriptor)
            .data(sandbox.into())
            .flags(v8::PropertyHandlerFlags::HAS_NO_SIDE_EFFECT),
    );
    template.set_indexed_property_handler(
        v8::IndexedPropertyHandlerConfiguration::new()
            .getter(indexed_getter)
            .setter(indexed_setter)
            .query(indexed_query)
            .deleter(indexed_deleter)
            .enumerator(indexed_enumerator)
            .definer(indexed_definer)
            .descriptor(indexed_descriptor)
            .data(sandbox.into())
            .flags(v8::PropertyHandlerFlags::HAS_NO_SIDE_EFFECT),
    );
}

/// The sandbox and the context's global proxy of an intercepted access; none while the
/// context is being set up (before the sandbox is linked to it).
fn parts<'s>(
    scope: &mut v8::PinScope<'s, '_>,
    args: &v8::PropertyCallbackArguments<'s>,
) -> Option<(v8::Local<'s, v8::Object>, v8::Local<'s, v8::Object>)> {
    let sandbox = v8::Local::<v8::Object>::try_from(args.data()).ok()?;
    let global = args.holder();
    let linked: v8::Local<v8::Value> = global.into();
    (super::context::linked_global(scope, sandbox)? == linked).then_some((sandbox, global))
}

/// The property key of an array index.
fn index_name<'s>(scope: &mut v8::PinScope<'s, '_>, index: u32) -> v8::Local<'s, v8::Name> {
    let number = v8::Integer::new_from_unsigned(scope, index);
    number.to_string(scope).unwrap_or_else(|| string(scope, "")).into()
}

/// A read: the sandbox's property (own or inherited), else the context's builtin. The sandbox
/// itself reads as the global proxy, so `this` and `globalThis` stay the context's.
fn get<'s>(
    scope: &mut v8::PinScope<'s, '_>,
    key: v8::Local<'s, v8::Name>,
    args: &v8::PropertyCallbackArguments<'s>,
    rv: &mut v8::ReturnValue<v8::Value>,
) -> v8::Intercepted {
    let Some((sandbox, global)) = parts(scope, args) else {
        return v8::Intercepted::kNo;
    };
    v8::tc_scope!(let tc, scope);
    let mut found = sandbox.get_real_named_property(tc, key);
    if found.is_none() && !tc.has_caught() {
        found = global.get_real_named_property(tc, key);
    }
    if tc.has_caught() {
        tc.rethrow();
        return v8::Intercepted::kYes;
    }
    let Some(value) = found else {
        return v8::Intercepted::kNo;
    };
    let sandbox_value: v8::Local<v8::Value> = sandbox.into();
    rv.set(if value == sandbox_value { global.into() } else { value });
    v8::Intercepted::kYes
}

/// A write: stored on the sandbox, unless read-only there or on the global. V8 then also
/// stores it on the global object, except when the sandbox's accessor took it.
fn set<'s>(
    scope: &mut v8::PinScope<'s, '_>,
    key: v8::Local<'s, v8::Name>,
    value: v8::Local<'s, v8::Value>,
    args: &v8::PropertyCallbackArguments<'s>,
) -> v8::Intercepted {
    let Some((sandbox, global)) = parts(scope, args) else {
        return v8::Intercepted::kNo;
    };
    let on_global = global.get_real_named_property_attributes(scope, key);
    let on_sandbox = sandbox.get_real_named_property_attributes(scope, key);
    if on_global.as_ref().is_some_and(|a| a.is_read_only())
        || on_sandbox.as_ref().is_some_and(|a| a.is_read_only())
    {
        return v8::Intercepted::kNo;
    }
    if on_global.is_none() && on_sandbox.is_none() && key.is_symbol() {
        return v8::Intercepted::kNo;
    }
    if sandbox.set(scope, key.into(), value).is_none() {
        return v8::Intercepted::kNo;
    }
    if on_sandbox.is_some() && is_accessor(scope, sandbox, key) {
        return v8::Intercepted::kYes;
    }
    v8::Intercepted::kNo
}

/// Whether the sandbox's own property `key` has a getter or setter.
fn is_accessor(
    scope: &mut v8::PinScope<'_, '_>,
    sandbox: v8::Local<v8::Object>,
    key: v8::Local<v8::Name>,
) -> bool {
    let Some(descriptor) = sandbox.get_own_property_descriptor(scope, key) else {
        return false;
    };
    let Ok(descriptor) = v8::Local::<v8::Object>::try_from(descriptor) else {
        return false;
    };
    ["get", "set"].iter().any(|name| {
        let name = string(scope, name);
        descriptor.has_own_property(scope, name.into()).unwrap_or(false)
    })
}

/// The attributes of a property: the sandbox's own, else the context builtin's.
fn query<'s>(
    scope: &mut v8::PinScope<'s, '_>,
    key: v8::Local<'s, v8::Name>,
    args: &v8::PropertyCallbackArguments<'s>,
    rv: &mut v8::ReturnValue<v8::Integer>,
) -> v8::Intercepted {
    let Some((sandbox, global)) = parts(scope, args) else {
        return v8::Intercepted::kNo;
    };
    let attributes = if sandbox.has_own_property(scope, key).unwrap_or(false) {
        sandbox.get_property_attributes(scope, key.into())
    } else if global.has_real_named_property(scope, key).unwrap_or(false) {
        global.get_real_named_property_attributes(scope, key)
    } else {
        return v8::Intercepted::kNo;
    };
    if let Some(attributes) = attributes {
        rv.set_uint32(attributes.as_u32());
    }
    v8::Intercepted::kYes
}

/// `Object.getOwnPropertyDescriptor(globalThis, key)`: the sandbox's own descriptor.
fn descriptor<'s>(
    scope: &mut v8::PinScope<'s, '_>,
    key: v8::Local<'s, v8::Name>,
    args: &v8::PropertyCallbackArguments<'s>,
    rv: &mut v8::ReturnValue<v8::Value>,
) -> v8::Intercepted {
    let Some((sandbox, _)) = parts(scope, args) else {
        return v8::Intercepted::kNo;
    };
    if !sandbox.has_own_property(scope, key).unwrap_or(false) {
        return v8::Intercepted::kNo;
    }
    match sandbox.get_own_property_descriptor(scope, key) {
        Some(descriptor) => {
            rv.set(descriptor);
            v8::Intercepted::kYes
        }
        None => v8::Intercepted::kNo,
    }
}

/// `Object.defineProperty(globalThis, ...)`: defined on the sandbox too, unless the global's
/// property is read-only and not configurable.
fn define<'s>(
    scope: &mut v8::PinScope<'s, '_>,
    key: v8::Local<'s, v8::Name>,
    descriptor: &v8::PropertyDescriptor,
    args: &v8::PropertyCallbackArguments<'s>,
) -> v8::Intercepted {
    let Some((sandbox, global)) = parts(scope, args) else {
        return v8::Intercepted::kNo;
    };
    if global
        .get_real_named_property_attributes(scope, key)
        .is_some_and(|a| a.is_read_only() && a.is_dont_delete())
    {
        return v8::Intercepted::kNo;
    }
    let undefined: v8::Local<v8::Value> = v8::undefined(scope).into();
    let mut copy = if descriptor.has_get() || descriptor.has_set() {
        let getter = if descriptor.has_get() { descriptor.get() } else { undefined };
        let setter = if descriptor.has_set() { descriptor.set() } else { undefined };
        v8::PropertyDescriptor::new_from_get_set(getter, setter)
    } else {
        let value = if descriptor.has_value() { descriptor.value() } else { undefined };
        if descriptor.has_writable() {
            v8::PropertyDescriptor::new_from_value_writable(value, descriptor.writable())
        } else {
            v8::PropertyDescriptor::new_from_value(value)
        }
    };
    if descriptor.has_enumerable() {
        copy.set_enumerable(descriptor.enumerable());
    }
    if descriptor.has_configurable() {
        copy.set_configurable(descriptor.configurable());
    }
    let _ = sandbox.define_property(scope, key, &copy);
    v8::Intercepted::kNo
}

/// A deletion: from the sandbox first; when that fails the global keeps its property too.
fn delete<'s>(
    scope: &mut v8::PinScope<'s, '_>,
    key: v8::Local<'s, v8::Name>,
    args: &v8::PropertyCallbackArguments<'s>,
    rv: &mut v8::ReturnValue<v8::Boolean>,
) -> v8::Intercepted {
    let Some((sandbox, _)) = parts(scope, args) else {
        return v8::Intercepted::kNo;
    };
    if sandbox.delete(scope, key.into()).unwrap_or(false) {
        return v8::Intercepted::kNo;
    }
    rv.set_bool(false);
    v8::Intercepted::kYes
}

/// The sandbox's own keys, all of them (V8 filters them with `query`): names without
/// indices, or only the indices.
fn own_keys<'s>(
    scope: &mut v8::PinScope<'s, '_>,
    args: &v8::PropertyCallbackArguments<'s>,
    rv: &mut v8::ReturnValue<v8::Array>,
    indices: bool,
) {
    let Some((sandbox, _)) = parts(scope, args) else {
        return;
    };
    let index_filter =
        if indices { v8::IndexFilter::IncludeIndices } else { v8::IndexFilter::SkipIndices };
    let Some(keys) = sandbox.get_property_names(
        scope,
        v8::GetPropertyNamesArgs {
            mode: v8::KeyCollectionMode::OwnOnly,
            property_filter: v8::PropertyFilter::ALL_PROPERTIES,
            index_filter,
            key_conversion: v8::KeyConversionMode::KeepNumbers,
        },
    ) else {
        return;
    };
    if !indices {
        rv.set(keys);
        return;
    }
    let mut numbers = Vec::new();
    for i in 0..keys.length() {
        if let Some(key) = keys.get_index(scope, i).filter(|k| k.is_number()) {
            numbers.push(key);
        }
    }
    rv.set(v8::Array::new_with_elements(scope, &numbers));
}

fn named_getter<'s>(
    scope: &mut v8::PinScope<'s, '_>,
    key: v8::Local<'s, v8::Name>,
    args: v8::PropertyCallbackArguments<'s>,
    mut rv: v8::ReturnValue<v8::Value>,
) -> v8::Intercepted {
    get(scope, key, &args, &mut rv)
}

fn named_setter<'s>(
    scope: &mut v8::PinScope<'s, '_>,
    key: v8::Local<'s, v8::Name>,
    value: v8::Local<'s, v8::Value>,
    args: v8::PropertyCallbackArguments<'s>,
    _rv: v8::ReturnValue<v8::Boolean>,
) -> v8::Intercepted {
    set(scope, key, value, &args)
}

fn named_query<'s>(
    scope: &mut v8::PinScope<'s, '_>,
    key: v8::Local<'s, v8::Name>,
    args: v8::PropertyCallbackArguments<'s>,
    mut rv: v8::ReturnValue<v8::Integer>,
) -> v8::Intercepted {
    query(scope, key, &args, &mut rv)
}

fn named_deleter<'s>(
    scope: &mut v8::PinScope<'s, '_>,
    key: v8::Local<'s, v8::Name>,
    args: v8::PropertyCallbackArguments<'s>,
    mut rv: v8::ReturnValue<v8::Boolean>,
) -> v8::Intercepted {
    delete(scope, key, &args, &mut rv)
}

fn named_enumerator<'s>(
    scope: &mut v8::PinScope<'s, '_>,
    args: v8::PropertyCallbackArguments<'s>,
    mut rv: v8::ReturnValue<v8::Array>,
) {
    own_keys(scope, &args, &mut rv, false);
}

fn named_definer<'s>(
    scope: &mut v8::PinScope<'s, '_>,
    key: v8::Local<'s, v8::Name>,
    descriptor: &v8::PropertyDescriptor,
    args: v8::PropertyCallbackArguments<'s>,
    _rv: v8::ReturnValue<v8::Boolean>,
) -> v8::Intercepted {
    define(scope, key, descriptor, &args)
}

fn named_descriptor<'s>(
    scope: &mut v8::PinScope<'s, '_>,
    key: v8::Local<'s, v8::Name>,
    args: v8::PropertyCallbackArguments<'s>,
    mut rv: v8::ReturnValue<v8::Value>,
) -> v8::Intercepted {
    descriptor(scope, key, &args, &mut rv)
}

fn indexed_getter<'s>(
    scope: &mut v8::PinScope<'s, '_>,
    index: u32,
    args: v8::PropertyCallbackArguments<'s>,
    mut rv: v8::ReturnValue<v8::Value>,
) -> v8::Intercepted {
    let key = index_name(scope, index);
    get(scope, key, &args, &mut rv)
}

fn indexed_setter<'s>(
    scope: &mut v8::PinScope<'s, '_>,
    index: u32,
    value: v8::Local<'s, v8::Value>,
    args: v8::PropertyCallbackArguments<'s>,
    _rv: v8::ReturnValue<v8::Boolean>,
) -> v8::Intercepted {
    let key = index_name(scope, index);
    set(scope, key, value, &args)
}

fn indexed_query<'s>(
    scope: &mut v8::PinScope<'s, '_>,
    index: u32,
    args: v8::PropertyCallbackArguments<'s>,
    mut rv: v8::ReturnValue<v8::Integer>,
) -> v8::Intercepted {
    let key = index_name(scope, index);
    query(scope, key, &args, &mut rv)
}

fn indexed_deleter<'s>(
    scope: &mut v8::PinScope<'s, '_>,
    index: u32,
    args: v8::PropertyCallbackArguments<'s>,
    mut rv: v8::ReturnValue<v8::Boolean>,
) -> v8::Intercepted {
    let key = index_name(scope, index);
    delete(scope, key, &args, &mut rv)
}

fn indexed_enumerator<'s>(
    scope: &mut v8::PinScope<'s, '_>,
    args: v8::PropertyCallbackArguments<'s>,
    mut rv: v8::ReturnValue<v8::Array>,
) {
    own_keys(scope, &args, &mut rv, true);
}

fn indexed_definer<'s>(
    scope: &mut v8::PinScope<'s, '_>,
    index: u32,
    descriptor: &v8::PropertyDescriptor,
    args: v8::PropertyCallbackArguments<'s>,
    _rv: v8::ReturnValue<v8::Boolean>,
) -> v8::Intercepted {
    let key = index_name(scope, index);
    define(scope, key, descriptor, &args)
}

fn indexed_descriptor<'s>(
    scope: &mut v8::PinScope<'s, '_>,
    index: u32,
    args: v8::PropertyCallbackArguments<'s>,
    mut rv: v8::ReturnValue<v8::Value>,
) -> v8::Intercepted {
    let key = index_name(scope, index);
    descriptor(scope, key, &args, &mut rv)
}
