'use strict';
// The ChildProcess class and the synchronous spawn behind `child_process`, over
// internalBinding('child_process'): a child is started by one op; its exit, each chunk of
// its stdout/stderr (one per read request) and each finished write to its stdin come back
// as events, carried for all children by one outstanding `nextEvents` request settled
// through internal/async_ops. Also the stdio and signal helpers the public module shares.

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
const { validateArray, validateObject, validateString } = require('internal/validators');
const { signals } = require('os').constants;

const binding = internalBinding('child_process');

const signalNames = { __proto__: null };
for (const name of Object.keys(signals)) {
  if (signalNames[signals[name]] === undefined) signalNames[signals[name]] = name;
}

const UV_ESRCH = -3;
const UV_EPIPE = -32;
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
    options.cwd || null,
    options.envPairs ?? null,
    options.args[0] ?? options.file,
    stdio,
    options.uid ?? null,
    options.gid ?? null,
    !!options.detached,
  ];
}

// Live children by binding id. Each child counts the events it still expects (its exit,
// pending reads and writes); while a ref'd child expects one, one `nextEvents` request is
// outstanding and keeps the loop alive. Events of unref'd children wait in the binding's
// queue until the next request.
const liveChildren = new Map();
let polling = false;

function wantsEvents() {
  for (const child of liveChildren.values()) {
    if (child._refed && child._pendingEvents > 0) return true;
  }
  return false;
}

function poll() {
  if (polling || !wantsEvents()) return;
  polling = true;
  onComplete(binding.nextEvents(), onEvents);
}

function expectEvent(child) {
  child._pendingEvents++;
  poll();
}

function onEvents(err, events) {
  polling = false;
  if (err) throw err;
  for (const [id, kind, ...values] of events) {
    const child = liveChildren.get(id);
    if (child === undefined) continue;
    child._pendingEvents--;
    child._handleEvent(kind, values);
  }
  poll();
}

// The pipe to the child's stdin, as a Writable whose writes are answered by 'written'
// events, in order.
function createStdin(child, id) {
  const stream = id === undefined ?
    new Writable({ write(chunk, encoding, callback) { callback(); } }) :
    new Writable({
      write(chunk, encoding, callback) {
        const bytes = typeof chunk === 'string' ? Buffer.from(chunk, encoding) : chunk;
        if (child._released || !binding.write(id, bytes)) {
          callback(new ErrnoException(UV_EPIPE, 'write'));
          return;
        }
        child._writeCallbacks.push(callback);
        expectEvent(child);
      },
      final(callback) {
        if (!child._released) binding.closeStdin(id);
        callback();
      },
      destroy(err, callback) {
        if (!child._released) binding.closeStdin(id);
        callback(err);
      },
    });
  // Node's stdin is a socket that is not readable.
  stream.readable = false;
  return stream;
}

// The pipe from the child's stdout (fd 1) or stderr (fd 2), read one chunk per request;
// without an `id` (the child never started) it just ends, as Node's unconnected pipes do.
function createOutput(child, id, fd) {
  const stream = new Readable({
    read() {
      if (id === undefined) {
        setImmediate(() => stream.push(null));
        return;
      }
      if (child._reading[fd] || child._released) return;
      if (!binding.read(id, fd)) {
        stream.push(null);
        return;
      }
      child._reading[fd] = true;
      expectEvent(child);
    },
    destroy(err, callback) {
      if (id !== undefined && child._reading[fd] && !child._released) binding.cancelRead(id, fd);
      callback(err);
    },
  });
  // Node's stdout and stderr are sockets that are not writable.
  stream.writable = false;
  child._closesNeeded++;
  // Node's stdio sockets end and close by themselves once read out.
  stream.once('end', () => stream.destroy());
  stream.once('close', () => maybeClose(child));
  return stream;
}

function maybeClose(child) {
  child._closesGot++;
  if (child._closesGot === child._closesNeeded) {
    if (child._id !== undefined) {
      child._released = true;
      liveChildren.delete(child._id);
      binding.release(child._id);
    }
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
    this._released = false;
    this._reading = [false, false, false];
    this._writeCallbacks = [];
    this._pendingEvents = 0;
    this._refed = true;
    this._exited = false;
  }

  spawn(options) {
    validateObject(options, 'options');
    if (options.envPairs !== undefined) validateArray(options.envPairs, 'options.envPairs');
    validateString(options.file, 'options.file');
    this.spawnfile = options.file;
    if (options.args === undefined) {
      this.spawnargs = [];
    } else {
      validateArray(options.args, 'options.args');
      this.spawnargs = options.args;
    }
    const stdio = getValidStdio(options.stdio ?? 'pipe');
    const result = binding.spawn(...spawnArgs({ ...options, args: this.spawnargs }, stdio));

    if (result.error === undefined) {
      this._id = result.id;
      this.pid = result.pid;
      liveChildren.set(this._id, this);
      expectEvent(this);
    }
    this.stdin = stdio[0] === 'pipe' ? createStdin(this, this._id) : null;
    this.stdout = stdio[1] === 'pipe' ? createOutput(this, this._id, 1) : null;
    this.stderr = stdio[2] === 'pipe' ? createOutput(this, this._id, 2) : null;
    this.stdio = [this.stdin, this.stdout, this.stderr];
    if (result.error !== undefined) {
      process.nextTick(() => this._onExit(result.error, null));
      return result.error;
    }
    process.nextTick(() => this.emit('spawn'));
    return 0;
  }

  // One event from the child's helper threads (see the binding).
  _handleEvent(kind, values) {
    if (kind === 'exit') {
      const [status, signal] = values;
      this._onExit(status, signal === null ? null : signalNames[signal]);
    } else if (kind === 'data') {
      const [fd, bytes] = values;
      this._reading[fd] = false;
      const stream = fd === 1 ? this.stdout : this.stderr;
      if (bytes.length === 0) stream.push(null);
      else stream.push(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length));
    } else if (kind === 'readError') {
      const [fd, errno] = values;
      this._reading[fd] = false;
      (fd === 1 ? this.stdout : this.stderr).destroy(new ErrnoException(errno, 'read'));
    } else if (kind === 'written') {
      const [errno] = values;
      const callback = this._writeCallbacks.shift();
      callback(errno === 0 ? null : new ErrnoException(errno, 'write'));
    }
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

  ref() {
    this._refed = true;
    if (this._id !== undefined && !this._released) poll();
  }

  unref() {
    this._refed = false;
    // An outstanding request held only for unref'd children must not keep the loop alive.
    if (polling && !wantsEvents()) binding.wakeEvents();
  }
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
