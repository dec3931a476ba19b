//! A small DER reader and writer: the key formats are written here by hand (rather than with
//! each crate's encoder) so every export is laid out exactly as OpenSSL lays it out, and
//! parsing never panics on hostile input.

use num_bigint_dig::BigUint;

/// ASN.1 tags used by the key formats.
pub(super) mod tag {
    /// INTEGER.
    pub const INTEGER: u8 = 0x02;
    /// BIT STRING.
    pub const BIT_STRING: u8 = 0x03;
    /// OCTET STRING.
    pub const OCTET_STRING: u8 = 0x04;
    /// OBJECT IDENTIFIER.
    pub const OID: u8 = 0x06;
    /// SEQUENCE (constructed).
    pub const SEQUENCE: u8 = 0x30;
}

/// A cursor over DER elements.
#[derive(Clone, Copy)]
pub(super) struct Reader<'a> {
    rest: &'a [u8],
}

impl<'a> Reader<'a> {
    /// A reader over `data`.
    pub fn new(data: &'a [u8]) -> Self {
        Reader { rest: data }
    }

    /// Whether every byte has been read.
    pub fn is_empty(&self) -> bool {
        self.rest.is_empty()
    }

    /// The tag of the next element, if any.
    pub fn peek_tag(&self) -> Option<u8> {
        self.rest.first().copied()
    }

    /// The next element: `(tag, content, whole element bytes)`.
    pub fn any(&mut self) -> Option<(u8, &'a [u8], &'a [u8])> {
        let data = self.rest;
        let tag = *data.first()?;
        // Multi-byte tags never occur in key formats.
        if tag & 0x1f == 0x1f {
            return None;
        }
        let first = *data.get(1)?;
        let (len, header) = if first < 0x80 {
            (usize::from(first), 2)
        } else {
            let n = usize::from(first & 0x7f);
            if n == 0 || n > 4 {
                return None;
            }
            let bytes = data.get(2..2 + n)?;
            let len = bytes.iter().fold(0usize, |acc, &b| (acc << 8) | usize::from(b));
            (len, 2 + n)
        };
        let end = header.checked_add(len)?;
        let content = data.get(header..end)?;
        let whole = &data[..end];
        self.rest = &data[end..];
        Some((tag, content, whole))
    }

    /// The next element's content, which must have tag `want`.
    pub fn expect(&mut self, want: u8) -> Option<&'a [u8]> {
        if self.peek_tag()? != want {
            return None;
        }
        self.any().map(|(_, content, _)| content)
    }

    /// The next element, a SEQUENCE, as a reader over its content.
    pub fn sequence(&mut self) -> Option<Reader<'a>> {
        self.expect(tag::SEQUENCE).map(Reader::new)
    }

    /// The next element, a non-negative INTEGER, as big-endian magnitude bytes (no sign
    /// byte; zero is empty).
    pub fn uint_bytes(&mut self) -> Option<&'a [u8]> {
        let content = self.expect(tag::INTEGER)?;
        if content.is_empty() || content[0] & 0x80 != 0 {
            return None;
        }
        let start = content.iter().position(|&b| b != 0).unwrap_or(content.len());
        Some(&content[start..])
    }

    /// The next element, a non-negative INTEGER, as a `BigUint`.
    pub fn biguint(&mut self) -> Option<BigUint> {
        self.uint_bytes().map(BigUint::from_bytes_be)
    }

    /// The next element, a small non-negative INTEGER.
    pub fn small_uint(&mut self) -> Option<u64> {
        let bytes = self.uint_bytes()?;
        if bytes.len() > 8 {
            return None;
        }
        Some(bytes.iter().fold(0u64, |acc, &b| (acc << 8) | u64::from(b)))
    }

    /// The next element, an OBJECT IDENTIFIER, as its content bytes.
    pub fn oid(&mut self) -> Option<&'a [u8]> {
        self.expect(tag::OID)
    }

    /// The next element, a BIT STRING with no unused bits, as its bytes.
    pub fn bit_string(&mut self) -> Option<&'a [u8]> {
        let content = self.expect(tag::BIT_STRING)?;
        match content.split_first() {
            Some((0, bits)) => Some(bits),
            _ => None,
        }
    }

    /// The next element, an OCTET STRING.
    pub fn octet_string(&mut self) -> Option<&'a [u8]> {
        self.expect(tag::OCTET_STRING)
    }

    /// The next element if it has `want` tag (an optional or context-tagged field).
    pub fn optional(&mut self, want: u8) -> Option<&'a [u8]> {
        if self.peek_tag() == Some(want) {
            self.expect(want)
        } else {
            None
        }
    }
}

