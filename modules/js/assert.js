'use strict';

// assert: Node's assertion functions. Every failure throws an AssertionError
// (internal/assert/assertion_error) with Node's generated messages; the
// arguments are validated with Node's error codes. `assert.strict` (and the
// 'assert/strict' module) is the same API with the strict comparisons.
//
// A failing `assert(value)` / `assert.ok(value)` without a message quotes the
// call from the caller's source line, as Node does (`value == true` when the
// source can't be found). `new assert.Assert(options)` makes an assert object
// with its own options: `diff` ('simple' or 'full' messages), `strict` (the
// loose methods become strict; the default) and `skipPrototype` (deep strict
// comparisons ignore prototypes).

const AssertionError = require('internal/assert/assertion_error');
const {
  isDeepEqual, isDeepStrictEqual, isPartialStrictEqual,
} = require('internal/util/comparisons');
const { inspect } = require('internal/util/inspect');
const { isPromise, isRegExp, isNativeError } = require('internal/util/types');
const { validateFunction, validateOneOf } = require('internal/validators');
const {
  codes: {
    ERR_AMBIGUOUS_ARGUMENT,
    ERR_CONSTRUCT_CALL_REQUIRED,
    ERR_INVALID_ARG_TYPE,
    ERR_INVALID_ARG_VALUE,
    ERR_INVALID_RETURN_VALUE,
    ERR_MISSING_ARGS,
  },
} = require('internal/errors');

const RegExpPrototypeExec = RegExp.prototype.exec;
const kNoException = Symbol('no exception');
const kOptions = Symbol('options');

function isError(value) {
  return isNativeError(value) || value instanceof Error;
}

function innerFail(options) {
  if (options.message instanceof Error) throw options.message;
  throw new AssertionError(options);
}

// Where the string or template literal opened at `start` closes (-1 if it doesn't).
function skipQuoted(code, start) {
  const quote = code[start];
  for (let i = start + 1; i < code.length; i++) {
    if (code[i] === '\\') i++;
    else if (code[i] === quote) return i;
  }
  return -1;
}

const kIdentifierStart = /[\p{ID_Start}$_\\]/u;
const kIdentifierChar = /[\p{ID_Continue}$\u200c\u200d\\]/u;
const kMemberAccess = new Set(['.', '?.', '[', ']']);

// Where the member chain leading to the callee at `column` (`assert.ok`, `assert['ok']`,
// `a?.b.ok`) starts in `line`: its first name, found by scanning the tokens before
// `column` as Node does; `column` itself when the callee is a plain name.
function memberChainStart(line, column) {
  let chainStart = -1;
  let lastNameStart = -1;
  let i = 0;
  while (i < column) {
    const ch = line[i];
    if (ch === ' ' || ch === '\t') {
      i++;
      continue;
    }
    let kind;
    const tokenStart = i;
    if (kIdentifierStart.test(ch)) {
      while (i < line.length && kIdentifierChar.test(line[i])) i++;
      const word = line.slice(tokenStart, i);
      kind = word === 'this' || word === 'super' ? 'keyword' : 'name';
    } else if (ch === '"' || ch === "'") {
      const close = skipQuoted(line, i);
      i = close === -1 ? line.length : close + 1;
      kind = 'string';
    } else if (/[0-9]/.test(ch)) {
      while (i < line.length && /[\w.]/.test(line[i])) i++;
      kind = 'num';
    } else if (ch === '?' && line[i + 1] === '.' && !/[0-9]/.test(line[i + 2])) {
      i += 2;
      kind = '?.';
    } else {
      i++;
      kind = ch;
    }
    if (kind === ';') {
      chainStart = -1;
    } else if (kMemberAccess.has(kind)) {
      if (lastNameStart !== -1 && chainStart === -1) chainStart = lastNameStart;
    } else if (kind !== 'name' && kind !== 'string' && kind !== 'num') {
      chainStart = -1;
    }
    lastNameStart = kind === 'name' ? tokenStart : -1;
  }
  return chainStart === -1 ? column : chainStart;
}

