'use strict';
// Web Crypto's secret-key algorithms in the shape of Node's lib/internal/crypto/aes.js,
// chacha20_poly1305.js, mac.js, hkdf.js, pbkdf2.js and keys.js importGenericSecretKey:
// AES-CTR/CBC/GCM/OCB/KW, ChaCha20-Poly1305, HMAC, HKDF and PBKDF2 over secret KeyObjects.
// The cipher work runs through the Cipheriv/Hmac classes, KDFs on the blocking pool.

const { Buffer } = require('buffer');
const binding = internalBinding('crypto');
const { createSecretKey, makeCryptoKey, prepareSecretKey } = require('internal/crypto/keys');
const {
  getBlockSize,
  hasAnyNotIn,
  jobPromise,
  lazyDOMException,
  normalizeHashName,
  validateKeyOps,
} = require('internal/crypto/webcrypto/util');
const { keyAlgorithm, bytesOf } = require('internal/crypto/webcrypto/keyutil');

const kEncrypt = 0;
const kDecrypt = 1;

function newCryptoKey(keyObject, algorithm, usages, extractable) {
  return makeCryptoKey(keyObject, algorithm, extractable, usages);
}

function keyBytes(key) {
  return prepareSecretKey(key);
}

// A secret KeyObject from a JWK's "k" (Node's KeyObjectHandle.initJwk for oct keys).
function secretFromJwk(keyData) {
  if (typeof keyData.k !== 'string') {
    throw lazyDOMException('Invalid keyData', 'DataError');
  }
  return createSecretKey(Buffer.from(keyData.k, 'base64url'));
}

function checkJwkCommon(keyData, usagesSet, extractable, use) {
  if (!keyData.kty)
    throw lazyDOMException('Invalid keyData', 'DataError');
  if (keyData.kty !== 'oct')
    throw lazyDOMException('Invalid JWK "kty" Parameter', 'DataError');
  if (usagesSet.size > 0 && keyData.use !== undefined && keyData.use !== use) {
    throw lazyDOMException('Invalid JWK "use" Parameter', 'DataError');
  }
  validateKeyOps(keyData.key_ops, usagesSet);
  if (keyData.ext !== undefined && keyData.ext === false && extractable === true) {
    throw lazyDOMException('JWK "ext" Parameter and extractable mismatch', 'DataError');
  }
}

// ---- AES ----

function getAlgorithmName(name, length) {
  switch (name) {
    case 'AES-CBC': return `A${length}CBC`;
    case 'AES-CTR': return `A${length}CTR`;
    case 'AES-GCM': return `A${length}GCM`;
    case 'AES-KW': return `A${length}KW`;
    case 'AES-OCB': return `A${length}OCB`;
  }
}

function validateAesKeyLength(length) {
  if (length !== 128 && length !== 192 && length !== 256)
    throw lazyDOMException('Invalid key length', 'DataError');
}

function opFailed() {
  return lazyDOMException('The operation failed for an operation-specific reason',
                          'OperationError');
}

