//! Incremental scanner for a message head (start line + header lines) or a trailer block.
//!
//! The scanner sees every byte exactly once, whatever the split of the input, so a head fed
//! one byte at a time costs the same as a head fed whole. It validates as it goes, rule for
//! rule as llhttp's strict grammar (`http.ts`, `url.ts`) does, because Node reports the
//! code, reason and position of the rule that failed; and it records where the pieces are
//! as offsets from the start of the head, so the caller can hand out slices of either the
//! input buffer (the common case, no copy) or, when the head was split across `execute`
//! calls, its own head buffer.
//!
//! The Content-Length and Transfer-Encoding rules run here too, not once the head is
//! complete: llhttp rejects a bad length at its first bad digit, and a client sees that
//! position (and, for a head split across reads, which read failed).
//!
//! httparse was the first candidate for this job, but it cannot resume mid-head (re-parsing
//! on every piece is quadratic), cannot say where it failed, accepts bare LF, and rejects
//! bytes llhttp accepts when leniencies are on; so the tokenizing lives here.

use super::config::Config;
use super::error::{site, Site};
use super::method::{Method, MAX_METHOD_LEN};

/// A byte range relative to the start of the head.
pub(crate) type Span = (usize, usize);

/// One header line, as name and value ranges (value without surrounding whitespace).
#[derive(Clone, Copy, Debug)]
pub(crate) struct HeaderSpan {
    pub name: Span,
    pub value: Span,
}

/// Where the scanner is in a request target (llhttp's `url.ts` nodes).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum UrlSt {
    Start,
    Schema,
    /// Matched this many bytes of the `//` after `scheme:`.
    SchemaDelim(u8),
    Server,
    ServerWithAt,
    Path,
    Query,
    Fragment,
}

/// Where the scanner is in the grammar.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum St {
    Method,
    SpacesBeforeUrl,
    Url(UrlSt),
    /// The target ended with CR: HTTP/0.9, if a LF follows.
    Url09Lf,
    /// The byte after the target's end, which llhttp still checks as part of the target;
    /// the flag says whether the request is HTTP/0.9 (a line end ended the target).
    AfterUrl(bool),
    SpacesBeforeProto,
    /// Matched this many bytes of the protocol name `PROTOCOLS[.0]`.
    Proto(u8, u8),
    ProtoSlash,
    Major,
    Dot,
    Minor,
    /// Matched this many bytes of the rest of the HTTP/2 preface.
    Preface(u8),
    RequestLineCr,
    RequestLineLf,
    StatusSpace,
    /// Read this many status digits.
    Status(u8),
    AfterStatus,
    Reason,
    StatusLf,
    /// Right after the start line, where a space is `HPE_UNEXPECTED_SPACE`.
    HeadersStart,
    LineStart,
    Name,
    /// Spaces between a special header's name and its colon (lenient only).
    NameSpaces,
    ValueOws,
    /// CR of a line whose value was empty.
    EmptyLf,
    /// After the CRLF of a line whose value was empty.
    EmptyLws,
    Value,
    LineLf,
    /// After a value's CRLF, deciding between a fold and the next line.
    LineLws,
    EndLf,
}

/// The protocol names a start line may carry.
const PROTOCOLS: [&[u8]; 3] = [b"HTTP", b"RTSP", b"ICE"];

/// What follows `PRI * HTTP/2.0` in an HTTP/2 connection preface.
const PREFACE_REST: &[u8] = b"\r\n\r\nSM\r\n\r\n";

/// Header names llhttp treats specially, lowercase (`SPECIAL_HEADERS`).
const SPECIAL: [&[u8]; 5] =
    [b"connection", b"content-length", b"proxy-connection", b"transfer-encoding", b"upgrade"];
const LONGEST_SPECIAL: usize = 17;

/// Which special header a line is, as far as the scanner's own rules go.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Special {
    None,
    /// Connection or Proxy-Connection.
    Connection,
    Upgrade,
    ContentLength,
    TransferEncoding,
}

/// The Connection options llhttp acts on; option `i` sets bit `1 << i` of
/// [`HeadScanner::connection`].
const CONNECTION_WORDS: [&[u8]; 3] = [b"close", b"keep-alive", b"upgrade"];
/// `Connection: close` was seen.
pub(crate) const CONN_CLOSE: u8 = 1;
/// `Connection: keep-alive` was seen.
pub(crate) const CONN_KEEP_ALIVE: u8 = 2;
/// `Connection: upgrade` was seen.
pub(crate) const CONN_UPGRADE: u8 = 4;

