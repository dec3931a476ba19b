//! `internalBinding('tls_wrap')`: TLS on the loop's stream handles, on `io::tls` (rustls by
//! default), as Node's TLSWrap over OpenSSL.
//!
//! A secure context is decoded once (`createContext`) and kept by id; a server's options
//! compile once into an acceptor (`serverNew`, one session cache and ticket key per server);
//! `connect`/`accept` move a connected stream handle into a TLS session under the same id.
//! The handshake's end arrives in the `ioEvents` batch; `info` then reads what Node's
//! TLSSocket exposes (authorization, peer certificate, protocol, cipher, ALPN, servername).

use std::collections::HashMap;
use std::sync::Arc;

use engine::{HostValue, Op, OpCtx, OpResult, ThrowError};
use io::tls::{
    ClientOptions, DistinguishedName, PeerCertificate, SecureContext, SecureContextOptions,
    ServerOptions, TicketKeys, TlsAcceptor, TlsError, TlsStreamInfo,
};
use io::LoopHandle;

use super::handle_wrap::{errno_status, handle_id};

pub(super) const OPS: &[Op] = &[
    Op { binding: "tls_wrap", name: "createContext", func: create_context },
    Op { binding: "tls_wrap", name: "serverNew", func: server_new },
    Op { binding: "tls_wrap", name: "setTicketKeys", func: set_ticket_keys },
    Op { binding: "tls_wrap", name: "connect", func: connect },
    Op { binding: "tls_wrap", name: "accept", func: accept },
    Op { binding: "tls_wrap", name: "info", func: info },
    Op { binding: "tls_wrap", name: "takeSessions", func: take_sessions },
    Op { binding: "tls_wrap", name: "certificateInfo", func: certificate_info },
    Op { binding: "tls_wrap", name: "streamPair", func: stream_pair },
    Op { binding: "tls_wrap", name: "exportKeyingMaterial", func: export_keying_material },
    Op { binding: "tls_wrap", name: "bundledCertificates", func: bundled_certificates },
    Op { binding: "tls_wrap", name: "systemCertificates", func: system_certificates },
    Op { binding: "tls_wrap", name: "parseCertificates", func: parse_certificates },
];

/// The realm's decoded contexts and compiled server acceptors, by id.
#[derive(Default)]
struct TlsState {
    next: u32,
    contexts: HashMap<u32, Arc<SecureContext>>,
    acceptors: HashMap<u32, Arc<dyn TlsAcceptor>>,
    /// Each acceptor's ticket keys, for `setTicketKeys`.
    ticket_keys: HashMap<u32, Arc<TicketKeys>>,
}

impl TlsState {
    fn next_id(&mut self) -> u32 {
        self.next += 1;
        self.next
    }
}

/// A TLS failure as Node's error: `code` and message.
fn tls_error(e: TlsError) -> ThrowError {
    ThrowError::error(e.message().to_owned()).with("code", e.code().to_owned())
}

fn optional_bytes(ctx: &mut dyn OpCtx, i: usize) -> Option<Vec<u8>> {
    ctx.arg_string(i).map(String::into_bytes)
}

fn context(ctx: &mut dyn OpCtx, i: usize) -> Result<Arc<SecureContext>, ThrowError> {
    let id = ctx.arg_number(i).unwrap_or(0.0) as u32;
    ctx.state()
        .get_or_default::<TlsState>()
        .contexts
        .get(&id)
        .cloned()
        .ok_or_else(|| ThrowError::type_error("ERR_INVALID_ARG_TYPE", "not a SecureContext"))
}

/// ALPN protocol names from a JS array of strings.
fn alpn(ctx: &mut dyn OpCtx, i: usize) -> Vec<Vec<u8>> {
    ctx.arg_strings(i).unwrap_or_default().into_iter().map(String::into_bytes).collect()
}

/// `createContext(cert, key, passphrase, ca, minVersion, maxVersion)` → a context id.
/// `cert`/`key` are PEM text, `ca` an array of PEM texts (or undefined: the default roots).
fn create_context(ctx: &mut dyn OpCtx) -> OpResult {
    let options = SecureContextOptions {
        cert: optional_bytes(ctx, 0),
        key: optional_bytes(ctx, 1),
        passphrase: ctx.arg_string(2),
        ca: ctx.arg_strings(3).map(|list| list.into_iter().map(String::into_bytes).collect()),
        min_version: ctx.arg_string(4),
        max_version: ctx.arg_string(5),
    };
    let decoded = SecureContext::new(&options).map_err(tls_error)?;
    let state = ctx.state().get_or_default::<TlsState>();
    let id = state.next_id();
    state.contexts.insert(id, Arc::new(decoded));
    Ok(HostValue::Number(id as f64))
}

