//! `internalBinding('crypto')`, key agreement on bytes: the native side of `crypto.ECDH`
//! (and `ECDH.convertKey`) and of `crypto.DiffieHellman`/`DiffieHellmanGroup`.
//!
//! Those classes hold their keys in JS as bytes, so these ops take and return bytes (keys
//! as KeyObjects are `keys/agree.rs`'s). The checks and errors follow OpenSSL 3 and Node
//! 25: private EC keys are integers in `[1, n)` of any byte length; points may be
//! compressed, uncompressed or hybrid (and the point at infinity is the byte `00`); DH keys
//! are generated and checked as `DH_generate_key`/`DH_check_pub_key`/`DH_check` do,
//! including the stricter treatment of the RFC 3526 groups OpenSSL knows by name.

use engine::{HostValue, Op, OpCtx, OpResult, ThrowError};
use num_bigint_dig::BigUint;
use rand_core06::{OsRng, RngCore};

use super::keys::modp::modp_prime;
use super::keys::{openssl_error, Curve};
use super::prime::{check_prime, generate_prime, to_bytes};

pub(super) const OPS: &[Op] = &[
    Op { binding: "crypto", name: "ecdhCurves", func: ecdh_curves },
    Op { binding: "crypto", name: "ecdhGenerateKey", func: ecdh_generate_key },
    Op { binding: "crypto", name: "ecdhPublicKey", func: ecdh_public_key },
    Op { binding: "crypto", name: "ecdhComputeSecret", func: ecdh_compute_secret },
    Op { binding: "crypto", name: "ecdhConvertKey", func: ecdh_convert_key },
    Op { binding: "crypto", name: "dhGroup", func: dh_group },
    Op { binding: "crypto", name: "dhGeneratePrime", func: dh_generate_prime },
    Op { binding: "crypto", name: "dhGenerateKeys", func: dh_generate_keys },
    Op { binding: "crypto", name: "dhComputeSecret", func: dh_compute_secret },
    Op { binding: "crypto", name: "dhCheck", func: dh_check },
];

// ---- ECDH ----

/// The curves `getCurves()` lists: the ones we implement, by OpenSSL short name, sorted.
const CURVES: &[&str] = &["prime256v1", "secp224r1", "secp256k1", "secp384r1", "secp521r1"];

/// Runs `$body` with `$c` naming the curve's crate (`p256`, `p384`, `p521`, `k256`, `p224`).
macro_rules! with_curve {
    ($curve:expr, $c:ident => $body:expr) => {
        match $curve {
            Curve::P256 => {
                use p256 as $c;
                $body
            }
            Curve::P384 => {
                use p384 as $c;
                $body
            }
            Curve::P521 => {
                use p521 as $c;
                $body
            }
            Curve::K256 => {
                use k256 as $c;
                $body
            }
            Curve::P224 => {
                use p224 as $c;
                $body
            }
        }
    };
}

/// How a point is written out.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum PointForm {
    /// `02/03 || x`.
    Compressed,
    /// `04 || x || y`.
    Uncompressed,
    /// `06/07 || x || y` (the tag carries y's parity, X9.62's hybrid form).
    Hybrid,
}

/// Argument `i` as a point form: `true`/'compressed', `false`/'uncompressed', 'hybrid'.
fn form_arg(ctx: &mut dyn OpCtx, i: usize) -> Result<PointForm, ThrowError> {
    match ctx.arg_string(i).as_deref() {
        Some("compressed") => Ok(PointForm::Compressed),
        Some("uncompressed") => Ok(PointForm::Uncompressed),
        Some("hybrid") => Ok(PointForm::Hybrid),
        Some(other) => Err(ThrowError::type_error(
            "ERR_CRYPTO_ECDH_INVALID_FORMAT",
            format!("Invalid ECDH format: {other}"),
        )),
        None if ctx.arg_truthy(i) => Ok(PointForm::Compressed),
        None => Ok(PointForm::Uncompressed),
    }
}

/// The curve named by argument `i`: ECDH takes OpenSSL short names only (not 'P-256').
fn curve_arg(ctx: &mut dyn OpCtx, i: usize) -> Result<Curve, ThrowError> {
    let name = ctx.arg_string(i).unwrap_or_default();
    match name.as_str() {
        "prime256v1" => Ok(Curve::P256),
        "secp384r1" => Ok(Curve::P384),
        "secp521r1" => Ok(Curve::P521),
        "secp256k1" => Ok(Curve::K256),
        "secp224r1" => Ok(Curve::P224),
        _ => Err(ThrowError::type_error("ERR_CRYPTO_INVALID_CURVE", "Invalid EC curve name")),
    }
}

