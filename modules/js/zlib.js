'use strict';
// node:zlib: deflate/inflate/gzip/gunzip/raw/unzip, brotli and zstd as Transform streams,
// with Node's one-shot helpers (callback and Sync), options, errors and constants. The codecs
// are io::compress's, reached through a handle (internal/zlib/handle) with Node's native
// handle contract, so output chunking, `bytesWritten`, flush semantics and backpressure follow
// Node's zlib.js step for step. Stream writes run on the blocking pool; Sync forms run here.

const { Buffer, kMaxLength } = require('buffer');
const { Transform, finished } = require('stream');
const {
  codes: {
    ERR_BROTLI_INVALID_PARAM, ERR_BUFFER_TOO_LARGE, ERR_INVALID_ARG_TYPE, ERR_OUT_OF_RANGE,
    ERR_TRAILING_JUNK_AFTER_STREAM_END, ERR_ZSTD_INVALID_PARAM,
  },
  genericNodeError,
} = require('internal/errors');
const { isArrayBufferView, isAnyArrayBuffer, isUint8Array } = require('internal/util/types');
const { validateFunction, validateNumber, validateUint32 } = require('internal/validators');
const constants = require('internal/zlib/constants');
const { ZlibHandle, crc32: crc32Native } = require('internal/zlib/handle');

const {
  Z_NO_FLUSH, Z_BLOCK, Z_PARTIAL_FLUSH, Z_SYNC_FLUSH, Z_FULL_FLUSH, Z_FINISH,
  Z_MIN_CHUNK, Z_MIN_WINDOWBITS, Z_MAX_WINDOWBITS, Z_MIN_LEVEL, Z_MAX_LEVEL,
  Z_MIN_MEMLEVEL, Z_MAX_MEMLEVEL, Z_DEFAULT_CHUNK, Z_DEFAULT_COMPRESSION,
  Z_DEFAULT_STRATEGY, Z_DEFAULT_WINDOWBITS, Z_DEFAULT_MEMLEVEL, Z_FIXED,
  DEFLATE, DEFLATERAW, INFLATE, INFLATERAW, GZIP, GUNZIP, UNZIP,
  BROTLI_DECODE, BROTLI_ENCODE, ZSTD_COMPRESS, ZSTD_DECOMPRESS,
  BROTLI_OPERATION_PROCESS, BROTLI_OPERATION_FLUSH, BROTLI_OPERATION_FINISH,
  BROTLI_OPERATION_EMIT_METADATA,
  ZSTD_e_continue, ZSTD_e_flush, ZSTD_e_end,
} = constants;

const kFlushFlag = Symbol('kFlushFlag');
const kError = Symbol('kError');
const kOwner = Symbol('owner');

const codes = {
  Z_OK: constants.Z_OK,
  Z_STREAM_END: constants.Z_STREAM_END,
  Z_NEED_DICT: constants.Z_NEED_DICT,
  Z_ERRNO: constants.Z_ERRNO,
  Z_STREAM_ERROR: constants.Z_STREAM_ERROR,
  Z_DATA_ERROR: constants.Z_DATA_ERROR,
  Z_MEM_ERROR: constants.Z_MEM_ERROR,
  Z_BUF_ERROR: constants.Z_BUF_ERROR,
  Z_VERSION_ERROR: constants.Z_VERSION_ERROR,
};
for (const name of Object.keys(codes)) codes[codes[name]] = name;

// --- option checks, with Node's messages ---------------------------------------------------

// false for "not given" (undefined or NaN), true for a finite number; throws otherwise.
function isGivenFinite(value, name) {
  if (value === undefined) return false;
  if (Number.isFinite(value)) return true;
  if (Number.isNaN(value)) return false;
  validateNumber(value, name);
  throw new ERR_OUT_OF_RANGE(name, 'a finite number', value);
}

function rangeOrDefault(value, name, lower, upper, fallback) {
  if (!isGivenFinite(value, name)) return fallback;
  if (value < lower || value > upper) {
    throw new ERR_OUT_OF_RANGE(name, `>= ${lower} and <= ${upper}`, value);
  }
  return value;
}

