//! Key import: PEM, DER (PKCS#1, PKCS#8, SPKI, SEC1, OpenSSL's traditional DSA), JWK,
//! encrypted PKCS#8 and legacy encrypted PEM, certificates, and raw key bytes.
//!
//! Errors follow what Node 25 (OpenSSL 3) reports: anything wrong with PEM input is
//! `DECODER routines::unsupported`; an encrypted PEM without a passphrase is "interrupted
//! or cancelled" (OpenSSL's prompt callback refusing); encrypted DER without one is
//! `ERR_MISSING_PASSPHRASE`; a wrong passphrase is `Provider routines::bad decrypt`.

use engine::{OpCtx, OpResult, ThrowError};
use num_bigint_dig::BigUint;

use super::der::{self, oids, tag, Reader};
use super::pbe::{self, PbeError};
use super::{
    key_triple, openssl_error, AsymKey, Curve, DhParams, EcPrivateKey, EcPublicKey, PssParams,
    RsaVariant,
};

/// `keyImport(format, data, type, passphrase, wantPublic)` → `[id, keyType, asymmetricKeyType]`.
pub(super) fn key_import(ctx: &mut dyn OpCtx) -> OpResult {
    let format: String = ctx.arg(0, "format")?;
    let data: Vec<u8> = match ctx.arg_string(1) {
        Some(s) => s.into_bytes(),
        None => ctx.arg_bytes(1).map(|b| b.to_vec()).ok_or_else(|| {
            ThrowError::type_error("ERR_INVALID_ARG_TYPE", "The \"key\" argument must be bytes")
        })?,
    };
    let kind: Option<String> = ctx.arg(2, "type")?;
    let passphrase: Option<Vec<u8>> = if ctx.arg_is_nullish(3) {
        None
    } else if let Some(s) = ctx.arg_string(3) {
        Some(s.into_bytes())
    } else {
        ctx.arg_bytes(3).map(|b| b.to_vec())
    };
    let want_public = ctx.arg_truthy(4);
    let (key, public) =
        import_full(&format, &data, kind.as_deref(), passphrase.as_deref(), want_public)?;
    Ok(key_triple(ctx, key, public))
}

/// `keyImportRaw(asymmetricKeyType, namedCurve, data, isPrivate)` → the same triple.
pub(super) fn key_import_raw(ctx: &mut dyn OpCtx) -> OpResult {
    let kind: String = ctx.arg(0, "type")?;
    let curve: Option<String> = ctx.arg(1, "namedCurve")?;
    let data = ctx.arg_bytes(2).map(|b| b.to_vec()).ok_or_else(|| {
        ThrowError::type_error("ERR_INVALID_ARG_TYPE", "The \"data\" argument must be bytes")
    })?;
    let private = ctx.arg_truthy(3);
    let key = import_raw(&kind, curve.as_deref(), &data, private).ok_or_else(invalid_key_data)?;
    Ok(key_triple(ctx, key, None))
}

/// The error for raw key bytes that do not make a key.
fn invalid_key_data() -> ThrowError {
    ThrowError::error("Invalid key data").with("code", "ERR_CRYPTO_INVALID_KEYTYPE")
}

/// A key from raw bytes: EC points/scalars, Ed/X public keys and seeds.
pub(super) fn import_raw(
    kind: &str,
    curve: Option<&str>,
    data: &[u8],
    private: bool,
) -> Option<AsymKey> {
    Some(match (kind, private) {
        ("ec", false) => {
            AsymKey::EcPublic(EcPublicKey::from_sec1(Curve::from_name(curve?)?, data)?)
        }
        ("ec", true) => {
            AsymKey::EcPrivate(EcPrivateKey::from_scalar(Curve::from_name(curve?)?, data)?)
        }
        ("ed25519", false) => AsymKey::Ed25519Public(
            ed25519_dalek::VerifyingKey::from_bytes(data.try_into().ok()?).ok()?,
        ),
        ("ed25519", true) => {
            AsymKey::Ed25519Private(ed25519_dalek::SigningKey::from_bytes(data.try_into().ok()?))
        }
        ("x25519", false) => {
            AsymKey::X25519Public(x25519_dalek::PublicKey::from(<[u8; 32]>::try_from(data).ok()?))
        }
        ("x25519", true) => AsymKey::X25519Private(x25519_dalek::StaticSecret::from(
            <[u8; 32]>::try_from(data).ok()?,
        )),
        ("ed448", false) => AsymKey::Ed448Public(
            ed448_goldilocks_plus::VerifyingKey::from_bytes(data.try_into().ok()?).ok()?,
        ),
        ("ed448", true) => {
            if data.len() != 57 {
                return None;
            }
            AsymKey::Ed448Private(ed448_goldilocks_plus::SigningKey::try_from(data).ok()?)
        }
        ("x448", false) => AsymKey::X448Public(data.try_into().ok()?),
        ("x448", true) => AsymKey::X448Private(data.try_into().ok()?),
        _ => return super::pqc::import_raw(kind, data, private),
    })
}

/// `DECODER routines::unsupported`: what OpenSSL 3 reports for input no decoder accepts.
pub(super) fn unsupported() -> ThrowError {
    openssl_error("1E08010C", "DECODER routines", "unsupported", "ERR_OSSL_UNSUPPORTED")
}

fn interrupted() -> ThrowError {
    openssl_error(
        "07880109",
        "common libcrypto routines",
        "interrupted or cancelled",
        "ERR_OSSL_CRYPTO_INTERRUPTED_OR_CANCELLED",
    )
}

fn bad_decrypt() -> ThrowError {
    openssl_error("1C800064", "Provider routines", "bad decrypt", "ERR_OSSL_BAD_DECRYPT")
}

