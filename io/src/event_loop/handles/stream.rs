//! The byte-stream kinds a stream handle can be (libuv's `uv_tcp_t` and `uv_pipe_t`), and the
//! listeners that accept them: one type each, so the handle table's read, write, shutdown
//! and close logic is written once for both.

use std::io;
use std::path::PathBuf;
use std::task::{Context, Poll};

use socket2::SockRef;
use tokio::net::{TcpListener, TcpStream, UnixListener, UnixStream};

use super::fd_stream::FdStream;

/// A connected stream: TCP, a Unix-domain socket (Node's Pipe), or a pipe or terminal
/// descriptor.
pub(super) enum Stream {
    Tcp(TcpStream),
    Unix(UnixStream),
    Fd(FdStream),
}

impl Stream {
    pub(super) fn poll_read_ready(&self, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        match self {
            Stream::Tcp(s) => s.poll_read_ready(cx),
            Stream::Unix(s) => s.poll_read_ready(cx),
            Stream::Fd(s) => s.poll_read_ready(cx),
        }
    }

    pub(super) fn poll_write_ready(&self, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        match self {
            Stream::Tcp(s) => s.poll_write_ready(cx),
            Stream::Unix(s) => s.poll_write_ready(cx),
            Stream::Fd(s) => s.poll_write_ready(cx),
        }
    }

    pub(super) fn try_read(&self, buf: &mut [u8]) -> io::Result<usize> {
        match self {
            Stream::Tcp(s) => s.try_read(buf),
            Stream::Unix(s) => s.try_read(buf),
            Stream::Fd(s) => s.try_read(buf),
        }
    }

    /// Forgets the poller's read readiness until the next edge, after a short read drained
    /// the socket (libuv's UV_HANDLE_READ_PARTIAL): the next read waits for new data
    /// instead of trying again, which on a descriptor a child made blocking would hang.
    pub(super) fn clear_read_ready(&self) {
        let would_block = || Err::<(), _>(io::Error::from(io::ErrorKind::WouldBlock));
        let _ = match self {
            Stream::Tcp(s) => s.try_io(tokio::io::Interest::READABLE, would_block),
            Stream::Unix(s) => s.try_io(tokio::io::Interest::READABLE, would_block),
            Stream::Fd(s) => s.clear_read_ready(),
        };
    }

    /// A non-blocking write through tokio, which clears its readiness on EAGAIN.
    pub(super) fn try_write(&self, buf: &[u8]) -> io::Result<usize> {
        match self {
            Stream::Tcp(s) => s.try_write(buf),
            Stream::Unix(s) => s.try_write(buf),
            Stream::Fd(s) => s.try_write(buf),
        }
    }

    /// The socket, for options and the direct first write.
    pub(super) fn sock(&self) -> SockRef<'_> {
        match self {
            Stream::Tcp(s) => SockRef::from(s),
            Stream::Unix(s) => SockRef::from(s),
            Stream::Fd(s) => SockRef::from(s.as_fd()),
        }
    }

    /// Sets O_NONBLOCK again if a child cleared it on the shared description (libuv makes
    /// a child's fds 0–2 blocking): a blocking read on the loop's thread would hang it.
    pub(super) fn ensure_nonblocking(&self) -> io::Result<()> {
        use std::os::fd::AsRawFd;
        let fd = self.sock().as_raw_fd();
        // SAFETY: F_GETFL/F_SETFL have no memory effects.
        unsafe {
            let flags = libc::fcntl(fd, libc::F_GETFL);
            if flags >= 0 && flags & libc::O_NONBLOCK == 0 {
                libc::fcntl(fd, libc::F_SETFL, flags | libc::O_NONBLOCK);
            }
        }
        Ok(())
    }

    /// Writes straight to the kernel, whatever the poller has seen (libuv's
    /// `uv_try_write`): tokio's `try_write` refuses a stream whose writability its reactor
    /// has not seen yet (a fresh accept).
    pub(super) fn write_now(&self, buf: &[u8]) -> io::Result<usize> {
        match self {
            Stream::Fd(s) => s.write_now(buf),
            _ => self.sock().send_with_flags(buf, libc::MSG_NOSIGNAL),
        }
    }

    /// The TCP stream, for what only TCP has (addresses, Nagle, keep-alive).
    pub(super) fn tcp(&self) -> io::Result<&TcpStream> {
        match self {
            Stream::Tcp(s) => Ok(s),
            _ => Err(io::Error::from_raw_os_error(libc::ENOTSUP)),
        }
    }
}

/// A listening socket: TCP, or a Unix-domain socket bound to a path.
pub(super) enum Listener {
    Tcp(TcpListener),
    Unix(UnixServer),
}

/// A Unix-domain listener and the path it created, removed again when it closes (as libuv
/// unlinks a pipe server's path).
pub(super) struct UnixServer {
    pub(super) listener: UnixListener,
    /// The path this server bound (none for a socket it was given as a descriptor).
    pub(super) path: Option<PathBuf>,
}

impl Drop for UnixServer {
    fn drop(&mut self) {
        // Abstract names (a leading NUL) have no file; a path already gone is fine.
        if let Some(path) = &self.path {
            let _ = std::fs::remove_file(path);
        }
    }
}

impl Listener {
    pub(super) fn poll_accept(&self, cx: &mut Context<'_>) -> Poll<io::Result<Stream>> {
        match self {
            Listener::Tcp(l) => l.poll_accept(cx).map_ok(|(s, _)| Stream::Tcp(s)),
            Listener::Unix(u) => u.listener.poll_accept(cx).map_ok(|(s, _)| Stream::Unix(s)),
        }
    }

    pub(super) fn tcp(&self) -> io::Result<&TcpListener> {
        match self {
            Listener::Tcp(l) => Ok(l),
            Listener::Unix(_) => Err(io::Error::from_raw_os_error(libc::ENOTSUP)),
        }
    }
}
