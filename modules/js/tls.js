'use strict';
// node:tls: TLS sockets and servers. A TLSSocket is a net.Socket whose stream handle has
// been moved into a TLS session (internalBinding('tls_wrap'), rustls underneath), as Node's
// TLSWrap wraps a TCP handle: the same reads, writes and events, with the handshake's end
// as 'secure' (and a tls.connect() client's 'secureConnect') and the server's
// 'secureConnection'. Over any other Duplex the session runs on one end of a socketpair and
// JS carries the bytes between the other end and the stream.
// Client sessions resume across connections through the 'session' event, getSession() and
// the `session` option (the buffer is a token for a session the backend keeps).
// Not yet: SNICallback, ALPNCallback, PSK, renegotiation, cipher lists applied to the backend
// (they are checked as OpenSSL checks them), and TLS 1.0/1.1 (rustls speaks 1.2 and 1.3 only).

const net = require('net');
const { Buffer } = require('buffer');
const tlsWrap = internalBinding('tls_wrap');
const { owners } = require('internal/handle_events');
const { isIP } = require('internal/net');
const { isArrayBufferView } = require('internal/util/types');
const {
  codes: {
    ERR_INVALID_ARG_TYPE, ERR_INVALID_ARG_VALUE, ERR_METHOD_NOT_IMPLEMENTED, ERR_OUT_OF_RANGE,
    ERR_TLS_ALPN_CALLBACK_WITH_PROTOCOLS, ERR_TLS_CERT_ALTNAME_FORMAT, ERR_TLS_CERT_ALTNAME_INVALID,
    ERR_TLS_INVALID_CONTEXT,
    ERR_TLS_HANDSHAKE_TIMEOUT, ERR_TLS_INVALID_STATE, ERR_TLS_RENEGOTIATION_DISABLED, ERR_TLS_REQUIRED_SERVER_NAME,
    ERR_TLS_SNI_FROM_SERVER,
  },
} = require('internal/errors');
const {
  validateBoolean, validateBuffer, validateFunction, validateInt32, validateNumber, validateObject,
  validateString, validateUint32,
} = require('internal/validators');
const { checkSecureContextOptions } = require('internal/tls/secure_context');

// The version defaults, or what --tls-min-v1.x / --tls-max-v1.x say (the lowest minimum and
// the highest maximum win, as in Node).
function defaultVersion(flags, fallback) {
  const found = flags.find(([flag]) => process.execArgv.includes(flag));
  return found ? found[1] : fallback;
}
const DEFAULT_MIN_VERSION = defaultVersion([
  ['--tls-min-v1.0', 'TLSv1'], ['--tls-min-v1.1', 'TLSv1.1'], ['--tls-min-v1.2', 'TLSv1.2'],
  ['--tls-min-v1.3', 'TLSv1.3'],
], 'TLSv1.2');
const DEFAULT_MAX_VERSION = defaultVersion([
  ['--tls-max-v1.3', 'TLSv1.3'], ['--tls-max-v1.2', 'TLSv1.2'],
], 'TLSv1.3');
const DEFAULT_ECDH_CURVE = 'auto';
const DEFAULT_CIPHERS = 'TLS_AES_256_GCM_SHA384:TLS_CHACHA20_POLY1305_SHA256:' +
  'TLS_AES_128_GCM_SHA256:ECDHE-RSA-AES128-GCM-SHA256:ECDHE-ECDSA-AES128-GCM-SHA256:' +
  'ECDHE-RSA-AES256-GCM-SHA384:ECDHE-ECDSA-AES256-GCM-SHA384:' +
  'ECDHE-RSA-CHACHA20-POLY1305:ECDHE-ECDSA-CHACHA20-POLY1305';
// --- secure contexts --------------------------------------------------------------------------
// The native half of a SecureContext (Node's `secureContext.context`): the backend's context id
// and the session ticket keys a server made from it seals its tickets with.
class NativeSecureContext {
  #id;
  #ticketKeys;

  #certificate;
  #caTexts;
  #caInfo;
  #speaksNothing;

  constructor(id, ticketKeys, certificate, caTexts, speaksNothing) {
    this.#id = id;
    this.#speaksNothing = speaksNothing;
    this.#certificate = certificate;
    this.#caTexts = caTexts;
    this.#ticketKeys = ticketKeys ?? require('crypto').randomBytes(48);
  }

  // The backend id of a native context.
  static idOf(native) {
    return native.#id;
  }

  // The certificates of the context's explicit `ca` option, described, parsed on first use.
  static caInfoOf(native) {
    if (!native.#caInfo) {
      try {
        native.#caInfo = (native.#caTexts ?? [])
          .flatMap((text) => tlsWrap.parseCertificates(text))
          .map((der) => tlsWrap.certificateInfo(der));
      } catch {
        native.#caInfo = [];
      }
    }
    return native.#caInfo;
  }

  // Whether the context's version range leaves no protocol the backend speaks.
  static speaksNothing(native) {
    return native.#speaksNothing;
  }

  // The DER of the context's own certificate (the leaf), if it has one.
  static certificateOf(native) {
    return native.#certificate;
  }

