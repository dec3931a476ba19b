'use strict';

// util/types: the type checks of `util.types` as a module of their own.

module.exports = require('internal/util/types');
