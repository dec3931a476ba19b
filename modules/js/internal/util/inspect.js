'use strict';

// util.inspect, util.format and the helpers around them (string width,
// stripping of VT control sequences). The output is meant to equal Node's
// byte for byte: the same line-breaking rules (compact = 3, breakLength 80),
// the same grouping of long arrays into columns, the same prefixes for class
// instances, null prototypes and Symbol.toStringTag, the same error stack
// rewriting and the same ANSI styles. Facts plain JS can't see (proxy
// targets, promise state, iterator previews, ...) come from
// internalBinding('util') and internalBinding('types').

// Captured now so that user code patching Object can't change inspect's output.
const ObjectKeys = Object.keys;
const ObjectGetOwnPropertyNames = Object.getOwnPropertyNames;
const ObjectGetOwnPropertySymbols = Object.getOwnPropertySymbols;

const utilBinding = internalBinding('util');
const {
  getOwnNonIndexProperties,
  getPromiseDetails,
  getProxyDetails,
  previewEntries,
  getConstructorName: internalGetConstructorName,
} = utilBinding;
const bindingConstants = utilBinding.constants || {};
const ALL_PROPERTIES = bindingConstants.ALL_PROPERTIES !== undefined ? bindingConstants.ALL_PROPERTIES : 0;
const ONLY_ENUMERABLE = bindingConstants.ONLY_ENUMERABLE !== undefined ? bindingConstants.ONLY_ENUMERABLE : 2;
const kPending = bindingConstants.kPending !== undefined ? bindingConstants.kPending : 0;
const kRejected = bindingConstants.kRejected !== undefined ? bindingConstants.kRejected : 2;

const {
  isAsyncFunction,
  isGeneratorFunction,
  isAnyArrayBuffer,
  isArrayBuffer,
  isArgumentsObject,
  isBoxedPrimitive,
  isDataView,
  isExternal,
  isMap,
  isMapIterator,
  isModuleNamespaceObject,
  isNativeError,
  isPromise,
  isSet,
  isSetIterator,
  isWeakMap,
  isWeakSet,
  isRegExp,
  isDate,
  isTypedArray,
  isStringObject,
  isNumberObject,
  isBooleanObject,
  isBigIntObject,
} = require('internal/util/types');

// --- Small helpers standing in for Node's primordials ------------------------

const hasOwn = (obj, key) => Object.prototype.hasOwnProperty.call(obj, key);
const isEnumerable = (obj, key) => Object.prototype.propertyIsEnumerable.call(obj, key);
const objectToString = (obj) => Object.prototype.toString.call(obj);
const errorToString = (err) => Error.prototype.toString.call(err);
const functionToString = (fn) => Function.prototype.toString.call(fn);
const hasInstance = (ctor, obj) => Function.prototype[Symbol.hasInstance].call(ctor, obj);

const TypedArrayPrototype = Object.getPrototypeOf(Uint8Array.prototype);
const TypedArray = TypedArrayPrototype.constructor;
const typedArrayTag = Object.getOwnPropertyDescriptor(TypedArrayPrototype, Symbol.toStringTag).get;
const typedArrayLength = Object.getOwnPropertyDescriptor(TypedArrayPrototype, 'length').get;
const setSize = Object.getOwnPropertyDescriptor(Set.prototype, 'size').get;
const mapSize = Object.getOwnPropertyDescriptor(Map.prototype, 'size').get;

let lazyErrorCodes;
function errorCodes() {
  if (lazyErrorCodes === undefined) lazyErrorCodes = require('internal/errors').codes;
  return lazyErrorCodes;
}

// Object validation as Node's validateObject() does it: null, primitives,
// functions and (unless allowed) arrays are rejected.
function validateObject(value, name, allowArray) {
  if (value === null || typeof value !== 'object' ||
      (!allowArray && Array.isArray(value))) {
    throw new (errorCodes().ERR_INVALID_ARG_TYPE)(name, 'Object', value);
  }
}

function validateString(value, name) {
  if (typeof value !== 'string') {
    throw new (errorCodes().ERR_INVALID_ARG_TYPE)(name, 'string', value);
  }
}

function isError(value) {
  return isNativeError(value) || hasInstance(Error, value);
}

function isStackOverflowError(err) {
  return err !== null && typeof err === 'object' &&
    err.name === 'RangeError' &&
    err.message === 'Maximum call stack size exceeded';
}

// Joins without calling user-overridable Array.prototype.join.
function join(output, separator) {
  let str = '';
  if (output.length !== 0) {
    const last = output.length - 1;
    for (let i = 0; i < last; i++) {
      str += output[i];
      str += separator;
    }
    str += output[last];
  }
  return str;
}

