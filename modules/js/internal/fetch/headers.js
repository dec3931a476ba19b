'use strict';
// Headers (WHATWG Fetch): a header list with Web IDL validation, case-insensitive names,
// sorted and combined iteration (Set-Cookie kept apart), and a guard that makes the
// headers of responses from fetch() and Response.error()/redirect() immutable. Also the
// internal helpers Request, Response and fetch() use to read and fill a header list
// without going through the public (validating, guard-checking) methods.

const { webidlTypeError, illegalInvocation, toByteString, isObjectLike } =
  require('internal/fetch/webidl');

const kInspect = Symbol.for('nodejs.util.inspect.custom');

// RFC 9110 token characters: what a header name may contain.
const tokenRe = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
// A value may not hold NUL, CR or LF once its surrounding whitespace is gone.
const invalidValueRe = /[\0\r\n]/;
// HTTP whitespace, stripped from both ends of a value before it is stored.
const leadingWs = /^[\t\n\r ]+/;
const trailingWs = /[\t\n\r ]+$/;

/** Whether `name` is a valid header name (an RFC 9110 token). */
function isValidHeaderName(name) {
  return tokenRe.test(name);
}

/** Strips HTTP whitespace from both ends, as the Fetch standard normalises values. */
function normalizeValue(value) {
  return value.replace(leadingWs, '').replace(trailingWs, '');
}

/**
 * The list behind a Headers object: lower-cased names map to the first spelling seen (for
 * inspect, as Node shows them) and the combined value; Set-Cookie values stay separate
 * because they must never be joined.
 */
class HeaderList {
  constructor() {
    this.map = new Map();
    this.cookies = null;
    this.sorted = null;
  }

  append(name, value) {
    const key = name.toLowerCase();
    this.sorted = null;
    const entry = this.map.get(key);
    if (entry === undefined) {
      this.map.set(key, { name, value });
    } else {
      entry.value += (key === 'cookie' ? '; ' : ', ') + value;
    }
    if (key === 'set-cookie') (this.cookies ??= []).push(value);
  }

  set(name, value) {
    const key = name.toLowerCase();
    this.sorted = null;
    const entry = this.map.get(key);
    if (entry === undefined) this.map.set(key, { name, value });
    else entry.value = value;
    if (key === 'set-cookie') this.cookies = [value];
  }

  delete(name) {
    const key = name.toLowerCase();
    if (!this.map.has(key)) return;
    this.sorted = null;
    this.map.delete(key);
    if (key === 'set-cookie') this.cookies = null;
  }

  get(name) {
    const entry = this.map.get(name.toLowerCase());
    return entry === undefined ? null : entry.value;
  }

  has(name) {
    return this.map.has(name.toLowerCase());
  }

  /** The "sort and combine" list: names lower-cased in order, Set-Cookie values apart. */
  sortedEntries() {
    if (this.sorted !== null) return this.sorted;
    const keys = [...this.map.keys()].sort();
    const out = [];
    for (const key of keys) {
      if (key === 'set-cookie') {
        for (const value of this.cookies) out.push([key, value]);
      } else {
        out.push([key, this.map.get(key).value]);
      }
    }
    this.sorted = out;
    return out;
  }

  /** A copy, for clone() and for requests built from other requests. */
  clone() {
    const copy = new HeaderList();
    for (const [key, { name, value }] of this.map) copy.map.set(key, { name, value });
    if (this.cookies !== null) copy.cookies = [...this.cookies];
    return copy;
  }
}

let isHeaders;
let headersListOf;
let guardOf;
let setListAndGuard;

class Headers {
  #list = new HeaderList();
  // 'none', 'request', 'request-no-cors', 'response' or 'immutable'.
  #guard = 'none';

  static {
    isHeaders = (value) => isObjectLike(value) && #list in value;
    headersListOf = (headers) => headers.#list;
    guardOf = (headers) => headers.#guard;
    setListAndGuard = (headers, list, guard) => {
      headers.#list = list;
      headers.#guard = guard;
    };
  }

  constructor(init = undefined) {
    if (init !== undefined) fillHeaders(this, init, 'Headers constructor');
  }

  append(name, value) {
    if (!isHeaders(this)) throw illegalInvocation();
    requireArgs(arguments.length, 2, 'Headers.append');
    appendChecked(this, toByteString(name), toByteString(value), 'Headers.append');
  }

