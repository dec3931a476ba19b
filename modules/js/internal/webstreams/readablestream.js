'use strict';
// ReadableStream (WHATWG Streams): default and byte streams, default and BYOB readers,
// their controllers, tee(), pipeTo()/pipeThrough(), async iteration and
// ReadableStream.from(). The functions below follow the standard's abstract operations
// and keep its names.

const {
  AbortError,
  codes: {
    ERR_ARG_NOT_ITERABLE,
    ERR_INVALID_ARG_TYPE,
    ERR_INVALID_ARG_VALUE,
    ERR_INVALID_STATE,
    ERR_ILLEGAL_CONSTRUCTOR,
  },
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
  resetQueue,
  extractHighWaterMark,
  extractSizeAlgorithm,
  validateObjectOrUndefined,
} = require('internal/webstreams/util');
const { kIsClosedPromise, kControllerErrorFunction, kIsDisturbed, kIsErrored, kIsReadable } =
  require('internal/streams/utils');

const kIllegal = Symbol('kIllegal');
const nop = () => {};

function invalidState(message) {
  return new ERR_INVALID_STATE.TypeError(message);
}

// --- ReadableStream ----------------------------------------------------------------------
class ReadableStream {
  constructor(underlyingSource = undefined, strategy = undefined) {
    validateObjectOrUndefined(underlyingSource, 'source');
    validateObjectOrUndefined(strategy, 'strategy');
    this[kType] = 'ReadableStream';
    initializeReadableStream(this);
    const source = underlyingSource ?? {};
    const type = source.type;
    if (type !== undefined && `${type}` === 'bytes') {
      if (strategy?.size !== undefined) {
        throw new ERR_INVALID_ARG_VALUE.RangeError('strategy.size', strategy.size);
      }
      const highWaterMark = extractHighWaterMark(strategy, 0);
      setUpReadableByteStreamControllerFromSource(this, source, highWaterMark);
    } else if (type !== undefined) {
      throw new ERR_INVALID_ARG_VALUE('source.type', type);
    } else {
      const size = extractSizeAlgorithm(strategy);
      const highWaterMark = extractHighWaterMark(strategy, 1);
      setUpReadableStreamDefaultControllerFromSource(this, source, highWaterMark, size);
    }
  }

  get [kIsDisturbed]() { return this[kState].disturbed; }
  get [kIsErrored]() { return this[kState].state === 'errored'; }
  get [kIsReadable]() { return this[kState].state === 'readable'; }

  get locked() {
    brandCheck(this, 'ReadableStream');
    return isReadableStreamLocked(this);
  }

  cancel(reason = undefined) {
    if (!isBrandOf(this, 'ReadableStream')) {
      return Promise.reject(new (require('internal/errors').codes.ERR_INVALID_THIS)('ReadableStream'));
    }
    if (isReadableStreamLocked(this)) {
      return Promise.reject(invalidState('ReadableStream is locked'));
    }
    return readableStreamCancel(this, reason);
  }

  getReader(options = undefined) {
    brandCheck(this, 'ReadableStream');
    validateObjectOrUndefined(options, 'options');
    const mode = options?.mode;
    if (mode === undefined) return new ReadableStreamDefaultReader(this);
    if (`${mode}` !== 'byob') throw new ERR_INVALID_ARG_VALUE('options.mode', mode);
    return new ReadableStreamBYOBReader(this);
  }

  pipeThrough(transform, options = {}) {
    brandCheck(this, 'ReadableStream');
    const readable = transform?.readable;
    if (!isBrandOf(readable, 'ReadableStream')) {
      throw new ERR_INVALID_ARG_TYPE('transform.readable', 'ReadableStream', readable);
    }
    const writable = transform?.writable;
    if (!isBrandOf(writable, 'WritableStream')) {
      throw new ERR_INVALID_ARG_TYPE('transform.writable', 'WritableStream', writable);
    }
    validateObjectOrUndefined(options, 'options');
    const { preventAbort, preventCancel, preventClose, signal } = options ?? {};
    if (signal !== undefined) validateSignal(signal);
    if (isReadableStreamLocked(this)) throw invalidState('The ReadableStream is locked');
    if (require('internal/webstreams/writablestream').isWritableStreamLocked(writable)) {
      throw invalidState('The WritableStream is locked');
    }
    const promise = readableStreamPipeTo(this, writable, !!preventClose, !!preventAbort,
                                         !!preventCancel, signal);
    setPromiseHandled(promise);
    return readable;
  }

  pipeTo(destination, options = {}) {
    try {
      brandCheck(this, 'ReadableStream');
      if (!isBrandOf(destination, 'WritableStream')) {
        throw new ERR_INVALID_ARG_TYPE('transform.writable', 'WritableStream', destination);
      }
      validateObjectOrUndefined(options, 'options');
      const { preventAbort, preventCancel, preventClose, signal } = options ?? {};
      if (signal !== undefined) validateSignal(signal);
      if (isReadableStreamLocked(this)) throw invalidState('The ReadableStream is locked');
      if (require('internal/webstreams/writablestream').isWritableStreamLocked(destination)) {
        throw invalidState('The WritableStream is locked');
      }
      return readableStreamPipeTo(this, destination, !!preventClose, !!preventAbort,
                                  !!preventCancel, signal);
    } catch (err) {
      return Promise.reject(err);
    }
  }

  tee() {
    brandCheck(this, 'ReadableStream');
    return readableStreamTee(this, false);
  }

  values(options = undefined) {
    brandCheck(this, 'ReadableStream');
    validateObjectOrUndefined(options, 'options');
    const preventCancel = !!options?.preventCancel;
    const reader = new ReadableStreamDefaultReader(this);
    return createAsyncIterator(reader, preventCancel);
  }

  [Symbol.asyncIterator](options) {
    return this.values(options);
  }

  static from(iterable) {
    return readableStreamFromIterable(iterable);
  }

  static {
    // A data property, as WebIDL defines it (not a getter).
    Object.defineProperty(this.prototype, Symbol.toStringTag, {
      __proto__: null, value: 'ReadableStream', writable: false, enumerable: false, configurable: true,
    });
  }

  [Symbol.for('nodejs.util.inspect.custom')](depth, options, inspect) {
    return customInspect(this, 'ReadableStream', {
      locked: this.locked,
      state: this[kState].state,
      supportsBYOB: this[kState].controller instanceof ReadableByteStreamController,
    }, depth, options, inspect);
  }
}

function customInspect(self, name, data, depth, options, inspect) {
  if (depth < 0) return self;
  const opts = { ...options, depth: options.depth == null ? null : options.depth - 1 };
  return `${name} ${inspect(data, opts)}`;
}

function validateSignal(signal) {
  if (typeof signal !== 'object' || signal === null || !('aborted' in signal)) {
    throw new ERR_INVALID_ARG_TYPE('options.signal', 'AbortSignal', signal);
  }
}

Object.defineProperties(ReadableStream.prototype, {
  locked: { __proto__: null, enumerable: true },
  cancel: { __proto__: null, enumerable: true },
  getReader: { __proto__: null, enumerable: true },
  pipeThrough: { __proto__: null, enumerable: true },
  pipeTo: { __proto__: null, enumerable: true },
  tee: { __proto__: null, enumerable: true },
  values: { __proto__: null, enumerable: true },
});

function initializeReadableStream(stream) {
  stream[kState] = {
    state: 'readable',
    reader: undefined,
    storedError: undefined,
    disturbed: false,
    controller: undefined,
  };
  // finished() on web streams waits on this promise.
  stream[kIsClosedPromise] = createDeferred();
  setPromiseHandled(stream[kIsClosedPromise].promise);
}

function isReadableStreamLocked(stream) {
  return stream[kState].reader !== undefined;
}

