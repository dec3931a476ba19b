'use strict';
// internal/fs/steps: operations made of several binding calls (readFile on a descriptor,
// rm, cp, recursive readdir, truncate, …) are written once as generators that yield
// `[step, ...args]`; `runSync` performs each step now, `runAsync` on the blocking pool, and
// `runCallback` hands the async result to a Node-style callback. A step is a binding op
// name, or one of the byte-moving steps below whose sync and async bindings differ
// ('readChunk', 'readInto', 'writeAll'), or 'flush' (fs.fsyncSync / fs.fsync, looked up
// on the fs module at the time, as Node's writeFile does), or 'call' (a user function such as cp's filter).

const binding = internalBinding('fs');
const { promiseFor } = require('internal/async_ops');
const { makeCallback, toBuffer } = require('internal/fs/utils');

const syncSteps = {
  __proto__: null,
  readChunk(fd, length, position) {
    const buffer = Buffer.allocUnsafe(length);
    const n = binding.read(fd, buffer, 0, length, position);
    return n === length ? buffer : buffer.subarray(0, n);
  },
  readInto(fd, bytes, position) {
    return binding.read(fd, bytes, 0, bytes.byteLength, position);
  },
  writeAll(fd, data, position) {
    let written = 0;
    while (written < data.byteLength) {
      const n = binding.write(fd, data.subarray(written), position);
      written += n;
      if (position >= 0) position += n;
    }
    return written;
  },
  flush(fd) {
    require('fs').fsyncSync(fd);
  },
  call(fn, ...args) {
    return fn(...args);
  },
};

const asyncSteps = {
  __proto__: null,
  async readChunk(fd, length, position) {
    return toBuffer(await promiseFor(binding.readAsync(fd, length, position)));
  },
  async readInto(fd, bytes, position) {
    const read = await promiseFor(binding.readAsync(fd, bytes.byteLength, position));
    bytes.set(read);
    return read.byteLength;
  },
  async writeAll(fd, data, position) {
    let written = 0;
    while (written < data.byteLength) {
      const n = await promiseFor(binding.writeAsync(fd, data.subarray(written), position));
      written += n;
      if (position >= 0) position += n;
    }
    return written;
  },
  flush(fd) {
    return new Promise((resolve, reject) => {
      require('fs').fsync(fd, (err) => (err ? reject(err) : resolve()));
    });
  },
  call(fn, ...args) {
    return fn(...args);
  },
};

/** Runs a step generator to completion on this thread; returns its result. */
function runSync(gen) {
  let step = gen.next();
  while (!step.done) {
    const [name, ...args] = step.value;
    let value;
    try {
      value = name in syncSteps ? syncSteps[name](...args) : binding[name](...args);
    } catch (err) {
      step = gen.throw(err);
      continue;
    }
    step = gen.next(value);
  }
  return step.value;
}

/** Runs a step generator with every step on the blocking pool; a promise of its result. */
async function runAsync(gen) {
  return continueAsync(gen, gen.next());
}

/** Runs the rest of a step generator, from `step` on, on the blocking pool. */
async function continueAsync(gen, step) {
  while (!step.done) {
    const [name, ...args] = step.value;
    let value;
    try {
      value = await (name in asyncSteps ?
        asyncSteps[name](...args) : promiseFor(binding[`${name}Async`](...args)));
    } catch (err) {
      step = gen.throw(err);
      continue;
    }
    step = gen.next(value);
  }
  return step.value;
}

/** Runs a step generator asynchronously and calls `cb(err, value)` outside the promise.
 *  The generator runs up to its first step now, so that invalid arguments throw to the
 *  caller, as in Node; then `cb` is validated. */
function runCallback(gen, cb) {
  const first = gen.next();
  makeCallback(cb);
  continueAsync(gen, first).then(
    (value) => (value === undefined ? process.nextTick(cb, null) : process.nextTick(cb, null, value)),
    (err) => process.nextTick(cb, err));
}

module.exports = { runAsync, runCallback, runSync };
