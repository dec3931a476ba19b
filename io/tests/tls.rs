//! Integration tests for `io::tls` over loopback TCP (127.0.0.1 only), with certificates made
//! at test time by rcgen: a CA, leaves signed by it, a self-signed leaf, an expired one, one not
//! yet valid and one for the wrong host. Each test runs a real server and client handshake.
#![cfg(feature = "tls-rustls")]

use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;

use io::tls::{
    default_backend, ClientOptions, SecureContext, SecureContextOptions, ServerOptions,
    SniCallback, TlsAcceptor, TlsConnection, TlsConnector, TlsError, TlsVersion,
};
use rcgen::{
    BasicConstraints, CertificateParams, DnType, ExtendedKeyUsagePurpose, IsCa, KeyPair,
    SerialNumber,
};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::mpsc;

/// A 2048-bit RSA key (PKCS#1) used only by these tests: ring cannot generate RSA keys, and the
/// RSA fields of getPeerCertificate() (bits, modulus, exponent) need one.
const RSA_PKCS1_PEM: &str = "-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEAy8y1CjTxBXAl6HyT6dTpm1rH9+PKAc1ULX82cC4mSzF+vFAP\nG6B6gg1AyDfGUeGeutcr9VrkL0X764G7WsHrC2F0M/hme11AgNCbvwxOE/3CRKJ5\niIlxbz7MfC1+bI90NQp3cPqYk1PH4EEJJYaT1L8uNoHyZnuLkI5hQtHgRSjwQv++\nGkE3jyDx9m4IKHfw4NppGZiCplxzrZTD76/X6MqCIe37HxExMLylmjfWQbrDHS6V\noyrAm8NHPuUkejCSjuxY8qor8FRnA5XY3ZYhxVmvBYINc7sgtcpMoTfiAbMaV3o7\n+ifZCUzRBUqlVZaUs4asd2+JK/SLEV78/OYOeQIDAQABAoIBABMTdFMyISjRhmTY\na1Zw9NRTNyJBhr4sMF/JV2jA8xno9jxNcJqVBv6PG8QZ72To7dz+iMlwomj336Sb\nyjQMsHHqY3B9ZOdRc1kTXa6wacsGfsWCoUZZ2h2v9r89WWbzNw0Db6pqNHee2RfJ\nMqBZ9FKuufZFa9FyqT3Ey/8PitLiPzcUG1dEpK+53+gfN5zBP1WuAiSPR9EaIW2p\nxyjxc5xX8Rq1rk/eqvDK/LE+BvjBhqiJyxaaz/ivA6nTr9YIx8EAEETm6uoFjMnN\n6lyNrh0e8UOf/IGtvC5BrfamI16PS8Il2tEOYA0sqsfmT5ZC8XLkp8FlG900zZKy\niAOAuwECgYEA5fgK2xSGLTSEyeqXUfJCR5XC6DG2VKTG4LEWlgDcieJ1RjWTXXIH\nuEupwgYOT9ijW61hjgl8ScnRXO8U/v6QrfrCfKoWGVJPBAyirjdNE/0angJMx0J/\nzYYEH5+Pvz3WgZ463ht6PpBpMVS7IKDSO0Iqoc6/+ptdhUVhRf22j3kCgYEA4t5X\nOfybjOBZI8DR+Hpqgt3KrVJNrRnOhCoU7ZwA5mb2F6gxklFGOJ0MG67h5hHEaGYr\nA/FNVGLYLZ8q5s7MAdzqUUKGUbqlP8UOURoJspchb7B1aoNfBatxQ0W/sVmZjRvb\nCgNU7G058sksaRpCEEhuhHusSSgPUbpwOqugtwECgYEA3FjltfMdeXUIAxynbxps\nTYD+51KyvLnB4Yts87/RkMCO0/4DvJbFNN4ywzjgP7t5Ex+3CMyn7V/WHnDqskWi\nxUEvVxn14L9P/LZKrhlI3m03Ms1LWeWq5XeSveY6aujKfxnol+bGI+plEKJ6RpIx\nvhvxE2cx5eM2IbtPsCug4CkCgYBd96v3Z6riIfap+W6+1a2SQN13BrUHsr24Plnm\nxQwWYqUhzVei/CjywBHI0ZndmpRYjaDZhDP8dOiHlPrHGPak+uTO/Zf2+DEEBdHV\nQ8yqfTCrO1KW6I0OIyHJtHUetzcDnHsQXarqNp+e8TaE3gxpBCdKlpMYxg/6URe1\nJWtvAQKBgGOEpnoI+ZxOmuKXcFuZhf6kfINYTgKqge+8E5d9PUG5yoxOfdoxBuhs\nkNfEmZKFSDCG0Wr6GyvgRED/f2ecrefq5c0AfXmimH+jYexp9erHv2dB87w8w/ER\nSibqPumGY1nueVKSeeHCeNCKPoLJ1QJpPmPr+CqTRpeQc+2CQSZH\n-----END RSA PRIVATE KEY-----\n";

// ---------- certificates ----------

