'use strict';
// The callback-style ANSI cursor helpers of `readline`: cursorTo, moveCursor, clearLine and
// clearScreenDown write their escape sequence to a stream (a null stream just calls back).

const {
  codes: { ERR_INVALID_ARG_VALUE, ERR_INVALID_CURSOR_POS },
} = require('internal/errors');
const { validateFunction } = require('internal/validators');
const {
  CSI,
  CSI: { kClearToLineBeginning, kClearToLineEnd, kClearLine, kClearScreenDown },
} = require('internal/readline/utils');

function callBackLater(callback) {
  if (typeof callback === 'function') process.nextTick(callback, null);
  return true;
}

function cursorToSequence(x, y) {
  return typeof y !== 'number' ? CSI`${x + 1}G` : CSI`${y + 1};${x + 1}H`;
}

function moveCursorSequence(dx, dy) {
  let data = '';
  if (dx < 0) data += CSI`${-dx}D`;
  else if (dx > 0) data += CSI`${dx}C`;
  if (dy < 0) data += CSI`${-dy}A`;
  else if (dy > 0) data += CSI`${dy}B`;
  return data;
}

function clearLineSequence(dir) {
  if (dir < 0) return kClearToLineBeginning;
  if (dir > 0) return kClearToLineEnd;
  return kClearLine;
}

// Moves the cursor to column x (and row y when given) of the stream's screen.
function cursorTo(stream, x, y, callback) {
  if (callback !== undefined) validateFunction(callback, 'callback');
  if (typeof y === 'function') {
    callback = y;
    y = undefined;
  }
  if (Number.isNaN(x)) throw new ERR_INVALID_ARG_VALUE('x', x);
  if (Number.isNaN(y)) throw new ERR_INVALID_ARG_VALUE('y', y);
  if (stream == null || (typeof x !== 'number' && typeof y !== 'number')) {
    return callBackLater(callback);
  }
  if (typeof x !== 'number') throw new ERR_INVALID_CURSOR_POS();
  return stream.write(cursorToSequence(x, y), callback);
}

// Moves the cursor relative to where it is.
function moveCursor(stream, dx, dy, callback) {
  if (callback !== undefined) validateFunction(callback, 'callback');
  if (stream == null || !(dx || dy)) return callBackLater(callback);
  return stream.write(moveCursorSequence(dx, dy), callback);
}

// Clears the current line left of the cursor (dir < 0), right of it (dir > 0) or whole.
function clearLine(stream, dir, callback) {
  if (callback !== undefined) validateFunction(callback, 'callback');
  if (stream == null) return callBackLater(callback);
  return stream.write(clearLineSequence(dir), callback);
}

// Clears the screen from the cursor down.
function clearScreenDown(stream, callback) {
  if (callback !== undefined) validateFunction(callback, 'callback');
  if (stream == null) return callBackLater(callback);
  return stream.write(kClearScreenDown, callback);
}

module.exports = {
  clearLine,
  clearLineSequence,
  clearScreenDown,
  cursorTo,
  cursorToSequence,
  moveCursor,
  moveCursorSequence,
};
