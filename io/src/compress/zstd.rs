//! ZSTD_COMPRESS and ZSTD_DECOMPRESS: libzstd (built from source by `zstd-sys`) compresses,
//! `ruzstd`, a pure-Rust zstd, decompresses.
//!
//! * The encoder is libzstd's own streaming one, driven as Node drives it: every level and
//!   `ZSTD_c_*` parameter, flushes that emit at once (`ZSTD_e_flush`), `pledgedSrcSize`. It is
//!   the same library Node links, so output matches Node's for the same settings (pure-Rust
//!   encoders offer only the fastest level, which is why this one is C).
//! * ruzstd's decoder is complete and push-based (`decode_from_to`). As in Node, decoding stops
//!   after the first frame and ignores what follows; a truncated frame ends without error
//!   (Node 25 reports none either); a bad magic number is `ZSTD_error_prefix_unknown`
//!   ("Unknown frame descriptor") and any other fault, a bad checksum included,
//!   `ZSTD_error_corruption_detected`. The window is capped at 2^27 bytes (Node's default
//!   `ZSTD_d_windowLogMax`) unless `ZSTD_d_windowLogMax` (100) says otherwise.

use ruzstd::decoding::errors::{FrameDecoderError, ReadFrameHeaderError};
use ruzstd::decoding::FrameDecoder;
use zstd_safe::zstd_sys::ZSTD_EndDirective;
use zstd_safe::{CCtx, CParameter, InBuffer, OutBuffer, ResetDirective, Strategy as ZstdStrategy};

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

/// A zstd compressor: libzstd's streaming `ZSTD_compressStream2`, as Node drives it.
pub struct ZstdEncoder {
    cctx: CCtx<'static>,
    /// Node's `pledgedSrcSize`, re-applied on reset (it writes the size into the header).
    pledged: Option<u64>,
    finished: bool,
}

/// Node's `ZSTD_c_*` parameter id and value as libzstd's typed parameter.
fn c_parameter(key: u32, value: i32) -> Result<CParameter, CompressError> {
    let v = value as u32;
    Ok(match key {
        100 => CParameter::CompressionLevel(value),
        101 => CParameter::WindowLog(v),
        102 => CParameter::HashLog(v),
        103 => CParameter::ChainLog(v),
        104 => CParameter::SearchLog(v),
        105 => CParameter::MinMatch(v),
        106 => CParameter::TargetLength(v),
        107 => CParameter::Strategy(match value {
            1 => ZstdStrategy::ZSTD_fast,
            2 => ZstdStrategy::ZSTD_dfast,
            3 => ZstdStrategy::ZSTD_greedy,
            4 => ZstdStrategy::ZSTD_lazy,
            5 => ZstdStrategy::ZSTD_lazy2,
            6 => ZstdStrategy::ZSTD_btlazy2,
            7 => ZstdStrategy::ZSTD_btopt,
            8 => ZstdStrategy::ZSTD_btultra,
            9 => ZstdStrategy::ZSTD_btultra2,
            _ => return Err(parameter_failed()),
        }),
        160 => CParameter::EnableLongDistanceMatching(value != 0),
        161 => CParameter::LdmHashLog(v),
        162 => CParameter::LdmMinMatch(v),
        163 => CParameter::LdmBucketSizeLog(v),
        164 => CParameter::LdmHashRateLog(v),
        200 => CParameter::ContentSizeFlag(value != 0),
        201 => CParameter::ChecksumFlag(value != 0),
        202 => CParameter::DictIdFlag(value != 0),
        400 => CParameter::NbWorkers(v),
        401 => CParameter::JobSize(v),
        402 => CParameter::OverlapSizeLog(v),
        _ => return Err(invalid_param(key)),
    })
}

