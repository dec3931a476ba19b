//! A stream over a descriptor that is not a socket: a pipe or FIFO, or a terminal
//! (libuv's `uv_pipe_open` on a pipe fd and `uv_tty_t`). Read and written with
//! `read(2)`/`write(2)` when the loop's poller says it is ready.
//!
//! The handle works on a duplicate of the descriptor it was opened on, so closing the
//! handle never closes the process's own stdin. A terminal is opened afresh by its name, as
//! libuv does, so the O_NONBLOCK the loop needs stays off the description the shell
//! shares. A pipe's duplicate shares its description: the original flags are put back when
//! the handle goes, and at exit (see [`crate::StdioFlags`]).

use std::io;
use std::os::fd::{AsRawFd, FromRawFd, OwnedFd, RawFd};
use std::task::{Context, Poll};

use tokio::io::unix::AsyncFd;
use tokio::io::Interest;

/// A non-socket descriptor registered with the loop's poller.
pub(super) struct FdStream {
    fd: AsyncFd<OwnedFd>,
    /// The file status flags before O_NONBLOCK was set.
    original_flags: libc::c_int,
}

impl FdStream {
    /// Opens a duplicate of `fd`; fails (EPERM) for what the poller can't watch, such as a
    /// regular file.
    pub(super) fn open(fd: RawFd) -> io::Result<FdStream> {
        let reopened = reopen_terminal(fd);
        let shares_description = reopened.is_none();
        let owned = match reopened {
            Some(own) => own,
            None => dup_cloexec(fd)?,
        };
        let copy = owned.as_raw_fd();
        // SAFETY: F_GETFL/F_SETFL on a descriptor we own.
        let original_flags = unsafe { libc::fcntl(copy, libc::F_GETFL) };
        if original_flags < 0 {
            return Err(io::Error::last_os_error());
        }
        // SAFETY: as above.
        if unsafe { libc::fcntl(copy, libc::F_SETFL, original_flags | libc::O_NONBLOCK) } < 0 {
            return Err(io::Error::last_os_error());
        }
        // SAFETY: the AsyncFd owns the descriptor, so it stays open for the AsyncFd's life.
        match unsafe { AsyncFd::register(owned) } {
            Ok(fd) => Ok(FdStream { fd, original_flags }),
            Err(e) => {
                let (_, e) = e.into_parts();
                if shares_description {
                    // The flags live on the shared description: put them back through `fd`.
                    // SAFETY: F_SETFL has no memory effects.
                    unsafe { libc::fcntl(fd, libc::F_SETFL, original_flags) };
                }
                Err(e)
            }
        }
    }

    pub(super) fn poll_read_ready(&self, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        self.fd.poll_read_ready(cx).map_ok(|_| ())
    }

    pub(super) fn poll_write_ready(&self, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        self.fd.poll_write_ready(cx).map_ok(|_| ())
    }

    /// `read(2)`, clearing the poller's readiness when it would block.
    pub(super) fn try_read(&self, buf: &mut [u8]) -> io::Result<usize> {
        self.fd.try_io(Interest::READABLE, |fd| {
            // SAFETY: `buf` is valid for `buf.len()` bytes of writes.
            let n = unsafe { libc::read(fd.as_raw_fd(), buf.as_mut_ptr().cast(), buf.len()) };
            if n < 0 {
                Err(io::Error::last_os_error())
            } else {
                Ok(n as usize)
            }
        })
    }

    /// Forgets the read readiness until the next edge (see `Stream::clear_read_ready`).
    pub(super) fn clear_read_ready(&self) -> io::Result<()> {
        self.fd.try_io(Interest::READABLE, |_| Err(io::Error::from(io::ErrorKind::WouldBlock)))
    }

    /// `write(2)`, clearing the poller's writability when it would block.
    pub(super) fn try_write(&self, buf: &[u8]) -> io::Result<usize> {
        self.fd.try_io(Interest::WRITABLE, |fd| write_fd(fd.as_raw_fd(), buf))
    }

    /// `write(2)` straight away, whatever the poller has seen (libuv's `uv_try_write`).
    pub(super) fn write_now(&self, buf: &[u8]) -> io::Result<usize> {
        write_fd(self.fd.as_raw_fd(), buf)
    }

