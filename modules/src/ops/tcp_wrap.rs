//! `internalBinding('tcp_wrap')`: TCP servers and streams on the loop's handle table, as
//! Node's `tcp_wrap` + `stream_wrap` over libuv.
//!
//! Handles are ids; calls return libuv-style statuses (0, or a negative errno), from which
//! `net.js` builds Node's errors with address and port, as Node's bindings do. Close, ref and
//! the addresses are `handle_wrap`'s, reads and writes `stream_wrap`'s, as for every stream.

use engine::{typed_op, HostValue, JsStr, Op, OpCtx, OpResult, TypedOp};
use io::LoopHandle;

use super::handle_wrap::{
    address_triple, handle_id, socket_addr, socket_addr_text, status, with_loop,
};

/// The typed ops of this binding (numbers, booleans and bytes in, a status out).
pub(super) const TYPED: &[TypedOp] =
    &[SET_NO_DELAY, SET_KEEP_ALIVE, SET_LINGER_ZERO, TYPE_OF_SERVICE, CONNECT];

pub(super) const OPS: &[Op] = &[Op { binding: "tcp_wrap", name: "listen", func: listen }];

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
    /// `typeOfService(id, value)` → the type of service after setting it to `value` (a
    /// negative value only reads it), or a negative errno.
    const TYPE_OF_SERVICE = ("tcp_wrap", "typeOfService")
    fn type_of_service(state: &mut OpState, id: f64, value: f64) -> f64 {
        let value = (value >= 0.0).then(|| value.min(255.0) as u32);
        with_loop(state, |l| match l.type_of_service(handle_id(id), value) {
            Ok(tos) => tos as f64,
            Err(e) => super::handle_wrap::errno_status(&e),
        })
    }
}

typed_op! {
    /// `connect(address, port, localAddress, localPort)` → the new handle's id, or a negative
    /// errno (EINVAL for an address that is not an IP: JS looks names up first; a failed bind
    /// to the local address). An empty local address binds nothing. A connect event follows.
    const CONNECT = ("tcp_wrap", "connect")
    fn connect(state: &mut OpState, address: JsStr<'_>, port: f64, local_address: JsStr<'_>, local_port: f64) -> f64 {
        let Some(addr) = socket_addr(address, port) else {
            return -(libc::EINVAL as f64);
        };
        let local = if local_address.is_empty() {
            None
        } else {
            match socket_addr(local_address, if local_port.is_finite() { local_port } else { 0.0 }) {
                Some(local) => Some(local),
                None => return -(libc::EINVAL as f64),
            }
        };
        with_loop(state, |l| match l.tcp_connect(addr, local) {
            Ok(id) => id as f64,
            Err(e) => super::handle_wrap::errno_status(&e),
        })
    }
}

/// `listen(address, port, backlog, ipv6Only, reusePort)` → `[id, address, port, family]`, or a
/// negative errno.
fn listen(ctx: &mut dyn OpCtx) -> OpResult {
    let address: String = ctx.arg(0, "address")?;
    let port = ctx.arg_number(1).unwrap_or(0.0);
    let backlog = ctx.arg_number(2).filter(|b| b.is_finite() && *b > 0.0).unwrap_or(511.0);
    let ipv6_only = ctx.arg_truthy(3);
    let reuse_port = ctx.arg_truthy(4);
    let Some(addr) = socket_addr_text(&address, port) else {
        return Ok((-(libc::EINVAL as f64)).into());
    };
    let Some(handle) = ctx.state().get::<LoopHandle>().cloned() else {
        return Ok((-(libc::EBADF as f64)).into());
    };
    match handle.tcp_listen(addr, backlog.min(u32::MAX as f64) as u32, ipv6_only, reuse_port) {
        Ok((id, local)) => {
            let mut result = vec![id.into()];
            result.extend(address_triple(local));
            Ok(HostValue::Array(result))
        }
        Err(e) => Ok(status(Err(e)).into()),
    }
}
