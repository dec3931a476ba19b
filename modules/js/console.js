'use strict';

// The public 'console' module: the global console object (which also
// carries the Console class as `console.Console`).

module.exports = require('internal/console/constructor').getGlobalConsole();
