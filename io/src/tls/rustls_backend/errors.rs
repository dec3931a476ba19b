//! rustls failures → Node's TLS error codes.
//!
//! Node's codes come from OpenSSL's error reasons (`ERR_SSL_<REASON>`); rustls has its own
//! error enum. The mapping below covers what a Node program tests for: alerts received from
//! the peer (`ERR_SSL_TLSV1_ALERT_PROTOCOL_VERSION`, …), version and cipher mismatches, and
//! rejected certificates, whose [`VerifyError`] rides inside `CertificateError::Other` from
//! the verifiers and is recovered here with its code intact.

use rustls::{AlertDescription, CertificateError, Error, PeerIncompatible};

use crate::tls::error::{TlsError, VerifyError};

/// A handshake I/O error from tokio-rustls, which wraps `rustls::Error` in `io::Error`.
pub(crate) fn from_io(err: &std::io::Error) -> TlsError {
    match err.get_ref().and_then(|e| e.downcast_ref::<Error>()) {
        Some(tls) => from_rustls(tls),
        None => TlsError::io(err),
    }
}

/// A rustls error with Node's code.
pub(crate) fn from_rustls(err: &Error) -> TlsError {
    match err {
        Error::InvalidCertificate(CertificateError::Other(other)) => {
            match other.0.downcast_ref::<VerifyError>() {
                Some(v) => v.clone().into(),
                None => TlsError::new("ERR_SSL_CERTIFICATE_VERIFY_FAILED", err.to_string()),
            }
        }
        Error::InvalidCertificate(_) => {
            TlsError::new("ERR_SSL_CERTIFICATE_VERIFY_FAILED", err.to_string())
        }
        Error::AlertReceived(alert) => alert_error(*alert),
        Error::PeerIncompatible(p) => match p {
            PeerIncompatible::NoCipherSuitesInCommon => {
                TlsError::new("ERR_SSL_NO_SHARED_CIPHER", "no shared cipher")
            }
            PeerIncompatible::Tls12NotOffered
            | PeerIncompatible::Tls12NotOfferedOrEnabled
            | PeerIncompatible::Tls13RequiredForQuic
            | PeerIncompatible::SupportedVersionsExtensionRequired
            | PeerIncompatible::ServerTlsVersionIsDisabledByOurConfig => {
                TlsError::new("ERR_SSL_UNSUPPORTED_PROTOCOL", "unsupported protocol")
            }
            _ => TlsError::new("ERR_SSL_SSL_HANDSHAKE_FAILURE", err.to_string()),
        },
        Error::NoApplicationProtocol => {
            TlsError::new("ERR_SSL_NO_APPLICATION_PROTOCOL", "no application protocol")
        }
        Error::NoCertificatesPresented => TlsError::new(
            "ERR_SSL_PEER_DID_NOT_RETURN_A_CERTIFICATE",
            "peer did not return a certificate",
        ),
        Error::InvalidMessage(_) => {
            TlsError::new("ERR_SSL_WRONG_VERSION_NUMBER", "wrong version number")
        }
        Error::InconsistentKeys(_) => {
            TlsError::new("ERR_OSSL_X509_KEY_VALUES_MISMATCH", "key values mismatch")
        }
        _ => TlsError::new("ERR_SSL_SSL_HANDSHAKE_FAILURE", err.to_string()),
    }
}

/// An alert from the peer, named the way OpenSSL names "received alert" reasons.
fn alert_error(alert: AlertDescription) -> TlsError {
    let (code, text) = match alert {
        AlertDescription::HandshakeFailure => {
            ("ERR_SSL_SSLV3_ALERT_HANDSHAKE_FAILURE", "sslv3 alert handshake failure")
        }
        AlertDescription::BadCertificate => {
            ("ERR_SSL_SSLV3_ALERT_BAD_CERTIFICATE", "sslv3 alert bad certificate")
        }
        AlertDescription::CertificateExpired => {
            ("ERR_SSL_SSLV3_ALERT_CERTIFICATE_EXPIRED", "sslv3 alert certificate expired")
        }
        AlertDescription::UnknownCA => ("ERR_SSL_TLSV1_ALERT_UNKNOWN_CA", "tlsv1 alert unknown ca"),
        AlertDescription::ProtocolVersion => {
            ("ERR_SSL_TLSV1_ALERT_PROTOCOL_VERSION", "tlsv1 alert protocol version")
        }
        AlertDescription::InternalError => {
            ("ERR_SSL_TLSV1_ALERT_INTERNAL_ERROR", "tlsv1 alert internal error")
        }
        AlertDescription::DecryptError => {
            ("ERR_SSL_TLSV1_ALERT_DECRYPT_ERROR", "tlsv1 alert decrypt error")
        }
        AlertDescription::NoApplicationProtocol => {
            ("ERR_SSL_TLSV1_ALERT_NO_APPLICATION_PROTOCOL", "tlsv1 alert no application protocol")
        }
        AlertDescription::CertificateRequired => {
            ("ERR_SSL_TLSV13_ALERT_CERTIFICATE_REQUIRED", "tlsv13 alert certificate required")
        }
        AlertDescription::UnrecognisedName => {
            ("ERR_SSL_TLSV1_UNRECOGNIZED_NAME", "tlsv1 unrecognized name")
        }
        _ => ("ERR_SSL_SSL_HANDSHAKE_FAILURE", "ssl handshake failure"),
    };
    TlsError::new(code, format!("{text} (alert {alert:?})"))
}
