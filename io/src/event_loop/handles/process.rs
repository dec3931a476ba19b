//! Child processes on the loop (libuv's `uv_process_t`): starting a child with its stdio
//! wired as libuv does, and watching for its exit without a thread.
//!
//! Each `pipe` entry of the child's stdio is one end of a Unix socket pair (libuv's
//! `UV_CREATE_PIPE` makes a socketpair too), so the parent's end is an ordinary stream
//! handle: read, written, half-closed and closed like any Pipe. The exit is watched through
//! a pidfd registered with the loop's poller; only on a kernel without `pidfd_open` does a
//! helper thread wait instead.

use std::future::Future;
use std::io;
use std::os::fd::{AsRawFd, FromRawFd, OwnedFd, RawFd};
use std::os::unix::net::UnixStream as StdUnixStream;
use std::os::unix::process::CommandExt;
use std::process::{Command, Stdio};
use std::task::{Context, Poll};

use tokio::io::unix::AsyncFd;
use tokio::sync::oneshot;

use super::fd_stream::dup_above;
use super::stream::Stream;
use super::{HandleId, HandleTable, IoEvent, Kind};

/// What one of a child's descriptors is connected to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ChildStdio {
    /// A new pipe whose parent end becomes a stream handle.
    Pipe,
    /// The parent's descriptor with the same number.
    Inherit,
    /// `/dev/null` for fds 0–2; closed beyond them.
    Ignore,
    /// A copy of this descriptor of the parent.
    Fd(RawFd),
}

/// A started child: its process handle, pid, and a stream handle per `Pipe` entry.
#[derive(Debug)]
pub struct SpawnedChild {
    /// The process handle; an [`IoEvent::Exit`] comes for it.
    pub id: HandleId,
    /// The child's process id.
    pub pid: u32,
    /// For each stdio entry, the parent's end of its pipe (for `Pipe` entries).
    pub pipes: Vec<Option<HandleId>>,
}

/// How the exit of one child is awaited.
pub(super) enum ExitWatch {
    /// A pidfd, readable once the child has exited.
    Pidfd { pid: i32, fd: AsyncFd<OwnedFd> },
    /// A helper thread blocked in `waitpid`, for kernels without pidfds.
    Thread(oneshot::Receiver<io::Result<i32>>),
}

impl ExitWatch {
    fn new(pid: i32) -> io::Result<ExitWatch> {
        // SAFETY: pidfd_open takes a pid and flags and returns a new descriptor or -1.
        let raw = unsafe { libc::syscall(libc::SYS_pidfd_open, pid, 0) };
        if raw >= 0 {
            // SAFETY: a fresh descriptor that nothing else owns.
            let fd = unsafe { OwnedFd::from_raw_fd(raw as RawFd) };
            // SAFETY: the AsyncFd owns the descriptor, so it stays open for the AsyncFd's life.
            let fd = unsafe { AsyncFd::register(fd) }.map_err(|e| e.into_parts().1)?;
            return Ok(ExitWatch::Pidfd { pid, fd });
        }
        let (sender, receiver) = oneshot::channel();
        std::thread::Builder::new().name("oxnode-waitpid".into()).spawn(move || {
            let _ = sender.send(wait_blocking(pid));
        })?;
        Ok(ExitWatch::Thread(receiver))
    }

    /// The raw wait status once the child has exited.
    pub(super) fn poll_exit(&mut self, cx: &mut Context<'_>) -> Poll<io::Result<i32>> {
        match self {
            ExitWatch::Pidfd { pid, fd } => loop {
                let mut guard = match fd.poll_read_ready(cx) {
                    Poll::Ready(Ok(guard)) => guard,
                    Poll::Ready(Err(e)) => return Poll::Ready(Err(e)),
                    Poll::Pending => return Poll::Pending,
                };
                let mut status = 0;
                // SAFETY: waitpid writes the status into a valid local.
                let reaped = unsafe { libc::waitpid(*pid, &mut status, libc::WNOHANG) };
                if reaped == *pid {
                    return Poll::Ready(Ok(status));
                }
                if reaped < 0 {
                    let e = io::Error::last_os_error();
                    if e.kind() == io::ErrorKind::Interrupted {
                        continue;
                    }
                    return Poll::Ready(Err(e));
                }
                guard.clear_ready();
            },
            ExitWatch::Thread(receiver) => match std::pin::Pin::new(receiver).poll(cx) {
                Poll::Ready(Ok(result)) => Poll::Ready(result),
                Poll::Ready(Err(_)) => Poll::Ready(Err(io::Error::from_raw_os_error(libc::ECHILD))),
                Poll::Pending => Poll::Pending,
            },
        }
    }
}

