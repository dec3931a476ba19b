'use strict';
// process.nextTick and the microtask interplay, in Node's order: after every callback from
// the loop, the nextTick queue drains, then microtasks, repeating until both are empty and
// no promise rejection is left to report.

const { runMicrotasks, enqueueMicrotask } = internalBinding('engine');
const AsyncContextFrame = require('internal/async_context_frame');
const {
  newAsyncId, executionAsyncId, emitInit, emitBefore, emitAfter, emitDestroy, hookCounts,
} = require('internal/async_hooks');

// A ring-free FIFO: an array with a moving head, compacted when half consumed.
let queue = [];
let head = 0;

function hasTickScheduled() {
  return head < queue.length;
}

let promises;
function lazyPromises() {
  return promises ??= require('internal/process/promises');
}

function nextTick(callback, ...args) {
  if (typeof callback !== 'function') {
    const { codes: { ERR_INVALID_ARG_TYPE } } = require('internal/errors');
    throw new ERR_INVALID_ARG_TYPE('callback', 'Function', callback);
  }
  if (process._exiting) return;
  const tickObject = {
    callback,
    args: args.length === 0 ? undefined : args,
    asyncId: newAsyncId(),
    triggerAsyncId: executionAsyncId(),
    frame: AsyncContextFrame.current(),
  };
  if (hookCounts.init > 0) {
    emitInit(tickObject.asyncId, 'TickObject', tickObject.triggerAsyncId, tickObject);
  }
  queue.push(tickObject);
}

// Set while a tick callback runs, so left set when one throws: the uncaught-exception path
// reads it (tickThrew) to tell a throwing tick from a throwing loop callback.
let inTickCallback = false;

// Whether the exception being reported came out of a nextTick callback (and forgets it).
function tickThrew() {
  const threw = inTickCallback;
  inTickCallback = false;
  return threw;
}

function processTicksAndRejections() {
  const { processPromiseRejections } = lazyPromises();
  do {
    while (head < queue.length) {
      const tock = queue[head];
      queue[head++] = undefined;
      if (head > 1024 && head * 2 > queue.length) {
        queue = queue.slice(head);
        head = 0;
      }
      const { callback, args, asyncId, frame } = tock;
      emitBefore(asyncId, tock.triggerAsyncId, tock);
      const priorFrame = AsyncContextFrame.exchange(frame);
      inTickCallback = true;
      if (args === undefined) callback();
      else callback(...args);
      inTickCallback = false;
      AsyncContextFrame.exchange(priorFrame);
      emitAfter(asyncId);
      if (hookCounts.destroy > 0) emitDestroy(asyncId);
    }
    queue = [];
    head = 0;
    runMicrotasks();
  } while (hasTickScheduled() || processPromiseRejections());
}

// What Node does when a callback from the loop returns (InternalCallbackScope::Close).
function runNextTicks() {
  const { hasRejectionToWarn } = lazyPromises();
  if (!hasTickScheduled() && !hasRejectionToWarn()) runMicrotasks();
  if (!hasTickScheduled() && !hasRejectionToWarn()) return;
  processTicksAndRejections();
}

function queueMicrotask(callback) {
  if (typeof callback !== 'function') {
    const { codes: { ERR_INVALID_ARG_TYPE } } = require('internal/errors');
    throw new ERR_INVALID_ARG_TYPE('callback', 'Function', callback);
  }
  enqueueMicrotask(function runMicrotask() {
    try {
      callback();
    } catch (error) {
      require('internal/process/execution').triggerUncaughtException(error, false);
    }
  });
}

module.exports = {
  nextTick, processTicksAndRejections, runNextTicks, queueMicrotask, hasTickScheduled, tickThrew,
};
