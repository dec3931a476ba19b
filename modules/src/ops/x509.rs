//! `internalBinding('x509')`: the native half of `crypto.X509Certificate`.
//!
//! A certificate is parsed once, when it is constructed: `parse` reads PEM or DER (as
//! OpenSSL's `PEM_read_bio_X509` then `d2i_X509` do for Node) and returns every field JS
//! needs, already formatted as Node prints it. JS then keeps the DER and its fields and calls
//! back here only for what involves a second certificate or key (`checkIssued`, `verify`).
//! Field formats shared with `getPeerCertificate()` (dates, fingerprints, serials,
//! subjectAltName) come from `io::tls::cert_info`, so both APIs print the same text.

use engine::{HostValue, Op, OpCtx, OpResult, ThrowError};
use io::tls::cert_info::{info_access_text, openssl_time, short_name};
use io::tls::PeerCertificate;
use x509_parser::extensions::{GeneralName, ParsedExtension};
use x509_parser::prelude::{FromDer, X509Certificate, X509Name};

pub(super) const OPS: &[Op] = &[
    Op { binding: "x509", name: "parse", func: parse },
    Op { binding: "x509", name: "checkIssued", func: check_issued },
    Op { binding: "x509", name: "verify", func: verify },
];

/// An OpenSSL error as Node throws it: `error:XXXXXXXX:library::reason`, with `library`,
/// `reason` and `code` set in that order.
fn openssl_error(packed: &str, library: &str, reason: &str, code: &str) -> ThrowError {
    ThrowError::error(format!("error:{packed}:{library}::{reason}"))
        .with("library", library)
        .with("reason", reason)
        .with("code", code)
}

fn no_start_line() -> ThrowError {
    openssl_error("0480006C", "PEM routines", "no start line", "ERR_OSSL_PEM_NO_START_LINE")
}

/// The DER of the first certificate PEM block in `text`, as `PEM_read_bio_X509` picks it
/// (other block types are skipped); `Err` when there is none or its base64 is bad.
fn pem_certificate(text: &[u8]) -> Result<Vec<u8>, ThrowError> {
    let text = String::from_utf8_lossy(text);
    let mut rest = text.as_ref();
    while let Some(start) = rest.find("-----BEGIN ") {
        let after = &rest[start + 11..];
        let Some(label_end) = after.find("-----") else { break };
        let label = &after[..label_end];
        let body = &after[label_end + 5..];
        let end_marker = format!("-----END {label}-----");
        let Some(end) = body.find(&end_marker) else { break };
        if matches!(label, "CERTIFICATE" | "X509 CERTIFICATE" | "TRUSTED CERTIFICATE") {
            let b64: String = body[..end].chars().filter(|c| !c.is_ascii_whitespace()).collect();
            return base64_simd::STANDARD.decode_to_vec(b64.as_bytes()).map_err(|_| {
                openssl_error(
                    "04800064",
                    "PEM routines",
                    "bad base64 decode",
                    "ERR_OSSL_PEM_BAD_BASE64_DECODE",
                )
            });
        }
        rest = &body[end + end_marker.len()..];
    }
    Err(no_start_line())
}

/// The error OpenSSL's DER decoder reports for bytes that are not a certificate.
fn asn1_error(der: &[u8]) -> ThrowError {
    if der.first() != Some(&0x30) {
        openssl_error("068000A8", "asn1 encoding routines", "wrong tag", "ERR_OSSL_ASN1_WRONG_TAG")
    } else if der.len() < 2 || declared_len(der).is_none_or(|n| n > der.len()) {
        openssl_error(
            "0680007B",
            "asn1 encoding routines",
            "header too long",
            "ERR_OSSL_ASN1_HEADER_TOO_LONG",
        )
    } else if declared_len(der).is_some_and(|n| n <= 4) {
        openssl_error(
            "06800079",
            "asn1 encoding routines",
            "field missing",
            "ERR_OSSL_ASN1_FIELD_MISSING",
        )
    } else {
        openssl_error(
            "0680008E",
            "asn1 encoding routines",
            "nested asn1 error",
            "ERR_OSSL_ASN1_NESTED_ASN1_ERROR",
        )
    }
}

/// Header plus content length of the outer DER element, if the header is complete.
fn declared_len(der: &[u8]) -> Option<usize> {
    let first = *der.get(1)?;
    if first < 0x80 {
        return Some(2 + usize::from(first));
    }
    let n = usize::from(first & 0x7f);
    let bytes = der.get(2..2 + n)?;
    let len =
        bytes.iter().try_fold(0usize, |acc, &b| acc.checked_mul(256)?.checked_add(b.into()))?;
    len.checked_add(2 + n)
}

