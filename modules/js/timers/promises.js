'use strict';
// node:timers/promises: promise-returning setTimeout/setImmediate, setInterval as an async
// iterator, and `scheduler` (wait, yield). An AbortSignal cancels the timer and rejects with
// Node's AbortError (code 'ABORT_ERR', the signal's reason as its cause); `ref: false`
// lets the process exit while the timer is pending.

const {
  Timeout, Immediate, clearTimeout, clearImmediate,
} = require('internal/timers');
const {
  AbortError,
  codes: { ERR_ILLEGAL_CONSTRUCTOR, ERR_INVALID_THIS },
} = require('internal/errors');
const {
  validateAbortSignal, validateBoolean, validateNumber, validateObject,
} = require('internal/validators');
const { kResistStopPropagation } = require('internal/event_target');

const kScheduler = Symbol('kScheduler');
const abortListenerFlags = { __proto__: null, once: true, [kResistStopPropagation]: true };

function abortErrorFor(signal) {
  return new AbortError(undefined, { cause: signal?.reason });
}

function validateTimerOptions(options) {
  validateObject(options, 'options');
  if (options.signal !== undefined) validateAbortSignal(options.signal, 'options.signal');
  if (options.ref !== undefined) validateBoolean(options.ref, 'options.ref');
}

// Runs `start(resolve, reject)` that creates a timer, and cancels it when `signal` aborts.
function cancellable(signal, start, clear) {
  let onAbort;
  const promise = new Promise((resolve, reject) => {
    const timer = start(resolve);
    if (signal) {
      onAbort = () => {
        if (!timer._destroyed) {
          clear(timer);
          reject(abortErrorFor(signal));
        }
      };
      signal.addEventListener('abort', onAbort, abortListenerFlags);
    }
  });
  if (onAbort === undefined) return promise;
  return promise.finally(() => signal.removeEventListener('abort', onAbort));
}

function setTimeout(after, value, options = {}) {
  try {
    if (after !== undefined) validateNumber(after, 'delay');
    validateTimerOptions(options);
  } catch (err) {
    return Promise.reject(err);
  }
  const { signal, ref = true } = options;
  if (signal?.aborted) return Promise.reject(abortErrorFor(signal));
  return cancellable(signal, (resolve) => new Timeout(resolve, after, [value], false, ref),
                     clearTimeout);
}

function setImmediate(value, options = {}) {
  try {
    validateTimerOptions(options);
  } catch (err) {
    return Promise.reject(err);
  }
  const { signal, ref = true } = options;
  if (signal?.aborted) return Promise.reject(abortErrorFor(signal));
  return cancellable(signal, (resolve) => {
    const immediate = new Immediate(resolve, [value]);
    if (!ref) immediate.unref();
    return immediate;
  }, clearImmediate);
}

async function* setInterval(after, value, options = {}) {
  validateTimerOptions(options);
  const { signal, ref = true } = options;
  if (signal?.aborted) throw abortErrorFor(signal);
  let onAbort;
  let interval;
  try {
    let notYielded = 0;
    let wake;
    interval = new Timeout(() => {
      notYielded++;
      if (wake) {
        wake();
        wake = undefined;
      }
    }, after, undefined, true, ref);
    if (signal) {
      onAbort = () => {
        clearTimeout(interval);
        if (wake) {
          wake(Promise.reject(abortErrorFor(signal)));
          wake = undefined;
        }
      };
      signal.addEventListener('abort', onAbort, abortListenerFlags);
    }
    while (!signal?.aborted) {
      if (notYielded === 0) {
        await new Promise((resolve) => { wake = resolve; });
      }
      for (; notYielded > 0; notYielded--) yield value;
    }
    throw abortErrorFor(signal);
  } finally {
    clearTimeout(interval);
    signal?.removeEventListener('abort', onAbort);
  }
}

class Scheduler {
  constructor() {
    throw new ERR_ILLEGAL_CONSTRUCTOR();
  }

  yield() {
    if (!this?.[kScheduler]) throw new ERR_INVALID_THIS('Scheduler');
    return setImmediate();
  }

  wait(delay, options) {
    if (!this?.[kScheduler]) throw new ERR_INVALID_THIS('Scheduler');
    return setTimeout(delay, undefined, options);
  }
}

// The one Scheduler instance, made without running the throwing constructor.
const scheduler = Reflect.construct(function() { this[kScheduler] = true; }, [], Scheduler);

module.exports = {
  setTimeout,
  setImmediate,
  setInterval,
  scheduler,
};