// AES in `mode` over `data` (bytes) with the normalized `algorithm`.
function aesCipherSync(mode, key, data, algorithm) {
  const { createCipheriv, createDecipheriv } = require('crypto');
  const encrypt = mode === kEncrypt;
  const create = encrypt ? createCipheriv : createDecipheriv;
  const { length: bits } = keyAlgorithm(key);
  const bytes = keyBytes(key);
  switch (algorithm.name) {
    case 'AES-CBC': {
      try {
        const c = create(`aes-${bits}-cbc`, bytes, algorithm.iv);
        return Buffer.concat([c.update(data), c.final()]);
      } catch (err) {
        throw lazyDOMException('The operation failed for an operation-specific reason',
                               { name: 'OperationError', cause: err });
      }
    }
    case 'AES-CTR': {
      // Node's job: the counter's rightmost `length` bits must not wrap around.
      const c = create(`aes-${bits}-ctr`, bytes, algorithm.counter);
      return Buffer.concat([c.update(data), c.final()]);
    }
    case 'AES-GCM':
    case 'AES-OCB': {
      const ocb = algorithm.name === 'AES-OCB';
      const tagBytes = (algorithm.tagLength ?? 128) / 8;
      let input = data;
      let tag;
      if (!encrypt) {
        if (data.byteLength < tagBytes) {
          throw lazyDOMException('The provided data is too small.', 'OperationError');
        }
        tag = data.subarray(data.byteLength - tagBytes);
        input = data.subarray(0, data.byteLength - tagBytes);
      }
      const c = create(`aes-${bits}-${ocb ? 'ocb' : 'gcm'}`, bytes, algorithm.iv,
                       { authTagLength: tagBytes });
      if (algorithm.additionalData !== undefined) c.setAAD(algorithm.additionalData);
      if (encrypt) return Buffer.concat([c.update(input), c.final(), c.getAuthTag()]);
      c.setAuthTag(tag);
      try {
        return Buffer.concat([c.update(input), c.final()]);
      } catch (err) {
        throw lazyDOMException('The operation failed for an operation-specific reason',
                               { name: 'OperationError', cause: err });
      }
    }
    case 'AES-KW': {
      try {
        const c = create(`id-aes${bits}-wrap`, bytes, Buffer.from('A6A6A6A6A6A6A6A6', 'hex'));
        return Buffer.concat([c.update(data), c.final()]);
      } catch (err) {
        throw lazyDOMException('The operation failed for an operation-specific reason',
                               { name: 'OperationError', cause: err });
      }
    }
  }
  throw lazyDOMException('Unrecognized algorithm name', 'NotSupportedError');
}

function toArrayBuffer(bytes) {
  return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
}

async function aesCipher(mode, key, data, algorithm) {
  return toArrayBuffer(aesCipherSync(mode, key, bytesOf(data), algorithm));
}

async function aesGenerateKey(algorithm, extractable, keyUsages) {
  const { name, length } = algorithm;
  const checkUsages = ['wrapKey', 'unwrapKey'];
  if (name !== 'AES-KW') checkUsages.push('encrypt', 'decrypt');
  const usagesSet = new Set(keyUsages);
  if (hasAnyNotIn(usagesSet, checkUsages)) {
    throw lazyDOMException('Unsupported key usage for an AES key', 'SyntaxError');
  }
  const key = createSecretKey(require('internal/crypto/random').randomBytes(length / 8));
  return newCryptoKey(key, { name, length }, Array.from(usagesSet), extractable);
}

function aesImportKey(algorithm, format, keyData, extractable, keyUsages) {
  const { name } = algorithm;
  const checkUsages = ['wrapKey', 'unwrapKey'];
  if (name !== 'AES-KW') checkUsages.push('encrypt', 'decrypt');
  const usagesSet = new Set(keyUsages);
  if (hasAnyNotIn(usagesSet, checkUsages)) {
    throw lazyDOMException('Unsupported key usage for an AES key', 'SyntaxError');
  }
  let keyObject;
  switch (format) {
    case 'KeyObject':
      validateAesKeyLength(keyData.symmetricKeySize * 8);
      keyObject = keyData;
      break;
    case 'raw-secret':
    case 'raw':
      if (format === 'raw' && name === 'AES-OCB') return undefined;
      validateAesKeyLength(keyData.byteLength * 8);
      keyObject = createSecretKey(bytesOf(keyData));
      break;
    case 'jwk': {
      checkJwkCommon(keyData, usagesSet, extractable, 'enc');
      keyObject = secretFromJwk(keyData);
      const length = keyObject.symmetricKeySize * 8;
      validateAesKeyLength(length);
      if (keyData.alg !== undefined && keyData.alg !== getAlgorithmName(name, length)) {
        throw lazyDOMException('JWK "alg" does not match the requested algorithm', 'DataError');
      }
      break;
    }
    default:
      return undefined;
  }
  const length = keyObject.symmetricKeySize * 8;
  validateAesKeyLength(length);
  return newCryptoKey(keyObject, { name, length }, keyUsages, extractable);
}

// ---- ChaCha20-Poly1305 ----

