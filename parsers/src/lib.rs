//! Wire-format parsers that oxnode's network modules stand on: llhttp's job, in Rust.
//!
//! Each format is its own module with no I/O of its own: callers push bytes in and get
//! events out, so the same parser serves a `net.Socket`, a test, or a fuzzer.

pub mod http;
