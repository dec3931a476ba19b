//! File-system watchers as loop handles (libuv's `uv_fs_event_t`): each `fs.watch` is a
//! handle, active and ref'able like a socket; the loop's one [`FsWatchBackend`] is polled
//! in the poll phase with the other handles, so its events join the same batch.

use std::collections::HashMap;
use std::io;
use std::path::Path;
use std::task::Context;

use crate::fs_watch::{FsWatchBackend, InotifyBackend, WatchEvent, WatchEventKind};

use super::{HandleId, HandleTable, IoEvent, Kind};

/// The loop's watch backend and which handle each of its watchers is.
pub(super) struct FsEvents {
    backend: Box<dyn FsWatchBackend>,
    handles: HashMap<u32, HandleId>,
}

impl FsEvents {
    /// Polls the backend, turning what it saw into events of the watchers' handles.
    pub(super) fn poll(&mut self, cx: &mut Context<'_>, events: &mut Vec<IoEvent>) {
        if self.handles.is_empty() {
            return;
        }
        let mut seen: Vec<WatchEvent> = Vec::new();
        self.backend.poll_events(cx, &mut seen);
        for event in seen {
            let Some(&id) = self.handles.get(&event.watcher) else { continue };
            let rename = event.kind == WatchEventKind::Rename;
            events.push(IoEvent::FsEvent { id, rename, name: event.name });
        }
    }

    /// Stops the backend's watcher behind a closing handle.
    pub(super) fn unwatch(&mut self, watcher: u32) {
        self.handles.remove(&watcher);
        self.backend.unwatch(watcher);
    }
}

impl HandleTable {
    /// Replaces the backend of `fs.watch` (inotify by default); watchers already started
    /// keep reporting only if the new backend knows them, so set it before the first watch.
    pub(crate) fn set_fs_watch_backend(&mut self, backend: Box<dyn FsWatchBackend>) {
        self.fs_events = Some(FsEvents { backend, handles: HashMap::new() });
    }

    /// A watcher of `path` (a file, or a directory's entries), reporting
    /// [`IoEvent::FsEvent`]s until closed.
    pub(crate) fn fs_event_start(&mut self, path: &Path) -> io::Result<HandleId> {
        let fs_events = self.fs_events.get_or_insert_with(|| FsEvents {
            backend: Box::new(InotifyBackend::default()),
            handles: HashMap::new(),
        });
        let watcher = fs_events.backend.watch(path)?;
        let id = self.insert(Kind::FsEvent(watcher));
        if let Some(fs_events) = self.fs_events.as_mut() {
            fs_events.handles.insert(watcher, id);
        }
        Ok(id)
    }
}