struct Ca {
    cert: rcgen::Certificate,
    key: KeyPair,
}

impl Ca {
    fn new(cn: &str) -> Self {
        let mut params = CertificateParams::new(Vec::<String>::new()).unwrap();
        params.is_ca = IsCa::Ca(BasicConstraints::Unconstrained);
        params.distinguished_name.push(DnType::CommonName, cn);
        params.distinguished_name.push(DnType::OrganizationName, "oxnode tests");
        let key = KeyPair::generate().unwrap();
        let cert = params.self_signed(&key).unwrap();
        Self { cert, key }
    }

    fn pem(&self) -> Vec<u8> {
        self.cert.pem().into_bytes()
    }

    /// A leaf for `sans`, valid from `from` to `to` (years), signed by this CA.
    fn leaf_with(&self, params: CertificateParams, key: &KeyPair) -> Leaf {
        let cert = params.signed_by(key, &self.cert, &self.key).unwrap();
        Leaf { cert_pem: cert.pem(), key_pem: key.serialize_pem(), der: cert.der().to_vec() }
    }

    fn leaf(&self, sans: &[&str]) -> Leaf {
        self.leaf_with(leaf_params(sans), &KeyPair::generate().unwrap())
    }
}

struct Leaf {
    cert_pem: String,
    key_pem: String,
    der: Vec<u8>,
}

fn leaf_params(sans: &[&str]) -> CertificateParams {
    let sans: Vec<String> = sans.iter().map(|s| s.to_string()).collect();
    let mut params = CertificateParams::new(sans).unwrap();
    params.distinguished_name.push(DnType::CommonName, "leaf.test");
    params
}

fn self_signed(sans: &[&str]) -> Leaf {
    let key = KeyPair::generate().unwrap();
    let cert = leaf_params(sans).self_signed(&key).unwrap();
    Leaf { cert_pem: cert.pem(), key_pem: key.serialize_pem(), der: cert.der().to_vec() }
}

/// PKCS#1 RSAPrivateKey DER wrapped into PKCS#8 PrivateKeyInfo DER (for rcgen, which reads
/// PKCS#8 only).
fn rsa_pkcs8_der() -> Vec<u8> {
    let pkcs1 = pem_body(RSA_PKCS1_PEM);
    let alg: &[u8] =
        &[0x30, 0x0d, 0x06, 0x09, 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x01, 0x05, 0x00];
    let mut body = vec![0x02, 0x01, 0x00];
    body.extend_from_slice(alg);
    body.extend(der_tlv(0x04, &pkcs1));
    der_tlv(0x30, &body)
}

fn der_tlv(tag: u8, content: &[u8]) -> Vec<u8> {
    let len = content.len();
    let mut out = vec![tag];
    if len < 0x80 {
        out.push(len as u8);
    } else {
        out.extend_from_slice(&[0x82, (len >> 8) as u8, len as u8]);
    }
    out.extend_from_slice(content);
    out
}

fn pem_body(pem: &str) -> Vec<u8> {
    let (_, der) = pkcs8::der::pem::decode_vec(pem.as_bytes()).unwrap();
    der
}

fn pem_wrap(label: &str, der: &[u8]) -> String {
    pkcs8::der::pem::encode_string(label, pkcs8::LineEnding::LF, der).unwrap()
}

// ---------- contexts ----------

fn server_ctx(leaf: &Leaf) -> Arc<SecureContext> {
    server_ctx_chain(leaf, &[])
}

fn server_ctx_chain(leaf: &Leaf, extra: &[&Ca]) -> Arc<SecureContext> {
    let mut cert = leaf.cert_pem.clone().into_bytes();
    for ca in extra {
        cert.extend(ca.pem());
    }
    Arc::new(
        SecureContext::new(&SecureContextOptions {
            cert: Some(cert),
            key: Some(leaf.key_pem.clone().into_bytes()),
            ..Default::default()
        })
        .unwrap(),
    )
}

fn client_opts(ca: &Ca) -> ClientOptions {
    client_opts_with(ca, SecureContextOptions::default())
}

fn client_opts_with(ca: &Ca, mut ctx: SecureContextOptions) -> ClientOptions {
    ctx.ca = Some(vec![ca.pem()]);
    ClientOptions { context: Arc::new(SecureContext::new(&ctx).unwrap()), ..Default::default() }
}

fn acceptor(opts: ServerOptions) -> Arc<dyn TlsAcceptor> {
    default_backend().acceptor(opts).unwrap()
}

fn connector(opts: ClientOptions) -> Arc<dyn TlsConnector> {
    default_backend().connector(opts).unwrap()
}

// ---------- loopback plumbing ----------

/// What the server saw for one connection.
#[derive(Debug)]
struct Seen {
    servername: Option<String>,
    alpn: Option<Vec<u8>>,
    resumed: bool,
    authorized: bool,
    auth_code: Option<String>,
    peer_cert: bool,
}

type Results = mpsc::UnboundedReceiver<Result<Seen, TlsError>>;

