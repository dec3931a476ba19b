'use strict';
// internal/fs/promises: fs/promises — every call as a promise (the same prepare functions
// and step generators as fs's sync and callback forms), and FileHandle, the promise API's
// wrapper of an open descriptor.

const EventEmitter = require('events');
const {
  codes: { ERR_INVALID_ARG_TYPE, ERR_METHOD_NOT_IMPLEMENTED },
} = require('internal/errors');
const { binding, prepareOf, promiseOf, runPromise } = require('internal/fs/ops');
const steps = require('internal/fs/steps');
const tasks = require('internal/fs/tasks');
const { opendirPromise } = require('internal/fs/dir');
const {
  constants,
  getOptions,
  getValidatedPath,
  toBuffer,
  toWritableBytes,
  validateOffsetLengthRead,
  validateOffsetLengthWrite,
  validatePosition,
} = require('internal/fs/utils');
const { validateInteger } = require('internal/validators');
const { promiseFor } = require('internal/async_ops');

const kFd = Symbol('kFd');
const kClosePromise = Symbol('kClosePromise');

function bytesOf(view) {
  return view instanceof Uint8Array ? view : new Uint8Array(view.buffer, view.byteOffset, view.byteLength);
}

/** An open file for the promise API. */
class FileHandle extends EventEmitter {
  constructor(fd) {
    super();
    this[kFd] = fd;
    this[kClosePromise] = null;
  }

  get fd() {
    return this[kFd];
  }

  getAsyncId() {
    return this[kFd];
  }

  close() {
    if (this[kClosePromise]) return this[kClosePromise];
    if (this[kFd] === -1) return Promise.resolve();
    const fd = this[kFd];
    this[kClosePromise] = runPromise(prepareOf('close')(fd)).then(() => {
      this[kFd] = -1;
      this[kClosePromise] = null;
      this.emit('close');
    }, (err) => {
      this[kClosePromise] = null;
      throw err;
    });
    return this[kClosePromise];
  }

  async [Symbol.asyncDispose]() {
    return this.close();
  }

  async read(buffer, offset, length, position) {
    if (buffer !== null && typeof buffer === 'object' && !ArrayBuffer.isView(buffer)) {
      ({ buffer = Buffer.alloc(16384), offset = 0, length, position = null } = buffer);
    } else if (buffer === undefined) {
      buffer = Buffer.alloc(16384);
    } else if (offset !== null && typeof offset === 'object') {
      ({ offset = 0, length, position = null } = offset);
    }
    if (!ArrayBuffer.isView(buffer)) {
      throw new ERR_INVALID_ARG_TYPE('buffer', ['Buffer', 'TypedArray', 'DataView'], buffer);
    }
    offset ??= 0;
    validateInteger(offset, 'offset', 0);
    length ??= buffer.byteLength - offset;
    validateOffsetLengthRead(offset, length, buffer.byteLength);
    if (length === 0) return { bytesRead: 0, buffer };
    const bytes = await promiseFor(binding.readAsync(this[kFd], length, validatePosition(position)));
    bytesOf(buffer).set(bytes, offset);
    return { bytesRead: bytes.length, buffer };
  }

  async write(buffer, offsetOrOptions, length, position) {
    let bytes;
    if (ArrayBuffer.isView(buffer)) {
      let offset = offsetOrOptions;
      if (offset !== null && typeof offset === 'object') ({ offset = 0, length, position = null } = offset);
      offset ??= 0;
      length ??= buffer.byteLength - offset;
      validateOffsetLengthWrite(offset, length, buffer.byteLength);
      bytes = bytesOf(buffer).subarray(offset, offset + length);
    } else {
      bytes = toWritableBytes(buffer, length, 'buffer');
      position = offsetOrOptions;
    }
    const bytesWritten = await promiseFor(binding.writeAsync(this[kFd], bytes, validatePosition(position)));
    return { bytesWritten, buffer };
  }

  readFile(options) {
    return steps.runAsync(tasks.readFile(this[kFd], options));
  }

  writeFile(data, options) {
    return steps.runAsync(tasks.writeFile(this[kFd], data, options, 'w'));
  }

  appendFile(data, options) {
    return steps.runAsync(tasks.writeFile(this[kFd], data, options, 'a'));
  }

  stat(options) {
    return runPromise(prepareOf('fstat')(this[kFd], options));
  }

  truncate(len = 0) {
    return runPromise(prepareOf('ftruncate')(this[kFd], len));
  }

  sync() {
    return runPromise(prepareOf('fsync')(this[kFd]));
  }

  datasync() {
    return runPromise(prepareOf('fdatasync')(this[kFd]));
  }

  chmod(mode) {
    return runPromise(prepareOf('fchmod')(this[kFd], mode));
  }

  chown(uid, gid) {
    return runPromise(prepareOf('fchown')(this[kFd], uid, gid));
  }

  utimes(atime, mtime) {
    return runPromise(prepareOf('futimes')(this[kFd], atime, mtime));
  }

  createReadStream(options) {
    return require('fs').createReadStream(null, { ...options, fd: this });
  }

  createWriteStream(options) {
    return require('fs').createWriteStream(null, { ...options, fd: this });
  }

  readLines(options) {
    const { createInterface } = require('readline');
    return createInterface({ input: this.createReadStream(options), crlfDelay: Infinity });
  }
}

const exports_ = {
  access: promiseOf('access'),
  copyFile: promiseOf('copyFile'),
  cp: (src, dest, options) => steps.runAsync(tasks.cp(src, dest, options)),
  async open(path, flags, mode) {
    return new FileHandle(await runPromise(prepareOf('open')(path, flags, mode)));
  },
  opendir: opendirPromise,
  rename: promiseOf('rename'),
  truncate: (path, len) => steps.runAsync(tasks.truncate(path, len)),
  rm: (path, options) => steps.runAsync(tasks.rm(path, options)),
  rmdir: promiseOf('rmdir'),
  mkdir: promiseOf('mkdir'),
  async readdir(path, options) {
    const resolved = getOptions(options);
    if (resolved.recursive) {
      return steps.runAsync(tasks.readdirRecursive(getValidatedPath(path), resolved));
    }
    return runPromise(prepareOf('readdir')(path, options));
  },
  readlink: promiseOf('readlink'),
  symlink: promiseOf('symlink'),
  lstat: promiseOf('lstat'),
  stat: promiseOf('stat'),
  link: promiseOf('link'),
  unlink: promiseOf('unlink'),
  chmod: promiseOf('chmod'),
  async lchmod() {
    throw new ERR_METHOD_NOT_IMPLEMENTED('lchmod()');
  },
  lchown: promiseOf('lchown'),
  chown: promiseOf('chown'),
  utimes: promiseOf('utimes'),
  lutimes: promiseOf('lutimes'),
  realpath: (path, options) => steps.runAsync(tasks.realpath(path, options)),
  mkdtemp: promiseOf('mkdtemp'),
  async writeFile(path, data, options) {
    if (path instanceof FileHandle) return path.writeFile(data, options);
    return steps.runAsync(tasks.writeFile(path, data, options, 'w'));
  },
  async appendFile(path, data, options) {
    if (path instanceof FileHandle) return path.appendFile(data, options);
    return steps.runAsync(tasks.writeFile(path, data, options, 'a'));
  },
  async readFile(path, options) {
    if (path instanceof FileHandle) return path.readFile(options);
    return steps.runAsync(tasks.readFile(path, options));
  },
  watch() {
    throw new ERR_METHOD_NOT_IMPLEMENTED('fs.promises.watch()');
  },
  constants,
};

module.exports = { FileHandle, exports: exports_, toBuffer };
