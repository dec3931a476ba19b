//! `internalBinding('crypto')`, primes: `crypto.generatePrime` and `crypto.checkPrime`
//! (sync and on the blocking pool), and the prime search DH parameter generation uses.
//!
//! Generation follows OpenSSL's `BN_generate_prime_ex2` step by step (random start with the
//! top bits set, a sieve over small primes that walks the candidate by 2, 4 or `add`, then
//! Miller-Rabin and Lucas), so the results have the same shape as Node's: the same bit
//! length, `p % add == rem`, the same tiny-size special cases (3 bits → 7) and the same
//! errors. Numbers travel as big-endian bytes.

use std::sync::OnceLock;

use engine::{HostValue, Op, OpCtx, OpResult, ThrowError};
use num_bigint_dig::prime::probably_prime;
use num_bigint_dig::BigUint;
use rand_core06::{OsRng, RngCore};

use super::async_op;

pub(super) const OPS: &[Op] = &[
    Op { binding: "crypto", name: "primeGenerate", func: prime_generate },
    Op { binding: "crypto", name: "primeGenerateAsync", func: prime_generate_async },
    Op { binding: "crypto", name: "primeCheck", func: prime_check },
    Op { binding: "crypto", name: "primeCheckAsync", func: prime_check_async },
];

/// Miller-Rabin rounds for a final test (Lucas runs as well, so this is generous).
const ROUNDS: usize = 20;

/// The most bytes OpenSSL lets a BIGNUM hold (`INT_MAX / (4 * BN_BITS2)` 64-bit words).
const MAX_BIGNUM_BYTES: usize = (i32::MAX as usize / 256) * 8;

/// An OpenSSL bignum error as Node's prime job reports it: a plain `Error` whose message is
/// OpenSSL's string (Node does not decorate these with `code`).
fn bn_error(packed: &str, reason: &str) -> ThrowError {
    ThrowError::error(format!("error:{packed}:bignum routines::{reason}"))
}

/// `BN_R_BITS_TOO_SMALL`.
fn bits_too_small() -> ThrowError {
    bn_error("01800076", "bits too small")
}

/// `BN_R_BIGNUM_TOO_LONG`, decorated as Node does when it converts an argument.
fn bignum_too_long() -> ThrowError {
    super::keys::openssl_error(
        "01800072",
        "bignum routines",
        "bignum too long",
        "ERR_OSSL_BN_BIGNUM_TOO_LONG",
    )
}

/// The odd primes below 2^16 (OpenSSL's `primes` table holds 2048 primes, 2 first).
fn small_primes() -> &'static [u64] {
    static PRIMES: OnceLock<Vec<u64>> = OnceLock::new();
    PRIMES.get_or_init(|| {
        let limit = 17_868usize; // just above the 2048th prime
        let mut composite = vec![false; limit];
        let mut primes = Vec::with_capacity(2048);
        for n in 2..limit {
            if !composite[n] {
                primes.push(n as u64);
                let mut m = n * n;
                while m < limit {
                    composite[m] = true;
                    m += n;
                }
            }
        }
        primes.truncate(2048);
        primes
    })
}

/// How many table primes OpenSSL sieves with for a `bits`-bit candidate.
fn trial_divisions(bits: usize) -> usize {
    match bits {
        0..=512 => 64,
        513..=1024 => 128,
        1025..=2048 => 384,
        2049..=4096 => 1024,
        _ => 2048,
    }
}

/// `2^k`.
fn bit(k: usize) -> BigUint {
    BigUint::from(1u8) << k
}

/// `n` as a machine word, if it fits.
pub(super) fn to_u64(n: &BigUint) -> Option<u64> {
    if n.bits() > 64 {
        return None;
    }
    Some(n.to_bytes_be().iter().fold(0u64, |acc, &b| (acc << 8) | u64::from(b)))
}

/// `n mod p` for a small `p`.
fn rem_small(n: &BigUint, p: u64) -> u64 {
    to_u64(&(n % p)).unwrap_or(0)
}

/// The greatest common divisor (Euclid).
fn gcd(a: &BigUint, b: &BigUint) -> BigUint {
    let (mut a, mut b) = (a.clone(), b.clone());
    while b.bits() != 0 {
        let r = &a % &b;
        a = b;
        b = r;
    }
    a
}

