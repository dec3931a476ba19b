//! `io::dns` against a DNS server on 127.0.0.1 (tests/support_dns), never the internet.
//! `lookup` through the system backend (real getaddrinfo, which would fall through to the
//! host's configured DNS servers on a miss) is only asked about IPv4 `localhost`, which
//! `/etc/hosts` answers, and about IP literals and names that never reach libc.

mod support_dns;

use std::net::{IpAddr, Ipv4Addr, Ipv6Addr, SocketAddr};
use std::time::{Duration, Instant};

use io::dns::{
    AddressTtl, Answer, AnyRecord, CaaRecord, DnsErrorCode, Family, HickoryResolver, LookupAddress,
    LookupBackend, LookupHints, LookupOptions, MxRecord, NaptrRecord, Order, RecordType,
    ResolveOptions, Resolver, ResolverOptions, SoaRecord, SrvRecord,
};
use support_dns::TestServer;

fn options(timeout_ms: u64, tries: u32) -> ResolverOptions {
    ResolverOptions {
        timeout: Some(Duration::from_millis(timeout_ms)),
        tries,
        ..ResolverOptions::default()
    }
}

fn resolver(server: &TestServer) -> HickoryResolver {
    HickoryResolver::with_servers(vec![server.addr], options(1000, 2))
}

async fn resolve(r: &HickoryResolver, name: &str, t: RecordType) -> Answer {
    r.resolve(name, t, &ResolveOptions::default())
        .await
        .unwrap_or_else(|e| panic!("{name} {t:?}: {e}"))
}

async fn resolve_err(r: &HickoryResolver, name: &str, t: RecordType) -> io::dns::DnsError {
    match r.resolve(name, t, &ResolveOptions::default()).await {
        Ok(a) => panic!("{name} {t:?}: expected an error, got {a:?}"),
        Err(e) => e,
    }
}

#[tokio::test]
async fn resolve_a_and_ttl() {
    let server = support_dns::start().await;
    let r = resolver(&server);
    assert_eq!(
        resolve(&r, "a.test", RecordType::A).await,
        Answer::A(vec![Ipv4Addr::new(192, 0, 2, 1), Ipv4Addr::new(192, 0, 2, 2)])
    );
    let with_ttl = r.resolve("a.test", RecordType::A, &ResolveOptions { ttl: true }).await.unwrap();
    assert_eq!(
        with_ttl,
        Answer::ATtl(vec![
            AddressTtl { address: Ipv4Addr::new(192, 0, 2, 1), ttl: 300 },
            AddressTtl { address: Ipv4Addr::new(192, 0, 2, 2), ttl: 60 },
        ])
    );
    // A trailing dot is the same name.
    assert!(matches!(resolve(&r, "a.test.", RecordType::A).await, Answer::A(v) if v.len() == 2));
}

#[tokio::test]
async fn resolve_aaaa_and_ttl() {
    let server = support_dns::start().await;
    let r = resolver(&server);
    let v6: Ipv6Addr = "2001:db8::1".parse().unwrap();
    assert_eq!(resolve(&r, "aaaa.test", RecordType::Aaaa).await, Answer::Aaaa(vec![v6]));
    let with_ttl =
        r.resolve("aaaa.test", RecordType::Aaaa, &ResolveOptions { ttl: true }).await.unwrap();
    assert_eq!(with_ttl, Answer::AaaaTtl(vec![AddressTtl { address: v6, ttl: 120 }]));
}

#[tokio::test]
async fn resolve_cname_and_a_behind_cname() {
    let server = support_dns::start().await;
    let r = resolver(&server);
    assert_eq!(
        resolve(&r, "cname.test", RecordType::Cname).await,
        Answer::Cname(vec!["target.test".into()])
    );
    // The A query's answer carries the CNAME too; only the addresses are returned.
    assert_eq!(
        resolve(&r, "cname.test", RecordType::A).await,
        Answer::A(vec![Ipv4Addr::new(192, 0, 2, 9)])
    );
}

