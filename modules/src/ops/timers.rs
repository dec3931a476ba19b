//! `internalBinding('timers')`: the one loop timer the JS timer lists drive, and the flags
//! that tell the loop whether immediates are queued (Node's `timers` binding).

use engine::{HostValue, Op, OpCtx, OpResult};
use io::LoopHandle;

pub(super) const OPS: &[Op] = &[
    Op { binding: "timers", name: "getLibuvNow", func: get_libuv_now },
    Op { binding: "timers", name: "scheduleTimer", func: schedule_timer },
    Op { binding: "timers", name: "toggleTimerRef", func: toggle_timer_ref },
    Op { binding: "timers", name: "setImmediateInfo", func: set_immediate_info },
];

fn handle(ctx: &mut dyn OpCtx) -> LoopHandle {
    ctx.state().get::<LoopHandle>().cloned().expect("the runtime puts a LoopHandle in the op state")
}

/// The loop's time, refreshed first (Node's `GetNow` updates libuv's clock too).
fn get_libuv_now(ctx: &mut dyn OpCtx) -> OpResult {
    let loop_handle = handle(ctx);
    loop_handle.update_time();
    Ok(loop_handle.now().into())
}

/// Arms the loop timer `ms` from the loop's now; a negative or missing delay disarms it.
fn schedule_timer(ctx: &mut dyn OpCtx) -> OpResult {
    let loop_handle = handle(ctx);
    match ctx.arg_number(0).filter(|ms| ms.is_finite() && *ms >= 0.0) {
        Some(ms) => loop_handle.schedule_timer(Some(loop_handle.now() + ms.max(1.0))),
        None => loop_handle.schedule_timer(None),
    }
    Ok(HostValue::Undefined)
}

fn toggle_timer_ref(ctx: &mut dyn OpCtx) -> OpResult {
    let refed = ctx.arg_truthy(0);
    handle(ctx).set_timer_ref(refed);
    Ok(HostValue::Undefined)
}

/// `(pendingCount, refCount)`: how many immediates are queued and how many are ref'd.
fn set_immediate_info(ctx: &mut dyn OpCtx) -> OpResult {
    let pending = ctx.arg_number(0).unwrap_or(0.0) > 0.0;
    let refed = ctx.arg_number(1).unwrap_or(0.0) > 0.0;
    handle(ctx).set_immediates(pending, refed);
    Ok(HostValue::Undefined)
}
