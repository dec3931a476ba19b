//! `internalBinding('tcp_wrap')`: TCP servers and streams on the loop's handle table, as
//! Node's `tcp_wrap` + `stream_wrap` over libuv.
//!
//! Handles are ids; calls return libuv-style statuses (0, or a negative errno), from which
//! `net.js` builds Node's errors with address and port, as Node's bindings do. What happens
//! later (accepts, connects, reads, EOF, finished writes and shutdowns, closes) reaches JS as
//! one batch per poll phase through the `ioEvents` hook ([`io_event_batch`]).

use std::net::{IpAddr, SocketAddr};

use engine::{typed_op, HostValue, JsStr, Op, OpCtx, OpResult, OpState, TypedOp};
use io::{IoEvent, LoopHandle, WriteStatus};

/// The typed ops of this binding (numbers, booleans and bytes in, a status out).
pub(super) const TYPED: &[TypedOp] = &[
    READ_START,
    READ_STOP,
    WRITE,
    SHUTDOWN,
    CLOSE,
    SET_REF,
    SET_NO_DELAY,
    SET_KEEP_ALIVE,
    SET_LINGER_ZERO,
    CONNECT,
];

pub(super) const OPS: &[Op] = &[
    Op { binding: "tcp_wrap", name: "listen", func: listen },
    Op { binding: "tcp_wrap", name: "getsockname", func: getsockname },
    Op { binding: "tcp_wrap", name: "getpeername", func: getpeername },
];

/// A libuv-style status: 0, or the negative errno.
fn status(result: std::io::Result<()>) -> f64 {
    match result {
        Ok(()) => 0.0,
        Err(e) => -(e.raw_os_error().unwrap_or(libc::EIO) as f64),
    }
}

/// The loop, or EBADF's status when the realm has none (an embedder without a loop).
fn with_loop(state: &OpState, f: impl FnOnce(&LoopHandle) -> f64) -> f64 {
    match state.get::<LoopHandle>() {
        Some(handle) => f(handle),
        None => -(libc::EBADF as f64),
    }
}

/// A handle id from JS (anything else names no handle).
fn handle_id(id: f64) -> u32 {
    if id.is_finite() && id >= 1.0 && id <= u32::MAX as f64 {
        id as u32
    } else {
        0
    }
}

/// A request id from JS.
fn request_id(req: f64) -> u64 {
    if req.is_finite() && req >= 0.0 {
        req as u64
    } else {
        0
    }
}

typed_op! {
    /// `readStart(id)` → status: the stream reads and reports what arrives.
    const READ_START = ("tcp_wrap", "readStart")
    fn read_start(state: &mut OpState, id: f64) -> f64 {
        with_loop(state, |l| status(l.set_reading(handle_id(id), true)))
    }
}

typed_op! {
    /// `readStop(id)` → status: the stream reads nothing more until started again.
    const READ_STOP = ("tcp_wrap", "readStop")
    fn read_stop(state: &mut OpState, id: f64) -> f64 {
        with_loop(state, |l| status(l.set_reading(handle_id(id), false)))
    }
}

typed_op! {
    /// `write(id, bytes, req)` → 0 when all was written at once, 1 when the rest is queued
    /// (a write event for `req` follows), or a negative errno.
    const WRITE = ("tcp_wrap", "write")
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
    const SHUTDOWN = ("tcp_wrap", "shutdown")
    fn shutdown(state: &mut OpState, id: f64, req: f64) -> f64 {
        with_loop(state, |l| status(l.shutdown(handle_id(id), request_id(req))))
    }
}

typed_op! {
    /// `close(id)`: closes the handle; a close event follows.
    const CLOSE = ("tcp_wrap", "close")
    fn close(state: &mut OpState, id: f64) -> () {
        if let Some(l) = state.get::<LoopHandle>() {
            l.close(handle_id(id));
        }
    }
}

typed_op! {
    /// `setRef(id, refed)`: whether the handle keeps the process alive.
    const SET_REF = ("tcp_wrap", "setRef")
    fn set_ref(state: &mut OpState, id: f64, refed: bool) -> () {
        if let Some(l) = state.get::<LoopHandle>() {
            l.set_handle_ref(handle_id(id), refed);
        }
    }
}

typed_op! {
    /// `setNoDelay(id, on)` → status.
    const SET_NO_DELAY = ("tcp_wrap", "setNoDelay")
    fn set_no_delay(state: &mut OpState, id: f64, on: bool) -> f64 {
        with_loop(state, |l| status(l.set_nodelay(handle_id(id), on)))
    }
}

typed_op! {
    /// `setKeepAlive(id, on, delaySeconds)` → status.
    const SET_KEEP_ALIVE = ("tcp_wrap", "setKeepAlive")
    fn set_keep_alive(state: &mut OpState, id: f64, on: bool, delay: f64) -> f64 {
        let delay = if delay.is_finite() && delay > 0.0 { delay.min(u32::MAX as f64) as u32 } else { 0 };
        with_loop(state, |l| status(l.set_keepalive(handle_id(id), on, delay)))
    }
}

typed_op! {
    /// `setLingerZero(id)` → status: closing the stream will reset the connection (RST).
    const SET_LINGER_ZERO = ("tcp_wrap", "setLingerZero")
    fn set_linger_zero(state: &mut OpState, id: f64) -> f64 {
        with_loop(state, |l| status(l.set_linger_zero(handle_id(id))))
    }
}

typed_op! {
    /// `connect(address, port)` → the new handle's id, or a negative errno (EINVAL for an
    /// address that is not an IP: JS looks names up first). A connect event follows.
    const CONNECT = ("tcp_wrap", "connect")
    fn connect(state: &mut OpState, address: JsStr<'_>, port: f64) -> f64 {
        let Some(addr) = socket_addr(address, port) else {
            return -(libc::EINVAL as f64);
        };
        with_loop(state, |l| l.tcp_connect(addr) as f64)
    }
}

