//! The chunked transfer coding's framing lines (RFC 9112 §7.1): chunk-size lines with
//! extensions, and the CRLF after each chunk's data.
//!
//! Chunk data itself never passes through here: the parser hands it to the handler as
//! slices of the input. This module only steps through the few bytes between chunks, one
//! byte at a time, so a split anywhere resumes exactly where it stopped.

use super::config::Config;
use super::error::ErrorKind;
use super::head::TOKEN;

/// Where we are in a chunk-size line or in the CRLF after chunk data.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum ChunkLine {
    /// Reading hex digits; the flag says whether one was read yet.
    Size(bool),
    /// Spaces after the size (lenient only).
    SizeSpaces,
    /// Just after a `;`: an extension name must start.
    ExtStart,
    ExtName,
    /// Just after `=`.
    ExtValueStart,
    ExtValue,
    Quoted,
    QuotedEscape,
    QuotedEnd,
    /// Saw the CR ending the size line.
    SizeLf,
    /// Expecting the CR after chunk data.
    DataCr,
    /// Expecting the LF after chunk data.
    DataLf,
}

/// What a step of the line scanner produced.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Step {
    /// Byte consumed, line not finished.
    More,
    /// Byte consumed and the size line is finished.
    SizeDone,
    /// A lone CR ended the size line (lenient): the byte was not consumed.
    SizeDoneReprocess,
    /// Byte consumed and the CRLF after the data is finished.
    DataDone,
    /// The CRLF after the data was missing and leniency allows it: the byte was not consumed
    /// and starts the next size line.
    DataDoneReprocess,
}

/// Tracks one chunk-size line and the chunk size it declares.
#[derive(Clone, Copy, Debug)]
pub(crate) struct ChunkScanner {
    /// The current line state.
    pub line: ChunkLine,
    /// The size declared by the last size line.
    pub size: u64,
}

impl ChunkScanner {
    /// A scanner at the start of a chunk-size line.
    pub fn new() -> Self {
        ChunkScanner { line: ChunkLine::Size(false), size: 0 }
    }

    /// Starts a new chunk-size line.
    pub fn start_size(&mut self) {
        self.line = ChunkLine::Size(false);
        self.size = 0;
    }

    /// Consumes one framing byte.
    pub fn step(&mut self, b: u8, cfg: &Config) -> Result<Step, ErrorKind> {
        use ChunkLine::*;
        match self.line {
            Size(seen) => {
                if let Some(d) = hex(b) {
                    if self.size > u64::MAX >> 4 {
                        return Err(ErrorKind::InvalidChunkSize);
                    }
                    self.size = (self.size << 4) | u64::from(d);
                    self.line = Size(true);
                    return Ok(Step::More);
                }
                if !seen {
                    return Err(ErrorKind::InvalidChunkSize);
                }
                match b {
                    b';' => self.line = ExtStart,
                    b'\r' => self.line = SizeLf,
                    b'\n' if cfg.lenient_optional_cr_before_lf => return Ok(Step::SizeDone),
                    b'\n' => return Err(ErrorKind::CrExpected),
                    b' ' | b'\t' if cfg.lenient_spaces_after_chunk_size => self.line = SizeSpaces,
                    _ => return Err(ErrorKind::InvalidChunkSize),
                }
            }
            SizeSpaces => match b {
                b' ' | b'\t' => {}
                b';' => self.line = ExtStart,
                b'\r' => self.line = SizeLf,
                b'\n' if cfg.lenient_optional_cr_before_lf => return Ok(Step::SizeDone),
                b'\n' => return Err(ErrorKind::CrExpected),
                _ => return Err(ErrorKind::InvalidChunkSize),
            },
            ExtStart => {
                if !TOKEN[b as usize] {
                    return Err(ErrorKind::Strict);
                }
                self.line = ExtName;
            }
            ExtName => match b {
                _ if TOKEN[b as usize] => {}
                b'=' => self.line = ExtValueStart,
                _ => return self.after_ext(b, cfg),
            },
            ExtValueStart => match b {
                b'"' => self.line = Quoted,
                _ if TOKEN[b as usize] => self.line = ExtValue,
                _ => return self.after_ext(b, cfg),
            },
            ExtValue => {
                if !TOKEN[b as usize] {
                    return self.after_ext(b, cfg);
                }
            }
            Quoted => match b {
                b'"' => self.line = QuotedEnd,
                b'\\' => self.line = QuotedEscape,
                b'\t' | b' ' | 0x21..=0x7e | 0x80..=0xff => {}
                _ => return Err(ErrorKind::Strict),
            },
            QuotedEscape => match b {
                b'\t' | b' ' | 0x21..=0x7e | 0x80..=0xff => self.line = Quoted,
                _ => return Err(ErrorKind::Strict),
            },
            QuotedEnd => return self.after_ext(b, cfg),
            SizeLf => {
                if b != b'\n' {
                    if cfg.lenient_optional_lf_after_cr {
                        return Ok(Step::SizeDoneReprocess);
                    }
                    return Err(ErrorKind::LfExpected);
                }
                return Ok(Step::SizeDone);
            }
            DataCr => match b {
                b'\r' => self.line = DataLf,
                b'\n' if cfg.lenient_optional_cr_before_lf => return Ok(Step::DataDone),
                b'\n' => return Err(ErrorKind::CrExpected),
                _ if cfg.lenient_optional_crlf_after_chunk => return Ok(Step::DataDoneReprocess),
                _ => return Err(ErrorKind::Strict),
            },
            DataLf => {
                if b != b'\n' {
                    if cfg.lenient_optional_lf_after_cr || cfg.lenient_optional_crlf_after_chunk {
                        return Ok(Step::DataDoneReprocess);
                    }
                    return Err(ErrorKind::LfExpected);
                }
                return Ok(Step::DataDone);
            }
        }
        Ok(Step::More)
    }

    /// The byte after a complete extension name or value: another extension or the line end.
    fn after_ext(&mut self, b: u8, cfg: &Config) -> Result<Step, ErrorKind> {
        match b {
            b';' => self.line = ChunkLine::ExtStart,
            b'\r' => self.line = ChunkLine::SizeLf,
            b'\n' if cfg.lenient_optional_cr_before_lf => return Ok(Step::SizeDone),
            b'\n' => return Err(ErrorKind::CrExpected),
            _ => return Err(ErrorKind::Strict),
        }
        Ok(Step::More)
    }
}

#[inline]
fn hex(b: u8) -> Option<u8> {
    match b {
        b'0'..=b'9' => Some(b - b'0'),
        b'a'..=b'f' => Some(b - b'a' + 10),
        b'A'..=b'F' => Some(b - b'A' + 10),
        _ => None,
    }
}
