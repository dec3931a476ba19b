'use strict';

// The Console class (require('console').Console) and the global console.
// Each console method formats its arguments with util.formatWithOptions,
// prefixes the current group indentation and writes the line to stdout or
// stderr with a single stream.write() call. Also: timers (time/timeEnd/
// timeLog), counters, assert, trace, dir and the box-drawing console.table.

const {
  inspect,
  formatWithOptions,
  getStringWidth,
} = require('internal/util/inspect');
const {
  isTypedArray,
  isSet,
  isMap,
  isSetIterator,
  isMapIterator,
} = require('internal/util/types');

let lazyCodes;
function codes() {
  if (lazyCodes === undefined) lazyCodes = require('internal/errors').codes;
  return lazyCodes;
}

// --- Argument validation (Node's validators, with Node's messages) ----------

function makeConsoleStreamError(name) {
  const Ctor = codes().ERR_CONSOLE_WRITABLE_STREAM;
  if (typeof Ctor === 'function') return new Ctor(name);
  const err = new TypeError(`Console expects a writable stream instance for ${name}`);
  // The stack header names the code, like Node's own errors.
  err.name = 'TypeError [ERR_CONSOLE_WRITABLE_STREAM]';
  Error.captureStackTrace(err, makeConsoleStreamError);
  // Reading the stack formats it now, while the name includes the code.
  err.stack; // eslint-disable-line no-unused-expressions
  delete err.name;
  Object.defineProperty(err, 'code', {
    __proto__: null, value: 'ERR_CONSOLE_WRITABLE_STREAM', writable: true, enumerable: true, configurable: true,
  });
  return err;
}

function validateOneOf(value, name, oneOf) {
  if (!oneOf.includes(value)) {
    const allowed = oneOf.map((v) => (typeof v === 'string' ? `'${v}'` : String(v))).join(', ');
    throw new (codes().ERR_INVALID_ARG_VALUE)(name, value, `must be one of: ${allowed}`);
  }
}

function validateInteger(value, name, min, max) {
  if (typeof value !== 'number') {
    throw new (codes().ERR_INVALID_ARG_TYPE)(name, 'number', value);
  }
  if (!Number.isInteger(value)) {
    throw new (codes().ERR_OUT_OF_RANGE)(name, 'an integer', value);
  }
  if (value < min || value > max) {
    throw new (codes().ERR_OUT_OF_RANGE)(name, `>= ${min} && <= ${max}`, value);
  }
}

function validateObject(value, name) {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new (codes().ERR_INVALID_ARG_TYPE)(name, 'Object', value);
  }
}

function validateArray(value, name) {
  if (!Array.isArray(value)) {
    throw new (codes().ERR_INVALID_ARG_TYPE)(name, 'Array', value);
  }
}

// --- Colors ------------------------------------------------------------------

// Color depth the FORCE_COLOR environment variable asks for (Node's rules).
function forcedColorDepth(value) {
  if (value === '' || value === '1' || value === 'true') return 4;
  if (value === '2') return 8;
  if (value === '3') return 24;
  return 1;
}

// Whether output to `stream` should be colored ("auto" color mode).
function shouldColorize(stream) {
  const force = process.env && process.env.FORCE_COLOR;
  if (force !== undefined) return forcedColorDepth(force) > 2;
  if (!stream || !stream.isTTY) return false;
  if (typeof stream.getColorDepth === 'function') return stream.getColorDepth() > 2;
  if (typeof stream.hasColors === 'function') return !!stream.hasColors();
  return true;
}

// --- Timers ------------------------------------------------------------------

function now() {
  if (typeof process.hrtime === 'function') {
    const [seconds, nanos] = process.hrtime();
    return seconds * 1e3 + nanos / 1e6;
  }
  return globalThis.performance.now();
}

const kSecond = 1000;
const kMinute = 60 * kSecond;
const kHour = 60 * kMinute;

function pad2(value) {
  return `${value}`.padStart(2, '0');
}

