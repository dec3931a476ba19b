//! `internalBinding('crypto')`, asymmetric keys: the native side of public and private
//! KeyObjects (import, export, details, generation, `crypto.diffieHellman`).
//!
//! A key lives in the realm's [`KeyTable`] as an `Arc<AsymKey>`; JS holds its numeric id and
//! frees it with `keyFree` (from a FinalizationRegistry). Other crypto ops (sign/verify, RSA
//! encryption, key agreement) take a key id argument and read it with [`key_arg`], then
//! `match` on [`AsymKey`]. Async jobs clone the `Arc` and move it to the blocking pool.
//!
//! Files: `import.rs` (PEM/DER/JWK/raw in, encrypted PKCS#8, certificates), `export.rs`
//! (PEM/DER/JWK/raw out), `details.rs` (`asymmetricKeyDetails`, equality), `generate.rs`
//! (keygen), `agree.rs` (`keyAgree`), `der.rs` (the small DER reader/writer the formats
//! RustCrypto does not cover need: DH, RSA-PSS parameters, DSA).

use std::collections::HashMap;
use std::sync::Arc;

use engine::{HostValue, Op, OpCtx, OpResult, ThrowError};
use num_bigint_dig::BigUint;

mod agree;
mod der;
mod details;
mod export;
pub(in crate::ops) mod generate;
mod import;
mod json;
mod kem;
pub(in crate::ops) mod modp;
mod pbe;
pub(in crate::ops) mod pqc;
mod spkac;

pub(in crate::ops) const OPS: &[Op] = &[
    Op { binding: "crypto", name: "keyImport", func: import::key_import },
    Op { binding: "crypto", name: "keyImportRaw", func: import::key_import_raw },
    Op { binding: "crypto", name: "keyExport", func: export::key_export },
    Op { binding: "crypto", name: "keyDetails", func: details::key_details },
    Op { binding: "crypto", name: "keyToPublic", func: key_to_public },
    Op { binding: "crypto", name: "keyEquals", func: details::key_equals },
    Op { binding: "crypto", name: "keyFree", func: key_free },
    Op { binding: "crypto", name: "keyGenerate", func: generate::key_generate },
    Op { binding: "crypto", name: "keyGenerateAsync", func: generate::key_generate_async },
    Op { binding: "crypto", name: "keyAgree", func: agree::key_agree },
    Op { binding: "crypto", name: "certSpkacParse", func: spkac::spkac_parse },
    Op { binding: "crypto", name: "keyCipherKnown", func: export::key_cipher_known },
    Op { binding: "crypto", name: "kemEncapsulate", func: kem::kem_encapsulate },
    Op { binding: "crypto", name: "kemEncapsulateAsync", func: kem::kem_encapsulate_async },
    Op { binding: "crypto", name: "kemDecapsulate", func: kem::kem_decapsulate },
    Op { binding: "crypto", name: "kemDecapsulateAsync", func: kem::kem_decapsulate_async },
];

