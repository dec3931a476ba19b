//! `internalBinding('crypto')`, RSA encryption: `publicEncrypt`, `privateDecrypt`,
//! `privateEncrypt` and `publicDecrypt` with OAEP (any digest, any label), PKCS#1 v1.5
//! (type 2 for encryption, type 1 for the private-key "encryption" of signatures) and no
//! padding; and the RSA primitives and digest helpers signatures (`sign.rs`) share.
//!
//! The paddings are done here on top of the raw RSA operations rather than with the `rsa`
//! crate's schemes, because Node accepts combinations those do not (OAEP with SHA-3 or
//! MD5 labels, raw type-1 padding, PSS with a different MGF1 digest) and because OpenSSL's
//! exact error for each failure is part of Node's behaviour. The private operation uses CRT
//! with blinding and checks its result (as `rsa_decrypt_and_check` does).

use engine::{HostValue, Op, OpCtx, OpResult, ThrowError};
use num_bigint_dig::{BigInt, BigUint, ModInverse, Sign};
use rand_core06::{OsRng, RngCore};
use rsa::traits::{PrivateKeyParts, PublicKeyParts};

use super::crypto::Algorithm;
use super::keys::{key_arg, AsymKey, RsaVariant};

pub(super) const OPS: &[Op] = &[Op { binding: "crypto", name: "rsaCipher", func: rsa_cipher }];

/// `RSA_PKCS1_PADDING`.
pub(super) const PKCS1_PADDING: i32 = 1;
/// `RSA_NO_PADDING`.
pub(super) const NO_PADDING: i32 = 3;
/// `RSA_PKCS1_OAEP_PADDING`.
pub(super) const OAEP_PADDING: i32 = 4;
/// `RSA_PKCS1_PSS_PADDING`.
pub(super) const PSS_PADDING: i32 = 6;

// ---- digests ----

/// `data`'s digest with `alg`.
pub(super) fn hash(alg: Algorithm, data: &[u8]) -> Vec<u8> {
    let mut h = alg.new_hash();
    h.feed(data);
    h.finish()
}

/// The digest concatenation `parts` hashed in order.
pub(super) fn hash_parts(alg: Algorithm, parts: &[&[u8]]) -> Vec<u8> {
    let mut h = alg.new_hash();
    for part in parts {
        h.feed(part);
    }
    h.finish()
}

/// The output size of `alg` in bytes.
pub(super) fn hash_len(alg: Algorithm) -> usize {
    match alg {
        Algorithm::Md5 => 16,
        Algorithm::Sha1 => 20,
        Algorithm::Sha224 | Algorithm::Sha512_224 | Algorithm::Sha3_224 => 28,
        Algorithm::Sha256 | Algorithm::Sha512_256 | Algorithm::Sha3_256 => 32,
        Algorithm::Sha384 | Algorithm::Sha3_384 => 48,
        Algorithm::Sha512 | Algorithm::Sha3_512 => 64,
    }
}

/// MGF1 (RFC 8017 B.2.1) with `alg`: `len` bytes of mask from `seed`.
pub(super) fn mgf1(alg: Algorithm, seed: &[u8], len: usize) -> Vec<u8> {
    let mut out = Vec::with_capacity(len + hash_len(alg));
    let mut counter = 0u32;
    while out.len() < len {
        out.extend(hash_parts(alg, &[seed, &counter.to_be_bytes()]));
        counter = counter.wrapping_add(1);
    }
    out.truncate(len);
    out
}

// ---- errors ----

/// An OpenSSL error as Node throws it, with the rest of OpenSSL's error queue (older
/// entries) in `opensslErrorStack` when there is one.
pub(super) fn ossl_error(
    packed: &str,
    library: &str,
    reason: &str,
    code: &str,
    stack: &[&str],
) -> ThrowError {
    let mut error = ThrowError::error(format!("error:{packed}:{library}::{reason}"));
    if !stack.is_empty() {
        let entries = stack.iter().map(|&s| HostValue::from(s)).collect();
        error = error.with("opensslErrorStack", HostValue::Array(entries));
    }
    error.with("library", library).with("reason", reason).with("code", code)
}

/// An `rsa routines` error.
pub(super) fn rsa_error(packed: &str, reason: &str, code: &str, stack: &[&str]) -> ThrowError {
    ossl_error(packed, "rsa routines", reason, code, stack)
}