  // Node's accessor for the native pointer; only a real context has one.
  get _external() {
    if (!(#id in this)) throw new TypeError('Illegal invocation');
    return undefined;
  }

  // Node's SSL_CTX_set_options; the backend has no OpenSSL option bits to apply.
  setOptions(options) {
    if (!(#id in this)) throw new TypeError('Illegal invocation');
  }

  getTicketKeys() {
    return Buffer.from(this.#ticketKeys);
  }

  setTicketKeys(keys) {
    this.#ticketKeys = Buffer.from(new Uint8Array(keys.buffer, keys.byteOffset, keys.byteLength));
  }
}

class SecureContext {
  constructor(native) {
    this.context = native;
  }
}

// The backend id of a SecureContext.
function contextId(secureContext) {
  return NativeSecureContext.idOf(secureContext.context);
}

function createSecureContext(options) {
  options ||= {};
  const checked = checkSecureContextOptions(options, {
    minVersion: module.exports.DEFAULT_MIN_VERSION,
    maxVersion: module.exports.DEFAULT_MAX_VERSION,
    ciphers: module.exports.DEFAULT_CIPHERS,
    ecdhCurve: module.exports.DEFAULT_ECDH_CURVE || 'auto',
  });
  const ca = checked.caTexts ??
    require('internal/tls/ca_certificates').defaultCaForContext()?.slice();
  const { certTexts, keys } = checked;
  // One certificate and key per context here: with several of each (Node serves an RSA and
  // an EC identity side by side), the first pair; otherwise the certificates form one chain.
  let cert = keys.length > 1 && certTexts.length > 1 ? certTexts[0] :
    (certTexts.length ? certTexts.join('\n') : undefined);
  const key = keys[0];
  if (cert !== undefined && checked.caTexts) cert = withIssuers(cert, checked.caTexts);
  // OpenSSL builds a context for TLS 1.0/1.1 alone and fails its handshakes; rustls has no
  // such versions, so the context is built for the backend's and marked to fail them.
  const speaksNothing = checked.maxVersion === 'TLSv1' || checked.maxVersion === 'TLSv1.1';
  let id;
  try {
    id = tlsWrap.createContext(cert, key?.pem, key?.passphrase, ca,
                               speaksNothing ? 'TLSv1.2' : checked.minVersion,
                               speaksNothing ? 'TLSv1.3' : checked.maxVersion);
    // OpenSSL checks a key against its certificate when both are set: compiling the
    // server side does the same check here.
    if (cert !== undefined && key !== undefined) tlsWrap.serverNew(id, false, false, [], [], []);
  } catch (err) {
    if (err.code === 'ERR_OSSL_X509_KEY_VALUES_MISMATCH') {
      const reason = err.message;
      err.message = `error:05800074:x509 certificate routines::${reason}`;
      err.library = 'x509 certificate routines';
      err.reason = reason;
    }
    Error.captureStackTrace(err, createSecureContext);
    throw err;
  }
  const ticketKeys = checked.ticketKeys ?
    Buffer.from(new Uint8Array(checked.ticketKeys.buffer, checked.ticketKeys.byteOffset, 48)) :
    undefined;
  const leaf = cert === undefined ? undefined : tlsWrap.parseCertificates(cert)[0];
  return new SecureContext(
    new NativeSecureContext(id, ticketKeys, leaf, checked.caTexts, speaksNothing));
}

function derToPem(der) {
  const base64 = Buffer.from(der.buffer, der.byteOffset, der.byteLength).toString('base64');
  return `-----BEGIN CERTIFICATE-----\n${base64.match(/.{1,64}/g).join('\n')}\n` +
    '-----END CERTIFICATE-----\n';
}

// A lone certificate completed with its issuers from `ca`, up to a self-issued one, as
// OpenSSL builds the chain a context sends from its trust store.
function withIssuers(certPem, caTexts) {
  let chain;
  try {
    chain = tlsWrap.parseCertificates(certPem);
  } catch {
    return certPem;
  }
  if (chain.length !== 1) return certPem;
  const describe = (der) => {
    const info = tlsWrap.certificateInfo(der);
    return { der, subject: JSON.stringify(info.subject), issuer: JSON.stringify(info.issuer) };
  };
  let pool;
  try {
    pool = caTexts.flatMap((text) => tlsWrap.parseCertificates(text)).map(describe);
  } catch {
    return certPem;
  }
  let current = describe(chain[0]);
  const added = [];
  while (current.subject !== current.issuer && added.length < 10) {
    const issuer = pool.find((c) => c.subject === current.issuer && !added.includes(c));
    if (!issuer) break;
    added.push(issuer);
    current = issuer;
  }
  if (added.length === 0) return certPem;
  return `${certPem}\n${added.map((c) => derToPem(c.der)).join('')}`;
}

// Node's wire form of ALPN protocol names: each length-prefixed, in one buffer.
function convertProtocols(protocols) {
  const lengths = protocols.map((p, i) => {
    const len = Buffer.byteLength(p);
    if (len > 255) {
      throw new ERR_OUT_OF_RANGE(`The byte length of the protocol at index ${i} exceeds the ` +
        'maximum length.', '<= 255', len, true);
    }
    return len;
  });
  const buf = Buffer.allocUnsafe(lengths.reduce((sum, len) => sum + 1 + len, 0));
  let offset = 0;
  for (let i = 0; i < protocols.length; i++) {
    buf[offset++] = lengths[i];
    buf.write(`${protocols[i]}`, offset);
    offset += lengths[i];
  }
  return buf;
}

// Sets out.ALPNProtocols to a private copy of `protocols` in wire form.
function convertALPNProtocols(protocols, out) {
  if (Array.isArray(protocols)) {
    out.ALPNProtocols = convertProtocols(protocols);
  } else if (ArrayBuffer.isView(protocols)) {
    out.ALPNProtocols = Buffer.from(protocols.buffer.slice(
      protocols.byteOffset, protocols.byteOffset + protocols.byteLength));
  }
}

// ALPNProtocols as an array of protocol names.
function alpnList(protocols) {
  if (protocols === undefined || protocols === null) return [];
  if (Array.isArray(protocols)) {
    return protocols.map((p) => (typeof p === 'string' ? p : Buffer.from(p).toString('latin1')));
  }
  if (!ArrayBuffer.isView(protocols)) return [];
  // Node's wire form: length-prefixed names in one buffer.
  const buf = Buffer.from(protocols.buffer, protocols.byteOffset, protocols.byteLength);
  const out = [];
  for (let i = 0; i < buf.length;) {
    const len = buf[i];
    out.push(buf.toString('latin1', i + 1, i + 1 + len));
    i += len + 1;
  }
  return out;
}

// --- server identity --------------------------------------------------------------------------
function unfqdn(host) {
  return host.replace(/[.]$/, '');
}

function splitHost(host) {
  return unfqdn(host).toLowerCase().split('.');
}

// Whether `pattern` (a certificate name, maybe with one wildcard in its first label)
// matches the host's labels, as RFC 6125 and Node allow.
function matchesName(hostParts, pattern, wildcards) {
  if (!pattern) return false;
  const patternParts = splitHost(pattern);
  if (hostParts.length !== patternParts.length) return false;
  if (patternParts.includes('')) return false;
  if (patternParts.some((part) => /[^\u0021-\u007F]/u.test(part))) return false;
  for (let i = hostParts.length - 1; i > 0; i--) {
    if (hostParts[i] !== patternParts[i]) return false;
  }
  const hostLabel = hostParts[0];
  const patternLabel = patternParts[0];
  const pieces = patternLabel.split('*', 3);
  if (pieces.length === 1 || patternLabel.includes('xn--')) return hostLabel === patternLabel;
  if (!wildcards || pieces.length > 2 || patternParts.length <= 2) return false;
  const [prefix, suffix] = pieces;
  return prefix.length + suffix.length <= hostLabel.length &&
    hostLabel.startsWith(prefix) && hostLabel.endsWith(suffix);
}

function canonicalIP(ip) {
  try {
    const { SocketAddress } = require('internal/socketaddress');
    if (!isIP(ip)) return undefined;
    return new SocketAddress({ address: ip, family: isIP(ip) === 6 ? 'ipv6' : 'ipv4' }).address;
  } catch {
    // Not an address (Node's canonicalizeIP gives undefined, listed as an empty entry).
    return undefined;
  }
}

// A quoted entry in a subjectaltname string: exactly a JSON string literal.
const quotedAltName = /^"(?:[^"\\\u0000-\u001f]|\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4}))*"/;

// The entries of a subjectaltname string. Entries are separated by ', ', but a name that
// holds a comma (or other unsafe characters) is printed as a JSON string, which must be
// read as one piece: splitting it would let a certificate smuggle in extra names.
function splitAltNames(altNames) {
  const entries = [];
  let current = '';
  let at = 0;
  while (at < altNames.length) {
    const comma = altNames.indexOf(',', at);
    const quote = altNames.indexOf('"', at);
    if (quote !== -1 && (comma === -1 || quote < comma)) {
      current += altNames.slice(at, quote);
      const literal = quotedAltName.exec(altNames.slice(quote));
      if (literal === null) throw new ERR_TLS_CERT_ALTNAME_FORMAT();
      current += JSON.parse(literal[0]);
      at = quote + literal[0].length;
    } else if (comma !== -1) {
      entries.push(current + altNames.slice(at, comma));
      current = '';
      at = comma + 2;
    } else {
      current += altNames.slice(at);
      at = altNames.length;
    }
  }
  entries.push(current);
  return entries;
}

function checkServerIdentity(hostname, cert) {
  const subject = cert.subject;
  const altNames = cert.subjectaltname;
  const dnsNames = [];
  const ips = [];
  hostname = `${hostname}`;
  if (altNames) {
    for (const name of splitAltNames(altNames)) {
      if (name.startsWith('DNS:')) dnsNames.push(name.slice(4));
      else if (name.startsWith('IP Address:')) ips.push(canonicalIP(name.slice(11)));
    }
  }
  let valid = false;
  let reason = 'Unknown reason';
  hostname = unfqdn(hostname);
  if (isIP(hostname)) {
    valid = ips.includes(canonicalIP(hostname));
    if (!valid) reason = `IP: ${hostname} is not in the cert's list: ${ips.join(', ')}`;
  } else if (dnsNames.length > 0 || subject?.CN) {
    const hostParts = splitHost(hostname);
    const matches = (pattern) => matchesName(hostParts, pattern, true);
    if (dnsNames.length > 0) {
      valid = dnsNames.some(matches);
      if (!valid) reason = `Host: ${hostname}. is not in the cert's altnames: ${altNames}`;
    } else {
      const cn = subject.CN;
      valid = Array.isArray(cn) ? cn.some(matches) : matches(cn);
      if (!valid) reason = `Host: ${hostname}. is not cert's CN: ${cn}`;
    }
  } else {
    reason = 'Cert does not contain a DNS name';
  }
  if (!valid) return new ERR_TLS_CERT_ALTNAME_INVALID(reason, hostname, cert);
  return undefined;
}

// OpenSSL's packed error codes for the SSL reasons the backend reports: Node's messages read
// `error:<code>:SSL routines::<reason>`.
const sslReasonCodes = {
  __proto__: null,
  ERR_SSL_WRONG_VERSION_NUMBER: '0A00010B',
  ERR_SSL_NO_PROTOCOLS_AVAILABLE: '0A0000BF',
  ERR_SSL_NO_SHARED_CIPHER: '0A0000C1',
  ERR_SSL_UNSUPPORTED_PROTOCOL: '0A000102',
  ERR_SSL_SSL_HANDSHAKE_FAILURE: '0A0000E5',
  ERR_SSL_NO_APPLICATION_PROTOCOL: '0A0000EB',
  ERR_SSL_PEER_DID_NOT_RETURN_A_CERTIFICATE: '0A0000C7',
  ERR_SSL_PACKET_LENGTH_TOO_LONG: '0A0000C6',
  ERR_SSL_SSLV3_ALERT_HANDSHAKE_FAILURE: '0A000410',
  ERR_SSL_SSLV3_ALERT_BAD_CERTIFICATE: '0A000412',
  ERR_SSL_SSLV3_ALERT_CERTIFICATE_EXPIRED: '0A000415',
  ERR_SSL_TLSV1_ALERT_UNKNOWN_CA: '0A000418',
  ERR_SSL_TLSV1_ALERT_DECRYPT_ERROR: '0A000433',
  ERR_SSL_TLSV1_ALERT_PROTOCOL_VERSION: '0A000446',
  ERR_SSL_TLSV1_ALERT_INTERNAL_ERROR: '0A000450',
  ERR_SSL_TLSV1_UNRECOGNIZED_NAME: '0A000470',
  ERR_SSL_TLSV13_ALERT_CERTIFICATE_REQUIRED: '0A000474',
  ERR_SSL_TLSV1_ALERT_NO_APPLICATION_PROTOCOL: '0A000478',
};

// A failed handshake as Node reports it: OpenSSL's message shape for SSL reasons, and a
// server's "socket hang up" for a client that left before the handshake ended.
function handshakeError(code, message, isServer) {
  if (code === 'ECONNRESET' && isServer) message = 'socket hang up';
  const packed = sslReasonCodes[code];
  const err = new Error(packed ? `error:${packed}:SSL routines::${message}` : message);
  if (packed) {
    err.library = 'SSL routines';
    err.reason = message;
  }
  err.code = code;
  return err;
}

const missingIssuerCodes = [
  'DEPTH_ZERO_SELF_SIGNED_CERT', 'SELF_SIGNED_CERT_IN_CHAIN', 'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
];

// --- TLSSocket --------------------------------------------------------------------------------
const kInfo = Symbol('kInfo');
const kOptions = Symbol('kOptions');
const kConnectOptions = Symbol('kConnectOptions');
const kStartRequested = Symbol('kStartRequested');
const kErrorEmitted = Symbol('kErrorEmitted');
const kCarrier = Symbol('kCarrier');
const kSession = Symbol('kSession');
const kPendingSessions = Symbol('kPendingSessions');

class TLSSocket extends net.Socket {
  constructor(socket, options = {}) {
    const opts = { ...options };
    if (opts.enableTrace != null) validateBoolean(opts.enableTrace, 'options.enableTrace');
    if (opts.ALPNProtocols) convertALPNProtocols(opts.ALPNProtocols, opts);
    if (opts.isServer && opts.SNICallback) validateFunction(opts.SNICallback, 'options.SNICallback');
    if (opts.pskCallback) validateFunction(opts.pskCallback, 'pskCallback');
    let handle;
    let carried = null;
    if (socket instanceof net.Socket && socket._handle && !socket.connecting &&
        !socket.readableLength && !socket.encrypted) {
      // Take over the connected socket's handle, as Node's TLSWrap wraps it.
      handle = socket._handle;
      socket._handle = null;
    } else if (socket !== undefined && socket !== null &&
               !(socket instanceof net.Socket && socket.connecting && !socket.encrypted)) {
      // Any other Duplex (or a socket that already holds read bytes): the session runs on
      // one end of a socketpair and JS carries bytes between the other end and the stream.
      // (A non-stream fails here with a TypeError, as in Node.)
      socket.pause();
      carried = carrierPair();
      handle = carried.inner;
    }
    super({
      handle,
      allowHalfOpen: socket?.allowHalfOpen ?? opts.allowHalfOpen,
      pauseOnCreate: opts.pauseOnConnect,
      manualStart: true,
      highWaterMark: opts.highWaterMark,
      onread: socket ? null : opts.onread,
    });
    if (handle) owners.set(handle.id, this);
    // Until tls.connect() or a server's 'secureConnection' takes the socket over, its errors
    // are '_tlsError' events rather than unhandled 'error's, as in Node.
    this._controlReleased = false;
    this.on('error', this._tlsError);
    this[kStartRequested] = !!opts.isServer;
    if (carried) carryStream(this, socket, carried.outer);
    this.encrypted = true;
    this.authorized = false;
    this.authorizationError = null;
    this.alpnProtocol = null;
    this.servername = null;
    this.secureConnecting = true;
    this._secureEstablished = false;
    this[kInfo] = null;
    this[kOptions] = opts;
    this._tlsOptions = opts;
    this.ssl = null;
    if (socket instanceof net.Socket && socket.connecting && !carried) {
      // Wrap once the given socket is connected.
      // A TLS socket destroyed first takes the connecting socket with it.
      this.once('close', () => {
        if (socket.connecting) socket.destroy();
      });
      socket.once('connect', () => {
        if (this.destroyed) {
          socket.destroy();
          return;
        }
        const h = socket._handle;
        socket._handle = null;
        this._handle = h;
        owners.set(h.id, this);
        if (this[kStartRequested]) this._startTls();
      });
    } else if (handle && this[kStartRequested]) {
      this._startTls();
    }
  }

