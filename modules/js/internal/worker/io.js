'use strict';
// Message passing within this thread: MessageChannel and its two entangled MessagePorts,
// BroadcastChannel, MessageEvent, and receiveMessageOnPort. Messages are structured
// clones (with transfer lists) delivered as macrotasks while the receiving port is
// started (start(), an onmessage handler or a 'message' listener; removing the last
// listener stops it again). As in Node, a port is referenced while it has 'message'
// listeners, a BroadcastChannel until closed or unref()'d, and a referenced one keeps
// the event loop alive.

const {
  codes: {
    ERR_CONSTRUCT_CALL_INVALID, ERR_INVALID_ARG_TYPE, ERR_INVALID_THIS, ERR_MISSING_ARGS,
  },
} = require('internal/errors');
const {
  Event, EventTarget, NodeEventTarget, defineEventHandler, kCreateEvent, kNewListener,
  kRemoveListener,
} = require('internal/event_target');
const { cloneWithTransfer, kDetached, kTransfer } = require('internal/structured_clone');

const kState = Symbol('kState');
const kInspect = Symbol.for('nodejs.util.inspect.custom');
const kHybridDispatch = Symbol.for('nodejs.internal.kHybridDispatch');

// --- keeping the loop alive -----------------------------------------------------------------

// Ports and channels that are referenced and open. While there are any, a long interval
// timer keeps the event loop running.
const referenced = new Set();
let keepAliveTimer = null;

function setReferenced(owner, isReferenced) {
  if (isReferenced) referenced.add(owner);
  else referenced.delete(owner);
  if (referenced.size > 0 && keepAliveTimer === null) {
    keepAliveTimer = setInterval(() => {}, 2 ** 31 - 1);
  } else if (referenced.size === 0 && keepAliveTimer !== null) {
    clearInterval(keepAliveTimer);
    keepAliveTimer = null;
  }
}

// --- MessageEvent ---------------------------------------------------------------------------

const kData = Symbol('kData');
const kOrigin = Symbol('kOrigin');
const kLastEventId = Symbol('kLastEventId');
const kSource = Symbol('kSource');
const kPorts = Symbol('kPorts');

function validateMessageEvent(value) {
  if (value?.[kPorts] === undefined) {
    throw new ERR_INVALID_ARG_TYPE('this', 'MessageEvent', value);
  }
}

/** The event a MessagePort or BroadcastChannel dispatches for each message. */
class MessageEvent extends Event {
  constructor(type, options = undefined) {
    if (arguments.length === 0) throw new ERR_MISSING_ARGS('type');
    super(type, options);
    const { data = null, origin = '', lastEventId = '', source = null, ports = [] } =
      options ?? {};
    this[kData] = data;
    this[kOrigin] = `${origin}`;
    this[kLastEventId] = `${lastEventId}`;
    this[kSource] = source;
    this[kPorts] = Object.freeze([...ports]);
  }

  get data() { validateMessageEvent(this); return this[kData]; }
  get origin() { validateMessageEvent(this); return this[kOrigin]; }
  get lastEventId() { validateMessageEvent(this); return this[kLastEventId]; }
  get source() { validateMessageEvent(this); return this[kSource]; }
  get ports() { validateMessageEvent(this); return this[kPorts]; }
}
for (const name of ['data', 'origin', 'lastEventId', 'source', 'ports']) {
  Object.defineProperty(MessageEvent.prototype, name, { enumerable: true });
}

// --- MessagePort ----------------------------------------------------------------------------

function isMessagePort(value) {
  return value?.[kState]?.isPort === true;
}

function validatePort(value) {
  if (!isMessagePort(value)) throw new ERR_INVALID_ARG_TYPE('this', 'MessagePort', value);
}

