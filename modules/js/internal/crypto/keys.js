'use strict';
// Keys: turning secret inputs into bytes (getArrayBufferOrView, prepareSecretKey), and
// KeyObject / CryptoKey. Only secret keys exist so far; their bytes live in a private field
// of a handle object, out of user code's reach as in Node's native KeyObjectHandle.

const { Buffer } = require('buffer');
const {
  codes: {
    ERR_CRYPTO_INVALID_KEY_OBJECT_TYPE,
    ERR_ILLEGAL_CONSTRUCTOR,
    ERR_INVALID_ARG_TYPE,
    ERR_INVALID_ARG_VALUE,
  },
} = require('internal/errors');
const { validateObject, validateOneOf } = require('internal/validators');
const { isAnyArrayBuffer, isArrayBufferView } = require('internal/util/types');

const kHandle = Symbol('kHandle');
const kKeyType = Symbol('kKeyType');
const kKeyObject = Symbol('kKeyObject');
const kAlgorithm = Symbol('kAlgorithm');
const kExtractable = Symbol('kExtractable');
const kKeyUsages = Symbol('kKeyUsages');
// Lets internal code construct the classes user code may not.
const kConstruct = Symbol('kConstruct');

function getArrayBufferOrView(value, name, encoding) {
  if (isAnyArrayBuffer(value)) return new Uint8Array(value);
  if (typeof value === 'string') {
    return Buffer.from(value, encoding === 'buffer' ? 'utf8' : encoding);
  }
  if (!isArrayBufferView(value)) {
    throw new ERR_INVALID_ARG_TYPE(
      name, ['string', 'ArrayBuffer', 'Buffer', 'TypedArray', 'DataView'], value);
  }
  return value;
}

// The native side of a key: for a secret key, a private copy of its bytes.
class SecretKeyHandle {
  #bytes;

  constructor(bytes) {
    this.#bytes = bytes;
  }

  bytes() {
    return this.#bytes;
  }

  size() {
    return this.#bytes.byteLength;
  }

  equals(other) {
    if (!(other instanceof SecretKeyHandle)) return false;
    const a = this.#bytes;
    const b = other.#bytes;
    if (a.byteLength !== b.byteLength) return false;
    let diff = 0;
    for (let i = 0; i < a.byteLength; i++) diff |= a[i] ^ b[i];
    return diff === 0;
  }
}

class KeyObject {
  constructor(type, handle) {
    if (type !== 'secret' && type !== 'public' && type !== 'private') {
      throw new ERR_INVALID_ARG_VALUE('type', type);
    }
    if (typeof handle !== 'object' || !(handle instanceof SecretKeyHandle)) {
      throw new ERR_INVALID_ARG_TYPE('handle', 'object', handle);
    }
    this[kKeyType] = type;
    Object.defineProperty(this, kHandle, {
      __proto__: null, value: handle, enumerable: false, configurable: false, writable: false,
    });
  }

  get type() {
    return this[kKeyType];
  }

  static from(key) {
    if (!isCryptoKey(key)) throw new ERR_INVALID_ARG_TYPE('key', 'CryptoKey', key);
    return key[kKeyObject];
  }

  equals(otherKeyObject) {
    if (!isKeyObject(otherKeyObject)) {
      throw new ERR_INVALID_ARG_TYPE('otherKeyObject', 'KeyObject', otherKeyObject);
    }
    return otherKeyObject.type === this.type && this[kHandle].equals(otherKeyObject[kHandle]);
  }
}

Object.defineProperties(KeyObject.prototype, {
  [Symbol.toStringTag]: { __proto__: null, configurable: true, value: 'KeyObject' },
});

class SecretKeyObject extends KeyObject {
  constructor(handle) {
    super('secret', handle);
  }

  get symmetricKeySize() {
    return this[kHandle].size();
  }

  get asymmetricKeyType() {
    return undefined;
  }

  export(options) {
    if (options !== undefined) {
      validateObject(options, 'options');
      validateOneOf(options.format, 'options.format', [undefined, 'buffer', 'jwk']);
      if (options.format === 'jwk') {
        return { kty: 'oct', k: Buffer.from(this[kHandle].bytes()).toString('base64url') };
      }
    }
    return Buffer.from(this[kHandle].bytes());
  }

  toCryptoKey(algorithm, extractable, keyUsages) {
    const { secretKeyToCryptoKey } = require('internal/crypto/webcrypto');
    return secretKeyToCryptoKey(this, algorithm, extractable, keyUsages);
  }
}