/// Serves `n` connections on 127.0.0.1 with `acc`, echoing each until its close_notify and
/// then closing cleanly; reports each handshake's outcome.
async fn serve(acc: Arc<dyn TlsAcceptor>, n: usize) -> (SocketAddr, Results) {
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    let (tx, rx) = mpsc::unbounded_channel();
    tokio::spawn(async move {
        for _ in 0..n {
            let Ok((tcp, _)) = listener.accept().await else {
                return;
            };
            let acc = acc.clone();
            let tx = tx.clone();
            tokio::spawn(async move {
                match acc.accept(Box::new(tcp)).await {
                    Ok(mut s) => {
                        let _ = tx.send(Ok(Seen {
                            servername: s.servername().map(str::to_owned),
                            alpn: s.alpn_protocol().map(<[u8]>::to_vec),
                            resumed: s.is_session_reused(),
                            authorized: s.authorized(),
                            auth_code: s.authorization_error().map(|e| e.code().to_owned()),
                            peer_cert: s.peer_certificate().is_some(),
                        }));
                        let mut buf = [0u8; 1024];
                        loop {
                            match s.read(&mut buf).await {
                                Ok(0) | Err(_) => break,
                                Ok(k) => {
                                    if s.write_all(&buf[..k]).await.is_err() {
                                        break;
                                    }
                                }
                            }
                        }
                        let _ = s.shutdown().await;
                    }
                    Err(e) => {
                        let _ = tx.send(Err(e));
                    }
                }
            });
        }
    });
    (addr, rx)
}

async fn connect(
    conn: &Arc<dyn TlsConnector>,
    addr: SocketAddr,
    host: &str,
) -> Result<Box<dyn TlsConnection>, TlsError> {
    let tcp = TcpStream::connect(addr).await.unwrap();
    within(conn.connect(host, Box::new(tcp))).await
}

async fn within<T>(f: impl std::future::Future<Output = T>) -> T {
    tokio::time::timeout(Duration::from_secs(20), f).await.expect("test step timed out")
}

/// Sends `msg`, expects it echoed, then closes cleanly (close_notify both ways).
async fn echo(s: &mut Box<dyn TlsConnection>, msg: &[u8]) {
    within(async {
        s.write_all(msg).await.unwrap();
        let mut got = vec![0u8; msg.len()];
        s.read_exact(&mut got).await.unwrap();
        assert_eq!(got, msg);
        s.shutdown().await.unwrap();
        let mut rest = Vec::new();
        s.read_to_end(&mut rest).await.unwrap();
        assert!(rest.is_empty());
    })
    .await;
}

async fn next(rx: &mut Results) -> Result<Seen, TlsError> {
    within(rx.recv()).await.expect("server reported nothing")
}

/// Connects and expects the handshake to fail with `code`; returns the error.
async fn expect_reject(
    leaf_ctx: Arc<SecureContext>,
    client: ClientOptions,
    host: &str,
    code: &str,
) -> TlsError {
    let (addr, mut rx) =
        serve(acceptor(ServerOptions { context: leaf_ctx, ..Default::default() }), 1).await;
    let err = match connect(&connector(client), addr, host).await {
        Ok(_) => panic!("handshake should fail with {code}"),
        Err(e) => e,
    };
    assert_eq!(err.code(), code, "{err}");
    assert!(next(&mut rx).await.is_err(), "server must see the failure too");
    err
}

// ---------- tests ----------

#[tokio::test]
async fn handshake_and_echo() {
    let ca = Ca::new("Test CA");
    let leaf = ca.leaf(&["localhost", "127.0.0.1"]);
    let (addr, mut rx) =
        serve(acceptor(ServerOptions { context: server_ctx(&leaf), ..Default::default() }), 2)
            .await;
    let conn = connector(client_opts(&ca));
    let mut s = connect(&conn, addr, "localhost").await.unwrap();
    assert!(s.authorized());
    assert!(s.authorization_error().is_none());
    assert!(!s.is_server());
    assert_eq!(s.protocol(), Some(TlsVersion::Tls13));
    assert_eq!(s.protocol().unwrap().name(), "TLSv1.3");
    let cipher = s.cipher().unwrap();
    assert!(cipher.name.starts_with("TLS_"), "{cipher:?}");
    assert_eq!(cipher.version, "TLSv1.3");
    assert_eq!(s.servername(), Some("localhost"));
    assert!(!s.is_session_reused());
    echo(&mut s, b"hello over tls").await;
    let seen = next(&mut rx).await.unwrap();
    assert_eq!(seen.servername.as_deref(), Some("localhost"));
    // The server did not request a client certificate: not authorized, no error.
    assert!(!seen.authorized && seen.auth_code.is_none() && !seen.peer_cert);

    // An IP literal: no SNI is sent, and the IP SAN authorizes it.
    let mut s = connect(&conn, addr, "127.0.0.1").await.unwrap();
    assert!(s.authorized());
    assert_eq!(s.servername(), None);
    echo(&mut s, b"by ip").await;
    assert_eq!(next(&mut rx).await.unwrap().servername, None);
}