/// Argument `i` as bytes (missing or not a buffer: empty).
fn bytes_arg(ctx: &mut dyn OpCtx, i: usize) -> Vec<u8> {
    ctx.arg_bytes(i).map(|b| b.to_vec()).unwrap_or_default()
}

/// A private scalar of any byte length (`BN_bin2bn`) as exactly field-size bytes, if it is
/// in `[1, n)`.
fn ec_scalar(curve: Curve, bytes: &[u8]) -> Option<Vec<u8>> {
    let start = bytes.iter().position(|&b| b != 0)?;
    let digits = &bytes[start..];
    let size = curve.field_size();
    if digits.len() > size {
        return None;
    }
    let mut padded = vec![0u8; size];
    padded[size - digits.len()..].copy_from_slice(digits);
    // Range check: the crate refuses zero and anything >= the group order.
    let valid = with_curve!(curve, c => c::SecretKey::from_slice(&padded).is_ok());
    valid.then_some(padded)
}

/// A SEC1 point in any of OpenSSL's encodings, as the uncompressed or compressed bytes the
/// curve crates parse (`None`: malformed). The point at infinity (`00`) is `Some(None)`.
fn normalize_point(curve: Curve, bytes: &[u8]) -> Option<Option<Vec<u8>>> {
    let size = curve.field_size();
    match bytes.first()? {
        0 if bytes.len() == 1 => Some(None),
        6 | 7 if bytes.len() == 1 + 2 * size => {
            // Hybrid: the tag's low bit must be y's parity.
            if (bytes[0] & 1) != (bytes[2 * size] & 1) {
                return None;
            }
            let mut plain = bytes.to_vec();
            plain[0] = 4;
            Some(Some(plain))
        }
        2..=4 => Some(Some(bytes.to_vec())),
        _ => None,
    }
}

/// The point's SEC1 bytes in `form` (`None`: not a point on the curve).
fn encode_point(curve: Curve, bytes: &[u8], form: PointForm) -> Option<Vec<u8>> {
    let Some(point) = normalize_point(curve, bytes)? else {
        return Some(vec![0]);
    };
    let mut out = with_curve!(curve, c => {
        use elliptic_curve::sec1::ToEncodedPoint;
        let key = c::PublicKey::from_sec1_bytes(&point).ok()?;
        key.to_encoded_point(form == PointForm::Compressed).as_bytes().to_vec()
    });
    if form == PointForm::Hybrid {
        let last = *out.last()?;
        out[0] = 6 | (last & 1);
    }
    Some(out)
}

/// `ecdhCurves()` → the curve names `crypto.getCurves()` lists.
fn ecdh_curves(_ctx: &mut dyn OpCtx) -> OpResult {
    Ok(HostValue::Array(CURVES.iter().map(|&c| c.into()).collect()))
}

/// `ecdhGenerateKey(curve)` → a new private scalar, big-endian and minimal as Node's
/// `ecdh.getPrivateKey()` returns it (`BN_bn2bin`: leading zero bytes dropped).
fn ecdh_generate_key(ctx: &mut dyn OpCtx) -> OpResult {
    let curve = curve_arg(ctx, 0)?;
    let bytes = with_curve!(curve, c => c::SecretKey::random(&mut OsRng).to_bytes().to_vec());
    let start = bytes.iter().position(|&b| b != 0).unwrap_or(bytes.len());
    Ok(HostValue::Bytes(bytes[start..].to_vec()))
}

/// `ecdhPublicKey(curve, privateKey, form)` → the public point of a private scalar.
fn ecdh_public_key(ctx: &mut dyn OpCtx) -> OpResult {
    let curve = curve_arg(ctx, 0)?;
    let private = bytes_arg(ctx, 1);
    let form = form_arg(ctx, 2)?;
    let scalar = ec_scalar(curve, &private).ok_or_else(|| {
        ThrowError::range_error(
            "ERR_CRYPTO_INVALID_KEYTYPE",
            "Private key is not valid for specified curve.",
        )
    })?;
    let point = with_curve!(curve, c => {
        use elliptic_curve::sec1::ToEncodedPoint;
        let key = c::SecretKey::from_slice(&scalar).map_err(|_| failed("Failed to get ECDH public key"))?;
        key.public_key().to_encoded_point(false).as_bytes().to_vec()
    });
    let out =
        encode_point(curve, &point, form).ok_or_else(|| failed("Failed to get ECDH public key"))?;
    Ok(HostValue::Bytes(out))
}

