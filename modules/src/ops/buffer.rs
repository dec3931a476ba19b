//! `internalBinding('buffer')`: the byte work behind `Buffer` and `string_decoder`.
//!
//! Strings come in as UTF-8 (`OpCtx::arg_string`), so everything a string can hold except a
//! lone surrogate reaches Rust intact; the JS side takes its own slower path for the rare
//! input strings that are not well formed. Decoded strings go out as Latin-1 or UTF-16
//! code units ([`HostValue::Latin1`], [`HostValue::Utf16`]) where that spares a transcoding. Encodings are numbered as in `buffer.js`:
//! 0 utf8, 1 utf16le, 2 latin1, 3 ascii, 4 base64, 5 base64url, 6 hex.
//!
//! Node's own decoders are lenient and the code keeps their rules: base64 skips characters
//! outside both alphabets and stops at the first `=`; hex stops at the first pair that is
//! not two hex digits. The fast paths use SIMD crates (`base64-simd`, `hex-simd`,
//! `simdutf8`, `memchr`) and fall back to the lenient scalar loop only on odd input.

use engine::{typed_op, HostValue, JsStr, Op, OpCtx, OpResult, ThrowError, TypedOp};

/// The typed ops of this binding (V8 calls them without boxing their arguments).
pub(super) const TYPED: &[TypedOp] = &[BYTE_LENGTH_UTF8, INDEX_OF_NUMBER];

typed_op! {
    /// `byteLengthUtf8(string)` → how many bytes its UTF-8 encoding takes (a lone surrogate
    /// counts as the 3 bytes of U+FFFD, as Node encodes it).
    const BYTE_LENGTH_UTF8 = ("buffer", "byteLengthUtf8")
    fn byte_length_utf8(_state: &mut OpState, text: JsStr<'_>) -> f64 {
        utf8_length(text) as f64
    }
}

/// The UTF-8 length of a string given as its code units.
fn utf8_length(text: JsStr<'_>) -> usize {
    match text {
        JsStr::Latin1(bytes) => bytes.len() + bytes.iter().filter(|b| **b >= 0x80).count(),
        JsStr::Utf16(units) => {
            let mut total = 0;
            let mut i = 0;
            while i < units.len() {
                let unit = units[i];
                total += match unit {
                    0..=0x7f => 1,
                    0x80..=0x7ff => 2,
                    0xd800..=0xdbff
                        if units.get(i + 1).is_some_and(|n| (0xdc00..=0xdfff).contains(n)) =>
                    {
                        i += 1;
                        4
                    }
                    _ => 3,
                };
                i += 1;
            }
            total
        }
    }
}

typed_op! {
    /// `indexOfNumber(buffer, byte, byteOffset, forward)` → the index of `byte` or -1, with
    /// Node's offset rules (JS has already turned the offset into a number).
    const INDEX_OF_NUMBER = ("buffer", "indexOfNumber")
    fn index_of_number(
        _state: &mut OpState,
        haystack: &[u8],
        needle: f64,
        offset: f64,
        forward: bool,
    ) -> f64 {
        let needle = needle as i64 as u8;
        // Saturating casts: any f64 (NaN, ±Infinity, 1e30) lands in range before the math.
        let offset = if offset.is_nan() { 0 } else { (offset as i64).clamp(-(1 << 53), 1 << 53) };
        let Some(start) = search_start(haystack.len() as i64, offset, 1, forward) else {
            return -1.0;
        };
        if start < 0 || haystack.is_empty() {
            return -1.0;
        }
        let start = start as usize;
        let found = if forward {
            haystack.get(start..).and_then(|rest| memchr::memchr(needle, rest)).map(|i| i + start)
        } else {
            memchr::memrchr(needle, &haystack[..=start.min(haystack.len() - 1)])
        };
        found.map_or(-1.0, |i| i as f64)
    }
}

pub(super) const OPS: &[Op] = &[
    Op { binding: "buffer", name: "encode", func: encode },
    Op { binding: "buffer", name: "encodeInto", func: encode_into },
    Op { binding: "buffer", name: "decode", func: decode },
    Op { binding: "buffer", name: "indexOf", func: index_of },
    Op { binding: "buffer", name: "compare", func: compare },
    Op { binding: "buffer", name: "isUtf8", func: is_utf8 },
    Op { binding: "buffer", name: "isAscii", func: is_ascii },
];

/// The encodings, numbered as the JS side numbers them.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Encoding {
    Utf8,
    Utf16Le,
    Latin1,
    Ascii,
    Base64,
    Base64Url,
    Hex,
}