  // A context limited to TLS 1.0/1.1 (which rustls does not speak) fails each handshake as
  // OpenSSL fails one with no protocol enabled: a server answers with a protocol_version
  // alert, and both sides report 'no protocols available'.
  _failNoProtocols() {
    this.secureConnecting = true;
    const fail = () => this._onHandshake('ERR_SSL_NO_PROTOCOLS_AVAILABLE', 'no protocols available');
    if (this[kOptions].isServer) {
      const alert = Buffer.from([0x15, 0x03, 0x01, 0x00, 0x02, 0x02, 0x46]);
      super._writeGeneric(alert, fail);
    } else {
      process.nextTick(fail);
    }
  }

  // A client socket made directly starts its handshake with its first write, as OpenSSL does.
  _writeGeneric(data, cb) {
    if (!this.ssl && this._handle && !this.connecting && !this[kOptions].isServer) this._start();
    return super._writeGeneric(data, cb);
  }

  // Starts the session: a server's at once, a client's when tls.connect() (or this) asks.
  _start() {
    this[kStartRequested] = true;
    if (this._handle && !this.ssl && !this.destroyed) this._startTls();
  }

  _startTls() {
    const opts = this[kOptions];
    const context = opts.isServer && opts.server instanceof Server ?
      opts.server._sharedCreds : opts.secureContext;
    if (context?.context instanceof NativeSecureContext &&
        NativeSecureContext.speaksNothing(context.context)) {
      this._failNoProtocols();
      return;
    }
    let status;
    if (opts.isServer) {
      const acceptor = opts.server instanceof Server ? opts.server._acceptor() :
        standaloneAcceptor(opts);
      status = tlsWrap.accept(this._handle.id, acceptor);
    } else {
      const context = opts.secureContext ?? createSecureContext(opts);
      const host = opts.host ?? 'localhost';
      const servername = opts.servername ?? (isIP(host) ? '' : host);
      // Only tls.connect() rejects in the handshake; a TLSSocket made directly lets its
      // owner judge (ssl.verifyError()), as Node's does.
      const rejectUnauthorized = !!this[kConnectOptions] && opts.rejectUnauthorized !== false;
      const customCheck = typeof opts.checkServerIdentity === 'function' &&
        opts.checkServerIdentity !== checkServerIdentity;
      this._hostname = servername || host;
      const session = isArrayBufferView(opts.session) ? opts.session : null;
      status = tlsWrap.connect(this._handle.id, contextId(context), servername || host,
                               rejectUnauthorized, !customCheck && !!this[kConnectOptions],
                               alpnList(opts.ALPNProtocols), servername !== '', session);
    }
    if (status < 0) {
      this.destroy(new (require('internal/errors').ErrnoException)(status, 'wrap'));
      return;
    }
    const socket = this;
    this.ssl = {
      handle: this._handle,
      // The peer certificate's verification failure (an Error with its code), or null.
      verifyError() {
        const failure = socket[kInfo]?.authorizationError;
        if (!failure) return null;
        const err = new Error(failure.message);
        err.code = failure.code;
        return err;
      },
    };
    holdCarrier(this, true);
    // Reading starts at once; the session yields data only after the handshake.
    this.read(0);
  }

