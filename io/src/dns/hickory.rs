//! [`HickoryResolver`]: the default [`Resolver`], c-ares' role played by `hickory-resolver`.
//!
//! # Design
//!
//! One `HickoryResolver` is one Node `Resolver` (one c-ares channel): its own server list,
//! local bind addresses, `timeout`/`tries`, and a [`CancelHandle`]. hickory's resolver is
//! immutable once built, so the mutable parts live in a `State` behind a lock and a hickory
//! resolver is (re)built lazily from them; every query takes an `Arc` to the current one, so
//! `setServers` during a query affects only later queries, as in c-ares.
//!
//! hickory is configured to behave like c-ares' `ares_query`, which Node's `resolve*` call:
//! names are sent fully qualified (no search list), no hosts file, no cache, UDP first with
//! TCP on truncation. Retries and fail-over are not left to hickory, whose pool gives all
//! servers together one `timeout` and retries in the same order (so a dead first server would
//! hide a live second one); instead there is one single-server hickory resolver per server and
//! `query_servers` runs c-ares' loop: `tries` rounds over the servers in order, each send
//! bounded by `timeout` (doubled each round, up to `maxTimeout`), moving on after timeouts,
//! unreachable servers, SERVFAIL/REFUSED/NOTIMP/FORMERR and undecodable answers, stopping at
//! an answer, NXDOMAIN or NODATA. Only the records of the asked-for type are returned (see
//! `records.rs`).
//!
//! `lookup` follows Node: by default it is the system's getaddrinfo on the blocking pool
//! ([`LookupBackend::System`]); [`LookupBackend::Hickory`] answers it from `/etc/hosts` and then
//! DNS with the system search list instead, for hosts where libc's resolver is unwanted.
//!
//! Futures returned here need a tokio runtime with I/O and time enabled when polled.

use std::net::{IpAddr, Ipv4Addr, Ipv6Addr, SocketAddr};
use std::sync::{Arc, RwLock};
use std::time::Duration;

use hickory_resolver::config::{
    NameServerConfig, ResolveHosts, ResolverConfig, ResolverOpts, ServerOrderingStrategy,
};
use hickory_resolver::net::runtime::TokioRuntimeProvider;
use hickory_resolver::net::{DnsError as HickoryDnsError, NetError};
use hickory_resolver::proto::op::ResponseCode;
use hickory_resolver::proto::rr::{Name, Record, RecordType as WireType};
use hickory_resolver::TokioResolver;

use super::cancel::CancelHandle;
use super::error::{DnsError, DnsErrorCode, InvalidServerError};
use super::records::{name_string, to_answer};
use super::servers::{format_server, parse_servers, DNS_PORT};
use super::types::{Answer, Family, LookupAddress, LookupOptions, RecordType, ResolveOptions};
use super::{system, DnsFuture, Resolver};

/// c-ares' default per-try timeout, used when Node's `timeout` is -1.
pub const DEFAULT_TIMEOUT: Duration = Duration::from_millis(2000);
/// Node's default `tries`.
pub const DEFAULT_TRIES: u32 = 4;

/// Where `lookup` gets its answers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum LookupBackend {
    /// The system's getaddrinfo on the blocking pool, as Node does.
    #[default]
    System,
    /// `/etc/hosts`, then DNS through hickory with the system search list.
    Hickory,
}

/// Options of `new Resolver(options)` plus the choice of `lookup` backend.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ResolverOptions {
    /// Node's `timeout`: per-try timeout; `None` is Node's -1, c-ares' default (2 s).
    pub timeout: Option<Duration>,
    /// Node's `tries`: sends per server before giving up (at least 1).
    pub tries: u32,
    /// Node's `maxTimeout`: the cap on a round's wait, which doubles each round as c-ares'.
    pub max_timeout: Option<Duration>,
    /// Backend of `lookup`.
    pub lookup: LookupBackend,
}

impl Default for ResolverOptions {
    fn default() -> Self {
        ResolverOptions {
            timeout: None,
            tries: DEFAULT_TRIES,
            max_timeout: None,
            lookup: LookupBackend::System,
        }
    }
}

impl ResolverOptions {
    /// The wait of round `round` (from 0): c-ares doubles the timeout each round, up to
    /// `maxTimeout` when one is set.
    fn round_timeout(&self, round: u32) -> Duration {
        // `timeout: 0` is c-ares' shortest wait (1 ms), not its default: doubling from the
        // 2 s default over Node's 4 tries would take 30 s.
        let t = self.timeout.unwrap_or(DEFAULT_TIMEOUT).max(Duration::from_millis(1));
        let t = t.saturating_mul(1u32.checked_shl(round.min(16)).unwrap_or(u32::MAX));
        match self.max_timeout {
            Some(max) if !max.is_zero() => t.min(max),
            _ => t,
        }
    }