function readableStreamCancel(stream, reason) {
  const state = stream[kState];
  state.disturbed = true;
  if (state.state === 'closed') return Promise.resolve();
  if (state.state === 'errored') return Promise.reject(state.storedError);
  readableStreamClose(stream);
  const reader = state.reader;
  if (reader !== undefined && isBrandOf(reader, 'ReadableStreamBYOBReader')) {
    const requests = reader[kState].readIntoRequests;
    reader[kState].readIntoRequests = [];
    for (const request of requests) request.close(undefined);
  }
  return state.controller[kCancel](reason).then(() => undefined);
}

function readableStreamClose(stream) {
  const state = stream[kState];
  state.state = 'closed';
  stream[kIsClosedPromise].resolve();
  const reader = state.reader;
  if (reader === undefined) return;
  reader[kState].close.resolve();
  if (isBrandOf(reader, 'ReadableStreamDefaultReader')) {
    const requests = reader[kState].readRequests;
    reader[kState].readRequests = [];
    for (const request of requests) request.close();
  }
}

function readableStreamError(stream, error) {
  const state = stream[kState];
  state.state = 'errored';
  state.storedError = error;
  stream[kIsClosedPromise].reject(error);
  const reader = state.reader;
  if (reader === undefined) return;
  reader[kState].close.reject(error);
  setPromiseHandled(reader[kState].close.promise);
  if (isBrandOf(reader, 'ReadableStreamDefaultReader')) {
    readableStreamDefaultReaderErrorReadRequests(reader, error);
  } else {
    readableStreamBYOBReaderErrorReadIntoRequests(reader, error);
  }
}

function readableStreamAddReadRequest(stream, request) {
  stream[kState].reader[kState].readRequests.push(request);
}

function readableStreamAddReadIntoRequest(stream, request) {
  stream[kState].reader[kState].readIntoRequests.push(request);
}

function readableStreamFulfillReadRequest(stream, chunk, done) {
  const reader = stream[kState].reader;
  const request = reader[kState].readRequests.shift();
  if (done) request.close();
  else request.chunk(chunk);
}

function readableStreamFulfillReadIntoRequest(stream, chunk, done) {
  const reader = stream[kState].reader;
  const request = reader[kState].readIntoRequests.shift();
  if (done) request.close(chunk);
  else request.chunk(chunk);
}

function readableStreamGetNumReadRequests(stream) {
  return stream[kState].reader[kState].readRequests.length;
}

function readableStreamGetNumReadIntoRequests(stream) {
  return stream[kState].reader[kState].readIntoRequests.length;
}

function readableStreamHasDefaultReader(stream) {
  const reader = stream[kState].reader;
  return reader !== undefined && isBrandOf(reader, 'ReadableStreamDefaultReader');
}

function readableStreamHasBYOBReader(stream) {
  const reader = stream[kState].reader;
  return reader !== undefined && isBrandOf(reader, 'ReadableStreamBYOBReader');
}

// --- readers -----------------------------------------------------------------------------
function readableStreamReaderGenericInitialize(reader, stream) {
  reader[kState].stream = stream;
  stream[kState].reader = reader;
  const close = createDeferred();
  reader[kState].close = close;
  switch (stream[kState].state) {
    case 'readable':
      break;
    case 'closed':
      close.resolve();
      break;
    case 'errored':
      close.reject(stream[kState].storedError);
      setPromiseHandled(close.promise);
      break;
  }
}

function readableStreamReaderGenericCancel(reader, reason) {
  return readableStreamCancel(reader[kState].stream, reason);
}

function readableStreamReaderGenericRelease(reader) {
  const stream = reader[kState].stream;
  const releasedError = invalidState('Reader released');
  if (stream[kState].state === 'readable') {
    reader[kState].close.reject(releasedError);
  } else {
    reader[kState].close = createDeferred();
    reader[kState].close.reject(releasedError);
  }
  setPromiseHandled(reader[kState].close.promise);
  stream[kState].controller[kRelease]();
  stream[kState].reader = undefined;
  reader[kState].stream = undefined;
}

class ReadableStreamDefaultReader {
  constructor(stream) {
    if (!isBrandOf(stream, 'ReadableStream')) {
      throw new ERR_INVALID_ARG_TYPE('stream', 'ReadableStream', stream);
    }
    this[kType] = 'ReadableStreamDefaultReader';
    this[kState] = { stream: undefined, readRequests: [], close: undefined };
    if (isReadableStreamLocked(stream)) throw invalidState('ReadableStream is locked');
    readableStreamReaderGenericInitialize(this, stream);
  }

  read() {
    if (!isBrandOf(this, 'ReadableStreamDefaultReader')) {
      return Promise.reject(new (require('internal/errors').codes.ERR_INVALID_THIS)(
        'ReadableStreamDefaultReader'));
    }
    if (this[kState].stream === undefined) {
      return Promise.reject(invalidState('The reader is not attached to a stream'));
    }
    const { promise, resolve, reject } = createDeferred();
    readableStreamDefaultReaderRead(this, {
      chunk: (value) => resolve({ value, done: false }),
      close: () => resolve({ value: undefined, done: true }),
      error: reject,
    });
    return promise;
  }

  releaseLock() {
    brandCheck(this, 'ReadableStreamDefaultReader');
    if (this[kState].stream === undefined) return;
    readableStreamReaderGenericRelease(this);
    readableStreamDefaultReaderErrorReadRequests(this, invalidState('Releasing reader'));
  }

  get closed() {
    if (!isBrandOf(this, 'ReadableStreamDefaultReader')) {
      return Promise.reject(new (require('internal/errors').codes.ERR_INVALID_THIS)(
        'ReadableStreamDefaultReader'));
    }
    return this[kState].close.promise;
  }

  cancel(reason = undefined) {
    if (!isBrandOf(this, 'ReadableStreamDefaultReader')) {
      return Promise.reject(new (require('internal/errors').codes.ERR_INVALID_THIS)(
        'ReadableStreamDefaultReader'));
    }
    if (this[kState].stream === undefined) {
      return Promise.reject(invalidState('The reader is not attached to a stream'));
    }
    return readableStreamReaderGenericCancel(this, reason);
  }

  static {
    // A data property, as WebIDL defines it (not a getter).
    Object.defineProperty(this.prototype, Symbol.toStringTag, {
      __proto__: null, value: 'ReadableStreamDefaultReader', writable: false, enumerable: false, configurable: true,
    });
  }

  [Symbol.for('nodejs.util.inspect.custom')](depth, options, inspect) {
    return customInspect(this, 'ReadableStreamDefaultReader', {
      stream: this[kState].stream,
      readRequests: this[kState].readRequests.length,
      close: this[kState].close.promise,
    }, depth, options, inspect);
  }
}

Object.defineProperties(ReadableStreamDefaultReader.prototype, {
  closed: { __proto__: null, enumerable: true },
  read: { __proto__: null, enumerable: true },
  releaseLock: { __proto__: null, enumerable: true },
  cancel: { __proto__: null, enumerable: true },
});

function readableStreamDefaultReaderRead(reader, request) {
  const stream = reader[kState].stream;
  stream[kState].disturbed = true;
  switch (stream[kState].state) {
    case 'closed':
      request.close();
      break;
    case 'errored':
      request.error(stream[kState].storedError);
      break;
    default:
      stream[kState].controller[kPull](request);
  }
}

function readableStreamDefaultReaderErrorReadRequests(reader, error) {
  const requests = reader[kState].readRequests;
  reader[kState].readRequests = [];
  for (const request of requests) request.error(error);
}

class ReadableStreamBYOBReader {
  constructor(stream) {
    if (!isBrandOf(stream, 'ReadableStream')) {
      throw new ERR_INVALID_ARG_TYPE('stream', 'ReadableStream', stream);
    }
    this[kType] = 'ReadableStreamBYOBReader';
    this[kState] = { stream: undefined, readIntoRequests: [], close: undefined };
    if (isReadableStreamLocked(stream)) throw invalidState('ReadableStream is locked');
    if (!(stream[kState].controller instanceof ReadableByteStreamController)) {
      throw new ERR_INVALID_ARG_VALUE('stream', stream,
                                      'must be a byte stream');
    }
    readableStreamReaderGenericInitialize(this, stream);
  }

