'use strict';
// crypto.X509Certificate. The certificate is parsed once, natively, when it is constructed
// (internalBinding('x509').parse): every field arrives formatted as Node prints it, and this
// file keeps them. Name checks (checkHost/checkEmail/checkIP) follow OpenSSL's X509_check_*
// rules here in JS; issuer checks and signature verification go back to the binding with the
// DER. Public keys are KeyObjects made through crypto's createPublicKey when it exists.

const binding = internalBinding('x509');
const { Buffer } = require('buffer');
const { isArrayBufferView } = require('internal/util/types');
const {
  codes: { ERR_INVALID_ARG_TYPE, ERR_INVALID_ARG_VALUE },
} = require('internal/errors');
const { validateBoolean, validateObject, validateString } = require('internal/validators');

const kInspect = Symbol.for('nodejs.util.inspect.custom');
const { kClone } = require('internal/structured_clone');
// The parsed fields; its presence is what makes an object an X509Certificate.
const kFields = Symbol('kFields');
// Values computed on first use and then kept (Buffers, Dates, the KeyObject, the PEM).
const kCache = Symbol('kCache');
// The issuer's certificate, when a TLS peer's chain supplies it.
const kIssuer = Symbol('kIssuer');

function isX509Certificate(value) {
  return value != null && typeof value === 'object' && value[kFields] !== undefined;
}

// The check options as OpenSSL's X509_CHECK_FLAG_* would set them.
function checkFlags(options = {}) {
  validateObject(options, 'options');
  const {
    subject = 'default',
    wildcards = true,
    partialWildcards = true,
    multiLabelWildcards = false,
    singleLabelSubdomains = false,
  } = { ...options };
  validateString(subject, 'options.subject');
  validateBoolean(wildcards, 'options.wildcards');
  validateBoolean(partialWildcards, 'options.partialWildcards');
  validateBoolean(multiLabelWildcards, 'options.multiLabelWildcards');
  validateBoolean(singleLabelSubdomains, 'options.singleLabelSubdomains');
  if (subject !== 'default' && subject !== 'always' && subject !== 'never') {
    throw new ERR_INVALID_ARG_VALUE('options.subject', subject);
  }
  return { subject, wildcards, partialWildcards, multiLabelWildcards, singleLabelSubdomains };
}

// OpenSSL treats one trailing NUL as the C terminator; any other NUL makes the name invalid.
function checkedName(name) {
  if (name.length > 1 && name[name.length - 1] === '\0') name = name.slice(0, -1);
  if (name.includes('\0')) throw invalid('Invalid name');
  return name;
}

// Node's native checks throw ERR_INVALID_ARG_VALUE with a bare message.
function invalid(message) {
  const err = new TypeError(message);
  err.code = 'ERR_INVALID_ARG_VALUE';
  return err;
}

const isAlnum = (c) => /[0-9A-Za-z]/.test(c);
const sameNoCase = (a, b) => a.length === b.length && a.toLowerCase() === b.toLowerCase();

// A host name starting with '.' matches subdomains: compare the pattern's suffix of the same
// length, unless (with singleLabelSubdomains) that would skip more than one label.
function skipPrefix(pattern, subject, flags) {
  if (!flags.dotSubdomains) return pattern;
  let p = pattern;
  while (p.length > subject.length && p[0] !== '\0') {
    if (flags.singleLabelSubdomains && p[0] === '.') break;
    p = p.slice(1);
  }
  return p.length === subject.length ? p : pattern;
}

function equalNoCase(pattern, subject, flags) {
  pattern = skipPrefix(pattern, subject, flags);
  return !pattern.includes('\0') && sameNoCase(pattern, subject);
}

// Where the pattern's one legal wildcard is, or -1 (OpenSSL's valid_star).
function validStar(p, flags) {
  let star = -1;
  let atLabelStart = true;
  let hyphen = false;
  let idna = false;
  let dots = 0;
  for (let i = 0; i < p.length; i++) {
    const c = p[i];
    if (c === '*') {
      const atStart = atLabelStart;
      const atEnd = i === p.length - 1 || p[i + 1] === '.';
      if (star !== -1 || idna || dots) return -1;
      if (!flags.partialWildcards && (!atStart || !atEnd)) return -1;
      if (!atStart && !atEnd) return -1;
      star = i;
      atLabelStart = false;
    } else if (isAlnum(c)) {
      if (atLabelStart && p.length - i >= 4 && p.slice(i, i + 4).toLowerCase() === 'xn--') idna = true;
      atLabelStart = false;
      hyphen = false;
    } else if (c === '.') {
      if (hyphen || atLabelStart) return -1;
      atLabelStart = true;
      dots++;
    } else if (c === '-') {
      if (atLabelStart) return -1;
      hyphen = true;
    } else {
      return -1;
    }
  }
  if (atLabelStart || hyphen || dots < 2) return -1;
  return star;
}

