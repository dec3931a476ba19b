//! `internalBinding('cares_wrap')`: name resolution for `dns` and `net`, on `io::dns`.
//!
//! `getaddrinfo` and `getnameinfo` block, so they run on the loop's blocking pool as Node's
//! `dns.lookup`/`lookupService` do. The `resolve*` family talks DNS through a channel (one per
//! `dns.Resolver`, c-ares' `ares_channel`): a [`HickoryResolver`] whose queries run as tasks
//! on the loop's runtime, with no thread held while they wait. Every request settles through
//! the `completion` hook with a value shaped as Node returns it, or Node's DNS error (`code`,
//! `errno`, `syscall`, `hostname`).

use std::collections::HashMap;
use std::net::{IpAddr, Ipv4Addr, Ipv6Addr, SocketAddr};
use std::sync::Arc;
use std::time::Duration;

use engine::{HostValue, Op, OpCtx, OpResult, ThrowError};
use io::dns::{
    system, AddressTtl, Answer, AnyRecord, CaaRecord, DnsError, Family, HickoryResolver,
    LookupHints, LookupOptions, MxRecord, NaptrRecord, Order, RecordType, ResolveOptions, Resolver,
    ResolverOptions, SoaRecord, SrvRecord,
};

use super::async_op;

pub(super) const OPS: &[Op] = &[
    Op { binding: "cares_wrap", name: "getaddrinfo", func: getaddrinfo },
    Op { binding: "cares_wrap", name: "getnameinfo", func: getnameinfo },
    Op { binding: "cares_wrap", name: "channelNew", func: channel_new },
    Op { binding: "cares_wrap", name: "channelQuery", func: channel_query },
    Op { binding: "cares_wrap", name: "channelReverse", func: channel_reverse },
    Op { binding: "cares_wrap", name: "channelGetServers", func: channel_get_servers },
    Op { binding: "cares_wrap", name: "channelSetServers", func: channel_set_servers },
    Op { binding: "cares_wrap", name: "channelSetLocalAddress", func: channel_set_local_address },
    Op { binding: "cares_wrap", name: "channelCancel", func: channel_cancel },
];

/// Node's DNS error as a thrown value.
fn dns_error(e: DnsError) -> ThrowError {
    let mut error =
        ThrowError::error(e.message()).with("code", e.code.as_str()).with("syscall", e.syscall);
    if let Some(errno) = e.errno {
        error = error.with("errno", errno);
    }
    if let Some(h) = e.hostname {
        error = error.with("hostname", h);
    }
    error
}

/// `getaddrinfo(hostname, family, hints, order)` → request id; settles with
/// `[[address, family], …]` in the order asked for (`'verbatim'`, `'ipv4first'`, `'ipv6first'`).
fn getaddrinfo(ctx: &mut dyn OpCtx) -> OpResult {
    let hostname: String = ctx.arg(0, "hostname")?;
    let family = match ctx.arg_number(1).unwrap_or(0.0) as i64 {
        4 => Family::V4,
        6 => Family::V6,
        _ => Family::Any,
    };
    let hints = LookupHints(ctx.arg_number(2).unwrap_or(0.0) as i32);
    let order = ctx.arg_string(3).and_then(|o| Order::from_node_str(&o)).unwrap_or_default();
    let options = LookupOptions { family, hints, all: true, order };
    async_op::spawn(ctx, move || match system::lookup_blocking(&hostname, &options) {
        Ok(addresses) => Ok(HostValue::Array(
            addresses
                .into_iter()
                .map(|a| {
                    HostValue::Array(vec![a.address.to_string().into(), u32::from(a.family).into()])
                })
                .collect(),
        )),
        Err(e) => Err(dns_error(e)),
    })
}

/// `getnameinfo(address, port)` → request id; settles with `[hostname, service]`.
fn getnameinfo(ctx: &mut dyn OpCtx) -> OpResult {
    let address: String = ctx.arg(0, "address")?;
    let port = ctx.arg_number(1).unwrap_or(0.0);
    let ip: IpAddr = address.parse().map_err(|_| {
        ThrowError::type_error("ERR_INVALID_ARG_VALUE", format!("Invalid IP address: {address}"))
    })?;
    let addr = SocketAddr::new(ip, port.clamp(0.0, 65535.0) as u16);
    async_op::spawn(ctx, move || match system::lookup_service_blocking(addr) {
        Ok((host, service)) => Ok(HostValue::Array(vec![host.into(), service.into()])),
        Err(e) => Err(dns_error(e)),
    })
}

/// The realm's DNS channels by id (one per `dns.Resolver`).
#[derive(Default)]
struct Channels {
    next: u32,
    by_id: HashMap<u32, Arc<HickoryResolver>>,
}

fn channel(ctx: &mut dyn OpCtx) -> Result<Arc<HickoryResolver>, ThrowError> {
    let id = ctx.arg_number(0).unwrap_or(0.0) as u32;
    ctx.state()
        .get_or_default::<Channels>()
        .by_id
        .get(&id)
        .cloned()
        .ok_or_else(|| ThrowError::error("no such DNS channel"))
}

