'use strict';

// internal/assert/assertion_error: the AssertionError class that every failed
// assertion throws (code ERR_ASSERTION), with Node's generated messages: a
// header naming the comparison, then either `actual <op> expected` on one line
// or a `+ actual - expected` line diff of the two inspected values.

const { inspect } = require('internal/util/inspect');
const { codes: { ERR_INVALID_ARG_TYPE } } = require('internal/errors');

const kReadableOperator = {
  deepStrictEqual: 'Expected values to be strictly deep-equal:',
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

// Lines that differ only by a trailing comma (the last element of a list) count as equal.
function linesEqual(actualLine, expectedLine) {
  return actualLine === expectedLine || `${actualLine},` === expectedLine ||
    actualLine === `${expectedLine},`;
}

// Unchanged lines shown after a change before the rest of the run is collapsed.
const kNopLinesToCollapse = 5;

/**
 * The lines of the two inspected values as a `+ actual - expected` diff over their
 * longest common subsequence (within a changed block the actual lines come first),
 * with long runs of unchanged lines collapsed as Node does: five lines are shown after
 * a change, then `...` and the line just before the next change (nothing at the end).
 * Returns the text and whether lines were skipped.
 */
function lineDiff(actualLines, expectedLines) {
  const n = actualLines.length;
  const m = expectedLines.length;
  const lcs = Array.from({ length: n + 1 }, () => new Array(m + 1).fill(0));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lcs[i][j] = linesEqual(actualLines[i], expectedLines[j]) ?
        lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
    }
  }
  // [kind, line] in order, kind one of '+', '-', ' '.
  const ops = [];
  let added = [];
  let removed = [];
  const flush = () => {
    ops.push(...added, ...removed);
    added = [];
    removed = [];
  };
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && linesEqual(actualLines[i], expectedLines[j])) {
      flush();
      ops.push([' ', expectedLines[j]]);
      i++;
      j++;
    } else if (j < m && (i === n || lcs[i][j + 1] > lcs[i + 1][j])) {
      removed.push(['-', expectedLines[j]]);
      j++;
    } else {
      added.push(['+', actualLines[i]]);
      i++;
    }
  }
  flush();

  const out = [];
  let skipped = false;
  let unchanged = 0;
  for (let k = 0; k < ops.length; k++) {
    const [kind, line] = ops[k];
    if (kind !== ' ' && unchanged > kNopLinesToCollapse) {
      // The end of a long unchanged run: show its last line(s) before this change.
      if (unchanged === kNopLinesToCollapse + 1) {
        out.push(`  ${ops[k - 1][1]}`);
      } else if (unchanged === kNopLinesToCollapse + 2) {
        out.push(`  ${ops[k - 2][1]}`, `  ${ops[k - 1][1]}`);
      } else {
        out.push('...', `  ${ops[k - 1][1]}`);
        skipped = true;
      }
    }
    if (kind !== ' ') {
      unchanged = 0;
      out.push(`${kind} ${line}`);
    } else {
      if (unchanged < kNopLinesToCollapse) out.push(`  ${line}`);
      unchanged++;
    }
  }
  return { text: out.join('\n'), skipped };
}

function isObjectLike(value) {
  return value !== null && (typeof value === 'object' || typeof value === 'function');
}

// The strict comparisons: a short `a !== b` line or a line diff, under `header`.
function strictDiffMessage(actual, expected, operator, header) {
  const inspectedActual = inspectValue(actual);
  const inspectedExpected = inspectValue(expected);
  const actualLines = inspectedActual.split('\n');
  const expectedLines = inspectedExpected.split('\n');
  if (actualLines.length === 1 && expectedLines.length === 1 &&
      inspectedActual.length + inspectedExpected.length <= kMaxShortStringLength &&
      !isObjectLike(actual) && !isObjectLike(expected) && (actual !== 0 || expected !== 0)) {
    return `${header}\n\n${inspectedActual} !== ${inspectedExpected}\n`;
  }
  if (inspectedActual === inspectedExpected) {
    return `${kReadableOperator.notIdentical}\n\n${inspectedActual}\n`;
  }
  const { text, skipped } = lineDiff(actualLines, expectedLines);
  const skippedNote = skipped ? '\n... Skipped lines' : '';
  return `${header}\n+ actual - expected${skippedNote}\n\n${text}\n`;
}

