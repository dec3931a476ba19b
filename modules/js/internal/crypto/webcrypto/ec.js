'use strict';
// ECDSA and ECDH over P-256/P-384/P-521, ported from Node's lib/internal/crypto/ec.js,
// plus ecdhDeriveBits (Node keeps it in diffiehellman.js) for ECDH, X25519 and X448.

const binding = internalBinding('crypto');
const {
  getUsagesUnion,
  hasAnyNotIn,
  jobPromise,
  kNamedCurveAliases,
  lazyDOMException,
  normalizeHashName,
  validateKeyOps,
} = require('internal/crypto/webcrypto/util');
const {
  awaitRequest,
  bytesOf,
  exportDer,
  exportRawPublic,
  generatePair,
  importDer,
  importJwk,
  importRaw,
  keyAlgorithm,
  keyDetails,
  keyObjectOf,
  keyType,
  nativeId,
  toArrayBuffer,
} = require('internal/crypto/webcrypto/keyutil');
const { makeCryptoKey } = require('internal/crypto/keys');

function newCryptoKey(keyObject, algorithm, usages, extractable) {
  return makeCryptoKey(keyObject, algorithm, extractable, usages);
}

function verifyAcceptableEcKeyUse(name, isPublic, usages) {
  let checkSet;
  switch (name) {
    case 'ECDH':
      checkSet = isPublic ? [] : ['deriveKey', 'deriveBits'];
      break;
    case 'ECDSA':
      checkSet = isPublic ? ['verify'] : ['sign'];
      break;
    default:
      throw lazyDOMException('The algorithm is not supported', 'NotSupportedError');
  }
  if (hasAnyNotIn(usages, checkSet)) {
    throw lazyDOMException(`Unsupported key usage for a ${name} key`, 'SyntaxError');
  }
}

async function ecGenerateKey(algorithm, extractable, keyUsages) {
  const { name, namedCurve } = algorithm;

  const usageSet = new Set(keyUsages);
  switch (name) {
    case 'ECDSA':
      if (hasAnyNotIn(usageSet, ['sign', 'verify'])) {
        throw lazyDOMException('Unsupported key usage for an ECDSA key', 'SyntaxError');
      }
      break;
    case 'ECDH':
      if (hasAnyNotIn(usageSet, ['deriveKey', 'deriveBits'])) {
        throw lazyDOMException('Unsupported key usage for an ECDH key', 'SyntaxError');
      }
  }

  let keyPair;
  try {
    keyPair = await generatePair('ec', { namedCurve: kNamedCurveAliases[namedCurve] });
  } catch (err) {
    throw lazyDOMException('The operation failed for an operation-specific reason',
                           { name: 'OperationError', cause: err });
  }

  let publicUsages;
  let privateUsages;
  if (name === 'ECDSA') {
    publicUsages = getUsagesUnion(usageSet, 'verify');
    privateUsages = getUsagesUnion(usageSet, 'sign');
  } else {
    publicUsages = [];
    privateUsages = getUsagesUnion(usageSet, 'deriveKey', 'deriveBits');
  }

  const keyAlgorithmObject = { name, namedCurve };
  const publicKey = newCryptoKey(keyPair.publicKey, keyAlgorithmObject, publicUsages, true);
  const privateKey = newCryptoKey(keyPair.privateKey, keyAlgorithmObject, privateUsages,
                                  extractable);
  return { __proto__: null, publicKey, privateKey };
}

// 'spki', 'pkcs8' or 'raw' (the uncompressed point) bytes of an EC or CFRG key.
async function ecExportKey(key, format) {
  try {
    if (format === 'raw') return exportRawPublic(keyObjectOf(key));
    return exportDer(keyObjectOf(key), format);
  } catch (err) {
    throw lazyDOMException('The operation failed for an operation-specific reason',
                           { name: 'OperationError', cause: err });
  }
}

