'use strict';
// WritableStream (WHATWG Streams) with its default writer and controller: a queue of
// writes handed one at a time to the sink, backpressure through writer.ready, close and
// abort. The functions follow the standard's abstract operations and keep its names.

const {
  codes: { ERR_INVALID_ARG_TYPE, ERR_INVALID_ARG_VALUE, ERR_INVALID_STATE, ERR_ILLEGAL_CONSTRUCTOR, ERR_INVALID_THIS },
} = require('internal/errors');
const {
  kState,
  kType,
  isBrandOf,
  brandCheck,
  createDeferred,
  setPromiseHandled,
  promiseCall,
  dequeueValue,
  enqueueValueWithSize,
  peekQueueValue,
  resetQueue,
  extractHighWaterMark,
  extractSizeAlgorithm,
  validateObjectOrUndefined,
} = require('internal/webstreams/util');
const { kIsClosedPromise, kControllerErrorFunction } = require('internal/streams/utils');

const kIllegal = Symbol('kIllegal');
const kCloseSentinel = Symbol('kCloseSentinel');
const nop = () => {};

function invalidState(message) {
  return new ERR_INVALID_STATE.TypeError(message);
}

function rejectThis(type) {
  return Promise.reject(new ERR_INVALID_THIS(type));
}

class WritableStream {
  constructor(underlyingSink = undefined, strategy = undefined) {
    validateObjectOrUndefined(underlyingSink, 'sink');
    validateObjectOrUndefined(strategy, 'strategy');
    this[kType] = 'WritableStream';
    const sink = underlyingSink ?? {};
    if (sink.type !== undefined) throw new ERR_INVALID_ARG_VALUE.RangeError('type', sink.type);
    initializeWritableStream(this);
    const size = extractSizeAlgorithm(strategy);
    const highWaterMark = extractHighWaterMark(strategy, 1);
    setUpWritableStreamDefaultControllerFromSink(this, sink, highWaterMark, size);
  }

  get locked() {
    brandCheck(this, 'WritableStream');
    return isWritableStreamLocked(this);
  }

  abort(reason = undefined) {
    if (!isBrandOf(this, 'WritableStream')) return rejectThis('WritableStream');
    if (isWritableStreamLocked(this)) return Promise.reject(invalidState('WritableStream is locked'));
    return writableStreamAbort(this, reason);
  }

  close() {
    if (!isBrandOf(this, 'WritableStream')) return rejectThis('WritableStream');
    if (isWritableStreamLocked(this)) return Promise.reject(invalidState('WritableStream is locked'));
    if (writableStreamCloseQueuedOrInFlight(this)) {
      return Promise.reject(invalidState('Failure closing WritableStream'));
    }
    return writableStreamClose(this);
  }

  getWriter() {
    brandCheck(this, 'WritableStream');
    return new WritableStreamDefaultWriter(this);
  }

  static {
    // A data property, as WebIDL defines it (not a getter).
    Object.defineProperty(this.prototype, Symbol.toStringTag, {
      __proto__: null, value: 'WritableStream', writable: false, enumerable: false, configurable: true,
    });
  }

  [Symbol.for('nodejs.util.inspect.custom')](depth, options, inspect) {
    if (depth < 0) return this;
    const opts = { ...options, depth: options.depth == null ? null : options.depth - 1 };
    return `WritableStream ${inspect({
      locked: this.locked,
      state: this[kState].state,
    }, opts)}`;
  }
}

Object.defineProperties(WritableStream.prototype, {
  locked: { __proto__: null, enumerable: true },
  abort: { __proto__: null, enumerable: true },
  close: { __proto__: null, enumerable: true },
  getWriter: { __proto__: null, enumerable: true },
});

function initializeWritableStream(stream) {
  stream[kState] = {
    state: 'writable',
    storedError: undefined,
    writer: undefined,
    controller: undefined,
    inFlightWriteRequest: undefined,
    closeRequest: undefined,
    inFlightCloseRequest: undefined,
    pendingAbortRequest: undefined,
    writeRequests: [],
    backpressure: false,
  };
  stream[kIsClosedPromise] = createDeferred();
  setPromiseHandled(stream[kIsClosedPromise].promise);
}

function isWritableStreamLocked(stream) {
  return stream[kState].writer !== undefined;
}

