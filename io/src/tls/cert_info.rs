//! The facts Node's `getPeerCertificate()` returns, read from a DER certificate.
//!
//! Parsing is `x509-parser`'s (a maintained, pure-Rust, zero-copy DER parser); digests are
//! `ring`'s, the crypto provider TLS already uses. Every field is formatted the way OpenSSL
//! prints it for Node, so the JS layer only copies values into an object:
//! names keep their order and OpenSSL short names (`C`, `ST`, `L`, `O`, `OU`, `CN`, …), dates
//! are `Mar 25 12:00:00 2026 GMT`, serials and moduli are uppercase hex, fingerprints are
//! colon-separated uppercase hex. Parsing never panics; a certificate that does not parse
//! yields an error, and optional extensions that do not parse are left out.

use std::fmt::Write as _;
use std::net::{IpAddr, Ipv4Addr, Ipv6Addr};

use x509_parser::prelude::{FromDer, X509Certificate, X509Name};
use x509_parser::public_key::PublicKey;

use super::error::TlsError;

/// A distinguished name as ordered `(short name, value)` pairs; Node builds its object from
/// these, turning a repeated key into an array.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DistinguishedName {
    /// Attributes in certificate order, e.g. `("CN", "example.com")`.
    pub entries: Vec<(String, String)>,
}

impl DistinguishedName {
    /// The first value of `key` (e.g. `"CN"`).
    pub fn get(&self, key: &str) -> Option<&str> {
        self.entries.iter().find(|(k, _)| k == key).map(|(_, v)| v.as_str())
    }

    /// All values of `key`, for multi-valued attributes such as `OU`.
    pub fn get_all(&self, key: &str) -> Vec<&str> {
        self.entries.iter().filter(|(k, _)| k == key).map(|(_, v)| v.as_str()).collect()
    }
}

/// Node's `getPeerCertificate()` object, field by field.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PeerCertificate {
    /// `subject`.
    pub subject: DistinguishedName,
    /// `issuer`.
    pub issuer: DistinguishedName,
    /// `subjectaltname`: `DNS:a, IP Address:1.2.3.4, …`, or `None` without the extension.
    pub subjectaltname: Option<String>,
    /// `infoAccess`: `("OCSP - URI", ["http://…"])` entries, or `None` without the extension.
    pub info_access: Option<Vec<(String, Vec<String>)>>,
    /// `ca`: basicConstraints `CA:TRUE`.
    pub ca: bool,
    /// `bits`: key size (RSA modulus bits, EC curve bits).
    pub bits: Option<u32>,
    /// `modulus`: RSA modulus, uppercase hex.
    pub modulus: Option<String>,
    /// `exponent`: RSA public exponent, `0x10001` style.
    pub exponent: Option<String>,
    /// `pubkey`: for RSA the SubjectPublicKeyInfo DER, for EC the public point.
    pub pubkey: Option<Vec<u8>>,
    /// `asn1Curve` for EC keys (`prime256v1`).
    pub asn1_curve: Option<String>,
    /// `nistCurve` for EC keys (`P-256`).
    pub nist_curve: Option<String>,
    /// `valid_from`: `Mar 25 12:00:00 2026 GMT`.
    pub valid_from: String,
    /// `valid_to`.
    pub valid_to: String,
    /// notBefore as seconds since the Unix epoch (for `validFromDate`).
    pub valid_from_unix: i64,
    /// notAfter as seconds since the Unix epoch (for `validToDate`).
    pub valid_to_unix: i64,
    /// `fingerprint`: SHA-1, `AB:CD:…`.
    pub fingerprint: String,
    /// `fingerprint256`: SHA-256.
    pub fingerprint256: String,
    /// `fingerprint512`: SHA-512.
    pub fingerprint512: String,
    /// `ext_key_usage`: OIDs in dotted form, or `None` without the extension.
    pub ext_key_usage: Option<Vec<String>>,
    /// `serialNumber`: uppercase hex.
    pub serial_number: String,
    /// `raw`: the DER certificate.
    pub raw: Vec<u8>,
}

