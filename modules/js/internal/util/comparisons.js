'use strict';

// internal/util/comparisons: the deep equality behind assert.deepEqual,
// assert.deepStrictEqual and util.isDeepStrictEqual.
//
// Strict mode compares primitives with Object.is, requires equal prototypes and
// type tags, and includes enumerable own symbol keys. Loose mode compares
// primitives with == (NaN equals NaN) and ignores prototypes. Both compare
// Dates by time, RegExps by source/flags/lastIndex, boxed primitives by value,
// errors by name/message/cause/errors, buffers and typed arrays by content,
// and Sets and Maps without regard to order. Cycles are handled by remembering
// the pairs of objects under comparison.

const types = require('internal/util/types');

const kStrict = true;
const kLoose = false;

const ObjectPrototypeToString = Object.prototype.toString;
const hasOwn = Object.prototype.hasOwnProperty;
const propertyIsEnumerable = Object.prototype.propertyIsEnumerable;
const arrayBufferByteLength =
  Object.getOwnPropertyDescriptor(ArrayBuffer.prototype, 'byteLength').get;
const sharedArrayBufferByteLength = typeof SharedArrayBuffer === 'function' ?
  Object.getOwnPropertyDescriptor(SharedArrayBuffer.prototype, 'byteLength').get :
  undefined;

function isObjectLike(value) {
  return value !== null && (typeof value === 'object' || typeof value === 'function');
}

/** Own enumerable keys; in strict mode also the enumerable own symbols. */
function ownKeys(value, strict) {
  const keys = Object.keys(value);
  if (strict) {
    for (const symbol of Object.getOwnPropertySymbols(value)) {
      if (propertyIsEnumerable.call(value, symbol)) keys.push(symbol);
    }
  }
  return keys;
}

function isArrayIndex(key) {
  if (typeof key !== 'string') return false;
  const index = Number(key);
  return Number.isInteger(index) && index >= 0 && index < 2 ** 32 - 1 && String(index) === key;
}

function bytesOf(view) {
  return new Uint8Array(view.buffer, view.byteOffset, view.byteLength);
}

function equalBytes(a, b) {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    if (a[i] !== b[i]) return false;
  }
  return true;
}

function isFloatArray(view) {
  return types.isFloat16Array(view) || types.isFloat32Array(view) || types.isFloat64Array(view);
}

function equalTypedArrays(a, b, strict) {
  if (a.byteLength !== b.byteLength) return false;
  if (!isFloatArray(a)) return equalBytes(bytesOf(a), bytesOf(b));
  // Float elements compare as numbers: 0 equals -0, NaN never equals NaN.
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    if (a[i] !== b[i] && !(!strict && Number.isNaN(a[i]) && Number.isNaN(b[i]))) return false;
  }
  return true;
}

function byteLengthOf(buffer) {
  return types.isSharedArrayBuffer(buffer) ?
    sharedArrayBufferByteLength.call(buffer) : arrayBufferByteLength.call(buffer);
}

function equalBoxedPrimitives(a, b) {
  if (types.isNumberObject(a)) {
    return types.isNumberObject(b) && Object.is(Number.prototype.valueOf.call(a),
                                                Number.prototype.valueOf.call(b));
  }
  if (types.isStringObject(a)) {
    return types.isStringObject(b) &&
      String.prototype.valueOf.call(a) === String.prototype.valueOf.call(b);
  }
  if (types.isBooleanObject(a)) {
    return types.isBooleanObject(b) &&
      Boolean.prototype.valueOf.call(a) === Boolean.prototype.valueOf.call(b);
  }
  if (types.isBigIntObject(a)) {
    return types.isBigIntObject(b) &&
      BigInt.prototype.valueOf.call(a) === BigInt.prototype.valueOf.call(b);
  }
  if (types.isSymbolObject(a)) {
    return types.isSymbolObject(b) &&
      Symbol.prototype.valueOf.call(a) === Symbol.prototype.valueOf.call(b);
  }
  return false;
}

