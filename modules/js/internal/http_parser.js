'use strict';
// Node's `internalBinding('http_parser')` HTTPParser, on the batched parser ops.
//
// The native side parses a whole buffer in one call and returns its events as one flat
// array (see modules/src/ops/http_parser.rs); `execute` replays them to the kOn* callbacks
// in order. Because the callbacks run after the parse, what Node's kOnHeadersComplete return
// value decides is set beforehand: `skipBody` (the response to HEAD), `isConnect` (the
// response to CONNECT is an upgrade) and `upgradeAllowed` (a server wants Upgrade requests).

const binding = internalBinding('http_parser');
const { kStreamConsumer } = require('internal/stream_handles');

const methods = [
  'DELETE', 'GET', 'HEAD', 'POST', 'PUT', 'CONNECT', 'OPTIONS', 'TRACE', 'COPY', 'LOCK',
  'MKCOL', 'MOVE', 'PROPFIND', 'PROPPATCH', 'SEARCH', 'UNLOCK', 'BIND', 'REBIND', 'UNBIND',
  'ACL', 'REPORT', 'MKACTIVITY', 'CHECKOUT', 'MERGE', 'M-SEARCH', 'NOTIFY', 'SUBSCRIBE',
  'UNSUBSCRIBE', 'PATCH', 'PURGE', 'MKCALENDAR', 'LINK', 'UNLINK', 'SOURCE', 'QUERY',
];
// Indexed by llhttp's method number, RTSP names included, as Node's `allMethods`.
const allMethods = [
  ...methods.slice(0, -1), 'PRI', 'DESCRIBE', 'ANNOUNCE', 'SETUP', 'PLAY', 'PAUSE',
  'TEARDOWN', 'GET_PARAMETER', 'SET_PARAMETER', 'REDIRECT', 'RECORD', 'FLUSH', 'QUERY',
];

const kOnMessageBegin = 0;
const kOnHeaders = 1;
const kOnHeadersComplete = 2;
const kOnBody = 3;
const kOnMessageComplete = 4;
const kOnExecute = 5;
const kOnTimeout = 6;

// Event tags and flags shared with the native side.
const EVENT_BEGIN = 0;
const EVENT_HEADERS = 1;
const EVENT_BODY = 2;
const EVENT_COMPLETE = 3;
const EVENT_TRAILERS = 4;
const FLAG_SKIP_BODY = 1;
const FLAG_CONNECT = 2;
const FLAG_UPGRADE_ALLOWED = 4;

const kId = Symbol('kId');
const kClosed = Symbol('kClosed');
const kCurrentBuffer = Symbol('kCurrentBuffer');
const kHeadersCompleted = Symbol('kHeadersCompleted');
const kConsumed = Symbol('kConsumed');
const kFailed = Symbol('kFailed');

// A parser dropped without close() still releases its native state.
const finalizer = new FinalizationRegistry((id) => binding.free(id));

class HTTPParser {
  constructor() {
    this[kId] = 0;
    this[kClosed] = false;
    this[kCurrentBuffer] = undefined;
    this[kHeadersCompleted] = false;
    this.skipBody = false;
    this.isConnect = false;
    this.upgradeAllowed = false;
  }

  initialize(type, resource, maxHeaderSize, lenient) {
    const reuse = this[kId];
    this[kId] = binding.create(type, maxHeaderSize || 0, lenient || 0, reuse);
    if (reuse === 0) finalizer.register(this, this[kId], this);
    this[kClosed] = false;
    this[kFailed] = false;
    this[kHeadersCompleted] = false;
    this.skipBody = false;
    this.isConnect = false;
    this.upgradeAllowed = false;
  }

  execute(buffer) {
    if (this[kId] === 0 || this[kClosed]) return 0;
    let flags = 0;
    if (this.skipBody) flags |= FLAG_SKIP_BODY;
    if (this.isConnect) flags |= FLAG_CONNECT;
    if (this.upgradeAllowed) flags |= FLAG_UPGRADE_ALLOWED;
    this[kCurrentBuffer] = buffer;
    try {
      return this.#replay(binding.execute(this[kId], buffer, flags), buffer);
    } finally {
      this[kCurrentBuffer] = undefined;
    }
  }

  finish() {
    // As llhttp_finish: a parser that failed already has nothing more to report.
    if (this[kId] === 0 || this[kClosed] || this[kFailed]) return undefined;
    const ret = this.#replay(binding.finish(this[kId]), undefined);
    return typeof ret === 'number' ? undefined : ret;
  }

