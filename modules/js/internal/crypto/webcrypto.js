'use strict';
// The Web Crypto API: the `Crypto` object (globalThis.crypto, require('crypto').webcrypto)
// and SubtleCrypto, ported from Node's lib/internal/crypto/webcrypto.js. WebIDL argument
// conversion and algorithm normalization live in webcrypto/webidl.js and webcrypto/util.js;
// the algorithms in webcrypto/secret.js (AES-*, ChaCha20-Poly1305, HMAC, HKDF, PBKDF2),
// webcrypto/rsa.js (RSASSA-PKCS1-v1_5, RSA-PSS, RSA-OAEP), webcrypto/ec.js (ECDSA, ECDH)
// and webcrypto/cfrg.js (Ed25519, Ed448, X25519, X448). Errors are DOMExceptions named and
// worded as Node's.

const {
  ArrayPrototypeIncludes,
  FunctionPrototypeCall,
  JSONParse,
  JSONStringify,
  ObjectDefineProperties,
  ReflectApply,
  ReflectConstruct,
  StringPrototypeRepeat,
  StringPrototypeSlice,
  StringPrototypeStartsWith,
  SymbolToStringTag,
} = require('internal/crypto/webcrypto/primordials');

const { Buffer } = require('buffer');
const {
  codes: {
    ERR_ILLEGAL_CONSTRUCTOR,
    ERR_INVALID_THIS,
  },
} = require('internal/errors');
const {
  CryptoKey,
  kKeyObject,
  prepareSecretKey,
} = require('internal/crypto/keys');
const {
  emitExperimentalWarning,
  getBlockSize,
  lazyDOMException,
  normalizeAlgorithm,
  normalizeHashName,
  validateMaxBufferLength,
} = require('internal/crypto/webcrypto/util');
const {
  exportJwk,
  keyAlgorithm,
  keyExtractable,
  keyType,
  keyUsages: getKeyUsages,
  publicOf,
  toArrayBuffer,
} = require('internal/crypto/webcrypto/keyutil');
const {
  importGenericSecretKey,
  kDecrypt,
  kEncrypt,
} = require('internal/crypto/webcrypto/secret');
const random = require('internal/crypto/random');

const binding = internalBinding('crypto');
const kEnumerableProperty = { __proto__: null, enumerable: true };

function secretBytes(key) {
  return toArrayBuffer(prepareSecretKey(key[kKeyObject]));
}

// SHA-*, SHA3-* and cSHAKE (without customization cSHAKE is SHAKE, SP 800-185).
async function asyncDigest(algorithm, data) {
  validateMaxBufferLength(data, 'data');
  const bytes = require('internal/crypto/webcrypto/keyutil').bytesOf(data);
  switch (algorithm.name) {
    case 'SHA-1':
    case 'SHA-256':
    case 'SHA-384':
    case 'SHA-512':
    case 'SHA3-256':
    case 'SHA3-384':
    case 'SHA3-512':
      return toArrayBuffer(binding.hashOneShot(normalizeHashName(algorithm.name), bytes));
    case 'cSHAKE128':
    case 'cSHAKE256':
      return toArrayBuffer(binding.hashOneShot(normalizeHashName(algorithm.name), bytes,
                                               algorithm.length / 8));
  }
  throw lazyDOMException('Unrecognized algorithm name', 'NotSupportedError');
}

function _randomUUID() {
  return random.randomUUID();
}

function _getRandomValues(array) {
  return random.getRandomValues(array);
}

function createPublicKey(keyObject) {
  return publicOf(keyObject);
}

let webidl;

async function digest(algorithm, data) {
  if (this !== subtle) throw new ERR_INVALID_THIS('SubtleCrypto');

  webidl ??= require('internal/crypto/webcrypto/webidl');
  const prefix = "Failed to execute 'digest' on 'SubtleCrypto'";
  webidl.requiredArguments(arguments.length, 2, { prefix });
  algorithm = webidl.converters.AlgorithmIdentifier(algorithm, {
    prefix,
    context: '1st argument',
  });
  data = webidl.converters.BufferSource(data, {
    prefix,
    context: '2nd argument',
  });

  algorithm = normalizeAlgorithm(algorithm, 'digest');

  return await FunctionPrototypeCall(asyncDigest, this, algorithm, data);
}

function randomUUID() {
  if (this !== crypto) throw new ERR_INVALID_THIS('Crypto');
  return _randomUUID();
}

async function generateKey(
  algorithm,
  extractable,
  keyUsages) {
  if (this !== subtle) throw new ERR_INVALID_THIS('SubtleCrypto');

  webidl ??= require('internal/crypto/webcrypto/webidl');
  const prefix = "Failed to execute 'generateKey' on 'SubtleCrypto'";
  webidl.requiredArguments(arguments.length, 3, { prefix });
  algorithm = webidl.converters.AlgorithmIdentifier(algorithm, {
    prefix,
    context: '1st argument',
  });
  extractable = webidl.converters.boolean(extractable, {
    prefix,
    context: '2nd argument',
  });
  keyUsages = webidl.converters['sequence<KeyUsage>'](keyUsages, {
    prefix,
    context: '3rd argument',
  });

  algorithm = normalizeAlgorithm(algorithm, 'generateKey');
  let result;
  let resultType;
  switch (algorithm.name) {
    case 'RSASSA-PKCS1-v1_5':
      // Fall through
    case 'RSA-PSS':
      // Fall through
    case 'RSA-OAEP':
      resultType = 'CryptoKeyPair';
      result = await require('internal/crypto/webcrypto/rsa')
        .rsaKeyGenerate(algorithm, extractable, keyUsages);
      break;
    case 'Ed25519':
      // Fall through
    case 'Ed448':
      // Fall through
    case 'X25519':
      // Fall through
    case 'X448':
      resultType = 'CryptoKeyPair';
      result = await require('internal/crypto/webcrypto/cfrg')
        .cfrgGenerateKey(algorithm, extractable, keyUsages);
      break;
    case 'ECDSA':
      // Fall through
    case 'ECDH':
      resultType = 'CryptoKeyPair';
      result = await require('internal/crypto/webcrypto/ec')
        .ecGenerateKey(algorithm, extractable, keyUsages);
      break;
    case 'HMAC':
      resultType = 'CryptoKey';
      result = await require('internal/crypto/webcrypto/secret')
        .hmacGenerateKey(algorithm, extractable, keyUsages);
      break;
    case 'AES-CTR':
      // Fall through
    case 'AES-CBC':
      // Fall through
    case 'AES-GCM':
      // Fall through
    case 'AES-OCB':
      // Fall through
    case 'AES-KW':
      resultType = 'CryptoKey';
      result = await require('internal/crypto/webcrypto/secret')
        .aesGenerateKey(algorithm, extractable, keyUsages);
      break;
    case 'ChaCha20-Poly1305':
      resultType = 'CryptoKey';
      result = await require('internal/crypto/webcrypto/secret')
        .c20pGenerateKey(algorithm, extractable, keyUsages);
      break;
    case 'ML-DSA-44':
      // Fall through
    case 'ML-DSA-65':
      // Fall through
    case 'ML-DSA-87':
      resultType = 'CryptoKeyPair';
      result = await require('internal/crypto/webcrypto/ml_dsa')
        .mlDsaGenerateKey(algorithm, extractable, keyUsages);
      break;
    case 'ML-KEM-512':
      // Fall through
    case 'ML-KEM-768':
      // Fall through
    case 'ML-KEM-1024':
      resultType = 'CryptoKeyPair';
      result = await require('internal/crypto/webcrypto/ml_kem')
        .mlKemGenerateKey(algorithm, extractable, keyUsages);
      break;
    case 'KMAC128':
      // Fall through
    case 'KMAC256':
      resultType = 'CryptoKey';
      result = await require('internal/crypto/webcrypto/kmac')
        .kmacGenerateKey(algorithm, extractable, keyUsages);
      break;
    default:
      throw lazyDOMException('Unrecognized algorithm name', 'NotSupportedError');
  }

  if (
    (resultType === 'CryptoKey' &&
      (keyType(result) === 'secret' || keyType(result) === 'private') &&
      getKeyUsages(result).length === 0) ||
    (resultType === 'CryptoKeyPair' && getKeyUsages(result.privateKey).length === 0)
  ) {
    throw lazyDOMException(
      'Usages cannot be empty when creating a key.',
      'SyntaxError');
  }

  return result;
}