fn missing_passphrase() -> ThrowError {
    ThrowError::type_error("ERR_MISSING_PASSPHRASE", "Passphrase required for encrypted key")
}

fn failed_to_read() -> ThrowError {
    ThrowError::error("Failed to read asymmetric key")
}

/// Why an ASN.1 element header could not be read (OpenSSL's reasons).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum HeaderError {
    /// The tag and length octets themselves are cut short or malformed.
    HeaderTooLong,
    /// The length runs past the data (at the top level: "not enough data").
    TooLong,
}

/// The next element header in `data`: `(tag, content, rest)`.
fn asn1_header(data: &[u8]) -> Result<(u8, &[u8], &[u8]), HeaderError> {
    let tag = *data.first().ok_or(HeaderError::HeaderTooLong)?;
    let first = *data.get(1).ok_or(HeaderError::HeaderTooLong)?;
    let (len, header) = if first < 0x80 {
        (usize::from(first), 2)
    } else {
        let n = usize::from(first & 0x7f);
        if n == 0 || n > 4 {
            return Err(HeaderError::HeaderTooLong);
        }
        let bytes = data.get(2..2 + n).ok_or(HeaderError::HeaderTooLong)?;
        (bytes.iter().fold(0usize, |acc, &b| (acc << 8) | usize::from(b)), 2 + n)
    };
    let end = header.checked_add(len).ok_or(HeaderError::TooLong)?;
    let content = data.get(header..end).ok_or(HeaderError::TooLong)?;
    Ok((tag, content, &data[end..]))
}

fn asn1(packed: &str, reason: &str, code: &str) -> ThrowError {
    openssl_error(packed, "asn1 encoding routines", reason, code)
}

fn header_error(e: HeaderError, top: bool) -> ThrowError {
    match e {
        HeaderError::HeaderTooLong => {
            asn1("0680007B", "header too long", "ERR_OSSL_ASN1_HEADER_TOO_LONG")
        }
        HeaderError::TooLong if top => {
            asn1("0680008E", "not enough data", "ERR_OSSL_ASN1_NOT_ENOUGH_DATA")
        }
        HeaderError::TooLong => asn1("0680009B", "too long", "ERR_OSSL_ASN1_TOO_LONG"),
    }
}

fn wrong_tag() -> ThrowError {
    asn1("068000A8", "wrong tag", "ERR_OSSL_ASN1_WRONG_TAG")
}

fn field_missing() -> ThrowError {
    asn1("06800079", "field missing", "ERR_OSSL_ASN1_FIELD_MISSING")
}

/// A template field that is an AlgorithmIdentifier: a SEQUENCE starting with an OID.
const ALG_ID: u8 = 0xff;

/// What OpenSSL's `d2i` reports for `der` against a SEQUENCE template whose required fields
/// have the tags `fields` ([`ALG_ID`] for an AlgorithmIdentifier, whose OID is checked too);
/// `None` when the template matches (the error then lies in the contents).
fn template_error(der: &[u8], fields: &[u8]) -> Option<ThrowError> {
    let (tag, mut content, _) = match asn1_header(der) {
        Ok(h) => h,
        Err(e) => return Some(header_error(e, true)),
    };
    if tag != tag::SEQUENCE {
        return Some(wrong_tag());
    }
    for &want in fields {
        if content.is_empty() {
            return Some(field_missing());
        }
        let (tag, inner, rest) = match asn1_header(content) {
            Ok(h) => h,
            Err(e) => return Some(header_error(e, false)),
        };
        let alg_id = want == ALG_ID;
        if tag != if alg_id { tag::SEQUENCE } else { want } {
            return Some(wrong_tag());
        }
        if alg_id {
            match asn1_header(inner) {
                Err(_) if inner.is_empty() => return Some(field_missing()),
                Err(e) => return Some(header_error(e, false)),
                Ok((t, _, _)) if t != tag::OID => return Some(wrong_tag()),
                Ok(_) => {}
            }
        }
        content = rest;
    }
    None
}

/// The error for DER that is not a (plain) `PrivateKeyInfo`.
fn pkcs8_error(der: &[u8]) -> ThrowError {
    template_error(der, &[tag::INTEGER, ALG_ID, tag::OCTET_STRING]).unwrap_or_else(unsupported)
}

/// The error for DER given as 'pkcs1' or 'sec1' that no private key decoder accepts:
/// OpenSSL's decoders report only a broken outer header themselves.
fn private_der_error(der: &[u8]) -> ThrowError {
    match asn1_header(der) {
        Err(e) => header_error(e, true),
        Ok(_) => unsupported(),
    }
}

/// Whether DER is an `EncryptedPrivateKeyInfo` as Node decides it
/// (`IsEncryptedPrivateKeyInfo`): a non-empty SEQUENCE not starting with an INTEGER.
fn is_encrypted_pkcs8(der: &[u8]) -> bool {
    matches!(asn1_header(der), Ok((tag::SEQUENCE, content, _)) if content.first().is_some_and(|&t| t != tag::INTEGER))
}

/// Parses a key. `kind` is the DER type ('pkcs1', 'pkcs8', 'spki', 'sec1'); for PEM it is
/// ignored (the label decides).
#[cfg(test)]
pub(super) fn import(
    format: &str,
    data: &[u8],
    kind: Option<&str>,
    passphrase: Option<&[u8]>,
    want_public: bool,
) -> Result<AsymKey, ThrowError> {
    import_full(format, data, kind, passphrase, want_public).map(|(key, _)| key)
}

