'use strict';
// The WHATWG URL API: `URL` and `URLSearchParams` (also globals), and the file-URL and
// domain helpers of `node:url`. Parsing and the setters' rules are the URL Standard's, run
// natively by internalBinding('url'); a URL keeps its parsed components here, in JS.
// URLSearchParams is plain JS: the application/x-www-form-urlencoded parser and serializer.

const {
  codes: {
    ERR_ARG_NOT_ITERABLE,
    ERR_INVALID_ARG_TYPE,
    ERR_INVALID_ARG_VALUE,
    ERR_INVALID_FILE_URL_HOST,
    ERR_INVALID_FILE_URL_PATH,
    ERR_INVALID_THIS,
    ERR_INVALID_TUPLE,
    ERR_INVALID_URL,
    ERR_INVALID_URL_SCHEME,
    ERR_METHOD_NOT_IMPLEMENTED,
    ERR_MISSING_ARGS,
  },
} = require('internal/errors');
const { validateFunction, validateObject } = require('internal/validators');
const { encodeStr, hexTable } = require('internal/querystring');
const binding = internalBinding('url');

let lazyInspect;
function inspectModule() {
  lazyInspect ??= require('internal/util/inspect');
  return lazyInspect;
}

// Indexes into the components array the binding returns.
const HREF = 0;
const ORIGIN = 1;
const PROTOCOL = 2;
const USERNAME = 3;
const PASSWORD = 4;
const HOST = 5;
const HOSTNAME = 6;
const PORT = 7;
const PATHNAME = 8;
const SEARCH = 9;
const HASH = 10;

const customInspect = Symbol.for('nodejs.util.inspect.custom');
const kEnumerableProperty = { __proto__: null, enumerable: true };

// --- application/x-www-form-urlencoded -----------------------------------------------------

// Bytes the form serializer leaves as they are: ASCII alphanumerics and `*-._`.
const formNoEscape = new Int8Array(128);
for (let c = 0; c < 128; c++) {
  const ch = String.fromCharCode(c);
  if (/[A-Za-z0-9*\-._]/.test(ch)) formNoEscape[c] = 1;
}
// As `hexTable`, but a space becomes `+`.
const formHexTable = hexTable.slice();
formHexTable[0x20] = '+';

let utf8Codec;
function utf8() {
  if (utf8Codec === undefined) {
    const { TextEncoder, TextDecoder } = require('internal/encoding');
    utf8Codec = { encoder: new TextEncoder(), decoder: new TextDecoder() };
  }
  return utf8Codec;
}

function hexValue(code) {
  if (code >= 0x30 && code <= 0x39) return code - 0x30;
  const lower = code | 0x20;
  if (lower >= 0x61 && lower <= 0x66) return lower - 0x61 + 10;
  return -1;
}

// The standard's percent-decode followed by UTF-8 decode without BOM, with replacement.
function percentDecode(str) {
  if (!str.includes('%')) return str;
  const { encoder, decoder } = utf8();
  const bytes = encoder.encode(str);
  const out = new Uint8Array(bytes.length);
  let length = 0;
  for (let i = 0; i < bytes.length; i++) {
    const byte = bytes[i];
    if (byte === 0x25 && i + 2 < bytes.length &&
        hexValue(bytes[i + 1]) !== -1 && hexValue(bytes[i + 2]) !== -1) {
      out[length++] = hexValue(bytes[i + 1]) * 16 + hexValue(bytes[i + 2]);
      i += 2;
    } else {
      out[length++] = byte;
    }
  }
  return decoder.decode(out.subarray(0, length));
}

// Parses a query string into a flat [name, value, name, value, …] list.
function parseParams(query) {
  const list = [];
  for (const sequence of query.split('&')) {
    if (sequence === '') continue;
    const eq = sequence.indexOf('=');
    let name = eq === -1 ? sequence : sequence.slice(0, eq);
    let value = eq === -1 ? '' : sequence.slice(eq + 1);
    name = percentDecode(name.replaceAll('+', ' '));
    value = percentDecode(value.replaceAll('+', ' '));
    list.push(name, value);
  }
  return list;
}

