//! Key export: PEM, DER (PKCS#1, PKCS#8, SPKI, SEC1, optionally encrypted), JWK and raw
//! bytes. Every encoding is laid out as OpenSSL 3 writes it (NULL parameters where OpenSSL
//! puts them, no optional fields it leaves out), so exports match Node byte for byte.

use engine::{HostValue, OpCtx, OpResult, ThrowError};
use num_bigint_dig::BigUint;

use super::der::{self, oids};
use super::import::curve_oid;
use super::json;
use super::pbe::{self, Target};
use super::{key_arg, AsymKey, DhParams, EcPrivateKey, PssParams, RsaVariant};
use rsa::traits::{PrivateKeyParts, PublicKeyParts};

/// `keyExport(id, format, type, cipher, passphrase)`.
pub(super) fn key_export(ctx: &mut dyn OpCtx) -> OpResult {
    let key = key_arg(ctx, 0)?;
    let format: String = ctx.arg(1, "format")?;
    let kind: Option<String> = ctx.arg(2, "type")?;
    let cipher: Option<String> = ctx.arg(3, "cipher")?;
    let passphrase: Option<Vec<u8>> = if ctx.arg_is_nullish(4) {
        None
    } else if let Some(s) = ctx.arg_string(4) {
        Some(s.into_bytes())
    } else {
        ctx.arg_bytes(4).map(|b| b.to_vec())
    };
    export(&key, &format, kind.as_deref(), cipher.as_deref(), passphrase.as_deref())
}

/// `keyCipherKnown(name)`: whether key export implements the cipher `name` (an OpenSSL
/// name or alias, any case), including ones `getCiphers()` does not list (aes-*-cfb1,
/// des-ede3-cfb, …).
pub(super) fn key_cipher_known(ctx: &mut dyn OpCtx) -> OpResult {
    let name = ctx.arg_string(0).unwrap_or_default();
    Ok(HostValue::Bool(super::pbe::KeyCipher::from_name(&name).is_some()))
}

fn incompatible(message: &str) -> ThrowError {
    ThrowError::error(message).with("code", "ERR_CRYPTO_INCOMPATIBLE_KEY_OPTIONS")
}

fn unknown_cipher() -> ThrowError {
    ThrowError::error("Unknown cipher").with("code", "ERR_CRYPTO_UNKNOWN_CIPHER")
}

/// A seed-less ML-DSA/ML-KEM private key exported where only the seed will do.
fn no_seed() -> ThrowError {
    ThrowError::error("key does not have an available seed")
        .with("code", "ERR_CRYPTO_OPERATION_FAILED")
}

fn jwk_unsupported() -> ThrowError {
    ThrowError::error("Unsupported JWK Key Type.")
        .with("code", "ERR_CRYPTO_JWK_UNSUPPORTED_KEY_TYPE")
}

