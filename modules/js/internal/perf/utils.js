'use strict';
// The performance clock: milliseconds since the time origin from the native monotonic clock,
// and the origin's Unix time (performance.timeOrigin).

const binding = internalBinding('performance');

function now() {
  return binding.now();
}

function getTimeOrigin() {
  return binding.timeOrigin();
}

module.exports = { now, getTimeOrigin };
