//! Session tickets sealed with Node's `ticketKeys`, so that servers given the same keys
//! resume each other's sessions and `setTicketKeys()` rotates them, as with OpenSSL.
//!
//! Node's 48 bytes are a 16-byte key name, a 16-byte HMAC secret and a 16-byte AES key
//! (OpenSSL's layout). Tickets only ever come back to a server of this process family, so
//! the sealing need not be OpenSSL's byte format: the name identifies the keys, and the
//! ticket is sealed with AES-256-GCM (ring) under a key derived from the two secrets.

use std::sync::Arc;

use ring::aead::{Aad, LessSafeKey, Nonce, UnboundKey, AES_256_GCM, NONCE_LEN};
use ring::rand::{SecureRandom, SystemRandom};
use rustls::server::ProducesTickets;

use crate::tls::config::TicketKeys;

/// How long a client may keep a ticket: Node's default `sessionTimeout` (300 s).
const TICKET_LIFETIME_SECS: u32 = 300;

/// [`ProducesTickets`] over keys JS can replace at any time.
#[derive(Debug)]
pub(crate) struct NodeTicketer {
    keys: Arc<TicketKeys>,
    random: SystemRandom,
}

impl NodeTicketer {
    pub(crate) fn new(keys: Arc<TicketKeys>) -> Self {
        Self { keys, random: SystemRandom::new() }
    }
}

/// The key name and the sealing key of Node's 48 bytes.
fn split(keys: &[u8; 48]) -> ([u8; 16], LessSafeKey) {
    let mut name = [0u8; 16];
    name.copy_from_slice(&keys[..16]);
    let secret = ring::digest::digest(&ring::digest::SHA256, &keys[16..]);
    // A SHA-256 output is exactly AES-256's key length.
    let key = UnboundKey::new(&AES_256_GCM, secret.as_ref()).expect("32-byte AES-256 key");
    (name, LessSafeKey::new(key))
}

impl ProducesTickets for NodeTicketer {
    fn enabled(&self) -> bool {
        true
    }

    fn lifetime(&self) -> u32 {
        TICKET_LIFETIME_SECS
    }

    /// `name ‖ nonce ‖ AES-256-GCM(plain)`, the name authenticated as associated data.
    fn encrypt(&self, plain: &[u8]) -> Option<Vec<u8>> {
        let (name, key) = split(&self.keys.get());
        let mut nonce = [0u8; NONCE_LEN];
        self.random.fill(&mut nonce).ok()?;
        let mut sealed = plain.to_vec();
        key.seal_in_place_append_tag(
            Nonce::assume_unique_for_key(nonce),
            Aad::from(&name),
            &mut sealed,
        )
        .ok()?;
        let mut ticket = Vec::with_capacity(16 + NONCE_LEN + sealed.len());
        ticket.extend_from_slice(&name);
        ticket.extend_from_slice(&nonce);
        ticket.extend_from_slice(&sealed);
        Some(ticket)
    }

    /// The plaintext of a ticket sealed under the current keys; `None` (a full handshake)
    /// for any other ticket.
    fn decrypt(&self, ticket: &[u8]) -> Option<Vec<u8>> {
        let (name, key) = split(&self.keys.get());
        let rest = ticket.strip_prefix(name.as_slice())?;
        if rest.len() < NONCE_LEN {
            return None;
        }
        let (nonce, sealed) = rest.split_at(NONCE_LEN);
        let nonce = Nonce::try_assume_unique_for_key(nonce).ok()?;
        let mut buf = sealed.to_vec();
        let plain = key.open_in_place(nonce, Aad::from(&name), &mut buf).ok()?;
        Some(plain.to_vec())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tickets_open_under_the_same_keys_only() {
        let keys = Arc::new(TicketKeys::new([7; 48]));
        let ticketer = NodeTicketer::new(keys.clone());
        let ticket = ticketer.encrypt(b"session state").unwrap();
        let other = NodeTicketer::new(Arc::new(TicketKeys::new([7; 48])));
        assert_eq!(other.decrypt(&ticket).as_deref(), Some(&b"session state"[..]));
        keys.set([8; 48]);
        assert!(ticketer.decrypt(&ticket).is_none());
        assert!(ticketer.decrypt(b"").is_none());
        assert!(ticketer.decrypt(&[8; 20]).is_none());
        let mut tampered = other.encrypt(b"x").unwrap();
        let last = tampered.len() - 1;
        tampered[last] ^= 1;
        assert!(other.decrypt(&tampered).is_none());
    }
}
