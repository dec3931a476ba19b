//! `internalBinding('fs_event_wrap')`: file-system watchers for `fs.watch` (Node's
//! `FSEvent` handle).
//!
//! Each realm has one [`FsWatchBackend`] (inotify by default, see `io::fs_watch`). `start`
//! watches one path and returns the watcher's id, or a negative errno as Node's binding
//! does, so JS builds the `watch` error. Events for every watcher arrive together through
//! one outstanding `nextEvents(true)` request (settled through `internal/async_ops`), which
//! JS keeps open while a ref'd watcher is active; `wakeEvents` ends it early when the last
//! one is closed or unref'd, so it stops holding the loop open. Unref'd watchers are read
//! by `nextEvents(false)`, which returns at once.

use std::path::Path;
use std::sync::Arc;

use engine::{HostValue, Op, OpCtx, OpResult};
use io::fs_watch::{FsWatchBackend, InotifyBackend, WatchEventKind};

use super::async_op;

pub(super) const OPS: &[Op] = &[
    Op { binding: "fs_event_wrap", name: "start", func: start },
    Op { binding: "fs_event_wrap", name: "stop", func: stop },
    Op { binding: "fs_event_wrap", name: "nextEvents", func: next_events },
    Op { binding: "fs_event_wrap", name: "wakeEvents", func: wake_events },
];

/// The realm's watch backend.
struct Watchers(Arc<dyn FsWatchBackend>);

impl Default for Watchers {
    fn default() -> Self {
        Watchers(Arc::new(InotifyBackend::default()))
    }
}

fn backend(ctx: &mut dyn OpCtx) -> Arc<dyn FsWatchBackend> {
    ctx.state().get_or_default::<Watchers>().0.clone()
}

/// `start(path)` → watcher id (> 0), or the negative errno of the failed watch.
fn start(ctx: &mut dyn OpCtx) -> OpResult {
    let path: String = ctx.arg(0, "path")?;
    Ok(match backend(ctx).watch(Path::new(&path)) {
        Ok(id) => id.into(),
        Err(e) => (-e.raw_os_error().unwrap_or(libc::EINVAL)).into(),
    })
}

/// `stop(id)`: stops a watcher; events already queued for it still arrive.
fn stop(ctx: &mut dyn OpCtx) -> OpResult {
    let id: u32 = ctx.arg(0, "id")?;
    backend(ctx).unwatch(id);
    Ok(HostValue::Undefined)
}

/// `nextEvents(wait)` → request id; settles with `[[id, 'rename' | 'change', name | null],
/// ...]`, the events since the last call (with `wait`, at least one unless woken). Names are
/// bytes.
fn next_events(ctx: &mut dyn OpCtx) -> OpResult {
    let wait: bool = ctx.arg(0, "wait")?;
    let backend = backend(ctx);
    async_op::spawn(ctx, move || {
        let events = backend
            .next_events(wait)
            .into_iter()
            .map(|event| {
                let kind = match event.kind {
                    WatchEventKind::Rename => "rename",
                    WatchEventKind::Change => "change",
                };
                let name = event.name.map_or(HostValue::Null, HostValue::Bytes);
                HostValue::Array(vec![event.watcher.into(), kind.into(), name])
            })
            .collect();
        Ok(HostValue::Array(events))
    })
}

/// `wakeEvents()`: makes the outstanding `nextEvents` request settle now.
fn wake_events(ctx: &mut dyn OpCtx) -> OpResult {
    backend(ctx).wake();
    Ok(HostValue::Undefined)
}
