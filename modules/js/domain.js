'use strict';
// node:domain (deprecated, still used): a Domain collects the errors thrown by the
// callbacks created while it was active. An async hook marks every async resource made
// inside a domain (its `domain` property) and enters that domain around its callback; an uncaught exception goes
// to the active domain's 'error' listeners through the exception capture callback; event
// emitters made inside a domain send unhandled 'error' events to it.

const EventEmitter = require('events');
const { createHook, executionAsyncResource } = require('async_hooks');
const execution = require('internal/process/execution');
const {
  codes: {
    ERR_DOMAIN_CALLBACK_NOT_AVAILABLE, ERR_DOMAIN_CANNOT_SET_UNCAUGHT_EXCEPTION_CAPTURE,
    ERR_UNHANDLED_ERROR,
  },
} = require('internal/errors');

if (execution.hasUncaughtExceptionCaptureCallback()) throw new ERR_DOMAIN_CALLBACK_NOT_AVAILABLE();

// The domains entered, innermost last.
let stack = [];

function setActive(domain) {
  exports.active = process.domain = domain;
}

// The capture callback is set while some entered domain has 'error' listeners.
function updateExceptionCapture() {
  execution.setUncaughtExceptionCaptureCallback(null);
  if (stack.some((domain) => domain.listenerCount('error') > 0)) {
    execution.setUncaughtExceptionCaptureCallback((err) => process.domain._errorHandler(err));
  }
}

// Uncaught exceptions end the current callback: no domain stays entered.
function clearDomainStack() {
  stack.length = 0;
  setActive(null);
  updateExceptionCapture();
}

// The first 'uncaughtException' listener clears the domain stack, so that listeners run
// outside any domain; it goes when the last other listener goes.
process.on('newListener', (name, listener) => {
  if (name === 'uncaughtException' && listener !== clearDomainStack) {
    process.removeListener(name, clearDomainStack);
    process.prependListener(name, clearDomainStack);
  }
});
process.on('removeListener', (name, listener) => {
  if (name === 'uncaughtException' && listener !== clearDomainStack) {
    const listeners = process.listeners('uncaughtException');
    if (listeners.length === 1 && listeners[0] === clearDomainStack) {
      process.removeListener(name, clearDomainStack);
    }
  }
});

// The resource whose callback runs is the execution resource while before/after run.
function resourceDomain() {
  const domain = executionAsyncResource()?.domain;
  return domain instanceof Domain ? domain : undefined;
}

createHook({
  init(asyncId, type, triggerAsyncId, resource) {
    if (process.domain === null || process.domain === undefined) return;
    Object.defineProperty(resource, 'domain', {
      __proto__: null, configurable: true, enumerable: false, value: process.domain,
      writable: true,
    });
  },
  before() {
    resourceDomain()?.enter();
  },
  after() {
    resourceDomain()?.exit();
  },
}).enable();

class Domain extends EventEmitter {
  constructor() {
    super();
    this.members = [];
  }

  enter() {
    stack.push(this);
    setActive(this);
    updateExceptionCapture();
  }

  exit() {
    const index = stack.lastIndexOf(this);
    if (index === -1) return;
    stack.splice(index);
    setActive(stack.length === 0 ? undefined : stack[stack.length - 1]);
    updateExceptionCapture();
  }

  add(emitter) {
    if (emitter.domain === this) return;
    if (emitter.domain) emitter.domain.remove(emitter);
    // A domain added to itself, directly or through its parents, would loop.
    if (this.domain && emitter instanceof Domain) {
      for (let parent = this.domain; parent; parent = parent.domain) {
        if (emitter === parent) return;
      }
    }
    Object.defineProperty(emitter, 'domain', {
      __proto__: null, configurable: true, enumerable: false, value: this, writable: true,
    });
    this.members.push(emitter);
  }

  remove(emitter) {
    emitter.domain = null;
    const index = this.members.indexOf(emitter);
    if (index !== -1) this.members.splice(index, 1);
  }

  run(fn, ...args) {
    this.enter();
    const result = Reflect.apply(fn, this, args);
    this.exit();
    return result;
  }