  read(view, options = undefined) {
    if (!isBrandOf(this, 'ReadableStreamBYOBReader')) {
      return Promise.reject(new (require('internal/errors').codes.ERR_INVALID_THIS)(
        'ReadableStreamBYOBReader'));
    }
    if (!ArrayBuffer.isView(view)) {
      return Promise.reject(new ERR_INVALID_ARG_TYPE('view', ['Buffer', 'TypedArray', 'DataView'], view));
    }
    const min = options?.min ?? 1;
    const viewLength = view.byteLength;
    if (viewLength === 0) {
      return Promise.reject(new ERR_INVALID_STATE.TypeError('View or Viewed ArrayBuffer is zero-length or detached'));
    }
    if (view.buffer.byteLength === 0) {
      return Promise.reject(new ERR_INVALID_STATE.TypeError('Viewed ArrayBuffer is detached'));
    }
    const elementCount = view instanceof DataView ? viewLength : view.length;
    if (typeof min !== 'number' || min <= 0 || !Number.isInteger(min)) {
      return Promise.reject(new ERR_INVALID_ARG_VALUE.RangeError('options.min', min));
    }
    if (min > elementCount) {
      return Promise.reject(new ERR_INVALID_ARG_VALUE.RangeError('options.min', min));
    }
    if (this[kState].stream === undefined) {
      return Promise.reject(invalidState('The reader is not attached to a stream'));
    }
    const { promise, resolve, reject } = createDeferred();
    readableStreamBYOBReaderRead(this, view, min, {
      chunk: (value) => resolve({ value, done: false }),
      close: (value) => resolve({ value, done: true }),
      error: reject,
    });
    return promise;
  }

  releaseLock() {
    brandCheck(this, 'ReadableStreamBYOBReader');
    if (this[kState].stream === undefined) return;
    readableStreamReaderGenericRelease(this);
    readableStreamBYOBReaderErrorReadIntoRequests(this, invalidState('Releasing reader'));
  }

  get closed() {
    if (!isBrandOf(this, 'ReadableStreamBYOBReader')) {
      return Promise.reject(new (require('internal/errors').codes.ERR_INVALID_THIS)(
        'ReadableStreamBYOBReader'));
    }
    return this[kState].close.promise;
  }

  cancel(reason = undefined) {
    if (!isBrandOf(this, 'ReadableStreamBYOBReader')) {
      return Promise.reject(new (require('internal/errors').codes.ERR_INVALID_THIS)(
        'ReadableStreamBYOBReader'));
    }
    if (this[kState].stream === undefined) {
      return Promise.reject(invalidState('The reader is not attached to a stream'));
    }
    return readableStreamReaderGenericCancel(this, reason);
  }

  static {
    // A data property, as WebIDL defines it (not a getter).
    Object.defineProperty(this.prototype, Symbol.toStringTag, {
      __proto__: null, value: 'ReadableStreamBYOBReader', writable: false, enumerable: false, configurable: true,
    });
  }
}

Object.defineProperties(ReadableStreamBYOBReader.prototype, {
  closed: { __proto__: null, enumerable: true },
  read: { __proto__: null, enumerable: true },
  releaseLock: { __proto__: null, enumerable: true },
  cancel: { __proto__: null, enumerable: true },
});

function readableStreamBYOBReaderRead(reader, view, min, request) {
  const stream = reader[kState].stream;
  stream[kState].disturbed = true;
  if (stream[kState].state === 'errored') {
    request.error(stream[kState].storedError);
  } else {
    readableByteStreamControllerPullInto(stream[kState].controller, view, min, request);
  }
}

function readableStreamBYOBReaderErrorReadIntoRequests(reader, error) {
  const requests = reader[kState].readIntoRequests;
  reader[kState].readIntoRequests = [];
  for (const request of requests) request.error(error);
}

// --- controllers: the shared internal methods --------------------------------------------
const kCancel = Symbol('kCancel');
const kPull = Symbol('kPull');
const kRelease = Symbol('kRelease');

// --- ReadableStreamDefaultController -----------------------------------------------------
class ReadableStreamDefaultController {
  constructor(key) {
    if (key !== kIllegal) throw new ERR_ILLEGAL_CONSTRUCTOR();
    this[kType] = 'ReadableStreamDefaultController';
  }

  get desiredSize() {
    brandCheck(this, 'ReadableStreamDefaultController');
    return readableStreamDefaultControllerGetDesiredSize(this);
  }

  close() {
    brandCheck(this, 'ReadableStreamDefaultController');
    if (!readableStreamDefaultControllerCanCloseOrEnqueue(this)) {
      throw invalidState('Controller is already closed');
    }
    readableStreamDefaultControllerClose(this);
  }

  enqueue(chunk = undefined) {
    brandCheck(this, 'ReadableStreamDefaultController');
    if (!readableStreamDefaultControllerCanCloseOrEnqueue(this)) {
      throw invalidState('Controller is already closed');
    }
    readableStreamDefaultControllerEnqueue(this, chunk);
  }

  error(error = undefined) {
    brandCheck(this, 'ReadableStreamDefaultController');
    readableStreamDefaultControllerError(this, error);
  }

  [kCancel](reason) {
    resetQueue(this[kState]);
    const result = this[kState].cancelAlgorithm(reason);
    readableStreamDefaultControllerClearAlgorithms(this);
    return result;
  }

  [kPull](request) {
    const state = this[kState];
    const stream = state.stream;
    if (state.queue.length) {
      const chunk = dequeueValue(state);
      if (state.closeRequested && !state.queue.length) {
        readableStreamDefaultControllerClearAlgorithms(this);
        readableStreamClose(stream);
      } else {
        readableStreamDefaultControllerCallPullIfNeeded(this);
      }
      request.chunk(chunk);
      return;
    }
    readableStreamAddReadRequest(stream, request);
    readableStreamDefaultControllerCallPullIfNeeded(this);
  }

  [kRelease]() {}

  static {
    // A data property, as WebIDL defines it (not a getter).
    Object.defineProperty(this.prototype, Symbol.toStringTag, {
      __proto__: null, value: 'ReadableStreamDefaultController', writable: false, enumerable: false, configurable: true,
    });
  }
}

Object.defineProperties(ReadableStreamDefaultController.prototype, {
  desiredSize: { __proto__: null, enumerable: true },
  close: { __proto__: null, enumerable: true },
  enqueue: { __proto__: null, enumerable: true },
  error: { __proto__: null, enumerable: true },
});

function setUpReadableStreamDefaultController(
  stream, controller, startAlgorithm, pullAlgorithm, cancelAlgorithm, highWaterMark, sizeAlgorithm) {
  controller[kState] = {
    stream,
    queue: [],
    queueTotalSize: 0,
    started: false,
    closeRequested: false,
    pullAgain: false,
    pulling: false,
    highWaterMark,
    sizeAlgorithm,
    pullAlgorithm,
    cancelAlgorithm,
  };
  stream[kState].controller = controller;
  stream[kControllerErrorFunction] = (error) => readableStreamDefaultControllerError(controller, error);
  const startResult = startAlgorithm();
  Promise.resolve(startResult).then(() => {
    controller[kState].started = true;
    readableStreamDefaultControllerCallPullIfNeeded(controller);
  }, (error) => readableStreamDefaultControllerError(controller, error));
}

function setUpReadableStreamDefaultControllerFromSource(stream, source, highWaterMark, sizeAlgorithm) {
  const controller = new ReadableStreamDefaultController(kIllegal);
  const start = source.start;
  const pull = source.pull;
  const cancel = source.cancel;
  const startAlgorithm = start ? () => Reflect.apply(start, source, [controller]) : nop;
  const pullAlgorithm = pull ? () => promiseCall(pull, source, controller) : () => Promise.resolve();
  const cancelAlgorithm = cancel ?
    (reason) => promiseCall(cancel, source, reason) : () => Promise.resolve();
  setUpReadableStreamDefaultController(stream, controller, startAlgorithm, pullAlgorithm,
                                       cancelAlgorithm, highWaterMark, sizeAlgorithm);
}

