'use strict';
// FormData (XHR standard) and its two wire forms: the multipart/form-data body a request
// sends (serialised lazily, so File contents are read only when the body is), and the
// parsers behind Body#formData() for multipart/form-data and urlencoded bodies.

const { Blob, File } = require('internal/blob');
const { webidlTypeError, illegalInvocation, toUSVString, isObjectLike, stringify } =
  require('internal/fetch/webidl');

const kInspect = Symbol.for('nodejs.util.inspect.custom');

let isFormData;
let entriesOf;

class FormData {
  // [name, value] pairs in insertion order; values are strings or Files.
  #entries = [];

  static {
    isFormData = (value) => isObjectLike(value) && #entries in value;
    entriesOf = (formData) => formData.#entries;
  }

  constructor(form = undefined) {
    if (form !== undefined) {
      throw webidlTypeError(
        'FormData constructor: Argument 1 could not be converted to: undefined.');
    }
  }

  append(name, value, filename = undefined) {
    if (!isFormData(this)) throw illegalInvocation();
    requireArgs(arguments.length, 2, 'FormData.append');
    this.#entries.push(makeEntry(name, value, filename, arguments.length, 'FormData.append'));
  }

  delete(name) {
    if (!isFormData(this)) throw illegalInvocation();
    requireArgs(arguments.length, 1, 'FormData.delete');
    name = toUSVString(name);
    this.#entries = this.#entries.filter((entry) => entry[0] !== name);
  }

  get(name) {
    if (!isFormData(this)) throw illegalInvocation();
    requireArgs(arguments.length, 1, 'FormData.get');
    name = toUSVString(name);
    const entry = this.#entries.find((e) => e[0] === name);
    return entry === undefined ? null : entry[1];
  }

  getAll(name) {
    if (!isFormData(this)) throw illegalInvocation();
    requireArgs(arguments.length, 1, 'FormData.getAll');
    name = toUSVString(name);
    return this.#entries.filter((e) => e[0] === name).map((e) => e[1]);
  }

  has(name) {
    if (!isFormData(this)) throw illegalInvocation();
    requireArgs(arguments.length, 1, 'FormData.has');
    name = toUSVString(name);
    return this.#entries.some((e) => e[0] === name);
  }

  set(name, value, filename = undefined) {
    if (!isFormData(this)) throw illegalInvocation();
    requireArgs(arguments.length, 2, 'FormData.set');
    const entry = makeEntry(name, value, filename, arguments.length, 'FormData.set');
    // Replaces the first entry of that name in place and drops the others.
    const index = this.#entries.findIndex((e) => e[0] === entry[0]);
    if (index === -1) {
      this.#entries.push(entry);
    } else {
      this.#entries = [
        ...this.#entries.slice(0, index),
        entry,
        ...this.#entries.slice(index + 1).filter((e) => e[0] !== entry[0]),
      ];
    }
  }

  keys() {
    if (!isFormData(this)) throw illegalInvocation();
    return createIterator(this, 'key');
  }

  values() {
    if (!isFormData(this)) throw illegalInvocation();
    return createIterator(this, 'value');
  }

  entries() {
    if (!isFormData(this)) throw illegalInvocation();
    return createIterator(this, 'key+value');
  }

  forEach(callback, thisArg = undefined) {
    if (!isFormData(this)) throw illegalInvocation();
    requireArgs(arguments.length, 1, 'FormData.forEach');
    if (typeof callback !== 'function') {
      throw webidlTypeError(
        "Failed to execute 'forEach' on 'FormData': parameter 1 is not of type 'Function'.");
    }
    for (let i = 0; i < this.#entries.length; i++) {
      const [name, value] = this.#entries[i];
      Reflect.apply(callback, thisArg, [value, name, this]);
    }
  }

  [kInspect](depth, options) {
    // Repeated names show as an array of their values.
    const shown = {};
    for (const [name, value] of this.#entries) {
      if (!Object.hasOwn(shown, name)) shown[name] = value;
      else if (Array.isArray(shown[name])) shown[name].push(value);
      else shown[name] = [shown[name], value];
    }
    // Shown whatever the nesting depth, as Node's fetch does.
    const opts = { ...options };
    return `FormData ${require('internal/util/inspect').inspect(shown, opts)}`;
  }
}

function requireArgs(length, required, prefix) {
  if (length < required) {
    throw webidlTypeError(`${prefix}: ${required} argument${required > 1 ? 's' : ''} required, ` +
                          `but${length > 0 ? ' only' : ''} ${length} found.`);
  }
}

