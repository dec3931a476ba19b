'use strict';
// internal/fs/tasks: the fs operations that take several binding calls, each written once
// as a step generator (see internal/fs/steps) and run by fs.xSync, fs.x and fsPromises.x
// alike: readFile, writeFile/appendFile, readv/writev, truncate, rm, cp, recursive readdir,
// realpath.

const pathModule = require('path');
const { AbortError, codes } = require('internal/errors');
const { ERR_FS_EISDIR } = codes;
const {
  validateBoolean, validateFunction, validateInteger, validateObject,
} = require('internal/validators');
const {
  constants: {
    S_IFMT, S_IFDIR, S_IFLNK, S_IFIFO, S_IFSOCK, COPYFILE_EXCL, UV_DIRENT_DIR, UV_DIRENT_LINK,
    UV_DIRENT_UNKNOWN,
  },
  bytesOf,
  decodeData,
  encodeName,
  getDirent,
  getOptions,
  getValidatedFd,
  getValidatedPath,
  parseMode,
  stringToFlags,
  validateBufferArray,
  validateRmOptions,
  validateStringAfterArrayBufferView,
} = require('internal/fs/utils');

const kReadChunk = 512 * 1024;

function isFd(value) {
  return value === (value | 0);
}

/** readFile(path | fd, options) → Buffer or string. */
/** readFile(path | fd, options) → Buffer or string. A path without a signal is read in
 *  one binding call; with a signal, chunk by chunk, checking it between them. */
function* readFile(path, options) {
  options = getOptions(options, { __proto__: null, flag: 'r' });
  const { encoding, signal } = options;
  if (isFd(path)) {
    return decodeData(yield* readToEnd(getValidatedFd(path), signal), encoding);
  }
  path = getValidatedPath(path);
  const flags = stringToFlags(options.flag);
  if (signal === undefined) {
    if (encoding === 'utf8' || encoding === 'utf-8') {
      return yield ['readFileUtf8', path, flags];
    }
    return decodeData(yield ['readFile', path, flags], encoding);
  }
  yield ['call', checkAborted, signal];
  const fd = yield ['open', path, flags, 0o666];
  try {
    return decodeData(yield* readToEnd(fd, signal), encoding);
  } finally {
    yield ['close', fd];
  }
}

/** The rest of an open file, from its current offset. */
function* readToEnd(fd, signal) {
  const chunks = [];
  let total = 0;
  for (;;) {
    if (signal !== undefined) yield ['call', checkAborted, signal];
    const chunk = yield ['readChunk', fd, kReadChunk, -1];
    if (chunk.length === 0) break;
    chunks.push(chunk);
    total += chunk.length;
  }
  return Buffer.concat(chunks, total);
}

/** Throws an AbortError if `signal` has been aborted. */
function checkAborted(signal) {
  if (signal?.aborted) throw new AbortError(undefined, { cause: signal.reason });
}

/** writeFile/appendFile(path | fd, data, options); `flag` defaults to `defaultFlag`. With
 *  a signal or `flush` the file is opened, written, fsynced (`flush`) and closed step by
 *  step; otherwise one binding call does it all. */
function* writeFile(path, data, options, defaultFlag = 'w') {
  options = getOptions(options, {
    __proto__: null, encoding: 'utf8', mode: 0o666, flag: defaultFlag, flush: false,
  });
  const flush = options.flush ?? false;
  validateBoolean(flush, 'options.flush');
  if (!ArrayBuffer.isView(data)) {
    validateStringAfterArrayBufferView(data, 'data');
    data = Buffer.from(data, options.encoding || 'utf8');
  }
  const bytes = bytesOf(data);
  const { signal } = options;
  if (isFd(path)) {
    const fd = getValidatedFd(path);
    yield ['call', checkAborted, signal];
    yield ['writeAll', fd, bytes, -1];
    if (flush) yield ['flush', fd];
    return;
  }
  path = getValidatedPath(path);
  const flags = stringToFlags(options.flag || defaultFlag);
  const mode = parseMode(options.mode, 'mode', 0o666);
  yield ['call', checkAborted, signal];
  if (!flush && signal === undefined) {
    yield ['writeFile', path, bytes, flags, mode];
    return;
  }
  const fd = yield ['open', path, flags, mode];
  try {
    checkAborted(signal);
    yield ['writeAll', fd, bytes, -1];
    if (flush) yield ['flush', fd];
  } finally {
    yield ['close', fd];
  }
}

/** readv(fd, buffers, position): fills the buffers in order; the bytes read. */
function* readv(fd, buffers, position) {
  validateBufferArray(buffers);
  fd = getValidatedFd(fd);
  let pos = typeof position === 'number' ? position : -1;
  let total = 0;
  for (const buffer of buffers) {
    if (buffer.byteLength === 0) continue;
    const n = yield ['readInto', fd, bytesOf(buffer), pos];
    total += n;
    if (pos >= 0) pos += n;
    if (n < buffer.byteLength) break;
  }
  return total;
}

/** writev(fd, buffers, position): writes the buffers in order; the bytes written. Node
 *  checks the descriptor only when there is something to write. */
