//! `internalBinding('pipe_wrap')`: Unix-domain socket servers and connections (Node's Pipe
//! over libuv's `uv_pipe_t`). Once connected, a pipe is a stream like any other
//! (`stream_wrap`, `handle_wrap`).

use engine::{HostValue, Op, OpCtx, OpResult};
use io::LoopHandle;

use super::handle_wrap::errno_status;

pub(super) const OPS: &[Op] = &[
    Op { binding: "pipe_wrap", name: "listen", func: listen },
    Op { binding: "pipe_wrap", name: "connect", func: connect },
    Op { binding: "pipe_wrap", name: "open", func: open },
    Op { binding: "pipe_wrap", name: "listenFd", func: listen_fd },
];

/// `listen(path, backlog)` → the server's id, or a negative errno.
fn listen(ctx: &mut dyn OpCtx) -> OpResult {
    let path: String = ctx.arg(0, "path")?;
    let backlog = ctx.arg_number(1).filter(|b| b.is_finite() && *b > 0.0).unwrap_or(511.0);
    let Some(handle) = ctx.state().get::<LoopHandle>().cloned() else {
        return Ok((-(libc::EBADF as f64)).into());
    };
    Ok(match handle.pipe_listen(std::path::Path::new(&path), backlog.min(u32::MAX as f64) as u32) {
        Ok(id) => HostValue::Number(id as f64),
        Err(e) => errno_status(&e).into(),
    })
}

/// `connect(path)` → the new handle's id (a connect event follows), or a negative errno.
fn connect(ctx: &mut dyn OpCtx) -> OpResult {
    let path: String = ctx.arg(0, "path")?;
    let Some(handle) = ctx.state().get::<LoopHandle>().cloned() else {
        return Ok((-(libc::EBADF as f64)).into());
    };
    Ok(HostValue::Number(handle.pipe_connect(path.into()) as f64))
}

/// `open(fd)` → a stream handle over a duplicate of descriptor `fd` (a socket, pipe or
/// terminal; Node's `Pipe.open`), or a negative errno.
fn open(ctx: &mut dyn OpCtx) -> OpResult {
    let fd: i32 = ctx.arg(0, "fd")?;
    let Some(handle) = ctx.state().get::<LoopHandle>().cloned() else {
        return Ok((-(libc::EBADF as f64)).into());
    };
    Ok(match handle.open_fd(fd) {
        Ok(id) => HostValue::Number(id as f64),
        Err(e) => errno_status(&e).into(),
    })
}

/// `listenFd(fd, backlog)` → a server handle listening on a duplicate of socket `fd` (a TCP
/// or Unix stream socket; Node's `listen({ fd })`), or a negative errno.
fn listen_fd(ctx: &mut dyn OpCtx) -> OpResult {
    let fd: i32 = ctx.arg(0, "fd")?;
    let backlog = ctx.arg_number(1).filter(|b| b.is_finite() && *b > 0.0).unwrap_or(511.0);
    let Some(handle) = ctx.state().get::<LoopHandle>().cloned() else {
        return Ok((-(libc::EBADF as f64)).into());
    };
    Ok(match handle.listen_fd(fd, backlog.min(u32::MAX as f64) as u32) {
        Ok(id) => HostValue::Number(id as f64),
        Err(e) => errno_status(&e).into(),
    })
}
