'use strict';
// Hash and Hmac: createHash(), createHmac(), the one-shot hash() and getHashes().
//
// The running digest lives in Rust (internalBinding('crypto')), reached through an id; JS
// validates arguments and turns strings into bytes. Both classes are Transform streams that
// build their stream state only when used as streams (LazyTransform). An id that is never
// digested is freed when its object is garbage-collected.

const binding = internalBinding('crypto');
const LazyTransform = require('internal/streams/lazy_transform');
const { Buffer } = require('buffer');
const {
  codes: {
    ERR_CRYPTO_HASH_FINALIZED,
    ERR_CRYPTO_HASH_UPDATE_FAILED,
    ERR_CRYPTO_INVALID_DIGEST,
    ERR_INVALID_ARG_TYPE,
    ERR_INVALID_ARG_VALUE,
  },
} = require('internal/errors');
const {
  validateString, validateEncoding, validateObject, validateUint32,
} = require('internal/validators');
const { isArrayBufferView, isAnyArrayBuffer } = require('internal/util/types');
const { isCryptoKey, isKeyObject, prepareSecretKey } = require('internal/crypto/keys');

const kHandle = Symbol('kHandle');

// DEP0198: SHAKE without an explicit output length, warned once per process.
let warnedShakeLength = false;
function warnShakeDefaultLength(algorithm, outputLength) {
  if (warnedShakeLength || outputLength !== undefined) return;
  const lower = algorithm.toLowerCase();
  if (lower !== 'shake128' && lower !== 'shake256') return;
  warnedShakeLength = true;
  process.emitWarning(
    'Creating SHAKE128/256 digests without an explicit options.outputLength is deprecated.',
    'DeprecationWarning', 'DEP0198');
}
const kFinalized = Symbol('kFinalized');

// Frees the Rust state of hashes dropped before digest().
const unfinished = new FinalizationRegistry((id) => binding.hashFree(id));

// The bytes to feed for `data` in `encoding` (UTF-8 strings go to Rust as they are).
function dataForUpdate(data, encoding) {
  if (typeof data === 'string') {
    if (encoding === undefined || encoding === 'utf8' || encoding === 'utf-8' ||
        !Buffer.isEncoding(encoding)) {
      return data;
    }
    return Buffer.from(data, encoding);
  }
  return data;
}

// The digest bytes as a Buffer, or a string when `encoding` names a string encoding.
function encodeDigest(bytes, encoding) {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (encoding === undefined || encoding === 'buffer' || !Buffer.isEncoding(encoding)) return buf;
  return buf.toString(encoding);
}

class DigestState {
  constructor(id) {
    this.id = id;
    unfinished.register(this, id, this);
  }

  update(data, encoding) {
    binding.hashUpdate(this.id, dataForUpdate(data, encoding));
  }

  // The native side frees the hash at its digest; the result is kept, because a hash
  // digested by its stream's flush still answers digest() with it, as Node's does.
  digest(encoding) {
    if (this.result === undefined) {
      unfinished.unregister(this);
      this.result = binding.hashDigest(this.id);
    }
    return encodeDigest(this.result, encoding);
  }

  copy(outputLength) {
    return new DigestState(binding.hashCopy(this.id, outputLength));
  }
}

function Hash(algorithm, options) {
  if (!new.target) return new Hash(algorithm, options);
  const isCopy = algorithm instanceof DigestState;
  if (!isCopy) validateString(algorithm, 'algorithm');
  // The output length of an XOF (shake128/256); other digests accept only their own.
  const outputLength = typeof options === 'object' && options !== null ?
    options.outputLength : undefined;
  if (outputLength !== undefined) validateUint32(outputLength, 'options.outputLength');
  if (isCopy) {
    this[kHandle] = algorithm.copy(outputLength);
  } else {
    const id = binding.hashCreate(algorithm, outputLength);
    if (id !== undefined) warnShakeDefaultLength(algorithm, outputLength);
    if (id === undefined) throw new Error('Digest method not supported');
    this[kHandle] = new DigestState(id);
  }
  this[kFinalized] = false;
  Reflect.apply(LazyTransform, this, [options]);
}
Object.setPrototypeOf(Hash.prototype, LazyTransform.prototype);
Object.setPrototypeOf(Hash, LazyTransform);

Hash.prototype.copy = function copy(options) {
  if (this[kFinalized]) throw new ERR_CRYPTO_HASH_FINALIZED();
  return new Hash(this[kHandle], options);
};

Hash.prototype._transform = function _transform(chunk, encoding, callback) {
  this[kHandle].update(chunk, encoding);
  callback();
};

Hash.prototype._flush = function _flush(callback) {
  this.push(this[kHandle].digest());
  callback();
};