impl Encoding {
    fn from_id(id: i32) -> Result<Self, ThrowError> {
        Ok(match id {
            0 => Self::Utf8,
            1 => Self::Utf16Le,
            2 => Self::Latin1,
            3 => Self::Ascii,
            4 => Self::Base64,
            5 => Self::Base64Url,
            6 => Self::Hex,
            _ => {
                return Err(ThrowError::type_error(
                    "ERR_UNKNOWN_ENCODING",
                    format!("Unknown encoding: {id}"),
                ))
            }
        })
    }
}

fn bytes_arg_error(name: &str) -> ThrowError {
    ThrowError::type_error(
        "ERR_INVALID_ARG_TYPE",
        format!("The \"{name}\" argument must be an instance of Buffer or Uint8Array."),
    )
}

/// A non-negative integer argument, clamped into `0..=max`.
fn index_arg(ctx: &mut dyn OpCtx, i: usize, default: usize, max: usize) -> usize {
    match ctx.arg_number(i) {
        Some(n) if n.is_nan() => 0,
        Some(n) if n <= 0.0 => 0,
        Some(n) => (n.min(max as f64)) as usize,
        None => default.min(max),
    }
}

/// `encode(string, encoding)` → a new Uint8Array with the string's bytes.
fn encode(ctx: &mut dyn OpCtx) -> OpResult {
    let text: String = ctx.arg(0, "string")?;
    let encoding = Encoding::from_id(ctx.arg(1, "encoding")?)?;
    Ok(HostValue::Bytes(encode_string(text, encoding, usize::MAX)))
}

/// `encodeInto(string, encoding, dest, offset, maxLength)` → bytes written. Like Node's
/// `buf.write`, only whole characters (whole UTF-16 units for utf16le) are written.
fn encode_into(ctx: &mut dyn OpCtx) -> OpResult {
    let text: String = ctx.arg(0, "string")?;
    let encoding = Encoding::from_id(ctx.arg(1, "encoding")?)?;
    let dest_len = ctx.arg_bytes(2).ok_or_else(|| bytes_arg_error("dest"))?.len();
    let offset = index_arg(ctx, 3, 0, dest_len);
    let room = index_arg(ctx, 4, dest_len - offset, dest_len - offset);
    let dest = &mut ctx.arg_bytes(2).ok_or_else(|| bytes_arg_error("dest"))?[offset..][..room];
    let written = match encoding {
        Encoding::Utf8 => {
            let bytes = text.as_bytes();
            let mut end = bytes.len().min(room);
            while !text.is_char_boundary(end) {
                end -= 1;
            }
            dest[..end].copy_from_slice(&bytes[..end]);
            end
        }
        Encoding::Latin1 | Encoding::Ascii if text.is_ascii() => {
            let end = text.len().min(room);
            dest[..end].copy_from_slice(&text.as_bytes()[..end]);
            end
        }
        Encoding::Latin1 | Encoding::Ascii => {
            let mut written = 0;
            for (slot, unit) in dest.iter_mut().zip(text.encode_utf16()) {
                *slot = unit as u8;
                written += 1;
            }
            written
        }
        Encoding::Utf16Le => {
            let mut written = 0;
            for (slot, unit) in dest.chunks_exact_mut(2).zip(text.encode_utf16()) {
                slot.copy_from_slice(&unit.to_le_bytes());
                written += 2;
            }
            written
        }
        Encoding::Base64 | Encoding::Base64Url | Encoding::Hex => {
            let bytes = encode_string(text, encoding, room);
            dest[..bytes.len()].copy_from_slice(&bytes);
            bytes.len()
        }
    };
    Ok(written.into())
}

/// The bytes of `text` in `encoding`, at most `limit` of them for base64 and hex.
fn encode_string(text: String, encoding: Encoding, limit: usize) -> Vec<u8> {
    match encoding {
        Encoding::Utf8 => text.into_bytes(),
        Encoding::Latin1 | Encoding::Ascii if text.is_ascii() => text.into_bytes(),
        Encoding::Latin1 | Encoding::Ascii => text.encode_utf16().map(|unit| unit as u8).collect(),
        Encoding::Utf16Le => {
            let mut out = Vec::with_capacity(text.len() * 2);
            for unit in text.encode_utf16() {
                out.extend_from_slice(&unit.to_le_bytes());
            }
            out
        }
        Encoding::Base64 | Encoding::Base64Url => decode_base64(text.as_bytes(), limit),
        Encoding::Hex => decode_hex(text.as_bytes(), limit),
    }
}

