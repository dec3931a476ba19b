'use strict';
// TransformStream (WHATWG Streams): a writable side whose chunks go through
// transform(chunk, controller) into a readable side, with flush() at the end and cancel()
// when the readable side is cancelled. Follows the standard's abstract operations.

const {
  codes: { ERR_INVALID_ARG_VALUE, ERR_INVALID_STATE, ERR_ILLEGAL_CONSTRUCTOR },
} = require('internal/errors');
const {
  kState,
  kType,
  brandCheck,
  createDeferred,
  setPromiseHandled,
  promiseCall,
  extractHighWaterMark,
  extractSizeAlgorithm,
  validateObjectOrUndefined,
} = require('internal/webstreams/util');
const rs = require('internal/webstreams/readablestream');
const ws = require('internal/webstreams/writablestream');

const kIllegal = Symbol('kIllegal');

class TransformStream {
  constructor(transformer = undefined, writableStrategy = {}, readableStrategy = {}) {
    validateObjectOrUndefined(transformer, 'transformer');
    validateObjectOrUndefined(writableStrategy, 'writableStrategy');
    validateObjectOrUndefined(readableStrategy, 'readableStrategy');
    this[kType] = 'TransformStream';
    const source = transformer ?? {};
    if (source.readableType !== undefined) {
      throw new ERR_INVALID_ARG_VALUE.RangeError('transformer.readableType', source.readableType);
    }
    if (source.writableType !== undefined) {
      throw new ERR_INVALID_ARG_VALUE.RangeError('transformer.writableType', source.writableType);
    }
    const readableHighWaterMark = extractHighWaterMark(readableStrategy, 0);
    const readableSizeAlgorithm = extractSizeAlgorithm(readableStrategy);
    const writableHighWaterMark = extractHighWaterMark(writableStrategy, 1);
    const writableSizeAlgorithm = extractSizeAlgorithm(writableStrategy);
    const startPromise = createDeferred();
    initializeTransformStream(this, startPromise.promise, writableHighWaterMark,
                              writableSizeAlgorithm, readableHighWaterMark, readableSizeAlgorithm);
    setUpTransformStreamDefaultControllerFromTransformer(this, source);
    if (source.start !== undefined) {
      startPromise.resolve(Reflect.apply(source.start, source, [this[kState].controller]));
    } else {
      startPromise.resolve();
    }
  }

  get readable() {
    brandCheck(this, 'TransformStream');
    return this[kState].readable;
  }

  get writable() {
    brandCheck(this, 'TransformStream');
    return this[kState].writable;
  }

  static {
    // A data property, as WebIDL defines it (not a getter).
    Object.defineProperty(this.prototype, Symbol.toStringTag, {
      __proto__: null, value: 'TransformStream', writable: false, enumerable: false, configurable: true,
    });
  }

  [Symbol.for('nodejs.util.inspect.custom')](depth, options, inspect) {
    if (depth < 0) return this;
    const opts = { ...options, depth: options.depth == null ? null : options.depth - 1 };
    return `TransformStream ${inspect({
      readable: this.readable,
      writable: this.writable,
      backpressure: this[kState].backpressure,
    }, opts)}`;
  }
}

Object.defineProperties(TransformStream.prototype, {
  readable: { __proto__: null, enumerable: true },
  writable: { __proto__: null, enumerable: true },
});

function initializeTransformStream(stream, startPromise, writableHighWaterMark,
                                   writableSizeAlgorithm, readableHighWaterMark,
                                   readableSizeAlgorithm) {
  const startAlgorithm = () => startPromise;
  const writable = ws.createWritableStream(
    startAlgorithm,
    (chunk) => transformStreamDefaultSinkWriteAlgorithm(stream, chunk),
    () => transformStreamDefaultSinkCloseAlgorithm(stream),
    (reason) => transformStreamDefaultSinkAbortAlgorithm(stream, reason),
    writableHighWaterMark, writableSizeAlgorithm);
  const readable = rs.createReadableStream(
    startAlgorithm,
    () => transformStreamDefaultSourcePullAlgorithm(stream),
    (reason) => transformStreamDefaultSourceCancelAlgorithm(stream, reason),
    readableHighWaterMark, readableSizeAlgorithm);
  stream[kState] = {
    readable,
    writable,
    backpressure: undefined,
    backpressureChange: undefined,
    controller: undefined,
  };
  transformStreamSetBackpressure(stream, true);
}

