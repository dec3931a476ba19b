//! `internalBinding('process_methods')`: what `process` needs from the OS and the host.

use std::time::Instant;

use engine::{HostValue, Op, OpCtx, OpResult};

use super::errors::uv_error;

/// Facts about this process that the host decides: argv, how the entry point was given.
#[derive(Debug, Clone, Default)]
pub struct HostInfo {
    /// `process.argv`: the executable path, then the script and its arguments.
    pub argv: Vec<String>,
    /// `process.execArgv`: the runtime's own flags.
    pub exec_argv: Vec<String>,
    /// `process.argv0`: argv[0] as the user typed it.
    pub argv0: String,
    /// `process.execPath`.
    pub exec_path: String,
    /// What to run: `"file"`, `"eval"`, `"print"` or `"stdin"`, then its payload (the
    /// path, the code, or the code read from stdin).
    pub entry: (String, String),
    /// The engine's name and version, for `process.versions`.
    pub engine: (String, String),
}

/// Set by `reallyExit`: the code the process exits with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ExitRequest(pub i32);

/// When the realm started, for `process.uptime()` and the `hrtime` origin.
static START: std::sync::OnceLock<Instant> = std::sync::OnceLock::new();

fn start() -> Instant {
    *START.get_or_init(Instant::now)
}

pub(super) const OPS: &[Op] = &[
    Op {
        binding: "process_methods",
        name: "info",
        func: info,
    },
    Op {
        binding: "process_methods",
        name: "cwd",
        func: cwd,
    },
    Op {
        binding: "process_methods",
        name: "chdir",
        func: chdir,
    },
    Op {
        binding: "process_methods",
        name: "hrtime",
        func: hrtime,
    },
    Op {
        binding: "process_methods",
        name: "uptime",
        func: uptime,
    },
    Op {
        binding: "process_methods",
        name: "rss",
        func: rss,
    },
    Op {
        binding: "process_methods",
        name: "umask",
        func: umask,
    },
    Op {
        binding: "process_methods",
        name: "reallyExit",
        func: really_exit,
    },
];

fn info(ctx: &mut dyn OpCtx) -> OpResult {
    start();
    let info = ctx.state().get::<HostInfo>().cloned().unwrap_or_default();
    Ok(HostValue::Object(vec![
        ("argv".into(), info.argv.into()),
        ("execArgv".into(), info.exec_argv.into()),
        ("argv0".into(), info.argv0.into()),
        ("execPath".into(), info.exec_path.into()),
        ("entryKind".into(), info.entry.0.into()),
        ("entryPayload".into(), info.entry.1.into()),
        ("engineName".into(), info.engine.0.into()),
        ("engineVersion".into(), info.engine.1.into()),
        ("nodeVersion".into(), crate::NODE_VERSION.into()),
        ("oxnodeVersion".into(), env!("CARGO_PKG_VERSION").into()),
        ("pid".into(), std::process::id().into()),
        ("ppid".into(), parent_pid().into()),
        ("platform".into(), platform().into()),
        ("arch".into(), arch().into()),
    ]))
}

fn parent_pid() -> u32 {
    std::os::unix::process::parent_id()
}

/// Node's names for the OS.
fn platform() -> &'static str {
    match std::env::consts::OS {
        "macos" => "darwin",
        "windows" => "win32",
        other => other,
    }
}

/// Node's names for the CPU.
fn arch() -> &'static str {
    match std::env::consts::ARCH {
        "x86_64" => "x64",
        "aarch64" => "arm64",
        "x86" => "ia32",
        "powerpc64" => "ppc64",
        other => other,
    }
}

fn cwd(_ctx: &mut dyn OpCtx) -> OpResult {
    let dir = std::env::current_dir().map_err(|e| uv_error(&e, "uv_cwd", None))?;
    Ok(dir.to_string_lossy().into_owned().into())
}

fn chdir(ctx: &mut dyn OpCtx) -> OpResult {
    let dir: String = ctx.arg(0, "directory")?;
    std::env::set_current_dir(&dir).map_err(|e| {
        let from = std::env::current_dir()
            .map(|d| d.display().to_string())
            .unwrap_or_default();
        let mut error = uv_error(&e, "chdir", None);
        error.message = format!("{} '{from}' -> '{dir}'", error.message);
        error.with("path", from).with("dest", dir.clone())
    })?;
    Ok(HostValue::Undefined)
}

/// Monotonic time as `[seconds, nanoseconds]`, from an arbitrary origin as in Node.
fn hrtime(_ctx: &mut dyn OpCtx) -> OpResult {
    // Offset the origin so values look like a machine's monotonic clock, not near zero.
    let t = start().elapsed() + std::time::Duration::from_secs(1_000_000);
    Ok(HostValue::Array(vec![
        t.as_secs().into(),
        t.subsec_nanos().into(),
    ]))
}

fn uptime(_ctx: &mut dyn OpCtx) -> OpResult {
    Ok(start().elapsed().as_secs_f64().into())
}

/// Resident set size in bytes, from /proc on Linux.
fn rss(_ctx: &mut dyn OpCtx) -> OpResult {
    let pages = std::fs::read_to_string("/proc/self/statm")
        .ok()
        .and_then(|s| {
            s.split_whitespace()
                .nth(1)
                .and_then(|p| p.parse::<u64>().ok())
        })
        .unwrap_or(0);
    Ok((pages * 4096).into())
}

fn umask(_ctx: &mut dyn OpCtx) -> OpResult {
    // Reading the mask means setting it; read from /proc to leave it untouched.
    let mask = std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines().find_map(|l| {
                l.strip_prefix("Umask:")
                    .and_then(|v| u32::from_str_radix(v.trim(), 8).ok())
            })
        })
        .unwrap_or(0o022);
    Ok(mask.into())
}

fn really_exit(ctx: &mut dyn OpCtx) -> OpResult {
    let code = ctx
        .arg_number(0)
        .filter(|n| n.is_finite())
        .map_or(0, |n| n as i32);
    ctx.state().put(ExitRequest(code));
    ctx.terminate_execution();
    Ok(HostValue::Undefined)
}
