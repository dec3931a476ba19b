'use strict';
// RSASSA-PKCS1-v1_5, RSA-PSS and RSA-OAEP, ported from Node's lib/internal/crypto/rsa.js
// onto the native key table (keyGenerateAsync, keyImport/Export, signAsync/verifyAsync,
// rsaCipher).

const binding = internalBinding('crypto');
const { validateInt32 } = require('internal/validators');
const {
  bigIntArrayToUnsignedInt,
  getDigestSizeInBytes,
  getUsagesUnion,
  hasAnyNotIn,
  jobPromise,
  lazyDOMException,
  normalizeHashName,
  validateKeyOps,
  validateMaxBufferLength,
} = require('internal/crypto/webcrypto/util');
const {
  awaitRequest,
  bytesOf,
  exportDer,
  exportJwk,
  generatePair,
  importDer,
  importJwk,
  keyAlgorithm,
  keyDetails,
  keyObjectOf,
  keyType,
  nativeId,
  toArrayBuffer,
} = require('internal/crypto/webcrypto/keyutil');
const { makeCryptoKey } = require('internal/crypto/keys');

const kEncrypt = 0;
const RSA_PKCS1_PADDING = 1;
const RSA_PKCS1_OAEP_PADDING = 4;
const RSA_PKCS1_PSS_PADDING = 6;

function newCryptoKey(keyObject, algorithm, usages, extractable) {
  return makeCryptoKey(keyObject, algorithm, extractable, usages);
}

function verifyAcceptableRsaKeyUse(name, isPublic, usages) {
  let checkSet;
  switch (name) {
    case 'RSA-OAEP':
      checkSet = isPublic ? ['encrypt', 'wrapKey'] : ['decrypt', 'unwrapKey'];
      break;
    case 'RSA-PSS':
      // Fall through
    case 'RSASSA-PKCS1-v1_5':
      checkSet = isPublic ? ['verify'] : ['sign'];
      break;
    default:
      throw lazyDOMException('The algorithm is not supported', 'NotSupportedError');
  }
  if (hasAnyNotIn(usages, checkSet)) {
    throw lazyDOMException(`Unsupported key usage for an ${name} key`, 'SyntaxError');
  }
}

async function rsaOaepCipher(mode, key, data, algorithm) {
  if (algorithm.label !== undefined) {
    validateMaxBufferLength(algorithm.label, 'algorithm.label');
  }
  const type = mode === kEncrypt ? 'public' : 'private';
  if (keyType(key) !== type) {
    throw lazyDOMException('The requested operation is not valid for the provided key',
                           'InvalidAccessError');
  }
  const bytes = bytesOf(data);
  const hash = normalizeHashName(keyAlgorithm(key).hash.name);
  const label = algorithm.label?.byteLength ? algorithm.label : null;
  return jobPromise(() => toArrayBuffer(binding.rsaCipher(
    mode === kEncrypt ? 'publicEncrypt' : 'privateDecrypt',
    nativeId(keyObjectOf(key)), bytes, RSA_PKCS1_OAEP_PADDING, hash, label)));
}

async function rsaKeyGenerate(algorithm, extractable, keyUsages) {
  const publicExponentConverted = bigIntArrayToUnsignedInt(algorithm.publicExponent);
  if (publicExponentConverted === undefined) {
    throw lazyDOMException(
      'The publicExponent must be equivalent to an unsigned 32-bit value',
      'OperationError');
  }
  const { name, modulusLength, publicExponent, hash } = algorithm;

  const usageSet = new Set(keyUsages);
  switch (name) {
    case 'RSA-OAEP':
      if (hasAnyNotIn(usageSet, ['encrypt', 'decrypt', 'wrapKey', 'unwrapKey'])) {
        throw lazyDOMException('Unsupported key usage for a RSA key', 'SyntaxError');
      }
      break;
    default:
      if (hasAnyNotIn(usageSet, ['sign', 'verify'])) {
        throw lazyDOMException('Unsupported key usage for a RSA key', 'SyntaxError');
      }
  }

  let keyPair;
  try {
    keyPair = await generatePair('rsa', { modulusLength, publicExponent: publicExponentConverted });
  } catch (err) {
    throw lazyDOMException('The operation failed for an operation-specific reason',
                           { name: 'OperationError', cause: err });
  }

  const keyAlgorithmObject = { name, modulusLength, publicExponent, hash };

  let publicUsages;
  let privateUsages;
  if (name === 'RSA-OAEP') {
    publicUsages = getUsagesUnion(usageSet, 'encrypt', 'wrapKey');
    privateUsages = getUsagesUnion(usageSet, 'decrypt', 'unwrapKey');
  } else {
    publicUsages = getUsagesUnion(usageSet, 'verify');
    privateUsages = getUsagesUnion(usageSet, 'sign');
  }

  const publicKey = newCryptoKey(keyPair.publicKey, keyAlgorithmObject, publicUsages, true);
  const privateKey = newCryptoKey(keyPair.privateKey, keyAlgorithmObject, privateUsages,
                                  extractable);
  return { __proto__: null, publicKey, privateKey };
}

