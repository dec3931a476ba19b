//! Password-based key encryption as OpenSSL does it for Node: PKCS#8 `EncryptedPrivateKeyInfo`
//! with PBES2 (PBKDF2-HMAC, 2048 iterations, SHA-256 PRF, the named CBC cipher) and the
//! legacy "Proc-Type: 4,ENCRYPTED" PEM encryption (EVP_BytesToKey with MD5) for PKCS#1/SEC1.

use aes::cipher::generic_array::GenericArray;
use aes::cipher::{BlockDecrypt, BlockEncrypt, KeyInit};
use engine::ThrowError;
use md5::Digest as _;

use super::der::{self, oids, Reader};
use super::openssl_error;

/// The block cipher under a key-encryption cipher.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum BlockAlg {
    /// AES with a 128-bit key.
    Aes128,
    /// AES with a 192-bit key.
    Aes192,
    /// AES with a 256-bit key.
    Aes256,
    /// Three-key triple DES.
    DesEde3,
    /// Two-key triple DES.
    DesEde,
    /// Single DES (decryption of old files only: Node's OpenSSL 3 refuses to write it).
    Des,
}

/// The mode of operation.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Mode {
    /// CBC with PKCS#7 padding.
    Cbc,
    /// ECB with PKCS#7 padding.
    Ecb,
    /// Full-block CFB.
    Cfb,
    /// 8-bit CFB.
    Cfb8,
    /// 1-bit CFB.
    Cfb1,
    /// OFB.
    Ofb,
    /// CTR (the whole block a big-endian counter, as OpenSSL).
    Ctr,
}

/// A cipher usable for key encryption: a block cipher in a mode.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct KeyCipher {
    /// The block cipher.
    pub alg: BlockAlg,
    /// The mode.
    pub mode: Mode,
}

/// OpenSSL's cipher names (lower case) for the ciphers implemented here.
const NAMES: &[(&str, BlockAlg, Mode)] = &[
    ("aes-128-cbc", BlockAlg::Aes128, Mode::Cbc),
    ("aes-128-ecb", BlockAlg::Aes128, Mode::Ecb),
    ("aes-128-cfb", BlockAlg::Aes128, Mode::Cfb),
    ("aes-128-cfb8", BlockAlg::Aes128, Mode::Cfb8),
    ("aes-128-cfb1", BlockAlg::Aes128, Mode::Cfb1),
    ("aes-128-ofb", BlockAlg::Aes128, Mode::Ofb),
    ("aes-128-ctr", BlockAlg::Aes128, Mode::Ctr),
    ("aes-192-cbc", BlockAlg::Aes192, Mode::Cbc),
    ("aes-192-ecb", BlockAlg::Aes192, Mode::Ecb),
    ("aes-192-cfb", BlockAlg::Aes192, Mode::Cfb),
    ("aes-192-cfb8", BlockAlg::Aes192, Mode::Cfb8),
    ("aes-192-cfb1", BlockAlg::Aes192, Mode::Cfb1),
    ("aes-192-ofb", BlockAlg::Aes192, Mode::Ofb),
    ("aes-192-ctr", BlockAlg::Aes192, Mode::Ctr),
    ("aes-256-cbc", BlockAlg::Aes256, Mode::Cbc),
    ("aes-256-ecb", BlockAlg::Aes256, Mode::Ecb),
    ("aes-256-cfb", BlockAlg::Aes256, Mode::Cfb),
    ("aes-256-cfb8", BlockAlg::Aes256, Mode::Cfb8),
    ("aes-256-cfb1", BlockAlg::Aes256, Mode::Cfb1),
    ("aes-256-ofb", BlockAlg::Aes256, Mode::Ofb),
    ("aes-256-ctr", BlockAlg::Aes256, Mode::Ctr),
    ("des-ede3-cbc", BlockAlg::DesEde3, Mode::Cbc),
    ("des-ede3", BlockAlg::DesEde3, Mode::Ecb),
    ("des-ede3-cfb", BlockAlg::DesEde3, Mode::Cfb),
    ("des-ede3-cfb8", BlockAlg::DesEde3, Mode::Cfb8),
    ("des-ede3-cfb1", BlockAlg::DesEde3, Mode::Cfb1),
    ("des-ede3-ofb", BlockAlg::DesEde3, Mode::Ofb),
    ("des-ede-cbc", BlockAlg::DesEde, Mode::Cbc),
    ("des-ede", BlockAlg::DesEde, Mode::Ecb),
    ("des-ede-cfb", BlockAlg::DesEde, Mode::Cfb),
    ("des-ede-ofb", BlockAlg::DesEde, Mode::Ofb),
    ("des-cbc", BlockAlg::Des, Mode::Cbc),
    ("des-ecb", BlockAlg::Des, Mode::Ecb),
    ("des-cfb", BlockAlg::Des, Mode::Cfb),
    ("des-cfb8", BlockAlg::Des, Mode::Cfb8),
    ("des-cfb1", BlockAlg::Des, Mode::Cfb1),
    ("des-ofb", BlockAlg::Des, Mode::Ofb),
];

