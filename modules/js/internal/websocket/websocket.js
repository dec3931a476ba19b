'use strict';
// The WHATWG WebSocket client (and its CloseEvent and ErrorEvent), as Node 25 exposes it
// from undici: the opening handshake is an HTTP/1.1 upgrade request made with node:http or
// node:https, checked as RFC 6455 §4.1 asks (101 status, Upgrade/Connection headers,
// Sec-WebSocket-Accept, the chosen subprotocol); the upgraded socket then carries the frames
// of internal/websocket/frames. Events, states, argument checks and error messages follow
// Node's; permessage-deflate is never offered.

const { Event, EventTarget } = require('internal/event_target');
const { DOMException } = require('internal/dom_exception');
const { isArrayBuffer } = require('internal/util/types');
const { illegalInvocation, dictionaryError } = require('internal/fetch/webidl');
const {
  kGuid, opcodes, createFrame, closeFrameBody, utf8Decode, FrameParser,
} = require('internal/websocket/frames');

const CONNECTING = 0;
const OPEN = 1;
const CLOSING = 2;
const CLOSED = 3;

// --- Web IDL conversions, worded as undici's ---------------------------------------------

function idlError(prefix, message) {
  return new TypeError(`${prefix}: ${message}`);
}

function argumentLengthCheck(length, min, prefix) {
  if (length < min) {
    throw idlError(prefix, `${min} argument${min !== 1 ? 's' : ''} required, but` +
                           `${length ? ' only' : ''} ${length} found.`);
  }
}

function isObject(value) {
  return (typeof value === 'object' && value !== null) || typeof value === 'function';
}

function toDOMString(value, prefix, argument) {
  if (typeof value === 'symbol') {
    throw idlError(prefix, `${argument} is a symbol, which cannot be converted to a DOMString.`);
  }
  return String(value);
}

function toUSVString(value) {
  return `${value}`.toWellFormed();
}

// Web IDL integer conversion as undici implements it (its [Clamp] rounding included).
function toInteger(value, bits, clamp) {
  const upper = 2 ** bits - 1;
  let x = Number(value);
  if (x === 0) x = 0;
  if (clamp && !Number.isNaN(x)) {
    x = Math.min(Math.max(x, 0), upper);
    return Math.floor(x) % 2 === 0 ? Math.floor(x) : Math.ceil(x);
  }
  if (Number.isNaN(x) || x === 0 || !Number.isFinite(x)) return 0;
  x = x < 0 ? -Math.floor(-x) : Math.floor(x);
  return x % 2 ** bits;
}

// Reads a dictionary's members in order, each converted; `undefined` members are left out.
function toDictionary(value, members) {
  if (value != null && !isObject(value)) throw dictionaryError(value);
  const dict = {};
  for (const [key, convert, defaultValue] of members) {
    let member = value?.[key];
    if (member === undefined) member = defaultValue;
    if (member !== undefined) dict[key] = convert(member);
  }
  return dict;
}

const eventInitMembers = [
  ['bubbles', Boolean, false],
  ['cancelable', Boolean, false],
  ['composed', Boolean, false],
];

// --- CloseEvent and ErrorEvent -----------------------------------------------------------

// The classes are named as esbuild leaves undici's (`_CloseEvent`), which shows in V8's
// "Class constructor ... cannot be invoked without 'new'"; `name` is the public one.

