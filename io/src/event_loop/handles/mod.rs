//! The loop's handle table: libuv's `uv_stream_t`/`uv_tcp_t` handles, keyed by id.
//!
//! A handle is a TCP listener or a TCP stream (more kinds join as Node's modules need them).
//! Everything happens on the loop's own thread and is driven by readiness: the poll phase
//! asks every active handle whether it can make progress (tokio's `poll_*_ready`, which
//! registers the loop's waker with the OS poller) and then does the I/O itself with
//! non-blocking `try_read`/`try_write`/`poll_accept`: no task per socket, no channel hop per
//! read. What happened comes out as a batch of [`IoEvent`]s, handed to JS in one call per
//! poll phase.
//!
//! As in libuv, a handle keeps the loop alive while it is ref'd and active: listening,
//! reading, connecting, or with writes or a shutdown in flight.

use std::collections::VecDeque;
use std::future::Future;
use std::io;
use std::net::SocketAddr;
use std::pin::Pin;
use std::task::{Context, Poll};
use std::time::Duration;

use socket2::{SockRef, TcpKeepalive};
use tokio::net::TcpStream;

mod fd_stream;
mod fs_event;
mod process;
mod stream;
mod tls;
mod udp;
pub use process::{ChildStdio, SpawnedChild};
use stream::{Listener, Stream, UnixServer};
pub use tls::TlsStart;
pub use udp::{MulticastInterface, UdpBind, UdpOption};

/// A handle's id, unique for the loop's lifetime (never reused, so a late event can't
/// reach a newer handle).
pub type HandleId = u32;

/// Bytes a stream reads at once; also what one read event carries at most.
pub(super) const READ_CHUNK: usize = 64 * 1024;
/// Reads per stream per poll phase, so one busy peer can't starve the others.
pub(super) const READS_PER_POLL: usize = 16;
/// Connections a listener accepts per poll phase.
const ACCEPTS_PER_POLL: usize = 128;

/// Something that happened to a handle, for JS.
#[derive(Debug)]
pub enum IoEvent {
    /// A listener accepted `client` (a new stream handle, not reading yet), or failed with an
    /// OS error number.
    Accept { server: HandleId, client: Result<HandleId, i32> },
    /// A connect finished: 0 or an OS error number.
    Connect { id: HandleId, status: i32 },
    /// Bytes arrived.
    Read { id: HandleId, data: Vec<u8> },
    /// A datagram arrived on a UDP socket from `from`.
    Message { id: HandleId, data: Vec<u8>, from: SocketAddr },
    /// The peer ended its side (EOF).
    End { id: HandleId },
    /// A TLS handshake finished: `None`, or the failure's code and message.
    Handshake { id: HandleId, error: Option<(String, String)> },
    /// Reading failed with an OS error number; the stream stopped reading.
    ReadError { id: HandleId, errno: i32 },
    /// A queued write finished: 0 or an OS error number.
    WriteDone { id: HandleId, req: u64, status: i32 },
    /// A shutdown (half-close) finished: 0 or an OS error number.
    ShutdownDone { id: HandleId, req: u64, status: i32 },
    /// The handle is closed and its id retired.
    Closed { id: HandleId },
    /// A watched path changed: a rename (else a change) of the entry `name` in a watched
    /// directory, or of the watched path itself when `name` is `None`.
    FsEvent { id: HandleId, rename: bool, name: Option<Vec<u8>> },
    /// A child process exited: its exit code (or a negative OS error number if waiting
    /// failed) and the number of the signal that ended it (0 if none).
    Exit { id: HandleId, status: i64, signal: i32 },
}

/// What a write did right away.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WriteStatus {
    /// Everything was written synchronously (libuv's `uv_try_write` took it all).
    Done,
    /// Part of it waits for the socket; a [`IoEvent::WriteDone`] with the request follows.
    Queued,
}

type ConnectFuture = Pin<Box<dyn Future<Output = io::Result<Stream>>>>;

