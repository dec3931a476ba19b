'use strict';
// What Node's tests reach with --expose-internals: the bindings (plus Node's `uv` binding,
// which here is built from the libuv error table in internal/errors) and the primordials.

process.emitWarning(
  'These APIs are for internal testing only. Do not use them.',
  'internal/test/binding');

let uv;

// Node's internalBinding('uv'): UV_* constants, errname(), getErrorMap(), getErrorMessage().
function uvBinding() {
  if (uv !== undefined) return uv;
  const { uvErrorEntries } = require('internal/errors');
  const entries = uvErrorEntries();
  const map = new Map(entries.map(([errno, code, message]) => [errno, [code, message]]));
  uv = {
    errname(err) { return map.get(err)?.[0] ?? `Unknown system error ${err}`; },
    getErrorMap() { return new Map(map); },
    getErrorMessage(err) { return map.get(err)?.[1] ?? `Unknown system error ${err}`; },
  };
  for (const [errno, code] of entries) uv[`UV_${code}`] = errno;
  return uv;
}

function testInternalBinding(name) {
  if (name === 'uv') return uvBinding();
  // The HTTPParser class lives in JS here, over the batched parser ops.
  if (name === 'http_parser') return require('internal/http_parser');
  // The lookups take Node's shape before a test stubs them.
  if (name === 'cares_wrap') require('internal/dns/utils');
  // The handle classes join their bindings when they load.
  if (name === 'tcp_wrap' || name === 'pipe_wrap') require('internal/stream_handles');
  return internalBinding(name);
}

module.exports = {
  internalBinding: testInternalBinding,
  primordials: require('internal/test/primordials'),
};
