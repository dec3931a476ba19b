//! `internalBinding('crypto')`, cipher part: `createCipheriv`/`createDecipheriv` for AES
//! (CBC, ECB, CTR, CFB, CFB8, OFB, GCM, CCM, key wrap), triple DES (CBC, ECB) and
//! ChaCha20-Poly1305, and `getCipherInfo`.
//!
//! Every cipher is streaming, as OpenSSL's EVP interface is: `cipherUpdate` returns output
//! at once (block modes hold back a partial block, and decryption with padding its last
//! block). The AEADs are built here from RustCrypto's keystreams and universal hashes
//! (`ctr` + `ghash`, `chacha20` + `poly1305`) because the AEAD crates (and ring) are
//! one-shot, take only 96-bit nonces and full-length tags, while Node streams, accepts any
//! GCM IV length and tags of 4 to 16 bytes. A running cipher lives in a table in the op state
//! and JS holds its id, as with hashes.

use std::collections::HashMap;

use aes::cipher::consts::U16;
use aes::cipher::generic_array::ArrayLength;
use aes::cipher::generic_array::GenericArray;
use aes::cipher::{
    BlockCipher, BlockDecrypt, BlockDecryptMut, BlockEncrypt, BlockEncryptMut, BlockSizeUser,
    KeyInit, KeyIvInit, StreamCipher,
};
use aes::{Aes128, Aes192, Aes256};
use engine::{HostValue, Op, OpCtx, OpResult, ThrowError};
use ghash::universal_hash::UniversalHash;

pub(super) const OPS: &[Op] = &[
    Op { binding: "crypto", name: "cipherCreate", func: cipher_create },
    Op { binding: "crypto", name: "cipherUpdate", func: cipher_update },
    Op { binding: "crypto", name: "cipherFinal", func: cipher_final },
    Op { binding: "crypto", name: "cipherSetAutoPadding", func: cipher_set_auto_padding },
    Op { binding: "crypto", name: "cipherSetAAD", func: cipher_set_aad },
    Op { binding: "crypto", name: "cipherGetAuthTag", func: cipher_get_auth_tag },
    Op { binding: "crypto", name: "cipherSetAuthTag", func: cipher_set_auth_tag },
    Op { binding: "crypto", name: "cipherFree", func: cipher_free },
    Op { binding: "crypto", name: "cipherInfo", func: cipher_info },
    Op { binding: "crypto", name: "cipherNames", func: cipher_names },
];

/// A cipher operation applied in place to a run of bytes (blocks or keystream).
type Transform = Box<dyn FnMut(&mut [u8]) + Send>;

/// How a cipher chains blocks.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Mode {
    Cbc,
    Ecb,
    Ctr,
    Cfb,
    Cfb8,
    Ofb,
    Gcm,
    Ccm,
    Ocb,
    ChaChaPoly,
    /// AES key wrap (RFC 3394).
    Wrap,
    /// AES key wrap with padding (RFC 5649).
    WrapPad,
}

impl Mode {
    /// The name `getCipherInfo()` reports.
    fn label(self) -> &'static str {
        match self {
            Mode::Cbc => "cbc",
            Mode::Ecb => "ecb",
            Mode::Ctr => "ctr",
            Mode::Cfb | Mode::Cfb8 => "cfb",
            Mode::Ofb => "ofb",
            Mode::Gcm => "gcm",
            Mode::Ccm => "ccm",
            Mode::Ocb => "ocb",
            Mode::ChaChaPoly => "stream",
            Mode::Wrap | Mode::WrapPad => "wrap",
        }
    }

    fn is_aead(self) -> bool {
        matches!(self, Mode::Gcm | Mode::Ccm | Mode::Ocb | Mode::ChaChaPoly)
    }
}

/// One cipher as OpenSSL describes it.
struct Spec {
    /// OpenSSL's (lower-cased) long name.
    name: &'static str,
    nid: i32,
    mode: Mode,
    key_len: usize,
    iv_len: usize,
    block_size: usize,
}

const fn aes(name: &'static str, nid: i32, mode: Mode, bits: usize) -> Spec {
    let (iv_len, block_size) = match mode {
        Mode::Cbc => (16, 16),
        Mode::Ecb => (0, 16),
        Mode::Gcm | Mode::Ccm => (12, 1),
        Mode::Ocb => (12, 16),
        Mode::Wrap => (8, 8),
        Mode::WrapPad => (4, 8),
        _ => (16, 1),
    };
    Spec { name, nid, mode, key_len: bits / 8, iv_len, block_size }
}

const fn des(name: &'static str, nid: i32, mode: Mode, key_len: usize) -> Spec {
    let iv_len = if matches!(mode, Mode::Cbc) { 8 } else { 0 };
    Spec { name, nid, mode, key_len, iv_len, block_size: 8 }
}

/// The ciphers offered, by OpenSSL name and NID.
const SPECS: &[Spec] = &[
    aes("aes-128-cbc", 419, Mode::Cbc, 128),
    aes("aes-192-cbc", 423, Mode::Cbc, 192),
    aes("aes-256-cbc", 427, Mode::Cbc, 256),
    aes("aes-128-ecb", 418, Mode::Ecb, 128),
    aes("aes-192-ecb", 422, Mode::Ecb, 192),
    aes("aes-256-ecb", 426, Mode::Ecb, 256),
    aes("aes-128-ctr", 904, Mode::Ctr, 128),
    aes("aes-192-ctr", 905, Mode::Ctr, 192),
    aes("aes-256-ctr", 906, Mode::Ctr, 256),
    aes("aes-128-cfb", 421, Mode::Cfb, 128),
    aes("aes-192-cfb", 425, Mode::Cfb, 192),
    aes("aes-256-cfb", 429, Mode::Cfb, 256),
    aes("aes-128-cfb8", 653, Mode::Cfb8, 128),
    aes("aes-192-cfb8", 654, Mode::Cfb8, 192),
    aes("aes-256-cfb8", 655, Mode::Cfb8, 256),
    aes("aes-128-ofb", 420, Mode::Ofb, 128),
    aes("aes-192-ofb", 424, Mode::Ofb, 192),
    aes("aes-256-ofb", 428, Mode::Ofb, 256),
    aes("id-aes128-gcm", 895, Mode::Gcm, 128),
    aes("id-aes192-gcm", 898, Mode::Gcm, 192),
    aes("id-aes256-gcm", 901, Mode::Gcm, 256),
    aes("id-aes128-ccm", 896, Mode::Ccm, 128),
    aes("id-aes192-ccm", 899, Mode::Ccm, 192),
    aes("id-aes256-ccm", 902, Mode::Ccm, 256),
    aes("aes-128-ocb", 958, Mode::Ocb, 128),
    aes("aes-192-ocb", 959, Mode::Ocb, 192),
    aes("aes-256-ocb", 960, Mode::Ocb, 256),
    aes("id-aes128-wrap", 788, Mode::Wrap, 128),
    aes("id-aes192-wrap", 789, Mode::Wrap, 192),
    aes("id-aes256-wrap", 790, Mode::Wrap, 256),
    aes("id-aes128-wrap-pad", 897, Mode::WrapPad, 128),
    aes("id-aes192-wrap-pad", 900, Mode::WrapPad, 192),
    aes("id-aes256-wrap-pad", 903, Mode::WrapPad, 256),
    des("des-ede3-cbc", 44, Mode::Cbc, 24),
    des("des-ede3", 33, Mode::Ecb, 24),
    des("des-ede-cbc", 43, Mode::Cbc, 16),
    des("des-ede", 32, Mode::Ecb, 16),
    Spec {
        name: "chacha20-poly1305",
        nid: 1018,
        mode: Mode::ChaChaPoly,
        key_len: 32,
        iv_len: 12,
        block_size: 1,
    },
];

