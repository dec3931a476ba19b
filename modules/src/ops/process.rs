//! `internalBinding('process_methods')`: what `process` needs from the OS and the host:
//! facts about the process, the clock, user and group ids (read and set), kill and
//! resource usage.

use std::time::Instant;

use engine::{typed_op, HostValue, Op, OpCtx, OpResult, TypedOp};

use super::errors::{errno_code, errno_exception, uv_error};

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
    Op { binding: "process_methods", name: "info", func: info },
    Op { binding: "process_methods", name: "cwd", func: cwd },
    Op { binding: "process_methods", name: "chdir", func: chdir },
    Op { binding: "process_methods", name: "uptime", func: uptime },
    Op { binding: "process_methods", name: "rss", func: rss },
    Op { binding: "process_methods", name: "umask", func: umask },
    Op { binding: "process_methods", name: "reallyExit", func: really_exit },
    Op { binding: "process_methods", name: "getuid", func: getuid },
    Op { binding: "process_methods", name: "geteuid", func: geteuid },
    Op { binding: "process_methods", name: "getgid", func: getgid },
    Op { binding: "process_methods", name: "getegid", func: getegid },
    Op { binding: "process_methods", name: "getgroups", func: getgroups },
    Op { binding: "process_methods", name: "setuid", func: setuid },
    Op { binding: "process_methods", name: "seteuid", func: seteuid },
    Op { binding: "process_methods", name: "setgid", func: setgid },
    Op { binding: "process_methods", name: "setegid", func: setegid },
    Op { binding: "process_methods", name: "setgroups", func: setgroups },
    Op { binding: "process_methods", name: "initgroups", func: initgroups },
    Op { binding: "process_methods", name: "userId", func: user_id },
    Op { binding: "process_methods", name: "groupId", func: group_id },
    Op { binding: "process_methods", name: "userName", func: user_name },
    Op { binding: "process_methods", name: "kill", func: kill },
    Op { binding: "process_methods", name: "watchSignal", func: watch_signal },
    Op { binding: "process_methods", name: "execve", func: execve },
    Op { binding: "process_methods", name: "cpuUsage", func: cpu_usage },
    Op { binding: "process_methods", name: "threadCpuUsage", func: thread_cpu_usage },
    Op { binding: "process_methods", name: "constrainedMemory", func: constrained_memory },
    Op { binding: "process_methods", name: "availableMemory", func: available_memory },
    Op { binding: "process_methods", name: "resourceUsage", func: resource_usage },
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
        let from = std::env::current_dir().map(|d| d.display().to_string()).unwrap_or_default();
        let mut error = uv_error(&e, "chdir", None);
        error.message = format!("{} '{from}' -> '{dir}'", error.message);
        error.with("path", from).with("dest", dir.clone())
    })?;
    Ok(HostValue::Undefined)
}

/// Monotonic time as `[seconds, nanoseconds]`, from an arbitrary origin as in Node.
/// The typed ops of this binding.
pub(super) const TYPED: &[TypedOp] = &[HRTIME];

typed_op! {
    /// `hrtime(values)`: writes the monotonic time into a `Uint32Array(3)` over an ArrayBuffer
    /// that JS keeps (seconds high and low words, nanoseconds), as Node's binding fills its
    /// shared array: nothing is allocated per call.
    const HRTIME = ("process_methods", "hrtime")
    fn hrtime(_state: &mut OpState, values: &mut [u8]) -> () {
        // Offset the origin so values look like a machine's monotonic clock, not near zero.
        let t = start().elapsed() + std::time::Duration::from_secs(1_000_000);
        let secs = t.as_secs();
        let words = [(secs >> 32) as u32, secs as u32, t.subsec_nanos()];
        for (slot, word) in values.chunks_exact_mut(4).zip(words) {
            slot.copy_from_slice(&word.to_ne_bytes());
        }
    }
}

fn uptime(_ctx: &mut dyn OpCtx) -> OpResult {
    Ok(start().elapsed().as_secs_f64().into())
}

/// Resident set size in bytes, from /proc on Linux.
fn rss(_ctx: &mut dyn OpCtx) -> OpResult {
    let pages = std::fs::read_to_string("/proc/self/statm")
        .ok()
        .and_then(|s| s.split_whitespace().nth(1).and_then(|p| p.parse::<u64>().ok()))
        .unwrap_or(0);
    Ok((pages * 4096).into())
}

