//! `internalBinding('stream_wrap')`: what every stream handle does (Node's StreamBase over
//! libuv's `uv_stream_t`): read start/stop, write (tried at once, the rest queued), and
//! shutdown, whether the handle is TCP or a Unix-domain socket.

use engine::{typed_op, TypedOp};
use io::WriteStatus;

use super::handle_wrap::{handle_id, request_id, status, with_loop};

/// The typed ops of this binding.
pub(super) const TYPED: &[TypedOp] = &[READ_START, READ_STOP, WRITE, SHUTDOWN];

typed_op! {
    /// `readStart(id)` → status: the stream reads and reports what arrives.
    const READ_START = ("stream_wrap", "readStart")
    fn read_start(state: &mut OpState, id: f64) -> f64 {
        with_loop(state, |l| status(l.set_reading(handle_id(id), true)))
    }
}

typed_op! {
    /// `readStop(id)` → status: the stream reads nothing more until started again.
    const READ_STOP = ("stream_wrap", "readStop")
    fn read_stop(state: &mut OpState, id: f64) -> f64 {
        with_loop(state, |l| status(l.set_reading(handle_id(id), false)))
    }
}

typed_op! {
    /// `write(id, bytes, req)` → 0 when all was written at once, 1 when the rest is queued
    /// (a write event for `req` follows), or a negative errno.
    const WRITE = ("stream_wrap", "write")
    fn write(state: &mut OpState, id: f64, data: &[u8], req: f64) -> f64 {
        with_loop(state, |l| match l.write(handle_id(id), data, request_id(req)) {
            Ok(WriteStatus::Done) => 0.0,
            Ok(WriteStatus::Queued) => 1.0,
            Err(e) => status(Err(e)),
        })
    }
}

typed_op! {
    /// `shutdown(id, req)` → status; a shutdown event for `req` follows.
    const SHUTDOWN = ("stream_wrap", "shutdown")
    fn shutdown(state: &mut OpState, id: f64, req: f64) -> f64 {
        with_loop(state, |l| status(l.shutdown(handle_id(id), request_id(req))))
    }
}
