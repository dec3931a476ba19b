'use strict';
// process.binding(): Node's deprecated door to a fixed list of internal bindings (DEP0111,
// a warning only under --pending-deprecation). Names on the list give this runtime's
// binding of that name, or an empty object where it has none; `natives` and `util` are the
// legacy views Node keeps for them; other names throw as in Node.

const allowedBindings = new Set([
  'buffer', 'cares_wrap', 'config', 'constants', 'contextify', 'fs', 'fs_event_wrap', 'icu',
  'inspector', 'js_stream', 'natives', 'os', 'pipe_wrap', 'process_wrap', 'spawn_sync',
  'stream_wrap', 'tcp_wrap', 'tls_wrap', 'tty_wrap', 'udp_wrap', 'util', 'uv', 'zlib',
]);

// The util.types checks Node's legacy `util` binding exposes.
const legacyUtilKeys = [
  'isAnyArrayBuffer', 'isArrayBuffer', 'isArrayBufferView', 'isAsyncFunction', 'isDataView',
  'isDate', 'isExternal', 'isMap', 'isMapIterator', 'isNativeError', 'isPromise', 'isRegExp',
  'isSet', 'isSetIterator', 'isTypedArray', 'isUint8Array',
];

const legacyViews = {
  natives() {
    const { ids, source } = internalBinding('builtins');
    const natives = { __proto__: null };
    for (const id of ids()) natives[id] = source(id);
    return natives;
  },
  util() {
    const { types } = require('util');
    const view = {};
    for (const key of legacyUtilKeys) view[key] = types[key];
    return view;
  },
};

let warned = false;

function binding(name) {
  name = `${name}`;
  if (!allowedBindings.has(name)) throw new Error(`No such module: ${name}`);
  if (!warned && process.execArgv.includes('--pending-deprecation')) {
    warned = true;
    process.emitWarning('process.binding() is deprecated. Please use public APIs instead.',
                        'DeprecationWarning', 'DEP0111');
  }
  if (Object.hasOwn(legacyViews, name)) return legacyViews[name]();
  try {
    return internalBinding(name);
  } catch {
    return { __proto__: null };
  }
}

module.exports = { binding };
