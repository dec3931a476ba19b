'use strict';

// _http_common: what the http client and server share — the pool of HTTP/1 parsers and
// the callbacks that turn a parser's events into an IncomingMessage, the token and
// header-value checks, and the regular expressions for `Transfer-Encoding: chunked` and
// `Expect: 100-continue`.

const { methods, allMethods, HTTPParser } = require('internal/http_parser');
const { IncomingMessage, readStart, readStop } = require('_http_incoming');
const { insecureHTTPParserOption } = require('internal/http');

const kIncomingMessage = Symbol('IncomingMessage');
// Set on a response the client no longer wants (its request was aborted): the parser's
// body and completion events for it are dropped.
const kSkipPendingData = Symbol('SkipPendingData');

const kOnMessageBegin = HTTPParser.kOnMessageBegin | 0;
const kOnHeaders = HTTPParser.kOnHeaders | 0;
const kOnHeadersComplete = HTTPParser.kOnHeadersComplete | 0;
const kOnBody = HTTPParser.kOnBody | 0;
const kOnMessageComplete = HTTPParser.kOnMessageComplete | 0;
const kOnExecute = HTTPParser.kOnExecute | 0;
const kOnTimeout = HTTPParser.kOnTimeout | 0;

// Node's default limit on header lines kept per message (name and value count as two).
const MAX_HEADER_PAIRS = 2000;
// How many header lines Node's native parser gathers before handing them to JS.
const kMaxFieldsPerFlush = 32;

/**
 * A pool of reusable objects, as Node's internal FreeList: `alloc()` hands out a kept one
 * or a new one from `ctor`, `free(obj)` keeps it unless `max` are kept already (then it
 * answers false and the caller disposes of it).
 */
class FreeList {
  constructor(name, max, ctor) {
    this.name = name;
    this.ctor = ctor;
    this.max = max;
    this.list = [];
  }

  alloc() {
    return this.list.length > 0 ? this.list.pop() : Reflect.apply(this.ctor, this, arguments);
  }

  free(obj) {
    if (this.list.length < this.max) {
      this.list.push(obj);
      return true;
    }
    return false;
  }
}

// Header lines that came separately from the head (trailers, or a head split across
// reads): gathered until the message's head or end is complete, up to maxHeaderPairs.
function parserOnHeaders(headers, url) {
  const room = this.maxHeaderPairs - this._headers.length;
  if (this.maxHeaderPairs <= 0 || room >= headers.length) {
    this._headers.push(...headers);
  } else if (room > 0) {
    this._headers.push(...headers.slice(0, room));
  }
  this._url += url;
}

// A message's head is complete: its IncomingMessage is made (of the server's class when
// it has one) and handed to whoever owns the parser (`onIncoming`).
function parserOnHeadersComplete(versionMajor, versionMinor, headers, method, url,
                                 statusCode, statusMessage, upgrade, shouldKeepAlive) {
  const parser = this;
  const { socket } = parser;
  if (headers === undefined) {
    headers = parser._headers;
    parser._headers = [];
  }
  if (url === undefined) {
    url = parser._url;
    parser._url = '';
  }
  // Node's native parser hands a head of more than 32 lines to JS in pieces that are
  // capped at maxHeaderPairs (parserOnHeaders): rawHeaders then keeps only what fit.
  if (headers.length > 2 * kMaxFieldsPerFlush && parser.maxHeaderPairs > 0 &&
      headers.length > parser.maxHeaderPairs) {
    headers = headers.slice(0, parser.maxHeaderPairs);
  }
  const MessageClass = socket?.server?.[kIncomingMessage] || IncomingMessage;
  const incoming = parser.incoming = new MessageClass(socket);
  incoming.httpVersionMajor = versionMajor;
  incoming.httpVersionMinor = versionMinor;
  incoming.httpVersion = versionMajor === 1 && versionMinor === 1 ?
    '1.1' : `${versionMajor}.${versionMinor}`;
  incoming.joinDuplicateHeaders = socket?.server?.joinDuplicateHeaders ||
    parser.joinDuplicateHeaders;
  incoming.url = url;
  incoming.upgrade = upgrade;
  let count = headers.length;
  // A limit of zero or less means none.
  if (parser.maxHeaderPairs > 0) count = Math.min(count, parser.maxHeaderPairs);
  incoming._addHeaderLines(headers, count);
  if (typeof method === 'number') {
    incoming.method = allMethods[method];
  } else {
    incoming.statusCode = statusCode;
    incoming.statusMessage = statusMessage;
  }
  return parser.onIncoming(incoming, shouldKeepAlive);
}