function writableStreamAbort(stream, reason) {
  const state = stream[kState];
  if (state.state === 'closed' || state.state === 'errored') return Promise.resolve();
  state.controller[kState].abortController.abort(reason);
  if (state.state === 'closed' || state.state === 'errored') return Promise.resolve();
  if (state.pendingAbortRequest !== undefined) return state.pendingAbortRequest.promise.promise;
  let wasAlreadyErroring = false;
  if (state.state === 'erroring') {
    wasAlreadyErroring = true;
    reason = undefined;
  }
  const promise = createDeferred();
  state.pendingAbortRequest = { promise, reason, wasAlreadyErroring };
  if (!wasAlreadyErroring) writableStreamStartErroring(stream, reason);
  return promise.promise;
}

function writableStreamClose(stream) {
  const state = stream[kState];
  if (state.state === 'closed' || state.state === 'errored') {
    return Promise.reject(invalidState('WritableStream is closed'));
  }
  const promise = createDeferred();
  state.closeRequest = promise;
  const writer = state.writer;
  if (writer !== undefined && state.backpressure && state.state === 'writable') {
    writer[kState].ready.resolve();
  }
  writableStreamDefaultControllerClose(state.controller);
  return promise.promise;
}

function writableStreamAddWriteRequest(stream) {
  const promise = createDeferred();
  stream[kState].writeRequests.push(promise);
  return promise.promise;
}

function writableStreamDealWithRejection(stream, error) {
  if (stream[kState].state === 'writable') {
    writableStreamStartErroring(stream, error);
    return;
  }
  writableStreamFinishErroring(stream);
}

function writableStreamStartErroring(stream, reason) {
  const state = stream[kState];
  const controller = state.controller;
  state.state = 'erroring';
  state.storedError = reason;
  const writer = state.writer;
  if (writer !== undefined) writableStreamDefaultWriterEnsureReadyPromiseRejected(writer, reason);
  if (!writableStreamHasOperationMarkedInFlight(stream) && controller[kState].started) {
    writableStreamFinishErroring(stream);
  }
}

function writableStreamFinishErroring(stream) {
  const state = stream[kState];
  state.state = 'errored';
  state.controller[kState].errorSteps();
  const storedError = state.storedError;
  for (const request of state.writeRequests) request.reject(storedError);
  state.writeRequests = [];
  if (state.pendingAbortRequest === undefined) {
    writableStreamRejectCloseAndClosedPromiseIfNeeded(stream);
    return;
  }
  const abortRequest = state.pendingAbortRequest;
  state.pendingAbortRequest = undefined;
  if (abortRequest.wasAlreadyErroring) {
    abortRequest.promise.reject(storedError);
    writableStreamRejectCloseAndClosedPromiseIfNeeded(stream);
    return;
  }
  state.controller[kState].abortAlgorithm(abortRequest.reason).then(() => {
    abortRequest.promise.resolve();
    writableStreamRejectCloseAndClosedPromiseIfNeeded(stream);
  }, (error) => {
    abortRequest.promise.reject(error);
    writableStreamRejectCloseAndClosedPromiseIfNeeded(stream);
  });
}

function writableStreamFinishInFlightWrite(stream) {
  stream[kState].inFlightWriteRequest.resolve();
  stream[kState].inFlightWriteRequest = undefined;
}

function writableStreamFinishInFlightWriteWithError(stream, error) {
  stream[kState].inFlightWriteRequest.reject(error);
  stream[kState].inFlightWriteRequest = undefined;
  writableStreamDealWithRejection(stream, error);
}

function writableStreamFinishInFlightClose(stream) {
  const state = stream[kState];
  state.inFlightCloseRequest.resolve();
  state.inFlightCloseRequest = undefined;
  if (state.state === 'erroring') {
    state.storedError = undefined;
    if (state.pendingAbortRequest !== undefined) {
      state.pendingAbortRequest.promise.resolve();
      state.pendingAbortRequest = undefined;
    }
  }
  state.state = 'closed';
  const writer = state.writer;
  if (writer !== undefined) writer[kState].close.resolve();
  stream[kIsClosedPromise].resolve();
}