/// Other names OpenSSL accepts, and the cipher each stands for.
const ALIASES: &[(&str, &str)] = &[
    ("aes128", "aes-128-cbc"),
    ("aes192", "aes-192-cbc"),
    ("aes256", "aes-256-cbc"),
    ("aes-128-gcm", "id-aes128-gcm"),
    ("aes-192-gcm", "id-aes192-gcm"),
    ("aes-256-gcm", "id-aes256-gcm"),
    ("aes-128-ccm", "id-aes128-ccm"),
    ("aes-192-ccm", "id-aes192-ccm"),
    ("aes-256-ccm", "id-aes256-ccm"),
    ("aes128-wrap", "id-aes128-wrap"),
    ("aes192-wrap", "id-aes192-wrap"),
    ("aes256-wrap", "id-aes256-wrap"),
    ("aes128-wrap-pad", "id-aes128-wrap-pad"),
    ("aes192-wrap-pad", "id-aes192-wrap-pad"),
    ("aes256-wrap-pad", "id-aes256-wrap-pad"),
    ("des3", "des-ede3-cbc"),
    ("des-ede3-ecb", "des-ede3"),
    ("des-ede-ecb", "des-ede"),
];

/// The names `crypto.getCiphers()` lists for the ciphers offered, sorted as Node's are.
const LISTED_NAMES: &[&str] = &[
    "aes-128-cbc",
    "aes-128-ccm",
    "aes-128-cfb",
    "aes-128-cfb8",
    "aes-128-ctr",
    "aes-128-ecb",
    "aes-128-gcm",
    "aes-128-ocb",
    "aes-128-ofb",
    "aes-192-cbc",
    "aes-192-ccm",
    "aes-192-cfb",
    "aes-192-cfb8",
    "aes-192-ctr",
    "aes-192-ecb",
    "aes-192-gcm",
    "aes-192-ocb",
    "aes-192-ofb",
    "aes-256-cbc",
    "aes-256-ccm",
    "aes-256-cfb",
    "aes-256-cfb8",
    "aes-256-ctr",
    "aes-256-ecb",
    "aes-256-gcm",
    "aes-256-ocb",
    "aes-256-ofb",
    "aes128",
    "aes128-wrap",
    "aes128-wrap-pad",
    "aes192",
    "aes192-wrap",
    "aes192-wrap-pad",
    "aes256",
    "aes256-wrap",
    "aes256-wrap-pad",
    "chacha20-poly1305",
    "des-ede",
    "des-ede-cbc",
    "des-ede-ecb",
    "des-ede3",
    "des-ede3-cbc",
    "des-ede3-ecb",
    "des3",
    "id-aes128-CCM",
    "id-aes128-GCM",
    "id-aes128-wrap",
    "id-aes128-wrap-pad",
    "id-aes192-CCM",
    "id-aes192-GCM",
    "id-aes192-wrap",
    "id-aes192-wrap-pad",
    "id-aes256-CCM",
    "id-aes256-GCM",
    "id-aes256-wrap",
    "id-aes256-wrap-pad",
];

impl Spec {
    /// The cipher a (case-insensitive) OpenSSL name stands for.
    fn by_name(name: &str) -> Option<&'static Spec> {
        let lower = name.to_ascii_lowercase();
        let canonical =
            ALIASES.iter().find(|(alias, _)| *alias == lower).map_or(lower.as_str(), |(_, c)| c);
        SPECS.iter().find(|s| s.name == canonical)
    }

    /// Whether this is triple DES rather than AES.
    fn is_des(&self) -> bool {
        self.name.starts_with("des")
    }

    fn by_nid(nid: i32) -> Option<&'static Spec> {
        SPECS.iter().find(|s| s.nid == nid)
    }

    /// Whether `len` is an IV length this cipher takes (GCM takes any non-empty IV).
    fn iv_ok(&self, len: usize) -> bool {
        match self.mode {
            Mode::Gcm => len > 0,
            Mode::Ccm => (7..=13).contains(&len),
            Mode::Ocb => (1..=15).contains(&len),
            _ => len == self.iv_len,
        }
    }
}

/// An OpenSSL-style error (`error:…:Provider routines::reason`), as Node shapes it.
fn openssl_error(packed: &str, reason: &str) -> ThrowError {
    let message = format!("error:{packed}:Provider routines::{reason}");
    let code = format!("ERR_OSSL_{}", reason.to_ascii_uppercase().replace(' ', "_"));
    ThrowError::error(message.clone())
        .with("opensslErrorStack", HostValue::Array(vec![message.into()]))
        .with("library", "Provider routines")
        .with("reason", reason)
        .with("code", code)
}

fn bad_decrypt() -> ThrowError {
    openssl_error("1C800064", "bad decrypt")
}

fn wrong_final_block_length() -> ThrowError {
    openssl_error("1C80006B", "wrong final block length")
}

/// The failure Node reports for a wrong AEAD tag (or none).
fn auth_failed() -> ThrowError {
    ThrowError::error("Unsupported state or unable to authenticate data")
}

/// The encryption or decryption of one mode, fed bytes as they come.
trait Engine: Send {
    /// Processes `input`, returning what is ready.
    fn update(&mut self, input: &[u8]) -> Result<Vec<u8>, ThrowError>;
    /// Ends the stream, returning what was held back.
    fn finish(&mut self, padding: bool) -> Result<Vec<u8>, ThrowError>;
    /// Adds authenticated data; false where the mode has none or data has started.
    fn add_aad(&mut self, _aad: &[u8]) -> bool {
        false
    }
    /// Declares the message length before the data (CCM needs it up front).
    fn declare_len(&mut self, _len: usize) {}
    /// Sets the tag length, which CCM's MAC input includes.
    fn set_tag_len(&mut self, _len: usize) {}
    /// The full tag once finished (encryption), for AEAD modes.
    fn tag(&self) -> Option<Vec<u8>> {
        None
    }
    /// Sets the tag to check at the end (decryption), for AEAD modes.
    fn expect_tag(&mut self, _tag: &[u8]) {}
}

/// A block mode (CBC, ECB): whole blocks go through `blocks`, the rest waits, and the end
/// is PKCS#7-padded (or must be whole, without padding).
struct Blocked {
    blocks: Transform,
    block_size: usize,
    encrypt: bool,
    padding: bool,
    pending: Vec<u8>,
}

impl Engine for Blocked {
    fn update(&mut self, input: &[u8]) -> Result<Vec<u8>, ThrowError> {
        let size = self.block_size;
        self.pending.extend_from_slice(input);
        let mut ready = self.pending.len() / size * size;
        // Decrypting with padding, the last whole block may be the padded one: keep it.
        if !self.encrypt && self.padding && ready == self.pending.len() && ready > 0 {
            ready -= size;
        }
        let mut out: Vec<u8> = self.pending.drain(..ready).collect();
        (self.blocks)(&mut out);
        Ok(out)
    }

    fn finish(&mut self, padding: bool) -> Result<Vec<u8>, ThrowError> {
        let size = self.block_size;
        let mut last = std::mem::take(&mut self.pending);
        if self.encrypt && padding {
            let pad = size - last.len() % size;
            last.resize(last.len() + pad, pad as u8);
        } else if !self.encrypt && padding {
            if last.len() != size {
                return Err(wrong_final_block_length());
            }
        } else if !last.len().is_multiple_of(size) {
            return Err(wrong_final_block_length());
        }
        (self.blocks)(&mut last);
        if !self.encrypt && padding {
            let pad = usize::from(last[size - 1]);
            if pad == 0 || pad > size || last[size - pad..].iter().any(|&b| usize::from(b) != pad) {
                return Err(bad_decrypt());
            }
            last.truncate(size - pad);
        }
        Ok(last)
    }
}

