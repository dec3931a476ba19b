'use strict';
// The Web Crypto `Crypto` object (globalThis.crypto, require('crypto').webcrypto):
// getRandomValues() and randomUUID(). `subtle` is not implemented yet, so it is absent.

const { codes: { ERR_ILLEGAL_CONSTRUCTOR } } = require('internal/errors');
const random = require('internal/crypto/random');

class Crypto {
  constructor() {
    throw new ERR_ILLEGAL_CONSTRUCTOR();
  }

  getRandomValues(array) {
    return random.getRandomValues(array);
  }

  randomUUID() {
    return random.randomUUID();
  }
}

Object.defineProperties(Crypto.prototype, {
  [Symbol.toStringTag]: { __proto__: null, value: 'Crypto', configurable: true },
  getRandomValues: { __proto__: null, enumerable: true },
  randomUUID: { __proto__: null, enumerable: true },
});

const crypto = Object.create(Crypto.prototype);

module.exports = { Crypto, crypto };
