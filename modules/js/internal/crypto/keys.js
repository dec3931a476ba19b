'use strict';
// Keys: turning key inputs into bytes (getArrayBufferOrView, prepareSecretKey) or native
// keys (prepareAsymmetricKey), and the KeyObject / CryptoKey classes, after Node's
// lib/internal/crypto/keys.js. A secret key's bytes live in a private field of a handle
// object, out of user code's reach as in Node's native KeyObjectHandle; an asymmetric key
// lives in the native key table (internalBinding('crypto').key*) and its handle holds the
// table id, freed when the handle is collected.

const { Buffer } = require('buffer');
const {
  E,
  codes,
} = require('internal/errors');
const { validateObject, validateOneOf, validateString } = require('internal/validators');
const { isAnyArrayBuffer, isArrayBufferView } = require('internal/util/types');

const binding = internalBinding('crypto');

// Codes Node has that internal/errors may not register yet.
if (codes.ERR_CRYPTO_JWK_UNSUPPORTED_CURVE === undefined) {
  E('ERR_CRYPTO_JWK_UNSUPPORTED_CURVE', 'Unsupported JWK EC curve: %s.', Error);
}
if (codes.ERR_CRYPTO_JWK_UNSUPPORTED_KEY_TYPE === undefined) {
  E('ERR_CRYPTO_JWK_UNSUPPORTED_KEY_TYPE', 'Unsupported JWK Key Type.', Error);
}
if (codes.ERR_CRYPTO_UNKNOWN_CIPHER === undefined) {
  E('ERR_CRYPTO_UNKNOWN_CIPHER', 'Unknown cipher', Error);
}

const {
  ERR_CRYPTO_INCOMPATIBLE_KEY_OPTIONS,
  ERR_CRYPTO_INVALID_JWK,
  ERR_CRYPTO_INVALID_KEY_OBJECT_TYPE,
  ERR_CRYPTO_JWK_UNSUPPORTED_CURVE,
  ERR_CRYPTO_JWK_UNSUPPORTED_KEY_TYPE,
  ERR_CRYPTO_UNKNOWN_CIPHER,
  ERR_ILLEGAL_CONSTRUCTOR,
  ERR_INVALID_ARG_TYPE,
  ERR_INVALID_ARG_VALUE,
  ERR_INVALID_THIS,
} = codes;

const kHandle = Symbol('kHandle');
const kKeyType = Symbol('kKeyType');
const kKeyObject = Symbol('kKeyObject');
const kAlgorithm = Symbol('kAlgorithm');
const kExtractable = Symbol('kExtractable');
const kKeyUsages = Symbol('kKeyUsages');
const kCachedAlgorithm = Symbol('kCachedAlgorithm');
const kCachedKeyUsages = Symbol('kCachedKeyUsages');
const kAsymmetricKeyType = Symbol('kAsymmetricKeyType');
const kAsymmetricKeyDetails = Symbol('kAsymmetricKeyDetails');
// Lets internal code construct the classes user code may not.
const kConstruct = Symbol('kConstruct');

// Key input contexts, as Node names them.
const kConsumePublic = 0;
const kConsumePrivate = 1;
const kCreatePublic = 2;
const kCreatePrivate = 3;

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

// The bytes of any view or ArrayBuffer as a Uint8Array over the same memory (the ops take
// Uint8Arrays).
function toUint8Array(value) {
  if (value instanceof Uint8Array) return value;
  if (ArrayBuffer.isView(value)) {
    return new Uint8Array(value.buffer, value.byteOffset, value.byteLength);
  }
  return new Uint8Array(value);
}

