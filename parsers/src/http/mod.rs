//! HTTP/1.0 and HTTP/1.1 message parsing: llhttp's job, in Rust.
//!
//! The shape follows what Node's `HTTPParser` binding needs from llhttp: a [`Parser`] is
//! created for requests or responses, [`Parser::execute`] is called with whatever bytes the
//! socket delivered (any split, down to one byte at a time) and reports events to a
//! [`Handler`] as they become known, and returns how many bytes it consumed or a
//! [`ParseError`] named like llhttp's `HPE_*` codes.
//!
//! Two layers do the work:
//! - `head` scans a start line and header block incrementally, validating every byte as
//!   llhttp's strict mode does, and records where each piece lies. A head that arrives in
//!   one buffer is handed to the handler as slices of that buffer; only a head split across
//!   calls is copied, into a buffer the parser keeps and reuses.
//! - `parser` frames the body per RFC 9112 §6: Content-Length, chunked (`chunked` module for
//!   the size lines), read-until-close, no body for HEAD/1xx/204/304, keep-alive and
//!   pipelining, and the stop for `Upgrade`/`CONNECT`. Body bytes always go to the handler as
//!   slices of the input, never copied.

mod chunked;
mod config;
mod error;
mod head;
mod method;
mod parser;

pub use config::{Config, DEFAULT_MAX_CHUNK_EXTENSIONS, DEFAULT_MAX_HEADER_SIZE};
pub use error::{ErrorKind, ParseError};
pub use method::Method;
pub use parser::Parser;

use head::{HeadScanner, HeaderSpan};

/// Which side of the exchange a parser reads.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// Requests, as a server reads them.
    Request,
    /// Responses, as a client reads them.
    Response,
}

/// What the handler wants done after the head, like the return value of Node's
/// `kOnHeadersComplete` (0, 1, 2).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum HeadersAction {
    /// Frame the body as the headers say.
    #[default]
    Continue,
    /// There is no body: this is the response to a HEAD request.
    SkipBody,
    /// No body, and the rest of the stream belongs to another protocol (e.g. the response
    /// to a CONNECT request).
    Upgrade,
    /// The receiver declines the upgrade the headers ask for (a server with no use for it):
    /// frame the body as the headers say and keep reading HTTP/1 after it. A CONNECT
    /// request is an upgrade whatever the answer.
    DeclineUpgrade,
}

/// Whether `execute` should go on after a message completes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Flow {
    /// Keep parsing the next pipelined message.
    #[default]
    Continue,
    /// Return from `execute` right after this message; call it again with the rest.
    Pause,
}

/// Receives parse events; every method has a no-op default.
pub trait Handler {
    /// A new message starts (its first byte has arrived).
    fn on_message_begin(&mut self) {}
    /// The start line and headers are complete.
    fn on_headers_complete(&mut self, _head: &Head<'_>) -> HeadersAction {
        HeadersAction::Continue
    }
    /// A piece of the body (decoded from chunked framing if needed), a slice of the input.
    fn on_body(&mut self, _chunk: &[u8]) {}
    /// A chunk-size line was read; `size` 0 is the last chunk.
    fn on_chunk_header(&mut self, _size: u64) {}
    /// A chunk (including the last one and its trailers) is complete.
    fn on_chunk_complete(&mut self) {}
    /// The trailer fields after the last chunk, when there are any.
    fn on_trailers(&mut self, _trailers: &Headers<'_>) {}
    /// The message is complete.
    fn on_message_complete(&mut self) -> Flow {
        Flow::Continue
    }
}

/// One header field, as raw bytes: the name as sent, the value without surrounding whitespace.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Header<'a> {
    /// The field name.
    pub name: &'a [u8],
    /// The field value.
    pub value: &'a [u8],
}

/// The header (or trailer) fields of a message, in order, borrowed from the input.
#[derive(Clone, Copy, Debug)]
pub struct Headers<'a> {
    bytes: &'a [u8],
    spans: &'a [HeaderSpan],
}

impl<'a> Headers<'a> {
    /// Number of fields.
    pub fn len(&self) -> usize {
        self.spans.len()
    }

    /// Whether there are no fields.
    pub fn is_empty(&self) -> bool {
        self.spans.is_empty()
    }

    /// The field at `index`.
    pub fn get(&self, index: usize) -> Option<Header<'a>> {
        let s = self.spans.get(index)?;
        Some(Header {
            name: self.bytes.get(s.name.0..s.name.1)?,
            value: self.bytes.get(s.value.0..s.value.1)?,
        })
    }

    /// The fields in order.
    pub fn iter(&self) -> impl Iterator<Item = Header<'a>> + '_ {
        (0..self.spans.len()).filter_map(move |i| self.get(i))
    }
}

/// Everything known once the head is complete: Node's `kOnHeadersComplete` arguments.
#[derive(Clone, Copy, Debug)]
pub struct Head<'a> {
    bytes: &'a [u8],
    scanner: &'a HeadScanner,
    /// HTTP major version.
    pub http_major: u8,
    /// HTTP minor version.
    pub http_minor: u8,
    /// The request method (requests only).
    pub method: Option<Method>,
    /// The status code (responses only, else 0).
    pub status: u16,
    /// Whether the connection can carry another message after this one.
    pub should_keep_alive: bool,
    /// Whether the connection switches protocol after this message (Upgrade or CONNECT).
    pub upgrade: bool,
    /// The declared Content-Length, if any.
    pub content_length: Option<u64>,
    /// Whether the body is chunked.
    pub chunked: bool,
}

impl<'a> Head<'a> {
    /// The request target, as sent (requests only, else empty).
    pub fn url(&self) -> &'a [u8] {
        self.bytes.get(self.scanner.url.0..self.scanner.url.1).unwrap_or_default()
    }

    /// The reason phrase (responses only, else empty).
    pub fn reason(&self) -> &'a [u8] {
        self.bytes.get(self.scanner.reason.0..self.scanner.reason.1).unwrap_or_default()
    }

    /// The header fields in order.
    pub fn headers(&self) -> Headers<'a> {
        Headers { bytes: self.bytes, spans: &self.scanner.headers }
    }
}
