'use strict';
// node:fs — the synchronous (`xSync`) and callback (`x`) forms of every file-system call.
// Argument handling lives once per operation in internal/fs/ops (single binding calls) and
// internal/fs/tasks (multi-step ones); this file wires each into its forms and adds the
// calls with their own shapes: read/write, exists, Dir, watchers and streams.

const {
  codes: { ERR_INVALID_ARG_TYPE, ERR_METHOD_NOT_IMPLEMENTED },
} = require('internal/errors');
const { validateBoolean, validateInteger } = require('internal/validators');
const {
  BigIntStats,
  Dirent,
  Stats,
  constants,
  getOptions,
  getValidatedFd,
  getValidatedPath,
  makeCallback,
  toUnixTimestamp,
  toWritableBytes,
  validateOffsetLengthRead,
  validateOffsetLengthWrite,
  validatePosition,
} = require('internal/fs/utils');
const { binding, callbackOf, prepareOf, runCallback: runOpCallback, syncOf, takeCallback } =
  require('internal/fs/ops');
const { onComplete } = require('internal/async_ops');
const steps = require('internal/fs/steps');
const tasks = require('internal/fs/tasks');
const { Dir, opendir, opendirSync } = require('internal/fs/dir');
const { watchFile, unwatchFile } = require('internal/fs/watchers');

// The calls that are one binding op each: [name, required positional arguments].
const simple = [
  ['access', 1], ['chmod', 2], ['fchmod', 2], ['chown', 3], ['lchown', 3], ['fchown', 3],
  ['close', 1], ['fsync', 1], ['fdatasync', 1], ['ftruncate', 1], ['copyFile', 2],
  ['link', 2], ['symlink', 2], ['readlink', 1], ['rename', 2], ['unlink', 1], ['rmdir', 1],
  ['mkdir', 1], ['mkdtemp', 1], ['stat', 1], ['lstat', 1], ['fstat', 1], ['utimes', 3],
  ['lutimes', 3], ['futimes', 3], ['open', 1],
];
for (const [name, required] of simple) {
  exports[`${name}Sync`] = syncOf(name);
  exports[name] = callbackOf(name, required);
}

// close's callback is optional in Node.
exports.close = function close(fd, cb = () => {}) {
  runOpCallback(prepareOf('close')(fd), makeCallback(cb));
};

