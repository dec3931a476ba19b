'use strict';
// Checking tls.createSecureContext()'s options as Node does, before the native context is
// built: the same types, ranges, codes and messages. Options the rustls backend cannot act
// on (cipher lists, curves, engines, ticket keys, session timeouts) are still validated the
// same way, so a program that Node rejects is rejected here too; an OpenSSL-only failure
// (an unknown cipher, an engine that cannot be loaded) throws OpenSSL's error as Node does.

const { Buffer } = require('buffer');
const {
  codes: {
    ERR_CRYPTO_OPERATION_FAILED, ERR_INVALID_ARG_TYPE, ERR_INVALID_ARG_VALUE,
    ERR_TLS_INVALID_PROTOCOL_METHOD, ERR_TLS_INVALID_PROTOCOL_VERSION,
    ERR_TLS_PROTOCOL_VERSION_CONFLICT,
  },
} = require('internal/errors');
const { validateInt32, validateInteger, validateObject, validateString } =
  require('internal/validators');

const versions = ['TLSv1', 'TLSv1.1', 'TLSv1.2', 'TLSv1.3'];

// OpenSSL's cipher names for TLS 1.2 and below (what Node's OpenSSL knows by name).
const cipherNames = new Set([
  'AES128-GCM-SHA256', 'AES128-SHA', 'AES128-SHA256', 'AES256-GCM-SHA384', 'AES256-SHA',
  'AES256-SHA256', 'DHE-PSK-AES128-CBC-SHA', 'DHE-PSK-AES128-CBC-SHA256',
  'DHE-PSK-AES128-GCM-SHA256', 'DHE-PSK-AES256-CBC-SHA', 'DHE-PSK-AES256-CBC-SHA384',
  'DHE-PSK-AES256-GCM-SHA384', 'DHE-PSK-CHACHA20-POLY1305', 'DHE-RSA-AES128-GCM-SHA256',
  'DHE-RSA-AES128-SHA', 'DHE-RSA-AES128-SHA256', 'DHE-RSA-AES256-GCM-SHA384',
  'DHE-RSA-AES256-SHA', 'DHE-RSA-AES256-SHA256', 'DHE-RSA-CHACHA20-POLY1305',
  'ECDHE-ECDSA-AES128-GCM-SHA256', 'ECDHE-ECDSA-AES128-SHA', 'ECDHE-ECDSA-AES128-SHA256',
  'ECDHE-ECDSA-AES256-GCM-SHA384', 'ECDHE-ECDSA-AES256-SHA', 'ECDHE-ECDSA-AES256-SHA384',
  'ECDHE-ECDSA-CHACHA20-POLY1305', 'ECDHE-PSK-AES128-CBC-SHA', 'ECDHE-PSK-AES128-CBC-SHA256',
  'ECDHE-PSK-AES256-CBC-SHA', 'ECDHE-PSK-AES256-CBC-SHA384', 'ECDHE-PSK-CHACHA20-POLY1305',
  'ECDHE-RSA-AES128-GCM-SHA256', 'ECDHE-RSA-AES128-SHA', 'ECDHE-RSA-AES128-SHA256',
  'ECDHE-RSA-AES256-GCM-SHA384', 'ECDHE-RSA-AES256-SHA', 'ECDHE-RSA-AES256-SHA384',
  'ECDHE-RSA-CHACHA20-POLY1305', 'PSK-AES128-CBC-SHA', 'PSK-AES128-CBC-SHA256',
  'PSK-AES128-GCM-SHA256', 'PSK-AES256-CBC-SHA', 'PSK-AES256-CBC-SHA384',
  'PSK-AES256-GCM-SHA384', 'PSK-CHACHA20-POLY1305', 'RSA-PSK-AES128-CBC-SHA',
  'RSA-PSK-AES128-CBC-SHA256', 'RSA-PSK-AES128-GCM-SHA256', 'RSA-PSK-AES256-CBC-SHA',
  'RSA-PSK-AES256-CBC-SHA384', 'RSA-PSK-AES256-GCM-SHA384', 'RSA-PSK-CHACHA20-POLY1305',
  'SRP-AES-128-CBC-SHA', 'SRP-AES-256-CBC-SHA', 'SRP-RSA-AES-128-CBC-SHA',
  'SRP-RSA-AES-256-CBC-SHA', 'DES-CBC3-SHA', 'NULL-SHA', 'NULL-SHA256', 'NULL-MD5',
  'ECDHE-RSA-NULL-SHA', 'ECDHE-ECDSA-NULL-SHA', 'AECDH-NULL-SHA', 'ADH-AES128-SHA',
  'ADH-AES256-SHA', 'AECDH-AES128-SHA', 'AECDH-AES256-SHA', 'RC4-SHA', 'RC4-MD5',
]);