async function rsaExportKey(key, format) {
  try {
    return exportDer(keyObjectOf(key), format);
  } catch (err) {
    throw lazyDOMException('The operation failed for an operation-specific reason',
                           { name: 'OperationError', cause: err });
  }
}

function rsaExportJwk(key) {
  return exportJwk(keyObjectOf(key));
}

function rsaImportKey(format, keyData, algorithm, extractable, keyUsages) {
  const usagesSet = new Set(keyUsages);
  let keyObject;
  switch (format) {
    case 'KeyObject': {
      verifyAcceptableRsaKeyUse(algorithm.name, keyData.type === 'public', usagesSet);
      keyObject = keyData;
      break;
    }
    case 'spki': {
      verifyAcceptableRsaKeyUse(algorithm.name, true, usagesSet);
      try {
        keyObject = importDer(bytesOf(keyData), 'spki');
      } catch (err) {
        throw lazyDOMException('Invalid keyData', { name: 'DataError', cause: err });
      }
      break;
    }
    case 'pkcs8': {
      verifyAcceptableRsaKeyUse(algorithm.name, false, usagesSet);
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
      if (keyData.kty !== 'RSA')
        throw lazyDOMException('Invalid JWK "kty" Parameter', 'DataError');

      verifyAcceptableRsaKeyUse(algorithm.name, keyData.d === undefined, usagesSet);

      if (usagesSet.size > 0 && keyData.use !== undefined) {
        const checkUse = algorithm.name === 'RSA-OAEP' ? 'enc' : 'sig';
        if (keyData.use !== checkUse)
          throw lazyDOMException('Invalid JWK "use" Parameter', 'DataError');
      }

      validateKeyOps(keyData.key_ops, usagesSet);

      if (keyData.ext !== undefined && keyData.ext === false && extractable === true) {
        throw lazyDOMException('JWK "ext" Parameter and extractable mismatch', 'DataError');
      }

      if (keyData.alg !== undefined) {
        const expected = normalizeHashName(
          algorithm.hash.name,
          algorithm.name === 'RSASSA-PKCS1-v1_5' ? normalizeHashName.kContextJwkRsa :
            algorithm.name === 'RSA-PSS' ? normalizeHashName.kContextJwkRsaPss :
              normalizeHashName.kContextJwkRsaOaep);
        if (expected && keyData.alg !== expected)
          throw lazyDOMException('JWK "alg" does not match the requested algorithm',
                                 'DataError');
      }

      try {
        keyObject = importJwk(keyData, keyData.d === undefined);
      } catch (err) {
        throw lazyDOMException('Invalid keyData', { name: 'DataError', cause: err });
      }
      break;
    }
    default:
      return undefined;
  }

  if (keyObject.asymmetricKeyType !== 'rsa') {
    throw lazyDOMException('Invalid key type', 'DataError');
  }

  const { modulusLength, publicExponent } = keyDetails(keyObject);

  return newCryptoKey(keyObject, {
    name: algorithm.name,
    modulusLength,
    publicExponent: new Uint8Array(publicExponent),
    hash: algorithm.hash,
  }, keyUsages, extractable);
}

async function rsaSignVerify(key, data, { saltLength }, signature) {
  const sign = signature === undefined;
  const type = sign ? 'private' : 'public';

  if (keyType(key) !== type)
    throw lazyDOMException(`Key must be a ${type} key`, 'InvalidAccessError');

  const algorithm = keyAlgorithm(key);
  const pss = algorithm.name === 'RSA-PSS';
  if (pss) {
    try {
      validateInt32(
        saltLength,
        'algorithm.saltLength',
        0,
        Math.ceil((algorithm.modulusLength - 1) / 8) -
          getDigestSizeInBytes(algorithm.hash.name) - 2);
    } catch (err) {
      throw lazyDOMException('The operation failed for an operation-specific reason',
                             { name: 'OperationError', cause: err });
    }
  }
  const bytes = bytesOf(data);
  const id = nativeId(keyObjectOf(key));
  const hash = normalizeHashName(algorithm.hash.name);
  const padding = pss ? RSA_PKCS1_PSS_PADDING : RSA_PKCS1_PADDING;
  const salt = pss ? saltLength : null;
  if (sign) {
    return jobPromise(async () => toArrayBuffer(
      await awaitRequest(binding.signAsync(id, hash, bytes, padding, salt, null))));
  }
  const sig = bytesOf(signature);
  return jobPromise(() => awaitRequest(
    binding.verifyAsync(id, hash, bytes, sig, padding, salt, null)));
}

module.exports = {
  rsaCipher: rsaOaepCipher,
  rsaExportJwk,
  rsaExportKey,
  rsaImportKey,
  rsaKeyGenerate,
  rsaSignVerify,
};
