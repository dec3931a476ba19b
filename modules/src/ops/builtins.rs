//! `internalBinding('builtins')`: the embedded JS library's ids and sources.

use engine::{HostValue, Op, OpCtx, OpResult};

pub(super) const OPS: &[Op] = &[
    Op {
        binding: "builtins",
        name: "ids",
        func: ids,
    },
    Op {
        binding: "builtins",
        name: "source",
        func: source,
    },
];

fn ids(_ctx: &mut dyn OpCtx) -> OpResult {
    Ok(HostValue::Array(
        crate::SOURCES
            .iter()
            .map(|(id, _)| HostValue::from(*id))
            .collect(),
    ))
}

fn source(ctx: &mut dyn OpCtx) -> OpResult {
    let id: String = ctx.arg(0, "id")?;
    Ok(crate::source(&id).into())
}
