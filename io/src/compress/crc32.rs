//! CRC-32 (the gzip/zip polynomial), as Node 22+'s `zlib.crc32(data, value)`.
//!
//! `crc32fast` picks a SIMD (PCLMULQDQ / ARM CRC) path at run time, so this is also what the
//! gzip framing uses for its trailer checksum.

/// CRC-32 of `data`, continuing from `initial` (0 to start), like `zlib.crc32(data, initial)`.
pub fn crc32(data: &[u8], initial: u32) -> u32 {
    let mut hasher = crc32fast::Hasher::new_with_initial(initial);
    hasher.update(data);
    hasher.finalize()
}
