//! `internalBinding('stdin')`: reads the process's standard input (fd 0) for
//! `process.stdin`.
//!
//! A read blocks until data or end of input arrives, so it runs on the blocking pool:
//! `read(size)` returns a request id at once and settles (through `internal/async_ops`)
//! with up to `size` bytes, or with no bytes at end of input. JS asks for the next chunk
//! only when the stream wants more, so nothing reads fd 0 unless the script reads stdin.

use std::io::Read;

use engine::{HostValue, Op, OpCtx, OpResult, ThrowError};

use super::async_op;
use super::errors::uv_error;

pub(super) const OPS: &[Op] = &[Op { binding: "stdin", name: "read", func: read }];

/// The largest chunk one read may ask for.
const MAX_CHUNK: u32 = 1 << 20;

/// `read(size)` → request id; settles with a Uint8Array of 1..=size bytes, or an empty one
/// at end of input.
fn read(ctx: &mut dyn OpCtx) -> OpResult {
    let size: u32 = ctx.arg(0, "size")?;
    if size == 0 || size > MAX_CHUNK {
        return Err(ThrowError::range_error(
            "ERR_OUT_OF_RANGE",
            format!("The value of \"size\" is out of range. It must be >= 1 && <= {MAX_CHUNK}. Received {size}"),
        ));
    }
    async_op::spawn(ctx, move || {
        let mut bytes = vec![0u8; size as usize];
        let mut stdin = std::io::stdin().lock();
        let n = loop {
            match stdin.read(&mut bytes) {
                Ok(n) => break n,
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
                Err(e) => return Err(uv_error(&e, "read", None)),
            }
        };
        bytes.truncate(n);
        Ok(HostValue::Bytes(bytes))
    })
}