// A piece of body: pushed to the message as if its _read had produced it, and the
// socket paused when the message's buffer is full.
function parserOnBody(chunk) {
  const stream = this.incoming;
  if (stream === null || stream[kSkipPendingData]) return;
  if (!stream._dumped && !stream.push(chunk)) readStop(this.socket);
}

// The message is complete: trailers are added, the stream ends, and the socket reads on
// for the next message.
function parserOnMessageComplete() {
  const parser = this;
  const stream = parser.incoming;
  if (stream !== null && !stream[kSkipPendingData]) {
    stream.complete = true;
    const trailers = parser._headers;
    if (trailers.length > 0) {
      stream._addHeaderLines(trailers, trailers.length);
      parser._headers = [];
      parser._url = '';
    }
    stream.push(null);
  }
  readStart(parser.socket);
}

const parsers = new FreeList('parsers', 1000, function newParser() {
  const parser = new HTTPParser();
  cleanParser(parser);
  return parser;
});

// Back to a pooled parser's state: no owner, and the shared callbacks (an owner may have
// wrapped them).
function cleanParser(parser) {
  parser[kOnHeaders] = parserOnHeaders;
  parser[kOnHeadersComplete] = parserOnHeadersComplete;
  parser[kOnBody] = parserOnBody;
  parser[kOnMessageComplete] = parserOnMessageComplete;
  parser._headers = [];
  parser._url = '';
  parser.socket = null;
  parser.incoming = null;
  parser.outgoing = null;
  parser.maxHeaderPairs = MAX_HEADER_PAIRS;
  parser[kOnMessageBegin] = null;
  parser[kOnExecute] = null;
  parser[kOnTimeout] = null;
  parser._consumed = false;
  parser.onIncoming = null;
  parser.joinDuplicateHeaders = null;
}

function closeParser(parser) {
  parser.close();
}

/**
 * Returns `parser` to the pool (or closes it when the pool is full) and cuts its links to
 * the request and socket it served.
 */
function freeParser(parser, req, socket) {
  if (parser) {
    if (parser._consumed) parser.unconsume();
    // (Node also calls parser.remove() here, to leave the server's connections list: that
    // list is kept in JS by _http_server, which drops the parser itself.)
    cleanParser(parser);
    if (parsers.free(parser) === false) {
      // Closed once the stack that may still be inside it has unwound.
      setImmediate(closeParser, parser);
    } else {
      parser.free();
    }
  }
  if (req) req.parser = null;
  if (socket) socket.parser = null;
}

// RFC 7230 3.2.6 token characters: ^_`a-zA-Z-0-9!#$%&'*+.|~
const tokenRegExp = /^[\^_`a-zA-Z\-0-9!#$%&'*+.|~]+$/;

/** Whether `val` is a valid HTTP token (a method or header name). */
function checkIsHttpToken(val) {
  return tokenRegExp.test(val);
}

// field-vchar is VCHAR or obs-text; tabs and spaces may separate them.
const headerCharRegex = /[^\t\x20-\x7e\x80-\xff]/;

/** Whether header value `val` holds a character a header value may not. */
function checkInvalidHeaderChar(val) {
  return headerCharRegex.test(val);
}

/** Adds the bytes that failed (`rawPacket`) and a `Parse Error: <reason>` message. */
function prepareError(err, parser, rawPacket) {
  err.rawPacket = rawPacket || parser.getCurrentBuffer();
  if (typeof err.reason === 'string') err.message = `Parse Error: ${err.reason}`;
}

let warnedLenient = false;

/** Whether parsers are lenient by default (`--insecure-http-parser`), warning once if so. */
function isLenient() {
  const lenient = insecureHTTPParserOption();
  if (lenient && !warnedLenient) {
    warnedLenient = true;
    process.emitWarning('Using insecure HTTP parsing');
  }
  return lenient;
}

module.exports = {
  _checkInvalidHeaderChar: checkInvalidHeaderChar,
  _checkIsHttpToken: checkIsHttpToken,
  chunkExpression: /(?:^|\W)chunked(?:$|\W)/i,
  continueExpression: /(?:^|\W)100-continue(?:$|\W)/i,
  CRLF: '\r\n',
  freeParser,
  methods,
  parsers,
  kIncomingMessage,
  HTTPParser,
  isLenient,
  prepareError,
  kSkipPendingData,
};
