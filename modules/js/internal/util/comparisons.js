'use strict';

// internal/util/comparisons: the deep equality behind assert.deepEqual,
// assert.deepStrictEqual, assert.partialDeepStrictEqual and
// util.isDeepStrictEqual, with Node's exact semantics.
//
// Four modes: loose (== for primitives, prototypes ignored, no symbol keys),
// strict (Object.is, same prototype or same well-known constructor, enumerable
// symbol keys), strict without the prototype check (Assert's skipPrototype)
// and partial (strict, but `expected` may be a subset of `actual`: fewer keys,
// a subsequence of array elements or typed-array bytes, a subset of Set and
// Map entries). Sets and Maps compare without regard to order; cycles are
// first ignored (fast path) and, when recursion overflows, tracked with a memo
// of the objects currently being compared.

const types = require('internal/util/types');
const { compare: compareBytes } = internalBinding('buffer');
const utilBinding = internalBinding('util');
const { getOwnNonIndexProperties } = utilBinding;
const { ONLY_ENUMERABLE = 2 } = utilBinding.constants || {};

const kLoose = 0;
const kPartial = 1;
const kStrict = 2;
const kStrictWithoutPrototypes = 3;

// What beyond own keys an object's contents consist of.
const kPlainKeys = 0;
const kArrayElements = 1;
const kSetEntries = 2;
const kMapEntries = 3;

const ObjectPrototypeToString = Object.prototype.toString;
const hasOwn = (object, key) => Object.prototype.hasOwnProperty.call(object, key);
const isEnumerable = (object, key) => Object.prototype.propertyIsEnumerable.call(object, key);
const typedArrayTag = Object.getOwnPropertyDescriptor(
  Object.getPrototypeOf(Uint8Array.prototype), Symbol.toStringTag).get;
const getTypedArrayTag = (view) => typedArrayTag.call(view);
const SetPrototypeHas = Set.prototype.has;
const SetPrototypeValues = Set.prototype.values;
const MapPrototypeHas = Map.prototype.has;
const MapPrototypeGet = Map.prototype.get;
const MapPrototypeEntries = Map.prototype.entries;
const sizeOfSet = Object.getOwnPropertyDescriptor(Set.prototype, 'size').get;
const sizeOfMap = Object.getOwnPropertyDescriptor(Map.prototype, 'size').get;

// Constructors whose identity (rather than the prototype object) decides strict equality.
const wellKnownConstructors = new Set([
  Array, ArrayBuffer, BigInt, BigInt64Array, BigUint64Array, Boolean, DataView, Date, Error,
  Float32Array, Float64Array, Function, Int16Array, Int32Array, Int8Array, Map, Number,
  Object, Promise, RegExp, Set, String, Symbol, Uint16Array, Uint32Array, Uint8Array,
  Uint8ClampedArray, WeakMap, WeakSet,
]);
if (typeof globalThis.Float16Array === 'function') wellKnownConstructors.add(globalThis.Float16Array);
let bufferConstructorAdded = false;

function isError(value) {
  return types.isNativeError(value) || value instanceof Error;
}

let URLClass;
function isURL(value) {
  URLClass ??= globalThis.URL;
  return typeof URLClass === 'function' && typeof value.href === 'string' &&
    value instanceof URLClass;
}

// Thin wrappers so user code patching Set/Map prototypes can't interfere.
const setHas = (set, value) => SetPrototypeHas.call(set, value);
const mapHas = (map, key) => MapPrototypeHas.call(map, key);
const mapGet = (map, key) => MapPrototypeGet.call(map, key);
const setValues = (set) => SetPrototypeValues.call(set);
const mapEntries = (map) => MapPrototypeEntries.call(map);

function bytesOf(view) {
  return new Uint8Array(view.buffer, view.byteOffset, view.byteLength);
}

/** Whether the bytes of `b` appear in order (not necessarily adjacent) within `a`. */
function isByteSubsequence(a, b) {
  const lengthA = a.length;
  const lengthB = b.length;
  if (lengthA < lengthB) return false;
  let positionA = 0;
  for (let positionB = 0; positionB < lengthB; positionB++) {
    while (a[positionA] !== b[positionB]) {
      positionA++;
      if (positionA > lengthA - lengthB + positionB) return false;
    }
    positionA++;
  }
  return true;
}

