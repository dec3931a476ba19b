'use strict';
// internal/fs/watchers: fs.watch, fs.promises.watch and fs.watchFile / fs.unwatchFile.
// fs.watch's FSWatcher wraps an FSEvent handle: one watcher of one path on the loop (inotify,
// through internalBinding('fs_event_wrap')), whose changes come in the loop's event batch
// like socket events. Recursive watching is built on it in internal/fs/recursive_watch, as
// Node does on Linux.
// fs.watchFile's StatWatcher, as in Node (libuv's fs_poll), stats the file on a timer and
// emits 'change' with (current, previous) Stats whenever they differ; a missing file reads
// as all-zero Stats.

const EventEmitter = require('events');
const {
  AbortError,
  UVException,
  codes: { ERR_FS_WATCH_QUEUE_OVERFLOW, ERR_INVALID_ARG_VALUE },
} = require('internal/errors');
const { getValidatedPath, getStatsFromBinding } = require('internal/fs/utils');
const {
  validateAbortSignal,
  validateBoolean,
  validateFunction,
  validateInteger,
  validateObject,
  validateOneOf,
  validateUint32,
} = require('internal/validators');
const { onComplete } = require('internal/async_ops');
const { createIgnoreMatcher } = require('internal/fs/watch_ignore');
const { resolve: resolvePath } = require('path');

const binding = internalBinding('fs');
const statWatchers = new Map();
const kFSStatWatcherStart = Symbol('kFSStatWatcherStart');
const kFSStatWatcherAddOrCleanRef = Symbol('kFSStatWatcherAddOrCleanRef');
const zeroStats = new Array(18).fill(0);

function sameStats(a, b) {
  // The fields libuv compares: times, size, mode, owner, inode, device.
  for (const i of [1, 3, 4, 7, 8, 0, 12, 13, 14, 15]) {
    if (a[i] !== b[i]) return false;
  }
  return true;
}

/** One watched file's poller (Node's StatWatcher over libuv's fs_poll). */
class StatWatcher extends EventEmitter {
  #bigint;
  #timer = null;
  #previous = null;
  #polling = false;
  #status = 0;
  #path = '';
  // Node's reference counting: every persistent watchFile() of the path holds one ref.
  #refCount = 1;
  #maxRefCount = 1;

  constructor(bigint) {
    super();
    this.#bigint = Boolean(bigint);
  }