/// The value of a base64 character in either alphabet, or 64 for anything else.
const BASE64_VALUES: [u8; 256] = {
    let mut table = [64u8; 256];
    let alphabet = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut i = 0;
    while i < 64 {
        table[alphabet[i] as usize] = i as u8;
        i += 1;
    }
    table[b'-' as usize] = 62;
    table[b'_' as usize] = 63;
    table
};

/// Node's decoded size for a base64 string: trailing `=` dropped, then 3 bytes per 4 chars.
fn base64_decoded_size(src: &[u8]) -> usize {
    let mut size = src.len();
    if size < 2 {
        return 0;
    }
    if src[size - 1] == b'=' {
        size -= 1;
        if src[size - 1] == b'=' {
            size -= 1;
        }
    }
    let remainder = size % 4;
    let mut out = size / 4 * 3;
    if remainder != 0 {
        if out == 0 && remainder == 1 {
            out = 0;
        } else {
            out += 1 + usize::from(remainder == 3);
        }
    }
    out
}

/// Node's lenient base64 decoding (either alphabet, junk skipped, stops at `=`).
fn decode_base64(src: &[u8], limit: usize) -> Vec<u8> {
    let capacity = base64_decoded_size(src).min(limit);
    if capacity == 0 {
        return Vec::new();
    }
    // Fast path: canonical standard or URL-safe base64 decodes in one SIMD pass.
    if capacity == base64_decoded_size(src) {
        for engine in [base64_simd::STANDARD, base64_simd::URL_SAFE_NO_PAD] {
            if let Ok(bytes) = engine.decode_to_vec(src) {
                return bytes;
            }
        }
    }
    let mut out = Vec::with_capacity(capacity);
    let mut chars = src.iter();
    // The next legal character's value, or None at `=` or at the end of input.
    let mut next = || {
        for &c in chars.by_ref() {
            let value = BASE64_VALUES[c as usize];
            if value < 64 {
                return Some(value);
            }
            if c == b'=' {
                return None;
            }
        }
        None
    };
    while out.len() < capacity {
        let Some(a) = next() else { break };
        let Some(b) = next() else { break };
        out.push((a << 2) | (b >> 4));
        if out.len() == capacity {
            break;
        }
        let Some(c) = next() else { break };
        out.push(((b & 0x0f) << 4) | (c >> 2));
        if out.len() == capacity {
            break;
        }
        let Some(d) = next() else { break };
        out.push(((c & 0x03) << 6) | d);
    }
    out
}

fn hex_value(c: u8) -> Option<u8> {
    match c {
        b'0'..=b'9' => Some(c - b'0'),
        b'a'..=b'f' => Some(c - b'a' + 10),
        b'A'..=b'F' => Some(c - b'A' + 10),
        _ => None,
    }
}

/// Node's hex decoding: pairs of hex digits up to the first bad pair or an odd last digit.
fn decode_hex(src: &[u8], limit: usize) -> Vec<u8> {
    let pairs = (src.len() / 2).min(limit);
    let src = &src[..pairs * 2];
    if let Ok(bytes) = hex_simd::decode_to_vec(src) {
        return bytes;
    }
    src.chunks_exact(2)
        .map_while(|pair| Some((hex_value(pair[0])? << 4) | hex_value(pair[1])?))
        .collect()
}

/// `decode(bytes, encoding, start, end)` → the string. ASCII-only results (base64, hex,
/// ASCII text) and latin1 go to the engine as one-byte strings and utf16le as two-byte
/// strings, so neither is UTF-8 encoded here only to be decoded again by the engine.
fn decode(ctx: &mut dyn OpCtx) -> OpResult {
    let encoding = Encoding::from_id(ctx.arg(1, "encoding")?)?;
    let len = ctx.arg_bytes(0).ok_or_else(|| bytes_arg_error("buffer"))?.len();
    let start = index_arg(ctx, 2, 0, len);
    let end = index_arg(ctx, 3, len, len).max(start);
    let bytes = &ctx.arg_bytes(0).ok_or_else(|| bytes_arg_error("buffer"))?[start..end];
    Ok(match encoding {
        Encoding::Utf8 | Encoding::Latin1 | Encoding::Ascii if bytes.is_ascii() => {
            HostValue::Latin1(bytes.to_vec())
        }
        Encoding::Utf8 => match simdutf8::basic::from_utf8(bytes) {
            Ok(text) => text.to_owned().into(),
            Err(_) => String::from_utf8_lossy(bytes).into_owned().into(),
        },
        Encoding::Latin1 => HostValue::Latin1(bytes.to_vec()),
        Encoding::Ascii => HostValue::Latin1(bytes.iter().map(|&b| b & 0x7f).collect()),
        Encoding::Utf16Le => HostValue::Utf16(
            bytes.chunks_exact(2).map(|pair| u16::from_le_bytes([pair[0], pair[1]])).collect(),
        ),
        Encoding::Base64 => HostValue::Latin1(base64_simd::STANDARD.encode_type(bytes)),
        Encoding::Base64Url => HostValue::Latin1(base64_simd::URL_SAFE_NO_PAD.encode_type(bytes)),
        Encoding::Hex => {
            HostValue::Latin1(hex_simd::encode_type(bytes, hex_simd::AsciiCase::Lower))
        }
    })
}

