'use strict';

// util.types: type checks for built-in objects. Most come straight from
// internalBinding('types') (they need V8's internal slots); the typed array
// checks use the %TypedArray%.prototype[Symbol.toStringTag] getter, which
// returns the element type name for real typed arrays (subclass instances
// included) and undefined for anything else, without running user code.

const TypedArrayPrototype = Object.getPrototypeOf(Uint8Array.prototype);
const getTypedArrayTag =
  Object.getOwnPropertyDescriptor(TypedArrayPrototype, Symbol.toStringTag).get;

function typedArrayTag(value) {
  return getTypedArrayTag.call(value);
}

function isTypedArray(value) {
  return typedArrayTag(value) !== undefined;
}

function isUint8Array(value) {
  return typedArrayTag(value) === 'Uint8Array';
}

function isUint8ClampedArray(value) {
  return typedArrayTag(value) === 'Uint8ClampedArray';
}

function isUint16Array(value) {
  return typedArrayTag(value) === 'Uint16Array';
}

function isUint32Array(value) {
  return typedArrayTag(value) === 'Uint32Array';
}

function isInt8Array(value) {
  return typedArrayTag(value) === 'Int8Array';
}

function isInt16Array(value) {
  return typedArrayTag(value) === 'Int16Array';
}

function isInt32Array(value) {
  return typedArrayTag(value) === 'Int32Array';
}

function isFloat16Array(value) {
  return typedArrayTag(value) === 'Float16Array';
}

function isFloat32Array(value) {
  return typedArrayTag(value) === 'Float32Array';
}

function isFloat64Array(value) {
  return typedArrayTag(value) === 'Float64Array';
}

function isBigInt64Array(value) {
  return typedArrayTag(value) === 'BigInt64Array';
}

function isBigUint64Array(value) {
  return typedArrayTag(value) === 'BigUint64Array';
}

module.exports = {
  ...internalBinding('types'),
  isArrayBufferView: ArrayBuffer.isView,
  isTypedArray,
  isUint8Array,
  isUint8ClampedArray,
  isUint16Array,
  isUint32Array,
  isInt8Array,
  isInt16Array,
  isInt32Array,
  isFloat16Array,
  isFloat32Array,
  isFloat64Array,
  isBigInt64Array,
  isBigUint64Array,
};

// Crypto keys: the classes live in internal/crypto/keys, loaded on the first object asked
// about (util is loaded long before crypto).
let cryptoKeys;
function keysModule() {
  cryptoKeys ??= require('internal/crypto/keys');
  return cryptoKeys;
}

Object.defineProperties(module.exports, {
  isKeyObject: {
    __proto__: null,
    configurable: false,
    enumerable: true,
    value: function isKeyObject(obj) {
      return typeof obj === 'object' && obj !== null && keysModule().isKeyObject(obj);
    },
  },
  isCryptoKey: {
    __proto__: null,
    configurable: false,
    enumerable: true,
    value: function isCryptoKey(obj) {
      return typeof obj === 'object' && obj !== null && keysModule().isCryptoKey(obj);
    },
  },
});
