'use strict';

// _http_server: the HTTP/1 server. A Server is a net.Server whose every connection gets
// a parser from the shared pool; the parser takes the socket handle's reads (its 'data'
// events once someone else listens for them), each request becomes an IncomingMessage and
// a ServerResponse, and responses to pipelined requests go out in order (a response waits
// in `state.outgoing` until the one before it has finished).
// Connections are tracked in a list checked on an unref'd interval for the headers and
// request timeouts; keep-alive connections idle after a response get keepAliveTimeout.

const net = require('net');
const EventEmitter = require('events');
const { Buffer } = require('buffer');
const {
  parsers,
  freeParser,
  continueExpression,
  chunkExpression,
  kIncomingMessage,
  HTTPParser,
  isLenient,
  _checkInvalidHeaderChar: checkInvalidHeaderChar,
  prepareError,
} = require('_http_common');
const {
  kUniqueHeaders,
  parseUniqueHeadersOption,
  OutgoingMessage,
  validateHeaderName,
  validateHeaderValue,
} = require('_http_outgoing');
const { kOutHeaders, kNeedDrain, maxHeaderSizeOption } = require('internal/http');
const { IncomingMessage } = require('_http_incoming');
const { runNextTicks } = require('internal/process/task_queues');
const { StreamHandle } = require('internal/stream_handles');
const {
  ConnResetException,
  hideStackFrames,
  codes: {
    ERR_HTTP_HEADERS_SENT,
    ERR_HTTP_INVALID_STATUS_CODE,
    ERR_HTTP_REQUEST_TIMEOUT,
    ERR_HTTP_SOCKET_ASSIGNED,
    ERR_HTTP_SOCKET_ENCODING,
    ERR_INVALID_ARG_VALUE,
    ERR_INVALID_CHAR,
    ERR_OUT_OF_RANGE,
  },
} = require('internal/errors');
const {
  validateInteger,
  validateBoolean,
  validateObject,
  validateFunction,
} = require('internal/validators');

const kServerResponse = Symbol('ServerResponse');
const kServerResponseStatistics = Symbol('ServerResponseStatistics');
const kOptimizeEmptyRequests = Symbol('OptimizeEmptyRequestsOption');
const kConnections = Symbol('http.server.connections');
const kConnectionsCheckingInterval = Symbol('http.server.connectionsCheckingInterval');

const kOnMessageBegin = HTTPParser.kOnMessageBegin | 0;
const kOnMessageComplete = HTTPParser.kOnMessageComplete | 0;
const kOnBody = HTTPParser.kOnBody | 0;
const kOnExecute = HTTPParser.kOnExecute | 0;
const kOnTimeout = HTTPParser.kOnTimeout | 0;
const kLenientNone = HTTPParser.kLenientNone ?? 0;
const kLenientAll = HTTPParser.kLenientAll ?? 1023;

/** Status code → reason phrase, as Node's http.STATUS_CODES. */
const STATUS_CODES = {
  100: 'Continue',
  101: 'Switching Protocols',
  102: 'Processing',
  103: 'Early Hints',
  200: 'OK',
  201: 'Created',
  202: 'Accepted',
  203: 'Non-Authoritative Information',
  204: 'No Content',
  205: 'Reset Content',
  206: 'Partial Content',
  207: 'Multi-Status',
  208: 'Already Reported',
  226: 'IM Used',
  300: 'Multiple Choices',
  301: 'Moved Permanently',
  302: 'Found',
  303: 'See Other',
  304: 'Not Modified',
  305: 'Use Proxy',
  307: 'Temporary Redirect',
  308: 'Permanent Redirect',
  400: 'Bad Request',
  401: 'Unauthorized',
  402: 'Payment Required',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  406: 'Not Acceptable',
  407: 'Proxy Authentication Required',
  408: 'Request Timeout',
  409: 'Conflict',
  410: 'Gone',
  411: 'Length Required',
  412: 'Precondition Failed',
  413: 'Payload Too Large',
  414: 'URI Too Long',
  415: 'Unsupported Media Type',
  416: 'Range Not Satisfiable',
  417: 'Expectation Failed',
  418: 'I\'m a Teapot',
  421: 'Misdirected Request',
  422: 'Unprocessable Entity',
  423: 'Locked',
  424: 'Failed Dependency',
  425: 'Too Early',
  426: 'Upgrade Required',
  428: 'Precondition Required',
  429: 'Too Many Requests',
  431: 'Request Header Fields Too Large',
  451: 'Unavailable For Legal Reasons',
  500: 'Internal Server Error',
  501: 'Not Implemented',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
  505: 'HTTP Version Not Supported',
  506: 'Variant Also Negotiates',
  507: 'Insufficient Storage',
  508: 'Loop Detected',
  509: 'Bandwidth Limit Exceeded',
  510: 'Not Extended',
  511: 'Network Authentication Required',
};

// NODE_DEBUG=http: a trace of connections and requests on stderr.
let debugLog;
function debug(...args) {
  debugLog ??= require('util').debuglog('http');
  debugLog(...args);
}

let perf;
function lazyPerf() {
  perf ??= require('internal/perf/performance');
  return perf;
}

// Milliseconds on a clock that never goes back, for the connection timeouts.
function monotonicNow() {
  return Number(process.hrtime.bigint() / 1000000n);
}