#[tokio::test]
async fn resolve_mx_ns_ptr() {
    let server = support_dns::start().await;
    let r = resolver(&server);
    assert_eq!(
        resolve(&r, "mx.test", RecordType::Mx).await,
        Answer::Mx(vec![
            MxRecord { exchange: "mx1.test".into(), priority: 10 },
            MxRecord { exchange: "mx2.test".into(), priority: 20 },
        ])
    );
    assert_eq!(
        resolve(&r, "ns.test", RecordType::Ns).await,
        Answer::Ns(vec!["ns1.test".into(), "ns2.test".into()])
    );
    assert_eq!(
        resolve(&r, "ptr.test", RecordType::Ptr).await,
        Answer::Ptr(vec!["host.test".into()])
    );
}

#[tokio::test]
async fn resolve_txt_as_chunks() {
    let server = support_dns::start().await;
    let r = resolver(&server);
    assert_eq!(
        resolve(&r, "txt.test", RecordType::Txt).await,
        Answer::Txt(vec![
            vec!["v=spf1".into(), " -all".into()],
            // A non-ASCII byte comes through as latin1, as in Node.
            vec!["caf\u{e9}".into()],
        ])
    );
}

#[tokio::test]
async fn resolve_srv_naptr_soa() {
    let server = support_dns::start().await;
    let r = resolver(&server);
    assert_eq!(
        resolve(&r, "srv.test", RecordType::Srv).await,
        Answer::Srv(vec![SrvRecord {
            name: "sip.test".into(),
            port: 5060,
            priority: 0,
            weight: 5
        }])
    );
    assert_eq!(
        resolve(&r, "naptr.test", RecordType::Naptr).await,
        Answer::Naptr(vec![NaptrRecord {
            flags: "S".into(),
            service: "SIP+D2U".into(),
            regexp: "".into(),
            replacement: "_sip._udp.test".into(),
            order: 100,
            preference: 10,
        }])
    );
    assert_eq!(
        resolve(&r, "soa.test", RecordType::Soa).await,
        Answer::Soa(SoaRecord {
            nsname: "ns1.test".into(),
            hostmaster: "hostmaster.test".into(),
            serial: 2024010101,
            refresh: 3600,
            retry: 600,
            expire: 86400,
            minttl: 300,
        })
    );
}

#[tokio::test]
async fn resolve_caa() {
    let server = support_dns::start().await;
    let r = resolver(&server);
    assert_eq!(
        resolve(&r, "caa.test", RecordType::Caa).await,
        Answer::Caa(vec![
            CaaRecord { critical: 0, tag: "issue".into(), value: "ca.example.net".into() },
            CaaRecord {
                critical: 128,
                tag: "iodef".into(),
                value: "mailto:security@caa.test".into()
            },
        ])
    );
}

#[tokio::test]
async fn resolve_any_groups_types_like_node() {
    let server = support_dns::start().await;
    let r = resolver(&server);
    let Answer::Any(records) = resolve(&r, "any.test", RecordType::Any).await else {
        panic!("not an ANY answer");
    };
    let types: Vec<&str> = records.iter().map(AnyRecord::type_name).collect();
    assert_eq!(types, ["A", "AAAA", "MX", "NS", "TXT", "SRV", "SOA", "CAA"]);
    assert_eq!(
        records[0],
        AnyRecord::A(AddressTtl { address: Ipv4Addr::new(192, 0, 2, 7), ttl: 30 })
    );
    assert_eq!(
        records[2],
        AnyRecord::Mx(MxRecord { exchange: "mail.any.test".into(), priority: 5 })
    );
    assert_eq!(records[4], AnyRecord::Txt(vec!["any".into()]));
}

