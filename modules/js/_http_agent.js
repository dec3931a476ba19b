'use strict';
// http.Agent: the connection pool behind http.request. An Agent keeps, per origin key
// (`getName(options)`), the sockets in use, the idle keep-alive sockets and the requests
// waiting for a socket; parsing and the request/response life cycle live in _http_client.

const net = require('net');
const EventEmitter = require('events');
const { AsyncResource } = require('async_hooks');
const {
  checkShouldUseProxy,
  getGlobalAgent,
  kProxyConfig,
  kWaitForProxyTunnel,
  parseProxyConfigFromEnv,
} = require('internal/http');
const { validateNumber, validateOneOf, validateString } = require('internal/validators');
// NODE_DEBUG=http logging; the first call reads the environment.
const debug = require('util').debuglog('http');

// What a queued request was created with: when a socket of another origin closes,
// the pool opens a socket for the oldest waiting request with these.
const kRequestOptions = Symbol('requestOptions');
// The async context a queued request was made in, restored when it gets its socket.
const kRequestAsyncResource = Symbol('requestAsyncResource');
const kOnKeylog = Symbol('onkeylog');

let tls;

// An idle socket in the pool that errors is simply dropped from it.
function onFreeSocketError(err) {
  debug('SOCKET ERROR on FREE socket:', err.message, err.stack);
  this.destroy();
  this.emit('agentRemove');
}

/** http.Agent(options): a pool of connections, reused across requests when keepAlive. */
function Agent(options) {
  if (!(this instanceof Agent)) return new Agent(options);

  EventEmitter.call(this);

  this.options = { __proto__: null, ...options };
  this.defaultPort = this.options.defaultPort || 80;
  this.protocol = this.options.protocol || 'http:';
  if (this.options.noDelay === undefined) this.options.noDelay = true;
  // The agent's options are spread over each request's; a stray `path` would make
  // net connect to a pipe.
  this.options.path = null;

  this.requests = { __proto__: null };
  this.sockets = { __proto__: null };
  this.freeSockets = { __proto__: null };
  this.keepAliveMsecs = this.options.keepAliveMsecs || 1000;
  this.keepAlive = this.options.keepAlive || false;
  this.maxSockets = this.options.maxSockets || Agent.defaultMaxSockets;
  this.maxFreeSockets = this.options.maxFreeSockets || 256;
  this.scheduling = this.options.scheduling || 'lifo';
  this.maxTotalSockets = this.options.maxTotalSockets;
  this.totalSocketCount = 0;

  const buffer = this.options.agentKeepAliveTimeoutBuffer;
  this.agentKeepAliveTimeoutBuffer =
    typeof buffer === 'number' && buffer >= 0 && Number.isFinite(buffer) ? buffer : 1000;

  const proxyEnv = this.options.proxyEnv;
  if (typeof proxyEnv === 'object' && proxyEnv !== null) {
    this[kProxyConfig] = parseProxyConfigFromEnv(proxyEnv, this.protocol, this.keepAlive);
  }

  validateOneOf(this.scheduling, 'scheduling', ['fifo', 'lifo']);

  if (this.maxTotalSockets !== undefined) {
    validateNumber(this.maxTotalSockets, 'maxTotalSockets', 1);
  } else {
    this.maxTotalSockets = Infinity;
  }

  this.on('free', onSocketFree);
  // 'keylog' costs a listener per socket, so it is wired only once someone listens.
  this.on('newListener', maybeEnableKeylog);
}
Object.setPrototypeOf(Agent.prototype, EventEmitter.prototype);
Object.setPrototypeOf(Agent, EventEmitter);

/** The maxSockets of agents made without one. */
Agent.defaultMaxSockets = Infinity;

// A socket finished its request: hand it to a waiting request of the same origin, keep it
// idle for later, or close it.
function onSocketFree(socket, options) {
  const name = this.getName(options);
  debug('agent.on(free)', name);

  if (!socket.writable) {
    socket.destroy();
    return;
  }

  const waiting = this.requests[name];
  if (waiting && waiting.length) {
    const req = waiting.shift();
    const asyncResource = req[kRequestAsyncResource];
    if (asyncResource) {
      req[kRequestAsyncResource] = null;
      asyncResource.runInAsyncScope(() => setRequestSocket(this, req, socket));
    } else {
      setRequestSocket(this, req, socket);
    }
    if (waiting.length === 0) delete this.requests[name];
    return;
  }

  const req = socket._httpMessage;
  if (!req || !req.shouldKeepAlive || !this.keepAlive) {
    socket.destroy();
    return;
  }

  const idle = this.freeSockets[name] || [];
  const idleCount = idle.length;
  const originCount = idleCount + (this.sockets[name] ? this.sockets[name].length : 0);
  if (this.totalSocketCount > this.maxTotalSockets ||
      originCount > this.maxSockets ||
      idleCount >= this.maxFreeSockets ||
      !this.keepSocketAlive(socket)) {
    socket.destroy();
    return;
  }

  this.freeSockets[name] = idle;
  socket._httpMessage = null;
  this.removeSocket(socket, options);
  socket.once('error', onFreeSocketError);
  idle.push(socket);
}