#[tokio::test]
async fn self_signed_leaf_is_depth_zero() {
    let ca = Ca::new("Test CA");
    let leaf = self_signed(&["localhost"]);
    let err = expect_reject(
        server_ctx(&leaf),
        client_opts(&ca),
        "localhost",
        "DEPTH_ZERO_SELF_SIGNED_CERT",
    )
    .await;
    assert_eq!(err.message(), "self-signed certificate");
    assert_eq!(err.verify_error().unwrap().code(), "DEPTH_ZERO_SELF_SIGNED_CERT");
}

#[tokio::test]
async fn untrusted_root_in_chain_is_self_signed_in_chain() {
    let trusted = Ca::new("Trusted CA");
    let other = Ca::new("Other CA");
    let leaf = other.leaf(&["localhost"]);
    let err = expect_reject(
        server_ctx_chain(&leaf, &[&other]),
        client_opts(&trusted),
        "localhost",
        "SELF_SIGNED_CERT_IN_CHAIN",
    )
    .await;
    assert_eq!(err.message(), "self-signed certificate in certificate chain");
}

#[tokio::test]
async fn unknown_issuer_is_unable_to_verify_leaf() {
    let trusted = Ca::new("Trusted CA");
    let other = Ca::new("Other CA");
    let leaf = other.leaf(&["localhost"]);
    let err = expect_reject(
        server_ctx(&leaf),
        client_opts(&trusted),
        "localhost",
        "UNABLE_TO_VERIFY_LEAF_SIGNATURE",
    )
    .await;
    assert_eq!(err.message(), "unable to verify the first certificate");
}

#[tokio::test]
async fn default_roots_do_not_trust_a_private_ca() {
    let ca = Ca::new("Private CA");
    let leaf = ca.leaf(&["localhost"]);
    // No `ca`: Mozilla's bundled roots, as Node's default.
    expect_reject(
        server_ctx(&leaf),
        ClientOptions::default(),
        "localhost",
        "UNABLE_TO_VERIFY_LEAF_SIGNATURE",
    )
    .await;
}

#[tokio::test]
async fn expired_and_not_yet_valid() {
    let ca = Ca::new("Test CA");
    let mut params = leaf_params(&["localhost"]);
    params.not_before = rcgen::date_time_ymd(2015, 1, 1);
    params.not_after = rcgen::date_time_ymd(2020, 1, 1);
    let expired = ca.leaf_with(params, &KeyPair::generate().unwrap());
    let err =
        expect_reject(server_ctx(&expired), client_opts(&ca), "localhost", "CERT_HAS_EXPIRED")
            .await;
    assert_eq!(err.message(), "certificate has expired");

    let mut params = leaf_params(&["localhost"]);
    params.not_before = rcgen::date_time_ymd(2090, 1, 1);
    params.not_after = rcgen::date_time_ymd(2095, 1, 1);
    let future = ca.leaf_with(params, &KeyPair::generate().unwrap());
    let err =
        expect_reject(server_ctx(&future), client_opts(&ca), "localhost", "CERT_NOT_YET_VALID")
            .await;
    assert_eq!(err.message(), "certificate is not yet valid");
}

#[tokio::test]
async fn wrong_hostname_is_altname_invalid() {
    let ca = Ca::new("Test CA");
    let leaf = ca.leaf(&["other.test"]);
    let err = expect_reject(
        server_ctx(&leaf),
        client_opts(&ca),
        "localhost",
        "ERR_TLS_CERT_ALTNAME_INVALID",
    )
    .await;
    assert_eq!(
        err.message(),
        "Hostname/IP does not match certificate's altnames: Host: localhost. is not in the cert's altnames: DNS:other.test"
    );
    let v = err.verify_error().unwrap();
    assert_eq!(v.host(), Some("localhost"));
    let err = expect_reject(
        server_ctx(&leaf),
        client_opts(&ca),
        "127.0.0.1",
        "ERR_TLS_CERT_ALTNAME_INVALID",
    )
    .await;
    assert_eq!(
        err.verify_error().unwrap().reason(),
        Some("IP: 127.0.0.1 is not in the cert's list: ")
    );
}

#[tokio::test]
async fn reject_unauthorized_false_connects_and_reports() {
    let ca = Ca::new("Test CA");
    let cases = [
        (self_signed(&["localhost"]), "DEPTH_ZERO_SELF_SIGNED_CERT"),
        (ca.leaf(&["other.test"]), "ERR_TLS_CERT_ALTNAME_INVALID"),
    ];
    for (leaf, code) in cases {
        let (addr, mut rx) =
            serve(acceptor(ServerOptions { context: server_ctx(&leaf), ..Default::default() }), 1)
                .await;
        let mut opts = client_opts(&ca);
        opts.reject_unauthorized = false;
        let mut s = connect(&connector(opts), addr, "localhost").await.unwrap();
        assert!(!s.authorized());
        assert_eq!(s.authorization_error().map(|e| e.code()), Some(code));
        assert_eq!(s.peer_certificate().unwrap().raw, leaf.der);
        echo(&mut s, b"still talking").await;
        next(&mut rx).await.unwrap();
    }
}

