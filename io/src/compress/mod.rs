//! zlib's job: streaming compression and decompression behind a backend trait.
//!
//! # Design
//!
//! The JS `zlib` module will drive this the way Node's JS drives its native `Zlib` handle: it
//! creates one [`Codec`] per stream with [`new_codec`], then calls [`Codec::process`] with an
//! input slice, an output buffer of `chunkSize` bytes and a [`Flush`] mode, and gets back how
//! much input was consumed, how much output was produced and whether the stream ended —
//! zlib's `avail_in`/`avail_out` contract, with errors as [`CompressError`] carrying Node's
//! `code`, `errno` and message. The work is CPU-bound and synchronous; callers run it on the
//! blocking pool. No async type appears here.
//!
//! The zlib formats are layered:
//!
//! * a [`Backend`] supplies only *raw deflate* engines ([`DeflateEngine`], [`InflateEngine`]);
//! * [`deflate_codec`] and [`inflate_codec`] wrap them in the zlib (RFC 1950) and gzip
//!   (RFC 1952) framing themselves: headers, checksums, trailers, preset-dictionary ids,
//!   multi-member gzip, `UNZIP`'s auto-detection and Node's rules for trailing data.
//!
//! Doing the framing once, above the engines, means every backend reports header and trailer
//! faults with zlib's exact messages and handles gzip identically, and a backend only has to
//! be good at deflate itself. Two backends exist, both pure Rust, chosen by cargo feature:
//!
//! * `compress-miniz`: [`miniz_oxide`]. It has no preset-dictionary support, so a
//!   `dictionary` option on DEFLATE/INFLATE/DEFLATERAW/INFLATERAW fails on this backend with
//!   `ERR_FEATURE_UNAVAILABLE_ON_PLATFORM` (a stream that *needs* a dictionary still reports
//!   Node's "Missing dictionary"). `memLevel` is accepted and ignored: it tunes memory, not the
//!   format. Errors inside deflate blocks carry a generic message ("invalid deflate data"),
//!   since miniz_oxide does not say which check failed; header and trailer errors are exact.
//! * `compress-zlib-rs` (default, and preferred when both are compiled): the `zlib-rs` port
//!   of zlib, through its safe API: dictionaries, memLevel, zlib's exact block-level messages
//!   ("invalid stored block lengths", …) and zlib's output byte for byte, so `gzipSync` gives
//!   what Node's zlib 1.3.1 gives.
//!
//! [`Codec::set_params`] (Node's `params()`) works on both: the codec sync-flushes the engine
//! into its own queue, then the engine continues as a fresh raw deflate stream with the new
//! level and strategy. The output stays one valid stream; only matches across that point are
//! lost. (Neither engine has a working mid-stream `deflateParams` of its own.)
//!
//! Brotli ([`brotli`] crate) and zstd (libzstd through `zstd-safe` to compress, `ruzstd` to
//! decompress) are format-specific and shared by every backend; see their modules for what
//! they support.

pub mod brotli;
pub mod crc32;
pub mod deflate_codec;
pub mod error;
pub mod inflate_codec;
#[cfg(feature = "compress-miniz")]
pub mod miniz;
pub mod oneshot;
pub mod options;
#[cfg(feature = "compress-zlib-rs")]
pub mod zlib_rs;
pub mod zstd;

pub use crc32::crc32;
pub use error::CompressError;
pub use oneshot::{compress_all, decompress_all, process_all};
pub use options::{Options, Strategy};

/// Node's zlib handle modes, numbered as `zlib.constants.DEFLATE` … `ZSTD_DECOMPRESS`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Mode {
    /// zlib-wrapped deflate (`DEFLATE` = 1).
    Deflate = 1,
    /// zlib-wrapped inflate (`INFLATE` = 2).
    Inflate = 2,
    /// gzip compression (`GZIP` = 3).
    Gzip = 3,
    /// gzip decompression, multi-member (`GUNZIP` = 4).
    Gunzip = 4,
    /// raw deflate, no header (`DEFLATERAW` = 5).
    DeflateRaw = 5,
    /// raw inflate, no header (`INFLATERAW` = 6).
    InflateRaw = 6,
    /// zlib or gzip decompression, chosen from the header (`UNZIP` = 7).
    Unzip = 7,
    /// Brotli compression (`BROTLI_ENCODE` = 9).
    BrotliEncode = 9,
    /// Brotli decompression (`BROTLI_DECODE` = 8).
    BrotliDecode = 8,
    /// zstd compression (`ZSTD_COMPRESS` = 10).
    ZstdCompress = 10,
    /// zstd decompression (`ZSTD_DECOMPRESS` = 11).
    ZstdDecompress = 11,
}