function ecImportKey(format, keyData, algorithm, extractable, keyUsages) {
  const { name, namedCurve } = algorithm;

  let keyObject;
  const usagesSet = new Set(keyUsages);
  switch (format) {
    case 'KeyObject': {
      verifyAcceptableEcKeyUse(name, keyData.type === 'public', usagesSet);
      keyObject = keyData;
      break;
    }
    case 'spki': {
      verifyAcceptableEcKeyUse(name, true, usagesSet);
      try {
        keyObject = importDer(bytesOf(keyData), 'spki');
      } catch (err) {
        throw lazyDOMException('Invalid keyData', { name: 'DataError', cause: err });
      }
      break;
    }
    case 'pkcs8': {
      verifyAcceptableEcKeyUse(name, false, usagesSet);
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
      if (keyData.kty !== 'EC')
        throw lazyDOMException('Invalid JWK "kty" Parameter', 'DataError');
      if (keyData.crv !== namedCurve)
        throw lazyDOMException('JWK "crv" does not match the requested algorithm',
                               'DataError');

      verifyAcceptableEcKeyUse(name, keyData.d === undefined, usagesSet);

      if (usagesSet.size > 0 && keyData.use !== undefined) {
        const checkUse = name === 'ECDH' ? 'enc' : 'sig';
        if (keyData.use !== checkUse)
          throw lazyDOMException('Invalid JWK "use" Parameter', 'DataError');
      }

      validateKeyOps(keyData.key_ops, usagesSet);

      if (keyData.ext !== undefined && keyData.ext === false && extractable === true) {
        throw lazyDOMException('JWK "ext" Parameter and extractable mismatch', 'DataError');
      }

      if (algorithm.name === 'ECDSA' && keyData.alg !== undefined) {
        let algNamedCurve;
        switch (keyData.alg) {
          case 'ES256': algNamedCurve = 'P-256'; break;
          case 'ES384': algNamedCurve = 'P-384'; break;
          case 'ES512': algNamedCurve = 'P-521'; break;
        }
        if (algNamedCurve !== namedCurve)
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
    case 'raw': {
      verifyAcceptableEcKeyUse(name, true, usagesSet);
      try {
        keyObject = importRaw('ec', kNamedCurveAliases[namedCurve], bytesOf(keyData), false);
      } catch {
        // Node's initECRaw only reports failure: no cause.
        throw lazyDOMException('Invalid keyData', 'DataError');
      }
      break;
    }
    default:
      return undefined;
  }

  if (keyObject.asymmetricKeyType !== 'ec')
    throw lazyDOMException('Invalid key type', 'DataError');

  const { namedCurve: checkNamedCurve } = keyDetails(keyObject);
  if (kNamedCurveAliases[namedCurve] !== checkNamedCurve)
    throw lazyDOMException('Named curve mismatch', 'DataError');

  return newCryptoKey(keyObject, { name, namedCurve }, keyUsages, extractable);
}

async function ecdsaSignVerify(key, data, { hash }, signature) {
  const sign = signature === undefined;
  const type = sign ? 'private' : 'public';

  if (keyType(key) !== type)
    throw lazyDOMException(`Key must be a ${type} key`, 'InvalidAccessError');

  const hashname = normalizeHashName(hash.name);
  const bytes = bytesOf(data);
  const id = nativeId(keyObjectOf(key));
  if (sign) {
    return jobPromise(async () => toArrayBuffer(
      await awaitRequest(binding.signAsync(id, hashname, bytes, null, null, 'ieee-p1363'))));
  }
  const sig = bytesOf(signature);
  return jobPromise(() => awaitRequest(
    binding.verifyAsync(id, hashname, bytes, sig, null, null, 'ieee-p1363')));
}

const masks = [undefined, 0b10000000, 0b11000000, 0b11100000, 0b11110000, 0b11111000,
               0b11111100, 0b11111110];

// The ECDH/X25519/X448 shared secret of `baseKey` and algorithm.public, cut to `length`
// bits (null: all of it).
async function ecdhDeriveBits(algorithm, baseKey, length) {
  const { 'public': key } = algorithm;

  if (keyType(baseKey) !== 'private') {
    throw lazyDOMException('baseKey must be a private key', 'InvalidAccessError');
  }

  const publicAlgorithm = keyAlgorithm(key);
  const baseAlgorithm = keyAlgorithm(baseKey);
  if (publicAlgorithm.name !== baseAlgorithm.name) {
    throw lazyDOMException('The public and private keys must be of the same type',
                           'InvalidAccessError');
  }

  if (publicAlgorithm.name === 'ECDH' &&
      publicAlgorithm.namedCurve !== baseAlgorithm.namedCurve) {
    throw lazyDOMException('Named curve mismatch', 'InvalidAccessError');
  }

  const bits = await jobPromise(() => toArrayBuffer(
    binding.keyAgree(nativeId(keyObjectOf(baseKey)), nativeId(keyObjectOf(key)))));

  if (length === null)
    return bits;

  const sliceLength = Math.ceil(length / 8);
  if (bits.byteLength < sliceLength)
    throw lazyDOMException('derived bit length is too small', 'OperationError');

  const slice = bits.slice(0, sliceLength);
  const mod = length % 8;
  if (mod === 0)
    return slice;

  const masked = new Uint8Array(slice);
  masked[sliceLength - 1] = masked[sliceLength - 1] & masks[mod];
  return masked.buffer;
}

module.exports = {
  ecExportKey,
  ecImportKey,
  ecGenerateKey,
  ecdhDeriveBits,
  ecdsaSignVerify,
};
