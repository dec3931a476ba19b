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

use x509_parser::extensions::{GeneralName, ParsedExtension};
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
        if let Ok(Some(san)) = cert.subject_alternative_name() {
            let parts: Vec<String> =
                san.value.general_names.iter().filter_map(|gn| general_name(gn, true)).collect();
            out.subjectaltname = Some(parts.join(", "));
        }
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

/// OpenSSL's short name for a DN attribute OID, or the dotted OID when it has none.
fn short_name(oid: &str) -> String {
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
        "2.5.4.46" => "dnQualifier",
        "2.5.4.65" => "pseudonym",
        "1.2.840.113549.1.9.1" => "emailAddress",
        "0.9.2342.19200300.100.1.25" => "DC",
        "0.9.2342.19200300.100.1.1" => "UID",
        "1.3.6.1.4.1.311.60.2.1.3" => "jurisdictionC",
        "2.5.4.15" => "businessCategory",
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

/// A name as Node prints it in `subjectaltname`: as is when it holds only printable ASCII
/// other than `"`, `\`, `,` and `'`; otherwise as a JSON string, so that no entry can pose
/// as several (a comma) or hide part of itself (a NUL).
fn alt_name_text(name: &str) -> String {
    let safe = name.bytes().all(|c| (b' '..=b'~').contains(&c) && !b"\"\\,'".contains(&c));
    if safe {
        return name.to_owned();
    }
    let mut out = String::from("\"");
    for c in name.bytes() {
        match c {
            b'"' | b'\\' => {
                out.push('\\');
                out.push(c as char);
            }
            b' '..=b'~' if c != b',' => out.push(c as char),
            _ => out.push_str(&format!("\\u{c:04x}")),
        }
    }
    out.push('"');
    out
}

/// One subjectAltName entry as OpenSSL/Node print it; kinds Node leaves out give `None`.
/// `quote`: names that need it are JSON-quoted, as in `subjectaltname` (not in `infoAccess`,
/// whose values Node hands out unquoted).
fn general_name(gn: &GeneralName<'_>, quote: bool) -> Option<String> {
    let text = |s: &str| if quote { alt_name_text(s) } else { s.to_owned() };
    Some(match gn {
        GeneralName::DNSName(s) => format!("DNS:{}", text(s)),
        GeneralName::RFC822Name(s) => format!("email:{}", text(s)),
        GeneralName::URI(s) => format!("URI:{}", text(s)),
        GeneralName::IPAddress(bytes) => format!("IP Address:{}", ip_text(bytes)?),
        GeneralName::RegisteredID(oid) => format!("Registered ID:{}", oid.to_id_string()),
        GeneralName::DirectoryName(n) => {
            let dn = name(n);
            let parts: Vec<String> = dn.entries.iter().map(|(k, v)| format!("{k}={v}")).collect();
            format!("DirName:{}", parts.join("/"))
        }
        _ => return None,
    })
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
    let aia = cert.iter_extensions().find_map(|ext| match ext.parsed_extension() {
        ParsedExtension::AuthorityInfoAccess(aia) => Some(aia),
        _ => None,
    })?;
    let mut out: Vec<(String, Vec<String>)> = Vec::new();
    for desc in &aia.accessdescs {
        let method = match desc.access_method.to_id_string().as_str() {
            "1.3.6.1.5.5.7.48.1" => "OCSP".to_owned(),
            "1.3.6.1.5.5.7.48.2" => "CA Issuers".to_owned(),
            other => other.to_owned(),
        };
        let Some(location) = general_name(&desc.access_location, false) else {
            continue;
        };
        // OpenSSL prints `OCSP - URI:http://…`; Node splits at the first ':'.
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
    fn garbage_does_not_panic() {
        assert!(PeerCertificate::from_der(&[]).is_err());
        assert!(PeerCertificate::from_der(&[0x30, 0x82, 0xff, 0xff]).is_err());
        assert!(!der_is_self_issued(b"nope"));
    }
}
