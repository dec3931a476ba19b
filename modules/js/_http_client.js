'use strict';
// http.ClientRequest: an outgoing request and the parsing of its response. The request
// gets its socket from an Agent (or createConnection / net directly), writes itself
// through OutgoingMessage, and reads the response with a pooled HTTP parser; events and
// their order ('socket', 'response', 'information', 'upgrade', 'connect', 'abort',
// 'timeout', 'finish', 'close', 'error') follow Node.

const net = require('net');
const { Buffer } = require('buffer');
const { addAbortSignal, finished } = require('stream');
const {
  _checkIsHttpToken: checkIsHttpToken,
  freeParser,
  parsers,
  HTTPParser,
  isLenient,
  prepareError,
  kSkipPendingData,
} = require('_http_common');
const {
  kUniqueHeaders,
  parseUniqueHeadersOption,
  OutgoingMessage,
} = require('_http_outgoing');
const Agent = require('_http_agent');
const AsyncContextFrame = require('internal/async_context_frame');
const { URL, urlToHttpOptions, isURL } = require('internal/url');
const {
  checkShouldUseProxy,
  kNeedDrain,
  kOutHeaders,
  kProxyConfig,
} = require('internal/http');
const {
  ConnResetException,
  codes: {
    ERR_HTTP_HEADERS_SENT,
    ERR_INVALID_ARG_TYPE,
    ERR_INVALID_HTTP_TOKEN,
    ERR_INVALID_PROTOCOL,
    ERR_OUT_OF_RANGE,
    ERR_UNESCAPED_CHARACTERS,
  },
} = require('internal/errors');
const {
  validateInteger,
  validateBoolean,
  validateNumber,
  validateString,
} = require('internal/validators');

// NODE_DEBUG=http logging; the first call reads the environment.
const debug = require('util').debuglog('http');
let perfHooks;
function lazyPerf() {
  perfHooks ??= require('internal/perf/performance');
  return perfHooks;
}

// A request path must be visible Latin-1: no spaces, controls or wider characters.
const INVALID_PATH_REGEX = /[^\u0021-\u00ff]/;
const kError = Symbol('kError');
// The async context (AsyncLocalStorage stores) the request was made in.
const kContextFrame = Symbol('kContextFrame');
// The 'http' performance entry of a request, from its end() to its response's head.
const kClientRequestStatistics = Symbol('ClientRequestStatistics');
const kPath = Symbol('kPath');
const { getTimerDuration } = require('internal/timers');

const kLenientAll = HTTPParser.kLenientAll | 0;
const kLenientNone = HTTPParser.kLenientNone | 0;

// Methods whose requests carry no body unless the caller sends one, so the default is
// no chunked encoding.
const METHODS_WITHOUT_BODY = new Set(['GET', 'HEAD', 'DELETE', 'OPTIONS', 'TRACE', 'CONNECT']);


function validateHost(host, name) {
  if (host !== null && host !== undefined && typeof host !== 'string') {
    throw new ERR_INVALID_ARG_TYPE(`options.${name}`, ['string', 'undefined', 'null'], host);
  }
  return host;
}

// The parser's resource object, as async_hooks sees it.
class HTTPClientAsyncResource {
  constructor(type, req) {
    this.type = type;
    this.req = req;
  }
}

// For a request through an HTTP proxy (the agent's env proxy config): absolute-form path
// and the Proxy-* headers. The connection to the proxy is the agent's createConnection.
function rewriteForProxy(req, options) {
  if (req._header) return;
  const agent = req.agent;
  if (!agent || !agent[kProxyConfig]) return;
  if ((options.protocol || agent.protocol) !== 'http:') return;
  if (!checkShouldUseProxy(agent[kProxyConfig], options)) return;
  const { auth } = agent[kProxyConfig];
  if (auth) req.setHeader('proxy-authorization', auth);
  req.setHeader('proxy-connection', req.shouldKeepAlive ? 'keep-alive' : 'close');
  const target = new URL(req.path, `http://${req.getHeader('host') || 'localhost'}`);
  if (options.port) target.port = options.port;
  req.path = target.href;
}

