//! Calls on open files: open/close, reading and writing (in place for the sync forms, on a
//! copy for the async ones), whole-file reads and writes, and the `f*` calls on descriptors.

use std::io::Write;

use engine::{HostValue, OpCtx, OpResult, ThrowError};

use super::{arg_buffer, arg_position, async_op, c_path, check, done, fail, fail_fd, AsyncResult};
use crate::ops::errors::uv_error;

fs_op! {
    /// `open(path, flags, mode)` → a new descriptor (close-on-exec, as libuv opens them).
    Open(path: String, flags: i32, mode: u32) {
        let c = c_path(&path).map_err(|e| fail(e, "open", &path))?;
        open_fd(&c, flags, mode).map(HostValue::from).map_err(|e| fail(e, "open", &path))
    }
}

fs_op! {
    /// `close(fd)`.
    Close(fd: i32) {
        // SAFETY: closing a descriptor number has no memory effects; a bad one is EBADF.
        check(unsafe { libc::close(fd) }).map_err(|e| fail_fd(e, "close"))?;
        done()
    }
}

fs_op! {
    /// `readFile(path, flags)` → the whole file as a Uint8Array.
    ReadFile(path: String, flags: Option<i32>) {
        read_whole(&path, flags.unwrap_or(libc::O_RDONLY)).map(HostValue::Bytes)
    }
}

fs_op! {
    /// `readFileUtf8(path, flags)` → the whole file as text (bad UTF-8 becomes U+FFFD).
    ReadFileUtf8(path: String, flags: Option<i32>) {
        let bytes = read_whole(&path, flags.unwrap_or(libc::O_RDONLY))?;
        Ok(match String::from_utf8(bytes) {
            Ok(text) => text,
            Err(e) => String::from_utf8_lossy(e.as_bytes()).into_owned(),
        }
        .into())
    }
}

fs_op! {
    /// `fsync(fd)`.
    Fsync(fd: i32) {
        // SAFETY: plain syscall on a descriptor number.
        check(unsafe { libc::fsync(fd) }).map_err(|e| fail_fd(e, "fsync"))?;
        done()
    }
}

fs_op! {
    /// `fdatasync(fd)`.
    Fdatasync(fd: i32) {
        // SAFETY: plain syscall on a descriptor number.
        check(unsafe { libc::fdatasync(fd) }).map_err(|e| fail_fd(e, "fdatasync"))?;
        done()
    }
}

fs_op! {
    /// `ftruncate(fd, length)`.
    Ftruncate(fd: i32, length: i64) {
        // SAFETY: plain syscall on a descriptor number.
        check(unsafe { libc::ftruncate(fd, length) }).map_err(|e| fail_fd(e, "ftruncate"))?;
        done()
    }
}

fs_op! {
    /// `fchmod(fd, mode)`.
    Fchmod(fd: i32, mode: u32) {
        // SAFETY: plain syscall on a descriptor number.
        check(unsafe { libc::fchmod(fd, mode) }).map_err(|e| fail_fd(e, "fchmod"))?;
        done()
    }
}

fs_op! {
    /// `fchown(fd, uid, gid)`; -1 leaves an id unchanged.
    Fchown(fd: i32, uid: i64, gid: i64) {
        // SAFETY: plain syscall on a descriptor number.
        check(unsafe { libc::fchown(fd, uid as libc::uid_t, gid as libc::gid_t) })
            .map_err(|e| fail_fd(e, "fchown"))?;
        done()
    }
}

fs_op! {
    /// `futimes(fd, atime, mtime)`, times in seconds since the epoch.
    Futimes(fd: i32, atime: f64, mtime: f64) {
        let times = [timespec(atime), timespec(mtime)];
        // SAFETY: `times` is an array of two valid timespecs, as futimens requires.
        check(unsafe { libc::futimens(fd, times.as_ptr()) }).map_err(|e| fail_fd(e, "futime"))?;
        done()
    }
}

/// Seconds since the epoch (fractional) as a `timespec`.
pub(super) fn timespec(seconds: f64) -> libc::timespec {
    let whole = seconds.floor();
    let nanos = ((seconds - whole) * 1e9).round().min(999_999_999.0);
    libc::timespec { tv_sec: whole as libc::time_t, tv_nsec: nanos as libc::c_long }
}

/// Opens `path` with Node's flags plus close-on-exec.
fn open_fd(path: &std::ffi::CStr, flags: i32, mode: u32) -> Result<i32, i32> {
    // SAFETY: `path` is a valid NUL-terminated string; the mode is passed as the variadic
    // third argument open(2) reads when O_CREAT or O_TMPFILE is set.
    check(unsafe { libc::open(path.as_ptr(), flags | libc::O_CLOEXEC, mode as libc::c_uint) })
}

