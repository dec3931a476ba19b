'use strict';
// Async ids and the hooks of async_hooks.createHook. Every async resource the runtime
// makes (TickObject, Timeout, Immediate, requests) takes an id from `newAsyncId()`; while a
// resource's callback runs, its id is the execution id and its creator's the trigger id.
// The emit* functions call the enabled hooks; with no hook enabled they cost a check.
// While a hook is enabled, V8's promise hooks make promises PROMISE resources too.

// Outside any callback the execution id is 0 (as in microtasks without promise hooks);
// the main script runs as id 1, triggered by 0; both have an empty object as resource.
let lastAsyncId = 1;
const topLevelResource = {};
const executionIds = [0];
const triggerIds = [0];
const executionResources = [topLevelResource];

// The enabled hooks, and how many of them have each callback.
const enabledHooks = [];
const hookCounts = { init: 0, before: 0, after: 0, destroy: 0, promiseResolve: 0 };

function newAsyncId() {
  return ++lastAsyncId;
}

function executionAsyncId() {
  return executionIds[executionIds.length - 1];
}

function triggerAsyncId() {
  return triggerIds[triggerIds.length - 1];
}

function executionAsyncResource() {
  return executionResources[executionResources.length - 1];
}

function countHooks(hook, delta) {
  for (const name of Object.keys(hookCounts)) {
    if (typeof hook[name] === 'function') hookCounts[name] += delta;
  }
}

function enableHook(hook) {
  if (enabledHooks.includes(hook)) return;
  enabledHooks.push(hook);
  countHooks(hook, 1);
  updatePromiseHooks();
}

function disableHook(hook) {
  const index = enabledHooks.indexOf(hook);
  if (index === -1) return;
  enabledHooks.splice(index, 1);
  countHooks(hook, -1);
  updatePromiseHooks();
}

// --- promises as async resources ------------------------------------------------------
const kPromiseAsyncId = Symbol('asyncId');
const kPromiseTriggerId = Symbol('triggerAsyncId');
let promiseHooksInstalled = false;
// Set while PROMISE init hooks run: a promise they make gets ids but no init of its own.
let inPromiseInit = false;

/** The id of `promise`, given one now if it was made before the hooks were on. */
function promiseAsyncId(promise) {
  if (promise[kPromiseAsyncId] === undefined) {
    promise[kPromiseAsyncId] = newAsyncId();
    promise[kPromiseTriggerId] = executionAsyncId();
  }
  return promise[kPromiseAsyncId];
}

function onPromiseInit(promise, parent) {
  const asyncId = newAsyncId();
  const triggerId = parent === undefined ? executionAsyncId() : promiseAsyncId(parent);
  promise[kPromiseAsyncId] = asyncId;
  promise[kPromiseTriggerId] = triggerId;
  if (hookCounts.init === 0 || inPromiseInit) return;
  inPromiseInit = true;
  try {
    emitInit(asyncId, 'PROMISE', triggerId, promise);
  } finally {
    inPromiseInit = false;
  }
}

function onPromiseBefore(promise) {
  emitBefore(promiseAsyncId(promise), promise[kPromiseTriggerId], promise);
}

function onPromiseAfter(promise) {
  const asyncId = promiseAsyncId(promise);
  // A reaction that began before the hooks were on has no context to leave.
  if (asyncId === executionAsyncId()) emitAfter(asyncId);
}

function onPromiseResolve(promise) {
  if (hookCounts.promiseResolve > 0) callHooks('promiseResolve', [promiseAsyncId(promise)]);
}

function updatePromiseHooks() {
  const wanted = enabledHooks.length > 0;
  if (wanted === promiseHooksInstalled) return;
  promiseHooksInstalled = wanted;
  const { setPromiseHooks } = internalBinding('engine');
  if (wanted) setPromiseHooks(onPromiseInit, onPromiseBefore, onPromiseAfter, onPromiseResolve);
  else setPromiseHooks();
}

/** Calls `name` on every enabled hook that has it; a hook that throws raises an uncaught
 * exception. */
function callHooks(name, args) {
  for (const hook of enabledHooks.slice()) {
    const fn = hook[name];
    if (typeof fn !== 'function') continue;
    try {
      Reflect.apply(fn, hook, args);
    } catch (err) {
      require('internal/process/execution').triggerUncaughtException(err, false);
    }
  }
}

function emitInit(asyncId, type, triggerId, resource) {
  if (hookCounts.init > 0) callHooks('init', [asyncId, type, triggerId, resource]);
}

/** Enters the callback of `resource` (id `asyncId`): it becomes the execution context. */
function emitBefore(asyncId, triggerId, resource) {
  executionIds.push(asyncId);
  triggerIds.push(triggerId);
  executionResources.push(resource);
  if (hookCounts.before > 0) callHooks('before', [asyncId]);
}

function emitAfter(asyncId) {
  if (hookCounts.after > 0) callHooks('after', [asyncId]);
  if (executionIds.length > 1) {
    executionIds.pop();
    triggerIds.pop();
    executionResources.pop();
  }
}

function emitDestroy(asyncId) {
  if (hookCounts.destroy > 0) callHooks('destroy', [asyncId]);
}

/** Enters the main script's context (id 1), without calling hooks, as Node does. */
function enterTopLevel() {
  executionIds.push(1);
  triggerIds.push(0);
  executionResources.push(topLevelResource);
}

/** Leaves the main script's context once it has run. */
function exitTopLevel() {
  if (executionIds.length > 1) {
    executionIds.pop();
    triggerIds.pop();
    executionResources.pop();
  }
}

/** Exits the execution contexts an uncaught exception left entered, innermost first. */
function clearExecutionStack() {
  while (executionIds.length > 1) emitAfter(executionAsyncId());
}

module.exports = {
  newAsyncId,
  executionAsyncId,
  triggerAsyncId,
  executionAsyncResource,
  enableHook,
  disableHook,
  emitInit,
  emitBefore,
  emitAfter,
  emitDestroy,
  clearExecutionStack,
  enterTopLevel,
  exitTopLevel,
  hookCounts,
};
