//! Parser configuration: the header-size limit and llhttp's lenient switches.
//!
//! Every switch is off by default, which is llhttp's (and Node's) strict behaviour; Node's
//! `--insecure-http-parser` corresponds to [`Config::lenient_all`].

/// Node's default `--max-http-header-size`.
pub const DEFAULT_MAX_HEADER_SIZE: usize = 16 * 1024;

/// Node's limit on the extension bytes of one chunk (`kMaxChunkExtensionsSize`).
pub const DEFAULT_MAX_CHUNK_EXTENSIONS: usize = 16 * 1024;

/// Limits and leniencies of a [`Parser`](super::Parser); `Config::default()` is strict.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Config {
    /// Limit on the bytes Node counts in a head: request target or reason phrase plus every
    /// header name and value (without leading whitespace). Reaching it is
    /// `HPE_HEADER_OVERFLOW`, reported as Node does: when the piece being counted ends, or
    /// at the end of the input if it is still open. Trailers are counted separately against
    /// the same limit.
    pub max_header_size: usize,
    /// Limit on the extension names and values of one chunk-size line; past it is
    /// `HPE_CHUNK_EXTENSIONS_OVERFLOW` (Node's binding adds this to llhttp, against a client
    /// that streams an endless extension).
    pub max_chunk_extensions: usize,
    /// Accept any byte but CR and LF in header values (llhttp `lenient_headers`).
    pub lenient_headers: bool,
    /// Accept Content-Length together with Transfer-Encoding, ignoring the length
    /// (llhttp `lenient_chunked_length`).
    pub lenient_chunked_length: bool,
    /// Keep parsing after a message that asked to close the connection
    /// (llhttp `lenient_keep_alive`).
    pub lenient_keep_alive: bool,
    /// Accept a request Transfer-Encoding that does not end in `chunked`, reading the body
    /// until EOF (llhttp `lenient_transfer_encoding`).
    pub lenient_transfer_encoding: bool,
    /// Accept any single-digit `HTTP/x.y` version (llhttp `lenient_version`).
    pub lenient_version: bool,
    /// Silently drop bytes after a message that closed the connection
    /// (llhttp `lenient_data_after_close`).
    pub lenient_data_after_close: bool,
    /// Accept a CR that is not followed by LF as a line end (llhttp `lenient_optional_lf_after_cr`).
    pub lenient_optional_lf_after_cr: bool,
    /// Accept chunk data not followed by CRLF (llhttp `lenient_optional_crlf_after_chunk`).
    pub lenient_optional_crlf_after_chunk: bool,
    /// Accept a bare LF as a line end (llhttp `lenient_optional_cr_before_lf`).
    pub lenient_optional_cr_before_lf: bool,
    /// Accept spaces and tabs after a chunk size (llhttp `lenient_spaces_after_chunk_size`).
    pub lenient_spaces_after_chunk_size: bool,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            max_header_size: DEFAULT_MAX_HEADER_SIZE,
            max_chunk_extensions: DEFAULT_MAX_CHUNK_EXTENSIONS,
            lenient_headers: false,
            lenient_chunked_length: false,
            lenient_keep_alive: false,
            lenient_transfer_encoding: false,
            lenient_version: false,
            lenient_data_after_close: false,
            lenient_optional_lf_after_cr: false,
            lenient_optional_crlf_after_chunk: false,
            lenient_optional_cr_before_lf: false,
            lenient_spaces_after_chunk_size: false,
        }
    }
}

impl Config {
    /// Every lenient switch on, like Node's `--insecure-http-parser`.
    pub fn lenient_all() -> Self {
        Config {
            max_header_size: DEFAULT_MAX_HEADER_SIZE,
            max_chunk_extensions: DEFAULT_MAX_CHUNK_EXTENSIONS,
            lenient_headers: true,
            lenient_chunked_length: true,
            lenient_keep_alive: true,
            lenient_transfer_encoding: true,
            lenient_version: true,
            lenient_data_after_close: true,
            lenient_optional_lf_after_cr: true,
            lenient_optional_crlf_after_chunk: true,
            lenient_optional_cr_before_lf: true,
            lenient_spaces_after_chunk_size: true,
        }
    }
}