/// Exports `key` as `format` / `kind`, encrypting private keys with `cipher` when given.
pub(super) fn export(
    key: &AsymKey,
    format: &str,
    kind: Option<&str>,
    cipher: Option<&str>,
    passphrase: Option<&[u8]>,
) -> OpResult {
    match format {
        "jwk" => return jwk(key).map(HostValue::String),
        "raw-public" => {
            let compressed = kind == Some("compressed");
            return raw_public(key, compressed).map(HostValue::Bytes).ok_or_else(|| {
                ThrowError::error("Unsupported key type for raw export")
                    .with("code", "ERR_CRYPTO_INVALID_KEYTYPE")
            });
        }
        "raw-seed" => {
            return match key {
                AsymKey::PqcPrivate(k) => k.seed.clone().map(HostValue::Bytes).ok_or_else(no_seed),
                _ => Err(ThrowError::error("Unsupported key type for raw export")
                    .with("code", "ERR_CRYPTO_INVALID_KEYTYPE")),
            };
        }
        "raw-private" => {
            return raw_private(key).map(HostValue::Bytes).ok_or_else(|| {
                ThrowError::error("Unsupported key type for raw export")
                    .with("code", "ERR_CRYPTO_INVALID_KEYTYPE")
            });
        }
        "pem" | "der" => {}
        _ => {
            return Err(ThrowError::type_error(
                "ERR_INVALID_ARG_VALUE",
                format!("The property 'options.format' is invalid. Received '{format}'"),
            ));
        }
    }
    let pem = format == "pem";
    let kind = kind.unwrap_or(if key.is_private() { "pkcs8" } else { "spki" });
    // Public keys are never encrypted (JS rejects a cipher for them).
    let cipher = cipher.filter(|_| key.is_private());
    let is_rsa = matches!(key.asymmetric_key_type(), "rsa");
    let is_ec = matches!(key.asymmetric_key_type(), "ec");
    let (label, der) = match kind {
        "spki" => ("PUBLIC KEY", spki(key)),
        "pkcs8" => {
            let der = pkcs8(key).ok_or_else(|| {
                ThrowError::type_error(
                    "ERR_INVALID_ARG_VALUE",
                    "The property 'options.type' is invalid. Received 'pkcs8'",
                )
            })?;
            if let Some(name) = cipher {
                let cipher = pbe::cipher_for(name, Target::Pkcs8)?;
                let pass = passphrase.unwrap_or_default();
                let enc = pbe::pkcs8_encrypt(&der, cipher, pass).ok_or_else(unknown_cipher)?;
                return Ok(if pem {
                    HostValue::String(pem_encode("ENCRYPTED PRIVATE KEY", &[], &enc))
                } else {
                    HostValue::Bytes(enc)
                });
            }
            ("PRIVATE KEY", der)
        }
        "pkcs1" => {
            if !is_rsa {
                return Err(incompatible(
                    "The selected key encoding pkcs1 can only be used for RSA keys.",
                ));
            }
            match key {
                AsymKey::RsaPrivate { key, .. } => ("RSA PRIVATE KEY", pkcs1_private(key)),
                AsymKey::RsaPublic { key, .. } => ("RSA PUBLIC KEY", pkcs1_public(key)),
                _ => {
                    return Err(incompatible(
                        "The selected key encoding pkcs1 can only be used for RSA keys.",
                    ));
                }
            }
        }
        "sec1" => {
            if !is_ec {
                return Err(incompatible(
                    "The selected key encoding sec1 can only be used for EC keys.",
                ));
            }
            match key {
                AsymKey::EcPrivate(k) => ("EC PRIVATE KEY", sec1(k, true)),
                _ => {
                    return Err(ThrowError::type_error(
                        "ERR_INVALID_ARG_VALUE",
                        "The property 'options.type' is invalid. Received 'sec1'",
                    ));
                }
            }
        }
        other => {
            return Err(ThrowError::type_error(
                "ERR_INVALID_ARG_VALUE",
                format!("The property 'options.type' is invalid. Received '{other}'"),
            ));
        }
    };
    if let Some(name) = cipher {
        if !pem {
            return Err(incompatible(&format!(
                "The selected key encoding {kind} does not support encryption."
            )));
        }
        let cipher = pbe::cipher_for(name, Target::LegacyPem)?;
        let (dek, enc) = pbe::legacy_pem_encrypt(cipher, passphrase.unwrap_or_default(), &der)
            .ok_or_else(unknown_cipher)?;
        let headers = [("Proc-Type", "4,ENCRYPTED".to_owned()), ("DEK-Info", dek)];
        return Ok(HostValue::String(pem_encode(label, &headers, &enc)));
    }
    Ok(if pem { HostValue::String(pem_encode(label, &[], &der)) } else { HostValue::Bytes(der) })
}

/// A PEM block with 64-column base64, as OpenSSL writes it.
pub(super) fn pem_encode(label: &str, headers: &[(&str, String)], der: &[u8]) -> String {
    let b64 = base64_simd::STANDARD.encode_to_string(der);
    let mut out = format!("-----BEGIN {label}-----\n");
    if !headers.is_empty() {
        for (k, v) in headers {
            out.push_str(&format!("{k}: {v}\n"));
        }
        out.push('\n');
    }
    for chunk in b64.as_bytes().chunks(64) {
        // base64 output is ASCII.
        out.push_str(std::str::from_utf8(chunk).unwrap_or_default());
        out.push('\n');
    }
    out.push_str(&format!("-----END {label}-----\n"));
    out
}

/// PKCS#1 `RSAPublicKey`.
fn pkcs1_public(key: &impl PublicKeyParts) -> Vec<u8> {
    der::seq(&[&der::biguint(key.n()), &der::biguint(key.e())])
}

