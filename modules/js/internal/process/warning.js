'use strict';
// process.emitWarning and the default printer: `(node:PID) [CODE] Name: message` on stderr,
// with a one-time hint on how to trace it.

let traceHintShown = false;

function programName() {
  const argv0 = process.argv0 || 'node';
  return argv0.slice(argv0.lastIndexOf('/') + 1);
}

function onWarning(warning) {
  if (!(warning instanceof Error)) return;
  if (process.execArgv.includes('--no-warnings')) return;
  const isDeprecation = warning.name === 'DeprecationWarning';
  if (isDeprecation && process.noDeprecation) return;
  let msg = `(${process.release.name}:${process.pid}) `;
  if (warning.code) msg += `[${warning.code}] `;
  if (process.traceDeprecation || process.traceWarnings) {
    msg += warning.stack;
  } else {
    msg += typeof warning.toString === 'function' ? `${warning.toString()}` : Error.prototype.toString.call(warning);
  }
  if (typeof warning.detail === 'string') msg += `\n${warning.detail}`;
  if (!traceHintShown && !process.traceWarnings) {
    traceHintShown = true;
    const flag = isDeprecation ? '--trace-deprecation' : '--trace-warnings';
    msg += `\n(Use \`${programName()} ${flag} ...\` to show where the warning was created)`;
  }
  // Through the console, so through process.stderr.write, as in Node.
  require('internal/console/constructor').getGlobalConsole().error(msg);
}

function createWarning(warning, type, code, ctor) {
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  const err = new Error(warning);
  Error.stackTraceLimit = limit;
  err.name = String(type || 'Warning');
  if (code !== undefined) err.code = code;
  Error.captureStackTrace(err, ctor || process.emitWarning);
  return err;
}

function emitWarning(warning, type, code, ctor) {
  const { codes: { ERR_INVALID_ARG_TYPE } } = require('internal/errors');
  let detail;
  if (type !== null && typeof type === 'object' && !Array.isArray(type)) {
    ctor = type.ctor;
    code = type.code;
    if (typeof type.detail === 'string') detail = type.detail;
    type = type.type || 'Warning';
  } else if (typeof type === 'function') {
    ctor = type;
    code = undefined;
    type = 'Warning';
  }
  if (type !== undefined && typeof type !== 'string') {
    throw new ERR_INVALID_ARG_TYPE('type', 'string', type);
  }
  if (typeof code === 'function') {
    ctor = code;
    code = undefined;
  } else if (code !== undefined && typeof code !== 'string') {
    throw new ERR_INVALID_ARG_TYPE('code', 'string', code);
  }
  if (typeof warning === 'string') {
    warning = createWarning(warning, type, code, ctor);
  } else if (!(warning instanceof Error)) {
    throw new ERR_INVALID_ARG_TYPE('warning', ['Error', 'string'], warning);
  }
  if (detail !== undefined) warning.detail = detail;
  if (warning.name === 'DeprecationWarning') {
    if (process.noDeprecation) return;
    if (process.throwDeprecation) {
      // Thrown on the next tick, after the warnings emitted before it were printed.
      process.nextTick(() => { throw warning; });
      return;
    }
  }
  process.nextTick(() => process.emit('warning', warning));
}

module.exports = { emitWarning, onWarning };
