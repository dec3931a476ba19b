//! Converting [`HostValue`]s into V8 values, and V8 values back for simple results.

use engine::HostValue;

/// Builds the V8 value for `value`; byte vectors become an ArrayBuffer's backing store.
pub(crate) fn to_v8<'s>(
    scope: &v8::PinScope<'s, '_>,
    value: HostValue,
) -> v8::Local<'s, v8::Value> {
    match value {
        HostValue::Undefined => v8::undefined(scope).into(),
        HostValue::Null => v8::null(scope).into(),
        HostValue::Bool(b) => v8::Boolean::new(scope, b).into(),
        HostValue::Number(n) => v8::Number::new(scope, n).into(),
        HostValue::BigInt(n) => v8::BigInt::new_from_i64(scope, n).into(),
        HostValue::String(s) => string(scope, &s).into(),
        HostValue::Latin1(bytes) => latin1_string(scope, bytes).into(),
        HostValue::Utf16(units) => utf16_string(scope, units).into(),
        HostValue::Bytes(bytes) => {
            let len = bytes.len();
            let buffer = array_buffer_from(scope, bytes);
            match v8::Uint8Array::new(scope, buffer, 0, len) {
                Some(array) => array.into(),
                None => v8::undefined(scope).into(),
            }
        }
        HostValue::Array(items) => {
            let elements: Vec<_> = items.into_iter().map(|v| to_v8(scope, v)).collect();
            v8::Array::new_with_elements(scope, &elements).into()
        }
        HostValue::Object(props) => {
            let object = v8::Object::new(scope);
            for (key, value) in props {
                let key = string(scope, &key);
                let value = to_v8(scope, value);
                object.set(scope, key.into(), value);
            }
            object.into()
        }
    }
}

/// A V8 string; strings too long for V8 become the empty string rather than a panic.
pub(crate) fn string<'s>(scope: &v8::PinScope<'s, '_>, s: &str) -> v8::Local<'s, v8::String> {
    v8::String::new(scope, s).unwrap_or_else(|| v8::String::empty(scope))
}

/// Byte results at least this long are copied into a buffer V8 allocates instead of being
/// adopted: V8 checks its external memory (and collects garbage) only when it allocates an
/// ArrayBuffer itself, so adopted large buffers pile up to gigabytes between collections.
const V8_ALLOCATED_BYTES_MIN: usize = 64 * 1024;

/// An ArrayBuffer holding `bytes`: small ones adopted without a copy, large ones copied into
/// V8's own allocation so that its garbage collector accounts for them.
fn array_buffer_from<'s>(
    scope: &v8::PinScope<'s, '_>,
    bytes: Vec<u8>,
) -> v8::Local<'s, v8::ArrayBuffer> {
    if bytes.len() >= V8_ALLOCATED_BYTES_MIN {
        let buffer = v8::ArrayBuffer::new(scope, bytes.len());
        if let Some(data) = buffer.data() {
            // SAFETY: the new buffer owns `bytes.len()` writable bytes at `data`, and nothing
            // else can see it yet.
            unsafe {
                std::ptr::copy_nonoverlapping(
                    bytes.as_ptr(),
                    data.as_ptr().cast::<u8>(),
                    bytes.len(),
                )
            };
            return buffer;
        }
    }
    let store = v8::ArrayBuffer::new_backing_store_from_vec(bytes).make_shared();
    v8::ArrayBuffer::with_backing_store(scope, &store)
}

/// Strings at least this long are handed to V8 as external strings (V8 reads the host's
/// buffer instead of copying it onto its heap), as Node does for large decode results.
const EXTERNAL_STRING_MIN: usize = 64 * 1024;

/// A one-byte V8 string over Latin-1 bytes; too long for V8 → the empty string.
fn latin1_string<'s>(scope: &v8::PinScope<'s, '_>, bytes: Vec<u8>) -> v8::Local<'s, v8::String> {
    let made = if bytes.len() >= EXTERNAL_STRING_MIN {
        v8::String::new_external_onebyte(scope, bytes.into_boxed_slice())
    } else {
        v8::String::new_from_one_byte(scope, &bytes, v8::NewStringType::Normal)
    };
    made.unwrap_or_else(|| v8::String::empty(scope))
}

/// A two-byte V8 string over UTF-16 code units; too long for V8 → the empty string.
fn utf16_string<'s>(scope: &v8::PinScope<'s, '_>, units: Vec<u16>) -> v8::Local<'s, v8::String> {
    let made = if units.len() >= EXTERNAL_STRING_MIN {
        v8::String::new_external_twobyte(scope, units.into_boxed_slice())
    } else {
        v8::String::new_from_two_byte(scope, &units, v8::NewStringType::Normal)
    };
    made.unwrap_or_else(|| v8::String::empty(scope))
}

/// The host view of a script's completion value: primitives come back, objects don't.
pub(crate) fn from_v8(scope: &v8::PinScope<'_, '_>, value: v8::Local<v8::Value>) -> HostValue {
    if value.is_undefined() {
        HostValue::Undefined
    } else if value.is_null() {
        HostValue::Null
    } else if value.is_boolean() {
        HostValue::Bool(value.is_true())
    } else if value.is_number() {
        HostValue::Number(value.number_value(scope).unwrap_or(f64::NAN))
    } else if value.is_string() {
        HostValue::String(value.to_rust_string_lossy(scope))
    } else {
        HostValue::Undefined
    }
}

/// A classic script's origin: its resource name (file name or `node:<id>`) for stack traces.
pub(crate) fn script_origin<'s>(
    scope: &v8::PinScope<'s, '_>,
    name: v8::Local<'s, v8::Value>,
) -> v8::ScriptOrigin<'s> {
    v8::ScriptOrigin::new(scope, name, 0, 0, false, 0, None, false, false, false, None)
}
