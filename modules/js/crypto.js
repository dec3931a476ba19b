'use strict';
// The `crypto` module: random values, primes, hashes (createHash, hash, getHashes), HMAC,
// PBKDF2, scrypt, HKDF, AES and ChaCha20-Poly1305 ciphers, KeyObjects (secret, public,
// private) and key pairs, signatures, RSA encryption, Diffie-Hellman and ECDH,
// timingSafeEqual, the constants and webcrypto.

const binding = internalBinding('crypto');
const {
  codes: { ERR_CRYPTO_FIPS_UNAVAILABLE, ERR_CRYPTO_TIMING_SAFE_EQUAL_LENGTH },
} = require('internal/errors');
const { isAnyArrayBuffer, isArrayBufferView } = require('internal/util/types');
const { deprecate } = require('util');
const {
  randomBytes, randomFill, randomFillSync, randomInt, randomUUID, getRandomValues,
} = require('internal/crypto/random');
const { Hash, Hmac, hash, getHashes } = require('internal/crypto/hash');
const { pbkdf2, pbkdf2Sync } = require('internal/crypto/pbkdf2');
const { scrypt, scryptSync } = require('internal/crypto/scrypt');
const { argon2, argon2Sync } = require('internal/crypto/argon2');
const { encapsulate, decapsulate } = require('internal/crypto/kem');
const { hkdf, hkdfSync } = require('internal/crypto/hkdf');
const { Cipheriv, Decipheriv, getCipherInfo, getCiphers } = require('internal/crypto/cipher');
const {
  KeyObject, createSecretKey, createPublicKey, createPrivateKey,
} = require('internal/crypto/keys');
const {
  generateKey, generateKeySync, generateKeyPair, generateKeyPairSync,
} = require('internal/crypto/keygen');
const { Sign, Verify, signOneShot, verifyOneShot } = require('internal/crypto/sig');
const {
  publicEncrypt, privateDecrypt, privateEncrypt, publicDecrypt,
} = require('internal/crypto/public_cipher');
const {
  DiffieHellman, DiffieHellmanGroup, ECDH, diffieHellman, getCurves,
} = require('internal/crypto/diffiehellman');
const {
  checkPrime, checkPrimeSync, generatePrime, generatePrimeSync,
} = require('internal/crypto/prime');
const { crypto: webcrypto, subtle } = require('internal/crypto/webcrypto');

function createHash(algorithm, options) {
  return new Hash(algorithm, options);
}

function createHmac(hmac, key, options) {
  return new Hmac(hmac, key, options);
}

function createCipheriv(cipher, key, iv, options) {
  return new Cipheriv(cipher, key, iv, options);
}

function createDecipheriv(cipher, key, iv, options) {
  return new Decipheriv(cipher, key, iv, options);
}

// Node checks these arguments natively: its messages name no received value.
function createSign(algorithm, options) {
  return new Sign(algorithm, options);
}

function createVerify(algorithm, options) {
  return new Verify(algorithm, options);
}

function createDiffieHellman(sizeOrKey, keyEncoding, generator, genEncoding) {
  return new DiffieHellman(sizeOrKey, keyEncoding, generator, genEncoding);
}

function createDiffieHellmanGroup(name) {
  return new DiffieHellmanGroup(name);
}

function createECDH(curve) {
  return new ECDH(curve);
}

function timingSafeEqual(a, b) {
  for (const [name, value] of [['buf1', a], ['buf2', b]]) {
    if (!isAnyArrayBuffer(value) && !isArrayBufferView(value)) {
      const err = new TypeError(`The "${name}" argument must be an instance of ` +
                                'ArrayBuffer, Buffer, TypedArray, or DataView.');
      err.code = 'ERR_INVALID_ARG_TYPE';
      throw err;
    }
  }
  if (a.byteLength !== b.byteLength) throw new ERR_CRYPTO_TIMING_SAFE_EQUAL_LENGTH();
  return binding.timingSafeEqual(a, b);
}