  _onHandshake(code, message) {
    const opts = this[kOptions];
    holdCarrier(this, false);
    this.secureConnecting = false;
    if (code !== undefined) {
      // Node 25 points at the system store when a trust anchor is missing.
      const hint = missingIssuerCodes.includes(code) ?
        '; if the root CA is installed locally, try running Node.js with --use-system-ca' : '';
      const err = handshakeError(code, message + hint, opts.isServer);
      const connectOptions = this[kConnectOptions];
      if (code === 'ECONNRESET' && connectOptions) {
        // Where the client was connecting, as Node's error for a peer that hung up says.
        err.path = connectOptions.path;
        err.host = connectOptions.host;
        err.port = connectOptions.port;
        err.localAddress = connectOptions.localAddress;
      }
      if (opts.isServer && opts.server instanceof Server) {
        this[kErrorEmitted] = true;
        opts.server.emit('tlsClientError', err, this);
        this.destroy(err);
      } else {
        this.destroy(err);
      }
      return;
    }
    const info = tlsWrap.info(this._handle.id);
    this[kInfo] = typeof info === 'number' ? null : info;
    this._secureEstablished = true;
    if (this[kInfo]) {
      this.alpnProtocol = this[kInfo].alpnProtocol;
      // A server reports the client's SNI name only when it picks contexts by name.
      this.servername = opts.isServer ?
        (opts.server?._contexts?.length ? this[kInfo].servername ?? false : false) :
        this[kInfo].servername ?? null;
      this.authorized = this[kInfo].authorized;
      this.authorizationError = this[kInfo].authorizationError?.code ?? null;
    }
    if (opts.isServer) {
      if (!opts.requestCert) this.authorized = false;
      // pauseOnConnect: the secure socket reaches the application paused.
      if (opts.pauseOnConnect) this.pause();
      this.emit('secure');
      if (opts.server instanceof Server && !this.destroyed && this._releaseControl()) {
        opts.server.emit('secureConnection', this);
      }
      return;
    }
    this.emit('secure');
    // A TLSSocket made directly (not by tls.connect()) leaves the verdict to its owner.
    if (!this[kConnectOptions]) return;
    // The client's own checkServerIdentity, when given, runs here.
    if (typeof opts.checkServerIdentity === 'function' &&
        opts.checkServerIdentity !== checkServerIdentity && this.authorized) {
      const err = opts.checkServerIdentity(this._hostname, this.getPeerCertificate(true));
      if (err) {
        this.authorized = false;
        this.authorizationError = err.code || err.message;
        if (opts.rejectUnauthorized !== false) {
          this.destroy(err);
          return;
        }
      }
    }
    this.emit('secureConnect');
    // A TLS 1.2 session comes with the handshake and Node reports it after 'secureConnect'; a
    // TLS 1.3 ticket arrives later, with a read (see push()).
    this._emitSessions();
  }

