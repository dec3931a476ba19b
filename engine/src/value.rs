//! Values that cross the engine boundary by value: op results and hook arguments.

/// A JS value built by Rust: what an op returns and what the host passes to a hook.
///
/// `Bytes` moves its vector into the new `ArrayBuffer`'s backing store (no copy) and
/// arrives in JS as a `Uint8Array`.
#[derive(Debug, Clone, PartialEq)]
pub enum HostValue {
    /// `undefined`.
    Undefined,
    /// `null`.
    Null,
    /// A boolean.
    Bool(bool),
    /// A number (every JS number is an f64).
    Number(f64),
    /// A BigInt that fits in 64 bits.
    BigInt(i64),
    /// A string.
    String(String),
    /// A string whose characters are these bytes, each one Latin-1 code point (U+0000–U+00FF).
    /// Engines build it without decoding: the fast path for ASCII, base64, hex and latin1 text.
    Latin1(Vec<u8>),
    /// A string of these UTF-16 code units, lone surrogates included.
    Utf16(Vec<u16>),
    /// A `Uint8Array` owning these bytes.
    Bytes(Vec<u8>),
    /// A dense array of values.
    Array(Vec<HostValue>),
    /// A plain object with these own enumerable properties, in order.
    Object(Vec<(String, HostValue)>),
}

impl From<()> for HostValue {
    fn from(_: ()) -> Self {
        HostValue::Undefined
    }
}
impl From<bool> for HostValue {
    fn from(v: bool) -> Self {
        HostValue::Bool(v)
    }
}
impl From<f64> for HostValue {
    fn from(v: f64) -> Self {
        HostValue::Number(v)
    }
}
impl From<i32> for HostValue {
    fn from(v: i32) -> Self {
        HostValue::Number(v.into())
    }
}
impl From<u32> for HostValue {
    fn from(v: u32) -> Self {
        HostValue::Number(v.into())
    }
}
impl From<i64> for HostValue {
    fn from(v: i64) -> Self {
        HostValue::Number(v as f64)
    }
}
impl From<u64> for HostValue {
    fn from(v: u64) -> Self {
        HostValue::Number(v as f64)
    }
}
impl From<usize> for HostValue {
    fn from(v: usize) -> Self {
        HostValue::Number(v as f64)
    }
}
impl From<String> for HostValue {
    fn from(v: String) -> Self {
        HostValue::String(v)
    }
}
impl From<&str> for HostValue {
    fn from(v: &str) -> Self {
        HostValue::String(v.to_owned())
    }
}
impl From<Vec<u8>> for HostValue {
    fn from(v: Vec<u8>) -> Self {
        HostValue::Bytes(v)
    }
}
impl<T: Into<HostValue>> From<Option<T>> for HostValue {
    fn from(v: Option<T>) -> Self {
        v.map_or(HostValue::Undefined, Into::into)
    }
}
impl From<Vec<String>> for HostValue {
    fn from(v: Vec<String>) -> Self {
        HostValue::Array(v.into_iter().map(HostValue::String).collect())
    }
}
