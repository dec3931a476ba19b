'use strict';
// `readline/promises`: the readline Interface with a promise-returning question(), and
// Readline, which queues cursor/clear escape sequences for a stream until commit().

const {
  Interface: BaseInterface,
  kQuestion,
  kQuestionCancel,
  kQuestionReject,
} = require('internal/readline/interface');
const {
  AbortError,
  codes: { ERR_INVALID_ARG_TYPE },
} = require('internal/errors');
const {
  validateAbortSignal,
  validateBoolean,
  validateInteger,
} = require('internal/validators');
const {
  clearLineSequence,
  cursorToSequence,
  moveCursorSequence,
} = require('internal/readline/callbacks');
const { CSI: { kClearScreenDown } } = require('internal/readline/utils');
const { isWritable } = require('internal/streams/utils');

class Interface extends BaseInterface {
  // Resolves with the answer; an aborted signal cancels the question and rejects.
  question(query, options = {}) {
    return new Promise((resolve, reject) => {
      let cb = resolve;
      const signal = options?.signal;
      if (signal) {
        validateAbortSignal(signal, 'options.signal');
        if (signal.aborted) {
          reject(new AbortError(undefined, { cause: signal.reason }));
          return;
        }
        const onAbort = () => {
          this[kQuestionCancel]();
          reject(new AbortError(undefined, { cause: signal.reason }));
        };
        signal.addEventListener('abort', onAbort, { once: true });
        cb = (answer) => {
          signal.removeEventListener('abort', onAbort);
          resolve(answer);
        };
      }
      this[kQuestionReject] = reject;
      this[kQuestion](query, cb);
    });
  }
}

class Readline {
  #autoCommit = false;
  #stream;
  #pending = [];

  constructor(stream, options = undefined) {
    if (!isWritable(stream)) throw new ERR_INVALID_ARG_TYPE('stream', 'Writable', stream);
    this.#stream = stream;
    if (options?.autoCommit != null) {
      validateBoolean(options.autoCommit, 'options.autoCommit');
      this.#autoCommit = options.autoCommit;
    }
  }

  // With autoCommit the sequence is written on the next tick, otherwise at commit().
  #queue(data) {
    if (this.#autoCommit) {
      process.nextTick(() => this.#stream.write(data));
    } else {
      this.#pending.push(data);
    }
  }

  cursorTo(x, y = undefined) {
    validateInteger(x, 'x');
    if (y != null) validateInteger(y, 'y');
    this.#queue(cursorToSequence(x, y ?? undefined));
    return this;
  }

  moveCursor(dx, dy) {
    if (dx || dy) {
      validateInteger(dx, 'dx');
      validateInteger(dy, 'dy');
      this.#queue(moveCursorSequence(dx, dy));
    }
    return this;
  }

  clearLine(dir) {
    validateInteger(dir, 'dir', -1, 1);
    this.#queue(clearLineSequence(dir));
    return this;
  }

  clearScreenDown() {
    this.#queue(kClearScreenDown);
    return this;
  }

  commit() {
    return new Promise((resolve) => {
      this.#stream.write(this.#pending.join(''), resolve);
      this.#pending = [];
    });
  }

  rollback() {
    this.#pending = [];
    return this;
  }
}

function createInterface(input, output, completer, terminal) {
  return new Interface(input, output, completer, terminal);
}

module.exports = { Interface, Readline, createInterface };