/// One write request waiting for the socket.
pub(super) struct PendingWrite {
    req: u64,
    data: Vec<u8>,
    written: usize,
}

enum Kind {
    Listener(Listener),
    Connecting(ConnectFuture),
    Stream(Stream),
    /// A connect that failed: nothing left to do but close it.
    Failed,
    /// A bound UDP socket; `reading` is libuv's `uv_udp_recv_start`.
    Udp(Box<udp::UdpHandle>),
    /// A stream whose TLS handshake is running.
    TlsHandshake(tls::Handshake),
    /// An established TLS session over what was a stream.
    Tls(Box<dyn crate::tls::TlsConnection>),
    /// A running child process, until its exit is seen.
    Process(Box<process::ExitWatch>),
    /// A child process whose exit was reported.
    Exited,
    /// A file-system watcher (the backend's watcher id).
    FsEvent(u32),
}

struct Handle {
    kind: Kind,
    refed: bool,
    listening: bool,
    reading: bool,
    eof_seen: bool,
    writes: VecDeque<PendingWrite>,
    shutdown: Option<u64>,
}

impl Handle {
    fn new(kind: Kind) -> Self {
        Handle {
            kind,
            refed: true,
            listening: false,
            reading: false,
            eof_seen: false,
            writes: VecDeque::new(),
            shutdown: None,
        }
    }

    /// Requests in flight (writes, a shutdown, queued datagrams): as libuv's active
    /// requests they keep the loop alive whether or not the handle is ref'd.
    fn has_requests(&self) -> bool {
        !self.writes.is_empty()
            || self.shutdown.is_some()
            || matches!(&self.kind, Kind::Udp(udp) if udp.sending())
    }

    /// libuv's `uv_is_active`.
    fn active(&self) -> bool {
        match self.kind {
            Kind::Listener(_) => self.listening,
            Kind::Connecting(_) => true,
            Kind::Failed | Kind::Exited => false,
            Kind::Process(_) | Kind::FsEvent(_) => true,
            Kind::Udp(ref udp) => self.reading || udp.sending(),
            Kind::TlsHandshake(_) => true,
            Kind::Stream(_) | Kind::Tls(_) => {
                (self.reading && !self.eof_seen)
                    || !self.writes.is_empty()
                    || self.shutdown.is_some()
            }
        }
    }
}

/// The table of a loop's handles.
#[derive(Default)]
pub(crate) struct HandleTable {
    handles: std::collections::BTreeMap<HandleId, Handle>,
    next_id: HandleId,
    /// Closed handles whose `Closed` event has not gone out yet.
    closed: Vec<HandleId>,
    /// Requests cancelled by a close, answered in the close phase.
    pending: Vec<IoEvent>,
    /// The `fs.watch` backend, made on the first watch.
    fs_events: Option<fs_event::FsEvents>,
}

/// An OS error number for `e` (EIO when it has none).
pub(crate) fn errno_of(e: &io::Error) -> i32 {
    e.raw_os_error().unwrap_or(libc::EIO)
}

fn not_found() -> io::Error {
    io::Error::from_raw_os_error(libc::EBADF)
}

impl HandleTable {
    fn insert(&mut self, kind: Kind) -> HandleId {
        self.next_id = self.next_id.wrapping_add(1).max(1);
        let id = self.next_id;
        self.handles.insert(id, Handle::new(kind));
        id
    }

    fn get(&mut self, id: HandleId) -> io::Result<&mut Handle> {
        self.handles.get_mut(&id).ok_or_else(not_found)
    }

    /// Whether any ref'd handle is active (keeps the loop running), or events wait.
    pub(crate) fn keeps_alive(&self) -> bool {
        !self.closed.is_empty()
            || !self.pending.is_empty()
            || self.handles.values().any(|h| (h.refed && h.active()) || h.has_requests())
    }

    /// Whether events are ready without waiting (the poll must not block).
    pub(crate) fn has_ready_events(&self) -> bool {
        !self.closed.is_empty() || !self.pending.is_empty()
    }