/// A random number of `bits` bits (`bits >= 1`) with the top one or two bits set and, if
/// `odd`, the low bit (OpenSSL's `BN_rand` with `BN_RAND_TOP_ONE/TWO`, `BN_RAND_BOTTOM_ODD`).
fn random_bits(bits: usize, top_two: bool, odd: bool) -> BigUint {
    let mut bytes = vec![0u8; bits.div_ceil(8)];
    OsRng.fill_bytes(&mut bytes);
    // Drop the excess high bits of the top byte, then set the asked ones.
    let excess = bytes.len() * 8 - bits;
    bytes[0] &= 0xff >> excess;
    let mut n = BigUint::from_bytes_be(&bytes) | bit(bits - 1);
    if top_two && bits >= 2 {
        n |= bit(bits - 2);
    }
    if odd {
        n |= bit(0);
    }
    n
}

/// Whether `candidate` survives the sieve: no small prime divides it (for a safe prime, none
/// divides `(candidate - 1) / 2` either, i.e. `candidate % p` is not 0 or 1). `mods` are the
/// residues of `base`, `candidate = base + delta`. A prime whose square exceeds the candidate
/// stops the sieve, so tiny primes (3, 7, 13) are not rejected by their own factor.
fn passes_sieve(
    mods: &[u64],
    primes: &[u64],
    delta: u128,
    candidate: &BigUint,
    safe: bool,
) -> bool {
    let small = to_u64(candidate);
    for (&m, &p) in mods.iter().zip(primes) {
        if let Some(c) = small {
            if u128::from(p) * u128::from(p) > u128::from(c) {
                return true;
            }
        }
        let r = (u128::from(m) + delta) % u128::from(p);
        if r == 0 || (safe && r == 1) {
            return false;
        }
    }
    true
}

/// Whether `2^(n-1) ≡ 1 (mod n)` (true for every odd prime; small `n` pass through).
fn fermat2(n: &BigUint) -> bool {
    if n.bits() < 8 {
        return true;
    }
    let one = BigUint::from(1u8);
    BigUint::from(2u8).modpow(&(n - &one), n) == one
}

/// The full primality test for a candidate that passed the sieve (`safe`: `(p-1)/2` too).
fn is_acceptable(candidate: &BigUint, safe: bool) -> bool {
    if !safe {
        return probably_prime(candidate, ROUNDS);
    }
    let half: BigUint = candidate >> 1usize;
    // A base-2 Fermat test of each first (one modpow): nearly every candidate fails it, and
    // it costs a fraction of a full Miller-Rabin + Lucas round.
    fermat2(&half)
        && fermat2(candidate)
        && probably_prime(&half, ROUNDS)
        && probably_prime(candidate, ROUNDS)
}

/// How many sieve steps to try from one random start before drawing a new one (OpenSSL's
/// `maxdelta` is effectively unbounded; a bound keeps hopeless parameters from spinning).
const MAX_STEPS: u64 = 1 << 20;

/// How many random starts an `add`/`rem` search gets when `gcd(add, rem) != 1` (no prime
/// but possibly `gcd` itself can match: OpenSSL would loop forever, we give up).
const HOPELESS_STARTS: usize = 64;

