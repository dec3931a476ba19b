'use strict';
// The line reader behind `readline` and `readline/promises`. Without a terminal it decodes
// its input as UTF-8 and splits it into lines (\n, \r\n, \r, U+2028, U+2029), emitting
// 'line' or answering a pending question. With `terminal: true` it reads keypresses
// (emitKeypressEvents) and edits the line in place like a shell: cursor and word movement,
// kill/yank, undo/redo, history with prefix search, tab completion, prompt redraw, and the
// 'SIGINT'/'SIGTSTP'/'SIGCONT' events. The members are symbols; `readline` maps the
// underscore names of its legacy API onto them.

const EventEmitter = require('events');
const {
  AbortError,
  codes: { ERR_INVALID_ARG_VALUE, ERR_USE_AFTER_CLOSE },
} = require('internal/errors');
const {
  validateAbortSignal,
  validateArray,
  validateNumber,
  validateString,
  validateUint32,
} = require('internal/validators');
const { getStringWidth, stripVTControlCharacters } = require('internal/util/inspect');
const {
  charLengthAt,
  charLengthLeft,
  commonPrefix,
  kSubstringSearch,
} = require('internal/readline/utils');
const {
  emitKeypressEvents,
  kSawKeyPress,
  kDefaultEscapeCodeTimeout,
} = require('internal/readline/emitKeypressEvents');
const { clearScreenDown, cursorTo, moveCursor } = require('internal/readline/callbacks');

const kHistorySize = 30;
const kMinCrlfDelay = 100;
const kMaxUndoRedoStackSize = 2048;
const kMaxLengthOfKillRing = 32;
// A line ends at \n, \r\n, a lone \r, or a Unicode line or paragraph separator.
const lineEnding = /\r?\n|\r(?!\n)|\u2028|\u2029/g;

const kAddHistory = Symbol('_addHistory');
const kBeforeEdit = Symbol('_beforeEdit');
const kDecoder = Symbol('_decoder');
const kDeleteLeft = Symbol('_deleteLeft');
const kDeleteLineLeft = Symbol('_deleteLineLeft');
const kDeleteLineRight = Symbol('_deleteLineRight');
const kDeleteRight = Symbol('_deleteRight');
const kDeleteWordLeft = Symbol('_deleteWordLeft');
const kDeleteWordRight = Symbol('_deleteWordRight');
const kGetDisplayPos = Symbol('_getDisplayPos');
const kHistoryNext = Symbol('_historyNext');
const kHistoryPrev = Symbol('_historyPrev');
const kInsertString = Symbol('_insertString');
const kKillRing = Symbol('_killRing');
const kKillRingCursor = Symbol('_killRingCursor');
const kLine = Symbol('_line');
const kLineBuffer = Symbol('_line_buffer');
const kLineObjectStream = Symbol('line object stream');
const kMoveCursor = Symbol('_moveCursor');
const kNormalWrite = Symbol('_normalWrite');
const kOldPrompt = Symbol('_oldPrompt');
const kOnLine = Symbol('_onLine');
const kPreviousKey = Symbol('_previousKey');
const kPrompt = Symbol('_prompt');
const kPushToKillRing = Symbol('_pushToKillRing');
const kPushToUndoStack = Symbol('_pushToUndoStack');
const kQuestion = Symbol('kQuestion');
const kQuestionCallback = Symbol('_questionCallback');
const kQuestionCancel = Symbol('kQuestionCancel');
// The reject function of a pending readline/promises question.
const kQuestionReject = Symbol('kQuestionReject');
const kRedo = Symbol('_redo');
const kRedoStack = Symbol('_redoStack');
const kRefreshLine = Symbol('_refreshLine');
const kSawReturnAt = Symbol('_sawReturnAt');
const kSetRawMode = Symbol('_setRawMode');
const kTabComplete = Symbol('_tabComplete');
const kTabCompleter = Symbol('_tabCompleter');
const kTtyWrite = Symbol('_ttyWrite');
const kUndo = Symbol('_undo');
const kUndoStack = Symbol('_undoStack');
const kWordLeft = Symbol('_wordLeft');
const kWordRight = Symbol('_wordRight');
const kWriteToOutput = Symbol('_writeToOutput');
const kYank = Symbol('_yank');
const kYanking = Symbol('_yanking');
const kYankPop = Symbol('_yankPop');