/// Milliseconds from JS as an optional duration (negative: the default).
fn millis(value: Option<f64>) -> Option<Duration> {
    value.filter(|v| v.is_finite() && *v >= 0.0).map(|v| Duration::from_millis(v as u64))
}

/// `channelNew(timeoutMs, tries, maxTimeoutMs)` → a channel id using the system's servers.
fn channel_new(ctx: &mut dyn OpCtx) -> OpResult {
    let options = ResolverOptions {
        timeout: millis(ctx.arg_number(0)),
        tries: ctx.arg_number(1).filter(|t| *t >= 1.0).map_or(4, |t| t.min(u32::MAX as f64) as u32),
        max_timeout: millis(ctx.arg_number(2)),
        ..ResolverOptions::default()
    };
    let channels = ctx.state().get_or_default::<Channels>();
    channels.next += 1;
    let id = channels.next;
    channels.by_id.insert(id, Arc::new(HickoryResolver::new(options)));
    Ok(HostValue::Number(id as f64))
}

/// `channelQuery(channel, rrtype, name, ttl)` → request id; settles with the records.
fn channel_query(ctx: &mut dyn OpCtx) -> OpResult {
    let resolver = channel(ctx)?;
    let rrtype: String = ctx.arg(1, "rrtype")?;
    let name: String = ctx.arg(2, "name")?;
    let ttl = ctx.arg_truthy(3);
    let rrtype = RecordType::from_node_str(&rrtype).ok_or_else(|| {
        ThrowError::type_error("ERR_INVALID_ARG_VALUE", format!("Unknown rrtype {rrtype}"))
    })?;
    let query = resolver.resolve(&name, rrtype, &ResolveOptions { ttl });
    async_op::spawn_task(ctx, async move {
        match query.await {
            Ok(answer) => Ok(answer_value(answer)),
            Err(e) => Err(dns_error(e)),
        }
    })
}

/// `channelReverse(channel, ip)` → request id; settles with the PTR names.
fn channel_reverse(ctx: &mut dyn OpCtx) -> OpResult {
    let resolver = channel(ctx)?;
    let ip: String = ctx.arg(1, "ip")?;
    let query = resolver.reverse(&ip);
    async_op::spawn_task(ctx, async move {
        match query.await {
            Ok(names) => Ok(HostValue::Array(names.into_iter().map(HostValue::from).collect())),
            Err(e) => Err(dns_error(e)),
        }
    })
}

/// `channelGetServers(channel)` → `[[address, port], …]`, as Node's ChannelWrap gives them.
fn channel_get_servers(ctx: &mut dyn OpCtx) -> OpResult {
    let resolver = channel(ctx)?;
    Ok(HostValue::Array(
        resolver
            .servers()
            .into_iter()
            .map(|addr| {
                HostValue::Array(vec![addr.ip().to_string().into(), u32::from(addr.port()).into()])
            })
            .collect(),
    ))
}

/// `channelSetServers(channel, servers)`: replaces the servers (all parsed before any applies).
fn channel_set_servers(ctx: &mut dyn OpCtx) -> OpResult {
    let resolver = channel(ctx)?;
    let servers = ctx.arg_strings(1).unwrap_or_default();
    let refs: Vec<&str> = servers.iter().map(String::as_str).collect();
    resolver.set_servers(&refs).map_err(|e| ThrowError::type_error(e.code(), e.to_string()))?;
    Ok(HostValue::Undefined)
}

/// `channelSetLocalAddress(channel, ipv4, ipv6)`: source addresses for queries; either may
/// be an IPv4 or IPv6 address (Node sorts them by family), at most one of each.
fn channel_set_local_address(ctx: &mut dyn OpCtx) -> OpResult {
    let resolver = channel(ctx)?;
    let mut v4: Option<Ipv4Addr> = None;
    let mut v6: Option<Ipv6Addr> = None;
    for i in [1, 2] {
        let Some(text) = ctx.arg_string(i) else { continue };
        match text.parse::<IpAddr>() {
            Ok(IpAddr::V4(a)) if v4.is_none() => v4 = Some(a),
            Ok(IpAddr::V6(a)) if v6.is_none() => v6 = Some(a),
            Ok(_) => {
                return Err(ThrowError::type_error(
                    "ERR_INVALID_ARG_VALUE",
                    "Cannot specify two IP addresses of the same family.",
                ))
            }
            Err(_) => {
                return Err(ThrowError::type_error("ERR_INVALID_ARG_VALUE", "Invalid IP address."))
            }
        }
    }
    resolver.set_local_address(v4, v6);
    Ok(HostValue::Undefined)
}

/// `channelCancel(channel)`: every query in flight fails with `ECANCELLED`.
fn channel_cancel(ctx: &mut dyn OpCtx) -> OpResult {
    channel(ctx)?.cancel();
    Ok(HostValue::Undefined)
}

/// An object from key/value pairs.
fn object(props: Vec<(&str, HostValue)>) -> HostValue {
    HostValue::Object(props.into_iter().map(|(k, v)| (k.to_owned(), v)).collect())
}

fn strings(list: Vec<String>) -> HostValue {
    HostValue::Array(list.into_iter().map(HostValue::from).collect())
}

