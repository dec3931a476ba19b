'use strict';
// Random values from the OS CSPRNG: randomBytes, randomFill(Sync), randomInt, randomUUID and
// the Web Crypto getRandomValues, with Node's argument checks and error codes.

const binding = internalBinding('crypto');
const { onComplete } = require('internal/async_ops');
const { Buffer } = require('buffer');
const {
  codes: { ERR_INVALID_ARG_TYPE, ERR_OUT_OF_RANGE },
} = require('internal/errors');
const {
  validateNumber, validateFunction, validateObject, validateBoolean,
} = require('internal/validators');
const {
  isAnyArrayBuffer, isArrayBufferView, isTypedArray, isFloat16Array, isFloat32Array,
  isFloat64Array,
} = require('internal/util/types');

// OpenSSL takes sizes as int32.
const kMaxPossibleLength = 2 ** 31 - 1;

function checkOffset(offset, elementSize, length) {
  validateNumber(offset, 'offset');
  offset *= elementSize;
  const maxLength = Math.min(length, kMaxPossibleLength);
  if (Number.isNaN(offset) || offset > maxLength || offset < 0) {
    throw new ERR_OUT_OF_RANGE('offset', `>= 0 && <= ${maxLength}`, offset);
  }
  return offset >>> 0;
}

function checkSize(size, elementSize, offset, length) {
  validateNumber(size, 'size');
  size *= elementSize;
  if (Number.isNaN(size) || size > kMaxPossibleLength || size < 0) {
    throw new ERR_OUT_OF_RANGE('size', `>= 0 && <= ${kMaxPossibleLength}`, size);
  }
  if (size + offset > length) {
    throw new ERR_OUT_OF_RANGE('size + offset', `<= ${length}`, size + offset);
  }
  return size >>> 0;
}

function checkFillTarget(buf) {
  if (!isAnyArrayBuffer(buf) && !isArrayBufferView(buf)) {
    throw new ERR_INVALID_ARG_TYPE('buf', ['ArrayBuffer', 'ArrayBufferView'], buf);
  }
}

function randomBytes(size, callback) {
  size = checkSize(size, 1, 0, Infinity);
  if (callback !== undefined) validateFunction(callback, 'callback');
  const buf = Buffer.allocUnsafeSlow(size);
  if (callback === undefined) {
    if (size > 0) binding.randomFill(buf, 0, size);
    return buf;
  }
  randomFill(buf, 0, size, function onFilled(err) {
    if (err) return Reflect.apply(callback, this, [err]);
    Reflect.apply(callback, this, [null, buf]);
  });
}

function randomFillSync(buf, offset = 0, size) {
  checkFillTarget(buf);
  const elementSize = buf.BYTES_PER_ELEMENT || 1;
  offset = checkOffset(offset, elementSize, buf.byteLength);
  size = size === undefined ?
    buf.byteLength - offset : checkSize(size, elementSize, offset, buf.byteLength);
  if (size > 0) binding.randomFill(isAnyArrayBuffer(buf) ? new Uint8Array(buf) : buf, offset, size);
  return buf;
}

function randomFill(buf, offset, size, callback) {
  checkFillTarget(buf);
  const elementSize = buf.BYTES_PER_ELEMENT || 1;
  if (typeof offset === 'function') {
    callback = offset;
    offset = 0;
    size = buf.length;
  } else if (typeof size === 'function') {
    callback = size;
    size = buf.length - offset;
  } else {
    validateFunction(callback, 'callback');
  }
  offset = checkOffset(offset, elementSize, buf.byteLength);
  size = size === undefined ?
    buf.byteLength - offset : checkSize(size, elementSize, offset, buf.byteLength);
  if (size === 0) {
    callback(null, buf);
    return;
  }
  // The bytes are made on the blocking pool and copied in on the JS thread.
  const id = binding.randomBytesAsync(size);
  const target = new Uint8Array(isAnyArrayBuffer(buf) ? buf : buf.buffer,
                                isAnyArrayBuffer(buf) ? offset : buf.byteOffset + offset, size);
  onComplete(id, (err, bytes) => {
    if (err) return callback(err);
    target.set(bytes);
    callback(null, buf);
  }, 'RandomBytesRequest', false);
}

// randomInt draws 48-bit values from a cache, rejecting those that would bias the range.
const kRandMax = 0xFFFF_FFFF_FFFF;
const randomCache = Buffer.alloc(6 * 1024);
let randomCacheOffset = randomCache.length;
let asyncCacheFillInProgress = false;
const asyncCachePendingTasks = [];