    /// The longest wait of any round.
    fn longest_round(&self) -> Duration {
        self.round_timeout(self.tries().saturating_sub(1))
    }

    fn tries(&self) -> u32 {
        self.tries.max(1)
    }
}

/// The mutable part of a resolver: what `setServers`/`setLocalAddress` change.
struct State {
    servers: Vec<SocketAddr>,
    local_v4: Option<Ipv4Addr>,
    local_v6: Option<Ipv6Addr>,
    /// One hickory resolver per server, built from the fields above on first use and
    /// dropped when they change.
    query: Option<Vec<Arc<TokioResolver>>>,
    /// The same for [`LookupBackend::Hickory`] (hosts file and search list on).
    lookup: Option<Vec<Arc<TokioResolver>>>,
}

/// A DNS resolver on hickory: Node's `dns.Resolver`, and `dns.lookup`.
pub struct HickoryResolver {
    options: ResolverOptions,
    cancel: CancelHandle,
    state: RwLock<State>,
}

impl std::fmt::Debug for HickoryResolver {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("HickoryResolver")
            .field("options", &self.options)
            .field("servers", &self.get_servers())
            .finish()
    }
}

/// The system's name servers (`/etc/resolv.conf`), or c-ares' fallback `127.0.0.1:53`.
pub fn system_servers() -> Vec<SocketAddr> {
    let mut servers = Vec::new();
    if let Ok((config, _)) = hickory_resolver::system_conf::read_system_conf() {
        for ns in config.name_servers() {
            let port = ns.connections.first().map_or(DNS_PORT, |c| c.port);
            let addr = SocketAddr::new(ns.ip, port);
            // hickory lists one entry per protocol; Node shows each server once.
            if !servers.contains(&addr) {
                servers.push(addr);
            }
        }
    }
    if servers.is_empty() {
        servers.push(SocketAddr::new(IpAddr::V4(Ipv4Addr::LOCALHOST), DNS_PORT));
    }
    servers
}

impl HickoryResolver {
    /// A resolver using the system's name servers, like `new dns.Resolver(options)`.
    pub fn new(options: ResolverOptions) -> Self {
        Self::with_servers(system_servers(), options)
    }

    /// A resolver using `servers`, in order.
    pub fn with_servers(servers: Vec<SocketAddr>, options: ResolverOptions) -> Self {
        HickoryResolver {
            options,
            cancel: CancelHandle::new(),
            state: RwLock::new(State {
                servers,
                local_v4: None,
                local_v6: None,
                query: None,
                lookup: None,
            }),
        }
    }

    /// The options this resolver was made with.
    pub fn options(&self) -> &ResolverOptions {
        &self.options
    }

    /// A handle that cancels this resolver's in-flight queries from any thread.
    pub fn cancel_handle(&self) -> CancelHandle {
        self.cancel.clone()
    }

    /// The current servers as socket addresses.
    pub fn servers(&self) -> Vec<SocketAddr> {
        self.read_state(|s| s.servers.clone())
    }

    /// Replaces the server list (already parsed).
    pub fn set_server_addrs(&self, servers: Vec<SocketAddr>) {
        self.write_state(|s| {
            s.servers = servers;
            s.query = None;
            s.lookup = None;
        });
    }

    // A poisoned lock only means a panic elsewhere while holding it; the data is plain
    // values that are always consistent, so keep using it rather than propagate the panic.
    fn read_state<T>(&self, f: impl FnOnce(&State) -> T) -> T {
        let guard = self.state.read().unwrap_or_else(|e| e.into_inner());
        f(&guard)
    }

    fn write_state<T>(&self, f: impl FnOnce(&mut State) -> T) -> T {
        let mut guard = self.state.write().unwrap_or_else(|e| e.into_inner());
        f(&mut guard)
    }

    /// The per-server resolvers for `resolve*` (or `lookup`), building them if needed.
    fn resolvers(&self, for_lookup: bool) -> Result<Vec<Arc<TokioResolver>>, DnsErrorCode> {
        let options = self.options;
        self.write_state(|s| {
            let cached = if for_lookup { &s.lookup } else { &s.query };
            if let Some(r) = cached {
                return Ok(r.clone());
            }
            let mut built = Vec::with_capacity(s.servers.len().max(1));
            for server in &s.servers {
                built.push(Arc::new(build(Some(*server), s, &options, for_lookup)?));
            }
            if built.is_empty() {
                if !for_lookup {
                    // c-ares fails at once without servers: there is nobody to connect to.
                    return Err(DnsErrorCode::ConnRefused);
                }
                // getaddrinfo still has the hosts file.
                built.push(Arc::new(build(None, s, &options, true)?));
            }
            let slot = if for_lookup { &mut s.lookup } else { &mut s.query };
            *slot = Some(built.clone());
            Ok(built)
        })
    }