/// PKCS#1 `RSAPrivateKey` (two-prime).
fn pkcs1_private(key: &rsa::RsaPrivateKey) -> Vec<u8> {
    let primes = key.primes();
    let zero = BigUint::default();
    let p = primes.first().unwrap_or(&zero);
    let q = primes.get(1).unwrap_or(&zero);
    let one = BigUint::from(1u32);
    let dp = if p > &one { key.d() % (p - &one) } else { zero.clone() };
    let dq = if q > &one { key.d() % (q - &one) } else { zero.clone() };
    let qinv = key.crt_coefficient().unwrap_or_default();
    der::seq(&[
        &der::uint(&[0]),
        &der::biguint(key.n()),
        &der::biguint(key.e()),
        &der::biguint(key.d()),
        &der::biguint(p),
        &der::biguint(q),
        &der::biguint(&dp),
        &der::biguint(&dq),
        &der::biguint(&qinv),
    ])
}

/// A digest `AlgorithmIdentifier` with NULL parameters, as OpenSSL writes PSS parameters.
fn digest_alg(name: &str) -> Vec<u8> {
    der::seq(&[&der::oid(der::digest_oid(name).unwrap_or(der::DIGESTS[0].1)), der::NULL])
}

/// RSASSA-PSS-params with the default fields left out.
pub(super) fn pss_params_der(params: &PssParams) -> Vec<u8> {
    // Defaults are left out, so an all-default key has an empty SEQUENCE (as OpenSSL).
    let mut fields = Vec::new();
    if params.hash != "sha1" {
        fields.extend(der::tlv(0xa0, &digest_alg(params.hash)));
    }
    if params.mgf1_hash != "sha1" {
        let mgf = der::seq(&[&der::oid(oids::MGF1), &digest_alg(params.mgf1_hash)]);
        fields.extend(der::tlv(0xa1, &mgf));
    }
    if params.salt_length != 20 {
        fields.extend(der::tlv(0xa2, &der::uint(&params.salt_length.to_be_bytes())));
    }
    der::tlv(der::tag::SEQUENCE, &fields)
}

/// The RSA `AlgorithmIdentifier` of a key variant.
fn rsa_alg(variant: &RsaVariant) -> Vec<u8> {
    match variant {
        RsaVariant::Rsa => der::seq(&[&der::oid(oids::RSA), der::NULL]),
        RsaVariant::Pss(None) => der::seq(&[&der::oid(oids::RSA_PSS)]),
        RsaVariant::Pss(Some(p)) => der::seq(&[&der::oid(oids::RSA_PSS), &pss_params_der(p)]),
    }
}

fn dsa_params(c: &dsa::Components) -> Vec<u8> {
    der::seq(&[&der::biguint(c.p()), &der::biguint(c.q()), &der::biguint(c.g())])
}

fn dh_alg(params: &DhParams) -> Vec<u8> {
    match &params.q {
        None => der::seq(&[
            &der::oid(oids::DH),
            &der::seq(&[&der::biguint(&params.prime), &der::biguint(&params.generator)]),
        ]),
        Some(q) => der::seq(&[
            &der::oid(oids::DHX),
            &der::seq(&[
                &der::biguint(&params.prime),
                &der::biguint(&params.generator),
                &der::biguint(q),
            ]),
        ]),
    }
}

fn ec_alg(curve: super::Curve) -> Vec<u8> {
    der::seq(&[&der::oid(oids::EC), &der::oid(curve_oid(curve))])
}

/// SEC1 `ECPrivateKey`; `with_params` adds the curve OID (standalone SEC1 has it, the copy
/// inside PKCS#8 does not).
fn sec1(key: &EcPrivateKey, with_params: bool) -> Vec<u8> {
    let curve = key.curve();
    let mut parts = vec![der::uint(&[1]), der::octet_string(&key.scalar_bytes())];
    if with_params {
        parts.push(der::tlv(0xa0, &der::oid(curve_oid(curve))));
    }
    parts.push(der::tlv(0xa1, &der::bit_string(&key.public_key().to_sec1(false))));
    let refs: Vec<&[u8]> = parts.iter().map(Vec::as_slice).collect();
    der::seq(&refs)
}

fn spki_of(alg: &[u8], bits: &[u8]) -> Vec<u8> {
    der::seq(&[alg, &der::bit_string(bits)])
}

fn simple_alg(oid: &[u8]) -> Vec<u8> {
    der::seq(&[&der::oid(oid)])
}

