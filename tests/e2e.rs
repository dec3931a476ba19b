//! The end-to-end harness: differential tests of `oxnode` against Node.
//!
//! Every `fixtures/<area>/*.js` file (exactly that depth; sub-folders hold helpers) is run by
//! the real `oxnode` binary and by Node 25 (`OXNODE_TEST_NODE`), each with the fixture's folder
//! as cwd, the file name as argument, empty stdin and a 20 s timeout. Exit code, stdout and
//! the normalised stderr must match (see `tests::normalise`). Leading comment lines may change
//! the command line: `// oxnode-args: ...`, `// script-args: ...`, `// stdin: ...`,
//! `// no-script`, `// env: K=V ...`.
//!
//! A few CLI checks are not differential: their expected output is fixed here.
//!
//! Run: `cargo test --release -p tests --test e2e [-- FILTER...]`; a fixture runs if its
//! `area/name` contains one of the filters. Prints `ok`/`FAIL` per test and ends with the line
//! `N passed, M failed`; exits non-zero if anything failed.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;
use std::time::Duration;

use tests::{diff, node_bin, normalise, oxnode_bin, parse_directives, run, Job, Outcome};

/// Per-process time limit.
const TIMEOUT: Duration = Duration::from_secs(20);
/// Parallel workers (the CI machine has 2 cores).
const WORKERS: usize = 2;
/// Environment variables that change Node's output and must not leak in from the caller.
const ENV_REMOVE: &[&str] = &["NO_COLOR", "FORCE_COLOR", "NODE_OPTIONS", "NODE_DISABLE_COLORS"];

/// One test to run.
enum Case {
    /// A fixture compared with Node.
    Fixture { name: String, dir: PathBuf, file: String },
    /// A CLI check whose expected result is fixed here.
    Fixed(FixedCheck),
}

/// A non-differential CLI check.
struct FixedCheck {
    name: &'static str,
    args: &'static [&'static str],
    code: i32,
    stdout: &'static str,
    /// Expected stderr; `{bin}` in the output is first replaced by `oxnode`.
    stderr: &'static str,
}

const FIXED: &[FixedCheck] = &[
    FixedCheck {
        name: "cli/fixed_bad_option",
        args: &["--bogus", "x.js"],
        code: 9,
        stdout: "",
        stderr: "oxnode: bad option: --bogus\n",
    },
    FixedCheck {
        name: "cli/fixed_bad_option_no_script",
        args: &["--no-such-flag-at-all"],
        code: 9,
        stdout: "",
        stderr: "oxnode: bad option: --no-such-flag-at-all\n",
    },
];

impl Case {
    fn name(&self) -> &str {
        match self {
            Case::Fixture { name, .. } => name,
            Case::Fixed(f) => f.name,
        }
    }
}

fn main() {
    let filters: Vec<String> = std::env::args().skip(1).filter(|a| !a.starts_with('-')).collect();
    let node = node_bin().unwrap_or_else(|e| fatal(&e));
    let oxnode = oxnode_bin().unwrap_or_else(|e| fatal(&e));
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures");

    let mut cases = collect_fixtures(&fixtures).unwrap_or_else(|e| fatal(&e));
    cases.extend(FIXED.iter().map(|f| {
        Case::Fixed(FixedCheck {
            name: f.name,
            args: f.args,
            code: f.code,
            stdout: f.stdout,
            stderr: f.stderr,
        })
    }));
    cases.retain(|c| filters.is_empty() || filters.iter().any(|f| c.name().contains(f.as_str())));
    println!(
        "running {} end-to-end tests\n  oxnode: {}\n  node:   {}",
        cases.len(),
        oxnode.display(),
        node.display()
    );

    let next = AtomicUsize::new(0);
    let failures = Mutex::new(Vec::<String>::new());
    let passed = AtomicUsize::new(0);
    let print = Mutex::new(());
    std::thread::scope(|s| {
        for _ in 0..WORKERS.min(cases.len().max(1)) {
            s.spawn(|| loop {
                let i = next.fetch_add(1, Ordering::SeqCst);
                let Some(case) = cases.get(i) else { break };
                let result = match case {
                    Case::Fixture { name: _, dir, file } => {
                        check_fixture(&node, &oxnode, dir, file)
                    }
                    Case::Fixed(f) => check_fixed(&oxnode, &fixtures, f),
                };
                let _guard = print.lock().unwrap_or_else(|e| e.into_inner());
                match result {
                    Ok(()) => {
                        passed.fetch_add(1, Ordering::SeqCst);
                        println!("ok {}", case.name());
                    }
                    Err(report) => {
                        println!("FAIL {}\n{}", case.name(), report.trim_end());
                        failures
                            .lock()
                            .unwrap_or_else(|e| e.into_inner())
                            .push(case.name().to_string());
                    }
                }
            });
        }
    });

    let mut failed = failures.into_inner().unwrap_or_else(|e| e.into_inner());
    failed.sort();
    if !failed.is_empty() {
        println!("\nfailed:");
        for f in &failed {
            println!("  {f}");
        }
    }
    println!("{} passed, {} failed", passed.load(Ordering::SeqCst), failed.len());
    if !failed.is_empty() {
        std::process::exit(1);
    }
}