    fn query(
        &self,
        name: Name,
        wire: WireType,
        syscall: &'static str,
        hostname: String,
    ) -> DnsFuture<Vec<Record>> {
        let resolvers = match self.resolvers(false) {
            Ok(r) => r,
            Err(code) => return ready_err(DnsError::new(code, syscall, &hostname)),
        };
        let options = self.options;
        let host = hostname.clone();
        let work = async move {
            query_servers(&resolvers, &name, wire, &options)
                .await
                .map_err(|code| DnsError::new(code, syscall, &host))
        };
        Box::pin(self.cancel.guard(syscall, hostname, work))
    }

    fn hickory_lookup(
        &self,
        hostname: &str,
        options: &LookupOptions,
    ) -> DnsFuture<Vec<LookupAddress>> {
        if let Some(literal) = super::ip_literal(hostname) {
            return Box::pin(std::future::ready(Ok(vec![literal])));
        }
        let host = hostname.to_owned();
        // Not forced fully qualified: getaddrinfo applies the search list, and so do we.
        let name = match parse_name(hostname, false) {
            Some(n) => n,
            None => return ready_err(system::gai_error(None, hostname)),
        };
        let resolvers = match self.resolvers(true) {
            Ok(r) => r,
            Err(code) => return ready_err(system::gai_error(Some(code), hostname)),
        };
        let resolver_options = self.options;
        let options = *options;
        Box::pin(async move {
            let wanted: &[WireType] = match options.family {
                Family::Any => &[WireType::A, WireType::AAAA],
                Family::V4 => &[WireType::A],
                Family::V6 => &[WireType::AAAA],
            };
            let mut addresses = Vec::new();
            let mut first_error = None;
            for &wire in wanted {
                match query_servers(&resolvers, &name, wire, &resolver_options).await {
                    Ok(records) => addresses.extend(
                        records.iter().filter_map(|r| r.data.ip_addr()).map(LookupAddress::from),
                    ),
                    Err(code) => {
                        first_error.get_or_insert(code);
                    }
                }
            }
            if addresses.is_empty() {
                return Err(system::gai_error(first_error, &host));
            }
            Ok(options.apply(addresses))
        })
    }
}

/// Builds a hickory resolver for one server (none: hosts file only) from a [`State`];
/// `for_lookup` adds the hosts file and search list.
fn build(
    server: Option<SocketAddr>,
    state: &State,
    options: &ResolverOptions,
    for_lookup: bool,
) -> Result<TokioResolver, DnsErrorCode> {
    let mut name_servers = Vec::with_capacity(1);
    for addr in server.iter() {
        let mut ns = NameServerConfig::udp_and_tcp(addr.ip());
        // c-ares stops at the first NXDOMAIN/NODATA; only failures move on to the next server.
        ns.trust_negative_responses = true;
        let bind = match addr.ip() {
            IpAddr::V4(_) => state.local_v4.map(|ip| SocketAddr::new(IpAddr::V4(ip), 0)),
            IpAddr::V6(_) => state.local_v6.map(|ip| SocketAddr::new(IpAddr::V6(ip), 0)),
        };
        for conn in &mut ns.connections {
            conn.port = addr.port();
            conn.bind_addr = bind;
        }
        name_servers.push(ns);
    }
    let mut config = ResolverConfig::from_name_servers(name_servers);
    let mut opts = ResolverOpts::default();
    // Each round's wait is enforced by `query_servers`, which cancels the send; hickory's own
    // bound stays beyond the longest so it never times out (and retries) by itself.
    opts.timeout =
        options.longest_round().saturating_mul(2).saturating_add(Duration::from_millis(100));
    // Tries and fail-over are ours (`query_servers`): hickory sends once per call.
    opts.attempts = 0;
    opts.cache_size = 0;
    opts.num_concurrent_reqs = 1;
    opts.server_ordering_strategy = ServerOrderingStrategy::UserProvidedOrder;
    opts.preserve_intermediates = true;
    opts.use_hosts_file = ResolveHosts::Never;
    // Plain queries without an OPT record, as Node's c-ares channel sends them (servers
    // and test doubles that don't speak EDNS answer them).
    opts.edns0 = false;
    if for_lookup {
        opts.use_hosts_file = ResolveHosts::Always;
        if let Ok((system, system_opts)) = hickory_resolver::system_conf::read_system_conf() {
            if let Some(domain) = system.domain() {
                config.set_domain(domain.clone());
            }
            for search in system.search() {
                config.add_search(search.clone());
            }
            opts.ndots = system_opts.ndots;
        }
    }
    hickory_resolver::Resolver::builder_with_config(config, TokioRuntimeProvider::default())
        .with_options(opts)
        .build()
        .map_err(|_| DnsErrorCode::NoMem)
}

