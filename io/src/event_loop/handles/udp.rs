//! UDP handles (libuv's `uv_udp_t`): bind, send tried at once and queued only when the socket
//! is full, receive while started, connect/disconnect, and the socket options `dgram` sets.
//!
//! Datagrams keep their boundaries: each received one is one [`IoEvent::Message`] with its
//! sender, each queued send goes out whole or fails whole.

use std::collections::VecDeque;
use std::io;
use std::net::{IpAddr, Ipv4Addr, SocketAddr};
use std::task::{Context, Poll};

use socket2::{Domain, Protocol, SockAddr, SockAddrStorage, SockRef, Socket, Type};
use tokio::net::UdpSocket;

use super::{errno_of, HandleId, HandleTable, IoEvent, Kind, WriteStatus};

/// The largest datagram (IPv4's 65,507-byte payload, rounded up to cover IPv6's jumbo-less one).
const MAX_DATAGRAM: usize = 64 * 1024;
/// Datagrams a socket receives per poll phase, so one flood can't starve other handles.
const RECVS_PER_POLL: usize = 32;

/// How a UDP socket is bound (Node's `bind` options).
#[derive(Debug, Clone, Copy)]
pub struct UdpBind {
    /// Address and port (port 0 picks one).
    pub addr: SocketAddr,
    /// IPV6_V6ONLY (`ipv6Only`).
    pub ipv6_only: bool,
    /// SO_REUSEADDR (`reuseAddr`).
    pub reuse_addr: bool,
    /// SO_REUSEPORT (`reusePort`).
    pub reuse_port: bool,
}

/// A socket option `dgram` sets on a bound socket.
#[derive(Debug, Clone, Copy)]
pub enum UdpOption {
    /// SO_BROADCAST.
    Broadcast(bool),
    /// IP_TTL / IPV6_UNICAST_HOPS.
    Ttl(u32),
    /// IP_MULTICAST_TTL / IPV6_MULTICAST_HOPS.
    MulticastTtl(u32),
    /// IP_MULTICAST_LOOP / IPV6_MULTICAST_LOOP.
    MulticastLoopback(bool),
    /// IP_MULTICAST_IF (an IPv4 address) / IPV6_MULTICAST_IF (an interface index).
    MulticastInterface(MulticastInterface),
    /// Join (`true`) or leave a multicast group on an interface.
    Membership { group: IpAddr, interface: MulticastInterface, join: bool },
    /// Join or leave a source-specific IPv4 group.
    SourceMembership { source: Ipv4Addr, group: Ipv4Addr, interface: Ipv4Addr, join: bool },
    /// SO_RCVBUF.
    RecvBufferSize(usize),
    /// SO_SNDBUF.
    SendBufferSize(usize),
}

/// The interface of a multicast option: an IPv4 address, or an IPv6 interface index (0: any).
#[derive(Debug, Clone, Copy)]
pub enum MulticastInterface {
    /// IPv4: the interface's address (`0.0.0.0`: the system's choice).
    V4(Ipv4Addr),
    /// IPv6: the interface index.
    V6(u32),
}

/// One send waiting for the socket.
struct PendingSend {
    req: u64,
    data: Vec<u8>,
    to: Option<SocketAddr>,
}

/// A bound UDP socket and its queued sends.
pub(super) struct UdpHandle {
    socket: UdpSocket,
    sends: VecDeque<PendingSend>,
}

impl UdpHandle {
    /// The socket's descriptor.
    pub(super) fn raw_fd(&self) -> io::Result<std::os::fd::RawFd> {
        use std::os::fd::AsRawFd;
        Ok(self.socket.as_raw_fd())
    }

    /// Whether sends are queued (requests in flight, which keep the loop alive even when the
    /// handle is unref'd, as libuv's active requests do).
    pub(super) fn sending(&self) -> bool {
        !self.sends.is_empty()
    }

    pub(super) fn local_addr(&self) -> io::Result<SocketAddr> {
        self.socket.local_addr()
    }

    pub(super) fn peer_addr(&self) -> io::Result<SocketAddr> {
        self.socket.peer_addr()
    }

    /// Answers every queued send with `status` (a close cancels them).
    pub(super) fn drain_sends(self, id: HandleId, status: i32, events: &mut Vec<IoEvent>) {
        for send in self.sends {
            events.push(IoEvent::WriteDone { id, req: send.req, status });
        }
    }

