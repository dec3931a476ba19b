'use strict';
// duplexPair(): two connected Duplex streams; what one writes, the other reads.

const Duplex = require('internal/streams/duplex');
const { codes: { ERR_INVALID_STATE } } = require('internal/errors');

const kCallback = Symbol('Callback');
const kInitOtherSide = Symbol('InitOtherSide');

class DuplexSide extends Duplex {
  #otherSide = null;

  constructor(options) {
    super(options);
    this[kCallback] = null;
  }

  [kInitOtherSide](otherSide) {
    if (this.#otherSide !== null) {
      throw new ERR_INVALID_STATE('Cannot initialize the other side more than once');
    }
    this.#otherSide = otherSide;
  }

  _read() {
    const callback = this[kCallback];
    if (callback) {
      this[kCallback] = null;
      callback();
    }
  }

  _write(chunk, encoding, callback) {
    if (chunk.length === 0) {
      process.nextTick(callback);
    } else {
      this.#otherSide.push(chunk);
      this.#otherSide[kCallback] = callback;
    }
  }

  _final(callback) {
    this.#otherSide.on('end', callback);
    this.#otherSide.push(null);
  }

  _destroy(err, callback) {
    const otherSide = this.#otherSide;
    if (otherSide !== null && !otherSide.destroyed) otherSide.destroy(err);
    callback(err);
  }
}

function duplexPair(options) {
  const side0 = new DuplexSide(options);
  const side1 = new DuplexSide(options);
  side0[kInitOtherSide](side1);
  side1[kInitOtherSide](side0);
  return [side0, side1];
}

module.exports = duplexPair;
