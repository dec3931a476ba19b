'use strict';
// Unhandled promise rejections, Node's default mode ('throw'): a rejection still without a
// handler when the tick queue drains emits 'unhandledRejection' (or, if it happened inside
// a domain, that domain's 'error'); with no listener it becomes an uncaught exception.

const { setPromiseRejectCallback } = internalBinding('engine');

const kRejectedWithNoHandler = 0;
const kHandlerAddedAfterReject = 1;

const maybeUnhandled = new WeakMap();
const pending = [];
let asyncId = 0;

function promiseRejectHandler(type, promise, reason) {
  if (type === kRejectedWithNoHandler) {
    maybeUnhandled.set(promise, {
      reason, uid: ++asyncId, warned: false, domain: process.domain,
    });
    pending.push(promise);
  } else if (type === kHandlerAddedAfterReject) {
    const info = maybeUnhandled.get(promise);
    if (info === undefined) return;
    maybeUnhandled.delete(promise);
    if (info.warned) {
      process.nextTick(() => process.emit('rejectionHandled', promise));
    }
  }
}
setPromiseRejectCallback(promiseRejectHandler);

function hasRejectionToWarn() {
  return pending.length > 0;
}

class UnhandledPromiseRejection extends Error {
  code = 'ERR_UNHANDLED_REJECTION';
  constructor(reason) {
    super('This error originated either by throwing inside of an async function without a ' +
          'catch block, or by rejecting a promise which was not handled with .catch().' +
          ' The promise rejected with the reason "' +
          require('internal/util/inspect').inspect(reason) + '".');
    this.name = 'UnhandledPromiseRejection';
  }
}

function throwUnhandledRejection(promise, reason) {
  // An own `stack` check: reading it would format the stack and lose the error's location.
  const isErrorLike = reason !== null && typeof reason === 'object' &&
    Object.prototype.hasOwnProperty.call(reason, 'stack');
  const err = isErrorLike ? reason :
      new UnhandledPromiseRejection(reason);
  require('internal/process/execution').triggerUncaughtException(err, true);
}

// Returns true if it may have queued ticks or microtasks (so the caller loops again).
// The queue is walked by index and trimmed once (shift() per entry is quadratic when
// many promises were rejected in one tick).
function processPromiseRejections() {
  let maybeScheduled = false;
  let next = 0;
  try {
    while (next < pending.length) {
      const promise = pending[next++];
      const info = maybeUnhandled.get(promise);
      if (info === undefined) continue;
      info.warned = true;
      const { reason, domain } = info;
      const handled = domain ? domain.emit('error', reason) :
        process.emit('unhandledRejection', reason, promise);
      if (!handled) {
        throwUnhandledRejection(promise, reason);
      }
      maybeScheduled = true;
    }
  } finally {
    pending.splice(0, next);
  }
  return maybeScheduled;
}

module.exports = { hasRejectionToWarn, processPromiseRejections };