async function deriveBits(algorithm, baseKey, length = null) {
  if (this !== subtle) throw new ERR_INVALID_THIS('SubtleCrypto');

  webidl ??= require('internal/crypto/webcrypto/webidl');
  const prefix = "Failed to execute 'deriveBits' on 'SubtleCrypto'";
  webidl.requiredArguments(arguments.length, 2, { prefix });
  algorithm = webidl.converters.AlgorithmIdentifier(algorithm, {
    prefix,
    context: '1st argument',
  });
  baseKey = webidl.converters.CryptoKey(baseKey, {
    prefix,
    context: '2nd argument',
  });
  if (length !== null) {
    length = webidl.converters['unsigned long'](length, {
      prefix,
      context: '3rd argument',
    });
  }

  algorithm = normalizeAlgorithm(algorithm, 'deriveBits');
  if (!ArrayPrototypeIncludes(getKeyUsages(baseKey), 'deriveBits')) {
    throw lazyDOMException(
      'baseKey does not have deriveBits usage',
      'InvalidAccessError');
  }
  if (keyAlgorithm(baseKey).name !== algorithm.name)
    throw lazyDOMException('Key algorithm mismatch', 'InvalidAccessError');
  switch (algorithm.name) {
    case 'X25519':
      // Fall through
    case 'X448':
      // Fall through
    case 'ECDH':
      return await require('internal/crypto/webcrypto/ec')
        .ecdhDeriveBits(algorithm, baseKey, length);
    case 'HKDF':
      return await require('internal/crypto/webcrypto/secret')
        .hkdfDeriveBits(algorithm, baseKey, length);
    case 'PBKDF2':
      return await require('internal/crypto/webcrypto/secret')
        .pbkdf2DeriveBits(algorithm, baseKey, length);
    case 'Argon2d':
      // Fall through
    case 'Argon2i':
      // Fall through
    case 'Argon2id':
      return await require('internal/crypto/webcrypto/argon2')
        .argon2DeriveBits(algorithm, baseKey, length);
  }
  throw lazyDOMException('Unrecognized algorithm name', 'NotSupportedError');
}

function getKeyLength({ name, length, hash }) {
  switch (name) {
    case 'AES-CTR':
    case 'AES-CBC':
    case 'AES-GCM':
    case 'AES-OCB':
    case 'AES-KW':
      if (length !== 128 && length !== 192 && length !== 256)
        throw lazyDOMException('Invalid key length', 'OperationError');

      return length;
    case 'HMAC':
      if (length === undefined) {
        return getBlockSize(hash?.name);
      }

      if (typeof length === 'number' && length !== 0) {
        return length;
      }

      throw lazyDOMException('Invalid key length', 'OperationError');
    case 'KMAC128':
    case 'KMAC256':
      if (typeof length === 'number') {
        return length;
      }

      return name === 'KMAC128' ? 128 : 256;
    case 'HKDF':
    case 'PBKDF2':
    case 'Argon2d':
    case 'Argon2i':
    case 'Argon2id':
      return null;
    case 'ChaCha20-Poly1305':
      return 256;
  }
}

async function deriveKey(
  algorithm,
  baseKey,
  derivedKeyAlgorithm,
  extractable,
  keyUsages) {
  if (this !== subtle) throw new ERR_INVALID_THIS('SubtleCrypto');

  webidl ??= require('internal/crypto/webcrypto/webidl');
  const prefix = "Failed to execute 'deriveKey' on 'SubtleCrypto'";
  webidl.requiredArguments(arguments.length, 5, { prefix });
  algorithm = webidl.converters.AlgorithmIdentifier(algorithm, {
    prefix,
    context: '1st argument',
  });
  baseKey = webidl.converters.CryptoKey(baseKey, {
    prefix,
    context: '2nd argument',
  });
  derivedKeyAlgorithm = webidl.converters.AlgorithmIdentifier(derivedKeyAlgorithm, {
    prefix,
    context: '3rd argument',
  });
  extractable = webidl.converters.boolean(extractable, {
    prefix,
    context: '4th argument',
  });
  keyUsages = webidl.converters['sequence<KeyUsage>'](keyUsages, {
    prefix,
    context: '5th argument',
  });

  algorithm = normalizeAlgorithm(algorithm, 'deriveBits');
  derivedKeyAlgorithm = normalizeAlgorithm(derivedKeyAlgorithm, 'importKey');
  if (!ArrayPrototypeIncludes(getKeyUsages(baseKey), 'deriveKey')) {
    throw lazyDOMException(
      'baseKey does not have deriveKey usage',
      'InvalidAccessError');
  }
  if (keyAlgorithm(baseKey).name !== algorithm.name)
    throw lazyDOMException('Key algorithm mismatch', 'InvalidAccessError');

  const length = getKeyLength(normalizeAlgorithm(arguments[2], 'get key length'));
  let bits;
  switch (algorithm.name) {
    case 'X25519':
      // Fall through
    case 'X448':
      // Fall through
    case 'ECDH':
      bits = await require('internal/crypto/webcrypto/ec')
        .ecdhDeriveBits(algorithm, baseKey, length);
      break;
    case 'HKDF':
      bits = await require('internal/crypto/webcrypto/secret')
        .hkdfDeriveBits(algorithm, baseKey, length);
      break;
    case 'PBKDF2':
      bits = await require('internal/crypto/webcrypto/secret')
        .pbkdf2DeriveBits(algorithm, baseKey, length);
      break;
    case 'Argon2d':
      // Fall through
    case 'Argon2i':
      // Fall through
    case 'Argon2id':
      bits = await require('internal/crypto/webcrypto/argon2')
        .argon2DeriveBits(algorithm, baseKey, length);
      break;
    default:
      throw lazyDOMException('Unrecognized algorithm name', 'NotSupportedError');
  }

  return FunctionPrototypeCall(
    importKeySync,
    this,
    'raw-secret', bits, derivedKeyAlgorithm, extractable, keyUsages,
  );
}

async function exportKeySpki(key) {
  switch (keyAlgorithm(key).name) {
    case 'RSASSA-PKCS1-v1_5':
      // Fall through
    case 'RSA-PSS':
      // Fall through
    case 'RSA-OAEP':
      return await require('internal/crypto/webcrypto/rsa')
        .rsaExportKey(key, 'spki');
    case 'ECDSA':
      // Fall through
    case 'ECDH':
      return await require('internal/crypto/webcrypto/ec')
        .ecExportKey(key, 'spki');
    case 'Ed25519':
      // Fall through
    case 'Ed448':
      // Fall through
    case 'X25519':
      // Fall through
    case 'X448':
      return await require('internal/crypto/webcrypto/cfrg')
        .cfrgExportKey(key, 'spki');
    case 'ML-DSA-44':
      // Fall through
    case 'ML-DSA-65':
      // Fall through
    case 'ML-DSA-87':
      // Fall through
    case 'ML-KEM-512':
      // Fall through
    case 'ML-KEM-768':
      // Fall through
    case 'ML-KEM-1024':
      return require('internal/crypto/webcrypto/ml_dsa').pqcExportKey(key, 'spki');
    default:
      return undefined;
  }
}

async function exportKeyPkcs8(key) {
  switch (keyAlgorithm(key).name) {
    case 'RSASSA-PKCS1-v1_5':
      // Fall through
    case 'RSA-PSS':
      // Fall through
    case 'RSA-OAEP':
      return await require('internal/crypto/webcrypto/rsa')
        .rsaExportKey(key, 'pkcs8');
    case 'ECDSA':
      // Fall through
    case 'ECDH':
      return await require('internal/crypto/webcrypto/ec')
        .ecExportKey(key, 'pkcs8');
    case 'Ed25519':
      // Fall through
    case 'Ed448':
      // Fall through
    case 'X25519':
      // Fall through
    case 'X448':
      return await require('internal/crypto/webcrypto/cfrg')
        .cfrgExportKey(key, 'pkcs8');
    case 'ML-DSA-44':
      // Fall through
    case 'ML-DSA-65':
      // Fall through
    case 'ML-DSA-87':
      // Fall through
    case 'ML-KEM-512':
      // Fall through
    case 'ML-KEM-768':
      // Fall through
    case 'ML-KEM-1024':
      return require('internal/crypto/webcrypto/ml_dsa').pqcExportKey(key, 'pkcs8');
    default:
      return undefined;
  }
}

