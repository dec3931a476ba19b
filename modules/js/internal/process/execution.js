'use strict';
// What happens to an exception nobody caught: 'uncaughtExceptionMonitor', then an
// 'uncaughtException' listener may take it; otherwise 'exit' runs with code 1 and the error
// is printed as Node prints it (source arrow, the inspected error, the version line).

const { getErrorSourceArrow } = internalBinding('engine');
const { reallyExit } = internalBinding('process_methods');

let captureCallback = null;

function setUncaughtExceptionCaptureCallback(fn) {
  if (fn === null) {
    captureCallback = null;
    return;
  }
  if (typeof fn !== 'function') {
    const { codes: { ERR_INVALID_ARG_TYPE } } = require('internal/errors');
    throw new ERR_INVALID_ARG_TYPE('fn', ['Function', 'null'], fn);
  }
  if (captureCallback !== null) {
    const { codes: { ERR_UNCAUGHT_EXCEPTION_CAPTURE_ALREADY_SET } } = require('internal/errors');
    throw new ERR_UNCAUGHT_EXCEPTION_CAPTURE_ALREADY_SET();
  }
  captureCallback = fn;
}

function hasUncaughtExceptionCaptureCallback() {
  return captureCallback !== null;
}

function isErrorLike(value) {
  return value !== null && typeof value === 'object' && typeof value.stack === 'string';
}

function programName() {
  const argv0 = process.argv0 || 'node';
  return argv0.slice(argv0.lastIndexOf('/') + 1);
}

// Node's ReportFatalException, in JS.
function formatFatal(err, arrow) {
  const { inspect } = require('internal/util/inspect');
  const colors = !!(process.stderr?.isTTY && process.stderr.hasColors?.());
  let out;
  if (isErrorLike(err)) {
    const body = inspect(err, { colors, customInspect: false, depth: 5 });
    out = (arrow ? `${arrow}\n` : '') + body + '\n';
  } else {
    const body = typeof err === 'string' ? err : inspect(err, { colors, depth: 5 });
    out = '\n' + (arrow || '') + body + '\n';
    if (err === null || (typeof err !== 'object' && typeof err !== 'function')) {
      out += `(Use \`${programName()} --trace-uncaught ...\` to show where the exception was thrown)\n`;
    }
  }
  return `${out}\nNode.js ${process.version}\n`;
}

function writeStderr(text) {
  internalBinding('fs').writeString(2, text);
}

function noop() {}

// The callback that threw never reached its `after`: back to the top level. A no-op
// immediate makes sure the next loop turn runs a callback, and so drains the ticks.
function afterHandledException() {
  require('internal/async_hooks').clearExecutionStack();
  require('timers').setImmediate(noop);
  return true;
}

// Returns true when a listener took the error; otherwise prints it and exits.
function onFatalException(err, arrow, fromPromise) {
  // --abort-on-uncaught-exception: abort at once, before any listener, unless a capture
  // callback is set (Node's ShouldAbortOnUncaughtException).
  if (captureCallback === null && process.execArgv.includes('--abort-on-uncaught-exception')) {
    writeStderr(`Uncaught ${formatFatal(err, '')}`);
    process.abort();
  }
  const type = fromPromise ? 'unhandledRejection' : 'uncaughtException';
  process.emit('uncaughtExceptionMonitor', err, type);
  if (captureCallback !== null) {
    captureCallback(err);
    return afterHandledException();
  }
  if (process.emit('uncaughtException', err, type)) return afterHandledException();
  try {
    if (!process._exiting) {
      process._exiting = true;
      process.exitCode = 1;
      process.emit('exit', 1);
    }
  } catch {
    // Nothing to be done about it at this point.
  }
  writeStderr(formatFatal(err, arrow));
  reallyExit(process.exitCode ?? 1);
  return false;
}

// Raised from JS (microtasks, promise rejections): the arrow comes from where the error
// was created, since no throw site is known.
function triggerUncaughtException(err, fromPromise) {
  let arrow = '';
  // Before anything reads `err.stack`: formatting it drops the location the arrow needs.
  if (err !== null && typeof err === 'object') {
    try {
      arrow = getErrorSourceArrow(err);
    } catch {
      arrow = '';
    }
  }
  onFatalException(err, arrow, fromPromise);
}

module.exports = {
  onFatalException,
  triggerUncaughtException,
  formatFatal,
  setUncaughtExceptionCaptureCallback,
  hasUncaughtExceptionCaptureCallback,
};
