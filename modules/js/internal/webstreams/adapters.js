'use strict';
// Bridges between Node streams and web streams: Readable.toWeb/fromWeb,
// Writable.toWeb/fromWeb and Duplex.toWeb/fromWeb. Backpressure crosses the bridge
// (pause/resume on one side, desiredSize/ready on the other), and so do errors and ends.

const {
  AbortError,
  codes: { ERR_INVALID_ARG_TYPE, ERR_STREAM_PREMATURE_CLOSE },
} = require('internal/errors');
const { validateObject, validateBoolean, validateOneOf } = require('internal/validators');
const eos = require('internal/streams/end-of-stream');
const { destroyer: destroy } = require('internal/streams/destroy');
const {
  isDestroyed,
  isReadable,
  isWritable,
  isWritableEnded,
  isReadableStream,
  isWritableStream,
} = require('internal/streams/utils');
const { ReadableStream } = require('internal/webstreams/readablestream');
const { WritableStream } = require('internal/webstreams/writablestream');
const { CountQueuingStrategy, ByteLengthQueuingStrategy } =
  require('internal/webstreams/queuingstrategies');
const { createDeferred } = require('internal/webstreams/util');
const { Buffer } = require('buffer');

let Readable;
let Writable;
let Duplex;
function lazyNodeStreams() {
  Readable ??= require('internal/streams/readable');
  Writable ??= require('internal/streams/writable');
  Duplex ??= require('internal/streams/duplex');
}

function toUint8Array(chunk) {
  return new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength);
}

function prematureCloseToAbort(error) {
  if (error?.code === 'ERR_STREAM_PREMATURE_CLOSE') return new AbortError(undefined, { cause: error });
  return error;
}

function newReadableStreamFromStreamReadable(streamReadable, options = {}) {
  if (typeof streamReadable?._readableState !== 'object') {
    throw new ERR_INVALID_ARG_TYPE('streamReadable', 'stream.Readable', streamReadable);
  }
  validateObject(options, 'options');
  if (options.type !== undefined) validateOneOf(options.type, 'options.type', ['bytes', undefined]);
  const isBytes = options.type === 'bytes';
  if (isDestroyed(streamReadable) || !isReadable(streamReadable)) {
    const readable = new ReadableStream();
    readable.cancel();
    return readable;
  }

  const objectMode = streamReadable.readableObjectMode;
  const highWaterMark = streamReadable.readableHighWaterMark;
  // A byte stream takes no size-based strategy.
  const strategy = isBytes ? undefined : options.strategy ?? (objectMode ?
    new CountQueuingStrategy({ highWaterMark }) :
    new ByteLengthQueuingStrategy({ highWaterMark }));

  let controller;
  function onData(chunk) {
    if (!objectMode && ArrayBuffer.isView(chunk)) chunk = new Uint8Array(toUint8Array(chunk));
    controller.enqueue(chunk);
    if (controller.desiredSize <= 0) streamReadable.pause();
  }

  function onFinished(error) {
    cleanup();
    error = prematureCloseToAbort(error);
    // Already errored or closed by cancel(): nothing to report.
    try {
      if (error) {
        controller.error(error);
      } else {
        controller.close();
        // A pending BYOB read ends with the stream.
        if (isBytes) controller.byobRequest?.respond(0);
      }
    } catch {
      // The web stream was cancelled first.
    }
  }

  streamReadable.pause();
  const cleanup = eos(streamReadable, onFinished);
  streamReadable.on('data', onData);

  return new ReadableStream({
    type: isBytes ? 'bytes' : undefined,
    start(c) { controller = c; },
    pull() { streamReadable.resume(); },
    cancel(reason) { destroy(streamReadable, reason); },
  }, strategy);
}