// The Host header for `host`:`port`: IPv6 literals bracketed, the port only when it is
// not the protocol's default.
function hostHeaderFor(host, port, defaultPort) {
  let value = host;
  const firstColon = value.indexOf(':');
  if (firstColon !== -1 && value.includes(':', firstColon + 1) && value.charCodeAt(0) !== 91 /* [ */) {
    value = `[${value}]`;
  }
  if (port && +port !== defaultPort) value += `:${port}`;
  return value;
}

/** http.ClientRequest(url?, options?, callback?) */
function ClientRequest(input, options, cb) {
  OutgoingMessage.call(this);
  const contextFrame = AsyncContextFrame.current();
  if (contextFrame !== undefined) this[kContextFrame] = contextFrame;

  // The forms: (url string | URL, options?, cb?) and (options, cb?).
  if (typeof input === 'string') {
    input = urlToHttpOptions(new URL(input));
  } else if (isURL(input)) {
    input = urlToHttpOptions(input);
  } else {
    cb = options;
    options = input;
    input = null;
  }
  if (typeof options === 'function') {
    cb = options;
    options = input || {};
  } else {
    options = Object.assign(input || {}, options);
  }

  const defaultAgent = options._defaultAgent || Agent.globalAgent;
  let agent = options.agent;
  if (agent === false) {
    agent = new defaultAgent.constructor();
  } else if (agent === null || agent === undefined) {
    // With createConnection and no agent, the request makes its own connection.
    if (typeof options.createConnection !== 'function') agent = defaultAgent;
  } else if (typeof agent.addRequest !== 'function') {
    throw new ERR_INVALID_ARG_TYPE('options.agent', ['Agent-like Object', 'undefined', 'false'], agent);
  }
  this.agent = agent;

  const protocol = options.protocol || defaultAgent.protocol;
  const expectedProtocol = (this.agent && this.agent.protocol) || defaultAgent.protocol;

  if (options.path && INVALID_PATH_REGEX.test(String(options.path))) {
    throw new ERR_UNESCAPED_CHARACTERS('Request path');
  }
  if (protocol !== expectedProtocol) {
    throw new ERR_INVALID_PROTOCOL(protocol, expectedProtocol);
  }

  const defaultPort = options.defaultPort || (this.agent && this.agent.defaultPort);

  // What the agent or net sees: the caller's options without the signal, host and port
  // resolved. The caller's object is left as it was.
  const connectOptions = { __proto__: null, ...options };
  const port = connectOptions.port = options.port || defaultPort || 80;
  const host = connectOptions.host =
    validateHost(options.hostname, 'hostname') || validateHost(options.host, 'host') || 'localhost';

  const setHost = options.setHost !== undefined ?
    Boolean(options.setHost) : options.setDefaultHeaders !== false;

  const noDefaultHeaders = options.setDefaultHeaders === false;
  this._removedConnection = noDefaultHeaders;
  this._removedContLen = noDefaultHeaders;
  this._removedTE = noDefaultHeaders;

  this.socketPath = options.socketPath;

  if (options.timeout !== undefined) this.timeout = getTimerDuration(options.timeout, 'timeout');

  if (options.signal) {
    addAbortSignal(options.signal, this);
    delete connectOptions.signal;
  }

  let method = options.method;
  if (method != null) validateString(method, 'options.method');
  if (method) {
    if (!checkIsHttpToken(method)) throw new ERR_INVALID_HTTP_TOKEN('Method', method);
    method = this.method = method.toUpperCase();
  } else {
    method = this.method = 'GET';
  }

  const maxHeaderSize = options.maxHeaderSize;
  if (maxHeaderSize !== undefined) validateInteger(maxHeaderSize, 'maxHeaderSize', 0);
  this.maxHeaderSize = maxHeaderSize;

  const insecureHTTPParser = options.insecureHTTPParser;
  if (insecureHTTPParser !== undefined) validateBoolean(insecureHTTPParser, 'options.insecureHTTPParser');
  this.insecureHTTPParser = insecureHTTPParser;

  if (options.joinDuplicateHeaders !== undefined) {
    validateBoolean(options.joinDuplicateHeaders, 'options.joinDuplicateHeaders');
  }
  this.joinDuplicateHeaders = options.joinDuplicateHeaders;

  this[kPath] = options.path || '/';
  if (cb) this.once('response', cb);

  this.useChunkedEncodingByDefault = !METHODS_WITHOUT_BODY.has(method);

  this._ended = false;
  this.res = null;
  this.aborted = false;
  this.timeoutCb = null;
  this.upgradeOrConnect = false;
  this.parser = null;
  this.maxHeadersCount = null;
  this.reusedSocket = false;
  this.host = host;
  this.protocol = protocol;

  if (this.agent) {
    // Ask for keep-alive only when the agent could actually reuse the socket: a
    // non-keep-alive agent without a socket limit never does.
    const reusable = this.agent.keepAlive || Number.isFinite(this.agent.maxSockets);
    this._last = !reusable;
    this.shouldKeepAlive = reusable;
  }

  const requestLine = () => `${this.method} ${this.path} HTTP/1.1\r\n`;
  if (!Array.isArray(options.headers)) {
    if (options.headers) {
      for (const key of Object.keys(options.headers)) this.setHeader(key, options.headers[key]);
    }
    if (host && !this.getHeader('host') && setHost) {
      this.setHeader('Host', hostHeaderFor(host, port, defaultPort));
    }
    if (options.auth && !this.getHeader('Authorization')) {
      this.setHeader('Authorization', `Basic ${Buffer.from(options.auth).toString('base64')}`);
    }
    if (this.getHeader('expect')) {
      // 'Expect: 100-continue' waits for the server before the body, so the head is
      // written at once.
      if (this._header) throw new ERR_HTTP_HEADERS_SENT('render');
      rewriteForProxy(this, connectOptions);
      this._storeHeader(requestLine(), this[kOutHeaders]);
    } else {
      rewriteForProxy(this, connectOptions);
    }
  } else {
    // Raw [name, value, ...] headers are written as given, at once.
    rewriteForProxy(this, connectOptions);
    this._storeHeader(requestLine(), options.headers);
  }

  this[kUniqueHeaders] = parseUniqueHeadersOption(options.uniqueHeaders);

  if (this.agent) {
    this.agent.addRequest(this, connectOptions);
    return;
  }

  // No agent: a connection of our own, closed after the response.
  this._last = true;
  this.shouldKeepAlive = false;
  let netOptions = connectOptions;
  if (netOptions.path || netOptions.socketPath) {
    // net reads `path` as a pipe name: the socketPath, never the request path.
    netOptions = { ...connectOptions };
    if (netOptions.socketPath) {
      netOptions.path = netOptions.socketPath;
    } else if (netOptions.path) {
      netOptions.path = undefined;
    }
  }
  if (typeof netOptions.createConnection === 'function') {
    let settled = false;
    const onCreate = (err, socket) => {
      if (settled) return;
      settled = true;
      if (err) {
        process.nextTick(() => this.emit('error', err));
      } else {
        this.onSocket(socket);
      }
    };
    try {
      const socket = netOptions.createConnection(netOptions, onCreate);
      if (socket) onCreate(null, socket);
    } catch (err) {
      onCreate(err);
    }
  } else {
    debug('CLIENT use net.createConnection', netOptions);
    this.onSocket(net.createConnection(netOptions));
  }
}
Object.setPrototypeOf(ClientRequest.prototype, OutgoingMessage.prototype);
Object.setPrototypeOf(ClientRequest, OutgoingMessage);

