'use strict';
// Ed25519, Ed448, X25519 and X448, ported from Node's lib/internal/crypto/cfrg.js onto
// the native key table.

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
  exportRawPublic,
  generatePair,
  importDer,
  importRaw,
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

function verifyAcceptableCfrgKeyUse(name, isPublic, usages) {
  let checkSet;
  switch (name) {
    case 'X25519':
      // Fall through
    case 'X448':
      checkSet = isPublic ? [] : ['deriveKey', 'deriveBits'];
      break;
    case 'Ed25519':
      // Fall through
    case 'Ed448':
      checkSet = isPublic ? ['verify'] : ['sign'];
      break;
    default:
      throw lazyDOMException('The algorithm is not supported', 'NotSupportedError');
  }
  if (hasAnyNotIn(usages, checkSet)) {
    throw lazyDOMException(`Unsupported key usage for a ${name} key`, 'SyntaxError');
  }
}

function createCFRGRawKey(name, keyData, isPublic) {
  switch (name) {
    case 'Ed25519':
    case 'X25519':
      if (keyData.byteLength !== 32) {
        throw lazyDOMException(`${name} raw keys must be exactly 32-bytes`, 'DataError');
      }
      break;
    case 'Ed448':
      if (keyData.byteLength !== 57) {
        throw lazyDOMException(`${name} raw keys must be exactly 57-bytes`, 'DataError');
      }
      break;
    case 'X448':
      if (keyData.byteLength !== 56) {
        throw lazyDOMException(`${name} raw keys must be exactly 56-bytes`, 'DataError');
      }
      break;
  }
  try {
    return importRaw(name.toLowerCase(), null, bytesOf(keyData), !isPublic);
  } catch {
    // Node's initEDRaw only reports failure: no cause.
    throw lazyDOMException('Invalid keyData', 'DataError');
  }
}

async function cfrgGenerateKey(algorithm, extractable, keyUsages) {
  const { name } = algorithm;

  const usageSet = new Set(keyUsages);
  switch (name) {
    case 'Ed25519':
      // Fall through
    case 'Ed448':
      if (hasAnyNotIn(usageSet, ['sign', 'verify'])) {
        throw lazyDOMException(`Unsupported key usage for an ${name} key`, 'SyntaxError');
      }
      break;
    case 'X25519':
      // Fall through
    case 'X448':
      if (hasAnyNotIn(usageSet, ['deriveKey', 'deriveBits'])) {
        throw lazyDOMException(`Unsupported key usage for an ${name} key`, 'SyntaxError');
      }
      break;
  }

  let keyPair;
  try {
    keyPair = await generatePair(name.toLowerCase(), {});
  } catch (err) {
    throw lazyDOMException('The operation failed for an operation-specific reason',
                           { name: 'OperationError', cause: err });
  }

  let publicUsages;
  let privateUsages;
  if (name === 'Ed25519' || name === 'Ed448') {
    publicUsages = getUsagesUnion(usageSet, 'verify');
    privateUsages = getUsagesUnion(usageSet, 'sign');
  } else {
    publicUsages = [];
    privateUsages = getUsagesUnion(usageSet, 'deriveKey', 'deriveBits');
  }

  const keyAlgorithmObject = { name };
  const publicKey = newCryptoKey(keyPair.publicKey, keyAlgorithmObject, publicUsages, true);
  const privateKey = newCryptoKey(keyPair.privateKey, keyAlgorithmObject, privateUsages,
                                  extractable);
  return { __proto__: null, privateKey, publicKey };
}

async function cfrgExportKey(key, format) {
  try {
    if (format === 'raw') return exportRawPublic(keyObjectOf(key));
    return exportDer(keyObjectOf(key), format);
  } catch (err) {
    throw lazyDOMException('The operation failed for an operation-specific reason',
                           { name: 'OperationError', cause: err });
  }
}

