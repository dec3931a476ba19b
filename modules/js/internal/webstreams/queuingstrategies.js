'use strict';
// ByteLengthQueuingStrategy and CountQueuingStrategy: { highWaterMark, size(chunk) } pairs
// for the web streams, counting bytes or chunks.

const { codes: { ERR_INVALID_ARG_TYPE, ERR_MISSING_OPTION } } = require('internal/errors');
const { kState, kType, brandCheck } = require('internal/webstreams/util');

function validateInit(init) {
  if (init === null || typeof init !== 'object') throw new ERR_INVALID_ARG_TYPE('init', 'object', init);
  if (init.highWaterMark === undefined) throw new ERR_MISSING_OPTION('options.highWaterMark');
  return +init.highWaterMark;
}

function byteLengthSize(chunk) {
  return chunk.byteLength;
}
Object.defineProperty(byteLengthSize, 'name', { __proto__: null, value: 'size' });

function countSize() {
  return 1;
}
Object.defineProperty(countSize, 'name', { __proto__: null, value: 'size' });

class ByteLengthQueuingStrategy {
  constructor(init) {
    const highWaterMark = validateInit(init);
    this[kType] = 'ByteLengthQueuingStrategy';
    this[kState] = { highWaterMark };
  }

  get highWaterMark() {
    brandCheck(this, 'ByteLengthQueuingStrategy');
    return this[kState].highWaterMark;
  }

  get size() {
    brandCheck(this, 'ByteLengthQueuingStrategy');
    return byteLengthSize;
  }

  static {
    // A data property, as WebIDL defines it (not a getter).
    Object.defineProperty(this.prototype, Symbol.toStringTag, {
      __proto__: null, value: 'ByteLengthQueuingStrategy', writable: false, enumerable: false, configurable: true,
    });
  }
}

class CountQueuingStrategy {
  constructor(init) {
    const highWaterMark = validateInit(init);
    this[kType] = 'CountQueuingStrategy';
    this[kState] = { highWaterMark };
  }

  get highWaterMark() {
    brandCheck(this, 'CountQueuingStrategy');
    return this[kState].highWaterMark;
  }

  get size() {
    brandCheck(this, 'CountQueuingStrategy');
    return countSize;
  }

  static {
    // A data property, as WebIDL defines it (not a getter).
    Object.defineProperty(this.prototype, Symbol.toStringTag, {
      __proto__: null, value: 'CountQueuingStrategy', writable: false, enumerable: false, configurable: true,
    });
  }
}

for (const ctor of [ByteLengthQueuingStrategy, CountQueuingStrategy]) {
  Object.defineProperties(ctor.prototype, {
    highWaterMark: { __proto__: null, enumerable: true },
    size: { __proto__: null, enumerable: true },
  });
}

module.exports = { ByteLengthQueuingStrategy, CountQueuingStrategy };
