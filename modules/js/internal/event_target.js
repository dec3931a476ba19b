'use strict';
// EventTarget, Event, CustomEvent and NodeEventTarget with Node's semantics: listeners kept
// per type as a linked list keyed by (callback, capture), options once/capture/passive/
// signal, handleEvent objects, stopImmediatePropagation, a max-listeners warning, and
// errors thrown by listeners (or rejections of what they return) rethrown on the nextTick
// queue so that they reach process 'uncaughtException' as in Node. There is no tree, so
// every dispatch is at the target: eventPhase is AT_TARGET while dispatching, NONE after.

const {
  codes: {
    ERR_EVENT_RECURSION,
    ERR_INVALID_ARG_TYPE,
    ERR_INVALID_THIS,
    ERR_MISSING_ARGS,
  },
} = require('internal/errors');
const {
  kValidateObjectAllowObjects,
  kValidateObjectAllowObjectsAndNull,
  validateAbortSignal,
  validateObject,
  validateString,
} = require('internal/validators');
const EventEmitter = require('events');

const { kMaxEventTargetListeners, kMaxEventTargetListenersWarned } = EventEmitter;
const kIsEventTarget = Symbol.for('nodejs.event_target');
const kInspect = Symbol.for('nodejs.util.inspect.custom');

const kEvents = Symbol('kEvents');
const kStop = Symbol('kStop');
const kTarget = Symbol('kTarget');
const kHybridDispatch = Symbol.for('nodejs.internal.kHybridDispatch');
const kCreateEvent = Symbol('kCreateEvent');
const kNewListener = Symbol('kNewListener');
const kRemoveListener = Symbol('kRemoveListener');
const kIsNodeStyleListener = Symbol('kIsNodeStyleListener');
const kTrustEvent = Symbol('kTrustEvent');
const kResistStopPropagation = Symbol('kResistStopPropagation');
const kWeakHandler = Symbol('kWeak');
const kIsBeingDispatched = Symbol('kIsBeingDispatched');
const kInPassiveListener = Symbol('kInPassiveListener');
const kType = Symbol('type');
const kDetail = Symbol('detail');
const kDefaultPrevented = Symbol('defaultPrevented');
const kCancelable = Symbol('cancelable');
const kTimestamp = Symbol('timestamp');
const kBubbles = Symbol('bubbles');
const kComposed = Symbol('composed');
const kPropagationStopped = Symbol('propagationStopped');

const trustedEvents = new WeakSet();
let lazyNow;
function now() {
  lazyNow ??= require('internal/perf/utils').now;
  return lazyNow();
}

function lazyInspect(value, options) {
  return require('internal/util/inspect').inspect(value, options);
}

function isEvent(value) {
  return typeof value?.[kType] === 'string';
}

function isEventTarget(value) {
  return value?.constructor?.[kIsEventTarget] === true && value[kEvents] !== undefined;
}

// The inspect output Node gives events and targets: `Name { ...shown fields }`.
function inspectWith(self, depth, options, shown) {
  const name = self.constructor.name;
  if (depth < 0) return name;
  const opts = Object.assign({}, options, {
    depth: Number.isInteger(options.depth) ? options.depth - 1 : options.depth,
  });
  return `${name} ${lazyInspect(shown, opts)}`;
}

class Event {
  constructor(type, options = null) {
    if (arguments.length === 0) throw new ERR_MISSING_ARGS('type');
    validateObject(options, 'options', kValidateObjectAllowObjectsAndNull);
    this[kCancelable] = !!options?.cancelable;
    this[kBubbles] = !!options?.bubbles;
    this[kComposed] = !!options?.composed;
    this[kType] = `${type}`;
    this[kDefaultPrevented] = false;
    this[kTimestamp] = now();
    this[kPropagationStopped] = false;
    this[kStop] = false;
    this[kTarget] = null;
    this[kIsBeingDispatched] = false;
    if (options?.[kTrustEvent]) trustedEvents.add(this);
  }

