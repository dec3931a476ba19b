'use strict';
// process.stdout, process.stderr and process.stdin as real streams.
//
// stdout/stderr are Writables whose _write() writes synchronously to fd 1/2 (as Node's are
// for files, pipes and terminals on Linux), so console output is never reordered or lost at
// exit; destroying them does not close the fd. stdin is a Readable over fd 0 that reads
// 64 KiB chunks on the blocking pool, starting only when something reads it, so a script
// that never touches stdin doesn't wait on it.

const Writable = require('internal/streams/writable');
const Readable = require('internal/streams/readable');
const fsBinding = internalBinding('fs');
const tty = internalBinding('tty_wrap');

let BufferCtor;
function lazyBuffer() {
  BufferCtor ??= require('buffer').Buffer;
  return BufferCtor;
}

// isTTY, columns/rows, getColorDepth() and hasColors() of the stdio streams.
function addTerminalProperties(stream, fd) {
  if (tty.isTTY(fd)) stream.isTTY = true;
  Object.defineProperties(stream, {
    columns: {
      __proto__: null,
      configurable: true,
      enumerable: true,
      get() { return this.isTTY ? tty.getWindowSize(fd)?.[0] : undefined; },
    },
    rows: {
      __proto__: null,
      configurable: true,
      enumerable: true,
      get() { return this.isTTY ? tty.getWindowSize(fd)?.[1] : undefined; },
    },
  });
}

function getColorDepth(env = process.env) {
  if (env.FORCE_COLOR !== undefined) {
    const level = { '': 4, 1: 4, true: 4, 2: 8, 3: 24, 0: 1, false: 1 }[env.FORCE_COLOR];
    if (level !== undefined) return level;
  }
  if (env.NO_COLOR !== undefined || env.NODE_DISABLE_COLORS !== undefined ||
      env.TERM === 'dumb') {
    return 1;
  }
  if (!this.isTTY) return 1;
  if (env.COLORTERM === 'truecolor' || env.COLORTERM === '24bit') return 24;
  if (env.TERM && /-256(color)?$/i.test(env.TERM)) return 8;
  return 4;
}

function hasColors(count, env) {
  if (env === undefined && (count === undefined || (typeof count === 'object' && count !== null))) {
    env = count;
    count = 16;
  }
  return count <= 2 ** this.getColorDepth(env);
}

class StdioWriteStream extends Writable {
  constructor(fd) {
    super({ decodeStrings: false });
    this.fd = fd;
    this._type = tty.isTTY(fd) ? 'tty' : 'fs';
    this._isStdio = true;
    addTerminalProperties(this, fd);
  }

  _write(chunk, encoding, callback) {
    try {
      if (typeof chunk === 'string') {
        if (encoding === 'utf8' || encoding === 'utf-8') fsBinding.writeString(this.fd, chunk);
        else fsBinding.writeBuffer(this.fd, lazyBuffer().from(chunk, encoding));
      } else {
        fsBinding.writeBuffer(this.fd, chunk);
      }
    } catch (err) {
      callback(err);
      return;
    }
    callback();
  }

  // The process's stdio fds stay open when their streams are destroyed.
  _destroy(err, callback) {
    callback(err);
  }

  destroySoon() {
    this.destroy();
  }

  getColorDepth(env) {
    return Reflect.apply(getColorDepth, this, [env]);
  }

  hasColors(count, env) {
    return Reflect.apply(hasColors, this, arguments);
  }
}

const kChunkSize = 64 * 1024;

class StdinStream extends Readable {
  constructor() {
    super({ highWaterMark: kChunkSize, autoDestroy: true });
    this.fd = 0;
    this._type = tty.isTTY(0) ? 'tty' : 'fs';
    addTerminalProperties(this, 0);
    this.isRaw = false;
  }

  _read() {
    const stdin = internalBinding('stdin');
    const id = stdin.read(kChunkSize);
    require('internal/async_ops').onComplete(id, (err, bytes) => {
      if (err) {
        this.destroy(err);
        return;
      }
      if (bytes === null || bytes === undefined || bytes.byteLength === 0) {
        this.push(null);
        return;
      }
      const Buffer = lazyBuffer();
      this.push(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
    });
  }

  setRawMode(mode) {
    const { codes: { ERR_METHOD_NOT_IMPLEMENTED } } = require('internal/errors');
    if (!this.isTTY) throw new TypeError('setRawMode is not a function');
    if (!mode) {
      this.isRaw = false;
      return this;
    }
    throw new ERR_METHOD_NOT_IMPLEMENTED('setRawMode()');
  }
}

function createStdout() {
  return new StdioWriteStream(1);
}

function createStderr() {
  return new StdioWriteStream(2);
}

function createStdin() {
  return new StdinStream();
}

module.exports = { createStdout, createStderr, createStdin, StdioWriteStream };
