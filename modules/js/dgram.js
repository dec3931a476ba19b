'use strict';
// node:dgram: UDP sockets over the loop's UDP handles (internalBinding('udp_wrap')), with
// Node's API, event order and errors. A socket binds on `bind()`, or implicitly (port 0)
// before its first send or connect; sends and connects made while binding wait for it.

const EventEmitter = require('events');
const { Buffer } = require('buffer');
const { isArrayBufferView } = require('internal/util/types');
const udp = internalBinding('udp_wrap');
const { HandleWrap, owners } = require('internal/handle_events');
const {
  ErrnoException, ExceptionWithHostPort, uvErrmapGet,
  codes: {
    ERR_BUFFER_OUT_OF_BOUNDS, ERR_INVALID_ARG_TYPE, ERR_IP_BLOCKED, ERR_MISSING_ARGS, ERR_SOCKET_ALREADY_BOUND,
    ERR_SOCKET_BAD_BUFFER_SIZE, ERR_SOCKET_BAD_TYPE, ERR_SOCKET_BUFFER_SIZE,
    ERR_SOCKET_DGRAM_IS_CONNECTED, ERR_SOCKET_DGRAM_NOT_CONNECTED,
    ERR_SOCKET_DGRAM_NOT_RUNNING,
  },
} = require('internal/errors');
const {
  validateAbortSignal, validateFunction, validateNumber, validatePort,
  validateString, validateUint32,
} = require('internal/validators');

const BIND_UNBOUND = 0;
const BIND_BINDING = 1;
const BIND_BOUND = 2;

const CONNECT_DISCONNECTED = 0;
const CONNECT_CONNECTING = 1;
const CONNECT_CONNECTED = 2;

const { kStateSymbol: kState } = require('internal/dgram');
// Node's testing switch --test-udp-no-try-send: every send is queued.
const tryFirst = !process.execArgv.includes('--test-udp-no-try-send');

let dns;
function lazyDns() {
  dns ??= require('dns');
  return dns;
}

// --- the handle object -------------------------------------------------------------------------
// What `socket[kState].handle` is: Node's UDP wrap, over a handle id once bound (0 before).
class UDP extends HandleWrap {
  constructor(type, lookup) {
    super(0);
    this.type = type;
    this.receiving = false;
    const family = type === 'udp6' ? 6 : 4;
    const fallback = family === 6 ? '::1' : '127.0.0.1';
    this.lookup = (address, callback) => {
      const resolve = lookup ?? lazyDns().lookup;
      return resolve(address || fallback, family, callback);
    };
  }

  bind(address, port, { ipv6Only, reuseAddr, reusePort }) {
    const result = udp.bind(address, port, !!ipv6Only, !!reuseAddr, !!reusePort);
    if (typeof result === 'number') return result;
    this.attach(result[0]);
    return 0;
  }

  recvStart() { this.receiving = true; return udp.recvStart(this.id); }
  recvStop() { this.receiving = false; return this.id ? udp.recvStop(this.id) : 0; }
  send(data, port, address, req) {
    return udp.send(this.id, data, port, address, req, tryFirst);
  }
  connect(address, port) { return udp.connect(this.id, address, port); }
  disconnect() { return udp.disconnect(this.id); }
  setBroadcast(on) { return udp.setBroadcast(this.id, on); }
  setTTL(ttl) { return udp.setTTL(this.id, ttl); }
  setMulticastTTL(ttl) { return udp.setMulticastTTL(this.id, ttl); }
  setMulticastLoopback(on) { return udp.setMulticastLoopback(this.id, on); }
  setMulticastInterface(iface) { return udp.setMulticastInterface(this.id, iface); }
  membership(group, iface, join) { return udp.membership(this.id, group, iface, join); }
  sourceMembership(source, group, iface, join) {
    return udp.sourceMembership(this.id, source, group, iface, join);
  }
  bufferSize(size, recv) { return udp.bufferSize(this.id, size, recv); }
  getSendQueueSize() { return this.id ? udp.getSendQueueSize(this.id) : 0; }
  getSendQueueCount() { return this.id ? udp.getSendQueueCount(this.id) : 0; }
}

