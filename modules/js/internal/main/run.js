'use strict';
// Starts the user's code: a file (`oxnode app.js`), `-e`/`-p` code, or code read from
// stdin, each the way Node runs it.

const { runScript } = internalBinding('contextify');
const { setHook } = internalBinding('engine');

// As in Node, `-e`/`-p` code (not stdin code) sees every public built-in module as a
// global (`os`, `vm`, ...), loaded on first use and replaceable by assignment.
function addBuiltinLibsToGlobal(builtinModules) {
  for (const name of builtinModules) {
    if (name.startsWith('_') || name.includes('/') || name.includes(':')) continue;
    if (Object.prototype.hasOwnProperty.call(globalThis, name)) continue;
    const setReal = (value) => {
      Object.defineProperty(globalThis, name, {
        __proto__: null, value, writable: true, enumerable: false, configurable: true,
      });
    };
    Object.defineProperty(globalThis, name, {
      __proto__: null,
      get() {
        const lib = require(name);
        setReal(lib);
        return lib;
      },
      set: setReal,
      enumerable: false,
      configurable: true,
    });
  }
}

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

/** The value of `--input-type` (`--input-type=X` or `--input-type X`), if given. */
function inputType() {
  const args = process.execArgv;
  let type;
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '--input-type') type = args[++i];
    else if (args[i].startsWith('--input-type=')) type = args[i].slice(13);
  }
  return type;
}

// A child made by fork() finds its end of the IPC channel in NODE_CHANNEL_FD (and forgets
// the variables, as Node does, so its own children don't inherit them).
function setupChildProcessIpcChannel() {
  if (process.env.NODE_CHANNEL_FD === undefined) return;
  const fd = Number.parseInt(process.env.NODE_CHANNEL_FD, 10);
  const serializationMode = process.env.NODE_CHANNEL_SERIALIZATION_MODE || 'json';
  delete process.env.NODE_CHANNEL_FD;
  delete process.env.NODE_CHANNEL_SERIALIZATION_MODE;
  if (Number.isInteger(fd) && fd >= 0) require('child_process')._forkChild(fd, serializationMode);
}

function run(kind, payload) {
  setupChildProcessIpcChannel();
  // Node keeps `-e`/`-p` code here; fork() leaves it out of a child's execArgv by it.
  if (kind === 'eval' || kind === 'print') process._eval = payload;
  // import() from CommonJS loads the ES module loader on first use (which then installs
  // its own hooks): a CommonJS program doesn't pay for it at start-up.
  setHook('importModuleDynamically', (...args) =>
    require('internal/modules/esm/loader').importModule(...args));
  if ((kind === 'eval' || kind === 'stdin') && inputType() === 'module') {
    require('internal/modules/esm/loader').evalModule(payload);
    return;
  }
  switch (kind) {
    case 'file':
      require('internal/modules/cjs/loader').Module.runMain(payload);
      break;
    case 'eval':
    case 'print':
      addBuiltinLibsToGlobal(require('internal/modules/cjs/loader').Module.builtinModules);
      evalCode('[eval]', payload, kind === 'print');
      break;
    case 'stdin':
      evalCode('[stdin]', payload, false);
      break;
    default:
      throw new Error(`unknown entry kind: ${kind}`);
  }
}

module.exports = { run };