/// `waitpid` until `pid` exits (the helper thread of [`ExitWatch::Thread`]).
fn wait_blocking(pid: i32) -> io::Result<i32> {
    loop {
        let mut status = 0;
        // SAFETY: waitpid writes the status into a valid local.
        if unsafe { libc::waitpid(pid, &mut status, 0) } == pid {
            return Ok(status);
        }
        let e = io::Error::last_os_error();
        if e.kind() != io::ErrorKind::Interrupted {
            return Err(e);
        }
    }
}

/// A raw wait status as Node reports it: `(exit code, 0)` or `(0, signal number)`.
pub(super) fn exit_fields(status: i32) -> (i64, i32) {
    if libc::WIFSIGNALED(status) {
        (0, libc::WTERMSIG(status))
    } else {
        (libc::WEXITSTATUS(status).into(), 0)
    }
}

impl HandleTable {
    /// Starts `command` with `stdio[i]` as its descriptor `i`; see [`SpawnedChild`].
    pub(crate) fn spawn_process(
        &mut self,
        command: &mut Command,
        stdio: &[ChildStdio],
    ) -> io::Result<SpawnedChild> {
        let mut parent_ends: Vec<Option<StdUnixStream>> = Vec::with_capacity(stdio.len());
        // The descriptors the child gets beyond 0–2, moved into place after fork. Every
        // duplicate made here is numbered at or above `floor`, so none is overwritten while
        // the child's descriptors are arranged.
        let mut extra: Vec<(RawFd, OwnedFd)> = Vec::new();
        let floor = stdio.len().max(3) as RawFd;
        for (index, mode) in stdio.iter().enumerate() {
            let child_end: Option<OwnedFd> = match mode {
                ChildStdio::Pipe => {
                    let (parent, child) = StdUnixStream::pair()?;
                    parent_ends.push(Some(parent));
                    Some(dup_above(child.as_raw_fd(), floor)?)
                }
                ChildStdio::Fd(fd) => {
                    parent_ends.push(None);
                    Some(dup_above(*fd, floor)?)
                }
                ChildStdio::Inherit | ChildStdio::Ignore => {
                    parent_ends.push(None);
                    None
                }
            };
            match (index, mode, child_end) {
                (0..=2, ChildStdio::Inherit, _) => set_std(command, index, Stdio::inherit()),
                (0..=2, ChildStdio::Ignore, _) => set_std(command, index, Stdio::null()),
                (0..=2, _, Some(fd)) => set_std(command, index, Stdio::from(fd)),
                (_, ChildStdio::Inherit, _) => {
                    extra.push((index as RawFd, dup_above(index as RawFd, floor)?))
                }
                (_, _, Some(fd)) => extra.push((index as RawFd, fd)),
                _ => {}
            }
        }
        // As libuv, the child's fds 0–2 are blocking. A descriptor shared with the parent
        // (inherited, or a stream of ours) may have O_NONBLOCK set on its description; only
        // then is a hook needed, which keeps the fast posix_spawn path for the usual case.
        let blocking: Vec<RawFd> = stdio
            .iter()
            .take(3)
            .enumerate()
            .filter_map(|(index, mode)| match mode {
                ChildStdio::Inherit if is_nonblocking(index as RawFd) => Some(index as RawFd),
                ChildStdio::Fd(fd) if is_nonblocking(*fd) => Some(index as RawFd),
                _ => None,
            })
            .collect();
        if !extra.is_empty() || !blocking.is_empty() {
            let moves: Vec<(RawFd, RawFd)> =
                extra.iter().map(|(target, fd)| (*target, fd.as_raw_fd())).collect();
            // SAFETY: the closure only calls dup2 and fcntl, which are async-signal-safe;
            // the sources stay open in the parent (owned by `extra`) until spawn returns.
            unsafe {
                command.pre_exec(move || {
                    for (target, source) in &moves {
                        if libc::dup2(*source, *target) < 0 {
                            return Err(io::Error::last_os_error());
                        }
                    }
                    for fd in &blocking {
                        let flags = libc::fcntl(*fd, libc::F_GETFL);
                        if flags >= 0 {
                            libc::fcntl(*fd, libc::F_SETFL, flags & !libc::O_NONBLOCK);
                        }
                    }
                    Ok(())
                });
            }
        }
        let child = command.spawn()?;
        drop(extra);
        let pid = child.id();
        // The exit is reaped through the watch below, never by `Child::wait`.
        drop(child);
        let mut inserted: Vec<HandleId> = Vec::new();
        match self.register_child(pid, parent_ends, &mut inserted) {
            Ok(child) => Ok(child),
            Err(e) => {
                // The child runs but cannot be watched: end it, reap it, and drop its pipes,
                // so the caller's error leaves nothing behind.
                for id in inserted {
                    self.handles.remove(&id);
                }
                // SAFETY: plain syscalls on our own, not yet reaped, child.
                unsafe {
                    libc::kill(pid as i32, libc::SIGKILL);
                }
                let _ = wait_blocking(pid as i32);
                Err(e)
            }
        }
    }

