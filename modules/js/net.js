'use strict';
// node:net: TCP and Unix-domain sockets and servers over the loop's handles
// (internalBinding('tcp_wrap'), 'pipe_wrap', 'stream_wrap'), with Node's API, events and
// errors; the autoSelectFamily defaults.

const { validateBoolean, validateInt32 } = require('internal/validators');

const { isIP, isIPv4, isIPv6, normalizedArgsSymbol } = require('internal/net');

// Node's defaults, or what --[no-]network-family-autoselection[-attempt-timeout] says.
let autoSelectFamily = !process.execArgv.includes('--no-network-family-autoselection');
let autoSelectFamilyAttemptTimeout = 500;
for (const arg of process.execArgv) {
  if (arg.startsWith('--network-family-autoselection-attempt-timeout=')) {
    const value = Number(arg.slice(arg.indexOf('=') + 1));
    if (Number.isInteger(value) && value > 0) autoSelectFamilyAttemptTimeout = value < 10 ? 10 : value;
  }
}

function getDefaultAutoSelectFamily() {
  return autoSelectFamily;
}

function setDefaultAutoSelectFamily(value) {
  validateBoolean(value, 'value');
  autoSelectFamily = value;
}

function getDefaultAutoSelectFamilyAttemptTimeout() {
  return autoSelectFamilyAttemptTimeout;
}

function setDefaultAutoSelectFamilyAttemptTimeout(value) {
  validateInt32(value, 'value', 1);
  // Node rounds small values up to its minimum of 10 ms.
  autoSelectFamilyAttemptTimeout = value < 10 ? 10 : value;
}

const EventEmitter = require('events');
const stream = require('stream');
const tcp = internalBinding('tcp_wrap');
const pipe = internalBinding('pipe_wrap');
const handleWrap = internalBinding('handle_wrap');
const {
  ErrnoException, ExceptionWithHostPort, NodeAggregateError, UVExceptionWithHostPort,
  codes: {
    ERR_INVALID_ARG_TYPE, ERR_INVALID_ARG_VALUE, ERR_METHOD_NOT_IMPLEMENTED, ERR_MISSING_ARGS,
    ERR_OUT_OF_RANGE, ERR_INVALID_IP_ADDRESS, ERR_INVALID_ADDRESS_FAMILY,
    ERR_SOCKET_CONNECTION_TIMEOUT, ERR_IP_BLOCKED, ERR_SOCKET_CLOSED_BEFORE_CONNECTION,
    ERR_SERVER_ALREADY_LISTEN, ERR_SERVER_NOT_RUNNING, ERR_SOCKET_CLOSED, ERR_INVALID_FD_TYPE,
  },
} = require('internal/errors');
const {
  validateAbortSignal, validateFunction, validateNumber, validatePort, validateString,
} = require('internal/validators');

// handle id → the Socket or Server that owns it; the loop's events reach them through it.
const { HandleWrap, owners, ownsHandle, unopened } = require('internal/handle_events');
let nextRequest = 0;

// --- the handle objects ------------------------------------------------------------------------
const {
  StreamHandle, TCP, Pipe, kIsServer, kStreamConsumer,
} = require('internal/stream_handles');
const { getTimerDuration } = require('internal/timers');

// --- arguments --------------------------------------------------------------------------------
// connect()/listen() argument shapes, as Node's normalizeArgs: [options, callback], marked
// with normalizedArgsSymbol so connect() knows an array it is given is already normalized.
function normalizeArgs(args) {
  let options = {};
  let cb = null;
  if (args.length > 0) {
    const first = args[0];
    if (typeof first === 'object' && first !== null) {
      options = first;
    } else if (isPipeName(first)) {
      options.path = first;
    } else {
      options.port = first;
      if (args.length > 1 && typeof args[1] === 'string') options.host = args[1];
    }
    const last = args[args.length - 1];
    if (typeof last === 'function') cb = last;
  }
  const normalized = [options, cb];
  normalized[normalizedArgsSymbol] = true;
  return normalized;
}

function isPipeName(s) {
  return typeof s === 'string' && toNumber(s) === false;
}

function toNumber(x) {
  const n = Number(x);
  return n >= 0 ? n : false;
}

function statusError(status, syscall, address, port) {
  return new ExceptionWithHostPort(status, syscall, address, port);
}

// --- Socket -----------------------------------------------------------------------------------
const kBytesRead = Symbol('kBytesRead');
const kBytesWritten = Symbol('kBytesWritten');
const kTimeout = Symbol('kTimeout');
const kPendingWrites = Symbol('kPendingWrites');
const kPendingShutdown = Symbol('kPendingShutdown');
const kReading = Symbol('kReading');
const kHadError = Symbol('kHadError');
const kSetNoDelay = Symbol('kSetNoDelay');
const kOnRead = Symbol('kOnRead');
const kTypeOfService = Symbol('kTypeOfService');
// A 'net' performance entry in the making (Node's kPerfHooksNetConnectContext).
const kPerfConnect = Symbol('kPerfConnect');
let perfHooks;
function lazyPerf() {
  perfHooks ??= require('internal/perf/performance');
  return perfHooks;
}
const kSetKeepAlive = Symbol('kSetKeepAlive');
const kSetKeepAliveInitialDelay = Symbol('kSetKeepAliveInitialDelay');

