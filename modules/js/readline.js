'use strict';
// The `readline` module: createInterface() over any readable stream ('line', 'close',
// question(), async iteration) and the ANSI cursor helpers. Terminal line editing is not
// implemented: input is read as plain lines.

const {
  Interface: BaseInterface,
  cursorToSequence,
  moveCursorSequence,
  clearLineSequence,
  clearScreenDownSequence,
  checkCallback,
} = require('internal/readline/interface');
const { codes: { ERR_INVALID_ARG_VALUE, ERR_INVALID_CURSOR_POS } } = require('internal/errors');
const { promisify } = require('util');

class Interface extends BaseInterface {}

Object.defineProperty(Interface.prototype.question, promisify.custom, {
  __proto__: null,
  enumerable: false,
  configurable: true,
  get() {
    return function question(query, options = {}) {
      return new Promise((resolve) => this.question(query, options, resolve));
    };
  },
});

function createInterface(input, output, completer, terminal) {
  return new Interface(input, output, completer, terminal);
}

function writeTo(stream, data, callback) {
  if (stream == null) {
    if (typeof callback === 'function') process.nextTick(callback, null);
    return true;
  }
  return stream.write(data, callback);
}

function cursorTo(stream, x, y, callback) {
  checkCallback(callback);
  if (typeof y === 'function') {
    callback = y;
    y = undefined;
  }
  if (Number.isNaN(x)) throw new ERR_INVALID_ARG_VALUE('x', x);
  if (Number.isNaN(y)) throw new ERR_INVALID_ARG_VALUE('y', y);
  if (stream == null || (typeof x !== 'number' && typeof y !== 'number')) {
    if (typeof callback === 'function') process.nextTick(callback, null);
    return true;
  }
  if (typeof x !== 'number') throw new ERR_INVALID_CURSOR_POS();
  return writeTo(stream, cursorToSequence(x, y), callback);
}

function moveCursor(stream, dx, dy, callback) {
  checkCallback(callback);
  if (stream == null || !(dx || dy)) {
    if (typeof callback === 'function') process.nextTick(callback, null);
    return true;
  }
  return writeTo(stream, moveCursorSequence(dx, dy), callback);
}

function clearLine(stream, dir, callback) {
  checkCallback(callback);
  return writeTo(stream, clearLineSequence(dir), callback);
}

function clearScreenDown(stream, callback) {
  checkCallback(callback);
  return writeTo(stream, clearScreenDownSequence, callback);
}

// Keypress decoding needs terminal mode, which is not implemented: a no-op.
function emitKeypressEvents() {}

module.exports = {
  Interface,
  clearLine,
  clearScreenDown,
  createInterface,
  cursorTo,
  emitKeypressEvents,
  moveCursor,
  promises: undefined,
};

Object.defineProperty(module.exports, 'promises', {
  __proto__: null,
  configurable: true,
  enumerable: true,
  get() {
    return require('readline/promises');
  },
});
