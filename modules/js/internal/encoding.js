'use strict';
// TextEncoder and TextDecoder (WHATWG Encoding): UTF-8 and UTF-16LE in Rust,
// UTF-16BE as byte-swapped UTF-16LE, windows-1252 (which the latin1 labels name)
// here.

const binding = internalBinding('encoding');

function lazyErrors() {
  return require('internal/errors').codes;
}

class TextEncoder {
  get encoding() {
    return 'utf-8';
  }

  encode(input = '') {
    return binding.encodeUtf8(`${input}`);
  }

  encodeInto(src, dest) {
    const [read, written] = binding.encodeIntoUtf8(`${src}`, dest);
    return { read, written };
  }

}
// util.inspect shows `{ encoding: 'utf-8' }`, as Node does.
Object.defineProperty(TextEncoder.prototype, Symbol.for('nodejs.util.inspect.custom'), {
  __proto__: null, writable: true, configurable: true, enumerable: false,
  value: function inspectTextEncoder(depth, options, inspect) {
    if (typeof depth === 'number' && depth < 0) return this;
    const constructor = Object.getPrototypeOf(this)?.constructor ?? TextEncoder;
    const shown = { __proto__: { constructor } };
    shown.encoding = this.encoding;
    return inspect(shown, options);
  },
});

Object.defineProperty(TextEncoder.prototype, Symbol.toStringTag, {
  value: 'TextEncoder', configurable: true,
});

const LABELS = new Map([
  ['unicode-1-1-utf-8', 'utf-8'], ['unicode11utf8', 'utf-8'], ['unicode20utf8', 'utf-8'],
  ['utf-8', 'utf-8'], ['utf8', 'utf-8'], ['x-unicode20utf8', 'utf-8'],
  ['utf-16le', 'utf-16le'], ['utf-16', 'utf-16le'], ['ucs-2', 'utf-16le'],
  ['unicode', 'utf-16le'], ['csunicode', 'utf-16le'], ['iso-10646-ucs-2', 'utf-16le'],
  ['unicodefeff', 'utf-16le'], ['utf-16be', 'utf-16be'], ['unicodefffe', 'utf-16be'],
  ['latin1', 'windows-1252'], ['iso-8859-1', 'windows-1252'], ['ascii', 'windows-1252'],
  ['us-ascii', 'windows-1252'], ['windows-1252', 'windows-1252'], ['l1', 'windows-1252'],
  ['iso8859-1', 'windows-1252'], ['iso_8859-1', 'windows-1252'], ['cp1252', 'windows-1252'],
  ['x-cp1252', 'windows-1252'], ['ansi_x3.4-1968', 'windows-1252'],
]);

// What windows-1252 maps bytes 0x80-0x9f to (the rest equals latin1); five bytes stay
// C1 controls.
const kWindows1252Controls =
  '\u20ac\x81\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\x8d\u017d\x8f' +
  '\x90\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\x9d\u017e\u0178';

// A copy of `bytes` with each pair swapped (UTF-16BE to LE); an odd last byte stays.
function swapBytePairs(bytes) {
  const swapped = new Uint8Array(bytes.length);
  const pairsEnd = bytes.length & ~1;
  for (let i = 0; i < pairsEnd; i += 2) {
    swapped[i] = bytes[i + 1];
    swapped[i + 1] = bytes[i];
  }
  if (pairsEnd < bytes.length) swapped[pairsEnd] = bytes[pairsEnd];
  return swapped;
}

// Options objects may be any object (arrays and functions too) or null.
function validateOptions(options) {
  const { validateObject, kValidateObjectAllowObjectsAndNull } = require('internal/validators');
  validateObject(options, 'options', kValidateObjectAllowObjectsAndNull);
}

