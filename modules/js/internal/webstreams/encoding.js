'use strict';
// TextEncoderStream and TextDecoderStream: TransformStreams that encode strings to UTF-8
// bytes and decode bytes to strings (streaming, so split characters are joined). Their
// state is in private fields, so a getter called on a foreign object throws V8's
// "Cannot read private member" TypeError, as in Node.

const { TransformStream } = require('internal/webstreams/transformstream');
const { codes: { ERR_INVALID_THIS } } = require('internal/errors');

const kInspect = Symbol.for('nodejs.util.inspect.custom');

// `Name { ...data }` for util.inspect, one level shallower than the stream itself.
function inspectAs(self, name, data, depth, options, inspect) {
  if (depth < 0) return self;
  const opts = { ...options, depth: options.depth == null ? null : options.depth - 1 };
  return `${name} ${inspect(data, opts)}`;
}

class TextEncoderStream {
  #encoder;
  #transform;
  // A high surrogate at the end of one chunk waits for the start of the next.
  #pendingHighSurrogate = null;

  constructor() {
    const { TextEncoder } = require('internal/encoding');
    this.#encoder = new TextEncoder();
    this.#transform = new TransformStream({
      transform: (chunk, controller) => {
        chunk = `${chunk}`;
        if (this.#pendingHighSurrogate !== null) {
          chunk = this.#pendingHighSurrogate + chunk;
          this.#pendingHighSurrogate = null;
        }
        const last = chunk.charCodeAt(chunk.length - 1);
        if (last >= 0xD800 && last <= 0xDBFF) {
          this.#pendingHighSurrogate = chunk[chunk.length - 1];
          chunk = chunk.slice(0, -1);
        }
        if (chunk !== '') controller.enqueue(this.#encoder.encode(chunk));
      },
      flush: (controller) => {
        if (this.#pendingHighSurrogate !== null) controller.enqueue(new Uint8Array([0xEF, 0xBF, 0xBD]));
      },
    });
  }

  get encoding() {
    return this.#encoder.encoding;
  }

  get readable() {
    return this.#transform.readable;
  }

  get writable() {
    return this.#transform.writable;
  }

  [kInspect](depth, options, inspect) {
    if (this == null) throw new ERR_INVALID_THIS('TextEncoderStream');
    return inspectAs(this, 'TextEncoderStream', {
      encoding: this.encoding,
      readable: this.readable,
      writable: this.writable,
    }, depth, options, inspect);
  }
}

class TextDecoderStream {
  #decoder;
  #transform;

  constructor(encoding = 'utf-8', options = {}) {
    const { TextDecoder } = require('internal/encoding');
    this.#decoder = new TextDecoder(encoding, options);
    this.#transform = new TransformStream({
      transform: (chunk, controller) => {
        const value = this.#decoder.decode(chunk, { stream: true });
        if (value) controller.enqueue(value);
      },
      flush: (controller) => {
        const value = this.#decoder.decode();
        if (value) controller.enqueue(value);
      },
    });
  }

  get encoding() {
    return this.#decoder.encoding;
  }

  get fatal() {
    return this.#decoder.fatal;
  }

  get ignoreBOM() {
    return this.#decoder.ignoreBOM;
  }

  get readable() {
    return this.#transform.readable;
  }

  get writable() {
    return this.#transform.writable;
  }

  [kInspect](depth, options, inspect) {
    if (this == null) throw new ERR_INVALID_THIS('TextDecoderStream');
    return inspectAs(this, 'TextDecoderStream', {
      encoding: this.encoding,
      fatal: this.fatal,
      ignoreBOM: this.ignoreBOM,
      readable: this.readable,
      writable: this.writable,
    }, depth, options, inspect);
  }
}

for (const [ctor, names] of [
  [TextEncoderStream, ['encoding', 'readable', 'writable']],
  [TextDecoderStream, ['encoding', 'fatal', 'ignoreBOM', 'readable', 'writable']],
]) {
  for (const name of names) {
    Object.defineProperty(ctor.prototype, name, { __proto__: null, enumerable: true });
  }
}

module.exports = { TextEncoderStream, TextDecoderStream };