/// Node's start position for a search, or None when nothing can match.
fn search_start(length: i64, offset: i64, needle_length: i64, forward: bool) -> Option<i64> {
    if offset < 0 {
        if offset + length >= 0 {
            Some(length + offset)
        } else if forward || needle_length == 0 {
            Some(0)
        } else {
            None
        }
    } else if offset + needle_length <= length {
        Some(offset)
    } else if needle_length == 0 {
        Some(length)
    } else if forward {
        None
    } else {
        Some(length - 1)
    }
}

/// `indexOf(haystack, needle, byteOffset, forward, utf16)` → index or -1, with Node's
/// offset rules; `utf16` matches only at even positions, as Node's UCS-2 search does.
fn index_of(ctx: &mut dyn OpCtx) -> OpResult {
    let offset = ctx.arg_number(2).unwrap_or(0.0);
    let offset = if offset.is_nan() { 0 } else { offset as i64 };
    let forward = ctx.arg_truthy(3);
    let utf16 = ctx.arg_truthy(4);
    let needle = ctx.arg_bytes(1).ok_or_else(|| bytes_arg_error("value"))?.to_vec();
    let haystack = ctx.arg_bytes(0).ok_or_else(|| bytes_arg_error("buffer"))?;
    let (len, needle_len) = (haystack.len() as i64, needle.len() as i64);
    let Some(start) = search_start(len, offset, needle_len, forward) else {
        return Ok((-1).into());
    };
    if needle.is_empty() {
        return Ok(start.into());
    }
    if haystack.is_empty() || start < 0 || (forward && needle_len + start > len) || needle_len > len
    {
        return Ok((-1).into());
    }
    if utf16 {
        if len < 2 || needle_len < 2 {
            return Ok((-1).into());
        }
        let units = |bytes: &[u8]| -> Vec<u16> {
            bytes.chunks_exact(2).map(|p| u16::from_le_bytes([p[0], p[1]])).collect()
        };
        let (hay, pin) = (units(haystack), units(&needle));
        let from = (start / 2) as usize;
        let found = if forward {
            hay.get(from..)
                .and_then(|rest| rest.windows(pin.len()).position(|w| w == pin.as_slice()))
                .map(|i| i + from)
        } else {
            let last = from.min(hay.len().saturating_sub(pin.len()));
            (0..=last).rev().find(|&i| hay[i..i + pin.len()] == pin[..])
        };
        return Ok(found.map_or(-1, |i| (i * 2) as i64).into());
    }
    let start = start as usize;
    let found = if forward {
        memchr::memmem::find(&haystack[start..], &needle).map(|i| i + start)
    } else {
        let end = (start + needle.len()).min(haystack.len());
        memchr::memmem::rfind(&haystack[..end], &needle)
    };
    Ok(found.map_or(-1, |i| i as i64).into())
}

/// `indexOfNumber(haystack, byte, byteOffset, forward)` → index or -1.
/// `compare(a, b)` → -1, 0 or 1 by bytes, shorter first on a common prefix.
fn compare(ctx: &mut dyn OpCtx) -> OpResult {
    let a = ctx.arg_bytes(0).ok_or_else(|| bytes_arg_error("buf1"))?.to_vec();
    let b = ctx.arg_bytes(1).ok_or_else(|| bytes_arg_error("buf2"))?;
    Ok((a.as_slice().cmp(b) as i32).into())
}

fn is_utf8(ctx: &mut dyn OpCtx) -> OpResult {
    let bytes = ctx.arg_bytes(0).ok_or_else(|| bytes_arg_error("input"))?;
    Ok(simdutf8::basic::from_utf8(bytes).is_ok().into())
}

fn is_ascii(ctx: &mut dyn OpCtx) -> OpResult {
    let bytes = ctx.arg_bytes(0).ok_or_else(|| bytes_arg_error("input"))?;
    Ok(bytes.is_ascii().into())
}
