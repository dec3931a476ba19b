'use strict';

// The public 'util' module: inspect/format (from internal/util/inspect),
// util.types, and the classic helpers (inherits, promisify, callbackify,
// deprecate, debuglog, styleText, toUSVString, ...) with Node's argument
// validation and warnings.

const {
  format,
  formatWithOptions,
  inspect,
  stripVTControlCharacters,
} = require('internal/util/inspect');
const types = require('internal/util/types');

let lazyCodes;
function codes() {
  if (lazyCodes === undefined) lazyCodes = require('internal/errors').codes;
  return lazyCodes;
}

let lazyShouldColorize;
function shouldColorize(stream) {
  if (lazyShouldColorize === undefined) {
    lazyShouldColorize = require('internal/console/constructor').shouldColorize;
  }
  return lazyShouldColorize(stream);
}

function validateFunction(value, name) {
  if (typeof value !== 'function') {
    throw new (codes().ERR_INVALID_ARG_TYPE)(name, 'Function', value);
  }
}

function validateString(value, name) {
  if (typeof value !== 'string') {
    throw new (codes().ERR_INVALID_ARG_TYPE)(name, 'string', value);
  }
}

// --- deprecate -----------------------------------------------------------------

// Deprecation codes already warned about (each warns once per process).
const codesWarned = new Set();

function internalDeprecate(fn, msg, code, modifyPrototype = true) {
  if (code !== undefined) validateString(code, 'code');
  let warned = false;
  function deprecated(...args) {
    if (!process.noDeprecation && !warned) {
      warned = true;
      if (code !== undefined) {
        if (!codesWarned.has(code)) {
          process.emitWarning(msg, 'DeprecationWarning', code, deprecated);
          codesWarned.add(code);
        }
      } else {
        process.emitWarning(msg, 'DeprecationWarning', deprecated);
      }
    }
    if (new.target) return Reflect.construct(fn, args, new.target);
    return Reflect.apply(fn, this, args);
  }
  if (modifyPrototype) {
    // Keep the wrapped function's prototype chain and `length`.
    Object.setPrototypeOf(deprecated, fn);
    if (fn.prototype) deprecated.prototype = fn.prototype;
    Object.defineProperty(deprecated, 'length', {
      __proto__: null,
      ...Object.getOwnPropertyDescriptor(fn, 'length'),
    });
  }
  return deprecated;
}

/** Wraps `fn` so that its first call emits a DeprecationWarning. */
function deprecate(fn, msg, code, { modifyPrototype } = {}) {
  return internalDeprecate(fn, msg, code, modifyPrototype);
}

// --- inherits / _extend ------------------------------------------------------

/** Legacy prototype inheritance: sets ctor.prototype's prototype. */
function inherits(ctor, superCtor) {
  if (ctor === undefined || ctor === null) {
    throw new (codes().ERR_INVALID_ARG_TYPE)('ctor', 'Function', ctor);
  }
  if (superCtor === undefined || superCtor === null) {
    throw new (codes().ERR_INVALID_ARG_TYPE)('superCtor', 'Function', superCtor);
  }
  if (superCtor.prototype === undefined) {
    throw new (codes().ERR_INVALID_ARG_TYPE)('superCtor.prototype', 'Object', superCtor.prototype);
  }
  Object.defineProperty(ctor, 'super_', {
    __proto__: null,
    value: superCtor,
    writable: true,
    configurable: true,
  });
  Object.setPrototypeOf(ctor.prototype, superCtor.prototype);
}

function _extend(target, source) {
  if (source === null || typeof source !== 'object') return target;
  const keys = Object.keys(source);
  let i = keys.length;
  while (i--) target[keys[i]] = source[keys[i]];
  return target;
}

// --- promisify / callbackify -------------------------------------------------

const kCustomPromisifiedSymbol = Symbol.for('nodejs.util.promisify.custom');
const kCustomPromisifyArgsSymbol = Symbol('customPromisifyArgs');

