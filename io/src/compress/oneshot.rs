//! One-shot helpers (Node's `zlib.deflateSync` and friends) built on the streaming [`Codec`].
//!
//! Input is handed over whole with `Z_FINISH`, output grows one `chunkSize` at a time, and the
//! total is checked against `maxOutputLength` after every chunk, so a decompression bomb stops
//! with `ERR_BUFFER_TOO_LARGE` having allocated at most `maxOutputLength + chunkSize` bytes.

use super::options::MIN_CHUNK;
use super::{new_codec, Codec, CompressError, Flush, Mode, Options};

/// Runs `input` through `codec` to the end of the stream, capping output at `max_output`.
pub fn process_all(
    codec: &mut dyn Codec,
    input: &[u8],
    chunk_size: usize,
    max_output: usize,
) -> Result<Vec<u8>, CompressError> {
    let chunk = chunk_size.max(MIN_CHUNK);
    let mut out: Vec<u8> = Vec::new();
    let mut pos = 0;
    loop {
        let len = out.len();
        out.resize(len + chunk, 0);
        let step = codec.process(&input[pos..], &mut out[len..], Flush::Finish)?;
        out.truncate(len + step.produced);
        pos += step.consumed;
        if out.len() > max_output {
            return Err(CompressError::too_large(max_output));
        }
        if step.stream_end || (step.consumed == 0 && step.produced == 0) {
            break;
        }
    }
    Ok(out)
}

/// Compresses `input` whole in a compression `mode` on the default backend.
pub fn compress_all(mode: Mode, input: &[u8], opts: &Options) -> Result<Vec<u8>, CompressError> {
    if !mode.is_compress() {
        return Err(CompressError::stream("compress_all needs a compression mode"));
    }
    let mut codec = new_codec(mode, opts)?;
    process_all(codec.as_mut(), input, opts.chunk_size, opts.max_output_length)
}

/// Decompresses `input` whole in a decompression `mode` on the default backend, failing with
/// `ERR_BUFFER_TOO_LARGE` past `opts.max_output_length`.
pub fn decompress_all(mode: Mode, input: &[u8], opts: &Options) -> Result<Vec<u8>, CompressError> {
    if mode.is_compress() {
        return Err(CompressError::stream("decompress_all needs a decompression mode"));
    }
    let mut codec = new_codec(mode, opts)?;
    process_all(codec.as_mut(), input, opts.chunk_size, opts.max_output_length)
}