/// OpenSSL's aliases for those names.
const ALIASES: &[(&str, &str)] = &[
    ("aes128", "aes-128-cbc"),
    ("aes192", "aes-192-cbc"),
    ("aes256", "aes-256-cbc"),
    ("des3", "des-ede3-cbc"),
    ("des-ede3-ecb", "des-ede3"),
    ("des-ede-ecb", "des-ede"),
    ("des", "des-cbc"),
];

/// OID content bytes of the PBES2 encryption schemes (aes: 2.16.840.1.101.3.4.1.n).
fn aes_oid(n: u8) -> Vec<u8> {
    vec![0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x01, n]
}

/// desEDE 1.3.14.3.2.17 (two-key triple DES, ECB).
const DES_EDE_ECB_OID: &[u8] = &[0x2b, 0x0e, 0x03, 0x02, 0x11];
/// desECB 1.3.14.3.2.6.
const DES_ECB_OID: &[u8] = &[0x2b, 0x0e, 0x03, 0x02, 0x06];

impl KeyCipher {
    /// The cipher an OpenSSL cipher name stands for (case-insensitive; aliases included).
    pub fn from_name(name: &str) -> Option<KeyCipher> {
        let lower = name.to_ascii_lowercase();
        let canonical =
            ALIASES.iter().find(|(a, _)| *a == lower).map_or(lower.as_str(), |(_, c)| *c);
        NAMES
            .iter()
            .find(|(n, _, _)| *n == canonical)
            .map(|&(_, alg, mode)| KeyCipher { alg, mode })
    }

