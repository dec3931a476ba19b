//! `internalBinding('env')`: the live process environment behind `process.env`. Writes go
//! to the real environment, so child processes see them.

use engine::{HostValue, Op, OpCtx, OpResult};

pub(super) const OPS: &[Op] = &[
    Op { binding: "env", name: "get", func: get },
    Op { binding: "env", name: "set", func: set },
    Op { binding: "env", name: "remove", func: remove },
    Op { binding: "env", name: "keys", func: keys },
];

fn valid_name(name: &str) -> bool {
    !name.is_empty() && !name.contains('=') && !name.contains('\0')
}

fn get(ctx: &mut dyn OpCtx) -> OpResult {
    let name: String = ctx.arg(0, "name")?;
    if !valid_name(&name) {
        return Ok(HostValue::Undefined);
    }
    Ok(std::env::var_os(&name).map(|v| v.to_string_lossy().into_owned()).into())
}

fn set(ctx: &mut dyn OpCtx) -> OpResult {
    let name: String = ctx.arg(0, "name")?;
    let value: String = ctx.arg(1, "value")?;
    if valid_name(&name) && !value.contains('\0') {
        std::env::set_var(name, value);
    }
    Ok(HostValue::Undefined)
}

fn remove(ctx: &mut dyn OpCtx) -> OpResult {
    let name: String = ctx.arg(0, "name")?;
    if valid_name(&name) {
        std::env::remove_var(name);
    }
    Ok(HostValue::Bool(true))
}

fn keys(_ctx: &mut dyn OpCtx) -> OpResult {
    Ok(std::env::vars_os()
        .map(|(k, _)| k.to_string_lossy().into_owned())
        .collect::<Vec<_>>()
        .into())
}
