'use strict';
// crypto.argon2 / crypto.argon2Sync (Node 25): Argon2d, Argon2i and Argon2id (RFC 9106)
// with Node's parameter names and checks; the async form runs on the blocking pool.

const binding = internalBinding('crypto');
const { onComplete } = require('internal/async_ops');
const { Buffer } = require('buffer');
const {
  validateFunction,
  validateInteger,
  validateObject,
  validateOneOf,
  validateString,
  validateUint32,
} = require('internal/validators');
const { getArrayBufferOrView, toUint8Array } = require('internal/crypto/keys');

const MAX_POSITIVE_UINT_32 = 2 ** 32 - 1;

function toBuffer(bytes) {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

// Node's check(): validates in Node's order; returns the native op's arguments.
function check(algorithm, parameters) {
  validateString(algorithm, 'algorithm');
  validateOneOf(algorithm, 'algorithm', ['argon2d', 'argon2i', 'argon2id']);
  validateObject(parameters, 'parameters');

  const { parallelism, tagLength, memory, passes } = parameters;

  const message = getArrayBufferOrView(parameters.message, 'parameters.message');
  validateInteger(message.byteLength, 'parameters.message.byteLength', 0, MAX_POSITIVE_UINT_32);

  const nonce = getArrayBufferOrView(parameters.nonce, 'parameters.nonce');
  validateInteger(nonce.byteLength, 'parameters.nonce.byteLength', 8, MAX_POSITIVE_UINT_32);

  validateInteger(parallelism, 'parameters.parallelism', 1, 2 ** 24 - 1);
  validateInteger(tagLength, 'parameters.tagLength', 4, MAX_POSITIVE_UINT_32);
  validateInteger(memory, 'parameters.memory', 8 * parallelism, MAX_POSITIVE_UINT_32);
  validateUint32(passes, 'parameters.passes', true);

  let secret = new Uint8Array(0);
  if (parameters.secret !== undefined) {
    secret = getArrayBufferOrView(parameters.secret);
    validateInteger(secret.byteLength, 'parameters.secret.byteLength', 0, MAX_POSITIVE_UINT_32);
  }

  let associatedData = new Uint8Array(0);
  if (parameters.associatedData !== undefined) {
    associatedData = getArrayBufferOrView(parameters.associatedData);
    validateInteger(associatedData.byteLength, 'parameters.associatedData.byteLength', 0,
                    MAX_POSITIVE_UINT_32);
  }

  return [algorithm, toUint8Array(message), toUint8Array(nonce), parallelism, tagLength,
          memory, passes, toUint8Array(secret), toUint8Array(associatedData)];
}

function argon2Sync(algorithm, parameters) {
  const args = check(algorithm, parameters);
  return Buffer.from(binding.argon2Sync(...args));
}

function argon2(algorithm, parameters, callback) {
  const args = check(algorithm, parameters);
  validateFunction(callback, 'callback');
  const id = binding.argon2Async(...args);
  onComplete(id, (err, bytes) => {
    if (err) return callback(err);
    callback(null, Buffer.from(toBuffer(bytes)));
  });
}

module.exports = { argon2, argon2Sync };
