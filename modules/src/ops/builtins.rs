//! `internalBinding('builtins')`: the JS library's ids and sources.
//!
//! They come from the copy embedded at build time, unless `OXNODE_JS_DIR` names a `js/`
//! folder to read them from instead: a developer then edits JS and reruns without a rebuild.

use engine::{Op, OpCtx, OpResult};

pub(super) const OPS: &[Op] = &[
    Op { binding: "builtins", name: "ids", func: ids },
    Op { binding: "builtins", name: "source", func: source },
];

fn collect(root: &std::path::Path, dir: &std::path::Path, out: &mut Vec<String>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            collect(root, &path, out);
        } else if path.extension().is_some_and(|e| e == "js") {
            if let Ok(relative) = path.with_extension("").strip_prefix(root) {
                out.push(relative.to_string_lossy().into_owned());
            }
        }
    }
}

fn ids(_ctx: &mut dyn OpCtx) -> OpResult {
    let mut ids: Vec<String> = match crate::dev_js_dir() {
        Some(dir) => {
            let mut found = Vec::new();
            collect(&dir, &dir, &mut found);
            found
        }
        None => crate::SOURCES.iter().map(|(id, _)| (*id).to_owned()).collect(),
    };
    ids.sort();
    Ok(ids.into())
}

fn source(ctx: &mut dyn OpCtx) -> OpResult {
    let id: String = ctx.arg(0, "id")?;
    Ok(crate::current_source(&id).map(|s| s.into_owned()).into())
}
