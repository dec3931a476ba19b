//! Post-quantum keys as OpenSSL 3.5 (and so Node 25) has them: ML-DSA (FIPS 204), ML-KEM
//! (FIPS 203) and SLH-DSA (FIPS 205), on RustCrypto's `ml-dsa`, `ml-kem` and `slh-dsa`.
//!
//! Keys are kept as their standard byte encodings (seed and/or expanded private key, and the
//! public key); the crates' key types are rebuilt from them per operation, which is cheap
//! next to the operation itself and keeps [`AsymKey`] free of generic parameters.
//!
//! Encodings (draft-ietf-lamps-dilithium-certificates / -kyber-certificates, RFC 9909):
//! SPKI is the bare algorithm OID and the raw public key; the PKCS#8 `privateKey` of ML-DSA
//! and ML-KEM is a CHOICE of `seed [0]`, `expandedKey OCTET STRING` or `both SEQUENCE`, and
//! OpenSSL writes `both` when it knows the seed and `expandedKey` otherwise; SLH-DSA's is the
//! raw `SK.seed || SK.prf || PK.seed || PK.root`.

use std::panic::{catch_unwind, AssertUnwindSafe};

use engine::ThrowError;
use ml_dsa::signature::Keypair as _;
use ml_kem::{Decapsulate as _, KeyExport as _};

use super::der::{self, tag, Reader};
use super::AsymKey;

/// A post-quantum algorithm (parameter set), by Node's `asymmetricKeyType`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(in crate::ops) enum PqcAlg {
    /// ML-DSA-44.
    MlDsa44,
    /// ML-DSA-65.
    MlDsa65,
    /// ML-DSA-87.
    MlDsa87,
    /// ML-KEM-512.
    MlKem512,
    /// ML-KEM-768.
    MlKem768,
    /// ML-KEM-1024.
    MlKem1024,
    /// One of the twelve SLH-DSA parameter sets (index into [`SLH_NAMES`]).
    SlhDsa(u8),
}

/// The SLH-DSA parameter sets in OID order (2.16.840.1.101.3.4.3.20 + index).
const SLH_NAMES: [&str; 12] = [
    "slh-dsa-sha2-128s",
    "slh-dsa-sha2-128f",
    "slh-dsa-sha2-192s",
    "slh-dsa-sha2-192f",
    "slh-dsa-sha2-256s",
    "slh-dsa-sha2-256f",
    "slh-dsa-shake-128s",
    "slh-dsa-shake-128f",
    "slh-dsa-shake-192s",
    "slh-dsa-shake-192f",
    "slh-dsa-shake-256s",
    "slh-dsa-shake-256f",
];

/// The NIST algorithm OID arc shared by all of them (2.16.840.1.101.3.4).
const NIST_ARC: [u8; 7] = [0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04];

impl PqcAlg {
    /// Every algorithm, for name and OID lookups.
    fn all() -> impl Iterator<Item = PqcAlg> {
        [PqcAlg::MlDsa44, PqcAlg::MlDsa65, PqcAlg::MlDsa87]
            .into_iter()
            .chain([PqcAlg::MlKem512, PqcAlg::MlKem768, PqcAlg::MlKem1024])
            .chain((0..12).map(PqcAlg::SlhDsa))
    }

