//! `cargo xtask bench`: oxnode against node, deno and bun (whichever are found), in one run so
//! that the ratios hold on a noisy machine.
//!
//! - `startup`: `console.log("hello")`, interleaved runs, median and min wall time.
//! - `buffer`, `fs`, `ops`, `net`, `spawn`, `crypto`, `zlib`: `tests/bench/<name>.js`, a
//!   script every runtime runs unchanged and that prints `case value` lines (higher is
//!   better); rounds are interleaved and each case keeps its best round.
//! - `http`: each runtime's `node:http` server under an outside load generator, and each
//!   runtime's HTTP client against an outside server (see `http_load`).

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use std::net::SocketAddr;

use crate::http_load::{drive, read_port, HelloServer};
use crate::{find_tool, oxnode_bin, root, take_opt, USAGE};

/// The benchmarks that are a script in `tests/bench/` printing `case value` lines.
const THROUGHPUT_SCRIPTS: &[&str] = &["buffer", "fs", "ops", "net", "spawn", "crypto", "zlib"];

/// One runtime under test: its name, binary, and the arguments that run a script with it.
struct Tool {
    name: &'static str,
    path: PathBuf,
    args: Vec<String>,
}

/// `cargo xtask bench startup|buffer|fs|ops|net|spawn|crypto|zlib|http [--runs N]`.
pub(crate) fn bench(args: &[String]) -> Result<(), String> {
    let mut args = args.to_vec();
    let runs: Option<usize> = match take_opt(&mut args, "--runs")? {
        Some(v) => Some(v.parse().map_err(|_| format!("bad --runs {v}"))?),
        None => None,
    };
    if runs == Some(0) {
        return Err("--runs must be at least 1".to_string());
    }
    match args.as_slice() {
        [which] if which == "startup" => {
            let dir = std::env::temp_dir().join(format!("oxnode-bench-{}", std::process::id()));
            std::fs::create_dir_all(&dir)
                .map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
            let script = dir.join("hello.js");
            std::fs::write(&script, "console.log(\"hello\");\n").map_err(|e| e.to_string())?;
            let result = bench_startup(&script, runs.unwrap_or(30));
            let _ = std::fs::remove_dir_all(&dir);
            result
        }
        [which] if which == "http" => bench_http(runs.unwrap_or(3)),
        [which] if THROUGHPUT_SCRIPTS.contains(&which.as_str()) => {
            let script = root().join("tests/bench").join(format!("{which}.js"));
            bench_throughput(&script, runs.unwrap_or(3))
        }
        _ => Err(USAGE.to_string()),
    }
}

/// oxnode and every peer runtime found, each set up to run `script`.
fn tools(script: &Path) -> Result<Vec<Tool>, String> {
    let s = script.to_string_lossy().into_owned();
    let mut tools = vec![Tool { name: "oxnode", path: oxnode_bin()?, args: vec![s.clone()] }];
    if let Some(path) = find_tool(&["OXNODE_BENCH_NODE", "OXNODE_TEST_NODE"], &["node25", "node"]) {
        tools.push(Tool { name: "node", path, args: vec![s.clone()] });
    }
    if let Some(path) = find_tool(&["OXNODE_BENCH_DENO"], &["deno"]) {
        let args = vec!["run".into(), "--quiet".into(), "-A".into(), s.clone()];
        tools.push(Tool { name: "deno", path, args });
    }
    if let Some(path) = find_tool(&["OXNODE_BENCH_BUN"], &["bun"]) {
        tools.push(Tool { name: "bun", path, args: vec![s] });
    }
    Ok(tools)
}