function readableStreamDefaultControllerCallPullIfNeeded(controller) {
  if (!readableStreamDefaultControllerShouldCallPull(controller)) return;
  const state = controller[kState];
  if (state.pulling) {
    state.pullAgain = true;
    return;
  }
  state.pulling = true;
  state.pullAlgorithm(controller).then(() => {
    state.pulling = false;
    if (state.pullAgain) {
      state.pullAgain = false;
      readableStreamDefaultControllerCallPullIfNeeded(controller);
    }
  }, (error) => readableStreamDefaultControllerError(controller, error));
}

function readableStreamDefaultControllerShouldCallPull(controller) {
  const state = controller[kState];
  const stream = state.stream;
  if (!readableStreamDefaultControllerCanCloseOrEnqueue(controller)) return false;
  if (!state.started) return false;
  if (isReadableStreamLocked(stream) && readableStreamGetNumReadRequests(stream) > 0) return true;
  return readableStreamDefaultControllerGetDesiredSize(controller) > 0;
}

function readableStreamDefaultControllerClearAlgorithms(controller) {
  controller[kState].pullAlgorithm = undefined;
  controller[kState].cancelAlgorithm = undefined;
  controller[kState].sizeAlgorithm = undefined;
}

function readableStreamDefaultControllerClose(controller) {
  if (!readableStreamDefaultControllerCanCloseOrEnqueue(controller)) return;
  const state = controller[kState];
  state.closeRequested = true;
  if (!state.queue.length) {
    readableStreamDefaultControllerClearAlgorithms(controller);
    readableStreamClose(state.stream);
  }
}

function readableStreamDefaultControllerEnqueue(controller, chunk) {
  if (!readableStreamDefaultControllerCanCloseOrEnqueue(controller)) return;
  const state = controller[kState];
  const stream = state.stream;
  if (isReadableStreamLocked(stream) && readableStreamHasDefaultReader(stream) &&
      readableStreamGetNumReadRequests(stream) > 0) {
    readableStreamFulfillReadRequest(stream, chunk, false);
  } else {
    let chunkSize;
    try {
      chunkSize = state.sizeAlgorithm(chunk);
    } catch (error) {
      readableStreamDefaultControllerError(controller, error);
      throw error;
    }
    try {
      enqueueValueWithSize(state, chunk, chunkSize);
    } catch (error) {
      readableStreamDefaultControllerError(controller, error);
      throw error;
    }
  }
  readableStreamDefaultControllerCallPullIfNeeded(controller);
}

function readableStreamDefaultControllerError(controller, error) {
  const state = controller[kState];
  const stream = state.stream;
  if (stream[kState].state !== 'readable') return;
  resetQueue(state);
  readableStreamDefaultControllerClearAlgorithms(controller);
  readableStreamError(stream, error);
}

function readableStreamDefaultControllerGetDesiredSize(controller) {
  const state = controller[kState];
  const streamState = state.stream[kState].state;
  if (streamState === 'errored') return null;
  if (streamState === 'closed') return 0;
  return state.highWaterMark - state.queueTotalSize;
}

function readableStreamDefaultControllerHasBackpressure(controller) {
  return !readableStreamDefaultControllerShouldCallPull(controller);
}

function readableStreamDefaultControllerCanCloseOrEnqueue(controller) {
  const state = controller[kState];
  return !state.closeRequested && state.stream[kState].state === 'readable';
}

// --- ReadableByteStreamController --------------------------------------------------------
class ReadableStreamBYOBRequest {
  constructor(key) {
    if (key !== kIllegal) throw new ERR_ILLEGAL_CONSTRUCTOR();
    this[kType] = 'ReadableStreamBYOBRequest';
  }

  get view() {
    brandCheck(this, 'ReadableStreamBYOBRequest');
    return this[kState].view;
  }

  respond(bytesWritten) {
    brandCheck(this, 'ReadableStreamBYOBRequest');
    const { view, controller } = this[kState];
    if (controller === undefined) throw invalidState('This BYOB request has been invalidated');
    if (view.byteLength === 0 || view.buffer.byteLength === 0) {
      throw invalidState('View or Viewed ArrayBuffer is zero-length or detached');
    }
    readableByteStreamControllerRespond(controller, Number(bytesWritten));
  }

  respondWithNewView(view) {
    brandCheck(this, 'ReadableStreamBYOBRequest');
    const { controller } = this[kState];
    if (controller === undefined) throw invalidState('This BYOB request has been invalidated');
    if (!ArrayBuffer.isView(view)) {
      throw new ERR_INVALID_ARG_TYPE('view', ['Buffer', 'TypedArray', 'DataView'], view);
    }
    if (view.buffer.detached) throw invalidState('Viewed ArrayBuffer is detached');
    readableByteStreamControllerRespondWithNewView(controller, view);
  }

  static {
    // A data property, as WebIDL defines it (not a getter).
    Object.defineProperty(this.prototype, Symbol.toStringTag, {
      __proto__: null, value: 'ReadableStreamBYOBRequest', writable: false, enumerable: false, configurable: true,
    });
  }
}

Object.defineProperties(ReadableStreamBYOBRequest.prototype, {
  view: { __proto__: null, enumerable: true },
  respond: { __proto__: null, enumerable: true },
  respondWithNewView: { __proto__: null, enumerable: true },
});

class ReadableByteStreamController {
  constructor(key) {
    if (key !== kIllegal) throw new ERR_ILLEGAL_CONSTRUCTOR();
    this[kType] = 'ReadableByteStreamController';
  }

  get byobRequest() {
    brandCheck(this, 'ReadableByteStreamController');
    const state = this[kState];
    if (state.byobRequest === null && state.pendingPullIntos.length) {
      const firstDescriptor = state.pendingPullIntos[0];
      const view = new Uint8Array(firstDescriptor.buffer,
                                  firstDescriptor.byteOffset + firstDescriptor.bytesFilled,
                                  firstDescriptor.byteLength - firstDescriptor.bytesFilled);
      const request = new ReadableStreamBYOBRequest(kIllegal);
      request[kState] = { controller: this, view };
      state.byobRequest = request;
    }
    return state.byobRequest;
  }

  get desiredSize() {
    brandCheck(this, 'ReadableByteStreamController');
    return readableByteStreamControllerGetDesiredSize(this);
  }

  close() {
    brandCheck(this, 'ReadableByteStreamController');
    const state = this[kState];
    if (state.closeRequested) throw invalidState('Controller is already closed');
    if (state.stream[kState].state !== 'readable') throw invalidState('ReadableStream is already closed');
    readableByteStreamControllerClose(this);
  }

  enqueue(chunk) {
    brandCheck(this, 'ReadableByteStreamController');
    if (!ArrayBuffer.isView(chunk)) {
      throw new ERR_INVALID_ARG_TYPE('chunk', ['Buffer', 'TypedArray', 'DataView'], chunk);
    }
    if (chunk.byteLength === 0 || chunk.buffer.byteLength === 0) {
      throw new ERR_INVALID_STATE.TypeError('chunk ArrayBuffer is zero-length or detached');
    }
    const state = this[kState];
    if (state.closeRequested) throw invalidState('Controller is already closed');
    if (state.stream[kState].state !== 'readable') throw invalidState('ReadableStream is already closed');
    readableByteStreamControllerEnqueue(this, chunk);
  }

  error(error = undefined) {
    brandCheck(this, 'ReadableByteStreamController');
    readableByteStreamControllerError(this, error);
  }

  [kCancel](reason) {
    readableByteStreamControllerClearPendingPullIntos(this);
    resetQueue(this[kState]);
    const result = this[kState].cancelAlgorithm(reason);
    readableByteStreamControllerClearAlgorithms(this);
    return result;
  }

