'use strict';
// node:tls: TLS sockets and servers. A TLSSocket is a net.Socket whose stream handle has
// been moved into a TLS session (internalBinding('tls_wrap'), rustls underneath), as Node's
// TLSWrap wraps a TCP handle: the same reads, writes and events, with the handshake's end
// as 'secureConnect' (client) or 'secure' and the server's 'secureConnection'.
// Not yet: a TLSSocket over a Duplex that is not a net.Socket, SNICallback, session
// resumption across connections, renegotiation, and OpenSSL's cipher-list strings.

const net = require('net');
const { Buffer } = require('buffer');
const tlsWrap = internalBinding('tls_wrap');
const { owners } = require('internal/handle_events');
const { isIP } = require('internal/net');
const {
  codes: {
    ERR_INVALID_ARG_TYPE, ERR_METHOD_NOT_IMPLEMENTED, ERR_TLS_CERT_ALTNAME_INVALID,
    ERR_TLS_INVALID_CONTEXT, ERR_TLS_INVALID_PROTOCOL_VERSION, ERR_TLS_RENEGOTIATION_DISABLED,
  },
} = require('internal/errors');
const { validateFunction, validateObject, validateString } = require('internal/validators');

const DEFAULT_MIN_VERSION = 'TLSv1.2';
const DEFAULT_MAX_VERSION = 'TLSv1.3';
const DEFAULT_ECDH_CURVE = 'auto';
const DEFAULT_CIPHERS = 'TLS_AES_256_GCM_SHA384:TLS_CHACHA20_POLY1305_SHA256:' +
  'TLS_AES_128_GCM_SHA256:ECDHE-RSA-AES128-GCM-SHA256:ECDHE-ECDSA-AES128-GCM-SHA256:' +
  'ECDHE-RSA-AES256-GCM-SHA384:ECDHE-ECDSA-AES256-GCM-SHA384:' +
  'ECDHE-RSA-CHACHA20-POLY1305:ECDHE-ECDSA-CHACHA20-POLY1305';
const versions = ['TLSv1', 'TLSv1.1', 'TLSv1.2', 'TLSv1.3'];

// --- secure contexts --------------------------------------------------------------------------
class SecureContext {
  constructor(id) {
    this.context = id;
  }
}

// A PEM option (string, Buffer, or an array of them) as text.
function pemText(value, name) {
  if (value === undefined || value === null) return undefined;
  if (Array.isArray(value)) return value.map((v) => pemText(v?.pem ?? v, name)).join('\n');
  if (typeof value === 'string') return value;
  if (value instanceof Uint8Array) return Buffer.from(value).toString('latin1');
  throw new ERR_INVALID_ARG_TYPE(`options.${name}`, ['string', 'Buffer', 'TypedArray', 'DataView'], value);
}

function validateVersion(value, which) {
  if (value === undefined) return undefined;
  if (!versions.includes(value)) throw new ERR_TLS_INVALID_PROTOCOL_VERSION(value, which);
  return value;
}

function createSecureContext(options = {}) {
  validateObject(options, 'options');
  const { passphrase } = options;
  const key = Array.isArray(options.key) ? options.key[0] : options.key;
  const ca = options.ca === undefined || options.ca === null ?
    require('internal/tls/ca_certificates').defaultCaForContext()?.slice() :
    (Array.isArray(options.ca) ? options.ca : [options.ca]).map((c) => pemText(c, 'ca'));
  const minVersion = validateVersion(options.minVersion, 'minimum') ?? module.exports.DEFAULT_MIN_VERSION;
  const maxVersion = validateVersion(options.maxVersion, 'maximum') ?? module.exports.DEFAULT_MAX_VERSION;
  let id;
  try {
    id = tlsWrap.createContext(pemText(options.cert, 'cert'), pemText(key?.pem ?? key, 'key'),
                               key?.passphrase ?? passphrase, ca, minVersion, maxVersion);
  } catch (err) {
    Error.captureStackTrace(err, createSecureContext);
    throw err;
  }
  return new SecureContext(id);
}

// ALPNProtocols as an array of protocol names.
function alpnList(protocols) {
  if (protocols === undefined || protocols === null) return [];
  if (Array.isArray(protocols)) {
    return protocols.map((p) => (typeof p === 'string' ? p : Buffer.from(p).toString('latin1')));
  }
  // Node's wire form: length-prefixed names in one buffer.
  const buf = Buffer.from(protocols);
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
    return new SocketAddress({ address: ip, family: isIP(ip) === 6 ? 'ipv6' : 'ipv4' }).address;
  } catch {
    return ip;
  }
}