// "1.234ms", "1.500s", "1:02.345 (m:ss.mmm)", "1:01:02.345 (h:mm:ss.mmm)"
function formatTime(ms) {
  let hours = 0;
  let minutes = 0;
  let seconds = 0;
  if (ms >= kSecond) {
    if (ms >= kMinute) {
      if (ms >= kHour) {
        hours = Math.floor(ms / kHour);
        ms %= kHour;
      }
      minutes = Math.floor(ms / kMinute);
      ms %= kMinute;
    }
    seconds = ms / kSecond;
  }
  if (hours !== 0 || minutes !== 0) {
    const [whole, fraction] = seconds.toFixed(3).split('.', 2);
    const res = hours !== 0 ? `${hours}:${pad2(minutes)}` : minutes;
    return `${res}:${pad2(whole)}.${fraction} (${hours !== 0 ? 'h:m' : ''}m:ss.mmm)`;
  }
  if (seconds !== 0) return `${seconds.toFixed(3)}s`;
  return `${Number(ms.toFixed(3))}ms`;
}

// --- Console -------------------------------------------------------------------

const kCounts = Symbol('counts');
const kGroupIndentationWidth = Symbol('kGroupIndentWidth');
const kGroupIndentationString = Symbol('kGroupIndentationString');
const kFormatForStderr = Symbol('kFormatForStderr');
const kFormatForStdout = Symbol('kFormatForStdout');
const kGetInspectOptions = Symbol('kGetInspectOptions');
const kColorMode = Symbol('kColorMode');
const kIsConsole = Symbol('kIsConsole');
const kWriteToConsole = Symbol('kWriteToConsole');
const kBindProperties = Symbol('kBindProperties');
const kBindStreamsEager = Symbol('kBindStreamsEager');
const kBindStreamsLazy = Symbol('kBindStreamsLazy');
const kUseStdout = Symbol('kUseStdout');
const kUseStderr = Symbol('kUseStderr');

const kMaxGroupIndentation = 1000;

// Per-console inspect options, keyed by stream.
const optionsMap = new WeakMap();

/**
 * new Console(stdout[, stderr[, ignoreErrors]]) or
 * new Console({ stdout, stderr, ignoreErrors, colorMode, inspectOptions,
 *               groupIndentation }).
 */
function Console(options /* or: stdout, stderr, ignoreErrors = true */) {
  if (new.target === undefined) {
    return Reflect.construct(Console, arguments);
  }
  if (!options || typeof options.write === 'function') {
    options = {
      stdout: options,
      stderr: arguments[1],
      ignoreErrors: arguments[2],
    };
  }
  const {
    stdout,
    stderr = stdout,
    ignoreErrors = true,
    colorMode = 'auto',
    inspectOptions,
    groupIndentation,
  } = options;

  if (!stdout || typeof stdout.write !== 'function') throw makeConsoleStreamError('stdout');
  if (!stderr || typeof stderr.write !== 'function') throw makeConsoleStreamError('stderr');

  validateOneOf(colorMode, 'colorMode', ['auto', true, false]);
  if (groupIndentation !== undefined) {
    validateInteger(groupIndentation, 'groupIndentation', 0, kMaxGroupIndentation);
  }
  if (inspectOptions !== undefined) {
    validateObject(inspectOptions, 'options.inspectOptions');
    const perStream = isMap(inspectOptions) ? inspectOptions : new Map([
      [stdout, inspectOptions],
      [stderr, inspectOptions],
    ]);
    for (const streamOptions of perStream.values()) {
      if (streamOptions.colors !== undefined && options.colorMode !== undefined) {
        throw new (codes().ERR_INCOMPATIBLE_OPTION_PAIR)('options.inspectOptions.color', 'colorMode');
      }
    }
    optionsMap.set(this, perStream);
  }

  // Bind the methods (looked up through the instance, so subclasses can
  // override them) so they can be passed around detached.
  for (const key of Object.keys(Console.prototype)) {
    this[key] = this[key].bind(this);
    Object.defineProperty(this[key], 'name', { __proto__: null, value: key });
  }
  this[kBindStreamsEager](stdout, stderr);
  this[kBindProperties](ignoreErrors, colorMode, groupIndentation);
}

const consolePropAttributes = {
  writable: true,
  enumerable: false,
  configurable: true,
};

// `globalThis.console instanceof console.Console` holds even though the
// global console is not constructed by Console.
Object.defineProperty(Console, Symbol.hasInstance, {
  __proto__: null,
  value(instance) {
    return instance != null && instance[kIsConsole] === true;
  },
});

const kColorInspectOptions = { colors: true };
const kNoColorInspectOptions = {};

function noop() {}