  [kPull](request) {
    const state = this[kState];
    const stream = state.stream;
    if (state.queueTotalSize > 0) {
      readableByteStreamControllerFillReadRequestFromQueue(this, request);
      return;
    }
    const autoAllocateChunkSize = state.autoAllocateChunkSize;
    if (autoAllocateChunkSize !== undefined) {
      let buffer;
      try {
        buffer = new ArrayBuffer(autoAllocateChunkSize);
      } catch (error) {
        request.error(error);
        return;
      }
      state.pendingPullIntos.push({
        buffer,
        bufferByteLength: autoAllocateChunkSize,
        byteOffset: 0,
        byteLength: autoAllocateChunkSize,
        bytesFilled: 0,
        minimumFill: 1,
        elementSize: 1,
        ctor: Uint8Array,
        type: 'default',
      });
    }
    readableStreamAddReadRequest(stream, request);
    readableByteStreamControllerCallPullIfNeeded(this);
  }

  [kRelease]() {
    const state = this[kState];
    if (state.pendingPullIntos.length) {
      const first = state.pendingPullIntos[0];
      first.type = 'none';
      state.pendingPullIntos = [first];
    }
  }

  static {
    // A data property, as WebIDL defines it (not a getter).
    Object.defineProperty(this.prototype, Symbol.toStringTag, {
      __proto__: null, value: 'ReadableByteStreamController', writable: false, enumerable: false, configurable: true,
    });
  }
}

Object.defineProperties(ReadableByteStreamController.prototype, {
  byobRequest: { __proto__: null, enumerable: true },
  desiredSize: { __proto__: null, enumerable: true },
  close: { __proto__: null, enumerable: true },
  enqueue: { __proto__: null, enumerable: true },
  error: { __proto__: null, enumerable: true },
});

function setUpReadableByteStreamController(
  stream, controller, startAlgorithm, pullAlgorithm, cancelAlgorithm, highWaterMark,
  autoAllocateChunkSize) {
  controller[kState] = {
    stream,
    byobRequest: null,
    queue: [],
    queueTotalSize: 0,
    started: false,
    closeRequested: false,
    pullAgain: false,
    pulling: false,
    highWaterMark,
    pullAlgorithm,
    cancelAlgorithm,
    autoAllocateChunkSize,
    pendingPullIntos: [],
  };
  stream[kState].controller = controller;
  stream[kControllerErrorFunction] = (error) => readableByteStreamControllerError(controller, error);
  const startResult = startAlgorithm();
  Promise.resolve(startResult).then(() => {
    controller[kState].started = true;
    readableByteStreamControllerCallPullIfNeeded(controller);
  }, (error) => readableByteStreamControllerError(controller, error));
}

function setUpReadableByteStreamControllerFromSource(stream, source, highWaterMark) {
  const controller = new ReadableByteStreamController(kIllegal);
  const { start, pull, cancel } = source;
  const startAlgorithm = start ? () => Reflect.apply(start, source, [controller]) : nop;
  const pullAlgorithm = pull ? () => promiseCall(pull, source, controller) : () => Promise.resolve();
  const cancelAlgorithm = cancel ?
    (reason) => promiseCall(cancel, source, reason) : () => Promise.resolve();
  let autoAllocateChunkSize = source.autoAllocateChunkSize;
  if (autoAllocateChunkSize !== undefined) {
    autoAllocateChunkSize = Number(autoAllocateChunkSize);
    if (!Number.isInteger(autoAllocateChunkSize) || autoAllocateChunkSize <= 0) {
      throw new ERR_INVALID_ARG_VALUE.RangeError('source.autoAllocateChunkSize',
                                                 source.autoAllocateChunkSize);
    }
  }
  setUpReadableByteStreamController(stream, controller, startAlgorithm, pullAlgorithm,
                                    cancelAlgorithm, highWaterMark, autoAllocateChunkSize);
}

function readableByteStreamControllerCallPullIfNeeded(controller) {
  if (!readableByteStreamControllerShouldCallPull(controller)) return;
  const state = controller[kState];
  if (state.pulling) {
    state.pullAgain = true;
    return;
  }
  state.pulling = true;
  state.pullAlgorithm(controller).then(() => {
    state.pulling = false;
    if (state.pullAgain) {
      state.pullAgain = false;
      readableByteStreamControllerCallPullIfNeeded(controller);
    }
  }, (error) => readableByteStreamControllerError(controller, error));
}

function readableByteStreamControllerShouldCallPull(controller) {
  const state = controller[kState];
  const stream = state.stream;
  if (stream[kState].state !== 'readable') return false;
  if (state.closeRequested) return false;
  if (!state.started) return false;
  if (readableStreamHasDefaultReader(stream) && readableStreamGetNumReadRequests(stream) > 0) {
    return true;
  }
  if (readableStreamHasBYOBReader(stream) && readableStreamGetNumReadIntoRequests(stream) > 0) {
    return true;
  }
  return readableByteStreamControllerGetDesiredSize(controller) > 0;
}

function readableByteStreamControllerClearAlgorithms(controller) {
  controller[kState].pullAlgorithm = undefined;
  controller[kState].cancelAlgorithm = undefined;
}

function readableByteStreamControllerClearPendingPullIntos(controller) {
  readableByteStreamControllerInvalidateBYOBRequest(controller);
  controller[kState].pendingPullIntos = [];
}

function readableByteStreamControllerInvalidateBYOBRequest(controller) {
  const state = controller[kState];
  if (state.byobRequest === null) return;
  state.byobRequest[kState].controller = undefined;
  state.byobRequest[kState].view = null;
  state.byobRequest = null;
}

function readableByteStreamControllerClose(controller) {
  const state = controller[kState];
  const stream = state.stream;
  if (state.closeRequested || stream[kState].state !== 'readable') return;
  if (state.queueTotalSize > 0) {
    state.closeRequested = true;
    return;
  }
  if (state.pendingPullIntos.length) {
    const first = state.pendingPullIntos[0];
    if (first.bytesFilled % first.elementSize !== 0) {
      const error = invalidState('Partial read');
      readableByteStreamControllerError(controller, error);
      throw error;
    }
  }
  readableByteStreamControllerClearAlgorithms(controller);
  readableStreamClose(stream);
}

function transferArrayBuffer(buffer) {
  if (typeof buffer.transfer === 'function') return buffer.transfer();
  const copy = buffer.slice(0);
  return copy;
}

function readableByteStreamControllerEnqueue(controller, chunk) {
  const state = controller[kState];
  const stream = state.stream;
  if (state.closeRequested || stream[kState].state !== 'readable') return;
  const { buffer, byteOffset, byteLength } = chunk;
  if (buffer.byteLength === 0) throw invalidState('chunk ArrayBuffer is detached');
  const transferredBuffer = transferArrayBuffer(buffer);
  if (state.pendingPullIntos.length) {
    const first = state.pendingPullIntos[0];
    if (first.buffer.byteLength === 0) throw invalidState('The BYOB request buffer is detached');
    readableByteStreamControllerInvalidateBYOBRequest(controller);
    first.buffer = transferArrayBuffer(first.buffer);
    if (first.type === 'none') {
      readableByteStreamControllerEnqueueDetachedPullIntoToQueue(controller, first);
    }
  }
  if (readableStreamHasDefaultReader(stream)) {
    readableByteStreamControllerProcessReadRequestsUsingQueue(controller);
    if (readableStreamGetNumReadRequests(stream) === 0) {
      readableByteStreamControllerEnqueueChunkToQueue(controller, transferredBuffer, byteOffset, byteLength);
    } else {
      if (state.pendingPullIntos.length) readableByteStreamControllerShiftPendingPullInto(controller);
      const transferredView = new Uint8Array(transferredBuffer, byteOffset, byteLength);
      readableStreamFulfillReadRequest(stream, transferredView, false);
    }
  } else if (readableStreamHasBYOBReader(stream)) {
    readableByteStreamControllerEnqueueChunkToQueue(controller, transferredBuffer, byteOffset, byteLength);
    readableByteStreamControllerProcessPullIntoDescriptorsUsingQueue(controller);
  } else {
    readableByteStreamControllerEnqueueChunkToQueue(controller, transferredBuffer, byteOffset, byteLength);
  }
  readableByteStreamControllerCallPullIfNeeded(controller);
}