function writableStreamFinishInFlightCloseWithError(stream, error) {
  const state = stream[kState];
  state.inFlightCloseRequest.reject(error);
  state.inFlightCloseRequest = undefined;
  if (state.pendingAbortRequest !== undefined) {
    state.pendingAbortRequest.promise.reject(error);
    state.pendingAbortRequest = undefined;
  }
  writableStreamDealWithRejection(stream, error);
}

function writableStreamCloseQueuedOrInFlight(stream) {
  return stream[kState].closeRequest !== undefined ||
    stream[kState].inFlightCloseRequest !== undefined;
}

function writableStreamHasOperationMarkedInFlight(stream) {
  return stream[kState].inFlightWriteRequest !== undefined ||
    stream[kState].inFlightCloseRequest !== undefined;
}

function writableStreamMarkCloseRequestInFlight(stream) {
  stream[kState].inFlightCloseRequest = stream[kState].closeRequest;
  stream[kState].closeRequest = undefined;
}

function writableStreamMarkFirstWriteRequestInFlight(stream) {
  stream[kState].inFlightWriteRequest = stream[kState].writeRequests.shift();
}

function writableStreamRejectCloseAndClosedPromiseIfNeeded(stream) {
  const state = stream[kState];
  if (state.closeRequest !== undefined) {
    state.closeRequest.reject(state.storedError);
    state.closeRequest = undefined;
  }
  stream[kIsClosedPromise].reject(state.storedError);
  const writer = state.writer;
  if (writer !== undefined) {
    writer[kState].close.reject(state.storedError);
    setPromiseHandled(writer[kState].close.promise);
  }
}

function writableStreamUpdateBackpressure(stream, backpressure) {
  const state = stream[kState];
  const writer = state.writer;
  if (writer !== undefined && backpressure !== state.backpressure) {
    if (backpressure) {
      writer[kState].ready = createDeferred();
    } else {
      writer[kState].ready.resolve();
    }
  }
  state.backpressure = backpressure;
}

// --- WritableStreamDefaultWriter ---------------------------------------------------------
class WritableStreamDefaultWriter {
  constructor(stream) {
    if (!isBrandOf(stream, 'WritableStream')) {
      throw new ERR_INVALID_ARG_TYPE('stream', 'WritableStream', stream);
    }
    this[kType] = 'WritableStreamDefaultWriter';
    setUpWritableStreamDefaultWriter(this, stream);
  }

  get closed() {
    if (!isBrandOf(this, 'WritableStreamDefaultWriter')) return rejectThis('WritableStreamDefaultWriter');
    return this[kState].close.promise;
  }

  get desiredSize() {
    brandCheck(this, 'WritableStreamDefaultWriter');
    if (this[kState].stream === undefined) throw invalidState('Writer is not bound to a WritableStream');
    return writableStreamDefaultWriterGetDesiredSize(this);
  }

  get ready() {
    if (!isBrandOf(this, 'WritableStreamDefaultWriter')) return rejectThis('WritableStreamDefaultWriter');
    return this[kState].ready.promise;
  }

  abort(reason = undefined) {
    if (!isBrandOf(this, 'WritableStreamDefaultWriter')) return rejectThis('WritableStreamDefaultWriter');
    if (this[kState].stream === undefined) {
      return Promise.reject(invalidState('Writer is not bound to a WritableStream'));
    }
    return writableStreamAbort(this[kState].stream, reason);
  }

  close() {
    if (!isBrandOf(this, 'WritableStreamDefaultWriter')) return rejectThis('WritableStreamDefaultWriter');
    const stream = this[kState].stream;
    if (stream === undefined) {
      return Promise.reject(invalidState('Writer is not bound to a WritableStream'));
    }
    if (writableStreamCloseQueuedOrInFlight(stream)) {
      return Promise.reject(invalidState('Failure to close WritableStream'));
    }
    return writableStreamClose(stream);
  }

  releaseLock() {
    brandCheck(this, 'WritableStreamDefaultWriter');
    if (this[kState].stream === undefined) return;
    writableStreamDefaultWriterRelease(this);
  }

  write(chunk = undefined) {
    if (!isBrandOf(this, 'WritableStreamDefaultWriter')) return rejectThis('WritableStreamDefaultWriter');
    if (this[kState].stream === undefined) {
      return Promise.reject(invalidState('Writer is not bound to a WritableStream'));
    }
    return writableStreamDefaultWriterWrite(this, chunk);
  }

