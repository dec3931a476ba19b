//! The chunked transfer coding's framing lines (RFC 9112 §7.1): chunk-size lines with
//! extensions, and the CRLF after each chunk's data.
//!
//! Chunk data itself never passes through here: the parser hands it to the handler as
//! slices of the input. This module only steps through the few bytes between chunks, one
//! byte at a time, so a split anywhere resumes exactly where it stopped.

use super::config::Config;
use super::error::{site, Site};
use super::head::TOKEN;

/// Where we are in a chunk-size line or in the CRLF after chunk data.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum ChunkLine {
    /// Reading hex digits; the flag says whether one was read yet.
    Size(bool),
    /// Spaces after the size (lenient only).
    SizeSpaces,
    /// Just after a `;`: an extension name starts, possibly empty.
    ExtStart,
    ExtName,
    /// After `=`: a token value, where a `"` (even mid-token) starts a quoted string.
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
    /// Extension name and value bytes seen on the current size line.
    ext_bytes: usize,
}

impl ChunkScanner {
    /// A scanner at the start of a chunk-size line.
    pub fn new() -> Self {
        ChunkScanner { line: ChunkLine::Size(false), size: 0, ext_bytes: 0 }
    }

    /// Starts a new chunk-size line.
    pub fn start_size(&mut self) {
        self.line = ChunkLine::Size(false);
        self.size = 0;
        self.ext_bytes = 0;
    }

    /// Consumes one framing byte. A rejection carries the failure site and how far past
    /// this byte llhttp stands when it reports it (0 or 1).
    pub fn step(&mut self, b: u8, cfg: &Config) -> Result<Step, (Site, usize)> {
        use ChunkLine::*;
        let lf_ok = cfg.lenient_optional_cr_before_lf;
        if matches!(self.line, ExtName | ExtValue | Quoted | QuotedEscape) && b != b'\r' {
            self.ext_bytes += 1;
            if self.ext_bytes > cfg.max_chunk_extensions {
                return Err((site::CHUNK_EXTENSIONS_OVERFLOW, 0));
            }
        }
        match self.line {
            Size(seen) => {
                if let Some(d) = hex(b) {
                    if self.size > u64::MAX >> 4 {
                        return Err((site::CHUNK_SIZE_OVERFLOW, 1));
                    }
                    self.size = (self.size << 4) | u64::from(d);
                    self.line = Size(true);
                    return Ok(Step::More);
                }
                if !seen {
                    return Err((site::CHUNK_SIZE_CHAR, 0));
                }
                return self.after_size(b, cfg);
            }
            SizeSpaces => {
                if hex(b).is_some() {
                    return Err((site::CHUNK_SIZE_CHAR, 0));
                }
                return self.after_size(b, cfg);
            }
            ExtStart => match b {
                b' ' | b'\r' => return Err((site::EXT_CHAR, 1)),
                _ => {
                    // An empty name is allowed: the byte is the name's first or ends it.
                    self.line = ExtName;
                    return self.step(b, cfg);
                }
            },
            ExtName => match b {
                _ if TOKEN[b as usize] => {}
                b'=' => self.line = ExtValue,
                b';' => self.line = ExtStart,
                b'\r' => self.line = SizeLf,
                b'\n' if lf_ok => return Ok(Step::SizeDone),
                b'\n' => return Err((site::CR_AFTER_EXT_NAME, 0)),
                _ => return Err((site::EXT_NAME_CHAR, 1)),
            },
            ExtValue => match b {
                b'"' => self.line = Quoted,
                _ if TOKEN[b as usize] => {}
                b';' => self.line = ExtStart,
                b'\r' => self.line = SizeLf,
                b'\n' if lf_ok => return Ok(Step::SizeDone),
                b'\n' => return Err((site::CR_AFTER_EXT_VALUE, 0)),
                _ => return Err((site::EXT_VALUE_CHAR, 1)),
            },
            Quoted => match b {
                b'"' => self.line = QuotedEnd,
                b'\\' => self.line = QuotedEscape,
                b'\t' | b' ' | 0x21..=0x7e | 0x80..=0xff => {}
                _ => return Err((site::EXT_QUOTED_CHAR, 1)),
            },
            QuotedEscape => match b {
                b'\t' | b' ' | 0x21..=0x7e | 0x80..=0xff => self.line = Quoted,
                _ => return Err((site::EXT_QUOTED_PAIR, 1)),
            },
            QuotedEnd => match b {
                b';' => self.line = ExtStart,
                b'\r' => self.line = SizeLf,
                b'\n' if lf_ok => return Ok(Step::SizeDone),
                b'\n' => return Err((site::CR_AFTER_EXT_VALUE, 0)),
                _ => return Err((site::EXT_AFTER_QUOTE, 0)),
            },
            SizeLf => {
                if b != b'\n' {
                    if cfg.lenient_optional_lf_after_cr {
                        return Ok(Step::SizeDoneReprocess);
                    }
                    return Err((site::LF_AFTER_CHUNK_SIZE, 0));
                }
                return Ok(Step::SizeDone);
            }
            DataCr => match b {
                b'\r' => self.line = DataLf,
                b'\n' if lf_ok => return Ok(Step::DataDone),
                b'\n' => return Err((site::CR_AFTER_CHUNK_DATA, 1)),
                _ if cfg.lenient_optional_crlf_after_chunk => return Ok(Step::DataDoneReprocess),
                _ => return Err((site::LF_AFTER_CHUNK_DATA, 0)),
            },
            DataLf => {
                if b != b'\n' {
                    if cfg.lenient_optional_lf_after_cr || cfg.lenient_optional_crlf_after_chunk {
                        return Ok(Step::DataDoneReprocess);
                    }
                    return Err((site::LF_AFTER_CHUNK_DATA, 0));
                }
                return Ok(Step::DataDone);
            }
        }
        Ok(Step::More)
    }

    /// The byte after the hex digits (and any lenient spaces) of a chunk-size line.
    fn after_size(&mut self, b: u8, cfg: &Config) -> Result<Step, (Site, usize)> {
        match b {
            b';' => self.line = ChunkLine::ExtStart,
            b'\r' => self.line = ChunkLine::SizeLf,
            b'\n' if cfg.lenient_optional_cr_before_lf => return Ok(Step::SizeDone),
            b'\n' => return Err((site::CR_AFTER_CHUNK_SIZE, 1)),
            b' ' | b'\t' if cfg.lenient_spaces_after_chunk_size => {
                self.line = ChunkLine::SizeSpaces
            }
            b' ' | b'\t' => return Err((site::CHUNK_SIZE_CHAR, 1)),
            _ => return Err((site::CHUNK_SIZE_CHAR, 0)),
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
