//! `internalBinding('os')`: what the `os` module reads from the system: uname, memory,
//! load, uptime, CPUs, network interfaces, the user database, process priorities and the
//! platform's signal and errno numbers.
//!
//! Calls that can fail return `[error, value]`: `error` is null, or the context
//! (`errno`, `code`, `message`, `syscall`) from which the JS side builds Node's
//! `ERR_SYSTEM_ERROR`.

use engine::{HostValue, Op, OpCtx, OpResult};

pub(super) const OPS: &[Op] = &[
    Op { binding: "os", name: "uname", func: uname },
    Op { binding: "os", name: "hostname", func: hostname },
    Op { binding: "os", name: "memory", func: memory },
    Op { binding: "os", name: "loadavg", func: loadavg },
    Op { binding: "os", name: "uptime", func: uptime },
    Op { binding: "os", name: "cpus", func: cpus },
    Op { binding: "os", name: "availableParallelism", func: available_parallelism },
    Op { binding: "os", name: "networkInterfaces", func: network_interfaces },
    Op { binding: "os", name: "userInfo", func: user_info },
    Op { binding: "os", name: "getPriority", func: get_priority },
    Op { binding: "os", name: "setPriority", func: set_priority },
    Op { binding: "os", name: "signals", func: signals },
    Op { binding: "os", name: "errnoConstants", func: errno_constants },
];

/// The `[error, value]` pair for a failed call: Node's system-error context.
fn failure(errno: i32, syscall: &str) -> HostValue {
    let text = std::io::Error::from_raw_os_error(errno).to_string();
    let text = text.split(" (os error").next().unwrap_or(&text).to_lowercase();
    let code = errno_constant_name(errno).unwrap_or("UNKNOWN");
    HostValue::Array(vec![
        HostValue::Object(vec![
            ("errno".into(), (-errno).into()),
            ("code".into(), code.into()),
            ("message".into(), text.into()),
            ("syscall".into(), syscall.into()),
        ]),
        HostValue::Undefined,
    ])
}

fn success(value: HostValue) -> HostValue {
    HostValue::Array(vec![HostValue::Null, value])
}

fn last_errno() -> i32 {
    std::io::Error::last_os_error().raw_os_error().unwrap_or(libc::EIO)
}

fn c_chars_to_string(chars: &[libc::c_char]) -> String {
    let bytes: Vec<u8> = chars.iter().take_while(|&&c| c != 0).map(|&c| c as u8).collect();
    String::from_utf8_lossy(&bytes).into_owned()
}

/// `[sysname, release, version, machine]`.
fn uname(_ctx: &mut dyn OpCtx) -> OpResult {
    // SAFETY: utsname is plain old data; all-zero is a valid value to be filled in.
    let mut info: libc::utsname = unsafe { std::mem::zeroed() };
    // SAFETY: `info` is a valid, writable utsname.
    if unsafe { libc::uname(&mut info) } != 0 {
        return Ok(failure(last_errno(), "uv_os_uname"));
    }
    Ok(success(HostValue::Array(vec![
        c_chars_to_string(&info.sysname).into(),
        c_chars_to_string(&info.release).into(),
        c_chars_to_string(&info.version).into(),
        c_chars_to_string(&info.machine).into(),
    ])))
}

fn hostname(_ctx: &mut dyn OpCtx) -> OpResult {
    let mut buffer = [0 as libc::c_char; 256];
    // SAFETY: `buffer` is writable for its whole length.
    if unsafe { libc::gethostname(buffer.as_mut_ptr(), buffer.len()) } != 0 {
        return Ok(failure(last_errno(), "uv_os_gethostname"));
    }
    Ok(success(c_chars_to_string(&buffer).into()))
}

/// One `Key: value kB` line of /proc/meminfo, in bytes.
fn meminfo_bytes(meminfo: &str, key: &str) -> Option<f64> {
    meminfo.lines().find_map(|line| {
        let rest = line.strip_prefix(key)?.strip_prefix(':')?;
        let kb: f64 = rest.trim().trim_end_matches("kB").trim().parse().ok()?;
        Some(kb * 1024.0)
    })
}

/// `[total, free]` bytes of memory; free is what can be allocated (MemAvailable), as libuv.
fn memory(_ctx: &mut dyn OpCtx) -> OpResult {
    let meminfo = std::fs::read_to_string("/proc/meminfo").unwrap_or_default();
    let total = meminfo_bytes(&meminfo, "MemTotal").unwrap_or(0.0);
    let free = meminfo_bytes(&meminfo, "MemAvailable")
        .or_else(|| meminfo_bytes(&meminfo, "MemFree"))
        .unwrap_or(0.0);
    Ok(HostValue::Array(vec![total.into(), free.into()]))
}