/// Reads into `buf` at `position` (-1: at the descriptor's current offset).
fn read_into(fd: i32, buf: &mut [u8], position: i64) -> Result<usize, i32> {
    loop {
        // SAFETY: `buf` is valid for writes of `buf.len()` bytes for the whole call.
        let n = unsafe {
            if position < 0 {
                libc::read(fd, buf.as_mut_ptr().cast(), buf.len())
            } else {
                libc::pread(fd, buf.as_mut_ptr().cast(), buf.len(), position)
            }
        };
        match check(n) {
            Ok(n) => return Ok(n as usize),
            Err(libc::EINTR) => continue,
            Err(e) => return Err(e),
        }
    }
}

/// Writes from `data` at `position` (-1: at the current offset); returns the bytes written.
fn write_from(fd: i32, data: &[u8], position: i64) -> Result<usize, i32> {
    loop {
        // SAFETY: `data` is valid for reads of `data.len()` bytes for the whole call.
        let n = unsafe {
            if position < 0 {
                libc::write(fd, data.as_ptr().cast(), data.len())
            } else {
                libc::pwrite(fd, data.as_ptr().cast(), data.len(), position)
            }
        };
        match check(n) {
            Ok(n) => return Ok(n as usize),
            Err(libc::EINTR) => continue,
            Err(e) => return Err(e),
        }
    }
}

/// Writes all of `data`, from `position` on (or the current offset).
fn write_all_at(fd: i32, mut data: &[u8], mut position: i64) -> Result<(), i32> {
    while !data.is_empty() {
        let n = write_from(fd, data, position)?;
        data = &data[n..];
        if position >= 0 {
            position += n as i64;
        }
    }
    Ok(())
}

/// Node's limit on a whole-file read: one Buffer holds at most 2 GiB - 1 bytes.
const MAX_WHOLE_FILE: usize = i32::MAX as usize;

/// The whole content of `path`, sized by `fstat` first when it is a regular file; a file
/// over [`MAX_WHOLE_FILE`] is Node's `ERR_FS_FILE_TOO_LARGE`.
fn read_whole(path: &str, flags: i32) -> Result<Vec<u8>, ThrowError> {
    let c = c_path(path).map_err(|e| fail(e, "open", path))?;
    let fd = open_fd(&c, flags, 0o666).map_err(|e| fail(e, "open", path))?;
    let result = regular_file_size(fd).map_err(|e| fail_fd(e, "fstat")).and_then(|size| {
        if size > MAX_WHOLE_FILE {
            return Err(ThrowError::range_error(
                "ERR_FS_FILE_TOO_LARGE",
                format!("File size ({size}) is greater than 2 GiB"),
            ));
        }
        read_fd_to_end(fd, size).map_err(|e| fail_fd(e, "read"))
    });
    // SAFETY: `fd` was opened above and is closed once.
    unsafe { libc::close(fd) };
    result
}

/// The size of the regular file open as `fd`; 0 for anything else (pipes, devices).
fn regular_file_size(fd: i32) -> Result<usize, i32> {
    // SAFETY: `stat` is plain data that fstat fills in.
    let mut stat: libc::stat = unsafe { std::mem::zeroed() };
    // SAFETY: `stat` is a valid, writable `struct stat`.
    check(unsafe { libc::fstat(fd, &mut stat) })?;
    let regular = stat.st_mode & libc::S_IFMT == libc::S_IFREG;
    Ok(if regular { stat.st_size.max(0) as usize } else { 0 })
}

/// Reads `fd` from its current offset to the end. A regular file's buffer is allocated at
/// its `expected` size exactly (never regrown once full: a small probe read confirms the
/// end), which keeps big reads off fresh mappings and their page faults.
fn read_fd_to_end(fd: i32, expected: usize) -> Result<Vec<u8>, i32> {
    let mut bytes = vec![0u8; expected];
    let mut filled = 0;
    while filled < bytes.len() {
        let n = read_into(fd, &mut bytes[filled..], -1)?;
        if n == 0 {
            bytes.truncate(filled);
            return Ok(bytes);
        }
        filled += n;
    }
    // The file may have grown, or have no size (pipes, /proc): read on until EOF.
    let mut probe = [0u8; 16384];
    loop {
        let n = read_into(fd, &mut probe, -1)?;
        if n == 0 {
            return Ok(bytes);
        }
        bytes.extend_from_slice(&probe[..n]);
    }
}

/// `read(fd, buffer, offset, length, position)` → bytes read into `buffer` in place.
pub(super) fn read_sync(ctx: &mut dyn OpCtx) -> OpResult {
    let fd: i32 = ctx.arg(0, "fd")?;
    let offset: u32 = ctx.arg(2, "offset")?;
    let length: u32 = ctx.arg(3, "length")?;
    let position = arg_position(ctx, 4)?;
    let buffer = arg_buffer(ctx, 1)?;
    let range = buffer
        .get_mut(offset as usize..offset as usize + length as usize)
        .ok_or_else(|| ThrowError::range_error("ERR_OUT_OF_RANGE", "read out of range"))?;
    read_into(fd, range, position).map(HostValue::from).map_err(|e| fail_fd(e, "read"))
}

