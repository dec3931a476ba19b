'use strict';
// node:net: TCP sockets and servers over the loop's handles (internalBinding('tcp_wrap')),
// with Node's API, events and errors; IP address checks and the autoSelectFamily defaults.
// Unix-domain sockets (a path) are not implemented yet: they fail with
// ERR_METHOD_NOT_IMPLEMENTED.

const { validateBoolean, validateInt32 } = require('internal/validators');

const { isIP, isIPv4, isIPv6 } = require('internal/net');

let autoSelectFamily = true;
let autoSelectFamilyAttemptTimeout = 250;

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
const handleWrap = internalBinding('handle_wrap');
const { getaddrinfo } = internalBinding('cares_wrap');
const { onComplete } = require('internal/async_ops');
const {
  ErrnoException, ExceptionWithHostPort, UVExceptionWithHostPort,
  codes: {
    ERR_INVALID_ARG_TYPE, ERR_INVALID_ARG_VALUE, ERR_METHOD_NOT_IMPLEMENTED, ERR_MISSING_ARGS,
    ERR_SERVER_ALREADY_LISTEN, ERR_SERVER_NOT_RUNNING, ERR_SOCKET_CLOSED,
  },
} = require('internal/errors');
const { validateFunction, validateNumber, validatePort } = require('internal/validators');

// handle id → the Socket or Server that owns it; the loop's events reach them through it.
const { owners, kOnClose, ownsHandle } = require('internal/handle_events');
let nextRequest = 0;

// --- the handle object -------------------------------------------------------------------------
// What `socket._handle` / `server._handle` is: Node's TCP wrap, a JS object over a handle id,
// with its methods returning libuv statuses (0 or a negative errno).
class TCP {
  constructor(id, server) {
    this.id = id;
    this[kIsServer] = server;
    this.reading = false;
  }

  readStart() { return tcp.readStart(this.id); }
  readStop() { return tcp.readStop(this.id); }
  shutdown(req) { return tcp.shutdown(this.id, req); }
  writeBuffer(data, req) { return tcp.write(this.id, data, req); }
  setNoDelay(enable) { return tcp.setNoDelay(this.id, enable); }
  setKeepAlive(enable, delaySeconds) { return tcp.setKeepAlive(this.id, enable, delaySeconds); }
  reset() { return tcp.setLingerZero(this.id); }
  ref() { handleWrap.setRef(this.id, true); }
  unref() { handleWrap.setRef(this.id, false); }
  getsockname() { return handleWrap.getsockname(this.id); }
  getpeername() { return handleWrap.getpeername(this.id); }

  close(callback) {
    handleWrap.close(this.id);
    if (typeof callback === 'function') this[kOnClose] = callback;
  }
}
const kIsServer = Symbol('kIsServer');

