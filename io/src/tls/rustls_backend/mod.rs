//! The default TLS backend: rustls with the `ring` crypto provider, over tokio-rustls.
//!
//! [`RustlsBackend`] compiles [`ClientOptions`] into one `rustls::ClientConfig` (so its
//! in-memory session cache serves every connection made through the connector) and
//! [`ServerOptions`] into one `ServerConfig` per [`SecureContext`], all sharing one session
//! store and one ticket key (so a session resumes whichever SNI context served it).
//!
//! The server reads the ClientHello before choosing a configuration (tokio-rustls'
//! `LazyConfigAcceptor`): that is how Node's `SNICallback` can be asynchronous and return a
//! whole context, with its own certificate, CA list and versions, not just a key.
//!
//! Verification and error mapping live in [`verify`] and [`errors`]; the session object in
//! [`stream`].

pub mod errors;
mod sessions;
pub mod stream;
mod tickets;
pub mod verify;

use std::collections::HashMap;
use std::sync::{Arc, Mutex, OnceLock};

use rustls::crypto::{CryptoProvider, WebPkiSupportedAlgorithms};
use rustls::server::{ProducesTickets, ServerSessionMemoryCache, StoresServerSessions};
use rustls::sign::SingleCertAndKey;
use rustls::{ClientConfig, RootCertStore, ServerConfig, SupportedProtocolVersion};
use rustls_pki_types::ServerName;
use tokio_rustls::{LazyConfigAcceptor, TlsStream};

use crate::tls::config::{lookup_sni_context, BoxFuture, ClientOptions, ServerOptions, TlsVersion};
use crate::tls::error::TlsError;
use crate::tls::{
    IoStream, SecureContext, SniCallback, TlsAcceptor, TlsBackend, TlsConnection, TlsConnector,
};

pub use stream::RustlsStream;

use stream::SessionFacts;
use verify::{verify_chain, verify_server, NodeClientVerifier, NodeServerVerifier, Peer};

/// How many SNI-selected contexts an acceptor keeps compiled before starting afresh.
const CONFIG_CACHE_LIMIT: usize = 256;
/// Server-side session cache size (sessions kept for ID/stateful-ticket resumption).
const SERVER_SESSION_CACHE: usize = 1024;

/// The rustls + ring backend.
#[derive(Debug, Clone)]
pub struct RustlsBackend {
    provider: Arc<CryptoProvider>,
}

impl Default for RustlsBackend {
    fn default() -> Self {
        Self::new()
    }
}

impl RustlsBackend {
    /// A backend on ring's default provider (all of rustls' TLS 1.2 and 1.3 suites).
    pub fn new() -> Self {
        Self { provider: Arc::new(rustls::crypto::ring::default_provider()) }
    }

    fn algs(&self) -> WebPkiSupportedAlgorithms {
        self.provider.signature_verification_algorithms
    }
}

/// Mozilla's root set (`roots::bundled_root_certificates`) as trust anchors, built once:
/// Node's default CA list.
fn default_roots() -> Arc<RootCertStore> {
    static ROOTS: OnceLock<Arc<RootCertStore>> = OnceLock::new();
    ROOTS
        .get_or_init(|| {
            let mut store = RootCertStore::empty();
            store.add_parsable_certificates(
                crate::tls::roots::bundled_root_certificates().iter().cloned(),
            );
            Arc::new(store)
        })
        .clone()
}

/// The trust anchors of a context: its `ca` list, or the default roots when it has none.
fn roots_for(ctx: &SecureContext) -> Result<Arc<RootCertStore>, TlsError> {
    let Some(ca) = &ctx.ca else {
        return Ok(default_roots());
    };
    let mut store = RootCertStore::empty();
    for cert in ca {
        store.add(cert.clone()).map_err(|e| {
            TlsError::new("ERR_OSSL_X509_UNSUPPORTED", format!("unusable CA certificate: {e}"))
        })?;
    }
    Ok(Arc::new(store))
}

/// rustls' versions for a `minVersion..=maxVersion` range.
fn versions_for(ctx: &SecureContext) -> Result<Vec<&'static SupportedProtocolVersion>, TlsError> {
    let (min, max) = (ctx.min_version, ctx.max_version);
    let mut out = Vec::new();
    if min <= TlsVersion::Tls12 && max >= TlsVersion::Tls12 {
        out.push(&rustls::version::TLS12);
    }
    if min <= TlsVersion::Tls13 && max >= TlsVersion::Tls13 {
        out.push(&rustls::version::TLS13);
    }
    if out.is_empty() {
        return Err(TlsError::new(
            "ERR_SSL_NO_PROTOCOLS_AVAILABLE",
            format!(
                "no protocols available: {}..{} (this backend speaks TLSv1.2 and TLSv1.3)",
                min.name(),
                max.name()
            ),
        ));
    }
    Ok(out)
}