#[tokio::test]
async fn reverse_v4_v6_and_invalid() {
    let server = support_dns::start().await;
    let r = resolver(&server);
    assert_eq!(r.reverse("192.0.2.1").await.unwrap(), ["host.test"]);
    assert_eq!(r.reverse(&support_dns::V6_PTR_ADDR.to_string()).await.unwrap(), ["v6host.test"]);
    let e = r.reverse("not-an-ip").await.unwrap_err();
    assert_eq!(e.code, DnsErrorCode::Inval);
    assert_eq!(e.syscall, "getHostByAddr");
    let e = r.reverse("192.0.2.200").await.unwrap_err();
    assert_eq!(e.code, DnsErrorCode::NotFound);
    assert_eq!(e.hostname.as_deref(), Some("192.0.2.200"));
}

#[tokio::test]
async fn response_codes_map_to_node_codes() {
    let server = support_dns::start().await;
    let r = resolver(&server);
    for (name, t, code) in [
        ("nxdomain.test", RecordType::A, DnsErrorCode::NotFound),
        ("nodata.test", RecordType::A, DnsErrorCode::NoData),
        ("servfail.test", RecordType::A, DnsErrorCode::ServFail),
        ("refused.test", RecordType::Mx, DnsErrorCode::Refused),
        ("formerr.test", RecordType::Txt, DnsErrorCode::FormErr),
        ("notimp.test", RecordType::Srv, DnsErrorCode::NotImp),
    ] {
        let e = resolve_err(&r, name, t).await;
        assert_eq!(e.code, code, "{name}");
        assert_eq!(e.syscall, t.syscall());
        assert_eq!(e.hostname.as_deref(), Some(name));
        assert_eq!(e.errno, None);
    }
    let e = resolve_err(&r, "nxdomain.test", RecordType::A).await;
    assert_eq!(e.message(), "queryA ENOTFOUND nxdomain.test");
    assert_eq!(e.code.as_str(), "ENOTFOUND");
}

#[tokio::test]
async fn garbage_answer_is_ebadresp() {
    let server = support_dns::start().await;
    let r = resolver(&server);
    let e = resolve_err(&r, "garbage.test", RecordType::A).await;
    assert_eq!(e.code, DnsErrorCode::BadResp);
    assert_eq!(e.syscall, "queryA");
}

#[tokio::test]
async fn truncated_answer_falls_back_to_tcp() {
    let server = support_dns::start().await;
    let r = resolver(&server);
    assert_eq!(
        resolve(&r, "truncated.test", RecordType::A).await,
        Answer::A(vec![Ipv4Addr::new(192, 0, 2, 99)])
    );
    let seen = server.seen();
    assert!(seen.iter().any(|s| s.name == "truncated.test" && s.udp));
    assert!(seen.iter().any(|s| s.name == "truncated.test" && !s.udp));
}

#[tokio::test]
async fn truncated_answer_without_tcp_is_an_error() {
    let server = support_dns::start_with(false).await;
    let r = HickoryResolver::with_servers(vec![server.addr], options(300, 1));
    let e = resolve_err(&r, "truncated.test", RecordType::A).await;
    // c-ares reports the failed TCP connect the same way.
    assert_eq!(e.code, DnsErrorCode::ConnRefused, "{e}");
}

#[tokio::test]
async fn silent_server_times_out_after_timeout_times_tries() {
    let server = support_dns::start().await;
    let r = HickoryResolver::with_servers(vec![server.addr], options(200, 2));
    let start = Instant::now();
    let e = resolve_err(&r, "silent.test", RecordType::A).await;
    let elapsed = start.elapsed();
    assert_eq!(e.code, DnsErrorCode::Timeout);
    assert_eq!(e.message(), "queryA ETIMEOUT silent.test");
    // c-ares' backoff: 200 ms, then 400 ms.
    assert!(elapsed >= Duration::from_millis(580), "{elapsed:?}");
    assert!(elapsed < Duration::from_millis(1800), "{elapsed:?}");
    // One send per round at least; hickory also resends a UDP query after 333 ms within a
    // round, which the second round's 400 ms allows.
    let sends = server.count("silent.test");
    assert!((2..=3).contains(&sends), "{:?}", server.seen());
}