function Socket(options) {
  if (!(this instanceof Socket)) return new Socket(options);
  if (typeof options === 'number') options = { fd: options };
  else options = { ...options };
  // Sockets carry bytes: object mode is refused, as Node does.
  for (const key of ['objectMode', 'readableObjectMode', 'writableObjectMode']) {
    if (options[key]) {
      throw new ERR_INVALID_ARG_VALUE(`options.${key}`, options[key], 'is not supported');
    }
  }
  if (options.blockList !== undefined && !isBlockList(options.blockList)) {
    throw new ERR_INVALID_ARG_TYPE('options.blockList', 'net.BlockList', options.blockList);
  }
  const allowHalfOpen = Boolean(options.allowHalfOpen);
  stream.Duplex.call(this, {
    ...options,
    // The signal is the socket's own (below), not the stream's as well.
    signal: undefined,
    allowHalfOpen,
    // 'close' comes from the handle's close, with hadError, as in Node.
    emitClose: false,
    autoDestroy: true,
    decodeStrings: false,
  });
  this.connecting = false;
  this.blockList = options.blockList;
  this._hadError = false;
  this._handle = null;
  this._host = null;
  this._server = null;
  this.server = null;
  this._peername = null;
  this._sockname = null;
  this[kBytesRead] = 0;
  this[kBytesWritten] = 0;
  this[kTimeout] = null;
  this[kPendingWrites] = new Map();
  this[kPendingShutdown] = null;
  this[kHadError] = false;
  if (options.onread !== null && typeof options.onread === 'object') {
    const { buffer, callback } = options.onread;
    if (typeof buffer !== 'function' && !(buffer instanceof Uint8Array)) {
      throw new ERR_INVALID_ARG_TYPE('options.onread.buffer', ['Buffer', 'TypedArray', 'Function'],
                                     buffer);
    }
    validateFunction(callback, 'options.onread.callback');
    // Reads go into the user's buffer and to the callback, not to 'data' (Node's onread).
    this[kOnRead] = { buffer, callback, queue: [], ended: false };
  }
  this[kSetNoDelay] = Boolean(options.noDelay);
  this[kSetKeepAlive] = Boolean(options.keepAlive);
  this[kSetKeepAliveInitialDelay] = Math.max(~~(options.keepAliveInitialDelay / 1000), 0);
  if (options.handle !== undefined) {
    this._handle = options.handle;
    owners.set(this._handle.id, this);
  } else if (options.fd !== undefined) {
    this._handle = createHandle(options.fd, false);
    owners.set(this._handle.id, this);
  }
  this.on('end', onReadableStreamEnd);
  if (this._handle !== null && options.readable !== false) {
    if (options.pauseOnConnect) {
      this.pause();
    } else if (!options.manualStart) {
      this.read(0);
    }
  }
  if (options.signal) {
    const { addAbortSignal } = require('stream');
    addAbortSignal(options.signal, this);
  }
}
Object.setPrototypeOf(Socket.prototype, stream.Duplex.prototype);
Object.setPrototypeOf(Socket, stream.Duplex);

// A stream handle over descriptor `fd` (a pipe, Unix or TCP socket), as Node's createHandle
// with Pipe.open / TCP.open: ERR_INVALID_FD_TYPE for anything else.
function createHandle(fd, isServer) {
  validateInt32(fd, 'fd', 0);
  const type = internalBinding('tty_wrap').guessHandleType(fd);
  if (type !== 'PIPE' && type !== 'TCP') throw new ERR_INVALID_FD_TYPE(type);
  const id = pipe.open(fd);
  if (id < 0) throw new ErrnoException(id, 'open');
  return type === 'PIPE' ? new Pipe(id, isServer) : new TCP(id, isServer);
}

// Whether the handle is reading: kept on the handle (`handle.reading`), as in Node, where
// stdin and child_process stop a handle's reading from outside.
Object.defineProperty(Socket.prototype, kReading, {
  __proto__: null,
  get() { return this._handle ? this._handle.reading === true : false; },
  set(value) { if (this._handle) this._handle.reading = value; },
  configurable: true,
});

function onReadableStreamEnd() {
  if (!this.allowHalfOpen) {
    this.write = writeAfterFIN;
  }
}

function writeAfterFIN(chunk, encoding, cb) {
  if (!this.writableEnded) {
    return stream.Duplex.prototype.write.call(this, chunk, encoding, cb);
  }
  if (typeof encoding === 'function') {
    cb = encoding;
    encoding = null;
  }
  const er = new Error('This socket has been ended by the other party');
  er.code = 'EPIPE';
  if (typeof cb === 'function') process.nextTick(cb, er);
  this.destroy(er);
  return false;
}

Object.defineProperty(Socket.prototype, 'pending', {
  get() { return !this._handle || this.connecting; },
  configurable: true,
});

Object.defineProperty(Socket.prototype, 'readyState', {
  get() {
    if (this.connecting) return 'opening';
    if (this.readable && this.writable) return 'open';
    if (this.readable && !this.writable) return 'readOnly';
    if (!this.readable && this.writable) return 'writeOnly';
    return 'closed';
  },
  configurable: true,
});

Object.defineProperty(Socket.prototype, 'bufferSize', {
  get() { return this._handle ? this.writableLength : undefined; },
  configurable: true,
});

Object.defineProperty(Socket.prototype, 'bytesRead', {
  get() { return this[kBytesRead]; },
  configurable: true,
});

Object.defineProperty(Socket.prototype, 'bytesWritten', {
  get() {
    let bytes = this[kBytesWritten];
    const buffered = this.writableBuffer;
    if (!buffered) return undefined;
    for (const entry of buffered) {
      bytes += Buffer.isBuffer(entry.chunk) ? entry.chunk.length
        : Buffer.byteLength(entry.chunk, entry.encoding);
    }
    // Data handed over while still connecting counts as written, as in Node.
    if (this._pendingData) bytes += this._pendingData.length;
    return bytes;
  },
  configurable: true,
});

Object.defineProperty(Socket.prototype, '_connecting', {
  get() { return this.connecting; },
  configurable: true,
});

function addressInfo(triple) {
  if (typeof triple === 'number') return {};
  return { address: triple[0], family: triple[1] === undefined ? undefined : triple[2], port: triple[1] };
}

Socket.prototype._getpeername = function _getpeername() {
  if (!this._handle) return this._peername || {};
  if (!this._peername) {
    const triple = this._handle.getpeername();
    if (typeof triple === 'number') return {};
    this._peername = { address: triple[0], family: triple[2], port: triple[1] };
  }
  return this._peername;
};

Socket.prototype._getsockname = function _getsockname() {
  if (!this._handle) return {};
  if (!this._sockname) {
    const triple = this._handle.getsockname();
    if (typeof triple === 'number') return {};
    this._sockname = { address: triple[0], family: triple[2], port: triple[1] };
  }
  return this._sockname;
};

Socket.prototype.address = function address() {
  return this._getsockname();
};

for (const [name, key, field] of [
  ['remoteAddress', '_getpeername', 'address'],
  ['remoteFamily', '_getpeername', 'family'],
  ['remotePort', '_getpeername', 'port'],
  ['localAddress', '_getsockname', 'address'],
  ['localFamily', '_getsockname', 'family'],
  ['localPort', '_getsockname', 'port'],
]) {
  Object.defineProperty(Socket.prototype, name, {
    get() { return this[key]()[field]; },
    configurable: true,
  });
}

