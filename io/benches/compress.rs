//! Throughput of `io::compress` per backend against Node's zlib on the same data.
//!
//! Generates ~8 MiB of deterministic JSON-like text, times one-shot gzip/gunzip (levels 1 and
//! 6) on every compiled backend plus brotli and zstd, then runs `compress_node.js` beside this
//! file with Node (OXNODE_TEST_NODE, else `node` on PATH) on the very same bytes, so both sets
//! of numbers come from one run. MB/s are of uncompressed bytes; best of several runs.

use std::io::Write;
use std::process::Command;
use std::time::{Duration, Instant};

use io::compress::{backends, new_codec_with, process_all, Backend, Mode, Options};

const SIZE: usize = 8 << 20;

fn sample(len: usize) -> Vec<u8> {
    let mut out = Vec::with_capacity(len + 256);
    let mut x: u32 = 12345;
    let words = [
        "alpha",
        "beta",
        "gamma",
        "delta",
        "status",
        "ok",
        "error",
        "user",
        "id",
        "name",
        "created_at",
        "tags",
    ];
    let mut n = 0u32;
    while out.len() < len {
        x = x.wrapping_mul(1_103_515_245).wrapping_add(12345);
        let w = words[(x >> 16) as usize % words.len()];
        n += 1;
        let _ = writeln!(
            out,
            "{{\"id\":{n},\"{w}\":\"{w}-{}\",\"score\":{}.{},\"active\":{}}},",
            x >> 20,
            x % 1000,
            x % 97,
            x & 1 == 0
        );
    }
    out.truncate(len);
    out
}

/// Best time of `runs` calls of `f`.
fn best<T>(runs: usize, mut f: impl FnMut() -> T) -> (Duration, T) {
    let mut best = Duration::MAX;
    let mut last = None;
    for _ in 0..runs {
        let t = Instant::now();
        let out = f();
        best = best.min(t.elapsed());
        last = Some(out);
    }
    (best, last.expect("runs > 0"))
}

fn mbps(bytes: usize, d: Duration) -> f64 {
    bytes as f64 / (1 << 20) as f64 / d.as_secs_f64()
}

fn one(backend: &dyn Backend, mode: Mode, opts: &Options, input: &[u8]) -> Vec<u8> {
    let mut c = new_codec_with(backend, mode, opts).expect("codec");
    process_all(c.as_mut(), input, 64 * 1024, usize::MAX).expect("process")
}

fn row(
    name: &str,
    what: &str,
    data: &[u8],
    comp: impl Fn(&[u8]) -> Vec<u8>,
    decomp: impl Fn(&[u8]) -> Vec<u8>,
) {
    let (tc, z) = best(3, || comp(data));
    let (td, back) = best(3, || decomp(&z));
    assert_eq!(back.len(), data.len());
    println!(
        "{name:<12} {what:<10} compress {:>8.1} MB/s   decompress {:>8.1} MB/s   ratio {:.3}",
        mbps(data.len(), tc),
        mbps(data.len(), td),
        z.len() as f64 / data.len() as f64
    );
}

fn main() {
    let data = sample(SIZE);
    println!("data: {} bytes of JSON-like text", data.len());
    for b in backends() {
        for level in [1, 6] {
            let opts = Options { level, ..Options::default() };
            row(
                b.name(),
                &format!("gzip -{level}"),
                &data,
                |d| one(b, Mode::Gzip, &opts, d),
                |z| one(b, Mode::Gunzip, &Options::default(), z),
            );
        }
    }
    let default = backends()[0];
    let br = Options { brotli_params: vec![(1, 5)], ..Options::default() };
    row(
        "brotli",
        "q5",
        &data,
        |d| one(default, Mode::BrotliEncode, &br, d),
        |z| one(default, Mode::BrotliDecode, &Options::default(), z),
    );
    row(
        "ruzstd",
        "fastest",
        &data,
        |d| one(default, Mode::ZstdCompress, &Options::default(), d),
        |z| one(default, Mode::ZstdDecompress, &Options::default(), z),
    );

    let node = std::env::var("OXNODE_TEST_NODE").unwrap_or_else(|_| "node".into());
    let path =
        std::env::temp_dir().join(format!("oxnode-compress-bench-{}.json", std::process::id()));
    if std::fs::write(&path, &data).is_err() {
        println!("could not write the data file: Node not run");
        return;
    }
    let script = concat!(env!("CARGO_MANIFEST_DIR"), "/benches/compress_node.js");
    match Command::new(&node).arg(script).arg(&path).status() {
        Ok(s) if s.success() => {}
        _ => println!("node ({node}) not run: set OXNODE_TEST_NODE"),
    }
    let _ = std::fs::remove_file(&path);
}
