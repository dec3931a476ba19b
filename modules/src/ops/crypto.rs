//! `internalBinding('crypto')`: the OS random source, hashes, HMAC, PBKDF2, scrypt and HKDF
//! (the ciphers are in `cipher.rs`).
//!
//! Every algorithm is RustCrypto's, behind the one `digest` API, so a hash and an HMAC are
//! the same kind of object here. A streaming hash lives in a table in the op state: JS holds
//! its id, `hashUpdate` feeds it bytes (read in place from the JS buffer), and
//! `hashDigest` returns the result and frees the entry. PBKDF2 and scrypt also have async
//! forms that run on the blocking pool (see [`super::async_op`]).

use std::collections::HashMap;

use engine::{ErrorClass, HostValue, Op, OpCtx, OpResult, ThrowError};
use hmac::digest::{ExtendableOutput, FixedOutput, KeyInit, Update};

use super::async_op::{self, AsyncResult};

pub(super) const OPS: &[Op] = &[
    Op { binding: "crypto", name: "randomFill", func: random_fill },
    Op { binding: "crypto", name: "randomBytesAsync", func: random_bytes_async },
    Op { binding: "crypto", name: "hashNames", func: hash_names },
    Op { binding: "crypto", name: "hashCreate", func: hash_create },
    Op { binding: "crypto", name: "hmacCreate", func: hmac_create },
    Op { binding: "crypto", name: "hashUpdate", func: hash_update },
    Op { binding: "crypto", name: "hashDigest", func: hash_digest },
    Op { binding: "crypto", name: "hashCopy", func: hash_copy },
    Op { binding: "crypto", name: "hashFree", func: hash_free },
    Op { binding: "crypto", name: "hashOneShot", func: hash_one_shot },
    Op { binding: "crypto", name: "timingSafeEqual", func: timing_safe_equal },
    Op { binding: "crypto", name: "pbkdf2Sync", func: pbkdf2_sync },
    Op { binding: "crypto", name: "pbkdf2Async", func: pbkdf2_async },
    Op { binding: "crypto", name: "scryptSync", func: scrypt_sync },
    Op { binding: "crypto", name: "scryptAsync", func: scrypt_async },
    Op { binding: "crypto", name: "hkdfSync", func: hkdf_sync },
    Op { binding: "crypto", name: "hkdfAsync", func: hkdf_async },
];

/// The digest algorithms offered, by canonical name.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(super) enum Algorithm {
    Md5,
    Sha1,
    Sha224,
    Sha256,
    Sha384,
    Sha512,
    Sha512_224,
    Sha512_256,
    Sha3_224,
    Sha3_256,
    Sha3_384,
    Sha3_512,
}