/// Node's `ERR_CRYPTO_OPERATION_FAILED` with `message`.
fn failed(message: &str) -> ThrowError {
    ThrowError::error(message).with("code", "ERR_CRYPTO_OPERATION_FAILED")
}

/// `ecdhComputeSecret(curve, privateKey, peerPublicKey)` → the shared x coordinate
/// (field-size bytes).
fn ecdh_compute_secret(ctx: &mut dyn OpCtx) -> OpResult {
    let curve = curve_arg(ctx, 0)?;
    let private = bytes_arg(ctx, 1);
    let peer = bytes_arg(ctx, 2);
    let scalar = ec_scalar(curve, &private)
        .ok_or_else(|| ThrowError::range_error("ERR_CRYPTO_INVALID_KEYPAIR", "Invalid key pair"))?;
    let invalid_public = || {
        ThrowError::error("Public key is not valid for specified curve")
            .with("code", "ERR_CRYPTO_ECDH_INVALID_PUBLIC_KEY")
    };
    let point = normalize_point(curve, &peer).ok_or_else(invalid_public)?;
    // The point at infinity decodes, but no secret comes of it.
    let point = point.ok_or_else(|| failed("Failed to compute ECDH key"))?;
    let secret = with_curve!(curve, c => {
        let public = c::PublicKey::from_sec1_bytes(&point).map_err(|_| invalid_public())?;
        let secret = c::SecretKey::from_slice(&scalar).map_err(|_| failed("Failed to compute ECDH key"))?;
        let shared = c::ecdh::diffie_hellman(secret.to_nonzero_scalar(), public.as_affine());
        shared.raw_secret_bytes().to_vec()
    });
    Ok(HostValue::Bytes(secret))
}

/// `ecdhConvertKey(curve, key, form)` → the point re-encoded in `form`. An empty key gives
/// empty bytes (Node returns '' before looking at it).
fn ecdh_convert_key(ctx: &mut dyn OpCtx) -> OpResult {
    let curve = curve_arg(ctx, 0)?;
    let key = bytes_arg(ctx, 1);
    let form = form_arg(ctx, 2)?;
    if key.is_empty() {
        return Ok(HostValue::Bytes(Vec::new()));
    }
    let out = encode_point(curve, &key, form)
        .ok_or_else(|| failed("Failed to convert Buffer to EC_POINT"))?;
    Ok(HostValue::Bytes(out))
}

// ---- finite-field Diffie-Hellman ----

/// OpenSSL's smallest DH modulus for key generation and derivation (`DH_MIN_MODULUS_BITS`).
const DH_MIN_MODULUS_BITS: usize = 512;
/// OpenSSL's largest (`OPENSSL_DH_MAX_MODULUS_BITS`).
const DH_MAX_MODULUS_BITS: usize = 10_000;
/// The largest modulus `DH_check` looks at (`OPENSSL_DH_CHECK_MAX_MODULUS_BITS`).
const DH_CHECK_MAX_MODULUS_BITS: usize = 32_768;

/// `DH_check` result bits (Node's `verifyError`).
const DH_CHECK_P_NOT_PRIME: u32 = 0x01;
const DH_CHECK_P_NOT_SAFE_PRIME: u32 = 0x02;
const DH_NOT_SUITABLE_GENERATOR: u32 = 0x08;
const DH_MODULUS_TOO_SMALL: u32 = 0x80;
const DH_MODULUS_TOO_LARGE: u32 = 0x100;

/// The groups OpenSSL recognizes by value (RFC 3526's, with generator 2) and the private
/// key length in bits it uses for each. RFC 2409's modp1/modp2 are not among them.
const NAMED_GROUPS: &[(&str, usize)] = &[
    ("modp5", 200),
    ("modp14", 225),
    ("modp15", 275),
    ("modp16", 325),
    ("modp17", 375),
    ("modp18", 400),
];

/// The private key length of the named group `(prime, generator)` is, if it is one.
fn named_group_key_bits(prime: &BigUint, generator: &BigUint) -> Option<usize> {
    if *generator != BigUint::from(2u8) {
        return None;
    }
    NAMED_GROUPS
        .iter()
        .find(|(name, _)| modp_prime(name).as_ref() == Some(prime))
        .map(|&(_, bits)| bits)
}

