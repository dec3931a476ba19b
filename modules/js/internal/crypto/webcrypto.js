'use strict';
// The Web Crypto `Crypto` object (globalThis.crypto, require('crypto').webcrypto):
// getRandomValues(), randomUUID() and `subtle`. SubtleCrypto covers the secret-key
// algorithms so far: digest (SHA-*, SHA3-*, cSHAKE), HMAC sign/verify, AES-GCM/CBC/CTR/OCB
// and ChaCha20-Poly1305 encrypt/decrypt, AES-KW wrapKey/unwrapKey, HKDF and PBKDF2
// deriveBits/deriveKey, generateKey for HMAC, AES and ChaCha20-Poly1305, import/export of
// raw and JWK secret keys. Errors are DOMExceptions named as Node's.

const { Buffer } = require('buffer');
const { codes: { ERR_ILLEGAL_CONSTRUCTOR, ERR_INVALID_THIS } } = require('internal/errors');
const { DOMException } = require('internal/dom_exception');
const {
  isArrayBuffer, isArrayBufferView, isSharedArrayBuffer,
} = require('internal/util/types');
const random = require('internal/crypto/random');
const {
  createSecretKey, isCryptoKey, kKeyObject, makeCryptoKey, prepareSecretKey,
} = require('internal/crypto/keys');

const binding = internalBinding('crypto');

class Crypto {
  constructor() {
    throw new ERR_ILLEGAL_CONSTRUCTOR();
  }

  getRandomValues(array) {
    if (this !== crypto) throw new ERR_INVALID_THIS('Crypto');
    return random.getRandomValues(array);
  }

  randomUUID() {
    if (this !== crypto) throw new ERR_INVALID_THIS('Crypto');
    return random.randomUUID();
  }

  get subtle() {
    if (this !== crypto) throw new ERR_INVALID_THIS('Crypto');
    return subtle;
  }
}

Object.defineProperties(Crypto.prototype, {
  [Symbol.toStringTag]: { __proto__: null, value: 'Crypto', configurable: true },
  getRandomValues: { __proto__: null, enumerable: true },
  randomUUID: { __proto__: null, enumerable: true },
  subtle: { __proto__: null, enumerable: true },
});

const crypto = Object.create(Crypto.prototype);

// Algorithm names as the spec spells them, by lower-cased name.
const kNames = {
  'sha-1': 'SHA-1',
  'sha-256': 'SHA-256',
  'sha-384': 'SHA-384',
  'sha-512': 'SHA-512',
  'sha3-256': 'SHA3-256',
  'sha3-384': 'SHA3-384',
  'sha3-512': 'SHA3-512',
  'cshake128': 'cSHAKE128',
  'cshake256': 'cSHAKE256',
  'hmac': 'HMAC',
  'aes-gcm': 'AES-GCM',
  'aes-cbc': 'AES-CBC',
  'aes-ctr': 'AES-CTR',
  'aes-kw': 'AES-KW',
  'aes-ocb': 'AES-OCB',
  'chacha20-poly1305': 'ChaCha20-Poly1305',
  'hkdf': 'HKDF',
  'pbkdf2': 'PBKDF2',
};
const kDigests = ['SHA-1', 'SHA-256', 'SHA-384', 'SHA-512', 'SHA3-256', 'SHA3-384', 'SHA3-512'];
// The name internalBinding('crypto') knows each digest by.
const nodeHash = (name) => name.replace('SHA-', 'sha').toLowerCase();
const kAes = ['AES-GCM', 'AES-CBC', 'AES-CTR', 'AES-KW', 'AES-OCB'];
// Algorithms newer than the Web Crypto spec's first edition: secret keys only as 'raw-secret'.
const kRawSecretOnly = ['AES-OCB', 'ChaCha20-Poly1305'];
const rawFormatOk = (format, name) =>
  format === 'raw-secret' || (format === 'raw' && !kRawSecretOnly.includes(name));
// The usages each secret-key algorithm allows.
const kUsages = {
  'HMAC': ['sign', 'verify'],
  'AES-GCM': ['encrypt', 'decrypt', 'wrapKey', 'unwrapKey'],
  'AES-CBC': ['encrypt', 'decrypt', 'wrapKey', 'unwrapKey'],
  'AES-CTR': ['encrypt', 'decrypt', 'wrapKey', 'unwrapKey'],
  'AES-OCB': ['encrypt', 'decrypt', 'wrapKey', 'unwrapKey'],
  'ChaCha20-Poly1305': ['encrypt', 'decrypt', 'wrapKey', 'unwrapKey'],
  'AES-KW': ['wrapKey', 'unwrapKey'],
  'HKDF': ['deriveKey', 'deriveBits'],
  'PBKDF2': ['deriveKey', 'deriveBits'],
};