Object.defineProperties(Console.prototype, {
  [kBindStreamsEager]: {
    __proto__: null,
    ...consolePropAttributes,
    value: function(stdout, stderr) {
      Object.defineProperties(this, {
        '_stdout': { __proto__: null, ...consolePropAttributes, value: stdout },
        '_stderr': { __proto__: null, ...consolePropAttributes, value: stderr },
      });
    },
  },
  [kBindStreamsLazy]: {
    __proto__: null,
    ...consolePropAttributes,
    // The streams are read from `object` (process) on every access unless
    // they were assigned explicitly.
    value: function(object) {
      let stdout;
      let stderr;
      Object.defineProperties(this, {
        '_stdout': {
          __proto__: null,
          enumerable: false,
          configurable: true,
          get() { return stdout !== undefined ? stdout : object.stdout; },
          set(value) { stdout = value; },
        },
        '_stderr': {
          __proto__: null,
          enumerable: false,
          configurable: true,
          get() { return stderr !== undefined ? stderr : object.stderr; },
          set(value) { stderr = value; },
        },
      });
    },
  },
  [kBindProperties]: {
    __proto__: null,
    ...consolePropAttributes,
    value: function(ignoreErrors, colorMode, groupIndentation = 2) {
      Object.defineProperties(this, {
        '_stdoutErrorHandler': {
          __proto__: null, ...consolePropAttributes, value: createWriteErrorHandler(this, kUseStdout),
        },
        '_stderrErrorHandler': {
          __proto__: null, ...consolePropAttributes, value: createWriteErrorHandler(this, kUseStderr),
        },
        '_ignoreErrors': { __proto__: null, ...consolePropAttributes, value: Boolean(ignoreErrors) },
        '_times': { __proto__: null, ...consolePropAttributes, value: new Map() },
        [kCounts]: { __proto__: null, ...consolePropAttributes, value: new Map() },
        [kColorMode]: { __proto__: null, ...consolePropAttributes, value: colorMode },
        [kIsConsole]: { __proto__: null, ...consolePropAttributes, value: true },
        [kGroupIndentationWidth]: { __proto__: null, ...consolePropAttributes, value: groupIndentation },
        [kGroupIndentationString]: { __proto__: null, ...consolePropAttributes, value: '' },
        [Symbol.toStringTag]: {
          __proto__: null,
          writable: false,
          enumerable: false,
          configurable: true,
          value: 'console',
        },
      });
    },
  },
  [kWriteToConsole]: {
    __proto__: null,
    ...consolePropAttributes,
    value: function(streamSymbol, string) {
      const ignoreErrors = this._ignoreErrors;
      const groupIndent = this[kGroupIndentationString];
      const useStdout = streamSymbol === kUseStdout;
      const stream = useStdout ? this._stdout : this._stderr;

      if (groupIndent.length !== 0) {
        if (string.includes('\n')) string = string.replace(/\n/g, `\n${groupIndent}`);
        string = groupIndent + string;
      }
      string += '\n';

      if (ignoreErrors === false) return stream.write(string);

      // Swallow write errors, synchronous or emitted as 'error' events.
      const isEmitter = typeof stream.listenerCount === 'function' &&
        typeof stream.once === 'function' &&
        typeof stream.removeListener === 'function';
      // An error reported later through write's callback is emitted as an 'error'
      // event then: keep a one-time no-op listener for it, as Node does.
      const onWriteDone = (err) => {
        if (err != null && isEmitter && !stream._writableState?.errorEmitted &&
            stream.listenerCount('error') === 0) {
          stream.once('error', noop);
        }
      };
      try {
        if (isEmitter && stream.listenerCount('error') === 0) stream.once('error', noop);
        stream.write(string, onWriteDone);
      } catch (err) {
        if (err !== null && typeof err === 'object' &&
            err.name === 'RangeError' && err.message === 'Maximum call stack size exceeded') {
          throw err;
        }
      } finally {
        if (isEmitter) stream.removeListener('error', noop);
      }
    },
  },
  [kGetInspectOptions]: {
    __proto__: null,
    ...consolePropAttributes,
    value: function(stream) {
      let color = this[kColorMode];
      if (color === 'auto') color = shouldColorize(stream);
      const perStream = optionsMap.get(this);
      const options = perStream ? perStream.get(stream) : undefined;
      if (options) {
        if (options.colors === undefined) options.colors = color;
        return options;
      }
      return color ? kColorInspectOptions : kNoColorInspectOptions;
    },
  },
  [kFormatForStdout]: {
    __proto__: null,
    ...consolePropAttributes,
    value: function(args) {
      if (args.length === 1 && typeof args[0] === 'string') return args[0];
      return formatWithOptions(this[kGetInspectOptions](this._stdout), ...args);
    },
  },
  [kFormatForStderr]: {
    __proto__: null,
    ...consolePropAttributes,
    value: function(args) {
      if (args.length === 1 && typeof args[0] === 'string') return args[0];
      return formatWithOptions(this[kGetInspectOptions](this._stderr), ...args);
    },
  },
});

