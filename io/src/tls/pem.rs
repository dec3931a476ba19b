//! PEM input: certificate chains, CA lists and private keys, as Node's `cert`, `ca`, `key`
//! and `passphrase` options accept them.
//!
//! A small scanner splits the text into `-----BEGIN …-----`/`-----END …-----` blocks and
//! `pem-rfc7468` (through `pkcs8`'s `der`) decodes each, so that every label is seen, including
//! `ENCRYPTED PRIVATE KEY`, which generic PEM readers skip. Keys may be PKCS#8
//! (`PRIVATE KEY`), PKCS#1 (`RSA PRIVATE KEY`), SEC1 (`EC PRIVATE KEY`) or PKCS#8 encrypted with
//! a passphrase (PBES2: PBKDF2 or scrypt with AES-CBC, decrypted by RustCrypto's `pkcs8`).
//! OpenSSL's legacy encrypted PEM (`Proc-Type: 4,ENCRYPTED` headers) is refused with a clear
//! error: no maintained Rust crate decrypts it, and `openssl pkcs8 -topk8` converts it.
//!
//! Error codes follow what Node reports from OpenSSL for the same input.

use rustls_pki_types::{
    CertificateDer, PrivateKeyDer, PrivatePkcs1KeyDer, PrivatePkcs8KeyDer, PrivateSec1KeyDer,
};

use super::error::TlsError;

/// One decoded PEM block: its label and DER body.
struct Block {
    label: String,
    der: Vec<u8>,
    /// Whether the block carried RFC 1421 headers (`Proc-Type: 4,ENCRYPTED`).
    legacy_encrypted: bool,
}

/// Splits `input` into PEM blocks; text between blocks is ignored, as OpenSSL does.
fn blocks(input: &[u8]) -> Result<Vec<Block>, TlsError> {
    const BEGIN: &[u8] = b"-----BEGIN ";
    const END: &[u8] = b"-----END ";
    let mut out = Vec::new();
    let mut rest = input;
    while let Some(start) = find(rest, BEGIN) {
        let from = &rest[start..];
        let Some(end_marker) = find(from, END) else {
            return Err(bad_pem("missing PEM end line"));
        };
        // The END line finishes at the next "-----" after "-----END ".
        let after_end = &from[end_marker + END.len()..];
        let Some(close) = find(after_end, b"-----") else {
            return Err(bad_pem("malformed PEM end line"));
        };
        let block_len = end_marker + END.len() + close + 5;
        let block = &from[..block_len];
        rest = &from[block_len..];
        if find(block, b"Proc-Type:").is_some() {
            let label = label_of(block);
            out.push(Block { label, der: Vec::new(), legacy_encrypted: true });
            continue;
        }
        let (label, der) = pkcs8::der::pem::decode_vec(block).map_err(|e| {
            TlsError::new("ERR_OSSL_PEM_BAD_BASE64_DECODE", format!("bad PEM: {e}"))
        })?;
        out.push(Block { label: label.to_owned(), der, legacy_encrypted: false });
    }
    Ok(out)
}

/// The label of a block's BEGIN line, for blocks the decoder is not asked to read.
fn label_of(block: &[u8]) -> String {
    let line = block.split(|&b| b == b'\n').next().unwrap_or_default();
    String::from_utf8_lossy(line)
        .trim()
        .trim_start_matches("-----BEGIN ")
        .trim_end_matches("-----")
        .to_owned()
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

fn bad_pem(msg: &str) -> TlsError {
    TlsError::new("ERR_OSSL_PEM_BAD_END_LINE", msg)
}

fn no_start_line() -> TlsError {
    TlsError::new("ERR_OSSL_PEM_NO_START_LINE", "error:0480006C:PEM routines::no start line")
}

/// Every `CERTIFICATE` in `pem`, in order (a leaf followed by its intermediates for `cert`).
///
/// Fails with `ERR_OSSL_PEM_NO_START_LINE` when there is none, as Node does.
pub fn parse_certificates(pem: &[u8]) -> Result<Vec<CertificateDer<'static>>, TlsError> {
    let certs: Vec<_> = blocks(pem)?
        .into_iter()
        .filter(|b| b.label == "CERTIFICATE" || b.label == "TRUSTED CERTIFICATE")
        .map(|b| CertificateDer::from(b.der))
        .collect();
    if certs.is_empty() {
        return Err(no_start_line());
    }
    Ok(certs)
}