  initEvent(type, bubbles = false, cancelable = false) {
    if (arguments.length === 0) throw new ERR_MISSING_ARGS('type');
    if (this[kIsBeingDispatched]) return;
    this[kType] = `${type}`;
    this[kBubbles] = !!bubbles;
    this[kCancelable] = !!cancelable;
  }

  [kInspect](depth, options) {
    if (!isEvent(this)) throw new ERR_INVALID_THIS('Event');
    return inspectWith(this, depth, options, {
      type: this[kType],
      defaultPrevented: this[kDefaultPrevented],
      cancelable: this[kCancelable],
      timeStamp: this[kTimestamp],
    });
  }

  stopImmediatePropagation() {
    if (!isEvent(this)) throw new ERR_INVALID_THIS('Event');
    // Spec mention "stopImmediatePropagation should set both "stop propagation"
    // and "stop immediate propagation" flags".
    this[kPropagationStopped] = true;
    this[kStop] = true;
  }

  preventDefault() {
    if (!isEvent(this)) throw new ERR_INVALID_THIS('Event');
    if (this[kCancelable] && !this[kInPassiveListener]) this[kDefaultPrevented] = true;
  }

  get target() {
    if (!isEvent(this)) throw new ERR_INVALID_THIS('Event');
    return this[kTarget];
  }

  get currentTarget() {
    if (!isEvent(this)) throw new ERR_INVALID_THIS('Event');
    return this[kIsBeingDispatched] ? this[kTarget] : null;
  }

  get srcElement() {
    if (!isEvent(this)) throw new ERR_INVALID_THIS('Event');
    return this[kTarget];
  }

  get type() {
    if (!isEvent(this)) throw new ERR_INVALID_THIS('Event');
    return this[kType];
  }

  get cancelable() {
    if (!isEvent(this)) throw new ERR_INVALID_THIS('Event');
    return this[kCancelable];
  }

  get defaultPrevented() {
    if (!isEvent(this)) throw new ERR_INVALID_THIS('Event');
    return this[kCancelable] && this[kDefaultPrevented];
  }

  get timeStamp() {
    if (!isEvent(this)) throw new ERR_INVALID_THIS('Event');
    return this[kTimestamp];
  }

  composedPath() {
    if (!isEvent(this)) throw new ERR_INVALID_THIS('Event');
    return this[kIsBeingDispatched] ? [this[kTarget]] : [];
  }

  get returnValue() {
    if (!isEvent(this)) throw new ERR_INVALID_THIS('Event');
    return !(this[kCancelable] && this[kDefaultPrevented]);
  }

  get bubbles() {
    if (!isEvent(this)) throw new ERR_INVALID_THIS('Event');
    return this[kBubbles];
  }

  get composed() {
    if (!isEvent(this)) throw new ERR_INVALID_THIS('Event');
    return this[kComposed];
  }

  get eventPhase() {
    if (!isEvent(this)) throw new ERR_INVALID_THIS('Event');
    return this[kIsBeingDispatched] ? Event.AT_TARGET : Event.NONE;
  }

  get cancelBubble() {
    if (!isEvent(this)) throw new ERR_INVALID_THIS('Event');
    return this[kPropagationStopped];
  }

  set cancelBubble(value) {
    if (!isEvent(this)) throw new ERR_INVALID_THIS('Event');
    if (value) this[kPropagationStopped] = true;
  }

  stopPropagation() {
    if (!isEvent(this)) throw new ERR_INVALID_THIS('Event');
    this[kPropagationStopped] = true;
  }

  get isTrusted() {
    return trustedEvents.has(this);
  }
}

const enumerable = { enumerable: true };
for (const name of Object.getOwnPropertyNames(Event.prototype)) {
  if (name !== 'constructor') Object.defineProperty(Event.prototype, name, enumerable);
}
Object.defineProperty(Event.prototype, Symbol.toStringTag, {
  value: 'Event', writable: false, enumerable: false, configurable: true,
});
for (const [name, value] of [['NONE', 0], ['CAPTURING_PHASE', 1], ['AT_TARGET', 2],
                             ['BUBBLING_PHASE', 3]]) {
  Object.defineProperty(Event, name, {
    value, writable: false, enumerable: true, configurable: false,
  });
}

