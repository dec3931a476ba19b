//! `cargo xtask compat`: runs files of Node's own `test/parallel` (`.js`, `.mjs`, `.cjs`) and
//! counts each as passed, skipped or failed.
//!
//! A test that prints `1..0 # Skipped: <why>` (Node's `common.skip`) and exits 0 did not run
//! what it tests: it is a skip, never a pass. `tests/compat/passing.txt` lists the real passes
//! and `tests/compat/skipped.txt` the skips with their reason, so the day a subsystem lands its
//! tests move from one list to the other visibly. The same rule counts any runtime given with
//! `--runtime` (node, deno, bun), so the numbers can stand beside each other.

use std::collections::BTreeMap;
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;
use std::time::{Duration, Instant};

use crate::{oxnode_bin, root, take_opt, USAGE};

/// SIGKILL to process group `pgid` (a timed-out test and every process it started).
fn kill_group(pgid: u32) {
    let _ = Command::new("kill")
        .args(["-KILL", "--", &format!("-{pgid}")])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status();
}

/// Per-test time limit, as generous as Node's runner on a slow machine.
const TIMEOUT: Duration = Duration::from_secs(30);

/// What one test file did.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Outcome {
    /// Exit code 0 without a skip line.
    Passed,
    /// `1..0 # Skipped: <reason>` printed, exit code 0.
    Skipped(String),
    /// Anything else: non-zero exit, a signal, or the time limit.
    Failed(String),
}

/// The runtime under test and how it runs a test file.
struct Runtime {
    /// Binary to execute.
    bin: PathBuf,
    /// Arguments before the test file (e.g. `run -A` for Deno).
    prefix: Vec<String>,
    /// Whether a test's `// Flags:` line may be passed (probed per distinct line).
    takes_node_flags: bool,
    /// True for oxnode: only then are `passing.txt`/`skipped.txt` ours to update.
    is_oxnode: bool,
}

impl Runtime {
    /// `--runtime` as given: absent means oxnode; a path to node, deno or bun, recognised by
    /// its file name, is run with that runtime's own way of running a Node script.
    fn pick(given: Option<String>) -> Result<Runtime, String> {
        let Some(path) = given else {
            return Ok(Runtime {
                bin: oxnode_bin()?,
                prefix: Vec::new(),
                takes_node_flags: true,
                is_oxnode: true,
            });
        };
        let bin = PathBuf::from(&path);
        if !bin.is_file() {
            return Err(format!("--runtime {path}: no such file"));
        }
        let name = bin.file_name().and_then(|n| n.to_str()).unwrap_or("").to_string();
        let (prefix, takes_node_flags): (&[&str], bool) = match name.as_str() {
            // Deno's own Node-compat runner runs the tests this way.
            n if n.starts_with("deno") => (
                &[
                    "run",
                    "-A",
                    "--quiet",
                    "--unstable-unsafe-proto",
                    "--unstable-bare-node-builtins",
                    "--unstable-detect-cjs",
                ],
                false,
            ),
            n if n.starts_with("bun") => (&[], false),
            n if n.starts_with("oxnode") => (&[], true),
            _ => (&[], true),
        };
        Ok(Runtime {
            bin,
            prefix: prefix.iter().map(|s| s.to_string()).collect(),
            takes_node_flags,
            is_oxnode: name.starts_with("oxnode"),
        })
    }
}