function readableByteStreamControllerEnqueueChunkToQueue(controller, buffer, byteOffset, byteLength) {
  const state = controller[kState];
  state.queue.push({ buffer, byteOffset, byteLength });
  state.queueTotalSize += byteLength;
}

function readableByteStreamControllerEnqueueClonedChunkToQueue(controller, buffer, byteOffset, byteLength) {
  const clone = buffer.slice(byteOffset, byteOffset + byteLength);
  readableByteStreamControllerEnqueueChunkToQueue(controller, clone, 0, byteLength);
}

function readableByteStreamControllerEnqueueDetachedPullIntoToQueue(controller, pullIntoDescriptor) {
  if (pullIntoDescriptor.bytesFilled > 0) {
    readableByteStreamControllerEnqueueClonedChunkToQueue(
      controller, pullIntoDescriptor.buffer, pullIntoDescriptor.byteOffset,
      pullIntoDescriptor.bytesFilled);
  }
  readableByteStreamControllerShiftPendingPullInto(controller);
}

function readableByteStreamControllerFillPullIntoDescriptorFromQueue(controller, descriptor) {
  const state = controller[kState];
  const maxBytesToCopy = Math.min(state.queueTotalSize, descriptor.byteLength - descriptor.bytesFilled);
  const maxBytesFilled = descriptor.bytesFilled + maxBytesToCopy;
  let totalBytesToCopyRemaining = maxBytesToCopy;
  let ready = false;
  const remainderBytes = maxBytesFilled % descriptor.elementSize;
  const maxAlignedBytes = maxBytesFilled - remainderBytes;
  if (maxAlignedBytes >= descriptor.minimumFill) {
    totalBytesToCopyRemaining = maxAlignedBytes - descriptor.bytesFilled;
    ready = true;
  }
  const queue = state.queue;
  while (totalBytesToCopyRemaining > 0) {
    const headOfQueue = queue[0];
    const bytesToCopy = Math.min(totalBytesToCopyRemaining, headOfQueue.byteLength);
    const destStart = descriptor.byteOffset + descriptor.bytesFilled;
    new Uint8Array(descriptor.buffer, destStart, bytesToCopy).set(
      new Uint8Array(headOfQueue.buffer, headOfQueue.byteOffset, bytesToCopy));
    if (headOfQueue.byteLength === bytesToCopy) {
      queue.shift();
    } else {
      headOfQueue.byteOffset += bytesToCopy;
      headOfQueue.byteLength -= bytesToCopy;
    }
    state.queueTotalSize -= bytesToCopy;
    readableByteStreamControllerFillHeadPullIntoDescriptor(controller, bytesToCopy, descriptor);
    totalBytesToCopyRemaining -= bytesToCopy;
  }
  return ready;
}

function readableByteStreamControllerFillReadRequestFromQueue(controller, readRequest) {
  const state = controller[kState];
  const entry = state.queue.shift();
  state.queueTotalSize -= entry.byteLength;
  readableByteStreamControllerHandleQueueDrain(controller);
  readRequest.chunk(new Uint8Array(entry.buffer, entry.byteOffset, entry.byteLength));
}

function readableByteStreamControllerFillHeadPullIntoDescriptor(controller, size, descriptor) {
  descriptor.bytesFilled += size;
}

function readableByteStreamControllerGetDesiredSize(controller) {
  const state = controller[kState];
  const streamState = state.stream[kState].state;
  if (streamState === 'errored') return null;
  if (streamState === 'closed') return 0;
  return state.highWaterMark - state.queueTotalSize;
}

function readableByteStreamControllerHandleQueueDrain(controller) {
  const state = controller[kState];
  if (state.queueTotalSize === 0 && state.closeRequested) {
    readableByteStreamControllerClearAlgorithms(controller);
    readableStreamClose(state.stream);
  } else {
    readableByteStreamControllerCallPullIfNeeded(controller);
  }
}

function readableByteStreamControllerProcessPullIntoDescriptorsUsingQueue(controller) {
  const state = controller[kState];
  while (state.pendingPullIntos.length) {
    if (state.queueTotalSize === 0) return;
    const descriptor = state.pendingPullIntos[0];
    if (readableByteStreamControllerFillPullIntoDescriptorFromQueue(controller, descriptor)) {
      readableByteStreamControllerShiftPendingPullInto(controller);
      readableByteStreamControllerCommitPullIntoDescriptor(state.stream, descriptor);
    }
  }
}

function readableByteStreamControllerProcessReadRequestsUsingQueue(controller) {
  const state = controller[kState];
  const reader = state.stream[kState].reader;
  while (reader[kState].readRequests.length) {
    if (state.queueTotalSize === 0) return;
    const readRequest = reader[kState].readRequests.shift();
    readableByteStreamControllerFillReadRequestFromQueue(controller, readRequest);
  }
}

function readableByteStreamControllerPullInto(controller, view, min, readIntoRequest) {
  const state = controller[kState];
  const stream = state.stream;
  let elementSize = 1;
  let ctor = DataView;
  if (!(view instanceof DataView)) {
    elementSize = view.constructor.BYTES_PER_ELEMENT;
    ctor = view.constructor;
  }
  const minimumFill = min * elementSize;
  const { byteOffset, byteLength } = view;
  let buffer;
  try {
    buffer = transferArrayBuffer(view.buffer);
  } catch (error) {
    readIntoRequest.error(error);
    return;
  }
  const descriptor = {
    buffer,
    bufferByteLength: buffer.byteLength,
    byteOffset,
    byteLength,
    bytesFilled: 0,
    minimumFill,
    elementSize,
    ctor,
    type: 'byob',
  };
  if (state.pendingPullIntos.length) {
    state.pendingPullIntos.push(descriptor);
    readableStreamAddReadIntoRequest(stream, readIntoRequest);
    return;
  }
  if (stream[kState].state === 'closed') {
    const emptyView = viewOf(ctor, descriptor.buffer, descriptor.byteOffset, 0);
    readIntoRequest.close(emptyView);
    return;
  }
  if (state.queueTotalSize > 0) {
    if (readableByteStreamControllerFillPullIntoDescriptorFromQueue(controller, descriptor)) {
      const filledView = readableByteStreamControllerConvertPullIntoDescriptor(descriptor);
      readableByteStreamControllerHandleQueueDrain(controller);
      readIntoRequest.chunk(filledView);
      return;
    }
    if (state.closeRequested) {
      const error = invalidState('ReadableStream is closed');
      readableByteStreamControllerError(controller, error);
      readIntoRequest.error(error);
      return;
    }
  }
  state.pendingPullIntos.push(descriptor);
  readableStreamAddReadIntoRequest(stream, readIntoRequest);
  readableByteStreamControllerCallPullIfNeeded(controller);
}

// A view of the read's type; Buffers are made with Buffer.from (`new Buffer` is deprecated).
function viewOf(ctor, buffer, byteOffset, length) {
  if (ctor === Buffer) return Buffer.from(buffer, byteOffset, length);
  return new ctor(buffer, byteOffset, length);
}

function readableByteStreamControllerConvertPullIntoDescriptor(descriptor) {
  const { buffer, byteOffset, bytesFilled, elementSize, ctor } = descriptor;
  return viewOf(ctor, buffer, byteOffset, bytesFilled / elementSize);
}

function readableByteStreamControllerCommitPullIntoDescriptor(stream, descriptor) {
  let done = false;
  if (stream[kState].state === 'closed') done = true;
  const filledView = readableByteStreamControllerConvertPullIntoDescriptor(descriptor);
  if (descriptor.type === 'default') {
    readableStreamFulfillReadRequest(stream, filledView, done);
  } else {
    readableStreamFulfillReadIntoRequest(stream, filledView, done);
  }
}

function readableByteStreamControllerShiftPendingPullInto(controller) {
  return controller[kState].pendingPullIntos.shift();
}