/// [`import`], plus the public half of a private key when the encoding carries it (an EC
/// key's SEC1 `publicKey`, which OpenSSL takes as is rather than deriving it).
pub(super) fn import_full(
    format: &str,
    data: &[u8],
    kind: Option<&str>,
    passphrase: Option<&[u8]>,
    want_public: bool,
) -> Result<(AsymKey, Option<AsymKey>), ThrowError> {
    match format {
        "pem" => import_pem(data, passphrase, want_public),
        "der" => import_der(data, kind, passphrase, want_public),
        "jwk" => {
            let text = std::str::from_utf8(data).map_err(|_| invalid_jwk("Invalid JWK data"))?;
            import_jwk(text, want_public).map(|key| (key, None))
        }
        _ => Err(ThrowError::type_error(
            "ERR_INVALID_ARG_VALUE",
            format!("The argument 'format' is invalid. Received '{format}'"),
        )),
    }
}

/// One PEM block.
struct PemBlock {
    label: String,
    /// `Name: value` headers (legacy encryption's Proc-Type and DEK-Info).
    headers: Vec<(String, String)>,
    /// The decoded body, or `None` when its base64 is bad.
    body: Option<Vec<u8>>,
}

/// Every complete PEM block in `text`, in order.
fn pem_blocks(text: &str) -> Vec<PemBlock> {
    let mut blocks = Vec::new();
    let mut rest = text;
    while let Some(start) = rest.find("-----BEGIN ") {
        let after = &rest[start + 11..];
        let Some(label_end) = after.find("-----") else { break };
        let label = &after[..label_end];
        let body = &after[label_end + 5..];
        let end_marker = format!("-----END {label}-----");
        let Some(end) = body.find(&end_marker) else { break };
        let mut headers = Vec::new();
        let mut b64 = String::new();
        for line in body[..end].lines() {
            let line = line.trim();
            if b64.is_empty() && line.contains(':') {
                if let Some((k, v)) = line.split_once(':') {
                    headers.push((k.trim().to_owned(), v.trim().to_owned()));
                }
            } else {
                b64.push_str(line);
            }
        }
        let decoded = base64_simd::STANDARD.decode_to_vec(b64.as_bytes()).ok();
        blocks.push(PemBlock { label: label.to_owned(), headers, body: decoded });
        rest = &body[end + end_marker.len()..];
    }
    blocks
}

/// A DER parser for one key structure.
type Parser = fn(&[u8]) -> Option<AsymKey>;

fn import_pem(
    data: &[u8],
    passphrase: Option<&[u8]>,
    want_public: bool,
) -> Result<(AsymKey, Option<AsymKey>), ThrowError> {
    let text = String::from_utf8_lossy(data);
    let blocks = pem_blocks(&text);
    if want_public {
        for block in &blocks {
            let (parse, template): (Parser, &[u8]) = match block.label.as_str() {
                "PUBLIC KEY" => (parse_spki, &[ALG_ID, tag::BIT_STRING]),
                "RSA PUBLIC KEY" => (parse_pkcs1_public, &[tag::INTEGER, tag::INTEGER]),
                "CERTIFICATE" | "X509 CERTIFICATE" | "TRUSTED CERTIFICATE" => {
                    (parse_certificate, &[tag::SEQUENCE, ALG_ID, tag::BIT_STRING])
                }
                _ => continue,
            };
            // OpenSSL's DER decoder reports a body that is not the structure at all.
            let body = block.body.as_deref().filter(|b| !b.is_empty()).ok_or_else(unsupported)?;
            return parse(body)
                .map(|key| (key, None))
                .ok_or_else(|| template_error(body, template).unwrap_or_else(unsupported));
        }
    }
    for block in &blocks {
        let label = block.label.as_str();
        if !matches!(
            label,
            "PRIVATE KEY"
                | "ENCRYPTED PRIVATE KEY"
                | "RSA PRIVATE KEY"
                | "EC PRIVATE KEY"
                | "DSA PRIVATE KEY"
        ) {
            continue;
        }
        let body = block.body.as_deref().ok_or_else(unsupported)?;
        let encrypted = label == "ENCRYPTED PRIVATE KEY"
            || block.headers.iter().any(|(k, v)| k == "Proc-Type" && v.contains("ENCRYPTED"));
        // OpenSSL reads the encryption structure (or DEK-Info) before it asks for the
        // passphrase.
        let dek = block.headers.iter().find(|(k, _)| k == "DEK-Info").map(|(_, v)| v.as_str());
        if encrypted
            && if label == "ENCRYPTED PRIVATE KEY" {
                template_error(body, &[ALG_ID, tag::OCTET_STRING]).is_some()
            } else {
                !dek.is_some_and(pbe::legacy_dek_ok)
            }
        {
            return Err(unsupported());
        }
        let plain;
        let der = if encrypted {
            // OpenSSL's PEM password buffer holds 1024 bytes; a longer passphrase makes the
            // callback fail just like a missing one.
            let pass = passphrase.filter(|p| p.len() <= 1024).ok_or_else(interrupted)?;
            let result = if label == "ENCRYPTED PRIVATE KEY" {
                pbe::pkcs8_decrypt(body, pass)
            } else {
                pbe::legacy_pem_decrypt(dek.unwrap_or_default(), pass, body)
            };
            plain = result.map_err(|e| match e {
                PbeError::BadDecrypt => bad_decrypt(),
                PbeError::Unsupported => unsupported(),
            })?;
            &plain[..]
        } else {
            body
        };
        let by_label = match label {
            "PRIVATE KEY" | "ENCRYPTED PRIVATE KEY" => parse_pkcs8(der),
            "RSA PRIVATE KEY" => parse_pkcs1_private(der),
            "EC PRIVATE KEY" => parse_sec1(der, None),
            _ => parse_dsa_traditional(der),
        };
        // OpenSSL 3's decoders try every structure whatever the label says (a PKCS#8 body
        // under "RSA PRIVATE KEY" still loads).
        let key = by_label
            .or_else(|| parse_pkcs8(der))
            .or_else(|| parse_pkcs1_private(der))
            .or_else(|| parse_sec1(der, None))
            .or_else(|| parse_dsa_traditional(der))
            .ok_or_else(unsupported)?;
        return Ok(with_public(key, der, want_public));
    }
    Err(unsupported())
}

