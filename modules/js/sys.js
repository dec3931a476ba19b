'use strict';

// sys: the old name of `util` (deprecated, DEP0025).

process.emitWarning('sys is deprecated. Use `node:util` instead.', 'DeprecationWarning', 'DEP0025');
module.exports = require('util');
