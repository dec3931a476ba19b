//! oxnode as a library: a [`Runtime`] joins a JS engine, an event loop and Node's modules,
//! runs an entry point, and returns the process exit code.
//!
//! ```ignore
//! use runtime::{Entry, Runtime};
//! let code = Runtime::builder().argv(vec!["oxnode".into(), "app.js".into()]).build()?.run(Entry::File("app.js".into()));
//! std::process::exit(code);
//! # Ok::<(), std::io::Error>(())
//! ```
//!
//! Each part can be replaced: [`RuntimeBuilder::engine`] takes any [`engine::Engine`] (V8 by
//! default, feature `v8`) and [`RuntimeBuilder::event_loop`] any [`io::EventLoop`] (tokio by
//! default); [`RuntimeBuilder::ops`] adds a host's own ops next to Node's.

mod driver;

use engine::{Engine, EngineError, HostValue, Op, OpState, Realm, RealmOptions};
use io::{EventLoop, LoopHandle};
use modules::ops::{ExitRequest, HostInfo};

use driver::Driver;

/// What the runtime runs first.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Entry {
    /// A script file, as `oxnode app.js`.
    File(String),
    /// Code, as `oxnode -e CODE`.
    Eval(String),
    /// An expression whose value is printed, as `oxnode -p EXPR`.
    Print(String),
    /// Code read from standard input.
    Stdin(String),
}

impl Entry {
    fn parts(&self) -> (&'static str, &str) {
        match self {
            Entry::File(p) => ("file", p),
            Entry::Eval(c) => ("eval", c),
            Entry::Print(c) => ("print", c),
            Entry::Stdin(c) => ("stdin", c),
        }
    }
}

/// Exit code Node uses when an exception handler itself throws.
const EXIT_HANDLER_FAILED: i32 = 7;

/// Prints an exception that escaped the uncaught-exception machinery itself, as Node does,
/// and returns the exit code for it.
fn report_handler_failure(text: &str) -> i32 {
    eprintln!("{text}\n\nNode.js v{}", modules::NODE_VERSION);
    EXIT_HANDLER_FAILED
}

/// Configures and builds a [`Runtime`].
pub struct RuntimeBuilder {
    engine: Option<Box<dyn Engine>>,
    event_loop: Option<Box<dyn EventLoop>>,
    extra_ops: Vec<Op>,
    info: HostInfo,
}

impl RuntimeBuilder {
    /// Uses `engine` instead of the default.
    pub fn engine(mut self, engine: Box<dyn Engine>) -> Self {
        self.engine = Some(engine);
        self
    }

    /// Uses `event_loop` instead of the default tokio loop.
    pub fn event_loop(mut self, event_loop: Box<dyn EventLoop>) -> Self {
        self.event_loop = Some(event_loop);
        self
    }

    /// Adds the host's own ops, reachable as `internalBinding(op.binding)[op.name]`.
    pub fn ops(mut self, ops: Vec<Op>) -> Self {
        self.extra_ops.extend(ops);
        self
    }

    /// Sets `process.argv` (the first element is the program, as argv[0]).
    pub fn argv(mut self, argv: Vec<String>) -> Self {
        self.info.argv = argv;
        self
    }

    /// Sets `process.execArgv`.
    pub fn exec_argv(mut self, exec_argv: Vec<String>) -> Self {
        self.info.exec_argv = exec_argv;
        self
    }

    /// Sets `process.argv0` (argv[0] as typed).
    pub fn argv0(mut self, argv0: String) -> Self {
        self.info.argv0 = argv0;
        self
    }

    /// Builds the realm and runs the bootstrap JS.
    pub fn build(self) -> std::io::Result<Runtime> {
        let engine = match self.engine {
            Some(engine) => engine,
            None => default_engine(&self.info.exec_argv)?,
        };
        let event_loop = match self.event_loop {
            Some(event_loop) => event_loop,
            None => Box::new(io::TokioLoop::new()?),
        };
        let mut info = self.info;
        let exec_path =
            std::env::current_exe().map(|p| p.to_string_lossy().into_owned()).unwrap_or_default();
        if info.argv.is_empty() {
            info.argv.push(exec_path.clone());
        } else {
            info.argv[0] = exec_path.clone();
        }
        if info.argv0.is_empty() {
            info.argv0 = "oxnode".into();
        }
        info.exec_path = exec_path;
        let (engine_name, engine_version) = engine.version();
        info.engine = (engine_name.into(), engine_version);

        let mut state = OpState::default();
        state.put(event_loop.handle());
        state.put(info);
        let mut ops = modules::ops();
        ops.extend(self.extra_ops);
        let typed_ops = modules::typed_ops();
        let realm = engine.new_realm(RealmOptions { ops, typed_ops, state });
        Ok(Runtime { realm, event_loop, _engine: engine })
    }
}

