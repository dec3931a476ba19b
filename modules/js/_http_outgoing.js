'use strict';

// _http_outgoing: OutgoingMessage, the writable side of an HTTP message — the client's
// request, the server's response. It keeps the headers set so far, renders the head once
// (`_storeHeader`, with the Date, Connection, Content-Length or Transfer-Encoding lines
// Node adds), frames the body (chunked or not), and writes to its socket — or queues the
// output while the socket is not its own yet (a pipelined response waiting its turn).

const { getDefaultHighWaterMark } = require('internal/streams/state');
const EventEmitter = require('events');
const Stream = require('stream');
const { Buffer } = require('buffer');
const { kOutHeaders, utcDate, kNeedDrain } = require('internal/http');
const {
  _checkIsHttpToken: checkIsHttpToken,
  _checkInvalidHeaderChar: checkInvalidHeaderChar,
  chunkExpression: RE_TE_CHUNKED,
} = require('_http_common');
const {
  codes: {
    ERR_HTTP_BODY_NOT_ALLOWED,
    ERR_HTTP_CONTENT_LENGTH_MISMATCH,
    ERR_HTTP_HEADERS_SENT,
    ERR_HTTP_INVALID_HEADER_VALUE,
    ERR_HTTP_TRAILER_INVALID,
    ERR_INVALID_ARG_TYPE,
    ERR_INVALID_ARG_VALUE,
    ERR_INVALID_CHAR,
    ERR_INVALID_HTTP_TOKEN,
    ERR_METHOD_NOT_IMPLEMENTED,
    ERR_STREAM_ALREADY_FINISHED,
    ERR_STREAM_CANNOT_PIPE,
    ERR_STREAM_DESTROYED,
    ERR_STREAM_NULL_VALUES,
    ERR_STREAM_WRITE_AFTER_END,
  },
  hideStackFrames,
} = require('internal/errors');
const { validateString } = require('internal/validators');
const { isUint8Array } = require('internal/util/types');

const kCorked = Symbol('corked');
const kSocket = Symbol('kSocket');
const kChunkedBuffer = Symbol('kChunkedBuffer');
const kChunkedLength = Symbol('kChunkedLength');
const kUniqueHeaders = Symbol('kUniqueHeaders');
const kBytesWritten = Symbol('kBytesWritten');
const kErrored = Symbol('errored');
const kHighWaterMark = Symbol('kHighWaterMark');
const kRejectNonStandardBodyWrites = Symbol('kRejectNonStandardBodyWrites');

const nop = () => {};
const crlfBuffer = Buffer.from('\r\n');
const RE_CONN_CLOSE = /(?:^|\W)close(?:$|\W)/i;

function isCookieField(name) {
  return name.length === 6 && name.toLowerCase() === 'cookie';
}

function isContentDispositionField(name) {
  return name.length === 19 && name.toLowerCase() === 'content-disposition';
}

/** An HTTP message being sent (abstract: a subclass supplies `_implicitHeader`). */
function OutgoingMessage(options) {
  Stream.call(this);
  // Output waiting for the socket to become this message's (pipelining), and its size;
  // `_onPendingData` tells the connection, which pauses reading when too much waits.
  this.outputData = [];
  this.outputSize = 0;
  this.writable = true;
  this.destroyed = false;
  this._last = false;
  this.chunkedEncoding = false;
  this.shouldKeepAlive = true;
  this.maxRequestsOnConnectionReached = false;
  this._defaultKeepAlive = true;
  this.useChunkedEncodingByDefault = true;
  this.sendDate = false;
  this._removedConnection = false;
  this._removedContLen = false;
  this._removedTE = false;
  this.strictContentLength = false;
  this[kBytesWritten] = 0;
  this._contentLength = null;
  this._hasBody = true;
  this._trailer = '';
  this[kNeedDrain] = false;
  this.finished = false;
  this._headerSent = false;
  this[kCorked] = 0;
  this[kChunkedBuffer] = [];
  this[kChunkedLength] = 0;
  this._closed = false;
  this[kSocket] = null;
  this._header = null;
  this[kOutHeaders] = null;
  this._keepAliveTimeout = 0;
  this._onPendingData = nop;
  this[kErrored] = null;
  this[kHighWaterMark] = options?.highWaterMark ?? getDefaultHighWaterMark();
  this[kRejectNonStandardBodyWrites] = options?.rejectNonStandardBodyWrites ?? false;
}
Object.setPrototypeOf(OutgoingMessage.prototype, Stream.prototype);
Object.setPrototypeOf(OutgoingMessage, Stream);

