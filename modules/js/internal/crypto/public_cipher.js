'use strict';
// RSA encryption with asymmetric keys: publicEncrypt, privateDecrypt, privateEncrypt and
// publicDecrypt, over the native `rsaCipher` op.
//
// Mirrors the rsaFunctionFor part of Node's lib/internal/crypto/cipher.js. Node parses key
// bytes natively for all four functions as "public or private" and only then checks the
// OAEP digest; here keys are parsed while being prepared, so the checks Node's native
// PublicKeyCipher makes (digest name, key type, a public key for a private operation) are
// made here in its order, with its messages and codes.

const binding = internalBinding('crypto');
const { Buffer } = require('buffer');
const { validateString } = require('internal/validators');
const { isArrayBufferView, isAnyArrayBuffer } = require('internal/util/types');
const {
  getArrayBufferOrView, isCryptoKey, isKeyObject, preparePrivateKey, preparePublicOrPrivateKey,
  toUint8Array,
} = require('internal/crypto/keys');
const { isKnownDigest } = require('internal/crypto/hash');

const RSA_PKCS1_PADDING = 1;
const RSA_PKCS1_OAEP_PADDING = 4;

function nativeError(Ctor, code, message) {
  const err = new Ctor(message);
  err.code = code;
  return err;
}

function opensslError(packed, library, reason, code) {
  const err = new Error(`error:${packed}:${library}::${reason}`);
  err.library = library;
  err.reason = reason;
  err.code = code;
  return err;
}

// Whether `options` names its key by bytes (PEM/DER/JWK) rather than by a key object.
function namesKeyBytes(options) {
  if (isKeyObject(options) || isCryptoKey(options)) return false;
  if (options !== null && typeof options === 'object' &&
      !isArrayBufferView(options) && !isAnyArrayBuffer(options)) {
    return !isKeyObject(options.key) && !isCryptoKey(options.key);
  }
  return true;
}

// The prepared key for a private operation. Key bytes that hold only a public key are
// accepted by Node's parser and fail in OpenSSL; `check` runs the checks Node makes
// between those two steps.
function preparePrivate(options, check) {
  try {
    return preparePrivateKey(options);
  } catch (err) {
    if (!namesKeyBytes(options) || typeof err?.code !== 'string' ||
        !err.code.startsWith('ERR_OSSL_')) {
      throw err;
    }
    let publicKey;
    try {
      publicKey = preparePublicOrPrivateKey(options);
    } catch {
      throw err;
    }
    check(publicKey);
    if (publicKey.asymmetricKeyType === 'rsa' || publicKey.asymmetricKeyType === 'rsa-pss') {
      throw opensslError('020000B3', 'rsa routines', 'missing private key',
                         'ERR_OSSL_RSA_MISSING_PRIVATE_KEY');
    }
    throw err;
  }
}

// Keeps `keyObject` (the owner of the native key id) reachable until the op has run.
function keepAlive(keyObject) {
  return keyObject;
}

function isStringOrBuffer(value) {
  return typeof value === 'string' || isArrayBufferView(value) || isAnyArrayBuffer(value);
}

// Whether `key` has a shape prepare*Key accepts without looking at its bytes.
function hasKeyShape(key) {
  if (isKeyObject(key) || isCryptoKey(key) || isStringOrBuffer(key)) return true;
  if (key === null || typeof key !== 'object') return false;
  const { key: data, format } = key;
  if (isKeyObject(data) || isCryptoKey(data)) return true;
  if (format === 'jwk') return data !== null && typeof data === 'object';
  return isStringOrBuffer(data);
}

function rsaFunctionFor(mode, defaultPadding, keyType) {
  return (options, buffer) => {
    // Node checks the key's shape first and parses it after the options (in native code).
    const prepare = keyType === 'private' ?
      (check) => preparePrivate(options, check) : () => preparePublicOrPrivateKey(options);
    if (!hasKeyShape(options)) prepare(() => {});
    const padding = options.padding || defaultPadding;
    const { oaepHash, encoding } = options;
    let { oaepLabel } = options;
    if (oaepHash !== undefined) validateString(oaepHash, 'key.oaepHash');
    if (oaepLabel !== undefined) {
      oaepLabel = getArrayBufferOrView(oaepLabel, 'key.oaepLabel', encoding);
    }
    buffer = getArrayBufferOrView(buffer, 'buffer', encoding);

    // Node's native PublicKeyCipher: the digest is looked up before anything is done.
    const check = () => {
      if (oaepHash !== undefined && !isKnownDigest(oaepHash)) {
        throw nativeError(Error, 'ERR_OSSL_EVP_INVALID_DIGEST', 'Invalid digest used');
      }
    };
    const { id, keyObject, asymmetricKeyType } = prepare(check);
    check();
    if (asymmetricKeyType !== 'rsa' && asymmetricKeyType !== 'rsa-pss') {
      throw opensslError('03000096', 'digital envelope routines',
                         'operation not supported for this keytype',
                         'ERR_OSSL_EVP_OPERATION_NOT_SUPPORTED_FOR_THIS_KEYTYPE');
    }

    // Node reads the padding as a uint32 (what is not a number becomes 0, unknown).
    const result = binding.rsaCipher(mode, id, toUint8Array(buffer), Number(padding) >>> 0,
                                     oaepHash ?? 'sha1',
                                     oaepLabel === undefined ? null : toUint8Array(oaepLabel));
    keepAlive(keyObject);
    return Buffer.from(result);
  };
}

const publicEncrypt = rsaFunctionFor('publicEncrypt', RSA_PKCS1_OAEP_PADDING, 'public');
const publicDecrypt = rsaFunctionFor('publicDecrypt', RSA_PKCS1_PADDING, 'public');
const privateEncrypt = rsaFunctionFor('privateEncrypt', RSA_PKCS1_PADDING, 'private');
const privateDecrypt = rsaFunctionFor('privateDecrypt', RSA_PKCS1_OAEP_PADDING, 'private');

module.exports = { publicEncrypt, privateDecrypt, privateEncrypt, publicDecrypt };