// Float elements compare as numbers in loose mode: 0 equals -0 and NaN never equals NaN.
function floatArraysLooselyEqual(a, b) {
  if (a.byteLength !== b.byteLength) return false;
  for (let i = 0; i < a.length; i++) {
    if (a[i] !== b[i]) return false;
  }
  return true;
}

function sameBytes(a, b) {
  return a.byteLength === b.byteLength && compareBytes(bytesOf(a), bytesOf(b)) === 0;
}

function sameArrayBufferBytes(a, b) {
  return a.byteLength === b.byteLength &&
    compareBytes(new Uint8Array(a), new Uint8Array(b)) === 0;
}

function sameBoxedPrimitive(a, b) {
  if (types.isNumberObject(a)) {
    return types.isNumberObject(b) &&
      Object.is(Number.prototype.valueOf.call(a), Number.prototype.valueOf.call(b));
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
  return types.isSymbolObject(b) &&
    Symbol.prototype.valueOf.call(a) === Symbol.prototype.valueOf.call(b);
}

// An error property that is compared even when not enumerable (message, name, cause, errors).
function errorPropertyMatches(a, b, key, mode, memos) {
  return isEnumerable(b, key) || // compared with the other own keys
    (mode === kPartial && (b[key] === undefined || (key === 'message' && b[key] === ''))) ||
    deepEqual(a[key], b[key], mode, memos);
}

function deepEqual(a, b, mode, memos) {
  if (a === b) return a !== 0 || Object.is(a, b) || mode === kLoose;
  if (mode !== kLoose) {
    if (typeof a === 'number') return Number.isNaN(a) && Number.isNaN(b);
    if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  } else {
    if (a === null || typeof a !== 'object') {
      // eslint-disable-next-line eqeqeq
      return (b === null || typeof b !== 'object') && (a == b || (a !== a && b !== b));
    }
    if (b === null || typeof b !== 'object') return false;
  }
  return compareObjects(a, b, mode, memos);
}

function differentToStringTag(a, b) {
  return a[Symbol.toStringTag] !== b[Symbol.toStringTag];
}

function differentTag(tagOfA, a, b) {
  if (a[Symbol.toStringTag] !== undefined && b[Symbol.toStringTag] !== undefined) {
    return a[Symbol.toStringTag] !== b[Symbol.toStringTag];
  }
  return tagOfA !== ObjectPrototypeToString.call(b);
}

function samePrototypes(a, b) {
  if (!bufferConstructorAdded) {
    bufferConstructorAdded = true;
    wellKnownConstructors.add(require('buffer').Buffer);
  }
  const constructor = a.constructor;
  if (wellKnownConstructors.has(constructor) ||
      (constructor !== undefined && !hasOwn(a, 'constructor'))) {
    return constructor === b.constructor;
  }
  return Object.getPrototypeOf(a) === Object.getPrototypeOf(b);
}

// Sizes may differ only in partial mode, and then only when `actual` is larger.
function sizesAllowed(sizeA, sizeB, mode) {
  return sizeA === sizeB || (mode === kPartial && sizeA >= sizeB);
}

// The enumerable own keys other than array indices (symbols too, except in loose mode).
function nonIndexKeys(value, mode) {
  const keys = getOwnNonIndexProperties(value, ONLY_ENUMERABLE);
  return mode === kLoose ? keys.filter((key) => typeof key === 'string') : keys;
}

function compareObjects(a, b, mode, memos) {
  if (mode === kStrict && !samePrototypes(a, b)) return false;

  if (Array.isArray(a)) {
    if (!Array.isArray(b) || !sizesAllowed(a.length, b.length, mode) ||
        differentToStringTag(a, b)) {
      return false;
    }
    const keysB = nonIndexKeys(b, mode);
    if (mode !== kPartial && keysB.length !== nonIndexKeys(a, mode).length) return false;
    return checkKeys(a, b, mode, memos, kArrayElements, keysB);
  }

  let tagOfA;
  if (a[Symbol.toStringTag] === undefined &&
      (tagOfA = ObjectPrototypeToString.call(a)) === '[object Object]') {
    if (differentTag(tagOfA, a, b)) return false;
    return checkKeys(a, b, mode, memos, kPlainKeys);
  }
  if (types.isSet(a)) {
    if (!types.isSet(b) || !sizesAllowed(sizeOfSet.call(a), sizeOfSet.call(b), mode) ||
        differentToStringTag(a, b)) {
      return false;
    }
    return checkKeys(a, b, mode, memos, kSetEntries);
  }
  if (types.isMap(a)) {
    if (!types.isMap(b) || !sizesAllowed(sizeOfMap.call(a), sizeOfMap.call(b), mode) ||
        differentToStringTag(a, b)) {
      return false;
    }
    return checkKeys(a, b, mode, memos, kMapEntries);
  }
  if (types.isArrayBufferView(a)) {
    if (!types.isArrayBufferView(b) || getTypedArrayTag(a) !== getTypedArrayTag(b) ||
        types.isDataView(a) !== types.isDataView(b)) {
      return false;
    }
    if (mode === kPartial && a.byteLength !== b.byteLength) {
      if (!isByteSubsequence(bytesOf(a), bytesOf(b))) return false;
    } else if (mode === kLoose &&
               (types.isFloat32Array(a) || types.isFloat64Array(a) || types.isFloat16Array(a))) {
      if (!floatArraysLooselyEqual(a, b)) return false;
    } else if (!sameBytes(a, b)) {
      return false;
    }
    const keysB = nonIndexKeys(b, mode);
    if (mode !== kPartial && keysB.length !== nonIndexKeys(a, mode).length) return false;
    return checkKeys(a, b, mode, memos, kPlainKeys, keysB);
  }
  if (types.isDate(a)) {
    if (!types.isDate(b) || differentToStringTag(a, b)) return false;
    const timeA = Date.prototype.getTime.call(a);
    const timeB = Date.prototype.getTime.call(b);
    if (timeA !== timeB && (!Number.isNaN(timeA) || !Number.isNaN(timeB))) return false;
  } else if (types.isRegExp(a)) {
    if (!types.isRegExp(b) || a.source !== b.source || a.flags !== b.flags ||
        a.lastIndex !== b.lastIndex || differentToStringTag(a, b)) {
      return false;
    }
  } else if (types.isAnyArrayBuffer(a)) {
    if (!types.isAnyArrayBuffer(b) || differentToStringTag(a, b)) return false;
    if (mode !== kPartial || a.byteLength === b.byteLength) {
      if (!sameArrayBufferBytes(a, b)) return false;
    } else if (!isByteSubsequence(new Uint8Array(a), new Uint8Array(b))) {
      return false;
    }
  } else if (differentTag(tagOfA ?? ObjectPrototypeToString.call(a), a, b) ||
             Array.isArray(b) || types.isArrayBufferView(b) || types.isSet(b) ||
             types.isMap(b) || types.isDate(b) || types.isRegExp(b) ||
             types.isAnyArrayBuffer(b)) {
    return false;
  } else if (isError(a)) {
    if (!isError(b) ||
        !errorPropertyMatches(a, b, 'message', mode, memos) ||
        !errorPropertyMatches(a, b, 'name', mode, memos) ||
        !errorPropertyMatches(a, b, 'cause', mode, memos) ||
        !errorPropertyMatches(a, b, 'errors', mode, memos)) {
      return false;
    }
    const bHasCause = hasOwn(b, 'cause');
    if (bHasCause !== hasOwn(a, 'cause') && (mode !== kPartial || bHasCause)) return false;
  } else if (types.isBoxedPrimitive(a)) {
    if (!sameBoxedPrimitive(a, b)) return false;
  } else if (isURL(a)) {
    if (!isURL(b) || a.href !== b.href) return false;
  } else if (types.isKeyObject(a)) {
    if (!types.isKeyObject(b) || !a.equals(b)) return false;
  } else if (types.isCryptoKey(a)) {
    // Equal CryptoKeys: same extractability, algorithm, usages and key material.
    const { kKeyObject } = require('internal/crypto/keys');
    if (!types.isCryptoKey(b) || a.extractable !== b.extractable ||
        !deepEqual(a.algorithm, b.algorithm, mode, memos) ||
        !deepEqual(a.usages, b.usages, mode, memos) ||
        !deepEqual(a[kKeyObject], b[kKeyObject], mode, memos)) {
      return false;
    }
  } else if (types.isBoxedPrimitive(b) || isError(b) || types.isWeakMap(a) ||
             types.isWeakSet(a) || types.isPromise(a)) {
    return false;
  }
  return checkKeys(a, b, mode, memos, kPlainKeys);
}

function pushEnumerableSymbols(object, keys) {
  for (const symbol of Object.getOwnPropertySymbols(object)) {
    if (isEnumerable(object, symbol)) keys.push(symbol);
  }
}

function checkKeys(a, b, mode, memos, contents, keysB) {
  const arrayLike = keysB !== undefined;
  keysB ??= Object.keys(b);
  let keysA;
  if (!arrayLike) {
    if (mode === kPartial) {
      pushEnumerableSymbols(b, keysB);
    } else if (keysB.length !== (keysA = Object.keys(a)).length) {
      return false;
    } else if (mode !== kLoose) {
      pushEnumerableSymbols(a, keysA);
      pushEnumerableSymbols(b, keysB);
      if (keysA.length !== keysB.length) return false;
    }
  }
  if (keysB.length === 0 &&
      (contents === kPlainKeys || (contents === kArrayElements && b.length === 0) ||
       b.size === 0)) {
    return true;
  }
  if (memos === null) return compareContents(a, b, mode, keysA, keysB, memos, contents);
  return compareTrackingCycles(a, b, mode, keysA, keysB, memos, contents);
}

/**
 * The slow path once recursion proved too deep: objects on the current comparison path
 * are remembered, and meeting one again means a cycle, equal only when both sides loop
 * back at the same point. The first two levels are kept in fields; a Set after that.
 */
function compareTrackingCycles(a, b, mode, keysA, keysB, memos, contents) {
  if (memos === undefined) {
    memos = { set: undefined, a, b, c: undefined, d: undefined, deep: false };
    return compareContents(a, b, mode, keysA, keysB, memos, contents);
  }
  if (memos.set === undefined) {
    if (!memos.deep) {
      if (memos.a === a) return memos.b === b;
      if (memos.b === b) return false;
      memos.c = a;
      memos.d = b;
      memos.deep = true;
      const result = compareContents(a, b, mode, keysA, keysB, memos, contents);
      memos.deep = false;
      return result;
    }
    memos.set = new Set([memos.a, memos.b, memos.c, memos.d]);
  }
  const { set } = memos;
  const sizeBefore = set.size;
  set.add(a);
  set.add(b);
  if (sizeBefore !== set.size - 2) return sizeBefore === set.size;
  const result = compareContents(a, b, mode, keysA, keysB, memos, contents);
  set.delete(a);
  set.delete(b);
  return result;
}

// The primitive that `value` might loosely equal in a Set or Map, when one could exist:
// returns true/false when the answer is known, or the alternative to look for.
function looseAlternative(value) {
  switch (typeof value) {
    case 'undefined':
      return null;
    case 'object': // null
      return undefined;
    case 'symbol':
      return false;
    case 'string':
      value = +value;
      // Falls through.
    case 'number':
      if (Number.isNaN(value)) return false;
  }
  return true;
}

function setMightHaveLooseMatch(a, b, value) {
  const alternative = looseAlternative(value);
  if (alternative != null) return alternative;
  return !setHas(b, alternative) && setHas(a, alternative);
}

function mapMightHaveLooseMatch(a, b, key, valueB, memos) {
  const alternative = looseAlternative(key);
  if (alternative != null) return alternative;
  const valueA = mapGet(a, alternative);
  if ((valueA === undefined && !mapHas(a, alternative)) ||
      !deepEqual(valueA, valueB, kLoose, memos)) {
    return false;
  }
  return !mapHas(b, alternative) && deepEqual(valueA, valueB, kLoose, memos);
}

/**
 * Takes from `candidates[start..end)` (searching backwards) one element equal to `value`,
 * moving the last candidate into its slot.
 */
function takeEqualElement(candidates, value, mode, memos, equal, start, end) {
  for (let i = end - 1; i >= start; i--) {
    if (equal(value, candidates[i], mode, memos)) {
      candidates[i] = candidates[end];
      return true;
    }
  }
  return false;
}

function takeEqualMapEntry(candidateKeys, key, value, b, mode, memos, equal, start, end) {
  for (let i = end - 1; i >= start; i--) {
    const keyB = candidateKeys[i];
    if (equal(key, keyB, mode, memos) && deepEqual(value, mapGet(b, keyB), mode, memos)) {
      candidateKeys[i] = candidateKeys[end];
      return true;
    }
  }
  return false;
}

/**
 * Matches the values of `a` missing from `b` against `candidates` (the values of `b`
 * missing from `a`), trying the front and back of the remaining range first since sets
 * built in the same order match there.
 */
function matchSetObjects(candidates, a, b, mode, memos) {
  const equal = mode !== kLoose ? compareObjects : deepEqual;
  const checkMembership = mode === kLoose || candidates.length !== sizeOfSet.call(a);
  let fromFront = true;
  let start = 0;
  let end = candidates.length - 1;
  for (const value of setValues(a)) {
    if (checkMembership) {
      if (setHas(b, value)) continue;
      if (typeof value !== 'object' && mode !== kLoose) return false;
    }
    let searchStart = start;
    if (fromFront) {
      if (equal(value, candidates[start], mode, memos)) {
        start++;
        continue;
      }
      if (start === end) return false;
      fromFront = false;
      searchStart++;
    }
    if (!equal(value, candidates[end], mode, memos)) {
      fromFront = true;
      if (!takeEqualElement(candidates, value, mode, memos, equal, searchStart, end)) {
        return false;
      }
    }
    end--;
  }
  return true;
}

/** The partial variant: every candidate must be matched by some value of `a`. */
function matchSetObjectsPartially(candidates, a, b, mode, memos) {
  const sizeA = sizeOfSet.call(a);
  let position = 0;
  let fromFront = true;
  let start = 0;
  let end = candidates.length - 1;
  for (const value of setValues(a)) {
    position++;
    if (!setHas(b, value)) {
      let searchStart = start;
      if (fromFront) {
        if (deepEqual(value, candidates[start], mode, memos)) {
          if (start === end) return true;
          start++;
          continue;
        }
        if (start === end) continue;
        fromFront = false;
        searchStart++;
      }
      let matched = true;
      if (!deepEqual(value, candidates[end], mode, memos)) {
        fromFront = true;
        matched = takeEqualElement(candidates, value, mode, memos, deepEqual, searchStart, end);
      }
      if (matched) {
        if (start === end) return true;
        end--;
      }
    }
    if (sizeA - position <= end - start) return false;
  }
  return false;
}

function compareSmallSets(a, b, valueB, iteratorB, mode, memos) {
  const iteratorA = setValues(a);
  const firstA = iteratorA.next().value;
  if (deepEqual(firstA, valueB, mode, memos)) {
    if (sizeOfSet.call(b) === 1) return true;
    const secondA = iteratorA.next().value;
    return setHas(b, secondA) || deepEqual(secondA, iteratorB.next().value, mode, memos);
  }
  return sizeOfSet.call(a) !== 1 && deepEqual(iteratorA.next().value, valueB, mode, memos) &&
    (sizeOfSet.call(b) === 1 || setHas(b, firstA) ||
     deepEqual(firstA, iteratorB.next().value, mode, memos));
}

function setsEqual(a, b, mode, memos) {
  let candidates;
  const iteratorB = setValues(b);
  for (const value of iteratorB) {
    if (setHas(a, value)) continue;
    if ((typeof value !== 'object' || value === null) &&
        (mode !== kLoose || !setMightHaveLooseMatch(a, b, value))) {
      return false;
    }
    if (candidates === undefined) {
      if (sizeOfSet.call(a) < 3) return compareSmallSets(a, b, value, iteratorB, mode, memos);
      candidates = [];
    }
    candidates.push(value);
  }
  if (candidates === undefined) return true;
  if (mode === kPartial) return matchSetObjectsPartially(candidates, a, b, mode, memos);
  return matchSetObjects(candidates, a, b, mode, memos);
}

function matchMapObjects(candidateKeys, a, b, mode, memos) {
  const equal = mode !== kLoose ? compareObjects : deepEqual;
  const checkMembership = mode === kLoose || candidateKeys.length !== sizeOfMap.call(a);
  let fromFront = true;
  let start = 0;
  let end = candidateKeys.length - 1;
  for (const { 0: key, 1: value } of mapEntries(a)) {
    if (checkMembership && (typeof key !== 'object' || key === null)) {
      if (mapHas(b, key)) {
        if (mode !== kLoose || deepEqual(value, mapGet(b, key), mode, memos)) continue;
      } else if (mode !== kLoose) {
        return false;
      }
    }
    let searchStart = start;
    if (fromFront) {
      const keyB = candidateKeys[start];
      if (equal(key, keyB, mode, memos) && deepEqual(value, mapGet(b, keyB), mode, memos)) {
        start++;
        continue;
      }
      if (start === end) return false;
      fromFront = false;
      searchStart++;
    }
    const keyB = candidateKeys[end];
    if (!equal(key, keyB, mode, memos) || !deepEqual(value, mapGet(b, keyB), mode, memos)) {
      fromFront = true;
      if (!takeEqualMapEntry(candidateKeys, key, value, b, mode, memos, equal,
                             searchStart, end)) {
        return false;
      }
    }
    end--;
  }
  return true;
}

function matchMapObjectsPartially(candidateKeys, a, b, mode, memos) {
  const sizeA = sizeOfMap.call(a);
  let position = 0;
  let fromFront = true;
  let start = 0;
  let end = candidateKeys.length - 1;
  for (const { 0: key, 1: value } of mapEntries(a)) {
    position++;
    if (typeof key === 'object' && key !== null) {
      let searchStart = start;
      if (fromFront) {
        const keyB = candidateKeys[start];
        if (compareObjects(key, keyB, mode, memos) &&
            deepEqual(value, mapGet(b, keyB), mode, memos)) {
          if (start === end) return true;
          start++;
          continue;
        }
        if (start === end) continue;
        fromFront = false;
        searchStart++;
      }
      let matched = true;
      const keyB = candidateKeys[end];
      if (!compareObjects(key, keyB, mode, memos) ||
          !deepEqual(value, mapGet(b, keyB), mode, memos)) {
        fromFront = true;
        matched = takeEqualMapEntry(candidateKeys, key, value, b, mode, memos,
                                    compareObjects, searchStart, end);
      }
      if (matched) {
        if (start === end) return true;
        end--;
      }
    }
    if (sizeA - position <= end - start) return false;
  }
  return false;
}

function mapsEqual(a, b, mode, memos) {
  let candidateKeys;
  for (const { 0: keyB, 1: valueB } of mapEntries(b)) {
    if (typeof keyB === 'object' && keyB !== null) {
      if (candidateKeys === undefined) {
        if (sizeOfMap.call(a) === 1) {
          const { 0: keyA, 1: valueA } = mapEntries(a).next().value;
          return deepEqual(keyA, keyB, mode, memos) && deepEqual(valueA, valueB, mode, memos);
        }
        candidateKeys = [];
      }
      candidateKeys.push(keyB);
      continue;
    }
    const valueA = mapGet(a, keyB);
    if ((valueA === undefined && !mapHas(a, keyB)) ||
        !deepEqual(valueA, valueB, mode, memos)) {
      if (mode !== kLoose) return false;
      if (!mapMightHaveLooseMatch(a, b, keyB, valueB, memos)) return false;
      candidateKeys ??= [];
      candidateKeys.push(keyB);
    }
  }
  if (candidateKeys === undefined) return true;
  if (mode === kPartial) return matchMapObjectsPartially(candidateKeys, a, b, mode, memos);
  return matchMapObjects(candidateKeys, a, b, mode, memos);
}

function isHole(array, index) {
  return array[index] === undefined && !hasOwn(array, index);
}

// Partial arrays once a hole is met: the remaining own elements of `b` must appear in
// order among the remaining own elements of `a`.
function partialSparseArraysEqual(a, b, mode, memos, startA, startB) {
  let positionA = startA;
  const keysA = Object.keys(a);
  const keysB = Object.keys(b);
  const remainingA = keysA.length - startA;
  const remainingB = keysB.length - startB;
  if (remainingA < remainingB) return false;
  for (let i = 0; i < remainingB; i++) {
    const keyB = keysB[startB + i];
    while (!deepEqual(a[keysA[positionA]], b[keyB], mode, memos)) {
      positionA++;
      if (positionA > keysA.length - remainingB + i) return false;
    }
    positionA++;
  }
  return true;
}

/** Partial arrays: the elements of `b` appear in order (not necessarily adjacent) in `a`. */
function partialArraysEqual(a, b, mode, memos) {
  let positionA = 0;
  for (let i = 0; i < b.length; i++) {
    if (isHole(b, i)) return partialSparseArraysEqual(a, b, mode, memos, positionA, i);
    let holeInA;
    while (!(holeInA = isHole(a, positionA)) && !deepEqual(a[positionA], b[i], mode, memos)) {
      positionA++;
      if (positionA > a.length - b.length + i) return false;
    }
    if (holeInA) return partialSparseArraysEqual(a, b, mode, memos, positionA, i);
    positionA++;
  }
  return true;
}

function sparseArraysEqual(a, b, mode, memos, from) {
  const keysA = Object.keys(a);
  const keysB = Object.keys(b);
  if (keysA.length !== keysB.length) return false;
  for (let i = from; i < keysB.length; i++) {
    const key = keysB[i];
    if ((a[key] === undefined && !hasOwn(a, key)) || !deepEqual(a[key], b[key], mode, memos)) {
      return false;
    }
  }
  return true;
}

function arrayElementsEqual(a, b, mode, memos) {
  if (mode === kPartial) return partialArraysEqual(a, b, mode, memos);
  for (let i = 0; i < a.length; i++) {
    if (b[i] === undefined) {
      if (!hasOwn(b, i)) return sparseArraysEqual(a, b, mode, memos, i);
      // Loosely, undefined equals null.
      if ((a[i] !== undefined || !hasOwn(a, i)) && (mode !== kLoose || a[i] !== null)) {
        return false;
      }
    } else if ((a[i] === undefined || !deepEqual(a[i], b[i], mode, memos)) &&
               (mode !== kLoose || b[i] !== null)) {
      return false;
    }
  }
  return true;
}

function compareContents(a, b, mode, keysA, keysB, memos, contents) {
  let i = 0;
  if (keysA !== undefined) {
    // Keys in the same order: compare directly while they line up.
    for (; i < keysB.length; i++) {
      const key = keysB[i];
      if (keysA[i] !== key) break;
      if (!deepEqual(a[key], b[key], mode, memos)) return false;
    }
  }
  for (; i < keysB.length; i++) {
    const key = keysB[i];
    const descriptor = Object.getOwnPropertyDescriptor(a, key);
    if (descriptor === undefined || descriptor.enumerable !== true) return false;
    const valueA = descriptor.writable !== undefined ? descriptor.value : a[key];
    if (!deepEqual(valueA, b[key], mode, memos)) return false;
  }
  if (contents === kArrayElements) return arrayElementsEqual(a, b, mode, memos);
  if (contents === kSetEntries) return setsEqual(a, b, mode, memos);
  if (contents === kMapEntries) return mapsEqual(a, b, mode, memos);
  return true;
}

// Compare without cycle tracking first; a stack overflow means a cycle (or a very deep
// value), and from then on every comparison tracks cycles.
let startComparison = function compareFast(a, b, mode) {
  try {
    return deepEqual(a, b, mode, null);
  } catch {
    startComparison = deepEqual;
    return deepEqual(a, b, mode, undefined);
  }
};

module.exports = {
  isDeepEqual(a, b) {
    return startComparison(a, b, kLoose);
  },
  isDeepStrictEqual(a, b, skipPrototype) {
    return startComparison(a, b, skipPrototype ? kStrictWithoutPrototypes : kStrict);
  },
  isPartialStrictEqual(a, b) {
    return startComparison(a, b, kPartial);
  },
};
