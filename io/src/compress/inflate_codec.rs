//! INFLATE, GUNZIP, INFLATERAW and UNZIP: zlib and gzip framing parsed here, around a
//! backend's raw inflate engine.
//!
//! Headers and trailers are parsed one byte at a time by a small state machine, so input may
//! arrive split anywhere (byte-at-a-time streaming works) and no header is ever buffered
//! whole (a gzip `FNAME` may be any length). Faults are reported with zlib's own messages, in
//! zlib's order: "incorrect header check", "unknown compression method", "invalid window
//! size", "unknown header flags set", "header crc mismatch", "incorrect data check",
//! "incorrect length check"; a zlib stream that needs a dictionary reports Node's "Missing
//! dictionary" / "Bad dictionary" (`Z_NEED_DICT`).
//!
//! After the end of a stream, Node's rules apply:
//! * GUNZIP (and UNZIP that found gzip): if the next byte is not 0 it must start another gzip
//!   member, which is decoded and appended; zero bytes (padding) and everything after them in
//!   the same write are ignored. So garbage that is not zero padding is an error
//!   ("incorrect header check", or "unknown compression method" if it starts `1f 8b`), exactly
//!   as `node` reports it.
//! * INFLATE and INFLATERAW: anything after the end is ignored.
//!
//! Ignored bytes are left unconsumed, as zlib leaves them (`avail_in` > 0 with the stream
//! ended); a caller stops on [`Progress::stream_end`].

use super::{
    Backend, Codec, CompressError, Flush, InflateEngine, Mode, Options, Progress, Strategy,
};

const FTEXT_MASK_RESERVED: u8 = 0xe0;
const FHCRC: u8 = 0x02;
const FEXTRA: u8 = 0x04;
const FNAME: u8 = 0x08;
const FCOMMENT: u8 = 0x10;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Zlib,
    Gzip,
    Raw,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Phase {
    /// UNZIP before the first two bytes have shown which format this is.
    Detect,
    ZlibHeader,
    GzFixed,
    GzXlen,
    GzExtra(u16),
    GzName,
    GzComment,
    GzHcrc,
    Body,
    Trailer,
    Done,
}

/// A decompressing [`Codec`] for the zlib family.
pub struct InflateCodec {
    engine: Box<dyn InflateEngine>,
    mode: Mode,
    kind: Kind,
    phase: Phase,
    /// Window bits from the options; 0 accepts whatever a zlib header says.
    window_bits: u8,
    dictionary: Option<Vec<u8>>,
    /// Bytes of the fixed-size piece being collected (header or trailer).
    buf: Vec<u8>,
    gz_flags: u8,
    header_crc: crc32fast::Hasher,
    adler: adler2::Adler32,
    crc: crc32fast::Hasher,
    isize: u32,
    failed: Option<CompressError>,
}

impl InflateCodec {
    /// Validates `opts` for `mode` (INFLATE, GUNZIP, INFLATERAW or UNZIP) and builds the engine.
    pub fn new(backend: &dyn Backend, mode: Mode, opts: &Options) -> Result<Self, CompressError> {
        let (kind, phase) = match mode {
            Mode::Inflate => (Kind::Zlib, Phase::ZlibHeader),
            Mode::Gunzip => (Kind::Gzip, Phase::GzFixed),
            Mode::InflateRaw => (Kind::Raw, Phase::Body),
            Mode::Unzip => (Kind::Zlib, Phase::Detect),
            _ => return Err(CompressError::init_failed()),
        };
        let params = opts.validate(mode)?;
        // Node hands a dictionary to zlib for INFLATE (on Z_NEED_DICT) and INFLATERAW only.
        let dictionary = match mode {
            Mode::Inflate | Mode::InflateRaw => opts.dictionary.clone(),
            _ => None,
        };
        if dictionary.is_some() && !backend.supports_dictionary() {
            return Err(CompressError::unsupported("A preset dictionary", backend.name()));
        }
        let mut codec = Self {
            engine: backend.inflater()?,
            mode,
            kind,
            phase,
            window_bits: params.window_bits,
            dictionary,
            buf: Vec::with_capacity(10),
            gz_flags: 0,
            header_crc: crc32fast::Hasher::new(),
            adler: adler2::Adler32::new(),
            crc: crc32fast::Hasher::new(),
            isize: 0,
            failed: None,
        };
        codec.start_raw_dictionary()?;
        Ok(codec)
    }

    fn start_raw_dictionary(&mut self) -> Result<(), CompressError> {
        if self.kind == Kind::Raw {
            if let Some(dict) = &self.dictionary {
                self.engine.set_dictionary(dict)?;
            }
        }
        Ok(())
    }

