//! `internalBinding('crypto')`, signatures: `crypto.sign`/`crypto.verify` and the `Sign`/
//! `Verify` classes (sync and on the blocking pool) for RSA (PKCS#1 v1.5 and PSS), RSA-PSS
//! keys (with their parameter restrictions), ECDSA (DER or IEEE P1363), DSA, Ed25519 and
//! Ed448.
//!
//! RSA paddings are encoded here (with `rsa_cipher.rs`'s raw operations) so that every
//! digest Node accepts works, PSS can use a different MGF1 digest (restricted rsa-pss keys)
//! and verification can detect the salt length. OpenSSL's choices are mirrored: the
//! defaults (SHA-256; salt lengths depending on whether `padding` was given and on the key's
//! PSS parameters), which digests each algorithm allows, and which failures throw (bad
//! options) versus make `verify` return false (any bad signature).

use std::sync::Arc;

use ecdsa::signature::hazmat::{PrehashVerifier, RandomizedPrehashSigner};
use engine::{HostValue, Op, OpCtx, OpResult, ThrowError};
use num_bigint_dig::BigUint;
use rand_core06::{OsRng, RngCore};
use rsa::traits::PublicKeyParts;

mod ring_fast;

use super::async_op;
use super::crypto::Algorithm;
use super::keys::{key_arg, AsymKey, EcPrivateKey, EcPublicKey, RsaVariant};
use super::rsa_cipher::{
    hash, hash_len, hash_parts, illegal_padding, keytype_unsupported, mgf1, modulus_len,
    provider_error, rsa_error, rsa_private, rsa_public, too_large_for_key, RawError, NO_PADDING,
    PKCS1_PADDING, PSS_PADDING,
};

pub(super) const OPS: &[Op] = &[
    Op { binding: "crypto", name: "sign", func: sign },
    Op { binding: "crypto", name: "verify", func: verify },
    Op { binding: "crypto", name: "signAsync", func: sign_async },
    Op { binding: "crypto", name: "verifyAsync", func: verify_async },
];

/// `RSA_PSS_SALTLEN_DIGEST`.
const SALTLEN_DIGEST: i32 = -1;
/// `RSA_PSS_SALTLEN_AUTO` (sign: the maximum; verify: whatever the signature has).
const SALTLEN_AUTO: i32 = -2;
/// `RSA_PSS_SALTLEN_MAX`.
const SALTLEN_MAX: i32 = -3;
/// `RSA_PSS_SALTLEN_AUTO_DIGEST_MAX` (sign: the digest length if it fits; verify: auto).
const SALTLEN_AUTO_DIGEST_MAX: i32 = -4;

/// What the RSA signature provider leaves under its error.
const RSA_LIB_STACK: &[&str] = &["error:1C880004:Provider routines::RSA lib"];

/// The arguments of one sign or verify call, copied so the work can leave the JS thread.
struct SignJob {
    key: Arc<AsymKey>,
    digest: Option<String>,
    data: Vec<u8>,
    padding: Option<i32>,
    salt_length: Option<i32>,
    p1363: bool,
    context: Option<Vec<u8>>,
    /// The signature to check (verify only).
    signature: Option<Vec<u8>>,
}

/// Argument `i` as an int32, or `None` when null/undefined.
fn opt_i32(ctx: &mut dyn OpCtx, i: usize) -> Option<i32> {
    ctx.arg_number(i).filter(|n| n.is_finite()).map(|n| n as i32)
}

impl SignJob {
    /// Reads `sign(id, digest, data, padding, saltLength, dsaEncoding, context)` or (with
    /// `verify`) `verify(id, digest, data, signature, padding, saltLength, dsaEncoding,
    /// context)`.
    fn from_args(ctx: &mut dyn OpCtx, verify: bool) -> Result<Self, ThrowError> {
        let key = key_arg(ctx, 0)?;
        let digest = ctx.arg_string(1);
        let data = ctx.arg_bytes(2).map(|b| b.to_vec()).unwrap_or_default();
        let (signature, rest) = if verify {
            (Some(ctx.arg_bytes(3).map(|b| b.to_vec()).unwrap_or_default()), 4)
        } else {
            (None, 3)
        };
        let padding = opt_i32(ctx, rest);
        let salt_length = opt_i32(ctx, rest + 1);
        let p1363 = ctx.arg_string(rest + 2).as_deref() == Some("ieee-p1363");
        let context = ctx.arg_bytes(rest + 3).map(|b| b.to_vec());
        if context.as_ref().is_some_and(|c| c.len() > 255) {
            return Err(ThrowError::range_error(
                "ERR_OUT_OF_RANGE",
                "context string must be at most 255 bytes",
            ));
        }
        Ok(Self { key, digest, data, padding, salt_length, p1363, context, signature })
    }