#[tokio::test]
async fn max_timeout_caps_the_backoff() {
    let server = support_dns::start().await;
    let options =
        ResolverOptions { max_timeout: Some(Duration::from_millis(150)), ..options(150, 3) };
    let r = HickoryResolver::with_servers(vec![server.addr], options);
    let start = Instant::now();
    let e = resolve_err(&r, "silent.test", RecordType::A).await;
    let elapsed = start.elapsed();
    assert_eq!(e.code, DnsErrorCode::Timeout);
    // Three rounds of 150 ms, not 150 + 300 + 600: one send each. An uncapped third round
    // (600 ms) would also carry hickory's resend at 333 ms, a fourth send.
    assert!(elapsed >= Duration::from_millis(430), "{elapsed:?}");
    assert_eq!(server.count("silent.test"), 3, "{:?}", server.seen());
}

#[tokio::test]
async fn black_hole_times_out() {
    let (addr, _socket) = support_dns::black_hole().await;
    let r = HickoryResolver::with_servers(vec![addr], options(100, 1));
    let start = Instant::now();
    let e = resolve_err(&r, "a.test", RecordType::A).await;
    assert_eq!(e.code, DnsErrorCode::Timeout);
    assert!(start.elapsed() < Duration::from_millis(1000));
}

#[tokio::test]
async fn timeout_shorter_than_answer() {
    let server = support_dns::start().await;
    let r = HickoryResolver::with_servers(vec![server.addr], options(100, 1));
    let e = resolve_err(&r, "slow.test", RecordType::A).await;
    assert_eq!(e.code, DnsErrorCode::Timeout);
    let r = HickoryResolver::with_servers(vec![server.addr], options(2000, 1));
    assert_eq!(
        resolve(&r, "slow.test", RecordType::A).await,
        Answer::A(vec![Ipv4Addr::new(192, 0, 2, 50)])
    );
}

#[tokio::test]
async fn next_server_after_a_dead_one() {
    let (dead, _socket) = support_dns::black_hole().await;
    let server = support_dns::start().await;
    let r = HickoryResolver::with_servers(vec![dead, server.addr], options(150, 1));
    assert_eq!(
        resolve(&r, "mx.test", RecordType::Mx).await,
        Answer::Mx(vec![
            MxRecord { exchange: "mx1.test".into(), priority: 10 },
            MxRecord { exchange: "mx2.test".into(), priority: 20 },
        ])
    );
}

#[tokio::test]
async fn cancel_completes_in_flight_queries_with_ecancelled() {
    let server = support_dns::start().await;
    let r = std::sync::Arc::new(resolver(&server));
    let q1 = tokio::spawn({
        let r = r.clone();
        async move { r.resolve("slow.test", RecordType::A, &ResolveOptions::default()).await }
    });
    let q2 = tokio::spawn({
        let r = r.clone();
        async move { r.reverse("192.0.2.1").await.map(|_| ()) }
    });
    // A query created but never polled before the cancel is cancelled too.
    let unpolled = r.resolve("slow.test", RecordType::Mx, &ResolveOptions::default());
    tokio::time::sleep(Duration::from_millis(50)).await;
    let start = Instant::now();
    r.cancel();
    let e = q1.await.unwrap().unwrap_err();
    assert!(start.elapsed() < support_dns::SLOW);
    assert_eq!(e.code, DnsErrorCode::Cancelled);
    assert_eq!(e.message(), "queryA ECANCELLED slow.test");
    // The reverse may have finished before the cancel; if not, it was cancelled.
    if let Err(e) = q2.await.unwrap() {
        assert_eq!(e.code, DnsErrorCode::Cancelled);
    }
    assert_eq!(unpolled.await.unwrap_err().code, DnsErrorCode::Cancelled);
    // Later queries run normally.
    assert!(matches!(resolve(&r, "a.test", RecordType::A).await, Answer::A(_)));
}