const kEmptyObject = Object.freeze({ __proto__: null });

function reverseString(string) {
  return Array.from(string).reverse().join('');
}

// A plain function rather than a class constructor so that `readline.Interface` can be
// called without `new` and still initialise the instance.
function InterfaceConstructor(input, output, completer, terminal) {
  this[kSawReturnAt] = 0;
  this.isCompletionEnabled = true;
  this[kSawKeyPress] = false;
  this[kPreviousKey] = null;
  this.escapeCodeTimeout = kDefaultEscapeCodeTimeout;
  this.tabSize = 8;

  EventEmitter.call(this);

  let history;
  let historySize;
  let removeHistoryDuplicates = false;
  let crlfDelay;
  let prompt = '> ';
  let signal;

  if (input?.input) {
    // An options object.
    output = input.output;
    completer = input.completer;
    terminal = input.terminal;
    history = input.history;
    historySize = input.historySize;
    signal = input.signal;
    if (input.tabSize !== undefined) {
      validateUint32(input.tabSize, 'tabSize', true);
      this.tabSize = input.tabSize;
    }
    removeHistoryDuplicates = input.removeHistoryDuplicates;
    if (input.prompt !== undefined) prompt = input.prompt;
    if (input.escapeCodeTimeout !== undefined) {
      if (Number.isFinite(input.escapeCodeTimeout)) {
        this.escapeCodeTimeout = input.escapeCodeTimeout;
      } else {
        throw new ERR_INVALID_ARG_VALUE('input.escapeCodeTimeout', this.escapeCodeTimeout);
      }
    }
    if (signal) validateAbortSignal(signal, 'options.signal');
    crlfDelay = input.crlfDelay;
    input = input.input;
  }

  if (history === undefined) {
    history = [];
  } else {
    validateArray(history, 'history');
  }
  if (historySize === undefined) historySize = kHistorySize;
  validateNumber(historySize, 'size', 0);
  if (completer !== undefined && typeof completer !== 'function') {
    throw new ERR_INVALID_ARG_VALUE('completer', completer);
  }
  // Without an explicit choice, a TTY output means terminal mode.
  if (terminal === undefined && output != null) terminal = !!output.isTTY;

  this.line = '';
  this[kSubstringSearch] = null;
  this.output = output;
  this.input = input;
  this[kUndoStack] = [];
  this[kRedoStack] = [];
  this.history = history;
  this.historySize = historySize;
  this.historyIndex = -1;
  this[kKillRing] = [];
  this[kKillRingCursor] = 0;
  this.removeHistoryDuplicates = !!removeHistoryDuplicates;
  this.crlfDelay = crlfDelay ? Math.max(kMinCrlfDelay, crlfDelay) : kMinCrlfDelay;
  this.completer = completer;
  this.setPrompt(prompt);
  this.terminal = !!terminal;
  this[kLineObjectStream] = undefined;

  const onError = (err) => this.emit('error', err);
  const onData = (data) => this[kNormalWrite](data);
  const onEnd = () => {
    if (typeof this[kLineBuffer] === 'string' && this[kLineBuffer].length > 0) {
      this.emit('line', this[kLineBuffer]);
    }
    this.close();
  };
  const onTerminalEnd = () => {
    if (typeof this.line === 'string' && this.line.length > 0) this.emit('line', this.line);
    this.close();
  };
  const onKeypress = (s, key) => {
    this[kTtyWrite](s, key);
    // A lone surrogate half may have been drawn wrongly: redraw once the pair is known.
    if (key?.sequence) {
      const code = key.sequence.codePointAt(0);
      if (code >= 0xd800 && code <= 0xdfff) this[kRefreshLine]();
    }
  };
  const onResize = () => this[kRefreshLine]();

  input.on('error', onError);

  if (!this.terminal) {
    input.on('data', onData);
    input.on('end', onEnd);
    this.once('close', () => {
      input.removeListener('data', onData);
      input.removeListener('error', onError);
      input.removeListener('end', onEnd);
    });
    const { StringDecoder } = require('string_decoder');
    this[kDecoder] = new StringDecoder('utf8');
  } else {
    emitKeypressEvents(input, this);
    input.on('keypress', onKeypress);
    input.on('end', onTerminalEnd);
    this[kSetRawMode](true);
    this.terminal = true;
    this.cursor = 0;
    this.historyIndex = -1;
    if (output != null) output.on('resize', onResize);
    this.once('close', () => {
      input.removeListener('keypress', onKeypress);
      input.removeListener('error', onError);
      input.removeListener('end', onTerminalEnd);
      if (output != null) output.removeListener('resize', onResize);
    });
  }

  if (signal) {
    const onAborted = () => this.close();
    if (signal.aborted) {
      process.nextTick(onAborted);
    } else {
      const disposable = EventEmitter.addAbortListener(signal, onAborted);
      this.once('close', disposable[Symbol.dispose]);
    }
  }

  this.line = '';
  input.resume();
}

