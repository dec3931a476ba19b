'use strict';
// AbortController and AbortSignal (globals): abort(reason) with a DOMException AbortError
// as the default reason, signal.reason/aborted/throwIfAborted/onabort, and the static
// AbortSignal.abort(), AbortSignal.timeout() (an unref'd timer, so it never keeps the
// process alive) and AbortSignal.any() (a signal that follows its sources; they hold it
// weakly). The 'abort' event is trusted, as in Node.

const {
  codes: { ERR_ILLEGAL_CONSTRUCTOR, ERR_INVALID_THIS },
} = require('internal/errors');
const {
  kValidateObjectAllowObjects, validateAbortSignalArray, validateObject, validateUint32,
} = require('internal/validators');
const {
  Event, EventTarget, defineEventHandler, kNewListener, kRemoveListener, kResistStopPropagation,
  kTrustEvent,
  kWeakHandler,
} = require('internal/event_target');
const { DOMException } = require('internal/dom_exception');
const { kMaxEventTargetListeners } = require('events');
const { kTransfer } = require('internal/structured_clone');

const kInspect = Symbol.for('nodejs.util.inspect.custom');
const kDontThrow = Symbol('kDontThrow');
const kAborted = Symbol('kAborted');
const kReason = Symbol('kReason');
const kTimeout = Symbol('kTimeout');
const kComposite = Symbol('kComposite');
const kSourceSignals = Symbol('kSourceSignals');
const kDependantSignals = Symbol('kDependantSignals');

// Signals that must outlive their last user reference: a timeout or composite signal that
// still has an 'abort' listener and has not fired yet.
const pendingSignals = new Set();
// When a composite signal is collected, its sources forget it.
const dependantRegistry = new FinalizationRegistry(({ sources, ref }) => {
  for (const source of sources) source.deref()?.[kDependantSignals]?.delete(ref);
});

function customInspect(self, shown, depth, options) {
  if (depth < 0) return self;
  const opts = Object.assign({}, options, {
    depth: options.depth === null ? null : options.depth - 1,
  });
  return `${self.constructor.name} ${require('internal/util/inspect').inspect(shown, opts)}`;
}

// Web IDL sequence conversion: any iterable object becomes an array.
function toSequence(value, context) {
  if (value === null || typeof value !== 'object' || typeof value[Symbol.iterator] !== 'function') {
    const err = new TypeError(`${context} can not be converted to sequence.`);
    err.code = 'ERR_INVALID_ARG_TYPE';
    throw err;
  }
  return [...value];
}

function validateThisAbortSignal(value) {
  if (value?.[kAborted] === undefined) throw new ERR_INVALID_THIS('AbortSignal');
}

class AbortSignal extends EventTarget {
  constructor(dontThrow = undefined, { aborted = false, reason = undefined,
                                       composite = false } = {}) {
    if (dontThrow !== kDontThrow) throw new ERR_ILLEGAL_CONSTRUCTOR();
    super();
    this[kMaxEventTargetListeners] = 0;
    this[kAborted] = aborted;
    this[kReason] = reason;
    this[kComposite] = composite;
  }

  get aborted() {
    validateThisAbortSignal(this);
    return !!this[kAborted];
  }

  get reason() {
    validateThisAbortSignal(this);
    return this[kReason];
  }

  throwIfAborted() {
    validateThisAbortSignal(this);
    if (this[kAborted]) throw this[kReason];
  }

  [kInspect](depth, options) {
    return customInspect(this, { aborted: this.aborted }, depth, options);
  }

  static abort(reason = new DOMException('This operation was aborted', 'AbortError')) {
    return new AbortSignal(kDontThrow, { aborted: true, reason });
  }

  static timeout(delay) {
    validateUint32(delay, 'delay', false);
    const signal = new AbortSignal(kDontThrow);
    signal[kTimeout] = true;
    const ref = new WeakRef(signal);
    setTimeout(() => {
      const target = ref.deref();
      if (target === undefined) return;
      pendingSignals.delete(target);
      abortSignal(target, new DOMException('The operation was aborted due to timeout',
                                           'TimeoutError'));
    }, delay).unref();
    return signal;
  }

  static any(signals) {
    signals = toSequence(signals, 'signals');
    validateAbortSignalArray(signals, 'signals');
    const result = new AbortSignal(kDontThrow, { composite: true });
    if (signals.length === 0) return result;
    const resultRef = new WeakRef(result);
    result[kSourceSignals] = new Set();
    for (const signal of signals) {
      if (signal.aborted) {
        result[kAborted] = true;
        result[kReason] = signal.reason;
        return result;
      }
    }
    for (const signal of signals) {
      // A composite source adds its own sources instead, so chains stay flat.
      const sources = signal[kComposite] ? [...(signal[kSourceSignals] ?? [])]
        .map((r) => r.deref()).filter(Boolean) : [signal];
      for (const source of sources) {
        if (source[kAborted]) continue;
        result[kSourceSignals].add(new WeakRef(source));
        source[kDependantSignals] ??= new Set();
        source[kDependantSignals].add(resultRef);
      }
    }
    dependantRegistry.register(result, { sources: [...result[kSourceSignals]], ref: resultRef });
    return result;
  }