/** Turns a Node-style callback function into one returning a Promise. */
function promisify(original) {
  validateFunction(original, 'original');

  if (original[kCustomPromisifiedSymbol]) {
    const fn = original[kCustomPromisifiedSymbol];
    validateFunction(fn, 'util.promisify.custom');
    return Object.defineProperty(fn, kCustomPromisifiedSymbol, {
      __proto__: null, value: fn, enumerable: false, writable: false, configurable: true,
    });
  }

  // Names for multi-value callbacks, e.g. ['bytesRead', 'buffer'].
  const argumentNames = original[kCustomPromisifyArgsSymbol];

  function fn(...args) {
    return new Promise((resolve, reject) => {
      args.push((err, ...values) => {
        if (err) return reject(err);
        if (argumentNames !== undefined && values.length > 1) {
          const obj = {};
          for (let i = 0; i < argumentNames.length; i++) obj[argumentNames[i]] = values[i];
          resolve(obj);
        } else {
          resolve(values[0]);
        }
      });
      if (types.isPromise(Reflect.apply(original, this, args))) {
        process.emitWarning('Calling promisify on a function that returns a Promise is likely a mistake.',
                            'DeprecationWarning', 'DEP0174');
      }
    });
  }

  Object.setPrototypeOf(fn, Object.getPrototypeOf(original));
  Object.defineProperty(fn, kCustomPromisifiedSymbol, {
    __proto__: null, value: fn, enumerable: false, writable: false, configurable: true,
  });
  const descriptors = Object.getOwnPropertyDescriptors(original);
  for (const descriptor of Object.values(descriptors)) Object.setPrototypeOf(descriptor, null);
  return Object.defineProperties(fn, descriptors);
}
promisify.custom = kCustomPromisifiedSymbol;

// ERR_FALSY_VALUE_REJECTION, with its stack starting at `captureFrom`.
function falsyRejectionError(reason, captureFrom) {
  const Ctor = codes().ERR_FALSY_VALUE_REJECTION;
  let err;
  if (typeof Ctor === 'function') {
    err = new Ctor(reason);
    Error.captureStackTrace(err, captureFrom);
  } else {
    err = new Error('Promise was rejected with falsy value');
    // The stack header names the code, like Node's own errors.
    err.name = 'Error [ERR_FALSY_VALUE_REJECTION]';
    Error.captureStackTrace(err, captureFrom);
    // Reading the stack formats it now, while the name includes the code.
    err.stack; // eslint-disable-line no-unused-expressions
    delete err.name;
    Object.defineProperty(err, 'code', {
      __proto__: null, value: 'ERR_FALSY_VALUE_REJECTION', writable: true, enumerable: true, configurable: true,
    });
  }
  err.reason = reason;
  return err;
}

const callbackifyOnRejected = (reason, cb) => {
  if (!reason) reason = falsyRejectionError(reason, callbackifyOnRejected);
  return cb(reason);
};

/** Turns a Promise-returning function into a Node-style callback function. */
function callbackify(original) {
  validateFunction(original, 'original');

  function callbackified(...args) {
    const maybeCb = args.pop();
    validateFunction(maybeCb, 'last argument');
    const cb = maybeCb.bind(this);
    Reflect.apply(original, this, args)
      .then((ret) => process.nextTick(cb, null, ret),
            (rej) => process.nextTick(callbackifyOnRejected, rej, cb));
  }

  const descriptors = Object.getOwnPropertyDescriptors(original);
  if (typeof descriptors.length.value === 'number') descriptors.length.value++;
  if (typeof descriptors.name.value === 'string') descriptors.name.value += 'Callbackified';
  for (const descriptor of Object.values(descriptors)) Object.setPrototypeOf(descriptor, null);
  Object.defineProperties(callbackified, descriptors);
  return callbackified;
}

// --- debuglog ------------------------------------------------------------------

let testEnabled;
const debugImpls = { __proto__: null };

// NODE_DEBUG is a comma-separated list of section names, '*' as wildcard.
function initializeDebugEnv() {
  const debugEnv = process.env.NODE_DEBUG;
  if (debugEnv) {
    const pattern = debugEnv.replace(/[|\\{}()[\]^$+?.]/g, '\\$&')
      .replaceAll('*', '.*')
      .replaceAll(',', '$|^');
    const regex = new RegExp(`^${pattern}$`, 'i');
    testEnabled = (str) => regex.exec(str) !== null;
  } else {
    testEnabled = () => false;
  }
}

function emitWarningIfNeeded(set) {
  if (set === 'HTTP' || set === 'HTTP2') {
    process.emitWarning('Setting the NODE_DEBUG environment variable ' +
      `to '${set.toLowerCase()}' can expose sensitive ` +
      'data (such as passwords, tokens and authentication headers) ' +
      'in the resulting log.');
  }
}

const noop = () => {};

function debuglogImpl(enabled, set) {
  if (debugImpls[set] === undefined) {
    if (enabled) {
      const pid = process.pid;
      emitWarningIfNeeded(set);
      debugImpls[set] = function debug(...args) {
        const colors = shouldColorize(process.stderr);
        const msg = formatWithOptions({ colors }, ...args);
        const coloredPID = inspect(pid, { colors });
        process.stderr.write(format('%s %s: %s\n', set, coloredPID, msg));
      };
    } else {
      debugImpls[set] = noop;
    }
  }
  return debugImpls[set];
}