  getPeerCertificate(detailed) {
    const chain = this[kInfo]?.peerCertificates;
    if (!chain || chain.length === 0) return this._secureEstablished ? {} : null;
    if (!detailed) return certificateObject(chain[0]);
    // Past what the peer sent, the chain goes on with issuers from this side's own `ca`, as
    // Node completes it from the context's store.
    const full = [...chain];
    const context = this[kOptions].secureContext?.context;
    const pool = context instanceof NativeSecureContext ? NativeSecureContext.caInfoOf(context) : [];
    const name = (n) => JSON.stringify(n);
    for (let last = full[full.length - 1]; name(last.subject) !== name(last.issuer);) {
      const issuer = pool.find((c) => name(c.subject) === name(last.issuer) && !full.includes(c));
      if (!issuer || full.length > 10) break;
      full.push(issuer);
      last = issuer;
    }
    const certs = full.map(certificateObject);
    for (let i = 0; i < certs.length; i++) {
      certs[i].issuerCertificate = certs[i + 1] ?? certs[i];
    }
    return certs[0];
  }

  getCertificate() {
    if (!this._handle) return null;
    const context = this[kOptions].secureContext;
    const der = context?.context instanceof NativeSecureContext ?
      NativeSecureContext.certificateOf(context.context) : undefined;
    return der ? certificateObject(tlsWrap.certificateInfo(der)) : {};
  }

  // The peer's certificate as an X509Certificate, with the rest of the chain the peer sent
  // linked through issuerCertificate (unlike getPeerCertificate(true), no issuer from this
  // side's own store is added), or undefined without a peer certificate.
  getPeerX509Certificate() {
    const { fromDer } = require('internal/crypto/x509');
    const chain = this[kInfo]?.peerCertificates ?? [];
    let issuer;
    for (let i = chain.length - 1; i >= 0; i--) issuer = fromDer(chain[i].raw, issuer);
    return issuer;
  }

  // This side's own certificate as an X509Certificate, or undefined without one.
  getX509Certificate() {
    const context = this[kOptions]?.secureContext;
    const der = context?.context instanceof NativeSecureContext ?
      NativeSecureContext.certificateOf(context.context) : undefined;
    return der ? require('internal/crypto/x509').fromDer(der) : undefined;
  }

  getProtocol() {
    return this[kInfo]?.protocol ?? null;
  }

  getCipher() {
    return this[kInfo]?.cipher;
  }

  getEphemeralKeyInfo() {
    return {};
  }

  getSession() {
    this._takeSessions();
    // The session being reported (inside a 'session' listener), else the next one due.
    const session = this[kSession] ?? this[kPendingSessions]?.[0];
    if (session !== undefined || !this._secureEstablished || this[kOptions].isServer) return session;
    // Before a TLS 1.3 ticket arrives OpenSSL's session exists but can't resume: so here.
    return (this[kSession] = require('crypto').randomBytes(20));
  }

  // Client side: moves the sessions the server granted since the last look from the handle
  // to the queue 'session' is emitted from.
  _takeSessions() {
    if (this[kOptions].isServer || !this._handle || !this._secureEstablished) return;
    const sessions = tlsWrap.takeSessions(this._handle.id);
    if (typeof sessions === 'number') return;
    for (const session of sessions) {
      const buffer = Buffer.from(session.buffer, session.byteOffset, session.byteLength);
      (this[kPendingSessions] ??= []).push(buffer);
    }
  }

  // Emits 'session' for each queued session, each getSession()'s while it is reported.
  _emitSessions() {
    this._takeSessions();
    const pending = this[kPendingSessions];
    while (pending?.length) {
      this[kSession] = pending.shift();
      this.emit('session', this[kSession]);
    }
  }

