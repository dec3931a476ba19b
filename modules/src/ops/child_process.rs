//! `internalBinding('child_process')`: starting and watching child processes for the
//! `child_process` module.
//!
//! `spawnSync` runs a child to completion on the JS thread (stdin fed and stdout/stderr
//! collected by helper threads, with a timeout and an output limit) and returns what Node's
//! `spawn_sync` binding does. The asynchronous side starts a child with `spawn` and keeps it
//! in a table of live children keyed by an id. Each child's blocking work runs on its own
//! helper threads (a waiter, a reader per piped output reading one chunk of up to 64 KiB per
//! JS request, a stdin writer), not on the loop's blocking pool: the pool has only
//! `UV_THREADPOOL_SIZE` (4) threads, and a few children blocked in `wait`/`read` there would
//! starve it and deadlock. The helpers post events (`exit`, `data`, `written`) to one queue,
//! and a single pool request, `nextEvents`, carries them to JS (through
//! `internal/async_ops`) whatever the number of children.
//!
//! The ops take flat arguments (the op interface reads numbers, strings, string arrays and
//! bytes), in the order `internal/child_process.js` passes them. Failures to start a child
//! come back as `{ error: -errno }` rather than a throw, as in Node's bindings, so JS can
//! build `spawn <file> ENOENT` errors and emit them like Node.

use std::collections::HashMap;
use std::io::{Read, Write};
use std::os::fd::{AsRawFd, FromRawFd};
use std::os::unix::process::{CommandExt, ExitStatusExt};
use std::process::{Child, ChildStdin, Command, ExitStatus, Stdio};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc;
use std::sync::{Arc, Condvar, Mutex};
use std::time::Duration;

use engine::{HostValue, Op, OpCtx, OpResult, ThrowError};

use super::async_op;

pub(super) const OPS: &[Op] = &[
    Op { binding: "child_process", name: "spawnSync", func: spawn_sync },
    Op { binding: "child_process", name: "spawn", func: spawn },
    Op { binding: "child_process", name: "nextEvents", func: next_events },
    Op { binding: "child_process", name: "wakeEvents", func: wake_events },
    Op { binding: "child_process", name: "read", func: read },
    Op { binding: "child_process", name: "write", func: write },
    Op { binding: "child_process", name: "cancelRead", func: cancel_read },
    Op { binding: "child_process", name: "closeStdin", func: close_stdin },
    Op { binding: "child_process", name: "release", func: release },
    Op { binding: "child_process", name: "kill", func: kill },
];

/// The most one `read` returns.
const READ_CHUNK: usize = 64 * 1024;

/// How often a pending read checks whether JS gave up on its pipe, in milliseconds.
const CANCEL_POLL_MS: i32 = 50;

/// How one of the child's first three descriptors is set up.
enum StdioMode {
    Pipe,
    Inherit,
    Ignore,
    /// A descriptor of this process, duplicated for the child.
    Fd(i32),
}

impl StdioMode {
    fn parse(text: &str) -> Result<StdioMode, ThrowError> {
        match text {
            "pipe" | "overlapped" => Ok(StdioMode::Pipe),
            "inherit" => Ok(StdioMode::Inherit),
            "ignore" => Ok(StdioMode::Ignore),
            other => other.parse::<i32>().ok().filter(|fd| *fd >= 0).map(StdioMode::Fd).ok_or_else(
                || {
                    ThrowError::type_error(
                        "ERR_INVALID_ARG_VALUE",
                        format!("The argument 'stdio' is invalid. Received '{other}'"),
                    )
                },
            ),
        }
    }

    /// The `Stdio` for the child, or the errno of a failed `dup`.
    fn to_stdio(&self) -> Result<Stdio, i32> {
        Ok(match self {
            StdioMode::Pipe => Stdio::piped(),
            StdioMode::Inherit => Stdio::inherit(),
            StdioMode::Ignore => Stdio::null(),
            StdioMode::Fd(fd) => {
                // SAFETY: `dup` has no memory effects; a negative result is checked.
                let copy = unsafe { libc::dup(*fd) };
                if copy < 0 {
                    return Err(last_errno());
                }
                // SAFETY: `copy` is a fresh descriptor that nothing else owns.
                Stdio::from(unsafe { std::os::fd::OwnedFd::from_raw_fd(copy) })
            }
        })
    }
}

fn last_errno() -> i32 {
    std::io::Error::last_os_error().raw_os_error().unwrap_or(libc::EIO)
}

/// What a spawn op needs to build the `Command`, read from the op's first arguments:
/// `(file, args, cwd, envPairs, argv0, stdio[3], uid, gid, detached)`.
struct SpawnRequest {
    command: Command,
    stdio: [StdioMode; 3],
}

