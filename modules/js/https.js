'use strict';
// node:https: HTTP over TLS. The server is a tls.Server whose secure connections go to
// http's connection handling; the agent makes TLS connections, keys its pool by the TLS
// options as well as the address (sockets made with different certificates or CAs are
// never shared), and keeps each origin's last session for resumption.

const tls = require('tls');
const { Agent: HttpAgent } = require('_http_agent');
const { ClientRequest } = require('_http_client');
const {
  Server: HttpServer,
  storeHTTPOptions,
  _connectionListener,
  setupConnectionsTracking,
  httpServerPreClose,
} = require('_http_server');
const { URL, urlToHttpOptions, isURL } = require('internal/url');
const { validateObject } = require('internal/validators');

// --- Server -----------------------------------------------------------------------------------
function Server(options, requestListener) {
  if (!(this instanceof Server)) return new Server(options, requestListener);
  if (typeof options === 'function') {
    requestListener = options;
    options = {};
  } else if (options === undefined || options === null) {
    options = {};
  } else {
    validateObject(options, 'options');
  }
  storeHTTPOptions.call(this, options);
  // HTTP/1.1 is offered over ALPN unless the caller chooses protocols by callback.
  const defaults = options.ALPNCallback ? { noDelay: true } :
    { noDelay: true, ALPNProtocols: ['http/1.1'] };
  tls.Server.call(this, { ...defaults, ...options }, _connectionListener);
  this.httpAllowHalfOpen = false;
  if (requestListener) this.addListener('request', requestListener);
  this.addListener('tlsClientError', function onTlsClientError(err, conn) {
    if (!this.emit('clientError', err, conn)) conn.destroy(err);
  });
  this.timeout = 0;
  this.maxHeadersCount = null;
  this.on('listening', setupConnectionsTracking);
}
Object.setPrototypeOf(Server.prototype, tls.Server.prototype);
Object.setPrototypeOf(Server, tls.Server);

for (const name of ['closeAllConnections', 'closeIdleConnections', 'setTimeout']) {
  Server.prototype[name] = HttpServer.prototype[name];
}

Server.prototype.close = function close(...args) {
  httpServerPreClose(this);
  return tls.Server.prototype.close.apply(this, args);
};

Server.prototype[Symbol.asyncDispose] = function asyncDispose() {
  return new Promise((resolve, reject) => {
    this.close((err) => (err ? reject(err) : resolve()));
  });
};

function createServer(options, requestListener) {
  return new Server(options, requestListener);
}

// --- Agent ------------------------------------------------------------------------------------
// The TLS options that make two connections to one origin different, in Node's order.
const poolKeyOptions = [
  'ca', 'cert', 'clientCertEngine', 'ciphers', 'key', 'pfx', 'rejectUnauthorized',
  'servername', 'minVersion', 'maxVersion', 'secureProtocol', 'crl', 'honorCipherOrder',
  'ecdhCurve', 'dhparam', 'secureOptions', 'sessionIdContext', 'sigalgs',
  'privateKeyIdentifier', 'privateKeyEngine',
];
// Options whose `false` or `0` still tell connections apart.
const poolKeyDefined = new Set(['rejectUnauthorized', 'honorCipherOrder', 'secureOptions']);

function Agent(options) {
  if (!(this instanceof Agent)) return new Agent(options);
  HttpAgent.call(this, options);
  this.defaultPort = 443;
  this.protocol = 'https:';
  this.maxCachedSessions = this.options.maxCachedSessions;
  if (this.maxCachedSessions === undefined) this.maxCachedSessions = 100;
  this._sessionCache = { map: { __proto__: null }, list: [] };
}
Object.setPrototypeOf(Agent.prototype, HttpAgent.prototype);
Object.setPrototypeOf(Agent, HttpAgent);

Agent.prototype.createConnection = function createConnection(port, host, options) {
  // Both createConnection(options) and createConnection(port, host, options).
  if (port !== null && typeof port === 'object') {
    options = port;
  } else if (host !== null && typeof host === 'object') {
    options = { ...host };
  } else if (options === null || typeof options !== 'object') {
    options = {};
  } else {
    options = { ...options };
  }
  if (typeof port === 'number') options.port = port;
  if (typeof host === 'string') options.host = host;
  const session = this._getSession(options._agentKey);
  if (session) options = { session, ...options };
  const socket = tls.connect(options);
  if (options._agentKey) {
    socket.on('session', (session) => this._cacheSession(options._agentKey, session));
    socket.once('close', (hadError) => { if (hadError) this._evictSession(options._agentKey); });
  }
  return socket;
};

Agent.prototype.getName = function getName(options = {}) {
  let name = HttpAgent.prototype.getName.call(this, options);
  for (const key of poolKeyOptions) {
    name += ':';
    const value = options[key];
    if (poolKeyDefined.has(key) ? value === undefined : !value) continue;
    // The server name only counts where it differs from the host connected to.
    if (key === 'servername' && value === options.host) continue;
    name += key === 'sigalgs' ? JSON.stringify(value) : value;
  }
  return name;
};

Agent.prototype._getSession = function _getSession(key) {
  return key === undefined ? undefined : this._sessionCache.map[key];
};

Agent.prototype._cacheSession = function _cacheSession(key, session) {
  if (this.maxCachedSessions === 0) return;
  const cache = this._sessionCache;
  if (cache.map[key] !== undefined) {
    cache.map[key] = session;
    return;
  }
  if (cache.list.length >= this.maxCachedSessions) {
    delete cache.map[cache.list.shift()];
  }
  cache.list.push(key);
  cache.map[key] = session;
};

Agent.prototype._evictSession = function _evictSession(key) {
  const cache = this._sessionCache;
  const index = cache.list.indexOf(key);
  if (index === -1) return;
  cache.list.splice(index, 1);
  delete cache.map[key];
};

const globalAgent = new Agent({ keepAlive: true, scheduling: 'lifo', timeout: 5000 });

// --- Client -----------------------------------------------------------------------------------
function request(...args) {
  let options = {};
  if (typeof args[0] === 'string') {
    options = urlToHttpOptions(new URL(args.shift()));
  } else if (isURL(args[0])) {
    options = urlToHttpOptions(args.shift());
  }
  if (args[0] && typeof args[0] !== 'function') Object.assign(options, args.shift());
  options._defaultAgent = module.exports.globalAgent;
  return new ClientRequest(options, ...args);
}

function get(input, options, cb) {
  const req = request(input, options, cb);
  req.end();
  return req;
}

module.exports = {
  Agent,
  globalAgent,
  Server,
  createServer,
  get,
  request,
};
