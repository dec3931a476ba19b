'use strict';
// TextEncoderStream and TextDecoderStream: TransformStreams that encode strings to UTF-8
// bytes and decode bytes to strings (streaming, so split characters are joined).

const { TransformStream } = require('internal/webstreams/transformstream');
const { kState, kType, brandCheck } = require('internal/webstreams/util');

class TextEncoderStream {
  constructor() {
    const { TextEncoder } = require('internal/encoding');
    const encoder = new TextEncoder();
    // A high surrogate at the end of one chunk waits for the start of the next.
    let pendingHighSurrogate = null;
    this[kType] = 'TextEncoderStream';
    this[kState] = {
      transform: new TransformStream({
        transform(chunk, controller) {
          chunk = `${chunk}`;
          if (pendingHighSurrogate !== null) {
            chunk = pendingHighSurrogate + chunk;
            pendingHighSurrogate = null;
          }
          const last = chunk.charCodeAt(chunk.length - 1);
          if (last >= 0xD800 && last <= 0xDBFF) {
            pendingHighSurrogate = chunk[chunk.length - 1];
            chunk = chunk.slice(0, -1);
          }
          if (chunk !== '') controller.enqueue(encoder.encode(chunk));
        },
        flush(controller) {
          if (pendingHighSurrogate !== null) controller.enqueue(new Uint8Array([0xEF, 0xBF, 0xBD]));
        },
      }),
    };
  }

  get encoding() {
    brandCheck(this, 'TextEncoderStream');
    return 'utf-8';
  }

  get readable() {
    brandCheck(this, 'TextEncoderStream');
    return this[kState].transform.readable;
  }

  get writable() {
    brandCheck(this, 'TextEncoderStream');
    return this[kState].transform.writable;
  }

  get [Symbol.toStringTag]() { return 'TextEncoderStream'; }
}

class TextDecoderStream {
  constructor(encoding = 'utf-8', options = {}) {
    const { TextDecoder } = require('internal/encoding');
    const decoder = new TextDecoder(encoding, options);
    this[kType] = 'TextDecoderStream';
    this[kState] = {
      decoder,
      transform: new TransformStream({
        transform(chunk, controller) {
          const value = decoder.decode(chunk, { stream: true });
          if (value) controller.enqueue(value);
        },
        flush(controller) {
          const value = decoder.decode();
          if (value) controller.enqueue(value);
        },
      }),
    };
  }

  get encoding() {
    brandCheck(this, 'TextDecoderStream');
    return this[kState].decoder.encoding;
  }

  get fatal() {
    brandCheck(this, 'TextDecoderStream');
    return this[kState].decoder.fatal;
  }

  get ignoreBOM() {
    brandCheck(this, 'TextDecoderStream');
    return this[kState].decoder.ignoreBOM;
  }

  get readable() {
    brandCheck(this, 'TextDecoderStream');
    return this[kState].transform.readable;
  }

  get writable() {
    brandCheck(this, 'TextDecoderStream');
    return this[kState].transform.writable;
  }

  get [Symbol.toStringTag]() { return 'TextDecoderStream'; }
}

for (const ctor of [TextEncoderStream, TextDecoderStream]) {
  for (const name of ['encoding', 'readable', 'writable']) {
    Object.defineProperty(ctor.prototype, name, { __proto__: null, enumerable: true });
  }
}

module.exports = { TextEncoderStream, TextDecoderStream };
