//! An engine instance ([`Realm`]) and the factory that makes one ([`Engine`]).

use crate::{HostValue, Op, OpState, TypedOp};

/// How to build a realm.
pub struct RealmOptions {
    /// The ops to install as `internalBinding(op.binding)[op.name]`.
    pub ops: Vec<Op>,
    /// The typed ops, installed the same way; an engine may call them without boxing.
    pub typed_ops: Vec<TypedOp>,
    /// Host state the ops share, moved into the realm.
    pub state: OpState,
}

/// Why a call into JS did not return a value.
#[derive(Debug, Clone, PartialEq)]
pub enum EngineError {
    /// `terminate_execution` stopped JS (`process.exit`); the exit code is in the op state.
    Terminated,
    /// An exception escaped and there was no uncaught-exception hook to take it (or the hook
    /// threw): the engine's own rendering of it, source arrow included.
    Uncaught(String),
}

/// A JavaScript engine: makes realms. One engine per process, any number of realms.
pub trait Engine {
    /// Creates a realm with a fresh global object, the given ops and the intrinsics.
    fn new_realm(&self, options: RealmOptions) -> Box<dyn Realm>;
    /// The engine's name and version, for `process.versions`.
    fn version(&self) -> (&'static str, String);
}

/// One isolate with one global context: runs scripts and calls hooks on the JS thread.
///
/// Any exception that escapes a call goes to the hook named `"fatalException"` (registered
/// by JS with `internalBinding('engine').setHook`) as `(error, sourceArrow)`; it decides
/// between `uncaughtException` listeners and printing. Only when that hook is missing or
/// itself throws does the call return [`EngineError::Uncaught`].
pub trait Realm {
    /// Compiles and runs `source` as a classic script named `name`; returns its value.
    fn run_script(&mut self, name: &str, source: &str) -> Result<HostValue, EngineError>;
    /// Compiles `source` as the body of a function taking `internalBinding` (the object of
    /// ops and intrinsics by binding name) and calls it: how the bootstrap JS starts.
    fn run_bootstrap(&mut self, name: &str, source: &str) -> Result<(), EngineError>;
    /// Calls the JS function registered as hook `name` with `args`.
    fn call_hook(&mut self, name: &str, args: Vec<HostValue>) -> Result<HostValue, EngineError>;
    /// Whether JS registered a hook under `name`.
    fn has_hook(&self, name: &str) -> bool;
    /// Runs the microtask queue until it is empty.
    fn run_microtasks(&mut self);
    /// The host state the ops share.
    fn state(&mut self) -> &mut OpState;
}