// This build has no FIPS mode.
function getFips() {
  return 0;
}

function setFips(enabled) {
  if (enabled) throw new ERR_CRYPTO_FIPS_UNAVAILABLE();
}

const constants = {
  __proto__: null,
  OPENSSL_VERSION_NUMBER: 810549328,
  SSL_OP_ALL: 2147485776,
  SSL_OP_ALLOW_NO_DHE_KEX: 1024,
  SSL_OP_ALLOW_UNSAFE_LEGACY_RENEGOTIATION: 262144,
  SSL_OP_CIPHER_SERVER_PREFERENCE: 4194304,
  SSL_OP_CISCO_ANYCONNECT: 32768,
  SSL_OP_COOKIE_EXCHANGE: 8192,
  SSL_OP_CRYPTOPRO_TLSEXT_BUG: 2147483648,
  SSL_OP_DONT_INSERT_EMPTY_FRAGMENTS: 2048,
  SSL_OP_LEGACY_SERVER_CONNECT: 4,
  SSL_OP_NO_COMPRESSION: 131072,
  SSL_OP_NO_ENCRYPT_THEN_MAC: 524288,
  SSL_OP_NO_QUERY_MTU: 4096,
  SSL_OP_NO_RENEGOTIATION: 1073741824,
  SSL_OP_NO_SESSION_RESUMPTION_ON_RENEGOTIATION: 65536,
  SSL_OP_NO_SSLv2: 0,
  SSL_OP_NO_SSLv3: 33554432,
  SSL_OP_NO_TICKET: 16384,
  SSL_OP_NO_TLSv1: 67108864,
  SSL_OP_NO_TLSv1_1: 268435456,
  SSL_OP_NO_TLSv1_2: 134217728,
  SSL_OP_NO_TLSv1_3: 536870912,
  SSL_OP_PRIORITIZE_CHACHA: 2097152,
  SSL_OP_TLS_ROLLBACK_BUG: 8388608,
  ENGINE_METHOD_RSA: 1,
  ENGINE_METHOD_DSA: 2,
  ENGINE_METHOD_DH: 4,
  ENGINE_METHOD_RAND: 8,
  ENGINE_METHOD_EC: 2048,
  ENGINE_METHOD_CIPHERS: 64,
  ENGINE_METHOD_DIGESTS: 128,
  ENGINE_METHOD_PKEY_METHS: 512,
  ENGINE_METHOD_PKEY_ASN1_METHS: 1024,
  ENGINE_METHOD_ALL: 65535,
  ENGINE_METHOD_NONE: 0,
  DH_CHECK_P_NOT_SAFE_PRIME: 2,
  DH_CHECK_P_NOT_PRIME: 1,
  DH_UNABLE_TO_CHECK_GENERATOR: 4,
  DH_NOT_SUITABLE_GENERATOR: 8,
  RSA_PKCS1_PADDING: 1,
  RSA_NO_PADDING: 3,
  RSA_PKCS1_OAEP_PADDING: 4,
  RSA_X931_PADDING: 5,
  RSA_PKCS1_PSS_PADDING: 6,
  RSA_PSS_SALTLEN_DIGEST: -1,
  RSA_PSS_SALTLEN_MAX_SIGN: -2,
  RSA_PSS_SALTLEN_AUTO: -2,
  defaultCoreCipherList: 'TLS_AES_256_GCM_SHA384:TLS_CHACHA20_POLY1305_SHA256:' +
    'TLS_AES_128_GCM_SHA256:ECDHE-RSA-AES128-GCM-SHA256:ECDHE-ECDSA-AES128-GCM-SHA256:' +
    'ECDHE-RSA-AES256-GCM-SHA384:ECDHE-ECDSA-AES256-GCM-SHA384:DHE-RSA-AES128-GCM-SHA256:' +
    'ECDHE-RSA-AES128-SHA256:DHE-RSA-AES128-SHA256:ECDHE-RSA-AES256-SHA384:' +
    'DHE-RSA-AES256-SHA384:ECDHE-RSA-AES256-SHA256:DHE-RSA-AES256-SHA256:HIGH:!aNULL:' +
    '!eNULL:!EXPORT:!DES:!RC4:!MD5:!PSK:!SRP:!CAMELLIA',
  TLS1_VERSION: 769,
  TLS1_1_VERSION: 770,
  TLS1_2_VERSION: 771,
  TLS1_3_VERSION: 772,
  POINT_CONVERSION_COMPRESSED: 2,
  POINT_CONVERSION_UNCOMPRESSED: 4,
  POINT_CONVERSION_HYBRID: 6,
};
// tls reads and may replace the default cipher list through the constants, as in Node.
let defaultCipherList = constants.defaultCoreCipherList;
Object.defineProperty(constants, 'defaultCipherList', {
  __proto__: null,
  enumerable: true,
  configurable: false,
  get() { return defaultCipherList; },
  set(value) { defaultCipherList = value; },
});