impl PeerCertificate {
    /// Reads the fields from a DER certificate.
    pub fn from_der(der: &[u8]) -> Result<Self, TlsError> {
        let (_, cert) = X509Certificate::from_der(der).map_err(|e| {
            TlsError::new("ERR_OSSL_ASN1_WRONG_TAG", format!("certificate does not parse: {e}"))
        })?;
        let validity = cert.validity();
        let valid_from_unix = validity.not_before.timestamp();
        let valid_to_unix = validity.not_after.timestamp();
        let mut out = Self {
            subject: name(cert.subject()),
            issuer: name(cert.issuer()),
            valid_from: openssl_time(valid_from_unix),
            valid_to: openssl_time(valid_to_unix),
            valid_from_unix,
            valid_to_unix,
            fingerprint: colon_hex(
                ring::digest::digest(&ring::digest::SHA1_FOR_LEGACY_USE_ONLY, der).as_ref(),
            ),
            fingerprint256: colon_hex(ring::digest::digest(&ring::digest::SHA256, der).as_ref()),
            fingerprint512: colon_hex(ring::digest::digest(&ring::digest::SHA512, der).as_ref()),
            serial_number: serial_hex(cert.raw_serial()),
            raw: der.to_vec(),
            ..Self::default()
        };
        out.ca = matches!(cert.basic_constraints(), Ok(Some(bc)) if bc.value.ca);
        out.subjectaltname = subject_alt_name_text(&cert);
        if let Ok(Some(eku)) = cert.extended_key_usage() {
            out.ext_key_usage = Some(eku_oids(eku.value));
        }
        out.info_access = info_access(&cert);
        public_key_fields(&cert, &mut out);
        Ok(out)
    }

    /// Whether subject and issuer are the same name (a self-issued certificate; a root or
    /// a self-signed leaf). Used to tell OpenSSL's self-signed verification codes apart.
    pub fn is_self_issued(&self) -> bool {
        self.subject == self.issuer
    }
}

/// Whether the DER certificate's subject and issuer encodings are identical (false if it does
/// not parse). Backends use it to choose among OpenSSL's "self-signed" verification codes.
pub fn der_is_self_issued(der: &[u8]) -> bool {
    match X509Certificate::from_der(der) {
        Ok((_, cert)) => cert.subject().as_raw() == cert.issuer().as_raw(),
        Err(_) => false,
    }
}

/// OpenSSL's short name for a DN attribute (`XN_FLAG_FN_SN`), or the dotted OID when it
/// has none: what both `getPeerCertificate()` and `X509Certificate` print.
pub fn short_name(oid: &str) -> String {
    let sn = match oid {
        "2.5.4.3" => "CN",
        "2.5.4.6" => "C",
        "2.5.4.7" => "L",
        "2.5.4.8" => "ST",
        "2.5.4.9" => "street",
        "2.5.4.10" => "O",
        "2.5.4.11" => "OU",
        "2.5.4.4" => "SN",
        "2.5.4.42" => "GN",
        "2.5.4.5" => "serialNumber",
        "2.5.4.12" => "title",
        "2.5.4.17" => "postalCode",
        "2.5.4.43" => "initials",
        "2.5.4.44" => "generationQualifier",
        "2.5.4.46" => "dnQualifier",
        "2.5.4.65" => "pseudonym",
        "2.5.4.15" => "businessCategory",
        "1.2.840.113549.1.9.1" => "emailAddress",
        "0.9.2342.19200300.100.1.25" => "DC",
        "0.9.2342.19200300.100.1.1" => "UID",
        "1.3.6.1.4.1.311.60.2.1.1" => "jurisdictionL",
        "1.3.6.1.4.1.311.60.2.1.2" => "jurisdictionST",
        "1.3.6.1.4.1.311.60.2.1.3" => "jurisdictionC",
        _ => return oid.to_owned(),
    };
    sn.to_owned()
}

fn name(n: &X509Name<'_>) -> DistinguishedName {
    let mut entries = Vec::new();
    for rdn in n.iter() {
        for attr in rdn.iter() {
            let key = short_name(&attr.attr_type().to_id_string());
            // Non-UTF-8 string types (BMPString, …) are rare; show them lossily, not fail.
            let value = match attr.as_str() {
                Ok(s) => s.to_owned(),
                Err(_) => String::from_utf8_lossy(attr.attr_value().data).into_owned(),
            };
            entries.push((key, value));
        }
    }
    DistinguishedName { entries }
}

