'use strict';
// The IPC channel between a parent and a child it forked: `subprocess.send()` /
// `process.send()`, 'message', 'disconnect', `connected`, and `channel.ref()/unref()`, as
// Node's setupChannel. The transport is the stdio entry 'ipc': one end of a socketpair,
// whose descriptor the child finds in NODE_CHANNEL_FD. Messages are JSON, one per line
// (Node's 'json' serialization). Not yet: sending handles (sockets, servers) along with a
// message, and the 'advanced' (V8 serializer) format.

const EventEmitter = require('events');
const { Buffer } = require('buffer');
const { StringDecoder } = require('string_decoder');
const { owners } = require('internal/handle_events');
const { Pipe } = require('internal/stream_handles');
const {
  ErrnoException,
  codes: {
    ERR_INVALID_ARG_TYPE,
    ERR_INVALID_HANDLE_TYPE,
    ERR_IPC_CHANNEL_CLOSED,
    ERR_IPC_DISCONNECTED,
    ERR_MISSING_ARGS,
  },
} = require('internal/errors');
const { validateObject } = require('internal/validators');

const kPendingMessages = Symbol('kPendingMessages');
const kChannelHandle = Symbol('kChannelHandle');

// Node's threshold for send()'s return value: false once two reads' worth is queued.
const kWriteQueueHighWater = 65536 * 2;

// The channel's Pipe handle, owning its own loop events: reads go to `onread` (bytes, or
// null at the end), each write's completion to its request's `oncomplete`.
class ChannelHandle extends Pipe {
  constructor(id) {
    super(id, false);
    this.onread = null;
    this.buffering = false;
    this.writeQueueSize = 0;
    this.pending = new Map();
    this.nextRequest = 0;
    this.closed = false;
    owners.set(id, this);
  }

  // Writes `string` as UTF-8; `req.oncomplete(status)` runs once it is written.
  writeUtf8String(req, string) {
    const data = Buffer.from(string, 'utf8');
    const id = ++this.nextRequest;
    const status = this.writeBuffer(data, id);
    if (status < 0) return status;
    req.async = status === 1;
    if (req.async) {
      this.writeQueueSize += data.length;
      this.pending.set(id, { req, bytes: data.length });
    }
    return 0;
  }

  close() {
    if (this.closed) return;
    this.closed = true;
    super.close();
  }

  _onRead(bytes) {
    if (this.onread) this.onread(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  }

  _onEnd() {
    if (this.onread) this.onread(null);
  }

  _onReadError() {
    if (this.onread) this.onread(null);
  }

  _onWriteDone(id, status) {
    const entry = this.pending.get(id);
    if (entry === undefined) return;
    this.pending.delete(id);
    this.writeQueueSize -= entry.bytes;
    entry.req.oncomplete?.(status);
  }

  _onShutdownDone() {}
  _onClosed() {}
}

// Node's Control: `subprocess.channel` / `process.channel`. Listeners and writes in flight
// hold a reference on the handle; an explicit ref()/unref() overrides that counting.
class Control extends EventEmitter {
  #channel = null;
  #refs = 0;
  #refExplicitlySet = false;

  constructor(channel) {
    super();
    this.#channel = channel;
    this[kPendingMessages] = [];
  }