/// Whether PKCS#1 DER is an `RSAPrivateKey`, as Node's `IsRSAPrivateKey` decides: a
/// SEQUENCE starting with a one-byte INTEGER 0 or 1 (a public key starts with the modulus).
fn is_rsa_private(der: &[u8]) -> bool {
    matches!(asn1_header(der), Ok((tag::SEQUENCE, content, _)) if content.len() >= 3 && content[0] == tag::INTEGER && content[1] == 1 && content[2] & 0xfe == 0)
}

/// Any unencrypted private key structure (OpenSSL 3's decoders try them all).
fn parse_any_private(der: &[u8]) -> Option<AsymKey> {
    parse_pkcs1_private(der)
        .or_else(|| parse_sec1(der, None))
        .or_else(|| parse_pkcs8(der))
        .or_else(|| parse_dsa_traditional(der))
}

/// A parsed private key as the import ops return it: the key itself, or (`want_public`)
/// its public half, plus the public half an EC encoding carried.
fn with_public(key: AsymKey, der: &[u8], want_public: bool) -> (AsymKey, Option<AsymKey>) {
    let embedded = ec_embedded_public(der, &key);
    if want_public {
        (embedded.unwrap_or_else(|| key.to_public()), None)
    } else {
        (key, embedded)
    }
}

/// The SEC1 `publicKey` inside `der` (an `ECPrivateKey`, alone or in a `PrivateKeyInfo`)
/// for EC private key `key`, already checked to be a point on its curve by the parser.
fn ec_embedded_public(der: &[u8], key: &AsymKey) -> Option<AsymKey> {
    let AsymKey::EcPrivate(private) = key else { return None };
    let sec1_public = |sec1: &[u8]| -> Option<EcPublicKey> {
        let mut r = Reader::new(sec1).sequence()?;
        r.small_uint()?;
        r.octet_string()?;
        let _ = r.optional(0xa0);
        let bits = der::single(r.optional(0xa1)?, tag::BIT_STRING)?;
        EcPublicKey::from_sec1(private.curve(), bits.strip_prefix(&[0])?)
    };
    let from_pkcs8 = || -> Option<EcPublicKey> {
        let mut r = Reader::new(der).sequence()?;
        r.small_uint()?;
        algorithm(&mut r)?;
        sec1_public(r.octet_string()?)
    };
    sec1_public(der).or_else(from_pkcs8).map(AsymKey::EcPublic)
}

fn import_der(
    data: &[u8],
    kind: Option<&str>,
    passphrase: Option<&[u8]>,
    want_public: bool,
) -> Result<(AsymKey, Option<AsymKey>), ThrowError> {
    let kind = kind.unwrap_or("spki");
    let private_key = |data: &[u8]| -> Result<(AsymKey, Vec<u8>), ThrowError> {
        match kind {
            "pkcs1" | "sec1" => parse_any_private(data)
                .map(|key| (key, data.to_vec()))
                .ok_or_else(|| private_der_error(data)),
            _ => {
                if is_encrypted_pkcs8(data) {
                    if let Some(err) = template_error(data, &[ALG_ID, tag::OCTET_STRING]) {
                        return Err(err);
                    }
                    let pass = passphrase.ok_or_else(missing_passphrase)?;
                    let plain = pbe::pkcs8_decrypt(data, pass).map_err(|e| match e {
                        PbeError::BadDecrypt => bad_decrypt(),
                        PbeError::Unsupported => unsupported(),
                    })?;
                    let key = parse_pkcs8(&plain).ok_or_else(|| pkcs8_error(&plain))?;
                    Ok((key, plain))
                } else {
                    let key = parse_pkcs8(data).ok_or_else(|| pkcs8_error(data))?;
                    Ok((key, data.to_vec()))
                }
            }
        }
    };
    match kind {
        "spki" => {
            if !want_public {
                return Err(failed_to_read());
            }
            let key = parse_spki(data).or_else(|| parse_certificate(data));
            key.map(|key| (key, None)).ok_or_else(failed_to_read)
        }
        "pkcs1" if want_public && !is_rsa_private(data) => {
            parse_pkcs1_public(data).map(|key| (key, None)).ok_or_else(failed_to_read)
        }
        _ => {
            let (key, der) = private_key(data)?;
            Ok(with_public(key, &der, want_public))
        }
    }
}

/// The subject public key of an X.509 certificate (DER).
fn parse_certificate(der: &[u8]) -> Option<AsymKey> {
    use x509_parser::prelude::FromDer;
    let (_, cert) = x509_parser::certificate::X509Certificate::from_der(der).ok()?;
    parse_spki(cert.tbs_certificate.subject_pki.raw)
}

/// An RSA public key from `n` and `e`. OpenSSL's decoders check nothing (Node accepts a
/// JWK with `e` ≥ `n` or an even modulus); only a zero or absurdly large modulus is refused
/// here, so no arithmetic on the key can divide by zero.
fn rsa_public(n: BigUint, e: BigUint) -> Option<rsa::RsaPublicKey> {
    if n.bits() == 0 || n.bits() > 16384 || e.bits() > 16384 {
        return None;
    }
    Some(rsa::RsaPublicKey::new_unchecked(n, e))
}

