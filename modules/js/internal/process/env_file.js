'use strict';
// Dotenv files as Node reads them: util.parseEnv(content) and process.loadEnvFile(path).
// One `KEY=value` per line (`export KEY=value` too); `#` starts a comment line, or an inline
// comment after an unquoted value; values in '', "" or `` may span lines, and "" turns
// `\n` into a newline; an unterminated quote keeps the rest of its line as it is.

const isSpace = (c) => c === ' ' || c === '\t' || c === '\n' || c === '\r' || c === '\f' ||
  c === '\v';

function trimStart(text) {
  let i = 0;
  while (i < text.length && isSpace(text[i])) i++;
  return text.slice(i);
}

function trim(text) {
  let end = text.length;
  while (end > 0 && isSpace(text[end - 1])) end--;
  return trimStart(text.slice(0, end));
}

/** The text after the line that `text` starts with, or '' on the last line. */
function afterLine(text) {
  const newline = text.indexOf('\n');
  return newline === -1 ? '' : text.slice(newline + 1);
}

/** `{ key: value }` (null prototype) from the content of a dotenv file. */
function parseEnvContent(content) {
  const store = { __proto__: null };
  let rest = content.replace(/\r\n?/g, '\n');
  for (;;) {
    rest = trimStart(rest);
    if (rest === '') break;
    if (rest[0] === '#') {
      rest = afterLine(rest);
      continue;
    }
    const equal = rest.indexOf('=');
    if (equal === -1) break;
    const firstNewline = rest.indexOf('\n');
    if (firstNewline !== -1 && firstNewline < equal) {
      // A line without `=`: not an assignment.
      rest = afterLine(rest);
      continue;
    }
    let key = trim(rest.slice(0, equal));
    rest = rest.slice(equal + 1);
    if (key.startsWith('export ')) key = trim(key.slice(7));
    // Nothing after `=` on its line: an empty value. (Blanks after it are skipped, line
    // ends included, as Node does.)
    if (rest === '' || rest[0] === '\n') {
      if (key !== '') store[key] = '';
      continue;
    }
    rest = trimStart(rest);
    const quote = rest[0];
    let value;
    if (quote === '"' || quote === '\'' || quote === '`') {
      const closing = rest.indexOf(quote, 1);
      if (closing === -1) {
        // Unterminated: the rest of the line, quote included.
        const newline = rest.indexOf('\n');
        value = trim(newline === -1 ? rest : rest.slice(0, newline));
        rest = newline === -1 ? '' : rest.slice(newline);
      } else {
        value = rest.slice(1, closing);
        if (quote === '"') value = value.replaceAll('\\n', '\n');
        rest = afterLine(rest.slice(closing + 1));
      }
    } else {
      const newline = rest.indexOf('\n');
      value = newline === -1 ? rest : rest.slice(0, newline);
      const hash = value.indexOf('#');
      if (hash !== -1) value = value.slice(0, hash);
      value = trim(value);
      rest = newline === -1 ? '' : rest.slice(newline);
    }
    if (key !== '') store[key] = value;
  }
  // Sorted by key, as Node's map keeps them.
  const sorted = { __proto__: null };
  for (const key of Object.keys(store).sort()) sorted[key] = store[key];
  return sorted;
}

/** util.parseEnv(content). */
function parseEnv(content) {
  require('internal/validators').validateString(content, 'content');
  return parseEnvContent(content);
}

/** process.loadEnvFile(path = '.env'): sets the variables that are not set already. */
function loadEnvFile(path = undefined) {
  let file = '.env';
  if (path !== undefined && path !== null) {
    const { getValidatedPath } = require('internal/fs/utils');
    file = getValidatedPath(path);
  }
  const content = require('fs').readFileSync(file, 'utf8');
  const parsed = parseEnvContent(content);
  for (const key of Object.keys(parsed)) {
    if (process.env[key] === undefined) process.env[key] = parsed[key];
  }
}

module.exports = { parseEnv, loadEnvFile };
