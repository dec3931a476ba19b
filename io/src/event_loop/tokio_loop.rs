//! [`TokioLoop`]: the default [`EventLoop`], a current-thread tokio runtime whose blocking
//! pool plays libuv's thread pool.

use std::cell::RefCell;
use std::rc::Rc;
use std::sync::Arc;
use std::task::{Context, Poll};
use std::time::Duration;

use tokio::sync::mpsc;

use super::handle::{Job, LoopState, Task};
use super::{signal, Completion, EventLoop, Executor, IoEvent, LoopDriver, LoopHandle};

/// libuv's default thread-pool size.
const DEFAULT_POOL_SIZE: usize = 4;
/// libuv's ceiling for `UV_THREADPOOL_SIZE`.
const MAX_POOL_SIZE: usize = 1024;

/// What wakes the loop's poll: a finished request, or a signal that arrived.
enum LoopEvent {
    Completion(Completion),
    Signal,
}

struct TokioExecutor {
    runtime: tokio::runtime::Handle,
    completions: mpsc::UnboundedSender<LoopEvent>,
}

impl Executor for TokioExecutor {
    fn spawn_blocking(&self, id: u64, job: Job) {
        let completions = self.completions.clone();
        self.runtime.spawn_blocking(move || {
            let result = job();
            // The receiver lives as long as the loop; a send after it is gone has no reader.
            let _ = completions.send(LoopEvent::Completion(Completion { id, result }));
        });
    }

    fn spawn_task(&self, id: u64, task: Task) {
        let completions = self.completions.clone();
        self.runtime.spawn(async move {
            let result = task.await;
            // As for jobs: no receiver means the loop is gone.
            let _ = completions.send(LoopEvent::Completion(Completion { id, result }));
        });
    }

    fn watch_signal(&self, signo: i32, watch: bool) -> std::io::Result<()> {
        if watch {
            let events = self.completions.clone();
            signal::set_waker(Box::new(move || {
                // A closed channel means the loop is gone: nobody is left to wake.
                let _ = events.send(LoopEvent::Signal);
            }));
        }
        signal::watch(signo, watch)
    }
}

/// The default event loop.
pub struct TokioLoop {
    runtime: tokio::runtime::Runtime,
    completions: mpsc::UnboundedReceiver<LoopEvent>,
    handle: LoopHandle,
}

impl TokioLoop {
    /// A loop whose blocking pool has `UV_THREADPOOL_SIZE` threads (default 4).
    pub fn new() -> std::io::Result<Self> {
        let pool = std::env::var("UV_THREADPOOL_SIZE")
            .ok()
            .and_then(|v| v.trim().parse::<usize>().ok())
            .filter(|n| *n > 0)
            .map_or(DEFAULT_POOL_SIZE, |n| n.min(MAX_POOL_SIZE));
        Self::with_pool_size(pool)
    }

    /// A loop with a blocking pool of `threads` threads.
    pub fn with_pool_size(threads: usize) -> std::io::Result<Self> {
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_time()
            // Sockets, and the DNS and TLS backends on top of them, need the I/O driver.
            .enable_io()
            .max_blocking_threads(threads.max(1))
            .build()?;
        let (sender, completions) = mpsc::unbounded_channel();
        let executor =
            Arc::new(TokioExecutor { runtime: runtime.handle().clone(), completions: sender });
        let mut state = LoopState::new();
        state.reactor = Some(runtime.handle().clone());
        let handle = LoopHandle { state: Rc::new(RefCell::new(state)), executor };
        Ok(TokioLoop { runtime, completions, handle })
    }

    /// Waits up to `timeout` (forever if `None`) for completions or socket readiness, then
    /// takes everything that is ready: finished requests, and the handles' events.
    ///
    /// The wait runs inside the runtime (`block_on`), so the I/O driver and timers advance
    /// even with a zero timeout; a zero timeout polls once with a no-op waker.
    fn poll(&mut self, timeout: Option<Duration>) -> (Vec<Completion>, Vec<IoEvent>) {
        let state = self.handle.state.clone();
        let receiver = &mut self.completions;
        let mut ready: Vec<Completion> = Vec::new();
        let mut events: Vec<IoEvent> = Vec::new();
        // Takes what is ready; true if anything was.
        let mut gather = |cx: &mut Context<'_>| {
            while let Poll::Ready(Some(event)) = receiver.poll_recv(cx) {
                if let LoopEvent::Completion(completion) = event {
                    ready.push(completion);
                }
            }
            state.borrow_mut().handles.poll(cx, &mut events);
            !ready.is_empty() || !events.is_empty()
        };
        match timeout {
            Some(t) if t.is_zero() => self.runtime.block_on(async {
                // One yield lets the runtime turn its I/O driver (epoll, no wait) and run
                // its tasks, so sockets make progress while immediates keep poll at zero.
                tokio::task::yield_now().await;
                std::future::poll_fn(|_| {
                    gather(&mut Context::from_waker(std::task::Waker::noop()));
                    Poll::Ready(())
                })
                .await
            }),
            _ => {
                let wait = std::future::poll_fn(|cx| {
                    if gather(cx) || signal::has_pending() {
                        Poll::Ready(())
                    } else {
                        Poll::Pending
                    }
                });
                match timeout {
                    Some(t) => {
                        let _ =
                            self.runtime.block_on(async { tokio::time::timeout(t, wait).await });
                    }
                    None => self.runtime.block_on(wait),
                }
            }
        }
        (ready, events)
    }

    /// How long poll may block: not at all if immediates wait or the loop is stopping,
    /// until the timer if one is armed, else until I/O.
    fn poll_timeout(&self) -> Option<Duration> {
        let state = self.handle.state.borrow();
        if state.stop || state.immediate_pending || state.handles.has_ready_events() {
            return Some(Duration::ZERO);
        }
        if !state.alive() {
            // Nothing ref'd is left (an unref'd timer may still be armed): don't wait for it.
            return Some(Duration::ZERO);
        }
        state.timer_due.map(|due| Duration::from_millis((due - state.now_ms).max(0.0) as u64))
    }
}

impl EventLoop for TokioLoop {
    fn handle(&self) -> LoopHandle {
        self.handle.clone()
    }

    fn run(&mut self, driver: &mut dyn LoopDriver) -> bool {
        let state = self.handle.state.clone();
        state.borrow_mut().stop = false;
        let mut alive = state.borrow().alive();
        if !alive {
            state.borrow_mut().update_time();
        }
        while alive && !state.borrow().stop {
            state.borrow_mut().update_time();

            let (now, due) = {
                let s = state.borrow();
                (s.now_ms, s.timer_due)
            };
            if due.is_some_and(|due| due <= now) && !driver.timers(now) {
                return false;
            }

            let timeout = self.poll_timeout();
            let (completions, events) = self.poll(timeout);
            for completion in completions {
                {
                    let mut s = state.borrow_mut();
                    s.pending_requests = s.pending_requests.saturating_sub(1);
                }
                if !driver.completion(completion) {
                    return false;
                }
            }
            if !events.is_empty() && !driver.io_events(events) {
                return false;
            }
            for signo in signal::take_pending() {
                if !driver.signal(signo) {
                    return false;
                }
            }

            if state.borrow().immediate_pending && !driver.check() {
                return false;
            }

            // Close phase: handles closed during this turn report it now, as libuv's
            // closing handles do before the next turn.
            let closing = state.borrow_mut().handles.take_closing();
            if !closing.is_empty() && !driver.io_events(closing) {
                return false;
            }

            alive = state.borrow().alive();
        }
        true
    }
}