    fn start_member(&mut self, phase: Phase) {
        self.engine.reset();
        self.phase = phase;
        self.buf.clear();
        self.gz_flags = 0;
        self.header_crc = crc32fast::Hasher::new();
        self.adler = adler2::Adler32::new();
        self.crc = crc32fast::Hasher::new();
        self.isize = 0;
    }

    /// The gzip header piece after `done`, given the flags.
    fn next_gzip_phase(&self, done: Phase) -> Phase {
        let order = [
            (Phase::GzXlen, FEXTRA),
            (Phase::GzName, FNAME),
            (Phase::GzComment, FCOMMENT),
            (Phase::GzHcrc, FHCRC),
        ];
        let start = match done {
            Phase::GzFixed => 0,
            Phase::GzXlen | Phase::GzExtra(_) => 1,
            Phase::GzName => 2,
            Phase::GzComment => 3,
            _ => 4,
        };
        order[start.min(4)..]
            .iter()
            .find(|(_, flag)| self.gz_flags & flag != 0)
            .map_or(Phase::Body, |(phase, _)| *phase)
    }

    fn check_zlib_header(&mut self) -> Result<(), CompressError> {
        let (cmf, flg) = (self.buf[0], self.buf[1]);
        if (u16::from(cmf) << 8 | u16::from(flg)) % 31 != 0 {
            return Err(CompressError::data("incorrect header check"));
        }
        if cmf & 0x0f != 8 {
            return Err(CompressError::data("unknown compression method"));
        }
        let len = (cmf >> 4) + 8;
        let max = if self.window_bits == 0 { 15 } else { self.window_bits };
        if len > 15 || len > max {
            return Err(CompressError::data("invalid window size"));
        }
        Ok(())
    }

    fn use_dictionary(&mut self, id: u32) -> Result<(), CompressError> {
        match &self.dictionary {
            None => Err(CompressError::need_dict(false)),
            Some(dict) if adler2::adler32_slice(dict) != id => Err(CompressError::need_dict(true)),
            Some(dict) => self.engine.set_dictionary(dict),
        }
    }

    /// Advances a header or trailer phase by one byte.
    fn header_byte(&mut self, b: u8) -> Result<(), CompressError> {
        match self.phase {
            Phase::Detect => {
                self.buf.push(b);
                if self.buf.len() == 2 {
                    if self.buf[..] == [0x1f, 0x8b] {
                        self.kind = Kind::Gzip;
                        self.phase = Phase::GzFixed;
                        self.header_crc.update(&self.buf);
                    } else {
                        self.phase = Phase::ZlibHeader;
                        self.check_zlib_header()?;
                        if self.buf[1] & 0x20 == 0 {
                            self.phase = Phase::Body;
                        }
                    }
                }
            }
            Phase::ZlibHeader => {
                self.buf.push(b);
                if self.buf.len() == 2 {
                    self.check_zlib_header()?;
                    if self.buf[1] & 0x20 == 0 {
                        self.phase = Phase::Body;
                    }
                } else if self.buf.len() == 6 {
                    let id =
                        u32::from_be_bytes([self.buf[2], self.buf[3], self.buf[4], self.buf[5]]);
                    self.use_dictionary(id)?;
                    self.phase = Phase::Body;
                }
            }
            Phase::GzFixed => {
                self.buf.push(b);
                self.header_crc.update(&[b]);
                match self.buf.len() {
                    2 if self.buf[..] != [0x1f, 0x8b] => {
                        return Err(CompressError::data("incorrect header check"))
                    }
                    3 if b != 8 => return Err(CompressError::data("unknown compression method")),
                    4 => {
                        if b & FTEXT_MASK_RESERVED != 0 {
                            return Err(CompressError::data("unknown header flags set"));
                        }
                        self.gz_flags = b;
                    }
                    10 => {
                        self.buf.clear();
                        self.phase = self.next_gzip_phase(Phase::GzFixed);
                    }
                    _ => {}
                }
            }
            Phase::GzXlen => {
                self.buf.push(b);
                self.header_crc.update(&[b]);
                if self.buf.len() == 2 {
                    let xlen = u16::from_le_bytes([self.buf[0], self.buf[1]]);
                    self.buf.clear();
                    self.phase = if xlen == 0 {
                        self.next_gzip_phase(Phase::GzXlen)
                    } else {
                        Phase::GzExtra(xlen)
                    };
                }
            }
            Phase::GzExtra(left) => {
                self.header_crc.update(&[b]);
                self.phase = if left <= 1 {
                    self.next_gzip_phase(Phase::GzExtra(0))
                } else {
                    Phase::GzExtra(left - 1)
                };
            }
            Phase::GzName | Phase::GzComment => {
                self.header_crc.update(&[b]);
                if b == 0 {
                    self.phase = self.next_gzip_phase(self.phase);
                }
            }
            Phase::GzHcrc => {
                self.buf.push(b);
                if self.buf.len() == 2 {
                    let want = u16::from_le_bytes([self.buf[0], self.buf[1]]);
                    // FHCRC is the low 16 bits of the CRC-32 of the header before it.
                    if want != (self.header_crc.clone().finalize() & 0xffff) as u16 {
                        return Err(CompressError::data("header crc mismatch"));
                    }
                    self.buf.clear();
                    self.phase = Phase::Body;
                }
            }
            Phase::Trailer => {
                self.buf.push(b);
                match (self.kind, self.buf.len()) {
                    (Kind::Zlib, 4) => {
                        let want = u32::from_be_bytes([
                            self.buf[0],
                            self.buf[1],
                            self.buf[2],
                            self.buf[3],
                        ]);
                        if want != self.adler.checksum() {
                            return Err(CompressError::data("incorrect data check"));
                        }
                        self.phase = Phase::Done;
                    }
                    (Kind::Gzip, 8) => {
                        let crc = u32::from_le_bytes([
                            self.buf[0],
                            self.buf[1],
                            self.buf[2],
                            self.buf[3],
                        ]);
                        if crc != self.crc.clone().finalize() {
                            return Err(CompressError::data("incorrect data check"));
                        }
                        let len = u32::from_le_bytes([
                            self.buf[4],
                            self.buf[5],
                            self.buf[6],
                            self.buf[7],
                        ]);
                        if len != self.isize {
                            return Err(CompressError::data("incorrect length check"));
                        }
                        self.phase = Phase::Done;
                    }
                    _ => {}
                }
            }
            Phase::Body | Phase::Done => {}
        }
        Ok(())
    }

