'use strict';
// ML-KEM-512/768/1024 (FIPS 203), ported from Node 25's lib/internal/crypto/ml_kem.js onto
// the native key table (kemEncapsulateAsync / kemDecapsulateAsync).

const binding = internalBinding('crypto');
const {
  getUsagesUnion,
  hasAnyNotIn,
  lazyDOMException,
} = require('internal/crypto/webcrypto/util');
const {
  awaitRequest,
  bytesOf,
  keyObjectOf,
  keyType,
  nativeId,
  toArrayBuffer,
} = require('internal/crypto/webcrypto/keyutil');
const { makeCryptoKey } = require('internal/crypto/keys');
const {
  pqcExportKey,
  pqcGeneratePair,
  pqcImportCommon,
} = require('internal/crypto/webcrypto/ml_dsa');

function newCryptoKey(keyObject, algorithm, usages, extractable) {
  return makeCryptoKey(keyObject, algorithm, extractable, usages);
}

async function mlKemGenerateKey(algorithm, extractable, keyUsages) {
  const { name } = algorithm;
  const usageSet = new Set(keyUsages);
  if (hasAnyNotIn(usageSet,
                  ['encapsulateKey', 'encapsulateBits', 'decapsulateKey', 'decapsulateBits'])) {
    throw lazyDOMException(`Unsupported key usage for an ${name} key`, 'SyntaxError');
  }
  const keyPair = await pqcGeneratePair(name);
  const publicUsages = getUsagesUnion(usageSet, 'encapsulateBits', 'encapsulateKey');
  const privateUsages = getUsagesUnion(usageSet, 'decapsulateBits', 'decapsulateKey');
  const keyAlgorithmObject = { name };
  const publicKey = newCryptoKey(keyPair.publicKey, keyAlgorithmObject, publicUsages, true);
  const privateKey = newCryptoKey(keyPair.privateKey, keyAlgorithmObject, privateUsages,
                                  extractable);
  return { __proto__: null, privateKey, publicKey };
}

function verifyAcceptableMlKemKeyUse(name, isPublic, usages) {
  const checkSet = isPublic ? ['encapsulateKey', 'encapsulateBits'] :
    ['decapsulateKey', 'decapsulateBits'];
  if (hasAnyNotIn(usages, checkSet)) {
    throw lazyDOMException(`Unsupported key usage for a ${name} key`, 'SyntaxError');
  }
}

function mlKemImportKey(format, keyData, algorithm, extractable, keyUsages) {
  const { name } = algorithm;
  const usagesSet = new Set(keyUsages);
  const keyObject = pqcImportCommon(format, keyData, name, usagesSet,
                                    verifyAcceptableMlKemKeyUse);
  if (keyObject === undefined) return undefined;
  if (keyObject.asymmetricKeyType !== name.toLowerCase()) {
    throw lazyDOMException('Invalid key type', 'DataError');
  }
  return newCryptoKey(keyObject, { name }, keyUsages, extractable);
}

function opFailed(err) {
  return lazyDOMException('The operation failed for an operation-specific reason',
                          { name: 'OperationError', cause: err });
}

async function mlKemEncapsulate(encapsulationKey) {
  if (keyType(encapsulationKey) !== 'public') {
    throw lazyDOMException('Key must be a public key', 'InvalidAccessError');
  }
  let result;
  try {
    result = await awaitRequest(
      binding.kemEncapsulateAsync(nativeId(keyObjectOf(encapsulationKey))));
  } catch (err) {
    throw opFailed(err);
  }
  const { 0: sharedKey, 1: ciphertext } = result;
  return {
    sharedKey: toArrayBuffer(sharedKey),
    ciphertext: toArrayBuffer(ciphertext),
  };
}

async function mlKemDecapsulate(decapsulationKey, ciphertext) {
  if (keyType(decapsulationKey) !== 'private') {
    throw lazyDOMException('Key must be a private key', 'InvalidAccessError');
  }
  try {
    const result = await awaitRequest(
      binding.kemDecapsulateAsync(nativeId(keyObjectOf(decapsulationKey)),
                                  bytesOf(ciphertext)));
    return toArrayBuffer(result);
  } catch (err) {
    throw opFailed(err);
  }
}

module.exports = {
  mlKemDecapsulate,
  mlKemEncapsulate,
  mlKemExportKey: pqcExportKey,
  mlKemGenerateKey,
  mlKemImportKey,
};
