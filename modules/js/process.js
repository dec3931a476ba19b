'use strict';

// process: the `process` object as a module (`require('process')`).

module.exports = process;