/// Every name OpenSSL (and so Node) accepts for each algorithm, lower-cased.
const ALGORITHM_NAMES: &[(&str, Algorithm)] = &[
    ("md5", Algorithm::Md5),
    ("rsa-md5", Algorithm::Md5),
    ("ssl3-md5", Algorithm::Md5),
    ("md5withrsaencryption", Algorithm::Md5),
    ("sha1", Algorithm::Sha1),
    ("sha-1", Algorithm::Sha1),
    ("rsa-sha1", Algorithm::Sha1),
    ("rsa-sha1-2", Algorithm::Sha1),
    ("ssl3-sha1", Algorithm::Sha1),
    ("sha1withrsaencryption", Algorithm::Sha1),
    ("dss1", Algorithm::Sha1),
    ("sha224", Algorithm::Sha224),
    ("sha-224", Algorithm::Sha224),
    ("sha2-224", Algorithm::Sha224),
    ("rsa-sha224", Algorithm::Sha224),
    ("sha224withrsaencryption", Algorithm::Sha224),
    ("sha256", Algorithm::Sha256),
    ("sha-256", Algorithm::Sha256),
    ("sha2-256", Algorithm::Sha256),
    ("rsa-sha256", Algorithm::Sha256),
    ("sha256withrsaencryption", Algorithm::Sha256),
    ("sha384", Algorithm::Sha384),
    ("sha-384", Algorithm::Sha384),
    ("sha2-384", Algorithm::Sha384),
    ("rsa-sha384", Algorithm::Sha384),
    ("sha384withrsaencryption", Algorithm::Sha384),
    ("sha512", Algorithm::Sha512),
    ("sha-512", Algorithm::Sha512),
    ("sha2-512", Algorithm::Sha512),
    ("rsa-sha512", Algorithm::Sha512),
    ("sha512withrsaencryption", Algorithm::Sha512),
    ("sha512-224", Algorithm::Sha512_224),
    ("sha-512/224", Algorithm::Sha512_224),
    ("sha2-512/224", Algorithm::Sha512_224),
    ("rsa-sha512/224", Algorithm::Sha512_224),
    ("sha512-224withrsaencryption", Algorithm::Sha512_224),
    ("sha512-256", Algorithm::Sha512_256),
    ("sha-512/256", Algorithm::Sha512_256),
    ("sha2-512/256", Algorithm::Sha512_256),
    ("rsa-sha512/256", Algorithm::Sha512_256),
    ("sha512-256withrsaencryption", Algorithm::Sha512_256),
    ("sha3-224", Algorithm::Sha3_224),
    ("rsa-sha3-224", Algorithm::Sha3_224),
    ("id-rsassa-pkcs1-v1_5-with-sha3-224", Algorithm::Sha3_224),
    ("sha3-256", Algorithm::Sha3_256),
    ("rsa-sha3-256", Algorithm::Sha3_256),
    ("id-rsassa-pkcs1-v1_5-with-sha3-256", Algorithm::Sha3_256),
    ("sha3-384", Algorithm::Sha3_384),
    ("rsa-sha3-384", Algorithm::Sha3_384),
    ("id-rsassa-pkcs1-v1_5-with-sha3-384", Algorithm::Sha3_384),
    ("sha3-512", Algorithm::Sha3_512),
    ("rsa-sha3-512", Algorithm::Sha3_512),
    ("id-rsassa-pkcs1-v1_5-with-sha3-512", Algorithm::Sha3_512),
];

/// The names `crypto.getHashes()` lists, in Node's order (a subset of Node's list).
const LISTED_NAMES: &[&str] = &[
    "RSA-MD5",
    "RSA-SHA1",
    "RSA-SHA1-2",
    "RSA-SHA224",
    "RSA-SHA256",
    "RSA-SHA3-224",
    "RSA-SHA3-256",
    "RSA-SHA3-384",
    "RSA-SHA3-512",
    "RSA-SHA384",
    "RSA-SHA512",
    "RSA-SHA512/224",
    "RSA-SHA512/256",
    "id-rsassa-pkcs1-v1_5-with-sha3-224",
    "id-rsassa-pkcs1-v1_5-with-sha3-256",
    "id-rsassa-pkcs1-v1_5-with-sha3-384",
    "id-rsassa-pkcs1-v1_5-with-sha3-512",
    "md5",
    "md5WithRSAEncryption",
    "sha1",
    "sha1WithRSAEncryption",
    "sha224",
    "sha224WithRSAEncryption",
    "sha256",
    "sha256WithRSAEncryption",
    "sha3-224",
    "sha3-256",
    "sha3-384",
    "sha3-512",
    "sha384",
    "sha384WithRSAEncryption",
    "sha512",
    "sha512-224",
    "sha512-224WithRSAEncryption",
    "sha512-256",
    "sha512-256WithRSAEncryption",
    "sha512WithRSAEncryption",
    "shake128",
    "shake256",
    "ssl3-md5",
    "ssl3-sha1",
];

impl Algorithm {
    /// The algorithm a (case-insensitive) OpenSSL digest name stands for.
    pub(super) fn from_name(name: &str) -> Option<Self> {
        let lower = name.to_ascii_lowercase();
        ALGORITHM_NAMES.iter().find(|(n, _)| *n == lower).map(|(_, a)| *a)
    }

    /// A new running hash of this algorithm.
    pub(super) fn new_hash(self) -> Box<dyn Digester> {
        match self {
            Algorithm::Md5 => Box::new(md5::Md5::default()),
            Algorithm::Sha1 => Box::new(sha1::Sha1::default()),
            Algorithm::Sha224 => Box::new(sha2::Sha224::default()),
            Algorithm::Sha256 => Box::new(sha2::Sha256::default()),
            Algorithm::Sha384 => Box::new(sha2::Sha384::default()),
            Algorithm::Sha512 => Box::new(sha2::Sha512::default()),
            Algorithm::Sha512_224 => Box::new(sha2::Sha512_224::default()),
            Algorithm::Sha512_256 => Box::new(sha2::Sha512_256::default()),
            Algorithm::Sha3_224 => Box::new(sha3::Sha3_224::default()),
            Algorithm::Sha3_256 => Box::new(sha3::Sha3_256::default()),
            Algorithm::Sha3_384 => Box::new(sha3::Sha3_384::default()),
            Algorithm::Sha3_512 => Box::new(sha3::Sha3_512::default()),
        }
    }