    /// Signs (or verifies, when the job has a signature).
    fn run(self) -> Result<HostValue, ThrowError> {
        match &self.signature {
            None => Ok(HostValue::Bytes(self.sign()?)),
            Some(signature) => Ok(self.verify(signature)?.into()),
        }
    }

    /// The digest algorithm named, or Node's error for an unknown name (`None`: no name).
    fn named_digest(&self) -> Result<Option<Named>, ThrowError> {
        let Some(name) = &self.digest else { return Ok(None) };
        if matches!(name.to_ascii_lowercase().as_str(), "shake128" | "shake256") {
            return Ok(Some(Named::Xof));
        }
        Algorithm::from_name(name).map(|a| Some(Named::Fixed(a))).ok_or_else(|| {
            ThrowError::type_error("ERR_CRYPTO_INVALID_DIGEST", format!("Invalid digest: {name}"))
        })
    }

    fn sign(&self) -> Result<Vec<u8>, ThrowError> {
        let named = self.named_digest()?;
        match &*self.key {
            AsymKey::RsaPrivate { key, variant } => {
                let plan =
                    RsaPlan::new(key, variant, named, self.padding, self.salt_length, false)?;
                plan.sign(key, &self.data)
            }
            AsymKey::EcPrivate(key) => {
                let z = hash(ec_digest(named)?, &self.data);
                ecdsa_sign(key, &z, self.p1363)
            }
            AsymKey::DsaPrivate(key) => {
                let z = hash(dsa_digest(named)?, &self.data);
                dsa_sign(key, &z, self.p1363)
            }
            AsymKey::Ed25519Private(key) => {
                eddsa_checks(named, self.context.as_deref(), true)?;
                use ed25519_dalek::Signer;
                Ok(key.sign(&self.data).to_bytes().to_vec())
            }
            AsymKey::Ed448Private(key) => {
                eddsa_checks(named, None, false)?;
                let context = self.context.as_deref().unwrap_or(&[]);
                let signature = key
                    .sign_ctx(context, &self.data)
                    .map_err(|_| failed("Context parameter is unsupported"))?;
                Ok(signature.to_bytes().to_vec())
            }
            AsymKey::PqcPrivate(key) => super::keys::pqc::sign(
                key,
                named.is_some(),
                &self.data,
                self.context.as_deref().unwrap_or(&[]),
            ),
            AsymKey::RsaPublic { .. }
            | AsymKey::PqcPublic(_)
            | AsymKey::EcPublic(_)
            | AsymKey::DsaPublic(_)
            | AsymKey::Ed25519Public(_)
            | AsymKey::Ed448Public(_) => Err(ThrowError::type_error(
                "ERR_CRYPTO_INVALID_KEY_OBJECT_TYPE",
                "Invalid key object type public, expected private.",
            )),
            _ => Err(keytype_unsupported()),
        }
    }

    fn verify(&self, signature: &[u8]) -> Result<bool, ThrowError> {
        let named = self.named_digest()?;
        let public = self.key.to_public();
        match &public {
            AsymKey::RsaPublic { key, variant } => {
                let plan = RsaPlan::new(key, variant, named, self.padding, self.salt_length, true)?;
                Ok(plan.verify(key, &self.data, signature))
            }
            AsymKey::EcPublic(key) => {
                let z = hash(ec_digest(named)?, &self.data);
                Ok(ecdsa_verify(key, &z, signature, self.p1363))
            }
            AsymKey::DsaPublic(key) => {
                let z = hash(dsa_digest(named)?, &self.data);
                Ok(dsa_verify(key, &z, signature, self.p1363))
            }
            AsymKey::Ed25519Public(key) => {
                eddsa_checks(named, self.context.as_deref(), true)?;
                let Ok(bytes) = <[u8; 64]>::try_from(signature) else { return Ok(false) };
                let signature = ed25519_dalek::Signature::from_bytes(&bytes);
                Ok(ed25519_dalek::Verifier::verify(key, &self.data, &signature).is_ok())
            }
            AsymKey::Ed448Public(key) => {
                eddsa_checks(named, None, false)?;
                let Ok(bytes) = <[u8; 114]>::try_from(signature) else { return Ok(false) };
                let Ok(signature) = ed448_goldilocks_plus::Signature::from_bytes(&bytes) else {
                    return Ok(false);
                };
                let context = self.context.as_deref().unwrap_or(&[]);
                Ok((*key).verify_ctx(&signature, context, &self.data).is_ok())
            }
            AsymKey::PqcPublic(key) => super::keys::pqc::verify(
                key,
                named.is_some(),
                &self.data,
                self.context.as_deref().unwrap_or(&[]),
                signature,
            ),
            _ => Err(keytype_unsupported()),
        }
    }
}

/// A digest name as given: a fixed-output digest, or SHAKE (which signatures refuse).
#[derive(Clone, Copy)]
enum Named {
    Fixed(Algorithm),
    Xof,
}