module.exports = {
  argon2,
  argon2Sync,
  checkPrime,
  checkPrimeSync,
  createCipheriv,
  createDecipheriv,
  createDiffieHellman,
  createDiffieHellmanGroup,
  createECDH,
  createHash,
  createHmac,
  createPrivateKey,
  createPublicKey,
  createSecretKey,
  createSign,
  createVerify,
  decapsulate,
  diffieHellman,
  encapsulate,
  generateKey,
  generateKeyPair,
  generateKeyPairSync,
  generateKeySync,
  generatePrime,
  generatePrimeSync,
  getCipherInfo,
  getCiphers,
  getCurves,
  getDiffieHellman: createDiffieHellmanGroup,
  getFips,
  getHashes,
  hash,
  hkdf,
  hkdfSync,
  pbkdf2,
  pbkdf2Sync,
  privateDecrypt,
  privateEncrypt,
  publicDecrypt,
  publicEncrypt,
  randomBytes,
  randomFill,
  randomFillSync,
  randomInt,
  randomUUID,
  scrypt,
  scryptSync,
  setFips,
  sign: signOneShot,
  timingSafeEqual,
  verify: verifyOneShot,
  Cipheriv,
  Decipheriv,
  DiffieHellman,
  DiffieHellmanGroup,
  ECDH,
  KeyObject,
  Sign,
  Verify,
  Certificate: require('internal/crypto/certificate'),
  X509Certificate: require('internal/crypto/x509').X509Certificate,
  Hash: deprecate(Hash, 'crypto.Hash constructor is deprecated.', 'DEP0179'),
  Hmac: deprecate(Hmac, 'crypto.Hmac constructor is deprecated.', 'DEP0181'),
};

Object.defineProperties(module.exports, {
  constants: { __proto__: null, configurable: false, enumerable: true, writable: false, value: constants },
  webcrypto: { __proto__: null, configurable: false, enumerable: true, get: () => webcrypto },
  subtle: { __proto__: null, configurable: false, enumerable: true, get: () => subtle },
  getRandomValues: {
    __proto__: null, configurable: false, enumerable: true, get: () => getRandomValues,
  },
});

// prng, pseudoRandomBytes and rng: deprecated aliases of randomBytes (DEP0115), hidden.
for (const alias of ['prng', 'pseudoRandomBytes', 'rng']) {
  Object.defineProperty(module.exports, alias, {
    __proto__: null,
    enumerable: false,
    configurable: true,
    get() {
      const value = deprecate(randomBytes, `crypto.${alias} is deprecated.`, 'DEP0115');
      Object.defineProperty(this, alias, {
        __proto__: null, value, enumerable: false, configurable: true, writable: true,
      });
      return value;
    },
    set(value) {
      Object.defineProperty(this, alias, {
        __proto__: null, value, enumerable: true, configurable: true, writable: true,
      });
    },
  });
}