/// `serverNew(context, requestCert, rejectUnauthorized, alpn, sniNames, sniContexts,
/// sessionTickets, ticketKeys)` → an acceptor id for one server; tickets are sealed with the
/// 48-byte `ticketKeys` when given.
fn server_new(ctx: &mut dyn OpCtx) -> OpResult {
    let context = context(ctx, 0)?;
    let names = ctx.arg_strings(4).unwrap_or_default();
    let ids = ctx.arg_strings(5).unwrap_or_default();
    let mut sni_contexts = Vec::new();
    {
        let state = ctx.state().get_or_default::<TlsState>();
        for (name, id) in names.into_iter().zip(ids) {
            if let Some(found) = id.parse::<u32>().ok().and_then(|id| state.contexts.get(&id)) {
                sni_contexts.push((name, found.clone()));
            }
        }
    }
    let options = ServerOptions {
        context,
        sni_contexts,
        sni_callback: None,
        alpn_protocols: alpn(ctx, 3),
        request_cert: ctx.arg_truthy(1),
        reject_unauthorized: ctx.arg_truthy(2),
        session_tickets: ctx.arg_count() <= 6 || ctx.arg_truthy(6),
        ticket_keys: ticket_keys_arg(ctx, 7).map(|keys| Arc::new(TicketKeys::new(keys))),
    };
    let keys = options.ticket_keys.clone();
    let acceptor = io::tls::default_backend().acceptor(options).map_err(tls_error)?;
    let state = ctx.state().get_or_default::<TlsState>();
    let id = state.next_id();
    state.acceptors.insert(id, acceptor);
    if let Some(keys) = keys {
        state.ticket_keys.insert(id, keys);
    }
    Ok(HostValue::Number(id as f64))
}

/// Argument `i` as Node's 48 bytes of ticket keys (JS checked the length).
fn ticket_keys_arg(ctx: &mut dyn OpCtx, i: usize) -> Option<[u8; 48]> {
    ctx.arg_bytes(i).and_then(|b| <[u8; 48]>::try_from(&*b).ok())
}

/// `setTicketKeys(acceptor, keys)`: later tickets are sealed, and only tickets sealed, with
/// `keys`.
fn set_ticket_keys(ctx: &mut dyn OpCtx) -> OpResult {
    let id = ctx.arg_number(0).unwrap_or(0.0) as u32;
    let Some(keys) = ticket_keys_arg(ctx, 1) else {
        return Err(ThrowError::type_error("ERR_INVALID_ARG_TYPE", "ticket keys must be 48 bytes"));
    };
    if let Some(current) = ctx.state().get_or_default::<TlsState>().ticket_keys.get(&id) {
        current.set(keys);
    }
    Ok(HostValue::Undefined)
}

/// `connect(handle, context, host, rejectUnauthorized, checkServerIdentity, alpn,
/// enableSni, session)` → status: the client handshake starts on connected stream `handle`,
/// resuming `session` (a buffer from `takeSessions`) when given.
fn connect(ctx: &mut dyn OpCtx) -> OpResult {
    let id = handle_id(ctx.arg_number(0).unwrap_or(0.0));
    let context = context(ctx, 1)?;
    let host = ctx.arg_string(2).unwrap_or_default();
    let options = ClientOptions {
        context,
        reject_unauthorized: ctx.arg_truthy(3),
        check_server_identity: ctx.arg_truthy(4),
        alpn_protocols: alpn(ctx, 5),
        enable_sni: ctx.arg_truthy(6),
        session: ctx.arg_bytes(7).map(|b| b.to_vec()),
    };
    let connector = io::tls::default_backend().connector(options).map_err(tls_error)?;
    let Some(handle) = ctx.state().get::<LoopHandle>().cloned() else {
        return Ok((-(libc::EBADF as f64)).into());
    };
    let start: io::TlsStart = Box::new(move |stream| connector.connect(&host, stream));
    Ok(match handle.tls_wrap(id, start) {
        Ok(()) => HostValue::Number(0.0),
        Err(e) => errno_status(&e).into(),
    })
}

/// `accept(handle, acceptor)` → status: the server handshake starts on accepted `handle`.
fn accept(ctx: &mut dyn OpCtx) -> OpResult {
    let id = handle_id(ctx.arg_number(0).unwrap_or(0.0));
    let acceptor_id = ctx.arg_number(1).unwrap_or(0.0) as u32;
    let acceptor = ctx
        .state()
        .get_or_default::<TlsState>()
        .acceptors
        .get(&acceptor_id)
        .cloned()
        .ok_or_else(|| ThrowError::type_error("ERR_INVALID_ARG_TYPE", "not a TLS server"))?;
    let Some(handle) = ctx.state().get::<LoopHandle>().cloned() else {
        return Ok((-(libc::EBADF as f64)).into());
    };
    let start: io::TlsStart = Box::new(move |stream| acceptor.accept(stream));
    Ok(match handle.tls_wrap(id, start) {
        Ok(()) => HostValue::Number(0.0),
        Err(e) => errno_status(&e).into(),
    })
}

