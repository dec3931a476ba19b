'use strict';

// Blob and File (WHATWG File API) for the 'buffer' module. A Blob holds an immutable copy
// of its bytes; slices share that copy. `stream()` is left out until a ReadableStream
// global exists.

const {
  codes: {
    ERR_INVALID_ARG_TYPE,
    ERR_INVALID_ARG_VALUE,
    ERR_INVALID_THIS,
    ERR_MISSING_ARGS,
  },
} = require('internal/errors');
const { validateDictionary } = require('internal/validators');
const { isAnyArrayBuffer, isArrayBufferView } = require('internal/util/types');

const customInspectSymbol = Symbol.for('nodejs.util.inspect.custom');
const disallowedTypeCharacters = /[^\u{0020}-\u{007E}]/u;
const encoder = new (require('internal/encoding').TextEncoder)();

let lazyInspect;
function inspect(value, options) {
  lazyInspect ??= require('internal/util/inspect').inspect;
  return lazyInspect(value, options);
}

function normalizeType(type) {
  type = `${type}`;
  return disallowedTypeCharacters.test(type) ? '' : type.toLowerCase();
}

// The bytes of one non-Blob part: strings as UTF-8 (with `native` line endings on request),
// buffers and views copied, anything else stringified.
function partBytes(part, endings) {
  if (typeof part === 'string') {
    if (endings === 'native') part = part.replace(/\r\n|\r/g, '\n');
    return encoder.encode(part);
  }
  if (isAnyArrayBuffer(part)) return new Uint8Array(part.slice(0));
  if (isArrayBufferView(part)) {
    return new Uint8Array(part.buffer, part.byteOffset, part.byteLength).slice();
  }
  return encoder.encode(`${part}`);
}

// Brand check, set from inside the class where `#bytes` is visible.
let isBlob;

class Blob {
  #bytes;
  #type;

  static {
    isBlob = (value) => typeof value === 'object' && value !== null && #bytes in value;
  }

  constructor(sources = [], options) {
    if (sources === null || typeof sources[Symbol.iterator] !== 'function' ||
        typeof sources === 'string') {
      throw new ERR_INVALID_ARG_TYPE('sources', 'a sequence', sources);
    }
    validateDictionary(options, 'options');
    const { type = '', endings = 'transparent' } = options ?? {};
    const lineEndings = `${endings}`;
    if (lineEndings !== 'transparent' && lineEndings !== 'native') {
      throw new ERR_INVALID_ARG_VALUE('options.endings', endings);
    }
    const parts = [];
    let size = 0;
    for (const source of sources) {
      const bytes = isBlob(source) ? source.#bytes : partBytes(source, lineEndings);
      parts.push(bytes);
      size += bytes.length;
    }
    const bytes = new Uint8Array(size);
    let offset = 0;
    for (const part of parts) {
      bytes.set(part, offset);
      offset += part.length;
    }
    this.#bytes = bytes;
    this.#type = normalizeType(type);
  }

  get type() {
    if (!isBlob(this)) throw new ERR_INVALID_THIS('Blob');
    return this.#type;
  }

  get size() {
    if (!isBlob(this)) throw new ERR_INVALID_THIS('Blob');
    return this.#bytes.length;
  }

  slice(start = 0, end = this.size, contentType = '') {
    if (!isBlob(this)) throw new ERR_INVALID_THIS('Blob');
    const size = this.#bytes.length;
    start = start < 0 ? Math.max(size + start, 0) : Math.min(start, size);
    end = end < 0 ? Math.max(size + end, 0) : Math.min(end, size);
    const blob = new Blob([], { type: contentType });
    blob.#bytes = this.#bytes.subarray(start, start + Math.max(end - start, 0));
    return blob;
  }

  arrayBuffer() {
    if (!isBlob(this)) return Promise.reject(new ERR_INVALID_THIS('Blob'));
    return Promise.resolve(this.#bytes.slice().buffer);
  }

  text() {
    if (!isBlob(this)) return Promise.reject(new ERR_INVALID_THIS('Blob'));
    const { TextDecoder } = require('internal/encoding');
    return Promise.resolve(new TextDecoder().decode(this.#bytes));
  }

  bytes() {
    if (!isBlob(this)) return Promise.reject(new ERR_INVALID_THIS('Blob'));
    return Promise.resolve(this.#bytes.slice());
  }

  /** The contents as a byte ReadableStream, in chunks of at most 64 KiB. */
  stream() {
    if (!isBlob(this)) throw new ERR_INVALID_THIS('Blob');
    const { ReadableStream } = require('internal/webstreams/readablestream');
    const bytes = this.#bytes;
    let offset = 0;
    return new ReadableStream({
      type: 'bytes',
      pull(controller) {
        if (offset >= bytes.length) {
          controller.close();
          controller.byobRequest?.respond(0);
          return;
        }
        const end = Math.min(offset + 65536, bytes.length);
        controller.enqueue(bytes.slice(offset, end));
        offset = end;
      },
    });
  }

  [customInspectSymbol](depth, options) {
    if (depth < 0) return this;
    const opts = { ...options, depth: options.depth == null ? null : options.depth - 1 };
    return `Blob ${inspect({ size: this.size, type: this.type }, opts)}`;
  }
}

for (const name of ['type', 'size', 'slice', 'stream', 'arrayBuffer', 'text', 'bytes']) {
  Object.defineProperty(Blob.prototype, name, { enumerable: true });
}
Object.defineProperty(Blob.prototype, Symbol.toStringTag, { value: 'Blob', configurable: true });

class File extends Blob {
  #name;
  #lastModified;

  constructor(fileBits, fileName, options = {}) {
    if (arguments.length < 2) throw new ERR_MISSING_ARGS('fileBits', 'fileName');
    super(fileBits, options);
    const { lastModified } = options ?? {};
    this.#lastModified = lastModified !== undefined ? +lastModified || 0 : Date.now();
    this.#name = `${fileName}`;
  }

  get name() {
    if (!(this instanceof File) || !(#name in this)) throw new ERR_INVALID_THIS('File');
    return this.#name;
  }

  get lastModified() {
    if (!(this instanceof File) || !(#name in this)) throw new ERR_INVALID_THIS('File');
    return this.#lastModified;
  }

  [customInspectSymbol](depth, options) {
    if (depth < 0) return this;
    const opts = { ...options, depth: options.depth == null ? null : options.depth - 1 };
    return `File ${inspect({
      size: this.size, type: this.type, name: this.#name, lastModified: this.#lastModified,
    }, opts)}`;
  }
}

for (const name of ['name', 'lastModified']) {
  Object.defineProperty(File.prototype, name, { enumerable: true });
}
Object.defineProperty(File.prototype, Symbol.toStringTag, { value: 'File', configurable: true });

// Object URLs need URL.createObjectURL, which oxnode does not have yet: nothing resolves.
function resolveObjectURL() {
  return undefined;
}

module.exports = { Blob, File, resolveObjectURL };