const colorRegExp = /\u001b\[\d\d?m/g; // eslint-disable-line no-control-regex
function removeColors(str) {
  return String.prototype.replace.call(str, colorRegExp, '');
}

// Names of the built-in constructors (the global ones that exist when this
// module is loaded): used to stop walking prototype chains at built-ins.
const builtInObjects = new Set(
  ObjectGetOwnPropertyNames(globalThis).filter((name) => /^[A-Z][a-zA-Z0-9]+$/.test(name)),
);

// https://tc39.es/ecma262/#sec-IsHTMLDDA-internal-slot
const isUndetectableObject = (v) => typeof v === 'undefined' && v !== undefined;

const customInspectSymbol = Symbol.for('nodejs.util.inspect.custom');

// --- Options -----------------------------------------------------------------

const inspectDefaultOptions = Object.seal({
  showHidden: false,
  depth: 2,
  colors: false,
  customInspect: true,
  showProxy: false,
  maxArrayLength: 100,
  maxStringLength: 10000,
  breakLength: 80,
  compact: 3,
  sorted: false,
  getters: false,
  numericSeparator: false,
});

const kObjectType = 0;
const kArrayType = 1;
const kArrayExtrasType = 2;

// Characters escaped in quoted strings: C0/C1 controls, the quote in use, the
// backslash and lone surrogates.
/* eslint-disable no-control-regex */
const escapeTestQuote = /[\x00-\x1f\x27\x5c\x7f-\x9f]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const escapeAllQuote = /[\x00-\x1f\x27\x5c\x7f-\x9f]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
const escapeTestNoQuote = /[\x00-\x1f\x5c\x7f-\x9f]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const escapeAllNoQuote = /[\x00-\x1f\x5c\x7f-\x9f]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
/* eslint-enable no-control-regex */

const identifierRegExp = /^[a-zA-Z_][a-zA-Z_0-9]*$/;
const arrayIndexRegExp = /^(0|[1-9][0-9]*)$/;
const coreFrameRegExp = /^ {4}at (?:[^/\\(]+ \(|)node:(.+):\d+:\d+\)?$/;
const classBodyRegExp = /^(\s+[^(]*?)\s*{/;
const commentsRegExp = /(\/\/.*?\n)|(\/\*(.|\n)*?\*\/)/g;

const kMinLineLength = 16;

// Kinds of entry previews.
const kWeak = 0;
const kIterator = 1;
const kMapEntries = 2;

// Escape sequence for each code unit below 0xa0 that needs one.
const escapes = [];
for (let i = 0; i < 0xa0; i++) {
  if (i < 0x20 || i >= 0x7f) {
    escapes.push(`\\x${i.toString(16).toUpperCase().padStart(2, '0')}`);
  } else {
    escapes.push('');
  }
}
escapes[8] = '\\b';
escapes[9] = '\\t';
escapes[10] = '\\n';
escapes[12] = '\\f';
escapes[13] = '\\r';
escapes[39] = "\\'";
escapes[92] = '\\\\';

// ANSI escape sequences (from chalk/ansi-regex, MIT, Sindre Sorhus).
const ansiRegExp = new RegExp(
  '[\\u001B\\u009B][[\\]()#;?]*' +
  '(?:(?:(?:(?:;[-a-zA-Z\\d\\/\\#&.:=?%@~_]+)*' +
  '|[a-zA-Z\\d]+(?:;[-a-zA-Z\\d\\/\\#&.:=?%@~_]*)*)?' +
  '(?:\\u0007|\\u001B\\u005C|\\u009C))' +
  '|(?:(?:\\d{1,4}(?:;\\d{0,4})*)?' +
  '[\\dA-PR-TZcf-nq-uy=><~]))', 'g',
);

// The options object handed to custom inspect functions.
function getUserOptions(ctx, isCrossContext) {
  const ret = {
    stylize: ctx.stylize,
    showHidden: ctx.showHidden,
    depth: ctx.depth,
    colors: ctx.colors,
    customInspect: ctx.customInspect,
    showProxy: ctx.showProxy,
    maxArrayLength: ctx.maxArrayLength,
    maxStringLength: ctx.maxStringLength,
    breakLength: ctx.breakLength,
    compact: ctx.compact,
    sorted: ctx.sorted,
    getters: ctx.getters,
    numericSeparator: ctx.numericSeparator,
    ...ctx.userOptions,
  };
  // Objects from another realm (or proxies) get a null-prototype options
  // object holding primitives only, plus a guarded stylize.
  if (isCrossContext) {
    Object.setPrototypeOf(ret, null);
    for (const key of ObjectKeys(ret)) {
      if ((typeof ret[key] === 'object' || typeof ret[key] === 'function') && ret[key] !== null) {
        delete ret[key];
      }
    }
    ret.stylize = Object.setPrototypeOf((value, flavour) => {
      let stylized;
      try {
        stylized = `${ctx.stylize(value, flavour)}`;
      } catch {
        // Fall back to the plain value.
      }
      return typeof stylized === 'string' ? stylized : value;
    }, null);
  }
  return ret;
}

/**
 * Returns a string representation of `value` meant for debugging.
 * Legacy signature: inspect(value, showHidden, depth, colors).
 */
function inspect(value, opts) {
  const ctx = {
    budget: {},
    indentationLvl: 0,
    seen: [],
    currentDepth: 0,
    stylize: stylizeNoColor,
    showHidden: inspectDefaultOptions.showHidden,
    depth: inspectDefaultOptions.depth,
    colors: inspectDefaultOptions.colors,
    customInspect: inspectDefaultOptions.customInspect,
    showProxy: inspectDefaultOptions.showProxy,
    maxArrayLength: inspectDefaultOptions.maxArrayLength,
    maxStringLength: inspectDefaultOptions.maxStringLength,
    breakLength: inspectDefaultOptions.breakLength,
    compact: inspectDefaultOptions.compact,
    sorted: inspectDefaultOptions.sorted,
    getters: inspectDefaultOptions.getters,
    numericSeparator: inspectDefaultOptions.numericSeparator,
  };
  if (arguments.length > 1) {
    if (arguments.length > 2) {
      if (arguments[2] !== undefined) ctx.depth = arguments[2];
      if (arguments.length > 3 && arguments[3] !== undefined) ctx.colors = arguments[3];
    }
    if (typeof opts === 'boolean') {
      ctx.showHidden = opts;
    } else if (opts) {
      const keys = ObjectKeys(opts);
      for (let i = 0; i < keys.length; i++) {
        const key = keys[i];
        if (hasOwn(inspectDefaultOptions, key) || key === 'stylize') {
          ctx[key] = opts[key];
        } else if (ctx.userOptions === undefined) {
          // Keep the caller's own extra options for custom inspect functions.
          ctx.userOptions = opts;
        }
      }
    }
  }
  if (ctx.colors) ctx.stylize = stylizeWithColor;
  if (ctx.maxArrayLength === null) ctx.maxArrayLength = Infinity;
  if (ctx.maxStringLength === null) ctx.maxStringLength = Infinity;
  return formatValue(ctx, value, 0);
}
inspect.custom = customInspectSymbol;

Object.defineProperty(inspect, 'defaultOptions', {
  __proto__: null,
  get() {
    return inspectDefaultOptions;
  },
  set(options) {
    validateObject(options, 'options');
    return Object.assign(inspectDefaultOptions, options);
  },
});

// SGR codes: [set, reset].
const defaultFG = 39;
const defaultBG = 49;
inspect.colors = {
  __proto__: null,
  reset: [0, 0],
  bold: [1, 22],
  dim: [2, 22],
  italic: [3, 23],
  underline: [4, 24],
  blink: [5, 25],
  inverse: [7, 27],
  hidden: [8, 28],
  strikethrough: [9, 29],
  doubleunderline: [21, 24],
  black: [30, defaultFG],
  red: [31, defaultFG],
  green: [32, defaultFG],
  yellow: [33, defaultFG],
  blue: [34, defaultFG],
  magenta: [35, defaultFG],
  cyan: [36, defaultFG],
  white: [37, defaultFG],
  bgBlack: [40, defaultBG],
  bgRed: [41, defaultBG],
  bgGreen: [42, defaultBG],
  bgYellow: [43, defaultBG],
  bgBlue: [44, defaultBG],
  bgMagenta: [45, defaultBG],
  bgCyan: [46, defaultBG],
  bgWhite: [47, defaultBG],
  framed: [51, 54],
  overlined: [53, 55],
  gray: [90, defaultFG],
  redBright: [91, defaultFG],
  greenBright: [92, defaultFG],
  yellowBright: [93, defaultFG],
  blueBright: [94, defaultFG],
  magentaBright: [95, defaultFG],
  cyanBright: [96, defaultFG],
  whiteBright: [97, defaultFG],
  bgGray: [100, defaultBG],
  bgRedBright: [101, defaultBG],
  bgGreenBright: [102, defaultBG],
  bgYellowBright: [103, defaultBG],
  bgBlueBright: [104, defaultBG],
  bgMagentaBright: [105, defaultBG],
  bgCyanBright: [106, defaultBG],
  bgWhiteBright: [107, defaultBG],
};

// Non-enumerable aliases that read and write through to their target.
for (const [target, alias] of [
  ['gray', 'grey'], ['gray', 'blackBright'], ['bgGray', 'bgGrey'],
  ['bgGray', 'bgBlackBright'], ['dim', 'faint'], ['strikethrough', 'crossedout'],
  ['strikethrough', 'strikeThrough'], ['strikethrough', 'crossedOut'],
  ['hidden', 'conceal'], ['inverse', 'swapColors'], ['inverse', 'swapcolors'],
  ['doubleunderline', 'doubleUnderline'],
]) {
  Object.defineProperty(inspect.colors, alias, {
    __proto__: null,
    get() { return this[target]; },
    set(value) { this[target] = value; },
    configurable: true,
    enumerable: false,
  });
}

inspect.styles = Object.assign({ __proto__: null }, {
  special: 'cyan',
  number: 'yellow',
  bigint: 'yellow',
  boolean: 'yellow',
  undefined: 'grey',
  null: 'bold',
  string: 'green',
  symbol: 'green',
  date: 'magenta',
  // "name" is intentionally not styled.
  regexp: highlightRegExp,
  module: 'underline',
});

// Palette for the nesting depth of regular expression parts (user-changeable).
inspect.styles.regexp.colors = ['green', 'red', 'yellow', 'cyan', 'magenta'];
const defaultRegExpPalette = inspect.styles.regexp.colors.slice();

/**
 * Colors a RegExp literal by syntactic nesting depth: groups, classes,
 * escapes, quantifiers and alternation. A tolerant single pass.
 */
function highlightRegExp(source) {
  let out = '';
  let pos = 0;
  let depth = 0;
  let inClass = false;

  const names = highlightRegExp.colors?.length > 0 ? highlightRegExp.colors : defaultRegExpPalette;
  const palette = [];
  for (const name of names) {
    const color = inspect.colors[name];
    if (color) palette.push([`\u001b[${color[0]}m`, `\u001b[${color[1]}m`]);
  }

  const emit = (str) => {
    const color = palette[depth % palette.length] ?? palette[0];
    out += color[0] + str + color[1];
  };
  const emitAt = (str, depthDelta, advance) => {
    depth += depthDelta;
    emit(str);
    depth -= depthDelta;
    pos += advance;
  };
  // Emits `open` + body up to `close` + `close`, body one level deeper.
  const emitDelimited = (open, close, depthDrop = 1) => {
    let body = '';
    pos++;
    while (pos < source.length && source[pos] !== close) body += source[pos++];
    if (pos < source.length) {
      depth -= depthDrop;
      emit(open);
      emitAt(body, 1, 1);
      emit(close);
      depth += depthDrop;
    } else {
      emitAt(open, 1, -body.length);
    }
  };
  const isDigit = (c) => c >= '0' && c <= '9';

  emit('/');
  depth++;
  pos = 1;
  while (pos < source.length) {
    const ch = source[pos];
    if (inClass) {
      if (ch === '\\') {
        let seq = '\\';
        pos++;
        if (pos < source.length) {
          seq += source[pos++];
          const kind = seq[1];
          if ((kind === 'u' || kind === 'p' || kind === 'P') && source[pos] === '{') {
            emitDelimited(`${seq}{`, '}', 0);
            continue;
          } else if (kind === 'x') {
            seq += source.slice(pos, pos + 2);
            pos += 2;
          }
        }
        emit(seq);
      } else if (ch === ']') {
        depth--;
        emit(']');
        pos++;
        inClass = false;
      } else if (ch === '-' && source[pos - 1] !== '[' &&
                 pos + 1 < source.length && source[pos + 1] !== ']') {
        emitAt('-', 1, 1);
      } else {
        emit(ch);
        pos++;
      }
    } else if (ch === '[') {
      emit('[');
      depth++;
      pos++;
      inClass = true;
    } else if (ch === '(') {
      emit('(');
      depth++;
      pos++;
      if (pos < source.length && source[pos] === '?') {
        pos++;
        const a = pos < source.length ? source[pos] : '';
        if (a === ':' || a === '=' || a === '!') {
          emitAt(`?${a}`, -1, 1);
        } else {
          const b = pos + 1 < source.length ? source[pos + 1] : '';
          if (a === '<' && (b === '=' || b === '!')) {
            emitAt(`?<${b}`, -1, 2);
          } else if (a === '<') {
            pos++;
            const start = pos;
            while (pos < source.length && source[pos] !== '>') pos++;
            const name = source.slice(start, pos);
            if (pos < source.length && source[pos] === '>') {
              depth--;
              emit('?<');
              emitAt(name, 1, 0);
              emit('>');
              depth++;
              pos++;
            } else {
              emitAt('?<', -1, 0);
              emit(name);
            }
          } else {
            emit('?');
          }
        }
      }
    } else if (ch === ')') {
      depth--;
      emit(')');
      pos++;
    } else if (ch === '\\') {
      let seq = '\\';
      pos++;
      if (pos < source.length) {
        seq += source[pos++];
        const kind = seq[1];
        if (pos < source.length) {
          if (kind === 'u' && source[pos] === '{') {
            emitDelimited(`${seq}{`, '}', 0);
            continue;
          } else if (kind === 'x') {
            seq += source.slice(pos, pos + 2);
            pos += 2;
          } else if (isDigit(kind)) {
            while (pos < source.length && isDigit(source[pos])) seq += source[pos++];
          } else if (kind === 'k' && source[pos] === '<') {
            emitDelimited(`${seq}<`, '>');
            continue;
          } else if ((kind === 'p' || kind === 'P') && source[pos] === '{') {
            emitDelimited(`${seq}{`, '}', 0);
            continue;
          }
        }
      }
      emitAt(seq, 1, 0);
    } else if ('|+*?,^$'.includes(ch)) {
      emitAt(ch, 3, 1);
    } else if (ch === '{') {
      pos++;
      let min = '';
      while (pos < source.length && isDigit(source[pos])) min += source[pos++];
      if (min) {
        emit('{');
        depth++;
        emitAt(min, 1, 0);
      }
      if (pos < source.length) {
        if (source[pos] === ',') {
          if (!min) {
            emit('{');
            depth++;
          }
          emit(',');
          pos++;
        } else if (!min) {
          depth += 1;
          emit('{');
          depth -= 1;
          continue;
        }
      }
      let max = '';
      while (pos < source.length && isDigit(source[pos])) max += source[pos++];
      if (max) emitAt(max, 1, 0);
      if (pos < source.length && source[pos] === '}') {
        depth--;
        emit('}');
        pos++;
      }
      if (pos < source.length && source[pos] === '?') emitAt('?', 3, 1);
    } else if (ch === '.') {
      emitAt(ch, 2, 1);
    } else if (ch === '/') {
      break;
    } else {
      emitAt(ch, 1, 1);
    }
  }
  emitAt('/', -1, 1);
  if (pos < source.length) emit(source.slice(pos));
  return out;
}

// --- Strings -------------------------------------------------------------------

const kSingleQuote = 39;
const kDoubleQuote = -1;
const kBacktick = -2;

function addQuotes(str, quotes) {
  if (quotes === kDoubleQuote) return `"${str}"`;
  if (quotes === kBacktick) return `\`${str}\``;
  return `'${str}'`;
}

function escapeChar(ch) {
  const code = ch.charCodeAt(0);
  return code < escapes.length ? escapes[code] : `\\u${code.toString(16)}`;
}

// Quotes a string like Node: single quotes unless the string holds one, then
// double quotes, then backticks; escapes controls and lone surrogates.
function strEscape(str) {
  let test = escapeTestQuote;
  let replacer = escapeAllQuote;
  let quote = kSingleQuote;
  if (str.includes("'")) {
    if (!str.includes('"')) {
      quote = kDoubleQuote;
    } else if (!str.includes('`') && !str.includes('${')) {
      quote = kBacktick;
    }
    if (quote !== kSingleQuote) {
      test = escapeTestNoQuote;
      replacer = escapeAllNoQuote;
    }
  }

  if (str.length < 5000 && test.exec(str) === null) return addQuotes(str, quote);
  if (str.length > 100) {
    return addQuotes(String.prototype.replace.call(str, replacer, escapeChar), quote);
  }

  let result = '';
  let last = 0;
  for (let i = 0; i < str.length; i++) {
    const code = str.charCodeAt(i);
    if (code === quote || code === 92 || code < 32 || (code > 126 && code < 160)) {
      result += str.slice(last, i) + escapes[code];
      last = i + 1;
    } else if (code >= 0xd800 && code <= 0xdfff) {
      if (code <= 0xdbff && i + 1 < str.length) {
        const next = str.charCodeAt(i + 1);
        if (next >= 0xdc00 && next <= 0xdfff) {
          i++;
          continue;
        }
      }
      result += `${str.slice(last, i)}\\u${code.toString(16)}`;
      last = i + 1;
    }
  }
  if (last !== str.length) result += str.slice(last);
  return addQuotes(result, quote);
}

function stylizeWithColor(str, styleType) {
  const style = inspect.styles[styleType];
  if (style !== undefined) {
    const color = inspect.colors[style];
    if (color !== undefined) return `\u001b[${color[0]}m${str}\u001b[${color[1]}m`;
    if (typeof style === 'function') return style(str);
  }
  return str;
}

function stylizeNoColor(str) {
  return str;
}

function getEmptyFormatArray() {
  return [];
}

function isInstanceof(object, proto) {
  try {
    return object instanceof proto;
  } catch {
    return false;
  }
}

// Built-in prototypes whose name is known even when `constructor` was changed.
const wellKnownPrototypes = new Map([
  [Array.prototype, { name: 'Array', constructor: Array }],
  [ArrayBuffer.prototype, { name: 'ArrayBuffer', constructor: ArrayBuffer }],
  [Function.prototype, { name: 'Function', constructor: Function }],
  [Map.prototype, { name: 'Map', constructor: Map }],
  [Set.prototype, { name: 'Set', constructor: Set }],
  [Object.prototype, { name: 'Object', constructor: Object }],
  [TypedArrayPrototype, { name: 'TypedArray', constructor: TypedArray }],
  [RegExp.prototype, { name: 'RegExp', constructor: RegExp }],
  [Date.prototype, { name: 'Date', constructor: Date }],
  [DataView.prototype, { name: 'DataView', constructor: DataView }],
  [Error.prototype, { name: 'Error', constructor: Error }],
  [AggregateError.prototype, { name: 'AggregateError', constructor: AggregateError }],
  [RangeError.prototype, { name: 'RangeError', constructor: RangeError }],
  [TypeError.prototype, { name: 'TypeError', constructor: TypeError }],
  [Boolean.prototype, { name: 'Boolean', constructor: Boolean }],
  [Number.prototype, { name: 'Number', constructor: Number }],
  [String.prototype, { name: 'String', constructor: String }],
  [Promise.prototype, { name: 'Promise', constructor: Promise }],
  [WeakMap.prototype, { name: 'WeakMap', constructor: WeakMap }],
  [WeakSet.prototype, { name: 'WeakSet', constructor: WeakSet }],
]);

// Name of the first constructor in the prototype chain that `obj` is an
// instance of; null for a null prototype. With showHidden, collects the
// user-defined prototype properties into `protoProps`.
function getConstructorName(obj, ctx, recurseTimes, protoProps) {
  let firstProto;
  const original = obj;
  while (obj || isUndetectableObject(obj)) {
    const known = wellKnownPrototypes.get(obj);
    if (known !== undefined && hasInstance(known.constructor, original)) {
      if (protoProps !== undefined && firstProto !== obj) {
        addPrototypeProperties(ctx, original, firstProto || original, recurseTimes, protoProps);
      }
      return known.name;
    }
    const descriptor = Object.getOwnPropertyDescriptor(obj, 'constructor');
    if (descriptor !== undefined &&
        typeof descriptor.value === 'function' &&
        descriptor.value.name !== '' &&
        isInstanceof(original, descriptor.value)) {
      if (protoProps !== undefined &&
          (firstProto !== obj || !builtInObjects.has(descriptor.value.name))) {
        addPrototypeProperties(ctx, original, firstProto || original, recurseTimes, protoProps);
      }
      return String(descriptor.value.name);
    }
    obj = Object.getPrototypeOf(obj);
    if (firstProto === undefined) firstProto = obj;
  }

  if (firstProto === null) return null;

  const internalName = internalGetConstructorName(original);
  if (recurseTimes > ctx.depth && ctx.depth !== null) {
    return `${internalName} <Complex prototype>`;
  }
  const protoName = getConstructorName(firstProto, ctx, recurseTimes + 1, protoProps);
  if (protoName === null) {
    return `${internalName} <${inspect(firstProto, {
      ...ctx,
      customInspect: false,
      depth: -1,
    })}>`;
  }
  return `${internalName} <${protoName}>`;
}

// Adds non-function properties of up to three user-defined prototype layers
// to `output` (showHidden mode), dimmed when colors are on.
function addPrototypeProperties(ctx, main, obj, recurseTimes, output) {
  let depth = 0;
  let keys;
  let keySet;
  do {
    if (depth !== 0 || main === obj) {
      obj = Object.getPrototypeOf(obj);
      if (obj === null) return;
      const descriptor = Object.getOwnPropertyDescriptor(obj, 'constructor');
      if (descriptor !== undefined &&
          typeof descriptor.value === 'function' &&
          builtInObjects.has(descriptor.value.name)) {
        return;
      }
    }
    if (depth === 0) {
      keySet = new Set();
    } else {
      for (const key of keys) keySet.add(key);
    }
    keys = Reflect.ownKeys(obj);
    ctx.seen.push(main);
    for (const key of keys) {
      if (key === 'constructor' || hasOwn(main, key) || (depth !== 0 && keySet.has(key))) {
        continue;
      }
      const desc = Object.getOwnPropertyDescriptor(obj, key);
      if (typeof desc.value === 'function') continue;
      const value = formatProperty(ctx, obj, recurseTimes, key, kObjectType, desc, main);
      output.push(ctx.colors ? `\u001b[2m${value}\u001b[22m` : value);
    }
    ctx.seen.pop();
  } while (++depth !== 3);
}

// "Foo [tag] ", "Map(2) ", "[Object: null prototype] " ...
function getPrefix(constructor, tag, fallback, size = '') {
  if (constructor === null) {
    if (tag !== '' && fallback !== tag) {
      return `[${fallback}${size}: null prototype] [${tag}] `;
    }
    return `[${fallback}${size}: null prototype] `;
  }
  let result = `${constructor}${size} `;
  if (tag !== '') {
    const position = constructor.indexOf(tag);
    if (position === -1) {
      result += `[${tag}] `;
    } else {
      const end = position + tag.length;
      if (end !== constructor.length &&
          constructor[end] === constructor[end].toLowerCase()) {
        result += `[${tag}] `;
      }
    }
  }
  return result;
}

// Own keys to show: enumerable strings and symbols, or all with showHidden.
function getKeys(value, showHidden) {
  let keys;
  const symbols = ObjectGetOwnPropertySymbols(value);
  if (showHidden) {
    keys = ObjectGetOwnPropertyNames(value);
    if (symbols.length !== 0) keys.push(...symbols);
  } else {
    try {
      keys = ObjectKeys(value);
    } catch (err) {
      // A namespace object of a module that is not evaluated yet.
      if (!(isNativeError(err) && err.name === 'ReferenceError' && isModuleNamespaceObject(value))) {
        throw err;
      }
      keys = ObjectGetOwnPropertyNames(value);
    }
    if (symbols.length !== 0) {
      for (const symbol of symbols) {
        if (isEnumerable(value, symbol)) keys.push(symbol);
      }
    }
  }
  return keys;
}

function getCtxStyle(value, constructor, tag) {
  let fallback = '';
  if (constructor === null) {
    fallback = internalGetConstructorName(value);
    if (fallback === tag) fallback = 'Object';
  }
  return getPrefix(constructor, tag, fallback);
}

function formatProxy(ctx, proxy, recurseTimes) {
  if (recurseTimes > ctx.depth && ctx.depth !== null) {
    return ctx.stylize('Proxy [Array]', 'special');
  }
  recurseTimes += 1;
  ctx.indentationLvl += 2;
  const res = [
    formatValue(ctx, proxy[0], recurseTimes),
    formatValue(ctx, proxy[1], recurseTimes),
  ];
  ctx.indentationLvl -= 2;
  return reduceToSingleString(ctx, res, '', ['Proxy [', ']'], kArrayExtrasType, recurseTimes);
}

// Buffer instances normally carry their own inspect.custom (set by the
// buffer module); this formats them the same way when it is missing.
function isBufferWithoutCustomInspect(value) {
  const BufferCtor = globalThis.Buffer;
  return typeof BufferCtor === 'function' &&
    BufferCtor.prototype !== undefined &&
    !hasOwn(BufferCtor.prototype, customInspectSymbol) &&
    isInstanceof(value, BufferCtor) &&
    typedArrayTag.call(value) === 'Uint8Array';
}

function hexBytes(bytes, start, end) {
  let str = '';
  for (let i = start; i < end; i++) {
    if (i !== start) str += ' ';
    const byte = bytes[i];
    str += (byte < 16 ? '0' : '') + byte.toString(16);
  }
  return str;
}

function formatBuffer(ctx, value) {
  const max = 50;
  const length = typedArrayLength.call(value);
  let str = hexBytes(value, 0, Math.min(max, length));
  const remaining = length - max;
  if (remaining > 0) str += ` ... ${remaining} more byte${remaining > 1 ? 's' : ''}`;
  const extra = { __proto__: null };
  let hasExtra = false;
  for (const key of getOwnNonIndexProperties(value, ctx.showHidden ? ALL_PROPERTIES : ONLY_ENUMERABLE)) {
    hasExtra = true;
    extra[key] = value[key];
  }
  if (hasExtra) {
    if (length !== 0) str += ', ';
    str += inspect(extra, {
      ...getUserOptions(ctx, false),
      breakLength: Infinity,
      compact: true,
    }).slice(27, -2);
  }
  let name = 'Buffer';
  try {
    const { constructor } = value;
    if (typeof constructor === 'function' && hasOwn(constructor, 'name')) name = constructor.name;
  } catch {
    // Keep the default name.
  }
  return `<${name} ${str}>`;
}

// Entry point for any value; `formatValue` handles proxies, custom inspect
// functions and circular references before formatting the raw object.
function formatValue(ctx, value, recurseTimes, typedArray) {
  if (typeof value !== 'object' && typeof value !== 'function' && !isUndetectableObject(value)) {
    return formatPrimitive(ctx.stylize, value, ctx);
  }
  if (value === null) return ctx.stylize('null', 'null');

  const context = value;
  // Look through proxies without triggering their traps.
  const proxy = getProxyDetails(value, !!ctx.showProxy);
  if (proxy !== undefined) {
    if (proxy === null || proxy[0] === null) {
      return ctx.stylize('<Revoked Proxy>', 'special');
    }
    if (ctx.showProxy) return formatProxy(ctx, proxy, recurseTimes);
    value = proxy;
  }

  if (ctx.customInspect) {
    const maybeCustom = value[customInspectSymbol];
    if (typeof maybeCustom === 'function' &&
        maybeCustom !== inspect &&
        // Skip prototype objects that carry the method for their instances.
        Object.getOwnPropertyDescriptor(value, 'constructor')?.value?.prototype !== value) {
      const depth = ctx.depth === null ? null : ctx.depth - recurseTimes;
      const isCrossContext = proxy !== undefined || !hasInstance(Object, context);
      const ret = maybeCustom.call(context, depth, getUserOptions(ctx, isCrossContext), inspect);
      if (ret !== context) {
        if (typeof ret !== 'string') return formatValue(ctx, ret, recurseTimes);
        return ret.replaceAll('\n', `\n${' '.repeat(ctx.indentationLvl)}`);
      }
    } else if (maybeCustom === undefined && isBufferWithoutCustomInspect(value)) {
      return formatBuffer(ctx, value);
    }
  }

  if (ctx.seen.includes(value)) {
    let index = 1;
    if (ctx.circular === undefined) {
      ctx.circular = new Map();
      ctx.circular.set(value, index);
    } else {
      index = ctx.circular.get(value);
      if (index === undefined) {
        index = ctx.circular.size + 1;
        ctx.circular.set(value, index);
      }
    }
    return ctx.stylize(`[Circular *${index}]`, 'special');
  }

  return formatRaw(ctx, value, recurseTimes, typedArray);
}

function formatRaw(ctx, value, recurseTimes, typedArray) {
  let keys;
  let protoProps;
  if (ctx.showHidden && (recurseTimes <= ctx.depth || ctx.depth === null)) {
    protoProps = [];
  }
  const constructor = getConstructorName(value, ctx, recurseTimes, protoProps);
  if (protoProps !== undefined && protoProps.length === 0) protoProps = undefined;

  let tag = '';
  try {
    tag = value[Symbol.toStringTag];
  } catch {
    // Ignore throwing getters.
  }
  // Only show the tag when it is not already printed as a property.
  if (typeof tag !== 'string' ||
      (tag !== '' && (ctx.showHidden ? hasOwn : isEnumerable)(value, Symbol.toStringTag))) {
    tag = '';
  }

  let base = '';
  let formatter = getEmptyFormatArray;
  let braces;
  let noIterator = true;
  const filter = ctx.showHidden ? ALL_PROPERTIES : ONLY_ENUMERABLE;
  let extrasType = kObjectType;
  let extraKeys;

  if (Symbol.iterator in value || constructor === null) {
    noIterator = false;
    if (Array.isArray(value)) {
      const prefix = (constructor !== 'Array' || tag !== '') ?
        getPrefix(constructor, tag, 'Array', `(${value.length})`) :
        '';
      keys = getOwnNonIndexProperties(value, filter);
      braces = [`${prefix}[`, ']'];
      if (value.length === 0 && keys.length === 0 && protoProps === undefined) {
        return `${braces[0]}]`;
      }
      extrasType = kArrayExtrasType;
      formatter = formatArray;
    } else if (isSet(value)) {
      const size = setSize.call(value);
      const prefix = getPrefix(constructor, tag, 'Set', `(${size})`);
      keys = getKeys(value, ctx.showHidden);
      const iterable = constructor !== null ? value : Set.prototype.values.call(value);
      formatter = (c, v, r) => formatSet(iterable, c, v, r);
      if (size === 0 && keys.length === 0 && protoProps === undefined) return `${prefix}{}`;
      braces = [`${prefix}{`, '}'];
    } else if (isMap(value)) {
      const size = mapSize.call(value);
      const prefix = getPrefix(constructor, tag, 'Map', `(${size})`);
      keys = getKeys(value, ctx.showHidden);
      const iterable = constructor !== null ? value : Map.prototype.entries.call(value);
      formatter = (c, v, r) => formatMap(iterable, c, v, r);
      if (size === 0 && keys.length === 0 && protoProps === undefined) return `${prefix}{}`;
      braces = [`${prefix}{`, '}'];
    } else if (isTypedArray(value)) {
      keys = getOwnNonIndexProperties(value, filter);
      let bound = value;
      let fallback = '';
      if (constructor === null) {
        fallback = typedArrayTag.call(value);
        bound = new globalThis[fallback](value);
      }
      const size = typedArrayLength.call(value);
      const prefix = getPrefix(constructor, tag, fallback, `(${size})`);
      braces = [`${prefix}[`, ']'];
      if (value.length === 0 && keys.length === 0 && !ctx.showHidden) return `${braces[0]}]`;
      formatter = (c) => formatTypedArray(bound, size, c);
      extrasType = kArrayExtrasType;
      if (ctx.showHidden) {
        extraKeys = ['BYTES_PER_ELEMENT', 'length', 'byteLength', 'byteOffset', 'buffer'];
        typedArray = true;
      }
    } else if (isMapIterator(value)) {
      keys = getKeys(value, ctx.showHidden);
      braces = getIteratorBraces('Map', tag);
      formatter = (c, v, r) => formatIterator(braces, c, v, r);
    } else if (isSetIterator(value)) {
      keys = getKeys(value, ctx.showHidden);
      braces = getIteratorBraces('Set', tag);
      formatter = (c, v, r) => formatIterator(braces, c, v, r);
    } else {
      noIterator = true;
    }
  }

  if (noIterator) {
    keys = getKeys(value, ctx.showHidden);
    braces = ['{', '}'];
    if (typeof value === 'function') {
      base = getFunctionBase(ctx, value, constructor, tag);
      if (keys.length === 0 && protoProps === undefined) return ctx.stylize(base, 'special');
    } else if (constructor === 'Object') {
      if (isArgumentsObject(value)) {
        braces[0] = '[Arguments] {';
      } else if (tag !== '') {
        braces[0] = `${getPrefix(constructor, tag, 'Object')}{`;
      }
      if (keys.length === 0 && protoProps === undefined) return `${braces[0]}}`;
    } else if (isRegExp(value)) {
      base = RegExp.prototype.toString.call(constructor !== null ? value : new RegExp(value));
      const prefix = getPrefix(constructor, tag, 'RegExp');
      if (prefix !== 'RegExp ') base = `${prefix}${base}`;
      base = ctx.stylize(base, 'regexp');
      if ((keys.length === 0 && protoProps === undefined) ||
          (recurseTimes > ctx.depth && ctx.depth !== null)) {
        return base;
      }
    } else if (isDate(value)) {
      base = Number.isNaN(Date.prototype.getTime.call(value)) ?
        Date.prototype.toString.call(value) :
        Date.prototype.toISOString.call(value);
      const prefix = getPrefix(constructor, tag, 'Date');
      if (prefix !== 'Date ') base = `${prefix}${base}`;
      if (keys.length === 0 && protoProps === undefined) return ctx.stylize(base, 'date');
    } else if (isError(value)) {
      base = formatError(value, constructor, tag, ctx, keys);
      if (keys.length === 0 && protoProps === undefined) return base;
    } else if (isAnyArrayBuffer(value)) {
      const arrayType = isArrayBuffer(value) ? 'ArrayBuffer' : 'SharedArrayBuffer';
      const prefix = getPrefix(constructor, tag, arrayType);
      if (typedArray === undefined) {
        formatter = formatArrayBuffer;
      } else if (keys.length === 0 && protoProps === undefined) {
        return prefix + `{ [byteLength]: ${formatNumber(ctx.stylize, value.byteLength, false)} }`;
      }
      braces[0] = `${prefix}{`;
      extraKeys = ['byteLength'];
    } else if (isDataView(value)) {
      braces[0] = `${getPrefix(constructor, tag, 'DataView')}{`;
      extraKeys = ['byteLength', 'byteOffset', 'buffer'];
    } else if (isPromise(value)) {
      braces[0] = `${getPrefix(constructor, tag, 'Promise')}{`;
      formatter = formatPromise;
    } else if (isWeakSet(value)) {
      braces[0] = `${getPrefix(constructor, tag, 'WeakSet')}{`;
      formatter = ctx.showHidden ? formatWeakSet : formatWeakCollection;
    } else if (isWeakMap(value)) {
      braces[0] = `${getPrefix(constructor, tag, 'WeakMap')}{`;
      formatter = ctx.showHidden ? formatWeakMap : formatWeakCollection;
    } else if (isModuleNamespaceObject(value)) {
      braces[0] = `${getPrefix(constructor, tag, 'Module')}{`;
      const namespaceKeys = keys;
      formatter = (c, v, r) => formatNamespaceObject(namespaceKeys, c, v, r);
    } else if (isBoxedPrimitive(value)) {
      base = getBoxedBase(value, ctx, keys, constructor, tag);
      if (keys.length === 0 && protoProps === undefined) return base;
    } else if (isURL(value) && !(recurseTimes > ctx.depth && ctx.depth !== null)) {
      base = value.href;
      if (keys.length === 0 && protoProps === undefined) return base;
    } else {
      if (keys.length === 0 && protoProps === undefined) {
        if (isExternal(value)) return ctx.stylize('[External: <address>]', 'special');
        return `${getCtxStyle(value, constructor, tag)}{}`;
      }
      braces[0] = `${getCtxStyle(value, constructor, tag)}{`;
    }
  }

  if (recurseTimes > ctx.depth && ctx.depth !== null) {
    let name = getCtxStyle(value, constructor, tag).slice(0, -1);
    if (constructor !== null) name = `[${name}]`;
    return ctx.stylize(name, 'special');
  }
  recurseTimes += 1;

  ctx.seen.push(value);
  ctx.currentDepth = recurseTimes;
  let output;
  const indentationLvl = ctx.indentationLvl;
  try {
    output = formatter(ctx, value, recurseTimes);
    if (extraKeys !== undefined) {
      for (let i = 0; i < extraKeys.length; i++) {
        let formatted;
        try {
          formatted = formatExtraProperty(ctx, value, recurseTimes, extraKeys[i], typedArray);
        } catch {
          const tmp = { [extraKeys[i]]: value.buffer[extraKeys[i]] };
          formatted = formatExtraProperty(ctx, tmp, recurseTimes, extraKeys[i], typedArray);
        }
        output.push(formatted);
      }
    }
    for (let i = 0; i < keys.length; i++) {
      output.push(formatProperty(ctx, value, recurseTimes, keys[i], extrasType));
    }
    if (protoProps !== undefined) output.push(...protoProps);
  } catch (err) {
    if (!isStackOverflowError(err)) throw err;
    const name = getCtxStyle(value, constructor, tag).slice(0, -1);
    return handleMaxCallStackSize(ctx, err, name, indentationLvl);
  }

  if (ctx.circular !== undefined) {
    const index = ctx.circular.get(value);
    if (index !== undefined) {
      const reference = ctx.stylize(`<ref *${index}>`, 'special');
      if (ctx.compact !== true) {
        base = base === '' ? reference : `${reference} ${base}`;
      } else {
        braces[0] = `${reference} ${braces[0]}`;
      }
    }
  }
  ctx.seen.pop();

  if (ctx.sorted) {
    const comparator = ctx.sorted === true ? undefined : ctx.sorted;
    if (extrasType === kObjectType) {
      output.sort(comparator);
    } else if (keys.length > 1) {
      // Sort only the trailing named properties of array-likes.
      const sorted = output.slice(output.length - keys.length).sort(comparator);
      output.splice(output.length - keys.length, keys.length, ...sorted);
    }
  }

  const res = reduceToSingleString(ctx, output, base, braces, extrasType, recurseTimes, value);
  const budget = ctx.budget[ctx.indentationLvl] || 0;
  const newLength = budget + res.length;
  ctx.budget[ctx.indentationLvl] = newLength;
  // Stop descending once the output gets huge (keeps the string size sane).
  if (newLength > 2 ** 27) ctx.depth = -1;
  return res;
}

let lazyURL;
function isURL(value) {
  if (typeof value.href !== 'string') return false;
  if (lazyURL === undefined) lazyURL = typeof globalThis.URL === 'function' ? globalThis.URL : null;
  return lazyURL !== null && isInstanceof(value, lazyURL);
}

function getIteratorBraces(type, tag) {
  if (tag !== `${type} Iterator`) {
    if (tag !== '') tag += '] [';
    tag += `${type} Iterator`;
  }
  return [`[${tag}] {`, '}'];
}

function getBoxedBase(value, ctx, keys, constructor, tag) {
  let primitive;
  let type;
  if (isNumberObject(value)) {
    primitive = Number.prototype.valueOf.call(value);
    type = 'Number';
  } else if (isStringObject(value)) {
    primitive = String.prototype.valueOf.call(value);
    type = 'String';
    // Drop the index keys of the characters.
    keys.splice(0, value.length);
  } else if (isBooleanObject(value)) {
    primitive = Boolean.prototype.valueOf.call(value);
    type = 'Boolean';
  } else if (isBigIntObject(value)) {
    primitive = BigInt.prototype.valueOf.call(value);
    type = 'BigInt';
  } else {
    primitive = Symbol.prototype.valueOf.call(value);
    type = 'Symbol';
  }
  let base = `[${type}`;
  if (type !== constructor) {
    base += constructor === null ? ' (null prototype)' : ` (${constructor})`;
  }
  base += `: ${formatPrimitive(stylizeNoColor, primitive, ctx)}]`;
  if (tag !== '' && tag !== constructor) base += ` [${tag}]`;
  if (keys.length !== 0 || ctx.stylize === stylizeNoColor) return base;
  return ctx.stylize(base, type.toLowerCase());
}

function getClassBase(value, constructor, tag) {
  const name = (hasOwn(value, 'name') && value.name) || '(anonymous)';
  let base = `class ${name}`;
  if (constructor !== 'Function' && constructor !== null) base += ` [${constructor}]`;
  if (tag !== '' && constructor !== tag) base += ` [${tag}]`;
  if (constructor !== null) {
    const superName = Object.getPrototypeOf(value).name;
    if (superName) base += ` extends ${superName}`;
  } else {
    base += ' extends [null prototype]';
  }
  return `[${base}]`;
}

function getFunctionBase(ctx, value, constructor, tag) {
  const source = functionToString(value);
  if (source.startsWith('class') && source[source.length - 1] === '}') {
    const body = source.slice(5, -1);
    const brace = body.indexOf('{');
    if (brace !== -1 &&
        (!body.slice(0, brace).includes('(') ||
         classBodyRegExp.exec(body.replace(commentsRegExp, '')) !== null)) {
      return getClassBase(value, constructor, tag);
    }
  }
  let type = 'Function';
  if (isGeneratorFunction(value)) type = `Generator${type}`;
  if (isAsyncFunction(value)) type = `Async${type}`;
  let base = `[${type}`;
  if (constructor === null) base += ' (null prototype)';
  if (value.name === '') {
    base += ' (anonymous)';
  } else {
    base += `: ${typeof value.name === 'string' ? value.name : formatValue(ctx, value.name)}`;
  }
  base += ']';
  if (constructor !== type && constructor !== null) base += ` ${constructor}`;
  if (tag !== '' && constructor !== tag) base += ` [${tag}]`;
  return base;
}

// --- Errors --------------------------------------------------------------------

// Longest run (> 3) of lines of `a` that also appear consecutively in `b`.
function identicalSequenceRange(a, b) {
  for (let i = 0; i < a.length - 3; i++) {
    const pos = b.indexOf(a[i]);
    if (pos !== -1) {
      const rest = b.length - pos;
      if (rest > 3) {
        let len = 1;
        const maxLen = Math.min(a.length - i, rest);
        while (maxLen > len && a[i + len] === b[pos + len]) len++;
        if (len > 3) return [len, i];
      }
    }
  }
  return [0, 0];
}

// Finds repeated blocks of stack frames (deep recursion): a flat list of
// [offset, blockLength, repetitions] triples.
function getDuplicateErrorFrameRanges(frames) {
  const result = [];
  const positionsOf = new Map();
  for (let i = 0; i < frames.length; i++) {
    const positions = positionsOf.get(frames[i]);
    if (positions === undefined) {
      positionsOf.set(frames[i], [i]);
    } else {
      positions.push(i);
    }
  }
  const minimumRange = 3;
  if (frames.length - positionsOf.size <= minimumRange) return result;

  for (let i = 0; i < frames.length - minimumRange; i++) {
    const positions = positionsOf.get(frames[i]);
    if (positions.length === 1 || positions[positions.length - 1] === i) continue;
    const current = positions.indexOf(i) + 1;
    if (current === positions.length) continue;

    let range = positions[positions.length - 1] - i;
    if (range < minimumRange) continue;
    let extraSteps;
    if (current + 1 < positions.length) {
      // Start with the GCD of the distances; keep other candidates as fallbacks.
      let gcd = 0;
      for (let j = current; j < positions.length; j++) {
        let distance = positions[j] - i;
        while (distance !== 0) {
          const remainder = gcd % distance;
          if (gcd !== 0) {
            extraSteps ??= new Set();
            extraSteps.add(gcd);
          }
          gcd = distance;
          distance = remainder;
        }
        if (gcd === 1) break;
      }
      range = gcd;
      if (extraSteps) {
        extraSteps.delete(range);
        extraSteps = [...extraSteps];
      }
    }
    let maxRange = range;
    let maxDuplicates = 0;
    let duplicates = 0;
    for (let nextStart = i + range; ; nextStart += range) {
      let equal = 0;
      for (let j = 0; j < range; j++) {
        if (frames[i + j] !== frames[nextStart + j]) break;
        equal++;
      }
      if (equal !== range) {
        if (!extraSteps?.length) break;
        if (duplicates !== 0 && maxRange * maxDuplicates < range * duplicates) {
          maxRange = range;
          maxDuplicates = duplicates;
        }
        range = extraSteps.pop();
        nextStart = i;
        duplicates = 0;
        continue;
      }
      duplicates++;
    }
    if (maxDuplicates !== 0 && maxRange * maxDuplicates >= range * duplicates) {
      range = maxRange;
      duplicates = maxDuplicates;
    }
    if (duplicates * range >= 3) {
      result.push(i + range, range, duplicates);
      i += range * (duplicates + 1) - 1;
    }
  }
  return result;
}

function getStackString(ctx, error) {
  let stack;
  try {
    stack = error.stack;
  } catch {
    // A throwing stack getter counts as no stack.
  }
  if (stack) {
    if (typeof stack === 'string') return stack;
    ctx.seen.push(error);
    ctx.indentationLvl += 4;
    const result = formatValue(ctx, stack);
    ctx.indentationLvl -= 4;
    ctx.seen.pop();
    return `${errorToString(error)}\n    ${result}`;
  }
  return errorToString(error);
}

function getStackFrames(ctx, err, stack) {
  const frames = stack.split('\n');
  let cause;
  try {
    ({ cause } = err);
  } catch {
    // Ignore a throwing cause getter.
  }

  // Frames shared with the cause's stack are summarized.
  if (cause != null && isError(cause)) {
    const causeStack = getStackString(ctx, cause);
    const causeStackStart = causeStack.indexOf('\n    at');
    if (causeStackStart !== -1) {
      const causeFrames = causeStack.slice(causeStackStart + 1).split('\n');
      const [len, offset] = identicalSequenceRange(frames, causeFrames);
      if (len > 0) {
        const skipped = len - 2;
        const msg = `    ... ${skipped} lines matching cause stack trace ...`;
        frames.splice(offset + 1, skipped, ctx.stylize(msg, 'undefined'));
      }
    }
  }

  // Repeated frames from recursion are collapsed.
  if (frames.length > 10) {
    const ranges = getDuplicateErrorFrameRanges(frames);
    for (let i = ranges.length - 3; i >= 0; i -= 3) {
      const offset = ranges[i];
      const length = ranges[i + 1];
      const times = ranges[i + 2];
      const msg = `    ... collapsed ${length * times} duplicate lines matching above ` +
        (times > 1 ? `${length} lines ${times} times...` : 'lines ...');
      frames.splice(offset, length * times, ctx.stylize(msg, 'undefined'));
    }
  }
  return frames;
}

// Makes the first line of the stack name the actual class (and null
// prototype / tag) when it differs from what the stack says.
function improveStack(stack, constructor, name, tag) {
  let len = name.length;
  if (typeof name !== 'string') {
    stack = stack.replace(`${name}`, `${name} [${getPrefix(constructor, tag, 'Error').slice(0, -1)}]`);
  }
  if (constructor === null ||
      (String.prototype.endsWith.call(name, 'Error') &&
       stack.startsWith(name) &&
       (stack.length === len || stack[len] === ':' || stack[len] === '\n'))) {
    let fallback = 'Error';
    if (constructor === null) {
      const start = /^([A-Z][a-z_ A-Z0-9[\]()-]+)(?::|\n {4}at)/.exec(stack) ||
        /^([a-z_A-Z0-9-]*Error)$/.exec(stack);
      fallback = start?.[1] || '';
      len = fallback.length;
      fallback ||= 'Error';
    }
    const prefix = getPrefix(constructor, tag, fallback).slice(0, -1);
    if (name !== prefix) {
      if (prefix.includes(name)) { // (`name` may be a non-string here)
        stack = len === 0 ? `${prefix}: ${stack}` : `${prefix}${stack.slice(len)}`;
      } else {
        stack = `${prefix} [${name}]${stack.slice(len)}`;
      }
    }
  }
  return stack;
}

// Underlines package names after node_modules/ in a stack line.
function markNodeModules(ctx, line) {
  let result = '';
  let lastPos = 0;
  let searchFrom = 0;
  while (true) {
    const at = line.indexOf('node_modules', searchFrom);
    if (at === -1) break;
    const before = line[at - 1];
    const after = line[at + 12];
    if ((after !== '/' && after !== '\\') || (before !== '/' && before !== '\\')) {
      searchFrom = at + 1;
      continue;
    }
    const moduleStart = at + 13;
    result += line.slice(lastPos, moduleStart);
    let moduleEnd = line.indexOf(before, moduleStart);
    if (line[moduleStart] === '@') moduleEnd = line.indexOf(before, moduleEnd + 1);
    result += ctx.stylize(line.slice(moduleStart, moduleEnd), 'module');
    lastPos = moduleEnd;
    searchFrom = moduleEnd;
  }
  if (lastPos !== 0) line = result + line.slice(lastPos);
  return line;
}

// Greys out the working directory part of a stack line.
function markCwd(ctx, line, cwd) {
  let start = line.indexOf(cwd);
  let cwdLength = cwd.length;
  if (start === -1) return line;
  if (line.slice(start - 7, start) === 'file://') {
    cwdLength += 7;
    start -= 7;
  }
  const from = line[start - 1] === '(' ? start - 1 : start;
  const end = from !== start && line.endsWith(')') ? -1 : line.length;
  const cwdEnd = start + cwdLength + 1;
  let result = line.slice(0, from);
  result += ctx.stylize(line.slice(from, cwdEnd), 'undefined');
  result += line.slice(cwdEnd, end);
  if (end === -1) result += ctx.stylize(')', 'undefined');
  return result;
}

let lazyBuiltinModules;
// Whether `id` (from a "node:<id>" stack frame) names a built-in module.
function isBuiltinModuleId(id) {
  if (id.startsWith('internal/')) return true;
  if (lazyBuiltinModules === undefined) {
    try {
      lazyBuiltinModules = new Set(require('module').builtinModules);
    } catch {
      lazyBuiltinModules = null;
    }
  }
  return lazyBuiltinModules === null || lazyBuiltinModules.has(id);
}

function safeGetCWD() {
  try {
    return process.cwd();
  } catch {
    return undefined;
  }
}

function pathToFileUrlHref(path) {
  const encoded = encodeURI(path).replace(/[?#]/g, encodeURIComponent);
  return `file://${encoded}`;
}

function formatError(err, constructor, tag, ctx, keys) {
  let message;
  let name;
  let stack;
  try {
    stack = getStackString(ctx, err);
  } catch {
    return objectToString(err);
  }

  let messageThrows = false;
  try {
    message = err.message;
  } catch {
    messageThrows = true;
  }
  let nameThrows = false;
  try {
    name = err.name;
  } catch {
    nameThrows = true;
  }

  // Hide own stack/message/name properties that the stack already shows.
  if (!ctx.showHidden && keys.length !== 0) {
    const stackIndex = keys.indexOf('stack');
    if (stackIndex !== -1) keys.splice(stackIndex, 1);
    if (!messageThrows) {
      const index = keys.indexOf('message');
      if (index !== -1 && (typeof message !== 'string' || stack.includes(message))) {
        keys.splice(index, 1);
      }
    }
    if (!nameThrows) {
      const index = keys.indexOf('name');
      if (index !== -1 && (typeof name !== 'string' || stack.includes(name))) {
        keys.splice(index, 1);
      }
    }
  }
  name ??= 'Error';

  if (hasOwn(err, 'cause') && (keys.length === 0 || !keys.includes('cause'))) {
    keys.push('cause');
  }
  try {
    const errors = err.errors;
    if (Array.isArray(errors) && hasOwn(err, 'errors') &&
        (keys.length === 0 || !keys.includes('errors'))) {
      keys.push('errors');
    }
  } catch {
    // Ignore a throwing errors getter.
  }

  stack = improveStack(stack, constructor, name, tag);

  // The message may contain "\n    at"; search for frames after it.
  let pos = (message && stack.indexOf(message)) || -1;
  if (pos !== -1) pos += message.length;
  const stackStart = stack.indexOf('\n    at', pos);
  if (stackStart === -1) {
    stack = `[${stack}]`;
  } else {
    let newStack = stack.slice(0, stackStart);
    const lines = getStackFrames(ctx, err, stack.slice(stackStart + 1));
    if (ctx.colors) {
      const cwd = safeGetCWD();
      let cwdHref;
      for (let line of lines) {
        const core = coreFrameRegExp.exec(line);
        if (core !== null && isBuiltinModuleId(core[1])) {
          newStack += `\n${ctx.stylize(line, 'undefined')}`;
        } else {
          newStack += '\n';
          line = markNodeModules(ctx, line);
          if (cwd !== undefined) {
            let marked = markCwd(ctx, line, cwd);
            if (marked === line) {
              cwdHref ??= pathToFileUrlHref(cwd);
              marked = markCwd(ctx, line, cwdHref);
            }
            line = marked;
          }
          newStack += line;
        }
      }
    } else {
      newStack += `\n${join(lines, '\n')}`;
    }
    stack = newStack;
  }
  if (ctx.indentationLvl !== 0) {
    stack = stack.replaceAll('\n', `\n${' '.repeat(ctx.indentationLvl)}`);
  }
  return stack;
}

// --- Arrays, grouping and numbers --------------------------------------------

// Lays out many short array entries in aligned columns.
function groupArrayElements(ctx, output, value) {
  let totalLength = 0;
  let maxLength = 0;
  let outputLength = output.length;
  if (ctx.maxArrayLength < output.length) {
    // Leave out the "... more items" entry.
    outputLength--;
  }
  const separatorSpace = 2; // ", "
  const dataLen = new Array(outputLength);
  for (let i = 0; i < outputLength; i++) {
    const len = getStringWidth(output[i], ctx.colors);
    dataLen[i] = len;
    totalLength += len + separatorSpace;
    if (maxLength < len) maxLength = len;
  }
  const actualMax = maxLength + separatorSpace;
  // Need room for three columns, and entries of similar length.
  if (actualMax * 3 + ctx.indentationLvl < ctx.breakLength &&
      (totalLength / actualMax > 5 || maxLength <= 6)) {
    const approxCharHeights = 2.5;
    const averageBias = Math.sqrt(actualMax - totalLength / output.length);
    const biasedMax = Math.max(actualMax - 3 - averageBias, 1);
    const columns = Math.min(
      Math.round(Math.sqrt(approxCharHeights * biasedMax * outputLength) / biasedMax),
      Math.floor((ctx.breakLength - ctx.indentationLvl) / actualMax),
      ctx.compact * 4,
      15,
    );
    if (columns <= 1) return output;

    const grouped = [];
    const columnWidths = [];
    for (let i = 0; i < columns; i++) {
      let width = 0;
      for (let j = i; j < output.length; j += columns) {
        if (dataLen[j] > width) width = dataLen[j];
      }
      columnWidths.push(width + separatorSpace);
    }
    // Numbers are right-aligned, everything else left-aligned.
    let padStart = true;
    if (value !== undefined) {
      for (let i = 0; i < output.length; i++) {
        if (typeof value[i] !== 'number' && typeof value[i] !== 'bigint') {
          padStart = false;
          break;
        }
      }
    }
    for (let i = 0; i < outputLength; i += columns) {
      const max = Math.min(i + columns, outputLength);
      let line = '';
      let j = i;
      for (; j < max - 1; j++) {
        // Invisible color codes don't take room: widen the padding for them.
        const padding = columnWidths[j - i] + output[j].length - dataLen[j];
        line += padStart ? `${output[j]}, `.padStart(padding, ' ') : `${output[j]}, `.padEnd(padding, ' ');
      }
      if (padStart) {
        const padding = columnWidths[j - i] + output[j].length - dataLen[j] - separatorSpace;
        line += output[j].padStart(padding, ' ');
      } else {
        line += output[j];
      }
      grouped.push(line);
    }
    if (ctx.maxArrayLength < output.length) grouped.push(output[outputLength]);
    output = grouped;
  }
  return output;
}

function handleMaxCallStackSize(ctx, err, constructorName, indentationLvl) {
  ctx.seen.pop();
  ctx.indentationLvl = indentationLvl;
  return ctx.stylize(
    `[${constructorName}: Inspection interrupted prematurely. Maximum call stack size exceeded.]`,
    'special',
  );
}

// "1234567" -> "1_234_567"
function addNumericSeparator(integerString) {
  let result = '';
  let i = integerString.length;
  const start = integerString[0] === '-' ? 1 : 0;
  for (; i >= start + 4; i -= 3) {
    result = `_${integerString.slice(i - 3, i)}${result}`;
  }
  return i === integerString.length ? integerString : `${integerString.slice(0, i)}${result}`;
}

// "1234567" (fraction digits) -> "123_456_7"
function addNumericSeparatorEnd(integerString) {
  let result = '';
  let i = 0;
  for (; i < integerString.length - 3; i += 3) {
    result += `${integerString.slice(i, i + 3)}_`;
  }
  return i === 0 ? integerString : `${result}${integerString.slice(i)}`;
}

const remainingText = (remaining) => `... ${remaining} more item${remaining > 1 ? 's' : ''}`;

function formatNumber(fn, number, numericSeparator) {
  if (!numericSeparator) {
    if (Object.is(number, -0)) return fn('-0', 'number');
    return fn(`${number}`, 'number');
  }
  const numberString = String(number);
  const integer = Math.trunc(number);
  if (integer === number) {
    if (!Number.isFinite(number) || numberString.includes('e')) return fn(numberString, 'number');
    return fn(addNumericSeparator(numberString), 'number');
  }
  if (Number.isNaN(number)) return fn(numberString, 'number');
  const dot = numberString.indexOf('.');
  const integerPart = numberString.slice(0, dot);
  const fractionalPart = numberString.slice(dot + 1);
  return fn(`${addNumericSeparator(integerPart)}.${addNumericSeparatorEnd(fractionalPart)}`, 'number');
}

function formatBigInt(fn, bigint, numericSeparator) {
  const string = String(bigint);
  if (!numericSeparator) return fn(`${string}n`, 'bigint');
  return fn(`${addNumericSeparator(string)}n`, 'bigint');
}

function formatPrimitive(fn, value, ctx) {
  if (typeof value === 'string') {
    let trailer = '';
    if (value.length > ctx.maxStringLength) {
      const remaining = value.length - ctx.maxStringLength;
      value = value.slice(0, ctx.maxStringLength);
      trailer = `... ${remaining} more character${remaining > 1 ? 's' : ''}`;
    }
    // Long strings are split after each newline and joined with " +".
    if (ctx.compact !== true &&
        value.length > kMinLineLength &&
        value.length > ctx.breakLength - ctx.indentationLvl - 4) {
      return value.split(/(?<=\n)/)
        .map((line) => fn(strEscape(line), 'string'))
        .join(` +\n${' '.repeat(ctx.indentationLvl + 2)}`) + trailer;
    }
    return fn(strEscape(value), 'string') + trailer;
  }
  if (typeof value === 'number') return formatNumber(fn, value, ctx.numericSeparator);
  if (typeof value === 'bigint') return formatBigInt(fn, value, ctx.numericSeparator);
  if (typeof value === 'boolean') return fn(`${value}`, 'boolean');
  if (typeof value === 'undefined') return fn('undefined', 'undefined');
  return fn(Symbol.prototype.toString.call(value), 'symbol');
}

function formatNamespaceObject(keys, ctx, value, recurseTimes) {
  const output = new Array(keys.length);
  for (let i = 0; i < keys.length; i++) {
    try {
      output[i] = formatProperty(ctx, value, recurseTimes, keys[i], kObjectType);
    } catch (err) {
      if (!(isNativeError(err) && err.name === 'ReferenceError')) throw err;
      // An uninitialized binding (TDZ): format a placeholder in its place.
      const tmp = { [keys[i]]: '' };
      output[i] = formatProperty(ctx, tmp, recurseTimes, keys[i], kObjectType);
      const pos = output[i].lastIndexOf(' ');
      output[i] = output[i].slice(0, pos + 1) + ctx.stylize('<uninitialized>', 'special');
    }
  }
  // The keys are printed already.
  keys.length = 0;
  return output;
}

// Arrays with holes or extra keys.
function formatSpecialArray(ctx, value, recurseTimes, maxLength, output, i) {
  const keys = ObjectKeys(value);
  let index = i;
  for (; i < keys.length && output.length < maxLength; i++) {
    const key = keys[i];
    const tmp = +key;
    if (tmp > 2 ** 32 - 2) break;
    if (`${index}` !== key) {
      if (arrayIndexRegExp.exec(key) === null) break;
      const emptyItems = tmp - index;
      output.push(ctx.stylize(`<${emptyItems} empty item${emptyItems > 1 ? 's' : ''}>`, 'undefined'));
      index = tmp;
      if (output.length === maxLength) break;
    }
    output.push(formatProperty(ctx, value, recurseTimes, key, kArrayType));
    index++;
  }
  const remaining = value.length - index;
  if (output.length !== maxLength) {
    if (remaining > 0) {
      output.push(ctx.stylize(`<${remaining} empty item${remaining > 1 ? 's' : ''}>`, 'undefined'));
    }
  } else if (remaining > 0) {
    output.push(remainingText(remaining));
  }
  return output;
}

function formatArrayBuffer(ctx, value) {
  let bytes;
  try {
    bytes = new Uint8Array(value);
  } catch {
    return [ctx.stylize('(detached)', 'special')];
  }
  let str = hexBytes(bytes, 0, Math.min(ctx.maxArrayLength, bytes.length));
  const remaining = bytes.length - ctx.maxArrayLength;
  if (remaining > 0) str += ` ... ${remaining} more byte${remaining > 1 ? 's' : ''}`;
  return [`${ctx.stylize('[Uint8Contents]', 'special')}: <${str}>`];
}

function formatArray(ctx, value, recurseTimes) {
  const valLen = value.length;
  const len = Math.min(Math.max(0, ctx.maxArrayLength), valLen);
  const remaining = valLen - len;
  const output = [];
  for (let i = 0; i < len; i++) {
    const desc = Object.getOwnPropertyDescriptor(value, i);
    if (desc === undefined) return formatSpecialArray(ctx, value, recurseTimes, len, output, i);
    output.push(formatProperty(ctx, value, recurseTimes, i, kArrayType, desc));
  }
  if (remaining > 0) output.push(remainingText(remaining));
  return output;
}

function formatTypedArray(value, length, ctx) {
  const maxLength = Math.min(Math.max(0, ctx.maxArrayLength), length);
  const remaining = value.length - maxLength;
  const output = new Array(maxLength);
  const formatElement = value.length > 0 && typeof value[0] === 'number' ? formatNumber : formatBigInt;
  for (let i = 0; i < maxLength; ++i) {
    output[i] = formatElement(ctx.stylize, value[i], ctx.numericSeparator);
  }
  if (remaining > 0) output[maxLength] = remainingText(remaining);
  return output;
}

function formatSet(value, ctx, ignored, recurseTimes) {
  const length = value.size;
  const maxLength = Math.min(Math.max(0, ctx.maxArrayLength), length);
  const remaining = length - maxLength;
  const output = [];
  ctx.indentationLvl += 2;
  let i = 0;
  for (const entry of value) {
    if (i >= maxLength) break;
    output.push(formatValue(ctx, entry, recurseTimes));
    i++;
  }
  if (remaining > 0) output.push(remainingText(remaining));
  ctx.indentationLvl -= 2;
  return output;
}

function formatMap(value, ctx, ignored, recurseTimes) {
  const length = value.size;
  const maxLength = Math.min(Math.max(0, ctx.maxArrayLength), length);
  const remaining = length - maxLength;
  const output = [];
  ctx.indentationLvl += 2;
  let i = 0;
  for (const { 0: k, 1: v } of value) {
    if (i >= maxLength) break;
    output.push(`${formatValue(ctx, k, recurseTimes)} => ${formatValue(ctx, v, recurseTimes)}`);
    i++;
  }
  if (remaining > 0) output.push(remainingText(remaining));
  ctx.indentationLvl -= 2;
  return output;
}

function formatSetIterInner(ctx, recurseTimes, entries, state) {
  const maxArrayLength = Math.max(ctx.maxArrayLength, 0);
  const maxLength = Math.min(maxArrayLength, entries.length);
  const output = new Array(maxLength);
  ctx.indentationLvl += 2;
  for (let i = 0; i < maxLength; i++) {
    output[i] = formatValue(ctx, entries[i], recurseTimes);
  }
  ctx.indentationLvl -= 2;
  // Weak entries come in no stable order: sort them for a steady output.
  if (state === kWeak && !ctx.sorted) output.sort();
  const remaining = entries.length - maxLength;
  if (remaining > 0) output.push(remainingText(remaining));
  return output;
}

function formatMapIterInner(ctx, recurseTimes, entries, state) {
  const maxArrayLength = Math.max(ctx.maxArrayLength, 0);
  // Entries come flat: [key1, value1, key2, value2, ...]
  const len = entries.length / 2;
  const remaining = len - maxArrayLength;
  const maxLength = Math.min(maxArrayLength, len);
  const output = new Array(maxLength);
  ctx.indentationLvl += 2;
  if (state === kWeak) {
    for (let i = 0; i < maxLength; i++) {
      const pos = i * 2;
      output[i] = `${formatValue(ctx, entries[pos], recurseTimes)} => ${formatValue(ctx, entries[pos + 1], recurseTimes)}`;
    }
    if (!ctx.sorted) output.sort();
  } else {
    for (let i = 0; i < maxLength; i++) {
      const pos = i * 2;
      const res = [
        formatValue(ctx, entries[pos], recurseTimes),
        formatValue(ctx, entries[pos + 1], recurseTimes),
      ];
      output[i] = reduceToSingleString(ctx, res, '', ['[', ']'], kArrayExtrasType, recurseTimes);
    }
  }
  ctx.indentationLvl -= 2;
  if (remaining > 0) output.push(remainingText(remaining));
  return output;
}

function formatWeakCollection(ctx) {
  return [ctx.stylize('<items unknown>', 'special')];
}

function formatWeakSet(ctx, value, recurseTimes) {
  return formatSetIterInner(ctx, recurseTimes, previewEntries(value), kWeak);
}

function formatWeakMap(ctx, value, recurseTimes) {
  return formatMapIterInner(ctx, recurseTimes, previewEntries(value), kWeak);
}

function formatIterator(braces, ctx, value, recurseTimes) {
  const { 0: entries, 1: isKeyValue } = previewEntries(value, true);
  if (isKeyValue) {
    braces[0] = braces[0].replace(/ Iterator] {$/, ' Entries] {');
    return formatMapIterInner(ctx, recurseTimes, entries, kMapEntries);
  }
  return formatSetIterInner(ctx, recurseTimes, entries, kIterator);
}

function formatPromise(ctx, value, recurseTimes) {
  const { 0: state, 1: result } = getPromiseDetails(value);
  if (state === kPending) return [ctx.stylize('<pending>', 'special')];
  ctx.indentationLvl += 2;
  const str = formatValue(ctx, result, recurseTimes);
  ctx.indentationLvl -= 2;
  return [state === kRejected ? `${ctx.stylize('<rejected>', 'special')} ${str}` : str];
}

function formatExtraProperty(ctx, value, recurseTimes, key, typedArray) {
  ctx.indentationLvl += 2;
  const str = formatValue(ctx, value[key], recurseTimes, typedArray);
  ctx.indentationLvl -= 2;
  return `${ctx.stylize(`[${key}]`, 'string')}: ${str}`;
}

function formatProperty(ctx, value, recurseTimes, key, type, desc, original = value) {
  let name;
  let str;
  let extra = ' ';
  desc ??= Object.getOwnPropertyDescriptor(value, key);
  if (desc.value !== undefined) {
    const diff = (ctx.compact !== true || type !== kObjectType) ? 2 : 3;
    ctx.indentationLvl += diff;
    str = formatValue(ctx, desc.value, recurseTimes);
    if (diff === 3 && ctx.breakLength < getStringWidth(str, ctx.colors)) {
      extra = `\n${' '.repeat(ctx.indentationLvl)}`;
    }
    ctx.indentationLvl -= diff;
  } else if (desc.get !== undefined) {
    const label = desc.set !== undefined ? 'Getter/Setter' : 'Getter';
    const s = ctx.stylize;
    const sp = 'special';
    if (ctx.getters && (ctx.getters === true ||
          (ctx.getters === 'get' && desc.set === undefined) ||
          (ctx.getters === 'set' && desc.set !== undefined))) {
      ctx.indentationLvl += 2;
      try {
        const tmp = desc.get.call(original);
        if (tmp === null) {
          str = `${s(`[${label}:`, sp)} ${s('null', 'null')}${s(']', sp)}`;
        } else if (typeof tmp === 'object') {
          str = `${s(`[${label}]`, sp)} ${formatValue(ctx, tmp, recurseTimes)}`;
        } else {
          str = `${s(`[${label}:`, sp)} ${formatPrimitive(s, tmp, ctx)}${s(']', sp)}`;
        }
      } catch (err) {
        const message = `<Inspection threw (${formatValue(ctx, err, recurseTimes)})>`;
        str = `${s(`[${label}:`, sp)} ${message}${s(']', sp)}`;
      }
      ctx.indentationLvl -= 2;
    } else {
      str = ctx.stylize(`[${label}]`, sp);
    }
  } else if (desc.set !== undefined) {
    str = ctx.stylize('[Setter]', 'special');
  } else {
    str = ctx.stylize('undefined', 'undefined');
  }
  if (type === kArrayType) return str;

  if (typeof key === 'symbol') {
    name = ctx.stylize(Symbol.prototype.toString.call(key).replace(escapeAllQuote, escapeChar), 'symbol');
  } else if (identifierRegExp.exec(key) !== null) {
    name = key === '__proto__' ? "['__proto__']" : ctx.stylize(key, 'name');
  } else {
    name = ctx.stylize(strEscape(key), 'string');
  }
  if (desc.enumerable === false) name = `[${name}]`;
  return `${name}:${extra}${str}`;
}

function isBelowBreakLength(ctx, output, start, base) {
  // Entries are separated by ", ": count one per entry up front.
  let totalLength = output.length + start;
  if (totalLength + output.length > ctx.breakLength) return false;
  for (let i = 0; i < output.length; i++) {
    totalLength += ctx.colors ? removeColors(output[i]).length : output[i].length;
    if (totalLength > ctx.breakLength) return false;
  }
  return base === '' || !base.includes('\n');
}

// Puts the formatted entries on one line or one line each, per the
// `compact` and `breakLength` options.
function reduceToSingleString(ctx, output, base, braces, extrasType, recurseTimes, value) {
  if (ctx.compact !== true) {
    if (typeof ctx.compact === 'number' && ctx.compact >= 1) {
      const entries = output.length;
      if (extrasType === kArrayExtrasType && entries > 6) {
        output = groupArrayElements(ctx, output, value);
      }
      // Combine up to `compact` inner levels on a single line when they fit.
      if (ctx.currentDepth - recurseTimes < ctx.compact && entries === output.length) {
        const start = output.length + ctx.indentationLvl + braces[0].length + base.length + 10;
        if (isBelowBreakLength(ctx, output, start, base)) {
          const joined = join(output, ', ');
          if (!joined.includes('\n')) {
            return `${base ? `${base} ` : ''}${braces[0]} ${joined} ${braces[1]}`;
          }
        }
      }
    }
    const indentation = `\n${' '.repeat(ctx.indentationLvl)}`;
    return `${base ? `${base} ` : ''}${braces[0]}${indentation}  ${
      join(output, `,${indentation}  `)}${indentation}${braces[1]}`;
  }
  if (isBelowBreakLength(ctx, output, 0, base)) {
    return `${braces[0]}${base ? ` ${base}` : ''} ${join(output, ', ')} ${braces[1]}`;
  }
  const indentation = ' '.repeat(ctx.indentationLvl);
  // A long opening brace ("Set {") pushes the first entry to the next line.
  const ln = base === '' && braces[0].length === 1 ?
    ' ' : `${base ? ` ${base}` : ''}\n${indentation}  `;
  return `${braces[0]}${ln}${join(output, `,\n${indentation}  `)} ${braces[1]}`;
}

// --- format() ----------------------------------------------------------------

// True when `value` would stringify through a built-in toString (so %s
// should inspect it instead).
function hasBuiltInToString(value) {
  const proxyTarget = getProxyDetails(value, false);
  if (proxyTarget !== undefined) {
    if (proxyTarget === null) return true;
    value = proxyTarget;
  }

  let hasOwnToString = hasOwn;
  let hasOwnToPrimitive = hasOwn;
  if (typeof value.toString !== 'function') {
    if (typeof value[Symbol.toPrimitive] !== 'function') return true;
    if (hasOwn(value, Symbol.toPrimitive)) return false;
    hasOwnToString = returnFalse;
  } else if (hasOwn(value, 'toString')) {
    return false;
  } else if (typeof value[Symbol.toPrimitive] !== 'function') {
    hasOwnToPrimitive = returnFalse;
  } else if (hasOwn(value, Symbol.toPrimitive)) {
    return false;
  }

  let pointer = value;
  do {
    pointer = Object.getPrototypeOf(pointer);
  } while (!hasOwnToString(pointer, 'toString') && !hasOwnToPrimitive(pointer, Symbol.toPrimitive));

  const descriptor = Object.getOwnPropertyDescriptor(pointer, 'constructor');
  return descriptor !== undefined &&
    typeof descriptor.value === 'function' &&
    builtInObjects.has(descriptor.value.name);
}

function returnFalse() {
  return false;
}

const firstErrorLine = (error) => error.message.split('\n', 1)[0];
let circularErrorMessage;
function tryStringify(arg) {
  try {
    return JSON.stringify(arg);
  } catch (err) {
    if (!circularErrorMessage) {
      try {
        const a = {};
        a.a = a;
        JSON.stringify(a);
      } catch (circularError) {
        circularErrorMessage = firstErrorLine(circularError);
      }
    }
    if (err.name === 'TypeError' && firstErrorLine(err) === circularErrorMessage) {
      return '[Circular]';
    }
    throw err;
  }
}

function format(...args) {
  return formatWithOptionsInternal(undefined, args);
}

function formatWithOptions(inspectOptions, ...args) {
  validateObject(inspectOptions, 'inspectOptions', true);
  return formatWithOptionsInternal(inspectOptions, args);
}

function formatNumberNoColor(number, options) {
  return formatNumber(stylizeNoColor, number,
                      options?.numericSeparator ?? inspectDefaultOptions.numericSeparator);
}

function formatBigIntNoColor(bigint, options) {
  return formatBigInt(stylizeNoColor, bigint,
                      options?.numericSeparator ?? inspectDefaultOptions.numericSeparator);
}

function formatWithOptionsInternal(inspectOptions, args) {
  const first = args[0];
  let a = 0;
  let str = '';
  let separator = '';

  if (typeof first === 'string') {
    if (args.length === 1) return first;
    let tempStr;
    let lastPos = 0;
    for (let i = 0; i < first.length - 1; i++) {
      if (first.charCodeAt(i) !== 37) continue; // '%'
      const nextChar = first.charCodeAt(++i);
      if (a + 1 !== args.length) {
        switch (nextChar) {
          case 115: { // 's'
            const arg = args[++a];
            if (typeof arg === 'number') {
              tempStr = formatNumberNoColor(arg, inspectOptions);
            } else if (typeof arg === 'bigint') {
              tempStr = formatBigIntNoColor(arg, inspectOptions);
            } else if (typeof arg !== 'object' || arg === null || !hasBuiltInToString(arg)) {
              tempStr = String(arg);
            } else {
              tempStr = inspect(arg, { ...inspectOptions, compact: 3, colors: false, depth: 0 });
            }
            break;
          }
          case 106: // 'j'
            tempStr = tryStringify(args[++a]);
            break;
          case 100: { // 'd'
            const arg = args[++a];
            if (typeof arg === 'bigint') {
              tempStr = formatBigIntNoColor(arg, inspectOptions);
            } else if (typeof arg === 'symbol') {
              tempStr = 'NaN';
            } else {
              tempStr = formatNumberNoColor(Number(arg), inspectOptions);
            }
            break;
          }
          case 79: // 'O'
            tempStr = inspect(args[++a], inspectOptions);
            break;
          case 111: // 'o'
            tempStr = inspect(args[++a], { ...inspectOptions, showHidden: true, showProxy: true, depth: 4 });
            break;
          case 105: { // 'i'
            const arg = args[++a];
            if (typeof arg === 'bigint') {
              tempStr = formatBigIntNoColor(arg, inspectOptions);
            } else if (typeof arg === 'symbol') {
              tempStr = 'NaN';
            } else {
              tempStr = formatNumberNoColor(Number.parseInt(arg), inspectOptions);
            }
            break;
          }
          case 102: { // 'f'
            const arg = args[++a];
            tempStr = typeof arg === 'symbol' ? 'NaN' :
              formatNumberNoColor(Number.parseFloat(arg), inspectOptions);
            break;
          }
          case 99: // 'c'
            a += 1;
            tempStr = '';
            break;
          case 37: // '%'
            str += first.slice(lastPos, i);
            lastPos = i + 1;
            continue;
          default: // Not a placeholder.
            continue;
        }
        if (lastPos !== i - 1) str += first.slice(lastPos, i - 1);
        str += tempStr;
        lastPos = i + 1;
      } else if (nextChar === 37) {
        str += first.slice(lastPos, i);
        lastPos = i + 1;
      }
    }
    if (lastPos !== 0) {
      a++;
      separator = ' ';
      if (lastPos < first.length) str += first.slice(lastPos);
    }
  }

  while (a < args.length) {
    const value = args[a];
    str += separator;
    str += typeof value !== 'string' ? inspect(value, inspectOptions) : value;
    separator = ' ';
    a++;
  }
  return str;
}

// --- String width ------------------------------------------------------------

// Display width of every code point >= 0x7f whose width is not 1, as Unicode
// (East Asian Width, emoji presentation, nonspacing/enclosing marks and
// format controls) defines it. Encoded as comma-separated
// "<gap from previous range end><+ wide | - zero><range length - 1>", base 36.
const kWidthTable =
  '3j-w,gx-33,7o-6,7c-18,2-0,2-1,2-1,2-0,1l-5,b-a,2-0,1b-k,h-0,2u-7,2-5,3-1,2-3,y-0,2-0,' +
  'v-q,2k-a,1n-8,a-0,p-3,2-8,2-2,2-4,18-2,1h-1,6-8,17-1k,1k-0,2-0,5-7,5-0,4-6,b-1,u-0,1n-0,' +
  '5-3,9-0,l-1,r-0,3-1,1m-0,5-1,5-1,3-2,4-0,v-1,4-0,c-1,1m-0,5-4,2-1,5-0,l-1,n-5,2-0,1n-0,' +
  '3-0,2-3,9-0,8-1,c-1,v-0,1q-0,d-0,1f-0,4-0,1k-0,2-2,6-2,2-3,8-1,c-1,u-0,1n-0,3-0,7-0,6-1,' +
  'l-1,t-1,1m-1,5-3,9-0,l-1,u-0,21-0,8-2,2-0,2j-0,3-6,d-7,2r-0,3-8,c-6,22-1,s-0,2-0,2-0,' +
  '1k-d,2-4,2-1,6-a,2-z,a-0,2v-3,2-5,2-1,3-1,q-1,5-2,h-3,e-0,3-1,7-0,g-0,2r+2n,e6-2,qb-2,' +
  'u-1,v-1,v-1,1t-1,2-6,9-0,3-a,a-0,1a-4,3a-1,z-0,3b-2,5-1,a-0,7-2,64-1,3-0,1n-0,2-6,2-0,' +
  '2-0,3-7,7-9,3-0,1d-19,3-b,l-3,1d-0,2-4,2-0,6-0,15-8,d-1,x-3,3-1,2-2,1l-0,2-1,4-0,2-2,' +
  '1n-7,3-1,49-2,2-c,2-6,5-0,7-0,4-1,5j-1r,ek-4,r-4,1e-4,2-9,2p-w,fe+1,e+1,5b+3,4+0,3+0,' +
  'ei+1,m+1,r+7,h+b,18+0,b+5,4+0,e+0,9+1,i+1,6+1,9+0,6+0,m+0,8+1,2+0,5+0,3+0,8+0,5+1,t+0,' +
  '10+0,2+0,5+2,2+0,1q+2,p+0,f+0,nw+1,1g+0,5+0,be-2,3y-0,2p-v,3l+p,2+2g,d+5x,r+26,3+2d,' +
  '3+2u,6+16,2+2l,2+2d,a+1b,2+13,9+mkc,4+1i,bt-3,2-9,x-1,29-1,7l-0,4-0,5-0,q-1,6-0,48-1,' +
  'r-h,e-0,13-7,q-a,f+s,4-2,1d-0,3-3,3-1,14-0,1w-5,3-1,3-1,d-0,9-0,1c-0,1g-0,2-2,3-1,6-1,' +
  '2-0,17-1,9-0,6n-0,3-0,5-0,j+8mb,6l9+e7,v-0,ki-f,1+9,7-f,1+y,2+i,2+3,44-0,2+2n,3k+6,j-2,' +
  'ea-0,6b-0,46-4,1af-2,2-1,6-3,15-2,5-0,4m-1,fy-3,1u-4,8u-1,26-5,1z-a,1e-3,3g-0,1j-e,16-0,' +
  '3-1,b-2,1e-3,3-1,3-0,5-0,b-0,1f-2,11-4,2-7,1r-0,d-1,1h-8,b-3,3-0,2o-2,3-0,2-1,7-0,3-0,' +
  '4e-0,4-7,m-1,1m-1,4-0,12-6,4-4,1z-5,e-0,2-0,2-0,f-1,2e-7,3-2,2-0,o-0,2d-5,2-0,5-1,2-1,' +
  '6n-3,7-1,2-1,s-1,2e-7,3-0,2-1,2z-0,2-0,3-5,2-0,2u-0,2-0,3-3,2-4,78-8,2-1,75-1,2-0,5-0,' +
  '41-3,3-1,5-0,x-9,15-5,3-3,9-0,a-5,3-2,1b-c,2-1,5j-0,2-2,2-0,5m-6,2-5,2-0,2b-l,3-6,2-1,' +
  '2-1,3f-5,4-0,2-1,2-6,2-0,21-1,4-0,2-0,9o-1,c-1,1h-4,6-0,2-0,o-0,446-g,7-e,8uh-b,4-2,' +
  '1xd-4,1o-6,t5-0,1s-3,26+4,c+6,a+5p1,16+v,2q+36,6pq+3,2+6,2+1,2+82,g+0,u+2,3+0,f+3,9+az,' +
  '1wi-1,2-3,3ml-19,3-m,f5-2,a-f,3-6,v-3,45-2,58+2e,a+m,1ai-1i,5-1d,9-0,f-0,n-4,2-e,11t-6,' +
  '2-g,3-6,2-1,2-4,2t-0,4h-6,ag-0,1q-3,e5-3,73-1,6s-0,3-0,8-1,6-0,d7-6,32-6,1bu+0,5n+0,' +
  '5b+0,3+9,24+s,e+17,5+8,8+1,f+5,4b+w,d+8,2+1x,2+l,d+16,5+4,d+g,4+0,4+1y,2+0,2+56,3+1q,' +
  'e+3,2+n,j+0,r+1,e+0,2f+2c,1d+1x,7+0,4+2,3+3,4+3,c+1,8+8,6c+b,5+0,7w+1a,2+9,2+54,35+c,' +
  '4+a,4+1k,2+0,5+f,3+b,5+9,zs+1ekd,3+1ekd,e1ok-0,v-2n,3l-6n';

let widthRanges;
// Lazily decodes kWidthTable into [start, end, width] triples.
function getWidthRanges() {
  if (widthRanges === undefined) {
    widthRanges = [];
    let prev = 0;
    for (const part of kWidthTable.split(',')) {
      const wide = part.indexOf('+');
      const sep = wide !== -1 ? wide : part.indexOf('-');
      const start = prev + parseInt(part.slice(0, sep), 36);
      const end = start + parseInt(part.slice(sep + 1), 36);
      widthRanges.push(start, end, wide !== -1 ? 2 : 0);
      prev = end;
    }
  }
  return widthRanges;
}

function codePointWidth(code) {
  if (code < 0x7f) return code >= 32 ? 1 : 0;
  const ranges = getWidthRanges();
  let lo = 0;
  let hi = ranges.length / 3 - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (code < ranges[mid * 3]) {
      hi = mid - 1;
    } else if (code > ranges[mid * 3 + 1]) {
      lo = mid + 1;
    } else {
      return ranges[mid * 3 + 2];
    }
  }
  return 1;
}

/**
 * Number of terminal columns `str` takes (wide East Asian characters count
 * two, combining marks and controls zero).
 */
function getStringWidth(str, removeControlChars = true) {
  let width = 0;
  if (removeControlChars) str = stripVTControlCharacters(str);
  for (let i = 0; i < str.length; i++) {
    const code = str.charCodeAt(i);
    if (code >= 127) {
      // Non-ASCII rest: normalize, then measure per code point.
      let rest = str.slice(i);
      try {
        rest = rest.normalize('NFC');
      } catch {
        // Keep it as is.
      }
      for (const char of rest) width += codePointWidth(char.codePointAt(0));
      break;
    }
    width += code >= 32 ? 1 : 0;
  }
  return width;
}

function isZeroWidthCodePoint(code) {
  return code <= 0x1F ||
    (code >= 0x7F && code <= 0x9F) ||
    (code >= 0x300 && code <= 0x36F) ||
    (code >= 0x200B && code <= 0x200F) ||
    (code >= 0x20D0 && code <= 0x20FF) ||
    (code >= 0xFE00 && code <= 0xFE0F) ||
    (code >= 0xFE20 && code <= 0xFE2F) ||
    (code >= 0xE0100 && code <= 0xE01EF);
}

/** Removes all VT control sequences (ANSI escapes) from `str`. */
function stripVTControlCharacters(str) {
  validateString(str, 'str');
  if (str.indexOf('\u001B') === -1 && str.indexOf('\u009B') === -1) return str;
  return str.replace(ansiRegExp, '');
}

module.exports = {
  identicalSequenceRange,
  inspect,
  inspectDefaultOptions,
  format,
  formatWithOptions,
  getStringWidth,
  stripVTControlCharacters,
  isZeroWidthCodePoint,
};