/// An asymmetric key, private or public, as a KeyObject holds it.
///
/// One variant per (algorithm, private/public) pair so signing code can match directly:
///
/// ```ignore
/// match &*key_arg(ctx, 0)? {
///     AsymKey::RsaPrivate { key, variant: RsaVariant::Pss(params) } => …,
///     AsymKey::EcPrivate(EcPrivateKey::P256(sk)) => p256::ecdsa::SigningKey::from(sk)…,
///     AsymKey::Ed25519Private(sk) => sk.sign(data)…,
///     _ => …
/// }
/// ```
///
/// A private key always carries what its public half needs (`keyToPublic` derives it).
pub(in crate::ops) enum AsymKey {
    /// An RSA private key (`rsa` or `rsa-pss`).
    RsaPrivate { key: rsa::RsaPrivateKey, variant: RsaVariant },
    /// An RSA public key (`rsa` or `rsa-pss`).
    RsaPublic { key: rsa::RsaPublicKey, variant: RsaVariant },
    /// A DSA private key (its domain parameters are inside).
    DsaPrivate(dsa::SigningKey),
    /// A DSA public key.
    DsaPublic(dsa::VerifyingKey),
    /// An EC private key on one of the named curves.
    EcPrivate(EcPrivateKey),
    /// An EC public key on one of the named curves.
    EcPublic(EcPublicKey),
    /// An Ed25519 private key (the 32-byte seed).
    Ed25519Private(ed25519_dalek::SigningKey),
    /// An Ed25519 public key.
    Ed25519Public(ed25519_dalek::VerifyingKey),
    /// An Ed448 private key (the 57-byte seed).
    Ed448Private(ed448_goldilocks_plus::SigningKey),
    /// An Ed448 public key.
    Ed448Public(ed448_goldilocks_plus::VerifyingKey),
    /// An X25519 private key.
    X25519Private(x25519_dalek::StaticSecret),
    /// An X25519 public key.
    X25519Public(x25519_dalek::PublicKey),
    /// An X448 private key: the 56 raw bytes (RFC 7748; clamped when used).
    X448Private([u8; 56]),
    /// An X448 public key: the 56-byte u-coordinate.
    X448Public([u8; 56]),
    /// A finite-field Diffie-Hellman private key.
    DhPrivate { params: DhParams, private: BigUint, public: BigUint },
    /// A finite-field Diffie-Hellman public key.
    DhPublic { params: DhParams, public: BigUint },
    /// An ML-DSA, ML-KEM or SLH-DSA private key.
    PqcPrivate(pqc::PqcPrivate),
    /// An ML-DSA, ML-KEM or SLH-DSA public key.
    PqcPublic(pqc::PqcPublic),
}

/// Plain RSA (`rsaEncryption`) or RSA-PSS (`id-RSASSA-PSS`, optionally restricted).
#[derive(Clone, Debug, PartialEq, Eq)]
pub(in crate::ops) enum RsaVariant {
    /// `asymmetricKeyType` 'rsa'.
    Rsa,
    /// `asymmetricKeyType` 'rsa-pss'; `Some` when the key carries PSS parameters (then only
    /// those hashes may be used and the salt must be at least `salt_length`).
    Pss(Option<PssParams>),
}

/// The RSASSA-PSS-params a restricted rsa-pss key carries.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(in crate::ops) struct PssParams {
    /// The message digest, by OpenSSL/Node name ('sha1', 'sha256', 'sha512-256', …).
    pub hash: &'static str,
    /// The MGF1 digest, by OpenSSL/Node name.
    pub mgf1_hash: &'static str,
    /// The (minimum) salt length in bytes.
    pub salt_length: u32,
}

/// The EC curves supported, by Node's name.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(in crate::ops) enum Curve {
    /// NIST P-256 ('prime256v1', JWK 'P-256').
    P256,
    /// NIST P-384 ('secp384r1', JWK 'P-384').
    P384,
    /// NIST P-521 ('secp521r1', JWK 'P-521').
    P521,
    /// secp256k1 ('secp256k1', JWK 'secp256k1').
    K256,
    /// NIST P-224 ('secp224r1'; JWK has no name for it).
    P224,
}

impl Curve {
    /// The OpenSSL short name Node reports as `namedCurve`.
    pub fn node_name(self) -> &'static str {
        match self {
            Curve::P256 => "prime256v1",
            Curve::P384 => "secp384r1",
            Curve::P521 => "secp521r1",
            Curve::K256 => "secp256k1",
            Curve::P224 => "secp224r1",
        }
    }

    /// The curve a Node/OpenSSL/JWK name stands for ('prime256v1', 'P-256', 'secp256r1', …).
    pub fn from_name(name: &str) -> Option<Curve> {
        Some(match name {
            "prime256v1" | "P-256" | "secp256r1" => Curve::P256,
            "secp384r1" | "P-384" => Curve::P384,
            "secp521r1" | "P-521" => Curve::P521,
            "secp256k1" => Curve::K256,
            "secp224r1" => Curve::P224,
            _ => return None,
        })
    }

    /// The JWK `crv` name.
    pub fn jwk_name(self) -> &'static str {
        match self {
            Curve::P256 => "P-256",
            Curve::P384 => "P-384",
            Curve::P521 => "P-521",
            Curve::K256 => "secp256k1",
            // Not a JWK curve: the JS side refuses JWK export of it first.
            Curve::P224 => "P-224",
        }
    }

    /// Bytes in a field element (and in a private scalar).
    pub fn field_size(self) -> usize {
        match self {
            Curve::P256 | Curve::K256 => 32,
            Curve::P384 => 48,
            Curve::P521 => 66,
            Curve::P224 => 28,
        }
    }
}

