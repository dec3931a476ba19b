'use strict';
// ML-DSA-44/65/87 (FIPS 204), ported from Node 25's lib/internal/crypto/ml_dsa.js onto the
// native key table.

const { Buffer } = require('buffer');
const binding = internalBinding('crypto');
const {
  getUsagesUnion,
  hasAnyNotIn,
  jobPromise,
  lazyDOMException,
  validateKeyOps,
} = require('internal/crypto/webcrypto/util');
const {
  awaitRequest,
  bytesOf,
  exportDer,
  generatePair,
  importDer,
  importRaw,
  keyAlgorithm,
  keyObjectOf,
  keyType,
  keysEqual,
  nativeId,
  publicOf,
  toArrayBuffer,
} = require('internal/crypto/webcrypto/keyutil');
const { makeCryptoKey } = require('internal/crypto/keys');

function newCryptoKey(keyObject, algorithm, usages, extractable) {
  return makeCryptoKey(keyObject, algorithm, extractable, usages);
}

function verifyAcceptableMlDsaKeyUse(name, isPublic, usages) {
  const checkSet = isPublic ? ['verify'] : ['sign'];
  if (hasAnyNotIn(usages, checkSet)) {
    throw lazyDOMException(`Unsupported key usage for a ${name} key`, 'SyntaxError');
  }
}

// A KeyObject from raw public key bytes or (private) the 32-byte seed; shared with ML-KEM.
function createPqcRawKey(name, keyData, isPublic) {
  try {
    return importRaw(name.toLowerCase(), null, bytesOf(keyData), !isPublic);
  } catch {
    throw lazyDOMException('Invalid keyData', 'DataError');
  }
}

async function pqcGeneratePair(name) {
  try {
    return await generatePair(name.toLowerCase(), {});
  } catch (err) {
    throw lazyDOMException('The operation failed for an operation-specific reason',
                           { name: 'OperationError', cause: err });
  }
}

async function mlDsaGenerateKey(algorithm, extractable, keyUsages) {
  const { name } = algorithm;
  const usageSet = new Set(keyUsages);
  if (hasAnyNotIn(usageSet, ['sign', 'verify'])) {
    throw lazyDOMException(`Unsupported key usage for an ${name} key`, 'SyntaxError');
  }
  const keyPair = await pqcGeneratePair(name);
  const publicUsages = getUsagesUnion(usageSet, 'verify');
  const privateUsages = getUsagesUnion(usageSet, 'sign');
  const keyAlgorithmObject = { name };
  const publicKey = newCryptoKey(keyPair.publicKey, keyAlgorithmObject, publicUsages, true);
  const privateKey = newCryptoKey(keyPair.privateKey, keyAlgorithmObject, privateUsages,
                                  extractable);
  return { __proto__: null, privateKey, publicKey };
}

const kPkcs8Oid = {
  '__proto__': null,
  'ML-DSA-44': [0x03, 0x11],
  'ML-DSA-65': [0x03, 0x12],
  'ML-DSA-87': [0x03, 0x13],
  'ML-KEM-512': [0x04, 0x01],
  'ML-KEM-768': [0x04, 0x02],
  'ML-KEM-1024': [0x04, 0x03],
};

// Node's KeyObjectHandle.rawSeed(): its error for a key imported without a seed.
function rawSeed(id) {
  try {
    return binding.keyExport(id, 'raw-seed', null, null, null);
  } catch {
    const err = new Error('Failed to get raw seed');
    err.code = 'ERR_CRYPTO_OPERATION_FAILED';
    throw err;
  }
}

// 'raw' (the seed of a private key, else the public key), 'spki' or 'pkcs8' (the seed-only
// PrivateKeyInfo Node writes); shared with ML-KEM.
function pqcExportKey(key, format) {
  try {
    const id = nativeId(keyObjectOf(key));
    switch (format) {
      case 'raw': {
        if (keyType(key) === 'private') return toArrayBuffer(rawSeed(id));
        return toArrayBuffer(binding.keyExport(id, 'raw-public', null, null, null));
      }
      case 'spki':
        return exportDer(keyObjectOf(key), 'spki');
      case 'pkcs8': {
        const seed = rawSeed(id);
        const { 0: arc, 1: orc } = kPkcs8Oid[keyAlgorithm(key).name];
        const n = seed.byteLength;
        const buffer = new Uint8Array(22 + n);
        buffer.set([
          0x30, 20 + n, 0x02, 0x01, 0x00, 0x30, 0x0b, 0x06,
          0x09, 0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04,
          arc, orc, 0x04, 2 + n, 0x80, n,
        ], 0);
        buffer.set(seed, 22);
        return buffer.buffer;
      }
      default:
        return undefined;
    }
  } catch (err) {
    throw lazyDOMException('The operation failed for an operation-specific reason',
                           { name: 'OperationError', cause: err });
  }
}