fn ready_err<T: Send + 'static>(error: DnsError) -> DnsFuture<T> {
    Box::pin(std::future::ready(Err(error)))
}

/// c-ares' retry loop: up to `tries` rounds over the servers in order, each send bounded by
/// that round's wait (doubling each round, capped by `maxTimeout`). An answer, NXDOMAIN or
/// NODATA ends it (they are the zone's word); timeouts, unreachable servers,
/// SERVFAIL/REFUSED/NOTIMP/FORMERR and bad answers move on to the next server, and the last
/// such failure is what the caller sees.
async fn query_servers(
    resolvers: &[Arc<TokioResolver>],
    name: &Name,
    wire: WireType,
    options: &ResolverOptions,
) -> Result<Vec<Record>, DnsErrorCode> {
    let mut last = DnsErrorCode::Timeout;
    for round in 0..options.tries() {
        // c-ares' backoff: the wait doubles each round, capped by maxTimeout.
        let wait = options.round_timeout(round);
        for resolver in resolvers {
            match tokio::time::timeout(wait, resolver.lookup(name.clone(), wire)).await {
                Ok(Ok(lookup)) => return Ok(lookup.answers().to_vec()),
                Ok(Err(e)) => match map_net_error(&e) {
                    code @ (DnsErrorCode::NotFound | DnsErrorCode::NoData) => return Err(code),
                    code => last = code,
                },
                Err(_) => last = DnsErrorCode::Timeout,
            }
        }
    }
    Err(last)
}

/// A hostname as a DNS name: ASCII as is (Node has already applied IDNA in JS), anything
/// else through IDNA here. `None` if it cannot be a DNS name (c-ares' `EBADNAME`).
fn parse_name(hostname: &str, fqdn: bool) -> Option<Name> {
    let mut name = if hostname.is_ascii() {
        Name::from_ascii(hostname).ok()?
    } else {
        Name::from_utf8(hostname).ok()?
    };
    if fqdn {
        name.set_fqdn(true);
    }
    Some(name)
}

/// A response code → Node's code, as c-ares maps them.
fn map_response_code(code: ResponseCode) -> DnsErrorCode {
    match code {
        ResponseCode::NoError => DnsErrorCode::NoData,
        ResponseCode::NXDomain => DnsErrorCode::NotFound,
        ResponseCode::ServFail => DnsErrorCode::ServFail,
        ResponseCode::Refused => DnsErrorCode::Refused,
        ResponseCode::FormErr => DnsErrorCode::FormErr,
        ResponseCode::NotImp => DnsErrorCode::NotImp,
        _ => DnsErrorCode::BadResp,
    }
}

/// hickory's failure → Node's code.
fn map_net_error(error: &NetError) -> DnsErrorCode {
    match error {
        NetError::Dns(HickoryDnsError::NoRecordsFound(no)) => map_response_code(no.response_code),
        NetError::Dns(HickoryDnsError::ResponseCode(code)) => map_response_code(*code),
        NetError::Timeout => DnsErrorCode::Timeout,
        NetError::Io(e) => match e.kind() {
            std::io::ErrorKind::TimedOut => DnsErrorCode::Timeout,
            // c-ares reports every socket-level failure to reach a server this way.
            _ => DnsErrorCode::ConnRefused,
        },
        NetError::NoConnections | NetError::Busy => DnsErrorCode::ConnRefused,
        // A truncated UDP answer whose TCP retry failed; hickory keeps "truncated" as the
        // more specific error, c-ares reports the failed TCP connection.
        NetError::Truncated => DnsErrorCode::ConnRefused,
        // Undecodable answers, forged/mismatched ones, truncation that TCP could not fix.
        _ => DnsErrorCode::BadResp,
    }
}