/// Node's `PrintAltName`: a name as is when it holds no `"`, `\`, `,` or `'` and (outside
/// UTF-8 mode) only printable ASCII, or (in UTF-8 mode) no control characters; otherwise a
/// JSON string, so that no entry can pose as several (a comma) or hide part of itself (a
/// NUL). Outside UTF-8 mode other bytes are Latin-1 (`\u00e4`); in UTF-8 mode they pass
/// through. `prefix` (`XmppAddr`, …) goes before the name, inside the quotes.
fn alt_name_text(name: &[u8], utf8: bool, prefix: Option<&str>) -> String {
    let safe = name.iter().all(|&c| {
        !b"\"\\,'".contains(&c)
            && if utf8 { c >= b' ' && c != 0x7f } else { (b' '..=b'~').contains(&c) }
    });
    let prefix = prefix.map(|p| format!("{p}:")).unwrap_or_default();
    if safe {
        return format!("{prefix}{}", lossy(name, utf8));
    }
    let mut out: Vec<u8> = format!("\"{prefix}").into_bytes();
    for &c in name {
        match c {
            b'"' | b'\\' => out.extend_from_slice(&[b'\\', c]),
            b' '..=b'~' if c != b',' => out.push(c),
            _ if utf8 && c & 0x80 != 0 => out.push(c),
            _ => out.extend_from_slice(format!("\\u{c:04x}").as_bytes()),
        }
    }
    out.push(b'"');
    String::from_utf8_lossy(&out).into_owned()
}

/// Bytes as text: UTF-8 (lossily) in UTF-8 mode, else one Latin-1 character a byte.
fn lossy(bytes: &[u8], utf8: bool) -> String {
    if utf8 {
        String::from_utf8_lossy(bytes).into_owned()
    } else {
        bytes.iter().map(|&b| char::from(b)).collect()
    }
}

/// One DER element with a one-byte tag: `(tag, contents, rest)`; `None` when malformed.
fn der_tlv(input: &[u8]) -> Option<(u8, &[u8], &[u8])> {
    let (&tag, rest) = input.split_first()?;
    if tag & 0x1f == 0x1f {
        return None;
    }
    let (&first, rest) = rest.split_first()?;
    let (len, rest) = if first < 0x80 {
        (usize::from(first), rest)
    } else {
        let n = usize::from(first & 0x7f);
        if n == 0 || n > 4 || rest.len() < n {
            return None;
        }
        (rest[..n].iter().fold(0usize, |a, &b| (a << 8) | usize::from(b)), &rest[n..])
    };
    if rest.len() < len {
        return None;
    }
    Some((tag, &rest[..len], &rest[len..]))
}

/// Dotted text of an OID's content bytes.
fn oid_text(content: &[u8]) -> String {
    x509_parser::der_parser::oid::Oid::new(std::borrow::Cow::Borrowed(content)).to_id_string()
}

/// A name as RFC 2253 text (`XN_FLAG_RFC2253` without escaping controls or non-ASCII, as
/// Node prints DirName entries): last RDN first, `,` between RDNs, `+` within one.
fn rfc2253_name(n: &X509Name<'_>) -> String {
    let rdns: Vec<String> = n
        .iter()
        .map(|rdn| {
            let parts: Vec<String> = rdn
                .iter()
                .map(|attr| {
                    let key = short_name(&attr.attr_type().to_id_string());
                    let value = match attr.as_str() {
                        Ok(s) => s.to_owned(),
                        Err(_) => String::from_utf8_lossy(attr.attr_value().data).into_owned(),
                    };
                    let last = value.chars().count().saturating_sub(1);
                    let mut esc = String::new();
                    for (i, c) in value.chars().enumerate() {
                        match c {
                            ',' | '+' | '"' | '\\' | '<' | '>' | ';' => esc.push('\\'),
                            '#' if i == 0 => esc.push('\\'),
                            ' ' if i == 0 || i == last => esc.push('\\'),
                            _ => {}
                        }
                        esc.push(c);
                    }
                    format!("{key}={esc}")
                })
                .collect();
            parts.join("+")
        })
        .collect();
    rdns.into_iter().rev().collect::<Vec<_>>().join(",")
}

