//! oxnode's libuv: the event loop that waits for I/O and timers, the blocking pool, and the
//! native backends Node gets from c-ares, OpenSSL and zlib. No tokio type leaves this crate.

pub mod compress;
pub mod dns;
pub mod event_loop;
pub mod fs_watch;
mod stdio_flags;
pub mod tls;

pub use stdio_flags::StdioFlags;

pub use event_loop::{
    ChildStdio, Completion, EventLoop, Executor, HandleId, IoEvent, LoopDriver, LoopHandle,
    MulticastInterface, SpawnedChild, Task, TlsStart, TokioLoop, UdpBind, UdpOption, WriteStatus,
};