    /// Node's `asymmetricKeyType`.
    pub fn name(self) -> &'static str {
        match self {
            PqcAlg::MlDsa44 => "ml-dsa-44",
            PqcAlg::MlDsa65 => "ml-dsa-65",
            PqcAlg::MlDsa87 => "ml-dsa-87",
            PqcAlg::MlKem512 => "ml-kem-512",
            PqcAlg::MlKem768 => "ml-kem-768",
            PqcAlg::MlKem1024 => "ml-kem-1024",
            PqcAlg::SlhDsa(i) => SLH_NAMES.get(usize::from(i)).copied().unwrap_or("slh-dsa"),
        }
    }

    /// The algorithm a Node type name (or JWK `alg`, any case) stands for.
    pub fn from_name(name: &str) -> Option<PqcAlg> {
        let lower = name.to_ascii_lowercase();
        PqcAlg::all().find(|a| a.name() == lower)
    }

    /// The last two OID arcs under [`NIST_ARC`].
    fn oid_tail(self) -> [u8; 2] {
        match self {
            PqcAlg::MlDsa44 => [3, 17],
            PqcAlg::MlDsa65 => [3, 18],
            PqcAlg::MlDsa87 => [3, 19],
            PqcAlg::MlKem512 => [4, 1],
            PqcAlg::MlKem768 => [4, 2],
            PqcAlg::MlKem1024 => [4, 3],
            PqcAlg::SlhDsa(i) => [3, 20 + i],
        }
    }

    /// The OID's content bytes.
    pub fn oid(self) -> Vec<u8> {
        let mut oid = NIST_ARC.to_vec();
        oid.extend_from_slice(&self.oid_tail());
        oid
    }

    /// The algorithm with OID content `oid`.
    pub fn from_oid(oid: &[u8]) -> Option<PqcAlg> {
        PqcAlg::all().find(|a| a.oid() == oid)
    }

    /// Whether this is ML-DSA.
    pub fn is_ml_dsa(self) -> bool {
        matches!(self, PqcAlg::MlDsa44 | PqcAlg::MlDsa65 | PqcAlg::MlDsa87)
    }

    /// Whether this is ML-KEM.
    pub fn is_ml_kem(self) -> bool {
        matches!(self, PqcAlg::MlKem512 | PqcAlg::MlKem768 | PqcAlg::MlKem1024)
    }

    /// The seed length (ML-DSA 32, ML-KEM 64; SLH-DSA keys have no separate seed form).
    fn seed_len(self) -> Option<usize> {
        match self {
            a if a.is_ml_dsa() => Some(32),
            a if a.is_ml_kem() => Some(64),
            _ => None,
        }
    }

    /// SLH-DSA's security parameter n in bytes.
    fn slh_n(self) -> usize {
        match self {
            PqcAlg::SlhDsa(i) => match i % 6 {
                0 | 1 => 16,
                2 | 3 => 24,
                _ => 32,
            },
            _ => 0,
        }
    }

    /// The public key length.
    pub fn public_len(self) -> usize {
        match self {
            PqcAlg::MlDsa44 => 1312,
            PqcAlg::MlDsa65 => 1952,
            PqcAlg::MlDsa87 => 2592,
            PqcAlg::MlKem512 => 800,
            PqcAlg::MlKem768 => 1184,
            PqcAlg::MlKem1024 => 1568,
            PqcAlg::SlhDsa(_) => 2 * self.slh_n(),
        }
    }
}

/// A post-quantum public key: the algorithm and its raw public key.
#[derive(Clone, PartialEq, Eq)]
pub(in crate::ops) struct PqcPublic {
    /// The parameter set.
    pub alg: PqcAlg,
    /// The encoded public key (validated when built).
    pub bytes: Vec<u8>,
}

/// A post-quantum private key: seed (when known), expanded private key and public key.
#[derive(Clone)]
pub(in crate::ops) struct PqcPrivate {
    /// The parameter set.
    pub alg: PqcAlg,
    /// The ML-DSA (32-byte) or ML-KEM (64-byte) seed, when the key came with one.
    pub seed: Option<Vec<u8>>,
    /// The expanded private key (for SLH-DSA: the whole 4n-byte private key).
    pub expanded: Vec<u8>,
    /// The matching encoded public key.
    pub public: Vec<u8>,
}

impl PqcPrivate {
    /// The public half.
    pub fn to_public(&self) -> PqcPublic {
        PqcPublic { alg: self.alg, bytes: self.public.clone() }
    }
}

/// SHAKE256 of `parts`, `N` bytes (ML-DSA's `tr = H(pk)`).
fn shake256<const N: usize>(parts: &[&[u8]]) -> [u8; N] {
    use sha3::digest::{ExtendableOutput, Update, XofReader};
    let mut h = sha3::Shake256::default();
    for p in parts {
        h.update(p);
    }
    let mut out = [0u8; N];
    h.finalize_xof().read(&mut out);
    out
}

