//! Feeds one input to `parsers::http` whole and cut into random pieces, and checks that it
//! never panics and that both runs see the same events, consumed length and error.
//!
//! The first bytes choose the parser kind, leniency, header limit and the cut points, the
//! rest is the message stream. A dictionary-free fuzzer rarely builds valid HTTP, so half
//! the time the stream is prefixed with a valid head to reach the body framing.
#![no_main]

use libfuzzer_sys::fuzz_target;
use parsers::http::{Config, Flow, Handler, Head, Headers, HeadersAction, Kind, Parser};

#[derive(Default, PartialEq, Debug)]
struct Rec {
    ev: Vec<Vec<u8>>,
    body: Vec<u8>,
    action: u8,
}

impl Rec {
    fn flush(&mut self) {
        if !self.body.is_empty() {
            let mut e = b"body ".to_vec();
            e.append(&mut self.body);
            self.ev.push(e);
        }
    }
}

impl Handler for Rec {
    fn on_message_begin(&mut self) {
        self.ev.push(b"begin".to_vec());
    }
    fn on_headers_complete(&mut self, h: &Head<'_>) -> HeadersAction {
        let mut e = format!(
            "head {:?} {} {}.{} ka={} up={} cl={:?} ch={} ",
            h.method,
            h.status,
            h.http_major,
            h.http_minor,
            h.should_keep_alive,
            h.upgrade,
            h.content_length,
            h.chunked
        )
        .into_bytes();
        e.extend_from_slice(h.url());
        e.push(b'|');
        e.extend_from_slice(h.reason());
        for x in h.headers().iter() {
            e.push(b'|');
            e.extend_from_slice(x.name);
            e.push(b'=');
            e.extend_from_slice(x.value);
        }
        self.ev.push(e);
        match self.action % 8 {
            0 => HeadersAction::SkipBody,
            1 => HeadersAction::Upgrade,
            _ => HeadersAction::Continue,
        }
    }
    fn on_body(&mut self, c: &[u8]) {
        self.body.extend_from_slice(c);
    }
    fn on_chunk_header(&mut self, size: u64) {
        self.flush();
        self.ev.push(format!("chunk {size}").into_bytes());
    }
    fn on_chunk_complete(&mut self) {
        self.flush();
        self.ev.push(b"chunk done".to_vec());
    }
    fn on_trailers(&mut self, t: &Headers<'_>) {
        self.flush();
        let mut e = b"trailers".to_vec();
        for x in t.iter() {
            e.push(b'|');
            e.extend_from_slice(x.name);
            e.push(b'=');
            e.extend_from_slice(x.value);
        }
        self.ev.push(e);
    }
    fn on_message_complete(&mut self) -> Flow {
        self.flush();
        self.ev.push(b"complete".to_vec());
        Flow::Continue
    }
}

/// Runs the parser over `pieces`; returns events, bytes consumed and the error code.
fn run(
    kind: Kind,
    cfg: Config,
    action: u8,
    pieces: &[&[u8]],
) -> (Vec<Vec<u8>>, usize, Option<(&'static str, usize)>) {
    let mut p = Parser::new(kind, cfg);
    let mut rec = Rec {
        action,
        ..Rec::default()
    };
    let mut consumed = 0;
    let mut err = None;
    for piece in pieces {
        match p.execute(piece, &mut rec) {
            Ok(n) => {
                assert!(n <= piece.len());
                consumed += n;
                if n < piece.len() {
                    break;
                }
            }
            Err(e) => {
                // llhttp reports some rejections one past the byte it consumed to decide.
                assert!(e.offset <= piece.len());
                consumed += e.offset;
                // Like Node, the header limit is checked where llhttp hands over a piece,
                // so where it trips depends on the split; only that it trips is compared.
                if e.code() == "HPE_HEADER_OVERFLOW" {
                    consumed = usize::MAX;
                }
                err = Some((e.code(), consumed));
                break;
            }
        }
    }
    if err.is_none() {
        if let Err(e) = p.finish(&mut rec) {
            err = Some((e.code(), usize::MAX));
        }
    }
    rec.flush();
    (rec.ev, consumed, err)
}

type Outcome = (Vec<Vec<u8>>, usize, Option<(&'static str, usize)>);

/// Asserts two runs agree. The header limit is the exception: like Node, the parser checks
/// it where llhttp would hand a piece of the head over, which includes the end of each
/// input, so a split can trip it before (or instead of) a later rejection.
fn same_outcome(a: &Outcome, b: &Outcome) {
    let overflow = |o: &Outcome| matches!(o.2, Some(("HPE_HEADER_OVERFLOW", _)));
    if overflow(a) != overflow(b) {
        return;
    }
    assert_eq!(a, b);
}

const PREFIXES: [&[u8]; 4] = [
    b"POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n",
    b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n",
    b"POST / HTTP/1.1\r\nContent-Length: 10\r\n\r\n",
    b"GET / HTTP/1.1\r\nHost: a\r\n",
];

fuzz_target!(|data: &[u8]| {
    if data.len() < 4 {
        return;
    }
    let (ctl, rest) = data.split_at(4);
    let kind = if ctl[0] & 1 == 0 {
        Kind::Request
    } else {
        Kind::Response
    };
    let mut cfg = if ctl[0] & 2 == 0 {
        Config::default()
    } else {
        Config::lenient_all()
    };
    if ctl[0] & 4 != 0 {
        cfg.max_header_size = 1 + usize::from(ctl[1]);
    }
    let mut input = Vec::new();
    if ctl[0] & 8 != 0 {
        input.extend_from_slice(PREFIXES[usize::from(ctl[0] >> 4) % PREFIXES.len()]);
    }
    input.extend_from_slice(rest);
    let action = ctl[3];

    let whole = run(kind, cfg, action, &[&input]);

    // Cut points from a small xorshift seeded by the control bytes.
    let mut seed = u32::from_le_bytes([ctl[1], ctl[2], ctl[3], 1]) | 1;
    let mut pieces = Vec::new();
    let mut at = 0;
    while at < input.len() {
        seed ^= seed << 13;
        seed ^= seed >> 17;
        seed ^= seed << 5;
        let len = 1 + (seed as usize % 9);
        let end = (at + len).min(input.len());
        pieces.push(&input[at..end]);
        at = end;
    }
    let split = run(kind, cfg, action, &pieces);
    same_outcome(&whole, &split);

    let bytewise: Vec<&[u8]> = input.chunks(1).collect();
    same_outcome(&whole, &run(kind, cfg, action, &bytewise));
});
