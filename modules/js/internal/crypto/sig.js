'use strict';
// Signatures: Sign and Verify (createSign/createVerify) and the one-shot crypto.sign and
// crypto.verify, over the native `sign`/`verify` ops and asymmetric KeyObjects.
//
// Mirrors Node's lib/internal/crypto/sig.js. Sign and Verify are Writable streams; the data
// written or passed to update() is collected here and handed to the op, which hashes and
// signs it, when sign()/verify() is called. Checks Node's native Sign/Verify and SignJob
// make before reaching OpenSSL (digest names, key types, states) are made here with its
// messages and codes.

const binding = internalBinding('crypto');
const { onComplete } = require('internal/async_ops');
const {
  codes: {
    ERR_CRYPTO_INVALID_DIGEST,
    ERR_CRYPTO_SIGN_KEY_REQUIRED,
    ERR_INVALID_ARG_TYPE,
    ERR_INVALID_ARG_VALUE,
  },
} = require('internal/errors');
const {
  validateFunction, validateEncoding, validateString,
} = require('internal/validators');
const { Writable } = require('stream');
const { Buffer } = require('buffer');
const { isArrayBufferView, isAnyArrayBuffer } = require('internal/util/types');
const {
  getArrayBufferOrView, isCryptoKey, isKeyObject, preparePrivateKey, preparePublicOrPrivateKey,
  toUint8Array,
} = require('internal/crypto/keys');
const { isKnownDigest } = require('internal/crypto/hash');

const RSA_PKCS1_PSS_PADDING = 6;
const RSA_PSS_SALTLEN_MAX_SIGN = -2;

const kState = Symbol('kState');

// Key types createSign/createVerify can use (Ed25519/Ed448 need the one-shot functions).
const kStreamKeyTypes = new Set(['rsa', 'rsa-pss', 'dsa', 'ec']);
const kOneShotKeyTypes = new Set(['rsa', 'rsa-pss', 'dsa', 'ec', 'ed25519', 'ed448']);

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

function notSupportedForKeyType() {
  return opensslError('03000096', 'digital envelope routines',
                      'operation not supported for this keytype',
                      'ERR_OSSL_EVP_OPERATION_NOT_SUPPORTED_FOR_THIS_KEYTYPE');
}

function notInitialised() {
  return nativeError(Error, 'ERR_CRYPTO_INVALID_STATE', 'Not initialised');
}

// The bytes of `chunks` (Uint8Arrays) in one Uint8Array.
function concatChunks(chunks) {
  if (chunks.length === 1) return chunks[0];
  let length = 0;
  for (const chunk of chunks) length += chunk.byteLength;
  const out = new Uint8Array(length);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return out;
}

function Sign(algorithm, options) {
  if (!(this instanceof Sign)) return new Sign(algorithm, options);
  validateString(algorithm, 'algorithm');
  if (!isKnownDigest(algorithm)) {
    throw nativeError(TypeError, 'ERR_CRYPTO_INVALID_DIGEST', 'Invalid digest');
  }
  this[kState] = { algorithm, chunks: [], finalized: false };
  Reflect.apply(Writable, this, [options]);
}

Object.setPrototypeOf(Sign.prototype, Writable.prototype);
Object.setPrototypeOf(Sign, Writable);

Sign.prototype._write = function _write(chunk, encoding, callback) {
  this.update(chunk, encoding);
  callback();
};

Sign.prototype.update = function update(data, encoding) {
  if (typeof data === 'string') {
    validateEncoding(data, encoding);
  } else if (!isArrayBufferView(data)) {
    throw new ERR_INVALID_ARG_TYPE('data', ['string', 'Buffer', 'TypedArray', 'DataView'], data);
  }
  const state = this[kState];
  if (state.finalized) throw notInitialised();
  if (typeof data === 'string') {
    // Node's native update reads unknown encodings as UTF-8.
    const enc = typeof encoding === 'string' && Buffer.isEncoding(encoding) ? encoding : 'utf8';
    state.chunks.push(toUint8Array(Buffer.from(data, enc)));
  } else {
    // A copy: the caller may reuse its buffer before sign()/verify().
    state.chunks.push(new Uint8Array(toUint8Array(data)));
  }
  return this;
};

function getIntOption(name, options) {
  const value = options[name];
  if (value !== undefined) {
    if (value === value >> 0) return value;
    throw new ERR_INVALID_ARG_VALUE(`options.${name}`, value);
  }
  return undefined;
}

function getPadding(options) {
  return getIntOption('padding', options);
}

function getSaltLength(options) {
  let saltLength = getIntOption('saltLength', options);
  if (options.padding === RSA_PKCS1_PSS_PADDING && saltLength === undefined) {
    saltLength = RSA_PSS_SALTLEN_MAX_SIGN;
  }
  return saltLength;
}

function getDSASignatureEncoding(options) {
  if (typeof options === 'object') {
    const { dsaEncoding = 'der' } = options;
    if (dsaEncoding === 'der' || dsaEncoding === 'ieee-p1363') return dsaEncoding;
    throw new ERR_INVALID_ARG_VALUE('options.dsaEncoding', dsaEncoding);
  }
  return 'der';
}