/// Random bytes from the OS.
fn random<const N: usize>() -> Result<[u8; N], ThrowError> {
    let mut out = [0u8; N];
    getrandom::getrandom(&mut out).map_err(|_| ThrowError::error("random source failed"))?;
    Ok(out)
}

/// Runs `f` on the ML-DSA parameter type for `$alg`.
macro_rules! ml_dsa_dispatch {
    ($alg:expr, $f:ident ( $($arg:expr),* )) => {
        match $alg {
            PqcAlg::MlDsa44 => $f::<ml_dsa::MlDsa44>($($arg),*),
            PqcAlg::MlDsa65 => $f::<ml_dsa::MlDsa65>($($arg),*),
            PqcAlg::MlDsa87 => $f::<ml_dsa::MlDsa87>($($arg),*),
            _ => None,
        }
    };
}

/// Runs `$body` with `$P` bound to the ML-KEM parameter type for `$alg` (the crate's
/// parameter trait is private, so this cannot be a generic function).
macro_rules! ml_kem_dispatch {
    ($alg:expr, $P:ident => $body:expr) => {
        match $alg {
            PqcAlg::MlKem512 => {
                type $P = ml_kem::MlKem512;
                $body
            }
            PqcAlg::MlKem768 => {
                type $P = ml_kem::MlKem768;
                $body
            }
            PqcAlg::MlKem1024 => {
                type $P = ml_kem::MlKem1024;
                $body
            }
            _ => None,
        }
    };
}

/// Runs `f` on the SLH-DSA parameter type for `$alg`.
macro_rules! slh_dispatch {
    ($alg:expr, $f:ident ( $($arg:expr),* )) => {
        match $alg {
            PqcAlg::SlhDsa(0) => $f::<slh_dsa::Sha2_128s>($($arg),*),
            PqcAlg::SlhDsa(1) => $f::<slh_dsa::Sha2_128f>($($arg),*),
            PqcAlg::SlhDsa(2) => $f::<slh_dsa::Sha2_192s>($($arg),*),
            PqcAlg::SlhDsa(3) => $f::<slh_dsa::Sha2_192f>($($arg),*),
            PqcAlg::SlhDsa(4) => $f::<slh_dsa::Sha2_256s>($($arg),*),
            PqcAlg::SlhDsa(5) => $f::<slh_dsa::Sha2_256f>($($arg),*),
            PqcAlg::SlhDsa(6) => $f::<slh_dsa::Shake128s>($($arg),*),
            PqcAlg::SlhDsa(7) => $f::<slh_dsa::Shake128f>($($arg),*),
            PqcAlg::SlhDsa(8) => $f::<slh_dsa::Shake192s>($($arg),*),
            PqcAlg::SlhDsa(9) => $f::<slh_dsa::Shake192f>($($arg),*),
            PqcAlg::SlhDsa(10) => $f::<slh_dsa::Shake256s>($($arg),*),
            PqcAlg::SlhDsa(11) => $f::<slh_dsa::Shake256f>($($arg),*),
            _ => None,
        }
    };
}

/// ML-DSA key generation from a 32-byte seed: `(expanded, public)`.
fn ml_dsa_from_seed<P: ml_dsa::MlDsaParams>(seed: &[u8]) -> Option<(Vec<u8>, Vec<u8>)> {
    let seed = ml_dsa::B32::try_from(seed).ok()?;
    let sk = ml_dsa::SigningKey::<P>::from_seed(&seed);
    #[allow(deprecated)] // OpenSSL still writes (and Node's fixtures hold) the expanded form.
    let expanded = sk.expanded_key().to_expanded().to_vec();
    Some((expanded, sk.verifying_key().encode().to_vec()))
}

/// An ML-DSA expanded private key checked as OpenSSL does (coefficients in range, `tr` the
/// hash of the public key it implies); returns that public key.
fn ml_dsa_check_expanded<P: ml_dsa::MlDsaParams>(expanded: &[u8]) -> Option<Vec<u8>> {
    let bytes = ml_dsa::ExpandedSigningKeyBytes::<P>::try_from(expanded).ok()?;
    // The crate may panic on malformed expanded keys; they are untrusted input here.
    #[allow(deprecated)]
    let decoded = catch_unwind(AssertUnwindSafe(|| {
        let sk = ml_dsa::ExpandedSigningKey::<P>::from_expanded(&bytes);
        (sk.to_expanded() == bytes).then(|| sk.verifying_key().encode().to_vec())
    }));
    let public = decoded.ok()??;
    let tr = expanded.get(64..128)?;
    (shake256::<64>(&[&public]) == tr).then_some(public)
}