function transformStreamError(stream, error) {
  rs.readableStreamDefaultControllerError(stream[kState].readable[kState].controller, error);
  transformStreamErrorWritableAndUnblockWrite(stream, error);
}

function transformStreamErrorWritableAndUnblockWrite(stream, error) {
  transformStreamDefaultControllerClearAlgorithms(stream[kState].controller);
  ws.writableStreamDefaultControllerErrorIfNeeded(stream[kState].writable[kState].controller, error);
  transformStreamUnblockWrite(stream);
}

function transformStreamUnblockWrite(stream) {
  if (stream[kState].backpressure) transformStreamSetBackpressure(stream, false);
}

function transformStreamSetBackpressure(stream, backpressure) {
  const state = stream[kState];
  if (state.backpressureChange !== undefined) state.backpressureChange.resolve();
  state.backpressureChange = createDeferred();
  state.backpressure = backpressure;
}

// --- TransformStreamDefaultController ----------------------------------------------------
class TransformStreamDefaultController {
  constructor(key) {
    if (key !== kIllegal) throw new ERR_ILLEGAL_CONSTRUCTOR();
    this[kType] = 'TransformStreamDefaultController';
  }

  get desiredSize() {
    brandCheck(this, 'TransformStreamDefaultController');
    const readableController = this[kState].stream[kState].readable[kState].controller;
    return rs.readableStreamDefaultControllerGetDesiredSize(readableController);
  }

  enqueue(chunk = undefined) {
    brandCheck(this, 'TransformStreamDefaultController');
    transformStreamDefaultControllerEnqueue(this, chunk);
  }

  error(reason = undefined) {
    brandCheck(this, 'TransformStreamDefaultController');
    transformStreamError(this[kState].stream, reason);
  }

  terminate() {
    brandCheck(this, 'TransformStreamDefaultController');
    transformStreamDefaultControllerTerminate(this);
  }

  static {
    // A data property, as WebIDL defines it (not a getter).
    Object.defineProperty(this.prototype, Symbol.toStringTag, {
      __proto__: null, value: 'TransformStreamDefaultController', writable: false, enumerable: false, configurable: true,
    });
  }
}

Object.defineProperties(TransformStreamDefaultController.prototype, {
  desiredSize: { __proto__: null, enumerable: true },
  enqueue: { __proto__: null, enumerable: true },
  error: { __proto__: null, enumerable: true },
  terminate: { __proto__: null, enumerable: true },
});

function setUpTransformStreamDefaultControllerFromTransformer(stream, transformer) {
  const controller = new TransformStreamDefaultController(kIllegal);
  const { transform, flush, cancel } = transformer;
  const transformAlgorithm = transform ?
    (chunk) => promiseCall(transform, transformer, chunk, controller) :
    (chunk) => {
      try {
        transformStreamDefaultControllerEnqueue(controller, chunk);
        return Promise.resolve();
      } catch (error) {
        return Promise.reject(error);
      }
    };
  const flushAlgorithm = flush ?
    () => promiseCall(flush, transformer, controller) : () => Promise.resolve();
  const cancelAlgorithm = cancel ?
    (reason) => promiseCall(cancel, transformer, reason) : () => Promise.resolve();
  controller[kState] = {
    stream,
    transformAlgorithm,
    flushAlgorithm,
    cancelAlgorithm,
    finishPromise: undefined,
  };
  stream[kState].controller = controller;
}

function transformStreamDefaultControllerClearAlgorithms(controller) {
  controller[kState].transformAlgorithm = undefined;
  controller[kState].flushAlgorithm = undefined;
  controller[kState].cancelAlgorithm = undefined;
}

function transformStreamDefaultControllerEnqueue(controller, chunk) {
  const stream = controller[kState].stream;
  const readableController = stream[kState].readable[kState].controller;
  if (!rs.readableStreamDefaultControllerCanCloseOrEnqueue(readableController)) {
    throw new ERR_INVALID_STATE.TypeError('Unable to enqueue');
  }
  try {
    rs.readableStreamDefaultControllerEnqueue(readableController, chunk);
  } catch (error) {
    transformStreamErrorWritableAndUnblockWrite(stream, error);
    throw stream[kState].readable[kState].storedError;
  }
  const backpressure = rs.readableStreamDefaultControllerHasBackpressure(readableController);
  if (backpressure !== stream[kState].backpressure) transformStreamSetBackpressure(stream, true);
}