/// The 1, 5 and 15 minute load averages, from /proc/loadavg as libuv reads them.
fn loadavg(_ctx: &mut dyn OpCtx) -> OpResult {
    let text = std::fs::read_to_string("/proc/loadavg").unwrap_or_default();
    let mut loads: Vec<HostValue> =
        text.split_whitespace().take(3).map(|l| l.parse::<f64>().unwrap_or(0.0).into()).collect();
    loads.resize(3, 0.0.into());
    Ok(HostValue::Array(loads))
}

/// Seconds since boot, from /proc/uptime (to the hundredth), as libuv reports them.
fn uptime(_ctx: &mut dyn OpCtx) -> OpResult {
    let seconds = std::fs::read_to_string("/proc/uptime")
        .ok()
        .and_then(|text| text.split_whitespace().next().and_then(|s| s.parse::<f64>().ok()));
    Ok(match seconds {
        Some(seconds) => success(seconds.into()),
        None => failure(libc::EIO, "uv_uptime"),
    })
}

/// Per CPU: `[model, speedMHz, user, nice, sys, idle, irq]` (times in milliseconds).
fn cpus(_ctx: &mut dyn OpCtx) -> OpResult {
    let cpuinfo = std::fs::read_to_string("/proc/cpuinfo").unwrap_or_default();
    let models: Vec<String> = cpuinfo
        .lines()
        .filter_map(|line| line.split_once(':'))
        .filter(|(key, _)| key.trim() == "model name")
        .map(|(_, value)| value.trim().to_owned())
        .collect();
    // The current frequency in MHz from cpufreq, 0 where the kernel has none (as libuv).
    let speed = |cpu: usize| -> f64 {
        std::fs::read_to_string(format!(
            "/sys/devices/system/cpu/cpu{cpu}/cpufreq/scaling_cur_freq"
        ))
        .ok()
        .and_then(|khz| khz.trim().parse::<f64>().ok())
        .map_or(0.0, |khz| (khz / 1000.0).floor())
    };
    // SAFETY: sysconf has no preconditions.
    let ticks_per_second = unsafe { libc::sysconf(libc::_SC_CLK_TCK) }.max(1) as f64;
    let ms_per_tick = 1000.0 / ticks_per_second;
    let stat = std::fs::read_to_string("/proc/stat").unwrap_or_default();
    let mut out = Vec::new();
    for line in stat.lines() {
        let mut fields = line.split_whitespace();
        let Some(name) = fields.next() else { continue };
        let Some(index) = name.strip_prefix("cpu").and_then(|n| n.parse::<usize>().ok()) else {
            continue;
        };
        let ticks: Vec<f64> = fields.take(6).map(|t| t.parse().unwrap_or(0.0)).collect();
        let tick = |i: usize| ticks.get(i).copied().unwrap_or(0.0) * ms_per_tick;
        out.push(HostValue::Array(vec![
            models
                .get(index)
                .or(models.first())
                .cloned()
                .unwrap_or_else(|| "unknown".into())
                .into(),
            speed(index).into(),
            tick(0).into(),
            tick(1).into(),
            tick(2).into(),
            tick(3).into(),
            tick(5).into(),
        ]));
    }
    Ok(HostValue::Array(out))
}

fn available_parallelism(_ctx: &mut dyn OpCtx) -> OpResult {
    let count = std::thread::available_parallelism().map_or(1, |n| n.get());
    Ok((count as f64).into())
}

