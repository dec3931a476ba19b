//! Certificate verification for the rustls backend, with Node's outcomes.
//!
//! rustls' stock verifiers either accept or abort, and report webpki's reasons. Node needs
//! more: OpenSSL's codes (`DEPTH_ZERO_SELF_SIGNED_CERT`, …), its own hostname check, and, with
//! `rejectUnauthorized: false`, a completed handshake that still reports the error. So:
//!
//! - [`verify_chain`] runs webpki path building and maps its error to OpenSSL's code, using
//!   the chain's shape (self-issued leaf, self-issued certificate in the chain, leaf alone) to
//!   pick among the "unknown issuer" codes as OpenSSL would.
//! - [`NodeServerVerifier`] / [`NodeClientVerifier`] plug that into rustls. When rejecting,
//!   a failure aborts the handshake carrying the [`VerifyError`] inside
//!   `CertificateError::Other`, so the handshake error keeps Node's code. When not rejecting,
//!   they accept (handshake signatures are still checked against the presented key), and the
//!   stream runs [`verify_chain`] again after the handshake to fill `authorizationError`.
//!   Verifying afterwards rather than remembering the verdict keeps the verifiers stateless,
//!   which they must be: one config serves many connections at once.

use std::sync::Arc;

use rustls::client::danger::{HandshakeSignatureValid, ServerCertVerified, ServerCertVerifier};
use rustls::crypto::WebPkiSupportedAlgorithms;
use rustls::server::danger::{ClientCertVerified, ClientCertVerifier};
use rustls::{
    CertificateError, DigitallySignedStruct, DistinguishedName, Error, OtherError, RootCertStore,
    SignatureScheme,
};
use rustls_pki_types::{CertificateDer, ServerName, UnixTime};

use crate::tls::cert_info::{der_is_self_issued, PeerCertificate};
use crate::tls::error::VerifyError;
use crate::tls::identity::check_server_identity;

/// Which side's certificate is being verified (selects the extended key usage webpki wants).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Peer {
    /// A server certificate (serverAuth).
    Server,
    /// A client certificate (clientAuth).
    Client,
}