function toBuffer(bytes) {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

// The native side of a key; user code can't make one, so `new KeyObject(type, handle)`
// only accepts handles that internal code created.
class KeyObjectHandle {}

// A secret key: a private copy of its bytes.
class SecretKeyHandle extends KeyObjectHandle {
  #bytes;

  constructor(bytes) {
    super();
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

// The JWK curve names of the EC curves JWK can carry.
const kJwkCurves = {
  __proto__: null,
  prime256v1: 'P-256',
  secp256k1: 'secp256k1',
  secp384r1: 'P-384',
  secp521r1: 'P-521',
};

// Frees a native key once no handle refers to its id any more.
const keyRegistry = new FinalizationRegistry((id) => {
  try {
    binding.keyFree(id);
  } catch {
    // Teardown: nothing to report to.
  }
});

// An asymmetric key: the id of a key in the native table, with the type it was made as.
class AsymmetricKeyHandle extends KeyObjectHandle {
  #id;
  #keyType;
  #asymmetricKeyType;

  constructor(id, keyType, asymmetricKeyType) {
    super();
    this.#id = id;
    this.#keyType = keyType;
    this.#asymmetricKeyType = asymmetricKeyType;
    keyRegistry.register(this, id);
  }

  get id() {
    return this.#id;
  }

  get keyType() {
    return this.#keyType;
  }

  getAsymmetricKeyType() {
    return this.#asymmetricKeyType;
  }

  keyDetail() {
    return binding.keyDetails(this.#id);
  }

  // PEM text (string), DER (Buffer) or a JWK object.
  export(format, type, cipher, passphrase) {
    const out = binding.keyExport(this.#id, format, type ?? null, cipher ?? null,
                                  passphrase === undefined ? null : toUint8Array(passphrase));
    if (format === 'jwk') return typeof out === 'string' ? JSON.parse(out) : out;
    if (typeof out === 'string') return out;
    return toBuffer(out);
  }

  // A JWK object; Node refuses key types and curves JWK has no names for.
  exportJwk() {
    switch (this.#asymmetricKeyType) {
      case 'rsa':
      case 'ed25519':
      case 'ed448':
      case 'x25519':
      case 'x448':
      case 'ml-dsa-44':
      case 'ml-dsa-65':
      case 'ml-dsa-87':
        break;
      case 'ec': {
        const { namedCurve } = this.keyDetail();
        if (kJwkCurves[namedCurve] === undefined) {
          throw new ERR_CRYPTO_JWK_UNSUPPORTED_CURVE(namedCurve);
        }
        break;
      }
      default:
        throw new ERR_CRYPTO_JWK_UNSUPPORTED_KEY_TYPE();
    }
    return this.export('jwk');
  }

  // The public half, as a new handle.
  toPublic() {
    if (this.#keyType === 'public') return this;
    return new AsymmetricKeyHandle(binding.keyToPublic(this.#id), 'public',
                                   this.#asymmetricKeyType);
  }

  equals(other) {
    if (!(other instanceof AsymmetricKeyHandle)) return false;
    if (other === this || other.#id === this.#id) return true;
    return binding.keyEquals(this.#id, other.#id);
  }
}

// A handle for what keyImport/keyImportRaw/keyGenerate returned: [id, keyType, asymmetricKeyType].
function handleFromImport(result) {
  return new AsymmetricKeyHandle(result[0], result[1], result[2]);
}

class KeyObject {
  constructor(type, handle) {
    if (type !== 'secret' && type !== 'public' && type !== 'private') {
      throw new ERR_INVALID_ARG_VALUE('type', type);
    }
    if (typeof handle !== 'object' || !(handle instanceof KeyObjectHandle)) {
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

class AsymmetricKeyObject extends KeyObject {
  get asymmetricKeyType() {
    return this[kAsymmetricKeyType] ||= this[kHandle].getAsymmetricKeyType();
  }

  get asymmetricKeyDetails() {
    switch (this.asymmetricKeyType) {
      case 'rsa':
      case 'rsa-pss':
      case 'dsa':
      case 'ec':
        return this[kAsymmetricKeyDetails] ||= normalizeKeyDetails(this[kHandle].keyDetail());
      default:
        return {};
    }
  }

  toCryptoKey(algorithm, extractable, keyUsages) {
    const { asymmetricKeyToCryptoKey } = require('internal/crypto/webcrypto');
    return asymmetricKeyToCryptoKey(this, algorithm, extractable, keyUsages);
  }
}

// keyDetails gives publicExponent as hex; Node's is a BigInt.
function normalizeKeyDetails(details = {}) {
  if (details.publicExponent !== undefined) {
    let { publicExponent } = details;
    if (typeof publicExponent === 'string') {
      publicExponent = BigInt(publicExponent === '' ? '0' : `0x${publicExponent}`);
    } else if (typeof publicExponent === 'number') {
      publicExponent = BigInt(publicExponent);
    } else if (typeof publicExponent !== 'bigint') {
      let value = 0n;
      for (const byte of new Uint8Array(publicExponent)) value = (value << 8n) | BigInt(byte);
      publicExponent = value;
    }
    return { ...details, publicExponent };
  }
  return details;
}

class PublicKeyObject extends AsymmetricKeyObject {
  constructor(handle) {
    super('public', handle);
  }

  export(options) {
    if (options && options.format === 'jwk') {
      return this[kHandle].exportJwk();
    }
    const { format, type } = parsePublicKeyEncoding(options, this.asymmetricKeyType);
    return this[kHandle].export(format, type);
  }
}

class PrivateKeyObject extends AsymmetricKeyObject {
  constructor(handle) {
    super('private', handle);
  }

  export(options) {
    if (options && options.format === 'jwk') {
      if (options.passphrase !== undefined) {
        throw new ERR_CRYPTO_INCOMPATIBLE_KEY_OPTIONS('jwk', 'does not support encryption');
      }
      return this[kHandle].exportJwk();
    }
    const {
      format, type, cipher, passphrase,
    } = parsePrivateKeyEncoding(options, this.asymmetricKeyType);
    if (cipher != null) validateCipherName(cipher);
    return this[kHandle].export(format, type, cipher, passphrase);
  }
}

// ERR_CRYPTO_UNKNOWN_CIPHER for a cipher OpenSSL would not know (the native export checks
// too; this keeps key generation from running before the error). Known: a cipher
// getCiphers() lists (the export may still refuse it as OpenSSL does) or one the key
// encryption implements (aes-*-cfb1, des-ede3-cfb, des-*, … are not all listed).
function validateCipherName(cipher) {
  if (binding.keyCipherKnown(cipher)) return;
  const { getCiphers } = require('internal/crypto/cipher');
  const name = cipher.toLowerCase();
  if (!getCiphers().some((c) => c.toLowerCase() === name)) {
    throw new ERR_CRYPTO_UNKNOWN_CIPHER();
  }
}

function parseKeyFormat(formatStr, defaultFormat, optionName) {
  if (formatStr === undefined && defaultFormat !== undefined) return defaultFormat;
  if (formatStr === 'pem' || formatStr === 'der' || formatStr === 'jwk') return formatStr;
  throw new ERR_INVALID_ARG_VALUE(optionName, formatStr);
}

function parseKeyType(typeStr, required, keyType, isPublic, optionName) {
  if (typeStr === undefined && !required) {
    return undefined;
  } else if (typeStr === 'pkcs1') {
    if (keyType !== undefined && keyType !== 'rsa') {
      throw new ERR_CRYPTO_INCOMPATIBLE_KEY_OPTIONS(typeStr, 'can only be used for RSA keys');
    }
    return 'pkcs1';
  } else if (typeStr === 'spki' && isPublic !== false) {
    return 'spki';
  } else if (typeStr === 'pkcs8' && isPublic !== true) {
    return 'pkcs8';
  } else if (typeStr === 'sec1' && isPublic !== true) {
    if (keyType !== undefined && keyType !== 'ec') {
      throw new ERR_CRYPTO_INCOMPATIBLE_KEY_OPTIONS(typeStr, 'can only be used for EC keys');
    }
    return 'sec1';
  }
  throw new ERR_INVALID_ARG_VALUE(optionName, typeStr);
}

function option(name, objName) {
  return objName === undefined ? `options.${name}` : `options.${objName}.${name}`;
}

function parseKeyFormatAndType(enc, keyType, isPublic, objName) {
  const { format: formatStr, type: typeStr } = enc;
  const isInput = keyType === undefined;
  const format = parseKeyFormat(formatStr, isInput ? 'pem' : undefined, option('format', objName));
  const isRequired = (!isInput || format === 'der') && format !== 'jwk';
  const type = parseKeyType(typeStr, isRequired, keyType, isPublic, option('type', objName));
  return { format, type };
}

function isStringOrBuffer(val) {
  return typeof val === 'string' || isArrayBufferView(val) || isAnyArrayBuffer(val);
}

// An input (keyType undefined) or output encoding: format, type, cipher and passphrase,
// validated as Node does.
function parseKeyEncoding(enc, keyType, isPublic, objName) {
  validateObject(enc, 'options');

  const isInput = keyType === undefined;
  const { format, type } = parseKeyFormatAndType(enc, keyType, isPublic, objName);

  let cipher, passphrase, encoding;
  if (isPublic !== true) {
    ({ cipher, passphrase, encoding } = enc);

    if (!isInput) {
      if (cipher != null) {
        if (typeof cipher !== 'string') {
          throw new ERR_INVALID_ARG_VALUE(option('cipher', objName), cipher);
        }
        if (format === 'der' && (type === 'pkcs1' || type === 'sec1')) {
          throw new ERR_CRYPTO_INCOMPATIBLE_KEY_OPTIONS(type, 'does not support encryption');
        }
      } else if (passphrase !== undefined) {
        throw new ERR_INVALID_ARG_VALUE(option('cipher', objName), cipher);
      }
    }

    if ((isInput && passphrase !== undefined && !isStringOrBuffer(passphrase)) ||
        (!isInput && cipher != null && !isStringOrBuffer(passphrase))) {
      throw new ERR_INVALID_ARG_VALUE(option('passphrase', objName), passphrase);
    }
  }

  if (passphrase !== undefined) {
    passphrase = getArrayBufferOrView(passphrase, 'key.passphrase', encoding);
  }

  return { format, type, cipher, passphrase };
}

// keyType must be undefined for an input encoding, a key type for an output encoding.
function parsePublicKeyEncoding(enc, keyType, objName) {
  return parseKeyEncoding(enc, keyType, keyType ? true : undefined, objName);
}

function parsePrivateKeyEncoding(enc, keyType, objName) {
  return parseKeyEncoding(enc, keyType, false, objName);
}

function getKeyObjectHandle(key, ctx) {
  if (ctx === kCreatePrivate) {
    throw new ERR_INVALID_ARG_TYPE(
      'key', ['string', 'ArrayBuffer', 'Buffer', 'TypedArray', 'DataView'], key);
  }
  if (key.type !== 'private') {
    if (ctx === kConsumePrivate || ctx === kCreatePublic) {
      throw new ERR_CRYPTO_INVALID_KEY_OBJECT_TYPE(key.type, 'private');
    }
    if (key.type !== 'public') {
      throw new ERR_CRYPTO_INVALID_KEY_OBJECT_TYPE(key.type, 'private or public');
    }
  }
  return key[kHandle];
}

function getKeyTypes(allowKeyObject, bufferOnly = false) {
  const types = [
    'ArrayBuffer', 'Buffer', 'TypedArray', 'DataView', 'string', 'KeyObject', 'CryptoKey',
  ];
  if (bufferOnly) return types.slice(0, 4);
  if (!allowKeyObject) return types.slice(0, 5);
  return types;
}

// Imports a JWK through the native table; a failed import is ERR_CRYPTO_INVALID_JWK
// unless the native side said more precisely what is wrong with it.
function importJwk(jwk, isPublic) {
  let result;
  try {
    result = binding.keyImport('jwk', JSON.stringify(jwk), null, null, isPublic);
  } catch (err) {
    if (err != null && typeof err.code === 'string' && err.code.startsWith('ERR_CRYPTO_')) {
      throw err;
    }
    throw new ERR_CRYPTO_INVALID_JWK();
  }
  if (result === undefined) throw new ERR_CRYPTO_INVALID_JWK();
  return handleFromImport(result);
}

const kMlDsaPublicLengths = {
  __proto__: null, 'ML-DSA-44': 1312, 'ML-DSA-65': 1952, 'ML-DSA-87': 2592,
};
const kOkpKeyLengths = { __proto__: null, Ed25519: 32, X25519: 32, Ed448: 57, X448: 56 };

function getKeyObjectHandleFromJwk(key, ctx) {
  validateObject(key, 'key');
  validateOneOf(key.kty, 'key.kty', ['RSA', 'EC', 'OKP', 'AKP']);
  const isPublic = ctx === kConsumePublic || ctx === kCreatePublic;

  if (key.kty === 'AKP') {
    // ML-DSA: the public key, or the private key from its 32-byte seed (`priv`).
    validateOneOf(key.alg, 'key.alg', ['ML-DSA-44', 'ML-DSA-65', 'ML-DSA-87']);
    validateString(key.pub, 'key.pub');
    if (isPublic) {
      if (Buffer.from(key.pub, 'base64url').byteLength !== kMlDsaPublicLengths[key.alg]) {
        throw new ERR_CRYPTO_INVALID_JWK();
      }
      return importJwk({ kty: 'AKP', alg: key.alg, pub: key.pub }, true);
    }
    validateString(key.priv, 'key.priv');
    if (Buffer.from(key.priv, 'base64url').byteLength !== 32) {
      throw new ERR_CRYPTO_INVALID_JWK();
    }
    return importJwk({ kty: 'AKP', alg: key.alg, pub: key.pub, priv: key.priv }, false);
  }

  if (key.kty === 'OKP') {
    validateString(key.crv, 'key.crv');
    validateOneOf(key.crv, 'key.crv', ['Ed25519', 'Ed448', 'X25519', 'X448']);
    validateString(key.x, 'key.x');
    if (!isPublic) validateString(key.d, 'key.d');

    const keyData = Buffer.from(isPublic ? key.x : key.d, 'base64');
    if (keyData.byteLength !== kOkpKeyLengths[key.crv]) throw new ERR_CRYPTO_INVALID_JWK();

    const jwk = { kty: 'OKP', crv: key.crv, x: key.x };
    if (!isPublic) jwk.d = key.d;
    return importJwk(jwk, isPublic);
  }

  if (key.kty === 'EC') {
    validateString(key.crv, 'key.crv');
    validateOneOf(key.crv, 'key.crv', ['P-256', 'secp256k1', 'P-384', 'P-521']);
    validateString(key.x, 'key.x');
    validateString(key.y, 'key.y');
    const jwk = { kty: key.kty, crv: key.crv, x: key.x, y: key.y };
    if (!isPublic) {
      validateString(key.d, 'key.d');
      jwk.d = key.d;
    }
    return importJwk(jwk, isPublic);
  }

  // RSA
  validateString(key.n, 'key.n');
  validateString(key.e, 'key.e');
  const jwk = { kty: key.kty, n: key.n, e: key.e };
  if (!isPublic) {
    for (const name of ['d', 'p', 'q', 'dp', 'dq', 'qi']) {
      validateString(key[name], `key.${name}`);
      jwk[name] = key[name];
    }
  }
  return importJwk(jwk, isPublic);
}

// What a key input names, as Node's prepareAsymmetricKey reads it: `data` is a handle
// (KeyObject, CryptoKey or JWK input; `keyObject` set for the first two) or the bytes of
// a PEM/DER key with its format, type and passphrase.
function prepareAsymmetricKey(key, ctx) {
  if (isKeyObject(key)) {
    return { data: getKeyObjectHandle(key, ctx), keyObject: key };
  } else if (isCryptoKey(key)) {
    return { data: getKeyObjectHandle(key[kKeyObject], ctx), keyObject: key[kKeyObject] };
  } else if (isStringOrBuffer(key)) {
    // Expect PEM by default, mostly for backward compatibility.
    return { format: 'pem', data: getArrayBufferOrView(key, 'key') };
  } else if (typeof key === 'object') {
    const { key: data, encoding, format } = key;

    // The 'key' property can be a KeyObject as well to allow specifying additional
    // options such as padding along with the key.
    if (isKeyObject(data)) {
      return { data: getKeyObjectHandle(data, ctx), keyObject: data };
    } else if (isCryptoKey(data)) {
      return { data: getKeyObjectHandle(data[kKeyObject], ctx), keyObject: data[kKeyObject] };
    } else if (format === 'jwk') {
      validateObject(data, 'key.key');
      return { data: getKeyObjectHandleFromJwk(data, ctx), format: 'jwk' };
    }

    // Either PEM or DER using PKCS#1 or SPKI.
    if (!isStringOrBuffer(data)) {
      throw new ERR_INVALID_ARG_TYPE('key.key', getKeyTypes(ctx !== kCreatePrivate), data);
    }

    const isPublic = (ctx === kConsumePrivate || ctx === kCreatePrivate) ? false : undefined;
    return {
      data: getArrayBufferOrView(data, 'key', encoding),
      ...parseKeyEncoding(key, undefined, isPublic),
    };
  }
  throw new ERR_INVALID_ARG_TYPE('key', getKeyTypes(ctx !== kCreatePrivate), key);
}

// The native key for prepared PEM/DER bytes: the key itself, or for public contexts its
// public half (a public key, a private key or a certificate is accepted there).
function importPrepared({ data, format, type, passphrase }, wantPublic) {
  return handleFromImport(binding.keyImport(
    format, toUint8Array(data), type ?? null,
    passphrase === undefined ? null : toUint8Array(passphrase), wantPublic));
}

function wrapHandle(handle) {
  return handle.keyType === 'private' ?
    new PrivateKeyObject(handle) : new PublicKeyObject(handle);
}

// For the ops: `{ id, keyObject }` of the key `key` names, as Node's sign/privateDecrypt
// accept it (PEM/DER in a string or buffer, `{ key, format, type, passphrase, encoding }`,
// a JWK `{ key, format: 'jwk' }`, a private KeyObject or CryptoKey). `keyObject` keeps
// the native key alive while the id is in use.
function preparePrivateKey(key) {
  return prepared(prepareAsymmetricKey(key, kConsumePrivate), false);
}

// As preparePrivateKey, for inputs that may be public or private (verify, publicEncrypt,
// publicDecrypt). Key bytes are imported as their public key.
function preparePublicOrPrivateKey(key) {
  return prepared(prepareAsymmetricKey(key, kConsumePublic), true);
}

function prepared(result, wantPublic) {
  let { keyObject } = result;
  if (keyObject === undefined) {
    const handle = result.format === 'jwk' ? result.data : importPrepared(result, wantPublic);
    keyObject = wrapHandle(handle);
  }
  const handle = keyObject[kHandle];
  return {
    id: handle.id,
    keyObject,
    keyType: keyObject.type,
    asymmetricKeyType: handle.getAsymmetricKeyType(),
  };
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
    throw new ERR_INVALID_ARG_TYPE('key', getKeyTypes(!bufferOnly, bufferOnly), key);
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

function createPublicKey(key) {
  const result = prepareAsymmetricKey(key, kCreatePublic);
  let handle;
  if (result.format === 'jwk') {
    handle = result.data;
  } else if (result.data instanceof AsymmetricKeyHandle) {
    // A private KeyObject or CryptoKey: its public half.
    handle = result.data.toPublic();
  } else {
    handle = importPrepared(result, true);
  }
  return new PublicKeyObject(handle);
}

function createPrivateKey(key) {
  const result = prepareAsymmetricKey(key, kCreatePrivate);
  const handle = result.format === 'jwk' ? result.data : importPrepared(result, false);
  return new PrivateKeyObject(handle);
}

// The native id of an asymmetric KeyObject (or of a CryptoKey's KeyObject).
function getKeyId(keyObject) {
  if (isCryptoKey(keyObject)) keyObject = keyObject[kKeyObject];
  const handle = keyObject[kHandle];
  if (!(handle instanceof AsymmetricKeyHandle)) {
    throw new ERR_CRYPTO_INVALID_KEY_OBJECT_TYPE(keyObject.type, 'private or public');
  }
  return handle.id;
}

// A PublicKeyObject or PrivateKeyObject owning native key `id` (which it frees).
function keyObjectFromId(id, keyType, asymmetricKeyType) {
  if (keyType !== 'public' && keyType !== 'private') {
    throw new ERR_INVALID_ARG_VALUE('keyType', keyType);
  }
  return wrapHandle(new AsymmetricKeyHandle(id, keyType, asymmetricKeyType));
}

function isKeyObject(value) {
  return value instanceof KeyObject;
}

// Web Crypto's CryptoKey: an algorithm, usages and extractability over a KeyObject.
class CryptoKey {
  constructor(token, keyObject, algorithm, extractable, usages) {
    if (token !== kConstruct) throw new ERR_ILLEGAL_CONSTRUCTOR();
    // Non-enumerable, read-only slots as Node's defineCryptoKeyProperties makes them.
    Object.defineProperties(this, {
      [kKeyObject]: { __proto__: null, value: keyObject },
      [kAlgorithm]: { __proto__: null, value: algorithm },
      [kExtractable]: { __proto__: null, value: extractable },
      [kKeyUsages]: { __proto__: null, value: usages },
    });
  }

  get type() {
    if (!isCryptoKey(this)) throw new ERR_INVALID_THIS('CryptoKey');
    return this[kKeyObject].type;
  }

  get extractable() {
    if (!isCryptoKey(this)) throw new ERR_INVALID_THIS('CryptoKey');
    return this[kExtractable];
  }

  // A copy per key, made once (with its own `hash` and `publicExponent`), so that user code
  // changing it alters neither the key's slot nor other keys, as Node does.
  get algorithm() {
    if (!isCryptoKey(this)) throw new ERR_INVALID_THIS('CryptoKey');
    if (!this[kCachedAlgorithm]) {
      const algorithm = { ...this[kAlgorithm] };
      if (algorithm.hash) algorithm.hash = { ...algorithm.hash };
      if (algorithm.publicExponent) {
        algorithm.publicExponent = new Uint8Array(algorithm.publicExponent);
      }
      defineCache(this, kCachedAlgorithm, algorithm);
    }
    return this[kCachedAlgorithm];
  }

  get usages() {
    if (!isCryptoKey(this)) throw new ERR_INVALID_THIS('CryptoKey');
    if (!this[kCachedKeyUsages]) defineCache(this, kCachedKeyUsages, Array.from(this[kKeyUsages]));
    return this[kCachedKeyUsages];
  }
}

// Node assigns the caches as plain properties; non-enumerable ones keep deep equality and
// inspection with customInspect off independent of whether a getter ran.
function defineCache(key, symbol, value) {
  Object.defineProperty(key, symbol, { __proto__: null, value, configurable: true });
}

// util.inspect shows a CryptoKey's four attributes, as Node does.
function inspectCryptoKey(depth, options, inspect) {
  if (depth < 0) return this;
  const opts = { ...options, depth: options.depth == null ? null : options.depth - 1 };
  // The internal slots, not the (user-changeable) cached copies the getters return.
  const fields = {
    type: this[kKeyObject].type,
    extractable: this[kExtractable],
    algorithm: this[kAlgorithm],
    usages: this[kKeyUsages],
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

module.exports = {
  toUint8Array,
  // Public API.
  createPrivateKey,
  createPublicKey,
  createSecretKey,
  CryptoKey,
  KeyObject,

  // Internal.
  AsymmetricKeyHandle,
  getArrayBufferOrView,
  getKeyId,
  handleFromImport,
  isCryptoKey,
  isKeyObject,
  kAlgorithm,
  kExtractable,
  kHandle,
  keyObjectFromId,
  kKeyObject,
  kKeyType,
  kKeyUsages,
  makeCryptoKey,
  parseKeyEncoding,
  parsePrivateKeyEncoding,
  parsePublicKeyEncoding,
  preparePrivateKey,
  preparePublicOrPrivateKey,
  prepareSecretKey,
  PrivateKeyObject,
  PublicKeyObject,
  SecretKeyObject,
  validateCipherName,
};