function randomInt(min, max, callback) {
  const minNotSpecified = typeof max === 'undefined' || typeof max === 'function';
  if (minNotSpecified) {
    callback = max;
    max = min;
    min = 0;
  }
  const isSync = typeof callback === 'undefined';
  if (!isSync) validateFunction(callback, 'callback');
  if (!Number.isSafeInteger(min)) throw new ERR_INVALID_ARG_TYPE('min', 'a safe integer', min);
  if (!Number.isSafeInteger(max)) throw new ERR_INVALID_ARG_TYPE('max', 'a safe integer', max);
  if (max <= min) {
    throw new ERR_OUT_OF_RANGE('max', `greater than the value of "min" (${min})`, max);
  }
  const range = max - min;
  if (!(range <= kRandMax)) {
    throw new ERR_OUT_OF_RANGE(`max${minNotSpecified ? '' : ' - min'}`, `<= ${kRandMax}`, range);
  }
  const randLimit = kRandMax - (kRandMax % range);
  while (isSync || randomCacheOffset < randomCache.length) {
    if (randomCacheOffset === randomCache.length) {
      randomFillSync(randomCache);
      randomCacheOffset = 0;
    }
    const x = randomCache.readUIntBE(randomCacheOffset, 6);
    randomCacheOffset += 6;
    if (x < randLimit) {
      const n = (x % range) + min;
      if (isSync) return n;
      process.nextTick(callback, undefined, n);
      return;
    }
  }
  asyncCachePendingTasks.push({ min, max, callback });
  refillRandomIntCache();
}

function refillRandomIntCache() {
  if (asyncCacheFillInProgress) return;
  asyncCacheFillInProgress = true;
  randomFill(randomCache, (err) => {
    asyncCacheFillInProgress = false;
    const tasks = asyncCachePendingTasks.splice(0);
    const errorReceiver = err && tasks.shift();
    if (!err) randomCacheOffset = 0;
    for (const task of tasks) randomInt(task.min, task.max, task.callback);
    if (errorReceiver) errorReceiver.callback(err);
  });
}

function lazyDOMException(message, name) {
  const { DOMException } = require('internal/dom_exception');
  return new DOMException(message, name);
}

function getRandomValues(data) {
  if (!isTypedArray(data) || isFloat16Array(data) || isFloat32Array(data) ||
      isFloat64Array(data)) {
    throw lazyDOMException('The data argument must be an integer-type TypedArray',
                           'TypeMismatchError');
  }
  if (data.byteLength > 65536) {
    throw lazyDOMException('The requested length exceeds 65,536 bytes', 'QuotaExceededError');
  }
  randomFillSync(data, 0);
  return data;
}

// UUIDs come from a batch of 128 x 16 random bytes unless the cache is disabled.
const kUUIDBatch = 128;
let uuidBatchBytes;
let uuidUnbatchedBytes;
let uuidBatchIndex = 0;
const hexOfByte = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

function formatUUID(bytes, at) {
  const hex = (i) => hexOfByte[bytes[at + i]];
  return hex(0) + hex(1) + hex(2) + hex(3) + '-' + hex(4) + hex(5) + '-' +
    hexOfByte[(bytes[at + 6] & 0x0f) | 0x40] + hex(7) + '-' +
    hexOfByte[(bytes[at + 8] & 0x3f) | 0x80] + hex(9) + '-' +
    hex(10) + hex(11) + hex(12) + hex(13) + hex(14) + hex(15);
}

function randomUUID(options) {
  if (options !== undefined) validateObject(options, 'options');
  const { disableEntropyCache = false } = options || {};
  validateBoolean(disableEntropyCache, 'options.disableEntropyCache');
  if (disableEntropyCache) {
    uuidUnbatchedBytes ??= new Uint8Array(16);
    randomFillSync(uuidUnbatchedBytes);
    return formatUUID(uuidUnbatchedBytes, 0);
  }
  uuidBatchBytes ??= new Uint8Array(16 * kUUIDBatch);
  if (uuidBatchIndex === 0) randomFillSync(uuidBatchBytes);
  uuidBatchIndex = (uuidBatchIndex + 1) % kUUIDBatch;
  return formatUUID(uuidBatchBytes, uuidBatchIndex * 16);
}

module.exports = {
  randomBytes, randomFill, randomFillSync, randomInt, randomUUID, getRandomValues,
};