// Ports are made only by MessageChannel (and by moving a port); like Node's native
// constructor, MessagePort itself throws whether called or constructed.
function createPort() {
  const port = Reflect.construct(NodeEventTarget, [], MessagePort);
  port[kState] = {
    isPort: true, peer: null, queue: [], scheduled: 0, started: false, closed: false,
    detached: false, refed: false,
  };
  const asyncHooks = require('internal/async_hooks');
  asyncHooks.emitInit(asyncHooks.newAsyncId(), 'MESSAGEPORT', asyncHooks.executionAsyncId(),
                      port);
  return port;
}

function notIterable(message) {
  const err = new TypeError(message);
  err.code = 'ERR_INVALID_ARG_TYPE';
  return err;
}

// The items of an iterable, checked step by step as WebIDL sequences are.
function iterableItems(value, message) {
  if (value === null || (typeof value !== 'object' && typeof value !== 'function')) {
    throw notIterable(message);
  }
  const method = value[Symbol.iterator];
  if (typeof method !== 'function') throw notIterable(message);
  const iterator = Reflect.apply(method, value, []);
  if (iterator === null || typeof iterator !== 'object' || typeof iterator.next !== 'function') {
    throw notIterable(message);
  }
  const items = [];
  for (;;) {
    const step = iterator.next();
    if (step === null || typeof step !== 'object') throw notIterable(message);
    if (step.done) return items;
    items.push(step.value);
  }
}

// postMessage's second argument: a transfer list or `{ transfer }`.
function transferOptions(transfer) {
  if (transfer === undefined || transfer === null) return [];
  if (typeof transfer === 'object' && typeof transfer[Symbol.iterator] !== 'function') {
    if (transfer.transfer === undefined) return [];
    return iterableItems(transfer.transfer,
                         'Optional options.transfer argument must be an iterable');
  }
  return iterableItems(transfer, 'Optional transferList argument must be an iterable');
}

// Delivers the oldest queued message of `port`, if it is still there.
function deliverNext(port) {
  const state = port[kState];
  if (state.closed || !state.started || state.queue.length === 0) return;
  const { data, ports } = state.queue.shift();
  port[kHybridDispatch](data, 'message', new MessageEvent('message', { data, ports }));
}

function scheduleDeliveries(port) {
  const state = port[kState];
  while (state.scheduled < state.queue.length) {
    state.scheduled++;
    setImmediate(() => {
      state.scheduled--;
      deliverNext(port);
    });
  }
}

function finishClosing(port) {
  const state = port[kState];
  state.closed = true;
  state.queue = [];
  setReferenced(port, false);
  port[kHybridDispatch](undefined, 'close');
}

/** One end of a MessageChannel. */
function MessagePort() {
  throw new ERR_CONSTRUCT_CALL_INVALID();
}
Object.setPrototypeOf(MessagePort, NodeEventTarget);
Object.setPrototypeOf(MessagePort.prototype, NodeEventTarget.prototype);

