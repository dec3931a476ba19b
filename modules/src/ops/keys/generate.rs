//! Key pair generation (`generateKeyPair`, `generateKeyPairSync`).
//!
//! Options arrive as one JSON string, already validated by JS; what only the generator can
//! judge (an RSA exponent OpenSSL refuses, a DH prime too small, an unknown group) is
//! reported here with OpenSSL's message.

use engine::{HostValue, OpCtx, OpResult, ThrowError};
use num_bigint_dig::{BigUint, RandBigInt, RandPrime};
use rand_core06::{OsRng, RngCore};

use super::json::{self, Object};
use super::{AsymKey, Curve, DhParams, EcPrivateKey, KeyTable, PssParams, RsaVariant};
use crate::ops::async_op;

/// `keyGenerate(type, optionsJson)` → `[privateId, publicId]`.
pub(super) fn key_generate(ctx: &mut dyn OpCtx) -> OpResult {
    let kind: String = ctx.arg(0, "type")?;
    let options: String = ctx.arg(1, "options")?;
    let private = generate(&kind, &options)?;
    let public = std::sync::Arc::new(private.to_public());
    let table = ctx.state().get_or_default::<KeyTable>();
    let private_id = table.insert(std::sync::Arc::new(private));
    let public_id = table.insert(public.clone());
    table.set_public(private_id, public);
    Ok(HostValue::Array(vec![
        HostValue::Number(private_id.into()),
        HostValue::Number(public_id.into()),
    ]))
}

/// `keyGenerateAsync(type, optionsJson)` → request id; completes with
/// `[privatePkcs8Der]` (JS imports it and derives the public key).
pub(super) fn key_generate_async(ctx: &mut dyn OpCtx) -> OpResult {
    let kind: String = ctx.arg(0, "type")?;
    let options: String = ctx.arg(1, "options")?;
    // What Node's job constructor checks is thrown synchronously, before the job starts.
    validate(&kind, &options)?;
    async_op::spawn(ctx, move || {
        let private = generate(&kind, &options)?;
        let der = super::export::pkcs8(&private)
            .ok_or_else(|| ThrowError::error("key generation produced no private key"))?;
        Ok(HostValue::Array(vec![HostValue::Bytes(der)]))
    })
}

fn invalid_options() -> ThrowError {
    ThrowError::type_error("ERR_INVALID_ARG_VALUE", "Invalid key generation options")
}

/// A non-negative integer option.
fn uint_option(o: &Object, name: &str) -> Option<u64> {
    o.num(name).filter(|n| *n >= 0.0 && n.fract() == 0.0 && *n <= 9.0e15).map(|n| n as u64)
}

fn unsupported_kind(kind: &str) -> ThrowError {
    ThrowError::type_error(
        "ERR_INVALID_ARG_VALUE",
        format!("The argument 'type' must be a supported key type. Received '{kind}'"),
    )
}

fn ec_curve(o: &Object) -> Result<Curve, ThrowError> {
    o.str("namedCurve")
        .and_then(Curve::from_name)
        .ok_or_else(|| ThrowError::type_error("ERR_CRYPTO_INVALID_CURVE", "Invalid EC curve name"))
}

fn dh_group(o: &Object) -> Option<Result<BigUint, ThrowError>> {
    let group = o.str("groupName").or_else(|| o.str("group"))?;
    Some(super::modp::modp_prime(group).ok_or_else(|| {
        ThrowError::error("Unknown DH group").with("code", "ERR_CRYPTO_UNKNOWN_DH_GROUP")
    }))
}

/// The checks Node makes when it builds a key generation job (its `AdditionalConfig`):
/// errors from these are thrown synchronously even by `generateKeyPair`; what only the
/// generator finds (sizes OpenSSL refuses) goes to the callback.
pub(super) fn validate(kind: &str, options: &str) -> Result<(), ThrowError> {
    let o = json::parse_object(options).ok_or_else(invalid_options)?;
    match kind {
        "rsa" | "rsa-pss" => {
            uint_option(&o, "modulusLength").ok_or_else(invalid_options)?;
            rsa_variant(kind, &o)?;
        }
        "dsa" => {
            uint_option(&o, "modulusLength").ok_or_else(invalid_options)?;
        }
        "ec" => {
            ec_curve(&o)?;
        }
        "ed25519" | "x25519" | "ed448" | "x448" => {}
        k if super::pqc::PqcAlg::from_name(k).is_some() && k == k.to_ascii_lowercase() => {}
        "dh" => match dh_group(&o) {
            Some(group) => {
                group?;
            }
            None if o.str("prime").is_some() || uint_option(&o, "primeLength").is_some() => {}
            None => return Err(invalid_options()),
        },
        _ => return Err(unsupported_kind(kind)),
    }
    Ok(())
}

