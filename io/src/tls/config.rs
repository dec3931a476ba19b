//! Backend-neutral TLS configuration: Node's `tls.createSecureContext()` options and the
//! per-side options of `tls.connect()` / `tls.createServer()`.
//!
//! A [`SecureContext`] holds decoded material only (DER certificates, a key, optional CAs,
//! the version range); a backend compiles it into its own configuration once per connector or
//! acceptor, so that session caches live as long as the connector/acceptor does (that is what
//! makes resumption work, as Node's agent-wide session cache does). Options are plain
//! structs with `Default` so the JS layer fills only what the user passed.

use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;

use rustls_pki_types::{CertificateDer, PrivateKeyDer};

use super::error::TlsError;
use super::pem;

/// A TLS protocol version, named as Node names it (`TLSv1.2`, `TLSv1.3`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum TlsVersion {
    /// `TLSv1` (accepted as a name; no default backend speaks it).
    Tls10,
    /// `TLSv1.1` (accepted as a name; no default backend speaks it).
    Tls11,
    /// `TLSv1.2`.
    Tls12,
    /// `TLSv1.3`.
    Tls13,
}

impl TlsVersion {
    /// Parses Node's `minVersion`/`maxVersion` strings.
    ///
    /// Fails with `ERR_TLS_INVALID_PROTOCOL_VERSION`, Node's code for an unknown name.
    pub fn parse(name: &str) -> Result<Self, TlsError> {
        match name {
            "TLSv1" => Ok(Self::Tls10),
            "TLSv1.1" => Ok(Self::Tls11),
            "TLSv1.2" => Ok(Self::Tls12),
            "TLSv1.3" => Ok(Self::Tls13),
            _ => Err(TlsError::new(
                "ERR_TLS_INVALID_PROTOCOL_VERSION",
                format!("{name} is not a valid TLS protocol version"),
            )),
        }
    }

    /// Node's name for the version, as `socket.getProtocol()` returns it.
    pub fn name(self) -> &'static str {
        match self {
            Self::Tls10 => "TLSv1",
            Self::Tls11 => "TLSv1.1",
            Self::Tls12 => "TLSv1.2",
            Self::Tls13 => "TLSv1.3",
        }
    }
}

/// What the user passes to `tls.createSecureContext()` (PEM text, not yet decoded).
#[derive(Debug, Clone, Default)]
pub struct SecureContextOptions {
    /// `cert`: PEM certificate chain, leaf first.
    pub cert: Option<Vec<u8>>,
    /// `key`: PEM private key (PKCS#8, PKCS#1, SEC1 or encrypted PKCS#8).
    pub key: Option<Vec<u8>>,
    /// `passphrase` for an encrypted `key`.
    pub passphrase: Option<String>,
    /// `ca`: PEM CA certificates that replace the default root set, as in Node.
    pub ca: Option<Vec<Vec<u8>>>,
    /// `minVersion` (Node's default `TLSv1.2`).
    pub min_version: Option<String>,
    /// `maxVersion` (Node's default `TLSv1.3`).
    pub max_version: Option<String>,
}

/// Decoded TLS material and version range: Node's `SecureContext`.
#[derive(Debug)]
pub struct SecureContext {
    pub(crate) cert_chain: Vec<CertificateDer<'static>>,
    pub(crate) key: Option<PrivateKeyDer<'static>>,
    pub(crate) ca: Option<Vec<CertificateDer<'static>>>,
    pub(crate) min_version: TlsVersion,
    pub(crate) max_version: TlsVersion,
}

impl Default for SecureContext {
    fn default() -> Self {
        Self {
            cert_chain: Vec::new(),
            key: None,
            ca: None,
            min_version: TlsVersion::Tls12,
            max_version: TlsVersion::Tls13,
        }
    }
}