/** The event a WebSocket fires when its connection has closed. */
const CloseEvent = class _CloseEvent extends Event {
  #init;

  constructor(type, eventInitDict = {}) {
    const prefix = 'CloseEvent constructor';
    argumentLengthCheck(arguments.length, 1, prefix);
    type = toDOMString(type, prefix, 'type');
    eventInitDict = toDictionary(eventInitDict, [
      ...eventInitMembers,
      ['wasClean', Boolean, false],
      ['code', (v) => toInteger(v, 16, false), 0],
      ['reason', toUSVString, ''],
    ]);
    super(type, eventInitDict);
    this.#init = eventInitDict;
  }

  get wasClean() {
    if (!(#init in this)) throw illegalInvocation();
    return this.#init.wasClean;
  }

  get code() {
    if (!(#init in this)) throw illegalInvocation();
    return this.#init.code;
  }

  get reason() {
    if (!(#init in this)) throw illegalInvocation();
    return this.#init.reason;
  }
};
Object.defineProperty(CloseEvent, 'name', { value: 'CloseEvent' });
Object.defineProperties(CloseEvent.prototype, {
  [Symbol.toStringTag]: { value: 'CloseEvent', configurable: true },
  wasClean: { enumerable: true },
  code: { enumerable: true },
  reason: { enumerable: true },
});

/** The event a WebSocket fires when its connection failed (not a global, as in Node). */
const ErrorEvent = class _ErrorEvent extends Event {
  #init;

  constructor(type, eventInitDict = undefined) {
    const prefix = 'ErrorEvent constructor';
    argumentLengthCheck(arguments.length, 1, prefix);
    super(type, eventInitDict);
    type = toDOMString(type, prefix, 'type');
    this.#init = toDictionary(eventInitDict ?? {}, [
      ...eventInitMembers,
      ['message', (v) => toDOMString(v, undefined, 'message'), ''],
      ['filename', toUSVString, ''],
      ['lineno', (v) => toInteger(v, 32, false), 0],
      ['colno', (v) => toInteger(v, 32, false), 0],
      ['error', (v) => v, undefined],
    ]);
  }

  get message() {
    if (!(#init in this)) throw illegalInvocation();
    return this.#init.message;
  }

  get filename() {
    if (!(#init in this)) throw illegalInvocation();
    return this.#init.filename;
  }

  get lineno() {
    if (!(#init in this)) throw illegalInvocation();
    return this.#init.lineno;
  }

  get colno() {
    if (!(#init in this)) throw illegalInvocation();
    return this.#init.colno;
  }

  get error() {
    if (!(#init in this)) throw illegalInvocation();
    return this.#init.error;
  }
};
Object.defineProperty(ErrorEvent, 'name', { value: 'ErrorEvent' });
Object.defineProperties(ErrorEvent.prototype, {
  [Symbol.toStringTag]: { value: 'ErrorEvent', configurable: true },
  message: { enumerable: true },
  filename: { enumerable: true },
  lineno: { enumerable: true },
  colno: { enumerable: true },
  error: { enumerable: true },
});

// --- helpers -----------------------------------------------------------------------------

// Characters a subprotocol token may hold (RFC 7230 tchar).
function isValidSubprotocol(protocol) {
  if (protocol.length === 0) return false;
  for (let i = 0; i < protocol.length; i++) {
    const code = protocol.charCodeAt(i);
    if (code < 0x21 || code > 0x7e || '"(),/:;<=>?@[\\]{}'.includes(protocol[i])) return false;
  }
  return true;
}

// The URL to connect to: http(s) becomes ws(s); anything else, or a fragment, is refused.
function getURLRecord(url) {
  let record;
  try {
    record = new URL(url);
  } catch (err) {
    throw new DOMException(`${err}`, 'SyntaxError');
  }
  if (record.protocol === 'http:') record.protocol = 'ws:';
  else if (record.protocol === 'https:') record.protocol = 'wss:';
  if (record.protocol !== 'ws:' && record.protocol !== 'wss:') {
    throw new DOMException('expected a ws: or wss: url', 'SyntaxError');
  }
  if (record.hash.length || record.href.endsWith('#')) {
    throw new DOMException('hash', 'SyntaxError');
  }
  return record;
}

// `protocols`: a string, a sequence of strings, or (an undici extension Node keeps) a
// WebSocketInit dictionary { protocols, dispatcher, headers }.
function toProtocolList(value) {
  if (isObject(value) && Symbol.iterator in value) {
    const list = [];
    let index = 0;
    for (const item of value) list.push(toDOMString(item, undefined, `undefined[${index++}]`));
    return list;
  }
  return toDOMString(value, undefined, undefined);
}

function toWebSocketInit(value) {
  if (isObject(value) && !(Symbol.iterator in value)) {
    return toDictionary(value, [
      ['protocols', toProtocolList, []],
      ['dispatcher', (v) => v, undefined],
      ['headers', (v) => v, undefined],
    ]);
  }
  return { protocols: toProtocolList(value) };
}

function validateCloseCodeAndReason(code, reason) {
  if (code !== null && code !== 1000 && (code < 3000 || code > 4999)) {
    throw new DOMException('invalid code', 'InvalidAccessError');
  }
  const reasonBytes = Buffer.byteLength(reason);
  if (reasonBytes > 123) {
    throw new DOMException(`Reason must be less than 123 bytes; received ${reasonBytes}`,
                           'SyntaxError');
  }
}

// A Buffer's bytes as an ArrayBuffer of exactly that length.
function toArrayBuffer(buffer) {
  if (buffer.byteOffset === 0 && buffer.byteLength === buffer.buffer.byteLength) {
    return buffer.buffer;
  }
  return new Uint8Array(buffer).buffer;
}

function headerValue(headers, name) {
  const value = headers[name];
  return value === undefined ? null : `${value}`;
}

// --- WebSocket ---------------------------------------------------------------------------

/** A WebSocket client connection (https://websockets.spec.whatwg.org/). */
const WebSocket = class _WebSocket extends EventTarget {
  #url;
  #readyState = CONNECTING;
  #binaryType = 'blob';
  #bufferedAmount = 0;
  #protocol = '';
  #extensions = '';
  #handlers = { open: null, error: null, close: null, message: null };
  #request = null;
  #socket = null;
  #parser = null;
  #sentClose = false;
  #receivedClose = false;
  // Frames waiting behind a Blob still being read, so messages leave in send() order.
  #sendQueue = [];
  #sending = false;

  constructor(url, protocols = []) {
    super();
    argumentLengthCheck(arguments.length, 1, 'WebSocket constructor');
    const options = toWebSocketInit(protocols);
    url = toUSVString(url);
    protocols = options.protocols;
    const record = getURLRecord(url);
    if (typeof protocols === 'string') protocols = [protocols];
    if (protocols.length !== new Set(protocols.map((p) => p.toLowerCase())).size ||
        !protocols.every(isValidSubprotocol)) {
      throw new DOMException('Invalid Sec-WebSocket-Protocol value', 'SyntaxError');
    }
    this.#url = new URL(record.href);
    this.#connect(record, protocols, options.headers);
  }

  /**
   * Starts the closing handshake (or fails a connection still being made).
   * @param {number} [code] 1000 or 3000-4999
   * @param {string} [reason] at most 123 bytes of UTF-8
   */
  close(code = undefined, reason = undefined) {
    if (!(#url in this)) throw illegalInvocation();
    if (code !== undefined) code = toInteger(code, 16, true);
    if (reason !== undefined) reason = toUSVString(reason);
    code ??= null;
    reason ??= '';
    validateCloseCodeAndReason(code, reason);
    this.#closeConnection(code, reason);
  }

  /**
   * Queues a message: a string as text, an ArrayBuffer, view or Blob as binary.
   * @param {string | ArrayBuffer | ArrayBufferView | Blob} data
   */
  send(data) {
    if (!(#url in this)) throw illegalInvocation();
    argumentLengthCheck(arguments.length, 1, 'WebSocket.send');
    const { Blob } = require('internal/blob');
    const isBlob = data instanceof Blob;
    if (!isBlob && !isArrayBuffer(data) &&
        !(ArrayBuffer.isView(data) && isArrayBuffer(data.buffer))) {
      data = toUSVString(data);
    }
    if (this.#readyState === CONNECTING) {
      throw new DOMException('Sent before connected.', 'InvalidStateError');
    }
    // Once closing, data is dropped silently (and bufferedAmount stays as it is).
    if (this.#readyState !== OPEN) return;
    if (typeof data === 'string') {
      const bytes = Buffer.from(data, 'utf8');
      this.#queueFrame(opcodes.TEXT, bytes, bytes.byteLength);
    } else if (isBlob) {
      const size = data.size;
      this.#queueFrame(opcodes.BINARY, data.arrayBuffer().then((ab) => new Uint8Array(ab)), size);
    } else if (isArrayBuffer(data)) {
      this.#queueFrame(opcodes.BINARY, new Uint8Array(data), data.byteLength);
    } else {
      this.#queueFrame(opcodes.BINARY,
                       new Uint8Array(data.buffer, data.byteOffset, data.byteLength),
                       data.byteLength);
    }
  }

  get readyState() {
    if (!(#url in this)) throw illegalInvocation();
    return this.#readyState;
  }

  get bufferedAmount() {
    if (!(#url in this)) throw illegalInvocation();
    return this.#bufferedAmount;
  }

  get url() {
    if (!(#url in this)) throw illegalInvocation();
    return this.#url.href;
  }

  get extensions() {
    if (!(#url in this)) throw illegalInvocation();
    return this.#extensions;
  }

  get protocol() {
    if (!(#url in this)) throw illegalInvocation();
    return this.#protocol;
  }

  get onopen() { return this.#getHandler('open'); }
  set onopen(fn) { this.#setHandler('open', fn); }
  get onerror() { return this.#getHandler('error'); }
  set onerror(fn) { this.#setHandler('error', fn); }
  get onclose() { return this.#getHandler('close'); }
  set onclose(fn) { this.#setHandler('close', fn); }
  get onmessage() { return this.#getHandler('message'); }
  set onmessage(fn) { this.#setHandler('message', fn); }

  get binaryType() {
    if (!(#url in this)) throw illegalInvocation();
    return this.#binaryType;
  }

  set binaryType(type) {
    if (!(#url in this)) throw illegalInvocation();
    this.#binaryType = type === 'arraybuffer' ? 'arraybuffer' : 'blob';
  }

  #getHandler(name) {
    if (!(#url in this)) throw illegalInvocation();
    return this.#handlers[name]?.value ?? null;
  }

  // As undici does, a new handler is removed and added again (so it runs after listeners
  // added in between); an object that is not callable becomes a handler doing nothing.
  #setHandler(name, value) {
    if (!(#url in this)) throw illegalInvocation();
    const previous = this.#handlers[name];
    if (previous !== null) this.removeEventListener(name, previous.listener);
    if (isObject(value)) {
      const listener = typeof value === 'function' ? value : () => {};
      this.#handlers[name] = { value, listener };
      this.addEventListener(name, listener);
    } else {
      this.#handlers[name] = null;
    }
  }

  // --- the opening handshake ---

  #connect(record, protocols, extraHeaders) {
    const secure = record.protocol === 'wss:';
    const requestURL = new URL(record.href);
    requestURL.protocol = secure ? 'https:' : 'http:';
    const key = require('internal/crypto/random').randomBytes(16).toString('base64');
    const headers = { __proto__: null, host: requestURL.host };
    if (extraHeaders != null) {
      const { Headers } = require('internal/fetch/headers');
      for (const [name, value] of new Headers(extraHeaders)) headers[name] = value;
    }
    Object.assign(headers, {
      'connection': 'upgrade',
      'upgrade': 'websocket',
      'sec-websocket-key': key,
      'sec-websocket-version': '13',
    });
    if (protocols.length > 0) headers['sec-websocket-protocol'] = protocols.join(', ');
    for (const [name, value] of [['accept', '*/*'], ['accept-language', '*'],
                                 ['sec-fetch-mode', 'websocket'], ['user-agent', 'node'],
                                 ['pragma', 'no-cache'], ['cache-control', 'no-cache']]) {
      if (!(name in headers)) headers[name] = value;
    }
    const transport = secure ? require('https') : require('http');
    let request;
    try {
      // A connection of its own: after the upgrade the socket is no longer HTTP.
      request = transport.request(requestURL, { method: 'GET', headers, agent: false });
    } catch {
      // Like any network error, this fails the connection later rather than throwing.
      process.nextTick(() => {
        if (this.#readyState === CONNECTING) this.#fail(1002, 'Received network error.');
      });
      return;
    }
    this.#request = request;
    request.on('upgrade', (response, socket, head) => {
      if (this.#readyState !== CONNECTING) {
        socket.destroy();
        return;
      }
      this.#socket = socket;
      const problem = this.#checkHandshake(response, key, protocols);
      if (problem !== null) {
        this.#fail(1002, problem);
        return;
      }
      this.#established(response, socket, head);
    });
    request.on('response', (response) => {
      response.resume();
      if (this.#readyState === CONNECTING) {
        this.#fail(1002, 'Received network error or non-101 status code.');
      }
    });
    // A network error fails the connection; once it is failed or open, errors of the
    // request are of no interest.
    request.on('error', () => {
      if (this.#readyState === CONNECTING && this.#socket === null) {
        this.#fail(1002, 'Received network error or non-101 status code.');
      }
    });
    request.end();
  }

  // What is wrong with the server's answer (RFC 6455 §4.1, the client's steps 2-6), or null.
  #checkHandshake(response, key, protocols) {
    const { headers } = response;
    if (response.statusCode !== 101) return 'Received network error or non-101 status code.';
    const protocol = headerValue(headers, 'sec-websocket-protocol');
    if (protocols.length !== 0 && !protocol) {
      return 'Server did not respond with sent protocols.';
    }
    if (headerValue(headers, 'upgrade')?.toLowerCase() !== 'websocket') {
      return 'Server did not set Upgrade header to "websocket".';
    }
    // RFC 7230 allows more tokens next to "upgrade" in Connection.
    const connection = headerValue(headers, 'connection')?.toLowerCase().split(',')
      .map((token) => token.trim());
    if (!connection?.includes('upgrade')) {
      return 'Server did not set Connection header to "upgrade".';
    }
    const accept = require('crypto').createHash('sha1').update(key + kGuid).digest('base64');
    if (headerValue(headers, 'sec-websocket-accept') !== accept) {
      return 'Incorrect hash received in Sec-WebSocket-Accept header.';
    }
    // No extension was offered, so the server may not use any.
    if (headerValue(headers, 'sec-websocket-extensions') !== null) {
      return 'Sec-WebSocket-Extensions header does not match.';
    }
    if (protocol !== null && !protocols.includes(protocol)) {
      return 'Protocol was not set in the opening handshake.';
    }
    return null;
  }

  #established(response, socket, head) {
    this.#request = null;
    this.#parser = new FrameParser({
      onMessage: (opcode, payload) => this.#onMessage(opcode, payload),
      onClose: () => this.#onCloseFrame(),
      onPing: (payload) => {
        if (!this.#receivedClose) this.#write(createFrame(opcodes.PONG, payload));
      },
      onError: (code, reason) => this.#fail(code, reason),
    });
    // Bytes that came with the handshake's answer are the first frames.
    if (head.length > 0) socket.unshift(head);
    socket.on('data', (chunk) => this.#parser.write(chunk));
    socket.on('close', () => this.#onSocketClose());
    socket.on('error', () => {
      this.#readyState = CLOSING;
      socket.destroy();
    });
    socket.resume();
    this.#readyState = OPEN;
    this.#extensions = headerValue(response.headers, 'sec-websocket-extensions') ?? '';
    this.#protocol = headerValue(response.headers, 'sec-websocket-protocol') ?? '';
    this.dispatchEvent(new Event('open'));
  }

  // --- sending ---

  #write(frame, callback) {
    if (this.#socket !== null && !this.#socket.destroyed) this.#socket.write(frame, callback);
  }

  // `payload` is bytes, or a promise of them (a Blob being read): frames after a pending
  // one wait for it.
  #queueFrame(opcode, payload, size) {
    this.#bufferedAmount += size;
    const done = () => { this.#bufferedAmount -= size; };
    if (!this.#sending && !(payload instanceof Promise)) {
      this.#write(createFrame(opcode, payload), done);
      return;
    }
    this.#sendQueue.push({ opcode, payload, done });
    if (!this.#sending) this.#drainQueue();
  }

  async #drainQueue() {
    this.#sending = true;
    while (this.#sendQueue.length > 0) {
      const { opcode, payload, done } = this.#sendQueue.shift();
      this.#write(createFrame(opcode, await payload), done);
    }
    this.#sending = false;
  }

  // --- closing ---

  #closeConnection(code, reason) {
    if (this.#readyState === CLOSING || this.#readyState === CLOSED) return;
    if (this.#readyState === CONNECTING) {
      // Failing fires 'error' and 'close' at once; the state then still reads CLOSING, as
      // in Node.
      this.#fail();
      this.#readyState = CLOSING;
      return;
    }
    if (!this.#sentClose && !this.#receivedClose) {
      if (reason.length !== 0 && code === null) code = 1000;
      this.#write(createFrame(opcodes.CLOSE, closeFrameBody(code, reason)));
      this.#sentClose = true;
    }
    this.#readyState = CLOSING;
  }

  // "Fail the WebSocket connection": tell the server why (when open), then drop it.
  #fail(code = null, reason = '') {
    if (this.#readyState === OPEN) this.#closeConnection(code, reason);
    if (this.#request !== null) {
      this.#request.destroy();
      this.#request = null;
    }
    if (this.#readyState === CONNECTING) {
      // The socket of a refused handshake is not ours to keep.
      this.#socket?.destroy();
      this.#socket = null;
      this.#onSocketClose();
    } else if (this.#socket?.destroyed === false) {
      this.#socket.destroy();
    }
  }

  #onCloseFrame() {
    const { code } = this.#parser.closeInfo;
    if (!this.#sentClose && !this.#receivedClose) {
      // Echo the code (not the reason) back, completing the closing handshake.
      const body = code ? closeFrameBody(code, '') : undefined;
      this.#write(createFrame(opcodes.CLOSE, body));
      this.#sentClose = true;
    }
    this.#readyState = CLOSING;
    this.#receivedClose = true;
  }

  #onSocketClose() {
    const wasClean = this.#sentClose && this.#receivedClose;
    let code = 1005;
    let reason = '';
    const info = this.#parser?.closeInfo;
    if (info) {
      code = info.code ?? 1005;
      reason = info.reason;
    }
    this.#readyState = CLOSED;
    if (!this.#receivedClose) {
      // The connection dropped (or was failed) without a close frame from the server.
      code = 1006;
      this.dispatchEvent(new ErrorEvent('error', { error: new TypeError(reason) }));
    }
    this.dispatchEvent(new CloseEvent('close', { wasClean, code, reason }));
  }

  // --- receiving ---

  #onMessage(opcode, payload) {
    if (this.#readyState !== OPEN) return;
    let data;
    if (opcode === opcodes.TEXT) {
      try {
        data = utf8Decode(payload);
      } catch {
        this.#fail(1007, 'Received invalid UTF-8 in text frame.');
        return;
      }
    } else if (this.#binaryType === 'blob') {
      const { Blob } = require('internal/blob');
      data = new Blob([payload]);
    } else {
      data = toArrayBuffer(payload);
    }
    const { MessageEvent } = require('internal/worker/io');
    this.dispatchEvent(new MessageEvent('message', { data, origin: this.#url.origin }));
  }
};
Object.defineProperty(WebSocket, 'name', { value: 'WebSocket' });

const constant = { enumerable: true, writable: false, configurable: false };
for (const [name, value] of [['CONNECTING', CONNECTING], ['OPEN', OPEN],
                             ['CLOSING', CLOSING], ['CLOSED', CLOSED]]) {
  Object.defineProperty(WebSocket, name, { ...constant, value });
  Object.defineProperty(WebSocket.prototype, name, { ...constant, value });
}
for (const name of ['close', 'send', 'readyState', 'bufferedAmount', 'url', 'extensions',
                    'protocol', 'onopen', 'onerror', 'onclose', 'onmessage', 'binaryType']) {
  Object.defineProperty(WebSocket.prototype, name, { enumerable: true });
}
Object.defineProperty(WebSocket.prototype, Symbol.toStringTag, {
  value: 'WebSocket', writable: false, enumerable: false, configurable: true,
});

module.exports = { WebSocket, CloseEvent, ErrorEvent };
