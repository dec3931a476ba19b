//! Throughput of `parsers::http` on realistic messages, printed as bytes/s and messages/s.
//!
//! Plain `std::time` instead of a bench framework keeps dependencies at zero; each case runs
//! for a fixed wall-clock budget after a warm-up. `node_llhttp.js` next to this file runs
//! the same inputs through Node's llhttp binding for the ratio.

use std::hint::black_box;
use std::time::{Duration, Instant};

use parsers::http::{Config, Flow, Handler, Head, HeadersAction, Kind, Parser};

/// Counts what a real consumer would touch: messages, headers, body bytes.
#[derive(Default)]
struct Count {
    messages: u64,
    headers: u64,
    body: u64,
}

impl Handler for Count {
    fn on_headers_complete(&mut self, head: &Head<'_>) -> HeadersAction {
        for h in head.headers().iter() {
            self.headers += (h.name.len() + h.value.len()) as u64;
        }
        black_box(head.url());
        HeadersAction::Continue
    }
    fn on_body(&mut self, chunk: &[u8]) {
        self.body += chunk.len() as u64;
    }
    fn on_message_complete(&mut self) -> Flow {
        self.messages += 1;
        Flow::Continue
    }
}

fn cases() -> Vec<(&'static str, Kind, Vec<u8>)> {
    let get = b"GET /search?q=rust+http+parser&lang=en HTTP/1.1\r\n\
Host: www.example.com\r\n\
User-Agent: Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0\r\n\
Accept: text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8\r\n\
Accept-Language: en-US,en;q=0.5\r\n\
Accept-Encoding: gzip, deflate, br, zstd\r\n\
Connection: keep-alive\r\n\
Referer: https://www.example.com/\r\n\
Cookie: session=4f2a9c81e0b34d7f; theme=dark; _ga=GA1.2.1234567890.1700000000\r\n\
Upgrade-Insecure-Requests: 1\r\n\
Sec-Fetch-Dest: document\r\n\
Sec-Fetch-Mode: navigate\r\n\r\n"
        .to_vec();
    let post = b"POST /api/v1/items HTTP/1.1\r\n\
Host: api.example.com\r\n\
Content-Type: application/json\r\n\
Content-Length: 46\r\n\
Authorization: Bearer abcdef0123456789\r\n\r\n\
{\"name\":\"widget\",\"qty\":3,\"tags\":[\"a\",\"b\",\"c\"]}"
        .to_vec();
    let chunked = b"HTTP/1.1 200 OK\r\n\
Content-Type: text/plain; charset=utf-8\r\n\
Transfer-Encoding: chunked\r\n\
Date: Mon, 01 Jan 2024 00:00:00 GMT\r\n\
Server: oxnode\r\n\r\n\
1a\r\nabcdefghijklmnopqrstuvwxyz\r\n\
10\r\n0123456789abcdef\r\n\
40\r\n0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef\r\n\
0\r\n\r\n"
        .to_vec();
    let mut pipelined = Vec::new();
    for i in 0..16 {
        pipelined.extend_from_slice(
            format!("GET /item/{i} HTTP/1.1\r\nHost: example.com\r\nAccept: */*\r\nUser-Agent: bench/1.0\r\n\r\n")
                .as_bytes(),
        );
    }
    vec![
        ("browser GET (11 headers)", Kind::Request, get),
        ("small POST with body", Kind::Request, post),
        ("chunked response", Kind::Response, chunked),
        ("pipelined batch of 16 GETs", Kind::Request, pipelined),
    ]
}

fn main() {
    let budget = Duration::from_millis(
        std::env::var("BENCH_MS").ok().and_then(|v| v.parse().ok()).unwrap_or(2000),
    );
    println!("parsers::http (Rust)");
    for (name, kind, input) in cases() {
        let mut parser = Parser::new(kind, Config::default());
        let mut count = Count::default();
        // Warm-up, and a check that the input parses completely.
        for _ in 0..1000 {
            let n = parser.execute(&input, &mut count).expect("bench input must parse");
            assert_eq!(n, input.len());
        }
        let mut count = Count::default();
        let mut iters: u64 = 0;
        let start = Instant::now();
        while start.elapsed() < budget {
            for _ in 0..1000 {
                let _ = parser.execute(black_box(&input), &mut count);
            }
            iters += 1000;
        }
        let secs = start.elapsed().as_secs_f64();
        let bytes = iters as f64 * input.len() as f64;
        black_box((count.headers, count.body));
        println!(
            "  {name:<28} {:>8.1} MB/s {:>12.0} msg/s",
            bytes / secs / 1e6,
            count.messages as f64 / secs
        );
    }
}
