//! A small authoritative DNS server on 127.0.0.1 for the `io::dns` tests.
//!
//! It answers UDP and TCP on one port from a fixed zone (every record type Node can ask
//! for), and misbehaves on purpose for some names: `garbage.test` gets undecodable bytes,
//! `truncated.test` a TC answer over UDP (the full one over TCP), `silent.test` nothing,
//! `slow.test` an answer after [`SLOW`], `servfail.test`/`refused.test`/`formerr.test`/
//! `notimp.test` those response codes, unknown names NXDOMAIN. Every query is logged so tests
//! can count tries. Messages are encoded with `hickory-proto`, the same library the resolver
//! uses to decode them, so the tests exercise the resolver and not a second encoder.
//!
//! The server runs as tasks on the test's tokio runtime and stops when [`TestServer`] drops.

#![allow(dead_code)]

use std::net::{IpAddr, Ipv4Addr, Ipv6Addr, SocketAddr};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use hickory_proto::op::{Message, MessageType, OpCode, ResponseCode};
use hickory_proto::rr::rdata::{A, AAAA, CAA, CNAME, MX, NAPTR, NS, PTR, SOA, SRV, TXT};
use hickory_proto::rr::{Name, RData, Record, RecordType};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, UdpSocket};
use tokio::task::JoinHandle;

/// How long `slow.test` takes to answer.
pub const SLOW: Duration = Duration::from_millis(400);

/// The IPv6 address whose PTR the zone holds.
pub const V6_PTR_ADDR: Ipv6Addr = Ipv6Addr::new(0x2001, 0xdb8, 0, 0, 0, 0, 0, 0x53);

/// One query the server received.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Seen {
    /// Lower-case name without the trailing dot.
    pub name: String,
    /// Query type.
    pub qtype: RecordType,
    /// Whether it came over UDP (else TCP).
    pub udp: bool,
    /// Source address.
    pub from: SocketAddr,
}

/// A running server; aborts its tasks on drop.
pub struct TestServer {
    /// Where it listens (UDP and, unless started without, TCP).
    pub addr: SocketAddr,
    log: Arc<Mutex<Vec<Seen>>>,
    tasks: Vec<JoinHandle<()>>,
}

impl TestServer {
    /// The queries received so far.
    pub fn seen(&self) -> Vec<Seen> {
        self.log.lock().unwrap().clone()
    }

    /// How many queries for `name` arrived.
    pub fn count(&self, name: &str) -> usize {
        self.seen().iter().filter(|s| s.name == name).count()
    }

    /// The `setServers` string of this server.
    pub fn server_string(&self) -> String {
        self.addr.to_string()
    }
}

impl Drop for TestServer {
    fn drop(&mut self) {
        for t in &self.tasks {
            t.abort();
        }
    }
}

/// Starts a server on UDP and TCP of one 127.0.0.1 port.
pub async fn start() -> TestServer {
    start_with(true).await
}

/// Starts a server; without `tcp` nothing listens on TCP (truncation cannot be repaired).
pub async fn start_with(tcp: bool) -> TestServer {
    // Find a port free for both protocols: take TCP's, then try UDP on it.
    for _ in 0..50 {
        let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
        let addr = listener.local_addr().unwrap();
        let Ok(udp) = UdpSocket::bind(addr).await else {
            continue;
        };
        let log = Arc::new(Mutex::new(Vec::new()));
        let mut tasks = vec![tokio::spawn(serve_udp(Arc::new(udp), log.clone()))];
        if tcp {
            tasks.push(tokio::spawn(serve_tcp(listener, log.clone())));
        } else {
            drop(listener);
        }
        return TestServer { addr, log, tasks };
    }
    panic!("no port free for UDP and TCP");
}

/// A UDP socket that reads nothing and answers nothing: queries to it time out.
pub async fn black_hole() -> (SocketAddr, UdpSocket) {
    let socket = UdpSocket::bind("127.0.0.1:0").await.unwrap();
    (socket.local_addr().unwrap(), socket)
}

async fn serve_udp(socket: Arc<UdpSocket>, log: Arc<Mutex<Vec<Seen>>>) {
    let mut buf = vec![0u8; 4096];
    loop {
        let Ok((len, from)) = socket.recv_from(&mut buf).await else {
            continue;
        };
        let reply = handle(&buf[..len], true, from, &log);
        let socket = socket.clone();
        match reply {
            Reply::Now(bytes) => {
                let _ = socket.send_to(&bytes, from).await;
            }
            Reply::Later(delay, bytes) => {
                tokio::spawn(async move {
                    tokio::time::sleep(delay).await;
                    let _ = socket.send_to(&bytes, from).await;
                });
            }
            Reply::Never => {}
        }
    }
}