#[test]
fn cancel_handle_works_from_another_thread() {
    let runtime =
        tokio::runtime::Builder::new_multi_thread().worker_threads(1).enable_all().build().unwrap();
    runtime.block_on(async {
        let server = support_dns::start().await;
        let r = resolver(&server);
        let handle = r.cancel_handle();
        let canceller = std::thread::spawn(move || {
            std::thread::sleep(Duration::from_millis(50));
            handle.cancel();
        });
        let e =
            r.resolve("slow.test", RecordType::A, &ResolveOptions::default()).await.unwrap_err();
        assert_eq!(e.code, DnsErrorCode::Cancelled);
        canceller.join().unwrap();
    });
}

#[tokio::test]
async fn servers_in_node_forms() {
    let server = support_dns::start().await;
    let r = resolver(&server);
    assert_eq!(r.get_servers(), [server.server_string()]);
    r.set_servers(&["8.8.8.8", "[2001:4860:4860::8888]:1053", "1.1.1.1:53", "[::1]"]).unwrap();
    assert_eq!(r.get_servers(), ["8.8.8.8", "[2001:4860:4860::8888]:1053", "1.1.1.1", "::1"]);
    // One bad entry rejects the whole list.
    let e = r.set_servers(&["127.0.0.1", "not an ip"]).unwrap_err();
    assert_eq!(e.code(), "ERR_INVALID_IP_ADDRESS");
    assert_eq!(e.to_string(), "Invalid IP address: not an ip");
    assert_eq!(r.get_servers().len(), 4);
    // Switching to the test server makes queries go there.
    r.set_servers(&[server.server_string().as_str()]).unwrap();
    assert!(matches!(resolve(&r, "a.test", RecordType::A).await, Answer::A(_)));
}

#[tokio::test]
async fn no_servers_is_econnrefused() {
    let r = HickoryResolver::with_servers(vec![], options(100, 1));
    assert!(r.get_servers().is_empty());
    let e = resolve_err(&r, "a.test", RecordType::A).await;
    assert_eq!(e.code, DnsErrorCode::ConnRefused);
}

#[tokio::test]
async fn bad_names_are_ebadname() {
    let server = support_dns::start().await;
    let r = resolver(&server);
    let long_label = format!("{}.test", "x".repeat(64));
    let long_name = vec!["abcdefghi"; 30].join(".");
    for name in [long_label.as_str(), long_name.as_str(), "a..b"] {
        let e = resolve_err(&r, name, RecordType::A).await;
        assert_eq!(e.code, DnsErrorCode::BadName, "{name}");
        assert_eq!(e.syscall, "queryA");
    }
    // Nothing was sent for them.
    assert!(server.seen().is_empty());
}

#[tokio::test]
async fn local_address_is_used() {
    let server = support_dns::start().await;
    let r = resolver(&server);
    r.set_local_address(Some(Ipv4Addr::LOCALHOST), None);
    assert!(matches!(resolve(&r, "a.test", RecordType::A).await, Answer::A(_)));
    assert!(server.seen().iter().all(|s| s.from.ip() == IpAddr::V4(Ipv4Addr::LOCALHOST)));
}

#[tokio::test]
async fn every_record_type_has_a_syscall_and_name() {
    for t in RecordType::ALL {
        assert_eq!(RecordType::from_node_str(t.as_str()), Some(t));
        assert!(t.syscall().starts_with("query"));
    }
    assert_eq!(RecordType::from_node_str("mx"), None);
    assert_eq!(RecordType::Aaaa.syscall(), "queryAaaa");
}

// ---- lookup ----

fn system_resolver() -> HickoryResolver {
    HickoryResolver::with_servers(vec![], ResolverOptions::default())
}

#[tokio::test]
async fn lookup_localhost_via_getaddrinfo() {
    let r = system_resolver();
    let all = r
        .lookup(
            "localhost",
            &LookupOptions { family: Family::V4, all: true, ..LookupOptions::default() },
        )
        .await
        .unwrap();
    assert!(all.contains(&LookupAddress { address: IpAddr::V4(Ipv4Addr::LOCALHOST), family: 4 }));
    assert!(all.iter().all(|a| a.family == 4));
    // `all: false` gives exactly one.
    let v4 = LookupOptions { family: Family::V4, ..LookupOptions::default() };
    let one = r.lookup("localhost", &v4).await.unwrap();
    assert_eq!(one.len(), 1);
}

