//! `internalBinding('udp_wrap')`: UDP sockets on the loop's handle table, as Node's
//! `udp_wrap` over libuv's `uv_udp_t`.
//!
//! A socket exists once bound (`bind`, or the implicit bind `dgram` does before a first send);
//! calls return libuv-style statuses, from which `dgram.js` builds Node's errors. Datagrams and
//! finished queued sends arrive in the `ioEvents` batch (see `handle_wrap`).

use std::net::{IpAddr, Ipv4Addr};

use engine::{typed_op, HostValue, JsStr, Op, OpCtx, OpResult, OpState, TypedOp};
use io::{LoopHandle, MulticastInterface, UdpBind, UdpOption, WriteStatus};

use super::handle_wrap::{
    address_triple, errno_status, handle_id, ip_addr, request_id, scope_id, socket_addr,
    socket_addr_text, status, with_loop,
};

/// The typed ops of this binding.
pub(super) const TYPED: &[TypedOp] = &[
    RECV_START,
    RECV_STOP,
    SEND,
    CONNECT,
    DISCONNECT,
    SET_BROADCAST,
    SET_TTL,
    SET_MULTICAST_TTL,
    SET_MULTICAST_LOOPBACK,
    BUFFER_SIZE,
    SEND_QUEUE_SIZE,
    SEND_QUEUE_COUNT,
];

pub(super) const OPS: &[Op] = &[
    Op { binding: "udp_wrap", name: "bind", func: bind },
    Op { binding: "udp_wrap", name: "setMulticastInterface", func: set_multicast_interface },
    Op { binding: "udp_wrap", name: "membership", func: membership },
    Op { binding: "udp_wrap", name: "sourceMembership", func: source_membership },
];

/// `bind(address, port, ipv6Only, reuseAddr, reusePort)` → `[id, address, port, family]`,
/// or a negative errno.
fn bind(ctx: &mut dyn OpCtx) -> OpResult {
    let address: String = ctx.arg(0, "address")?;
    let port = ctx.arg_number(1).unwrap_or(0.0);
    let Some(addr) = socket_addr_text(&address, port) else {
        return Ok((-(libc::EINVAL as f64)).into());
    };
    let bind = UdpBind {
        addr,
        ipv6_only: ctx.arg_truthy(2),
        reuse_addr: ctx.arg_truthy(3),
        reuse_port: ctx.arg_truthy(4),
    };
    let Some(handle) = ctx.state().get::<LoopHandle>().cloned() else {
        return Ok((-(libc::EBADF as f64)).into());
    };
    Ok(match handle.udp_bind(bind) {
        Ok((id, local)) => {
            let mut result = vec![id.into()];
            result.extend(address_triple(local));
            HostValue::Array(result)
        }
        Err(e) => errno_status(&e).into(),
    })
}

typed_op! {
    /// `recvStart(id)` → status: datagrams are reported as they arrive.
    const RECV_START = ("udp_wrap", "recvStart")
    fn recv_start(state: &mut OpState, id: f64) -> f64 {
        with_loop(state, |l| status(l.set_reading(handle_id(id), true)))
    }
}

typed_op! {
    /// `recvStop(id)` → status.
    const RECV_STOP = ("udp_wrap", "recvStop")
    fn recv_stop(state: &mut OpState, id: f64) -> f64 {
        with_loop(state, |l| status(l.set_reading(handle_id(id), false)))
    }
}

typed_op! {
    /// `send(id, bytes, port, address, req, tryFirst)` → the length plus one when sent at once
    /// (Node's convention), 0 when queued (a write event for `req` follows), or a negative
    /// errno. An empty address sends to the connected peer; `tryFirst` false always queues.
    const SEND = ("udp_wrap", "send")
    fn send(state: &mut OpState, id: f64, data: &[u8], port: f64, address: JsStr<'_>, req: f64, try_first: bool) -> f64 {
        let to = if address.is_empty() {
            None
        } else {
            match socket_addr(address, port) {
                Some(addr) => Some(addr),
                None => return -(libc::EINVAL as f64),
            }
        };
        with_loop(state, |l| match l.udp_send(handle_id(id), data, to, request_id(req), try_first) {
            Ok(WriteStatus::Done) => data.len() as f64 + 1.0,
            Ok(WriteStatus::Queued) => 0.0,
            Err(e) => errno_status(&e),
        })
    }
}