    fn track(&mut self, data: &[u8]) {
        match self.kind {
            Kind::Raw => {}
            Kind::Zlib => self.adler.write_slice(data),
            Kind::Gzip => {
                self.crc.update(data);
                self.isize = self.isize.wrapping_add(data.len() as u32);
            }
        }
    }

    fn run(&mut self, input: &[u8], output: &mut [u8]) -> Result<(usize, usize), CompressError> {
        let (mut consumed, mut produced) = (0, 0);
        loop {
            match self.phase {
                Phase::Body => {
                    if produced == output.len() {
                        break;
                    }
                    let (c, p, end) =
                        self.engine.inflate(&input[consumed..], &mut output[produced..])?;
                    self.track(&output[produced..produced + p]);
                    consumed += c;
                    produced += p;
                    if end {
                        self.buf.clear();
                        self.phase =
                            if self.kind == Kind::Raw { Phase::Done } else { Phase::Trailer };
                    } else if c == 0 && p == 0 {
                        break;
                    }
                }
                Phase::Done => {
                    if self.kind == Kind::Gzip && consumed < input.len() && input[consumed] != 0 {
                        self.start_member(Phase::GzFixed);
                        continue;
                    }
                    // Left unconsumed, as zlib leaves it: Node counts only the stream's bytes
                    // in `bytesWritten` and ends the readable side when input is left over.
                    break;
                }
                _ => {
                    if consumed == input.len() {
                        break;
                    }
                    let b = input[consumed];
                    consumed += 1;
                    self.header_byte(b)?;
                }
            }
        }
        Ok((consumed, produced))
    }
}

impl Codec for InflateCodec {
    fn process(
        &mut self,
        input: &[u8],
        output: &mut [u8],
        flush: Flush,
    ) -> Result<Progress, CompressError> {
        if let Some(err) = &self.failed {
            return Err(err.clone());
        }
        let (consumed, produced) = match self.run(input, output) {
            Ok(step) => step,
            Err(err) => {
                self.failed = Some(err.clone());
                return Err(err);
            }
        };
        let stream_end = self.phase == Phase::Done;
        // Node: a Z_FINISH call that leaves output room without reaching the end means the
        // input was cut short.
        if flush == Flush::Finish && !stream_end && produced < output.len() {
            return Err(CompressError::unexpected_eof());
        }
        Ok(Progress { consumed, produced, stream_end })
    }

    fn reset(&mut self) -> Result<(), CompressError> {
        let phase = match self.mode {
            Mode::Inflate => Phase::ZlibHeader,
            Mode::Gunzip => Phase::GzFixed,
            Mode::Unzip => Phase::Detect,
            _ => Phase::Body,
        };
        if self.mode == Mode::Unzip {
            self.kind = Kind::Zlib;
        }
        self.failed = None;
        self.start_member(phase);
        self.start_raw_dictionary()
    }

    fn set_params(&mut self, _level: i32, _strategy: Strategy) -> Result<(), CompressError> {
        Err(CompressError::stream("params() applies to compression only"))
    }

    fn mode(&self) -> Mode {
        self.mode
    }
}
