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
        9 => ("EBADF", "bad file descriptor"),
        11 => ("EAGAIN", "resource temporarily unavailable"),
        12 => ("ENOMEM", "not enough memory"),
        13 => ("EACCES", "permission denied"),
        16 => ("EBUSY", "resource busy or locked"),
        17 => ("EEXIST", "file already exists"),
        18 => ("EXDEV", "cross-device link not permitted"),
        20 => ("ENOTDIR", "not a directory"),
        21 => ("EISDIR", "illegal operation on a directory"),
        22 => ("EINVAL", "invalid argument"),
        23 => ("ENFILE", "file table overflow"),
        24 => ("EMFILE", "too many open files"),
        25 => ("ENOTTY", "inappropriate ioctl for device"),
        27 => ("EFBIG", "file too large"),
        28 => ("ENOSPC", "no space left on device"),
        29 => ("ESPIPE", "invalid seek"),
        30 => ("EROFS", "read-only file system"),
        31 => ("EMLINK", "too many links"),
        32 => ("EPIPE", "broken pipe"),
        36 => ("ENAMETOOLONG", "name too long"),
        39 => ("ENOTEMPTY", "directory not empty"),
        40 => ("ELOOP", "too many symbolic links encountered"),
        95 => ("ENOTSUP", "operation not supported on socket"),
        98 => ("EADDRINUSE", "address already in use"),
        99 => ("EADDRNOTAVAIL", "address not available"),
        104 => ("ECONNRESET", "connection reset by peer"),
        110 => ("ETIMEDOUT", "connection timed out"),
        111 => ("ECONNREFUSED", "connection refused"),
        _ => ("UNKNOWN", "unknown error"),
    }
}

/// The Node-shaped exception for an OS error from `syscall` on `path`.
pub fn uv_error(error: &std::io::Error, syscall: &str, path: Option<&str>) -> ThrowError {
    let errno = error.raw_os_error().unwrap_or(0);
    let (code, text) = describe(errno);
    let message = match path {
        Some(p) => format!("{code}: {text}, {syscall} '{p}'"),
        None => format!("{code}: {text}, {syscall}"),
    };
    let mut thrown = ThrowError::error(message)
        .with("errno", -errno)
        .with("code", code)
        .with("syscall", syscall);
    if let Some(p) = path {
        thrown = thrown.with("path", p);
    }
    thrown
}