/// Progress through a Connection value (llhttp's `header_value_connection*` nodes): an
/// option counts only when nothing but spaces follows it before a comma or the line end.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum ConnSt {
    /// Before an option, skipping whitespace.
    Lead,
    /// Matched this many bytes of `CONNECTION_WORDS[.0]`.
    Word(u8, u8),
    /// A whole option and only spaces since.
    WordSpaces(u8),
    /// Some other option.
    Token,
}

/// Progress through a Content-Length value.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum ClSt {
    Digits,
    Spaces,
}

/// Progress through a Transfer-Encoding value, to learn whether `chunked` is its last coding
/// (llhttp's `header_value_te_*` nodes).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum TeSt {
    /// Matched this many bytes of `chunked`.
    Match(u8),
    /// `chunked` and only spaces since.
    Last,
    Token,
    /// Whitespace after a comma.
    Ows,
    /// A byte no coding has: the rest is an ordinary value.
    Plain,
}

/// Token characters (RFC 9110 `tchar`), for header names and chunk extensions.
pub(crate) static TOKEN: [bool; 256] = {
    let mut t = [false; 256];
    let mut i = 0;
    while i < 256 {
        let b = i as u8;
        t[i] = b.is_ascii_alphanumeric()
            || matches!(
                b,
                b'!' | b'#'
                    | b'$'
                    | b'%'
                    | b'&'
                    | b'\''
                    | b'*'
                    | b'+'
                    | b'-'
                    | b'.'
                    | b'^'
                    | b'_'
                    | b'`'
                    | b'|'
                    | b'~'
            );
        i += 1;
    }
    t
};

/// Header value bytes llhttp accepts in strict mode: HTAB, SP, VCHAR, obs-text.
pub(crate) static VALUE: [bool; 256] = {
    let mut t = [false; 256];
    let mut i = 0;
    while i < 256 {
        t[i] = i == 9 || (i >= 0x20 && i != 0x7f);
        i += 1;
    }
    t
};

/// Path, query and fragment bytes llhttp accepts (`URL_CHAR`): visible ASCII but `#` and `?`.
static URL_CHAR: [bool; 256] = {
    let mut t = [false; 256];
    let mut i = 0x21;
    while i < 0x7f {
        t[i] = i != b'#' as usize && i != b'?' as usize;
        i += 1;
    }
    t
};

/// Bytes of a host, with userinfo and port (`USERINFO_CHARS` plus brackets).
fn is_server_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric()
        || matches!(
            b,
            b'-' | b'_'
                | b'.'
                | b'!'
                | b'~'
                | b'*'
                | b'\''
                | b'('
                | b')'
                | b'%'
                | b';'
                | b':'
                | b'&'
                | b'='
                | b'+'
                | b'$'
                | b','
                | b'['
                | b']'
        )
}

/// What the scanner reports when it rejects input: the failure site and llhttp's position
/// for it, an index into the slice that was scanned (one past the slice's end when the rule
/// consumed the slice's last byte).
pub(crate) type ScanError = (Site, usize);

/// The state of one head (or trailer block) being scanned, plus what it found so far.
#[derive(Debug)]
pub(crate) struct HeadScanner {
    st: St,
    request: bool,
    /// Bytes counted against `max_header_size`, the way Node counts them.
    counted: usize,
    method_buf: [u8; MAX_METHOD_LEN],
    method_len: usize,
    /// The request method, once the request line is read.
    pub method: Option<Method>,
    /// The method is an RTSP-only name (`DESCRIBE`, …): fine for llhttp's matcher, and
    /// then for `RTSP/` start lines only.
    rtsp_method: bool,
    /// The request target.
    pub url: Span,
    /// The reason phrase.
    pub reason: Span,
    /// HTTP major version.
    pub major: u8,
    /// HTTP minor version.
    pub minor: u8,
    /// Response status code.
    pub status: u16,
    /// Header lines in order.
    pub headers: Vec<HeaderSpan>,
    name: Span,
    /// The name's first bytes, lowercased, to recognize the special headers.
    name_buf: [u8; LONGEST_SPECIAL],
    special: Special,
    value_start: usize,
    value_end: usize,
    cl: ClSt,
    te: TeSt,
    conn: ConnSt,
    cl_value: u64,
    /// A Content-Length was read (llhttp `F_CONTENT_LENGTH`); kept through the trailers.
    pub has_content_length: bool,
    /// The value of the Content-Length.
    pub content_length: u64,
    /// A non-empty Transfer-Encoding was seen (llhttp `F_TRANSFER_ENCODING`).
    pub transfer_encoding: bool,
    /// The last Transfer-Encoding ends in `chunked` (llhttp `F_CHUNKED`).
    pub chunked: bool,
    /// Connection options seen: `CONN_CLOSE`, `CONN_KEEP_ALIVE`, `CONN_UPGRADE` bits.
    pub connection: u8,
    /// A non-empty Upgrade header was seen (llhttp `F_UPGRADE`).
    pub upgrade: bool,
}