impl SecureContext {
    /// Decodes `opts` like `tls.createSecureContext(opts)`.
    pub fn new(opts: &SecureContextOptions) -> Result<Self, TlsError> {
        let cert_chain = match &opts.cert {
            Some(pem) => pem::parse_certificates(pem)?,
            None => Vec::new(),
        };
        let key = match &opts.key {
            Some(pem) => {
                Some(pem::parse_private_key(pem, opts.passphrase.as_deref().map(str::as_bytes))?)
            }
            None => None,
        };
        let ca = match &opts.ca {
            Some(list) => {
                let mut all = Vec::new();
                for pem in list {
                    all.extend(pem::parse_certificates(pem)?);
                }
                Some(all)
            }
            None => None,
        };
        let min_version = match &opts.min_version {
            Some(v) => TlsVersion::parse(v)?,
            None => TlsVersion::Tls12,
        };
        let max_version = match &opts.max_version {
            Some(v) => TlsVersion::parse(v)?,
            None => TlsVersion::Tls13,
        };
        Ok(Self { cert_chain, key, ca, min_version, max_version })
    }

    /// Builds a context from already-decoded DER material (for callers that hold DER).
    pub fn from_der(
        cert_chain: Vec<CertificateDer<'static>>,
        key: Option<PrivateKeyDer<'static>>,
        ca: Option<Vec<CertificateDer<'static>>>,
    ) -> Self {
        Self { cert_chain, key, ca, ..Self::default() }
    }

    /// Sets the version range (`minVersion`, `maxVersion`).
    pub fn with_versions(mut self, min: TlsVersion, max: TlsVersion) -> Self {
        self.min_version = min;
        self.max_version = max;
        self
    }

    /// The certificate chain this context presents (leaf first), as DER.
    pub fn cert_chain(&self) -> &[CertificateDer<'static>] {
        &self.cert_chain
    }

    /// The private key matching [`Self::cert_chain`], if one was given.
    pub fn key(&self) -> Option<&PrivateKeyDer<'static>> {
        self.key.as_ref()
    }

    /// The `ca` list; `None` means the backend's default roots.
    pub fn ca(&self) -> Option<&[CertificateDer<'static>]> {
        self.ca.as_deref()
    }

    /// The `minVersion`..=`maxVersion` range.
    pub fn versions(&self) -> (TlsVersion, TlsVersion) {
        (self.min_version, self.max_version)
    }
}

/// A boxed future, so that the traits in this module stay object-safe.
pub type BoxFuture<'a, T> = Pin<Box<dyn Future<Output = T> + Send + 'a>>;

/// Node's `SNICallback(servername, cb)`: picks a context for a servername, or `None` for the
/// server's default context.
pub type SniCallback = Arc<
    dyn Fn(String) -> BoxFuture<'static, Result<Option<Arc<SecureContext>>, TlsError>>
        + Send
        + Sync,
>;

/// Options of the client side: `tls.connect()`.
#[derive(Debug, Clone)]
pub struct ClientOptions {
    /// Certificates (`ca`), client certificate (`cert`/`key`) and versions.
    pub context: Arc<SecureContext>,
    /// `rejectUnauthorized` (default `true`): fail the handshake on a verification error.
    pub reject_unauthorized: bool,
    /// Whether to run Node's default `checkServerIdentity`. A JS layer that runs a user's
    /// `checkServerIdentity` turns this off and calls [`super::check_server_identity`] itself.
    pub check_server_identity: bool,
    /// `ALPNProtocols`, in preference order.
    pub alpn_protocols: Vec<Vec<u8>>,
    /// Whether to send SNI; Node sends it unless `servername` is `''` or the host is an IP.
    pub enable_sni: bool,
    /// Node's `session` option: a buffer an earlier connection's `getSession()` returned,
    /// to resume that session.
    pub session: Option<Vec<u8>>,
}

impl Default for ClientOptions {
    fn default() -> Self {
        Self {
            context: Arc::new(SecureContext::default()),
            reject_unauthorized: true,
            check_server_identity: true,
            alpn_protocols: Vec::new(),
            enable_sni: true,
            session: None,
        }
    }
}

/// Options of the server side: `tls.createServer()`.
#[derive(Clone)]
pub struct ServerOptions {
    /// The default context (`cert`, `key`, `ca` for client certificates, versions).
    pub context: Arc<SecureContext>,
    /// `server.addContext(hostname, context)` entries, in the order added; `*` matches one label.
    pub sni_contexts: Vec<(String, Arc<SecureContext>)>,
    /// `SNICallback`; replaces the `sni_contexts` lookup when set, as in Node.
    pub sni_callback: Option<SniCallback>,
    /// `ALPNProtocols`, in the server's preference order.
    pub alpn_protocols: Vec<Vec<u8>>,
    /// `requestCert`: ask the client for a certificate.
    pub request_cert: bool,
    /// `rejectUnauthorized` (with `requestCert`): fail the handshake on a bad client cert.
    pub reject_unauthorized: bool,
    /// Issue session tickets (Node's default; `SSL_OP_NO_TICKET` turns them off).
    pub session_tickets: bool,
    /// `ticketKeys`: the keys tickets are sealed with, shared by servers that should resume
    /// each other's sessions; `None` lets the backend make its own.
    pub ticket_keys: Option<Arc<TicketKeys>>,
}