/// `cargo xtask compat --suite PATH [--list FILE | --all PREFIX] [--jobs N] [--runtime BIN]
/// [--update]`.
pub(crate) fn compat(args: &[String]) -> Result<(), String> {
    let mut args = args.to_vec();
    let suite =
        take_opt(&mut args, "--suite")?.ok_or("compat needs --suite PATH (a Node test tree)")?;
    let list = take_opt(&mut args, "--list")?;
    let all = take_opt(&mut args, "--all")?;
    let jobs: usize = match take_opt(&mut args, "--jobs")? {
        Some(v) => v.parse().map_err(|_| format!("bad --jobs {v}"))?,
        None => 2,
    };
    let runtime = Runtime::pick(take_opt(&mut args, "--runtime")?)?;
    let update = take_flag(&mut args, "--update");
    if !args.is_empty() {
        return Err(format!("unexpected arguments {args:?}\n{USAGE}"));
    }
    if update && !runtime.is_oxnode {
        return Err("--update rewrites oxnode's lists: not with another --runtime".to_string());
    }
    let suite = std::fs::canonicalize(&suite).map_err(|e| format!("suite {suite}: {e}"))?;
    let parallel = suite.join("test").join("parallel");
    if !parallel.is_dir() {
        return Err(format!("{} has no test/parallel folder", suite.display()));
    }
    let names = match &all {
        Some(prefix) => test_files(&parallel, prefix)?,
        None => {
            let path = list.map(PathBuf::from).unwrap_or_else(passing_list);
            read_list(&path)?.into_keys().collect()
        }
    };
    if names.is_empty() {
        println!("compat: no tests selected");
        return Ok(());
    }
    println!(
        "compat: {} tests from {} with {}",
        names.len(),
        parallel.display(),
        runtime.bin.display()
    );

    let results = run_all(&runtime, &suite, &names, jobs);
    print_table(&results);
    if update {
        update_lists(&results)?;
    }
    let lost: Vec<&String> =
        results.iter().filter(|(_, o)| *o != Outcome::Passed).map(|(n, _)| n).collect();
    if all.is_none() && runtime.is_oxnode && !lost.is_empty() {
        return Err(format!("{} listed tests no longer pass", lost.len()));
    }
    Ok(())
}

/// Removes a valueless `--flag` from `args`, saying whether it was there.
fn take_flag(args: &mut Vec<String>, flag: &str) -> bool {
    let before = args.len();
    args.retain(|a| a != flag);
    args.len() != before
}

/// `tests/compat/passing.txt`.
fn passing_list() -> PathBuf {
    root().join("tests/compat/passing.txt")
}

/// `tests/compat/skipped.txt`.
fn skipped_list() -> PathBuf {
    root().join("tests/compat/skipped.txt")
}

/// The test files of `test/parallel` whose name starts with `prefix`, sorted.
fn test_files(parallel: &Path, prefix: &str) -> Result<Vec<String>, String> {
    let mut names: Vec<String> = std::fs::read_dir(parallel)
        .map_err(|e| format!("{}: {e}", parallel.display()))?
        .filter_map(|e| e.ok())
        .filter(|e| e.file_type().is_ok_and(|t| t.is_file()))
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with("test-") && n.starts_with(prefix) && is_test_file(n))
        .collect();
    names.sort();
    Ok(names)
}

/// A file the runner executes: JavaScript of either module kind.
fn is_test_file(name: &str) -> bool {
    name.ends_with(".js") || name.ends_with(".mjs") || name.ends_with(".cjs")
}

/// A list file: one test name a line, optionally `# comment` after it; `#` lines are comments.
/// Returns each name with the text after its `#` (a skip reason, for skipped.txt).
fn read_list(path: &Path) -> Result<BTreeMap<String, String>, String> {
    let text = match std::fs::read_to_string(path) {
        Ok(t) => t,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => String::new(),
        Err(e) => return Err(format!("cannot read {}: {e}", path.display())),
    };
    Ok(text
        .lines()
        .filter(|l| !l.trim_start().starts_with('#'))
        .filter_map(|l| {
            let (name, note) = l.split_once('#').unwrap_or((l, ""));
            let name = name.trim();
            let base = name.rsplit('/').next().unwrap_or(name);
            if base.is_empty() {
                return None;
            }
            let base = if is_test_file(base) { base.to_string() } else { format!("{base}.js") };
            Some((base, note.trim().to_string()))
        })
        .collect())
}