/// Node's `ERR_CRYPTO_OPERATION_FAILED` with `message`.
fn failed(message: &str) -> ThrowError {
    ThrowError::error(message).with("code", "ERR_CRYPTO_OPERATION_FAILED")
}

/// `invalid digest` (a digest given to EdDSA, SHAKE given to ECDSA).
fn invalid_digest() -> ThrowError {
    provider_error("1C80007A", "invalid digest", "ERR_OSSL_INVALID_DIGEST")
}

/// `digest not allowed`.
fn digest_not_allowed() -> ThrowError {
    provider_error("1C8000AE", "digest not allowed", "ERR_OSSL_DIGEST_NOT_ALLOWED")
}

/// EdDSA takes no digest; Ed25519 no context either (an empty one is fine).
fn eddsa_checks(
    named: Option<Named>,
    context: Option<&[u8]>,
    no_context: bool,
) -> Result<(), ThrowError> {
    if named.is_some() {
        return Err(invalid_digest());
    }
    if no_context && context.is_some_and(|c| !c.is_empty()) {
        return Err(failed("Context parameter is unsupported"));
    }
    Ok(())
}

/// ECDSA's digest: any fixed-output one (SHA-256 by default).
fn ec_digest(named: Option<Named>) -> Result<Algorithm, ThrowError> {
    match named {
        None => Ok(Algorithm::Sha256),
        Some(Named::Fixed(a)) => Ok(a),
        Some(Named::Xof) => Err(invalid_digest()),
    }
}

/// DSA's digest: SHA-1, SHA-2 or SHA-3 (SHA-256 by default).
fn dsa_digest(named: Option<Named>) -> Result<Algorithm, ThrowError> {
    match named {
        None => Ok(Algorithm::Sha256),
        Some(Named::Fixed(Algorithm::Md5)) | Some(Named::Xof) => Err(digest_not_allowed()),
        Some(Named::Fixed(a)) => Ok(a),
    }
}

// ---- RSA ----

/// How an RSA signature is made or checked.
#[derive(Debug, PartialEq, Eq)]
enum RsaPlan {
    /// PKCS#1 v1.5 with this digest.
    Pkcs1(Algorithm),
    /// PSS.
    Pss { alg: Algorithm, mgf: Algorithm, salt: SaltRule },
}

/// The PSS salt length to use or accept.
#[derive(Debug, PartialEq, Eq, Clone, Copy)]
enum SaltRule {
    /// Exactly this many bytes.
    Exact(usize),
    /// The largest that fits (sign), exactly that (verify).
    Max,
    /// The digest length, or the largest that fits if smaller (sign only).
    DigestOrMax,
    /// Whatever the signature has (verify only).
    Auto,
}

impl RsaPlan {
    /// Resolves padding, digest and salt length as OpenSSL does for this key, with Node's
    /// errors for combinations it refuses.
    fn new(
        key: &impl PublicKeyParts,
        variant: &RsaVariant,
        named: Option<Named>,
        padding: Option<i32>,
        salt_length: Option<i32>,
        verify: bool,
    ) -> Result<RsaPlan, ThrowError> {
        let is_pss_key = matches!(variant, RsaVariant::Pss(_));
        let pss = match padding {
            None => is_pss_key,
            Some(PSS_PADDING) => true,
            Some(PKCS1_PADDING) if !is_pss_key => false,
            Some(NO_PADDING) => {
                return Err(provider_error(
                    "1C8000A8",
                    "invalid padding mode",
                    "ERR_OSSL_INVALID_PADDING_MODE",
                ));
            }
            Some(_) => return Err(illegal_padding()),
        };
        let params = match variant {
            RsaVariant::Pss(Some(params)) => Some(params),
            _ => None,
        };
        let alg = match named {
            Some(Named::Xof) => return Err(digest_not_allowed()),
            Some(Named::Fixed(a)) => a,
            None => params.and_then(|p| Algorithm::from_name(p.hash)).unwrap_or(Algorithm::Sha256),
        };
        if !pss {
            return Ok(RsaPlan::Pkcs1(alg));
        }
        let mgf = params.and_then(|p| Algorithm::from_name(p.mgf1_hash)).unwrap_or(alg);
        let invalid_salt =
            || provider_error("1C800070", "invalid salt length", "ERR_OSSL_INVALID_SALT_LENGTH");
        // Node sets RSA_PSS_SALTLEN_AUTO when `padding` is given without `saltLength`;
        // otherwise OpenSSL's default for the key applies.
        let requested = match (salt_length, padding) {
            (Some(s), _) => Some(s),
            (None, Some(_)) => Some(SALTLEN_AUTO),
            (None, None) => None,
        };
        let h_len = hash_len(alg);
        let salt = match requested {
            Some(s) if s < SALTLEN_AUTO_DIGEST_MAX => return Err(invalid_salt()),
            Some(SALTLEN_DIGEST) => SaltRule::Exact(h_len),
            Some(SALTLEN_MAX) => SaltRule::Max,
            Some(SALTLEN_AUTO | SALTLEN_AUTO_DIGEST_MAX) if verify => SaltRule::Auto,
            Some(SALTLEN_AUTO | SALTLEN_AUTO_DIGEST_MAX) if params.is_some() => {
                return Err(invalid_salt());
            }
            Some(SALTLEN_AUTO) => SaltRule::Max,
            Some(SALTLEN_AUTO_DIGEST_MAX) => SaltRule::DigestOrMax,
            Some(s) => SaltRule::Exact(s as usize),
            None => match params {
                Some(p) => SaltRule::Exact(p.salt_length as usize),
                None if verify => SaltRule::Auto,
                None => SaltRule::DigestOrMax,
            },
        };
        if let Some(p) = params {
            let max = pss_max_salt(key, h_len).unwrap_or(0);
            let effective = match salt {
                SaltRule::Exact(n) => Some(n),
                SaltRule::Max => Some(max),
                _ => None,
            };
            if effective.is_some_and(|n| n < p.salt_length as usize) {
                return Err(provider_error(
                    "1C8000AC",
                    "pss saltlen too small",
                    "ERR_OSSL_PSS_SALTLEN_TOO_SMALL",
                ));
            }
        }
        // Checked after the salt length, as the `Sign` class reports it (Node's test for
        // restricted keys expects the salt error when both are wrong).
        if params.is_some_and(|p| Algorithm::from_name(p.hash) != Some(alg)) {
            return Err(digest_not_allowed());
        }
        Ok(RsaPlan::Pss { alg, mgf, salt })
    }