typed_op! {
    /// `connect(id, address, port)` → status.
    const CONNECT = ("udp_wrap", "connect")
    fn connect(state: &mut OpState, id: f64, address: JsStr<'_>, port: f64) -> f64 {
        let Some(addr) = socket_addr(address, port) else {
            return -(libc::EINVAL as f64);
        };
        with_loop(state, |l| status(l.udp_connect(handle_id(id), addr)))
    }
}

typed_op! {
    /// `disconnect(id)` → status.
    const DISCONNECT = ("udp_wrap", "disconnect")
    fn disconnect(state: &mut OpState, id: f64) -> f64 {
        with_loop(state, |l| status(l.udp_disconnect(handle_id(id))))
    }
}

/// Sets `option` on socket `id`: a status.
fn set_option(state: &OpState, id: f64, option: UdpOption) -> f64 {
    with_loop(state, |l| status(l.udp_set(handle_id(id), option)))
}

/// A TTL from JS: libuv accepts 1..=255 (0..=255 for multicast), else EINVAL.
fn ttl(value: f64, min: f64) -> Option<u32> {
    (value.fract() == 0.0 && (min..=255.0).contains(&value)).then_some(value as u32)
}

typed_op! {
    /// `setBroadcast(id, on)` → status.
    const SET_BROADCAST = ("udp_wrap", "setBroadcast")
    fn set_broadcast(state: &mut OpState, id: f64, on: bool) -> f64 {
        set_option(state, id, UdpOption::Broadcast(on))
    }
}

typed_op! {
    /// `setTTL(id, ttl)` → status.
    const SET_TTL = ("udp_wrap", "setTTL")
    fn set_ttl(state: &mut OpState, id: f64, value: f64) -> f64 {
        match ttl(value, 1.0) {
            Some(t) => set_option(state, id, UdpOption::Ttl(t)),
            None => -(libc::EINVAL as f64),
        }
    }
}

typed_op! {
    /// `setMulticastTTL(id, ttl)` → status.
    const SET_MULTICAST_TTL = ("udp_wrap", "setMulticastTTL")
    fn set_multicast_ttl(state: &mut OpState, id: f64, value: f64) -> f64 {
        match ttl(value, 0.0) {
            Some(t) => set_option(state, id, UdpOption::MulticastTtl(t)),
            None => -(libc::EINVAL as f64),
        }
    }
}

typed_op! {
    /// `setMulticastLoopback(id, on)` → status.
    const SET_MULTICAST_LOOPBACK = ("udp_wrap", "setMulticastLoopback")
    fn set_multicast_loopback(state: &mut OpState, id: f64, on: bool) -> f64 {
        set_option(state, id, UdpOption::MulticastLoopback(on))
    }
}

typed_op! {
    /// `bufferSize(id, size, recv)` → the receive (or send) buffer size after setting it to
    /// `size` (0: only read it), or a negative errno.
    const BUFFER_SIZE = ("udp_wrap", "bufferSize")
    fn buffer_size(state: &mut OpState, id: f64, size: f64, recv: bool) -> f64 {
        let id = handle_id(id);
        with_loop(state, |l| {
            if size > 0.0 {
                let size = size.min(i32::MAX as f64) as usize;
                let option = if recv {
                    UdpOption::RecvBufferSize(size)
                } else {
                    UdpOption::SendBufferSize(size)
                };
                if let Err(e) = l.udp_set(id, option) {
                    return errno_status(&e);
                }
            }
            match l.udp_buffer_size(id, recv) {
                Ok(n) => n as f64,
                Err(e) => errno_status(&e),
            }
        })
    }
}

typed_op! {
    /// `getSendQueueSize(id)`: bytes waiting to be sent (0 for no socket).
    const SEND_QUEUE_SIZE = ("udp_wrap", "getSendQueueSize")
    fn send_queue_size(state: &mut OpState, id: f64) -> f64 {
        with_loop(state, |l| l.udp_send_queue(handle_id(id)).map_or(0.0, |(size, _)| size as f64))
    }
}

typed_op! {
    /// `getSendQueueCount(id)`: datagrams waiting to be sent (0 for no socket).
    const SEND_QUEUE_COUNT = ("udp_wrap", "getSendQueueCount")
    fn send_queue_count(state: &mut OpState, id: f64) -> f64 {
        with_loop(state, |l| l.udp_send_queue(handle_id(id)).map_or(0.0, |(_, n)| n as f64))
    }
}

