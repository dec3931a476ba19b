'use strict';
// Cipheriv and Decipheriv (createCipheriv/createDecipheriv), getCiphers and getCipherInfo.
//
// The running cipher lives in Rust (internalBinding('crypto').cipher*), reached by an id;
// Rust checks key, IV and tag lengths and throws Node's errors. JS validates argument types,
// turns strings into bytes and decodes output. Both classes are Transform streams that build
// their stream state only when used as streams (LazyTransform), with Node's legacy
// function-style constructors.

const binding = internalBinding('crypto');
const LazyTransform = require('internal/streams/lazy_transform');
const { Buffer } = require('buffer');
const { StringDecoder } = require('string_decoder');
const {
  codes: {
    ERR_CRYPTO_INVALID_STATE,
    ERR_INVALID_ARG_TYPE,
    ERR_INVALID_ARG_VALUE,
    ERR_UNKNOWN_ENCODING,
  },
} = require('internal/errors');
const {
  normalizeEncoding, validateEncoding, validateInt32, validateObject, validateString,
} = require('internal/validators');
const { isArrayBufferView } = require('internal/util/types');
const { getArrayBufferOrView, prepareSecretKey } = require('internal/crypto/keys');

const kHandle = Symbol('kHandle');

// Frees the Rust state of ciphers dropped before final().
const unfinished = new FinalizationRegistry((id) => binding.cipherFree(id));

