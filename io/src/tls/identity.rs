//! Node's default `tls.checkServerIdentity(hostname, cert)`.
//!
//! Node does not use OpenSSL's hostname check: it runs its own JS after the chain is verified,
//! with its own wildcard rules and its own messages (`Host: x. is not in the cert's altnames:
//! DNS:a`). Reproducing that logic here, over [`PeerCertificate`], gives the same accept/reject
//! decisions and the same `ERR_TLS_CERT_ALTNAME_INVALID` text, and lets a backend run it inside
//! the handshake when `rejectUnauthorized` is on.

use std::net::IpAddr;

use super::cert_info::PeerCertificate;
use super::error::VerifyError;

/// Checks `hostname` against the certificate's subjectAltName (or CN when it has no DNS
/// names), exactly as Node's default `checkServerIdentity` does.
pub fn check_server_identity(hostname: &str, cert: &PeerCertificate) -> Result<(), VerifyError> {
    let alt_names = cert.subjectaltname.as_deref().unwrap_or("");
    let mut dns_names = Vec::new();
    let mut ips = Vec::new();
    for name in alt_names.split(", ").filter(|s| !s.is_empty()) {
        if let Some(dns) = name.strip_prefix("DNS:") {
            dns_names.push(dns);
        } else if let Some(ip) = name.strip_prefix("IP Address:") {
            ips.push(ip);
        }
    }

    // Node strips IPv6 brackets before testing for an IP.
    let bare = hostname.strip_prefix('[').and_then(|h| h.strip_suffix(']')).unwrap_or(hostname);
    let reason = if let Ok(ip) = bare.parse::<IpAddr>() {
        let canonical = ip.to_string();
        if ips.iter().any(|c| c.parse::<IpAddr>().is_ok_and(|c| c == ip) || **c == canonical) {
            return Ok(());
        }
        format!("IP: {hostname} is not in the cert's list: {}", ips.join(", "))
    } else {
        let cn = cert.subject.get_all("CN");
        if !dns_names.is_empty() || !cn.is_empty() {
            let host_parts = split_host(hostname);
            if !dns_names.is_empty() {
                if dns_names.iter().any(|p| matches(&host_parts, p)) {
                    return Ok(());
                }
                format!("Host: {hostname}. is not in the cert's altnames: {alt_names}")
            } else {
                // As in Node 25 (RFC 6125), the Common Name counts whenever there is no DNS
                // alt name, even beside IP or URI alt names.
                if cn.iter().any(|p| matches(&host_parts, p)) {
                    return Ok(());
                }
                format!("Host: {hostname}. is not cert's CN: {}", cn.join(","))
            }
        } else {
            "Cert does not contain a DNS name".to_owned()
        }
    };
    Err(VerifyError::altname_invalid(hostname, reason))
}

/// Node's `splitHost`: drop one trailing dot, lowercase, split into labels.
fn split_host(host: &str) -> Vec<String> {
    let host = host.strip_suffix('.').unwrap_or(host);
    host.to_ascii_lowercase().split('.').map(str::to_owned).collect()
}

/// Node's `check(hostParts, pattern, wildcards=true)`.
fn matches(host_parts: &[String], pattern: &str) -> bool {
    if pattern.is_empty() {
        return false;
    }
    let pattern_parts = split_host(pattern);
    if host_parts.len() != pattern_parts.len() || pattern_parts.iter().any(String::is_empty) {
        return false;
    }
    // Only printable ASCII may appear in a pattern.
    if pattern_parts.iter().any(|p| p.chars().any(|c| !('\u{21}'..='\u{7f}').contains(&c))) {
        return false;
    }
    // Every label but the first must match exactly.
    if host_parts[1..] != pattern_parts[1..] {
        return false;
    }
    let host_sub = &host_parts[0];
    let pattern_sub = &pattern_parts[0];
    let pieces: Vec<&str> = pattern_sub.splitn(3, '*').collect();
    match pieces.as_slice() {
        [exact] => host_sub == exact,
        // A wildcard needs at least two more labels, as in Node (no `*.com`).
        [prefix, suffix] if pattern_parts.len() > 2 => {
            prefix.len() + suffix.len() <= host_sub.len()
                && host_sub.starts_with(prefix)
                && host_sub.ends_with(suffix)
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tls::cert_info::DistinguishedName;

    fn cert(san: Option<&str>, cn: Option<&str>) -> PeerCertificate {
        PeerCertificate {
            subjectaltname: san.map(str::to_owned),
            subject: DistinguishedName {
                entries: cn.map(|c| vec![("CN".to_owned(), c.to_owned())]).unwrap_or_default(),
            },
            ..PeerCertificate::default()
        }
    }

    #[test]
    fn dns_and_wildcards() {
        let c = cert(Some("DNS:*.example.com, DNS:example.com"), None);
        assert!(check_server_identity("a.example.com", &c).is_ok());
        assert!(check_server_identity("EXAMPLE.com.", &c).is_ok());
        let err = check_server_identity("a.b.example.com", &c).unwrap_err();
        assert_eq!(err.code(), "ERR_TLS_CERT_ALTNAME_INVALID");
        assert_eq!(
            err.message(),
            "Hostname/IP does not match certificate's altnames: Host: a.b.example.com. is not in the cert's altnames: DNS:*.example.com, DNS:example.com"
        );
        assert!(check_server_identity("x.com", &cert(Some("DNS:*.com"), None)).is_err());
    }

    #[test]
    fn ips_and_cn() {
        let c = cert(Some("DNS:localhost, IP Address:127.0.0.1"), None);
        assert!(check_server_identity("127.0.0.1", &c).is_ok());
        let err = check_server_identity("10.0.0.1", &c).unwrap_err();
        assert_eq!(err.reason(), Some("IP: 10.0.0.1 is not in the cert's list: 127.0.0.1"));
        assert!(check_server_identity("host.test", &cert(None, Some("host.test"))).is_ok());
        let err = check_server_identity("other.test", &cert(None, Some("host.test"))).unwrap_err();
        assert_eq!(err.reason(), Some("Host: other.test. is not cert's CN: host.test"));
        let err = check_server_identity("h", &cert(None, None)).unwrap_err();
        assert_eq!(err.reason(), Some("Cert does not contain a DNS name"));
    }
}