/// Generates a private key of `kind` with the given JSON options.
pub(super) fn generate(kind: &str, options: &str) -> Result<AsymKey, ThrowError> {
    let o = json::parse_object(options).ok_or_else(invalid_options)?;
    match kind {
        "rsa" | "rsa-pss" => generate_rsa(kind, &o),
        "dsa" => generate_dsa(&o),
        "ec" => {
            let curve = ec_curve(&o)?;
            Ok(AsymKey::EcPrivate(match curve {
                Curve::P256 => EcPrivateKey::P256(p256::SecretKey::random(&mut OsRng)),
                Curve::P384 => EcPrivateKey::P384(p384::SecretKey::random(&mut OsRng)),
                Curve::P521 => EcPrivateKey::P521(p521::SecretKey::random(&mut OsRng)),
                Curve::K256 => EcPrivateKey::K256(k256::SecretKey::random(&mut OsRng)),
                Curve::P224 => EcPrivateKey::P224(p224::SecretKey::random(&mut OsRng)),
            }))
        }
        "ed25519" => Ok(AsymKey::Ed25519Private(ed25519_dalek::SigningKey::generate(&mut OsRng))),
        "x25519" => Ok(AsymKey::X25519Private(x25519_dalek::StaticSecret::random_from_rng(OsRng))),
        "ed448" => {
            let mut seed = [0u8; 57];
            OsRng.fill_bytes(&mut seed);
            let key = ed448_goldilocks_plus::SigningKey::try_from(&seed[..])
                .map_err(|_| ThrowError::error("Ed448 key generation failed"))?;
            Ok(AsymKey::Ed448Private(key))
        }
        "x448" => {
            let mut k = [0u8; 56];
            OsRng.fill_bytes(&mut k);
            Ok(AsymKey::X448Private(k))
        }
        "dh" => generate_dh(&o),
        k => match super::pqc::PqcAlg::from_name(k).filter(|_| k == k.to_ascii_lowercase()) {
            Some(alg) => Ok(AsymKey::PqcPrivate(super::pqc::generate(alg)?)),
            None => Err(unsupported_kind(kind)),
        },
    }
}

/// Digest output size in bytes, by OpenSSL name (the default PSS salt length).
fn digest_size(name: &str) -> u32 {
    match name {
        "md5" => 16,
        "sha1" => 20,
        "sha224" | "sha512-224" | "sha3-224" => 28,
        "sha256" | "sha512-256" | "sha3-256" => 32,
        "sha384" | "sha3-384" => 48,
        _ => 64,
    }
}

/// The canonical OpenSSL name of a digest the PSS parameters may name; `what` is "digest"
/// or "MGF1 digest" (Node's messages).
fn pss_digest(name: &str, what: &str) -> Result<&'static str, ThrowError> {
    let lower = name.to_ascii_lowercase();
    let canonical = match lower.as_str() {
        "sha-1" => "sha1",
        "sha-224" => "sha224",
        "sha-256" => "sha256",
        "sha-384" => "sha384",
        "sha-512" => "sha512",
        other => other,
    };
    super::der::DIGESTS.iter().map(|(n, _)| *n).find(|n| *n == canonical).ok_or_else(|| {
        ThrowError::type_error("ERR_CRYPTO_INVALID_DIGEST", format!("Invalid {what}: {name}"))
    })
}

