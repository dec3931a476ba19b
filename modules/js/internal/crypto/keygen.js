'use strict';
// Key generation, after Node's lib/internal/crypto/keygen.js: generateKeyPair(Sync) for
// asymmetric key pairs (native keyGenerate / keyGenerateAsync; the async form runs on the
// blocking pool and hands back the private key as PKCS#8 DER), and generateKey(Sync) for
// secret keys ('hmac' and 'aes': random bytes from the OS source in a secret KeyObject).

const binding = internalBinding('crypto');
const { onComplete } = require('internal/async_ops');
const {
  codes: {
    ERR_INCOMPATIBLE_OPTION_PAIR,
    ERR_INVALID_ARG_VALUE,
    ERR_MISSING_OPTION,
  },
  codes,
  E,
} = require('internal/errors');
const {
  validateBuffer,
  validateFunction,
  validateInt32,
  validateInteger,
  validateObject,
  validateOneOf,
  validateString,
  validateUint32,
} = require('internal/validators');
const { Buffer } = require('buffer');
const { randomBytes } = require('internal/crypto/random');
const {
  AsymmetricKeyHandle,
  createSecretKey,
  handleFromImport,
  parsePrivateKeyEncoding,
  parsePublicKeyEncoding,
  PrivateKeyObject,
  PublicKeyObject,
  validateCipherName,
} = require('internal/crypto/keys');

if (codes.ERR_CRYPTO_UNKNOWN_DH_GROUP === undefined) {
  E('ERR_CRYPTO_UNKNOWN_DH_GROUP', 'Unknown DH group', Error);
}
const { ERR_CRYPTO_UNKNOWN_DH_GROUP } = codes;

// The groups of RFC 2409 / RFC 3526 Node knows by name.
const kDhGroups = ['modp1', 'modp2', 'modp5', 'modp14', 'modp15', 'modp16', 'modp17', 'modp18'];

// Key types generated from a name alone (Node's NidKeyPairGenJob).
const kNidOnlyKeyPairs = [
  'ed25519', 'ed448', 'x25519', 'x448',
  // Post-quantum key types (OpenSSL 3.5): generated from the name alone too.
  'ml-dsa-44', 'ml-dsa-65', 'ml-dsa-87', 'ml-kem-512', 'ml-kem-768', 'ml-kem-1024',
  'slh-dsa-sha2-128f', 'slh-dsa-sha2-128s', 'slh-dsa-sha2-192f', 'slh-dsa-sha2-192s',
  'slh-dsa-sha2-256f', 'slh-dsa-sha2-256s', 'slh-dsa-shake-128f', 'slh-dsa-shake-128s',
  'slh-dsa-shake-192f', 'slh-dsa-shake-192s', 'slh-dsa-shake-256f', 'slh-dsa-shake-256s',
];

// Node's error for a digest OpenSSL does not know, thrown where the native job would.
function invalidDigestError(message) {
  const err = new TypeError(message);
  err.code = 'ERR_CRYPTO_INVALID_DIGEST';
  return err;
}

function validateDigestName(name, message) {
  const { getHashes } = require('internal/crypto/hash');
  const lower = name.toLowerCase();
  if (!getHashes().some((h) => h.toLowerCase() === lower)) {
    throw invalidDigestError(`${message}: ${name}`);
  }
}

function generateKeyPair(type, options, callback) {
  if (typeof options === 'function') {
    callback = options;
    options = undefined;
  }
  validateFunction(callback, 'callback');

  const job = createJob(type, options);
  const id = binding.keyGenerateAsync(job.type, job.params);
  onComplete(id, (err, value) => {
    if (err) return callback(err);
    let keys;
    try {
      const privateHandle = handleFromImport(
        binding.keyImport('der', value[0], 'pkcs8', null, false));
      keys = encodeKeyPair(job, privateHandle, privateHandle.toPublic());
    } catch (error) {
      return callback(error);
    }
    callback(null, keys.publicKey, keys.privateKey);
  });
}

// util.promisify(generateKeyPair) resolves { publicKey, privateKey }, as Node's
// customPromisifyArgs makes it.
Object.defineProperty(generateKeyPair, Symbol.for('nodejs.util.promisify.custom'), {
  __proto__: null,
  enumerable: false,
  configurable: true,
  writable: false,
  value: function generateKeyPair(type, options) {
    return new Promise((resolve, reject) => {
      module.exports.generateKeyPair(type, options, (err, publicKey, privateKey) => {
        if (err) reject(err);
        else resolve({ publicKey, privateKey });
      });
    });
  },
});