    /// Sends what is queued while the socket takes it, then receives if `recving`.
    pub(super) fn poll(
        &mut self,
        id: HandleId,
        recving: bool,
        cx: &mut Context<'_>,
        events: &mut Vec<IoEvent>,
    ) {
        while let Some(front) = self.sends.front() {
            match self.socket.poll_send_ready(cx) {
                Poll::Pending => break,
                Poll::Ready(Err(e)) => {
                    let req = front.req;
                    self.sends.pop_front();
                    events.push(IoEvent::WriteDone { id, req, status: errno_of(&e) });
                    continue;
                }
                Poll::Ready(Ok(())) => {}
            }
            match try_send(&self.socket, &front.data, front.to) {
                Err(e) if e.kind() == io::ErrorKind::WouldBlock => continue,
                Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                result => {
                    let req = front.req;
                    self.sends.pop_front();
                    let status = result.err().map_or(0, |e| errno_of(&e));
                    events.push(IoEvent::WriteDone { id, req, status });
                }
            }
        }
        if !recving {
            return;
        }
        for _ in 0..RECVS_PER_POLL {
            match self.socket.poll_recv_ready(cx) {
                Poll::Pending => return,
                Poll::Ready(Err(e)) => {
                    events.push(IoEvent::ReadError { id, errno: errno_of(&e) });
                    return;
                }
                Poll::Ready(Ok(())) => {}
            }
            let mut buf = vec![0u8; MAX_DATAGRAM];
            match self.socket.try_recv_from(&mut buf) {
                Ok((n, from)) => {
                    buf.truncate(n);
                    buf.shrink_to_fit();
                    events.push(IoEvent::Message { id, data: buf, from });
                }
                Err(e) if e.kind() == io::ErrorKind::WouldBlock => continue,
                Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                // An ICMP error from an earlier send (ECONNREFUSED on a connected socket):
                // report it and keep receiving, as libuv does.
                Err(e) => events.push(IoEvent::ReadError { id, errno: errno_of(&e) }),
            }
        }
        // More may be waiting: come back in the next poll without sleeping.
        cx.waker().wake_by_ref();
    }
}

fn try_send(socket: &UdpSocket, data: &[u8], to: Option<SocketAddr>) -> io::Result<usize> {
    match to {
        Some(addr) => socket.try_send_to(data, addr),
        None => socket.try_send(data),
    }
}

impl HandleTable {
    fn udp(&mut self, id: HandleId) -> io::Result<&mut UdpHandle> {
        match &mut self.get(id)?.kind {
            Kind::Udp(udp) => Ok(udp),
            _ => Err(io::Error::from_raw_os_error(libc::EBADF)),
        }
    }

    /// A UDP socket bound as `bind` says: its id and bound address.
    pub(crate) fn udp_bind(&mut self, bind: UdpBind) -> io::Result<(HandleId, SocketAddr)> {
        let domain = if bind.addr.is_ipv4() { Domain::IPV4 } else { Domain::IPV6 };
        let socket = Socket::new(domain, Type::DGRAM.nonblocking(), Some(Protocol::UDP))?;
        if bind.reuse_addr {
            socket.set_reuse_address(true)?;
        }
        if bind.reuse_port {
            socket.set_reuse_port(true)?;
        }
        if bind.addr.is_ipv6() {
            socket.set_only_v6(bind.ipv6_only)?;
        }
        socket.bind(&bind.addr.into())?;
        let socket = UdpSocket::from_std(socket.into())?;
        let local = socket.local_addr()?;
        let id = self.insert(Kind::Udp(Box::new(UdpHandle { socket, sends: VecDeque::new() })));
        Ok((id, local))
    }

    /// Sends one datagram (to `to`, or to the connected peer): at once if `try_first` and the
    /// socket takes it, else a copy is queued under `req` (an [`IoEvent::WriteDone`] follows).
    pub(crate) fn udp_send(
        &mut self,
        id: HandleId,
        data: &[u8],
        to: Option<SocketAddr>,
        req: u64,
        try_first: bool,
    ) -> io::Result<WriteStatus> {
        let udp = self.udp(id)?;
        if try_first && udp.sends.is_empty() {
            // Straight to the kernel: tokio's try_send would refuse a socket whose
            // writability its reactor has not seen yet (a fresh one), queueing for nothing.
            let socket = SockRef::from(&udp.socket);
            loop {
                let sent = match to {
                    Some(addr) => socket.send_to(data, &addr.into()),
                    None => socket.send(data),
                };
                match sent {
                    Ok(_) => return Ok(WriteStatus::Done),
                    Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                    Err(e) if e.kind() == io::ErrorKind::WouldBlock => break,
                    Err(e) => return Err(e),
                }
            }
        }
        udp.sends.push_back(PendingSend { req, data: data.to_vec(), to });
        Ok(WriteStatus::Queued)
    }

