'use strict';
// internal/fs/watchers: fs.watchFile / fs.unwatchFile. As in Node (libuv's fs_poll), a
// StatWatcher stats the file on a timer and emits 'change' with (current, previous) Stats
// whenever they differ; a missing file reads as all-zero Stats.

const EventEmitter = require('events');
const { getValidatedPath, getStatsFromBinding } = require('internal/fs/utils');
const { validateFunction, validateObject } = require('internal/validators');
const { onComplete } = require('internal/async_ops');

const binding = internalBinding('fs');
const watchers = new Map();
const zeroStats = new Array(18).fill(0);

function sameStats(a, b) {
  // The fields libuv compares: times, size, mode, owner, inode, device.
  for (const i of [1, 3, 4, 7, 8, 0, 12, 13, 14, 15]) {
    if (a[i] !== b[i]) return false;
  }
  return true;
}

/** One watched file's poller. */
class StatWatcher extends EventEmitter {
  constructor(bigint) {
    super();
    this.bigint = bigint;
    this.timer = null;
    this.previous = null;
    this.polling = false;
  }

  start(path, persistent, interval) {
    this.path = path;
    this.timer = setInterval(() => this.poll(), interval);
    if (!persistent) this.timer.unref();
    this.poll();
  }

  poll() {
    if (this.polling) return;
    this.polling = true;
    onComplete(binding.statAsync(this.path, this.bigint), (err, raw) => {
      this.polling = false;
      if (this.timer === null) return;
      const current = err ? (this.bigint ? zeroStats.map(BigInt) : zeroStats) : raw;
      const previous = this.previous;
      this.previous = current;
      if (previous === null) {
        if (err) this.emit('change', getStatsFromBinding(current), getStatsFromBinding(current));
        return;
      }
      if (!sameStats(current, previous)) {
        this.emit('change', getStatsFromBinding(current), getStatsFromBinding(previous));
      }
    });
  }

  stop() {
    if (this.timer !== null) clearInterval(this.timer);
    this.timer = null;
    this.emit('stop');
  }

  ref() {
    this.timer?.ref();
    return this;
  }

  unref() {
    this.timer?.unref();
    return this;
  }
}

function watchFile(filename, options, listener) {
  const path = getValidatedPath(filename, 'filename');
  if (typeof options === 'function') {
    listener = options;
    options = undefined;
  }
  options = { interval: 5007, persistent: true, bigint: false, ...options };
  if (options !== undefined) validateObject(options, 'options');
  validateFunction(listener, 'listener');
  let watcher = watchers.get(path);
  if (watcher === undefined) {
    watcher = new StatWatcher(options.bigint);
    watcher.start(path, options.persistent, options.interval);
    watchers.set(path, watcher);
  }
  watcher.addListener('change', listener);
  return watcher;
}

function unwatchFile(filename, listener) {
  const path = getValidatedPath(filename, 'filename');
  const watcher = watchers.get(path);
  if (watcher === undefined) return;
  if (typeof listener === 'function') watcher.removeListener('change', listener);
  else watcher.removeAllListeners('change');
  if (watcher.listenerCount('change') === 0) {
    watcher.stop();
    watchers.delete(path);
  }
}

module.exports = { StatWatcher, unwatchFile, watchFile };