    /// OpenSSL's canonical (lower-case) name.
    fn name(self) -> &'static str {
        NAMES
            .iter()
            .find(|&&(_, alg, mode)| alg == self.alg && mode == self.mode)
            .map_or("", |(n, _, _)| *n)
    }

    /// The name in a PEM `DEK-Info` header (OpenSSL's `EVP_CIPHER_get0_name`).
    pub fn pem_name(self) -> String {
        self.name().to_ascii_uppercase()
    }

    /// The PBES2 encryption-scheme OID; `None` when OpenSSL has none for the cipher.
    fn oid(self) -> Option<Vec<u8>> {
        let aes = |base: u8| -> Option<Vec<u8>> {
            Some(aes_oid(
                base + match self.mode {
                    Mode::Ecb => 1,
                    Mode::Cbc => 2,
                    Mode::Ofb => 3,
                    // OpenSSL names CFB8 and CFB1 by the CFB128 OID.
                    Mode::Cfb | Mode::Cfb8 | Mode::Cfb1 => 4,
                    Mode::Ctr => return None,
                },
            ))
        };
        match (self.alg, self.mode) {
            (BlockAlg::Aes128, _) => aes(0),
            (BlockAlg::Aes192, _) => aes(20),
            (BlockAlg::Aes256, _) => aes(40),
            (BlockAlg::DesEde3, Mode::Cbc) => Some(oids::DES_EDE3_CBC.to_vec()),
            (BlockAlg::DesEde, Mode::Ecb) => Some(DES_EDE_ECB_OID.to_vec()),
            (BlockAlg::Des, Mode::Cbc) => Some(oids::DES_CBC.to_vec()),
            (BlockAlg::Des, Mode::Ecb) => Some(DES_ECB_OID.to_vec()),
            _ => None,
        }
    }

    /// The cipher a PBES2 encryption-scheme OID names.
    fn from_oid(oid: &[u8]) -> Option<KeyCipher> {
        NAMES
            .iter()
            .map(|&(_, alg, mode)| KeyCipher { alg, mode })
            .filter(|c| !matches!(c.mode, Mode::Cfb8 | Mode::Cfb1))
            .find(|c| c.oid().as_deref() == Some(oid))
    }

    /// Key length in bytes.
    pub fn key_len(self) -> usize {
        match self.alg {
            BlockAlg::Aes128 | BlockAlg::DesEde => 16,
            BlockAlg::Aes192 | BlockAlg::DesEde3 => 24,
            BlockAlg::Aes256 => 32,
            BlockAlg::Des => 8,
        }
    }

    /// Block length in bytes.
    fn block_len(self) -> usize {
        match self.alg {
            BlockAlg::Aes128 | BlockAlg::Aes192 | BlockAlg::Aes256 => 16,
            BlockAlg::DesEde3 | BlockAlg::DesEde | BlockAlg::Des => 8,
        }
    }

    /// IV length in bytes (0 for ECB).
    pub fn iv_len(self) -> usize {
        if self.mode == Mode::Ecb {
            0
        } else {
            self.block_len()
        }
    }

    /// Whether the mode pads (block modes) rather than streams.
    fn padded(self) -> bool {
        matches!(self.mode, Mode::Cbc | Mode::Ecb)
    }

    /// Encryption (PKCS#7-padded for CBC and ECB). `None` only for wrong key or IV lengths.
    pub fn encrypt(self, key: &[u8], iv: &[u8], data: &[u8]) -> Option<Vec<u8>> {
        let block = Block::new(self.alg, key)?;
        if iv.len() != self.iv_len() {
            return None;
        }
        let mut buf = data.to_vec();
        let bs = self.block_len();
        if self.padded() {
            let pad = bs - data.len() % bs;
            buf.resize(data.len() + pad, pad as u8);
        }
        block.apply(self.mode, iv, &mut buf, true);
        Some(buf)
    }

    /// Decryption and (for CBC and ECB) PKCS#7 unpadding; `None` when the padding is wrong
    /// (a wrong password, almost always) or the lengths are.
    pub fn decrypt(self, key: &[u8], iv: &[u8], data: &[u8]) -> Option<Vec<u8>> {
        let block = Block::new(self.alg, key)?;
        let bs = self.block_len();
        if iv.len() != self.iv_len()
            || (self.padded() && (data.is_empty() || !data.len().is_multiple_of(bs)))
        {
            return None;
        }
        let mut buf = data.to_vec();
        block.apply(self.mode, iv, &mut buf, false);
        if self.padded() {
            let pad = usize::from(*buf.last()?);
            if pad == 0 || pad > bs || buf[buf.len() - pad..].iter().any(|&b| usize::from(b) != pad)
            {
                return None;
            }
            buf.truncate(buf.len() - pad);
        }
        Some(buf)
    }
}

/// A keyed block cipher.
enum Block {
    Aes128(aes::Aes128),
    Aes192(aes::Aes192),
    Aes256(aes::Aes256),
    DesEde3(des::TdesEde3),
    DesEde(des::TdesEde2),
    Des(des::Des),
}

impl Block {
    fn new(alg: BlockAlg, key: &[u8]) -> Option<Block> {
        Some(match alg {
            BlockAlg::Aes128 => Block::Aes128(aes::Aes128::new_from_slice(key).ok()?),
            BlockAlg::Aes192 => Block::Aes192(aes::Aes192::new_from_slice(key).ok()?),
            BlockAlg::Aes256 => Block::Aes256(aes::Aes256::new_from_slice(key).ok()?),
            BlockAlg::DesEde3 => Block::DesEde3(des::TdesEde3::new_from_slice(key).ok()?),
            BlockAlg::DesEde => Block::DesEde(des::TdesEde2::new_from_slice(key).ok()?),
            BlockAlg::Des => Block::Des(des::Des::new_from_slice(key).ok()?),
        })
    }

    /// Encrypts (`forward`) or decrypts one block in place; `b` is exactly one block long.
    fn block(&self, b: &mut [u8], forward: bool) {
        macro_rules! run {
            ($c:expr) => {{
                let b = GenericArray::from_mut_slice(b);
                if forward {
                    $c.encrypt_block(b)
                } else {
                    $c.decrypt_block(b)
                }
            }};
        }
        match self {
            Block::Aes128(c) => run!(c),
            Block::Aes192(c) => run!(c),
            Block::Aes256(c) => run!(c),
            Block::DesEde3(c) => run!(c),
            Block::DesEde(c) => run!(c),
            Block::Des(c) => run!(c),
        }
    }

    fn block_len(&self) -> usize {
        match self {
            Block::Aes128(_) | Block::Aes192(_) | Block::Aes256(_) => 16,
            Block::DesEde3(_) | Block::DesEde(_) | Block::Des(_) => 8,
        }
    }