impl TlsBackend for RustlsBackend {
    fn name(&self) -> &'static str {
        "rustls"
    }

    fn connector(&self, opts: ClientOptions) -> Result<Arc<dyn TlsConnector>, TlsError> {
        let ctx = &opts.context;
        let roots = roots_for(ctx)?;
        let key = sessions::OriginKey {
            ca: ctx.ca.clone(),
            client_chain: ctx.cert_chain.clone(),
            client_key: ctx.key.as_ref().map(|k| k.secret_der().to_vec()),
            reject_unauthorized: opts.reject_unauthorized,
            check_server_identity: opts.check_server_identity,
        };
        // Resuming needs the verifier and resolver the session was made with.
        let reusable =
            opts.session.as_deref().and_then(sessions::origin_of).filter(|o| o.key == key);
        let origin = match reusable {
            Some(origin) => origin,
            None => {
                let verifier: Arc<dyn rustls::client::danger::ServerCertVerifier> =
                    Arc::new(NodeServerVerifier {
                        roots: roots.clone(),
                        algs: self.algs(),
                        reject_unauthorized: opts.reject_unauthorized,
                        check_identity: opts.check_server_identity,
                    });
                let resolver: Arc<dyn rustls::client::ResolvesClientCert> = match &ctx.key {
                    Some(k) if !ctx.cert_chain.is_empty() => Arc::new(SingleCertAndKey::from(
                        certified_key(&self.provider, &ctx.cert_chain, k)?,
                    )),
                    _ => Arc::new(NoClientCert),
                };
                Arc::new(sessions::Origin { key, verifier, resolver })
            }
        };
        let mut config = ClientConfig::builder_with_provider(self.provider.clone())
            .with_protocol_versions(&versions_for(ctx)?)
            .map_err(|e| errors::from_rustls(&e))?
            .dangerous()
            .with_custom_certificate_verifier(origin.verifier.clone())
            .with_client_cert_resolver(origin.resolver.clone());
        config.alpn_protocols = opts.alpn_protocols.clone();
        config.enable_sni = opts.enable_sni;
        // One store per connector, and JS makes one connector per connection: sessions move
        // between connections only as tokens (see `sessions`).
        let (store, new_sessions) =
            sessions::NodeSessionStore::new(origin, opts.session.as_deref());
        config.resumption = rustls::client::Resumption::store(Arc::new(store));
        Ok(Arc::new(RustlsConnector {
            inner: Arc::new(ConnectorInner {
                config: Arc::new(config),
                roots,
                algs: self.algs(),
                opts,
                new_sessions,
            }),
        }))
    }

    fn acceptor(&self, opts: ServerOptions) -> Result<Arc<dyn TlsAcceptor>, TlsError> {
        let ticketer: Option<Arc<dyn ProducesTickets>> =
            match (&opts.ticket_keys, opts.session_tickets) {
                (_, false) => None,
                (Some(keys), true) => Some(Arc::new(tickets::NodeTicketer::new(keys.clone()))),
                (None, true) => Some(
                    rustls::crypto::ring::Ticketer::new().map_err(|e| errors::from_rustls(&e))?,
                ),
            };
        let inner = AcceptorInner {
            provider: self.provider.clone(),
            storage: ServerSessionMemoryCache::new(SERVER_SESSION_CACHE),
            ticketer,
            configs: Mutex::new(HashMap::new()),
            sni_callback: opts.sni_callback.clone(),
            opts,
        };
        // Compile the default context now, so a bad key fails `createServer`, not a handshake.
        if !inner.opts.context.cert_chain.is_empty() {
            inner.config_for(&inner.opts.context.clone())?;
        }
        Ok(Arc::new(RustlsAcceptor { inner: Arc::new(inner) }))
    }
}

/// A client that has no certificate to offer (rustls' own is private).
#[derive(Debug)]
struct NoClientCert;

impl rustls::client::ResolvesClientCert for NoClientCert {
    fn resolve(
        &self,
        _root_hint_subjects: &[&[u8]],
        _sigschemes: &[rustls::SignatureScheme],
    ) -> Option<Arc<rustls::sign::CertifiedKey>> {
        None
    }

