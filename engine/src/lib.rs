//! The contract between oxnode and a JavaScript engine.
//!
//! Everything above this crate (modules, runtime) talks to an engine only through these types:
//!
//! - [`Engine`] creates a [`Realm`]: one isolate with one global context, on one thread.
//! - A [`Realm`] runs scripts, calls the hooks that the bootstrap JS registered, and drains
//!   microtasks. Exceptions that escape JS are handed to the realm's uncaught-exception hook,
//!   together with the "source arrow" (file:line, source line, caret) the engine saw.
//! - An [`Op`] is a plain Rust function written once for every engine: it reads typed
//!   arguments from an [`OpCtx`] and returns a [`HostValue`] or throws a [`ThrowError`].
//!   Byte arguments are slices over the JS buffer's own memory, and returned byte vectors
//!   become the backing store of the new ArrayBuffer, so bytes cross without a copy.
//! - A [`TypedOp`] is an op declared with [`typed_op!`] over numbers, booleans, bytes and
//!   strings: engines call it without boxing its arguments (V8's fast API calls).
//! - [`intrinsics`] names the introspection bindings (`util`, `types`, `contextify`,
//!   `engine`) that only an engine can provide; each engine implements all of them.
//!
//! The shape follows what both V8 and QuickJS can do: no handle scopes, no isolates or
//! templates leak through.

pub mod error;
pub mod intrinsics;
pub mod op;
pub mod realm;
pub mod state;
pub mod typed_op;
pub mod value;

pub use error::{ErrorClass, ThrowError};
pub use op::{FromArg, Op, OpCtx, OpResult};
pub use realm::{Engine, EngineError, Realm, RealmOptions};
pub use state::OpState;
pub use typed_op::{ArgKind, FromRawArg, IntoRawRet, JsStr, RawArg, RawRet, RetKind, TypedOp};
pub use value::HostValue;