impl Mode {
    /// Maps Node's `zlib.constants` mode number to a mode.
    pub fn from_node(value: i32) -> Option<Self> {
        Some(match value {
            1 => Self::Deflate,
            2 => Self::Inflate,
            3 => Self::Gzip,
            4 => Self::Gunzip,
            5 => Self::DeflateRaw,
            6 => Self::InflateRaw,
            7 => Self::Unzip,
            8 => Self::BrotliDecode,
            9 => Self::BrotliEncode,
            10 => Self::ZstdCompress,
            11 => Self::ZstdDecompress,
            _ => return None,
        })
    }

    /// Whether this mode compresses (as opposed to decompresses).
    pub fn is_compress(self) -> bool {
        matches!(
            self,
            Self::Deflate | Self::Gzip | Self::DeflateRaw | Self::BrotliEncode | Self::ZstdCompress
        )
    }

    /// The mode that undoes this one (`UNZIP` for both zlib and gzip input is not chosen).
    pub fn inverse(self) -> Self {
        match self {
            Self::Deflate => Self::Inflate,
            Self::Inflate | Self::Unzip => Self::Deflate,
            Self::Gzip => Self::Gunzip,
            Self::Gunzip => Self::Gzip,
            Self::DeflateRaw => Self::InflateRaw,
            Self::InflateRaw => Self::DeflateRaw,
            Self::BrotliEncode => Self::BrotliDecode,
            Self::BrotliDecode => Self::BrotliEncode,
            Self::ZstdCompress => Self::ZstdDecompress,
            Self::ZstdDecompress => Self::ZstdCompress,
        }
    }
}

/// zlib's flush modes, numbered as Node's `Z_NO_FLUSH` … `Z_FINISH`.
///
/// Brotli maps them to its operations (none → PROCESS, partial/sync/full → FLUSH,
/// finish → FINISH).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Flush {
    /// `Z_NO_FLUSH` (0): let the codec buffer for best compression.
    #[default]
    None = 0,
    /// `Z_PARTIAL_FLUSH` (1): treated as a sync flush by both engines.
    Partial = 1,
    /// `Z_SYNC_FLUSH` (2): emit everything so far, byte-aligned.
    Sync = 2,
    /// `Z_FULL_FLUSH` (3): like sync, and forget the history so output can restart here.
    Full = 3,
    /// `Z_FINISH` (4): end the stream (compression) or require it to end (decompression).
    Finish = 4,
}

impl Flush {
    /// Maps Node's flush number (0..4) to a flush mode.
    pub fn from_node(value: i32) -> Option<Self> {
        Some(match value {
            0 => Self::None,
            1 => Self::Partial,
            2 => Self::Sync,
            3 => Self::Full,
            4 => Self::Finish,
            _ => return None,
        })
    }
}

/// What one [`Codec::process`] call did.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Progress {
    /// Input bytes consumed (data after the end of the stream is not consumed).
    pub consumed: usize,
    /// Output bytes written to the front of the output buffer.
    pub produced: usize,
    /// The stream has ended (`Z_STREAM_END`); further input is ignored.
    pub stream_end: bool,
}

/// One compression or decompression stream: the native half of Node's `Zlib` handle.
pub trait Codec: Send {
    /// Feeds `input`, writes into `output`; call again with the rest while output fills up.
    fn process(
        &mut self,
        input: &[u8],
        output: &mut [u8],
        flush: Flush,
    ) -> Result<Progress, CompressError>;

    /// Starts a new stream with the same options (Node's `reset()`).
    fn reset(&mut self) -> Result<(), CompressError>;

    /// Changes level and strategy mid-stream (Node's `params()`); compression modes only.
    fn set_params(&mut self, level: i32, strategy: Strategy) -> Result<(), CompressError>;

    /// The mode this codec was created for.
    fn mode(&self) -> Mode;
}

/// Parameters a [`Backend`] needs to build a raw deflate engine; already validated.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DeflateParams {
    /// Level 0..9.
    pub level: i32,
    /// Window bits 9..15.
    pub window_bits: u8,
    /// memLevel 1..9.
    pub mem_level: i32,
    /// Strategy.
    pub strategy: Strategy,
}

/// Result of one engine call: consumed, produced, and whether the deflate stream ended.
pub type EngineStep = (usize, usize, bool);