function isKeyObject(value) {
  return value instanceof KeyObject;
}

// Web Crypto's CryptoKey: an algorithm, usages and extractability over a KeyObject.
class CryptoKey {
  constructor(token, keyObject, algorithm, extractable, usages) {
    if (token !== kConstruct) throw new ERR_ILLEGAL_CONSTRUCTOR();
    this[kKeyObject] = keyObject;
    this[kAlgorithm] = algorithm;
    this[kExtractable] = extractable;
    this[kKeyUsages] = usages;
  }

  get type() {
    if (!isCryptoKey(this)) throw new ERR_INVALID_ARG_TYPE('this', 'CryptoKey', this);
    return this[kKeyObject].type;
  }

  get extractable() {
    if (!isCryptoKey(this)) throw new ERR_INVALID_ARG_TYPE('this', 'CryptoKey', this);
    return this[kExtractable];
  }

  get algorithm() {
    if (!isCryptoKey(this)) throw new ERR_INVALID_ARG_TYPE('this', 'CryptoKey', this);
    return this[kAlgorithm];
  }

  get usages() {
    if (!isCryptoKey(this)) throw new ERR_INVALID_ARG_TYPE('this', 'CryptoKey', this);
    return this[kKeyUsages].slice();
  }
}

// util.inspect shows a CryptoKey's four attributes, as Node does.
function inspectCryptoKey(depth, options, inspect) {
  if (depth < 0) return this;
  const opts = { ...options, depth: options.depth == null ? null : options.depth - 1 };
  const fields = {
    type: this.type, extractable: this.extractable, algorithm: this.algorithm, usages: this.usages,
  };
  return `CryptoKey ${inspect(fields, opts)}`;
}
Object.defineProperty(CryptoKey.prototype, Symbol.for('nodejs.util.inspect.custom'), {
  __proto__: null, value: inspectCryptoKey, writable: true, configurable: true,
});

Object.defineProperties(CryptoKey.prototype, {
  [Symbol.toStringTag]: { __proto__: null, configurable: true, value: 'CryptoKey' },
  type: { __proto__: null, enumerable: true },
  extractable: { __proto__: null, enumerable: true },
  algorithm: { __proto__: null, enumerable: true },
  usages: { __proto__: null, enumerable: true },
});

function isCryptoKey(value) {
  return value instanceof CryptoKey;
}

// A CryptoKey over `keyObject` (for SubtleCrypto).
function makeCryptoKey(keyObject, algorithm, extractable, usages) {
  return new CryptoKey(kConstruct, keyObject, algorithm, extractable, usages);
}

// The bytes of a secret key given as a string, buffer, KeyObject or CryptoKey. With
// `bufferOnly`, key objects are refused (createSecretKey).
function prepareSecretKey(key, encoding, bufferOnly = false) {
  if (!bufferOnly) {
    if (isKeyObject(key)) {
      if (key.type !== 'secret') throw new ERR_CRYPTO_INVALID_KEY_OBJECT_TYPE(key.type, 'secret');
      return key[kHandle].bytes();
    }
    if (isCryptoKey(key)) {
      if (key.type !== 'secret') throw new ERR_CRYPTO_INVALID_KEY_OBJECT_TYPE(key.type, 'secret');
      return key[kKeyObject][kHandle].bytes();
    }
  }
  if (typeof key !== 'string' && !isArrayBufferView(key) && !isAnyArrayBuffer(key)) {
    const types = bufferOnly ?
      ['ArrayBuffer', 'Buffer', 'TypedArray', 'DataView'] :
      ['string', 'ArrayBuffer', 'Buffer', 'TypedArray', 'DataView', 'KeyObject', 'CryptoKey'];
    throw new ERR_INVALID_ARG_TYPE('key', types, key);
  }
  return getArrayBufferOrView(key, 'key', encoding);
}

// A secret KeyObject holding a copy of `key` (a string in `encoding`, or bytes).
function createSecretKey(key, encoding) {
  const view = prepareSecretKey(key, encoding, true);
  const copy = new Uint8Array(view.byteLength);
  copy.set(new Uint8Array(view.buffer, view.byteOffset, view.byteLength));
  return new SecretKeyObject(new SecretKeyHandle(copy));
}

module.exports = {
  CryptoKey,
  KeyObject,
  SecretKeyObject,
  createSecretKey,
  getArrayBufferOrView,
  isCryptoKey,
  isKeyObject,
  kHandle,
  kKeyObject,
  makeCryptoKey,
  prepareSecretKey,
};