// --- Socket -----------------------------------------------------------------------------------
function Socket(type, listener) {
  if (!(this instanceof Socket)) return new Socket(type, listener);
  EventEmitter.call(this);
  let lookup;
  let recvBufferSize;
  let sendBufferSize;
  let options;
  if (type !== null && typeof type === 'object') {
    options = type;
    type = options.type;
    lookup = options.lookup;
    recvBufferSize = options.recvBufferSize;
    sendBufferSize = options.sendBufferSize;
  }
  if (type !== 'udp4' && type !== 'udp6') throw new ERR_SOCKET_BAD_TYPE();
  if (lookup !== undefined) validateFunction(lookup, 'lookup');
  const { BlockList } = require('internal/blocklist');
  for (const name of ['receiveBlockList', 'sendBlockList']) {
    if (options?.[name] !== undefined && !BlockList.isBlockList(options[name])) {
      throw new ERR_INVALID_ARG_TYPE(`options.${name}`, 'net.BlockList', options[name]);
    }
  }
  if (recvBufferSize !== undefined) validateUint32(recvBufferSize, 'options.recvBufferSize');
  if (sendBufferSize !== undefined) validateUint32(sendBufferSize, 'options.sendBufferSize');
  const handle = new UDP(type, lookup);
  this.type = type;
  if (typeof listener === 'function') this.on('message', listener);
  this[kState] = {
    handle,
    receiving: false,
    bindState: BIND_UNBOUND,
    connectState: CONNECT_DISCONNECTED,
    queue: undefined,
    reuseAddr: options?.reuseAddr,
    reusePort: options?.reusePort,
    ipv6Only: options?.ipv6Only,
    recvBufferSize,
    sendBufferSize,
    receiveBlockList: options?.receiveBlockList,
    sendBlockList: options?.sendBlockList,
  };
  if (options?.signal !== undefined) {
    const { signal } = options;
    validateAbortSignal(signal, 'options.signal');
    const onAborted = () => {
      if (this[kState].handle) this.close();
    };
    if (signal.aborted) {
      onAborted();
    } else {
      signal.addEventListener('abort', onAborted, { once: true });
      this.once('close', () => signal.removeEventListener('abort', onAborted));
    }
  }
}
Object.setPrototypeOf(Socket.prototype, EventEmitter.prototype);
Object.setPrototypeOf(Socket, EventEmitter);

function createSocket(type, listener) {
  return new Socket(type, listener);
}

function validateBufferSize(size) {
  if (size >>> 0 !== size) throw new ERR_SOCKET_BAD_BUFFER_SIZE();
}

function healthCheck(socket) {
  if (!socket[kState].handle) throw new ERR_SOCKET_DGRAM_NOT_RUNNING();
}

function startListening(socket) {
  const state = socket[kState];
  owners.set(state.handle.id, socket);
  state.handle.recvStart();
  state.receiving = true;
  state.bindState = BIND_BOUND;
  if (state.recvBufferSize) bufferSize(socket, state.recvBufferSize, true);
  if (state.sendBufferSize) bufferSize(socket, state.sendBufferSize, false);
  socket.emit('listening');
}

function stopReceiving(socket) {
  const state = socket[kState];
  if (!state.receiving) return;
  state.handle.recvStop();
  state.receiving = false;
}

// Runs `fn` once the socket is bound; a failed bind drops what waits.
function enqueue(socket, fn) {
  const state = socket[kState];
  if (state.queue === undefined) {
    state.queue = [];
    socket.once('error', onListenError);
    socket.once('listening', onListenSuccess);
  }
  state.queue.push(fn);
}

function onListenSuccess() {
  this.removeListener('error', onListenError);
  const queue = this[kState].queue;
  this[kState].queue = undefined;
  for (const fn of queue) fn();
}

