'use strict';
// node:fs — the synchronous (`xSync`) and callback (`x`) forms of every file-system call.
// Argument handling lives once per operation in internal/fs/ops (single binding calls) and
// internal/fs/tasks (multi-step ones); this file wires each into its forms and adds the
// calls with their own shapes: read/write, exists, Dir, watchers and streams.

const {
  codes: { ERR_INVALID_ARG_VALUE },
} = require('internal/errors');
const {
  kValidateObjectAllowNullable,
  validateBoolean,
  validateBuffer,
  validateFunction,
  validateInteger,
  validateObject,
} = require('internal/validators');
const {
  Dirent,
  Stats,
  bytesOf,
  constants,
  getOptions,
  getValidatedFd,
  getValidatedPath,
  getWriteArgs,
  makeCallback,
  toUnixTimestamp,
  validateOffsetLengthRead,
  validatePosition,
} = require('internal/fs/utils');
const { binding, callbackOf, prepareOf, runCallback: runOpCallback, syncOf } =
  require('internal/fs/ops');
const { onComplete } = require('internal/async_ops');
const steps = require('internal/fs/steps');
const tasks = require('internal/fs/tasks');
const { Dir, opendir, opendirSync } = require('internal/fs/dir');
const { FSWatcher, kFSWatchStart, watchFile, unwatchFile } = require('internal/fs/watchers');

// The calls that are one binding op each: [name, required positional arguments].
const simple = [
  ['access', 1], ['chmod', 2], ['fchmod', 2], ['chown', 3], ['lchown', 3], ['fchown', 3],
  ['close', 1], ['fsync', 1], ['fdatasync', 1], ['ftruncate', 1], ['copyFile', 2],
  ['link', 2], ['symlink', 2], ['readlink', 1], ['rename', 2], ['unlink', 1], ['rmdir', 1],
  ['mkdir', 1], ['mkdtemp', 1], ['stat', 1], ['lstat', 1], ['fstat', 1], ['utimes', 3],
  ['lutimes', 3], ['futimes', 3], ['open', 1], ['statfs', 1],
];
for (const [name, required] of simple) {
  exports[`${name}Sync`] = syncOf(name);
  exports[name] = callbackOf(name, required);
}

// close's callback is optional in Node.
exports.close = function close(fd, cb = () => {}) {
  const prepared = prepareOf('close')(fd);
  runOpCallback(prepared, makeCallback(cb));
};

/** mkdtempDisposableSync(prefix, options) → { path, remove(), [Symbol.dispose]() }; the
 *  removal uses the absolute path, so a later chdir does not matter. */
function mkdtempDisposableSync(prefix, options) {
  const path = exports.mkdtempSync(prefix, options);
  const fullPath = require('path').resolve(process.cwd(), `${path}`);
  const remove = () => {
    steps.runSync(tasks.rm(fullPath, { recursive: true, force: true }));
  };
  return {
    __proto__: null,
    path,
    remove,
    [Symbol.dispose]() {
      remove();
    },
  };
}

// `throwIfNoEntry: false` gives undefined for a missing path instead of the error: in
// statSync, lstatSync (ENOENT only, as in Node) and stat (not lstat).
function isNoEntry(err) {
  return err.code === 'ENOENT' || err.code === 'ENOTDIR';
}

const statCallback = exports.stat;
exports.stat = function stat(path, options, cb) {
  if (options?.throwIfNoEntry !== false || typeof cb !== 'function') {
    return statCallback(...arguments);
  }
  statCallback(path, options, (err, stats) => {
    if (err && !isNoEntry(err)) cb(err);
    else cb(null, stats);
  });
};

for (const [name, isMissing] of [['stat', isNoEntry], ['lstat', (err) => err.code === 'ENOENT']]) {
  const sync = exports[`${name}Sync`];
  exports[`${name}Sync`] = {
    [`${name}Sync`](path, options = { bigint: false, throwIfNoEntry: true }) {
      if (options?.throwIfNoEntry === false) {
        try {
          return sync(path, options);
        } catch (err) {
          if (isMissing(err)) return undefined;
          throw err;
        }
      }
      return sync(path, options);
    },
  }[`${name}Sync`];
}

