//! OS errors as Node reports them: `ENOENT: no such file or directory, open '/x'` with
//! `errno` (negative, as libuv), `code`, `syscall` and `path`.

use engine::ThrowError;

/// libuv's name and message for an OS errno.
fn describe(errno: i32) -> (&'static str, &'static str) {
    match errno {
        1 => ("EPERM", "operation not permitted"),
        2 => ("ENOENT", "no such file or directory"),
        3 => ("ESRCH", "no such process"),
        4 => ("EINTR", "interrupted system call"),
        5 => ("EIO", "i/o error"),
        6 => ("ENXIO", "no such device or address"),
        7 => ("E2BIG", "argument list too long"),
        8 => ("ENOEXEC", "exec format error"),
        9 => ("EBADF", "bad file descriptor"),
        11 => ("EAGAIN", "resource temporarily unavailable"),
        12 => ("ENOMEM", "not enough memory"),
        13 => ("EACCES", "permission denied"),
        14 => ("EFAULT", "bad address in system call argument"),
        16 => ("EBUSY", "resource busy or locked"),
        17 => ("EEXIST", "file already exists"),
        18 => ("EXDEV", "cross-device link not permitted"),
        19 => ("ENODEV", "no such device"),
        20 => ("ENOTDIR", "not a directory"),
        21 => ("EISDIR", "illegal operation on a directory"),
        22 => ("EINVAL", "invalid argument"),
        23 => ("ENFILE", "file table overflow"),
        24 => ("EMFILE", "too many open files"),
        25 => ("ENOTTY", "inappropriate ioctl for device"),
        26 => ("ETXTBSY", "text file is busy"),
        27 => ("EFBIG", "file too large"),
        28 => ("ENOSPC", "no space left on device"),
        29 => ("ESPIPE", "invalid seek"),
        30 => ("EROFS", "read-only file system"),
        31 => ("EMLINK", "too many links"),
        32 => ("EPIPE", "broken pipe"),
        34 => ("ERANGE", "result too large"),
        36 => ("ENAMETOOLONG", "name too long"),
        38 => ("ENOSYS", "function not implemented"),
        39 => ("ENOTEMPTY", "directory not empty"),
        40 => ("ELOOP", "too many symbolic links encountered"),
        61 => ("ENODATA", "no data available"),
        75 => ("EOVERFLOW", "value too large for defined data type"),
        84 => ("EILSEQ", "illegal byte sequence"),
        88 => ("ENOTSOCK", "socket operation on non-socket"),
        95 => ("ENOTSUP", "operation not supported on socket"),
        98 => ("EADDRINUSE", "address already in use"),
        99 => ("EADDRNOTAVAIL", "address not available"),
        104 => ("ECONNRESET", "connection reset by peer"),
        110 => ("ETIMEDOUT", "connection timed out"),
        111 => ("ECONNREFUSED", "connection refused"),
        125 => ("ECANCELED", "operation canceled"),
        _ => ("UNKNOWN", "unknown error"),
    }
}

/// The Node-shaped exception for an OS error from `syscall` on `path`.
pub fn uv_error(error: &std::io::Error, syscall: &str, path: Option<&str>) -> ThrowError {
    uv_errno_error(error.raw_os_error().unwrap_or(0), syscall, path, None)
}

/// The Node-shaped exception for OS `errno` from `syscall` on `path` (and `dest`, for the
/// two-path calls: `rename 'a' -> 'b'`).
pub fn uv_errno_error(
    errno: i32,
    syscall: &str,
    path: Option<&str>,
    dest: Option<&str>,
) -> ThrowError {
    let (code, text) = describe(errno);
    let mut message = format!("{code}: {text}, {syscall}");
    if let Some(p) = path {
        message.push_str(&format!(" '{p}'"));
    }
    if let Some(d) = dest {
        message.push_str(&format!(" -> '{d}'"));
    }
    let mut thrown = ThrowError::error(message)
        .with("errno", -errno)
        .with("code", code)
        .with("syscall", syscall);
    if let Some(p) = path {
        thrown = thrown.with("path", p);
    }
    if let Some(d) = dest {
        thrown = thrown.with("dest", d);
    }
    thrown
}

/// libuv's code name for an OS errno (`ENOENT`), `UNKNOWN` for ones it doesn't name.
pub fn errno_code(errno: i32) -> &'static str {
    describe(errno).0
}

/// Node's errno-style exception from C++ (`EPERM, Operation not permitted`), with the
/// positive `errno`, the `code` and the `syscall`.
pub fn errno_exception(errno: i32, syscall: &str) -> ThrowError {
    let (code, _) = describe(errno);
    let text = std::io::Error::from_raw_os_error(errno).to_string();
    let text = text.split(" (os error").next().unwrap_or(&text).to_owned();
    ThrowError::error(format!("{code}, {text}"))
        .with("errno", errno)
        .with("code", code)
        .with("syscall", syscall)
}