/// The file mode creation mask; with a mask argument, sets it and returns the old one.
fn umask(ctx: &mut dyn OpCtx) -> OpResult {
    if let Some(mask) = ctx.arg_number(0) {
        // SAFETY: umask takes a plain mode and cannot fail.
        let old = unsafe { libc::umask(mask as libc::mode_t) };
        return Ok((old as u32).into());
    }
    // Reading the mask means setting it; read from /proc to leave it untouched.
    let mask = std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines().find_map(|l| {
                l.strip_prefix("Umask:").and_then(|v| u32::from_str_radix(v.trim(), 8).ok())
            })
        })
        .unwrap_or(0o022);
    Ok(mask.into())
}

fn really_exit(ctx: &mut dyn OpCtx) -> OpResult {
    let code = ctx.arg_number(0).filter(|n| n.is_finite()).map_or(0, |n| n as i32);
    ctx.state().put(ExitRequest(code));
    ctx.terminate_execution();
    Ok(HostValue::Undefined)
}

fn getuid(_ctx: &mut dyn OpCtx) -> OpResult {
    // SAFETY: getuid has no preconditions and cannot fail.
    Ok(unsafe { libc::getuid() }.into())
}

fn geteuid(_ctx: &mut dyn OpCtx) -> OpResult {
    // SAFETY: geteuid has no preconditions and cannot fail.
    Ok(unsafe { libc::geteuid() }.into())
}

fn getgid(_ctx: &mut dyn OpCtx) -> OpResult {
    // SAFETY: getgid has no preconditions and cannot fail.
    Ok(unsafe { libc::getgid() }.into())
}

fn getegid(_ctx: &mut dyn OpCtx) -> OpResult {
    // SAFETY: getegid has no preconditions and cannot fail.
    Ok(unsafe { libc::getegid() }.into())
}

/// The supplementary group ids, with the effective group id added when missing, as Node does.
fn getgroups(_ctx: &mut dyn OpCtx) -> OpResult {
    // SAFETY: a zero-length call only returns the count.
    let count = unsafe { libc::getgroups(0, std::ptr::null_mut()) };
    if count < 0 {
        return Err(uv_error(&std::io::Error::last_os_error(), "getgroups", None));
    }
    let mut groups = vec![0 as libc::gid_t; count as usize];
    // SAFETY: `groups` has room for `count` ids.
    let filled = unsafe { libc::getgroups(count, groups.as_mut_ptr()) };
    if filled < 0 {
        return Err(uv_error(&std::io::Error::last_os_error(), "getgroups", None));
    }
    groups.truncate(filled as usize);
    // SAFETY: getegid has no preconditions and cannot fail.
    let egid = unsafe { libc::getegid() };
    if !groups.contains(&egid) {
        groups.push(egid);
    }
    Ok(HostValue::Array(groups.into_iter().map(HostValue::from).collect()))
}

/// `kill(pid, signal)`: 0 on success, else the negative errno (the JS side throws).
fn kill(ctx: &mut dyn OpCtx) -> OpResult {
    let pid: i32 = ctx.arg(0, "pid")?;
    let signal: i32 = ctx.arg(1, "signal")?;
    // SAFETY: kill takes plain integers; a bad pid or signal is reported through errno.
    let result = unsafe { libc::kill(pid, signal) };
    if result == 0 {
        return Ok(0_i32.into());
    }
    let errno = std::io::Error::last_os_error().raw_os_error().unwrap_or(libc::EINVAL);
    Ok((-errno).into())
}

/// `watchSignal(signo, watch)`: starts or stops delivering signal `signo` to the `signal`
/// hook; 0 on success, else the negative errno.
fn watch_signal(ctx: &mut dyn OpCtx) -> OpResult {
    let signo: i32 = ctx.arg(0, "signal")?;
    let watch = ctx.arg_truthy(1);
    let Some(loop_handle) = ctx.state().get::<io::LoopHandle>().cloned() else {
        return Ok((-libc::ENOSYS).into());
    };
    match loop_handle.watch_signal(signo, watch) {
        Ok(()) => Ok(0_i32.into()),
        Err(err) => Ok((-err.raw_os_error().unwrap_or(libc::ENOSYS)).into()),
    }
}