/**
 * The call expression at `column` of a source line as Node quotes it: from the start of
 * the callee's member chain to the closing parenthesis of the call, or to the end of the
 * line when the call continues on the next line; undefined when a `;` comes first.
 */
function callExpressionAt(line, column) {
  const start = memberChainStart(line, column);
  let depth = 0;
  for (let i = column; i < line.length; i++) {
    const ch = line[i];
    if (ch === '"' || ch === "'" || ch === '`') {
      i = skipQuoted(line, i);
      if (i === -1) break;
    } else if (ch === '/' && line[i + 1] === '/') {
      return line.slice(start); // Node quotes the comment too.
    } else if (ch === '(') {
      depth++;
    } else if (ch === ')') {
      if (--depth === 0) return line.slice(start, i + 1);
    } else if (ch === ';') {
      return undefined;
    }
  }
  return line.slice(start);
}

// Control characters other than \n and \t are shown escaped.
// eslint-disable-next-line no-control-regex
const kControlCharacters = /[\x00-\x08\x0b\x0c\x0e-\x1f]/g;
function escapeControlCharacter(ch) {
  const code = ch.charCodeAt(0);
  if (code === 8) return '\\b';
  if (code === 12) return '\\f';
  return `\\u${code.toString(16).padStart(4, '0')}`;
}

/** Node's "The expression evaluated to a falsy value" message for the caller of `fn`. */
function falsyExpressionMessage(fn) {
  const { isErrorStackTraceLimitWritable } = require('internal/errors');
  const { getErrorSourceArrow } = internalBinding('engine');
  const holder = {};
  const limitWritable = isErrorStackTraceLimitWritable();
  const savedLimit = Error.stackTraceLimit;
  if (limitWritable) Error.stackTraceLimit = 1;
  Error.captureStackTrace(holder, fn);
  if (limitWritable) Error.stackTraceLimit = savedLimit;
  // "<file>:<line>\n<source line>\n<spaces>^...\n": the caller's line and its column.
  const arrowLines = getErrorSourceArrow(holder).split('\n');
  const line = arrowLines[1] ?? '';
  const marker = arrowLines[2] ?? '';
  const column = marker.indexOf('^');
  if (column === -1) return undefined;
  const source = callExpressionAt(line, column);
  if (!source) return undefined;
  const escaped = source.replace(kControlCharacters, escapeControlCharacter);
  return `The expression evaluated to a falsy value:\n\n  ${escaped}\n`;
}

function innerOk(fn, argCount, value, message) {
  if (value) return;
  let generatedMessage = false;
  if (argCount === 0) {
    generatedMessage = true;
    message = 'No value argument passed to `assert.ok()`';
  } else if (message == null) {
    generatedMessage = true;
    message = falsyExpressionMessage(fn);
  } else if (isError(message)) {
    throw message;
  }
  const err = new AssertionError({
    actual: value, expected: true, message, operator: '==', stackStartFn: fn,
  });
  err.generatedMessage = generatedMessage;
  throw err;
}

/**
 * An assert object with its own options. Its methods read the options from `this`, so a
 * method taken off the instance falls back to the defaults.
 */
function Assert(options) {
  if (!new.target) throw new ERR_CONSTRUCT_CALL_REQUIRED('Assert');
  options = Object.assign({ __proto__: null, strict: true, skipPrototype: false }, options);
  if (options.diff !== undefined) validateOneOf(options.diff, 'options.diff', ['simple', 'full']);
  this.AssertionError = AssertionError;
  Object.defineProperty(this, kOptions, {
    __proto__: null, value: options, enumerable: false, configurable: false, writable: false,
  });
  if (options.strict) {
    this.equal = this.strictEqual;
    this.deepEqual = this.deepStrictEqual;
    this.notEqual = this.notStrictEqual;
    this.notDeepEqual = this.notDeepStrictEqual;
  }
}