/// The certificate's DER from PEM or DER input, as Node's `parseX509` reads it.
fn certificate_der(input: &[u8]) -> Result<Vec<u8>, ThrowError> {
    match pem_certificate(input) {
        Ok(der) => {
            if X509Certificate::from_der(&der).is_err() {
                return Err(asn1_error(&der));
            }
            Ok(der)
        }
        // Not PEM: DER, but a failure still reports the PEM error, as OpenSSL's queue does.
        Err(pem_err) => match X509Certificate::from_der(input) {
            Ok((_, cert)) => Ok(cert.as_raw().to_vec()),
            Err(_) => Err(pem_err),
        },
    }
}

/// An attribute value as text: UTF-8 string types as they are, BMPString as UCS-2, other
/// types byte by byte (OpenSSL's `ASN1_STRFLGS_UTF8_CONVERT`).
fn attr_text(attr: &x509_parser::x509::AttributeTypeAndValue<'_>) -> String {
    if let Ok(s) = attr.as_str() {
        return s.to_owned();
    }
    let value = attr.attr_value();
    let data = value.data;
    if value.header.tag().0 == 30 && data.len() % 2 == 0 {
        let units: Vec<u16> = data.chunks(2).map(|c| u16::from_be_bytes([c[0], c[1]])).collect();
        return String::from_utf16_lossy(&units);
    }
    data.iter().map(|&b| char::from(b)).collect()
}

/// A value escaped as `X509_NAME_print_ex` does with `ASN1_STRFLGS_ESC_2253 |
/// ASN1_STRFLGS_ESC_CTRL` and without `ESC_MSB`: RFC 2253 specials get a backslash, control
/// characters become `\XX`, other characters stay as they are.
fn escape_value(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    let last = value.chars().count().saturating_sub(1);
    for (i, c) in value.chars().enumerate() {
        match c {
            ',' | '+' | '"' | '\\' | '<' | '>' | ';' => {
                out.push('\\');
                out.push(c);
            }
            '#' if i == 0 => out.push_str("\\#"),
            ' ' if i == 0 || i == last => out.push_str("\\ "),
            '\0'..='\x1f' | '\x7f' => out.push_str(&format!("\\{:02X}", c as u32)),
            _ => out.push(c),
        }
    }
    out
}

/// A name as Node's `subject`/`issuer` strings: one RDN a line (`XN_FLAG_SEP_MULTILINE`),
/// multi-valued RDNs joined with ` + `.
fn multiline_name(n: &X509Name<'_>) -> String {
    let rdns: Vec<String> = n
        .iter()
        .map(|rdn| {
            let parts: Vec<String> = rdn
                .iter()
                .map(|attr| {
                    let key = short_name(&attr.attr_type().to_id_string());
                    format!("{key}={}", escape_value(&attr_text(attr)))
                })
                .collect();
            parts.join(" + ")
        })
        .collect();
    rdns.join("\n")
}

/// OpenSSL's long name for a signature algorithm OID (what `signatureAlgorithm` shows).
fn signature_name(oid: &str) -> Option<&'static str> {
    Some(match oid {
        "1.2.840.113549.1.1.2" => "md2WithRSAEncryption",
        "1.2.840.113549.1.1.4" => "md5WithRSAEncryption",
        "1.2.840.113549.1.1.5" => "sha1WithRSAEncryption",
        "1.2.840.113549.1.1.10" => "rsassaPss",
        "1.2.840.113549.1.1.11" => "sha256WithRSAEncryption",
        "1.2.840.113549.1.1.12" => "sha384WithRSAEncryption",
        "1.2.840.113549.1.1.13" => "sha512WithRSAEncryption",
        "1.2.840.113549.1.1.14" => "sha224WithRSAEncryption",
        "1.2.840.10045.4.1" => "ecdsa-with-SHA1",
        "1.2.840.10045.4.3.1" => "ecdsa-with-SHA224",
        "1.2.840.10045.4.3.2" => "ecdsa-with-SHA256",
        "1.2.840.10045.4.3.3" => "ecdsa-with-SHA384",
        "1.2.840.10045.4.3.4" => "ecdsa-with-SHA512",
        "1.2.840.10040.4.3" => "dsaWithSHA1",
        "2.16.840.1.101.3.4.3.1" => "dsa_with_SHA224",
        "2.16.840.1.101.3.4.3.2" => "dsa_with_SHA256",
        "1.3.101.112" => "ED25519",
        "1.3.101.113" => "ED448",
        "1.3.14.3.2.29" => "sha1WithRSA",
        _ => return None,
    })
}