class CustomEvent extends Event {
  constructor(type, options = null) {
    if (arguments.length === 0) throw new ERR_MISSING_ARGS('type');
    super(type, options);
    this[kDetail] = options?.detail ?? null;
  }

  get detail() {
    if (!isEvent(this) || !(kDetail in this)) throw new ERR_INVALID_THIS('CustomEvent');
    return this[kDetail];
  }
}
Object.defineProperty(CustomEvent.prototype, 'detail', enumerable);
Object.defineProperty(CustomEvent.prototype, Symbol.toStringTag, {
  value: 'CustomEvent', writable: false, enumerable: false, configurable: true,
});

// Events NodeEventTarget#emit creates when a web-style listener wants an Event.
class NodeCustomEvent extends Event {
  constructor(type, options) {
    super(type, options);
    if (options?.detail) this.detail = options.detail;
  }
}

// The object passed as the kWeakHandler option → the weak listener it keeps alive.
const weakListenerOwners = new WeakMap();

/** One registered listener, a node of its type's doubly linked list. */
class Listener {
  constructor(previous, listener, once, capture, passive, isNodeStyleListener, weak,
              resistStopPropagation) {
    this.next = undefined;
    if (previous !== undefined) previous.next = this;
    this.previous = previous;
    this.listener = listener;
    this.once = once;
    this.capture = capture;
    this.passive = passive;
    this.isNodeStyleListener = isNodeStyleListener;
    this.removed = false;
    this.weak = weak !== undefined;
    this.resistStopPropagation = resistStopPropagation;
    if (this.weak) {
      // Held weakly so that a signal does not keep alive the targets it unregisters from;
      // the object given as the weak option keeps the listener alive.
      this.callback = new WeakRef(listener);
      this.listener = this.callback;
      weakListenerOwners.set(weak, listener);
    } else if (typeof listener === 'function') {
      this.callback = listener;
    } else {
      // handleEvent is looked up at dispatch time, as the DOM does.
      this.callback = async (...args) => {
        if (listener.handleEvent) await Reflect.apply(listener.handleEvent, listener, args);
      };
    }
  }

  same(listener, capture) {
    const own = this.weak ? this.listener.deref() : this.listener;
    return own === listener && this.capture === capture;
  }

  remove() {
    if (this.previous !== undefined) this.previous.next = this.next;
    if (this.next !== undefined) this.next.previous = this.previous;
    this.removed = true;
  }
}

function initEventTarget(self) {
  self[kEvents] = new Map();
  self[kMaxEventTargetListeners] = EventEmitter.defaultMaxListeners;
  self[kMaxEventTargetListenersWarned] = false;
}

// Node rethrows listener errors from the nextTick queue, which makes them uncaught.
function emitUncaughtException(err) {
  process.nextTick(() => { throw err; });
}

function addCatch(promise) {
  const then = promise.then;
  if (typeof then === 'function') {
    then.call(promise, undefined, emitUncaughtException);
  }
}

function shouldAddListener(listener) {
  if (typeof listener === 'function' || typeof listener?.handleEvent === 'function') return true;
  if (listener == null) return false;
  if (typeof listener === 'object') return true; // handleEvent is checked at dispatch
  throw new ERR_INVALID_ARG_TYPE('listener', 'EventListener', listener);
}

function validateEventListenerOptions(options) {
  if (typeof options === 'boolean') return { capture: options };
  if (options === null) return {};
  validateObject(options, 'options', kValidateObjectAllowObjects);
  return {
    once: Boolean(options.once),
    capture: Boolean(options.capture),
    passive: Boolean(options.passive),
    signal: options.signal,
    weak: options[kWeakHandler],
    resistStopPropagation: options[kResistStopPropagation] ?? false,
    isNodeStyleListener: Boolean(options[kIsNodeStyleListener]),
  };
}

