'use strict';
// Who called: whether the nearest user code on the stack lives under node_modules, which
// decides whether some deprecation warnings are shown (Node warns the app's own code only).

// The file names on the current stack, nearest first, read from V8's structured frames.
function callerFileNames() {
  const savedPrepare = Error.prepareStackTrace;
  const savedLimit = Error.stackTraceLimit;
  const holder = {};
  try {
    Error.prepareStackTrace = (_, frames) => frames.map((frame) => frame.getFileName());
    Error.stackTraceLimit = 100;
    Error.captureStackTrace(holder, callerFileNames);
    return Array.isArray(holder.stack) ? holder.stack : [];
  } finally {
    Error.prepareStackTrace = savedPrepare;
    Error.stackTraceLimit = savedLimit;
  }
}

// True when the first frame outside the built-in library is in a node_modules folder, or
// when there is no such frame.
function isInsideNodeModules() {
  for (const name of callerFileNames()) {
    if (!name || name.startsWith('node:')) continue;
    return /[\\/]node_modules[\\/]/.test(name);
  }
  return true;
}

module.exports = { isInsideNodeModules };