#[test]
fn lookup_blocking_localhost_and_literals() {
    let r = system_resolver();
    let got = r
        .lookup_blocking(
            "localhost",
            &LookupOptions { family: Family::V4, ..LookupOptions::default() },
        )
        .unwrap();
    assert_eq!(got[0].address, IpAddr::V4(Ipv4Addr::LOCALHOST));
    // IP literals are answered as they are, whatever the family asked for.
    let got = r
        .lookup_blocking("::1", &LookupOptions { family: Family::V4, ..LookupOptions::default() })
        .unwrap();
    assert_eq!(got, [LookupAddress { address: IpAddr::V6(Ipv6Addr::LOCALHOST), family: 6 }]);
}

#[test]
fn lookup_errors_have_getaddrinfo_shape() {
    let r = system_resolver();
    // An interior NUL can never reach the network.
    let e = r.lookup_blocking("bad\0name", &LookupOptions::default()).unwrap_err();
    assert_eq!(e.syscall, "getaddrinfo");
    assert_eq!(e.hostname.as_deref(), Some("bad\0name"));
    assert!(e.errno.is_some());
}

#[test]
fn lookup_order_and_all() {
    let v4 = LookupAddress::from(IpAddr::V4(Ipv4Addr::new(192, 0, 2, 1)));
    let v4b = LookupAddress::from(IpAddr::V4(Ipv4Addr::new(192, 0, 2, 2)));
    let v6 = LookupAddress::from(IpAddr::V6(Ipv6Addr::LOCALHOST));
    let input = vec![v6, v4, v4b];
    let opts = |order, all| LookupOptions { order, all, ..LookupOptions::default() };
    assert_eq!(opts(Order::Verbatim, true).apply(input.clone()), [v6, v4, v4b]);
    assert_eq!(opts(Order::Ipv4First, true).apply(input.clone()), [v4, v4b, v6]);
    assert_eq!(opts(Order::Ipv6First, true).apply(vec![v4, v6, v4b]), [v6, v4, v4b]);
    assert_eq!(opts(Order::Ipv4First, false).apply(input), [v4]);
    assert_eq!(Order::from_node_str("ipv6first"), Some(Order::Ipv6First));
    assert_eq!(Family::from_number(6), Some(Family::V6));
    assert_eq!(Family::from_number(5), None);
    assert!((LookupHints::ADDRCONFIG | LookupHints::V4MAPPED).is_valid());
    assert!(!LookupHints(0x4000_0000).is_valid());
}

fn hickory_lookup_resolver(server: &TestServer) -> HickoryResolver {
    HickoryResolver::with_servers(
        vec![server.addr],
        ResolverOptions { lookup: LookupBackend::Hickory, ..options(500, 1) },
    )
}

#[tokio::test]
async fn hickory_lookup_backend_uses_hosts_and_dns() {
    let server = support_dns::start().await;
    let r = hickory_lookup_resolver(&server);
    let all = LookupOptions { all: true, ..LookupOptions::default() };
    // /etc/hosts.
    let got = r.lookup("localhost", &all).await.unwrap();
    assert!(got.iter().any(|a| a.address == IpAddr::V4(Ipv4Addr::LOCALHOST)), "{got:?}");
    // DNS, both families.
    let got = r.lookup("both.test.", &all).await.unwrap();
    assert_eq!(
        got.iter().map(|a| a.address).collect::<Vec<_>>(),
        [IpAddr::V4(Ipv4Addr::new(192, 0, 2, 10)), "2001:db8::10".parse::<IpAddr>().unwrap()]
    );
    let got = r.lookup("both.test.", &LookupOptions { family: Family::V6, ..all }).await.unwrap();
    assert_eq!(got.len(), 1);
    assert_eq!(got[0].family, 6);
    let e = r.lookup("nxdomain.test.", &all).await.unwrap_err();
    assert_eq!(e.code, DnsErrorCode::NotFound);
    assert_eq!(e.syscall, "getaddrinfo");
    assert_eq!(e.message(), "getaddrinfo ENOTFOUND nxdomain.test.");
}