/**
 * Returns a logger for `set` that writes "SET PID: message" to stderr when
 * NODE_DEBUG names the section, and does nothing otherwise.
 */
function debuglog(set, cb) {
  let enabled;
  function init() {
    if (testEnabled === undefined) initializeDebugEnv();
    set = set.toUpperCase();
    enabled = testEnabled(set);
  }
  let debug = (...args) => {
    init();
    debug = debuglogImpl(enabled, set);
    if (typeof cb === 'function') {
      Object.defineProperty(debug, 'enabled', {
        __proto__: null,
        get() { return enabled; },
        configurable: true,
        enumerable: true,
      });
      cb(debug);
    }
    return debug(...args);
  };
  let test = () => {
    init();
    test = () => enabled;
    return enabled;
  };
  const logger = (...args) => {
    if (enabled === false) return;
    return debug(...args);
  };
  Object.defineProperty(logger, 'enabled', {
    __proto__: null,
    get() { return test(); },
    configurable: true,
    enumerable: true,
  });
  return logger;
}

// --- styleText -----------------------------------------------------------------

let styleCache;
function getStyleCache() {
  if (styleCache === undefined) {
    styleCache = { __proto__: null };
    for (const key of Object.keys(inspect.colors)) {
      const codePair = inspect.colors[key];
      if (codePair) {
        styleCache[key] = {
          __proto__: null,
          openSeq: `\u001b[${codePair[0]}m`,
          closeSeq: `\u001b[${codePair[1]}m`,
          // Bold and dim share their reset code: keep it and reopen.
          keepClose: codePair[0] === 1 || codePair[0] === 2,
        };
      }
    }
  }
  return styleCache;
}

// Re-opens the style after each inner reset of the same kind.
function replaceCloseCode(str, closeSeq, openSeq, keepClose) {
  let index = str.indexOf(closeSeq);
  if (index === -1) return str;
  let result = '';
  let lastIndex = 0;
  const replacement = keepClose ? closeSeq + openSeq : openSeq;
  do {
    const afterClose = index + closeSeq.length;
    if (afterClose >= str.length) break;
    result += str.slice(lastIndex, index) + replacement;
    lastIndex = afterClose;
    index = str.indexOf(closeSeq, lastIndex);
  } while (index !== -1);
  return result + str.slice(lastIndex);
}

/** Wraps `text` in the ANSI codes of the named format(s). */
function styleText(format, text, options) {
  const validateStream = options?.validateStream ?? true;
  const cache = getStyleCache();
  if (!validateStream && typeof format === 'string' && typeof text === 'string') {
    if (format === 'none') return text;
    const style = cache[format];
    if (style !== undefined) {
      return style.openSeq + replaceCloseCode(text, style.closeSeq, style.openSeq, style.keepClose) + style.closeSeq;
    }
  }
  validateString(text, 'text');
  if (options !== undefined && (options === null || typeof options !== 'object' || Array.isArray(options))) {
    throw new (codes().ERR_INVALID_ARG_TYPE)('options', 'Object', options);
  }
  if (typeof validateStream !== 'boolean') {
    throw new (codes().ERR_INVALID_ARG_TYPE)('options.validateStream', 'boolean', validateStream);
  }
  let skipColorize = false;
  if (validateStream) {
    const stream = options?.stream ?? process.stdout;
    const { isReadableStream, isWritableStream, isNodeStream } =
      require('internal/streams/utils');
    if (!isReadableStream(stream) && !isWritableStream(stream) && !isNodeStream(stream)) {
      throw new (codes().ERR_INVALID_ARG_TYPE)(
        'stream', ['ReadableStream', 'WritableStream', 'Stream'], stream);
    }
    skipColorize = !shouldColorize(stream);
  }
  const formats = Array.isArray(format) ? format : [format];
  let openCodes = '';
  let closeCodes = '';
  let processed = text;
  for (const key of formats) {
    if (key === 'none') continue;
    const style = cache[key];
    if (style === undefined) {
      const allowed = Object.keys(inspect.colors).map((v) => `'${v}'`).join(', ');
      throw new (codes().ERR_INVALID_ARG_VALUE)('format', key, `must be one of: ${allowed}`);
    }
    openCodes += style.openSeq;
    closeCodes = style.closeSeq + closeCodes;
    processed = replaceCloseCode(processed, style.closeSeq, style.openSeq, style.keepClose);
  }
  if (skipColorize) return text;
  return `${openCodes}${processed}${closeCodes}`;
}