Object.setPrototypeOf(InterfaceConstructor.prototype, EventEmitter.prototype);
Object.setPrototypeOf(InterfaceConstructor, EventEmitter);

class Interface extends InterfaceConstructor {
  // Screen width of the output, Infinity when unknown.
  get columns() {
    if (this.output?.columns) return this.output.columns;
    return Infinity;
  }

  setPrompt(prompt) {
    this[kPrompt] = prompt;
  }

  getPrompt() {
    return this[kPrompt];
  }

  [kSetRawMode](mode) {
    const wasInRawMode = this.input.isRaw;
    if (typeof this.input.setRawMode === 'function') this.input.setRawMode(mode);
    return wasInRawMode;
  }

  // Writes the prompt: on a terminal, redraws the prompt and the line being edited.
  prompt(preserveCursor) {
    if (this.paused) this.resume();
    if (this.terminal && process.env.TERM !== 'dumb') {
      if (!preserveCursor) this.cursor = 0;
      this[kRefreshLine]();
    } else {
      this[kWriteToOutput](this[kPrompt]);
    }
  }

  [kQuestion](query, cb) {
    if (this.closed) throw new ERR_USE_AFTER_CLOSE('readline');
    if (this[kQuestionCallback]) {
      this.prompt();
    } else {
      this[kOldPrompt] = this[kPrompt];
      this.setPrompt(query);
      this[kQuestionCallback] = cb;
      this.prompt();
    }
  }

  [kOnLine](line) {
    if (this[kQuestionCallback]) {
      const cb = this[kQuestionCallback];
      this[kQuestionCallback] = null;
      this.setPrompt(this[kOldPrompt]);
      cb(line);
    } else {
      this.emit('line', line);
    }
  }

  [kBeforeEdit](oldText, oldCursor) {
    this[kPushToUndoStack](oldText, oldCursor);
  }

  [kQuestionCancel]() {
    if (this[kQuestionCallback]) {
      this[kQuestionCallback] = null;
      this.setPrompt(this[kOldPrompt]);
      this.clearLine();
    }
  }

  [kWriteToOutput](stringToWrite) {
    validateString(stringToWrite, 'stringToWrite');
    if (this.output != null) this.output.write(stringToWrite);
  }

  // Puts the current line at the head of the history (unless empty, blank or a repeat) and
  // returns it; 'history' listeners may change the array, e.g. to drop a secret.
  [kAddHistory]() {
    if (this.line.length === 0) return '';
    if (this.historySize === 0) return this.line;
    if (this.line.trim().length === 0) return this.line;
    if (this.history.length === 0 || this.history[0] !== this.line) {
      if (this.removeHistoryDuplicates) {
        const duplicate = this.history.indexOf(this.line);
        if (duplicate !== -1) this.history.splice(duplicate, 1);
      }
      this.history.unshift(this.line);
      if (this.history.length > this.historySize) this.history.pop();
    }
    this.historyIndex = -1;
    const line = this.history[0];
    this.emit('history', this.history);
    return line;
  }

  // Redraws the prompt and line from the start of the prompt and puts the cursor back.
  [kRefreshLine]() {
    const line = this[kPrompt] + this.line;
    const displayEnd = this[kGetDisplayPos](line);
    const cursorPos = this.getCursorPos();

    const prevRows = this.prevRows || 0;
    if (prevRows > 0) moveCursor(this.output, 0, -prevRows);
    cursorTo(this.output, 0);
    clearScreenDown(this.output);
    this[kWriteToOutput](line);
    // Make the terminal allocate the new row when the line fills the last one exactly.
    if (displayEnd.cols === 0) this[kWriteToOutput](' ');
    cursorTo(this.output, cursorPos.cols);
    const rowsBelowCursor = displayEnd.rows - cursorPos.rows;
    if (rowsBelowCursor > 0) moveCursor(this.output, 0, -rowsBelowCursor);
    this.prevRows = cursorPos.rows;
  }