    /// Bytes and datagrams waiting in the send queue.
    pub(crate) fn udp_send_queue(&mut self, id: HandleId) -> io::Result<(usize, usize)> {
        let udp = self.udp(id)?;
        Ok((udp.sends.iter().map(|s| s.data.len()).sum(), udp.sends.len()))
    }

    /// Connects the socket to `addr` (sends go there, only its datagrams arrive).
    pub(crate) fn udp_connect(&mut self, id: HandleId, addr: SocketAddr) -> io::Result<()> {
        SockRef::from(&self.udp(id)?.socket).connect(&addr.into())
    }

    /// Dissolves a connection: `connect` to an AF_UNSPEC address, as libuv does.
    pub(crate) fn udp_disconnect(&mut self, id: HandleId) -> io::Result<()> {
        let udp = self.udp(id)?;
        // SAFETY: a zeroed storage is a valid AF_UNSPEC address; the length covers its
        // family field, which is all the kernel reads for AF_UNSPEC.
        let unspec = unsafe {
            SockAddr::new(
                SockAddrStorage::zeroed(),
                std::mem::size_of::<libc::sockaddr>() as libc::socklen_t,
            )
        };
        match SockRef::from(&udp.socket).connect(&unspec) {
            // Linux may answer EAFNOSUPPORT while dissolving the association anyway.
            Err(e) if e.raw_os_error() == Some(libc::EAFNOSUPPORT) => Ok(()),
            result => result,
        }
    }

    /// Sets one socket option.
    pub(crate) fn udp_set(&mut self, id: HandleId, option: UdpOption) -> io::Result<()> {
        let udp = self.udp(id)?;
        let v6 = udp.socket.local_addr()?.is_ipv6();
        let socket = SockRef::from(&udp.socket);
        match option {
            UdpOption::Broadcast(on) => socket.set_broadcast(on),
            UdpOption::Ttl(ttl) if v6 => socket.set_unicast_hops_v6(ttl),
            UdpOption::Ttl(ttl) => socket.set_ttl_v4(ttl),
            UdpOption::MulticastTtl(ttl) if v6 => socket.set_multicast_hops_v6(ttl),
            UdpOption::MulticastTtl(ttl) => socket.set_multicast_ttl_v4(ttl),
            UdpOption::MulticastLoopback(on) if v6 => socket.set_multicast_loop_v6(on),
            UdpOption::MulticastLoopback(on) => socket.set_multicast_loop_v4(on),
            UdpOption::MulticastInterface(MulticastInterface::V4(addr)) if !v6 => {
                socket.set_multicast_if_v4(&addr)
            }
            UdpOption::MulticastInterface(MulticastInterface::V6(index)) if v6 => {
                socket.set_multicast_if_v6(index)
            }
            UdpOption::MulticastInterface(_) => Err(io::Error::from_raw_os_error(libc::EINVAL)),
            UdpOption::Membership { group, interface, join } => match (group, interface) {
                (IpAddr::V4(group), MulticastInterface::V4(iface)) if join => {
                    socket.join_multicast_v4(&group, &iface)
                }
                (IpAddr::V4(group), MulticastInterface::V4(iface)) => {
                    socket.leave_multicast_v4(&group, &iface)
                }
                (IpAddr::V6(group), MulticastInterface::V6(index)) if join => {
                    socket.join_multicast_v6(&group, index)
                }
                (IpAddr::V6(group), MulticastInterface::V6(index)) => {
                    socket.leave_multicast_v6(&group, index)
                }
                _ => Err(io::Error::from_raw_os_error(libc::EINVAL)),
            },
            UdpOption::SourceMembership { source, group, interface, join } => {
                if join {
                    socket.join_ssm_v4(&source, &group, &interface)
                } else {
                    socket.leave_ssm_v4(&source, &group, &interface)
                }
            }
            UdpOption::RecvBufferSize(size) => socket.set_recv_buffer_size(size),
            UdpOption::SendBufferSize(size) => socket.set_send_buffer_size(size),
        }
    }

    /// SO_RCVBUF (`recv`) or SO_SNDBUF as the kernel reports it.
    pub(crate) fn udp_buffer_size(&mut self, id: HandleId, recv: bool) -> io::Result<usize> {
        let socket = SockRef::from(&self.udp(id)?.socket);
        if recv {
            socket.recv_buffer_size()
        } else {
            socket.send_buffer_size()
        }
    }
}