impl HeadScanner {
    /// A scanner ready for a request or response head.
    pub fn new(request: bool) -> Self {
        let mut s = HeadScanner {
            st: St::Method,
            request,
            counted: 0,
            method_buf: [0; MAX_METHOD_LEN],
            method_len: 0,
            method: None,
            rtsp_method: false,
            url: (0, 0),
            reason: (0, 0),
            major: 0,
            minor: 0,
            status: 0,
            headers: Vec::new(),
            name: (0, 0),
            name_buf: [0; LONGEST_SPECIAL],
            special: Special::None,
            value_start: 0,
            value_end: 0,
            cl: ClSt::Digits,
            te: TeSt::Plain,
            conn: ConnSt::Token,
            cl_value: 0,
            has_content_length: false,
            content_length: 0,
            transfer_encoding: false,
            chunked: false,
            connection: 0,
            upgrade: false,
        };
        s.reset_head(request);
        s
    }

    /// Prepares for a new head, keeping the header vector's allocation.
    pub fn reset_head(&mut self, request: bool) {
        self.request = request;
        self.st = if request { St::Method } else { St::Proto(0, 0) };
        self.counted = 0;
        self.method_len = 0;
        self.method = None;
        self.rtsp_method = false;
        self.url = (0, 0);
        self.reason = (0, 0);
        self.major = 0;
        self.minor = 0;
        self.status = 0;
        self.headers.clear();
        self.has_content_length = false;
        self.content_length = 0;
        self.transfer_encoding = false;
        self.chunked = false;
        self.connection = 0;
        self.upgrade = false;
    }

    /// Prepares for a trailer block: header lines only. The message's framing flags stay,
    /// as in llhttp, so a trailer cannot add a Content-Length or another coding.
    pub fn reset_trailers(&mut self) {
        self.st = St::LineStart;
        self.counted = 0;
        self.headers.clear();
    }

    /// Node checks its header limit when llhttp hands it a piece of the target, reason,
    /// name or value: at the end of each, or at the end of the input mid-piece. `at` is
    /// where llhttp stands at that moment.
    #[inline]
    fn check_size(&self, at: usize, cfg: &Config) -> Result<(), ScanError> {
        if self.counted >= cfg.max_header_size {
            return Err((site::HEADER_OVERFLOW, at));
        }
        Ok(())
    }

    fn finish_header(&mut self) {
        let value = if self.value_end > self.value_start {
            (self.value_start, self.value_end)
        } else {
            (self.value_start, self.value_start)
        };
        self.headers.push(HeaderSpan { name: self.name, value });
        self.st = St::LineStart;
    }

    fn version_ok(&self, cfg: &Config) -> bool {
        cfg.lenient_version || matches!((self.major, self.minor), (0, 9) | (1, 0) | (1, 1) | (2, 0))
    }

    /// Whether the method may go with the protocol named `PROTOCOLS[proto]`.
    fn method_fits(&self, proto: u8) -> Result<(), Site> {
        match proto {
            0 if self.method.is_some() => Ok(()),
            0 => Err(site::METHOD_FOR_HTTP),
            1 if self.rtsp_method
                || matches!(self.method, Some(Method::Options | Method::Get | Method::Post)) =>
            {
                Ok(())
            }
            1 => Err(site::METHOD_FOR_RTSP),
            _ if self.method == Some(Method::Source) => Ok(()),
            _ => Err(site::METHOD_FOR_ICE),
        }
    }

    /// The name ended at a colon (at index `i`): classify it and apply the rules that
    /// need only the name.
    fn name_done(&mut self, i: usize, cfg: &Config) -> Result<(), ScanError> {
        self.check_size(i + 1, cfg)?;
        match self.special {
            Special::TransferEncoding if self.has_content_length && !cfg.lenient_chunked_length => {
                return Err((site::TE_WITH_CL, i + 1));
            }
            Special::ContentLength if self.transfer_encoding && !cfg.lenient_chunked_length => {
                return Err((site::CL_WITH_TE, i + 1));
            }
            _ => {}
        }
        self.st = St::ValueOws;
        Ok(())
    }

