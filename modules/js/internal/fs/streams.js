'use strict';
// internal/fs/streams: fs.ReadStream and fs.WriteStream, a Readable and a Writable over a
// descriptor. The descriptor is opened in _construct unless `fd` (a number or a
// FileHandle) is given, and closed on destroy when `autoClose`. All I/O goes through
// `options.fs` (open/read/write/writev/close/fsync) so callers can substitute their own,
// and a patched `open()` method (graceful-fs style) still drives construction.

const { Readable, Writable, finished } = require('stream');
const {
  codes: {
    ERR_INVALID_ARG_TYPE,
    ERR_METHOD_NOT_IMPLEMENTED,
    ERR_OUT_OF_RANGE,
    ERR_STREAM_DESTROYED,
    ERR_SYSTEM_ERROR,
  },
} = require('internal/errors');
const {
  validateBoolean,
  validateFunction,
  validateInteger,
  validateThisInternalField,
} = require('internal/validators');
const { errorOrDestroy } = require('internal/streams/destroy');
const { deprecate } = require('util');
const { isURL, fileURLToPath } = require('internal/url');
const fs = require('fs');
const { getOptions, getValidatedFd, getValidatedPath } = require('internal/fs/utils');

const kIoDone = Symbol('kIoDone');
const kIsPerformingIO = Symbol('kIsPerformingIO');
const kFs = Symbol('kFs');

let fileHandleModule;
function lazyFileHandle() {
  fileHandleModule ??= require('internal/fs/promises');
  return fileHandleModule;
}

/** fs-style callback operations backed by a FileHandle's promise methods. */
function fileHandleOperations(handle) {
  const { kUnref } = lazyFileHandle();
  return {
    open() {
      throw new ERR_METHOD_NOT_IMPLEMENTED('open()');
    },
    fsync(fd, cb) {
      handle.sync().then(() => cb(), cb);
    },
    close(fd, cb) {
      handle[kUnref]();
      handle.close().then(() => cb(), cb);
    },
    read(fd, buffer, offset, length, position, cb) {
      handle.read(buffer, offset, length, position).then(
        (result) => cb(null, result.bytesRead, result.buffer),
        (err) => cb(err, 0, buffer));
    },
    write(fd, buffer, offset, length, position, cb) {
      handle.write(buffer, offset, length, position).then(
        (result) => cb(null, result.bytesWritten, result.buffer),
        (err) => cb(err, 0, buffer));
    },
    writev(fd, buffers, position, cb) {
      handle.writev(buffers, position).then(
        (result) => cb(null, result.bytesWritten, result.buffers),
        (err) => cb(err, 0, buffers));
    },
  };
}

/** Takes `options.fd` (a number or a FileHandle) and sets up the stream's operations. */
function importFd(stream, options) {
  if (typeof options.fd === 'number') {
    stream[kFs] = options.fs || fs;
    return options.fd;
  }
  const { FileHandle, kRef } = lazyFileHandle();
  if (typeof options.fd === 'object' && options.fd instanceof FileHandle) {
    if (options.fs) throw new ERR_METHOD_NOT_IMPLEMENTED('FileHandle with fs');
    stream[kFs] = fileHandleOperations(options.fd);
    options.fd[kRef]();
    options.fd.on('close', stream.close.bind(stream));
    return options.fd.fd;
  }
  throw new ERR_INVALID_ARG_TYPE('options.fd', ['number', 'FileHandle'], options.fd);
}

/** Path, flags and mode of a stream that opens its own file. */
function setupPath(stream, path, options, defaultFlags) {
  stream.fd = null;
  stream[kFs] = options.fs || fs;
  validateFunction(stream[kFs].open, 'options.fs.open');
  stream.path = isURL(path) ? fileURLToPath(path) : path;
  stream.flags = options.flags === undefined ? defaultFlags : options.flags;
  stream.mode = options.mode === undefined ? 0o666 : options.mode;
  getValidatedPath(stream.path);
}

// Shared _construct: opens the file, or defers to an overridden `open()` (old-style
// subclasses and graceful-fs patch it and signal through 'open' / 'error' events).
function construct(callback) {
  const stream = this;
  if (typeof stream.fd === 'number') {
    callback();
    return;
  }
  if (stream.open !== openReadFs && stream.open !== openWriteFs) {
    const originalEmit = stream.emit;
    stream.emit = function(...args) {
      if (args[0] === 'open') {
        this.emit = originalEmit;
        callback();
        Reflect.apply(originalEmit, this, args);
      } else if (args[0] === 'error') {
        this.emit = originalEmit;
        callback(args[1]);
      } else {
        Reflect.apply(originalEmit, this, args);
      }
    };
    stream.open();
    return;
  }
  stream[kFs].open(stream.path, stream.flags, stream.mode, (err, fd) => {
    if (err) {
      callback(err);
    } else {
      stream.fd = fd;
      callback();
      stream.emit('open', stream.fd);
      stream.emit('ready');
    }
  });
}