/// ML-KEM key generation from a 64-byte seed: `(expanded, public)`.
fn ml_kem_from_seed(alg: PqcAlg, seed: &[u8]) -> Option<(Vec<u8>, Vec<u8>)> {
    #[allow(deprecated)] // the expanded form is what OpenSSL writes without a seed
    use ml_kem::ExpandedKeyEncoding as _;
    ml_kem_dispatch!(alg, P => {
        let seed = ml_kem::Seed::try_from(seed).ok()?;
        let dk = ml_kem::DecapsulationKey::<P>::from_seed(seed);
        #[allow(deprecated)]
        let expanded = dk.to_expanded_bytes().to_vec();
        Some((expanded, dk.encapsulation_key().to_bytes().to_vec()))
    })
}

/// An ML-KEM expanded decapsulation key, validated (the crate checks the embedded public
/// key and its hash); returns the public key.
fn ml_kem_check_expanded(alg: PqcAlg, expanded: &[u8]) -> Option<Vec<u8>> {
    ml_kem_dispatch!(alg, P => {
        let bytes = ml_kem::ExpandedDecapsulationKey::<P>::try_from(expanded).ok()?;
        #[allow(deprecated)]
        let dk = ml_kem::DecapsulationKey::<P>::from_expanded(&bytes).ok()?;
        Some(dk.encapsulation_key().to_bytes().to_vec())
    })
}

/// Whether `bytes` is a valid ML-KEM encapsulation key (coefficients reduced).
fn ml_kem_check_public(alg: PqcAlg, bytes: &[u8]) -> Option<()> {
    ml_kem_dispatch!(alg, P => {
        let key = ml_kem::Key::<ml_kem::EncapsulationKey<P>>::try_from(bytes).ok()?;
        ml_kem::EncapsulationKey::<P>::new(&key).ok().map(|_| ())
    })
}

/// An SLH-DSA private key's public key (its last 2n bytes), checking it decodes.
fn slh_check_private<P: slh_dsa::ParameterSet>(bytes: &[u8]) -> Option<Vec<u8>> {
    let sk = slh_dsa::SigningKey::<P>::try_from(bytes).ok()?;
    Some(sk.verifying_key().to_vec())
}

/// SLH-DSA key generation from fresh randomness: the 4n-byte private key.
fn slh_generate<P: slh_dsa::ParameterSet>(n: usize) -> Option<Vec<u8>> {
    let seeds = random::<96>().ok()?;
    let (sk_seed, rest) = seeds.split_at(n);
    let (sk_prf, rest) = rest.split_at(n);
    let pk_seed = rest.get(..n)?;
    Some(slh_dsa::SigningKey::<P>::slh_keygen_internal(sk_seed, sk_prf, pk_seed).to_vec())
}

/// The private key for `alg` from its seed (ML-DSA, ML-KEM).
pub(in crate::ops) fn private_from_seed(alg: PqcAlg, seed: &[u8]) -> Option<PqcPrivate> {
    if alg.seed_len() != Some(seed.len()) {
        return None;
    }
    let (expanded, public) = if alg.is_ml_dsa() {
        ml_dsa_dispatch!(alg, ml_dsa_from_seed(seed))?
    } else {
        ml_kem_from_seed(alg, seed)?
    };
    Some(PqcPrivate { alg, seed: Some(seed.to_vec()), expanded, public })
}

/// The private key for `alg` from its expanded form (for SLH-DSA: the private key).
pub(in crate::ops) fn private_from_expanded(alg: PqcAlg, expanded: &[u8]) -> Option<PqcPrivate> {
    let public = match alg {
        a if a.is_ml_dsa() => ml_dsa_dispatch!(alg, ml_dsa_check_expanded(expanded))?,
        a if a.is_ml_kem() => ml_kem_check_expanded(alg, expanded)?,
        _ => slh_dispatch!(alg, slh_check_private(expanded))?,
    };
    Some(PqcPrivate { alg, seed: None, expanded: expanded.to_vec(), public })
}