/// `execve(path, args, env)`: replaces the process image; returns only on failure, with
/// the errno's code name (the JS side reports it and aborts, as Node does).
fn execve(ctx: &mut dyn OpCtx) -> OpResult {
    let path: String = ctx.arg(0, "execPath")?;
    let args: Vec<String> = ctx.arg(1, "args")?;
    let env: Vec<String> = ctx.arg(2, "env")?;
    let to_c = |items: Vec<String>| -> Option<Vec<std::ffi::CString>> {
        items.into_iter().map(|item| std::ffi::CString::new(item).ok()).collect()
    };
    let (Ok(path), Some(args), Some(env)) = (std::ffi::CString::new(path), to_c(args), to_c(env))
    else {
        return Ok("EINVAL".into());
    };
    let mut argv: Vec<*const libc::c_char> = args.iter().map(|a| a.as_ptr()).collect();
    argv.push(std::ptr::null());
    let mut envp: Vec<*const libc::c_char> = env.iter().map(|e| e.as_ptr()).collect();
    envp.push(std::ptr::null());
    // SAFETY: every pointer is a NUL-terminated string owned above, and both lists end
    // with a null pointer; on success execve does not return.
    unsafe { libc::execve(path.as_ptr(), argv.as_ptr(), envp.as_ptr()) };
    let errno = std::io::Error::last_os_error().raw_os_error().unwrap_or(libc::EINVAL);
    Ok(errno_code(errno).into())
}

/// `getrusage(who)`, or the errno as an error.
fn rusage(who: libc::c_int) -> Result<libc::rusage, engine::ThrowError> {
    // SAFETY: rusage is plain old data; all-zero is a valid value.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    // SAFETY: `usage` is a valid, writable rusage.
    if unsafe { libc::getrusage(who, &mut usage) } != 0 {
        return Err(uv_error(&std::io::Error::last_os_error(), "uv_getrusage", None));
    }
    Ok(usage)
}

fn micros(time: libc::timeval) -> f64 {
    time.tv_sec as f64 * 1e6 + time.tv_usec as f64
}

/// `[user, system]` CPU time of the process in microseconds.
fn cpu_usage(_ctx: &mut dyn OpCtx) -> OpResult {
    let usage = rusage(libc::RUSAGE_SELF)?;
    Ok(HostValue::Array(vec![micros(usage.ru_utime).into(), micros(usage.ru_stime).into()]))
}

/// `[user, system]` CPU time of the calling (JS) thread in microseconds.
fn thread_cpu_usage(_ctx: &mut dyn OpCtx) -> OpResult {
    let usage = rusage(libc::RUSAGE_THREAD)?;
    Ok(HostValue::Array(vec![micros(usage.ru_utime).into(), micros(usage.ru_stime).into()]))
}

/// The process's memory cgroup as libuv reads it: `(limit, usage)` in bytes, the limit
/// `u64::MAX` when the cgroup sets none; `None` when there is no memory cgroup.
fn cgroup_memory() -> Option<(u64, u64)> {
    let cgroups = std::fs::read_to_string("/proc/self/cgroup").ok()?;
    let read_number = |path: String| -> Option<u64> {
        let text = std::fs::read_to_string(path).ok()?;
        let text = text.trim();
        if text == "max" {
            return Some(u64::MAX);
        }
        text.parse().ok()
    };
    if std::path::Path::new("/sys/fs/cgroup/cgroup.controllers").exists() {
        let path = cgroups.lines().find_map(|l| l.strip_prefix("0::")).unwrap_or("/");
        let dir = format!("/sys/fs/cgroup{path}");
        let limit = read_number(format!("{dir}/memory.max"))?;
        let usage = read_number(format!("{dir}/memory.current")).unwrap_or(0);
        return Some((limit, usage));
    }
    let path = cgroups.lines().find_map(|l| l.split_once(":memory:").map(|(_, p)| p))?;
    let dir = format!("/sys/fs/cgroup/memory{path}");
    let limit = read_number(format!("{dir}/memory.limit_in_bytes"))?;
    let usage = read_number(format!("{dir}/memory.usage_in_bytes")).unwrap_or(0);
    // cgroup v1 writes "no limit" as the largest page-aligned i64.
    let limit = if limit >= 0x7FFF_FFFF_FFFF_F000 { u64::MAX } else { limit };
    Some((limit, usage))
}

