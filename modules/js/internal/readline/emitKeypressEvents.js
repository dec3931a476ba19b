'use strict';
// readline.emitKeypressEvents(stream, iface): makes `stream` emit 'keypress' events decoded
// from its 'data' (see emitKeys in internal/readline/utils). Data is decoded only while
// someone listens for 'keypress'. An ESC at the end of a chunk is reported as the escape key
// after `iface.escapeCodeTimeout` ms unless more of its sequence arrives.

const { charLengthAt, emitKeys, CSI: { kEscape } } = require('internal/readline/utils');

const kKeypressDecoder = Symbol('keypress-decoder');
const kEscapeDecoder = Symbol('escape-decoder');
const kSawKeyPress = Symbol('_sawKeyPress');
const kDefaultEscapeCodeTimeout = 500;

function startKeyDecoder(stream) {
  stream[kEscapeDecoder] = emitKeys(stream);
  stream[kEscapeDecoder].next();
}

function emitKeypressEvents(stream, iface = {}) {
  if (stream[kKeypressDecoder]) return;
  const { StringDecoder } = require('string_decoder');
  stream[kKeypressDecoder] = new StringDecoder('utf8');
  startKeyDecoder(stream);

  const triggerEscape = () => stream[kEscapeDecoder].next('');
  const { escapeCodeTimeout = kDefaultEscapeCodeTimeout } = iface;
  let escapeTimeout;

  function onData(input) {
    if (stream.listenerCount('keypress') === 0) {
      // Nobody listens any more: stop decoding until someone does.
      stream.removeListener('data', onData);
      stream.on('newListener', onNewListener);
      return;
    }
    const string = stream[kKeypressDecoder].write(input);
    if (!string) return;
    clearTimeout(escapeTimeout);
    // A chunk that is one character (possibly a surrogate pair) was typed, not pasted.
    iface[kSawKeyPress] = charLengthAt(string, 0) === string.length;
    iface.isCompletionEnabled = false;

    let length = 0;
    for (const character of string) {
      length += character.length;
      // Completion happens only on the last character of a chunk, so pasted tabs insert.
      if (length === string.length) iface.isCompletionEnabled = true;
      try {
        stream[kEscapeDecoder].next(character);
        if (length === string.length && character === kEscape) {
          escapeTimeout = setTimeout(triggerEscape, escapeCodeTimeout);
        }
      } catch (err) {
        // A 'keypress' listener threw inside the generator, which ended it: restart it.
        startKeyDecoder(stream);
        throw err;
      }
    }
  }

  function onNewListener(event) {
    if (event === 'keypress') {
      stream.on('data', onData);
      stream.removeListener('newListener', onNewListener);
    }
  }

  if (stream.listenerCount('keypress') > 0) {
    stream.on('data', onData);
  } else {
    stream.on('newListener', onNewListener);
  }
}

module.exports = { emitKeypressEvents, kSawKeyPress, kDefaultEscapeCodeTimeout };