/// Per address: `[name, address, netmask, family, mac, internal, scopeid]`.
fn network_interfaces(_ctx: &mut dyn OpCtx) -> OpResult {
    let mut list: *mut libc::ifaddrs = std::ptr::null_mut();
    // SAFETY: `list` receives a list that is freed below.
    if unsafe { libc::getifaddrs(&mut list) } != 0 {
        return Ok(failure(last_errno(), "uv_interface_addresses"));
    }
    let mut macs: Vec<(String, String)> = Vec::new();
    let mut entries = Vec::new();
    let mut cursor = list;
    while !cursor.is_null() {
        // SAFETY: `cursor` is a node of the list getifaddrs returned, not yet freed.
        let entry = unsafe { &*cursor };
        cursor = entry.ifa_next;
        if entry.ifa_addr.is_null() || entry.ifa_name.is_null() {
            continue;
        }
        // SAFETY: ifa_name is a NUL-terminated string owned by the list.
        let name =
            unsafe { std::ffi::CStr::from_ptr(entry.ifa_name) }.to_string_lossy().into_owned();
        let up = entry.ifa_flags & libc::IFF_UP as u32 != 0;
        let internal = entry.ifa_flags & libc::IFF_LOOPBACK as u32 != 0;
        // SAFETY: ifa_addr is non-null and points at a sockaddr of its family.
        let family = unsafe { (*entry.ifa_addr).sa_family } as i32;
        match family {
            libc::AF_PACKET => {
                // SAFETY: an AF_PACKET address is a sockaddr_ll.
                let link = unsafe { &*(entry.ifa_addr as *const libc::sockaddr_ll) };
                let mac = link.sll_addr[..6]
                    .iter()
                    .map(|b| format!("{b:02x}"))
                    .collect::<Vec<_>>()
                    .join(":");
                macs.push((name, mac));
            }
            libc::AF_INET | libc::AF_INET6 if up => {
                let address = sockaddr_ip(entry.ifa_addr);
                let netmask =
                    if entry.ifa_netmask.is_null() { None } else { sockaddr_ip(entry.ifa_netmask) };
                let scope_id = if family == libc::AF_INET6 {
                    // SAFETY: an AF_INET6 address is a sockaddr_in6.
                    unsafe { (*(entry.ifa_addr as *const libc::sockaddr_in6)).sin6_scope_id }
                } else {
                    0
                };
                if let Some(address) = address {
                    entries.push((name, address, netmask, family, internal, scope_id));
                }
            }
            _ => {}
        }
    }
    // SAFETY: `list` came from getifaddrs and is freed once, after its last use.
    unsafe { libc::freeifaddrs(list) };
    let out = entries
        .into_iter()
        .map(|(name, address, netmask, family, internal, scope_id)| {
            let mac = macs
                .iter()
                .find(|(n, _)| *n == name)
                .map_or_else(|| "00:00:00:00:00:00".to_owned(), |(_, m)| m.clone());
            let family = if family == libc::AF_INET { "IPv4" } else { "IPv6" };
            HostValue::Array(vec![
                name.into(),
                address.to_string().into(),
                netmask.map_or_else(String::new, |m| m.to_string()).into(),
                family.into(),
                mac.into(),
                internal.into(),
                scope_id.into(),
            ])
        })
        .collect();
    Ok(success(HostValue::Array(out)))
}

/// The IP address in a sockaddr of family AF_INET or AF_INET6.
fn sockaddr_ip(addr: *const libc::sockaddr) -> Option<std::net::IpAddr> {
    // SAFETY: callers pass a non-null sockaddr; its family says which layout follows.
    let family = unsafe { (*addr).sa_family } as i32;
    match family {
        libc::AF_INET => {
            // SAFETY: an AF_INET address is a sockaddr_in.
            let v4 = unsafe { &*(addr as *const libc::sockaddr_in) };
            Some(std::net::Ipv4Addr::from(u32::from_be(v4.sin_addr.s_addr)).into())
        }
        libc::AF_INET6 => {
            // SAFETY: an AF_INET6 address is a sockaddr_in6.
            let v6 = unsafe { &*(addr as *const libc::sockaddr_in6) };
            Some(std::net::Ipv6Addr::from(v6.sin6_addr.s6_addr).into())
        }
        _ => None,
    }
}

/// `{uid, gid, username, homedir, shell}` of the effective user.
fn user_info(_ctx: &mut dyn OpCtx) -> OpResult {
    // SAFETY: geteuid has no preconditions and cannot fail.
    let uid = unsafe { libc::geteuid() };
    // SAFETY: passwd is plain old data; all-zero is a valid value to be filled in.
    let mut entry: libc::passwd = unsafe { std::mem::zeroed() };
    let mut buffer = vec![0 as libc::c_char; 16 * 1024];
    let mut found: *mut libc::passwd = std::ptr::null_mut();
    // SAFETY: every pointer is valid and `buffer` is as long as the length passed.
    let status =
        unsafe { libc::getpwuid_r(uid, &mut entry, buffer.as_mut_ptr(), buffer.len(), &mut found) };
    if found.is_null() {
        let errno = if status == 0 { libc::ENOENT } else { status };
        return Ok(failure(errno, "uv_os_get_passwd"));
    }
    let text = |pointer: *const libc::c_char| -> HostValue {
        if pointer.is_null() {
            return HostValue::Null;
        }
        // SAFETY: non-null passwd fields are NUL-terminated strings inside `buffer`.
        unsafe { std::ffi::CStr::from_ptr(pointer) }.to_string_lossy().into_owned().into()
    };
    Ok(success(HostValue::Object(vec![
        ("uid".into(), entry.pw_uid.into()),
        ("gid".into(), entry.pw_gid.into()),
        ("username".into(), text(entry.pw_name)),
        ("homedir".into(), text(entry.pw_dir)),
        ("shell".into(), text(entry.pw_shell)),
    ])))
}

