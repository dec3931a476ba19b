'use strict';
// The timer and immediate queues behind setTimeout/setInterval/setImmediate. As in Node,
// JS keeps the queues and the loop keeps one native timer, armed at the earliest expiry;
// the loop calls processTimers(now) when it falls due and processImmediate() in its
// check phase. Timers are ordered by (expiry, insertion), which is Node's order.

const binding = internalBinding('timers');
const { runNextTicks } = require('internal/process/task_queues');
const AsyncContextFrame = require('internal/async_context_frame');
const {
  newAsyncId, executionAsyncId, emitInit, emitBefore, emitAfter, emitDestroy, hookCounts,
} = require('internal/async_hooks');

const TIMEOUT_MAX = 2 ** 31 - 1;
const kRefed = Symbol('refed');
const kHasPrimitive = Symbol('kHasPrimitive');
const kTimerId = Symbol('asyncId');
const kTriggerId = Symbol('triggerId');
const kFrame = Symbol('asyncContextFrame');

let insertSeq = 0;
let refCount = 0;
let armedAt = Infinity;
// Binary min-heap of [expiry, seq, timer]; stale entries are skipped when popped.
const heap = [];
const knownById = new Map();

function less(a, b) {
  return a[0] < b[0] || (a[0] === b[0] && a[1] < b[1]);
}

function heapPush(entry) {
  heap.push(entry);
  let i = heap.length - 1;
  while (i > 0) {
    const parent = (i - 1) >> 1;
    if (!less(heap[i], heap[parent])) break;
    [heap[i], heap[parent]] = [heap[parent], heap[i]];
    i = parent;
  }
}

function heapPop() {
  const top = heap[0];
  const last = heap.pop();
  if (heap.length > 0) {
    heap[0] = last;
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < heap.length && less(heap[l], heap[m])) m = l;
      if (r < heap.length && less(heap[r], heap[m])) m = r;
      if (m === i) break;
      [heap[i], heap[m]] = [heap[m], heap[i]];
      i = m;
    }
  }
  return top;
}

function isLive(entry) {
  const timer = entry[2];
  return !timer._destroyed && timer._seq === entry[1];
}

function arm(now) {
  while (heap.length > 0 && !isLive(heap[0])) heapPop();
  if (heap.length === 0) {
    armedAt = Infinity;
    binding.scheduleTimer(-1);
    return;
  }
  const expiry = heap[0][0];
  if (expiry !== armedAt) {
    armedAt = expiry;
    binding.scheduleTimer(Math.max(1, expiry - now));
  }
}

function incRefCount() {
  if (refCount++ === 0) binding.toggleTimerRef(true);
}

function decRefCount() {
  if (--refCount === 0) binding.toggleTimerRef(false);
}

function insert(timer, start) {
  timer._idleStart = start;
  timer._seq = ++insertSeq;
  // Sub-millisecond precision is not assumed: 1.8 ms is due with the 1 ms timers.
  const expiry = start + Math.trunc(timer._idleTimeout);
  heapPush([expiry, timer._seq, timer]);
  if (expiry < armedAt) {
    armedAt = expiry;
    binding.scheduleTimer(Math.max(1, expiry - binding.getLibuvNow()));
  }
}

// The negative and NaN duration warnings are shown once per process, as in Node.
let warnedNegativeNumber = false;
let warnedNotNumber = false;

class Timeout {
  constructor(callback, after, args, isRepeat, isRefed) {
    after *= 1;
    if (!(after >= 1 && after <= TIMEOUT_MAX)) {
      if (after > TIMEOUT_MAX) {
        process.emitWarning(`${after} does not fit into a 32-bit signed integer.` +
                            '\nTimeout duration was set to 1.', 'TimeoutOverflowWarning');
      } else if (after < 0 && after !== -Infinity && !warnedNegativeNumber) {
        warnedNegativeNumber = true;
        process.emitWarning(`${after} is a negative number.` +
                            '\nTimeout duration was set to 1.', 'TimeoutNegativeWarning');
      } else if (Number.isNaN(after) && typeof arguments[1] === 'number' && !warnedNotNumber) {
        warnedNotNumber = true;
        process.emitWarning(`${after} is not a number.` +
                            '\nTimeout duration was set to 1.', 'TimeoutNaNWarning');
      }
      after = 1;
    }
    this._idleTimeout = after;
    this._idlePrev = this;
    this._idleNext = this;
    this._idleStart = null;
    this._onTimeout = callback;
    this._timerArgs = args;
    this._repeat = isRepeat ? after : null;
    this._destroyed = false;
    this[kRefed] = isRefed;
    this[kHasPrimitive] = false;
    this[kTimerId] = newAsyncId();
    this[kTriggerId] = executionAsyncId();
    this[kFrame] = AsyncContextFrame.current();
    Object.defineProperty(this, '_seq', { value: 0, writable: true, enumerable: false });
    if (isRefed) incRefCount();
    insert(this, binding.getLibuvNow());
    if (hookCounts.init > 0) emitInit(this[kTimerId], 'Timeout', this[kTriggerId], this);
  }