function defineGetter(name, get) {
  Object.defineProperty(OutgoingMessage.prototype, name, { __proto__: null, get });
}

defineGetter('errored', function errored() { return this[kErrored]; });
defineGetter('closed', function closed() { return this._closed; });
defineGetter('writableFinished', function writableFinished() {
  return this.finished && this.outputSize === 0 &&
    (!this[kSocket] || this[kSocket].writableLength === 0);
});
defineGetter('writableObjectMode', () => false);
defineGetter('writableLength', function writableLength() {
  return this.outputSize + this[kChunkedLength] +
    (this[kSocket] ? this[kSocket].writableLength : 0);
});
defineGetter('writableHighWaterMark', function writableHighWaterMark() {
  return this[kSocket] ? this[kSocket].writableHighWaterMark : this[kHighWaterMark];
});
defineGetter('writableCorked', function writableCorked() { return this[kCorked]; });

Object.defineProperty(OutgoingMessage.prototype, 'connection', {
  __proto__: null,
  get() { return this[kSocket]; },
  set(value) { this.socket = value; },
});

// A new socket takes over the corks held on the old one.
Object.defineProperty(OutgoingMessage.prototype, 'socket', {
  __proto__: null,
  get() { return this[kSocket]; },
  set(value) {
    for (let n = 0; n < this[kCorked]; n++) {
      value?.cork();
      this[kSocket]?.uncork();
    }
    this[kSocket] = value;
  },
});

/** The headers set so far as { rawName: value }, for code that renders its own head. */
OutgoingMessage.prototype._renderHeaders = function _renderHeaders() {
  if (this._header) throw new ERR_HTTP_HEADERS_SENT('render');
  const headersMap = this[kOutHeaders];
  const headers = {};
  if (headersMap !== null) {
    for (const key of Object.keys(headersMap)) {
      headers[headersMap[key][0]] = headersMap[key][1];
    }
  }
  return headers;
};

/** Holds writes back (on the socket too) until the matching uncork(). */
OutgoingMessage.prototype.cork = function cork() {
  this[kCorked]++;
  if (this[kSocket]) this[kSocket].cork();
};

// The last uncork writes the chunks written while corked as one chunk of the chunked
// encoding, their callbacks called when it is out.
OutgoingMessage.prototype.uncork = function uncork() {
  this[kCorked]--;
  if (this[kSocket]) this[kSocket].uncork();
  if (this[kCorked] || this[kChunkedBuffer].length === 0) return;
  const buffered = this[kChunkedBuffer];
  const callbacks = [];
  this._send(this[kChunkedLength].toString(16), 'latin1', null);
  this._send(crlfBuffer, null, null);
  for (let i = 0; i < buffered.length; i += 3) {
    this._send(buffered[i], buffered[i + 1], null);
    if (buffered[i + 2]) callbacks.push(buffered[i + 2]);
  }
  this._send(crlfBuffer, null, callbacks.length > 0 ? (err) => {
    for (const callback of callbacks) callback(err);
  } : null);
  this[kChunkedBuffer].length = 0;
  this[kChunkedLength] = 0;
};