  delete(name) {
    if (!isHeaders(this)) throw illegalInvocation();
    requireArgs(arguments.length, 1, 'Headers.delete');
    name = toByteString(name);
    if (!isValidHeaderName(name)) {
      throw webidlTypeError(`Headers.delete: "${name}" is an invalid header name.`);
    }
    if (this.#guard === 'immutable') throw new TypeError('immutable');
    this.#list.delete(name);
  }

  get(name) {
    if (!isHeaders(this)) throw illegalInvocation();
    requireArgs(arguments.length, 1, 'Headers.get');
    name = toByteString(name);
    if (!isValidHeaderName(name)) {
      throw webidlTypeError(`Headers.get: "${name}" is an invalid header name.`);
    }
    return this.#list.get(name);
  }

  has(name) {
    if (!isHeaders(this)) throw illegalInvocation();
    requireArgs(arguments.length, 1, 'Headers.has');
    name = toByteString(name);
    if (!isValidHeaderName(name)) {
      throw webidlTypeError(`Headers.has: "${name}" is an invalid header name.`);
    }
    return this.#list.has(name);
  }

  set(name, value) {
    if (!isHeaders(this)) throw illegalInvocation();
    requireArgs(arguments.length, 2, 'Headers.set');
    name = toByteString(name);
    value = normalizeValue(toByteString(value));
    if (!isValidHeaderName(name)) {
      throw webidlTypeError(`Headers.set: "${name}" is an invalid header name.`);
    }
    if (invalidValueRe.test(value)) {
      throw webidlTypeError(`Headers.set: "${value}" is an invalid header value.`);
    }
    if (this.#guard === 'immutable') throw new TypeError('immutable');
    this.#list.set(name, value);
  }

  getSetCookie() {
    if (!isHeaders(this)) throw illegalInvocation();
    const cookies = this.#list.cookies;
    return cookies === null ? [] : [...cookies];
  }

  keys() {
    if (!isHeaders(this)) throw illegalInvocation();
    return createIterator(this.#list, 'key');
  }

  values() {
    if (!isHeaders(this)) throw illegalInvocation();
    return createIterator(this.#list, 'value');
  }

  entries() {
    if (!isHeaders(this)) throw illegalInvocation();
    return createIterator(this.#list, 'key+value');
  }

  forEach(callback, thisArg = undefined) {
    if (!isHeaders(this)) throw illegalInvocation();
    requireArgs(arguments.length, 1, 'Headers.forEach');
    if (typeof callback !== 'function') {
      throw webidlTypeError(
        "Failed to execute 'forEach' on 'Headers': parameter 1 is not of type 'Function'.");
    }
    // Live iteration, as Web IDL's: the list is re-read after every callback.
    for (let i = 0; i < this.#list.sortedEntries().length; i++) {
      const [key, value] = this.#list.sortedEntries()[i];
      Reflect.apply(callback, thisArg, [value, key, this]);
    }
  }

  [kInspect](depth, options) {
    const shown = {};
    for (const { name, value } of this.#list.map.values()) shown[name] = value;
    // Shown whatever the nesting depth, as Node's fetch does.
    const opts = { ...options };
    return `Headers ${require('internal/util/inspect').inspect(shown, opts)}`;
  }
}

function requireArgs(length, required, prefix) {
  if (length < required) {
    throw webidlTypeError(`${prefix}: ${required} argument${required > 1 ? 's' : ''} required, ` +
                         `but${length > 0 ? ' only' : ''} ${length} found.`);
  }
}

// The append steps: validate, check the guard, then add.
function appendChecked(headers, name, value, prefix) {
  value = normalizeValue(value);
  if (!isValidHeaderName(name)) {
    throw webidlTypeError(`${prefix}: "${name}" is an invalid header name.`);
  }
  if (invalidValueRe.test(value)) {
    throw webidlTypeError(`${prefix}: "${value}" is an invalid header value.`);
  }
  if (guardOf(headers) === 'immutable') throw new TypeError('immutable');
  headersListOf(headers).append(name, value);
}

/** Fills `headers` from a HeadersInit (record, sequence of pairs, or Headers). */
function fillHeaders(headers, init, prefix = 'Headers constructor') {
  if (!isObjectLike(init)) {
    throw webidlTypeError(`${prefix}: Argument 1 could not be converted to one of: ` +
                          'sequence<sequence<ByteString>>, record<ByteString, ByteString>.');
  }
  if (isHeaders(init)) {
    for (const [name, value] of headersListOf(init).sortedEntries()) {
      appendChecked(headers, name, value, 'Headers.append');
    }
    return;
  }
  const iterator = init[Symbol.iterator];
  if (iterator !== undefined && iterator !== null) {
    if (typeof iterator !== 'function') {
      throw webidlTypeError(`${prefix}: Argument 1 could not be converted to one of: ` +
                            'sequence<sequence<ByteString>>, record<ByteString, ByteString>.');
    }
    // Converted fully first (Web IDL sequence<sequence<ByteString>>), then appended.
    const pairs = [];
    for (const pair of Reflect.apply(iterator, init, [])) {
      if (!isObjectLike(pair) || typeof pair[Symbol.iterator] !== 'function') {
        throw webidlTypeError(`${prefix}: Argument 1 could not be converted to one of: ` +
                              'sequence<sequence<ByteString>>, record<ByteString, ByteString>.');
      }
      const items = [...pair].map(toByteString);
      if (items.length !== 2) {
        throw webidlTypeError(
          `${prefix}: expected name/value pair to be length 2, found ${items.length}.`);
      }
      pairs.push(items);
    }
    for (const [name, value] of pairs) appendChecked(headers, name, value, 'Headers.append');
    return;
  }
  // record<ByteString, ByteString> as Node's fetch converts it: every own key of a plain
  // object (enumerable or not; a symbol fails), only enumerable ones of a Proxy, and a
  // later key of the same name replacing the earlier value.
  const { isProxy } = require('internal/util/types');
  const record = new Map();
  for (const key of Reflect.ownKeys(init)) {
    if (isProxy(init)) {
      const desc = Reflect.getOwnPropertyDescriptor(init, key);
      if (desc === undefined || !desc.enumerable) continue;
    }
    if (typeof key === 'symbol') {
      throw webidlTypeError(`${prefix}: Key ${String(key)} in init is a symbol, which cannot ` +
                            'be converted to a ByteString.');
    }
    record.set(toByteString(key), toByteString(init[key]));
  }
  const pairs = [...record];
  for (const [name, value] of pairs) appendChecked(headers, name, value, 'Headers.append');
}

// --- iterator ----------------------------------------------------------------------------
const iteratorPrototype = Object.create(
  Object.getPrototypeOf(Object.getPrototypeOf([][Symbol.iterator]())), {
    next: {
      value: function next() {
        const state = this?.[kIteratorState];
        if (state === undefined) {
          throw webidlTypeError("'next' called on an object that does not implement " +
                                'interface Headers Iterator.');
        }
        const entries = state.list.sortedEntries();
        if (state.index >= entries.length) return { value: undefined, done: true };
        const [key, value] = entries[state.index++];
        if (state.kind === 'key') return { value: key, done: false };
        if (state.kind === 'value') return { value, done: false };
        return { value: [key, value], done: false };
      },
      writable: true, enumerable: true, configurable: true,
    },
    [Symbol.toStringTag]: { value: 'Headers Iterator', configurable: true },
  });
const kIteratorState = Symbol('kIteratorState');

function createIterator(list, kind) {
  const it = Object.create(iteratorPrototype);
  it[kIteratorState] = { list, kind, index: 0 };
  return it;
}

for (const name of ['append', 'delete', 'get', 'has', 'set', 'getSetCookie', 'keys', 'values',
                    'entries', 'forEach']) {
  Object.defineProperty(Headers.prototype, name, { enumerable: true });
}
Object.defineProperty(Headers.prototype, Symbol.iterator, {
  value: Headers.prototype.entries, writable: true, enumerable: false, configurable: true,
});
Object.defineProperty(Headers.prototype, Symbol.toStringTag, {
  value: 'Headers', configurable: true,
});

/** A Headers object over `list` (shared, not copied) with the given guard. */
function headersFromList(list, guard) {
  const headers = new Headers();
  setListAndGuard(headers, list, guard);
  return headers;
}

module.exports = {
  Headers,
  HeaderList,
  isHeaders,
  fillHeaders,
  headersListOf,
  headersFromList,
  isValidHeaderName,
};