Object.defineProperty(ClientRequest.prototype, 'path', {
  __proto__: null,
  get() {
    return this[kPath];
  },
  set(value) {
    const path = String(value);
    if (INVALID_PATH_REGEX.test(path)) throw new ERR_UNESCAPED_CHARACTERS('Request path');
    this[kPath] = path;
  },
  configurable: true,
  enumerable: true,
});

/** The request is fully written: also starts its 'http' performance entry if observed. */
ClientRequest.prototype._finish = function _finish() {
  OutgoingMessage.prototype._finish.call(this);
  const perf = lazyPerf();
  if (perf.hasObserver('http')) {
    perf.startPerf(this, kClientRequestStatistics, {
      type: 'http',
      name: 'HttpClient',
      detail: {
        req: {
          method: this.method,
          url: `${this.protocol}//${this.host}${this.path}`,
          headers: typeof this.getHeaders === 'function' ? this.getHeaders() : {},
        },
      },
    });
  }
};

/** Fixes the request head (request line and headers) for writing. */
ClientRequest.prototype._implicitHeader = function _implicitHeader() {
  if (this._header) throw new ERR_HTTP_HEADERS_SENT('render');
  this._storeHeader(`${this.method} ${this.path} HTTP/1.1\r\n`, this[kOutHeaders]);
};