/// An IP address and port from JS, if both are valid.
fn socket_addr(address: JsStr<'_>, port: f64) -> Option<SocketAddr> {
    let text: String = match address {
        JsStr::Latin1(bytes) => bytes.iter().map(|b| *b as char).collect(),
        JsStr::Utf16(units) => String::from_utf16(units).ok()?,
    };
    // A zone index (`fe80::1%eth0`) is not supported yet; the address alone is used.
    let ip: IpAddr = text.split('%').next()?.parse().ok()?;
    if !(0.0..=65535.0).contains(&port) || port.fract() != 0.0 {
        return None;
    }
    Some(SocketAddr::new(ip, port as u16))
}

/// `[address, port, family]` as Node's `getsockname` fills its object.
fn address_triple(addr: SocketAddr) -> Vec<HostValue> {
    let family = if addr.is_ipv4() { "IPv4" } else { "IPv6" };
    vec![addr.ip().to_string().into(), u32::from(addr.port()).into(), family.into()]
}

/// `listen(address, port, backlog, ipv6Only)` → `[id, address, port, family]`, or a
/// negative errno.
fn listen(ctx: &mut dyn OpCtx) -> OpResult {
    let address: String = ctx.arg(0, "address")?;
    let port = ctx.arg_number(1).unwrap_or(0.0);
    let backlog = ctx.arg_number(2).filter(|b| b.is_finite() && *b > 0.0).unwrap_or(511.0);
    let ipv6_only = ctx.arg_truthy(3);
    let Some(addr) = socket_addr(JsStr::Latin1(address.as_bytes()), port) else {
        return Ok((-(libc::EINVAL as f64)).into());
    };
    let Some(handle) = ctx.state().get::<LoopHandle>().cloned() else {
        return Ok((-(libc::EBADF as f64)).into());
    };
    match handle.tcp_listen(addr, backlog.min(u32::MAX as f64) as u32, ipv6_only) {
        Ok((id, local)) => {
            let mut result = vec![id.into()];
            result.extend(address_triple(local));
            Ok(HostValue::Array(result))
        }
        Err(e) => Ok(status(Err(e)).into()),
    }
}

/// `getsockname(id)` → `[address, port, family]`, or a negative errno.
fn getsockname(ctx: &mut dyn OpCtx) -> OpResult {
    let id = handle_id(ctx.arg_number(0).unwrap_or(0.0));
    let Some(handle) = ctx.state().get::<LoopHandle>().cloned() else {
        return Ok((-(libc::EBADF as f64)).into());
    };
    Ok(match handle.local_addr(id) {
        Ok(addr) => HostValue::Array(address_triple(addr)),
        Err(e) => status(Err(e)).into(),
    })
}

/// `getpeername(id)` → `[address, port, family]`, or a negative errno.
fn getpeername(ctx: &mut dyn OpCtx) -> OpResult {
    let id = handle_id(ctx.arg_number(0).unwrap_or(0.0));
    let Some(handle) = ctx.state().get::<LoopHandle>().cloned() else {
        return Ok((-(libc::EBADF as f64)).into());
    };
    Ok(match handle.peer_addr(id) {
        Ok(addr) => HostValue::Array(address_triple(addr)),
        Err(e) => status(Err(e)).into(),
    })
}

/// Event kinds in the batch JS receives (`net.js` reads the same numbers).
mod kind {
    pub const ACCEPT: f64 = 1.0;
    pub const CONNECT: f64 = 2.0;
    pub const READ: f64 = 3.0;
    pub const END: f64 = 4.0;
    pub const READ_ERROR: f64 = 5.0;
    pub const WRITE_DONE: f64 = 6.0;
    pub const SHUTDOWN_DONE: f64 = 7.0;
    pub const CLOSED: f64 = 8.0;
}

/// The `ioEvents` hook's argument: a flat array of `[kind, id, a, b]` quads, one per event
/// (`a`, `b` per kind: accept → client id or -errno; connect → status; read → bytes;
/// read error → -errno; write/shutdown done → request id, status).
pub fn io_event_batch(events: Vec<IoEvent>) -> HostValue {
    let mut flat = Vec::with_capacity(events.len() * 4);
    let neg = |errno: i32| HostValue::Number(-(errno as f64));
    for event in events {
        let (k, id, a, b) = match event {
            IoEvent::Accept { server, client } => (
                kind::ACCEPT,
                server,
                match client {
                    Ok(client) => HostValue::Number(client as f64),
                    Err(errno) => neg(errno),
                },
                HostValue::Undefined,
            ),
            IoEvent::Connect { id, status } => {
                (kind::CONNECT, id, neg(status), HostValue::Undefined)
            }
            IoEvent::Read { id, data } => {
                (kind::READ, id, HostValue::Bytes(data), HostValue::Undefined)
            }
            IoEvent::End { id } => (kind::END, id, HostValue::Undefined, HostValue::Undefined),
            IoEvent::ReadError { id, errno } => {
                (kind::READ_ERROR, id, neg(errno), HostValue::Undefined)
            }
            IoEvent::WriteDone { id, req, status } => {
                (kind::WRITE_DONE, id, HostValue::Number(req as f64), neg(status))
            }
            IoEvent::ShutdownDone { id, req, status } => {
                (kind::SHUTDOWN_DONE, id, HostValue::Number(req as f64), neg(status))
            }
            IoEvent::Closed { id } => {
                (kind::CLOSED, id, HostValue::Undefined, HostValue::Undefined)
            }
        };
        flat.extend([HostValue::Number(k), HostValue::Number(id as f64), a, b]);
    }
    HostValue::Array(flat)
}
