'use strict';
// The loop's handle events, for every module with handles (net, dgram): one `ioEvents` call
// per poll phase carries a flat batch of [kind, id, a, b] quads (see
// modules/src/ops/handle_wrap.rs); each goes to the JS object that owns the handle id.

const { setHook } = internalBinding('engine');
const handleWrap = internalBinding('handle_wrap');
const { runNextTicks } = require('internal/process/task_queues');

// Event kinds as modules/src/ops/handle_wrap.rs numbers them.
const ACCEPT = 1;
const CONNECT = 2;
const READ = 3;
const END = 4;
const READ_ERROR = 5;
const WRITE_DONE = 6;
const SHUTDOWN_DONE = 7;
const CLOSED = 8;
const MESSAGE = 9;
const HANDSHAKE = 10;
const EXIT = 11;
const FS_EVENT = 12;

// What a handle object calls once its close is reported (Node's `handle.close(cb)`).
const kOnClose = Symbol('kOnClose');

// What every handle object is (Node's HandleWrap): a handle id (0 until the socket
// exists), ref/unref remembered until then, close with a callback, the addresses.
class HandleWrap {
  constructor(id) {
    this.id = id;
    this.refed = true;
  }

  // Gives a handle made before its socket the socket's id.
  attach(id) {
    this.id = id;
    if (!this.refed) handleWrap.setRef(id, false);
  }

  ref() {
    this.refed = true;
    if (this.id) handleWrap.setRef(this.id, true);
  }

  unref() {
    this.refed = false;
    if (this.id) handleWrap.setRef(this.id, false);
  }

  hasRef() { return this.refed; }
  getsockname() { return handleWrap.getsockname(this.id); }
  getpeername() { return handleWrap.getpeername(this.id); }
  // The descriptor (-1 before the socket exists or after it closed), as Node's `handle.fd`.
  get fd() { return this.id ? handleWrap.fd(this.id) : -1; }

  close(callback) {
    if (this.id) handleWrap.close(this.id);
    if (typeof callback === 'function') this[kOnClose] = callback;
  }
}

// handle id → the object that owns it (a net.Socket, net.Server, dgram.Socket,
// ChildProcess or fs.watch's FSEvent).
const owners = new Map();

// One call per poll phase with every event of the batch; the tick queue and microtasks
// drain after each, as after each callback in Node. If a listener throws and
// 'uncaughtException' takes it, the host calls again (no argument) to go on from there.
let batch = null;
let cursor = 0;
setHook('ioEvents', (events) => {
  if (events !== undefined) {
    batch = events;
    cursor = 0;
  }
  while (batch !== null && cursor < batch.length) {
    const i = cursor;
    cursor += 4;
    dispatch(batch[i], batch[i + 1], batch[i + 2], batch[i + 3]);
    runNextTicks();
  }
  batch = null;
  return true;
});

function dispatch(kind, id, a, b) {
  const owner = owners.get(id);
  if (owner === undefined) return;
  switch (kind) {
    case ACCEPT: return owner._onAccept(a);
    case CONNECT: return owner._onConnect(a);
    case READ: return owner._onRead(a);
    case MESSAGE: return owner._onMessage(a, b);
    case HANDSHAKE: return owner._onHandshake(a, b);
    case EXIT: return owner._onExit(a, b);
    case FS_EVENT: return owner._onFsEvent(a, b);
    case END: return owner._onEnd();
    case READ_ERROR: return owner._onReadError(a);
    case WRITE_DONE: return owner._onWriteDone(a, b);
    case SHUTDOWN_DONE: return owner._onShutdownDone(a, b);
    case CLOSED: {
      owners.delete(id);
      const handle = owner._closingHandle;
      if (handle && typeof handle[kOnClose] === 'function') handle[kOnClose]();
      return owner._onClosed();
    }
  }
}

// Whether `owner` still holds a handle whose close has not been reported.
function ownsHandle(owner) {
  for (const o of owners.values()) if (o === owner) return true;
  return false;
}

// Sockets whose handle exists before its socket does (net.connect while looking up).
const unopened = new Set();

// Node's names of the requests in flight on handles (a connect is a ConnectWrap).
function activeRequestNames() {
  const names = [];
  for (const owner of owners.values()) {
    const name = owner._activeRequestName?.();
    if (name) names.push(name);
  }
  return names;
}

// Node's names of the ref'd handles that keep the process alive, for
// process.getActiveResourcesInfo(): each owner names its handle (or nothing).
function activeHandleNames() {
  const names = [];
  const seen = new Set();
  for (const owner of [...owners.values(), ...unopened]) {
    if (seen.has(owner)) continue;
    seen.add(owner);
    const name = owner._activeResourceName?.();
    if (name) names.push(name);
  }
  return names;
}

module.exports = {
  HandleWrap, owners, kOnClose, ownsHandle, activeHandleNames, activeRequestNames, unopened,
};