fn parse_spawn_request(ctx: &mut dyn OpCtx) -> Result<SpawnRequest, ThrowError> {
    let file: String = ctx.arg(0, "file")?;
    let args: Vec<String> = ctx.arg(1, "args")?;
    let cwd: Option<String> = ctx.arg(2, "cwd")?;
    let env_pairs: Option<Vec<String>> = ctx.arg(3, "envPairs")?;
    let argv0: Option<String> = ctx.arg(4, "argv0")?;
    let stdio_texts: Vec<String> = ctx.arg(5, "stdio")?;
    let uid: Option<u32> = ctx.arg(6, "uid")?;
    let gid: Option<u32> = ctx.arg(7, "gid")?;
    let detached: bool = ctx.arg(8, "detached")?;

    let mut stdio = [StdioMode::Pipe, StdioMode::Pipe, StdioMode::Pipe];
    for (slot, text) in stdio.iter_mut().zip(&stdio_texts) {
        *slot = StdioMode::parse(text)?;
    }
    let mut command = Command::new(&file);
    command.args(&args);
    if let Some(argv0) = argv0 {
        command.arg0(argv0);
    }
    if let Some(cwd) = cwd {
        command.current_dir(cwd);
    }
    if let Some(pairs) = env_pairs {
        command.env_clear();
        for pair in pairs {
            if let Some((key, value)) = pair.split_once('=') {
                command.env(key, value);
            }
        }
    }
    if let Some(uid) = uid {
        command.uid(uid);
    }
    if let Some(gid) = gid {
        command.gid(gid);
    }
    if detached {
        command.process_group(0);
    }
    Ok(SpawnRequest { command, stdio })
}

/// Applies the stdio modes and starts the child; `Err` is a negative errno.
fn start(request: SpawnRequest) -> Result<Child, i32> {
    let SpawnRequest { mut command, stdio } = request;
    command.stdin(stdio[0].to_stdio().map_err(|e| -e)?);
    command.stdout(stdio[1].to_stdio().map_err(|e| -e)?);
    command.stderr(stdio[2].to_stdio().map_err(|e| -e)?);
    command.spawn().map_err(|e| -e.raw_os_error().unwrap_or(libc::EIO))
}

/// The exit status as Node reports it: `(status, signal number)`, one of them null.
fn exit_fields(status: ExitStatus) -> (HostValue, HostValue) {
    match status.signal() {
        Some(signal) => (HostValue::Null, signal.into()),
        None => (status.code().unwrap_or(0).into(), HostValue::Null),
    }
}

/// Reads `pipe` to its end on a new thread, keeping at most `limit` bytes; past the limit
/// it sets `overflowed` and sends `kill_signal` to `pid`.
fn collect<R: Read + Send + 'static>(
    pipe: Option<R>,
    limit: usize,
    overflowed: Arc<AtomicBool>,
    pid: i32,
    kill_signal: i32,
) -> std::thread::JoinHandle<Option<Vec<u8>>> {
    std::thread::spawn(move || {
        let mut pipe = pipe?;
        let mut bytes = Vec::new();
        let mut chunk = vec![0u8; READ_CHUNK];
        loop {
            match pipe.read(&mut chunk) {
                Ok(0) => break,
                Ok(n) => {
                    bytes.extend_from_slice(&chunk[..n]);
                    if bytes.len() > limit {
                        bytes.truncate(limit);
                        if !overflowed.swap(true, Ordering::SeqCst) {
                            // SAFETY: plain syscall on a child we have not reaped yet.
                            unsafe { libc::kill(pid, kill_signal) };
                        }
                    }
                }
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
                Err(_) => break,
            }
        }
        Some(bytes)
    })
}