    /// A running HMAC keyed with `key` (HMAC takes keys of any length, so this is `Some`).
    fn new_hmac(self, key: &[u8]) -> Option<Box<dyn Digester>> {
        fn keyed<M: KeyInit + Digester + 'static>(key: &[u8]) -> Option<Box<dyn Digester>> {
            M::new_from_slice(key).ok().map(|mac| Box::new(mac) as Box<dyn Digester>)
        }
        use hmac::Hmac;
        match self {
            Algorithm::Md5 => keyed::<Hmac<md5::Md5>>(key),
            Algorithm::Sha1 => keyed::<Hmac<sha1::Sha1>>(key),
            Algorithm::Sha224 => keyed::<Hmac<sha2::Sha224>>(key),
            Algorithm::Sha256 => keyed::<Hmac<sha2::Sha256>>(key),
            Algorithm::Sha384 => keyed::<Hmac<sha2::Sha384>>(key),
            Algorithm::Sha512 => keyed::<Hmac<sha2::Sha512>>(key),
            Algorithm::Sha512_224 => keyed::<Hmac<sha2::Sha512_224>>(key),
            Algorithm::Sha512_256 => keyed::<Hmac<sha2::Sha512_256>>(key),
            Algorithm::Sha3_224 => keyed::<Hmac<sha3::Sha3_224>>(key),
            Algorithm::Sha3_256 => keyed::<Hmac<sha3::Sha3_256>>(key),
            Algorithm::Sha3_384 => keyed::<Hmac<sha3::Sha3_384>>(key),
            Algorithm::Sha3_512 => keyed::<Hmac<sha3::Sha3_512>>(key),
        }
    }

    fn pbkdf2(self, password: &[u8], salt: &[u8], iterations: u32, out: &mut [u8]) {
        use pbkdf2::pbkdf2_hmac;
        match self {
            Algorithm::Md5 => pbkdf2_hmac::<md5::Md5>(password, salt, iterations, out),
            Algorithm::Sha1 => pbkdf2_hmac::<sha1::Sha1>(password, salt, iterations, out),
            Algorithm::Sha224 => pbkdf2_hmac::<sha2::Sha224>(password, salt, iterations, out),
            Algorithm::Sha256 => pbkdf2_hmac::<sha2::Sha256>(password, salt, iterations, out),
            Algorithm::Sha384 => pbkdf2_hmac::<sha2::Sha384>(password, salt, iterations, out),
            Algorithm::Sha512 => pbkdf2_hmac::<sha2::Sha512>(password, salt, iterations, out),
            Algorithm::Sha512_224 => {
                pbkdf2_hmac::<sha2::Sha512_224>(password, salt, iterations, out)
            }
            Algorithm::Sha512_256 => {
                pbkdf2_hmac::<sha2::Sha512_256>(password, salt, iterations, out)
            }
            Algorithm::Sha3_224 => pbkdf2_hmac::<sha3::Sha3_224>(password, salt, iterations, out),
            Algorithm::Sha3_256 => pbkdf2_hmac::<sha3::Sha3_256>(password, salt, iterations, out),
            Algorithm::Sha3_384 => pbkdf2_hmac::<sha3::Sha3_384>(password, salt, iterations, out),
            Algorithm::Sha3_512 => pbkdf2_hmac::<sha3::Sha3_512>(password, salt, iterations, out),
        }
    }
}

/// A running hash or HMAC of any algorithm.
pub(super) trait Digester: Send {
    fn feed(&mut self, data: &[u8]);
    fn finish(self: Box<Self>) -> Vec<u8>;
    fn duplicate(&self) -> Box<dyn Digester>;
    /// Sets the output length (`None`: the default); false if the algorithm has a fixed
    /// output of another length.
    fn set_output_len(&mut self, len: Option<usize>) -> bool;
}