function toDictionary(dictionary) {
  if (dictionary === undefined || isArrayBufferView(dictionary)) return dictionary;
  if (isAnyArrayBuffer(dictionary)) return Buffer.from(dictionary);
  throw new ERR_INVALID_ARG_TYPE('options.dictionary',
                                 ['Buffer', 'TypedArray', 'DataView', 'ArrayBuffer'], dictionary);
}

// DEP0184: the classes used to work without `new`.
const warnedNoNew = new Set();
function withoutNew(Ctor, opts) {
  if (!warnedNoNew.has('DEP0184') && !process.noDeprecation) {
    warnedNoNew.add('DEP0184');
    process.emitWarning(
      `Instantiating ${Ctor.name} without the 'new' keyword has been deprecated.`,
      'DeprecationWarning', 'DEP0184');
  }
  return new Ctor(opts);
}

// --- one-shot helpers ----------------------------------------------------------------------

function collectOnData(chunk) {
  if (this.buffers === null) this.buffers = [chunk];
  else this.buffers.push(chunk);
  this.nread += chunk.length;
  if (this.nread > this._maxOutputLength) {
    this.close();
    this.removeAllListeners('end');
    this.cb(new ERR_BUFFER_TOO_LARGE(this._maxOutputLength));
  }
}

function collectOnError(err) {
  this.removeAllListeners('end');
  this.cb(err);
}

function collectOnEnd() {
  let buffer;
  if (this.nread === 0) buffer = Buffer.alloc(0);
  else if (this.buffers.length === 1) buffer = this.buffers[0];
  else buffer = Buffer.concat(this.buffers, this.nread);
  this.close();
  this.cb(null, this._info ? { buffer, engine: this } : buffer);
}

function runAsync(engine, buffer, callback) {
  validateFunction(callback, 'callback');
  // The stream takes Uint8Arrays; other views and ArrayBuffers are wrapped without a copy.
  if (isArrayBufferView(buffer) && !isUint8Array(buffer)) {
    buffer = Buffer.from(buffer.buffer, buffer.byteOffset, buffer.byteLength);
  } else if (isAnyArrayBuffer(buffer)) {
    buffer = Buffer.from(buffer);
  }
  engine.buffers = null;
  engine.nread = 0;
  engine.cb = callback;
  engine.on('data', collectOnData);
  engine.on('error', collectOnError);
  engine.on('end', collectOnEnd);
  engine.end(buffer);
}

function runSync(engine, buffer) {
  if (typeof buffer === 'string') {
    buffer = Buffer.from(buffer);
  } else if (!isArrayBufferView(buffer)) {
    if (!isAnyArrayBuffer(buffer)) {
      throw new ERR_INVALID_ARG_TYPE('buffer',
                                     ['string', 'Buffer', 'TypedArray', 'DataView', 'ArrayBuffer'],
                                     buffer);
    }
    buffer = Buffer.from(buffer);
  }
  const result = processChunkSync(engine, buffer, engine._finishFlushFlag);
  return engine._info ? { buffer: result, engine } : result;
}

// A codec fault: the stream is destroyed with Node's error (zlib's message, errno, code).
function onHandleError(message, errno, code) {
  const self = this[kOwner];
  const error = genericNodeError(message, { errno, code });
  error.errno = errno;
  error.code = code;
  self.destroy(error);
  self[kError] = error;
}

// --- the stream base ------------------------------------------------------------------------

// Valid flush values per family: zlib's Z_*, brotli's operations, zstd's end directives.
const FLUSH_RANGE = {
  zlib: [Z_NO_FLUSH, Z_BLOCK],
  brotli: [BROTLI_OPERATION_PROCESS, BROTLI_OPERATION_EMIT_METADATA],
  zstd: [ZSTD_e_continue, ZSTD_e_end],
};

function familyOf(mode) {
  if (mode === BROTLI_ENCODE || mode === BROTLI_DECODE) return 'brotli';
  if (mode === ZSTD_COMPRESS || mode === ZSTD_DECOMPRESS) return 'zstd';
  return 'zlib';
}