  close() {
    if (this.closed) return;
    this.pause();
    if (this.terminal) this[kSetRawMode](false);
    this.closed = true;
    this.emit('close');
  }

  [Symbol.dispose]() {
    this.close();
  }

  pause() {
    if (this.closed) throw new ERR_USE_AFTER_CLOSE('readline');
    if (this.paused) return;
    this.input.pause();
    this.paused = true;
    this.emit('pause');
    return this;
  }

  resume() {
    if (this.closed) throw new ERR_USE_AFTER_CLOSE('readline');
    if (!this.paused) return;
    this.input.resume();
    this.paused = false;
    this.emit('resume');
    return this;
  }

  // Feeds data as if it came from the input; on a terminal `key` describes a keypress.
  write(data, key) {
    if (this.closed) throw new ERR_USE_AFTER_CLOSE('readline');
    if (this.paused) this.resume();
    if (this.terminal) {
      this[kTtyWrite](data, key);
    } else {
      this[kNormalWrite](data);
    }
  }

  // Splits decoded input into lines; the unfinished tail waits in the line buffer. A '\r'
  // ending one chunk swallows a '\n' starting the next if it comes within crlfDelay.
  [kNormalWrite](chunk) {
    if (chunk === undefined) return;
    let string = this[kDecoder].write(chunk);
    if (this[kSawReturnAt] && Date.now() - this[kSawReturnAt] <= this.crlfDelay) {
      if (string.codePointAt(0) === 10) string = string.slice(1);
      this[kSawReturnAt] = 0;
    }
    lineEnding.lastIndex = 0;
    if (!lineEnding.test(string)) {
      if (string) this[kLineBuffer] = (this[kLineBuffer] || '') + string;
      return;
    }
    if (this[kLineBuffer]) {
      string = this[kLineBuffer] + string;
      this[kLineBuffer] = null;
    }
    this[kSawReturnAt] = string.endsWith('\r') ? Date.now() : 0;
    const lines = [];
    let start = 0;
    let match;
    lineEnding.lastIndex = 0;
    while ((match = lineEnding.exec(string)) !== null) {
      lines.push(string.slice(start, match.index));
      start = lineEnding.lastIndex;
    }
    this[kLineBuffer] = string.slice(start);
    for (const line of lines) this[kOnLine](line);
  }

  [kInsertString](text) {
    this[kBeforeEdit](this.line, this.cursor);
    if (!this.isCompletionEnabled) {
      // Inside a pasted chunk: echo the text now, the chunk's last key redraws.
      this.line = this.line.slice(0, this.cursor) + text + this.line.slice(this.cursor);
      this.cursor += text.length;
      this[kWriteToOutput](text);
      return;
    }
    if (this.cursor < this.line.length) {
      this.line = this.line.slice(0, this.cursor) + text + this.line.slice(this.cursor);
      this.cursor += text.length;
      this[kRefreshLine]();
    } else {
      const oldPos = this.getCursorPos();
      this.line += text;
      this.cursor += text.length;
      const newPos = this.getCursorPos();
      if (oldPos.rows < newPos.rows) {
        this[kRefreshLine]();
      } else {
        this[kWriteToOutput](text);
      }
    }
  }

  // Asks the completer (which may return a promise) about the text left of the cursor.
  async [kTabComplete](lastKeypressWasTab) {
    this.pause();
    const string = this.line.slice(0, this.cursor);
    let value;
    try {
      value = await this.completer(string);
    } catch (err) {
      const { inspect } = require('internal/util/inspect');
      this[kWriteToOutput](`Tab completion error: ${inspect(err)}`);
      return;
    } finally {
      this.resume();
    }
    this[kTabCompleter](lastKeypressWasTab, value);
  }

