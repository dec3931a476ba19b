//! `keyAgree`: the shared secret of `crypto.diffieHellman({ privateKey, publicKey })` for
//! EC (ECDH), X25519, X448 and finite-field DH keys.

use engine::{HostValue, OpCtx, OpResult, ThrowError};

use super::{key_arg, openssl_error, x448, AsymKey, EcPrivateKey, EcPublicKey};

/// `keyAgree(privateId, publicId)` → the shared secret.
pub(super) fn key_agree(ctx: &mut dyn OpCtx) -> OpResult {
    let private = key_arg(ctx, 0)?;
    let public = key_arg(ctx, 1)?;
    agree(&private, &public).map(HostValue::Bytes)
}

fn mismatching() -> ThrowError {
    openssl_error(
        "1C8000CB",
        "Provider routines",
        "mismatching domain parameters",
        "ERR_OSSL_MISMATCHING_DOMAIN_PARAMETERS",
    )
}

fn derivation_failed() -> ThrowError {
    openssl_error(
        "1C8000A4",
        "Provider routines",
        "failed during derivation",
        "ERR_OSSL_FAILED_DURING_DERIVATION",
    )
}

/// The shared secret of `private` with `public` (a private key's public half is used when
/// `public` is private, as Node allows).
pub(super) fn agree(private: &AsymKey, public: &AsymKey) -> Result<Vec<u8>, ThrowError> {
    let (a, b) = (private.asymmetric_key_type(), public.asymmetric_key_type());
    if a != b || !matches!(a, "ec" | "x25519" | "x448" | "dh") {
        return Err(ThrowError::error(format!(
            "Incompatible key types for Diffie-Hellman: {a} and {b}"
        ))
        .with("code", "ERR_CRYPTO_INCOMPATIBLE_KEY"));
    }
    let public = public.to_public();
    match (private, &public) {
        (AsymKey::EcPrivate(k), AsymKey::EcPublic(p)) => ecdh(k, p).ok_or_else(mismatching),
        (AsymKey::X25519Private(k), AsymKey::X25519Public(p)) => {
            let shared = k.diffie_hellman(p);
            // OpenSSL refuses an all-zero result (a small-order peer point).
            if !shared.was_contributory() {
                return Err(derivation_failed());
            }
            Ok(shared.as_bytes().to_vec())
        }
        (AsymKey::X448Private(k), AsymKey::X448Public(p)) => {
            let shared = x448(k, p);
            if shared.iter().all(|&b| b == 0) {
                return Err(derivation_failed());
            }
            Ok(shared.to_vec())
        }
        (
            AsymKey::DhPrivate { params, private, .. },
            AsymKey::DhPublic { params: peer_params, public },
        ) => {
            if params.prime != peer_params.prime || params.generator != peer_params.generator {
                return Err(mismatching());
            }
            let one = num_bigint_dig::BigUint::from(1u32);
            if public <= &one || public >= &(&params.prime - &one) {
                return Err(openssl_error(
                    "02800066",
                    "Diffie-Hellman routines",
                    "invalid public key",
                    "ERR_OSSL_DH_INVALID_PUBLIC_KEY",
                ));
            }
            let secret = public.modpow(private, &params.prime).to_bytes_be();
            // Zero-padded to the prime's size, as Node returns DH secrets.
            let size = params.prime.bits().div_ceil(8);
            let mut out = vec![0u8; size.saturating_sub(secret.len())];
            out.extend_from_slice(&secret);
            Ok(out)
        }
        _ => Err(derivation_failed()),
    }
}

/// ECDH on matching curves: the shared point's x-coordinate; `None` for different curves.
fn ecdh(private: &EcPrivateKey, public: &EcPublicKey) -> Option<Vec<u8>> {
    use elliptic_curve::ecdh::diffie_hellman;
    Some(match (private, public) {
        (EcPrivateKey::P256(k), EcPublicKey::P256(p)) => {
            diffie_hellman(k.to_nonzero_scalar(), p.as_affine()).raw_secret_bytes().to_vec()
        }
        (EcPrivateKey::P384(k), EcPublicKey::P384(p)) => {
            diffie_hellman(k.to_nonzero_scalar(), p.as_affine()).raw_secret_bytes().to_vec()
        }
        (EcPrivateKey::P521(k), EcPublicKey::P521(p)) => {
            diffie_hellman(k.to_nonzero_scalar(), p.as_affine()).raw_secret_bytes().to_vec()
        }
        (EcPrivateKey::K256(k), EcPublicKey::K256(p)) => {
            diffie_hellman(k.to_nonzero_scalar(), p.as_affine()).raw_secret_bytes().to_vec()
        }
        (EcPrivateKey::P224(k), EcPublicKey::P224(p)) => {
            diffie_hellman(k.to_nonzero_scalar(), p.as_affine()).raw_secret_bytes().to_vec()
        }
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn x448_matches_rfc7748() {
        // RFC 7748 section 6.2.
        let hex = |s: &str| -> [u8; 56] {
            hex_simd::decode_to_vec(s).expect("hex").try_into().expect("56 bytes")
        };
        let alice = hex(
            "9a8f4925d1519f5775cf46b04b5800d4ee9ee8bae8bc5565d498c28dd9c9baf574a9419744897391006382a6f127ab1d9ac2d8c0a598726b",
        );
        let alice_pub = hex(
            "9b08f7cc31b7e3e67d22d5aea121074a273bd2b83de09c63faa73d2c22c5d9bbc836647241d953d40c5b12da88120d53177f80e532c41fa0",
        );
        let bob = hex(
            "1c306a7ac2a0e2e0990b294470cba339e6453772b075811d8fad0d1d6927c120bb5ee8972b0d3e21374c9c921b09d1b0366f10b65173992d",
        );
        let bob_pub = hex(
            "3eb7a829b0cd20f5bcfc0b599b6feccf6da4627107bdb0d4f345b43027d8b972fc3e34fb4232a13ca706dcb57aec3dae07bdc1c67bf33609",
        );
        let shared = hex(
            "07fff4181ac6cc95ec1c16a94a0f74d12da232ce40a77552281d282bb60c0b56fd2464c335543936521c24403085d59a449a5037514a879d",
        );
        assert_eq!(super::super::x448_public(&alice), alice_pub);
        assert_eq!(x448(&alice, &bob_pub), shared);
        assert_eq!(x448(&bob, &alice_pub), shared);
    }
}
