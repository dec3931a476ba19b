//! RSA signatures through ring where ring does exactly what was asked: PKCS#1 v1.5 or PSS
//! (salt as long as the digest, MGF1 with the same digest) over SHA-256/384/512, with keys
//! of 2048 to 4096 bits (signing) or 2048 to 8192 bits (verifying) and an exponent ring
//! takes. ring's constant-time Montgomery arithmetic is several times faster than the
//! generic big-integer path, which stays for everything else (other digests, salt lengths,
//! MGF1 digests and key sizes) and gives the same bytes: PKCS#1 v1.5 is deterministic, and a
//! PSS signature from either verifies under both.

use std::collections::HashMap;
use std::sync::{Arc, Mutex, OnceLock};

use ring::rand::SystemRandom;
use ring::signature::{self, RsaKeyPair, RsaPublicKeyComponents};
use rsa::pkcs1::EncodeRsaPrivateKey;
use rsa::traits::PublicKeyParts;

use super::{Algorithm, RsaPlan, SaltRule};

/// Signing keys ring has parsed, by modulus: parsing validates the key (slow), so once per
/// key. Bounded: a process signing with many keys starts the cache afresh.
const KEY_CACHE_LIMIT: usize = 64;

fn key_cache() -> &'static Mutex<HashMap<Vec<u8>, Arc<RsaKeyPair>>> {
    static CACHE: OnceLock<Mutex<HashMap<Vec<u8>, Arc<RsaKeyPair>>>> = OnceLock::new();
    CACHE.get_or_init(Mutex::default)
}

/// The padding ring should use for `plan`, if ring does exactly that.
fn signing_scheme(plan: &RsaPlan, max_salt: usize) -> Option<&'static dyn signature::RsaEncoding> {
    match *plan {
        RsaPlan::Pkcs1(Algorithm::Sha256) => Some(&signature::RSA_PKCS1_SHA256),
        RsaPlan::Pkcs1(Algorithm::Sha384) => Some(&signature::RSA_PKCS1_SHA384),
        RsaPlan::Pkcs1(Algorithm::Sha512) => Some(&signature::RSA_PKCS1_SHA512),
        RsaPlan::Pss { alg, mgf, salt } if alg == mgf => {
            let h_len = super::hash_len(alg);
            let digest_salt = match salt {
                SaltRule::Exact(n) => n == h_len,
                SaltRule::DigestOrMax => h_len <= max_salt,
                SaltRule::Max | SaltRule::Auto => false,
            };
            match (alg, digest_salt) {
                (Algorithm::Sha256, true) => Some(&signature::RSA_PSS_SHA256),
                (Algorithm::Sha384, true) => Some(&signature::RSA_PSS_SHA384),
                (Algorithm::Sha512, true) => Some(&signature::RSA_PSS_SHA512),
                _ => None,
            }
        }
        _ => None,
    }
}

/// The signature by ring, or `None` when ring doesn't cover this plan or key.
pub(super) fn sign(plan: &RsaPlan, key: &rsa::RsaPrivateKey, data: &[u8]) -> Option<Vec<u8>> {
    let bits = key.n().bits();
    if !(2048..=4096).contains(&bits) {
        return None;
    }
    let max_salt = super::pss_max_salt(key, 0)?;
    let scheme = signing_scheme(plan, max_salt)?;
    let modulus = key.n().to_bytes_be();
    let cached = key_cache().lock().ok()?.get(&modulus).cloned();
    let pair = match cached {
        Some(pair) => pair,
        None => {
            let der = key.to_pkcs1_der().ok()?;
            let pair = Arc::new(RsaKeyPair::from_der(der.as_bytes()).ok()?);
            let mut cache = key_cache().lock().ok()?;
            if cache.len() >= KEY_CACHE_LIMIT {
                cache.clear();
            }
            cache.insert(modulus, pair.clone());
            pair
        }
    };
    let mut signature = vec![0u8; pair.public().modulus_len()];
    pair.sign(scheme, &SystemRandom::new(), data, &mut signature).ok()?;
    Some(signature)
}

/// ring's verdict, or `None` when ring doesn't cover this plan or key (then its "invalid"
/// could mean "unsupported", so the generic path decides).
pub(super) fn verify(
    plan: &RsaPlan,
    key: &rsa::RsaPublicKey,
    data: &[u8],
    signature_bytes: &[u8],
) -> Option<bool> {
    let bits = key.n().bits();
    if !(2048..=8192).contains(&bits) {
        return None;
    }
    // ring takes odd exponents from 3 up to 2^33 - 1.
    let e_bytes = key.e().to_bytes_be();
    if e_bytes.len() > 5 {
        return None;
    }
    let e = e_bytes.iter().fold(0u64, |acc, b| (acc << 8) | u64::from(*b));
    if e < 3 || e % 2 == 0 || e >= 1 << 33 {
        return None;
    }
    let params: &signature::RsaParameters = match *plan {
        RsaPlan::Pkcs1(Algorithm::Sha256) => &signature::RSA_PKCS1_2048_8192_SHA256,
        RsaPlan::Pkcs1(Algorithm::Sha384) => &signature::RSA_PKCS1_2048_8192_SHA384,
        RsaPlan::Pkcs1(Algorithm::Sha512) => &signature::RSA_PKCS1_2048_8192_SHA512,
        _ => return None,
    };
    let components = RsaPublicKeyComponents { n: key.n().to_bytes_be(), e: e_bytes };
    Some(components.verify(params, data, signature_bytes).is_ok())
}