/// `spawnSync(file, args, cwd, envPairs, argv0, stdio, uid, gid, detached, input, timeout,
/// killSignal, maxBuffer)` → `{ error?, status, signal, output, pid }` as Node's binding
/// (`error` a negative errno, `signal` a number, `output` `[null, stdout, stderr]`).
fn spawn_sync(ctx: &mut dyn OpCtx) -> OpResult {
    let request = parse_spawn_request(ctx)?;
    let input = ctx.arg_bytes(9).map(|bytes| bytes.to_vec());
    let timeout_ms: f64 = ctx.arg(10, "timeout")?;
    let kill_signal: i32 = ctx.arg(11, "killSignal")?;
    let max_buffer: f64 = ctx.arg(12, "maxBuffer")?;
    let limit =
        if max_buffer.is_finite() && max_buffer >= 0.0 { max_buffer as usize } else { usize::MAX };

    let mut child = match start(request) {
        Ok(child) => child,
        Err(errno) => {
            return Ok(HostValue::Object(vec![
                ("error".into(), errno.into()),
                ("status".into(), HostValue::Null),
                ("signal".into(), HostValue::Null),
                ("output".into(), HostValue::Null),
                ("pid".into(), 0.into()),
            ]));
        }
    };
    let pid = child.id() as i32;
    let writer = child.stdin.take().map(|mut stdin| {
        std::thread::spawn(move || {
            if let Some(input) = input {
                let _ = stdin.write_all(&input);
            }
        })
    });
    let overflowed = Arc::new(AtomicBool::new(false));
    let stdout = collect(child.stdout.take(), limit, overflowed.clone(), pid, kill_signal);
    let stderr = collect(child.stderr.take(), limit, overflowed.clone(), pid, kill_signal);

    let (sender, receiver) = mpsc::channel();
    std::thread::spawn(move || {
        let _ = sender.send(child.wait());
    });
    let mut timed_out = false;
    let waited = if timeout_ms > 0.0 {
        match receiver.recv_timeout(Duration::from_secs_f64(timeout_ms / 1000.0)) {
            Ok(result) => Some(result),
            Err(_) => {
                timed_out = true;
                // SAFETY: plain syscall; the waiting thread has not reaped the child yet.
                unsafe { libc::kill(pid, kill_signal) };
                receiver.recv().ok()
            }
        }
    } else {
        receiver.recv().ok()
    };
    if let Some(writer) = writer {
        let _ = writer.join();
    }
    let to_value = |bytes: Option<Vec<u8>>| bytes.map_or(HostValue::Null, HostValue::Bytes);
    let stdout = to_value(stdout.join().unwrap_or(None));
    let stderr = to_value(stderr.join().unwrap_or(None));

    let mut result = Vec::new();
    if timed_out {
        result.push(("error".into(), (-libc::ETIMEDOUT).into()));
    } else if overflowed.load(Ordering::SeqCst) {
        result.push(("error".into(), (-libc::ENOBUFS).into()));
    }
    let (status, signal) = match waited {
        Some(Ok(status)) => exit_fields(status),
        _ => (HostValue::Null, HostValue::Null),
    };
    result.push(("status".into(), status));
    result.push(("signal".into(), signal));
    result.push(("output".into(), HostValue::Array(vec![HostValue::Null, stdout, stderr])));
    result.push(("pid".into(), pid.into()));
    Ok(HostValue::Object(result))
}

/// The events of all live children, produced by their helper threads and taken by JS
/// through `nextEvents`.
#[derive(Default)]
struct EventQueue {
    events: Mutex<Vec<HostValue>>,
    /// Set by `wake`, always with `events` locked so a waiting `take` cannot miss it.
    woken: AtomicBool,
    ready: Condvar,
}

impl EventQueue {
    fn push(&self, event: HostValue) {
        if let Ok(mut events) = self.events.lock() {
            events.push(event);
            self.ready.notify_one();
        }
    }

    /// Makes a waiting `take` return, with no events if none came.
    fn wake(&self) {
        if let Ok(_events) = self.events.lock() {
            self.woken.store(true, Ordering::SeqCst);
            self.ready.notify_one();
        }
    }

    /// Blocks until there is at least one event (or a wake-up), then takes them all.
    fn take(&self) -> Vec<HostValue> {
        let Ok(mut events) = self.events.lock() else { return Vec::new() };
        loop {
            if self.woken.swap(false, Ordering::SeqCst) || !events.is_empty() {
                break;
            }
            events = match self.ready.wait(events) {
                Ok(guard) => guard,
                Err(_) => return Vec::new(),
            };
        }
        std::mem::take(&mut *events)
    }
}

/// One entry of the live-children table: the channels to its helper threads.
struct LiveChild {
    /// Chunks for the stdin writer thread; dropping it closes the child's stdin.
    stdin: Option<mpsc::Sender<Vec<u8>>>,
    /// Read requests for the stdout (index 0) and stderr (index 1) reader threads.
    readers: [Option<mpsc::Sender<()>>; 2],
    /// Set to end a pending read of stdout / stderr at once.
    cancelled: [Arc<AtomicBool>; 2],
}

/// The realm's live children, keyed by the id `spawn` returned, and their event queue.
#[derive(Default)]
struct Children {
    next_id: u32,
    live: HashMap<u32, LiveChild>,
    queue: Arc<EventQueue>,
}

