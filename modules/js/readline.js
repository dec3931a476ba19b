'use strict';
// The `readline` module: createInterface()/Interface over any readable stream (plain line
// splitting, or shell-like line editing with `terminal: true`), callback-style question(),
// the ANSI cursor helpers and emitKeypressEvents(). The legacy Interface keeps the old
// underscore members (_ttyWrite, _onLine, _prompt, ...) as the overridable entry points.

const {
  Interface: BaseInterface,
  InterfaceConstructor,
  kAddHistory,
  kDecoder,
  kDeleteLeft,
  kDeleteLineLeft,
  kDeleteLineRight,
  kDeleteRight,
  kDeleteWordLeft,
  kDeleteWordRight,
  kGetDisplayPos,
  kHistoryNext,
  kHistoryPrev,
  kInsertString,
  kLine,
  kLineBuffer,
  kMoveCursor,
  kNormalWrite,
  kOldPrompt,
  kOnLine,
  kPreviousKey,
  kPrompt,
  kQuestion,
  kQuestionCallback,
  kQuestionCancel,
  kRefreshLine,
  kSawKeyPress,
  kSawReturnAt,
  kSetRawMode,
  kTabComplete,
  kTabCompleter,
  kTtyWrite,
  kWordLeft,
  kWordRight,
  kWriteToOutput,
} = require('internal/readline/interface');
const {
  clearLine,
  clearScreenDown,
  cursorTo,
  moveCursor,
} = require('internal/readline/callbacks');
const { emitKeypressEvents } = require('internal/readline/emitKeypressEvents');
const { AbortError } = require('internal/errors');
const { validateAbortSignal } = require('internal/validators');
const { promisify } = require('util');

// Wraps a completer that returns its result into the (line, callback) form.
function toCallbackCompleter(completer) {
  return (line, callback) => callback(null, completer(line));
}

function Interface(input, output, completer, terminal) {
  if (!(this instanceof Interface)) {
    return new Interface(input, output, completer, terminal);
  }
  if (input?.input && typeof input.completer === 'function' && input.completer.length !== 2) {
    input.completer = toCallbackCompleter(input.completer);
  } else if (typeof completer === 'function' && completer.length !== 2) {
    completer = toCallbackCompleter(completer);
  }
  InterfaceConstructor.call(this, input, output, completer, terminal);
  if (process.env.TERM === 'dumb') this._ttyWrite = ttyWriteDumb.bind(this);
}

Object.setPrototypeOf(Interface.prototype, BaseInterface.prototype);
Object.setPrototypeOf(Interface, BaseInterface);

// Asks `query` and calls back with the next line; an aborted signal cancels the question.
Interface.prototype.question = function question(query, options, cb) {
  cb = typeof options === 'function' ? options : cb;
  if (options !== null && typeof options === 'object') {
    const { signal } = options;
    if (signal) {
      validateAbortSignal(signal, 'options.signal');
      if (signal.aborted) return;
      const onAbort = () => this[kQuestionCancel]();
      signal.addEventListener('abort', onAbort, { once: true });
      const cleanup = () => signal.removeEventListener('abort', onAbort);
      const answer = cb;
      cb = typeof answer === 'function' ? (line) => {
        cleanup();
        return answer(line);
      } : cleanup;
    }
  }
  if (typeof cb === 'function') this[kQuestion](query, cb);
};

Interface.prototype.question[promisify.custom] = function question(query, options) {
  if (options === null || typeof options !== 'object') options = {};
  const { signal } = options;
  if (signal?.aborted) {
    return Promise.reject(new AbortError(undefined, { cause: signal.reason }));
  }
  return new Promise((resolve, reject) => {
    let cb = resolve;
    if (signal) {
      const onAbort = () => reject(new AbortError(undefined, { cause: signal.reason }));
      signal.addEventListener('abort', onAbort, { once: true });
      cb = (answer) => {
        signal.removeEventListener('abort', onAbort);
        resolve(answer);
      };
    }
    this.question(query, options, cb);
  });
};

