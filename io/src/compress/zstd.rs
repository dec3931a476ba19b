//! ZSTD_COMPRESS and ZSTD_DECOMPRESS with `ruzstd`, a pure-Rust zstd.
//!
//! What ruzstd supports, and what follows from it:
//! * Its decoder is complete and push-based (`decode_from_to`). As in Node, decoding stops
//!   after the first frame and ignores what follows; a truncated frame ends without error
//!   (Node 25 reports none either); a bad magic number is `ZSTD_error_prefix_unknown`
//!   ("Unknown frame descriptor") and any other fault, a bad checksum included,
//!   `ZSTD_error_corruption_detected`. The window is capped at 2^27 bytes (Node's default
//!   `ZSTD_d_windowLogMax`) unless `ZSTD_d_windowLogMax` (100) says otherwise.
//! * Its encoder implements only the "Fastest" level (about zstd level 1) and compresses a
//!   whole frame from a reader in one go. So every `ZSTD_c_compressionLevel` gives level-1
//!   output, and the encoder buffers its input until `Finish` and then writes one frame:
//!   sync/full flushes produce no output before the end (a multi-frame answer to flushes
//!   would not be understood by Node, which decodes only the first frame).

use ruzstd::decoding::errors::{FrameDecoderError, ReadFrameHeaderError};
use ruzstd::decoding::FrameDecoder;
use ruzstd::encoding::{compress_to_vec, CompressionLevel};

use super::{Codec, CompressError, Flush, Mode, Options, Progress, Strategy};

const MAGIC: [u8; 4] = [0x28, 0xb5, 0x2f, 0xfd];
/// Node's `ZSTD_d_windowLogMax` default (zstd's `ZSTD_WINDOWLOG_LIMIT_DEFAULT`).
const DEFAULT_WINDOW_LOG_MAX: i32 = 27;
/// `ZSTD_c_*` parameter ids Node accepts.
const COMPRESS_PARAMS: &[u32] = &[
    100, 101, 102, 103, 104, 105, 106, 107, 160, 161, 162, 163, 164, 200, 201, 202, 400, 401, 402,
];

fn invalid_param(key: u32) -> CompressError {
    CompressError {
        code: "ERR_ZSTD_INVALID_PARAM",
        errno: 0,
        message: format!("{key} is not a valid zstd parameter"),
    }
}

fn corrupt() -> CompressError {
    CompressError {
        code: "ZSTD_error_corruption_detected",
        errno: 20,
        message: "Data corruption detected".into(),
    }
}

fn unknown_prefix() -> CompressError {
    CompressError {
        code: "ZSTD_error_prefix_unknown",
        errno: 10,
        message: "Unknown frame descriptor".into(),
    }
}

fn window_too_large() -> CompressError {
    CompressError {
        code: "ZSTD_error_frameParameter_windowTooLarge",
        errno: 16,
        message: "Frame requires too much memory for decoding".into(),
    }
}

/// A zstd compressor (one frame, written at `Finish`).
pub struct ZstdEncoder {
    input: Vec<u8>,
    output: Vec<u8>,
    out_pos: usize,
    finished: bool,
}

impl ZstdEncoder {
    /// Checks `opts.zstd_params` keys as Node does; values only select level-1 output.
    pub fn new(opts: &Options) -> Result<Self, CompressError> {
        if let Some(&(key, _)) = opts.zstd_params.iter().find(|(k, _)| !COMPRESS_PARAMS.contains(k))
        {
            return Err(invalid_param(key));
        }
        Ok(Self { input: Vec::new(), output: Vec::new(), out_pos: 0, finished: false })
    }
}

impl Codec for ZstdEncoder {
    fn process(
        &mut self,
        input: &[u8],
        output: &mut [u8],
        flush: Flush,
    ) -> Result<Progress, CompressError> {
        if self.finished && !input.is_empty() {
            return Err(CompressError::stream("write after end"));
        }
        self.input.extend_from_slice(input);
        if flush == Flush::Finish && !self.finished {
            self.output = compress_to_vec(&self.input[..], CompressionLevel::Fastest);
            self.input = Vec::new();
            self.finished = true;
        }
        let left = &self.output[self.out_pos..];
        let n = left.len().min(output.len());
        output[..n].copy_from_slice(&left[..n]);
        self.out_pos += n;
        let stream_end = self.finished && self.out_pos == self.output.len();
        Ok(Progress { consumed: input.len(), produced: n, stream_end })
    }

    fn reset(&mut self) -> Result<(), CompressError> {
        *self = Self { input: Vec::new(), output: Vec::new(), out_pos: 0, finished: false };
        Ok(())
    }

    fn set_params(&mut self, _level: i32, _strategy: Strategy) -> Result<(), CompressError> {
        Err(CompressError::stream("params() applies to zlib compression only"))
    }