// readdir: one op, or the recursive walk.
function readdirSync(path, options) {
  const resolved = getOptions(options);
  if (resolved.recursive) {
    validateBoolean(resolved.recursive, 'options.recursive');
    return steps.runSync(tasks.readdirRecursive(getValidatedPath(path), resolved));
  }
  return syncOf('readdir')(path, options);
}

function readdir(path, options, cb) {
  cb = makeCallback(typeof options === 'function' ? options : cb);
  if (typeof options === 'function') options = undefined;
  const resolved = getOptions(options);
  if (resolved.recursive) {
    steps.runCallback(tasks.readdirRecursive(getValidatedPath(path), resolved), cb);
    return;
  }
  runOpCallback(prepareOf('readdir')(path, options), cb);
}

// The multi-step calls: fn(task) → [sync, callback]. The callback form validates the
// callback first when `callbackFirst` is set, after the other arguments otherwise, in the
// order Node does for each call.
function stepForms(task, required, callbackFirst = true) {
  return [
    (...args) => steps.runSync(task(...args)),
    (...args) => {
      const cb = typeof args[args.length - 1] === 'function' ? args.pop() :
        (args.length > required ? args.at(-1) : undefined);
      if (callbackFirst) makeCallback(cb);
      steps.runCallback(task(...args), cb);
    },
  ];
}

[exports.readFileSync, exports.readFile] = stepForms(tasks.readFile, 1);
[exports.writeFileSync, exports.writeFile] =
  stepForms((path, data, options) => tasks.writeFile(path, data, options, 'w'), 2);
[exports.appendFileSync, exports.appendFile] =
  stepForms((path, data, options) => tasks.writeFile(path, data, options, 'a'), 2);
[exports.truncateSync, exports.truncate] = stepForms(tasks.truncate, 1, false);
[exports.rmSync, exports.rm] = stepForms(tasks.rm, 1, false);
[exports.cpSync, exports.cp] = stepForms(tasks.cp, 2);
exports.cpSync = (src, dest, options) => steps.runSync(tasks.cp(src, dest, options, true));
[exports.realpathSync, exports.realpath] = stepForms(tasks.realpath, 1);
exports.realpathSync.native = syncOf('realpath');
exports.realpath.native = callbackOf('realpath', 1);

// ---------------------------------------------------------------------------
// read / write

/** The checks read and readSync share once `offset`/`length`/`position` are known; the
 *  position to read at, or null when there is nothing to read. */
function validateReadRange(buffer, offset, length, position) {
  if (offset == null) offset = 0;
  else validateInteger(offset, 'offset', 0);
  length |= 0;
  if (length === 0) return null;
  if (buffer.byteLength === 0) {
    throw new ERR_INVALID_ARG_VALUE('buffer', buffer, 'is empty and cannot be written');
  }
  validateOffsetLengthRead(offset, length, buffer.byteLength);
  return [offset, length, position == null ? -1 : validatePosition(position, 'position', length)];
}

/** readSync(fd, buffer, offset, length, position) or readSync(fd, buffer, options?). */
function readSync(fd, buffer, offsetOrOptions, length, position) {
  fd = getValidatedFd(fd);
  validateBuffer(buffer);
  let offset = offsetOrOptions;
  if (arguments.length <= 3 || typeof offsetOrOptions === 'object') {
    if (offsetOrOptions !== undefined) {
      validateObject(offsetOrOptions, 'options', kValidateObjectAllowNullable);
    }
    ({
      offset = 0,
      length = buffer.byteLength - offset,
      position = null,
    } = offsetOrOptions ?? {});
  }
  const range = validateReadRange(buffer, offset, length, position);
  if (range === null) return 0;
  return binding.read(fd, bytesOf(buffer), ...range);
}

/** read(fd, buffer, offset, length, position, cb), read(fd, buffer, options, cb),
 *  read(fd, options, cb) or read(fd, cb); cb(err, bytesRead, buffer). */
