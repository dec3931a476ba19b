//! `asymmetricKeyDetails` and key equality.

use engine::{HostValue, OpCtx, OpResult};
use rsa::traits::PublicKeyParts;

use super::{key_arg, AsymKey, RsaVariant};

/// `keyDetails(id)` → the details object (`publicExponent` as a hex string; JS makes it a
/// BigInt).
pub(super) fn key_details(ctx: &mut dyn OpCtx) -> OpResult {
    let key = key_arg(ctx, 0)?;
    Ok(HostValue::Object(details(&key)))
}

/// The members of `asymmetricKeyDetails`, in Node's order.
pub(super) fn details(key: &AsymKey) -> Vec<(String, HostValue)> {
    let mut out: Vec<(String, HostValue)> = Vec::new();
    let mut push = |k: &str, v: HostValue| out.push((k.to_owned(), v));
    match key {
        AsymKey::RsaPrivate { variant, .. } | AsymKey::RsaPublic { variant, .. } => {
            let (n, e) = match key {
                AsymKey::RsaPrivate { key, .. } => (key.n(), key.e()),
                AsymKey::RsaPublic { key, .. } => (key.n(), key.e()),
                _ => return out,
            };
            push("modulusLength", HostValue::Number(n.bits() as f64));
            push("publicExponent", HostValue::String(e.to_str_radix(16)));
            if let RsaVariant::Pss(Some(p)) = variant {
                push("hashAlgorithm", p.hash.into());
                push("mgf1HashAlgorithm", p.mgf1_hash.into());
                push("saltLength", HostValue::Number(p.salt_length.into()));
            }
        }
        AsymKey::DsaPrivate(_) | AsymKey::DsaPublic(_) => {
            let c = match key {
                AsymKey::DsaPrivate(k) => k.verifying_key().components(),
                AsymKey::DsaPublic(k) => k.components(),
                _ => return out,
            };
            push("modulusLength", HostValue::Number(c.p().bits() as f64));
            push("divisorLength", HostValue::Number(c.q().bits() as f64));
        }
        AsymKey::EcPrivate(_) | AsymKey::EcPublic(_) => {
            if let Some(curve) = key.curve() {
                push("namedCurve", curve.node_name().into());
            }
        }
        _ => {}
    }
    out
}

/// `keyEquals(a, b)` → whether both are the same kind of key with the same material.
pub(super) fn key_equals(ctx: &mut dyn OpCtx) -> OpResult {
    let a = key_arg(ctx, 0)?;
    let b = key_arg(ctx, 1)?;
    Ok(HostValue::Bool(equals(&a, &b)))
}

/// Key equality as OpenSSL's `EVP_PKEY_eq`: same type and same public (and, for private
/// keys, private) material; the canonical encodings compare exactly that.
pub(super) fn equals(a: &AsymKey, b: &AsymKey) -> bool {
    if a.is_private() != b.is_private() {
        return false;
    }
    if let (AsymKey::PqcPrivate(a), AsymKey::PqcPrivate(b)) = (a, b) {
        // With or without its seed, the same key (OpenSSL compares the key material).
        return a.alg == b.alg && a.expanded == b.expanded && a.public == b.public;
    }
    if a.is_private() {
        super::export::pkcs8(a) == super::export::pkcs8(b)
    } else {
        super::export::spki(a) == super::export::spki(b)
    }
}
