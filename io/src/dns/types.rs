//! The shapes that cross the [`Resolver`](super::Resolver) boundary: options in, results out.
//!
//! Every result type mirrors the object Node hands to JS, field for field and with Node's
//! names, so the `dns` module's JS glue is a mechanical conversion: [`MxRecord`] becomes
//! `{ exchange, priority }`, [`SoaRecord`] `{ nsname, hostmaster, … }`, an [`AnyRecord`] an
//! object whose `type` field is [`AnyRecord::type_name`]. Domain names are plain ASCII without
//! the trailing dot, as c-ares reports them; TXT chunks and CAA values are decoded as latin1,
//! byte for char, as Node does (`OneByteString`), so no input byte can fail to convert.

use std::net::{IpAddr, Ipv4Addr, Ipv6Addr};

/// Address family filter for `lookup`: Node's `family` option (0, 4 or 6).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Family {
    /// `family: 0`: IPv4 and IPv6.
    #[default]
    Any,
    /// `family: 4`.
    V4,
    /// `family: 6`.
    V6,
}

impl Family {
    /// Node's number for the family (0, 4 or 6).
    pub fn as_number(self) -> u8 {
        match self {
            Family::Any => 0,
            Family::V4 => 4,
            Family::V6 => 6,
        }
    }

    /// Parses Node's number (0, 4, 6); anything else is `None` (JS throws
    /// `ERR_INVALID_ARG_VALUE` before calling in).
    pub fn from_number(n: i64) -> Option<Family> {
        match n {
            0 => Some(Family::Any),
            4 => Some(Family::V4),
            6 => Some(Family::V6),
            _ => None,
        }
    }
}

/// Result order for `lookup`: Node's `order` option.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Order {
    /// As the resolver returned them (Node's default since v17/v22).
    #[default]
    Verbatim,
    /// IPv4 addresses before IPv6, each group in resolver order.
    Ipv4First,
    /// IPv6 addresses before IPv4, each group in resolver order.
    Ipv6First,
}

impl Order {
    /// Parses `'verbatim'`, `'ipv4first'`, `'ipv6first'`.
    pub fn from_node_str(s: &str) -> Option<Order> {
        match s {
            "verbatim" => Some(Order::Verbatim),
            "ipv4first" => Some(Order::Ipv4First),
            "ipv6first" => Some(Order::Ipv6First),
            _ => None,
        }
    }
}

/// getaddrinfo hint flags for `lookup`, Node's `dns.ADDRCONFIG | dns.V4MAPPED | dns.ALL`.
///
/// The bit values are the platform's `AI_*` constants, which is what Node exposes as
/// `dns.ADDRCONFIG` etc., so a number coming from JS can be passed through unchanged.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct LookupHints(pub i32);

impl LookupHints {
    /// No flags.
    pub const NONE: LookupHints = LookupHints(0);
    /// `dns.ADDRCONFIG`: only families the host has a configured address for.
    pub const ADDRCONFIG: LookupHints = LookupHints(libc::AI_ADDRCONFIG);
    /// `dns.V4MAPPED`: with family 6, map IPv4 answers to `::ffff:a.b.c.d` if no IPv6 exist.
    pub const V4MAPPED: LookupHints = LookupHints(libc::AI_V4MAPPED);
    /// `dns.ALL`: with `V4MAPPED`, return IPv6 and mapped IPv4 addresses.
    pub const ALL: LookupHints = LookupHints(libc::AI_ALL);

    /// Whether every bit of `other` is set.
    pub fn contains(self, other: LookupHints) -> bool {
        self.0 & other.0 == other.0
    }

    /// Whether only known flag bits are set (Node throws `ERR_INVALID_ARG_VALUE` otherwise).
    pub fn is_valid(self) -> bool {
        self.0 & !(Self::ADDRCONFIG.0 | Self::V4MAPPED.0 | Self::ALL.0) == 0
    }
}

impl std::ops::BitOr for LookupHints {
    type Output = LookupHints;
    fn bitor(self, rhs: LookupHints) -> LookupHints {
        LookupHints(self.0 | rhs.0)
    }
}

/// Options of `dns.lookup(hostname, options)`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct LookupOptions {
    /// `family`.
    pub family: Family,
    /// `hints`.
    pub hints: LookupHints,
    /// `all`: return every address instead of the first. The backends always return all;
    /// [`LookupOptions::apply`] keeps the first when this is false.
    pub all: bool,
    /// `order` (or the legacy `verbatim` boolean, mapped by the caller).
    pub order: Order,
}