function read(fd, buffer, offsetOrOptions, length, position, callback) {
  fd = getValidatedFd(fd);
  let offset = offsetOrOptions;
  if (arguments.length <= 4) {
    let params = null;
    if (arguments.length === 4) {
      validateObject(offsetOrOptions, 'options', kValidateObjectAllowNullable);
      callback = length;
      params = offsetOrOptions;
    } else if (arguments.length === 3) {
      if (!ArrayBuffer.isView(buffer)) {
        params = buffer;
        ({ buffer = Buffer.alloc(16384) } = params ?? {});
      }
      callback = offsetOrOptions;
    } else {
      callback = buffer;
      buffer = Buffer.alloc(16384);
    }
    if (params !== undefined) validateObject(params, 'options', kValidateObjectAllowNullable);
    ({
      offset = 0,
      length = buffer?.byteLength - offset,
      position = null,
    } = params ?? {});
  }
  validateBuffer(buffer);
  validateFunction(callback, 'cb');
  const range = validateReadRange(buffer, offset, length, position);
  if (range === null) {
    process.nextTick(callback, null, 0, buffer);
    return;
  }
  const [start, count, at] = range;
  onComplete(binding.readAsync(fd, count, at), (err, bytes) => {
    if (err) return callback(err);
    bytesOf(buffer).set(bytes, start);
    callback(null, bytes.length, buffer);
  }, 'FSReqCallback');
}

function writeSync(fd, buffer, offsetOrOptions, length, position) {
  fd = getValidatedFd(fd);
  const [bytes, pos] = getWriteArgs(buffer, offsetOrOptions, length, position);
  return binding.write(fd, bytes, pos);
}

/** write(fd, buffer, offset?, length?, position?, cb) or write(fd, string, position?,
 *  encoding?, cb); cb(err, bytesWritten, buffer). */
function write(fd, buffer, ...args) {
  fd = getValidatedFd(fd);
  while (args.length > 0 && args[args.length - 1] === undefined) args.pop();
  const callback = args.pop();
  const [bytes, position] = getWriteArgs(buffer, ...args);
  validateFunction(callback, 'cb');
  onComplete(binding.writeAsync(fd, bytes, position),
             (err, written) => (err ? callback(err) : callback(null, written, buffer)),
             'FSReqCallback');
}

function readvSync(fd, buffers, position) {
  return steps.runSync(tasks.readv(fd, buffers, position));
}

function writevSync(fd, buffers, position) {
  return steps.runSync(tasks.writev(fd, buffers, position));
}

/** readv(fd, buffers, position?, cb): cb(err, bytesRead, buffers). */
function readv(fd, buffers, position, callback) {
  callback ||= position;
  validateFunction(callback, 'cb');
  steps.runCallback(tasks.readv(fd, buffers, position),
                    (err, bytesRead) => (err ? callback(err) : callback(null, bytesRead, buffers)));
}

/** writev(fd, buffers, position?, cb): cb(err, bytesWritten, buffers). */
function writev(fd, buffers, position, callback) {
  callback ||= position;
  validateFunction(callback, 'cb');
  steps.runCallback(tasks.writev(fd, buffers, position),
                    (err, written) => (err ? callback(err) : callback(null, written, buffers)));
}

// util.promisify(fs.read) and the like resolve with the callback's values as an object
// (writev's second name is `buffer`, as in Node).
const kCustomPromisified = Symbol.for('nodejs.util.promisify.custom');
for (const [fn, names] of [[read, ['bytesRead', 'buffer']], [write, ['bytesWritten', 'buffer']],
  [readv, ['bytesRead', 'buffers']], [writev, ['bytesWritten', 'buffer']]]) {
  Object.defineProperty(fn, kCustomPromisified, {
    __proto__: null,
    configurable: true,
    value: (...args) => new Promise((resolve, reject) => {
      fn(...args, (err, first, second) => {
        if (err) reject(err);
        else resolve({ [names[0]]: first, [names[1]]: second });
      });
    }),
  });
}

// ---------------------------------------------------------------------------
// exists

let warnedExistsSync = false;