// "Create an entry": strings stay strings, Blobs become Files named by `filename`.
function makeEntry(name, value, filename, argc, prefix) {
  name = toUSVString(name);
  if (argc > 2 && !(value instanceof Blob)) {
    throw webidlTypeError(
      `${prefix}: Expected value ("${stringify(value)}") to be an instance of Blob.`);
  }
  if (!(value instanceof Blob)) return [name, toUSVString(value)];
  if (value instanceof File && filename === undefined) return [name, value];
  const options = { type: value.type };
  if (value instanceof File) options.lastModified = value.lastModified;
  const fileName = filename !== undefined ? toUSVString(filename) :
    value instanceof File ? value.name : 'blob';
  return [name, new File([value], fileName, options)];
}

const kIteratorState = Symbol('kIteratorState');
const iteratorPrototype = Object.create(
  Object.getPrototypeOf(Object.getPrototypeOf([][Symbol.iterator]())), {
    next: {
      value: function next() {
        const state = this?.[kIteratorState];
        if (state === undefined) {
          throw webidlTypeError("'next' called on an object that does not implement " +
                                'interface FormData Iterator.');
        }
        // Live: entries added or removed while iterating are seen, as Web IDL requires.
        const entries = entriesOf(state.target);
        if (state.index >= entries.length) return { value: undefined, done: true };
        const [name, value] = entries[state.index++];
        if (state.kind === 'key') return { value: name, done: false };
        if (state.kind === 'value') return { value, done: false };
        return { value: [name, value], done: false };
      },
      writable: true, enumerable: true, configurable: true,
    },
    [Symbol.toStringTag]: { value: 'FormData Iterator', configurable: true },
  });

function createIterator(target, kind) {
  const it = Object.create(iteratorPrototype);
  it[kIteratorState] = { target, kind, index: 0 };
  return it;
}

for (const name of ['append', 'delete', 'get', 'getAll', 'has', 'set', 'keys', 'values',
                    'entries', 'forEach']) {
  Object.defineProperty(FormData.prototype, name, { enumerable: true });
}
Object.defineProperty(FormData.prototype, Symbol.iterator, {
  value: FormData.prototype.entries, writable: true, enumerable: false, configurable: true,
});
Object.defineProperty(FormData.prototype, Symbol.toStringTag, {
  value: 'FormData', configurable: true,
});

// --- multipart/form-data serialisation ----------------------------------------------------
const encoder = new (require('internal/encoding').TextEncoder)();

function escapeName(str) {
  return str.replace(/\n/g, '%0A').replace(/\r/g, '%0D').replace(/"/g, '%22');
}

function normalizeLinefeeds(str) {
  return str.replace(/\r?\n|\r/g, '\r\n');
}

/**
 * The multipart body of `formData`: its Content-Type (with a fresh boundary), its length,
 * and a function returning an async iterator of its bytes (Files are read only then).
 */
function serializeFormData(formData) {
  const random = `${Math.floor(Math.random() * 1e11)}`.padStart(11, '0');
  const boundary = `----formdata-undici-0${random}`;
  const prefix = `--${boundary}\r\nContent-Disposition: form-data`;
  // Strings are encoded now; Files stay Files until the body is read.
  const parts = [];
  let length = 0;
  for (const [name, value] of entriesOf(formData)) {
    if (typeof value === 'string') {
      const bytes = encoder.encode(`${prefix}; name="${escapeName(normalizeLinefeeds(name))}"` +
                                   `\r\n\r\n${normalizeLinefeeds(value)}\r\n`);
      parts.push(bytes);
      length += bytes.length;
    } else {
      const head = encoder.encode(
        `${prefix}; name="${escapeName(normalizeLinefeeds(name))}"` +
        (value.name ? `; filename="${escapeName(value.name)}"` : '') + '\r\n' +
        `Content-Type: ${value.type || 'application/octet-stream'}\r\n\r\n`);
      parts.push(head, value, encoder.encode('\r\n'));
      length += head.length + value.size + 2;
    }
  }
  const tail = encoder.encode(`--${boundary}--\r\n`);
  parts.push(tail);
  length += tail.length;
  async function* generate() {
    for (const part of parts) {
      if (part instanceof Blob) yield new Uint8Array(await part.arrayBuffer());
      else yield part;
    }
  }
  return { type: `multipart/form-data; boundary=${boundary}`, length, generate };
}

// --- parsing ----------------------------------------------------------------------------
const decoder = new (require('internal/encoding').TextDecoder)();

function parseFailed() {
  return webidlTypeError('Failed to parse body as FormData.');
}

function indexOf(bytes, needle, from) {
  const first = needle[0];
  const last = bytes.length - needle.length;
  outer: for (let i = bytes.indexOf(first, from); i !== -1 && i <= last;
    i = bytes.indexOf(first, i + 1)) {
    for (let j = 1; j < needle.length; j++) {
      if (bytes[i + j] !== needle[j]) continue outer;
    }
    return i;
  }
  return -1;
}

// One parameter of a Content-Disposition header: quoted or bare.
function dispositionParam(header, param) {
  const re = new RegExp(`;\\s*${param}\\s*=\\s*(?:"((?:[^"\\\\]|\\\\.)*)"|([^;\\s]*))`, 'i');
  const match = re.exec(header);
  if (match === null) return undefined;
  return match[1] !== undefined ? match[1].replace(/\\(.)/g, '$1') : match[2];
}

/** The boundary parameter of a multipart Content-Type, or null. */
function boundaryOf(contentType) {
  const match = /;\s*boundary\s*=\s*(?:"([^"]*)"|([^;\s]*))/i.exec(contentType);
  if (match === null) return null;
  const boundary = match[1] ?? match[2];
  return boundary === '' || boundary.length > 70 ? null : boundary;
}

