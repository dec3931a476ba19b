//! `internalBinding('http_parser')`: HTTP/1 parsers for `http`, on `parsers::http`, as Node's
//! `node_http_parser.cc` is on llhttp.
//!
//! Node's binding calls into JS once per parse event. Here one `execute` call parses the
//! whole buffer and returns every event in one flat array, which `internal/http_parser`
//! replays to the callbacks: one crossing per socket read instead of one per header block,
//! body piece and message end. Body pieces travel as offsets into the caller's buffer, so
//! JS slices them without a copy; header names and values come as one-byte strings.
//!
//! What Node's JS decides in its headers-complete callback (skip the body of a response to
//! HEAD, treat a CONNECT response as an upgrade, decline an Upgrade request) is passed in as
//! flags before the call, since the callback runs only after the parse.

use engine::{HostValue, Op, OpCtx, OpResult, ThrowError};
use parsers::http::{Config, Handler, Head, Headers, HeadersAction, Kind, Method, Parser};

pub(super) const OPS: &[Op] = &[
    Op { binding: "http_parser", name: "create", func: create },
    Op { binding: "http_parser", name: "execute", func: execute },
    Op { binding: "http_parser", name: "finish", func: finish },
    Op { binding: "http_parser", name: "free", func: free },
];

/// Event tags in the array `execute` returns (after the three result slots).
const EVENT_BEGIN: f64 = 0.0;
const EVENT_HEADERS: f64 = 1.0;
const EVENT_BODY: f64 = 2.0;
const EVENT_COMPLETE: f64 = 3.0;
const EVENT_TRAILERS: f64 = 4.0;

/// `execute` flag: the message is the response to a HEAD request (no body).
const FLAG_SKIP_BODY: u32 = 1;
/// `execute` flag: the message is the response to a CONNECT request (an upgrade).
const FLAG_CONNECT: u32 = 2;
/// `execute` flag: a request's Upgrade is wanted (the stream switches right after the head,
/// a body included, as when Node's server returns 2 from kOnHeadersComplete); without it
/// the request is plain HTTP.
const FLAG_UPGRADE_ALLOWED: u32 = 4;

/// The realm's parsers, by id (index + 1); freed slots are reused.
#[derive(Default)]
struct ParserTable {
    slots: Vec<Option<Parser>>,
    free: Vec<usize>,
}

impl ParserTable {
    fn insert(&mut self, parser: Parser) -> usize {
        match self.free.pop() {
            Some(index) => {
                self.slots[index] = Some(parser);
                index + 1
            }
            None => {
                self.slots.push(Some(parser));
                self.slots.len()
            }
        }
    }

    /// Takes parser `id` out for the length of a call (so the op can borrow its arguments).
    fn take(&mut self, id: f64) -> Option<(usize, Parser)> {
        let index = slot_index(id)?;
        let parser = self.slots.get_mut(index)?.take()?;
        Some((index, parser))
    }

    fn put_back(&mut self, index: usize, parser: Parser) {
        if let Some(slot) = self.slots.get_mut(index) {
            *slot = Some(parser);
        }
    }
}

fn slot_index(id: f64) -> Option<usize> {
    (id.is_finite() && id >= 1.0 && id <= u32::MAX as f64).then(|| id as usize - 1)
}

/// Node's `kLenient*` bits, in its order, mapped onto the parser's switches.
fn config(max_header_size: f64, lenient: u32) -> Config {
    let mut cfg = Config::default();
    if max_header_size.is_finite() && max_header_size > 0.0 {
        cfg.max_header_size = max_header_size.min(u32::MAX as f64) as usize;
    }
    let on = |bit: u32| lenient & (1 << bit) != 0;
    cfg.lenient_headers = on(0);
    cfg.lenient_chunked_length = on(1);
    cfg.lenient_keep_alive = on(2);
    cfg.lenient_transfer_encoding = on(3);
    cfg.lenient_version = on(4);
    cfg.lenient_data_after_close = on(5);
    cfg.lenient_optional_lf_after_cr = on(6);
    cfg.lenient_optional_crlf_after_chunk = on(7);
    cfg.lenient_optional_cr_before_lf = on(8);
    cfg.lenient_spaces_after_chunk_size = on(9);
    cfg
}

fn kind_of(kind: f64) -> Kind {
    if kind == 2.0 {
        Kind::Response
    } else {
        Kind::Request
    }
}

/// `create(kind, maxHeaderSize, lenientFlags, reuseId)` → a parser id. `kind` is Node's
/// `HTTPParser.REQUEST` (1) or `RESPONSE` (2); a live `reuseId` is reset and returned instead
/// of making a new parser (Node reinitialises pooled parsers).
fn create(ctx: &mut dyn OpCtx) -> OpResult {
    let kind = kind_of(ctx.arg(0, "type")?);
    let max_header_size: f64 = ctx.arg_number(1).unwrap_or(0.0);
    let lenient = ctx.arg_number(2).filter(|n| n.is_finite() && *n >= 0.0).unwrap_or(0.0) as u32;
    let reuse = ctx.arg_number(3).unwrap_or(0.0);
    let cfg = config(max_header_size, lenient);
    let table = ctx.state().get_or_default::<ParserTable>();
    if let Some(parser) = slot_index(reuse).and_then(|i| table.slots.get_mut(i)?.as_mut()) {
        parser.reset(kind, cfg);
        return Ok(reuse.into());
    }
    Ok(table.insert(Parser::new(kind, cfg)).into())
}

/// `free(id)`: drops the parser.
fn free(ctx: &mut dyn OpCtx) -> OpResult {
    let id = ctx.arg_number(0).unwrap_or(0.0);
    let table = ctx.state().get_or_default::<ParserTable>();
    if let Some(index) = slot_index(id) {
        if let Some(slot) = table.slots.get_mut(index) {
            if slot.take().is_some() {
                table.free.push(index);
            }
        }
    }
    Ok(HostValue::Undefined)
}