/// Runs every test on `jobs` workers, printing a line per test as it ends.
fn run_all(
    runtime: &Runtime,
    suite: &Path,
    names: &[String],
    jobs: usize,
) -> Vec<(String, Outcome)> {
    let next = AtomicUsize::new(0);
    let results = Mutex::new(Vec::new());
    let flag_probe = FlagProbe::default();
    std::thread::scope(|s| {
        for worker in 0..jobs.max(1) {
            let (next, results, flag_probe) = (&next, &results, &flag_probe);
            s.spawn(move || loop {
                let i = next.fetch_add(1, Ordering::SeqCst);
                let Some(name) = names.get(i) else { break };
                let outcome = run_one(runtime, flag_probe, suite, name, worker);
                match &outcome {
                    Outcome::Passed => println!("ok   {name}"),
                    Outcome::Skipped(why) => println!("skip {name} ({why})"),
                    Outcome::Failed(why) => println!("FAIL {name} ({why})"),
                }
                results.lock().unwrap_or_else(|e| e.into_inner()).push((name.clone(), outcome));
            });
        }
    });
    let mut results = results.into_inner().unwrap_or_else(|e| e.into_inner());
    results.sort_by(|a, b| a.0.cmp(&b.0));
    results
}

/// The module a test file belongs to, from its name as Node names them:
/// `test-crypto-hash.js` → `crypto`, `test-child-process-fork.js` → `child-process`.
fn module_of(name: &str) -> String {
    /// Module names of two words, which the first dash would split.
    const TWO_WORDS: &[&str] = &[
        "async-hooks",
        "async-local",
        "child-process",
        "diagnostics-channel",
        "event-emitter",
        "perf-hooks",
        "string-decoder",
        "test-runner",
        "trace-events",
        "worker-threads",
        "web-locks",
    ];
    let stem = name.strip_prefix("test-").unwrap_or(name);
    let stem = stem.split('.').next().unwrap_or(stem);
    if let Some(two) = TWO_WORDS.iter().find(|m| {
        stem.strip_prefix(**m).is_some_and(|rest| rest.is_empty() || rest.starts_with('-'))
    }) {
        return two.to_string();
    }
    stem.split('-').next().unwrap_or(stem).to_string()
}

/// Prints passed/skipped/failed per module and in total, then the closing count line.
fn print_table(results: &[(String, Outcome)]) {
    let mut by_module: BTreeMap<String, [usize; 3]> = BTreeMap::new();
    for (name, outcome) in results {
        let row = by_module.entry(module_of(name)).or_default();
        row[match outcome {
            Outcome::Passed => 0,
            Outcome::Skipped(_) => 1,
            Outcome::Failed(_) => 2,
        }] += 1;
    }
    let mut total = [0usize; 3];
    println!("\n{:<24} {:>6} {:>7} {:>8} {:>7}", "module", "files", "passed", "skipped", "failed");
    for (module, row) in &by_module {
        let files: usize = row.iter().sum();
        println!("{module:<24} {files:>6} {:>7} {:>8} {:>7}", row[0], row[1], row[2]);
        for (t, r) in total.iter_mut().zip(row) {
            *t += r;
        }
    }
    let files: usize = total.iter().sum();
    println!("{:<24} {files:>6} {:>7} {:>8} {:>7}", "total", total[0], total[1], total[2]);
    println!("{} passed, {} failed, {} skipped", total[0], total[2], total[1]);
}

