'use strict';
// `_stream_readable`: the deprecated alias of stream.Readable.

module.exports = require('stream').Readable;