    fn sign(&self, key: &rsa::RsaPrivateKey, data: &[u8]) -> Result<Vec<u8>, ThrowError> {
        if let Some(signature) = ring_fast::sign(self, key, data) {
            return Ok(signature);
        }
        let k = modulus_len(key);
        let em = match *self {
            RsaPlan::Pkcs1(alg) => {
                let mut t = digest_info_prefix(alg);
                t.extend(hash(alg, data));
                if k < 11 || t.len() > k - 11 {
                    return Err(rsa_error(
                        "02000070",
                        "digest too big for rsa key",
                        "ERR_OSSL_RSA_DIGEST_TOO_BIG_FOR_RSA_KEY",
                        RSA_LIB_STACK,
                    ));
                }
                super::rsa_cipher::pkcs1_type1_encode(&t, k)
                    .ok_or_else(|| too_large_for_key(RSA_LIB_STACK))?
            }
            RsaPlan::Pss { alg, mgf, salt } => {
                let h_len = hash_len(alg);
                let max =
                    pss_max_salt(key, h_len).ok_or_else(|| too_large_for_key(RSA_LIB_STACK))?;
                let s_len = match salt {
                    SaltRule::Exact(n) => n,
                    SaltRule::Max | SaltRule::Auto => max,
                    SaltRule::DigestOrMax => h_len.min(max),
                };
                if s_len > max {
                    return Err(too_large_for_key(RSA_LIB_STACK));
                }
                pss_encode(alg, mgf, &hash(alg, data), s_len, key.n().bits() - 1)
            }
        };
        rsa_private(key, &em).map_err(|e| match e {
            RawError::Fault => rsa_error(
                "02000044",
                "internal error",
                "ERR_OSSL_RSA_INTERNAL_ERROR",
                RSA_LIB_STACK,
            ),
            _ => too_large_for_key(RSA_LIB_STACK),
        })
    }

    fn verify(&self, key: &rsa::RsaPublicKey, data: &[u8], signature: &[u8]) -> bool {
        if let Some(verdict) = ring_fast::verify(self, key, data, signature) {
            return verdict;
        }
        let k = modulus_len(key);
        if signature.len() != k {
            return false;
        }
        let Ok(em) = rsa_public(key, signature) else { return false };
        match *self {
            RsaPlan::Pkcs1(alg) => {
                let mut t = digest_info_prefix(alg);
                t.extend(hash(alg, data));
                super::rsa_cipher::pkcs1_type1_encode(&t, k).is_some_and(|expected| expected == em)
            }
            RsaPlan::Pss { alg, mgf, salt } => {
                let h_len = hash_len(alg);
                let salt = match salt {
                    SaltRule::Exact(n) => Some(n),
                    SaltRule::Max => match pss_max_salt(key, h_len) {
                        Some(max) => Some(max),
                        None => return false,
                    },
                    SaltRule::DigestOrMax | SaltRule::Auto => None,
                };
                pss_verify(alg, mgf, &hash(alg, data), &em, salt, key.n().bits() - 1)
            }
        }
    }
}