/// Verifies `chain` (leaf first, as sent) against `roots` at `now`, returning OpenSSL's code on
/// failure. An empty chain is Node's `UNABLE_TO_GET_ISSUER_CERT`.
pub(crate) fn verify_chain(
    chain: &[CertificateDer<'_>],
    roots: &RootCertStore,
    algs: &WebPkiSupportedAlgorithms,
    now: UnixTime,
    peer: Peer,
) -> Result<(), VerifyError> {
    let Some((leaf, intermediates)) = chain.split_first() else {
        return Err(VerifyError::openssl("UNABLE_TO_GET_ISSUER_CERT"));
    };
    // A self-signed leaf that is itself a trust anchor is trusted, as OpenSSL trusts it
    // (webpki would refuse it as a CA used as an end entity when it says CA:TRUE).
    if der_is_self_issued(leaf) && is_trust_anchor(leaf, roots) {
        return Ok(());
    }
    let ee = match webpki::EndEntityCert::try_from(leaf) {
        Ok(ee) => ee,
        Err(webpki::Error::UnsupportedCertVersion) => {
            return verify_v1_leaf(leaf, chain, roots, algs, now);
        }
        Err(_) => return Err(VerifyError::openssl("CERT_REJECTED")),
    };
    let usage = match peer {
        Peer::Server => webpki::KeyUsage::server_auth(),
        Peer::Client => webpki::KeyUsage::client_auth(),
    };
    match ee.verify_for_usage(algs.all, &roots.roots, intermediates, now, usage, None, None) {
        Ok(_) => Ok(()),
        Err(e) => Err(map_webpki_error(&e, chain)),
    }
}

/// The check for an X.509 v1 leaf, which webpki does not parse but OpenSSL accepts: valid
/// now, and signed directly by one of `roots` whose subject is the leaf's issuer, with one of
/// the algorithms the v3 path allows (no SHA-1). v1 certificates carry no extensions, so
/// there are no usages to check; an anchor with name constraints is not used for them (the
/// constraints could not be enforced here). Any other issuer gets the code the chain's shape
/// gives, as for any unknown issuer.
fn verify_v1_leaf(
    leaf: &CertificateDer<'_>,
    chain: &[CertificateDer<'_>],
    roots: &RootCertStore,
    algs: &WebPkiSupportedAlgorithms,
    now: UnixTime,
) -> Result<(), VerifyError> {
    use x509_parser::prelude::{FromDer, X509Certificate};
    let (_, cert) = X509Certificate::from_der(leaf.as_ref())
        .map_err(|_| VerifyError::openssl("CERT_REJECTED"))?;
    let now = now.as_secs() as i64;
    let validity = cert.validity();
    if now < validity.not_before.timestamp() {
        return Err(VerifyError::openssl("CERT_NOT_YET_VALID"));
    }
    if now > validity.not_after.timestamp() {
        return Err(VerifyError::openssl("CERT_HAS_EXPIRED"));
    }
    let issuer = cert.issuer().as_raw();
    let tbs = cert.tbs_certificate.as_ref();
    let signature = cert.signature_value.data.as_ref();
    let signed_by_root = roots.roots.iter().any(|root| {
        // Anchors keep the contents of the subject and SubjectPublicKeyInfo SEQUENCEs.
        if root.name_constraints.is_some() || der_sequence(root.subject.as_ref()) != issuer {
            return false;
        }
        let spki = rustls_pki_types::SubjectPublicKeyInfoDer::from(der_sequence(
            root.subject_public_key_info.as_ref(),
        ));
        let Ok(key) = webpki::RawPublicKeyEntity::try_from(&spki) else { return false };
        algs.all.iter().any(|alg| key.verify_signature(*alg, tbs, signature).is_ok())
    });
    if signed_by_root {
        Ok(())
    } else {
        Err(VerifyError::openssl(unknown_issuer_code(chain)))
    }
}

/// `contents` wrapped as a DER SEQUENCE.
fn der_sequence(contents: &[u8]) -> Vec<u8> {
    let mut der = vec![0x30];
    let len = contents.len();
    if len < 0x80 {
        der.push(len as u8);
    } else {
        let bytes: Vec<u8> = len.to_be_bytes().iter().copied().skip_while(|b| *b == 0).collect();
        der.push(0x80 | bytes.len() as u8);
        der.extend(bytes);
    }
    der.extend_from_slice(contents);
    der
}

/// webpki's reason → OpenSSL's verification code.
fn map_webpki_error(e: &webpki::Error, chain: &[CertificateDer<'_>]) -> VerifyError {
    use webpki::Error as W;
    let code = match e {
        W::UnknownIssuer => unknown_issuer_code(chain),
        W::CertExpired { .. } => "CERT_HAS_EXPIRED",
        W::CertNotValidYet { .. } => "CERT_NOT_YET_VALID",
        W::CertRevoked => "CERT_REVOKED",
        W::InvalidSignatureForPublicKey => "CERT_SIGNATURE_FAILURE",
        // An untrusted self-signed CA certificate as the leaf: OpenSSL reports the missing
        // trust first.
        W::CaUsedAsEndEntity if chain.len() == 1 => unknown_issuer_code(chain),
        W::CaUsedAsEndEntity | W::EndEntityUsedAsCa => "INVALID_CA",
        W::PathLenConstraintViolated => "PATH_LENGTH_EXCEEDED",
        W::NameConstraintViolation => "PERMITTED_VIOLATION",
        W::RequiredEkuNotFoundContext(_) => "INVALID_PURPOSE",
        #[allow(deprecated)]
        W::RequiredEkuNotFound => "INVALID_PURPOSE",
        W::UnsupportedSignatureAlgorithmContext(_)
        | W::UnsupportedSignatureAlgorithmForPublicKeyContext(_) => "CERT_SIGNATURE_FAILURE",
        _ => "CERT_REJECTED",
    };
    VerifyError::openssl(code)
}

/// Whether `cert` is one of `roots` (same subject and public key).
fn is_trust_anchor(cert: &CertificateDer<'_>, roots: &RootCertStore) -> bool {
    let Ok(anchor) = webpki::anchor_from_trusted_cert(cert) else {
        return false;
    };
    roots.roots.iter().any(|root| {
        root.subject.as_ref() == anchor.subject.as_ref()
            && root.subject_public_key_info.as_ref() == anchor.subject_public_key_info.as_ref()
    })
}

/// OpenSSL's code when no trusted issuer was found, chosen from the chain's shape.
fn unknown_issuer_code(chain: &[CertificateDer<'_>]) -> &'static str {
    match chain {
        [leaf] if der_is_self_issued(leaf) => "DEPTH_ZERO_SELF_SIGNED_CERT",
        [_] => "UNABLE_TO_VERIFY_LEAF_SIGNATURE",
        [_, rest @ ..] if rest.iter().any(|c| der_is_self_issued(c)) => "SELF_SIGNED_CERT_IN_CHAIN",
        _ => "UNABLE_TO_GET_ISSUER_CERT_LOCALLY",
    }
}

/// Node's full client-side check: chain first, then (if asked) `checkServerIdentity`.
pub(crate) fn verify_server(
    chain: &[CertificateDer<'_>],
    host: &str,
    roots: &RootCertStore,
    algs: &WebPkiSupportedAlgorithms,
    now: UnixTime,
    check_identity: bool,
) -> Result<(), VerifyError> {
    verify_chain(chain, roots, algs, now, Peer::Server)?;
    if check_identity {
        if let Some(leaf) = chain.first() {
            let cert = PeerCertificate::from_der(leaf)
                .map_err(|_| VerifyError::openssl("CERT_REJECTED"))?;
            check_server_identity(host, &cert)?;
        }
    }
    Ok(())
}

/// Wraps a [`VerifyError`] so it survives rustls' error path and is recovered by
/// [`super::errors`].
fn reject(e: VerifyError) -> Error {
    Error::InvalidCertificate(CertificateError::Other(OtherError(Arc::new(e))))
}

/// The client's view of the server certificate, with Node's codes and `rejectUnauthorized`.
#[derive(Debug)]
pub(crate) struct NodeServerVerifier {
    pub(crate) roots: Arc<RootCertStore>,
    pub(crate) algs: WebPkiSupportedAlgorithms,
    pub(crate) reject_unauthorized: bool,
    pub(crate) check_identity: bool,
}

impl ServerCertVerifier for NodeServerVerifier {
    fn verify_server_cert(
        &self,
        end_entity: &CertificateDer<'_>,
        intermediates: &[CertificateDer<'_>],
        server_name: &ServerName<'_>,
        _ocsp_response: &[u8],
        now: UnixTime,
    ) -> Result<ServerCertVerified, Error> {
        if !self.reject_unauthorized {
            // Reported after the handshake instead; see the module doc.
            return Ok(ServerCertVerified::assertion());
        }
        let mut chain = Vec::with_capacity(intermediates.len() + 1);
        chain.push(end_entity.clone());
        chain.extend(intermediates.iter().cloned());
        let host = server_name.to_str();
        verify_server(&chain, &host, &self.roots, &self.algs, now, self.check_identity)
            .map(|()| ServerCertVerified::assertion())
            .map_err(reject)
    }

    fn verify_tls12_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, Error> {
        verify_signature(message, cert, dss, &self.algs, false)
    }

    fn verify_tls13_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, Error> {
        verify_signature(message, cert, dss, &self.algs, true)
    }

    fn supported_verify_schemes(&self) -> Vec<SignatureScheme> {
        self.algs.supported_schemes()
    }
}

/// The server's view of client certificates (`requestCert`), with Node's codes.
#[derive(Debug)]
pub(crate) struct NodeClientVerifier {
    pub(crate) roots: Arc<RootCertStore>,
    pub(crate) algs: WebPkiSupportedAlgorithms,
    pub(crate) reject_unauthorized: bool,
    /// CA names sent in CertificateRequest so clients pick a matching certificate.
    pub(crate) hints: Vec<DistinguishedName>,
}

impl NodeClientVerifier {
    /// A verifier trusting `roots`, naming them as hints to the client.
    pub(crate) fn new(
        roots: Arc<RootCertStore>,
        algs: WebPkiSupportedAlgorithms,
        reject_unauthorized: bool,
    ) -> Self {
        let hints = roots
            .roots
            .iter()
            .map(|ta| DistinguishedName::from(ta.subject.as_ref().to_vec()))
            .collect();
        Self { roots, algs, reject_unauthorized, hints }
    }
}

impl ClientCertVerifier for NodeClientVerifier {
    fn offer_client_auth(&self) -> bool {
        true
    }

    fn client_auth_mandatory(&self) -> bool {
        // Node with requestCert + rejectUnauthorized refuses clients without a certificate.
        self.reject_unauthorized
    }

    fn root_hint_subjects(&self) -> &[DistinguishedName] {
        &self.hints
    }

    fn verify_client_cert(
        &self,
        end_entity: &CertificateDer<'_>,
        intermediates: &[CertificateDer<'_>],
        now: UnixTime,
    ) -> Result<ClientCertVerified, Error> {
        if !self.reject_unauthorized {
            return Ok(ClientCertVerified::assertion());
        }
        let mut chain = Vec::with_capacity(intermediates.len() + 1);
        chain.push(end_entity.clone());
        chain.extend(intermediates.iter().cloned());
        verify_chain(&chain, &self.roots, &self.algs, now, Peer::Client)
            .map(|()| ClientCertVerified::assertion())
            .map_err(reject)
    }

    fn verify_tls12_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, Error> {
        verify_signature(message, cert, dss, &self.algs, false)
    }

    fn verify_tls13_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, Error> {
        verify_signature(message, cert, dss, &self.algs, true)
    }

    fn supported_verify_schemes(&self) -> Vec<SignatureScheme> {
        self.algs.supported_schemes()
    }
}

/// Checks a handshake signature against the presented certificate's key. webpki parses only
/// X.509 v3 certificates; OpenSSL (and so Node) also takes v1 ones, which old CAs and many
/// test fixtures issue. For those the key is taken from the certificate with x509-parser and
/// checked as a raw key, with the same algorithms.
fn verify_signature(
    message: &[u8],
    cert: &CertificateDer<'_>,
    dss: &DigitallySignedStruct,
    algs: &WebPkiSupportedAlgorithms,
    tls13: bool,
) -> Result<HandshakeSignatureValid, Error> {
    let standard = if tls13 {
        rustls::crypto::verify_tls13_signature(message, cert, dss, algs)
    } else {
        rustls::crypto::verify_tls12_signature(message, cert, dss, algs)
    };
    let Err(Error::InvalidCertificate(CertificateError::Other(_))) = &standard else {
        return standard;
    };
    let Some(spki) = subject_public_key_info(cert) else { return standard };
    if tls13 {
        return rustls::crypto::verify_tls13_signature_with_raw_key(message, &spki, dss, algs);
    }
    let Ok(key) = webpki::RawPublicKeyEntity::try_from(&spki) else { return standard };
    let candidates = algs
        .mapping
        .iter()
        .filter(|(scheme, _)| *scheme == dss.scheme)
        .flat_map(|(_, candidates)| candidates.iter());
    for alg in candidates {
        if key.verify_signature(*alg, message, dss.signature()).is_ok() {
            return Ok(HandshakeSignatureValid::assertion());
        }
    }
    Err(Error::InvalidCertificate(CertificateError::BadSignature))
}

/// The DER SubjectPublicKeyInfo of a certificate of any X.509 version.
fn subject_public_key_info(
    cert: &CertificateDer<'_>,
) -> Option<rustls_pki_types::SubjectPublicKeyInfoDer<'static>> {
    use x509_parser::prelude::{FromDer, X509Certificate};
    let (_, parsed) = X509Certificate::from_der(cert.as_ref()).ok()?;
    Some(rustls_pki_types::SubjectPublicKeyInfoDer::from(
        parsed.tbs_certificate.subject_pki.raw.to_vec(),
    ))
}