  refresh() {
    if (!this._destroyed) insert(this, binding.getLibuvNow());
    return this;
  }

  unref() {
    if (this[kRefed]) {
      this[kRefed] = false;
      if (!this._destroyed) decRefCount();
    }
    return this;
  }

  ref() {
    if (!this[kRefed]) {
      this[kRefed] = true;
      if (!this._destroyed) incRefCount();
    }
    return this;
  }

  hasRef() {
    return this[kRefed];
  }

  close() {
    clearTimeout(this);
    return this;
  }

  [Symbol.toPrimitive]() {
    const id = this[kTimerId];
    if (!this[kHasPrimitive]) {
      this[kHasPrimitive] = true;
      knownById.set(id, this);
    }
    return id;
  }

  [Symbol.dispose]() {
    clearTimeout(this);
  }
}

function unenroll(timer) {
  if (timer._destroyed) return;
  destroyTimer(timer);
  timer._idleTimeout = -1;
}

function clearTimeout(timer) {
  if (timer && timer._onTimeout) {
    timer._onTimeout = null;
    unenroll(timer);
    return;
  }
  if (typeof timer === 'number' || typeof timer === 'string') {
    const found = knownById.get(+timer);
    if (found !== undefined) {
      found._onTimeout = null;
      unenroll(found);
    }
  }
}

// The timer whose callback runs now: its destroy hook waits for its after hook.
let runningTimer = null;

function destroyTimer(timer) {
  if (timer._destroyed) return;
  timer._destroyed = true;
  if (timer[kHasPrimitive]) knownById.delete(timer[kTimerId]);
  if (timer[kRefed]) decRefCount();
  if (hookCounts.destroy > 0 && timer !== runningTimer) emitDestroy(timer[kTimerId]);
}

// Called by the loop when the native timer is due.
function processTimers(now) {
  let ranAtLeastOne = false;
  try {
    while (heap.length > 0) {
      const entry = heap[0];
      if (!isLive(entry)) {
        heapPop();
        continue;
      }
      if (entry[0] > now) break;
      if (ranAtLeastOne) {
        // Ticks run between timers, before the next one leaves the heap: if a tick throws,
        // that timer is still queued for the next pass (as Node's listOnTimeout peeks,
        // drains ticks, then removes). The ticks may also have changed the heap: re-peek.
        ranAtLeastOne = false;
        runNextTicks();
        continue;
      }
      ranAtLeastOne = true;
      heapPop();
      const timer = entry[2];
      if (timer._destroyed) continue;
      if (typeof timer._onTimeout !== 'function') {
        // Its callback was removed (`_onTimeout = null`): the timer is done.
        destroyTimer(timer);
        continue;
      }
      const start = timer._repeat ? binding.getLibuvNow() : 0;
      emitBefore(timer[kTimerId], timer[kTriggerId], timer);
      runningTimer = timer;
      const priorFrame = AsyncContextFrame.exchange(timer[kFrame]);
      try {
        const args = timer._timerArgs;
        if (args === undefined) Reflect.apply(timer._onTimeout, timer, []);
        else Reflect.apply(timer._onTimeout, timer, args);
      } finally {
        AsyncContextFrame.exchange(priorFrame);
        if (timer._repeat && timer._idleTimeout !== -1 && !timer._destroyed &&
            timer._onTimeout) {
          timer._idleTimeout = timer._repeat;
          insert(timer, start);
        } else if (timer._seq === entry[1] || !timer._onTimeout) {
          // Not refreshed by its own callback, or cancelled by it: it is done.
          destroyTimer(timer);
        }
      }
      // Not reached when the callback threw: the exception handler exits its context.
      runningTimer = null;
      emitAfter(timer[kTimerId]);
      if (timer._destroyed && hookCounts.destroy > 0) emitDestroy(timer[kTimerId]);
    }
  } finally {
    runningTimer = null;
    armedAt = Infinity;
    arm(now);
  }
  // Ran to the end (the loop calls again when a timer's exception was handled instead).
  return true;
}