impl<D: Update + FixedOutput + Clone + Send + 'static> Digester for D {
    fn feed(&mut self, data: &[u8]) {
        Update::update(self, data);
    }

    fn finish(self: Box<Self>) -> Vec<u8> {
        (*self).finalize_fixed().to_vec()
    }

    fn duplicate(&self) -> Box<dyn Digester> {
        Box::new(self.clone())
    }

    fn set_output_len(&mut self, len: Option<usize>) -> bool {
        len.is_none_or(|len| len == D::output_size())
    }
}

/// An extendable-output function (SHAKE) with the output length asked for.
#[derive(Clone)]
struct Xof<X> {
    inner: X,
    len: usize,
    default_len: usize,
}

impl<X: Update + ExtendableOutput + Clone + Send + 'static> Digester for Xof<X> {
    fn feed(&mut self, data: &[u8]) {
        Update::update(&mut self.inner, data);
    }

    fn finish(self: Box<Self>) -> Vec<u8> {
        let mut out = vec![0u8; self.len];
        self.inner.finalize_xof_into(&mut out);
        out
    }

    fn duplicate(&self) -> Box<dyn Digester> {
        Box::new(self.clone())
    }

    fn set_output_len(&mut self, len: Option<usize>) -> bool {
        self.len = len.unwrap_or(self.default_len);
        true
    }
}

/// A new running hash for a digest name, fixed-output or SHAKE (whose default lengths are
/// OpenSSL's: 16 bytes for shake128, 32 for shake256).
fn new_digester(name: &str) -> Option<Box<dyn Digester>> {
    fn xof<X: Update + ExtendableOutput + Default + Clone + Send + 'static>(
        default_len: usize,
    ) -> Box<dyn Digester> {
        Box::new(Xof { inner: X::default(), len: default_len, default_len })
    }
    match name.to_ascii_lowercase().as_str() {
        "shake128" => Some(xof::<sha3::Shake128>(16)),
        "shake256" => Some(xof::<sha3::Shake256>(32)),
        _ => Algorithm::from_name(name).map(Algorithm::new_hash),
    }
}

/// The optional output length argument `i` (undefined or a non-negative number).
fn output_len_arg(ctx: &mut dyn OpCtx, i: usize) -> Option<usize> {
    ctx.arg_number(i).map(|n| n as usize)
}

/// The realm's running hashes, by the id JS holds.
#[derive(Default)]
struct HashTable {
    next_id: u32,
    entries: HashMap<u32, Box<dyn Digester>>,
}

impl HashTable {
    fn insert(&mut self, digester: Box<dyn Digester>) -> HostValue {
        self.next_id = self.next_id.wrapping_add(1);
        self.entries.insert(self.next_id, digester);
        HostValue::Number(f64::from(self.next_id))
    }
}

fn fill_random(buf: &mut [u8]) -> Result<(), ThrowError> {
    getrandom::getrandom(buf).map_err(|e| ThrowError::error(format!("random source failed: {e}")))
}

/// `randomFill(buffer, offset, size)`: fills that part of `buffer` from the OS CSPRNG.
fn random_fill(ctx: &mut dyn OpCtx) -> OpResult {
    let offset: f64 = ctx.arg(1, "offset")?;
    let size: f64 = ctx.arg(2, "size")?;
    let buf = ctx.arg_bytes(0).ok_or_else(|| {
        ThrowError::type_error("ERR_INVALID_ARG_TYPE", "The \"buf\" argument must be a buffer")
    })?;
    let (start, len) = (offset as usize, size as usize);
    let Some(part) = start.checked_add(len).and_then(|end| buf.get_mut(start..end)) else {
        return Err(ThrowError::range_error("ERR_OUT_OF_RANGE", "The buffer is too small"));
    };
    fill_random(part)?;
    Ok(HostValue::Undefined)
}

/// `randomBytesAsync(size)`: a request id; completes with `size` random bytes.
fn random_bytes_async(ctx: &mut dyn OpCtx) -> OpResult {
    let size: f64 = ctx.arg(0, "size")?;
    let size = size as usize;
    async_op::spawn(ctx, move || {
        let mut bytes = vec![0u8; size];
        fill_random(&mut bytes)?;
        Ok(HostValue::Bytes(bytes))
    })
}

