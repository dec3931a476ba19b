'use strict';
// `node:querystring`: parse and stringify `a=1&b=2` strings with Node's exact rules
// (custom separators, maxKeys, a pluggable decoder/encoder, arrays for repeated keys).

const { encodeStr, hexTable, isHexTable } = require('internal/querystring');

// Value of each hex digit, -1 for anything else, indexed by char code.
const unhexTable = new Int8Array(256).fill(-1);
for (let i = 0; i < 10; i++) unhexTable[0x30 + i] = i;
for (let i = 0; i < 6; i++) {
  unhexTable[0x41 + i] = 10 + i;
  unhexTable[0x61 + i] = 10 + i;
}

// Characters `escape` leaves alone: encodeURIComponent's unreserved set.
const noEscape = new Int8Array(128);
for (const ch of "!'()*-._~") noEscape[ch.charCodeAt(0)] = 1;
for (let c = 0x30; c <= 0x39; c++) noEscape[c] = 1;
for (let c = 0x41; c <= 0x5a; c++) noEscape[c] = 1;
for (let c = 0x61; c <= 0x7a; c++) noEscape[c] = 1;

// Decodes `%XX` escapes (and `+` when `decodeSpaces`) into bytes; any other character
// becomes the low byte of its code unit.
function unescapeBytes(s, decodeSpaces) {
  const out = new Uint8Array(s.length);
  let index = 0;
  let outIndex = 0;
  let hasHex = false;
  const maxLength = s.length - 2;
  while (index < s.length) {
    let currentChar = s.charCodeAt(index);
    if (currentChar === 0x2b && decodeSpaces) {
      out[outIndex++] = 0x20;
      index++;
      continue;
    }
    if (currentChar === 0x25 && index < maxLength) {
      currentChar = s.charCodeAt(++index);
      const hexHigh = unhexTable[currentChar];
      if (!(hexHigh >= 0)) {
        out[outIndex++] = 0x25;
        continue;
      }
      const hexLow = unhexTable[s.charCodeAt(++index)];
      if (!(hexLow >= 0)) {
        out[outIndex++] = 0x25;
        index--;
      } else {
        hasHex = true;
        currentChar = hexHigh * 16 + hexLow;
      }
    }
    out[outIndex++] = currentChar;
    index++;
  }
  return hasHex ? out.subarray(0, outIndex) : out;
}

function unescapeBuffer(s, decodeSpaces) {
  const { Buffer } = require('buffer');
  const bytes = unescapeBytes(s, decodeSpaces);
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);
}

let utf8Decoder;

function qsUnescape(s, decodeSpaces) {
  try {
    return decodeURIComponent(s);
  } catch {
    utf8Decoder ??= new (require('internal/encoding').TextDecoder)();
    return utf8Decoder.decode(unescapeBytes(s, decodeSpaces));
  }
}

function qsEscape(str) {
  if (typeof str !== 'string') {
    if (typeof str === 'object') str = String(str);
    else str += '';
  }
  return encodeStr(str, noEscape, hexTable);
}

function encodeStringified(v, encode) {
  if (typeof v === 'string') return v.length ? encode(v) : '';
  if (typeof v === 'number' && isFinite(v)) {
    // From 1e21 numbers print as `1e+21`, whose `+` needs escaping.
    return Math.abs(v) < 1e21 ? '' + v : encode('' + v);
  }
  if (typeof v === 'bigint') return '' + v;
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  return '';
}

function encodeDefault(v) {
  return encodeStringified(v, qsEscape);
}

function stringify(obj, sep, eq, options) {
  sep ||= '&';
  eq ||= '=';
  let encode = QueryString.escape;
  if (options && typeof options.encodeURIComponent === 'function') {
    encode = options.encodeURIComponent;
  }
  const convert = encode === qsEscape ? encodeDefault : encodeStringified;

  if (obj === null || typeof obj !== 'object') return '';
  let fields = '';
  for (const k of Object.keys(obj)) {
    const v = obj[k];
    const ks = convert(k, encode) + eq;
    if (Array.isArray(v)) {
      if (v.length === 0) continue;
      if (fields) fields += sep;
      for (let j = 0; j < v.length; ++j) {
        if (j) fields += sep;
        fields += ks + convert(v[j], encode);
      }
    } else {
      if (fields) fields += sep;
      fields += ks + convert(v, encode);
    }
  }
  return fields;
}

function charCodes(str) {
  const codes = new Array(str.length);
  for (let i = 0; i < str.length; ++i) codes[i] = str.charCodeAt(i);
  return codes;
}

const defaultSepCodes = [0x26];
const defaultEqCodes = [0x3d];

function decodeStr(s, decoder) {
  try {
    return decoder(s);
  } catch {
    return QueryString.unescape(s, true);
  }
}