Hash.prototype.update = function update(data, encoding) {
  if (this[kFinalized]) throw new ERR_CRYPTO_HASH_FINALIZED();
  if (typeof data === 'string') {
    validateEncoding(data, encoding);
  } else if (!isArrayBufferView(data)) {
    throw new ERR_INVALID_ARG_TYPE('data', ['string', 'Buffer', 'TypedArray', 'DataView'], data);
  }
  try {
    this[kHandle].update(data, encoding);
  } catch {
    throw new ERR_CRYPTO_HASH_UPDATE_FAILED();
  }
  return this;
};

Hash.prototype.digest = function digest(outputEncoding) {
  if (this[kFinalized]) throw new ERR_CRYPTO_HASH_FINALIZED();
  // Truthy non-strings are stringified, as Node does for compatibility.
  const result = this[kHandle].digest(outputEncoding ? `${outputEncoding}` : undefined);
  this[kFinalized] = true;
  return result;
};

// A secret key as bytes: a string (in `encoding`), an ArrayBuffer, a view or a key object.
function secretKeyBytes(key, encoding) {
  if (typeof key === 'string') return Buffer.from(key, encoding);
  if (isArrayBufferView(key)) return key;
  if (isAnyArrayBuffer(key)) return new Uint8Array(key);
  if (isKeyObject(key) || isCryptoKey(key)) return prepareSecretKey(key);
  throw new ERR_INVALID_ARG_TYPE(
    'key', ['ArrayBuffer', 'Buffer', 'TypedArray', 'DataView', 'string', 'KeyObject', 'CryptoKey'],
    key);
}

function Hmac(hmac, key, options) {
  if (!new.target) return new Hmac(hmac, key, options);
  validateString(hmac, 'hmac');
  let encoding;
  if (options !== undefined && options !== null) {
    validateObject(options, 'options');
    encoding = options.encoding;
    if (encoding !== undefined) validateString(encoding, 'options.encoding');
  }
  const id = binding.hmacCreate(hmac, secretKeyBytes(key, encoding));
  if (id === undefined) throw new ERR_CRYPTO_INVALID_DIGEST(hmac);
  this[kHandle] = new DigestState(id);
  this[kFinalized] = false;
  Reflect.apply(LazyTransform, this, [options]);
}
Object.setPrototypeOf(Hmac.prototype, LazyTransform.prototype);
Object.setPrototypeOf(Hmac, LazyTransform);

Hmac.prototype.update = Hash.prototype.update;

// A second digest() of an Hmac returns an empty result instead of throwing, as in Node.
Hmac.prototype.digest = function digest(outputEncoding) {
  if (this[kFinalized]) {
    const empty = Buffer.alloc(0);
    return outputEncoding && outputEncoding !== 'buffer' ? empty.toString(outputEncoding) : empty;
  }
  const result = this[kHandle].digest(outputEncoding ? `${outputEncoding}` : undefined);
  this[kFinalized] = true;
  return result;
};

Hmac.prototype._transform = Hash.prototype._transform;
Hmac.prototype._flush = Hash.prototype._flush;

// hash(algorithm, data[, outputEncoding | options]): a digest in one call ('hex' default);
// options may give outputEncoding and, for XOFs, outputLength.
function hash(algorithm, input, options = 'hex') {
  validateString(algorithm, 'algorithm');
  if (typeof input !== 'string' && !isArrayBufferView(input)) {
    throw new ERR_INVALID_ARG_TYPE('input', ['Buffer', 'TypedArray', 'DataView', 'string'], input);
  }
  let outputEncoding = options;
  let outputLength;
  if (typeof options === 'object' && options !== null) {
    outputEncoding = options.outputEncoding ?? 'hex';
    outputLength = options.outputLength;
    if (outputLength !== undefined) validateUint32(outputLength, 'outputLength');
  }
  validateString(outputEncoding, 'outputEncoding');
  const normalized = outputEncoding.toLowerCase();
  if (normalized !== 'buffer' && !Buffer.isEncoding(normalized)) {
    throw new ERR_INVALID_ARG_VALUE('outputEncoding', outputEncoding);
  }
  const bytes = binding.hashOneShot(algorithm, input, outputLength);
  if (bytes === undefined) throw new Error(`Digest method ${algorithm} is not supported`);
  if (bytes === null) {
    throw new Error(`Output length ${outputLength} is invalid for ${algorithm}, ` +
                    'which does not support XOF');
  }
  warnShakeDefaultLength(algorithm, outputLength);
  return encodeDigest(bytes, normalized);
}

let hashNames;
function getHashes() {
  hashNames ??= binding.hashNames();
  return hashNames.slice();
}

// Whether `name` is a digest OpenSSL (and so the ops) know.
function isKnownDigest(name) {
  const id = binding.hashCreate(name);
  if (id === undefined) return false;
  binding.hashFree(id);
  return true;
}

module.exports = { Hash, Hmac, hash, getHashes, isKnownDigest, secretKeyBytes };