/// PKCS#1 `RSAPublicKey`.
fn parse_pkcs1_public(der: &[u8]) -> Option<AsymKey> {
    let mut r = Reader::new(der).sequence()?;
    let n = r.biguint()?;
    let e = r.biguint()?;
    Some(AsymKey::RsaPublic { key: rsa_public(n, e)?, variant: RsaVariant::Rsa })
}

/// PKCS#1 `RSAPrivateKey` as an `rsa::RsaPrivateKey`.
fn rsa_private(der: &[u8]) -> Option<rsa::RsaPrivateKey> {
    let mut r = Reader::new(der).sequence()?;
    let version = r.small_uint()?;
    if version > 1 {
        return None;
    }
    let n = r.biguint()?;
    let e = r.biguint()?;
    let d = r.biguint()?;
    let p = r.biguint()?;
    let q = r.biguint()?;
    // dp, dq and qinv follow; they are recomputed from the primes.
    rsa::RsaPrivateKey::from_components(n, e, d, vec![p, q]).ok()
}

fn parse_pkcs1_private(der: &[u8]) -> Option<AsymKey> {
    Some(AsymKey::RsaPrivate { key: rsa_private(der)?, variant: RsaVariant::Rsa })
}

/// The curve a named-curve OID stands for.
fn curve_from_oid(oid: &[u8]) -> Option<Curve> {
    Some(match oid {
        o if o == oids::P256 => Curve::P256,
        o if o == oids::P384 => Curve::P384,
        o if o == oids::P521 => Curve::P521,
        o if o == oids::K256 => Curve::K256,
        o if o == oids::P224 => Curve::P224,
        _ => return None,
    })
}

/// The named-curve OID of `curve`.
pub(super) fn curve_oid(curve: Curve) -> &'static [u8] {
    match curve {
        Curve::P256 => oids::P256,
        Curve::P384 => oids::P384,
        Curve::P521 => oids::P521,
        Curve::K256 => oids::K256,
        Curve::P224 => oids::P224,
    }
}

/// SEC1 `ECPrivateKey`; `curve` comes from the PKCS#8 algorithm when the key omits it.
fn parse_sec1(der: &[u8], curve: Option<Curve>) -> Option<AsymKey> {
    let mut r = Reader::new(der).sequence()?;
    if r.small_uint()? != 1 {
        return None;
    }
    let scalar = r.octet_string()?;
    let mut curve = curve;
    if let Some(params) = r.optional(0xa0) {
        let named = curve_from_oid(der::single(params, tag::OID)?)?;
        if curve.is_some_and(|c| c != named) {
            return None;
        }
        curve = Some(named);
    }
    let curve = curve?;
    // OpenSSL accepts scalars shorter than the field (leading zeros dropped) or longer
    // with leading zeros.
    let start = scalar.iter().position(|&b| b != 0).unwrap_or(scalar.len());
    let trimmed = &scalar[start..];
    if trimmed.len() > curve.field_size() {
        return None;
    }
    let mut padded = vec![0u8; curve.field_size() - trimmed.len()];
    padded.extend_from_slice(trimmed);
    let key = EcPrivateKey::from_scalar(curve, &padded)?;
    if let Some(public) = r.optional(0xa1) {
        // OpenSSL takes the public key as given (it need not match the scalar: the key's
        // public half is then that point), but it must be a point on the curve.
        let point = der::single(public, tag::BIT_STRING)?;
        EcPublicKey::from_sec1(curve, point.strip_prefix(&[0])?)?;
    }
    Some(AsymKey::EcPrivate(key))
}

/// OpenSSL's traditional "DSA PRIVATE KEY": SEQUENCE { 0, p, q, g, y, x }.
fn parse_dsa_traditional(der: &[u8]) -> Option<AsymKey> {
    let mut r = Reader::new(der).sequence()?;
    if r.small_uint()? != 0 {
        return None;
    }
    let (p, q, g) = (r.biguint()?, r.biguint()?, r.biguint()?);
    let _y = r.biguint()?;
    let x = r.biguint()?;
    dsa_private(p, q, g, x)
}

fn dsa_components(p: BigUint, q: BigUint, g: BigUint) -> Option<dsa::Components> {
    dsa::Components::from_components(p, q, g).ok()
}

fn dsa_private(p: BigUint, q: BigUint, g: BigUint, x: BigUint) -> Option<AsymKey> {
    let y = g.modpow(&x, &p);
    let components = dsa_components(p, q, g)?;
    let public = dsa::VerifyingKey::from_components(components, y).ok()?;
    Some(AsymKey::DsaPrivate(dsa::SigningKey::from_components(public, x).ok()?))
}

/// `Dss-Parms ::= SEQUENCE { p, q, g }`.
fn dsa_params(params: &[u8]) -> Option<(BigUint, BigUint, BigUint)> {
    let mut r = Reader::new(params).sequence()?;
    Some((r.biguint()?, r.biguint()?, r.biguint()?))
}

/// DH parameters: PKCS#3 `DHParameter ::= SEQUENCE { p, g, privateValueLength OPTIONAL }`
/// or X9.42 `DomainParameters ::= SEQUENCE { p, g, q, j OPTIONAL, validationParms OPTIONAL }`.
fn dh_params(params: &[u8], x942: bool) -> Option<DhParams> {
    let mut r = Reader::new(params).sequence()?;
    let prime = r.biguint()?;
    let generator = r.biguint()?;
    let q = if x942 { Some(r.biguint()?) } else { None };
    Some(DhParams { prime, generator, q })
}

