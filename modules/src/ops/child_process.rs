//! `internalBinding('child_process')`: running a child to completion (`spawnSync`), signals
//! (`kill`), and reading the spawn options both spawns share. Asynchronous children live on
//! the loop (`process_wrap`).
//!
//! `spawnSync` blocks the JS thread, as Node's does (Node runs a private libuv loop for it):
//! stdin is fed and stdout/stderr collected by helper threads, with a timeout and an output
//! limit, and it returns what Node's `spawn_sync` binding does.
//!
//! The ops take flat arguments (the op interface reads numbers, strings, string arrays and
//! bytes), in the order `internal/child_process.js` passes them. Failures to start a child
//! come back as `{ error: -errno }` rather than a throw, as in Node's bindings, so JS can
//! build `spawn <file> ENOENT` errors and emit them like Node.

use std::io::{Read, Write};
use std::os::fd::FromRawFd;
use std::os::unix::process::{CommandExt, ExitStatusExt};
use std::process::{Child, Command, ExitStatus, Stdio};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc;
use std::sync::Arc;
use std::time::Duration;

use engine::{HostValue, Op, OpCtx, OpResult, ThrowError};

pub(super) const OPS: &[Op] = &[
    Op { binding: "child_process", name: "spawnSync", func: spawn_sync },
    Op { binding: "child_process", name: "kill", func: kill },
];

/// The most one `read` returns.
const READ_CHUNK: usize = 64 * 1024;

/// How one of the child's descriptors is set up.
pub(super) enum StdioMode {
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

    /// The loop's description of it, for an asynchronous child.
    pub(super) fn to_child_stdio(&self) -> io::ChildStdio {
        match self {
            StdioMode::Pipe => io::ChildStdio::Pipe,
            StdioMode::Inherit => io::ChildStdio::Inherit,
            StdioMode::Ignore => io::ChildStdio::Ignore,
            StdioMode::Fd(fd) => io::ChildStdio::Fd(*fd),
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

pub(super) fn last_errno() -> i32 {
    std::io::Error::last_os_error().raw_os_error().unwrap_or(libc::EIO)
}

/// What a spawn op needs to build the `Command`, read from the op's first arguments:
/// `(file, args, cwd, envPairs, argv0, stdio[3], uid, gid, detached)`.
pub(super) struct SpawnRequest {
    pub(super) command: Command,
    /// One mode per descriptor of the child, from 0.
    pub(super) stdio: Vec<StdioMode>,
}

pub(super) fn parse_spawn_request(ctx: &mut dyn OpCtx) -> Result<SpawnRequest, ThrowError> {
    let file: String = ctx.arg(0, "file")?;
    let args: Vec<String> = ctx.arg(1, "args")?;
    let cwd: Option<String> = ctx.arg(2, "cwd")?;
    let env_pairs: Option<Vec<String>> = ctx.arg(3, "envPairs")?;
    let argv0: Option<String> = ctx.arg(4, "argv0")?;
    let stdio_texts: Vec<String> = ctx.arg(5, "stdio")?;
    let uid: Option<u32> = ctx.arg(6, "uid")?;
    let gid: Option<u32> = ctx.arg(7, "gid")?;
    let detached: bool = ctx.arg(8, "detached")?;

    let mut stdio = Vec::with_capacity(stdio_texts.len().max(3));
    for text in &stdio_texts {
        stdio.push(StdioMode::parse(text)?);
    }
    while stdio.len() < 3 {
        stdio.push(StdioMode::Pipe);
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

/// `kill(pid, signal)` → 0, or the negative errno of `kill(2)`.
fn kill(ctx: &mut dyn OpCtx) -> OpResult {
    let pid: i32 = ctx.arg(0, "pid")?;
    let signal: i32 = ctx.arg(1, "signal")?;
    // SAFETY: `kill(2)` has no memory effects.
    let result = unsafe { libc::kill(pid, signal) };
    Ok(if result == 0 { 0 } else { -last_errno() }.into())
}
