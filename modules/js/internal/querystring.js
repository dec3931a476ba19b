'use strict';
// Percent-encoding shared by `querystring`, the legacy `url` API and URLSearchParams:
// tables of `%XX` escapes and an encoder that writes UTF-8 escapes for every character a
// table does not leave alone.

const { codes: { ERR_INVALID_URI } } = require('internal/errors');

// '%00' … '%FF', upper-case hex, indexed by byte.
const hexTable = new Array(256);
for (let i = 0; i < 256; i++) {
  hexTable[i] = '%' + (i < 16 ? '0' : '') + i.toString(16).toUpperCase();
}

// 1 where a character is a hex digit, indexed by char code (ASCII only).
const isHexTable = new Int8Array(256);
for (const ch of '0123456789ABCDEFabcdef') isHexTable[ch.charCodeAt(0)] = 1;

// Escapes `str` as UTF-8, leaving the ASCII characters marked 1 in `noEscapeTable` as they
// are and writing any other ASCII character as `hexTableForAscii[code]`. A lone surrogate is
// `ERR_INVALID_URI`, as in Node.
function encodeStr(str, noEscapeTable, hexTableForAscii) {
  const len = str.length;
  if (len === 0) return '';
  let out = '';
  let lastPos = 0;
  for (let i = 0; i < len; i++) {
    let c = str.charCodeAt(i);
    if (c < 0x80) {
      if (noEscapeTable[c] === 1) continue;
      if (lastPos < i) out += str.slice(lastPos, i);
      lastPos = i + 1;
      out += hexTableForAscii[c];
      continue;
    }
    if (lastPos < i) out += str.slice(lastPos, i);
    if (c < 0x800) {
      lastPos = i + 1;
      out += hexTable[0xC0 | (c >> 6)] + hexTable[0x80 | (c & 0x3F)];
      continue;
    }
    if (c < 0xD800 || c >= 0xE000) {
      lastPos = i + 1;
      out += hexTable[0xE0 | (c >> 12)] +
        hexTable[0x80 | ((c >> 6) & 0x3F)] +
        hexTable[0x80 | (c & 0x3F)];
      continue;
    }
    // A surrogate pair makes one four-byte sequence.
    ++i;
    if (i >= len) throw new ERR_INVALID_URI();
    const low = str.charCodeAt(i) & 0x3FF;
    lastPos = i + 1;
    c = 0x10000 + (((c & 0x3FF) << 10) | low);
    out += hexTable[0xF0 | (c >> 18)] +
      hexTable[0x80 | ((c >> 12) & 0x3F)] +
      hexTable[0x80 | ((c >> 6) & 0x3F)] +
      hexTable[0x80 | (c & 0x3F)];
  }
  if (lastPos === 0) return str;
  if (lastPos < len) return out + str.slice(lastPos);
  return out;
}

module.exports = { encodeStr, hexTable, isHexTable };