/// The RSA variant the options ask for (PSS parameters validated).
fn rsa_variant(kind: &str, o: &Object) -> Result<RsaVariant, ThrowError> {
    if kind == "rsa" {
        return Ok(RsaVariant::Rsa);
    }
    let hash = o.str("hashAlgorithm").map(|h| pss_digest(h, "digest")).transpose()?;
    let mgf1 = o.str("mgf1HashAlgorithm").map(|h| pss_digest(h, "MGF1 digest")).transpose()?;
    let salt = o.num("saltLength");
    if hash.is_none() && mgf1.is_none() && salt.is_none() {
        return Ok(RsaVariant::Pss(None));
    }
    let hash = hash.unwrap_or("sha1");
    let salt_length = match uint_option(o, "saltLength") {
        Some(s) => u32::try_from(s).map_err(|_| invalid_options())?,
        None => digest_size(hash),
    };
    Ok(RsaVariant::Pss(Some(PssParams { hash, mgf1_hash: mgf1.unwrap_or(hash), salt_length })))
}

fn generate_rsa(kind: &str, o: &Object) -> Result<AsymKey, ThrowError> {
    let bits = uint_option(o, "modulusLength").ok_or_else(invalid_options)? as usize;
    let variant = rsa_variant(kind, o)?;
    let exponent = uint_option(o, "publicExponent").unwrap_or(65537);
    if exponent < 3 || exponent.is_multiple_of(2) || exponent > rsa::RsaPublicKey::MAX_PUB_EXPONENT
    {
        return Err(ThrowError::error("error:020000B2:rsa routines::pub exponent out of range"));
    }
    if bits < 512 {
        return Err(ThrowError::error("error:1C8000AB:Provider routines::key size too small"));
    }
    if bits > 16384 {
        return Err(ThrowError::error("error:0200007C:rsa routines::key size too large"));
    }
    let key = rsa::RsaPrivateKey::new_with_exp(&mut OsRng, bits, &BigUint::from(exponent))
        .map_err(|e| ThrowError::error(format!("RSA key generation failed: {e}")))?;
    Ok(AsymKey::RsaPrivate { key, variant })
}

/// A random integer of exactly `bits` bits (top bit set).
fn random_bits(bits: usize) -> BigUint {
    let top = BigUint::from(1u32) << (bits - 1);
    OsRng.gen_biguint(bits - 1) | top
}

/// DSA domain parameters (FIPS 186-4 style sizes, any L and N) and a key pair.
fn generate_dsa(o: &Object) -> Result<AsymKey, ThrowError> {
    let l = uint_option(o, "modulusLength").ok_or_else(invalid_options)? as usize;
    let n = uint_option(o, "divisorLength").map(|n| n as usize).unwrap_or(224);
    // OpenSSL's errors from key generation carry no code (Node throws them bare).
    if l < 512 {
        return Err(ThrowError::error(
            "error:030000E9:digital envelope routines::provider keymgmt failure",
        ));
    }
    if l < 1024 || n < 160 || n >= l || l > 16384 {
        return Err(ThrowError::error("error:05000072:dsa routines::bad ffc parameters"));
    }
    let one = BigUint::from(1u32);
    let (p, q) = 'found: loop {
        let q: BigUint = OsRng.gen_prime(n);
        let two_q = &q << 1;
        for _ in 0..4 * l {
            let m = random_bits(l);
            let p = &m - (&m % &two_q) + &one;
            if p.bits() == l && num_bigint_dig::prime::probably_prime(&p, 20) {
                break 'found (p, q);
            }
        }
    };
    let e = (&p - &one) / &q;
    let mut h = BigUint::from(2u32);
    let g = loop {
        let g = h.modpow(&e, &p);
        if g != one {
            break g;
        }
        h += &one;
    };
    let x = loop {
        let x = OsRng.gen_biguint_below(&q);
        if x > one {
            break x;
        }
    };
    let y = g.modpow(&x, &p);
    let fail = || ThrowError::error("DSA key generation failed");
    let components = dsa::Components::from_components(p, q, g).map_err(|_| fail())?;
    let public = dsa::VerifyingKey::from_components(components, y).map_err(|_| fail())?;
    Ok(AsymKey::DsaPrivate(dsa::SigningKey::from_components(public, x).map_err(|_| fail())?))
}

fn modulus_too_small() -> ThrowError {
    ThrowError::error("error:0280007E:Diffie-Hellman routines::modulus too small")
}