function existsSync(path) {
  try {
    path = getValidatedPath(path);
  } catch {
    if (!warnedExistsSync) {
      warnedExistsSync = true;
      process.emitWarning('Passing invalid argument types to fs.existsSync is deprecated',
                          'DeprecationWarning', 'DEP0187');
    }
    return false;
  }
  try {
    binding.access(path, constants.F_OK);
    return true;
  } catch {
    return false;
  }
}

/** exists(path, cb): the callback gets only a boolean (no error argument). */
function exists(path, cb) {
  makeCallback(cb);
  let validated;
  try {
    validated = getValidatedPath(path);
  } catch {
    process.nextTick(cb, false);
    return;
  }
  onComplete(binding.accessAsync(validated, constants.F_OK), (err) => cb(!err));
}

Object.defineProperty(exists, kCustomPromisified, {
  __proto__: null,
  configurable: true,
  value: (path) => new Promise((resolve) => exists(path, resolve)),
});

// ---------------------------------------------------------------------------
// watch, streams, promises

/** fs.watch(filename[, options][, listener]) → FSWatcher (recursive: one per entry). */
function watch(filename, options, listener) {
  if (typeof options === 'function') listener = options;
  options = { ...getOptions(options) };
  options.persistent ??= true;
  options.recursive ??= false;
  const path = getValidatedPath(filename);
  let watcher;
  if (options.recursive) {
    const { RecursiveWatcher } = require('internal/fs/recursive_watch');
    watcher = new RecursiveWatcher(options);
    watcher[kFSWatchStart](path);
  } else {
    watcher = new FSWatcher();
    watcher[kFSWatchStart](path, options.persistent, options.recursive, options.encoding,
                           options.ignore);
  }
  if (listener) watcher.addListener('change', listener);
  const { signal } = options;
  if (signal) {
    if (signal.aborted) {
      process.nextTick(() => watcher.close());
    } else {
      const { kResistStopPropagation } = require('internal/event_target');
      const onAbort = () => watcher.close();
      signal.addEventListener('abort', onAbort,
                              { __proto__: null, once: true, [kResistStopPropagation]: true });
      watcher.once('close', () => signal.removeEventListener('abort', onAbort));
    }
  }
  return watcher;
}

function lazyStreams() {
  return require('internal/fs/streams');
}

// Plain functions (not methods) so that `new fs.createReadStream(...)` works as in Node.
function createReadStream(path, options) {
  return new (lazyStreams().ReadStream)(path, options);
}

function createWriteStream(path, options) {
  return new (lazyStreams().WriteStream)(path, options);
}

Object.assign(exports, {
  readdir,
  readdirSync,
  read,
  readSync,
  readv,
  readvSync,
  write,
  writeSync,
  writev,
  writevSync,
  exists,
  existsSync,
  watch,
  watchFile,
  unwatchFile,
  opendir,
  opendirSync,
  Dir,
  Dirent,
  // Node's Stats constructor is public but deprecated (DEP0180).
  Stats: require('util').deprecate(Stats, 'fs.Stats constructor is deprecated.', 'DEP0180',
                                   { modifyPrototype: true }),
  // lchmod exists only where the OS has it (macOS); Node lists the names regardless.
  lchmod: undefined,
  lchmodSync: undefined,
  mkdtempDisposableSync,
  constants,
  _toUnixTimestamp: toUnixTimestamp,
  createReadStream,
  createWriteStream,
});

Object.defineProperties(exports, {
  ReadStream: {
    __proto__: null, enumerable: true, configurable: true,
    get() { return lazyStreams().ReadStream; },
    set(value) { Object.defineProperty(exports, 'ReadStream', { __proto__: null, value, writable: true, enumerable: true, configurable: true }); },
  },
  WriteStream: {
    __proto__: null, enumerable: true, configurable: true,
    get() { return lazyStreams().WriteStream; },
    set(value) { Object.defineProperty(exports, 'WriteStream', { __proto__: null, value, writable: true, enumerable: true, configurable: true }); },
  },
  promises: {
    __proto__: null, enumerable: true, configurable: true,
    get() { return require('internal/fs/promises').exports; },
  },
});