/// The largest PSS salt for this key and digest length (`None`: not even an empty one fits).
fn pss_max_salt(key: &impl PublicKeyParts, h_len: usize) -> Option<usize> {
    let em_len = (key.n().bits() - 1).div_ceil(8);
    em_len.checked_sub(h_len + 2)
}

/// The DER DigestInfo header that precedes the hash in a PKCS#1 v1.5 signature.
fn digest_info_prefix(alg: Algorithm) -> Vec<u8> {
    let h = hash_len(alg) as u8;
    let nist = |n: u8| {
        vec![
            0x30,
            0x11 + h,
            0x30,
            0x0d,
            0x06,
            0x09,
            0x60,
            0x86,
            0x48,
            0x01,
            0x65,
            0x03,
            0x04,
            0x02,
            n,
            0x05,
            0x00,
            0x04,
            h,
        ]
    };
    match alg {
        Algorithm::Md5 => vec![
            0x30, 0x20, 0x30, 0x0c, 0x06, 0x08, 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x02, 0x05,
            0x05, 0x00, 0x04, 0x10,
        ],
        Algorithm::Sha1 => vec![
            0x30, 0x21, 0x30, 0x09, 0x06, 0x05, 0x2b, 0x0e, 0x03, 0x02, 0x1a, 0x05, 0x00, 0x04,
            0x14,
        ],
        Algorithm::Sha256 => nist(1),
        Algorithm::Sha384 => nist(2),
        Algorithm::Sha512 => nist(3),
        Algorithm::Sha224 => nist(4),
        Algorithm::Sha512_224 => nist(5),
        Algorithm::Sha512_256 => nist(6),
        Algorithm::Sha3_224 => nist(7),
        Algorithm::Sha3_256 => nist(8),
        Algorithm::Sha3_384 => nist(9),
        Algorithm::Sha3_512 => nist(10),
    }
}

/// EMSA-PSS encoding (RFC 8017 9.1.1) of `m_hash` with a fresh `s_len`-byte salt, for a
/// modulus of `em_bits + 1` bits.
fn pss_encode(
    alg: Algorithm,
    mgf: Algorithm,
    m_hash: &[u8],
    s_len: usize,
    em_bits: usize,
) -> Vec<u8> {
    let h_len = m_hash.len();
    let em_len = em_bits.div_ceil(8);
    let mut salt = vec![0u8; s_len];
    OsRng.fill_bytes(&mut salt);
    let h = hash_parts(alg, &[&[0u8; 8], m_hash, &salt]);
    let db_len = em_len - h_len - 1;
    let mut db = vec![0u8; db_len - s_len - 1];
    db.push(1);
    db.extend_from_slice(&salt);
    for (b, m) in db.iter_mut().zip(mgf1(mgf, &h, db_len)) {
        *b ^= m;
    }
    if let Some(first) = db.first_mut() {
        *first &= 0xff >> (8 * em_len - em_bits);
    }
    let mut em = db;
    em.extend(h);
    em.push(0xbc);
    em
}

/// EMSA-PSS verification of the modulus-size block `em_full` (`salt`: the exact salt
/// length, or `None` to take whatever it has).
fn pss_verify(
    alg: Algorithm,
    mgf: Algorithm,
    m_hash: &[u8],
    em_full: &[u8],
    salt: Option<usize>,
    em_bits: usize,
) -> bool {
    let h_len = m_hash.len();
    let em_len = em_bits.div_ceil(8);
    // With emBits a multiple of 8 the block has one more (zero) byte than EM.
    let Some(extra) = em_full.len().checked_sub(em_len) else { return false };
    if em_full[..extra].iter().any(|&b| b != 0) {
        return false;
    }
    let em = &em_full[extra..];
    if em_len < h_len + 2 || em.last() != Some(&0xbc) {
        return false;
    }
    let db_len = em_len - h_len - 1;
    let (masked_db, rest) = em.split_at(db_len);
    let h = &rest[..h_len];
    let top_bits = 8 * em_len - em_bits;
    if masked_db.first().is_some_and(|&b| b & !(0xffu8 >> top_bits) != 0) {
        return false;
    }
    let mut db: Vec<u8> = masked_db.iter().zip(mgf1(mgf, h, db_len)).map(|(a, b)| a ^ b).collect();
    if let Some(first) = db.first_mut() {
        *first &= 0xff >> top_bits;
    }
    let Some(one) = db.iter().position(|&b| b != 0) else { return false };
    if db[one] != 1 {
        return false;
    }
    let found_salt = &db[one + 1..];
    if salt.is_some_and(|s| s != found_salt.len()) {
        return false;
    }
    hash_parts(alg, &[&[0u8; 8], m_hash, found_salt]) == h
}

// ---- ECDSA and DSA ----