async function exportKeyRawPublic(key, format) {
  switch (keyAlgorithm(key).name) {
    case 'ECDSA':
      // Fall through
    case 'ECDH':
      return await require('internal/crypto/webcrypto/ec')
        .ecExportKey(key, 'raw');
    case 'Ed25519':
      // Fall through
    case 'Ed448':
      // Fall through
    case 'X25519':
      // Fall through
    case 'X448':
      return await require('internal/crypto/webcrypto/cfrg')
        .cfrgExportKey(key, 'raw');
    case 'ML-DSA-44':
      // Fall through
    case 'ML-DSA-65':
      // Fall through
    case 'ML-DSA-87':
      // Fall through
    case 'ML-KEM-512':
      // Fall through
    case 'ML-KEM-768':
      // Fall through
    case 'ML-KEM-1024':
      // ML-DSA and ML-KEM keys don't recognize "raw"
      if (format !== 'raw-public') {
        return undefined;
      }
      return require('internal/crypto/webcrypto/ml_dsa').pqcExportKey(key, 'raw');
    default:
      return undefined;
  }
}

async function exportKeyRawSeed(key) {
  switch (keyAlgorithm(key).name) {
    case 'ML-DSA-44':
      // Fall through
    case 'ML-DSA-65':
      // Fall through
    case 'ML-DSA-87':
      // Fall through
    case 'ML-KEM-512':
      // Fall through
    case 'ML-KEM-768':
      // Fall through
    case 'ML-KEM-1024':
      return require('internal/crypto/webcrypto/ml_dsa').pqcExportKey(key, 'raw');
    default:
      return undefined;
  }
}

async function exportKeyRawSecret(key, format) {
  switch (keyAlgorithm(key).name) {
    case 'AES-CTR':
      // Fall through
    case 'AES-CBC':
      // Fall through
    case 'AES-GCM':
      // Fall through
    case 'AES-KW':
      // Fall through
    case 'HMAC':
      return secretBytes(key);
    case 'AES-OCB':
      // Fall through
    case 'KMAC128':
      // Fall through
    case 'KMAC256':
      // Fall through
    case 'ChaCha20-Poly1305':
      if (format === 'raw-secret') {
        return secretBytes(key);
      }
      return undefined;
    default:
      return undefined;
  }
}

async function exportKeyJWK(key) {
  const parameters = {
    key_ops: getKeyUsages(key),
    ext: keyExtractable(key),
  };
  switch (keyAlgorithm(key).name) {
    case 'RSASSA-PKCS1-v1_5': {
      const alg = normalizeHashName(
        keyAlgorithm(key).hash.name,
        normalizeHashName.kContextJwkRsa);
      if (alg) parameters.alg = alg;
      break;
    }
    case 'RSA-PSS': {
      const alg = normalizeHashName(
        keyAlgorithm(key).hash.name,
        normalizeHashName.kContextJwkRsaPss);
      if (alg) parameters.alg = alg;
      break;
    }
    case 'RSA-OAEP': {
      const alg = normalizeHashName(
        keyAlgorithm(key).hash.name,
        normalizeHashName.kContextJwkRsaOaep);
      if (alg) parameters.alg = alg;
      break;
    }
    case 'ECDSA':
      // Fall through
    case 'ECDH':
      // Fall through
    case 'X25519':
      // Fall through
    case 'X448':
      // Fall through
    case 'ML-DSA-44':
      // Fall through
    case 'ML-DSA-65':
      // Fall through
    case 'ML-DSA-87':
      break;
    case 'Ed25519':
      // Fall through
    case 'Ed448':
      parameters.alg = keyAlgorithm(key).name;
      break;
    case 'AES-CTR':
      // Fall through
    case 'AES-CBC':
      // Fall through
    case 'AES-GCM':
      // Fall through
    case 'AES-OCB':
      // Fall through
    case 'AES-KW':
      parameters.alg = require('internal/crypto/webcrypto/secret')
        .getAlgorithmName(keyAlgorithm(key).name, keyAlgorithm(key).length);
      break;
    case 'ChaCha20-Poly1305':
      parameters.alg = 'C20P';
      break;
    case 'HMAC': {
      const alg = normalizeHashName(
        keyAlgorithm(key).hash.name,
        normalizeHashName.kContextJwkHmac);
      if (alg) parameters.alg = alg;
      break;
    }
    case 'KMAC128':
      parameters.alg = 'K128';
      break;
    case 'KMAC256':
      parameters.alg = 'K256';
      break;
    default:
      return undefined;
  }

  if (keyType(key) === 'secret') {
    return { ...parameters, kty: 'oct', k: Buffer.from(prepareSecretKey(key[kKeyObject])).toString('base64url') };
  }
  const jwk = exportJwk(key[kKeyObject]);
  if (jwk.kty === 'AKP' && jwk.priv !== undefined) {
    // Node's order for an ML-DSA private key: priv, kty, alg, pub.
    const { priv, kty, alg, pub } = jwk;
    return { ...parameters, priv, kty, alg, pub };
  }
  return { ...parameters, ...jwk };
}

async function exportKey(format, key) {
  if (this !== subtle) throw new ERR_INVALID_THIS('SubtleCrypto');

  webidl ??= require('internal/crypto/webcrypto/webidl');
  const prefix = "Failed to execute 'exportKey' on 'SubtleCrypto'";
  webidl.requiredArguments(arguments.length, 2, { prefix });
  format = webidl.converters.KeyFormat(format, {
    prefix,
    context: '1st argument',
  });
  key = webidl.converters.CryptoKey(key, {
    prefix,
    context: '2nd argument',
  });

  try {
    normalizeAlgorithm(keyAlgorithm(key), 'exportKey');
  } catch {
    throw lazyDOMException(
      `${keyAlgorithm(key).name} key export is not supported`, 'NotSupportedError');
  }

  if (!keyExtractable(key))
    throw lazyDOMException('key is not extractable', 'InvalidAccessException');

  let result;
  switch (format) {
    case 'spki': {
      if (keyType(key) === 'public') {
        result = await exportKeySpki(key);
      }
      break;
    }
    case 'pkcs8': {
      if (keyType(key) === 'private') {
        result = await exportKeyPkcs8(key);
      }
      break;
    }
    case 'jwk': {
      result = await exportKeyJWK(key);
      break;
    }
    case 'raw-secret': {
      if (keyType(key) === 'secret') {
        result = await exportKeyRawSecret(key, format);
      }
      break;
    }
    case 'raw-public': {
      if (keyType(key) === 'public') {
        result = await exportKeyRawPublic(key, format);
      }
      break;
    }
    case 'raw-seed': {
      if (keyType(key) === 'private') {
        result = await exportKeyRawSeed(key);
      }
      break;
    }
    case 'raw': {
      if (keyType(key) === 'secret') {
        result = await exportKeyRawSecret(key, format);
      } else if (keyType(key) === 'public') {
        result = await exportKeyRawPublic(key, format);
      }
      break;
    }
  }

  if (!result) {
    throw lazyDOMException(
      `Unable to export ${keyAlgorithm(key).name} ${keyType(key)} key using ${format} format`,
      'NotSupportedError');
  }

  return result;
}

function aliasKeyFormat(format) {
  switch (format) {
    case 'raw-public':
    case 'raw-secret':
      return 'raw';
    default:
      return format;
  }
}

