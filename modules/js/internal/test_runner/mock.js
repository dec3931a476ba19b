'use strict';

// internal/test_runner/mock: the MockTracker behind `mock` and `t.mock` —
// mock.fn() spies with call records, mock.method()/getter()/setter() that
// replace object members until restored, restoreAll() and reset().
// mock.timers is not implemented.

const {
  codes: { ERR_INVALID_ARG_TYPE, ERR_INVALID_ARG_VALUE },
} = require('internal/errors');

/** Call records and implementation switches of one mocked function. */
class MockFunctionContext {
  #calls = [];
  #implementation;
  #original;
  #restore;
  #onceByCall = new Map();
  #timesLeft;

  constructor(original, implementation, restore, times) {
    this.#original = original;
    this.#implementation = implementation;
    this.#restore = restore;
    this.#timesLeft = times;
  }

  get calls() {
    return this.#calls.slice();
  }

  callCount() {
    return this.#calls.length;
  }

  mockImplementation(implementation) {
    if (typeof implementation !== 'function') {
      throw new ERR_INVALID_ARG_TYPE('implementation', 'function', implementation);
    }
    this.#implementation = implementation;
  }

  mockImplementationOnce(implementation, onCall) {
    if (typeof implementation !== 'function') {
      throw new ERR_INVALID_ARG_TYPE('implementation', 'function', implementation);
    }
    this.#onceByCall.set(onCall ?? this.#calls.length, implementation);
  }

  resetCalls() {
    this.#calls = [];
  }

  restore() {
    if (this.#restore) this.#restore();
  }

  /** The function the next call runs: a one-off, the current one, or the original. */
  nextImplementation() {
    const callIndex = this.#calls.length;
    const once = this.#onceByCall.get(callIndex);
    if (once) {
      this.#onceByCall.delete(callIndex);
      return once;
    }
    if (this.#timesLeft !== undefined) {
      if (this.#timesLeft <= 0) return this.#original;
      this.#timesLeft--;
    }
    return this.#implementation;
  }

  recordCall(call) {
    this.#calls.push(call);
  }
}

/** A function that records every call and forwards it to the context's implementation. */
function createMockFunction(context) {
  const mock = function(...args) {
    const implementation = context.nextImplementation();
    const call = { arguments: args, error: undefined, result: undefined, stack: new Error(), target: new.target, this: this };
    try {
      const result = new.target ?
        Reflect.construct(implementation, args, new.target === mock ? implementation : new.target) :
        Reflect.apply(implementation, this, args);
      call.result = result;
      return result;
    } catch (error) {
      call.error = error;
      throw error;
    } finally {
      context.recordCall(call);
    }
  };
  Object.defineProperty(mock, 'mock', { __proto__: null, value: context, enumerable: false, configurable: false });
  return mock;
}

/** Creates and tracks mocks; `restoreAll()` puts every replaced member back. */
class MockTracker {
  #mocks = [];

  fn(original = function() {}, implementation = original, options = {}) {
    if (implementation !== null && typeof implementation === 'object') {
      options = implementation;
      implementation = original;
    }
    if (typeof original !== 'function') throw new ERR_INVALID_ARG_TYPE('original', 'Function', original);
    if (typeof implementation !== 'function') {
      throw new ERR_INVALID_ARG_TYPE('implementation', 'Function', implementation);
    }
    const context = new MockFunctionContext(original, implementation, undefined, options?.times);
    this.#mocks.push(context);
    return createMockFunction(context);
  }

  method(object, methodName, implementation = undefined, options = {}) {
    if (implementation !== null && typeof implementation === 'object' && typeof implementation !== 'function') {
      options = implementation;
      implementation = undefined;
    }
    if (object === null || (typeof object !== 'object' && typeof object !== 'function')) {
      throw new ERR_INVALID_ARG_TYPE('object', 'Object', object);
    }
    const { getter = false, setter = false } = options ?? {};
    const kind = getter ? 'get' : setter ? 'set' : 'value';
    let owner = object;
    let descriptor;
    while (owner !== null && !(descriptor = Object.getOwnPropertyDescriptor(owner, methodName))) {
      owner = Object.getPrototypeOf(owner);
    }
    const original = descriptor?.[kind];
    if (typeof original !== 'function') {
      throw new ERR_INVALID_ARG_VALUE('methodName', original, 'must be a method');
    }
    const ownDescriptor = Object.getOwnPropertyDescriptor(object, methodName);
    const restore = () => {
      if (ownDescriptor) Object.defineProperty(object, methodName, ownDescriptor);
      else delete object[methodName];
    };
    const context = new MockFunctionContext(original, implementation ?? original, restore, options?.times);
    this.#mocks.push(context);
    const mock = createMockFunction(context);
    const replacement = { __proto__: null, configurable: descriptor.configurable, enumerable: descriptor.enumerable };
    if (kind === 'value') {
      replacement.value = mock;
      replacement.writable = descriptor.writable;
    } else {
      replacement[kind] = mock;
    }
    Object.defineProperty(object, methodName, replacement);
    return mock;
  }

  getter(object, methodName, implementation, options) {
    if (implementation !== null && typeof implementation === 'object') {
      options = implementation;
      implementation = undefined;
    }
    return this.method(object, methodName, implementation, { ...options, getter: true });
  }

  setter(object, methodName, implementation, options) {
    if (implementation !== null && typeof implementation === 'object') {
      options = implementation;
      implementation = undefined;
    }
    return this.method(object, methodName, implementation, { ...options, setter: true });
  }

  reset() {
    this.restoreAll();
    this.#mocks = [];
  }

  restoreAll() {
    for (const context of this.#mocks) context.restore();
  }
}

module.exports = { MockTracker };