    fn classify_name(&mut self) {
        let len = self.name.1 - self.name.0;
        self.special = if len > LONGEST_SPECIAL {
            Special::None
        } else {
            match SPECIAL.iter().position(|s| *s == &self.name_buf[..len]) {
                Some(1) => Special::ContentLength,
                Some(3) => Special::TransferEncoding,
                Some(4) => Special::Upgrade,
                Some(_) => Special::Connection,
                None => Special::None,
            }
        };
    }

    /// The first byte of a value (at index `i`, head offset `at`).
    fn value_begins(&mut self, i: usize, at: usize, cfg: &Config) -> Result<(), ScanError> {
        self.value_start = at;
        self.value_end = at;
        match self.special {
            Special::ContentLength => {
                if self.has_content_length {
                    return Err((site::DUPLICATE_CL, i));
                }
                self.cl = ClSt::Digits;
                self.cl_value = 0;
            }
            Special::TransferEncoding => {
                // Once a request is chunked no coding may follow (RFC 9112 §6.3).
                if self.chunked && self.request && !cfg.lenient_transfer_encoding {
                    self.check_size(i + 1, cfg)?;
                    return Err((site::TE_AFTER_CHUNKED, i + 1));
                }
                self.transfer_encoding = true;
                self.chunked = false;
                self.te = TeSt::Match(0);
            }
            Special::Connection => self.conn = ConnSt::Lead,
            Special::Upgrade => self.upgrade = true,
            Special::None => {}
        }
        self.st = St::Value;
        Ok(())
    }

    /// One byte of a Content-Length value (index `i`, not counted yet).
    fn cl_byte(&mut self, b: u8, i: usize, cfg: &Config) -> Result<(), ScanError> {
        match (self.cl, b) {
            (ClSt::Digits, b'0'..=b'9') => {
                let n =
                    self.cl_value.checked_mul(10).and_then(|n| n.checked_add(u64::from(b - b'0')));
                match n {
                    Some(n) => self.cl_value = n,
                    None => {
                        // llhttp hands the value over (digit included) before it rejects.
                        if self.counted + 1 >= cfg.max_header_size {
                            return Err((site::HEADER_OVERFLOW, i + 1));
                        }
                        return Err((site::CL_OVERFLOW, i + 1));
                    }
                }
            }
            (_, b' ') => self.cl = ClSt::Spaces,
            (_, b'\r' | b'\n') => {
                self.has_content_length = true;
                self.content_length = self.cl_value;
            }
            _ => {
                self.check_size(i, cfg)?;
                return Err((site::CL_CHAR, i));
            }
        }
        Ok(())
    }

    /// One byte of a Transfer-Encoding value.
    fn te_byte(&mut self, b: u8, i: usize, cfg: &Config) -> Result<(), ScanError> {
        let mut st = self.te;
        // A byte that ends one of llhttp's nodes is looked at again by the next one.
        loop {
            st = match st {
                TeSt::Match(n) if b.to_ascii_lowercase() == b"chunked"[n as usize] => {
                    if n == 6 {
                        TeSt::Last
                    } else {
                        TeSt::Match(n + 1)
                    }
                }
                TeSt::Match(_) => {
                    st = TeSt::Token;
                    continue;
                }
                TeSt::Last => match b {
                    b' ' => TeSt::Last,
                    b'\r' | b'\n' => {
                        self.chunked = true;
                        TeSt::Plain
                    }
                    b',' if self.request && !cfg.lenient_transfer_encoding => {
                        self.check_size(i + 1, cfg)?;
                        return Err((site::TE_AFTER_CHUNKED, i + 1));
                    }
                    b',' => {
                        st = TeSt::Match(0);
                        continue;
                    }
                    _ => {
                        st = TeSt::Token;
                        continue;
                    }
                },
                TeSt::Token => match b {
                    b',' => TeSt::Ows,
                    _ if b != b'\r' && b != b'\n' && VALUE[b as usize] => TeSt::Token,
                    _ => TeSt::Plain,
                },
                TeSt::Ows => match b {
                    b' ' | b'\t' => TeSt::Ows,
                    _ => {
                        st = TeSt::Match(0);
                        continue;
                    }
                },
                TeSt::Plain => TeSt::Plain,
            };
            break;
        }
        self.te = st;
        Ok(())
    }

