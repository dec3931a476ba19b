//! Cancellation of in-flight queries: `resolver.cancel()`.
//!
//! c-ares' `ares_cancel` completes every outstanding query of a channel with `ECANCELLED`,
//! and queries started afterwards run normally. That is a *generation* counter: each query
//! remembers the generation it started in and races its work against the counter moving on.
//! A `tokio::sync::watch` channel is that counter with wake-ups, and unlike `Notify` it cannot
//! lose a cancel that happens before the query's future is first polled.

use std::future::Future;
use std::task::Poll;

use tokio::sync::watch;

use super::error::{DnsError, DnsErrorCode};

/// A cloneable, thread-safe handle that cancels every query in flight on its resolver.
#[derive(Debug, Clone)]
pub struct CancelHandle {
    generation: watch::Sender<u64>,
}

impl CancelHandle {
    /// A fresh handle with no queries.
    pub(crate) fn new() -> Self {
        CancelHandle { generation: watch::Sender::new(0) }
    }

    /// Completes every query started before this call with `ECANCELLED`.
    pub fn cancel(&self) {
        self.generation.send_modify(|g| *g = g.wrapping_add(1));
    }

    /// Wraps `work` so that a later [`cancel`](Self::cancel) ends it with `ECANCELLED`
    /// (carrying `syscall` and `hostname`). The generation is captured now, at call time, so
    /// a cancel between this call and the first poll still counts.
    pub(crate) fn guard<T, F>(
        &self,
        syscall: &'static str,
        hostname: String,
        work: F,
    ) -> impl Future<Output = Result<T, DnsError>> + Send + 'static
    where
        F: Future<Output = Result<T, DnsError>> + Send + 'static,
        T: Send + 'static,
    {
        let mut receiver = self.generation.subscribe();
        async move {
            let cancelled = async move {
                if receiver.changed().await.is_err() {
                    // The resolver is gone and can cancel no more: let the work finish.
                    std::future::pending::<()>().await;
                }
            };
            let mut work = std::pin::pin!(work);
            let mut cancelled = std::pin::pin!(cancelled);
            std::future::poll_fn(move |cx| {
                // Prefer a finished answer over a cancel that arrives in the same poll.
                if let Poll::Ready(result) = work.as_mut().poll(cx) {
                    return Poll::Ready(result);
                }
                match cancelled.as_mut().poll(cx) {
                    Poll::Ready(()) => {
                        Poll::Ready(Err(DnsError::new(DnsErrorCode::Cancelled, syscall, &hostname)))
                    }
                    Poll::Pending => Poll::Pending,
                }
            })
            .await
        }
    }
}