/// The names `crypto.getHashes()` returns.
fn hash_names(_ctx: &mut dyn OpCtx) -> OpResult {
    Ok(HostValue::Array(LISTED_NAMES.iter().map(|n| (*n).into()).collect()))
}

/// OpenSSL's error for an output length a fixed-output digest cannot give.
fn not_xof() -> ThrowError {
    ThrowError::error("error:030000B2:digital envelope routines::not XOF or invalid length")
        .with("library", "digital envelope routines")
        .with("reason", "not XOF or invalid length")
        .with("code", "ERR_OSSL_EVP_NOT_XOF_OR_INVALID_LENGTH")
}

/// `hashCreate(algorithm, outputLength?)`: the id of a new running hash, or undefined for
/// an unknown name.
fn hash_create(ctx: &mut dyn OpCtx) -> OpResult {
    let name: String = ctx.arg(0, "algorithm")?;
    let Some(mut digester) = new_digester(&name) else {
        return Ok(HostValue::Undefined);
    };
    if !digester.set_output_len(output_len_arg(ctx, 1)) {
        return Err(not_xof());
    }
    Ok(ctx.state().get_or_default::<HashTable>().insert(digester))
}

/// `hmacCreate(algorithm, key)`: the id of a new running HMAC, or undefined for an unknown
/// digest name.
fn hmac_create(ctx: &mut dyn OpCtx) -> OpResult {
    let name: String = ctx.arg(0, "hmac")?;
    let Some(algorithm) = Algorithm::from_name(&name) else {
        return Ok(HostValue::Undefined);
    };
    let mac = algorithm
        .new_hmac(ctx.arg_bytes(1).map(|b| &*b).unwrap_or(&[]))
        .ok_or_else(|| ThrowError::error("Invalid key length"))?;
    Ok(ctx.state().get_or_default::<HashTable>().insert(mac))
}

fn take_entry(ctx: &mut dyn OpCtx) -> Result<(u32, Box<dyn Digester>), ThrowError> {
    let id: u32 = ctx.arg(0, "id")?;
    let entry = ctx.state().get_or_default::<HashTable>().entries.remove(&id);
    entry.map(|digester| (id, digester)).ok_or_else(|| {
        ThrowError::error("Hash update failed").with("code", "ERR_CRYPTO_HASH_UPDATE_FAILED")
    })
}

/// `hashUpdate(id, data)`: feeds a string (as UTF-8) or the bytes of a buffer view.
fn hash_update(ctx: &mut dyn OpCtx) -> OpResult {
    let (id, mut digester) = take_entry(ctx)?;
    if let Some(bytes) = ctx.arg_bytes(1) {
        digester.feed(bytes);
    } else if let Some(text) = ctx.arg_string(1) {
        digester.feed(text.as_bytes());
    }
    ctx.state().get_or_default::<HashTable>().entries.insert(id, digester);
    Ok(HostValue::Undefined)
}

/// `hashDigest(id)`: the result as bytes; the entry is freed.
fn hash_digest(ctx: &mut dyn OpCtx) -> OpResult {
    let (_, digester) = take_entry(ctx)?;
    Ok(HostValue::Bytes(digester.finish()))
}

/// `hashCopy(id, outputLength?)`: the id of an independent copy of the running hash.
fn hash_copy(ctx: &mut dyn OpCtx) -> OpResult {
    let id: u32 = ctx.arg(0, "id")?;
    let len = output_len_arg(ctx, 1);
    let table = ctx.state().get_or_default::<HashTable>();
    let copy = table.entries.get(&id).map(|d| d.duplicate());
    match copy {
        Some(mut copy) => {
            if !copy.set_output_len(len) {
                return Err(not_xof());
            }
            Ok(table.insert(copy))
        }
        None => {
            Err(ThrowError::error("Digest already called")
                .with("code", "ERR_CRYPTO_HASH_FINALIZED"))
        }
    }
}

/// `hashFree(id)`: drops a running hash that will never be digested.
fn hash_free(ctx: &mut dyn OpCtx) -> OpResult {
    let id: u32 = ctx.arg(0, "id")?;
    ctx.state().get_or_default::<HashTable>().entries.remove(&id);
    Ok(HostValue::Undefined)
}

