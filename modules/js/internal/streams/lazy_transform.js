'use strict';
// A Transform whose stream machinery is built on first use. Hash and Hmac objects are
// Transforms, but most of them only ever see update()/digest(): they skip the cost of
// stream state until something reads or writes them as a stream.

const Transform = require('internal/streams/transform');

function LazyTransform(options) {
  this._options = options;
}
Object.setPrototypeOf(LazyTransform.prototype, Transform.prototype);
Object.setPrototypeOf(LazyTransform, Transform);

// The first access to a state property constructs the Transform, then reads it again.
function buildOnAccess(name) {
  return function get() {
    Transform.call(this, this._options);
    this._writableState.decodeStrings = false;
    return this[name];
  };
}

function storeOwn(name) {
  return function set(value) {
    Object.defineProperty(this, name, {
      __proto__: null, value, enumerable: true, configurable: true, writable: true,
    });
  };
}

for (const name of ['_readableState', '_writableState']) {
  Object.defineProperty(LazyTransform.prototype, name, {
    __proto__: null,
    get: buildOnAccess(name),
    set: storeOwn(name),
    configurable: true,
    enumerable: true,
  });
}

module.exports = LazyTransform;
