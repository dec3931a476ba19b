'use strict';
// The line reader behind `readline` and `readline/promises`: an EventEmitter that decodes
// its input stream as UTF-8, splits it into lines ('\n', '\r\n' or '\r'), emits 'line' (or
// answers a pending question()), and 'close' when the input ends or close() is called.
// Terminal editing (cursor keys, history recall, completion) is not implemented: input is
// always read as plain lines, as Node does when `terminal` is false.

const EventEmitter = require('events');
const {
  codes: { ERR_INVALID_ARG_VALUE, ERR_USE_AFTER_CLOSE },
} = require('internal/errors');
const { validateAbortSignal, validateString, validateFunction } = require('internal/validators');

const kQuestionCallback = Symbol('kQuestionCallback');
const kOnLine = Symbol('kOnLine');
const kNormalWrite = Symbol('kNormalWrite');
const kSawReturn = Symbol('kSawReturn');
const kLineBuffer = Symbol('kLineBuffer');
const kDecoder = Symbol('kDecoder');
const kListeners = Symbol('kListeners');

const lineEnding = /\r?\n|\r(?!\n)/g;

class Interface extends EventEmitter {
  constructor(input, output, completer, terminal) {
    super();
    let history;
    let historySize;
    let prompt = '> ';
    let crlfDelay;
    let signal;
    if (input?.input) {
      // An options object.
      output = input.output;
      completer = input.completer;
      terminal = input.terminal;
      history = input.history;
      historySize = input.historySize;
      signal = input.signal;
      if (input.prompt !== undefined) prompt = input.prompt;
      crlfDelay = input.crlfDelay;
      input = input.input;
    }
    if (completer !== undefined && typeof completer !== 'function') {
      throw new ERR_INVALID_ARG_VALUE('completer', completer);
    }
    if (historySize !== undefined &&
        (typeof historySize !== 'number' || Number.isNaN(historySize) || historySize < 0)) {
      throw new ERR_INVALID_ARG_VALUE.RangeError('historySize', historySize);
    }
    if (signal !== undefined) validateAbortSignal(signal, 'options.signal');

    this.input = input;
    this.output = output;
    this.completer = completer;
    this.terminal = false;
    this.history = history ?? [];
    this.historySize = historySize ?? 30;
    this.crlfDelay = crlfDelay ? Math.max(100, crlfDelay) : 100;
    this.line = '';
    this.cursor = 0;
    this.closed = false;
    this.paused = false;
    this._prompt = prompt;
    this[kQuestionCallback] = null;
    this[kSawReturn] = false;
    this[kLineBuffer] = '';
    this[kDecoder] = null;

    const onData = (data) => this[kNormalWrite](data);
    const onEnd = () => {
      const rest = this[kDecoder] ? this[kDecoder].end() : '';
      if (rest) this[kNormalWrite](rest);
      if (this[kLineBuffer].length > 0) {
        const line = this[kLineBuffer];
        this[kLineBuffer] = '';
        this[kOnLine](line);
      }
      this.close();
    };
    this[kListeners] = { onData, onEnd };
    input.on('data', onData);
    input.on('end', onEnd);
    this.once('close', () => {
      input.removeListener('data', onData);
      input.removeListener('end', onEnd);
    });

    if (signal) {
      const onAborted = () => this.close();
      if (signal.aborted) {
        process.nextTick(onAborted);
      } else {
        const disposable = EventEmitter.addAbortListener(signal, onAborted);
        this.once('close', disposable[Symbol.dispose]);
      }
    }

    input.resume();
  }

  getPrompt() {
    return this._prompt;
  }

  setPrompt(prompt) {
    this._prompt = prompt;
  }

  prompt(preserveCursor) {
    if (this.paused) this.resume();
    if (this.closed) throw new ERR_USE_AFTER_CLOSE('readline');
    this._writeToOutput(this._prompt);
  }

  question(query, options, cb) {
    cb = typeof options === 'function' ? options : cb;
    if (options !== null && typeof options === 'object') {
      const { signal } = options;
      if (signal) {
        validateAbortSignal(signal, 'options.signal');
        if (signal.aborted) return;
        const onAbort = () => {
          this[kQuestionCallback] = null;
        };
        signal.addEventListener('abort', onAbort, { once: true });
        const callback = cb;
        cb = (answer) => {
          signal.removeEventListener('abort', onAbort);
          callback(answer);
        };
      }
    }
    if (this.closed) throw new ERR_USE_AFTER_CLOSE('readline');
    if (typeof cb === 'function') {
      if (this[kQuestionCallback]) {
        this.prompt();
      } else {
        this[kQuestionCallback] = cb;
        this._writeToOutput(query);
      }
    }
  }

