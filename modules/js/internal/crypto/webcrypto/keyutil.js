'use strict';
// What the Web Crypto algorithms need from keys: a CryptoKey's slots (read through
// CryptoKey.prototype's getters, so that properties user code puts on a key change
// nothing), BufferSource bytes, and asymmetric KeyObjects over the native key table
// (keyImport, keyImportRaw, keyExport, keyDetails, keyGenerateAsync, keyToPublic,
// keyEquals of internalBinding('crypto')).

const { Buffer } = require('buffer');
const { CryptoKey, kKeyObject } = require('internal/crypto/keys');
const { isAnyArrayBuffer } = require('internal/util/types');

const binding = internalBinding('crypto');

// Node's internal slots when keys.js exports them (the public getters hand out copies user
// code may change), else CryptoKey.prototype's getters.
function slot(name, symbol) {
  const { get } = Object.getOwnPropertyDescriptor(CryptoKey.prototype, name);
  return (key) => {
    const keys = require('internal/crypto/keys');
    const sym = keys[symbol];
    if (sym !== undefined && key !== null && typeof key === 'object' && sym in key) {
      return key[sym];
    }
    return Reflect.apply(get, key, []);
  };
}
const keyAlgorithm = slot('algorithm', 'kAlgorithm');
const keyUsages = slot('usages', 'kKeyUsages');
const keyExtractable = slot('extractable', 'kExtractable');
const keyType = (key) => key[kKeyObject].type;
const keyObjectOf = (key) => key[kKeyObject];

// A private copy of a BufferSource's bytes: the caller may change the buffer later.
function bytesOf(value) {
  if (isAnyArrayBuffer(value)) return new Uint8Array(value.slice(0));
  const end = value.byteOffset + value.byteLength;
  return new Uint8Array(value.buffer.slice(value.byteOffset, end));
}

function toArrayBuffer(bytes) {
  return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
}

function keysModule() {
  return require('internal/crypto/keys');
}

// A PublicKeyObject/PrivateKeyObject over the native triple [id, keyType, asymmetricType].
function fromTriple(triple) {
  return keysModule().keyObjectFromId(triple[0], triple[1], triple[2]);
}

function nativeId(keyObject) {
  return keysModule().getKeyId(keyObject);
}

// DER SPKI (public) or PKCS#8 (private) bytes as a KeyObject.
function importDer(bytes, type) {
  return fromTriple(binding.keyImport('der', bytes, type, null, type === 'spki'));
}

function importJwk(jwk, isPublic) {
  return fromTriple(binding.keyImport('jwk', JSON.stringify(jwk), null, null, isPublic));
}

// Raw key bytes: an EC point (namedCurve in OpenSSL's spelling), an Ed/X public key, or
// (isPrivate) an Ed/X private seed.
function importRaw(asymmetricKeyType, namedCurve, bytes, isPrivate) {
  return fromTriple(binding.keyImportRaw(asymmetricKeyType, namedCurve ?? null, bytes,
                                         !!isPrivate));
}

function exportDer(keyObject, type) {
  return toArrayBuffer(binding.keyExport(nativeId(keyObject), 'der', type, null, null));
}

function exportJwk(keyObject) {
  return JSON.parse(binding.keyExport(nativeId(keyObject), 'jwk', null, null, null));
}

function exportRawPublic(keyObject) {
  return toArrayBuffer(binding.keyExport(nativeId(keyObject), 'raw-public', null, null, null));
}

// keyDetails with publicExponent as big-endian bytes (Web Crypto's BigInteger).
function keyDetails(keyObject) {
  const details = binding.keyDetails(nativeId(keyObject));
  if (typeof details.publicExponent === 'string') {
    let hex = details.publicExponent.replace(/^0x/, '');
    if (hex.length % 2) hex = `0${hex}`;
    const bytes = Buffer.from(hex, 'hex');
    let start = 0;
    while (start < bytes.length - 1 && bytes[start] === 0) start++;
    return { ...details, publicExponent: new Uint8Array(bytes.subarray(start)) };
  }
  return details;
}

function publicOf(keyObject) {
  const id = binding.keyToPublic(nativeId(keyObject));
  return keysModule().keyObjectFromId(id, 'public', keyObject.asymmetricKeyType);
}

function keysEqual(a, b) {
  return binding.keyEquals(nativeId(a), nativeId(b));
}

// Settles with the value of async op request `id`.
function awaitRequest(id) {
  const { onComplete } = require('internal/async_ops');
  return new Promise((resolve, reject) => {
    onComplete(id, (err, value) => (err ? reject(err) : resolve(value)));
  });
}

// A key pair of `type` ('rsa', 'ec', 'ed25519', …) generated off the JS thread.
async function generatePair(type, options) {
  const result = await awaitRequest(binding.keyGenerateAsync(type, JSON.stringify(options)));
  const der = Array.isArray(result) ? result[0] : result;
  const privateKey = importDer(der, 'pkcs8');
  return { privateKey, publicKey: publicOf(privateKey) };
}

module.exports = {
  awaitRequest,
  bytesOf,
  exportDer,
  exportJwk,
  exportRawPublic,
  generatePair,
  importDer,
  importJwk,
  importRaw,
  keyAlgorithm,
  keyDetails,
  keyExtractable,
  keyObjectOf,
  keyType,
  keyUsages,
  keysEqual,
  nativeId,
  publicOf,
  toArrayBuffer,
};
