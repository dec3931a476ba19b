//! `internalBinding('crypto')`, Argon2 (RFC 9106): `crypto.argon2` / `argon2Sync` (Node 25)
//! and Web Crypto's Argon2 `deriveBits`, on RustCrypto's `argon2`; the async form runs on
//! the blocking pool like PBKDF2 and scrypt.

use engine::{HostValue, Op, OpCtx, OpResult, ThrowError};

use super::async_op::{self, AsyncResult};

pub(super) const OPS: &[Op] = &[
    Op { binding: "crypto", name: "argon2Sync", func: argon2_sync },
    Op { binding: "crypto", name: "argon2Async", func: argon2_async },
];

/// The arguments of one Argon2 call, copied so the work can leave the JS thread.
struct Argon2Job {
    algorithm: argon2::Algorithm,
    message: Vec<u8>,
    nonce: Vec<u8>,
    secret: Vec<u8>,
    associated_data: Vec<u8>,
    parallelism: u32,
    tag_length: usize,
    memory: u32,
    passes: u32,
}

impl Argon2Job {
    /// Reads `(type, message, nonce, parallelism, tagLength, memory, passes, secret,
    /// associatedData)`; JS has validated the ranges.
    fn from_args(ctx: &mut dyn OpCtx) -> Result<Self, ThrowError> {
        let kind: String = ctx.arg(0, "algorithm")?;
        let algorithm = match kind.as_str() {
            "argon2d" => argon2::Algorithm::Argon2d,
            "argon2i" => argon2::Algorithm::Argon2i,
            "argon2id" => argon2::Algorithm::Argon2id,
            _ => {
                return Err(ThrowError::type_error(
                    "ERR_INVALID_ARG_VALUE",
                    format!("The argument 'algorithm' is invalid. Received '{kind}'"),
                ))
            }
        };
        let mut bytes = |i| ctx.arg_bytes(i).map(|b| b.to_vec()).unwrap_or_default();
        let (message, nonce) = (bytes(1), bytes(2));
        let (secret, associated_data) = (bytes(7), bytes(8));
        let mut uint = |i, name| -> Result<u32, ThrowError> {
            let n: f64 = ctx.arg(i, name)?;
            if !(0.0..=f64::from(u32::MAX)).contains(&n) || n.fract() != 0.0 {
                return Err(ThrowError::range_error(
                    "ERR_OUT_OF_RANGE",
                    format!("The value of \"parameters.{name}\" is out of range."),
                ));
            }
            Ok(n as u32)
        };
        let parallelism = uint(3, "parallelism")?;
        let tag_length = uint(4, "tagLength")? as usize;
        let memory = uint(5, "memory")?;
        let passes = uint(6, "passes")?;
        Ok(Self {
            algorithm,
            message,
            nonce,
            secret,
            associated_data,
            parallelism,
            tag_length,
            memory,
            passes,
        })
    }

    /// Derives the tag.
    fn run(self) -> AsyncResult {
        let failed = || {
            ThrowError::error("Argon2 operation failed").with("code", "ERR_CRYPTO_OPERATION_FAILED")
        };
        let mut builder = argon2::ParamsBuilder::new();
        builder
            .m_cost(self.memory)
            .t_cost(self.passes)
            .p_cost(self.parallelism)
            .output_len(self.tag_length);
        if !self.associated_data.is_empty() {
            // The crate takes at most 32 bytes of associated data (`Params::MAX_DATA_LEN`).
            builder.data(argon2::AssociatedData::new(&self.associated_data).map_err(|_| failed())?);
        }
        let params = builder.build().map_err(|_| failed())?;
        let blocks = params.block_count();
        let hasher = argon2::Argon2::new_with_secret(
            &self.secret,
            self.algorithm,
            argon2::Version::V0x13,
            params,
        )
        .map_err(|_| failed())?;
        // The working memory is caller-sized (up to 4 TiB): allocate it fallibly rather
        // than let the crate abort the process.
        let mut memory: Vec<argon2::Block> = Vec::new();
        memory.try_reserve_exact(blocks).map_err(|_| failed())?;
        memory.resize(blocks, argon2::Block::default());
        let mut out = vec![0u8; self.tag_length];
        hasher
            .hash_password_into_with_memory(&self.message, &self.nonce, &mut out, &mut memory)
            .map_err(|_| failed())?;
        Ok(HostValue::Bytes(out))
    }
}

fn argon2_sync(ctx: &mut dyn OpCtx) -> OpResult {
    Argon2Job::from_args(ctx)?.run()
}

fn argon2_async(ctx: &mut dyn OpCtx) -> OpResult {
    let job = Argon2Job::from_args(ctx)?;
    async_op::spawn(ctx, move || job.run())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// RFC 9106 5.3 (Argon2id) test vector.
    #[test]
    fn rfc9106_argon2id() {
        let job = Argon2Job {
            algorithm: argon2::Algorithm::Argon2id,
            message: vec![1; 32],
            nonce: vec![2; 16],
            secret: vec![3; 8],
            associated_data: vec![4; 12],
            parallelism: 4,
            tag_length: 32,
            memory: 32,
            passes: 3,
        };
        let Ok(HostValue::Bytes(out)) = job.run() else { panic!("argon2 failed") };
        let hex: String = out.iter().map(|b| format!("{b:02x}")).collect();
        assert_eq!(hex, "0d640df58d78766c08c037a34a8b53c9d01ef0452d75b65eb52520e96b01e659");
    }
}
