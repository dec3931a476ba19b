'use strict';

// _http_incoming: IncomingMessage, the readable side of an HTTP message — a request on
// the server, a response on the client. The parser pushes its body; its headers and
// trailers are kept as the raw [name, value, ...] arrays the parser gave, and the
// `headers`/`trailers` objects are built from them on first read.

const { Readable, finished } = require('stream');

const kHeaders = Symbol('kHeaders');
const kHeadersDistinct = Symbol('kHeadersDistinct');
const kHeadersCount = Symbol('kHeadersCount');
const kTrailers = Symbol('kTrailers');
const kTrailersDistinct = Symbol('kTrailersDistinct');
const kTrailersCount = Symbol('kTrailersCount');

/** Lets `socket` deliver data again, unless the http server holds it paused. */
function readStart(socket) {
  if (socket && !socket._paused && socket.readable) socket.resume();
}

/** Stops `socket` delivering data (a message's buffer is full). */
function readStop(socket) {
  if (socket) socket.pause();
}

/** An HTTP message being received: the server's request, the client's response. */
function IncomingMessage(socket) {
  const streamOptions = socket ? { highWaterMark: socket.readableHighWaterMark } : undefined;
  Readable.call(this, streamOptions);
  // The parser pushes the body itself; until someone reads, _read must not be asked.
  this._readableState.readingMore = true;
  this.socket = socket;
  this.httpVersionMajor = null;
  this.httpVersionMinor = null;
  this.httpVersion = null;
  this.complete = false;
  this[kHeaders] = null;
  this[kHeadersCount] = 0;
  this.rawHeaders = [];
  this[kTrailers] = null;
  this[kTrailersCount] = 0;
  this.rawTrailers = [];
  this.joinDuplicateHeaders = false;
  this.aborted = false;
  this.upgrade = null;
  // A request's.
  this.url = '';
  this.method = null;
  // A response's.
  this.statusCode = null;
  this.statusMessage = null;
  this.client = socket;
  this._consuming = false;
  // Set when nobody can read this message any more: its body is thrown away.
  this._dumped = false;
}
Object.setPrototypeOf(IncomingMessage.prototype, Readable.prototype);
Object.setPrototypeOf(IncomingMessage, Readable);

Object.defineProperty(IncomingMessage.prototype, 'connection', {
  __proto__: null,
  get() { return this.socket; },
  set(value) { this.socket = value; },
});

// Defines a lazily built view of the raw header (or trailer) array: `build` adds one line.
function defineHeaderView(name, cacheKey, rawKey, countKey, build) {
  Object.defineProperty(IncomingMessage.prototype, name, {
    __proto__: null,
    get() {
      if (!this[cacheKey]) {
        const view = this[cacheKey] = {};
        const raw = this[rawKey];
        for (let i = 0; i < this[countKey]; i += 2) {
          this[build](raw[i], raw[i + 1], view);
        }
      }
      return this[cacheKey];
    },
    set(value) { this[cacheKey] = value; },
  });
}
defineHeaderView('headers', kHeaders, 'rawHeaders', kHeadersCount, '_addHeaderLine');
defineHeaderView('headersDistinct', kHeadersDistinct, 'rawHeaders', kHeadersCount,
                 '_addHeaderLineDistinct');
defineHeaderView('trailers', kTrailers, 'rawTrailers', kTrailersCount, '_addHeaderLine');
defineHeaderView('trailersDistinct', kTrailersDistinct, 'rawTrailers', kTrailersCount,
                 '_addHeaderLineDistinct');

/** Sets the socket's idle timeout; `callback` listens for this message's 'timeout'. */
IncomingMessage.prototype.setTimeout = function setTimeout(msecs, callback) {
  if (callback) this.on('timeout', callback);
  this.socket.setTimeout(msecs);
  return this;
};

IncomingMessage.prototype._read = function _read(n) {
  if (!this._consuming) {
    this._readableState.readingMore = false;
    this._consuming = true;
  }
  // The parser fills the buffer; reading only lets the socket flow again.
  if (this.socket.readable) readStart(this.socket);
};