    /// A listening TCP socket on `addr` (port 0 picks one); returns its id and bound address.
    pub(crate) fn tcp_listen(
        &mut self,
        addr: SocketAddr,
        backlog: u32,
        ipv6_only: bool,
        reuse_port: bool,
    ) -> io::Result<(HandleId, SocketAddr)> {
        let socket = match addr {
            SocketAddr::V4(_) => tokio::net::TcpSocket::new_v4()?,
            SocketAddr::V6(_) => tokio::net::TcpSocket::new_v6()?,
        };
        // As libuv: SO_REUSEADDR on every listening socket, so a restarted server can bind
        // while old connections sit in TIME_WAIT.
        socket.set_reuseaddr(true)?;
        if reuse_port {
            // `reusePort`: several listeners on one port, the kernel spreading connections.
            socket.set_reuseport(true)?;
        }
        if addr.is_ipv6() {
            SockRef::from(&socket).set_only_v6(ipv6_only)?;
        }
        socket.bind(addr)?;
        let listener = socket.listen(backlog.max(1))?;
        let local = listener.local_addr()?;
        let id = self.insert(Kind::Listener(Listener::Tcp(listener)));
        if let Some(handle) = self.handles.get_mut(&id) {
            handle.listening = true;
        }
        Ok((id, local))
    }

    /// Starts connecting to `addr` (from `local` when given, bound first); a
    /// [`IoEvent::Connect`] says how it went.
    pub(crate) fn tcp_connect(
        &mut self,
        addr: SocketAddr,
        local: Option<SocketAddr>,
    ) -> io::Result<HandleId> {
        let Some(local) = local else {
            return Ok(self.insert(Kind::Connecting(Box::pin(async move {
                TcpStream::connect(addr).await.map(Stream::Tcp)
            }))));
        };
        // Bound first (`localAddress`/`localPort`): a bind failure is the caller's at once.
        let socket = match local {
            SocketAddr::V4(_) => tokio::net::TcpSocket::new_v4()?,
            SocketAddr::V6(_) => tokio::net::TcpSocket::new_v6()?,
        };
        socket.bind(local)?;
        Ok(self.insert(Kind::Connecting(Box::pin(async move {
            socket.connect(addr).await.map(Stream::Tcp)
        }))))
    }

    /// A Unix-domain socket listening at `path` (Node's pipe server); the path is removed
    /// when the handle closes.
    pub(crate) fn pipe_listen(
        &mut self,
        path: &std::path::Path,
        backlog: u32,
    ) -> io::Result<HandleId> {
        check_pipe_path(path)?;
        let socket = socket2::Socket::new(socket2::Domain::UNIX, socket2::Type::STREAM, None)?;
        socket.set_nonblocking(true)?;
        // A failed bind created no file: nothing of ours to remove.
        socket.bind(&socket2::SockAddr::unix(path)?)?;
        let listener = std::os::unix::net::UnixListener::from(socket);
        let server = UnixServer {
            listener: tokio::net::UnixListener::from_std(listener)?,
            path: Some(path.to_owned()),
        };
        // listen() after the path is owned, so a failure still removes it.
        SockRef::from(&server.listener).listen(backlog.clamp(1, i32::MAX as u32) as i32)?;
        let id = self.insert(Kind::Listener(Listener::Unix(server)));
        if let Some(handle) = self.handles.get_mut(&id) {
            handle.listening = true;
        }
        Ok(id)
    }

    /// Starts connecting to the Unix-domain socket at `path`; a [`IoEvent::Connect`] follows.
    pub(crate) fn pipe_connect(&mut self, path: std::path::PathBuf) -> HandleId {
        self.insert(Kind::Connecting(Box::pin(async move {
            check_pipe_path(&path)?;
            tokio::net::UnixStream::connect(path).await.map(Stream::Unix)
        })))
    }