function generateKeyPairSync(type, options) {
  const job = createJob(type, options);
  const [privateId, publicId] = binding.keyGenerate(job.type, job.params);
  const privateHandle = new AsymmetricKeyHandle(privateId, 'private', job.type);
  const publicHandle = new AsymmetricKeyHandle(publicId, 'public', job.type);
  return encodeKeyPair(job, privateHandle, publicHandle);
}

// The outputs: KeyObjects, or PEM strings / DER Buffers / JWK objects per the encodings.
function encodeKeyPair(job, privateHandle, publicHandle) {
  const [publicFormat, publicType, privateFormat, privateType, cipher, passphrase] =
    job.encoding;
  return {
    publicKey: encodeKey(publicHandle, PublicKeyObject, publicFormat, publicType),
    privateKey: encodeKey(privateHandle, PrivateKeyObject, privateFormat, privateType,
                          cipher, passphrase),
  };
}

function encodeKey(handle, KeyObjectClass, format, type, cipher, passphrase) {
  if (format === undefined) return new KeyObjectClass(handle);
  // A JWK is never encrypted; Node ignores a cipher given with it.
  if (format === 'jwk') return handle.exportJwk();
  return handle.export(format, type, cipher, passphrase);
}

function parseKeyEncoding(keyType, options = {}) {
  const { publicKeyEncoding, privateKeyEncoding } = options;

  let publicFormat, publicType;
  if (publicKeyEncoding == null) {
    publicFormat = publicType = undefined;
  } else if (typeof publicKeyEncoding === 'object') {
    ({
      format: publicFormat,
      type: publicType,
    } = parsePublicKeyEncoding(publicKeyEncoding, keyType, 'publicKeyEncoding'));
  } else {
    throw new ERR_INVALID_ARG_VALUE('options.publicKeyEncoding', publicKeyEncoding);
  }

  let privateFormat, privateType, cipher, passphrase;
  if (privateKeyEncoding == null) {
    privateFormat = privateType = undefined;
  } else if (typeof privateKeyEncoding === 'object') {
    ({
      format: privateFormat,
      type: privateType,
      cipher,
      passphrase,
    } = parsePrivateKeyEncoding(privateKeyEncoding, keyType, 'privateKeyEncoding'));
  } else {
    throw new ERR_INVALID_ARG_VALUE('options.privateKeyEncoding', privateKeyEncoding);
  }

  return [publicFormat, publicType, privateFormat, privateType, cipher, passphrase];
}

