//! The message framing state machine: what comes after the head, and between messages.
//!
//! `execute` walks the input once. Outside heads it never copies: body bytes are delivered
//! as slices of the input. The framing decisions (body length, keep-alive, upgrade) copy
//! llhttp's `llhttp__after_headers_complete`, `llhttp_message_needs_eof` and
//! `llhttp_should_keep_alive`, because Node's behaviour is defined by them. A rejection is
//! sticky: once `execute` fails the parser stays failed until [`Parser::reset`].

use super::chunked::{ChunkLine, ChunkScanner, Step};
use super::config::Config;
use super::error::{site, ParseError, Site};
use super::head::{HeadScanner, CONN_CLOSE, CONN_KEEP_ALIVE, CONN_UPGRADE};
use super::method::Method;
use super::{Flow, Handler, Head, Headers, HeadersAction, Kind};

/// Where the parser is between and inside messages.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum State {
    /// Before a message; stray CR/LF are skipped as RFC 9112 §2.2 allows.
    Start,
    Head,
    /// Content-Length body with this many bytes left.
    Body(u64),
    /// Body delimited by the end of the connection.
    BodyEof,
    ChunkLine,
    /// Chunk data with this many bytes left.
    ChunkData(u64),
    Trailers,
    /// The last message closed the connection.
    Closed,
    /// The stream now belongs to another protocol.
    Upgraded,
    Failed,
}

/// Whether `execute` goes on after a step.
enum Next {
    Go,
    Stop,
}

/// An incremental HTTP/1 parser for one connection; see the module docs of `http`.
#[derive(Debug)]
pub struct Parser {
    kind: Kind,
    cfg: Config,
    state: State,
    scanner: HeadScanner,
    chunk: ChunkScanner,
    /// A head split across `execute` calls, copied here until it is complete.
    head_buf: Vec<u8>,
    buffered: bool,
    /// Where the current head starts in the current input, when not buffered.
    head_start: usize,
    error: Option<ParseError>,
    major: u8,
    minor: u8,
    method: Option<Method>,
    status: u16,
    content_length: Option<u64>,
    chunked: bool,
    transfer_encoding: bool,
    conn_close: bool,
    conn_keep_alive: bool,
    upgrade: bool,
    skip_body: bool,
}

impl Parser {
    /// A parser for requests or responses with the given limits and leniencies.
    pub fn new(kind: Kind, config: Config) -> Self {
        Parser {
            kind,
            cfg: config,
            state: State::Start,
            scanner: HeadScanner::new(kind == Kind::Request),
            chunk: ChunkScanner::new(),
            head_buf: Vec::new(),
            buffered: false,
            head_start: 0,
            error: None,
            major: 0,
            minor: 0,
            method: None,
            status: 0,
            content_length: None,
            chunked: false,
            transfer_encoding: false,
            conn_close: false,
            conn_keep_alive: false,
            upgrade: false,
            skip_body: false,
        }
    }

    /// Makes the parser new again, keeping its buffers (Node reuses parsers from a pool).
    pub fn reset(&mut self, kind: Kind, config: Config) {
        self.kind = kind;
        self.cfg = config;
        self.state = State::Start;
        self.error = None;
        self.buffered = false;
        self.head_buf.clear();
        self.clear_message();
    }

    fn clear_message(&mut self) {
        self.major = 0;
        self.minor = 0;
        self.method = None;
        self.status = 0;
        self.content_length = None;
        self.chunked = false;
        self.transfer_encoding = false;
        self.conn_close = false;
        self.conn_keep_alive = false;
        self.upgrade = false;
        self.skip_body = false;
    }

    /// Which side this parser reads.
    pub fn kind(&self) -> Kind {
        self.kind
    }

    /// The configuration in use.
    pub fn config(&self) -> &Config {
        &self.cfg
    }

    /// HTTP major version of the current (or last) message.
    pub fn http_major(&self) -> u8 {
        self.major
    }

    /// HTTP minor version of the current (or last) message.
    pub fn http_minor(&self) -> u8 {
        self.minor
    }

    /// Method of the current (or last) request.
    pub fn method(&self) -> Option<Method> {
        self.method
    }