// The argument description Node's WebIDL errors use.
function kArgument(method, position) {
  const suffix = ['st', 'nd', 'rd'][position - 1] ?? 'th';
  return `'${method}' on 'SubtleCrypto': ${position}${suffix} argument`;
}

// Node marks the SHA-3 family, ChaCha20-Poly1305 and AES-OCB in Web Crypto experimental:
// one warning per algorithm, when its name is first normalized.
const warnedExperimental = new Set();
function warnExperimental(name) {
  if (!/^(SHA3-|cSHAKE|ChaCha20-Poly1305|AES-OCB)/.test(name) || warnedExperimental.has(name)) {
    return;
  }
  warnedExperimental.add(name);
  process.emitWarning(`The ${name} Web Crypto API algorithm is an experimental feature and ` +
                      'might change at any time', 'ExperimentalWarning');
}

function notSupported(message = 'Unrecognized algorithm name') {
  return new DOMException(message, 'NotSupportedError');
}

// The canonical name of `algorithm`: an object with `name`, or anything else converted
// to a string, as WebIDL's algorithm normalization does.
function algorithmName(algorithm) {
  let name = algorithm;
  if (typeof algorithm === 'object' && algorithm !== null) {
    name = algorithm.name;
    if (name === undefined) {
      const err = new TypeError("Failed to normalize algorithm: passed algorithm can not be " +
        "converted to 'Algorithm' because 'name' is required in 'Algorithm'.");
      err.code = 'ERR_MISSING_OPTION';
      throw err;
    }
  }
  const canonical = kNames[`${name}`.toLowerCase()];
  if (canonical === undefined) throw notSupported();
  warnExperimental(canonical);
  return canonical;
}

function hashName(hash) {
  const name = algorithmName(hash);
  if (!kDigests.includes(name)) throw notSupported();
  return name;
}

// The bytes of a BufferSource, copied (the caller may change its buffer afterwards).
// `name` says which argument it is, for the error: "'digest' on 'SubtleCrypto': 2nd argument".
function bufferSource(value, name = 'data') {
  // WebIDL's BufferSource excludes shared memory.
  if (isArrayBuffer(value)) return new Uint8Array(value.slice(0));
  if (isArrayBufferView(value) && !isSharedArrayBuffer(value.buffer)) {
    const end = value.byteOffset + value.byteLength;
    return new Uint8Array(value.buffer.slice(value.byteOffset, end));
  }
  const err = new TypeError(`Failed to execute ${name} is not instance of ` +
                            'ArrayBuffer, Buffer, TypedArray, or DataView.');
  err.code = 'ERR_INVALID_ARG_TYPE';
  throw err;
}

function toArrayBuffer(bytes) {
  return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
}

// The key usages, checked against what `name` allows (Node's messages). Node keeps them
// as given, repeats included.
function checkUsages(name, usages, importing, allowEmpty = false) {
  const allowed = kUsages[name];
  for (const usage of usages) {
    if (!allowed.includes(usage)) {
      const kind = name === 'HMAC' ? 'HMAC' : name.startsWith('AES-') ? 'an AES' : `a ${name}`;
      throw new DOMException(`Unsupported key usage for ${kind} key`, 'SyntaxError');
    }
  }
  if (usages.length === 0 && !allowEmpty) {
    throw new DOMException(importing ? 'Usages cannot be empty when importing a secret key.' :
      'Usages cannot be empty when creating a key.', 'SyntaxError');
  }
  return usages;
}

function keyBytes(key) {
  return prepareSecretKey(key[kKeyObject]);
}

// Checks that `key` is a CryptoKey for `name` allowing `usage`.
function checkKey(key, name, usage) {
  if (!isCryptoKey(key)) throw new TypeError('The "key" argument must be an instance of CryptoKey');
  if (usage === 'deriveBits' && !key.usages.includes(usage)) {
    throw new DOMException('baseKey does not have deriveBits usage', 'InvalidAccessError');
  }
  if (key.algorithm.name !== name || !key.usages.includes(usage)) {
    const message = usage === 'sign' || usage === 'verify' ?
      `Unable to use this key to ${usage}` :
      'The requested operation is not valid for the provided key';
    throw new DOMException(message, 'InvalidAccessError');
  }
}