function toBytes(input, encoding) {
  if (input === undefined) return new Uint8Array(0);
  if (ArrayBuffer.isView(input)) {
    return new Uint8Array(input.buffer, input.byteOffset, input.byteLength);
  }
  if (input instanceof ArrayBuffer || (typeof SharedArrayBuffer === 'function' && input instanceof SharedArrayBuffer)) {
    return new Uint8Array(input);
  }
  if (encoding !== 'windows-1252') {
    // Node's native UTF decoders report this (without the received value).
    const name = encoding === 'utf-8' ? 'list' : 'input';
    const err = new TypeError(`The "${name}" argument must be an instance of ` +
                              'SharedArrayBuffer, ArrayBuffer or ArrayBufferView.');
    err.code = 'ERR_INVALID_ARG_TYPE';
    throw err;
  }
  const { ERR_INVALID_ARG_TYPE } = lazyErrors();
  throw new ERR_INVALID_ARG_TYPE('input', ['ArrayBuffer', 'ArrayBufferView'], input);
}

class TextDecoder {
  #encoding;
  #fatal;
  #ignoreBOM;
  #pending = null;
  #bomSeen = false;

  constructor(encoding = 'utf-8', options = {}) {
    encoding = `${encoding}`;
    validateOptions(options);
    // Only ASCII whitespace surrounding a label is ignored.
    const label = encoding.replace(/^[\t\n\f\r ]+|[\t\n\f\r ]+$/g, '').toLowerCase();
    const resolved = LABELS.get(label);
    if (resolved === undefined) {
      const { ERR_ENCODING_NOT_SUPPORTED } = lazyErrors();
      throw new ERR_ENCODING_NOT_SUPPORTED(encoding);
    }
    this.#encoding = resolved;
    this.#fatal = !!options?.fatal;
    this.#ignoreBOM = !!options?.ignoreBOM;
  }

  get encoding() { return this.#encoding; }
  get fatal() { return this.#fatal; }
  get ignoreBOM() { return this.#ignoreBOM; }

  decode(input = undefined, options = {}) {
    validateOptions(options);
    let bytes = toBytes(input, this.#encoding);
    const stream = !!options?.stream;
    if (this.#pending !== null) {
      const joined = new Uint8Array(this.#pending.length + bytes.length);
      joined.set(this.#pending);
      joined.set(bytes, this.#pending.length);
      bytes = joined;
      this.#pending = null;
    }
    if (this.#encoding === 'windows-1252') {
      let out = '';
      for (let i = 0; i < bytes.length; i++) {
        const byte = bytes[i];
        out += byte >= 0x80 && byte < 0xa0 ?
          kWindows1252Controls[byte - 0x80] : String.fromCharCode(byte);
      }
      return out;
    }
    const result = this.#encoding === 'utf-16be' ?
      binding.decode(swapBytePairs(bytes), 'utf-16le', this.#fatal, stream,
                     this.#ignoreBOM || this.#bomSeen) :
      binding.decode(bytes, this.#encoding, this.#fatal, stream,
                     this.#ignoreBOM || this.#bomSeen);
    if (result === undefined) {
      const { ERR_ENCODING_INVALID_ENCODED_DATA } = lazyErrors();
      throw new ERR_ENCODING_INVALID_ENCODED_DATA(this.#encoding);
    }
    const [text, consumed] = result;
    if (stream) {
      if (consumed < bytes.length) this.#pending = bytes.slice(consumed);
      if (consumed > 0) this.#bomSeen = true;
    } else {
      this.#bomSeen = false;
    }
    return text;
  }
}

// util.inspect shows the decoder's settings (Node's layout: a plain object behind the name).
Object.defineProperty(TextDecoder.prototype, Symbol.for('nodejs.util.inspect.custom'), {
  __proto__: null, writable: true, configurable: true, enumerable: false,
  value: function inspectTextDecoder(depth, options, inspect) {
    if (typeof depth === 'number' && depth < 0) return this;
    const constructor = Object.getPrototypeOf(this)?.constructor ?? TextDecoder;
    const shown = { __proto__: { constructor } };
    shown.encoding = this.encoding;
    shown.fatal = this.fatal;
    shown.ignoreBOM = this.ignoreBOM;
    return `${constructor.name} ${inspect(shown)}`;
  },
});

Object.defineProperty(TextDecoder.prototype, Symbol.toStringTag, {
  value: 'TextDecoder', configurable: true,
});

module.exports = { TextEncoder, TextDecoder };