/// A multicast interface from JS text: an IPv4 address, or for IPv6 a scope (`::%eth0`,
/// `%2`); empty or undefined means the system's choice.
fn multicast_interface(text: Option<&str>, v6: bool) -> Option<MulticastInterface> {
    let Some(text) = text else {
        return Some(if v6 {
            MulticastInterface::V6(0)
        } else {
            MulticastInterface::V4(Ipv4Addr::UNSPECIFIED)
        });
    };
    if v6 {
        // `address%scope`, as libuv's uv_ip6_addr reads it: the address must be IPv6; a
        // scope that names no interface is index 0, the system's choice.
        let (address, scope) = text.split_once('%').unwrap_or((text, ""));
        address.parse::<std::net::Ipv6Addr>().ok()?;
        Some(MulticastInterface::V6(scope_id(scope).unwrap_or(0)))
    } else {
        text.parse::<Ipv4Addr>().ok().map(MulticastInterface::V4)
    }
}

/// Whether socket `id` is IPv6 (from its bound address).
fn is_v6(handle: &LoopHandle, id: u32) -> std::io::Result<bool> {
    handle.local_addr(id).map(|a| a.is_ipv6())
}

/// `setMulticastInterface(id, interface)` → status.
fn set_multicast_interface(ctx: &mut dyn OpCtx) -> OpResult {
    let id = handle_id(ctx.arg_number(0).unwrap_or(0.0));
    let text: Option<String> = ctx.arg(1, "interface").ok();
    let Some(handle) = ctx.state().get::<LoopHandle>().cloned() else {
        return Ok((-(libc::EBADF as f64)).into());
    };
    let v6 = match is_v6(&handle, id) {
        Ok(v6) => v6,
        Err(e) => return Ok(errno_status(&e).into()),
    };
    Ok(match multicast_interface(text.as_deref(), v6) {
        Some(iface) => status(handle.udp_set(id, UdpOption::MulticastInterface(iface))).into(),
        None => (-(libc::EINVAL as f64)).into(),
    })
}

/// `membership(id, group, interface, join)` → status: add or drop a multicast membership.
fn membership(ctx: &mut dyn OpCtx) -> OpResult {
    let id = handle_id(ctx.arg_number(0).unwrap_or(0.0));
    let group: String = ctx.arg(1, "multicastAddress")?;
    let iface: Option<String> = ctx.arg(2, "interfaceAddress").ok();
    let join = ctx.arg_truthy(3);
    let Some(handle) = ctx.state().get::<LoopHandle>().cloned() else {
        return Ok((-(libc::EBADF as f64)).into());
    };
    let Some(group) = ip_addr(&group) else {
        return Ok((-(libc::EINVAL as f64)).into());
    };
    let Some(interface) = multicast_interface(iface.as_deref(), group.is_ipv6()) else {
        return Ok((-(libc::EINVAL as f64)).into());
    };
    Ok(status(handle.udp_set(id, UdpOption::Membership { group, interface, join })).into())
}

/// `sourceMembership(id, source, group, interface, join)` → status (IPv4 only, as libuv on
/// Linux supports it through IP_ADD_SOURCE_MEMBERSHIP).
fn source_membership(ctx: &mut dyn OpCtx) -> OpResult {
    let id = handle_id(ctx.arg_number(0).unwrap_or(0.0));
    let source: String = ctx.arg(1, "sourceAddress")?;
    let group: String = ctx.arg(2, "groupAddress")?;
    let iface: Option<String> = ctx.arg(3, "interfaceAddress").ok();
    let join = ctx.arg_truthy(4);
    let Some(handle) = ctx.state().get::<LoopHandle>().cloned() else {
        return Ok((-(libc::EBADF as f64)).into());
    };
    let (Some(IpAddr::V4(source)), Some(IpAddr::V4(group))) = (ip_addr(&source), ip_addr(&group))
    else {
        return Ok((-(libc::EINVAL as f64)).into());
    };
    let interface = match iface.as_deref().map(str::parse::<Ipv4Addr>) {
        None => Ipv4Addr::UNSPECIFIED,
        Some(Ok(addr)) => addr,
        Some(Err(_)) => return Ok((-(libc::EINVAL as f64)).into()),
    };
    let option = UdpOption::SourceMembership { source, group, interface, join };
    Ok(status(handle.udp_set(id, option)).into())
}
