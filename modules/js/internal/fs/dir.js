'use strict';
// internal/fs/dir: fs.Dir and opendir. The directory is listed in one readdir call when it
// is opened (errors reported as Node's `opendir`), then handed out entry by entry through
// read/readSync, the async iterator and entries(); with `recursive`, each subdirectory is
// listed when its entry is handed out, and its entries follow.

const {
  codes: { ERR_DIR_CLOSED, ERR_DIR_CONCURRENT_OPERATION, ERR_INVALID_THIS, ERR_MISSING_ARGS },
} = require('internal/errors');
const { getDirent, getOptions, getValidatedPath, makeCallback } = require('internal/fs/utils');
const { validateFunction, validateUint32 } = require('internal/validators');
const pathModule = require('path');
const { onComplete } = require('internal/async_ops');

const binding = internalBinding('fs');
/** Node's opendir error: the readdir failure renamed, without the path. */
function asOpendirError(err) {
  if (err && typeof err.syscall === 'string') {
    err.message = `${err.code}: ${err.message.slice(err.code.length + 2).split(', ')[0]}, opendir`;
    err.syscall = 'opendir';
    delete err.path;
  }
  return err;
}

/** fs.Dir: an open directory's entries. */
class Dir {
  #path;
  #entries;
  #closed = false;
  // Asynchronous reads and closes not yet settled.
  #pending = 0;
  #recursive;

  constructor(path, names, types, recursive = false) {
    if (names === undefined) throw new ERR_MISSING_ARGS('handle');
    this.#path = path;
    this.#entries = names.map((name, i) => getDirent(path, name, types[i]));
    this.#recursive = recursive;
  }

  /** The next entry (null at the end); a directory's own entries are queued after it
   *  when the Dir is recursive (links are not followed, as in Node). */
  #nextEntry() {
    const entry = this.#entries.shift() ?? null;
    if (entry !== null && this.#recursive && entry.isDirectory()) {
      const dir = pathModule.join(entry.parentPath, entry.name);
      const [names, types] = binding.readdir(dir, true);
      for (let i = 0; i < names.length; i++) this.#entries.push(getDirent(dir, names[i], types[i]));
    }
    return entry;
  }

  get path() {
    if (!(#path in this)) throw new ERR_INVALID_THIS('Dir');
    return this.#path;
  }

  readSync() {
    if (this.#closed) throw new ERR_DIR_CLOSED();
    if (this.#pending > 0) throw new ERR_DIR_CONCURRENT_OPERATION();
    return this.#nextEntry();
  }

  /** read(cb) or read() → a promise: the next entry (null at the end). */
  read(cb) {
    if (cb === undefined) {
      return new Promise((resolve, reject) => {
        this.read((err, entry) => (err ? reject(err) : resolve(entry)));
      });
    }
    makeCallback(cb);
    if (this.#closed) {
      process.nextTick(cb, new ERR_DIR_CLOSED());
      return;
    }
    let entry;
    try {
      entry = this.#nextEntry();
    } catch (err) {
      process.nextTick(cb, err);
      return;
    }
    this.#settleLater(cb, entry);
  }

  closeSync() {
    if (this.#closed) throw new ERR_DIR_CLOSED();
    if (this.#pending > 0) throw new ERR_DIR_CONCURRENT_OPERATION();
    this.#closed = true;
  }

  /** close(cb) or close() → a promise. */
  close(cb) {
    if (cb === undefined) {
      return new Promise((resolve, reject) => {
        this.close((err) => (err ? reject(err) : resolve()));
      });
    }
    makeCallback(cb);
    if (this.#closed) {
      process.nextTick(cb, new ERR_DIR_CLOSED());
      return;
    }
    this.#closed = true;
    this.#settleLater(cb);
  }

  /** Calls `cb(null, ...values)` on the next tick; until then the synchronous calls fail
   *  with ERR_DIR_CONCURRENT_OPERATION, as while Node's async operation runs. */
  #settleLater(cb, ...values) {
    this.#pending++;
    process.nextTick(() => {
      this.#pending--;
      cb(null, ...values);
    });
  }

  async* entries() {
    try {
      for (;;) {
        const entry = await this.read();
        if (entry === null) break;
        yield entry;
      }
    } finally {
      if (!this.#closed) this.closeSync();
    }
  }

  [Symbol.asyncIterator]() {
    return this.entries();
  }

  [Symbol.dispose]() {
    if (!this.#closed) this.closeSync();
  }

  async [Symbol.asyncDispose]() {
    if (!this.#closed) this.closeSync();
  }
}

function validateOpendirOptions(options) {
  options = getOptions(options, { __proto__: null, encoding: 'utf8', recursive: false });
  if (options.bufferSize !== undefined) validateUint32(options.bufferSize, 'options.bufferSize', true);
  return options;
}

function opendirSync(path, options) {
  path = getValidatedPath(path);
  const { recursive } = validateOpendirOptions(options);
  let listed;
  try {
    listed = binding.readdir(path, true);
  } catch (err) {
    throw asOpendirError(err);
  }
  return new Dir(path, listed[0], listed[1], recursive);
}

function opendir(path, options, cb) {
  cb = typeof options === 'function' ? options : cb;
  validateFunction(cb, 'callback');
  path = getValidatedPath(path);
  const { recursive } =
    validateOpendirOptions(typeof options === 'function' ? undefined : options);
  onComplete(binding.readdirAsync(path, true), (err, listed) => {
    if (err) return cb(asOpendirError(err));
    cb(null, new Dir(path, listed[0], listed[1], recursive));
  });
}

/** fsPromises.opendir. */
function opendirPromise(path, options) {
  return new Promise((resolve, reject) => {
    opendir(path, options, (err, dir) => (err ? reject(err) : resolve(dir)));
  });
}

module.exports = { Dir, opendir, opendirPromise, opendirSync };