function ZlibBase(opts, mode, handle, { flush, finishFlush, fullFlush }) {
  let chunkSize = Z_DEFAULT_CHUNK;
  let maxOutputLength = kMaxLength;
  const [flushMin, flushMax] = FLUSH_RANGE[familyOf(mode)];
  if (opts) {
    chunkSize = opts.chunkSize;
    if (!isGivenFinite(chunkSize, 'options.chunkSize')) {
      chunkSize = Z_DEFAULT_CHUNK;
    } else if (chunkSize < Z_MIN_CHUNK) {
      throw new ERR_OUT_OF_RANGE('options.chunkSize', `>= ${Z_MIN_CHUNK}`, chunkSize);
    }
    flush = rangeOrDefault(opts.flush, 'options.flush', flushMin, flushMax, flush);
    finishFlush = rangeOrDefault(opts.finishFlush, 'options.finishFlush', flushMin, flushMax,
                                 finishFlush);
    maxOutputLength = rangeOrDefault(opts.maxOutputLength, 'options.maxOutputLength',
                                     1, kMaxLength, kMaxLength);
    // Compressed data is bytes: a string encoding or object mode would corrupt it.
    if (opts.encoding || opts.objectMode || opts.writableObjectMode) {
      opts = { ...opts, encoding: null, objectMode: false, writableObjectMode: false };
    }
  }
  Transform.call(this, { autoDestroy: true, ...opts });
  this[kError] = null;
  this.bytesWritten = 0;
  this._handle = handle;
  handle[kOwner] = this;
  handle.onerror = onHandleError;
  this._outBuffer = Buffer.allocUnsafe(chunkSize);
  this._outOffset = 0;
  this._chunkSize = chunkSize;
  this._defaultFlushFlag = flush;
  this._finishFlushFlag = finishFlush;
  this._defaultFullFlushFlag = fullFlush;
  this._info = opts?.info;
  this._maxOutputLength = maxOutputLength;
  this._rejectGarbageAfterEnd = opts?.rejectGarbageAfterEnd === true;
}
Object.setPrototypeOf(ZlibBase.prototype, Transform.prototype);
Object.setPrototypeOf(ZlibBase, Transform);

Object.defineProperty(ZlibBase.prototype, '_closed', {
  configurable: true,
  enumerable: true,
  get() { return !this._handle; },
});

ZlibBase.prototype.reset = function reset() {
  if (!this._handle) throw new Error('zlib binding closed');
  return this._handle.reset();
};

// The end of input: one last (empty) write carrying the finish flush.
ZlibBase.prototype._flush = function _flush(callback) {
  this._transform(Buffer.alloc(0), '', callback);
};

// Transform's own _final would run _flush early; the last _transform call does it here.
ZlibBase.prototype._final = function _final(callback) {
  callback();
};

// Flush strengths in zlib's order, to pick the stronger of two.
const flushOrder = [];
[Z_NO_FLUSH, Z_BLOCK, Z_PARTIAL_FLUSH, Z_SYNC_FLUSH, Z_FULL_FLUSH, Z_FINISH]
  .forEach((flag, i) => { flushOrder[flag] = i; });
function strongerFlush(a, b) {
  return flushOrder[a] > flushOrder[b] ? a : b;
}

// An empty buffer per flush kind: written through the stream so a flush queues behind data.
const flushMarkers = [];
for (const flag of [Z_NO_FLUSH, Z_BLOCK, Z_PARTIAL_FLUSH, Z_SYNC_FLUSH, Z_FULL_FLUSH, Z_FINISH]) {
  flushMarkers[flag] = Buffer.from(new ArrayBuffer(0));
  flushMarkers[flag][kFlushFlag] = flag;
}

ZlibBase.prototype.flush = function flush(kind, callback) {
  if (typeof kind === 'function' || (kind === undefined && !callback)) {
    callback = kind;
    kind = this._defaultFullFlushFlag;
  }
  if (this.writableFinished) {
    if (callback) process.nextTick(callback);
  } else if (this.writableEnded) {
    if (callback) this.once('end', callback);
  } else {
    this.write(flushMarkers[kind], '', callback);
  }
};

ZlibBase.prototype.close = function close(callback) {
  if (callback) finished(this, callback);
  this.destroy();
};

ZlibBase.prototype._destroy = function _destroy(err, callback) {
  closeHandle(this);
  callback(err);
};