const portMethods = {
  postMessage(message, transfer = undefined) {
    validatePort(this);
    if (arguments.length === 0) {
      const err = new TypeError('Not enough arguments to MessagePort.postMessage');
      err.code = 'ERR_MISSING_ARGS';
      throw err;
    }
    const transferList = transferOptions(transfer);
    const state = this[kState];
    const postsTargetToItself = state.peer !== null && transferList.includes(state.peer);
    const { result, received } = cloneWithTransfer(message, transferList, this);
    if (postsTargetToItself) {
      process.emitWarning('The target port was posted to itself, and the communication ' +
                          'channel was lost');
      this.close();
      return true;
    }
    if (state.detached || state.peer === null) return false;
    const target = state.peer;
    const ports = received.filter(isMessagePort);
    target[kState].queue.push({ data: result, ports });
    if (target[kState].started) scheduleDeliveries(target);
    return true;
  },

  start() {
    validatePort(this);
    const state = this[kState];
    if (state.started || state.closed) return;
    state.started = true;
    scheduleDeliveries(this);
  },

  ref() {
    validatePort(this);
    const state = this[kState];
    state.refed = true;
    setReferenced(this, !state.closed);
  },

  unref() {
    validatePort(this);
    this[kState].refed = false;
    setReferenced(this, false);
  },

  hasRef() {
    validatePort(this);
    const state = this[kState];
    return state.refed && !state.closed;
  },

  // Both ends stop sending at once; messages already on their way are delivered before
  // this end reports 'close'. The other end learns of it a turn later, and (as in Node)
  // only if something still keeps the loop running when it is not referenced itself.
  close(callback = undefined) {
    validatePort(this);
    const state = this[kState];
    if (typeof callback === 'function') this.once('close', callback);
    if (state.detached) return;
    const { peer } = state;
    for (const port of peer === null ? [this] : [this, peer]) {
      port[kState].detached = true;
      port[kState].peer = null;
    }
    setImmediate(() => {
      finishClosing(this);
      if (peer === null) return;
      const notifyPeer = setImmediate(() => finishClosing(peer));
      if (!peer.hasRef()) notifyPeer.unref();
    });
  },

  // Moving a port to a message: the received port takes over the channel and pending
  // messages; this one is left detached.
  [kTransfer]() {
    const state = this[kState];
    const moved = createPort();
    const movedState = moved[kState];
    movedState.peer = state.peer;
    movedState.queue = state.queue;
    if (state.peer !== null) state.peer[kState].peer = moved;
    state.peer = null;
    state.queue = [];
    state.detached = true;
    this.unref();
    return moved;
  },

  get [kDetached]() {
    return this[kState].detached;
  },

  [kCreateEvent](data, type) {
    if (type !== 'message' && type !== 'messageerror') {
      return Reflect.apply(NodeEventTarget.prototype[kCreateEvent], this, [data, type]);
    }
    return new MessageEvent(type, { data });
  },

  [kNewListener](size, type, listener, once, capture, passive, weak) {
    Reflect.apply(NodeEventTarget.prototype[kNewListener], this,
                  [size, type, listener, once, capture, passive, weak]);
    if (type === 'message' && size === 1) {
      this.ref();
      this.start();
    }
  },

  [kRemoveListener](size, type, listener, capture) {
    Reflect.apply(NodeEventTarget.prototype[kRemoveListener], this,
                  [size, type, listener, capture]);
    // Without 'message' listeners the port stops: messages wait for the next listener.
    if (type === 'message' && size === 0) {
      this.unref();
      this[kState].started = false;
    }
  },

  [kInspect](depth, options, inspect) {
    if (!isMessagePort(this)) return this;
    const state = this[kState];
    const shown = { active: !state.closed, refed: state.refed && !state.closed };
    if (depth < 0) return 'MessagePort';
    return `MessagePort [EventTarget] ${inspect(shown, options)}`;
  },
};
for (const key of Reflect.ownKeys(portMethods)) {
  const descriptor = Object.getOwnPropertyDescriptor(portMethods, key);
  descriptor.enumerable = typeof key === 'string';
  Object.defineProperty(MessagePort.prototype, key, descriptor);
}
Object.defineProperty(MessagePort.prototype, 'constructor', {
  __proto__: null, value: MessagePort, writable: true, enumerable: false, configurable: true,
});
defineEventHandler(MessagePort.prototype, 'message');
defineEventHandler(MessagePort.prototype, 'messageerror');

/** Two entangled MessagePorts: what one posts, the other receives. */
function MessageChannel() {
  if (new.target === undefined) {
    const err = new TypeError('Cannot call constructor without `new`');
    err.code = 'ERR_CONSTRUCT_CALL_REQUIRED';
    throw err;
  }
  const port1 = createPort();
  const port2 = createPort();
  port1[kState].peer = port2;
  port2[kState].peer = port1;
  this.port1 = port1;
  this.port2 = port2;
}