/// `hashOneShot(algorithm, data, outputLength?)`: the digest of a string (UTF-8) or bytes,
/// undefined for an unknown name, or null for an output length the digest cannot give.
fn hash_one_shot(ctx: &mut dyn OpCtx) -> OpResult {
    let name: String = ctx.arg(0, "algorithm")?;
    let Some(mut digester) = new_digester(&name) else {
        return Ok(HostValue::Undefined);
    };
    if !digester.set_output_len(output_len_arg(ctx, 2)) {
        return Ok(HostValue::Null);
    }
    if let Some(bytes) = ctx.arg_bytes(1) {
        digester.feed(bytes);
    } else if let Some(text) = ctx.arg_string(1) {
        digester.feed(text.as_bytes());
    }
    Ok(HostValue::Bytes(digester.finish()))
}

/// `timingSafeEqual(a, b)`: compares two equally long byte sequences in constant time.
fn timing_safe_equal(ctx: &mut dyn OpCtx) -> OpResult {
    let first = ctx.arg_bytes(0).map(|b| b.to_vec()).unwrap_or_default();
    let second = ctx.arg_bytes(1).map(|b| &*b).unwrap_or(&[]);
    if first.len() != second.len() {
        return Ok(false.into());
    }
    let difference = first.iter().zip(second).fold(0u8, |acc, (a, b)| acc | (a ^ b));
    Ok((difference == 0).into())
}

/// The arguments of a PBKDF2 call, copied so the work can leave the JS thread.
struct Pbkdf2Job {
    password: Vec<u8>,
    salt: Vec<u8>,
    iterations: u32,
    key_length: usize,
    algorithm: Algorithm,
}

impl Pbkdf2Job {
    /// Reads `(password, salt, iterations, keylen, digest)`; JS has validated them.
    fn from_args(ctx: &mut dyn OpCtx) -> Result<Self, ThrowError> {
        let iterations: u32 = ctx.arg(2, "iterations")?;
        let key_length: f64 = ctx.arg(3, "keylen")?;
        let digest: String = ctx.arg(4, "digest")?;
        let algorithm = Algorithm::from_name(&digest).ok_or_else(|| {
            ThrowError::type_error("ERR_CRYPTO_INVALID_DIGEST", format!("Invalid digest: {digest}"))
        })?;
        let password = ctx.arg_bytes(0).map(|b| b.to_vec()).unwrap_or_default();
        let salt = ctx.arg_bytes(1).map(|b| b.to_vec()).unwrap_or_default();
        Ok(Self { password, salt, iterations, key_length: key_length as usize, algorithm })
    }

    /// Derives the key; OpenSSL (and so Node) refuses an empty one.
    fn run(self) -> AsyncResult {
        if self.key_length == 0 {
            return Err(ThrowError::error("Deriving bits failed"));
        }
        let mut out = vec![0u8; self.key_length];
        self.algorithm.pbkdf2(&self.password, &self.salt, self.iterations, &mut out);
        Ok(HostValue::Bytes(out))
    }
}

fn pbkdf2_sync(ctx: &mut dyn OpCtx) -> OpResult {
    Pbkdf2Job::from_args(ctx)?.run()
}

fn pbkdf2_async(ctx: &mut dyn OpCtx) -> OpResult {
    let job = Pbkdf2Job::from_args(ctx)?;
    async_op::spawn(ctx, move || job.run())
}

/// The arguments of a scrypt call, copied so the work can leave the JS thread.
struct ScryptJob {
    password: Vec<u8>,
    salt: Vec<u8>,
    key_length: usize,
    params: scrypt::Params,
}

impl ScryptJob {
    /// Reads `(password, salt, keylen, N, r, p)`; JS has validated them, including maxmem.
    fn from_args(ctx: &mut dyn OpCtx) -> Result<Self, ThrowError> {
        let key_length: f64 = ctx.arg(2, "keylen")?;
        let cost: f64 = ctx.arg(3, "N")?;
        let block_size: u32 = ctx.arg(4, "r")?;
        let parallelization: u32 = ctx.arg(5, "p")?;
        let invalid = || {
            ThrowError {
                class: ErrorClass::RangeError,
                message: "Invalid scrypt params".into(),
                props: Vec::new(),
            }
            .with("code", "ERR_CRYPTO_INVALID_SCRYPT_PARAMS")
        };
        if cost < 2.0 || cost.fract() != 0.0 || (cost as u64).count_ones() != 1 {
            return Err(invalid());
        }
        let log_n = (cost as u64).trailing_zeros() as u8;
        let params = scrypt::Params::new(
            log_n,
            block_size,
            parallelization,
            scrypt::Params::RECOMMENDED_LEN,
        )
        .map_err(|_| invalid())?;
        let password = ctx.arg_bytes(0).map(|b| b.to_vec()).unwrap_or_default();
        let salt = ctx.arg_bytes(1).map(|b| b.to_vec()).unwrap_or_default();
        Ok(Self { password, salt, key_length: key_length as usize, params })
    }