/** Sets the socket's idle timeout, now or once there is a socket. */
OutgoingMessage.prototype.setTimeout = function setTimeout(msecs, callback) {
  if (callback) this.on('timeout', callback);
  if (!this[kSocket]) {
    this.once('socket', function socketSetTimeoutOnConnect(socket) {
      socket.setTimeout(msecs);
    });
  } else {
    this[kSocket].setTimeout(msecs);
  }
  return this;
};

// Destroying the message destroys its socket (now, or once it has one).
OutgoingMessage.prototype.destroy = function destroy(error) {
  if (this.destroyed) return this;
  this.destroyed = true;
  this[kErrored] = error;
  if (this[kSocket]) {
    this[kSocket].destroy(error);
  } else {
    this.once('socket', function socketDestroyOnConnect(socket) {
      socket.destroy(error);
    });
  }
  return this;
};

// Writes `data`, the head going first with it: when both are latin1/utf8 strings they
// leave as one string, so head and first body bytes share a packet.
OutgoingMessage.prototype._send = function _send(data, encoding, callback, byteLength) {
  if (!this._headerSent && this._header !== null) {
    if (typeof data === 'string' &&
        (encoding === 'utf8' || encoding === 'latin1' || !encoding)) {
      data = this._header + data;
    } else {
      const header = this._header;
      this.outputData.unshift({ data: header, encoding: 'latin1', callback: null });
      this.outputSize += header.length;
      this._onPendingData(header.length);
    }
    this._headerSent = true;
  }
  return this._writeRaw(data, encoding, callback, byteLength);
};

/** Writes bytes as they are: to the socket if it is this message's, else to the queue. */
OutgoingMessage.prototype._writeRaw = function _writeRaw(data, encoding, callback, size) {
  const conn = this[kSocket];
  // A destroyed socket whose 'close' hasn't come yet: the bytes go nowhere.
  if (conn?.destroyed) return false;
  if (typeof encoding === 'function') {
    callback = encoding;
    encoding = null;
  }
  if (conn && conn._httpMessage === this && conn.writable) {
    if (this.outputData.length) this._flushOutput(conn);
    return conn.write(data, encoding, callback);
  }
  this.outputData.push({ data, encoding, callback });
  this.outputSize += data.length;
  this._onPendingData(data.length);
  return this.outputSize < this[kHighWaterMark];
};

/**
 * Renders the head: `firstLine`, then `headers` (this message's header map, an object,
 * a flat [name, value, ...] array or an array of pairs), then the lines Node adds —
 * Date, Connection (keep-alive with its Keep-Alive timeout, or close), and
 * Content-Length or Transfer-Encoding: chunked.
 */