    /// A stream handle over a duplicate of descriptor `fd` (libuv's `uv_pipe_open`, or
    /// `uv_tty_init` for a terminal): a socket becomes a Unix or TCP stream, a pipe or
    /// terminal an fd stream.
    pub(crate) fn open_fd(&mut self, fd: std::os::fd::RawFd) -> io::Result<HandleId> {
        let stream = match fd_stream::socket_domain(fd)? {
            Some(domain) => {
                let copy = fd_stream::dup_cloexec(fd)?;
                if domain == libc::AF_UNIX {
                    let std = std::os::unix::net::UnixStream::from(copy);
                    std.set_nonblocking(true)?;
                    Stream::Unix(tokio::net::UnixStream::from_std(std)?)
                } else {
                    let std = std::net::TcpStream::from(copy);
                    std.set_nonblocking(true)?;
                    Stream::Tcp(TcpStream::from_std(std)?)
                }
            }
            None => Stream::Fd(fd_stream::FdStream::open(fd)?),
        };
        Ok(self.insert(Kind::Stream(stream)))
    }

    /// Two connected Unix stream handles (a socketpair): the transport of a TLS session whose
    /// bytes come from and go to JS code (Node's TLSSocket over a Duplex).
    pub(crate) fn stream_pair(&mut self) -> io::Result<(HandleId, HandleId)> {
        let (a, b) = std::os::unix::net::UnixStream::pair()?;
        a.set_nonblocking(true)?;
        b.set_nonblocking(true)?;
        let a = Stream::Unix(tokio::net::UnixStream::from_std(a)?);
        let b = Stream::Unix(tokio::net::UnixStream::from_std(b)?);
        Ok((self.insert(Kind::Stream(a)), self.insert(Kind::Stream(b))))
    }

    /// A server listening on a duplicate of socket descriptor `fd` (Node's `listen({ fd })`):
    /// ENOTSOCK for anything but a TCP or Unix stream socket.
    pub(crate) fn listen_fd(
        &mut self,
        fd: std::os::fd::RawFd,
        backlog: u32,
    ) -> io::Result<HandleId> {
        let Some(domain) = fd_stream::socket_domain(fd)? else {
            return Err(io::Error::from_raw_os_error(libc::ENOTSOCK));
        };
        let socket = socket2::Socket::from(fd_stream::dup_cloexec(fd)?);
        socket.listen(backlog.clamp(1, i32::MAX as u32) as i32)?;
        socket.set_nonblocking(true)?;
        let listener = match domain {
            libc::AF_UNIX => Listener::Unix(UnixServer {
                listener: tokio::net::UnixListener::from_std(socket.into())?,
                path: None,
            }),
            libc::AF_INET | libc::AF_INET6 => {
                Listener::Tcp(tokio::net::TcpListener::from_std(socket.into())?)
            }
            _ => return Err(io::Error::from_raw_os_error(libc::EINVAL)),
        };
        let id = self.insert(Kind::Listener(listener));
        if let Some(handle) = self.handles.get_mut(&id) {
            handle.listening = true;
        }
        Ok(id)
    }

    /// The descriptor of stream or listener `id` (Node's `handle.fd`).
    pub(crate) fn raw_fd(&mut self, id: HandleId) -> io::Result<std::os::fd::RawFd> {
        use std::os::fd::AsRawFd;
        match &self.get(id)?.kind {
            Kind::Stream(stream) => Ok(stream.sock().as_raw_fd()),
            Kind::Listener(Listener::Tcp(l)) => Ok(l.as_raw_fd()),
            Kind::Listener(Listener::Unix(u)) => Ok(u.listener.as_raw_fd()),
            Kind::Udp(udp) => udp.raw_fd(),
            _ => Err(io::Error::from_raw_os_error(libc::EBADF)),
        }
    }