function toBuffer(bytes) {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

let warnedShortTag = false;

// The JS side of one running cipher (named as Node's native class, which inspect shows).
class CipherBase {
  #id;

  constructor(name, key, iv, encrypt, authTagLength) {
    this.#id = binding.cipherCreate(name, key, iv, encrypt, authTagLength);
    unfinished.register(this, this.#id, this);
  }

  get id() {
    return this.#id;
  }

  update(data, encoding) {
    if (typeof data === 'string') {
      // Unknown encodings read as UTF-8, as Node's native side does.
      data = encoding && encoding !== 'utf8' && Buffer.isEncoding(encoding) ?
        Buffer.from(data, encoding) : data;
    }
    return toBuffer(binding.cipherUpdate(this.id, data));
  }

  final() {
    return toBuffer(binding.cipherFinal(this.id));
  }

  setAutoPadding(on) {
    return binding.cipherSetAutoPadding(this.id, on);
  }

  setAAD(aad, plaintextLength) {
    return binding.cipherSetAAD(this.id, aad, plaintextLength);
  }

  getAuthTag() {
    const tag = binding.cipherGetAuthTag(this.id);
    return tag === undefined ? undefined : toBuffer(tag);
  }

  setAuthTag(tag) {
    const result = binding.cipherSetAuthTag(this.id, tag);
    if (result === 'short') {
      if (!warnedShortTag) {
        warnedShortTag = true;
        process.emitWarning(
          'Using AES-GCM authentication tags of less than 128 bits without specifying the ' +
          'authTagLength option when initializing decryption is deprecated.',
          'DeprecationWarning', 'DEP0182');
      }
      return true;
    }
    return result;
  }
}

function getDecoder(decoder, encoding) {
  const normalized = normalizeEncoding(encoding);
  decoder ||= new StringDecoder(encoding);
  if (decoder.encoding !== normalized) {
    if (normalized === undefined) throw new ERR_UNKNOWN_ENCODING(encoding);
    throw new Error('Cannot change encoding');
  }
  return decoder;
}

// An unsigned 32-bit option, or -1 when absent.
function getUIntOption(options, key) {
  let value;
  if (options && (value = options[key]) != null) {
    if (value >>> 0 !== value) throw new ERR_INVALID_ARG_VALUE(`options.${key}`, value);
    return value;
  }
  return -1;
}

function getStringOption(options, key) {
  let value;
  if (options && (value = options[key]) != null) validateString(value, `options.${key}`);
  return value;
}

function createCipherWithIV(cipher, key, options, encrypt, iv) {
  validateString(cipher, 'cipher');
  const encoding = getStringOption(options, 'encoding');
  key = prepareSecretKey(key, encoding);
  iv = iv === null ? null : getArrayBufferOrView(iv, 'iv');
  const authTagLength = getUIntOption(options, 'authTagLength');
  this[kHandle] = new CipherBase(cipher, key, iv, encrypt, authTagLength);
  this._decoder = null;
  Reflect.apply(LazyTransform, this, [options]);
}

function Cipheriv(cipher, key, iv, options) {
  if (!(this instanceof Cipheriv)) return new Cipheriv(cipher, key, iv, options);
  Reflect.apply(createCipherWithIV, this, [cipher, key, options, true, iv]);
}

function Decipheriv(cipher, key, iv, options) {
  if (!(this instanceof Decipheriv)) return new Decipheriv(cipher, key, iv, options);
  Reflect.apply(createCipherWithIV, this, [cipher, key, options, false, iv]);
}

function _transform(chunk, encoding, callback) {
  this.push(this[kHandle].update(chunk, encoding));
  callback();
}

function _flush(callback) {
  try {
    this.push(this[kHandle].final());
  } catch (err) {
    callback(err);
    return;
  }
  callback();
}

function update(data, inputEncoding, outputEncoding) {
  if (typeof data === 'string') {
    validateEncoding(data, inputEncoding);
  } else if (!isArrayBufferView(data)) {
    throw new ERR_INVALID_ARG_TYPE('data', ['string', 'Buffer', 'TypedArray', 'DataView'], data);
  }
  const ret = this[kHandle].update(data, inputEncoding);
  if (outputEncoding && outputEncoding !== 'buffer') {
    this._decoder = getDecoder(this._decoder, outputEncoding);
    return this._decoder.write(ret);
  }
  return ret;
}

function final(outputEncoding) {
  const handle = this[kHandle];
  const ret = handle.final();
  unfinished.unregister(handle);
  if (outputEncoding && outputEncoding !== 'buffer') {
    this._decoder = getDecoder(this._decoder, outputEncoding);
    return this._decoder.end(ret);
  }
  return ret;
}

function setAutoPadding(ap) {
  if (!this[kHandle].setAutoPadding(!!ap)) throw new ERR_CRYPTO_INVALID_STATE('setAutoPadding');
  return this;
}

function getAuthTag() {
  const ret = this[kHandle].getAuthTag();
  if (ret === undefined) throw new ERR_CRYPTO_INVALID_STATE('getAuthTag');
  return ret;
}

function setAuthTag(tagbuf, encoding) {
  tagbuf = getArrayBufferOrView(tagbuf, 'buffer', encoding);
  if (!this[kHandle].setAuthTag(tagbuf)) throw new ERR_CRYPTO_INVALID_STATE('setAuthTag');
  return this;
}

function setAAD(aadbuf, options) {
  const encoding = getStringOption(options, 'encoding');
  // CCM needs the message length before the data.
  const plaintextLength = getUIntOption(options, 'plaintextLength');
  aadbuf = getArrayBufferOrView(aadbuf, 'aadbuf', encoding);
  if (!this[kHandle].setAAD(aadbuf, plaintextLength)) throw new ERR_CRYPTO_INVALID_STATE('setAAD');
  return this;
}

for (const constructor of [Cipheriv, Decipheriv]) {
  Object.setPrototypeOf(constructor.prototype, LazyTransform.prototype);
  Object.setPrototypeOf(constructor, LazyTransform);
  Object.assign(constructor.prototype, {
    _transform, _flush, update, final, setAutoPadding, setAAD,
  });
}
Cipheriv.prototype.getAuthTag = getAuthTag;
Decipheriv.prototype.setAuthTag = setAuthTag;

function getCipherInfo(nameOrNid, options) {
  if (typeof nameOrNid !== 'string' && typeof nameOrNid !== 'number') {
    throw new ERR_INVALID_ARG_TYPE('nameOrNid', ['string', 'number'], nameOrNid);
  }
  if (typeof nameOrNid === 'number') validateInt32(nameOrNid, 'nameOrNid');
  let keyLength, ivLength;
  if (options !== undefined) {
    validateObject(options, 'options');
    ({ keyLength, ivLength } = options);
    if (keyLength !== undefined) validateInt32(keyLength, 'options.keyLength');
    if (ivLength !== undefined) validateInt32(ivLength, 'options.ivLength');
  }
  const info = binding.cipherInfo(nameOrNid, keyLength, ivLength);
  return info === undefined ? undefined : Object.assign({ __proto__: null }, info);
}

let cipherNames;
function getCiphers() {
  cipherNames ??= binding.cipherNames();
  return cipherNames.slice();
}

module.exports = { Cipheriv, Decipheriv, getCipherInfo, getCiphers };
