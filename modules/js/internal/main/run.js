'use strict';
// Starts the user's code: a file (`oxnode app.js`), `-e`/`-p` code, or code read from
// stdin, each the way Node runs it.

const { runScript } = internalBinding('contextify');

function evalCode(name, code, print) {
  const { Module } = require('internal/modules/cjs/loader');
  const path = process.cwd() + '/' + name;
  const module = new Module(name, null);
  module.filename = path;
  module.paths = Module._nodeModulePaths(process.cwd());
  const req = Module.createRequire(path);
  globalThis.module = module;
  globalThis.require = req;
  globalThis.exports = module.exports;
  globalThis.__filename = name;
  globalThis.__dirname = '.';
  const result = runScript(code, name);
  if (print) {
    const { log } = globalThis.console;
    log(result);
  }
}

function run(kind, payload) {
  switch (kind) {
    case 'file':
      require('internal/modules/cjs/loader').Module.runMain(payload);
      break;
    case 'eval':
      evalCode('[eval]', payload, false);
      break;
    case 'print':
      evalCode('[eval]', payload, true);
      break;
    case 'stdin':
      evalCode('[stdin]', payload, false);
      break;
    default:
      throw new Error(`unknown entry kind: ${kind}`);
  }
}

module.exports = { run };
