//! `internalBinding('fs')`: the file-system calls behind `fs`, `fs/promises` and the module
//! loader.
//!
//! Each operation is written once, as a plain function over owned arguments (an [`FsOp`]),
//! and [`fs_ops!`] turns it into two ops: `name` runs it on the JS thread (the `*Sync`
//! forms) and `nameAsync` copies the arguments and runs it on the blocking pool, returning a
//! request id that `internal/async_ops` settles (the callback and promise forms). The only
//! hand-written pairs are the calls that move bytes: a synchronous `read`/`write` uses the
//! caller's buffer in place, the asynchronous one a copy, both through the same function.
//!
//! File descriptors are real OS descriptors, as in Node. The calls go to the OS through the
//! `libc` crate: it is already in the workspace (no new dependency), every call reports the
//! raw `errno` that Node's messages are built from, and it has all of what `std::fs` lacks
//! (open flags and modes, `fchmod`, `futimens`, `mkdtemp`, `access`, `fdatasync`). `std::fs`
//! serves where it already does the job (`metadata` via `statx`, `read_dir`, `copy`).

use std::ffi::CString;

use engine::{FromArg, HostValue, Op, OpCtx, OpResult, ThrowError};

use super::async_op::{self, AsyncResult};
use super::errors::uv_errno_error;

/// One fs operation: `parse` reads its arguments on the JS thread, `run` does the work on
/// whichever thread it is given.
trait FsOp {
    /// The owned arguments, sent to the blocking pool for the async form.
    type Args: Send + 'static;
    /// Reads the arguments of the JS call.
    fn parse(ctx: &mut dyn OpCtx) -> Result<Self::Args, ThrowError>;
    /// Performs the operation.
    fn run(args: Self::Args) -> AsyncResult;
}

/// The synchronous op of `F`: runs it now.
fn sync_op<F: FsOp>(ctx: &mut dyn OpCtx) -> OpResult {
    F::run(F::parse(ctx)?)
}

/// The asynchronous op of `F`: runs it on the blocking pool and returns the request id.
fn async_op<F: FsOp>(ctx: &mut dyn OpCtx) -> OpResult {
    let args = F::parse(ctx)?;
    async_op::spawn(ctx, move || F::run(args))
}