/// Prints an error and exits with a failure status.
fn fatal(msg: &str) -> ! {
    eprintln!("e2e: {msg}");
    std::process::exit(2);
}

/// Lists `fixtures/<area>/*.js`, sorted by `area/name`.
fn collect_fixtures(root: &Path) -> Result<Vec<Case>, String> {
    let read =
        |p: &Path| std::fs::read_dir(p).map_err(|e| format!("cannot read {}: {e}", p.display()));
    let mut out = Vec::new();
    for area in read(root)? {
        let area = area.map_err(|e| e.to_string())?.path();
        if !area.is_dir() {
            continue;
        }
        let area_name = area.file_name().unwrap_or_default().to_string_lossy().into_owned();
        for f in read(&area)? {
            let f = f.map_err(|e| e.to_string())?.path();
            if !f.is_file() || f.extension().is_none_or(|e| e != "js") {
                continue;
            }
            let file = f.file_name().unwrap_or_default().to_string_lossy().into_owned();
            let stem = file.trim_end_matches(".js").to_string();
            out.push(Case::Fixture {
                name: format!("{area_name}/{stem}"),
                dir: area.clone(),
                file,
            });
        }
    }
    out.sort_by(|a, b| a.name().cmp(b.name()));
    Ok(out)
}

/// Runs one fixture under both runtimes and compares the normalised results.
fn check_fixture(node: &Path, oxnode: &Path, dir: &Path, file: &str) -> Result<(), String> {
    let source = std::fs::read_to_string(dir.join(file))
        .map_err(|e| format!("  cannot read fixture: {e}"))?;
    let d = parse_directives(&source).map_err(|e| format!("  bad directive: {e}"))?;
    let mut args = d.args.clone();
    if !d.no_script {
        args.push(file.to_string());
    }
    args.extend(d.script_args.iter().cloned());
    let stdin = d.stdin.clone().unwrap_or_default();
    let job = |program| Job {
        program,
        args: &args,
        cwd: dir,
        stdin: &stdin,
        env: &d.env,
        env_remove: ENV_REMOVE,
        timeout: TIMEOUT,
    };
    let expected = run(&job(node)).map_err(|e| format!("  cannot run node: {e}"))?;
    if expected.timed_out {
        return Err("  node itself timed out: the fixture is broken".to_string());
    }
    let actual = run(&job(oxnode)).map_err(|e| format!("  cannot run oxnode: {e}"))?;
    compare(&expected, &actual, dir)
}

/// Compares exit status, stdout and stderr (normalised); the report lists every difference.
fn compare(expected: &Outcome, actual: &Outcome, dir: &Path) -> Result<(), String> {
    let mut report = String::new();
    if expected.timed_out != actual.timed_out || expected.code != actual.code {
        report.push_str(&format!(
            "  exit status: node {}, oxnode {}\n",
            expected.status(),
            actual.status()
        ));
    }
    let (eo, ao) = (normalise(&expected.stdout, dir, false), normalise(&actual.stdout, dir, false));
    if let Some(d) = diff("stdout (- node, + oxnode)", &eo, &ao) {
        report.push_str(&d);
    }
    let (ee, ae) = (normalise(&expected.stderr, dir, true), normalise(&actual.stderr, dir, true));
    if let Some(d) = diff("stderr (- node, + oxnode)", &ee, &ae) {
        report.push_str(&d);
    }
    if report.is_empty() {
        Ok(())
    } else {
        Err(report)
    }
}

/// Runs a fixed CLI check.
fn check_fixed(oxnode: &Path, fixtures: &Path, f: &FixedCheck) -> Result<(), String> {
    let args: Vec<String> = f.args.iter().map(|s| s.to_string()).collect();
    let cwd = fixtures.join("cli");
    let job = Job {
        program: oxnode,
        args: &args,
        cwd: if cwd.is_dir() { &cwd } else { fixtures },
        stdin: "",
        env: &[],
        env_remove: ENV_REMOVE,
        timeout: TIMEOUT,
    };
    let actual = run(&job).map_err(|e| format!("  cannot run oxnode: {e}"))?;
    let bin = oxnode.to_string_lossy();
    let stderr = actual.stderr.replace(bin.as_ref(), "oxnode");
    let mut report = String::new();
    if actual.timed_out || actual.code != Some(f.code) {
        report.push_str(&format!(
            "  exit status: expected {}, oxnode {}\n",
            f.code,
            actual.status()
        ));
    }
    if let Some(d) = diff("stdout (- expected, + oxnode)", f.stdout, &actual.stdout) {
        report.push_str(&d);
    }
    if let Some(d) = diff("stderr (- expected, + oxnode)", f.stderr, &stderr) {
        report.push_str(&d);
    }
    if report.is_empty() {
        Ok(())
    } else {
        Err(report)
    }
}
