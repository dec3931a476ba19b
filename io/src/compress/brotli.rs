//! BROTLI_ENCODE and BROTLI_DECODE with the pure-Rust `brotli` crate (Dropbox's port of
//! Google's reference encoder and decoder), shared by every deflate backend.
//!
//! Node's brotli handle takes encoder parameters as `BROTLI_PARAM_*` id → value pairs and
//! flushes with its own operations; [`Flush`] maps onto them (none → PROCESS,
//! partial/sync/full → FLUSH, finish → FINISH). Decoder faults carry Node's codes: `code`
//! `ERR_` followed by the decoder error name without its `BROTLI_DECODER` prefix (e.g.
//! `ERR__ERROR_FORMAT_PADDING_1`), `errno` the decoder's negative error number, message
//! "Decompression failed". Data after the end of a brotli stream is ignored, as in Node.
//! `BROTLI_PARAM_NPOSTFIX`/`NDIRECT` (7, 8) have no setter in the crate and are rejected.

use ::brotli::enc::encode::{
    BrotliEncoderOperation, BrotliEncoderParameter, BrotliEncoderStateStruct,
};
use ::brotli::enc::{interface, StandardAlloc};
use ::brotli::{BrotliDecompressStream, BrotliResult, BrotliState};
use brotli_decompressor::BrotliDecoderErrorCode as E;

use super::{Codec, CompressError, Flush, Mode, Options, Progress, Strategy};

/// A brotli compressor.
pub struct BrotliEncoder {
    state: BrotliEncoderStateStruct<StandardAlloc>,
    params: Vec<(u32, u32)>,
}

fn encoder(
    params: &[(u32, u32)],
) -> Result<BrotliEncoderStateStruct<StandardAlloc>, CompressError> {
    let mut state = BrotliEncoderStateStruct::new(StandardAlloc::default());
    for &(key, value) in params {
        let p = match key {
            0 => BrotliEncoderParameter::BROTLI_PARAM_MODE,
            1 => BrotliEncoderParameter::BROTLI_PARAM_QUALITY,
            2 => BrotliEncoderParameter::BROTLI_PARAM_LGWIN,
            3 => BrotliEncoderParameter::BROTLI_PARAM_LGBLOCK,
            4 => BrotliEncoderParameter::BROTLI_PARAM_DISABLE_LITERAL_CONTEXT_MODELING,
            5 => BrotliEncoderParameter::BROTLI_PARAM_SIZE_HINT,
            6 => BrotliEncoderParameter::BROTLI_PARAM_LARGE_WINDOW,
            _ => {
                return Err(CompressError {
                    code: "ERR_BROTLI_INVALID_PARAM",
                    errno: 0,
                    message: format!("{key} is not a valid Brotli parameter"),
                })
            }
        };
        if !state.set_parameter(p, value) {
            return Err(CompressError::init_failed());
        }
    }
    Ok(state)
}

impl BrotliEncoder {
    /// A compressor with Node's defaults (quality 11, window 22) overridden by `opts`.
    pub fn new(opts: &Options) -> Result<Self, CompressError> {
        Ok(Self { state: encoder(&opts.brotli_params)?, params: opts.brotli_params.clone() })
    }
}

impl Codec for BrotliEncoder {
    fn process(
        &mut self,
        input: &[u8],
        output: &mut [u8],
        flush: Flush,
    ) -> Result<Progress, CompressError> {
        let op = match flush {
            Flush::None => BrotliEncoderOperation::BROTLI_OPERATION_PROCESS,
            Flush::Partial | Flush::Sync | Flush::Full => {
                BrotliEncoderOperation::BROTLI_OPERATION_FLUSH
            }
            Flush::Finish => BrotliEncoderOperation::BROTLI_OPERATION_FINISH,
        };
        let mut nop =
            |_: &mut interface::PredictionModeContextMap<interface::InputReferenceMut>,
             _: &mut [interface::StaticCommand],
             _: interface::InputPair,
             _: &mut StandardAlloc| ();
        let (mut in_off, mut out_off) = (0usize, 0usize);
        loop {
            if self.state.is_finished() || out_off == output.len() {
                break;
            }
            let (in0, out0) = (in_off, out_off);
            let mut avail_in = input.len() - in_off;
            let mut avail_out = output.len() - out_off;
            let mut total = None;
            let ok = self.state.compress_stream(
                op,
                &mut avail_in,
                input,
                &mut in_off,
                &mut avail_out,
                output,
                &mut out_off,
                &mut total,
                &mut nop,
            );
            if !ok {
                return Err(CompressError {
                    code: "ERR_BROTLI_COMPRESSION_FAILED",
                    errno: 0,
                    message: "Compression failed".into(),
                });
            }
            let idle = in_off == input.len() && !self.state.has_more_output();
            if (in0 == in_off && out0 == out_off)
                || (idle && op == BrotliEncoderOperation::BROTLI_OPERATION_PROCESS)
            {
                break;
            }
        }
        Ok(Progress { consumed: in_off, produced: out_off, stream_end: self.state.is_finished() })
    }

    fn reset(&mut self) -> Result<(), CompressError> {
        self.state = encoder(&self.params)?;
        Ok(())
    }

    fn set_params(&mut self, _level: i32, _strategy: Strategy) -> Result<(), CompressError> {
        Err(CompressError::stream("params() applies to zlib compression only"))
    }

    fn mode(&self) -> Mode {
        Mode::BrotliEncode
    }
}

/// A brotli decompressor.
pub struct BrotliDecoder {
    state: BrotliState<StandardAlloc, StandardAlloc, StandardAlloc>,
    done: bool,
}

impl Default for BrotliDecoder {
    fn default() -> Self {
        Self::new()
    }
}