impl LookupOptions {
    /// Applies `order` and `all` to a backend's full answer: a stable partition by family,
    /// then truncation to one address unless `all` is set.
    pub fn apply(&self, mut addresses: Vec<LookupAddress>) -> Vec<LookupAddress> {
        match self.order {
            Order::Verbatim => {}
            // sort_by_key is stable, so each family keeps the resolver's order.
            Order::Ipv4First => addresses.sort_by_key(|a| a.family != 4),
            Order::Ipv6First => addresses.sort_by_key(|a| a.family != 6),
        }
        if !self.all {
            addresses.truncate(1);
        }
        addresses
    }
}

/// One answer of `lookup`: `{ address, family }`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct LookupAddress {
    /// The address; `to_string()` gives Node's text form.
    pub address: IpAddr,
    /// 4 or 6.
    pub family: u8,
}

impl From<IpAddr> for LookupAddress {
    fn from(address: IpAddr) -> Self {
        let family = if address.is_ipv4() { 4 } else { 6 };
        LookupAddress { address, family }
    }
}

/// The record types of `resolve(hostname, rrtype)`, one per `resolveXxx` method.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum RecordType {
    /// `resolve4`.
    A,
    /// `resolve6`.
    Aaaa,
    /// `resolveAny`.
    Any,
    /// `resolveCaa`.
    Caa,
    /// `resolveCname`.
    Cname,
    /// `resolveMx`.
    Mx,
    /// `resolveNaptr`.
    Naptr,
    /// `resolveNs`.
    Ns,
    /// `resolvePtr`.
    Ptr,
    /// `resolveSoa`.
    Soa,
    /// `resolveSrv`.
    Srv,
    /// `resolveTxt`.
    Txt,
}

impl RecordType {
    /// Every type, in Node's documentation order.
    pub const ALL: [RecordType; 12] = [
        RecordType::A,
        RecordType::Aaaa,
        RecordType::Any,
        RecordType::Caa,
        RecordType::Cname,
        RecordType::Mx,
        RecordType::Naptr,
        RecordType::Ns,
        RecordType::Ptr,
        RecordType::Soa,
        RecordType::Srv,
        RecordType::Txt,
    ];

    /// Parses the `rrtype` argument of `dns.resolve` (`'A'`, `'AAAA'`, …, upper case as
    /// Node requires); unknown strings are `None` (JS throws `ERR_INVALID_ARG_VALUE`).
    pub fn from_node_str(s: &str) -> Option<RecordType> {
        RecordType::ALL.into_iter().find(|t| t.as_str() == s)
    }

    /// The `rrtype` string.
    pub fn as_str(self) -> &'static str {
        match self {
            RecordType::A => "A",
            RecordType::Aaaa => "AAAA",
            RecordType::Any => "ANY",
            RecordType::Caa => "CAA",
            RecordType::Cname => "CNAME",
            RecordType::Mx => "MX",
            RecordType::Naptr => "NAPTR",
            RecordType::Ns => "NS",
            RecordType::Ptr => "PTR",
            RecordType::Soa => "SOA",
            RecordType::Srv => "SRV",
            RecordType::Txt => "TXT",
        }
    }

    /// The `syscall` Node puts on errors of this query (`queryA`, `queryMx`, …).
    pub fn syscall(self) -> &'static str {
        match self {
            RecordType::A => "queryA",
            RecordType::Aaaa => "queryAaaa",
            RecordType::Any => "queryAny",
            RecordType::Caa => "queryCaa",
            RecordType::Cname => "queryCname",
            RecordType::Mx => "queryMx",
            RecordType::Naptr => "queryNaptr",
            RecordType::Ns => "queryNs",
            RecordType::Ptr => "queryPtr",
            RecordType::Soa => "querySoa",
            RecordType::Srv => "querySrv",
            RecordType::Txt => "queryTxt",
        }
    }
}

/// Options of a `resolve` call.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct ResolveOptions {
    /// `{ ttl: true }` of `resolve4`/`resolve6`: answer [`Answer::ATtl`]/[`Answer::AaaaTtl`].
    pub ttl: bool,
}

/// An address with its TTL: `{ address, ttl }`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AddressTtl<A> {
    /// The address.
    pub address: A,
    /// Seconds.
    pub ttl: u32,
}

/// `{ exchange, priority }`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MxRecord {
    /// Mail host name.
    pub exchange: String,
    /// MX preference.
    pub priority: u16,
}

/// `{ nsname, hostmaster, serial, refresh, retry, expire, minttl }`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SoaRecord {
    /// Primary name server.
    pub nsname: String,
    /// Responsible mailbox, in DNS name form.
    pub hostmaster: String,
    /// Zone serial.
    pub serial: u32,
    /// Seconds; unsigned on the wire, as c-ares reports it.
    pub refresh: u32,
    /// Seconds.
    pub retry: u32,
    /// Seconds.
    pub expire: u32,
    /// Negative-caching TTL, seconds.
    pub minttl: u32,
}

