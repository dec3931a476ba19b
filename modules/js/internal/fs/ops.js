'use strict';
// internal/fs/ops: each fs operation's argument handling, written once and shared by its
// three forms. A `prepare` function validates the caller's arguments and returns
// `[bindingName, bindingArgs, mapResult]`; `syncOf`, `callbackOf` and `promiseOf` run it
// as `fs.xSync` (binding.x now), `fs.x` (binding.xAsync, then the callback) and
// `fsPromises.x` (binding.xAsync, then a promise). The binding derives its sync and async
// ops from one Rust function too, so the forms cannot drift apart.

const binding = internalBinding('fs');
const { onComplete, promiseFor } = require('internal/async_ops');
const {
  constants: { O_RDONLY, O_WRONLY, O_RDWR, O_CREAT, O_TRUNC, O_APPEND },
  encodeName,
  getDirent,
  getOptions,
  getStatFsFromBinding,
  getStatsFromBinding,
  getValidMode,
  getValidatedFd,
  getValidatedPath,
  makeCallback,
  parseMode,
  toUnixTimestamp,
  validateId,
  warnOnNonPortableTemplate,
} = require('internal/fs/utils');
const { validateBoolean, validateInteger, validateObject, validateOneOf } =
  require('internal/validators');
const { codes: { ERR_INVALID_ARG_VALUE } } = require('internal/errors');

const statOptions = { __proto__: null, bigint: false };

function statsOf(options) {
  const { bigint = false } = options == null || typeof options === 'function' ? statOptions : options;
  return Boolean(bigint);
}

const prepares = {
  __proto__: null,
  access: (path, mode) => ['access', [getValidatedPath(path), getValidMode(mode, 'access')]],
  chmod: (path, mode) => ['chmod', [getValidatedPath(path), parseMode(mode, 'mode')]],
  fchmod: (fd, mode) => ['fchmod', [getValidatedFd(fd), parseMode(mode, 'mode')]],
  chown(path, uid, gid) {
    path = getValidatedPath(path);
    validateId(uid, 'uid');
    validateId(gid, 'gid');
    return ['chown', [path, uid, gid]];
  },
  lchown(path, uid, gid) {
    path = getValidatedPath(path);
    validateId(uid, 'uid');
    validateId(gid, 'gid');
    return ['lchown', [path, uid, gid]];
  },
  fchown(fd, uid, gid) {
    fd = getValidatedFd(fd);
    validateId(uid, 'uid');
    validateId(gid, 'gid');
    return ['fchown', [fd, uid, gid]];
  },
  close: (fd) => ['close', [getValidatedFd(fd)]],
  fsync: (fd) => ['fsync', [getValidatedFd(fd)]],
  fdatasync: (fd) => ['fdatasync', [getValidatedFd(fd)]],
  ftruncate(fd, len = 0) {
    fd = getValidatedFd(fd);
    validateInteger(len, 'len');
    return ['ftruncate', [fd, Math.max(0, len)]];
  },
  copyFile(src, dest, mode) {
    return ['copyFile', [getValidatedPath(src, 'src'), getValidatedPath(dest, 'dest'),
                         getValidMode(mode, 'copyFile')]];
  },
  link: (existingPath, newPath) =>
    ['link', [getValidatedPath(existingPath, 'existingPath'), getValidatedPath(newPath, 'newPath')]],
  symlink(target, path, type) {
    validateOneOf(type, 'type', ['dir', 'file', 'junction', null, undefined]);
    return ['symlink', [getValidatedPath(target, 'target'), getValidatedPath(path)]];
  },
  readlink(path, options) {
    const { encoding } = getOptions(options);
    return ['readlink', [getValidatedPath(path)], (target) => encodeName(target, encoding)];
  },
  rename: (oldPath, newPath) =>
    ['rename', [getValidatedPath(oldPath, 'oldPath'), getValidatedPath(newPath, 'newPath')]],
  unlink: (path) => ['unlink', [getValidatedPath(path)]],
  rmdir(path, options) {
    // `recursive` was removed; Node rejects it loudly rather than ignoring it.
    if (options?.recursive !== undefined) {
      throw new ERR_INVALID_ARG_VALUE('options.recursive', options.recursive,
                                      'is no longer supported');
    }
    if (options !== undefined) validateObject(options, 'options');
    return ['rmdir', [getValidatedPath(path)]];
  },
  mkdir(path, options) {
    let mode = 0o777;
    let recursive = false;
    if (typeof options === 'number' || typeof options === 'string') {
      mode = parseMode(options, 'mode');
    } else if (options != null) {
      if (options.recursive !== undefined) recursive = options.recursive;
      if (options.mode !== undefined) mode = parseMode(options.mode, 'options.mode');
    }
    validateBoolean(recursive, 'options.recursive');
    return ['mkdir', [getValidatedPath(path), mode, recursive]];
  },
  mkdtemp(prefix, options) {
    const { encoding } = getOptions(options);
    const text = getValidatedPath(prefix, 'prefix');
    warnOnNonPortableTemplate(text);
    return ['mkdtemp', [text], (made) => encodeName(made, encoding)];
  },
  stat: (path, options) => ['stat', [getValidatedPath(path), statsOf(options)], getStatsFromBinding],
  lstat: (path, options) => ['lstat', [getValidatedPath(path), statsOf(options)], getStatsFromBinding],
  statfs: (path, options) =>
    ['statfs', [getValidatedPath(path), statsOf(options)], getStatFsFromBinding],
  fstat: (fd, options) => ['fstat', [getValidatedFd(fd), statsOf(options)], getStatsFromBinding],
  readdir(path, options) {
    options = getOptions(options);
    path = getValidatedPath(path);
    const { encoding, withFileTypes = false } = options;
    if (!withFileTypes) {
      return ['readdir', [path, false], (names) => names.map((n) => encodeName(n, encoding))];
    }
    return ['readdir', [path, true], ([names, types]) =>
      names.map((n, i) => getDirent(path, encodeName(n, encoding), types[i]))];
  },
  realpath(path, options) {
    const { encoding } = getOptions(options);
    return ['realpath', [getValidatedPath(path)], (real) => encodeName(real, encoding)];
  },
  utimes: (path, atime, mtime) =>
    ['utimes', [getValidatedPath(path), toUnixTimestamp(atime, 'atime'), toUnixTimestamp(mtime, 'mtime')]],
  lutimes: (path, atime, mtime) =>
    ['lutimes', [getValidatedPath(path), toUnixTimestamp(atime, 'atime'), toUnixTimestamp(mtime, 'mtime')]],
  futimes: (fd, atime, mtime) =>
    ['futimes', [getValidatedFd(fd), toUnixTimestamp(atime, 'atime'), toUnixTimestamp(mtime, 'mtime')]],
  open(path, flags, mode) {
    path = getValidatedPath(path);
    const { stringToFlags } = require('internal/fs/utils');
    return ['open', [path, stringToFlags(flags), parseMode(mode, 'mode', 0o666)]];
  },
};