  refCounted() {
    if (++this.#refs === 1 && !this.#refExplicitlySet) this.#channel.ref();
  }

  unrefCounted() {
    if (--this.#refs === 0 && !this.#refExplicitlySet) this.#channel.unref();
  }

  ref() {
    this.#refExplicitlySet = true;
    this.#channel.ref();
  }

  unref() {
    this.#refExplicitlySet = true;
    this.#channel.unref();
  }

  get fd() {
    return this.#channel ? this.#channel.fd : undefined;
  }
}

// JSON lines, as Node's 'json' serialization: a message may span reads, a read may hold many.
function* parseChannelMessages(channel, bytes) {
  if (bytes.length === 0) return;
  channel.decoder ??= new StringDecoder('utf8');
  const chunks = channel.decoder.write(bytes).split('\n');
  const complete = chunks.length - 1;
  if (complete === 0) {
    channel.jsonBuffer += chunks[0];
  } else {
    chunks[0] = channel.jsonBuffer + chunks[0];
    for (let i = 0; i < complete; i++) yield JSON.parse(chunks[i]);
    channel.jsonBuffer = chunks[complete];
  }
  channel.buffering = channel.jsonBuffer.length !== 0;
}

const INTERNAL_PREFIX = 'NODE_';
function isInternal(message) {
  return message !== null && typeof message === 'object' && typeof message.cmd === 'string' &&
    message.cmd.length > INTERNAL_PREFIX.length && message.cmd.startsWith(INTERNAL_PREFIX);
}

// Makes `target` (a ChildProcess, or `process` in the child) an end of the channel over
// `channel` (a ChannelHandle); `onClosed` runs once the channel is gone.
function setupChannel(target, channel, onClosed) {
  let closeReported = false;
  const reportClosed = () => {
    if (closeReported) return;
    closeReported = true;
    onClosed?.();
  };
  const control = new Control(channel);
  target.channel = control;
  target[kChannelHandle] = channel;
  target._handleQueue = null;
  target._pendingMessage = null;
  channel.jsonBuffer = '';

  channel.onread = (bytes) => {
    if (bytes !== null) {
      let messages;
      try {
        messages = [...parseChannelMessages(channel, bytes)];
      } catch (err) {
        // A line that is not JSON: Node's parser throws it as an uncaught error too.
        process.nextTick(() => { throw err; });
        return;
      }
      for (const message of messages) handleMessage(message, isInternal(message));
      return;
    }
    channel.buffering = false;
    if (target.connected) target.disconnect();
    channel.onread = null;
    channel.close();
    target.channel = null;
    reportClosed();
  };

  target.on('newListener', function() {
    process.nextTick(() => {
      if (!target.channel || !target.listenerCount('message')) return;
      const messages = target.channel[kPendingMessages];
      if (!messages.length) return;
      target.channel[kPendingMessages] = [];
      for (const args of messages) target.emit(...args);
    });
  });

  target.send = function send(message, handle, options, callback) {
    if (typeof handle === 'function') {
      callback = handle;
      handle = undefined;
      options = undefined;
    } else if (typeof options === 'function') {
      callback = options;
      options = undefined;
    } else if (options !== undefined) {
      validateObject(options, 'options');
    }
    options = { swallowErrors: false, ...options };
    if (this.connected) return this._send(message, handle, options, callback);
    const ex = new ERR_IPC_CHANNEL_CLOSED();
    if (typeof callback === 'function') {
      process.nextTick(callback, ex);
    } else {
      process.nextTick(() => this.emit('error', ex));
    }
    return false;
  };

  target._send = function _send(message, handle, options, callback) {
    if (message === undefined) throw new ERR_MISSING_ARGS('message');
    if (typeof message !== 'string' && typeof message !== 'object' &&
        typeof message !== 'number' && typeof message !== 'boolean') {
      throw new ERR_INVALID_ARG_TYPE('message', ['string', 'object', 'number', 'boolean'], message);
    }
    if (typeof options === 'boolean') options = { swallowErrors: options };
    // Passing sockets and servers needs descriptors sent along (SCM_RIGHTS): not yet.
    if (handle) throw new ERR_INVALID_HANDLE_TYPE();

    const req = {};
    const err = channel.closed ? -32 : channel.writeUtf8String(req, JSON.stringify(message) + '\n');
    if (err === 0) {
      if (req.async) {
        req.oncomplete = () => {
          control.unrefCounted();
          if (typeof callback === 'function') callback(null);
        };
        control.refCounted();
      } else if (typeof callback === 'function') {
        process.nextTick(callback, null);
      }
    } else if (!options?.swallowErrors) {
      const ex = new ErrnoException(err, 'write');
      if (typeof callback === 'function') {
        process.nextTick(callback, ex);
      } else {
        process.nextTick(() => this.emit('error', ex));
      }
    }
    return channel.writeQueueSize < kWriteQueueHighWater;
  };

  target.connected = true;

  target.disconnect = function disconnect() {
    if (!this.connected) {
      this.emit('error', new ERR_IPC_DISCONNECTED());
      return;
    }
    this.connected = false;
    this._disconnect();
  };

  target._disconnect = function _disconnect() {
    if (!this.channel) return;
    this.channel = null;
    this[kChannelHandle] = null;
    let fired = false;
    const finish = () => {
      if (fired) return;
      fired = true;
      channel.close();
      target.emit('disconnect');
      reportClosed();
    };
    // A message half read completes first.
    if (channel.buffering) {
      this.once('message', finish);
      this.once('internalMessage', finish);
      return;
    }
    process.nextTick(finish);
  };

  function emit(event, message) {
    if (event === 'internalMessage' || target.listenerCount('message')) {
      target.emit(event, message);
      return;
    }
    target.channel[kPendingMessages].push([event, message]);
  }

  function handleMessage(message, internal) {
    if (!target.channel) return;
    process.nextTick(emit, internal ? 'internalMessage' : 'message', message);
  }

  channel.readStart();
  return control;
}

// The child's side: `process` becomes an end of the channel on descriptor `fd`. The channel
// keeps the child alive only while 'message' or 'disconnect' has a listener.
function setupChildChannel(fd) {
  const id = internalBinding('pipe_wrap').open(fd);
  if (id < 0) return;
  const channel = new ChannelHandle(id);
  channel.unref();
  const control = setupChannel(process, channel);
  process.on('newListener', (name) => {
    if (name === 'message' || name === 'disconnect') control.refCounted();
  });
  process.on('removeListener', (name) => {
    if (name === 'message' || name === 'disconnect') control.unrefCounted();
  });
}

module.exports = { ChannelHandle, setupChannel, setupChildChannel };