/// `z` as the curve crates' prehash: shorter digests are left-padded to the field size
/// (the same integer; the crates refuse very short ones), longer ones are truncated by them.
fn prehash(z: &[u8], field_size: usize) -> Vec<u8> {
    if z.len() >= field_size {
        return z.to_vec();
    }
    let mut padded = vec![0u8; field_size - z.len()];
    padded.extend_from_slice(z);
    padded
}

/// Runs `$body` with `$c` naming the EC key's curve type and `$k` the inner key.
macro_rules! with_ec {
    ($key:expr, $variant:ident, $c:ident, $k:ident => $body:expr) => {
        match $key {
            $variant::P256($k) => {
                type $c = p256::NistP256;
                $body
            }
            $variant::P384($k) => {
                type $c = p384::NistP384;
                $body
            }
            $variant::P521($k) => {
                type $c = p521::NistP521;
                $body
            }
            $variant::K256($k) => {
                type $c = k256::Secp256k1;
                $body
            }
            $variant::P224($k) => {
                type $c = p224::NistP224;
                $body
            }
        }
    };
}

fn ecdsa_sign(key: &EcPrivateKey, z: &[u8], p1363: bool) -> Result<Vec<u8>, ThrowError> {
    let z = prehash(z, key.curve().field_size());
    let error = |_| failed("Signing failed");
    macro_rules! finish {
        ($signature:expr) => {{
            let signature = $signature.map_err(error)?;
            Ok(if p1363 {
                signature.to_bytes().to_vec()
            } else {
                signature.to_der().as_bytes().to_vec()
            })
        }};
    }
    // Straight from the secret scalar (as `ecdsa::SigningKey::sign_prehash` does after
    // deriving its verifying key, which would double the cost of every signature).
    macro_rules! rfc6979 {
        ($k:expr, $c:ty) => {{
            use ecdsa::hazmat::{bits2field, DigestPrimitive, SignPrimitive};
            bits2field::<$c>(&z).and_then(|z| {
                $k.to_nonzero_scalar()
                    .try_sign_prehashed_rfc6979::<<$c as DigestPrimitive>::Digest>(&z, &[])
                    .map(|(signature, _)| signature)
            })
        }};
    }
    match key {
        EcPrivateKey::P256(k) => finish!(rfc6979!(k, p256::NistP256)),
        EcPrivateKey::P384(k) => finish!(rfc6979!(k, p384::NistP384)),
        // k256's scalar signer normalizes s to the low half itself.
        EcPrivateKey::K256(k) => finish!(rfc6979!(k, k256::Secp256k1)),
        EcPrivateKey::P224(k) => finish!(rfc6979!(k, p224::NistP224)),
        // P-521 has no RFC 6979 digest of its field size; a random nonce, as its crate's
        // `SigningKey` does.
        EcPrivateKey::P521(k) => {
            use elliptic_curve::Field;
            let nonce = p521::Scalar::random(&mut OsRng);
            finish!(ecdsa::hazmat::bits2field::<p521::NistP521>(&z).and_then(|z| {
                ecdsa::hazmat::sign_prehashed::<p521::NistP521, _>(
                    k.to_nonzero_scalar().as_ref(),
                    nonce,
                    &z,
                )
                .map(|(signature, _)| signature)
            }))
        }
    }
}

fn ecdsa_verify(key: &EcPublicKey, z: &[u8], signature: &[u8], p1363: bool) -> bool {
    let z = prehash(z, key.curve().field_size());
    with_ec!(key, EcPublicKey, C, k => {
        // Both parsers refuse r or s of zero or not below the order ("psychic signatures").
        let parsed = if p1363 {
            ecdsa::Signature::<C>::from_slice(signature)
        } else {
            ecdsa::Signature::<C>::from_der(signature)
        };
        let Ok(parsed) = parsed else { return false };
        // OpenSSL accepts high-S signatures; k256's verifier insists on low S.
        let parsed = parsed.normalize_s().unwrap_or(parsed);
        let verifier = ecdsa::VerifyingKey::<C>::from(k);
        verifier.verify_prehash(&z, &parsed).is_ok()
    })
}

fn dsa_sign(key: &dsa::SigningKey, z: &[u8], p1363: bool) -> Result<Vec<u8>, ThrowError> {
    let signature =
        key.sign_prehash_with_rng(&mut OsRng, z).map_err(|_| failed("Signing failed"))?;
    let q_len = key.verifying_key().components().q().bits().div_ceil(8);
    Ok(encode_rs(signature.r(), signature.s(), p1363, q_len))
}

