//! `internalBinding('cares_wrap')`: name resolution for `net` (and later `dns`).
//!
//! `getaddrinfo(hostname, family, all)` runs getaddrinfo on the blocking pool, as Node's
//! `dns.lookup` does, and settles with `[[address, family], …]` or Node's DNS error
//! (`code`, `errno`, `syscall`, `hostname`).

use engine::{HostValue, Op, OpCtx, OpResult, ThrowError};
use io::dns::{system, Family, LookupOptions};

use super::async_op;

pub(super) const OPS: &[Op] =
    &[Op { binding: "cares_wrap", name: "getaddrinfo", func: getaddrinfo }];

fn getaddrinfo(ctx: &mut dyn OpCtx) -> OpResult {
    let hostname: String = ctx.arg(0, "hostname")?;
    let family = match ctx.arg_number(1).unwrap_or(0.0) as i64 {
        4 => Family::V4,
        6 => Family::V6,
        _ => Family::Any,
    };
    let options = LookupOptions { family, all: true, ..LookupOptions::default() };
    async_op::spawn(ctx, move || match system::lookup_blocking(&hostname, &options) {
        Ok(addresses) => Ok(HostValue::Array(
            addresses
                .into_iter()
                .map(|a| {
                    HostValue::Array(vec![a.address.to_string().into(), u32::from(a.family).into()])
                })
                .collect(),
        )),
        Err(e) => {
            let mut error = ThrowError::error(e.message())
                .with("code", e.code.as_str())
                .with("syscall", e.syscall);
            if let Some(errno) = e.errno {
                error = error.with("errno", errno);
            }
            if let Some(h) = e.hostname {
                error = error.with("hostname", h);
            }
            Err(error)
        }
    })
}