/** Deprecated: destroys the request and emits 'abort' on the next tick. */
ClientRequest.prototype.abort = function abort() {
  if (this.aborted) return;
  this.aborted = true;
  process.nextTick(() => this.emit('abort'));
  this.destroy();
};

/** Destroys the request's socket (with `err`) and discards any response data. */
ClientRequest.prototype.destroy = function destroy(err) {
  if (this.destroyed) return this;
  this.destroyed = true;
  if (this.res) this.res._dump();
  this[kError] = err;
  if (this.socket) this.socket.destroy(err);
  return this;
};

// --- socket listeners while the socket belongs to a request ---------------------------

// The loop reports socket events outside any async context, where Node runs them in the
// socket's: the context its request was made in. So the response's events see the
// request's AsyncLocalStorage stores. (The wrapped functions are named apart from their
// wrappers so that a listener removing itself names the wrapper.)
function inRequestContext(listener) {
  return function listenerInRequestContext(arg) {
    const req = this._httpMessage;
    if (!req) return listener.call(this, arg);
    const prior = AsyncContextFrame.exchange(req[kContextFrame]);
    try {
      return listener.call(this, arg);
    } finally {
      AsyncContextFrame.exchange(prior);
    }
  };
}

function onSocketDrain() {
  const req = this._httpMessage;
  if (req && !req.finished && req[kNeedDrain]) {
    req[kNeedDrain] = false;
    req.emit('drain');
  }
}

const onSocketClose = inRequestContext(function socketCloseListener() {
  const socket = this;
  const req = socket._httpMessage;
  debug('HTTP socket close');
  // Read the parser first: socketOnData may free it.
  const parser = socket.parser;
  const res = req.res;

  req.destroyed = true;
  if (res) {
    // The socket closed before the response's 'end'.
    if (!res.complete) res.destroy(new ConnResetException('aborted'));
    req._closed = true;
    req.emit('close');
    if (!res.aborted && res.readable) res.push(null);
  } else {
    // Closed before any response: the request fails, unless an error already said why.
    if (!socket._hadError) {
      socket._hadError = true;
      req.emit('error', new ConnResetException('socket hang up'));
    }
    req._closed = true;
    req.emit('close');
  }

  // Whatever was still queued for writing is lost with the socket.
  if (req.outputData) req.outputData.length = 0;

  if (parser) {
    parser.finish();
    freeParser(parser, req, socket);
  }
});

const onSocketError = inRequestContext(function socketErrorListener(err) {
  const socket = this;
  const req = socket._httpMessage;
  debug('SOCKET ERROR:', err.message, err.stack);
  if (req) {
    // Marked so that 'close' and 'end' do not add a 'socket hang up' of their own.
    socket._hadError = true;
    req.emit('error', err);
  }
  const parser = socket.parser;
  if (parser) {
    parser.finish();
    freeParser(parser, req, socket);
  }
  socket.removeListener('data', onSocketData);
  socket.removeListener('end', onSocketEnd);
  socket.destroy();
});