    fn mode(&self) -> Mode {
        Mode::ZstdCompress
    }
}

/// A zstd decompressor (first frame only, like Node).
pub struct ZstdDecoder {
    decoder: FrameDecoder,
    window_log_max: i32,
    /// Compressed bytes not yet used; ruzstd needs whole blocks.
    pending: Vec<u8>,
    pos: usize,
    started: bool,
    done: bool,
}

/// Length of a zstd frame header from its descriptor byte (RFC 8878 §3.1.1.1).
fn header_len(fhd: u8) -> usize {
    let single_segment = fhd & 0x20 != 0;
    let dict = [0, 1, 2, 4][usize::from(fhd & 3)];
    let fcs = match fhd >> 6 {
        0 => usize::from(single_segment),
        1 => 2,
        2 => 4,
        _ => 8,
    };
    4 + 1 + usize::from(!single_segment) + dict + fcs
}

impl ZstdDecoder {
    /// A decompressor honouring `ZSTD_d_windowLogMax` (id 100) from `opts.zstd_params`.
    pub fn new(opts: &Options) -> Result<Self, CompressError> {
        let mut window_log_max = DEFAULT_WINDOW_LOG_MAX;
        for &(key, value) in &opts.zstd_params {
            match key {
                100 if (10..=31).contains(&value) => window_log_max = value,
                100 if value == 0 => {}
                100 => return Err(CompressError::init_failed()),
                _ => return Err(invalid_param(key)),
            }
        }
        Ok(Self::with_window(window_log_max))
    }

    fn with_window(window_log_max: i32) -> Self {
        let mut decoder = FrameDecoder::new();
        decoder.set_max_window_size(1u64 << window_log_max);
        Self { decoder, window_log_max, pending: Vec::new(), pos: 0, started: false, done: false }
    }

    fn run(&mut self, output: &mut [u8]) -> Result<usize, CompressError> {
        let mut produced = 0;
        if !self.started {
            let avail = &self.pending[self.pos..];
            let check = avail.len().min(4);
            if avail[..check] != MAGIC[..check] {
                return Err(unknown_prefix());
            }
            if avail.len() < 5 || avail.len() < header_len(avail[4]) {
                return Ok(0);
            }
            let mut src = avail;
            self.decoder.reset(&mut src).map_err(map_error)?;
            self.pos += avail.len() - src.len();
            self.started = true;
        }
        loop {
            let avail = &self.pending[self.pos..];
            let (read, written) =
                self.decoder.decode_from_to(avail, &mut output[produced..]).map_err(map_error)?;
            // ruzstd claims the 4 checksum bytes even when fewer are there; wait for them.
            if read <= avail.len() {
                self.pos += read;
            }
            produced += written;
            if self.decoder.is_finished() && self.decoder.can_collect() == 0 {
                if let (Some(want), Some(got)) =
                    (self.decoder.get_checksum_from_data(), self.decoder.get_calculated_checksum())
                {
                    if want != got {
                        return Err(corrupt());
                    }
                }
                self.done = true;
                break;
            }
            if (read == 0 || read > avail.len()) && written == 0 || produced == output.len() {
                break;
            }
        }
        Ok(produced)
    }
}

fn map_error(err: FrameDecoderError) -> CompressError {
    match err {
        FrameDecoderError::ReadFrameHeaderError(ReadFrameHeaderError::BadMagicNumber(_)) => {
            unknown_prefix()
        }
        FrameDecoderError::WindowSizeTooBig { .. } => window_too_large(),
        _ => corrupt(),
    }
}

impl Codec for ZstdDecoder {
    fn process(
        &mut self,
        input: &[u8],
        output: &mut [u8],
        _flush: Flush,
    ) -> Result<Progress, CompressError> {
        if self.done {
            return Ok(Progress { consumed: input.len(), produced: 0, stream_end: true });
        }
        if self.pos > 0 && self.pos == self.pending.len() {
            self.pending.clear();
            self.pos = 0;
        } else if self.pos > 1 << 20 {
            self.pending.drain(..self.pos);
            self.pos = 0;
        }
        self.pending.extend_from_slice(input);
        let produced = self.run(output)?;
        if self.done {
            self.pending = Vec::new();
            self.pos = 0;
        }
        Ok(Progress { consumed: input.len(), produced, stream_end: self.done })
    }

    fn reset(&mut self) -> Result<(), CompressError> {
        *self = Self::with_window(self.window_log_max);
        Ok(())
    }

    fn set_params(&mut self, _level: i32, _strategy: Strategy) -> Result<(), CompressError> {
        Err(CompressError::stream("params() applies to compression only"))
    }

    fn mode(&self) -> Mode {
        Mode::ZstdDecompress
    }
}