// Terminal-mode editing methods, each reachable under its legacy underscore name; the
// internal symbol reads the underscore property so that overriding it takes effect.
const legacyMethods = {
  _setRawMode: kSetRawMode,
  _onLine: kOnLine,
  _writeToOutput: kWriteToOutput,
  _addHistory: kAddHistory,
  _refreshLine: kRefreshLine,
  _normalWrite: kNormalWrite,
  _insertString: kInsertString,
  _tabComplete: kTabComplete,
  _wordLeft: kWordLeft,
  _wordRight: kWordRight,
  _deleteLeft: kDeleteLeft,
  _deleteRight: kDeleteRight,
  _deleteWordLeft: kDeleteWordLeft,
  _deleteWordRight: kDeleteWordRight,
  _deleteLineLeft: kDeleteLineLeft,
  _deleteLineRight: kDeleteLineRight,
  _line: kLine,
  _historyNext: kHistoryNext,
  _historyPrev: kHistoryPrev,
  _getDisplayPos: kGetDisplayPos,
  _moveCursor: kMoveCursor,
  _ttyWrite: kTtyWrite,
};

// The legacy completer takes a callback.
function tabCompleteWithCallback(lastKeypressWasTab) {
  this.pause();
  const string = this.line.slice(0, this.cursor);
  this.completer(string, (err, value) => {
    this.resume();
    if (err) {
      const { inspect } = require('internal/util/inspect');
      this._writeToOutput(`Tab completion error: ${inspect(err)}`);
      return;
    }
    this[kTabCompleter](lastKeypressWasTab, value);
  });
}

// Legacy names for internal state.
const legacyFields = {
  _decoder: kDecoder,
  _line_buffer: kLineBuffer,
  _oldPrompt: kOldPrompt,
  _previousKey: kPreviousKey,
  _prompt: kPrompt,
  _questionCallback: kQuestionCallback,
  _sawKeyPress: kSawKeyPress,
  _sawReturnAt: kSawReturnAt,
};

for (const name of Object.keys(legacyFields)) {
  const symbol = legacyFields[name];
  Object.defineProperty(Interface.prototype, name, {
    __proto__: null,
    configurable: true,
    enumerable: false,
    get() { return this[symbol]; },
    set(value) { this[symbol] = value; },
  });
}

for (const name of Object.keys(legacyMethods)) {
  const symbol = legacyMethods[name];
  const method = name === '_tabComplete' ? tabCompleteWithCallback : BaseInterface.prototype[symbol];
  Object.defineProperty(Interface.prototype, name, {
    __proto__: null, value: method, writable: true, configurable: true, enumerable: false,
  });
}

Object.defineProperty(Interface.prototype, '_getCursorPos', {
  __proto__: null,
  value: BaseInterface.prototype.getCursorPos,
  writable: true,
  configurable: true,
  enumerable: false,
});

for (const name of Object.keys(legacyMethods)) {
  Object.defineProperty(Interface.prototype, legacyMethods[name], {
    __proto__: null,
    configurable: true,
    enumerable: false,
    get() { return this[name]; },
  });
}

// Terminal mode for TERM=dumb: no cursor movement, only typing, enter, Ctrl+C and Ctrl+D.
function ttyWriteDumb(s, key) {
  key ||= {};
  if (key.name === 'escape') return;
  if (this[kSawReturnAt] && key.name !== 'enter') this[kSawReturnAt] = 0;
  if (key.ctrl) {
    if (key.name === 'c') {
      if (this.listenerCount('SIGINT') > 0) {
        this.emit('SIGINT');
      } else {
        this.close();
      }
      return;
    } else if (key.name === 'd') {
      this.close();
      return;
    }
  }
  switch (key.name) {
    case 'return':
      this[kSawReturnAt] = Date.now();
      this._line();
      break;
    case 'enter':
      if (this[kSawReturnAt] === 0 || Date.now() - this[kSawReturnAt] > this.crlfDelay) {
        this._line();
      }
      this[kSawReturnAt] = 0;
      break;
    default:
      if (typeof s === 'string' && s) {
        this.line += s;
        this.cursor += s.length;
        this._writeToOutput(s);
      }
  }
}

function createInterface(input, output, completer, terminal) {
  return new Interface(input, output, completer, terminal);
}

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
