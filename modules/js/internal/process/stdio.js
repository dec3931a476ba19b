'use strict';
// process.stdout and process.stderr: synchronous writers on fds 1 and 2, as Node's are for
// files, pipes and terminals on Linux. They are EventEmitters with the Writable surface
// scripts use (write with encoding and callback, end, isTTY, columns, hasColors).

const EventEmitter = require('events');
const fsBinding = internalBinding('fs');
const tty = internalBinding('tty_wrap');

class StdioWriter extends EventEmitter {
  constructor(fd) {
    super();
    this.fd = fd;
    this._isStdio = true;
    this.writable = true;
    this.destroyed = false;
    this.isTTY = tty.isTTY(fd) || undefined;
    if (!this.isTTY) delete this.isTTY;
  }

  get columns() {
    return this.isTTY ? tty.getWindowSize(this.fd)?.[0] : undefined;
  }

  get rows() {
    return this.isTTY ? tty.getWindowSize(this.fd)?.[1] : undefined;
  }

  write(chunk, encoding, callback) {
    if (typeof encoding === 'function') {
      callback = encoding;
      encoding = undefined;
    }
    if (typeof chunk === 'string') {
      if (encoding && encoding !== 'utf8' && encoding !== 'utf-8' &&
          typeof Buffer === 'function') {
        fsBinding.writeBuffer(this.fd, Buffer.from(chunk, encoding));
      } else {
        fsBinding.writeString(this.fd, chunk);
      }
    } else if (ArrayBuffer.isView(chunk)) {
      fsBinding.writeBuffer(this.fd, chunk);
    } else {
      const { codes: { ERR_INVALID_ARG_TYPE } } = require('internal/errors');
      throw new ERR_INVALID_ARG_TYPE('chunk', ['string', 'Buffer', 'TypedArray', 'DataView'], chunk);
    }
    if (typeof callback === 'function') process.nextTick(callback, null);
    return true;
  }

  end(chunk, encoding, callback) {
    if (typeof chunk === 'function') {
      callback = chunk;
      chunk = undefined;
    }
    if (chunk !== undefined && chunk !== null) this.write(chunk, encoding);
    if (typeof callback === 'function') process.nextTick(callback);
    return this;
  }

  cork() {}
  uncork() {}
  setDefaultEncoding() { return this; }
  destroy() { return this; }
  get writableLength() { return 0; }
  get writableHighWaterMark() { return 16384; }
  get writableNeedDrain() { return false; }

  getColorDepth(env = process.env) {
    if (env.FORCE_COLOR !== undefined) {
      const level = { '': 4, 1: 4, true: 4, 2: 8, 3: 24, 0: 1, false: 1 }[env.FORCE_COLOR];
      if (level !== undefined) return level;
    }
    if (env.NO_COLOR !== undefined || env.NODE_DISABLE_COLORS !== undefined || env.TERM === 'dumb') {
      return 1;
    }
    if (!this.isTTY) return 1;
    if (env.COLORTERM === 'truecolor' || env.COLORTERM === '24bit') return 24;
    if (env.TERM && /-256(color)?$/i.test(env.TERM)) return 8;
    return 4;
  }

  hasColors(count, env) {
    if (env === undefined && (count === undefined || (typeof count === 'object' && count !== null))) {
      env = count;
      count = 16;
    }
    return count <= 2 ** this.getColorDepth(env);
  }
}

module.exports = { StdioWriter };
