'use strict';
// `_stream_transform`: the deprecated alias of stream.Transform.

module.exports = require('stream').Transform;
