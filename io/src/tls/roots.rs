//! The CA certificates Node knows by name (`tls.getCACertificates`): `bundled`, Mozilla's
//! root store as whole certificates (what Node bundles and `tls.rootCertificates` lists), and
//! `system`, the operating system's bundle as OpenSSL finds it.

use rustls_pki_types::CertificateDer;

use crate::tls::pem::parse_certificates;

/// Mozilla's root certificates, from `webpki-root-certs`.
pub fn bundled_root_certificates() -> &'static [CertificateDer<'static>] {
    webpki_root_certs::TLS_SERVER_ROOT_CERTS
}

/// Where Linux distributions keep the system CA bundle (the first that exists is read), after
/// OpenSSL's `SSL_CERT_FILE`.
const SYSTEM_BUNDLES: &[&str] = &[
    "/etc/ssl/certs/ca-certificates.crt",
    "/etc/pki/tls/certs/ca-bundle.crt",
    "/etc/ssl/ca-bundle.pem",
    "/etc/pki/tls/cacert.pem",
    "/etc/ssl/cert.pem",
];

/// The system's trusted CA certificates (empty when no bundle is found or it can't be read).
pub fn system_certificates() -> Vec<CertificateDer<'static>> {
    let from_env = std::env::var_os("SSL_CERT_FILE").map(std::path::PathBuf::from);
    let candidates = from_env.into_iter().chain(SYSTEM_BUNDLES.iter().map(Into::into));
    for path in candidates {
        if let Ok(pem) = std::fs::read(&path) {
            return parse_certificates(&pem).unwrap_or_default();
        }
    }
    Vec::new()
}