/// Argument `i` as a non-negative integer: big-endian bytes or a number (`None`: missing).
fn big_arg(ctx: &mut dyn OpCtx, i: usize) -> Option<BigUint> {
    if let Some(bytes) = ctx.arg_bytes(i) {
        return Some(BigUint::from_bytes_be(bytes));
    }
    let n = ctx.arg_number(i)?;
    (n.is_finite() && n >= 0.0).then(|| BigUint::from(n as u64))
}

/// `dhGroup(name)` → `[prime, generator]` of an RFC 2409/3526 MODP group.
fn dh_group(ctx: &mut dyn OpCtx) -> OpResult {
    let name = ctx.arg_string(0).unwrap_or_default();
    let prime = modp_prime(&name).ok_or_else(|| {
        ThrowError::error("Unknown DH group").with("code", "ERR_CRYPTO_UNKNOWN_DH_GROUP")
    })?;
    Ok(HostValue::Array(vec![HostValue::Bytes(to_bytes(&prime)), HostValue::Bytes(vec![2])]))
}

/// `dhGeneratePrime(bits, generator)` → a safe prime for `createDiffieHellman(bits, g)`,
/// as `DH_generate_parameters_ex` picks it (p ≡ 23 mod 24 for g = 2, p ≡ 59 mod 60 for 5,
/// p ≡ 11 mod 12 otherwise).
fn dh_generate_prime(ctx: &mut dyn OpCtx) -> OpResult {
    let bits = ctx.arg_number(0).unwrap_or(0.0);
    let generator = ctx.arg_number(1).unwrap_or(0.0);
    if bits < 2.0 || bits.is_nan() {
        return Err(openssl_error(
            "0280007E",
            "Diffie-Hellman routines",
            "modulus too small",
            "ERR_OSSL_DH_MODULUS_TOO_SMALL",
        ));
    }
    if generator < 2.0 || generator.is_nan() {
        return Err(openssl_error(
            "02800065",
            "Diffie-Hellman routines",
            "bad generator",
            "ERR_OSSL_DH_BAD_GENERATOR",
        ));
    }
    if !(DH_MIN_MODULUS_BITS as f64..=DH_MAX_MODULUS_BITS as f64).contains(&bits) {
        return Err(ThrowError::type_error("ERR_INVALID_ARG_VALUE", "Invalid DH parameters"));
    }
    let (add, rem) = match generator as u64 {
        2 => (24u32, 23u32),
        5 => (60, 59),
        _ => (12, 11),
    };
    let prime =
        generate_prime(bits as usize, true, Some(&BigUint::from(add)), Some(&BigUint::from(rem)))
            .map_err(|_| ThrowError::type_error("ERR_INVALID_ARG_VALUE", "Invalid DH parameters"))?;
    Ok(HostValue::Bytes(to_bytes(&prime)))
}

/// A random number below `2^bits`.
fn random_below_pow2(bits: usize) -> BigUint {
    let mut bytes = vec![0u8; bits.div_ceil(8)];
    OsRng.fill_bytes(&mut bytes);
    let excess = bytes.len() * 8 - bits;
    if let Some(first) = bytes.first_mut() {
        *first &= 0xff >> excess;
    }
    BigUint::from_bytes_be(&bytes)
}

/// A new DH private value as `DH_generate_key` draws it: for a named group, `1 + r` with
/// `r < 2^N` (N its key length) below `q = (p-1)/2`; otherwise `bits(p) - 1` random bits
/// with the top one set.
fn dh_private_value(prime: &BigUint, generator: &BigUint) -> BigUint {
    let one = BigUint::from(1u8);
    match named_group_key_bits(prime, generator) {
        Some(n) => {
            let q: BigUint = prime >> 1usize;
            let limit = (&one << n).min(q);
            loop {
                let candidate = random_below_pow2(n) + &one;
                if candidate < limit {
                    return candidate;
                }
            }
        }
        None => {
            let bits = prime.bits() - 1;
            random_below_pow2(bits) | (one << (bits - 1))
        }
    }
}