function closeStream(stream, err, cb) {
  if (!stream.fd) {
    cb(err);
  } else if (stream.flush) {
    stream[kFs].fsync(stream.fd, (flushErr) => closeAfterSync(stream, err || flushErr, cb));
  } else {
    closeAfterSync(stream, err, cb);
  }
}

function closeAfterSync(stream, err, cb) {
  stream[kFs].close(stream.fd, (closeErr) => cb(closeErr || err));
  stream.fd = null;
}

// Files are not safe to close while a read or write on them is still running: wait for it.
function destroyAfterIo(err, cb) {
  if (this[kIsPerformingIO]) {
    this.once(kIoDone, (ioErr) => closeStream(this, err || ioErr, cb));
  } else {
    closeStream(this, err, cb);
  }
}

function defineAutoClose(prototype, stateKey, className) {
  Object.defineProperty(prototype, 'autoClose', {
    __proto__: null,
    configurable: true,
    get() {
      validateThisInternalField(this, kFs, className);
      return this[stateKey].autoDestroy;
    },
    set(value) {
      validateThisInternalField(this, kFs, className);
      this[stateKey].autoDestroy = value;
    },
  });
}

// A private copy of the options, including inherited ones (as Node reads them).
function copyOptions(options) {
  const validated = getOptions(options, {});
  if (typeof options === 'string' || options == null || typeof options === 'function') {
    options = validated;
  }
  const copy = {};
  for (const key in options) copy[key] = options[key];
  return copy;
}

function definePending(prototype) {
  Object.defineProperty(prototype, 'pending', {
    __proto__: null,
    configurable: true,
    get() { return this.fd === null; },
  });
}

function ReadStream(path, options) {
  if (!(this instanceof ReadStream)) return new ReadStream(path, options);
  options = copyOptions(options);
  if (options.highWaterMark === undefined) options.highWaterMark = 64 * 1024;
  if (options.autoDestroy === undefined) options.autoDestroy = false;

  if (options.fd == null) {
    setupPath(this, path, options, 'r');
  } else {
    this.fd = getValidatedFd(importFd(this, options));
  }

  options.autoDestroy = options.autoClose === undefined ? true : options.autoClose;
  validateFunction(this[kFs].read, 'options.fs.read');
  if (options.autoDestroy) validateFunction(this[kFs].close, 'options.fs.close');

  this.start = options.start;
  this.end = options.end ?? Infinity;
  this.pos = undefined;
  this.bytesRead = 0;
  this[kIsPerformingIO] = false;

  if (this.start !== undefined) {
    validateInteger(this.start, 'start', 0);
    this.pos = this.start;
  }
  if (this.end !== Infinity) {
    validateInteger(this.end, 'end', 0);
    if (this.start !== undefined && this.start > this.end) {
      throw new ERR_OUT_OF_RANGE('start', `<= "end" (here: ${this.end})`, this.start);
    }
  }

  Reflect.apply(Readable, this, [options]);
}
Object.setPrototypeOf(ReadStream.prototype, Readable.prototype);
Object.setPrototypeOf(ReadStream, Readable);

defineAutoClose(ReadStream.prototype, '_readableState', 'ReadStream');
definePending(ReadStream.prototype);

const openReadFs = deprecate(function() {}, 'ReadStream.prototype.open() is deprecated', 'DEP0135');
ReadStream.prototype.open = openReadFs;
ReadStream.prototype._construct = construct;

ReadStream.prototype._read = function(n) {
  n = this.pos !== undefined ?
    Math.min(this.end - this.pos + 1, n) :
    Math.min(this.end - this.bytesRead + 1, n);
  if (n <= 0) {
    this.push(null);
    return;
  }

  const buffer = Buffer.allocUnsafeSlow(n);
  this[kIsPerformingIO] = true;
  this[kFs].read(this.fd, buffer, 0, n, this.pos, (err, bytesRead, filled) => {
    this[kIsPerformingIO] = false;
    if (this.destroyed) {
      this.emit(kIoDone, err);
      return;
    }
    if (err) {
      errorOrDestroy(this, err);
    } else if (bytesRead > 0) {
      if (this.pos !== undefined) this.pos += bytesRead;
      this.bytesRead += bytesRead;
      let chunk = filled ?? buffer;
      if (bytesRead !== chunk.length) {
        // Copy a short read so the chunk does not keep the whole read buffer alive.
        const fitted = Buffer.allocUnsafeSlow(bytesRead);
        chunk.copy(fitted, 0, 0, bytesRead);
        chunk = fitted;
      }
      this.push(chunk);
    } else {
      this.push(null);
    }
  });
};

ReadStream.prototype._destroy = destroyAfterIo;

ReadStream.prototype.close = function(cb) {
  if (typeof cb === 'function') finished(this, cb);
  this.destroy();
};

