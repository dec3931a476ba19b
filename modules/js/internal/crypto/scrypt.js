'use strict';
// scrypt (RFC 7914) with Node's option names, defaults and memory limit; the async form runs
// on the blocking pool.

const binding = internalBinding('crypto');
const { onComplete } = require('internal/async_ops');
const { Buffer } = require('buffer');
const {
  codes: { ERR_CRYPTO_INVALID_SCRYPT_PARAMS, ERR_INCOMPATIBLE_OPTION_PAIR },
} = require('internal/errors');
const {
  validateFunction, validateInt32, validateInteger, validateUint32,
} = require('internal/validators');
const { getArrayBufferOrView } = require('internal/crypto/keys');

const defaults = { N: 16384, r: 8, p: 1, maxmem: 32 << 20 };

function toBuffer(bytes) {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

// An option under its short name or its long alias, not both.
function pickOption(options, short, long, fallback) {
  let value = fallback;
  if (options[short] !== undefined) {
    value = options[short];
    validateUint32(value, short);
  }
  if (options[long] !== undefined) {
    if (options[short] !== undefined) throw new ERR_INCOMPATIBLE_OPTION_PAIR(short, long);
    value = options[long];
    validateUint32(value, long);
  }
  return value;
}

function checkArgs(password, salt, keylen, options) {
  password = getArrayBufferOrView(password, 'password');
  salt = getArrayBufferOrView(salt, 'salt');
  validateInt32(keylen, 'keylen', 0);
  let { N, r, p, maxmem } = defaults;
  if (options && options !== defaults) {
    N = pickOption(options, 'N', 'cost', N) || defaults.N;
    r = pickOption(options, 'r', 'blockSize', r) || defaults.r;
    p = pickOption(options, 'p', 'parallelization', p) || defaults.p;
    if (options.maxmem !== undefined) {
      maxmem = options.maxmem;
      validateInteger(maxmem, 'maxmem', 0);
    }
    maxmem ||= defaults.maxmem;
  }
  // OpenSSL's limits: N a power of two above 1; N below 2^(16r), p*r below 2^30 and the
  // working memory within maxmem, else it reports the memory limit.
  if (N < 2 || (N & (N - 1)) !== 0) throw new ERR_CRYPTO_INVALID_SCRYPT_PARAMS('');
  if ((16 * r < 64 && N >= 2 ** (16 * r)) || p > (2 ** 30 - 1) / r ||
      128 * r * p + 128 * r * (N + 2) > maxmem) {
    throw new ERR_CRYPTO_INVALID_SCRYPT_PARAMS(
      ': error:030000AC:digital envelope routines::memory limit exceeded');
  }
  return [password, salt, keylen, N, r, p];
}

function scryptSync(password, salt, keylen, options = defaults) {
  return toBuffer(binding.scryptSync(...checkArgs(password, salt, keylen, options)));
}

function scrypt(password, salt, keylen, options, callback = defaults) {
  if (callback === defaults) {
    callback = options;
    options = defaults;
  }
  const args = checkArgs(password, salt, keylen, options);
  validateFunction(callback, 'callback');
  const id = binding.scryptAsync(...args);
  onComplete(id, (err, bytes) => {
    if (err) return callback(err);
    callback(null, toBuffer(bytes));
  }, 'ScryptRequest', false);
}

module.exports = { scrypt, scryptSync };