// The `diff` option of the Assert instance a method was called on.
function diffOption(self) {
  return self?.[kOptions]?.diff;
}

Assert.prototype.ok = function ok(...args) {
  innerOk(ok, args.length, ...args);
};

Assert.prototype.fail = function fail(message) {
  if (isError(message)) throw message;
  let generatedMessage = false;
  if (message === undefined) {
    message = 'Failed';
    generatedMessage = true;
  }
  const err = new AssertionError({
    operator: 'fail', stackStartFn: fail, message, diff: diffOption(this),
  });
  if (generatedMessage) err.generatedMessage = true;
  throw err;
};

function checkArgCount(count) {
  if (count < 2) throw new ERR_MISSING_ARGS('actual', 'expected');
}

Assert.prototype.equal = function equal(actual, expected, message) {
  checkArgCount(arguments.length);
  // eslint-disable-next-line eqeqeq
  if (actual != expected && (!Number.isNaN(actual) || !Number.isNaN(expected))) {
    innerFail({
      actual, expected, message, operator: '==', stackStartFn: equal, diff: diffOption(this),
    });
  }
};

Assert.prototype.notEqual = function notEqual(actual, expected, message) {
  checkArgCount(arguments.length);
  // eslint-disable-next-line eqeqeq
  if (actual == expected || (Number.isNaN(actual) && Number.isNaN(expected))) {
    innerFail({
      actual, expected, message, operator: '!=', stackStartFn: notEqual, diff: diffOption(this),
    });
  }
};

Assert.prototype.deepEqual = function deepEqual(actual, expected, message) {
  checkArgCount(arguments.length);
  if (!isDeepEqual(actual, expected)) {
    innerFail({
      actual, expected, message, operator: 'deepEqual', stackStartFn: deepEqual,
      diff: diffOption(this),
    });
  }
};

Assert.prototype.notDeepEqual = function notDeepEqual(actual, expected, message) {
  checkArgCount(arguments.length);
  if (isDeepEqual(actual, expected)) {
    innerFail({
      actual, expected, message, operator: 'notDeepEqual', stackStartFn: notDeepEqual,
      diff: diffOption(this),
    });
  }
};

Assert.prototype.deepStrictEqual = function deepStrictEqual(actual, expected, message) {
  checkArgCount(arguments.length);
  if (!isDeepStrictEqual(actual, expected, this?.[kOptions]?.skipPrototype)) {
    innerFail({
      actual, expected, message, operator: 'deepStrictEqual', stackStartFn: deepStrictEqual,
      diff: diffOption(this),
    });
  }
};

Assert.prototype.notDeepStrictEqual = function notDeepStrictEqual(actual, expected, message) {
  checkArgCount(arguments.length);
  if (isDeepStrictEqual(actual, expected, this?.[kOptions]?.skipPrototype)) {
    innerFail({
      actual, expected, message, operator: 'notDeepStrictEqual',
      stackStartFn: notDeepStrictEqual, diff: diffOption(this),
    });
  }
};

Assert.prototype.strictEqual = function strictEqual(actual, expected, message) {
  checkArgCount(arguments.length);
  if (!Object.is(actual, expected)) {
    innerFail({
      actual, expected, message, operator: 'strictEqual', stackStartFn: strictEqual,
      diff: diffOption(this),
    });
  }
};

Assert.prototype.notStrictEqual = function notStrictEqual(actual, expected, message) {
  checkArgCount(arguments.length);
  if (Object.is(actual, expected)) {
    innerFail({
      actual, expected, message, operator: 'notStrictEqual', stackStartFn: notStrictEqual,
      diff: diffOption(this),
    });
  }
};

Assert.prototype.partialDeepStrictEqual = function partialDeepStrictEqual(
  actual, expected, message) {
  checkArgCount(arguments.length);
  if (!isPartialStrictEqual(actual, expected)) {
    innerFail({
      actual, expected, message, operator: 'partialDeepStrictEqual',
      stackStartFn: partialDeepStrictEqual, diff: diffOption(this),
    });
  }
};