fn dsa_verify(key: &dsa::VerifyingKey, z: &[u8], signature: &[u8], p1363: bool) -> bool {
    let q = key.components().q();
    let parsed = if p1363 {
        let q_len = q.bits().div_ceil(8);
        if signature.len() != 2 * q_len {
            return false;
        }
        let (r, s) = signature.split_at(q_len);
        Some((BigUint::from_bytes_be(r), BigUint::from_bytes_be(s)))
    } else {
        decode_der_rs(signature)
    };
    let Some((r, s)) = parsed else { return false };
    if r.bits() == 0 || s.bits() == 0 || &r >= q || &s >= q {
        return false;
    }
    let Ok(signature) = dsa::Signature::from_components(r, s) else { return false };
    key.verify_prehash(z, &signature).is_ok()
}

/// `(r, s)` as DER `SEQUENCE { INTEGER, INTEGER }` or as fixed-size `r || s`.
fn encode_rs(r: &BigUint, s: &BigUint, p1363: bool, size: usize) -> Vec<u8> {
    if p1363 {
        let mut out = Vec::with_capacity(2 * size);
        for n in [r, s] {
            let bytes = if n.bits() == 0 { Vec::new() } else { n.to_bytes_be() };
            out.resize(out.len() + size.saturating_sub(bytes.len()), 0);
            out.extend(bytes);
        }
        return out;
    }
    let mut body = Vec::new();
    for n in [r, s] {
        let mut bytes = if n.bits() == 0 { vec![0] } else { n.to_bytes_be() };
        if bytes[0] & 0x80 != 0 {
            bytes.insert(0, 0);
        }
        body.push(0x02);
        push_der_len(&mut body, bytes.len());
        body.extend(bytes);
    }
    let mut out = vec![0x30];
    push_der_len(&mut out, body.len());
    out.extend(body);
    out
}

/// Appends a DER definite length.
fn push_der_len(out: &mut Vec<u8>, len: usize) {
    if len < 0x80 {
        out.push(len as u8);
    } else {
        let bytes: Vec<u8> = len.to_be_bytes().into_iter().skip_while(|&b| b == 0).collect();
        out.push(0x80 | bytes.len() as u8);
        out.extend(bytes);
    }
}

/// Reads a DER length at the start of `input`: `(length, header bytes)`; minimal only.
fn read_der_len(input: &[u8]) -> Option<(usize, usize)> {
    let first = *input.first()?;
    if first < 0x80 {
        return Some((usize::from(first), 1));
    }
    let n = usize::from(first & 0x7f);
    if n == 0 || n > 4 || input.len() < 1 + n || input[1] == 0 {
        return None;
    }
    let len = input[1..=n].iter().fold(0usize, |acc, &b| (acc << 8) | usize::from(b));
    if len < 0x80 {
        return None;
    }
    Some((len, 1 + n))
}

/// A strict DER `SEQUENCE { INTEGER r, INTEGER s }` (non-negative, minimal, nothing after).
fn decode_der_rs(input: &[u8]) -> Option<(BigUint, BigUint)> {
    if input.first() != Some(&0x30) {
        return None;
    }
    let (len, header) = read_der_len(&input[1..])?;
    let body = input.get(1 + header..)?;
    if body.len() != len {
        return None;
    }
    let mut rest = body;
    let mut ints = Vec::with_capacity(2);
    for _ in 0..2 {
        if rest.first() != Some(&0x02) {
            return None;
        }
        let (len, header) = read_der_len(&rest[1..])?;
        let start = 1 + header;
        let bytes = rest.get(start..start + len)?;
        let first = *bytes.first()?;
        if first & 0x80 != 0 || (first == 0 && bytes.len() > 1 && bytes[1] & 0x80 == 0) {
            return None;
        }
        ints.push(BigUint::from_bytes_be(bytes));
        rest = &rest[start + len..];
    }
    if !rest.is_empty() {
        return None;
    }
    let s = ints.pop()?;
    let r = ints.pop()?;
    Some((r, s))
}

// ---- the ops ----

/// `sign(id, digest, data, padding, saltLength, dsaEncoding, context)` → the signature.
fn sign(ctx: &mut dyn OpCtx) -> OpResult {
    SignJob::from_args(ctx, false)?.run()
}

/// `verify(id, digest, data, signature, padding, saltLength, dsaEncoding, context)` →
/// whether the signature is valid (option errors throw; a bad signature is `false`).
fn verify(ctx: &mut dyn OpCtx) -> OpResult {
    SignJob::from_args(ctx, true)?.run()
}

/// `signAsync(...)`: `sign` on the blocking pool; returns the request id.
fn sign_async(ctx: &mut dyn OpCtx) -> OpResult {
    let job = SignJob::from_args(ctx, false)?;
    async_op::spawn(ctx, move || job.run())
}