/// A raw (headerless) deflate compressor supplied by a backend.
pub trait DeflateEngine: Send {
    /// Compresses; the `bool` is true once a `Finish` flush has emitted the final block.
    fn deflate(
        &mut self,
        input: &[u8],
        output: &mut [u8],
        flush: Flush,
    ) -> Result<EngineStep, CompressError>;
    /// Forgets the stream, keeping the parameters.
    fn reset(&mut self);
    /// Continues with a new level and strategy. The codec has already drained the engine with
    /// a sync flush, so an engine may simply start a fresh raw stream with the new settings.
    fn set_params(&mut self, level: i32, strategy: Strategy) -> Result<(), CompressError>;
    /// Installs a preset dictionary before the first byte.
    fn set_dictionary(&mut self, dictionary: &[u8]) -> Result<(), CompressError>;
}

/// A raw (headerless) deflate decompressor supplied by a backend.
pub trait InflateEngine: Send {
    /// Decompresses; the `bool` is true once the final deflate block has been decoded.
    fn inflate(&mut self, input: &[u8], output: &mut [u8]) -> Result<EngineStep, CompressError>;
    /// Forgets the stream.
    fn reset(&mut self);
    /// Installs a preset dictionary before the first byte.
    fn set_dictionary(&mut self, dictionary: &[u8]) -> Result<(), CompressError>;
}

/// A deflate implementation: the swappable part of `io::compress`.
pub trait Backend: Sync {
    /// Short name for messages and benchmarks ("miniz_oxide", "zlib-rs").
    fn name(&self) -> &'static str;
    /// Whether preset dictionaries work on this backend.
    fn supports_dictionary(&self) -> bool;
    /// A new raw deflate engine.
    fn deflater(&self, params: &DeflateParams) -> Result<Box<dyn DeflateEngine>, CompressError>;
    /// A new raw inflate engine (always with a 32 KiB window).
    fn inflater(&self) -> Result<Box<dyn InflateEngine>, CompressError>;
}

/// Every backend compiled into this build, the default first.
// Each push depends on a feature, which `vec![]` cannot express.
#[allow(clippy::vec_init_then_push)]
pub fn backends() -> Vec<&'static dyn Backend> {
    let mut list: Vec<&'static dyn Backend> = Vec::new();
    #[cfg(feature = "compress-zlib-rs")]
    list.push(&zlib_rs::ZlibRs);
    #[cfg(feature = "compress-miniz")]
    list.push(&miniz::Miniz);
    list
}

/// The backend [`new_codec`] uses: zlib-rs if compiled in, else miniz_oxide.
pub fn default_backend() -> Option<&'static dyn Backend> {
    backends().into_iter().next()
}

/// A codec for `mode` on the default backend.
pub fn new_codec(mode: Mode, opts: &Options) -> Result<Box<dyn Codec>, CompressError> {
    match default_backend() {
        Some(backend) => new_codec_with(backend, mode, opts),
        None => match mode {
            Mode::BrotliEncode | Mode::BrotliDecode | Mode::ZstdCompress | Mode::ZstdDecompress => {
                new_codec_with(&NoDeflate, mode, opts)
            }
            _ => Err(CompressError::unsupported("deflate", "empty")),
        },
    }
}

/// A codec for `mode` whose deflate work is done by `backend`.
pub fn new_codec_with(
    backend: &dyn Backend,
    mode: Mode,
    opts: &Options,
) -> Result<Box<dyn Codec>, CompressError> {
    Ok(match mode {
        Mode::Deflate | Mode::Gzip | Mode::DeflateRaw => {
            Box::new(deflate_codec::DeflateCodec::new(backend, mode, opts)?)
        }
        Mode::Inflate | Mode::Gunzip | Mode::InflateRaw | Mode::Unzip => {
            Box::new(inflate_codec::InflateCodec::new(backend, mode, opts)?)
        }
        Mode::BrotliEncode => Box::new(brotli::BrotliEncoder::new(opts)?),
        Mode::BrotliDecode => Box::new(brotli::BrotliDecoder::new()),
        Mode::ZstdCompress => Box::new(zstd::ZstdEncoder::new(opts)?),
        Mode::ZstdDecompress => Box::new(zstd::ZstdDecoder::new(opts)?),
    })
}

/// Stand-in backend for builds without any deflate feature: brotli and zstd still work.
struct NoDeflate;

impl Backend for NoDeflate {
    fn name(&self) -> &'static str {
        "none"
    }
    fn supports_dictionary(&self) -> bool {
        false
    }
    fn deflater(&self, _: &DeflateParams) -> Result<Box<dyn DeflateEngine>, CompressError> {
        Err(CompressError::unsupported("deflate", "empty"))
    }
    fn inflater(&self) -> Result<Box<dyn InflateEngine>, CompressError> {
        Err(CompressError::unsupported("inflate", "empty"))
    }
}
