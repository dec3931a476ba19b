//! `io::tls`: what OpenSSL does for Node's `tls` and `https`, behind a swappable backend.
//!
//! # Design
//!
//! The JS `tls` module (in `modules`) owns the semantics: events, `rejectUnauthorized`
//! decisions it reports, `checkServerIdentity` overrides. This module owns the bytes: it turns a
//! plain byte stream into an encrypted one and reports the facts Node's `TLSSocket` exposes.
//!
//! - [`config`]: backend-neutral options. A [`SecureContext`] is Node's
//!   `tls.createSecureContext()` (decoded PEM via [`pem`]); [`ClientOptions`] and
//!   [`ServerOptions`] are the per-side options of `tls.connect()` and `tls.createServer()`,
//!   including SNI (`SNICallback`/`addContext`) and ALPN.
//! - [`TlsBackend`] builds a [`TlsConnector`] / [`TlsAcceptor`] from those options once; each
//!   then upgrades any [`IoStream`] into a [`TlsConnection`]. Building once matters: the
//!   connector's session cache and the acceptor's ticket keys are what make resumption work,
//!   as with Node's per-agent session cache and per-server ticket keys.
//! - [`TlsConnection`] is a byte stream (tokio's `AsyncRead`/`AsyncWrite`, which stay inside
//!   `io`) plus [`TlsStreamInfo`]: authorization result, peer certificate, protocol, cipher,
//!   ALPN, servername, resumption. Shutting down the write side sends `close_notify` and
//!   half-closes the transport; reading after the peer's `close_notify` returns end-of-file.
//! - Verification codes and messages ([`VerifyError`]) are OpenSSL's as Node reports them,
//!   hostname checks are Node's own ([`check_server_identity`]), certificate fields are
//!   `getPeerCertificate()`'s ([`PeerCertificate`]), cipher names OpenSSL's ([`CipherInfo`]).
//!   These are shared by every backend.
//!
//! The default backend is rustls with the ring provider (feature `tls-rustls`), in
//! `rustls_backend`; the default CA set is Mozilla's, bundled through `webpki-root-certs`, because
//! that is what Node itself bundles and uses unless told otherwise (it does not read the OS
//! store by default), so the same certificates verify in both.

pub mod cert_info;
pub mod cipher;
pub mod config;
pub mod error;
pub mod identity;
pub mod pem;
pub mod roots;
#[cfg(feature = "tls-rustls")]
pub mod rustls_backend;

use std::sync::Arc;

use rustls_pki_types::CertificateDer;
use tokio::io::{AsyncRead, AsyncWrite};

pub use cert_info::{DistinguishedName, PeerCertificate};
pub use cipher::CipherInfo;
pub use config::{
    BoxFuture, ClientOptions, SecureContext, SecureContextOptions, ServerOptions, SniCallback,
    TicketKeys, TlsVersion,
};
pub use error::{TlsError, VerifyError};
pub use identity::check_server_identity;
#[cfg(feature = "tls-rustls")]
pub use rustls_backend::RustlsBackend;

/// A transport a TLS session can run over: any owned, unpinned, sendable byte stream.
pub trait IoStream: AsyncRead + AsyncWrite + Unpin + Send + 'static {}

impl<T: AsyncRead + AsyncWrite + Unpin + Send + 'static> IoStream for T {}

/// The facts Node's `TLSSocket` exposes about an established session.
pub trait TlsStreamInfo {
    /// Whether this is the server side of the session.
    fn is_server(&self) -> bool;

    /// `socket.authorized`: the peer's certificate was verified (server side: only when
    /// `requestCert` was set).
    fn authorized(&self) -> bool {
        self.authorization_error().is_none() && !self.peer_certificates().is_empty()
    }

    /// `socket.authorizationError`: why the peer was not authorized, when it was checked.
    fn authorization_error(&self) -> Option<&VerifyError>;

