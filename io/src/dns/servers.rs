//! Name-server lists in Node's string forms: `setServers` parsing, `getServers` formatting.
//!
//! Node accepts, per entry: a bare IPv4 or IPv6 address, `ipv4:port`, `[ipv6]` and
//! `[ipv6]:port`; a missing or zero port means 53 (`parseInt(port) || 53`). `getServers`
//! prints the port only when it is not 53, bracketing IPv6 addresses then. Both directions are
//! here so they stay each other's inverse; the resolver stores plain [`SocketAddr`]s.

use std::net::{IpAddr, SocketAddr};

use super::error::InvalidServerError;

/// The port DNS servers listen on unless told otherwise.
pub const DNS_PORT: u16 = 53;

/// Parses one `setServers` entry.
pub fn parse_server(input: &str) -> Result<SocketAddr, InvalidServerError> {
    let invalid = || InvalidServerError { input: input.to_owned() };
    // A bare address, v4 or v6 (`::1` is not `host:port`).
    if let Ok(ip) = input.parse::<IpAddr>() {
        return Ok(SocketAddr::new(ip, DNS_PORT));
    }
    // `[addr]` or `[addr]:port`.
    if let Some(rest) = input.strip_prefix('[') {
        let (addr, after) = rest.split_once(']').ok_or_else(invalid)?;
        let ip = addr.parse::<IpAddr>().map_err(|_| invalid())?;
        let port = match after {
            "" => DNS_PORT,
            _ => parse_port(after.strip_prefix(':').ok_or_else(invalid)?).ok_or_else(invalid)?,
        };
        return Ok(SocketAddr::new(ip, port));
    }
    // `addr:port`, split at the last colon.
    let (addr, port) = input.rsplit_once(':').ok_or_else(invalid)?;
    let ip = addr.parse::<IpAddr>().map_err(|_| invalid())?;
    let port = parse_port(port).ok_or_else(invalid)?;
    Ok(SocketAddr::new(ip, port))
}

/// Digits only (Node's `(\d+)`); 0 means the default port, as `parseInt(p) || 53` does.
/// Ports above 65535 are refused rather than silently wrapped.
fn parse_port(s: &str) -> Option<u16> {
    if s.is_empty() || !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let digits = s.trim_start_matches('0');
    if digits.is_empty() {
        return Some(DNS_PORT);
    }
    if digits.len() > 5 {
        return None;
    }
    digits.parse::<u16>().ok()
}

/// Parses a whole `setServers` list; one bad entry rejects the list, leaving nothing changed.
pub fn parse_servers<S: AsRef<str>>(inputs: &[S]) -> Result<Vec<SocketAddr>, InvalidServerError> {
    inputs.iter().map(|s| parse_server(s.as_ref())).collect()
}

/// Formats one server as `getServers` does.
pub fn format_server(addr: &SocketAddr) -> String {
    if addr.port() == DNS_PORT {
        return addr.ip().to_string();
    }
    // SocketAddr's Display brackets IPv6 (`[::1]:5353`), which is Node's form.
    addr.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn node_forms_round_trip() {
        for (input, shown) in [
            ("8.8.8.8", "8.8.8.8"),
            ("8.8.8.8:53", "8.8.8.8"),
            ("8.8.8.8:1053", "8.8.8.8:1053"),
            ("8.8.8.8:0", "8.8.8.8"),
            ("::1", "::1"),
            ("[::1]", "::1"),
            ("[::1]:53", "::1"),
            ("[2001:db8::1]:5353", "[2001:db8::1]:5353"),
            ("[1.2.3.4]:99", "1.2.3.4:99"),
        ] {
            let addr = parse_server(input).unwrap();
            assert_eq!(format_server(&addr), shown, "{input}");
            assert_eq!(parse_server(shown).unwrap(), addr, "{input}");
        }
    }

    #[test]
    fn rejects_bad_entries() {
        for bad in [
            "",
            "foo",
            "example.com:53",
            "1.2.3.4:",
            "1.2.3.4:x",
            "1.2.3.4:65536",
            "1.2.3.4:-1",
            "[::1",
            "[::1]x",
            "[::1]:",
            "[foo]:53",
            "::1:99999999999999999999",
            "1.2.3.4:53:53",
        ] {
            let err = parse_server(bad).unwrap_err();
            assert_eq!(err.code(), "ERR_INVALID_IP_ADDRESS");
            assert_eq!(err.to_string(), format!("Invalid IP address: {bad}"));
        }
    }
}
