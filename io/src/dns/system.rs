//! The system `lookup` backend: the platform's `getaddrinfo`, as Node's `dns.lookup` uses.
//!
//! getaddrinfo blocks, so Node runs it on libuv's thread pool; here [`lookup_blocking`] is the
//! plain blocking call (for a caller that submits it to the loop's blocking pool itself) and
//! [`lookup`] puts it on tokio's blocking pool. Going through libc means `/etc/hosts`,
//! `nsswitch.conf`, mDNS plugins and the rest of the host's configuration apply exactly as
//! they do for Node. The `dns-lookup` crate wraps the FFI so this file needs no `unsafe`.
//!
//! Errors carry Node's `getaddrinfo` shape: EAI_NONAME/EAI_NODATA become `ENOTFOUND`, the
//! others keep their `EAI_*` name, and `errno` is libuv's `UV_EAI_*` number.

use std::future::Future;

use dns_lookup::{AddrInfoHints, LookupError, LookupErrorKind};

use super::error::{DnsError, DnsErrorCode};
use super::types::{Family, LookupAddress, LookupOptions};

/// The `syscall` of every lookup error.
pub const SYSCALL: &str = "getaddrinfo";

/// Resolves `hostname` with getaddrinfo on the calling thread, which it blocks.
///
/// IP literals are answered without a call, as Node's JS does; `order` and `all` are applied.
pub fn lookup_blocking(
    hostname: &str,
    options: &LookupOptions,
) -> Result<Vec<LookupAddress>, DnsError> {
    if let Some(literal) = super::ip_literal(hostname) {
        return Ok(vec![literal]);
    }
    let hints = AddrInfoHints {
        flags: options.hints.0,
        address: match options.family {
            Family::Any => libc::AF_UNSPEC,
            Family::V4 => libc::AF_INET,
            Family::V6 => libc::AF_INET6,
        },
        // One entry per address rather than one per socket type, as Node asks.
        socktype: libc::SOCK_STREAM,
        protocol: 0,
    };
    let iter = dns_lookup::getaddrinfo(Some(hostname), None, Some(hints))
        .map_err(|e| map_error(&e, hostname))?;
    let addresses: Vec<LookupAddress> = iter
        // An entry of a family std cannot represent is skipped, not fatal.
        .filter_map(Result::ok)
        .map(|info| LookupAddress::from(info.sockaddr.ip()))
        .collect();
    if addresses.is_empty() {
        return Err(not_found(hostname));
    }
    Ok(options.apply(addresses))
}

/// [`lookup_blocking`] on tokio's blocking pool. Must be polled inside a tokio runtime.
pub fn lookup(
    hostname: &str,
    options: &LookupOptions,
) -> impl Future<Output = Result<Vec<LookupAddress>, DnsError>> + Send + 'static {
    let hostname = hostname.to_owned();
    let options = *options;
    async move {
        let name = hostname.clone();
        match tokio::task::spawn_blocking(move || lookup_blocking(&name, &options)).await {
            Ok(result) => result,
            // The job panicked or the runtime is shutting down: report a failed lookup
            // rather than propagate the panic into the loop.
            Err(_) => Err(DnsError {
                errno: Some(UV_EAI_FAIL),
                ..DnsError::new(DnsErrorCode::EaiFail, SYSCALL, &hostname)
            }),
        }
    }
}

// libuv's error numbers for getaddrinfo failures (uv-errno.h), which Node puts in `errno`.
const UV_EAI_AGAIN: i32 = -3001;
const UV_EAI_BADFLAGS: i32 = -3002;
const UV_EAI_FAIL: i32 = -3004;
const UV_EAI_FAMILY: i32 = -3005;
const UV_EAI_MEMORY: i32 = -3006;
const UV_EAI_NODATA: i32 = -3007;
const UV_EAI_NONAME: i32 = -3008;
const UV_EAI_SERVICE: i32 = -3010;
const UV_EAI_SOCKTYPE: i32 = -3011;

fn not_found(hostname: &str) -> DnsError {
    DnsError {
        errno: Some(UV_EAI_NONAME),
        ..DnsError::new(DnsErrorCode::NotFound, SYSCALL, hostname)
    }
}

/// A DNS-level failure as getaddrinfo would report it, for backends that resolve `lookup`
/// themselves: no such name or no such record (or no DNS error at all) is `ENOTFOUND`,
/// unreachable or failing servers `EAI_AGAIN`, anything else `EAI_FAIL`.
pub(crate) fn gai_error(dns: Option<DnsErrorCode>, hostname: &str) -> DnsError {
    let (code, errno) = match dns {
        None | Some(DnsErrorCode::NotFound | DnsErrorCode::NoData | DnsErrorCode::BadName) => {
            (DnsErrorCode::NotFound, UV_EAI_NONAME)
        }
        Some(
            DnsErrorCode::Timeout
            | DnsErrorCode::ServFail
            | DnsErrorCode::Refused
            | DnsErrorCode::ConnRefused,
        ) => (DnsErrorCode::EaiAgain, UV_EAI_AGAIN),
        Some(_) => (DnsErrorCode::EaiFail, UV_EAI_FAIL),
    };
    DnsError { errno: Some(errno), ..DnsError::new(code, SYSCALL, hostname) }
}

/// getaddrinfo's failure → Node's error. EAI_SYSTEM and other oddities (an interior NUL in
/// the name, say) have no `UV_EAI_*` of their own and are reported as `EAI_FAIL`.
fn map_error(error: &LookupError, hostname: &str) -> DnsError {
    map_error_for(error, SYSCALL, hostname)
}

/// `dns.lookupService(address, port)`: getnameinfo's host name and service for a socket
/// address, blocking the calling thread; errors have syscall `getnameinfo`.
pub fn lookup_service_blocking(
    address: std::net::SocketAddr,
) -> Result<(String, String), DnsError> {
    // NI_NAMEREQD as Node passes it: an address without a name is ENOTFOUND.
    dns_lookup::getnameinfo(&address, libc::NI_NAMEREQD)
        .map_err(|e| map_error_for(&e, "getnameinfo", &address.ip().to_string()))
}

fn map_error_for(error: &LookupError, syscall: &'static str, hostname: &str) -> DnsError {
    let (code, errno) = match error.kind() {
        LookupErrorKind::NoName => (DnsErrorCode::NotFound, UV_EAI_NONAME),
        LookupErrorKind::NoData => (DnsErrorCode::NotFound, UV_EAI_NODATA),
        LookupErrorKind::Again => (DnsErrorCode::EaiAgain, UV_EAI_AGAIN),
        LookupErrorKind::Badflags => (DnsErrorCode::EaiBadFlags, UV_EAI_BADFLAGS),
        LookupErrorKind::Family => (DnsErrorCode::EaiFamily, UV_EAI_FAMILY),
        LookupErrorKind::Memory => (DnsErrorCode::EaiMemory, UV_EAI_MEMORY),
        LookupErrorKind::Service => (DnsErrorCode::EaiService, UV_EAI_SERVICE),
        LookupErrorKind::Socktype => (DnsErrorCode::EaiSockType, UV_EAI_SOCKTYPE),
        _ => (DnsErrorCode::EaiFail, UV_EAI_FAIL),
    };
    DnsError { errno: Some(errno), ..DnsError::new(code, syscall, hostname) }
}