  // Tickets come with reads after a TLS 1.3 handshake: look for them while someone listens.
  push(chunk, encoding) {
    if (this._secureEstablished && this.listenerCount('session') > 0) this._emitSessions();
    return super.push(chunk, encoding);
  }

  getTLSTicket() {
    return undefined;
  }

  isSessionReused() {
    return !!this[kInfo]?.sessionReused;
  }

  getFinished() {
    return undefined;
  }

  getPeerFinished() {
    return undefined;
  }

  setServername(name) {
    validateString(name, 'name');
    if (this[kOptions].isServer) throw new ERR_TLS_SNI_FROM_SERVER();
    this[kOptions].servername = name;
  }

  _tlsError(err) {
    this.emit('_tlsError', err);
    return this._controlReleased ? err : null;
  }

  // handshakeTimeout ran out before the handshake ended.
  _handleTimeout() {
    this._emitTLSError(new ERR_TLS_HANDSHAKE_TIMEOUT());
  }

  _emitTLSError(err) {
    const e = this._tlsError(err);
    if (e) this.emit('error', e);
  }

  // Hands 'error' events to the application: returns whether this call did.
  _releaseControl() {
    if (this._controlReleased) return false;
    this._controlReleased = true;
    this.removeListener('error', this._tlsError);
    return true;
  }

  // Node drops its TLSWrap here; the session goes with the handle when the socket closes.
  _destroySSL() {
    this.ssl = null;
  }

  // OpenSSL's bounds for a record's plaintext; rustls fixes the size per connection, so
  // a size in range is accepted and records keep the backend's size.
  setMaxSendFragment(size) {
    validateInt32(size, 'size');
    return size >= 512 && size <= 16384;
  }

  // rustls does no renegotiation: a valid request fails as a renegotiation-disabled one.
  renegotiate(options, callback) {
    validateObject(options, 'options');
    if (callback !== undefined) validateFunction(callback, 'callback');
    if (this.destroyed) return undefined;
    if (callback) process.nextTick(callback, new ERR_TLS_RENEGOTIATION_DISABLED());
    return false;
  }

  exportKeyingMaterial(length, label, context) {
    validateUint32(length, 'length', true);
    validateString(label, 'label');
    if (context !== undefined) validateBuffer(context, 'context');
    if (!this._secureEstablished || !this._handle) throw new ERR_TLS_INVALID_STATE();
    const bytes = tlsWrap.exportKeyingMaterial(this._handle.id, length, label, context);
    if (typeof bytes === 'number') throw new ERR_TLS_INVALID_STATE();
    if (bytes === null) throw new ERR_METHOD_NOT_IMPLEMENTED('tlsSocket.exportKeyingMaterial');
    return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }

