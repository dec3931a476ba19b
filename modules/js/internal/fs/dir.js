'use strict';
// internal/fs/dir: fs.Dir and opendir. The directory is listed in one readdir call when it
// is opened (errors reported as Node's `opendir`), then handed out entry by entry through
// read/readSync, the async iterator and entries().

const {
  codes: { ERR_DIR_CLOSED },
} = require('internal/errors');
const { getDirent, getOptions, getValidatedPath, makeCallback } = require('internal/fs/utils');
const { validateUint32 } = require('internal/validators');
const { onComplete } = require('internal/async_ops');

const binding = internalBinding('fs');
const kEntries = Symbol('kDirEntries');
const kClosed = Symbol('kDirClosed');
const kPath = Symbol('kDirPath');

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
  constructor(path, names, types) {
    this[kPath] = path;
    this[kEntries] = names.map((name, i) => getDirent(path, name, types[i]));
    this[kClosed] = false;
  }

  get path() {
    return this[kPath];
  }

  readSync() {
    if (this[kClosed]) throw new ERR_DIR_CLOSED();
    return this[kEntries].shift() ?? null;
  }

  read(cb) {
    if (cb === undefined) {
      try {
        return Promise.resolve(this.readSync());
      } catch (err) {
        return Promise.reject(err);
      }
    }
    makeCallback(cb);
    let entry;
    try {
      entry = this.readSync();
    } catch (err) {
      process.nextTick(cb, err);
      return;
    }
    process.nextTick(cb, null, entry);
  }

  closeSync() {
    if (this[kClosed]) throw new ERR_DIR_CLOSED();
    this[kClosed] = true;
  }

  close(cb) {
    if (cb === undefined) {
      try {
        this.closeSync();
        return Promise.resolve();
      } catch (err) {
        return Promise.reject(err);
      }
    }
    makeCallback(cb);
    try {
      this.closeSync();
    } catch (err) {
      process.nextTick(cb, err);
      return;
    }
    process.nextTick(cb, null);
  }

  async* entries() {
    try {
      for (;;) {
        const entry = await this.read();
        if (entry === null) break;
        yield entry;
      }
    } finally {
      if (!this[kClosed]) this.closeSync();
    }
  }

  [Symbol.asyncIterator]() {
    return this.entries();
  }

  [Symbol.dispose]() {
    if (!this[kClosed]) this.closeSync();
  }

  async [Symbol.asyncDispose]() {
    if (!this[kClosed]) this.closeSync();
  }
}

function validateOpendirOptions(options) {
  options = getOptions(options, { __proto__: null, encoding: 'utf8' });
  if (options.bufferSize !== undefined) validateUint32(options.bufferSize, 'options.bufferSize', true);
  return options;
}

function opendirSync(path, options) {
  path = getValidatedPath(path);
  validateOpendirOptions(options);
  let listed;
  try {
    listed = binding.readdir(path, true);
  } catch (err) {
    throw asOpendirError(err);
  }
  return new Dir(path, listed[0], listed[1]);
}

function opendir(path, options, cb) {
  cb = makeCallback(typeof options === 'function' ? options : cb);
  path = getValidatedPath(path);
  validateOpendirOptions(typeof options === 'function' ? undefined : options);
  onComplete(binding.readdirAsync(path, true), (err, listed) => {
    if (err) return cb(asOpendirError(err));
    cb(null, new Dir(path, listed[0], listed[1]));
  });
}

/** fsPromises.opendir. */
function opendirPromise(path, options) {
  return new Promise((resolve, reject) => {
    opendir(path, options, (err, dir) => (err ? reject(err) : resolve(dir)));
  });
}

module.exports = { Dir, opendir, opendirPromise, opendirSync };