/// A random prime of `bits` bits as OpenSSL's `BN_generate_prime_ex2(ret, bits, safe, add,
/// rem)` makes it: `safe` asks for `(p-1)/2` prime too; with `add`, `p % add == rem` (`rem`
/// defaults to 1, or 3 for a safe prime); `rem` without `add` is ignored.
pub(super) fn generate_prime(
    bits: usize,
    safe: bool,
    add: Option<&BigUint>,
    rem: Option<&BigUint>,
) -> Result<BigUint, ThrowError> {
    if bits < 2 || (bits == 2 && safe) || (add.is_none() && safe && bits < 6 && bits != 3) {
        // No (reachable) prime this small: 3 bits gives 7, the next safe primes 11 and 23
        // cannot have their top two bits set.
        return Err(bits_too_small());
    }
    // The whole table, more than OpenSSL's count for small sizes: each sieve step is cheap
    // word arithmetic and every candidate it drops saves a modpow.
    let primes = &small_primes()[1..trial_divisions(bits).max(1024)];
    match add {
        None => Ok(loop {
            let mut base = random_bits(bits, true, true);
            if safe {
                // p ≡ 3 (mod 4), so (p-1)/2 is odd.
                base |= bit(1);
            }
            let mods: Vec<u64> = primes.iter().map(|&p| rem_small(&base, p)).collect();
            let step = if safe { 4u128 } else { 2 };
            let mut delta = 0u128;
            let found = loop {
                let candidate = &base + BigUint::from(delta);
                if passes_sieve(&mods, primes, delta, &candidate, safe) {
                    break Some(candidate);
                }
                delta += step;
                if delta > u128::from(MAX_STEPS) * step {
                    break None;
                }
            };
            if let Some(candidate) = found {
                if candidate.bits() == bits && is_acceptable(&candidate, safe) {
                    break candidate;
                }
            }
        }),
        Some(add) => {
            if add.bits() == 0 {
                return Err(bn_error("01800067", "div by zero"));
            }
            let default_rem = BigUint::from(if safe { 3u32 } else { 1 });
            let rem = rem.unwrap_or(&default_rem);
            let hopeless = gcd(add, &(rem % add)) != BigUint::from(1u8);
            // A step that does not fit a word means: one candidate per random start.
            let step = to_u64(add).map(u128::from);
            let mut starts = 0usize;
            loop {
                starts += 1;
                if hopeless && starts > HOPELESS_STARTS {
                    return Err(bn_error("0180006D", "no solution"));
                }
                let rnd = random_bits(bits, false, true);
                let mut base = &rnd - (&rnd % add) + rem;
                let small = to_u64(&base).is_some_and(|w| w < if safe { 5 } else { 3 });
                if base.bits() < bits || small {
                    base += add;
                }
                let mods: Vec<u64> = primes.iter().map(|&p| rem_small(&base, p)).collect();
                let mut delta = 0u128;
                let mut steps = 0u64;
                let found = loop {
                    let candidate = &base + BigUint::from(delta);
                    if passes_sieve(&mods, primes, delta, &candidate, safe) {
                        break Some(candidate);
                    }
                    steps += 1;
                    match step {
                        Some(s) if steps < MAX_STEPS => delta += s,
                        _ => break None,
                    }
                };
                if let Some(candidate) = found {
                    if is_acceptable(&candidate, safe) {
                        return Ok(candidate);
                    }
                }
            }
        }
    }
}

/// `BN_is_prime_ex(candidate, checks)`: `checks` Miller-Rabin rounds (0: a default), plus a
/// Lucas test.
pub(super) fn check_prime(candidate: &BigUint, checks: usize) -> bool {
    // More rounds than this add nothing to Baillie-PSW but time.
    probably_prime(candidate, if checks == 0 { ROUNDS } else { checks.min(128) })
}

/// The big-endian bytes of `n`, minimal (`BN_bn2bin`): zero is empty.
pub(super) fn to_bytes(n: &BigUint) -> Vec<u8> {
    if n.bits() == 0 {
        Vec::new()
    } else {
        n.to_bytes_be()
    }
}

/// The arguments of a `generatePrime` call, copied so the work can leave the JS thread.
struct GenerateJob {
    bits: usize,
    safe: bool,
    add: Option<BigUint>,
    rem: Option<BigUint>,
}

impl GenerateJob {
    /// Reads `(bits, safe, add, rem)`: add and rem are big-endian bytes or null. JS has
    /// validated the types; the range checks Node's C++ does are here.
    fn from_args(ctx: &mut dyn OpCtx) -> Result<Self, ThrowError> {
        let bits: f64 = ctx.arg(0, "size")?;
        if !(1.0..=f64::from(i32::MAX)).contains(&bits) || bits.fract() != 0.0 {
            return Err(ThrowError::range_error("ERR_OUT_OF_RANGE", "invalid size"));
        }
        let bits = bits as usize;
        let safe = ctx.arg_truthy(1);
        let add = ctx.arg_bytes(2).map(|b| BigUint::from_bytes_be(b));
        let rem = ctx.arg_bytes(3).map(|b| BigUint::from_bytes_be(b));
        if let Some(add) = &add {
            // Node refuses what would make OpenSSL return a fixed value or loop forever.
            if add.bits() > bits {
                return Err(ThrowError::range_error("ERR_OUT_OF_RANGE", "invalid options.add"));
            }
            if rem.as_ref().is_some_and(|rem| add <= rem) {
                return Err(ThrowError::range_error("ERR_OUT_OF_RANGE", "invalid options.rem"));
            }
        }
        Ok(Self { bits, safe, add, rem })
    }

    fn run(self) -> Result<HostValue, ThrowError> {
        let prime = generate_prime(self.bits, self.safe, self.add.as_ref(), self.rem.as_ref())?;
        Ok(HostValue::Bytes(to_bytes(&prime)))
    }
}

/// `primeGenerate(bits, safe, add, rem)` → the prime's big-endian bytes.
fn prime_generate(ctx: &mut dyn OpCtx) -> OpResult {
    GenerateJob::from_args(ctx)?.run()
}

