'use strict';
// Response (WHATWG Fetch): the constructor with its status/statusText/body checks, the
// static error()/json()/redirect(), the read-only attributes, clone(), and the internal
// constructor fetch() uses for network responses (immutable headers, URL list, type).

const {
  HeaderList, fillHeaders, headersFromList,
} = require('internal/fetch/headers');
const {
  extractBody, cloneBody, installBodyMixin, isBodyUnusable,
} = require('internal/fetch/body');
const { webidlTypeError, illegalInvocation, toByteString, isObjectLike, dictionaryError } =
  require('internal/fetch/webidl');

const kInspect = Symbol.for('nodejs.util.inspect.custom');
// Statuses whose responses never have a body.
const nullBodyStatuses = new Set([101, 103, 204, 205, 304]);
const redirectStatuses = new Set([301, 302, 303, 307, 308]);
// RFC 9112 reason-phrase: HTAB, SP, VCHAR and obs-text.
const reasonPhraseRe = /^[\t\x20-\x7e\x80-\xff]*$/;

const kConstruct = Symbol('kConstruct');

let isResponse;
let stateOf;

class Response {
  // { type, status, statusText, headers (HeaderList), urlList, body }
  #state;
  #headers;

  static {
    isResponse = (value) => isObjectLike(value) && #state in value;
    stateOf = (value) => (isResponse(value) ? value.#state : undefined);
  }

  constructor(body = null, init = undefined) {
    if (body === kConstruct) {
      // Internal construction: `init` is the state, already complete.
      this.#state = init.state;
      this.#headers = headersFromList(init.state.headers, init.guard);
      return;
    }
    if (init !== undefined && init !== null && !isObjectLike(init)) {
      throw dictionaryError(init);
    }
    const state = {
      type: 'default', status: 200, statusText: '', headers: new HeaderList(), urlList: [],
      body: null,
    };
    this.#state = state;
    this.#headers = headersFromList(state.headers, 'response');
    let extracted = null;
    if (body !== null && body !== undefined) extracted = extractBody(body);
    initializeResponse(this, this.#headers, init ?? {}, extracted);
  }

  /** A network error: type "error", status 0, immutable empty headers, no body. */
  static error() {
    return createResponse({
      type: 'error', status: 0, statusText: '', headers: new HeaderList(), urlList: [],
      body: null,
    }, 'immutable');
  }

  static json(data, init = undefined) {
    if (arguments.length < 1) {
      throw webidlTypeError('Response.json: 1 argument required, but 0 found.');
    }
    if (init !== undefined && init !== null && !isObjectLike(init)) {
      throw dictionaryError(init);
    }
    const text = JSON.stringify(data);
    if (text === undefined) throw webidlTypeError('Value is not JSON serializable');
    const response = new Response();
    const extracted = extractBody(text);
    extracted.type = 'application/json';
    initializeResponse(response, response.headers, init ?? {}, extracted);
    return response;
  }

  static redirect(url, status = 302) {
    if (arguments.length < 1) {
      throw webidlTypeError('Response.redirect: 1 argument required, but 0 found.');
    }
    const { URL } = require('internal/url');
    let parsed;
    try {
      parsed = new URL(`${url}`);
    } catch (err) {
      throw new TypeError(`Failed to parse URL from ${url}`, { cause: err });
    }
    status = toUint16(status);
    if (!redirectStatuses.has(status)) throw new RangeError(`Invalid status code ${status}`);
    const headers = new HeaderList();
    headers.append('location', parsed.href);
    return createResponse({
      type: 'default', status, statusText: '', headers, urlList: [], body: null,
    }, 'immutable');
  }

  get type() {
    if (!isResponse(this)) throw illegalInvocation();
    return this.#state.type;
  }

  get url() {
    if (!isResponse(this)) throw illegalInvocation();
    const { urlList } = this.#state;
    if (urlList.length === 0) return '';
    const url = urlList[urlList.length - 1];
    const hash = url.indexOf('#');
    return hash === -1 ? url : url.slice(0, hash);
  }

  get redirected() {
    if (!isResponse(this)) throw illegalInvocation();
    return this.#state.urlList.length > 1;
  }

  get status() {
    if (!isResponse(this)) throw illegalInvocation();
    return this.#state.status;
  }

  get ok() {
    if (!isResponse(this)) throw illegalInvocation();
    return this.#state.status >= 200 && this.#state.status <= 299;
  }

  get statusText() {
    if (!isResponse(this)) throw illegalInvocation();
    return this.#state.statusText;
  }

  get headers() {
    if (!isResponse(this)) throw illegalInvocation();
    return this.#headers;
  }

  [kInspect](depth, options) {
    // Shown at the caller's depth setting whatever the nesting, as Node's fetch does.
    const opts = { ...options, depth: options.depth ?? 2 };
    const shown = {
      status: this.status,
      statusText: this.statusText,
      headers: this.headers,
      body: this.body,
      bodyUsed: this.bodyUsed,
      ok: this.ok,
      redirected: this.redirected,
      type: this.type,
      url: this.url,
    };
    return `Response ${require('internal/util/inspect').inspect(shown, opts)}`;
  }
}

function toUint16(value) {
  const n = Math.trunc(Number(value));
  return Number.isFinite(n) ? ((n % 65536) + 65536) % 65536 : 0;
}

// "Initialize a response": status, statusText, headers, then the body and its type.
function initializeResponse(response, headers, init, extracted) {
  const state = stateOf(response);
  if (init.status !== undefined) state.status = toUint16(init.status);
  if (state.status < 200 || state.status > 599) {
    throw new RangeError('init["status"] must be in the range of 200 to 599, inclusive.');
  }
  if (init.statusText !== undefined) {
    const statusText = toByteString(init.statusText);
    if (!reasonPhraseRe.test(statusText)) throw webidlTypeError('Invalid statusText');
    state.statusText = statusText;
  }
  if (init.headers !== undefined) fillHeaders(headers, init.headers, 'Headers constructor');
  if (extracted !== null) {
    if (nullBodyStatuses.has(state.status)) {
      throw webidlTypeError(`Response constructor: Invalid response status code ${state.status}`);
    }
    state.body = extracted.body;
    if (extracted.type !== null && !state.headers.has('content-type')) {
      state.headers.append('content-type', extracted.type);
    }
  }
}

/** A Response over a complete internal state, its headers under `guard`. */
function createResponse(state, guard) {
  return new Response(kConstruct, { state, guard });
}

/** Clones (tees) `response`, as clone() does; throws if its body is used or locked. */
function cloneResponse(response) {
  const state = stateOf(response);
  if (isBodyUnusable(state.body)) {
    throw webidlTypeError('Response.clone: Body has already been consumed.');
  }
  return createResponse({
    ...state,
    headers: state.headers.clone(),
    urlList: [...state.urlList],
    body: cloneBody(state.body),
  }, state.type === 'default' ? 'response' : 'immutable');
}

installBodyMixin(Response, stateOf, {
  clone() {
    if (!isResponse(this)) throw illegalInvocation();
    return cloneResponse(this);
  },
});

for (const name of ['type', 'url', 'redirected', 'status', 'ok', 'statusText', 'headers']) {
  Object.defineProperty(Response.prototype, name, { enumerable: true });
}
for (const name of ['error', 'json', 'redirect']) {
  Object.defineProperty(Response, name, { enumerable: true });
}
Object.defineProperty(Response.prototype, Symbol.toStringTag, {
  value: 'Response', configurable: true,
});

module.exports = {
  Response,
  isResponse,
  responseState: stateOf,
  createResponse,
  nullBodyStatuses,
  redirectStatuses,
};