/// The first private key in `pem`, decrypted with `passphrase` if it is encrypted.
pub fn parse_private_key(
    pem: &[u8],
    passphrase: Option<&[u8]>,
) -> Result<PrivateKeyDer<'static>, TlsError> {
    for block in blocks(pem)? {
        if block.legacy_encrypted {
            return Err(TlsError::new(
                "ERR_OSSL_UNSUPPORTED",
                format!(
                    "legacy encrypted PEM ({}) with Proc-Type headers is not supported; \
                     convert it to encrypted PKCS#8 (openssl pkcs8 -topk8)",
                    block.label
                ),
            ));
        }
        match block.label.as_str() {
            "PRIVATE KEY" => return Ok(PrivatePkcs8KeyDer::from(block.der).into()),
            "RSA PRIVATE KEY" => return Ok(PrivatePkcs1KeyDer::from(block.der).into()),
            "EC PRIVATE KEY" => return Ok(PrivateSec1KeyDer::from(block.der).into()),
            "ENCRYPTED PRIVATE KEY" => return decrypt_pkcs8(&block.der, passphrase),
            _ => {}
        }
    }
    Err(TlsError::new("ERR_OSSL_UNSUPPORTED", "error:1E08010C:DECODER routines::unsupported"))
}

/// Decrypts an `EncryptedPrivateKeyInfo` (PKCS#8 + PBES2) into a plain PKCS#8 key.
fn decrypt_pkcs8(
    der: &[u8],
    passphrase: Option<&[u8]>,
) -> Result<PrivateKeyDer<'static>, TlsError> {
    let Some(pass) = passphrase else {
        // Node would prompt on a TTY; a runtime without one fails like OpenSSL does then.
        return Err(TlsError::new(
            "ERR_OSSL_BAD_DECRYPT",
            "error:1C800064:Provider routines::bad decrypt (the key is encrypted and no passphrase was given)",
        ));
    };
    let info = pkcs8::EncryptedPrivateKeyInfo::try_from(der).map_err(|e| {
        TlsError::new("ERR_OSSL_UNSUPPORTED", format!("unsupported encrypted private key: {e}"))
    })?;
    let doc = info.decrypt(pass).map_err(|_| {
        TlsError::new("ERR_OSSL_BAD_DECRYPT", "error:1C800064:Provider routines::bad decrypt")
    })?;
    Ok(PrivatePkcs8KeyDer::from(doc.as_bytes().to_vec()).into())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_blocks_is_no_start_line() {
        let err = parse_certificates(b"hello").unwrap_err();
        assert_eq!(err.code(), "ERR_OSSL_PEM_NO_START_LINE");
        let err = parse_private_key(b"", None).unwrap_err();
        assert_eq!(err.code(), "ERR_OSSL_UNSUPPORTED");
    }

    #[test]
    fn truncated_block_is_an_error_not_a_panic() {
        for input in [
            &b"-----BEGIN CERTIFICATE-----\nAAAA"[..],
            b"-----BEGIN CERTIFICATE-----\n!!!\n-----END CERTIFICATE-----\n",
            b"-----BEGIN CERTIFICATE-----\n-----END ",
            b"-----BEGIN ",
        ] {
            assert!(parse_certificates(input).is_err());
        }
    }

    #[test]
    fn legacy_encrypted_pem_is_refused_clearly() {
        let pem = b"-----BEGIN RSA PRIVATE KEY-----\nProc-Type: 4,ENCRYPTED\nDEK-Info: AES-128-CBC,00\n\nAAAA\n-----END RSA PRIVATE KEY-----\n";
        let err = parse_private_key(pem, Some(b"x")).unwrap_err();
        assert!(err.message().contains("legacy encrypted PEM"));
    }
}
