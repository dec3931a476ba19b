'use strict';
// internal/fs/steps: operations made of several binding calls (readFile on a descriptor,
// rm, cp, recursive readdir, truncate, …) are written once as generators that yield
// `[step, ...args]`; `runSync` performs each step now, `runAsync` on the blocking pool, and
// `runCallback` hands the async result to a Node-style callback. A step is a binding op
// name, or one of the byte-moving steps below whose sync and async bindings differ
// ('readChunk', 'writeAll'), or 'call' (a user function such as cp's filter).

const binding = internalBinding('fs');
const { promiseFor } = require('internal/async_ops');
const { toBuffer } = require('internal/fs/utils');

const syncSteps = {
  __proto__: null,
  readChunk(fd, length, position) {
    const buffer = Buffer.allocUnsafe(length);
    const n = binding.read(fd, buffer, 0, length, position);
    return n === length ? buffer : buffer.subarray(0, n);
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
  call(fn, ...args) {
    return fn(...args);
  },
};

const asyncSteps = {
  __proto__: null,
  async readChunk(fd, length, position) {
    return toBuffer(await promiseFor(binding.readAsync(fd, length, position)));
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
  let step = gen.next();
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

/** Runs a step generator asynchronously and calls `cb(err, value)` outside the promise. */
function runCallback(gen, cb) {
  runAsync(gen).then(
    (value) => process.nextTick(cb, null, value),
    (err) => process.nextTick(cb, err));
}

module.exports = { runAsync, runCallback, runSync };