/**
 * The server's connections, as Node's ConnectionsList: each parser with the time its
 * current message started (0 between messages) and whether that message's head is
 * complete. A connection is "active" from its first byte (from its accept, for a new
 * one) to the end of the message, and can expire only then.
 */
class ConnectionsList {
  constructor() {
    this.parsers = new Set();
    this.activeParsers = new Set();
  }

  // A new connection counts as active from the start, so one that never sends a byte
  // still meets the headers timeout.
  add(parser) {
    parser._messageStart = monotonicNow();
    parser._headersDone = false;
    this.parsers.add(parser);
    this.activeParsers.add(parser);
  }

  messageBegin(parser) {
    if (!this.parsers.has(parser)) return;
    parser._messageStart = monotonicNow();
    parser._headersDone = false;
    this.activeParsers.add(parser);
  }

  headersComplete(parser) {
    parser._headersDone = true;
  }

  messageComplete(parser) {
    parser._messageStart = 0;
    this.activeParsers.delete(parser);
  }

  remove(parser) {
    this.parsers.delete(parser);
    this.activeParsers.delete(parser);
  }

  all() {
    return [...this.parsers];
  }

  idle() {
    return this.all().filter((parser) => !this.activeParsers.has(parser));
  }

  active() {
    return [...this.activeParsers];
  }

  // The active connections past a deadline: the headers timeout while the head is
  // incomplete, the request timeout for the whole message. They leave the active set.
  expired(headersTimeout, requestTimeout) {
    const now = monotonicNow();
    const expired = [];
    for (const parser of this.activeParsers) {
      const age = now - parser._messageStart;
      if ((!parser._headersDone && headersTimeout > 0 && age > headersTimeout) ||
          (requestTimeout > 0 && age > requestTimeout)) {
        expired.push(parser);
        this.activeParsers.delete(parser);
      }
    }
    return expired;
  }
}

// --- ServerResponse -----------------------------------------------------------------------

/** The response to `req`, written by the request handler. */
function ServerResponse(req, options) {
  OutgoingMessage.call(this, options);
  if (req.method === 'HEAD') this._hasBody = false;
  this.req = req;
  this.sendDate = true;
  this._sent100 = false;
  this._expect_continue = false;
  // HTTP/1.0 and older: no keep-alive, and chunked only when the client says it takes it.
  if (req.httpVersionMajor < 1 || req.httpVersionMinor < 1) {
    this.useChunkedEncodingByDefault = chunkExpression.test(req.headers.te);
    this.shouldKeepAlive = false;
  }
  if (lazyPerf().hasObserver('http')) {
    perf.startPerf(this, kServerResponseStatistics, {
      type: 'http',
      name: 'HttpRequest',
      detail: { req: { method: req.method, url: req.url, headers: req.headers } },
    });
  }
}
Object.setPrototypeOf(ServerResponse.prototype, OutgoingMessage.prototype);
Object.setPrototypeOf(ServerResponse, OutgoingMessage);

ServerResponse.prototype._finish = function _finish() {
  if (this[kServerResponseStatistics] && lazyPerf().hasObserver('http')) {
    perf.stopPerf(this, kServerResponseStatistics, {
      detail: {
        res: {
          statusCode: this.statusCode,
          statusMessage: this.statusMessage,
          headers: typeof this.getHeaders === 'function' ? this.getHeaders() : {},
        },
      },
    });
  }
  OutgoingMessage.prototype._finish.call(this);
};

ServerResponse.prototype.statusCode = 200;
ServerResponse.prototype.statusMessage = undefined;

// The socket closed under the response. The check matters: detachSocket() may run inside
// another 'close' listener, after emit() has copied the listener list with this one in it.
function onServerResponseClose() {
  if (this._httpMessage) emitCloseNT(this._httpMessage);
}

/** Makes `socket` this response's: queued output goes out, 'socket' is emitted. */
ServerResponse.prototype.assignSocket = function assignSocket(socket) {
  if (socket._httpMessage) throw new ERR_HTTP_SOCKET_ASSIGNED();
  socket._httpMessage = this;
  socket.on('close', onServerResponseClose);
  this.socket = socket;
  this.emit('socket', socket);
  this._flush();
};

/** Releases `socket` once the response is done with it. */
ServerResponse.prototype.detachSocket = function detachSocket(socket) {
  socket.removeListener('close', onServerResponseClose);
  socket._httpMessage = null;
  this.socket = null;
};

/** Sends `100 Continue`: the client may send the body it holds back. */
ServerResponse.prototype.writeContinue = function writeContinue(cb) {
  this._writeRaw('HTTP/1.1 100 Continue\r\n\r\n', 'ascii', cb);
  this._sent100 = true;
};

/** Sends `102 Processing`. */
ServerResponse.prototype.writeProcessing = function writeProcessing(cb) {
  this._writeRaw('HTTP/1.1 102 Processing\r\n\r\n', 'ascii', cb);
};