function WriteStream(path, options) {
  if (!(this instanceof WriteStream)) return new WriteStream(path, options);
  options = copyOptions(options);
  options.decodeStrings = true;

  if (options.fd == null) {
    setupPath(this, path, options, 'w');
  } else {
    this.fd = getValidatedFd(importFd(this, options));
  }

  options.autoDestroy = options.autoClose === undefined ? true : options.autoClose;

  const ops = this[kFs];
  if (!ops.write && !ops.writev) {
    throw new ERR_INVALID_ARG_TYPE('options.fs.write', 'function', ops.write);
  }
  if (ops.write) validateFunction(ops.write, 'options.fs.write');
  if (ops.writev) validateFunction(ops.writev, 'options.fs.writev');
  if (options.autoDestroy) validateFunction(ops.close, 'options.fs.close');
  // Either operation is enough; the stream uses only what is provided.
  if (!ops.write) this._write = null;
  if (!ops.writev) this._writev = null;

  this.start = options.start;
  this.pos = undefined;
  this.bytesWritten = 0;
  this[kIsPerformingIO] = false;

  if (this.start !== undefined) {
    validateInteger(this.start, 'start', 0);
    this.pos = this.start;
  }

  Reflect.apply(Writable, this, [options]);

  if (options.encoding) this.setDefaultEncoding(options.encoding);

  if (options.flush == null) {
    this.flush = false;
  } else {
    validateBoolean(options.flush, 'options.flush');
    this.flush = options.flush;
  }
}
Object.setPrototypeOf(WriteStream.prototype, Writable.prototype);
Object.setPrototypeOf(WriteStream, Writable);

defineAutoClose(WriteStream.prototype, '_writableState', 'WriteStream');
definePending(WriteStream.prototype);

const openWriteFs = deprecate(function() {}, 'WriteStream.prototype.open() is deprecated', 'DEP0135');
WriteStream.prototype.open = openWriteFs;
WriteStream.prototype._construct = construct;

// Writes all of `data`, retrying partial writes (and EAGAIN) up to five times in a row.
function writeAll(data, size, pos, cb, retries = 0) {
  this[kFs].write(this.fd, data, 0, size, pos, (err, bytesWritten, buffer) => {
    if (err?.code === 'EAGAIN') {
      err = null;
      bytesWritten = 0;
    }
    if (this.destroyed || err) {
      cb(err || new ERR_STREAM_DESTROYED('write'));
      return;
    }
    this.bytesWritten += bytesWritten;
    retries = bytesWritten ? 0 : retries + 1;
    size -= bytesWritten;
    if (pos != null) pos += bytesWritten;
    if (retries > 5) {
      cb(new ERR_SYSTEM_ERROR('write failed'));
    } else if (size) {
      writeAll.call(this, (buffer ?? data).slice(bytesWritten), size, pos, cb, retries);
    } else {
      cb();
    }
  });
}

function writevAll(chunks, size, pos, cb, retries = 0) {
  this[kFs].writev(this.fd, chunks, pos, (err, bytesWritten, buffers) => {
    if (err?.code === 'EAGAIN') {
      err = null;
      bytesWritten = 0;
    }
    if (this.destroyed || err) {
      cb(err || new ERR_STREAM_DESTROYED('writev'));
      return;
    }
    this.bytesWritten += bytesWritten;
    retries = bytesWritten ? 0 : retries + 1;
    size -= bytesWritten;
    if (pos != null) pos += bytesWritten;
    if (retries > 5) {
      cb(new ERR_SYSTEM_ERROR('writev failed'));
    } else if (size) {
      const rest = Buffer.concat(buffers ?? chunks).slice(bytesWritten);
      writevAll.call(this, [rest], size, pos, cb, retries);
    } else {
      cb();
    }
  });
}

function afterWrite(stream, cb) {
  return (err) => {
    stream[kIsPerformingIO] = false;
    cb(err);
    if (stream.destroyed) stream.emit(kIoDone, err);
  };
}

WriteStream.prototype._write = function(data, encoding, cb) {
  this[kIsPerformingIO] = true;
  writeAll.call(this, data, data.length, this.pos, afterWrite(this, cb));
  if (this.pos !== undefined) this.pos += data.length;
};

WriteStream.prototype._writev = function(data, cb) {
  const chunks = new Array(data.length);
  let size = 0;
  for (let i = 0; i < data.length; i++) {
    chunks[i] = data[i].chunk;
    size += data[i].chunk.length;
  }
  this[kIsPerformingIO] = true;
  writevAll.call(this, chunks, size, this.pos, afterWrite(this, cb));
  if (this.pos !== undefined) this.pos += size;
};

WriteStream.prototype._destroy = destroyAfterIo;

WriteStream.prototype.close = function(cb) {
  if (cb) {
    if (this.closed) {
      process.nextTick(cb);
      return;
    }
    this.on('close', cb);
  }
  // Without autoClose, 'finish' is what destroys (and so closes) the stream.
  if (!this.autoClose) this.on('finish', this.destroy);
  // end() rather than destroy(): pending writes must still reach the file.
  this.end();
};

// Files have no shutdown(): ending is all there is.
WriteStream.prototype.destroySoon = WriteStream.prototype.end;

module.exports = { ReadStream, WriteStream };