    /// One byte of a Connection value.
    fn conn_byte(&mut self, b: u8) {
        let lower = b.to_ascii_lowercase();
        let mut st = self.conn;
        // A byte that ends one of llhttp's nodes is looked at again by the next one.
        loop {
            st = match st {
                ConnSt::Lead => match b {
                    b' ' | b'\t' => ConnSt::Lead,
                    _ => match CONNECTION_WORDS.iter().position(|w| w[0] == lower) {
                        Some(w) => ConnSt::Word(w as u8, 1),
                        None => {
                            st = ConnSt::Token;
                            continue;
                        }
                    },
                },
                ConnSt::Word(w, n) if CONNECTION_WORDS[w as usize][n as usize] == lower => {
                    if n as usize + 1 == CONNECTION_WORDS[w as usize].len() {
                        ConnSt::WordSpaces(w)
                    } else {
                        ConnSt::Word(w, n + 1)
                    }
                }
                ConnSt::Word(..) => {
                    st = ConnSt::Token;
                    continue;
                }
                ConnSt::WordSpaces(w) => match b {
                    b' ' => ConnSt::WordSpaces(w),
                    b',' | b'\r' | b'\n' => {
                        self.connection |= 1 << w;
                        if b == b',' {
                            ConnSt::Lead
                        } else {
                            ConnSt::Token
                        }
                    }
                    _ => {
                        st = ConnSt::Token;
                        continue;
                    }
                },
                ConnSt::Token => match b {
                    b',' => ConnSt::Lead,
                    _ => ConnSt::Token,
                },
            };
            break;
        }
        self.conn = st;
    }

    /// A value byte that is not a plain value byte (index `i`): the end of the line or an
    /// error.
    fn value_end_byte(&mut self, b: u8, i: usize, cfg: &Config) -> Result<(), ScanError> {
        match b {
            b'\r' => {
                self.check_size(i + 1, cfg)?;
                self.st = St::LineLf;
            }
            b'\n' => {
                self.check_size(i, cfg)?;
                if !cfg.lenient_optional_cr_before_lf {
                    return Err((site::CR_AFTER_VALUE, i));
                }
                self.st = St::LineLws;
            }
            _ => {
                self.check_size(i, cfg)?;
                return Err((site::HEADER_VALUE_CHAR, i));
            }
        }
        Ok(())
    }