OutgoingMessage.prototype._storeHeader = function _storeHeader(firstLine, headers) {
  const state = {
    connection: false,
    contLen: false,
    te: false,
    date: false,
    expect: false,
    trailer: false,
    header: firstLine,
  };
  if (headers) {
    if (headers === this[kOutHeaders]) {
      for (const key in headers) {
        const entry = headers[key];
        processHeader(this, state, entry[0], entry[1], false);
      }
    } else if (Array.isArray(headers)) {
      if (headers.length && Array.isArray(headers[0])) {
        for (const entry of headers) processHeader(this, state, entry[0], entry[1], true);
      } else {
        if (headers.length % 2 !== 0) throw new ERR_INVALID_ARG_VALUE('headers', headers);
        for (let i = 0; i < headers.length; i += 2) {
          processHeader(this, state, headers[i], headers[i + 1], true);
        }
      }
    } else {
      for (const key in headers) {
        if (Object.hasOwn(headers, key)) processHeader(this, state, key, headers[key], true);
      }
    }
  }

  let { header } = state;
  if (this.sendDate && !state.date) header += 'Date: ' + utcDate() + '\r\n';

  // A 204 or 304 has no body: a chunked one would send a stray zero chunk, which may
  // confuse proxies, so it is sent unframed and the connection closed after it.
  if (this.chunkedEncoding && (this.statusCode === 204 || this.statusCode === 304)) {
    this.chunkedEncoding = false;
    this.shouldKeepAlive = false;
  }

  if (this._removedConnection) {
    // No Connection header at all: HTTP/1.1 persists by default.
    this._last = !this.shouldKeepAlive;
  } else if (!state.connection) {
    const shouldSendKeepAlive = this.shouldKeepAlive &&
      (state.contLen || this.useChunkedEncodingByDefault || this.agent);
    if (shouldSendKeepAlive && this.maxRequestsOnConnectionReached) {
      header += 'Connection: close\r\n';
    } else if (shouldSendKeepAlive) {
      header += 'Connection: keep-alive\r\n';
      if (this._keepAliveTimeout && this._defaultKeepAlive) {
        const timeoutSeconds = Math.floor(this._keepAliveTimeout / 1000);
        const max = ~~this._maxRequestsPerSocket > 0 ? `, max=${this._maxRequestsPerSocket}` : '';
        header += `Keep-Alive: timeout=${timeoutSeconds}${max}\r\n`;
      }
    } else {
      this._last = true;
      header += 'Connection: close\r\n';
    }
  }

  if (!state.contLen && !state.te) {
    if (!this._hasBody) {
      // No body: no terminating zero chunk either.
      this.chunkedEncoding = false;
    } else if (!this.useChunkedEncodingByDefault) {
      this._last = true;
    } else if (!state.trailer && !this._removedContLen &&
               typeof this._contentLength === 'number') {
      header += 'Content-Length: ' + this._contentLength + '\r\n';
    } else if (!this._removedTE) {
      header += 'Transfer-Encoding: chunked\r\n';
      this.chunkedEncoding = true;
    } else {
      // Both framing headers removed: the body ends when the connection does.
      this._last = true;
    }
  }

  // Trailers need the chunked encoding: a message framed otherwise ends with its body.
  if (this.chunkedEncoding !== true && state.trailer) throw new ERR_HTTP_TRAILER_INVALID();

  this._header = header + '\r\n';
  this._headerSent = false;
  // The head waits for the first body bytes — unless the peer waits for it (Expect).
  if (state.expect) this._send('');
};

function processHeader(self, state, key, value, validate) {
  if (validate) validateHeaderName(key);
  // RFC 6266 4.3: with a Content-Length, Content-Disposition goes out as latin1.
  if (isContentDispositionField(key) && self._contentLength) {
    if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) value[i] = Buffer.from(value[i], 'latin1');
    } else {
      value = Buffer.from(value, 'latin1');
    }
  }
  if (Array.isArray(value)) {
    // Each value on its own line — except several cookies, or a header the user wants
    // unique, which go on one line joined by '; '.
    if ((value.length < 2 || !isCookieField(key)) &&
        (!self[kUniqueHeaders] || !self[kUniqueHeaders].has(key.toLowerCase()))) {
      for (let i = 0; i < value.length; i++) storeHeader(self, state, key, value[i], validate);
      return;
    }
    value = value.join('; ');
  }
  storeHeader(self, state, key, value, validate);
}

function storeHeader(self, state, key, value, validate) {
  if (validate) validateHeaderValue(key, value);
  state.header += key + ': ' + value + '\r\n';
  matchHeader(self, state, key, value);
}

// Notes the headers that change how the message is framed or whether the connection
// persists.
function matchHeader(self, state, field, value) {
  if (field.length < 4 || field.length > 17) return;
  field = field.toLowerCase();
  switch (field) {
    case 'connection':
      state.connection = true;
      self._removedConnection = false;
      if (RE_CONN_CLOSE.test(value)) self._last = true;
      else self.shouldKeepAlive = true;
      break;
    case 'transfer-encoding':
      state.te = true;
      self._removedTE = false;
      if (RE_TE_CHUNKED.test(value)) self.chunkedEncoding = true;
      break;
    case 'content-length':
      state.contLen = true;
      self._contentLength = +value;
      self._removedContLen = false;
      break;
    case 'date':
    case 'expect':
    case 'trailer':
      state[field] = true;
      break;
    case 'keep-alive':
      self._defaultKeepAlive = false;
      break;
  }
}

