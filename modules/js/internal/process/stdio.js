'use strict';
// process.stdout, process.stderr and process.stdin as real streams.
//
// FdWriteStream is a Writable whose _write() writes synchronously to its fd (as Node's
// stdout/stderr do for files, pipes and terminals on Linux), so console output is never
// reordered or lost at exit; destroying a stdio stream does not close the fd. StdinStream
// is a Readable over fd 0 that reads 64 KiB chunks on the blocking pool, starting only when
// something reads it, so a script that never touches stdin doesn't wait on it. When a
// stdio fd is a terminal, its stream is a tty.WriteStream / tty.ReadStream (subclasses of
// these), as in Node.

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

const kChunkSize = 64 * 1024;

class StdinStream extends Readable {
  constructor() {
    super({ highWaterMark: kChunkSize, autoDestroy: true });
    this.fd = 0;
    this._type = 'fs';
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

function createStdin() {
  if (ttyBinding.isTTY(0)) {
    const { ReadStream } = require('tty');
    return new ReadStream(0);
  }
  return new StdinStream();
}

module.exports = { createStdout, createStderr, createStdin, FdWriteStream, StdinStream };
