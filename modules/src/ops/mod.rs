//! The ops behind `internalBinding(...)`, one file per binding.

mod argon2;
pub mod async_op;
mod buffer;
mod builtins;
mod cares_wrap;
mod child_process;
mod cipher;
mod crypto;
mod encoding;
mod env;
pub mod errors;
mod fs;
mod fs_event_wrap;
pub mod handle_wrap;
mod http_parser;
mod key_agreement;
mod keys;
mod os;
mod performance;
mod pipe_wrap;
mod prime;
mod process;
mod process_wrap;
mod rsa_cipher;
mod sign;
mod stream_wrap;
mod tcp_wrap;
mod timers;
mod tls_wrap;
mod tty;
mod udp_wrap;
mod url;
mod x509;
mod zlib;

use engine::{Op, TypedOp};

pub use process::{ExitRequest, HostInfo};

/// Every op the modules install.
pub fn ops() -> Vec<Op> {
    [
        argon2::OPS,
        buffer::OPS,
        builtins::OPS,
        cares_wrap::OPS,
        child_process::OPS,
        cipher::OPS,
        crypto::OPS,
        encoding::OPS,
        env::OPS,
        fs::OPS,
        fs_event_wrap::OPS,
        handle_wrap::OPS,
        http_parser::OPS,
        key_agreement::OPS,
        keys::OPS,
        os::OPS,
        performance::OPS,
        pipe_wrap::OPS,
        prime::OPS,
        process_wrap::OPS,
        rsa_cipher::OPS,
        sign::OPS,
        process::OPS,
        tcp_wrap::OPS,
        udp_wrap::OPS,
        timers::OPS,
        tls_wrap::OPS,
        tty::OPS,
        url::OPS,
        x509::OPS,
        zlib::OPS,
    ]
    .concat()
}

/// Every typed op the modules install (see `engine::typed_op`).
pub fn typed_ops() -> Vec<TypedOp> {
    [
        buffer::TYPED,
        handle_wrap::TYPED,
        process::TYPED,
        stream_wrap::TYPED,
        tcp_wrap::TYPED,
        udp_wrap::TYPED,
    ]
    .concat()
}