function* writev(fd, buffers, position) {
  validateBufferArray(buffers);
  if (buffers.length === 0) return 0;
  fd = getValidatedFd(fd);
  let pos = typeof position === 'number' ? position : -1;
  let total = 0;
  for (const buffer of buffers) {
    const n = yield ['writeAll', fd, bytesOf(buffer), pos];
    total += n;
    if (pos >= 0) pos += n;
  }
  return total;
}

/** truncate(path, len): opened 'r+' and ftruncated, as Node does. */
function* truncate(path, len = 0) {
  if (isFd(path)) {
    validateInteger(len, 'len');
    yield ['ftruncate', getValidatedFd(path), Math.max(0, len)];
    return;
  }
  validateInteger(len, 'len');
  path = getValidatedPath(path);
  const fd = yield ['open', path, stringToFlags('r+'), 0o666];
  try {
    yield ['ftruncate', fd, Math.max(0, len)];
  } finally {
    yield ['close', fd];
  }
}

function isDirectoryMode(mode) {
  return (mode & S_IFMT) === S_IFDIR;
}

/** rm(path, { recursive, force }). */
function* rm(path, options) {
  path = getValidatedPath(path);
  options = validateRmOptions(options);
  let raw;
  try {
    raw = yield ['lstat', path, false];
  } catch (err) {
    if (err.code === 'ENOENT' && options.force) return;
    throw err;
  }
  if (isDirectoryMode(raw[1]) && !options.recursive) {
    throw new ERR_FS_EISDIR({
      code: 'EISDIR', message: 'is a directory', path, syscall: 'rm', errno: 21,
    });
  }
  try {
    yield ['rmTree', path];
  } catch (err) {
    if (err.code === 'ENOENT' && options.force) return;
    throw err;
  }
}

/** Whether the entry `full` of type `type` is a directory to descend into: directories,
 *  and links (or entries of unknown type) that lead to one, as Node walks. */
function* isWalkableDirectory(full, type) {
  if (type === UV_DIRENT_DIR) return true;
  if (type !== UV_DIRENT_LINK && type !== UV_DIRENT_UNKNOWN) return false;
  try {
    return isDirectoryMode((yield ['stat', full, false])[1]);
  } catch {
    return false;
  }
}

/** readdir(path, { recursive: true, … }): breadth first, as Node lists. */
function* readdirRecursive(basePath, options) {
  const { encoding, withFileTypes = false } = options;
  const results = [];
  const queue = [basePath];
  for (let i = 0; i < queue.length; i++) {
    const dir = queue[i];
    if (withFileTypes) {
      const [names, types] = yield ['readdir', dir, true];
      for (let j = 0; j < names.length; j++) {
        results.push(getDirent(dir, encodeName(names[j], encoding), types[j]));
        const full = pathModule.join(dir, names[j]);
        if (yield* isWalkableDirectory(full, types[j])) queue.push(full);
      }
    } else {
      const [names, types] = yield ['readdir', dir, true];
      for (let j = 0; j < names.length; j++) {
        const full = pathModule.join(dir, names[j]);
        results.push(encodeName(pathModule.relative(basePath, full), encoding));
        if (yield* isWalkableDirectory(full, types[j])) queue.push(full);
      }
    }
  }
  return results;
}

/** Whether raw stat fields describe a pipe or a socket. */
function isPipeOrSocket(raw) {
  const type = raw[1] & S_IFMT;
  return type === S_IFIFO || type === S_IFSOCK;
}

/** realpath(path): Node's JS walk, one component at a time, lstat-ing each and following
 *  links with readlink (so a link to a pipe, like /dev/stdin, resolves as in Node, and a
 *  missing component fails with its lstat error). */
function* realpath(path, options) {
  const { encoding } = getOptions(options);
  let p = pathModule.resolve(getValidatedPath(path));
  const seenLinks = new Map();
  const knownHard = new Set();
  let lastStat = null;
  let current = '/';
  let base = '/';
  let pos = 1;
  while (pos < p.length) {
    const next = p.indexOf('/', pos);
    const previous = current;
    if (next === -1) {
      const last = p.slice(pos);
      current += last;
      base = previous + last;
      pos = p.length;
    } else {
      current += p.slice(pos, next + 1);
      base = previous + p.slice(pos, next);
      pos = next + 1;
    }
    if (knownHard.has(base)) {
      if (lastStat !== null && isPipeOrSocket(lastStat)) break;
      continue;
    }
    lastStat = yield ['lstat', base, false];
    if ((lastStat[1] & S_IFMT) !== S_IFLNK) {
      knownHard.add(base);
      continue;
    }
    const id = `${lastStat[0]}:${lastStat[7]}`;
    let linkTarget = seenLinks.get(id);
    if (linkTarget === undefined) {
      lastStat = yield ['stat', base, false];
      linkTarget = yield ['readlink', base];
      seenLinks.set(id, linkTarget);
    }
    p = pathModule.resolve(pathModule.resolve(previous, linkTarget), p.slice(pos));
    current = base = '/';
    pos = 1;
  }
  return encodeName(p, encoding);
}