  disableRenegotiation() {
    this._renegotiationDisabled = true;
  }
  enableTrace() {}
}

// Two connected loop handles (a socketpair): the TLS session runs on `inner`, `outer` is what
// JS feeds from and to a Duplex.
function carrierPair() {
  const ids = tlsWrap.streamPair();
  if (typeof ids === 'number') {
    throw new (require('internal/errors').ErrnoException)(ids, 'socketpair');
  }
  const { Pipe } = require('internal/stream_handles');
  const inner = new Pipe(ids[0], false);
  const outerHandle = new Pipe(ids[1], false);
  // Only a running handshake holds the process (see holdCarrier): an idle TLS socket over a
  // Duplex does not, as with Node's JS-stream wrap.
  inner.unref();
  outerHandle.unref();
  const outer = new net.Socket({ handle: outerHandle, allowHalfOpen: true });
  return { inner, outer };
}

// Node runs a handshake over a Duplex synchronously in JS; here its bytes cross the loop, so
// the socketpair holds the process while the handshake runs and while the socket closes.
function holdCarrier(tlsSocket, hold) {
  const outer = tlsSocket[kCarrier];
  if (!outer) return;
  for (const handle of [tlsSocket._handle, outer._handle]) {
    if (hold) handle?.ref();
    else handle?.unref();
  }
}

// Moves bytes both ways between `stream` (the TLS transport, a Duplex) and `outer`, with
// back-pressure, end and close passed along as Node's JSStreamSocket passes them.
function carryStream(tlsSocket, stream, outer) {
  const pipeInto = (from, to) => (chunk) => {
    if (to.destroyed || to.writableEnded) return;
    if (typeof chunk === 'string' || from.readableObjectMode === true) {
      from.pause();
      tlsSocket.destroy(new (require('internal/errors').codes.ERR_STREAM_WRAP)());
      return;
    }
    if (!to.write(chunk)) {
      from.pause();
      to.once('drain', () => from.resume());
    }
  };
  outer.on('data', pipeInto(outer, stream));
  outer.on('end', () => {
    if (!stream.destroyed && !stream.writableEnded) stream.end();
  });
  outer.on('error', () => {});
  stream.on('data', pipeInto(stream, outer));
  stream.once('end', () => {
    if (!outer.destroyed) outer.end();
  });
  stream.on('error', (err) => tlsSocket.emit('error', err));
  // A closed stream is an end of input: bytes already passed on are read first.
  stream.once('close', () => {
    if (!outer.destroyed && !outer.writableEnded) outer.end();
  });
  tlsSocket.once('close', () => {
    outer.destroy();
    if (!stream.destroyed) stream.destroy();
  });
  tlsSocket._parent = stream;
  tlsSocket[kCarrier] = outer;
  // A closing exchange is held to its end too (close_notify and EOF both ways).
  tlsSocket.once('finish', () => holdCarrier(tlsSocket, true));
  stream.once('end', () => holdCarrier(tlsSocket, true));
  stream.resume();
}

// The object getPeerCertificate() returns, shaped as X509Certificate#toLegacyObject() shapes it.
function certificateObject(fields) {
  return require('internal/crypto/x509').legacyCertificateObject(fields);
}

// --- connect ----------------------------------------------------------------------------------
// net's argument shapes (port, host, path, options), then the TLS options that follow a
// port or host merged over them.
function normalizeConnectArgs(args) {
  const [netOptions, cb] = net._normalizeArgs(args);
  const options = { ...netOptions };
  if (args[1] !== null && typeof args[1] === 'object') Object.assign(options, args[1]);
  else if (args[2] !== null && typeof args[2] === 'object') Object.assign(options, args[2]);
  return [options, cb ?? undefined];
}

// NODE_TLS_REJECT_UNAUTHORIZED=0 turns verification off for connections that don't choose,
// with Node's warning, once.
let warnedAllowUnauthorized = false;
function allowUnauthorized() {
  const allow = process.env.NODE_TLS_REJECT_UNAUTHORIZED === '0';
  if (allow && !warnedAllowUnauthorized) {
    warnedAllowUnauthorized = true;
    process.emitWarning('Setting the NODE_TLS_REJECT_UNAUTHORIZED environment variable to \'0\' ' +
                        'makes TLS connections and HTTPS requests insecure by disabling ' +
                        'certificate verification.');
  }
  return allow;
}

function connect(...args) {
  const [options, cb] = normalizeConnectArgs(args);
  if (options.secureContext !== undefined && !(options.secureContext instanceof SecureContext)) {
    throw new ERR_TLS_INVALID_CONTEXT('options.secureContext');
  }
  // As with Node's defaults spread under the options, an own `undefined` replaces a default.
  if (!Object.hasOwn(options, 'checkServerIdentity')) options.checkServerIdentity = checkServerIdentity;
  if (!Object.hasOwn(options, 'minDHSize')) options.minDHSize = 1024;
  if (!Object.hasOwn(options, 'ciphers')) options.ciphers = module.exports.DEFAULT_CIPHERS;
  if (!Object.hasOwn(options, 'rejectUnauthorized')) {
    options.rejectUnauthorized = !allowUnauthorized();
  }
  validateFunction(options.checkServerIdentity, 'options.checkServerIdentity');
  validateNumber(options.minDHSize, 'options.minDHSize', 1);
  const host = options.host ?? 'localhost';
  const secureContext = options.secureContext || module.exports.createSecureContext(options);
  if (options.servername && isIP(options.servername)) {
    throw new ERR_INVALID_ARG_VALUE('options.servername', options.servername,
                                    'Setting the TLS ServerName to an IP address is not permitted.');
  }
  const tlsOptions = {
    ...options,
    host,
    isServer: false,
    secureContext,
  };
  const socket = new TLSSocket(options.socket, tlsOptions);
  socket[kConnectOptions] = options;
  socket._releaseControl();
  if (options.socket) socket._start();
  if (cb) socket.once('secureConnect', cb);
  if (!options.socket) {
    // This TLSSocket is also the TCP (or pipe) connection: TLS starts once it connects.
    socket.prependOnceListener('connect', () => socket._startTls());
    const connectOptions = { ...options };
    delete connectOptions.socket;
    net.Socket.prototype.connect.call(socket, connectOptions);
  }
  if (options.timeout) socket.setTimeout(options.timeout);
  return socket;
}

// --- Server -----------------------------------------------------------------------------------
const kHandshakeTimeout = Symbol('kHandshakeTimeout');
const kSNICallback = Symbol('kSNICallback');
const kPskCallback = Symbol('kPskCallback');
const kPskIdentityHint = Symbol('kPskIdentityHint');
const kEnableTrace = Symbol('kEnableTrace');

function Server(options, listener) {
  if (!(this instanceof Server)) return new Server(options, listener);
  if (typeof options === 'function') {
    listener = options;
    options = {};
  } else if (options === undefined || options === null) {
    options = {};
  } else if (typeof options !== 'object') {
    throw new ERR_INVALID_ARG_TYPE('options', 'Object', options);
  }
  this._contexts = [];
  this._acceptorId = 0;
  this.requestCert = options.requestCert === true;
  this.rejectUnauthorized = options.rejectUnauthorized !== false;
  this.ALPNCallback = options.ALPNCallback;
  if (this.ALPNCallback && options.ALPNProtocols) throw new ERR_TLS_ALPN_CALLBACK_WITH_PROTOCOLS();
  if (options.sessionTimeout) this.sessionTimeout = options.sessionTimeout;
  if (options.ticketKeys) this.ticketKeys = options.ticketKeys;
  if (options.ALPNProtocols) convertALPNProtocols(options.ALPNProtocols, this);
  this._tlsServerOptions = { ...options };
  this.setSecureContext(options);
  this[kHandshakeTimeout] = options.handshakeTimeout || (120 * 1000);
  this[kSNICallback] = options.SNICallback;
  this[kPskCallback] = options.pskCallback;
  this[kPskIdentityHint] = options.pskIdentityHint;
  validateNumber(this[kHandshakeTimeout], 'options.handshakeTimeout');
  if (this[kSNICallback]) validateFunction(this[kSNICallback], 'options.SNICallback');
  if (this[kPskCallback]) validateFunction(this[kPskCallback], 'options.pskCallback');
  if (this[kPskIdentityHint]) validateString(this[kPskIdentityHint], 'options.pskIdentityHint');
  net.Server.call(this, options, tlsConnectionListener);
  if (listener) this.on('secureConnection', listener);
  this[kEnableTrace] = options.enableTrace;
}
Object.setPrototypeOf(Server.prototype, net.Server.prototype);
Object.setPrototypeOf(Server, net.Server);

function tlsConnectionListener(rawSocket) {
  const server = this;
  const socket = new TLSSocket(rawSocket, {
    ...server._tlsServerOptions,
    secureContext: server._sharedCreds,
    isServer: true,
    server,
  });
  // The connection counts for the server under its TLS face now.
  socket._server = server;
  socket.server = server;
  rawSocket._server = null;
  socket.on('error', (err) => {
    if (!socket._secureEstablished) return;
    server.emit('tlsClientError', err, socket);
  });
  // A failure before the application has the socket is the server's 'tlsClientError'.
  socket.on('_tlsError', (err) => {
    if (socket._controlReleased || socket[kErrorEmitted]) return;
    socket[kErrorEmitted] = true;
    server.emit('tlsClientError', err, socket);
  });
  const timeout = server[kHandshakeTimeout];
  if (timeout > 0) {
    const onTimeout = () => socket._handleTimeout();
    socket.setTimeout(timeout);
    socket.once('timeout', onTimeout);
    socket.once('secure', () => {
      socket.setTimeout(0);
      socket.off('timeout', onTimeout);
    });
  }
}

// The options a server's shared context is built from, kept on the server as Node keeps them.
const contextOptionNames = [
  'pfx', 'key', 'passphrase', 'cert', 'clientCertEngine', 'ca', 'minVersion', 'maxVersion',
  'secureProtocol', 'crl', 'ciphers', 'dhparam',
];

Server.prototype.setSecureContext = function setSecureContext(options) {
  validateObject(options, 'options');
  for (const name of contextOptionNames) this[name] = options[name] || undefined;
  this.sigalgs = options.sigalgs;
  this.ecdhCurve = options.ecdhCurve;
  this.honorCipherOrder = options.honorCipherOrder !== undefined ? !!options.honorCipherOrder : true;
  this.secureOptions = options.secureOptions || undefined;
  this.sessionIdContext = options.sessionIdContext ||
    require('crypto').createHash('sha1').update(process.argv.join(' ')).digest('hex').slice(0, 32);
  if (options.sessionTimeout) this.sessionTimeout = options.sessionTimeout;
  if (options.ticketKeys) this.ticketKeys = options.ticketKeys;
  this.privateKeyIdentifier = options.privateKeyIdentifier;
  this.privateKeyEngine = options.privateKeyEngine;
  this._tlsServerOptions = { ...this._tlsServerOptions, ...options };
  this._sharedCreds = options.secureContext instanceof SecureContext ?
    options.secureContext :
    createSecureContext({
      pfx: this.pfx,
      key: this.key,
      passphrase: this.passphrase,
      cert: this.cert,
      clientCertEngine: this.clientCertEngine,
      ca: this.ca,
      ciphers: this.ciphers,
      sigalgs: this.sigalgs,
      ecdhCurve: this.ecdhCurve,
      dhparam: this.dhparam,
      minVersion: this.minVersion,
      maxVersion: this.maxVersion,
      secureProtocol: this.secureProtocol,
      secureOptions: this.secureOptions,
      honorCipherOrder: this.honorCipherOrder,
      crl: this.crl,
      sessionIdContext: this.sessionIdContext,
      ticketKeys: this.ticketKeys,
      sessionTimeout: this.sessionTimeout,
      privateKeyIdentifier: this.privateKeyIdentifier,
      privateKeyEngine: this.privateKeyEngine,
    });
  this._acceptorId = 0;
};

Server.prototype.addContext = function addContext(servername, context) {
  if (!servername) throw new ERR_TLS_REQUIRED_SERVER_NAME();
  validateString(servername, 'servername');
  const ctx = context instanceof SecureContext ? context : createSecureContext(context);
  this._contexts.push([servername, ctx]);
  this._acceptorId = 0;
};

// crypto.constants.SSL_OP_NO_TICKET: a server's secureOptions bit that turns tickets off.
const SSL_OP_NO_TICKET = 16384;

// The compiled server side (one per set of options), built on first use.
Server.prototype._acceptor = function _acceptor() {
  if (!this._acceptorId) {
    const opts = this._tlsServerOptions;
    this._acceptorId = tlsWrap.serverNew(
      contextId(this._sharedCreds),
      this.requestCert,
      this.rejectUnauthorized,
      alpnList(this.ALPNProtocols ?? opts.ALPNProtocols),
      this._contexts.map(([name]) => name),
      this._contexts.map(([, ctx]) => `${contextId(ctx)}`),
      !((this.secureOptions ?? 0) & SSL_OP_NO_TICKET),
      this._sharedCreds.context.getTicketKeys(),
    );
  }
  return this._acceptorId;
};

Server.prototype.getTicketKeys = function getTicketKeys() {
  return this._sharedCreds.context.getTicketKeys();
};

Server.prototype.setTicketKeys = function setTicketKeys(keys) {
  validateBuffer(keys);
  if (keys.byteLength !== 48) {
    const { AssertionError } = require('assert');
    throw new AssertionError({ message: 'Session ticket keys must be a 48-byte buffer' });
  }
  this._sharedCreds.context.setTicketKeys(keys);
  if (this._acceptorId) tlsWrap.setTicketKeys(this._acceptorId, keys);
};

// A server-side TLSSocket's acceptor when its `server` is not a tls.Server: built from the
// socket's own options, one per context and settings.
const standaloneAcceptors = new WeakMap();
function standaloneAcceptor(opts) {
  const context = opts.secureContext ?? createSecureContext(opts);
  const requestCert = opts.requestCert === true;
  const rejectUnauthorized = opts.rejectUnauthorized !== false;
  const alpn = alpnList(opts.ALPNProtocols);
  const key = `${requestCert}|${rejectUnauthorized}|${alpn.join(',')}`;
  let byKey = standaloneAcceptors.get(context);
  if (!byKey) {
    byKey = new Map();
    standaloneAcceptors.set(context, byKey);
  }
  let id = byKey.get(key);
  if (id === undefined) {
    id = tlsWrap.serverNew(contextId(context), requestCert, rejectUnauthorized, alpn, [], []);
    byKey.set(key, id);
  }
  return id;
}

function createServer(options, listener) {
  return new Server(options, listener);
}

function getCiphers() {
  return [
    'aes128-gcm-sha256', 'aes256-gcm-sha384', 'chacha20-poly1305',
    'ecdhe-ecdsa-aes128-gcm-sha256', 'ecdhe-ecdsa-aes256-gcm-sha384',
    'ecdhe-ecdsa-chacha20-poly1305', 'ecdhe-rsa-aes128-gcm-sha256',
    'ecdhe-rsa-aes256-gcm-sha384', 'ecdhe-rsa-chacha20-poly1305',
    'tls_aes_128_gcm_sha256', 'tls_aes_256_gcm_sha384', 'tls_chacha20_poly1305_sha256',
  ];
}

module.exports = {
  CLIENT_RENEG_LIMIT: 3,
  CLIENT_RENEG_WINDOW: 600,
  DEFAULT_CIPHERS,
  DEFAULT_ECDH_CURVE,
  DEFAULT_MIN_VERSION,
  DEFAULT_MAX_VERSION,
  SecureContext,
  Server,
  TLSSocket,
  checkServerIdentity,
  connect,
  convertALPNProtocols,
  createSecureContext,
  createServer,
  getCiphers,
  getCACertificates: (type) => require('internal/tls/ca_certificates').getCACertificates(type),
  setDefaultCACertificates: (certs) =>
    require('internal/tls/ca_certificates').setDefaultCACertificates(certs),
};

// Mozilla's root certificates as PEM strings, computed on first use (Node's list).
Object.defineProperty(module.exports, 'rootCertificates', {
  __proto__: null,
  configurable: false,
  enumerable: true,
  get() { return require('internal/tls/ca_certificates').getCACertificates('bundled'); },
});