// OpenSSL's cipher-string keywords (groups of ciphers).
const cipherAliases = new Set([
  'ALL', 'COMPLEMENTOFALL', 'COMPLEMENTOFDEFAULT', 'DEFAULT', 'HIGH', 'MEDIUM', 'LOW',
  'EXP', 'EXPORT', 'eNULL', 'NULL', 'aNULL', 'kRSA', 'RSA', 'aRSA', 'kDHE', 'kEDH', 'DH',
  'DHE', 'EDH', 'ADH', 'kDHr', 'kDHd', 'kDH', 'kEECDH', 'kECDHE', 'ECDH', 'ECDHE', 'EECDH',
  'AECDH', 'aDSS', 'DSS', 'aDH', 'aECDSA', 'ECDSA', 'PSK', 'kPSK', 'kECDHEPSK', 'kDHEPSK',
  'kRSAPSK', 'aPSK', 'SRP', 'kSRP', 'aSRP', 'AES', 'AES128', 'AES256', 'AESGCM', 'AESCCM',
  'AESCCM8', 'ARIA', 'ARIA128', 'ARIA256', 'ARIAGCM', 'CAMELLIA', 'CAMELLIA128',
  'CAMELLIA256', 'CHACHA20', 'SEED', 'DES', '3DES', 'RC4', 'RC2', 'IDEA', 'MD5', 'SHA1',
  'SHA', 'SHA256', 'SHA384', 'TLSv1.2', 'TLSv1.0', 'TLSv1', 'SSLv3', 'SUITEB128',
  'SUITEB128ONLY', 'SUITEB192', 'CBC', 'aGOST', 'aGOST01', 'kGOST', 'GOST94', 'GOST89MAC',
]);

// The TLS 1.3 suites OpenSSL knows.
const tls13Suites = new Set([
  'TLS_AES_128_GCM_SHA256', 'TLS_AES_256_GCM_SHA384', 'TLS_CHACHA20_POLY1305_SHA256',
  'TLS_AES_128_CCM_SHA256', 'TLS_AES_128_CCM_8_SHA256',
]);

// Key-exchange group names OpenSSL accepts in `ecdhCurve` (besides 'auto').
const curveNames = new Set([
  'X25519', 'X448', 'P-256', 'P-384', 'P-521', 'prime256v1', 'secp256r1', 'secp384r1',
  'secp521r1', 'secp224r1', 'P-224', 'secp256k1', 'brainpoolP256r1', 'brainpoolP384r1',
  'brainpoolP512r1', 'ffdhe2048', 'ffdhe3072', 'ffdhe4096', 'ffdhe6144', 'ffdhe8192',
  'X25519MLKEM768', 'SecP256r1MLKEM768', 'SecP384r1MLKEM1024', 'MLKEM512', 'MLKEM768',
  'MLKEM1024',
]);

// OpenSSL's error, as Node raises it: the packed message plus library/reason/code.
function opensslError(packed, library, reason, code) {
  const err = new Error(`error:${packed}:${library}::${reason}`);
  err.library = library;
  err.reason = reason;
  if (code) err.code = code;
  return err;
}

function noCipherMatch() {
  return opensslError('0A0000B9', 'SSL routines', 'no cipher match', 'ERR_SSL_NO_CIPHER_MATCH');
}

// Whether one element of an OpenSSL cipher string (maybe `A+B`, `!A`, `@STRENGTH`) names
// something OpenSSL knows.
function knownCipherElement(element) {
  if (element.startsWith('@')) return /^@(STRENGTH|SECLEVEL=\d+)$/.test(element);
  const name = element.replace(/^[!+-]/, '');
  if (cipherNames.has(name)) return true;
  return name.split('+').every((part) => cipherAliases.has(part));
}