  // Runs the callbacks for the events of one parse; stops if a callback closed the parser.
  #replay(events, buffer) {
    const length = events.length;
    let i = 3;
    while (i < length) {
      if (this[kClosed]) return events[0];
      switch (events[i]) {
        case EVENT_BEGIN: {
          const callback = this[kOnMessageBegin];
          if (typeof callback === 'function') callback.call(this);
          i += 1;
          break;
        }
        case EVENT_HEADERS: {
          this[kHeadersCompleted] = true;
          const callback = this[kOnHeadersComplete];
          if (typeof callback === 'function') {
            callback.call(this, events[i + 1], events[i + 2], events[i + 3], events[i + 4],
                          events[i + 5], events[i + 6], events[i + 7], events[i + 8],
                          events[i + 9]);
          }
          i += 10;
          break;
        }
        case EVENT_BODY: {
          const callback = this[kOnBody];
          if (typeof callback === 'function' && buffer !== undefined) {
            callback.call(this, buffer.subarray(events[i + 1], events[i + 2]));
          }
          i += 3;
          break;
        }
        case EVENT_COMPLETE: {
          this[kHeadersCompleted] = false;
          const callback = this[kOnMessageComplete];
          if (typeof callback === 'function') callback.call(this);
          i += 1;
          break;
        }
        case EVENT_TRAILERS: {
          const callback = this[kOnHeaders];
          if (typeof callback === 'function') callback.call(this, events[i + 1], '');
          i += 2;
          break;
        }
        default:
          i = length;
      }
    }
    if (events[1] !== undefined) {
      this[kFailed] = true;
      const err = new Error(`Parse Error: ${events[2]}`);
      err.bytesParsed = events[0];
      err.code = events[1];
      err.reason = events[2];
      return err;
    }
    return events[0];
  }

  // Releases the native parser (Node's close(): the parser is done for good).
  close() {
    this.unconsume();
    this[kClosed] = true;
    const id = this[kId];
    if (id !== 0) {
      this[kId] = 0;
      finalizer.unregister(this);
      binding.free(id);
    }
  }

  // Node's free() ends the parser's use for one connection: nothing more is parsed or
  // reported until initialize(), but the native parser stays for reuse from the pool.
  free() {
    this.unconsume();
    this[kClosed] = true;
  }

  // Node's remove() takes the parser off the server's connections list, which is kept in
  // JS here (_http_server).
  remove() {}

  // Node pauses llhttp from a callback; events are replayed after the parse here, so there
  // is nothing to hold back.
  pause() {}

  resume() {}

  // Takes the handle's reads, as Node's parser reads a consumed StreamBase: each read is
  // parsed at once and reported to kOnExecute, without going through the socket's
  // Readable side. The socket still sees the end of the stream and errors.
  consume(handle) {
    if (handle === null || typeof handle !== 'object' || handle[kStreamConsumer] !== undefined) {
      return;
    }
    handle[kStreamConsumer] = this;
    this[kConsumed] = handle;
  }

  unconsume() {
    const handle = this[kConsumed];
    if (handle === undefined) return;
    this[kConsumed] = undefined;
    if (handle[kStreamConsumer] === this) handle[kStreamConsumer] = undefined;
  }

  // A read of the consumed handle (called by the socket that owns it).
  onConsumedRead(buffer) {
    const ret = this.execute(buffer);
    const callback = this[kOnExecute];
    if (typeof callback !== 'function') return;
    // The buffer stays current for the callback: an upgrade takes its rest from it.
    this[kCurrentBuffer] = buffer;
    try {
      callback.call(this, ret);
    } finally {
      this[kCurrentBuffer] = undefined;
    }
  }

  getCurrentBuffer() {
    return this[kCurrentBuffer];
  }

  headersCompleted() {
    return this[kHeadersCompleted];
  }
}

const constants = {
  REQUEST: 1,
  RESPONSE: 2,
  kOnMessageBegin,
  kOnHeaders,
  kOnHeadersComplete,
  kOnBody,
  kOnMessageComplete,
  kOnExecute,
  kOnTimeout,
  kLenientNone: 0,
  kLenientHeaders: 1 << 0,
  kLenientChunkedLength: 1 << 1,
  kLenientKeepAlive: 1 << 2,
  kLenientTransferEncoding: 1 << 3,
  kLenientVersion: 1 << 4,
  kLenientDataAfterClose: 1 << 5,
  kLenientOptionalLFAfterCR: 1 << 6,
  kLenientOptionalCRLFAfterChunk: 1 << 7,
  kLenientOptionalCRBeforeLF: 1 << 8,
  kLenientSpacesAfterChunkSize: 1 << 9,
  kLenientAll: (1 << 10) - 1,
};
Object.assign(HTTPParser, constants);

module.exports = { HTTPParser, methods, allMethods };
