//! The ops behind `internalBinding(...)`, one file per binding.

mod builtins;
mod encoding;
mod env;
pub mod errors;
mod fs;
mod process;
mod timers;
mod tty;

use engine::Op;

pub use process::{ExitRequest, HostInfo};

/// Every op the modules install.
pub fn ops() -> Vec<Op> {
    [
        builtins::OPS,
        encoding::OPS,
        env::OPS,
        fs::OPS,
        process::OPS,
        timers::OPS,
        tty::OPS,
    ]
    .concat()
}