#[tokio::test]
async fn sni_add_context_and_callback() {
    let ca = Ca::new("Test CA");
    let default_leaf = ca.leaf(&["default.test"]);
    let a_leaf = ca.leaf(&["a.sni.test"]);
    let b_leaf = ca.leaf(&["b.cb.test"]);
    let (addr, mut rx) = serve(
        acceptor(ServerOptions {
            context: server_ctx(&default_leaf),
            sni_contexts: vec![("*.sni.test".to_owned(), server_ctx(&a_leaf))],
            ..Default::default()
        }),
        2,
    )
    .await;
    let conn = connector(client_opts(&ca));
    let mut s = connect(&conn, addr, "a.sni.test").await.unwrap();
    assert!(s.authorized());
    assert_eq!(s.peer_certificate().unwrap().raw, a_leaf.der);
    echo(&mut s, b"a").await;
    let mut s = connect(&conn, addr, "default.test").await.unwrap();
    assert_eq!(s.peer_certificate().unwrap().raw, default_leaf.der);
    echo(&mut s, b"d").await;
    assert_eq!(next(&mut rx).await.unwrap().servername.as_deref(), Some("a.sni.test"));
    next(&mut rx).await.unwrap();

    // An asynchronous SNICallback that returns a whole context.
    let b_ctx = server_ctx(&b_leaf);
    let cb: SniCallback = Arc::new(move |name: String| {
        let b_ctx = b_ctx.clone();
        Box::pin(async move {
            tokio::task::yield_now().await;
            Ok((name == "b.cb.test").then_some(b_ctx))
        })
    });
    let (addr, _rx) = serve(
        acceptor(ServerOptions {
            context: server_ctx(&default_leaf),
            sni_callback: Some(cb),
            ..Default::default()
        }),
        1,
    )
    .await;
    let mut s = connect(&conn, addr, "b.cb.test").await.unwrap();
    assert_eq!(s.peer_certificate().unwrap().raw, b_leaf.der);
    echo(&mut s, b"b").await;
}

#[tokio::test]
async fn alpn_negotiation() {
    let ca = Ca::new("Test CA");
    let leaf = ca.leaf(&["localhost"]);
    let (addr, mut rx) = serve(
        acceptor(ServerOptions {
            context: server_ctx(&leaf),
            alpn_protocols: vec![b"h2".to_vec(), b"http/1.1".to_vec()],
            ..Default::default()
        }),
        3,
    )
    .await;
    let with = |protos: &[&[u8]]| {
        let mut o = client_opts(&ca);
        o.alpn_protocols = protos.iter().map(|p| p.to_vec()).collect();
        connector(o)
    };
    let mut s = connect(&with(&[b"http/1.1"]), addr, "localhost").await.unwrap();
    assert_eq!(s.alpn_protocol(), Some(&b"http/1.1"[..]));
    echo(&mut s, b"x").await;
    assert_eq!(next(&mut rx).await.unwrap().alpn.as_deref(), Some(&b"http/1.1"[..]));
    // Both offered: the server's preference wins, as with OpenSSL's server-side selection.
    let mut s = connect(&with(&[b"http/1.1", b"h2"]), addr, "localhost").await.unwrap();
    assert_eq!(s.alpn_protocol(), Some(&b"h2"[..]));
    echo(&mut s, b"x").await;
    next(&mut rx).await.unwrap();
    // No overlap: the server refuses with no_application_protocol.
    let err = connect(&with(&[b"spdy/1"]), addr, "localhost").await.err().unwrap();
    assert_eq!(err.code(), "ERR_SSL_TLSV1_ALERT_NO_APPLICATION_PROTOCOL", "{err}");
    assert_eq!(next(&mut rx).await.unwrap_err().code(), "ERR_SSL_NO_APPLICATION_PROTOCOL");
}

#[tokio::test]
async fn session_resumption_tls13_and_tls12() {
    let ca = Ca::new("Test CA");
    let leaf = ca.leaf(&["localhost"]);
    for max in [TlsVersion::Tls13, TlsVersion::Tls12] {
        let ctx = SecureContext::new(&SecureContextOptions {
            cert: Some(leaf.cert_pem.clone().into_bytes()),
            key: Some(leaf.key_pem.clone().into_bytes()),
            max_version: Some(max.name().to_owned()),
            ..Default::default()
        })
        .unwrap();
        let (addr, mut rx) =
            serve(acceptor(ServerOptions { context: Arc::new(ctx), ..Default::default() }), 2)
                .await;
        let conn = connector(client_opts(&ca));
        let mut first = connect(&conn, addr, "localhost").await.unwrap();
        assert_eq!(first.protocol(), Some(max));
        assert!(!first.is_session_reused());
        echo(&mut first, b"one").await;
        assert!(!next(&mut rx).await.unwrap().resumed);
        let mut second = connect(&conn, addr, "localhost").await.unwrap();
        assert!(second.is_session_reused(), "{max:?} should resume");
        assert!(second.authorized());
        echo(&mut second, b"two").await;
        assert!(next(&mut rx).await.unwrap().resumed);
    }
}