  /** Starts polling `path` every `interval` ms; the loop stays alive if `persistent`. */
  [kFSStatWatcherStart](path, persistent, interval) {
    if (this.#timer !== null) return;
    validateUint32(interval, 'interval');
    this.#path = path;
    this.#timer = setInterval(() => this.#poll(), interval);
    if (!persistent) this.unref();
    this.#poll();
  }

  /** 'add': another watchFile() of this path; 'clean': one listener went; 'cleanAll'. */
  [kFSStatWatcherAddOrCleanRef](operation) {
    if (operation === 'add') {
      this.#refCount++;
      this.#maxRefCount++;
    } else if (operation === 'clean') {
      this.#maxRefCount--;
      this.unref();
    } else {
      this.#maxRefCount = 0;
      this.#refCount = 0;
      this.#timer?.unref();
    }
  }

  // libuv's fs_poll state: the last successful stat (zeroes until one), and 0 before the
  // first poll, 1 after a successful one, or the errno of the last failed one.
  #poll() {
    if (this.#polling) return;
    this.#polling = true;
    onComplete(binding.statAsync(this.#path, this.#bigint), (err, raw) => {
      this.#polling = false;
      if (this.#timer === null) return;
      const zero = this.#bigint ? zeroStats.map(BigInt) : zeroStats;
      const previous = this.#previous ?? zero;
      if (err) {
        // A failure is reported once per errno, as a change to all-zero Stats.
        if (this.#status !== err.errno) {
          this.#status = err.errno;
          this.emit('change', getStatsFromBinding(zero), getStatsFromBinding(previous));
        }
        return;
      }
      if (this.#status < 0 || (this.#status !== 0 && !sameStats(raw, previous))) {
        this.emit('change', getStatsFromBinding(raw), getStatsFromBinding(previous));
      }
      this.#previous = raw;
      this.#status = 1;
    });
  }

  start() {}

  stop() {
    if (this.#timer === null) return;
    clearInterval(this.#timer);
    this.#timer = null;
    // As in Node, 'stop' comes on the next tick, after stop() returned.
    process.nextTick(() => this.emit('stop'));
  }

  ref() {
    if (this.#refCount === this.#maxRefCount) return this;
    if (this.#timer !== null && this.#refCount++ === 0) this.#timer.ref();
    return this;
  }

  unref() {
    if (this.#refCount === 0) return this;
    if (this.#timer !== null && --this.#refCount === 0) this.#timer.unref();
    return this;
  }
}

// ---------------------------------------------------------------------------
// fs.watch: FSEvent handles and the requests that carry their events

const eventBinding = internalBinding('fs_event_wrap');
const kFSWatchStart = Symbol('kFSWatchStart');

/** Node's FSEvent: one watcher of one path on the loop; `onchange(eventType, filename)`. */
class FSEvent {
  constructor() {
    this.handle = null;
    this.encoding = 'utf8';
    this.basename = null;
    this.onchange = null;
  }

  get initialized() {
    return this.handle !== null;
  }

  /** Starts watching `path`; returns 0 or a negative errno, as Node's binding does. */
  start(path, persistent, encoding) {
    const result = eventBinding.start(path);
    if (result < 0) return result;
    const { HandleWrap, owners } = require('internal/handle_events');
    this.handle = new HandleWrap(result);
    owners.set(result, this);
    this.encoding = encoding ?? 'utf8';
    // Events on the watched path itself are named after it, as libuv does.
    this.basename = Buffer.from(path.slice(path.lastIndexOf('/') + 1));
    if (!persistent) this.handle.unref();
    return 0;
  }

  // The loop's event for this watcher.
  _onFsEvent(eventType, name) {
    if (this.handle === null) return;
    const bytes = name === null ?
      this.basename : Buffer.from(name.buffer, name.byteOffset, name.byteLength);
    const filename = this.encoding === 'buffer' ? bytes : bytes.toString(this.encoding);
    this.onchange?.(eventType, filename);
  }

  _onClosed() {}

  // process.getActiveResourcesInfo() names a ref'd watcher 'FSEventWrap'.
  _activeResourceName() {
    return this.handle?.refed ? 'FSEventWrap' : undefined;
  }

  close() {
    if (this.handle === null) return;
    this.handle.close();
    this.handle = null;
  }

  ref() {
    this.handle?.ref();
  }

  unref() {
    this.handle?.unref();
  }
}

function watchError(errno, filename) {
  const error = new UVException({ errno, syscall: 'watch', path: filename });
  error.filename = filename;
  return error;
}

/** What fs.watch returns for a non-recursive watch: an EventEmitter over an FSEvent. */
class FSWatcher extends EventEmitter {
  constructor() {
    super();
    this._handle = new FSEvent();
    this._ignoreMatcher = null;
    this._handle.onchange = (eventType, filename) => {
      if (this._ignoreMatcher !== null && this._ignoreMatcher(filename)) return;
      this.emit('change', eventType, filename);
    };
  }

  [kFSWatchStart](filename, persistent, recursive, encoding, ignore) {
    if (this._handle === null || this._handle.initialized) return;
    filename = getValidatedPath(filename, 'filename');
    this._ignoreMatcher = createIgnoreMatcher(ignore);
    const err = this._handle.start(filename, persistent, encoding);
    if (err) throw watchError(err, filename);
  }

  /** A no-op kept from older Node versions, where watchers were started explicitly. */
  start() {}

  close() {
    if (this._handle === null) return;
    this._handle.close();
    this._handle = null;
    process.nextTick(() => this.emit('close'));
  }

  ref() {
    this._handle?.ref();
    return this;
  }

  unref() {
    this._handle?.unref();
    return this;
  }
}

/** fs.promises.watch(filename, options): an async iterator of { eventType, filename }. */
async function* watch(filename, options = {}) {
  const path = getValidatedPath(filename);
  validateObject(options, 'options');
  const {
    persistent = true,
    recursive = false,
    encoding = 'utf8',
    signal,
    maxQueue = 2048,
    overflow = 'ignore',
    ignore,
  } = options;
  validateBoolean(persistent, 'options.persistent');
  validateBoolean(recursive, 'options.recursive');
  validateAbortSignal(signal, 'options.signal');
  validateInteger(maxQueue, 'options.maxQueue');
  validateOneOf(overflow, 'options.overflow', ['ignore', 'error']);
  if (encoding && !Buffer.isEncoding(encoding) && encoding !== 'buffer') {
    throw new ERR_INVALID_ARG_VALUE('encoding', encoding, 'is invalid encoding');
  }
  const ignoreMatcher = createIgnoreMatcher(ignore);
  if (signal?.aborted) throw new AbortError(undefined, { cause: signal.reason });

  if (recursive) {
    const { RecursiveWatcher } = require('internal/fs/recursive_watch');
    const watcher = new RecursiveWatcher({ persistent, recursive, signal, encoding, ignore });
    watcher[kFSWatchStart](path);
    yield* watcher;
    return;
  }

  const handle = new FSEvent();
  const queue = [];
  let wake = null;
  const notify = () => {
    const resolve = wake;
    wake = null;
    resolve?.();
  };
  const onAbort = () => {
    handle.close();
    notify();
  };
  handle.onchange = (eventType, name) => {
    if (ignoreMatcher !== null && ignoreMatcher(name)) return;
    if (queue.length < maxQueue) {
      queue.push({ __proto__: null, eventType, filename: name });
    } else if (overflow === 'error') {
      queue.length = 0;
      queue.push(new ERR_FS_WATCH_QUEUE_OVERFLOW(maxQueue));
    } else {
      process.emitWarning('fs.watch maxQueue exceeded');
      return;
    }
    notify();
  };
  try {
    if (signal) {
      const { kResistStopPropagation } = require('internal/event_target');
      signal.addEventListener('abort', onAbort,
                              { __proto__: null, once: true, [kResistStopPropagation]: true });
    }
    const err = handle.start(path, persistent, encoding);
    if (err) throw watchError(err, path);
    while (!signal?.aborted) {
      while (queue.length > 0) {
        const item = queue.shift();
        if (item instanceof Error) throw item;
        yield item;
      }
      if (signal?.aborted) break;
      await new Promise((resolve) => { wake = resolve; });
    }
    throw new AbortError(undefined, { cause: signal?.reason });
  } finally {
    handle.close();
    signal?.removeEventListener('abort', onAbort);
  }
}

// ---------------------------------------------------------------------------
// fs.watchFile

/** fs.watchFile(filename[, options], listener): one StatWatcher per resolved path. */
function watchFile(filename, options, listener) {
  const path = resolvePath(getValidatedPath(filename));
  if (options === null || typeof options !== 'object') {
    listener = options;
    options = null;
  }
  options = { interval: 5007, persistent: true, ...options };
  validateFunction(listener, 'listener');
  let watcher = statWatchers.get(path);
  if (watcher === undefined) {
    watcher = new StatWatcher(options.bigint);
    watcher[kFSStatWatcherStart](path, options.persistent, options.interval);
    statWatchers.set(path, watcher);
  } else {
    watcher[kFSStatWatcherAddOrCleanRef]('add');
  }
  watcher.addListener('change', listener);
  return watcher;
}

/** fs.unwatchFile(filename[, listener]): stops polling once no listener is left. */
function unwatchFile(filename, listener) {
  const path = resolvePath(getValidatedPath(filename));
  const watcher = statWatchers.get(path);
  if (watcher === undefined) return;
  if (typeof listener === 'function') {
    const before = watcher.listenerCount('change');
    watcher.removeListener('change', listener);
    if (watcher.listenerCount('change') < before) watcher[kFSStatWatcherAddOrCleanRef]('clean');
  } else {
    watcher.removeAllListeners('change');
    watcher[kFSStatWatcherAddOrCleanRef]('cleanAll');
  }
  if (watcher.listenerCount('change') === 0) {
    watcher.stop();
    statWatchers.delete(path);
  }
}

module.exports = { FSEvent, FSWatcher, StatWatcher, kFSWatchStart, unwatchFile, watch, watchFile };