class EventTarget {
  // Marks EventTargets across realms (a well-known symbol, as in Node).
  static [kIsEventTarget] = true;

  constructor() {
    initEventTarget(this);
  }

  [kNewListener](size, type, listener, once, capture, passive, weak) {
    const max = this[kMaxEventTargetListeners];
    if (max > 0 && size > max && !this[kMaxEventTargetListenersWarned]) {
      this[kMaxEventTargetListenersWarned] = true;
      const w = new Error('Possible EventTarget memory leak detected. ' +
                          `${size} ${type} listeners added to ` +
                          `${lazyInspect(this, { depth: -1 })}. MaxListeners is ${max}. Use ` +
                          'events.setMaxListeners() to increase limit');
      w.name = 'MaxListenersExceededWarning';
      w.target = this;
      w.type = type;
      w.count = size;
      process.emitWarning(w);
    }
  }

  [kRemoveListener](size, type, listener, capture) {}

  addEventListener(type, listener, options = {}) {
    if (!isEventTarget(this)) throw new ERR_INVALID_THIS('EventTarget');
    if (arguments.length < 2) throw new ERR_MISSING_ARGS('type', 'listener');
    const {
      once, capture, passive, signal, isNodeStyleListener, weak, resistStopPropagation,
    } = validateEventListenerOptions(options);
    validateAbortSignal(signal, 'options.signal');

    if (!shouldAddListener(listener)) {
      const w = new Error(`addEventListener called with ${listener} which has no effect.`);
      w.name = 'AddEventListenerArgumentTypeWarning';
      w.target = this;
      w.type = type;
      process.emitWarning(w);
      return;
    }
    type = webidlString(type);

    if (signal) {
      if (signal.aborted) return;
      signal.addEventListener('abort', () => {
        this.removeEventListener(type, listener, options);
      }, { __proto__: null, once: true, [kWeakHandler]: this, [kResistStopPropagation]: true });
    }

    let root = this[kEvents].get(type);
    if (root === undefined) {
      root = { size: 1, next: undefined, resistStopPropagation: Boolean(resistStopPropagation) };
      new Listener(root, listener, once, capture, passive, isNodeStyleListener, weak,
                   Boolean(resistStopPropagation));
      this[kNewListener](root.size, type, listener, once, capture, passive, weak);
      this[kEvents].set(type, root);
      return;
    }

    let handler = root.next;
    let previous = root;
    while (handler !== undefined && !handler.same(listener, capture)) {
      previous = handler;
      handler = handler.next;
    }
    if (handler !== undefined) return; // already registered

    new Listener(previous, listener, once, capture, passive, isNodeStyleListener, weak,
                 Boolean(resistStopPropagation));
    root.size++;
    root.resistStopPropagation ||= Boolean(resistStopPropagation);
    this[kNewListener](root.size, type, listener, once, capture, passive, weak);
  }

  removeEventListener(type, listener, options = {}) {
    if (!isEventTarget(this)) throw new ERR_INVALID_THIS('EventTarget');
    if (arguments.length < 2) throw new ERR_MISSING_ARGS('type', 'listener');
    if (!shouldAddListener(listener)) return;
    type = webidlString(type);
    // Node compares `options.capture === true` only: a bare `true` does not match.
    const capture = options?.capture === true;

    const root = this[kEvents].get(type);
    if (root === undefined || root.next === undefined) return;
    let handler = root.next;
    while (handler !== undefined) {
      if (handler.same(listener, capture)) {
        handler.remove();
        root.size--;
        if (root.size === 0) this[kEvents].delete(type);
        this[kRemoveListener](root.size, type, listener, capture);
        break;
      }
      handler = handler.next;
    }
  }