/// A stream mode (CTR, CFB, OFB): every byte comes out at once.
struct Streamed {
    apply: Transform,
}

impl Engine for Streamed {
    fn update(&mut self, input: &[u8]) -> Result<Vec<u8>, ThrowError> {
        let mut out = input.to_vec();
        (self.apply)(&mut out);
        Ok(out)
    }

    fn finish(&mut self, _padding: bool) -> Result<Vec<u8>, ThrowError> {
        Ok(Vec::new())
    }
}

/// The universal hash of an AEAD.
enum Mac {
    Ghash(ghash::GHash),
    Poly(Box<poly1305::Poly1305>),
}

impl Mac {
    fn update_padded(&mut self, data: &[u8]) {
        match self {
            Mac::Ghash(h) => h.update_padded(data),
            Mac::Poly(h) => h.update_padded(data),
        }
    }
}

/// GCM or ChaCha20-Poly1305: a keystream plus a universal hash over the AAD and the
/// ciphertext, streamed a block at a time.
struct Aead {
    keystream: Transform,
    mac: Option<Mac>,
    /// GCM's E(K, J0), XORed into the hash to make the tag.
    tag_mask: Option<[u8; 16]>,
    encrypt: bool,
    aad: Vec<u8>,
    /// Whether the AAD is hashed (data has started).
    aad_done: bool,
    /// Ciphertext not yet hashed (less than a block).
    partial: Vec<u8>,
    text_len: u64,
    expected: Option<Vec<u8>>,
    tag: Option<[u8; 16]>,
}

impl Aead {
    fn close_aad(&mut self) {
        if !self.aad_done {
            self.aad_done = true;
            let aad = std::mem::take(&mut self.aad);
            if let Some(mac) = &mut self.mac {
                mac.update_padded(&aad);
            }
            self.aad = aad;
        }
    }

    /// Hashes ciphertext, whole blocks now and the rest when more comes. Only a partial
    /// block is ever copied: a large update is hashed where it lies.
    fn hash_text(&mut self, mut text: &[u8]) {
        self.text_len += text.len() as u64;
        let Some(mac) = &mut self.mac else { return };
        if !self.partial.is_empty() {
            let fill = (16 - self.partial.len()).min(text.len());
            self.partial.extend_from_slice(&text[..fill]);
            text = &text[fill..];
            if self.partial.len() < 16 {
                return;
            }
            mac.update_padded(&self.partial);
            self.partial.clear();
        }
        let whole = text.len() / 16 * 16;
        mac.update_padded(&text[..whole]);
        self.partial.extend_from_slice(&text[whole..]);
    }
}

impl Engine for Aead {
    fn update(&mut self, input: &[u8]) -> Result<Vec<u8>, ThrowError> {
        self.close_aad();
        let mut out = input.to_vec();
        if !self.encrypt {
            self.hash_text(input);
        }
        (self.keystream)(&mut out);
        if self.encrypt {
            self.hash_text(&out);
        }
        Ok(out)
    }

    fn finish(&mut self, _padding: bool) -> Result<Vec<u8>, ThrowError> {
        self.close_aad();
        let Some(mut mac) = self.mac.take() else { return Err(auth_failed()) };
        mac.update_padded(&self.partial);
        let (aad_len, text_len) = (self.aad.len() as u64, self.text_len);
        let full: [u8; 16] = match mac {
            Mac::Ghash(mut h) => {
                let mut lengths = [0u8; 16];
                lengths[..8].copy_from_slice(&(aad_len * 8).to_be_bytes());
                lengths[8..].copy_from_slice(&(text_len * 8).to_be_bytes());
                h.update_padded(&lengths);
                let mut tag: [u8; 16] = h.finalize().into();
                for (t, m) in tag.iter_mut().zip(self.tag_mask.unwrap_or_default()) {
                    *t ^= m;
                }
                tag
            }
            Mac::Poly(mut h) => {
                let mut lengths = [0u8; 16];
                lengths[..8].copy_from_slice(&aad_len.to_le_bytes());
                lengths[8..].copy_from_slice(&text_len.to_le_bytes());
                h.update_padded(&lengths);
                h.finalize().into()
            }
        };
        if self.encrypt {
            self.tag = Some(full);
            return Ok(Vec::new());
        }
        let Some(expected) = &self.expected else { return Err(auth_failed()) };
        let difference = expected.iter().zip(&full).fold(0u8, |acc, (a, b)| acc | (a ^ b));
        if difference != 0 {
            return Err(auth_failed());
        }
        Ok(Vec::new())
    }

    fn add_aad(&mut self, aad: &[u8]) -> bool {
        if self.aad_done {
            return false;
        }
        self.aad.extend_from_slice(aad);
        true
    }

    fn tag(&self) -> Option<Vec<u8>> {
        self.tag.map(|t| t.to_vec())
    }

    fn expect_tag(&mut self, tag: &[u8]) {
        self.expected = Some(tag.to_vec());
    }
}

/// AES key wrap (RFC 3394) and its padded form (RFC 5649), as OpenSSL's wrap ciphers: each
/// update wraps or unwraps its whole input at once.
struct KeyWrap<C> {
    cipher: C,
    iv: Vec<u8>,
    pad: bool,
    encrypt: bool,
}

impl<C: AesLike> KeyWrap<C> {
    /// The AES block operation on `block`, forwards or backwards.
    fn block(&self, block: &mut [u8; 16], forward: bool) {
        let b = GenericArray::from_mut_slice(block);
        if forward {
            self.cipher.encrypt_block(b);
        } else {
            self.cipher.decrypt_block(b);
        }
    }

    /// RFC 3394 §2.2.1 on 64-bit blocks `r` with the initial value `a`.
    fn wrap(&self, mut a: [u8; 8], r: &mut [[u8; 8]]) -> [u8; 8] {
        let n = r.len() as u64;
        for j in 0..6u64 {
            for (i, ri) in r.iter_mut().enumerate() {
                let mut b = [0u8; 16];
                b[..8].copy_from_slice(&a);
                b[8..].copy_from_slice(ri);
                self.block(&mut b, true);
                let t = n * j + i as u64 + 1;
                a.copy_from_slice(&b[..8]);
                for (x, y) in a.iter_mut().zip(t.to_be_bytes()) {
                    *x ^= y;
                }
                ri.copy_from_slice(&b[8..]);
            }
        }
        a
    }

    /// RFC 3394 §2.2.2: the recovered initial value; `r` is unwrapped in place.
    fn unwrap(&self, mut a: [u8; 8], r: &mut [[u8; 8]]) -> [u8; 8] {
        let n = r.len() as u64;
        for j in (0..6u64).rev() {
            for (i, ri) in r.iter_mut().enumerate().rev() {
                let t = n * j + i as u64 + 1;
                for (x, y) in a.iter_mut().zip(t.to_be_bytes()) {
                    *x ^= y;
                }
                let mut b = [0u8; 16];
                b[..8].copy_from_slice(&a);
                b[8..].copy_from_slice(ri);
                self.block(&mut b, false);
                a.copy_from_slice(&b[..8]);
                ri.copy_from_slice(&b[8..]);
            }
        }
        a
    }

    fn to_blocks(data: &[u8]) -> Vec<[u8; 8]> {
        data.chunks_exact(8).map(|c| c.try_into().expect("8-byte chunk")).collect()
    }