// statSync/lstatSync: `throwIfNoEntry: false` returns undefined for a missing path.
for (const name of ['stat', 'lstat']) {
  const sync = exports[`${name}Sync`];
  exports[`${name}Sync`] = {
    [`${name}Sync`](path, options = { bigint: false, throwIfNoEntry: true }) {
      if (options?.throwIfNoEntry === false) {
        try {
          return sync(path, options);
        } catch (err) {
          if (err.code === 'ENOENT' || err.code === 'ENOTDIR') return undefined;
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

// The multi-step calls: fn(task) → [sync, callback].
function stepForms(task, required) {
  return [
    (...args) => steps.runSync(task(...args)),
    (...args) => {
      const cb = takeCallback(args, required);
      steps.runCallback(task(...args), cb);
    },
  ];
}

[exports.readFileSync, exports.readFile] = stepForms(tasks.readFile, 1);
[exports.writeFileSync, exports.writeFile] =
  stepForms((path, data, options) => tasks.writeFile(path, data, options, 'w'), 2);
[exports.appendFileSync, exports.appendFile] =
  stepForms((path, data, options) => tasks.writeFile(path, data, options, 'a'), 2);
[exports.truncateSync, exports.truncate] = stepForms(tasks.truncate, 1);
[exports.rmSync, exports.rm] = stepForms(tasks.rm, 1);
[exports.cpSync, exports.cp] = stepForms(tasks.cp, 2);
exports.cpSync = (src, dest, options) => steps.runSync(tasks.cp(src, dest, options, true));
[exports.realpathSync, exports.realpath] = stepForms(tasks.realpath, 1);
exports.realpathSync.native = syncOf('realpath');
exports.realpath.native = callbackOf('realpath', 1);

// ---------------------------------------------------------------------------
// read / write

/** read/readSync's arguments in any of Node's shapes → [buffer, offset, length, position]. */
function readArgs(buffer, offsetOrOptions, length, position) {
  let offset = offsetOrOptions;
  if (buffer !== null && typeof buffer === 'object' && !ArrayBuffer.isView(buffer)) {
    ({ buffer = Buffer.alloc(16384), offset = 0, length, position = null } = buffer);
  } else if (offsetOrOptions !== null && typeof offsetOrOptions === 'object') {
    ({ offset = 0, length, position = null } = offsetOrOptions);
  }
  if (!ArrayBuffer.isView(buffer)) {
    throw new ERR_INVALID_ARG_TYPE('buffer', ['Buffer', 'TypedArray', 'DataView'], buffer);
  }
  offset ??= 0;
  validateInteger(offset, 'offset', 0);
  length ??= buffer.byteLength - offset;
  validateInteger(length, 'length', 0);
  validateOffsetLengthRead(offset, length, buffer.byteLength);
  return [buffer, offset, length, validatePosition(position)];
}

function bytesOf(view) {
  return view instanceof Uint8Array ? view : new Uint8Array(view.buffer, view.byteOffset, view.byteLength);
}

function readSync(fd, buffer, offsetOrOptions, length, position) {
  fd = getValidatedFd(fd);
  const [buf, offset, len, pos] = readArgs(buffer, offsetOrOptions, length, position);
  if (len === 0) return 0;
  return binding.read(fd, bytesOf(buf), offset, len, pos);
}

function read(fd, ...args) {
  const cb = makeCallback(args.pop());
  fd = getValidatedFd(fd);
  const [buffer, offset, length, position] =
    args.length === 0 ? readArgs({}) : readArgs(...args);
  if (length === 0) {
    process.nextTick(cb, null, 0, buffer);
    return;
  }
  onComplete(binding.readAsync(fd, length, position), (err, bytes) => {
    if (err) return cb(err);
    bytesOf(buffer).set(bytes, offset);
    cb(null, bytes.length, buffer);
  });
}

/** write/writeSync's arguments → [bytes to write, position]. */
function writeArgs(buffer, offsetOrOptions, length, position) {
  if (ArrayBuffer.isView(buffer)) {
    let offset = offsetOrOptions;
    if (offset !== null && typeof offset === 'object') {
      ({ offset = 0, length, position = null } = offset);
    }
    offset ??= 0;
    validateInteger(offset, 'offset', 0);
    length ??= buffer.byteLength - offset;
    validateOffsetLengthWrite(offset, length, buffer.byteLength);
    return [bytesOf(buffer).subarray(offset, offset + length), validatePosition(position)];
  }
  if (typeof buffer !== 'string') {
    throw new ERR_INVALID_ARG_TYPE('buffer', ['string', 'Buffer', 'TypedArray', 'DataView'], buffer);
  }
  // write(fd, string, position, encoding)
  return [toWritableBytes(buffer, length, 'buffer'), validatePosition(offsetOrOptions)];
}

function writeSync(fd, buffer, offsetOrOptions, length, position) {
  fd = getValidatedFd(fd);
  const [bytes, pos] = writeArgs(buffer, offsetOrOptions, length, position);
  return binding.write(fd, bytes, pos);
}

function write(fd, buffer, ...args) {
  const cb = makeCallback(args.pop());
  fd = getValidatedFd(fd);
  const [bytes, position] = writeArgs(buffer, ...args);
  onComplete(binding.writeAsync(fd, bytes, position),
             (err, written) => (err ? cb(err) : cb(null, written, buffer)));
}

function readvSync(fd, buffers, position) {
  fd = getValidatedFd(fd);
  let pos = validatePosition(position);
  let total = 0;
  for (const buffer of buffers) {
    const n = binding.read(fd, bytesOf(buffer), 0, buffer.byteLength, pos);
    total += n;
    if (pos >= 0) pos += n;
    if (n < buffer.byteLength) break;
  }
  return total;
}

function writevSync(fd, buffers, position) {
  fd = getValidatedFd(fd);
  let pos = validatePosition(position);
  let total = 0;
  for (const buffer of buffers) {
    const n = steps.runSync((function* () {
      return yield ['writeAll', fd, bytesOf(buffer), pos];
    })());
    total += n;
    if (pos >= 0) pos += n;
  }
  return total;
}

function readv(fd, buffers, position, cb) {
  if (typeof position === 'function') [cb, position] = [position, null];
  cb = makeCallback(cb);
  let total;
  try {
    total = readvSync(fd, buffers, position);
  } catch (err) {
    process.nextTick(cb, err);
    return;
  }
  process.nextTick(cb, null, total, buffers);
}

function writev(fd, buffers, position, cb) {
  if (typeof position === 'function') [cb, position] = [position, null];
  cb = makeCallback(cb);
  let total;
  try {
    total = writevSync(fd, buffers, position);
  } catch (err) {
    process.nextTick(cb, err);
    return;
  }
  process.nextTick(cb, null, total, buffers);
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

// ---------------------------------------------------------------------------
// watch, streams, promises

function watch() {
  throw new ERR_METHOD_NOT_IMPLEMENTED('fs.watch()');
}

function lazyStreams() {
  return require('internal/fs/streams');
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
  Stats,
  BigIntStats,
  constants,
  _toUnixTimestamp: toUnixTimestamp,
  createReadStream(path, options) {
    return new (lazyStreams().ReadStream)(path, options);
  },
  createWriteStream(path, options) {
    return new (lazyStreams().WriteStream)(path, options);
  },
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