/// Declares an [`FsOp`] named `$op` whose arguments are read in order with
/// `ctx.arg::<T>(i, name)` and bound to the names the body uses.
macro_rules! fs_op {
    ($(#[$doc:meta])* $op:ident($($arg:ident: $ty:ty),* $(,)?) $body:block) => {
        $(#[$doc])*
        pub(super) struct $op;
        impl super::FsOp for $op {
            type Args = ($($ty,)*);
            #[allow(unused_variables, unused_mut, unused_assignments)]
            fn parse(ctx: &mut dyn engine::OpCtx) -> Result<Self::Args, engine::ThrowError> {
                let mut index = 0;
                Ok(($({
                    let value = ctx.arg::<$ty>(index, stringify!($arg))?;
                    index += 1;
                    value
                },)*))
            }
            fn run(($($arg,)*): Self::Args) -> super::AsyncResult $body
        }
    };
}

mod dir;
mod file;
mod paths;
mod stat;

/// The op table: `"name" => FsOp` gives `name` and `nameAsync`; `"name": fn` one plain op.
macro_rules! fs_ops {
    ($($name:literal => $op:ty),* ; $($plain:literal : $func:path),* $(,)?) => {
        pub(super) const OPS: &[Op] = &[
            $(
                Op { binding: "fs", name: $name, func: sync_op::<$op> },
                Op { binding: "fs", name: concat!($name, "Async"), func: async_op::<$op> },
            )*
            $(Op { binding: "fs", name: $plain, func: $func },)*
        ];
    };
}

fs_ops! {
    "open" => file::Open,
    "close" => file::Close,
    "readFile" => file::ReadFile,
    "readFileUtf8" => file::ReadFileUtf8,
    "fsync" => file::Fsync,
    "fdatasync" => file::Fdatasync,
    "ftruncate" => file::Ftruncate,
    "fchmod" => file::Fchmod,
    "fchown" => file::Fchown,
    "futimes" => file::Futimes,
    "stat" => stat::Stat,
    "lstat" => stat::Lstat,
    "fstat" => stat::Fstat,
    "statfs" => stat::Statfs,
    "access" => stat::Access,
    "readdir" => dir::Readdir,
    "mkdir" => dir::Mkdir,
    "mkdtemp" => dir::Mkdtemp,
    "rmdir" => dir::Rmdir,
    "rmTree" => dir::RmTree,
    "unlink" => paths::Unlink,
    "rename" => paths::Rename,
    "copyFile" => paths::CopyFile,
    "link" => paths::Link,
    "symlink" => paths::Symlink,
    "readlink" => paths::Readlink,
    "realpath" => paths::Realpath,
    "chmod" => paths::Chmod,
    "chown" => paths::Chown,
    "lchown" => paths::Lchown,
    "utimes" => paths::Utimes,
    "lutimes" => paths::Lutimes;
    "internalModuleStat": internal_module_stat,
    "read": file::read_sync,
    "readAsync": file::read_async,
    "write": file::write_sync,
    "writeAsync": file::write_async,
    "writeFile": file::write_file_sync,
    "writeFileAsync": file::write_file_async,
    "writeString": file::write_stdio_string,
    "writeBuffer": file::write_stdio_buffer,
}

/// 0 for a file, 1 for a directory, a negative errno otherwise (Node's contract).
fn internal_module_stat(ctx: &mut dyn OpCtx) -> OpResult {
    let path: String = ctx.arg(0, "path")?;
    Ok(match std::fs::metadata(&path) {
        Ok(m) if m.is_dir() => 1.into(),
        Ok(_) => 0.into(),
        Err(e) => (-e.raw_os_error().unwrap_or(2)).into(),
    })
}

/// A failed call's errno, as the OS left it.
fn last_errno() -> i32 {
    std::io::Error::last_os_error().raw_os_error().unwrap_or(0)
}

/// A libc return value: `Ok` unless it is -1, then the errno.
fn check<T: PartialEq + From<i8>>(ret: T) -> Result<T, i32> {
    if ret == T::from(-1) {
        Err(last_errno())
    } else {
        Ok(ret)
    }
}

/// A path for libc; a path with a NUL byte is `EINVAL` (JS rejects those before calling).
fn c_path(path: &str) -> Result<CString, i32> {
    CString::new(path).map_err(|_| libc::EINVAL)
}

/// The Node error for `errno` from `syscall` on `path`.
fn fail(errno: i32, syscall: &str, path: &str) -> ThrowError {
    uv_errno_error(errno, syscall, Some(path), None)
}

/// The Node error for `errno` from `syscall` on a descriptor (no path in the message).
fn fail_fd(errno: i32, syscall: &str) -> ThrowError {
    uv_errno_error(errno, syscall, None, None)
}

/// The Node error for `errno` from a two-path `syscall` (`rename 'a' -> 'b'`).
fn fail2(errno: i32, syscall: &str, path: &str, dest: &str) -> ThrowError {
    uv_errno_error(errno, syscall, Some(path), Some(dest))
}

/// The errno of an `std::io::Error`.
fn errno_of(error: &std::io::Error) -> i32 {
    error.raw_os_error().unwrap_or(libc::EIO)
}

/// A byte-buffer argument, or Node's `ERR_INVALID_ARG_TYPE`.
fn arg_buffer(ctx: &mut dyn OpCtx, i: usize) -> Result<&mut [u8], ThrowError> {
    ctx.arg_bytes(i).ok_or_else(|| {
        ThrowError::type_error(
            "ERR_INVALID_ARG_TYPE",
            "The \"buffer\" argument must be an instance of Buffer, TypedArray, or DataView.",
        )
    })
}

/// A number argument as a file offset: -1 (or null) means "the current position".
fn arg_position(ctx: &mut dyn OpCtx, i: usize) -> Result<i64, ThrowError> {
    Ok(<Option<i64> as FromArg>::from_arg(ctx, i).flatten().unwrap_or(-1))
}

/// `undefined` for JS.
fn done() -> AsyncResult {
    Ok(HostValue::Undefined)
}
