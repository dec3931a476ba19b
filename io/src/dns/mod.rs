//! c-ares' job: asynchronous DNS behind the [`Resolver`] trait.
//!
//! # Design
//!
//! Node's `dns` module has two halves with different engines, and this module keeps both:
//!
//! * `dns.lookup` is getaddrinfo semantics: `/etc/hosts`, nsswitch, the host's own resolver.
//!   Node runs the system's getaddrinfo on libuv's thread pool; the default here is the same
//!   ([`system`], via the `dns-lookup` crate), either as a future that uses tokio's blocking
//!   pool ([`Resolver::lookup`]) or as a plain blocking call ([`Resolver::lookup_blocking`])
//!   for a caller that submits jobs to the loop's pool itself.
//! * `dns.resolve*`, `reverse` and the `Resolver` class talk DNS directly to the configured
//!   servers, which Node does with c-ares; here [`HickoryResolver`] does it with
//!   `hickory-resolver`, configured to act like `ares_query` (see [`hickory`]).
//!
//! The trait speaks Node's vocabulary, not hickory's: hostnames and server lists are strings in
//! Node's forms, results are the shapes Node returns ([`types`]), failures are [`DnsError`]s
//! with Node's `code`/`syscall`/`hostname`. Async methods return boxed `Send` futures
//! ([`DnsFuture`]), so no tokio type appears in the API; they must be polled on a tokio runtime
//! with I/O and time drivers, which is where `io` runs them. Every query on a resolver can be
//! cancelled with [`Resolver::cancel`] (or a [`CancelHandle`] from another thread), completing
//! it with `ECANCELLED`.
//!
//! Files: [`error`] (codes), [`types`] (options and results), [`servers`] (server strings),
//! [`cancel`] (cancellation), `records` (hickory records → results), [`hickory`] (the
//! resolver), [`system`] (getaddrinfo).

pub mod cancel;
pub mod error;
pub mod hickory;
mod records;
pub mod servers;
pub mod system;
pub mod types;

use std::future::Future;
use std::net::{IpAddr, Ipv4Addr, Ipv6Addr};
use std::pin::Pin;

pub use cancel::CancelHandle;
pub use error::{DnsError, DnsErrorCode, InvalidServerError};
pub use hickory::{HickoryResolver, LookupBackend, ResolverOptions};
pub use types::{
    AddressTtl, Answer, AnyRecord, CaaRecord, Family, LookupAddress, LookupHints, LookupOptions,
    MxRecord, NaptrRecord, Order, RecordType, ResolveOptions, SoaRecord, SrvRecord,
};

/// The future every async DNS operation returns: `Send`, owning all it needs.
pub type DnsFuture<T> = Pin<Box<dyn Future<Output = Result<T, DnsError>> + Send + 'static>>;

/// A DNS implementation: everything Node's `dns` module and `dns.Resolver` ask of c-ares and
/// getaddrinfo.
pub trait Resolver: Send + Sync {
    /// `dns.lookup(hostname, options)`: addresses with getaddrinfo semantics. IP literals are
    /// returned as they are; `order` and `all` are applied. Errors have syscall `getaddrinfo`.
    fn lookup(&self, hostname: &str, options: &LookupOptions) -> DnsFuture<Vec<LookupAddress>>;

    /// [`lookup`](Self::lookup) as a blocking call, for running on the loop's blocking pool.
    fn lookup_blocking(
        &self,
        hostname: &str,
        options: &LookupOptions,
    ) -> Result<Vec<LookupAddress>, DnsError>;

    /// `resolver.resolve(hostname, rrtype)` and the `resolveXxx` methods. `hostname` is
    /// already ASCII (Node applies IDNA in JS); a name DNS cannot carry is `EBADNAME`.
    fn resolve(
        &self,
        hostname: &str,
        rrtype: RecordType,
        options: &ResolveOptions,
    ) -> DnsFuture<Answer>;

    /// `resolver.reverse(ip)`: PTR names of an address; syscall `getHostByAddr`, and `EINVAL`
    /// for a string that is not an IP address.
    fn reverse(&self, ip: &str) -> DnsFuture<Vec<String>>;

    /// `resolver.getServers()`: `'1.2.3.4'`, `'1.2.3.4:5353'`, `'::1'`, `'[::1]:5353'`.
    fn get_servers(&self) -> Vec<String>;

    /// `resolver.setServers(servers)`: all entries are parsed before any takes effect;
    /// queries already in flight keep the servers they started with.
    fn set_servers(&self, servers: &[&str]) -> Result<(), InvalidServerError>;

    /// `resolver.setLocalAddress(ipv4, ipv6)`: source addresses for queries (`None`: any).
    fn set_local_address(&self, ipv4: Option<Ipv4Addr>, ipv6: Option<Ipv6Addr>);

    /// `resolver.cancel()`: every query in flight completes with `ECANCELLED`.
    fn cancel(&self);
}

/// Node answers `lookup` of an IP literal without asking anyone (`isIP(hostname)` in JS).
pub(crate) fn ip_literal(hostname: &str) -> Option<LookupAddress> {
    hostname.parse::<IpAddr>().ok().map(LookupAddress::from)
}