function wildcardMatch(prefix, suffix, subject, flags) {
  if (subject.length < prefix.length + suffix.length) return false;
  if (!equalNoCase(prefix, subject.slice(0, prefix.length), flags)) return false;
  const start = prefix.length;
  const end = subject.length - suffix.length;
  if (!equalNoCase(subject.slice(end), suffix, flags)) return false;
  let allowMulti = false;
  let allowIdna = false;
  if (prefix.length === 0 && suffix[0] === '.') {
    if (start === end) return false;
    allowIdna = true;
    allowMulti = flags.multiLabelWildcards;
  }
  if (!allowIdna && subject.slice(0, 4).toLowerCase() === 'xn--') return false;
  if (end === start + 1 && subject[start] === '*') return true;
  for (let i = start; i < end; i++) {
    const c = subject[i];
    if (!(isAlnum(c) || c === '-' || (allowMulti && c === '.'))) return false;
  }
  return true;
}

function hostMatches(pattern, subject, flags) {
  if (!flags.wildcards) return equalNoCase(pattern, subject, flags);
  const star = subject.length > 1 && subject[0] === '.' ? -1 : validStar(pattern, flags);
  if (star === -1) return equalNoCase(pattern, subject, flags);
  return wildcardMatch(pattern.slice(0, star), pattern.slice(star + 1), subject, flags);
}

// Local parts compare exactly, domains without case (searching for '@' from the end).
function emailMatches(a, b) {
  if (a.length !== b.length) return false;
  let i = a.length;
  while (i > 0) {
    i--;
    if (a[i] === '@' || b[i] === '@') {
      if (!sameNoCase(a.slice(i), b.slice(i))) return false;
      break;
    }
  }
  if (i === 0) i = a.length;
  return a.slice(0, i) === b.slice(0, i);
}

// The address's bytes as hex (OpenSSL's a2i_ipadd), or undefined when it is not an address.
function ipToHex(ip) {
  const v4 = (s) => {
    const parts = s.split('.');
    if (parts.length !== 4) return undefined;
    let out = '';
    for (const p of parts) {
      if (!/^[0-9]{1,3}$/.test(p) || Number(p) > 255) return undefined;
      out += Number(p).toString(16).padStart(2, '0');
    }
    return out;
  };
  if (!ip.includes(':')) return v4(ip);
  let tail = '';
  let text = ip;
  const lastColon = text.lastIndexOf(':');
  if (text.slice(lastColon + 1).includes('.')) {
    tail = v4(text.slice(lastColon + 1));
    if (tail === undefined) return undefined;
    text = `${text.slice(0, lastColon + 1)}0:0`;
  }
  const halves = text.split('::');
  if (halves.length > 2) return undefined;
  const groups = (s) => (s === '' ? [] : s.split(':'));
  const head = groups(halves[0]);
  const rest = halves.length === 2 ? groups(halves[1]) : [];
  const fill = 8 - head.length - rest.length;
  if (halves.length === 2 ? fill < 1 : fill !== 0) return undefined;
  const all = [...head, ...Array(halves.length === 2 ? fill : 0).fill('0'), ...rest];
  let out = '';
  for (const g of all) {
    if (!/^[0-9A-Fa-f]{1,4}$/.test(g)) return undefined;
    out += g.toLowerCase().padStart(4, '0');
  }
  if (tail) out = out.slice(0, 24) + tail;
  return out;
}

function lazyKeys() {
  return require('internal/crypto/keys');
}

function lazyCreatePublicKey() {
  const create = lazyKeys().createPublicKey ?? require('crypto').createPublicKey;
  if (typeof create !== 'function') {
    const err = new Error('Public KeyObjects are not supported yet');
    err.code = 'ERR_FEATURE_UNAVAILABLE_ON_PLATFORM';
    throw err;
  }
  return create;
}

