//! The HTTP side of `cargo xtask bench http`: a load generator and a fixed server, neither
//! of them the runtime under test.
//!
//! - [`drive`] keeps N HTTP/1.1 keep-alive connections busy, one request in flight on each
//!   (as `wrk -c N` without pipelining), for a fixed time, and counts responses and bytes.
//!   One thread per connection with blocking sockets: std only, and the same cost whichever
//!   runtime serves.
//! - [`HelloServer`] answers every request with `hello world` over keep-alive, so that the
//!   runtimes' HTTP *clients* are measured against one server that is none of them.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{Shutdown, SocketAddr, TcpListener, TcpStream};
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::Arc;
use std::thread;
use std::time::{Duration, Instant};

/// `cargo xtask load HOST:PORT [--path P] [--connections N] [--seconds S]`: drives a server
/// started by hand, e.g. under a profiler, and prints requests/s and body MB/s.
pub(crate) fn load_command(args: &[String]) -> Result<(), String> {
    let mut args = args.to_vec();
    let path = crate::take_opt(&mut args, "--path")?.unwrap_or_else(|| "/".into());
    let number = |v: Option<String>, default: u64| -> Result<u64, String> {
        v.map_or(Ok(default), |v| v.parse().map_err(|_| format!("not a number: {v}")))
    };
    let connections = number(crate::take_opt(&mut args, "--connections")?, 64)?.max(1);
    let seconds = number(crate::take_opt(&mut args, "--seconds")?, 5)?.max(1);
    let [addr] = args.as_slice() else { return Err(crate::USAGE.into()) };
    let addr: SocketAddr = addr.parse().map_err(|_| format!("not HOST:PORT: {addr}"))?;
    let r = drive(addr, &path, connections as usize, Duration::from_secs(seconds))?;
    let secs = r.elapsed.as_secs_f64();
    println!(
        "{:.1} requests/s, {:.1} body MB/s",
        r.responses as f64 / secs,
        r.body_bytes as f64 / 1048576.0 / secs
    );
    Ok(())
}

/// What a load run achieved.
pub(crate) struct LoadResult {
    /// Complete responses received.
    pub responses: u64,
    /// Body bytes received.
    pub body_bytes: u64,
    /// How long the load ran.
    pub elapsed: Duration,
}

/// Sends `GET path` over `connections` keep-alive connections to `addr` for `duration`,
/// each connection waiting for its response before the next request.
pub(crate) fn drive(
    addr: SocketAddr,
    path: &str,
    connections: usize,
    duration: Duration,
) -> Result<LoadResult, String> {
    let request = format!("GET {path} HTTP/1.1\r\nHost: {addr}\r\n\r\n").into_bytes();
    let stop = Arc::new(AtomicBool::new(false));
    let responses = Arc::new(AtomicU64::new(0));
    let body_bytes = Arc::new(AtomicU64::new(0));
    let start = Instant::now();
    let workers: Vec<_> = (0..connections)
        .map(|_| {
            let (stop, responses, body_bytes) =
                (stop.clone(), responses.clone(), body_bytes.clone());
            let request = request.clone();
            thread::spawn(move || -> Result<(), String> {
                let stream = TcpStream::connect(addr).map_err(|e| format!("connect: {e}"))?;
                stream.set_nodelay(true).map_err(|e| e.to_string())?;
                let mut writer = stream.try_clone().map_err(|e| e.to_string())?;
                let mut reader = BufReader::with_capacity(64 * 1024, stream);
                while !stop.load(Ordering::Relaxed) {
                    writer.write_all(&request).map_err(|e| format!("write: {e}"))?;
                    let body = read_response(&mut reader)?;
                    responses.fetch_add(1, Ordering::Relaxed);
                    body_bytes.fetch_add(body, Ordering::Relaxed);
                }
                Ok(())
            })
        })
        .collect();
    thread::sleep(duration);
    stop.store(true, Ordering::Relaxed);
    let elapsed = start.elapsed();
    for worker in workers {
        worker.join().map_err(|_| "a load thread panicked".to_string())??;
    }
    Ok(LoadResult {
        responses: responses.load(Ordering::Relaxed),
        body_bytes: body_bytes.load(Ordering::Relaxed),
        elapsed,
    })
}