/// A `Provider routines` error.
pub(super) fn provider_error(packed: &str, reason: &str, code: &str) -> ThrowError {
    ossl_error(packed, "Provider routines", reason, code, &[])
}

/// What OpenSSL's signature provider leaves under an RSA error from a private-key operation.
const SIGN_STACK: &[&str] = &[
    "error:030000EA:digital envelope routines::provider signature failure",
    "error:1C880004:Provider routines::RSA lib",
];

/// `data too large for key size`.
pub(super) fn too_large_for_key(stack: &[&str]) -> ThrowError {
    rsa_error(
        "0200006E",
        "data too large for key size",
        "ERR_OSSL_RSA_DATA_TOO_LARGE_FOR_KEY_SIZE",
        stack,
    )
}

/// `data too small for key size`.
fn too_small_for_key(stack: &[&str]) -> ThrowError {
    rsa_error(
        "0200007A",
        "data too small for key size",
        "ERR_OSSL_RSA_DATA_TOO_SMALL_FOR_KEY_SIZE",
        stack,
    )
}

/// `data too large for modulus`.
fn too_large_for_modulus(stack: &[&str]) -> ThrowError {
    rsa_error(
        "02000084",
        "data too large for modulus",
        "ERR_OSSL_RSA_DATA_TOO_LARGE_FOR_MODULUS",
        stack,
    )
}

/// `illegal or unsupported padding mode`.
pub(super) fn illegal_padding() -> ThrowError {
    provider_error(
        "1C8000A5",
        "illegal or unsupported padding mode",
        "ERR_OSSL_ILLEGAL_OR_UNSUPPORTED_PADDING_MODE",
    )
}

/// What OpenSSL reports for a key type that cannot do this operation.
pub(super) fn keytype_unsupported() -> ThrowError {
    ossl_error(
        "03000096",
        "digital envelope routines",
        "operation not supported for this keytype",
        "ERR_OSSL_EVP_OPERATION_NOT_SUPPORTED_FOR_THIS_KEYTYPE",
        &[],
    )
}

// ---- raw RSA ----

/// The modulus size in bytes.
pub(super) fn modulus_len(key: &impl PublicKeyParts) -> usize {
    key.n().bits().div_ceil(8)
}

/// `n` as exactly `len` big-endian bytes (it must fit).
fn to_fixed(n: &BigUint, len: usize) -> Vec<u8> {
    let bytes = n.to_bytes_be();
    let mut out = vec![0u8; len];
    if n.bits() != 0 && bytes.len() <= len {
        out[len - bytes.len()..].copy_from_slice(&bytes);
    }
    out
}

/// Why a raw RSA operation refused its input.
#[derive(Debug, PartialEq, Eq)]
pub(super) enum RawError {
    /// The input is longer than the modulus.
    TooLong,
    /// The input as an integer is not below the modulus.
    TooLarge,
    /// The private key is inconsistent (the result did not check out).
    Fault,
}

/// `input^e mod n` as modulus-size bytes.
pub(super) fn rsa_public(key: &impl PublicKeyParts, input: &[u8]) -> Result<Vec<u8>, RawError> {
    let k = modulus_len(key);
    if input.len() > k {
        return Err(RawError::TooLong);
    }
    let m = BigUint::from_bytes_be(input);
    if &m >= key.n() {
        return Err(RawError::TooLarge);
    }
    Ok(to_fixed(&m.modpow(key.e(), key.n()), k))
}

/// A random number in `[1, n)` (`n > 1`).
fn random_below(n: &BigUint) -> BigUint {
    let mut bytes = vec![0u8; n.bits().div_ceil(8) + 8];
    loop {
        OsRng.fill_bytes(&mut bytes);
        let r = BigUint::from_bytes_be(&bytes) % n;
        if r.bits() > 1 {
            return r;
        }
    }
}

/// `c^d mod n` with CRT when the key has two primes.
fn private_exp(key: &rsa::RsaPrivateKey, c: &BigUint) -> BigUint {
    let primes = key.primes();
    if let (2, Some(dp), Some(dq), Some(qinv)) = (primes.len(), key.dp(), key.dq(), key.qinv()) {
        let (p, q) = (&primes[0], &primes[1]);
        let m1 = c.modpow(dp, p);
        let m2 = c.modpow(dq, q);
        // qinv is signed in the crate; bring it into [0, p).
        let qinv = match qinv.sign() {
            Sign::Minus => {
                let magnitude = (-qinv.clone()).to_biguint().unwrap_or_default() % p;
                (p - magnitude) % p
            }
            _ => qinv.to_biguint().unwrap_or_default() % p,
        };
        let diff = (&m1 + p - (&m2 % p)) % p;
        let h = (diff * qinv) % p;
        return m2 + h * q;
    }
    c.modpow(key.d(), key.n())
}