/** Throws ERR_INVALID_HTTP_TOKEN unless `name` is a valid header name. */
const validateHeaderName = hideStackFrames((name, label) => {
  if (typeof name !== 'string' || !name || !checkIsHttpToken(name)) {
    throw new ERR_INVALID_HTTP_TOKEN(label || 'Header name', name);
  }
});
Object.defineProperty(validateHeaderName, 'name',
                      { __proto__: null, value: 'validateHeaderName' });

/** Throws unless `value` may be sent as the value of header `name`. */
const validateHeaderValue = hideStackFrames((name, value) => {
  if (value === undefined) throw new ERR_HTTP_INVALID_HEADER_VALUE(value, name);
  if (checkInvalidHeaderChar(value)) throw new ERR_INVALID_CHAR('header content', name);
});
Object.defineProperty(validateHeaderValue, 'name',
                      { __proto__: null, value: 'validateHeaderValue' });

/** The `uniqueHeaders` option as a set of lower-case names, or null. */
function parseUniqueHeadersOption(headers) {
  if (!Array.isArray(headers)) return null;
  const unique = new Set();
  for (const name of headers) unique.add(name.toLowerCase());
  return unique;
}

/** Sets header `name` (any case; kept as given for the wire) to `value`. */
OutgoingMessage.prototype.setHeader = function setHeader(name, value) {
  if (this._header) throw new ERR_HTTP_HEADERS_SENT('set');
  validateHeaderName(name);
  validateHeaderValue(name, value);
  let headers = this[kOutHeaders];
  if (headers === null) this[kOutHeaders] = headers = { __proto__: null };
  headers[name.toLowerCase()] = [name, value];
  return this;
};

// From a Headers or a Map. Set-Cookie values are gathered and set together, since a
// Headers object would join them with commas, which can't be split back safely.
OutgoingMessage.prototype.setHeaders = function setHeaders(headers) {
  if (this._header) throw new ERR_HTTP_HEADERS_SENT('set');
  if (!headers || Array.isArray(headers) || typeof headers.keys !== 'function' ||
      typeof headers.get !== 'function') {
    throw new ERR_INVALID_ARG_TYPE('headers', ['Headers', 'Map'], headers);
  }
  let cookies = null;
  for (const { 0: key, 1: value } of headers) {
    if (key === 'set-cookie') {
      cookies ??= [];
      if (Array.isArray(value)) cookies.push(...value);
      else cookies.push(value);
      continue;
    }
    this.setHeader(key, value);
  }
  if (cookies != null) this.setHeader('set-cookie', cookies);
  return this;
};

/** Adds `value` to header `name`, keeping the values it has. */
OutgoingMessage.prototype.appendHeader = function appendHeader(name, value) {
  if (this._header) throw new ERR_HTTP_HEADERS_SENT('append');
  validateHeaderName(name);
  validateHeaderValue(name, value);
  const field = name.toLowerCase();
  const headers = this[kOutHeaders];
  if (headers === null || !headers[field]) return this.setHeader(name, value);
  if (!Array.isArray(headers[field][1])) headers[field][1] = [headers[field][1]];
  const values = headers[field][1];
  if (Array.isArray(value)) values.push(...value);
  else values.push(value);
  return this;
};

/** The value set for header `name` (any case), or undefined. */
OutgoingMessage.prototype.getHeader = function getHeader(name) {
  validateString(name, 'name');
  const headers = this[kOutHeaders];
  if (headers === null) return;
  return headers[name.toLowerCase()]?.[1];
};