  // Applies a completer result [completions, completedText]: inserts the common prefix of
  // the completions, or on a second tab lists them in columns.
  [kTabCompleter](lastKeypressWasTab, { 0: completions, 1: completeOn }) {
    if (!completions || completions.length === 0) return;

    const prefix = commonPrefix(completions.filter((completion) => completion !== ''));
    if (prefix.startsWith(completeOn) && prefix.length > completeOn.length) {
      this[kInsertString](prefix.slice(completeOn.length));
      return;
    } else if (!completeOn.startsWith(prefix)) {
      this.line = this.line.slice(0, this.cursor - completeOn.length) + prefix +
        this.line.slice(this.cursor, this.line.length);
      this.cursor = this.cursor - completeOn.length + prefix.length;
      this[kRefreshLine]();
      return;
    }

    if (!lastKeypressWasTab) return;
    this[kBeforeEdit](this.line, this.cursor);

    // An empty completion starts a new group; each column is as wide as the widest entry.
    const widths = completions.map((completion) => getStringWidth(completion));
    const width = Math.max(...widths) + 2;
    let maxColumns = Math.floor(this.columns / width) || 1;
    if (maxColumns === Infinity) maxColumns = 1;
    let output = '\r\n';
    let column = 0;
    let padding = 0;
    for (let i = 0; i < completions.length; i++) {
      const completion = completions[i];
      if (completion === '' || column === maxColumns) {
        output += '\r\n';
        column = 0;
        padding = 0;
      } else {
        output += ' '.repeat(padding);
      }
      if (completion !== '') {
        output += completion;
        padding = width - widths[i];
        column++;
      } else {
        output += '\r\n';
      }
    }
    if (column !== 0) output += '\r\n\r\n';
    this[kWriteToOutput](output);
    this[kRefreshLine]();
  }

  [kWordLeft]() {
    if (this.cursor > 0) {
      // Match on the reversed text so the search starts at the cursor.
      const reversed = reverseString(this.line.slice(0, this.cursor));
      const match = /^\s*(?:[^\w\s]+|\w+)?/.exec(reversed);
      this[kMoveCursor](-match[0].length);
    }
  }

  [kWordRight]() {
    if (this.cursor < this.line.length) {
      const match = /^(?:\s+|[^\w\s]+|\w+)\s*/.exec(this.line.slice(this.cursor));
      this[kMoveCursor](match[0].length);
    }
  }

  [kDeleteLeft]() {
    if (this.cursor > 0 && this.line.length > 0) {
      this[kBeforeEdit](this.line, this.cursor);
      const size = charLengthLeft(this.line, this.cursor);
      this.line = this.line.slice(0, this.cursor - size) + this.line.slice(this.cursor);
      this.cursor -= size;
      this[kRefreshLine]();
    }
  }

  [kDeleteRight]() {
    if (this.cursor < this.line.length) {
      this[kBeforeEdit](this.line, this.cursor);
      const size = charLengthAt(this.line, this.cursor);
      this.line = this.line.slice(0, this.cursor) + this.line.slice(this.cursor + size);
      this[kRefreshLine]();
    }
  }

  [kDeleteWordLeft]() {
    if (this.cursor > 0) {
      this[kBeforeEdit](this.line, this.cursor);
      let leading = this.line.slice(0, this.cursor);
      const match = /^\s*(?:[^\w\s]+|\w+)?/.exec(reverseString(leading));
      leading = leading.slice(0, leading.length - match[0].length);
      this.line = leading + this.line.slice(this.cursor);
      this.cursor = leading.length;
      this[kRefreshLine]();
    }
  }

  [kDeleteWordRight]() {
    if (this.cursor < this.line.length) {
      this[kBeforeEdit](this.line, this.cursor);
      const trailing = this.line.slice(this.cursor);
      const match = /^(?:\s+|\W+|\w+)\s*/.exec(trailing);
      this.line = this.line.slice(0, this.cursor) + trailing.slice(match[0].length);
      this[kRefreshLine]();
    }
  }

  [kDeleteLineLeft]() {
    this[kBeforeEdit](this.line, this.cursor);
    const deleted = this.line.slice(0, this.cursor);
    this.line = this.line.slice(this.cursor);
    this.cursor = 0;
    this[kPushToKillRing](deleted);
    this[kRefreshLine]();
  }

  [kDeleteLineRight]() {
    this[kBeforeEdit](this.line, this.cursor);
    const deleted = this.line.slice(this.cursor);
    this.line = this.line.slice(0, this.cursor);
    this[kPushToKillRing](deleted);
    this[kRefreshLine]();
  }