/// `input^d mod n` as modulus-size bytes, blinded, and checked by re-encrypting.
pub(super) fn rsa_private(key: &rsa::RsaPrivateKey, input: &[u8]) -> Result<Vec<u8>, RawError> {
    let k = modulus_len(key);
    if input.len() > k {
        return Err(RawError::TooLong);
    }
    let n = key.n();
    let c = BigUint::from_bytes_be(input);
    if &c >= n {
        return Err(RawError::TooLarge);
    }
    if n.bits() < 2 {
        return Err(RawError::Fault);
    }
    // Blinding: decrypt c * r^e and divide by r, so timing says nothing about c.
    let r = random_below(n);
    let blinded_result = match r.clone().mod_inverse(n).and_then(|i: BigInt| i.to_biguint()) {
        Some(r_inv) => {
            let blinded = (&c * r.modpow(key.e(), n)) % n;
            (private_exp(key, &blinded) * r_inv) % n
        }
        None => private_exp(key, &c) % n,
    };
    if blinded_result.modpow(key.e(), n) != c {
        return Err(RawError::Fault);
    }
    Ok(to_fixed(&blinded_result, k))
}

// ---- paddings ----

/// EME-OAEP encoding (RFC 8017 7.1.1) of `message` for a `k`-byte modulus.
fn oaep_encode(alg: Algorithm, label: &[u8], message: &[u8], k: usize) -> Option<Vec<u8>> {
    let h_len = hash_len(alg);
    if k < 2 * h_len + 2 || message.len() > k - 2 * h_len - 2 {
        return None;
    }
    let l_hash = hash(alg, label);
    let db_len = k - h_len - 1;
    let mut db = Vec::with_capacity(db_len);
    db.extend_from_slice(&l_hash);
    db.resize(db_len - message.len() - 1, 0);
    db.push(1);
    db.extend_from_slice(message);
    let mut seed = vec![0u8; h_len];
    OsRng.fill_bytes(&mut seed);
    for (b, m) in db.iter_mut().zip(mgf1(alg, &seed, db_len)) {
        *b ^= m;
    }
    for (b, m) in seed.iter_mut().zip(mgf1(alg, &db, h_len)) {
        *b ^= m;
    }
    let mut em = Vec::with_capacity(k);
    em.push(0);
    em.extend(seed);
    em.extend(db);
    Some(em)
}

/// EME-OAEP decoding of the `k`-byte `em`. The checks are combined without early exits so
/// the failure point does not show in the timing.
fn oaep_decode(alg: Algorithm, label: &[u8], em: &[u8]) -> Option<Vec<u8>> {
    let h_len = hash_len(alg);
    let k = em.len();
    if k < 2 * h_len + 2 {
        return None;
    }
    let mut seed = em[1..=h_len].to_vec();
    let mut db = em[h_len + 1..].to_vec();
    for (b, m) in seed.iter_mut().zip(mgf1(alg, &db, h_len)) {
        *b ^= m;
    }
    let db_mask = mgf1(alg, &seed, db.len());
    for (b, m) in db.iter_mut().zip(db_mask) {
        *b ^= m;
    }
    let l_hash = hash(alg, label);
    let mut bad = em[0];
    for (a, b) in db[..h_len].iter().zip(&l_hash) {
        bad |= a ^ b;
    }
    // Find the 0x01 separator after the zero run, scanning everything.
    let mut index = 0usize;
    let mut found = 0u8;
    for (i, &b) in db[h_len..].iter().enumerate() {
        let is_one = u8::from(b == 1);
        let is_zero = u8::from(b == 0);
        let take = is_one & (1 - found);
        index |= (i + h_len) * usize::from(take);
        // A non-zero, non-one byte before the separator is an error.
        bad |= (1 - found) & (1 - is_one) & (1 - is_zero);
        found |= is_one;
    }
    if bad != 0 || found == 0 {
        return None;
    }
    Some(db[index + 1..].to_vec())
}

