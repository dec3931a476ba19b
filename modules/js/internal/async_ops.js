'use strict';
// Settles asynchronous ops: an async op returns a request id at once; the loop later
// calls the `completion` hook with (id, error, value) and the callback registered for that
// id runs, in the async context (AsyncLocalStorage stores) it was registered in. `error`
// is a plain object ({ class, message, ...props }) made into a real error here, shaped
// like Node's (code, errno, syscall, path). Requests registered with a resource type
// (FSReqCallback, …) are listed by process._getActiveRequests/getActiveResourcesInfo and
// are async resources for async_hooks (type FSREQCALLBACK, …).

const { setHook } = internalBinding('engine');
const AsyncContextFrame = require('internal/async_context_frame');
const {
  newAsyncId, executionAsyncId, emitInit, emitBefore, emitAfter, emitDestroy, hookCounts,
} = require('internal/async_hooks');

// id → { callback, frame, request, asyncId, triggerAsyncId }
const pending = new Map();
// The request objects of typed requests still in flight, in the order they started.
const activeRequests = new Set();
// One class per resource type, so that a request shows as `FSReqCallback {}`.
const requestClasses = new Map();

const classes = { Error, TypeError, RangeError, SyntaxError };

function makeError(info) {
  const Ctor = classes[info.class] ?? Error;
  // Node's async fs errors carry no JS frames: the work ran off the JS thread.
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  const err = new Ctor(info.message);
  Error.stackTraceLimit = limit;
  for (const key of Object.keys(info)) {
    if (key !== 'class' && key !== 'message') err[key] = info[key];
  }
  return err;
}

function newRequest(resourceType, listed) {
  let RequestClass = requestClasses.get(resourceType);
  if (RequestClass === undefined) {
    RequestClass = { [resourceType]: class {} }[resourceType];
    requestClasses.set(resourceType, RequestClass);
  }
  const request = new RequestClass();
  if (listed) activeRequests.add(request);
  return request;
}

// Runs `callback(err, value)` when request `id` completes; `resourceType` names the
// request for the active-resource lists (untyped requests are not listed) and async_hooks.
// `listed` false: an async resource only (Node's crypto jobs are AsyncWraps, not ReqWraps,
// so they are not in getActiveResourcesInfo(), yet domains and hooks follow them).
function onComplete(id, callback, resourceType, listed = true) {
  const entry = { callback, frame: AsyncContextFrame.current(), request: undefined,
                  asyncId: 0, triggerAsyncId: 0 };
  if (resourceType !== undefined) {
    entry.request = newRequest(resourceType, listed);
    entry.asyncId = newAsyncId();
    entry.triggerAsyncId = executionAsyncId();
    if (hookCounts.init > 0) {
      emitInit(entry.asyncId, resourceType.toUpperCase(), entry.triggerAsyncId, entry.request);
    }
  }
  pending.set(id, entry);
}

// Returns a promise for request `id`.
function promiseFor(id, resourceType) {
  return new Promise((resolve, reject) => {
    onComplete(id, (err, value) => (err ? reject(err) : resolve(value)), resourceType);
  });
}

/** The request objects in flight, for process._getActiveRequests(). */
function getActiveRequests() {
  return [...activeRequests];
}

setHook('completion', (id, error, value) => {
  const entry = pending.get(id);
  if (entry === undefined) return;
  pending.delete(id);
  const { callback, request, asyncId } = entry;
  if (request !== undefined) {
    activeRequests.delete(request);
    emitBefore(asyncId, entry.triggerAsyncId, request);
  }
  const priorFrame = AsyncContextFrame.exchange(entry.frame);
  try {
    if (error !== null) callback(makeError(error));
    else callback(null, value);
  } finally {
    AsyncContextFrame.exchange(priorFrame);
  }
  // Not reached when the callback threw: the exception handler exits its context.
  if (request !== undefined) {
    emitAfter(asyncId);
    if (hookCounts.destroy > 0) emitDestroy(asyncId);
  }
});

module.exports = { onComplete, promiseFor, makeError, getActiveRequests };