  [kPushToKillRing](deleted) {
    if (!deleted || deleted === this[kKillRing][0]) return;
    this[kKillRing].unshift(deleted);
    this[kKillRingCursor] = 0;
    while (this[kKillRing].length > kMaxLengthOfKillRing) this[kKillRing].pop();
  }

  [kYank]() {
    if (this[kKillRing].length > 0) {
      this[kYanking] = true;
      this[kInsertString](this[kKillRing][this[kKillRingCursor]]);
    }
  }

  // Right after a yank, replaces the yanked text with the next kill-ring entry.
  [kYankPop]() {
    if (!this[kYanking] || this[kKillRing].length <= 1) return;
    const lastYank = this[kKillRing][this[kKillRingCursor]];
    this[kKillRingCursor]++;
    if (this[kKillRingCursor] >= this[kKillRing].length) this[kKillRingCursor] = 0;
    const currentYank = this[kKillRing][this[kKillRingCursor]];
    const head = this.line.slice(0, this.cursor - lastYank.length);
    const tail = this.line.slice(this.cursor);
    this.line = head + currentYank + tail;
    this.cursor = head.length + currentYank.length;
    this[kRefreshLine]();
  }

  // Ends the line being edited on screen and forgets it.
  clearLine() {
    this[kMoveCursor](+Infinity);
    this[kWriteToOutput]('\r\n');
    this.line = '';
    this.cursor = 0;
    this.prevRows = 0;
  }

  [kLine]() {
    const line = this[kAddHistory]();
    this[kUndoStack] = [];
    this[kRedoStack] = [];
    this.clearLine();
    this[kOnLine](line);
  }

  [kPushToUndoStack](text, cursor) {
    if (this[kUndoStack].push({ text, cursor }) > kMaxUndoRedoStackSize) {
      this[kUndoStack].shift();
    }
  }

  [kUndo]() {
    if (this[kUndoStack].length <= 0) return;
    this[kRedoStack].push({ text: this.line, cursor: this.cursor });
    const entry = this[kUndoStack].pop();
    this.line = entry.text;
    this.cursor = entry.cursor;
    this[kRefreshLine]();
  }

  [kRedo]() {
    if (this[kRedoStack].length <= 0) return;
    this[kUndoStack].push({ text: this.line, cursor: this.cursor });
    const entry = this[kRedoStack].pop();
    this.line = entry.text;
    this.cursor = entry.cursor;
    this[kRefreshLine]();
  }

  // Newer history entry; with a substring search active, the next one starting with it.
  [kHistoryNext]() {
    if (this.historyIndex < 0) return;
    this[kBeforeEdit](this.line, this.cursor);
    const search = this[kSubstringSearch] || '';
    let index = this.historyIndex - 1;
    while (index >= 0 &&
           (!this.history[index].startsWith(search) || this.line === this.history[index])) {
      index--;
    }
    this.line = index === -1 ? search : this.history[index];
    this.historyIndex = index;
    this.cursor = this.line.length;
    this[kRefreshLine]();
  }

  // Older history entry; with a substring search active, the next one starting with it.
  [kHistoryPrev]() {
    if (this.historyIndex >= this.history.length || !this.history.length) return;
    this[kBeforeEdit](this.line, this.cursor);
    const search = this[kSubstringSearch] || '';
    let index = this.historyIndex + 1;
    while (index < this.history.length &&
           (!this.history[index].startsWith(search) || this.line === this.history[index])) {
      index++;
    }
    this.line = index === this.history.length ? search : this.history[index];
    this.historyIndex = index;
    this.cursor = this.line.length;
    this[kRefreshLine]();
  }

  // Row and column where `str` ends when written from column 0, wrapping at `columns`
  // (wide characters never straddle the edge; tabs go to the next tab stop).
  [kGetDisplayPos](str) {
    let offset = 0;
    const columns = this.columns;
    let rows = 0;
    for (const char of stripVTControlCharacters(str)) {
      if (char === '\n') {
        rows += Math.ceil(offset / columns) || 1;
        offset = 0;
        continue;
      }
      if (char === '\t') {
        offset += this.tabSize - (offset % this.tabSize);
        continue;
      }
      const width = getStringWidth(char, false);
      if (width === 0 || width === 1) {
        offset += width;
      } else {
        if ((offset + 1) % columns === 0) offset++;
        offset += 2;
      }
    }
    const cols = offset % columns;
    rows += (offset - cols) / columns;
    return { cols, rows };
  }

