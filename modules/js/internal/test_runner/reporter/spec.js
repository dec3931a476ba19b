'use strict';

// internal/test_runner/reporter/spec: Node's default `spec` reporter text —
// the ✔/✖/﹣/⚠ tree of finished tests with durations, the ℹ summary and the
// "failing tests" section with each error — written without colours.

const { inspect } = require('internal/util/inspect');
const path = require('path');

const symbols = {
  pass: '\u2714 ',
  fail: '\u2716 ',
  info: '\u2139 ',
  suite: '\u25B6 ',
  skip: '\uFE63 ',
  todoFail: '\u26A0 ',
};

function indentation(nesting) {
  return '  '.repeat(nesting);
}

/** The error shown for a failure, indented under its test line. */
function formatError(error, indent) {
  const message = inspect(error, { colors: false, breakLength: Infinity }).split(/\r?\n/).join(`\n${indent}  `);
  return `\n${indent}  ${message}\n`;
}

/** One test's result line (`✔ name (1.2ms)`, `﹣ name (0.1ms) # SKIP`, ...). */
function formatResult(test, indent, withError) {
  let symbol = test.passed ? symbols.pass : symbols.fail;
  let title = test.name;
  if (test.durationMs) title += ` (${test.durationMs}ms)`;
  if (test.skip !== undefined) {
    title += ` # ${typeof test.skip === 'string' && test.skip.length ? test.skip : 'SKIP'}`;
    symbol = symbols.skip;
  } else if (test.todo !== undefined) {
    title += ` # ${typeof test.todo === 'string' && test.todo.length ? test.todo : 'TODO'}`;
    if (!test.passed) symbol = symbols.todoFail;
  }
  const error = withError ? formatError(test.reportedError(), indent) : '';
  return `${indent}${symbol}${title}${error}`;
}

/** Collects finished tests and writes them as the spec reporter does. */
class SpecReporter {
  #failed = [];

  /** The lines of a finished top-level test and everything under it. */
  formatTree(test) {
    const indent = indentation(test.nesting);
    let text = '';
    if (test.isSuite || test.subtests.length > 0) {
      text += `${indent}${symbols.suite}${test.name}\n`;
      for (const subtest of test.subtests) text += this.formatTree(subtest);
    }
    text += `${formatResult(test, indent, false)}\n`;
    for (const message of test.diagnostics) text += `${indent}${symbols.info}${message}\n`;
    if (!test.passed && test.listedAsFailure()) this.#failed.push(test);
    return text;
  }

  /** The `ℹ` summary lines and the failing-tests section. */
  formatSummary(counts, durationMs) {
    let text = '';
    for (const [label, value] of [
      ['tests', counts.tests], ['suites', counts.suites], ['pass', counts.pass], ['fail', counts.fail],
      ['cancelled', counts.cancelled], ['skipped', counts.skipped], ['todo', counts.todo],
      ['duration_ms', durationMs],
    ]) {
      text += `${symbols.info}${label} ${value}\n`;
    }
    if (this.#failed.length > 0) {
      const parts = [`\n${symbols.fail}failing tests:\n`];
      const cwd = process.cwd();
      for (const test of this.#failed) {
        if (test.location) {
          const { file, line, column } = test.location;
          parts.push(`test at ${path.relative(cwd, file)}:${line}:${column}`);
        }
        parts.push(formatResult(test, '', true));
      }
      text += parts.join('\n');
    }
    return text;
  }
}

module.exports = { SpecReporter };