// Remembered while there is no socket yet, applied on connect; a handle is asked only when
// the setting changes, as Node does.
Socket.prototype.setNoDelay = function setNoDelay(enable) {
  enable = Boolean(enable === undefined ? true : enable);
  if (!this._handle || this._handle.id === 0) {
    this[kSetNoDelay] = enable;
    return this;
  }
  if (this._handle.setNoDelay && enable !== this[kSetNoDelay]) {
    this[kSetNoDelay] = enable;
    this._handle.setNoDelay(enable);
  }
  return this;
};

// The IP type of service (DSCP and ECN bits), kept until the socket exists.
Socket.prototype.setTypeOfService = function setTypeOfService(tos) {
  if (typeof tos !== 'number' || Number.isNaN(tos)) {
    throw new ERR_INVALID_ARG_TYPE('tos', 'number', tos);
  }
  if (!Number.isInteger(tos) || tos < 0 || tos > 255) {
    throw new ERR_OUT_OF_RANGE('tos', '>= 0 && <= 255', tos);
  }
  this[kTypeOfService] = tos;
  if (this._handle && this._handle.id !== 0 && this._handle.typeOfService) {
    const result = this._handle.typeOfService(tos);
    if (result < 0) throw new ErrnoException(result, 'setTypeOfService');
  }
  return this;
};

Socket.prototype.getTypeOfService = function getTypeOfService() {
  if (this._handle && this._handle.id !== 0 && this._handle.typeOfService) {
    const result = this._handle.typeOfService(-1);
    if (result < 0) throw new ErrnoException(result, 'getTypeOfService');
    return result;
  }
  return this[kTypeOfService] ?? 0;
};

Socket.prototype.setKeepAlive = function setKeepAlive(enable, initialDelayMsecs) {
  enable = Boolean(enable);
  const initialDelay = Math.max(~~(initialDelayMsecs / 1000), 0);
  if (!this._handle || this._handle.id === 0) {
    this[kSetKeepAlive] = enable;
    this[kSetKeepAliveInitialDelay] = initialDelay;
    return this;
  }
  if (!this._handle.setKeepAlive) return this;
  if (enable !== this[kSetKeepAlive] ||
      (enable && this[kSetKeepAliveInitialDelay] !== initialDelay)) {
    this[kSetKeepAlive] = enable;
    this[kSetKeepAliveInitialDelay] = initialDelay;
    this._handle.setKeepAlive(enable, initialDelay);
  }
  return this;
};

Socket.prototype.setTimeout = function setTimeout(msecs, callback) {
  if (this.destroyed) return this;
  // `socket.timeout` is a plain property, as Node's setStreamTimeout sets it.
  this.timeout = msecs;
  msecs = getTimerDuration(msecs, 'msecs');
  if (callback !== undefined) validateFunction(callback, 'callback');
  if (this[kTimeout]) {
    clearTimeout(this[kTimeout]);
    this[kTimeout] = null;
  }
  if (msecs === 0) {
    if (callback !== undefined) this.removeListener('timeout', callback);
  } else {
    // Kept after it fires: activity re-arms it (refresh), as Node's socket timer.
    this[kTimeout] = globalThis.setTimeout(() => this.emit('timeout'), msecs);
    this[kTimeout].unref();
    if (callback !== undefined) this.once('timeout', callback);
  }
  return this;
};


Socket.prototype._unrefTimer = function _unrefTimer() {
  if (this[kTimeout]) this[kTimeout].refresh();
};

Socket.prototype.ref = function ref() {
  if (!this._handle) {
    this.once('connect', this.ref);
    return this;
  }
  this._handle.ref();
  return this;
};

Socket.prototype.unref = function unref() {
  if (!this._handle) {
    this.once('connect', this.unref);
    return this;
  }
  this._handle.unref();
  return this;
};

Socket.prototype._read = function _read() {
  if (this.connecting || !this._handle) {
    this.once('connect', () => this._read());
    return;
  }
  if (!this[kReading]) {
    this[kReading] = true;
    const status = this._handle.readStart();
    if (status < 0) this.destroy(new ErrnoException(status, 'read'));
  }
};

Socket.prototype._onRead = function _onRead(bytes) {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  this[kBytesRead] += buffer.length;
  this._unrefTimer();
  const consumer = this._handle?.[kStreamConsumer];
  if (consumer !== undefined) {
    consumer.onConsumedRead(buffer);
    return;
  }
  if (this[kOnRead]) {
    this[kOnRead].queue.push(buffer);
    this._deliverOnRead();
    return;
  }
  if (!this.push(buffer) && this._handle && this[kReading]) {
    this[kReading] = false;
    this._handle.readStop();
  }
};

// onread mode: hands queued bytes to the callback, one user buffer at a time (as libuv
// reads into the buffer the alloc callback gives), until the callback returns false or the
// socket is paused; then the end, which asks for one more buffer as libuv's last read does.
Socket.prototype._deliverOnRead = function _deliverOnRead() {
  const onread = this[kOnRead];
  while (onread.queue.length > 0) {
    if (onread.paused) return;
    const chunk = onread.queue[0];
    const target = typeof onread.buffer === 'function' ? onread.buffer() : onread.buffer;
    const n = Math.min(target.length, chunk.length);
    target.set(chunk.subarray(0, n));
    if (n === chunk.length) onread.queue.shift();
    else onread.queue[0] = chunk.subarray(n);
    if (onread.callback.call(this, n, target) === false) this.pause();
  }
  if (onread.ended && !onread.paused && !onread.endDelivered) {
    onread.endDelivered = true;
    if (typeof onread.buffer === 'function') onread.buffer();
    this[kReading] = false;
    this.push(null);
    this.read(0);
  }
};

Socket.prototype._onEnd = function _onEnd() {
  if (this[kOnRead]) {
    this[kOnRead].ended = true;
    this._deliverOnRead();
    return;
  }
  this[kReading] = false;
  this.push(null);
  // The readable side is done; a socket that can't stay half open ends its writable side
  // (the Duplex does that), and is destroyed once both are done (autoDestroy).
  this.read(0);
};

Socket.prototype._onReadError = function _onReadError(status) {
  this[kReading] = false;
  this.destroy(new ErrnoException(status, 'read'));
};

// With `onread`, reading stops and starts with pause()/resume(); otherwise the stream's
// backpressure does it (a full buffer stops the handle, _read starts it), as in Node.
Socket.prototype.pause = function pause() {
  if (this[kOnRead]) {
    this[kOnRead].paused = true;
    if (this._handle && this[kReading] && !this.connecting) {
      this[kReading] = false;
      if (!this.destroyed) {
        const status = this._handle.readStop();
        if (status < 0) this.destroy(new ErrnoException(status, 'read'));
      }
    }
  }
  return stream.Duplex.prototype.pause.call(this);
};

