'use strict';
// The first JS a realm runs, called with `internalBinding`. It owns the loader for the
// embedded library: each file under modules/js/ is compiled as a function of
// (exports, require, module, internalBinding) and named `node:<id>` in stack traces.
// Then it hands over to internal/bootstrap/node, which builds `process` and the globals.

const { ids, source } = internalBinding('builtins');
const { compileFunction } = internalBinding('contextify');

const allIds = ids();
const known = new Set(allIds);
// Built-ins that exist only with the `node:` scheme, as in Node.
const schemeOnly = ['sea', 'sqlite', 'test', 'test/reporters'];
const publicIds = allIds.filter((id) => !id.startsWith('internal/')).sort();
const loaded = new Map();
// --expose-internals: user code may require internal/* modules too, as in Node's tests.
let internalsExposed = false;
// process.moduleLoadList: what start-up and the program loaded, in order, as in Node.
const moduleLoadList = [];

/** One module of the embedded library. */
class BuiltinModule {
  constructor(id) {
    this.id = id;
    this.exports = {};
    this.loaded = false;
  }

  static exists(id) {
    return known.has(id);
  }

  static canBeRequiredByUsers(id) {
    return known.has(id) && (internalsExposed || !id.startsWith('internal/'));
  }

  static exposeInternals() {
    internalsExposed = true;
  }

  static canBeRequiredWithoutScheme(id) {
    return BuiltinModule.canBeRequiredByUsers(id) && !schemeOnly.includes(id);
  }

  static getSchemeOnlyModuleNames() {
    return schemeOnly.slice();
  }

  static require(id) {
    return requireBuiltin(id);
  }
}
BuiltinModule.publicIds = publicIds;

function requireBuiltin(id) {
  const cached = loaded.get(id);
  if (cached !== undefined) return cached.exports;
  if (!known.has(id)) {
    const err = new Error(`No such built-in module: ${id}`);
    err.code = 'ERR_UNKNOWN_BUILTIN_MODULE';
    throw err;
  }
  const mod = new BuiltinModule(id);
  loaded.set(id, mod);
  moduleLoadList.push(`NativeModule ${id}`);
  const fn = compileFunction(source(id), `node:${id}`,
                             ['exports', 'require', 'module', 'internalBinding']);
  fn(mod.exports, requireBuiltin, mod, internalBinding);
  mod.loaded = true;
  return mod.exports;
}

const self = new BuiltinModule('internal/bootstrap/realm');
self.exports = { BuiltinModule, requireBuiltin, moduleLoadList };
self.loaded = true;
loaded.set(self.id, self);

requireBuiltin('internal/bootstrap/node');