    /// Runs `mode` over `buf` in place (whole blocks for ECB/CBC; the caller pads). `iv`
    /// is one block long except for ECB.
    fn apply(&self, mode: Mode, iv: &[u8], buf: &mut [u8], encrypt: bool) {
        let bs = self.block_len();
        let mut reg = iv.to_vec();
        reg.resize(bs, 0);
        let mut ks = vec![0u8; bs];
        match mode {
            Mode::Ecb => {
                for chunk in buf.chunks_exact_mut(bs) {
                    self.block(chunk, encrypt);
                }
            }
            Mode::Cbc => {
                for chunk in buf.chunks_exact_mut(bs) {
                    if encrypt {
                        xor(chunk, &reg);
                        self.block(chunk, true);
                        reg.copy_from_slice(chunk);
                    } else {
                        let saved = chunk.to_vec();
                        self.block(chunk, false);
                        xor(chunk, &reg);
                        reg = saved;
                    }
                }
            }
            Mode::Cfb => {
                for chunk in buf.chunks_mut(bs) {
                    ks.copy_from_slice(&reg);
                    self.block(&mut ks, true);
                    let n = chunk.len();
                    if encrypt {
                        xor(chunk, &ks[..n]);
                        reg[..n].copy_from_slice(chunk);
                    } else {
                        reg[..n].copy_from_slice(chunk);
                        xor(chunk, &ks[..n]);
                    }
                }
            }
            Mode::Cfb8 => {
                for byte in buf.iter_mut() {
                    ks.copy_from_slice(&reg);
                    self.block(&mut ks, true);
                    let out = *byte ^ ks[0];
                    let cipher_byte = if encrypt { out } else { *byte };
                    reg.rotate_left(1);
                    reg[bs - 1] = cipher_byte;
                    *byte = out;
                }
            }
            Mode::Cfb1 => {
                for byte in buf.iter_mut() {
                    let mut out = 0u8;
                    for bit in (0..8).rev() {
                        ks.copy_from_slice(&reg);
                        self.block(&mut ks, true);
                        let in_bit = (*byte >> bit) & 1;
                        let out_bit = in_bit ^ (ks[0] >> 7);
                        out |= out_bit << bit;
                        let cipher_bit = if encrypt { out_bit } else { in_bit };
                        shift_left_one_bit(&mut reg, cipher_bit);
                    }
                    *byte = out;
                }
            }
            Mode::Ofb => {
                for chunk in buf.chunks_mut(bs) {
                    self.block(&mut reg, true);
                    xor(chunk, &reg[..chunk.len()]);
                }
            }
            Mode::Ctr => {
                for chunk in buf.chunks_mut(bs) {
                    ks.copy_from_slice(&reg);
                    self.block(&mut ks, true);
                    xor(chunk, &ks[..chunk.len()]);
                    for b in reg.iter_mut().rev() {
                        *b = b.wrapping_add(1);
                        if *b != 0 {
                            break;
                        }
                    }
                }
            }
        }
    }
}

fn xor(a: &mut [u8], b: &[u8]) {
    for (x, y) in a.iter_mut().zip(b) {
        *x ^= y;
    }
}

/// `reg << 1`, with `bit` shifted in at the bottom.
fn shift_left_one_bit(reg: &mut [u8], bit: u8) {
    let mut carry = bit;
    for b in reg.iter_mut().rev() {
        let next = *b >> 7;
        *b = (*b << 1) | carry;
        carry = next;
    }
}

/// Where an encrypted key is written: PKCS#8 (PBES2) or the legacy PEM encryption.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Target {
    /// `EncryptedPrivateKeyInfo`.
    Pkcs8,
    /// "Proc-Type: 4,ENCRYPTED" PEM (PKCS#1 / SEC1).
    LegacyPem,
}