    fn join(a: [u8; 8], r: &[[u8; 8]]) -> Vec<u8> {
        let mut out = a.to_vec();
        r.iter().for_each(|b| out.extend_from_slice(b));
        out
    }

    fn seal(&self, input: &[u8]) -> Result<Vec<u8>, ThrowError> {
        if !self.pad {
            if input.len() < 16 || !input.len().is_multiple_of(8) {
                return Err(wrap_failed());
            }
            let mut r = Self::to_blocks(input);
            let a = self.wrap(self.iv[..8].try_into().expect("8-byte IV"), &mut r);
            return Ok(Self::join(a, &r));
        }
        if input.is_empty() {
            return Err(wrap_failed());
        }
        let mut a = [0u8; 8];
        a[..4].copy_from_slice(&self.iv[..4]);
        a[4..].copy_from_slice(&(input.len() as u32).to_be_bytes());
        let mut padded = input.to_vec();
        padded.resize(input.len().div_ceil(8) * 8, 0);
        if padded.len() == 8 {
            let mut b = [0u8; 16];
            b[..8].copy_from_slice(&a);
            b[8..].copy_from_slice(&padded);
            self.block(&mut b, true);
            return Ok(b.to_vec());
        }
        let mut r = Self::to_blocks(&padded);
        let a = self.wrap(a, &mut r);
        Ok(Self::join(a, &r))
    }

    fn open(&self, input: &[u8]) -> Result<Vec<u8>, ThrowError> {
        if input.len() < 16 || !input.len().is_multiple_of(8) {
            return Err(wrap_failed());
        }
        let first: [u8; 8] = input[..8].try_into().expect("8 bytes");
        let mut r = Self::to_blocks(&input[8..]);
        let (a, plain) = if self.pad && r.len() == 1 {
            let mut b: [u8; 16] = input.try_into().expect("16 bytes");
            self.block(&mut b, false);
            (b[..8].try_into().expect("8 bytes"), b[8..].to_vec())
        } else {
            let a = self.unwrap(first, &mut r);
            (a, r.concat())
        };
        if !self.pad {
            return if a[..] == self.iv[..8] { Ok(plain) } else { Err(wrap_failed()) };
        }
        let len = u32::from_be_bytes(a[4..].try_into().expect("4 bytes")) as usize;
        let ok = a[..4] == self.iv[..4]
            && len <= plain.len()
            && len + 8 > plain.len()
            && plain[len..].iter().all(|&b| b == 0);
        if !ok {
            return Err(wrap_failed());
        }
        Ok(plain[..len].to_vec())
    }
}

/// What OpenSSL reports for input a wrap cipher cannot take or an unwrap that fails.
fn wrap_failed() -> ThrowError {
    ThrowError::error("Trying to add data in unsupported state")
}

impl<C: AesLike> Engine for KeyWrap<C> {
    fn update(&mut self, input: &[u8]) -> Result<Vec<u8>, ThrowError> {
        if self.encrypt {
            self.seal(input)
        } else {
            self.open(input)
        }
    }

    fn finish(&mut self, _padding: bool) -> Result<Vec<u8>, ThrowError> {
        Ok(Vec::new())
    }
}

/// AES-CCM (NIST SP 800-38C, RFC 3610). The whole message must be known before the tag,
/// so, as in OpenSSL, it takes one update: the MAC and the keystream run over it there.
struct Ccm<C> {
    cipher: C,
    nonce: Vec<u8>,
    encrypt: bool,
    aad: Vec<u8>,
    /// The message length given with the AAD (`plaintextLength`).
    declared: Option<usize>,
    tag_len: usize,
    updated: bool,
    /// The full tag (before truncation), once computed.
    tag: Option<[u8; 16]>,
    expected: Option<Vec<u8>>,
    /// Decryption whose tag did not match (reported by `final()`, as Node does).
    failed: bool,
}

/// The largest CCM message for a nonce of `nonce_len` bytes: the length field has
/// 15 - nonce_len bytes.
fn ccm_max_len(nonce_len: usize) -> u64 {
    let bits = 8 * (15 - nonce_len as u32);
    if bits >= 64 {
        u64::MAX
    } else {
        (1u64 << bits) - 1
    }
}

impl<C: AesLike> Ccm<C> {
    fn encrypt_block(&self, block: &mut [u8; 16]) {
        self.cipher.encrypt_block(GenericArray::from_mut_slice(block));
    }

    /// Counter block `i`: flags (L - 1), the nonce, and `i` in the last L bytes.
    fn counter(&self, i: u64) -> [u8; 16] {
        let l = 15 - self.nonce.len();
        let mut block = [0u8; 16];
        block[0] = (l - 1) as u8;
        block[1..1 + self.nonce.len()].copy_from_slice(&self.nonce);
        let bytes = i.to_be_bytes();
        block[16 - l.min(8)..].copy_from_slice(&bytes[8 - l.min(8)..]);
        block
    }

    /// XORs the CTR keystream (from counter 1) into `data`.
    fn apply_keystream(&self, data: &mut [u8]) {
        for (i, chunk) in data.chunks_mut(16).enumerate() {
            let mut ks = self.counter(i as u64 + 1);
            self.encrypt_block(&mut ks);
            chunk.iter_mut().zip(ks).for_each(|(d, k)| *d ^= k);
        }
    }

    /// The CBC-MAC of B0, the encoded AAD and the message, masked with E(K, counter 0).
    fn mac(&self, message: &[u8], tag_len: usize) -> [u8; 16] {
        let l = 15 - self.nonce.len();
        let mut input = Vec::with_capacity(32 + self.aad.len() + message.len());
        let mut b0 = [0u8; 16];
        b0[0] = (u8::from(!self.aad.is_empty()) << 6)
            | ((((tag_len - 2) / 2) as u8) << 3)
            | (l - 1) as u8;
        b0[1..1 + self.nonce.len()].copy_from_slice(&self.nonce);
        let len = (message.len() as u64).to_be_bytes();
        b0[16 - l.min(8)..].copy_from_slice(&len[8 - l.min(8)..]);
        input.extend_from_slice(&b0);
        if !self.aad.is_empty() {
            let a = self.aad.len() as u64;
            if a < 0xff00 {
                input.extend_from_slice(&(a as u16).to_be_bytes());
            } else if a <= u64::from(u32::MAX) {
                input.extend_from_slice(&[0xff, 0xfe]);
                input.extend_from_slice(&(a as u32).to_be_bytes());
            } else {
                input.extend_from_slice(&[0xff, 0xff]);
                input.extend_from_slice(&a.to_be_bytes());
            }
            input.extend_from_slice(&self.aad);
            input.resize(input.len().div_ceil(16) * 16, 0);
        }
        input.extend_from_slice(message);
        input.resize(input.len().div_ceil(16) * 16, 0);
        let mut y = [0u8; 16];
        for block in input.chunks_exact(16) {
            y.iter_mut().zip(block).for_each(|(a, b)| *a ^= b);
            self.encrypt_block(&mut y);
        }
        let mut s0 = self.counter(0);
        self.encrypt_block(&mut s0);
        y.iter_mut().zip(s0).for_each(|(a, b)| *a ^= b);
        y
    }

