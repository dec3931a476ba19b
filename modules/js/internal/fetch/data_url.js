'use strict';
// The Fetch standard's "data: URL processor" and the MIME type parsing and serialisation
// it needs: `data:[<mime>][;base64],<data>` becomes a MIME type and bytes.

const httpTokenRe = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
const quotedStringValueRe = /^[\t\x20-\x7e\x80-\xff]*$/;
const whitespaceRe = /^[\t\n\f\r ]+|[\t\n\f\r ]+$/g;
const httpWhitespaceRe = /^[\t\n\r ]+|[\t\n\r ]+$/g;

/**
 * Parses a MIME type as the MIME Sniffing standard does: `{ type, subtype, parameters }`
 * (a Map), or null on failure.
 */
function parseMimeType(input) {
  input = input.replace(httpWhitespaceRe, '');
  let pos = input.indexOf('/');
  if (pos === -1) return null;
  const type = input.slice(0, pos);
  if (type === '' || !httpTokenRe.test(type)) return null;
  let end = input.indexOf(';', pos + 1);
  if (end === -1) end = input.length;
  const subtype = input.slice(pos + 1, end).replace(/[\t\n\r ]+$/, '');
  if (subtype === '' || !httpTokenRe.test(subtype)) return null;
  const mime = { type: type.toLowerCase(), subtype: subtype.toLowerCase(), parameters: new Map() };
  pos = end;
  while (pos < input.length) {
    pos++; // past ';'
    while (pos < input.length && /[\t\n\r ]/.test(input[pos])) pos++;
    let nameEnd = pos;
    while (nameEnd < input.length && input[nameEnd] !== ';' && input[nameEnd] !== '=') nameEnd++;
    const name = input.slice(pos, nameEnd).toLowerCase();
    pos = nameEnd;
    if (pos < input.length && input[pos] === ';') continue;
    if (pos >= input.length) break;
    pos++; // past '='
    let value;
    if (input[pos] === '"') {
      // A quoted string: backslash escapes one character; anything after it is skipped.
      value = '';
      pos++;
      while (pos < input.length && input[pos] !== '"') {
        if (input[pos] === '\\' && pos + 1 < input.length) pos++;
        value += input[pos++];
      }
      while (pos < input.length && input[pos] !== ';') pos++;
    } else {
      let valueEnd = input.indexOf(';', pos);
      if (valueEnd === -1) valueEnd = input.length;
      value = input.slice(pos, valueEnd).replace(/[\t\n\r ]+$/, '');
      pos = valueEnd;
      if (value === '') continue;
    }
    if (name !== '' && httpTokenRe.test(name) && quotedStringValueRe.test(value) &&
        !mime.parameters.has(name)) {
      mime.parameters.set(name, value);
    }
  }
  return mime;
}

/** Serialises a parsed MIME type, quoting parameter values that are not tokens. */
function serializeMimeType(mime) {
  let out = `${mime.type}/${mime.subtype}`;
  for (const [name, value] of mime.parameters) {
    out += `;${name}=`;
    out += httpTokenRe.test(value) ? value : `"${value.replace(/(["\\])/g, '\\$1')}"`;
  }
  return out;
}

// Percent-decoding of an ASCII URL string into bytes.
function percentDecode(str) {
  const out = new Uint8Array(str.length);
  let length = 0;
  for (let i = 0; i < str.length; i++) {
    const code = str.charCodeAt(i);
    if (code === 0x25 && /^[0-9A-Fa-f]{2}$/.test(str.slice(i + 1, i + 3))) {
      out[length++] = parseInt(str.slice(i + 1, i + 3), 16);
      i += 2;
    } else {
      out[length++] = code & 0xff;
    }
  }
  return out.subarray(0, length);
}

// Forgiving-base64 decode (HTML standard), or null on failure.
function forgivingBase64(str) {
  str = str.replace(/[\t\n\f\r ]/g, '');
  if (str.length % 4 === 0) str = str.replace(/={1,2}$/, '');
  if (str.length % 4 === 1 || /[^+/0-9A-Za-z]/.test(str)) return null;
  const buf = require('buffer').Buffer.from(str, 'base64');
  return new Uint8Array(buf.buffer, buf.byteOffset, buf.length);
}

/** Processes a data: URL (a URL object): `{ mimeType, body }` or null on failure. */
function processDataURL(url) {
  let input = url.href.slice(5);
  const hash = input.indexOf('#');
  if (hash !== -1) input = input.slice(0, hash);
  const comma = input.indexOf(',');
  if (comma === -1) return null;
  let mimeType = input.slice(0, comma).replace(whitespaceRe, '');
  let body = percentDecode(input.slice(comma + 1));
  const base64 = /;[\x20]*base64$/i.exec(mimeType);
  if (base64 !== null) {
    let text = '';
    for (let i = 0; i < body.length; i++) text += String.fromCharCode(body[i]);
    body = forgivingBase64(text);
    if (body === null) return null;
    mimeType = mimeType.slice(0, base64.index);
  }
  if (mimeType.startsWith(';')) mimeType = `text/plain${mimeType}`;
  const parsed = parseMimeType(mimeType) ?? parseMimeType('text/plain;charset=US-ASCII');
  return { mimeType: serializeMimeType(parsed), body };
}

module.exports = { processDataURL, parseMimeType, serializeMimeType };
