//! Signal watching, libuv's `uv_signal_t`: a process-wide handler records which signals
//! arrived and wakes the loop through a self-pipe; the loop then hands each one to its
//! driver. Watching a signal replaces its action; unwatching restores the default one.
//!
//! The handler only does async-signal-safe work: an atomic OR into a bitmask and one
//! `write(2)` to a non-blocking pipe. A reader thread turns pipe bytes into loop wake-ups.

use std::io;
use std::sync::atomic::{AtomicI32, AtomicU64, Ordering};
use std::sync::Mutex;

/// The signals that arrived and are not yet delivered, one bit per signal number.
static PENDING: AtomicU64 = AtomicU64::new(0);
/// The pipe end the handler writes to (-1 until the first signal is watched).
static WAKE_FD: AtomicI32 = AtomicI32::new(-1);
/// Wakes the loop that watches signals.
type Waker = Box<dyn Fn() + Send>;
/// What the reader thread calls on every wake-up.
static WAKER: Mutex<Option<Waker>> = Mutex::new(None);

/// Signals a handler may not be installed for (as libuv refuses them).
fn is_watchable(signo: i32) -> bool {
    (1..64).contains(&signo) && signo != libc::SIGKILL && signo != libc::SIGSTOP
}

extern "C" fn on_signal(signo: libc::c_int) {
    // SAFETY: errno is thread-local; it is saved and restored around `write`, which is
    // async-signal-safe, as are the atomics.
    unsafe {
        let errno = *libc::__errno_location();
        PENDING.fetch_or(1u64 << signo, Ordering::SeqCst);
        let fd = WAKE_FD.load(Ordering::SeqCst);
        if fd >= 0 {
            let byte = signo as u8;
            libc::write(fd, (&byte as *const u8).cast(), 1);
        }
        *libc::__errno_location() = errno;
    }
}

/// Creates the self-pipe and its reader thread once.
fn ensure_pipe() -> io::Result<()> {
    if WAKE_FD.load(Ordering::SeqCst) >= 0 {
        return Ok(());
    }
    let mut fds = [0 as libc::c_int; 2];
    // SAFETY: `fds` has room for the two descriptors pipe2 writes.
    if unsafe { libc::pipe2(fds.as_mut_ptr(), libc::O_CLOEXEC) } != 0 {
        return Err(io::Error::last_os_error());
    }
    let [read_fd, write_fd] = fds;
    // SAFETY: write_fd was just opened; a non-blocking write end keeps the handler from
    // ever blocking when the pipe is full (the bitmask still records the signal).
    unsafe {
        let flags = libc::fcntl(write_fd, libc::F_GETFL);
        libc::fcntl(write_fd, libc::F_SETFL, flags | libc::O_NONBLOCK);
    }
    std::thread::Builder::new().name("oxnode-signals".into()).spawn(move || {
        let mut buffer = [0u8; 64];
        loop {
            // SAFETY: reads into a buffer of the given size from a descriptor this thread owns.
            let n = unsafe { libc::read(read_fd, buffer.as_mut_ptr().cast(), buffer.len()) };
            if n < 0 && io::Error::last_os_error().kind() == io::ErrorKind::Interrupted {
                continue;
            }
            if n <= 0 {
                break;
            }
            if let Some(wake) = WAKER.lock().unwrap_or_else(|e| e.into_inner()).as_ref() {
                wake();
            }
        }
    })?;
    WAKE_FD.store(write_fd, Ordering::SeqCst);
    Ok(())
}

/// Sets what wakes the loop when a watched signal arrives.
pub(crate) fn set_waker(wake: Waker) {
    *WAKER.lock().unwrap_or_else(|e| e.into_inner()) = Some(wake);
}

/// Starts (`watch`) or stops catching `signo`; stopping restores the default action, as
/// libuv does (so a SIGPIPE once watched is no longer ignored).
pub(crate) fn watch(signo: i32, watch: bool) -> io::Result<()> {
    if !is_watchable(signo) {
        return Err(io::Error::from_raw_os_error(libc::EINVAL));
    }
    if watch {
        ensure_pipe()?;
    }
    // SAFETY: a zeroed sigaction is a valid starting point; the handler is an
    // `extern "C" fn(c_int)` as SA_SIGINFO is not set.
    unsafe {
        let mut action: libc::sigaction = std::mem::zeroed();
        action.sa_sigaction =
            if watch { on_signal as extern "C" fn(libc::c_int) as usize } else { libc::SIG_DFL };
        action.sa_flags = libc::SA_RESTART;
        libc::sigfillset(&mut action.sa_mask);
        if libc::sigaction(signo, &action, std::ptr::null_mut()) != 0 {
            return Err(io::Error::last_os_error());
        }
    }
    Ok(())
}

/// The signals that arrived since the last call, lowest number first.
pub(crate) fn take_pending() -> Vec<i32> {
    let bits = PENDING.swap(0, Ordering::SeqCst);
    (1..64).filter(|signo| bits & (1u64 << signo) != 0).collect()
}

/// Whether a caught signal waits to be handed to the driver.
pub(crate) fn has_pending() -> bool {
    PENDING.load(Ordering::SeqCst) != 0
}
