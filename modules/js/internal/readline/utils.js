'use strict';
// Helpers shared by the readline modules: the CSI escape-sequence builder, UTF-16 code point
// lengths around a cursor, the longest common prefix of completions, and `emitKeys`, the
// generator that turns terminal input, one character at a time, into 'keypress' events
// with Node's key objects ({ sequence, name, ctrl, meta, shift, code }).

const kEscape = '\x1b';
const kSubstringSearch = Symbol('kSubstringSearch');

// CSI`...`: a tagged template that prefixes its text with ESC '['.
function CSI(strings, ...args) {
  let sequence = `${kEscape}[`;
  for (let i = 0; i < strings.length; i++) {
    sequence += strings[i];
    if (i < args.length) sequence += args[i];
  }
  return sequence;
}

CSI.kEscape = kEscape;
CSI.kClearToLineBeginning = CSI`1K`;
CSI.kClearToLineEnd = CSI`0K`;
CSI.kClearLine = CSI`2K`;
CSI.kClearScreenDown = CSI`0J`;

// UTF-16 units taken by the code point that ends just before index `i`.
function charLengthLeft(str, i) {
  if (i <= 0) return 0;
  if ((i > 1 && str.codePointAt(i - 2) >= 0x10000) || str.codePointAt(i - 1) >= 0x10000) {
    return 2;
  }
  return 1;
}

// UTF-16 units taken by the code point that starts at index `i` (1 past the end).
function charLengthAt(str, i) {
  if (str.length <= i) return 1;
  return str.codePointAt(i) >= 0x10000 ? 2 : 1;
}

function commonPrefix(strings) {
  if (strings.length === 0) return '';
  if (strings.length === 1) return strings[0];
  const sorted = strings.slice().sort();
  const first = sorted[0];
  const last = sorted[sorted.length - 1];
  for (let i = 0; i < first.length; i++) {
    if (first[i] !== last[i]) return first.slice(0, i);
  }
  return first;
}

// Escape-sequence codes (after ESC) and the key they name; a `modifier` entry forces a
// modifier that the sequence implies (rxvt's shifted/controlled keys).
const keyNames = {
  __proto__: null,
  // xterm/gnome ESC [ letter and ESC O letter
  '[P': 'f1', '[Q': 'f2', '[R': 'f3', '[S': 'f4',
  'OP': 'f1', 'OQ': 'f2', 'OR': 'f3', 'OS': 'f4',
  // xterm/rxvt ESC [ number ~
  '[11~': 'f1', '[12~': 'f2', '[13~': 'f3', '[14~': 'f4',
  // bracketed paste
  '[200~': 'paste-start', '[201~': 'paste-end',
  // Cygwin and libuv
  '[[A': 'f1', '[[B': 'f2', '[[C': 'f3', '[[D': 'f4', '[[E': 'f5',
  '[15~': 'f5', '[17~': 'f6', '[18~': 'f7', '[19~': 'f8', '[20~': 'f9',
  '[21~': 'f10', '[23~': 'f11', '[24~': 'f12',
  '[A': 'up', '[B': 'down', '[C': 'right', '[D': 'left', '[E': 'clear', '[F': 'end', '[H': 'home',
  'OA': 'up', 'OB': 'down', 'OC': 'right', 'OD': 'left', 'OE': 'clear', 'OF': 'end', 'OH': 'home',
  '[1~': 'home', '[2~': 'insert', '[3~': 'delete', '[4~': 'end', '[5~': 'pageup', '[6~': 'pagedown',
  // putty
  '[[5~': 'pageup', '[[6~': 'pagedown',
  // rxvt
  '[7~': 'home', '[8~': 'end',
};

const shiftedKeyNames = {
  __proto__: null,
  '[a': 'up', '[b': 'down', '[c': 'right', '[d': 'left', '[e': 'clear',
  '[2$': 'insert', '[3$': 'delete', '[5$': 'pageup', '[6$': 'pagedown', '[7$': 'home', '[8$': 'end',
  '[Z': 'tab',
};

const controlledKeyNames = {
  __proto__: null,
  'Oa': 'up', 'Ob': 'down', 'Oc': 'right', 'Od': 'left', 'Oe': 'clear',
  '[2^': 'insert', '[3^': 'delete', '[5^': 'pageup', '[6^': 'pagedown', '[7^': 'home', '[8^': 'end',
};

const isDigit = (ch) => ch >= '0' && ch <= '9';