/// An EC private key, one variant per curve (each crate's `SecretKey`).
#[derive(Clone)]
pub(in crate::ops) enum EcPrivateKey {
    /// On P-256.
    P256(p256::SecretKey),
    /// On P-384.
    P384(p384::SecretKey),
    /// On P-521.
    P521(p521::SecretKey),
    /// On secp256k1.
    K256(k256::SecretKey),
    /// On P-224.
    P224(p224::SecretKey),
}

/// An EC public key, one variant per curve (each crate's `PublicKey`).
#[derive(Clone, PartialEq, Eq)]
pub(in crate::ops) enum EcPublicKey {
    /// On P-256.
    P256(p256::PublicKey),
    /// On P-384.
    P384(p384::PublicKey),
    /// On P-521.
    P521(p521::PublicKey),
    /// On secp256k1.
    K256(k256::PublicKey),
    /// On P-224.
    P224(p224::PublicKey),
}

impl EcPrivateKey {
    /// The key's curve.
    pub fn curve(&self) -> Curve {
        match self {
            EcPrivateKey::P256(_) => Curve::P256,
            EcPrivateKey::P384(_) => Curve::P384,
            EcPrivateKey::P521(_) => Curve::P521,
            EcPrivateKey::K256(_) => Curve::K256,
            EcPrivateKey::P224(_) => Curve::P224,
        }
    }

    /// The private scalar, big-endian, field-size bytes.
    pub fn scalar_bytes(&self) -> Vec<u8> {
        match self {
            EcPrivateKey::P256(k) => k.to_bytes().to_vec(),
            EcPrivateKey::P384(k) => k.to_bytes().to_vec(),
            EcPrivateKey::P521(k) => k.to_bytes().to_vec(),
            EcPrivateKey::K256(k) => k.to_bytes().to_vec(),
            EcPrivateKey::P224(k) => k.to_bytes().to_vec(),
        }
    }

    /// The matching public key.
    pub fn public_key(&self) -> EcPublicKey {
        match self {
            EcPrivateKey::P256(k) => EcPublicKey::P256(k.public_key()),
            EcPrivateKey::P384(k) => EcPublicKey::P384(k.public_key()),
            EcPrivateKey::P521(k) => EcPublicKey::P521(k.public_key()),
            EcPrivateKey::K256(k) => EcPublicKey::K256(k.public_key()),
            EcPrivateKey::P224(k) => EcPublicKey::P224(k.public_key()),
        }
    }

    /// The key from a big-endian scalar of exactly field size (None: out of range or zero).
    pub fn from_scalar(curve: Curve, bytes: &[u8]) -> Option<EcPrivateKey> {
        if bytes.len() != curve.field_size() {
            return None;
        }
        Some(match curve {
            Curve::P256 => EcPrivateKey::P256(p256::SecretKey::from_slice(bytes).ok()?),
            Curve::P384 => EcPrivateKey::P384(p384::SecretKey::from_slice(bytes).ok()?),
            Curve::P521 => EcPrivateKey::P521(p521::SecretKey::from_slice(bytes).ok()?),
            Curve::K256 => EcPrivateKey::K256(k256::SecretKey::from_slice(bytes).ok()?),
            Curve::P224 => EcPrivateKey::P224(p224::SecretKey::from_slice(bytes).ok()?),
        })
    }
}

