//! [`LoopHandle`]: what ops hold to talk to the loop from the JS thread.

use std::any::Any;
use std::cell::RefCell;
use std::net::SocketAddr;
use std::rc::Rc;
use std::sync::Arc;
use std::time::Instant;

use super::handles::{HandleId, HandleTable, UdpBind, UdpOption, WriteStatus};

/// A finished request: the id JS gave it and the result its job produced.
pub struct Completion {
    /// The request id chosen by the caller of [`LoopHandle::spawn_blocking`].
    pub id: u64,
    /// Whatever the job returned; the op that submitted it knows the type.
    pub result: Box<dyn Any + Send>,
}

/// A job for the blocking pool.
pub type Job = Box<dyn FnOnce() -> Box<dyn Any + Send> + Send>;

/// Work that waits on I/O without blocking a thread (a DNS query): polled on the loop's own
/// runtime, its output comes back as a [`Completion`] like a job's.
pub type Task = std::pin::Pin<Box<dyn std::future::Future<Output = Box<dyn Any + Send>> + Send>>;

/// Runs blocking jobs off the JS thread and posts their [`Completion`]s to the loop.
pub trait Executor {
    /// Runs `job` on the pool; its result comes back as a completion with `id`.
    fn spawn_blocking(&self, id: u64, job: Job);
    /// Runs `task` on the loop's runtime; its output comes back as a completion with `id`.
    fn spawn_task(&self, id: u64, task: Task);
    /// Starts or stops catching signal `signo`; the loop hands caught ones to its driver.
    /// Watching keeps nothing alive (Node's signal handles are unref'd).
    fn watch_signal(&self, signo: i32, watch: bool) -> std::io::Result<()> {
        let _ = (signo, watch);
        Err(std::io::ErrorKind::Unsupported.into())
    }
}

/// The loop's bookkeeping, shared between the runner and the ops.
pub(crate) struct LoopState {
    pub start: Instant,
    pub now_ms: f64,
    pub timer_due: Option<f64>,
    pub timer_ref: bool,
    pub immediate_pending: bool,
    pub immediate_ref: bool,
    pub ref_handles: usize,
    pub pending_requests: usize,
    pub stop: bool,
    /// Sockets and servers (libuv's handles).
    pub handles: HandleTable,
    /// The runtime whose reactor the handles register with.
    pub reactor: Option<tokio::runtime::Handle>,
}

impl LoopState {
    pub(crate) fn new() -> Self {
        LoopState {
            start: Instant::now(),
            now_ms: 0.0,
            timer_due: None,
            timer_ref: true,
            immediate_pending: false,
            immediate_ref: true,
            ref_handles: 0,
            pending_requests: 0,
            stop: false,
            handles: HandleTable::default(),
            reactor: None,
        }
    }

    /// libuv's `uv_loop_alive`: something ref'd is active.
    pub(crate) fn alive(&self) -> bool {
        (self.timer_ref && self.timer_due.is_some())
            || (self.immediate_ref && self.immediate_pending)
            || self.ref_handles > 0
            || self.pending_requests > 0
            || self.handles.keeps_alive()
    }

    pub(crate) fn update_time(&mut self) {
        self.now_ms = self.start.elapsed().as_millis() as f64;
    }
}

/// A cheap, cloneable handle on the loop for the JS thread.
#[derive(Clone)]
pub struct LoopHandle {
    pub(crate) state: Rc<RefCell<LoopState>>,
    pub(crate) executor: Arc<dyn Executor>,
}

impl LoopHandle {
    /// The loop's cached time in ms since it started (libuv's `uv_now`).
    pub fn now(&self) -> f64 {
        self.state.borrow().now_ms
    }

    /// Refreshes the cached time (libuv's `uv_update_time`).
    pub fn update_time(&self) {
        self.state.borrow_mut().update_time();
    }

    /// Arms the single timer the JS timer lists use at loop time `due` ms, or disarms it.
    pub fn schedule_timer(&self, due: Option<f64>) {
        self.state.borrow_mut().timer_due = due;
    }

    /// Whether the armed timer keeps the loop alive.
    pub fn set_timer_ref(&self, refed: bool) {
        self.state.borrow_mut().timer_ref = refed;
    }

    /// Tells the loop whether immediates are queued and whether any of them is ref'd.
    pub fn set_immediates(&self, pending: bool, refed: bool) {
        let mut state = self.state.borrow_mut();
        state.immediate_pending = pending;
        state.immediate_ref = refed;
    }

    /// A handle (socket, server, child…) became active and ref'd.
    pub fn ref_handle(&self) {
        self.state.borrow_mut().ref_handles += 1;
    }

    /// A ref'd handle closed or was unref'd.
    pub fn unref_handle(&self) {
        let mut state = self.state.borrow_mut();
        state.ref_handles = state.ref_handles.saturating_sub(1);
    }