  static {
    // A data property, as WebIDL defines it (not a getter).
    Object.defineProperty(this.prototype, Symbol.toStringTag, {
      __proto__: null, value: 'WritableStreamDefaultWriter', writable: false, enumerable: false, configurable: true,
    });
  }
}

Object.defineProperties(WritableStreamDefaultWriter.prototype, {
  closed: { __proto__: null, enumerable: true },
  desiredSize: { __proto__: null, enumerable: true },
  ready: { __proto__: null, enumerable: true },
  abort: { __proto__: null, enumerable: true },
  close: { __proto__: null, enumerable: true },
  releaseLock: { __proto__: null, enumerable: true },
  write: { __proto__: null, enumerable: true },
});

function acquireWritableStreamDefaultWriter(stream) {
  return new WritableStreamDefaultWriter(stream);
}

function setUpWritableStreamDefaultWriter(writer, stream) {
  if (isWritableStreamLocked(stream)) throw invalidState('WritableStream is locked');
  writer[kState] = { stream, ready: createDeferred(), close: createDeferred() };
  stream[kState].writer = writer;
  const state = stream[kState].state;
  if (state === 'writable') {
    if (!writableStreamCloseQueuedOrInFlight(stream) && stream[kState].backpressure) {
      // ready stays pending
    } else {
      writer[kState].ready.resolve();
    }
  } else if (state === 'erroring') {
    writer[kState].ready.reject(stream[kState].storedError);
    setPromiseHandled(writer[kState].ready.promise);
  } else if (state === 'closed') {
    writer[kState].ready.resolve();
    writer[kState].close.resolve();
  } else {
    const storedError = stream[kState].storedError;
    writer[kState].ready.reject(storedError);
    setPromiseHandled(writer[kState].ready.promise);
    writer[kState].close.reject(storedError);
    setPromiseHandled(writer[kState].close.promise);
  }
}

function writableStreamDefaultWriterCloseWithErrorPropagation(writer) {
  const stream = writer[kState].stream;
  const state = stream[kState].state;
  if (writableStreamCloseQueuedOrInFlight(stream) || state === 'closed') return Promise.resolve();
  if (state === 'errored') return Promise.reject(stream[kState].storedError);
  return writableStreamClose(stream);
}

function writableStreamDefaultWriterEnsureReadyPromiseRejected(writer, error) {
  writer[kState].ready = createDeferred();
  writer[kState].ready.reject(error);
  setPromiseHandled(writer[kState].ready.promise);
}

function writableStreamDefaultWriterGetDesiredSize(writer) {
  const stream = writer[kState].stream;
  const state = stream[kState].state;
  if (state === 'errored' || state === 'erroring') return null;
  if (state === 'closed') return 0;
  return writableStreamDefaultControllerGetDesiredSize(stream[kState].controller);
}

function writableStreamDefaultWriterRelease(writer) {
  const stream = writer[kState].stream;
  const releasedError = invalidState('Writer has been released');
  writableStreamDefaultWriterEnsureReadyPromiseRejected(writer, releasedError);
  writer[kState].close = createDeferred();
  writer[kState].close.reject(releasedError);
  setPromiseHandled(writer[kState].close.promise);
  stream[kState].writer = undefined;
  writer[kState].stream = undefined;
}

function writableStreamDefaultWriterWrite(writer, chunk) {
  const stream = writer[kState].stream;
  const controller = stream[kState].controller;
  const chunkSize = writableStreamDefaultControllerGetChunkSize(controller, chunk);
  if (stream !== writer[kState].stream) {
    return Promise.reject(invalidState('Mismatched WritableStreams'));
  }
  const state = stream[kState].state;
  if (state === 'errored') return Promise.reject(stream[kState].storedError);
  if (writableStreamCloseQueuedOrInFlight(stream) || state === 'closed') {
    return Promise.reject(invalidState('WritableStream is closed'));
  }
  if (state === 'erroring') return Promise.reject(stream[kState].storedError);
  const promise = writableStreamAddWriteRequest(stream);
  writableStreamDefaultControllerWrite(controller, chunk, chunkSize);
  return promise;
}

