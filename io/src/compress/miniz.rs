//! The default backend: `miniz_oxide`, a small, dependency-light, pure-Rust deflate.
//!
//! Used in raw mode only; [`super::deflate_codec`] and [`super::inflate_codec`] add the zlib
//! and gzip framing. What miniz_oxide cannot do, and how that shows:
//! * no preset dictionaries: [`Backend::supports_dictionary`] is false, so the codecs refuse
//!   a `dictionary` option with `ERR_FEATURE_UNAVAILABLE_ON_PLATFORM`;
//! * `memLevel` has no equivalent and is ignored (it never changes what is valid output);
//! * miniz_oxide does not bound match distances by a window below 32 KiB, so `windowBits`
//!   under 15 is honoured by Huffman-coding literals only (valid for any window, but a
//!   poorer ratio);
//! * a corrupt deflate block is reported as `Z_DATA_ERROR` "invalid deflate data": the
//!   decoder does not say which of zlib's checks failed.

use miniz_oxide::deflate::core::{CompressionStrategy, CompressorOxide};
use miniz_oxide::inflate::stream::InflateState;
use miniz_oxide::{DataFormat, MZError, MZFlush, MZStatus};

use super::{
    Backend, CompressError, DeflateEngine, DeflateParams, EngineStep, Flush, InflateEngine,
    Strategy,
};

/// The miniz_oxide backend.
pub struct Miniz;

const NAME: &str = "miniz_oxide";

impl Backend for Miniz {
    fn name(&self) -> &'static str {
        NAME
    }

    fn supports_dictionary(&self) -> bool {
        false
    }

    fn deflater(&self, params: &DeflateParams) -> Result<Box<dyn DeflateEngine>, CompressError> {
        Ok(Box::new(MinizDeflate {
            inner: compressor(params.level, params.strategy, params.window_bits),
            window_bits: params.window_bits,
        }))
    }

    fn inflater(&self) -> Result<Box<dyn InflateEngine>, CompressError> {
        Ok(Box::new(MinizInflate { inner: InflateState::new_boxed(DataFormat::Raw) }))
    }
}

fn compressor(level: i32, strategy: Strategy, window_bits: u8) -> Box<CompressorOxide> {
    let strategy = match strategy {
        Strategy::Default => CompressionStrategy::Default,
        Strategy::Filtered => CompressionStrategy::Filtered,
        Strategy::HuffmanOnly => CompressionStrategy::HuffmanOnly,
        Strategy::Rle => CompressionStrategy::RLE,
        Strategy::Fixed => CompressionStrategy::Fixed,
    };
    // Level is validated to 0..=9 before it gets here.
    let level = level.clamp(0, 9) as u8;
    // miniz_oxide does not bound match distances by a window below 32 KiB (not even in its
    // RLE mode), so a smaller window is honoured with literals only: valid for any window.
    let strategy =
        if window_bits < 15 && level > 0 { CompressionStrategy::HuffmanOnly } else { strategy };
    Box::new(CompressorOxide::with_params(DataFormat::Raw, level, strategy, window_bits))
}

fn mz_flush(flush: Flush) -> MZFlush {
    match flush {
        Flush::None => MZFlush::None,
        Flush::Partial => MZFlush::Partial,
        Flush::Sync => MZFlush::Sync,
        Flush::Full => MZFlush::Full,
        Flush::Finish => MZFlush::Finish,
    }
}

struct MinizDeflate {
    inner: Box<CompressorOxide>,
    window_bits: u8,
}

impl DeflateEngine for MinizDeflate {
    fn deflate(
        &mut self,
        input: &[u8],
        output: &mut [u8],
        flush: Flush,
    ) -> Result<EngineStep, CompressError> {
        if output.is_empty() {
            return Ok((0, 0, false));
        }
        let res =
            miniz_oxide::deflate::stream::deflate(&mut self.inner, input, output, mz_flush(flush));
        match res.status {
            Ok(MZStatus::StreamEnd) => Ok((res.bytes_consumed, res.bytes_written, true)),
            Ok(_) | Err(MZError::Buf) => Ok((res.bytes_consumed, res.bytes_written, false)),
            Err(_) => Err(CompressError::stream("deflate failed")),
        }
    }

    fn reset(&mut self) {
        self.inner.reset();
    }

    fn set_params(&mut self, level: i32, strategy: Strategy) -> Result<(), CompressError> {
        self.inner = compressor(level, strategy, self.window_bits);
        Ok(())
    }

    fn set_dictionary(&mut self, _dictionary: &[u8]) -> Result<(), CompressError> {
        Err(CompressError::unsupported("A preset dictionary", NAME))
    }
}

struct MinizInflate {
    inner: Box<InflateState>,
}

impl InflateEngine for MinizInflate {
    fn inflate(&mut self, input: &[u8], output: &mut [u8]) -> Result<EngineStep, CompressError> {
        if output.is_empty() {
            return Ok((0, 0, false));
        }
        let res =
            miniz_oxide::inflate::stream::inflate(&mut self.inner, input, output, MZFlush::None);
        match res.status {
            Ok(MZStatus::StreamEnd) => Ok((res.bytes_consumed, res.bytes_written, true)),
            Ok(_) | Err(MZError::Buf) => Ok((res.bytes_consumed, res.bytes_written, false)),
            Err(_) => Err(CompressError::data("invalid deflate data")),
        }
    }

    fn reset(&mut self) {
        self.inner.reset(DataFormat::Raw);
    }

    fn set_dictionary(&mut self, _dictionary: &[u8]) -> Result<(), CompressError> {
        Err(CompressError::unsupported("A preset dictionary", NAME))
    }
}