#[test]
fn hickory_lookup_blocking_from_plain_thread() {
    let runtime = tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap();
    let server = runtime.block_on(support_dns::start());
    let r = hickory_lookup_resolver(&server);
    let server_addr: SocketAddr = server.addr;
    // The server runs only while this runtime is driven, so drive it on another thread.
    let driver = std::thread::spawn(move || {
        runtime.block_on(async { tokio::time::sleep(Duration::from_millis(1500)).await });
        drop(server);
    });
    let got = r
        .lookup_blocking("a.test.", &LookupOptions { all: true, ..LookupOptions::default() })
        .unwrap();
    assert_eq!(got.len(), 2, "{server_addr}");
    driver.join().unwrap();
}

#[tokio::test]
async fn servfail_is_retried_tries_times() {
    let server = support_dns::start().await;
    let r = HickoryResolver::with_servers(vec![server.addr], options(500, 3));
    let e = resolve_err(&r, "servfail.test", RecordType::A).await;
    assert_eq!(e.code, DnsErrorCode::ServFail);
    assert_eq!(server.count("servfail.test"), 3);
    // NXDOMAIN is the zone's final word: asked once.
    resolve_err(&r, "nxdomain.test", RecordType::A).await;
    assert_eq!(server.count("nxdomain.test"), 1);
}

#[tokio::test]
async fn odd_hostnames_never_panic() {
    let server = support_dns::start().await;
    let r = HickoryResolver::with_servers(vec![server.addr], options(300, 1));
    let lookup = hickory_lookup_resolver(&server);
    let long = "x".repeat(300);
    let names = [
        "",
        ".",
        "..",
        "a\0b",
        "caf\u{e9}.test",
        "\u{1F600}",
        long.as_str(),
        "-",
        "*.test",
        "a b.test",
        "\\.test",
        "[::1]",
    ];
    for name in names {
        for t in RecordType::ALL {
            // Any answer or Node-shaped error is fine; what matters is no panic and the syscall.
            if let Err(e) = r.resolve(name, t, &ResolveOptions::default()).await {
                assert_eq!(e.syscall, t.syscall());
            }
        }
        if let Err(e) = r.reverse(name).await {
            assert_eq!(e.syscall, "getHostByAddr");
        }
        // Through the hickory backend, so that nothing leaves 127.0.0.1.
        if let Err(e) = lookup.lookup(name, &LookupOptions::default()).await {
            assert_eq!(e.syscall, "getaddrinfo");
        }
    }
}

#[tokio::test]
async fn hickory_lookup_backend_errors_and_hosts_without_servers() {
    let server = support_dns::start().await;
    let r = hickory_lookup_resolver(&server);
    let e = r.lookup("servfail.test.", &LookupOptions::default()).await.unwrap_err();
    assert_eq!((e.code, e.errno), (DnsErrorCode::EaiAgain, Some(-3001)));
    let e = r.lookup("nodata.test.", &LookupOptions::default()).await.unwrap_err();
    assert_eq!((e.code, e.errno), (DnsErrorCode::NotFound, Some(-3008)));
    // No servers at all: the hosts file still answers.
    let hosts_only = HickoryResolver::with_servers(
        vec![],
        ResolverOptions { lookup: LookupBackend::Hickory, ..options(200, 1) },
    );
    let v4 = LookupOptions { family: Family::V4, ..LookupOptions::default() };
    let got = hosts_only.lookup("localhost", &v4).await.unwrap();
    assert_eq!(got[0].address, IpAddr::V4(Ipv4Addr::LOCALHOST));
}
