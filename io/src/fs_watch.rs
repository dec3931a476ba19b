//! File-system change notification: libuv's `uv_fs_event` for `fs.watch`.
//!
//! A [`FsWatchBackend`] watches paths (one directory or file each, not recursive: Node builds
//! recursive watching on top, as it does on Linux) and queues [`WatchEvent`]s, which
//! [`FsWatchBackend::next_events`] hands out in batches. The default backend,
//! [`InotifyBackend`], does what libuv does on Linux: one inotify instance for the whole
//! process, one inotify watch per inode shared by every watcher of it, and libuv's mapping
//! of inotify masks to Node's two event types (`IN_ATTRIB`/`IN_MODIFY` alone is a
//! `change`, anything else a `rename`).
//!
//! Events are read by one helper thread blocked on the inotify descriptor, not by a task on
//! the loop's runtime: the loop hands results to JS through completions of requests, so the
//! consumer (the `fs_event_wrap` ops) keeps one waiting `next_events` request outstanding on
//! the blocking pool while a ref'd watcher is active, and [`FsWatchBackend::wake`] ends that
//! request early when none is left. Unref'd watchers are served by non-waiting requests
//! from an unref'd timer, which keep nothing alive.

use std::collections::HashMap;
use std::ffi::OsStr;
use std::io;
use std::os::unix::ffi::OsStrExt;
use std::path::Path;
use std::sync::{Arc, Condvar, Mutex, MutexGuard, OnceLock};

use inotify::{EventMask, Inotify, WatchDescriptor, WatchMask, Watches};

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

/// A source of file-system change events.
pub trait FsWatchBackend: Send + Sync {
    /// Starts watching `path` (a file or a directory, not its subdirectories); returns the
    /// watcher's id, or the OS error of the failed watch.
    fn watch(&self, path: &Path) -> io::Result<u32>;
    /// Stops watcher `id`; events already queued for it are still handed out.
    fn unwatch(&self, id: u32);
    /// Takes the queued events; with `wait`, first waits until there are some or
    /// [`wake`](Self::wake) is called.
    fn next_events(&self, wait: bool) -> Vec<WatchEvent>;
    /// Makes a waiting (or the next) [`next_events`](Self::next_events) return at once.
    fn wake(&self);
}

/// The events waiting for the consumer, and whether it was asked to return early.
#[derive(Default)]
struct Pending {
    events: Vec<WatchEvent>,
    woken: bool,
}

/// Which watchers share each inotify watch, and which watch each watcher uses.
#[derive(Default)]
struct Table {
    next_id: u32,
    by_descriptor: HashMap<i32, (WatchDescriptor, Vec<u32>)>,
    by_watcher: HashMap<u32, i32>,
}

/// The state shared between the JS thread and the reader thread.
struct Shared {
    table: Mutex<Table>,
    pending: Mutex<Pending>,
    ready: Condvar,
}

/// The running inotify instance: its watch list and the state its reader thread fills.
struct Running {
    watches: Mutex<Watches>,
    shared: Arc<Shared>,
}

/// The default backend on Linux: inotify, read by one helper thread started on first use.
#[derive(Default)]
pub struct InotifyBackend {
    running: OnceLock<io::Result<Running>>,
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

fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    // A panic while holding the lock leaves plain data behind; keep using it.
    mutex.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
}

impl Shared {
    fn push(&self, events: impl IntoIterator<Item = WatchEvent>) {
        let mut pending = lock(&self.pending);
        let before = pending.events.len();
        pending.events.extend(events);
        if pending.events.len() > before {
            self.ready.notify_all();
        }
    }

    /// Turns one inotify event into an event per watcher of its inode.
    fn dispatch(&self, descriptor: i32, mask: EventMask, name: Option<&OsStr>) {
        let mut table = lock(&self.table);
        let Some((_, watchers)) = table.by_descriptor.get(&descriptor) else {
            return; // Stale: every watcher of this inode stopped.
        };
        let kind = event_kind(mask);
        let name = name.map(|n| n.as_bytes().to_vec());
        let events: Vec<WatchEvent> = watchers
            .iter()
            .map(|&watcher| WatchEvent { watcher, kind, name: name.clone() })
            .collect();
        if mask.contains(EventMask::IGNORED) {
            // The kernel dropped the watch (its inode is gone); its number may be reused.
            table.by_descriptor.remove(&descriptor);
        }
        drop(table);
        self.push(events);
    }
}

/// Reads inotify events for as long as the process lives.
fn read_events(mut inotify: Inotify, shared: Arc<Shared>) {
    let mut buffer = vec![0u8; 64 * 1024];
    loop {
        let events = match inotify.read_events_blocking(&mut buffer) {
            Ok(events) => events,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(_) => return,
        };
        for event in events {
            shared.dispatch(event.wd.get_watch_descriptor_id(), event.mask, event.name);
        }
    }
}

impl InotifyBackend {
    fn running(&self) -> io::Result<&Running> {
        let running = self.running.get_or_init(|| {
            let inotify = Inotify::init()?;
            let watches = Mutex::new(inotify.watches());
            let shared = Arc::new(Shared {
                table: Mutex::new(Table::default()),
                pending: Mutex::new(Pending::default()),
                ready: Condvar::new(),
            });
            let reader_shared = shared.clone();
            std::thread::Builder::new()
                .name("fs-watch".into())
                .spawn(move || read_events(inotify, reader_shared))?;
            Ok(Running { watches, shared })
        });
        running.as_ref().map_err(|e| io::Error::new(e.kind(), e.to_string()))
    }
}

impl FsWatchBackend for InotifyBackend {
    fn watch(&self, path: &Path) -> io::Result<u32> {
        let running = self.running()?;
        // Hold the table while adding, so the reader never sees the new watch unregistered.
        let mut table = lock(&running.shared.table);
        let descriptor = lock(&running.watches).add(path, watch_mask())?;
        table.next_id += 1;
        let id = table.next_id;
        let key = descriptor.get_watch_descriptor_id();
        table.by_descriptor.entry(key).or_insert_with(|| (descriptor, Vec::new())).1.push(id);
        table.by_watcher.insert(id, key);
        Ok(id)
    }

    fn unwatch(&self, id: u32) {
        let Ok(running) = self.running() else { return };
        let mut table = lock(&running.shared.table);
        let Some(key) = table.by_watcher.remove(&id) else { return };
        let Some((_, watchers)) = table.by_descriptor.get_mut(&key) else { return };
        watchers.retain(|&w| w != id);
        if watchers.is_empty() {
            if let Some((descriptor, _)) = table.by_descriptor.remove(&key) {
                // The watch may already be gone with its inode; nothing is left to undo then.
                let _ = lock(&running.watches).remove(descriptor);
            }
        }
    }

    fn next_events(&self, wait: bool) -> Vec<WatchEvent> {
        let Ok(running) = self.running() else { return Vec::new() };
        let shared = &running.shared;
        let mut pending = lock(&shared.pending);
        while wait && pending.events.is_empty() && !pending.woken {
            pending = shared.ready.wait(pending).unwrap_or_else(|poisoned| poisoned.into_inner());
        }
        pending.woken = false;
        std::mem::take(&mut pending.events)
    }

    fn wake(&self) {
        let Ok(running) = self.running() else { return };
        lock(&running.shared.pending).woken = true;
        running.shared.ready.notify_all();
    }
}
