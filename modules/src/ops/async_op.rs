//! Asynchronous ops: work that would block runs on the loop's blocking pool and comes
//! back in the poll phase, where JS settles the request by id.
//!
//! An async op validates and copies its arguments on the JS thread, then calls [`spawn`]
//! with a job; JS receives a request id at once and is called back through the
//! `completion` hook (see `internal/async_ops.js`) with `(id, error, value)`. The job's
//! [`ThrowError`] travels as a plain object (`{ class, message, ...props }`), from which JS
//! builds a Node-shaped error.

use engine::{ErrorClass, HostValue, OpCtx, OpResult, ThrowError};
use io::LoopHandle;

/// What a job returns: a value for JS, or the error to pass to its callback.
pub type AsyncResult = Result<HostValue, ThrowError>;

/// The realm's next request id.
#[derive(Default)]
struct NextRequestId(u64);

/// Submits `job` to the blocking pool; returns the request id JS waits on.
pub fn spawn(ctx: &mut dyn OpCtx, job: impl FnOnce() -> AsyncResult + Send + 'static) -> OpResult {
    let id = next_request_id(ctx);
    let handle = loop_handle(ctx)?;
    handle.spawn_blocking(id, Box::new(move || Box::new(job()) as Box<dyn std::any::Any + Send>));
    Ok(HostValue::Number(id as f64))
}

/// Runs `task` (work that waits on I/O, such as a DNS query) on the loop's runtime; returns
/// the request id JS waits on, settled like a pool job's.
pub fn spawn_task(
    ctx: &mut dyn OpCtx,
    task: impl std::future::Future<Output = AsyncResult> + Send + 'static,
) -> OpResult {
    let id = next_request_id(ctx);
    let handle = loop_handle(ctx)?;
    handle.spawn_task(
        id,
        Box::pin(async move { Box::new(task.await) as Box<dyn std::any::Any + Send> }),
    );
    Ok(HostValue::Number(id as f64))
}

fn next_request_id(ctx: &mut dyn OpCtx) -> u64 {
    let next = ctx.state().get_or_default::<NextRequestId>();
    next.0 += 1;
    next.0
}

fn loop_handle(ctx: &mut dyn OpCtx) -> Result<LoopHandle, ThrowError> {
    ctx.state().get::<LoopHandle>().cloned().ok_or_else(|| ThrowError::error("no event loop"))
}

/// The arguments of the JS `completion` hook for a finished job: `[id, error, value]`.
pub fn completion_args(id: u64, result: Box<dyn std::any::Any + Send>) -> Option<Vec<HostValue>> {
    let result = *result.downcast::<AsyncResult>().ok()?;
    let (error, value) = match result {
        Ok(value) => (HostValue::Null, value),
        Err(error) => (error_object(error), HostValue::Undefined),
    };
    Some(vec![HostValue::Number(id as f64), error, value])
}

fn error_object(error: ThrowError) -> HostValue {
    let class = match error.class {
        ErrorClass::Error => "Error",
        ErrorClass::TypeError => "TypeError",
        ErrorClass::RangeError => "RangeError",
        ErrorClass::SyntaxError => "SyntaxError",
    };
    let mut props =
        vec![("class".to_owned(), class.into()), ("message".to_owned(), error.message.into())];
    props.extend(error.props);
    HostValue::Object(props)
}
