'use strict';
// `readline/promises`: the readline Interface with a promise-returning question().

const { Interface: BaseInterface } = require('internal/readline/interface');
const { AbortError } = require('internal/errors');
const { validateAbortSignal } = require('internal/validators');

class Interface extends BaseInterface {
  question(query, options = {}) {
    return new Promise((resolve, reject) => {
      const onClose = () => reject(new AbortError(undefined, { cause: 'readline closed' }));
      let cb = (answer) => {
        this.removeListener('close', onClose);
        resolve(answer);
      };
      const signal = options?.signal;
      if (signal) {
        validateAbortSignal(signal, 'options.signal');
        if (signal.aborted) {
          reject(new AbortError(undefined, { cause: signal.reason }));
          return;
        }
        const onAbort = () => {
          this.close();
          reject(new AbortError(undefined, { cause: signal.reason }));
        };
        signal.addEventListener('abort', onAbort, { once: true });
        const answered = cb;
        cb = (answer) => {
          signal.removeEventListener('abort', onAbort);
          answered(answer);
        };
      }
      this.once('close', onClose);
      super.question(query, cb);
    });
  }
}

function createInterface(input, output, completer, terminal) {
  return new Interface(input, output, completer, terminal);
}

module.exports = { Interface, createInterface };
