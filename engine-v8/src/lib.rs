//! V8 behind oxnode's [`engine`] traits.
//!
//! One process-wide platform is initialised on first use, after ICU's full data is loaded
//! (so `Intl` and `toLocaleString` behave as in Node). Each [`V8Engine::new_realm`] makes an
//! isolate with one context; ops are installed as functions whose `data` is the op's index,
//! and every call goes through one trampoline ([`ops`]). Microtasks run only when JS or the
//! host asks (`MicrotasksPolicy::Explicit`), which is how Node keeps its tick order.

mod convert;
mod exception;
mod intrinsics;
mod ops;
mod realm;
mod typed_ops;

use std::sync::{Once, OnceLock};

pub use realm::V8Realm;

/// The V8 engine: a factory for V8 realms.
#[derive(Default)]
pub struct V8Engine;

static INIT: Once = Once::new();

/// The process-wide platform, kept for pumping its foreground tasks (see
/// [`V8Realm::run_platform_tasks`](realm::V8Realm)).
pub(crate) static PLATFORM: OnceLock<v8::SharedRef<v8::Platform>> = OnceLock::new();

impl V8Engine {
    /// Initialises V8 once for the process (ICU data, flags, platform) and returns the engine.
    pub fn new() -> Self {
        Self::with_flags(&[])
    }

    /// As [`V8Engine::new`], with extra V8 flags (such as `--expose-gc`); flags only take
    /// effect for the engine that initialises V8 first in the process.
    pub fn with_flags(flags: &[&str]) -> Self {
        INIT.call_once(|| {
            // Without full ICU data V8 answers Intl calls with "Icu error".
            let _ = v8::icu::set_common_data_78(deno_core_icudata::ICU_DATA);
            // Node's defaults: long stack traces are cut at 10 frames; harmony flags none.
            v8::V8::set_flags_from_string("--stack-size=984");
            for flag in flags {
                v8::V8::set_flags_from_string(flag);
            }
            let platform = v8::new_default_platform(0, false).make_shared();
            v8::V8::initialize_platform(platform.clone());
            let _ = PLATFORM.set(platform);
            v8::V8::initialize();
        });
        V8Engine
    }
}

/// Gives V8 the command-line options it knows (`--max-old-space-size=N`, `--stack-size=N`,
/// `--harmony-*`, …), as Node passes unrecognised options on to V8; returns the options V8
/// does not know either. Takes effect only before the first engine initialises V8.
pub fn set_flags_from_command_line(options: &[String]) -> Vec<String> {
    let mut args = Vec::with_capacity(options.len() + 1);
    args.push("oxnode".to_string());
    // V8 needs C strings: an option with a NUL byte can't be one of its flags.
    let (candidates, unusable): (Vec<&String>, Vec<&String>) =
        options.iter().partition(|option| !option.contains('\0'));
    args.extend(candidates.into_iter().cloned());
    let mut unknown = v8::V8::set_flags_from_command_line(args);
    if !unknown.is_empty() {
        unknown.remove(0);
    }
    unknown.extend(unusable.into_iter().cloned());
    unknown
}

impl engine::Engine for V8Engine {
    fn new_realm(&self, options: engine::RealmOptions) -> Box<dyn engine::Realm> {
        Box::new(V8Realm::new(options))
    }

    fn version(&self) -> (&'static str, String) {
        ("v8", v8::V8::get_version().to_owned())
    }
}