  [kNewListener](size, type, listener, once, capture, passive, weak) {
    super[kNewListener](size, type, listener, once, capture, passive, weak);
    const mayStillFire = this[kTimeout] || (this[kComposite] && this[kSourceSignals]?.size);
    if (mayStillFire && type === 'abort' && !this[kAborted] && weak === undefined) {
      pendingSignals.add(this);
      // A composite signal fires through its sources: its timeout sources, held only weakly
      // by it, must live until they fire (they leave pendingSignals when they do).
      if (this[kComposite]) {
        for (const ref of this[kSourceSignals]) {
          const source = ref.deref();
          if (source?.[kTimeout] && !source[kAborted]) pendingSignals.add(source);
        }
      }
    }
  }

  [kRemoveListener](size, type, listener, capture) {
    super[kRemoveListener](size, type, listener, capture);
    // The last 'abort' listener gone: nothing holds the signal alive any more.
    if (type === 'abort' && size === 0) pendingSignals.delete(this);
  }
}

Object.defineProperty(AbortSignal.prototype, 'aborted', { enumerable: true });
for (const name of ['abort', 'timeout', 'any']) {
  Object.defineProperty(AbortSignal, name, { enumerable: true });
}
Object.defineProperty(AbortSignal.prototype, Symbol.toStringTag, {
  value: 'AbortSignal', writable: false, enumerable: false, configurable: true,
});
defineEventHandler(AbortSignal.prototype, 'abort');

function fireAbort(signal) {
  pendingSignals.delete(signal);
  signal.dispatchEvent(new Event('abort', { [kTrustEvent]: true }));
}

// Marks the signal and its dependants aborted first, then fires their events (the DOM order).
function abortSignal(signal, reason) {
  if (signal[kAborted]) return;
  signal[kAborted] = true;
  signal[kReason] = reason;
  const dependants = [];
  for (const ref of signal[kDependantSignals] ?? []) {
    const dependant = ref.deref();
    if (dependant !== undefined && !dependant[kAborted]) {
      dependant[kAborted] = true;
      dependant[kReason] = reason;
      dependants.push(dependant);
    }
  }
  fireAbort(signal);
  for (const dependant of dependants) fireAbort(dependant);
}

class AbortController {
  #signal;

  get signal() {
    this.#signal ??= new AbortSignal(kDontThrow);
    return this.#signal;
  }

  abort(reason = new DOMException('This operation was aborted', 'AbortError')) {
    this.#signal ??= new AbortSignal(kDontThrow);
    abortSignal(this.#signal, reason);
  }

  [kInspect](depth, options) {
    return customInspect(this, { signal: this.signal }, depth, options);
  }
}

for (const name of ['signal', 'abort']) {
  Object.defineProperty(AbortController.prototype, name, { enumerable: true });
}
Object.defineProperty(AbortController.prototype, Symbol.toStringTag, {
  value: 'AbortController', writable: false, enumerable: false, configurable: true,
});

// The copy a transferable signal becomes when posted: a signal that follows it.
function transferFollowingSignal() {
  return AbortSignal.any([this]);
}

/** util.transferableAbortSignal: lets `signal` be listed in a postMessage transfer list. */
function transferableAbortSignal(signal) {
  if (signal?.[kAborted] === undefined) {
    const { codes: { ERR_INVALID_ARG_TYPE } } = require('internal/errors');
    throw new ERR_INVALID_ARG_TYPE('signal', 'AbortSignal', signal);
  }
  Object.defineProperty(signal, kTransfer, {
    __proto__: null, value: transferFollowingSignal, configurable: true,
  });
  return signal;
}

/** util.transferableAbortController: an AbortController whose signal is transferable. */
function transferableAbortController() {
  const controller = new AbortController();
  transferableAbortSignal(controller.signal);
  return controller;
}

/**
 * util.aborted: a promise settled when `signal` aborts. The listener lives only as long
 * as `resource` does, so a collected resource leaves the promise pending.
 */
async function aborted(signal, resource) {
  if (signal?.[kAborted] === undefined) {
    const { codes: { ERR_INVALID_ARG_TYPE } } = require('internal/errors');
    throw new ERR_INVALID_ARG_TYPE('signal', 'AbortSignal', signal);
  }
  validateObject(resource, 'resource', kValidateObjectAllowObjects);
  if (signal.aborted) return;
  const { promise, resolve } = Promise.withResolvers();
  signal.addEventListener('abort', resolve, {
    __proto__: null, once: true, [kWeakHandler]: resource, [kResistStopPropagation]: true,
  });
  return promise;
}

module.exports = {
  AbortController,
  AbortSignal,
  aborted,
  transferableAbortController,
  transferableAbortSignal,
};