Socket.prototype.resume = function resume() {
  if (this[kOnRead] && this._handle && !this[kReading] && !this.connecting && !this.destroyed) {
    this._read();
  }
  const result = stream.Duplex.prototype.resume.call(this);
  if (this[kOnRead]?.paused) {
    this[kOnRead].paused = false;
    this._deliverOnRead();
  }
  return result;
};

Socket.prototype._writeGeneric = function _writeGeneric(data, cb) {
  if (this.connecting) {
    this._pendingData = data;
    // Destroyed before connecting: the write fails, as Node's does.
    const onClose = () => cb(new ERR_SOCKET_CLOSED_BEFORE_CONNECTION());
    this.once('connect', () => {
      this.off('close', onClose);
      this._pendingData = null;
      this._writeGeneric(data, cb);
    });
    this.once('close', onClose);
    return;
  }
  if (!this._handle) {
    cb(new ERR_SOCKET_CLOSED());
    return;
  }
  this._unrefTimer();
  const req = ++nextRequest;
  const status = this._handle.writeBuffer(data, req);
  if (status < 0) {
    cb(new ErrnoException(status, 'write'));
    return;
  }
  // Counted when handed to the handle, queued or not, as Node's bytesWritten.
  this[kBytesWritten] += data.length;
  if (status === 0) {
    cb();
    return;
  }
  this[kPendingWrites].set(req, { cb, bytes: data.length });
};

Socket.prototype._write = function _write(chunk, encoding, cb) {
  const data = typeof chunk === 'string' ? Buffer.from(chunk, encoding) : chunk;
  this._writeGeneric(data, cb);
};

// Small batches are joined into one write (one syscall); a batch holding a large buffer is
// written buffer by buffer instead, so that a 1 MiB body after a short HTTP head is never
// copied. The handle writes in order, so the batch is done when its last write is.
const kWritevCopyLimit = 16 * 1024;

Socket.prototype._writev = function _writev(chunks, cb) {
  const buffers = chunks.map(({ chunk, encoding }) =>
    (typeof chunk === 'string' ? Buffer.from(chunk, encoding) : chunk));
  if (buffers.length === 1) return this._writeGeneric(buffers[0], cb);
  let total = 0;
  for (const b of buffers) total += b.length;
  if (total <= kWritevCopyLimit || this.connecting || !this._handle) {
    return this._writeGeneric(Buffer.concat(buffers, total), cb);
  }
  let failed = false;
  const last = buffers.length - 1;
  for (let i = 0; i < last; i++) {
    this._writeGeneric(buffers[i], (err) => {
      if (err && !failed) {
        failed = true;
        cb(err);
      }
    });
    if (failed) return;
  }
  this._writeGeneric(buffers[last], (err) => {
    if (!failed) cb(err);
  });
};

Socket.prototype._onWriteDone = function _onWriteDone(req, status) {
  const entry = this[kPendingWrites].get(req);
  if (entry === undefined) return;
  this[kPendingWrites].delete(req);
  if (status < 0) {
    entry.cb(new ErrnoException(status, 'write'));
    return;
  }
  this._unrefTimer();
  entry.cb();
};

Socket.prototype._final = function _final(cb) {
  if (this.connecting) {
    this.once('connect', () => this._final(cb));
    return;
  }
  if (!this._handle) {
    cb();
    return;
  }
  const req = ++nextRequest;
  const status = this._handle.shutdown(req);
  if (status < 0 && status !== -107 /* ENOTCONN */) {
    cb(new ErrnoException(status, 'shutdown'));
    return;
  }
  if (status < 0) {
    cb();
    return;
  }
  this[kPendingShutdown] = { req, cb };
};

Socket.prototype._onShutdownDone = function _onShutdownDone(req) {
  const pending = this[kPendingShutdown];
  if (pending === null || pending.req !== req) return;
  this[kPendingShutdown] = null;
  pending.cb();
};

Socket.prototype.destroySoon = function destroySoon() {
  if (this.writable) this.end();
  if (this.writableFinished) this.destroy();
  else this.once('finish', this.destroy);
};

Socket.prototype.resetAndDestroy = function resetAndDestroy() {
  if (!this._handle) {
    this.destroy(new ERR_SOCKET_CLOSED());
  } else if (this.connecting) {
    this.once('connect', () => this._reset());
  } else {
    this._reset();
  }
  return this;
};

// Closes with SO_LINGER 0, so the peer sees ECONNRESET rather than an orderly end.
Socket.prototype._reset = function _reset() {
  if (this._handle) this._handle.reset();
  this.destroy();
};

Socket.prototype._destroy = function _destroy(exception, cb) {
  if (this[kTimeout]) {
    clearTimeout(this[kTimeout]);
    this[kTimeout] = null;
  }
  this.connecting = false;
  this[kHadError] = this[kHadError] || !!exception;
  // 'error' (queued by the stream for the next tick) comes before 'close'.
  cb(exception);
  if (this._handle && this._handle.id === 0) {
    // A handle made at connect() whose socket never opened: nothing to close.
    this._handle = null;
    unopened.delete(this);
  }
  if (this._handle) {
    // Remember the addresses: they stay readable after close, as in Node.
    this._getpeername();
    this._getsockname();
    const handle = this._handle;
    this._handle = null;
    this[kReading] = false;
    this._closingHandle = handle;
    handle.close();
  } else {
    process.nextTick(emitCloseNT, this, this[kHadError]);
  }
  if (this._server) {
    this._server._connections--;
    if (this._server._emitCloseIfDrained) this._server._emitCloseIfDrained();
  }
};

Socket.prototype._activeRequestName = function _activeRequestName() {
  return this._pendingConnect && this._handle?.id ? 'ConnectWrap' : undefined;
};

Socket.prototype._activeResourceName = function _activeResourceName() {
  const handle = this._handle;
  if (!handle || handle.refed === false) return undefined;
  return handle instanceof Pipe ? 'PipeWrap' : 'TCPSocketWrap';
};

Socket.prototype._onClosed = function _onClosed() {
  this[kPendingWrites].clear();
  this.emit('close', this[kHadError]);
};

