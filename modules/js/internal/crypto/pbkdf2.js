'use strict';
// PBKDF2 (RFC 8018) with an HMAC of any supported digest; the async form runs on the
// blocking pool.

const binding = internalBinding('crypto');
const { onComplete } = require('internal/async_ops');
const { Buffer } = require('buffer');
const { validateFunction, validateInt32, validateString } = require('internal/validators');
const { getArrayBufferOrView } = require('internal/crypto/keys');

function toBuffer(bytes) {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

// OpenSSL takes iterations and key length as int32.
function checkArgs(password, salt, iterations, keylen, digest) {
  validateString(digest, 'digest');
  password = getArrayBufferOrView(password, 'password');
  salt = getArrayBufferOrView(salt, 'salt');
  validateInt32(iterations, 'iterations', 1);
  validateInt32(keylen, 'keylen', 0);
  return [password, salt, iterations, keylen, digest];
}

function pbkdf2Sync(password, salt, iterations, keylen, digest) {
  return toBuffer(binding.pbkdf2Sync(...checkArgs(password, salt, iterations, keylen, digest)));
}

function pbkdf2(password, salt, iterations, keylen, digest, callback) {
  if (typeof digest === 'function') {
    callback = digest;
    digest = undefined;
  }
  const args = checkArgs(password, salt, iterations, keylen, digest);
  validateFunction(callback, 'callback');
  const id = binding.pbkdf2Async(...args);
  onComplete(id, (err, bytes) => {
    if (err) return callback(err);
    callback(null, toBuffer(bytes));
  }, 'PBKDF2Request', false);
}

module.exports = { pbkdf2, pbkdf2Sync };