/// The cgroup memory limit (`u64::MAX` for none set), or 0 outside any memory cgroup.
fn constrained_memory(_ctx: &mut dyn OpCtx) -> OpResult {
    Ok((cgroup_memory().map_or(0, |(limit, _)| limit) as f64).into())
}

/// Memory the process may still allocate: what is left of a cgroup limit, or the
/// system's available memory when there is none.
fn available_memory(_ctx: &mut dyn OpCtx) -> OpResult {
    if let Some((limit, usage)) = cgroup_memory().filter(|(limit, _)| *limit != u64::MAX) {
        return Ok((limit.saturating_sub(usage) as f64).into());
    }
    let meminfo = std::fs::read_to_string("/proc/meminfo").unwrap_or_default();
    let available = meminfo
        .lines()
        .find_map(|l| l.strip_prefix("MemAvailable:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<f64>().ok())
        .map_or(0.0, |kb| kb * 1024.0);
    Ok(available.into())
}

/// `process.resourceUsage()`: getrusage's fields under Node's names (times in
/// microseconds, maxRSS in kilobytes).
fn resource_usage(_ctx: &mut dyn OpCtx) -> OpResult {
    let usage = rusage(libc::RUSAGE_SELF)?;
    let fields: [(&str, f64); 16] = [
        ("userCPUTime", micros(usage.ru_utime)),
        ("systemCPUTime", micros(usage.ru_stime)),
        ("maxRSS", usage.ru_maxrss as f64),
        ("sharedMemorySize", usage.ru_ixrss as f64),
        ("unsharedDataSize", usage.ru_idrss as f64),
        ("unsharedStackSize", usage.ru_isrss as f64),
        ("minorPageFault", usage.ru_minflt as f64),
        ("majorPageFault", usage.ru_majflt as f64),
        ("swappedOut", usage.ru_nswap as f64),
        ("fsRead", usage.ru_inblock as f64),
        ("fsWrite", usage.ru_oublock as f64),
        ("ipcSent", usage.ru_msgsnd as f64),
        ("ipcReceived", usage.ru_msgrcv as f64),
        ("signalsCount", usage.ru_nsignals as f64),
        ("voluntaryContextSwitches", usage.ru_nvcsw as f64),
        ("involuntaryContextSwitches", usage.ru_nivcsw as f64),
    ];
    Ok(HostValue::Object(
        fields.iter().map(|(name, value)| ((*name).to_owned(), (*value).into())).collect(),
    ))
}

/// Runs a credential syscall; a failure becomes Node's `EPERM, Operation not permitted`.
fn credential_call(syscall: &str, result: libc::c_int) -> OpResult {
    if result == 0 {
        return Ok(HostValue::Undefined);
    }
    let errno = std::io::Error::last_os_error().raw_os_error().unwrap_or(libc::EPERM);
    Err(errno_exception(errno, syscall))
}

fn setuid(ctx: &mut dyn OpCtx) -> OpResult {
    let id: u32 = ctx.arg(0, "id")?;
    // SAFETY: setuid takes a plain id; failure is reported through errno.
    credential_call("setuid", unsafe { libc::setuid(id) })
}

fn seteuid(ctx: &mut dyn OpCtx) -> OpResult {
    let id: u32 = ctx.arg(0, "id")?;
    // SAFETY: seteuid takes a plain id; failure is reported through errno.
    credential_call("seteuid", unsafe { libc::seteuid(id) })
}

fn setgid(ctx: &mut dyn OpCtx) -> OpResult {
    let id: u32 = ctx.arg(0, "id")?;
    // SAFETY: setgid takes a plain id; failure is reported through errno.
    credential_call("setgid", unsafe { libc::setgid(id) })
}

fn setegid(ctx: &mut dyn OpCtx) -> OpResult {
    let id: u32 = ctx.arg(0, "id")?;
    // SAFETY: setegid takes a plain id; failure is reported through errno.
    credential_call("setegid", unsafe { libc::setegid(id) })
}

/// `setgroups(ids)`, the ids given as decimal strings.
fn setgroups(ctx: &mut dyn OpCtx) -> OpResult {
    let ids: Vec<String> = ctx.arg(0, "groups")?;
    let groups: Vec<libc::gid_t> = ids.iter().filter_map(|id| id.parse().ok()).collect();
    // SAFETY: `groups` holds `groups.len()` valid ids.
    credential_call("setgroups", unsafe { libc::setgroups(groups.len(), groups.as_ptr()) })
}

/// `initgroups(userName, extraGroupId)`.
fn initgroups(ctx: &mut dyn OpCtx) -> OpResult {
    let user: String = ctx.arg(0, "user")?;
    let group: u32 = ctx.arg(1, "extraGroup")?;
    let Ok(user) = std::ffi::CString::new(user) else {
        return Err(errno_exception(libc::EINVAL, "initgroups"));
    };
    // SAFETY: `user` is a valid NUL-terminated string for the duration of the call.
    credential_call("initgroups", unsafe { libc::initgroups(user.as_ptr(), group) })
}

/// Size of the scratch buffer for the reentrant passwd/group lookups.
const LOOKUP_BUFFER_SIZE: usize = 16 * 1024;

/// The uid of a user name, or -1 when there is no such user.
fn user_id(ctx: &mut dyn OpCtx) -> OpResult {
    let name: String = ctx.arg(0, "user")?;
    let Ok(name) = std::ffi::CString::new(name) else {
        return Ok((-1_i32).into());
    };
    // SAFETY: passwd is plain old data; all-zero is a valid value to be filled in.
    let mut entry: libc::passwd = unsafe { std::mem::zeroed() };
    let mut buffer = vec![0 as libc::c_char; LOOKUP_BUFFER_SIZE];
    let mut found: *mut libc::passwd = std::ptr::null_mut();
    // SAFETY: every pointer is valid and `buffer` is as long as the length passed.
    unsafe {
        libc::getpwnam_r(name.as_ptr(), &mut entry, buffer.as_mut_ptr(), buffer.len(), &mut found)
    };
    Ok(if found.is_null() { (-1_i32).into() } else { entry.pw_uid.into() })
}

/// The gid of a group name, or -1 when there is no such group.
fn group_id(ctx: &mut dyn OpCtx) -> OpResult {
    let name: String = ctx.arg(0, "group")?;
    let Ok(name) = std::ffi::CString::new(name) else {
        return Ok((-1_i32).into());
    };
    // SAFETY: group is plain old data; all-zero is a valid value to be filled in.
    let mut entry: libc::group = unsafe { std::mem::zeroed() };
    let mut buffer = vec![0 as libc::c_char; LOOKUP_BUFFER_SIZE];
    let mut found: *mut libc::group = std::ptr::null_mut();
    // SAFETY: every pointer is valid and `buffer` is as long as the length passed.
    unsafe {
        libc::getgrnam_r(name.as_ptr(), &mut entry, buffer.as_mut_ptr(), buffer.len(), &mut found)
    };
    Ok(if found.is_null() { (-1_i32).into() } else { entry.gr_gid.into() })
}

/// The name of a uid, or null when there is no such user.
fn user_name(ctx: &mut dyn OpCtx) -> OpResult {
    let uid: u32 = ctx.arg(0, "uid")?;
    // SAFETY: passwd is plain old data; all-zero is a valid value to be filled in.
    let mut entry: libc::passwd = unsafe { std::mem::zeroed() };
    let mut buffer = vec![0 as libc::c_char; LOOKUP_BUFFER_SIZE];
    let mut found: *mut libc::passwd = std::ptr::null_mut();
    // SAFETY: every pointer is valid and `buffer` is as long as the length passed.
    unsafe { libc::getpwuid_r(uid, &mut entry, buffer.as_mut_ptr(), buffer.len(), &mut found) };
    if found.is_null() || entry.pw_name.is_null() {
        return Ok(HostValue::Null);
    }
    // SAFETY: on success pw_name points at a NUL-terminated string inside `buffer`.
    let name = unsafe { std::ffi::CStr::from_ptr(entry.pw_name) };
    Ok(name.to_string_lossy().into_owned().into())
}