function emitCloseNT(socket, hadError) {
  socket.emit('close', hadError);
}

Socket.prototype.connect = function connect(...args) {
  let normalized;
  if (Array.isArray(args[0]) && args[0][normalizedArgsSymbol]) {
    normalized = args[0];
  } else {
    normalized = normalizeArgs(args);
  }
  const [options, cb] = normalized;
  if (this.write !== Socket.prototype.write) this.write = Socket.prototype.write;
  if (this.destroyed) {
    this._handle = null;
    this._peername = null;
    this._sockname = null;
    this._undestroy();
  }
  if (cb !== null) this.once('connect', cb);
  if (options.timeout) this.setTimeout(options.timeout);
  this[kBytesRead] = 0;
  this[kBytesWritten] = 0;
  if (options.path !== undefined && options.path !== null) {
    validateString(options.path, 'options.path');
    this.connecting = true;
    this._connectPipe(options.path);
    return this;
  }
  if (options.port === undefined && options.path == null) {
    throw new ERR_MISSING_ARGS(['options', 'port', 'path']);
  }
  lookupAndConnect(this, options);
  return this;
};

function socketToDnsFamily(family) {
  switch (family) {
    case 'IPv4': return 4;
    case 'IPv6': return 6;
  }
  return family;
}

// Validates the TCP options, looks the host up (unless it is an IP) and connects, as Node's
// lookupAndConnect: one address, or with autoSelectFamily every address, families
// alternating, each attempt given autoSelectFamilyAttemptTimeout before the next.
function lookupAndConnect(self, options) {
  const { localAddress, localPort } = options;
  const host = options.host || 'localhost';
  let { port, autoSelectFamilyAttemptTimeout: attemptTimeout, autoSelectFamily: autoSelect } =
    options;
  if (options.host != null && typeof options.host !== 'string') {
    throw new ERR_INVALID_ARG_TYPE('options.host', 'string', options.host);
  }
  if (localAddress && !isIP(localAddress)) throw new ERR_INVALID_IP_ADDRESS(localAddress);
  if (options.blockList !== undefined) {
    if (!isBlockList(options.blockList)) {
      throw new ERR_INVALID_ARG_TYPE('options.blockList', 'net.BlockList', options.blockList);
    }
    self.blockList = options.blockList;
  }
  if (localPort) validateNumber(localPort, 'options.localPort');
  // A local port alone binds the wildcard address of the destination's family (below).
  self._localBinding = localAddress || localPort ?
    { localAddress: localAddress || '', localPort: localPort | 0 } : null;
  if (typeof port !== 'undefined') {
    if (typeof port !== 'number' && typeof port !== 'string') {
      throw new ERR_INVALID_ARG_TYPE('options.port', ['number', 'string'], port);
    }
    port = validatePort(port);
  }
  port |= 0;
  if (autoSelect != null) validateBoolean(autoSelect, 'options.autoSelectFamily');
  else autoSelect = autoSelectFamily;
  if (attemptTimeout != null) {
    validateInt32(attemptTimeout, 'options.autoSelectFamilyAttemptTimeout', 1);
    if (attemptTimeout < 10) attemptTimeout = 10;
  } else {
    attemptTimeout = autoSelectFamilyAttemptTimeout;
  }
  self.connecting = true;
  self._host = host;
  // The handle exists from connect() on, as in Node (user code may reach it at once); its
  // socket opens with the first attempt.
  if (!self._handle) {
    self._handle = new TCP(0, false);
    unopened.add(self);
  }
  const addressType = isIP(host);
  if (addressType) {
    process.nextTick(() => {
      if (self.connecting) self._connectTo([{ address: host, family: addressType }], port, 0);
    });
    return;
  }
  if (options.lookup != null) validateFunction(options.lookup, 'options.lookup');
  const dns = require('dns');
  const dnsopts = { family: socketToDnsFamily(options.family), hints: options.hints || 0 };
  if (dnsopts.family !== 4 && dnsopts.family !== 6 && dnsopts.hints === 0) {
    dnsopts.hints = dns.ADDRCONFIG;
  }
  const lookup = options.lookup || dns.lookup;
  if (dnsopts.family !== 4 && dnsopts.family !== 6 && !localAddress && autoSelect) {
    dnsopts.all = true;
    lookup(host, dnsopts, (err, addresses) => {
      if (!self.connecting) return;
      if (err) {
        self.emit('lookup', err, undefined, undefined, host);
        process.nextTick(destroyNT, self, err);
        return;
      }
      const byFamily = [[], []];
      const seen = new Set();
      let order;
      for (const { address: ip, family } of addresses) {
        self.emit('lookup', err, ip, family, host);
        if (!self.connecting) return;
        if (typeof ip === 'string' && isIP(ip) && (family === 4 || family === 6) &&
            !seen.has(ip)) {
          order ??= family === 6 ? { 6: 0, 4: 1 } : { 4: 0, 6: 1 };
          seen.add(ip);
          byFamily[order[family]].push({ address: ip, family });
        }
      }
      if (byFamily[0].length === 0 && byFamily[1].length === 0) {
        const first = addresses[0];
        const bad = !first || typeof first.address !== 'string' || !isIP(first.address) ?
          new ERR_INVALID_IP_ADDRESS(first?.address) :
          new ERR_INVALID_ADDRESS_FAMILY(first.family, options.host, options.port);
        process.nextTick(destroyNT, self, bad);
        return;
      }
      const attempts = [];
      for (let i = 0; i < Math.max(byFamily[0].length, byFamily[1].length); i++) {
        if (i in byFamily[0]) attempts.push(byFamily[0][i]);
        if (i in byFamily[1]) attempts.push(byFamily[1][i]);
      }
      self._connectTo(attempts, port, attempts.length > 1 ? attemptTimeout : 0);
    });
    return;
  }
  lookup(host, dnsopts, (err, ip, family) => {
    self.emit('lookup', err, ip, family, host);
    if (!self.connecting) return;
    if (err) {
      process.nextTick(destroyNT, self, err);
    } else if (typeof ip !== 'string' || !isIP(ip)) {
      process.nextTick(destroyNT, self, new ERR_INVALID_IP_ADDRESS(ip));
    } else if (family !== 4 && family !== 6) {
      process.nextTick(destroyNT, self,
                       new ERR_INVALID_ADDRESS_FAMILY(family, options.host, options.port));
    } else {
      self._unrefTimer();
      self._connectTo([{ address: ip, family }], port, 0);
    }
  });
}