// --- getCallSites ----------------------------------------------------------------

/** The calling frames as plain objects (function, script, line and column). */
function getCallSites(frameCount = 10, options) {
  if (options === undefined && typeof frameCount === 'object' && frameCount !== null) {
    options = frameCount;
    frameCount = 10;
  }
  if (options !== undefined) {
    const { validateObject, validateBoolean } = require('internal/validators');
    validateObject(options, 'options');
    if (options.sourceMap !== undefined) validateBoolean(options.sourceMap, 'options.sourceMap');
  }
  require('internal/validators').validateNumber(frameCount, 'frameCount', 1, 200);
  const { overrideStackTrace, isErrorStackTraceLimitWritable } = require('internal/errors');
  const holder = {};
  overrideStackTrace.set(holder, (error, trace) => trace);
  const limitWritable = isErrorStackTraceLimitWritable();
  const savedLimit = Error.stackTraceLimit;
  if (limitWritable) Error.stackTraceLimit = frameCount;
  Error.captureStackTrace(holder, getCallSites);
  const trace = holder.stack;
  if (limitWritable) Error.stackTraceLimit = savedLimit;
  return trace.map((site) => ({
    __proto__: null,
    functionName: site.getFunctionName() ?? '',
    scriptId: `${site.getScriptId?.() ?? 0}`,
    scriptName: site.getScriptNameOrSourceURL() ?? '',
    lineNumber: site.getLineNumber(),
    columnNumber: site.getColumnNumber(),
    column: site.getColumnNumber(),
  }));
}

// --- system errors ---------------------------------------------------------------

function validateErrno(err) {
  const { validateNumber } = require('internal/validators');
  validateNumber(err, 'err');
  if (err >= 0 || !Number.isSafeInteger(err)) {
    const { codes: { ERR_OUT_OF_RANGE } } = require('internal/errors');
    throw new ERR_OUT_OF_RANGE('err', 'a negative integer', err);
  }
}

// The libuv name of a negative errno, e.g. -2 → 'ENOENT'.
function getSystemErrorName(err) {
  validateErrno(err);
  const entry = require('internal/errors').uvErrmapGet(err);
  return entry ? entry[0] : `Unknown system error ${err}`;
}

// libuv's message for a negative errno, e.g. -2 → 'no such file or directory'.
function getSystemErrorMessage(err) {
  validateErrno(err);
  const entry = require('internal/errors').uvErrmapGet(err);
  return entry ? entry[1] : `Unknown system error ${err}`;
}

// Every errno libuv knows, as a Map of errno → [name, message].
function getSystemErrorMap() {
  const map = new Map();
  for (let errno = -1; errno >= -4096; errno--) {
    const entry = require('internal/errors').uvErrmapGet(errno);
    if (entry) map.set(errno, entry);
  }
  return map;
}

// --- exports -------------------------------------------------------------------

module.exports = {
  _extend: internalDeprecate(_extend,
                             'The `util._extend` API is deprecated. Please use Object.assign() instead.',
                             'DEP0060'),
  callbackify,
  debug: debuglog,
  debuglog,
  deprecate,
  format,
  styleText,
  formatWithOptions,
  getCallSites,
  getSystemErrorMap,
  getSystemErrorMessage,
  getSystemErrorName,
  inherits,
  inspect,
  isArray: internalDeprecate(Array.isArray,
                             'The `util.isArray` API is deprecated. Please use `Array.isArray()` instead.',
                             'DEP0044'),
  isDeepStrictEqual(a, b, skipPrototype) {
    return require('internal/util/comparisons').isDeepStrictEqual(a, b, skipPrototype);
  },
  parseEnv(content) {
    return require('internal/process/env_file').parseEnv(content);
  },
  promisify,
  stripVTControlCharacters,
  toUSVString(input) {
    return String.prototype.toWellFormed.call(`${input}`);
  },
  aborted(signal, resource) {
    return require('internal/abort_controller').aborted(signal, resource);
  },
  transferableAbortController() {
    return require('internal/abort_controller').transferableAbortController();
  },
  transferableAbortSignal(signal) {
    return require('internal/abort_controller').transferableAbortSignal(signal);
  },
  types,
};

// Globals that util re-exports.
for (const name of ['TextDecoder', 'TextEncoder']) {
  Object.defineProperty(module.exports, name, {
    __proto__: null,
    configurable: true,
    enumerable: true,
    get() { return globalThis[name]; },
    set(value) {
      Object.defineProperty(module.exports, name, {
        __proto__: null, configurable: true, enumerable: true, writable: true, value,
      });
    },
  });
}