    /// Scans `bytes`, which sit at offset `base` from the start of the head. Returns how many
    /// bytes of `bytes` the head used once its final empty line is seen, `None` if it needs
    /// more, or the failure site and llhttp's position for it (see [`ScanError`]).
    pub fn scan(
        &mut self,
        bytes: &[u8],
        base: usize,
        cfg: &Config,
    ) -> Result<Option<usize>, ScanError> {
        let mut i = 0;
        while i < bytes.len() {
            let b = bytes[i];
            let at = base + i;
            match self.st {
                St::Method => {
                    let known = |name: &[u8]| {
                        Method::from_bytes(name).is_some() || Method::is_rtsp_name(name)
                    };
                    if b == b' ' {
                        if !known(&self.method_buf[..self.method_len]) {
                            return Err((site::INVALID_METHOD, i));
                        }
                        self.st = St::SpacesBeforeUrl;
                    } else {
                        let fits = self.method_len < MAX_METHOD_LEN && {
                            self.method_buf[self.method_len] = b;
                            Method::is_prefix(&self.method_buf[..=self.method_len])
                        };
                        if !fits {
                            // llhttp's matcher stops at the longest name it matched.
                            return Err(if known(&self.method_buf[..self.method_len]) {
                                (site::SPACE_AFTER_METHOD, i)
                            } else {
                                (site::INVALID_METHOD, i)
                            });
                        }
                        self.method_len += 1;
                        let name = &self.method_buf[..self.method_len];
                        self.method = Method::from_bytes(name);
                        self.rtsp_method = Method::is_rtsp_name(name);
                    }
                }
                St::SpacesBeforeUrl => {
                    if b != b' ' {
                        self.url = (at, at);
                        self.st = St::Url(if self.method == Some(Method::Connect) {
                            UrlSt::Server
                        } else {
                            UrlSt::Start
                        });
                        continue;
                    }
                }
                St::Url(u) => {
                    let start = i;
                    if matches!(u, UrlSt::Path | UrlSt::Query | UrlSt::Fragment) {
                        while i < bytes.len() && URL_CHAR[bytes[i] as usize] {
                            i += 1;
                        }
                    }
                    if i == bytes.len() {
                        self.counted += i - start;
                        self.url.1 = base + i;
                        break;
                    }
                    let b = bytes[i];
                    let next = self.url_byte(u, b, i)?;
                    // The terminator is not part of the target.
                    if let Some(next) = next {
                        self.counted += i + 1 - start;
                        self.st = St::Url(next);
                    } else {
                        self.counted += i - start;
                        self.url.1 = base + i;
                        self.check_size(i, cfg)?;
                        self.st = match b {
                            b' ' => St::AfterUrl(false),
                            b'\r' => St::Url09Lf,
                            _ => {
                                self.major = 0;
                                self.minor = 9;
                                St::AfterUrl(true)
                            }
                        };
                    }
                }
                St::Url09Lf => {
                    if b != b'\n' {
                        return Err((site::URL_CRLF, i));
                    }
                    self.major = 0;
                    self.minor = 9;
                    self.st = St::AfterUrl(true);
                }
                St::AfterUrl(http09) => {
                    if b == b'\t' || b == 0x0c {
                        return Err((site::URL_INVALID, i + 1));
                    }
                    self.st = if http09 { St::HeadersStart } else { St::SpacesBeforeProto };
                    continue;
                }
                St::SpacesBeforeProto => {
                    if b != b' ' {
                        self.st = St::Proto(0, 0);
                        continue;
                    }
                }
                St::Proto(p, n) => {
                    let p = if n == 0 {
                        match PROTOCOLS.iter().position(|name| name[0] == b) {
                            Some(p) => p as u8,
                            None => return Err((site::PROTOCOL, i)),
                        }
                    } else if PROTOCOLS[p as usize][n as usize] == b {
                        p
                    } else {
                        return Err((site::PROTOCOL, i));
                    };
                    if n as usize + 1 == PROTOCOLS[p as usize].len() {
                        if self.request {
                            self.method_fits(p).map_err(|s| (s, i + 1))?;
                        }
                        self.st = St::ProtoSlash;
                    } else {
                        self.st = St::Proto(p, n + 1);
                    }
                }
                St::ProtoSlash => {
                    if b != b'/' {
                        return Err((site::PROTOCOL, i));
                    }
                    self.st = St::Major;
                }
                St::Major => {
                    if !b.is_ascii_digit() {
                        return Err((site::MAJOR, i));
                    }
                    self.major = b - b'0';
                    self.st = St::Dot;
                }
                St::Dot => {
                    if b != b'.' {
                        return Err((site::DOT, i));
                    }
                    self.st = St::Minor;
                }
                St::Minor => {
                    if !b.is_ascii_digit() {
                        return Err((site::MINOR, i));
                    }
                    self.minor = b - b'0';
                    if !self.version_ok(cfg) {
                        return Err((site::VERSION, i + 1));
                    }
                    self.st = if !self.request {
                        St::StatusSpace
                    } else if self.method == Some(Method::Pri) {
                        St::Preface(0)
                    } else {
                        St::RequestLineCr
                    };
                }
                St::Preface(n) => {
                    if b != PREFACE_REST[n as usize] {
                        return Err((site::H2_PREFACE, i));
                    }
                    if n as usize + 1 == PREFACE_REST.len() {
                        return Err((site::H2_UPGRADE, i + 1));
                    }
                    self.st = St::Preface(n + 1);
                }
                St::RequestLineCr => match b {
                    b'\r' => self.st = St::RequestLineLf,
                    b'\n' if cfg.lenient_optional_cr_before_lf => self.st = St::HeadersStart,
                    b'\n' => return Err((site::CRLF_AFTER_VERSION, i + 1)),
                    _ => return Err((site::CRLF_AFTER_VERSION, i)),
                },
                St::RequestLineLf => {
                    self.st = St::HeadersStart;
                    if b != b'\n' {
                        if cfg.lenient_optional_lf_after_cr {
                            continue;
                        }
                        return Err((site::LF_AFTER_VERSION, i));
                    }
                }
                St::StatusSpace => {
                    if b != b' ' {
                        return Err((site::SPACE_AFTER_VERSION, i));
                    }
                    self.st = St::Status(0);
                }
                St::Status(n) => {
                    if !b.is_ascii_digit() {
                        return Err((site::STATUS_CODE, i));
                    }
                    self.status = self.status * 10 + u16::from(b - b'0');
                    self.st = if n == 2 { St::AfterStatus } else { St::Status(n + 1) };
                }
                St::AfterStatus => match b {
                    b' ' => {
                        self.reason = (at + 1, at + 1);
                        self.st = St::Reason;
                    }
                    b'\r' => {
                        self.reason = (at, at);
                        self.st = St::StatusLf;
                    }
                    b'\n' if cfg.lenient_optional_cr_before_lf => {
                        self.reason = (at, at);
                        self.st = St::HeadersStart;
                    }
                    b'\n' => return Err((site::RESPONSE_STATUS, i + 1)),
                    _ => return Err((site::RESPONSE_STATUS, i)),
                },
                St::Reason => {
                    let start = i;
                    while i < bytes.len() && bytes[i] != b'\r' && bytes[i] != b'\n' {
                        i += 1;
                    }
                    self.counted += i - start;
                    self.reason.1 = base + i;
                    if i == bytes.len() {
                        break;
                    }
                    self.check_size(i + 1, cfg)?;
                    if bytes[i] == b'\r' {
                        self.st = St::StatusLf;
                    } else if cfg.lenient_optional_cr_before_lf {
                        self.st = St::HeadersStart;
                    } else {
                        return Err((site::CR_AFTER_STATUS, i + 1));
                    }
                }
                St::StatusLf => {
                    self.st = St::HeadersStart;
                    // llhttp 9.3 takes a second CR for the LF here.
                    if b != b'\n' && b != b'\r' {
                        if cfg.lenient_optional_lf_after_cr {
                            continue;
                        }
                        return Err((site::LF_AFTER_CR, i));
                    }
                }
                St::HeadersStart => {
                    self.st = St::LineStart;
                    if b == b' ' {
                        if !cfg.lenient_headers {
                            return Err((site::UNEXPECTED_SPACE, i + 1));
                        }
                    } else {
                        continue;
                    }
                }
                St::LineStart => match b {
                    b'\r' => self.st = St::EndLf,
                    b'\n' if cfg.lenient_optional_cr_before_lf => return Ok(Some(i + 1)),
                    b'\n' => return Err((site::HEADER_FIELD_CHAR, i + 1)),
                    _ if TOKEN[b as usize] => {
                        self.name = (at, at);
                        self.st = St::Name;
                        continue;
                    }
                    _ => return Err((site::HEADER_TOKEN, i)),
                },
                St::Name => {
                    let start = i;
                    while i < bytes.len() && TOKEN[bytes[i] as usize] {
                        let k = base + i - self.name.0;
                        if k < LONGEST_SPECIAL {
                            self.name_buf[k] = bytes[i].to_ascii_lowercase();
                        }
                        i += 1;
                    }
                    self.counted += i - start;
                    self.name.1 = base + i;
                    if i == bytes.len() {
                        break;
                    }
                    self.classify_name();
                    match bytes[i] {
                        b':' => self.name_done(i, cfg)?,
                        b' ' if self.special != Special::None => {
                            if !cfg.lenient_headers {
                                self.check_size(i + 1, cfg)?;
                                return Err((site::HEADER_FIELD_CHAR, i + 1));
                            }
                            self.st = St::NameSpaces;
                        }
                        _ => return Err((site::HEADER_TOKEN, i)),
                    }
                }
                St::NameSpaces => match b {
                    b' ' => {
                        // Part of the name for llhttp if a name byte follows, and counted.
                        let k = at - self.name.0;
                        if k < LONGEST_SPECIAL {
                            self.name_buf[k] = b;
                        }
                        self.counted += 1;
                    }
                    b':' => self.name_done(i, cfg)?,
                    _ => {
                        // llhttp reads on as an ordinary name, spaces included.
                        self.special = Special::None;
                        self.st = St::Name;
                        continue;
                    }
                },
                St::ValueOws => match b {
                    b' ' | b'\t' => {}
                    b'\r' => self.st = St::EmptyLf,
                    b'\n' if cfg.lenient_optional_cr_before_lf => self.st = St::EmptyLws,
                    b'\n' => return Err((site::HEADER_VALUE_CHAR, i + 1)),
                    _ => {
                        self.value_begins(i, at, cfg)?;
                        continue;
                    }
                },
                St::EmptyLf => {
                    self.st = St::EmptyLws;
                    if b != b'\n' {
                        if cfg.lenient_headers {
                            continue;
                        }
                        return Err((site::LF_AFTER_CR, i));
                    }
                }
                St::EmptyLws => match b {
                    b' ' | b'\t' if cfg.lenient_headers => self.st = St::ValueOws,
                    b' ' | b'\t' => return Err((site::HEADER_VALUE_CHAR, i + 1)),
                    _ if self.special == Special::ContentLength => {
                        return Err((site::EMPTY_CL, i));
                    }
                    _ => {
                        self.value_start = at;
                        self.value_end = at;
                        self.finish_header();
                        continue;
                    }
                },
                St::Value => {
                    if matches!(
                        self.special,
                        Special::ContentLength | Special::TransferEncoding | Special::Connection
                    ) {
                        // The headers that decide framing go byte by byte through their own
                        // rules first; they are short.
                        match self.special {
                            Special::ContentLength => self.cl_byte(b, i, cfg)?,
                            Special::TransferEncoding => self.te_byte(b, i, cfg)?,
                            _ => self.conn_byte(b),
                        }
                        self.counted += 1;
                        if VALUE[b as usize] || (cfg.lenient_headers && b != b'\r' && b != b'\n') {
                            if b != b' ' && b != b'\t' {
                                self.value_end = at + 1;
                            }
                        } else {
                            self.counted -= 1;
                            self.value_end_byte(b, i, cfg)?;
                        }
                        i += 1;
                        continue;
                    }
                    let start = i;
                    let mut last = None;
                    if cfg.lenient_headers {
                        while i < bytes.len() && bytes[i] != b'\r' && bytes[i] != b'\n' {
                            if bytes[i] != b' ' && bytes[i] != b'\t' {
                                last = Some(i);
                            }
                            i += 1;
                        }
                    } else {
                        while i < bytes.len() && VALUE[bytes[i] as usize] {
                            if bytes[i] != b' ' && bytes[i] != b'\t' {
                                last = Some(i);
                            }
                            i += 1;
                        }
                    }
                    if let Some(l) = last {
                        self.value_end = base + l + 1;
                    }
                    self.counted += i - start;
                    if i == bytes.len() {
                        break;
                    }
                    self.value_end_byte(bytes[i], i, cfg)?;
                }
                St::LineLf => {
                    // No leniency here: llhttp wants this LF whatever its flags.
                    if b != b'\n' {
                        return Err((site::LF_AFTER_VALUE, i));
                    }
                    self.st = St::LineLws;
                }
                St::LineLws => match b {
                    b' ' | b'\t' => return Err((site::WHITESPACE_AFTER_VALUE, i)),
                    _ => {
                        self.finish_header();
                        continue;
                    }
                },
                St::EndLf => {
                    if b == b'\n' {
                        return Ok(Some(i + 1));
                    }
                    if cfg.lenient_optional_lf_after_cr {
                        return Ok(Some(i));
                    }
                    return Err((site::LF_AFTER_HEADERS, i));
                }
            }
            i += 1;
        }
        // Node is handed the open piece at the end of every input, and checks its limit then.
        if matches!(self.st, St::Url(_) | St::Reason | St::Name | St::Value) {
            self.check_size(bytes.len(), cfg)?;
        }
        Ok(None)
    }