    fn has_certs(&self) -> bool {
        false
    }
}

/// What a client connection needs; shared by the futures `connect` returns.
struct ConnectorInner {
    config: Arc<ClientConfig>,
    roots: Arc<RootCertStore>,
    algs: WebPkiSupportedAlgorithms,
    opts: ClientOptions,
    new_sessions: Arc<sessions::NewSessions>,
}

/// [`TlsConnector`] over one `ClientConfig` (one session cache).
struct RustlsConnector {
    inner: Arc<ConnectorInner>,
}

impl TlsConnector for RustlsConnector {
    fn connect(
        &self,
        host: &str,
        stream: Box<dyn IoStream>,
    ) -> BoxFuture<'static, Result<Box<dyn TlsConnection>, TlsError>> {
        let inner = self.inner.clone();
        // IPv6 literals may come bracketed from URLs.
        let host =
            host.strip_prefix('[').and_then(|h| h.strip_suffix(']')).unwrap_or(host).to_owned();
        Box::pin(async move {
            let server_name = ServerName::try_from(host.clone()).map_err(|_| {
                TlsError::new(
                    "ERR_INVALID_ARG_VALUE",
                    format!("The argument 'servername' is invalid. Received '{host}'"),
                )
            })?;
            let sni = match &server_name {
                ServerName::DnsName(_) if inner.opts.enable_sni => Some(host.clone()),
                _ => None,
            };
            let connector = tokio_rustls::TlsConnector::from(inner.config.clone());
            let tls =
                connector.connect(server_name, stream).await.map_err(|e| errors::from_io(&e))?;
            let mut facts = SessionFacts::from_state(tls.get_ref().1, false);
            facts.servername = sni;
            facts.checked = true;
            facts.new_sessions = Some(inner.new_sessions.clone());
            if !inner.opts.reject_unauthorized {
                facts.authorization_error = verify_server(
                    &facts.peer_certs,
                    &host,
                    &inner.roots,
                    &inner.algs,
                    rustls_pki_types::UnixTime::now(),
                    inner.opts.check_server_identity,
                )
                .err();
            }
            let stream: Box<dyn TlsConnection> =
                Box::new(RustlsStream::new(TlsStream::Client(tls), facts));
            Ok(stream)
        })
    }
}

/// A compiled server configuration and the trust anchors used for client certificates.
struct CompiledContext {
    /// Held so the cache key (the context's address) cannot be reused while cached.
    _ctx: Arc<SecureContext>,
    config: Arc<ServerConfig>,
    roots: Arc<RootCertStore>,
}

/// What a server connection needs; shared by the futures `accept` returns.
struct AcceptorInner {
    provider: Arc<CryptoProvider>,
    storage: Arc<ServerSessionMemoryCache>,
    ticketer: Option<Arc<dyn ProducesTickets>>,
    configs: Mutex<HashMap<usize, Arc<CompiledContext>>>,
    sni_callback: Option<SniCallback>,
    opts: ServerOptions,
}

impl AcceptorInner {
    /// The compiled configuration for `ctx`, compiling and caching it on first use.
    fn config_for(&self, ctx: &Arc<SecureContext>) -> Result<Arc<CompiledContext>, TlsError> {
        let key = Arc::as_ptr(ctx) as usize;
        if let Ok(map) = self.configs.lock() {
            if let Some(found) = map.get(&key) {
                return Ok(found.clone());
            }
        }
        let compiled = Arc::new(self.compile(ctx)?);
        if let Ok(mut map) = self.configs.lock() {
            if map.len() >= CONFIG_CACHE_LIMIT {
                map.clear();
            }
            map.insert(key, compiled.clone());
        }
        Ok(compiled)
    }