/// `dhGenerateKeys(prime, generator, privateKey)` → `[publicKey, privateKey]`: a new key
/// pair, or (with `privateKey`) the public key of that private key, as Node's
/// `generateKeys()` does.
fn dh_generate_keys(ctx: &mut dyn OpCtx) -> OpResult {
    let prime = big_arg(ctx, 0).unwrap_or_default();
    let generator = big_arg(ctx, 1).unwrap_or_else(|| BigUint::from(2u8));
    let private = if ctx.arg_is_nullish(2) { None } else { big_arg(ctx, 2) };
    if !(DH_MIN_MODULUS_BITS..=DH_MAX_MODULUS_BITS).contains(&prime.bits()) {
        return Err(failed("Key generation failed"));
    }
    let private = private.unwrap_or_else(|| dh_private_value(&prime, &generator));
    let public = generator.modpow(&private, &prime);
    Ok(HostValue::Array(vec![
        HostValue::Bytes(to_bytes(&public)),
        HostValue::Bytes(to_bytes(&private)),
    ]))
}

/// `dhComputeSecret(prime, privateKey, peerPublicKey, generator)` → the shared secret,
/// left-padded to the prime's size. The peer key is checked first as `DH_check_pub_key`
/// does (range, and for a named group membership in the prime-order subgroup; `generator`
/// defaults to 2). Then, as Node 25 does with what `DH_compute_key` returns: a missing
/// private key or a modulus above 10000 bits gives empty bytes, one below 512 bits zeros.
fn dh_compute_secret(ctx: &mut dyn OpCtx) -> OpResult {
    let prime = big_arg(ctx, 0).unwrap_or_default();
    let private = if ctx.arg_is_nullish(1) { None } else { big_arg(ctx, 1) };
    let peer = big_arg(ctx, 2).unwrap_or_default();
    let generator = big_arg(ctx, 3).unwrap_or_else(|| BigUint::from(2u8));
    let one = BigUint::from(1u8);
    if peer <= one {
        return Err(ThrowError::range_error(
            "ERR_CRYPTO_INVALID_KEYLEN",
            "Supplied key is too small",
        ));
    }
    // `p - 1`, with `p = 0` treated as OpenSSL's -1 (every key is too large).
    if prime.bits() == 0 || peer >= &prime - &one {
        return Err(ThrowError::range_error(
            "ERR_CRYPTO_INVALID_KEYLEN",
            "Supplied key is too large",
        ));
    }
    if named_group_key_bits(&prime, &generator).is_some() {
        let q: BigUint = &prime >> 1usize;
        if peer.modpow(&q, &prime) != one {
            return Err(ThrowError::range_error(
                "ERR_CRYPTO_INVALID_KEYTYPE",
                "Unspecified validation error",
            ));
        }
    }
    let size = prime.bits().div_ceil(8);
    if prime.bits() > DH_MAX_MODULUS_BITS {
        return Ok(HostValue::Bytes(Vec::new()));
    }
    if prime.bits() < DH_MIN_MODULUS_BITS {
        return Ok(HostValue::Bytes(vec![0; size]));
    }
    let Some(private) = private.filter(|p| p.bits() != 0) else {
        return Ok(HostValue::Bytes(Vec::new()));
    };
    let secret = to_bytes(&peer.modpow(&private, &prime));
    let mut out = vec![0u8; size];
    out[size - secret.len()..].copy_from_slice(&secret);
    Ok(HostValue::Bytes(out))
}

/// `DH_check` of `(prime, generator)`: Node's `verifyError` bits.
fn dh_check_codes(prime: &BigUint, generator: &BigUint) -> Result<u32, ThrowError> {
    if named_group_key_bits(prime, generator).is_some() {
        return Ok(0);
    }
    if prime.bits() > DH_CHECK_MAX_MODULUS_BITS {
        return Err(failed("Checking DH parameters failed"));
    }
    let one = BigUint::from(1u8);
    let mut codes = 0;
    // DH_check_params.
    if prime.trailing_zeros() != Some(0) {
        codes |= DH_CHECK_P_NOT_PRIME;
    }
    if *generator <= one || prime.bits() == 0 || *generator >= prime - &one {
        codes |= DH_NOT_SUITABLE_GENERATOR;
    }
    if prime.bits() < DH_MIN_MODULUS_BITS {
        codes |= DH_MODULUS_TOO_SMALL;
    }
    if prime.bits() > DH_MAX_MODULUS_BITS {
        codes |= DH_MODULUS_TOO_LARGE;
    }
    // Then the primality of p and (p-1)/2 (the RFC 2409 groups are known safe primes).
    let known_safe = ["modp1", "modp2"].iter().any(|name| modp_prime(name).as_ref() == Some(prime));
    if !known_safe {
        if !check_prime(prime, 0) {
            codes |= DH_CHECK_P_NOT_PRIME;
        } else if !check_prime(&(prime >> 1usize), 0) {
            codes |= DH_CHECK_P_NOT_SAFE_PRIME;
        }
    }
    Ok(codes)
}

