//! `crypto.encapsulate` / `crypto.decapsulate` (Node 25, OpenSSL 3.5's KEMs): ML-KEM,
//! RSASVE for plain RSA keys (OpenSSL 3.0) and DHKEM (RFC 9180, OpenSSL 3.2) for P-256,
//! P-384, P-521, X25519 and X448 keys.

use std::sync::Arc;

use engine::{HostValue, OpCtx, OpResult, ThrowError};
use hmac::{Mac, SimpleHmac};
use num_bigint_dig::{BigUint, RandBigInt};
use rand_core06::{OsRng, RngCore};
use rsa::traits::PublicKeyParts;
use sha2::digest::{core_api::BlockSizeUser, Digest};

use super::{key_arg, AsymKey, Curve, EcPrivateKey, RsaVariant};
use crate::ops::async_op;

/// `kemEncapsulate(id)` → `[sharedKey, ciphertext]`.
pub(super) fn kem_encapsulate(ctx: &mut dyn OpCtx) -> OpResult {
    let key = key_arg(ctx, 0)?;
    encapsulate(&key, false)
}

/// `kemEncapsulateAsync(id)` → request id (completes with `[sharedKey, ciphertext]`).
pub(super) fn kem_encapsulate_async(ctx: &mut dyn OpCtx) -> OpResult {
    let key = key_arg(ctx, 0)?;
    async_op::spawn(ctx, move || encapsulate(&key, true))
}

/// `kemDecapsulate(id, ciphertext)` → the shared key.
pub(super) fn kem_decapsulate(ctx: &mut dyn OpCtx) -> OpResult {
    let (key, ciphertext) = decapsulate_args(ctx)?;
    decapsulate(&key, &ciphertext, false)
}

/// `kemDecapsulateAsync(id, ciphertext)` → request id.
pub(super) fn kem_decapsulate_async(ctx: &mut dyn OpCtx) -> OpResult {
    let (key, ciphertext) = decapsulate_args(ctx)?;
    async_op::spawn(ctx, move || decapsulate(&key, &ciphertext, true))
}

fn decapsulate_args(ctx: &mut dyn OpCtx) -> Result<(Arc<AsymKey>, Vec<u8>), ThrowError> {
    let key = key_arg(ctx, 0)?;
    let ciphertext = ctx.arg_bytes(1).map(|b| b.to_vec()).unwrap_or_default();
    Ok((key, ciphertext))
}

/// Node's failure: the sync form names the step, the async job says what its jobs say.
fn failed(what: &str, is_async: bool) -> ThrowError {
    let message =
        if is_async { "Deriving bits failed".to_owned() } else { format!("Failed to {what}") };
    ThrowError::error(message).with("code", "ERR_CRYPTO_OPERATION_FAILED")
}

/// The DHKEM suite of a key: `(kem_id, digest, Nsecret)`.
fn dhkem_suite(key: &AsymKey) -> Option<(u16, Hash, usize)> {
    Some(match key {
        AsymKey::EcPrivate(_) | AsymKey::EcPublic(_) => match key.curve()? {
            Curve::P256 => (0x0010, Hash::Sha256, 32),
            Curve::P384 => (0x0011, Hash::Sha384, 48),
            Curve::P521 => (0x0012, Hash::Sha512, 64),
            _ => return None,
        },
        AsymKey::X25519Private(_) | AsymKey::X25519Public(_) => (0x0020, Hash::Sha256, 32),
        AsymKey::X448Private(_) | AsymKey::X448Public(_) => (0x0021, Hash::Sha512, 64),
        _ => return None,
    })
}

/// The HKDF hashes DHKEM uses.
#[derive(Clone, Copy)]
enum Hash {
    Sha256,
    Sha384,
    Sha512,
}

/// HMAC of `parts` under `key`.
fn hmac_parts<D: Digest + BlockSizeUser + Clone>(key: &[u8], parts: &[&[u8]]) -> Vec<u8> {
    // SimpleHmac takes keys of any length.
    let Ok(mut mac) = <SimpleHmac<D> as Mac>::new_from_slice(key) else { return Vec::new() };
    for p in parts {
        mac.update(p);
    }
    mac.finalize().into_bytes().to_vec()
}