    /// Runs the one update: encrypts (or decrypts and checks) `input`.
    fn process(&mut self, input: &[u8], tag_len: usize) -> Result<Vec<u8>, ThrowError> {
        if self.updated || self.declared.is_some_and(|len| len != input.len()) {
            return Err(ThrowError::error("Trying to add data in unsupported state"));
        }
        self.updated = true;
        let mut out = input.to_vec();
        if self.encrypt {
            self.tag = Some(self.mac(input, tag_len));
            self.apply_keystream(&mut out);
            return Ok(out);
        }
        self.apply_keystream(&mut out);
        let full = self.mac(&out, tag_len);
        let matches = self.expected.as_ref().is_some_and(|expected| {
            expected.iter().zip(&full).fold(0u8, |acc, (a, b)| acc | (a ^ b)) == 0
        });
        if !matches {
            self.failed = true;
            return Ok(Vec::new());
        }
        Ok(out)
    }
}

impl<C: AesLike> Engine for Ccm<C> {
    fn update(&mut self, input: &[u8]) -> Result<Vec<u8>, ThrowError> {
        self.process(input, self.tag_len)
    }

    fn finish(&mut self, _padding: bool) -> Result<Vec<u8>, ThrowError> {
        if self.encrypt && !self.updated {
            return Err(openssl_error("1C800077", "tag not set"));
        }
        if self.failed {
            return Err(auth_failed());
        }
        Ok(Vec::new())
    }

    fn add_aad(&mut self, aad: &[u8]) -> bool {
        // OpenSSL takes AAD after the data without complaint, and without effect.
        if !self.updated {
            self.aad.extend_from_slice(aad);
        }
        true
    }

    fn declare_len(&mut self, len: usize) {
        self.declared = Some(len);
    }

    fn set_tag_len(&mut self, len: usize) {
        self.tag_len = len;
    }

    fn tag(&self) -> Option<Vec<u8>> {
        self.tag.map(|t| t.to_vec())
    }

    fn expect_tag(&mut self, tag: &[u8]) {
        self.expected = Some(tag.to_vec());
    }
}

/// AES-OCB (RFC 7253), streamed: whole blocks come out of `update`, a trailing partial
/// block out of `final`, as OpenSSL does. The nonce setup waits for the tag length (part of
/// the nonce block), which is known before the first update.
struct Ocb<C> {
    cipher: C,
    nonce: Vec<u8>,
    encrypt: bool,
    tag_len: usize,
    /// L_*, L_$ and L_0, L_1, … (grown as blocks need them).
    l_star: [u8; 16],
    l_dollar: [u8; 16],
    l: Vec<[u8; 16]>,
    offset: Option<[u8; 16]>,
    checksum: [u8; 16],
    blocks: u64,
    pending: Vec<u8>,
    aad: Vec<u8>,
    aad_done: bool,
    aad_hash: [u8; 16],
    tag: Option<[u8; 16]>,
    expected: Option<Vec<u8>>,
}

/// Doubling in GF(2^128) as OCB defines it.
fn gf_double(block: &[u8; 16]) -> [u8; 16] {
    let value = u128::from_be_bytes(*block);
    let doubled = (value << 1) ^ if value >> 127 == 1 { 0x87 } else { 0 };
    doubled.to_be_bytes()
}

fn xor16(a: &[u8; 16], b: &[u8; 16]) -> [u8; 16] {
    (u128::from_be_bytes(*a) ^ u128::from_be_bytes(*b)).to_be_bytes()
}

impl<C: AesLike> Ocb<C> {
    fn new(cipher: C, nonce: Vec<u8>, encrypt: bool) -> Self {
        let mut l_star = [0u8; 16];
        cipher.encrypt_block(GenericArray::from_mut_slice(&mut l_star));
        let l_dollar = gf_double(&l_star);
        let l0 = gf_double(&l_dollar);
        Ocb {
            cipher,
            nonce,
            encrypt,
            tag_len: 16,
            l_star,
            l_dollar,
            l: vec![l0],
            offset: None,
            checksum: [0; 16],
            blocks: 0,
            pending: Vec::new(),
            aad: Vec::new(),
            aad_done: false,
            aad_hash: [0; 16],
            tag: None,
            expected: None,
        }
    }

    fn encrypt_block(&self, block: [u8; 16]) -> [u8; 16] {
        let mut b = block;
        self.cipher.encrypt_block(GenericArray::from_mut_slice(&mut b));
        b
    }

    fn decrypt_block(&self, block: [u8; 16]) -> [u8; 16] {
        let mut b = block;
        self.cipher.decrypt_block(GenericArray::from_mut_slice(&mut b));
        b
    }

    /// L_{ntz(i)} for block number `i` (from 1).
    fn l_for(&mut self, i: u64) -> [u8; 16] {
        let ntz = i.trailing_zeros() as usize;
        while self.l.len() <= ntz {
            let next = gf_double(self.l.last().expect("L_0 exists"));
            self.l.push(next);
        }
        self.l[ntz]
    }

    /// Offset_0 from the nonce and tag length (RFC 7253 §4.2).
    fn initial_offset(&self) -> [u8; 16] {
        let n = self.nonce.len();
        let mut nonce = [0u8; 16];
        nonce[16 - n..].copy_from_slice(&self.nonce);
        nonce[15 - n] |= 1;
        nonce[0] |= (((self.tag_len * 8) % 128) as u8) << 1;
        let bottom = usize::from(nonce[15] & 0x3f);
        nonce[15] &= 0xc0;
        let ktop = self.encrypt_block(nonce);
        let mut stretch = [0u8; 24];
        stretch[..16].copy_from_slice(&ktop);
        for i in 0..8 {
            stretch[16 + i] = ktop[i] ^ ktop[i + 1];
        }
        let (bytes, bits) = (bottom / 8, bottom % 8);
        let mut offset = [0u8; 16];
        for (i, o) in offset.iter_mut().enumerate() {
            *o = stretch[i + bytes] << bits;
            if bits > 0 {
                *o |= stretch[i + bytes + 1] >> (8 - bits);
            }
        }
        offset
    }

    /// HASH(K, A) over the whole AAD, once data starts (RFC 7253 §4.1).
    fn close_aad(&mut self) {
        if self.aad_done {
            return;
        }
        self.aad_done = true;
        let aad = std::mem::take(&mut self.aad);
        let (mut sum, mut offset) = ([0u8; 16], [0u8; 16]);
        let mut chunks = aad.chunks_exact(16);
        for (i, chunk) in (1u64..).zip(&mut chunks) {
            offset = xor16(&offset, &self.l_for(i));
            let block: [u8; 16] = chunk.try_into().expect("16-byte chunk");
            sum = xor16(&sum, &self.encrypt_block(xor16(&block, &offset)));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            offset = xor16(&offset, &self.l_star);
            let mut block = [0u8; 16];
            block[..rest.len()].copy_from_slice(rest);
            block[rest.len()] = 0x80;
            sum = xor16(&sum, &self.encrypt_block(xor16(&block, &offset)));
        }
        self.aad_hash = sum;
        if self.offset.is_none() {
            self.offset = Some(self.initial_offset());
        }
    }
}

impl<C: AesLike> Engine for Ocb<C> {
    fn update(&mut self, input: &[u8]) -> Result<Vec<u8>, ThrowError> {
        self.close_aad();
        self.pending.extend_from_slice(input);
        let whole = self.pending.len() / 16 * 16;
        let data: Vec<u8> = self.pending.drain(..whole).collect();
        let mut out = Vec::with_capacity(whole);
        for chunk in data.chunks_exact(16) {
            self.blocks += 1;
            let l = self.l_for(self.blocks);
            let offset = xor16(&self.offset.unwrap_or_default(), &l);
            self.offset = Some(offset);
            let block: [u8; 16] = chunk.try_into().expect("16-byte chunk");
            let result = if self.encrypt {
                self.checksum = xor16(&self.checksum, &block);
                xor16(&offset, &self.encrypt_block(xor16(&block, &offset)))
            } else {
                let plain = xor16(&offset, &self.decrypt_block(xor16(&block, &offset)));
                self.checksum = xor16(&self.checksum, &plain);
                plain
            };
            out.extend_from_slice(&result);
        }
        Ok(out)
    }

