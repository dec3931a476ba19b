//! `crypto.Certificate` (SPKAC, Netscape's SignedPublicKeyAndChallenge): the native side
//! takes the structure apart; `internal/crypto/certificate.js` verifies the signature and
//! exports the key with the ordinary KeyObject machinery.
//!
//! ```text
//! SignedPublicKeyAndChallenge ::= SEQUENCE {
//!     publicKeyAndChallenge SEQUENCE { spki SubjectPublicKeyInfo, challenge IA5String },
//!     signatureAlgorithm    AlgorithmIdentifier,
//!     signature             BIT STRING }
//! ```

use engine::{HostValue, OpCtx, OpResult};

use super::der::{tag, Reader};

/// IA5String.
const IA5_STRING: u8 = 0x16;

/// Signature algorithm OIDs by the digest Node's `verify` takes (`None`: the algorithm
/// hashes itself, as Ed25519/Ed448 do).
const SIGNATURE_ALGORITHMS: &[(&[u8], Option<&str>)] = &[
    // md5/sha1/sha256/sha384/sha512/sha224WithRSAEncryption 1.2.840.113549.1.1.{4,5,11-14}.
    (&[0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x04], Some("md5")),
    (&[0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x05], Some("sha1")),
    (&[0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x0b], Some("sha256")),
    (&[0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x0c], Some("sha384")),
    (&[0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x0d], Some("sha512")),
    (&[0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x0e], Some("sha224")),
    // ecdsa-with-SHA1 1.2.840.10045.4.1, ecdsa-with-SHA224..512 1.2.840.10045.4.3.{1-4}.
    (&[0x2a, 0x86, 0x48, 0xce, 0x3d, 0x04, 0x01], Some("sha1")),
    (&[0x2a, 0x86, 0x48, 0xce, 0x3d, 0x04, 0x03, 0x01], Some("sha224")),
    (&[0x2a, 0x86, 0x48, 0xce, 0x3d, 0x04, 0x03, 0x02], Some("sha256")),
    (&[0x2a, 0x86, 0x48, 0xce, 0x3d, 0x04, 0x03, 0x03], Some("sha384")),
    (&[0x2a, 0x86, 0x48, 0xce, 0x3d, 0x04, 0x03, 0x04], Some("sha512")),
    // dsa-with-sha1 1.2.840.10040.4.3, dsa-with-sha224/256 2.16.840.1.101.3.4.3.{1,2}.
    (&[0x2a, 0x86, 0x48, 0xce, 0x38, 0x04, 0x03], Some("sha1")),
    (&[0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x03, 0x01], Some("sha224")),
    (&[0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x03, 0x02], Some("sha256")),
    // id-Ed25519, id-Ed448.
    (&[0x2b, 0x65, 0x70], None),
    (&[0x2b, 0x65, 0x71], None),
];

/// The parts of a DER SPKAC.
struct Spkac<'a> {
    /// The whole `publicKeyAndChallenge` element (what the signature covers).
    signed: &'a [u8],
    /// The SubjectPublicKeyInfo element.
    spki: &'a [u8],
    /// The challenge's characters.
    challenge: &'a [u8],
    /// The signature algorithm's OID.
    algorithm: &'a [u8],
    /// The signature bytes.
    signature: &'a [u8],
}

fn parse(der: &[u8]) -> Option<Spkac<'_>> {
    let mut outer = Reader::new(der);
    let mut body = outer.sequence()?;
    if !outer.is_empty() {
        return None;
    }
    let (signed_tag, signed_content, signed) = body.any()?;
    if signed_tag != tag::SEQUENCE {
        return None;
    }
    let mut signed_reader = Reader::new(signed_content);
    let (spki_tag, _, spki) = signed_reader.any()?;
    let challenge = signed_reader.expect(IA5_STRING)?;
    if spki_tag != tag::SEQUENCE || !signed_reader.is_empty() {
        return None;
    }
    let algorithm = body.sequence()?.oid()?;
    let signature = body.bit_string()?;
    body.is_empty().then_some(Spkac { signed, spki, challenge, algorithm, signature })
}

/// `certSpkacParse(bytes)`: the base64 SPKAC `bytes` taken apart as `{ signed, spki,
/// challenge, digest, signature }` (`digest` null for algorithms that hash themselves, absent
/// for unknown ones), or null when it is not one.
pub(super) fn spkac_parse(ctx: &mut dyn OpCtx) -> OpResult {
    let text: Vec<u8> = ctx
        .arg_bytes(0)
        .map(|b| b.iter().copied().filter(|c| !c.is_ascii_whitespace()).collect())
        .unwrap_or_default();
    let Some(der) = std::str::from_utf8(&text).ok().and_then(super::import::b64) else {
        return Ok(HostValue::Null);
    };
    let Some(spkac) = parse(&der) else {
        return Ok(HostValue::Null);
    };
    let mut out = vec![
        ("signed".to_owned(), HostValue::Bytes(spkac.signed.to_vec())),
        ("spki".to_owned(), HostValue::Bytes(spkac.spki.to_vec())),
        ("challenge".to_owned(), HostValue::Bytes(spkac.challenge.to_vec())),
        ("signature".to_owned(), HostValue::Bytes(spkac.signature.to_vec())),
    ];
    if let Some((_, digest)) = SIGNATURE_ALGORITHMS.iter().find(|(oid, _)| *oid == spkac.algorithm)
    {
        let digest = digest.map_or(HostValue::Null, |d| HostValue::String(d.to_owned()));
        out.push(("digest".to_owned(), digest));
    }
    Ok(HostValue::Object(out))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn garbage_never_parses() {
        for data in [&[][..], &[0x30, 0x00], &[0x30, 0x02, 0x30, 0x00], &[0x30, 0x80]] {
            assert!(parse(data).is_none());
        }
    }
}