    /// Starts or stops reading a stream (libuv's `uv_read_start`/`uv_read_stop`).
    pub(crate) fn set_reading(&mut self, id: HandleId, reading: bool) -> io::Result<()> {
        let handle = self.get(id)?;
        match &handle.kind {
            Kind::Listener(_) => return Err(io::Error::from_raw_os_error(libc::ENOTCONN)),
            Kind::Stream(stream) if reading && !handle.reading => stream.ensure_nonblocking()?,
            _ => {}
        }
        handle.reading = reading;
        Ok(())
    }

    /// Writes `data`: as much as the socket takes now, a copy of the rest queued.
    pub(crate) fn write(&mut self, id: HandleId, data: &[u8], req: u64) -> io::Result<WriteStatus> {
        let handle = self.get(id)?;
        if handle.shutdown.is_some() {
            return Err(io::Error::from_raw_os_error(libc::EPIPE));
        }
        if matches!(handle.kind, Kind::Tls(_) | Kind::TlsHandshake(_)) {
            // Plaintext goes through the session in the poll phase (after the handshake).
            handle.writes.push_back(PendingWrite { req, data: data.to_vec(), written: 0 });
            return Ok(WriteStatus::Queued);
        }
        let Kind::Stream(stream) = &handle.kind else {
            return Err(io::Error::from_raw_os_error(libc::ENOTCONN));
        };
        let mut written = 0;
        if handle.writes.is_empty() {
            while written < data.len() {
                match stream.write_now(&data[written..]) {
                    Ok(0) => break,
                    Ok(n) => written += n,
                    Err(e) if e.kind() == io::ErrorKind::WouldBlock => break,
                    Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                    Err(e) => return Err(e),
                }
            }
        }
        if written == data.len() {
            return Ok(WriteStatus::Done);
        }
        handle.writes.push_back(PendingWrite { req, data: data[written..].to_vec(), written: 0 });
        Ok(WriteStatus::Queued)
    }

    /// Half-closes the stream once queued writes are out; a [`IoEvent::ShutdownDone`] follows.
    pub(crate) fn shutdown(&mut self, id: HandleId, req: u64) -> io::Result<()> {
        let handle = self.get(id)?;
        if !matches!(handle.kind, Kind::Stream(_) | Kind::Tls(_) | Kind::TlsHandshake(_)) {
            return Err(io::Error::from_raw_os_error(libc::ENOTCONN));
        }
        handle.shutdown = Some(req);
        Ok(())
    }

    /// Closes a handle at once; queued writes are dropped (their requests are answered with
    /// ECANCELED, as libuv does) and a [`IoEvent::Closed`] follows.
    pub(crate) fn close(&mut self, id: HandleId) {
        if let Some(handle) = self.handles.remove(&id) {
            match handle.kind {
                Kind::Udp(udp) => udp.drain_sends(id, libc::ECANCELED, &mut self.pending),
                Kind::FsEvent(watcher) => {
                    if let Some(fs_events) = self.fs_events.as_mut() {
                        fs_events.unwatch(watcher);
                    }
                }
                _ => {}
            }
            for write in handle.writes {
                self.pending.push(IoEvent::WriteDone {
                    id,
                    req: write.req,
                    status: libc::ECANCELED,
                });
            }
            if let Some(req) = handle.shutdown {
                self.pending.push(IoEvent::ShutdownDone { id, req, status: libc::ECANCELED });
            }
            self.closed.push(id);
        }
    }

    /// Whether the handle keeps the loop alive while active (`ref`/`unref`).
    pub(crate) fn set_ref(&mut self, id: HandleId, refed: bool) {
        if let Some(handle) = self.handles.get_mut(&id) {
            handle.refed = refed;
        }
    }

    /// Runs `f` on a connected stream.
    fn with_stream<T>(
        &mut self,
        id: HandleId,
        f: impl FnOnce(&Stream) -> io::Result<T>,
    ) -> io::Result<T> {
        match &self.get(id)?.kind {
            Kind::Stream(stream) => f(stream),
            _ => Err(io::Error::from_raw_os_error(libc::ENOTCONN)),
        }
    }

