'use strict';
// The ChildProcess class and the synchronous spawn behind `child_process`. A child runs on
// the loop (internalBinding('process_wrap')): its exit is an event for its Process handle,
// and each stdio pipe is a net.Socket over a Pipe handle, as in Node. spawnSync blocks
// (internalBinding('child_process')). Also the stdio and signal helpers the public module
// shares.

const EventEmitter = require('events');
const { Buffer } = require('buffer');
const { HandleWrap, owners } = require('internal/handle_events');
const {
  ErrnoException,
  codes: {
    ERR_INVALID_ARG_TYPE,
    ERR_INVALID_ARG_VALUE,
    ERR_IPC_ONE_PIPE,
    ERR_IPC_SYNC_FORK,
    ERR_METHOD_NOT_IMPLEMENTED,
    ERR_UNKNOWN_SIGNAL,
  },
} = require('internal/errors');
const {
  validateArray, validateObject, validateOneOf, validateString,
} = require('internal/validators');
const { signals } = require('os').constants;

const binding = internalBinding('child_process');
const processWrap = internalBinding('process_wrap');

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

// The stdio option as one mode per child descriptor: 'pipe' | 'inherit' | 'ignore' | an fd
// number as a string. A stream or handle given for an entry (Node's 'wrap') passes its
// descriptor; `wraps[i]` keeps it so the parent stops reading it, as Node does. The 'ipc'
// entry is a pipe too; `wraps.ipc` tells which.
function getValidStdio(stdio, sync, wraps) {
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
    if (mode === 'pipe' || mode === 'overlapped' || mode === 'inherit' || mode === 'ignore') {
      if (sync && i >= 3 && mode !== 'ignore' && mode !== 'inherit') {
        throw new ERR_METHOD_NOT_IMPLEMENTED('child_process.spawnSync with extra stdio pipes');
      }
      modes.push(mode === 'overlapped' ? 'pipe' : mode);
    } else if (mode === 'ipc') {
      if (sync) throw new ERR_IPC_SYNC_FORK();
      if (wraps?.ipc !== undefined) throw new ERR_IPC_ONE_PIPE();
      if (wraps) wraps.ipc = i;
      modes.push('pipe');
    } else if (typeof mode === 'number' || typeof mode?.fd === 'number') {
      const fd = typeof mode === 'number' ? mode : mode.fd;
      modes.push(fd === i ? 'inherit' : String(fd));
    } else if (typeof mode === 'object' && wrapHandle(mode) !== null) {
      const handle = wrapHandle(mode);
      const fd = handle.fd;
      if (fd < 0) throw new ERR_INVALID_ARG_VALUE('stdio', mode);
      modes.push(String(fd));
      if (wraps) wraps[i] = { handle, stream: mode };
    } else if (!sync || !(ArrayBuffer.isView(mode) || typeof mode === 'string')) {
      throw new ERR_INVALID_ARG_VALUE('stdio', mode);
    } else {
      modes.push('pipe');
    }
  }
  return modes;
}