impl EcPublicKey {
    /// The key's curve.
    pub fn curve(&self) -> Curve {
        match self {
            EcPublicKey::P256(_) => Curve::P256,
            EcPublicKey::P384(_) => Curve::P384,
            EcPublicKey::P521(_) => Curve::P521,
            EcPublicKey::K256(_) => Curve::K256,
            EcPublicKey::P224(_) => Curve::P224,
        }
    }

    /// The SEC1 encoded point (uncompressed `04 || x || y`, or compressed `02/03 || x`).
    pub fn to_sec1(&self, compressed: bool) -> Vec<u8> {
        use elliptic_curve::sec1::ToEncodedPoint;
        match self {
            EcPublicKey::P256(k) => k.to_encoded_point(compressed).as_bytes().to_vec(),
            EcPublicKey::P384(k) => k.to_encoded_point(compressed).as_bytes().to_vec(),
            EcPublicKey::P521(k) => k.to_encoded_point(compressed).as_bytes().to_vec(),
            EcPublicKey::K256(k) => k.to_encoded_point(compressed).as_bytes().to_vec(),
            EcPublicKey::P224(k) => k.to_encoded_point(compressed).as_bytes().to_vec(),
        }
    }

    /// The key from a SEC1 encoded point (None: not a point on `curve`).
    pub fn from_sec1(curve: Curve, bytes: &[u8]) -> Option<EcPublicKey> {
        Some(match curve {
            Curve::P256 => EcPublicKey::P256(p256::PublicKey::from_sec1_bytes(bytes).ok()?),
            Curve::P384 => EcPublicKey::P384(p384::PublicKey::from_sec1_bytes(bytes).ok()?),
            Curve::P521 => EcPublicKey::P521(p521::PublicKey::from_sec1_bytes(bytes).ok()?),
            Curve::K256 => EcPublicKey::K256(k256::PublicKey::from_sec1_bytes(bytes).ok()?),
            Curve::P224 => EcPublicKey::P224(p224::PublicKey::from_sec1_bytes(bytes).ok()?),
        })
    }
}

/// Finite-field Diffie-Hellman domain parameters.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(in crate::ops) struct DhParams {
    /// The prime modulus p.
    pub prime: BigUint,
    /// The generator g.
    pub generator: BigUint,
    /// The subgroup order q, for X9.42 (`dhpublicnumber`) keys; `None` for PKCS#3 keys.
    pub q: Option<BigUint>,
}

impl AsymKey {
    /// Whether this is a private key.
    pub fn is_private(&self) -> bool {
        matches!(
            self,
            AsymKey::RsaPrivate { .. }
                | AsymKey::DsaPrivate(_)
                | AsymKey::EcPrivate(_)
                | AsymKey::Ed25519Private(_)
                | AsymKey::Ed448Private(_)
                | AsymKey::X25519Private(_)
                | AsymKey::X448Private(_)
                | AsymKey::DhPrivate { .. }
                | AsymKey::PqcPrivate(_)
        )
    }