function onListenError() {
  this.removeListener('listening', onListenSuccess);
  this[kState].queue = undefined;
}

Socket.prototype.bind = function bind(portArg, addressArg, callbackArg) {
  let port = portArg;
  healthCheck(this);
  const state = this[kState];
  if (state.bindState !== BIND_UNBOUND) throw new ERR_SOCKET_ALREADY_BOUND();
  state.bindState = BIND_BINDING;
  const callback = arguments[arguments.length - 1];
  if (typeof callback === 'function') {
    const onListening = () => {
      this.removeListener('error', onError);
      callback.call(this);
    };
    const onError = () => this.removeListener('listening', onListening);
    this.once('listening', onListening);
    this.once('error', onError);
  }
  let address;
  if (port !== null && typeof port === 'object') {
    address = port.address || '';
    if (port.fd !== undefined) {
      state.bindState = BIND_UNBOUND;
      throw new ERR_INVALID_ARG_TYPE('options.fd', 'undefined', port.fd);
    }
    port = port.port;
  } else {
    address = typeof addressArg === 'function' ? '' : addressArg;
  }
  if (port !== undefined && port !== null && typeof port !== 'function') {
    port = validatePort(port, 'Port', true);
  } else {
    port = 0;
  }
  if (!address) address = this.type === 'udp4' ? '0.0.0.0' : '::';
  state.handle.lookup(address, (err, ip) => {
    if (!state.handle) return; // closed while looking up
    if (err) {
      state.bindState = BIND_UNBOUND;
      this.emit('error', err);
      return;
    }
    const status = state.handle.bind(ip, port, state);
    if (status) {
      state.bindState = BIND_UNBOUND;
      this.emit('error', new ExceptionWithHostPort(status, 'bind', ip, port));
      return;
    }
    startListening(this);
  });
  return this;
};

Socket.prototype.connect = function connect(port, address, callback) {
  port = validatePort(port, 'Port', false);
  if (typeof address === 'function') {
    callback = address;
    address = '';
  } else if (address === undefined) {
    address = '';
  }
  validateString(address, 'address');
  const state = this[kState];
  if (state.connectState !== CONNECT_DISCONNECTED) throw new ERR_SOCKET_DGRAM_IS_CONNECTED();
  state.connectState = CONNECT_CONNECTING;
  if (state.bindState === BIND_UNBOUND) this.bind({ port: 0, exclusive: true }, null);
  if (state.bindState !== BIND_BOUND) {
    enqueue(this, connectNow.bind(this, port, address, callback));
    return;
  }
  connectNow.call(this, port, address, callback);
};

function connectNow(port, address, callback) {
  const state = this[kState];
  if (callback) this.once('connect', callback);
  state.handle.lookup(address, (ex, ip) => {
    if (!state.handle) return;
    if (!ex && state.sendBlockList?.check(ip, this.type === 'udp4' ? 'ipv4' : 'ipv6')) {
      ex = new ERR_IP_BLOCKED(ip);
    }
    if (!ex) {
      const status = state.handle.connect(ip, port);
      if (status) ex = new ExceptionWithHostPort(status, 'connect', address, port);
    }
    if (ex) {
      state.connectState = CONNECT_DISCONNECTED;
      process.nextTick(() => {
        if (callback) {
          this.removeListener('connect', callback);
          callback(ex);
        } else {
          this.emit('error', ex);
        }
      });
      return;
    }
    state.connectState = CONNECT_CONNECTED;
    process.nextTick(() => this.emit('connect'));
  });
}

Socket.prototype.disconnect = function disconnect() {
  const state = this[kState];
  if (state.connectState !== CONNECT_CONNECTED) throw new ERR_SOCKET_DGRAM_NOT_CONNECTED();
  const status = state.handle.disconnect();
  if (status) throw new ErrnoException(status, 'connect');
  state.connectState = CONNECT_DISCONNECTED;
};