/// EME-PKCS1-v1_5 encoding (block type 2, random non-zero padding).
fn pkcs1_type2_encode(message: &[u8], k: usize) -> Option<Vec<u8>> {
    if k < 11 || message.len() > k - 11 {
        return None;
    }
    let mut em = vec![0u8, 2];
    let mut padding = vec![0u8; k - 3 - message.len()];
    OsRng.fill_bytes(&mut padding);
    for b in &mut padding {
        while *b == 0 {
            let mut one = [0u8; 1];
            OsRng.fill_bytes(&mut one);
            *b = one[0];
        }
    }
    em.extend(padding);
    em.push(0);
    em.extend_from_slice(message);
    Some(em)
}

/// EMSA-PKCS1-v1_5-style block type 1 (`00 01 FF… 00 || data`) for a `k`-byte modulus.
pub(super) fn pkcs1_type1_encode(data: &[u8], k: usize) -> Option<Vec<u8>> {
    if k < 11 || data.len() > k - 11 {
        return None;
    }
    let mut em = vec![0u8, 1];
    em.resize(k - data.len() - 1, 0xff);
    em.push(0);
    em.extend_from_slice(data);
    Some(em)
}

/// The data of a PKCS#1 v1.5 block of `block_type` (1: 0xFF padding, 2: non-zero padding),
/// at least 8 padding bytes.
fn pkcs1_decode(em: &[u8], block_type: u8) -> Option<Vec<u8>> {
    if em.len() < 11 || em[0] != 0 || em[1] != block_type {
        return None;
    }
    let rest = &em[2..];
    let sep = rest.iter().position(|&b| b == 0)?;
    if sep < 8 {
        return None;
    }
    if block_type == 1 && rest[..sep].iter().any(|&b| b != 0xff) {
        return None;
    }
    Some(rest[sep + 1..].to_vec())
}

// ---- the op ----

/// The digest for OAEP, or Node's error for a name it does not know.
fn oaep_digest(name: &str) -> Result<Algorithm, ThrowError> {
    if matches!(name.to_ascii_lowercase().as_str(), "shake128" | "shake256") {
        return Err(rsa_error("020000B5", "invalid length", "ERR_OSSL_RSA_INVALID_LENGTH", &[]));
    }
    Algorithm::from_name(name).ok_or_else(|| {
        ThrowError::error("Invalid digest used").with("code", "ERR_OSSL_EVP_INVALID_DIGEST")
    })
}

/// The error for a padding the encryption operations do not know.
fn unknown_padding(padding: i32) -> ThrowError {
    if padding == PSS_PADDING {
        // What Node 25 reports here: an empty OpenSSL error.
        return ThrowError::error("error:00000000:lib(0)::reason(0)");
    }
    rsa_error("02000076", "unknown padding type", "ERR_OSSL_RSA_UNKNOWN_PADDING_TYPE", &[])
}

/// The RSA private or public key an `rsaCipher` call may use: 'rsa' keys only.
fn rsa_keys<'a>(
    key: &'a AsymKey,
    mode: &str,
) -> Result<(Option<&'a rsa::RsaPrivateKey>, rsa::RsaPublicKey), ThrowError> {
    let private_mode = matches!(mode, "privateDecrypt" | "privateEncrypt");
    match key {
        AsymKey::RsaPrivate { variant: RsaVariant::Pss(_), .. }
        | AsymKey::RsaPublic { variant: RsaVariant::Pss(_), .. } => Err(provider_error(
            "1C8000B2",
            "operation not supported for this keytype",
            "ERR_OSSL_OPERATION_NOT_SUPPORTED_FOR_THIS_KEYTYPE",
        )),
        AsymKey::RsaPrivate { key, .. } => Ok((Some(key), key.to_public_key())),
        AsymKey::RsaPublic { key, .. } if !private_mode => Ok((None, key.clone())),
        _ if matches!(mode, "privateEncrypt" | "publicDecrypt") => {
            Err(ThrowError::error("error:00000000:lib(0)::reason(0)"))
        }
        _ => Err(keytype_unsupported()),
    }
}