function destroyNT(self, err) {
  self.destroy(err);
}

// Connects to a Unix-domain socket; 'connect' or the error follows.
Socket.prototype._connectPipe = function _connectPipe(path) {
  const id = pipe.connect(path);
  if (id < 0) {
    this.destroy(statusError(id, 'connect', path));
    return;
  }
  this._handle = new Pipe(id, false);
  owners.set(id, this);
  this._pendingConnect = { path, port: undefined };
};

// Tries each address in turn until one connects, then emits 'connect'. With several
// addresses (autoSelectFamily) an attempt that hasn't connected within `attemptTimeout` ms
// is abandoned for the next; when all fail, the error is an AggregateError of each one's.
Socket.prototype._connectTo = function _connectTo(attempts, port, attemptTimeout) {
  this._pendingConnect = { attempts, index: 0, port, attemptTimeout, errors: [], timer: null };
  if (attempts.length > 1) this.autoSelectFamilyAttemptedAddresses = [];
  this._attemptConnect();
};

Socket.prototype._attemptConnect = function _attemptConnect() {
  const pending = this._pendingConnect;
  const { address, family } = pending.attempts[pending.index];
  if (this.autoSelectFamilyAttemptedAddresses) {
    this.autoSelectFamilyAttemptedAddresses.push(`${address}:${pending.port}`);
  }
  this.emit('connectionAttempt', address, pending.port, family);
  if (this.blockList?.check(address, `ipv${family}`)) {
    this._connectFailed(new ERR_IP_BLOCKED(address));
    return;
  }
  const { localPort = 0 } = this._localBinding ?? {};
  let localAddress = this._localBinding?.localAddress ?? '';
  if (!localAddress && localPort) localAddress = family === 6 ? '::' : '0.0.0.0';
  const perf = lazyPerf();
  if (perf.hasObserver('net')) {
    perf.startPerf(this, kPerfConnect,
                   { type: 'net', name: 'connect', detail: { host: address, port: pending.port } });
  }
  const id = tcp.connect(address, pending.port, localAddress, localPort);
  if (id < 0) {
    this._connectFailed(localAddress ?
      new ExceptionWithHostPort(id, 'bind', localAddress, localPort) :
      statusError(id, 'connect', address, pending.port));
    return;
  }
  unopened.delete(this);
  if (this._handle && this._handle.id === 0) this._handle.attach(id);
  else this._handle = new TCP(id, false);
  owners.set(id, this);
  if (pending.attemptTimeout > 0 && pending.index < pending.attempts.length - 1) {
    pending.timer = setTimeout(() => {
      pending.timer = null;
      this.emit('connectionAttemptTimeout', address, pending.port, family);
      const handle = this._handle;
      this._handle = null;
      owners.delete(handle.id);
      handleWrap.close(handle.id);
      pending.errors.push(new ERR_SOCKET_CONNECTION_TIMEOUT());
      pending.index++;
      this._attemptConnect();
    }, pending.attemptTimeout);
    pending.timer.unref();
  }
};

// One attempt failed: the next one, or the socket's error.
Socket.prototype._connectFailed = function _connectFailed(error) {
  const pending = this._pendingConnect;
  const { address, family } = pending.attempts[pending.index];
  if (pending.attempts.length > 1) this.emit('connectionAttemptFailed', address, pending.port, family, error);
  pending.errors.push(error);
  pending.index++;
  if (pending.index < pending.attempts.length) {
    this._attemptConnect();
    return;
  }
  this._pendingConnect = null;
  if (pending.errors.length === 1) {
    this.destroy(error);
  } else {
    this.destroy(new NodeAggregateError(pending.errors, `connect ${error.code}`));
  }
};

Socket.prototype._onConnect = function _onConnect(status) {
  const pending = this._pendingConnect;
  if (!this.connecting || pending == null) return;
  if (pending.timer) {
    clearTimeout(pending.timer);
    pending.timer = null;
  }
  if (status < 0) {
    const target = pending.attempts ? pending.attempts[pending.index] : { address: pending.path };
    const error = statusError(status, 'connect', target.address, pending.port);
    const handle = this._handle;
    this._handle = null;
    owners.delete(handle.id);
    handleWrap.close(handle.id);
    if (pending.attempts) {
      this._connectFailed(error);
    } else {
      this._pendingConnect = null;
      this.destroy(error);
    }
    return;
  }
  this._pendingConnect = null;
  this.connecting = false;
  this._sockname = null;
  const handle = this._handle;
  if (this[kSetNoDelay] && handle.setNoDelay) handle.setNoDelay(true);
  if (this[kTypeOfService] !== undefined && handle.typeOfService) {
    handle.typeOfService(this[kTypeOfService]);
  }
  if (this[kSetKeepAlive] && handle.setKeepAlive) {
    handle.setKeepAlive(true, this[kSetKeepAliveInitialDelay]);
  }
  this._unrefTimer();
  if (this[kPerfConnect] !== undefined) {
    const perf = lazyPerf();
    if (perf.hasObserver('net')) perf.stopPerf(this, kPerfConnect);
  }
  this.emit('connect');
  this.emit('ready');
  if (this.readable && !this.isPaused()) this.read(0);
};

// --- Server -----------------------------------------------------------------------------------
function Server(options, connectionListener) {
  if (!(this instanceof Server)) return new Server(options, connectionListener);
  if (typeof options === 'function') {
    connectionListener = options;
    options = {};
  } else if (options == null || typeof options === 'object') {
    options = { ...options };
  } else {
    throw new ERR_INVALID_ARG_TYPE('options', 'Object', options);
  }
  EventEmitter.call(this, options);
  if (connectionListener) this.on('connection', connectionListener);
  this._connections = 0;
  this._handle = null;
  this._usingWorkers = false;
  this._workers = [];
  this._unref = false;
  this.allowHalfOpen = options.allowHalfOpen || false;
  this.pauseOnConnect = !!options.pauseOnConnect;
  this.noDelay = Boolean(options.noDelay);
  this.keepAlive = Boolean(options.keepAlive);
  this.keepAliveInitialDelay = ~~(options.keepAliveInitialDelay / 1000);
  this.highWaterMark = options.highWaterMark;
  this.maxConnections = undefined;
  if (options.blockList !== undefined && !isBlockList(options.blockList)) {
    throw new ERR_INVALID_ARG_TYPE('options.blockList', 'net.BlockList', options.blockList);
  }
  this.blockList = options.blockList;
}
Object.setPrototypeOf(Server.prototype, EventEmitter.prototype);
Object.setPrototypeOf(Server, EventEmitter);