function newStreamReadableFromReadableStream(readableStream, options = {}) {
  if (!isReadableStream(readableStream)) {
    throw new ERR_INVALID_ARG_TYPE('readableStream', 'ReadableStream', readableStream);
  }
  validateObject(options, 'options');
  const { highWaterMark, encoding, objectMode = false, signal } = options;
  if (encoding !== undefined && !Buffer.isEncoding(encoding)) {
    const { codes: { ERR_INVALID_ARG_VALUE } } = require('internal/errors');
    throw new ERR_INVALID_ARG_VALUE(encoding, 'options.encoding');
  }
  validateBoolean(objectMode, 'options.objectMode');
  lazyNodeStreams();

  const reader = readableStream.getReader();
  let closed = false;

  const readable = new Readable({
    objectMode,
    highWaterMark,
    encoding,
    signal,
    read() {
      reader.read().then((chunk) => {
        if (chunk.done) readable.push(null);
        else readable.push(chunk.value);
      }, (error) => destroy(readable, error));
    },
    destroy(error, callback) {
      function done() {
        try {
          callback(error);
        } catch (error) {
          process.nextTick(() => { throw error; });
        }
      }
      if (!closed) {
        reader.cancel(error).then(done, done);
        return;
      }
      done();
    },
  });

  reader.closed.then(() => {
    closed = true;
  }, (error) => {
    closed = true;
    destroy(readable, error);
  });
  return readable;
}

function newWritableStreamFromStreamWritable(streamWritable) {
  if (typeof streamWritable?._writableState !== 'object') {
    throw new ERR_INVALID_ARG_TYPE('streamWritable', 'stream.Writable', streamWritable);
  }
  if (isDestroyed(streamWritable) || !isWritable(streamWritable)) {
    const writable = new WritableStream();
    writable.close();
    return writable;
  }

  const highWaterMark = streamWritable.writableHighWaterMark;
  const strategy = streamWritable.writableObjectMode ?
    new CountQueuingStrategy({ highWaterMark }) : { highWaterMark };

  let controller;
  let backpressurePromise;
  let closed;

  function onDrain() {
    if (backpressurePromise !== undefined) backpressurePromise.resolve();
  }

  const cleanup = eos(streamWritable, (error) => {
    error = prematureCloseToAbort(error);
    cleanup();
    // Later errors from the Node stream have nowhere to go.
    streamWritable.on('error', () => {});
    if (error != null) {
      if (backpressurePromise !== undefined) backpressurePromise.reject(error);
      if (closed !== undefined) {
        closed.reject(error);
        closed = undefined;
      }
      controller.error(error);
      controller = undefined;
      return;
    }
    if (closed !== undefined) {
      closed.resolve();
      closed = undefined;
      return;
    }
    controller.error(new AbortError());
    controller = undefined;
  });

  streamWritable.on('drain', onDrain);

  return new WritableStream({
    start(c) { controller = c; },
    write(chunk) {
      if (streamWritable.writableNeedDrain || !streamWritable.write(chunk)) {
        backpressurePromise = createDeferred();
        return backpressurePromise.promise.finally(() => {
          backpressurePromise = undefined;
        });
      }
    },
    abort(reason) { destroy(streamWritable, reason); },
    close() {
      if (closed === undefined && !isWritableEnded(streamWritable)) {
        closed = createDeferred();
        streamWritable.end();
        return closed.promise;
      }
      controller = undefined;
      return Promise.resolve();
    },
  }, strategy);
}

// The write/writev/final methods of a Node stream that writes into a web stream's writer.
function writerMethods(getStream, writer, isClosed, decodeStrings, objectMode) {
  return {
    writev(chunks, callback) {
      function done(error) {
        try {
          callback(error);
        } catch (error) {
          process.nextTick(() => destroy(getStream(), error));
        }
      }
      writer.ready.then(
        () => Promise.all(chunks.map((data) => writer.write(data.chunk))).then(() => done(), done),
        done);
    },
    write(chunk, encoding, callback) {
      if (typeof chunk === 'string' && decodeStrings && !objectMode) {
        chunk = toUint8Array(Buffer.from(chunk, encoding));
      }
      function done(error) {
        try {
          callback(error);
        } catch (error) {
          destroy(getStream(), error);
        }
      }
      writer.ready.then(() => writer.write(chunk).then(() => done(), done), done);
    },
    final(callback) {
      function done(error) {
        try {
          callback(error);
        } catch (error) {
          process.nextTick(() => destroy(getStream(), error));
        }
      }
      if (!isClosed()) writer.close().then(() => done(), done);
    },
  };
}

