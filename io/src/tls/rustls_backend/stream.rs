//! [`RustlsStream`]: an established rustls session as a [`TlsConnection`](crate::tls::TlsConnection).
//!
//! Reads and writes go straight to tokio-rustls. The facts Node asks for are taken once,
//! right after the handshake, into plain fields, so that the getters are cheap, borrow
//! nothing from rustls, and answer the same after the session has closed (Node allows
//! `getPeerCertificate()` in a `'close'` handler).
//!
//! Close semantics are tokio-rustls': `poll_shutdown` sends `close_notify` then shuts down the
//! transport's write side (a half-close), and reading continues until the peer's
//! `close_notify`, which reads as end-of-file. A transport EOF without `close_notify` is an
//! `UnexpectedEof` error here; the loop's TLS handle reads it as an end, as Node does.

use std::io;
use std::pin::Pin;
use std::task::{Context, Poll};

use rustls::{CommonState, HandshakeKind, ProtocolVersion};
use rustls_pki_types::CertificateDer;
use tokio::io::{AsyncRead, AsyncWrite, ReadBuf};

use crate::tls::cipher::CipherInfo;
use crate::tls::config::TlsVersion;
use crate::tls::error::VerifyError;
use crate::tls::{IoStream, TlsStreamInfo};

/// Session facts captured when the handshake completed.
#[derive(Debug, Default)]
pub(crate) struct SessionFacts {
    pub(crate) is_server: bool,
    pub(crate) protocol: Option<TlsVersion>,
    pub(crate) cipher: Option<CipherInfo>,
    pub(crate) alpn: Option<Vec<u8>>,
    pub(crate) servername: Option<String>,
    pub(crate) resumed: bool,
    pub(crate) peer_certs: Vec<CertificateDer<'static>>,
    /// `None` when authorized or when the peer's certificate was not checked (a server that
    /// did not request one).
    pub(crate) authorization_error: Option<VerifyError>,
    /// Whether the peer certificate was checked at all (clients always; servers with
    /// `requestCert`).
    pub(crate) checked: bool,
    /// Client side: session tokens the server granted, not yet taken by JS.
    pub(crate) new_sessions: Option<std::sync::Arc<super::sessions::NewSessions>>,
}

impl SessionFacts {
    /// Reads what rustls knows about a just-completed handshake.
    pub(crate) fn from_state(state: &CommonState, is_server: bool) -> Self {
        let protocol = state.protocol_version().and_then(|v| match v {
            ProtocolVersion::TLSv1_3 => Some(TlsVersion::Tls13),
            ProtocolVersion::TLSv1_2 => Some(TlsVersion::Tls12),
            _ => None,
        });
        let cipher = state.negotiated_cipher_suite().map(|s| {
            let iana =
                s.suite().as_str().map(str::to_owned).unwrap_or_else(|| format!("{:?}", s.suite()));
            CipherInfo::from_standard_name(&iana)
        });
        Self {
            is_server,
            protocol,
            cipher,
            alpn: state.alpn_protocol().map(<[u8]>::to_vec),
            resumed: matches!(state.handshake_kind(), Some(HandshakeKind::Resumed)),
            peer_certs: state
                .peer_certificates()
                .map(<[CertificateDer<'static>]>::to_vec)
                .unwrap_or_default(),
            ..Self::default()
        }
    }
}

/// An established TLS session over a boxed transport, from the rustls backend.
pub struct RustlsStream {
    inner: tokio_rustls::TlsStream<Box<dyn IoStream>>,
    facts: SessionFacts,
}

impl RustlsStream {
    pub(crate) fn new(
        inner: tokio_rustls::TlsStream<Box<dyn IoStream>>,
        facts: SessionFacts,
    ) -> Self {
        Self { inner, facts }
    }
}

impl std::fmt::Debug for RustlsStream {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("RustlsStream").field("facts", &self.facts).finish_non_exhaustive()
    }
}

impl TlsStreamInfo for RustlsStream {
    fn is_server(&self) -> bool {
        self.facts.is_server
    }

    fn authorized(&self) -> bool {
        self.facts.checked && self.facts.authorization_error.is_none()
    }

    fn authorization_error(&self) -> Option<&VerifyError> {
        self.facts.authorization_error.as_ref()
    }

    fn protocol(&self) -> Option<TlsVersion> {
        self.facts.protocol
    }

    fn cipher(&self) -> Option<CipherInfo> {
        self.facts.cipher.clone()
    }

    fn alpn_protocol(&self) -> Option<&[u8]> {
        self.facts.alpn.as_deref()
    }

    fn servername(&self) -> Option<&str> {
        self.facts.servername.as_deref()
    }

    fn is_session_reused(&self) -> bool {
        self.facts.resumed
    }

    fn take_new_sessions(&self) -> Vec<Vec<u8>> {
        match &self.facts.new_sessions {
            Some(queue) => queue.take_tokens(self.facts.resumed),
            None => Vec::new(),
        }
    }

    fn peer_certificates(&self) -> &[CertificateDer<'static>] {
        &self.facts.peer_certs
    }

    fn export_keying_material(
        &self,
        length: usize,
        label: &[u8],
        context: Option<&[u8]>,
    ) -> Option<Vec<u8>> {
        let out = vec![0u8; length];
        match &self.inner {
            tokio_rustls::TlsStream::Client(s) => {
                s.get_ref().1.export_keying_material(out, label, context).ok()
            }
            tokio_rustls::TlsStream::Server(s) => {
                s.get_ref().1.export_keying_material(out, label, context).ok()
            }
        }
    }
}

impl AsyncRead for RustlsStream {
    fn poll_read(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &mut ReadBuf<'_>,
    ) -> Poll<io::Result<()>> {
        Pin::new(&mut self.inner).poll_read(cx, buf)
    }
}

impl AsyncWrite for RustlsStream {
    fn poll_write(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &[u8],
    ) -> Poll<io::Result<usize>> {
        Pin::new(&mut self.inner).poll_write(cx, buf)
    }

    fn poll_flush(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        Pin::new(&mut self.inner).poll_flush(cx)
    }

    fn poll_shutdown(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        Pin::new(&mut self.inner).poll_shutdown(cx)
    }

    fn poll_write_vectored(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        bufs: &[io::IoSlice<'_>],
    ) -> Poll<io::Result<usize>> {
        Pin::new(&mut self.inner).poll_write_vectored(cx, bufs)
    }

    fn is_write_vectored(&self) -> bool {
        self.inner.is_write_vectored()
    }
}