#[tokio::test]
async fn version_limits() {
    let ca = Ca::new("Test CA");
    let leaf = ca.leaf(&["localhost"]);
    let server_12 = Arc::new(
        SecureContext::new(&SecureContextOptions {
            cert: Some(leaf.cert_pem.clone().into_bytes()),
            key: Some(leaf.key_pem.clone().into_bytes()),
            max_version: Some("TLSv1.2".into()),
            ..Default::default()
        })
        .unwrap(),
    );
    let (addr, mut rx) =
        serve(acceptor(ServerOptions { context: server_12.clone(), ..Default::default() }), 2)
            .await;
    let tls13_only = client_opts_with(
        &ca,
        SecureContextOptions { min_version: Some("TLSv1.3".into()), ..Default::default() },
    );
    let err = connect(&connector(tls13_only), addr, "localhost").await.err().unwrap();
    assert_eq!(err.code(), "ERR_SSL_TLSV1_ALERT_PROTOCOL_VERSION", "{err}");
    assert_eq!(next(&mut rx).await.unwrap_err().code(), "ERR_SSL_UNSUPPORTED_PROTOCOL");

    // A default client meets the TLS 1.2 server at 1.2 with an ECDHE-ECDSA suite.
    let mut s = connect(&connector(client_opts(&ca)), addr, "localhost").await.unwrap();
    assert_eq!(s.protocol().map(TlsVersion::name), Some("TLSv1.2"));
    let c = s.cipher().unwrap();
    assert!(c.name.starts_with("ECDHE-ECDSA-"), "{c:?}");
    assert!(c.standard_name.starts_with("TLS_ECDHE_ECDSA_WITH_"), "{c:?}");
    assert_eq!(c.version, "TLSv1.2");
    echo(&mut s, b"twelve").await;

    // Bad names and empty ranges are refused when the context is built.
    let bad = SecureContext::new(&SecureContextOptions {
        min_version: Some("SSLv3".into()),
        ..Default::default()
    });
    assert_eq!(bad.unwrap_err().code(), "ERR_TLS_INVALID_PROTOCOL_VERSION");
    let empty = SecureContext::default().with_versions(TlsVersion::Tls10, TlsVersion::Tls11);
    let err = default_backend()
        .connector(ClientOptions { context: Arc::new(empty), ..Default::default() })
        .err()
        .unwrap();
    assert_eq!(err.code(), "ERR_SSL_NO_PROTOCOLS_AVAILABLE");
}

#[tokio::test]
async fn peer_certificate_fields() {
    let ca = Ca::new("Fields CA");
    let rsa_key = KeyPair::from_der_and_sign_algo(
        &rustls_pki_types_der(rsa_pkcs8_der()),
        &rcgen::PKCS_RSA_SHA256,
    )
    .unwrap();
    let mut params =
        CertificateParams::new(vec!["localhost".to_string(), "127.0.0.1".to_string()]).unwrap();
    // Start from an empty name: rcgen pre-fills a CN, which would come first.
    params.distinguished_name = rcgen::DistinguishedName::new();
    let dn = &mut params.distinguished_name;
    dn.push(DnType::CountryName, "US");
    dn.push(DnType::StateOrProvinceName, "CA");
    dn.push(DnType::LocalityName, "SF");
    dn.push(DnType::OrganizationName, "oxnode");
    dn.push(DnType::OrganizationalUnitName, "runtime");
    dn.push(DnType::CommonName, "localhost");
    params.not_before = rcgen::date_time_ymd(2025, 3, 5);
    params.not_after = rcgen::date_time_ymd(2045, 12, 25);
    params.serial_number = Some(SerialNumber::from_slice(&[0x0a, 0xbc, 0xde, 0xf1]));
    params.extended_key_usages = vec![ExtendedKeyUsagePurpose::ServerAuth];
    let leaf = ca.leaf_with(params, &rsa_key);

    let (addr, _rx) = serve(
        acceptor(ServerOptions { context: server_ctx_chain(&leaf, &[&ca]), ..Default::default() }),
        1,
    )
    .await;
    let mut s = connect(&connector(client_opts(&ca)), addr, "localhost").await.unwrap();
    assert!(s.authorized());
    let c = s.peer_certificate().unwrap();
    let subject: Vec<(&str, &str)> =
        c.subject.entries.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    assert_eq!(
        subject,
        [
            ("C", "US"),
            ("ST", "CA"),
            ("L", "SF"),
            ("O", "oxnode"),
            ("OU", "runtime"),
            ("CN", "localhost")
        ]
    );
    assert_eq!(c.issuer.get("CN"), Some("Fields CA"));
    assert_eq!(c.issuer.get("O"), Some("oxnode tests"));
    assert_eq!(c.subjectaltname.as_deref(), Some("DNS:localhost, IP Address:127.0.0.1"));
    assert_eq!(c.valid_from, "Mar  5 00:00:00 2025 GMT");
    assert_eq!(c.valid_to, "Dec 25 00:00:00 2045 GMT");
    assert_eq!(c.serial_number, "0ABCDEF1");
    assert_eq!(c.raw, leaf.der);
    for (fp, parts) in [(&c.fingerprint, 20), (&c.fingerprint256, 32), (&c.fingerprint512, 64)] {
        assert_eq!(fp.split(':').count(), parts);
        assert!(fp.chars().all(|ch| ch == ':' || ch.is_ascii_digit() || ch.is_ascii_uppercase()));
    }
    assert!(!c.ca);
    assert_eq!(c.bits, Some(2048));
    assert_eq!(c.exponent.as_deref(), Some("0x10001"));
    let modulus = c.modulus.as_deref().unwrap();
    assert_eq!(modulus.len(), 512);
    assert_eq!(modulus, modulus.to_uppercase());
    assert!(c.pubkey.is_some());
    assert_eq!(c.ext_key_usage.as_deref(), Some(&["1.3.6.1.5.5.7.3.1".to_string()][..]));

    // The detailed chain: leaf then the CA, which is a CA with an EC key.
    let chain = s.peer_certificate_chain();
    assert_eq!(chain.len(), 2);
    assert!(chain[1].ca && chain[1].is_self_issued());
    assert_eq!(chain[1].bits, Some(256));
    assert_eq!(chain[1].asn1_curve.as_deref(), Some("prime256v1"));
    assert_eq!(chain[1].nist_curve.as_deref(), Some("P-256"));
    echo(&mut s, b"fields").await;
}