  intercept(callback) {
    const domain = this;
    return function intercepted(err, ...args) {
      if (err) {
        if (typeof err === 'object') {
          err.domainBound = callback;
          err.domainThrown = false;
          Object.defineProperty(err, 'domain', {
            __proto__: null, configurable: true, enumerable: false, value: domain,
            writable: true,
          });
        }
        domain.emit('error', err);
        return;
      }
      return domain.run(() => Reflect.apply(callback, this, args));
    };
  }

  bind(callback) {
    const domain = this;
    const bound = function bound(...args) {
      return domain.run(() => Reflect.apply(callback, this, args));
    };
    Object.defineProperty(bound, 'domain', {
      __proto__: null, configurable: true, enumerable: false, value: this, writable: true,
    });
    return bound;
  }

  // Called with an uncaught exception while this domain is active; true if handled.
  _errorHandler(err) {
    let caught = false;
    if ((typeof err === 'object' && err !== null) || typeof err === 'function') {
      Object.defineProperty(err, 'domain', {
        __proto__: null, configurable: true, enumerable: false, value: this, writable: true,
      });
      err.domainThrown = true;
    }
    // The handler runs outside this domain, so that an error in it is not its own.
    while (exports.active === this) this.exit();
    if (stack.length === 0) {
      if (this.listenerCount('error') > 0) {
        execution.setUncaughtExceptionCaptureCallback(null);
        try {
          caught = this.emit('error', err);
        } finally {
          updateExceptionCapture();
        }
      }
    } else {
      try {
        caught = this.emit('error', err);
      } catch (handlerError) {
        // The handler threw: the enclosing domain may take that error.
        updateExceptionCapture();
        if (stack.length === 0) throw handlerError;
        setActive(stack[stack.length - 1]);
        caught = process.domain._errorHandler(handlerError);
      }
    }
    clearDomainStack();
    return caught;
  }
}

// Emitters made inside a domain belong to it, and their unhandled 'error' goes to it.
EventEmitter.usingDomains = true;
const eventInit = EventEmitter.init;
EventEmitter.init = function init(opts) {
  Object.defineProperty(this, 'domain', {
    __proto__: null, configurable: true, enumerable: false, value: null, writable: true,
  });
  if (exports.active && !(this instanceof Domain)) this.domain = exports.active;
  return Reflect.apply(eventInit, this, [opts]);
};
const eventEmit = EventEmitter.prototype.emit;
EventEmitter.prototype.emit = function emit(...args) {
  const domain = this.domain;
  const type = args[0];
  if ((type === 'error' && this.listenerCount(type) > 0) || domain === null ||
      domain === undefined || this === process) {
    return Reflect.apply(eventEmit, this, args);
  }
  if (type === 'error') {
    const err = args.length > 1 && args[1] ? args[1] : new ERR_UNHANDLED_ERROR();
    if (typeof err === 'object') {
      err.domainEmitter = this;
      Object.defineProperty(err, 'domain', {
        __proto__: null, configurable: true, enumerable: false, value: domain, writable: true,
      });
      err.domainThrown = false;
    }
    // The handler runs outside the active domain: its copies on top of the stack are
    // dropped until the handler returns.
    const savedStack = stack.slice();
    const savedActive = process.domain;
    let top = stack.length - 1;
    while (top >= 0 && stack[top] === process.domain) top--;
    stack.length = top + 1;
    setActive(stack.length > 0 ? stack[stack.length - 1] : null);
    updateExceptionCapture();
    domain.emit('error', err);
    exports._stack = stack = savedStack;
    setActive(savedActive);
    updateExceptionCapture();
    return false;
  }
  domain.enter();
  const result = Reflect.apply(eventEmit, this, args);
  domain.exit();
  return result;
};

// The public setter now fails, naming where `domain` was loaded.
const domainRequireStack = new Error('require(`domain`) at this point').stack;
process.setUncaughtExceptionCaptureCallback = function setUncaughtExceptionCaptureCallback() {
  const err = new ERR_DOMAIN_CANNOT_SET_UNCAUGHT_EXCEPTION_CAPTURE();
  Error.captureStackTrace(err, setUncaughtExceptionCaptureCallback);
  err.stack += `\n${'-'.repeat(40)}\n${domainRequireStack}`;
  throw err;
};

function create() {
  return new Domain();
}

exports.active = null;
exports._stack = stack;
exports.Domain = Domain;
exports.create = create;
exports.createDomain = create;
setActive(null);
