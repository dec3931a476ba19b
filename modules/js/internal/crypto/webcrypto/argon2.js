'use strict';
// Web Crypto Argon2d / Argon2i / Argon2id (Node 25): importKey ('raw-secret') and
// deriveBits, on crypto.argon2 (the blocking pool).

const { prepareSecretKey } = require('internal/crypto/keys');
const { jobPromise, lazyDOMException } = require('internal/crypto/webcrypto/util');

// Node's validateArgon2DeriveBitsLength.
function validateArgon2DeriveBitsLength(length) {
  if (length === null) throw lazyDOMException('length cannot be null', 'OperationError');
  if (length % 8) throw lazyDOMException('length must be a multiple of 8', 'OperationError');
  if (length < 32) throw lazyDOMException('length must be >= 32', 'OperationError');
}

// Node's argon2DeriveBits: `algorithm` is the normalized Argon2Params (nonce, parallelism,
// memory, passes, optional secretValue and associatedData); resolves an ArrayBuffer.
async function argon2DeriveBits(algorithm, baseKey, length) {
  validateArgon2DeriveBitsLength(length);
  const { argon2 } = require('internal/crypto/argon2');
  return jobPromise(() => new Promise((resolve, reject) => {
    argon2(algorithm.name.toLowerCase(), {
      message: prepareSecretKey(baseKey),
      nonce: algorithm.nonce,
      parallelism: algorithm.parallelism,
      tagLength: length / 8,
      memory: algorithm.memory,
      passes: algorithm.passes,
      secret: algorithm.secretValue,
      associatedData: algorithm.associatedData,
    }, (err, bits) => {
      if (err) return reject(err);
      resolve(bits.buffer.slice(bits.byteOffset, bits.byteOffset + bits.byteLength));
    });
  }));
}

module.exports = { argon2DeriveBits, validateArgon2DeriveBitsLength };