function getContext(options) {
  if (options?.context === undefined) return undefined;
  if (!isArrayBufferView(options.context)) {
    throw new ERR_INVALID_ARG_TYPE(
      'options.context', ['Buffer', 'TypedArray', 'DataView'], options.context);
  }
  return options.context;
}

function checkStreamKeyType(asymmetricKeyType) {
  if (asymmetricKeyType === 'ed25519' || asymmetricKeyType === 'ed448') {
    throw nativeError(Error, 'ERR_CRYPTO_UNSUPPORTED_OPERATION', 'Unsupported crypto operation');
  }
  if (!kStreamKeyTypes.has(asymmetricKeyType)) throw notSupportedForKeyType();
}

// ML-DSA and SLH-DSA (OpenSSL 3.5): one-shot signatures with an optional context.
function isPqcSignatureKeyType(asymmetricKeyType) {
  return typeof asymmetricKeyType === 'string' &&
    (asymmetricKeyType.startsWith('ml-dsa-') || asymmetricKeyType.startsWith('slh-dsa-'));
}

// Node's SignJob checks for key `asymmetricKeyType` with `context`: the error, or the
// context bytes the op takes (only Ed448 takes one).
function checkOneShot(asymmetricKeyType, algorithm, context) {
  if (!kOneShotKeyTypes.has(asymmetricKeyType) && !isPqcSignatureKeyType(asymmetricKeyType)) {
    return { error: notSupportedForKeyType() };
  }
  const pure = asymmetricKeyType === 'ed25519' || asymmetricKeyType === 'ed448' ||
    isPqcSignatureKeyType(asymmetricKeyType);
  // EdDSA, ML-DSA and SLH-DSA hash internally: OpenSSL refuses a digest.
  if (pure && algorithm != null) {
    return {
      error: opensslError('1C80007A', 'Provider routines', 'invalid digest',
                          'ERR_OSSL_INVALID_DIGEST'),
    };
  }
  if (context === undefined) return { context: null };
  if (context.byteLength > 255) {
    return {
      error: nativeError(RangeError, 'ERR_OUT_OF_RANGE',
                         'context string must be at most 255 bytes'),
    };
  }
  if (asymmetricKeyType === 'ed25519' && context.byteLength > 0) {
    return {
      error: nativeError(Error, 'ERR_CRYPTO_OPERATION_FAILED', 'Context parameter is unsupported'),
    };
  }
  const takesContext = asymmetricKeyType === 'ed448' || isPqcSignatureKeyType(asymmetricKeyType);
  return { context: takesContext ? toUint8Array(context) : null };
}

Sign.prototype.sign = function sign(options, encoding) {
  if (!options) throw new ERR_CRYPTO_SIGN_KEY_REQUIRED();

  const { id, keyObject, asymmetricKeyType } = preparePrivateKey(options);

  // Options specific to RSA
  const rsaPadding = getPadding(options);
  const pssSaltLength = getSaltLength(options);

  // Options specific to (EC)DSA
  const dsaSigEnc = getDSASignatureEncoding(options);

  const state = this[kState];
  if (state.finalized) throw notInitialised();
  checkStreamKeyType(asymmetricKeyType);
  state.finalized = true;
  const data = concatChunks(state.chunks);
  state.chunks = [];

  const ret = Buffer.from(binding.sign(id, state.algorithm, data, rsaPadding ?? null,
                                       pssSaltLength ?? null, dsaSigEnc));
  keepAlive(keyObject);

  if (encoding && encoding !== 'buffer') return ret.toString(encoding);
  return ret;
};

// Keeps `keyObject` (and so its native key id) reachable until here.
function keepAlive(keyObject) {
  return keyObject;
}

// Reports `err` to `callback` on a later turn, as a failed job would.
function failLater(callback, err) {
  setImmediate(() => callback(err));
}

function signOneShot(algorithm, data, key, callback) {
  if (algorithm != null) validateString(algorithm, 'algorithm');

  if (callback !== undefined) validateFunction(callback, 'callback');

  data = getArrayBufferOrView(data, 'data');

  if (!key) throw new ERR_CRYPTO_SIGN_KEY_REQUIRED();

  // Options specific to RSA
  const rsaPadding = getPadding(key);
  const pssSaltLength = getSaltLength(key);

  // Options specific to (EC)DSA
  const dsaSigEnc = getDSASignatureEncoding(key);

  // Options specific to Ed448 and ML-DSA
  const context = getContext(key);

  const { id, keyObject, asymmetricKeyType } = preparePrivateKey(key);

  if (algorithm != null && !isKnownDigest(algorithm)) {
    throw new ERR_CRYPTO_INVALID_DIGEST(algorithm);
  }

  const checked = checkOneShot(asymmetricKeyType, algorithm, context);
  if (checked.error !== undefined) {
    if (!callback) throw checked.error;
    return failLater(callback, checked.error);
  }

  const args = [id, algorithm ?? null, toUint8Array(data), rsaPadding ?? null,
                pssSaltLength ?? null, dsaSigEnc, checked.context];

  if (!callback) {
    const signature = binding.sign(...args);
    keepAlive(keyObject);
    return Buffer.from(signature);
  }

  const reqId = binding.signAsync(...args);
  onComplete(reqId, (err, signature) => {
    keepAlive(keyObject);
    if (err) return callback(err);
    callback(null, Buffer.from(signature));
  });
}

