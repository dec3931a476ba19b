'use strict';
// internal/fs/tasks: the fs operations that take several binding calls, each written once
// as a step generator (see internal/fs/steps) and run by fs.xSync, fs.x and fsPromises.x
// alike: readFile, writeFile/appendFile, truncate, rm, cp, recursive readdir, realpath.

const pathModule = require('path');
const { codes } = require('internal/errors');
const { ERR_FS_EISDIR } = codes;
const { validateBoolean, validateFunction, validateObject } = require('internal/validators');
const {
  constants: { S_IFMT, S_IFDIR, S_IFLNK, COPYFILE_EXCL },
  decodeData,
  encodeName,
  getDirent,
  getOptions,
  getValidatedFd,
  getValidatedPath,
  parseMode,
  stringToFlags,
  toWritableBytes,
  validateRmOptions,
} = require('internal/fs/utils');

const kReadChunk = 512 * 1024;

function isFd(value) {
  return value === (value | 0);
}

/** readFile(path | fd, options) → Buffer or string. */
function* readFile(path, options) {
  options = getOptions(options, { __proto__: null, flag: 'r' });
  const { encoding } = options;
  if (!isFd(path)) {
    path = getValidatedPath(path);
    const flags = stringToFlags(options.flag);
    if (encoding === 'utf8' || encoding === 'utf-8') {
      return yield ['readFileUtf8', path, flags];
    }
    return decodeData(yield ['readFile', path, flags], encoding);
  }
  const fd = getValidatedFd(path);
  const chunks = [];
  let total = 0;
  for (;;) {
    const chunk = yield ['readChunk', fd, kReadChunk, -1];
    if (chunk.length === 0) break;
    chunks.push(chunk);
    total += chunk.length;
  }
  return decodeData(Buffer.concat(chunks, total), encoding);
}

/** writeFile/appendFile(path | fd, data, options); `flag` defaults to `defaultFlag`. */
function* writeFile(path, data, options, defaultFlag = 'w') {
  options = getOptions(options, { __proto__: null, encoding: 'utf8', mode: 0o666, flag: defaultFlag });
  const bytes = toWritableBytes(data, options.encoding);
  if (isFd(path)) {
    yield ['writeAll', getValidatedFd(path), bytes, -1];
    return;
  }
  path = getValidatedPath(path);
  const flags = stringToFlags(options.flag);
  yield ['writeFile', path, bytes, flags, parseMode(options.mode, 'mode', 0o666)];
}

/** truncate(path, len): opened 'r+' and ftruncated, as Node does. */
function* truncate(path, len = 0) {
  if (isFd(path)) {
    yield ['ftruncate', getValidatedFd(path), Math.max(0, len)];
    return;
  }
  path = getValidatedPath(path);
  const { validateInteger } = require('internal/validators');
  validateInteger(len, 'len');
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

/** Whether `path` is a directory, following links; false if it can't be stat'ed. */
function* isDirectoryFollowing(path) {
  try {
    return isDirectoryMode((yield ['stat', path, false])[1]);
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
        const dirent = getDirent(dir, encodeName(names[j], encoding), types[j]);
        results.push(dirent);
        if (dirent.isDirectory()) queue.push(pathModule.join(dir, names[j]));
      }
    } else {
      const names = yield ['readdir', dir, false];
      for (const name of names) {
        const full = pathModule.join(dir, name);
        results.push(encodeName(pathModule.relative(basePath, full), encoding));
        if (yield* isDirectoryFollowing(full)) queue.push(full);
      }
    }
  }
  return results;
}

/** realpath(path): realpath(3), with the error Node's JS realpath reports (the lstat of
 *  the first component that fails). */
function* realpath(path, options) {
  const { encoding } = getOptions(options);
  path = getValidatedPath(path);
  try {
    return encodeName(yield ['realpath', path], encoding);
  } catch (err) {
    const absolute = pathModule.resolve(path);
    let current = '/';
    for (const part of absolute.split('/').filter(Boolean)) {
      current = pathModule.join(current, part);
      yield ['lstat', current, false];
    }
    throw err;
  }
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
  realpath,
  rm,
  truncate,
  writeFile,
};