/// `info(handle)` → what TLSSocket exposes, or a negative errno before the handshake ends.
fn info(ctx: &mut dyn OpCtx) -> OpResult {
    let id = handle_id(ctx.arg_number(0).unwrap_or(0.0));
    let Some(handle) = ctx.state().get::<LoopHandle>().cloned() else {
        return Ok((-(libc::EBADF as f64)).into());
    };
    Ok(match handle.tls_info(id, session_info) {
        Ok(value) => value,
        Err(e) => errno_status(&e).into(),
    })
}

/// `takeSessions(handle)` → the sessions the server granted since the last call (buffers
/// for `getSession()` and the `'session'` event), or a negative errno.
fn take_sessions(ctx: &mut dyn OpCtx) -> OpResult {
    let id = handle_id(ctx.arg_number(0).unwrap_or(0.0));
    let Some(handle) = ctx.state().get::<LoopHandle>().cloned() else {
        return Ok((-(libc::EBADF as f64)).into());
    };
    let taken = handle.tls_info(id, |session| {
        HostValue::Array(session.take_new_sessions().into_iter().map(HostValue::Bytes).collect())
    });
    Ok(match taken {
        Ok(value) => value,
        Err(e) => errno_status(&e).into(),
    })
}

/// `certificateInfo(der)` → a DER certificate's fields as `getPeerCertificate()` gives them
/// (what `getCertificate()` shows of the local certificate); throws for bytes that do not parse.
fn certificate_info(ctx: &mut dyn OpCtx) -> OpResult {
    let der = ctx.arg_bytes(0).map(|b| b.to_vec()).unwrap_or_default();
    let cert = PeerCertificate::from_der(&der).map_err(tls_error)?;
    Ok(certificate(cert))
}

/// `streamPair()` → `[a, b]`, two connected stream handles, or a negative errno: a TLSSocket
/// over a JS Duplex runs its session on `a` while JS carries `b`'s bytes to and from the Duplex.
fn stream_pair(ctx: &mut dyn OpCtx) -> OpResult {
    let Some(handle) = ctx.state().get::<LoopHandle>().cloned() else {
        return Ok((-(libc::EBADF as f64)).into());
    };
    Ok(match handle.stream_pair() {
        Ok((a, b)) => HostValue::Array(vec![(a as f64).into(), (b as f64).into()]),
        Err(e) => errno_status(&e).into(),
    })
}

/// `exportKeyingMaterial(handle, length, label, context)` → the bytes, a negative errno before
/// the handshake ends, or `null` when the session cannot export.
fn export_keying_material(ctx: &mut dyn OpCtx) -> OpResult {
    let id = handle_id(ctx.arg_number(0).unwrap_or(0.0));
    let length = ctx.arg_number(1).unwrap_or(0.0).max(0.0) as usize;
    let label = ctx.arg_string(2).unwrap_or_default().into_bytes();
    let context = ctx.arg_bytes(3).map(|b| b.to_vec());
    let Some(handle) = ctx.state().get::<LoopHandle>().cloned() else {
        return Ok((-(libc::EBADF as f64)).into());
    };
    let exported = handle
        .tls_info(id, |session| session.export_keying_material(length, &label, context.as_deref()));
    Ok(match exported {
        Ok(Some(bytes)) => HostValue::Bytes(bytes),
        Ok(None) => HostValue::Null,
        Err(e) => errno_status(&e).into(),
    })
}

fn object(props: Vec<(&str, HostValue)>) -> HostValue {
    HostValue::Object(props.into_iter().map(|(k, v)| (k.to_owned(), v)).collect())
}

fn optional<T: Into<HostValue>>(value: Option<T>) -> HostValue {
    value.map_or(HostValue::Undefined, Into::into)
}