async function c20pCipher(mode, key, data, algorithm) {
  const { createCipheriv, createDecipheriv } = require('crypto');
  data = bytesOf(data);
  const encrypt = mode === kEncrypt;
  let tag;
  if (!encrypt) {
    if (data.byteLength < 16) {
      throw lazyDOMException('The provided data is too small.', 'OperationError');
    }
    tag = data.subarray(data.byteLength - 16);
    data = data.subarray(0, data.byteLength - 16);
  }
  const c = (encrypt ? createCipheriv : createDecipheriv)(
    'chacha20-poly1305', keyBytes(key), algorithm.iv, { authTagLength: 16 });
  if (algorithm.additionalData !== undefined) c.setAAD(algorithm.additionalData);
  if (encrypt) return toArrayBuffer(Buffer.concat([c.update(data), c.final(), c.getAuthTag()]));
  c.setAuthTag(tag);
  try {
    return toArrayBuffer(Buffer.concat([c.update(data), c.final()]));
  } catch (err) {
    throw lazyDOMException('The operation failed for an operation-specific reason',
                           { name: 'OperationError', cause: err });
  }
}

async function c20pGenerateKey(algorithm, extractable, keyUsages) {
  const { name } = algorithm;
  const usagesSet = new Set(keyUsages);
  if (hasAnyNotIn(usagesSet, ['encrypt', 'decrypt', 'wrapKey', 'unwrapKey'])) {
    throw lazyDOMException(`Unsupported key usage for a ${name} key`, 'SyntaxError');
  }
  const key = createSecretKey(require('internal/crypto/random').randomBytes(32));
  return newCryptoKey(key, { name }, Array.from(usagesSet), extractable);
}

function c20pImportKey(algorithm, format, keyData, extractable, keyUsages) {
  const { name } = algorithm;
  const usagesSet = new Set(keyUsages);
  if (hasAnyNotIn(usagesSet, ['encrypt', 'decrypt', 'wrapKey', 'unwrapKey'])) {
    throw lazyDOMException(`Unsupported key usage for a ${name} key`, 'SyntaxError');
  }
  let keyObject;
  switch (format) {
    case 'KeyObject':
      keyObject = keyData;
      break;
    case 'raw-secret':
      keyObject = createSecretKey(bytesOf(keyData));
      break;
    case 'jwk':
      checkJwkCommon(keyData, usagesSet, extractable, 'enc');
      keyObject = secretFromJwk(keyData);
      if (keyData.alg !== undefined && keyData.alg !== 'C20P') {
        throw lazyDOMException('JWK "alg" does not match the requested algorithm', 'DataError');
      }
      break;
    default:
      return undefined;
  }
  if (keyObject.symmetricKeySize * 8 !== 256) {
    throw lazyDOMException('Invalid key length', 'DataError');
  }
  return newCryptoKey(keyObject, { name }, keyUsages, extractable);
}

// ---- HMAC ----

async function hmacGenerateKey(algorithm, extractable, keyUsages) {
  const { hash, name, length = getBlockSize(hash.name) } = algorithm;
  const usageSet = new Set(keyUsages);
  if (hasAnyNotIn(usageSet, ['sign', 'verify'])) {
    throw lazyDOMException('Unsupported key usage for an HMAC key', 'SyntaxError');
  }
  const key = createSecretKey(require('internal/crypto/random').randomBytes(length / 8));
  return newCryptoKey(key, { name, length, hash }, Array.from(usageSet), extractable);
}

function macImportKey(format, keyData, algorithm, extractable, keyUsages) {
  const isHmac = algorithm.name === 'HMAC';
  const usagesSet = new Set(keyUsages);
  if (hasAnyNotIn(usagesSet, ['sign', 'verify'])) {
    throw lazyDOMException(`Unsupported key usage for ${algorithm.name} key`, 'SyntaxError');
  }
  let keyObject;
  switch (format) {
    case 'KeyObject':
      keyObject = keyData;
      break;
    case 'raw-secret':
    case 'raw':
      if (format === 'raw' && !isHmac) {
        return undefined;
      }
      keyObject = createSecretKey(bytesOf(keyData));
      break;
    case 'jwk': {
      checkJwkCommon(keyData, usagesSet, extractable, 'sig');
      if (keyData.alg !== undefined) {
        const expected = isHmac ?
          normalizeHashName(algorithm.hash.name, normalizeHashName.kContextJwkHmac) :
          `K${algorithm.name.substring(4)}`;
        if (expected && keyData.alg !== expected) {
          throw lazyDOMException('JWK "alg" does not match the requested algorithm',
                                 'DataError');
        }
      }
      keyObject = secretFromJwk(keyData);
      break;
    }
    default:
      return undefined;
  }
  const length = keyObject.symmetricKeySize * 8;
  if (length === 0) throw lazyDOMException('Zero-length key is not supported', 'DataError');
  if (algorithm.length !== undefined && algorithm.length !== length) {
    throw lazyDOMException('Invalid key length', 'DataError');
  }
  const algorithmObject = { name: algorithm.name, length };
  if (isHmac) {
    algorithmObject.hash = algorithm.hash;
  }
  return newCryptoKey(keyObject, algorithmObject, keyUsages, extractable);
}

