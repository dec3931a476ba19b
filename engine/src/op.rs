//! Ops: plain Rust functions that JS reaches through `internalBinding(name).fn(...)`.
//!
//! An op reads its arguments through [`OpCtx`], the one interface every engine implements,
//! so the same function serves V8 and any other engine. Conversions follow the engine's
//! own rules (a string argument is `ToString`-converted only where JS would; ops validate
//! in JS first, the way Node's lib does before it calls its bindings).

use crate::{HostValue, OpState, ThrowError};

/// What an op returns: a value for JS, or an exception to throw.
pub type OpResult = Result<HostValue, ThrowError>;

/// A native function exposed to JS as `internalBinding(binding)[name]`.
#[derive(Clone, Copy)]
pub struct Op {
    /// The binding object it belongs to (`'fs'`, `'process_methods'`, …).
    pub binding: &'static str,
    /// Its property name on that object.
    pub name: &'static str,
    /// The function itself.
    pub func: fn(&mut dyn OpCtx) -> OpResult,
}

/// The arguments of one op call, and the realm state the op may touch.
pub trait OpCtx {
    /// How many arguments JS passed.
    fn arg_count(&self) -> usize;
    /// Argument `i` as a number, if it is one.
    fn arg_number(&mut self, i: usize) -> Option<f64>;
    /// Argument `i` as a string, if it is one.
    fn arg_string(&mut self, i: usize) -> Option<String>;
    /// Argument `i` by JS truthiness.
    fn arg_truthy(&mut self, i: usize) -> bool;
    /// Argument `i` is `undefined` or `null` (or missing).
    fn arg_is_nullish(&mut self, i: usize) -> bool;
    /// Argument `i` as the bytes of an ArrayBuffer or ArrayBufferView, without a copy.
    fn arg_bytes(&mut self, i: usize) -> Option<&mut [u8]>;
    /// Argument `i` as an array of strings, if it is an array (non-strings are stringified).
    fn arg_strings(&mut self, i: usize) -> Option<Vec<String>>;
    /// The realm's host state: the event loop handle and every other resource ops share.
    fn state(&mut self) -> &mut OpState;
    /// Stops all running JS as soon as this op returns (used by `process.reallyExit`).
    fn terminate_execution(&mut self);
}

impl dyn OpCtx + '_ {
    /// Argument `i` converted to `T`, or Node's `ERR_INVALID_ARG_TYPE` naming `name`.
    pub fn arg<T: FromArg>(&mut self, i: usize, name: &str) -> Result<T, ThrowError> {
        T::from_arg(self, i).ok_or_else(|| {
            ThrowError::type_error(
                "ERR_INVALID_ARG_TYPE",
                format!("The \"{name}\" argument must be of type {}", T::JS_TYPE),
            )
        })
    }
}

/// A Rust type an op argument converts to.
pub trait FromArg: Sized {
    /// The JS type named in the error when the conversion fails.
    const JS_TYPE: &'static str;
    /// Converts argument `i`, or `None` if it has the wrong type.
    fn from_arg(ctx: &mut dyn OpCtx, i: usize) -> Option<Self>;
}

impl FromArg for f64 {
    const JS_TYPE: &'static str = "number";
    fn from_arg(ctx: &mut dyn OpCtx, i: usize) -> Option<Self> {
        ctx.arg_number(i)
    }
}

impl FromArg for i64 {
    const JS_TYPE: &'static str = "number";
    fn from_arg(ctx: &mut dyn OpCtx, i: usize) -> Option<Self> {
        ctx.arg_number(i).filter(|n| n.is_finite()).map(|n| n as i64)
    }
}

impl FromArg for i32 {
    const JS_TYPE: &'static str = "number";
    fn from_arg(ctx: &mut dyn OpCtx, i: usize) -> Option<Self> {
        ctx.arg_number(i).filter(|n| n.is_finite()).map(|n| n as i32)
    }
}

impl FromArg for u32 {
    const JS_TYPE: &'static str = "number";
    fn from_arg(ctx: &mut dyn OpCtx, i: usize) -> Option<Self> {
        ctx.arg_number(i).filter(|n| n.is_finite() && *n >= 0.0).map(|n| n as u32)
    }
}

impl FromArg for bool {
    const JS_TYPE: &'static str = "boolean";
    fn from_arg(ctx: &mut dyn OpCtx, i: usize) -> Option<Self> {
        Some(ctx.arg_truthy(i))
    }
}

impl FromArg for String {
    const JS_TYPE: &'static str = "string";
    fn from_arg(ctx: &mut dyn OpCtx, i: usize) -> Option<Self> {
        ctx.arg_string(i)
    }
}

impl FromArg for Vec<String> {
    const JS_TYPE: &'static str = "Array";
    fn from_arg(ctx: &mut dyn OpCtx, i: usize) -> Option<Self> {
        ctx.arg_strings(i)
    }
}

impl<T: FromArg> FromArg for Option<T> {
    const JS_TYPE: &'static str = T::JS_TYPE;
    fn from_arg(ctx: &mut dyn OpCtx, i: usize) -> Option<Self> {
        if ctx.arg_is_nullish(i) {
            Some(None)
        } else {
            T::from_arg(ctx, i).map(Some)
        }
    }
}