/// `X509_check_ca(cert) == 1`: basicConstraints says CA and keyUsage, if present, allows
/// certificate signing.
fn is_ca(cert: &X509Certificate<'_>) -> bool {
    let bc = matches!(cert.basic_constraints(), Ok(Some(bc)) if bc.value.ca);
    let ku_ok = match cert.key_usage() {
        Ok(Some(ku)) => ku.value.key_cert_sign(),
        _ => true,
    };
    bc && ku_ok
}

/// The extendedKeyUsage OIDs in certificate order (`keyUsage`), read from the raw extension.
fn ext_key_usage(cert: &X509Certificate<'_>) -> Option<Vec<String>> {
    use x509_parser::der_parser::der::parse_der_sequence;
    let ext = cert.iter_extensions().find(|e| e.oid.to_id_string() == "2.5.29.37")?;
    let (_, seq) = parse_der_sequence(ext.value).ok()?;
    let items = seq.as_sequence().ok()?;
    Some(items.iter().filter_map(|o| o.as_oid().ok().map(|oid| oid.to_id_string())).collect())
}

/// A SAN IP entry as lowercase hex of its bytes, the form `checkIP` compares.
fn ip_hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// What `checkHost`, `checkEmail` and `checkIP` match against: SAN entries by kind, and the
/// subject's CN and emailAddress values.
fn identities(cert: &X509Certificate<'_>) -> HostValue {
    let (mut dns, mut email, mut ip) = (Vec::new(), Vec::new(), Vec::new());
    if let Ok(Some(san)) = cert.subject_alternative_name() {
        for gn in &san.value.general_names {
            match gn {
                GeneralName::DNSName(s) => dns.push(HostValue::from(s.to_string())),
                GeneralName::RFC822Name(s) => email.push(HostValue::from(s.to_string())),
                GeneralName::IPAddress(b) => ip.push(HostValue::from(ip_hex(b))),
                _ => {}
            }
        }
    }
    let subject_values = |oid: &str| -> HostValue {
        HostValue::Array(
            cert.subject()
                .iter_attributes()
                .filter(|a| a.attr_type().to_id_string() == oid)
                .map(|a| HostValue::from(attr_text(a)))
                .collect(),
        )
    };
    HostValue::Object(vec![
        ("dns".to_owned(), HostValue::Array(dns)),
        ("email".to_owned(), HostValue::Array(email)),
        ("ip".to_owned(), HostValue::Array(ip)),
        ("cn".to_owned(), subject_values("2.5.4.3")),
        ("emailAddress".to_owned(), subject_values("1.2.840.113549.1.9.1")),
    ])
}

/// `parse(bytes)` → the certificate's fields (see `internal/crypto/x509.js`), or throws
/// OpenSSL's error for input that is neither a PEM certificate nor DER.
fn parse(ctx: &mut dyn OpCtx) -> OpResult {
    let input = ctx.arg_bytes(0).map(|b| b.to_vec()).unwrap_or_default();
    let der = certificate_der(&input)?;
    let (_, cert) = X509Certificate::from_der(&der).map_err(|_| asn1_error(&der))?;
    let common = PeerCertificate::from_der(&der).map_err(|_| asn1_error(&der))?;
    let sig_oid = cert.signature_algorithm.algorithm.to_id_string();
    let opt = |v: Option<String>| v.map_or(HostValue::Undefined, HostValue::from);
    let public_key_ok = cert.public_key().parsed().is_ok();
    let props: Vec<(&str, HostValue)> = vec![
        ("subject", multiline_name(cert.subject()).into()),
        ("issuer", multiline_name(cert.issuer()).into()),
        ("subjectAltName", opt(common.subjectaltname)),
        ("infoAccess", opt(info_access_text(&cert))),
        ("validFrom", openssl_time(common.valid_from_unix).into()),
        ("validTo", openssl_time(common.valid_to_unix).into()),
        ("validFromUnix", (common.valid_from_unix as f64).into()),
        ("validToUnix", (common.valid_to_unix as f64).into()),
        ("fingerprint", common.fingerprint.into()),
        ("fingerprint256", common.fingerprint256.into()),
        ("fingerprint512", common.fingerprint512.into()),
        (
            "keyUsage",
            ext_key_usage(&cert).map_or(HostValue::Undefined, |v| {
                HostValue::Array(v.into_iter().map(HostValue::from).collect())
            }),
        ),
        ("serialNumber", common.serial_number.into()),
        ("signatureAlgorithm", opt(signature_name(&sig_oid).map(str::to_owned))),
        ("signatureAlgorithmOid", sig_oid.into()),
        ("ca", is_ca(&cert).into()),
        ("spki", HostValue::Bytes(cert.public_key().raw.to_vec())),
        ("publicKeyOk", public_key_ok.into()),
        ("identities", identities(&cert)),
        ("raw", HostValue::Bytes(der.clone())),
    ];
    Ok(HostValue::Object(props.into_iter().map(|(k, v)| (k.to_owned(), v)).collect()))
}