// Fills in `key` from an escape sequence: `ch` is 'O' or '[' and `next` yields the
// characters that follow. Returns the whole text consumed after the introducer.
function* readEscapeSequence(ch, key) {
  let consumed = '';
  let code = ch;
  let modifier = 0;
  if (ch === 'O') {
    // ESC O letter, ESC O modifier letter
    consumed += (ch = yield);
    if (isDigit(ch)) {
      modifier = (ch >> 0) - 1;
      consumed += (ch = yield);
    }
    code += ch;
  } else {
    // ESC [ letter, ESC [ modifier letter, ESC [ [ modifier letter, ESC [ [ num char
    consumed += (ch = yield);
    if (ch === '[') {
      code += ch;
      consumed += (ch = yield);
    }
    // Buffer just enough for one of `\d\d?(;\d)?[~^$]`, `\d{3}~` or `((\d;)?\d)?[A-Za-z]`.
    const commandStart = consumed.length - 1;
    if (isDigit(ch)) {
      consumed += (ch = yield);
      if (isDigit(ch)) {
        consumed += (ch = yield);
        if (isDigit(ch)) consumed += (ch = yield);
      }
    }
    if (ch === ';') {
      consumed += (ch = yield);
      if (isDigit(ch)) consumed += yield;
    }
    const command = consumed.slice(commandStart);
    let match;
    if ((match = /^(?:(\d\d?)(?:;(\d))?([~^$])|(\d{3}~))$/.exec(command)) !== null) {
      if (match[4]) {
        code += match[4];
      } else {
        code += match[1] + match[3];
        modifier = (match[2] || 1) - 1;
      }
    } else if ((match = /^((\d;)?(\d))?([A-Za-z])$/.exec(command)) !== null) {
      code += match[4];
      modifier = (match[3] || 1) - 1;
    } else {
      code += command;
    }
  }

  key.ctrl = !!(modifier & 4);
  key.meta = !!(modifier & 10);
  key.shift = !!(modifier & 1);
  key.code = code;
  if (code in keyNames) {
    key.name = keyNames[code];
  } else if (code in shiftedKeyNames) {
    key.name = shiftedKeyNames[code];
    key.shift = true;
  } else if (code in controlledKeyNames) {
    key.name = controlledKeyNames[code];
    key.ctrl = true;
  } else {
    key.name = 'undefined';
  }
  return consumed;
}

// Receives characters through next(ch) (and '' when an escape times out) and emits
// 'keypress' (sequence, key) on `stream` for each complete key.
function* emitKeys(stream) {
  while (true) {
    let ch = yield;
    let sequence = ch;
    let escaped = false;
    const key = { sequence: null, name: undefined, ctrl: false, meta: false, shift: false };

    if (ch === kEscape) {
      escaped = true;
      sequence += (ch = yield);
      if (ch === kEscape) sequence += (ch = yield);
    }

    if (escaped && (ch === 'O' || ch === '[')) {
      sequence += yield* readEscapeSequence(ch, key);
    } else if (ch === '\r') {
      key.name = 'return';
      key.meta = escaped;
    } else if (ch === '\n') {
      key.name = 'enter';
      key.meta = escaped;
    } else if (ch === '\t') {
      key.name = 'tab';
      key.meta = escaped;
    } else if (ch === '\b' || ch === '\x7f') {
      key.name = 'backspace';
      key.meta = escaped;
    } else if (ch === kEscape) {
      key.name = 'escape';
      key.meta = escaped;
    } else if (ch === ' ') {
      key.name = 'space';
      key.meta = escaped;
    } else if (!escaped && ch <= '\x1a') {
      // Ctrl+letter
      key.name = String.fromCharCode(ch.charCodeAt(0) + 'a'.charCodeAt(0) - 1);
      key.ctrl = true;
    } else if (/^[0-9A-Za-z]$/.test(ch)) {
      key.name = ch.toLowerCase();
      key.shift = /^[A-Z]$/.test(ch);
      key.meta = escaped;
    } else if (escaped) {
      // An escape that timed out ('') or escaped an unnamed character.
      key.name = ch.length ? undefined : 'escape';
      key.meta = true;
    }

    key.sequence = sequence;
    if (sequence.length !== 0 && (key.name !== undefined || escaped)) {
      stream.emit('keypress', escaped ? undefined : sequence, key);
    } else if (charLengthAt(sequence, 0) === sequence.length) {
      // A single unnamed character such as '.'.
      stream.emit('keypress', sequence, key);
    }
    // Anything else is a broken escape sequence: nothing is emitted.
  }
}

module.exports = {
  CSI,
  charLengthAt,
  charLengthLeft,
  commonPrefix,
  emitKeys,
  kSubstringSearch,
};