    /// Runs `job` on the blocking pool; the loop stays alive until its completion is handled.
    pub fn spawn_blocking(&self, id: u64, job: Job) {
        self.state.borrow_mut().pending_requests += 1;
        self.executor.spawn_blocking(id, job);
    }

    /// Starts (`watch`) or stops catching signal `signo`; stopping restores its default action.
    pub fn watch_signal(&self, signo: i32, watch: bool) -> std::io::Result<()> {
        self.executor.watch_signal(signo, watch)
    }

    /// Runs `f` on the handle table, inside the loop's reactor (where sockets register).
    fn with_handles<T>(&self, f: impl FnOnce(&mut HandleTable) -> T) -> T {
        let mut state = self.state.borrow_mut();
        let reactor = state.reactor.clone();
        let _entered = reactor.as_ref().map(|r| r.enter());
        f(&mut state.handles)
    }

    /// Runs `task` (a future that needs the loop's I/O driver) until done; its output comes
    /// back as a [`Completion`] with `id`, and it keeps the loop alive meanwhile.
    pub fn spawn_task(&self, id: u64, task: Task) {
        self.state.borrow_mut().pending_requests += 1;
        self.executor.spawn_task(id, task);
    }

    /// A UDP socket bound as `bind` says: its handle and bound address.
    pub fn udp_bind(&self, bind: UdpBind) -> std::io::Result<(HandleId, SocketAddr)> {
        self.with_handles(|h| h.udp_bind(bind))
    }

    /// Sends a datagram on UDP socket `id` (to `to`, or its connected peer): at once if
    /// `try_first` and the socket takes it, else queued under `req` (an
    /// `IoEvent::WriteDone` follows).
    pub fn udp_send(
        &self,
        id: HandleId,
        data: &[u8],
        to: Option<SocketAddr>,
        req: u64,
        try_first: bool,
    ) -> std::io::Result<WriteStatus> {
        self.with_handles(|h| h.udp_send(id, data, to, req, try_first))
    }

    /// Connects UDP socket `id` to `addr`.
    pub fn udp_connect(&self, id: HandleId, addr: SocketAddr) -> std::io::Result<()> {
        self.with_handles(|h| h.udp_connect(id, addr))
    }

    /// Dissolves UDP socket `id`'s connection.
    pub fn udp_disconnect(&self, id: HandleId) -> std::io::Result<()> {
        self.with_handles(|h| h.udp_disconnect(id))
    }

    /// Sets an option of UDP socket `id`.
    pub fn udp_set(&self, id: HandleId, option: UdpOption) -> std::io::Result<()> {
        self.with_handles(|h| h.udp_set(id, option))
    }

    /// The receive (`recv`) or send buffer size of UDP socket `id`.
    pub fn udp_buffer_size(&self, id: HandleId, recv: bool) -> std::io::Result<usize> {
        self.with_handles(|h| h.udp_buffer_size(id, recv))
    }

    /// Bytes and datagrams queued on UDP socket `id`.
    pub fn udp_send_queue(&self, id: HandleId) -> std::io::Result<(usize, usize)> {
        self.with_handles(|h| h.udp_send_queue(id))
    }

    /// A TCP server listening on `addr` (port 0 picks a free one): its handle and address.
    pub fn tcp_listen(
        &self,
        addr: SocketAddr,
        backlog: u32,
        ipv6_only: bool,
        reuse_port: bool,
    ) -> std::io::Result<(HandleId, SocketAddr)> {
        self.with_handles(|h| h.tcp_listen(addr, backlog, ipv6_only, reuse_port))
    }

    /// A TCP connection to `addr` (bound to `local` first, if given), connecting; an
    /// `IoEvent::Connect` tells the result. A failed bind is an error at once.
    pub fn tcp_connect(
        &self,
        addr: SocketAddr,
        local: Option<SocketAddr>,
    ) -> std::io::Result<HandleId> {
        self.with_handles(|h| h.tcp_connect(addr, local))
    }

    /// A Unix-domain socket server at `path` (Node's pipe server): its handle.
    pub fn pipe_listen(&self, path: &std::path::Path, backlog: u32) -> std::io::Result<HandleId> {
        self.with_handles(|h| h.pipe_listen(path, backlog))
    }

    /// A connection to the Unix-domain socket at `path`, connecting; an `IoEvent::Connect`
    /// tells the result.
    pub fn pipe_connect(&self, path: std::path::PathBuf) -> HandleId {
        self.with_handles(|h| h.pipe_connect(path))
    }

    /// Moves connected stream `id` into a TLS session that `start` begins (a client or
    /// server handshake); an `IoEvent::Handshake` follows.
    pub fn tls_wrap(&self, id: HandleId, start: super::handles::TlsStart) -> std::io::Result<()> {
        self.with_handles(|h| h.tls_wrap(id, start))
    }

    /// Runs `f` on the facts of TLS session `id` (certificate, protocol, cipher, ALPN, …).
    pub fn tls_info<T>(
        &self,
        id: HandleId,
        f: impl FnOnce(&dyn crate::tls::TlsStreamInfo) -> T,
    ) -> std::io::Result<T> {
        self.with_handles(|h| h.tls_info(id, f))
    }