// A CryptoKey for `name` over `bytes`, with the key algorithm the spec gives it.
function secretCryptoKey(name, bytes, algorithm, extractable, usages, importing) {
  let keyAlgorithm;
  if (name === 'HMAC') {
    const hash = hashName(algorithm.hash);
    let length = bytes.byteLength * 8;
    if (algorithm.length !== undefined) {
      if (algorithm.length > length || algorithm.length <= length - 8) {
        throw new DOMException('Invalid key length', 'DataError');
      }
      length = algorithm.length;
    }
    if (length === 0) throw new DOMException('Zero-length key is not supported', 'DataError');
    keyAlgorithm = { name, length, hash: { name: hash } };
  } else if (name === 'ChaCha20-Poly1305') {
    if (bytes.byteLength !== 32) throw new DOMException('Invalid key length', 'DataError');
    keyAlgorithm = { name };
  } else if (kAes.includes(name)) {
    if (![16, 24, 32].includes(bytes.byteLength)) {
      throw new DOMException('Invalid key length', 'DataError');
    }
    keyAlgorithm = { name, length: bytes.byteLength * 8 };
  } else {
    if (extractable) {
      throw new DOMException(`${name} keys are not extractable`, 'SyntaxError');
    }
    keyAlgorithm = { name };
  }
  return makeCryptoKey(createSecretKey(bytes), keyAlgorithm, extractable,
                       checkUsages(name, usages, importing));
}

// An HMAC key's default length in bits: the digest's block size.
function hmacDefaultLength(hash) {
  return { 'SHA-1': 512, 'SHA-256': 512, 'SHA-384': 1024, 'SHA-512': 1024, 'SHA3-256': 1088,
           'SHA3-384': 832, 'SHA3-512': 576 }[hash];
}

function digestBytes(hash, data) {
  return binding.hashOneShot(hash, data);
}

function hmacBytes(hash, key, data) {
  const { createHmac } = require('crypto');
  return createHmac(hash, key).update(data).digest();
}