    fn finish(&mut self, _padding: bool) -> Result<Vec<u8>, ThrowError> {
        self.close_aad();
        let mut offset = self.offset.unwrap_or_default();
        let rest = std::mem::take(&mut self.pending);
        let mut out = Vec::new();
        if !rest.is_empty() {
            offset = xor16(&offset, &self.l_star);
            let pad = self.encrypt_block(offset);
            out = rest.iter().zip(pad).map(|(b, p)| b ^ p).collect();
            let plain = if self.encrypt { &rest } else { &out };
            let mut block = [0u8; 16];
            block[..plain.len()].copy_from_slice(plain);
            block[plain.len()] = 0x80;
            self.checksum = xor16(&self.checksum, &block);
        }
        let full = xor16(
            &self.encrypt_block(xor16(&xor16(&self.checksum, &offset), &self.l_dollar)),
            &self.aad_hash,
        );
        if self.encrypt {
            self.tag = Some(full);
            return Ok(out);
        }
        let Some(expected) = &self.expected else { return Err(auth_failed()) };
        let difference = expected.iter().zip(&full).fold(0u8, |acc, (a, b)| acc | (a ^ b));
        if difference != 0 {
            return Err(auth_failed());
        }
        Ok(out)
    }

    fn add_aad(&mut self, aad: &[u8]) -> bool {
        if self.aad_done {
            return false;
        }
        self.aad.extend_from_slice(aad);
        true
    }

    fn set_tag_len(&mut self, len: usize) {
        self.tag_len = len;
    }

    fn tag(&self) -> Option<Vec<u8>> {
        self.tag.map(|t| t.to_vec())
    }

    fn expect_tag(&mut self, tag: &[u8]) {
        self.expected = Some(tag.to_vec());
    }
}

/// A block cipher usable for every AES mode here.
trait AesLike:
    BlockCipher
    + BlockSizeUser<BlockSize = U16>
    + BlockEncrypt
    + BlockDecrypt
    + KeyInit
    + Clone
    + Send
    + 'static
{
}
impl<C> AesLike for C where
    C: BlockCipher
        + BlockSizeUser<BlockSize = U16>
        + BlockEncrypt
        + BlockDecrypt
        + KeyInit
        + Clone
        + Send
        + 'static
{
}

/// Runs `f` on each block of `data` (a whole number of `N`-byte blocks).
fn each_block<N: ArrayLength<u8>>(data: &mut [u8], mut f: impl FnMut(&mut GenericArray<u8, N>)) {
    for block in data.chunks_exact_mut(N::USIZE) {
        f(GenericArray::from_mut_slice(block));
    }
}

/// CBC or ECB over any block cipher (AES, triple DES), PKCS#7-padded by default.
fn block_engine<C>(mode: Mode, key: &[u8], iv: &[u8], encrypt: bool) -> Box<dyn Engine>
where
    C: BlockCipher + BlockEncrypt + BlockDecrypt + KeyInit + Clone + Send + 'static,
{
    let key = GenericArray::from_slice(key);
    let blocks: Transform = match (mode, encrypt) {
        (Mode::Cbc, true) => {
            let mut c = cbc::Encryptor::<C>::new(key, GenericArray::from_slice(iv));
            Box::new(move |d| each_block(d, |b| c.encrypt_block_mut(b)))
        }
        (Mode::Cbc, false) => {
            let mut c = cbc::Decryptor::<C>::new(key, GenericArray::from_slice(iv));
            Box::new(move |d| each_block(d, |b| c.decrypt_block_mut(b)))
        }
        (_, true) => {
            let c = C::new(key);
            Box::new(move |d| each_block(d, |b| c.encrypt_block(b)))
        }
        (_, false) => {
            let c = C::new(key);
            Box::new(move |d| each_block(d, |b| c.decrypt_block(b)))
        }
    };
    Box::new(Blocked {
        blocks,
        block_size: C::block_size(),
        encrypt,
        padding: true,
        pending: Vec::new(),
    })
}

/// The engine for `mode` over the block cipher `C`; key and IV lengths are checked.
fn aes_engine<C: AesLike>(mode: Mode, key: &[u8], iv: &[u8], encrypt: bool) -> Box<dyn Engine> {
    let key_array = GenericArray::from_slice(key);
    let streamed = |apply: Transform| -> Box<dyn Engine> { Box::new(Streamed { apply }) };
    match mode {
        Mode::Cbc | Mode::Ecb => block_engine::<C>(mode, key, iv, encrypt),
        Mode::Ctr => {
            let mut c = ctr::Ctr128BE::<C>::new(key_array, GenericArray::from_slice(iv));
            streamed(Box::new(move |d| c.apply_keystream(d)))
        }
        Mode::Ofb => {
            let mut c = ofb::Ofb::<C>::new(key_array, GenericArray::from_slice(iv));
            streamed(Box::new(move |d| c.apply_keystream(d)))
        }
        Mode::Cfb if encrypt => {
            let mut c = cfb_mode::BufEncryptor::<C>::new(key_array, GenericArray::from_slice(iv));
            streamed(Box::new(move |d| c.encrypt(d)))
        }
        Mode::Cfb => {
            let mut c = cfb_mode::BufDecryptor::<C>::new(key_array, GenericArray::from_slice(iv));
            streamed(Box::new(move |d| c.decrypt(d)))
        }
        Mode::Cfb8 if encrypt => {
            let mut c = cfb8::Encryptor::<C>::new(key_array, GenericArray::from_slice(iv));
            streamed(Box::new(move |d| {
                for byte in d.chunks_exact_mut(1) {
                    c.encrypt_block_mut(GenericArray::from_mut_slice(byte));
                }
            }))
        }
        Mode::Cfb8 => {
            let mut c = cfb8::Decryptor::<C>::new(key_array, GenericArray::from_slice(iv));
            streamed(Box::new(move |d| {
                for byte in d.chunks_exact_mut(1) {
                    c.decrypt_block_mut(GenericArray::from_mut_slice(byte));
                }
            }))
        }
        Mode::Gcm => gcm::<C>(key_array, iv, encrypt),
        Mode::Ocb => Box::new(Ocb::new(C::new(key_array), iv.to_vec(), encrypt)),
        Mode::Ccm => Box::new(Ccm {
            cipher: C::new(key_array),
            nonce: iv.to_vec(),
            encrypt,
            aad: Vec::new(),
            declared: None,
            tag_len: 16,
            updated: false,
            tag: None,
            expected: None,
            failed: false,
        }),
        Mode::Wrap | Mode::WrapPad => Box::new(KeyWrap {
            cipher: C::new(key_array),
            iv: iv.to_vec(),
            pad: mode == Mode::WrapPad,
            encrypt,
        }),
        Mode::ChaChaPoly => unreachable!("not an AES mode"),
    }
}