// Validates `type` and `options` in Node's order; returns the native key type, the
// native option bag (JSON) and the output encodings.
function createJob(type, options) {
  validateString(type, 'type');

  const encoding = parseKeyEncoding(type, options);

  if (options !== undefined) validateObject(options, 'options');

  let params;
  switch (type) {
    case 'rsa':
    case 'rsa-pss': {
      validateObject(options, 'options');
      const { modulusLength } = options;
      validateUint32(modulusLength, 'options.modulusLength');

      let { publicExponent } = options;
      if (publicExponent == null) {
        publicExponent = 0x10001;
      } else {
        validateUint32(publicExponent, 'options.publicExponent');
      }

      params = { modulusLength, publicExponent };
      if (type === 'rsa') break;

      const { hashAlgorithm, mgf1HashAlgorithm, saltLength } = options;
      if (saltLength !== undefined) validateInt32(saltLength, 'options.saltLength', 0);
      if (hashAlgorithm !== undefined) validateString(hashAlgorithm, 'options.hashAlgorithm');
      if (mgf1HashAlgorithm !== undefined) {
        validateString(mgf1HashAlgorithm, 'options.mgf1HashAlgorithm');
      }
      if (options.hash !== undefined) {
        // The deprecated `hash` option was removed; Node throws to make that visible.
        throw new ERR_INVALID_ARG_VALUE('options.hash', options.hash, 'is no longer supported');
      }
      if (options.mgf1Hash !== undefined) {
        throw new ERR_INVALID_ARG_VALUE(
          'options.mgf1Hash', options.mgf1Hash, 'is no longer supported');
      }
      // What Node's native job checks before generating.
      if (hashAlgorithm !== undefined) validateDigestName(hashAlgorithm, 'Invalid digest');
      if (mgf1HashAlgorithm !== undefined) {
        validateDigestName(mgf1HashAlgorithm, 'Invalid MGF1 digest');
      }
      if (hashAlgorithm !== undefined) params.hashAlgorithm = hashAlgorithm;
      if (mgf1HashAlgorithm !== undefined) params.mgf1HashAlgorithm = mgf1HashAlgorithm;
      if (saltLength !== undefined) params.saltLength = saltLength;
      break;
    }
    case 'dsa': {
      validateObject(options, 'options');
      const { modulusLength } = options;
      validateUint32(modulusLength, 'options.modulusLength');

      let { divisorLength } = options;
      if (divisorLength == null) {
        divisorLength = -1;
      } else {
        validateInt32(divisorLength, 'options.divisorLength', 0);
      }
      params = { modulusLength, divisorLength };
      break;
    }
    case 'ec': {
      validateObject(options, 'options');
      const { namedCurve } = options;
      validateString(namedCurve, 'options.namedCurve');
      let { paramEncoding } = options;
      if (paramEncoding == null || paramEncoding === 'named') {
        paramEncoding = 'named';
      } else if (paramEncoding !== 'explicit') {
        throw new ERR_INVALID_ARG_VALUE('options.paramEncoding', paramEncoding);
      }
      params = { namedCurve, paramEncoding };
      break;
    }
    case 'dh': {
      validateObject(options, 'options');
      const { group, primeLength, prime, generator } = options;
      if (group != null) {
        if (prime != null) throw new ERR_INCOMPATIBLE_OPTION_PAIR('group', 'prime');
        if (primeLength != null) throw new ERR_INCOMPATIBLE_OPTION_PAIR('group', 'primeLength');
        if (generator != null) throw new ERR_INCOMPATIBLE_OPTION_PAIR('group', 'generator');

        validateString(group, 'options.group');
        if (!kDhGroups.includes(group)) throw new ERR_CRYPTO_UNKNOWN_DH_GROUP();
        params = { groupName: group };
        break;
      }

      if (prime != null) {
        if (primeLength != null) throw new ERR_INCOMPATIBLE_OPTION_PAIR('prime', 'primeLength');
        validateBuffer(prime, 'options.prime');
      } else if (primeLength != null) {
        validateInt32(primeLength, 'options.primeLength', 0);
      } else {
        throw new ERR_MISSING_OPTION('At least one of the group, prime, or primeLength options');
      }

      if (generator != null) validateInt32(generator, 'options.generator', 0);

      params = { generator: generator == null ? 2 : generator };
      if (prime != null) {
        params.prime = Buffer.from(prime.buffer, prime.byteOffset, prime.byteLength)
          .toString('hex');
      } else {
        params.primeLength = primeLength;
      }
      break;
    }
    default:
      if (!kNidOnlyKeyPairs.includes(type)) {
        throw new ERR_INVALID_ARG_VALUE('type', type, 'must be a supported key type');
      }
      params = {};
  }

  // The private key's cipher is looked up (Node: when the job is made) before generating.
  const cipher = encoding[4];
  if (cipher != null) validateCipherName(cipher);

  return { type, params: JSON.stringify(params), encoding };
}

// The key length in bytes for `type` with `options.length` in bits, validated as Node does.
function secretKeyLength(type, options) {
  validateString(type, 'type');
  validateObject(options, 'options');
  const { length } = options;
  switch (type) {
    case 'hmac':
      validateInteger(length, 'options.length', 8, 2 ** 31 - 1);
      break;
    case 'aes':
      validateOneOf(length, 'options.length', [128, 192, 256]);
      break;
    default:
      throw new ERR_INVALID_ARG_VALUE('type', type, 'must be a supported key type');
  }
  return Math.floor(length / 8);
}

function generateKeySync(type, options) {
  return createSecretKey(randomBytes(secretKeyLength(type, options)));
}

function generateKey(type, options, callback) {
  if (typeof options === 'function') {
    callback = options;
    options = undefined;
  }
  validateFunction(callback, 'callback');
  const size = secretKeyLength(type, options);
  randomBytes(size, (err, bytes) => {
    if (err) return callback(err);
    callback(null, createSecretKey(bytes));
  });
}

module.exports = { generateKey, generateKeyPair, generateKeyPairSync, generateKeySync };
