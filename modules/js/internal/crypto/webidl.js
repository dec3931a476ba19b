'use strict';
// Node's internal/crypto/webidl: the WebIDL converters of the Web Crypto API (they live in
// internal/crypto/webcrypto/webidl.js).

module.exports = require('internal/crypto/webcrypto/webidl');
