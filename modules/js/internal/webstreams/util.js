'use strict';
// Shared pieces of the WHATWG streams: queues with sizes, queuing-strategy extraction,
// promise helpers and the brand checks behind `ERR_INVALID_THIS`.

const {
  codes: { ERR_INVALID_ARG_VALUE, ERR_INVALID_ARG_TYPE, ERR_INVALID_THIS },
} = require('internal/errors');

// Every stream object keeps its spec slots in one object under this key.
const kState = Symbol('kState');
const kType = Symbol('kType');

function isBrandOf(value, type) {
  return typeof value === 'object' && value !== null && value[kType] === type;
}

function brandCheck(value, type) {
  if (!isBrandOf(value, type)) throw new ERR_INVALID_THIS(type);
}

function createDeferred() {
  let resolve;
  let reject;
  const promise = new Promise((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

function setPromiseHandled(promise) {
  promise.then(() => {}, () => {});
}

function resolvedPromise(value) {
  return Promise.resolve(value);
}

function rejectedPromise(reason) {
  return Promise.reject(reason);
}

// Calls `fn` (a method of the underlying source/sink) and returns its result as a promise.
function promiseCall(fn, thisArg, ...args) {
  try {
    return Promise.resolve(Reflect.apply(fn, thisArg, args));
  } catch (err) {
    return Promise.reject(err);
  }
}

function dequeueValue(container) {
  const { value, size } = container.queue.shift();
  container.queueTotalSize = Math.max(0, container.queueTotalSize - size);
  return value;
}

function enqueueValueWithSize(container, value, size) {
  size = Number(size);
  if (typeof size !== 'number' || Number.isNaN(size) || size < 0 || size === Infinity) {
    throw new ERR_INVALID_ARG_VALUE.RangeError('size', size);
  }
  container.queue.push({ value, size });
  container.queueTotalSize += size;
}

function peekQueueValue(container) {
  return container.queue[0].value;
}

function resetQueue(container) {
  container.queue = [];
  container.queueTotalSize = 0;
}

function extractHighWaterMark(strategy, defaultHWM) {
  const { highWaterMark } = strategy ?? {};
  if (highWaterMark === undefined) return defaultHWM;
  const hwm = Number(highWaterMark);
  if (Number.isNaN(hwm) || hwm < 0) {
    throw new ERR_INVALID_ARG_VALUE.RangeError('strategy.highWaterMark', highWaterMark);
  }
  return hwm;
}

function extractSizeAlgorithm(strategy) {
  const size = strategy?.size;
  if (size === undefined) return () => 1;
  if (typeof size !== 'function') throw new ERR_INVALID_ARG_TYPE('strategy.size', 'Function', size);
  return (chunk) => size(chunk);
}

function validateObjectOrUndefined(value, name) {
  if (value !== undefined && value !== null && typeof value !== 'object' &&
      typeof value !== 'function') {
    throw new ERR_INVALID_ARG_TYPE(name, 'object', value);
  }
}

function lazyDOMException(message, name) {
  const { DOMException } = require('internal/dom_exception');
  return new DOMException(message, name);
}

module.exports = {
  kState,
  kType,
  isBrandOf,
  brandCheck,
  createDeferred,
  setPromiseHandled,
  resolvedPromise,
  rejectedPromise,
  promiseCall,
  dequeueValue,
  enqueueValueWithSize,
  peekQueueValue,
  resetQueue,
  extractHighWaterMark,
  extractSizeAlgorithm,
  validateObjectOrUndefined,
  lazyDOMException,
};