/** The lower-case names of the headers set. */
OutgoingMessage.prototype.getHeaderNames = function getHeaderNames() {
  return this[kOutHeaders] !== null ? Object.keys(this[kOutHeaders]) : [];
};

/** The names of the headers set, as they were given. */
OutgoingMessage.prototype.getRawHeaderNames = function getRawHeaderNames() {
  const headers = this[kOutHeaders];
  if (headers === null) return [];
  return Object.values(headers).map((entry) => entry[0]);
};

/** A copy of the headers set, by lower-case name. */
OutgoingMessage.prototype.getHeaders = function getHeaders() {
  const headers = this[kOutHeaders];
  const copy = { __proto__: null };
  if (headers) {
    for (const key of Object.keys(headers)) copy[key] = headers[key][1];
  }
  return copy;
};

/** Whether header `name` (any case) is set. */
OutgoingMessage.prototype.hasHeader = function hasHeader(name) {
  validateString(name, 'name');
  return this[kOutHeaders] !== null && !!this[kOutHeaders][name.toLowerCase()];
};

// Removing a header Node would add by itself means "don't add it".
OutgoingMessage.prototype.removeHeader = function removeHeader(name) {
  validateString(name, 'name');
  if (this._header) throw new ERR_HTTP_HEADERS_SENT('remove');
  const key = name.toLowerCase();
  switch (key) {
    case 'connection':
      this._removedConnection = true;
      break;
    case 'content-length':
      this._removedContLen = true;
      break;
    case 'transfer-encoding':
      this._removedTE = true;
      break;
    case 'date':
      this.sendDate = false;
      break;
  }
  if (this[kOutHeaders] !== null) delete this[kOutHeaders][key];
};

/** Renders the head from what was set so far; each kind of message has its own. */
OutgoingMessage.prototype._implicitHeader = function _implicitHeader() {
  throw new ERR_METHOD_NOT_IMPLEMENTED('_implicitHeader()');
};

Object.defineProperty(OutgoingMessage.prototype, 'headersSent', {
  __proto__: null,
  configurable: true,
  enumerable: true,
  get() { return !!this._header; },
});
defineGetter('writableEnded', function writableEnded() { return this.finished; });
defineGetter('writableNeedDrain', function writableNeedDrain() {
  return !this.destroyed && !this.finished && this[kNeedDrain];
});

/** Writes a piece of body (the head first, if not sent yet); false asks for 'drain'. */
OutgoingMessage.prototype.write = function write(chunk, encoding, callback) {
  if (typeof encoding === 'function') {
    callback = encoding;
    encoding = null;
  }
  const ret = writeChunk(this, chunk, encoding, callback, false);
  if (!ret) this[kNeedDrain] = true;
  return ret;
};

// An error of a write: the callback first, then 'error', on the next tick.
function onError(msg, err, callback) {
  if (msg.destroyed) return;
  process.nextTick(emitErrorNT, msg, err, callback);
}

function emitErrorNT(msg, err, callback) {
  callback(err);
  if (typeof msg.emit === 'function' && !msg.destroyed) msg.emit('error', err);
}

// Whether the body must match the Content-Length set (strictContentLength).
function strictContentLength(msg) {
  return msg.strictContentLength && msg._contentLength != null && msg._hasBody &&
    !msg._removedContLen && !msg.chunkedEncoding && !msg.hasHeader('transfer-encoding');
}

function byteLengthOf(chunk, encoding) {
  return typeof chunk === 'string' ? Buffer.byteLength(chunk, encoding) : chunk.byteLength;
}

