//! The one error type every codec returns, shaped like the error Node's `zlib` throws.
//!
//! Node builds its zlib errors from three things: a `code` string (`"Z_DATA_ERROR"`), an
//! `errno` (zlib's negative return value, or a brotli/zstd error number) and a message that is
//! zlib's own `strm->msg` when zlib set one ("incorrect header check") or a fixed text chosen
//! by Node ("unexpected end of file", "Missing dictionary"). [`CompressError`] carries exactly
//! those three, so the JS layer can copy them onto an `Error` without translating anything.

use std::fmt;

/// zlib's `Z_NEED_DICT` return value.
pub const Z_NEED_DICT: i32 = 2;
/// zlib's `Z_STREAM_ERROR` return value.
pub const Z_STREAM_ERROR: i32 = -2;
/// zlib's `Z_DATA_ERROR` return value.
pub const Z_DATA_ERROR: i32 = -3;
/// zlib's `Z_MEM_ERROR` return value.
pub const Z_MEM_ERROR: i32 = -4;
/// zlib's `Z_BUF_ERROR` return value.
pub const Z_BUF_ERROR: i32 = -5;

/// A compression or decompression failure, with Node's `code`, `errno` and `message`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CompressError {
    /// Node's `err.code`, e.g. `"Z_DATA_ERROR"` or `"ERR_BUFFER_TOO_LARGE"`.
    pub code: &'static str,
    /// Node's `err.errno`: zlib's negative return value, a brotli/zstd error number, or 0 where
    /// Node sets none (the `ERR_*` codes).
    pub errno: i32,
    /// Node's `err.message`.
    pub message: String,
}

impl CompressError {
    /// A `Z_DATA_ERROR` with zlib's message for the fault (e.g. "incorrect header check").
    pub fn data(message: impl Into<String>) -> Self {
        Self { code: "Z_DATA_ERROR", errno: Z_DATA_ERROR, message: message.into() }
    }

    /// The error Node reports when the input ends before the stream does.
    pub fn unexpected_eof() -> Self {
        Self { code: "Z_BUF_ERROR", errno: Z_BUF_ERROR, message: "unexpected end of file".into() }
    }

    /// `Z_NEED_DICT`: "Missing dictionary" when none was given, "Bad dictionary" when the
    /// given one does not match the stream's dictionary id.
    pub fn need_dict(have_dictionary: bool) -> Self {
        let message = if have_dictionary { "Bad dictionary" } else { "Missing dictionary" };
        Self { code: "Z_NEED_DICT", errno: Z_NEED_DICT, message: message.into() }
    }

    /// `Z_STREAM_ERROR`: the codec was used in a way its state does not allow.
    pub fn stream(message: impl Into<String>) -> Self {
        Self { code: "Z_STREAM_ERROR", errno: Z_STREAM_ERROR, message: message.into() }
    }

    /// `Z_MEM_ERROR`: the backend could not allocate its state.
    pub fn mem() -> Self {
        Self { code: "Z_MEM_ERROR", errno: Z_MEM_ERROR, message: "Out of memory".into() }
    }

    /// Node's `ERR_BUFFER_TOO_LARGE`, raised when output would pass `maxOutputLength`.
    pub fn too_large(max: usize) -> Self {
        Self {
            code: "ERR_BUFFER_TOO_LARGE",
            errno: 0,
            message: format!("Cannot create a Buffer larger than {max} bytes"),
        }
    }

    /// Node's `ERR_OUT_OF_RANGE` for an option outside its allowed range.
    pub fn out_of_range(name: &str, min: i64, max: i64, got: i64) -> Self {
        Self {
            code: "ERR_OUT_OF_RANGE",
            errno: 0,
            message: format!(
                "The value of \"{name}\" is out of range. It must be >= {min} and <= {max}. Received {got}"
            ),
        }
    }

    /// An option the selected backend cannot honour (e.g. a preset dictionary on miniz_oxide).
    pub fn unsupported(what: &str, backend: &str) -> Self {
        Self {
            code: "ERR_FEATURE_UNAVAILABLE_ON_PLATFORM",
            errno: 0,
            message: format!("{what} is not supported by the {backend} compression backend"),
        }
    }

    /// Node's `ERR_ZLIB_INITIALIZATION_FAILED`.
    pub fn init_failed() -> Self {
        Self {
            code: "ERR_ZLIB_INITIALIZATION_FAILED",
            errno: 0,
            message: "Initialization failed".into(),
        }
    }
}

impl fmt::Display for CompressError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} ({})", self.message, self.code)
    }
}

impl std::error::Error for CompressError {}
