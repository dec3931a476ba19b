'use strict';
// CompressionStream and DecompressionStream (the Compression Streams standard): a
// TransformStream around a node:zlib stream. Chunks must be BufferSources (not shared
// memory); a codec fault surfaces as a TypeError carrying zlib's code, with the zlib error as
// its cause, and data after the end of a compressed stream is an error, as in Node.

const { Buffer } = require('buffer');
const { TransformStream } = require('internal/webstreams/transformstream');
const { isArrayBufferView, isAnyArrayBuffer } = require('internal/util/types');
const {
  codes: { ERR_INVALID_ARG_TYPE, ERR_INVALID_ARG_VALUE, ERR_STREAM_NULL_VALUES },
} = require('internal/errors');

let zlib;
function lazyZlib() {
  zlib ??= require('zlib');
  return zlib;
}

const formats = ['deflate', 'deflate-raw', 'gzip', 'brotli'];

function checkFormat(format, className) {
  format = `${format}`;
  if (!formats.includes(format)) {
    const err = new ERR_INVALID_ARG_VALUE('format', format);
    err.message = `Failed to construct '${className}': 1st argument value '${format}' is not ` +
      'a valid enum value of type CompressionFormat.';
    throw err;
  }
  return format;
}

function isShared(value) {
  const buffer = isArrayBufferView(value) ? value.buffer : value;
  return typeof SharedArrayBuffer === 'function' && buffer instanceof SharedArrayBuffer;
}

// A BufferSource chunk as bytes, or the TypeError the standard asks for.
function toBytes(chunk) {
  if (chunk === null) throw new ERR_STREAM_NULL_VALUES();
  // A string is written as UTF-8, as a Node Writable would.
  if (typeof chunk === 'string') return Buffer.from(chunk);
  if ((isArrayBufferView(chunk) || isAnyArrayBuffer(chunk)) && !isShared(chunk)) {
    if (isArrayBufferView(chunk)) {
      return Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    }
    return Buffer.from(chunk);
  }
  throw new ERR_INVALID_ARG_TYPE('chunk', ['ArrayBuffer', 'Buffer', 'TypedArray', 'DataView'],
                                 chunk);
}

// zlib's error as the standard's TypeError (Node keeps the code and the original as cause).
function asTypeError(err) {
  if (err instanceof TypeError) return err;
  const wrapped = new TypeError('', { cause: err });
  wrapped.code = err?.code;
  return wrapped;
}

// The TransformStream that feeds `engine` and forwards its output.
function wrap(engine) {
  let controller;
  let failure = null;
  // The write in flight: a fault must settle it, or close() would wait for it forever.
  let pendingReject = null;
  engine.on('data', (chunk) => {
    controller.enqueue(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength));
  });
  engine.on('error', (err) => {
    failure = asTypeError(err);
    controller.error(failure);
    pendingReject?.(failure);
  });
  return new TransformStream({
    start(c) { controller = c; },
    transform(chunk) {
      let bytes;
      try {
        bytes = toBytes(chunk);
      } catch (err) {
        engine.destroy();
        throw err;
      }
      return new Promise((resolve, reject) => {
        pendingReject = reject;
        engine.write(bytes, (err) => {
          pendingReject = null;
          if (err || failure) reject(failure ?? asTypeError(err));
          else resolve();
        });
      });
    },
    flush() {
      return new Promise((resolve, reject) => {
        if (failure) return reject(failure);
        engine.once('end', resolve);
        engine.once('error', () => reject(failure));
        engine.end();
        engine.resume();
      });
    },
    cancel() {
      engine.destroy();
    },
  });
}

class CompressionStream {
  #transform;

  constructor(format) {
    format = checkFormat(format, 'CompressionStream');
    const z = lazyZlib();
    const engine = format === 'deflate' ? z.createDeflate() :
      format === 'deflate-raw' ? z.createDeflateRaw() :
        format === 'gzip' ? z.createGzip() : z.createBrotliCompress();
    this.#transform = wrap(engine);
  }

  /** The compressed output. */
  get readable() { return this.#transform.readable; }

  /** Where uncompressed input goes. */
  get writable() { return this.#transform.writable; }
}

class DecompressionStream {
  #transform;

  constructor(format) {
    format = checkFormat(format, 'DecompressionStream');
    const z = lazyZlib();
    const opts = { rejectGarbageAfterEnd: true };
    const engine = format === 'deflate' ? z.createInflate(opts) :
      format === 'deflate-raw' ? z.createInflateRaw(opts) :
        format === 'gzip' ? z.createGunzip(opts) : z.createBrotliDecompress(opts);
    this.#transform = wrap(engine);
  }

  /** The decompressed output. */
  get readable() { return this.#transform.readable; }

  /** Where compressed input goes. */
  get writable() { return this.#transform.writable; }
}

for (const Class of [CompressionStream, DecompressionStream]) {
  Object.defineProperties(Class.prototype, {
    readable: { enumerable: true },
    writable: { enumerable: true },
    [Symbol.toStringTag]: { configurable: true, value: Class.name },
  });
}

module.exports = { CompressionStream, DecompressionStream };