/** A view of `obj` limited to `keys`, for the diff of a failed error validation. */
class Comparison {
  constructor(obj, keys, actual) {
    for (const key of keys) {
      if (key in obj) {
        if (actual !== undefined && typeof actual[key] === 'string' && isRegExp(obj[key]) &&
            RegExpPrototypeExec.call(obj[key], actual[key]) !== null) {
          this[key] = actual[key];
        } else {
          this[key] = obj[key];
        }
      }
    }
  }
}

function compareExceptionKey(actual, expected, key, message, keys, fn, diff) {
  if (!(key in actual) || !isDeepStrictEqual(actual[key], expected[key])) {
    if (!message) {
      const a = new Comparison(actual, keys);
      const b = new Comparison(expected, keys, actual);
      const err = new AssertionError({
        actual: a, expected: b, operator: 'deepStrictEqual', stackStartFn: fn, diff,
      });
      err.actual = actual;
      err.expected = expected;
      err.operator = fn.name;
      throw err;
    }
    innerFail({ actual, expected, message, operator: fn.name, stackStartFn: fn, diff });
  }
}

function expectedException(actual, expected, message, fn, diff) {
  let generatedMessage = false;
  let throwError = false;
  if (typeof expected !== 'function') {
    if (isRegExp(expected)) {
      const str = String(actual);
      if (RegExpPrototypeExec.call(expected, str) !== null) return;
      if (!message) {
        generatedMessage = true;
        message = 'The input did not match the regular expression ' +
                  `${inspect(expected)}. Input:\n\n${inspect(str)}\n`;
      }
      throwError = true;
    } else if (typeof actual !== 'object' || actual === null) {
      const err = new AssertionError({
        actual, expected, message, operator: 'deepStrictEqual', stackStartFn: fn, diff,
      });
      err.operator = fn.name;
      throw err;
    } else {
      const keys = Object.keys(expected);
      if (expected instanceof Error) {
        keys.push('name', 'message');
      } else if (keys.length === 0) {
        throw new ERR_INVALID_ARG_VALUE('error', expected, 'may not be an empty object');
      }
      for (const key of keys) {
        if (typeof actual[key] === 'string' && isRegExp(expected[key]) &&
            RegExpPrototypeExec.call(expected[key], actual[key]) !== null) {
          continue;
        }
        compareExceptionKey(actual, expected, key, message, keys, fn, diff);
      }
      return;
    }
  } else if (expected.prototype !== undefined && actual instanceof expected) {
    return;
  } else if (Object.prototype.isPrototypeOf.call(Error, expected)) {
    if (!message) {
      generatedMessage = true;
      message = `The error is expected to be an instance of "${expected.name}". Received `;
      if (isError(actual)) {
        const name = actual.constructor?.name || actual.name;
        if (expected.name === name) {
          message += 'an error with identical name but a different prototype.';
        } else {
          message += `"${name}"`;
        }
        if (actual.message) message += `\n\nError message:\n\n${actual.message}`;
      } else {
        message += `"${inspect(actual, { depth: -1 })}"`;
      }
    }
    throwError = true;
  } else {
    const result = Reflect.apply(expected, {}, [actual]);
    if (result !== true) {
      if (!message) {
        generatedMessage = true;
        const name = expected.name ? `"${expected.name}" ` : '';
        message = `The ${name}validation function is expected to return "true". ` +
                  `Received ${inspect(result)}`;
        if (isError(actual)) message += `\n\nCaught error:\n\n${actual}`;
      }
      throwError = true;
    }
  }
  if (throwError) {
    const err = new AssertionError({
      actual, expected, message, operator: fn.name, stackStartFn: fn, diff,
    });
    err.generatedMessage = generatedMessage;
    throw err;
  }
}

function getActual(fn) {
  validateFunction(fn, 'fn');
  try {
    fn();
  } catch (err) {
    return err;
  }
  return kNoException;
}

