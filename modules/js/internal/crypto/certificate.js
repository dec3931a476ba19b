'use strict';
// crypto.Certificate: SPKAC (Netscape's SignedPublicKeyAndChallenge), as Node's
// lib/internal/crypto/certificate.js. The binding takes the base64 DER apart
// (certSpkacParse); the signature is checked and the key exported with crypto's own
// verify and KeyObjects.

const binding = internalBinding('crypto');
const { Buffer } = require('buffer');
const { getArrayBufferOrView, createPublicKey } = require('internal/crypto/keys');

const kMaxLength = 2 ** 31 - 1;

// The SPKAC's parts, or null; as Node's C++, inputs over INT32_MAX bytes are refused.
function parse(spkac, encoding) {
  const view = getArrayBufferOrView(spkac, 'spkac', encoding);
  if (view.byteLength > kMaxLength) {
    const err = new RangeError('spkac is too large');
    err.code = 'ERR_OUT_OF_RANGE';
    throw err;
  }
  return binding.certSpkacParse(
    new Uint8Array(view.buffer, view.byteOffset, view.byteLength));
}

function publicKeyOf(parts) {
  return createPublicKey({ key: Buffer.from(parts.spki), format: 'der', type: 'spki' });
}

function verifySpkac(spkac, encoding) {
  const parts = parse(spkac, encoding);
  if (parts === null || parts.digest === undefined) return false;
  try {
    return require('crypto').verify(parts.digest, parts.signed, publicKeyOf(parts), parts.signature);
  } catch {
    return false;
  }
}

function exportPublicKey(spkac, encoding) {
  const parts = parse(spkac, encoding);
  if (parts === null) return '';
  try {
    return Buffer.from(publicKeyOf(parts).export({ type: 'spki', format: 'pem' }));
  } catch {
    return '';
  }
}

function exportChallenge(spkac, encoding) {
  const parts = parse(spkac, encoding);
  if (parts === null) return '';
  return Buffer.from(parts.challenge);
}

// The Certificate class is deprecated (DEP0146) but still callable without `new`.
function Certificate() {
  if (!(this instanceof Certificate)) return new Certificate();
}

Certificate.prototype.verifySpkac = verifySpkac;
Certificate.prototype.exportPublicKey = exportPublicKey;
Certificate.prototype.exportChallenge = exportChallenge;

Certificate.exportChallenge = exportChallenge;
Certificate.exportPublicKey = exportPublicKey;
Certificate.verifySpkac = verifySpkac;

module.exports = Certificate;