    /// The descriptor, for socket options (which fail with ENOTSOCK here).
    pub(super) fn as_fd(&self) -> &OwnedFd {
        self.fd.get_ref()
    }
}

fn write_fd(fd: RawFd, buf: &[u8]) -> io::Result<usize> {
    // SAFETY: `buf` is valid for `buf.len()` bytes of reads.
    let n = unsafe { libc::write(fd, buf.as_ptr().cast(), buf.len()) };
    if n < 0 {
        Err(io::Error::last_os_error())
    } else {
        Ok(n as usize)
    }
}

impl Drop for FdStream {
    fn drop(&mut self) {
        // SAFETY: F_SETFL on a descriptor still open (the AsyncFd drops after this).
        unsafe { libc::fcntl(self.fd.as_raw_fd(), libc::F_SETFL, self.original_flags) };
    }
}

/// A duplicate of `fd` (closed on exec), numbered 3 or above.
pub(super) fn dup_cloexec(fd: RawFd) -> io::Result<OwnedFd> {
    dup_above(fd, 3)
}

/// A duplicate of `fd` (closed on exec), numbered at least `min`.
pub(super) fn dup_above(fd: RawFd, min: RawFd) -> io::Result<OwnedFd> {
    // SAFETY: F_DUPFD_CLOEXEC returns a new descriptor or -1.
    let copy = unsafe { libc::fcntl(fd, libc::F_DUPFD_CLOEXEC, min) };
    if copy < 0 {
        return Err(io::Error::last_os_error());
    }
    // SAFETY: a fresh descriptor that nothing else owns.
    Ok(unsafe { OwnedFd::from_raw_fd(copy) })
}

/// The address family of `fd` if it is a socket (`None` for anything else).
pub(super) fn socket_domain(fd: RawFd) -> io::Result<Option<libc::c_int>> {
    // SAFETY: an all-zero stat is valid; fstat writes into it.
    let mut stat: libc::stat = unsafe { std::mem::zeroed() };
    // SAFETY: as above.
    if unsafe { libc::fstat(fd, &mut stat) } < 0 {
        return Err(io::Error::last_os_error());
    }
    if stat.st_mode & libc::S_IFMT != libc::S_IFSOCK {
        return Ok(None);
    }
    let mut domain: libc::c_int = 0;
    let mut len = std::mem::size_of::<libc::c_int>() as libc::socklen_t;
    // SAFETY: getsockopt writes at most `len` bytes into `domain`.
    let result = unsafe {
        libc::getsockopt(
            fd,
            libc::SOL_SOCKET,
            libc::SO_DOMAIN,
            (&mut domain as *mut libc::c_int).cast(),
            &mut len,
        )
    };
    if result < 0 {
        return Err(io::Error::last_os_error());
    }
    Ok(Some(domain))
}

/// A new description of the terminal `fd` is, when it is one (libuv's `uv_tty_init`).
fn reopen_terminal(fd: RawFd) -> Option<OwnedFd> {
    // SAFETY: isatty has no memory effects.
    if unsafe { libc::isatty(fd) } != 1 {
        return None;
    }
    // A pseudo-terminal master names /dev/ptmx, whose opening makes a new pair: keep the
    // descriptor itself (libuv's uv__tty_is_slave check).
    let mut index: libc::c_uint = 0;
    // SAFETY: TIOCGPTN writes one unsigned int into `index`.
    if unsafe { libc::ioctl(fd, libc::TIOCGPTN, &mut index) } == 0 {
        return None;
    }
    let mut name = [0 as libc::c_char; 256];
    // SAFETY: ttyname_r writes a NUL-terminated name of at most `name.len()` bytes.
    if unsafe { libc::ttyname_r(fd, name.as_mut_ptr(), name.len()) } != 0 {
        return None;
    }
    // SAFETY: `name` is NUL-terminated (ttyname_r succeeded).
    let reopened =
        unsafe { libc::open(name.as_ptr(), libc::O_RDWR | libc::O_NOCTTY | libc::O_CLOEXEC) };
    if reopened < 0 {
        return None;
    }
    // SAFETY: a fresh descriptor that nothing else owns.
    Some(unsafe { OwnedFd::from_raw_fd(reopened) })
}