ZlibBase.prototype._transform = function _transform(chunk, encoding, cb) {
  let flushFlag = this._defaultFlushFlag;
  if (typeof chunk[kFlushFlag] === 'number') flushFlag = chunk[kFlushFlag];
  // The last chunk also carries the finish flush.
  if (this.writableEnded && this.writableLength === chunk.byteLength) {
    flushFlag = strongerFlush(flushFlag, this._finishFlushFlag);
  }
  processChunk(this, chunk, flushFlag, cb);
};

// Kept for packages that call it: with a callback it is the stream path, else the sync one.
ZlibBase.prototype._processChunk = function _processChunk(chunk, flushFlag, cb) {
  if (typeof cb === 'function') return processChunk(this, chunk, flushFlag, cb);
  return processChunkSync(this, chunk, flushFlag);
};

function processChunkSync(self, chunk, flushFlag) {
  let availInBefore = chunk.byteLength;
  let availOutBefore = self._chunkSize - self._outOffset;
  let inOff = 0;
  const buffers = [];
  let nread = 0;
  let inputRead = 0;
  const state = self._writeState;
  const handle = self._handle;
  let buffer = self._outBuffer;
  let offset = self._outOffset;
  const chunkSize = self._chunkSize;

  let error;
  self.on('error', (er) => { error = er; });

  for (;;) {
    handle.writeSync(flushFlag, chunk, inOff, availInBefore, buffer, offset, availOutBefore);
    if (error) throw error;
    if (self[kError]) throw self[kError];
    const availOutAfter = state[0];
    const availInAfter = state[1];
    const inDelta = availInBefore - availInAfter;
    inputRead += inDelta;
    const have = availOutBefore - availOutAfter;
    if (have > 0) {
      buffers.push(buffer.slice(offset, offset + have));
      offset += have;
      nread += have;
      if (nread > self._maxOutputLength) {
        closeHandle(self);
        throw new ERR_BUFFER_TOO_LARGE(self._maxOutputLength);
      }
    }
    // Output room used up: the next step writes into a fresh buffer.
    if (availOutAfter === 0 || offset >= chunkSize) {
      availOutBefore = chunkSize;
      offset = 0;
      buffer = Buffer.allocUnsafe(chunkSize);
    }
    if (availOutAfter !== 0) break;
    // The codec stopped for lack of room, not of input: go on with the rest.
    inOff += inDelta;
    availInBefore = availInAfter;
  }

  self.bytesWritten = inputRead;
  closeHandle(self);
  if (nread === 0) return Buffer.alloc(0);
  return buffers.length === 1 ? buffers[0] : Buffer.concat(buffers, nread);
}

function processChunk(self, chunk, flushFlag, cb) {
  const handle = self._handle;
  if (!handle) return process.nextTick(cb);
  handle.buffer = chunk;
  handle.cb = cb;
  handle.availOutBefore = self._chunkSize - self._outOffset;
  handle.availInBefore = chunk.byteLength;
  handle.inOff = 0;
  handle.flushFlag = flushFlag;
  handle.write(flushFlag, chunk, 0, handle.availInBefore, self._outBuffer, self._outOffset,
               handle.availOutBefore);
}

