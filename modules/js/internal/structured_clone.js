'use strict';
// structuredClone: the HTML structured clone algorithm for the types Node scripts pass
// around (primitives, plain objects and arrays, Date, RegExp, Map, Set, ArrayBuffer and
// views, Error types, boxed primitives), with cycles and shared references preserved, and
// DataCloneError for what cannot be cloned (functions, symbols, class-less host objects).
// `options.transfer` may list ArrayBuffers, which end up detached.

const { isProxy } = internalBinding('types');

function dataCloneError(message) {
  const { DOMException } = require('internal/dom_exception');
  return new DOMException(message, 'DataCloneError');
}

function describe(value) {
  if (typeof value === 'function') return `${Function.prototype.toString.call(value)} could not be cloned.`;
  if (typeof value === 'symbol') return `${String(value)} could not be cloned.`;
  return '#<Object> could not be cloned.';
}

const errorCtors = {
  Error, EvalError, RangeError, ReferenceError, SyntaxError, TypeError, URIError,
};

function clone(value, seen) {
  if (typeof value === 'function' || typeof value === 'symbol') {
    throw dataCloneError(describe(value));
  }
  if (value === null || typeof value !== 'object') return value;
  if (seen.has(value)) return seen.get(value);
  if (isProxy(value)) throw dataCloneError('#<Object> could not be cloned.');

  const tag = Object.prototype.toString.call(value);
  let out;
  switch (tag) {
    case '[object Array]': {
      out = new Array(value.length);
      seen.set(value, out);
      for (const key of Object.keys(value)) out[key] = clone(value[key], seen);
      return out;
    }
    case '[object Date]':
      out = new Date(value.getTime());
      seen.set(value, out);
      return out;
    case '[object RegExp]':
      out = new RegExp(value.source, value.flags);
      seen.set(value, out);
      return out;
    case '[object Map]': {
      out = new Map();
      seen.set(value, out);
      for (const [k, v] of value) out.set(clone(k, seen), clone(v, seen));
      return out;
    }
    case '[object Set]': {
      out = new Set();
      seen.set(value, out);
      for (const v of value) out.add(clone(v, seen));
      return out;
    }
    case '[object ArrayBuffer]':
      out = value.slice(0);
      seen.set(value, out);
      return out;
    case '[object Boolean]':
      return new Boolean(value.valueOf());
    case '[object Number]':
      return new Number(value.valueOf());
    case '[object String]':
      return new String(value.valueOf());
    case '[object BigInt]':
      return Object(BigInt.prototype.valueOf.call(value));
    case '[object Error]': {
      const name = value.name;
      const Ctor = Object.prototype.hasOwnProperty.call(errorCtors, name) ? errorCtors[name] : Error;
      out = Object.create(Ctor.prototype);
      seen.set(value, out);
      const desc = (v) => ({ value: v, writable: true, configurable: true, enumerable: false });
      if (value.message !== undefined) Object.defineProperty(out, 'message', desc(String(value.message)));
      if (value.stack !== undefined) Object.defineProperty(out, 'stack', desc(String(value.stack)));
      if ('cause' in value) Object.defineProperty(out, 'cause', desc(clone(value.cause, seen)));
      return out;
    }
    default:
      break;
  }
  if (ArrayBuffer.isView(value)) {
    const buffer = clone(value.buffer, seen);
    const Ctor = value instanceof DataView ? DataView : Object.getPrototypeOf(Object.getPrototypeOf(value)) !== Object.prototype && value.constructor;
    if (value instanceof DataView) {
      out = new DataView(buffer, value.byteOffset, value.byteLength);
    } else {
      const Typed = globalThis[tag.slice(8, -1)] || Ctor;
      out = new Typed(buffer, value.byteOffset, value.length);
    }
    seen.set(value, out);
    return out;
  }
  if (tag !== '[object Object]' && tag !== '[object Arguments]') {
    throw dataCloneError(`${tag.slice(8, -1)} object could not be cloned.`);
  }
  out = {};
  seen.set(value, out);
  for (const key of Object.keys(value)) out[key] = clone(value[key], seen);
  return out;
}

// Node's WebIDL conversion errors: plain TypeErrors with a code.
function conversionError(message) {
  const err = new TypeError(message);
  err.code = 'ERR_INVALID_ARG_TYPE';
  return err;
}

/** The ArrayBuffers of `options.transfer`, validated as Node does. */
function transferList(options) {
  if (options === undefined || options === null) return [];
  const prefix = "Failed to execute 'structuredClone'";
  if (typeof options !== 'object' && typeof options !== 'function') {
    throw conversionError(`${prefix}: Options cannot be converted to a dictionary`);
  }
  const { transfer } = options;
  if (transfer === undefined) return [];
  if (transfer === null || (typeof transfer !== 'object' && typeof transfer !== 'function') ||
      typeof transfer[Symbol.iterator] !== 'function') {
    throw conversionError(`${prefix}: transfer in Options can not be converted to sequence.`);
  }
  const buffers = [];
  for (const item of transfer) {
    if (item === null || (typeof item !== 'object' && typeof item !== 'function')) {
      throw conversionError('Value is not an object');
    }
    // Only ArrayBuffers can be transferred here (no ports or streams yet).
    if (Object.prototype.toString.call(item) !== '[object ArrayBuffer]') {
      throw dataCloneError('Found invalid value in transferList.');
    }
    if (buffers.includes(item)) {
      throw dataCloneError('Transfer list contains duplicate ArrayBuffer');
    }
    buffers.push(item);
  }
  return buffers;
}

function structuredClone(value, options) {
  if (arguments.length === 0) {
    const { codes: { ERR_MISSING_ARGS } } = require('internal/errors');
    throw new ERR_MISSING_ARGS('The value argument must be specified');
  }
  const buffers = transferList(options);
  const result = clone(value, new Map());
  // Transferred buffers are detached once the value has been cloned (the clone holds
  // their contents), so a failed clone leaves them intact, as in Node.
  for (const buffer of buffers) buffer.transfer();
  return result;
}

module.exports = { structuredClone };