    fn run(self) -> AsyncResult {
        let mut out = vec![0u8; self.key_length];
        if !out.is_empty() {
            scrypt::scrypt(&self.password, &self.salt, &self.params, &mut out).map_err(|_| {
                ThrowError::error("scrypt failed").with("code", "ERR_CRYPTO_INVALID_SCRYPT_PARAMS")
            })?;
        }
        Ok(HostValue::Bytes(out))
    }
}

fn scrypt_sync(ctx: &mut dyn OpCtx) -> OpResult {
    ScryptJob::from_args(ctx)?.run()
}

fn scrypt_async(ctx: &mut dyn OpCtx) -> OpResult {
    let job = ScryptJob::from_args(ctx)?;
    async_op::spawn(ctx, move || job.run())
}

/// The arguments of an HKDF call, copied so the work can leave the JS thread.
struct HkdfJob {
    algorithm: Algorithm,
    key: Vec<u8>,
    salt: Vec<u8>,
    info: Vec<u8>,
    length: usize,
}

impl HkdfJob {
    /// Reads `(digest, key, salt, info, length)`; JS has validated them.
    fn from_args(ctx: &mut dyn OpCtx) -> Result<Self, ThrowError> {
        let digest: String = ctx.arg(0, "digest")?;
        let length: f64 = ctx.arg(4, "keylen")?;
        let algorithm = Algorithm::from_name(&digest).ok_or_else(|| {
            ThrowError::type_error("ERR_CRYPTO_INVALID_DIGEST", format!("Invalid digest: {digest}"))
        })?;
        // At most 255 blocks of output (RFC 5869); Node checks this before running.
        if length > 255.0 * algorithm.new_hash().finish().len() as f64 {
            return Err(ThrowError::range_error("ERR_CRYPTO_INVALID_KEYLEN", "Invalid key length"));
        }
        let mut bytes = |i| ctx.arg_bytes(i).map(|b| b.to_vec()).unwrap_or_default();
        let (key, salt, info) = (bytes(1), bytes(2), bytes(3));
        Ok(Self { algorithm, key, salt, info, length: length as usize })
    }

    /// HKDF (RFC 5869) over the HMAC of any digest offered, so every digest Node takes
    /// works here too; OpenSSL (and so Node) refuses an empty output.
    fn run(self) -> AsyncResult {
        let mac = |key: &[u8], parts: &[&[u8]]| {
            let mut mac = self.algorithm.new_hmac(key).expect("HMAC takes any key length");
            for part in parts {
                mac.feed(part);
            }
            mac.finish()
        };
        let hash_len = self.algorithm.new_hash().finish().len();
        if self.length == 0 {
            return Err(ThrowError::error("Deriving bits failed"));
        }
        let salt = if self.salt.is_empty() { vec![0u8; hash_len] } else { self.salt.clone() };
        let prk = mac(&salt, &[&self.key]);
        let mut out = Vec::with_capacity(self.length + hash_len);
        let mut block = Vec::new();
        let mut counter = 1u8;
        while out.len() < self.length {
            block = mac(&prk, &[&block, &self.info, &[counter]]);
            out.extend_from_slice(&block);
            counter = counter.wrapping_add(1);
        }
        out.truncate(self.length);
        Ok(HostValue::Bytes(out))
    }
}

fn hkdf_sync(ctx: &mut dyn OpCtx) -> OpResult {
    HkdfJob::from_args(ctx)?.run()
}

fn hkdf_async(ctx: &mut dyn OpCtx) -> OpResult {
    let job = HkdfJob::from_args(ctx)?;
    async_op::spawn(ctx, move || job.run())
}