/// AES-GCM (NIST SP 800-38D) with an IV of any length.
fn gcm<C: AesLike>(
    key: &GenericArray<u8, C::KeySize>,
    iv: &[u8],
    encrypt: bool,
) -> Box<dyn Engine> {
    let cipher = C::new(key);
    let mut hash_key = GenericArray::default();
    cipher.encrypt_block(&mut hash_key);
    let ghash_key = ghash::Key::clone_from_slice(&hash_key);
    // J0: the IV and a 32-bit counter of 1 for 96-bit IVs, else GHASH of the padded IV and
    // its bit length.
    let mut j0 = [0u8; 16];
    if iv.len() == 12 {
        j0[..12].copy_from_slice(iv);
        j0[15] = 1;
    } else {
        let mut h = ghash::GHash::new(&ghash_key);
        h.update_padded(iv);
        let mut lengths = [0u8; 16];
        lengths[8..].copy_from_slice(&(iv.len() as u64 * 8).to_be_bytes());
        h.update_padded(&lengths);
        j0 = h.finalize().into();
    }
    let mut mask = GenericArray::clone_from_slice(&j0);
    cipher.encrypt_block(&mut mask);
    let mut first = j0;
    let counter = u32::from_be_bytes([j0[12], j0[13], j0[14], j0[15]]).wrapping_add(1);
    first[12..].copy_from_slice(&counter.to_be_bytes());
    let mut keystream = ctr::Ctr32BE::<C>::new(key, GenericArray::from_slice(&first));
    Box::new(Aead {
        keystream: Box::new(move |d| keystream.apply_keystream(d)),
        mac: Some(Mac::Ghash(ghash::GHash::new(&ghash_key))),
        tag_mask: Some(mask.into()),
        encrypt,
        aad: Vec::new(),
        aad_done: false,
        partial: Vec::new(),
        text_len: 0,
        expected: None,
        tag: None,
    })
}

/// ChaCha20-Poly1305 (RFC 8439).
fn chacha_poly(key: &[u8], iv: &[u8], encrypt: bool) -> Box<dyn Engine> {
    use chacha20::cipher::KeyIvInit as _;
    let mut stream =
        chacha20::ChaCha20::new(GenericArray::from_slice(key), GenericArray::from_slice(iv));
    let mut poly_key = [0u8; 32];
    chacha20::cipher::StreamCipher::apply_keystream(&mut stream, &mut poly_key);
    chacha20::cipher::StreamCipherSeek::seek(&mut stream, 64u32);
    let mac = poly1305::Poly1305::new(GenericArray::from_slice(&poly_key));
    Box::new(Aead {
        keystream: Box::new(move |d| {
            chacha20::cipher::StreamCipher::apply_keystream(&mut stream, d)
        }),
        mac: Some(Mac::Poly(Box::new(mac))),
        tag_mask: None,
        encrypt,
        aad: Vec::new(),
        aad_done: false,
        partial: Vec::new(),
        text_len: 0,
        expected: None,
        tag: None,
    })
}

/// Where a cipher is in its life, as Node's CipherBase tracks it.
struct Running {
    engine: Box<dyn Engine>,
    mode: Mode,
    block_size: usize,
    /// The longest message the mode takes (CCM's length field limits it).
    max_len: u64,
    encrypt: bool,
    padding: bool,
    /// The tag length asked for (`authTagLength`), if any.
    tag_len: Option<usize>,
    tag_set: bool,
    /// Set once `final()` ran; most calls then fail.
    finished: bool,
    /// The tag after a successful `final()` of an encryption.
    tag: Option<Vec<u8>>,
}

/// The realm's running ciphers, by the id JS holds.
#[derive(Default)]
struct CipherTable {
    next_id: u32,
    entries: HashMap<u32, Running>,
}

/// Whether a GCM tag may be `len` bytes long (OpenSSL: 4, 8, or 12 to 16).
fn gcm_tag_len_ok(len: usize) -> bool {
    matches!(len, 4 | 8 | 12..=16)
}

fn invalid_tag_len(len: usize) -> ThrowError {
    ThrowError::type_error(
        "ERR_CRYPTO_INVALID_AUTH_TAG",
        format!("Invalid authentication tag length: {len}"),
    )
}

/// `cipherCreate(name, key, iv | null, encrypt, authTagLength)`: the id of a new cipher.
/// Throws Node's errors for an unknown name, a bad key or IV length, or a bad tag length.
fn cipher_create(ctx: &mut dyn OpCtx) -> OpResult {
    let name: String = ctx.arg(0, "cipher")?;
    let encrypt = ctx.arg_truthy(3);
    let tag_len: f64 = ctx.arg(4, "authTagLength")?;
    let tag_len = (tag_len >= 0.0).then_some(tag_len as usize);
    let spec = Spec::by_name(&name).ok_or_else(|| {
        ThrowError::error("Unknown cipher").with("code", "ERR_CRYPTO_UNKNOWN_CIPHER")
    })?;
    let key = ctx.arg_bytes(1).map(|b| b.to_vec()).unwrap_or_default();
    let iv = if ctx.arg_is_nullish(2) { None } else { ctx.arg_bytes(2).map(|b| b.to_vec()) };
    if key.len() != spec.key_len {
        return Err(ThrowError::range_error("ERR_CRYPTO_INVALID_KEYLEN", "Invalid key length"));
    }
    let iv_ok = match &iv {
        Some(iv) => spec.iv_ok(iv.len()),
        None => spec.iv_len == 0,
    };
    if !iv_ok {
        return Err(ThrowError::type_error(
            "ERR_CRYPTO_INVALID_IV",
            "Invalid initialization vector",
        ));
    }
    let iv = iv.unwrap_or_default();
    match (spec.mode, tag_len) {
        (Mode::Gcm, Some(len)) if !gcm_tag_len_ok(len) => return Err(invalid_tag_len(len)),
        (Mode::ChaChaPoly, Some(len)) if !(1..=16).contains(&len) => {
            return Err(invalid_tag_len(len));
        }
        (Mode::Ccm, None) => {
            return Err(ThrowError::type_error(
                "ERR_CRYPTO_INVALID_AUTH_TAG",
                format!("authTagLength required for {name}"),
            ));
        }
        (Mode::Ccm, Some(len)) if !(4..=16).contains(&len) || len % 2 != 0 => {
            return Err(invalid_tag_len(len));
        }
        (Mode::Ocb, None) => {
            return Err(ThrowError::type_error(
                "ERR_CRYPTO_INVALID_AUTH_TAG",
                format!("authTagLength required for {name}"),
            ));
        }
        (Mode::Ocb, Some(len)) if !(1..=16).contains(&len) => return Err(invalid_tag_len(len)),
        _ => {}
    }
    let engine = match (spec.mode, spec.key_len) {
        (Mode::ChaChaPoly, _) => chacha_poly(&key, &iv, encrypt),
        (mode, 24) if spec.is_des() => block_engine::<des::TdesEde3>(mode, &key, &iv, encrypt),
        (mode, 16) if spec.is_des() => block_engine::<des::TdesEde2>(mode, &key, &iv, encrypt),
        (mode, 16) => aes_engine::<Aes128>(mode, &key, &iv, encrypt),
        (mode, 24) => aes_engine::<Aes192>(mode, &key, &iv, encrypt),
        (mode, _) => aes_engine::<Aes256>(mode, &key, &iv, encrypt),
    };
    let mut engine = engine;
    if let Some(len) = tag_len {
        engine.set_tag_len(len);
    }
    let max_len = match spec.mode {
        Mode::Ccm => ccm_max_len(iv.len()),
        _ => u64::MAX,
    };
    let table = ctx.state().get_or_default::<CipherTable>();
    table.next_id = table.next_id.wrapping_add(1);
    let id = table.next_id;
    let tag_len = match spec.mode {
        Mode::ChaChaPoly => Some(tag_len.unwrap_or(16)),
        _ => tag_len,
    };
    table.entries.insert(
        id,
        Running {
            engine,
            mode: spec.mode,
            block_size: spec.block_size,
            max_len,
            encrypt,
            padding: true,
            tag_len,
            tag_set: false,
            finished: false,
            tag: None,
        },
    );
    Ok(HostValue::Number(f64::from(id)))
}

