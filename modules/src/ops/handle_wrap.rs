//! `internalBinding('handle_wrap')`: what every loop handle has (Node's `HandleWrap`):
//! close, ref/unref, its addresses; plus the argument conversions the handle bindings
//! (`tcp_wrap`, `udp_wrap`) share, and the batch of events the loop hands JS.
//!
//! Handles are ids; calls return libuv-style statuses (0, or a negative errno), from which JS
//! builds Node's errors. What happens later (accepts, connects, reads, datagrams, EOF,
//! finished writes and shutdowns, closes) reaches JS as one batch per poll phase through the
//! `ioEvents` hook ([`io_event_batch`]).

use std::net::{IpAddr, SocketAddr};

use engine::{typed_op, HostValue, JsStr, Op, OpCtx, OpResult, OpState, TypedOp};
use io::{IoEvent, LoopHandle};

/// The typed ops of this binding.
pub(super) const TYPED: &[TypedOp] = &[CLOSE, SET_REF];

pub(super) const OPS: &[Op] = &[
    Op { binding: "handle_wrap", name: "getsockname", func: getsockname },
    Op { binding: "handle_wrap", name: "getpeername", func: getpeername },
    Op { binding: "handle_wrap", name: "fd", func: fd },
];

/// A libuv-style status: 0, or the negative errno.
pub(super) fn status(result: std::io::Result<()>) -> f64 {
    match result {
        Ok(()) => 0.0,
        Err(e) => errno_status(&e),
    }
}

/// The negative errno of `e` (EIO when it has none).
pub(super) fn errno_status(e: &std::io::Error) -> f64 {
    -(e.raw_os_error().unwrap_or(libc::EIO) as f64)
}

/// The loop, or EBADF's status when the realm has none (an embedder without a loop).
pub(super) fn with_loop(state: &OpState, f: impl FnOnce(&LoopHandle) -> f64) -> f64 {
    match state.get::<LoopHandle>() {
        Some(handle) => f(handle),
        None => -(libc::EBADF as f64),
    }
}

/// A handle id from JS (anything else names no handle).
pub(super) fn handle_id(id: f64) -> u32 {
    if id.is_finite() && id >= 1.0 && id <= u32::MAX as f64 {
        id as u32
    } else {
        0
    }
}

/// A request id from JS.
pub(super) fn request_id(req: f64) -> u64 {
    if req.is_finite() && req >= 0.0 {
        req as u64
    } else {
        0
    }
}

/// A JS string's text (None for lone surrogates).
pub(super) fn js_str_text(s: JsStr<'_>) -> Option<String> {
    match s {
        JsStr::Latin1(bytes) => Some(bytes.iter().map(|b| *b as char).collect()),
        JsStr::Utf16(units) => String::from_utf16(units).ok(),
    }
}

/// An IP address from JS text; a zone index (`fe80::1%eth0`) is dropped.
pub(super) fn ip_addr(text: &str) -> Option<IpAddr> {
    text.split('%').next()?.parse().ok()
}

/// An interface index from an IPv6 zone: a number, or an interface name.
pub(super) fn scope_id(zone: &str) -> Option<u32> {
    if let Ok(index) = zone.parse::<u32>() {
        return Some(index);
    }
    let name = std::ffi::CString::new(zone).ok()?;
    // SAFETY: `name` is a valid NUL-terminated string alive for the call.
    let index = unsafe { libc::if_nametoindex(name.as_ptr()) };
    (index != 0).then_some(index)
}

/// An IP address and port from JS, if both are valid; an IPv6 zone (`fe80::1%eth0`) becomes
/// the scope id.
pub(super) fn socket_addr(address: JsStr<'_>, port: f64) -> Option<SocketAddr> {
    socket_addr_text(&js_str_text(address)?, port)
}

/// [`socket_addr`] for an address already read as text.
pub(super) fn socket_addr_text(text: &str, port: f64) -> Option<SocketAddr> {
    if !(0.0..=65535.0).contains(&port) || port.fract() != 0.0 {
        return None;
    }
    let port = port as u16;
    match text.split_once('%') {
        Some((ip, zone)) => {
            let ip: std::net::Ipv6Addr = ip.parse().ok()?;
            Some(SocketAddr::V6(std::net::SocketAddrV6::new(ip, port, 0, scope_id(zone)?)))
        }
        None => Some(SocketAddr::new(text.parse().ok()?, port)),
    }
}

/// `[address, port, family]` as Node's `getsockname` fills its object.
/// A link-local IPv6 address keeps its zone (`fe80::1%eth0`), as libuv prints it.
pub(super) fn address_triple(addr: SocketAddr) -> Vec<HostValue> {
    let (text, family) = match addr {
        SocketAddr::V4(v4) => (v4.ip().to_string(), "IPv4"),
        SocketAddr::V6(v6) if v6.scope_id() != 0 => {
            let zone = interface_name(v6.scope_id()).unwrap_or_else(|| v6.scope_id().to_string());
            (format!("{}%{zone}", v6.ip()), "IPv6")
        }
        SocketAddr::V6(v6) => (v6.ip().to_string(), "IPv6"),
    };
    vec![text.into(), u32::from(addr.port()).into(), family.into()]
}

/// The name of interface `index` (`if_indextoname`).
fn interface_name(index: u32) -> Option<String> {
    let mut buf = [0u8; libc::IF_NAMESIZE];
    // SAFETY: `buf` has IF_NAMESIZE bytes, as if_indextoname requires; it writes a
    // NUL-terminated name into it or returns NULL.
    let ptr = unsafe { libc::if_indextoname(index, buf.as_mut_ptr().cast()) };
    if ptr.is_null() {
        return None;
    }
    let len = buf.iter().position(|b| *b == 0)?;
    String::from_utf8(buf[..len].to_vec()).ok()
}

