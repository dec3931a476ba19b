//! Node's zlib options, validated with Node's ranges before any backend sees them.
//!
//! The JS layer hands these numbers over as the user wrote them; [`Options::validate`] applies
//! the rules of Node's `lib/zlib.js` (level −1..9, windowBits 8..15 with 0 meaning "from the
//! header" when inflating and 9..15 for gzip, memLevel 1..9, strategy 0..4, chunk size ≥ 64)
//! and reports a violation as `ERR_OUT_OF_RANGE`, the error Node throws. Backends can then
//! trust every value they receive and never panic on one.

use super::{CompressError, Mode};

/// Node's `Z_DEFAULT_CHUNK`: the output buffer size the JS layer uses per call.
pub const DEFAULT_CHUNK: usize = 16 * 1024;
/// Node's `Z_MIN_CHUNK`.
pub const MIN_CHUNK: usize = 64;

/// zlib's deflate strategies, numbered as Node's `zlib.constants.Z_*` ones.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Strategy {
    /// `Z_DEFAULT_STRATEGY` (0).
    #[default]
    Default,
    /// `Z_FILTERED` (1): favours Huffman coding over short matches.
    Filtered,
    /// `Z_HUFFMAN_ONLY` (2): no string matching.
    HuffmanOnly,
    /// `Z_RLE` (3): matches of distance one only.
    Rle,
    /// `Z_FIXED` (4): fixed Huffman codes only.
    Fixed,
}

impl Strategy {
    /// Maps Node's number to a strategy, or `ERR_OUT_OF_RANGE` as Node reports it.
    pub fn from_node(value: i32) -> Result<Self, CompressError> {
        Ok(match value {
            0 => Self::Default,
            1 => Self::Filtered,
            2 => Self::HuffmanOnly,
            3 => Self::Rle,
            4 => Self::Fixed,
            _ => return Err(CompressError::out_of_range("options.strategy", 0, 4, value.into())),
        })
    }
}

/// Everything Node's `zlib.create*()` accepts, as numbers; defaults are Node's.
#[derive(Debug, Clone, PartialEq)]
pub struct Options {
    /// Compression level −1..9; −1 means zlib's default (6).
    pub level: i32,
    /// Window size as log2, 8..15; 0 (inflate modes only) means "take it from the header".
    pub window_bits: i32,
    /// Memory for the match finder, 1..9.
    pub mem_level: i32,
    /// Deflate strategy.
    pub strategy: Strategy,
    /// Preset dictionary (deflate, inflate and the raw modes; ignored by gzip/gunzip as in Node).
    pub dictionary: Option<Vec<u8>>,
    /// Output buffer size the one-shot helpers use per call (Node's `chunkSize`).
    pub chunk_size: usize,
    /// Cap on the total output of the one-shot helpers (Node's `maxOutputLength`).
    pub max_output_length: usize,
    /// Brotli encoder parameters as Node's `params` object: `BROTLI_PARAM_*` id → value.
    pub brotli_params: Vec<(u32, u32)>,
    /// zstd parameters as Node's `params` object: `ZSTD_c_*`/`ZSTD_d_*` id → value.
    pub zstd_params: Vec<(u32, i32)>,
    /// Node's `pledgedSrcSize` for zstd compression: the input's total size, if known.
    pub zstd_pledged_src_size: Option<u64>,
}

impl Default for Options {
    fn default() -> Self {
        Self {
            level: -1,
            window_bits: 0,
            mem_level: 8,
            strategy: Strategy::Default,
            dictionary: None,
            chunk_size: DEFAULT_CHUNK,
            max_output_length: usize::MAX,
            brotli_params: Vec::new(),
            zstd_params: Vec::new(),
            zstd_pledged_src_size: None,
        }
    }
}

/// Options after validation, with Node's defaults filled in for `mode`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Validated {
    /// Level 0..9 (−1 resolved to 6).
    pub level: i32,
    /// Window bits 8..15 for compression, 0..15 for decompression (0 = from the header).
    pub window_bits: u8,
    /// memLevel 1..9.
    pub mem_level: i32,
    /// Strategy.
    pub strategy: Strategy,
}

fn range(name: &str, v: i32, min: i32, max: i32) -> Result<i32, CompressError> {
    if (min..=max).contains(&v) {
        Ok(v)
    } else {
        Err(CompressError::out_of_range(name, min.into(), max.into(), v.into()))
    }
}

impl Options {
    /// Checks every zlib option against Node's ranges for `mode` and resolves the defaults.
    pub fn validate(&self, mode: Mode) -> Result<Validated, CompressError> {
        if self.chunk_size < MIN_CHUNK {
            return Err(CompressError::out_of_range(
                "options.chunkSize",
                MIN_CHUNK as i64,
                i64::MAX,
                self.chunk_size as i64,
            ));
        }
        let level = range("options.level", self.level, -1, 9)?;
        let level = if level == -1 { 6 } else { level };
        let inflating = matches!(mode, Mode::Inflate | Mode::Gunzip | Mode::Unzip);
        let window_bits = if self.window_bits == 0 && inflating {
            0
        } else {
            // Node: `{ windowBits: 8 }` is valid for deflate but not for gzip.
            let min = if mode == Mode::Gzip { 9 } else { 8 };
            let wb = if self.window_bits == 0 && !inflating { 15 } else { self.window_bits };
            range("options.windowBits", wb, min, 15)?
        };
        let mem_level = range("options.memLevel", self.mem_level, 1, 9)?;
        Ok(Validated { level, window_bits: window_bits as u8, mem_level, strategy: self.strategy })
    }
}