// AES-CBC/CTR/GCM on `data` with the parameters in `algorithm`.
function aesCipher(encrypt, algorithm, key, data) {
  const { createCipheriv, createDecipheriv } = require('crypto');
  const bits = key.algorithm.length;
  const bytes = keyBytes(key);
  const create = encrypt ? createCipheriv : createDecipheriv;
  switch (key.algorithm.name) {
    case 'AES-CBC': {
      const iv = bufferSource(algorithm.iv, 'iv');
      if (iv.byteLength !== 16) {
        throw new DOMException('algorithm.iv must contain exactly 16 bytes', 'OperationError');
      }
      try {
        const c = create(`aes-${bits}-cbc`, bytes, iv);
        return Buffer.concat([c.update(data), c.final()]);
      } catch {
        throw new DOMException('The operation failed for an operation-specific reason',
                               'OperationError');
      }
    }
    case 'AES-CTR': {
      const counter = bufferSource(algorithm.counter, 'counter');
      if (counter.byteLength !== 16) {
        throw new DOMException('algorithm.counter must contain exactly 16 bytes',
                               'OperationError');
      }
      if (!(algorithm.length > 0 && algorithm.length <= 128)) {
        throw new DOMException('AES-CTR algorithm.length must be between 1 and 128',
                               'OperationError');
      }
      const c = create(`aes-${bits}-ctr`, bytes, counter);
      return Buffer.concat([c.update(data), c.final()]);
    }
    case 'AES-GCM':
    case 'AES-OCB': {
      const ocb = key.algorithm.name === 'AES-OCB';
      const iv = bufferSource(algorithm.iv, 'iv');
      const tagLength = algorithm.tagLength ?? 128;
      const tagLengths = ocb ? [64, 96, 128] : [32, 64, 96, 104, 112, 120, 128];
      if (!tagLengths.includes(tagLength)) {
        throw new DOMException(`${tagLength} is not a valid ${key.algorithm.name} tag length`,
                               'OperationError');
      }
      if (ocb && iv.byteLength > 15) {
        throw new DOMException('AES-OCB algorithm.iv must be no more than 15 bytes',
                               'OperationError');
      }
      const tagBytes = tagLength / 8;
      const c = create(`aes-${bits}-${ocb ? 'ocb' : 'gcm'}`, bytes, iv,
                       { authTagLength: tagBytes });
      if (algorithm.additionalData !== undefined) {
        c.setAAD(bufferSource(algorithm.additionalData, 'additionalData'));
      }
      if (encrypt) {
        return Buffer.concat([c.update(data), c.final(), c.getAuthTag()]);
      }
      if (data.byteLength < tagBytes) {
        throw new DOMException('The provided data is too small.', 'OperationError');
      }
      c.setAuthTag(data.subarray(data.byteLength - tagBytes));
      try {
        return Buffer.concat([c.update(data.subarray(0, data.byteLength - tagBytes)), c.final()]);
      } catch {
        throw new DOMException('The operation failed for an operation-specific reason',
                               'OperationError');
      }
    }
    case 'ChaCha20-Poly1305': {
      const iv = bufferSource(algorithm.iv, 'iv');
      const tagLength = algorithm.tagLength ?? 128;
      if (tagLength !== 128) {
        throw new DOMException(`${tagLength} is not a valid ChaCha20-Poly1305 tag length`,
                               'OperationError');
      }
      if (iv.byteLength !== 12) {
        throw new DOMException('algorithm.iv must contain exactly 12 bytes', 'OperationError');
      }
      const c = create('chacha20-poly1305', bytes, iv, { authTagLength: 16 });
      if (algorithm.additionalData !== undefined) {
        c.setAAD(bufferSource(algorithm.additionalData, 'additionalData'));
      }
      if (encrypt) return Buffer.concat([c.update(data), c.final(), c.getAuthTag()]);
      if (data.byteLength < 16) {
        throw new DOMException('The provided data is too small.', 'OperationError');
      }
      c.setAuthTag(data.subarray(data.byteLength - 16));
      try {
        return Buffer.concat([c.update(data.subarray(0, data.byteLength - 16)), c.final()]);
      } catch {
        throw new DOMException('The operation failed for an operation-specific reason',
                               'OperationError');
      }
    }
    default:
      throw notSupported();
  }
}

// The JWK "alg" a secret key of `name` (and `length` bits, or HMAC `hash`) carries.
function jwkAlg(name, length, hash) {
  if (name === 'HMAC') return hash.startsWith('SHA-') ? `HS${hash.slice(4)}` : undefined;
  if (name === 'ChaCha20-Poly1305') return 'C20P';
  if (name.startsWith('AES-')) return `A${length}${name.slice(4)}`;
  return undefined;
}

// The key bytes of a JWK for a secret key, checked as Node checks them.
function jwkSecretBytes(jwk, name, algorithm, extractable, usages) {
  if (typeof jwk !== 'object' || jwk === null || typeof jwk.kty !== 'string') {
    throw new DOMException('Invalid keyData', 'DataError');
  }
  if (jwk.kty !== 'oct') throw new DOMException('Invalid JWK "kty" Parameter', 'DataError');
  if (typeof jwk.k !== 'string') {
    throw new DOMException('Invalid keyData', 'DataError');
  }
  const expectedUse = name === 'HMAC' ? 'sig' : 'enc';
  if (jwk.use !== undefined && jwk.use !== expectedUse) {
    throw new DOMException('Invalid JWK "use" Parameter', 'DataError');
  }
  if (jwk.key_ops !== undefined) {
    if (!Array.isArray(jwk.key_ops) || !usages.every((usage) => jwk.key_ops.includes(usage))) {
      throw new DOMException('Key operations and usage mismatch', 'DataError');
    }
  }
  if (jwk.ext === false && extractable) {
    throw new DOMException('JWK "ext" Parameter and extractable mismatch', 'DataError');
  }
  const bytes = new Uint8Array(Buffer.from(jwk.k, 'base64url'));
  if (jwk.alg !== undefined) {
    const hash = name === 'HMAC' ? hashName(algorithm.hash) : undefined;
    if (jwk.alg !== jwkAlg(name, bytes.byteLength * 8, hash)) {
      throw new DOMException('JWK "alg" does not match the requested algorithm', 'DataError');
    }
  }
  return bytes;
}