/// The cipher `name` for encrypting to `target`, or the error Node (OpenSSL 3) reports:
/// `ERR_CRYPTO_UNKNOWN_CIPHER` for names OpenSSL does not know, or OpenSSL's refusal of a
/// cipher it knows but cannot use there.
pub(super) fn cipher_for(name: &str, target: Target) -> Result<KeyCipher, ThrowError> {
    let lower = name.to_ascii_lowercase();
    let cipher = KeyCipher::from_name(&lower);
    let no_oid = || {
        openssl_error(
            "0680006C",
            "asn1 encoding routines",
            "cipher has no object identifier",
            "ERR_OSSL_ASN1_CIPHER_HAS_NO_OBJECT_IDENTIFIER",
        )
    };
    let evp_unsupported = || {
        openssl_error(
            "0308010C",
            "digital envelope routines",
            "unsupported",
            "ERR_OSSL_EVP_UNSUPPORTED",
        )
    };
    let pem_unsupported = || {
        openssl_error(
            "04800071",
            "PEM routines",
            "unsupported cipher",
            "ERR_OSSL_PEM_UNSUPPORTED_CIPHER",
        )
    };
    if let Some(c) = cipher {
        // Single DES lives in OpenSSL 3's legacy provider, which Node does not load (the
        // legacy PEM writer's IV check comes first).
        if c.alg == BlockAlg::Des {
            return Err(if target == Target::LegacyPem && c.iv_len() == 0 {
                pem_unsupported()
            } else {
                evp_unsupported()
            });
        }
        return match target {
            Target::Pkcs8 => {
                if c.alg == BlockAlg::DesEde3 && c.mode == Mode::Cfb {
                    // OpenSSL's des-ede3-cfb has an OID but no ASN.1 parameter handling.
                    Err(evp_unsupported())
                } else if c.oid().is_none() {
                    Err(no_oid())
                } else {
                    Ok(c)
                }
            }
            Target::LegacyPem => {
                if c.iv_len() == 0 {
                    Err(pem_unsupported())
                } else {
                    Ok(c)
                }
            }
        };
    }
    // Ciphers OpenSSL knows that are not implemented here: what Node reports where that
    // is a refusal; otherwise "Unknown cipher".
    let is = |suffix: &str| lower.ends_with(suffix);
    let err = match target {
        _ if lower.contains("wrap") && lower.starts_with("des3") => match target {
            Target::Pkcs8 => openssl_error(
                "1C800066",
                "Provider routines",
                "cipher operation failed",
                "ERR_OSSL_CIPHER_OPERATION_FAILED",
            ),
            Target::LegacyPem => pem_unsupported(),
        },
        _ if lower.contains("wrap") && lower.contains("aes") => openssl_error(
            "1C8000E6",
            "Provider routines",
            "invalid input length",
            "ERR_OSSL_INVALID_INPUT_LENGTH",
        ),
        _ if ["bf", "cast", "rc2", "rc4", "seed", "idea", "desx"]
            .iter()
            .any(|p| lower.starts_with(p)) =>
        {
            if target == Target::LegacyPem && (lower == "rc4" || is("-ecb")) {
                pem_unsupported()
            } else {
                evp_unsupported()
            }
        }
        Target::Pkcs8 if is("-gcm") => openssl_error(
            "0300007A",
            "digital envelope routines",
            "cipher parameter error",
            "ERR_OSSL_EVP_CIPHER_PARAMETER_ERROR",
        ),
        Target::Pkcs8 if is("-xts") || is("-ccm") => openssl_error(
            "0300006B",
            "digital envelope routines",
            "unsupported cipher",
            "ERR_OSSL_EVP_UNSUPPORTED_CIPHER",
        ),
        Target::Pkcs8 if is("-ocb") || lower.starts_with("chacha20") => no_oid(),
        Target::LegacyPem if is("-ecb") => pem_unsupported(),
        _ => ThrowError::error("Unknown cipher").with("code", "ERR_CRYPTO_UNKNOWN_CIPHER"),
    };
    Err(err)
}

/// Why decryption failed.
#[derive(Debug, PartialEq, Eq)]
pub(super) enum PbeError {
    /// The structure or its algorithms are not understood.
    Unsupported,
    /// Decryption produced bad padding: a wrong passphrase.
    BadDecrypt,
}

/// The PBKDF2-HMAC PRFs PBES2 names.
#[derive(Clone, Copy)]
enum Prf {
    Sha1,
    Sha224,
    Sha256,
    Sha384,
    Sha512,
}

fn pbkdf2(prf: Prf, pass: &[u8], salt: &[u8], iterations: u32, out: &mut [u8]) {
    use pbkdf2::pbkdf2_hmac;
    match prf {
        Prf::Sha1 => pbkdf2_hmac::<sha1::Sha1>(pass, salt, iterations, out),
        Prf::Sha224 => pbkdf2_hmac::<sha2::Sha224>(pass, salt, iterations, out),
        Prf::Sha256 => pbkdf2_hmac::<sha2::Sha256>(pass, salt, iterations, out),
        Prf::Sha384 => pbkdf2_hmac::<sha2::Sha384>(pass, salt, iterations, out),
        Prf::Sha512 => pbkdf2_hmac::<sha2::Sha512>(pass, salt, iterations, out),
    }
}