/// The Node options that are V8 flags, as V8 spells them.
const ENGINE_FLAGS: &[(&str, &str)] =
    &[("--expose-gc", "--expose-gc"), ("--expose_gc", "--expose-gc")];

/// Hands options the runtime doesn't know to the default engine, as Node hands them to V8
/// (`--max-old-space-size=N` and the like); returns the ones the engine doesn't know either.
/// Call it before the first runtime is built.
#[cfg(feature = "v8")]
pub fn set_engine_flags(options: &[String]) -> Vec<String> {
    engine_v8::set_flags_from_command_line(options)
}

/// Without an engine built in, no option is an engine flag.
#[cfg(not(feature = "v8"))]
pub fn set_engine_flags(options: &[String]) -> Vec<String> {
    options.to_vec()
}

#[cfg(feature = "v8")]
fn default_engine(exec_argv: &[String]) -> std::io::Result<Box<dyn Engine>> {
    let flags: Vec<&str> = ENGINE_FLAGS
        .iter()
        .filter(|(option, _)| exec_argv.iter().any(|arg| arg == option))
        .map(|(_, flag)| *flag)
        .collect();
    Ok(Box::new(engine_v8::V8Engine::with_flags(&flags)))
}

#[cfg(not(feature = "v8"))]
fn default_engine(_exec_argv: &[String]) -> std::io::Result<Box<dyn Engine>> {
    Err(std::io::Error::other(
        "no JS engine: enable the `v8` feature or pass one to RuntimeBuilder::engine",
    ))
}

/// An engine realm with Node's modules and an event loop, ready to run one entry point.
pub struct Runtime {
    realm: Box<dyn Realm>,
    event_loop: Box<dyn EventLoop>,
    // Kept alive as long as realms made from it.
    _engine: Box<dyn Engine>,
}

impl Runtime {
    /// A builder with the default engine and loop.
    pub fn builder() -> RuntimeBuilder {
        RuntimeBuilder {
            engine: None,
            event_loop: None,
            extra_ops: Vec::new(),
            info: HostInfo::default(),
        }
    }

    /// Runs `entry` and the event loop to the end, as `node` does, and returns the exit code.
    pub fn run(mut self, entry: Entry) -> i32 {
        let (kind, payload) = entry.parts();
        {
            let info = self.realm.state().get_mut::<HostInfo>();
            if let Some(info) = info {
                info.entry = (kind.into(), payload.into());
            }
        }
        let Some(bootstrap) = modules::current_source(modules::BOOTSTRAP) else {
            // Only a wrong OXNODE_JS_DIR gets here: running nothing and exiting 0 would hide it.
            eprintln!(
                "oxnode: cannot read the JS library's {}.js{}",
                modules::BOOTSTRAP,
                modules::dev_js_dir()
                    .map(|d| format!(" under OXNODE_JS_DIR={}", d.display()))
                    .unwrap_or_default()
            );
            return 1;
        };
        let name = format!("node:{}", modules::BOOTSTRAP);
        if let Err(error) = self.realm.run_bootstrap(&name, &bootstrap) {
            return self.exit_code_for(error);
        }
        let loop_handle: LoopHandle = self.event_loop.handle();
        loop_handle.update_time();
        let mut driver = Driver::new(&mut *self.realm);
        if !driver.call("start", vec![kind.into(), payload.into()]) {
            return driver.exit_code();
        }
        loop {
            if !self.event_loop.run(&mut driver) {
                return driver.exit_code();
            }
            if !driver.call_plain("beforeExit", vec![]) {
                return driver.exit_code();
            }
            if !loop_handle.alive() {
                break;
            }
        }
        let code = match self.realm.call_hook("exit", vec![]) {
            Ok(HostValue::Number(code)) => code as i32,
            Ok(_) => 0,
            Err(error) => return self.exit_code_for(error),
        };
        // Promise jobs queued by 'exit' listeners still run, as in Node.
        self.realm.run_microtasks();
        code
    }

    fn exit_code_for(&mut self, error: EngineError) -> i32 {
        match error {
            EngineError::Terminated => self.realm.state().get::<ExitRequest>().map_or(1, |r| r.0),
            EngineError::Uncaught(text) => report_handler_failure(&text),
        }
    }
}