    /// Status code of the current (or last) response.
    pub fn status(&self) -> u16 {
        self.status
    }

    /// Content-Length of the current (or last) message, if declared.
    pub fn content_length(&self) -> Option<u64> {
        self.content_length
    }

    /// Whether the current (or last) message is chunked.
    pub fn is_chunked(&self) -> bool {
        self.chunked
    }

    /// Whether the stream was handed over to another protocol; `execute` then consumes nothing.
    pub fn is_upgrade(&self) -> bool {
        self.upgrade
    }

    /// The error that stopped the parser, if any.
    pub fn error(&self) -> Option<ParseError> {
        self.error
    }

    /// Whether the connection can carry another message after the current one
    /// (llhttp's `llhttp_should_keep_alive`).
    pub fn should_keep_alive(&self) -> bool {
        let persistent =
            if self.major > 0 && self.minor > 0 { !self.conn_close } else { self.conn_keep_alive };
        persistent && !self.needs_eof()
    }

    /// Whether the body runs until the connection closes (llhttp's `llhttp_message_needs_eof`).
    fn needs_eof(&self) -> bool {
        if self.kind == Kind::Request {
            return false;
        }
        if self.status / 100 == 1 || self.status == 204 || self.status == 304 || self.skip_body {
            return false;
        }
        if self.transfer_encoding && !self.chunked {
            return true;
        }
        !(self.chunked || self.content_length.is_some())
    }

    fn fail(&mut self, (kind, reason): Site, offset: usize) -> Result<usize, ParseError> {
        let e = ParseError { kind, reason, offset };
        self.error = Some(e);
        self.state = State::Failed;
        Err(e)
    }

    /// Most bytes a head may take on the wire. Node's limit counts only some bytes (see
    /// [`Config::max_header_size`]), so this second bound keeps whitespace from growing the
    /// head buffer without end.
    fn raw_head_cap(&self) -> usize {
        self.cfg.max_header_size.saturating_mul(8).max(8192)
    }