  dispatchEvent(event) {
    if (!isEventTarget(this)) throw new ERR_INVALID_THIS('EventTarget');
    if (arguments.length < 1) throw new ERR_MISSING_ARGS('event');
    if (!(event instanceof Event)) throw new ERR_INVALID_ARG_TYPE('event', 'Event', event);
    if (event[kIsBeingDispatched]) throw new ERR_EVENT_RECURSION(event.type);
    this[kHybridDispatch](event, event.type, event);
    return event.defaultPrevented !== true;
  }

  // Dispatches either a real Event or, for NodeEventTarget#emit, a bare value that
  // Node-style listeners get as is and web-style listeners get wrapped in an Event.
  [kHybridDispatch](nodeValue, type, event) {
    const createEvent = () => {
      if (event === undefined) {
        event = this[kCreateEvent](nodeValue, type);
        event[kTarget] = this;
        event[kIsBeingDispatched] = true;
      }
      return event;
    };
    if (event !== undefined) {
      event[kTarget] = this;
      event[kIsBeingDispatched] = true;
    }

    const root = this[kEvents].get(type);
    if (root === undefined || root.next === undefined) {
      if (event !== undefined) event[kIsBeingDispatched] = false;
      return true;
    }

    let handler = root.next;
    while (handler !== undefined &&
           (root.resistStopPropagation || handler.passive || event?.[kStop] !== true)) {
      const next = handler.next;
      if (handler.removed || (event?.[kStop] === true && !handler.resistStopPropagation)) {
        handler = next;
        continue;
      }
      if (handler.once) {
        handler.remove();
        root.size--;
        const { listener, capture } = handler;
        this[kRemoveListener](root.size, type, listener, capture);
      }

      try {
        const arg = handler.isNodeStyleListener ? nodeValue : createEvent();
        const callback = handler.weak ? handler.callback.deref() : handler.callback;
        let result;
        if (callback) {
          if (handler.passive && !handler.isNodeStyleListener) arg[kInPassiveListener] = true;
          try {
            result = callback.call(this, arg);
          } finally {
            if (handler.passive && !handler.isNodeStyleListener) arg[kInPassiveListener] = false;
          }
          // As in Node, only the first web-style listener sees the event as in dispatch.
          if (!handler.isNodeStyleListener) arg[kIsBeingDispatched] = false;
        }
        if (result !== undefined && result !== null) addCatch(result);
      } catch (err) {
        emitUncaughtException(err);
      }
      handler = next;
    }

    if (event !== undefined) event[kIsBeingDispatched] = false;
  }

  [kCreateEvent](nodeValue, type) {
    return new NodeCustomEvent(type, { detail: nodeValue });
  }

  [kInspect](depth, options) {
    return inspectWith(this, depth, options, {});
  }
}

for (const name of ['addEventListener', 'removeEventListener', 'dispatchEvent']) {
  Object.defineProperty(EventTarget.prototype, name, enumerable);
}
Object.defineProperty(EventTarget.prototype, Symbol.toStringTag, {
  value: 'EventTarget', writable: false, enumerable: false, configurable: true,
});

// Web IDL DOMString conversion: String(), except that symbols throw Node's error.
function webidlString(value) {
  if (typeof value === 'symbol') {
    const { codes: { ERR_INVALID_ARG_VALUE } } = require('internal/errors');
    throw new ERR_INVALID_ARG_VALUE('value', value);
  }
  return `${value}`;
}

function isNodeEventTarget(value) {
  return value?.constructor?.[kIsNodeEventTarget] === true;
}
const kIsNodeEventTarget = Symbol('kIsNodeEventTarget');

/** An EventTarget with an EventEmitter-like surface (Node's MessagePort base). */
class NodeEventTarget extends EventTarget {
  static [kIsNodeEventTarget] = true;
  static defaultMaxListeners = 10;

  setMaxListeners(n) {
    if (!isNodeEventTarget(this)) throw new ERR_INVALID_THIS('NodeEventTarget');
    EventEmitter.setMaxListeners(n, this);
  }

  getMaxListeners() {
    if (!isNodeEventTarget(this)) throw new ERR_INVALID_THIS('NodeEventTarget');
    return this[kMaxEventTargetListeners];
  }