typed_op! {
    /// `close(id)`: closes the handle; a close event follows.
    const CLOSE = ("handle_wrap", "close")
    fn close(state: &mut OpState, id: f64) -> () {
        if let Some(l) = state.get::<LoopHandle>() {
            l.close(handle_id(id));
        }
    }
}

typed_op! {
    /// `setRef(id, refed)`: whether the handle keeps the process alive.
    const SET_REF = ("handle_wrap", "setRef")
    fn set_ref(state: &mut OpState, id: f64, refed: bool) -> () {
        if let Some(l) = state.get::<LoopHandle>() {
            l.set_handle_ref(handle_id(id), refed);
        }
    }
}

/// `[address, port, family]` of what `which` says about handle `args[0]`, or a negative errno.
fn address_op(
    ctx: &mut dyn OpCtx,
    which: fn(&LoopHandle, u32) -> std::io::Result<SocketAddr>,
) -> OpResult {
    let id = handle_id(ctx.arg_number(0).unwrap_or(0.0));
    let Some(handle) = ctx.state().get::<LoopHandle>().cloned() else {
        return Ok((-(libc::EBADF as f64)).into());
    };
    Ok(match which(&handle, id) {
        Ok(addr) => HostValue::Array(address_triple(addr)),
        Err(e) => errno_status(&e).into(),
    })
}

/// `getsockname(id)` → `[address, port, family]`, or a negative errno.
fn getsockname(ctx: &mut dyn OpCtx) -> OpResult {
    address_op(ctx, LoopHandle::local_addr)
}

/// `getpeername(id)` → `[address, port, family]`, or a negative errno.
fn getpeername(ctx: &mut dyn OpCtx) -> OpResult {
    address_op(ctx, LoopHandle::peer_addr)
}

/// `fd(id)` → the descriptor under handle `id` (Node's `handle.fd`), or -1.
fn fd(ctx: &mut dyn OpCtx) -> OpResult {
    let id = handle_id(ctx.arg_number(0).unwrap_or(0.0));
    let Some(handle) = ctx.state().get::<LoopHandle>().cloned() else {
        return Ok((-1.0).into());
    };
    Ok(HostValue::Number(handle.raw_fd(id).map_or(-1.0, f64::from)))
}

/// Event kinds in the batch JS receives (`internal/handle_events.js` reads the same numbers).
mod kind {
    pub const ACCEPT: f64 = 1.0;
    pub const CONNECT: f64 = 2.0;
    pub const READ: f64 = 3.0;
    pub const END: f64 = 4.0;
    pub const READ_ERROR: f64 = 5.0;
    pub const WRITE_DONE: f64 = 6.0;
    pub const SHUTDOWN_DONE: f64 = 7.0;
    pub const CLOSED: f64 = 8.0;
    pub const MESSAGE: f64 = 9.0;
    pub const HANDSHAKE: f64 = 10.0;
    pub const EXIT: f64 = 11.0;
    pub const FS_EVENT: f64 = 12.0;
}

/// The `ioEvents` hook's argument: a flat array of `[kind, id, a, b]` quads, one per event
/// (`a`, `b` per kind: accept → client id or -errno; connect → status; read → bytes;
/// message → bytes, `[address, port, family]`; read error → -errno; write/shutdown done →
/// request id, status; exit → exit code or -errno, signal number or null; fs event →
/// 'rename' or 'change', the entry's name as bytes or null).
pub fn io_event_batch(events: Vec<IoEvent>) -> HostValue {
    let mut flat = Vec::with_capacity(events.len() * 4);
    let neg = |errno: i32| HostValue::Number(-(errno as f64));
    let none = || HostValue::Undefined;
    for event in events {
        let (k, id, a, b) = match event {
            IoEvent::Accept { server, client } => (
                kind::ACCEPT,
                server,
                match client {
                    Ok(client) => HostValue::Number(client as f64),
                    Err(errno) => neg(errno),
                },
                none(),
            ),
            IoEvent::Connect { id, status } => (kind::CONNECT, id, neg(status), none()),
            IoEvent::Read { id, data } => (kind::READ, id, HostValue::Bytes(data), none()),
            IoEvent::Message { id, data, from } => {
                (kind::MESSAGE, id, HostValue::Bytes(data), HostValue::Array(address_triple(from)))
            }
            IoEvent::End { id } => (kind::END, id, none(), none()),
            IoEvent::ReadError { id, errno } => (kind::READ_ERROR, id, neg(errno), none()),
            IoEvent::WriteDone { id, req, status } => {
                (kind::WRITE_DONE, id, HostValue::Number(req as f64), neg(status))
            }
            IoEvent::ShutdownDone { id, req, status } => {
                (kind::SHUTDOWN_DONE, id, HostValue::Number(req as f64), neg(status))
            }
            IoEvent::Closed { id } => (kind::CLOSED, id, none(), none()),
            IoEvent::Handshake { id, error } => match error {
                None => (kind::HANDSHAKE, id, none(), none()),
                Some((code, message)) => (kind::HANDSHAKE, id, code.into(), message.into()),
            },
            IoEvent::FsEvent { id, rename, name } => (
                kind::FS_EVENT,
                id,
                if rename { "rename" } else { "change" }.into(),
                name.map_or(HostValue::Null, HostValue::Bytes),
            ),
            IoEvent::Exit { id, status, signal } => (
                kind::EXIT,
                id,
                HostValue::Number(status as f64),
                if signal == 0 { HostValue::Null } else { HostValue::Number(signal.into()) },
            ),
        };
        flat.extend([HostValue::Number(k), HostValue::Number(id as f64), a, b]);
    }
    HostValue::Array(flat)
}
