//! Parse errors, named after llhttp's `HPE_*` codes, with llhttp's reason strings.
//!
//! Node exposes `err.code = 'HPE_…'` and `err.reason` on `clientError`s and puts the reason
//! in the message (`Parse Error: <reason>`). llhttp picks the reason by the grammar rule that
//! failed, not by the code (HPE_STRICT alone has a dozen), so every failure site here names
//! its own reason; the strings are copied from llhttp's `http.ts` and `url.ts` as shipped in
//! Node 25 (llhttp 9.3), and are part of the JS-visible contract like the codes.

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
    /// A chunk's extensions exceed `Config::max_chunk_extensions`
    /// (`HPE_CHUNK_EXTENSIONS_OVERFLOW`, a limit of Node's binding rather than llhttp's).
    ChunkExtensionsOverflow,
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
            ErrorKind::ChunkExtensionsOverflow => "HPE_CHUNK_EXTENSIONS_OVERFLOW",
        }
    }
}

/// A rejection: what went wrong, llhttp's words for it, and where.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ParseError {
    /// What went wrong.
    pub kind: ErrorKind,
    /// llhttp's reason for the rule that failed, e.g. `"Invalid header value char"`.
    pub reason: &'static str,
    /// Node's `err.bytesParsed`: where llhttp stopped in the buffer given to the failing
    /// `execute` call. Like llhttp, that is the rejected byte for most rules and the byte
    /// after it for rules that consume the byte before deciding (e.g. a LF where CRLF was
    /// due), so it can equal the buffer's length.
    pub offset: usize,
}

impl ParseError {
    /// The llhttp code string, e.g. `"HPE_INVALID_CHUNK_SIZE"`.
    pub fn code(&self) -> &'static str {
        self.kind.code()
    }

    /// llhttp's reason string for the failing rule, Node's `err.reason`.
    pub fn reason(&self) -> &'static str {
        self.reason
    }
}

impl fmt::Display for ParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {} at byte {}", self.kind.code(), self.reason, self.offset)
    }
}

impl std::error::Error for ParseError {}