/// Runs `tool` once with extra environment `env`; its stdout, or an error naming the tool
/// when it fails.
fn run_once(tool: &Tool, env: &[(&str, &str)]) -> Result<(String, Duration), String> {
    let start = Instant::now();
    let out = Command::new(&tool.path)
        .args(&tool.args)
        .envs(env.iter().copied())
        .stdin(Stdio::null())
        .stderr(Stdio::piped())
        .stdout(Stdio::piped())
        .output()
        .map_err(|e| format!("cannot run {}: {e}", tool.path.display()))?;
    let took = start.elapsed();
    if !out.status.success() {
        return Err(format!(
            "{} failed (status {}): {}",
            tool.name,
            out.status,
            String::from_utf8_lossy(&out.stderr).trim()
        ));
    }
    Ok((String::from_utf8_lossy(&out.stdout).into_owned(), took))
}

/// Times `console.log("hello")` under every runtime found, interleaving the runs.
fn bench_startup(script: &Path, runs: usize) -> Result<(), String> {
    let tools = tools(script)?;
    println!("startup: console.log(\"hello\"), {runs} runs each, interleaved");
    for tool in &tools {
        println!("  {:<7} {}", tool.name, tool.path.display());
    }
    let timed = |tool: &Tool| -> Result<Duration, String> {
        let (stdout, took) = run_once(tool, &[])?;
        if stdout.trim() != "hello" {
            return Err(format!("{} did not print hello", tool.name));
        }
        Ok(took)
    };
    // One warm-up run each (page cache, first-run caches), not counted.
    for tool in &tools {
        timed(tool)?;
    }
    let mut times: Vec<Vec<f64>> = vec![Vec::with_capacity(runs); tools.len()];
    for _ in 0..runs {
        for (i, tool) in tools.iter().enumerate() {
            times[i].push(timed(tool)?.as_secs_f64() * 1000.0);
        }
    }
    let stats: Vec<(f64, f64)> = times
        .iter_mut()
        .map(|t| {
            t.sort_by(|a, b| a.total_cmp(b));
            let median = if t.len() % 2 == 1 {
                t[t.len() / 2]
            } else {
                (t[t.len() / 2 - 1] + t[t.len() / 2]) / 2.0
            };
            (median, t[0])
        })
        .collect();
    let (ox_median, ox_min) = stats[0];
    println!(
        "\n{:<8} {:>10} {:>10} {:>14} {:>14}",
        "runtime", "median ms", "min ms", "median/oxnode", "min/oxnode"
    );
    for (tool, (median, min)) in tools.iter().zip(&stats) {
        println!(
            "{:<8} {median:>10.2} {min:>10.2} {:>14.2} {:>14.2}",
            tool.name,
            median / ox_median,
            min / ox_min
        );
    }
    Ok(())
}

/// Runs a `case value` script `runs` times under each runtime (interleaved), keeps each case's
/// best value and prints them with every runtime's value relative to oxnode's.
fn bench_throughput(script: &Path, runs: usize) -> Result<(), String> {
    let tools = tools(script)?;
    println!("{}: best of {runs} interleaved runs, higher is better", script.display());
    for tool in &tools {
        println!("  {:<7} {}", tool.name, tool.path.display());
    }
    // best[tool] = [(case, best value)] in the order the script prints them.
    let mut best: Vec<Vec<(String, f64)>> = vec![Vec::new(); tools.len()];
    for _ in 0..runs {
        for (i, tool) in tools.iter().enumerate() {
            let (stdout, _) = run_once(tool, &[])?;
            for line in stdout.lines() {
                let mut words = line.split_whitespace();
                let (Some(case), Some(value)) = (words.next(), words.next()) else { continue };
                let Ok(value) = value.parse::<f64>() else { continue };
                record(&mut best[i], case, value);
            }
        }
    }
    print_table(&tools, &best);
    Ok(())
}

/// Keeps the best `value` seen for `case`, in first-seen order.
fn record(best: &mut Vec<(String, f64)>, case: &str, value: f64) {
    match best.iter_mut().find(|(c, _)| c == case) {
        Some(entry) => entry.1 = entry.1.max(value),
        None => best.push((case.to_string(), value)),
    }
}

