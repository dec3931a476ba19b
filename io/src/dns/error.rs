//! Node-shaped DNS errors: `code`, `syscall`, `hostname`, and `errno` where Node has one.
//!
//! Node builds these in `dnsException(code, syscall, hostname)`: the message is
//! `"${syscall} ${code} ${hostname}"`, `errno` is set only for getaddrinfo failures (libuv's
//! negative `UV_EAI_*` number) and is `undefined` for c-ares ones. [`DnsError`] carries exactly
//! those fields so the JS side can build the same object. Each backend maps its own failure
//! kinds onto [`DnsErrorCode`]; that mapping lives with the backend (hickory.rs, system.rs).

use std::fmt;

/// The `code` of a DNS error: c-ares' names as Node spells them, plus getaddrinfo's.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum DnsErrorCode {
    /// The server says the name has no records of that type (NOERROR, empty answer).
    NoData,
    /// The server says the query was malformed (FORMERR).
    FormErr,
    /// The server failed (SERVFAIL).
    ServFail,
    /// The name does not exist (NXDOMAIN; getaddrinfo's EAI_NONAME/EAI_NODATA).
    NotFound,
    /// The server does not implement the query (NOTIMP).
    NotImp,
    /// The server refused the query (REFUSED).
    Refused,
    /// The query could not be formed.
    BadQuery,
    /// The hostname is not a valid DNS name.
    BadName,
    /// Unsupported address family.
    BadFamily,
    /// The answer could not be parsed.
    BadResp,
    /// No server could be reached.
    ConnRefused,
    /// Every try timed out.
    Timeout,
    /// End of file.
    Eof,
    /// Out of memory.
    NoMem,
    /// The channel is being destroyed.
    Destruction,
    /// The query was cancelled (`resolver.cancel()`).
    Cancelled,
    /// An argument was invalid (e.g. `reverse` of a non-IP), Node's `EINVAL`.
    Inval,
    /// getaddrinfo: temporary failure (`EAI_AGAIN`).
    EaiAgain,
    /// getaddrinfo: bad flags (`EAI_BADFLAGS`).
    EaiBadFlags,
    /// getaddrinfo: non-recoverable failure (`EAI_FAIL`).
    EaiFail,
    /// getaddrinfo: family not supported (`EAI_FAMILY`).
    EaiFamily,
    /// getaddrinfo: out of memory (`EAI_MEMORY`).
    EaiMemory,
    /// getaddrinfo: service not supported (`EAI_SERVICE`).
    EaiService,
    /// getaddrinfo: socket type not supported (`EAI_SOCKTYPE`).
    EaiSockType,
}

impl DnsErrorCode {
    /// The `code` string Node reports.
    pub fn as_str(self) -> &'static str {
        match self {
            DnsErrorCode::NoData => "ENODATA",
            DnsErrorCode::FormErr => "EFORMERR",
            DnsErrorCode::ServFail => "ESERVFAIL",
            DnsErrorCode::NotFound => "ENOTFOUND",
            DnsErrorCode::NotImp => "ENOTIMP",
            DnsErrorCode::Refused => "EREFUSED",
            DnsErrorCode::BadQuery => "EBADQUERY",
            DnsErrorCode::BadName => "EBADNAME",
            DnsErrorCode::BadFamily => "EBADFAMILY",
            DnsErrorCode::BadResp => "EBADRESP",
            DnsErrorCode::ConnRefused => "ECONNREFUSED",
            DnsErrorCode::Timeout => "ETIMEOUT",
            DnsErrorCode::Eof => "EOF",
            DnsErrorCode::NoMem => "ENOMEM",
            DnsErrorCode::Destruction => "EDESTRUCTION",
            DnsErrorCode::Cancelled => "ECANCELLED",
            DnsErrorCode::Inval => "EINVAL",
            DnsErrorCode::EaiAgain => "EAI_AGAIN",
            DnsErrorCode::EaiBadFlags => "EAI_BADFLAGS",
            DnsErrorCode::EaiFail => "EAI_FAIL",
            DnsErrorCode::EaiFamily => "EAI_FAMILY",
            DnsErrorCode::EaiMemory => "EAI_MEMORY",
            DnsErrorCode::EaiService => "EAI_SERVICE",
            DnsErrorCode::EaiSockType => "EAI_SOCKTYPE",
        }
    }
}

impl fmt::Display for DnsErrorCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A failed DNS request, with the fields of Node's error object.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DnsError {
    /// `err.code`.
    pub code: DnsErrorCode,
    /// `err.syscall`: `getaddrinfo`, `queryA`, `getHostByAddr`, …
    pub syscall: &'static str,
    /// `err.hostname` (the name or address asked about); `None` when Node leaves it out.
    pub hostname: Option<String>,
    /// `err.errno`: libuv's `UV_EAI_*` number for getaddrinfo failures, else `None`.
    pub errno: Option<i32>,
}

impl DnsError {
    /// An error without `errno`, as every c-ares failure is.
    pub fn new(code: DnsErrorCode, syscall: &'static str, hostname: &str) -> Self {
        DnsError {
            code,
            syscall,
            hostname: (!hostname.is_empty()).then(|| hostname.to_owned()),
            errno: None,
        }
    }

    /// `err.message`: `"${syscall} ${code} ${hostname}"`.
    pub fn message(&self) -> String {
        match &self.hostname {
            Some(h) => format!("{} {} {}", self.syscall, self.code, h),
            None => format!("{} {}", self.syscall, self.code),
        }
    }
}

impl fmt::Display for DnsError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message())
    }
}

impl std::error::Error for DnsError {}

/// A server string `setServers` cannot parse: Node's `ERR_INVALID_IP_ADDRESS` TypeError.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InvalidServerError {
    /// The string as given.
    pub input: String,
}

impl InvalidServerError {
    /// `err.code`.
    pub fn code(&self) -> &'static str {
        "ERR_INVALID_IP_ADDRESS"
    }
}

impl fmt::Display for InvalidServerError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Invalid IP address: {}", self.input)
    }
}

impl std::error::Error for InvalidServerError {}