/// Two names equal as OpenSSL compares them: same attributes in the same order, values equal
/// ignoring ASCII case and surrounding/repeated whitespace (its canonical encoding).
fn names_match(a: &X509Name<'_>, b: &X509Name<'_>) -> bool {
    fn canon(n: &X509Name<'_>) -> Vec<Vec<(String, String)>> {
        n.iter()
            .map(|rdn| {
                rdn.iter()
                    .map(|attr| {
                        let v = attr_text(attr);
                        let v = v.split_whitespace().collect::<Vec<_>>().join(" ");
                        (attr.attr_type().to_id_string(), v.to_ascii_lowercase())
                    })
                    .collect()
            })
            .collect()
    }
    canon(a) == canon(b)
}

fn key_id<'a>(cert: &'a X509Certificate<'_>, akid: bool) -> Option<&'a [u8]> {
    cert.iter_extensions().find_map(|ext| match ext.parsed_extension() {
        ParsedExtension::AuthorityKeyIdentifier(a) if akid => {
            a.key_identifier.as_ref().map(|k| k.0)
        }
        ParsedExtension::SubjectKeyIdentifier(k) if !akid => Some(k.0),
        _ => None,
    })
}

/// The public-key algorithm a signature OID needs (`rsa`, `ec`, `ed25519`, …), to check the
/// issuer's key type as OpenSSL 3's `X509_check_issued` does.
fn signature_key_type(sig_oid: &str) -> Option<&'static str> {
    Some(match sig_oid {
        o if o.starts_with("1.2.840.113549.1.1.") || o == "1.3.14.3.2.29" => "1.2.840.113549.1.1.1",
        o if o.starts_with("1.2.840.10045.4.") => "1.2.840.10045.2.1",
        o if o.starts_with("1.2.840.10040.4.") || o.starts_with("2.16.840.1.101.3.4.3.") => {
            "1.2.840.10040.4.1"
        }
        "1.3.101.112" => "1.3.101.112",
        "1.3.101.113" => "1.3.101.113",
        _ => return None,
    })
}

/// `checkIssued(subjectDer, issuerDer)` → whether `issuer` could have issued `subject`
/// (`X509_check_issued`): names, key identifiers, issuer key usage and key type agree. The
/// signature itself is not checked, as in OpenSSL.
fn check_issued(ctx: &mut dyn OpCtx) -> OpResult {
    let subject = ctx.arg_bytes(0).map(|b| b.to_vec()).unwrap_or_default();
    let issuer = ctx.arg_bytes(1).map(|b| b.to_vec()).unwrap_or_default();
    let (Ok((_, subject)), Ok((_, issuer))) =
        (X509Certificate::from_der(&subject), X509Certificate::from_der(&issuer))
    else {
        return Ok(false.into());
    };
    if !names_match(subject.issuer(), issuer.subject()) {
        return Ok(false.into());
    }
    if let (Some(akid), Some(skid)) = (key_id(&subject, true), key_id(&issuer, false)) {
        if akid != skid {
            return Ok(false.into());
        }
    }
    if let Ok(Some(ku)) = issuer.key_usage() {
        if !ku.value.key_cert_sign() {
            return Ok(false.into());
        }
    }
    if issuer.public_key().parsed().is_err() {
        return Ok(false.into());
    }
    let key_alg = issuer.public_key().algorithm.algorithm.to_id_string();
    let sig_oid = subject.signature_algorithm.algorithm.to_id_string();
    Ok(signature_key_type(&sig_oid).is_none_or(|t| t == key_alg).into())
}