/// One raw GeneralName element (its context tag and contents) as Node's `PrintGeneralName`
/// prints it. `quote`: names that need it are JSON-quoted, as in `subjectaltname` (not in the
/// legacy `infoAccess` object, whose values Node hands out unquoted).
fn general_name_raw(tag: u8, content: &[u8], quote: bool) -> String {
    let text = |name: &[u8], utf8: bool, prefix: Option<&str>| {
        if quote {
            alt_name_text(name, utf8, prefix)
        } else {
            format!("{}{}", prefix.map(|p| format!("{p}:")).unwrap_or_default(), lossy(name, utf8))
        }
    };
    match tag & 0x1f {
        0 => {
            // OtherName: type-id OID, then the value in an explicit [0].
            let value = der_tlv(content).and_then(|(t, oid, rest)| {
                let (_, explicit, _) = der_tlv(rest)?;
                let (vt, value, _) = der_tlv(explicit)?;
                Some((t, oid_text(oid), vt, value))
            });
            let (prefix, utf8) = match value.as_ref().map(|v| v.1.as_str()) {
                Some("1.3.6.1.5.5.7.8.9") => ("SmtpUTF8Mailbox", true),
                Some("1.3.6.1.5.5.7.8.5") => ("XmppAddr", true),
                Some("1.3.6.1.5.5.7.8.7") => ("SRVName", false),
                Some("1.3.6.1.4.1.311.20.2.3") => ("UPN", true),
                Some("1.3.6.1.5.5.7.8.8") => ("NAIRealm", true),
                _ => return "othername:<unsupported>".to_owned(),
            };
            match value {
                // UTF8String for the Unicode kinds, IA5String for SRVName.
                Some((0x06, _, vt, v)) if vt == if utf8 { 0x0c } else { 0x16 } => {
                    format!("othername:{}", text(v, utf8, Some(prefix)))
                }
                _ => "othername:<unsupported>".to_owned(),
            }
        }
        1 => format!("email:{}", text(content, false, None)),
        2 => format!("DNS:{}", text(content, false, None)),
        3 => "X400Name:<unsupported>".to_owned(),
        4 => {
            let name =
                X509Name::from_der(content).map(|(_, n)| rfc2253_name(&n)).unwrap_or_default();
            format!("DirName:{}", text(name.as_bytes(), true, None))
        }
        5 => "EdiPartyName:<unsupported>".to_owned(),
        6 => format!("URI:{}", text(content, false, None)),
        7 => match ip_text(content) {
            Some(ip) => format!("IP Address:{ip}"),
            None => format!("IP Address:<invalid length={}>", content.len()),
        },
        _ => format!("Registered ID:{}", oid_text(content)),
    }
}

/// The GeneralNames of a raw `SEQUENCE OF GeneralName`, as `(tag, contents)`.
fn general_names(seq: &[u8]) -> Vec<(u8, &[u8])> {
    let mut out = Vec::new();
    let Some((_, mut rest, _)) = der_tlv(seq) else { return out };
    while let Some((tag, content, next)) = der_tlv(rest) {
        out.push((tag, content));
        rest = next;
    }
    out
}

/// Node's `subjectAltName` text (`DNS:a, IP Address:1.2.3.4, …`), or `None` without the
/// extension.
pub fn subject_alt_name_text(cert: &X509Certificate<'_>) -> Option<String> {
    let ext = cert.iter_extensions().find(|e| e.oid.to_id_string() == "2.5.29.17")?;
    let parts: Vec<String> = general_names(ext.value)
        .into_iter()
        .map(|(tag, content)| general_name_raw(tag, content, true))
        .collect();
    Some(parts.join(", "))
}

/// The authorityInfoAccess entries as `(method, name text)` (`("OCSP", "URI:http://…")`),
/// names quoted or not as [`general_name_raw`]; `None` without the extension.
fn info_access_entries(cert: &X509Certificate<'_>, quote: bool) -> Option<Vec<(String, String)>> {
    let ext = cert.iter_extensions().find(|e| e.oid.to_id_string() == "1.3.6.1.5.5.7.1.1")?;
    let mut out = Vec::new();
    let (_, mut rest, _) = der_tlv(ext.value)?;
    while let Some((_, desc, next)) = der_tlv(rest) {
        rest = next;
        let Some((0x06, method, location)) = der_tlv(desc) else { continue };
        let Some((tag, content, _)) = der_tlv(location) else { continue };
        let method = match oid_text(method).as_str() {
            "1.3.6.1.5.5.7.48.1" => "OCSP".to_owned(),
            "1.3.6.1.5.5.7.48.2" => "CA Issuers".to_owned(),
            other => other.to_owned(),
        };
        out.push((method, general_name_raw(tag, content, quote)));
    }
    Some(out)
}

/// Node's `infoAccess` text for `X509Certificate`: one `method - kind:name` line per access
/// description, names quoted as in subjectAltName; `None` without the extension.
pub fn info_access_text(cert: &X509Certificate<'_>) -> Option<String> {
    let lines: Vec<String> = info_access_entries(cert, true)?
        .into_iter()
        .map(|(method, name)| format!("{method} - {name}"))
        .collect();
    Some(lines.join("\n"))
}

