'use strict';
// internal/fs/recursive_watch: fs.watch(dir, { recursive: true }) where the OS watches one
// directory at a time (inotify), built as Node builds it on Linux: one non-recursive
// watcher per file and directory under the root. A change in a directory re-reads it and
// reports each new entry as 'rename' (watching it, and a new subdirectory's contents, in
// turn); a watched entry that disappears is reported as 'rename' and unwatched with
// everything under it; a file's own change is 'change'. Filenames are relative to the root.
// Entries that `ignore` matches are neither reported nor watched.

const EventEmitter = require('events');
const {
  AbortError,
  codes: { ERR_INVALID_ARG_VALUE },
} = require('internal/errors');
const { getValidatedPath } = require('internal/fs/utils');
const { validateAbortSignal, validateBoolean } = require('internal/validators');
const { createIgnoreMatcher } = require('internal/fs/watch_ignore');
const { kFSWatchStart } = require('internal/fs/watchers');
const path = require('path');

let fs;
function lazyFs() {
  fs ??= require('fs');
  return fs;
}

class RecursiveWatcher extends EventEmitter {
  #options;
  #ignoreMatcher;
  #closed = false;
  #rootPath = '';
  #watchingFile = false;
  #refed = true;
  /** Every known entry's last Stats, by absolute path. */
  #files = new Map();
  /** The non-recursive watcher of each entry, by absolute path. */
  #watchers = new Map();
  #symbolicLinks = new Set();

  constructor(options = {}) {
    super();
    const { persistent, recursive, signal, encoding, ignore } = options;
    if (recursive != null) validateBoolean(recursive, 'options.recursive');
    if (persistent != null) validateBoolean(persistent, 'options.persistent');
    if (signal != null) validateAbortSignal(signal, 'options.signal');
    if (encoding != null && typeof encoding !== 'string') {
      throw new ERR_INVALID_ARG_VALUE('options.encoding', encoding);
    }
    this.#ignoreMatcher = createIgnoreMatcher(ignore);
    this.#options = { persistent: persistent ?? true, signal };
    this.#refed = this.#options.persistent;
  }

  close() {
    if (this.#closed) return;
    this.#closed = true;
    for (const watcher of this.#watchers.values()) watcher.close();
    this.#watchers.clear();
    this.#files.clear();
    this.#symbolicLinks.clear();
    this.emit('close');
  }

  ref() {
    this.#refed = true;
    for (const watcher of this.#watchers.values()) watcher.ref();
    return this;
  }

  unref() {
    this.#refed = false;
    for (const watcher of this.#watchers.values()) watcher.unref();
    return this;
  }

  #relative(file) {
    return path.relative(this.#rootPath, file);
  }

  /** Stops watching `file` and everything under it. */
  #forget(file) {
    this.#symbolicLinks.delete(file);
    for (const known of [...this.#files.keys()]) {
      if (known === file || known.startsWith(`${file}/`)) {
        this.#files.delete(known);
        this.#watchers.get(known)?.close();
        this.#watchers.delete(known);
      }
    }
  }

  /** Reports and watches the entries of `folder` not seen before. */
  #scanFolder(folder) {
    let entries;
    try {
      entries = lazyFs().readdirSync(folder, { withFileTypes: true });
    } catch (error) {
      this.emit('error', error);
      return;
    }
    for (const entry of entries) {
      if (this.#closed) return;
      const file = path.join(folder, entry.name);
      if (this.#files.has(file)) continue;
      const relative = this.#relative(file);
      if (this.#ignoreMatcher !== null && this.#ignoreMatcher(relative)) continue;
      this.emit('change', 'rename', relative);
      if (entry.isSymbolicLink()) this.#symbolicLinks.add(file);
      try {
        this.#watchEntry(file);
        if (entry.isDirectory() && !entry.isSymbolicLink()) this.#scanFolder(file);
      } catch (error) {
        // The entry went away between readdir and watch: its removal needs no report.
        if (error.code !== 'ENOENT') throw error;
      }
    }
  }

  #watchEntry(file) {
    if (this.#closed || this.#files.has(file)) return;
    const { statSync, watch } = lazyFs();
    this.#files.set(file, statSync(file));
    const watcher = watch(file, { persistent: this.#refed }, () => this.#onEntryEvent(file));
    this.#watchers.set(file, watcher);
  }

  #onEntryEvent(file) {
    if (this.#closed || !this.#files.has(file)) return;
    const previous = this.#files.get(file);
    let current;
    try {
      current = lazyFs().statSync(file);
      this.#files.set(file, current);
    } catch {
      // Removed: reported below.
    }
    if (current === undefined || (current.birthtimeMs === 0 && previous.birthtimeMs !== 0)) {
      this.#forget(file);
      this.emit('change', 'rename', this.#relative(file));
    } else if (file === this.#rootPath && this.#watchingFile) {
      this.emit('change', 'change', path.basename(file));
    } else if (this.#symbolicLinks.has(file)) {
      this.emit('change', 'rename', this.#relative(file));
    } else if (current.isDirectory()) {
      this.#scanFolder(file);
    } else {
      this.emit('change', 'change', this.#relative(file));
    }
  }

  [kFSWatchStart](filename) {
    filename = path.resolve(getValidatedPath(filename));
    let stats;
    try {
      stats = lazyFs().statSync(filename);
    } catch (error) {
      if (error.code === 'ENOENT') {
        error.filename = filename;
        throw error;
      }
      return;
    }
    this.#rootPath = filename;
    this.#closed = false;
    this.#watchingFile = stats.isFile();
    this.#watchEntry(filename);
    if (stats.isDirectory()) this.#scanFolder(filename);
  }

  [Symbol.asyncIterator]() {
    const { signal } = this.#options;
    const queue = [];
    let waiting = null;
    const onChange = (eventType, filename) => {
      const value = { __proto__: null, eventType, filename };
      if (waiting !== null) {
        const { resolve } = waiting;
        waiting = null;
        resolve({ __proto__: null, value, done: false });
      } else {
        queue.push(value);
      }
    };
    const finish = () => {
      this.off('change', onChange);
      if (waiting !== null) {
        const { resolve } = waiting;
        waiting = null;
        resolve({ __proto__: null, value: undefined, done: true });
      }
    };
    const onAbort = () => {
      const pending = waiting;
      waiting = null;
      this.close();
      pending?.reject(new AbortError(undefined, { cause: signal.reason }));
    };
    this.on('change', onChange);
    this.once('close', finish);
    signal?.addEventListener('abort', onAbort, { __proto__: null, once: true });
    return {
      next: () => {
        if (signal?.aborted) {
          this.close();
          return Promise.reject(new AbortError(undefined, { cause: signal.reason }));
        }
        if (queue.length > 0) {
          return Promise.resolve({ __proto__: null, value: queue.shift(), done: false });
        }
        if (this.#closed) return Promise.resolve({ __proto__: null, value: undefined, done: true });
        return new Promise((resolve, reject) => { waiting = { resolve, reject }; });
      },
      return: () => {
        signal?.removeEventListener('abort', onAbort);
        this.close();
        return Promise.resolve({ __proto__: null, value: undefined, done: true });
      },
      [Symbol.asyncIterator]() { return this; },
    };
  }
}

module.exports = { RecursiveWatcher };
