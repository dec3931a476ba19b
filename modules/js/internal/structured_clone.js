'use strict';
// structuredClone and the cloning behind postMessage: the HTML structured clone algorithm
// for primitives, objects (any class: own enumerable properties, as V8 copies them),
// arrays, Date, RegExp, Map, Set, ArrayBuffer and views, Error types, boxed primitives,
// DOMException, Blob and File, with cycles and shared references preserved, and Node's
// DataCloneErrors for what cannot be cloned (functions, symbols, promises, weak
// collections, URL, ...). A transfer list may hold ArrayBuffers (detached afterwards), web
// streams (the copy is a new stream piped to or from the original, which stays locked) and
// objects with a [kTransfer]() method (MessagePort, transferable AbortSignals), replaced by
// what it returns. Buffers marked untransferable (Buffer pools) refuse to move.

const types = internalBinding('types');
const { isProxy } = types;
const { makeArrayBufferUndetachable } = internalBinding('util');

/** The method a transferable object provides; it returns the object's received copy. */
const kTransfer = Symbol('kTransfer');
/** True on a MessagePort that was closed or moved: it can no longer be transferred. */
const kDetached = Symbol('kDetached');
// Internal classes Node clones with their own logic (X509Certificate, …) define
// `[kClone]()` returning the receiver's copy (Node's js_transferable kClone).
const kClone = Symbol('kClone');
const untransferable = new WeakSet();

/** Node's markAsUntransferable: the object (an ArrayBuffer's contents) may not be moved. */
function markAsUntransferable(object) {
  if ((typeof object !== 'object' && typeof object !== 'function') || object === null) return;
  untransferable.add(object);
  if (Object.prototype.toString.call(object) === '[object ArrayBuffer]') {
    makeArrayBufferUndetachable(object);
  }
}

function isMarkedAsUntransferable(object) {
  return untransferable.has(object);
}

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

// Platform objects Node refuses to clone, by their toStringTag.
const unsupportedPlatformTags = new Set(['[object URL]', '[object URLSearchParams]']);
// Web streams are moved only through a transfer list.
const streamTags = new Set([
  '[object ReadableStream]', '[object WritableStream]', '[object TransformStream]',
]);

// Calls a brand-checking getter: whether `value` really is an instance of that class.
function hasBrand(prototype, getterName, value) {
  try {
    Object.getOwnPropertyDescriptor(prototype, getterName).get.call(value);
    return true;
  } catch {
    return false;
  }
}

// Copies of the platform objects Node clones with their own logic (DOMException, Blob,
// File); undefined for anything else.
function clonePlatformObject(value, tag) {
  if (tag === '[object DOMException]') {
    const { DOMException } = require('internal/dom_exception');
    if (!hasBrand(DOMException.prototype, 'name', value)) return undefined;
    const copy = new DOMException(value.message, value.name);
    Object.defineProperty(copy, 'stack', {
      __proto__: null, value: value.stack, writable: true, enumerable: false, configurable: true,
    });
    return copy;
  }
  if (tag === '[object Blob]' || tag === '[object File]') {
    const { Blob, File } = require('internal/blob');
    if (!hasBrand(Blob.prototype, 'size', value)) return undefined;
    if (hasBrand(File.prototype, 'name', value)) {
      return new File([value], value.name, { type: value.type, lastModified: value.lastModified });
    }
    return new Blob([value], { type: value.type });
  }
  return undefined;
}

// How a transfer-list item is moved: its [kTransfer]() method or, for web streams, a new
// stream connected to it (which leaves the original locked, as in Node).
function transferHook(item) {
  if (typeof item[kTransfer] === 'function') return () => item[kTransfer]();
  const tag = Object.prototype.toString.call(item);
  if (!streamTags.has(tag)) return undefined;
  const web = require('stream/web');
  if (tag === '[object ReadableStream]' && item instanceof web.ReadableStream) {
    return () => {
      const { readable, writable } = new web.TransformStream();
      item.pipeTo(writable).catch(() => {});
      return readable;
    };
  }
  if (tag === '[object WritableStream]' && item instanceof web.WritableStream) {
    return () => {
      const { readable, writable } = new web.TransformStream();
      readable.pipeTo(item).catch(() => {});
      return writable;
    };
  }
  if (tag === '[object TransformStream]' && item instanceof web.TransformStream) {
    return () => {
      const reader = item.readable.getReader();
      const writer = item.writable.getWriter();
      return new web.TransformStream({
        start(controller) {
          (async () => {
            for (;;) {
              const { value, done } = await reader.read();
              if (done) break;
              controller.enqueue(value);
            }
            controller.terminate();
          })().catch((error) => controller.error(error));
        },
        transform(chunk) { return writer.write(chunk); },
        flush() { return writer.close(); },
      });
    };
  }
  return undefined;
}

function isWeakRef(value) {
  try {
    WeakRef.prototype.deref.call(value);
    return true;
  } catch {
    return false;
  }
}

// Throws the DataCloneError for objects whose internal kind cannot be cloned; returns for
// ordinary objects, whatever their toStringTag.
function rejectUncloneable(value, tag) {
  if (types.isPromise(value)) throw dataCloneError('#<Promise> could not be cloned.');
  if (types.isWeakMap(value)) throw dataCloneError('#<WeakMap> could not be cloned.');
  if (types.isWeakSet(value)) throw dataCloneError('#<WeakSet> could not be cloned.');
  if (isWeakRef(value)) throw dataCloneError('#<WeakRef> could not be cloned.');
  if (types.isSymbolObject(value)) throw dataCloneError('[object Symbol] could not be cloned.');
  if (types.isGeneratorObject(value)) {
    throw dataCloneError('[object Generator] could not be cloned.');
  }
  if (types.isMapIterator(value) || types.isSetIterator(value) ||
      types.isModuleNamespaceObject(value) || types.isExternal(value)) {
    throw dataCloneError(`${tag} could not be cloned.`);
  }
  if (unsupportedPlatformTags.has(tag)) {
    throw dataCloneError('Cannot clone object of unsupported type.');
  }
}

