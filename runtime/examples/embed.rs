//! Embedding oxnode in a Rust program: pick the parts, run a string, get the exit code.
//!
//! `cargo run --release -p runtime --example embed`

use runtime::{Entry, Runtime};

fn main() -> std::io::Result<()> {
    let runtime = Runtime::builder()
        // The defaults, named: V8 as the engine and the tokio loop.
        .engine(Box::new(engine_v8::V8Engine::new()))
        .event_loop(Box::new(io::TokioLoop::with_pool_size(2)?))
        .argv(vec!["embed".into(), "from-rust".into()])
        .build()?;
    let code = runtime.run(Entry::Eval(
        "setTimeout(() => { console.log('hello from JS, argv:', process.argv.slice(1)); process.exitCode = 3; }, 1);"
            .into(),
    ));
    println!("JS finished with exit code {code}");
    Ok(())
}
