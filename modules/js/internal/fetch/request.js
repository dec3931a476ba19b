'use strict';
// Request (WHATWG Fetch): the constructor (URL parsing, method checks, the RequestInit
// members, the body with Node's `duplex: 'half'` rule for streams, a signal that follows
// the given one), the read-only attributes, and clone().

const { HeaderList, fillHeaders, headersFromList, isValidHeaderName } =
  require('internal/fetch/headers');
const { extractBody, cloneBody, installBodyMixin, isBodyUnusable } =
  require('internal/fetch/body');
const {
  webidlTypeError, illegalInvocation, toByteString, toUSVString, toDOMString, toEnum,
  isObjectLike, stringify, dictionaryError,
} = require('internal/fetch/webidl');

const kInspect = Symbol.for('nodejs.util.inspect.custom');
const kConstruct = Symbol('kConstruct');

// Methods the Fetch standard upper-cases; any other spelling is sent as given.
const normalizedMethods = new Set(['DELETE', 'GET', 'HEAD', 'OPTIONS', 'POST', 'PUT']);
const forbiddenMethods = new Set(['CONNECT', 'TRACE', 'TRACK']);
const referrerPolicies = ['', 'no-referrer', 'no-referrer-when-downgrade', 'same-origin',
                          'origin', 'strict-origin', 'origin-when-cross-origin',
                          'strict-origin-when-cross-origin', 'unsafe-url'];
const modes = ['navigate', 'same-origin', 'no-cors', 'cors'];
const credentialsModes = ['omit', 'same-origin', 'include'];
const cacheModes = ['default', 'no-store', 'reload', 'no-cache', 'force-cache',
                    'only-if-cached'];
const redirectModes = ['follow', 'manual', 'error'];

let isRequest;
let stateOf;

function parseURL(input) {
  const { URL } = require('internal/url');
  try {
    return new URL(input);
  } catch (err) {
    throw new TypeError(`Failed to parse URL from ${input}`, { cause: err });
  }
}

// A signal that aborts when `source` does (with its reason), or a fresh one.
function followingSignal(source) {
  const { AbortController, AbortSignal } = require('internal/abort_controller');
  if (source === null || source === undefined) return new AbortController().signal;
  return AbortSignal.any([source]);
}

class Request {
  // { method, url, headers (HeaderList), body, referrer, referrerPolicy, mode, credentials,
  //   cache, redirect, integrity, keepalive, reloadNavigation, historyNavigation }
  #state;
  #headers;
  #signal;

