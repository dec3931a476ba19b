'use strict';
// The body of a Request or Response: extraction from a BodyInit (string, buffers, Blob,
// URLSearchParams, FormData, ReadableStream, async iterable), the Body mixin's readers
// (arrayBuffer/blob/bytes/formData/json/text), and cloning by tee.
//
// A body is `{ stream, bytes, source, length, used }`. Bodies whose bytes are known at
// once keep them in `bytes` and make their ReadableStream only when `.body` is read, so
// `await res.text()` on a constructed Response never builds a stream. `source` is the
// original object when the body can be sent again (redirects 307/308), null for streams.

const { isAnyArrayBuffer, isArrayBufferView } = require('internal/util/types');
const { isDisturbed } = require('internal/streams/utils');
const { webidlTypeError, illegalInvocation } = require('internal/fetch/webidl');
const { isFormData, serializeFormData, parseMultipart, parseUrlencoded } =
  require('internal/fetch/form_data');
const { Blob } = require('internal/blob');

const encoder = new (require('internal/encoding').TextEncoder)();
const decoder = new (require('internal/encoding').TextDecoder)();

let webstreams;
function lazyStreams() {
  webstreams ??= require('internal/webstreams/readablestream');
  return webstreams;
}

function isReadableStream(value) {
  return require('internal/webstreams/util').isBrandOf(value, 'ReadableStream');
}

/** A byte stream over `bytes` (a copy is enqueued: byte streams take over the buffer). */
function streamFromBytes(bytes) {
  const { ReadableStream } = lazyStreams();
  return new ReadableStream({
    type: 'bytes',
    start(controller) {
      if (bytes.length > 0) controller.enqueue(bytes.slice());
      controller.close();
    },
  });
}

/** A byte stream over an async iterable of chunks (strings and buffers become bytes). */
function streamFromIterable(iterable) {
  const { ReadableStream } = lazyStreams();
  let iterator;
  return new ReadableStream({
    type: 'bytes',
    start() {
      iterator = typeof iterable[Symbol.asyncIterator] === 'function' ?
        iterable[Symbol.asyncIterator]() : iterable[Symbol.iterator]();
    },
    async pull(controller) {
      const { value, done } = await iterator.next();
      if (done) {
        controller.close();
        controller.byobRequest?.respond(0);
        return;
      }
      const chunk = toChunk(value);
      if (chunk.length > 0) controller.enqueue(chunk);
    },
    async cancel(reason) {
      await iterator.return?.(reason);
    },
  });
}

// A fresh Uint8Array of one chunk of an iterable body.
function toChunk(value) {
  if (typeof value === 'string') return encoder.encode(value);
  if (isArrayBufferView(value)) {
    return new Uint8Array(value.buffer, value.byteOffset, value.byteLength).slice();
  }
  if (isAnyArrayBuffer(value)) return new Uint8Array(value.slice(0));
  return encoder.encode(`${value}`);
}

function copyBytes(value) {
  if (isAnyArrayBuffer(value)) return new Uint8Array(value.slice(0));
  return new Uint8Array(value.buffer, value.byteOffset, value.byteLength).slice();
}

/**
 * The "extract a body" steps: `{ body, type }` for a BodyInit, `type` being the
 * Content-Type it implies (or null).
 */
function extractBody(object, keepalive = false) {
  const body = { stream: null, bytes: null, source: object, length: null, used: false };
  let type = null;
  if (typeof object === 'string') {
    body.bytes = encoder.encode(object);
    type = 'text/plain;charset=UTF-8';
  } else if (require('internal/url').isURLSearchParams(object)) {
    body.bytes = encoder.encode(object.toString());
    type = 'application/x-www-form-urlencoded;charset=UTF-8';
  } else if (isAnyArrayBuffer(object) || isArrayBufferView(object)) {
    body.bytes = copyBytes(object);
  } else if (object instanceof Blob) {
    body.stream = object.stream();
    body.length = object.size;
    if (object.type) type = object.type;
  } else if (isFormData(object)) {
    const multipart = serializeFormData(object);
    body.stream = streamFromIterable(multipart.generate());
    body.length = multipart.length;
    type = multipart.type;
  } else if (isReadableStream(object)) {
    if (keepalive) throw webidlTypeError('keepalive');
    if (isDisturbed(object) || object.locked) {
      throw webidlTypeError('Response body object should not be disturbed or locked');
    }
    body.stream = object;
    body.source = null;
  } else if (object !== null && typeof object === 'object' &&
             typeof object[Symbol.asyncIterator] === 'function') {
    if (keepalive) throw webidlTypeError('keepalive');
    body.stream = streamFromIterable(object);
    body.source = null;
  } else {
    body.bytes = encoder.encode(`${object}`);
    body.source = `${object}`;
    type = 'text/plain;charset=UTF-8';
  }
  if (body.bytes !== null) body.length = body.bytes.length;
  return { body, type };
}

/** A body of known bytes (data: URLs, internal responses). */
function bodyFromBytes(bytes) {
  return { stream: null, bytes, source: bytes, length: bytes.length, used: false };
}

/** A body over a stream made elsewhere (network responses). */
function bodyFromStream(stream, length = null) {
  return { stream, bytes: null, source: null, length, used: false };
}