/// The fields of a PBES2 `EncryptedPrivateKeyInfo`.
struct Pbes2 {
    prf: Prf,
    salt: Vec<u8>,
    iterations: u32,
    key_len: Option<u64>,
    cipher: KeyCipher,
    iv: Vec<u8>,
    data: Vec<u8>,
}

/// Decrypts a PKCS#8 `EncryptedPrivateKeyInfo` (PBES2 + PBKDF2) to the `PrivateKeyInfo` DER.
pub(super) fn pkcs8_decrypt(der: &[u8], pass: &[u8]) -> Result<Vec<u8>, PbeError> {
    let parse = || -> Option<Pbes2> {
        let mut outer = Reader::new(der).sequence()?;
        let mut alg = outer.sequence()?;
        if alg.oid()? != oids::PBES2 {
            return None;
        }
        let mut params = alg.sequence()?;
        let mut kdf = params.sequence()?;
        if kdf.oid()? != oids::PBKDF2 {
            return None;
        }
        let mut kdf_params = kdf.sequence()?;
        let salt = kdf_params.octet_string()?.to_vec();
        let iterations = u32::try_from(kdf_params.small_uint()?).ok()?;
        let key_len = if kdf_params.peek_tag() == Some(der::tag::INTEGER) {
            Some(kdf_params.small_uint()?)
        } else {
            None
        };
        let prf = if kdf_params.is_empty() {
            Prf::Sha1
        } else {
            let mut prf_alg = kdf_params.sequence()?;
            match prf_alg.oid()? {
                o if o == oids::HMAC_SHA1 => Prf::Sha1,
                o if o == oids::HMAC_SHA224 => Prf::Sha224,
                o if o == oids::HMAC_SHA256 => Prf::Sha256,
                o if o == oids::HMAC_SHA384 => Prf::Sha384,
                o if o == oids::HMAC_SHA512 => Prf::Sha512,
                _ => return None,
            }
        };
        let mut enc = params.sequence()?;
        let cipher = KeyCipher::from_oid(enc.oid()?)?;
        let iv = enc.octet_string()?.to_vec();
        let data = outer.octet_string()?.to_vec();
        Some(Pbes2 { prf, salt, iterations, key_len, cipher, iv, data })
    };
    let Pbes2 { prf, salt, iterations, key_len, cipher, iv, data } =
        parse().ok_or(PbeError::Unsupported)?;
    if iterations == 0
        || iv.len() != cipher.iv_len()
        || key_len.is_some_and(|n| n != cipher.key_len() as u64)
    {
        return Err(PbeError::Unsupported);
    }
    let mut key = vec![0u8; cipher.key_len()];
    pbkdf2(prf, pass, &salt, iterations, &mut key);
    cipher.decrypt(&key, &iv, &data).ok_or(PbeError::BadDecrypt)
}

/// Encrypts a `PrivateKeyInfo` as OpenSSL's `PEM_write_bio_PKCS8PrivateKey` does: PBES2,
/// PBKDF2 with a 16-byte salt, 2048 iterations and HMAC-SHA256, then `cipher` (as its OID
/// names it: CFB8 and CFB1 become CFB128, as in OpenSSL). `None` for a cipher without an
/// OID ([`cipher_for`] refuses those first).
pub(super) fn pkcs8_encrypt(plain: &[u8], cipher: KeyCipher, pass: &[u8]) -> Option<Vec<u8>> {
    let oid = cipher.oid()?;
    let cipher = KeyCipher::from_oid(&oid)?;
    let mut salt = [0u8; 16];
    let mut iv = vec![0u8; cipher.iv_len()];
    fill_random(&mut salt);
    fill_random(&mut iv);
    let iterations = 2048;
    let mut key = vec![0u8; cipher.key_len()];
    pbkdf2(Prf::Sha256, pass, &salt, iterations, &mut key);
    let data = cipher.encrypt(&key, &iv, plain)?;
    let prf = der::seq(&[&der::oid(oids::HMAC_SHA256), der::NULL]);
    let kdf_params =
        der::seq(&[&der::octet_string(&salt), &der::uint(&iterations.to_be_bytes()), &prf]);
    let kdf = der::seq(&[&der::oid(oids::PBKDF2), &kdf_params]);
    let enc = der::seq(&[&der::oid(&oid), &der::octet_string(&iv)]);
    let alg = der::seq(&[&der::oid(oids::PBES2), &der::seq(&[&kdf, &enc])]);
    Some(der::seq(&[&alg, &der::octet_string(&data)]))
}