/// `SubjectPublicKeyInfo` of the key's public half.
pub(super) fn spki(key: &AsymKey) -> Vec<u8> {
    match key.to_public() {
        AsymKey::RsaPublic { key, variant } => spki_of(&rsa_alg(&variant), &pkcs1_public(&key)),
        AsymKey::DsaPublic(k) => {
            let alg = der::seq(&[&der::oid(oids::DSA), &dsa_params(k.components())]);
            spki_of(&alg, &der::biguint(k.y()))
        }
        AsymKey::EcPublic(k) => spki_of(&ec_alg(k.curve()), &k.to_sec1(false)),
        AsymKey::Ed25519Public(k) => spki_of(&simple_alg(oids::ED25519), k.as_bytes()),
        AsymKey::Ed448Public(k) => spki_of(&simple_alg(oids::ED448), k.as_bytes()),
        AsymKey::X25519Public(k) => spki_of(&simple_alg(oids::X25519), k.as_bytes()),
        AsymKey::X448Public(k) => spki_of(&simple_alg(oids::X448), &k),
        AsymKey::DhPublic { params, public } => spki_of(&dh_alg(&params), &der::biguint(&public)),
        AsymKey::PqcPublic(k) => super::pqc::spki(&k),
        // `to_public` never returns a private key.
        _ => Vec::new(),
    }
}

fn pkcs8_of(alg: &[u8], private: &[u8]) -> Vec<u8> {
    der::seq(&[&der::uint(&[0]), alg, &der::octet_string(private)])
}

/// PKCS#8 `PrivateKeyInfo` (v1, as OpenSSL writes it); `None` for a public key.
pub(super) fn pkcs8(key: &AsymKey) -> Option<Vec<u8>> {
    Some(match key {
        AsymKey::RsaPrivate { key, variant } => pkcs8_of(&rsa_alg(variant), &pkcs1_private(key)),
        AsymKey::DsaPrivate(k) => {
            let c = k.verifying_key().components();
            let alg = der::seq(&[&der::oid(oids::DSA), &dsa_params(c)]);
            pkcs8_of(&alg, &der::biguint(k.x()))
        }
        AsymKey::EcPrivate(k) => pkcs8_of(&ec_alg(k.curve()), &sec1(k, false)),
        AsymKey::Ed25519Private(k) => {
            pkcs8_of(&simple_alg(oids::ED25519), &der::octet_string(k.as_bytes()))
        }
        AsymKey::Ed448Private(k) => {
            pkcs8_of(&simple_alg(oids::ED448), &der::octet_string(k.as_bytes().as_ref()))
        }
        AsymKey::X25519Private(k) => {
            pkcs8_of(&simple_alg(oids::X25519), &der::octet_string(k.as_bytes()))
        }
        AsymKey::X448Private(k) => pkcs8_of(&simple_alg(oids::X448), &der::octet_string(k)),
        AsymKey::DhPrivate { params, private, .. } => {
            pkcs8_of(&dh_alg(params), &der::biguint(private))
        }
        AsymKey::PqcPrivate(k) => super::pqc::pkcs8(k),
        _ => return None,
    })
}

fn b64url(bytes: &[u8]) -> String {
    base64_simd::URL_SAFE_NO_PAD.encode_to_string(bytes)
}

/// `bytes` left-padded with zeros to `len`.
fn padded(bytes: &[u8], len: usize) -> Vec<u8> {
    let mut out = vec![0u8; len.saturating_sub(bytes.len())];
    out.extend_from_slice(bytes);
    out
}