// `seen` maps originals to their copies; `transfers` maps each transferable object of the
// transfer list to its received copy once made.
function clone(value, seen, transfers) {
  if (typeof value === 'function' || typeof value === 'symbol') {
    throw dataCloneError(describe(value));
  }
  if (value === null || typeof value !== 'object') return value;
  if (seen.has(value)) return seen.get(value);
  if (isProxy(value)) throw dataCloneError('#<Object> could not be cloned.');
  if (transfers.has(value)) {
    const received = transfers.get(value).receive();
    seen.set(value, received);
    return received;
  }
  if (transferHook(value) !== undefined) {
    throw dataCloneError(
      'Object that needs transfer was found in message but not listed in transferList');
  }
  if (typeof value[kClone] === 'function') {
    const copy = value[kClone]();
    seen.set(value, copy);
    return copy;
  }

  const tag = Object.prototype.toString.call(value);
  let out;
  switch (tag) {
    case '[object Array]': {
      out = new Array(value.length);
      seen.set(value, out);
      for (const key of Object.keys(value)) out[key] = clone(value[key], seen, transfers);
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
      for (const [k, v] of value) out.set(clone(k, seen, transfers), clone(v, seen, transfers));
      return out;
    }
    case '[object Set]': {
      out = new Set();
      seen.set(value, out);
      for (const v of value) out.add(clone(v, seen, transfers));
      return out;
    }
    case '[object ArrayBuffer]':
      if (value.detached) {
        throw dataCloneError('An ArrayBuffer is detached and could not be cloned.');
      }
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
      if ('cause' in value) {
        Object.defineProperty(out, 'cause', desc(clone(value.cause, seen, transfers)));
      }
      return out;
    }
    default:
      break;
  }
  // A SharedArrayBuffer is shared, not copied.
  if (types.isSharedArrayBuffer(value)) return value;
  if (ArrayBuffer.isView(value)) {
    const buffer = clone(value.buffer, seen, transfers);
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
    const copy = clonePlatformObject(value, tag);
    if (copy !== undefined) {
      seen.set(value, copy);
      return copy;
    }
    rejectUncloneable(value, tag);
  }
  // Any other object (class instances included) arrives as a plain object of its own
  // enumerable properties.
  out = {};
  seen.set(value, out);
  for (const key of Object.keys(value)) out[key] = clone(value[key], seen, transfers);
  return out;
}

// Node's WebIDL conversion errors: plain TypeErrors with a code.
function conversionError(message) {
  const err = new TypeError(message);
  err.code = 'ERR_INVALID_ARG_TYPE';
  return err;
}

/** The items of `options.transfer`, validated as Node does. */
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
  const items = [];
  for (const item of transfer) {
    if (item === null || (typeof item !== 'object' && typeof item !== 'function')) {
      throw conversionError('Value is not an object');
    }
    items.push(item);
  }
  return items;
}

// Moves a transferable object at most once, however often the message mentions it.
function receiveOnce(move) {
  let received;
  let moved = false;
  return {
    receive() {
      if (!moved) {
        received = move();
        moved = true;
      }
      return received;
    },
  };
}

/**
 * Clones `value` for a receiver, moving the objects of `transferItems`: ArrayBuffers are
 * detached (their copy is in the result) and the others are replaced by what their
 * [kTransfer]() returns. `sourcePort` is the port posting the message, which may not be
 * moved. Returns the copy and the received copies of every transferred object.
 */
function cloneWithTransfer(value, transferItems, sourcePort = undefined) {
  const buffers = [];
  const transfers = new Map();
  for (const item of transferItems) {
    if (Object.prototype.toString.call(item) === '[object ArrayBuffer]') {
      if (untransferable.has(item)) {
        throw dataCloneError('Cannot transfer object of unsupported type.');
      }
      if (buffers.includes(item)) {
        throw dataCloneError('Transfer list contains duplicate ArrayBuffer');
      }
      buffers.push(item);
    } else if (item === sourcePort && item !== undefined) {
      throw dataCloneError('Transfer list contains source port');
    } else if (item[kDetached] === true) {
      throw dataCloneError('MessagePort in transfer list is already detached');
    } else if (transfers.has(item) && item[kDetached] === false) {
      throw dataCloneError('Transfer list contains duplicate MessagePort');
    } else if (!untransferable.has(item) && transferHook(item) !== undefined) {
      if (!transfers.has(item)) transfers.set(item, receiveOnce(transferHook(item)));
    } else {
      throw dataCloneError('Found invalid value in transferList.');
    }
  }
  const result = clone(value, new Map(), transfers);
  // Transferred buffers are detached once the value has been cloned (the clone holds
  // their contents), so a failed clone leaves them intact, as in Node. Transferable
  // objects the value does not contain are moved all the same.
  for (const buffer of buffers) buffer.transfer();
  const received = [];
  for (const transfer of transfers.values()) received.push(transfer.receive());
  return { result, received };
}

function structuredClone(value, options) {
  if (arguments.length === 0) {
    const { codes: { ERR_MISSING_ARGS } } = require('internal/errors');
    throw new ERR_MISSING_ARGS('The value argument must be specified');
  }
  return cloneWithTransfer(value, transferList(options)).result;
}

module.exports = {
  cloneWithTransfer,
  isMarkedAsUntransferable,
  kClone,
  kDetached,
  kTransfer,
  markAsUntransferable,
  structuredClone,
};