// Callback for stream.write() that keeps an asynchronous write error from
// becoming an uncaught exception.
function createWriteErrorHandler(instance, streamSymbol) {
  return (err) => {
    const stream = streamSymbol === kUseStdout ? instance._stdout : instance._stderr;
    if (err !== null && err !== undefined && stream._writableState && !stream._writableState.errorEmitted) {
      if (typeof stream.listenerCount === 'function' && stream.listenerCount('error') === 0) {
        stream.once('error', noop);
      }
    }
  };
}

function timeLogImpl(consoleRef, label, formatted, args) {
  if (args === undefined) {
    consoleRef.log('%s: %s', label, formatted);
  } else {
    consoleRef.log('%s: %s', label, formatted, ...args);
  }
}

// Logs the time elapsed since `label` started; false if there is no timer.
function logElapsed(consoleRef, implementation, label, args) {
  const start = consoleRef._times.get(label);
  if (start === undefined) {
    process.emitWarning(`No such label '${label}' for ${implementation}`);
    return false;
  }
  timeLogImpl(consoleRef, label, formatTime(now() - start), args);
  return true;
}

const keyKey = 'Key';
const valuesKey = 'Values';
const indexKey = '(index)';
const iterKey = '(iteration index)';

function isBuffer(value) {
  const BufferCtor = globalThis.Buffer;
  return typeof BufferCtor === 'function' && typeof BufferCtor.isBuffer === 'function' &&
    BufferCtor.isBuffer(value);
}

const isArrayLike = (v) => Array.isArray(v) || isTypedArray(v) || isBuffer(v);

