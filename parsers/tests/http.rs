//! Behaviour tests for `parsers::http`: framing, splits, pipelining, upgrades, rejections.

use parsers::http::{
    Config, ErrorKind, Flow, Handler, Head, Headers, HeadersAction, Kind, Method, ParseError,
    Parser,
};

/// Records every event as text so runs can be compared.
#[derive(Default)]
struct Rec {
    ev: Vec<String>,
    /// Coalesced body of the current message (split feeding cuts bodies anywhere).
    body: Vec<u8>,
    action: HeadersAction,
    pause: bool,
}

impl Rec {
    fn flush_body(&mut self) {
        if !self.body.is_empty() {
            let b = String::from_utf8_lossy(&self.body).into_owned();
            self.ev.push(format!("body {b}"));
            self.body.clear();
        }
    }
}

fn s(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

impl Handler for Rec {
    fn on_message_begin(&mut self) {
        self.ev.push("begin".into());
    }
    fn on_headers_complete(&mut self, h: &Head<'_>) -> HeadersAction {
        let hs: Vec<String> =
            h.headers().iter().map(|x| format!("{}={}", s(x.name), s(x.value))).collect();
        self.ev.push(format!(
            "head {:?} {} {} {} {}.{} [{}] ka={} up={}",
            h.method.map(|m| m.as_str()),
            s(h.url()),
            h.status,
            s(h.reason()),
            h.http_major,
            h.http_minor,
            hs.join(","),
            h.should_keep_alive,
            h.upgrade
        ));
        self.action
    }
    fn on_body(&mut self, chunk: &[u8]) {
        self.body.extend_from_slice(chunk);
    }
    fn on_chunk_header(&mut self, size: u64) {
        self.flush_body();
        self.ev.push(format!("chunk {size}"));
    }
    fn on_trailers(&mut self, t: &Headers<'_>) {
        self.flush_body();
        let hs: Vec<String> = t.iter().map(|x| format!("{}={}", s(x.name), s(x.value))).collect();
        self.ev.push(format!("trailers [{}]", hs.join(",")));
    }
    fn on_message_complete(&mut self) -> Flow {
        self.flush_body();
        self.ev.push("complete".into());
        if self.pause {
            Flow::Pause
        } else {
            Flow::Continue
        }
    }
}

/// Feeds `input` in pieces of `step` bytes; returns events, total consumed, and the result.
fn run(
    kind: Kind,
    cfg: Config,
    input: &[u8],
    step: usize,
) -> (Vec<String>, usize, Result<(), ParseError>) {
    let mut p = Parser::new(kind, cfg);
    let mut rec = Rec::default();
    let mut consumed = 0;
    let mut res = Ok(());
    for piece in input.chunks(step.max(1)) {
        match p.execute(piece, &mut rec) {
            Ok(n) => {
                consumed += n;
                if n < piece.len() {
                    break;
                }
            }
            Err(e) => {
                consumed += e.offset;
                res = Err(ParseError { offset: consumed, ..e });
                break;
            }
        }
    }
    rec.flush_body();
    (rec.ev, consumed, res)
}

fn whole(kind: Kind, input: &str) -> (Vec<String>, usize, Result<(), ParseError>) {
    run(kind, Config::default(), input.as_bytes(), usize::MAX)
}

/// Asserts that whole, one-byte and a few other splits give the same events and outcome.
fn same_all_splits(kind: Kind, cfg: Config, input: &[u8]) -> Vec<String> {
    let reference = run(kind, cfg, input, usize::MAX);
    for step in [1, 2, 3, 7, 16] {
        let r = run(kind, cfg, input, step);
        assert_eq!(r, reference, "split {step} differs for {:?}", s(input));
    }
    reference.0
}

const REQ: Kind = Kind::Request;
const RES: Kind = Kind::Response;

#[test]
fn simple_get() {
    let (ev, n, r) = whole(REQ, "GET /a?b HTTP/1.1\r\nHost: x\r\nAccept:  */*  \r\n\r\n");
    assert_eq!(r, Ok(()));
    assert_eq!(n, 46);
    assert_eq!(
        ev,
        vec![
            "begin",
            "head Some(\"GET\") /a?b 0  1.1 [Host=x,Accept=*/*] ka=true up=false",
            "complete"
        ]
    );
}

#[test]
fn parser_exposes_message_facts() {
    let mut p = Parser::new(REQ, Config::default());
    let mut rec = Rec::default();
    let input = b"POST /u HTTP/1.0\r\nConnection: keep-alive\r\nContent-Length: 3\r\n\r\nabc";
    assert_eq!(p.execute(input, &mut rec), Ok(input.len()));
    assert_eq!((p.http_major(), p.http_minor()), (1, 0));
    assert_eq!(p.method(), Some(Method::Post));
    assert_eq!(Method::Post.llhttp_code(), 3);
    assert_eq!(p.content_length(), Some(3));
    assert!(p.should_keep_alive());
    assert!(!p.is_upgrade());
}

#[test]
fn response_with_content_length_and_reason() {
    let (ev, _, r) = whole(RES, "HTTP/1.1 404 Not Found\r\nContent-Length: 2\r\n\r\nno");
    assert_eq!(r, Ok(()));
    assert_eq!(
        ev,
        vec![
            "begin",
            "head None  404 Not Found 1.1 [Content-Length=2] ka=true up=false",
            "body no",
            "complete"
        ]
    );
}

#[test]
fn body_is_zero_copy() {
    struct Ptr(Vec<usize>);
    impl Handler for Ptr {
        fn on_body(&mut self, c: &[u8]) {
            self.0.push(c.as_ptr() as usize);
        }
    }
    let input = b"POST / HTTP/1.1\r\nContent-Length: 4\r\n\r\nbody".to_vec();
    let mut p = Parser::new(REQ, Config::default());
    let mut h = Ptr(vec![]);
    p.execute(&input, &mut h).unwrap();
    assert_eq!(h.0, vec![input.as_ptr() as usize + input.len() - 4]);
}

#[test]
fn chunked_with_extensions_and_trailers() {
    let input = b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n\
5;name=val;q=\"a\\\"b\"\r\nhello\r\n6\r\n world\r\n0;last\r\nX-Sum: 1\r\nX-B: two\r\n\r\n";
    let ev = same_all_splits(RES, Config::default(), input);
    assert_eq!(
        ev,
        vec![
            "begin",
            "head None  200 OK 1.1 [Transfer-Encoding=chunked] ka=true up=false",
            "chunk 5",
            "body hello",
            "chunk 6",
            "body  world",
            "chunk 0",
            "trailers [X-Sum=1,X-B=two]",
            "complete"
        ]
    );
}

#[test]
fn one_byte_at_a_time_matches_whole() {
    let corpus: &[(Kind, &[u8])] = &[
        (REQ, b"GET / HTTP/1.1\r\nHost: a\r\nCookie: x=1; y=2\r\n\r\n"),
        (REQ, b"POST /p HTTP/1.1\r\nContent-Length: 5\r\n\r\nhelloGET / HTTP/1.1\r\n\r\n"),
        (REQ, b"PUT / HTTP/1.1\r\nTransfer-Encoding: gzip, chunked\r\n\r\n1\r\na\r\n0\r\n\r\n"),
        (RES, b"HTTP/1.1 200 OK\r\n\r\nuntil close"),
        (RES, b"HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 204 No\r\n\r\nHTTP/1.1 200 OK\r\nContent-Length: 1\r\n\r\nz"),
        (REQ, b"GET / HTTP/1.1\r\nX: \x80\xff\r\n\r\nGET /bad HTTP/1.1\r\nBad Header: 1\r\n\r\n"),
        (REQ, b"GET / HTTP/1.1\r\nConnection: upgrade\r\nUpgrade: ws\r\n\r\n\x00\x01binary"),
    ];
    for (kind, input) in corpus {
        same_all_splits(*kind, Config::default(), input);
    }
}

#[test]
fn pipelining_several_messages_in_one_buffer() {
    let input = "GET /1 HTTP/1.1\r\n\r\nPOST /2 HTTP/1.1\r\nContent-Length: 2\r\n\r\nhi\r\nGET /3 HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n2\r\nyo\r\n0\r\n\r\n";
    let (ev, n, r) = whole(REQ, input);
    assert_eq!(r, Ok(()));
    assert_eq!(n, input.len());
    let completes = ev.iter().filter(|e| *e == "complete").count();
    assert_eq!(completes, 3);
    assert!(ev.contains(&"body hi".to_string()));
    assert!(ev.contains(&"body yo".to_string()));
    same_all_splits(REQ, Config::default(), input.as_bytes());
}

#[test]
fn pause_after_message_returns_its_end() {
    let input = b"GET /1 HTTP/1.1\r\n\r\nGET /2 HTTP/1.1\r\n\r\n";
    let mut p = Parser::new(REQ, Config::default());
    let mut rec = Rec { pause: true, ..Rec::default() };
    assert_eq!(p.execute(input, &mut rec), Ok(19));
    assert_eq!(p.execute(&input[19..], &mut rec), Ok(19));
    assert_eq!(rec.ev.iter().filter(|e| *e == "complete").count(), 2);
}

#[test]
fn read_until_close_and_finish() {
    let mut p = Parser::new(RES, Config::default());
    let mut rec = Rec::default();
    let input = b"HTTP/1.0 200 OK\r\n\r\npart one, ";
    assert_eq!(p.execute(input, &mut rec), Ok(input.len()));
    assert_eq!(p.execute(b"part two", &mut rec), Ok(8));
    assert!(!rec.ev.contains(&"complete".to_string()));
    assert_eq!(p.finish(&mut rec), Ok(()));
    rec.flush_body();
    assert_eq!(rec.ev[2], "body part one, part two");
    assert_eq!(rec.ev[3], "complete");
    // A non-chunked response coding is also read until close.
    let (ev, _, _) = whole(RES, "HTTP/1.1 200 OK\r\nTransfer-Encoding: gzip\r\n\r\nabc");
    assert_eq!(ev[2], "body abc");
}

#[test]
fn finish_mid_message_is_invalid_eof_state() {
    let mut p = Parser::new(REQ, Config::default());
    let mut rec = Rec::default();
    p.execute(b"POST / HTTP/1.1\r\nContent-Length: 5\r\n\r\nab", &mut rec).unwrap();
    assert_eq!(p.finish(&mut rec).unwrap_err().kind, ErrorKind::InvalidEofState);
    let mut p = Parser::new(REQ, Config::default());
    p.execute(b"GET / HT", &mut rec).unwrap();
    assert_eq!(p.finish(&mut rec).unwrap_err().code(), "HPE_INVALID_EOF_STATE");
    let mut p = Parser::new(REQ, Config::default());
    p.execute(b"GET / HTTP/1.1\r\n\r\n\r\n", &mut rec).unwrap();
    assert_eq!(p.finish(&mut rec), Ok(()));
}

#[test]
fn head_response_skips_body_when_told() {
    let mut rec = Rec { action: HeadersAction::SkipBody, ..Rec::default() };
    let mut p = Parser::new(RES, Config::default());
    let input = b"HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\nHTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\n";
    assert_eq!(p.execute(input, &mut rec), Ok(input.len()));
    assert_eq!(rec.ev.iter().filter(|e| *e == "complete").count(), 2);
    assert!(!rec.ev.iter().any(|e| e.starts_with("body")));
}

#[test]
fn no_body_for_1xx_204_304() {
    for status in
        ["100 Continue", "102 Processing", "103 Early", "204 No Content", "304 Not Modified"]
    {
        let input = format!("HTTP/1.1 {status}\r\nContent-Length: 5\r\n\r\nHTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n");
        let (ev, n, r) = whole(RES, &input);
        assert_eq!(r, Ok(()), "{status}");
        assert_eq!(n, input.len());
        assert_eq!(ev.iter().filter(|e| *e == "complete").count(), 2, "{status}");
    }
}

#[test]
fn upgrade_stops_and_returns_offset() {
    let input =
        "GET /chat HTTP/1.1\r\nConnection: Upgrade\r\nUpgrade: websocket\r\n\r\n\x01\x05hello";
    let mut p = Parser::new(REQ, Config::default());
    let mut rec = Rec::default();
    let off = p.execute(input.as_bytes(), &mut rec).unwrap();
    assert_eq!(&input.as_bytes()[off..], b"\x01\x05hello");
    assert!(p.is_upgrade());
    assert!(rec.ev[1].ends_with("up=true"));
    assert_eq!(rec.ev[2], "complete");
    // Further input belongs to the new protocol.
    assert_eq!(p.execute(b"more", &mut rec), Ok(0));
    // Split feeding hands back the same rest.
    let (_, consumed, _) = run(REQ, Config::default(), input.as_bytes(), 1);
    assert_eq!(consumed, off);
}

#[test]
fn connect_and_101_stop() {
    let input = "CONNECT example.org:443 HTTP/1.1\r\nHost: example.org\r\n\r\nTLS...";
    let (ev, n, _) = whole(REQ, input);
    assert_eq!(&input[n..], "TLS...");
    assert!(ev[1].contains("up=true"));
    let input =
        "HTTP/1.1 101 Switching Protocols\r\nConnection: upgrade\r\nUpgrade: ws\r\n\r\nframes";
    let (_, n, _) = whole(RES, input);
    assert_eq!(&input[n..], "frames");
    // The client tells the parser that the response answers a CONNECT.
    let mut rec = Rec { action: HeadersAction::Upgrade, ..Rec::default() };
    let mut p = Parser::new(RES, Config::default());
    let input = b"HTTP/1.1 200 Connection established\r\n\r\ntunnel";
    let n = p.execute(input, &mut rec).unwrap();
    assert_eq!(&input[n..], b"tunnel");
}

#[test]
fn declined_upgrade_keeps_parsing_http() {
    let input =
        "GET /a HTTP/1.1\r\nConnection: Upgrade\r\nUpgrade: ws\r\n\r\nGET /b HTTP/1.1\r\n\r\n";
    let mut rec = Rec { action: HeadersAction::DeclineUpgrade, ..Rec::default() };
    let mut p = Parser::new(REQ, Config::default());
    assert_eq!(p.execute(input.as_bytes(), &mut rec), Ok(input.len()));
    assert!(!p.is_upgrade());
    assert_eq!(rec.ev.iter().filter(|e| *e == "complete").count(), 2);
    // A CONNECT stays a tunnel whatever the answer.
    let input = "CONNECT h:1 HTTP/1.1\r\n\r\ntunnel";
    let mut rec = Rec { action: HeadersAction::DeclineUpgrade, ..Rec::default() };
    let mut p = Parser::new(REQ, Config::default());
    let n = p.execute(input.as_bytes(), &mut rec).unwrap();
    assert_eq!(&input[n..], "tunnel");
}

#[test]
fn upgrade_with_body_reads_body_first() {
    let input =
        "GET / HTTP/1.1\r\nConnection: Upgrade\r\nUpgrade: ws\r\nContent-Length: 2\r\n\r\nabrest";
    let (ev, n, _) = whole(REQ, input);
    assert_eq!(&input[n..], "rest");
    assert_eq!(ev[2], "body ab");
    // A 200 with upgrade headers is only informational.
    let input =
        "HTTP/1.1 200 OK\r\nConnection: upgrade\r\nUpgrade: ws\r\nContent-Length: 1\r\n\r\nx";
    let (ev, n, _) = whole(RES, input);
    assert_eq!(n, input.len());
    assert!(ev[1].ends_with("up=false"));
}

#[test]
fn keep_alive_rules() {
    let ka = |kind, input: &str| {
        let (ev, _, _) = whole(kind, input);
        ev[1].contains("ka=true")
    };
    assert!(ka(REQ, "GET / HTTP/1.1\r\n\r\n"));
    assert!(!ka(REQ, "GET / HTTP/1.1\r\nConnection: close\r\n\r\n"));
    assert!(!ka(REQ, "GET / HTTP/1.0\r\n\r\n"));
    assert!(ka(REQ, "GET / HTTP/1.0\r\nConnection: Keep-Alive\r\n\r\n"));
    assert!(!ka(RES, "HTTP/1.1 200 OK\r\n\r\n"));
    assert!(ka(RES, "HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n"));
}

#[test]
fn data_after_close_is_rejected_but_crlf_is_not() {
    let input = "GET / HTTP/1.1\r\nConnection: close\r\n\r\n\r\nGET / HTTP/1.1\r\n\r\n";
    let (_, _, r) = whole(REQ, input);
    // llhttp consumes the offending byte before rejecting it.
    let e = r.unwrap_err();
    assert_eq!(
        (e.kind, e.reason(), e.offset),
        (ErrorKind::ClosedConnection, "Data after `Connection: close`", 40)
    );
}

#[test]
fn leading_empty_lines_are_skipped() {
    let (ev, _, r) = whole(REQ, "\r\n\r\nGET / HTTP/1.1\r\n\r\n");
    assert_eq!(r, Ok(()));
    assert_eq!(ev.len(), 3);
}

#[test]
fn errors_are_sticky() {
    let mut p = Parser::new(REQ, Config::default());
    let mut rec = Rec::default();
    let e = p.execute(b"BAD / HTTP/1.1\r\n\r\n", &mut rec).unwrap_err();
    assert_eq!(e.code(), "HPE_INVALID_METHOD");
    assert_eq!(p.execute(b"GET / HTTP/1.1\r\n\r\n", &mut rec).unwrap_err().kind, e.kind);
    p.reset(REQ, Config::default());
    assert!(p.execute(b"GET / HTTP/1.1\r\n\r\n", &mut rec).is_ok());
}

#[test]
fn header_size_limit_default_16k() {
    // Node counts the target plus names and values: 1 + 1 + (value) must stay below 16384.
    let ok_len = 16384 - 1 - 1 - 1;
    let input = format!("GET / HTTP/1.1\r\nX: {}\r\n\r\n", "a".repeat(ok_len));
    for step in [usize::MAX, 1, 1000] {
        let (_, _, r) = run(REQ, Config::default(), input.as_bytes(), step);
        assert_eq!(r, Ok(()));
    }
    let input = format!("GET / HTTP/1.1\r\nX: {}\r\n\r\n", "a".repeat(ok_len + 1));
    // Node checks the limit when llhttp hands it a piece of a value: where the value ends
    // (after its CR) or where the input ends, whichever comes first.
    let last_a = 19 + ok_len;
    for (step, offset) in [(usize::MAX, last_a + 2), (1, last_a + 1), (1000, last_a + 2)] {
        let (_, _, r) = run(REQ, Config::default(), input.as_bytes(), step);
        let e = r.unwrap_err();
        assert_eq!(
            (e.kind, e.reason(), e.offset),
            (ErrorKind::HeaderOverflow, "Header overflow", offset)
        );
    }
}

#[test]
fn header_size_limit_is_configurable_and_counts_like_node() {
    // Matches Node: the smallest limit that accepts each head (url + names + values + 1).
    let cases: [(Kind, &str, usize); 4] = [
        (REQ, "GET /aaaa HTTP/1.1\r\n\r\n", 6),
        (REQ, "GET /aaaa HTTP/1.1\r\nXY:   vw  \r\n\r\n", 12),
        (RES, "HTTP/1.1 200 OK\r\nXY: vw\r\n\r\n", 7),
        (REQ, "POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n0\r\nAB: cd\r\n\r\n", 26),
    ];
    for (kind, input, min) in cases {
        let cfg = |max| Config { max_header_size: max, ..Config::default() };
        assert_eq!(run(kind, cfg(min), input.as_bytes(), 1).2, Ok(()), "{input:?}");
        let r = run(kind, cfg(min - 1), input.as_bytes(), 1).2;
        assert_eq!(r.unwrap_err().kind, ErrorKind::HeaderOverflow, "{input:?}");
    }
    // Uncounted whitespace cannot grow the head without bound either.
    let input = format!("GET / HTTP/1.1\r\nX:{}", " ".repeat(200_000));
    let (_, _, r) = run(REQ, Config::default(), input.as_bytes(), 4096);
    assert_eq!(r.unwrap_err().kind, ErrorKind::HeaderOverflow);
}

#[test]
fn lenient_switches() {
    let strict = Config::default();
    let cases: Vec<(Config, Kind, &str)> = vec![
        (Config { lenient_headers: true, ..strict }, REQ, "GET / HTTP/1.1\r\nX: a\x01b\r\n\r\n"),
        (
            Config { lenient_chunked_length: true, ..strict },
            REQ,
            "POST / HTTP/1.1\r\nContent-Length: 9\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n",
        ),
        (
            Config { lenient_keep_alive: true, ..strict },
            REQ,
            "GET / HTTP/1.1\r\nConnection: close\r\n\r\nGET / HTTP/1.1\r\n\r\n",
        ),
        (
            Config { lenient_transfer_encoding: true, ..strict },
            REQ,
            "POST / HTTP/1.1\r\nTransfer-Encoding: chunked, gzip\r\n\r\nbody",
        ),
        (Config { lenient_version: true, ..strict }, REQ, "GET / HTTP/3.7\r\n\r\n"),
        (
            Config { lenient_data_after_close: true, ..strict },
            REQ,
            "GET / HTTP/1.1\r\nConnection: close\r\n\r\ngarbage",
        ),
        (
            Config { lenient_optional_lf_after_cr: true, ..strict },
            REQ,
            "GET / HTTP/1.1\rX: 1\r\n\r\n",
        ),
        (
            Config { lenient_optional_crlf_after_chunk: true, ..strict },
            REQ,
            "POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n1\r\nx0\r\n\r\n",
        ),
        (Config { lenient_optional_cr_before_lf: true, ..strict }, REQ, "GET / HTTP/1.1\nX: 1\n\n"),
        (
            Config { lenient_spaces_after_chunk_size: true, ..strict },
            REQ,
            "POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n1 \t\r\nx\r\n0\r\n\r\n",
        ),
    ];
    for (cfg, kind, input) in cases {
        let strict_result = run(kind, strict, input.as_bytes(), usize::MAX).2;
        assert!(strict_result.is_err(), "strict should reject {input:?}");
        let (ev, _, r) = run(kind, cfg, input.as_bytes(), usize::MAX);
        assert_eq!(r, Ok(()), "lenient should accept {input:?}");
        assert!(ev.iter().any(|e| e.starts_with("head")), "{input:?}");
        same_all_splits(kind, cfg, input.as_bytes());
        same_all_splits(kind, Config::lenient_all(), input.as_bytes());
    }
}

#[test]
fn accepts_what_llhttp_accepts() {
    for input in [
        "GET  / HTTP/1.1\r\n\r\n",
        "GET /  HTTP/1.1\r\n\r\n",
        "GET / HTTP/1.0\r\n\r\n",
        "GET / HTTP/0.9\r\n\r\n",
        "GET * HTTP/1.1\r\n\r\n",
        "M-SEARCH * HTTP/1.1\r\n\r\n",
        "QUERY /q HTTP/1.1\r\nContent-Length: 0\r\n\r\n",
        "GET / HTTP/1.1\r\nX:\r\nY: \t\r\n\r\n",
        "POST / HTTP/1.1\r\nContent-Length:  1 \r\n\r\nx",
        "POST / HTTP/1.1\r\nContent-Length: 18446744073709551615\r\n\r\n",
        "POST / HTTP/1.1\r\nTransfer-Encoding: CHUNKED\r\n\r\n0\r\n\r\n",
        "POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n0001;a=;b\r\nx\r\n0\r\n\r\n",
    ] {
        assert_eq!(whole(REQ, input).2, Ok(()), "{input:?}");
    }
    for input in [
        "HTTP/1.1 200\r\n\r\n",
        "HTTP/1.1 200 \r\n\r\n",
        "HTTP/1.1 200 O\x01K\u{ff}\r\n\r\n",
        "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked, gzip\r\n\r\nx",
    ] {
        assert_eq!(whole(RES, input).2, Ok(()), "{input:?}");
    }
}

#[test]
fn never_panics_on_garbage() {
    let mut seed: u64 = 0x9e3779b97f4a7c15;
    let alphabet = b"GET /HTP1.0\r\n :;,=\"chunkedContent-LngthTransfer-Encoding0123456789abcdef\x00\x7f\xff\t";
    for _ in 0..3000 {
        let mut input = Vec::new();
        let len = (seed % 200) as usize;
        for _ in 0..len {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            input.push(alphabet[(seed % alphabet.len() as u64) as usize]);
        }
        for kind in [REQ, RES] {
            let a = run(kind, Config::default(), &input, usize::MAX);
            let b = run(kind, Config::default(), &input, 1);
            assert_eq!(a, b);
            let _ = run(kind, Config::lenient_all(), &input, 3);
        }
    }
}

#[test]
fn chunk_extensions_are_limited_per_chunk() {
    let long = "A".repeat(9000);
    // Two halves of one chunk's extension together pass Node's 16 KiB limit...
    let input = format!(
        "POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n2;{long}{long}\r\nab\r\n0\r\n\r\n"
    );
    let mut p = Parser::new(REQ, Config::default());
    let e = p.execute(input.as_bytes(), &mut Rec::default()).unwrap_err();
    assert_eq!(e.code(), "HPE_CHUNK_EXTENSIONS_OVERFLOW");
    assert_eq!(e.reason(), "Chunk extensions overflow");
    // ...but the count starts again with each chunk.
    let input = format!(
        "POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n2;{long}\r\nab\r\n2;{long}\r\ncd\r\n0\r\n\r\n"
    );
    let mut p = Parser::new(REQ, Config::default());
    assert_eq!(p.execute(input.as_bytes(), &mut Rec::default()), Ok(input.len()));
}
