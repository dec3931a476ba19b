'use strict';

// internal/assert/assertion_error: the AssertionError class that every failed
// assertion throws (code ERR_ASSERTION), with Node's generated messages: a
// header naming the comparison, then either `actual !== expected` on one line,
// a stacked `+ actual` / `- expected` pair for short values, or a
// `+ actual - expected` line diff of the two inspected values (see
// internal/assert/myers_diff), coloured when stderr shows colours.

const { inspect } = require('internal/util/inspect');
const { validateObject } = require('internal/validators');
const { isErrorStackTraceLimitWritable } = require('internal/errors');
const colors = require('internal/util/colors');
const {
  myersDiff, printMyersDiff, printSimpleMyersDiff,
} = require('internal/assert/myers_diff');

const kReadableOperator = {
  deepStrictEqual: 'Expected values to be strictly deep-equal:',
  partialDeepStrictEqual: 'Expected values to be partially and strictly deep-equal:',
  strictEqual: 'Expected values to be strictly equal:',
  strictEqualObject: 'Expected "actual" to be reference-equal to "expected":',
  deepEqual: 'Expected values to be loosely deep-equal:',
  notDeepStrictEqual: 'Expected "actual" not to be strictly deep-equal to:',
  notStrictEqual: 'Expected "actual" to be strictly unequal to:',
  notStrictEqualObject: 'Expected "actual" not to be reference-equal to "expected":',
  notDeepEqual: 'Expected "actual" not to be loosely deep-equal to:',
  notIdentical: 'Values have same structure but are not reference-equal:',
  notDeepEqualUnequal: 'Expected values not to be loosely deep-equal:',
};

// `actual !== expected` on one line when both together are at most this long.
const kMaxShortStringLength = 12;
const kMaxLongStringLength = 512;
// Lines of one inspected value shown before the rest is cut (unless diff: 'full').
const kMaxLinesShown = 50;

// The comparisons whose message is a diff, even under a custom message (as its header).
const kDiffOperators = new Set(['deepStrictEqual', 'strictEqual', 'partialDeepStrictEqual']);

// An error without its stack (same prototype, own properties and message), so that
// diffs of errors show `[Error: message]` rather than frames.
function copyError(source) {
  const target = Object.assign({ __proto__: Object.getPrototypeOf(source) }, source);
  Object.defineProperty(target, 'message', { __proto__: null, value: source.message });
  if (Object.prototype.hasOwnProperty.call(source, 'cause')) {
    let { cause } = source;
    if (cause instanceof Error) cause = copyError(cause);
    Object.defineProperty(target, 'cause', { __proto__: null, value: cause });
  }
  return target;
}

function inspectValue(value) {
  return inspect(value, {
    compact: false,
    customInspect: false,
    depth: 1000,
    maxArrayLength: Infinity,
    showHidden: false,
    showProxy: false,
    sorted: true,
    getters: true,
  });
}

function isObject(value) {
  return typeof value === 'object' && value !== null;
}

// Two short inspected values one above the other, with a `^` under the first differing
// character of two strings that fit a terminal line.
function stackedDiff(actual, expected, bothStrings) {
  const { green, red, white } = colors;
  let message = `\n${green}+${white} ${actual}\n${red}- ${white}${expected}`;
  const maxLength = process.stderr.isTTY ? process.stderr.columns : 80;
  if (bothStrings && actual.length + expected.length <= maxLength) {
    for (let i = 0; i < actual.length; i++) {
      if (actual[i] !== expected[i]) {
        // The first characters (and the quote) make the difference obvious anyway.
        if (i >= 3) message += `\n${' '.repeat(i + 2)}^`;
        break;
      }
    }
  }
  return message;
}

/** The message of a failed strict comparison: `header` (or the custom message) and a diff. */
function createDiffMessage(actual, expected, operator, customMessage, diffType) {
  if (operator === 'strictEqual' &&
      ((isObject(actual) && isObject(expected)) ||
       (typeof actual === 'function' && typeof expected === 'function'))) {
    operator = 'strictEqualObject';
  }
  const { green, red, white, gray, hasColors } = colors;
  let header = `${green}+ actual${white} ${red}- expected${white}`;
  let skipped = false;
  let body;
  const inspectedActual = inspectValue(actual);
  const inspectedExpected = inspectValue(expected);
  const actualLines = inspectedActual.split('\n');
  const expectedLines = inspectedExpected.split('\n');
  if (actualLines.length === 1 && expectedLines.length === 1 &&
      (!isObject(actual) || !isObject(expected))) {
    let length = actualLines[0].length + expectedLines[0].length;
    if (typeof actual === 'string') length -= 2;
    if (typeof expected === 'string') length -= 2;
    const bothStrings = typeof actual === 'string' && typeof expected === 'string';
    if (length <= kMaxShortStringLength && (actual !== 0 || expected !== 0)) {
      body = `${actualLines[0]} !== ${expectedLines[0]}`;
      header = '';
    } else if (bothStrings && hasColors) {
      // A character diff of the two strings on one line.
      header = `${green}actual${white} ${red}expected${white}`;
      body = printSimpleMyersDiff(myersDiff(actualLines[0].split(''), expectedLines[0].split('')));
    } else {
      body = stackedDiff(actualLines[0], expectedLines[0], bothStrings);
    }
  } else if (inspectedActual === inspectedExpected) {
    operator = 'notIdentical';
    if (actualLines.length > kMaxLinesShown && diffType !== 'full') {
      body = `${actualLines.slice(0, kMaxLinesShown).join('\n')}\n...}`;
      skipped = true;
    } else {
      body = inspectedActual;
    }
    header = '';
  } else {
    const script = myersDiff(actualLines, expectedLines, isObject(actual));
    const printed = printMyersDiff(script, operator);
    body = printed.message;
    skipped = printed.skipped;
    if (operator === 'partialDeepStrictEqual') {
      header = `${gray}${hasColors ? '' : '+ '}actual${white} ${red}- expected${white}`;
    }
  }
  const title = customMessage || kReadableOperator[operator];
  return `${title}\n${header}${skipped ? '\n... Skipped lines' : ''}\n${body}\n`;
}