function newStreamWritableFromWritableStream(writableStream, options = {}) {
  if (!isWritableStream(writableStream)) {
    throw new ERR_INVALID_ARG_TYPE('writableStream', 'WritableStream', writableStream);
  }
  validateObject(options, 'options');
  const { highWaterMark, decodeStrings = true, objectMode = false, signal } = options;
  validateBoolean(objectMode, 'options.objectMode');
  validateBoolean(decodeStrings, 'options.decodeStrings');
  lazyNodeStreams();

  const writer = writableStream.getWriter();
  let closed = false;

  const writable = new Writable({
    highWaterMark,
    objectMode,
    decodeStrings,
    signal,
    ...writerMethods(() => writable, writer, () => closed, decodeStrings, objectMode),
    destroy(error, callback) {
      function done() {
        try {
          callback(error);
        } catch (error) {
          process.nextTick(() => { throw error; });
        }
      }
      if (!closed) {
        if (error != null) writer.abort(error).then(done, done);
        else writer.close().then(done, done);
        return;
      }
      done();
    },
  });

  writer.closed.then(() => {
    closed = true;
    if (!isWritableEnded(writable)) destroy(writable, new ERR_STREAM_PREMATURE_CLOSE());
  }, (error) => {
    closed = true;
    destroy(writable, error);
  });
  return writable;
}

function newReadableWritablePairFromDuplex(duplex, options = {}) {
  if (typeof duplex?._writableState !== 'object' || typeof duplex?._readableState !== 'object') {
    throw new ERR_INVALID_ARG_TYPE('duplex', 'stream.Duplex', duplex);
  }
  validateObject(options, 'options');
  const writable = newWritableStreamFromStreamWritable(duplex);
  // `type` is the older name of `readableType`.
  const readable = newReadableStreamFromStreamReadable(duplex, {
    type: options.readableType ?? options.type,
  });
  return { writable, readable };
}

function newStreamDuplexFromReadableWritablePair(pair = {}, options = {}) {
  validateObject(pair, 'pair');
  const { readable: readableStream, writable: writableStream } = pair;
  if (!isReadableStream(readableStream)) {
    throw new ERR_INVALID_ARG_TYPE('pair.readable', 'ReadableStream', readableStream);
  }
  if (!isWritableStream(writableStream)) {
    throw new ERR_INVALID_ARG_TYPE('pair.writable', 'WritableStream', writableStream);
  }
  validateObject(options, 'options');
  const {
    allowHalfOpen = false,
    objectMode = false,
    encoding,
    decodeStrings = true,
    highWaterMark,
    signal,
  } = options;
  validateBoolean(objectMode, 'options.objectMode');
  lazyNodeStreams();

  const writer = writableStream.getWriter();
  const reader = readableStream.getReader();
  let writableClosed = false;
  let readableClosed = false;

  const duplex = new Duplex({
    allowHalfOpen,
    highWaterMark,
    objectMode,
    encoding,
    decodeStrings,
    signal,
    ...writerMethods(() => duplex, writer, () => writableClosed, decodeStrings, objectMode),
    read() {
      reader.read().then((chunk) => {
        if (chunk.done) duplex.push(null);
        else duplex.push(chunk.value);
      }, (error) => destroy(duplex, error));
    },
    destroy(error, callback) {
      function done() {
        try {
          callback(error);
        } catch (error) {
          process.nextTick(() => { throw error; });
        }
      }
      async function closeWriter() {
        if (!writableClosed) await writer.abort(error);
      }
      async function closeReader() {
        if (!readableClosed) await reader.cancel(error);
      }
      if (!writableClosed || !readableClosed) {
        Promise.all([closeWriter(), closeReader()]).then(done, done);
        return;
      }
      done();
    },
  });

  writer.closed.then(() => {
    writableClosed = true;
    if (!isWritableEnded(duplex)) destroy(duplex, new ERR_STREAM_PREMATURE_CLOSE());
  }, (error) => {
    writableClosed = true;
    readableClosed = true;
    destroy(duplex, error);
  });

  reader.closed.then(() => {
    readableClosed = true;
  }, (error) => {
    writableClosed = true;
    readableClosed = true;
    destroy(duplex, error);
  });
  return duplex;
}

module.exports = {
  newReadableStreamFromStreamReadable,
  newStreamReadableFromReadableStream,
  newWritableStreamFromStreamWritable,
  newStreamWritableFromWritableStream,
  newReadableWritablePairFromDuplex,
  newStreamDuplexFromReadableWritablePair,
};