async function hmacSignVerify(key, data, algorithm, signature) {
  const { createHmac } = require('crypto');
  const hash = normalizeHashName(keyAlgorithm(key).hash.name);
  const mac = createHmac(hash, keyBytes(key)).update(bytesOf(data)).digest();
  if (signature === undefined) return toArrayBuffer(mac);
  const given = bytesOf(signature);
  return given.byteLength === mac.byteLength && binding.timingSafeEqual(given, mac);
}

// ---- HKDF, PBKDF2 ----

function validateHkdfDeriveBitsLength(length) {
  if (length === null)
    throw lazyDOMException('length cannot be null', 'OperationError');
  if (length % 8) {
    throw lazyDOMException('length must be a multiple of 8', 'OperationError');
  }
}

async function hkdfDeriveBits(algorithm, baseKey, length) {
  validateHkdfDeriveBitsLength(length);
  const { hash, salt, info } = algorithm;
  if (length === 0) return new ArrayBuffer(0);
  const { hkdf } = require('internal/crypto/hkdf');
  return jobPromise(() => new Promise((resolve, reject) => {
    hkdf(normalizeHashName(hash.name), keyBytes(baseKey), salt, info, length / 8,
         (err, bits) => (err ? reject(err) : resolve(bits)));
  }));
}

const validatePbkdf2DeriveBitsLength = validateHkdfDeriveBitsLength;

async function pbkdf2DeriveBits(algorithm, baseKey, length) {
  validatePbkdf2DeriveBitsLength(length);
  const { iterations, hash, salt } = algorithm;
  if (length === 0) return new ArrayBuffer(0);
  const { pbkdf2 } = require('internal/crypto/pbkdf2');
  return jobPromise(() => new Promise((resolve, reject) => {
    pbkdf2(keyBytes(baseKey), salt, iterations, length / 8, normalizeHashName(hash.name),
           (err, bits) => (err ? reject(err) : resolve(toArrayBuffer(bits))));
  }));
}

function importGenericSecretKey(algorithm, format, keyData, extractable, keyUsages) {
  const usagesSet = new Set(keyUsages);
  const { name } = algorithm;
  if (extractable)
    throw lazyDOMException(`${name} keys are not extractable`, 'SyntaxError');
  if (hasAnyNotIn(usagesSet, ['deriveKey', 'deriveBits'])) {
    throw lazyDOMException(`Unsupported key usage for a ${name} key`, 'SyntaxError');
  }
  let keyObject;
  switch (format) {
    case 'KeyObject':
      keyObject = keyData;
      break;
    case 'raw-secret':
    case 'raw':
      keyObject = createSecretKey(bytesOf(keyData));
      break;
    default:
      return undefined;
  }
  return newCryptoKey(keyObject, { name }, keyUsages, false);
}

module.exports = {
  aesCipher,
  aesGenerateKey,
  aesImportKey,
  c20pCipher,
  c20pGenerateKey,
  c20pImportKey,
  getAlgorithmName,
  hkdfDeriveBits,
  hmacGenerateKey,
  hmacSignVerify,
  importGenericSecretKey,
  kDecrypt,
  kEncrypt,
  macImportKey,
  pbkdf2DeriveBits,
  validateHkdfDeriveBitsLength,
  validatePbkdf2DeriveBitsLength,
};