function addKeyVal(obj, key, value, keyEncoded, valEncoded, decode) {
  if (key.length > 0 && keyEncoded) key = decodeStr(key, decode);
  if (value.length > 0 && valEncoded) value = decodeStr(value, decode);
  if (obj[key] === undefined) {
    obj[key] = value;
  } else {
    const current = obj[key];
    // Only arrays this function made have `pop`; values are strings otherwise.
    if (current.pop) current[current.length] = value;
    else obj[key] = [current, value];
  }
}

function parse(qs, sep, eq, options) {
  const obj = { __proto__: null };
  if (typeof qs !== 'string' || qs.length === 0) return obj;

  const sepCodes = !sep ? defaultSepCodes : charCodes(String(sep));
  const eqCodes = !eq ? defaultEqCodes : charCodes(String(eq));
  const sepLen = sepCodes.length;
  const eqLen = eqCodes.length;

  // -1 means no limit: `pairs` only ever counts down to 0.
  let pairs = 1000;
  if (options && typeof options.maxKeys === 'number') {
    pairs = options.maxKeys > 0 ? options.maxKeys : -1;
  }

  let decode = QueryString.unescape;
  if (options && typeof options.decodeURIComponent === 'function') {
    decode = options.decodeURIComponent;
  }
  const customDecode = decode !== qsUnescape;

  let lastPos = 0;
  let sepIdx = 0;
  let eqIdx = 0;
  let key = '';
  let value = '';
  // Whether the key or value holds a valid escape, so needs decoding at all.
  let keyEncoded = customDecode;
  let valEncoded = customDecode;
  const plusChar = customDecode ? '%20' : ' ';
  let encodeCheck = 0;
  for (let i = 0; i < qs.length; ++i) {
    const code = qs.charCodeAt(i);

    if (code === sepCodes[sepIdx]) {
      if (++sepIdx === sepLen) {
        const end = i - sepIdx + 1;
        if (eqIdx < eqLen) {
          // No separator between key and value: all of it is the key.
          if (lastPos < end) {
            key += qs.slice(lastPos, end);
          } else if (key.length === 0) {
            // An empty pair between two separators.
            if (--pairs === 0) return obj;
            lastPos = i + 1;
            sepIdx = eqIdx = 0;
            continue;
          }
        } else if (lastPos < end) {
          value += qs.slice(lastPos, end);
        }

        addKeyVal(obj, key, value, keyEncoded, valEncoded, decode);

        if (--pairs === 0) return obj;
        keyEncoded = valEncoded = customDecode;
        key = value = '';
        encodeCheck = 0;
        lastPos = i + 1;
        sepIdx = eqIdx = 0;
      }
    } else {
      sepIdx = 0;
      if (eqIdx < eqLen) {
        if (code === eqCodes[eqIdx]) {
          if (++eqIdx === eqLen) {
            const end = i - eqIdx + 1;
            if (lastPos < end) key += qs.slice(lastPos, end);
            encodeCheck = 0;
            lastPos = i + 1;
          }
          continue;
        } else {
          eqIdx = 0;
          if (!keyEncoded) {
            if (code === 0x25) {
              encodeCheck = 1;
              continue;
            } else if (encodeCheck > 0) {
              if (isHexTable[code] === 1) {
                if (++encodeCheck === 3) keyEncoded = true;
                continue;
              } else {
                encodeCheck = 0;
              }
            }
          }
        }
        if (code === 0x2b) {
          if (lastPos < i) key += qs.slice(lastPos, i);
          key += plusChar;
          lastPos = i + 1;
          continue;
        }
      }
      if (code === 0x2b) {
        if (lastPos < i) value += qs.slice(lastPos, i);
        value += plusChar;
        lastPos = i + 1;
      } else if (!valEncoded) {
        if (code === 0x25) {
          encodeCheck = 1;
        } else if (encodeCheck > 0) {
          if (isHexTable[code] === 1) {
            if (++encodeCheck === 3) valEncoded = true;
          } else {
            encodeCheck = 0;
          }
        }
      }
    }
  }

  // Whatever is left after the last separator.
  if (lastPos < qs.length) {
    if (eqIdx < eqLen) key += qs.slice(lastPos);
    else if (sepIdx < sepLen) value += qs.slice(lastPos);
  } else if (eqIdx === 0 && key.length === 0) {
    return obj;
  }

  addKeyVal(obj, key, value, keyEncoded, valEncoded, decode);
  return obj;
}

const QueryString = module.exports = {
  unescapeBuffer,
  unescape: qsUnescape,
  escape: qsEscape,
  stringify,
  encode: stringify,
  parse,
  decode: parse,
};

