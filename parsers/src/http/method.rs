//! Request methods, numbered as llhttp numbers them.
//!
//! Node's `HTTPParser` passes the method to JS as llhttp's number, so [`Method::llhttp_code`]
//! keeps that numbering. Only the HTTP methods are a [`Method`]; the RTSP names llhttp also
//! knows take part in matching, so that an invalid method fails on the same byte and with the
//! same reason as in llhttp (an RTSP name is refused only once the protocol is known).

/// An HTTP request method llhttp accepts; each variant is the wire name in CamelCase
/// (`MSearch` is `M-SEARCH`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[allow(missing_docs)] // The variants are the wire names; see the enum's doc.
pub enum Method {
    Delete,
    Get,
    Head,
    Post,
    Put,
    Connect,
    Options,
    Trace,
    Copy,
    Lock,
    Mkcol,
    Move,
    Propfind,
    Proppatch,
    Search,
    Unlock,
    Bind,
    Rebind,
    Unbind,
    Acl,
    Report,
    Mkactivity,
    Checkout,
    Merge,
    MSearch,
    Notify,
    Subscribe,
    Unsubscribe,
    Patch,
    Purge,
    Mkcalendar,
    Link,
    Unlink,
    Source,
    Pri,
    Query,
}

/// Every method with its wire name and llhttp number.
pub(crate) const METHODS: &[(Method, &[u8], u8)] = &[
    (Method::Delete, b"DELETE", 0),
    (Method::Get, b"GET", 1),
    (Method::Head, b"HEAD", 2),
    (Method::Post, b"POST", 3),
    (Method::Put, b"PUT", 4),
    (Method::Connect, b"CONNECT", 5),
    (Method::Options, b"OPTIONS", 6),
    (Method::Trace, b"TRACE", 7),
    (Method::Copy, b"COPY", 8),
    (Method::Lock, b"LOCK", 9),
    (Method::Mkcol, b"MKCOL", 10),
    (Method::Move, b"MOVE", 11),
    (Method::Propfind, b"PROPFIND", 12),
    (Method::Proppatch, b"PROPPATCH", 13),
    (Method::Search, b"SEARCH", 14),
    (Method::Unlock, b"UNLOCK", 15),
    (Method::Bind, b"BIND", 16),
    (Method::Rebind, b"REBIND", 17),
    (Method::Unbind, b"UNBIND", 18),
    (Method::Acl, b"ACL", 19),
    (Method::Report, b"REPORT", 20),
    (Method::Mkactivity, b"MKACTIVITY", 21),
    (Method::Checkout, b"CHECKOUT", 22),
    (Method::Merge, b"MERGE", 23),
    (Method::MSearch, b"M-SEARCH", 24),
    (Method::Notify, b"NOTIFY", 25),
    (Method::Subscribe, b"SUBSCRIBE", 26),
    (Method::Unsubscribe, b"UNSUBSCRIBE", 27),
    (Method::Patch, b"PATCH", 28),
    (Method::Purge, b"PURGE", 29),
    (Method::Mkcalendar, b"MKCALENDAR", 30),
    (Method::Link, b"LINK", 31),
    (Method::Unlink, b"UNLINK", 32),
    (Method::Source, b"SOURCE", 33),
    (Method::Pri, b"PRI", 34),
    (Method::Query, b"QUERY", 46),
];

/// RTSP method names: valid prefixes for llhttp's matcher, never valid HTTP methods.
const RTSP_NAMES: &[&[u8]] = &[
    b"DESCRIBE",
    b"ANNOUNCE",
    b"SETUP",
    b"PLAY",
    b"PAUSE",
    b"TEARDOWN",
    b"GET_PARAMETER",
    b"SET_PARAMETER",
    b"REDIRECT",
    b"RECORD",
    b"FLUSH",
];

/// Longest name in either table; a longer method can never match.
pub(crate) const MAX_METHOD_LEN: usize = 13;

impl Method {
    /// The method as it appears on the wire, e.g. `"M-SEARCH"`.
    pub fn as_str(self) -> &'static str {
        METHODS
            .iter()
            .find(|(m, _, _)| *m == self)
            .and_then(|(_, name, _)| std::str::from_utf8(name).ok())
            .unwrap_or("")
    }

    /// llhttp's number for this method (`HTTP_GET` = 1, …), what Node's binding reports.
    pub fn llhttp_code(self) -> u8 {
        METHODS.iter().find(|(m, _, _)| *m == self).map(|(_, _, c)| *c).unwrap_or(0)
    }

    /// Looks up a method by its exact, case-sensitive wire name.
    pub fn from_bytes(name: &[u8]) -> Option<Method> {
        METHODS.iter().find(|(_, n, _)| *n == name).map(|(m, _, _)| *m)
    }

    /// Whether `name` is one of the RTSP-only method names llhttp knows.
    pub(crate) fn is_rtsp_name(name: &[u8]) -> bool {
        RTSP_NAMES.contains(&name)
    }

    /// Whether some known method name (HTTP or RTSP) starts with `prefix`.
    pub(crate) fn is_prefix(prefix: &[u8]) -> bool {
        METHODS.iter().any(|(_, n, _)| n.starts_with(prefix))
            || RTSP_NAMES.iter().any(|n| n.starts_with(prefix))
    }
}