/// OpenSSL's `EVP_BytesToKey` with MD5 and one iteration: the legacy PEM key derivation.
fn bytes_to_key(pass: &[u8], salt: &[u8], len: usize) -> Vec<u8> {
    let mut out = Vec::with_capacity(len + 16);
    let mut prev: Vec<u8> = Vec::new();
    while out.len() < len {
        let mut h = md5::Md5::new();
        h.update(&prev);
        h.update(pass);
        h.update(salt);
        prev = h.finalize().to_vec();
        out.extend_from_slice(&prev);
    }
    out.truncate(len);
    out
}

/// Whether a `DEK-Info` value names a cipher and IV this module can decrypt with.
pub(super) fn legacy_dek_ok(dek_info: &str) -> bool {
    parse_dek(dek_info).is_some()
}

fn parse_dek(dek_info: &str) -> Option<(KeyCipher, Vec<u8>)> {
    let (name, iv_hex) = dek_info.split_once(',')?;
    let cipher = KeyCipher::from_name(name.trim())?;
    let iv = hex_simd::decode_to_vec(iv_hex.trim()).ok()?;
    (iv.len() == cipher.iv_len() && iv.len() >= 8).then_some((cipher, iv))
}

/// Decrypts a legacy encrypted PEM body given its `DEK-Info` value ("AES-256-CBC,<iv hex>").
pub(super) fn legacy_pem_decrypt(
    dek_info: &str,
    pass: &[u8],
    data: &[u8],
) -> Result<Vec<u8>, PbeError> {
    let (cipher, iv) = parse_dek(dek_info).ok_or(PbeError::Unsupported)?;
    let key = bytes_to_key(pass, &iv[..8], cipher.key_len());
    cipher.decrypt(&key, &iv, data).ok_or(PbeError::BadDecrypt)
}

/// Encrypts `data` for a legacy PEM: returns the `DEK-Info` value and the ciphertext.
/// `None` for a cipher without an IV ([`cipher_for`] refuses those first).
pub(super) fn legacy_pem_encrypt(
    cipher: KeyCipher,
    pass: &[u8],
    data: &[u8],
) -> Option<(String, Vec<u8>)> {
    let mut iv = vec![0u8; cipher.iv_len()];
    if iv.len() < 8 {
        return None;
    }
    fill_random(&mut iv);
    let key = bytes_to_key(pass, &iv[..8], cipher.key_len());
    let dek = format!(
        "{},{}",
        cipher.pem_name(),
        hex_simd::encode_to_string(&iv, hex_simd::AsciiCase::Upper)
    );
    Some((dek, cipher.encrypt(&key, &iv, data)?))
}