function writeChunk(msg, chunk, encoding, callback, fromEnd) {
  if (typeof callback !== 'function') callback = nop;
  if (chunk === null) {
    throw new ERR_STREAM_NULL_VALUES();
  } else if (typeof chunk !== 'string' && !isUint8Array(chunk)) {
    throw new ERR_INVALID_ARG_TYPE('chunk', ['string', 'Buffer', 'Uint8Array'], chunk);
  }
  let err;
  if (msg.finished) err = new ERR_STREAM_WRITE_AFTER_END();
  else if (msg.destroyed) err = new ERR_STREAM_DESTROYED('write');
  if (err) {
    if (!msg.destroyed) onError(msg, err, callback);
    else process.nextTick(callback, err);
    return false;
  }

  let len;
  if (msg.strictContentLength) {
    len ??= byteLengthOf(chunk, encoding);
    if (strictContentLength(msg) &&
        (fromEnd ? msg[kBytesWritten] + len !== msg._contentLength :
          msg[kBytesWritten] + len > msg._contentLength)) {
      throw new ERR_HTTP_CONTENT_LENGTH_MISMATCH(len + msg[kBytesWritten], msg._contentLength);
    }
    msg[kBytesWritten] += len;
  }

  if (!msg._header) {
    // end(chunk) before any head: the whole body is known, so it gets a Content-Length.
    if (fromEnd) {
      len ??= byteLengthOf(chunk, encoding);
      msg._contentLength = len;
    }
    msg._implicitHeader();
  }

  if (!msg._hasBody) {
    if (msg[kRejectNonStandardBodyWrites]) throw new ERR_HTTP_BODY_NOT_ALLOWED();
    // A HEAD response, a 204 or a 304 carries no body: the bytes are dropped.
    process.nextTick(callback);
    return true;
  }

  // Writes of one tick leave together.
  if (!fromEnd && msg.socket && !msg.socket.writableCorked) {
    msg.socket.cork();
    process.nextTick(connectionCorkNT, msg.socket);
  }

  let ret;
  if (msg.chunkedEncoding && chunk.length !== 0) {
    len ??= byteLengthOf(chunk, encoding);
    if (msg[kCorked] && msg._headerSent) {
      msg[kChunkedBuffer].push(chunk, encoding, callback);
      msg[kChunkedLength] += len;
      ret = msg[kChunkedLength] < msg[kHighWaterMark];
    } else {
      msg._send(len.toString(16), 'latin1', null);
      msg._send(crlfBuffer, null, null);
      msg._send(chunk, encoding, null, len);
      ret = msg._send(crlfBuffer, null, callback);
    }
  } else {
    ret = msg._send(chunk, encoding, callback, len);
  }
  return ret;
}

function connectionCorkNT(conn) {
  conn.uncork();
}

/** Sets the trailers sent after a chunked body (an object, or an array of pairs). */
OutgoingMessage.prototype.addTrailers = function addTrailers(headers) {
  this._trailer = '';
  const isArray = Array.isArray(headers);
  for (const key of Object.keys(headers)) {
    let field;
    let value;
    if (isArray) {
      field = headers[key][0];
      value = headers[key][1];
    } else {
      field = key;
      value = headers[key];
    }
    validateHeaderName(field, 'Trailer name');
    const isArrayValue = Array.isArray(value);
    if (isArrayValue && value.length > 1 &&
        (!this[kUniqueHeaders] || !this[kUniqueHeaders].has(field.toLowerCase()))) {
      for (const item of value) {
        if (checkInvalidHeaderChar(item)) throw new ERR_INVALID_CHAR('trailer content', field);
        this._trailer += field + ': ' + item + '\r\n';
      }
    } else {
      if (isArrayValue) value = value.join('; ');
      if (checkInvalidHeaderChar(value)) throw new ERR_INVALID_CHAR('trailer content', field);
      this._trailer += field + ': ' + value + '\r\n';
    }
  }
};

function onFinish(msg) {
  // A socket that failed already reports the failure; the message doesn't 'finish'.
  if (msg?.socket?._hadError) return;
  msg.emit('finish');
}