// Wraps (or unwraps) key bytes: AES-KW as RFC 3394, the other AES modes as encryption.
function wrapBytes(wrap, algorithm, key, bytes) {
  if (key.algorithm.name !== 'AES-KW') return aesCipher(wrap, algorithm, key, bytes);
  const { createCipheriv, createDecipheriv } = require('crypto');
  const create = wrap ? createCipheriv : createDecipheriv;
  try {
    const c = create(`id-aes${key.algorithm.length}-wrap`, keyBytes(key),
                     Buffer.from('A6A6A6A6A6A6A6A6', 'hex'));
    return Buffer.concat([c.update(bytes), c.final()]);
  } catch {
    throw new DOMException('The operation failed for an operation-specific reason',
                           'OperationError');
  }
}

// The bits HKDF or PBKDF2 derive with `algorithm` from `baseKey`.
function deriveBitsSync(algorithm, baseKey, length) {
  const name = algorithmName(algorithm);
  checkKey(baseKey, name, 'deriveBits');
  if (length === null || length === undefined || length % 8 !== 0) {
    throw new DOMException('length must be a multiple of 8', 'OperationError');
  }
  const hash = nodeHash(hashName(algorithm.hash));
  const bytes = keyBytes(baseKey);
  if (length === 0) return new ArrayBuffer(0);
  if (name === 'HKDF') {
    const { hkdfSync } = require('internal/crypto/hkdf');
    return hkdfSync(hash, bytes, bufferSource(algorithm.salt, 'salt'),
                    bufferSource(algorithm.info, 'info'), length / 8);
  }
  if (name === 'PBKDF2') {
    if (!(algorithm.iterations > 0)) {
      throw new DOMException('iterations cannot be zero', 'OperationError');
    }
    const { pbkdf2Sync } = require('internal/crypto/pbkdf2');
    return toArrayBuffer(pbkdf2Sync(bytes, bufferSource(algorithm.salt, 'salt'),
                                    algorithm.iterations, length / 8, hash));
  }
  throw notSupported();
}

// Runs `fn` as an async operation: its result or error settles the promise.
function operation(fn) {
  return new Promise((resolve) => resolve(fn()));
}

class SubtleCrypto {
  constructor() {
    throw new ERR_ILLEGAL_CONSTRUCTOR();
  }

  digest(algorithm, data) {
    return operation(() => {
      const name = algorithmName(algorithm);
      if (name === 'cSHAKE128' || name === 'cSHAKE256') {
        // Without customization (all this accepts), cSHAKE is SHAKE (SP 800-185).
        const { length } = algorithm;
        if (typeof length !== 'number' || length % 8 !== 0) {
          throw new DOMException('Unsupported CShakeParams length', 'NotSupportedError');
        }
        for (const field of ['functionName', 'customization']) {
          if (algorithm[field] !== undefined && bufferSource(algorithm[field]).byteLength) {
            throw new DOMException(`Unsupported CShakeParams ${field} value`, 'NotSupportedError');
          }
        }
        return toArrayBuffer(binding.hashOneShot(`shake${name.slice(6)}`,
                                                 bufferSource(data, kArgument('digest', 2)),
                                                 length / 8));
      }
      if (!kDigests.includes(name)) throw notSupported();
      return toArrayBuffer(digestBytes(nodeHash(name),
                                       bufferSource(data, kArgument('digest', 2))));
    });
  }

  importKey(format, keyData, algorithm, extractable, keyUsages) {
    return operation(() => {
      const name = algorithmName(algorithm);
      if (!kUsages[name]) throw notSupported();
      // Node checks the usages before the key data (and their emptiness after).
      checkUsages(name, [...keyUsages], true, true);
      let bytes;
      if (rawFormatOk(format, name)) {
        bytes = bufferSource(keyData, kArgument('importKey', 2));
      } else if (format === 'jwk' && name !== 'HKDF' && name !== 'PBKDF2') {
        bytes = jwkSecretBytes(keyData, name, typeof algorithm === 'object' ? algorithm : {},
                               extractable, [...keyUsages]);
      } else {
        throw notSupported(`Unable to import ${name} using ${format} format`);
      }
      return secretCryptoKey(name, bytes, typeof algorithm === 'object' ? algorithm : {},
                             !!extractable, [...keyUsages], true);
    });
  }