const onSocketEnd = inRequestContext(function socketOnEnd() {
  const socket = this;
  const req = this._httpMessage;
  const parser = this.parser;
  if (!req.res && !req.socket._hadError) {
    // The server hung up before answering.
    req.socket._hadError = true;
    req.emit('error', new ConnResetException('socket hang up'));
  }
  if (parser) {
    parser.finish();
    freeParser(parser, req, socket);
  }
  socket.destroy();
});

const onSocketData = inRequestContext(function socketOnData(data) {
  const socket = this;
  const req = this._httpMessage;
  const parser = this.parser;
  if (!parser || parser.socket !== socket) return;

  // Our parser runs the whole buffer before the JS callbacks, so what the response's
  // headers would decide (HEAD has no body, CONNECT's answer ends HTTP) is set up front.
  parser.skipBody = req.method === 'HEAD';
  parser.isConnect = req.method === 'CONNECT';

  const result = parser.execute(data);
  if (result instanceof Error) {
    prepareError(result, parser, data);
    debug('parse error', result);
    freeParser(parser, req, socket);
    socket.removeListener('data', onSocketData);
    socket.removeListener('end', onSocketEnd);
    socket.destroy();
    req.socket._hadError = true;
    req.emit('error', result);
    return;
  }

  const res = parser.incoming;
  if (res && res.upgrade) {
    // A 101 to an upgrade, or the answer to CONNECT: the rest of the socket is theirs.
    req.res = res;
    socket.removeListener('data', onSocketData);
    socket.removeListener('end', onSocketEnd);
    socket.removeListener('drain', onSocketDrain);
    if (req.timeoutCb) socket.removeListener('timeout', req.timeoutCb);
    socket.removeListener('timeout', onResponseTimeout);
    parser.finish();
    freeParser(parser, req, socket);

    const head = data.slice(result, data.length);
    const eventName = req.method === 'CONNECT' ? 'connect' : 'upgrade';
    if (req.listenerCount(eventName) > 0) {
      req.upgradeOrConnect = true;
      // Detach the socket from the pool and from this request.
      socket.emit('agentRemove');
      socket.removeListener('close', onSocketClose);
      socket.removeListener('error', onSocketError);
      socket._httpMessage = null;
      socket.readableFlowing = null;

      req.emit(eventName, res, socket, head);
      req.destroyed = true;
      req._closed = true;
      req.emit('close');
    } else {
      // Nobody takes the upgraded socket.
      socket.destroy();
    }
  } else if (res && res.complete && !isInformational(res.statusCode)) {
    // The response is over; after a 1xx a final response is still to come.
    socket.removeListener('data', onSocketData);
    socket.removeListener('end', onSocketEnd);
    socket.removeListener('drain', onSocketDrain);
    freeParser(parser, req, socket);
  }
});

// 1xx other than 101: the final response follows.
function isInformational(status) {
  return status >= 100 && status < 200 && status !== 101;
}

// parser.onIncoming for responses, called with the parser as `this`.
function onIncomingResponse(res, shouldKeepAlive) {
  const socket = this.socket;
  const req = socket._httpMessage;
  debug('AGENT incoming response!');

  if (req.res) {
    // A second response to one request: the server is broken. Keep the parser pointed
    // at the first response and drop what follows.
    socket.destroy();
    if (socket.parser) {
      socket.parser.incoming = req.res;
      socket.parser.incoming[kSkipPendingData] = true;
    }
    return 0;
  }
  req.res = res;

  if (res.upgrade) return 2;

  const method = req.method;
  if (method === 'CONNECT') {
    res.upgrade = true;
    return 2;
  }

  if (isInformational(res.statusCode)) {
    req.res = null;
    if (res.statusCode === 100) req.emit('continue');
    req.emit('information', {
      statusCode: res.statusCode,
      statusMessage: res.statusMessage,
      httpVersion: res.httpVersion,
      httpVersionMajor: res.httpVersionMajor,
      httpVersionMinor: res.httpVersionMinor,
      headers: res.headers,
      rawHeaders: res.rawHeaders,
    });
    return 1;
  }

  // Keep-alive needs the server's agreement, and never survives an upgrade.
  if (req.shouldKeepAlive && !shouldKeepAlive && !req.upgradeOrConnect) {
    req.shouldKeepAlive = false;
  }

  if (req[kClientRequestStatistics] && lazyPerf().hasObserver('http')) {
    lazyPerf().stopPerf(req, kClientRequestStatistics, {
      detail: {
        res: { statusCode: res.statusCode, statusMessage: res.statusMessage, headers: res.headers },
      },
    });
  }

  req.res = res;
  res.req = req;

  // Ours go first so that the socket is cleaned up whatever the user's listeners do.
  res.on('end', onResponseEnd);
  req.on('finish', onRequestFinish);
  socket.on('timeout', onResponseTimeout);

  // Without a 'response' listener nobody can read the body: drain it so the socket does
  // not stall.
  if (req.aborted || !req.emit('response', res)) res._dump();

  if (method === 'HEAD') return 1;
  if (res.statusCode === 304) {
    res.complete = true;
    return 1;
  }
  return 0;
}

