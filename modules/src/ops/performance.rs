//! `internalBinding('performance')`: the clock behind `performance.now()` and
//! `performance.timeOrigin` — a monotonic high-resolution clock in milliseconds from one
//! origin, and the wall-clock time of that origin.

use std::sync::OnceLock;
use std::time::{Instant, SystemTime, UNIX_EPOCH};

use engine::{Op, OpCtx, OpResult};

/// The time origin: a monotonic instant and the Unix time in milliseconds at that instant.
/// Set by the first call, which the bootstrap makes while the process starts.
static ORIGIN: OnceLock<(Instant, f64)> = OnceLock::new();

fn origin() -> &'static (Instant, f64) {
    ORIGIN.get_or_init(|| {
        let wall = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map(|d| d.as_secs_f64() * 1000.0)
            .unwrap_or(0.0);
        (Instant::now(), wall)
    })
}

pub(super) const OPS: &[Op] = &[
    Op { binding: "performance", name: "now", func: now },
    Op { binding: "performance", name: "timeOrigin", func: time_origin },
];

/// Milliseconds since the time origin, with sub-millisecond precision.
fn now(_ctx: &mut dyn OpCtx) -> OpResult {
    Ok((origin().0.elapsed().as_secs_f64() * 1000.0).into())
}

/// The Unix time of the origin in milliseconds (`performance.timeOrigin`).
fn time_origin(_ctx: &mut dyn OpCtx) -> OpResult {
    Ok(origin().1.into())
}