impl BrotliDecoder {
    /// A new decompressor.
    pub fn new() -> Self {
        Self {
            state: BrotliState::new(
                StandardAlloc::default(),
                StandardAlloc::default(),
                StandardAlloc::default(),
            ),
            done: false,
        }
    }
}

fn decode_error(code: E) -> CompressError {
    let name = match code {
        E::BROTLI_DECODER_ERROR_FORMAT_EXUBERANT_NIBBLE => "ERR__ERROR_FORMAT_EXUBERANT_NIBBLE",
        E::BROTLI_DECODER_ERROR_FORMAT_RESERVED => "ERR__ERROR_FORMAT_RESERVED",
        E::BROTLI_DECODER_ERROR_FORMAT_EXUBERANT_META_NIBBLE => {
            "ERR__ERROR_FORMAT_EXUBERANT_META_NIBBLE"
        }
        E::BROTLI_DECODER_ERROR_FORMAT_SIMPLE_HUFFMAN_ALPHABET => {
            "ERR__ERROR_FORMAT_SIMPLE_HUFFMAN_ALPHABET"
        }
        E::BROTLI_DECODER_ERROR_FORMAT_SIMPLE_HUFFMAN_SAME => {
            "ERR__ERROR_FORMAT_SIMPLE_HUFFMAN_SAME"
        }
        E::BROTLI_DECODER_ERROR_FORMAT_CL_SPACE => "ERR__ERROR_FORMAT_CL_SPACE",
        E::BROTLI_DECODER_ERROR_FORMAT_HUFFMAN_SPACE => "ERR__ERROR_FORMAT_HUFFMAN_SPACE",
        E::BROTLI_DECODER_ERROR_FORMAT_CONTEXT_MAP_REPEAT => "ERR__ERROR_FORMAT_CONTEXT_MAP_REPEAT",
        E::BROTLI_DECODER_ERROR_FORMAT_BLOCK_LENGTH_1 => "ERR__ERROR_FORMAT_BLOCK_LENGTH_1",
        E::BROTLI_DECODER_ERROR_FORMAT_BLOCK_LENGTH_2 => "ERR__ERROR_FORMAT_BLOCK_LENGTH_2",
        E::BROTLI_DECODER_ERROR_FORMAT_TRANSFORM => "ERR__ERROR_FORMAT_TRANSFORM",
        E::BROTLI_DECODER_ERROR_FORMAT_DICTIONARY => "ERR__ERROR_FORMAT_DICTIONARY",
        E::BROTLI_DECODER_ERROR_FORMAT_WINDOW_BITS => "ERR__ERROR_FORMAT_WINDOW_BITS",
        E::BROTLI_DECODER_ERROR_FORMAT_PADDING_1 => "ERR__ERROR_FORMAT_PADDING_1",
        E::BROTLI_DECODER_ERROR_FORMAT_PADDING_2 => "ERR__ERROR_FORMAT_PADDING_2",
        E::BROTLI_DECODER_ERROR_FORMAT_DISTANCE => "ERR__ERROR_FORMAT_DISTANCE",
        E::BROTLI_DECODER_ERROR_DICTIONARY_NOT_SET => "ERR__ERROR_DICTIONARY_NOT_SET",
        E::BROTLI_DECODER_ERROR_INVALID_ARGUMENTS => "ERR__ERROR_INVALID_ARGUMENTS",
        E::BROTLI_DECODER_ERROR_ALLOC_CONTEXT_MODES
        | E::BROTLI_DECODER_ERROR_ALLOC_TREE_GROUPS
        | E::BROTLI_DECODER_ERROR_ALLOC_CONTEXT_MAP
        | E::BROTLI_DECODER_ERROR_ALLOC_RING_BUFFER_1
        | E::BROTLI_DECODER_ERROR_ALLOC_RING_BUFFER_2
        | E::BROTLI_DECODER_ERROR_ALLOC_BLOCK_TYPE_TREES => "ERR__ERROR_ALLOC",
        _ => "ERR__ERROR_UNREACHABLE",
    };
    CompressError { code: name, errno: code as i32, message: "Decompression failed".into() }
}

impl Codec for BrotliDecoder {
    fn process(
        &mut self,
        input: &[u8],
        output: &mut [u8],
        flush: Flush,
    ) -> Result<Progress, CompressError> {
        if self.done {
            return Ok(Progress { consumed: 0, produced: 0, stream_end: true });
        }
        let mut avail_in = input.len();
        let mut in_off = 0;
        let mut avail_out = output.len();
        let mut out_off = 0;
        let mut total = 0;
        let res = BrotliDecompressStream(
            &mut avail_in,
            &mut in_off,
            input,
            &mut avail_out,
            &mut out_off,
            output,
            &mut total,
            &mut self.state,
        );
        match res {
            BrotliResult::ResultFailure => Err(decode_error(self.state.error_code)),
            BrotliResult::ResultSuccess => {
                self.done = true;
                // Whatever follows the end is left unconsumed; Node ignores it.
                Ok(Progress { consumed: in_off, produced: out_off, stream_end: true })
            }
            BrotliResult::NeedsMoreInput if flush == Flush::Finish && out_off < output.len() => {
                Err(CompressError::unexpected_eof())
            }
            _ => Ok(Progress { consumed: in_off, produced: out_off, stream_end: false }),
        }
    }

    fn reset(&mut self) -> Result<(), CompressError> {
        *self = Self::new();
        Ok(())
    }

    fn set_params(&mut self, _level: i32, _strategy: Strategy) -> Result<(), CompressError> {
        Err(CompressError::stream("params() applies to zlib compression only"))
    }

    fn mode(&self) -> Mode {
        Mode::BrotliDecode
    }
}