function notEqualMessage(actual, operator, diffType) {
  let header = kReadableOperator[operator];
  if (operator === 'notStrictEqual' && (isObject(actual) || typeof actual === 'function')) {
    header = kReadableOperator.notStrictEqualObject;
  }
  const lines = inspectValue(actual).split('\n');
  if (lines.length > kMaxLinesShown && diffType !== 'full') {
    lines[46] = `${colors.blue}...${colors.white}`;
    lines.length = 47;
  }
  if (lines.length === 1) return `${header}${lines[0].length > 5 ? '\n\n' : ' '}${lines[0]}`;
  return `${header}\n\n${lines.join('\n')}\n`;
}

function looseMessage(actual, expected, operator, diffType) {
  let inspectedActual = inspectValue(actual);
  let inspectedExpected = inspectValue(expected);
  const header = kReadableOperator[operator];
  const full = diffType === 'full';
  if (operator === 'notDeepEqual' && inspectedActual === inspectedExpected) {
    const message = `${header}\n\n${inspectedActual}`;
    return message.length > 1024 && !full ? `${message.slice(0, 1021)}...` : message;
  }
  if (inspectedActual.length > kMaxLongStringLength && !full) {
    inspectedActual = `${inspectedActual.slice(0, 509)}...`;
  }
  if (inspectedExpected.length > kMaxLongStringLength && !full) {
    inspectedExpected = `${inspectedExpected.slice(0, 509)}...`;
  }
  if (operator === 'deepEqual') {
    return `${header}\n\n${inspectedActual}\n\nshould loosely deep-equal\n\n${inspectedExpected}`;
  }
  const unequalHeader = kReadableOperator[`${operator}Unequal`];
  if (unequalHeader) {
    return `${unequalHeader}\n\n${inspectedActual}\n\nshould not loosely deep-equal\n\n` +
      inspectedExpected;
  }
  return `${inspectedActual} ${operator} ${inspectedExpected}`;
}

// Long strings are cut for display of the error object only: ten lines, or (as Node
// does) the text past the first 512 characters.
function abbreviate(string) {
  const lines = string.split('\n', 11);
  if (lines.length > 10) return `${lines.slice(0, 10).join('\n')}\n...`;
  if (string.length > kMaxLongStringLength) return `${string.slice(kMaxLongStringLength)}...`;
  return string;
}

class AssertionError extends Error {
  constructor(options) {
    validateObject(options, 'options');
    const { message, operator, stackStartFn, details, stackStartFunction, diff = 'simple' } =
      options;
    let { actual, expected } = options;
    const limit = Error.stackTraceLimit;
    const limitWritable = isErrorStackTraceLimitWritable();
    if (limitWritable) Error.stackTraceLimit = 0;

    if (message != null) {
      if (kDiffOperators.has(operator)) {
        super(createDiffMessage(actual, expected, operator, message, diff));
      } else {
        super(String(message));
      }
    } else {
      // Pick up colour settings changed since the last message.
      colors.refresh();
      if (isObject(actual) && isObject(expected) &&
          'stack' in actual && actual instanceof Error &&
          'stack' in expected && expected instanceof Error) {
        actual = copyError(actual);
        expected = copyError(expected);
      }
      if (kDiffOperators.has(operator)) {
        super(createDiffMessage(actual, expected, operator, undefined, diff));
      } else if (operator === 'notDeepStrictEqual' || operator === 'notStrictEqual') {
        super(notEqualMessage(actual, operator, diff));
      } else {
        super(looseMessage(actual, expected, operator, diff));
      }
    }
    if (limitWritable) Error.stackTraceLimit = limit;

    this.generatedMessage = !message;
    Object.defineProperty(this, 'name', {
      __proto__: null, value: 'AssertionError [ERR_ASSERTION]',
      enumerable: false, writable: true, configurable: true,
    });
    this.code = 'ERR_ASSERTION';
    if (details) {
      this.actual = undefined;
      this.expected = undefined;
      this.operator = undefined;
      for (let i = 0; i < details.length; i++) {
        this[`message ${i}`] = details[i].message;
        this[`actual ${i}`] = details[i].actual;
        this[`expected ${i}`] = details[i].expected;
        this[`operator ${i}`] = details[i].operator;
        this[`stack trace ${i}`] = details[i].stack;
      }
    } else {
      this.actual = actual;
      this.expected = expected;
      this.operator = operator;
    }
    Error.captureStackTrace(this, stackStartFn || stackStartFunction);
    // Render the stack now, while the name carries the code.
    // eslint-disable-next-line no-unused-expressions
    this.stack;
    this.name = 'AssertionError';
    this.diff = diff;
  }

  toString() {
    return `${this.name} [${this.code}]: ${this.message}`;
  }

  [inspect.custom](recurseTimes, ctx) {
    const { actual, expected } = this;
    if (typeof actual === 'string') this.actual = abbreviate(actual);
    if (typeof expected === 'string') this.expected = abbreviate(expected);
    // Only the top level: the message already shows both values in full.
    const result = inspect(this, { ...ctx, customInspect: false, depth: 0 });
    this.actual = actual;
    this.expected = expected;
    return result;
  }
}

module.exports = AssertionError;