function sliceBuffer(buffer, offset, length) {
  if (typeof buffer === 'string') {
    buffer = Buffer.from(buffer);
  } else if (!isArrayBufferView(buffer)) {
    throw new ERR_INVALID_ARG_TYPE('buffer', ['Buffer', 'TypedArray', 'DataView', 'string'], buffer);
  }
  offset >>>= 0;
  length >>>= 0;
  if (offset > buffer.byteLength) {
    throw new ERR_BUFFER_OUT_OF_BOUNDS('offset');
  }
  if (offset + length > buffer.byteLength) {
    throw new ERR_BUFFER_OUT_OF_BOUNDS('length');
  }
  return Buffer.from(buffer.buffer, buffer.byteOffset + offset, length);
}

function fixBufferList(list) {
  const fixed = new Array(list.length);
  for (let i = 0; i < list.length; i++) {
    const item = list[i];
    if (typeof item === 'string') fixed[i] = Buffer.from(item);
    else if (!isArrayBufferView(item)) return null;
    else fixed[i] = item;
  }
  return fixed;
}

Socket.prototype.send = function send(buffer, offset, length, port, address, callback) {
  let list;
  const state = this[kState];
  const connected = state.connectState === CONNECT_CONNECTED;
  if (!connected) {
    if (address || (port && typeof port !== 'function')) {
      buffer = sliceBuffer(buffer, offset, length);
    } else {
      callback = port;
      port = offset;
      address = length;
    }
  } else {
    if (typeof length === 'number') {
      buffer = sliceBuffer(buffer, offset, length);
      if (typeof port === 'function') {
        callback = port;
        port = null;
      }
    } else {
      callback = offset;
    }
    if (port || address) throw new ERR_SOCKET_DGRAM_IS_CONNECTED();
  }
  if (!Array.isArray(buffer)) {
    if (typeof buffer === 'string') {
      list = [Buffer.from(buffer)];
    } else if (!isArrayBufferView(buffer)) {
      throw new ERR_INVALID_ARG_TYPE('buffer', ['Buffer', 'TypedArray', 'DataView', 'string'], buffer);
    } else {
      list = [buffer];
    }
  } else if (!(list = fixBufferList(buffer))) {
    throw new ERR_INVALID_ARG_TYPE('buffer list arguments',
                                   ['Buffer', 'TypedArray', 'DataView', 'string'], buffer);
  }
  if (!connected) port = validatePort(port, 'Port', false);
  if (typeof callback !== 'function') callback = undefined;
  if (typeof address === 'function') {
    callback = address;
    address = undefined;
  } else if (address != null) {
    validateString(address, 'address');
  }
  healthCheck(this);
  if (state.bindState === BIND_UNBOUND) this.bind({ port: 0, exclusive: true }, null);
  if (list.length === 0) list.push(Buffer.alloc(0));
  if (state.bindState !== BIND_BOUND) {
    enqueue(this, this.send.bind(this, list, port, address, callback));
    return;
  }
  const afterLookup = (ex, ip) => doSend(ex, this, ip, list, address, port, callback);
  if (!connected) state.handle.lookup(address, afterLookup);
  else afterLookup(null, null);
};

// The deprecated form of send() with every argument given.
Socket.prototype.sendto = function sendto(buffer, offset, length, port, address, callback) {
  validateNumber(offset, 'offset');
  validateNumber(length, 'length');
  validateNumber(port, 'port');
  validateString(address, 'address');
  this.send(buffer, offset, length, port, address, callback);
};

let nextRequest = 0;