/** Pairs of objects being compared right now, so that cycles compare as equal. */
class Memo {
  constructor() {
    this.pairs = new Map();
  }

  enter(a, b) {
    let seen = this.pairs.get(a);
    if (seen === undefined) {
      seen = new Set();
      this.pairs.set(a, seen);
    } else if (seen.has(b)) {
      return false;
    }
    seen.add(b);
    return true;
  }

  leave(a, b) {
    const seen = this.pairs.get(a);
    seen.delete(b);
    if (seen.size === 0) this.pairs.delete(a);
  }
}

function innerDeepEqual(a, b, strict, memo) {
  if (a === b) return a !== 0 || Object.is(a, b) || !strict;
  if (strict) {
    if (typeof a !== 'object') return typeof a === 'number' && Number.isNaN(a) && Number.isNaN(b);
    if (typeof b !== 'object' || a === null || b === null) return false;
  } else {
    if (a === null || typeof a !== 'object') {
      if (b === null || typeof b !== 'object') {
        // eslint-disable-next-line eqeqeq
        return a == b || (Number.isNaN(a) && Number.isNaN(b));
      }
      return false;
    }
    if (b === null || typeof b !== 'object') return false;
  }
  return compareObjects(a, b, strict, memo);
}

function compareObjects(a, b, strict, memo) {
  if (strict && Object.getPrototypeOf(a) !== Object.getPrototypeOf(b)) return false;
  const tag = ObjectPrototypeToString.call(a);
  if (tag !== ObjectPrototypeToString.call(b)) return false;

  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    return compareWithMemo(a, b, strict, memo, 'array');
  }
  if (Array.isArray(b)) return false;
  if (types.isDate(a)) {
    if (!types.isDate(b) ||
        !Object.is(Date.prototype.getTime.call(a), Date.prototype.getTime.call(b))) {
      return false;
    }
  } else if (types.isDate(b)) {
    return false;
  } else if (types.isRegExp(a)) {
    if (!types.isRegExp(b) || a.source !== b.source || a.flags !== b.flags ||
        a.lastIndex !== b.lastIndex) {
      return false;
    }
  } else if (types.isRegExp(b)) {
    return false;
  } else if (types.isNativeError(a) || a instanceof Error) {
    if ((!types.isNativeError(b) && !(b instanceof Error)) ||
        a.message !== b.message || a.name !== b.name) {
      return false;
    }
    if (hasOwn.call(a, 'cause') !== hasOwn.call(b, 'cause') ||
        (hasOwn.call(a, 'cause') && !innerDeepEqual(a.cause, b.cause, strict, memo))) {
      return false;
    }
    if (hasOwn.call(a, 'errors') !== hasOwn.call(b, 'errors') ||
        (hasOwn.call(a, 'errors') && !innerDeepEqual(a.errors, b.errors, strict, memo))) {
      return false;
    }
  } else if (types.isNativeError(b) || b instanceof Error) {
    return false;
  } else if (ArrayBuffer.isView(a)) {
    if (!ArrayBuffer.isView(b)) return false;
    if (types.isDataView(a) !== types.isDataView(b)) return false;
    if (types.isDataView(a)) {
      if (!equalBytes(bytesOf(a), bytesOf(b))) return false;
    } else {
      if (strict && Object.prototype.toString.call(a) !== Object.prototype.toString.call(b)) {
        return false;
      }
      if (!equalTypedArrays(a, b, strict)) return false;
    }
    return compareWithMemo(a, b, strict, memo, 'view');
  } else if (ArrayBuffer.isView(b)) {
    return false;
  } else if (types.isAnyArrayBuffer(a)) {
    if (!types.isAnyArrayBuffer(b) ||
        types.isSharedArrayBuffer(a) !== types.isSharedArrayBuffer(b) ||
        byteLengthOf(a) !== byteLengthOf(b) ||
        !equalBytes(new Uint8Array(a), new Uint8Array(b))) {
      return false;
    }
  } else if (types.isAnyArrayBuffer(b)) {
    return false;
  } else if (types.isSet(a)) {
    if (!types.isSet(b) || a.size !== b.size) return false;
    return compareWithMemo(a, b, strict, memo, 'set');
  } else if (types.isSet(b)) {
    return false;
  } else if (types.isMap(a)) {
    if (!types.isMap(b) || a.size !== b.size) return false;
    return compareWithMemo(a, b, strict, memo, 'map');
  } else if (types.isMap(b)) {
    return false;
  } else if (types.isBoxedPrimitive(a)) {
    if (!equalBoxedPrimitives(a, b)) return false;
  } else if (types.isBoxedPrimitive(b)) {
    return false;
  } else if (types.isWeakMap(a) || types.isWeakSet(a) || types.isPromise(a)) {
    // Their contents can't be read: only the same object is equal.
    return false;
  } else if (types.isArgumentsObject(a) !== types.isArgumentsObject(b)) {
    return false;
  }
  return compareWithMemo(a, b, strict, memo, 'object');
}