  exportKey(format, key) {
    return operation(() => {
      if (!isCryptoKey(key)) {
        throw new TypeError('The "key" argument must be an instance of CryptoKey');
      }
      // Node names this DOMException 'InvalidAccessException'.
      if (!key.extractable) {
        throw new DOMException('key is not extractable', 'InvalidAccessException');
      }
      const bytes = Buffer.from(keyBytes(key));
      if (rawFormatOk(format, key.algorithm.name)) return toArrayBuffer(bytes);
      if (format === 'jwk') {
        const jwk = { key_ops: key.usages, ext: true };
        const { name, length, hash } = key.algorithm;
        const alg = jwkAlg(name, length, hash?.name);
        if (alg !== undefined) jwk.alg = alg;
        jwk.kty = 'oct';
        jwk.k = bytes.toString('base64url');
        return jwk;
      }
      throw notSupported(
        `Unable to export ${key.algorithm.name} secret key using ${format} format`);
    });
  }

  generateKey(algorithm, extractable, keyUsages) {
    return operation(() => {
      const name = algorithmName(algorithm);
      let length;
      if (name === 'HMAC') {
        hashName(algorithm.hash);
        length = algorithm.length ?? hmacDefaultLength(hashName(algorithm.hash));
      } else if (kAes.includes(name)) {
        length = algorithm.length;
        if (![128, 192, 256].includes(length)) {
          throw new DOMException('AES key length must be 128, 192, or 256 bits',
                                 'OperationError');
        }
      } else if (name === 'ChaCha20-Poly1305') {
        length = 256;
      } else {
        throw notSupported();
      }
      const bytes = random.randomBytes(Math.ceil(length / 8));
      return secretCryptoKey(name, bytes, { ...algorithm, length }, !!extractable,
                             [...keyUsages]);
    });
  }

  sign(algorithm, key, data) {
    return operation(() => {
      const name = algorithmName(algorithm);
      if (name !== 'HMAC') throw notSupported();
      checkKey(key, name, 'sign');
      const hash = nodeHash(key.algorithm.hash.name);
      const bytes = bufferSource(data, kArgument('sign', 3));
      return toArrayBuffer(hmacBytes(hash, keyBytes(key), bytes));
    });
  }

  verify(algorithm, key, signature, data) {
    return operation(() => {
      const name = algorithmName(algorithm);
      if (name !== 'HMAC') throw notSupported();
      checkKey(key, name, 'verify');
      const hash = nodeHash(key.algorithm.hash.name);
      const given = bufferSource(signature, kArgument('verify', 3));
      const expected = hmacBytes(hash, keyBytes(key), bufferSource(data, kArgument('verify', 4)));
      return given.byteLength === expected.byteLength &&
        binding.timingSafeEqual(given, expected);
    });
  }

  encrypt(algorithm, key, data) {
    return operation(() => {
      const name = algorithmName(algorithm);
      checkKey(key, name, 'encrypt');
      const bytes = bufferSource(data, kArgument('encrypt', 3));
      return toArrayBuffer(aesCipher(true, algorithm, key, bytes));
    });
  }

  decrypt(algorithm, key, data) {
    return operation(() => {
      const name = algorithmName(algorithm);
      checkKey(key, name, 'decrypt');
      const bytes = bufferSource(data, kArgument('decrypt', 3));
      return toArrayBuffer(aesCipher(false, algorithm, key, bytes));
    });
  }

  deriveBits(algorithm, baseKey, length = null) {
    return operation(() => deriveBitsSync(algorithm, baseKey, length));
  }

  wrapKey(format, key, wrappingKey, wrapAlgorithm) {
    return this.exportKey(format, key).then((exported) => {
      const name = algorithmName(wrapAlgorithm);
      checkKey(wrappingKey, name, 'wrapKey');
      const bytes = format === 'jwk' ?
        Buffer.from(JSON.stringify(exported)) : new Uint8Array(exported);
      return toArrayBuffer(wrapBytes(true, wrapAlgorithm, wrappingKey, bytes));
    });
  }

  unwrapKey(format, wrappedKey, unwrappingKey, unwrapAlgorithm, unwrappedKeyAlgorithm,
            extractable, keyUsages) {
    return operation(() => {
      const name = algorithmName(unwrapAlgorithm);
      checkKey(unwrappingKey, name, 'unwrapKey');
      const bytes = wrapBytes(false, unwrapAlgorithm, unwrappingKey,
                              bufferSource(wrappedKey, kArgument('unwrapKey', 2)));
      const keyData = format === 'jwk' ? JSON.parse(Buffer.from(bytes).toString()) : bytes;
      return subtle.importKey(format, keyData, unwrappedKeyAlgorithm, extractable, keyUsages);
    });
  }