    /// Parses `data`, reporting events to `handler`. Returns the number of bytes consumed:
    /// all of `data`, unless a handler paused after a message or the stream was upgraded, in
    /// which case the rest, from the returned offset, is not HTTP/1 for this parser.
    pub fn execute<H: Handler>(
        &mut self,
        data: &[u8],
        handler: &mut H,
    ) -> Result<usize, ParseError> {
        if let Some(e) = self.error {
            return Err(ParseError { offset: 0, ..e });
        }
        let mut pos = 0;
        while pos < data.len() {
            match self.state {
                State::Start => {
                    if matches!(data[pos], b'\r' | b'\n') {
                        pos += 1;
                        continue;
                    }
                    self.clear_message();
                    self.scanner.reset_head(self.kind == Kind::Request);
                    self.buffered = false;
                    self.head_start = pos;
                    self.state = State::Head;
                    handler.on_message_begin();
                }
                State::Closed => {
                    if matches!(data[pos], b'\r' | b'\n') {
                        pos += 1;
                        continue;
                    }
                    if self.cfg.lenient_data_after_close {
                        return Ok(data.len());
                    }
                    // llhttp consumes the byte before it rejects it.
                    return self.fail(site::CLOSED, pos + 1);
                }
                State::Upgraded => return Ok(pos),
                // Unreachable: a failure is returned above before any state is looked at.
                State::Failed => return Ok(pos),
                State::Head | State::Trailers => {
                    let base =
                        if self.buffered { self.head_buf.len() } else { pos - self.head_start };
                    // Scanning stops at the raw cap, so every split fails on the same byte.
                    let room = (self.raw_head_cap() + 1).saturating_sub(base).max(1);
                    let stop = data.len().min(pos.saturating_add(room));
                    match self.scanner.scan(&data[pos..stop], base, &self.cfg) {
                        Err((s, i)) => return self.fail(s, pos + i),
                        Ok(None) if stop - pos == room => {
                            return self.fail(site::HEADER_OVERFLOW, stop - 1);
                        }
                        Ok(None) => {
                            if self.buffered {
                                self.head_buf.extend_from_slice(&data[pos..]);
                            } else {
                                self.head_buf.clear();
                                self.head_buf.extend_from_slice(&data[self.head_start..]);
                                self.buffered = true;
                            }
                            return Ok(data.len());
                        }
                        Ok(Some(n)) => {
                            let end = pos + n;
                            let mut buf = Vec::new();
                            if self.buffered {
                                self.head_buf.extend_from_slice(&data[pos..end]);
                                buf = std::mem::take(&mut self.head_buf);
                            }
                            let head: &[u8] =
                                if self.buffered { &buf } else { &data[self.head_start..end] };
                            let r = if self.state == State::Head {
                                self.on_head(head, handler)
                            } else {
                                Ok(self.on_trailers(head, handler))
                            };
                            if self.buffered {
                                buf.clear();
                                self.head_buf = buf;
                                self.buffered = false;
                            }
                            pos = end;
                            match r {
                                Err(s) => return self.fail(s, end),
                                Ok(Next::Stop) => return Ok(pos),
                                Ok(Next::Go) => {}
                            }
                        }
                    }
                }
                State::Body(left) => {
                    let n = usize::try_from(left).unwrap_or(usize::MAX).min(data.len() - pos);
                    handler.on_body(&data[pos..pos + n]);
                    pos += n;
                    let left = left - n as u64;
                    self.state = State::Body(left);
                    if left == 0 {
                        if let Next::Stop = self.message_complete(handler) {
                            return Ok(pos);
                        }
                    }
                }
                State::BodyEof => {
                    handler.on_body(&data[pos..]);
                    pos = data.len();
                }
                State::ChunkData(left) => {
                    let n = usize::try_from(left).unwrap_or(usize::MAX).min(data.len() - pos);
                    handler.on_body(&data[pos..pos + n]);
                    pos += n;
                    let left = left - n as u64;
                    if left == 0 {
                        self.chunk.line = ChunkLine::DataCr;
                        self.state = State::ChunkLine;
                    } else {
                        self.state = State::ChunkData(left);
                    }
                }
                State::ChunkLine => match self.chunk.step(data[pos], &self.cfg) {
                    Err((s, delta)) => return self.fail(s, pos + delta),
                    Ok(Step::More) => pos += 1,
                    Ok(Step::SizeDone) => {
                        pos += 1;
                        self.chunk_size_done(pos, handler);
                    }
                    Ok(Step::SizeDoneReprocess) => self.chunk_size_done(pos, handler),
                    Ok(Step::DataDone) => {
                        pos += 1;
                        handler.on_chunk_complete();
                        self.chunk.start_size();
                    }
                    Ok(Step::DataDoneReprocess) => {
                        handler.on_chunk_complete();
                        self.chunk.start_size();
                    }
                },
            }
        }
        if matches!(self.state, State::Head | State::Trailers) && !self.buffered {
            // The block started exactly at the end of this input: its start offset means
            // nothing in the next one, so switch to the buffer now.
            self.head_buf.clear();
            self.head_buf.extend_from_slice(data.get(self.head_start..).unwrap_or_default());
            self.buffered = true;
        }
        Ok(pos)
    }

    /// Signals the end of the stream. Completes a read-until-close body; anything else
    /// unfinished is `HPE_INVALID_EOF_STATE`.
    pub fn finish<H: Handler>(&mut self, handler: &mut H) -> Result<(), ParseError> {
        match self.state {
            State::Start | State::Closed | State::Upgraded => Ok(()),
            State::BodyEof => {
                self.message_complete(handler);
                Ok(())
            }
            State::Failed => {
                let (kind, reason) = site::EOF_STATE;
                Err(self.error.unwrap_or(ParseError { kind, reason, offset: 0 }))
            }
            _ => self.fail(site::EOF_STATE, 0).map(|_| ()),
        }
    }

    fn chunk_size_done<H: Handler>(&mut self, pos: usize, handler: &mut H) {
        let size = self.chunk.size;
        handler.on_chunk_header(size);
        if size == 0 {
            self.scanner.reset_trailers();
            self.buffered = false;
            self.head_start = pos;
            self.state = State::Trailers;
        } else {
            self.state = State::ChunkData(size);
        }
    }

