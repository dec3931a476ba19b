//! Cipher suite names as Node reports them from `socket.getCipher()`.
//!
//! Node returns OpenSSL's name (`ECDHE-RSA-AES128-GCM-SHA256`), the IANA name as
//! `standardName` (`TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256`) and the minimum protocol version of
//! the suite as `version`. Backends report IANA names; this table maps them, so the mapping is
//! shared by every backend. Suites outside the table keep their IANA name as `name`.

/// Node's `getCipher()` result.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CipherInfo {
    /// OpenSSL's name.
    pub name: String,
    /// The IANA (RFC) name.
    pub standard_name: String,
    /// The TLS version the suite belongs to (`TLSv1.2`, `TLSv1.3`).
    pub version: &'static str,
}

/// (IANA name, OpenSSL name, version) for every suite rustls and common OpenSSL builds speak.
const TABLE: &[(&str, &str, &str)] = &[
    ("TLS_AES_128_GCM_SHA256", "TLS_AES_128_GCM_SHA256", "TLSv1.3"),
    ("TLS_AES_256_GCM_SHA384", "TLS_AES_256_GCM_SHA384", "TLSv1.3"),
    ("TLS_CHACHA20_POLY1305_SHA256", "TLS_CHACHA20_POLY1305_SHA256", "TLSv1.3"),
    ("TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256", "ECDHE-ECDSA-AES128-GCM-SHA256", "TLSv1.2"),
    ("TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384", "ECDHE-ECDSA-AES256-GCM-SHA384", "TLSv1.2"),
    ("TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256", "ECDHE-ECDSA-CHACHA20-POLY1305", "TLSv1.2"),
    ("TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256", "ECDHE-RSA-AES128-GCM-SHA256", "TLSv1.2"),
    ("TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384", "ECDHE-RSA-AES256-GCM-SHA384", "TLSv1.2"),
    ("TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256", "ECDHE-RSA-CHACHA20-POLY1305", "TLSv1.2"),
];

impl CipherInfo {
    /// Builds Node's triple from a suite's IANA name (`TLS13_` prefixes are normalized).
    pub fn from_standard_name(iana: &str) -> Self {
        let iana = match iana.strip_prefix("TLS13_") {
            Some(rest) => format!("TLS_{rest}"),
            None => iana.to_owned(),
        };
        match TABLE.iter().find(|(std, _, _)| *std == iana) {
            Some((std, name, version)) => {
                Self { name: (*name).to_owned(), standard_name: (*std).to_owned(), version }
            }
            None => Self {
                name: iana.clone(),
                version: if iana.contains("_WITH_") { "TLSv1.2" } else { "TLSv1.3" },
                standard_name: iana,
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn maps_names() {
        let c = CipherInfo::from_standard_name("TLS13_AES_256_GCM_SHA384");
        assert_eq!(c.name, "TLS_AES_256_GCM_SHA384");
        assert_eq!(c.version, "TLSv1.3");
        let c = CipherInfo::from_standard_name("TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256");
        assert_eq!(c.name, "ECDHE-RSA-AES128-GCM-SHA256");
        assert_eq!(c.standard_name, "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256");
        assert_eq!(c.version, "TLSv1.2");
    }
}
