'use strict';
// Signals as process events: the first 'SIGxxx' listener makes the loop catch that signal
// (the handler keeps nothing alive, as Node's unref'd signal handles); removing the last
// one restores the signal's default action. A caught signal emits (name, number).

const { watchSignal } = internalBinding('process_methods');
const { signals } = require('internal/validators');

// Event name → signal number, for the names being watched.
const watched = new Map();

function startListeningIfSignal(type) {
  if (typeof type !== 'string' || !Object.hasOwn(signals, type) || watched.has(type)) return;
  const signo = signals[type];
  const err = watchSignal(signo, true);
  if (err) {
    const { ErrnoException } = require('internal/errors');
    throw new ErrnoException(err, 'uv_signal_start');
  }
  watched.set(type, signo);
}

function stopListeningIfSignal(type) {
  if (!watched.has(type) || process.listenerCount(type) !== 0) return;
  const signo = watched.get(type);
  watched.delete(type);
  // Another name for the same number (SIGIOT and SIGABRT) may still be watched.
  for (const other of watched.values()) {
    if (other === signo) return;
  }
  watchSignal(signo, false);
}

/** Called by the loop when signal `signo` arrived. */
function onSignal(signo) {
  for (const [type, number] of watched) {
    if (number === signo) process.emit(type, type, signo);
  }
}

module.exports = { startListeningIfSignal, stopListeningIfSignal, onSignal };
