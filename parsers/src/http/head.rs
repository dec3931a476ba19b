//! Incremental scanner for a message head (start line + header lines) or a trailer block.
//!
//! The scanner sees every byte exactly once, whatever the split of the input, so a head fed
//! one byte at a time costs the same as a head fed whole. It validates as it goes — that is
//! how a rejection gets the exact offset of the offending byte and llhttp's error kind — and
//! records where the pieces are as offsets from the start of the head, so the caller can
//! hand out slices of either the input buffer (the common case, no copy) or, when the head
//! was split across `execute` calls, its own head buffer.
//!
//! httparse was the first candidate for this job, but it cannot resume mid-head (re-parsing
//! on every piece is quadratic), cannot say where it failed, accepts bare LF, and rejects
//! bytes llhttp accepts when leniencies are on; so the tokenizing lives here.

use super::config::Config;
use super::error::ErrorKind;
use super::method::{Method, MAX_METHOD_LEN};

/// A byte range relative to the start of the head.
pub(crate) type Span = (usize, usize);

/// One header line, as name and value ranges (value without surrounding whitespace).
#[derive(Clone, Copy, Debug)]
pub(crate) struct HeaderSpan {
    pub name: Span,
    pub value: Span,
}

/// Where the scanner is in the grammar.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum St {
    Method,
    SpacesBeforeUrl,
    Url,
    SpacesBeforeVersion,
    /// Matched this many bytes of `HTTP/`.
    Proto(u8),
    Major,
    Dot,
    Minor,
    RequestLineCr,
    StatusSpace,
    /// Read this many status digits.
    Status(u8),
    AfterStatus,
    Reason,
    StartLineLf,
    LineStart,
    Name,
    ValueOws,
    Value,
    LineLf,
    EndLf,
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
static VALUE: [bool; 256] = {
    let mut t = [false; 256];
    let mut i = 0;
    while i < 256 {
        t[i] = i == 9 || (i >= 0x20 && i != 0x7f);
        i += 1;
    }
    t
};

/// What the scanner reports when a byte is rejected: the kind and its index in the slice.
pub(crate) type ScanError = (ErrorKind, usize);

/// The state of one head (or trailer block) being scanned, plus what it found so far.
#[derive(Debug)]
pub(crate) struct HeadScanner {
    st: St,
    request: bool,
    /// No header line seen yet: leading whitespace is then `HPE_UNEXPECTED_SPACE`, not a fold.
    first_line: bool,
    /// Bytes counted against `max_header_size`, the way Node counts them.
    counted: usize,
    method_buf: [u8; MAX_METHOD_LEN],
    method_len: usize,
    /// The request method, once the request line is read.
    pub method: Option<Method>,
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
    value_start: usize,
    value_end: usize,
}

impl HeadScanner {
    /// A scanner ready for a request or response head.
    pub fn new(request: bool) -> Self {
        let mut s = HeadScanner {
            st: St::Method,
            request,
            first_line: true,
            counted: 0,
            method_buf: [0; MAX_METHOD_LEN],
            method_len: 0,
            method: None,
            url: (0, 0),
            reason: (0, 0),
            major: 0,
            minor: 0,
            status: 0,
            headers: Vec::new(),
            name: (0, 0),
            value_start: 0,
            value_end: 0,
        };
        s.reset_head(request);
        s
    }

    /// Prepares for a new head, keeping the header vector's allocation.
    pub fn reset_head(&mut self, request: bool) {
        self.request = request;
        self.st = if request { St::Method } else { St::Proto(0) };
        self.first_line = true;
        self.counted = 0;
        self.method_len = 0;
        self.method = None;
        self.url = (0, 0);
        self.reason = (0, 0);
        self.major = 0;
        self.minor = 0;
        self.status = 0;
        self.headers.clear();
    }

    /// Prepares for a trailer block: header lines only.
    pub fn reset_trailers(&mut self) {
        self.st = St::LineStart;
        self.first_line = false;
        self.counted = 0;
        self.headers.clear();
    }

