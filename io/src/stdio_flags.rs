//! The file status flags of the process's stdio, saved at start and put back at exit, as
//! Node's `ResetStdio` does: a pipe read by the loop is switched to O_NONBLOCK, and the
//! process that shares it after us (a shell, a sibling in a pipeline) must not inherit that.

/// The flags of fds 0–2 as they were when [`StdioFlags::save`] ran (-1: not open).
#[derive(Debug, Clone, Copy)]
pub struct StdioFlags([libc::c_int; 3]);

impl StdioFlags {
    /// Reads the current flags of fds 0–2.
    pub fn save() -> StdioFlags {
        // SAFETY: F_GETFL has no memory effects.
        StdioFlags([0, 1, 2].map(|fd| unsafe { libc::fcntl(fd, libc::F_GETFL) }))
    }

    /// Puts back the O_NONBLOCK bit of each fd that was open when saved.
    pub fn restore(&self) {
        for (fd, saved) in self.0.iter().enumerate() {
            if *saved < 0 {
                continue;
            }
            // SAFETY: F_GETFL/F_SETFL have no memory effects.
            unsafe {
                let now = libc::fcntl(fd as libc::c_int, libc::F_GETFL);
                if now >= 0 && (now ^ saved) & libc::O_NONBLOCK != 0 {
                    libc::fcntl(fd as libc::c_int, libc::F_SETFL, now ^ libc::O_NONBLOCK);
                }
            }
        }
    }
}
