'use strict';
// The native half of a zlib stream, shaped like the handle Node's zlib.js drives: `init`,
// `write` (on the pool) and `writeSync` with an input range and an output room, the result
// left in a shared `writeState` ([availOut, availIn]) and reported through `callback` (or
// `onerror(message, errno, code)` for a codec fault). Keeping that contract lets zlib.js
// chunk output, count `bytesWritten` and apply backpressure exactly as Node does, while
// the work itself happens in internalBinding('zlib') on io::compress.

const binding = internalBinding('zlib');
const { onComplete } = require('internal/async_ops');

// A stream dropped without being closed (never ended, never destroyed) still frees its
// codec once the handle is collected, as Node's handle does.
const finalizer = new FinalizationRegistry((id) => binding.close(id));

// A view of bytes [offset, offset + length) of any ArrayBufferView, as bytes.
function bytesOf(view, offset, length) {
  return new Uint8Array(view.buffer, view.byteOffset + offset, length);
}

class ZlibHandle {
  constructor(mode) {
    this.mode = mode;
    this.id = 0;
    this.writeState = null;
    this.callback = null;
    this.onerror = null;
    // One write at a time, as a zlib stream allows; reset and close wait for it, so a reset
    // called right after write() applies after that write, as it does in Node.
    this.writing = false;
    this.resetPending = false;
    this.closePending = false;
    // The last asynchronous write's input and where its range ended, to spot continuations.
    this.lastInput = null;
    this.lastEnd = 0;
  }

  // Creates the codec. `params` is the brotli/zstd parameter Uint32Array (or undefined);
  // `pledgedSrcSize` is zstd's announced input size.
  init(windowBits, level, memLevel, strategy, writeState, callback, dictionary, params,
       pledgedSrcSize) {
    this.writeState = writeState;
    this.callback = callback;
    this.id = binding.create(this.mode, windowBits, level, memLevel, strategy,
                             dictionary === undefined ? undefined : bytesOf(dictionary, 0, dictionary.byteLength),
                             params, pledgedSrcSize);
    finalizer.register(this, this.id, this);
  }

  // Whether this write continues the last one (same input, the rest of its range, as zlib.js
  // asks when the output room filled first): the native side then reuses its copy of it.
  #continues(input, inOff, inLen) {
    const continued = input === this.lastInput && inOff > 0 && inOff + inLen === this.lastEnd;
    this.lastInput = input;
    this.lastEnd = inOff + inLen;
    return continued;
  }

  // The codec's result for one step: `[availOut, availIn]` or an error object.
  #settle(result, outLen) {
    if (!Array.isArray(result)) {
      this.onerror(result.message, result.errno, result.code);
      return false;
    }
    this.writeState[0] = outLen === undefined ? result[0] : outLen;
    this.writeState[1] = result[1];
    return true;
  }

  writeSync(flush, input, inOff, inLen, out, outOff, outLen) {
    const continued = this.#continues(input, inOff, inLen);
    const result = binding.writeSync(this.id, flush,
                                     continued ? undefined : bytesOf(input, inOff, inLen),
                                     bytesOf(out, outOff, outLen));
    this.#settle(result);
  }

  write(flush, input, inOff, inLen, out, outOff, outLen) {
    this.writing = true;
    const continued = this.#continues(input, inOff, inLen);
    const req = binding.writeAsync(this.id, flush,
                                   continued ? undefined : bytesOf(input, inOff, inLen), outLen);
    onComplete(req, (err, result) => {
      this.writing = false;
      if (this.closePending) this.close();
      if (err) {
        this.onerror(err.message, -2, 'Z_STREAM_ERROR');
        return;
      }
      if (Array.isArray(result)) {
        const produced = result[0];
        out.set(produced, outOff);
        if (!this.#settle(result, outLen - produced.byteLength)) return;
      } else if (!this.#settle(result)) {
        return;
      }
      if (this.resetPending) this.reset();
      this.callback();
    });
  }

  params(level, strategy) {
    const result = binding.params(this.id, level, strategy);
    if (result !== undefined) this.onerror(result.message, result.errno, result.code);
  }

  reset() {
    if (this.writing) {
      this.resetPending = true;
      return;
    }
    this.resetPending = false;
    if (this.id === 0) return;
    const result = binding.reset(this.id);
    if (result !== undefined) this.onerror(result.message, result.errno, result.code);
  }

  close() {
    if (this.writing) {
      this.closePending = true;
      return;
    }
    this.closePending = false;
    if (this.id !== 0) {
      finalizer.unregister(this);
      binding.close(this.id);
    }
    this.id = 0;
  }
}

module.exports = { ZlibHandle, crc32: binding.crc32, backend: binding.backend };