/// Runs `f` on the cipher whose id is argument 0.
fn with_cipher<T>(
    ctx: &mut dyn OpCtx,
    f: impl FnOnce(&mut Running, &mut dyn OpCtx) -> Result<T, ThrowError>,
) -> Result<T, ThrowError> {
    let id: u32 = ctx.arg(0, "id")?;
    let mut running = ctx
        .state()
        .get_or_default::<CipherTable>()
        .entries
        .remove(&id)
        .ok_or_else(|| ThrowError::error("Invalid cipher handle"))?;
    let result = f(&mut running, ctx);
    ctx.state().get_or_default::<CipherTable>().entries.insert(id, running);
    result
}

/// `cipherUpdate(id, data)`: the output ready for `data` (bytes, or a UTF-8 string).
fn cipher_update(ctx: &mut dyn OpCtx) -> OpResult {
    with_cipher(ctx, |running, ctx| {
        if running.finished {
            return Err(ThrowError::error("Trying to add data in unsupported state"));
        }
        // OpenSSL's lengths are C ints: input plus a block of output must fit in one.
        let too_long = |len: usize| len + running.block_size > i32::MAX as usize;
        let max_len = running.max_len;
        let out = if let Some(bytes) = ctx.arg_bytes(1) {
            if too_long(bytes.len()) {
                return Err(ThrowError::error("Trying to add data in unsupported state"));
            }
            if bytes.len() as u64 > max_len {
                return Err(invalid_message_len());
            }
            running.engine.update(bytes)?
        } else {
            let text = ctx.arg_string(1).unwrap_or_default();
            running.engine.update(text.as_bytes())?
        };
        Ok(HostValue::Bytes(out))
    })
}

/// `cipherFinal(id)`: the held-back output; throws for bad padding or a failed tag check.
fn cipher_final(ctx: &mut dyn OpCtx) -> OpResult {
    with_cipher(ctx, |running, _| {
        if running.finished {
            return Err(ThrowError::error("Invalid state").with("code", "ERR_CRYPTO_INVALID_STATE"));
        }
        running.finished = true;
        let out = running.engine.finish(running.padding)?;
        if running.encrypt && running.mode.is_aead() {
            let len = running.tag_len.unwrap_or(16);
            running.tag = running.engine.tag().map(|mut t| {
                t.truncate(len);
                t
            });
        }
        Ok(HostValue::Bytes(out))
    })
}

/// `cipherSetAutoPadding(id, on)`: false once finished.
fn cipher_set_auto_padding(ctx: &mut dyn OpCtx) -> OpResult {
    let on = ctx.arg_truthy(1);
    with_cipher(ctx, |running, _| {
        if running.finished {
            return Ok(false.into());
        }
        running.padding = on;
        Ok(true.into())
    })
}

/// `cipherSetAAD(id, aad)`: false for a non-AEAD mode, after data, or once finished.
fn cipher_set_aad(ctx: &mut dyn OpCtx) -> OpResult {
    let plaintext_len = ctx.arg_number(2).filter(|n| *n >= 0.0);
    with_cipher(ctx, |running, ctx| {
        if running.finished || !running.mode.is_aead() {
            return Ok(false.into());
        }
        if running.mode == Mode::Ccm {
            let Some(len) = plaintext_len else {
                return Err(ThrowError::type_error(
                    "ERR_MISSING_ARGS",
                    "options.plaintextLength required for CCM mode with AAD",
                ));
            };
            if len > running.max_len as f64 {
                return Err(invalid_message_len());
            }
            running.engine.declare_len(len as usize);
        }
        let aad = ctx.arg_bytes(1).map(|b| b.to_vec()).unwrap_or_default();
        Ok(running.engine.add_aad(&aad).into())
    })
}

fn invalid_message_len() -> ThrowError {
    ThrowError::range_error("ERR_CRYPTO_INVALID_MESSAGELEN", "Invalid message length")
}

/// `cipherGetAuthTag(id)`: the tag of a finished AEAD encryption, else undefined.
fn cipher_get_auth_tag(ctx: &mut dyn OpCtx) -> OpResult {
    with_cipher(ctx, |running, _| {
        Ok(running.tag.clone().map_or(HostValue::Undefined, HostValue::Bytes))
    })
}

/// `cipherSetAuthTag(id, tag)`: the tag an AEAD decryption must end with. False in the wrong
/// state (encrypting, not AEAD, set already, finished); throws for a bad length. Returns
/// "short" for a short GCM tag given without authTagLength (Node warns, DEP0182).
fn cipher_set_auth_tag(ctx: &mut dyn OpCtx) -> OpResult {
    with_cipher(ctx, |running, ctx| {
        if running.finished || running.encrypt || !running.mode.is_aead() || running.tag_set {
            return Ok(false.into());
        }
        let tag = ctx.arg_bytes(1).map(|b| b.to_vec()).unwrap_or_default();
        let ok = match (running.mode, running.tag_len) {
            (_, Some(len)) => tag.len() == len,
            (_, None) => gcm_tag_len_ok(tag.len()),
        };
        if !ok {
            return Err(invalid_tag_len(tag.len()));
        }
        let short = running.mode == Mode::Gcm && running.tag_len.is_none() && tag.len() != 16;
        running.tag_len = Some(tag.len());
        running.tag_set = true;
        running.engine.expect_tag(&tag);
        Ok(if short { "short".into() } else { true.into() })
    })
}

/// `cipherFree(id)`: drops a cipher that will not be finished.
fn cipher_free(ctx: &mut dyn OpCtx) -> OpResult {
    let id: u32 = ctx.arg(0, "id")?;
    ctx.state().get_or_default::<CipherTable>().entries.remove(&id);
    Ok(HostValue::Undefined)
}

/// `cipherInfo(nameOrNid, keyLength?, ivLength?)`: what `getCipherInfo()` returns, or
/// undefined for an unknown cipher or lengths it does not take.
fn cipher_info(ctx: &mut dyn OpCtx) -> OpResult {
    let spec = match ctx.arg_number(0) {
        Some(nid) => Spec::by_nid(nid as i32),
        None => ctx.arg_string(0).and_then(|name| Spec::by_name(&name)),
    };
    let Some(spec) = spec else { return Ok(HostValue::Undefined) };
    if let Some(key_len) = ctx.arg_number(1) {
        if key_len as usize != spec.key_len || key_len < 0.0 {
            return Ok(HostValue::Undefined);
        }
    }
    let mut iv_len = spec.iv_len;
    if let Some(asked) = ctx.arg_number(2) {
        if asked < 0.0 || !spec.iv_ok(asked as usize) {
            return Ok(HostValue::Undefined);
        }
        iv_len = asked as usize;
    }
    let optional =
        |n: usize| if n == 0 { HostValue::Undefined } else { HostValue::Number(n as f64) };
    let block_size = if spec.mode == Mode::ChaChaPoly { 0 } else { spec.block_size };
    let info = vec![
        ("mode".to_owned(), spec.mode.label().into()),
        ("name".to_owned(), spec.name.into()),
        ("nid".to_owned(), HostValue::Number(f64::from(spec.nid))),
        ("keyLength".to_owned(), HostValue::Number(spec.key_len as f64)),
        ("blockSize".to_owned(), optional(block_size)),
        ("ivLength".to_owned(), optional(iv_len)),
    ];
    Ok(HostValue::Object(info))
}

/// The names `crypto.getCiphers()` returns.
fn cipher_names(_ctx: &mut dyn OpCtx) -> OpResult {
    Ok(HostValue::Array(LISTED_NAMES.iter().map(|n| (*n).into()).collect()))
}
