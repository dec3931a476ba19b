'use strict';
// internal/fs/promises: fs/promises — every call as a promise (the same prepare functions
// and step generators as fs's sync and callback forms), and FileHandle, the promise API's
// wrapper of an open descriptor.

const EventEmitter = require('events');
const {
  AbortError,
  codes: {
    ERR_FS_FILE_TOO_LARGE, ERR_INTERNAL_ASSERTION, ERR_INVALID_ARG_VALUE, ERR_INVALID_STATE,
    ERR_METHOD_NOT_IMPLEMENTED,
  },
} = require('internal/errors');
const { binding, prepareOf, promiseOf, runPromise } = require('internal/fs/ops');
const steps = require('internal/fs/steps');
const tasks = require('internal/fs/tasks');
const { opendirPromise } = require('internal/fs/dir');
const {
  bytesOf,
  constants,
  decodeData,
  getOptions,
  getValidatedPath,
  getWriteArgs,
  toBuffer,
  validateOffsetLengthRead,
  validatePosition,
  validateStringAfterArrayBufferView,
} = require('internal/fs/utils');
const {
  kValidateObjectAllowNullable,
  validateBoolean,
  validateBuffer,
  validateInteger,
  validateObject,
} = require('internal/validators');
const { promiseFor } = require('internal/async_ops');

const kFd = Symbol('kFd');
const kClosePromise = Symbol('kClosePromise');
// Users of the descriptor besides the handle itself (fs streams): close() waits for them.
const kRefs = Symbol('kRefs');
const kCloseResolve = Symbol('kCloseResolve');
const kCloseReject = Symbol('kCloseReject');
const kRef = Symbol('kRef');
const kUnref = Symbol('kUnref');
// Set once readableWebStream has handed the handle to a stream.
const kLocked = Symbol('kLocked');

/** An open file for the promise API. */
class FileHandle extends EventEmitter {
  constructor(fd) {
    super();
    this[kFd] = fd;
    this[kClosePromise] = null;
    this[kRefs] = 1;
  }

  get fd() {
    return this[kFd];
  }

  getAsyncId() {
    return this[kFd];
  }

  close() {
    if (this[kFd] === -1) return Promise.resolve();
    if (this[kClosePromise]) return this[kClosePromise];
    this[kRefs]--;
    if (this[kRefs] === 0) {
      const fd = this[kFd];
      this[kFd] = -1;
      this[kClosePromise] = runPromise(prepareOf('close')(fd)).finally(() => {
        this[kClosePromise] = null;
      });
    } else {
      // A stream still uses the descriptor: it is closed by the last kUnref.
      this[kClosePromise] = new Promise((resolve, reject) => {
        this[kCloseResolve] = resolve;
        this[kCloseReject] = reject;
      }).finally(() => {
        this[kClosePromise] = null;
        this[kCloseResolve] = undefined;
        this[kCloseReject] = undefined;
      });
    }
    this.emit('close');
    return this[kClosePromise];
  }

  [kRef]() {
    this[kRefs]++;
  }

  [kUnref]() {
    this[kRefs]--;
    if (this[kRefs] === 0) {
      const fd = this[kFd];
      this[kFd] = -1;
      runPromise(prepareOf('close')(fd)).then(this[kCloseResolve], this[kCloseReject]);
    }
  }

  async [Symbol.asyncDispose]() {
    return this.close();
  }

  read(bufferOrParams, offset, length, position) {
    return fsCall(handleOps.read, this, bufferOrParams, offset, length, position);
  }

  readv(buffers, position) {
    return fsCall(handleOps.readv, this, buffers, position);
  }

  write(buffer, offsetOrOptions, length, position) {
    return fsCall(handleOps.write, this, buffer, offsetOrOptions, length, position);
  }

  writev(buffers, position) {
    return fsCall(handleOps.writev, this, buffers, position);
  }

  readFile(options) {
    return fsCall(readFile, this, options);
  }