function checkIsPromise(obj) {
  return isPromise(obj) ||
    (obj !== null && typeof obj === 'object' && typeof obj.then === 'function' &&
     typeof obj.catch === 'function');
}

async function waitForActual(promiseFn) {
  let resultPromise;
  if (typeof promiseFn === 'function') {
    resultPromise = promiseFn();
    if (!checkIsPromise(resultPromise)) {
      throw new ERR_INVALID_RETURN_VALUE('instance of Promise', 'promiseFn', resultPromise);
    }
  } else if (checkIsPromise(promiseFn)) {
    resultPromise = promiseFn;
  } else {
    throw new ERR_INVALID_ARG_TYPE('promiseFn', ['Function', 'Promise'], promiseFn);
  }
  try {
    await resultPromise;
  } catch (err) {
    return err;
  }
  return kNoException;
}

function expectsError(diff, stackStartFn, actual, error, message) {
  if (typeof error === 'string') {
    // A string `error` followed by a message argument is ambiguous.
    if (arguments.length === 5) {
      throw new ERR_INVALID_ARG_TYPE('error', ['Object', 'Error', 'Function', 'RegExp'], error);
    }
    if (typeof actual === 'object' && actual !== null) {
      if (actual.message === error) {
        throw new ERR_AMBIGUOUS_ARGUMENT(
          'error/message', `The error message "${actual.message}" is identical to the message.`);
      }
    } else if (actual === error) {
      throw new ERR_AMBIGUOUS_ARGUMENT(
        'error/message', `The error "${actual}" is identical to the message.`);
    }
    message = error;
    error = undefined;
  } else if (error != null && typeof error !== 'object' && typeof error !== 'function') {
    throw new ERR_INVALID_ARG_TYPE('error', ['Object', 'Error', 'Function', 'RegExp'], error);
  }

  if (actual === kNoException) {
    let details = '';
    if (error?.name) details += ` (${error.name})`;
    details += message ? `: ${message}` : '.';
    const fnType = stackStartFn === Assert.prototype.rejects ? 'rejection' : 'exception';
    innerFail({
      actual: undefined, expected: error, operator: stackStartFn.name,
      message: `Missing expected ${fnType}${details}`, stackStartFn, diff,
    });
  }
  if (!error) return;
  expectedException(actual, error, message, stackStartFn, diff);
}

function hasMatchingError(actual, expected) {
  if (typeof expected !== 'function') {
    if (isRegExp(expected)) {
      return RegExpPrototypeExec.call(expected, String(actual)) !== null;
    }
    throw new ERR_INVALID_ARG_TYPE('expected', ['Function', 'RegExp'], expected);
  }
  if (expected.prototype !== undefined && actual instanceof expected) return true;
  if (Object.prototype.isPrototypeOf.call(Error, expected)) return false;
  return Reflect.apply(expected, {}, [actual]) === true;
}

function expectsNoError(diff, stackStartFn, actual, error, message) {
  if (actual === kNoException) return;
  if (typeof error === 'string') {
    message = error;
    error = undefined;
  }
  if (!error || hasMatchingError(actual, error)) {
    const details = message ? `: ${message}` : '.';
    const fnType = stackStartFn === Assert.prototype.doesNotReject ? 'rejection' : 'exception';
    innerFail({
      actual, expected: error, operator: stackStartFn.name,
      message: `Got unwanted ${fnType}${details}\nActual message: "${actual?.message}"`,
      stackStartFn, diff,
    });
  }
  throw actual;
}

Assert.prototype.throws = function throws(promiseFn, ...args) {
  expectsError(diffOption(this), throws, getActual(promiseFn), ...args);
};

Assert.prototype.rejects = async function rejects(promiseFn, ...args) {
  expectsError(diffOption(this), rejects, await waitForActual(promiseFn), ...args);
};

Assert.prototype.doesNotThrow = function doesNotThrow(fn, ...args) {
  expectsNoError(diffOption(this), doesNotThrow, getActual(fn), ...args);
};

