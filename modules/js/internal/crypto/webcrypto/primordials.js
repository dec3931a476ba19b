'use strict';
// The primordials the Web Crypto files (ported from Node's lib/internal/crypto) use: Node's
// own set from internal/test/primordials plus the %TypedArray%, DataView and ArrayBuffer
// accessors Node names `XPrototypeGetY`, and SafeArrayIterator.

const base = require('internal/test/primordials');

const uncurryThis = (fn) => (self, ...args) => Reflect.apply(fn, self, args);
const getter = (proto, name) => uncurryThis(Object.getOwnPropertyDescriptor(proto, name).get);
const TypedArrayPrototype = Object.getPrototypeOf(Uint8Array.prototype);

// Iterates an array without consulting Array.prototype[Symbol.iterator] at use time.
class SafeArrayIterator {
  #iterator;

  constructor(array) {
    this.#iterator = Array.prototype[Symbol.iterator].call(array);
  }

  next() {
    return this.#iterator.next();
  }

  [Symbol.iterator]() {
    return this;
  }
}

module.exports = {
  __proto__: null,
  ...base,
  ArrayBufferIsView: ArrayBuffer.isView,
  ArrayBufferPrototypeGetByteLength: getter(ArrayBuffer.prototype, 'byteLength'),
  ArrayBufferPrototypeSlice: uncurryThis(ArrayBuffer.prototype.slice),
  DataViewPrototypeGetBuffer: getter(DataView.prototype, 'buffer'),
  DataViewPrototypeGetByteLength: getter(DataView.prototype, 'byteLength'),
  DataViewPrototypeGetByteOffset: getter(DataView.prototype, 'byteOffset'),
  TypedArrayPrototypeGetBuffer: getter(TypedArrayPrototype, 'buffer'),
  TypedArrayPrototypeGetByteLength: getter(TypedArrayPrototype, 'byteLength'),
  TypedArrayPrototypeGetByteOffset: getter(TypedArrayPrototype, 'byteOffset'),
  TypedArrayPrototypeGetSymbolToStringTag: getter(TypedArrayPrototype, Symbol.toStringTag),
  TypedArrayPrototypeSlice: uncurryThis(TypedArrayPrototype.slice),
  SafeArrayIterator,
};