// A KeyObject's SubjectPublicKeyInfo DER, through the public export API.
function spkiOf(key) {
  return key.export({ type: 'spki', format: 'der' });
}

function isKeyObject(value) {
  const { KeyObject, isKeyObject: check } = lazyKeys();
  if (typeof check === 'function') return check(value);
  return KeyObject !== undefined && value instanceof KeyObject;
}

class X509Certificate {
  constructor(buffer) {
    if (typeof buffer === 'string') buffer = Buffer.from(buffer);
    if (!isArrayBufferView(buffer)) {
      throw new ERR_INVALID_ARG_TYPE('buffer', ['string', 'Buffer', 'TypedArray', 'DataView'], buffer);
    }
    const bytes = new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
    this[kFields] = binding.parse(bytes);
    this[kCache] = { __proto__: null };
  }

  // Cloned (postMessage, structuredClone) as a certificate over the same DER.
  [kClone]() {
    return new X509Certificate(this.raw);
  }

  [kInspect](depth, options, inspect) {
    if (depth < 0) return this;
    const opts = { ...options, depth: options.depth == null ? null : options.depth - 1 };
    inspect ??= require('util').inspect;
    return `X509Certificate ${inspect({
      subject: this.subject,
      subjectAltName: this.subjectAltName,
      issuer: this.issuer,
      infoAccess: this.infoAccess,
      validFrom: this.validFrom,
      validTo: this.validTo,
      validFromDate: this.validFromDate,
      validToDate: this.validToDate,
      fingerprint: this.fingerprint,
      fingerprint256: this.fingerprint256,
      fingerprint512: this.fingerprint512,
      keyUsage: this.keyUsage,
      serialNumber: this.serialNumber,
      signatureAlgorithm: this.signatureAlgorithm,
      signatureAlgorithmOid: this.signatureAlgorithmOid,
    }, opts)}`;
  }

  get subject() { return this[kFields].subject; }
  get subjectAltName() { return this[kFields].subjectAltName; }
  get issuer() { return this[kFields].issuer; }
  get issuerCertificate() { return this[kIssuer]; }
  get infoAccess() { return this[kFields].infoAccess; }
  get validFrom() { return this[kFields].validFrom; }
  get validTo() { return this[kFields].validTo; }

  get validFromDate() {
    return (this[kCache].validFromDate ??= new Date(this[kFields].validFromUnix * 1000));
  }

  get validToDate() {
    return (this[kCache].validToDate ??= new Date(this[kFields].validToUnix * 1000));
  }

  get fingerprint() { return this[kFields].fingerprint; }
  get fingerprint256() { return this[kFields].fingerprint256; }
  get fingerprint512() { return this[kFields].fingerprint512; }
  get keyUsage() { return this[kFields].keyUsage; }
  get serialNumber() { return this[kFields].serialNumber; }
  get signatureAlgorithm() { return this[kFields].signatureAlgorithm; }
  get signatureAlgorithmOid() { return this[kFields].signatureAlgorithmOid; }