async fn serve_tcp(listener: TcpListener, log: Arc<Mutex<Vec<Seen>>>) {
    loop {
        let Ok((mut stream, from)) = listener.accept().await else {
            continue;
        };
        let log = log.clone();
        tokio::spawn(async move {
            loop {
                let Ok(len) = stream.read_u16().await else {
                    return;
                };
                let mut buf = vec![0u8; usize::from(len)];
                if stream.read_exact(&mut buf).await.is_err() {
                    return;
                }
                let bytes = match handle(&buf, false, from, &log) {
                    Reply::Now(b) => b,
                    Reply::Later(d, b) => {
                        tokio::time::sleep(d).await;
                        b
                    }
                    Reply::Never => continue,
                };
                let Ok(len) = u16::try_from(bytes.len()) else {
                    return;
                };
                if stream.write_u16(len).await.is_err() || stream.write_all(&bytes).await.is_err() {
                    return;
                }
            }
        });
    }
}

enum Reply {
    Now(Vec<u8>),
    Later(Duration, Vec<u8>),
    Never,
}

fn name(s: &str) -> Name {
    Name::from_ascii(format!("{s}.")).unwrap()
}

fn rec(owner: &str, ttl: u32, data: RData) -> Record {
    Record::from_rdata(name(owner), ttl, data)
}

/// The zone: every record the server knows, by owner name.
fn zone(owner: &str) -> Vec<Record> {
    let v6_ptr_owner = {
        let s = Name::from(IpAddr::V6(V6_PTR_ADDR)).to_ascii().to_lowercase();
        s.trim_end_matches('.').to_owned()
    };
    let soa = || {
        RData::SOA(SOA::new(
            name("ns1.test"),
            name("hostmaster.test"),
            2024010101,
            3600,
            600,
            86400,
            300,
        ))
    };
    let caa = |critical: bool, tag: &str, value: &str| {
        let mut c = CAA::new_issue(critical, None, vec![]);
        c.tag = tag.to_owned();
        c.value = value.as_bytes().to_vec();
        RData::CAA(c)
    };
    let mut records = match owner {
        "a.test" => vec![
            rec(owner, 300, RData::A(A(Ipv4Addr::new(192, 0, 2, 1)))),
            rec(owner, 60, RData::A(A(Ipv4Addr::new(192, 0, 2, 2)))),
        ],
        "aaaa.test" => vec![rec(owner, 120, RData::AAAA(AAAA("2001:db8::1".parse().unwrap())))],
        "both.test" => vec![
            rec(owner, 10, RData::A(A(Ipv4Addr::new(192, 0, 2, 10)))),
            rec(owner, 10, RData::AAAA(AAAA("2001:db8::10".parse().unwrap()))),
        ],
        "cname.test" => vec![rec(owner, 30, RData::CNAME(CNAME(name("target.test"))))],
        "target.test" => vec![rec(owner, 30, RData::A(A(Ipv4Addr::new(192, 0, 2, 9))))],
        "mx.test" => vec![
            rec(owner, 30, RData::MX(MX::new(10, name("mx1.test")))),
            rec(owner, 30, RData::MX(MX::new(20, name("mx2.test")))),
        ],
        "ns.test" => vec![
            rec(owner, 30, RData::NS(NS(name("ns1.test")))),
            rec(owner, 30, RData::NS(NS(name("ns2.test")))),
        ],
        "txt.test" => vec![
            rec(owner, 30, RData::TXT(TXT::from_bytes(vec![b"v=spf1", b" -all"]))),
            rec(owner, 30, RData::TXT(TXT::from_bytes(vec![b"caf\xe9"]))),
        ],
        "srv.test" => vec![rec(owner, 30, RData::SRV(SRV::new(0, 5, 5060, name("sip.test"))))],
        "naptr.test" => vec![rec(
            owner,
            30,
            RData::NAPTR(NAPTR::new(
                100,
                10,
                b"S".to_vec().into_boxed_slice(),
                b"SIP+D2U".to_vec().into_boxed_slice(),
                b"".to_vec().into_boxed_slice(),
                name("_sip._udp.test"),
            )),
        )],
        "soa.test" => vec![rec(owner, 30, soa())],
        "caa.test" => vec![
            rec(owner, 30, caa(false, "issue", "ca.example.net")),
            rec(owner, 30, caa(true, "iodef", "mailto:security@caa.test")),
        ],
        "ptr.test" | "1.2.0.192.in-addr.arpa" => {
            vec![rec(owner, 30, RData::PTR(PTR(name("host.test"))))]
        }
        o if o == v6_ptr_owner => vec![rec(owner, 30, RData::PTR(PTR(name("v6host.test"))))],
        "any.test" => vec![
            rec(owner, 30, RData::A(A(Ipv4Addr::new(192, 0, 2, 7)))),
            rec(owner, 30, RData::MX(MX::new(5, name("mail.any.test")))),
            rec(owner, 30, RData::AAAA(AAAA("2001:db8::7".parse().unwrap()))),
            rec(owner, 30, RData::TXT(TXT::from_bytes(vec![b"any"]))),
            rec(owner, 30, RData::NS(NS(name("ns1.test")))),
            rec(owner, 30, soa()),
            rec(owner, 30, caa(false, "issue", "ca.example.net")),
            rec(owner, 30, RData::SRV(SRV::new(1, 2, 3, name("srv.any.test")))),
        ],
        "nodata.test" => vec![rec(owner, 30, RData::TXT(TXT::from_bytes(vec![b"only"])))],
        "truncated.test" => vec![rec(owner, 30, RData::A(A(Ipv4Addr::new(192, 0, 2, 99))))],
        "slow.test" => vec![rec(owner, 30, RData::A(A(Ipv4Addr::new(192, 0, 2, 50))))],
        _ => return Vec::new(),
    };
    // Follow a CNAME for non-CNAME queries, as a recursive server would.
    if owner == "cname.test" {
        records.extend(zone("target.test"));
    }
    records
}