    /// The local address of a listener or stream.
    pub(crate) fn local_addr(&mut self, id: HandleId) -> io::Result<SocketAddr> {
        match &self.get(id)?.kind {
            Kind::Listener(listener) => listener.tcp()?.local_addr(),
            Kind::Stream(stream) => stream.tcp()?.local_addr(),
            Kind::Udp(udp) => udp.local_addr(),
            _ => Err(io::Error::from_raw_os_error(libc::ENOTCONN)),
        }
    }

    /// The peer's address of a stream or a connected UDP socket.
    pub(crate) fn peer_addr(&mut self, id: HandleId) -> io::Result<SocketAddr> {
        match &self.get(id)?.kind {
            Kind::Udp(udp) => udp.peer_addr(),
            _ => self.with_stream(id, |s| s.tcp()?.peer_addr()),
        }
    }

    /// TCP_NODELAY on or off.
    pub(crate) fn set_nodelay(&mut self, id: HandleId, on: bool) -> io::Result<()> {
        self.with_stream(id, |s| s.tcp()?.set_nodelay(on))
    }

    /// SO_KEEPALIVE on or off, with the idle time before the first probe (seconds).
    pub(crate) fn set_keepalive(
        &mut self,
        id: HandleId,
        on: bool,
        delay_secs: u32,
    ) -> io::Result<()> {
        self.with_stream(id, |s| set_keepalive(s.tcp()?, on, delay_secs))
    }

    /// The IP type of service (IP_TOS, or IPV6_TCLASS on an IPv6 socket): set it to
    /// `value`, or only read it when `value` is `None`.
    pub(crate) fn type_of_service(&mut self, id: HandleId, value: Option<u32>) -> io::Result<u32> {
        self.with_stream(id, |s| {
            let tcp = s.tcp()?;
            let sock = SockRef::from(tcp);
            if tcp.local_addr()?.is_ipv6() {
                if let Some(v) = value {
                    sock.set_tclass_v6(v)?;
                }
                sock.tclass_v6()
            } else {
                if let Some(v) = value {
                    sock.set_tos_v4(v)?;
                }
                sock.tos_v4()
            }
        })
    }

    /// SO_LINGER {on, 0}: closing sends RST instead of FIN.
    pub(crate) fn set_linger_zero(&mut self, id: HandleId) -> io::Result<()> {
        // With a zero timeout close() resets at once: it never blocks.
        self.with_stream(id, |s| s.sock().set_linger(Some(Duration::ZERO)))
    }

