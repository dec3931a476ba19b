'use strict';
// internal/fs/streams: fs.ReadStream and fs.WriteStream, a Readable and a Writable over a
// descriptor (opened in _construct unless `fd` is given, closed on destroy when
// `autoClose`), reading in highWaterMark chunks between `start` and `end`.

const { Readable, Writable } = require('stream');
const { codes: { ERR_OUT_OF_RANGE } } = require('internal/errors');
const { validateInteger } = require('internal/validators');
const fs = require('fs');
const { getValidatedPath, toWritableBytes } = require('internal/fs/utils');

const kFs = Symbol('kFs');

function fdOf(fd) {
  return fd !== null && typeof fd === 'object' && 'fd' in fd ? fd.fd : fd;
}

function openStream(stream, callback) {
  fs.open(stream.path, stream.flags, stream.mode, (err, fd) => {
    if (err) return callback(err);
    stream.fd = fd;
    callback();
    stream.emit('open', fd);
    stream.emit('ready');
  });
}

function closeStream(stream, err, callback) {
  if (stream.fd === null || !stream.autoClose) return callback(err);
  const fd = stream.fd;
  stream.fd = null;
  fs.close(fd, (closeErr) => callback(err || closeErr));
}

function ReadStream(path, options) {
  if (!(this instanceof ReadStream)) return new ReadStream(path, options);
  options = typeof options === 'string' ? { encoding: options } : { ...options };
  if (options.highWaterMark === undefined) options.highWaterMark = 64 * 1024;
  if (options.autoDestroy === undefined) options.autoDestroy = false;
  this.fd = options.fd === undefined || options.fd === null ? null : fdOf(options.fd);
  this.path = this.fd === null ? getValidatedPath(path) : undefined;
  this.flags = options.flags === undefined ? 'r' : options.flags;
  this.mode = options.mode === undefined ? 0o666 : options.mode;
  this.start = options.start;
  this.end = options.end ?? Infinity;
  this.pos = undefined;
  this.bytesRead = 0;
  this.autoClose = options.autoClose === undefined ? true : options.autoClose;
  this[kFs] = options.fs || fs;
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
  Readable.call(this, { ...options, autoDestroy: true, emitClose: options.emitClose ?? true });
}
Object.setPrototypeOf(ReadStream.prototype, Readable.prototype);
Object.setPrototypeOf(ReadStream, Readable);

Object.defineProperty(ReadStream.prototype, 'pending', {
  __proto__: null, configurable: true, get() { return this.fd === null; },
});

ReadStream.prototype._construct = function(callback) {
  if (this.fd !== null) return callback();
  openStream(this, callback);
};

ReadStream.prototype._read = function(n) {
  n = this.pos !== undefined ? Math.min(this.end - this.pos + 1, n) : Math.min(this.end - this.bytesRead + 1, n);
  if (n <= 0) {
    this.push(null);
    return;
  }
  const buffer = Buffer.allocUnsafeSlow(n);
  fs.read(this.fd, buffer, 0, n, this.pos ?? null, (err, bytesRead) => {
    if (err) {
      this.destroy(err);
    } else if (bytesRead > 0) {
      if (this.pos !== undefined) this.pos += bytesRead;
      this.bytesRead += bytesRead;
      this.push(bytesRead === n ? buffer : buffer.subarray(0, bytesRead));
    } else {
      this.push(null);
    }
  });
};

ReadStream.prototype._destroy = function(err, callback) {
  closeStream(this, err, callback);
};

ReadStream.prototype.close = function(cb) {
  if (typeof cb === 'function') require('stream').finished(this, cb);
  this.destroy();
};

function WriteStream(path, options) {
  if (!(this instanceof WriteStream)) return new WriteStream(path, options);
  options = typeof options === 'string' ? { encoding: options } : { ...options };
  this.fd = options.fd === undefined || options.fd === null ? null : fdOf(options.fd);
  this.path = this.fd === null ? getValidatedPath(path) : undefined;
  this.flags = options.flags === undefined ? 'w' : options.flags;
  this.mode = options.mode === undefined ? 0o666 : options.mode;
  this.start = options.start;
  this.pos = undefined;
  this.bytesWritten = 0;
  this.autoClose = options.autoClose === undefined ? true : options.autoClose;
  if (this.start !== undefined) {
    validateInteger(this.start, 'start', 0);
    this.pos = this.start;
  }
  Writable.call(this, {
    ...options, decodeStrings: true, autoDestroy: true, emitClose: options.emitClose ?? true,
  });
  if (options.encoding) this.setDefaultEncoding(options.encoding);
}
Object.setPrototypeOf(WriteStream.prototype, Writable.prototype);
Object.setPrototypeOf(WriteStream, Writable);

Object.defineProperty(WriteStream.prototype, 'pending', {
  __proto__: null, configurable: true, get() { return this.fd === null; },
});

WriteStream.prototype._construct = function(callback) {
  if (this.fd !== null) return callback();
  openStream(this, callback);
};

WriteStream.prototype._write = function(data, encoding, callback) {
  const bytes = toWritableBytes(data, encoding);
  fs.write(this.fd, bytes, 0, bytes.byteLength, this.pos ?? null, (err, written) => {
    if (err) return callback(err);
    this.bytesWritten += written;
    if (this.pos !== undefined) this.pos += written;
    callback();
  });
};

WriteStream.prototype._destroy = function(err, callback) {
  closeStream(this, err, callback);
};

WriteStream.prototype.close = function(cb) {
  if (cb) {
    if (this.closed) {
      process.nextTick(cb);
      return;
    }
    this.on('close', cb);
  }
  if (!this.autoClose) this.on('finish', this.destroy);
  this.end();
};

WriteStream.prototype.destroySoon = WriteStream.prototype.end;

module.exports = { ReadStream, WriteStream };