function Verify(algorithm, options) {
  if (!(this instanceof Verify)) return new Verify(algorithm, options);
  validateString(algorithm, 'algorithm');
  if (!isKnownDigest(algorithm)) {
    throw nativeError(TypeError, 'ERR_CRYPTO_INVALID_DIGEST', 'Invalid digest');
  }
  this[kState] = { algorithm, chunks: [], finalized: false };
  Reflect.apply(Writable, this, [options]);
}

Object.setPrototypeOf(Verify.prototype, Writable.prototype);
Object.setPrototypeOf(Verify, Writable);

Verify.prototype._write = Sign.prototype._write;
Verify.prototype.update = Sign.prototype.update;

function isStringOrBuffer(value) {
  return typeof value === 'string' || isArrayBufferView(value) || isAnyArrayBuffer(value);
}

// Whether `key` has a shape prepare*Key accepts without looking at its bytes. Node checks
// only the shape before verify() reads the signature, and parses the key after; here the
// parse is part of preparing, so a well-shaped key is prepared after the signature check.
function hasKeyShape(key) {
  if (isKeyObject(key) || isCryptoKey(key) || isStringOrBuffer(key)) return true;
  if (key === null || typeof key !== 'object') return false;
  const { key: data, format } = key;
  if (isKeyObject(data) || isCryptoKey(data)) return true;
  if (format === 'jwk') return data !== null && typeof data === 'object';
  return isStringOrBuffer(data);
}

Verify.prototype.verify = function verify(options, signature, sigEncoding) {
  // A malformed key throws here, before the signature is looked at, as in Node.
  let prepared = hasKeyShape(options) ? undefined : preparePublicOrPrivateKey(options);

  // Options specific to RSA
  const rsaPadding = getPadding(options);
  const pssSaltLength = getSaltLength(options);

  // Options specific to (EC)DSA
  const dsaSigEnc = getDSASignatureEncoding(options);

  signature = getArrayBufferOrView(signature, 'signature', sigEncoding);

  prepared ??= preparePublicOrPrivateKey(options);
  const { id, keyObject, asymmetricKeyType } = prepared;

  const state = this[kState];
  if (state.finalized) throw notInitialised();
  checkStreamKeyType(asymmetricKeyType);
  state.finalized = true;
  const data = concatChunks(state.chunks);
  state.chunks = [];

  const result = binding.verify(id, state.algorithm, data, toUint8Array(signature),
                                rsaPadding ?? null, pssSaltLength ?? null, dsaSigEnc);
  keepAlive(keyObject);
  return result;
};

function verifyOneShot(algorithm, data, key, signature, callback) {
  if (algorithm != null) validateString(algorithm, 'algorithm');

  if (callback !== undefined) validateFunction(callback, 'callback');

  // Node's getArrayBufferOrView passes an ArrayBuffer through, which is then refused.
  if (!isAnyArrayBuffer(data)) data = getArrayBufferOrView(data, 'data');

  if (!isArrayBufferView(data)) {
    throw new ERR_INVALID_ARG_TYPE('data', ['Buffer', 'TypedArray', 'DataView'], data);
  }

  // Options specific to RSA
  const rsaPadding = getPadding(key);
  const pssSaltLength = getSaltLength(key);

  // Options specific to (EC)DSA
  const dsaSigEnc = getDSASignatureEncoding(key);

  // Options specific to Ed448 and ML-DSA
  const context = getContext(key);

  if (!isArrayBufferView(signature)) {
    throw new ERR_INVALID_ARG_TYPE(
      'signature', ['Buffer', 'TypedArray', 'DataView'], signature);
  }

  const { id, keyObject, asymmetricKeyType } = preparePublicOrPrivateKey(key);

  if (algorithm != null && !isKnownDigest(algorithm)) {
    throw new ERR_CRYPTO_INVALID_DIGEST(algorithm);
  }

  const checked = checkOneShot(asymmetricKeyType, algorithm, context);
  if (checked.error !== undefined) {
    if (!callback) throw checked.error;
    return failLater(callback, checked.error);
  }

  const args = [id, algorithm ?? null, toUint8Array(data), toUint8Array(signature),
                rsaPadding ?? null, pssSaltLength ?? null, dsaSigEnc, checked.context];

  if (!callback) {
    const result = binding.verify(...args);
    keepAlive(keyObject);
    return result;
  }

  const reqId = binding.verifyAsync(...args);
  onComplete(reqId, (err, result) => {
    keepAlive(keyObject);
    if (err) return callback(err);
    callback(null, result);
  });
}

module.exports = { Sign, Verify, signOneShot, verifyOneShot };