fn handle(bytes: &[u8], udp: bool, from: SocketAddr, log: &Mutex<Vec<Seen>>) -> Reply {
    let Ok(request) = Message::from_vec(bytes) else {
        return Reply::Never;
    };
    let Some(query) = request.queries.first().cloned() else {
        return Reply::Never;
    };
    let owner = query.name.to_ascii().to_lowercase();
    let owner = owner.trim_end_matches('.').to_owned();
    log.lock().unwrap().push(Seen { name: owner.clone(), qtype: query.query_type, udp, from });
    let id = request.metadata.id;

    let mut response = Message::new(id, MessageType::Response, OpCode::Query);
    response.metadata.recursion_desired = request.metadata.recursion_desired;
    response.metadata.recursion_available = true;
    response.metadata.authoritative = true;
    response.add_query(query.clone());

    let code = match owner.as_str() {
        "silent.test" => return Reply::Never,
        "garbage.test" => {
            // The right id (so the resolver must read it), then a header promising records
            // that the junk after it cannot hold.
            let mut junk = id.to_be_bytes().to_vec();
            junk.extend_from_slice(&[0x81, 0x80, 0x00, 0x01, 0x00, 0x05, 0x00, 0x00, 0x00, 0x00]);
            junk.extend_from_slice(&[0xde, 0xad, 0xbe, 0xef, 0xc0, 0xff, 0xee, 0x3f, 0x01]);
            return Reply::Now(junk);
        }
        "servfail.test" => Some(ResponseCode::ServFail),
        "refused.test" => Some(ResponseCode::Refused),
        "formerr.test" => Some(ResponseCode::FormErr),
        "notimp.test" => Some(ResponseCode::NotImp),
        "truncated.test" if udp => {
            response.metadata.truncation = true;
            return Reply::Now(response.to_vec().unwrap());
        }
        _ => None,
    };
    if let Some(code) = code {
        response.metadata.response_code = code;
        return Reply::Now(response.to_vec().unwrap());
    }

    let records = zone(&owner);
    if records.is_empty() {
        response.metadata.response_code = ResponseCode::NXDomain;
    }
    for r in records {
        let keep = query.query_type == RecordType::ANY
            || r.record_type() == query.query_type
            || r.record_type() == RecordType::CNAME;
        if keep {
            response.add_answer(r);
        }
    }
    let bytes = response.to_vec().unwrap();
    if owner == "slow.test" {
        Reply::Later(SLOW, bytes)
    } else {
        Reply::Now(bytes)
    }
}