  // Row and column of the cursor, counted from the start of the prompt.
  getCursorPos() {
    return this[kGetDisplayPos](this[kPrompt] + this.line.slice(0, this.cursor));
  }

  // Moves the cursor by dx UTF-16 units within the line, redrawing if it changes rows.
  [kMoveCursor](dx) {
    if (dx === 0) return;
    const oldPos = this.getCursorPos();
    this.cursor += dx;
    if (this.cursor < 0) {
      this.cursor = 0;
    } else if (this.cursor > this.line.length) {
      this.cursor = this.line.length;
    }
    const newPos = this.getCursorPos();
    if (oldPos.rows === newPos.rows) {
      moveCursor(this.output, newPos.cols - oldPos.cols, 0);
    } else {
      this[kRefreshLine]();
    }
  }

  // Handles one keypress in terminal mode (emacs-style bindings).
  [kTtyWrite](s, key) {
    const previousKey = this[kPreviousKey];
    key ||= kEmptyObject;
    this[kPreviousKey] = key;
    const { name, meta, ctrl, shift, sequence } = key;

    // Anything but meta+y ends a run of yank-pops.
    if (!meta || name !== 'y') this[kYanking] = false;

    // Up/down without modifiers search the history for entries starting with the text
    // left of the cursor when the search began.
    if ((name === 'up' || name === 'down') && !ctrl && !meta && !shift) {
      if (this[kSubstringSearch] === null) {
        this[kSubstringSearch] = this.line.slice(0, this.cursor);
      }
    } else if (this[kSubstringSearch] !== null) {
      this[kSubstringSearch] = null;
      if (this.history.length === this.historyIndex) this.historyIndex = -1;
    }

    // Ctrl+_ undoes and Ctrl+^ redoes.
    if (typeof sequence === 'string') {
      const code = sequence.codePointAt(0);
      if (code === 0x1f) {
        this[kUndo]();
        return;
      }
      if (code === 0x1e) {
        this[kRedo]();
        return;
      }
    }

    if (name === 'escape') return;

    if (ctrl && shift) {
      if (name === 'backspace') this[kDeleteLineLeft]();
      else if (name === 'delete') this[kDeleteLineRight]();
    } else if (ctrl) {
      ttyWriteControl(this, name);
    } else if (meta) {
      switch (name) {
        case 'b': this[kWordLeft](); break;
        case 'f': this[kWordRight](); break;
        case 'd':
        case 'delete': this[kDeleteWordRight](); break;
        case 'backspace': this[kDeleteWordLeft](); break;
        case 'y': this[kYankPop](); break;
      }
    } else {
      ttyWritePlain(this, s, name, previousKey);
    }
  }

  // The lines as an async iterator (events.on over 'line' with backpressure: the input is
  // paused while more than 1024 lines wait to be read).
  [Symbol.asyncIterator]() {
    if (this[kLineObjectStream] === undefined) {
      this[kLineObjectStream] = firstArgumentIterator(EventEmitter.on(this, 'line', {
        close: ['close'],
        highWaterMark: 1024,
      }));
    }
    return this[kLineObjectStream];
  }
}

