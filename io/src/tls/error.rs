//! Errors of `io::tls`, shaped the way Node reports them.
//!
//! Node surfaces two kinds of TLS failure and this module keeps them apart:
//!
//! - [`VerifyError`]: the peer's certificate was not authorized. Node exposes it as
//!   `socket.authorizationError` (a code such as `DEPTH_ZERO_SELF_SIGNED_CERT`) and, when
//!   `rejectUnauthorized` is on, as the error that destroys the socket. It is a value, not only
//!   a failure, because with `rejectUnauthorized: false` the handshake completes and the
//!   error is still reported.
//! - [`TlsError`]: anything that stops a context from being built or a handshake from
//!   completing, with the `code` Node would put on the error (`ERR_OSSL_*`, `ERR_SSL_*`,
//!   `ERR_TLS_*`, or a verification code when the failure was a rejected certificate).
//!
//! The JS layer turns both into `Error` objects; this module only fixes code and message.

use std::fmt;

/// Why a peer certificate was not authorized, with the code and message Node reports.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VerifyError {
    code: &'static str,
    message: String,
    /// For `ERR_TLS_CERT_ALTNAME_INVALID`: Node's `err.reason` (the part after the colon).
    reason: Option<String>,
    /// For `ERR_TLS_CERT_ALTNAME_INVALID`: Node's `err.host`.
    host: Option<String>,
}

impl VerifyError {
    /// An OpenSSL verification result (`X509_V_ERR_*` without the prefix) with OpenSSL's text.
    pub fn openssl(code: &'static str) -> Self {
        Self { code, message: openssl_verify_message(code).to_owned(), reason: None, host: None }
    }

    /// Node's `checkServerIdentity` failure: `ERR_TLS_CERT_ALTNAME_INVALID`.
    pub fn altname_invalid(host: &str, reason: String) -> Self {
        Self {
            code: "ERR_TLS_CERT_ALTNAME_INVALID",
            message: format!("Hostname/IP does not match certificate's altnames: {reason}"),
            reason: Some(reason),
            host: Some(host.to_owned()),
        }
    }

    /// Node's `code` (`authorizationError` is this string).
    pub fn code(&self) -> &'static str {
        self.code
    }

    /// Node's `message`.
    pub fn message(&self) -> &str {
        &self.message
    }

    /// `err.reason` for hostname mismatches.
    pub fn reason(&self) -> Option<&str> {
        self.reason.as_deref()
    }

    /// `err.host` for hostname mismatches.
    pub fn host(&self) -> Option<&str> {
        self.host.as_deref()
    }
}

impl fmt::Display for VerifyError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for VerifyError {}

/// OpenSSL 3's `X509_verify_cert_error_string` for the codes this crate produces; Node copies
/// these into `err.message`.
fn openssl_verify_message(code: &str) -> &'static str {
    match code {
        "DEPTH_ZERO_SELF_SIGNED_CERT" => "self-signed certificate",
        "SELF_SIGNED_CERT_IN_CHAIN" => "self-signed certificate in certificate chain",
        "UNABLE_TO_VERIFY_LEAF_SIGNATURE" => "unable to verify the first certificate",
        "UNABLE_TO_GET_ISSUER_CERT_LOCALLY" => "unable to get local issuer certificate",
        "UNABLE_TO_GET_ISSUER_CERT" => "unable to get issuer certificate",
        "CERT_HAS_EXPIRED" => "certificate has expired",
        "CERT_NOT_YET_VALID" => "certificate is not yet valid",
        "CERT_SIGNATURE_FAILURE" => "certificate signature failure",
        "CERT_REVOKED" => "certificate revoked",
        "INVALID_PURPOSE" => "unsupported certificate purpose",
        "INVALID_CA" => "invalid CA certificate",
        "PATH_LENGTH_EXCEEDED" => "path length constraint exceeded",
        "PERMITTED_VIOLATION" => "permitted subtree violation",
        "CERT_UNTRUSTED" => "certificate not trusted",
        _ => "certificate rejected",
    }
}

/// A failure to build a TLS context or to complete a handshake, with Node's error `code`.
#[derive(Debug, Clone)]
pub struct TlsError {
    code: String,
    message: String,
    /// Boxed: keeps `Result<_, TlsError>` small on the common path.
    verify: Option<Box<VerifyError>>,
}

impl TlsError {
    /// An error with an explicit Node code and message.
    pub fn new(code: impl Into<String>, message: impl Into<String>) -> Self {
        Self { code: code.into(), message: message.into(), verify: None }
    }

    /// Node's `code` (`ERR_SSL_…`, `ERR_OSSL_…`, `ERR_TLS_…` or a verification code).
    pub fn code(&self) -> &str {
        &self.code
    }

    /// Node's `message`.
    pub fn message(&self) -> &str {
        &self.message
    }

    /// The certificate verification failure behind this error, if that is what it was.
    pub fn verify_error(&self) -> Option<&VerifyError> {
        self.verify.as_deref()
    }

    /// An I/O failure of the underlying transport (e.g. `ECONNRESET` mid-handshake).
    pub fn io(err: &std::io::Error) -> Self {
        let code = match err.kind() {
            std::io::ErrorKind::ConnectionReset => "ECONNRESET",
            std::io::ErrorKind::BrokenPipe => "EPIPE",
            std::io::ErrorKind::TimedOut => "ETIMEDOUT",
            // Node's message when the peer goes away before the handshake completes.
            std::io::ErrorKind::UnexpectedEof => return Self::new(
                "ECONNRESET",
                "Client network socket disconnected before secure TLS connection was established",
            ),
            _ => "EPROTO",
        };
        Self::new(code, err.to_string())
    }
}

impl From<VerifyError> for TlsError {
    fn from(v: VerifyError) -> Self {
        Self {
            code: v.code().to_owned(),
            message: v.message().to_owned(),
            verify: Some(Box::new(v)),
        }
    }
}

impl fmt::Display for TlsError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} ({})", self.message, self.code)
    }
}

impl std::error::Error for TlsError {}