function readableByteStreamControllerRespond(controller, bytesWritten) {
  const state = controller[kState];
  const first = state.pendingPullIntos[0];
  const streamState = state.stream[kState].state;
  if (streamState === 'closed') {
    if (bytesWritten !== 0) {
      throw new ERR_INVALID_ARG_VALUE.TypeError('bytesWritten', bytesWritten);
    }
  } else {
    if (bytesWritten === 0) throw new ERR_INVALID_ARG_VALUE.TypeError('bytesWritten', bytesWritten);
    if (first.bytesFilled + bytesWritten > first.byteLength) {
      throw new ERR_INVALID_ARG_VALUE.RangeError('bytesWritten', bytesWritten);
    }
  }
  first.buffer = transferArrayBuffer(first.buffer);
  readableByteStreamControllerRespondInternal(controller, bytesWritten);
}

function readableByteStreamControllerRespondInternal(controller, bytesWritten) {
  const state = controller[kState];
  const first = state.pendingPullIntos[0];
  readableByteStreamControllerInvalidateBYOBRequest(controller);
  if (state.stream[kState].state === 'closed') {
    if (first.type === 'none') readableByteStreamControllerShiftPendingPullInto(controller);
    const stream = state.stream;
    if (readableStreamHasBYOBReader(stream)) {
      while (readableStreamGetNumReadIntoRequests(stream) > 0) {
        const descriptor = readableByteStreamControllerShiftPendingPullInto(controller);
        readableByteStreamControllerCommitPullIntoDescriptor(stream, descriptor);
      }
    }
  } else {
    readableByteStreamControllerFillHeadPullIntoDescriptor(controller, bytesWritten, first);
    if (first.type === 'none') {
      readableByteStreamControllerEnqueueDetachedPullIntoToQueue(controller, first);
      readableByteStreamControllerProcessPullIntoDescriptorsUsingQueue(controller);
    } else if (first.bytesFilled >= first.minimumFill) {
      readableByteStreamControllerShiftPendingPullInto(controller);
      const remainderSize = first.bytesFilled % first.elementSize;
      if (remainderSize > 0) {
        const end = first.byteOffset + first.bytesFilled;
        readableByteStreamControllerEnqueueClonedChunkToQueue(controller, first.buffer,
                                                             end - remainderSize, remainderSize);
      }
      first.bytesFilled -= remainderSize;
      readableByteStreamControllerCommitPullIntoDescriptor(state.stream, first);
      readableByteStreamControllerProcessPullIntoDescriptorsUsingQueue(controller);
    }
  }
  readableByteStreamControllerCallPullIfNeeded(controller);
}

function readableByteStreamControllerRespondWithNewView(controller, view) {
  const state = controller[kState];
  const first = state.pendingPullIntos[0];
  if (state.stream[kState].state === 'closed') {
    if (view.byteLength !== 0) throw new ERR_INVALID_ARG_VALUE.TypeError('view', view);
  } else if (view.byteLength === 0) {
    throw new ERR_INVALID_ARG_VALUE.TypeError('view', view);
  }
  if (first.byteOffset + first.bytesFilled !== view.byteOffset) {
    throw new ERR_INVALID_ARG_VALUE.RangeError('view', view);
  }
  if (first.bufferByteLength !== view.buffer.byteLength) {
    throw new ERR_INVALID_ARG_VALUE.RangeError('view', view);
  }
  if (first.bytesFilled + view.byteLength > first.byteLength) {
    throw new ERR_INVALID_ARG_VALUE.RangeError('view', view);
  }
  first.buffer = transferArrayBuffer(view.buffer);
  readableByteStreamControllerRespondInternal(controller, view.byteLength);
}

function readableByteStreamControllerError(controller, error) {
  const state = controller[kState];
  const stream = state.stream;
  if (stream[kState].state !== 'readable') return;
  readableByteStreamControllerClearPendingPullIntos(controller);
  resetQueue(state);
  readableByteStreamControllerClearAlgorithms(controller);
  readableStreamError(stream, error);
}

// --- tee ---------------------------------------------------------------------------------
function readableStreamTee(stream, cloneForBranch2) {
  const reader = new ReadableStreamDefaultReader(stream);
  let reading = false;
  let readAgain = false;
  let canceled1 = false;
  let canceled2 = false;
  let reason1;
  let reason2;
  let branch1;
  let branch2;
  const cancelPromise = createDeferred();

  function pullAlgorithm() {
    if (reading) {
      readAgain = true;
      return Promise.resolve();
    }
    reading = true;
    readableStreamDefaultReaderRead(reader, {
      chunk(value) {
        queueMicrotask(() => {
          readAgain = false;
          const value1 = value;
          let value2 = value;
          if (!canceled2 && cloneForBranch2) value2 = structuredClone(value2);
          if (!canceled1) {
            readableStreamDefaultControllerEnqueue(branch1[kState].controller, value1);
          }
          if (!canceled2) {
            readableStreamDefaultControllerEnqueue(branch2[kState].controller, value2);
          }
          reading = false;
          if (readAgain) pullAlgorithm();
        });
      },
      close() {
        reading = false;
        if (!canceled1) readableStreamDefaultControllerClose(branch1[kState].controller);
        if (!canceled2) readableStreamDefaultControllerClose(branch2[kState].controller);
        if (!canceled1 || !canceled2) cancelPromise.resolve();
      },
      error() {
        reading = false;
      },
    });
    return Promise.resolve();
  }

  function cancel1Algorithm(reason) {
    canceled1 = true;
    reason1 = reason;
    if (canceled2) {
      const cancelResult = readableStreamCancel(stream, [reason1, reason2]);
      cancelPromise.resolve(cancelResult);
    }
    return cancelPromise.promise;
  }

  function cancel2Algorithm(reason) {
    canceled2 = true;
    reason2 = reason;
    if (canceled1) {
      const cancelResult = readableStreamCancel(stream, [reason1, reason2]);
      cancelPromise.resolve(cancelResult);
    }
    return cancelPromise.promise;
  }

  branch1 = createReadableStream(nop, pullAlgorithm, cancel1Algorithm);
  branch2 = createReadableStream(nop, pullAlgorithm, cancel2Algorithm);

  reader[kState].close.promise.catch((error) => {
    readableStreamDefaultControllerError(branch1[kState].controller, error);
    readableStreamDefaultControllerError(branch2[kState].controller, error);
    if (!canceled1 || !canceled2) cancelPromise.resolve();
  });

  return [branch1, branch2];
}

// A default ReadableStream from the three algorithms (the spec's CreateReadableStream).
function createReadableStream(startAlgorithm, pullAlgorithm, cancelAlgorithm,
                              highWaterMark = 1, sizeAlgorithm = () => 1) {
  const stream = Object.create(ReadableStream.prototype);
  stream[kType] = 'ReadableStream';
  initializeReadableStream(stream);
  const controller = new ReadableStreamDefaultController(kIllegal);
  setUpReadableStreamDefaultController(stream, controller, startAlgorithm, pullAlgorithm,
                                       cancelAlgorithm, highWaterMark, sizeAlgorithm);
  return stream;
}