  writeFile(data, options) {
    return fsCall(writeFile, this, data, options);
  }

  appendFile(data, options) {
    return fsCall(writeFile, this, data, options);
  }

  stat(options) {
    return fsCall(handleOps.fstat, this, options);
  }

  truncate(len = 0) {
    return fsCall(handleOps.ftruncate, this, len);
  }

  sync() {
    return fsCall(handleOps.fsync, this);
  }

  datasync() {
    return fsCall(handleOps.fdatasync, this);
  }

  chmod(mode) {
    return fsCall(handleOps.fchmod, this, mode);
  }

  chown(uid, gid) {
    return fsCall(handleOps.fchown, this, uid, gid);
  }

  utimes(atime, mtime) {
    return fsCall(handleOps.futimes, this, atime, mtime);
  }

  /** A byte ReadableStream over the file; the handle is locked to it (and referenced until
   *  the stream ends), and closing the handle cancels the stream. */
  readableWebStream(options = {}) {
    if (this[kFd] === -1) throw new ERR_INVALID_STATE('The FileHandle is closed');
    if (this[kClosePromise]) throw new ERR_INVALID_STATE('The FileHandle is closing');
    if (this[kLocked]) throw new ERR_INVALID_STATE('The FileHandle is locked');
    this[kLocked] = true;
    validateObject(options, 'options');
    const { type = 'bytes', autoClose = false } = options;
    validateBoolean(autoClose, 'options.autoClose');
    if (type !== 'bytes') {
      process.emitWarning('A non-"bytes" options.type has no effect. A byte-oriented steam ' +
                          'is always created.', 'ExperimentalWarning');
    }
    const ondone = async () => {
      this[kUnref]();
      if (autoClose) await this.close();
    };
    const { ReadableStream, readableStreamCancel } = require('internal/webstreams/readablestream');
    const handle = this;
    const readable = new ReadableStream({
      type: 'bytes',
      autoAllocateChunkSize: 16384,
      async pull(controller) {
        const view = controller.byobRequest.view;
        const { bytesRead } = await handle.read(view, view.byteOffset, view.byteLength);
        if (bytesRead === 0) {
          controller.close();
          await ondone();
        }
        controller.byobRequest.respond(bytesRead);
      },
      async cancel() {
        await ondone();
      },
    });
    this[kRef]();
    this.once('close', () => readableStreamCancel(readable));
    return readable;
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

/** Runs `fn(handle, ...args)` while holding a reference on the descriptor; a closed
 *  handle fails with EBADF, its syscall named after `fn`, as in Node. */
async function fsCall(fn, handle, ...args) {
  if (!(handle instanceof FileHandle)) {
    throw new ERR_INTERNAL_ASSERTION('handle must be an instance of FileHandle');
  }
  if (handle.fd === -1) {
    const err = new Error('file closed');
    err.code = 'EBADF';
    err.syscall = fn.name;
    throw err;
  }
  handle[kRef]();
  try {
    return await fn(handle, ...args);
  } finally {
    handle[kUnref]();
  }
}

/** The FileHandle operations; each function's name is the syscall its errors report. */
const handleOps = {
  __proto__: null,
  fstat: (handle, options) => runPromise(prepareOf('fstat')(handle.fd, options)),
  ftruncate: (handle, len) => runPromise(prepareOf('ftruncate')(handle.fd, len)),
  fsync: (handle) => runPromise(prepareOf('fsync')(handle.fd)),
  fdatasync: (handle) => runPromise(prepareOf('fdatasync')(handle.fd)),
  fchmod: (handle, mode) => runPromise(prepareOf('fchmod')(handle.fd, mode)),
  fchown: (handle, uid, gid) => runPromise(prepareOf('fchown')(handle.fd, uid, gid)),
  futimes: (handle, atime, mtime) => runPromise(prepareOf('futimes')(handle.fd, atime, mtime)),

  /** read(buffer, offset?, length?, position?), read(buffer, options?) or read(options?). */
  async read(handle, bufferOrParams, offset, length, position) {
    let buffer = bufferOrParams;
    if (!ArrayBuffer.isView(buffer)) {
      if (bufferOrParams !== undefined) {
        validateObject(bufferOrParams, 'options', kValidateObjectAllowNullable);
      }
      ({
        buffer = Buffer.alloc(16384),
        offset = 0,
        length = buffer.byteLength - offset,
        position = null,
      } = bufferOrParams ?? {});
      validateBuffer(buffer);
    }
    if (offset !== null && typeof offset === 'object') {
      ({ offset = 0, length = buffer?.byteLength - offset, position = null } = offset);
    }
    if (offset == null) offset = 0;
    else validateInteger(offset, 'offset', 0);
    length ??= buffer.byteLength - offset;
    if (length === 0) return { __proto__: null, bytesRead: length, buffer };
    if (buffer.byteLength === 0) {
      throw new ERR_INVALID_ARG_VALUE('buffer', buffer, 'is empty and cannot be written');
    }
    validateOffsetLengthRead(offset, length, buffer.byteLength);
    position = position == null ? -1 : validatePosition(position, 'position', length);
    const bytes = await promiseFor(binding.readAsync(handle.fd, length, position), 'FSReqPromise');
    bytesOf(buffer).set(bytes, offset);
    return { __proto__: null, bytesRead: bytes.length, buffer };
  },

  async readv(handle, buffers, position) {
    const bytesRead = await steps.runAsync(tasks.readv(handle.fd, buffers, position));
    return { __proto__: null, bytesRead, buffers };
  },

  /** write(buffer, offset?, length?, position?), write(buffer, options?) or
   *  write(string, position?, encoding?). */
  async write(handle, buffer, offsetOrOptions, length, position) {
    if (buffer?.byteLength === 0) return { __proto__: null, bytesWritten: 0, buffer };
    const [bytes, at] = getWriteArgs(buffer, offsetOrOptions, length, position);
    const bytesWritten = await promiseFor(binding.writeAsync(handle.fd, bytes, at), 'FSReqPromise');
    return { __proto__: null, bytesWritten, buffer };
  },

  async writev(handle, buffers, position) {
    const bytesWritten = await steps.runAsync(tasks.writev(handle.fd, buffers, position));
    return { __proto__: null, bytesWritten, buffers };
  },
};

// Whole-file writes go in chunks of this size, checking the AbortSignal between them.
const kWriteFileMaxChunkSize = 512 * 1024;
// Files larger than this cannot be read into one Buffer.
const kIoMaxLength = 2 ** 31 - 1;
const kReadFileChunkSize = 512 * 1024;

function checkAborted(signal) {
  if (signal?.aborted) throw new AbortError(undefined, { cause: signal.reason });
}

/** Iterables (sync or async) other than strings and byte arrays: writeFile writes their
 *  items one by one. */
function isCustomIterable(value) {
  return value != null && typeof value !== 'string' && !ArrayBuffer.isView(value) &&
    (typeof value[Symbol.iterator] === 'function' ||
     typeof value[Symbol.asyncIterator] === 'function');
}

/** Writes all of `bytes` through the handle, a chunk at a time. */
async function writeAllChunks(handle, bytes, signal) {
  let offset = 0;
  while (offset < bytes.byteLength) {
    checkAborted(signal);
    const { bytesWritten } = await handleOps.write(
      handle, bytes, offset, Math.min(kWriteFileMaxChunkSize, bytes.byteLength - offset), null);
    offset += bytesWritten;
  }
}

async function writeFileHandle(handle, data, signal, encoding) {
  checkAborted(signal);
  if (isCustomIterable(data)) {
    for await (const item of data) {
      checkAborted(signal);
      const bytes = ArrayBuffer.isView(item) ? item : Buffer.from(item, encoding || 'utf8');
      await writeAllChunks(handle, bytesOf(bytes), signal);
      checkAborted(signal);
    }
    return;
  }
  await writeAllChunks(handle, bytesOf(data), signal);
}

/** Runs `operation` on a handle this call opened, then closes it; an error of the
 *  operation wins over one of the close. */
async function closeAfter(handle, operation) {
  let result;
  try {
    result = await operation;
  } catch (err) {
    await handle.close().catch(() => {});
    throw err;
  }
  await handle.close();
  return result;
}

/** fsPromises.writeFile / appendFile (path or FileHandle; data a string, bytes or an
 *  iterable of them). */
async function writeFile(path, data, options, defaultFlag = 'w') {
  options = getOptions(options, {
    __proto__: null, encoding: 'utf8', mode: 0o666, flag: defaultFlag, flush: false,
  });
  const flush = options.flush ?? false;
  validateBoolean(flush, 'options.flush');
  if (!ArrayBuffer.isView(data) && !isCustomIterable(data)) {
    validateStringAfterArrayBufferView(data, 'data');
    data = Buffer.from(data, options.encoding || 'utf8');
  }
  const { signal, encoding } = options;
  if (path instanceof FileHandle) return writeFileHandle(path, data, signal, encoding);
  checkAborted(signal);
  const handle = await exports_.open(path, options.flag || defaultFlag, options.mode);
  return closeAfter(handle, (async () => {
    await writeFileHandle(handle, data, signal, encoding);
    if (flush) await handle.sync();
  })());
}

async function readFileHandle(handle, options) {
  const { signal, encoding } = options;
  checkAborted(signal);
  const size = (await handleOps.fstat(handle)).size;
  checkAborted(signal);
  if (size > kIoMaxLength) throw new ERR_FS_FILE_TOO_LARGE(size);
  const chunks = [];
  let total = 0;
  for (;;) {
    const chunk = await promiseFor(binding.readAsync(handle.fd, kReadFileChunkSize, -1), 'FSReqPromise');
    checkAborted(signal);
    if (chunk.length === 0) break;
    chunks.push(chunk);
    total += chunk.length;
  }
  return decodeData(Buffer.concat(chunks, total), encoding);
}

/** fsPromises.readFile (path or FileHandle). */
async function readFile(path, options) {
  options = getOptions(options, { __proto__: null, flag: 'r' });
  if (path instanceof FileHandle) return readFileHandle(path, options);
  checkAborted(options.signal);
  if (options.signal === undefined) return steps.runAsync(tasks.readFile(path, options));
  const handle = await exports_.open(path, options.flag || 'r', 0o666);
  return closeAfter(handle, readFileHandle(handle, options));
}

/** fsPromises.mkdtempDisposable(prefix, options) → { path, remove(), [Symbol.asyncDispose]() }. */
async function mkdtempDisposable(prefix, options) {
  const cwd = process.cwd();
  const path = await exports_.mkdtemp(prefix, options);
  const fullPath = require('path').resolve(cwd, `${path}`);
  const remove = () => steps.runAsync(tasks.rm(fullPath, { recursive: true, force: true }));
  return {
    __proto__: null,
    path,
    remove,
    async [Symbol.asyncDispose]() {
      await remove();
    },
  };
}

/** fsPromises.stat; with `throwIfNoEntry: false` a missing path gives undefined. */
async function stat(path, options) {
  try {
    return await runPromise(prepareOf('stat')(path, options));
  } catch (err) {
    if (options?.throwIfNoEntry === false && (err.code === 'ENOENT' || err.code === 'ENOTDIR')) {
      return undefined;
    }
    throw err;
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
  stat,
  statfs: promiseOf('statfs'),
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
  mkdtempDisposable,
  writeFile: (path, data, options) => writeFile(path, data, options),
  appendFile: (path, data, options) => writeFile(path, data, options, 'a'),
  readFile,
  watch(filename, options) {
    return require('internal/fs/watchers').watch(filename, options);
  },
  constants,
};

module.exports = { FileHandle, exports: exports_, kRef, kUnref, toBuffer };