// A pool write finished (`this` is the handle): push its output, continue or finish the chunk.
function processCallback() {
  const handle = this;
  const self = handle[kOwner];
  const state = self._writeState;
  if (self.destroyed) {
    handle.buffer = null;
    handle.cb();
    return;
  }
  const availOutAfter = state[0];
  const availInAfter = state[1];
  const inDelta = handle.availInBefore - availInAfter;
  self.bytesWritten += inDelta;

  const have = handle.availOutBefore - availOutAfter;
  let readableFull = false;
  if (have > 0) {
    const out = self._outBuffer.slice(self._outOffset, self._outOffset + have);
    self._outOffset += have;
    readableFull = !self.push(out);
  }
  if (self.destroyed) {
    handle.cb();
    return;
  }
  if (availOutAfter === 0 || self._outOffset >= self._chunkSize) {
    handle.availOutBefore = self._chunkSize;
    self._outOffset = 0;
    self._outBuffer = Buffer.allocUnsafe(self._chunkSize);
  }
  if (availOutAfter === 0) {
    // More output is waiting. Continue now, or once the reader asks for more.
    handle.inOff += inDelta;
    handle.availInBefore = availInAfter;
    const next = () => handle.write(handle.flushFlag, handle.buffer, handle.inOff,
                                    handle.availInBefore, self._outBuffer, self._outOffset,
                                    self._chunkSize);
    if (!readableFull) {
      next();
    } else {
      const ownRead = self._read;
      self._read = (n) => {
        self._read = ownRead;
        next();
        self._read(n);
      };
    }
    return;
  }
  if (availInAfter > 0) {
    // Output room left but input not taken: the compressed stream ended inside this chunk.
    if (self._rejectGarbageAfterEnd) {
      const err = new ERR_TRAILING_JUNK_AFTER_STREAM_END();
      self.destroy(err);
      handle.cb(err);
      return;
    }
    self.push(null);
  }
  handle.buffer = null;
  handle.cb();
}

function closeHandle(engine) {
  // close() may follow an error, which has already dropped the handle.
  engine._handle?.close();
  engine._handle = null;
}

// --- zlib-format streams --------------------------------------------------------------------

const zlibFlushDefaults = { flush: Z_NO_FLUSH, finishFlush: Z_FINISH, fullFlush: Z_FULL_FLUSH };

function Zlib(opts, mode) {
  let windowBits = Z_DEFAULT_WINDOWBITS;
  let level = Z_DEFAULT_COMPRESSION;
  let memLevel = Z_DEFAULT_MEMLEVEL;
  let strategy = Z_DEFAULT_STRATEGY;
  let dictionary;
  if (opts) {
    // Inflating, windowBits 0 (or none) means "whatever the header says".
    if ((opts.windowBits == null || opts.windowBits === 0) &&
        (mode === INFLATE || mode === GUNZIP || mode === UNZIP)) {
      windowBits = 0;
    } else {
      // gzip cannot use a 256-byte window; raw and zlib deflate round 8 up to 9.
      const min = Z_MIN_WINDOWBITS + (mode === GZIP ? 1 : 0);
      windowBits = rangeOrDefault(opts.windowBits, 'options.windowBits', min, Z_MAX_WINDOWBITS,
                                  Z_DEFAULT_WINDOWBITS);
    }
    level = rangeOrDefault(opts.level, 'options.level', Z_MIN_LEVEL, Z_MAX_LEVEL,
                           Z_DEFAULT_COMPRESSION);
    memLevel = rangeOrDefault(opts.memLevel, 'options.memLevel', Z_MIN_MEMLEVEL, Z_MAX_MEMLEVEL,
                              Z_DEFAULT_MEMLEVEL);
    strategy = rangeOrDefault(opts.strategy, 'options.strategy', Z_DEFAULT_STRATEGY, Z_FIXED,
                              Z_DEFAULT_STRATEGY);
    dictionary = toDictionary(opts.dictionary);
  }
  const handle = new ZlibHandle(mode);
  this._writeState = new Uint32Array(2);
  handle.init(windowBits, level, memLevel, strategy, this._writeState, processCallback,
              dictionary);
  ZlibBase.call(this, opts, mode, handle, zlibFlushDefaults);
  this._level = level;
  this._strategy = strategy;
  this._mode = mode;
}
Object.setPrototypeOf(Zlib.prototype, ZlibBase.prototype);
Object.setPrototypeOf(Zlib, ZlibBase);

// params() waits for a sync flush, so the change never lands while a pool write runs.
function applyParams(level, strategy, callback) {
  if (!this._handle) throw new Error('zlib binding closed');
  this._handle.params(level, strategy);
  if (!this.destroyed) {
    this._level = level;
    this._strategy = strategy;
    if (callback) callback();
  }
}

Zlib.prototype.params = function params(level, strategy, callback) {
  rangeOrDefault(level, 'level', Z_MIN_LEVEL, Z_MAX_LEVEL);
  rangeOrDefault(strategy, 'strategy', Z_DEFAULT_STRATEGY, Z_FIXED);
  if (this._level !== level || this._strategy !== strategy) {
    this.flush(Z_SYNC_FLUSH, applyParams.bind(this, level, strategy, callback));
  } else {
    process.nextTick(callback);
  }
};