fn address_ttl<A: ToString>(record: AddressTtl<A>) -> HostValue {
    object(vec![("address", record.address.to_string().into()), ("ttl", record.ttl.into())])
}

fn mx(r: MxRecord) -> Vec<(&'static str, HostValue)> {
    vec![("exchange", r.exchange.into()), ("priority", u32::from(r.priority).into())]
}

fn naptr(r: NaptrRecord) -> Vec<(&'static str, HostValue)> {
    vec![
        ("flags", r.flags.into()),
        ("service", r.service.into()),
        ("regexp", r.regexp.into()),
        ("replacement", r.replacement.into()),
        ("order", u32::from(r.order).into()),
        ("preference", u32::from(r.preference).into()),
    ]
}

fn soa(r: SoaRecord) -> Vec<(&'static str, HostValue)> {
    vec![
        ("nsname", r.nsname.into()),
        ("hostmaster", r.hostmaster.into()),
        ("serial", r.serial.into()),
        ("refresh", r.refresh.into()),
        ("retry", r.retry.into()),
        ("expire", r.expire.into()),
        ("minttl", r.minttl.into()),
    ]
}

fn srv(r: SrvRecord) -> Vec<(&'static str, HostValue)> {
    vec![
        ("name", r.name.into()),
        ("port", u32::from(r.port).into()),
        ("priority", u32::from(r.priority).into()),
        ("weight", u32::from(r.weight).into()),
    ]
}

/// `{ critical, [tag]: value }`, Node's CAA shape.
fn caa(r: CaaRecord) -> HostValue {
    HostValue::Object(vec![
        ("critical".to_owned(), u32::from(r.critical).into()),
        (r.tag, r.value.into()),
    ])
}

/// A record object with Node 25's trailing `type` (MX, NAPTR and SRV answers carry it).
fn typed(mut props: Vec<(&'static str, HostValue)>, kind: &'static str) -> HostValue {
    props.push(("type", kind.into()));
    object(props)
}

/// `{ critical, type: 'CAA', [tag]: value }`, as Node 25 orders a CAA answer.
fn caa_typed(r: CaaRecord) -> HostValue {
    HostValue::Object(vec![
        ("critical".to_owned(), u32::from(r.critical).into()),
        ("type".to_owned(), "CAA".into()),
        (r.tag, r.value.into()),
    ])
}

/// One `resolveAny` entry with its `type`.
fn any_record(record: AnyRecord) -> HostValue {
    let kind = record.type_name();
    let mut props: Vec<(String, HostValue)> = match record {
        AnyRecord::A(r) => {
            vec![("address".into(), r.address.to_string().into()), ("ttl".into(), r.ttl.into())]
        }
        AnyRecord::Aaaa(r) => {
            vec![("address".into(), r.address.to_string().into()), ("ttl".into(), r.ttl.into())]
        }
        AnyRecord::Caa(r) => match caa(r) {
            HostValue::Object(props) => props,
            _ => Vec::new(),
        },
        AnyRecord::Cname(v) | AnyRecord::Ns(v) | AnyRecord::Ptr(v) => {
            vec![("value".into(), v.into())]
        }
        AnyRecord::Mx(r) => owned(mx(r)),
        AnyRecord::Naptr(r) => owned(naptr(r)),
        AnyRecord::Soa(r) => owned(soa(r)),
        AnyRecord::Srv(r) => owned(srv(r)),
        AnyRecord::Txt(entries) => vec![("entries".into(), strings(entries))],
    };
    props.push(("type".into(), kind.into()));
    HostValue::Object(props)
}

fn owned(props: Vec<(&'static str, HostValue)>) -> Vec<(String, HostValue)> {
    props.into_iter().map(|(k, v)| (k.to_owned(), v)).collect()
}

/// An answer in the shape Node's `resolve*` returns.
fn answer_value(answer: Answer) -> HostValue {
    let list = |items: Vec<HostValue>| HostValue::Array(items);
    match answer {
        Answer::A(addrs) => list(addrs.into_iter().map(|a| a.to_string().into()).collect()),
        Answer::Aaaa(addrs) => list(addrs.into_iter().map(|a| a.to_string().into()).collect()),
        Answer::ATtl(records) => list(records.into_iter().map(address_ttl).collect()),
        Answer::AaaaTtl(records) => list(records.into_iter().map(address_ttl).collect()),
        Answer::Any(records) => list(records.into_iter().map(any_record).collect()),
        Answer::Caa(records) => list(records.into_iter().map(caa_typed).collect()),
        Answer::Cname(names) | Answer::Ns(names) | Answer::Ptr(names) => strings(names),
        Answer::Mx(records) => list(records.into_iter().map(|r| typed(mx(r), "MX")).collect()),
        Answer::Naptr(records) => {
            list(records.into_iter().map(|r| typed(naptr(r), "NAPTR")).collect())
        }
        Answer::Soa(record) => object(soa(record)),
        Answer::Srv(records) => list(records.into_iter().map(|r| typed(srv(r), "SRV")).collect()),
        Answer::Txt(records) => list(records.into_iter().map(strings).collect()),
    }
}
