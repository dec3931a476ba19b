'use strict';
// Key agreement: DiffieHellman and DiffieHellmanGroup (finite-field DH, modp groups), ECDH
// (named curves), crypto.diffieHellman over KeyObjects, and getCurves.
//
// Mirrors Node's lib/internal/crypto/diffiehellman.js. Node keeps the DH and ECDH state in a
// native handle; here the handle is a plain JS object holding the parameters and keys as
// bytes (big-endian, leading zeros dropped as OpenSSL's BN_bn2bin does), and the byte-based
// native ops (dhGenerateKeys, dhComputeSecret, ecdh*) do the arithmetic. The checks Node's
// native glue makes before calling OpenSSL are made here, with its messages and codes.

const binding = internalBinding('crypto');
const { Buffer } = require('buffer');
const { onComplete } = require('internal/async_ops');
const {
  codes: {
    ERR_CRYPTO_ECDH_INVALID_FORMAT,
    ERR_CRYPTO_ECDH_INVALID_PUBLIC_KEY,
    ERR_CRYPTO_INCOMPATIBLE_KEY,
    ERR_CRYPTO_INVALID_KEY_OBJECT_TYPE,
    ERR_INVALID_ARG_TYPE,
    ERR_INVALID_ARG_VALUE,
  },
} = require('internal/errors');
const {
  validateFunction, validateInt32, validateObject, validateString,
} = require('internal/validators');
const { isArrayBufferView, isAnyArrayBuffer } = require('internal/util/types');
const { deprecate } = require('util');
const keys = require('internal/crypto/keys');

const { KeyObject, getArrayBufferOrView } = keys;

const kHandle = Symbol('kHandle');

const POINT_CONVERSION_COMPRESSED = 2;
const POINT_CONVERSION_UNCOMPRESSED = 4;
const POINT_CONVERSION_HYBRID = 6;

const DH_GENERATOR = 2;

// The groups of RFC 2409 and RFC 3526 that OpenSSL (and so Node) knows by name.
const kDhGroups = new Set([
  'modp1', 'modp2', 'modp5', 'modp14', 'modp15', 'modp16', 'modp17', 'modp18',
]);

// An error carrying a code, made the way Node's native layer makes its own (plain message,
// no argument formatting).
function nativeError(Ctor, code, message) {
  const err = new Ctor(message);
  err.code = code;
  return err;
}

// An OpenSSL error as Node reports it (message 'error:XXXXXXXX:library::reason').
function opensslError(packed, library, reason, code) {
  const err = new Error(`error:${packed}:${library}::${reason}`);
  err.library = library;
  err.reason = reason;
  err.code = code;
  return err;
}

function badGenerator() {
  return opensslError('02800065', 'Diffie-Hellman routines', 'bad generator',
                      'ERR_OSSL_DH_BAD_GENERATOR');
}

function toBuf(val, encoding) {
  if (typeof val === 'string') {
    if (encoding === 'buffer') encoding = 'utf8';
    return Buffer.from(val, encoding);
  }
  return val;
}

function viewBytes(value) {
  if (isAnyArrayBuffer(value)) return new Uint8Array(value);
  return new Uint8Array(value.buffer, value.byteOffset, value.byteLength);
}

// A Buffer copy of `value` (bytes) without leading zero bytes: a BIGNUM's bytes.
function bnBytes(value) {
  const bytes = viewBytes(value);
  let start = 0;
  while (start < bytes.length && bytes[start] === 0) start++;
  return Buffer.from(bytes.subarray(start));
}

