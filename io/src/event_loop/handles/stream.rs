//! The byte-stream kinds a stream handle can be (libuv's `uv_tcp_t` and `uv_pipe_t`), and the
//! listeners that accept them: one type each, so the handle table's read, write, shutdown
//! and close logic is written once for both.

use std::io;
use std::path::PathBuf;
use std::task::{Context, Poll};

use socket2::SockRef;
use tokio::net::{TcpListener, TcpStream, UnixListener, UnixStream};

/// A connected stream: TCP, or a Unix-domain socket (Node's Pipe).
pub(super) enum Stream {
    Tcp(TcpStream),
    Unix(UnixStream),
}

impl Stream {
    pub(super) fn poll_read_ready(&self, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        match self {
            Stream::Tcp(s) => s.poll_read_ready(cx),
            Stream::Unix(s) => s.poll_read_ready(cx),
        }
    }

    pub(super) fn poll_write_ready(&self, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        match self {
            Stream::Tcp(s) => s.poll_write_ready(cx),
            Stream::Unix(s) => s.poll_write_ready(cx),
        }
    }

    pub(super) fn try_read(&self, buf: &mut [u8]) -> io::Result<usize> {
        match self {
            Stream::Tcp(s) => s.try_read(buf),
            Stream::Unix(s) => s.try_read(buf),
        }
    }

    /// A non-blocking write through tokio, which clears its readiness on EAGAIN.
    pub(super) fn try_write(&self, buf: &[u8]) -> io::Result<usize> {
        match self {
            Stream::Tcp(s) => s.try_write(buf),
            Stream::Unix(s) => s.try_write(buf),
        }
    }

    /// The socket, for options and the direct first write.
    pub(super) fn sock(&self) -> SockRef<'_> {
        match self {
            Stream::Tcp(s) => SockRef::from(s),
            Stream::Unix(s) => SockRef::from(s),
        }
    }

    /// The TCP stream, for what only TCP has (addresses, Nagle, keep-alive).
    pub(super) fn tcp(&self) -> io::Result<&TcpStream> {
        match self {
            Stream::Tcp(s) => Ok(s),
            Stream::Unix(_) => Err(io::Error::from_raw_os_error(libc::ENOTSUP)),
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
    pub(super) path: PathBuf,
}

impl Drop for UnixServer {
    fn drop(&mut self) {
        // Abstract names (a leading NUL) have no file; a path already gone is fine.
        let _ = std::fs::remove_file(&self.path);
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