/** Ends the message, with a last piece of body if given; 'finish' follows. */
OutgoingMessage.prototype.end = function end(chunk, encoding, callback) {
  if (typeof chunk === 'function') {
    callback = chunk;
    chunk = null;
    encoding = null;
  } else if (typeof encoding === 'function') {
    callback = encoding;
    encoding = null;
  }

  if (chunk) {
    if (this.finished) {
      onError(this, new ERR_STREAM_WRITE_AFTER_END(),
              typeof callback !== 'function' ? nop : callback);
      return this;
    }
    if (this[kSocket]) this[kSocket].cork();
    writeChunk(this, chunk, encoding, null, true);
  } else if (this.finished) {
    if (typeof callback === 'function') {
      if (!this.writableFinished) this.on('finish', callback);
      else callback(new ERR_STREAM_ALREADY_FINISHED('end'));
    }
    return this;
  } else if (!this._header) {
    if (this[kSocket]) this[kSocket].cork();
    this._contentLength = 0;
    this._implicitHeader();
  }

  if (typeof callback === 'function') this.once('finish', callback);

  if (strictContentLength(this) && this[kBytesWritten] !== this._contentLength) {
    throw new ERR_HTTP_CONTENT_LENGTH_MISMATCH(this[kBytesWritten], this._contentLength);
  }

  const finish = onFinish.bind(undefined, this);
  if (this._hasBody && this.chunkedEncoding) {
    this._send('0\r\n' + this._trailer + '\r\n', 'latin1', finish);
  } else if (!this._headerSent || this.writableLength || chunk) {
    this._send('', 'latin1', finish);
  } else {
    process.nextTick(finish);
  }

  if (this[kSocket]) {
    // Every cork taken on the socket comes off at the end.
    this[kSocket]._writableState.corked = 1;
    this[kSocket].uncork();
  }
  this[kCorked] = 1;
  this.uncork();

  this.finished = true;
  // Everything is with the socket already: the connection may move on to the next
  // message.
  if (this.outputData.length === 0 && this[kSocket] && this[kSocket]._httpMessage === this) {
    this._finish();
  }
  return this;
};

/** All output is with the socket (which may not have sent it yet). */
OutgoingMessage.prototype._finish = function _finish() {
  this.emit('prefinish');
};

/**
 * Called by the client and the server when the socket becomes this message's: writes
 * what was queued, then either lets the connection move on (if ended) or emits 'drain'.
 */
OutgoingMessage.prototype._flush = function _flush() {
  const socket = this[kSocket];
  if (socket?.writable) {
    const ret = this._flushOutput(socket);
    if (this.finished) {
      this._finish();
    } else if (ret && this[kNeedDrain]) {
      this[kNeedDrain] = false;
      this.emit('drain');
    }
  }
};

/** Writes the queued output to `socket` in one corked batch. */
OutgoingMessage.prototype._flushOutput = function _flushOutput(socket) {
  if (this.outputData.length <= 0) return undefined;
  const outputData = this.outputData;
  socket.cork();
  let ret;
  for (const entry of outputData) {
    const { data, encoding, callback } = entry;
    entry.data = null;
    ret = socket.write(data, encoding, callback);
  }
  socket.uncork();
  this.outputData = [];
  this._onPendingData(-this.outputSize);
  this.outputSize = 0;
  return ret;
};

/** Sends the head now, without waiting for the body. */
OutgoingMessage.prototype.flushHeaders = function flushHeaders() {
  if (!this._header) this._implicitHeader();
  this._send('');
};

// The message is write-only.
OutgoingMessage.prototype.pipe = function pipe() {
  this.emit('error', new ERR_STREAM_CANNOT_PIPE());
};

OutgoingMessage.prototype[EventEmitter.captureRejectionSymbol] = function(err, event) {
  this.destroy(err);
};

module.exports = {
  kHighWaterMark,
  kUniqueHeaders,
  parseUniqueHeadersOption,
  validateHeaderName,
  validateHeaderValue,
  OutgoingMessage,
};