fn fill_random(buf: &mut [u8]) {
    use rand_core06::RngCore;
    rand_core06::OsRng.fill_bytes(buf);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn named(name: &str) -> KeyCipher {
        KeyCipher::from_name(name).expect(name)
    }

    #[test]
    fn pkcs8_round_trip_and_wrong_password() {
        let plain = b"0123456789abcdef-some-private-key-info".to_vec();
        for name in ["aes-128-cbc", "aes-256-cbc", "des-ede3-cbc", "aes-128-ecb", "des-ede"] {
            let cipher = named(name);
            let enc = pkcs8_encrypt(&plain, cipher, b"pw").expect("has an OID");
            assert_eq!(pkcs8_decrypt(&enc, b"pw"), Ok(plain.clone()), "{name}");
            // A wrong password fails the padding check (with overwhelming probability).
            assert!(pkcs8_decrypt(&enc, b"wrong").is_err());
            for cut in [0, 1, 10, enc.len() - 1] {
                assert!(pkcs8_decrypt(&enc[..cut], b"pw").is_err());
            }
        }
        // Stream modes round-trip (a wrong password just gives garbage).
        for name in ["aes-128-cfb", "aes-192-ofb", "aes-256-cfb8", "aes-128-cfb1"] {
            let enc = pkcs8_encrypt(&plain, named(name), b"pw").expect("has an OID");
            assert_eq!(pkcs8_decrypt(&enc, b"pw"), Ok(plain.clone()), "{name}");
        }
        assert_eq!(pkcs8_decrypt(b"\x30\x00", b"pw"), Err(PbeError::Unsupported));
    }

    #[test]
    fn legacy_round_trip() {
        for name in [
            "aes-128-cbc",
            "aes-128-cfb",
            "aes-192-cfb8",
            "aes-256-cfb1",
            "aes-128-ofb",
            "aes-128-ctr",
            "des-ede3-cfb",
            "des-ede3-ofb",
            "des-ede-cbc",
        ] {
            let (dek, data) = legacy_pem_encrypt(named(name), b"pw", b"hello").expect(name);
            assert!(dek.starts_with(&name.to_ascii_uppercase()));
            assert_eq!(legacy_pem_decrypt(&dek, b"pw", &data), Ok(b"hello".to_vec()), "{name}");
        }
        let (_, data) = legacy_pem_encrypt(named("aes-128-cbc"), b"pw", b"hello").expect("cbc");
        assert!(legacy_pem_decrypt("AES-128-CBC,zz", b"pw", &data).is_err());
        assert!(legacy_pem_decrypt("FOO,00", b"pw", &data).is_err());
        assert!(legacy_pem_decrypt("AES-128-ECB,", b"pw", &data).is_err());
        assert!(legacy_pem_encrypt(named("aes-128-ecb"), b"pw", b"x").is_none());
    }

    /// Known-answer tests against OpenSSL (`openssl enc -K 000102.. -iv 0f0e..`).
    #[test]
    fn modes_match_openssl() {
        let key: Vec<u8> = (0..16).collect();
        let iv: Vec<u8> = (0..16).rev().collect();
        let plain = b"The quick brown fox jumps over!";
        for (name, hex) in KAT {
            let c = named(name);
            let iv = &iv[..c.iv_len()];
            let out = c.encrypt(&key, iv, plain).expect(name);
            assert_eq!(
                hex_simd::encode_to_string(&out, hex_simd::AsciiCase::Lower),
                *hex,
                "{name}"
            );
            assert_eq!(c.decrypt(&key, iv, &out).as_deref(), Some(&plain[..]), "{name}");
        }
    }

    const KAT: &[(&str, &str)] = &[
        ("aes-128-cbc", "6f40de04ce96f3426280fc4c87d9209a7fa6c27c6f88648c5f76c00871418050"),
        ("aes-128-ecb", "f7021c01de43c8147cd2477a7eba55b3df2c033787ab44132ca81e8bf4d20e9a"),
        ("aes-128-cfb", "74c19cb2c539328b6f3f9eae03d9f74a909aaeafd74ac79ea57df7ec233543"),
        ("aes-128-cfb8", "745c0f0abd994b0db7824043a0452daf9e719397e7fb8d35cbdef37707d514"),
        ("aes-128-cfb1", "77263e1fdfc0018d38f5d8e4c534a03a54cf511d884fd17f2c4ef11116d891"),
        ("aes-128-ofb", "74c19cb2c539328b6f3f9eae03d9f74a8261554f2d17cdb5f72444fdb04651"),
        ("aes-128-ctr", "74c19cb2c539328b6f3f9eae03d9f74a21c9dc851f2b0d341d92fe9a2c4b20"),
        ("des-ede-cbc", "6c984879218331c39bf0d29c59949c492ed08f7e4ef4e1c0feea725d4f1e6f0c"),
        ("des-ede", "e66f125248f829ab7531c3070055db039493fa57c8140814f3c7e29fddeacb6a"),
        ("des-ede-cfb", "111d73e2ee48ad0d04d5fe4509324dc8bb22a89c555ce08f20f8b14d3a49dc"),
        ("des-ede-ofb", "111d73e2ee48ad0d460b690b27f5e134e02e6b0c86516c23619a11a3dc0023"),
    ];

    #[test]
    fn cipher_errors_match_node() {
        let code = |name: &str, target| cipher_for(name, target).err().map(|e| e.message);
        assert!(cipher_for("AES-128-ECB", Target::Pkcs8).is_ok());
        let pem = "error:04800071:PEM routines::unsupported cipher";
        assert_eq!(code("aes-128-ecb", Target::LegacyPem).as_deref(), Some(pem));
        let no_oid = "error:0680006C:asn1 encoding routines::cipher has no object identifier";
        assert_eq!(code("aes-128-ctr", Target::Pkcs8).as_deref(), Some(no_oid));
        assert!(cipher_for("aes-128-ctr", Target::LegacyPem).is_ok());
        let evp = "error:0308010C:digital envelope routines::unsupported";
        assert_eq!(code("des", Target::LegacyPem).as_deref(), Some(evp));
        assert_eq!(code("nope", Target::Pkcs8).as_deref(), Some("Unknown cipher"));
    }
}
