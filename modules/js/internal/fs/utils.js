'use strict';
// internal/fs/utils: what every fs entry point shares — fs.constants (Linux values), flag
// strings ('r', 'w+', 'ax', …) to open(2) flags, path/fd/mode/option validation with Node's
// messages, the Stats/BigIntStats and Dirent classes built from the binding's raw results,
// and the Buffer/encoding conversions of file data.

const {
  codes: {
    ERR_INVALID_ARG_TYPE,
    ERR_INVALID_ARG_VALUE,
    ERR_OUT_OF_RANGE,
  },
  hideStackFrames,
} = require('internal/errors');
const {
  isUint32,
  normalizeEncoding,
  parseFileMode,
  validateFunction,
  validateInt32,
  validateEncoding,
  validateInteger,
  validateObject,
} = require('internal/validators');
const { isURL, fileURLToPath } = require('internal/url');

const constants = Object.freeze({
  __proto__: null,
  UV_FS_SYMLINK_DIR: 1, UV_FS_SYMLINK_JUNCTION: 2,
  O_RDONLY: 0, O_WRONLY: 1, O_RDWR: 2,
  UV_DIRENT_UNKNOWN: 0, UV_DIRENT_FILE: 1, UV_DIRENT_DIR: 2, UV_DIRENT_LINK: 3,
  UV_DIRENT_FIFO: 4, UV_DIRENT_SOCKET: 5, UV_DIRENT_CHAR: 6, UV_DIRENT_BLOCK: 7,
  S_IFMT: 61440, S_IFREG: 32768, S_IFDIR: 16384, S_IFCHR: 8192, S_IFBLK: 24576,
  S_IFIFO: 4096, S_IFLNK: 40960, S_IFSOCK: 49152,
  O_CREAT: 64, O_EXCL: 128, UV_FS_O_FILEMAP: 0, O_NOCTTY: 256, O_TRUNC: 512,
  O_APPEND: 1024, O_DIRECTORY: 65536, O_NOATIME: 262144, O_NOFOLLOW: 131072,
  O_SYNC: 1052672, O_DSYNC: 4096, O_DIRECT: 16384, O_NONBLOCK: 2048,
  S_IRWXU: 448, S_IRUSR: 256, S_IWUSR: 128, S_IXUSR: 64, S_IRWXG: 56, S_IRGRP: 32,
  S_IWGRP: 16, S_IXGRP: 8, S_IRWXO: 7, S_IROTH: 4, S_IWOTH: 2, S_IXOTH: 1,
  F_OK: 0, R_OK: 4, W_OK: 2, X_OK: 1,
  UV_FS_COPYFILE_EXCL: 1, COPYFILE_EXCL: 1,
  UV_FS_COPYFILE_FICLONE: 2, COPYFILE_FICLONE: 2,
  UV_FS_COPYFILE_FICLONE_FORCE: 4, COPYFILE_FICLONE_FORCE: 4,
});

const {
  O_RDONLY, O_WRONLY, O_RDWR, O_CREAT, O_EXCL, O_TRUNC, O_APPEND, O_SYNC,
  S_IFMT, S_IFREG, S_IFDIR, S_IFCHR, S_IFBLK, S_IFIFO, S_IFLNK, S_IFSOCK,
  UV_DIRENT_FILE, UV_DIRENT_DIR, UV_DIRENT_LINK, UV_DIRENT_FIFO, UV_DIRENT_SOCKET,
  UV_DIRENT_CHAR, UV_DIRENT_BLOCK, F_OK, X_OK,
  COPYFILE_EXCL, COPYFILE_FICLONE, COPYFILE_FICLONE_FORCE,
} = constants;

const flagTable = {
  __proto__: null,
  'r': O_RDONLY,
  'rs': O_RDONLY | O_SYNC, 'sr': O_RDONLY | O_SYNC,
  'r+': O_RDWR,
  'rs+': O_RDWR | O_SYNC, 'sr+': O_RDWR | O_SYNC,
  'w': O_TRUNC | O_CREAT | O_WRONLY,
  'wx': O_TRUNC | O_CREAT | O_WRONLY | O_EXCL, 'xw': O_TRUNC | O_CREAT | O_WRONLY | O_EXCL,
  'w+': O_TRUNC | O_CREAT | O_RDWR,
  'wx+': O_TRUNC | O_CREAT | O_RDWR | O_EXCL, 'xw+': O_TRUNC | O_CREAT | O_RDWR | O_EXCL,
  'a': O_APPEND | O_CREAT | O_WRONLY,
  'ax': O_APPEND | O_CREAT | O_WRONLY | O_EXCL, 'xa': O_APPEND | O_CREAT | O_WRONLY | O_EXCL,
  'as': O_APPEND | O_CREAT | O_WRONLY | O_SYNC, 'sa': O_APPEND | O_CREAT | O_WRONLY | O_SYNC,
  'a+': O_APPEND | O_CREAT | O_RDWR,
  'ax+': O_APPEND | O_CREAT | O_RDWR | O_EXCL, 'xa+': O_APPEND | O_CREAT | O_RDWR | O_EXCL,
  'as+': O_APPEND | O_CREAT | O_RDWR | O_SYNC, 'sa+': O_APPEND | O_CREAT | O_RDWR | O_SYNC,
};