function serializeParams(list) {
  let out = '';
  for (let i = 0; i < list.length; i += 2) {
    if (i !== 0) out += '&';
    out += encodeStr(list[i], formNoEscape, formHexTable) + '=' +
      encodeStr(list[i + 1], formNoEscape, formHexTable);
  }
  return out;
}

function toUSVString(value) {
  return `${value}`.toWellFormed();
}

// --- URLSearchParams -----------------------------------------------------------------------

// Set by URL's static block: writes a URLSearchParams' serialization into its URL.
let setSearchFromParams;

function throwUnlessParams(self) {
  if (typeof self !== 'object' || self === null || !isURLSearchParams(self)) {
    throw new ERR_INVALID_THIS('URLSearchParams');
  }
}

let isURLSearchParams;
let paramsList;
let attachParamsToURL;
let replaceParamsList;

class URLSearchParams {
  #list = [];
  #url = null;

  constructor(init = undefined) {
    if (init == null) return;
    if (typeof init === 'object' || typeof init === 'function') {
      const method = init[Symbol.iterator];
      if (method === this[Symbol.iterator] && #list in init) {
        this.#list = init.#list.slice();
      } else if (method != null) {
        if (typeof method !== 'function') throw new ERR_ARG_NOT_ITERABLE('Query pairs');
        for (const pair of init) {
          if (pair == null) {
            throw new ERR_INVALID_TUPLE('Each query pair', '[name, value]');
          } else if (Array.isArray(pair)) {
            if (pair.length !== 2) throw new ERR_INVALID_TUPLE('Each query pair', '[name, value]');
            this.#list.push(toUSVString(pair[0]), toUSVString(pair[1]));
          } else {
            if ((typeof pair !== 'object' && typeof pair !== 'function') ||
                typeof pair[Symbol.iterator] !== 'function') {
              throw new ERR_INVALID_TUPLE('Each query pair', '[name, value]');
            }
            let length = 0;
            for (const element of pair) {
              length++;
              this.#list.push(toUSVString(element));
            }
            if (length !== 2) throw new ERR_INVALID_TUPLE('Each query pair', '[name, value]');
          }
        }
      } else {
        // A record: own enumerable keys; keys equal after USV conversion keep the last value.
        const seen = new Map();
        for (const key of Reflect.ownKeys(init)) {
          const desc = Reflect.getOwnPropertyDescriptor(init, key);
          if (desc !== undefined && desc.enumerable) {
            seen.set(toUSVString(key), toUSVString(init[key]));
          }
        }
        for (const [key, value] of seen) this.#list.push(key, value);
      }
    } else {
      let query = toUSVString(init);
      if (query[0] === '?') query = query.slice(1);
      this.#list = parseParams(query);
    }
  }

