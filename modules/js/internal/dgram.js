'use strict';
// What dgram shares with Node's tests (under --expose-internals): the symbol of a socket's
// state, which holds its UDP handle.

const kStateSymbol = Symbol('state symbol');

module.exports = { kStateSymbol };
