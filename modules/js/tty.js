'use strict';
// The `tty` module: isatty(), and the ReadStream / WriteStream classes that process.stdin,
// process.stdout and process.stderr are when they are terminals. A WriteStream knows its
// size (columns, rows, getWindowSize()), its colour depth (internal/tty) and moves the
// cursor through readline's helpers; a ReadStream can switch its terminal to raw mode.
// Both are constructible without `new`, as Node's are.

const { FdWriteStream } = require('internal/process/stdio');
const { getColorDepth, hasColors } = require('internal/tty');
const {
  codes: { ERR_INVALID_FD, ERR_TTY_INIT_FAILED },
  uvErrmapGet,
  UVException,
} = require('internal/errors');

const ttyBinding = internalBinding('tty_wrap');

function isatty(fd) {
  return Number.isInteger(fd) && fd >= 0 && fd <= 2147483647 && ttyBinding.isTTY(fd);
}

// libuv's uv_tty_init refuses regular files and fds that are not open.
function checkTerminalFd(fd) {
  if (!Number.isInteger(fd) || fd < 0 || fd > 2147483647) throw new ERR_INVALID_FD(fd);
  const type = ttyBinding.guessHandleType(fd);
  if (type === 'FILE' || type === 'UNKNOWN') {
    const errno = -22;
    const [code, message] = uvErrmapGet(errno);
    throw new ERR_TTY_INIT_FAILED({ errno, code, message, syscall: 'uv_tty_init' });
  }
}

function defineSizeProperties(stream, fd) {
  const sizeGetter = (index) => ({
    __proto__: null,
    configurable: true,
    enumerable: true,
    get() { return ttyBinding.getWindowSize(fd)?.[index]; },
    set(value) {
      Object.defineProperty(this, index === 0 ? 'columns' : 'rows', {
        __proto__: null, value, writable: true, enumerable: true, configurable: true,
      });
    },
  });
  Object.defineProperties(stream, { columns: sizeGetter(0), rows: sizeGetter(1) });
}

// A terminal read on the loop: a net.Socket over a handle that opened the terminal afresh.
function ReadStream(fd, options) {
  if (!new.target) return new ReadStream(fd, options);
  checkTerminalFd(fd);
  const id = internalBinding('pipe_wrap').open(fd);
  if (id < 0) {
    const [code, message] = uvErrmapGet(id);
    throw new ERR_TTY_INIT_FAILED({ errno: id, code, message, syscall: 'uv_tty_init' });
  }
  const { Pipe } = require('internal/stream_handles');
  const net = require('net');
  net.Socket.call(this, {
    readableHighWaterMark: 0,
    handle: new Pipe(id, false),
    manualStart: true,
    ...options,
  });
  this.fd = fd;
  this.isRaw = false;
  this.isTTY = true;
}
Object.setPrototypeOf(ReadStream.prototype, require('net').Socket.prototype);
Object.setPrototypeOf(ReadStream, require('net').Socket);

let restoreModeAtExit = false;

ReadStream.prototype.setRawMode = function setRawMode(flag) {
  flag = !!flag;
  try {
    ttyBinding.setRawMode(this.fd, flag);
  } catch (err) {
    this.emit('error', new UVException({ errno: err.errno, syscall: 'setRawMode' }));
    return this;
  }
  if (flag && !restoreModeAtExit) {
    restoreModeAtExit = true;
    process.on('exit', () => {
      for (const fd of [0, 1, 2]) if (ttyBinding.isTTY(fd)) ttyBinding.setRawMode(fd, false);
    });
  }
  this.isRaw = flag;
  return this;
};

function WriteStream(fd) {
  if (!new.target) return new WriteStream(fd);
  checkTerminalFd(fd);
  const stream = Reflect.construct(FdWriteStream, [fd], new.target);
  stream._type = 'tty';
  defineSizeProperties(stream, fd);
  return stream;
}
Object.setPrototypeOf(WriteStream.prototype, FdWriteStream.prototype);
Object.setPrototypeOf(WriteStream, FdWriteStream);

WriteStream.prototype.isTTY = true;

WriteStream.prototype.getColorDepth = getColorDepth;

WriteStream.prototype.hasColors = hasColors;

WriteStream.prototype.getWindowSize = function getWindowSize() {
  return [this.columns, this.rows];
};

// The cursor helpers call readline's at call time (tests replace them there).
WriteStream.prototype.cursorTo = function cursorTo(x, y, callback) {
  return require('readline').cursorTo(this, x, y, callback);
};

WriteStream.prototype.moveCursor = function moveCursor(dx, dy, callback) {
  return require('readline').moveCursor(this, dx, dy, callback);
};

WriteStream.prototype.clearLine = function clearLine(dir, callback) {
  return require('readline').clearLine(this, dir, callback);
};

WriteStream.prototype.clearScreenDown = function clearScreenDown(callback) {
  return require('readline').clearScreenDown(this, callback);
};

module.exports = { isatty, ReadStream, WriteStream };