/** The ReadableStream of a body, made on first use. */
function bodyStream(body) {
  if (body.stream === null) {
    if (body.used) {
      // Read by the fast path already: show a closed, disturbed, locked stream as Node does.
      body.stream = streamFromBytes(new Uint8Array(0));
      body.stream.getReader().read();
    } else {
      body.stream = streamFromBytes(body.bytes);
    }
  }
  return body.stream;
}

/** The body's "disturbed" flag, which `bodyUsed` reports. */
function isBodyUsed(body) {
  return body !== null && (body.used || (body.stream !== null && isDisturbed(body.stream)));
}

/** Whether the body can no longer be read (used, or its stream locked). */
function isBodyUnusable(body) {
  return body !== null && (isBodyUsed(body) || (body.stream !== null && body.stream.locked));
}

/** Reads a whole body as one Uint8Array. */
async function readAllBytes(body) {
  if (body === null) return new Uint8Array(0);
  if (body.stream === null) {
    body.used = true;
    return body.bytes;
  }
  const reader = body.stream.getReader();
  const chunks = [];
  let total = 0;
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    if (!(value instanceof Uint8Array)) {
      throw webidlTypeError('Received non-Uint8Array chunk');
    }
    chunks.push(value);
    total += value.length;
  }
  if (chunks.length === 1) return chunks[0];
  const out = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.length;
  }
  return out;
}

/** The body for a clone: streams are teed (the original keeps one branch). */
function cloneBody(body) {
  if (body === null) return null;
  // Each copy gets its own bytes: arrayBuffer() hands the buffer out as it is.
  if (body.stream === null) return { ...body, bytes: body.bytes.slice() };
  const [first, second] = body.stream.tee();
  body.stream = first;
  return { ...body, stream: second };
}

// The essence of a Content-Type header ("type/subtype" lower-cased) or ''.
function mimeEssence(contentType) {
  if (contentType === null) return '';
  return contentType.split(';')[0].trim().toLowerCase();
}

// The type a blob() result carries: the Content-Type, lower-cased type and subtype.
function blobType(contentType) {
  if (contentType === null) return '';
  const essence = mimeEssence(contentType);
  if (!/^[^/\s]+\/[^/\s]+$/.test(essence)) return '';
  const params = contentType.slice(contentType.indexOf(';') === -1 ? contentType.length :
    contentType.indexOf(';'));
  return essence + params.replace(/\s*;\s*/g, ';');
}

/**
 * Installs the Body mixin's readers and the `body`/`bodyUsed` getters on `Class`.
 * `stateOf(object)` returns `{ body, headers }` (a HeaderList) or undefined for a foreign
 * object. The own properties of `between` (the class's members that Node lists between
 * `bodyUsed` and the readers, such as clone()) are defined in between, keeping Node's
 * property order.
 */
function installBodyMixin(Class, stateOf, between) {
  function consume(self, convert) {
    const state = stateOf(self);
    if (state === undefined) return Promise.reject(illegalInvocation());
    const { body } = state;
    if (isBodyUnusable(body)) {
      return Promise.reject(webidlTypeError('Body is unusable: Body has already been read'));
    }
    return readAllBytes(body).then((bytes) => convert(bytes, state));
  }
  const methods = {
    get body() {
      const state = stateOf(this);
      if (state === undefined) throw illegalInvocation();
      return state.body === null ? null : bodyStream(state.body);
    },
    get bodyUsed() {
      const state = stateOf(this);
      if (state === undefined) throw illegalInvocation();
      return isBodyUsed(state.body);
    },
    blob() {
      return consume(this, (bytes, state) =>
        new Blob([bytes], { type: blobType(state.headers.get('content-type')) }));
    },
    arrayBuffer() {
      return consume(this, (bytes) => {
        if (bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength) {
          return bytes.buffer;
        }
        return bytes.slice().buffer;
      });
    },
    text() {
      return consume(this, (bytes) => decoder.decode(bytes));
    },
    json() {
      return consume(this, (bytes) => JSON.parse(decoder.decode(bytes)));
    },
    formData() {
      return consume(this, (bytes, state) => {
        const contentType = state.headers.get('content-type');
        const essence = mimeEssence(contentType);
        if (essence === 'multipart/form-data') return parseMultipart(bytes, contentType);
        if (essence === 'application/x-www-form-urlencoded') {
          return parseUrlencoded(decoder.decode(bytes));
        }
        throw webidlTypeError('Content-Type was not one of "multipart/form-data" or ' +
                              '"application/x-www-form-urlencoded".');
      });
    },
    bytes() {
      return consume(this, (bytes) => {
        if (bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength) return bytes;
        return bytes.slice();
      });
    },
  };
  for (const name of ['body', 'bodyUsed']) {
    const desc = Object.getOwnPropertyDescriptor(methods, name);
    Object.defineProperty(Class.prototype, name, {
      get: desc.get, enumerable: true, configurable: true,
    });
  }
  for (const name of Reflect.ownKeys(between)) {
    const desc = Object.getOwnPropertyDescriptor(between, name);
    desc.enumerable = true;
    Object.defineProperty(Class.prototype, name, desc);
  }
  for (const name of ['blob', 'arrayBuffer', 'text', 'json', 'formData', 'bytes']) {
    Object.defineProperty(Class.prototype, name, {
      value: methods[name], writable: true, enumerable: true, configurable: true,
    });
  }
}

module.exports = {
  extractBody,
  bodyFromBytes,
  bodyFromStream,
  bodyStream,
  isBodyUsed,
  isBodyUnusable,
  cloneBody,
  installBodyMixin,
};