/// `execute(id, buffer, flags)` → `[consumed, errorCode, errorReason, ...events]`.
///
/// `consumed` is how many bytes were parsed (on an error, the offset of the bad byte);
/// fewer than the buffer's length means the stream was upgraded there. The events, in
/// order: `0` (a message begins), `1, major, minor, headers, method, url, status, reason,
/// upgrade, keepAlive`
/// (headers a flat name/value array; method llhttp's number or undefined), `2, start, end`
/// (a body piece: offsets into `buffer`), `3` (message complete), `4, trailers`.
fn execute(ctx: &mut dyn OpCtx) -> OpResult {
    let id = ctx.arg_number(0).unwrap_or(0.0);
    let flags = ctx.arg_number(2).filter(|n| n.is_finite() && *n >= 0.0).unwrap_or(0.0) as u32;
    let Some((index, mut parser)) = ctx.state().get_or_default::<ParserTable>().take(id) else {
        return Err(ThrowError::error("http_parser: no such parser"));
    };
    let mut events = Events::new(flags);
    let result = match ctx.arg_bytes(1) {
        Some(data) => {
            events.base = data.as_ptr() as usize;
            parser.execute(data, &mut events)
        }
        None => Ok(0),
    };
    ctx.state().get_or_default::<ParserTable>().put_back(index, parser);
    Ok(events.finish(result))
}

/// `finish(id)` → the same array as `execute`: the end of the stream completes a body read
/// until close, or is `HPE_INVALID_EOF_STATE` inside a message.
fn finish(ctx: &mut dyn OpCtx) -> OpResult {
    let id = ctx.arg_number(0).unwrap_or(0.0);
    let Some((index, mut parser)) = ctx.state().get_or_default::<ParserTable>().take(id) else {
        return Err(ThrowError::error("http_parser: no such parser"));
    };
    let mut events = Events::new(0);
    let result = parser.finish(&mut events).map(|()| 0);
    ctx.state().get_or_default::<ParserTable>().put_back(index, parser);
    Ok(events.finish(result))
}

/// Collects parse events into the flat array JS replays.
struct Events {
    flags: u32,
    /// Address of the input's first byte: body pieces are reported relative to it.
    base: usize,
    out: Vec<HostValue>,
}

impl Events {
    fn new(flags: u32) -> Self {
        let mut out = Vec::with_capacity(16);
        out.extend([HostValue::Number(0.0), HostValue::Undefined, HostValue::Undefined]);
        Events { flags, base: 0, out }
    }

    fn finish(mut self, result: Result<usize, parsers::http::ParseError>) -> HostValue {
        match result {
            Ok(consumed) => self.out[0] = (consumed as f64).into(),
            Err(e) => {
                self.out[0] = (e.offset as f64).into();
                self.out[1] = e.code().into();
                self.out[2] = e.reason().into();
            }
        }
        HostValue::Array(self.out)
    }
}

fn flat_headers(headers: &Headers<'_>) -> HostValue {
    let mut flat = Vec::with_capacity(headers.len() * 2);
    for h in headers.iter() {
        flat.push(HostValue::Latin1(h.name.to_vec()));
        flat.push(HostValue::Latin1(h.value.to_vec()));
    }
    HostValue::Array(flat)
}

impl Handler for Events {
    fn on_message_begin(&mut self) {
        self.out.push(HostValue::Number(EVENT_BEGIN));
    }

    fn on_headers_complete(&mut self, head: &Head<'_>) -> HeadersAction {
        let request = head.method.is_some();
        self.out.extend([
            HostValue::Number(EVENT_HEADERS),
            HostValue::Number(head.http_major.into()),
            HostValue::Number(head.http_minor.into()),
            flat_headers(&head.headers()),
            head.method.map_or(HostValue::Undefined, |m| HostValue::Number(m.llhttp_code().into())),
            if request { HostValue::Latin1(head.url().to_vec()) } else { HostValue::Undefined },
            HostValue::Number(head.status.into()),
            if request { HostValue::Undefined } else { HostValue::Latin1(head.reason().to_vec()) },
            HostValue::Bool(head.upgrade),
            HostValue::Bool(head.should_keep_alive),
        ]);
        let upgrade_slot = self.out.len() - 2;
        if request {
            if !head.upgrade || head.method == Some(Method::Connect) {
                return HeadersAction::Continue;
            }
            if self.flags & FLAG_UPGRADE_ALLOWED == 0 {
                self.out[upgrade_slot] = HostValue::Bool(false);
                return HeadersAction::DeclineUpgrade;
            }
            return HeadersAction::Upgrade;
        }
        if self.flags & FLAG_CONNECT != 0 {
            self.out[upgrade_slot] = HostValue::Bool(true);
            return HeadersAction::Upgrade;
        }
        if self.flags & FLAG_SKIP_BODY != 0 {
            return HeadersAction::SkipBody;
        }
        HeadersAction::Continue
    }

    fn on_body(&mut self, chunk: &[u8]) {
        let start = (chunk.as_ptr() as usize).wrapping_sub(self.base);
        self.out.extend([
            HostValue::Number(EVENT_BODY),
            HostValue::Number(start as f64),
            HostValue::Number((start + chunk.len()) as f64),
        ]);
    }

    fn on_trailers(&mut self, trailers: &Headers<'_>) {
        self.out.extend([HostValue::Number(EVENT_TRAILERS), flat_headers(trailers)]);
    }

    fn on_message_complete(&mut self) -> parsers::http::Flow {
        self.out.push(HostValue::Number(EVENT_COMPLETE));
        parsers::http::Flow::Continue
    }
}