Object.defineProperty(Server.prototype, 'listening', {
  get() { return !!this._handle; },
  configurable: true,
  enumerable: true,
});

Server.prototype.listen = function listen(...args) {
  const normalized = normalizeArgs(args);
  let options = normalized[0];
  const cb = normalized[1];
  if (this._handle) throw new ERR_SERVER_ALREADY_LISTEN();
  if (cb !== null) this.once('listening', cb);
  const backlogFromArgs = toNumber(args.length > 1 && args[1]) ||
    toNumber(args.length > 2 && args[2]);
  options = options._handle || options.handle || options;
  // A newer listen() makes a lookup of an earlier one moot.
  this._listeningId = (this._listeningId ?? 0) + 1;
  if (options instanceof StreamHandle) {
    throw new ERR_METHOD_NOT_IMPLEMENTED('net: listening on a handle');
  }
  addServerAbortSignalOption(this, options);
  if (typeof options.fd === 'number' && options.fd >= 0) {
    this._listenOnFd(options.fd, options.backlog || backlogFromArgs);
    return this;
  }
  // listen(), listen(null), listen(cb), listen(null, cb), or { port: undefined | null }:
  // any free port.
  if (args.length === 0 || typeof args[0] === 'function' ||
      (typeof options.port === 'undefined' && 'port' in options) || options.port === null) {
    options.port = 0;
  }
  if (typeof options.port === 'number' || typeof options.port === 'string') {
    const port = validatePort(options.port, 'options.port');
    const backlog = options.backlog || backlogFromArgs;
    const { host } = options;
    if (host) {
      const id = this._listeningId;
      require('dns').lookup(host, (err, ip) => {
        if (this._listeningId !== id) return;
        if (err) {
          this.emit('error', err);
          return;
        }
        this._listenOn(ip, port, backlog, options.ipv6Only, false, options.reusePort);
      });
    } else {
      this._listenOn('::', port, backlog, options.ipv6Only, true, options.reusePort);
    }
    return this;
  }
  if (options.path && isPipeName(options.path)) {
    this._listenOnPipe(options.path, options.backlog || backlogFromArgs, options);
    return this;
  }
  if (!(('port' in options) || ('path' in options))) {
    throw new ERR_INVALID_ARG_VALUE('options', options, 'must have the property "port" or "path"');
  }
  throw new ERR_INVALID_ARG_VALUE('options', options);
};

function addServerAbortSignalOption(server, options) {
  if (options?.signal === undefined) return;
  validateAbortSignal(options.signal, 'options.signal');
  const { signal } = options;
  const onAborted = () => server.close();
  if (signal.aborted) {
    process.nextTick(onAborted);
  } else {
    signal.addEventListener('abort', onAborted, { once: true });
    server.once('close', () => signal.removeEventListener('abort', onAborted));
  }
}

Server.prototype._listenOn = function _listenOn(address, port, backlog, ipv6Only, anyAddress,
                                                reusePort) {
  let result = tcp.listen(address, port, backlog || 511, !!ipv6Only, reusePort === true);
  if (typeof result === 'number' && anyAddress) {
    // No IPv6 here: the IPv4 wildcard, as Node falls back.
    address = '0.0.0.0';
    result = tcp.listen(address, port, backlog || 511, false, reusePort === true);
  }
  if (typeof result === 'number') {
    const error = new UVExceptionWithHostPort(result, 'listen', address, port);
    process.nextTick(() => this.emit('error', error));
    return;
  }
  this._handle = new TCP(result[0], true);
  this._handle.onconnection = onconnection;
  this._handle[kOwner] = this;
  this._closing = false;
  this._closeEmitted = false;
  this._connectionKey = `${isIP(address)}:${address}:${port}`;
  owners.set(this._handle.id, this);
  if (this._unref) this._handle.unref();
  this._address = { address: result[1], family: result[3], port: result[2] };
  process.nextTick(() => {
    if (this._handle) this.emit('listening');
  });
};

// Listens on socket descriptor `fd` (a TCP or Unix stream socket); anything else fails with
// Node's asynchronous EINVAL.
Server.prototype._listenOnFd = function _listenOnFd(fd, backlog) {
  const type = internalBinding('tty_wrap').guessHandleType(fd);
  const result = type === 'TCP' || type === 'PIPE' ? pipe.listenFd(fd, backlog || 511) : -22;
  if (result < 0) {
    const error = new UVExceptionWithHostPort(result, 'listen', null);
    process.nextTick(() => this.emit('error', error));
    return;
  }
  this._handle = type === 'TCP' ? new TCP(result, true) : new Pipe(result, true);
  this._handle.onconnection = onconnection;
  this._handle[kOwner] = this;
  this._closing = false;
  this._closeEmitted = false;
  this._connectionKey = `-1:null:-1`;
  owners.set(this._handle.id, this);
  if (this._unref) this._handle.unref();
  if (type === 'TCP') {
    const triple = this._handle.getsockname();
    if (typeof triple !== 'number') {
      this._address = { address: triple[0], family: triple[2], port: triple[1] };
    }
  }
  process.nextTick(() => {
    if (this._handle) this.emit('listening');
  });
};

// Listens on a Unix-domain socket at `path` (the path is removed when the server closes).
Server.prototype._listenOnPipe = function _listenOnPipe(path, backlog, options) {
  const result = pipe.listen(path, backlog || 511);
  if (result < 0) {
    const error = new UVExceptionWithHostPort(result, 'listen', path, -1);
    process.nextTick(() => this.emit('error', error));
    return;
  }
  if (options.readableAll || options.writableAll) {
    // libuv's uv_pipe_chmod: add read (and/or write) for user, group and others.
    const fs = require('fs');
    const wanted = (options.readableAll ? 0o444 : 0) | (options.writableAll ? 0o222 : 0);
    try {
      const mode = fs.statSync(path).mode & 0o7777;
      if ((mode & wanted) !== wanted) fs.chmodSync(path, mode | wanted);
    } catch (err) {
      handleWrap.close(result);
      process.nextTick(() => this.emit('error', err));
      return;
    }
  }
  this._handle = new Pipe(result, true);
  this._handle.onconnection = onconnection;
  this._handle[kOwner] = this;
  this._closing = false;
  this._closeEmitted = false;
  this._pipeName = path;
  this._connectionKey = `-1:${path}:-1`;
  owners.set(this._handle.id, this);
  if (this._unref) this._handle.unref();
  this._address = path;
  process.nextTick(() => {
    if (this._handle) this.emit('listening');
  });
};