/// RSASSA-PSS-params: `None` for absent/empty parameters (an unrestricted rsa-pss key).
pub(super) fn pss_params(params: Option<&[u8]>) -> Option<Option<PssParams>> {
    let Some(params) = params else { return Some(None) };
    let mut r = Reader::new(params).sequence()?;
    // An empty SEQUENCE is a restricted key with every default (sha1, mgf1 sha1, 20).
    let mut out = PssParams { hash: "sha1", mgf1_hash: "sha1", salt_length: 20 };
    if let Some(hash) = r.optional(0xa0) {
        let mut alg = Reader::new(hash).sequence()?;
        out.hash = der::digest_name(alg.oid()?)?;
    }
    if let Some(mgf) = r.optional(0xa1) {
        let mut alg = Reader::new(mgf).sequence()?;
        if alg.oid()? != oids::MGF1 {
            return None;
        }
        let mut hash = alg.sequence()?;
        out.mgf1_hash = der::digest_name(hash.oid()?)?;
    }
    if let Some(salt) = r.optional(0xa2) {
        out.salt_length = u32::try_from(Reader::new(salt).small_uint()?).ok()?;
    }
    if let Some(trailer) = r.optional(0xa3) {
        if Reader::new(trailer).small_uint()? != 1 {
            return None;
        }
    }
    r.is_empty().then_some(Some(out))
}

/// An `AlgorithmIdentifier`: its OID and its parameters element (whole), if any.
fn algorithm<'a>(r: &mut Reader<'a>) -> Option<(&'a [u8], Option<&'a [u8]>)> {
    let mut alg = r.sequence()?;
    let oid = alg.oid()?;
    let params = alg.any().map(|(_, _, whole)| whole);
    alg.is_empty().then_some((oid, params))
}

/// PKCS#8 `PrivateKeyInfo` (v1, or v2 with the public key).
pub(super) fn parse_pkcs8(der: &[u8]) -> Option<AsymKey> {
    let mut r = Reader::new(der).sequence()?;
    if r.small_uint()? > 1 {
        return None;
    }
    let (oid, params) = algorithm(&mut r)?;
    let private = r.octet_string()?;
    match oid {
        o if o == oids::RSA => {
            Some(AsymKey::RsaPrivate { key: rsa_private(private)?, variant: RsaVariant::Rsa })
        }
        o if o == oids::RSA_PSS => Some(AsymKey::RsaPrivate {
            key: rsa_private(private)?,
            variant: RsaVariant::Pss(pss_params(params)?),
        }),
        o if o == oids::EC => {
            let curve = curve_from_oid(der::single(params?, tag::OID)?)?;
            parse_sec1(private, Some(curve))
        }
        o if o == oids::DSA => {
            let (p, q, g) = dsa_params(params?)?;
            let x = Reader::new(private).biguint()?;
            dsa_private(p, q, g, x)
        }
        o if o == oids::DH || o == oids::DHX => {
            let params = dh_params(params?, o == oids::DHX)?;
            let private = Reader::new(private).biguint()?;
            let public = params.generator.modpow(&private, &params.prime);
            Some(AsymKey::DhPrivate { params, private, public })
        }
        o if o == oids::ED25519 || o == oids::X25519 || o == oids::ED448 || o == oids::X448 => {
            if params.is_some() {
                return None;
            }
            let seed = der::single(private, tag::OCTET_STRING)?;
            let kind = match o {
                o if o == oids::ED25519 => "ed25519",
                o if o == oids::X25519 => "x25519",
                o if o == oids::ED448 => "ed448",
                _ => "x448",
            };
            import_raw(kind, None, seed, true)
        }
        _ => super::pqc::parse_pkcs8(oid, params, private),
    }
}

/// `SubjectPublicKeyInfo`.
pub(super) fn parse_spki(der: &[u8]) -> Option<AsymKey> {
    let mut outer = Reader::new(der);
    let mut r = outer.sequence()?;
    if !outer.is_empty() {
        return None;
    }
    let (oid, params) = algorithm(&mut r)?;
    let bits = r.bit_string()?;
    match oid {
        o if o == oids::RSA || o == oids::RSA_PSS => {
            let AsymKey::RsaPublic { key, .. } = parse_pkcs1_public(bits)? else { return None };
            let variant =
                if o == oids::RSA { RsaVariant::Rsa } else { RsaVariant::Pss(pss_params(params)?) };
            Some(AsymKey::RsaPublic { key, variant })
        }
        o if o == oids::EC => {
            let curve = curve_from_oid(der::single(params?, tag::OID)?)?;
            Some(AsymKey::EcPublic(EcPublicKey::from_sec1(curve, bits)?))
        }
        o if o == oids::DSA => {
            let (p, q, g) = dsa_params(params?)?;
            let y = Reader::new(bits).biguint()?;
            let key = dsa::VerifyingKey::from_components(dsa_components(p, q, g)?, y).ok()?;
            Some(AsymKey::DsaPublic(key))
        }
        o if o == oids::DH || o == oids::DHX => {
            let params = dh_params(params?, o == oids::DHX)?;
            let public = Reader::new(bits).biguint()?;
            Some(AsymKey::DhPublic { params, public })
        }
        o if o == oids::ED25519 => import_raw("ed25519", None, bits, false),
        o if o == oids::X25519 => import_raw("x25519", None, bits, false),
        o if o == oids::ED448 => import_raw("ed448", None, bits, false),
        o if o == oids::X448 => import_raw("x448", None, bits, false),
        _ => super::pqc::parse_spki(oid, params, bits),
    }
}