function zlibClass(name, mode, adjust) {
  const Ctor = {
    [name]: function(opts) {
      if (adjust) adjust(opts);
      if (!(this instanceof Ctor)) return withoutNew(Ctor, opts);
      Zlib.call(this, opts, mode);
    },
  }[name];
  Object.setPrototypeOf(Ctor.prototype, Zlib.prototype);
  Object.setPrototypeOf(Ctor, Zlib);
  return Ctor;
}

const Deflate = zlibClass('Deflate', DEFLATE);
const Inflate = zlibClass('Inflate', INFLATE);
const Gzip = zlibClass('Gzip', GZIP);
const Gunzip = zlibClass('Gunzip', GUNZIP);
// zlib itself turns a raw window of 8 into 9; Node does it before validating.
const DeflateRaw = zlibClass('DeflateRaw', DEFLATERAW, (opts) => {
  if (opts && opts.windowBits === 8) opts.windowBits = 9;
});
const InflateRaw = zlibClass('InflateRaw', INFLATERAW);
const Unzip = zlibClass('Unzip', UNZIP);

// --- brotli and zstd ------------------------------------------------------------------------

// Parameters as Node hands them to its native side: a Uint32Array indexed by parameter id,
// 0xffffffff (-1) where unset. Unknown ids are rejected with the family's error.
function paramArray(opts, prefix, InvalidParam) {
  let max = 0;
  for (const key of Object.keys(constants)) {
    if (key.startsWith(prefix)) max = Math.max(max, constants[key]);
  }
  const array = new Uint32Array(max + 1).fill(-1);
  if (opts?.params) {
    for (const origKey of Object.keys(opts.params)) {
      const key = +origKey;
      if (Number.isNaN(key) || key < 0 || key > max || (array[key] | 0) !== -1) {
        throw new InvalidParam(origKey);
      }
      const value = opts.params[origKey];
      if (typeof value !== 'number' && typeof value !== 'boolean') {
        throw new ERR_INVALID_ARG_TYPE('options.params[key]', 'number', opts.params[origKey]);
      }
      array[key] = value;
    }
  }
  return array;
}

const brotliFlushDefaults = {
  flush: BROTLI_OPERATION_PROCESS,
  finishFlush: BROTLI_OPERATION_FINISH,
  fullFlush: BROTLI_OPERATION_FLUSH,
};

function Brotli(opts, mode) {
  const params = paramArray(opts, 'BROTLI_PARAM_', ERR_BROTLI_INVALID_PARAM);
  const dictionary = toDictionary(opts?.dictionary);
  const handle = new ZlibHandle(mode);
  this._writeState = new Uint32Array(2);
  handle.init(0, 0, 0, 0, this._writeState, processCallback, dictionary, params);
  ZlibBase.call(this, opts, mode, handle, brotliFlushDefaults);
}
Object.setPrototypeOf(Brotli.prototype, Zlib.prototype);
Object.setPrototypeOf(Brotli, Zlib);

function BrotliCompress(opts) {
  if (!(this instanceof BrotliCompress)) return withoutNew(BrotliCompress, opts);
  Brotli.call(this, opts, BROTLI_ENCODE);
}
Object.setPrototypeOf(BrotliCompress.prototype, Brotli.prototype);
Object.setPrototypeOf(BrotliCompress, Brotli);

function BrotliDecompress(opts) {
  if (!(this instanceof BrotliDecompress)) return withoutNew(BrotliDecompress, opts);
  Brotli.call(this, opts, BROTLI_DECODE);
}
Object.setPrototypeOf(BrotliDecompress.prototype, Brotli.prototype);
Object.setPrototypeOf(BrotliDecompress, Brotli);

const zstdFlushDefaults = { flush: ZSTD_e_continue, finishFlush: ZSTD_e_end, fullFlush: ZSTD_e_flush };