// Immediates: a FIFO; one pass runs those queued before it started.
let immediateQueue = [];
let outstanding = null;
let immediateCount = 0;
let immediateRefCount = 0;

function updateImmediateInfo() {
  binding.setImmediateInfo(immediateCount, immediateRefCount);
}

class Immediate {
  constructor(callback, args) {
    this._idleNext = null;
    this._idlePrev = null;
    this._onImmediate = callback;
    this._argv = args;
    this._destroyed = false;
    this[kRefed] = true;
    this[kTimerId] = newAsyncId();
    this[kTriggerId] = executionAsyncId();
    this[kFrame] = AsyncContextFrame.current();
    if (hookCounts.init > 0) emitInit(this[kTimerId], 'Immediate', this[kTriggerId], this);
    immediateCount++;
    immediateRefCount++;
    immediateQueue.push(this);
    updateImmediateInfo();
  }

  ref() {
    if (!this[kRefed]) {
      this[kRefed] = true;
      if (!this._destroyed) {
        immediateRefCount++;
        updateImmediateInfo();
      }
    }
    return this;
  }

  unref() {
    if (this[kRefed]) {
      this[kRefed] = false;
      if (!this._destroyed) {
        immediateRefCount--;
        updateImmediateInfo();
      }
    }
    return this;
  }

  hasRef() {
    return !!this[kRefed];
  }

  [Symbol.dispose]() {
    clearImmediate(this);
  }
}

function finishImmediate(immediate) {
  immediate._destroyed = true;
  immediateCount--;
  if (immediate[kRefed]) immediateRefCount--;
  immediate[kRefed] = null;
}

function clearImmediate(immediate) {
  // Only immediates: a Timeout passed here keeps running.
  if (!(immediate instanceof Immediate) || immediate._destroyed) return;
  finishImmediate(immediate);
  if (hookCounts.destroy > 0) emitDestroy(immediate[kTimerId]);
  immediate._onImmediate = null;
  updateImmediateInfo();
}

// Called by the loop's check phase.
function processImmediate() {
  let queue = outstanding;
  if (queue === null) {
    queue = immediateQueue;
    immediateQueue = [];
  }
  outstanding = null;
  let ranAtLeastOne = false;
  let i = 0;
  // Whether queue[i] was taken: a tick that throws before it leaves it to run next time.
  let taken = false;
  try {
    for (; i < queue.length; i++) {
      taken = false;
      const immediate = queue[i];
      if (immediate._destroyed) continue;
      if (ranAtLeastOne) runNextTicks();
      else ranAtLeastOne = true;
      if (immediate._destroyed) continue;
      taken = true;
      finishImmediate(immediate);
      const callback = immediate._onImmediate;
      immediate._onImmediate = null;
      const argv = immediate._argv;
      emitBefore(immediate[kTimerId], immediate[kTriggerId], immediate);
      const priorFrame = AsyncContextFrame.exchange(immediate[kFrame]);
      try {
        Reflect.apply(callback, immediate, argv === undefined ? [] : argv);
      } finally {
        AsyncContextFrame.exchange(priorFrame);
      }
      emitAfter(immediate[kTimerId]);
      if (hookCounts.destroy > 0) emitDestroy(immediate[kTimerId]);
    }
  } finally {
    const next = taken ? i + 1 : i;
    if (next < queue.length) outstanding = queue.slice(next);
    updateImmediateInfo();
  }
}

/** `[ref'd timers, ref'd immediates]`, for process.getActiveResourcesInfo(). */
function activeTimerCounts() {
  return [refCount, immediateRefCount];
}

// Node's getTimerDuration: a socket or request timeout, a non-negative finite number,
// capped at TIMEOUT_MAX with a warning.
function getTimerDuration(msecs, name) {
  const { validateNumber } = require('internal/validators');
  validateNumber(msecs, name);
  if (msecs < 0 || !Number.isFinite(msecs)) {
    const { codes: { ERR_OUT_OF_RANGE } } = require('internal/errors');
    throw new ERR_OUT_OF_RANGE(name, 'a non-negative finite number', msecs);
  }
  if (msecs > TIMEOUT_MAX) {
    process.emitWarning(`${msecs} does not fit into a 32-bit signed integer.\n` +
                        `Timer duration was truncated to ${TIMEOUT_MAX}.`, 'TimeoutOverflowWarning');
    return TIMEOUT_MAX;
  }
  return msecs;
}

module.exports = {
  activeTimerCounts,
  getTimerDuration,
  Timeout,
  Immediate,
  TIMEOUT_MAX,
  clearTimeout,
  clearImmediate,
  processTimers,
  processImmediate,
  kRefed,
};
