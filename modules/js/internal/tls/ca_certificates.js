'use strict';
// The CA certificate lists of tls.getCACertificates(), tls.rootCertificates and
// tls.setDefaultCACertificates(), as Node keeps them: 'bundled' (Mozilla's store, as
// shipped), 'system' (the OS bundle), 'extra' (NODE_EXTRA_CA_CERTS, read once) and
// 'default' (bundled + extra, plus system with --use-system-ca, unless replaced by
// setDefaultCACertificates). Each is an array of PEM strings, computed once and then the
// same array on every call. A context given no `ca` trusts 'default'.

const { Buffer } = require('buffer');
const {
  codes: { ERR_CRYPTO_OPERATION_FAILED, ERR_INVALID_ARG_TYPE, ERR_INVALID_ARG_VALUE },
} = require('internal/errors');
const { validateString } = require('internal/validators');

const tlsWrap = internalBinding('tls_wrap');

const cache = { __proto__: null };
// The list setDefaultCACertificates() installed, or undefined.
let replacedDefault;

function toPem(der) {
  const base64 = Buffer.from(der.buffer, der.byteOffset, der.byteLength).toString('base64');
  const lines = base64.match(/.{1,64}/g) ?? [];
  return `-----BEGIN CERTIFICATE-----\n${lines.join('\n')}\n-----END CERTIFICATE-----`;
}

// The PEM text with a final newline: how Node gives the certificates it read from files
// (system and NODE_EXTRA_CA_CERTS), unlike the bundled ones.
function toPemLine(der) {
  return `${toPem(der)}\n`;
}

// PEM strings without repeats, in first-seen order.
function unique(pems) {
  return [...new Set(pems)];
}

function extraCertificates() {
  const file = process.env.NODE_EXTRA_CA_CERTS;
  if (!file) return [];
  try {
    const text = require('fs').readFileSync(file);
    return tlsWrap.parseCertificates(text).map(toPemLine);
  } catch (err) {
    process.emitWarning(`Ignoring extra certs from \`${file}\`, load failed: ${err.message}`);
    return [];
  }
}

function usesSystemStore() {
  return process.execArgv.includes('--use-system-ca') || process.env.NODE_USE_SYSTEM_CA === '1';
}

function compute(type) {
  switch (type) {
    case 'bundled': return tlsWrap.bundledCertificates().map(toPem);
    case 'system': return tlsWrap.systemCertificates().map(toPemLine);
    case 'extra': return extraCertificates();
    default: return unique([
      ...getCACertificates('bundled'),
      ...(usesSystemStore() ? getCACertificates('system') : []),
      ...getCACertificates('extra'),
    ]);
  }
}

function getCACertificates(type = 'default') {
  validateString(type, 'type');
  if (type !== 'default' && type !== 'bundled' && type !== 'system' && type !== 'extra') {
    throw new ERR_INVALID_ARG_VALUE('type', type);
  }
  if (type === 'default' && replacedDefault !== undefined) return replacedDefault;
  cache[type] ??= Object.freeze(compute(type));
  return cache[type];
}

function setDefaultCACertificates(certs) {
  if (!Array.isArray(certs)) throw new ERR_INVALID_ARG_TYPE('certs', 'Array', certs);
  const pems = [];
  for (let i = 0; i < certs.length; i++) {
    const cert = certs[i];
    if (typeof cert !== 'string' && !ArrayBuffer.isView(cert)) {
      throw new ERR_INVALID_ARG_TYPE(`certs[${i}]`, ['string', 'ArrayBufferView'], cert);
    }
  }
  for (const cert of certs) {
    const bytes = typeof cert === 'string' ? cert :
      new Uint8Array(cert.buffer, cert.byteOffset, cert.byteLength);
    let ders;
    try {
      ders = tlsWrap.parseCertificates(bytes);
    } catch (err) {
      // Text with no PEM block in it adds nothing, as in Node; a broken block is an error.
      if (err.code === 'ERR_OSSL_PEM_NO_START_LINE') continue;
      throw err;
    }
    for (const der of ders) pems.push(toPemLine(der));
  }
  if (certs.length > 0 && pems.length === 0) {
    throw new ERR_CRYPTO_OPERATION_FAILED('No valid certificates found in the provided array');
  }
  replacedDefault = Object.freeze(unique(pems));
}

// The `ca` a context without its own trusts: undefined while that is just the bundled store
// (the backend's own default, already compiled), else the 'default' list.
function defaultCaForContext() {
  if (replacedDefault === undefined && !usesSystemStore() &&
      getCACertificates('extra').length === 0) {
    return undefined;
  }
  return getCACertificates('default');
}

module.exports = { getCACertificates, setDefaultCACertificates, defaultCaForContext };