function importKeySync(format, keyData, algorithm, extractable, keyUsages) {
  let result;
  switch (algorithm.name) {
    case 'RSASSA-PKCS1-v1_5':
      // Fall through
    case 'RSA-PSS':
      // Fall through
    case 'RSA-OAEP':
      format = aliasKeyFormat(format);
      result = require('internal/crypto/webcrypto/rsa')
        .rsaImportKey(format, keyData, algorithm, extractable, keyUsages);
      break;
    case 'ECDSA':
      // Fall through
    case 'ECDH':
      format = aliasKeyFormat(format);
      result = require('internal/crypto/webcrypto/ec')
        .ecImportKey(format, keyData, algorithm, extractable, keyUsages);
      break;
    case 'Ed25519':
      // Fall through
    case 'Ed448':
      // Fall through
    case 'X25519':
      // Fall through
    case 'X448':
      format = aliasKeyFormat(format);
      result = require('internal/crypto/webcrypto/cfrg')
        .cfrgImportKey(format, keyData, algorithm, extractable, keyUsages);
      break;
    case 'HMAC':
      // Fall through
    case 'KMAC128':
      // Fall through
    case 'KMAC256':
      result = require('internal/crypto/webcrypto/secret')
        .macImportKey(format, keyData, algorithm, extractable, keyUsages);
      break;
    case 'AES-CTR':
      // Fall through
    case 'AES-CBC':
      // Fall through
    case 'AES-GCM':
      // Fall through
    case 'AES-KW':
      // Fall through
    case 'AES-OCB':
      result = require('internal/crypto/webcrypto/secret')
        .aesImportKey(algorithm, format, keyData, extractable, keyUsages);
      break;
    case 'ChaCha20-Poly1305':
      result = require('internal/crypto/webcrypto/secret')
        .c20pImportKey(algorithm, format, keyData, extractable, keyUsages);
      break;
    case 'HKDF':
      // Fall through
    case 'PBKDF2':
      format = aliasKeyFormat(format);
      result = importGenericSecretKey(
        algorithm,
        format,
        keyData,
        extractable,
        keyUsages);
      break;
    case 'Argon2d':
      // Fall through
    case 'Argon2i':
      // Fall through
    case 'Argon2id':
      if (format === 'raw-secret') {
        result = importGenericSecretKey(
          algorithm,
          format,
          keyData,
          extractable,
          keyUsages);
      }
      break;
    case 'ML-DSA-44':
      // Fall through
    case 'ML-DSA-65':
      // Fall through
    case 'ML-DSA-87':
      result = require('internal/crypto/webcrypto/ml_dsa')
        .mlDsaImportKey(format, keyData, algorithm, extractable, keyUsages);
      break;
    case 'ML-KEM-512':
      // Fall through
    case 'ML-KEM-768':
      // Fall through
    case 'ML-KEM-1024':
      result = require('internal/crypto/webcrypto/ml_kem')
        .mlKemImportKey(format, keyData, algorithm, extractable, keyUsages);
      break;
  }

  if (!result) {
    throw lazyDOMException(
      `Unable to import ${algorithm.name} using ${format} format`,
      'NotSupportedError');
  }

  if ((result.type === 'secret' || result.type === 'private') && getKeyUsages(result).length === 0) {
    throw lazyDOMException(
      `Usages cannot be empty when importing a ${result.type} key.`,
      'SyntaxError');
  }

  return result;
}

async function importKey(
  format,
  keyData,
  algorithm,
  extractable,
  keyUsages) {
  if (this !== subtle) throw new ERR_INVALID_THIS('SubtleCrypto');

  webidl ??= require('internal/crypto/webcrypto/webidl');
  const prefix = "Failed to execute 'importKey' on 'SubtleCrypto'";
  webidl.requiredArguments(arguments.length, 5, { prefix });
  format = webidl.converters.KeyFormat(format, {
    prefix,
    context: '1st argument',
  });
  const type = format === 'jwk' ? 'JsonWebKey' : 'BufferSource';
  keyData = webidl.converters[type](keyData, {
    prefix,
    context: '2nd argument',
  });
  algorithm = webidl.converters.AlgorithmIdentifier(algorithm, {
    prefix,
    context: '3rd argument',
  });
  extractable = webidl.converters.boolean(extractable, {
    prefix,
    context: '4th argument',
  });
  keyUsages = webidl.converters['sequence<KeyUsage>'](keyUsages, {
    prefix,
    context: '5th argument',
  });

  algorithm = normalizeAlgorithm(algorithm, 'importKey');

  return FunctionPrototypeCall(
    importKeySync,
    this,
    format, keyData, algorithm, extractable, keyUsages,
  );
}

// subtle.wrapKey() is essentially a subtle.exportKey() followed
// by a subtle.encrypt().
async function wrapKey(format, key, wrappingKey, algorithm) {
  if (this !== subtle) throw new ERR_INVALID_THIS('SubtleCrypto');

  webidl ??= require('internal/crypto/webcrypto/webidl');
  const prefix = "Failed to execute 'wrapKey' on 'SubtleCrypto'";
  webidl.requiredArguments(arguments.length, 4, { prefix });
  format = webidl.converters.KeyFormat(format, {
    prefix,
    context: '1st argument',
  });
  key = webidl.converters.CryptoKey(key, {
    prefix,
    context: '2nd argument',
  });
  wrappingKey = webidl.converters.CryptoKey(wrappingKey, {
    prefix,
    context: '3rd argument',
  });
  algorithm = webidl.converters.AlgorithmIdentifier(algorithm, {
    prefix,
    context: '4th argument',
  });

  try {
    algorithm = normalizeAlgorithm(algorithm, 'wrapKey');
  } catch {
    algorithm = normalizeAlgorithm(algorithm, 'encrypt');
  }
  let keyData = await FunctionPrototypeCall(exportKey, this, format, key);

  if (format === 'jwk') {
    const ec = { encode: (s) => new Uint8Array(Buffer.from(s)) };
    const raw = JSONStringify(keyData);
    // As per the NOTE in step 13 https://w3c.github.io/webcrypto/#SubtleCrypto-method-wrapKey
    // we're padding AES-KW wrapped JWK to make sure it is always a multiple of 8 bytes
    // in length
    if (algorithm.name === 'AES-KW' && raw.length % 8 !== 0) {
      keyData = ec.encode(raw + StringPrototypeRepeat(' ', 8 - (raw.length % 8)));
    } else {
      keyData = ec.encode(raw);
    }
  }

  return await cipherOrWrap(
    kEncrypt,
    algorithm,
    wrappingKey,
    keyData,
    'wrapKey');
}

// subtle.unwrapKey() is essentially a subtle.decrypt() followed
// by a subtle.importKey().
async function unwrapKey(
  format,
  wrappedKey,
  unwrappingKey,
  unwrapAlgo,
  unwrappedKeyAlgo,
  extractable,
  keyUsages) {
  if (this !== subtle) throw new ERR_INVALID_THIS('SubtleCrypto');

  webidl ??= require('internal/crypto/webcrypto/webidl');
  const prefix = "Failed to execute 'unwrapKey' on 'SubtleCrypto'";
  webidl.requiredArguments(arguments.length, 7, { prefix });
  format = webidl.converters.KeyFormat(format, {
    prefix,
    context: '1st argument',
  });
  wrappedKey = webidl.converters.BufferSource(wrappedKey, {
    prefix,
    context: '2nd argument',
  });
  unwrappingKey = webidl.converters.CryptoKey(unwrappingKey, {
    prefix,
    context: '3rd argument',
  });
  unwrapAlgo = webidl.converters.AlgorithmIdentifier(unwrapAlgo, {
    prefix,
    context: '4th argument',
  });
  unwrappedKeyAlgo = webidl.converters.AlgorithmIdentifier(
    unwrappedKeyAlgo,
    {
      prefix,
      context: '5th argument',
    },
  );
  extractable = webidl.converters.boolean(extractable, {
    prefix,
    context: '6th argument',
  });
  keyUsages = webidl.converters['sequence<KeyUsage>'](keyUsages, {
    prefix,
    context: '7th argument',
  });

  try {
    unwrapAlgo = normalizeAlgorithm(unwrapAlgo, 'unwrapKey');
  } catch {
    unwrapAlgo = normalizeAlgorithm(unwrapAlgo, 'decrypt');
  }

  unwrappedKeyAlgo = normalizeAlgorithm(unwrappedKeyAlgo, 'importKey');

  let keyData = await cipherOrWrap(
    kDecrypt,
    unwrapAlgo,
    unwrappingKey,
    wrappedKey,
    'unwrapKey');

  if (format === 'jwk') {
    // The fatal: true option is only supported in builds that have ICU.
    const options = process.versions.icu !== undefined ?
      { fatal: true } : undefined;
    const dec = new TextDecoder('utf-8', options);
    try {
      keyData = JSONParse(dec.decode(keyData));
    } catch {
      throw lazyDOMException('Invalid wrapped JWK key', 'DataError');
    }
  }

  return FunctionPrototypeCall(
    importKeySync,
    this,
    format, keyData, unwrappedKeyAlgo, extractable, keyUsages,
  );
}

