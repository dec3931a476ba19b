'use strict';
// `_stream_passthrough`: the deprecated alias of stream.PassThrough.

module.exports = require('stream').PassThrough;
