//! Client sessions as Node hands them around: `tlsSocket.getSession()` and the `'session'`
//! event give JS an opaque buffer, and `tls.connect({ session })` resumes with it, on any
//! later connection (https.Agent keeps one per host this way).
//!
//! OpenSSL's buffer is the DER of an `SSL_SESSION`; rustls keeps its session values opaque
//! and unserialisable, so the buffer here is a token: a magic prefix and 16 random bytes that
//! name the value in a process-wide registry. A TLS 1.2 session can seed any number of
//! connections; a TLS 1.3 ticket is single-use (RFC 8446 §C.4), so seeding takes it out.
//! The registry is bounded: the oldest tokens are forgotten first, as a cache would.
//!
//! rustls resumes a session only under the very certificate verifier and client-certificate
//! resolver (the same `Arc`s) that made it, while JS builds a connector per connection. So
//! each session remembers its [`Origin`], and a connection seeded from it reuses the origin's
//! verifier and resolver when its own verification settings are the same ([`OriginKey`]).

use std::collections::{HashMap, VecDeque};
use std::sync::{Arc, Mutex, OnceLock};

use rustls::client::danger::ServerCertVerifier;
use rustls::client::{
    ClientSessionStore, ResolvesClientCert, Tls12ClientSessionValue, Tls13ClientSessionValue,
};
use rustls::NamedGroup;
use rustls_pki_types::{CertificateDer, ServerName};

/// What decides how a client verifies the server and authenticates itself: connections that
/// agree on it may share sessions.
#[derive(PartialEq, Eq)]
pub(crate) struct OriginKey {
    pub(crate) ca: Option<Vec<CertificateDer<'static>>>,
    pub(crate) client_chain: Vec<CertificateDer<'static>>,
    pub(crate) client_key: Option<Vec<u8>>,
    pub(crate) reject_unauthorized: bool,
    pub(crate) check_server_identity: bool,
}

/// The verifier and resolver a connection's sessions are bound to, with the settings they
/// were built from.
pub(crate) struct Origin {
    pub(crate) key: OriginKey,
    pub(crate) verifier: Arc<dyn ServerCertVerifier>,
    pub(crate) resolver: Arc<dyn ResolvesClientCert>,
}

/// What every session token starts with, so a foreign buffer is recognised and ignored.
const MAGIC: &[u8; 4] = b"OXS1";
/// Tokens remembered at most (sessions are small; this bounds a long-lived client).
const REGISTRY_LIMIT: usize = 4096;

/// One remembered session.
enum SessionValue {
    Tls12(Tls12ClientSessionValue),
    Tls13(Tls13ClientSessionValue),
}

/// The process-wide token → (session, origin) map, oldest first in `order`.
#[derive(Default)]
struct Registry {
    sessions: HashMap<[u8; 16], (SessionValue, Arc<Origin>)>,
    order: VecDeque<[u8; 16]>,
}

fn registry() -> &'static Mutex<Registry> {
    static REGISTRY: OnceLock<Mutex<Registry>> = OnceLock::new();
    REGISTRY.get_or_init(Mutex::default)
}

/// The buffer JS sees for session `id`.
fn token(id: &[u8; 16]) -> Vec<u8> {
    let mut token = MAGIC.to_vec();
    token.extend_from_slice(id);
    token
}

/// Stores `value` under a fresh id and returns it.
fn register(value: SessionValue, origin: Arc<Origin>) -> [u8; 16] {
    let mut id = [0u8; 16];
    if ring::rand::SecureRandom::fill(&ring::rand::SystemRandom::new(), &mut id).is_err() {
        // Without randomness the token only has to be unique within this process.
        static COUNTER: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(1);
        let n = COUNTER.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        id[..8].copy_from_slice(&n.to_le_bytes());
    }
    store(id, value, origin);
    id
}

/// Moves the session under `from` to `to` (replacing what `to` named).
fn rename(from: &[u8; 16], to: [u8; 16]) {
    let mut registry = registry().lock().unwrap_or_else(|e| e.into_inner());
    registry.order.retain(|k| k != from);
    if let Some(entry) = registry.sessions.remove(from) {
        drop(registry);
        store(to, entry.0, entry.1);
    }
}