fn rustls_pki_types_der(der: Vec<u8>) -> rustls_pki_types::PrivateKeyDer<'static> {
    rustls_pki_types::PrivatePkcs8KeyDer::from(der).into()
}

#[tokio::test]
async fn close_notify_and_half_close() {
    let ca = Ca::new("Test CA");
    let leaf = ca.leaf(&["localhost"]);
    let acc = acceptor(ServerOptions { context: server_ctx(&leaf), ..Default::default() });
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    let server = tokio::spawn(async move {
        let (tcp, _) = listener.accept().await.unwrap();
        let mut s = acc.accept(Box::new(tcp)).await.unwrap();
        // Read until the client's close_notify: a clean EOF, not an error.
        let mut got = Vec::new();
        s.read_to_end(&mut got).await.unwrap();
        // The client only half-closed: the server can still answer, then close.
        s.write_all(b"pong after your EOF").await.unwrap();
        s.shutdown().await.unwrap();
        got
    });
    let mut s = connect(&connector(client_opts(&ca)), addr, "localhost").await.unwrap();
    within(async {
        s.write_all(b"ping").await.unwrap();
        s.shutdown().await.unwrap();
        let mut reply = Vec::new();
        s.read_to_end(&mut reply).await.unwrap();
        assert_eq!(reply, b"pong after your EOF");
    })
    .await;
    assert_eq!(within(server).await.unwrap(), b"ping");

    // A peer that drops TCP without close_notify is a truncation, reported as an error.
    let acc = acceptor(ServerOptions { context: server_ctx(&leaf), ..Default::default() });
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    tokio::spawn(async move {
        let (tcp, _) = listener.accept().await.unwrap();
        let s = acc.accept(Box::new(tcp)).await.unwrap();
        drop(s);
    });
    let mut s = connect(&connector(client_opts(&ca)), addr, "localhost").await.unwrap();
    let mut buf = Vec::new();
    let err = within(s.read_to_end(&mut buf)).await.unwrap_err();
    assert_eq!(err.kind(), std::io::ErrorKind::UnexpectedEof);
}

#[tokio::test]
async fn client_certificates() {
    let ca = Ca::new("Client CA");
    let server_leaf = ca.leaf(&["localhost"]);
    let client_leaf = ca.leaf(&["client.test"]);
    let server_ctx_with_ca = |leaf: &Leaf| {
        Arc::new(
            SecureContext::new(&SecureContextOptions {
                cert: Some(leaf.cert_pem.clone().into_bytes()),
                key: Some(leaf.key_pem.clone().into_bytes()),
                ca: Some(vec![ca.pem()]),
                ..Default::default()
            })
            .unwrap(),
        )
    };
    // requestCert + rejectUnauthorized: a good client certificate is authorized.
    let (addr, mut rx) = serve(
        acceptor(ServerOptions {
            context: server_ctx_with_ca(&server_leaf),
            request_cert: true,
            ..Default::default()
        }),
        1,
    )
    .await;
    let with_cert = client_opts_with(
        &ca,
        SecureContextOptions {
            cert: Some(client_leaf.cert_pem.clone().into_bytes()),
            key: Some(client_leaf.key_pem.clone().into_bytes()),
            ..Default::default()
        },
    );
    let mut s = connect(&connector(with_cert), addr, "localhost").await.unwrap();
    echo(&mut s, b"mutual").await;
    let seen = next(&mut rx).await.unwrap();
    assert!(seen.authorized && seen.peer_cert, "{seen:?}");

    // requestCert without rejectUnauthorized: a client with no certificate gets in, reported
    // the way Node does.
    let (addr, mut rx) = serve(
        acceptor(ServerOptions {
            context: server_ctx_with_ca(&server_leaf),
            request_cert: true,
            reject_unauthorized: false,
            ..Default::default()
        }),
        1,
    )
    .await;
    let mut s = connect(&connector(client_opts(&ca)), addr, "localhost").await.unwrap();
    echo(&mut s, b"anonymous").await;
    let seen = next(&mut rx).await.unwrap();
    assert!(!seen.authorized);
    assert_eq!(seen.auth_code.as_deref(), Some("UNABLE_TO_GET_ISSUER_CERT"));
}