// The stream handle in a stdio entry: the handle itself, or a socket's.
function wrapHandle(value) {
  const { StreamHandle } = require('internal/stream_handles');
  for (const candidate of [value, value.handle, value._handle]) {
    if (candidate instanceof StreamHandle) return candidate;
  }
  return null;
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

// Node's Process wrap: the loop's handle of a running child.
class Process extends HandleWrap {
  kill(signal) { return binding.kill(this.pid, signal); }
}

// A stdio pipe of the child as a net.Socket over a Pipe handle (no handle when the child
// never started), as Node's createSocket.
function createSocket(id, readable) {
  const net = require('net');
  if (id === null || id === undefined) return new net.Socket({ readable });
  const { Pipe } = require('internal/stream_handles');
  return new net.Socket({ handle: new Pipe(id, false), readable });
}

function maybeClose(child) {
  child._closesGot++;
  if (child._closesGot === child._closesNeeded) {
    child.emit('close', child.exitCode, child.signalCode);
  }
}

// Reads what is still buffered in the output pipes, so 'close' is not held back by a
// stream nobody consumes (Node flushes them too).
function flushStdio(child) {
  const stdio = child.stdio;
  if (stdio == null) return;
  for (const stream of stdio) {
    if (!stream || !stream.readable || stream[kIsUsedInChildProcess]) continue;
    stream.resume();
  }
}

const kIsUsedInChildProcess = Symbol('kIsUsedInChildProcess');

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
    this._handle = null;
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
    validateOneOf(options.serialization, 'options.serialization', [undefined, 'json', 'advanced']);
    // The V8 serializer behind 'advanced' is not there yet: JSON is all a channel speaks.
    if (options.serialization === 'advanced') {
      throw new ERR_METHOD_NOT_IMPLEMENTED("fork() with serialization: 'advanced'");
    }
    const wraps = [];
    const stdio = getValidStdio(options.stdio ?? 'pipe', false, wraps);
    const ipc = wraps.ipc;
    let envPairs = options.envPairs;
    if (ipc !== undefined) {
      // The child finds its end of the channel by these, as a Node child does.
      envPairs = envPairs ?? Object.entries(process.env).map(([k, v]) => `${k}=${v}`);
      envPairs = [...envPairs, `NODE_CHANNEL_FD=${ipc}`,
                  `NODE_CHANNEL_SERIALIZATION_MODE=${options.serialization || 'json'}`];
    }
    const result = processWrap.spawn(
      ...spawnArgs({ ...options, envPairs, args: this.spawnargs }, stdio));
    const started = result.error === undefined;
    if (started) {
      this._handle = new Process(result.id);
      this._handle.pid = result.pid;
      this.pid = result.pid;
      owners.set(result.id, this);
    }

    this.stdio = [];
    for (let i = 0; i < stdio.length; i++) {
      const wrap = wraps[i];
      if (wrap !== undefined) {
        // The child reads this stream now: the parent stops reading it.
        const { handle, stream } = wrap;
        handle.readStop();
        handle.reading = false;
        if (typeof stream.pause === 'function' && stream._readableState) {
          stream.pause();
          stream._readableState.flowing = false;
          stream._readableState.reading = false;
          stream[kIsUsedInChildProcess] = true;
        }
        this.stdio.push(null);
        continue;
      }
      if (stdio[i] !== 'pipe' || i === ipc) {
        this.stdio.push(null);
        continue;
      }
      const socket = createSocket(started ? result.pipes[i] : null, i > 0);
      if (i > 0 && started) {
        this._closesNeeded++;
        socket.on('close', () => maybeClose(this));
      }
      this.stdio.push(socket);
    }
    this.stdin = this.stdio[0] ?? null;
    this.stdout = this.stdio[1] ?? null;
    this.stderr = this.stdio[2] ?? null;
    if (ipc !== undefined && started) {
      const { ChannelHandle, setupChannel } = require('internal/child_process/ipc');
      this._closesNeeded++;
      setupChannel(this, new ChannelHandle(result.pipes[ipc]), () => maybeClose(this));
    }

    if (!started) {
      process.nextTick(() => this._onExit(result.error, null));
      return result.error;
    }
    process.nextTick(() => this.emit('spawn'));
    return 0;
  }

  // The loop's exit event for the process handle.
  _onExit(status, signal) {
    this._exit(status, signal === null ? null : (signalNames[signal] ?? null));
  }

  _onClosed() {}

  _exit(exitCode, signalCode) {
    if (signalCode) this.signalCode = signalCode;
    else this.exitCode = exitCode;
    if (this.stdin) this.stdin.destroy();
    if (this._handle) {
      this._handle.close();
      this._handle = null;
    }
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
    if (this._handle === null) return false;
    const err = this._handle.kill(signal);
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
    if (this._handle) this._handle.ref();
  }

  unref() {
    if (this._handle) this._handle.unref();
  }

  // process.getActiveResourcesInfo() names a ref'd child 'ProcessWrap'.
  _activeResourceName() {
    return this._handle?.refed ? 'ProcessWrap' : undefined;
  }
}

// Runs a child to completion; returns Node's spawnSync result.
function spawnSync(options) {
  const stdio = getValidStdio(options.stdio, true);
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