function transformStreamDefaultControllerPerformTransform(controller, chunk) {
  // A cancel racing with this write already cleared the algorithms: the chunk is dropped.
  if (controller[kState].transformAlgorithm === undefined) return Promise.resolve();
  return controller[kState].transformAlgorithm(chunk).then(undefined, (error) => {
    transformStreamError(controller[kState].stream, error);
    throw error;
  });
}

function transformStreamDefaultControllerTerminate(controller) {
  const stream = controller[kState].stream;
  rs.readableStreamDefaultControllerClose(stream[kState].readable[kState].controller);
  transformStreamErrorWritableAndUnblockWrite(
    stream, new ERR_INVALID_STATE.TypeError('TransformStream has been terminated'));
}

function transformStreamDefaultSinkWriteAlgorithm(stream, chunk) {
  const controller = stream[kState].controller;
  if (stream[kState].backpressure) {
    return stream[kState].backpressureChange.promise.then(() => {
      const writable = stream[kState].writable;
      if (writable[kState].state === 'erroring') throw writable[kState].storedError;
      return transformStreamDefaultControllerPerformTransform(controller, chunk);
    });
  }
  return transformStreamDefaultControllerPerformTransform(controller, chunk);
}

function transformStreamDefaultSinkAbortAlgorithm(stream, reason) {
  const controller = stream[kState].controller;
  if (controller[kState].finishPromise !== undefined) return controller[kState].finishPromise.promise;
  const readable = stream[kState].readable;
  const finish = createDeferred();
  controller[kState].finishPromise = finish;
  const cancelPromise = controller[kState].cancelAlgorithm(reason);
  transformStreamDefaultControllerClearAlgorithms(controller);
  cancelPromise.then(() => {
    if (readable[kState].state === 'errored') {
      finish.reject(readable[kState].storedError);
    } else {
      rs.readableStreamDefaultControllerError(readable[kState].controller, reason);
      finish.resolve();
    }
  }, (error) => {
    rs.readableStreamDefaultControllerError(readable[kState].controller, error);
    finish.reject(error);
  });
  return finish.promise;
}

function transformStreamDefaultSinkCloseAlgorithm(stream) {
  const controller = stream[kState].controller;
  if (controller[kState].finishPromise !== undefined) return controller[kState].finishPromise.promise;
  const readable = stream[kState].readable;
  const finish = createDeferred();
  controller[kState].finishPromise = finish;
  const flushPromise = controller[kState].flushAlgorithm();
  transformStreamDefaultControllerClearAlgorithms(controller);
  flushPromise.then(() => {
    if (readable[kState].state === 'errored') {
      finish.reject(readable[kState].storedError);
    } else {
      rs.readableStreamDefaultControllerClose(readable[kState].controller);
      finish.resolve();
    }
  }, (error) => {
    rs.readableStreamDefaultControllerError(readable[kState].controller, error);
    finish.reject(error);
  });
  return finish.promise;
}

function transformStreamDefaultSourcePullAlgorithm(stream) {
  transformStreamSetBackpressure(stream, false);
  return stream[kState].backpressureChange.promise;
}

function transformStreamDefaultSourceCancelAlgorithm(stream, reason) {
  const controller = stream[kState].controller;
  if (controller[kState].finishPromise !== undefined) return controller[kState].finishPromise.promise;
  const writable = stream[kState].writable;
  const finish = createDeferred();
  controller[kState].finishPromise = finish;
  const cancelPromise = controller[kState].cancelAlgorithm(reason);
  transformStreamDefaultControllerClearAlgorithms(controller);
  cancelPromise.then(() => {
    if (writable[kState].state === 'errored') {
      finish.reject(writable[kState].storedError);
    } else {
      ws.writableStreamDefaultControllerErrorIfNeeded(writable[kState].controller, reason);
      transformStreamUnblockWrite(stream);
      finish.resolve();
    }
  }, (error) => {
    ws.writableStreamDefaultControllerErrorIfNeeded(writable[kState].controller, error);
    transformStreamUnblockWrite(stream);
    finish.reject(error);
  });
  setPromiseHandled(finish.promise);
  return finish.promise;
}

module.exports = { TransformStream, TransformStreamDefaultController };