// spki / pkcs8 / raw-public / raw-seed imports, shared with ML-KEM (`verifyUse`).
function pqcImportCommon(format, keyData, name, usagesSet, verifyUse) {
  switch (format) {
    case 'KeyObject':
      verifyUse(name, keyData.type === 'public', usagesSet);
      return keyData;
    case 'spki':
    case 'pkcs8':
      verifyUse(name, format === 'spki', usagesSet);
      try {
        return importDer(bytesOf(keyData), format);
      } catch (err) {
        throw lazyDOMException('Invalid keyData', { name: 'DataError', cause: err });
      }
    case 'raw-public':
    case 'raw-seed': {
      const isPublic = format === 'raw-public';
      verifyUse(name, isPublic, usagesSet);
      try {
        return createPqcRawKey(name, keyData, isPublic);
      } catch (err) {
        throw lazyDOMException('Invalid keyData', { name: 'DataError', cause: err });
      }
    }
    default:
      return undefined;
  }
}

function mlDsaImportKey(format, keyData, algorithm, extractable, keyUsages) {
  const { name } = algorithm;
  let keyObject;
  const usagesSet = new Set(keyUsages);
  if (format === 'jwk') {
    if (!keyData.kty)
      throw lazyDOMException('Invalid keyData', 'DataError');
    if (keyData.kty !== 'AKP')
      throw lazyDOMException('Invalid JWK "kty" Parameter', 'DataError');
    if (keyData.alg !== name)
      throw lazyDOMException('JWK "alg" Parameter and algorithm name mismatch', 'DataError');
    const isPublic = keyData.priv === undefined;

    if (usagesSet.size > 0 && keyData.use !== undefined) {
      if (keyData.use !== 'sig')
        throw lazyDOMException('Invalid JWK "use" Parameter', 'DataError');
    }

    validateKeyOps(keyData.key_ops, usagesSet);

    if (keyData.ext !== undefined && keyData.ext === false && extractable === true) {
      throw lazyDOMException('JWK "ext" Parameter and extractable mismatch', 'DataError');
    }

    if (!isPublic && typeof keyData.pub !== 'string') {
      throw lazyDOMException('Invalid JWK', 'DataError');
    }

    verifyAcceptableMlDsaKeyUse(name, isPublic, usagesSet);

    try {
      const publicKeyObject = createPqcRawKey(name, Buffer.from(keyData.pub, 'base64url'),
                                              true);
      if (isPublic) {
        keyObject = publicKeyObject;
      } else {
        keyObject = createPqcRawKey(name, Buffer.from(keyData.priv, 'base64url'), false);
        if (!keysEqual(publicOf(keyObject), publicKeyObject)) {
          const err = new TypeError('Invalid JWK data');
          err.code = 'ERR_CRYPTO_INVALID_JWK';
          throw err;
        }
      }
    } catch (err) {
      throw lazyDOMException('Invalid keyData', { name: 'DataError', cause: err });
    }
  } else {
    keyObject = pqcImportCommon(format, keyData, name, usagesSet,
                                verifyAcceptableMlDsaKeyUse);
    if (keyObject === undefined) return undefined;
  }

  if (keyObject.asymmetricKeyType !== name.toLowerCase()) {
    throw lazyDOMException('Invalid key type', 'DataError');
  }

  return newCryptoKey(keyObject, { name }, keyUsages, extractable);
}

async function mlDsaSignVerify(key, data, algorithm, signature) {
  const sign = signature === undefined;
  const type = sign ? 'private' : 'public';

  if (keyType(key) !== type)
    throw lazyDOMException(`Key must be a ${type} key`, 'InvalidAccessError');

  const bytes = bytesOf(data);
  const id = nativeId(keyObjectOf(key));
  const context = algorithm.context !== undefined ? bytesOf(algorithm.context) : null;
  if (sign) {
    return jobPromise(async () => toArrayBuffer(
      await awaitRequest(binding.signAsync(id, null, bytes, null, null, null, context))));
  }
  const sig = bytesOf(signature);
  return jobPromise(() => awaitRequest(
    binding.verifyAsync(id, null, bytes, sig, null, null, null, context)));
}

module.exports = {
  mlDsaExportKey: pqcExportKey,
  mlDsaGenerateKey,
  mlDsaImportKey,
  mlDsaSignVerify,
  pqcExportKey,
  pqcGeneratePair,
  pqcImportCommon,
};