/// A safe prime `p = 2q + 1` of `bits` bits suitable for `generator` (as OpenSSL picks:
/// p ≡ 23 mod 24 for 2, p ≡ 59 mod 60 for 5, otherwise any safe prime).
pub(in crate::ops) fn safe_prime(bits: usize, generator: u64) -> BigUint {
    let (add, rem) = match generator {
        2 => (24u32, 23u32),
        5 => (60, 59),
        _ => (12, 11),
    };
    let add = BigUint::from(add);
    let rem = BigUint::from(rem);
    let one = BigUint::from(1u32);
    loop {
        let candidate = random_bits(bits);
        let p = &candidate - (&candidate % &add) + &rem;
        if p.bits() != bits {
            continue;
        }
        let q = &p >> 1;
        // Cheap test on q first: most candidates fail there.
        if num_bigint_dig::prime::probably_prime(&q, 1)
            && num_bigint_dig::prime::probably_prime(&p, 20)
            && num_bigint_dig::prime::probably_prime(&q, 20)
            && p > one
        {
            return p;
        }
    }
}

/// A DH private value for `prime` and its public value.
pub(in crate::ops) fn dh_key_pair(prime: &BigUint, generator: &BigUint) -> (BigUint, BigUint) {
    let two = BigUint::from(2u32);
    let bits = prime.bits().saturating_sub(1).max(2);
    let private = loop {
        let x = OsRng.gen_biguint(bits);
        if x >= two && &x < prime {
            break x;
        }
    };
    let public = generator.modpow(&private, prime);
    (private, public)
}

fn generate_dh(o: &Object) -> Result<AsymKey, ThrowError> {
    let generator = uint_option(o, "generator").unwrap_or(2);
    let (prime, generator) = if let Some(group) = dh_group(o) {
        (group?, BigUint::from(2u32))
    } else if let Some(hex) = o.str("prime") {
        let prime = BigUint::parse_bytes(hex.as_bytes(), 16).unwrap_or_default();
        if prime.bits() < 512 {
            return Err(modulus_too_small());
        }
        (prime, BigUint::from(generator))
    } else if let Some(bits) = uint_option(o, "primeLength") {
        if bits < 512 {
            return Err(modulus_too_small());
        }
        if bits > 10000 {
            return Err(ThrowError::error(
                "error:02800067:Diffie-Hellman routines::modulus too large",
            ));
        }
        (safe_prime(bits as usize, generator), BigUint::from(generator))
    } else {
        return Err(invalid_options());
    };
    if generator < BigUint::from(2u32) {
        return Err(ThrowError::error("error:02800065:Diffie-Hellman routines::bad generator")
            .with(
                "opensslErrorStack",
                HostValue::Array(vec!["error:02880003:Diffie-Hellman routines::BN lib".into()]),
            ));
    }
    let (private, public) = dh_key_pair(&prime, &generator);
    Ok(AsymKey::DhPrivate { params: DhParams { prime, generator, q: None }, private, public })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bad_options_fail_cleanly() {
        for (kind, options) in [
            ("rsa", "{}"),
            ("rsa", "{\"modulusLength\":512,\"publicExponent\":1}"),
            ("rsa", "{\"modulusLength\":512,\"publicExponent\":65538}"),
            ("rsa", "not json"),
            ("ec", "{\"namedCurve\":\"foo\"}"),
            ("dh", "{\"groupName\":\"modp0\"}"),
            ("dh", "{\"primeLength\":2}"),
            ("dh", "{\"prime\":\"zz\"}"),
            ("dsa", "{\"modulusLength\":512}"),
            ("foo", "{}"),
        ] {
            assert!(generate(kind, options).is_err(), "{kind} {options}");
        }
    }

    #[test]
    fn generates_small_keys() {
        for (kind, options) in [
            ("ec", "{\"namedCurve\":\"prime256v1\"}"),
            ("ed25519", "{}"),
            ("ed448", "{}"),
            ("x25519", "{}"),
            ("x448", "{}"),
            ("dh", "{\"groupName\":\"modp1\"}"),
        ] {
            let key = generate(kind, options).expect("key");
            assert_eq!(key.asymmetric_key_type(), kind);
            let der = super::super::export::pkcs8(&key).expect("pkcs8");
            let back = super::super::import::parse_pkcs8(&der).expect("import");
            assert!(super::super::details::equals(&key, &back));
        }
    }
}
