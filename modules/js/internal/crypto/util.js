'use strict';
// Node's internal/crypto/util: the helpers crypto modules and Node's own tests share, gathered
// from where they live here (keys.js, hash.js, cipher.js, diffiehellman.js and the Web Crypto
// utilities), plus the OpenSSL security level oxnode's TLS applies.

const { getArrayBufferOrView, kHandle, kKeyObject } = require('internal/crypto/keys');
const { getHashes } = require('internal/crypto/hash');
const { getCiphers } = require('internal/crypto/cipher');
const { getCurves } = require('internal/crypto/diffiehellman');
const webcryptoUtil = require('internal/crypto/webcrypto/util');

// The default security level of Node 25's bundled OpenSSL (2: 112-bit security). rustls has
// no levels; like level 2 it offers no cipher suite or group weaker than that.
function getOpenSSLSecLevel() {
  return 2;
}

module.exports = {
  ...webcryptoUtil,
  getArrayBufferOrView,
  getCiphers,
  getCurves,
  getHashes,
  getOpenSSLSecLevel,
  kHandle,
  kKeyObject,
};
