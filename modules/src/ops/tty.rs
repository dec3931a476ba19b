//! `internalBinding('tty_wrap')`: whether an fd is a terminal, its size, and raw mode.

use engine::{HostValue, Op, OpCtx, OpResult, ThrowError};

pub(super) const OPS: &[Op] = &[
    Op { binding: "tty_wrap", name: "isTTY", func: is_tty },
    Op { binding: "tty_wrap", name: "getWindowSize", func: get_window_size },
    Op { binding: "tty_wrap", name: "setRawMode", func: set_raw_mode },
    Op { binding: "tty_wrap", name: "guessHandleType", func: guess_handle_type },
];

fn fd_terminal(fd: i32) -> bool {
    // SAFETY: isatty only inspects the descriptor; an invalid fd yields 0.
    fd >= 0 && unsafe { libc::isatty(fd) } == 1
}

fn is_tty(ctx: &mut dyn OpCtx) -> OpResult {
    let fd: i32 = ctx.arg(0, "fd")?;
    Ok(fd_terminal(fd).into())
}

/// `guessHandleType(fd)`: what libuv's `uv_guess_handle` says `fd` is: `'TTY'`, `'FILE'`,
/// `'PIPE'` (FIFOs and sockets) or `'UNKNOWN'` (including a closed fd).
fn guess_handle_type(ctx: &mut dyn OpCtx) -> OpResult {
    let fd: i32 = ctx.arg(0, "fd")?;
    if fd < 0 {
        return Ok("UNKNOWN".into());
    }
    if fd_terminal(fd) {
        return Ok("TTY".into());
    }
    // SAFETY: an all-zero stat is a valid value for fstat to overwrite.
    let mut stat: libc::stat = unsafe { std::mem::zeroed() };
    // SAFETY: fstat writes one stat into the struct we own.
    if unsafe { libc::fstat(fd, &mut stat) } != 0 {
        return Ok("UNKNOWN".into());
    }
    let kind = match stat.st_mode & libc::S_IFMT {
        libc::S_IFREG | libc::S_IFCHR => "FILE",
        libc::S_IFIFO => "PIPE",
        libc::S_IFSOCK => socket_type(fd),
        _ => "UNKNOWN",
    };
    Ok(kind.into())
}

/// libuv's name for a socket: TCP for an IPv4/IPv6 stream, UDP for a datagram socket, PIPE
/// for a Unix-domain stream.
fn socket_type(fd: i32) -> &'static str {
    let option = |name: libc::c_int| {
        let mut value: libc::c_int = 0;
        let mut len = std::mem::size_of::<libc::c_int>() as libc::socklen_t;
        // SAFETY: getsockopt writes at most `len` bytes into `value`.
        let ok = unsafe {
            libc::getsockopt(fd, libc::SOL_SOCKET, name, (&mut value as *mut i32).cast(), &mut len)
        } == 0;
        ok.then_some(value)
    };
    match (option(libc::SO_DOMAIN), option(libc::SO_TYPE)) {
        (Some(libc::AF_UNIX), Some(libc::SOCK_STREAM)) => "PIPE",
        (Some(libc::AF_INET | libc::AF_INET6), Some(libc::SOCK_STREAM)) => "TCP",
        (Some(libc::AF_INET | libc::AF_INET6), Some(libc::SOCK_DGRAM)) => "UDP",
        _ => "UNKNOWN",
    }
}

/// `[columns, rows]` of the terminal on `fd`: the kernel's size (TIOCGWINSZ), else
/// `COLUMNS`/`LINES`, else 80x24; undefined when `fd` is not a terminal.
fn get_window_size(ctx: &mut dyn OpCtx) -> OpResult {
    let fd: i32 = ctx.arg(0, "fd")?;
    if !fd_terminal(fd) {
        return Ok(HostValue::Undefined);
    }
    let mut size = libc::winsize { ws_row: 0, ws_col: 0, ws_xpixel: 0, ws_ypixel: 0 };
    // SAFETY: TIOCGWINSZ writes one `winsize` into the struct we own.
    let ok = unsafe { libc::ioctl(fd, libc::TIOCGWINSZ, &mut size) } == 0;
    if ok && size.ws_col > 0 && size.ws_row > 0 {
        return Ok(HostValue::Array(vec![
            u32::from(size.ws_col).into(),
            u32::from(size.ws_row).into(),
        ]));
    }
    let read = |name: &str, default: u32| {
        std::env::var(name).ok().and_then(|v| v.parse::<u32>().ok()).unwrap_or(default)
    };
    Ok(HostValue::Array(vec![read("COLUMNS", 80).into(), read("LINES", 24).into()]))
}

/// The terminal settings each fd had before raw mode, restored when raw mode ends.
#[derive(Default)]
struct SavedModes(Vec<(i32, libc::termios)>);

/// `setRawMode(fd, raw)`: switches the terminal on `fd` into raw mode (as libuv's
/// `UV_TTY_MODE_RAW`) or back to the mode it had before.
fn set_raw_mode(ctx: &mut dyn OpCtx) -> OpResult {
    let fd: i32 = ctx.arg(0, "fd")?;
    let raw = ctx.arg_truthy(1);
    let saved = ctx.state().get_or_default::<SavedModes>();
    let os_error = |syscall: &str| {
        let err = std::io::Error::last_os_error();
        ThrowError::error(format!("{syscall} failed: {err}"))
            .with("errno", -(err.raw_os_error().unwrap_or(0)))
            .with("syscall", syscall)
    };
    if !raw {
        if let Some(index) = saved.0.iter().position(|(saved_fd, _)| *saved_fd == fd) {
            let (_, original) = saved.0.remove(index);
            // SAFETY: tcsetattr reads the termios we pass.
            if unsafe { libc::tcsetattr(fd, libc::TCSADRAIN, &original) } != 0 {
                return Err(os_error("tcsetattr"));
            }
        }
        return Ok(HostValue::Undefined);
    }
    // SAFETY: an all-zero termios is a valid value for tcgetattr to overwrite.
    let mut original: libc::termios = unsafe { std::mem::zeroed() };
    // SAFETY: tcgetattr writes one termios into the struct we own.
    if unsafe { libc::tcgetattr(fd, &mut original) } != 0 {
        return Err(os_error("tcgetattr"));
    }
    let mut modes = original;
    modes.c_iflag &= !(libc::BRKINT | libc::ICRNL | libc::INPCK | libc::ISTRIP | libc::IXON);
    modes.c_oflag |= libc::ONLCR;
    modes.c_cflag |= libc::CS8;
    modes.c_lflag &= !(libc::ECHO | libc::ICANON | libc::IEXTEN | libc::ISIG);
    modes.c_cc[libc::VMIN] = 1;
    modes.c_cc[libc::VTIME] = 0;
    // SAFETY: tcsetattr reads the termios we pass.
    if unsafe { libc::tcsetattr(fd, libc::TCSADRAIN, &modes) } != 0 {
        return Err(os_error("tcsetattr"));
    }
    if !saved.0.iter().any(|(saved_fd, _)| *saved_fd == fd) {
        saved.0.push((fd, original));
    }
    Ok(HostValue::Undefined)
}