  getPublicKey(key, keyUsages) {
    return operation(() => {
      if (!isCryptoKey(key)) {
        throw new TypeError('The "key" argument must be an instance of CryptoKey');
      }
      throw new DOMException('key must be a private key', 'InvalidAccessError');
    });
  }

  // Whether `operation` with `algorithm` is available (secret-key algorithms only here).
  static supports(operation, algorithm, lengthOrAdditionalAlgorithm = null) {
    if (this !== SubtleCrypto) throw new ERR_INVALID_THIS('SubtleCrypto constructor');
    let name;
    try {
      name = algorithmName(algorithm);
    } catch {
      return false;
    }
    switch (operation) {
      case 'digest':
        return kDigests.includes(name) || name.startsWith('cSHAKE');
      case 'sign': case 'verify':
        return name === 'HMAC';
      case 'encrypt': case 'decrypt':
        return ['AES-GCM', 'AES-CBC', 'AES-CTR', 'AES-OCB', 'ChaCha20-Poly1305'].includes(name);
      case 'wrapKey': case 'unwrapKey':
        return kAes.includes(name);
      case 'deriveBits': case 'deriveKey':
        return name === 'HKDF' || name === 'PBKDF2';
      case 'generateKey':
        return name === 'HMAC' || kAes.includes(name) || name === 'ChaCha20-Poly1305';
      case 'importKey': case 'exportKey':
        return kUsages[name] !== undefined;
      default:
        return false;
    }
  }

  deriveKey(algorithm, baseKey, derivedKeyAlgorithm, extractable, keyUsages) {
    return operation(() => {
      const name = algorithmName(algorithm);
      checkKey(baseKey, name, 'deriveKey');
      const derivedName = algorithmName(derivedKeyAlgorithm);
      let length = derivedKeyAlgorithm.length;
      if (derivedName === 'HMAC' && length === undefined) {
        length = hmacDefaultLength(hashName(derivedKeyAlgorithm.hash));
      }
      const usages = baseKey.usages;
      // deriveBits is checked against deriveKey here, as the spec does.
      const bits = deriveBitsSync(algorithm,
                                  makeCryptoKey(baseKey[kKeyObject], baseKey.algorithm, false,
                                                [...usages, 'deriveBits']),
                                  length);
      return secretCryptoKey(derivedName, new Uint8Array(bits), derivedKeyAlgorithm,
                             !!extractable, [...keyUsages]);
    });
  }
}

// Each method rejects when called on anything but the one SubtleCrypto, as Node's do.
for (const name of Object.getOwnPropertyNames(SubtleCrypto.prototype)) {
  if (name === 'constructor') continue;
  const method = SubtleCrypto.prototype[name];
  const checked = {
    [name](...args) {
      if (this !== subtle) return Promise.reject(new ERR_INVALID_THIS('SubtleCrypto'));
      return Reflect.apply(method, this, args);
    },
  }[name];
  Object.defineProperty(checked, 'length', { __proto__: null, value: method.length });
  Object.defineProperty(SubtleCrypto.prototype, name, {
    __proto__: null, value: checked, writable: true, enumerable: true, configurable: true,
  });
}

Object.defineProperties(SubtleCrypto.prototype, {
  [Symbol.toStringTag]: { __proto__: null, value: 'SubtleCrypto', configurable: true },
});

const subtle = Object.create(SubtleCrypto.prototype);

// KeyObject.prototype.toCryptoKey for a secret key: a CryptoKey for `algorithm` over the
// key's bytes, checked as importKey checks them.
function secretKeyToCryptoKey(keyObject, algorithm, extractable, keyUsages) {
  const name = algorithmName(algorithm);
  if (!kUsages[name]) throw notSupported();
  return secretCryptoKey(name, prepareSecretKey(keyObject),
                         typeof algorithm === 'object' ? algorithm : {}, !!extractable,
                         [...keyUsages], true);
}

module.exports = { Crypto, SubtleCrypto, crypto, secretKeyToCryptoKey, subtle };