    /// Node's `keyObject.type` for this key: 'private' or 'public'.
    pub fn key_type(&self) -> &'static str {
        if self.is_private() {
            "private"
        } else {
            "public"
        }
    }

    /// Node's `asymmetricKeyType`: 'rsa', 'rsa-pss', 'dsa', 'ec', 'ed25519', 'ed448',
    /// 'x25519', 'x448' or 'dh'.
    pub fn asymmetric_key_type(&self) -> &'static str {
        match self {
            AsymKey::RsaPrivate { variant, .. } | AsymKey::RsaPublic { variant, .. } => {
                match variant {
                    RsaVariant::Rsa => "rsa",
                    RsaVariant::Pss(_) => "rsa-pss",
                }
            }
            AsymKey::DsaPrivate(_) | AsymKey::DsaPublic(_) => "dsa",
            AsymKey::EcPrivate(_) | AsymKey::EcPublic(_) => "ec",
            AsymKey::Ed25519Private(_) | AsymKey::Ed25519Public(_) => "ed25519",
            AsymKey::Ed448Private(_) | AsymKey::Ed448Public(_) => "ed448",
            AsymKey::X25519Private(_) | AsymKey::X25519Public(_) => "x25519",
            AsymKey::X448Private(_) | AsymKey::X448Public(_) => "x448",
            AsymKey::DhPrivate { .. } | AsymKey::DhPublic { .. } => "dh",
            AsymKey::PqcPrivate(k) => k.alg.name(),
            AsymKey::PqcPublic(k) => k.alg.name(),
        }
    }

    /// The EC curve, for EC keys.
    pub fn curve(&self) -> Option<Curve> {
        match self {
            AsymKey::EcPrivate(k) => Some(k.curve()),
            AsymKey::EcPublic(k) => Some(k.curve()),
            _ => None,
        }
    }

    /// The public half of this key (a public key is returned as a copy of itself).
    pub fn to_public(&self) -> AsymKey {
        match self {
            AsymKey::RsaPrivate { key, variant } => {
                AsymKey::RsaPublic { key: key.to_public_key(), variant: variant.clone() }
            }
            AsymKey::RsaPublic { key, variant } => {
                AsymKey::RsaPublic { key: key.clone(), variant: variant.clone() }
            }
            AsymKey::DsaPrivate(k) => AsymKey::DsaPublic(k.verifying_key().clone()),
            AsymKey::DsaPublic(k) => AsymKey::DsaPublic(k.clone()),
            AsymKey::EcPrivate(k) => AsymKey::EcPublic(k.public_key()),
            AsymKey::EcPublic(k) => AsymKey::EcPublic(k.clone()),
            AsymKey::Ed25519Private(k) => AsymKey::Ed25519Public(k.verifying_key()),
            AsymKey::Ed25519Public(k) => AsymKey::Ed25519Public(*k),
            AsymKey::Ed448Private(k) => AsymKey::Ed448Public(k.verifying_key()),
            AsymKey::Ed448Public(k) => AsymKey::Ed448Public(*k),
            AsymKey::X25519Private(k) => AsymKey::X25519Public(x25519_dalek::PublicKey::from(k)),
            AsymKey::X25519Public(k) => AsymKey::X25519Public(*k),
            AsymKey::X448Private(k) => AsymKey::X448Public(x448_public(k)),
            AsymKey::X448Public(k) => AsymKey::X448Public(*k),
            AsymKey::DhPrivate { params, public, .. } | AsymKey::DhPublic { params, public } => {
                AsymKey::DhPublic { params: params.clone(), public: public.clone() }
            }
            AsymKey::PqcPrivate(k) => AsymKey::PqcPublic(k.to_public()),
            AsymKey::PqcPublic(k) => AsymKey::PqcPublic(k.clone()),
        }
    }
}

/// X448 (RFC 7748): `k * u` with `k` clamped, as 56 little-endian bytes.
pub(in crate::ops) fn x448(k: &[u8; 56], u: &[u8; 56]) -> [u8; 56] {
    let mut k = *k;
    k[0] &= 252;
    k[55] |= 128;
    // `Scalar::from_bytes` keeps all 448 bits (no reduction mod the group order), so the
    // ladder multiplies by the clamped value itself, as RFC 7748 requires.
    let scalar = ed448_goldilocks_plus::Scalar::from_bytes(&k);
    let point = ed448_goldilocks_plus::MontgomeryPoint(*u);
    (&point * &scalar).0
}

/// The X448 public key of private key `k`.
pub(in crate::ops) fn x448_public(k: &[u8; 56]) -> [u8; 56] {
    x448(k, &ed448_goldilocks_plus::MontgomeryPoint::GENERATOR.0)
}

/// The realm's keys by id.
#[derive(Default)]
pub(in crate::ops) struct KeyTable {
    keys: HashMap<u32, Arc<AsymKey>>,
    /// Public halves already known for private keys (the public key an EC private key was
    /// stored with, or one derived before), so `keyToPublic` does not derive them again;
    /// deriving an EC public key is a scalar multiplication.
    publics: HashMap<u32, Arc<AsymKey>>,
    next_id: u32,
}

