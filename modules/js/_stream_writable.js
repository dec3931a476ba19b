'use strict';
// `_stream_writable`: the deprecated alias of stream.Writable.

module.exports = require('stream').Writable;