    /// Polls every active handle once, pushing what happened to `events`.
    pub(crate) fn poll(&mut self, cx: &mut Context<'_>, events: &mut Vec<IoEvent>) {
        let ids: Vec<HandleId> = self.handles.keys().copied().collect();
        let mut accepted: Vec<(HandleId, Result<Stream, i32>)> = Vec::new();
        if let Some(fs_events) = self.fs_events.as_mut() {
            fs_events.poll(cx, events);
        }
        for id in ids {
            // Connections accepted by the previous listener become handles in order.
            for (server, result) in accepted.drain(..) {
                let client = result.map(|stream| self.insert(Kind::Stream(stream)));
                events.push(IoEvent::Accept { server, client });
            }
            let Some(handle) = self.handles.get_mut(&id) else { continue };
            match &mut handle.kind {
                Kind::Listener(listener) => {
                    if !handle.listening {
                        continue;
                    }
                    for _ in 0..ACCEPTS_PER_POLL {
                        match listener.poll_accept(cx) {
                            Poll::Ready(Ok(stream)) => accepted.push((id, Ok(stream))),
                            Poll::Ready(Err(e)) => {
                                accepted.push((id, Err(errno_of(&e))));
                                break;
                            }
                            Poll::Pending => break,
                        }
                    }
                }
                Kind::Connecting(connect) => {
                    if let Poll::Ready(result) = connect.as_mut().poll(cx) {
                        match result {
                            Ok(stream) => {
                                handle.kind = Kind::Stream(stream);
                                events.push(IoEvent::Connect { id, status: 0 });
                            }
                            Err(e) => {
                                // The handle stays until JS closes it, as after a failed
                                // libuv connect.
                                handle.kind = Kind::Failed;
                                events.push(IoEvent::Connect { id, status: errno_of(&e) });
                            }
                        }
                    }
                }
                Kind::Failed | Kind::Exited | Kind::FsEvent(_) => {}
                Kind::Process(watch) => {
                    if let Some(exit) = process::poll_process(id, watch, cx) {
                        handle.kind = Kind::Exited;
                        events.push(exit);
                    }
                }
                Kind::Udp(udp) => udp.poll(id, handle.reading, cx, events),
                Kind::TlsHandshake(handshake) => {
                    match tls::poll_handshake(id, handshake, cx, events) {
                        None => {}
                        Some(Ok(session)) => {
                            handle.kind = Kind::Tls(session);
                            // Writes queued during the handshake go out in the next turn.
                            cx.waker().wake_by_ref();
                        }
                        Some(Err(())) => handle.kind = Kind::Failed,
                    }
                }
                Kind::Tls(session) => {
                    tls::poll_tls_writes(id, session, &mut handle.writes, cx, events);
                    if handle.writes.is_empty() {
                        if let Some(req) = handle.shutdown {
                            if let Poll::Ready(result) = tls::poll_tls_shutdown(session, cx) {
                                handle.shutdown = None;
                                let status = result.err().map_or(0, |e| errno_of(&e));
                                events.push(IoEvent::ShutdownDone { id, req, status });
                            }
                        }
                    }
                    if handle.reading && !handle.eof_seen {
                        match tls::poll_tls_reads(id, session, cx, events) {
                            ReadOutcome::Open => {}
                            ReadOutcome::Eof => handle.eof_seen = true,
                            ReadOutcome::Failed => handle.reading = false,
                        }
                    }
                }
                Kind::Stream(stream) => {
                    poll_writes(id, stream, &mut handle.writes, cx, events);
                    if handle.writes.is_empty() {
                        if let Some(req) = handle.shutdown.take() {
                            let status = match shutdown_write(stream) {
                                Ok(()) => 0,
                                Err(e) => errno_of(&e),
                            };
                            events.push(IoEvent::ShutdownDone { id, req, status });
                        }
                    }
                    if handle.reading && !handle.eof_seen {
                        let outcome = poll_reads(id, stream, cx, events);
                        match outcome {
                            ReadOutcome::Open => {}
                            ReadOutcome::Eof => handle.eof_seen = true,
                            ReadOutcome::Failed => handle.reading = false,
                        }
                    }
                }
            }
        }
        for (server, result) in accepted {
            let client = result.map(|stream| self.insert(Kind::Stream(stream)));
            events.push(IoEvent::Accept { server, client });
        }
    }

    /// The close phase (libuv's closing handles): requests cancelled by a close, then each
    /// closed handle's `Closed`.
    pub(crate) fn take_closing(&mut self) -> Vec<IoEvent> {
        let mut events = std::mem::take(&mut self.pending);
        events.extend(self.closed.drain(..).map(|id| IoEvent::Closed { id }));
        events
    }
}

/// Writes queued data while the socket takes it; finished requests become events.
fn poll_writes(
    id: HandleId,
    stream: &Stream,
    writes: &mut VecDeque<PendingWrite>,
    cx: &mut Context<'_>,
    events: &mut Vec<IoEvent>,
) {
    while let Some(front) = writes.front_mut() {
        match stream.poll_write_ready(cx) {
            Poll::Pending => return,
            Poll::Ready(Err(e)) => {
                let status = errno_of(&e);
                for write in writes.drain(..) {
                    events.push(IoEvent::WriteDone { id, req: write.req, status });
                }
                return;
            }
            Poll::Ready(Ok(())) => {}
        }
        match stream.try_write(&front.data[front.written..]) {
            Ok(n) => {
                front.written += n;
                if front.written >= front.data.len() {
                    let req = front.req;
                    writes.pop_front();
                    events.push(IoEvent::WriteDone { id, req, status: 0 });
                }
            }
            Err(e) if e.kind() == io::ErrorKind::WouldBlock => continue,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => {
                let status = errno_of(&e);
                for write in writes.drain(..) {
                    events.push(IoEvent::WriteDone { id, req: write.req, status });
                }
                return;
            }
        }
    }
}