/** Takes the oldest message waiting at `port` without dispatching it: `{ message }`. */
function receiveMessageOnPort(port) {
  if (!isMessagePort(port)) {
    const err = new TypeError('The "port" argument must be a MessagePort instance');
    err.code = 'ERR_INVALID_ARG_TYPE';
    throw err;
  }
  const { queue } = port[kState];
  if (queue.length === 0) return undefined;
  return { message: queue.shift().data };
}

// --- BroadcastChannel -----------------------------------------------------------------------

// name → the open channels with that name.
const channelsByName = new Map();
const kName = Symbol('kName');
const kClosed = Symbol('kClosed');
const kQueue = Symbol('kQueue');
// Every open channel, in creation order: as in Node, one delivery round gives each
// channel in that order all the messages waiting for it.
const openChannels = new Set();
let deliveryScheduled = false;

function deliverChannelMessages() {
  deliveryScheduled = false;
  for (const channel of openChannels) {
    const queue = channel[kQueue];
    channel[kQueue] = [];
    for (const data of queue) {
      if (channel[kClosed]) break;
      channel.dispatchEvent(new MessageEvent('message', { data }));
    }
  }
}

function validateBroadcastChannel(value) {
  if (value?.[kName] === undefined) {
    throw new ERR_INVALID_ARG_TYPE('this', 'BroadcastChannel', value);
  }
}

/** Delivers each message to every other open channel of the same name. */
class BroadcastChannel extends EventTarget {
  constructor(name) {
    if (arguments.length === 0) throw new ERR_MISSING_ARGS('name');
    super();
    this[kName] = `${name}`;
    this[kClosed] = false;
    this[kQueue] = [];
    openChannels.add(this);
    let group = channelsByName.get(this[kName]);
    if (group === undefined) {
      group = new Set();
      channelsByName.set(this[kName], group);
    }
    group.add(this);
    setReferenced(this, true);
  }

  get name() {
    validateBroadcastChannel(this);
    return this[kName];
  }

  close() {
    validateBroadcastChannel(this);
    if (this[kClosed]) return;
    this[kClosed] = true;
    const group = channelsByName.get(this[kName]);
    group.delete(this);
    if (group.size === 0) channelsByName.delete(this[kName]);
    openChannels.delete(this);
    this[kQueue] = [];
    setReferenced(this, false);
  }

  postMessage(message) {
    validateBroadcastChannel(this);
    if (arguments.length === 0) throw new ERR_MISSING_ARGS('message');
    if (this[kClosed]) {
      const { DOMException } = require('internal/dom_exception');
      throw new DOMException('BroadcastChannel is closed.', 'InvalidStateError');
    }
    // The message is cloned even without receivers, so uncloneable data always throws.
    let copy = cloneWithTransfer(message, []).result;
    for (const receiver of channelsByName.get(this[kName])) {
      if (receiver === this) continue;
      receiver[kQueue].push(copy ?? cloneWithTransfer(message, []).result);
      copy = undefined;
    }
    if (!deliveryScheduled) {
      deliveryScheduled = true;
      setImmediate(deliverChannelMessages);
    }
  }

  ref() {
    validateBroadcastChannel(this);
    setReferenced(this, !this[kClosed]);
    return this;
  }

  unref() {
    validateBroadcastChannel(this);
    setReferenced(this, false);
    return this;
  }

  [kInspect](depth, options, inspect) {
    if (this?.[kName] === undefined) throw new ERR_INVALID_THIS('BroadcastChannel');
    if (depth < 0) return 'BroadcastChannel';
    const shown = { name: this[kName], active: !this[kClosed] };
    return `BroadcastChannel ${inspect(shown, options)}`;
  }
}
for (const name of ['name', 'close', 'postMessage', 'ref', 'unref']) {
  Object.defineProperty(BroadcastChannel.prototype, name, { enumerable: true });
}
defineEventHandler(BroadcastChannel.prototype, 'message');
defineEventHandler(BroadcastChannel.prototype, 'messageerror');

module.exports = {
  BroadcastChannel,
  MessageChannel,
  MessageEvent,
  MessagePort,
  receiveMessageOnPort,
};
