//! `internalBinding('encoding')`: UTF-8 and UTF-16LE for TextEncoder/TextDecoder.

use engine::{HostValue, Op, OpCtx, OpResult};

pub(super) const OPS: &[Op] = &[
    Op { binding: "encoding", name: "encodeUtf8", func: encode_utf8 },
    Op { binding: "encoding", name: "encodeIntoUtf8", func: encode_into_utf8 },
    Op { binding: "encoding", name: "decode", func: decode },
];

fn encode_utf8(ctx: &mut dyn OpCtx) -> OpResult {
    let text: String = ctx.arg(0, "input")?;
    Ok(HostValue::Bytes(text.into_bytes()))
}

/// Writes as many whole characters as fit; returns `[utf16 units read, bytes written]`.
fn encode_into_utf8(ctx: &mut dyn OpCtx) -> OpResult {
    let text: String = ctx.arg(0, "src")?;
    let Some(dest) = ctx.arg_bytes(1) else {
        return Err(engine::ThrowError::type_error(
            "ERR_INVALID_ARG_TYPE",
            "The \"dest\" argument must be an instance of Uint8Array.",
        ));
    };
    let (mut read, mut written) = (0usize, 0usize);
    for ch in text.chars() {
        let len = ch.len_utf8();
        if written + len > dest.len() {
            break;
        }
        ch.encode_utf8(&mut dest[written..written + len]);
        written += len;
        read += ch.len_utf16();
    }
    Ok(HostValue::Array(vec![read.into(), written.into()]))
}

/// `decode(bytes, encoding, fatal, stream, bomSeen)` → `[text, bytesConsumed]`, or
/// undefined when `fatal` and the input is malformed.
fn decode(ctx: &mut dyn OpCtx) -> OpResult {
    let encoding: String = ctx.arg(1, "encoding")?;
    let fatal = ctx.arg_truthy(2);
    let stream = ctx.arg_truthy(3);
    let keep_bom = ctx.arg_truthy(4);
    let bytes = ctx.arg_bytes(0).map(|b| &*b).unwrap_or(&[]);
    let (text, consumed) = if encoding == "utf-16le" {
        let mut usable = if stream { bytes.len() & !1 } else { bytes.len() };
        // A lead surrogate ending the chunk waits for its trail when streaming.
        if stream && usable >= 2 {
            let last = u16::from_le_bytes([bytes[usable - 2], bytes[usable - 1]]);
            if (0xD800..0xDC00).contains(&last) {
                usable -= 2;
            }
        }
        let units: Vec<u16> = bytes[..usable & !1]
            .chunks_exact(2)
            .map(|p| u16::from_le_bytes([p[0], p[1]]))
            .collect();
        let mut text = if fatal {
            match String::from_utf16(&units) {
                Ok(t) => t,
                Err(_) => return Ok(HostValue::Undefined),
            }
        } else {
            String::from_utf16_lossy(&units)
        };
        if usable % 2 == 1 {
            if fatal {
                return Ok(HostValue::Undefined);
            }
            text.push('\u{FFFD}');
        }
        (text, usable)
    } else {
        let (valid_len, complete) = match std::str::from_utf8(bytes) {
            Ok(_) => (bytes.len(), true),
            Err(e) => (e.valid_up_to(), e.error_len().is_some()),
        };
        // A truncated sequence at the end waits for more input when streaming.
        let consumed = if stream && !complete { valid_len } else { bytes.len() };
        let slice = &bytes[..consumed];
        let text = if fatal {
            match std::str::from_utf8(slice) {
                Ok(t) => t.to_owned(),
                Err(_) => return Ok(HostValue::Undefined),
            }
        } else {
            String::from_utf8_lossy(slice).into_owned()
        };
        (text, consumed)
    };
    let text = if !keep_bom {
        text.strip_prefix('\u{FEFF}').map(str::to_owned).unwrap_or(text)
    } else {
        text
    };
    Ok(HostValue::Array(vec![text.into(), consumed.into()]))
}