function compareWithMemo(a, b, strict, memo, kind) {
  if (!memo.enter(a, b)) return true;
  try {
    return compareContents(a, b, strict, memo, kind);
  } finally {
    memo.leave(a, b);
  }
}

function compareContents(a, b, strict, memo, kind) {
  let keysA = ownKeys(a, strict);
  let keysB = ownKeys(b, strict);
  if (kind === 'array' || kind === 'view') {
    keysA = keysA.filter((key) => !isArrayIndex(key));
    keysB = keysB.filter((key) => !isArrayIndex(key));
  }
  if (keysA.length !== keysB.length) return false;
  for (const key of keysB) {
    if (!propertyIsEnumerable.call(a, key)) return false;
  }
  if (kind === 'array') {
    for (let i = 0; i < a.length; i++) {
      const inA = hasOwn.call(a, i);
      const inB = hasOwn.call(b, i);
      if (inA !== inB) return false;
      if (!innerDeepEqual(a[i], b[i], strict, memo)) return false;
    }
  } else if (kind === 'set') {
    if (!equalSets(a, b, strict, memo)) return false;
  } else if (kind === 'map') {
    if (!equalMaps(a, b, strict, memo)) return false;
  }
  for (const key of keysA) {
    if (!innerDeepEqual(a[key], b[key], strict, memo)) return false;
  }
  return true;
}

/** Removes from `candidates` one value deep-equal to `value`; false when there is none. */
function takeMatch(candidates, value, strict, memo) {
  for (let i = 0; i < candidates.length; i++) {
    if (innerDeepEqual(value, candidates[i], strict, memo)) {
      candidates.splice(i, 1);
      return true;
    }
  }
  return false;
}

function equalSets(a, b, strict, memo) {
  const unmatched = [];
  for (const value of a) {
    if (b.has(value)) continue;
    // A missing primitive can only match loosely (1 == '1').
    if (strict && !isObjectLike(value)) return false;
    unmatched.push(value);
  }
  if (unmatched.length === 0) return true;
  const candidates = [];
  for (const value of b) {
    if (!a.has(value)) candidates.push(value);
  }
  for (const value of unmatched) {
    if (!takeMatch(candidates, value, strict, memo)) return false;
  }
  return true;
}

function equalMaps(a, b, strict, memo) {
  const unmatched = [];
  for (const [key, value] of a) {
    if (b.has(key)) {
      if (!innerDeepEqual(value, b.get(key), strict, memo)) return false;
      continue;
    }
    if (strict && !isObjectLike(key)) return false;
    unmatched.push([key, value]);
  }
  if (unmatched.length === 0) return true;
  const candidates = [];
  for (const entry of b) {
    if (!a.has(entry[0])) candidates.push(entry);
  }
  for (const entry of unmatched) {
    if (!takeMatch(candidates, entry, strict, memo)) return false;
  }
  return true;
}

function isDeepEqual(a, b) {
  return innerDeepEqual(a, b, kLoose, new Memo());
}

function isDeepStrictEqual(a, b) {
  return innerDeepEqual(a, b, kStrict, new Memo());
}

module.exports = { isDeepEqual, isDeepStrictEqual };