Assert.prototype.doesNotReject = async function doesNotReject(fn, ...args) {
  expectsNoError(diffOption(this), doesNotReject, await waitForActual(fn), ...args);
};

Assert.prototype.ifError = function ifError(err) {
  if (err === null || err === undefined) return;
  let message = 'ifError got unwanted exception: ';
  if (typeof err === 'object' && typeof err.message === 'string') {
    if (err.message.length === 0 && err.constructor) {
      message += err.constructor.name;
    } else {
      message += err.message;
    }
  } else {
    message += inspect(err);
  }
  const newErr = new AssertionError({
    actual: err, expected: null, operator: 'ifError', message, stackStartFn: ifError,
    diff: diffOption(this),
  });
  // Keep the original error's frames below the assertion's own.
  const originalStack = err.stack;
  if (typeof originalStack === 'string') {
    const framesStart = originalStack.indexOf('\n    at');
    if (framesStart !== -1) {
      const originalFrames = originalStack.slice(framesStart + 1).split('\n');
      let newFrames = newErr.stack.split('\n');
      for (const frame of originalFrames) {
        const position = newFrames.indexOf(frame);
        if (position !== -1) {
          newFrames = newFrames.slice(0, position);
          break;
        }
      }
      newErr.stack = `${newFrames.join('\n')}\n${originalFrames.join('\n')}`;
    }
  }
  throw newErr;
};

function internalMatch(string, regexp, message, fn, diff) {
  if (!isRegExp(regexp)) throw new ERR_INVALID_ARG_TYPE('regexp', 'RegExp', regexp);
  const match = fn === Assert.prototype.match;
  if (typeof string !== 'string' ||
      (RegExpPrototypeExec.call(regexp, string) !== null) !== match) {
    if (message instanceof Error) throw message;
    const generatedMessage = !message;
    message ||= typeof string !== 'string' ?
      'The "string" argument must be of type string. Received type ' +
        `${typeof string} (${inspect(string)})` :
      (match ? 'The input did not match the regular expression ' :
        'The input was expected to not match the regular expression ') +
        `${inspect(regexp)}. Input:\n\n${inspect(string)}\n`;
    const err = new AssertionError({
      actual: string, expected: regexp, message, operator: fn.name, stackStartFn: fn, diff,
    });
    err.generatedMessage = generatedMessage;
    throw err;
  }
}

Assert.prototype.match = function match(string, regexp, message) {
  internalMatch(string, regexp, message, match, diffOption(this));
};

Assert.prototype.doesNotMatch = function doesNotMatch(string, regexp, message) {
  internalMatch(string, regexp, message, doesNotMatch, diffOption(this));
};

/** The module itself: `assert(value)` is `assert.ok(value)`. */
function assert(...args) {
  innerOk(assert, args.length, ...args);
}
assert.AssertionError = AssertionError;
for (const name of [
  'ok', 'fail', 'equal', 'notEqual', 'deepEqual', 'notDeepEqual', 'deepStrictEqual',
  'notDeepStrictEqual', 'strictEqual', 'notStrictEqual', 'partialDeepStrictEqual', 'match',
  'doesNotMatch', 'throws', 'rejects', 'doesNotThrow', 'doesNotReject', 'ifError',
]) {
  Object.defineProperty(assert, name, {
    __proto__: null, value: Assert.prototype[name],
    writable: true, enumerable: true, configurable: true,
  });
}

/** The strict variant: `equal` is `strictEqual`, `deepEqual` is `deepStrictEqual`. */
function strict(...args) {
  innerOk(strict, args.length, ...args);
}
assert.strict = Object.assign(strict, assert, {
  equal: assert.strictEqual,
  deepEqual: assert.deepStrictEqual,
  notEqual: assert.notStrictEqual,
  notDeepEqual: assert.notDeepStrictEqual,
});
assert.strict.Assert = Assert;
assert.strict.strict = assert.strict;
assert.Assert = Assert;

module.exports = assert;