function toBuffer(bytes) {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

function bytesToBigInt(bytes) {
  if (bytes.length === 0) return 0n;
  return BigInt(`0x${Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('hex')}`);
}

function int32ToBytes(value) {
  const bytes = [];
  for (let v = value >>> 0; v > 0; v = Math.floor(v / 256)) bytes.unshift(v & 0xff);
  return Buffer.from(bytes);
}

function encode(buffer, encoding) {
  if (encoding && encoding !== 'buffer') buffer = buffer.toString(encoding);
  return buffer;
}

function defineVerifyError(obj, value) {
  Object.defineProperty(obj, 'verifyError', {
    __proto__: null,
    enumerable: true,
    value,
    writable: false,
  });
}

// The state Node keeps in its native DiffieHellman object.
function dhState(prime, generator) {
  return { prime, generator, publicKey: null, privateKey: null };
}

function DiffieHellman(sizeOrKey, keyEncoding, generator, genEncoding) {
  if (!(this instanceof DiffieHellman)) {
    return new DiffieHellman(sizeOrKey, keyEncoding, generator, genEncoding);
  }

  if (typeof sizeOrKey !== 'number' &&
      typeof sizeOrKey !== 'string' &&
      !isArrayBufferView(sizeOrKey) &&
      !isAnyArrayBuffer(sizeOrKey)) {
    throw new ERR_INVALID_ARG_TYPE(
      'sizeOrKey',
      ['number', 'string', 'ArrayBuffer', 'Buffer', 'TypedArray', 'DataView'],
      sizeOrKey,
    );
  }

  // Sizes < 0 don't make sense but they _are_ accepted (and then rejected by OpenSSL), as
  // in Node.
  if (typeof sizeOrKey === 'number') validateInt32(sizeOrKey, 'sizeOrKey');

  if (keyEncoding && !Buffer.isEncoding(keyEncoding) && keyEncoding !== 'buffer') {
    genEncoding = generator;
    generator = keyEncoding;
    keyEncoding = false;
  }

  if (typeof sizeOrKey !== 'number') sizeOrKey = toBuf(sizeOrKey, keyEncoding);

  if (!generator) {
    generator = DH_GENERATOR;
  } else if (typeof generator === 'number') {
    validateInt32(generator, 'generator');
  } else if (typeof generator === 'string') {
    generator = toBuf(generator, genEncoding);
  } else if (!isArrayBufferView(generator) && !isAnyArrayBuffer(generator)) {
    throw new ERR_INVALID_ARG_TYPE(
      'generator',
      ['number', 'string', 'ArrayBuffer', 'Buffer', 'TypedArray', 'DataView'],
      generator,
    );
  }

  this[kHandle] = newDhHandle(sizeOrKey, generator);
  defineVerifyError(this, this[kHandle].verifyError);
}

// What Node's native DiffieHellman constructor does with (sizeOrKey, generator).
function newDhHandle(sizeOrKey, generator) {
  let prime;
  let gen;
  if (typeof sizeOrKey === 'number') {
    if (sizeOrKey < 2) {
      throw opensslError('0280007E', 'Diffie-Hellman routines', 'modulus too small',
                         'ERR_OSSL_DH_MODULUS_TOO_SMALL');
    }
    if (typeof generator !== 'number') {
      throw nativeError(TypeError, 'ERR_INVALID_ARG_TYPE', 'Second argument must be an int32');
    }
    if (generator < 2) throw badGenerator();
    // OpenSSL 3 refuses to generate parameters below 512 bits.
    if (sizeOrKey < 512) {
      throw nativeError(TypeError, 'ERR_INVALID_ARG_VALUE', 'Invalid DH parameters');
    }
    gen = int32ToBytes(generator);
    prime = bnBytes(binding.dhGeneratePrime(sizeOrKey, generator));
  } else {
    if (typeof generator === 'number') {
      if (generator < 2) throw badGenerator();
      gen = int32ToBytes(generator);
    } else {
      gen = bnBytes(generator);
      // An empty, zero or one generator is no generator.
      if (gen.length === 0 || (gen.length === 1 && gen[0] === 1)) throw badGenerator();
    }
    prime = bnBytes(sizeOrKey);
  }
  const state = dhState(prime, gen);
  state.verifyError = binding.dhCheck(prime, gen);
  return state;
}

function DiffieHellmanGroup(name) {
  if (!(this instanceof DiffieHellmanGroup)) return new DiffieHellmanGroup(name);
  if (typeof name !== 'string') {
    throw nativeError(TypeError, 'ERR_INVALID_ARG_TYPE', 'Group name must be a string');
  }
  if (!kDhGroups.has(name)) {
    throw nativeError(Error, 'ERR_CRYPTO_UNKNOWN_DH_GROUP', 'Unknown DH group');
  }
  const { 0: prime, 1: generator } = binding.dhGroup(name);
  this[kHandle] = dhState(bnBytes(prime), bnBytes(generator));
  // The well-known groups are safe primes with a suitable generator.
  this[kHandle].verifyError = 0;
  defineVerifyError(this, 0);
}

function dhGenerateKeys(encoding) {
  const state = this[kHandle];
  // As OpenSSL's DH_generate_key: a set private key is kept and only the public key is
  // (re)computed from it.
  const { 0: publicKey, 1: privateKey } =
    binding.dhGenerateKeys(state.prime, state.generator, state.privateKey);
  state.publicKey = bnBytes(publicKey);
  state.privateKey = bnBytes(privateKey);
  return encode(Buffer.from(state.publicKey), encoding);
}

function dhComputeSecret(key, inEnc, outEnc) {
  key = getArrayBufferOrView(key, 'key', inEnc);
  const state = this[kHandle];
  const peer = bnBytes(key);
  // Node's native checks (DH_check_pub_key): 1 < key < p - 1.
  const peerValue = bytesToBigInt(peer);
  if (peerValue <= 1n) {
    throw nativeError(RangeError, 'ERR_CRYPTO_INVALID_KEYLEN', 'Supplied key is too small');
  }
  if (peerValue >= bytesToBigInt(state.prime) - 1n) {
    throw nativeError(RangeError, 'ERR_CRYPTO_INVALID_KEYLEN', 'Supplied key is too large');
  }
  // Without a private key OpenSSL computes nothing and Node returns an empty buffer.
  if (state.privateKey === null) return encode(Buffer.alloc(0), outEnc);
  const secret = binding.dhComputeSecret(state.prime, state.privateKey, peer);
  // Node pads the secret with leading zeros to the size of the prime.
  let ret = toBuffer(secret);
  if (ret.length < state.prime.length) {
    const padded = Buffer.alloc(state.prime.length);
    ret.copy(padded, state.prime.length - ret.length);
    ret = padded;
  }
  return encode(ret, outEnc);
}

function dhGetPrime(encoding) {
  return encode(Buffer.from(this[kHandle].prime), encoding);
}

function dhGetGenerator(encoding) {
  return encode(Buffer.from(this[kHandle].generator), encoding);
}

function dhGetPublicKey(encoding) {
  const key = this[kHandle].publicKey;
  if (key === null) {
    throw nativeError(Error, 'ERR_CRYPTO_INVALID_STATE',
                      'No public key - did you forget to generate one?');
  }
  return encode(Buffer.from(key), encoding);
}

function dhGetPrivateKey(encoding) {
  const key = this[kHandle].privateKey;
  if (key === null) {
    throw nativeError(Error, 'ERR_CRYPTO_INVALID_STATE',
                      'No private key - did you forget to generate one?');
  }
  return encode(Buffer.from(key), encoding);
}

DiffieHellmanGroup.prototype.generateKeys = DiffieHellman.prototype.generateKeys = dhGenerateKeys;
DiffieHellmanGroup.prototype.computeSecret = DiffieHellman.prototype.computeSecret =
  dhComputeSecret;
DiffieHellmanGroup.prototype.getPrime = DiffieHellman.prototype.getPrime = dhGetPrime;
DiffieHellmanGroup.prototype.getGenerator = DiffieHellman.prototype.getGenerator = dhGetGenerator;
DiffieHellmanGroup.prototype.getPublicKey = DiffieHellman.prototype.getPublicKey = dhGetPublicKey;
DiffieHellmanGroup.prototype.getPrivateKey = DiffieHellman.prototype.getPrivateKey =
  dhGetPrivateKey;

DiffieHellman.prototype.setPublicKey = function setPublicKey(key, encoding) {
  key = getArrayBufferOrView(key, 'key', encoding);
  this[kHandle].publicKey = bnBytes(key);
  return this;
};

DiffieHellman.prototype.setPrivateKey = function setPrivateKey(key, encoding) {
  key = getArrayBufferOrView(key, 'key', encoding);
  this[kHandle].privateKey = bnBytes(key);
  return this;
};

// ECDH

let curves;
function curveList() {
  curves ??= [...new Set(binding.ecdhCurves())].sort();
  return curves;
}

function getCurves() {
  return curveList().slice();
}

function validateCurve(curve) {
  if (!curveList().includes(curve)) {
    throw nativeError(TypeError, 'ERR_CRYPTO_INVALID_CURVE', 'Invalid EC curve name');
  }
}

function pointConversionFailed() {
  return nativeError(Error, 'ERR_CRYPTO_OPERATION_FAILED', 'Failed to convert Buffer to EC_POINT');
}

// The point `bytes` in `format` (a POINT_CONVERSION_* value), from its uncompressed form
// (the hybrid form is the uncompressed one tagged with the parity of y).
function formatPoint(curve, uncompressed, format) {
  if (format === POINT_CONVERSION_COMPRESSED) {
    return toBuffer(binding.ecdhConvertKey(curve, uncompressed, true));
  }
  const out = Buffer.from(uncompressed);
  if (format === POINT_CONVERSION_HYBRID && out.length > 1) {
    out[0] = 6 | (out[out.length - 1] & 1);
  }
  return out;
}

// The uncompressed form of the point `bytes` (any form), or null when it is no point of the
// curve.
function toUncompressed(curve, bytes) {
  let view = viewBytes(bytes);
  // Hybrid points are uncompressed points with another tag byte.
  if (view.length > 0 && (view[0] === 6 || view[0] === 7)) {
    const copy = new Uint8Array(view);
    copy[0] = 4;
    const converted = tryConvert(curve, copy, false);
    if (converted === null || (converted[converted.length - 1] & 1) !== (view[0] & 1)) {
      return null;
    }
    return converted;
  }
  if (view.length === 0) view = new Uint8Array(0);
  return tryConvert(curve, view, false);
}

function tryConvert(curve, bytes, compressed) {
  try {
    return Buffer.from(binding.ecdhConvertKey(curve, bytes, compressed));
  } catch {
    return null;
  }
}

function ECDH(curve) {
  if (!(this instanceof ECDH)) return new ECDH(curve);
  validateString(curve, 'curve');
  validateCurve(curve);
  // publicKey is kept uncompressed; privateKey as a BIGNUM's bytes.
  this[kHandle] = { curve, publicKey: null, privateKey: null };
}

ECDH.prototype.computeSecret = function computeSecret(key, inEnc, outEnc) {
  key = getArrayBufferOrView(key, 'key', inEnc);
  const state = this[kHandle];
  if (!isKeyPairValid(state)) {
    throw nativeError(RangeError, 'ERR_CRYPTO_INVALID_KEYPAIR', 'Invalid key pair');
  }
  const peer = toUncompressed(state.curve, key);
  if (peer === null) throw new ERR_CRYPTO_ECDH_INVALID_PUBLIC_KEY();
  if (state.privateKey === null) {
    throw nativeError(Error, 'ERR_CRYPTO_OPERATION_FAILED', 'Failed to compute ECDH key');
  }
  const secret = binding.ecdhComputeSecret(state.curve, state.privateKey, peer);
  return encode(toBuffer(secret), outEnc);
};

// EC_KEY_check_key: a public key is set and, with a private key, is its public key.
function isKeyPairValid(state) {
  if (state.publicKey === null) return false;
  if (state.privateKey === null) return true;
  const derived = Buffer.from(binding.ecdhPublicKey(state.curve, state.privateKey, false));
  return derived.equals(state.publicKey);
}

ECDH.prototype.setPrivateKey = function setPrivateKey(key, encoding) {
  key = getArrayBufferOrView(key, 'key', encoding);
  const state = this[kHandle];
  const privateKey = bnBytes(key);
  let publicKey;
  try {
    publicKey = binding.ecdhPublicKey(state.curve, privateKey, false);
  } catch {
    throw nativeError(RangeError, 'ERR_CRYPTO_INVALID_KEYTYPE',
                      'Private key is not valid for specified curve.');
  }
  state.privateKey = privateKey;
  state.publicKey = Buffer.from(publicKey);
  return this;
};

function ecdhSetPublicKey(key, encoding) {
  key = getArrayBufferOrView(key, 'key', encoding);
  const state = this[kHandle];
  const point = toUncompressed(state.curve, key);
  if (point === null) throw pointConversionFailed();
  state.publicKey = point;
  return this;
}

ECDH.prototype.setPublicKey = deprecate(ecdhSetPublicKey,
                                        'ecdh.setPublicKey() is deprecated.', 'DEP0031');

ECDH.prototype.getPrivateKey = function getPrivateKey(encoding) {
  const key = this[kHandle].privateKey;
  if (key === null) {
    throw nativeError(Error, 'ERR_CRYPTO_OPERATION_FAILED', 'Failed to get ECDH private key');
  }
  return encode(Buffer.from(key), encoding);
};

ECDH.prototype.generateKeys = function generateKeys(encoding, format) {
  const state = this[kHandle];
  const privateKey = bnBytes(binding.ecdhGenerateKey(state.curve));
  state.publicKey = Buffer.from(binding.ecdhPublicKey(state.curve, privateKey, false));
  state.privateKey = privateKey;
  return this.getPublicKey(encoding, format);
};

ECDH.prototype.getPublicKey = function getPublicKey(encoding, format) {
  const f = getFormat(format);
  const state = this[kHandle];
  if (state.publicKey === null) {
    throw nativeError(Error, 'ERR_CRYPTO_OPERATION_FAILED', 'Failed to get ECDH public key');
  }
  return encode(formatPoint(state.curve, state.publicKey, f), encoding);
};

ECDH.convertKey = function convertKey(key, curve, inEnc, outEnc, format) {
  validateString(curve, 'curve');
  key = getArrayBufferOrView(key, 'key', inEnc);
  const f = getFormat(format);
  // Node's native convertKey answers an empty key with an empty string, curve unchecked.
  if (key.byteLength === 0) return '';
  validateCurve(curve);
  const point = toUncompressed(curve, key);
  if (point === null) throw pointConversionFailed();
  return encode(formatPoint(curve, point, f), outEnc);
};

function getFormat(format) {
  if (format) {
    if (format === 'compressed') return POINT_CONVERSION_COMPRESSED;
    if (format === 'hybrid') return POINT_CONVERSION_HYBRID;
    if (format !== 'uncompressed') throw new ERR_CRYPTO_ECDH_INVALID_FORMAT(format);
  }
  return POINT_CONVERSION_UNCOMPRESSED;
}

const dhEnabledKeyTypes = new Set(['dh', 'ec', 'x448', 'x25519']);

function diffieHellman(options, callback) {
  validateObject(options, 'options');

  if (callback !== undefined) validateFunction(callback, 'callback');

  const { privateKey, publicKey } = options;
  if (!(privateKey instanceof KeyObject)) {
    throw new ERR_INVALID_ARG_VALUE('options.privateKey', privateKey);
  }

  if (!(publicKey instanceof KeyObject)) {
    throw new ERR_INVALID_ARG_VALUE('options.publicKey', publicKey);
  }

  if (privateKey.type !== 'private') {
    throw new ERR_CRYPTO_INVALID_KEY_OBJECT_TYPE(privateKey.type, 'private');
  }

  if (publicKey.type !== 'public' && publicKey.type !== 'private') {
    throw new ERR_CRYPTO_INVALID_KEY_OBJECT_TYPE(publicKey.type, 'private or public');
  }

  const privateType = privateKey.asymmetricKeyType;
  const publicType = publicKey.asymmetricKeyType;
  if (privateType !== publicType || !dhEnabledKeyTypes.has(privateType)) {
    throw new ERR_CRYPTO_INCOMPATIBLE_KEY('key types for Diffie-Hellman',
                                          `${privateType} and ${publicType}`);
  }

  const privateId = keys.getKeyId(privateKey);
  const publicId = keys.getKeyId(publicKey);

  if (!callback) return Buffer.from(binding.keyAgree(privateId, publicId));

  if (typeof binding.keyAgreeAsync === 'function') {
    const id = binding.keyAgreeAsync(privateId, publicId);
    onComplete(id, (err, secret) => {
      if (err) return callback(err);
      callback(null, Buffer.from(secret));
    });
    return;
  }
  // No pool job for agreement: compute now, report as a job would, on a later tick.
  let err = null;
  let secret;
  try {
    secret = Buffer.from(binding.keyAgree(privateId, publicId));
  } catch (e) {
    err = e;
  }
  setImmediate(() => (err ? callback(err) : callback(null, secret)));
}

module.exports = { DiffieHellman, DiffieHellmanGroup, ECDH, diffieHellman, getCurves };