/// `verifyAsync(...)`: `verify` on the blocking pool; returns the request id.
fn verify_async(ctx: &mut dyn OpCtx) -> OpResult {
    let job = SignJob::from_args(ctx, true)?;
    async_op::spawn(ctx, move || job.run())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn digest_info_matches_the_rsa_crate() {
        let key = rsa::RsaPrivateKey::new(&mut OsRng, 1024).unwrap();
        let plan = RsaPlan::Pkcs1(Algorithm::Sha256);
        let ours = plan.sign(&key, b"abc").unwrap();
        let digest = hash(Algorithm::Sha256, b"abc");
        let theirs = key.sign(rsa::Pkcs1v15Sign::new::<sha2::Sha256>(), &digest).unwrap();
        assert_eq!(ours, theirs);
        let public = key.to_public_key();
        assert!(plan.verify(&public, b"abc", &ours));
        assert!(!plan.verify(&public, b"abd", &ours));
        assert!(!plan.verify(&public, b"abc", &ours[1..]));
        assert!(!plan.verify(&public, b"abc", &[0xff; 128]));
    }

    #[test]
    fn pss_round_trips_and_interoperates() {
        // 1023 bits exercises emBits % 8 != 7 handling; 1024 the extra zero byte.
        for bits in [1024, 1023] {
            let key = rsa::RsaPrivateKey::new(&mut OsRng, bits).unwrap();
            let public = key.to_public_key();
            for (alg, mgf) in
                [(Algorithm::Sha256, Algorithm::Sha256), (Algorithm::Sha512, Algorithm::Sha1)]
            {
                for salt in
                    [SaltRule::Exact(0), SaltRule::Exact(20), SaltRule::Max, SaltRule::DigestOrMax]
                {
                    let plan = RsaPlan::Pss { alg, mgf, salt };
                    let sig = plan.sign(&key, b"msg").unwrap();
                    let auto = RsaPlan::Pss { alg, mgf, salt: SaltRule::Auto };
                    assert!(auto.verify(&public, b"msg", &sig));
                    assert!(!auto.verify(&public, b"msh", &sig));
                    if let SaltRule::Exact(n) = salt {
                        assert!(plan.verify(&public, b"msg", &sig));
                        let other = RsaPlan::Pss { alg, mgf, salt: SaltRule::Exact(n + 1) };
                        assert!(!other.verify(&public, b"msg", &sig));
                    }
                }
            }
            // The rsa crate's PSS (SHA-256, salt = digest length) verifies with ours.
            let digest = hash(Algorithm::Sha256, b"msg");
            let theirs =
                key.sign_with_rng(&mut OsRng, rsa::Pss::new::<sha2::Sha256>(), &digest).unwrap();
            let plan = RsaPlan::Pss {
                alg: Algorithm::Sha256,
                mgf: Algorithm::Sha256,
                salt: SaltRule::Exact(32),
            };
            assert!(plan.verify(&public, b"msg", &theirs));
        }
    }

    #[test]
    fn der_rs_is_strict() {
        let r = BigUint::from(0x80u32);
        let s = BigUint::from(1u32);
        let der = encode_rs(&r, &s, false, 20);
        assert_eq!(der, vec![0x30, 0x07, 0x02, 0x02, 0x00, 0x80, 0x02, 0x01, 0x01]);
        assert_eq!(decode_der_rs(&der), Some((r, s)));
        for bad in [
            &[][..],
            &[0x30],
            &[0x30, 0x06, 0x02, 0x01, 0x80, 0x02, 0x01, 0x01],
            &[0x30, 0x07, 0x02, 0x02, 0x00, 0x01, 0x02, 0x01, 0x01],
            &[0x30, 0x06, 0x02, 0x01, 0x01, 0x02, 0x01, 0x01, 0x00],
            &[0x30, 0x81, 0x06, 0x02, 0x01, 0x01, 0x02, 0x01, 0x01],
            &[0x30, 0x03, 0x02, 0x01],
        ] {
            assert_eq!(decode_der_rs(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn ecdsa_refuses_zero_signatures() {
        for curve in [
            super::super::keys::Curve::P256,
            super::super::keys::Curve::K256,
            super::super::keys::Curve::P521,
        ] {
            let mut scalar = vec![0u8; curve.field_size()];
            scalar[curve.field_size() - 1] = 7;
            let private = EcPrivateKey::from_scalar(curve, &scalar).unwrap();
            let public = private.public_key();
            let z = hash(Algorithm::Sha1, b"x");
            let zero = vec![0u8; 2 * curve.field_size()];
            assert!(!ecdsa_verify(&public, &z, &zero, true));
            assert!(!ecdsa_verify(
                &public,
                &z,
                &[0x30, 0x06, 0x02, 0x01, 0x00, 0x02, 0x01, 0x00],
                false
            ));
            for p1363 in [false, true] {
                let sig = ecdsa_sign(&private, &z, p1363).unwrap();
                assert!(ecdsa_verify(&public, &z, &sig, p1363));
                assert!(!ecdsa_verify(&public, &hash(Algorithm::Sha1, b"y"), &sig, p1363));
                assert!(!ecdsa_verify(&public, &z, &sig[1..], p1363));
            }
        }
    }
}