fn ip_text(bytes: &[u8]) -> Option<String> {
    let ip = match bytes.len() {
        4 => IpAddr::V4(Ipv4Addr::new(bytes[0], bytes[1], bytes[2], bytes[3])),
        16 => {
            let mut a = [0u8; 16];
            a.copy_from_slice(bytes);
            // OpenSSL (and so Node) prints IPv6 uncompressed, `%X` per group: 0:0:0:0:0:0:0:1.
            let groups: Vec<String> =
                Ipv6Addr::from(a).segments().iter().map(|g| format!("{g:X}")).collect();
            return Some(groups.join(":"));
        }
        _ => return None,
    };
    Some(ip.to_string())
}

fn eku_oids(eku: &x509_parser::extensions::ExtendedKeyUsage<'_>) -> Vec<String> {
    let mut out = Vec::new();
    let known = [
        (eku.server_auth, "1.3.6.1.5.5.7.3.1"),
        (eku.client_auth, "1.3.6.1.5.5.7.3.2"),
        (eku.code_signing, "1.3.6.1.5.5.7.3.3"),
        (eku.email_protection, "1.3.6.1.5.5.7.3.4"),
        (eku.time_stamping, "1.3.6.1.5.5.7.3.8"),
        (eku.ocsp_signing, "1.3.6.1.5.5.7.3.9"),
        (eku.any, "2.5.29.37.0"),
    ];
    out.extend(known.iter().filter(|(on, _)| *on).map(|(_, oid)| (*oid).to_owned()));
    out.extend(eku.other.iter().map(|oid| oid.to_id_string()));
    out
}

fn info_access(cert: &X509Certificate<'_>) -> Option<Vec<(String, Vec<String>)>> {
    let mut out: Vec<(String, Vec<String>)> = Vec::new();
    for (method, location) in info_access_entries(cert, false)? {
        // Node's legacy object splits `OCSP - URI:http://…` at the first ':'.
        let (kind, value) = location.split_once(':').unwrap_or(("", &location));
        let key = format!("{method} - {kind}");
        match out.iter_mut().find(|(k, _)| *k == key) {
            Some((_, values)) => values.push(value.to_owned()),
            None => out.push((key, vec![value.to_owned()])),
        }
    }
    Some(out)
}

fn public_key_fields(cert: &X509Certificate<'_>, out: &mut PeerCertificate) {
    let spki = cert.public_key();
    match spki.parsed() {
        Ok(PublicKey::RSA(rsa)) => {
            let modulus = strip_zeros(rsa.modulus);
            out.bits = u32::try_from(bit_len(modulus)).ok();
            out.modulus = Some(upper_hex(modulus));
            let exp = strip_zeros(rsa.exponent);
            // Node prints the exponent with BN_print: lowercase hex after `0x`.
            let hex = upper_hex(exp).to_lowercase();
            let hex = hex.trim_start_matches('0');
            out.exponent = Some(format!("0x{}", if hex.is_empty() { "0" } else { hex }));
            out.pubkey = Some(spki.raw.to_vec());
        }
        Ok(PublicKey::EC(point)) => {
            let curve = spki
                .algorithm
                .parameters
                .as_ref()
                .and_then(|p| p.as_oid().ok())
                .map(|oid| oid.to_id_string());
            let (asn1, nist, bits) = match curve.as_deref() {
                Some("1.2.840.10045.3.1.7") => ("prime256v1", "P-256", 256),
                Some("1.3.132.0.34") => ("secp384r1", "P-384", 384),
                Some("1.3.132.0.35") => ("secp521r1", "P-521", 521),
                _ => ("", "", 0),
            };
            if bits > 0 {
                out.bits = Some(bits);
                out.asn1_curve = Some(asn1.to_owned());
                out.nist_curve = Some(nist.to_owned());
            }
            out.pubkey = Some(point.data().to_vec());
        }
        _ => {}
    }
}

fn strip_zeros(b: &[u8]) -> &[u8] {
    let first = b.iter().position(|&x| x != 0).unwrap_or(b.len());
    &b[first..]
}

fn bit_len(b: &[u8]) -> usize {
    match b.first() {
        Some(&top) => (b.len() - 1) * 8 + (8 - top.leading_zeros() as usize),
        None => 0,
    }
}