/// Node's 48 bytes of session ticket keys (`server.setTicketKeys()`), changeable while the
/// server runs: tickets sealed under the old keys then stop resuming.
#[derive(Debug)]
pub struct TicketKeys(std::sync::RwLock<[u8; 48]>);

impl TicketKeys {
    /// Keys from Node's 48-byte buffer.
    pub fn new(keys: [u8; 48]) -> Self {
        Self(std::sync::RwLock::new(keys))
    }

    /// Replaces the keys (`setTicketKeys`).
    pub fn set(&self, keys: [u8; 48]) {
        *self.0.write().unwrap_or_else(|e| e.into_inner()) = keys;
    }

    /// The current keys.
    pub fn get(&self) -> [u8; 48] {
        *self.0.read().unwrap_or_else(|e| e.into_inner())
    }
}

impl Default for ServerOptions {
    fn default() -> Self {
        Self {
            context: Arc::new(SecureContext::default()),
            sni_contexts: Vec::new(),
            sni_callback: None,
            alpn_protocols: Vec::new(),
            request_cert: false,
            reject_unauthorized: true,
            session_tickets: true,
            ticket_keys: None,
        }
    }
}

impl std::fmt::Debug for ServerOptions {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ServerOptions")
            .field("context", &self.context)
            .field("sni_contexts", &self.sni_contexts)
            .field("sni_callback", &self.sni_callback.is_some())
            .field("alpn_protocols", &self.alpn_protocols)
            .field("request_cert", &self.request_cert)
            .field("reject_unauthorized", &self.reject_unauthorized)
            .field("session_tickets", &self.session_tickets)
            .finish()
    }
}

/// Node's `addContext` match: case-insensitive, `*` standing for any run of non-dot characters.
pub fn sni_pattern_matches(pattern: &str, servername: &str) -> bool {
    fn go(p: &[u8], s: &[u8]) -> bool {
        match p.split_first() {
            None => s.is_empty(),
            Some((b'*', rest)) => {
                // `*` is `[^.]*`: try every split that stays inside one label.
                let mut i = 0;
                loop {
                    if go(rest, &s[i..]) {
                        return true;
                    }
                    if i == s.len() || s[i] == b'.' {
                        return false;
                    }
                    i += 1;
                }
            }
            Some((c, rest)) => match s.split_first() {
                Some((d, srest)) if c.eq_ignore_ascii_case(d) => go(rest, srest),
                _ => false,
            },
        }
    }
    go(pattern.as_bytes(), servername.as_bytes())
}

/// The context `addContext` entries choose for `servername`: the latest added match wins.
pub fn lookup_sni_context(
    contexts: &[(String, Arc<SecureContext>)],
    servername: &str,
) -> Option<Arc<SecureContext>> {
    contexts
        .iter()
        .rev()
        .find(|(pattern, _)| sni_pattern_matches(pattern, servername))
        .map(|(_, ctx)| ctx.clone())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn versions_parse_like_node() {
        assert_eq!(TlsVersion::parse("TLSv1.3").unwrap().name(), "TLSv1.3");
        let err = TlsVersion::parse("TLSv9").unwrap_err();
        assert_eq!(err.code(), "ERR_TLS_INVALID_PROTOCOL_VERSION");
    }

    #[test]
    fn sni_patterns() {
        assert!(sni_pattern_matches("*.example.com", "a.example.com"));
        assert!(sni_pattern_matches("*.Example.com", "A.example.COM"));
        assert!(!sni_pattern_matches("*.example.com", "a.b.example.com"));
        assert!(!sni_pattern_matches("*.example.com", "example.com"));
        assert!(sni_pattern_matches("exact.test", "exact.test"));
        assert!(!sni_pattern_matches("exact.test", "exact.test.x"));
    }
}