const consoleMethods = {
  log(...args) {
    this[kWriteToConsole](kUseStdout, this[kFormatForStdout](args));
  },

  info(...args) {
    this[kWriteToConsole](kUseStdout, this[kFormatForStdout](args));
  },

  debug(...args) {
    this[kWriteToConsole](kUseStdout, this[kFormatForStdout](args));
  },

  warn(...args) {
    this[kWriteToConsole](kUseStderr, this[kFormatForStderr](args));
  },

  error(...args) {
    this[kWriteToConsole](kUseStderr, this[kFormatForStderr](args));
  },

  dir(object, options) {
    this[kWriteToConsole](kUseStdout, inspect(object, {
      customInspect: false,
      ...this[kGetInspectOptions](this._stdout),
      ...options,
    }));
  },

  time(label = 'default') {
    label = `${label}`;
    if (this._times.has(label)) {
      process.emitWarning(`Label '${label}' already exists for console.time()`);
      return;
    }
    this._times.set(label, now());
  },

  timeEnd(label = 'default') {
    label = `${label}`;
    logElapsed(this, 'console.timeEnd()', label);
    this._times.delete(label);
  },

  timeLog(label = 'default', ...data) {
    label = `${label}`;
    logElapsed(this, 'console.timeLog()', label, data);
  },

  trace: function trace(...args) {
    const err = {
      name: 'Trace',
      message: this[kFormatForStderr](args),
    };
    Error.captureStackTrace(err, trace);
    this.error(err.stack);
  },

  // https://console.spec.whatwg.org/#assert
  assert(expression, ...args) {
    if (!expression) {
      if (args.length && typeof args[0] === 'string') {
        args[0] = `Assertion failed: ${args[0]}`;
      } else {
        args.unshift('Assertion failed');
      }
      Reflect.apply(this.warn, this, args);
    }
  },

  // https://console.spec.whatwg.org/#clear
  clear() {
    // Only a terminal can be cleared.
    if (this._stdout.isTTY && process.env.TERM !== 'dumb') {
      // Cursor to the top left corner, then erase the screen below it.
      this._stdout.write('\u001b[1;1H\u001b[0J');
    }
  },

  // https://console.spec.whatwg.org/#count
  count(label = 'default') {
    label = `${label}`;
    const counts = this[kCounts];
    let count = counts.get(label);
    count = count === undefined ? 1 : count + 1;
    counts.set(label, count);
    this.log(`${label}: ${count}`);
  },

  // https://console.spec.whatwg.org/#countreset
  countReset(label = 'default') {
    const counts = this[kCounts];
    if (!counts.has(label)) {
      process.emitWarning(`Count for '${label}' does not exist`);
      return;
    }
    counts.delete(`${label}`);
  },

  group(...data) {
    if (data.length > 0) Reflect.apply(this.log, this, data);
    this[kGroupIndentationString] += ' '.repeat(this[kGroupIndentationWidth]);
  },

  groupEnd() {
    const current = this[kGroupIndentationString];
    this[kGroupIndentationString] = current.slice(0, current.length - this[kGroupIndentationWidth]);
  },

  // https://console.spec.whatwg.org/#table
  table(tabularData, properties) {
    if (properties !== undefined) validateArray(properties, 'properties');
    if (tabularData === null || typeof tabularData !== 'object') return this.log(tabularData);

    const final = (k, v) => this.log(renderTable(k, v));

    const inspectCell = (v) => {
      const depth = v !== null && typeof v === 'object' && !isArrayLike(v) &&
        Object.keys(v).length > 2 ? -1 : 0;
      return inspect(v, {
        depth,
        maxArrayLength: 3,
        breakLength: Infinity,
        ...this[kGetInspectOptions](this._stdout),
      });
    };
    const getIndexArray = (length) => Array.from({ length }, (_, i) => inspectCell(i));

    const mapIter = isMapIterator(tabularData);
    let isKeyValue = false;
    if (mapIter) {
      const res = internalBinding('util').previewEntries(tabularData, true);
      tabularData = res[0];
      isKeyValue = res[1];
    }

    if (isKeyValue || isMap(tabularData)) {
      const keys = [];
      const values = [];
      let length = 0;
      if (mapIter) {
        for (let i = 0; i < tabularData.length / 2; ++i) {
          keys.push(inspectCell(tabularData[i * 2]));
          values.push(inspectCell(tabularData[i * 2 + 1]));
          length++;
        }
      } else {
        for (const { 0: k, 1: v } of tabularData) {
          keys.push(inspectCell(k));
          values.push(inspectCell(v));
          length++;
        }
      }
      return final([iterKey, keyKey, valuesKey], [getIndexArray(length), keys, values]);
    }

    const setIter = isSetIterator(tabularData);
    if (setIter) tabularData = internalBinding('util').previewEntries(tabularData);

    if (setIter || mapIter || isSet(tabularData)) {
      const values = [];
      let length = 0;
      for (const v of tabularData) {
        values.push(inspectCell(v));
        length++;
      }
      return final([iterKey, valuesKey], [getIndexArray(length), values]);
    }

    const map = { __proto__: null };
    let hasPrimitives = false;
    const valuesKeyArray = [];
    const indexKeyArray = Object.keys(tabularData);
    for (let i = 0; i < indexKeyArray.length; i++) {
      const item = tabularData[indexKeyArray[i]];
      const primitive = item === null || (typeof item !== 'function' && typeof item !== 'object');
      if (properties === undefined && primitive) {
        hasPrimitives = true;
        valuesKeyArray[i] = inspectCell(item);
      } else {
        const keys = properties || Object.keys(item);
        for (const key of keys) {
          map[key] ??= [];
          if ((primitive && properties) || !Object.prototype.hasOwnProperty.call(item, key)) {
            map[key][i] = '';
          } else {
            map[key][i] = inspectCell(item[key]);
          }
        }
      }
    }
    const keys = Object.keys(map);
    const values = Object.values(map);
    if (hasPrimitives) {
      keys.push(valuesKey);
      values.push(valuesKeyArray);
    }
    keys.unshift(indexKey);
    values.unshift(indexKeyArray);
    return final(keys, values);
  },
};

for (const method of Reflect.ownKeys(consoleMethods)) {
  Console.prototype[method] = consoleMethods[method];
}
Console.prototype.dirxml = Console.prototype.log;
Console.prototype.groupCollapsed = Console.prototype.group;

// --- console.table rendering -------------------------------------------------