// A message destroyed before its end is 'aborted', and takes its socket down with it;
// the error reaches the message only when someone listens for it.
IncomingMessage.prototype._destroy = function _destroy(err, cb) {
  if (!this.readableEnded || !this.complete) {
    this.aborted = true;
    this.emit('aborted');
  }
  if (this.socket && !this.socket.destroyed && this.aborted) {
    this.socket.destroy(err);
    const cleanup = finished(this.socket, (e) => {
      if (e?.code === 'ERR_STREAM_PREMATURE_CLOSE') e = null;
      cleanup();
      process.nextTick(onError, this, e || err, cb);
    });
  } else {
    process.nextTick(onError, this, err, cb);
  }
};

function onError(self, error, cb) {
  // Kept from Node's history: the error is emitted only to those who listen for it.
  if (self.listenerCount('error') === 0) cb();
  else cb(error);
}

/** Takes the parser's raw header lines: headers before the body, trailers after it. */
IncomingMessage.prototype._addHeaderLines = function _addHeaderLines(headers, n) {
  if (!headers?.length) return;
  let dest;
  if (this.complete) {
    this.rawTrailers = headers;
    this[kTrailersCount] = n;
    dest = this[kTrailers];
  } else {
    this.rawHeaders = headers;
    this[kHeadersCount] = n;
    dest = this[kHeaders];
  }
  // Views already built take the new lines too.
  if (dest) {
    for (let i = 0; i < n; i += 2) this._addHeaderLine(headers[i], headers[i + 1], dest);
  }
};

// How a repeated header is merged into `headers`. Unlisted names are joined with ', '
// (or, without joinDuplicateHeaders, dropped after the first) per the lists below.
const kDropDuplicates = 0;
const kJoinComma = 1;
const kJoinSemicolon = 2;
const kArray = 3;

// Headers defined to carry one value: a repeat is dropped (unless joinDuplicateHeaders).
const singleValueHeaders = new Set([
  'age', 'authorization', 'content-length', 'content-type', 'etag', 'expires', 'from',
  'host', 'if-modified-since', 'if-unmodified-since', 'last-modified', 'location',
  'max-forwards', 'proxy-authorization', 'referer', 'retry-after', 'server', 'user-agent',
]);

function duplicateRule(lowerName) {
  if (lowerName === 'set-cookie') return kArray;
  if (lowerName === 'cookie') return kJoinSemicolon;
  if (singleValueHeaders.has(lowerName)) return kDropDuplicates;
  return kJoinComma;
}

/**
 * Adds one header line to `dest` under its lower-case name, with Node's rules for
 * repeats: `set-cookie` makes an array, `cookie` joins with '; ', single-value headers
 * keep the first (or join with ', ' under joinDuplicateHeaders), the rest join with ', '.
 */
IncomingMessage.prototype._addHeaderLine = function _addHeaderLine(field, value, dest) {
  field = field.toLowerCase();
  switch (duplicateRule(field)) {
    case kArray:
      if (dest[field] !== undefined) dest[field].push(value);
      else dest[field] = [value];
      break;
    case kJoinComma:
    case kJoinSemicolon:
      if (typeof dest[field] === 'string') {
        dest[field] += (field === 'cookie' ? '; ' : ', ') + value;
      } else {
        dest[field] = value;
      }
      break;
    default:
      if (dest[field] === undefined) dest[field] = value;
      else if (this.joinDuplicateHeaders) dest[field] += ', ' + value;
  }
};

/** Adds one header line to `dest`, every value of a name kept in an array. */
IncomingMessage.prototype._addHeaderLineDistinct = function _addHeaderLineDistinct(field, value,
                                                                                   dest) {
  field = field.toLowerCase();
  if (!dest[field]) dest[field] = [value];
  else dest[field].push(value);
};

/** Marks the readable side done at once, skipping its events (an empty request). */
IncomingMessage.prototype._dumpAndCloseReadable = function _dumpAndCloseReadable() {
  this._dumped = true;
  const state = this._readableState;
  state.ended = true;
  state.endEmitted = true;
  state.destroyed = true;
  state.closed = true;
  state.closeEmitted = true;
};

/** Throws the body away: nobody will read it, but it must come off the wire. */
IncomingMessage.prototype._dump = function _dump() {
  if (!this._dumped) {
    this._dumped = true;
    // Buffered data would still reach 'data' listeners.
    this.removeAllListeners('data');
    this.resume();
  }
};

module.exports = {
  IncomingMessage,
  readStart,
  readStop,
};
