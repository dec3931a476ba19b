'use strict';
// node:fs/promises — the promise forms of fs (see internal/fs/promises).

module.exports = require('internal/fs/promises').exports;
