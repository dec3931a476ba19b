'use strict';
// The ChildProcess class and the synchronous spawn behind `child_process`, over
// internalBinding('child_process'): a child is started by one op, then its exit, each chunk
// of its stdout/stderr and each write to its stdin are requests on the blocking pool,
// settled through internal/async_ops. Also the stdio and signal helpers the public module
// shares.

const EventEmitter = require('events');
const { Readable, Writable } = require('stream');
const { Buffer } = require('buffer');
const { onComplete } = require('internal/async_ops');
const {
  ErrnoException,
  codes: {
    ERR_INVALID_ARG_TYPE,
    ERR_INVALID_ARG_VALUE,
    ERR_METHOD_NOT_IMPLEMENTED,
    ERR_UNKNOWN_SIGNAL,
  },
} = require('internal/errors');
const { validateString } = require('internal/validators');
const { signals } = require('os').constants;

const binding = internalBinding('child_process');

const signalNames = { __proto__: null };
for (const name of Object.keys(signals)) {
  if (signalNames[signals[name]] === undefined) signalNames[signals[name]] = name;
}

const UV_ESRCH = -3;
const UV_EINVAL = -22;
const UV_ENOSYS = -38;

// A signal name or number as its number; throws ERR_UNKNOWN_SIGNAL for anything else.
function convertToValidSignal(signal) {
  if (typeof signal === 'number' && signalNames[signal] !== undefined) return signal;
  if (typeof signal === 'string') {
    const number = signals[signal.toUpperCase()];
    if (number !== undefined) return number;
  }
  throw new ERR_UNKNOWN_SIGNAL(signal);
}

// The stdio option as three modes ('pipe' | 'inherit' | 'ignore' | fd number as string).
function getValidStdio(stdio) {
  if (typeof stdio === 'string') {
    if (stdio !== 'pipe' && stdio !== 'inherit' && stdio !== 'ignore' && stdio !== 'overlapped') {
      throw new ERR_INVALID_ARG_VALUE('stdio', stdio);
    }
    stdio = [stdio, stdio, stdio];
  } else if (!Array.isArray(stdio)) {
    throw new ERR_INVALID_ARG_VALUE('stdio', stdio);
  }
  const modes = [];
  for (let i = 0; i < Math.max(3, stdio.length); i++) {
    let mode = stdio[i];
    if (mode == null) mode = i < 3 ? 'pipe' : 'ignore';
    if (i >= 3) {
      if (mode === 'ignore') continue;
      if (mode === 'ipc') {
        throw new ERR_METHOD_NOT_IMPLEMENTED('child_process IPC channel');
      }
      throw new ERR_METHOD_NOT_IMPLEMENTED('child_process extra stdio');
    }
    if (mode === 'pipe' || mode === 'overlapped' || mode === 'inherit' || mode === 'ignore') {
      modes.push(mode === 'overlapped' ? 'pipe' : mode);
    } else if (mode === 'ipc') {
      throw new ERR_METHOD_NOT_IMPLEMENTED('child_process IPC channel');
    } else if (typeof mode === 'number' || typeof mode?.fd === 'number') {
      const fd = typeof mode === 'number' ? mode : mode.fd;
      modes.push(fd === i ? 'inherit' : String(fd));
    } else {
      throw new ERR_INVALID_ARG_VALUE('stdio', mode);
    }
  }
  return modes;
}

// The flat argument list of the binding's spawn ops.
function spawnArgs(options, stdio) {
  return [
    options.file,
    options.args.slice(1),
    options.cwd ?? null,
    options.envPairs,
    options.args[0],
    stdio,
    options.uid ?? null,
    options.gid ?? null,
    !!options.detached,
  ];
}

// The pipe to the child's stdin, as a Writable whose writes are pool requests.
function createStdin(child, id) {
  if (id === undefined) return new Writable({ write(chunk, encoding, callback) { callback(); } });
  return new Writable({
    write(chunk, encoding, callback) {
      const bytes = typeof chunk === 'string' ? Buffer.from(chunk, encoding) : chunk;
      onComplete(binding.write(id, bytes), (err) => callback(err ?? null));
    },
    final(callback) {
      binding.closeStdin(id);
      callback();
    },
    destroy(err, callback) {
      binding.closeStdin(id);
      callback(err);
    },
  });
}

// The pipe from the child's stdout (fd 1) or stderr (fd 2), read one chunk per request;
// without an `id` (the child never started) it just ends, as Node's unconnected pipes do.
function createOutput(child, id, fd) {
  let reading = false;
  const stream = new Readable({
    read() {
      if (reading) return;
      if (id === undefined) {
        setImmediate(() => stream.push(null));
        return;
      }
      reading = true;
      onComplete(binding.read(id, fd), (err, bytes) => {
        reading = false;
        if (err) {
          stream.destroy(err);
        } else if (bytes.length === 0) {
          stream.push(null);
        } else {
          stream.push(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length));
        }
      });
    },
  });
  child._closesNeeded++;
  // Node's stdio sockets end and close by themselves once read out.
  stream.once('end', () => stream.destroy());
  stream.once('close', () => maybeClose(child));
  return stream;
}

