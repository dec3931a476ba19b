//! Node's core modules: the JS library in `js/` (embedded at build time) and the ops in
//! `src/ops/` it calls through `internalBinding`.
//!
//! The JS owns the semantics (argument validation, events, ordering); ops are thin and do
//! only what needs the OS or the loop. [`ops()`] lists every op; [`SOURCES`] every JS file;
//! [`BOOTSTRAP`] is the id of the file that starts a realm.

pub mod ops;

include!(concat!(env!("OUT_DIR"), "/js_sources.rs"));

/// The id of the JS file the runtime runs first, as a function of `internalBinding`.
pub const BOOTSTRAP: &str = "internal/bootstrap/realm";

/// The Node.js version whose API oxnode implements; `process.version` reports it, since
/// npm packages gate features on it.
pub const NODE_VERSION: &str = "25.8.1";

/// The source of embedded JS file `id`.
pub fn source(id: &str) -> Option<&'static str> {
    SOURCES.binary_search_by(|(candidate, _)| candidate.cmp(&id)).ok().map(|i| SOURCES[i].1)
}

/// The folder named by `OXNODE_JS_DIR`, from which a developer runs the JS library
/// without rebuilding.
pub fn dev_js_dir() -> Option<std::path::PathBuf> {
    std::env::var_os("OXNODE_JS_DIR").filter(|d| !d.is_empty()).map(std::path::PathBuf::from)
}

/// The source of JS file `id`: from `OXNODE_JS_DIR` when set, else the embedded copy.
pub fn current_source(id: &str) -> Option<std::borrow::Cow<'static, str>> {
    match dev_js_dir() {
        Some(dir) => std::fs::read_to_string(dir.join(format!("{id}.js"))).ok().map(Into::into),
        None => source(id).map(Into::into),
    }
}

pub use ops::{ops, typed_ops, HostInfo};