/// Forgets the session under `id`.
fn forget(id: &[u8; 16]) {
    let mut registry = registry().lock().unwrap_or_else(|e| e.into_inner());
    registry.order.retain(|k| k != id);
    registry.sessions.remove(id);
}

/// Puts `value` under `id`, replacing what was there, forgetting the oldest beyond the limit.
fn store(id: [u8; 16], value: SessionValue, origin: Arc<Origin>) {
    let mut registry = registry().lock().unwrap_or_else(|e| e.into_inner());
    registry.order.retain(|k| k != &id);
    if registry.order.len() >= REGISTRY_LIMIT {
        if let Some(oldest) = registry.order.pop_front() {
            registry.sessions.remove(&oldest);
        }
    }
    registry.sessions.insert(id, (value, origin));
    registry.order.push_back(id);
}

/// The session a token names, for seeding one connection: a TLS 1.2 session is copied, a
/// TLS 1.3 ticket is taken out. `None` for unknown or foreign buffers.
fn seed_from(token: &[u8]) -> Option<SessionValue> {
    let id = token_id(token)?;
    let mut registry = registry().lock().unwrap_or_else(|e| e.into_inner());
    match &registry.sessions.get(&id)?.0 {
        SessionValue::Tls12(value) => Some(SessionValue::Tls12(value.clone())),
        SessionValue::Tls13(_) => {
            registry.order.retain(|k| k != &id);
            registry.sessions.remove(&id).map(|(value, _)| value)
        }
    }
}

fn token_id(token: &[u8]) -> Option<[u8; 16]> {
    token.strip_prefix(MAGIC.as_slice())?.try_into().ok()
}

/// The origin of the session `token` names, if it is still remembered.
pub(crate) fn origin_of(token: &[u8]) -> Option<Arc<Origin>> {
    let id = token_id(token)?;
    let registry = registry().lock().unwrap_or_else(|e| e.into_inner());
    registry.sessions.get(&id).map(|(_, origin)| origin.clone())
}

/// The sessions a connector's connections received, waiting for JS (shared by its store and
/// streams). JS makes a connector per connection; a library user's connector serves many,
/// and is then its own session cache through `latest`.
pub(crate) struct NewSessions {
    /// The token the connector was seeded from, if any.
    seed: Option<[u8; 16]>,
    /// Sessions granted (already registered), not yet taken by JS.
    queue: Mutex<Vec<[u8; 16]>>,
    /// The newest session granted: later connections through the connector resume with it.
    latest: Mutex<Option<[u8; 16]>>,
}

impl std::fmt::Debug for NewSessions {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("NewSessions").finish_non_exhaustive()
    }
}

impl NewSessions {
    /// The buffers for JS's `'session'` events. A resumed connection reports none, as
    /// OpenSSL does: its newest session replaces the one it was seeded from instead, so the
    /// buffer JS holds keeps resuming (a TLS 1.3 ticket is spent by each use).
    pub(crate) fn take_tokens(&self, resumed: bool) -> Vec<Vec<u8>> {
        let ids = std::mem::take(&mut *self.queue.lock().unwrap_or_else(|e| e.into_inner()));
        match (resumed, self.seed) {
            (true, Some(seed)) => {
                if let Some((newest, older)) = ids.split_last() {
                    older.iter().for_each(forget);
                    rename(newest, seed);
                    *self.latest.lock().unwrap_or_else(|e| e.into_inner()) = Some(seed);
                }
                Vec::new()
            }
            _ => ids.iter().map(token).collect(),
        }
    }
}

/// The `ClientSessionStore` of one connector: resumes from the session JS passed in (if
/// any), else from the newest one it was granted, and queues every session for JS.
pub(crate) struct NodeSessionStore {
    origin: Arc<Origin>,
    seed: Mutex<Option<SessionValue>>,
    kx_hint: Mutex<Option<NamedGroup>>,
    new_sessions: Arc<NewSessions>,
}