fn wire_type(rrtype: RecordType) -> WireType {
    match rrtype {
        RecordType::A => WireType::A,
        RecordType::Aaaa => WireType::AAAA,
        RecordType::Any => WireType::ANY,
        RecordType::Caa => WireType::CAA,
        RecordType::Cname => WireType::CNAME,
        RecordType::Mx => WireType::MX,
        RecordType::Naptr => WireType::NAPTR,
        RecordType::Ns => WireType::NS,
        RecordType::Ptr => WireType::PTR,
        RecordType::Soa => WireType::SOA,
        RecordType::Srv => WireType::SRV,
        RecordType::Txt => WireType::TXT,
    }
}

impl Resolver for HickoryResolver {
    fn lookup(&self, hostname: &str, options: &LookupOptions) -> DnsFuture<Vec<LookupAddress>> {
        match self.options.lookup {
            LookupBackend::System => Box::pin(system::lookup(hostname, options)),
            LookupBackend::Hickory => self.hickory_lookup(hostname, options),
        }
    }

    fn lookup_blocking(
        &self,
        hostname: &str,
        options: &LookupOptions,
    ) -> Result<Vec<LookupAddress>, DnsError> {
        match self.options.lookup {
            LookupBackend::System => system::lookup_blocking(hostname, options),
            LookupBackend::Hickory => {
                // hickory needs a runtime with I/O; the calling thread may already be inside
                // one (where block_on would panic), so run a private one on its own thread.
                let future = self.hickory_lookup(hostname, options);
                let failed =
                    || Err(DnsError::new(DnsErrorCode::EaiFail, system::SYSCALL, hostname));
                let worker =
                    std::thread::Builder::new().name("dns-lookup".into()).spawn(move || {
                        let runtime = tokio::runtime::Builder::new_current_thread()
                            .enable_all()
                            .build()
                            .ok()?;
                        Some(runtime.block_on(future))
                    });
                match worker.map(|w| w.join()) {
                    Ok(Ok(Some(result))) => result,
                    _ => failed(),
                }
            }
        }
    }

    fn resolve(
        &self,
        hostname: &str,
        rrtype: RecordType,
        options: &ResolveOptions,
    ) -> DnsFuture<Answer> {
        let syscall = rrtype.syscall();
        // RFC 7686: `.onion` names are never sent to DNS; c-ares answers ENOTFOUND at once.
        let lower = hostname.trim_end_matches('.').to_ascii_lowercase();
        if lower == "onion" || lower.ends_with(".onion") {
            return ready_err(DnsError::new(DnsErrorCode::NotFound, syscall, hostname));
        }
        let Some(name) = parse_name(hostname, true) else {
            return ready_err(DnsError::new(DnsErrorCode::BadName, syscall, hostname));
        };
        let records = self.query(name, wire_type(rrtype), syscall, hostname.to_owned());
        let host = hostname.to_owned();
        let options = *options;
        Box::pin(async move {
            let records = records.await?;
            to_answer(&records, rrtype, &options)
                .map_err(|code| DnsError::new(code, syscall, &host))
        })
    }

    fn reverse(&self, ip: &str) -> DnsFuture<Vec<String>> {
        const SYSCALL: &str = "getHostByAddr";
        let Ok(addr) = ip.parse::<IpAddr>() else {
            return ready_err(DnsError::new(DnsErrorCode::Inval, SYSCALL, ip));
        };
        // `in-addr.arpa` / `ip6.arpa` name of the address.
        let mut name = Name::from(addr);
        name.set_fqdn(true);
        let records = self.query(name, WireType::PTR, SYSCALL, ip.to_owned());
        let host = ip.to_owned();
        Box::pin(async move {
            let names: Vec<String> = records
                .await?
                .iter()
                .filter_map(|r| match &r.data {
                    hickory_resolver::proto::rr::RData::PTR(p) => Some(name_string(&p.0)),
                    _ => None,
                })
                .collect();
            if names.is_empty() {
                return Err(DnsError::new(DnsErrorCode::NoData, SYSCALL, &host));
            }
            Ok(names)
        })
    }

    fn get_servers(&self) -> Vec<String> {
        self.read_state(|s| s.servers.iter().map(format_server).collect())
    }

    fn set_servers(&self, servers: &[&str]) -> Result<(), InvalidServerError> {
        let parsed = parse_servers(servers)?;
        self.set_server_addrs(parsed);
        Ok(())
    }

    fn set_local_address(&self, ipv4: Option<Ipv4Addr>, ipv6: Option<Ipv6Addr>) {
        self.write_state(|s| {
            s.local_v4 = ipv4;
            s.local_v6 = ipv6;
            s.query = None;
            s.lookup = None;
        });
    }

    fn cancel(&self) {
        self.cancel.cancel();
    }
}