/** The prepare function of `name`. */
function prepareOf(name) {
  return prepares[name];
}

/** `fs.xSync`: the operation now, on this thread. */
function syncOf(name) {
  const prepare = prepares[name];
  return function(...args) {
    const [op, opArgs, map] = prepare(...args);
    const value = binding[op](...opArgs);
    return map ? map(value) : value;
  };
}

/** Runs a prepared operation on the blocking pool and calls `cb(err, value)`; an
 *  operation without a result calls `cb(null)` alone, as Node does. */
function runCallback([op, opArgs, map], cb) {
  const id = binding[`${op}Async`](...opArgs);
  const done = (err, value) => {
    if (err) cb(err);
    else if (map) cb(null, map(value));
    else if (value === undefined) cb(null);
    else cb(null, value);
  };
  onComplete(id, done, 'FSReqCallback');
}

/** `fs.x(...args, cb)`: the operation on the blocking pool; `required` positional args.
 *  The arguments are validated before the callback, as Node does. */
function callbackOf(name, required) {
  const prepare = prepares[name];
  return function(...args) {
    const cb = typeof args[args.length - 1] === 'function' ? args.pop() : undefined;
    const prepared = prepare(...args);
    runCallback(prepared, makeCallback(cb ?? (args.length > required ? args.at(-1) : undefined)));
  };
}

/** A failed promise op's error gets its stack here, in a microtask, where it can show
 *  the caller's async frames (`at async …`), as Node's do. */
function handleErrorFromBinding(err) {
  Error.captureStackTrace(err, handleErrorFromBinding);
  throw err;
}

/** Runs a prepared operation on the blocking pool; a promise of its value. */
function runPromise([op, opArgs, map]) {
  return promiseFor(binding[`${op}Async`](...opArgs), 'FSReqPromise')
    .then(map, handleErrorFromBinding);
}

/** `fsPromises.x(...args)`. */
function promiseOf(name) {
  const prepare = prepares[name];
  return async function(...args) {
    return runPromise(prepare(...args));
  };
}

module.exports = {
  binding,
  callbackOf,
  flagsOf: { O_RDONLY, O_WRONLY, O_RDWR, O_CREAT, O_TRUNC, O_APPEND },
  prepareOf,
  promiseOf,
  runCallback,
  runPromise,
  syncOf,
};