pub(super) enum ReadOutcome {
    Open,
    Eof,
    Failed,
}

thread_local! {
    /// The loop thread's read buffer. Each read copies out only the bytes it got, so a small
    /// read (an HTTP request, a keystroke) costs neither a 64 KiB allocation nor zeroing it,
    /// and JS holds buffers of the size that arrived (libuv's onread pattern in Node: read
    /// into a large buffer, keep what was filled).
    static READ_SCRATCH: std::cell::RefCell<Vec<u8>> = std::cell::RefCell::new(vec![0; READ_CHUNK]);
}

/// Reads what the socket has (a bounded number of chunks), pushing read/EOF/error events.
fn poll_reads(
    id: HandleId,
    stream: &Stream,
    cx: &mut Context<'_>,
    events: &mut Vec<IoEvent>,
) -> ReadOutcome {
    for _ in 0..READS_PER_POLL {
        match stream.poll_read_ready(cx) {
            Poll::Pending => return ReadOutcome::Open,
            Poll::Ready(Err(e)) => {
                events.push(IoEvent::ReadError { id, errno: errno_of(&e) });
                return ReadOutcome::Failed;
            }
            Poll::Ready(Ok(())) => {}
        }
        let read = READ_SCRATCH.with(|scratch| {
            let mut scratch = scratch.borrow_mut();
            stream.try_read(&mut scratch).map(|n| scratch[..n].to_vec())
        });
        match read {
            Ok(data) if data.is_empty() => {
                events.push(IoEvent::End { id });
                return ReadOutcome::Eof;
            }
            Ok(data) => {
                let drained = data.len() < READ_CHUNK;
                events.push(IoEvent::Read { id, data });
                if drained {
                    stream.clear_read_ready();
                    return ReadOutcome::Open;
                }
            }
            Err(e) if e.kind() == io::ErrorKind::WouldBlock => continue,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => {
                events.push(IoEvent::ReadError { id, errno: errno_of(&e) });
                return ReadOutcome::Failed;
            }
        }
    }
    // More may be waiting: come back in the next poll without sleeping.
    cx.waker().wake_by_ref();
    ReadOutcome::Open
}

/// A path that fits `sockaddr_un` (108 bytes with its NUL), else EINVAL: never truncated,
/// as libuv's UV_PIPE_NO_TRUNCATE.
fn check_pipe_path(path: &std::path::Path) -> io::Result<()> {
    use std::os::unix::ffi::OsStrExt;
    let len = path.as_os_str().as_bytes().len();
    if len == 0 || len >= 108 {
        return Err(io::Error::from_raw_os_error(libc::EINVAL));
    }
    Ok(())
}

/// `shutdown(fd, SHUT_WR)`: tokio's streams only offer it through their async writers. A
/// pipe or terminal has no half-close: its reader sees the end when the handle closes.
fn shutdown_write(stream: &Stream) -> io::Result<()> {
    match stream {
        Stream::Fd(_) => Ok(()),
        _ => stream.sock().shutdown(std::net::Shutdown::Write),
    }
}

/// SO_KEEPALIVE and, when on, TCP_KEEPIDLE.
fn set_keepalive(stream: &TcpStream, on: bool, delay_secs: u32) -> io::Result<()> {
    let socket = SockRef::from(stream);
    socket.set_keepalive(on)?;
    if on && delay_secs > 0 {
        let idle = TcpKeepalive::new().with_time(Duration::from_secs(delay_secs.into()));
        socket.set_tcp_keepalive(&idle)?;
    }
    Ok(())
}
