'use strict';
// crypto.encapsulate / crypto.decapsulate (Node 25): ML-KEM, RSASVE and DHKEM (P-256,
// P-384, P-521, X25519, X448) on the native KEM ops; the callback forms run on the
// blocking pool.

const binding = internalBinding('crypto');
const { onComplete } = require('internal/async_ops');
const { Buffer } = require('buffer');
const { validateFunction } = require('internal/validators');
const {
  getArrayBufferOrView,
  preparePrivateKey,
  preparePublicOrPrivateKey,
  toUint8Array,
} = require('internal/crypto/keys');

function toBuffer(bytes) {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

// Keeps the KeyObject (and so its native id) reachable until the job is done.
function keepAlive(keyObject) {
  return keyObject;
}

function encapsulate(key, callback) {
  if (callback !== undefined) validateFunction(callback, 'callback');
  const { id, keyObject } = preparePublicOrPrivateKey(key);

  if (!callback) {
    const [sharedKey, ciphertext] = binding.kemEncapsulate(id);
    keepAlive(keyObject);
    return { sharedKey: toBuffer(sharedKey), ciphertext: toBuffer(ciphertext) };
  }
  const reqId = binding.kemEncapsulateAsync(id);
  onComplete(reqId, (err, result) => {
    keepAlive(keyObject);
    if (err) return callback(err);
    callback(null, { sharedKey: toBuffer(result[0]), ciphertext: toBuffer(result[1]) });
  });
}

function decapsulate(key, ciphertext, callback) {
  if (callback !== undefined) validateFunction(callback, 'callback');
  const { id, keyObject } = preparePrivateKey(key);
  ciphertext = toUint8Array(getArrayBufferOrView(ciphertext, 'ciphertext'));

  if (!callback) {
    const sharedKey = binding.kemDecapsulate(id, ciphertext);
    keepAlive(keyObject);
    return toBuffer(sharedKey);
  }
  const reqId = binding.kemDecapsulateAsync(id, ciphertext);
  onComplete(reqId, (err, sharedKey) => {
    keepAlive(keyObject);
    if (err) return callback(err);
    callback(null, toBuffer(sharedKey));
  });
}

module.exports = { encapsulate, decapsulate };