// Ctrl+key bindings of terminal mode.
function ttyWriteControl(iface, name) {
  switch (name) {
    case 'c':
      if (iface.listenerCount('SIGINT') > 0) {
        iface.emit('SIGINT');
      } else {
        iface.close();
        iface[kQuestionReject]?.(new AbortError('Aborted with Ctrl+C'));
      }
      break;
    case 'h': iface[kDeleteLeft](); break;
    case 'd':
      // Delete right, or end of input on an empty line.
      if (iface.cursor === 0 && iface.line.length === 0) {
        iface.close();
        iface[kQuestionReject]?.(new AbortError('Aborted with Ctrl+D'));
      } else if (iface.cursor < iface.line.length) {
        iface[kDeleteRight]();
      }
      break;
    case 'u': iface[kDeleteLineLeft](); break;
    case 'k': iface[kDeleteLineRight](); break;
    case 'a': iface[kMoveCursor](-Infinity); break;
    case 'e': iface[kMoveCursor](+Infinity); break;
    case 'b': iface[kMoveCursor](-charLengthLeft(iface.line, iface.cursor)); break;
    case 'f': iface[kMoveCursor](+charLengthAt(iface.line, iface.cursor)); break;
    case 'l':
      cursorTo(iface.output, 0, 0);
      clearScreenDown(iface.output);
      iface[kRefreshLine]();
      break;
    case 'n': iface[kHistoryNext](); break;
    case 'p': iface[kHistoryPrev](); break;
    case 'y': iface[kYank](); break;
    case 'z':
      if (process.platform === 'win32') break;
      if (iface.listenerCount('SIGTSTP') > 0) {
        iface.emit('SIGTSTP');
      } else {
        process.once('SIGCONT', () => {
          // An abandoned interface raises no events; the input must be paused and
          // resumed after SIGCONT to see SIGINT, SIGTSTP and EOF again.
          if (!iface.paused) {
            iface.pause();
            iface.emit('SIGCONT');
          }
          iface[kSetRawMode](true);
          iface[kRefreshLine]();
        });
        iface[kSetRawMode](false);
        process.kill(process.pid, 'SIGTSTP');
      }
      break;
    case 'w':
    case 'backspace': iface[kDeleteWordLeft](); break;
    case 'delete': iface[kDeleteWordRight](); break;
    case 'left': iface[kWordLeft](); break;
    case 'right': iface[kWordRight](); break;
  }
}

function ttyWritePlain(iface, s, name, previousKey) {
  // A '\r' only matters if a '\n' follows it right away.
  if (iface[kSawReturnAt] && name !== 'enter') iface[kSawReturnAt] = 0;
  switch (name) {
    case 'return':
      iface[kSawReturnAt] = Date.now();
      iface[kLine]();
      break;
    case 'enter':
      // The '\n' of a '\r\n' pair ends no second line.
      if (iface[kSawReturnAt] === 0 || Date.now() - iface[kSawReturnAt] > iface.crlfDelay) {
        iface[kLine]();
      }
      iface[kSawReturnAt] = 0;
      break;
    case 'backspace': iface[kDeleteLeft](); break;
    case 'delete': iface[kDeleteRight](); break;
    case 'left': iface[kMoveCursor](-charLengthLeft(iface.line, iface.cursor)); break;
    case 'right': iface[kMoveCursor](+charLengthAt(iface.line, iface.cursor)); break;
    case 'home': iface[kMoveCursor](-Infinity); break;
    case 'end': iface[kMoveCursor](+Infinity); break;
    case 'up': iface[kHistoryPrev](); break;
    case 'down': iface[kHistoryNext](); break;
    case 'tab':
      if (typeof iface.completer === 'function' && iface.isCompletionEnabled) {
        iface[kTabComplete](previousKey?.name === 'tab');
        break;
      }
      // Falls through: without completion a tab is inserted.
    default:
      if (typeof s === 'string' && s) insertLines(iface, s);
  }
}

// Inserts typed or pasted text; each line ending in it submits the line so far.
function insertLines(iface, text) {
  let start = 0;
  let match;
  lineEnding.lastIndex = 0;
  while ((match = lineEnding.exec(text)) !== null) {
    iface[kInsertString](text.slice(start, match.index));
    start = lineEnding.lastIndex;
    iface[kLine]();
    // A 'line' listener may have used the shared regexp.
    lineEnding.lastIndex = start;
  }
  iface[kInsertString](text.slice(start));
}

const kWatermarkData = Symbol.for('nodejs.watermarkData');
const AsyncIteratorPrototype =
  Object.getPrototypeOf(Object.getPrototypeOf(async function* () {}).prototype);

// events.on() yields each event's argument list; readline's iterator yields the line.
function firstArgumentIterator(eventIterator) {
  const unwrap = (result) => (result.done ? result : { value: result.value[0], done: false });
  return Object.setPrototypeOf({
    next() {
      return eventIterator.next().then(unwrap);
    },
    return() {
      return eventIterator.return();
    },
    throw(err) {
      return eventIterator.throw(err);
    },
    [Symbol.asyncIterator]() {
      return this;
    },
    [kWatermarkData]: eventIterator[kWatermarkData],
  }, AsyncIteratorPrototype);
}

module.exports = {
  Interface,
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
  kQuestionReject,
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
};