Server.prototype.address = function address() {
  if (!this._handle) return null;
  if (typeof this._address === 'string') return this._address;
  return { ...this._address };
};

// The loop's accept event goes through the listening handle's `onconnection`, as in Node
// (user code may wrap it).
Server.prototype._onAccept = function _onAccept(client) {
  const handle = this._handle;
  if (!handle) {
    if (client >= 0) handleWrap.close(client);
    return;
  }
  if (client < 0) {
    handle.onconnection(client);
    return;
  }
  handle.onconnection(0, handle instanceof Pipe ? new Pipe(client, false) : new TCP(client, false));
};

function onconnection(err, clientHandle) {
  const self = this[kOwner];
  if (err) {
    self.emit('error', new ErrnoException(err, 'accept'));
    return;
  }
  if (self.blockList && typeof clientHandle.getpeername === 'function') {
    // A blocked peer's connection is closed before anyone sees it.
    const remote = clientHandle.getpeername();
    if (typeof remote !== 'number' && isIP(remote[0]) &&
        self.blockList.check(remote[0], `ipv${isIP(remote[0])}`)) {
      clientHandle.close();
      return;
    }
  }
  if (self.maxConnections !== undefined && self._connections >= self.maxConnections) {
    const local = clientHandle.getsockname();
    const remote = clientHandle.getpeername();
    clientHandle.close();
    const data = {};
    if (typeof local !== 'number') {
      data.localAddress = local[0];
      data.localPort = local[1];
      data.localFamily = local[2];
    }
    if (typeof remote !== 'number') {
      data.remoteAddress = remote[0];
      data.remotePort = remote[1];
      data.remoteFamily = remote[2];
    }
    self.emit('drop', data);
    return;
  }
  const socket = new Socket({
    handle: clientHandle,
    allowHalfOpen: self.allowHalfOpen,
    pauseOnConnect: self.pauseOnConnect,
    readable: true,
    writable: true,
    readableHighWaterMark: self.highWaterMark,
    writableHighWaterMark: self.highWaterMark,
  });
  if (self.noDelay && clientHandle.setNoDelay) {
    socket[kSetNoDelay] = true;
    clientHandle.setNoDelay(true);
  }
  if (self.keepAlive && clientHandle.setKeepAlive) {
    socket[kSetKeepAlive] = true;
    socket[kSetKeepAliveInitialDelay] = self.keepAliveInitialDelay;
    clientHandle.setKeepAlive(true, self.keepAliveInitialDelay);
  }
  self._connections++;
  socket.server = self;
  socket._server = self;
  self.emit('connection', socket);
}
const kOwner = Symbol('kOwner');

Server.prototype._activeResourceName = function _activeResourceName() {
  const handle = this._handle;
  if (!handle || this._unref) return undefined;
  return handle instanceof Pipe ? 'PipeServerWrap' : 'TCPServerWrap';
};

Server.prototype._onClosed = function _onClosed() {
  this._emitCloseIfDrained();
};

// A listener's rejected promise (captureRejections): a connection's ends that socket.
Server.prototype[EventEmitter.captureRejectionSymbol] = function(err, event, sock) {
  if (event === 'connection') sock.destroy(err);
  else this.emit('error', err);
};

Server.prototype.getConnections = function getConnections(cb) {
  process.nextTick(cb, null, this._connections);
  return this;
};

Server.prototype.close = function close(cb) {
  this._listeningId = (this._listeningId ?? 0) + 1;
  if (typeof cb === 'function') {
    if (!this._handle) {
      this.once('close', function onClose() {
        cb(new ERR_SERVER_NOT_RUNNING());
      });
    } else {
      this.once('close', cb);
    }
  }
  if (this._handle) {
    this._closingHandle = this._handle;
    this._handle.close();
    this._handle = null;
    this._closing = true;
  } else {
    this._closing = true;
    // Closing a closed server emits 'close' again (the callback gets
    // ERR_SERVER_NOT_RUNNING), as Node's does.
    this._closeEmitted = false;
    this._emitCloseIfDrained();
  }
  return this;
};

Server.prototype._emitCloseIfDrained = function _emitCloseIfDrained() {
  if (!this._closing || this._handle || this._connections > 0 || this._closeEmitted) return;
  // The handle's close event may still be on its way: wait until it is gone.
  if (ownsHandle(this)) return;
  this._closeEmitted = true;
  process.nextTick(() => this.emit('close'));
};

Server.prototype[Symbol.asyncDispose] = function asyncDispose() {
  if (!this._handle) return Promise.resolve();
  return new Promise((resolve, reject) => this.close((err) => (err ? reject(err) : resolve())));
};

Server.prototype.ref = function ref() {
  this._unref = false;
  if (this._handle) this._handle.ref();
  return this;
};

Server.prototype.unref = function unref() {
  this._unref = true;
  if (this._handle) this._handle.unref();
  return this;
};

// --- factories --------------------------------------------------------------------------------
function createServer(options, connectionListener) {
  return new Server(options, connectionListener);
}

function connect(...args) {
  const normalized = normalizeArgs(args);
  const [options] = normalized;
  const socket = new Socket(options);
  if (options.timeout) socket.setTimeout(options.timeout);
  return socket.connect(normalized);
}

module.exports = {
  isIP,
  isIPv4,
  isIPv6,
  getDefaultAutoSelectFamily,
  setDefaultAutoSelectFamily,
  getDefaultAutoSelectFamilyAttemptTimeout,
  setDefaultAutoSelectFamilyAttemptTimeout,
  connect,
  createConnection: connect,
  createServer,
  Socket,
  Stream: Socket,
  Server,
  _normalizeArgs: normalizeArgs,
};

function isBlockList(value) {
  return require('internal/blocklist').BlockList.isBlockList(value);
}

// BlockList and SocketAddress load on first use.
Object.defineProperties(module.exports, {
  BlockList: {
    __proto__: null,
    configurable: true,
    enumerable: true,
    get() { return require('internal/blocklist').BlockList; },
  },
  SocketAddress: {
    __proto__: null,
    configurable: true,
    enumerable: true,
    get() { return require('internal/socketaddress').SocketAddress; },
  },
});
