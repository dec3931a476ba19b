'use strict';
// Settles asynchronous ops: an async op returns a request id at once; the loop later
// calls the `completion` hook with (id, error, value) and the callback registered for that
// id runs. `error` is a plain object ({ class, message, ...props }) made into a real error
// here, shaped like Node's (code, errno, syscall, path).

const { setHook } = internalBinding('engine');

const pending = new Map();

const classes = { Error, TypeError, RangeError, SyntaxError };

function makeError(info) {
  const Ctor = classes[info.class] ?? Error;
  // Node's async fs errors carry no JS frames: the work ran off the JS thread.
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  const err = new Ctor(info.message);
  Error.stackTraceLimit = limit;
  for (const key of Object.keys(info)) {
    if (key !== 'class' && key !== 'message') err[key] = info[key];
  }
  return err;
}

// Runs `callback(err, value)` when request `id` completes.
function onComplete(id, callback) {
  pending.set(id, callback);
}

// Returns a promise for request `id`.
function promiseFor(id) {
  return new Promise((resolve, reject) => {
    pending.set(id, (err, value) => (err ? reject(err) : resolve(value)));
  });
}

setHook('completion', (id, error, value) => {
  const callback = pending.get(id);
  if (callback === undefined) return;
  pending.delete(id);
  if (error !== null) callback(makeError(error));
  else callback(null, value);
});

module.exports = { onComplete, promiseFor, makeError };