    /// Applies the header rules, tells the handler, and picks the body framing.
    fn on_head<H: Handler>(&mut self, head: &[u8], handler: &mut H) -> Result<Next, Site> {
        let request = self.kind == Kind::Request;
        self.major = self.scanner.major;
        self.minor = self.scanner.minor;
        self.method = self.scanner.method;
        self.status = self.scanner.status;
        // The scanner already applied the Content-Length and Transfer-Encoding rules.
        self.content_length =
            self.scanner.has_content_length.then_some(self.scanner.content_length);
        self.transfer_encoding = self.scanner.transfer_encoding;
        self.chunked = self.scanner.chunked;
        self.take_connection_flags();
        let has_upgrade = self.scanner.upgrade;
        let conn_upgrade = self.scanner.connection & CONN_UPGRADE != 0;
        if self.transfer_encoding {
            // Only reachable with lenient_chunked_length: the coding wins over the length.
            self.content_length = None;
        }
        self.upgrade = if has_upgrade && conn_upgrade {
            request || self.status == 101
        } else {
            self.method == Some(Method::Connect)
        };

        let action = handler.on_headers_complete(&Head {
            bytes: head,
            scanner: &self.scanner,
            http_major: self.major,
            http_minor: self.minor,
            method: self.method,
            status: self.status,
            should_keep_alive: self.should_keep_alive(),
            upgrade: self.upgrade,
            content_length: self.content_length,
            chunked: self.chunked,
        });
        match action {
            HeadersAction::Continue => {}
            HeadersAction::SkipBody => self.skip_body = true,
            HeadersAction::Upgrade => {
                self.skip_body = true;
                self.upgrade = true;
            }
            HeadersAction::DeclineUpgrade => {
                self.upgrade = self.method == Some(Method::Connect);
            }
        }

        let has_body = self.chunked || self.content_length.is_some_and(|n| n > 0);
        let response = !request;
        if (self.upgrade && (self.method == Some(Method::Connect) || self.skip_body || !has_body))
            || (response && self.status == 101)
        {
            handler.on_message_complete();
            self.state = State::Upgraded;
            return Ok(Next::Stop);
        }
        if self.skip_body || (response && matches!(self.status, 100 | 102 | 103 | 204 | 304)) {
            return Ok(self.message_complete(handler));
        }
        if self.chunked {
            self.chunk.start_size();
            self.state = State::ChunkLine;
            return Ok(Next::Go);
        }
        if self.transfer_encoding {
            // llhttp decides this after `on_headers_complete`, so the handler saw the head.
            if request && !self.cfg.lenient_transfer_encoding && !self.cfg.lenient_chunked_length {
                return Err(site::TE_NOT_CHUNKED);
            }
            self.state = State::BodyEof;
            return Ok(Next::Go);
        }
        match self.content_length {
            None if self.needs_eof() => {
                self.state = State::BodyEof;
                Ok(Next::Go)
            }
            None | Some(0) => Ok(self.message_complete(handler)),
            Some(n) => {
                self.state = State::Body(n);
                Ok(Next::Go)
            }
        }
    }

    /// Connection options count wherever they appear, trailers included, as in llhttp.
    fn take_connection_flags(&mut self) {
        self.conn_close = self.scanner.connection & CONN_CLOSE != 0;
        self.conn_keep_alive = self.scanner.connection & CONN_KEEP_ALIVE != 0;
    }

    fn on_trailers<H: Handler>(&mut self, block: &[u8], handler: &mut H) -> Next {
        self.take_connection_flags();
        if !self.scanner.headers.is_empty() {
            handler.on_trailers(&Headers { bytes: block, spans: &self.scanner.headers });
        }
        handler.on_chunk_complete();
        self.message_complete(handler)
    }

    /// Ends a message: upgrade, close, or get ready for the next pipelined one.
    fn message_complete<H: Handler>(&mut self, handler: &mut H) -> Next {
        let flow = handler.on_message_complete();
        if self.upgrade {
            self.state = State::Upgraded;
            return Next::Stop;
        }
        self.state = if self.should_keep_alive() || self.cfg.lenient_keep_alive {
            State::Start
        } else {
            State::Closed
        };
        match flow {
            Flow::Continue => Next::Go,
            Flow::Pause => Next::Stop,
        }
    }
}