/// `rsaCipher(mode, id, data, padding, oaepHash, oaepLabel)` → the output bytes.
fn rsa_cipher(ctx: &mut dyn OpCtx) -> OpResult {
    let mode: String = ctx.arg(0, "mode")?;
    let key = key_arg(ctx, 1)?;
    let data = ctx.arg_bytes(2).map(|b| b.to_vec()).unwrap_or_default();
    let default_padding = if matches!(mode.as_str(), "publicEncrypt" | "privateDecrypt") {
        OAEP_PADDING
    } else {
        PKCS1_PADDING
    };
    let padding = ctx.arg_number(3).map_or(default_padding, |p| p as i32);
    let oaep_hash = ctx.arg_string(4).unwrap_or_else(|| "sha1".to_owned());
    let label = ctx.arg_bytes(5).map(|b| b.to_vec()).unwrap_or_default();
    let (private, public) = rsa_keys(&key, &mode)?;
    let k = modulus_len(&public);
    let out = match mode.as_str() {
        "publicEncrypt" => public_encrypt(&public, k, &data, padding, &oaep_hash, &label)?,
        "privateDecrypt" => {
            let private = private.ok_or_else(keytype_unsupported)?;
            private_decrypt(private, &data, padding, &oaep_hash, &label)?
        }
        "privateEncrypt" => {
            let private = private.ok_or_else(keytype_unsupported)?;
            private_encrypt(private, k, &data, padding)?
        }
        "publicDecrypt" => public_decrypt(&public, &data, padding)?,
        _ => return Err(ThrowError::type_error("ERR_INVALID_ARG_VALUE", "unknown rsaCipher mode")),
    };
    Ok(HostValue::Bytes(out))
}

/// Maps a raw public-operation failure to OpenSSL's error.
fn public_raw(key: &rsa::RsaPublicKey, em: &[u8], stack: &[&str]) -> Result<Vec<u8>, ThrowError> {
    rsa_public(key, em).map_err(|e| match e {
        RawError::TooLong => too_large_for_key(stack),
        _ => too_large_for_modulus(stack),
    })
}

fn public_encrypt(
    key: &rsa::RsaPublicKey,
    k: usize,
    data: &[u8],
    padding: i32,
    oaep_hash: &str,
    label: &[u8],
) -> Result<Vec<u8>, ThrowError> {
    let em = match padding {
        OAEP_PADDING => {
            let alg = oaep_digest(oaep_hash)?;
            oaep_encode(alg, label, data, k).ok_or_else(|| too_large_for_key(&[]))?
        }
        PKCS1_PADDING => pkcs1_type2_encode(data, k).ok_or_else(|| too_large_for_key(&[]))?,
        NO_PADDING => {
            if data.len() > k {
                return Err(too_large_for_key(&[]));
            }
            if data.len() < k {
                return Err(too_small_for_key(&[]));
            }
            data.to_vec()
        }
        other => return Err(unknown_padding(other)),
    };
    public_raw(key, &em, &[])
}

fn private_decrypt(
    key: &rsa::RsaPrivateKey,
    data: &[u8],
    padding: i32,
    oaep_hash: &str,
    label: &[u8],
) -> Result<Vec<u8>, ThrowError> {
    let alg = match padding {
        OAEP_PADDING => Some(oaep_digest(oaep_hash)?),
        PKCS1_PADDING | NO_PADDING => None,
        other => return Err(unknown_padding(other)),
    };
    const STACK: &[&str] = &["error:1C8000A2:Provider routines::failed to decrypt"];
    let em = rsa_private(key, data).map_err(|e| match e {
        RawError::TooLong => rsa_error(
            "0200006C",
            "data greater than mod len",
            "ERR_OSSL_RSA_DATA_GREATER_THAN_MOD_LEN",
            STACK,
        ),
        RawError::TooLarge => too_large_for_modulus(STACK),
        RawError::Fault => {
            rsa_error("02000044", "internal error", "ERR_OSSL_RSA_INTERNAL_ERROR", STACK)
        }
    })?;
    match (padding, alg) {
        (OAEP_PADDING, Some(alg)) => oaep_decode(alg, label, &em).ok_or_else(|| {
            rsa_error("02000079", "oaep decoding error", "ERR_OSSL_RSA_OAEP_DECODING_ERROR", &[])
        }),
        (PKCS1_PADDING, _) => pkcs1_decode(&em, 2).ok_or_else(|| {
            rsa_error("02000072", "padding check failed", "ERR_OSSL_RSA_PADDING_CHECK_FAILED", &[])
        }),
        _ => Ok(em),
    }
}