fn upper_hex(b: &[u8]) -> String {
    let mut s = String::with_capacity(b.len() * 2);
    for byte in b {
        let _ = write!(s, "{byte:02X}");
    }
    s
}

/// `BN_bn2hex` of the serial: whole bytes, leading zero bytes dropped, `0` for zero.
fn serial_hex(raw: &[u8]) -> String {
    let s = upper_hex(strip_zeros(raw));
    if s.is_empty() {
        "0".to_owned()
    } else {
        s
    }
}

fn colon_hex(b: &[u8]) -> String {
    let parts: Vec<String> = b.iter().map(|x| format!("{x:02X}")).collect();
    parts.join(":")
}

/// OpenSSL's `ASN1_TIME_print`: `Mar  5 12:00:00 2026 GMT` (day padded to two columns).
pub fn openssl_time(unix: i64) -> String {
    const MONTHS: [&str; 12] =
        ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
    let days = unix.div_euclid(86_400);
    let secs = unix.rem_euclid(86_400);
    let (y, m, d) = civil_from_days(days);
    let month = MONTHS.get(usize::try_from(m - 1).unwrap_or(0)).copied().unwrap_or("Jan");
    format!("{month} {d:>2} {:02}:{:02}:{:02} {y} GMT", secs / 3600, (secs / 60) % 60, secs % 60)
}

/// Days since 1970-01-01 to (year, month 1..=12, day 1..=31); Howard Hinnant's algorithm.
fn civil_from_days(z: i64) -> (i64, i64, i64) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    (if m <= 2 { y + 1 } else { y }, m, d)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn time_format_matches_openssl() {
        assert_eq!(openssl_time(0), "Jan  1 00:00:00 1970 GMT");
        // 2026-03-25T12:00:00Z
        assert_eq!(openssl_time(1_774_440_000), "Mar 25 12:00:00 2026 GMT");
        assert_eq!(openssl_time(951_782_400), "Feb 29 00:00:00 2000 GMT");
    }

    #[test]
    fn hex_helpers() {
        assert_eq!(serial_hex(&[0, 0x0a, 0xbc]), "0ABC");
        assert_eq!(serial_hex(&[0]), "0");
        assert_eq!(colon_hex(&[1, 0xab]), "01:AB");
        assert_eq!(bit_len(&[0x01, 0]), 9);
        let mut v6 = [0u8; 16];
        v6[15] = 1;
        v6[0] = 0xfe;
        assert_eq!(ip_text(&v6).as_deref(), Some("FE00:0:0:0:0:0:0:1"));
        assert_eq!(ip_text(&[10, 0, 0, 1]).as_deref(), Some("10.0.0.1"));
        assert_eq!(ip_text(&[1, 2, 3]), None);
    }

    #[test]
    fn alt_names_print_as_node() {
        assert_eq!(alt_name_text(b"a.example.com", false, None), "a.example.com");
        assert_eq!(alt_name_text(b"a,b", false, None), "\"a\\u002cb\"");
        assert_eq!(alt_name_text(b"ex\xe4mple", false, None), "\"ex\\u00e4mple\"");
        assert_eq!(alt_name_text("M\u{fc}n".as_bytes(), true, None), "M\u{fc}n");
        assert_eq!(alt_name_text(b"x,y", true, Some("XmppAddr")), "\"XmppAddr:x\\u002cy\"");
        assert_eq!(general_name_raw(0x87, &[1, 2, 3, 4, 5], true), "IP Address:<invalid length=5>");
        assert_eq!(general_name_raw(0x82, b"a.test", true), "DNS:a.test");
        assert_eq!(general_name_raw(0xa0, &[0x06], true), "othername:<unsupported>");
    }

    #[test]
    fn der_reader_rejects_truncation() {
        assert_eq!(der_tlv(&[0x30, 0x01, 0xff]), Some((0x30, &[0xff][..], &[][..])));
        assert_eq!(der_tlv(&[0x30, 0x02, 0xff]), None);
        assert_eq!(der_tlv(&[0x30, 0x85, 1, 1, 1, 1, 1]), None);
        assert!(general_names(&[0x30, 0x03, 0x82, 0x05]).is_empty());
    }

    #[test]
    fn garbage_does_not_panic() {
        assert!(PeerCertificate::from_der(&[]).is_err());
        assert!(PeerCertificate::from_der(&[0x30, 0x82, 0xff, 0xff]).is_err());
        assert!(!der_is_self_issued(b"nope"));
    }
}