function maybeClose(child) {
  child._closesGot++;
  if (child._closesGot === child._closesNeeded) {
    if (child._id !== undefined) binding.release(child._id);
    child.emit('close', child.exitCode, child.signalCode);
  }
}

// Reads what is still buffered in the output pipes, so 'close' is not held back by a
// stream nobody consumes (Node flushes them too).
function flushStdio(child) {
  for (const stream of [child.stdout, child.stderr]) {
    if (stream && !stream.readableFlowing && !stream.destroyed) stream.resume();
  }
}

class ChildProcess extends EventEmitter {
  constructor() {
    super();
    this._closesNeeded = 1;
    this._closesGot = 0;
    this.connected = false;
    this.signalCode = null;
    this.exitCode = null;
    this.killed = false;
    this.spawnfile = null;
    this._id = undefined;
    this._exited = false;
  }

  spawn(options) {
    validateString(options.file, 'options.file');
    this.spawnfile = options.file;
    this.spawnargs = options.args;
    const stdio = getValidStdio(options.stdio ?? 'pipe');
    const result = binding.spawn(...spawnArgs(options, stdio));

    if (result.error === undefined) {
      this._id = result.id;
      this.pid = result.pid;
    }
    this.stdin = stdio[0] === 'pipe' ? createStdin(this, this._id) : null;
    this.stdout = stdio[1] === 'pipe' ? createOutput(this, this._id, 1) : null;
    this.stderr = stdio[2] === 'pipe' ? createOutput(this, this._id, 2) : null;
    this.stdio = [this.stdin, this.stdout, this.stderr];
    if (result.error !== undefined) {
      process.nextTick(() => this._onExit(result.error, null));
      return result.error;
    }
    onComplete(binding.wait(this._id), (err, exit) => {
      if (err) this._onExit(err.errno ?? -1, null);
      else this._onExit(exit[0], exit[1] === null ? null : signalNames[exit[1]]);
    });
    process.nextTick(() => this.emit('spawn'));
    return 0;
  }

  _onExit(exitCode, signalCode) {
    this._exited = true;
    if (signalCode) this.signalCode = signalCode;
    else this.exitCode = exitCode;
    if (this.stdin) this.stdin.destroy();
    if (exitCode < 0) {
      const syscall = this.spawnfile ? `spawn ${this.spawnfile}` : 'spawn';
      const err = new ErrnoException(exitCode, syscall);
      if (this.spawnfile) err.path = this.spawnfile;
      err.spawnargs = this.spawnargs.slice(1);
      this.emit('error', err);
    } else {
      this.emit('exit', this.exitCode, this.signalCode);
    }
    process.nextTick(flushStdio, this);
    maybeClose(this);
  }

  kill(sig) {
    const signal = sig === 0 ? sig : convertToValidSignal(sig === undefined ? 'SIGTERM' : sig);
    if (this._id === undefined || this._exited) return false;
    const err = binding.kill(this.pid, signal);
    if (err === 0) {
      this.killed = true;
      return true;
    }
    if (err === UV_ESRCH) {
      // Already gone: the exit is on its way.
    } else if (err === UV_EINVAL || err === UV_ENOSYS) {
      throw new ErrnoException(err, 'kill');
    } else {
      this.emit('error', new ErrnoException(err, 'kill'));
    }
    return false;
  }

  [Symbol.dispose]() {
    if (!this.killed) this.kill();
  }

  // The child is waited for on the blocking pool, which always keeps the loop alive.
  ref() {}

  unref() {}
}

// Runs a child to completion; returns Node's spawnSync result.
function spawnSync(options) {
  const stdio = getValidStdio(options.stdio);
  const input = options.input ?? null;
  const result = binding.spawnSync(
    ...spawnArgs(options, stdio),
    input === null ? null : (typeof input === 'string' ? Buffer.from(input, 'utf8') : input),
    options.timeout ?? 0,
    options.killSignal ?? signals.SIGTERM,
    options.maxBuffer ?? Infinity,
  );
  if (typeof result.signal === 'number') result.signal = signalNames[result.signal];
  if (result.output) {
    for (let i = 0; i < result.output.length; i++) {
      const bytes = result.output[i];
      if (!bytes) continue;
      const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);
      result.output[i] = options.encoding && options.encoding !== 'buffer' ?
        buffer.toString(options.encoding) : buffer;
    }
  }
  result.stdout = result.output?.[1];
  result.stderr = result.output?.[2];
  if (result.error) {
    result.error = new ErrnoException(result.error, `spawnSync ${options.file}`);
    result.error.path = options.file;
    result.error.spawnargs = options.args.slice(1);
  }
  return result;
}

function validateStdioInput(input, name) {
  if (typeof input !== 'string' && !ArrayBuffer.isView(input)) {
    throw new ERR_INVALID_ARG_TYPE(name, ['string', 'Buffer', 'TypedArray', 'DataView'], input);
  }
}

module.exports = {
  ChildProcess,
  convertToValidSignal,
  getValidStdio,
  signalNames,
  spawnSync,
  validateStdioInput,
};