// --- pipeTo ------------------------------------------------------------------------------
function readableStreamPipeTo(source, dest, preventClose, preventAbort, preventCancel, signal) {
  const ws = require('internal/webstreams/writablestream');
  const reader = new ReadableStreamDefaultReader(source);
  const writer = ws.acquireWritableStreamDefaultWriter(dest);
  source[kState].disturbed = true;
  let shuttingDown = false;
  let currentWrite = Promise.resolve();
  const promise = createDeferred();
  let abortAlgorithm;

  if (signal !== undefined) {
    abortAlgorithm = () => {
      const error = signal.reason ?? new AbortError();
      const actions = [];
      if (!preventAbort) {
        actions.push(() => {
          if (dest[kState].state === 'writable') return ws.writableStreamAbort(dest, error);
          return Promise.resolve();
        });
      }
      if (!preventCancel) {
        actions.push(() => {
          if (source[kState].state === 'readable') return readableStreamCancel(source, error);
          return Promise.resolve();
        });
      }
      shutdownWithAnAction(() => Promise.all(actions.map((action) => action())), true, error);
    };
    if (signal.aborted) {
      abortAlgorithm();
      return promise.promise;
    }
    signal.addEventListener('abort', abortAlgorithm, { once: true });
  }

  function waitForCurrentWrite() {
    const oldCurrentWrite = currentWrite;
    return oldCurrentWrite.then(() => (oldCurrentWrite !== currentWrite ? waitForCurrentWrite() : undefined));
  }

  function shutdownWithAnAction(action, originalIsError, originalError) {
    if (shuttingDown) return;
    shuttingDown = true;
    const doTheRest = () => {
      action().then(
        () => finalize(originalIsError, originalError),
        (error) => finalize(true, error));
    };
    if (dest[kState].state === 'writable' && !ws.writableStreamCloseQueuedOrInFlight(dest)) {
      waitForCurrentWrite().then(doTheRest);
    } else {
      doTheRest();
    }
  }

  function shutdown(isError, error) {
    if (shuttingDown) return;
    shuttingDown = true;
    if (dest[kState].state === 'writable' && !ws.writableStreamCloseQueuedOrInFlight(dest)) {
      waitForCurrentWrite().then(() => finalize(isError, error));
    } else {
      finalize(isError, error);
    }
  }

  function finalize(isError, error) {
    ws.writableStreamDefaultWriterRelease(writer);
    readableStreamReaderGenericRelease(reader);
    readableStreamDefaultReaderErrorReadRequests(reader, invalidState('Releasing reader'));
    if (signal !== undefined) signal.removeEventListener('abort', abortAlgorithm);
    if (isError) promise.reject(error);
    else promise.resolve();
  }

  function pipeStep() {
    if (shuttingDown) return Promise.resolve(true);
    return writer[kState].ready.promise.then(() => new Promise((resolve, reject) => {
      readableStreamDefaultReaderRead(reader, {
        chunk(chunk) {
          currentWrite = ws.writableStreamDefaultWriterWrite(writer, chunk).then(nop, nop);
          resolve(false);
        },
        close: () => resolve(true),
        error: reject,
      });
    }));
  }

  function pipeLoop() {
    pipeStep().then((done) => {
      if (!done) pipeLoop();
    }, nop);
  }

  // Errors and closing must propagate forward.
  watchClosed(source, reader[kState].close.promise, (storedError) => {
    if (!preventAbort) {
      shutdownWithAnAction(() => ws.writableStreamAbort(dest, storedError), true, storedError);
    } else {
      shutdown(true, storedError);
    }
  });
  // Errors must propagate backward.
  watchClosed(dest, writer[kState].close.promise, (storedError) => {
    if (!preventCancel) {
      shutdownWithAnAction(() => readableStreamCancel(source, storedError), true, storedError);
    } else {
      shutdown(true, storedError);
    }
  });
  // Closing must propagate forward.
  reader[kState].close.promise.then(() => {
    if (!preventClose) {
      shutdownWithAnAction(() => ws.writableStreamDefaultWriterCloseWithErrorPropagation(writer));
    } else {
      shutdown();
    }
  }, nop);
  // Closing must propagate backward.
  if (ws.writableStreamCloseQueuedOrInFlight(dest) || dest[kState].state === 'closed') {
    const destClosed = invalidState('the destination writable stream closed before all the data could be piped to it');
    if (!preventCancel) {
      shutdownWithAnAction(() => readableStreamCancel(source, destClosed), true, destClosed);
    } else {
      shutdown(true, destClosed);
    }
  }

  setPromiseHandled(promise.promise);
  pipeLoop();
  return promise.promise;
}

function watchClosed(stream, promise, action) {
  if (stream[kState].state === 'errored') action(stream[kState].storedError);
  else promise.catch(action);
}

// --- async iteration and ReadableStream.from ---------------------------------------------
const AsyncIteratorPrototype = Object.getPrototypeOf(
  Object.getPrototypeOf(async function* () {}).prototype);

function createAsyncIterator(reader, preventCancel) {
  let current;
  let done = false;

  function nextSteps() {
    if (done) return Promise.resolve({ value: undefined, done: true });
    if (reader[kState].stream === undefined) {
      return Promise.reject(invalidState('The reader is not bound to a ReadableStream'));
    }
    const { promise, resolve, reject } = createDeferred();
    readableStreamDefaultReaderRead(reader, {
      chunk: (value) => {
        current = undefined;
        resolve({ value, done: false });
      },
      close: () => {
        current = undefined;
        done = true;
        readableStreamReaderGenericRelease(reader);
        resolve({ value: undefined, done: true });
      },
      error: (error) => {
        current = undefined;
        done = true;
        readableStreamReaderGenericRelease(reader);
        reject(error);
      },
    });
    return promise;
  }

  async function returnSteps(value) {
    if (done) return { value, done: true };
    done = true;
    if (reader[kState].stream === undefined) {
      throw invalidState('The reader is not bound to a ReadableStream');
    }
    if (!preventCancel) {
      const result = readableStreamReaderGenericCancel(reader, value);
      readableStreamReaderGenericRelease(reader);
      await result;
      return { value, done: true };
    }
    readableStreamReaderGenericRelease(reader);
    return { value, done: true };
  }

  return Object.create(AsyncIteratorPrototype, {
    next: {
      __proto__: null,
      configurable: true,
      writable: true,
      value() {
        current = current !== undefined ? current.then(nextSteps, nextSteps) : nextSteps();
        return current;
      },
    },
    return: {
      __proto__: null,
      configurable: true,
      writable: true,
      value(value) {
        return current !== undefined ?
          current.then(() => returnSteps(value), () => returnSteps(value)) :
          returnSteps(value);
      },
    },
  });
}

function readableStreamFromIterable(iterable) {
  let iterator;
  let nextMethod;
  const asyncMethod = iterable?.[Symbol.asyncIterator];
  if (asyncMethod != null) {
    if (typeof asyncMethod !== 'function') {
      throw new ERR_ARG_NOT_ITERABLE(iterable);
    }
    iterator = Reflect.apply(asyncMethod, iterable, []);
  } else {
    const syncMethod = iterable?.[Symbol.iterator];
    if (typeof syncMethod !== 'function') {
      throw new ERR_ARG_NOT_ITERABLE(iterable);
    }
    const syncIterator = Reflect.apply(syncMethod, iterable, []);
    iterator = (async function* () { yield* syncIterator; })();
  }
  if (typeof iterator !== 'object' || iterator === null) {
    throw new ERR_INVALID_STATE.TypeError('The iterator method must return an object');
  }
  nextMethod = iterator.next;

  let stream;
  const pullAlgorithm = async () => {
    const result = await Reflect.apply(nextMethod, iterator, []);
    if (typeof result !== 'object' || result === null) {
      throw new ERR_INVALID_STATE.TypeError('The promise returned by the iterator.next() method must fulfill with an object');
    }
    if (result.done) {
      readableStreamDefaultControllerClose(stream[kState].controller);
    } else {
      readableStreamDefaultControllerEnqueue(stream[kState].controller, await result.value);
    }
  };
  const cancelAlgorithm = async (reason) => {
    const returnMethod = iterator.return;
    if (returnMethod == null) return;
    const result = await Reflect.apply(returnMethod, iterator, [reason]);
    if (typeof result !== 'object' || result === null) {
      throw new ERR_INVALID_STATE.TypeError('The promise returned by the iterator.return() method must fulfill with an object');
    }
  };
  stream = createReadableStream(nop, pullAlgorithm, cancelAlgorithm, 0);
  return stream;
}

module.exports = {
  ReadableStream,
  ReadableStreamDefaultReader,
  ReadableStreamBYOBReader,
  ReadableStreamBYOBRequest,
  ReadableByteStreamController,
  ReadableStreamDefaultController,
  createReadableStream,
  isReadableStreamLocked,
  readableStreamCancel,
  readableStreamDefaultControllerClose,
  readableStreamDefaultControllerEnqueue,
  readableStreamDefaultControllerError,
  readableStreamDefaultControllerGetDesiredSize,
  readableStreamDefaultControllerHasBackpressure,
  readableStreamDefaultControllerCanCloseOrEnqueue,
};