// ---------------------------------------------------------------------------
// cp

function validateCpOptions(options) {
  const defaults = {
    dereference: false, errorOnExist: false, filter: undefined, force: true,
    preserveTimestamps: false, recursive: false, verbatimSymlinks: false, mode: 0,
  };
  if (options === undefined) return defaults;
  validateObject(options, 'options');
  options = { ...defaults, ...options };
  validateBoolean(options.dereference, 'options.dereference');
  validateBoolean(options.errorOnExist, 'options.errorOnExist');
  validateBoolean(options.force, 'options.force');
  validateBoolean(options.preserveTimestamps, 'options.preserveTimestamps');
  validateBoolean(options.recursive, 'options.recursive');
  validateBoolean(options.verbatimSymlinks, 'options.verbatimSymlinks');
  if (options.filter !== undefined) validateFunction(options.filter, 'options.filter');
  return options;
}

/** cp's error: a SystemError for the async forms; cpSync (native in Node) throws a plain
 *  Error with `code` and its own `syncMessage`. */
function cpError(options, key, message, path, errno, code, syncMessage = message) {
  if (options.syncErrors) {
    const err = new Error(syncMessage);
    err.code = key;
    return err;
  }
  return new codes[key]({ message, path, syscall: 'cp', errno, code });
}

/** cp(src, dest, options): files, directories (with `recursive`), symlinks. */
function* cp(src, dest, options, syncErrors = false) {
  options = { ...validateCpOptions(options), syncErrors };
  src = pathModule.resolve(getValidatedPath(src, 'src'));
  dest = pathModule.resolve(getValidatedPath(dest, 'dest'));
  if (src === dest) {
    throw cpError(options, 'ERR_FS_CP_EINVAL', 'src and dest cannot be the same', dest, 22,
                  'EINVAL', `src and dest cannot be the same ${dest}`);
  }
  if (dest.startsWith(src + pathModule.sep)) {
    throw cpError(options, 'ERR_FS_CP_EINVAL',
                  `cannot copy ${src} to a subdirectory of self ${dest}`, dest, 22, 'EINVAL');
  }
  yield* cpEntry(src, dest, options);
}

function* statOrNull(path, follow) {
  try {
    return yield [follow ? 'stat' : 'lstat', path, false];
  } catch (err) {
    if (err.code === 'ENOENT') return null;
    throw err;
  }
}

function* cpEntry(src, dest, options) {
  if (options.filter !== undefined && !(yield ['call', options.filter, src, dest])) return;
  const srcStat = yield [options.dereference ? 'stat' : 'lstat', src, false];
  const destStat = yield* statOrNull(dest, false);
  const srcType = srcStat[1] & S_IFMT;
  if (srcType === S_IFDIR) {
    if (!options.recursive) {
      throw cpError(options, 'ERR_FS_EISDIR', `${src} is a directory (not copied)`, src, 21,
                    'EISDIR', `Recursive option not enabled, cannot copy a directory: ${src}/`);
    }
    if (destStat !== null && !isDirectoryMode(destStat[1])) {
      throw cpError(options, 'ERR_FS_CP_DIR_TO_NON_DIR',
                    `cannot overwrite non-directory ${dest} with directory ${src}`, dest, 21, 'EISDIR');
    }
    if (destStat === null) yield ['mkdir', dest, srcStat[1] & 0o7777 | 0o700, false];
    const names = yield ['readdir', src, false];
    for (const name of names) {
      yield* cpEntry(pathModule.join(src, name), pathModule.join(dest, name), options);
    }
    return;
  }
  if (destStat !== null && isDirectoryMode(destStat[1])) {
    throw cpError(options, 'ERR_FS_CP_NON_DIR_TO_DIR',
                  `cannot overwrite directory ${dest} with non-directory ${src}`, dest, 20, 'ENOTDIR');
  }
  if (destStat !== null) {
    if (!options.force) {
      if (options.errorOnExist) {
        throw cpError(options, 'ERR_FS_CP_EEXIST', `${dest} already exists`, dest, 17, 'EEXIST');
      }
      return;
    }
    if (srcType === S_IFLNK || (destStat[1] & S_IFMT) === S_IFLNK) yield ['unlink', dest];
  }
  if (srcType === S_IFLNK) {
    let target = yield ['readlink', src];
    if (!options.verbatimSymlinks && !pathModule.isAbsolute(target)) {
      target = pathModule.resolve(pathModule.dirname(src), target);
    }
    yield ['symlink', target, dest];
    return;
  }
  yield ['copyFile', src, dest, options.force ? 0 : COPYFILE_EXCL];
  if (options.preserveTimestamps) {
    const ms = (i) => srcStat[i] + srcStat[i + 1] / 1e9;
    yield ['utimes', dest, ms(10), ms(12)];
  }
}

module.exports = {
  cp,
  isDirectoryMode,
  readFile,
  readdirRecursive,
  readv,
  realpath,
  rm,
  truncate,
  writeFile,
  writev,
};