/// `readAsync(fd, length, position)` → request id; settles with the bytes read.
pub(super) fn read_async(ctx: &mut dyn OpCtx) -> OpResult {
    let fd: i32 = ctx.arg(0, "fd")?;
    let length: u32 = ctx.arg(1, "length")?;
    let position = arg_position(ctx, 2)?;
    async_op::spawn(ctx, move || {
        let mut bytes = vec![0u8; length as usize];
        let n = read_into(fd, &mut bytes, position).map_err(|e| fail_fd(e, "read"))?;
        bytes.truncate(n);
        Ok(HostValue::Bytes(bytes))
    })
}

/// `write(fd, data, position)` → bytes written, from the caller's buffer in place.
pub(super) fn write_sync(ctx: &mut dyn OpCtx) -> OpResult {
    let fd: i32 = ctx.arg(0, "fd")?;
    let position = arg_position(ctx, 2)?;
    let data = arg_buffer(ctx, 1)?;
    write_from(fd, data, position).map(HostValue::from).map_err(|e| fail_fd(e, "write"))
}

/// `writeAsync(fd, data, position)` → request id; settles with the bytes written.
pub(super) fn write_async(ctx: &mut dyn OpCtx) -> OpResult {
    let fd: i32 = ctx.arg(0, "fd")?;
    let position = arg_position(ctx, 2)?;
    let data = arg_buffer(ctx, 1)?.to_vec();
    async_op::spawn(ctx, move || {
        write_from(fd, &data, position).map(HostValue::from).map_err(|e| fail_fd(e, "write"))
    })
}

/// Opens `path`, writes all of `data`, closes it.
fn write_whole(path: &str, data: &[u8], flags: i32, mode: u32) -> AsyncResult {
    let c = c_path(path).map_err(|e| fail(e, "open", path))?;
    let fd = open_fd(&c, flags, mode).map_err(|e| fail(e, "open", path))?;
    let result = write_all_at(fd, data, -1);
    // SAFETY: `fd` was opened above and is closed once.
    let closed = check(unsafe { libc::close(fd) });
    result.map_err(|e| fail_fd(e, "write"))?;
    closed.map_err(|e| fail_fd(e, "close"))?;
    done()
}

/// `writeFile(path, data, flags, mode)`: the whole file from the caller's buffer in place.
pub(super) fn write_file_sync(ctx: &mut dyn OpCtx) -> OpResult {
    let path: String = ctx.arg(0, "path")?;
    let flags: i32 = ctx.arg(2, "flags")?;
    let mode: u32 = ctx.arg(3, "mode")?;
    let data = arg_buffer(ctx, 1)?;
    write_whole(&path, data, flags, mode)
}

/// `writeFileAsync(path, data, flags, mode)` → request id; writes a copy of `data`.
pub(super) fn write_file_async(ctx: &mut dyn OpCtx) -> OpResult {
    let path: String = ctx.arg(0, "path")?;
    let flags: i32 = ctx.arg(2, "flags")?;
    let mode: u32 = ctx.arg(3, "mode")?;
    let data = arg_buffer(ctx, 1)?.to_vec();
    async_op::spawn(ctx, move || write_whole(&path, &data, flags, mode))
}

/// Writes all of `data` to a descriptor for stdio: 1 and 2 go through Rust's locked
/// handles (so they interleave with the runtime's own output), others straight to the fd.
fn write_stdio(fd: i32, data: &[u8]) -> Result<(), ThrowError> {
    let result = match fd {
        1 => {
            let mut out = std::io::stdout().lock();
            out.write_all(data).and_then(|_| out.flush())
        }
        2 => std::io::stderr().lock().write_all(data),
        _ => write_all_at(fd, data, -1).map_err(std::io::Error::from_raw_os_error),
    };
    // A closed pipe reader (`oxnode x.js | head`) is EPIPE, as in Node: the stream emits it
    // as 'error', so a program that keeps writing stops instead of spinning forever.
    result.map_err(|e| uv_error(&e, "write", None))
}

/// `writeString(fd, text)` → bytes written (stdio's path for strings).
pub(super) fn write_stdio_string(ctx: &mut dyn OpCtx) -> OpResult {
    let fd: i32 = ctx.arg(0, "fd")?;
    let text: String = ctx.arg(1, "buffer")?;
    write_stdio(fd, text.as_bytes())?;
    Ok(text.len().into())
}

/// `writeBuffer(fd, bytes)` → bytes written (stdio's path for buffers).
pub(super) fn write_stdio_buffer(ctx: &mut dyn OpCtx) -> OpResult {
    let fd: i32 = ctx.arg(0, "fd")?;
    let data = arg_buffer(ctx, 1)?;
    write_stdio(fd, data)?;
    Ok(data.len().into())
}