/// One llhttp failure site: the code and the reason it reports there.
pub(crate) type Site = (ErrorKind, &'static str);

/// The failure sites, one per distinct (code, reason) pair llhttp can report.
pub(crate) mod site {
    use super::ErrorKind::*;
    use super::Site;

    pub const INVALID_METHOD: Site = (InvalidMethod, "Invalid method encountered");
    pub const SPACE_AFTER_METHOD: Site = (InvalidMethod, "Expected space after method");
    pub const URL_INVALID: Site = (InvalidUrl, "Invalid characters in url");
    pub const URL_START: Site = (InvalidUrl, "Unexpected start char in url");
    pub const URL_SCHEMA: Site = (InvalidUrl, "Unexpected char in url schema");
    pub const URL_SERVER: Site = (InvalidUrl, "Unexpected char in url server");
    pub const URL_DOUBLE_AT: Site = (InvalidUrl, "Double @ in url");
    pub const URL_PATH: Site = (InvalidUrl, "Invalid char in url path");
    pub const URL_QUERY: Site = (InvalidUrl, "Invalid char in url query");
    pub const URL_FRAGMENT: Site = (InvalidUrl, "Invalid char in url fragment start");
    pub const URL_CRLF: Site = (InvalidUrl, "Expected CRLF");
    pub const PROTOCOL: Site = (InvalidConstant, "Expected HTTP/, RTSP/ or ICE/");
    pub const METHOD_FOR_HTTP: Site = (InvalidConstant, "Invalid method for HTTP/x.x request");
    pub const METHOD_FOR_RTSP: Site = (InvalidConstant, "Invalid method for RTSP/x.x request");
    pub const METHOD_FOR_ICE: Site =
        (InvalidConstant, "Expected SOURCE method for ICE/x.x request");
    pub const MAJOR: Site = (InvalidVersion, "Invalid major version");
    pub const DOT: Site = (InvalidVersion, "Expected dot");
    pub const MINOR: Site = (InvalidVersion, "Invalid minor version");
    pub const VERSION: Site = (InvalidVersion, "Invalid HTTP version");
    pub const CRLF_AFTER_VERSION: Site = (InvalidVersion, "Expected CRLF after version");
    pub const LF_AFTER_VERSION: Site = (Strict, "Expected CRLF after version");
    pub const H2_PREFACE: Site = (InvalidVersion, "Expected HTTP/2 Connection Preface");
    pub const H2_UPGRADE: Site = (PausedH2Upgrade, "Pause on PRI/Upgrade");
    pub const SPACE_AFTER_VERSION: Site = (InvalidVersion, "Expected space after version");
    pub const STATUS_CODE: Site = (InvalidStatus, "Invalid status code");
    pub const RESPONSE_STATUS: Site = (InvalidStatus, "Invalid response status");
    pub const CR_AFTER_STATUS: Site = (CrExpected, "Missing expected CR after response line");
    pub const LF_AFTER_CR: Site = (Strict, "Expected LF after CR");
    pub const UNEXPECTED_SPACE: Site = (UnexpectedSpace, "Unexpected space after start line");
    pub const HEADER_TOKEN: Site = (InvalidHeaderToken, "Invalid header token");
    pub const HEADER_FIELD_CHAR: Site = (InvalidHeaderToken, "Invalid header field char");
    pub const HEADER_VALUE_CHAR: Site = (InvalidHeaderToken, "Invalid header value char");
    pub const WHITESPACE_AFTER_VALUE: Site =
        (InvalidHeaderToken, "Unexpected whitespace after header value");
    pub const CR_AFTER_VALUE: Site = (CrExpected, "Missing expected CR after header value");
    pub const LF_AFTER_VALUE: Site = (LfExpected, "Missing expected LF after header value");
    pub const LF_AFTER_HEADERS: Site = (Strict, "Expected LF after headers");
    pub const TE_WITH_CL: Site =
        (InvalidTransferEncoding, "Transfer-Encoding can't be present with Content-Length");
    pub const CL_WITH_TE: Site =
        (InvalidContentLength, "Content-Length can't be present with Transfer-Encoding");
    pub const TE_AFTER_CHUNKED: Site =
        (InvalidTransferEncoding, "Invalid `Transfer-Encoding` header value");
    pub const TE_NOT_CHUNKED: Site =
        (InvalidTransferEncoding, "Request has invalid `Transfer-Encoding`");
    pub const DUPLICATE_CL: Site = (UnexpectedContentLength, "Duplicate Content-Length");
    pub const EMPTY_CL: Site = (InvalidContentLength, "Empty Content-Length");
    pub const CL_OVERFLOW: Site = (InvalidContentLength, "Content-Length overflow");
    pub const CL_CHAR: Site = (InvalidContentLength, "Invalid character in Content-Length");
    pub const CHUNK_SIZE_CHAR: Site = (InvalidChunkSize, "Invalid character in chunk size");
    pub const CHUNK_SIZE_OVERFLOW: Site = (InvalidChunkSize, "Chunk size overflow");
    pub const CR_AFTER_CHUNK_SIZE: Site = (CrExpected, "Missing expected CR after chunk size");
    pub const EXT_CHAR: Site = (Strict, "Invalid character in chunk extensions");
    pub const EXT_NAME_CHAR: Site = (Strict, "Invalid character in chunk extensions name");
    pub const EXT_VALUE_CHAR: Site = (Strict, "Invalid character in chunk extensions value");
    pub const EXT_QUOTED_CHAR: Site =
        (Strict, "Invalid character in chunk extensions quoted value");
    pub const EXT_QUOTED_PAIR: Site =
        (Strict, "Invalid quoted-pair in chunk extensions quoted value");
    // "quote", not "quoted": llhttp's spelling at this site.
    pub const EXT_AFTER_QUOTE: Site = (Strict, "Invalid character in chunk extensions quote value");
    pub const CR_AFTER_EXT_NAME: Site =
        (CrExpected, "Missing expected CR after chunk extension name");
    pub const CR_AFTER_EXT_VALUE: Site =
        (CrExpected, "Missing expected CR after chunk extension value");
    pub const LF_AFTER_CHUNK_SIZE: Site = (Strict, "Expected LF after chunk size");
    pub const CR_AFTER_CHUNK_DATA: Site = (CrExpected, "Missing expected CR after chunk data");
    pub const LF_AFTER_CHUNK_DATA: Site = (Strict, "Expected LF after chunk data");
    pub const CLOSED: Site = (ClosedConnection, "Data after `Connection: close`");
    pub const HEADER_OVERFLOW: Site = (HeaderOverflow, "Header overflow");
    pub const CHUNK_EXTENSIONS_OVERFLOW: Site =
        (ChunkExtensionsOverflow, "Chunk extensions overflow");
    pub const EOF_STATE: Site = (InvalidEofState, "Invalid EOF state");
}