/// Reads `data` as exactly one element with tag `want` (nothing after it); its content.
pub(super) fn single(data: &[u8], want: u8) -> Option<&[u8]> {
    let mut r = Reader::new(data);
    let content = r.expect(want)?;
    r.is_empty().then_some(content)
}

/// An element with `tag` around `content`.
pub(super) fn tlv(tag: u8, content: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(content.len() + 6);
    out.push(tag);
    let len = content.len();
    if len < 0x80 {
        out.push(len as u8);
    } else {
        let bytes = len.to_be_bytes();
        let skip = bytes.iter().position(|&b| b != 0).unwrap_or(bytes.len() - 1);
        out.push(0x80 | (bytes.len() - skip) as u8);
        out.extend_from_slice(&bytes[skip..]);
    }
    out.extend_from_slice(content);
    out
}

/// A SEQUENCE of already encoded elements.
pub(super) fn seq(parts: &[&[u8]]) -> Vec<u8> {
    tlv(tag::SEQUENCE, &parts.concat())
}

/// An INTEGER from big-endian magnitude bytes (leading zeros dropped, a sign byte added).
pub(super) fn uint(magnitude: &[u8]) -> Vec<u8> {
    let start = magnitude.iter().position(|&b| b != 0).unwrap_or(magnitude.len());
    let magnitude = &magnitude[start..];
    let mut content = Vec::with_capacity(magnitude.len() + 1);
    if magnitude.first().is_none_or(|&b| b & 0x80 != 0) {
        content.push(0);
    }
    content.extend_from_slice(magnitude);
    tlv(tag::INTEGER, &content)
}

/// An INTEGER from a `BigUint`.
pub(super) fn biguint(n: &BigUint) -> Vec<u8> {
    uint(&n.to_bytes_be())
}

/// An OCTET STRING.
pub(super) fn octet_string(bytes: &[u8]) -> Vec<u8> {
    tlv(tag::OCTET_STRING, bytes)
}

/// A BIT STRING with no unused bits.
pub(super) fn bit_string(bytes: &[u8]) -> Vec<u8> {
    let mut content = Vec::with_capacity(bytes.len() + 1);
    content.push(0);
    content.extend_from_slice(bytes);
    tlv(tag::BIT_STRING, &content)
}

/// An OBJECT IDENTIFIER from its content bytes.
pub(super) fn oid(content: &[u8]) -> Vec<u8> {
    tlv(tag::OID, content)
}

/// NULL.
pub(super) const NULL: &[u8] = &[0x05, 0x00];

/// OID content bytes of the algorithms the key formats name.
pub(super) mod oids {
    /// rsaEncryption 1.2.840.113549.1.1.1.
    pub const RSA: &[u8] = &[0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x01];
    /// id-RSASSA-PSS 1.2.840.113549.1.1.10.
    pub const RSA_PSS: &[u8] = &[0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x0a];
    /// id-mgf1 1.2.840.113549.1.1.8.
    pub const MGF1: &[u8] = &[0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x08];
    /// id-dsa 1.2.840.10040.4.1.
    pub const DSA: &[u8] = &[0x2a, 0x86, 0x48, 0xce, 0x38, 0x04, 0x01];
    /// id-ecPublicKey 1.2.840.10045.2.1.
    pub const EC: &[u8] = &[0x2a, 0x86, 0x48, 0xce, 0x3d, 0x02, 0x01];
    /// dhKeyAgreement 1.2.840.113549.1.3.1 (PKCS #3).
    pub const DH: &[u8] = &[0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x03, 0x01];
    /// dhpublicnumber 1.2.840.10046.2.1 (X9.42).
    pub const DHX: &[u8] = &[0x2a, 0x86, 0x48, 0xce, 0x3e, 0x02, 0x01];
    /// id-X25519 1.3.101.110.
    pub const X25519: &[u8] = &[0x2b, 0x65, 0x6e];
    /// id-X448 1.3.101.111.
    pub const X448: &[u8] = &[0x2b, 0x65, 0x6f];
    /// id-Ed25519 1.3.101.112.
    pub const ED25519: &[u8] = &[0x2b, 0x65, 0x70];
    /// id-Ed448 1.3.101.113.
    pub const ED448: &[u8] = &[0x2b, 0x65, 0x71];
    /// prime256v1 1.2.840.10045.3.1.7.
    pub const P256: &[u8] = &[0x2a, 0x86, 0x48, 0xce, 0x3d, 0x03, 0x01, 0x07];
    /// secp384r1 1.3.132.0.34.
    pub const P384: &[u8] = &[0x2b, 0x81, 0x04, 0x00, 0x22];
    /// secp521r1 1.3.132.0.35.
    pub const P521: &[u8] = &[0x2b, 0x81, 0x04, 0x00, 0x23];
    /// secp256k1 1.3.132.0.10.
    pub const K256: &[u8] = &[0x2b, 0x81, 0x04, 0x00, 0x0a];
    /// secp224r1 1.3.132.0.33.
    pub const P224: &[u8] = &[0x2b, 0x81, 0x04, 0x00, 0x21];
    /// PBES2 1.2.840.113549.1.5.13.
    pub const PBES2: &[u8] = &[0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x05, 0x0d];
    /// PBKDF2 1.2.840.113549.1.5.12.
    pub const PBKDF2: &[u8] = &[0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x05, 0x0c];
    /// hmacWithSHA1 1.2.840.113549.2.7.
    pub const HMAC_SHA1: &[u8] = &[0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x02, 0x07];
    /// hmacWithSHA224 1.2.840.113549.2.8.
    pub const HMAC_SHA224: &[u8] = &[0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x02, 0x08];
    /// hmacWithSHA256 1.2.840.113549.2.9.
    pub const HMAC_SHA256: &[u8] = &[0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x02, 0x09];
    /// hmacWithSHA384 1.2.840.113549.2.10.
    pub const HMAC_SHA384: &[u8] = &[0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x02, 0x0a];
    /// hmacWithSHA512 1.2.840.113549.2.11.
    pub const HMAC_SHA512: &[u8] = &[0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x02, 0x0b];
    /// des-ede3-cbc 1.2.840.113549.3.7.
    pub const DES_EDE3_CBC: &[u8] = &[0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x03, 0x07];
    /// des-cbc 1.3.14.3.2.7.
    pub const DES_CBC: &[u8] = &[0x2b, 0x0e, 0x03, 0x02, 0x07];
}

