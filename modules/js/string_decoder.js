'use strict';

// The public 'string_decoder' module: StringDecoder turns a byte stream into strings
// without splitting multi-byte characters (utf8, utf16le) or base64 groups across
// chunks. Its state lives in a 7-byte Buffer laid out as Node's native decoder lays it
// out (4 bytes of incomplete character, missing count, buffered count, encoding), which
// `lastChar`, `lastNeed` and `lastTotal` expose.

const { Buffer } = require('buffer');
const {
  codes: { ERR_INVALID_ARG_TYPE, ERR_INVALID_THIS, ERR_UNKNOWN_ENCODING },
} = require('internal/errors');
const { normalizeEncoding: normalizeEncodingInternal } = require('internal/validators');

const kNativeDecoder = Symbol('kNativeDecoder');
const kIncompleteCharactersStart = 0;
const kIncompleteCharactersEnd = 4;
const kMissingBytes = 4;
const kBufferedBytes = 5;
const kEncodingField = 6;
const kSize = 7;

const encodings = ['ascii', 'utf8', 'base64', 'base64url', 'utf16le', 'hex', 'buffer', 'latin1'];
const bufferedEncodings = new Set(['utf8', 'utf16le', 'base64', 'base64url']);
const isEncoding = Buffer.isEncoding;

function normalizeEncoding(enc) {
  const normalized = normalizeEncodingInternal(enc);
  if (normalized === undefined) {
    if (Buffer.isEncoding === isEncoding || !Buffer.isEncoding(enc)) {
      throw new ERR_UNKNOWN_ENCODING(enc);
    }
    return enc;
  }
  return normalized;
}

function makeString(bytes, start, end, encoding) {
  return Buffer.prototype.toString.call(bytes, encoding, start, end);
}

// Finds the character a chunk may end in the middle of; sets how many of its bytes were
// seen (buffered) and how many are still to come (missing).
function cutIncompleteTail(state, data, length, encoding) {
  if (encoding === 'utf8' && (data[length - 1] & 0x80)) {
    for (let i = length - 1; ; --i) {
      state[kBufferedBytes]++;
      if ((data[i] & 0xc0) === 0x80) {
        if (state[kBufferedBytes] >= 4 || i === 0) {
          state[kBufferedBytes] = 0;
          break;
        }
      } else {
        if ((data[i] & 0xe0) === 0xc0) {
          state[kMissingBytes] = 2;
        } else if ((data[i] & 0xf0) === 0xe0) {
          state[kMissingBytes] = 3;
        } else if ((data[i] & 0xf8) === 0xf0) {
          state[kMissingBytes] = 4;
        } else {
          state[kBufferedBytes] = 0;
          break;
        }
        if (state[kBufferedBytes] >= state[kMissingBytes]) {
          state[kMissingBytes] = 0;
          state[kBufferedBytes] = 0;
        }
        state[kMissingBytes] -= state[kBufferedBytes];
        break;
      }
    }
  } else if (encoding === 'utf16le') {
    if (length % 2 === 1) {
      state[kBufferedBytes] = 1;
      state[kMissingBytes] = 1;
    } else if ((data[length - 1] & 0xfc) === 0xd8) {
      state[kBufferedBytes] = 2;
      state[kMissingBytes] = 2;
    }
  } else if (encoding === 'base64' || encoding === 'base64url') {
    state[kBufferedBytes] = length % 3;
    if (state[kBufferedBytes] > 0) state[kMissingBytes] = 3 - state[kBufferedBytes];
  }
}

function decode(decoder, data) {
  const state = decoder[kNativeDecoder];
  const encoding = decoder.encoding;
  if (!bufferedEncodings.has(encoding)) return makeString(data, 0, data.length, encoding);
  let start = 0;
  let length = data.length;
  let prepend = '';
  if (state[kMissingBytes] > 0) {
    if (encoding === 'utf8') {
      // A byte that should continue the character but doesn't starts a new one.
      for (let i = 0; i < length && i < state[kMissingBytes]; ++i) {
        if ((data[i] & 0xc0) !== 0x80) {
          state[kMissingBytes] = 0;
          state.set(data.subarray(0, i), state[kBufferedBytes]);
          state[kBufferedBytes] += i;
          start += i;
          length -= i;
          break;
        }
      }
    }
    const found = Math.min(length, state[kMissingBytes]);
    state.set(data.subarray(start, start + found), state[kBufferedBytes]);
    start += found;
    length -= found;
    state[kMissingBytes] -= found;
    state[kBufferedBytes] += found;
    if (state[kMissingBytes] === 0) {
      prepend = makeString(state, 0, state[kBufferedBytes], encoding);
      state[kBufferedBytes] = 0;
    }
  }
  if (length === 0) return prepend;
  cutIncompleteTail(state, data.subarray(start), length, encoding);
  const buffered = state[kBufferedBytes];
  if (buffered > 0) {
    length -= buffered;
    state.set(data.subarray(start + length, start + length + buffered), 0);
  }
  return prepend + (length > 0 ? makeString(data, start, start + length, encoding) : '');
}

function flush(decoder) {
  const state = decoder[kNativeDecoder];
  const encoding = decoder.encoding;
  if (encoding === 'utf16le' && state[kBufferedBytes] % 2 === 1) {
    state[kMissingBytes]--;
    state[kBufferedBytes]--;
  }
  if (state[kBufferedBytes] === 0) return '';
  const text = makeString(state, 0, state[kBufferedBytes], encoding);
  state[kMissingBytes] = 0;
  state[kBufferedBytes] = 0;
  return text;
}

function asBuffer(view) {
  return Buffer.from(view.buffer, view.byteOffset, view.byteLength);
}

function StringDecoder(encoding) {
  this.encoding = normalizeEncoding(encoding);
  this[kNativeDecoder] = Buffer.alloc(kSize);
  this[kNativeDecoder][kEncodingField] = Math.max(encodings.indexOf(this.encoding), 0);
}

StringDecoder.prototype.write = function write(buf) {
  if (typeof buf === 'string') return buf;
  if (!ArrayBuffer.isView(buf)) {
    throw new ERR_INVALID_ARG_TYPE('buf', ['Buffer', 'TypedArray', 'DataView'], buf);
  }
  if (!this[kNativeDecoder]) throw new ERR_INVALID_THIS('StringDecoder');
  return decode(this, asBuffer(buf));
};

StringDecoder.prototype.end = function end(buf) {
  let text = '';
  if (buf !== undefined) text = this.write(buf);
  if (this[kNativeDecoder][kBufferedBytes] > 0) text += flush(this);
  return text;
};

// Undocumented legacy API.
StringDecoder.prototype.text = function text(buf, offset) {
  this[kNativeDecoder][kMissingBytes] = 0;
  this[kNativeDecoder][kBufferedBytes] = 0;
  return this.write(buf.slice(offset));
};

Object.defineProperties(StringDecoder.prototype, {
  lastChar: {
    configurable: true,
    enumerable: true,
    get() {
      return this[kNativeDecoder].subarray(kIncompleteCharactersStart, kIncompleteCharactersEnd);
    },
  },
  lastNeed: {
    configurable: true,
    enumerable: true,
    get() { return this[kNativeDecoder][kMissingBytes]; },
  },
  lastTotal: {
    configurable: true,
    enumerable: true,
    get() { return this[kNativeDecoder][kBufferedBytes] + this[kNativeDecoder][kMissingBytes]; },
  },
});

module.exports = { StringDecoder };