/// The public key for `alg` from its raw encoding.
pub(in crate::ops) fn public_from_bytes(alg: PqcAlg, bytes: &[u8]) -> Option<PqcPublic> {
    if bytes.len() != alg.public_len() {
        return None;
    }
    if alg.is_ml_kem() {
        ml_kem_check_public(alg, bytes)?;
    }
    Some(PqcPublic { alg, bytes: bytes.to_vec() })
}

/// A fresh private key for `alg`.
pub(in crate::ops) fn generate(alg: PqcAlg) -> Result<PqcPrivate, ThrowError> {
    let failed = || ThrowError::error("key generation failed");
    match alg.seed_len() {
        Some(32) => private_from_seed(alg, &random::<32>()?),
        Some(_) => private_from_seed(alg, &random::<64>()?),
        None => {
            let n = alg.slh_n();
            let sk = slh_dispatch!(alg, slh_generate(n)).ok_or_else(failed)?;
            private_from_expanded(alg, &sk)
        }
    }
    .ok_or_else(failed)
}

/// The key type a raw import names ('ml-dsa-44', …), for `keyImportRaw`: public bytes, or
/// the seed (ML-DSA, ML-KEM) / the whole private key (SLH-DSA) when `private`.
pub(in crate::ops) fn import_raw(kind: &str, data: &[u8], private: bool) -> Option<AsymKey> {
    let alg = PqcAlg::from_name(kind)?;
    Some(if !private {
        AsymKey::PqcPublic(public_from_bytes(alg, data)?)
    } else if alg.seed_len().is_some() {
        AsymKey::PqcPrivate(private_from_seed(alg, data)?)
    } else {
        AsymKey::PqcPrivate(private_from_expanded(alg, data)?)
    })
}

/// The PKCS#8 `privateKey` contents for algorithm OID `oid` (None: not a PQC OID, or
/// malformed). Parameters must be absent.
pub(in crate::ops) fn parse_pkcs8(
    oid: &[u8],
    params: Option<&[u8]>,
    private: &[u8],
) -> Option<AsymKey> {
    let alg = PqcAlg::from_oid(oid)?;
    if params.is_some() {
        return None;
    }
    if alg.seed_len().is_none() {
        return Some(AsymKey::PqcPrivate(private_from_expanded(alg, private)?));
    }
    let mut r = Reader::new(private);
    let (t, content, _) = r.any()?;
    if !r.is_empty() {
        return None;
    }
    let key = match t {
        // seed [0] IMPLICIT OCTET STRING
        0x80 => private_from_seed(alg, content)?,
        tag::OCTET_STRING => private_from_expanded(alg, content)?,
        tag::SEQUENCE => {
            let mut both = Reader::new(content);
            let seed = both.octet_string()?;
            let expanded = both.octet_string()?;
            if !both.is_empty() {
                return None;
            }
            let key = private_from_seed(alg, seed)?;
            // OpenSSL refuses a pair whose halves disagree.
            if key.expanded != expanded {
                return None;
            }
            key
        }
        _ => return None,
    };
    Some(AsymKey::PqcPrivate(key))
}

/// The SPKI public key for algorithm OID `oid` (None: not a PQC OID, or malformed).
pub(in crate::ops) fn parse_spki(
    oid: &[u8],
    params: Option<&[u8]>,
    bits: &[u8],
) -> Option<AsymKey> {
    let alg = PqcAlg::from_oid(oid)?;
    if params.is_some() {
        return None;
    }
    Some(AsymKey::PqcPublic(public_from_bytes(alg, bits)?))
}

/// `AlgorithmIdentifier` with the bare OID.
fn alg_id(alg: PqcAlg) -> Vec<u8> {
    der::seq(&[&der::oid(&alg.oid())])
}

/// `SubjectPublicKeyInfo`.
pub(in crate::ops) fn spki(key: &PqcPublic) -> Vec<u8> {
    der::seq(&[&alg_id(key.alg), &der::bit_string(&key.bytes)])
}