function doSend(ex, socket, ip, list, address, port, callback) {
  const state = socket[kState];
  if (ex) {
    if (typeof callback === 'function') {
      process.nextTick(callback, ex);
      return;
    }
    process.nextTick(() => socket.emit('error', ex));
    return;
  }
  if (!state.handle) return;
  if (ip && state.sendBlockList?.check(ip, socket.type === 'udp4' ? 'ipv4' : 'ipv6')) {
    if (callback) process.nextTick(callback, new ERR_IP_BLOCKED(ip));
    return;
  }
  const data = list.length === 1 ? list[0] : Buffer.concat(list);
  const req = ++nextRequest;
  const status = state.handle.send(data, port ?? 0, ip ?? '', req);
  if (status >= 1) {
    // Sent at once: the status is the length plus one.
    if (callback) process.nextTick(callback, null, status - 1);
    return;
  }
  if (status < 0) {
    if (callback) process.nextTick(callback, new ExceptionWithHostPort(status, 'send', address, port));
    return;
  }
  socket._pendingSends ??= new Map();
  socket._pendingSends.set(req, { callback, length: data.byteLength, address, port });
}

Socket.prototype._onWriteDone = function _onWriteDone(req, status) {
  const pending = this._pendingSends?.get(req);
  if (pending === undefined) return;
  this._pendingSends.delete(req);
  if (!pending.callback) return;
  if (status < 0) {
    pending.callback(new ExceptionWithHostPort(status, 'send', pending.address, pending.port));
  } else {
    pending.callback(null, pending.length);
  }
};

Socket.prototype._onMessage = function _onMessage(data, from) {
  // A datagram from a blocked sender is dropped unseen.
  if (this[kState].receiveBlockList?.check(from[0], from[2].toLowerCase())) return;
  const buffer = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  this.emit('message', buffer, {
    address: from[0], family: from[2], port: from[1], size: buffer.length,
  });
};

Socket.prototype._onReadError = function _onReadError(status) {
  this.emit('error', new ErrnoException(status, 'recvmsg'));
};

Socket.prototype._onClosed = function _onClosed() {};

Socket.prototype._activeResourceName = function _activeResourceName() {
  const handle = this[kState].handle;
  return handle && handle.id && handle.refed ? 'UDPWrap' : undefined;
};

Socket.prototype.close = function close(callback) {
  const state = this[kState];
  const queue = state.queue;
  if (typeof callback === 'function') this.on('close', callback);
  if (queue !== undefined) {
    queue.push(this.close.bind(this));
    return this;
  }
  healthCheck(this);
  stopReceiving(this);
  this._closingHandle = state.handle;
  state.handle.close();
  state.handle = null;
  process.nextTick(() => this.emit('close'));
  return this;
};

Socket.prototype[Symbol.asyncDispose] = async function asyncDispose() {
  if (!this[kState].handle) return;
  await new Promise((resolve, reject) => {
    this.close((err) => (err ? reject(err) : resolve()));
  });
};

Socket.prototype.address = function address() {
  healthCheck(this);
  const result = this[kState].handle.getsockname();
  if (typeof result === 'number') throw new ErrnoException(result, 'getsockname');
  return { address: result[0], family: result[2], port: result[1] };
};

Socket.prototype.remoteAddress = function remoteAddress() {
  healthCheck(this);
  const state = this[kState];
  if (state.connectState !== CONNECT_CONNECTED) throw new ERR_SOCKET_DGRAM_NOT_CONNECTED();
  const result = state.handle.getpeername();
  if (typeof result === 'number') throw new ErrnoException(result, 'getpeername');
  return { address: result[0], family: result[2], port: result[1] };
};

// An option setter: runs `call` on the handle and throws Node's errno error for `syscall`.
function checked(socket, syscall, call) {
  healthCheck(socket);
  const status = call(socket[kState].handle);
  if (status) throw new ErrnoException(status, syscall);
}

Socket.prototype.setBroadcast = function setBroadcast(arg) {
  checked(this, 'setBroadcast', (h) => h.setBroadcast(!!arg));
};

Socket.prototype.setTTL = function setTTL(ttl) {
  validateNumber(ttl, 'ttl');
  checked(this, 'setTTL', (h) => h.setTTL(ttl));
  return ttl;
};

Socket.prototype.setMulticastTTL = function setMulticastTTL(ttl) {
  validateNumber(ttl, 'ttl');
  checked(this, 'setMulticastTTL', (h) => h.setMulticastTTL(ttl));
  return ttl;
};