// The exchange is over and the socket may be reused: give it back to the agent.
function returnSocketToAgent(req) {
  const socket = req.socket;
  debug('AGENT socket keep-alive');
  if (req.timeoutCb) {
    socket.setTimeout(0, req.timeoutCb);
    req.timeoutCb = null;
  }
  socket.removeListener('close', onSocketClose);
  socket.removeListener('error', onSocketError);
  socket.removeListener('data', onSocketData);
  socket.removeListener('end', onSocketEnd);

  // 'free' waits a tick so that the user's 'end' handlers run first.
  process.nextTick(emitFree, req);

  req.destroyed = true;
  // The response no longer owns the socket: destroying it must not close a pooled one.
  if (req.res) req.res.socket = null;
}

function emitFree(req) {
  req._closed = true;
  req.emit('close');
  if (req.socket) req.socket.emit('free');
}

function onResponseEnd() {
  const req = this.req;
  const socket = req.socket;
  if (socket) {
    if (req.timeoutCb) socket.removeListener('timeout', emitRequestTimeout);
    socket.removeListener('timeout', onResponseTimeout);
  }
  req._ended = true;

  if (!req.shouldKeepAlive) {
    if (socket.writable) {
      debug('AGENT socket.destroySoon()');
      if (typeof socket.destroySoon === 'function') {
        socket.destroySoon();
      } else {
        socket.end();
      }
    }
  } else if (req.writableFinished && !this.aborted) {
    // Everything was written and flushed, so the socket is clean for the next request.
    returnSocketToAgent(req);
  }
}

function onResponseTimeout() {
  const req = this._httpMessage;
  if (req && req.res) req.res.emit('timeout');
}

// The response may end before the request has finished writing; the socket goes back to
// the agent once both are done (unless it already went, and may serve another request).
function onRequestFinish() {
  if (this.shouldKeepAlive && this._ended && !this.destroyed) returnSocketToAgent(this);
}

function emitRequestTimeout() {
  const req = this._httpMessage;
  if (req) req.emit('timeout');
}

// Forwards the socket's 'timeout' to the request, once per request.
function listenSocketTimeout(req) {
  if (req.timeoutCb) return;
  req.timeoutCb = emitRequestTimeout;
  if (req.socket) {
    req.socket.once('timeout', emitRequestTimeout);
  } else {
    req.on('socket', (socket) => socket.once('timeout', emitRequestTimeout));
  }
}

