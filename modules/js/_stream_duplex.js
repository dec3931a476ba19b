'use strict';
// `_stream_duplex`: the deprecated alias of stream.Duplex.

module.exports = require('stream').Duplex;