/** open(2) flags from a flag string ('r', 'w+', …) or a number; `undefined` is 'r'. */
function stringToFlags(flags, name = 'flags') {
  if (typeof flags === 'number') {
    validateInt32(flags, name);
    return flags;
  }
  if (flags == null) return O_RDONLY;
  const value = flagTable[flags];
  if (value === undefined) throw new ERR_INVALID_ARG_VALUE(name, flags);
  return value;
}

/** A path argument as a string: strings, Buffers/Uint8Arrays and file: URLs. */
const getValidatedPath = hideStackFrames((fileURLOrPath, name = 'path') => {
  const path = isURL(fileURLOrPath) ? fileURLToPath(fileURLOrPath) : fileURLOrPath;
  let text;
  if (typeof path === 'string') {
    text = path;
  } else if (path instanceof Uint8Array) {
    text = Buffer.from(path.buffer, path.byteOffset, path.byteLength).toString('utf8');
  } else {
    throw new ERR_INVALID_ARG_TYPE(name, ['string', 'Buffer', 'URL'], path);
  }
  if (text.includes('\u0000')) {
    throw new ERR_INVALID_ARG_VALUE(name, path,
                                    'must be a string, Uint8Array, or URL without null bytes');
  }
  return text;
});

/** A descriptor argument (a non-negative int32). */
const getValidatedFd = hideStackFrames((fd, name = 'fd') => {
  if (Object.is(fd, -0)) return 0;
  validateInt32(fd, name, 0);
  return fd;
});

/** `options` as an object with Node's defaults; a string is `{ encoding }`. */
function getOptions(options, defaultOptions = { __proto__: null }) {
  if (options == null || typeof options === 'function') return defaultOptions;
  if (typeof options === 'string') {
    options = { ...defaultOptions, encoding: options };
  } else if (typeof options !== 'object') {
    throw new ERR_INVALID_ARG_TYPE('options', ['string', 'Object'], options);
  } else {
    options = { ...defaultOptions, ...options };
  }
  if (options.encoding !== 'buffer') assertEncoding(options.encoding);
  if (options.signal !== undefined) {
    require('internal/validators').validateAbortSignal(options.signal, 'options.signal');
  }
  return options;
}

/** Throws Node's error for an unknown encoding name. */
function assertEncoding(encoding) {
  if (encoding && normalizeEncoding(encoding) === undefined) {
    throw new ERR_INVALID_ARG_VALUE('encoding', encoding, 'is invalid encoding');
  }
}

/** The callback argument, or Node's `ERR_INVALID_ARG_TYPE` naming "cb". */
function makeCallback(cb) {
  validateFunction(cb, 'cb');
  return cb;
}

