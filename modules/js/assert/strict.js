'use strict';

// assert/strict: the strict assertion API (`require('assert').strict`).

module.exports = require('assert').strict;