    /// One byte of the request target that the fast loop did not take, at index `i`.
    /// Returns the next state, or `None` when the byte ends the target.
    fn url_byte(&self, u: UrlSt, b: u8, i: usize) -> Result<Option<UrlSt>, ScanError> {
        use UrlSt::*;
        // Past the first `/` of `//`, anything else breaks the sequence match.
        if u == SchemaDelim(1) {
            return if b == b'/' { Ok(Some(Server)) } else { Err((site::URL_SCHEMA, i)) };
        }
        // Whitespace inside the target is "Invalid characters" wherever it is.
        if b == b'\t' || b == 0x0c {
            return Err((site::URL_INVALID, i + 1));
        }
        let ends = matches!(b, b' ' | b'\r' | b'\n');
        Ok(Some(match u {
            Start | Schema | SchemaDelim(_) if ends => return Err((site::URL_INVALID, i + 1)),
            _ if ends => return Ok(None),
            Start => match b {
                b'/' | b'*' => Path,
                _ if b.is_ascii_alphabetic() => Schema,
                _ => return Err((site::URL_START, i)),
            },
            Schema => match b {
                _ if b.is_ascii_alphabetic() => Schema,
                b':' => SchemaDelim(0),
                _ => return Err((site::URL_SCHEMA, i)),
            },
            SchemaDelim(_) => match b {
                b'/' => SchemaDelim(1),
                _ => return Err((site::URL_SCHEMA, i)),
            },
            Server | ServerWithAt => match b {
                b'/' => Path,
                b'?' => Query,
                b'@' if u == ServerWithAt => return Err((site::URL_DOUBLE_AT, i + 1)),
                b'@' => ServerWithAt,
                _ if is_server_byte(b) => Server,
                _ => return Err((site::URL_SERVER, i)),
            },
            Path => match b {
                b'?' => Query,
                b'#' => Fragment,
                _ => return Err((site::URL_PATH, i)),
            },
            Query => match b {
                b'?' => Query,
                b'#' => Fragment,
                _ => return Err((site::URL_QUERY, i)),
            },
            Fragment => match b {
                b'?' | b'#' => Fragment,
                _ => return Err((site::URL_FRAGMENT, i)),
            },
        }))
    }
}