/// Reads one response (Content-Length or chunked body) and returns its body length.
fn read_response(reader: &mut impl BufRead) -> Result<u64, String> {
    let mut line = String::new();
    let mut content_length = None;
    let mut chunked = false;
    let mut first = true;
    loop {
        line.clear();
        if reader.read_line(&mut line).map_err(|e| format!("read: {e}"))? == 0 {
            return Err("the server closed the connection".into());
        }
        let trimmed = line.trim_end();
        if first {
            if !trimmed.starts_with("HTTP/1.1 200") {
                return Err(format!("unexpected status line: {trimmed:?}"));
            }
            first = false;
            continue;
        }
        if trimmed.is_empty() {
            break;
        }
        if let Some((name, value)) = trimmed.split_once(':') {
            if name.eq_ignore_ascii_case("content-length") {
                content_length = value.trim().parse::<u64>().ok();
            } else if name.eq_ignore_ascii_case("transfer-encoding") {
                chunked = value.trim().eq_ignore_ascii_case("chunked");
            }
        }
    }
    if chunked {
        let mut total = 0;
        loop {
            line.clear();
            reader.read_line(&mut line).map_err(|e| format!("read: {e}"))?;
            let size = u64::from_str_radix(line.trim_end(), 16)
                .map_err(|_| format!("bad chunk size {line:?}"))?;
            skip(reader, size)?;
            line.clear();
            reader.read_line(&mut line).map_err(|e| format!("read: {e}"))?;
            total += size;
            if size == 0 {
                return Ok(total);
            }
        }
    }
    let length = content_length.ok_or("a response without Content-Length")?;
    skip(reader, length)?;
    Ok(length)
}

fn skip(reader: &mut impl BufRead, mut n: u64) -> Result<(), String> {
    while n > 0 {
        let available = reader.fill_buf().map_err(|e| format!("read: {e}"))?;
        if available.is_empty() {
            return Err("the server closed the connection mid-body".into());
        }
        let take = available.len().min(usize::try_from(n).unwrap_or(usize::MAX));
        reader.consume(take);
        n -= take as u64;
    }
    Ok(())
}

/// A keep-alive server on loopback that answers every request with `hello world`.
pub(crate) struct HelloServer {
    /// Where it listens.
    pub addr: SocketAddr,
    stop: Arc<AtomicBool>,
}

impl HelloServer {
    /// Starts it on an ephemeral loopback port.
    pub(crate) fn start() -> Result<HelloServer, String> {
        let listener = TcpListener::bind("127.0.0.1:0").map_err(|e| e.to_string())?;
        let addr = listener.local_addr().map_err(|e| e.to_string())?;
        let stop = Arc::new(AtomicBool::new(false));
        let stopping = stop.clone();
        thread::spawn(move || {
            for stream in listener.incoming() {
                if stopping.load(Ordering::Relaxed) {
                    break;
                }
                if let Ok(stream) = stream {
                    thread::spawn(move || serve_connection(stream));
                }
            }
        });
        Ok(HelloServer { addr, stop })
    }
}

impl Drop for HelloServer {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::Relaxed);
        // Wakes the accept loop so that it sees the flag.
        let _ = TcpStream::connect(self.addr).map(|s| s.shutdown(Shutdown::Both));
    }
}

/// Answers requests without bodies until the client goes away.
fn serve_connection(stream: TcpStream) {
    const RESPONSE: &[u8] =
        b"HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 11\r\n\r\nhello world";
    let _ = stream.set_nodelay(true);
    let Ok(mut writer) = stream.try_clone() else { return };
    let mut reader = BufReader::new(stream);
    let mut line = String::new();
    loop {
        // Skip the request head; bodies are not expected.
        loop {
            line.clear();
            match reader.read_line(&mut line) {
                Ok(0) | Err(_) => return,
                Ok(_) if line.trim_end().is_empty() => break,
                Ok(_) => {}
            }
        }
        if writer.write_all(RESPONSE).is_err() {
            return;
        }
    }
}

/// Reads a `port N` line from a child's stdout (the runtime's server announcing itself).
pub(crate) fn read_port(stdout: impl Read) -> Result<(u16, impl BufRead), String> {
    let mut reader = BufReader::new(stdout);
    let mut line = String::new();
    reader.read_line(&mut line).map_err(|e| e.to_string())?;
    let port = line
        .trim()
        .strip_prefix("port ")
        .and_then(|p| p.parse().ok())
        .ok_or_else(|| format!("the server printed {line:?}, not `port N`"))?;
    Ok((port, reader))
}