/// The ring algorithm that checks a signature of `sig_oid` made by a key of SPKI `spki`
/// (RSA from 1024 bits, as OpenSSL accepts them).
fn verification_algorithm(
    sig_oid: &str,
    spki: &x509_parser::x509::SubjectPublicKeyInfo<'_>,
) -> Option<&'static dyn ring::signature::VerificationAlgorithm> {
    use ring::signature as s;
    let key_alg = spki.algorithm.algorithm.to_id_string();
    let curve =
        spki.algorithm.parameters.as_ref().and_then(|p| p.as_oid().ok()).map(|o| o.to_id_string());
    Some(match (sig_oid, key_alg.as_str(), curve.as_deref()) {
        ("1.2.840.113549.1.1.5" | "1.3.14.3.2.29", "1.2.840.113549.1.1.1", _) => {
            &s::RSA_PKCS1_1024_8192_SHA1_FOR_LEGACY_USE_ONLY
        }
        ("1.2.840.113549.1.1.11", "1.2.840.113549.1.1.1", _) => {
            &s::RSA_PKCS1_1024_8192_SHA256_FOR_LEGACY_USE_ONLY
        }
        ("1.2.840.113549.1.1.12", "1.2.840.113549.1.1.1", _) => &s::RSA_PKCS1_2048_8192_SHA384,
        ("1.2.840.113549.1.1.13", "1.2.840.113549.1.1.1", _) => {
            &s::RSA_PKCS1_1024_8192_SHA512_FOR_LEGACY_USE_ONLY
        }
        ("1.2.840.10045.4.3.2", "1.2.840.10045.2.1", Some("1.2.840.10045.3.1.7")) => {
            &s::ECDSA_P256_SHA256_ASN1
        }
        ("1.2.840.10045.4.3.3", "1.2.840.10045.2.1", Some("1.2.840.10045.3.1.7")) => {
            &s::ECDSA_P256_SHA384_ASN1
        }
        ("1.2.840.10045.4.3.2", "1.2.840.10045.2.1", Some("1.3.132.0.34")) => {
            &s::ECDSA_P384_SHA256_ASN1
        }
        ("1.2.840.10045.4.3.3", "1.2.840.10045.2.1", Some("1.3.132.0.34")) => {
            &s::ECDSA_P384_SHA384_ASN1
        }
        ("1.3.101.112", "1.3.101.112", _) => &s::ED25519,
        _ => return None,
    })
}

/// `verify(certDer, spkiDer)` → whether the certificate's signature verifies with the public
/// key in `spkiDer` (false for a key of another type or an algorithm not supported here).
fn verify(ctx: &mut dyn OpCtx) -> OpResult {
    let der = ctx.arg_bytes(0).map(|b| b.to_vec()).unwrap_or_default();
    let spki = ctx.arg_bytes(1).map(|b| b.to_vec()).unwrap_or_default();
    let Ok((_, cert)) = X509Certificate::from_der(&der) else {
        return Ok(false.into());
    };
    let Ok((_, spki)) = x509_parser::x509::SubjectPublicKeyInfo::from_der(&spki) else {
        return Ok(false.into());
    };
    let sig_oid = cert.signature_algorithm.algorithm.to_id_string();
    let Some(alg) = verification_algorithm(&sig_oid, &spki) else {
        return Ok(false.into());
    };
    let key = ring::signature::UnparsedPublicKey::new(alg, &spki.subject_public_key.data);
    let tbs: &[u8] = cert.tbs_certificate.as_ref();
    Ok(key.verify(tbs, &cert.signature_value.data).is_ok().into())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_like_openssl() {
        assert_eq!(escape_value("a,b"), "a\\,b");
        assert_eq!(escape_value(" x "), "\\ x\\ ");
        assert_eq!(escape_value("a\nb\0"), "a\\0Ab\\00");
        assert_eq!(escape_value("Mü\\"), "Mü\\\\");
        assert_eq!(escape_value("#a#"), "\\#a#");
    }

    #[test]
    fn bad_input_does_not_panic() {
        assert!(certificate_der(b"").is_err());
        assert!(certificate_der(&[0x30, 0x82, 0xff]).is_err());
        assert!(certificate_der(b"-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n")
            .is_err());
        assert_eq!(declared_len(&[0x30, 0x82, 0x01, 0x00]), Some(260));
        assert_eq!(declared_len(&[0x30, 0x84]), None);
    }
}
