//! Embeds every file under `js/` into the binary as `(id, source)` pairs, where the id is
//! the path under `js/` without `.js` (`internal/errors`, `util`, …).

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

fn collect(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            collect(&path, out);
        } else if path.extension().is_some_and(|e| e == "js") {
            out.push(path);
        }
    }
}

fn main() {
    let root =
        PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").expect("cargo sets it")).join("js");
    println!("cargo:rerun-if-changed={}", root.display());
    let mut files = Vec::new();
    collect(&root, &mut files);
    let mut entries: Vec<(String, PathBuf)> = files
        .into_iter()
        .map(|file| {
            let relative = file.strip_prefix(&root).expect("under js/");
            (relative.with_extension("").to_string_lossy().replace('\\', "/"), file)
        })
        .collect();
    // Sorted by id as a string: `source()` binary-searches it.
    entries.sort();
    let mut table = String::from("/// Every embedded JS file: `(id, source)`, sorted by id.\npub static SOURCES: &[(&str, &str)] = &[\n");
    for (id, file) in &entries {
        println!("cargo:rerun-if-changed={}", file.display());
        writeln!(table, "    ({id:?}, include_str!({:?})),", file.display().to_string())
            .expect("string write");
    }
    table.push_str("];\n");
    let out = PathBuf::from(std::env::var("OUT_DIR").expect("cargo sets it")).join("js_sources.rs");
    std::fs::write(out, table).expect("OUT_DIR is writable");
}