/// PKCS#8 `PrivateKeyInfo` in OpenSSL's default output form: `both` with a seed, else the
/// expanded key (SLH-DSA: the raw private key).
pub(in crate::ops) fn pkcs8(key: &PqcPrivate) -> Vec<u8> {
    let private = match (&key.seed, key.alg.seed_len()) {
        (_, None) => key.expanded.clone(),
        (Some(seed), Some(_)) => {
            der::seq(&[&der::octet_string(seed), &der::octet_string(&key.expanded)])
        }
        (None, Some(_)) => der::octet_string(&key.expanded),
    };
    der::seq(&[&der::uint(&[0]), &alg_id(key.alg), &der::octet_string(&private)])
}

/// JWK members (`kty` 'AKP', ML-DSA only, private keys only with a seed), in Node's order;
/// `Err(true)`: a private key without a seed; `Err(false)`: no JWK form.
pub(in crate::ops) fn jwk_members(key: &AsymKey) -> Result<Vec<(&'static str, Vec<u8>)>, bool> {
    let (alg, public, seed) = match key {
        AsymKey::PqcPrivate(k) => (k.alg, &k.public, Some(k.seed.as_ref().ok_or(true)?)),
        AsymKey::PqcPublic(k) => (k.alg, &k.bytes, None),
        _ => return Err(false),
    };
    if !alg.is_ml_dsa() {
        return Err(false);
    }
    let mut m = vec![("pub", public.clone())];
    if let Some(seed) = seed {
        m.push(("priv", seed.clone()));
    }
    Ok(m)
}

/// OpenSSL's `invalid digest` (signing with a digest for a pure signature algorithm).
fn invalid_digest() -> ThrowError {
    super::openssl_error(
        "1C80007A",
        "Provider routines",
        "invalid digest",
        "ERR_OSSL_INVALID_DIGEST",
    )
}

/// OpenSSL's error for signing with a key type that cannot sign (ML-KEM).
fn unsupported_keytype() -> ThrowError {
    super::openssl_error(
        "0300009C",
        "digital envelope routines",
        "operation not supported for this keytype",
        "ERR_OSSL_EVP_OPERATION_NOT_SUPPORTED_FOR_THIS_KEYTYPE",
    )
}

/// Signs with ML-DSA or SLH-DSA (hedged, with `context`); `digest` must be absent.
pub(in crate::ops) fn sign(
    key: &PqcPrivate,
    digest: bool,
    data: &[u8],
    context: &[u8],
) -> Result<Vec<u8>, ThrowError> {
    if digest {
        return Err(invalid_digest());
    }
    fn ml_dsa_sign<P: ml_dsa::MlDsaParams>(
        k: &PqcPrivate,
        data: &[u8],
        ctx: &[u8],
    ) -> Option<Vec<u8>> {
        let sk = match &k.seed {
            Some(seed) => ml_dsa::ExpandedSigningKey::<P>::from_seed(
                &ml_dsa::B32::try_from(seed.as_slice()).ok()?,
            ),
            None => {
                let bytes =
                    ml_dsa::ExpandedSigningKeyBytes::<P>::try_from(k.expanded.as_slice()).ok()?;
                #[allow(deprecated)] // checked at import
                ml_dsa::ExpandedSigningKey::<P>::from_expanded(&bytes)
            }
        };
        let rnd = ml_dsa::B32::from(random::<32>().ok()?);
        let len = u8::try_from(ctx.len()).ok()?;
        let sig =
            catch_unwind(AssertUnwindSafe(|| sk.sign_internal(&[&[0], &[len], ctx, data], &rnd)));
        Some(sig.ok()?.encode().to_vec())
    }
    fn slh_sign<P: slh_dsa::ParameterSet>(
        k: &PqcPrivate,
        data: &[u8],
        ctx: &[u8],
    ) -> Option<Vec<u8>> {
        let sk = slh_dsa::SigningKey::<P>::try_from(k.expanded.as_slice()).ok()?;
        let rand = random::<32>().ok()?;
        let n = k.alg.slh_n();
        let sig = sk.try_sign_with_context(data, ctx, Some(rand.get(..n)?)).ok()?;
        Some(slh_dsa::signature::SignatureEncoding::to_vec(&sig))
    }
    let out = match key.alg {
        a if a.is_ml_dsa() => ml_dsa_dispatch!(a, ml_dsa_sign(key, data, context)),
        a if a.is_ml_kem() => return Err(unsupported_keytype()),
        a => slh_dispatch!(a, slh_sign(key, data, context)),
    };
    out.ok_or_else(|| {
        ThrowError::error("Signing failed").with("code", "ERR_CRYPTO_OPERATION_FAILED")
    })
}