function maybeEnableKeylog(eventName) {
  if (eventName !== 'keylog') return;
  this.removeListener('newListener', maybeEnableKeylog);
  const agent = this;
  this[kOnKeylog] = function onkeylog(line) {
    agent.emit('keylog', line, this);
  };
  for (const list of Object.values(this.sockets)) {
    for (const socket of list) socket.on('keylog', this[kOnKeylog]);
  }
}

/** Opens the transport for a request: a TCP or pipe connection, or one to the proxy. */
Agent.prototype.createConnection = function createConnection(...args) {
  const [options, callback] = net._normalizeArgs(args);
  if (!checkShouldUseProxy(this[kProxyConfig], options)) {
    return net.createConnection(...args);
  }
  const proxy = this[kProxyConfig];
  const connectOptions = { ...proxy.proxyConnectionOptions };
  if (proxy.protocol === 'https:') {
    tls ??= require('tls');
    return tls.connect(connectOptions, callback);
  }
  return net.connect(connectOptions, callback);
};

/** The pool key of a request: `host:port:localAddress[:family][:socketPath]`. */
Agent.prototype.getName = function getName(options = {}) {
  let name = `${options.host || 'localhost'}:`;
  if (options.port) name += options.port;
  name += ':';
  if (options.localAddress) name += options.localAddress;
  // The family is appended only when set, as Node's getName tests expect.
  if (options.family === 4 || options.family === 6) name += `:${options.family}`;
  if (options.socketPath) name += `:${options.socketPath}`;
  return name;
};

function reportProxyError(err, req) {
  if (err.code !== 'ERR_PROXY_TUNNEL') return;
  if (err.proxyTunnelTimeout) req.emit('timeout');
  req.emit('error', err);
}

/** Gives `req` a socket: an idle one, a new one, or a place in the origin's queue. */
Agent.prototype.addRequest = function addRequest(req, options, port, localAddress) {
  // The legacy form addRequest(req, host, port, localAddress).
  if (typeof options === 'string') {
    options = { __proto__: null, host: options, port, localAddress };
  }

  // The agent's own options win over the request's.
  options = { __proto__: null, ...options, ...this.options };
  if (options.socketPath) options.path = options.socketPath;
  setServerName(options, req);

  const name = this.getName(options);
  this.sockets[name] ||= [];

  const idle = this.freeSockets[name];
  let socket;
  if (idle) {
    while (idle.length && idle[0].destroyed) idle.shift();
    socket = this.scheduling === 'fifo' ? idle.shift() : idle.pop();
    if (!idle.length) delete this.freeSockets[name];
  }

  const idleCount = idle ? idle.length : 0;
  const originCount = idleCount + this.sockets[name].length;

  if (socket) {
    debug('have free socket');
    this.reuseSocket(socket, req);
    setRequestSocket(this, req, socket);
    this.sockets[name].push(socket);
  } else if (originCount < this.maxSockets && this.totalSocketCount < this.maxTotalSockets) {
    this.createSocket(req, options, (err, newSocket) => {
      if (err) {
        reportProxyError(err, req);
        req.onSocket(newSocket, err);
        return;
      }
      setRequestSocket(this, req, newSocket);
    });
  } else {
    debug('wait for socket');
    this.requests[name] ||= [];
    req[kRequestOptions] = options;
    req[kRequestAsyncResource] = new AsyncResource('QueuedRequest');
    this.requests[name].push(req);
  }
};

/** Opens a new pooled socket for `req` and calls `callback(err, socket)`. */
Agent.prototype.createSocket = function createSocket(req, options, callback) {
  options = { __proto__: null, ...options, ...this.options };
  if (options.socketPath) options.path = options.socketPath;
  setServerName(options, req);

  const timeout = req.timeout || this.options.timeout || undefined;
  if (timeout) options.timeout = timeout;

  const name = this.getName(options);
  options._agentKey = name;
  debug('createConnection', name);
  options.encoding = null;

  let created = false;
  const onCreate = (err, socket) => {
    if (created) return;
    created = true;
    if (err) return callback(err);
    this.sockets[name] ||= [];
    this.sockets[name].push(socket);
    this.totalSocketCount++;
    installListeners(this, socket, options);
    callback(null, socket);
  };

  if (this.keepAlive) {
    options.keepAlive = this.keepAlive;
    options.keepAliveInitialDelay = this.keepAliveMsecs;
  }

  const socket = this.createConnection(options, onCreate);
  // A socket tunnelling through a proxy joins the pool only once the tunnel is up; its
  // createConnection calls onCreate then.
  if (socket && !socket[kWaitForProxyTunnel]) onCreate(null, socket);
};

function setServerName(options, req) {
  if (!options.servername && options.servername !== '') {
    options.servername = serverNameFor(options, req);
  }
}

// The TLS server name: the Host header's host part, else options.host; never an IP.
function serverNameFor(options, req) {
  let servername = options.host;
  const hostHeader = req.getHeader('host');
  if (hostHeader) {
    validateString(hostHeader, 'options.headers.host');
    if (hostHeader[0] === '[') {
      const close = hostHeader.indexOf(']');
      servername = close === -1 ? hostHeader : hostHeader.substring(1, close);
    } else {
      servername = hostHeader.split(':', 1)[0];
    }
  }
  if (net.isIP(servername)) servername = '';
  return servername;
}

