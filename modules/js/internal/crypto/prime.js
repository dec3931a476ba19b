'use strict';
// Primes: checkPrime(Sync) and generatePrime(Sync), over the native `primeCheck` and
// `primeGenerate` ops (the async forms run on the blocking pool). As in Node
// (lib/internal/crypto/random.js), bigint inputs and outputs are converted here; the ops
// take and return big-endian bytes.

const binding = internalBinding('crypto');
const { onComplete } = require('internal/async_ops');
const { Buffer } = require('buffer');
const {
  codes: { ERR_INVALID_ARG_TYPE, ERR_OUT_OF_RANGE },
} = require('internal/errors');
const {
  validateBoolean, validateFunction, validateInt32, validateObject,
} = require('internal/validators');
const { isAnyArrayBuffer, isArrayBufferView } = require('internal/util/types');

const kEmptyObject = Object.freeze({ __proto__: null });
const kMaxBigNumBytes = Math.floor(2147483647 / 256) * 8;
const kBigNumTypes = ['ArrayBuffer', 'TypedArray', 'Buffer', 'DataView', 'bigint'];

function unsignedBigIntToBuffer(bigint, name) {
  if (bigint < 0) {
    throw new ERR_OUT_OF_RANGE(name, '>= 0', bigint);
  }
  const hex = bigint.toString(16);
  const padded = hex.padStart(hex.length + (hex.length % 2), 0);
  return Buffer.from(padded, 'hex');
}

// A Uint8Array over the bytes of an ArrayBuffer or view.
function toBytes(value) {
  if (isAnyArrayBuffer(value)) return new Uint8Array(value);
  return new Uint8Array(value.buffer, value.byteOffset, value.byteLength);
}

function bytesToBigInt(bytes) {
  if (bytes.byteLength === 0) return 0n;
  return BigInt(`0x${Buffer.from(bytes).toString('hex')}`);
}

// The op's Uint8Array result as a fresh ArrayBuffer (what Node's generatePrime returns).
function toArrayBuffer(bytes) {
  return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
}

function bigNumOption(value, name) {
  if (value === undefined) return undefined;
  if (typeof value === 'bigint') return unsignedBigIntToBuffer(value, name);
  if (!isAnyArrayBuffer(value) && !isArrayBufferView(value)) {
    throw new ERR_INVALID_ARG_TYPE(name, kBigNumTypes, value);
  }
  return value;
}

function bitLength(n) {
  return n === 0n ? 0 : n.toString(2).length;
}

// Validates the options of generatePrime(Sync) in Node's order and returns the op's
// arguments and whether the result is a bigint.
function primeJobArgs(size, options) {
  validateObject(options, 'options');
  const { safe = false, bigint = false } = options;
  let { add, rem } = options;
  validateBoolean(safe, 'options.safe');
  validateBoolean(bigint, 'options.bigint');
  add = bigNumOption(add, 'options.add');
  rem = bigNumOption(rem, 'options.rem');

  // Node's RandomPrimeJob rejects impossible add/rem before generating.
  if (add !== undefined) {
    const addValue = bytesToBigInt(toBytes(add));
    if (bitLength(addValue) > size) {
      throw outOfRange('invalid options.add');
    }
    if (rem !== undefined && addValue <= bytesToBigInt(toBytes(rem))) {
      throw outOfRange('invalid options.rem');
    }
  }
  return {
    args: [size, safe, add === undefined ? null : toBytes(add),
           rem === undefined ? null : toBytes(rem)],
    bigint,
  };
}

// ERR_OUT_OF_RANGE with only a message, as Node's native THROW_ERR_OUT_OF_RANGE makes it.
function outOfRange(message) {
  const err = new RangeError(message);
  err.code = 'ERR_OUT_OF_RANGE';
  return err;
}

function generatePrime(size, options, callback) {
  validateInt32(size, 'size', 1);
  if (typeof options === 'function') {
    callback = options;
    options = kEmptyObject;
  }
  validateFunction(callback, 'callback');
  const { args, bigint } = primeJobArgs(size, options);
  const id = binding.primeGenerateAsync(...args);
  onComplete(id, (err, bytes) => {
    if (err) {
      callback(err);
      return;
    }
    callback(undefined, bigint ? bytesToBigInt(bytes) : toArrayBuffer(bytes));
  });
}

function generatePrimeSync(size, options = kEmptyObject) {
  validateInt32(size, 'size', 1);
  const { args, bigint } = primeJobArgs(size, options);
  const bytes = binding.primeGenerate(...args);
  return bigint ? bytesToBigInt(bytes) : toArrayBuffer(bytes);
}

function checkPrimeArgs(candidate) {
  if (typeof candidate === 'bigint') candidate = unsignedBigIntToBuffer(candidate, 'candidate');
  if (!isAnyArrayBuffer(candidate) && !isArrayBufferView(candidate)) {
    throw new ERR_INVALID_ARG_TYPE('candidate', kBigNumTypes, candidate);
  }
  const bytes = toBytes(candidate);
  // OpenSSL's BIGNUMs hold at most INT_MAX / 256 64-bit words; Node fails converting the
  // candidate, before any job starts.
  let start = 0;
  while (start < bytes.length && bytes[start] === 0) start++;
  if (bytes.length - start > kMaxBigNumBytes) {
    const err = new Error('error:01800072:bignum routines::bignum too long');
    err.library = 'bignum routines';
    err.reason = 'bignum too long';
    err.code = 'ERR_OSSL_BN_BIGNUM_TOO_LONG';
    throw err;
  }
  return bytes;
}

function checkPrimeChecks(options) {
  validateObject(options, 'options');
  const { checks = 0 } = options;
  // OpenSSL takes the number of rounds as an int.
  validateInt32(checks, 'options.checks', 0);
  return checks;
}

function checkPrime(candidate, options = kEmptyObject, callback) {
  candidate = checkPrimeArgs(candidate);
  if (typeof options === 'function') {
    callback = options;
    options = kEmptyObject;
  }
  validateFunction(callback, 'callback');
  const checks = checkPrimeChecks(options);
  const id = binding.primeCheckAsync(candidate, checks);
  onComplete(id, (err, result) => {
    if (err) {
      callback(err);
      return;
    }
    callback(null, result);
  });
}

function checkPrimeSync(candidate, options = kEmptyObject) {
  candidate = checkPrimeArgs(candidate);
  const checks = checkPrimeChecks(options);
  return binding.primeCheck(candidate, checks);
}

module.exports = { checkPrime, checkPrimeSync, generatePrime, generatePrimeSync };
