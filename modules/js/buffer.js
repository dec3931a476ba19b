'use strict';

// The public 'buffer' module: Buffer (a Uint8Array subclass, the FastBuffer pattern),
// its encodings, number read/write methods and inspection, plus transcode, isUtf8,
// isAscii, atob/btoa, Blob and File. Byte work on whole strings (encoding, decoding,
// searching, comparing) goes to internalBinding('buffer'), written in Rust.

const binding = internalBinding('buffer');
const {
  codes: {
    ERR_BUFFER_OUT_OF_BOUNDS,
    ERR_INVALID_ARG_TYPE,
    ERR_INVALID_ARG_VALUE,
    ERR_INVALID_BUFFER_SIZE,
    ERR_INVALID_STATE,
    ERR_MISSING_ARGS,
    ERR_OUT_OF_RANGE,
    ERR_UNKNOWN_ENCODING,
  },
  codes,
  E,
  hideStackFrames,
} = require('internal/errors');
const {
  normalizeEncoding,
  validateArray,
  validateBuffer,
  validateInteger,
  validateNumber,
  validateString,
} = require('internal/validators');
const {
  isAnyArrayBuffer,
  isArrayBufferView,
  isTypedArray,
  isUint8Array,
} = require('internal/util/types');
const { markAsUntransferable } = require('internal/structured_clone');

const kMaxLength = Number.MAX_SAFE_INTEGER;
const kStringMaxLength = 2 ** 29 - 24;
const constants = Object.defineProperties({}, {
  MAX_LENGTH: { value: kMaxLength, writable: false, enumerable: true },
  MAX_STRING_LENGTH: { value: kStringMaxLength, writable: false, enumerable: true },
});
let INSPECT_MAX_BYTES = 50;

if (codes.ERR_STRING_TOO_LONG === undefined) {
  E('ERR_STRING_TOO_LONG',
    `Cannot create a string longer than 0x${kStringMaxLength.toString(16)} characters`, Error);
}

const customInspectSymbol = Symbol.for('nodejs.util.inspect.custom');
const TypedArrayPrototype = Object.getPrototypeOf(Uint8Array.prototype);
const typedArrayFill = TypedArrayPrototype.fill;
const typedArraySet = TypedArrayPrototype.set;
const typedArrayByteLength =
  Object.getOwnPropertyDescriptor(TypedArrayPrototype, 'byteLength').get;
const typedArrayLength = Object.getOwnPropertyDescriptor(TypedArrayPrototype, 'length').get;

// The class every Buffer really is; `Buffer` itself is a factory sharing its prototype.
class FastBuffer extends Uint8Array {}

// --- encodings -----------------------------------------------------------------------------
// Ids shared with the Rust side (modules/src/ops/buffer.rs).
const UTF8 = 0;
const UTF16LE = 1;
const LATIN1 = 2;
const ASCII = 3;
const BASE64 = 4;
const BASE64URL = 5;
const HEX = 6;