  static {
    isURLSearchParams = (value) => #list in value;
    paramsList = (params) => params.#list;
    attachParamsToURL = (params, url) => { params.#url = url; };
    replaceParamsList = (params, query) => {
      params.#list = query ? parseParams(query) : [];
    };
  }

  #update() {
    if (this.#url !== null) setSearchFromParams(this.#url, serializeParams(this.#list));
  }

  [customInspect](recurseTimes, ctx) {
    throwUnlessParams(this);
    if (typeof recurseTimes === 'number' && recurseTimes < 0) {
      return ctx.stylize('[Object]', 'special');
    }
    const { inspect, stripVTControlCharacters } = inspectModule();
    const innerOpts = { ...ctx };
    if (recurseTimes !== null) innerOpts.depth = recurseTimes - 1;
    const output = [];
    for (let i = 0; i < this.#list.length; i += 2) {
      output.push(`${inspect(this.#list[i], innerOpts)} => ${inspect(this.#list[i + 1], innerOpts)}`);
    }
    const separator = ', ';
    const length = output.reduce(
      (total, entry) => total + stripVTControlCharacters(entry).length + separator.length,
      -separator.length);
    const name = this.constructor.name;
    if (length > ctx.breakLength) return `${name} {\n  ${output.join(',\n  ')} }`;
    if (output.length) return `${name} { ${output.join(separator)} }`;
    return `${name} {}`;
  }

  get size() {
    throwUnlessParams(this);
    return this.#list.length / 2;
  }

  append(name, value) {
    throwUnlessParams(this);
    if (arguments.length < 2) throw new ERR_MISSING_ARGS('name', 'value');
    this.#list.push(toUSVString(name), toUSVString(value));
    this.#update();
  }

  delete(name, value = undefined) {
    throwUnlessParams(this);
    if (arguments.length < 1) throw new ERR_MISSING_ARGS('name');
    name = toUSVString(name);
    const list = this.#list;
    const kept = [];
    if (value !== undefined) {
      value = toUSVString(value);
      for (let i = 0; i < list.length; i += 2) {
        if (list[i] !== name || list[i + 1] !== value) kept.push(list[i], list[i + 1]);
      }
    } else {
      for (let i = 0; i < list.length; i += 2) {
        if (list[i] !== name) kept.push(list[i], list[i + 1]);
      }
    }
    list.length = 0;
    list.push(...kept);
    this.#update();
  }

  get(name) {
    throwUnlessParams(this);
    if (arguments.length < 1) throw new ERR_MISSING_ARGS('name');
    name = toUSVString(name);
    const list = this.#list;
    for (let i = 0; i < list.length; i += 2) {
      if (list[i] === name) return list[i + 1];
    }
    return null;
  }

  getAll(name) {
    throwUnlessParams(this);
    if (arguments.length < 1) throw new ERR_MISSING_ARGS('name');
    name = toUSVString(name);
    const list = this.#list;
    const values = [];
    for (let i = 0; i < list.length; i += 2) {
      if (list[i] === name) values.push(list[i + 1]);
    }
    return values;
  }

  has(name, value = undefined) {
    throwUnlessParams(this);
    if (arguments.length < 1) throw new ERR_MISSING_ARGS('name');
    name = toUSVString(name);
    if (value !== undefined) value = toUSVString(value);
    const list = this.#list;
    for (let i = 0; i < list.length; i += 2) {
      if (list[i] === name && (value === undefined || list[i + 1] === value)) return true;
    }
    return false;
  }

  set(name, value) {
    throwUnlessParams(this);
    if (arguments.length < 2) throw new ERR_MISSING_ARGS('name', 'value');
    name = toUSVString(name);
    value = toUSVString(value);
    const list = this.#list;
    let found = false;
    const next = [];
    for (let i = 0; i < list.length; i += 2) {
      if (list[i] !== name) {
        next.push(list[i], list[i + 1]);
      } else if (!found) {
        found = true;
        next.push(name, value);
      }
    }
    if (!found) next.push(name, value);
    list.length = 0;
    list.push(...next);
    this.#update();
  }

  sort() {
    throwUnlessParams(this);
    const list = this.#list;
    const pairs = [];
    for (let i = 0; i < list.length; i += 2) pairs.push([list[i], list[i + 1]]);
    // Array sort is stable; `<` compares UTF-16 code units, as the standard asks.
    pairs.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
    list.length = 0;
    for (const [name, value] of pairs) list.push(name, value);
    this.#update();
  }

  entries() {
    throwUnlessParams(this);
    return createParamsIterator(this, 'key+value');
  }

  forEach(callback, thisArg = undefined) {
    throwUnlessParams(this);
    validateFunction(callback, 'callback');
    // The list is read afresh each round: the callback may change it.
    for (let i = 0; i < this.#list.length; i += 2) {
      const list = this.#list;
      callback.call(thisArg, list[i + 1], list[i], this);
    }
  }

  keys() {
    throwUnlessParams(this);
    return createParamsIterator(this, 'key');
  }

  values() {
    throwUnlessParams(this);
    return createParamsIterator(this, 'value');
  }

  toString() {
    throwUnlessParams(this);
    return serializeParams(this.#list);
  }
}

Object.defineProperties(URLSearchParams.prototype, {
  append: kEnumerableProperty,
  delete: kEnumerableProperty,
  get: kEnumerableProperty,
  getAll: kEnumerableProperty,
  has: kEnumerableProperty,
  set: kEnumerableProperty,
  size: kEnumerableProperty,
  sort: kEnumerableProperty,
  entries: kEnumerableProperty,
  forEach: kEnumerableProperty,
  keys: kEnumerableProperty,
  values: kEnumerableProperty,
  toString: kEnumerableProperty,
  [Symbol.toStringTag]: { __proto__: null, configurable: true, value: 'URLSearchParams' },
  [Symbol.iterator]: {
    __proto__: null, configurable: true, writable: true,
    value: URLSearchParams.prototype.entries,
  },
});

// --- URLSearchParams Iterator --------------------------------------------------------------

const IteratorPrototype = Object.getPrototypeOf(Object.getPrototypeOf([][Symbol.iterator]()));

class URLSearchParamsIterator {
  #target;
  #kind;
  #index = 0;

  constructor(target, kind) {
    this.#target = target;
    this.#kind = kind;
  }

  next() {
    if (typeof this !== 'object' || this === null || !(#target in this)) {
      throw new ERR_INVALID_THIS('URLSearchParamsIterator');
    }
    const list = paramsList(this.#target);
    const index = this.#index;
    if (index >= list.length) return { value: undefined, done: true };
    this.#index = index + 2;
    const name = list[index];
    const value = list[index + 1];
    const result = this.#kind === 'key' ? name : this.#kind === 'value' ? value : [name, value];
    return { value: result, done: false };
  }

  [customInspect](recurseTimes, ctx) {
    if (typeof this !== 'object' || this === null || !(#target in this)) {
      throw new ERR_INVALID_THIS('URLSearchParamsIterator');
    }
    if (typeof recurseTimes === 'number' && recurseTimes < 0) {
      return ctx.stylize('[Object]', 'special');
    }
    const { inspect } = inspectModule();
    const innerOpts = { ...ctx };
    if (recurseTimes !== null) innerOpts.depth = recurseTimes - 1;
    const list = paramsList(this.#target);
    const remaining = [];
    for (let i = this.#index; i < list.length; i += 2) {
      if (this.#kind === 'key') remaining.push(list[i]);
      else if (this.#kind === 'value') remaining.push(list[i + 1]);
      else remaining.push([list[i], list[i + 1]]);
    }
    const breakLines = inspect(remaining, innerOpts).includes('\n');
    const parts = remaining.map((entry) => inspect(entry, innerOpts));
    const body = breakLines ? `\n  ${parts.join(',\n  ')}` : ` ${parts.join(', ')}`;
    return `${this[Symbol.toStringTag]} {${body} }`;
  }
}

Object.setPrototypeOf(URLSearchParamsIterator.prototype, IteratorPrototype);
Object.defineProperties(URLSearchParamsIterator.prototype, {
  next: kEnumerableProperty,
  [Symbol.toStringTag]: { __proto__: null, configurable: true, value: 'URLSearchParams Iterator' },
});

function createParamsIterator(params, kind) {
  return new URLSearchParamsIterator(params, kind);
}

// --- URL -----------------------------------------------------------------------------------

// The constructor's error: Node's binding throws a plain TypeError (no code in its name)
// carrying code, input and base.
function invalidURLError(input, base) {
  const err = new TypeError('Invalid URL');
  err.code = 'ERR_INVALID_URL';
  err.input = input;
  if (base !== undefined) err.base = base;
  return err;
}

// Passed as `input` by URL.parse to hand over components it has already parsed.
const kAdoptComponents = Symbol('kAdoptComponents');

class URL {
  #context;
  #searchParams;

  constructor(input, base = undefined) {
    if (arguments.length === 0) throw new ERR_MISSING_ARGS('url');
    if (input === kAdoptComponents) {
      this.#context = base;
      return;
    }
    input = `${input}`;
    if (base !== undefined) base = `${base}`;
    const components = binding.parse(input, base);
    if (components === undefined) throw invalidURLError(input, base);
    this.#context = components;
  }

  static {
    setSearchFromParams = (url, query) => {
      const components = binding.update(url.#context[HREF], 'search', query);
      if (components !== undefined) url.#context = components;
    };
  }

  static parse(input, base = undefined) {
    if (arguments.length === 0) throw new ERR_MISSING_ARGS('url');
    input = `${input}`;
    if (base !== undefined) base = `${base}`;
    const components = binding.parse(input, base);
    return components === undefined ? null : new URL(kAdoptComponents, components);
  }

  static canParse(url, base = undefined) {
    if (arguments.length === 0) throw new ERR_MISSING_ARGS('url');
    url = `${url}`;
    if (base !== undefined) base = `${base}`;
    return binding.canParse(url, base);
  }

  static createObjectURL(obj) {
    const { Blob } = globalThis;
    if (typeof Blob !== 'function' || !(obj instanceof Blob)) {
      throw new ERR_INVALID_ARG_TYPE('obj', 'Blob', obj);
    }
    throw new ERR_METHOD_NOT_IMPLEMENTED('createObjectURL()');
  }

  static revokeObjectURL(url) {
    if (arguments.length === 0) throw new ERR_MISSING_ARGS('url');
    // Without a blob registry no URL was ever handed out, so there is nothing to revoke.
  }

  // toString, toJSON and the href and search getters read through a private method, the
  // rest read the field: on a foreign receiver each then fails with Node's own message
  // ("Receiver must be an instance of class URL" or "Cannot read private member").
  #ctx() {
    return this.#context;
  }

  // Runs one setter on `href` (the current one, read by the caller).
  #update(href, component, value) {
    const components = binding.update(href, component, value);
    if (components === undefined) return false;
    this.#context = components;
    if (this.#searchParams !== undefined) {
      replaceParamsList(this.#searchParams, components[SEARCH].slice(1));
    }
    return true;
  }

  [customInspect](depth, opts) {
    if (typeof depth === 'number' && depth < 0) return this;
    const ctor = getConstructorOf(this) ?? URL;
    const obj = { __proto__: { constructor: ctor } };
    obj.href = this.href;
    obj.origin = this.origin;
    obj.protocol = this.protocol;
    obj.username = this.username;
    obj.password = this.password;
    obj.host = this.host;
    obj.hostname = this.hostname;
    obj.port = this.port;
    obj.pathname = this.pathname;
    obj.search = this.search;
    obj.searchParams = this.searchParams;
    obj.hash = this.hash;
    if (opts.showHidden) obj[Symbol('context')] = this.#context;
    return `${ctor.name} ${inspectModule().inspect(obj, opts)}`;
  }

  toString() {
    return this.#ctx()[HREF];
  }

  get href() {
    return this.#ctx()[HREF];
  }

  set href(value) {
    value = `${value}`;
    const href = this.#context[HREF];
    if (!this.#update(href, 'href', value)) throw new ERR_INVALID_URL(value);
  }

  get origin() {
    return this.#context[ORIGIN];
  }

  get protocol() {
    return this.#context[PROTOCOL];
  }

  set protocol(value) {
    const href = this.#context[HREF];
    this.#update(href, 'protocol', `${value}`);
  }

  get username() {
    return this.#context[USERNAME];
  }

  set username(value) {
    const href = this.#context[HREF];
    this.#update(href, 'username', `${value}`);
  }

  get password() {
    return this.#context[PASSWORD];
  }

  set password(value) {
    const href = this.#context[HREF];
    this.#update(href, 'password', `${value}`);
  }

  get host() {
    return this.#context[HOST];
  }

  set host(value) {
    const href = this.#context[HREF];
    this.#update(href, 'host', `${value}`);
  }

  get hostname() {
    return this.#context[HOSTNAME];
  }

  set hostname(value) {
    const href = this.#context[HREF];
    this.#update(href, 'hostname', `${value}`);
  }

  get port() {
    return this.#context[PORT];
  }

  set port(value) {
    const href = this.#context[HREF];
    this.#update(href, 'port', `${value}`);
  }

  get pathname() {
    return this.#context[PATHNAME];
  }

  set pathname(value) {
    const href = this.#context[HREF];
    this.#update(href, 'pathname', `${value}`);
  }

  get search() {
    return this.#ctx()[SEARCH];
  }

  set search(value) {
    const href = this.#context[HREF];
    this.#update(href, 'search', toUSVString(value));
  }

  get searchParams() {
    if (this.#searchParams === undefined) {
      this.#searchParams = new URLSearchParams(this.#context[SEARCH]);
      attachParamsToURL(this.#searchParams, this);
    }
    return this.#searchParams;
  }

  get hash() {
    return this.#context[HASH];
  }

  set hash(value) {
    const href = this.#context[HREF];
    this.#update(href, 'hash', `${value}`);
  }

  toJSON() {
    return this.#ctx()[HREF];
  }
}

Object.defineProperties(URL.prototype, {
  [Symbol.toStringTag]: { __proto__: null, configurable: true, value: 'URL' },
  toString: kEnumerableProperty,
  href: kEnumerableProperty,
  origin: kEnumerableProperty,
  protocol: kEnumerableProperty,
  username: kEnumerableProperty,
  password: kEnumerableProperty,
  host: kEnumerableProperty,
  hostname: kEnumerableProperty,
  port: kEnumerableProperty,
  pathname: kEnumerableProperty,
  search: kEnumerableProperty,
  searchParams: kEnumerableProperty,
  hash: kEnumerableProperty,
  toJSON: kEnumerableProperty,
});

Object.defineProperties(URL, {
  parse: kEnumerableProperty,
  canParse: kEnumerableProperty,
  createObjectURL: kEnumerableProperty,
  revokeObjectURL: kEnumerableProperty,
});

function getConstructorOf(obj) {
  while (obj) {
    const desc = Object.getOwnPropertyDescriptor(obj, 'constructor');
    if (desc !== undefined && typeof desc.value === 'function' && desc.value.name !== '') {
      return desc.value;
    }
    obj = Object.getPrototypeOf(obj);
  }
  return null;
}

// A URL, or an object shaped like one (Node's duck typing for file-URL arguments).
function isURL(self) {
  return Boolean(self?.href && self.protocol && self.auth === undefined && self.path === undefined);
}

// --- domains -------------------------------------------------------------------------------

function domainToASCII(domain) {
  if (arguments.length < 1) throw new ERR_MISSING_ARGS('domain');
  return binding.domainToASCII(`${domain}`);
}

function domainToUnicode(domain) {
  if (arguments.length < 1) throw new ERR_MISSING_ARGS('domain');
  return binding.domainToUnicode(`${domain}`);
}

// --- file URLs -----------------------------------------------------------------------------

function getPathFromURLPosix(url) {
  if (url.hostname !== '') throw new ERR_INVALID_FILE_URL_HOST(process.platform);
  const pathname = url.pathname;
  for (let n = 0; n < pathname.length; n++) {
    if (pathname[n] === '%' && pathname[n + 1] === '2' &&
        (pathname.codePointAt(n + 2) | 0x20) === 0x66) {
      throw new ERR_INVALID_FILE_URL_PATH('must not include encoded / characters', url);
    }
  }
  return decodeURIComponent(pathname);
}

function getPathFromURLWin32(url) {
  const hostname = url.hostname;
  let pathname = url.pathname;
  for (let n = 0; n < pathname.length; n++) {
    if (pathname[n] === '%') {
      const third = pathname.codePointAt(n + 2) | 0x20;
      if ((pathname[n + 1] === '2' && third === 0x66) ||
          (pathname[n + 1] === '5' && third === 0x63)) {
        throw new ERR_INVALID_FILE_URL_PATH('must not include encoded \\ or / characters', url);
      }
    }
  }
  pathname = decodeURIComponent(pathname.replaceAll('/', '\\'));
  if (hostname !== '') return `\\\\${domainToUnicode(hostname)}${pathname}`;
  const letter = pathname.codePointAt(1) | 0x20;
  if (letter < 0x61 || letter > 0x7a || pathname[2] !== ':') {
    throw new ERR_INVALID_FILE_URL_PATH('must be absolute', url);
  }
  return pathname.slice(1);
}

function fileURLToPath(path, options = undefined) {
  const windows = options?.windows;
  if (typeof path === 'string') path = new URL(path);
  else if (!isURL(path)) throw new ERR_INVALID_ARG_TYPE('path', ['string', 'URL'], path);
  if (path.protocol !== 'file:') throw new ERR_INVALID_URL_SCHEME('file');
  return (windows ?? process.platform === 'win32') ?
    getPathFromURLWin32(path) : getPathFromURLPosix(path);
}

// `fileURLToPath`, but the path's bytes as they are percent-encoded, in a Buffer.
function fileURLToPathBuffer(path, options = undefined) {
  const text = fileURLToPath(path, options);
  return globalThis.Buffer.from(text);
}

// Characters pathToFileURL escapes beyond the URL parser's own path set: everything the
// parser would read as syntax, the percent sign itself, and the ASCII Node always escapes.
function encodePathChars(filepath, windows) {
  let out = '';
  for (const ch of filepath.toWellFormed()) {
    const code = ch.codePointAt(0);
    if (code > 0x7e) {
      out += encodeURIComponent(ch);
    } else if (code <= 0x20 || '"#%<>?[]^`{|}~'.includes(ch) || (!windows && ch === '\\')) {
      out += hexTable[code];
    } else {
      out += ch;
    }
  }
  return out;
}

function pathToFileURL(filepath, options = undefined) {
  const windows = options?.windows ?? process.platform === 'win32';
  const path = require('path');
  if (typeof filepath !== 'string') throw new ERR_INVALID_ARG_TYPE('path', 'string', filepath);
  const isUNC = windows && filepath.startsWith('\\\\');
  let resolved = isUNC ? filepath : (windows ? path.win32.resolve(filepath) : path.posix.resolve(filepath));
  if (isUNC || (windows && resolved.startsWith('\\\\'))) {
    const isExtendedUNC = resolved.startsWith('\\\\?\\UNC\\');
    const prefixLength = isExtendedUNC ? 8 : 2;
    const hostnameEnd = resolved.indexOf('\\', prefixLength);
    if (hostnameEnd === -1) {
      throw new ERR_INVALID_ARG_VALUE('path', resolved, 'Missing UNC resource path');
    }
    if (hostnameEnd === 2) {
      throw new ERR_INVALID_ARG_VALUE('path', resolved, 'Empty UNC servername');
    }
    const hostname = resolved.slice(prefixLength, hostnameEnd);
    const url = new URL('file://');
    url.hostname = hostname;
    url.pathname = encodePathChars(resolved.slice(hostnameEnd).replaceAll('\\', '/'), true);
    return url;
  }
  // path.resolve drops a trailing separator; the URL keeps it.
  const last = filepath[filepath.length - 1];
  const sep = windows ? '\\' : '/';
  if ((last === '/' || (windows && last === '\\')) && resolved[resolved.length - 1] !== sep) {
    resolved += '/';
  }
  if (windows) resolved = '/' + resolved.replaceAll('\\', '/');
  return new URL(`file://${encodePathChars(resolved, windows)}`);
}

// `path`, or the file path a file URL names.
function toPathIfFileURL(fileURLOrPath) {
  if (!isURL(fileURLOrPath)) return fileURLOrPath;
  return fileURLToPath(fileURLOrPath);
}

// The options object `http.request` builds from a URL.
function urlToHttpOptions(url) {
  validateObject(url, 'url', { allowArray: true, allowFunction: true });
  const { hostname, pathname, port, username, password, search } = url;
  const options = {
    __proto__: null,
    ...url,
    protocol: url.protocol,
    hostname: hostname && hostname[0] === '[' ? hostname.slice(1, -1) : hostname,
    hash: url.hash,
    search,
    pathname,
    path: `${pathname || ''}${search || ''}`,
    href: url.href,
  };
  if (port !== '') options.port = Number(port);
  if (username || password) {
    options.auth = `${decodeURIComponent(username)}:${decodeURIComponent(password)}`;
  }
  return options;
}

module.exports = {
  URL,
  URLSearchParams,
  domainToASCII,
  domainToUnicode,
  fileURLToPath,
  fileURLToPathBuffer,
  pathToFileURL,
  toPathIfFileURL,
  urlToHttpOptions,
  isURL,
  isURLSearchParams: (value) => value !== null && typeof value === 'object' && isURLSearchParams(value),
};
