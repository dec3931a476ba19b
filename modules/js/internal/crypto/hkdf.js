'use strict';
// HKDF (RFC 5869): hkdf() and hkdfSync(), returning an ArrayBuffer as Node does; the async
// form runs on the blocking pool.

const binding = internalBinding('crypto');
const { onComplete } = require('internal/async_ops');
const { Buffer } = require('buffer');
const {
  codes: { ERR_INVALID_ARG_TYPE, ERR_OUT_OF_RANGE },
} = require('internal/errors');
const { validateFunction, validateInteger, validateString } = require('internal/validators');
const { isAnyArrayBuffer, isArrayBufferView } = require('internal/util/types');
const { createSecretKey, isKeyObject, prepareSecretKey } = require('internal/crypto/keys');

// A byte source (string as UTF-8, ArrayBuffer or view), as Node's validateByteSource.
function byteSource(value, name) {
  if (typeof value === 'string') return Buffer.from(value, 'utf8');
  if (isAnyArrayBuffer(value)) return new Uint8Array(value);
  if (isArrayBufferView(value)) return value;
  throw new ERR_INVALID_ARG_TYPE(
    name, ['string', 'ArrayBuffer', 'TypedArray', 'DataView', 'Buffer'], value);
}

// The input key material as bytes: a secret KeyObject, or what createSecretKey takes.
function keyBytes(key) {
  if (isKeyObject(key)) return prepareSecretKey(key);
  if (typeof key === 'string') key = Buffer.from(key, 'utf8');
  if (!isAnyArrayBuffer(key) && !isArrayBufferView(key)) {
    throw new ERR_INVALID_ARG_TYPE(
      'ikm', ['string', 'SecretKeyObject', 'ArrayBuffer', 'TypedArray', 'DataView', 'Buffer'], key);
  }
  return prepareSecretKey(createSecretKey(key));
}

function checkArgs(digest, key, salt, info, length) {
  validateString(digest, 'digest');
  key = keyBytes(key);
  salt = byteSource(salt, 'salt');
  info = byteSource(info, 'info');
  validateInteger(length, 'length', 0, 2 ** 31 - 1);
  if (info.byteLength > 1024) {
    throw new ERR_OUT_OF_RANGE('info', 'must not contain more than 1024 bytes', info.byteLength);
  }
  return [digest, key, salt, info, length];
}

function toArrayBuffer(bytes) {
  if (bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength) return bytes.buffer;
  return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
}

function hkdfSync(digest, key, salt, info, length) {
  return toArrayBuffer(binding.hkdfSync(...checkArgs(digest, key, salt, info, length)));
}

function hkdf(digest, key, salt, info, length, callback) {
  const args = checkArgs(digest, key, salt, info, length);
  validateFunction(callback, 'callback');
  const id = binding.hkdfAsync(...args);
  onComplete(id, (err, bytes) => {
    if (err) return callback(err);
    callback(null, toArrayBuffer(bytes));
  }, 'HKDFRequest', false);
}

module.exports = { hkdf, hkdfSync };
