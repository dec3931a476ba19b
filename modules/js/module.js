'use strict';

// module: the public face of the CommonJS loader.  `require('module')` is the
// Module class itself, carrying createRequire, builtinModules, isBuiltin,
// _load, _resolveFilename, _cache, ... as static members.

const { Module } = require('internal/modules/cjs/loader');

module.exports = Module;