/// `{ name, port, priority, weight }`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SrvRecord {
    /// Target host.
    pub name: String,
    /// Target port.
    pub port: u16,
    /// Priority.
    pub priority: u16,
    /// Weight.
    pub weight: u16,
}

/// `{ flags, service, regexp, replacement, order, preference }`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NaptrRecord {
    /// Flags string.
    pub flags: String,
    /// Service string.
    pub service: String,
    /// Substitution expression.
    pub regexp: String,
    /// Replacement domain name ("" for the root).
    pub replacement: String,
    /// Order.
    pub order: u16,
    /// Preference.
    pub preference: u16,
}

/// A CAA record: JS builds `{ critical, [tag]: value }`, e.g. `{ critical: 0, issue: 'ca.example' }`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CaaRecord {
    /// The flags byte, as Node reports it (128 when the issuer-critical bit is set).
    pub critical: u8,
    /// The property tag: `issue`, `issuewild`, `iodef`, or any other.
    pub tag: String,
    /// The raw property value.
    pub value: String,
}

/// One entry of `resolveAny`; JS adds `type: type_name()`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AnyRecord {
    /// `{ type: 'A', address, ttl }`.
    A(AddressTtl<Ipv4Addr>),
    /// `{ type: 'AAAA', address, ttl }`.
    Aaaa(AddressTtl<Ipv6Addr>),
    /// `{ type: 'CAA', critical, [tag]: value }`.
    Caa(CaaRecord),
    /// `{ type: 'CNAME', value }`.
    Cname(String),
    /// `{ type: 'MX', exchange, priority }`.
    Mx(MxRecord),
    /// `{ type: 'NAPTR', … }`.
    Naptr(NaptrRecord),
    /// `{ type: 'NS', value }`.
    Ns(String),
    /// `{ type: 'PTR', value }`.
    Ptr(String),
    /// `{ type: 'SOA', … }`.
    Soa(SoaRecord),
    /// `{ type: 'SRV', … }`.
    Srv(SrvRecord),
    /// `{ type: 'TXT', entries }`.
    Txt(Vec<String>),
}

impl AnyRecord {
    /// The `type` field.
    pub fn type_name(&self) -> &'static str {
        match self {
            AnyRecord::A(_) => "A",
            AnyRecord::Aaaa(_) => "AAAA",
            AnyRecord::Caa(_) => "CAA",
            AnyRecord::Cname(_) => "CNAME",
            AnyRecord::Mx(_) => "MX",
            AnyRecord::Naptr(_) => "NAPTR",
            AnyRecord::Ns(_) => "NS",
            AnyRecord::Ptr(_) => "PTR",
            AnyRecord::Soa(_) => "SOA",
            AnyRecord::Srv(_) => "SRV",
            AnyRecord::Txt(_) => "TXT",
        }
    }
}

/// The result of `resolve`, one variant per shape Node returns.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Answer {
    /// `resolve4`: `['1.2.3.4', …]`.
    A(Vec<Ipv4Addr>),
    /// `resolve4` with `{ ttl: true }`.
    ATtl(Vec<AddressTtl<Ipv4Addr>>),
    /// `resolve6`.
    Aaaa(Vec<Ipv6Addr>),
    /// `resolve6` with `{ ttl: true }`.
    AaaaTtl(Vec<AddressTtl<Ipv6Addr>>),
    /// `resolveAny`.
    Any(Vec<AnyRecord>),
    /// `resolveCaa`.
    Caa(Vec<CaaRecord>),
    /// `resolveCname`: names.
    Cname(Vec<String>),
    /// `resolveMx`.
    Mx(Vec<MxRecord>),
    /// `resolveNaptr`.
    Naptr(Vec<NaptrRecord>),
    /// `resolveNs`: names.
    Ns(Vec<String>),
    /// `resolvePtr`: names.
    Ptr(Vec<String>),
    /// `resolveSoa`: one record (an object, not an array, in Node).
    Soa(SoaRecord),
    /// `resolveSrv`.
    Srv(Vec<SrvRecord>),
    /// `resolveTxt`: one array of chunks per record.
    Txt(Vec<Vec<String>>),
}

/// Decodes bytes as latin1, the way Node turns c-ares' C strings into JS strings.
pub(crate) fn latin1(bytes: &[u8]) -> String {
    bytes.iter().map(|&b| char::from(b)).collect()
}
