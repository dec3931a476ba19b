//! The event loop: libuv's `uv_run` order on a tokio current-thread runtime.
//!
//! The loop owns no JS. It keeps the facts that decide what runs next — the one timer the
//! JS timer lists ask for, whether immediates are queued, how many ref'd handles and
//! in-flight requests keep the process alive — and calls a [`LoopDriver`] (the runtime,
//! which calls into JS) for each phase, in Node's order:
//!
//! timers → pending → poll (I/O completions, socket events and caught signals, waiting at
//! most until the next timer) → check (`setImmediate`) → close, and again while anything
//! ref'd is left. Sockets live in the loop's handle table (`handles`), driven by readiness
//! on the loop's own thread.
//!
//! Ops reach the loop through a cloneable [`LoopHandle`]; work that would block runs on the
//! blocking pool (sized by `UV_THREADPOOL_SIZE`, default 4) and comes back as a
//! [`Completion`] in the poll phase.

mod handle;
mod handles;
mod signal;
mod tokio_loop;

pub use handle::{Completion, Executor, Job, LoopHandle, Task};
pub use handles::{
    ChildStdio, HandleId, IoEvent, MulticastInterface, SpawnedChild, TlsStart, UdpBind, UdpOption,
    WriteStatus,
};
pub use tokio_loop::TokioLoop;

/// What the loop calls back into, once per phase that has work. Each method returns
/// `false` to stop the loop at once (the process is exiting).
pub trait LoopDriver {
    /// Timers phase: the timer fell due at loop time `now` (ms).
    fn timers(&mut self, now: f64) -> bool;
    /// Poll phase: a request finished.
    fn completion(&mut self, completion: Completion) -> bool;
    /// Poll phase: what happened to sockets and servers since the last poll, in one batch.
    fn io_events(&mut self, events: Vec<IoEvent>) -> bool {
        let _ = events;
        true
    }
    /// Check phase: immediates are queued.
    fn check(&mut self) -> bool;
    /// Poll phase: watched signal `signo` arrived (see [`LoopHandle::watch_signal`]).
    fn signal(&mut self, signo: i32) -> bool {
        let _ = signo;
        true
    }
}

/// An event loop implementation: a source of [`LoopHandle`]s and the runner of phases.
pub trait EventLoop {
    /// A handle ops use to schedule timers, keep the loop alive and submit work.
    fn handle(&self) -> LoopHandle;
    /// Runs phases until nothing ref'd is left or the driver says stop; returns `false` if
    /// stopped by the driver.
    fn run(&mut self, driver: &mut dyn LoopDriver) -> bool;
}