async function signVerify(algorithm, key, data, signature) {
  let usage = 'sign';
  if (signature !== undefined) {
    usage = 'verify';
  }
  algorithm = normalizeAlgorithm(algorithm, usage);

  if (!ArrayPrototypeIncludes(getKeyUsages(key), usage) ||
      algorithm.name !== keyAlgorithm(key).name) {
    throw lazyDOMException(
      `Unable to use this key to ${usage}`,
      'InvalidAccessError');
  }

  switch (algorithm.name) {
    case 'RSA-PSS':
      // Fall through
    case 'RSASSA-PKCS1-v1_5':
      return await require('internal/crypto/webcrypto/rsa')
        .rsaSignVerify(key, data, algorithm, signature);
    case 'ECDSA':
      return await require('internal/crypto/webcrypto/ec')
        .ecdsaSignVerify(key, data, algorithm, signature);
    case 'Ed25519':
      // Fall through
    case 'Ed448':
      // Fall through
      return await require('internal/crypto/webcrypto/cfrg')
        .eddsaSignVerify(key, data, algorithm, signature);
    case 'HMAC':
      return await require('internal/crypto/webcrypto/secret')
        .hmacSignVerify(key, data, algorithm, signature);
    case 'ML-DSA-44':
      // Fall through
    case 'ML-DSA-65':
      // Fall through
    case 'ML-DSA-87':
      return await require('internal/crypto/webcrypto/ml_dsa')
        .mlDsaSignVerify(key, data, algorithm, signature);
    case 'KMAC128':
      // Fall through
    case 'KMAC256':
      return await require('internal/crypto/webcrypto/kmac')
        .kmacSignVerify(key, data, algorithm, signature);
  }
  throw lazyDOMException('Unrecognized algorithm name', 'NotSupportedError');
}

async function sign(algorithm, key, data) {
  if (this !== subtle) throw new ERR_INVALID_THIS('SubtleCrypto');

  webidl ??= require('internal/crypto/webcrypto/webidl');
  const prefix = "Failed to execute 'sign' on 'SubtleCrypto'";
  webidl.requiredArguments(arguments.length, 3, { prefix });
  algorithm = webidl.converters.AlgorithmIdentifier(algorithm, {
    prefix,
    context: '1st argument',
  });
  key = webidl.converters.CryptoKey(key, {
    prefix,
    context: '2nd argument',
  });
  data = webidl.converters.BufferSource(data, {
    prefix,
    context: '3rd argument',
  });

  return await signVerify(algorithm, key, data);
}

async function verify(algorithm, key, signature, data) {
  if (this !== subtle) throw new ERR_INVALID_THIS('SubtleCrypto');

  webidl ??= require('internal/crypto/webcrypto/webidl');
  const prefix = "Failed to execute 'verify' on 'SubtleCrypto'";
  webidl.requiredArguments(arguments.length, 4, { prefix });
  algorithm = webidl.converters.AlgorithmIdentifier(algorithm, {
    prefix,
    context: '1st argument',
  });
  key = webidl.converters.CryptoKey(key, {
    prefix,
    context: '2nd argument',
  });
  signature = webidl.converters.BufferSource(signature, {
    prefix,
    context: '3rd argument',
  });
  data = webidl.converters.BufferSource(data, {
    prefix,
    context: '4th argument',
  });

  return await signVerify(algorithm, key, data, signature);
}

async function cipherOrWrap(mode, algorithm, key, data, op) {
  // We use a Node.js style error here instead of a DOMException because
  // the WebCrypto spec is not specific what kind of error is to be thrown
  // in this case. Both Firefox and Chrome throw simple TypeErrors here.
  // The key algorithm and cipher algorithm must match, and the
  // key must have the proper usage.
  if (keyAlgorithm(key).name !== algorithm.name ||
      !ArrayPrototypeIncludes(getKeyUsages(key), op)) {
    throw lazyDOMException(
      'The requested operation is not valid for the provided key',
      'InvalidAccessError');
  }

  // While WebCrypto allows for larger input buffer sizes, we limit
  // those to sizes that can fit within uint32_t because of limitations
  // in the OpenSSL API.
  validateMaxBufferLength(data, 'data');

  switch (algorithm.name) {
    case 'RSA-OAEP':
      return await require('internal/crypto/webcrypto/rsa')
        .rsaCipher(mode, key, data, algorithm);
    case 'AES-CTR':
      // Fall through
    case 'AES-CBC':
      // Fall through
    case 'AES-GCM':
      // Fall through
    case 'AES-OCB':
      return await require('internal/crypto/webcrypto/secret')
        .aesCipher(mode, key, data, algorithm);
    case 'ChaCha20-Poly1305':
      return await require('internal/crypto/webcrypto/secret')
        .c20pCipher(mode, key, data, algorithm);
    case 'AES-KW':
      if (op === 'wrapKey' || op === 'unwrapKey') {
        return await require('internal/crypto/webcrypto/secret')
          .aesCipher(mode, key, data, algorithm);
      }
  }
  throw lazyDOMException('Unrecognized algorithm name', 'NotSupportedError');
}

async function encrypt(algorithm, key, data) {
  if (this !== subtle) throw new ERR_INVALID_THIS('SubtleCrypto');

  webidl ??= require('internal/crypto/webcrypto/webidl');
  const prefix = "Failed to execute 'encrypt' on 'SubtleCrypto'";
  webidl.requiredArguments(arguments.length, 3, { prefix });
  algorithm = webidl.converters.AlgorithmIdentifier(algorithm, {
    prefix,
    context: '1st argument',
  });
  key = webidl.converters.CryptoKey(key, {
    prefix,
    context: '2nd argument',
  });
  data = webidl.converters.BufferSource(data, {
    prefix,
    context: '3rd argument',
  });

  algorithm = normalizeAlgorithm(algorithm, 'encrypt');
  return await cipherOrWrap(
    kEncrypt,
    algorithm,
    key,
    data,
    'encrypt',
  );
}

async function decrypt(algorithm, key, data) {
  if (this !== subtle) throw new ERR_INVALID_THIS('SubtleCrypto');

  webidl ??= require('internal/crypto/webcrypto/webidl');
  const prefix = "Failed to execute 'decrypt' on 'SubtleCrypto'";
  webidl.requiredArguments(arguments.length, 3, { prefix });
  algorithm = webidl.converters.AlgorithmIdentifier(algorithm, {
    prefix,
    context: '1st argument',
  });
  key = webidl.converters.CryptoKey(key, {
    prefix,
    context: '2nd argument',
  });
  data = webidl.converters.BufferSource(data, {
    prefix,
    context: '3rd argument',
  });

  algorithm = normalizeAlgorithm(algorithm, 'decrypt');
  return await cipherOrWrap(
    kDecrypt,
    algorithm,
    key,
    data,
    'decrypt',
  );
}

// Implements https://wicg.github.io/webcrypto-modern-algos/#SubtleCrypto-method-getPublicKey
async function getPublicKey(key, keyUsages) {
  emitExperimentalWarning('The getPublicKey Web Crypto API method');
  if (this !== subtle) throw new ERR_INVALID_THIS('SubtleCrypto');

  webidl ??= require('internal/crypto/webcrypto/webidl');
  const prefix = "Failed to execute 'getPublicKey' on 'SubtleCrypto'";
  webidl.requiredArguments(arguments.length, 2, { prefix });
  key = webidl.converters.CryptoKey(key, {
    prefix,
    context: '1st argument',
  });
  keyUsages = webidl.converters['sequence<KeyUsage>'](keyUsages, {
    prefix,
    context: '2nd argument',
  });

  if (keyType(key) !== 'private')
    throw lazyDOMException('key must be a private key',
                           keyType(key) === 'secret' ? 'NotSupportedError' : 'InvalidAccessError');

  const keyObject = createPublicKey(key[kKeyObject]);

  return asymmetricKeyToCryptoKey(keyObject, keyAlgorithm(key), true, keyUsages);
}