const tableChars = {
  middleMiddle: '\u2500',
  rowMiddle: '\u253c',
  topRight: '\u2510',
  topLeft: '\u250c',
  leftMiddle: '\u251c',
  topMiddle: '\u252c',
  bottomRight: '\u2518',
  bottomLeft: '\u2514',
  bottomMiddle: '\u2534',
  rightMiddle: '\u2524',
  left: '\u2502 ',
  right: ' \u2502',
  middle: ' \u2502 ',
};

function renderRow(row, columnWidths) {
  let out = tableChars.left;
  for (let i = 0; i < row.length; i++) {
    const cell = row[i];
    const needed = columnWidths[i] - getStringWidth(cell);
    // Left-justified cells.
    out += cell + ' '.repeat(Math.ceil(needed));
    if (i !== row.length - 1) out += tableChars.middle;
  }
  out += tableChars.right;
  return out;
}

// Draws `columns` (arrays of cell strings, possibly sparse) under `head`.
function renderTable(head, columns) {
  const rows = [];
  const columnWidths = head.map((h) => getStringWidth(h));
  const longestColumn = Math.max(...columns.map((a) => a.length));
  for (let i = 0; i < head.length; i++) {
    const column = columns[i];
    for (let j = 0; j < longestColumn; j++) {
      if (rows[j] === undefined) rows[j] = [];
      const value = rows[j][i] = Object.prototype.hasOwnProperty.call(column, j) ? column[j] : '';
      const width = columnWidths[i] || 0;
      columnWidths[i] = Math.max(width, getStringWidth(value));
    }
  }
  const divider = columnWidths.map((w) => tableChars.middleMiddle.repeat(w + 2));
  let result = `${tableChars.topLeft}${divider.join(tableChars.topMiddle)}${tableChars.topRight}\n` +
    `${renderRow(head, columnWidths)}\n` +
    `${tableChars.leftMiddle}${divider.join(tableChars.rowMiddle)}${tableChars.rightMiddle}\n`;
  for (const row of rows) result += `${renderRow(row, columnWidths)}\n`;
  result += `${tableChars.bottomLeft}${divider.join(tableChars.bottomMiddle)}${tableChars.bottomRight}`;
  return result;
}

// --- The global console ------------------------------------------------------

// Methods the V8 inspector adds to Node's global console; without an
// inspector they do nothing.
function addInspectorMethods(target) {
  const methods = {
    profile(label) {},
    profileEnd(label) {},
    timeStamp(label) {},
    context(name) {
      const ctx = { __proto__: {} };
      for (const key of Object.keys(Console.prototype)) {
        const fn = target[key];
        ctx[key] = function(...args) { return Reflect.apply(fn, target, args); };
        Object.defineProperty(ctx[key], 'name', { __proto__: null, value: key });
      }
      return ctx;
    },
    createTask(name) {
      return {
        run(fn) {
          return fn();
        },
      };
    },
  };
  for (const key of Object.keys(methods)) {
    target[key] = methods[key];
  }
}

// The console made by the bootstrap, whatever `globalThis.console` later becomes.
let theGlobalConsole;

/**
 * Creates the object installed as `globalThis.console`: a plain namespace
 * (prototype an empty object) with bound Console methods, writing to
 * process.stdout / process.stderr as they are when each call happens.
 */
function createGlobalConsole() {
  const globalConsole = { __proto__: {} };
  theGlobalConsole = globalConsole;
  for (const prop of Reflect.ownKeys(Console.prototype)) {
    if (prop === 'constructor') continue;
    const desc = Reflect.getOwnPropertyDescriptor(Console.prototype, prop);
    if (typeof desc.value === 'function') {
      desc.value = desc.value.bind(globalConsole);
      Reflect.defineProperty(desc.value, 'name', {
        __proto__: null,
        value: typeof prop === 'string' ? prop : desc.value.name,
      });
    }
    Reflect.defineProperty(globalConsole, prop, desc);
  }
  globalConsole[kBindProperties](true, 'auto');
  // Legacy: the Console class hangs off the global console.
  globalConsole.Console = Console;
  addInspectorMethods(globalConsole);
  globalConsole[kBindStreamsLazy]({
    get stdout() { return process.stdout; },
    get stderr() { return process.stderr; },
  });
  return globalConsole;
}

module.exports = {
  Console,
  kBindStreamsLazy,
  kBindProperties,
  createGlobalConsole,
  getGlobalConsole: () => theGlobalConsole,
  formatTime,
  shouldColorize,
};