class Zstd extends ZlibBase {
  constructor(opts, mode, prefix) {
    const params = paramArray(opts, prefix, ERR_ZSTD_INVALID_PARAM);
    const handle = new ZlibHandle(mode);
    const writeState = new Uint32Array(2);
    const dictionary = opts?.dictionary && isArrayBufferView(opts.dictionary) ?
      opts.dictionary : undefined;
    handle.init(0, 0, 0, 0, writeState, processCallback, dictionary, params,
                opts?.pledgedSrcSize);
    super(opts, mode, handle, zstdFlushDefaults);
    this._writeState = writeState;
  }
}

class ZstdCompress extends Zstd {
  constructor(opts) { super(opts, ZSTD_COMPRESS, 'ZSTD_c_'); }
}

class ZstdDecompress extends Zstd {
  constructor(opts) { super(opts, ZSTD_DECOMPRESS, 'ZSTD_d_'); }
}

// --- the module -----------------------------------------------------------------------------

function crc32(data, value = 0) {
  if (typeof data !== 'string' && !isArrayBufferView(data)) {
    throw new ERR_INVALID_ARG_TYPE('data', ['Buffer', 'TypedArray', 'DataView', 'string'], data);
  }
  validateUint32(value, 'value');
  if (typeof data === 'string') data = Buffer.from(data);
  return crc32Native(data, value);
}

function convenience(Ctor, sync) {
  if (sync) {
    return function syncBufferWrapper(buffer, opts) {
      return runSync(new Ctor(opts), buffer);
    };
  }
  return function asyncBufferWrapper(buffer, opts, callback) {
    if (typeof opts === 'function') {
      callback = opts;
      opts = {};
    }
    return runAsync(new Ctor(opts), buffer, callback);
  };
}

function factory(Ctor) {
  return {
    configurable: true,
    enumerable: true,
    value: function(options) { return new Ctor(options); },
  };
}

module.exports = {
  crc32,
  Deflate,
  Inflate,
  Gzip,
  Gunzip,
  DeflateRaw,
  InflateRaw,
  Unzip,
  BrotliCompress,
  BrotliDecompress,
  ZstdCompress,
  ZstdDecompress,
  deflate: convenience(Deflate, false),
  deflateSync: convenience(Deflate, true),
  gzip: convenience(Gzip, false),
  gzipSync: convenience(Gzip, true),
  deflateRaw: convenience(DeflateRaw, false),
  deflateRawSync: convenience(DeflateRaw, true),
  unzip: convenience(Unzip, false),
  unzipSync: convenience(Unzip, true),
  inflate: convenience(Inflate, false),
  inflateSync: convenience(Inflate, true),
  gunzip: convenience(Gunzip, false),
  gunzipSync: convenience(Gunzip, true),
  inflateRaw: convenience(InflateRaw, false),
  inflateRawSync: convenience(InflateRaw, true),
  brotliCompress: convenience(BrotliCompress, false),
  brotliCompressSync: convenience(BrotliCompress, true),
  brotliDecompress: convenience(BrotliDecompress, false),
  brotliDecompressSync: convenience(BrotliDecompress, true),
  zstdCompress: convenience(ZstdCompress, false),
  zstdCompressSync: convenience(ZstdCompress, true),
  zstdDecompress: convenience(ZstdDecompress, false),
  zstdDecompressSync: convenience(ZstdDecompress, true),
};

Object.defineProperties(module.exports, {
  createDeflate: factory(Deflate),
  createInflate: factory(Inflate),
  createDeflateRaw: factory(DeflateRaw),
  createInflateRaw: factory(InflateRaw),
  createGzip: factory(Gzip),
  createGunzip: factory(Gunzip),
  createUnzip: factory(Unzip),
  createBrotliCompress: factory(BrotliCompress),
  createBrotliDecompress: factory(BrotliDecompress),
  createZstdCompress: factory(ZstdCompress),
  createZstdDecompress: factory(ZstdDecompress),
  constants: { configurable: false, enumerable: true, value: constants },
  codes: { enumerable: true, writable: false, value: Object.freeze(codes) },
});

// The old top-level copies of the zlib (not brotli) constants, non-enumerable as in Node.
for (const [key, value] of Object.entries(constants)) {
  if (key.startsWith('BROTLI')) continue;
  Object.defineProperty(module.exports, key, { enumerable: false, value, writable: false });
}