async function encapsulateBits(encapsulationAlgorithm, encapsulationKey) {
  emitExperimentalWarning('The encapsulateBits Web Crypto API method');
  if (this !== subtle) throw new ERR_INVALID_THIS('SubtleCrypto');

  webidl ??= require('internal/crypto/webcrypto/webidl');
  const prefix = "Failed to execute 'encapsulateBits' on 'SubtleCrypto'";
  webidl.requiredArguments(arguments.length, 2, { prefix });
  encapsulationAlgorithm = webidl.converters.AlgorithmIdentifier(encapsulationAlgorithm, {
    prefix,
    context: '1st argument',
  });
  encapsulationKey = webidl.converters.CryptoKey(encapsulationKey, {
    prefix,
    context: '2nd argument',
  });

  const normalizedEncapsulationAlgorithm = normalizeAlgorithm(encapsulationAlgorithm, 'encapsulate');

  if (normalizedEncapsulationAlgorithm.name !== keyAlgorithm(encapsulationKey).name) {
    throw lazyDOMException(
      'key algorithm mismatch',
      'InvalidAccessError');
  }

  if (!ArrayPrototypeIncludes(getKeyUsages(encapsulationKey), 'encapsulateBits')) {
    throw lazyDOMException(
      'encapsulationKey does not have encapsulateBits usage',
      'InvalidAccessError');
  }

  switch (keyAlgorithm(encapsulationKey).name) {
    case 'ML-KEM-512':
    case 'ML-KEM-768':
    case 'ML-KEM-1024':
      return await require('internal/crypto/webcrypto/ml_kem')
        .mlKemEncapsulate(encapsulationKey);
  }

  throw lazyDOMException('Unrecognized algorithm name', 'NotSupportedError');
}

async function encapsulateKey(encapsulationAlgorithm, encapsulationKey, sharedKeyAlgorithm, extractable, usages) {
  emitExperimentalWarning('The encapsulateKey Web Crypto API method');
  if (this !== subtle) throw new ERR_INVALID_THIS('SubtleCrypto');

  webidl ??= require('internal/crypto/webcrypto/webidl');
  const prefix = "Failed to execute 'encapsulateKey' on 'SubtleCrypto'";
  webidl.requiredArguments(arguments.length, 5, { prefix });
  encapsulationAlgorithm = webidl.converters.AlgorithmIdentifier(encapsulationAlgorithm, {
    prefix,
    context: '1st argument',
  });
  encapsulationKey = webidl.converters.CryptoKey(encapsulationKey, {
    prefix,
    context: '2nd argument',
  });
  sharedKeyAlgorithm = webidl.converters.AlgorithmIdentifier(sharedKeyAlgorithm, {
    prefix,
    context: '3rd argument',
  });
  extractable = webidl.converters.boolean(extractable, {
    prefix,
    context: '4th argument',
  });
  usages = webidl.converters['sequence<KeyUsage>'](usages, {
    prefix,
    context: '5th argument',
  });

  const normalizedEncapsulationAlgorithm = normalizeAlgorithm(encapsulationAlgorithm, 'encapsulate');
  const normalizedSharedKeyAlgorithm = normalizeAlgorithm(sharedKeyAlgorithm, 'importKey');

  if (normalizedEncapsulationAlgorithm.name !== keyAlgorithm(encapsulationKey).name) {
    throw lazyDOMException(
      'key algorithm mismatch',
      'InvalidAccessError');
  }

  if (!ArrayPrototypeIncludes(getKeyUsages(encapsulationKey), 'encapsulateKey')) {
    throw lazyDOMException(
      'encapsulationKey does not have encapsulateKey usage',
      'InvalidAccessError');
  }

  let encapsulateBits;
  switch (keyAlgorithm(encapsulationKey).name) {
    case 'ML-KEM-512':
    case 'ML-KEM-768':
    case 'ML-KEM-1024':
      encapsulateBits = await require('internal/crypto/webcrypto/ml_kem')
        .mlKemEncapsulate(encapsulationKey);
      break;
    default:
      throw lazyDOMException('Unrecognized algorithm name', 'NotSupportedError');
  }

  const sharedKey = FunctionPrototypeCall(
    importKeySync,
    this,
    'raw-secret', encapsulateBits.sharedKey, normalizedSharedKeyAlgorithm, extractable, usages,
  );

  const encapsulatedKey = {
    ciphertext: encapsulateBits.ciphertext,
    sharedKey,
  };

  return encapsulatedKey;
}

async function decapsulateBits(decapsulationAlgorithm, decapsulationKey, ciphertext) {
  emitExperimentalWarning('The decapsulateBits Web Crypto API method');
  if (this !== subtle) throw new ERR_INVALID_THIS('SubtleCrypto');

  webidl ??= require('internal/crypto/webcrypto/webidl');
  const prefix = "Failed to execute 'decapsulateBits' on 'SubtleCrypto'";
  webidl.requiredArguments(arguments.length, 3, { prefix });
  decapsulationAlgorithm = webidl.converters.AlgorithmIdentifier(decapsulationAlgorithm, {
    prefix,
    context: '1st argument',
  });
  decapsulationKey = webidl.converters.CryptoKey(decapsulationKey, {
    prefix,
    context: '2nd argument',
  });
  ciphertext = webidl.converters.BufferSource(ciphertext, {
    prefix,
    context: '3rd argument',
  });

  const normalizedDecapsulationAlgorithm = normalizeAlgorithm(decapsulationAlgorithm, 'decapsulate');

  if (normalizedDecapsulationAlgorithm.name !== keyAlgorithm(decapsulationKey).name) {
    throw lazyDOMException(
      'key algorithm mismatch',
      'InvalidAccessError');
  }

  if (!ArrayPrototypeIncludes(getKeyUsages(decapsulationKey), 'decapsulateBits')) {
    throw lazyDOMException(
      'decapsulationKey does not have decapsulateBits usage',
      'InvalidAccessError');
  }

  switch (keyAlgorithm(decapsulationKey).name) {
    case 'ML-KEM-512':
    case 'ML-KEM-768':
    case 'ML-KEM-1024':
      return await require('internal/crypto/webcrypto/ml_kem')
        .mlKemDecapsulate(decapsulationKey, ciphertext);
  }

  throw lazyDOMException('Unrecognized algorithm name', 'NotSupportedError');
}