/// Prints each case's best value per runtime, and every peer's value relative to oxnode's.
fn print_table(tools: &[Tool], best: &[Vec<(String, f64)>]) {
    print!("\n{:<18}", "case");
    for tool in tools {
        print!(" {:>10}", tool.name);
    }
    for tool in &tools[1..] {
        print!(" {:>12}", format!("{}/oxnode", tool.name));
    }
    println!();
    for (case, ox_value) in &best[0] {
        let values: Vec<Option<f64>> = best
            .iter()
            .map(|cases| cases.iter().find(|(c, _)| c == case).map(|(_, v)| *v))
            .collect();
        print!("{case:<18}");
        for value in &values {
            match value {
                Some(v) => print!(" {v:>10.1}"),
                None => print!(" {:>10}", "-"),
            }
        }
        for value in &values[1..] {
            match value {
                Some(v) if *ox_value > 0.0 => print!(" {:>12.2}", v / ox_value),
                _ => print!(" {:>12}", "-"),
            }
        }
        println!();
    }
}

/// `bench http`: each runtime's `node:http` server under a load generator that is none of
/// them (hello world over 64 keep-alive connections, a 1 MiB body over 8), then each
/// runtime's client (`http.request` keep-alive loop, `fetch`) against one fixed server.
fn bench_http(runs: usize) -> Result<(), String> {
    let server_script = root().join("tests/bench/http_server.js");
    let client_script = root().join("tests/bench/http_client.js");
    let servers = tools(&server_script)?;
    let clients = tools(&client_script)?;
    println!("http: best of {runs} interleaved runs, higher is better");
    for tool in &servers {
        println!("  {:<7} {}", tool.name, tool.path.display());
    }
    let hello = HelloServer::start()?;
    let url = format!("http://{}/", hello.addr);
    let mut best: Vec<Vec<(String, f64)>> = vec![Vec::new(); servers.len()];
    for _ in 0..runs {
        for (i, tool) in servers.iter().enumerate() {
            for (case, value) in load_server(tool)? {
                record(&mut best[i], case, value);
            }
            let (stdout, _) = run_once(&clients[i], &[("OXNODE_BENCH_URL", &url)])?;
            for line in stdout.lines() {
                let mut words = line.split_whitespace();
                let (Some(case), Some(value)) = (words.next(), words.next()) else { continue };
                let Ok(value) = value.parse::<f64>() else { continue };
                record(&mut best[i], case, value);
            }
        }
    }
    print_table(&servers, &best);
    Ok(())
}

/// Starts `tool`'s HTTP server, loads it, stops it; `(case, value)` pairs.
fn load_server(tool: &Tool) -> Result<Vec<(&'static str, f64)>, String> {
    let mut child = Command::new(&tool.path)
        .args(&tool.args)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit())
        .spawn()
        .map_err(|e| format!("cannot run {}: {e}", tool.path.display()))?;
    let result = (|| {
        let stdout = child.stdout.take().ok_or("no stdout")?;
        let (port, _rest) = read_port(stdout)?;
        let addr = SocketAddr::from(([127, 0, 0, 1], port));
        let failed = |e: String| format!("{} server: {e}", tool.name);
        // Warm-up: the JIT, the allocator and the sockets' buffers.
        drive(addr, "/", 64, Duration::from_secs(1)).map_err(failed)?;
        let hello = drive(addr, "/", 64, Duration::from_secs(5)).map_err(failed)?;
        let big = drive(addr, "/1m", 8, Duration::from_secs(3)).map_err(failed)?;
        Ok(vec![
            ("hello-req/s", hello.responses as f64 / hello.elapsed.as_secs_f64()),
            ("1MiB-MB/s", big.body_bytes as f64 / 1048576.0 / big.elapsed.as_secs_f64()),
        ])
    })();
    let _ = child.kill();
    let _ = child.wait();
    result
}
