//! DEFLATE, GZIP and DEFLATERAW: a backend's raw deflate engine wrapped in zlib or gzip
//! framing.
//!
//! The header is queued when the stream starts (and again on reset), the checksum (Adler-32
//! for zlib, CRC-32 plus length for gzip) follows the input as the engine consumes it, and the
//! trailer is queued once the engine reports its final block. Queued bytes drain into whatever
//! output room each call has, so any output buffer size — one byte included — works. Header
//! bytes match zlib's (level flags, `XFL`, `OS` = 3), so output is byte-for-byte comparable
//! with Node's framing.

use super::options::Validated;
use super::{
    Backend, Codec, CompressError, DeflateEngine, DeflateParams, Flush, Mode, Options, Progress,
    Strategy,
};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Framing {
    Zlib,
    Gzip,
    Raw,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum State {
    Body,
    Trailer,
    Done,
}

/// A compressing [`Codec`] for the zlib family.
pub struct DeflateCodec {
    engine: Box<dyn DeflateEngine>,
    mode: Mode,
    framing: Framing,
    params: Validated,
    dictionary: Option<Vec<u8>>,
    pending: Vec<u8>,
    pending_pos: usize,
    adler: adler2::Adler32,
    crc: crc32fast::Hasher,
    isize: u32,
    state: State,
    started: bool,
}

impl DeflateCodec {
    /// Validates `opts` for `mode` (DEFLATE, GZIP or DEFLATERAW) and builds the engine.
    pub fn new(backend: &dyn Backend, mode: Mode, opts: &Options) -> Result<Self, CompressError> {
        let framing = match mode {
            Mode::Deflate => Framing::Zlib,
            Mode::Gzip => Framing::Gzip,
            Mode::DeflateRaw => Framing::Raw,
            _ => return Err(CompressError::init_failed()),
        };
        let mut params = opts.validate(mode)?;
        // zlib turns a window of 256 bytes into 512 (its deflate cannot do 8); Node relies on it.
        params.window_bits = params.window_bits.max(9);
        // Node only applies a dictionary to DEFLATE and DEFLATERAW; gzip ignores it.
        let dictionary = if framing == Framing::Gzip { None } else { opts.dictionary.clone() };
        if dictionary.is_some() && !backend.supports_dictionary() {
            return Err(CompressError::unsupported("A preset dictionary", backend.name()));
        }
        let engine = backend.deflater(&DeflateParams {
            level: params.level,
            window_bits: params.window_bits,
            mem_level: params.mem_level,
            strategy: params.strategy,
        })?;
        let mut codec = Self {
            engine,
            mode,
            framing,
            params,
            dictionary,
            pending: Vec::new(),
            pending_pos: 0,
            adler: adler2::Adler32::new(),
            crc: crc32fast::Hasher::new(),
            isize: 0,
            state: State::Body,
            started: false,
        };
        codec.start()?;
        Ok(codec)
    }

    fn start(&mut self) -> Result<(), CompressError> {
        if let Some(dict) = &self.dictionary {
            self.engine.set_dictionary(dict)?;
        }
        self.adler = adler2::Adler32::new();
        self.crc = crc32fast::Hasher::new();
        self.isize = 0;
        self.state = State::Body;
        self.started = false;
        self.queue_header();
        Ok(())
    }

    fn queue_header(&mut self) {
        self.pending.clear();
        self.pending_pos = 0;
        let Validated { level, window_bits, strategy, .. } = self.params;
        let weak = matches!(strategy, Strategy::HuffmanOnly | Strategy::Rle | Strategy::Fixed)
            || level < 2;
        match self.framing {
            Framing::Raw => {}
            Framing::Zlib => {
                let cmf = ((u16::from(window_bits) - 8) << 4) | 8;
                let level_flags: u16 = if weak {
                    0
                } else if level < 6 {
                    1
                } else if level == 6 {
                    2
                } else {
                    3
                };
                let mut header = (cmf << 8) | (level_flags << 6);
                if self.dictionary.is_some() {
                    header |= 0x20;
                }
                header += 31 - header % 31;
                self.pending.extend_from_slice(&header.to_be_bytes());
                if let Some(dict) = &self.dictionary {
                    self.pending.extend_from_slice(&adler2::adler32_slice(dict).to_be_bytes());
                }
            }
            Framing::Gzip => {
                let xfl = if level == 9 {
                    2
                } else if weak {
                    4
                } else {
                    0
                };
                // ID1 ID2 CM FLG MTIME(4) XFL OS(3 = Unix, as zlib writes on Linux).
                self.pending.extend_from_slice(&[0x1f, 0x8b, 8, 0, 0, 0, 0, 0, xfl, 3]);
            }
        }
    }

    fn queue_trailer(&mut self) {
        self.pending.clear();
        self.pending_pos = 0;
        match self.framing {
            Framing::Raw => {}
            Framing::Zlib => self.pending.extend_from_slice(&self.adler.checksum().to_be_bytes()),
            Framing::Gzip => {
                let crc = self.crc.clone().finalize();
                self.pending.extend_from_slice(&crc.to_le_bytes());
                self.pending.extend_from_slice(&self.isize.to_le_bytes());
            }
        }
    }

    fn drain_pending(&mut self, output: &mut [u8]) -> usize {
        let left = &self.pending[self.pending_pos..];
        let n = left.len().min(output.len());
        output[..n].copy_from_slice(&left[..n]);
        self.pending_pos += n;
        n
    }

    fn track(&mut self, data: &[u8]) {
        match self.framing {
            Framing::Raw => {}
            Framing::Zlib => self.adler.write_slice(data),
            Framing::Gzip => {
                self.crc.update(data);
                // gzip's ISIZE is the length modulo 2^32 by definition.
                self.isize = self.isize.wrapping_add(data.len() as u32);
            }
        }
    }
}

impl Codec for DeflateCodec {
    fn process(
        &mut self,
        input: &[u8],
        output: &mut [u8],
        flush: Flush,
    ) -> Result<Progress, CompressError> {
        if self.state == State::Done && self.pending_pos == self.pending.len() {
            if !input.is_empty() {
                return Err(CompressError::stream("write after end"));
            }
            return Ok(Progress { consumed: 0, produced: 0, stream_end: true });
        }
        let (mut consumed, mut produced) = (0, 0);
        loop {
            produced += self.drain_pending(&mut output[produced..]);
            if self.pending_pos < self.pending.len() {
                break;
            }
            match self.state {
                State::Done => break,
                State::Trailer => {
                    self.state = State::Done;
                    break;
                }
                State::Body => {
                    if produced == output.len() {
                        break;
                    }
                    let (c, p, finished) =
                        self.engine.deflate(&input[consumed..], &mut output[produced..], flush)?;
                    self.track(&input[consumed..consumed + c]);
                    consumed += c;
                    produced += p;
                    if c > 0 || p > 0 {
                        self.started = true;
                    }
                    if finished {
                        self.queue_trailer();
                        self.state = State::Trailer;
                    } else if (c == 0 && p == 0)
                        || (consumed == input.len() && produced < output.len())
                    {
                        // All input taken and output room left: the flush is complete. (Asked
                        // again, an engine may emit another empty sync block, and again…)
                        break;
                    }
                }
            }
        }
        let stream_end = self.state == State::Done && self.pending_pos == self.pending.len();
        Ok(Progress { consumed, produced, stream_end })
    }

    fn reset(&mut self) -> Result<(), CompressError> {
        self.engine.reset();
        self.start()
    }

    fn set_params(&mut self, level: i32, strategy: Strategy) -> Result<(), CompressError> {
        if !(-1..=9).contains(&level) {
            return Err(CompressError::out_of_range("level", -1, 9, level.into()));
        }
        let level = if level == -1 { 6 } else { level };
        if self.started && self.state == State::Body {
            // Sync-flush what the old engine holds into our queue, so the next engine can
            // start a fresh raw stream at a byte boundary: still one valid deflate stream.
            if self.pending_pos == self.pending.len() {
                self.pending.clear();
                self.pending_pos = 0;
            }
            let mut buf = vec![0u8; 64 * 1024];
            loop {
                let (_, p, _) = self.engine.deflate(&[], &mut buf, Flush::Sync)?;
                self.pending.extend_from_slice(&buf[..p]);
                if p < buf.len() {
                    break;
                }
            }
        }
        self.engine.set_params(level, strategy)?;
        if !self.started {
            if let Some(dict) = &self.dictionary {
                self.engine.set_dictionary(dict)?;
            }
        }
        self.params.level = level;
        self.params.strategy = strategy;
        if !self.started && self.pending_pos == 0 {
            // Nothing left yet: the header's level hints can still describe the new level.
            self.queue_header();
        }
        Ok(())
    }

    fn mode(&self) -> Mode {
        self.mode
    }
}