/// Rewrites passing.txt and skipped.txt for the tests that ran; entries for tests that did not
/// run this time stay as they were.
fn update_lists(results: &[(String, Outcome)]) -> Result<(), String> {
    let mut passing = read_list(&passing_list())?;
    let mut skipped = read_list(&skipped_list())?;
    for (name, outcome) in results {
        passing.remove(name);
        skipped.remove(name);
        match outcome {
            Outcome::Passed => {
                passing.insert(name.clone(), String::new());
            }
            Outcome::Skipped(why) => {
                skipped.insert(name.clone(), without_paths(why));
            }
            Outcome::Failed(_) => {}
        }
    }
    let mut text = String::from(
        "# Files of Node's test/parallel that pass under oxnode (exit 0, no skip line), one a\n\
         # line. `cargo xtask compat --suite PATH` reruns them; `--all PREFIX --update` rewrites\n\
         # the entries of the files it ran. Lines starting with # are comments.\n",
    );
    for name in passing.keys() {
        text.push_str(name);
        text.push('\n');
    }
    write(&passing_list(), &text)?;
    let mut text = String::from(
        "# Files of Node's test/parallel that skip under oxnode (`1..0 # Skipped: why`, exit 0):\n\
         # not passes. Each with the reason it printed; written by `xtask compat --update`.\n",
    );
    for (name, why) in &skipped {
        text.push_str(&format!("{name}  # {why}\n"));
    }
    write(&skipped_list(), &text)?;
    println!("updated {} and {}", passing_list().display(), skipped_list().display());
    Ok(())
}

/// A skip reason with this machine's absolute paths (a test may quote its own binary's)
/// replaced by `<path>`, so the committed list names no machine path.
fn without_paths(reason: &str) -> String {
    reason
        .split(' ')
        .map(|word| if word.starts_with('/') { "<path>" } else { word })
        .collect::<Vec<_>>()
        .join(" ")
}

/// Writes a file, with the path in the error.
fn write(path: &Path, text: &str) -> Result<(), String> {
    std::fs::write(path, text).map_err(|e| format!("cannot write {}: {e}", path.display()))
}

/// Which `// Flags:` lines the runtime accepts, probed once per distinct line.
#[derive(Default)]
struct FlagProbe(Mutex<Vec<(Vec<String>, bool)>>);