/// A libzstd failure while compressing, as Node reports it: `code` the error's
/// `ZSTD_error_*` name, `errno` its number, the message libzstd's description.
fn compress_error(code: usize) -> CompressError {
    // libzstd returns errors as `(size_t)-number`.
    let errno = code.wrapping_neg() as i32;
    let name = match errno {
        10 => "ZSTD_error_prefix_unknown",
        12 => "ZSTD_error_version_unsupported",
        14 => "ZSTD_error_frameParameter_unsupported",
        16 => "ZSTD_error_frameParameter_windowTooLarge",
        20 => "ZSTD_error_corruption_detected",
        22 => "ZSTD_error_checksum_wrong",
        24 => "ZSTD_error_literals_headerWrong",
        30 => "ZSTD_error_dictionary_corrupted",
        32 => "ZSTD_error_dictionary_wrong",
        34 => "ZSTD_error_dictionaryCreation_failed",
        40 => "ZSTD_error_parameter_unsupported",
        41 => "ZSTD_error_parameter_combination_unsupported",
        42 => "ZSTD_error_parameter_outOfBound",
        44 => "ZSTD_error_tableLog_tooLarge",
        46 => "ZSTD_error_maxSymbolValue_tooLarge",
        48 => "ZSTD_error_maxSymbolValue_tooSmall",
        50 => "ZSTD_error_stabilityCondition_notRespected",
        60 => "ZSTD_error_stage_wrong",
        62 => "ZSTD_error_init_missing",
        64 => "ZSTD_error_memory_allocation",
        66 => "ZSTD_error_workSpace_tooSmall",
        70 => "ZSTD_error_dstSize_tooSmall",
        72 => "ZSTD_error_srcSize_wrong",
        74 => "ZSTD_error_dstBuffer_null",
        80 => "ZSTD_error_noForwardProgress_destFull",
        82 => "ZSTD_error_noForwardProgress_inputEmpty",
        _ => "ZSTD_error_GENERIC",
    };
    CompressError { code: name, errno, message: zstd_safe::get_error_name(code).to_owned() }
}

/// Node's error for a parameter libzstd refuses.
fn parameter_failed() -> CompressError {
    CompressError {
        code: "ERR_ZLIB_INITIALIZATION_FAILED",
        errno: 0,
        message: "Setting parameter failed".into(),
    }
}

impl ZstdEncoder {
    /// Applies `opts.zstd_params` (Node's ids; unknown ones fail as in Node) and
    /// `opts.zstd_pledged_src_size`.
    pub fn new(opts: &Options) -> Result<Self, CompressError> {
        if let Some(&(key, _)) = opts.zstd_params.iter().find(|(k, _)| !COMPRESS_PARAMS.contains(k))
        {
            return Err(invalid_param(key));
        }
        let mut cctx = CCtx::try_create().ok_or_else(CompressError::mem)?;
        for &(key, value) in &opts.zstd_params {
            cctx.set_parameter(c_parameter(key, value)?).map_err(|_| parameter_failed())?;
        }
        let mut encoder = Self { cctx, pledged: opts.zstd_pledged_src_size, finished: false };
        encoder.pledge()?;
        Ok(encoder)
    }

    fn pledge(&mut self) -> Result<(), CompressError> {
        if self.pledged.is_some() {
            self.cctx
                .set_pledged_src_size(self.pledged)
                .map_err(|_| CompressError::init_failed())?;
        }
        Ok(())
    }
}

impl Codec for ZstdEncoder {
    fn process(
        &mut self,
        input: &[u8],
        output: &mut [u8],
        flush: Flush,
    ) -> Result<Progress, CompressError> {
        if self.finished {
            if !input.is_empty() {
                return Err(CompressError::stream("write after end"));
            }
            return Ok(Progress { consumed: 0, produced: 0, stream_end: true });
        }
        let directive = match flush {
            Flush::None => ZSTD_EndDirective::ZSTD_e_continue,
            Flush::Finish => ZSTD_EndDirective::ZSTD_e_end,
            _ => ZSTD_EndDirective::ZSTD_e_flush,
        };
        let mut inb = InBuffer::around(input);
        let mut outb = OutBuffer::around(output);
        loop {
            let (in_before, out_before) = (inb.pos(), outb.pos());
            let remaining = self
                .cctx
                .compress_stream2(&mut outb, &mut inb, directive)
                .map_err(compress_error)?;
            let input_done = inb.pos() == input.len();
            if directive == ZSTD_EndDirective::ZSTD_e_continue {
                if input_done || outb.pos() == outb.capacity() {
                    break;
                }
            } else if remaining == 0 && input_done {
                self.finished = directive == ZSTD_EndDirective::ZSTD_e_end;
                break;
            } else if outb.pos() == outb.capacity() {
                break;
            }
            if inb.pos() == in_before && outb.pos() == out_before {
                break;
            }
        }
        Ok(Progress { consumed: inb.pos(), produced: outb.pos(), stream_end: self.finished })
    }

    fn reset(&mut self) -> Result<(), CompressError> {
        self.cctx.reset(ResetDirective::SessionOnly).map_err(compress_error)?;
        self.finished = false;
        self.pledge()
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
                100 => return Err(parameter_failed()),
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