/** A Buffer over the bytes of a Uint8Array the binding returned (no copy). */
function toBuffer(bytes) {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/** File data decoded with `encoding`, or as a Buffer when there is none. */
function decodeData(bytes, encoding) {
  const buffer = toBuffer(bytes);
  if (!encoding || encoding === 'buffer') return buffer;
  return buffer.toString(encoding);
}

/** A name from the binding, as the caller's encoding asked ('buffer' gives a Buffer). */
function encodeName(name, encoding) {
  if (encoding === 'buffer') return Buffer.from(name);
  if (!encoding || normalizeEncoding(encoding) === 'utf8') return name;
  return Buffer.from(name).toString(encoding);
}

/** A Uint8Array over the bytes of any ArrayBufferView (no copy). */
function bytesOf(view) {
  return view instanceof Uint8Array ? view :
    new Uint8Array(view.buffer, view.byteOffset, view.byteLength);
}

/** write's arguments, as fs.write, fs.writeSync and FileHandle.write take them:
 *  (buffer, offset?, length?, position?), (buffer, options?) or (string, position?,
 *  encoding?) → [bytes to write, position (-1: the current offset)]. */
function getWriteArgs(buffer, offsetOrOptions, length, position) {
  let offset = offsetOrOptions;
  if (ArrayBuffer.isView(buffer)) {
    if (typeof offset === 'object') {
      ({
        offset = 0,
        length = buffer.byteLength - offset,
        position = null,
      } = offsetOrOptions ?? {});
    }
    if (offset == null || typeof offset === 'function') offset = 0;
    else validateInteger(offset, 'offset', 0);
    if (typeof length !== 'number') length = buffer.byteLength - offset;
    if (typeof position !== 'number') position = null;
    validateOffsetLengthWrite(offset, length, buffer.byteLength);
    return [bytesOf(buffer).subarray(offset, offset + length), position ?? -1];
  }
  validateStringAfterArrayBufferView(buffer, 'buffer');
  const encoding = typeof length === 'string' ? length : 'utf8';
  validateEncoding(buffer, encoding);
  const bytes = Buffer.from(buffer, Buffer.isEncoding(encoding) ? encoding : 'utf8');
  return [bytes, typeof offset === 'number' ? offset : -1];
}

/** A mode argument (number or octal string) with a default. */
function parseMode(mode, name, def) {
  return parseFileMode(mode, name, def);
}

/** A time argument (Date, seconds as number, or numeric string) as seconds. */
function toUnixTimestamp(time, name = 'time') {
  if (typeof time === 'string' && +time == time) return +time;
  if (Number.isFinite(time)) return time < 0 ? Date.now() / 1000 : time;
  if (time instanceof Date) return time.getTime() / 1000;
  throw new ERR_INVALID_ARG_TYPE(name, ['Date', 'Time in seconds'], time);
}

/** uid/gid: -1 (unchanged) or an unsigned 32-bit id. */
function validateId(id, name) {
  validateInteger(id, name, -1, 0xFFFFFFFF);
}

/** copyFile's mode: a combination of the COPYFILE_* flags. */
function getValidMode(mode, kind) {
  if (kind === 'copyFile') {
    const max = COPYFILE_EXCL | COPYFILE_FICLONE | COPYFILE_FICLONE_FORCE;
    if (mode == null) return 0;
    validateInteger(mode, 'mode', 0, max);
    return mode;
  }
  // access
  if (mode == null) return F_OK;
  validateInteger(mode, 'mode', F_OK, F_OK | 4 | 2 | X_OK);
  return mode;
}

/** `offset`/`length`/buffer checks shared by read and write. */
function validateOffsetLengthRead(offset, length, bufferLength) {
  if (offset < 0) throw new ERR_OUT_OF_RANGE('offset', '>= 0', offset);
  if (length < 0) throw new ERR_OUT_OF_RANGE('length', '>= 0', length);
  if (offset + length > bufferLength) {
    throw new ERR_OUT_OF_RANGE('length', `<= ${bufferLength - offset}`, length);
  }
}

function validateOffsetLengthWrite(offset, length, byteLength) {
  if (offset > byteLength) throw new ERR_OUT_OF_RANGE('offset', `<= ${byteLength}`, offset);
  if (length > byteLength - offset) {
    throw new ERR_OUT_OF_RANGE('length', `<= ${byteLength - offset}`, length);
  }
  if (length < 0) throw new ERR_OUT_OF_RANGE('length', '>= 0', length);
  validateInt32(length, 'length', 0);
}

/** A read/write position (null/undefined → -1, the current offset; bigint → number);
 *  a bigint must leave room for `length` bytes below 2^63. */
function validatePosition(position, name = 'position', length = 0) {
  if (position == null) return -1;
  if (typeof position === 'number') {
    validateInteger(position, name, -1);
    return position;
  }
  if (typeof position === 'bigint') {
    const maxPosition = 2n ** 63n - 1n - BigInt(length);
    if (!(position >= -1n && position <= maxPosition)) {
      throw new ERR_OUT_OF_RANGE(name, `>= -1 && <= ${maxPosition}`, position);
    }
    return Number(position);
  }
  throw new ERR_INVALID_ARG_TYPE(name, ['integer', 'bigint'], position);
}

/** readv/writev's buffers: an array of ArrayBufferViews. */
const validateBufferArray = hideStackFrames((buffers, name = 'buffers') => {
  if (!Array.isArray(buffers) || !buffers.every((buffer) => ArrayBuffer.isView(buffer))) {
    throw new ERR_INVALID_ARG_TYPE(name, 'ArrayBufferView[]', buffers);
  }
  return buffers;
});

/** Data that is not an ArrayBufferView must be a string. */
const validateStringAfterArrayBufferView = hideStackFrames((buffer, name) => {
  if (typeof buffer !== 'string') {
    throw new ERR_INVALID_ARG_TYPE(name, ['string', 'Buffer', 'TypedArray', 'DataView'], buffer);
  }
});

let warnedNonPortableTemplate = false;

/** mkdtemp's once-per-process warning for a template ending in 'X'. */
function warnOnNonPortableTemplate(template) {
  if (warnedNonPortableTemplate) return;
  const endsWithX = typeof template === 'string' ?
    template.endsWith('X') : template[template.length - 1] === 0x58;
  if (endsWithX) {
    warnedNonPortableTemplate = true;
    process.emitWarning('mkdtemp() templates ending with X are not portable. ' +
                        'For details see: https://nodejs.org/api/fs.html');
  }
}

// ---------------------------------------------------------------------------
// Stats

function dateFromMs(ms) {
  return new Date(Math.round(Number(ms)));
}

/** Shared by Stats and BigIntStats: the fields and the file-type tests on `mode`. Node's
 *  Stats classes are plain constructor functions (fs.Stats can be called without `new`). */
function StatsBase(dev, mode, nlink, uid, gid, rdev, blksize, ino, size, blocks) {
  this.dev = dev;
  this.mode = mode;
  this.nlink = nlink;
  this.uid = uid;
  this.gid = gid;
  this.rdev = rdev;
  this.blksize = blksize;
  this.ino = ino;
  this.size = size;
  this.blocks = blocks;
}

StatsBase.prototype.isDirectory = function() { return this._checkModeProperty(S_IFDIR); };
StatsBase.prototype.isFile = function() { return this._checkModeProperty(S_IFREG); };
StatsBase.prototype.isBlockDevice = function() { return this._checkModeProperty(S_IFBLK); };
StatsBase.prototype.isCharacterDevice = function() { return this._checkModeProperty(S_IFCHR); };
StatsBase.prototype.isSymbolicLink = function() { return this._checkModeProperty(S_IFLNK); };
StatsBase.prototype.isFIFO = function() { return this._checkModeProperty(S_IFIFO); };
StatsBase.prototype.isSocket = function() { return this._checkModeProperty(S_IFSOCK); };

/** fs.Stats: times as milliseconds, with lazily made Dates (atime, mtime, …). */
function Stats(dev, mode, nlink, uid, gid, rdev, blksize, ino, size, blocks,
               atimeMs, mtimeMs, ctimeMs, birthtimeMs) {
  StatsBase.call(this, dev, mode, nlink, uid, gid, rdev, blksize, ino, size, blocks);
  this.atimeMs = atimeMs;
  this.mtimeMs = mtimeMs;
  this.ctimeMs = ctimeMs;
  this.birthtimeMs = birthtimeMs;
}
Object.setPrototypeOf(Stats.prototype, StatsBase.prototype);
Object.setPrototypeOf(Stats, StatsBase);

Stats.prototype._checkModeProperty = function(property) {
  return (this.mode & S_IFMT) === property;
};

/** fs.BigIntStats: every field a bigint, plus nanosecond times (`atimeNs`, …). */
function BigIntStats(dev, mode, nlink, uid, gid, rdev, blksize, ino, size, blocks,
                     atimeNs, mtimeNs, ctimeNs, birthtimeNs) {
  StatsBase.call(this, dev, mode, nlink, uid, gid, rdev, blksize, ino, size, blocks);
  this.atimeMs = atimeNs / 1000000n;
  this.mtimeMs = mtimeNs / 1000000n;
  this.ctimeMs = ctimeNs / 1000000n;
  this.birthtimeMs = birthtimeNs / 1000000n;
  this.atimeNs = atimeNs;
  this.mtimeNs = mtimeNs;
  this.ctimeNs = ctimeNs;
  this.birthtimeNs = birthtimeNs;
}
Object.setPrototypeOf(BigIntStats.prototype, StatsBase.prototype);
Object.setPrototypeOf(BigIntStats, StatsBase);

BigIntStats.prototype._checkModeProperty = function(property) {
  return (this.mode & BigInt(S_IFMT)) === BigInt(property);
};

// `atime`, `mtime`, `ctime`, `birthtime`: Dates made on first use, assignable.
for (const name of ['atime', 'mtime', 'ctime', 'birthtime']) {
  const cache = Symbol(name);
  const descriptor = {
    __proto__: null,
    enumerable: true,
    configurable: true,
    get() {
      return this[cache] ??= dateFromMs(this[`${name}Ms`]);
    },
    set(value) {
      Object.defineProperty(this, name, {
        __proto__: null, value, writable: true, enumerable: true, configurable: true,
      });
    },
  };
  Object.defineProperty(Stats.prototype, name, descriptor);
  Object.defineProperty(BigIntStats.prototype, name, descriptor);
}

/** Stats from the binding's 18 numbers (or BigInts). */
function getStatsFromBinding(raw) {
  if (typeof raw[0] === 'bigint') {
    const ns = (i) => raw[i] * 1000000000n + raw[i + 1];
    return new BigIntStats(raw[0], raw[1], raw[2], raw[3], raw[4], raw[5], raw[6], raw[7],
                           raw[8], raw[9], ns(10), ns(12), ns(14), ns(16));
  }
  const ms = (i) => raw[i] * 1e3 + raw[i + 1] / 1e6;
  return new Stats(raw[0], raw[1], raw[2], raw[3], raw[4], raw[5], raw[6], raw[7],
                   raw[8], raw[9], ms(10), ms(12), ms(14), ms(16));
}

/** fs.statfs's result: the file system's block and inode counts. */
class StatFs {
  constructor(type, bsize, blocks, bfree, bavail, files, ffree) {
    this.type = type;
    this.bsize = bsize;
    this.blocks = blocks;
    this.bfree = bfree;
    this.bavail = bavail;
    this.files = files;
    this.ffree = ffree;
  }
}

/** StatFs from the binding's 7 numbers (or BigInts). */
function getStatFsFromBinding(raw) {
  return new StatFs(raw[0], raw[1], raw[2], raw[3], raw[4], raw[5], raw[6]);
}

// ---------------------------------------------------------------------------
// Dirent

const kType = Symbol('type');

/** fs.Dirent: one directory entry, its type as readdir saw it. */
class Dirent {
  constructor(name, type, path) {
    this.name = name;
    this.parentPath = path;
    this[kType] = type;
  }

  isDirectory() { return this[kType] === UV_DIRENT_DIR; }
  isFile() { return this[kType] === UV_DIRENT_FILE; }
  isBlockDevice() { return this[kType] === UV_DIRENT_BLOCK; }
  isCharacterDevice() { return this[kType] === UV_DIRENT_CHAR; }
  isSymbolicLink() { return this[kType] === UV_DIRENT_LINK; }
  isFIFO() { return this[kType] === UV_DIRENT_FIFO; }
  isSocket() { return this[kType] === UV_DIRENT_SOCKET; }
}

/** A Dirent whose type readdir could not tell is resolved with lstat. */
function getDirent(path, name, type, lstatSync) {
  if (type === 0 && lstatSync) {
    const stats = lstatSync(require('path').join(path, `${name}`));
    type = direntTypeOfStats(stats);
  }
  return new Dirent(name, type, path);
}

/** The UV_DIRENT_* code of a Stats. */
function direntTypeOfStats(stats) {
  if (stats.isFile()) return UV_DIRENT_FILE;
  if (stats.isDirectory()) return UV_DIRENT_DIR;
  if (stats.isSymbolicLink()) return UV_DIRENT_LINK;
  if (stats.isFIFO()) return UV_DIRENT_FIFO;
  if (stats.isSocket()) return UV_DIRENT_SOCKET;
  if (stats.isCharacterDevice()) return UV_DIRENT_CHAR;
  if (stats.isBlockDevice()) return UV_DIRENT_BLOCK;
  return 0;
}

/** Validates rm's options: { force, maxRetries, recursive, retryDelay }. */
function validateRmOptions(options) {
  if (options === undefined) return { force: false, recursive: false, maxRetries: 0, retryDelay: 100 };
  validateObject(options, 'options');
  const { force = false, recursive = false, maxRetries = 0, retryDelay = 100 } = options;
  require('internal/validators').validateBoolean(force, 'options.force');
  require('internal/validators').validateBoolean(recursive, 'options.recursive');
  validateInt32(maxRetries, 'options.maxRetries', 0);
  validateInt32(retryDelay, 'options.retryDelay', 0);
  return { force, recursive, maxRetries, retryDelay };
}

module.exports = {
  BigIntStats,
  Dirent,
  StatFs,
  Stats,
  assertEncoding,
  bytesOf,
  constants,
  decodeData,
  direntTypeOfStats,
  encodeName,
  getDirent,
  getOptions,
  getStatFsFromBinding,
  getStatsFromBinding,
  getValidMode,
  getValidatedFd,
  getValidatedPath,
  getWriteArgs,
  isUint32,
  kType,
  makeCallback,
  parseMode,
  stringToFlags,
  toBuffer,
  toUnixTimestamp,
  validateBufferArray,
  validateId,
  validateOffsetLengthRead,
  validateOffsetLengthWrite,
  validatePosition,
  validateRmOptions,
  validateStringAfterArrayBufferView,
  warnOnNonPortableTemplate,
};