    /// Adds `n` counted bytes; `at` is the index of the first of them in the slice.
    #[inline]
    fn count(&mut self, n: usize, at: usize, cfg: &Config) -> Result<(), ScanError> {
        let before = self.counted;
        self.counted += n;
        if self.counted >= cfg.max_header_size {
            // The byte that made the count reach the limit is the one reported.
            let off = cfg.max_header_size.saturating_sub(before + 1);
            return Err((ErrorKind::HeaderOverflow, at + off.min(n.saturating_sub(1))));
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
        self.first_line = false;
        self.st = St::LineStart;
    }

    fn version_ok(&self, cfg: &Config) -> bool {
        cfg.lenient_version || matches!((self.major, self.minor), (0, 9) | (1, 0) | (1, 1) | (2, 0))
    }

    /// Scans `bytes`, which sit at offset `base` from the start of the head. Returns how many
    /// bytes of `bytes` the head used once its final empty line is seen, `None` if it needs
    /// more, or the kind and index (in `bytes`) of a rejected byte.
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
                    if b == b' ' {
                        let name = &self.method_buf[..self.method_len];
                        self.method = Method::from_bytes(name);
                        if self.method.is_none() {
                            return Err((ErrorKind::InvalidMethod, i));
                        }
                        self.st = St::SpacesBeforeUrl;
                    } else {
                        if self.method_len == MAX_METHOD_LEN {
                            return Err((ErrorKind::InvalidMethod, i));
                        }
                        self.method_buf[self.method_len] = b;
                        self.method_len += 1;
                        if !Method::is_prefix(&self.method_buf[..self.method_len]) {
                            return Err((ErrorKind::InvalidMethod, i));
                        }
                    }
                }
                St::SpacesBeforeUrl => {
                    if b != b' ' {
                        if !is_url_byte(b) {
                            return Err((ErrorKind::InvalidUrl, i));
                        }
                        self.url = (at, at);
                        self.st = St::Url;
                        continue;
                    }
                }
                St::Url => {
                    let start = i;
                    while i < bytes.len() && is_url_byte(bytes[i]) {
                        i += 1;
                    }
                    self.count(i - start, start, cfg)?;
                    self.url.1 = base + i;
                    if i == bytes.len() {
                        break;
                    }
                    if bytes[i] != b' ' {
                        return Err((ErrorKind::InvalidUrl, i));
                    }
                    self.st = St::SpacesBeforeVersion;
                }
                St::SpacesBeforeVersion => {
                    if b != b' ' {
                        self.st = St::Proto(0);
                        continue;
                    }
                }
                St::Proto(n) => {
                    if b != b"HTTP/"[n as usize] {
                        return Err((ErrorKind::InvalidConstant, i));
                    }
                    self.st = if n == 4 { St::Major } else { St::Proto(n + 1) };
                }
                St::Major => {
                    if !b.is_ascii_digit() {
                        return Err((ErrorKind::InvalidVersion, i));
                    }
                    self.major = b - b'0';
                    self.st = St::Dot;
                }
                St::Dot => {
                    if b != b'.' {
                        return Err((ErrorKind::InvalidVersion, i));
                    }
                    self.st = St::Minor;
                }
                St::Minor => {
                    if !b.is_ascii_digit() {
                        return Err((ErrorKind::InvalidVersion, i));
                    }
                    self.minor = b - b'0';
                    if !self.version_ok(cfg) {
                        return Err((ErrorKind::InvalidVersion, i));
                    }
                    self.st = if self.request { St::RequestLineCr } else { St::StatusSpace };
                }
                St::RequestLineCr => match b {
                    b'\r' => self.st = St::StartLineLf,
                    b'\n' if cfg.lenient_optional_cr_before_lf => self.st = St::LineStart,
                    _ => return Err((ErrorKind::InvalidVersion, i)),
                },
                St::StatusSpace => {
                    if b != b' ' {
                        return Err((ErrorKind::InvalidVersion, i));
                    }
                    self.st = St::Status(0);
                }
                St::Status(n) => {
                    if !b.is_ascii_digit() {
                        return Err((ErrorKind::InvalidStatus, i));
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
                        self.st = St::StartLineLf;
                    }
                    b'\n' if cfg.lenient_optional_cr_before_lf => {
                        self.reason = (at, at);
                        self.st = St::LineStart;
                    }
                    b'\n' => return Err((ErrorKind::CrExpected, i)),
                    _ => return Err((ErrorKind::InvalidStatus, i)),
                },
                St::Reason => {
                    let start = i;
                    while i < bytes.len() && bytes[i] != b'\r' && bytes[i] != b'\n' {
                        i += 1;
                    }
                    self.count(i - start, start, cfg)?;
                    self.reason.1 = base + i;
                    if i == bytes.len() {
                        break;
                    }
                    if bytes[i] == b'\r' {
                        self.st = St::StartLineLf;
                    } else if cfg.lenient_optional_cr_before_lf {
                        self.st = St::LineStart;
                    } else {
                        return Err((ErrorKind::CrExpected, i));
                    }
                }
                St::StartLineLf => {
                    self.st = St::LineStart;
                    if b != b'\n' {
                        if cfg.lenient_optional_lf_after_cr {
                            continue;
                        }
                        return Err((ErrorKind::LfExpected, i));
                    }
                }
                St::LineStart => match b {
                    b'\r' => self.st = St::EndLf,
                    b'\n' if cfg.lenient_optional_cr_before_lf => return Ok(Some(i + 1)),
                    b'\n' => return Err((ErrorKind::CrExpected, i)),
                    b' ' | b'\t' if self.first_line => return Err((ErrorKind::UnexpectedSpace, i)),
                    _ if TOKEN[b as usize] => {
                        self.name = (at, at);
                        self.st = St::Name;
                        continue;
                    }
                    _ => return Err((ErrorKind::InvalidHeaderToken, i)),
                },
                St::Name => {
                    let start = i;
                    while i < bytes.len() && TOKEN[bytes[i] as usize] {
                        i += 1;
                    }
                    self.count(i - start, start, cfg)?;
                    self.name.1 = base + i;
                    if i == bytes.len() {
                        break;
                    }
                    if bytes[i] != b':' || self.name.0 == self.name.1 {
                        return Err((ErrorKind::InvalidHeaderToken, i));
                    }
                    self.st = St::ValueOws;
                }
                St::ValueOws => match b {
                    b' ' | b'\t' => {}
                    _ => {
                        self.value_start = at;
                        self.value_end = at;
                        self.st = St::Value;
                        continue;
                    }
                },
                St::Value => {
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
                    self.count(i - start, start, cfg)?;
                    if i == bytes.len() {
                        break;
                    }
                    match bytes[i] {
                        b'\r' => self.st = St::LineLf,
                        b'\n' if cfg.lenient_optional_cr_before_lf => self.finish_header(),
                        b'\n' => return Err((ErrorKind::CrExpected, i)),
                        _ => return Err((ErrorKind::InvalidHeaderToken, i)),
                    }
                }
                St::LineLf => {
                    self.finish_header();
                    if b != b'\n' {
                        if cfg.lenient_optional_lf_after_cr {
                            continue;
                        }
                        return Err((ErrorKind::LfExpected, i));
                    }
                }
                St::EndLf => {
                    if b == b'\n' {
                        return Ok(Some(i + 1));
                    }
                    if cfg.lenient_optional_lf_after_cr {
                        return Ok(Some(i));
                    }
                    return Err((ErrorKind::Strict, i));
                }
            }
            i += 1;
        }
        Ok(None)
    }
}

/// Request-target bytes llhttp accepts: visible ASCII only.
#[inline]
fn is_url_byte(b: u8) -> bool {
    (0x21..=0x7e).contains(&b)
}