/// An event as JS reads it: `[id, kind, ...values]`.
fn event(id: u32, kind: &str, values: Vec<HostValue>) -> HostValue {
    let mut items = vec![id.into(), kind.into()];
    items.extend(values);
    HostValue::Array(items)
}

/// Reads the next chunk of `pipe`, giving up (as end of output) once `cancelled` is set.
fn read_chunk<R: Read + AsRawFd>(pipe: &mut R, cancelled: &AtomicBool) -> Result<Vec<u8>, i32> {
    let mut poll_fd = libc::pollfd { fd: pipe.as_raw_fd(), events: libc::POLLIN, revents: 0 };
    loop {
        if cancelled.load(Ordering::SeqCst) {
            return Ok(Vec::new());
        }
        // SAFETY: `poll_fd` is a valid pollfd for the duration of the call.
        let ready = unsafe { libc::poll(&mut poll_fd, 1, CANCEL_POLL_MS) };
        if ready > 0 {
            break;
        }
        if ready < 0 && last_errno() != libc::EINTR {
            return Err(last_errno());
        }
    }
    let mut bytes = vec![0u8; READ_CHUNK];
    loop {
        match pipe.read(&mut bytes) {
            Ok(n) => {
                bytes.truncate(n);
                return Ok(bytes);
            }
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e.raw_os_error().unwrap_or(libc::EIO)),
        }
    }
}

/// Starts the thread that reads `pipe` one chunk per request, posting `[id, 'data', fd,
/// bytes]` (empty at end of output) or `[id, 'readError', fd, -errno]`.
fn start_reader<R: Read + AsRawFd + Send + 'static>(
    id: u32,
    fd: u32,
    mut pipe: R,
    queue: Arc<EventQueue>,
    cancelled: Arc<AtomicBool>,
) -> mpsc::Sender<()> {
    let (requests, requested) = mpsc::channel::<()>();
    std::thread::spawn(move || {
        while requested.recv().is_ok() {
            match read_chunk(&mut pipe, &cancelled) {
                Ok(bytes) => {
                    let done = bytes.is_empty();
                    queue.push(event(id, "data", vec![fd.into(), HostValue::Bytes(bytes)]));
                    if done {
                        return;
                    }
                }
                Err(errno) => {
                    queue.push(event(id, "readError", vec![fd.into(), (-errno).into()]));
                    return;
                }
            }
        }
    });
    requests
}

/// Starts the thread that writes chunks to the child's stdin in order, posting
/// `[id, 'written', 0 | -errno]` for each; it closes stdin when its channel is dropped.
fn start_writer(id: u32, mut stdin: ChildStdin, queue: Arc<EventQueue>) -> mpsc::Sender<Vec<u8>> {
    let (chunks, received) = mpsc::channel::<Vec<u8>>();
    std::thread::spawn(move || {
        let mut failed = 0;
        while let Ok(chunk) = received.recv() {
            if failed == 0 {
                if let Err(e) = stdin.write_all(&chunk) {
                    failed = e.raw_os_error().unwrap_or(libc::EPIPE);
                }
            }
            queue.push(event(id, "written", vec![(-failed).into()]));
        }
    });
    chunks
}

/// `spawn(file, args, cwd, envPairs, argv0, stdio, uid, gid, detached)` → `{ id, pid }`, or
/// `{ error: -errno }` when the child could not start. Its exit comes as the event
/// `[id, 'exit', status, signal]`.
fn spawn(ctx: &mut dyn OpCtx) -> OpResult {
    let request = parse_spawn_request(ctx)?;
    let mut child = match start(request) {
        Ok(child) => child,
        Err(errno) => return Ok(HostValue::Object(vec![("error".into(), errno.into())])),
    };
    let pid = child.id();
    let children = ctx.state().get_or_default::<Children>();
    children.next_id += 1;
    let id = children.next_id;
    let queue = children.queue.clone();
    let cancelled = [Arc::new(AtomicBool::new(false)), Arc::new(AtomicBool::new(false))];
    let entry = LiveChild {
        stdin: child.stdin.take().map(|stdin| start_writer(id, stdin, queue.clone())),
        readers: [
            child
                .stdout
                .take()
                .map(|p| start_reader(id, 1, p, queue.clone(), cancelled[0].clone())),
            child
                .stderr
                .take()
                .map(|p| start_reader(id, 2, p, queue.clone(), cancelled[1].clone())),
        ],
        cancelled,
    };
    children.live.insert(id, entry);
    let waiter_queue = queue;
    std::thread::spawn(move || {
        let (status, signal) = match child.wait() {
            Ok(status) => exit_fields(status),
            Err(e) => ((-e.raw_os_error().unwrap_or(libc::EIO)).into(), HostValue::Null),
        };
        waiter_queue.push(event(id, "exit", vec![status, signal]));
    });
    Ok(HostValue::Object(vec![("id".into(), id.into()), ("pid".into(), pid.into())]))
}

