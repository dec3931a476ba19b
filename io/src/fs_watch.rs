//! File-system change notification: libuv's `uv_fs_event` for `fs.watch`.
//!
//! A [`FsWatchBackend`] watches paths (one directory or file each, not recursive: Node builds
//! recursive watching on top, as it does on Linux) and hands out [`WatchEvent`]s when the
//! loop polls it. The loop's handle table keeps one backend and makes each watcher a handle
//! (ref'd, active until closed), so events reach JS in the same batch as socket events. The
//! default backend, [`InotifyBackend`], does what libuv does on Linux: one inotify instance
//! per loop, its descriptor registered with the loop's poller (no thread), one inotify watch
//! per inode shared by every watcher of it, and libuv's mapping of inotify masks to Node's
//! two event types (`IN_ATTRIB`/`IN_MODIFY` alone is a `change`, anything else a `rename`).

use std::collections::HashMap;
use std::io;
use std::os::unix::ffi::OsStrExt;
use std::path::Path;
use std::task::{Context, Poll};

use inotify::{EventMask, Inotify, WatchDescriptor, WatchMask};
use tokio::io::unix::AsyncFd;

/// Node's two kinds of change.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum WatchEventKind {
    /// An entry appeared, disappeared or was renamed (libuv's `UV_RENAME`).
    Rename,
    /// An entry's data or metadata changed (libuv's `UV_CHANGE`).
    Change,
}

/// One change seen by a watcher.
#[derive(Clone, Debug)]
pub struct WatchEvent {
    /// The id [`FsWatchBackend::watch`] returned.
    pub watcher: u32,
    /// What happened.
    pub kind: WatchEventKind,
    /// The entry's name inside a watched directory, or `None` for the watched path itself.
    pub name: Option<Vec<u8>>,
}

/// The inotify events libuv asks for.
fn watch_mask() -> WatchMask {
    WatchMask::ATTRIB
        | WatchMask::CREATE
        | WatchMask::MODIFY
        | WatchMask::DELETE
        | WatchMask::DELETE_SELF
        | WatchMask::MOVE_SELF
        | WatchMask::MOVED_FROM
        | WatchMask::MOVED_TO
}

/// libuv's reading of an inotify mask: only attribute or data changes make a `change`.
fn event_kind(mask: EventMask) -> WatchEventKind {
    if (mask - (EventMask::ATTRIB | EventMask::MODIFY)).is_empty() {
        WatchEventKind::Change
    } else {
        WatchEventKind::Rename
    }
}

/// A source of file-system change events, polled by the loop on its own thread.
pub trait FsWatchBackend {
    /// Starts watching `path` (a file or a directory, not its subdirectories); returns the
    /// watcher's id, or the OS error of the failed watch.
    fn watch(&mut self, path: &Path) -> io::Result<u32>;
    /// Stops watcher `id`; nothing more is reported for it.
    fn unwatch(&mut self, id: u32);
    /// Takes the events that are ready without waiting; when none are, arranges for `cx`'s
    /// waker to be woken when some arrive.
    fn poll_events(&mut self, cx: &mut Context<'_>, events: &mut Vec<WatchEvent>);
}

/// The default backend on Linux: one inotify instance, created on the first watch (inside
/// the loop's reactor, where its descriptor registers).
#[derive(Default)]
pub struct InotifyBackend {
    inotify: Option<AsyncFd<Inotify>>,
    next_id: u32,
    /// Each inotify watch and the watchers sharing it.
    by_descriptor: HashMap<i32, (WatchDescriptor, Vec<u32>)>,
    by_watcher: HashMap<u32, i32>,
}

impl InotifyBackend {
    fn inotify(&mut self) -> io::Result<&mut AsyncFd<Inotify>> {
        if self.inotify.is_none() {
            let inotify = Inotify::init()?;
            // SAFETY: the AsyncFd owns the Inotify and with it the descriptor.
            let registered = unsafe { AsyncFd::register(inotify) }.map_err(|e| e.into_parts().1)?;
            self.inotify = Some(registered);
        }
        match self.inotify.as_mut() {
            Some(inotify) => Ok(inotify),
            None => Err(io::Error::from_raw_os_error(libc::EBADF)),
        }
    }

    /// Turns one inotify event into an event per watcher of its inode.
    fn dispatch(
        &mut self,
        descriptor: i32,
        mask: EventMask,
        name: Option<Vec<u8>>,
        events: &mut Vec<WatchEvent>,
    ) {
        let Some((_, watchers)) = self.by_descriptor.get(&descriptor) else {
            return; // Stale: every watcher of this inode stopped.
        };
        let kind = event_kind(mask);
        events.extend(watchers.iter().map(|&watcher| WatchEvent {
            watcher,
            kind,
            name: name.clone(),
        }));
        if mask.contains(EventMask::IGNORED) {
            // The kernel dropped the watch (its inode is gone); its number may be reused.
            self.by_descriptor.remove(&descriptor);
        }
    }
}

impl FsWatchBackend for InotifyBackend {
    fn watch(&mut self, path: &Path) -> io::Result<u32> {
        let descriptor = self.inotify()?.get_mut().watches().add(path, watch_mask())?;
        self.next_id += 1;
        let id = self.next_id;
        let key = descriptor.get_watch_descriptor_id();
        self.by_descriptor.entry(key).or_insert_with(|| (descriptor, Vec::new())).1.push(id);
        self.by_watcher.insert(id, key);
        Ok(id)
    }

    fn unwatch(&mut self, id: u32) {
        let Some(key) = self.by_watcher.remove(&id) else { return };
        let Some((_, watchers)) = self.by_descriptor.get_mut(&key) else { return };
        watchers.retain(|&w| w != id);
        if watchers.is_empty() {
            if let Some((descriptor, _)) = self.by_descriptor.remove(&key) {
                if let Some(inotify) = self.inotify.as_mut() {
                    // The watch may already be gone with its inode; nothing to undo then.
                    let _ = inotify.get_mut().watches().remove(descriptor);
                }
            }
        }
    }

    fn poll_events(&mut self, cx: &mut Context<'_>, events: &mut Vec<WatchEvent>) {
        let mut buffer = [0u8; 16 * 1024];
        loop {
            let Some(inotify) = self.inotify.as_mut() else { return };
            let mut guard = match inotify.poll_read_ready_mut(cx) {
                Poll::Ready(Ok(guard)) => guard,
                Poll::Ready(Err(_)) | Poll::Pending => return,
            };
            let read: Vec<(i32, EventMask, Option<Vec<u8>>)> =
                match guard.get_inner_mut().read_events(&mut buffer) {
                    Ok(batch) => batch
                        .map(|event| {
                            let name = event.name.map(|n| n.as_bytes().to_vec());
                            (event.wd.get_watch_descriptor_id(), event.mask, name)
                        })
                        .collect(),
                    Err(e) if e.kind() == io::ErrorKind::WouldBlock => {
                        guard.clear_ready();
                        continue;
                    }
                    Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                    Err(_) => return,
                };
            for (descriptor, mask, name) in read {
                self.dispatch(descriptor, mask, name, events);
            }
        }
    }
}
