//! Parse errors, named after llhttp's `HPE_*` codes.
//!
//! Node exposes `err.code = 'HPE_…'` on `clientError`s, so every rejection carries one of
//! these kinds; the code strings are the JS-visible contract, the Rust names are for us.

use std::fmt;

/// Why the parser rejected its input; each maps to one llhttp `HPE_*` code.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ErrorKind {
    /// A framing rule with no more specific code (`HPE_STRICT`), e.g. bad chunk extensions.
    Strict,
    /// A LF arrived where a CR had to come first (`HPE_CR_EXPECTED`).
    CrExpected,
    /// A CR was not followed by LF (`HPE_LF_EXPECTED`).
    LfExpected,
    /// A second Content-Length header (`HPE_UNEXPECTED_CONTENT_LENGTH`).
    UnexpectedContentLength,
    /// Whitespace where a header line must start with a name (`HPE_UNEXPECTED_SPACE`).
    UnexpectedSpace,
    /// Bytes after a message that closes the connection (`HPE_CLOSED_CONNECTION`).
    ClosedConnection,
    /// The request method is not one llhttp knows (`HPE_INVALID_METHOD`).
    InvalidMethod,
    /// A byte that may not appear in a request target (`HPE_INVALID_URL`).
    InvalidUrl,
    /// The start line does not carry the `HTTP/` literal (`HPE_INVALID_CONSTANT`).
    InvalidConstant,
    /// A malformed or unsupported HTTP version (`HPE_INVALID_VERSION`).
    InvalidVersion,
    /// A bad header name byte, bad header value byte or obs-fold (`HPE_INVALID_HEADER_TOKEN`).
    InvalidHeaderToken,
    /// A Content-Length that is empty, non-numeric, overflowing or next to
    /// Transfer-Encoding (`HPE_INVALID_CONTENT_LENGTH`).
    InvalidContentLength,
    /// A chunk size that is empty, non-hex or overflows 64 bits (`HPE_INVALID_CHUNK_SIZE`).
    InvalidChunkSize,
    /// A status code that is not three digits (`HPE_INVALID_STATUS`).
    InvalidStatus,
    /// `finish()` was called in the middle of a message (`HPE_INVALID_EOF_STATE`).
    InvalidEofState,
    /// A Transfer-Encoding that is not allowed here (`HPE_INVALID_TRANSFER_ENCODING`).
    InvalidTransferEncoding,
    /// The start line and headers exceed `Config::max_header_size` (`HPE_HEADER_OVERFLOW`).
    HeaderOverflow,
    /// An HTTP/2 connection preface `PRI * HTTP/2.0` (`HPE_PAUSED_H2_UPGRADE`).
    PausedH2Upgrade,
}

impl ErrorKind {
    /// The llhttp code string Node puts in `err.code`, e.g. `"HPE_INVALID_METHOD"`.
    pub fn code(self) -> &'static str {
        match self {
            ErrorKind::Strict => "HPE_STRICT",
            ErrorKind::CrExpected => "HPE_CR_EXPECTED",
            ErrorKind::LfExpected => "HPE_LF_EXPECTED",
            ErrorKind::UnexpectedContentLength => "HPE_UNEXPECTED_CONTENT_LENGTH",
            ErrorKind::UnexpectedSpace => "HPE_UNEXPECTED_SPACE",
            ErrorKind::ClosedConnection => "HPE_CLOSED_CONNECTION",
            ErrorKind::InvalidMethod => "HPE_INVALID_METHOD",
            ErrorKind::InvalidUrl => "HPE_INVALID_URL",
            ErrorKind::InvalidConstant => "HPE_INVALID_CONSTANT",
            ErrorKind::InvalidVersion => "HPE_INVALID_VERSION",
            ErrorKind::InvalidHeaderToken => "HPE_INVALID_HEADER_TOKEN",
            ErrorKind::InvalidContentLength => "HPE_INVALID_CONTENT_LENGTH",
            ErrorKind::InvalidChunkSize => "HPE_INVALID_CHUNK_SIZE",
            ErrorKind::InvalidStatus => "HPE_INVALID_STATUS",
            ErrorKind::InvalidEofState => "HPE_INVALID_EOF_STATE",
            ErrorKind::InvalidTransferEncoding => "HPE_INVALID_TRANSFER_ENCODING",
            ErrorKind::HeaderOverflow => "HPE_HEADER_OVERFLOW",
            ErrorKind::PausedH2Upgrade => "HPE_PAUSED_H2_UPGRADE",
        }
    }

    /// A short human-readable reason, in the spirit of llhttp's `reason` strings.
    pub fn reason(self) -> &'static str {
        match self {
            ErrorKind::Strict => "Invalid framing",
            ErrorKind::CrExpected => "Missing expected CR",
            ErrorKind::LfExpected => "Missing expected LF",
            ErrorKind::UnexpectedContentLength => "Duplicate Content-Length",
            ErrorKind::UnexpectedSpace => "Unexpected space after start line",
            ErrorKind::ClosedConnection => "Data after `Connection: close`",
            ErrorKind::InvalidMethod => "Invalid method encountered",
            ErrorKind::InvalidUrl => "Invalid char in url",
            ErrorKind::InvalidConstant => "Expected HTTP/",
            ErrorKind::InvalidVersion => "Invalid HTTP version",
            ErrorKind::InvalidHeaderToken => "Invalid header token",
            ErrorKind::InvalidContentLength => "Invalid Content-Length",
            ErrorKind::InvalidChunkSize => "Invalid chunk size",
            ErrorKind::InvalidStatus => "Invalid status code",
            ErrorKind::InvalidEofState => "Invalid EOF state",
            ErrorKind::InvalidTransferEncoding => "Invalid `Transfer-Encoding`",
            ErrorKind::HeaderOverflow => "Header overflow",
            ErrorKind::PausedH2Upgrade => "Pause on PRI/Upgrade",
        }
    }
}

/// A rejection: what went wrong and where.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ParseError {
    /// What went wrong.
    pub kind: ErrorKind,
    /// Index into the buffer given to the failing `execute` call of the byte that was
    /// rejected; for rules that need the whole header block (Content-Length, Transfer-Encoding,
    /// Connection), the index of the LF that ends the block. Node's `err.bytesParsed`.
    pub offset: usize,
}

impl ParseError {
    /// The llhttp code string, e.g. `"HPE_INVALID_CHUNK_SIZE"`.
    pub fn code(&self) -> &'static str {
        self.kind.code()
    }
}

impl fmt::Display for ParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {} at byte {}", self.kind.code(), self.kind.reason(), self.offset)
    }
}

impl std::error::Error for ParseError {}