Socket.prototype.setMulticastLoopback = function setMulticastLoopback(arg) {
  checked(this, 'setMulticastLoopback', (h) => h.setMulticastLoopback(!!arg));
  return arg;
};

Socket.prototype.setMulticastInterface = function setMulticastInterface(interfaceAddress) {
  healthCheck(this);
  validateString(interfaceAddress, 'interfaceAddress');
  checked(this, 'setMulticastInterface', (h) => h.setMulticastInterface(interfaceAddress));
};

function membership(socket, syscall, multicastAddress, interfaceAddress, join) {
  healthCheck(socket);
  if (!multicastAddress) throw new ERR_MISSING_ARGS('multicastAddress');
  validateString(multicastAddress, 'multicastAddress');
  checked(socket, syscall, (h) => h.membership(multicastAddress, interfaceAddress, join));
}

Socket.prototype.addMembership = function addMembership(multicastAddress, interfaceAddress) {
  membership(this, 'addMembership', multicastAddress, interfaceAddress, true);
};

Socket.prototype.dropMembership = function dropMembership(multicastAddress, interfaceAddress) {
  membership(this, 'dropMembership', multicastAddress, interfaceAddress, false);
};

function sourceMembership(socket, syscall, source, group, iface, join) {
  healthCheck(socket);
  validateString(source, 'sourceAddress');
  validateString(group, 'groupAddress');
  checked(socket, syscall, (h) => h.sourceMembership(source, group, iface, join));
}

Socket.prototype.addSourceSpecificMembership = function addSourceSpecificMembership(
  sourceAddress, groupAddress, interfaceAddress) {
  sourceMembership(this, 'addSourceSpecificMembership', sourceAddress, groupAddress,
                   interfaceAddress, true);
};

Socket.prototype.dropSourceSpecificMembership = function dropSourceSpecificMembership(
  sourceAddress, groupAddress, interfaceAddress) {
  sourceMembership(this, 'dropSourceSpecificMembership', sourceAddress, groupAddress,
                   interfaceAddress, false);
};

// Gets (size 0) or sets a buffer size; failures are ERR_SOCKET_BUFFER_SIZE with the errno.
function bufferSize(socket, size, recv) {
  validateBufferSize(size);
  // libuv takes an int: a size past 2^31 - 1 is EINVAL, as Node's UDPWrap says.
  const result = size > 0x7fffffff ? -22 : socket[kState].handle.bufferSize(size, recv);
  if (result < 0) {
    const [code, message] = uvErrmapGet(result) || ['UNKNOWN', 'unknown error'];
    const syscall = recv ? 'uv_recv_buffer_size' : 'uv_send_buffer_size';
    throw new ERR_SOCKET_BUFFER_SIZE({ errno: result, code, message, syscall });
  }
  return result;
}

Socket.prototype.setRecvBufferSize = function setRecvBufferSize(size) {
  bufferSize(this, size, true);
};

Socket.prototype.setSendBufferSize = function setSendBufferSize(size) {
  bufferSize(this, size, false);
};

Socket.prototype.getRecvBufferSize = function getRecvBufferSize() {
  return bufferSize(this, 0, true);
};

Socket.prototype.getSendBufferSize = function getSendBufferSize() {
  return bufferSize(this, 0, false);
};

Socket.prototype.getSendQueueSize = function getSendQueueSize() {
  return this[kState].handle?.getSendQueueSize() ?? 0;
};

Socket.prototype.getSendQueueCount = function getSendQueueCount() {
  return this[kState].handle?.getSendQueueCount() ?? 0;
};

Socket.prototype.ref = function ref() {
  this[kState].handle?.ref();
  return this;
};

Socket.prototype.unref = function unref() {
  this[kState].handle?.unref();
  return this;
};

Object.defineProperty(Socket.prototype, '_handle', {
  __proto__: null,
  configurable: true,
  enumerable: false,
  get() { return this[kState].handle; },
  set(value) { this[kState].handle = value; },
});

module.exports = { createSocket, Socket };