const linkValueRegExp = /^(?:<[^>\r\n]*>)(?:\s*;\s*[^;"\s]+(?:=(")?[^;"\s]*\1)?)*$/;
const linkFormatHint =
  'must be an array or string of format "</styles.css>; rel=preload; as=style"';

function validateLinkHeaderFormat(value, name) {
  if (typeof value === 'undefined' || !linkValueRegExp.test(value)) {
    throw new ERR_INVALID_ARG_VALUE(name, value, linkFormatHint);
  }
}

// The `link` hint: a string, or an array of them joined with ', '.
const validateLinkHeaderValue = hideStackFrames((hints) => {
  if (typeof hints === 'string') {
    validateLinkHeaderFormat(hints, 'hints');
    return hints;
  }
  if (Array.isArray(hints)) {
    for (const link of hints) validateLinkHeaderFormat(link, 'hints');
    return hints.join(', ');
  }
  throw new ERR_INVALID_ARG_VALUE('hints', hints, linkFormatHint);
});

/** Sends a 103 Early Hints with `hints.link` and the other hints as headers. */
ServerResponse.prototype.writeEarlyHints = function writeEarlyHints(hints, cb) {
  validateObject(hints, 'hints');
  if (hints.link === null || hints.link === undefined) return;
  const link = validateLinkHeaderValue(hints.link);
  if (link.length === 0) return;
  if (checkInvalidHeaderChar(link)) throw new ERR_INVALID_CHAR('header content', 'Link');
  let head = 'HTTP/1.1 103 Early Hints\r\nLink: ' + link + '\r\n';
  for (const key of Object.keys(hints)) {
    if (key === 'link') continue;
    validateHeaderName(key);
    const value = hints[key];
    validateHeaderValue(key, value);
    head += key + ': ' + value + '\r\n';
  }
  this._writeRaw(head + '\r\n', 'ascii', cb);
};

/** The head from statusCode and the headers set, when the body starts without writeHead. */
ServerResponse.prototype._implicitHeader = function _implicitHeader() {
  this.writeHead(this.statusCode);
};

/**
 * writeHead(statusCode[, statusMessage][, headers]): headers given here win over those set
 * before with setHeader (an array of them may repeat a name).
 */
ServerResponse.prototype.writeHead = function writeHead(statusCode, reason, obj) {
  if (this._header) throw new ERR_HTTP_HEADERS_SENT('write');
  const originalStatusCode = statusCode;
  statusCode |= 0;
  if (statusCode < 100 || statusCode > 999) {
    throw new ERR_HTTP_INVALID_STATUS_CODE(originalStatusCode);
  }
  if (typeof reason === 'string') {
    this.statusMessage = reason;
  } else {
    this.statusMessage ||= STATUS_CODES[statusCode] || 'unknown';
    obj ??= reason;
  }
  this.statusCode = statusCode;

  let headers;
  if (this[kOutHeaders]) {
    if (Array.isArray(obj)) {
      if (obj.length % 2 !== 0) throw new ERR_INVALID_ARG_VALUE('headers', obj);
      // Replace what was set, but keep the duplicates the array itself holds.
      for (let n = 0; n < obj.length; n += 2) this.removeHeader(obj[n]);
      for (let n = 0; n < obj.length; n += 2) {
        if (obj[n]) this.appendHeader(obj[n], obj[n + 1]);
      }
    } else if (obj) {
      for (const key of Object.keys(obj)) {
        if (key) this.setHeader(key, obj[key]);
      }
    }
    headers = this[kOutHeaders];
  } else {
    headers = obj;
  }

  if (checkInvalidHeaderChar(this.statusMessage)) throw new ERR_INVALID_CHAR('statusMessage');
  const statusLine = `HTTP/1.1 ${statusCode} ${this.statusMessage}\r\n`;
  // 1xx, 204 and 304 responses end with their head (RFC 7230 3.3.3).
  if (statusCode === 204 || statusCode === 304 || (statusCode >= 100 && statusCode <= 199)) {
    this._hasBody = false;
  }
  // The client waited for 100 Continue and got a final status: it may still send the
  // body it held back, which would be read as a next request.
  if (this._expect_continue && !this._sent100) this.shouldKeepAlive = false;
  this._storeHeader(statusLine, headers);
  return this;
};

let warnedWriteHeader = false;
/** writeHead under its deprecated name (DEP0063). */
ServerResponse.prototype.writeHeader = function writeHeader(...args) {
  if (!warnedWriteHeader) {
    warnedWriteHeader = true;
    process.emitWarning('ServerResponse.prototype.writeHeader is deprecated.',
                        'DeprecationWarning', 'DEP0063');
  }
  return Reflect.apply(this.writeHead, this, args);
};

// --- Server -------------------------------------------------------------------------------

function defaultShouldUpgradeCallback() {
  return this.listenerCount('upgrade') > 0;
}

/** Validates and keeps the http options of a server (shared with https). */
function storeHTTPOptions(options) {
  this[kIncomingMessage] = options.IncomingMessage || IncomingMessage;
  this[kServerResponse] = options.ServerResponse || ServerResponse;

  const { maxHeaderSize } = options;
  if (maxHeaderSize !== undefined) validateInteger(maxHeaderSize, 'maxHeaderSize', 0);
  this.maxHeaderSize = maxHeaderSize;

  const { optimizeEmptyRequests } = options;
  if (optimizeEmptyRequests !== undefined) {
    validateBoolean(optimizeEmptyRequests, 'options.optimizeEmptyRequests');
  }
  this[kOptimizeEmptyRequests] = optimizeEmptyRequests || false;

  const { insecureHTTPParser } = options;
  if (insecureHTTPParser !== undefined) {
    validateBoolean(insecureHTTPParser, 'options.insecureHTTPParser');
  }
  this.insecureHTTPParser = insecureHTTPParser;

  const { requestTimeout } = options;
  if (requestTimeout !== undefined) {
    validateInteger(requestTimeout, 'requestTimeout', 0);
    this.requestTimeout = requestTimeout;
  } else {
    this.requestTimeout = 300_000;
  }

  const { headersTimeout } = options;
  if (headersTimeout !== undefined) {
    validateInteger(headersTimeout, 'headersTimeout', 0);
    this.headersTimeout = headersTimeout;
  } else {
    this.headersTimeout = Math.min(60_000, this.requestTimeout);
  }
  if (this.requestTimeout > 0 && this.headersTimeout > 0 &&
      this.headersTimeout > this.requestTimeout) {
    throw new ERR_OUT_OF_RANGE('headersTimeout', '<= requestTimeout', headersTimeout);
  }

  const { keepAliveTimeout } = options;
  if (keepAliveTimeout !== undefined) {
    validateInteger(keepAliveTimeout, 'keepAliveTimeout', 0);
    this.keepAliveTimeout = keepAliveTimeout;
  } else {
    this.keepAliveTimeout = 5_000;
  }

  const { keepAliveTimeoutBuffer } = options;
  if (keepAliveTimeoutBuffer !== undefined) {
    validateInteger(keepAliveTimeoutBuffer, 'keepAliveTimeoutBuffer', 0);
    this.keepAliveTimeoutBuffer = keepAliveTimeoutBuffer;
  } else {
    this.keepAliveTimeoutBuffer = 1000;
  }

  const { connectionsCheckingInterval } = options;
  if (connectionsCheckingInterval !== undefined) {
    validateInteger(connectionsCheckingInterval, 'connectionsCheckingInterval', 0);
    this.connectionsCheckingInterval = connectionsCheckingInterval;
  } else {
    this.connectionsCheckingInterval = 30_000;
  }

  const { requireHostHeader } = options;
  if (requireHostHeader !== undefined) {
    validateBoolean(requireHostHeader, 'options.requireHostHeader');
    this.requireHostHeader = requireHostHeader;
  } else {
    this.requireHostHeader = true;
  }

  const { joinDuplicateHeaders } = options;
  if (joinDuplicateHeaders !== undefined) {
    validateBoolean(joinDuplicateHeaders, 'options.joinDuplicateHeaders');
  }
  this.joinDuplicateHeaders = joinDuplicateHeaders;

  const { rejectNonStandardBodyWrites } = options;
  if (rejectNonStandardBodyWrites !== undefined) {
    validateBoolean(rejectNonStandardBodyWrites, 'options.rejectNonStandardBodyWrites');
    this.rejectNonStandardBodyWrites = rejectNonStandardBodyWrites;
  } else {
    this.rejectNonStandardBodyWrites = false;
  }

  const { shouldUpgradeCallback } = options;
  if (shouldUpgradeCallback !== undefined) {
    validateFunction(shouldUpgradeCallback, 'options.shouldUpgradeCallback');
    this.shouldUpgradeCallback = shouldUpgradeCallback;
  } else {
    this.shouldUpgradeCallback = defaultShouldUpgradeCallback;
  }
}

// On 'listening': the connections list, and the interval that checks it for timeouts.
// The interval runs whatever the timeouts are now, since they may be changed later.
function setupConnectionsTracking() {
  this[kConnections] ||= new ConnectionsList();
  if (this[kConnectionsCheckingInterval]) clearInterval(this[kConnectionsCheckingInterval]);
  this[kConnectionsCheckingInterval] =
    setInterval(checkConnections.bind(this), this.connectionsCheckingInterval).unref();
}

/** What closing a server does first: idle connections go, the timeout checks stop. */
function httpServerPreClose(server) {
  server.closeIdleConnections();
  clearInterval(server[kConnectionsCheckingInterval]);
}

/** An HTTP/1 server: emits 'request' (req, res) for each request on its connections. */
function Server(options, requestListener) {
  if (!(this instanceof Server)) return new Server(options, requestListener);
  if (typeof options === 'function') {
    requestListener = options;
    options = {};
  } else if (options == null) {
    options = {};
  } else {
    validateObject(options, 'options');
  }
  storeHTTPOptions.call(this, options);
  net.Server.call(this, {
    allowHalfOpen: true,
    noDelay: options.noDelay ?? true,
    keepAlive: options.keepAlive,
    keepAliveInitialDelay: options.keepAliveInitialDelay,
    highWaterMark: options.highWaterMark,
  });
  if (requestListener) this.on('request', requestListener);
  // Whether a connection the client half-closed stays open for the responses still due
  // (squid's half_closed_clients).
  this.httpAllowHalfOpen = false;
  this.on('connection', connectionListener);
  this.on('listening', setupConnectionsTracking);
  this.timeout = 0;
  this.maxHeadersCount = null;
  this.maxRequestsPerSocket = 0;
  this[kUniqueHeaders] = parseUniqueHeadersOption(options.uniqueHeaders);
}
Object.setPrototypeOf(Server.prototype, net.Server.prototype);
Object.setPrototypeOf(Server, net.Server);

/** Stops accepting connections and closes the idle ones; 'close' once all are gone. */
Server.prototype.close = function close(...args) {
  httpServerPreClose(this);
  Reflect.apply(net.Server.prototype.close, this, args);
  return this;
};

Server.prototype[Symbol.asyncDispose] = async function asyncDispose() {
  await new Promise((resolve, reject) => {
    this.close((err) => (err ? reject(err) : resolve()));
  });
};

/** Destroys every connection of the server, busy or not. */
Server.prototype.closeAllConnections = function closeAllConnections() {
  if (!this[kConnections]) return;
  for (const parser of this[kConnections].all()) parser.socket?.destroy();
};

/** Destroys the idle connections: between requests, or with their response ended. */
Server.prototype.closeIdleConnections = function closeIdleConnections() {
  if (!this[kConnections]) return;
  for (const parser of this[kConnections].idle()) {
    const socket = parser.socket;
    if (!socket) continue;
    if (socket._httpMessage && !socket._httpMessage.finished) continue;
    socket.destroy();
  }
};

/** Sets the idle timeout of new connections; `callback` listens for 'timeout'. */
Server.prototype.setTimeout = function setTimeout(msecs, callback) {
  this.timeout = msecs;
  if (callback) this.on('timeout', callback);
  return this;
};

// A 'request' listener's rejected promise: a 500 if nothing was sent yet (with no header
// the handler set), else the response is destroyed.
Server.prototype[EventEmitter.captureRejectionSymbol] = function(err, event, ...args) {
  if (event === 'request') {
    const res = args[1];
    if (!res.headersSent && !res.writableEnded) {
      for (const name of res.getHeaderNames()) res.removeHeader(name);
      res.statusCode = 500;
      res.end(STATUS_CODES[500]);
    } else {
      res.destroy();
    }
    return;
  }
  Reflect.apply(net.Server.prototype[EventEmitter.captureRejectionSymbol], this,
                [err, event, ...args]);
};

function nonNegativeFinite(value) {
  return Number.isFinite(value) && value >= 0 ? value : 0;
}

function checkConnections() {
  const headersTimeout = nonNegativeFinite(this.headersTimeout);
  const requestTimeout = nonNegativeFinite(this.requestTimeout);
  if (headersTimeout === 0 && requestTimeout === 0) return;
  for (const parser of this[kConnections].expired(headersTimeout, requestTimeout)) {
    if (parser.socket) onRequestTimeout(parser.socket);
  }
}

// --- a connection -------------------------------------------------------------------------

/** The server's 'connection' listener: makes `socket` an HTTP connection. */
function connectionListener(socket) {
  connectionListenerInternal(this, socket);
}

function connectionListenerInternal(server, socket) {
  debug('SERVER new http connection');
  // A socket may come from elsewhere (server.emit('connection', socket)).
  socket.server = server;
  // With no timeout listener anywhere, a timed-out socket is destroyed (socketOnTimeout).
  if (server.timeout && typeof socket.setTimeout === 'function') {
    socket.setTimeout(server.timeout);
  }
  socket.on('timeout', socketOnTimeout);

  const parser = parsers.alloc();
  const lenient = server.insecureHTTPParser === undefined ?
    isLenient() : server.insecureHTTPParser;
  parser.initialize(
    HTTPParser.REQUEST,
    { type: 'HTTPINCOMINGMESSAGE', socket },
    server.maxHeaderSize || maxHeaderSizeOption(),
    lenient ? kLenientAll : kLenientNone,
    server[kConnections],
  );
  parser.socket = socket;
  socket.parser = parser;
  if (typeof server.maxHeadersCount === 'number') {
    parser.maxHeaderPairs = server.maxHeadersCount << 1;
  }

  const connections = server[kConnections];
  if (connections) trackMessages(connections, parser);

  const state = {
    onData: null,
    onEnd: null,
    onClose: null,
    onDrain: null,
    // Responses waiting their turn behind the one that has the socket.
    outgoing: [],
    // Requests whose responses haven't finished, oldest first.
    incoming: [],
    // About how many bytes the waiting responses hold: past the socket's high-water
    // mark, reading pauses until they have been written.
    outgoingData: 0,
    requestsCount: 0,
    keepAliveTimeoutSet: false,
    parseFailed: false,
    readingFromHandle: false,
    connections,
  };
  state.onData = socketOnData.bind(undefined, server, socket, parser, state);
  state.onEnd = socketOnEnd.bind(undefined, server, socket, parser, state);
  state.onClose = socketOnClose.bind(undefined, socket, state);
  state.onDrain = socketOnDrain.bind(undefined, socket, state);
  socket.on('data', state.onData);
  socket.on('error', socketOnError);
  socket.on('end', state.onEnd);
  socket.on('close', state.onClose);
  socket.on('drain', state.onDrain);
  parser.onIncoming = parserOnIncoming.bind(undefined, server, socket, state);
  // The socket's reads go to the parser directly (see `consume` below), so its pause and
  // resume must reach the handle.
  socket.on('resume', onSocketResume);
  socket.on('pause', onSocketPause);
  // Someone who listens for the socket's data gets it: the parser lets go of the handle.
  socket.on = generateSocketListenerWrapper('on');
  socket.addListener = generateSocketListenerWrapper('addListener');
  socket.prependListener = generateSocketListenerWrapper('prependListener');
  // The bytes belong to HTTP: a decoded string would garble them (RFC 7230 3).
  socket.setEncoding = socketSetEncoding;
  if (socket._handle instanceof StreamHandle && typeof socket._onRead === 'function') {
    watchHandleReads(server, socket, parser, state);
    // As Node's parser consumes a StreamBase: reads skip the socket's Readable side. A
    // handle is consumed once, by its first parser.
    if (!socket._handle._consumed) {
      parser._consumed = true;
      socket._handle._consumed = true;
      parser.consume(socket._handle);
    }
  }
  parser[kOnExecute] = onParserExecute.bind(undefined, server, socket, parser, state);
  parser[kOnTimeout] = onParserTimeout.bind(undefined, server, socket);
  socket._paused = false;
}

// The parser's message boundaries go to the connections list (the pooled parser gets its
// shared callbacks back when freed).
function trackMessages(connections, parser) {
  connections.add(parser);
  parser[kOnMessageBegin] = function onMessageBegin() {
    connections.messageBegin(this);
  };
  const onMessageComplete = parser[kOnMessageComplete];
  parser[kOnMessageComplete] = function onTrackedMessageComplete() {
    connections.messageComplete(this);
    return Reflect.apply(onMessageComplete, this, arguments);
  };
}

// Each read from the handle: the parser is made ready for it (prepareParser), and — as
// Node's parser drains the tick queue after each piece of body it hands to JS
// (MakeCallback) — ticks run after each body event, so a 'data' listener added in 'request'
// has its stream reading before the body comes. (Not for bytes a paused socket hands out
// later, from a tick: Node's parser never does that.)
function watchHandleReads(server, socket, parser, state) {
  const onRead = socket._onRead;
  socket._onRead = function onReadForParser(bytes) {
    if (this.parser === parser) prepareParser(server, parser, state);
    state.readingFromHandle = true;
    try {
      return Reflect.apply(onRead, this, arguments);
    } finally {
      state.readingFromHandle = false;
    }
  };
  const onBody = parser[kOnBody];
  parser[kOnBody] = function onBodyFromHandle(chunk) {
    Reflect.apply(onBody, this, arguments);
    if (state.readingFromHandle) runNextTicks();
  };
}

// Before the parser reads: bytes on an idle connection begin a message (for the timeouts),
// and — since the parser reads the whole buffer before any callback runs — whether an
// Upgrade request is taken as one is decided now, not when its head is seen. A CONNECT
// always is; an Upgrade is when someone may take it.
function prepareParser(server, parser, state) {
  if (state.connections && parser._messageStart === 0) state.connections.messageBegin(parser);
  parser.upgradeAllowed = server.shouldUpgradeCallback !== defaultShouldUpgradeCallback ||
    server.listenerCount('upgrade') > 0;
}

function socketSetEncoding() {
  throw new ERR_HTTP_SOCKET_ENCODING();
}

function updateOutgoingData(socket, state, delta) {
  state.outgoingData += delta;
  socketOnDrain(socket, state);
}

function socketOnDrain(socket, state) {
  const needPause = state.outgoingData > socket.writableHighWaterMark;
  if (socket._paused && !needPause) {
    socket._paused = false;
    if (socket.parser) socket.parser.resume();
    socket.resume();
  }
  // 'drain' only once nothing of the message is pending anywhere, so writableLength is 0
  // when it fires.
  const msg = socket._httpMessage;
  if (msg && !msg.finished && msg[kNeedDrain] && msg.writableLength === 0) {
    msg[kNeedDrain] = false;
    msg.emit('drain');
  }
}

// The socket timed out: the request, the response and the server are asked in turn; if
// nobody listens, the socket is destroyed.
function socketOnTimeout() {
  const req = this.parser?.incoming;
  const reqTimeout = req && !req.complete && req.emit('timeout', this);
  const res = this._httpMessage;
  const resTimeout = res && res.emit('timeout', this);
  const serverTimeout = this.server.emit('timeout', this);
  if (!reqTimeout && !resTimeout && !serverTimeout) this.destroy();
}

function socketOnClose(socket, state) {
  debug('server socket close');
  if (socket.parser) state.connections?.remove(socket.parser);
  freeParser(socket.parser, null, socket);
  abortIncoming(state.incoming);
  abortOutgoing(state.outgoing);
}

function abortIncoming(incoming) {
  while (incoming.length) incoming.shift().destroy(new ConnResetException('aborted'));
}

function abortOutgoing(outgoing) {
  while (outgoing.length) outgoing.shift().destroy(new ConnResetException('aborted'));
}

// The client half-closed: whatever it sent last must parse to its end; then the
// connection ends (or, with httpAllowHalfOpen, ends after the last response).
function socketOnEnd(server, socket, parser, state) {
  // A parser that failed already has nothing more to report (llhttp_finish answers OK in
  // an error state).
  const ret = state.parseFailed ? undefined : parser.finish();
  if (ret instanceof Error) {
    socketOnError.call(socket, ret);
  } else if (!server.httpAllowHalfOpen) {
    socket.end();
  } else if (state.outgoing.length) {
    state.outgoing[state.outgoing.length - 1]._last = true;
  } else if (socket._httpMessage) {
    socket._httpMessage._last = true;
  } else {
    socket.end();
  }
}

// The socket's data, when the parser doesn't read its handle itself (no stream handle, or
// someone else listens for the data).
function socketOnData(server, socket, parser, state, data) {
  prepareParser(server, parser, state);
  const ret = parser.execute(data);
  onParserExecuteCommon(server, socket, parser, state, ret, data);
}

// A read of the consumed handle went through the parser.
function onParserExecute(server, socket, parser, state, ret) {
  // Data flowing into the parser counts as activity for the socket's timeout.
  socket._unrefTimer();
  onParserExecuteCommon(server, socket, parser, state, ret, undefined);
}

function onParserTimeout(server, socket) {
  if (!server.emit('timeout', socket)) socket.destroy();
}

function onRequestTimeout(socket) {
  socketOnError.call(socket, new ERR_HTTP_REQUEST_TIMEOUT());
}

const noop = () => {};

function cannedResponse(status) {
  return Buffer.from(`HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nConnection: close\r\n\r\n`,
                     'ascii');
}
const badRequestResponse = cannedResponse(400);
const requestTimeoutResponse = cannedResponse(408);
const requestHeaderFieldsTooLargeResponse = cannedResponse(431);
const requestChunkExtensionsTooLargeResponse = cannedResponse(413);

// A parse error, a request timeout or a socket error: 'clientError' if anyone listens,
// else a canned error response (when nothing of a response went out yet) and the socket
// is destroyed.
function socketOnError(e) {
  // Later errors of this socket are not ours to report.
  this.removeListener('error', socketOnError);
  if (this.listenerCount('error', noop) === 0) this.on('error', noop);
  if (this.server.emit('clientError', e, this)) return;
  if (this.writable && (!this._httpMessage || !this._httpMessage._headerSent)) {
    let response;
    switch (e.code) {
      case 'HPE_HEADER_OVERFLOW':
        response = requestHeaderFieldsTooLargeResponse;
        break;
      case 'HPE_CHUNK_EXTENSIONS_OVERFLOW':
        response = requestChunkExtensionsTooLargeResponse;
        break;
      case 'ERR_HTTP_REQUEST_TIMEOUT':
        response = requestTimeoutResponse;
        break;
      default:
        response = badRequestResponse;
    }
    this.write(response);
  }
  this.destroy(e);
}

function onParserExecuteCommon(server, socket, parser, state, ret, data) {
  if (ret instanceof Error) {
    state.parseFailed = true;
    prepareError(ret, parser, data);
    debug('parse error', ret);
    socketOnError.call(socket, ret);
  } else if (parser.incoming?.upgrade) {
    // An upgrade or a CONNECT: the socket leaves HTTP; what came after the head is the
    // new protocol's first bytes.
    const req = parser.incoming;
    debug('SERVER upgrade or connect', req.method);
    data ||= parser.getCurrentBuffer();
    socket.removeListener('data', state.onData);
    socket.removeListener('end', state.onEnd);
    socket.removeListener('close', state.onClose);
    socket.removeListener('drain', state.onDrain);
    socket.removeListener('error', socketOnError);
    socket.removeListener('timeout', socketOnTimeout);
    delete socket._onRead;
    unconsume(parser, socket);
    parser.finish();
    state.connections?.remove(parser);
    freeParser(parser, req, socket);
    parser = null;
    const eventName = req.method === 'CONNECT' ? 'connect' : 'upgrade';
    if (server.listenerCount(eventName) > 0) {
      const bodyHead = data.slice(ret, data.length);
      // Bytes that arrive from now on wait in the socket for the new owner's listener.
      socket.readableFlowing = null;
      server.emit(eventName, req, socket, bodyHead);
    } else {
      socket.destroy();
    }
  } else if (parser.incoming && parser.incoming.method === 'PRI') {
    // The HTTP/2 preface: not ours.
    socket.destroy();
  }
  if (socket._paused && socket.parser) socket.parser.pause();
}

// The parser's link to the request goes once the request has ended, so it can be freed.
function clearIncoming(req) {
  req ||= this;
  const parser = req.socket?.parser;
  if (parser && parser.incoming === req) {
    if (req.readableEnded) parser.incoming = null;
    else req.on('end', clearIncoming);
  }
}

// A response is out: its request's body is thrown away if unread, and the connection
// closes (the response said so), waits keepAliveTimeout for the next request, or gives
// the socket to the next response in line.
function resOnFinish(req, res, socket, state, server) {
  state.incoming.shift();
  if (!req._consuming && !req._readableState.resumeScheduled) req._dump();
  res.detachSocket(socket);
  clearIncoming(req);
  process.nextTick(emitCloseNT, res);
  if (res._last) {
    if (typeof socket.destroySoon === 'function') socket.destroySoon();
    else socket.end();
  } else if (state.outgoing.length === 0) {
    const keepAliveTimeout = nonNegativeFinite(server.keepAliveTimeout);
    const keepAliveTimeoutBuffer = Number.isFinite(server.keepAliveTimeoutBuffer) &&
      server.keepAliveTimeoutBuffer >= 0 ? server.keepAliveTimeoutBuffer : 1e3;
    if (keepAliveTimeout && typeof socket.setTimeout === 'function') {
      // Past the advertised timeout by a margin, so the client closes first and a request
      // it sends at the last moment doesn't meet a closing socket.
      socket.setTimeout(keepAliveTimeout + keepAliveTimeoutBuffer);
      state.keepAliveTimeoutSet = true;
    }
  } else {
    const next = state.outgoing.shift();
    if (next) next.assignSocket(socket);
  }
}

function emitCloseNT(self) {
  if (!self._closed) {
    self.destroyed = true;
    self._closed = true;
    self.emit('close');
  }
}

function hasBodyHeaders(headers) {
  return 'content-length' in headers || 'transfer-encoding' in headers;
}

// A request's head is in: its response is made and the request handed out — to
// 'request', or first to 'checkContinue'/'checkExpectation' for an Expect header, or
// answered here (400 without Host, 503 past maxRequestsPerSocket, 417).
function parserOnIncoming(server, socket, state, req, keepAlive) {
  if (socket.parser) state.connections?.headersComplete(socket.parser);
  resetSocketTimeout(server, socket, state);

  if (req.upgrade) {
    req.upgrade = req.method === 'CONNECT' || !!server.shouldUpgradeCallback(req);
    if (req.upgrade) return 0;
  }

  state.incoming.push(req);

  // A client that sends requests without reading the responses would make them pile up:
  // stop reading while the socket can't take more. The parser pauses after execute.
  if (!socket._paused) {
    const ws = socket._writableState;
    if (ws.needDrain || state.outgoingData >= socket.writableHighWaterMark) {
      socket._paused = true;
      socket.pause();
    }
  }

  const res = new server[kServerResponse](req, {
    highWaterMark: socket.writableHighWaterMark,
    rejectNonStandardBodyWrites: server.rejectNonStandardBodyWrites,
  });
  res._keepAliveTimeout = server.keepAliveTimeout;
  res._maxRequestsPerSocket = server.maxRequestsPerSocket;
  res._onPendingData = updateOutgoingData.bind(undefined, socket, state);
  res.shouldKeepAlive = keepAlive;
  res[kUniqueHeaders] = server[kUniqueHeaders];

  if (server[kOptimizeEmptyRequests] === true && !hasBodyHeaders(req.headers)) {
    // No body to read: the request's stream is closed at once, without its events.
    req._dumpAndCloseReadable();
    req._read();
  }

  if (socket._httpMessage) state.outgoing.push(res);
  else res.assignSocket(socket);

  res.on('finish', resOnFinish.bind(undefined, req, res, socket, state, server));

  let handled = false;
  if (req.httpVersionMajor === 1 && req.httpVersionMinor === 1) {
    // RFC 7230 5.4: an HTTP/1.1 request without Host gets a 400.
    if (server.requireHostHeader && req.headers.host === undefined) {
      res.writeHead(400, ['Connection', 'close']);
      res.end();
      return 0;
    }
    const isRequestsLimitSet = typeof server.maxRequestsPerSocket === 'number' &&
      server.maxRequestsPerSocket > 0;
    if (isRequestsLimitSet) {
      state.requestsCount++;
      res.maxRequestsOnConnectionReached = server.maxRequestsPerSocket <= state.requestsCount;
    }
    if (isRequestsLimitSet && server.maxRequestsPerSocket < state.requestsCount) {
      handled = true;
      server.emit('dropRequest', req, socket);
      res.writeHead(503);
      res.end();
    } else if (req.headers.expect !== undefined) {
      handled = true;
      if (continueExpression.test(req.headers.expect)) {
        res._expect_continue = true;
        if (server.listenerCount('checkContinue') > 0) {
          server.emit('checkContinue', req, res);
        } else {
          res.writeContinue();
          server.emit('request', req, res);
        }
      } else if (server.listenerCount('checkExpectation') > 0) {
        server.emit('checkExpectation', req, res);
      } else {
        res.writeHead(417);
        res.end();
      }
    }
  }
  if (!handled) server.emit('request', req, res);
  return 0;
}

// A new request on a connection that was idle: the socket's own timeout is back.
function resetSocketTimeout(server, socket, state) {
  if (!state.keepAliveTimeoutSet) return;
  socket.setTimeout(server.timeout || 0);
  state.keepAliveTimeoutSet = false;
}

// The 'resume' event comes a tick after the call: if the server holds the socket paused
// by then, it stays paused; else the handle reads again (its reads bypass the Readable
// side, which would otherwise restart it).
function onSocketResume() {
  if (this._paused) {
    this.pause();
    return;
  }
  if (this._handle && !this._handle.reading) {
    this._handle.reading = true;
    this._handle.readStart();
  }
}

function onSocketPause() {
  if (this._handle?.reading) {
    this._handle.reading = false;
    this._handle.readStop();
  }
}

// The parser lets go of the socket's handle: reads come as 'data' events again.
function unconsume(parser, socket) {
  if (socket._handle) {
    if (parser._consumed) parser.unconsume();
    parser._consumed = false;
    socket.removeListener('pause', onSocketPause);
    socket.removeListener('resume', onSocketResume);
  }
}

// socket.on/addListener/prependListener for a socket the parser reads: a 'data' or
// 'readable' listener unconsumes it; once the connection has no parser the plain methods
// are back.
function generateSocketListenerWrapper(originalFnName) {
  return function socketListenerWrap(ev, fn) {
    const res = net.Socket.prototype[originalFnName].call(this, ev, fn);
    if (!this.parser) {
      this.on = net.Socket.prototype.on;
      this.addListener = net.Socket.prototype.addListener;
      this.prependListener = net.Socket.prototype.prependListener;
      return res;
    }
    if (ev === 'data' || ev === 'readable') unconsume(this.parser, this);
    return res;
  };
}

module.exports = {
  STATUS_CODES,
  Server,
  ServerResponse,
  setupConnectionsTracking,
  storeHTTPOptions,
  _connectionListener: connectionListener,
  kServerResponse,
  httpServerPreClose,
  kConnectionsCheckingInterval,
};