impl FlagProbe {
    /// The flags of a test's `// Flags:` line, as Node's runner passes them, when the runtime
    /// accepts them all; otherwise none, and the test runs as `NODE_SKIP_FLAG_CHECK` lets it.
    fn flags_for(&self, runtime: &Runtime, test: &Path) -> Vec<String> {
        if !runtime.takes_node_flags {
            return Vec::new();
        }
        let text = std::fs::read_to_string(test).unwrap_or_default();
        let Some(line) = text.lines().find_map(|l| l.trim_start().strip_prefix("// Flags:")) else {
            return Vec::new();
        };
        let flags: Vec<String> = line.split_whitespace().map(str::to_string).collect();
        let mut probed = self.0.lock().unwrap_or_else(|e| e.into_inner());
        let accepted = match probed.iter().find(|(f, _)| *f == flags) {
            Some((_, accepted)) => *accepted,
            None => {
                let accepted = Command::new(&runtime.bin)
                    .args(&runtime.prefix)
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
}

/// Runs one `test/parallel` file within the time limit and classifies it.
/// `worker` picks the suite's tmp dir (`test/.tmp.<id>`), as Node's own runner does, so
/// parallel tests don't clear each other's files.
fn run_one(
    runtime: &Runtime,
    flag_probe: &FlagProbe,
    suite: &Path,
    name: &str,
    worker: usize,
) -> Outcome {
    let rel = format!("test/parallel/{name}");
    if !suite.join(&rel).is_file() {
        return Outcome::Failed("no such file".to_string());
    }
    let flags = flag_probe.flags_for(runtime, &suite.join(&rel));
    let child = Command::new(&runtime.bin)
        .args(&runtime.prefix)
        .args(&flags)
        .arg(&rel)
        .current_dir(suite)
        .env("NODE_TEST_KNOWN_GLOBALS", "0")
        .env("NODE_SKIP_FLAG_CHECK", "1")
        .env("TEST_THREAD_ID", worker.to_string())
        .env_remove("NODE_OPTIONS")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        // Its own process group, so a timeout kills what the test spawned too.
        .process_group(0)
        .spawn();
    let mut child = match child {
        Ok(c) => c,
        Err(e) => return Outcome::Failed(format!("spawn: {e}")),
    };
    let drain = |pipe: Option<Box<dyn std::io::Read + Send>>| {
        std::thread::spawn(move || {
            let mut buf = Vec::new();
            if let Some(mut p) = pipe {
                let _ = p.read_to_end(&mut buf);
            }
            buf
        })
    };
    let out = drain(child.stdout.take().map(|p| Box::new(p) as _));
    let err = drain(child.stderr.take().map(|p| Box::new(p) as _));
    let start = Instant::now();
    let status = loop {
        match child.try_wait() {
            Ok(Some(st)) => break Some(st),
            Ok(None) if start.elapsed() > TIMEOUT => {
                kill_group(child.id());
                let _ = child.kill();
                let _ = child.wait();
                break None;
            }
            Ok(None) => std::thread::sleep(Duration::from_millis(10)),
            Err(e) => return Outcome::Failed(format!("wait: {e}")),
        }
    };
    // A grandchild that keeps the pipes open must not hold the runner: the readers are
    // detached after the time limit.
    let stdout = join_within(out, Duration::from_secs(5));
    let stderr = join_within(err, Duration::from_secs(5));
    match status {
        None => Outcome::Failed(format!("timeout after {} s", TIMEOUT.as_secs())),
        Some(st) if st.success() => match skip_reason(&String::from_utf8_lossy(&stdout)) {
            Some(why) => Outcome::Skipped(why),
            None => Outcome::Passed,
        },
        Some(st) => Outcome::Failed(format!("{st}: {}", first_error_line(&stderr))),
    }
}

/// Waits for a pipe reader at most `limit`; what it read, or nothing if it is still reading.
fn join_within(reader: std::thread::JoinHandle<Vec<u8>>, limit: Duration) -> Vec<u8> {
    let start = Instant::now();
    while !reader.is_finished() {
        if start.elapsed() > limit {
            return Vec::new();
        }
        std::thread::sleep(Duration::from_millis(5));
    }
    reader.join().unwrap_or_default()
}

/// The reason of Node's `1..0 # Skipped: <why>` line (`common.skip`), if the test printed one.
fn skip_reason(stdout: &str) -> Option<String> {
    stdout.lines().find_map(|l| {
        let rest = l.trim().strip_prefix("1..0 # Skipped")?;
        let why = rest.trim_start_matches(':').trim();
        Some(if why.is_empty() { "no reason given".to_string() } else { why.to_string() })
    })
}

/// The "SomeError: message" line of a failed test's stderr, else its first non-empty line.
fn first_error_line(stderr: &[u8]) -> String {
    let text = String::from_utf8_lossy(stderr);
    let first = text
        .lines()
        .find(|l| {
            let first_word = l.split([':', ' ']).next().unwrap_or("");
            first_word.ends_with("Error") || first_word.ends_with("Exception")
        })
        .or_else(|| text.lines().find(|l| !l.trim().is_empty()))
        .unwrap_or("")
        .trim();
    first.chars().take(120).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn skip_line_is_a_skip_with_its_reason() {
        assert_eq!(skip_reason("1..0 # Skipped: missing crypto\n"), Some("missing crypto".into()));
        assert_eq!(skip_reason("ok\n  1..0 # Skipped\n"), Some("no reason given".into()));
        assert_eq!(skip_reason("# Skipped: not a tap plan\n"), None);
        assert_eq!(skip_reason("all good\n"), None);
    }

    #[test]
    fn skip_reasons_name_no_machine_path() {
        assert_eq!(
            without_paths("/x/y/nop binary is not available"),
            "<path> binary is not available"
        );
        assert_eq!(without_paths("missing crypto"), "missing crypto");
    }

    #[test]
    fn modules_by_name() {
        assert_eq!(module_of("test-crypto-hash.js"), "crypto");
        assert_eq!(module_of("test-child-process-fork.js"), "child-process");
        assert_eq!(module_of("test-child-process.mjs"), "child-process");
        assert_eq!(module_of("test-http2-ping.js"), "http2");
        assert_eq!(module_of("test-esm-loader.mjs"), "esm");
        assert_eq!(module_of("test-fs.js"), "fs");
    }
}
