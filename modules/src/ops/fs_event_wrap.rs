//! `internalBinding('fs_event_wrap')`: file-system watchers for `fs.watch` (Node's `FSEvent`
//! handle). Each watcher is a loop handle (see `io::fs_watch`); its changes come in the
//! loop's event batch, and it is ref'd, unref'd and closed through `handle_wrap`.

use engine::{HostValue, Op, OpCtx, OpResult};
use io::LoopHandle;

use super::handle_wrap::errno_status;

pub(super) const OPS: &[Op] = &[Op { binding: "fs_event_wrap", name: "start", func: start }];

/// `start(path)` → the watcher's handle id (> 0), or the negative errno of the failed
/// watch, as Node's binding returns it so JS builds the `watch` error.
fn start(ctx: &mut dyn OpCtx) -> OpResult {
    let path: String = ctx.arg(0, "path")?;
    let Some(handle) = ctx.state().get::<LoopHandle>().cloned() else {
        return Ok((-(libc::EBADF as f64)).into());
    };
    Ok(match handle.fs_event_start(std::path::Path::new(&path)) {
        Ok(id) => HostValue::Number(id as f64),
        Err(e) => errno_status(&e).into(),
    })
}