impl NodeSessionStore {
    /// A store for a connector of `origin`, seeded from `token` (Node's `session` option)
    /// when it names a session of the same origin; returns it with the queue its streams
    /// read.
    pub(crate) fn new(origin: Arc<Origin>, token: Option<&[u8]>) -> (Self, Arc<NewSessions>) {
        let same_origin = token.and_then(origin_of).is_some_and(|o| Arc::ptr_eq(&o, &origin));
        let token = token.filter(|_| same_origin);
        let new_sessions = Arc::new(NewSessions {
            seed: token.and_then(token_id),
            queue: Mutex::new(Vec::new()),
            latest: Mutex::new(None),
        });
        let store = Self {
            origin,
            seed: Mutex::new(token.and_then(seed_from)),
            kx_hint: Mutex::new(None),
            new_sessions: new_sessions.clone(),
        };
        (store, new_sessions)
    }

    fn queue(&self, value: SessionValue) {
        let id = register(value, self.origin.clone());
        self.new_sessions.queue.lock().unwrap_or_else(|e| e.into_inner()).push(id);
        *self.new_sessions.latest.lock().unwrap_or_else(|e| e.into_inner()) = Some(id);
    }

    /// The newest session this connector was granted, as a seed (see [`seed_from`]).
    fn latest(&self) -> Option<SessionValue> {
        let latest = *self.new_sessions.latest.lock().unwrap_or_else(|e| e.into_inner());
        latest.and_then(|id| seed_from(&token(&id)))
    }
}

impl std::fmt::Debug for NodeSessionStore {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("NodeSessionStore").finish_non_exhaustive()
    }
}

impl ClientSessionStore for NodeSessionStore {
    fn set_kx_hint(&self, _server_name: ServerName<'static>, group: NamedGroup) {
        *self.kx_hint.lock().unwrap_or_else(|e| e.into_inner()) = Some(group);
    }

    fn kx_hint(&self, _server_name: &ServerName<'_>) -> Option<NamedGroup> {
        *self.kx_hint.lock().unwrap_or_else(|e| e.into_inner())
    }

    fn set_tls12_session(&self, _server_name: ServerName<'static>, value: Tls12ClientSessionValue) {
        self.queue(SessionValue::Tls12(value));
    }

    fn tls12_session(&self, _server_name: &ServerName<'_>) -> Option<Tls12ClientSessionValue> {
        if let Some(SessionValue::Tls12(value)) =
            &*self.seed.lock().unwrap_or_else(|e| e.into_inner())
        {
            return Some(value.clone());
        }
        match self.latest() {
            Some(SessionValue::Tls12(value)) => Some(value),
            _ => None,
        }
    }

    fn remove_tls12_session(&self, _server_name: &ServerName<'static>) {
        let mut seed = self.seed.lock().unwrap_or_else(|e| e.into_inner());
        if matches!(&*seed, Some(SessionValue::Tls12(_))) {
            *seed = None;
        }
    }

    fn insert_tls13_ticket(
        &self,
        _server_name: ServerName<'static>,
        value: Tls13ClientSessionValue,
    ) {
        self.queue(SessionValue::Tls13(value));
    }

    fn take_tls13_ticket(
        &self,
        _server_name: &ServerName<'static>,
    ) -> Option<Tls13ClientSessionValue> {
        let mut seed = self.seed.lock().unwrap_or_else(|e| e.into_inner());
        match seed.take() {
            Some(SessionValue::Tls13(value)) => return Some(value),
            other => *seed = other,
        }
        drop(seed);
        match self.latest() {
            Some(SessionValue::Tls13(value)) => Some(value),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn foreign_or_unknown_tokens_seed_nothing() {
        assert!(seed_from(b"").is_none());
        assert!(seed_from(b"OXS1").is_none());
        assert!(seed_from(b"0\x82\x01\x00 an OpenSSL session DER").is_none());
        assert!(seed_from(&[MAGIC.as_slice(), &[7u8; 16]].concat()).is_none());
    }
}