fn get_priority(ctx: &mut dyn OpCtx) -> OpResult {
    let pid: i32 = ctx.arg(0, "pid")?;
    // getpriority may legitimately return -1: errno tells failures apart.
    // SAFETY: __errno_location returns this thread's errno slot.
    unsafe { *libc::__errno_location() = 0 };
    // SAFETY: getpriority takes plain integers; failure is reported through errno.
    let priority = unsafe { libc::getpriority(libc::PRIO_PROCESS, pid as libc::id_t) };
    if priority == -1 && last_errno() != 0 {
        return Ok(failure(last_errno(), "uv_os_getpriority"));
    }
    Ok(success(priority.into()))
}

fn set_priority(ctx: &mut dyn OpCtx) -> OpResult {
    let pid: i32 = ctx.arg(0, "pid")?;
    let priority: i32 = ctx.arg(1, "priority")?;
    // SAFETY: setpriority takes plain integers; failure is reported through errno.
    if unsafe { libc::setpriority(libc::PRIO_PROCESS, pid as libc::id_t, priority) } != 0 {
        return Ok(failure(last_errno(), "uv_os_setpriority"));
    }
    Ok(success(HostValue::Undefined))
}

/// The platform's signal names and numbers (`os.constants.signals`).
fn signals(_ctx: &mut dyn OpCtx) -> OpResult {
    let table: &[(&str, i32)] = &[
        ("SIGHUP", libc::SIGHUP),
        ("SIGINT", libc::SIGINT),
        ("SIGQUIT", libc::SIGQUIT),
        ("SIGILL", libc::SIGILL),
        ("SIGTRAP", libc::SIGTRAP),
        ("SIGABRT", libc::SIGABRT),
        ("SIGIOT", libc::SIGIOT),
        ("SIGBUS", libc::SIGBUS),
        ("SIGFPE", libc::SIGFPE),
        ("SIGKILL", libc::SIGKILL),
        ("SIGUSR1", libc::SIGUSR1),
        ("SIGSEGV", libc::SIGSEGV),
        ("SIGUSR2", libc::SIGUSR2),
        ("SIGPIPE", libc::SIGPIPE),
        ("SIGALRM", libc::SIGALRM),
        ("SIGTERM", libc::SIGTERM),
        ("SIGCHLD", libc::SIGCHLD),
        #[cfg(any(target_os = "linux", target_os = "android"))]
        ("SIGSTKFLT", libc::SIGSTKFLT),
        ("SIGCONT", libc::SIGCONT),
        ("SIGSTOP", libc::SIGSTOP),
        ("SIGTSTP", libc::SIGTSTP),
        ("SIGTTIN", libc::SIGTTIN),
        ("SIGTTOU", libc::SIGTTOU),
        ("SIGURG", libc::SIGURG),
        ("SIGXCPU", libc::SIGXCPU),
        ("SIGXFSZ", libc::SIGXFSZ),
        ("SIGVTALRM", libc::SIGVTALRM),
        ("SIGPROF", libc::SIGPROF),
        ("SIGWINCH", libc::SIGWINCH),
        ("SIGIO", libc::SIGIO),
        #[cfg(any(target_os = "linux", target_os = "android"))]
        ("SIGPOLL", libc::SIGPOLL),
        #[cfg(any(target_os = "linux", target_os = "android"))]
        ("SIGPWR", libc::SIGPWR),
        ("SIGSYS", libc::SIGSYS),
    ];
    Ok(HostValue::Object(
        table.iter().map(|(name, number)| ((*name).to_owned(), (*number).into())).collect(),
    ))
}

