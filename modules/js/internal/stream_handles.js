'use strict';
// The handle objects under net sockets and servers and under a child's stdio (what
// `socket._handle` is: Node's TCP and Pipe wraps). Each is a JS object over a loop handle
// id whose methods return libuv statuses (0 or a negative errno).

const { HandleWrap } = require('internal/handle_events');

const tcp = internalBinding('tcp_wrap');
const streamWrap = internalBinding('stream_wrap');
const pipe = internalBinding('pipe_wrap');

// Whether a handle is a listening one.
const kIsServer = Symbol('kIsServer');
// What reads the handle instead of its socket's Readable side (an HTTP parser after
// `parser.consume(handle)`, as Node's parser takes over a StreamBase's reads).
const kStreamConsumer = Symbol('kStreamConsumer');

// What every stream handle does: read, write and shut down.
class StreamHandle extends HandleWrap {
  constructor(id, server) {
    super(id);
    this[kIsServer] = server;
    this.reading = false;
  }

  readStart() { return streamWrap.readStart(this.id); }
  readStop() { return streamWrap.readStop(this.id); }
  shutdown(req) { return streamWrap.shutdown(this.id, req); }
  writeBuffer(data, req) { return streamWrap.write(this.id, data, req); }
}

// Node's TCP wrap: a stream with addresses and TCP's options.
class TCP extends StreamHandle {
  setNoDelay(enable) { return tcp.setNoDelay(this.id, enable); }
  setKeepAlive(enable, delaySeconds) { return tcp.setKeepAlive(this.id, enable, delaySeconds); }
  reset() { return tcp.setLingerZero(this.id); }
  typeOfService(value) { return tcp.typeOfService(this.id, value); }
}

// Node's Pipe wrap: a Unix-domain socket, a pipe or a terminal; a stream without addresses.
class Pipe extends StreamHandle {
  getsockname() { return -22; }
  getpeername() { return -22; }
}

// The bindings carry the classes and constants as Node's do (tests reach them through
// internal/test/binding and patch their prototypes).
tcp.TCP = TCP;
tcp.constants = { SOCKET: 0, SERVER: 1, UV_TCP_IPV6ONLY: 1, UV_TCP_REUSEPORT: 2 };
pipe.Pipe = Pipe;
pipe.constants = { SOCKET: 0, SERVER: 1, IPC: 2, UV_READABLE: 1, UV_WRITABLE: 2 };

module.exports = { StreamHandle, TCP, Pipe, kIsServer, kStreamConsumer };