impl KeyTable {
    /// Stores `key`; returns its new id.
    pub fn insert(&mut self, key: Arc<AsymKey>) -> u32 {
        self.next_id = self.next_id.wrapping_add(1);
        while self.next_id == 0 || self.keys.contains_key(&self.next_id) {
            self.next_id = self.next_id.wrapping_add(1);
        }
        self.keys.insert(self.next_id, key);
        self.next_id
    }

    /// The key with this id.
    pub fn get(&self, id: u32) -> Option<Arc<AsymKey>> {
        self.keys.get(&id).cloned()
    }

    /// Records `public` as the public half of private key `id`.
    fn set_public(&mut self, id: u32, public: Arc<AsymKey>) {
        if self.keys.contains_key(&id) {
            self.publics.insert(id, public);
        }
    }

    /// Drops key `id`.
    fn remove(&mut self, id: u32) {
        self.keys.remove(&id);
        self.publics.remove(&id);
    }
}

/// Stores `key` in the realm's key table; returns its id.
pub(in crate::ops) fn insert_key(ctx: &mut dyn OpCtx, key: AsymKey) -> u32 {
    ctx.state().get_or_default::<KeyTable>().insert(Arc::new(key))
}

/// Stores private key `key` with its known public half; returns its id.
fn insert_key_with_public(ctx: &mut dyn OpCtx, key: AsymKey, public: Option<AsymKey>) -> u32 {
    let id = insert_key(ctx, key);
    if let Some(public) = public {
        ctx.state().get_or_default::<KeyTable>().set_public(id, Arc::new(public));
    }
    id
}

/// The key whose id is argument `i` (an error if the id is not a live key).
pub(in crate::ops) fn key_arg(ctx: &mut dyn OpCtx, i: usize) -> Result<Arc<AsymKey>, ThrowError> {
    let id: u32 = ctx.arg(i, "key")?;
    ctx.state()
        .get_or_default::<KeyTable>()
        .get(id)
        .ok_or_else(|| ThrowError::error(format!("invalid key id {id}")))
}

/// `[id, keyType, asymmetricKeyType]` for a newly stored key (what the import ops return);
/// `public` is the private key's public half when the encoding carried it.
fn key_triple(ctx: &mut dyn OpCtx, key: AsymKey, public: Option<AsymKey>) -> HostValue {
    let key_type = key.key_type();
    let asym = key.asymmetric_key_type();
    let id = insert_key_with_public(ctx, key, public);
    HostValue::Array(vec![HostValue::Number(id.into()), key_type.into(), asym.into()])
}

/// `keyToPublic(id)` → the id of a key holding the public half (a public key's own data is
/// shared, and a private key's public half is derived once).
fn key_to_public(ctx: &mut dyn OpCtx) -> OpResult {
    let id: u32 = ctx.arg(0, "key")?;
    let table = ctx.state().get_or_default::<KeyTable>();
    let key = table.get(id).ok_or_else(|| ThrowError::error(format!("invalid key id {id}")))?;
    let public = if !key.is_private() {
        key
    } else if let Some(public) = table.publics.get(&id) {
        public.clone()
    } else {
        let public = Arc::new(key.to_public());
        table.set_public(id, public.clone());
        public
    };
    Ok(HostValue::Number(table.insert(public).into()))
}

/// `keyFree(id)`: drops the table's reference (async jobs may still hold theirs).
fn key_free(ctx: &mut dyn OpCtx) -> OpResult {
    if let Some(id) = ctx.arg_number(0) {
        if id >= 0.0 && id <= f64::from(u32::MAX) {
            ctx.state().get_or_default::<KeyTable>().remove(id as u32);
        }
    }
    Ok(HostValue::Undefined)
}

/// An OpenSSL error as Node throws it: `error:XXXXXXXX:library::reason`, with `library`,
/// `reason` and `code` set in that order.
pub(in crate::ops) fn openssl_error(
    packed: &str,
    library: &str,
    reason: &str,
    code: &str,
) -> ThrowError {
    ThrowError::error(format!("error:{packed}:{library}::{reason}"))
        .with("library", library)
        .with("reason", reason)
        .with("code", code)
}