// --- WritableStreamDefaultController -----------------------------------------------------
class WritableStreamDefaultController {
  constructor(key) {
    if (key !== kIllegal) throw new ERR_ILLEGAL_CONSTRUCTOR();
    this[kType] = 'WritableStreamDefaultController';
  }

  get signal() {
    brandCheck(this, 'WritableStreamDefaultController');
    return this[kState].abortController.signal;
  }

  error(error = undefined) {
    brandCheck(this, 'WritableStreamDefaultController');
    if (this[kState].stream[kState].state !== 'writable') return;
    writableStreamDefaultControllerError(this, error);
  }

  static {
    // A data property, as WebIDL defines it (not a getter).
    Object.defineProperty(this.prototype, Symbol.toStringTag, {
      __proto__: null, value: 'WritableStreamDefaultController', writable: false, enumerable: false, configurable: true,
    });
  }
}

Object.defineProperties(WritableStreamDefaultController.prototype, {
  signal: { __proto__: null, enumerable: true },
  error: { __proto__: null, enumerable: true },
});

function setUpWritableStreamDefaultController(
  stream, controller, startAlgorithm, writeAlgorithm, closeAlgorithm, abortAlgorithm,
  highWaterMark, sizeAlgorithm) {
  const { AbortController } = require('internal/abort_controller');
  controller[kState] = {
    stream,
    queue: [],
    queueTotalSize: 0,
    abortController: new AbortController(),
    started: false,
    highWaterMark,
    sizeAlgorithm,
    writeAlgorithm,
    closeAlgorithm,
    abortAlgorithm,
    errorSteps: () => resetQueue(controller[kState]),
  };
  stream[kState].controller = controller;
  stream[kControllerErrorFunction] = (error) => writableStreamDefaultControllerErrorIfNeeded(controller, error);
  writableStreamUpdateBackpressure(stream, writableStreamDefaultControllerGetBackpressure(controller));
  const startResult = startAlgorithm();
  Promise.resolve(startResult).then(() => {
    controller[kState].started = true;
    writableStreamDefaultControllerAdvanceQueueIfNeeded(controller);
  }, (error) => {
    controller[kState].started = true;
    writableStreamDealWithRejection(stream, error);
  });
}

function setUpWritableStreamDefaultControllerFromSink(stream, sink, highWaterMark, sizeAlgorithm) {
  const controller = new WritableStreamDefaultController(kIllegal);
  const { start, write, close, abort } = sink;
  const startAlgorithm = start ? () => Reflect.apply(start, sink, [controller]) : nop;
  const writeAlgorithm = write ?
    (chunk) => promiseCall(write, sink, chunk, controller) : () => Promise.resolve();
  const closeAlgorithm = close ? () => promiseCall(close, sink) : () => Promise.resolve();
  const abortAlgorithm = abort ? (reason) => promiseCall(abort, sink, reason) : () => Promise.resolve();
  setUpWritableStreamDefaultController(stream, controller, startAlgorithm, writeAlgorithm,
                                       closeAlgorithm, abortAlgorithm, highWaterMark, sizeAlgorithm);
}

function writableStreamDefaultControllerAdvanceQueueIfNeeded(controller) {
  const state = controller[kState];
  const stream = state.stream;
  if (!state.started) return;
  if (stream[kState].inFlightWriteRequest !== undefined) return;
  const streamState = stream[kState].state;
  if (streamState === 'erroring') {
    writableStreamFinishErroring(stream);
    return;
  }
  if (!state.queue.length) return;
  const value = peekQueueValue(state);
  if (value === kCloseSentinel) writableStreamDefaultControllerProcessClose(controller);
  else writableStreamDefaultControllerProcessWrite(controller, value);
}

function writableStreamDefaultControllerClearAlgorithms(controller) {
  const state = controller[kState];
  state.writeAlgorithm = undefined;
  state.closeAlgorithm = undefined;
  state.abortAlgorithm = undefined;
  state.sizeAlgorithm = undefined;
}

function writableStreamDefaultControllerClose(controller) {
  enqueueValueWithSize(controller[kState], kCloseSentinel, 0);
  writableStreamDefaultControllerAdvanceQueueIfNeeded(controller);
}

function writableStreamDefaultControllerError(controller, error) {
  const stream = controller[kState].stream;
  writableStreamDefaultControllerClearAlgorithms(controller);
  writableStreamStartErroring(stream, error);
}