  _writeToOutput(text) {
    validateString(text, 'stringToWrite');
    if (this.output !== null && this.output !== undefined) this.output.write(text);
  }

  [kOnLine](line) {
    if (this[kQuestionCallback]) {
      const cb = this[kQuestionCallback];
      this[kQuestionCallback] = null;
      this.setPrompt(this._prompt);
      cb(line);
    } else {
      this.emit('line', line);
    }
  }

  // Splits decoded input into lines; a '\r' at the end of one chunk joins a '\n' that
  // starts the next.
  [kNormalWrite](data) {
    if (data === undefined) return;
    if (typeof data !== 'string') {
      if (this[kDecoder] === null) {
        const { StringDecoder } = require('string_decoder');
        this[kDecoder] = new StringDecoder('utf8');
      }
      data = this[kDecoder].write(data);
    }
    if (this[kSawReturn] && data.startsWith('\n')) data = data.slice(1);
    this[kSawReturn] = data.endsWith('\r');

    lineEnding.lastIndex = 0;
    let string = this[kLineBuffer] + data;
    let match;
    let start = 0;
    const lines = [];
    while ((match = lineEnding.exec(string)) !== null) {
      lines.push(string.slice(start, match.index));
      start = match.index + match[0].length;
    }
    // A '\r' at the very end ends a line; a following '\n' is dropped above.
    string = string.slice(start);
    if (this[kSawReturn] && string.endsWith('\r')) {
      lines.push(string.slice(0, -1));
      string = '';
    }
    this[kLineBuffer] = string;
    for (const line of lines) {
      if (this.closed) break;
      this[kOnLine](line);
    }
  }

  write(data, key) {
    if (this.paused) this.resume();
    if (this.closed) throw new ERR_USE_AFTER_CLOSE('readline');
    this[kNormalWrite](data);
  }

  close() {
    if (this.closed) return;
    this.pause();
    this.closed = true;
    this.emit('close');
  }

  pause() {
    if (this.paused) return;
    this.input.pause();
    this.paused = true;
    this.emit('pause');
    return this;
  }

  resume() {
    if (!this.paused) return;
    this.input.resume();
    this.paused = false;
    this.emit('resume');
    return this;
  }

  getCursorPos() {
    return { rows: 0, cols: this.cursor };
  }

  // Lines as an async iterator; lines that arrive before they are asked for are buffered.
  [Symbol.asyncIterator]() {
    if (this.closed) {
      throw new ERR_USE_AFTER_CLOSE('readline');
    }
    const queue = [];
    const waiting = [];
    let done = false;
    const onLine = (line) => {
      if (waiting.length) waiting.shift().resolve({ value: line, done: false });
      else queue.push(line);
    };
    const onClose = () => {
      done = true;
      this.removeListener('line', onLine);
      for (const waiter of waiting.splice(0)) waiter.resolve({ value: undefined, done: true });
    };
    this.on('line', onLine);
    this.once('close', onClose);
    const rl = this;
    return {
      next() {
        if (queue.length) return Promise.resolve({ value: queue.shift(), done: false });
        if (done) return Promise.resolve({ value: undefined, done: true });
        return new Promise((resolve, reject) => waiting.push({ resolve, reject }));
      },
      return() {
        rl.removeListener('line', onLine);
        rl.removeListener('close', onClose);
        done = true;
        rl.close();
        return Promise.resolve({ value: undefined, done: true });
      },
      [Symbol.asyncIterator]() { return this; },
    };
  }
}

// ANSI escape helpers shared by `readline` and `readline/promises`.
const CSI = '\x1b[';

function cursorToSequence(x, y) {
  if (typeof y !== 'number') return `${CSI}${x + 1}G`;
  return `${CSI}${y + 1};${x + 1}H`;
}

function moveCursorSequence(dx, dy) {
  let data = '';
  if (dx < 0) data += `${CSI}${-dx}D`;
  else if (dx > 0) data += `${CSI}${dx}C`;
  if (dy < 0) data += `${CSI}${-dy}A`;
  else if (dy > 0) data += `${CSI}${dy}B`;
  return data;
}

function clearLineSequence(dir) {
  return dir < 0 ? `${CSI}1K` : dir > 0 ? `${CSI}0K` : `${CSI}2K`;
}

const clearScreenDownSequence = `${CSI}0J`;

function checkCallback(callback) {
  if (callback !== undefined) validateFunction(callback, 'callback');
}

module.exports = {
  Interface,
  cursorToSequence,
  moveCursorSequence,
  clearLineSequence,
  clearScreenDownSequence,
  checkCallback,
  kQuestionCallback,
};