async function decapsulateKey(
  decapsulationAlgorithm, decapsulationKey, ciphertext, sharedKeyAlgorithm, extractable, usages,
) {
  emitExperimentalWarning('The decapsulateKey Web Crypto API method');
  if (this !== subtle) throw new ERR_INVALID_THIS('SubtleCrypto');

  webidl ??= require('internal/crypto/webcrypto/webidl');
  const prefix = "Failed to execute 'decapsulateKey' on 'SubtleCrypto'";
  webidl.requiredArguments(arguments.length, 6, { prefix });
  decapsulationAlgorithm = webidl.converters.AlgorithmIdentifier(decapsulationAlgorithm, {
    prefix,
    context: '1st argument',
  });
  decapsulationKey = webidl.converters.CryptoKey(decapsulationKey, {
    prefix,
    context: '2nd argument',
  });
  ciphertext = webidl.converters.BufferSource(ciphertext, {
    prefix,
    context: '3rd argument',
  });
  sharedKeyAlgorithm = webidl.converters.AlgorithmIdentifier(sharedKeyAlgorithm, {
    prefix,
    context: '4th argument',
  });
  extractable = webidl.converters.boolean(extractable, {
    prefix,
    context: '5th argument',
  });
  usages = webidl.converters['sequence<KeyUsage>'](usages, {
    prefix,
    context: '6th argument',
  });

  const normalizedDecapsulationAlgorithm = normalizeAlgorithm(decapsulationAlgorithm, 'decapsulate');
  const normalizedSharedKeyAlgorithm = normalizeAlgorithm(sharedKeyAlgorithm, 'importKey');

  if (normalizedDecapsulationAlgorithm.name !== keyAlgorithm(decapsulationKey).name) {
    throw lazyDOMException(
      'key algorithm mismatch',
      'InvalidAccessError');
  }

  if (!ArrayPrototypeIncludes(getKeyUsages(decapsulationKey), 'decapsulateKey')) {
    throw lazyDOMException(
      'decapsulationKey does not have decapsulateKey usage',
      'InvalidAccessError');
  }

  let decapsulatedBits;
  switch (keyAlgorithm(decapsulationKey).name) {
    case 'ML-KEM-512':
    case 'ML-KEM-768':
    case 'ML-KEM-1024':
      decapsulatedBits = await require('internal/crypto/webcrypto/ml_kem')
        .mlKemDecapsulate(decapsulationKey, ciphertext);
      break;
    default:
      throw lazyDOMException('Unrecognized algorithm name', 'NotSupportedError');
  }

  return FunctionPrototypeCall(
    importKeySync,
    this,
    'raw-secret', decapsulatedBits, normalizedSharedKeyAlgorithm, extractable, usages,
  );
}

// The SubtleCrypto and Crypto classes are defined as part of the
// Web Crypto API standard: https://www.w3.org/TR/WebCryptoAPI/

class SubtleCrypto {
  constructor() {
    throw new ERR_ILLEGAL_CONSTRUCTOR();
  }

  // Implements https://wicg.github.io/webcrypto-modern-algos/#SubtleCrypto-method-supports
  static supports(operation, algorithm, lengthOrAdditionalAlgorithm = null) {
    emitExperimentalWarning('The supports Web Crypto API method');
    if (this !== SubtleCrypto) throw new ERR_INVALID_THIS('SubtleCrypto constructor');
    webidl ??= require('internal/crypto/webcrypto/webidl');
    const prefix = "Failed to execute 'supports' on 'SubtleCrypto'";
    webidl.requiredArguments(arguments.length, 2, { prefix });

    operation = webidl.converters.DOMString(operation, {
      prefix,
      context: '1st argument',
    });
    algorithm = webidl.converters.AlgorithmIdentifier(algorithm, {
      prefix,
      context: '2nd argument',
    });

    switch (operation) {
      case 'decapsulateBits':
      case 'decapsulateKey':
      case 'decrypt':
      case 'deriveBits':
      case 'deriveKey':
      case 'digest':
      case 'encapsulateBits':
      case 'encapsulateKey':
      case 'encrypt':
      case 'exportKey':
      case 'generateKey':
      case 'getPublicKey':
      case 'importKey':
      case 'sign':
      case 'unwrapKey':
      case 'verify':
      case 'wrapKey':
        break;
      default:
        return false;
    }

    let length;
    let additionalAlgorithm;
    if (operation === 'deriveKey') {
      additionalAlgorithm = webidl.converters.AlgorithmIdentifier(lengthOrAdditionalAlgorithm, {
        prefix,
        context: '3rd argument',
      });

      if (!check('importKey', additionalAlgorithm)) {
        return false;
      }

      try {
        length = getKeyLength(normalizeAlgorithm(additionalAlgorithm, 'get key length'));
      } catch {
        return false;
      }

      operation = 'deriveBits';
    } else if (operation === 'wrapKey') {
      additionalAlgorithm = webidl.converters.AlgorithmIdentifier(lengthOrAdditionalAlgorithm, {
        prefix,
        context: '3rd argument',
      });

      if (!check('exportKey', additionalAlgorithm)) {
        return false;
      }
    } else if (operation === 'unwrapKey') {
      additionalAlgorithm = webidl.converters.AlgorithmIdentifier(lengthOrAdditionalAlgorithm, {
        prefix,
        context: '3rd argument',
      });

      if (!check('importKey', additionalAlgorithm)) {
        return false;
      }
    } else if (operation === 'deriveBits') {
      length = lengthOrAdditionalAlgorithm;
      if (length !== null) {
        length = webidl.converters['unsigned long'](length, {
          prefix,
          context: '3rd argument',
        });
      }
    } else if (operation === 'getPublicKey') {
      let normalizedAlgorithm;
      try {
        normalizedAlgorithm = normalizeAlgorithm(algorithm, 'exportKey');
      } catch {
        return false;
      }

      switch (StringPrototypeSlice(normalizedAlgorithm.name, 0, 2)) {
        case 'ML': // ML-DSA-*, ML-KEM-*
        case 'SL': // SLH-DSA-*
        case 'RS': // RSA-OAEP, RSA-PSS, RSASSA-PKCS1-v1_5
        case 'EC': // ECDSA, ECDH
        case 'Ed': // Ed*
        case 'X2': // X25519
        case 'X4': // X448
          return true;
        default:
          return false;
      }
    } else if (operation === 'encapsulateKey' || operation === 'decapsulateKey') {
      additionalAlgorithm = webidl.converters.AlgorithmIdentifier(lengthOrAdditionalAlgorithm, {
        prefix,
        context: '3rd argument',
      });

      let normalizedAdditionalAlgorithm;
      try {
        normalizedAdditionalAlgorithm = normalizeAlgorithm(additionalAlgorithm, 'importKey');
      } catch {
        return false;
      }

      switch (normalizedAdditionalAlgorithm.name) {
        case 'AES-OCB':
        case 'AES-KW':
        case 'AES-GCM':
        case 'AES-CTR':
        case 'AES-CBC':
        case 'ChaCha20-Poly1305':
        case 'HKDF':
        case 'PBKDF2':
        case 'Argon2i':
        case 'Argon2d':
        case 'Argon2id':
          break;
        case 'HMAC':
        case 'KMAC128':
        case 'KMAC256':
          if (normalizedAdditionalAlgorithm.length === undefined || normalizedAdditionalAlgorithm.length === 256) {
            break;
          }
          return false;
        default:
          return false;
      }
    }

    return check(operation, algorithm, length);
  }
}

function check(op, alg, length) {
  if (op === 'encapsulateBits' || op === 'encapsulateKey') {
    op = 'encapsulate';
  }

  if (op === 'decapsulateBits' || op === 'decapsulateKey') {
    op = 'decapsulate';
  }

  let normalizedAlgorithm;
  try {
    normalizedAlgorithm = normalizeAlgorithm(alg, op);
  } catch {
    if (op === 'wrapKey') {
      return check('encrypt', alg);
    }

    if (op === 'unwrapKey') {
      return check('decrypt', alg);
    }

    return false;
  }

  switch (op) {
    case 'decapsulate':
    case 'decrypt':
    case 'digest':
    case 'encapsulate':
    case 'encrypt':
    case 'exportKey':
    case 'importKey':
    case 'sign':
    case 'unwrapKey':
    case 'verify':
    case 'wrapKey':
      return true;
    case 'deriveBits': {
      if (normalizedAlgorithm.name === 'HKDF') {
        try {
          require('internal/crypto/webcrypto/secret').validateHkdfDeriveBitsLength(length);
        } catch {
          return false;
        }
      }

      if (normalizedAlgorithm.name === 'PBKDF2') {
        try {
          require('internal/crypto/webcrypto/secret').validatePbkdf2DeriveBitsLength(length);
        } catch {
          return false;
        }
      }

      if (StringPrototypeStartsWith(normalizedAlgorithm.name, 'Argon2')) {
        try {
          require('internal/crypto/webcrypto/argon2').validateArgon2DeriveBitsLength(length);
        } catch {
          return false;
        }
      }

      return true;
    }
    case 'generateKey': {
      if (
        normalizedAlgorithm.name === 'HMAC' &&
        normalizedAlgorithm.length === undefined &&
        StringPrototypeStartsWith(normalizedAlgorithm.hash.name, 'SHA3-')
      ) {
        return false;
      }

      return true;
    }
    default: {
      const assert = require('internal/assert');
      assert.fail('Unreachable code');
    }
  }
}