function generateMessage(actual, expected, operator) {
  if (operator === 'deepStrictEqual' || operator === 'strictEqual') {
    return strictDiffMessage(actual, expected, operator, kReadableOperator[operator]);
  }
  if (operator === 'notDeepStrictEqual' || operator === 'notStrictEqual') {
    let header = kReadableOperator[operator];
    if (operator === 'notStrictEqual' && isObjectLike(actual)) {
      header = kReadableOperator.notStrictEqualObject;
    }
    const lines = inspectValue(actual).split('\n');
    if (lines.length === 1) return `${header} ${lines[0]}`;
    return `${header}\n\n${lines.join('\n')}\n`;
  }
  let inspectedActual = inspectValue(actual);
  let inspectedExpected = inspectValue(expected);
  if (operator === 'deepEqual' || operator === 'notDeepEqual') {
    const header = operator === 'notDeepEqual' && inspectedActual !== inspectedExpected ?
      kReadableOperator.notDeepEqualUnequal : kReadableOperator[operator];
    const verb = operator === 'deepEqual' ? 'should loosely deep-equal' :
      'should not loosely deep-equal';
    return `${header}\n\n${inspectedActual}\n\n${verb}\n\n${inspectedExpected}`;
  }
  if (inspectedActual.length > 512) inspectedActual = `${inspectedActual.slice(0, 509)}...`;
  if (inspectedExpected.length > 512) inspectedExpected = `${inspectedExpected.slice(0, 509)}...`;
  return `${inspectedActual} ${operator} ${inspectedExpected}`;
}

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

class AssertionError extends Error {
  constructor(options) {
    if (typeof options !== 'object' || options === null) {
      throw new ERR_INVALID_ARG_TYPE('options', 'Object', options);
    }
    const { message, actual, expected, operator, stackStartFn, details, diff = 'simple' } =
      options;
    const limit = Error.stackTraceLimit;
    if (Error.stackTraceLimit !== 0 && Object.isExtensible(Error)) Error.stackTraceLimit = 0;
    const bothErrors = actual instanceof Error && expected instanceof Error;
    const shownActual = bothErrors ? copyError(actual) : actual;
    const shownExpected = bothErrors ? copyError(expected) : expected;
    if (message != null) {
      if (operator === 'deepStrictEqual' || operator === 'strictEqual') {
        super(strictDiffMessage(shownActual, shownExpected, operator, String(message)));
      } else {
        super(String(message));
      }
    } else if (details) {
      super(details.map((d) => d.message).join('\n'));
    } else {
      super(generateMessage(shownActual, shownExpected, operator));
    }
    if (Object.isExtensible(Error)) Error.stackTraceLimit = limit;

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
      this.diff = diff;
    }
    Error.captureStackTrace(this, stackStartFn || AssertionError);
    // Render the stack now, while the name carries the code.
    // eslint-disable-next-line no-unused-expressions
    this.stack;
    this.name = 'AssertionError';
  }

  toString() {
    return `${this.name} [${this.code}]: ${this.message}`;
  }

  [inspect.custom](recurseTimes, ctx) {
    // Long actual/expected strings are cut for display only.
    const { actual, expected } = this;
    if (typeof actual === 'string' && actual.length > 128) {
      this.actual = `${actual.slice(0, 125)}...`;
    }
    if (typeof expected === 'string' && expected.length > 128) {
      this.expected = `${expected.slice(0, 125)}...`;
    }
    const result = inspect(this, { ...ctx, customInspect: false, depth: 0 });
    this.actual = actual;
    this.expected = expected;
    return result;
  }
}

module.exports = AssertionError;