/// The errno names Node lists in `os.constants.errno`, with this platform's numbers.
const ERRNO_TABLE: &[(&str, i32)] = &[
    ("E2BIG", libc::E2BIG),
    ("EACCES", libc::EACCES),
    ("EADDRINUSE", libc::EADDRINUSE),
    ("EADDRNOTAVAIL", libc::EADDRNOTAVAIL),
    ("EAFNOSUPPORT", libc::EAFNOSUPPORT),
    ("EAGAIN", libc::EAGAIN),
    ("EALREADY", libc::EALREADY),
    ("EBADF", libc::EBADF),
    ("EBADMSG", libc::EBADMSG),
    ("EBUSY", libc::EBUSY),
    ("ECANCELED", libc::ECANCELED),
    ("ECHILD", libc::ECHILD),
    ("ECONNABORTED", libc::ECONNABORTED),
    ("ECONNREFUSED", libc::ECONNREFUSED),
    ("ECONNRESET", libc::ECONNRESET),
    ("EDEADLK", libc::EDEADLK),
    ("EDESTADDRREQ", libc::EDESTADDRREQ),
    ("EDOM", libc::EDOM),
    ("EDQUOT", libc::EDQUOT),
    ("EEXIST", libc::EEXIST),
    ("EFAULT", libc::EFAULT),
    ("EFBIG", libc::EFBIG),
    ("EHOSTUNREACH", libc::EHOSTUNREACH),
    ("EIDRM", libc::EIDRM),
    ("EILSEQ", libc::EILSEQ),
    ("EINPROGRESS", libc::EINPROGRESS),
    ("EINTR", libc::EINTR),
    ("EINVAL", libc::EINVAL),
    ("EIO", libc::EIO),
    ("EISCONN", libc::EISCONN),
    ("EISDIR", libc::EISDIR),
    ("ELOOP", libc::ELOOP),
    ("EMFILE", libc::EMFILE),
    ("EMLINK", libc::EMLINK),
    ("EMSGSIZE", libc::EMSGSIZE),
    ("EMULTIHOP", libc::EMULTIHOP),
    ("ENAMETOOLONG", libc::ENAMETOOLONG),
    ("ENETDOWN", libc::ENETDOWN),
    ("ENETRESET", libc::ENETRESET),
    ("ENETUNREACH", libc::ENETUNREACH),
    ("ENFILE", libc::ENFILE),
    ("ENOBUFS", libc::ENOBUFS),
    ("ENODATA", libc::ENODATA),
    ("ENODEV", libc::ENODEV),
    ("ENOENT", libc::ENOENT),
    ("ENOEXEC", libc::ENOEXEC),
    ("ENOLCK", libc::ENOLCK),
    ("ENOLINK", libc::ENOLINK),
    ("ENOMEM", libc::ENOMEM),
    ("ENOMSG", libc::ENOMSG),
    ("ENOPROTOOPT", libc::ENOPROTOOPT),
    ("ENOSPC", libc::ENOSPC),
    ("ENOSR", libc::ENOSR),
    ("ENOSTR", libc::ENOSTR),
    ("ENOSYS", libc::ENOSYS),
    ("ENOTCONN", libc::ENOTCONN),
    ("ENOTDIR", libc::ENOTDIR),
    ("ENOTEMPTY", libc::ENOTEMPTY),
    ("ENOTSOCK", libc::ENOTSOCK),
    ("ENOTSUP", libc::ENOTSUP),
    ("ENOTTY", libc::ENOTTY),
    ("ENXIO", libc::ENXIO),
    ("EOPNOTSUPP", libc::EOPNOTSUPP),
    ("EOVERFLOW", libc::EOVERFLOW),
    ("EPERM", libc::EPERM),
    ("EPIPE", libc::EPIPE),
    ("EPROTO", libc::EPROTO),
    ("EPROTONOSUPPORT", libc::EPROTONOSUPPORT),
    ("EPROTOTYPE", libc::EPROTOTYPE),
    ("ERANGE", libc::ERANGE),
    ("EROFS", libc::EROFS),
    ("ESPIPE", libc::ESPIPE),
    ("ESRCH", libc::ESRCH),
    ("ESTALE", libc::ESTALE),
    ("ETIME", libc::ETIME),
    ("ETIMEDOUT", libc::ETIMEDOUT),
    ("ETXTBSY", libc::ETXTBSY),
    ("EWOULDBLOCK", libc::EWOULDBLOCK),
    ("EXDEV", libc::EXDEV),
];

fn errno_constant_name(errno: i32) -> Option<&'static str> {
    ERRNO_TABLE.iter().find(|(_, n)| *n == errno).map(|(name, _)| *name)
}

fn errno_constants(_ctx: &mut dyn OpCtx) -> OpResult {
    Ok(HostValue::Object(
        ERRNO_TABLE.iter().map(|(name, number)| ((*name).to_owned(), (*number).into())).collect(),
    ))
}