const subtle = ReflectConstruct(function() {}, [], SubtleCrypto);

class Crypto {
  constructor() {
    throw new ERR_ILLEGAL_CONSTRUCTOR();
  }

  get subtle() {
    if (this !== crypto) throw new ERR_INVALID_THIS('Crypto');
    return subtle;
  }
}
const crypto = ReflectConstruct(function() {}, [], Crypto);

function getRandomValues(array) {
  if (this !== crypto) throw new ERR_INVALID_THIS('Crypto');

  webidl ??= require('internal/crypto/webcrypto/webidl');
  const prefix = "Failed to execute 'getRandomValues' on 'Crypto'";
  webidl.requiredArguments(arguments.length, 1, { prefix });

  return ReflectApply(_getRandomValues, this, arguments);
}

ObjectDefineProperties(
  Crypto.prototype, {
    [SymbolToStringTag]: {
      __proto__: null,
      enumerable: false,
      configurable: true,
      writable: false,
      value: 'Crypto',
    },
    subtle: kEnumerableProperty,
    getRandomValues: {
      __proto__: null,
      enumerable: true,
      configurable: true,
      writable: true,
      value: getRandomValues,
    },
    randomUUID: {
      __proto__: null,
      enumerable: true,
      configurable: true,
      writable: true,
      value: randomUUID,
    },
  });

ObjectDefineProperties(
  SubtleCrypto.prototype, {
    [SymbolToStringTag]: {
      __proto__: null,
      enumerable: false,
      configurable: true,
      writable: false,
      value: 'SubtleCrypto',
    },
    encrypt: {
      __proto__: null,
      enumerable: true,
      configurable: true,
      writable: true,
      value: encrypt,
    },
    decrypt: {
      __proto__: null,
      enumerable: true,
      configurable: true,
      writable: true,
      value: decrypt,
    },
    sign: {
      __proto__: null,
      enumerable: true,
      configurable: true,
      writable: true,
      value: sign,
    },
    verify: {
      __proto__: null,
      enumerable: true,
      configurable: true,
      writable: true,
      value: verify,
    },
    digest: {
      __proto__: null,
      enumerable: true,
      configurable: true,
      writable: true,
      value: digest,
    },
    generateKey: {
      __proto__: null,
      enumerable: true,
      configurable: true,
      writable: true,
      value: generateKey,
    },
    deriveKey: {
      __proto__: null,
      enumerable: true,
      configurable: true,
      writable: true,
      value: deriveKey,
    },
    deriveBits: {
      __proto__: null,
      enumerable: true,
      configurable: true,
      writable: true,
      value: deriveBits,
    },
    importKey: {
      __proto__: null,
      enumerable: true,
      configurable: true,
      writable: true,
      value: importKey,
    },
    exportKey: {
      __proto__: null,
      enumerable: true,
      configurable: true,
      writable: true,
      value: exportKey,
    },
    wrapKey: {
      __proto__: null,
      enumerable: true,
      configurable: true,
      writable: true,
      value: wrapKey,
    },
    unwrapKey: {
      __proto__: null,
      enumerable: true,
      configurable: true,
      writable: true,
      value: unwrapKey,
    },
    getPublicKey: {
      __proto__: null,
      enumerable: true,
      configurable: true,
      writable: true,
      value: getPublicKey,
    },
    encapsulateBits: {
      __proto__: null,
      enumerable: true,
      configurable: true,
      writable: true,
      value: encapsulateBits,
    },
    encapsulateKey: {
      __proto__: null,
      enumerable: true,
      configurable: true,
      writable: true,
      value: encapsulateKey,
    },
    decapsulateBits: {
      __proto__: null,
      enumerable: true,
      configurable: true,
      writable: true,
      value: decapsulateBits,
    },
    decapsulateKey: {
      __proto__: null,
      enumerable: true,
      configurable: true,
      writable: true,
      value: decapsulateKey,
    },
  });


// KeyObject.prototype.toCryptoKey for a secret key (Node's SecretKeyObject.toCryptoKey).
function secretKeyToCryptoKey(keyObject, algorithm, extractable, keyUsages) {
  webidl ??= require('internal/crypto/webcrypto/webidl');
  algorithm = normalizeAlgorithm(webidl.converters.AlgorithmIdentifier(algorithm), 'importKey');
  extractable = webidl.converters.boolean(extractable);
  keyUsages = webidl.converters['sequence<KeyUsage>'](keyUsages);
  const secret = require('internal/crypto/webcrypto/secret');
  let result;
  switch (algorithm.name) {
    case 'HMAC':
    case 'KMAC128':
    case 'KMAC256':
      result = secret.macImportKey('KeyObject', keyObject, algorithm, extractable, keyUsages);
      break;
    case 'AES-CTR':
    case 'AES-CBC':
    case 'AES-GCM':
    case 'AES-KW':
    case 'AES-OCB':
      result = secret.aesImportKey(algorithm, 'KeyObject', keyObject, extractable, keyUsages);
      break;
    case 'ChaCha20-Poly1305':
      result = secret.c20pImportKey(algorithm, 'KeyObject', keyObject, extractable, keyUsages);
      break;
    case 'HKDF':
    case 'PBKDF2':
    case 'Argon2d':
    case 'Argon2i':
    case 'Argon2id':
      result = importGenericSecretKey(algorithm, 'KeyObject', keyObject, extractable,
                                      keyUsages);
      break;
    default:
      throw lazyDOMException('Unrecognized algorithm name', 'NotSupportedError');
  }
  if (getKeyUsages(result).length === 0) {
    throw lazyDOMException(`Usages cannot be empty when importing a ${keyType(result)} key.`,
                           'SyntaxError');
  }
  return result;
}

// KeyObject.prototype.toCryptoKey for a public or private key (Node's
// AsymmetricKeyObject.toCryptoKey).
function asymmetricKeyToCryptoKey(keyObject, algorithm, extractable, keyUsages) {
  webidl ??= require('internal/crypto/webcrypto/webidl');
  algorithm = normalizeAlgorithm(webidl.converters.AlgorithmIdentifier(algorithm), 'importKey');
  extractable = webidl.converters.boolean(extractable);
  keyUsages = webidl.converters['sequence<KeyUsage>'](keyUsages);
  let result;
  switch (algorithm.name) {
    case 'RSASSA-PKCS1-v1_5':
    case 'RSA-PSS':
    case 'RSA-OAEP':
      result = require('internal/crypto/webcrypto/rsa')
        .rsaImportKey('KeyObject', keyObject, algorithm, extractable, keyUsages);
      break;
    case 'ECDSA':
    case 'ECDH':
      result = require('internal/crypto/webcrypto/ec')
        .ecImportKey('KeyObject', keyObject, algorithm, extractable, keyUsages);
      break;
    case 'Ed25519':
    case 'Ed448':
    case 'X25519':
    case 'X448':
      result = require('internal/crypto/webcrypto/cfrg')
        .cfrgImportKey('KeyObject', keyObject, algorithm, extractable, keyUsages);
      break;
    case 'ML-DSA-44':
    case 'ML-DSA-65':
    case 'ML-DSA-87':
      result = require('internal/crypto/webcrypto/ml_dsa')
        .mlDsaImportKey('KeyObject', keyObject, algorithm, extractable, keyUsages);
      break;
    case 'ML-KEM-512':
    case 'ML-KEM-768':
    case 'ML-KEM-1024':
      result = require('internal/crypto/webcrypto/ml_kem')
        .mlKemImportKey('KeyObject', keyObject, algorithm, extractable, keyUsages);
      break;
    default:
      throw lazyDOMException('Unrecognized algorithm name', 'NotSupportedError');
  }
  if (keyType(result) === 'private' && getKeyUsages(result).length === 0) {
    throw lazyDOMException(`Usages cannot be empty when importing a ${keyType(result)} key.`,
                           'SyntaxError');
  }
  return result;
}

module.exports = {
  Crypto,
  CryptoKey,
  SubtleCrypto,
  asymmetricKeyToCryptoKey,
  crypto,
  secretKeyToCryptoKey,
  subtle,
};
