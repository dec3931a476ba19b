'use strict';
// node:async_hooks: AsyncLocalStorage (stores carried by the async context frame),
// AsyncResource, and createHook with the execution/trigger ids of internal/async_hooks.

const AsyncContextFrame = require('internal/async_context_frame');
const hooks = require('internal/async_hooks');
const {
  codes: { ERR_ASYNC_CALLBACK, ERR_ASYNC_TYPE, ERR_INVALID_ASYNC_ID },
} = require('internal/errors');
const { validateFunction, validateObject, validateString } = require('internal/validators');

const kHookNames = ['init', 'before', 'after', 'destroy', 'promiseResolve'];

class AsyncHook {
  constructor(callbacks) {
    for (const name of kHookNames) {
      const fn = callbacks[name];
      if (fn === undefined) continue;
      if (typeof fn !== 'function') throw new ERR_ASYNC_CALLBACK(`hook.${name}`);
      this[name] = fn;
    }
  }

  enable() {
    hooks.enableHook(this);
    return this;
  }

  disable() {
    hooks.disableHook(this);
    return this;
  }
}

function createHook(callbacks) {
  return new AsyncHook(callbacks);
}

const kAsyncId = Symbol('asyncId');
const kTriggerId = Symbol('triggerAsyncId');
const kFrame = Symbol('asyncContextFrame');
const kDestroyed = Symbol('destroyed');

class AsyncResource {
  constructor(type, options = {}) {
    validateString(type, 'type');
    let triggerId = options;
    if (typeof options !== 'number') {
      triggerId = options.triggerAsyncId === undefined ?
        hooks.executionAsyncId() : options.triggerAsyncId;
    }
    if (!Number.isSafeInteger(triggerId) || triggerId < -1) {
      throw new ERR_INVALID_ASYNC_ID('triggerAsyncId', triggerId);
    }
    if (type.length === 0) throw new ERR_ASYNC_TYPE(type);
    this[kFrame] = AsyncContextFrame.current();
    this[kAsyncId] = hooks.newAsyncId();
    this[kTriggerId] = triggerId;
    this[kDestroyed] = false;
    hooks.emitInit(this[kAsyncId], type, triggerId, this);
  }

  runInAsyncScope(fn, thisArg, ...args) {
    hooks.emitBefore(this[kAsyncId], this[kTriggerId], this);
    const priorFrame = AsyncContextFrame.exchange(this[kFrame]);
    try {
      return Reflect.apply(fn, thisArg, args);
    } finally {
      AsyncContextFrame.exchange(priorFrame);
      // Unless an uncaught exception already exited every context.
      if (hooks.executionAsyncId() === this[kAsyncId]) hooks.emitAfter(this[kAsyncId]);
    }
  }

  emitDestroy() {
    if (!this[kDestroyed]) {
      this[kDestroyed] = true;
      hooks.emitDestroy(this[kAsyncId]);
    }
    return this;
  }

  asyncId() {
    return this[kAsyncId];
  }

  triggerAsyncId() {
    return this[kTriggerId];
  }

  bind(fn, thisArg) {
    validateFunction(fn, 'fn');
    const resource = this;
    const bound = function(...args) {
      return resource.runInAsyncScope(fn, thisArg === undefined ? this : thisArg, ...args);
    };
    Object.defineProperty(bound, 'length', {
      __proto__: null, configurable: true, enumerable: false, value: fn.length, writable: false,
    });
    return bound;
  }

  static bind(fn, type, thisArg) {
    type ||= fn.name || 'bound-anonymous-fn';
    return new AsyncResource(type).bind(fn, thisArg);
  }
}

class AsyncLocalStorage {
  #defaultValue;
  #name;

  constructor(options = {}) {
    validateObject(options, 'options');
    this.#defaultValue = options.defaultValue;
    if (options.name !== undefined) this.#name = `${options.name}`;
  }

  get name() {
    return this.#name ?? '';
  }

  static bind(fn) {
    return AsyncResource.bind(fn);
  }

  static snapshot() {
    return AsyncResource.bind((callback, ...args) => callback(...args));
  }

  disable() {
    AsyncContextFrame.disable(this);
  }

  enterWith(store) {
    AsyncContextFrame.set(new AsyncContextFrame(this, store));
  }

  run(store, callback, ...args) {
    const prior = this.getStore();
    if (Object.is(prior, store)) return Reflect.apply(callback, null, args);
    this.enterWith(store);
    try {
      return Reflect.apply(callback, null, args);
    } finally {
      this.enterWith(prior);
    }
  }

  exit(callback, ...args) {
    return this.run(undefined, callback, ...args);
  }

  getStore() {
    const frame = AsyncContextFrame.current();
    if (!frame?.has(this)) return this.#defaultValue;
    return frame.get(this);
  }
}

module.exports = {
  AsyncLocalStorage,
  createHook,
  executionAsyncId: hooks.executionAsyncId,
  executionAsyncResource: hooks.executionAsyncResource,
  triggerAsyncId: hooks.triggerAsyncId,
  AsyncResource,
};