function writableStreamDefaultControllerErrorIfNeeded(controller, error) {
  if (controller[kState].stream[kState].state === 'writable') {
    writableStreamDefaultControllerError(controller, error);
  }
}

function writableStreamDefaultControllerGetBackpressure(controller) {
  return writableStreamDefaultControllerGetDesiredSize(controller) <= 0;
}

function writableStreamDefaultControllerGetChunkSize(controller, chunk) {
  const state = controller[kState];
  if (state.sizeAlgorithm === undefined) return 1;
  try {
    return state.sizeAlgorithm(chunk);
  } catch (error) {
    writableStreamDefaultControllerErrorIfNeeded(controller, error);
    return 1;
  }
}

function writableStreamDefaultControllerGetDesiredSize(controller) {
  return controller[kState].highWaterMark - controller[kState].queueTotalSize;
}

function writableStreamDefaultControllerProcessClose(controller) {
  const state = controller[kState];
  const stream = state.stream;
  writableStreamMarkCloseRequestInFlight(stream);
  dequeueValue(state);
  const sinkClosePromise = state.closeAlgorithm();
  writableStreamDefaultControllerClearAlgorithms(controller);
  sinkClosePromise.then(
    () => writableStreamFinishInFlightClose(stream),
    (error) => writableStreamFinishInFlightCloseWithError(stream, error));
}

function writableStreamDefaultControllerProcessWrite(controller, chunk) {
  const state = controller[kState];
  const stream = state.stream;
  writableStreamMarkFirstWriteRequestInFlight(stream);
  state.writeAlgorithm(chunk).then(() => {
    writableStreamFinishInFlightWrite(stream);
    const streamState = stream[kState].state;
    dequeueValue(state);
    if (!writableStreamCloseQueuedOrInFlight(stream) && streamState === 'writable') {
      writableStreamUpdateBackpressure(stream, writableStreamDefaultControllerGetBackpressure(controller));
    }
    writableStreamDefaultControllerAdvanceQueueIfNeeded(controller);
  }, (error) => {
    if (stream[kState].state === 'writable') writableStreamDefaultControllerClearAlgorithms(controller);
    writableStreamFinishInFlightWriteWithError(stream, error);
  });
}

function writableStreamDefaultControllerWrite(controller, chunk, chunkSize) {
  const state = controller[kState];
  const stream = state.stream;
  try {
    enqueueValueWithSize(state, chunk, chunkSize);
  } catch (error) {
    writableStreamDefaultControllerErrorIfNeeded(controller, error);
    return;
  }
  if (!writableStreamCloseQueuedOrInFlight(stream) && stream[kState].state === 'writable') {
    writableStreamUpdateBackpressure(stream, writableStreamDefaultControllerGetBackpressure(controller));
  }
  writableStreamDefaultControllerAdvanceQueueIfNeeded(controller);
}

// A WritableStream from the four algorithms (the spec's CreateWritableStream).
function createWritableStream(startAlgorithm, writeAlgorithm, closeAlgorithm, abortAlgorithm,
                              highWaterMark = 1, sizeAlgorithm = () => 1) {
  const stream = Object.create(WritableStream.prototype);
  stream[kType] = 'WritableStream';
  initializeWritableStream(stream);
  const controller = new WritableStreamDefaultController(kIllegal);
  setUpWritableStreamDefaultController(stream, controller, startAlgorithm, writeAlgorithm,
                                       closeAlgorithm, abortAlgorithm, highWaterMark, sizeAlgorithm);
  return stream;
}

module.exports = {
  WritableStream,
  WritableStreamDefaultWriter,
  WritableStreamDefaultController,
  createWritableStream,
  acquireWritableStreamDefaultWriter,
  isWritableStreamLocked,
  writableStreamAbort,
  writableStreamClose,
  writableStreamCloseQueuedOrInFlight,
  writableStreamDefaultWriterCloseWithErrorPropagation,
  writableStreamDefaultWriterRelease,
  writableStreamDefaultWriterWrite,
  writableStreamDefaultControllerErrorIfNeeded,
  writableStreamDealWithRejection,
  writableStreamStartErroring,
  writableStreamUpdateBackpressure,
};