/// Verifies an ML-DSA or SLH-DSA signature (false for any malformed signature).
pub(in crate::ops) fn verify(
    key: &PqcPublic,
    digest: bool,
    data: &[u8],
    context: &[u8],
    signature: &[u8],
) -> Result<bool, ThrowError> {
    if digest {
        return Err(invalid_digest());
    }
    fn ml_dsa_verify<P: ml_dsa::MlDsaParams>(
        k: &PqcPublic,
        data: &[u8],
        ctx: &[u8],
        sig: &[u8],
    ) -> Option<bool> {
        let enc = ml_dsa::EncodedVerifyingKey::<P>::try_from(k.bytes.as_slice()).ok()?;
        let vk = ml_dsa::VerifyingKey::<P>::decode(&enc);
        let Ok(sig) = ml_dsa::Signature::<P>::try_from(sig) else { return Some(false) };
        Some(vk.verify_with_context(data, ctx, &sig))
    }
    fn slh_verify<P: slh_dsa::ParameterSet>(
        k: &PqcPublic,
        data: &[u8],
        ctx: &[u8],
        sig: &[u8],
    ) -> Option<bool> {
        let vk = slh_dsa::VerifyingKey::<P>::try_from(k.bytes.as_slice()).ok()?;
        let Ok(sig) = slh_dsa::Signature::<P>::try_from(sig) else { return Some(false) };
        Some(vk.try_verify_with_context(data, ctx, &sig).is_ok())
    }
    let out = match key.alg {
        a if a.is_ml_dsa() => ml_dsa_dispatch!(a, ml_dsa_verify(key, data, context, signature)),
        a if a.is_ml_kem() => return Err(unsupported_keytype()),
        a => slh_dispatch!(a, slh_verify(key, data, context, signature)),
    };
    Ok(out.unwrap_or(false))
}

/// ML-KEM encapsulation to `key`: `(sharedKey, ciphertext)`.
pub(in crate::ops) fn encapsulate(key: &PqcPublic) -> Option<(Vec<u8>, Vec<u8>)> {
    let m = ml_kem::B32::from(random::<32>().ok()?);
    ml_kem_dispatch!(key.alg, P => {
        let bytes = ml_kem::Key::<ml_kem::EncapsulationKey<P>>::try_from(key.bytes.as_slice()).ok()?;
        let ek = ml_kem::EncapsulationKey::<P>::new(&bytes).ok()?;
        let (ct, shared) = ek.encapsulate_deterministic(&m);
        Some((shared.to_vec(), ct.to_vec()))
    })
}

