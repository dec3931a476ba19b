'use strict';
// The Web IDL conversions the fetch classes share (ByteString, USVString, enums,
// dictionaries) and the TypeErrors they throw, worded as Node's fetch words them.

/** A TypeError with a Web IDL message (no Node error code, as Node's fetch throws them). */
function webidlTypeError(message) {
  return new TypeError(message);
}

/** The error of a method called on an object of the wrong class. */
function illegalInvocation() {
  const err = new TypeError('Illegal invocation');
  err.code = 'ERR_INVALID_THIS';
  return err;
}

function isObjectLike(value) {
  return (typeof value === 'object' && value !== null) || typeof value === 'function';
}

/** Web IDL DOMString: any value but a Symbol becomes a string. */
function toDOMString(value) {
  if (typeof value === 'symbol') {
    throw webidlTypeError('Cannot convert a Symbol value to a string');
  }
  return `${value}`;
}

/** Web IDL ByteString: a string whose code units all fit in a byte. */
function toByteString(value) {
  const str = toDOMString(value);
  for (let i = 0; i < str.length; i++) {
    const code = str.charCodeAt(i);
    if (code > 255) {
      throw webidlTypeError('Cannot convert argument to a ByteString because the character ' +
                            `at index ${i} has a value of ${code} which is greater than 255.`);
    }
  }
  return str;
}

/** Web IDL USVString: lone surrogates become U+FFFD. */
function toUSVString(value) {
  return toDOMString(value).toWellFormed();
}

/** A value as Node's fetch shows it in messages: strings quoted, objects inspected. */
function stringify(value) {
  switch (typeof value) {
    case 'symbol': return `Symbol(${value.description})`;
    case 'string': return `"${value}"`;
    case 'bigint': return `${value}n`;
    case 'object':
    case 'function':
      if (value !== null) return require('internal/util/inspect').inspect(value);
      // Fall through: null prints as itself.
    default: return `${value}`;
  }
}

/** The TypeError for an init argument that is not a dictionary (object, null or undefined). */
function dictionaryError(value) {
  const shown = typeof value === 'symbol' ? value.toString() : `${value}`;
  return webidlTypeError(`undefined: Expected ${shown} to be one of: Null, Undefined, Object.`);
}

/** An enum member, or the TypeError Node's fetch throws for anything else. */
function toEnum(value, allowed) {
  const str = toDOMString(value);
  if (!allowed.includes(str)) {
    throw webidlTypeError(`undefined: ${str} is not an accepted type. ` +
                          `Expected one of ${allowed.join(', ')}.`);
  }
  return str;
}

module.exports = {
  webidlTypeError,
  illegalInvocation,
  isObjectLike,
  toDOMString,
  toByteString,
  toUSVString,
  toEnum,
  stringify,
  dictionaryError,
};
