//! The speed backend: `zlib-rs`, the pure-Rust port of zlib (SIMD match finding and
//! checksums), through its safe `Deflate`/`Inflate` API.
//!
//! Used in raw mode (window bits negated), like every backend; the framing is ours. It
//! supports preset dictionaries and memLevel, and reports zlib's exact messages for corrupt
//! blocks ("invalid stored block lengths", "invalid distance too far back", …). Its safe
//! `set_level` cannot run mid-stream, so `params()` rebuilds the engine after the codec has
//! sync-flushed it (see [`super::deflate_codec`]).

use zlib_rs::{Deflate, DeflateConfig, DeflateFlush, Inflate, InflateError, InflateFlush, Status};

use super::{
    Backend, CompressError, DeflateEngine, DeflateParams, EngineStep, Flush, InflateEngine,
    Strategy,
};

/// The zlib-rs backend.
pub struct ZlibRs;

const NAME: &str = "zlib-rs";

impl Backend for ZlibRs {
    fn name(&self) -> &'static str {
        NAME
    }

    fn supports_dictionary(&self) -> bool {
        true
    }

    fn deflater(&self, params: &DeflateParams) -> Result<Box<dyn DeflateEngine>, CompressError> {
        Ok(Box::new(ZlibRsDeflate { inner: compressor(params), params: *params }))
    }

    fn inflater(&self) -> Result<Box<dyn InflateEngine>, CompressError> {
        Ok(Box::new(ZlibRsInflate { inner: Inflate::new(false, 15) }))
    }
}

fn compressor(p: &DeflateParams) -> Deflate {
    let strategy = match p.strategy {
        Strategy::Default => zlib_rs::Strategy::Default,
        Strategy::Filtered => zlib_rs::Strategy::Filtered,
        Strategy::HuffmanOnly => zlib_rs::Strategy::HuffmanOnly,
        Strategy::Rle => zlib_rs::Strategy::Rle,
        Strategy::Fixed => zlib_rs::Strategy::Fixed,
    };
    // Every field was range-checked by `Options::validate` (level 0..9, window 9..15,
    // memLevel 1..9); `Deflate::new_with_config` asserts on values zlib would reject.
    Deflate::new_with_config(DeflateConfig {
        level: p.level.clamp(0, 9),
        window_bits: -i32::from(p.window_bits.clamp(9, 15)),
        mem_level: p.mem_level.clamp(1, 9),
        strategy,
        ..DeflateConfig::default()
    })
}

struct ZlibRsDeflate {
    inner: Deflate,
    params: DeflateParams,
}

impl DeflateEngine for ZlibRsDeflate {
    fn deflate(
        &mut self,
        input: &[u8],
        output: &mut [u8],
        flush: Flush,
    ) -> Result<EngineStep, CompressError> {
        if output.is_empty() {
            return Ok((0, 0, false));
        }
        let flush = match flush {
            Flush::None => DeflateFlush::NoFlush,
            Flush::Partial => DeflateFlush::PartialFlush,
            Flush::Sync => DeflateFlush::SyncFlush,
            Flush::Full => DeflateFlush::FullFlush,
            Flush::Finish => DeflateFlush::Finish,
        };
        let (in0, out0) = (self.inner.total_in(), self.inner.total_out());
        let status = self.inner.compress(input, output, flush);
        let consumed = (self.inner.total_in() - in0) as usize;
        let produced = (self.inner.total_out() - out0) as usize;
        match status {
            Ok(Status::StreamEnd) => Ok((consumed, produced, true)),
            Ok(_) => Ok((consumed, produced, false)),
            Err(e) => Err(CompressError::stream(e.as_str())),
        }
    }

    fn reset(&mut self) {
        self.inner.reset();
    }

    fn set_params(&mut self, level: i32, strategy: Strategy) -> Result<(), CompressError> {
        self.params.level = level;
        self.params.strategy = strategy;
        self.inner = compressor(&self.params);
        Ok(())
    }

    fn set_dictionary(&mut self, dictionary: &[u8]) -> Result<(), CompressError> {
        self.inner
            .set_dictionary(dictionary)
            .map(|_| ())
            .map_err(|e| CompressError::stream(e.as_str()))
    }
}

struct ZlibRsInflate {
    inner: Inflate,
}

impl InflateEngine for ZlibRsInflate {
    fn inflate(&mut self, input: &[u8], output: &mut [u8]) -> Result<EngineStep, CompressError> {
        if output.is_empty() {
            return Ok((0, 0, false));
        }
        let (in0, out0) = (self.inner.total_in(), self.inner.total_out());
        let status = self.inner.decompress(input, output, InflateFlush::NoFlush);
        let consumed = (self.inner.total_in() - in0) as usize;
        let produced = (self.inner.total_out() - out0) as usize;
        match status {
            Ok(Status::StreamEnd) => Ok((consumed, produced, true)),
            Ok(_) => Ok((consumed, produced, false)),
            Err(InflateError::DataError) => Err(CompressError::data(
                self.inner.error_message().unwrap_or("invalid deflate data"),
            )),
            Err(InflateError::MemError) => Err(CompressError::mem()),
            Err(InflateError::NeedDict { .. }) => Err(CompressError::need_dict(false)),
            Err(e) => Err(CompressError::stream(e.as_str())),
        }
    }

    fn reset(&mut self) {
        self.inner.reset(false);
    }

    fn set_dictionary(&mut self, dictionary: &[u8]) -> Result<(), CompressError> {
        self.inner
            .set_dictionary(dictionary)
            .map(|_| ())
            .map_err(|e| CompressError::stream(e.as_str()))
    }
}
