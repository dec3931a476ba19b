'use strict';
// process.stdout, process.stderr and process.stdin as real streams.
//
// FdWriteStream is a Writable whose _write() writes synchronously to its fd (as Node's
// stdout/stderr do for files, pipes and terminals on Linux), so console output is never
// reordered or lost at exit; destroying a stdio stream does not close the fd. When a stdio
// fd is a terminal, its stream is a tty.WriteStream (a subclass). process.stdin is read on
// the loop (see createStdin), starting only when something reads it.

const Writable = require('internal/streams/writable');
const Readable = require('internal/streams/readable');
const fsBinding = internalBinding('fs');
const ttyBinding = internalBinding('tty_wrap');

let BufferCtor;
function lazyBuffer() {
  BufferCtor ??= require('buffer').Buffer;
  return BufferCtor;
}

class FdWriteStream extends Writable {
  constructor(fd) {
    super({ decodeStrings: false });
    this.fd = fd;
    this._type = 'fs';
    this._isStdio = fd <= 2;
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
      // A closed pipe is a stream error in Node (`write EPIPE`), not an fs one.
      if (err?.code === 'EPIPE') {
        const { ErrnoException } = require('internal/errors');
        callback(new ErrnoException(err.errno, 'write'));
        return;
      }
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
}

function createWritableStdio(fd) {
  if (ttyBinding.isTTY(fd)) {
    const { WriteStream } = require('tty');
    const stream = new WriteStream(fd);
    stream._isStdio = true;
    return stream;
  }
  return new FdWriteStream(fd);
}

function createStdout() {
  return createWritableStdio(1);
}

function createStderr() {
  return createWritableStdio(2);
}

// process.stdin as Node picks it: a tty.ReadStream for a terminal, a net.Socket for a
// pipe or socket (both read on the loop), an fs.ReadStream for a file, else an empty stream.
// It starts paused and reads nothing until something asks.
function createStdin() {
  const fd = 0;
  let stdin;
  switch (ttyBinding.guessHandleType(fd)) {
    case 'TTY': {
      const { ReadStream } = require('tty');
      stdin = new ReadStream(fd);
      break;
    }
    case 'FILE': {
      const fs = require('fs');
      stdin = new fs.ReadStream(null, { fd, autoClose: false });
      break;
    }
    case 'PIPE':
    case 'TCP': {
      const net = require('net');
      stdin = new net.Socket({ fd, readable: true, writable: false, manualStart: true });
      // stdin can't be end()-ed.
      stdin._writableState.ended = true;
      break;
    }
    default: {
      stdin = new Readable({ read() {} });
      stdin.push(null);
    }
  }
  stdin.fd = fd;
  if (stdin._handle && stdin._handle.readStop) {
    stdin._handle.reading = false;
    stdin._readableState.reading = false;
    stdin._handle.readStop();
  }
  // After pause() (one tick later, once the stream has stopped), the handle stops reading
  // so the process can exit.
  stdin.on('pause', () => process.nextTick(onpause));
  function onpause() {
    if (!stdin._handle) return;
    if (stdin._handle.reading && !stdin.readableFlowing) {
      stdin._readableState.reading = false;
      stdin._handle.reading = false;
      stdin._handle.readStop();
    }
  }
  return stdin;
}

module.exports = { createStdout, createStderr, createStdin, FdWriteStream };