/** Parses a multipart/form-data body into a FormData, or throws Node's TypeError. */
function parseMultipart(bytes, contentType) {
  const boundary = boundaryOf(contentType);
  if (boundary === null) throw parseFailed();
  const delimiter = encoder.encode(`--${boundary}`);
  const bodyDelimiter = encoder.encode(`\r\n--${boundary}`);
  const headerEnd = encoder.encode('\r\n\r\n');
  const formData = new FormData();
  let pos = indexOf(bytes, delimiter, 0);
  if (pos === -1) throw parseFailed();
  pos += delimiter.length;
  for (;;) {
    // "--" after a delimiter closes the body.
    if (bytes[pos] === 0x2d && bytes[pos + 1] === 0x2d) return formData;
    // Transport padding, then the CRLF that ends the delimiter line.
    while (bytes[pos] === 0x20 || bytes[pos] === 0x09) pos++;
    if (bytes[pos] !== 0x0d || bytes[pos + 1] !== 0x0a) throw parseFailed();
    pos += 2;
    const end = indexOf(bytes, headerEnd, pos);
    // A part without headers has its blank line right away.
    let headersText;
    if (bytes[pos] === 0x0d && bytes[pos + 1] === 0x0a) {
      headersText = '';
      pos += 2;
    } else {
      if (end === -1) throw parseFailed();
      headersText = isomorphicDecode(bytes.subarray(pos, end));
      pos = end + 4;
    }
    let name;
    let filename;
    let type = null;
    for (const line of headersText.split('\r\n')) {
      const colon = line.indexOf(':');
      if (colon === -1) continue;
      const field = line.slice(0, colon).trim().toLowerCase();
      const value = line.slice(colon + 1).trim();
      if (field === 'content-disposition') {
        if (!/^form-data\s*(;|$)/i.test(value)) throw parseFailed();
        name = dispositionParam(value, 'name');
        filename = dispositionParam(value, 'filename');
      } else if (field === 'content-type') {
        type = value;
      }
    }
    if (name === undefined) throw parseFailed();
    const contentEnd = indexOf(bytes, bodyDelimiter, pos);
    if (contentEnd === -1) throw parseFailed();
    const content = bytes.subarray(pos, contentEnd);
    // Names and file names are UTF-8; the header block was read a byte per character.
    name = decoder.decode(latin1Bytes(name));
    if (filename !== undefined) {
      formData.append(name, new File([content], decoder.decode(latin1Bytes(filename)),
                                     { type: type ?? '' }));
    } else {
      formData.append(name, decoder.decode(content));
    }
    pos = contentEnd + bodyDelimiter.length;
  }
}

// Bytes to the code points of the same values (TextDecoder's 'latin1' is windows-1252).
function isomorphicDecode(bytes) {
  let out = '';
  for (let i = 0; i < bytes.length; i += 8192) {
    out += String.fromCharCode.apply(null, bytes.subarray(i, i + 8192));
  }
  return out;
}

function latin1Bytes(str) {
  const out = new Uint8Array(str.length);
  for (let i = 0; i < str.length; i++) out[i] = str.charCodeAt(i);
  return out;
}

/** Parses an application/x-www-form-urlencoded body into a FormData. */
function parseUrlencoded(text) {
  const { URLSearchParams } = require('internal/url');
  const formData = new FormData();
  for (const [name, value] of new URLSearchParams(text)) formData.append(name, value);
  return formData;
}

module.exports = {
  FormData,
  isFormData,
  serializeFormData,
  parseMultipart,
  parseUrlencoded,
};
