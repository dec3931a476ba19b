//! `internalBinding('tty_wrap')`: whether an fd is a terminal, and its size.

use engine::{HostValue, Op, OpCtx, OpResult};

pub(super) const OPS: &[Op] = &[
    Op { binding: "tty_wrap", name: "isTTY", func: is_tty },
    Op { binding: "tty_wrap", name: "getWindowSize", func: get_window_size },
];

fn fd_terminal(fd: i32) -> bool {
    use std::io::IsTerminal;
    match fd {
        0 => std::io::stdin().is_terminal(),
        1 => std::io::stdout().is_terminal(),
        2 => std::io::stderr().is_terminal(),
        _ => false,
    }
}

fn is_tty(ctx: &mut dyn OpCtx) -> OpResult {
    let fd: i32 = ctx.arg(0, "fd")?;
    Ok(fd_terminal(fd).into())
}

/// `[columns, rows]` of the terminal on `fd`, from `COLUMNS`/`LINES` or 80x24 when unknown.
fn get_window_size(ctx: &mut dyn OpCtx) -> OpResult {
    let fd: i32 = ctx.arg(0, "fd")?;
    if !fd_terminal(fd) {
        return Ok(HostValue::Undefined);
    }
    let read = |name: &str, default: u32| {
        std::env::var(name).ok().and_then(|v| v.parse::<u32>().ok()).unwrap_or(default)
    };
    Ok(HostValue::Array(vec![read("COLUMNS", 80).into(), read("LINES", 24).into()]))
}