/// The key as a JWK JSON string, members in Node's order.
pub(super) fn jwk(key: &AsymKey) -> Result<String, ThrowError> {
    let big = |n: &BigUint| b64url(&n.to_bytes_be());
    let members: Vec<(&str, String)> = match key {
        AsymKey::RsaPrivate { key, variant: RsaVariant::Rsa } => {
            let primes = key.primes();
            let (p, q) = match primes {
                [p, q, ..] => (p, q),
                _ => return Err(jwk_unsupported()),
            };
            let one = BigUint::from(1u32);
            vec![
                ("kty", "RSA".into()),
                ("n", big(key.n())),
                ("e", big(key.e())),
                ("d", big(key.d())),
                ("p", big(p)),
                ("q", big(q)),
                ("dp", big(&(key.d() % (p - &one)))),
                ("dq", big(&(key.d() % (q - &one)))),
                ("qi", big(&key.crt_coefficient().unwrap_or_default())),
            ]
        }
        AsymKey::RsaPublic { key, variant: RsaVariant::Rsa } => {
            vec![("kty", "RSA".into()), ("n", big(key.n())), ("e", big(key.e()))]
        }
        AsymKey::EcPrivate(_) | AsymKey::EcPublic(_) => {
            let public = match key {
                AsymKey::EcPrivate(k) => k.public_key(),
                AsymKey::EcPublic(k) => k.clone(),
                _ => return Err(jwk_unsupported()),
            };
            let curve = public.curve();
            let size = curve.field_size();
            let point = public.to_sec1(false);
            let (x, y) = point.get(1..).unwrap_or_default().split_at(size.min(point.len() - 1));
            let mut m = vec![
                ("kty", "EC".to_owned()),
                ("x", b64url(&padded(x, size))),
                ("y", b64url(&padded(y, size))),
                ("crv", curve.jwk_name().to_owned()),
            ];
            if let AsymKey::EcPrivate(k) = key {
                m.push(("d", b64url(&k.scalar_bytes())));
            }
            m
        }
        AsymKey::Ed25519Private(k) => {
            okp("Ed25519", Some(k.as_bytes()), k.verifying_key().as_bytes())
        }
        AsymKey::Ed25519Public(k) => okp("Ed25519", None, k.as_bytes()),
        AsymKey::Ed448Private(k) => {
            okp("Ed448", Some(k.as_bytes().as_ref()), k.verifying_key().as_bytes())
        }
        AsymKey::Ed448Public(k) => okp("Ed448", None, k.as_bytes()),
        AsymKey::X25519Private(k) => {
            okp("X25519", Some(k.as_bytes()), x25519_dalek::PublicKey::from(k).as_bytes())
        }
        AsymKey::X25519Public(k) => okp("X25519", None, k.as_bytes()),
        AsymKey::X448Private(k) => okp("X448", Some(k), &super::x448_public(k)),
        AsymKey::X448Public(k) => okp("X448", None, k),
        AsymKey::PqcPrivate(_) | AsymKey::PqcPublic(_) => {
            let members = super::pqc::jwk_members(key).map_err(|no_seed_| {
                if no_seed_ {
                    no_seed()
                } else {
                    jwk_unsupported()
                }
            })?;
            let mut m = vec![
                ("kty", "AKP".to_owned()),
                ("alg", key.asymmetric_key_type().to_ascii_uppercase()),
            ];
            m.extend(members.iter().map(|(k, v)| (*k, b64url(v))));
            m
        }
        _ => return Err(jwk_unsupported()),
    };
    Ok(json::string_object(&members))
}

fn okp(crv: &str, d: Option<&[u8]>, x: &[u8]) -> Vec<(&'static str, String)> {
    let mut m = vec![("crv", crv.to_owned())];
    if let Some(d) = d {
        m.push(("d", b64url(d)));
    }
    m.push(("x", b64url(x)));
    m.push(("kty", "OKP".to_owned()));
    m
}

/// Raw public key bytes: the EC point, or the Ed/X public key.
pub(super) fn raw_public(key: &AsymKey, compressed: bool) -> Option<Vec<u8>> {
    Some(match key.to_public() {
        AsymKey::EcPublic(k) => k.to_sec1(compressed),
        AsymKey::Ed25519Public(k) => k.as_bytes().to_vec(),
        AsymKey::Ed448Public(k) => k.as_bytes().to_vec(),
        AsymKey::X25519Public(k) => k.as_bytes().to_vec(),
        AsymKey::X448Public(k) => k.to_vec(),
        AsymKey::PqcPublic(k) => k.bytes,
        _ => return None,
    })
}

/// Raw private key bytes: the EC scalar, or the Ed/X seed.
pub(super) fn raw_private(key: &AsymKey) -> Option<Vec<u8>> {
    Some(match key {
        AsymKey::EcPrivate(k) => k.scalar_bytes(),
        AsymKey::Ed25519Private(k) => k.as_bytes().to_vec(),
        AsymKey::Ed448Private(k) => k.as_bytes().to_vec(),
        AsymKey::X25519Private(k) => k.as_bytes().to_vec(),
        AsymKey::X448Private(k) => k.to_vec(),
        // SLH-DSA's private key is raw; ML-DSA/ML-KEM export their seed ('raw-seed').
        AsymKey::PqcPrivate(k) if k.seed.is_none() && !k.alg.is_ml_dsa() && !k.alg.is_ml_kem() => {
            k.expanded.clone()
        }
        _ => return None,
    })
}