impl Hash {
    fn hmac(self, key: &[u8], parts: &[&[u8]]) -> Vec<u8> {
        match self {
            Hash::Sha256 => hmac_parts::<sha2::Sha256>(key, parts),
            Hash::Sha384 => hmac_parts::<sha2::Sha384>(key, parts),
            Hash::Sha512 => hmac_parts::<sha2::Sha512>(key, parts),
        }
    }
}

/// RFC 9180 `ExtractAndExpand(dh, kem_context)` for suite `kem_id`.
fn extract_and_expand(
    kem_id: u16,
    hash: Hash,
    n_secret: usize,
    dh: &[u8],
    kem_context: &[u8],
) -> Vec<u8> {
    let suite = [b'K', b'E', b'M', (kem_id >> 8) as u8, kem_id as u8];
    // LabeledExtract("", "eae_prk", dh): HMAC with an empty salt (HKDF pads it to zeros).
    let prk = hash.hmac(&[], &[b"HPKE-v1", &suite, b"eae_prk", dh]);
    // LabeledExpand(prk, "shared_secret", kem_context, Nsecret): Nsecret ≤ one block.
    let length = (n_secret as u16).to_be_bytes();
    let info: Vec<u8> = [&length[..], b"HPKE-v1", &suite, b"shared_secret", kem_context].concat();
    let mut out = hash.hmac(&prk, &[&info, &[1u8]]);
    out.truncate(n_secret);
    out
}

/// A fresh private key of the same kind as `key` (DHKEM's ephemeral key).
fn ephemeral_like(key: &AsymKey) -> Option<AsymKey> {
    Some(match key {
        AsymKey::EcPublic(_) => AsymKey::EcPrivate(match key.curve()? {
            Curve::P256 => EcPrivateKey::P256(p256::SecretKey::random(&mut OsRng)),
            Curve::P384 => EcPrivateKey::P384(p384::SecretKey::random(&mut OsRng)),
            Curve::P521 => EcPrivateKey::P521(p521::SecretKey::random(&mut OsRng)),
            _ => return None,
        }),
        AsymKey::X25519Public(_) => {
            AsymKey::X25519Private(x25519_dalek::StaticSecret::random_from_rng(OsRng))
        }
        AsymKey::X448Public(_) => {
            let mut k = [0u8; 56];
            OsRng.fill_bytes(&mut k);
            AsymKey::X448Private(k)
        }
        _ => return None,
    })
}

/// `[sharedKey, ciphertext]` for `key` (public, or a private key's public half).
fn encapsulate(key: &AsymKey, is_async: bool) -> OpResult {
    let fail = || failed("perform encapsulation", is_async);
    let public = key.to_public();
    let (shared, ciphertext) = match &public {
        AsymKey::PqcPublic(k) if k.alg.is_ml_kem() => {
            super::pqc::encapsulate(k).ok_or_else(fail)?
        }
        AsymKey::RsaPublic { key, variant: RsaVariant::Rsa } => {
            // RSASVE (SP 800-56B): a random z in [2, n-2], sent as z^e mod n.
            let n = key.n();
            let len = n.bits().div_ceil(8);
            let z = OsRng.gen_biguint_range(&BigUint::from(2u32), &(n - 1u32));
            let c = z.modpow(key.e(), n);
            (fixed(&z, len), fixed(&c, len))
        }
        _ => {
            let (kem_id, hash, n_secret) = dhkem_suite(&public).ok_or_else(unsupported)?;
            let ephemeral = ephemeral_like(&public).ok_or_else(unsupported)?;
            let dh = super::agree::agree(&ephemeral, &public).map_err(|_| fail())?;
            let enc = super::export::raw_public(&ephemeral, false).ok_or_else(fail)?;
            let recipient = super::export::raw_public(&public, false).ok_or_else(fail)?;
            let context = [&enc[..], &recipient].concat();
            (extract_and_expand(kem_id, hash, n_secret, &dh, &context), enc)
        }
    };
    Ok(HostValue::Array(vec![HostValue::Bytes(shared), HostValue::Bytes(ciphertext)]))
}