    /// Starts `command` with `stdio` as its descriptors (pipes become stream handles); an
    /// `IoEvent::Exit` for the returned process handle tells when it ends.
    pub fn spawn_process(
        &self,
        command: &mut std::process::Command,
        stdio: &[super::handles::ChildStdio],
    ) -> std::io::Result<super::handles::SpawnedChild> {
        self.with_handles(|h| h.spawn_process(command, stdio))
    }

    /// A stream handle over a duplicate of descriptor `fd` (a socket, pipe or terminal).
    pub fn open_fd(&self, fd: std::os::fd::RawFd) -> std::io::Result<HandleId> {
        self.with_handles(|h| h.open_fd(fd))
    }

    /// Two connected stream handles (a socketpair), for a transport that JS code carries.
    pub fn stream_pair(&self) -> std::io::Result<(HandleId, HandleId)> {
        self.with_handles(|h| h.stream_pair())
    }

    /// A watcher of `path` (Node's FSEvent handle); `IoEvent::FsEvent`s follow until it
    /// is closed.
    pub fn fs_event_start(&self, path: &std::path::Path) -> std::io::Result<HandleId> {
        self.with_handles(|h| h.fs_event_start(path))
    }

    /// Replaces the backend of `fs.watch` (inotify by default), before the first watch.
    pub fn set_fs_watch_backend(&self, backend: Box<dyn crate::fs_watch::FsWatchBackend>) {
        self.with_handles(|h| h.set_fs_watch_backend(backend))
    }

    /// A server listening on a duplicate of socket descriptor `fd`.
    pub fn listen_fd(&self, fd: std::os::fd::RawFd, backlog: u32) -> std::io::Result<HandleId> {
        self.with_handles(|h| h.listen_fd(fd, backlog))
    }

    /// The descriptor under handle `id`.
    pub fn raw_fd(&self, id: HandleId) -> std::io::Result<std::os::fd::RawFd> {
        self.with_handles(|h| h.raw_fd(id))
    }

    /// Starts or stops reading stream `id`.
    pub fn set_reading(&self, id: HandleId, reading: bool) -> std::io::Result<()> {
        self.with_handles(|h| h.set_reading(id, reading))
    }

    /// Writes `data` to stream `id`: at once if the socket takes it, else the rest is copied
    /// and queued under request `req` (an `IoEvent::WriteDone` follows).
    pub fn write(&self, id: HandleId, data: &[u8], req: u64) -> std::io::Result<WriteStatus> {
        self.with_handles(|h| h.write(id, data, req))
    }

    /// Half-closes stream `id` after its queued writes (an `IoEvent::ShutdownDone` follows).
    pub fn shutdown(&self, id: HandleId, req: u64) -> std::io::Result<()> {
        self.with_handles(|h| h.shutdown(id, req))
    }

    /// Closes handle `id` (an `IoEvent::Closed` follows).
    pub fn close(&self, id: HandleId) {
        self.with_handles(|h| h.close(id))
    }

    /// Whether handle `id` keeps the loop alive while active.
    pub fn set_handle_ref(&self, id: HandleId, refed: bool) {
        self.with_handles(|h| h.set_ref(id, refed))
    }

    /// The local address of handle `id`.
    pub fn local_addr(&self, id: HandleId) -> std::io::Result<SocketAddr> {
        self.with_handles(|h| h.local_addr(id))
    }

    /// The peer address of stream `id`.
    pub fn peer_addr(&self, id: HandleId) -> std::io::Result<SocketAddr> {
        self.with_handles(|h| h.peer_addr(id))
    }

    /// TCP_NODELAY for stream `id`.
    pub fn set_nodelay(&self, id: HandleId, on: bool) -> std::io::Result<()> {
        self.with_handles(|h| h.set_nodelay(id, on))
    }

    /// SO_KEEPALIVE (and the first probe's delay in seconds) for stream `id`.
    pub fn set_keepalive(&self, id: HandleId, on: bool, delay_secs: u32) -> std::io::Result<()> {
        self.with_handles(|h| h.set_keepalive(id, on, delay_secs))
    }

    /// Sets (when `value` is given) and reads the IP type of service of TCP stream `id`.
    pub fn type_of_service(&self, id: HandleId, value: Option<u32>) -> std::io::Result<u32> {
        self.with_handles(|h| h.type_of_service(id, value))
    }

    /// SO_LINGER with a zero timeout for stream `id`: its close resets the connection.
    pub fn set_linger_zero(&self, id: HandleId) -> std::io::Result<()> {
        self.with_handles(|h| h.set_linger_zero(id))
    }

    /// Makes the loop return at the end of the current phase.
    pub fn stop(&self) {
        self.state.borrow_mut().stop = true;
    }

    /// Whether anything ref'd keeps the loop alive.
    pub fn alive(&self) -> bool {
        self.state.borrow().alive()
    }
}