// Splits `ciphers` into the TLS 1.2 list and the TLS 1.3 suites and checks that each half,
// when given, selects something, as OpenSSL's setters do.
function checkCiphers(ciphers, name) {
  const all = ciphers.split(':');
  const isSuite = (c) => c.startsWith('TLS_') || c.startsWith('!TLS_');
  const list = all.filter((c) => c.length > 0 && !isSuite(c));
  const suites = all.filter((c) => c.length > 0 && isSuite(c));
  if (list.length === 0 && suites.length === 0) throw new ERR_INVALID_ARG_VALUE(name, all);
  const added = suites.filter((s) => !s.startsWith('!'));
  if (added.length > 0 && !added.some((s) => tls13Suites.has(s))) throw noCipherMatch();
  if (list.length > 0) {
    // `@STRENGTH`/`@SECLEVEL=n` may follow an element directly (`DEFAULT@SECLEVEL=0`).
    const elements = list.join(':').split(/[:, ]+/)
      .flatMap((e) => e.split(/(?=@)/)).filter(Boolean);
    const adds = elements.filter((e) => !/^[!-]/.test(e) && !e.startsWith('@'));
    // `X:!X` style lists that remove everything they add select nothing.
    const removed = new Set(elements.filter((e) => e.startsWith('!')).map((e) => e.slice(1)));
    const selects = adds.some((e) => knownCipherElement(e) && !removed.has(e) &&
      !(cipherNames.has(e) && [...removed].some((r) => e.split('-').includes(r))));
    if (!selects) throw noCipherMatch();
  }
}

function checkCurve(curve) {
  if (curve === 'auto') return;
  if (!curve.split(':').every((c) => curveNames.has(c))) {
    throw new ERR_CRYPTO_OPERATION_FAILED('Failed to set ECDH curve');
  }
}

// What `secureProtocol` allows, as [min, max] versions; throws Node's error for a method
// OpenSSL does not have or has disabled.
function protocolMethod(method) {
  validateString(method, 'secureProtocol');
  if (/^SSLv2_(client_|server_)?method$/.test(method)) {
    throw new ERR_TLS_INVALID_PROTOCOL_METHOD('SSLv2 methods disabled');
  }
  if (/^SSLv3_(client_|server_)?method$/.test(method)) {
    throw new ERR_TLS_INVALID_PROTOCOL_METHOD('SSLv3 methods disabled');
  }
  const match = /^(SSLv23|TLS|TLSv1|TLSv1_1|TLSv1_2)_(client_|server_)?method$/.exec(method);
  if (!match) throw new ERR_TLS_INVALID_PROTOCOL_METHOD(`Unknown method: ${method}`);
  switch (match[1]) {
    case 'TLSv1': return ['TLSv1', 'TLSv1'];
    case 'TLSv1_1': return ['TLSv1.1', 'TLSv1.1'];
    case 'TLSv1_2': return ['TLSv1.2', 'TLSv1.2'];
    default: return [undefined, undefined];
  }
}

function validateKeyOrCert(name, value) {
  if (typeof value !== 'string' && !ArrayBuffer.isView(value)) {
    throw new ERR_INVALID_ARG_TYPE(name, ['string', 'Buffer', 'TypedArray', 'DataView'], value);
  }
}

function toText(value) {
  if (typeof value === 'string') return value;
  return Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString('latin1');
}

// Engines are an OpenSSL feature this runtime has none of: loading one fails as OpenSSL
// fails for an engine it cannot find.
function engineLoadError() {
  const err = opensslError('12800067', 'DSO support routines', 'could not load the shared library');
  err.opensslErrorStack = [
    'error:13000084:engine routines::dso not found',
    'error:12800067:DSO support routines::could not load the shared library',
  ];
  return err;
}

/**
 * Checks createSecureContext()'s options; returns what the native context is built from:
 * PEM texts for cert, key and ca, the passphrase, the version range, and the values kept
 * for later (ticket keys, session timeout).
 */