#[tokio::test]
async fn key_formats_and_errors() {
    let ca = Ca::new("Keys CA");
    // PKCS#1 RSA key, SEC1 EC key and passphrase-encrypted PKCS#8 all load and serve.
    let rsa_key = KeyPair::from_der_and_sign_algo(
        &rustls_pki_types_der(rsa_pkcs8_der()),
        &rcgen::PKCS_RSA_SHA256,
    )
    .unwrap();
    let rsa_leaf = ca.leaf_with(leaf_params(&["localhost"]), &rsa_key);
    let ec_key = KeyPair::generate().unwrap();
    let ec_leaf = ca.leaf_with(leaf_params(&["localhost"]), &ec_key);
    let pkcs8_der = ec_key.serialize_der();
    let sec1 = pkcs8::PrivateKeyInfo::try_from(pkcs8_der.as_slice()).unwrap().private_key.to_vec();
    let params =
        pkcs8::pkcs5::pbes2::Parameters::pbkdf2_sha256_aes256cbc(2048, b"saltsalt", &[7u8; 16])
            .unwrap();
    let encrypted = pkcs8::PrivateKeyInfo::try_from(pkcs8_der.as_slice())
        .unwrap()
        .encrypt_with_params(params, "s3cret")
        .unwrap();
    let encrypted_pem = pem_wrap("ENCRYPTED PRIVATE KEY", encrypted.as_bytes());

    let cases: Vec<(&Leaf, String, Option<&str>)> = vec![
        (&rsa_leaf, RSA_PKCS1_PEM.to_owned(), None),
        (&ec_leaf, pem_wrap("EC PRIVATE KEY", &sec1), None),
        (&ec_leaf, encrypted_pem.clone(), Some("s3cret")),
    ];
    for (leaf, key_pem, pass) in cases {
        let ctx = SecureContext::new(&SecureContextOptions {
            cert: Some(leaf.cert_pem.clone().into_bytes()),
            key: Some(key_pem.into_bytes()),
            passphrase: pass.map(str::to_owned),
            ..Default::default()
        })
        .unwrap();
        let (addr, _rx) =
            serve(acceptor(ServerOptions { context: Arc::new(ctx), ..Default::default() }), 1)
                .await;
        let mut s = connect(&connector(client_opts(&ca)), addr, "localhost").await.unwrap();
        echo(&mut s, b"key ok").await;
    }

    for pass in [Some("wrong"), None] {
        let err = SecureContext::new(&SecureContextOptions {
            key: Some(encrypted_pem.clone().into_bytes()),
            passphrase: pass.map(str::to_owned),
            ..Default::default()
        })
        .unwrap_err();
        assert_eq!(err.code(), "ERR_OSSL_BAD_DECRYPT");
    }

    // A key that does not belong to the certificate fails when the server is created.
    let mismatched = SecureContext::new(&SecureContextOptions {
        cert: Some(rsa_leaf.cert_pem.clone().into_bytes()),
        key: Some(ec_leaf.key_pem.clone().into_bytes()),
        ..Default::default()
    })
    .unwrap();
    let err = default_backend()
        .acceptor(ServerOptions { context: Arc::new(mismatched), ..Default::default() })
        .err()
        .unwrap();
    assert_eq!(err.code(), "ERR_OSSL_X509_KEY_VALUES_MISMATCH", "{err}");

    let err = SecureContext::new(&SecureContextOptions {
        cert: Some(b"not a pem".to_vec()),
        ..Default::default()
    })
    .unwrap_err();
    assert_eq!(err.code(), "ERR_OSSL_PEM_NO_START_LINE");
}

#[tokio::test]
async fn garbage_from_the_peer_is_an_error_not_a_panic() {
    let ca = Ca::new("Test CA");
    let leaf = ca.leaf(&["localhost"]);
    let (addr, mut rx) =
        serve(acceptor(ServerOptions { context: server_ctx(&leaf), ..Default::default() }), 1)
            .await;
    let mut tcp = TcpStream::connect(addr).await.unwrap();
    tcp.write_all(b"GET / HTTP/1.1\r\nHost: x\r\n\r\n").await.unwrap();
    let err = next(&mut rx).await.unwrap_err();
    assert!(!err.code().is_empty());
}