/// `ERR_CRYPTO_INVALID_JWK` with `message`.
fn invalid_jwk(message: &str) -> ThrowError {
    ThrowError::type_error("ERR_CRYPTO_INVALID_JWK", message)
}

/// Base64 or base64url (padded or not), as Node's `Buffer.from(s, 'base64')` accepts JWK
/// members.
pub(super) fn b64(s: &str) -> Option<Vec<u8>> {
    let cleaned: String = s
        .chars()
        .filter(|c| *c != '=')
        .map(|c| match c {
            '-' => '+',
            '_' => '/',
            c => c,
        })
        .collect();
    base64_simd::STANDARD_NO_PAD.decode_to_vec(cleaned.as_bytes()).ok()
}

/// A JWK (RSA, EC or OKP) as a key.
fn import_jwk(text: &str, want_public: bool) -> Result<AsymKey, ThrowError> {
    let jwk = super::json::parse_object(text).ok_or_else(|| invalid_jwk("Invalid JWK data"))?;
    let field = |name: &str| jwk.str(name).and_then(b64);
    match jwk.str("kty") {
        Some("RSA") => {
            let bad = || invalid_jwk("Invalid JWK RSA key");
            let n = BigUint::from_bytes_be(&field("n").ok_or_else(bad)?);
            let e = BigUint::from_bytes_be(&field("e").ok_or_else(bad)?);
            if want_public || jwk.get("d").is_none() {
                if !want_public {
                    return Err(bad());
                }
                let key = rsa_public(n, e).ok_or_else(bad)?;
                return Ok(AsymKey::RsaPublic { key, variant: RsaVariant::Rsa });
            }
            let d = BigUint::from_bytes_be(&field("d").ok_or_else(bad)?);
            let p = BigUint::from_bytes_be(&field("p").ok_or_else(bad)?);
            let q = BigUint::from_bytes_be(&field("q").ok_or_else(bad)?);
            let key =
                rsa::RsaPrivateKey::from_components(n, e, d, vec![p, q]).map_err(|_| bad())?;
            Ok(AsymKey::RsaPrivate { key, variant: RsaVariant::Rsa })
        }
        Some("EC") => {
            let bad = || invalid_jwk("Invalid JWK EC key");
            let curve = jwk.str("crv").and_then(Curve::from_name).ok_or_else(bad)?;
            let size = curve.field_size();
            let x = field("x").filter(|x| x.len() == size).ok_or_else(bad)?;
            let y = field("y").filter(|y| y.len() == size).ok_or_else(bad)?;
            let point = [&[4u8][..], &x, &y].concat();
            let public = EcPublicKey::from_sec1(curve, &point).ok_or_else(bad)?;
            if want_public {
                return Ok(AsymKey::EcPublic(public));
            }
            let d = field("d").ok_or_else(bad)?;
            let private = EcPrivateKey::from_scalar(curve, &d).ok_or_else(bad)?;
            if private.public_key() != public {
                return Err(bad());
            }
            Ok(AsymKey::EcPrivate(private))
        }
        Some("OKP") => {
            let bad = || invalid_jwk("Invalid JWK data");
            let kind = match jwk.str("crv") {
                Some("Ed25519") => "ed25519",
                Some("X25519") => "x25519",
                Some("Ed448") => "ed448",
                Some("X448") => "x448",
                _ => return Err(bad()),
            };
            let bytes = field(if want_public { "x" } else { "d" }).ok_or_else(bad)?;
            import_raw(kind, None, &bytes, !want_public).ok_or_else(bad)
        }
        Some("AKP") => {
            // ML-DSA: the public key alone, or the key from its seed (`priv`); like Node,
            // a private JWK's `pub` is not consulted.
            let bad = || invalid_jwk("Invalid JWK data");
            let alg = jwk
                .str("alg")
                .and_then(super::pqc::PqcAlg::from_name)
                .filter(|a| a.is_ml_dsa())
                .ok_or_else(bad)?;
            if want_public && jwk.get("priv").is_none() {
                let public = field("pub").ok_or_else(bad)?;
                let key = super::pqc::public_from_bytes(alg, &public).ok_or_else(bad)?;
                return Ok(AsymKey::PqcPublic(key));
            }
            let seed = field("priv").ok_or_else(bad)?;
            let key = super::pqc::private_from_seed(alg, &seed).ok_or_else(bad)?;
            Ok(if want_public {
                AsymKey::PqcPublic(key.to_public())
            } else {
                AsymKey::PqcPrivate(key)
            })
        }
        _ => Err(invalid_jwk("Invalid JWK data")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const P256_PKCS8: &str = "-----BEGIN PRIVATE KEY-----
MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQgDxBsPQPIgMuMyQbx
zbb9toew6Ev6e9O6ZhpxLNgmAEqhRANCAARfSYxhH+6V5lIg+M3O0iQBLf+53kuE
2luIgWnp81/Ya1Gybj8tl4tJVu1GEwcTyt8hoA7vRACmCHnI5B1+bNpS
-----END PRIVATE KEY-----
";

    #[test]
    fn garbage_never_panics() {
        let inputs: Vec<Vec<u8>> = vec![
            vec![],
            b"hello".to_vec(),
            b"-----BEGIN PRIVATE KEY-----\n!!!\n-----END PRIVATE KEY-----\n".to_vec(),
            b"-----BEGIN PRIVATE KEY-----\n-----END PRIVATE KEY-----\n".to_vec(),
            b"-----BEGIN RSA PRIVATE KEY-----\nProc-Type: 4,ENCRYPTED\nDEK-Info: X\n\nAAAA\n-----END RSA PRIVATE KEY-----\n".to_vec(),
            b"-----BEGIN PUBLIC KEY-----\nMAA=\n-----END PUBLIC KEY-----\n".to_vec(),
            vec![0x30, 0x03, 0x02, 0x01, 0x00],
            vec![0x30, 0x82, 0xff],
            vec![0x30, 0x80],
        ];
        for data in &inputs {
            for format in ["pem", "der", "jwk"] {
                for kind in [None, Some("pkcs1"), Some("pkcs8"), Some("spki"), Some("sec1")] {
                    for public in [false, true] {
                        assert!(import(format, data, kind, Some(b"pw"), public).is_err());
                        assert!(import(format, data, kind, None, public).is_err());
                    }
                }
            }
        }
        // Every truncation of a valid key fails cleanly.
        let der = pem_blocks(P256_PKCS8)[0].body.clone().expect("base64");
        assert!(parse_pkcs8(&der).is_some());
        for cut in 0..der.len() {
            assert!(parse_pkcs8(&der[..cut]).is_none());
            let _ = parse_spki(&der[..cut]);
            let _ = parse_sec1(&der[..cut], Some(Curve::P256));
        }
    }

    #[test]
    fn pem_errors_match_openssl() {
        let err = import("pem", b"hello", None, None, false).err().expect("error");
        assert_eq!(err.message, "error:1E08010C:DECODER routines::unsupported");
        let key = import("pem", P256_PKCS8.as_bytes(), None, None, true).expect("key");
        assert_eq!(key.asymmetric_key_type(), "ec");
        assert!(!key.is_private());
    }

    #[test]
    fn bad_jwks_are_rejected() {
        for jwk in [
            "",
            "{}",
            r#"{"kty":"RSA"}"#,
            r#"{"kty":"EC","crv":"P-256","x":"AA","y":"AA"}"#,
            r#"{"kty":"EC","crv":"P-257","x":"AA","y":"AA"}"#,
            r#"{"kty":"OKP","crv":"Ed25519","x":"AA"}"#,
            r#"{"kty":"OKP","crv":"Ed25519","x":"!!"}"#,
            r#"{"kty":"oct","k":"AA"}"#,
        ] {
            assert!(import("jwk", jwk.as_bytes(), None, None, true).is_err(), "{jwk}");
            assert!(import("jwk", jwk.as_bytes(), None, None, false).is_err(), "{jwk}");
        }
        // OpenSSL (and so Node) checks nothing about a public RSA key's numbers.
        let odd = r#"{"kty":"RSA","n":"AQAB","e":"AQAB"}"#;
        assert!(import("jwk", odd.as_bytes(), None, None, true).is_ok());
        assert!(import("jwk", odd.as_bytes(), None, None, false).is_err());
        let zero = r#"{"kty":"RSA","n":"AA","e":"AA"}"#;
        assert!(import("jwk", zero.as_bytes(), None, None, true).is_err());
    }

    fn message(r: Result<AsymKey, ThrowError>) -> String {
        r.err().map(|e| e.message).unwrap_or_default()
    }

    #[test]
    fn der_errors_match_openssl() {
        let hex = |s: &str| hex_simd::decode_to_vec(s).expect("hex");
        let cases = [
            // (DER, pkcs8 private error, pkcs1 private error)
            ("300302", "not enough data", "not enough data"),
            ("01", "header too long", "header too long"),
            ("0400", "wrong tag", "DECODER routines::unsupported"),
            ("3000", "field missing", "DECODER routines::unsupported"),
            ("3003020100", "field missing", "DECODER routines::unsupported"),
            ("3006020100020100", "wrong tag", "DECODER routines::unsupported"),
            // EncryptedPrivateKeyInfo shapes: an empty AlgorithmIdentifier, then a BIT STRING
            // where the OCTET STRING belongs.
            ("30023000", "field missing", "DECODER routines::unsupported"),
            ("300a300506032a0304030100", "wrong tag", "DECODER routines::unsupported"),
            ("30080201003003060100", "field missing", "DECODER routines::unsupported"),
            ("3008020100300506032a03", "too long", "DECODER routines::unsupported"),
        ];
        for (der, pkcs8, pkcs1) in cases {
            let der = hex(der);
            let got = message(import("der", &der, Some("pkcs8"), None, false));
            assert!(got.ends_with(pkcs8), "{der:?}: {got}");
            let got = message(import("der", &der, Some("pkcs1"), None, false));
            assert!(got.ends_with(pkcs1), "{der:?}: {got}");
        }
        // A PKCS#1 public key where a private one is wanted.
        let public = hex("300d020601000000000102030100010000");
        let got = message(import("der", &public, Some("pkcs1"), None, false));
        assert_eq!(got, "error:1E08010C:DECODER routines::unsupported");
    }

    #[test]
    fn pem_public_errors_match_openssl() {
        let pem =
            |b64: &str| format!("-----BEGIN PUBLIC KEY-----\n{b64}\n-----END PUBLIC KEY-----\n");
        for (b64, want) in [
            ("AAAA", "wrong tag"),
            ("MAA=", "field missing"),
            ("MAMCAQA=", "wrong tag"),
            ("MAIwAA==", "field missing"),
            ("", "DECODER routines::unsupported"),
        ] {
            let got = message(import("pem", pem(b64).as_bytes(), None, None, true));
            assert!(got.ends_with(want), "{b64}: {got}");
        }
        let enc =
            "-----BEGIN ENCRYPTED PRIVATE KEY-----\nMAA=\n-----END ENCRYPTED PRIVATE KEY-----\n";
        assert_eq!(
            message(import("pem", enc.as_bytes(), None, None, false)),
            "error:1E08010C:DECODER routines::unsupported"
        );
    }
}
