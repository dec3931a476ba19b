'use strict';
// EventSource (server-sent events) over the global fetch: connects with
// `Accept: text/event-stream`, parses the stream (data/event/id/retry fields) into
// MessageEvents, fires 'open' and 'error', and reconnects after `retry` ms (3 s by default)
// when the connection drops, as the HTML standard and Node (undici) do. Node exposes it
// only with --experimental-eventsource and warns once (UNDICI-ES) on first use.

const { EventTarget, Event, defineEventHandler } = require('internal/event_target');
const { MessageEvent } = require('internal/worker/io');
const { DOMException } = require('internal/dom_exception');

const CONNECTING = 0;
const OPEN = 1;
const CLOSED = 2;
const defaultReconnectionTime = 3000;

const kState = Symbol('kState');
let warned = false;

function validateEventSource(value) {
  if (value?.[kState] === undefined) throw new TypeError('Illegal invocation');
}

// Splits the event stream into lines (CRLF, LF or CR endings) and applies each field.
class EventStreamParser {
  constructor(onEvent, onRetry, onId) {
    this.buffer = '';
    this.data = '';
    this.eventType = '';
    this.onEvent = onEvent;
    this.onRetry = onRetry;
    this.onId = onId;
  }

  push(text) {
    this.buffer += text;
    let match;
    while ((match = /\r\n|\n|\r/.exec(this.buffer)) !== null) {
      // A lone CR at the end may be the first half of CRLF: wait for more.
      if (match[0] === '\r' && match.index === this.buffer.length - 1) break;
      const line = this.buffer.slice(0, match.index);
      this.buffer = this.buffer.slice(match.index + match[0].length);
      this.processLine(line);
    }
  }

  processLine(line) {
    if (line === '') {
      this.dispatch();
      return;
    }
    if (line[0] === ':') return;
    const colon = line.indexOf(':');
    const field = colon === -1 ? line : line.slice(0, colon);
    let value = colon === -1 ? '' : line.slice(colon + 1);
    if (value[0] === ' ') value = value.slice(1);
    switch (field) {
      case 'data':
        this.data += `${value}\n`;
        break;
      case 'event':
        this.eventType = value;
        break;
      case 'id':
        if (!value.includes('\0')) this.onId(value);
        break;
      case 'retry':
        if (/^\d+$/.test(value)) this.onRetry(Number(value));
        break;
      default:
        break;
    }
  }

  dispatch() {
    const { data, eventType } = this;
    this.data = '';
    this.eventType = '';
    if (data === '') return;
    this.onEvent(eventType || 'message', data.slice(0, -1));
  }
}

class EventSource extends EventTarget {
  constructor(url, eventSourceInitDict = undefined) {
    if (arguments.length === 0) {
      throw new TypeError('EventSource constructor: 1 argument required, but 0 found.');
    }
    super();
    if (!warned) {
      warned = true;
      process.emitWarning('EventSource is experimental, expect them to change at any time.', {
        code: 'UNDICI-ES',
      });
    }
    let parsed;
    try {
      parsed = new URL(`${url}`);
    } catch (error) {
      throw new DOMException(`${error}`, 'SyntaxError');
    }
    this[kState] = {
      url: parsed.href,
      withCredentials: Boolean(eventSourceInitDict?.withCredentials),
      readyState: CONNECTING,
      lastEventId: '',
      reconnectionTime: defaultReconnectionTime,
      controller: null,
      reconnectTimer: null,
    };
    this.#connect();
  }

  get readyState() {
    validateEventSource(this);
    return this[kState].readyState;
  }

  get url() {
    validateEventSource(this);
    return this[kState].url;
  }

  get withCredentials() {
    validateEventSource(this);
    return this[kState].withCredentials;
  }

  close() {
    validateEventSource(this);
    const state = this[kState];
    if (state.readyState === CLOSED) return;
    state.readyState = CLOSED;
    state.controller?.abort();
    if (state.reconnectTimer !== null) clearTimeout(state.reconnectTimer);
    state.reconnectTimer = null;
  }

  async #connect() {
    const state = this[kState];
    const controller = new AbortController();
    state.controller = controller;
    const headers = { accept: 'text/event-stream', 'cache-control': 'no-store' };
    if (state.lastEventId !== '') headers['last-event-id'] = state.lastEventId;
    let response;
    try {
      response = await globalThis.fetch(state.url, {
        headers,
        signal: controller.signal,
        credentials: state.withCredentials ? 'include' : 'same-origin',
      });
    } catch {
      this.#reconnect();
      return;
    }
    if (state.readyState === CLOSED) return;
    const contentType = response.headers?.get?.('content-type') ?? '';
    if (response.status !== 200 || !/^text\/event-stream\b/i.test(contentType)) {
      this.#fail();
      return;
    }
    state.readyState = OPEN;
    this.dispatchEvent(new Event('open'));
    const origin = new URL(response.url || state.url).origin;
    const parser = new EventStreamParser(
      (type, data) => {
        if (state.readyState !== OPEN) return;
        const { lastEventId } = state;
        this.dispatchEvent(new MessageEvent(type, { data, origin, lastEventId }));
      },
      (time) => { state.reconnectionTime = time; },
      (id) => { state.lastEventId = id; },
    );
    const decoder = new TextDecoder('utf-8');
    try {
      for await (const chunk of response.body) {
        if (state.readyState === CLOSED) return;
        parser.push(decoder.decode(chunk, { stream: true }));
      }
    } catch {
      // A dropped connection is re-established below.
    }
    this.#reconnect();
  }

  // Network errors and dropped streams: report, then try again after the reconnection time.
  #reconnect() {
    const state = this[kState];
    if (state.readyState === CLOSED) return;
    state.readyState = CONNECTING;
    this.dispatchEvent(new Event('error'));
    if (state.readyState === CLOSED) return;
    state.reconnectTimer = setTimeout(() => {
      state.reconnectTimer = null;
      if (state.readyState === CONNECTING) this.#connect();
    }, state.reconnectionTime);
  }

  // Responses that are not an event stream end the EventSource.
  #fail() {
    const state = this[kState];
    state.readyState = CLOSED;
    this.dispatchEvent(new Event('error'));
  }
}

for (const name of ['readyState', 'url', 'withCredentials', 'close']) {
  Object.defineProperty(EventSource.prototype, name, { enumerable: true });
}
defineEventHandler(EventSource.prototype, 'open');
defineEventHandler(EventSource.prototype, 'message');
defineEventHandler(EventSource.prototype, 'error');
for (const [name, value] of [['CONNECTING', CONNECTING], ['OPEN', OPEN], ['CLOSED', CLOSED]]) {
  const descriptor = { __proto__: null, value, enumerable: true };
  Object.defineProperty(EventSource, name, descriptor);
  Object.defineProperty(EventSource.prototype, name, descriptor);
}

module.exports = { EventSource };