/// `dhCheck(prime, generator)` → the `DH_check` codes (`verifyError`).
fn dh_check(ctx: &mut dyn OpCtx) -> OpResult {
    let prime = big_arg(ctx, 0).unwrap_or_default();
    let generator = big_arg(ctx, 1).unwrap_or_else(|| BigUint::from(2u8));
    Ok(HostValue::Number(f64::from(dh_check_codes(&prime, &generator)?)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scalars_of_any_length_in_range() {
        assert!(ec_scalar(Curve::P256, &[]).is_none());
        assert!(ec_scalar(Curve::P256, &[0, 0]).is_none());
        assert_eq!(ec_scalar(Curve::P256, &[0, 1]).unwrap().len(), 32);
        assert!(ec_scalar(Curve::P256, &[0xff; 32]).is_none());
        assert!(ec_scalar(Curve::P256, &[1; 33]).is_none());
        let mut long = vec![0u8; 8];
        long.extend([1u8; 32]);
        assert!(ec_scalar(Curve::P256, &long).is_some());
        assert!(ec_scalar(Curve::P521, &[1; 66]).is_some());
        assert!(ec_scalar(Curve::P521, &[0xff; 66]).is_none());
    }

    #[test]
    fn point_forms_round_trip() {
        for curve in [Curve::P256, Curve::P384, Curve::P521, Curve::K256, Curve::P224] {
            let g = with_curve!(curve, c => {
                use elliptic_curve::sec1::ToEncodedPoint;
                c::SecretKey::random(&mut OsRng).public_key().to_encoded_point(false).as_bytes().to_vec()
            });
            let compressed = encode_point(curve, &g, PointForm::Compressed).unwrap();
            let hybrid = encode_point(curve, &g, PointForm::Hybrid).unwrap();
            assert_eq!(compressed.len(), 1 + curve.field_size());
            assert_eq!(encode_point(curve, &compressed, PointForm::Uncompressed).unwrap(), g);
            assert_eq!(encode_point(curve, &hybrid, PointForm::Uncompressed).unwrap(), g);
            // The wrong parity tag on a hybrid point is refused.
            let mut bad = hybrid.clone();
            bad[0] ^= 1;
            assert!(encode_point(curve, &bad, PointForm::Compressed).is_none());
            assert_eq!(encode_point(curve, &[0], PointForm::Compressed).unwrap(), vec![0]);
            for junk in [&[][..], &[0, 0], &[4, 1, 2], &[2], &[5; 65], &[9; 33]] {
                assert!(encode_point(curve, junk, PointForm::Compressed).is_none());
            }
        }
    }

    #[test]
    fn dh_checks_match_openssl() {
        let two = BigUint::from(2u8);
        let p = |v: u64| BigUint::from(v);
        assert_eq!(dh_check_codes(&p(0xabcdef), &two).unwrap(), 129);
        assert_eq!(dh_check_codes(&p(0xabcdef), &p(0xabcdef)).unwrap(), 137);
        assert_eq!(dh_check_codes(&p(23), &two).unwrap(), 128);
        assert_eq!(dh_check_codes(&p(0), &two).unwrap(), 137);
        assert_eq!(dh_check_codes(&p(1), &two).unwrap(), 137);
        assert_eq!(dh_check_codes(&p(2), &p(5)).unwrap(), 139);
        assert_eq!(dh_check_codes(&p(7), &two).unwrap(), 128);
        assert_eq!(dh_check_codes(&p(13), &two).unwrap(), 130);
        let m14 = modp_prime("modp14").unwrap();
        assert_eq!(dh_check_codes(&m14, &two).unwrap(), 0);
        assert_eq!(dh_check_codes(&m14, &p(3)).unwrap(), 0);
        let m1 = modp_prime("modp1").unwrap();
        assert_eq!(dh_check_codes(&m1, &two).unwrap(), 0);
        assert!(dh_check_codes(&(BigUint::from(1u8) << 40000usize), &two).is_err());
    }

    #[test]
    fn dh_private_values_fit() {
        let two = BigUint::from(2u8);
        let m14 = modp_prime("modp14").unwrap();
        for _ in 0..20 {
            let x = dh_private_value(&m14, &two);
            assert!(x.bits() <= 225 && x.bits() > 0);
            let y = dh_private_value(&m14, &BigUint::from(3u8));
            assert_eq!(y.bits(), m14.bits() - 1);
        }
    }
}
