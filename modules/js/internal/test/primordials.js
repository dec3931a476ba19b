'use strict';
// Node's primordials, built the way Node builds them, for tests that take them from
// internal/test/binding: each global's statics as `NameMethod`, its prototype's methods as
// `NamePrototypeMethod(self, ...args)`, and the Safe* collections as the plain ones.

const primordials = { __proto__: null };
const uncurryThis = (fn) => (self, ...args) => Reflect.apply(fn, self, args);

function copy(name, source, prefix, uncurry) {
  for (const key of Reflect.ownKeys(source)) {
    if (typeof key !== 'string') continue;
    const descriptor = Reflect.getOwnPropertyDescriptor(source, key);
    const target = `${prefix}${key[0].toUpperCase()}${key.slice(1)}`;
    if (typeof descriptor.value === 'function') {
      primordials[target] = uncurry ? uncurryThis(descriptor.value) : descriptor.value;
    } else if (descriptor.get !== undefined) {
      primordials[`${target}Get`] = uncurry ?
        uncurryThis(descriptor.get) : descriptor.get;
    } else if (!uncurry) {
      primordials[target] = descriptor.value;
    }
  }
}

for (const name of ['JSON', 'Math', 'Proxy', 'Reflect']) {
  primordials[name] = globalThis[name];
  copy(name, globalThis[name], name, false);
}
for (const name of [
  'AggregateError', 'Array', 'ArrayBuffer', 'BigInt', 'BigInt64Array', 'BigUint64Array',
  'Boolean', 'DataView', 'Date', 'Error', 'EvalError', 'FinalizationRegistry',
  'Float32Array', 'Float64Array', 'Function', 'Int16Array', 'Int32Array', 'Int8Array', 'Map',
  'Number', 'Object', 'Promise', 'RangeError', 'ReferenceError', 'RegExp', 'Set', 'String',
  'Symbol', 'SyntaxError', 'TypeError', 'URIError', 'Uint16Array', 'Uint32Array',
  'Uint8Array', 'Uint8ClampedArray', 'WeakMap', 'WeakRef', 'WeakSet',
]) {
  const ctor = globalThis[name];
  if (ctor === undefined) continue;
  primordials[name] = ctor;
  copy(name, ctor, name, false);
  copy(name, ctor.prototype, `${name}Prototype`, true);
}
for (const name of ['Map', 'Set', 'WeakMap', 'WeakSet', 'FinalizationRegistry', 'WeakRef']) {
  primordials[`Safe${name}`] = globalThis[name];
}
primordials.SafePromise = Promise;
primordials.uncurryThis = uncurryThis;
primordials.applyBind = (fn) => (self, args) => Reflect.apply(fn, self, args);

module.exports = Object.freeze(primordials);