/// `primeGenerateAsync(bits, safe, add, rem)` → a request id (the same bytes on completion).
fn prime_generate_async(ctx: &mut dyn OpCtx) -> OpResult {
    let job = GenerateJob::from_args(ctx)?;
    async_op::spawn(ctx, move || job.run())
}

/// Reads `(candidate, checks)` of a `checkPrime` call.
fn check_args(ctx: &mut dyn OpCtx) -> Result<(BigUint, usize), ThrowError> {
    let bytes = ctx.arg_bytes(0).map(|b| &*b).unwrap_or(&[]);
    let start = bytes.iter().position(|&b| b != 0).unwrap_or(bytes.len());
    if bytes.len() - start > MAX_BIGNUM_BYTES {
        return Err(bignum_too_long());
    }
    let candidate = BigUint::from_bytes_be(&bytes[start..]);
    let checks = ctx.arg_number(1).filter(|n| n.is_finite() && *n > 0.0).unwrap_or(0.0) as usize;
    Ok((candidate, checks))
}

/// `primeCheck(candidate, checks)` → whether the big-endian `candidate` is (probably) prime.
fn prime_check(ctx: &mut dyn OpCtx) -> OpResult {
    let (candidate, checks) = check_args(ctx)?;
    Ok(check_prime(&candidate, checks).into())
}

/// `primeCheckAsync(candidate, checks)` → a request id (the boolean on completion).
fn prime_check_async(ctx: &mut dyn OpCtx) -> OpResult {
    let (candidate, checks) = check_args(ctx)?;
    async_op::spawn(ctx, move || Ok(check_prime(&candidate, checks).into()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn n(v: u64) -> BigUint {
        BigUint::from(v)
    }

    #[test]
    fn tiny_sizes_match_openssl() {
        assert!(generate_prime(1, false, None, None).is_err());
        assert_eq!(generate_prime(2, false, None, None).unwrap(), n(3));
        assert!(generate_prime(2, true, None, None).is_err());
        assert_eq!(generate_prime(3, false, None, None).unwrap(), n(7));
        assert_eq!(generate_prime(3, true, None, None).unwrap(), n(7));
        assert!(generate_prime(4, true, None, None).is_err());
        assert!(generate_prime(5, true, None, None).is_err());
        assert_eq!(generate_prime(6, true, None, None).unwrap(), n(59));
        assert_eq!(generate_prime(4, false, Some(&n(15)), Some(&n(13))).unwrap(), n(13));
    }

    #[test]
    fn generated_primes_have_the_asked_shape() {
        for _ in 0..20 {
            let p = generate_prime(32, false, None, None).unwrap();
            assert_eq!(p.bits(), 32);
            assert!(check_prime(&p, 0));
            let p = generate_prime(32, true, None, None).unwrap();
            assert_eq!(p.bits(), 32);
            assert!(check_prime(&(&p >> 1usize), 0));
            let p = generate_prime(32, false, Some(&n(12)), Some(&n(11))).unwrap();
            assert_eq!(&p % 12u32, n(11));
            let p = generate_prime(128, false, Some(&n(5)), None).unwrap();
            assert_eq!(&p % 5u32, n(1));
            let p = generate_prime(128, true, Some(&n(5)), None).unwrap();
            assert_eq!(&p % 5u32, n(3));
            let p = generate_prime(64, true, Some(&n(24)), Some(&n(23))).unwrap();
            assert_eq!(&p % 24u32, n(23));
        }
        let p = generate_prime(512, true, Some(&n(24)), Some(&n(23))).unwrap();
        assert_eq!(p.bits(), 512);
    }

    #[test]
    fn bad_parameters_fail_instead_of_looping() {
        assert!(generate_prime(8, false, Some(&n(0)), None).is_err());
        assert!(generate_prime(8, false, Some(&n(4)), Some(&n(0))).is_err());
        assert!(generate_prime(16, false, Some(&n(4)), Some(&n(2))).is_err());
        // A huge step (more than a word) still works, one candidate per start.
        let add = bit(70);
        let p = generate_prime(80, false, Some(&add), Some(&n(1))).unwrap();
        assert_eq!(&p % &add, n(1));
    }

    #[test]
    fn check_prime_edges() {
        for (v, prime) in [(0, false), (1, false), (2, true), (3, true), (4, false), (561, false)] {
            assert_eq!(check_prime(&n(v), 0), prime, "{v}");
            assert_eq!(check_prime(&n(v), 1), prime, "{v}");
        }
        assert!(check_prime(&n(18_446_744_073_709_551_557), 3));
    }
}