/// `wakeEvents()`: makes the outstanding `nextEvents` request settle now, so it stops
/// holding the loop open for children that were unref'd.
fn wake_events(ctx: &mut dyn OpCtx) -> OpResult {
    ctx.state().get_or_default::<Children>().queue.wake();
    Ok(HostValue::Undefined)
}

/// `nextEvents()` → request id; settles with the array of child events that happened since
/// the last call, waiting for at least one. JS keeps one call outstanding while it expects
/// events (a pending exit, read or write), each of which produces exactly one.
fn next_events(ctx: &mut dyn OpCtx) -> OpResult {
    let queue = ctx.state().get_or_default::<Children>().queue.clone();
    async_op::spawn(ctx, move || Ok(HostValue::Array(queue.take())))
}

fn live_child(ctx: &mut dyn OpCtx, id: u32) -> Result<&mut LiveChild, ThrowError> {
    ctx.state()
        .get_or_default::<Children>()
        .live
        .get_mut(&id)
        .ok_or_else(|| ThrowError::error(format!("no child process with id {id}")))
}

/// The index of the stdout (fd 1) or stderr (fd 2) reader.
fn reader_index(fd: u32) -> Result<usize, ThrowError> {
    match fd {
        1 | 2 => Ok(fd as usize - 1),
        _ => {
            Err(ThrowError::range_error("ERR_OUT_OF_RANGE", format!("no readable pipe on fd {fd}")))
        }
    }
}

/// `read(id, fd)`: asks for the next chunk of the child's stdout (fd 1) or stderr (fd 2),
/// which arrives as a `data` event. Returns whether the pipe is still open for reading.
fn read(ctx: &mut dyn OpCtx) -> OpResult {
    let id: u32 = ctx.arg(0, "id")?;
    let index = reader_index(ctx.arg(1, "fd")?)?;
    let child = live_child(ctx, id)?;
    let sent = child.readers[index].as_ref().is_some_and(|reader| reader.send(()).is_ok());
    Ok(sent.into())
}

/// `cancelRead(id, fd)`: ends the pending read of stdout (fd 1) or stderr (fd 2) at once,
/// as end of output, for a stream JS destroyed.
fn cancel_read(ctx: &mut dyn OpCtx) -> OpResult {
    let id: u32 = ctx.arg(0, "id")?;
    let index = reader_index(ctx.arg(1, "fd")?)?;
    live_child(ctx, id)?.cancelled[index].store(true, Ordering::SeqCst);
    Ok(HostValue::Undefined)
}

/// `write(id, bytes)`: queues `bytes` for the child's stdin; each write is answered, in
/// order, by a `written` event. Returns whether stdin is still open.
fn write(ctx: &mut dyn OpCtx) -> OpResult {
    let id: u32 = ctx.arg(0, "id")?;
    let bytes = ctx.arg_bytes(1).map(|b| b.to_vec()).ok_or_else(|| {
        ThrowError::type_error("ERR_INVALID_ARG_TYPE", "The \"data\" argument must be a Uint8Array")
    })?;
    let child = live_child(ctx, id)?;
    let sent = child.stdin.as_ref().is_some_and(|stdin| stdin.send(bytes).is_ok());
    Ok(sent.into())
}

/// `closeStdin(id)`: closes the child's stdin once the queued writes are done.
fn close_stdin(ctx: &mut dyn OpCtx) -> OpResult {
    let id: u32 = ctx.arg(0, "id")?;
    live_child(ctx, id)?.stdin = None;
    Ok(HostValue::Undefined)
}

/// `release(id)`: forgets a child that exited and whose pipes were read to the end.
fn release(ctx: &mut dyn OpCtx) -> OpResult {
    let id: u32 = ctx.arg(0, "id")?;
    ctx.state().get_or_default::<Children>().live.remove(&id);
    Ok(HostValue::Undefined)
}

/// `kill(pid, signal)` → 0, or the negative errno of `kill(2)`.
fn kill(ctx: &mut dyn OpCtx) -> OpResult {
    let pid: i32 = ctx.arg(0, "pid")?;
    let signal: i32 = ctx.arg(1, "signal")?;
    // SAFETY: `kill(2)` has no memory effects.
    let result = unsafe { libc::kill(pid, signal) };
    Ok(if result == 0 { 0 } else { -last_errno() }.into())
}