fn private_encrypt(
    key: &rsa::RsaPrivateKey,
    k: usize,
    data: &[u8],
    padding: i32,
) -> Result<Vec<u8>, ThrowError> {
    let em = match padding {
        PKCS1_PADDING => {
            if data.is_empty() {
                return Err(ossl_error(
                    "1C880004",
                    "Provider routines",
                    "RSA lib",
                    "ERR_OSSL_RSA_LIB",
                    &["error:030000EA:digital envelope routines::provider signature failure"],
                ));
            }
            pkcs1_type1_encode(data, k).ok_or_else(|| too_large_for_key(SIGN_STACK))?
        }
        NO_PADDING => {
            if data.len() > k {
                return Err(too_large_for_key(SIGN_STACK));
            }
            if data.len() < k {
                return Err(too_small_for_key(SIGN_STACK));
            }
            data.to_vec()
        }
        _ => return Err(illegal_padding()),
    };
    rsa_private(key, &em).map_err(|e| match e {
        RawError::TooLong => too_large_for_key(SIGN_STACK),
        _ => too_large_for_modulus(SIGN_STACK),
    })
}

fn public_decrypt(
    key: &rsa::RsaPublicKey,
    data: &[u8],
    padding: i32,
) -> Result<Vec<u8>, ThrowError> {
    const STACK: &[&str] = &[
        "error:030000EA:digital envelope routines::provider signature failure",
        "error:1C880004:Provider routines::RSA lib",
        "error:02000072:rsa routines::padding check failed",
    ];
    match padding {
        PKCS1_PADDING => {
            let em = public_raw(key, data, SIGN_STACK)?;
            pkcs1_decode(&em, 1).ok_or_else(|| {
                rsa_error("0200008A", "invalid padding", "ERR_OSSL_RSA_INVALID_PADDING", STACK)
            })
        }
        NO_PADDING => public_raw(key, data, SIGN_STACK),
        _ => Err(illegal_padding()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key() -> rsa::RsaPrivateKey {
        rsa::RsaPrivateKey::new(&mut OsRng, 1024).unwrap()
    }

    #[test]
    fn paddings_round_trip() {
        let private = key();
        let public = private.to_public_key();
        let k = modulus_len(&public);
        for message in [&b""[..], b"hello", &[7u8; 62]] {
            let ct = public_encrypt(&public, k, message, OAEP_PADDING, "sha256", b"L").unwrap();
            assert_eq!(
                private_decrypt(&private, &ct, OAEP_PADDING, "sha256", b"L").unwrap(),
                message
            );
            assert!(private_decrypt(&private, &ct, OAEP_PADDING, "sha256", b"M").is_err());
            let ct = public_encrypt(&public, k, message, PKCS1_PADDING, "", b"").unwrap();
            assert_eq!(private_decrypt(&private, &ct, PKCS1_PADDING, "", b"").unwrap(), message);
        }
        let sig = private_encrypt(&private, k, b"abc", PKCS1_PADDING).unwrap();
        assert_eq!(public_decrypt(&public, &sig, PKCS1_PADDING).unwrap(), b"abc");
        // Interop with the crate's own PKCS#1 v1.5 signature padding.
        let theirs = private.sign(rsa::Pkcs1v15Sign::new_unprefixed(), b"abc").unwrap();
        assert_eq!(theirs, sig);
    }

    #[test]
    fn bad_input_is_an_error() {
        let private = key();
        let public = private.to_public_key();
        let k = modulus_len(&public);
        assert!(public_encrypt(&public, k, &[1; 200], OAEP_PADDING, "sha1", b"").is_err());
        assert!(public_encrypt(&public, k, &[1; 10], NO_PADDING, "sha1", b"").is_err());
        assert!(public_encrypt(&public, k, &[0xff; 128], NO_PADDING, "sha1", b"").is_err());
        assert!(public_encrypt(&public, k, b"x", OAEP_PADDING, "nope", b"").is_err());
        assert!(public_encrypt(&public, k, b"x", 2, "sha1", b"").is_err());
        for input in [&[][..], &[0], &[1; 10], &[0xff; 128], &[1; 129]] {
            assert!(private_decrypt(&private, input, OAEP_PADDING, "sha1", b"").is_err());
            assert!(private_decrypt(&private, input, PKCS1_PADDING, "sha1", b"").is_err());
            assert!(public_decrypt(&public, input, PKCS1_PADDING).is_err());
        }
        assert!(private_encrypt(&private, k, b"", PKCS1_PADDING).is_err());
        assert!(private_encrypt(&private, k, &[1; 118], PKCS1_PADDING).is_err());
        assert!(private_encrypt(&private, k, b"x", OAEP_PADDING).is_err());
    }
}
