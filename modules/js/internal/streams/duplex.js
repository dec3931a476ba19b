'use strict';
// Duplex: a Readable that is also a Writable, with the two sides' states kept apart
// (allowHalfOpen: false ends the writable side when the readable one ends).

module.exports = Duplex;

const Readable = require('internal/streams/readable');
const Writable = require('internal/streams/writable');
const destroyImpl = require('internal/streams/destroy');

Object.setPrototypeOf(Duplex.prototype, Readable.prototype);
Object.setPrototypeOf(Duplex, Readable);

// Writable's methods that Readable lacks (and its destroy(), which also fails queued writes).
for (const method of Object.keys(Writable.prototype)) {
  if (!Duplex.prototype[method]) Duplex.prototype[method] = Writable.prototype[method];
}
for (const method of ['write', 'cork', 'uncork', 'setDefaultEncoding', '_write', 'end']) {
  Duplex.prototype[method] = Writable.prototype[method];
}
Duplex.prototype._writev = null;
Duplex.prototype.destroy = Writable.prototype.destroy;

function Duplex(options) {
  if (!(this instanceof Duplex)) return new Duplex(options);

  // Pre-shape _events with the common events, as Node does (it fixes eventNames() order).
  this._events ??= {
    close: undefined,
    error: undefined,
    prefinish: undefined,
    finish: undefined,
    drain: undefined,
    data: undefined,
    end: undefined,
    readable: undefined,
  };

  this._readableState = new Readable.ReadableState(options, this, true);
  this._writableState = new Writable.WritableState(options, this, true);

  if (options) {
    this.allowHalfOpen = options.allowHalfOpen !== false;
    if (options.readable === false) {
      this._readableState.readable = false;
      this._readableState.ended = true;
      this._readableState.endEmitted = true;
    }
    if (options.writable === false) {
      this._writableState.writable = false;
      this._writableState.ending = true;
      this._writableState.ended = true;
      this._writableState.finished = true;
    }
    if (typeof options.read === 'function') this._read = options.read;
    if (typeof options.write === 'function') this._write = options.write;
    if (typeof options.writev === 'function') this._writev = options.writev;
    if (typeof options.destroy === 'function') this._destroy = options.destroy;
    if (typeof options.final === 'function') this._final = options.final;
    if (typeof options.construct === 'function') this._construct = options.construct;
    if (options.signal) {
      require('internal/streams/add-abort-signal').addAbortSignalNoValidate(options.signal, this);
    }
  } else {
    this.allowHalfOpen = true;
  }

  require('internal/streams/legacy').Stream.call(this, options);

  if (this._construct) {
    destroyImpl.construct(this, () => {
      this._readableState[destroyImpl.kOnConstructed](this);
      this._writableState[destroyImpl.kOnConstructed](this);
    });
  }
}

const writableDescriptors = Object.getOwnPropertyDescriptors(Writable.prototype);
Object.defineProperties(Duplex.prototype, {
  writable: { __proto__: null, ...writableDescriptors.writable },
  writableHighWaterMark: { __proto__: null, ...writableDescriptors.writableHighWaterMark },
  writableObjectMode: { __proto__: null, ...writableDescriptors.writableObjectMode },
  writableBuffer: { __proto__: null, ...writableDescriptors.writableBuffer },
  writableLength: { __proto__: null, ...writableDescriptors.writableLength },
  writableFinished: { __proto__: null, ...writableDescriptors.writableFinished },
  writableCorked: { __proto__: null, ...writableDescriptors.writableCorked },
  writableEnded: { __proto__: null, ...writableDescriptors.writableEnded },
  writableNeedDrain: { __proto__: null, ...writableDescriptors.writableNeedDrain },
  destroyed: {
    __proto__: null,
    get() {
      if (this._readableState === undefined || this._writableState === undefined) return false;
      return this._readableState.destroyed && this._writableState.destroyed;
    },
    set(value) {
      if (this._readableState && this._writableState) {
        this._readableState.destroyed = value;
        this._writableState.destroyed = value;
      }
    },
  },
});

let webStreamsAdapters;
function lazyWebStreams() {
  webStreamsAdapters ??= require('internal/webstreams/adapters');
  return webStreamsAdapters;
}

Duplex.fromWeb = function(pair, options) {
  return lazyWebStreams().newStreamDuplexFromReadableWritablePair(pair, options);
};

Duplex.toWeb = function(duplex, options) {
  return lazyWebStreams().newReadableWritablePairFromDuplex(duplex, options);
};

let duplexify;
Duplex.from = function(body) {
  duplexify ??= require('internal/streams/duplexify');
  return duplexify(body, 'body');
};