    fn compile(&self, ctx: &Arc<SecureContext>) -> Result<CompiledContext, TlsError> {
        let Some(key) = &ctx.key else {
            // OpenSSL's reason when a server has no certificate to offer.
            return Err(TlsError::new("ERR_SSL_NO_SHARED_CIPHER", "no shared cipher"));
        };
        if ctx.cert_chain.is_empty() {
            return Err(TlsError::new("ERR_SSL_NO_SHARED_CIPHER", "no shared cipher"));
        }
        let roots = roots_for(ctx)?;
        let builder = ServerConfig::builder_with_provider(self.provider.clone())
            .with_protocol_versions(&versions_for(ctx)?)
            .map_err(|e| errors::from_rustls(&e))?;
        let builder = if self.opts.request_cert {
            builder.with_client_cert_verifier(Arc::new(NodeClientVerifier::new(
                roots.clone(),
                self.provider.signature_verification_algorithms,
                self.opts.reject_unauthorized,
            )))
        } else {
            builder.with_no_client_auth()
        };
        let certified = certified_key(&self.provider, &ctx.cert_chain, key)?;
        let mut config = builder.with_cert_resolver(Arc::new(SingleCertAndKey::from(certified)));
        config.alpn_protocols = self.opts.alpn_protocols.clone();
        config.session_storage = self.storage.clone() as Arc<dyn StoresServerSessions>;
        if let Some(t) = &self.ticketer {
            config.ticketer = t.clone();
        }
        Ok(CompiledContext { _ctx: ctx.clone(), config: Arc::new(config), roots })
    }

    /// Node's context choice: `SNICallback` if set, else `addContext` entries, else default.
    async fn choose(&self, servername: Option<&str>) -> Result<Arc<SecureContext>, TlsError> {
        let Some(name) = servername else {
            return Ok(self.opts.context.clone());
        };
        let chosen = match &self.sni_callback {
            Some(cb) => cb(name.to_owned()).await?,
            None => lookup_sni_context(&self.opts.sni_contexts, name),
        };
        Ok(chosen.unwrap_or_else(|| self.opts.context.clone()))
    }
}

/// [`TlsAcceptor`] choosing a `ServerConfig` per ClientHello.
struct RustlsAcceptor {
    inner: Arc<AcceptorInner>,
}

impl TlsAcceptor for RustlsAcceptor {
    fn accept(
        &self,
        stream: Box<dyn IoStream>,
    ) -> BoxFuture<'static, Result<Box<dyn TlsConnection>, TlsError>> {
        let inner = self.inner.clone();
        Box::pin(async move {
            let start = LazyConfigAcceptor::new(rustls::server::Acceptor::default(), stream)
                .await
                .map_err(|e| errors::from_io(&e))?;
            let sni = start.client_hello().server_name().map(str::to_owned);
            let ctx = inner.choose(sni.as_deref()).await?;
            let compiled = inner.config_for(&ctx)?;
            let tls = start
                .into_stream(compiled.config.clone())
                .await
                .map_err(|e| errors::from_io(&e))?;
            let mut facts = SessionFacts::from_state(tls.get_ref().1, true);
            facts.servername = sni;
            facts.checked = inner.opts.request_cert;
            if inner.opts.request_cert && !inner.opts.reject_unauthorized {
                facts.authorization_error = verify_chain(
                    &facts.peer_certs,
                    &compiled.roots,
                    &inner.provider.signature_verification_algorithms,
                    rustls_pki_types::UnixTime::now(),
                    Peer::Client,
                )
                .err();
            }
            let stream: Box<dyn TlsConnection> =
                Box::new(RustlsStream::new(TlsStream::Server(tls), facts));
            Ok(stream)
        })
    }
}

/// The certificate chain and its signing key, checked to belong together. rustls' own
/// check (`with_single_cert`) parses the leaf with webpki, which refuses X.509 v1
/// certificates that OpenSSL and Node accept; the key match is done here on the leaf's
/// SubjectPublicKeyInfo as x509-parser reads it, for any version.
fn certified_key(
    provider: &rustls::crypto::CryptoProvider,
    chain: &[rustls_pki_types::CertificateDer<'static>],
    key: &rustls_pki_types::PrivateKeyDer<'static>,
) -> Result<rustls::sign::CertifiedKey, TlsError> {
    let signing_key = provider
        .key_provider
        .load_private_key(key.clone_key())
        .map_err(|e| errors::from_rustls(&e))?;
    if let (Some(key_spki), Some(leaf)) = (signing_key.public_key(), chain.first()) {
        use x509_parser::prelude::{FromDer, X509Certificate};
        let matches = X509Certificate::from_der(leaf.as_ref())
            .map(|(_, cert)| cert.tbs_certificate.subject_pki.raw == key_spki.as_ref())
            .unwrap_or(true);
        if !matches {
            return Err(TlsError::new("ERR_OSSL_X509_KEY_VALUES_MISMATCH", "key values mismatch"));
        }
    }
    Ok(rustls::sign::CertifiedKey::new(chain.to_vec(), signing_key))
}
