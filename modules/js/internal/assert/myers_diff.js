'use strict';

// internal/assert/myers_diff: the line diff shown by failed strict assertions.
// Myers' O(ND) shortest edit script between the inspected lines of `actual`
// and `expected`, printed as Node prints it: `+ ` for actual-only lines, `- `
// for expected-only lines, and runs of unchanged lines collapsed to five lines
// followed by `...` and the line just before the next change; coloured when
// stderr shows colours (internal/util/colors).

const { codes: { ERR_OUT_OF_RANGE } } = require('internal/errors');
const colors = require('internal/util/colors');

const kInsert = 1;
const kDelete = -1;
const kUnchanged = 0;
// Unchanged lines shown after a change before the rest of the run is collapsed.
const kUnchangedLinesShown = 5;

// Object lines may differ only by a trailing comma (the last entry of a list).
function sameLine(actualLine, expectedLine, ignoreTrailingComma) {
  if (actualLine === expectedLine) return true;
  return ignoreTrailingComma &&
    (`${actualLine},` === expectedLine || actualLine === `${expectedLine},`);
}

/**
 * The edit script turning `expected` into `actual` as [operation, line] pairs, last line
 * first (kInsert: only in actual, kDelete: only in expected, kUnchanged: both).
 */
function myersDiff(actual, expected, ignoreTrailingComma = false) {
  const actualLength = actual.length;
  const expectedLength = expected.length;
  const max = actualLength + expectedLength;
  if (max > 2 ** 31 - 1) {
    throw new ERR_OUT_OF_RANGE('myersDiff input size', '< 2^31', max);
  }
  // furthest[k + max]: the furthest x reached on diagonal k (x - y = k).
  const furthest = new Int32Array(2 * max + 1);
  const history = [];
  for (let distance = 0; distance <= max; distance++) {
    history.push(new Int32Array(furthest));
    for (let k = -distance; k <= distance; k += 2) {
      const index = k + max;
      let x = k === -distance || (k !== distance && furthest[index - 1] < furthest[index + 1]) ?
        furthest[index + 1] : furthest[index - 1] + 1;
      let y = x - k;
      while (x < actualLength && y < expectedLength &&
             sameLine(actual[x], expected[y], ignoreTrailingComma)) {
        x++;
        y++;
      }
      furthest[index] = x;
      if (x >= actualLength && y >= expectedLength) {
        return editScript(history, actual, expected, ignoreTrailingComma);
      }
    }
  }
  return [];
}

function editScript(history, actual, expected, ignoreTrailingComma) {
  const max = actual.length + expected.length;
  let x = actual.length;
  let y = expected.length;
  const script = [];
  for (let distance = history.length - 1; distance >= 0; distance--) {
    const furthest = history[distance];
    const k = x - y;
    const index = k + max;
    const previousK =
      k === -distance || (k !== distance && furthest[index - 1] < furthest[index + 1]) ?
        k + 1 : k - 1;
    const previousX = furthest[previousK + max];
    const previousY = previousX - previousK;
    while (x > previousX && y > previousY) {
      const actualLine = actual[x - 1];
      // Of two lines equal but for a comma, show the one with the comma.
      const line = ignoreTrailingComma && !actualLine.endsWith(',') ? expected[y - 1] : actualLine;
      script.push([kUnchanged, line]);
      x--;
      y--;
    }
    if (distance > 0) {
      if (x > previousX) {
        script.push([kInsert, actual[--x]]);
      } else {
        script.push([kDelete, expected[--y]]);
      }
    }
  }
  return script;
}

/** The character-level script of two strings printed as one coloured line. */
function printSimpleMyersDiff(script) {
  let message = '';
  for (let i = script.length - 1; i >= 0; i--) {
    const [operation, text] = script[i];
    let color = colors.white;
    if (operation === kInsert) color = colors.green;
    else if (operation === kDelete) color = colors.red;
    message += `${color}${text}${colors.white}`;
  }
  return `\n${message}`;
}

/**
 * The printed line diff and whether unchanged lines were skipped. For
 * partialDeepStrictEqual, lines only in `actual` are context (gray) rather than errors.
 */
function printMyersDiff(script, operator) {
  const { white, green, red, gray, blue, hasColors } = colors;
  let message = '';
  let skipped = false;
  let unchangedRun = 0;
  for (let i = script.length - 1; i >= 0; i--) {
    const [operation, line] = script[i];
    const previousOperation = i < script.length - 1 ? script[i + 1][0] : null;
    if (previousOperation === kUnchanged && operation !== kUnchanged) {
      // Show the end of a long unchanged run just before this change.
      if (unchangedRun === kUnchangedLinesShown + 1) {
        message += `${white}  ${script[i + 1][1]}\n`;
      } else if (unchangedRun === kUnchangedLinesShown + 2) {
        message += `${white}  ${script[i + 2][1]}\n${white}  ${script[i + 1][1]}\n`;
      } else if (unchangedRun >= kUnchangedLinesShown + 3) {
        message += `${blue}...${white}\n${white}  ${script[i + 1][1]}\n`;
        skipped = true;
      }
      unchangedRun = 0;
    }
    if (operation === kInsert) {
      message += operator === 'partialDeepStrictEqual' ?
        `${gray}${hasColors ? ' ' : '+'} ${line}${white}\n` : `${green}+${white} ${line}\n`;
    } else if (operation === kDelete) {
      message += `${red}-${white} ${line}\n`;
    } else {
      if (unchangedRun < kUnchangedLinesShown) message += `${white}  ${line}\n`;
      unchangedRun++;
    }
  }
  return { message: `\n${message.trimEnd()}`, skipped };
}

module.exports = { myersDiff, printMyersDiff, printSimpleMyersDiff };