    /// `socket.getProtocol()`.
    fn protocol(&self) -> Option<TlsVersion>;

    /// `socket.getCipher()`.
    fn cipher(&self) -> Option<CipherInfo>;

    /// `socket.alpnProtocol`: the negotiated ALPN protocol, if any.
    fn alpn_protocol(&self) -> Option<&[u8]>;

    /// `socket.servername`: SNI sent (client) or received (server).
    fn servername(&self) -> Option<&str>;

    /// `socket.isSessionReused()`.
    fn is_session_reused(&self) -> bool;

    /// The sessions the server granted since the last call, as the buffers `getSession()`
    /// returns and `ClientOptions::session` takes (Node's `'session'` event); TLS 1.3
    /// tickets arrive after the handshake, with later reads.
    fn take_new_sessions(&self) -> Vec<Vec<u8>> {
        Vec::new()
    }

    /// The peer's certificate chain as sent, leaf first, DER.
    fn peer_certificates(&self) -> &[CertificateDer<'static>];

    /// `length` bytes of keying material for `label` and `context` (RFC 5705), as
    /// `exportKeyingMaterial()`; `None` when the session cannot export.
    fn export_keying_material(
        &self,
        _length: usize,
        _label: &[u8],
        _context: Option<&[u8]>,
    ) -> Option<Vec<u8>> {
        None
    }

    /// `socket.getPeerCertificate()`: the leaf's fields, or `None` without a certificate.
    fn peer_certificate(&self) -> Option<PeerCertificate> {
        self.peer_certificates().first().and_then(|der| PeerCertificate::from_der(der).ok())
    }

    /// `socket.getPeerCertificate(true)`: each certificate of the chain, leaf first; the JS
    /// layer links them through `issuerCertificate`.
    fn peer_certificate_chain(&self) -> Vec<PeerCertificate> {
        self.peer_certificates()
            .iter()
            .filter_map(|der| PeerCertificate::from_der(der).ok())
            .collect()
    }
}

/// An established TLS session: an encrypted byte stream plus what Node reports about it.
pub trait TlsConnection: TlsStreamInfo + AsyncRead + AsyncWrite + Unpin + Send {}

impl<T: TlsStreamInfo + AsyncRead + AsyncWrite + Unpin + Send> TlsConnection for T {}

/// The client half of a backend: one per `ClientOptions` (and so one session cache).
pub trait TlsConnector: Send + Sync {
    /// Runs the client handshake over `stream` for `host` (name or IP literal), which is both
    /// the SNI value (for names, when enabled) and the identity checked.
    fn connect(
        &self,
        host: &str,
        stream: Box<dyn IoStream>,
    ) -> BoxFuture<'static, Result<Box<dyn TlsConnection>, TlsError>>;
}

/// The server half of a backend: one per server (and so one ticket key and session cache).
pub trait TlsAcceptor: Send + Sync {
    /// Runs the server handshake over `stream`, choosing a context by SNI first.
    fn accept(
        &self,
        stream: Box<dyn IoStream>,
    ) -> BoxFuture<'static, Result<Box<dyn TlsConnection>, TlsError>>;
}

/// A TLS implementation: OpenSSL's role in Node. Swapped by cargo feature.
pub trait TlsBackend: Send + Sync {
    /// A short name for diagnostics (`process.versions`-style).
    fn name(&self) -> &'static str;

    /// Compiles client options into a connector (fails on bad material or versions).
    fn connector(&self, opts: ClientOptions) -> Result<Arc<dyn TlsConnector>, TlsError>;

    /// Compiles server options into an acceptor.
    fn acceptor(&self, opts: ServerOptions) -> Result<Arc<dyn TlsAcceptor>, TlsError>;
}

/// The backend selected by cargo features.
#[cfg(feature = "tls-rustls")]
pub fn default_backend() -> Arc<dyn TlsBackend> {
    Arc::new(RustlsBackend::new())
}