  eventNames() {
    if (!isNodeEventTarget(this)) throw new ERR_INVALID_THIS('NodeEventTarget');
    return Array.from(this[kEvents].keys());
  }

  listenerCount(type) {
    if (!isNodeEventTarget(this)) throw new ERR_INVALID_THIS('NodeEventTarget');
    const root = this[kEvents].get(String(type));
    return root !== undefined ? root.size : 0;
  }

  off(type, listener, options) {
    if (!isNodeEventTarget(this)) throw new ERR_INVALID_THIS('NodeEventTarget');
    this.removeEventListener(type, listener, options);
    return this;
  }

  removeListener(type, listener, options) {
    if (!isNodeEventTarget(this)) throw new ERR_INVALID_THIS('NodeEventTarget');
    this.removeEventListener(type, listener, options);
    return this;
  }

  on(type, listener) {
    if (!isNodeEventTarget(this)) throw new ERR_INVALID_THIS('NodeEventTarget');
    this.addEventListener(type, listener, { [kIsNodeStyleListener]: true });
    return this;
  }

  addListener(type, listener) {
    if (!isNodeEventTarget(this)) throw new ERR_INVALID_THIS('NodeEventTarget');
    this.addEventListener(type, listener, { [kIsNodeStyleListener]: true });
    return this;
  }

  emit(type, arg) {
    if (!isNodeEventTarget(this)) throw new ERR_INVALID_THIS('NodeEventTarget');
    validateString(type, 'type');
    const hadListeners = this.listenerCount(type) > 0;
    this[kHybridDispatch](arg, type);
    return hadListeners;
  }

  once(type, listener) {
    if (!isNodeEventTarget(this)) throw new ERR_INVALID_THIS('NodeEventTarget');
    this.addEventListener(type, listener, { once: true, [kIsNodeStyleListener]: true });
    return this;
  }

  removeAllListeners(type) {
    if (!isNodeEventTarget(this)) throw new ERR_INVALID_THIS('NodeEventTarget');
    if (type !== undefined) this[kEvents].delete(String(type));
    else this[kEvents].clear();
    return this;
  }
}

for (const name of ['setMaxListeners', 'getMaxListeners', 'eventNames', 'listenerCount', 'off',
                    'removeListener', 'on', 'addListener', 'once', 'emit',
                    'removeAllListeners']) {
  Object.defineProperty(NodeEventTarget.prototype, name, enumerable);
}

// The `on<type>` attribute handlers of web classes (AbortSignal#onabort): one listener per
// type whose callback can be swapped without changing its place in the list.
const kHandlers = Symbol('kHandlers');

function defineEventHandler(emitter, name, eventName = name) {
  Object.defineProperty(emitter, `on${name}`, {
    enumerable: true,
    configurable: true,
    get() {
      return this[kHandlers]?.get(eventName)?.handler ?? null;
    },
    set(value) {
      this[kHandlers] ??= new Map();
      let wrapped = this[kHandlers].get(eventName);
      if (wrapped === undefined) {
        wrapped = function(...args) {
          if (typeof wrapped.handler === 'function') {
            return Reflect.apply(wrapped.handler, this, args);
          }
        };
        wrapped.handler = null;
        this[kHandlers].set(eventName, wrapped);
      }
      const callable = typeof value === 'function' ||
                       (typeof value === 'object' && value !== null);
      if (callable && wrapped.handler === null) {
        this.addEventListener(eventName, wrapped);
      } else if (!callable && wrapped.handler !== null) {
        this.removeEventListener(eventName, wrapped);
      }
      wrapped.handler = callable ? value : null;
    },
  });
}

module.exports = {
  CustomEvent,
  Event,
  EventTarget,
  NodeEventTarget,
  defineEventHandler,
  isEventTarget,
  kCreateEvent,
  kEvents,
  kNewListener,
  kRemoveListener,
  kResistStopPropagation,
  kTrustEvent,
  kWeakHandler,
};