function checkServerIdentity(hostname, cert) {
  const subject = cert.subject;
  const altNames = cert.subjectaltname;
  const dnsNames = [];
  const ips = [];
  hostname = `${hostname}`;
  if (altNames) {
    for (const name of altNames.split(', ')) {
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

const missingIssuerCodes = [
  'DEPTH_ZERO_SELF_SIGNED_CERT', 'SELF_SIGNED_CERT_IN_CHAIN', 'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
];

// --- TLSSocket --------------------------------------------------------------------------------
const kInfo = Symbol('kInfo');
const kOptions = Symbol('kOptions');

class TLSSocket extends net.Socket {
  constructor(socket, options = {}) {
    const opts = { ...options };
    let handle;
    if (socket instanceof net.Socket && socket._handle && !socket.connecting) {
      // Take over the connected socket's handle, as Node's TLSWrap wraps it.
      handle = socket._handle;
      socket._handle = null;
    } else if (socket !== undefined && socket !== null && !(socket instanceof net.Socket)) {
      throw new ERR_METHOD_NOT_IMPLEMENTED('tls.TLSSocket over a Duplex that is not a net.Socket');
    }
    super({
      handle,
      allowHalfOpen: socket?.allowHalfOpen ?? opts.allowHalfOpen,
      manualStart: true,
    });
    if (handle) owners.set(handle.id, this);
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
    if (socket instanceof net.Socket && socket.connecting) {
      // Wrap once the given socket is connected.
      socket.once('connect', () => {
        const h = socket._handle;
        socket._handle = null;
        this._handle = h;
        owners.set(h.id, this);
        this._startTls();
      });
    } else if (handle) {
      this._startTls();
    }
  }

  _startTls() {
    const opts = this[kOptions];
    let status;
    if (opts.isServer) {
      status = tlsWrap.accept(this._handle.id, opts.server._acceptor());
    } else {
      const context = opts.secureContext ?? createSecureContext(opts);
      const host = opts.host ?? 'localhost';
      const servername = opts.servername ?? (isIP(host) ? '' : host);
      const rejectUnauthorized = opts.rejectUnauthorized !== false;
      const customCheck = typeof opts.checkServerIdentity === 'function' &&
        opts.checkServerIdentity !== checkServerIdentity;
      this._hostname = servername || host;
      status = tlsWrap.connect(this._handle.id, context.context, servername || host,
                               rejectUnauthorized, !customCheck,
                               alpnList(opts.ALPNProtocols), servername !== '');
    }
    if (status < 0) {
      this.destroy(new (require('internal/errors').ErrnoException)(status, 'wrap'));
      return;
    }
    this.ssl = { handle: this._handle };
    // Reading starts at once; the session yields data only after the handshake.
    this.read(0);
  }

  _onHandshake(code, message) {
    const opts = this[kOptions];
    this.secureConnecting = false;
    if (code !== undefined) {
      // Node 25 points at the system store when a trust anchor is missing.
      const hint = missingIssuerCodes.includes(code) ?
        '; if the root CA is installed locally, try running Node.js with --use-system-ca' : '';
      const err = new Error(message + hint);
      err.code = code;
      if (opts.isServer) {
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
        (opts.server._sniContexts.length ? this[kInfo].servername ?? false : false) :
        this[kInfo].servername ?? null;
      this.authorized = this[kInfo].authorized;
      this.authorizationError = this[kInfo].authorizationError?.code ?? null;
    }
    if (opts.isServer) {
      if (!opts.requestCert) this.authorized = false;
      this.emit('secure');
      opts.server.emit('secureConnection', this);
      return;
    }
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
  }

  getPeerCertificate(detailed) {
    const chain = this[kInfo]?.peerCertificates;
    if (!chain || chain.length === 0) return this._secureEstablished ? {} : null;
    const certs = chain.map(certificateObject);
    if (!detailed) return certs[0];
    for (let i = 0; i < certs.length; i++) {
      certs[i].issuerCertificate = certs[i + 1] ?? certs[i];
    }
    return certs[0];
  }

  getCertificate() {
    return null;
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
    return undefined;
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
    this[kOptions].servername = name;
  }

  setMaxSendFragment() {
    return true;
  }

  renegotiate(options, callback) {
    if (typeof callback === 'function') {
      process.nextTick(callback, new ERR_TLS_RENEGOTIATION_DISABLED());
    }
    return false;
  }

  exportKeyingMaterial() {
    throw new ERR_METHOD_NOT_IMPLEMENTED('tlsSocket.exportKeyingMaterial');
  }

  disableRenegotiation() {}
  enableTrace() {}
}

// The object getPeerCertificate() returns: Buffers for the binary fields, dates as Node 22+.
function certificateObject(fields) {
  const cert = { ...fields };
  if (cert.raw) cert.raw = Buffer.from(cert.raw.buffer, cert.raw.byteOffset, cert.raw.byteLength);
  if (cert.pubkey) {
    cert.pubkey = Buffer.from(cert.pubkey.buffer, cert.pubkey.byteOffset, cert.pubkey.byteLength);
  }
  cert.subject = Object.assign({ __proto__: null }, cert.subject);
  cert.issuer = Object.assign({ __proto__: null }, cert.issuer);
  delete cert.validFromUnix;
  delete cert.validToUnix;
  return cert;
}

// --- connect ----------------------------------------------------------------------------------
function normalizeConnectArgs(args) {
  let options = {};
  let i = 0;
  if (args[i] !== null && typeof args[i] === 'object') {
    options = { ...args[i++] };
  } else {
    if (args[i] !== undefined && typeof args[i] !== 'function') options.port = args[i++];
    if (typeof args[i] === 'string') options.host = args[i++];
    if (args[i] !== null && typeof args[i] === 'object') options = { ...args[i++], ...options };
  }
  const cb = typeof args[args.length - 1] === 'function' ? args[args.length - 1] : undefined;
  return [options, cb];
}

function connect(...args) {
  const [options, cb] = normalizeConnectArgs(args);
  if (options.secureContext !== undefined && !(options.secureContext instanceof SecureContext)) {
    throw new ERR_TLS_INVALID_CONTEXT('options.secureContext');
  }
  if (options.checkServerIdentity !== undefined) {
    validateFunction(options.checkServerIdentity, 'options.checkServerIdentity');
  }
  const host = options.host ?? 'localhost';
  const tlsOptions = {
    ...options,
    host,
    isServer: false,
    secureContext: options.secureContext ?? createSecureContext(options),
  };
  const socket = new TLSSocket(options.socket, tlsOptions);
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
function Server(options, listener) {
  if (!(this instanceof Server)) return new Server(options, listener);
  if (typeof options === 'function') {
    listener = options;
    options = {};
  } else if (options === undefined || options === null) {
    options = {};
  } else {
    validateObject(options, 'options');
  }
  net.Server.call(this, options, tlsConnectionListener);
  if (listener) this.on('secureConnection', listener);
  this._tlsServerOptions = { ...options };
  this._sniContexts = [];
  this._acceptorId = 0;
  this.setSecureContext(options);
}
Object.setPrototypeOf(Server.prototype, net.Server.prototype);
Object.setPrototypeOf(Server, net.Server);

function tlsConnectionListener(rawSocket) {
  const server = this;
  const socket = new TLSSocket(rawSocket, {
    ...server._tlsServerOptions,
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
}

Server.prototype.setSecureContext = function setSecureContext(options) {
  validateObject(options, 'options');
  this._tlsServerOptions = { ...this._tlsServerOptions, ...options };
  this._sharedContext = options.secureContext instanceof SecureContext ?
    options.secureContext : createSecureContext(options);
  this._acceptorId = 0;
};

Server.prototype.addContext = function addContext(servername, context) {
  validateString(servername, 'servername');
  const ctx = context instanceof SecureContext ? context : createSecureContext(context);
  this._sniContexts.push([servername, ctx]);
  this._acceptorId = 0;
};

// The compiled server side (one per set of options), built on first use.
Server.prototype._acceptor = function _acceptor() {
  if (!this._acceptorId) {
    const opts = this._tlsServerOptions;
    this._acceptorId = tlsWrap.serverNew(
      this._sharedContext.context,
      !!opts.requestCert,
      opts.rejectUnauthorized !== false,
      alpnList(opts.ALPNProtocols),
      this._sniContexts.map(([name]) => name),
      this._sniContexts.map(([, ctx]) => `${ctx.context}`),
    );
  }
  return this._acceptorId;
};

Server.prototype.getTicketKeys = function getTicketKeys() {
  throw new ERR_METHOD_NOT_IMPLEMENTED('server.getTicketKeys');
};

Server.prototype.setTicketKeys = function setTicketKeys() {
  throw new ERR_METHOD_NOT_IMPLEMENTED('server.setTicketKeys');
};

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