function cfrgImportKey(format, keyData, algorithm, extractable, keyUsages) {
  const { name } = algorithm;
  let keyObject;
  const usagesSet = new Set(keyUsages);
  switch (format) {
    case 'KeyObject': {
      verifyAcceptableCfrgKeyUse(name, keyData.type === 'public', usagesSet);
      keyObject = keyData;
      break;
    }
    case 'spki': {
      verifyAcceptableCfrgKeyUse(name, true, usagesSet);
      try {
        keyObject = importDer(bytesOf(keyData), 'spki');
      } catch (err) {
        throw lazyDOMException('Invalid keyData', { name: 'DataError', cause: err });
      }
      break;
    }
    case 'pkcs8': {
      verifyAcceptableCfrgKeyUse(name, false, usagesSet);
      try {
        keyObject = importDer(bytesOf(keyData), 'pkcs8');
      } catch (err) {
        throw lazyDOMException('Invalid keyData', { name: 'DataError', cause: err });
      }
      break;
    }
    case 'jwk': {
      if (!keyData.kty)
        throw lazyDOMException('Invalid keyData', 'DataError');
      if (keyData.kty !== 'OKP')
        throw lazyDOMException('Invalid JWK "kty" Parameter', 'DataError');
      if (keyData.crv !== name)
        throw lazyDOMException('JWK "crv" Parameter and algorithm name mismatch',
                               'DataError');
      const isPublic = keyData.d === undefined;

      if (usagesSet.size > 0 && keyData.use !== undefined) {
        const checkUse = name === 'Ed25519' || name === 'Ed448' ? 'sig' : 'enc';
        if (keyData.use !== checkUse)
          throw lazyDOMException('Invalid JWK "use" Parameter', 'DataError');
      }

      validateKeyOps(keyData.key_ops, usagesSet);

      if (keyData.ext !== undefined && keyData.ext === false && extractable === true) {
        throw lazyDOMException('JWK "ext" Parameter and extractable mismatch', 'DataError');
      }

      if (keyData.alg !== undefined && (name === 'Ed25519' || name === 'Ed448')) {
        if (keyData.alg !== name && keyData.alg !== 'EdDSA') {
          throw lazyDOMException('JWK "alg" does not match the requested algorithm',
                                 'DataError');
        }
      }

      if (!isPublic && typeof keyData.x !== 'string') {
        throw lazyDOMException('Invalid JWK', 'DataError');
      }

      verifyAcceptableCfrgKeyUse(name, isPublic, usagesSet);

      try {
        const publicKeyObject = createCFRGRawKey(name, Buffer.from(keyData.x, 'base64'), true);
        if (isPublic) {
          keyObject = publicKeyObject;
        } else {
          keyObject = createCFRGRawKey(name, Buffer.from(keyData.d, 'base64'), false);
          if (!keysEqual(publicOf(keyObject), publicKeyObject)) {
            const err = new TypeError('Invalid JWK data');
            err.code = 'ERR_CRYPTO_INVALID_JWK';
            throw err;
          }
        }
      } catch (err) {
        throw lazyDOMException('Invalid keyData', { name: 'DataError', cause: err });
      }
      break;
    }
    case 'raw': {
      verifyAcceptableCfrgKeyUse(name, true, usagesSet);
      keyObject = createCFRGRawKey(name, keyData, true);
      break;
    }
    default:
      return undefined;
  }

  if (keyObject.asymmetricKeyType !== name.toLowerCase()) {
    throw lazyDOMException('Invalid key type', 'DataError');
  }

  return newCryptoKey(keyObject, { name }, keyUsages, extractable);
}

async function eddsaSignVerify(key, data, algorithm, signature) {
  const sign = signature === undefined;
  const type = sign ? 'private' : 'public';

  if (keyType(key) !== type)
    throw lazyDOMException(`Key must be a ${type} key`, 'InvalidAccessError');

  const bytes = bytesOf(data);
  const id = nativeId(keyObjectOf(key));
  // Only Ed448 takes a context (Ed25519's is ignored, as in Node).
  const context = algorithm.name === 'Ed448' && algorithm.context !== undefined ?
    bytesOf(algorithm.context) : null;
  if (sign) {
    return jobPromise(async () => toArrayBuffer(
      await awaitRequest(binding.signAsync(id, null, bytes, null, null, null, context))));
  }
  const sig = bytesOf(signature);
  return jobPromise(() => awaitRequest(
    binding.verifyAsync(id, null, bytes, sig, null, null, null, context)));
}

module.exports = {
  cfrgExportKey,
  cfrgImportKey,
  cfrgGenerateKey,
  eddsaSignVerify,
};