// --- arguments --------------------------------------------------------------------------------
// connect()/listen() argument shapes, as Node's normalizeArgs: [options, callback].
function normalizeArgs(args) {
  if (args.length === 0) return [{}, null];
  const first = args[0];
  let options = {};
  if (typeof first === 'object' && first !== null) {
    options = first;
  } else if (isPipeName(first)) {
    options.path = first;
  } else {
    options.port = first;
    if (args.length > 1 && typeof args[1] === 'string') options.host = args[1];
  }
  const cb = args[args.length - 1];
  return [options, typeof cb === 'function' ? cb : null];
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

function Socket(options) {
  if (!(this instanceof Socket)) return new Socket(options);
  if (typeof options === 'number') options = { fd: options };
  else options = { ...options };
  if (options.fd !== undefined) {
    throw new ERR_METHOD_NOT_IMPLEMENTED('net.Socket with an fd');
  }
  const allowHalfOpen = Boolean(options.allowHalfOpen);
  stream.Duplex.call(this, {
    ...options,
    allowHalfOpen,
    // 'close' comes from the handle's close, with hadError, as in Node.
    emitClose: false,
    autoDestroy: true,
    decodeStrings: false,
  });
  this.connecting = false;
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
  this[kReading] = false;
  this[kHadError] = false;
  if (options.handle !== undefined) {
    this._handle = options.handle;
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

Object.defineProperty(Socket.prototype, 'timeout', {
  get() { return this[kTimeout] ? this[kTimeout]._idleTimeout : undefined; },
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

Socket.prototype.setNoDelay = function setNoDelay(enable) {
  if (this._handle && !this.connecting) this._handle.setNoDelay(enable === undefined ? true : !!enable);
  else this.once('connect', () => this.setNoDelay(enable));
  return this;
};

Socket.prototype.setKeepAlive = function setKeepAlive(enable, initialDelayMsecs) {
  const delay = Math.floor((~~initialDelayMsecs) / 1000);
  if (this._handle && !this.connecting) this._handle.setKeepAlive(!!enable, delay);
  else this.once('connect', () => this.setKeepAlive(enable, initialDelayMsecs));
  return this;
};

Socket.prototype.setTimeout = function setTimeout(msecs, callback) {
  if (this.destroyed) return this;
  validateNumber(msecs, 'msecs', 0);
  if (this[kTimeout]) {
    clearTimeout(this[kTimeout]);
    this[kTimeout] = null;
  }
  if (msecs === 0) {
    if (callback !== undefined) {
      validateFunction(callback, 'callback');
      this.removeListener('timeout', callback);
    }
  } else {
    // Kept after it fires: activity re-arms it (refresh), as Node's socket timer.
    this[kTimeout] = globalThis.setTimeout(() => this.emit('timeout'), msecs);
    this[kTimeout].unref();
    if (callback !== undefined) {
      validateFunction(callback, 'callback');
      this.once('timeout', callback);
    }
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
  if (!this.push(buffer) && this._handle && this[kReading]) {
    this[kReading] = false;
    this._handle.readStop();
  }
};

Socket.prototype._onEnd = function _onEnd() {
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

Socket.prototype.pause = function pause() {
  const result = stream.Duplex.prototype.pause.call(this);
  if (this._handle && this[kReading] && !this.connecting) {
    this[kReading] = false;
    this._handle.readStop();
  }
  return result;
};

Socket.prototype.resume = function resume() {
  if (this._handle && !this[kReading] && !this.connecting && !this.destroyed) {
    this._read();
  }
  return stream.Duplex.prototype.resume.call(this);
};

Socket.prototype._writeGeneric = function _writeGeneric(data, cb) {
  if (this.connecting) {
    this._pendingData = data;
    this.once('connect', () => {
      this._pendingData = null;
      this._writeGeneric(data, cb);
    });
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
  if (status === 0) {
    this[kBytesWritten] += data.length;
    cb();
    return;
  }
  this[kPendingWrites].set(req, { cb, bytes: data.length });
};

Socket.prototype._write = function _write(chunk, encoding, cb) {
  const data = typeof chunk === 'string' ? Buffer.from(chunk, encoding) : chunk;
  this._writeGeneric(data, cb);
};

Socket.prototype._writev = function _writev(chunks, cb) {
  const buffers = chunks.map(({ chunk, encoding }) =>
    (typeof chunk === 'string' ? Buffer.from(chunk, encoding) : chunk));
  this._writeGeneric(buffers.length === 1 ? buffers[0] : Buffer.concat(buffers), cb);
};

Socket.prototype._onWriteDone = function _onWriteDone(req, status) {
  const entry = this[kPendingWrites].get(req);
  if (entry === undefined) return;
  this[kPendingWrites].delete(req);
  if (status < 0) {
    entry.cb(new ErrnoException(status, 'write'));
    return;
  }
  this[kBytesWritten] += entry.bytes;
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

Socket.prototype._onClosed = function _onClosed() {
  this[kPendingWrites].clear();
  this.emit('close', this[kHadError]);
};

function emitCloseNT(socket, hadError) {
  socket.emit('close', hadError);
}

Socket.prototype.connect = function connect(...args) {
  let normalized;
  if (Array.isArray(args[0]) && args[0].length === 2 && typeof args[0][0] === 'object') {
    normalized = args[0];
  } else {
    normalized = normalizeArgs(args);
  }
  const [options, cb] = normalized;
  if (options.path !== undefined) {
    throw new ERR_METHOD_NOT_IMPLEMENTED('net: Unix domain sockets');
  }
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
  const { host = 'localhost', port, family = 0, lookup } = options;
  if (port === undefined) {
    throw new ERR_MISSING_ARGS('options', 'port', 'path');
  }
  if (typeof port !== 'number' && typeof port !== 'string') {
    throw new ERR_INVALID_ARG_TYPE('options.port', ['number', 'string'], port);
  }
  if (typeof host !== 'string') {
    throw new ERR_INVALID_ARG_TYPE('options.host', 'string', host);
  }
  if (lookup !== undefined) validateFunction(lookup, 'options.lookup');
  const portNumber = validatePort(port);
  this.connecting = true;
  this._host = host;
  if (options.noDelay) this.once('connect', () => this.setNoDelay(true));
  if (options.keepAlive) {
    this.once('connect', () => this.setKeepAlive(true, options.keepAliveInitialDelay));
  }
  const addressType = isIP(host);
  if (addressType) {
    process.nextTick(() => {
      if (this.connecting) this._connectTo([host], portNumber);
    });
    return this;
  }
  const done = (err, addresses) => {
    if (!this.connecting) return;
    if (err) {
      this.emit('lookup', err, undefined, undefined, host);
      this.destroy(err);
      return;
    }
    const first = addresses[0];
    this.emit('lookup', null, first.address, first.family, host);
    this._connectTo(addresses.map((a) => a.address), portNumber);
  };
  if (lookup) {
    lookup(host, { family, all: true }, (err, address, fam) => {
      if (err) return done(err);
      const list = Array.isArray(address) ? address : [{ address, family: fam }];
      done(null, list);
    });
  } else {
    onComplete(getaddrinfo(host, family), (err, list) => {
      if (err) return done(err);
      done(null, list.map(([address, fam]) => ({ address, family: fam })));
    }, 'GetAddrInfoReqWrap');
  }
  return this;
};

// Tries each address in turn until one connects (a sequential form of Node's
// autoSelectFamily), then emits 'connect'.
Socket.prototype._connectTo = function _connectTo(addresses, port) {
  const address = addresses[0];
  const id = tcp.connect(address, port);
  if (id < 0) {
    this.destroy(statusError(id, 'connect', address, port));
    return;
  }
  this._handle = new TCP(id, false);
  owners.set(id, this);
  this._pendingConnect = { addresses, port };
};

Socket.prototype._onConnect = function _onConnect(status) {
  const pending = this._pendingConnect;
  this._pendingConnect = null;
  if (!this.connecting || pending == null) return;
  if (status < 0) {
    const error = statusError(status, 'connect', pending.addresses[0], pending.port);
    const handle = this._handle;
    this._handle = null;
    owners.delete(handle.id);
    handleWrap.close(handle.id);
    if (pending.addresses.length > 1) {
      this._connectTo(pending.addresses.slice(1), pending.port);
      return;
    }
    this.destroy(error);
    return;
  }
  this.connecting = false;
  this._sockname = null;
  this._unrefTimer();
  this.emit('connect');
  this.emit('ready');
  if (this.readable && !this.isPaused()) this.read(0);
};

// --- Server -----------------------------------------------------------------------------------
function Server(options, connectionListener) {
  if (!(this instanceof Server)) return new Server(options, connectionListener);
  EventEmitter.call(this);
  if (typeof options === 'function') {
    connectionListener = options;
    options = {};
  } else if (options == null || typeof options === 'object') {
    options = { ...options };
  } else {
    throw new ERR_INVALID_ARG_TYPE('options', 'Object', options);
  }
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
}
Object.setPrototypeOf(Server.prototype, EventEmitter.prototype);
Object.setPrototypeOf(Server, EventEmitter);

Object.defineProperty(Server.prototype, 'listening', {
  get() { return !!this._handle; },
  configurable: true,
  enumerable: true,
});

Server.prototype.listen = function listen(...args) {
  const [options, cb] = normalizeArgs(args);
  // listen(), listen(cb), listen(null[, cb]) and { port: undefined | null }: any free port.
  if (args.length === 0 || typeof args[0] === 'function' ||
      (options.port === undefined && 'port' in options) || options.port === null) {
    options.port = 0;
  }
  if (cb !== null) this.once('listening', cb);
  if (this._handle) throw new ERR_SERVER_ALREADY_LISTEN();
  if (options.path !== undefined || options.handle !== undefined || options.fd !== undefined) {
    throw new ERR_METHOD_NOT_IMPLEMENTED('net: listening on a path, handle or fd');
  }
  let backlog = options.backlog;
  if (typeof args[1] === 'number') backlog = args[1];
  else if (typeof args[2] === 'number') backlog = args[2];
  const port = options.port === undefined || options.port === null ? 0 : options.port;
  if (typeof port !== 'number' && typeof port !== 'string') {
    throw new ERR_INVALID_ARG_VALUE('options', options, 'must have the property "port" or "path"');
  }
  const portNumber = validatePort(port, 'options.port');
  const host = options.host;
  if (host === undefined || host === null || host === '') {
    this._listenOn('::', portNumber, backlog, options.ipv6Only, true);
  } else if (isIP(host)) {
    this._listenOn(host, portNumber, backlog, options.ipv6Only, false);
  } else {
    onComplete(getaddrinfo(String(host), 0), (err, list) => {
      if (err) {
        this.emit('error', err);
        return;
      }
      this._listenOn(list[0][0], portNumber, backlog, options.ipv6Only, false);
    }, 'GetAddrInfoReqWrap');
  }
  return this;
};

Server.prototype._listenOn = function _listenOn(address, port, backlog, ipv6Only, anyAddress) {
  let result = tcp.listen(address, port, backlog || 511, !!ipv6Only);
  if (typeof result === 'number' && anyAddress) {
    // No IPv6 here: the IPv4 wildcard, as Node falls back.
    address = '0.0.0.0';
    result = tcp.listen(address, port, backlog || 511, false);
  }
  if (typeof result === 'number') {
    const error = new UVExceptionWithHostPort(result, 'listen', address, port);
    process.nextTick(() => this.emit('error', error));
    return;
  }
  this._handle = new TCP(result[0], true);
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

Server.prototype.address = function address() {
  if (!this._handle) return null;
  return { ...this._address };
};

Server.prototype._onAccept = function _onAccept(client) {
  if (client < 0) {
    this.emit('error', new ErrnoException(client, 'accept'));
    return;
  }
  if (this.maxConnections !== undefined && this._connections >= this.maxConnections) {
    const local = handleWrap.getsockname(client);
    const remote = handleWrap.getpeername(client);
    handleWrap.close(client);
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
    this.emit('drop', data);
    return;
  }
  const socket = new Socket({
    handle: new TCP(client, false),
    allowHalfOpen: this.allowHalfOpen,
    pauseOnConnect: this.pauseOnConnect,
    readable: true,
    writable: true,
    readableHighWaterMark: this.highWaterMark,
    writableHighWaterMark: this.highWaterMark,
  });
  if (this.noDelay) socket.setNoDelay(true);
  if (this.keepAlive) socket.setKeepAlive(true, this.keepAliveInitialDelay * 1000);
  this._connections++;
  socket.server = this;
  socket._server = this;
  this.emit('connection', socket);
};

Server.prototype._onClosed = function _onClosed() {
  this._emitCloseIfDrained();
};

Server.prototype.getConnections = function getConnections(cb) {
  process.nextTick(cb, null, this._connections);
  return this;
};

Server.prototype.close = function close(cb) {
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
};