function checkSecureContextOptions(options, defaults, name = 'options') {
  validateObject(options, name);
  const { secureProtocol, secureOptions } = options;
  let { minVersion, maxVersion } = options;
  if (secureProtocol) {
    if (minVersion != null) throw new ERR_TLS_PROTOCOL_VERSION_CONFLICT(minVersion, secureProtocol);
    if (maxVersion != null) throw new ERR_TLS_PROTOCOL_VERSION_CONFLICT(maxVersion, secureProtocol);
    [minVersion, maxVersion] = protocolMethod(secureProtocol);
  }
  minVersion ??= defaults.minVersion;
  maxVersion ??= defaults.maxVersion;
  if (!versions.includes(minVersion)) throw new ERR_TLS_INVALID_PROTOCOL_VERSION(minVersion, 'minimum');
  if (!versions.includes(maxVersion)) throw new ERR_TLS_INVALID_PROTOCOL_VERSION(maxVersion, 'maximum');
  if (secureOptions) validateInteger(secureOptions, 'secureOptions');

  const {
    ca, cert, key, passphrase, sigalgs, privateKeyIdentifier, privateKeyEngine,
    clientCertEngine, dhparam, crl, sessionIdContext, ticketKeys, sessionTimeout,
  } = options;
  const ciphers = options.ciphers === undefined ? defaults.ciphers : options.ciphers;
  const ecdhCurve = options.ecdhCurve === undefined ? defaults.ecdhCurve : options.ecdhCurve;
  // Ciphers first: in OpenSSL @SECLEVEL affects what loads after.
  if (ciphers !== undefined && ciphers !== null) validateString(ciphers, `${name}.ciphers`);
  checkCiphers(ciphers || defaults.ciphers, `${name}.ciphers`);

  let caTexts;
  if (ca) {
    caTexts = (Array.isArray(ca) ? ca : [ca]).map((c) => {
      validateKeyOrCert(`${name}.ca`, c);
      return toText(c);
    });
  }
  let certTexts = [];
  if (cert) {
    certTexts = (Array.isArray(cert) ? cert : [cert]).map((c) => {
      validateKeyOrCert(`${name}.cert`, c);
      return toText(c);
    });
  }
  const keys = [];
  if (key) {
    for (const entry of Array.isArray(key) ? key : [key]) {
      const pem = Array.isArray(key) && entry?.pem !== undefined ? entry.pem : entry;
      const pass = Array.isArray(key) && entry?.passphrase !== undefined ?
        entry.passphrase : passphrase;
      validateKeyOrCert(`${name}.key`, pem);
      if (pass !== undefined && pass !== null) validateString(pass, `${name}.passphrase`);
      keys.push({ pem: toText(pem), passphrase: pass ?? undefined });
    }
  }

  if (sigalgs !== undefined && sigalgs !== null) {
    validateString(sigalgs, `${name}.sigalgs`);
    if (sigalgs === '') throw new ERR_INVALID_ARG_VALUE(`${name}.sigalgs`, sigalgs);
  }
  if (privateKeyIdentifier !== undefined && privateKeyIdentifier !== null) {
    if (privateKeyEngine === undefined || privateKeyEngine === null) {
      throw new ERR_INVALID_ARG_VALUE(`${name}.privateKeyEngine`, privateKeyEngine);
    }
    if (key) throw new ERR_INVALID_ARG_VALUE(`${name}.privateKeyIdentifier`, privateKeyIdentifier);
    if (typeof privateKeyIdentifier !== 'string') {
      throw new ERR_INVALID_ARG_TYPE(`${name}.privateKeyIdentifier`,
                                     ['string', 'null', 'undefined'], privateKeyIdentifier);
    }
    if (typeof privateKeyEngine !== 'string') {
      throw new ERR_INVALID_ARG_TYPE(`${name}.privateKeyEngine`,
                                     ['string', 'null', 'undefined'], privateKeyEngine);
    }
    throw engineLoadError();
  }
  validateString(ecdhCurve, `${name}.ecdhCurve`);
  checkCurve(ecdhCurve);
  if (dhparam !== undefined && dhparam !== null) validateKeyOrCert(`${name}.dhparam`, dhparam);
  if (crl !== undefined && crl !== null) {
    for (const c of Array.isArray(crl) ? crl : [crl]) validateKeyOrCert(`${name}.crl`, c);
  }
  if (sessionIdContext !== undefined && sessionIdContext !== null) {
    validateString(sessionIdContext, `${name}.sessionIdContext`);
  }
  if (typeof clientCertEngine === 'string') throw engineLoadError();
  if (clientCertEngine !== undefined && clientCertEngine !== null) {
    throw new ERR_INVALID_ARG_TYPE(`${name}.clientCertEngine`, ['string', 'null', 'undefined'],
                                   clientCertEngine);
  }
  if (ticketKeys !== undefined && ticketKeys !== null) {
    if (!ArrayBuffer.isView(ticketKeys)) {
      throw new ERR_INVALID_ARG_TYPE(`${name}.ticketKeys`, ['Buffer', 'TypedArray', 'DataView'],
                                     ticketKeys);
    }
    if (ticketKeys.byteLength !== 48) {
      throw new ERR_INVALID_ARG_VALUE(`${name}.ticketKeys`, ticketKeys.byteLength,
                                      'must be exactly 48 bytes');
    }
  }
  if (sessionTimeout !== undefined && sessionTimeout !== null) {
    validateInt32(sessionTimeout, `${name}.sessionTimeout`, 0);
  }
  return {
    caTexts, certTexts, keys, minVersion, maxVersion, ticketKeys, sessionTimeout,
  };
}

module.exports = { checkSecureContextOptions, validateKeyOrCert };