function attachSocket(req, socket) {
  const parser = parsers.alloc();
  req.socket = socket;
  const lenient = req.insecureHTTPParser === undefined ? isLenient() : req.insecureHTTPParser;
  parser.initialize(HTTPParser.RESPONSE,
                    new HTTPClientAsyncResource('HTTPINCOMINGMESSAGE', req),
                    req.maxHeaderSize || 0,
                    lenient ? kLenientAll : kLenientNone);
  parser.socket = socket;
  parser.outgoing = req;
  req.parser = parser;

  socket.parser = parser;
  socket._httpMessage = req;

  if (typeof req.maxHeadersCount === 'number') parser.maxHeaderPairs = req.maxHeadersCount << 1;
  parser.joinDuplicateHeaders = req.joinDuplicateHeaders;
  parser.onIncoming = onIncomingResponse;

  socket.on('data', onSocketData);
  socket.on('end', onSocketEnd);
  socket.on('close', onSocketClose);
  socket.on('drain', onSocketDrain);

  if (req.timeout !== undefined || (req.agent && req.agent.options && req.agent.options.timeout)) {
    listenSocketTimeout(req);
  }
  req.emit('socket', socket);
}

/** Called by the agent (or the constructor) with the request's socket, or an error. */
ClientRequest.prototype.onSocket = function onSocket(socket, err) {
  // Errors the socket emits before the next tick (a blocked address, say) must already
  // reach the request.
  if (socket && !err) {
    socket._httpMessage = this;
    socket.on('error', onSocketError);
  }
  process.nextTick(onSocketNT, this, socket, err);
};

function onSocketNT(req, socket, err) {
  if (!req.destroyed && !err) {
    attachSocket(req, socket);
    req._flush();
    return;
  }

  // Destroyed (or failed) before the socket arrived.
  req.destroyed = true;
  const finish = (error) => {
    if (!req.aborted && !error) error = new ConnResetException('socket hang up');
    // A proxy tunnel error was reported by the agent; an early socket error by
    // onSocketError.
    if (error && error.code !== 'ERR_PROXY_TUNNEL' && !(socket && socket._hadError)) {
      req.emit('error', error);
    }
    req._closed = true;
    req.emit('close');
  };

  if (socket) {
    if (!err && req.agent && !socket.destroyed) {
      // The socket is sound: the agent can give it to someone else.
      socket.emit('free');
    } else {
      finished(socket.destroy(err || req[kError]), (error) => {
        if (error && error.code === 'ERR_STREAM_PREMATURE_CLOSE') error = null;
        finish(error || err);
      });
      return;
    }
  }
  finish(err || req[kError]);
}

/** Calls socket[method](...args) once the request has a connected socket. */
ClientRequest.prototype._deferToConnect = function _deferToConnect(method, args) {
  const call = () => {
    if (method) this.socket[method](...args);
  };
  const whenSocket = () => {
    if (this.socket.writable) {
      call();
    } else {
      this.socket.once('connect', call);
    }
  };
  if (this.socket) {
    whenSocket();
  } else {
    this.once('socket', whenSocket);
  }
};

/** Emits 'timeout' after `msecs` of socket inactivity (0 disables). */
ClientRequest.prototype.setTimeout = function setTimeout(msecs, callback) {
  if (this._ended) return this;
  listenSocketTimeout(this);
  msecs = getTimerDuration(msecs, 'msecs');
  if (callback) this.once('timeout', callback);
  if (this.socket) {
    setSocketTimeout(this.socket, msecs);
  } else {
    this.once('socket', (socket) => setSocketTimeout(socket, msecs));
  }
  return this;
};

function setSocketTimeout(socket, msecs) {
  if (socket.connecting) {
    socket.once('connect', () => socket.setTimeout(msecs));
  } else {
    socket.setTimeout(msecs);
  }
}

/** socket.setNoDelay, once the request has a connected socket. */
ClientRequest.prototype.setNoDelay = function setNoDelay(noDelay) {
  this._deferToConnect('setNoDelay', [noDelay]);
};

/** socket.setKeepAlive, once the request has a connected socket. */
ClientRequest.prototype.setSocketKeepAlive = function setSocketKeepAlive(enable, initialDelay) {
  this._deferToConnect('setKeepAlive', [enable, initialDelay]);
};

/** Turns the request's inactivity timeout off. */
ClientRequest.prototype.clearTimeout = function clearTimeout(callback) {
  this.setTimeout(0, callback);
};

module.exports = {
  ClientRequest,
};