    /// The handles of a started child: its pipes' parent ends (lower ids, see below) and the
    /// process handle watching its exit; every id inserted is pushed to `inserted`.
    fn register_child(
        &mut self,
        pid: u32,
        parent_ends: Vec<Option<StdUnixStream>>,
        inserted: &mut Vec<HandleId>,
    ) -> io::Result<SpawnedChild> {
        let watch = ExitWatch::new(pid as i32)?;
        // The pipes get the lower ids: when output and the exit are both ready in one poll
        // phase, the output is reported first, as libuv does (its SIGCHLD comes last).
        let mut pipes = Vec::with_capacity(parent_ends.len());
        for end in parent_ends {
            pipes.push(match end {
                Some(end) => {
                    end.set_nonblocking(true)?;
                    let stream = tokio::net::UnixStream::from_std(end)?;
                    let id = self.insert(Kind::Stream(Stream::Unix(stream)));
                    inserted.push(id);
                    Some(id)
                }
                None => None,
            });
        }
        let id = self.insert(Kind::Process(Box::new(watch)));
        inserted.push(id);
        Ok(SpawnedChild { id, pid, pipes })
    }
}

/// Whether descriptor `fd` is open with O_NONBLOCK.
fn is_nonblocking(fd: RawFd) -> bool {
    // SAFETY: F_GETFL has no memory effects.
    let flags = unsafe { libc::fcntl(fd, libc::F_GETFL) };
    flags >= 0 && flags & libc::O_NONBLOCK != 0
}

fn set_std(command: &mut Command, index: usize, stdio: Stdio) {
    match index {
        0 => command.stdin(stdio),
        1 => command.stdout(stdio),
        _ => command.stderr(stdio),
    };
}

/// Polls a child's exit watch; on exit, the [`IoEvent::Exit`].
pub(super) fn poll_process(
    id: HandleId,
    watch: &mut ExitWatch,
    cx: &mut Context<'_>,
) -> Option<IoEvent> {
    match watch.poll_exit(cx) {
        Poll::Pending => None,
        Poll::Ready(Ok(status)) => {
            let (status, signal) = exit_fields(status);
            Some(IoEvent::Exit { id, status, signal })
        }
        Poll::Ready(Err(e)) => {
            Some(IoEvent::Exit { id, status: -i64::from(super::errno_of(&e)), signal: 0 })
        }
    }
}