fn session_info(session: &dyn TlsStreamInfo) -> HostValue {
    let error = match session.authorization_error() {
        Some(e) => object(vec![
            ("code", e.code().into()),
            ("message", e.message().to_owned().into()),
            ("reason", optional(e.reason().map(str::to_owned))),
            ("host", optional(e.host().map(str::to_owned))),
        ]),
        None => HostValue::Null,
    };
    let cipher = match session.cipher() {
        Some(c) => object(vec![
            ("name", c.name.into()),
            ("standardName", c.standard_name.into()),
            ("version", c.version.into()),
        ]),
        None => HostValue::Undefined,
    };
    let alpn = match session.alpn_protocol() {
        Some(p) => HostValue::String(String::from_utf8_lossy(p).into_owned()),
        None => HostValue::Bool(false),
    };
    object(vec![
        ("authorized", session.authorized().into()),
        ("authorizationError", error),
        ("protocol", optional(session.protocol().map(|v| v.name()))),
        ("cipher", cipher),
        ("alpnProtocol", alpn),
        ("servername", optional(session.servername().map(str::to_owned))),
        ("sessionReused", session.is_session_reused().into()),
        (
            "peerCertificates",
            HostValue::Array(
                session.peer_certificate_chain().into_iter().map(certificate).collect(),
            ),
        ),
    ])
}

/// A distinguished name as Node's object: a repeated attribute becomes an array.
fn name(dn: &DistinguishedName) -> HostValue {
    let mut props: Vec<(String, HostValue)> = Vec::new();
    for (key, value) in &dn.entries {
        match props.iter_mut().find(|(k, _)| k == key) {
            Some((_, HostValue::Array(list))) => list.push(value.clone().into()),
            Some((_, existing)) => {
                let first = std::mem::replace(existing, HostValue::Undefined);
                *existing = HostValue::Array(vec![first, value.clone().into()]);
            }
            None => props.push((key.clone(), value.clone().into())),
        }
    }
    HostValue::Object(props)
}

/// `getPeerCertificate()`'s fields, as Node names them.
fn certificate(cert: PeerCertificate) -> HostValue {
    let mut props = vec![
        ("subject", name(&cert.subject)),
        ("issuer", name(&cert.issuer)),
        ("subjectaltname", optional(cert.subjectaltname)),
        (
            "infoAccess",
            match cert.info_access {
                Some(entries) => HostValue::Object(
                    entries
                        .into_iter()
                        .map(|(k, v)| {
                            (k, HostValue::Array(v.into_iter().map(HostValue::from).collect()))
                        })
                        .collect(),
                ),
                None => HostValue::Undefined,
            },
        ),
        ("ca", cert.ca.into()),
        ("bits", optional(cert.bits)),
        ("modulus", optional(cert.modulus)),
        ("exponent", optional(cert.exponent)),
        ("pubkey", cert.pubkey.map_or(HostValue::Undefined, HostValue::Bytes)),
        ("asn1Curve", optional(cert.asn1_curve)),
        ("nistCurve", optional(cert.nist_curve)),
        ("valid_from", cert.valid_from.into()),
        ("valid_to", cert.valid_to.into()),
        ("validFromUnix", (cert.valid_from_unix as f64).into()),
        ("validToUnix", (cert.valid_to_unix as f64).into()),
        ("fingerprint", cert.fingerprint.into()),
        ("fingerprint256", cert.fingerprint256.into()),
        ("fingerprint512", cert.fingerprint512.into()),
        (
            "ext_key_usage",
            match cert.ext_key_usage {
                Some(list) => HostValue::Array(list.into_iter().map(HostValue::from).collect()),
                None => HostValue::Undefined,
            },
        ),
        ("serialNumber", cert.serial_number.into()),
        ("raw", HostValue::Bytes(cert.raw)),
    ];
    props.retain(|(_, v)| !matches!(v, HostValue::Undefined));
    object(props)
}

/// Certificates as an array of DER bytes.
fn der_list<'a, C: AsRef<[u8]> + 'a>(certs: impl IntoIterator<Item = &'a C>) -> HostValue {
    HostValue::Array(certs.into_iter().map(|c| HostValue::Bytes(c.as_ref().to_vec())).collect())
}

/// `bundledCertificates()` → Mozilla's root certificates (what Node bundles), DER each.
fn bundled_certificates(_ctx: &mut dyn OpCtx) -> OpResult {
    Ok(der_list(io::tls::roots::bundled_root_certificates()))
}

/// `systemCertificates()` → the system's CA certificates, DER each (none if not found).
fn system_certificates(_ctx: &mut dyn OpCtx) -> OpResult {
    Ok(der_list(&io::tls::roots::system_certificates()))
}

/// `parseCertificates(pem)` → the certificates in PEM text or bytes, DER each; throws Node's
/// PEM error when there are none or one is malformed.
fn parse_certificates(ctx: &mut dyn OpCtx) -> OpResult {
    let pem = match ctx.arg_bytes(0) {
        Some(bytes) => bytes.to_vec(),
        None => ctx.arg::<String>(0, "pem")?.into_bytes(),
    };
    let certs = io::tls::pem::parse_certificates(&pem).map_err(tls_error)?;
    Ok(der_list(&certs))
}