/// Digest OIDs by OpenSSL name, for RSA-PSS parameters.
pub(super) const DIGESTS: &[(&str, &[u8])] = &[
    ("sha1", &[0x2b, 0x0e, 0x03, 0x02, 0x1a]),
    ("sha224", &[0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x02, 0x04]),
    ("sha256", &[0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x02, 0x01]),
    ("sha384", &[0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x02, 0x02]),
    ("sha512", &[0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x02, 0x03]),
    ("sha512-224", &[0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x02, 0x05]),
    ("sha512-256", &[0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x02, 0x06]),
    ("sha3-224", &[0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x02, 0x07]),
    ("sha3-256", &[0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x02, 0x08]),
    ("sha3-384", &[0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x02, 0x09]),
    ("sha3-512", &[0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x02, 0x0a]),
    ("md5", &[0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x02, 0x05]),
];

/// The OpenSSL name of a digest OID.
pub(super) fn digest_name(oid: &[u8]) -> Option<&'static str> {
    DIGESTS.iter().find(|(_, o)| *o == oid).map(|(n, _)| *n)
}

/// The OID of a digest by (lower-case OpenSSL) name.
pub(super) fn digest_oid(name: &str) -> Option<&'static [u8]> {
    DIGESTS.iter().find(|(n, _)| *n == name).map(|(_, o)| *o)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn truncated_and_garbage_input_never_panics() {
        for data in [
            &[][..],
            &[0x30],
            &[0x30, 0x82],
            &[0x30, 0x82, 0xff, 0xff],
            &[0x30, 0x85, 1, 2, 3, 4, 5],
            &[0x1f, 0x01, 0x00],
            &[0x02, 0x00],
            &[0x02, 0x01, 0x80],
            &[0x03, 0x01, 0x01],
        ] {
            let mut r = Reader::new(data);
            let _ = r.clone().sequence();
            let _ = r.clone().biguint();
            let _ = r.clone().bit_string();
            let _ = r.any();
        }
    }

    #[test]
    fn integers_round_trip() {
        assert_eq!(uint(&[0x00, 0x80]), vec![0x02, 0x02, 0x00, 0x80]);
        assert_eq!(uint(&[]), vec![0x02, 0x01, 0x00]);
        let enc = uint(&[1, 2, 3]);
        assert_eq!(Reader::new(&enc).uint_bytes(), Some(&[1u8, 2, 3][..]));
        let long = tlv(tag::OCTET_STRING, &[0u8; 300]);
        assert_eq!(&long[..4], &[0x04, 0x82, 0x01, 0x2c]);
        assert_eq!(Reader::new(&long).octet_string().map(<[u8]>::len), Some(300));
    }
}