function byteLengthUtf8(string) {
  const length = string.length;
  if (length > 64) return binding.byteLengthUtf8(string);
  let bytes = length;
  for (let i = 0; i < length; i++) {
    const code = string.charCodeAt(i);
    if (code < 0x80) continue;
    if (code < 0x800) {
      bytes += 1;
    } else if (code >= 0xd800 && code <= 0xdbff && i + 1 < length &&
               (string.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      bytes += 2;
      i++;
    } else {
      bytes += 2;
    }
  }
  return bytes;
}

function base64ByteLength(string, bytes) {
  if (string.charCodeAt(bytes - 1) === 0x3d) bytes--;
  if (bytes > 1 && string.charCodeAt(bytes - 1) === 0x3d) bytes--;
  return (bytes * 3) >>> 2;
}

// A string with a lone surrogate loses it on the way to Rust (as UTF-8), so the
// encodings that keep every UTF-16 unit take these loops for such strings.
function writeUnitsJs(buf, string, offset, length, id) {
  if (id === UTF16LE) {
    const units = Math.min(string.length, length >>> 1);
    for (let i = 0; i < units; i++) {
      const code = string.charCodeAt(i);
      buf[offset + i * 2] = code;
      buf[offset + i * 2 + 1] = code >>> 8;
    }
    return units * 2;
  }
  const units = Math.min(string.length, length);
  for (let i = 0; i < units; i++) buf[offset + i] = string.charCodeAt(i);
  return units;
}

function keepsUnits(id) {
  return id === UTF16LE || id === LATIN1 || id === ASCII;
}

// Encodes `string` into `buf[offset, offset + length)`; returns the bytes written.
function writeEncoded(buf, string, offset, length, id) {
  if (keepsUnits(id) && !string.isWellFormed()) {
    return writeUnitsJs(buf, string, offset, length, id);
  }
  return binding.encodeInto(string, id, buf, offset, length);
}

// A fresh Uint8Array with all of `string`'s bytes.
function encodeFresh(string, id) {
  if (keepsUnits(id) && !string.isWellFormed()) {
    const bytes = new Uint8Array(id === UTF16LE ? string.length * 2 : string.length);
    writeUnitsJs(bytes, string, 0, bytes.length, id);
    return bytes;
  }
  return binding.encode(string, id);
}

function decodedLength(id, bytes) {
  switch (id) {
    case UTF16LE: return bytes >>> 1;
    case BASE64: return Math.ceil(bytes / 3) * 4;
    case BASE64URL: return Math.ceil((bytes * 4) / 3);
    case HEX: return bytes * 2;
    default: return bytes;
  }
}

function decodeRange(buf, id, start, end) {
  if (decodedLength(id, end - start) > kStringMaxLength) {
    throw new codes.ERR_STRING_TOO_LONG();
  }
  return binding.decode(buf, id, start, end);
}

function makeEncodingOps(encoding, id, byteLength) {
  return {
    encoding,
    encodingVal: id,
    byteLength,
    write: (buf, string, offset, length) => writeEncoded(buf, string, offset, length, id),
    slice: (buf, start, end) => decodeRange(buf, id, start, end),
    indexOf(buf, value, byteOffset, dir) {
      return binding.indexOf(buf, encodeFresh(value, id), byteOffset, dir, id === UTF16LE);
    },
  };
}

const encodingOps = {
  utf8: makeEncodingOps('utf8', UTF8, byteLengthUtf8),
  ucs2: makeEncodingOps('utf16le', UTF16LE, (string) => string.length * 2),
  utf16le: makeEncodingOps('utf16le', UTF16LE, (string) => string.length * 2),
  latin1: makeEncodingOps('latin1', LATIN1, (string) => string.length),
  ascii: makeEncodingOps('ascii', ASCII, (string) => string.length),
  base64: makeEncodingOps('base64', BASE64, (string) => base64ByteLength(string, string.length)),
  base64url: makeEncodingOps('base64url', BASE64URL,
                             (string) => base64ByteLength(string, string.length)),
  hex: makeEncodingOps('hex', HEX, (string) => string.length >>> 1),
};

function getEncodingOps(encoding) {
  encoding = `${encoding}`;
  const normalized = normalizeEncoding(encoding.length === 0 ? undefined : encoding);
  if (normalized === undefined || encoding.length === 0) return undefined;
  return encodingOps[normalized];
}

// --- allocation ----------------------------------------------------------------------------
let poolSize;
let poolOffset;
let allocPool;

function createPool() {
  poolSize = Buffer.poolSize;
  allocPool = new ArrayBuffer(poolSize);
  // Buffers share the pool, so it may never be transferred (detached) away.
  markAsUntransferable(allocPool);
  poolOffset = 0;
}

function alignPool() {
  if (poolOffset & 0x7) {
    poolOffset |= 0x7;
    poolOffset++;
  }
}

function allocate(size) {
  if (size <= 0) return new FastBuffer();
  if (size < (Buffer.poolSize >>> 1)) {
    if (size > (poolSize - poolOffset)) createPool();
    const buf = new FastBuffer(allocPool, poolOffset, size);
    poolOffset += size;
    alignPool();
    return buf;
  }
  return new FastBuffer(size);
}

function fromStringFast(string, ops) {
  const maxLength = Buffer.poolSize >>> 1;
  let length = string.length;
  if (length >= maxLength) return wrapBytes(encodeFresh(string, ops.encodingVal));
  length *= 4;
  if (length >= maxLength) length = ops.byteLength(string);
  if (length >= maxLength) return wrapBytes(encodeFresh(string, ops.encodingVal));
  if (length > (poolSize - poolOffset)) createPool();
  let buf = new FastBuffer(allocPool, poolOffset, length);
  const actual = ops.write(buf, string, 0, length);
  if (actual !== length) buf = new FastBuffer(allocPool, poolOffset, actual);
  poolOffset += actual;
  alignPool();
  return buf;
}

function wrapBytes(bytes) {
  return new FastBuffer(bytes.buffer, bytes.byteOffset, bytes.length);
}

function fromString(string, encoding) {
  let ops;
  if (typeof encoding !== 'string' || encoding.length === 0) {
    if (string.length === 0) return new FastBuffer();
    ops = encodingOps.utf8;
  } else {
    ops = getEncodingOps(encoding);
    if (ops === undefined) throw new ERR_UNKNOWN_ENCODING(encoding);
    if (string.length === 0) return new FastBuffer();
  }
  return fromStringFast(string, ops);
}

function fromArrayBuffer(arrayBuffer, byteOffset, length) {
  if (byteOffset === undefined) {
    byteOffset = 0;
  } else {
    byteOffset = +byteOffset;
    if (Number.isNaN(byteOffset)) byteOffset = 0;
  }
  const maxLength = arrayBuffer.byteLength - byteOffset;
  if (maxLength < 0) throw new ERR_BUFFER_OUT_OF_BOUNDS('offset');
  // Without a length the view tracks a resizable buffer's length, as in Node.
  if (length !== undefined) {
    length = +length;
    if (length > 0) {
      if (length > maxLength) throw new ERR_BUFFER_OUT_OF_BOUNDS('length');
    } else {
      length = 0;
    }
  }
  return new FastBuffer(arrayBuffer, byteOffset, length);
}

function fromArrayLike(arrayLike) {
  if (arrayLike.length <= 0) return new FastBuffer();
  if (arrayLike.length < (Buffer.poolSize >>> 1)) {
    if (arrayLike.length > (poolSize - poolOffset)) createPool();
    const buf = new FastBuffer(allocPool, poolOffset, arrayLike.length);
    typedArraySet.call(buf, arrayLike, 0);
    poolOffset += arrayLike.length;
    alignPool();
    return buf;
  }
  return new FastBuffer(arrayLike);
}

function fromObject(obj) {
  if (obj.length !== undefined || isAnyArrayBuffer(obj.buffer)) {
    if (typeof obj.length !== 'number') return new FastBuffer();
    return fromArrayLike(obj);
  }
  if (obj.type === 'Buffer' && Array.isArray(obj.data)) return fromArrayLike(obj.data);
  return undefined;
}

// --- Buffer --------------------------------------------------------------------------------
const bufferWarning = 'Buffer() is deprecated due to security and usability issues. Please use ' +
  'the Buffer.alloc(), Buffer.allocUnsafe(), or Buffer.from() methods instead.';
let bufferWarningEmitted = false;

// Whether the nearest caller outside Node's own modules is code under node_modules (posix or
// win32 separators). The call sites are read with any user Error.prepareStackTrace set aside
// (it may itself call Buffer()). Without such a frame, the caller counts as a package.
function isCalledFromNodeModules() {
  const userPrepare = Error.prepareStackTrace;
  const userLimit = Error.stackTraceLimit;
  Error.prepareStackTrace = (error, callSites) => callSites;
  Error.stackTraceLimit = 100;
  let callSites;
  try {
    const holder = {};
    Error.captureStackTrace(holder, isCalledFromNodeModules);
    callSites = holder.stack;
  } finally {
    Error.prepareStackTrace = userPrepare;
    Error.stackTraceLimit = userLimit;
  }
  const inNodeModules = /[\\/]node_modules[\\/]/;
  // While a stack is being formatted (Buffer() called from a user prepareStackTrace), V8
  // formats nested ones as text: then read the frame lines.
  if (typeof callSites === 'string') {
    for (const line of callSites.split('\n').slice(1)) {
      if (/\(node:|at node:/.test(line)) continue;
      return inNodeModules.test(line);
    }
    return true;
  }
  if (!Array.isArray(callSites)) return true;
  for (const callSite of callSites) {
    const fileName = callSite.getFileName?.();
    if (!fileName || fileName.startsWith('node:')) continue;
    return inNodeModules.test(fileName);
  }
  return true;
}

// DEP0005: warns once, and only for Buffer() called from outside node_modules (from
// anywhere with --pending-deprecation).
function showFlaggedDeprecation() {
  if (bufferWarningEmitted) return;
  const pending = process.execArgv.includes('--pending-deprecation') ||
    process.env.NODE_PENDING_DEPRECATION === '1';
  if (!pending && isCalledFromNodeModules()) return;
  bufferWarningEmitted = true;
  process.emitWarning(bufferWarning, 'DeprecationWarning', 'DEP0005');
}

function Buffer(arg, encodingOrOffset, length) {
  showFlaggedDeprecation();
  if (typeof arg === 'number') {
    if (typeof encodingOrOffset === 'string') {
      throw new ERR_INVALID_ARG_TYPE('string', 'string', arg);
    }
    return Buffer.alloc(arg);
  }
  return Buffer.from(arg, encodingOrOffset, length);
}

Object.defineProperty(Buffer, Symbol.species, {
  enumerable: false, configurable: true, get() { return FastBuffer; },
});

Buffer.from = function from(value, encodingOrOffset, length) {
  if (typeof value === 'string') return fromString(value, encodingOrOffset);
  if (typeof value === 'object' && value !== null) {
    if (isAnyArrayBuffer(value)) return fromArrayBuffer(value, encodingOrOffset, length);
    const valueOf = value.valueOf && value.valueOf();
    if (valueOf != null && valueOf !== value &&
        (typeof valueOf === 'string' || typeof valueOf === 'object')) {
      return from(valueOf, encodingOrOffset, length);
    }
    const buf = fromObject(value);
    if (buf) return buf;
    if (typeof value[Symbol.toPrimitive] === 'function') {
      const primitive = value[Symbol.toPrimitive]('string');
      if (typeof primitive === 'string') return fromString(primitive, encodingOrOffset);
    }
  }
  throw new ERR_INVALID_ARG_TYPE(
    'first argument', ['string', 'Buffer', 'ArrayBuffer', 'Array', 'Array-like Object'], value);
};

Buffer.copyBytesFrom = function copyBytesFrom(view, offset, length) {
  if (!isTypedArray(view)) throw new ERR_INVALID_ARG_TYPE('view', ['TypedArray'], view);
  const viewLength = typedArrayLength.call(view);
  if (viewLength === 0) return Buffer.alloc(0);
  if (offset !== undefined || length !== undefined) {
    if (offset !== undefined) {
      validateInteger(offset, 'offset', 0);
      if (offset >= viewLength) return Buffer.alloc(0);
    } else {
      offset = 0;
    }
    let end;
    if (length !== undefined) {
      validateInteger(length, 'length', 0);
      end = offset + length;
    } else {
      end = viewLength;
    }
    view = TypedArrayPrototype.slice.call(view, offset, end);
  }
  return fromArrayLike(new Uint8Array(view.buffer, view.byteOffset, view.byteLength));
};

Buffer.of = function of(...items) {
  const buf = allocate(items.length);
  for (let i = 0; i < items.length; i++) buf[i] = items[i];
  return buf;
};

const validateOffset = hideStackFrames((value, name, min = 0, max = kMaxLength) => {
  if (typeof value !== 'number') throw new ERR_INVALID_ARG_TYPE(name, 'number', value);
  if (!Number.isInteger(value)) throw new ERR_OUT_OF_RANGE(name, 'an integer', value);
  if (value < min || value > max) throw new ERR_OUT_OF_RANGE(name, `>= ${min} && <= ${max}`, value);
});

const assertSize = hideStackFrames((size) => {
  validateNumber(size, 'size', 0, kMaxLength);
});

Buffer.alloc = function alloc(size, fill, encoding) {
  assertSize(size);
  if (fill !== undefined && fill !== 0 && size > 0) {
    return fillImpl(new FastBuffer(size), fill, 0, size, encoding);
  }
  return new FastBuffer(size);
};

Buffer.allocUnsafe = function allocUnsafe(size) {
  assertSize(size);
  return allocate(size);
};

Buffer.allocUnsafeSlow = function allocUnsafeSlow(size) {
  assertSize(size);
  return new FastBuffer(size);
};

Buffer.isBuffer = function isBuffer(b) {
  return b instanceof Buffer;
};

function compareBytes(a, b) {
  return binding.compare(a, b);
}

Buffer.compare = function compare(buf1, buf2) {
  if (!isUint8Array(buf1)) throw new ERR_INVALID_ARG_TYPE('buf1', ['Buffer', 'Uint8Array'], buf1);
  if (!isUint8Array(buf2)) throw new ERR_INVALID_ARG_TYPE('buf2', ['Buffer', 'Uint8Array'], buf2);
  if (buf1 === buf2) return 0;
  return compareBytes(buf1, buf2);
};

Buffer.isEncoding = function isEncoding(encoding) {
  return typeof encoding === 'string' && encoding.length !== 0 &&
    normalizeEncoding(encoding) !== undefined;
};

Buffer.concat = function concat(list, length) {
  validateArray(list, 'list');
  if (list.length === 0) return new FastBuffer();
  for (let i = 0; i < list.length; i++) {
    if (!isUint8Array(list[i])) {
      throw new ERR_INVALID_ARG_TYPE(`list[${i}]`, ['Buffer', 'Uint8Array'], list[i]);
    }
  }
  if (length === undefined) {
    length = 0;
    for (let i = 0; i < list.length; i++) length += typedArrayByteLength.call(list[i]);
  } else {
    validateOffset(length, 'length');
  }
  const buffer = Buffer.allocUnsafe(length);
  let pos = 0;
  for (let i = 0; i < list.length; i++) {
    const buf = list[i];
    pos += copyActual(buf, buffer, pos, 0, typedArrayByteLength.call(buf));
  }
  if (pos < length) typedArrayFill.call(buffer, 0, pos, length);
  return buffer;
};

function byteLength(string, encoding) {
  if (typeof string !== 'string') {
    if (isArrayBufferView(string) || isAnyArrayBuffer(string)) return string.byteLength;
    throw new ERR_INVALID_ARG_TYPE('string', ['string', 'Buffer', 'ArrayBuffer'], string);
  }
  const length = string.length;
  if (length === 0) return 0;
  if (!encoding || encoding === 'utf8') return byteLengthUtf8(string);
  if (encoding === 'ascii') return length;
  const ops = getEncodingOps(encoding);
  if (ops === undefined) return byteLengthUtf8(string);
  return ops.byteLength(string);
}
Buffer.byteLength = byteLength;

Buffer.poolSize = 8 * 1024;

Buffer.prototype = FastBuffer.prototype;
FastBuffer.prototype.constructor = Buffer;
Object.setPrototypeOf(Buffer, Uint8Array);

// --- copying, comparing, filling -----------------------------------------------------------
function toInteger(n, defaultValue) {
  n = +n;
  if (!Number.isNaN(n) && n >= Number.MIN_SAFE_INTEGER && n <= Number.MAX_SAFE_INTEGER) {
    return (n % 1) === 0 ? n : Math.floor(n);
  }
  return defaultValue;
}

function asBytes(view) {
  return isUint8Array(view) ? view : new Uint8Array(view.buffer, view.byteOffset, view.byteLength);
}

function copyActual(source, target, targetStart, sourceStart, sourceEnd) {
  if (sourceEnd - sourceStart > target.byteLength - targetStart) {
    sourceEnd = sourceStart + target.byteLength - targetStart;
  }
  let count = sourceEnd - sourceStart;
  const sourceLength = source.byteLength - sourceStart;
  if (count > sourceLength) count = sourceLength;
  if (count <= 0) return 0;
  const from = new Uint8Array(source.buffer, source.byteOffset + sourceStart, count);
  typedArraySet.call(asBytes(target), from, targetStart);
  return count;
}

function copyImpl(source, target, targetStart, sourceStart, sourceEnd) {
  if (!isArrayBufferView(source)) {
    throw new ERR_INVALID_ARG_TYPE('source', ['Buffer', 'Uint8Array'], source);
  }
  if (!isArrayBufferView(target)) {
    throw new ERR_INVALID_ARG_TYPE('target', ['Buffer', 'Uint8Array'], target);
  }
  if (targetStart === undefined) {
    targetStart = 0;
  } else {
    targetStart = Number.isInteger(targetStart) ? targetStart : toInteger(targetStart, 0);
    if (targetStart < 0) throw new ERR_OUT_OF_RANGE('targetStart', '>= 0', targetStart);
  }
  if (sourceStart === undefined) {
    sourceStart = 0;
  } else {
    sourceStart = Number.isInteger(sourceStart) ? sourceStart : toInteger(sourceStart, 0);
    if (sourceStart < 0 || sourceStart > source.byteLength) {
      throw new ERR_OUT_OF_RANGE('sourceStart', `>= 0 && <= ${source.byteLength}`, sourceStart);
    }
  }
  if (sourceEnd === undefined) {
    sourceEnd = source.byteLength;
  } else {
    sourceEnd = Number.isInteger(sourceEnd) ? sourceEnd : toInteger(sourceEnd, 0);
    if (sourceEnd < 0) throw new ERR_OUT_OF_RANGE('sourceEnd', '>= 0', sourceEnd);
  }
  if (targetStart >= target.byteLength || sourceStart >= sourceEnd) return 0;
  return copyActual(source, target, targetStart, sourceStart, sourceEnd);
}

// Errors Node raises from C++: a plain error with a `code` property.
function nativeError(ErrorClass, code, message) {
  const err = new ErrorClass(message);
  err.code = code;
  return err;
}

function compareOffset(source, target, targetStart, sourceStart, targetEnd, sourceEnd) {
  if (sourceStart > source.length) throw nativeError(RangeError, 'ERR_OUT_OF_RANGE', 'The value of "sourceStart" is out of range.');
  if (targetStart > target.length) throw nativeError(RangeError, 'ERR_OUT_OF_RANGE', 'The value of "targetStart" is out of range.');
  const sourceLength = sourceEnd - sourceStart;
  const targetLength = targetEnd - targetStart;
  const count = Math.min(sourceLength, targetLength, source.length - sourceStart);
  let result = 0;
  if (count > 0) {
    result = compareBytes(
      new Uint8Array(source.buffer, source.byteOffset + sourceStart, count),
      new Uint8Array(target.buffer, target.byteOffset + targetStart,
                     Math.min(count, target.length - targetStart)));
  }
  if (result !== 0) return result;
  return sourceLength > targetLength ? 1 : sourceLength < targetLength ? -1 : 0;
}

// Repeats `pattern` over buf[offset, end); -1 when there is nothing to repeat.
function fillPattern(buf, pattern, offset, end) {
  const length = end - offset;
  if (pattern.length === 0) return -1;
  const first = Math.min(pattern.length, length);
  typedArraySet.call(buf, first === pattern.length ? pattern : pattern.subarray(0, first), offset);
  let filled = first;
  while (filled < length) {
    const chunk = Math.min(filled, length - filled);
    buf.copyWithin(offset + filled, offset, offset + chunk);
    filled += chunk;
  }
  return 0;
}

function fillImpl(buf, value, offset, end, encoding) {
  let id = UTF8;
  if (typeof value === 'string') {
    if (offset === undefined || typeof offset === 'string') {
      encoding = offset;
      offset = 0;
      end = buf.length;
    } else if (typeof end === 'string') {
      encoding = end;
      end = buf.length;
    }
    const normalized = normalizeEncoding(encoding);
    if (normalized === undefined) {
      validateString(encoding, 'encoding');
      throw new ERR_UNKNOWN_ENCODING(encoding);
    }
    id = encodingOps[normalized].encodingVal;
    if (value.length === 0) {
      value = 0;
    } else if (value.length === 1) {
      if (normalized === 'utf8') {
        const code = value.charCodeAt(0);
        if (code < 128) value = code;
      } else if (normalized === 'latin1') {
        value = value.charCodeAt(0);
      }
    }
  }
  if (offset === undefined) {
    offset = 0;
    end = buf.length;
  } else {
    validateOffset(offset, 'offset');
    if (end === undefined) {
      end = buf.length;
    } else {
      validateOffset(end, 'end', 0, buf.length);
    }
    if (offset >= end) return buf;
  }
  if (typeof value === 'number') {
    if (offset > end || end - offset + offset > typedArrayByteLength.call(buf)) {
      throw new ERR_BUFFER_OUT_OF_BOUNDS();
    }
    typedArrayFill.call(buf, value, offset, end);
    return buf;
  }
  let pattern;
  if (typeof value === 'string') {
    pattern = encodeFresh(value, id);
  } else if (isArrayBufferView(value)) {
    pattern = asBytes(value);
  } else {
    typedArrayFill.call(buf, Number(value) >>> 0 & 255, offset, end);
    return buf;
  }
  if (fillPattern(buf, pattern, offset, end) < 0) throw new ERR_INVALID_ARG_VALUE('value', value);
  return buf;
}

// --- searching -----------------------------------------------------------------------------
function bidirectionalIndexOf(buffer, value, byteOffset, encoding, forward) {
  validateBuffer(buffer);
  if (typeof byteOffset === 'string') {
    encoding = byteOffset;
    byteOffset = undefined;
  } else if (byteOffset > 0x7fffffff) {
    byteOffset = 0x7fffffff;
  } else if (byteOffset < -0x80000000) {
    byteOffset = -0x80000000;
  }
  byteOffset = +byteOffset;
  if (Number.isNaN(byteOffset)) byteOffset = forward ? 0 : (buffer.length || buffer.byteLength);
  if (typeof value === 'number') {
    return binding.indexOfNumber(buffer, (value >>> 0) & 255, byteOffset, forward);
  }
  const ops = encoding === undefined ? encodingOps.utf8 : getEncodingOps(encoding);
  if (typeof value === 'string') {
    if (ops === undefined) throw new ERR_UNKNOWN_ENCODING(encoding);
    return ops.indexOf(buffer, value, byteOffset, forward);
  }
  if (isUint8Array(value)) {
    const utf16 = ops !== undefined && ops.encodingVal === UTF16LE;
    return binding.indexOf(buffer, value, byteOffset, forward, utf16);
  }
  throw new ERR_INVALID_ARG_TYPE('value', ['number', 'string', 'Buffer', 'Uint8Array'], value);
}

// --- number reads and writes ---------------------------------------------------------------
function boundsError(value, length, type) {
  if (Math.floor(value) !== value) {
    validateNumber(value, type);
    throw new ERR_OUT_OF_RANGE(type || 'offset', 'an integer', value);
  }
  if (length < 0) throw new ERR_BUFFER_OUT_OF_BOUNDS();
  throw new ERR_OUT_OF_RANGE(type || 'offset', `>= ${type ? 1 : 0} and <= ${length}`, value);
}

function checkBounds(buf, offset, lastIndex) {
  validateNumber(offset, 'offset');
  if (buf[offset] === undefined || buf[offset + lastIndex] === undefined) {
    boundsError(offset, buf.length - (lastIndex + 1));
  }
}

function checkInt(value, min, max, buf, offset, lastIndex) {
  if (value > max || value < min) {
    const n = typeof min === 'bigint' ? 'n' : '';
    let range;
    if (lastIndex > 3) {
      if (min === 0 || min === 0n) {
        range = `>= 0${n} and < 2${n} ** ${(lastIndex + 1) * 8}${n}`;
      } else {
        range = `>= -(2${n} ** ${(lastIndex + 1) * 8 - 1}${n}) and ` +
          `< 2${n} ** ${(lastIndex + 1) * 8 - 1}${n}`;
      }
    } else {
      range = `>= ${min}${n} and <= ${max}${n}`;
    }
    throw new ERR_OUT_OF_RANGE('value', range, value);
  }
  checkBounds(buf, offset, lastIndex);
}

// Unsigned value of `size` bytes (1-6) at `offset`, after Node's bounds checks.
function readUnsigned(buf, offset, size, littleEndian) {
  validateNumber(offset, 'offset');
  if (buf[offset] === undefined || buf[offset + size - 1] === undefined) {
    boundsError(offset, buf.length - size);
  }
  let value = 0;
  for (let i = 0; i < size; i++) {
    const byte = buf[littleEndian ? offset + size - 1 - i : offset + i];
    value = value * 256 + byte;
  }
  return value;
}

function readSigned(buf, offset, size, littleEndian) {
  const value = readUnsigned(buf, offset, size, littleEndian);
  const limit = 2 ** (size * 8 - 1);
  return value >= limit ? value - limit * 2 : value;
}

function writeInteger(buf, value, offset, size, littleEndian, min, max) {
  value = +value;
  if (size === 1) {
    validateNumber(offset, 'offset');
    if (value > max || value < min) {
      throw new ERR_OUT_OF_RANGE('value', `>= ${min} and <= ${max}`, value);
    }
    if (buf[offset] === undefined) boundsError(offset, buf.length - 1);
    buf[offset] = value;
    return offset + 1;
  }
  checkInt(value, min, max, buf, offset, size - 1);
  const high = Math.floor(value * 2 ** -32);
  for (let i = 0; i < size; i++) {
    const byte = i < 4 ? value >>> (i * 8) : high >>> ((i - 4) * 8);
    buf[littleEndian ? offset + i : offset + size - 1 - i] = byte;
  }
  return offset + size;
}

function unsignedMax(size) {
  return 2 ** (size * 8) - 1;
}

function readSized(kind, littleEndian) {
  return function(offset, byteLength) {
    if (offset === undefined) throw new ERR_INVALID_ARG_TYPE('offset', 'number', offset);
    if (byteLength >= 1 && byteLength <= 6 && Number.isInteger(byteLength)) {
      return kind === 'signed' ?
        readSigned(this, offset, byteLength, littleEndian) :
        readUnsigned(this, offset, byteLength, littleEndian);
    }
    boundsError(byteLength, 6, 'byteLength');
  };
}

function writeSized(kind, littleEndian) {
  return function(value, offset, byteLength) {
    if (byteLength >= 1 && byteLength <= 6 && Number.isInteger(byteLength)) {
      const limit = 2 ** (byteLength * 8 - 1);
      return kind === 'signed' ?
        writeInteger(this, value, offset, byteLength, littleEndian, -limit, limit - 1) :
        writeInteger(this, value, offset, byteLength, littleEndian, 0, unsignedMax(byteLength));
    }
    boundsError(byteLength, 6, 'byteLength');
  };
}

const float32Array = new Float32Array(1);
const float64Array = new Float64Array(1);
const float32Bytes = new Uint8Array(float32Array.buffer);
const float64Bytes = new Uint8Array(float64Array.buffer);
const hostLittleEndian = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

function readFloat(buf, offset, scratch, bytes, littleEndian) {
  validateNumber(offset, 'offset');
  const size = bytes.length;
  if (buf[offset] === undefined || buf[offset + size - 1] === undefined) {
    boundsError(offset, buf.length - size);
  }
  const same = littleEndian === hostLittleEndian;
  for (let i = 0; i < size; i++) bytes[same ? i : size - 1 - i] = buf[offset + i];
  return scratch[0];
}

function writeFloat(buf, value, offset, scratch, bytes, littleEndian) {
  value = +value;
  const size = bytes.length;
  checkBounds(buf, offset, size - 1);
  scratch[0] = value;
  const same = littleEndian === hostLittleEndian;
  for (let i = 0; i < size; i++) buf[offset + i] = bytes[same ? i : size - 1 - i];
  return offset + size;
}

function readBig(buf, offset, littleEndian, signed) {
  validateNumber(offset, 'offset');
  if (buf[offset] === undefined || buf[offset + 7] === undefined) {
    boundsError(offset, buf.length - 8);
  }
  const low = readUnsigned(buf, littleEndian ? offset : offset + 4, 4, littleEndian);
  const high = littleEndian ? buf[offset + 4] | (buf[offset + 5] << 8) |
    (buf[offset + 6] << 16) | (buf[offset + 7] << 24) :
    (buf[offset] << 24) | (buf[offset + 1] << 16) | (buf[offset + 2] << 8) | buf[offset + 3];
  const highBig = signed ? BigInt(high) : BigInt(high >>> 0);
  return (highBig << 32n) + BigInt(low);
}

function writeBig(buf, value, offset, littleEndian, min, max) {
  checkInt(value, min, max, buf, offset, 7);
  let low = Number(value & 0xffffffffn);
  let high = Number((value >> 32n) & 0xffffffffn);
  for (let i = 0; i < 4; i++) {
    buf[littleEndian ? offset + i : offset + 7 - i] = low;
    buf[littleEndian ? offset + 4 + i : offset + 3 - i] = high;
    low >>>= 8;
    high >>>= 8;
  }
  return offset + 8;
}

const numberMethods = {
  readBigUInt64LE(offset = 0) { return readBig(this, offset, true, false); },
  readBigUInt64BE(offset = 0) { return readBig(this, offset, false, false); },
  readBigInt64LE(offset = 0) { return readBig(this, offset, true, true); },
  readBigInt64BE(offset = 0) { return readBig(this, offset, false, true); },
  writeBigUInt64LE(value, offset = 0) {
    return writeBig(this, value, offset, true, 0n, 0xffffffffffffffffn);
  },
  writeBigUInt64BE(value, offset = 0) {
    return writeBig(this, value, offset, false, 0n, 0xffffffffffffffffn);
  },
  writeBigInt64LE(value, offset = 0) {
    return writeBig(this, value, offset, true, -(2n ** 63n), 2n ** 63n - 1n);
  },
  writeBigInt64BE(value, offset = 0) {
    return writeBig(this, value, offset, false, -(2n ** 63n), 2n ** 63n - 1n);
  },
  readUIntLE: readSized('unsigned', true),
  readUInt32LE(offset = 0) { return readUnsigned(this, offset, 4, true); },
  readUInt16LE(offset = 0) { return readUnsigned(this, offset, 2, true); },
  readUInt8(offset = 0) { return readUnsigned(this, offset, 1, true); },
  readUIntBE: readSized('unsigned', false),
  readUInt32BE(offset = 0) { return readUnsigned(this, offset, 4, false); },
  readUInt16BE(offset = 0) { return readUnsigned(this, offset, 2, false); },
  readIntLE: readSized('signed', true),
  readInt32LE(offset = 0) { return readSigned(this, offset, 4, true); },
  readInt16LE(offset = 0) { return readSigned(this, offset, 2, true); },
  readInt8(offset = 0) { return readSigned(this, offset, 1, true); },
  readIntBE: readSized('signed', false),
  readInt32BE(offset = 0) { return readSigned(this, offset, 4, false); },
  readInt16BE(offset = 0) { return readSigned(this, offset, 2, false); },
  writeUIntLE: writeSized('unsigned', true),
  writeUInt32LE(value, offset = 0) {
    return writeInteger(this, value, offset, 4, true, 0, 0xffffffff);
  },
  writeUInt16LE(value, offset = 0) { return writeInteger(this, value, offset, 2, true, 0, 0xffff); },
  writeUInt8(value, offset = 0) { return writeInteger(this, value, offset, 1, true, 0, 0xff); },
  writeUIntBE: writeSized('unsigned', false),
  writeUInt32BE(value, offset = 0) {
    return writeInteger(this, value, offset, 4, false, 0, 0xffffffff);
  },
  writeUInt16BE(value, offset = 0) {
    return writeInteger(this, value, offset, 2, false, 0, 0xffff);
  },
  writeIntLE: writeSized('signed', true),
  writeInt32LE(value, offset = 0) {
    return writeInteger(this, value, offset, 4, true, -0x80000000, 0x7fffffff);
  },
  writeInt16LE(value, offset = 0) {
    return writeInteger(this, value, offset, 2, true, -0x8000, 0x7fff);
  },
  writeInt8(value, offset = 0) { return writeInteger(this, value, offset, 1, true, -0x80, 0x7f); },
  writeIntBE: writeSized('signed', false),
  writeInt32BE(value, offset = 0) {
    return writeInteger(this, value, offset, 4, false, -0x80000000, 0x7fffffff);
  },
  writeInt16BE(value, offset = 0) {
    return writeInteger(this, value, offset, 2, false, -0x8000, 0x7fff);
  },
  readFloatLE(offset = 0) { return readFloat(this, offset, float32Array, float32Bytes, true); },
  readFloatBE(offset = 0) { return readFloat(this, offset, float32Array, float32Bytes, false); },
  readDoubleLE(offset = 0) { return readFloat(this, offset, float64Array, float64Bytes, true); },
  readDoubleBE(offset = 0) { return readFloat(this, offset, float64Array, float64Bytes, false); },
  writeFloatLE(value, offset = 0) {
    return writeFloat(this, value, offset, float32Array, float32Bytes, true);
  },
  writeFloatBE(value, offset = 0) {
    return writeFloat(this, value, offset, float32Array, float32Bytes, false);
  },
  writeDoubleLE(value, offset = 0) {
    return writeFloat(this, value, offset, float64Array, float64Bytes, true);
  },
  writeDoubleBE(value, offset = 0) {
    return writeFloat(this, value, offset, float64Array, float64Bytes, false);
  },
};

// --- the per-encoding slice/write methods --------------------------------------------------
function outOfRangeIndexError() {
  return nativeError(RangeError, 'ERR_OUT_OF_RANGE', 'Index out of range');
}

function notStringError() {
  return nativeError(TypeError, 'ERR_INVALID_ARG_TYPE', 'argument must be a string');
}

// A native-style array index: undefined means `fallback`, negatives are an error.
function parseArrayIndex(value, fallback) {
  if (value === undefined) return fallback;
  const index = Math.trunc(+value) || 0;
  if (index < 0) throw outOfRangeIndexError();
  return index;
}

function sliceMethod(id) {
  return function(start, end) {
    validateBuffer(this, 'this');
    const length = typedArrayByteLength.call(this);
    start = parseArrayIndex(start, 0);
    end = parseArrayIndex(end, length);
    if (end < start) end = start;
    if (end > length) throw outOfRangeIndexError();
    return decodeRange(asBytes(this), id, start, end);
  };
}

function writeMethod(id) {
  return function(string, offset, length) {
    if (typeof string !== 'string') throw notStringError();
    const bufferLength = typedArrayByteLength.call(this);
    offset = offset === undefined ? 0 : Math.trunc(+offset) || 0;
    if (offset < 0 || offset > bufferLength) throw new ERR_BUFFER_OUT_OF_BOUNDS('offset');
    length = length === undefined ? bufferLength - offset : Math.trunc(+length) || 0;
    if (length < 0 || length > bufferLength - offset) throw new ERR_BUFFER_OUT_OF_BOUNDS('length');
    if (length === 0) return 0;
    return writeEncoded(asBytes(this), string, offset, length, id);
  };
}

const utf8Write = writeMethod(UTF8);
const asciiWrite = writeMethod(ASCII);

// --- Buffer.prototype ----------------------------------------------------------------------
const proto = Buffer.prototype;
for (const name of Object.keys(numberMethods)) {
  proto[name] = numberMethods[name];
  if (name.includes('UInt')) proto[name.replace('UInt', 'Uint')] = numberMethods[name];
}

const encodingNames = ['ascii', 'base64', 'base64url', 'latin1', 'hex', 'ucs2', 'utf8'];
for (const name of encodingNames) {
  proto[`${name}Slice`] = sliceMethod(encodingOps[name].encodingVal);
}
for (const name of encodingNames) {
  proto[`${name}Write`] = writeMethod(encodingOps[name].encodingVal);
}

Object.defineProperty(proto, 'parent', {
  enumerable: true,
  configurable: true,
  get() {
    if (!(this instanceof Buffer)) return undefined;
    return this.buffer;
  },
});
Object.defineProperty(proto, 'offset', {
  enumerable: true,
  configurable: true,
  get() {
    if (!(this instanceof Buffer)) return undefined;
    return this.byteOffset;
  },
});

proto.copy = function copy(target, targetStart, sourceStart, sourceEnd) {
  return copyImpl(this, target, targetStart, sourceStart, sourceEnd);
};

proto.toString = function toString(encoding, start, end) {
  if (arguments.length === 0) return decodeRange(this, UTF8, 0, this.length);
  const length = this.length;
  if (start <= 0) {
    start = 0;
  } else if (start >= length) {
    return '';
  } else {
    start = Math.trunc(start) || 0;
  }
  if (end === undefined || end > length) {
    end = length;
  } else {
    end = Math.trunc(end) || 0;
  }
  if (end <= start) return '';
  if (encoding === undefined) return decodeRange(this, UTF8, start, end);
  const ops = getEncodingOps(encoding);
  if (ops === undefined) throw new ERR_UNKNOWN_ENCODING(encoding);
  return ops.slice(this, start, end);
};

proto.equals = function equals(otherBuffer) {
  if (!isUint8Array(otherBuffer)) {
    throw new ERR_INVALID_ARG_TYPE('otherBuffer', ['Buffer', 'Uint8Array'], otherBuffer);
  }
  if (this === otherBuffer) return true;
  const length = typedArrayByteLength.call(this);
  if (length !== typedArrayByteLength.call(otherBuffer)) return false;
  return length === 0 || compareBytes(this, otherBuffer) === 0;
};

proto[customInspectSymbol] = function inspect(recurseTimes, ctx) {
  const max = INSPECT_MAX_BYTES;
  const shown = Math.min(max, this.length);
  const remaining = this.length - max;
  let str = decodeRange(asBytes(this), HEX, 0, shown).replace(/(.{2})/g, '$1 ').trim();
  if (remaining > 0) str += ` ... ${remaining} more byte${remaining > 1 ? 's' : ''}`;
  if (ctx) {
    const { inspect: utilInspect } = require('internal/util/inspect');
    const { getOwnNonIndexProperties, constants: { ALL_PROPERTIES = 0, ONLY_ENUMERABLE = 2 } = {} } =
      internalBinding('util');
    const extras = { __proto__: null };
    let hasExtras = false;
    const filter = ctx.showHidden ? ALL_PROPERTIES : ONLY_ENUMERABLE;
    for (const key of getOwnNonIndexProperties(this, filter)) {
      hasExtras = true;
      extras[key] = this[key];
    }
    if (hasExtras) {
      if (this.length !== 0) str += ', ';
      // '[Object: null prototype] {'.length is 26; the slice keeps only the properties.
      str += utilInspect(extras, { ...ctx, breakLength: Infinity, compact: true }).slice(27, -2);
    }
  }
  return `<${this.constructor.name} ${str}>`;
};
proto.inspect = proto[customInspectSymbol];

proto.compare = function compare(target, targetStart, targetEnd, sourceStart, sourceEnd) {
  if (!isUint8Array(target)) {
    throw new ERR_INVALID_ARG_TYPE('target', ['Buffer', 'Uint8Array'], target);
  }
  if (arguments.length === 1) return compareBytes(this, target);
  if (targetStart === undefined) targetStart = 0;
  else validateOffset(targetStart, 'targetStart');
  if (targetEnd === undefined) targetEnd = target.length;
  else validateOffset(targetEnd, 'targetEnd', 0, target.length);
  if (sourceStart === undefined) sourceStart = 0;
  else validateOffset(sourceStart, 'sourceStart');
  if (sourceEnd === undefined) sourceEnd = this.length;
  else validateOffset(sourceEnd, 'sourceEnd', 0, this.length);
  if (sourceStart >= sourceEnd) return targetStart >= targetEnd ? 0 : -1;
  if (targetStart >= targetEnd) return 1;
  return compareOffset(this, target, targetStart, sourceStart, targetEnd, sourceEnd);
};

proto.indexOf = function indexOf(value, byteOffset, encoding) {
  return bidirectionalIndexOf(this, value, byteOffset, encoding, true);
};

proto.lastIndexOf = function lastIndexOf(value, byteOffset, encoding) {
  return bidirectionalIndexOf(this, value, byteOffset, encoding, false);
};

proto.includes = function includes(value, byteOffset, encoding) {
  return bidirectionalIndexOf(this, value, byteOffset, encoding, true) !== -1;
};

proto.fill = function fill(value, offset, end, encoding) {
  return fillImpl(this, value, offset, end, encoding);
};

proto.write = function write(string, offset, length, encoding) {
  if (offset === undefined) return utf8Write.call(this, string, 0, this.length);
  if (length === undefined && typeof offset === 'string') {
    encoding = offset;
    length = this.length;
    offset = 0;
  } else {
    validateOffset(offset, 'offset', 0, this.length);
    const remaining = this.length - offset;
    if (length === undefined) {
      length = remaining;
    } else if (typeof length === 'string') {
      encoding = length;
      length = remaining;
    } else {
      validateOffset(length, 'length', 0, this.length);
      if (length > remaining) length = remaining;
    }
  }
  if (!encoding || encoding === 'utf8') return utf8Write.call(this, string, offset, length);
  if (encoding === 'ascii') return asciiWrite.call(this, string, offset, length);
  const ops = getEncodingOps(encoding);
  if (ops === undefined) throw new ERR_UNKNOWN_ENCODING(encoding);
  if (typeof string !== 'string') throw notStringError();
  return ops.write(this, string, offset, length);
};

proto.toJSON = function toJSON() {
  if (this.length > 0) {
    const data = new Array(this.length);
    for (let i = 0; i < this.length; ++i) data[i] = this[i];
    return { type: 'Buffer', data };
  }
  return { type: 'Buffer', data: [] };
};

function adjustOffset(offset, length) {
  offset = Math.trunc(offset);
  if (offset === 0 || Number.isNaN(offset)) return 0;
  if (offset < 0) {
    offset += length;
    return offset > 0 ? offset : 0;
  }
  return offset < length ? offset : length;
}

proto.subarray = function subarray(start, end) {
  const sourceLength = this.length;
  start = adjustOffset(start, sourceLength);
  end = end !== undefined ? adjustOffset(end, sourceLength) : sourceLength;
  const newLength = end > start ? end - start : 0;
  return new FastBuffer(this.buffer, this.byteOffset + start, newLength);
};

proto.slice = function slice(start, end) {
  return this.subarray(start, end);
};

function swap(buf, a, b) {
  const byte = buf[a];
  buf[a] = buf[b];
  buf[b] = byte;
}

function swapMethod(width) {
  return function() {
    const length = this.length;
    if (length % width !== 0) throw new ERR_INVALID_BUFFER_SIZE(`${width * 8}-bits`);
    for (let i = 0; i < length; i += width) {
      for (let j = 0; j < width / 2; j++) swap(this, i + j, i + width - 1 - j);
    }
    return this;
  };
}
proto.swap16 = swapMethod(2);
proto.swap32 = swapMethod(4);
proto.swap64 = swapMethod(8);

proto.toLocaleString = proto.toString;

// --- module functions ----------------------------------------------------------------------
const transcodable = new Set(['ascii', 'latin1', 'binary', 'ucs2', 'utf16le', 'utf8']);

function transcode(source, fromEncoding, toEncoding) {
  if (!isUint8Array(source)) {
    throw new ERR_INVALID_ARG_TYPE('source', ['Buffer', 'Uint8Array'], source);
  }
  if (source.length === 0) return Buffer.alloc(0);
  const from = normalizeEncoding(fromEncoding) || fromEncoding;
  const to = normalizeEncoding(toEncoding) || toEncoding;
  if (!transcodable.has(from) || !transcodable.has(to)) {
    const err = new Error(`Unable to transcode Buffer [U_ILLEGAL_ARGUMENT_ERROR]`);
    err.code = 'U_ILLEGAL_ARGUMENT_ERROR';
    err.errno = 1;
    throw err;
  }
  let text = decodeRange(source, encodingOps[from].encodingVal, 0, source.length);
  if (to === 'ascii' || to === 'latin1') {
    // Characters outside the target set become '?', as ICU's converters do.
    const limit = to === 'ascii' ? 0x7f : 0xff;
    text = text.replace(/[\s\S]/gu, (ch) => (ch.codePointAt(0) > limit ? '?' : ch));
  }
  return wrapBytes(encodeFresh(text, encodingOps[to].encodingVal));
}

// The bytes isUtf8/isAscii look at; a detached buffer is Node's ERR_INVALID_STATE.
function validatableBytes(input) {
  if (!isTypedArray(input) && !isAnyArrayBuffer(input)) {
    throw new ERR_INVALID_ARG_TYPE('input', ['ArrayBuffer', 'Buffer', 'TypedArray'], input);
  }
  const arrayBuffer = isAnyArrayBuffer(input) ? input : input.buffer;
  if (arrayBuffer.detached) throw new ERR_INVALID_STATE('Cannot validate on a detached buffer');
  return input;
}

function isUtf8(input) {
  return binding.isUtf8(validatableBytes(input));
}

function isAscii(input) {
  return binding.isAscii(validatableBytes(input));
}

function invalidCharacterError(message) {
  if (typeof globalThis.DOMException === 'function') {
    return new globalThis.DOMException(message, 'InvalidCharacterError');
  }
  const err = new Error(message);
  err.name = 'InvalidCharacterError';
  err.code = 5;
  return err;
}

function btoa(input) {
  if (arguments.length === 0) throw new ERR_MISSING_ARGS('input');
  input = `${input}`;
  for (let i = 0; i < input.length; i++) {
    if (input.charCodeAt(i) > 0xff) throw invalidCharacterError('Invalid character');
  }
  return decodeRange(encodeFresh(input, LATIN1), BASE64, 0, input.length);
}

const asciiWhitespace = /[\t\n\f\r ]/g;
const nonBase64Character = /[^A-Za-z0-9+/]/;

// WHATWG forgiving-base64 decode, with Node's two error messages.
function atob(input) {
  if (arguments.length === 0) throw new ERR_MISSING_ARGS('input');
  let data = `${input}`.replace(asciiWhitespace, '');
  if (data.length % 4 === 0) data = data.replace(/={1,2}$/, '');
  if (nonBase64Character.test(data)) throw invalidCharacterError('Invalid character');
  if (data.length % 4 === 1) {
    throw invalidCharacterError('The string to be decoded is not correctly encoded.');
  }
  const bytes = encodeFresh(data, BASE64);
  return decodeRange(bytes, LATIN1, 0, bytes.length);
}

let blobModule;
function lazyBlob() {
  blobModule ??= require('internal/blob');
  return blobModule;
}

module.exports = {
  Buffer,
  transcode,
  isUtf8,
  isAscii,
  kMaxLength,
  kStringMaxLength,
  btoa,
  atob,
};

Object.defineProperties(module.exports, {
  constants: { configurable: false, enumerable: true, value: constants },
  INSPECT_MAX_BYTES: {
    configurable: true,
    enumerable: true,
    get() { return INSPECT_MAX_BYTES; },
    set(value) {
      validateNumber(value, 'INSPECT_MAX_BYTES', 0);
      INSPECT_MAX_BYTES = value;
    },
  },
  Blob: { configurable: true, enumerable: true, get() { return lazyBlob().Blob; } },
  resolveObjectURL: {
    configurable: true, enumerable: true, get() { return lazyBlob().resolveObjectURL; },
  },
  File: { configurable: true, enumerable: true, get() { return lazyBlob().File; } },
});

createPool();