function installListeners(agent, socket, options) {
  function onFree() {
    agent.emit('free', socket, options);
  }
  // Closing is the one way out of the pool: errors end in 'close' too.
  function onClose() {
    debug('CLIENT socket onClose');
    agent.totalSocketCount--;
    agent.removeSocket(socket, options);
  }
  function onTimeout() {
    const idle = agent.freeSockets;
    for (const name of Object.keys(idle)) {
      if (idle[name].includes(socket)) {
        socket.destroy();
        return;
      }
    }
  }
  // An upgraded or CONNECT socket leaves the pool for good but stays open.
  function onRemove() {
    agent.totalSocketCount--;
    agent.removeSocket(socket, options);
    socket.removeListener('close', onClose);
    socket.removeListener('free', onFree);
    socket.removeListener('timeout', onTimeout);
    socket.removeListener('agentRemove', onRemove);
  }
  socket.on('free', onFree);
  socket.on('close', onClose);
  socket.on('timeout', onTimeout);
  socket.on('agentRemove', onRemove);
  if (agent[kOnKeylog]) socket.on('keylog', agent[kOnKeylog]);
}

/** Drops `socket` from the pool's lists, opening a socket for a waiting request if any. */
Agent.prototype.removeSocket = function removeSocket(socket, options) {
  const name = this.getName(options);
  debug('removeSocket', name, 'writable:', socket.writable);
  const lists = [this.sockets];
  // A dead socket may still sit among the idle ones.
  if (!socket.writable) lists.push(this.freeSockets);
  for (const table of lists) {
    const list = table[name];
    if (!list) continue;
    const index = list.indexOf(socket);
    if (index === -1) continue;
    list.splice(index, 1);
    if (list.length === 0) delete table[name];
  }

  let req;
  if (this.requests[name] && this.requests[name].length) {
    req = this.requests[name][0];
  } else {
    // A request of another origin may be waiting on maxTotalSockets; serve the first
    // origin listed unless that origin already has sockets working for it.
    for (const origin of Object.keys(this.requests)) {
      if (this.sockets[origin] && this.sockets[origin].length) break;
      req = this.requests[origin][0];
      options = req[kRequestOptions];
      break;
    }
  }

  if (req && options) {
    req[kRequestOptions] = undefined;
    this.createSocket(req, options, (err, newSocket) => {
      if (err) {
        reportProxyError(err, req);
        req.onSocket(null, err);
        return;
      }
      newSocket.emit('free');
    });
  }
};

/**
 * Prepares an idle socket for the pool: TCP keep-alive, unref, and the idle timeout
 * (shortened to the server's Keep-Alive hint). False when the hint is too short to reuse.
 */
Agent.prototype.keepSocketAlive = function keepSocketAlive(socket) {
  socket.setKeepAlive(true, this.keepAliveMsecs);
  socket.unref();

  let idleTimeout = this.options.timeout || 0;
  let reusable = true;

  const res = socket._httpMessage && socket._httpMessage.res;
  const hint = res && res.headers['keep-alive'];
  if (hint) {
    const seconds = /^timeout=(\d+)/.exec(hint)?.[1];
    if (seconds) {
      // Give up on the socket a little before the server does, to avoid ECONNRESET.
      const serverTimeout = Math.max(Number.parseInt(seconds) * 1000 - this.agentKeepAliveTimeoutBuffer, 0);
      if (serverTimeout === 0) {
        reusable = false;
      } else if (serverTimeout < idleTimeout) {
        idleTimeout = serverTimeout;
      }
    }
  }

  if (socket.timeout !== idleTimeout) socket.setTimeout(idleTimeout);
  return reusable;
};

/** Takes an idle socket out of the pool for `req`. */
Agent.prototype.reuseSocket = function reuseSocket(socket, req) {
  socket.removeListener('error', onFreeSocketError);
  req.reusedSocket = true;
  socket.ref();
};

/** Destroys every socket the agent holds, idle or busy. */
Agent.prototype.destroy = function destroy() {
  for (const table of [this.freeSockets, this.sockets]) {
    for (const name of Object.keys(table)) {
      for (const socket of table[name]) socket.destroy();
    }
  }
};

function setRequestSocket(agent, req, socket) {
  req.onSocket(socket);
  const agentTimeout = agent.options.timeout || 0;
  if (req.timeout === undefined || req.timeout === agentTimeout) return;
  socket.setTimeout(req.timeout);
}

// --use-env-proxy or NODE_USE_ENV_PROXY=1 make the global agent honour HTTP_PROXY & co.
function useEnvProxy() {
  if (process.execArgv.includes('--use-env-proxy')) return true;
  if (process.execArgv.includes('--no-use-env-proxy')) return false;
  return process.env.NODE_USE_ENV_PROXY === '1';
}

module.exports = {
  Agent,
  globalAgent: getGlobalAgent(useEnvProxy() ? process.env : undefined, Agent),
};