/// ML-KEM decapsulation of `ciphertext` (None: not an ML-KEM key or a wrong-size
/// ciphertext; a wrong key yields ML-KEM's implicit-rejection secret, as in OpenSSL).
pub(in crate::ops) fn decapsulate(key: &PqcPrivate, ciphertext: &[u8]) -> Option<Vec<u8>> {
    ml_kem_dispatch!(key.alg, P => {
        let dk = match &key.seed {
            Some(seed) => ml_kem::DecapsulationKey::<P>::from_seed(ml_kem::Seed::try_from(seed.as_slice()).ok()?),
            None => {
                let bytes = ml_kem::ExpandedDecapsulationKey::<P>::try_from(key.expanded.as_slice()).ok()?;
                #[allow(deprecated)]
                ml_kem::DecapsulationKey::<P>::from_expanded(&bytes).ok()?
            }
        };
        let ct = ml_kem::Ciphertext::<P>::try_from(ciphertext).ok()?;
        Some(dk.decapsulate(&ct).to_vec())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_and_oids_round_trip() {
        for alg in PqcAlg::all() {
            assert_eq!(PqcAlg::from_name(alg.name()), Some(alg));
            assert_eq!(PqcAlg::from_oid(&alg.oid()), Some(alg));
        }
        assert_eq!(PqcAlg::from_name("ML-DSA-65"), Some(PqcAlg::MlDsa65));
        assert_eq!(PqcAlg::from_name("slh-dsa-shake-256f"), Some(PqcAlg::SlhDsa(11)));
        assert_eq!(PqcAlg::SlhDsa(1).oid_tail(), [3, 21]);
    }

    #[test]
    fn ml_dsa_pkcs8_forms_agree() {
        let key = private_from_seed(PqcAlg::MlDsa44, &[7u8; 32]).unwrap();
        let both = pkcs8(&key);
        let AsymKey::PqcPrivate(again) = super::super::import::parse_pkcs8(&both).unwrap() else {
            panic!("not a PQC key")
        };
        assert_eq!(again.expanded, key.expanded);
        // Expanded-only: same key, no seed, public key recomputed.
        let exp = private_from_expanded(PqcAlg::MlDsa44, &key.expanded).unwrap();
        assert_eq!(exp.public, key.public);
        assert!(exp.seed.is_none());
        // Seed-only form.
        let seed_only = der::tlv(0x80, &[7u8; 32]);
        let k = parse_pkcs8(&PqcAlg::MlDsa44.oid(), None, &seed_only).unwrap();
        assert!(matches!(k, AsymKey::PqcPrivate(ref p) if p.public == key.public));
    }

    #[test]
    fn malformed_inputs_are_refused() {
        assert!(private_from_seed(PqcAlg::MlDsa44, &[0u8; 31]).is_none());
        assert!(private_from_expanded(PqcAlg::MlDsa44, &[0xffu8; 2560]).is_none());
        assert!(private_from_expanded(PqcAlg::MlKem512, &[0xffu8; 1632]).is_none());
        assert!(public_from_bytes(PqcAlg::MlKem512, &[0xffu8; 800]).is_none());
        assert!(public_from_bytes(PqcAlg::MlDsa44, &[0u8; 1313]).is_none());
        assert!(parse_pkcs8(&PqcAlg::MlDsa44.oid(), None, &[0x30, 0x00]).is_none());
        assert!(parse_pkcs8(&PqcAlg::MlDsa44.oid(), None, &[]).is_none());
        // Mismatched `both`.
        let key = private_from_seed(PqcAlg::MlDsa44, &[1u8; 32]).unwrap();
        let other = private_from_seed(PqcAlg::MlDsa44, &[2u8; 32]).unwrap();
        let both = der::seq(&[&der::octet_string(&[1u8; 32]), &der::octet_string(&other.expanded)]);
        assert!(parse_pkcs8(&PqcAlg::MlDsa44.oid(), None, &both).is_none());
        assert_ne!(key.public, other.public);
    }

    #[test]
    fn sign_verify_and_kem_round_trip() {
        let key = private_from_seed(PqcAlg::MlDsa44, &[3u8; 32]).unwrap();
        let sig = sign(&key, false, b"msg", b"ctx").unwrap();
        assert_eq!(sig.len(), 2420);
        assert!(verify(&key.to_public(), false, b"msg", b"ctx", &sig).unwrap());
        assert!(!verify(&key.to_public(), false, b"msg", b"", &sig).unwrap());
        assert!(!verify(&key.to_public(), false, b"msg", b"ctx", &sig[1..]).unwrap());
        let kem = private_from_seed(PqcAlg::MlKem768, &[4u8; 64]).unwrap();
        let (shared, ct) = encapsulate(&kem.to_public()).unwrap();
        assert_eq!(ct.len(), 1088);
        assert_eq!(decapsulate(&kem, &ct).unwrap(), shared);
        assert!(decapsulate(&kem, &ct[1..]).is_none());
        let slh = generate(PqcAlg::SlhDsa(7)).unwrap();
        let sig = sign(&slh, false, b"m", b"").unwrap();
        assert!(verify(&slh.to_public(), false, b"m", b"", &sig).unwrap());
    }
}