/// The shared key `ciphertext` carries, for private key `key`.
fn decapsulate(key: &AsymKey, ciphertext: &[u8], is_async: bool) -> OpResult {
    let fail = || failed("perform decapsulation", is_async);
    let shared = match key {
        AsymKey::PqcPrivate(k) if k.alg.is_ml_kem() => {
            super::pqc::decapsulate(k, ciphertext).ok_or_else(fail)?
        }
        AsymKey::RsaPrivate { key, variant: RsaVariant::Rsa } => {
            let len = key.n().bits().div_ceil(8);
            if ciphertext.len() != len {
                return Err(fail());
            }
            let z = crate::ops::rsa_cipher::rsa_private(key, ciphertext).map_err(|_| fail())?;
            let zn = BigUint::from_bytes_be(&z);
            if zn < BigUint::from(2u32) || zn > key.n() - 2u32 {
                return Err(fail());
            }
            z
        }
        AsymKey::EcPrivate(_) | AsymKey::X25519Private(_) | AsymKey::X448Private(_) => {
            let (kem_id, hash, n_secret) = dhkem_suite(key).ok_or_else(unsupported)?;
            let curve = key.curve();
            let peer = super::import::import_raw(
                key.asymmetric_key_type(),
                curve.map(|c| c.node_name()),
                ciphertext,
                false,
            )
            .ok_or_else(fail)?;
            // Only the uncompressed point is a valid DHKEM `enc`.
            if curve.is_some() && ciphertext.first() != Some(&4) {
                return Err(fail());
            }
            let dh = super::agree::agree(key, &peer).map_err(|_| fail())?;
            let recipient = super::export::raw_public(key, false).ok_or_else(fail)?;
            let context = [ciphertext, &recipient].concat();
            extract_and_expand(kem_id, hash, n_secret, &dh, &context)
        }
        _ => return Err(if key.is_private() { unsupported() } else { fail() }),
    };
    Ok(HostValue::Bytes(shared))
}

/// OpenSSL's error for a key type without a KEM (rsa-pss, secp256k1, DSA, …).
fn unsupported() -> ThrowError {
    ThrowError::error("Failed to initialize encapsulation")
        .with("code", "ERR_CRYPTO_OPERATION_FAILED")
}

/// `n` as exactly `len` big-endian bytes.
fn fixed(n: &BigUint, len: usize) -> Vec<u8> {
    let bytes = n.to_bytes_be();
    let mut out = vec![0u8; len.saturating_sub(bytes.len())];
    out.extend_from_slice(&bytes);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Encapsulation and decapsulation agree for every supported kind (interoperability with
    /// OpenSSL 3.5 was checked against Node 25 for X25519, X448, P-256, P-521, RSA, ML-KEM).
    #[test]
    fn round_trips() {
        let keys = [
            super::super::generate::generate("x25519", "{}").unwrap(),
            super::super::generate::generate("x448", "{}").unwrap(),
            super::super::generate::generate("ec", r#"{"namedCurve":"P-384"}"#).unwrap(),
            super::super::generate::generate("ml-kem-512", "{}").unwrap(),
        ];
        for key in &keys {
            let Ok(HostValue::Array(out)) = encapsulate(key, false) else { panic!("encap") };
            let [HostValue::Bytes(shared), HostValue::Bytes(ct)] = &out[..] else { panic!() };
            let Ok(HostValue::Bytes(again)) = decapsulate(key, ct, false) else { panic!("decap") };
            assert_eq!(&again, shared);
            assert!(decapsulate(key, &ct[1..], false).is_err());
        }
        let secp = super::super::generate::generate("ec", r#"{"namedCurve":"secp256k1"}"#);
        assert!(encapsulate(&secp.unwrap(), false).is_err());
    }
}
