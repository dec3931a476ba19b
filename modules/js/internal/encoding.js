'use strict';
// TextEncoder and TextDecoder (WHATWG Encoding): UTF-8 and UTF-16LE in Rust, latin1
// (windows-1252 as browsers label it) here.

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
Object.defineProperty(TextEncoder.prototype, Symbol.toStringTag, {
  value: 'TextEncoder', configurable: true,
});

const LABELS = new Map([
  ['unicode-1-1-utf-8', 'utf-8'], ['unicode11utf8', 'utf-8'], ['unicode20utf8', 'utf-8'],
  ['utf-8', 'utf-8'], ['utf8', 'utf-8'], ['x-unicode20utf8', 'utf-8'],
  ['utf-16le', 'utf-16le'], ['utf-16', 'utf-16le'], ['ucs-2', 'utf-16le'],
  ['unicode', 'utf-16le'], ['csunicode', 'utf-16le'], ['iso-10646-ucs-2', 'utf-16le'],
  ['unicodefeff', 'utf-16le'],
  ['latin1', 'windows-1252'], ['iso-8859-1', 'windows-1252'], ['ascii', 'windows-1252'],
  ['us-ascii', 'windows-1252'], ['windows-1252', 'windows-1252'], ['l1', 'windows-1252'],
  ['iso8859-1', 'windows-1252'], ['iso_8859-1', 'windows-1252'], ['cp1252', 'windows-1252'],
  ['x-cp1252', 'windows-1252'], ['ansi_x3.4-1968', 'windows-1252'],
]);

function toBytes(input) {
  if (input === undefined) return new Uint8Array(0);
  if (ArrayBuffer.isView(input)) {
    return new Uint8Array(input.buffer, input.byteOffset, input.byteLength);
  }
  if (input instanceof ArrayBuffer || (typeof SharedArrayBuffer === 'function' && input instanceof SharedArrayBuffer)) {
    return new Uint8Array(input);
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
    const label = `${encoding}`.trim().toLowerCase();
    const resolved = LABELS.get(label);
    if (resolved === undefined) {
      const { ERR_ENCODING_NOT_SUPPORTED } = lazyErrors();
      throw new ERR_ENCODING_NOT_SUPPORTED(encoding);
    }
    if (options !== undefined && options !== null && typeof options !== 'object') {
      const { ERR_INVALID_ARG_TYPE } = lazyErrors();
      throw new ERR_INVALID_ARG_TYPE('options', 'object', options);
    }
    this.#encoding = resolved;
    this.#fatal = !!options?.fatal;
    this.#ignoreBOM = !!options?.ignoreBOM;
  }

  get encoding() { return this.#encoding; }
  get fatal() { return this.#fatal; }
  get ignoreBOM() { return this.#ignoreBOM; }

  decode(input = undefined, options = {}) {
    let bytes = toBytes(input);
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
      for (let i = 0; i < bytes.length; i++) out += String.fromCharCode(bytes[i]);
      return out;
    }
    const result = binding.decode(bytes, this.#encoding, this.#fatal, stream,
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

Object.defineProperty(TextDecoder.prototype, Symbol.toStringTag, {
  value: 'TextDecoder', configurable: true,
});

module.exports = { TextEncoder, TextDecoder };