  static {
    isRequest = (value) => isObjectLike(value) && #state in value;
    stateOf = (value) => (isRequest(value) ? value.#state : undefined);
  }

  constructor(input, init = undefined) {
    if (input === kConstruct) {
      this.#state = init.state;
      this.#headers = headersFromList(init.state.headers, 'request');
      this.#signal = init.signal;
      return;
    }
    if (arguments.length < 1) {
      throw webidlTypeError('Request constructor: 1 argument required, but 0 found.');
    }
    if (init !== undefined && init !== null && !isObjectLike(init)) {
      throw dictionaryError(init);
    }
    init ??= {};
    let request;
    let signal = null;
    const inputState = stateOf(input);
    if (inputState === undefined) {
      const urlString = toUSVString(input);
      const url = parseURL(urlString);
      if (url.username !== '' || url.password !== '') {
        throw webidlTypeError('Request cannot be constructed from a URL that includes ' +
                              `credentials: ${urlString}`);
      }
      request = {
        method: 'GET', url: url.href, headers: new HeaderList(), body: null,
        referrer: 'client', referrerPolicy: '', mode: 'cors', credentials: 'same-origin',
        cache: 'default', redirect: 'follow', integrity: '', keepalive: false,
        reloadNavigation: false, historyNavigation: false,
      };
    } else {
      request = { ...inputState, headers: inputState.headers.clone() };
      signal = input.#signal;
    }

    // Any RequestInit member resets the navigation-related state of a copied request.
    if (Object.keys(init).length > 0) {
      if (request.mode === 'navigate') request.mode = 'same-origin';
      request.reloadNavigation = false;
      request.historyNavigation = false;
      request.referrer = 'client';
      request.referrerPolicy = '';
    }
    if (init.referrer !== undefined) {
      const referrer = toUSVString(init.referrer);
      if (referrer === '') {
        request.referrer = 'no-referrer';
      } else {
        const parsed = parseURL(referrer);
        request.referrer = parsed.href === 'about:client' ? 'client' : parsed.href;
      }
    }
    if (init.referrerPolicy !== undefined) {
      request.referrerPolicy = toEnum(init.referrerPolicy, referrerPolicies);
    }
    if (init.mode !== undefined) {
      const mode = toEnum(init.mode, modes);
      if (mode === 'navigate') {
        throw webidlTypeError('Request constructor: invalid request mode navigate.');
      }
      request.mode = mode;
    }
    if (init.credentials !== undefined) {
      request.credentials = toEnum(init.credentials, credentialsModes);
    }
    if (init.cache !== undefined) {
      request.cache = toEnum(init.cache, cacheModes);
      if (request.cache === 'only-if-cached' && request.mode !== 'same-origin') {
        throw webidlTypeError(
          "'only-if-cached' can be set only with 'same-origin' mode");
      }
    }
    if (init.redirect !== undefined) {
      request.redirect = toEnum(init.redirect, redirectModes);
    }
    if (init.integrity != null) request.integrity = toDOMString(init.integrity);
    if (init.keepalive !== undefined) request.keepalive = !!init.keepalive;
    if (init.method !== undefined) {
      let method = toByteString(init.method);
      if (!isValidHeaderName(method)) {
        throw webidlTypeError(`'${method}' is not a valid HTTP method.`);
      }
      const upper = method.toUpperCase();
      if (forbiddenMethods.has(upper)) {
        throw webidlTypeError(`'${method}' HTTP method is unsupported.`);
      }
      if (normalizedMethods.has(upper)) method = upper;
      if (method === 'patch') {
        process.emitWarning('Using `patch` is highly likely to result in a `405 Method Not ' +
                            'Allowed`. `PATCH` is much more likely to succeed.',
                            { code: 'UNDICI-FETCH-patch' });
      }
      request.method = method;
    }
    if (init.signal !== undefined) {
      const { AbortSignal } = require('internal/abort_controller');
      if (init.signal !== null && !(init.signal instanceof AbortSignal)) {
        throw webidlTypeError(`RequestInit: Expected signal ("${stringify(init.signal)}") to ` +
                              'be an instance of AbortSignal.');
      }
      signal = init.signal;
    }
    this.#state = request;
    this.#signal = followingSignal(signal);

    if (init.headers !== undefined) {
      request.headers = new HeaderList();
      this.#headers = headersFromList(request.headers, 'request');
      fillHeaders(this.#headers, init.headers);
    } else {
      this.#headers = headersFromList(request.headers, 'request');
    }

    const inputBody = inputState === undefined ? null : inputState.body;
    if ((init.body != null || inputBody !== null) &&
        (request.method === 'GET' || request.method === 'HEAD')) {
      throw webidlTypeError('Request with GET/HEAD method cannot have body.');
    }
    let initBody = null;
    if (init.body != null) {
      const extracted = extractBody(init.body, request.keepalive);
      initBody = extracted.body;
      if (extracted.type !== null && !request.headers.has('content-type')) {
        request.headers.append('content-type', extracted.type);
      }
    }
    const body = initBody ?? inputBody;
    if (body !== null && body.source === null) {
      if (initBody !== null && init.duplex === undefined) {
        throw webidlTypeError('RequestInit: duplex option is required when sending a body.');
      }
      if (request.mode !== 'same-origin' && request.mode !== 'cors') {
        throw webidlTypeError(
          'If request is made from ReadableStream, mode should be "same-origin" or "cors"');
      }
    }
    if (init.duplex !== undefined) toEnum(init.duplex, ['half']);
    if (initBody === null && inputBody !== null) {
      // The body moves to the new request; the input is left used.
      if (isBodyUnusable(inputBody)) {
        throw webidlTypeError(
          'Cannot construct a Request with a Request object that has already been used.');
      }
      request.body = { ...inputBody };
      inputBody.used = true;
    } else {
      request.body = body;
    }
  }

  get method() {
    if (!isRequest(this)) throw illegalInvocation();
    return this.#state.method;
  }

  get url() {
    if (!isRequest(this)) throw illegalInvocation();
    return this.#state.url;
  }

  get headers() {
    if (!isRequest(this)) throw illegalInvocation();
    return this.#headers;
  }

  get destination() {
    if (!isRequest(this)) throw illegalInvocation();
    return '';
  }

  get referrer() {
    if (!isRequest(this)) throw illegalInvocation();
    const { referrer } = this.#state;
    if (referrer === 'no-referrer') return '';
    if (referrer === 'client') return 'about:client';
    return referrer;
  }

  get referrerPolicy() {
    if (!isRequest(this)) throw illegalInvocation();
    return this.#state.referrerPolicy;
  }

  get mode() {
    if (!isRequest(this)) throw illegalInvocation();
    return this.#state.mode;
  }

  get credentials() {
    if (!isRequest(this)) throw illegalInvocation();
    return this.#state.credentials;
  }

  get cache() {
    if (!isRequest(this)) throw illegalInvocation();
    return this.#state.cache;
  }

  get redirect() {
    if (!isRequest(this)) throw illegalInvocation();
    return this.#state.redirect;
  }

  get integrity() {
    if (!isRequest(this)) throw illegalInvocation();
    return this.#state.integrity;
  }

  get keepalive() {
    if (!isRequest(this)) throw illegalInvocation();
    return this.#state.keepalive;
  }

  get isReloadNavigation() {
    if (!isRequest(this)) throw illegalInvocation();
    return this.#state.reloadNavigation;
  }

  get isHistoryNavigation() {
    if (!isRequest(this)) throw illegalInvocation();
    return this.#state.historyNavigation;
  }

  get signal() {
    if (!isRequest(this)) throw illegalInvocation();
    return this.#signal;
  }

  [kInspect](depth, options) {
    // Shown at the caller's depth setting whatever the nesting, as Node's fetch does.
    const opts = { ...options, depth: options.depth ?? 2 };
    const shown = {
      method: this.method,
      url: this.url,
      headers: this.headers,
      destination: this.destination,
      referrer: this.referrer,
      referrerPolicy: this.referrerPolicy,
      mode: this.mode,
      credentials: this.credentials,
      cache: this.cache,
      redirect: this.redirect,
      integrity: this.integrity,
      keepalive: this.keepalive,
      isReloadNavigation: this.isReloadNavigation,
      isHistoryNavigation: this.isHistoryNavigation,
      signal: this.signal,
    };
    return `Request ${require('internal/util/inspect').inspect(shown, opts)}`;
  }
}

installBodyMixin(Request, stateOf, {
  get duplex() {
    if (!isRequest(this)) throw illegalInvocation();
    return 'half';
  },
  clone() {
    if (!isRequest(this)) throw illegalInvocation();
    const state = stateOf(this);
    if (isBodyUnusable(state.body)) {
      throw webidlTypeError('Request.clone: Body has already been consumed.');
    }
    return new Request(kConstruct, {
      state: { ...state, headers: state.headers.clone(), body: cloneBody(state.body) },
      signal: followingSignal(this.signal),
    });
  },
});

for (const name of ['method', 'url', 'headers', 'destination', 'referrer', 'referrerPolicy',
                    'mode', 'credentials', 'cache', 'redirect', 'integrity', 'keepalive',
                    'isReloadNavigation', 'isHistoryNavigation', 'signal']) {
  Object.defineProperty(Request.prototype, name, { enumerable: true });
}
Object.defineProperty(Request.prototype, Symbol.toStringTag, {
  value: 'Request', configurable: true,
});

module.exports = {
  Request,
  isRequest,
  requestState: stateOf,
};
