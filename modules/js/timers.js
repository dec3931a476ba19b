'use strict';
// node:timers: the public timer functions (also installed as globals), and `promises`.

const {
  Timeout, Immediate, clearTimeout: clearTimer, clearImmediate: clearImm,
} = require('internal/timers');

function validateCallback(callback) {
  if (typeof callback !== 'function') {
    const { codes: { ERR_INVALID_ARG_TYPE } } = require('internal/errors');
    throw new ERR_INVALID_ARG_TYPE('callback', 'Function', callback);
  }
}

function setTimeout(callback, after, ...args) {
  validateCallback(callback);
  return new Timeout(callback, after, args.length ? args : undefined, false, true);
}

function setInterval(callback, repeat, ...args) {
  validateCallback(callback);
  return new Timeout(callback, repeat, args.length ? args : undefined, true, true);
}

function setImmediate(callback, ...args) {
  validateCallback(callback);
  return new Immediate(callback, args.length ? args : undefined);
}

function clearTimeout(timer) {
  clearTimer(timer);
}

function clearInterval(timer) {
  // Node lets clearTimeout and clearInterval clear either kind.
  clearTimer(timer);
}

function clearImmediate(immediate) {
  clearImm(immediate);
}

module.exports = {
  setTimeout,
  clearTimeout,
  setImmediate,
  clearImmediate,
  setInterval,
  clearInterval,
};
Object.defineProperty(module.exports, 'promises', {
  __proto__: null,
  enumerable: true,
  configurable: true,
  get() { return require('timers/promises'); },
});
