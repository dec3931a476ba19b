//! `internalBinding('fs')`: the file operations the module loader and stdio need now.
//! The full `fs` module builds on this binding.

use std::io::Write;

use engine::{Op, OpCtx, OpResult, ThrowError};

use super::errors::uv_error;

pub(super) const OPS: &[Op] = &[
    Op {
        binding: "fs",
        name: "internalModuleStat",
        func: internal_module_stat,
    },
    Op {
        binding: "fs",
        name: "readFileUtf8",
        func: read_file_utf8,
    },
    Op {
        binding: "fs",
        name: "realpath",
        func: realpath,
    },
    Op {
        binding: "fs",
        name: "writeString",
        func: write_string,
    },
    Op {
        binding: "fs",
        name: "writeBuffer",
        func: write_buffer,
    },
];

/// 0 for a file, 1 for a directory, a negative errno otherwise (Node's contract).
fn internal_module_stat(ctx: &mut dyn OpCtx) -> OpResult {
    let path: String = ctx.arg(0, "path")?;
    Ok(match std::fs::metadata(&path) {
        Ok(m) if m.is_dir() => 1.into(),
        Ok(_) => 0.into(),
        Err(e) => (-e.raw_os_error().unwrap_or(2)).into(),
    })
}

fn read_file_utf8(ctx: &mut dyn OpCtx) -> OpResult {
    let path: String = ctx.arg(0, "path")?;
    let bytes = std::fs::read(&path).map_err(|e| {
        let syscall = if e.raw_os_error() == Some(21) {
            "read"
        } else {
            "open"
        };
        uv_error(&e, syscall, Some(&path))
    })?;
    Ok(String::from_utf8(bytes)
        .unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned())
        .into())
}

fn realpath(ctx: &mut dyn OpCtx) -> OpResult {
    let path: String = ctx.arg(0, "path")?;
    let real = std::fs::canonicalize(&path).map_err(|e| uv_error(&e, "realpath", Some(&path)))?;
    Ok(real.to_string_lossy().into_owned().into())
}

/// Writes all of `data` to fd 1 or 2 (the only fds this binding writes to yet).
fn write_all(fd: i32, data: &[u8]) -> Result<(), ThrowError> {
    let result = match fd {
        1 => {
            let mut out = std::io::stdout().lock();
            out.write_all(data).and_then(|_| out.flush())
        }
        2 => std::io::stderr().lock().write_all(data),
        _ => {
            return Err(ThrowError::error(format!(
                "EBADF: bad file descriptor, write (fd {fd})"
            )))
        }
    };
    match result {
        Ok(()) => Ok(()),
        // A closed pipe reader (`oxnode x.js | head`) is not the writer's failure to report.
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        Err(e) => Err(uv_error(&e, "write", None)),
    }
}

fn write_string(ctx: &mut dyn OpCtx) -> OpResult {
    let fd: i32 = ctx.arg(0, "fd")?;
    let text: String = ctx.arg(1, "buffer")?;
    write_all(fd, text.as_bytes())?;
    Ok(text.len().into())
}

fn write_buffer(ctx: &mut dyn OpCtx) -> OpResult {
    let fd: i32 = ctx.arg(0, "fd")?;
    let data = ctx.arg_bytes(1).ok_or_else(|| {
        ThrowError::type_error(
            "ERR_INVALID_ARG_TYPE",
            "The \"buffer\" argument must be an instance of Buffer, TypedArray, or DataView.",
        )
    })?;
    write_all(fd, data)?;
    Ok(data.len().into())
}