  get raw() {
    const raw = this[kFields].raw;
    return (this[kCache].raw ??= Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength));
  }

  get publicKey() {
    if (this[kCache].publicKey === undefined) {
      if (!this[kFields].publicKeyOk) {
        // A subjectPublicKey whose bits are not a key of its algorithm, as OpenSSL 3 says.
        const err = new Error('error:03000072:digital envelope routines::decode error');
        err.library = 'digital envelope routines';
        err.reason = 'decode error';
        err.code = 'ERR_OSSL_EVP_DECODE_ERROR';
        throw err;
      }
      const spki = Buffer.from(this[kFields].spki);
      this[kCache].publicKey = lazyCreatePublicKey()({ key: spki, format: 'der', type: 'spki' });
    }
    return this[kCache].publicKey;
  }

  toString() {
    if (this[kCache].pem === undefined) {
      const b64 = this.raw.toString('base64');
      let body = '';
      for (let i = 0; i < b64.length; i += 64) body += `${b64.slice(i, i + 64)}\n`;
      this[kCache].pem = `-----BEGIN CERTIFICATE-----\n${body}-----END CERTIFICATE-----\n`;
    }
    return this[kCache].pem;
  }

  // There is no standard JSON form of a certificate: the PEM text stands in, as in Node.
  toJSON() { return this.toString(); }

  get ca() { return this[kFields].ca; }

  checkHost(name, options) {
    validateString(name, 'name');
    const flags = checkFlags(options);
    name = checkedName(name);
    flags.dotSubdomains = name.length > 1 && name[0] === '.';
    const { dns, cn } = this[kFields].identities;
    for (const pattern of dns) {
      if (hostMatches(pattern, name, flags)) return pattern;
    }
    if ((dns.length === 0 || flags.subject === 'always') && flags.subject !== 'never') {
      for (const pattern of cn) {
        if (hostMatches(pattern, name, flags)) return pattern;
      }
    }
    return undefined;
  }

  checkEmail(email, options) {
    validateString(email, 'email');
    const flags = checkFlags(options);
    email = checkedName(email);
    const { email: sans, emailAddress } = this[kFields].identities;
    if (sans.some((e) => emailMatches(e, email))) return email;
    if ((sans.length === 0 || flags.subject === 'always') && flags.subject !== 'never' &&
        emailAddress.some((e) => emailMatches(e, email))) {
      return email;
    }
    return undefined;
  }

  checkIP(ip, options) {
    validateString(ip, 'ip');
    // The options change nothing for addresses, but are validated as in Node.
    checkFlags(options);
    const hex = ipToHex(ip);
    if (hex === undefined) throw invalid('Invalid IP');
    return this[kFields].identities.ip.includes(hex) ? ip : undefined;
  }

  checkIssued(otherCert) {
    if (!isX509Certificate(otherCert)) {
      throw new ERR_INVALID_ARG_TYPE('otherCert', 'X509Certificate', otherCert);
    }
    return binding.checkIssued(this[kFields].raw, otherCert[kFields].raw);
  }

  checkPrivateKey(pkey) {
    if (!isKeyObject(pkey)) throw new ERR_INVALID_ARG_TYPE('pkey', 'KeyObject', pkey);
    if (pkey.type !== 'private') throw new ERR_INVALID_ARG_VALUE('pkey', pkey);
    let spki;
    try {
      spki = spkiOf(lazyCreatePublicKey()(pkey));
    } catch {
      return false;
    }
    return Buffer.from(this[kFields].spki).equals(spki);
  }

  verify(pkey) {
    if (!isKeyObject(pkey)) throw new ERR_INVALID_ARG_TYPE('pkey', 'KeyObject', pkey);
    if (pkey.type !== 'public') throw new ERR_INVALID_ARG_VALUE('pkey', pkey);
    return binding.verify(this[kFields].raw, spkiOf(pkey));
  }

  // getPeerCertificate()'s object for this certificate alone (no issuerCertificate).
  toLegacyObject() {
    return legacyCertificateObject(internalBinding('tls_wrap').certificateInfo(this[kFields].raw));
  }
}

// The keys of getPeerCertificate()'s object, in Node's order; absent fields stay as own
// properties holding undefined, as Node's do.
const legacyKeys = [
  'subject', 'issuer', 'subjectaltname', 'infoAccess', 'ca', 'modulus', 'exponent', 'pubkey',
  'bits', 'valid_from', 'valid_to', 'fingerprint', 'fingerprint256', 'fingerprint512',
  'ext_key_usage', 'serialNumber', 'raw', 'asn1Curve', 'nistCurve',
];

const toBuffer = (bytes) => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);

// The legacy certificate object (getPeerCertificate(), toLegacyObject()) from the fields
// tls_wrap's certificateInfo reads: Buffers for the binary fields, null-prototype names.
function legacyCertificateObject(fields) {
  const cert = {};
  for (const key of legacyKeys) cert[key] = fields[key];
  cert.subject = Object.assign({ __proto__: null }, cert.subject);
  cert.issuer = Object.assign({ __proto__: null }, cert.issuer);
  if (cert.infoAccess) cert.infoAccess = Object.assign({ __proto__: null }, cert.infoAccess);
  if (cert.pubkey) cert.pubkey = toBuffer(cert.pubkey);
  if (cert.raw) cert.raw = toBuffer(cert.raw);
  return cert;
}

// A certificate from DER bytes with its issuer attached, for TLS peer chains
// (getPeerX509Certificate); `issuer` is another X509Certificate or undefined.
function fromDer(der, issuer) {
  const cert = new X509Certificate(der);
  cert[kIssuer] = issuer;
  return cert;
}

module.exports = {
  X509Certificate,
  isX509Certificate,
  fromDer,
  legacyCertificateObject,
};
