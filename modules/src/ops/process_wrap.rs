//! `internalBinding('process_wrap')`: an asynchronous child process on the loop (Node's
//! Process over libuv's `uv_process_t`). The child's exit comes as a loop event to the
//! process handle; each `pipe` in its stdio is a Pipe stream handle, read and written like
//! any socket. No thread waits on a child.

use engine::{HostValue, Op, OpCtx, OpResult};
use io::LoopHandle;

use super::child_process::parse_spawn_request;

pub(super) const OPS: &[Op] = &[Op { binding: "process_wrap", name: "spawn", func: spawn }];

/// `spawn(file, args, cwd, envPairs, argv0, stdio, uid, gid, detached)` → `{ id, pid, pipes }`
/// (`pipes[i]`: the stream handle id of stdio entry `i` when it is a pipe, else null), or
/// `{ error: -errno }` when the child could not start. An exit event for `id` follows.
fn spawn(ctx: &mut dyn OpCtx) -> OpResult {
    let mut request = parse_spawn_request(ctx)?;
    let stdio: Vec<io::ChildStdio> = request.stdio.iter().map(|m| m.to_child_stdio()).collect();
    let Some(handle) = ctx.state().get::<LoopHandle>().cloned() else {
        return Ok(HostValue::Object(vec![("error".into(), (-libc::EBADF).into())]));
    };
    Ok(match handle.spawn_process(&mut request.command, &stdio) {
        Ok(child) => HostValue::Object(vec![
            ("id".into(), child.id.into()),
            ("pid".into(), child.pid.into()),
            (
                "pipes".into(),
                HostValue::Array(
                    child.pipes.iter().map(|p| p.map_or(HostValue::Null, Into::into)).collect(),
                ),
            ),
        ]),
        Err(e) => HostValue::Object(vec![(
            "error".into(),
            (-e.raw_os_error().unwrap_or(libc::EIO)).into(),
        )]),
    })
}
