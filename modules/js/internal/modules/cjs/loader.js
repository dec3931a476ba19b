'use strict';

// internal/modules/cjs/loader: the CommonJS module system — Node's `Module`.
//
// Resolution follows Node: built-ins (with and without `node:`), relative and
// absolute paths with extension probing (.js, .json, .node), directories
// (package.json "main", then index.*), node_modules walk-up, package.json
// "exports" (conditions require/node/default, subpaths, `*` patterns, null
// targets), "imports" (`#specifiers`) and self-reference by package name.
// Loading compiles each file as a function of (exports, require, module,
// __filename, __dirname) and caches the Module in `Module._cache`
// (`require.cache`).  Cycles get the partially filled `exports`, as in Node.
//
// ES modules (.mjs, or .js in a package with "type": "module") are loaded by
// the ESM loader (internal/modules/esm/loader): the main module when the entry
// file is one, and require(esm), which returns the module namespace.

const { BuiltinModule } = require('internal/bootstrap/realm');
const {
  codes: {
    ERR_INVALID_ARG_TYPE,
    ERR_INVALID_ARG_VALUE,
    ERR_INVALID_MODULE_SPECIFIER,
    ERR_INVALID_PACKAGE_CONFIG,
    ERR_INVALID_PACKAGE_TARGET,
    ERR_PACKAGE_IMPORT_NOT_DEFINED,
    ERR_PACKAGE_PATH_NOT_EXPORTED,
    ERR_REQUIRE_CYCLE_MODULE,
    ERR_UNKNOWN_BUILTIN_MODULE,
  },
} = require('internal/errors');
const { validateString } = require('internal/validators');
const packageJsonReader = require('internal/modules/package_json_reader');
const fsBinding = internalBinding('fs');
const { compileFunction } = internalBinding('contextify');

// ---------------------------------------------------------------------------
// Small POSIX path helpers (the loader must not depend on the 'path' module).

/** Resolves '.', '..' and repeated slashes in `p` (no leading-slash handling). */
function normalizeSegments(p, allowAboveRoot) {
  const out = [];
  for (const seg of p.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') {
      if (out.length > 0 && out[out.length - 1] !== '..') {
        out.pop();
      } else if (allowAboveRoot) {
        out.push('..');
      }
      continue;
    }
    out.push(seg);
  }
  return out.join('/');
}

function isAbsolute(p) {
  return p.length > 0 && p.charCodeAt(0) === 47; /* '/' */
}

/** path.resolve: joins right to left until absolute, from the cwd otherwise. */
function resolvePath(...args) {
  let resolved = '';
  for (let i = args.length - 1; i >= 0 && !isAbsolute(resolved); i--) {
    const p = args[i];
    if (p.length === 0) continue;
    resolved = resolved.length === 0 ? p : `${p}/${resolved}`;
  }
  if (!isAbsolute(resolved)) {
    const cwd = process.cwd();
    resolved = resolved.length === 0 ? cwd : `${cwd}/${resolved}`;
  }
  return `/${normalizeSegments(resolved, false)}`;
}

/** path.normalize for relative or absolute paths. */
function normalizePath(p) {
  if (p.length === 0) return '.';
  const absolute = isAbsolute(p);
  const trailing = p.endsWith('/');
  let body = normalizeSegments(p, !absolute);
  if (body.length === 0 && !absolute) body = '.';
  if (body.length > 0 && trailing) body += '/';
  return absolute ? `/${body}` : body;
}

function dirname(p) {
  if (p.length === 0) return '.';
  let end = p.length;
  while (end > 1 && p.charCodeAt(end - 1) === 47) end--;
  const i = p.lastIndexOf('/', end - 1);
  if (i === -1) return '.';
  if (i === 0) return '/';
  let d = i;
  while (d > 1 && p.charCodeAt(d - 1) === 47) d--;
  return p.slice(0, d);
}

function basename(p) {
  let end = p.length;
  while (end > 1 && p.charCodeAt(end - 1) === 47) end--;
  return p.slice(p.lastIndexOf('/', end - 1) + 1, end);
}

// ---------------------------------------------------------------------------
// File system facts.

const kFile = 0;
const kDirectory = 1;

// Stats are cached while one top-level require() is running: a module tree
// usually probes the same paths many times.
let statCache = null;
function stat(filename) {
  filename = filename.length === 0 ? '.' : filename;
  if (statCache !== null) {
    const cached = statCache.get(filename);
    if (cached !== undefined) return cached;
  }
  const result = fsBinding.internalModuleStat(filename);
  if (statCache !== null && result >= 0) statCache.set(filename, result);
  return result;
}

const realpathCache = new Map();
function toRealPath(requestPath) {
  let real = realpathCache.get(requestPath);
  if (real === undefined) {
    real = fsBinding.realpath(requestPath);
    realpathCache.set(requestPath, real);
  }
  return real;
}

function stripBOM(content) {
  return content.charCodeAt(0) === 0xFEFF ? content.slice(1) : content;
}

// ---------------------------------------------------------------------------
// Built-in modules.

/** The built-in id a request names ('fs' for 'fs' and 'node:fs'), or undefined. */
function normalizeRequirableId(id) {
  if (id.startsWith('node:')) {
    const bare = id.slice(5);
    if (BuiltinModule.canBeRequiredByUsers(bare)) return bare;
  } else if (BuiltinModule.canBeRequiredWithoutScheme(id)) {
    return id;
  }
  return undefined;
}

function isBuiltin(moduleName) {
  return typeof moduleName === 'string' && normalizeRequirableId(moduleName) !== undefined;
}

function computeBuiltinModules() {
  const ids = [];
  for (const id of BuiltinModule.publicIds) {
    if (id.startsWith('internal/')) continue;
    ids.push(BuiltinModule.canBeRequiredWithoutScheme(id) ? id : `node:${id}`);
  }
  return Object.freeze(ids);
}

// ---------------------------------------------------------------------------
// The Module class.

// Per-module bookkeeping.  The parent link is hidden (Node keeps it in a
// private symbol); the others are visible to util.inspect, as in Node.
const kFirstModuleParent = Symbol('kFirstModuleParent');
/** Set on a Module loaded through require(esm): requiring it again before it finished is
 * a cycle Node refuses. */
const kIsESModule = Symbol('kIsESModule');
const kIsMainSymbol = Symbol('kIsMainSymbol');
const kIsCachedByESMLoader = Symbol('kIsCachedByESMLoader');
const kURL = Symbol('kURL');
const kFormat = Symbol('kFormat');
const kIsExecuting = Symbol('kIsExecuting');

function updateChildren(parent, child, scan) {
  const children = parent?.children;
  if (children && !(scan && children.includes(child))) children.push(child);
}

/** A CommonJS module: one file, its exports and its place in the require tree. */
function Module(id = '', parent) {
  this.id = id;
  this.path = dirname(id);
  Object.defineProperty(this, 'exports', {
    __proto__: null, value: {}, enumerable: true, writable: true, configurable: true,
  });
  Object.defineProperty(this, kFirstModuleParent, {
    __proto__: null, value: parent, enumerable: false, writable: true, configurable: true,
  });
  updateChildren(parent, this, false);
  this.filename = null;
  this.loaded = false;
  this.children = [];
}

/** filename → Module; exposed as require.cache. */
/** 0 for a file, 1 for a directory, a negative errno otherwise (public in Node too). */
Module._stat = stat;

Module._cache = { __proto__: null };
/** request + search paths → resolved filename. */
Module._pathCache = { __proto__: null };
/** extension → loader function (module, filename). */
Module._extensions = { __proto__: null };
Module.globalPaths = [];

/** Global search folders ($HOME/.node_modules, ..., NODE_PATH), after node_modules. */
let modulePaths = [];

Object.defineProperty(Module.prototype, 'parent', {
  __proto__: null,
  configurable: true,
  enumerable: false,
  get() { return this[kFirstModuleParent]; },
  set(value) { this[kFirstModuleParent] = value; },
});

Object.defineProperty(Module.prototype, 'isPreloading', {
  __proto__: null,
  configurable: true,
  enumerable: false,
  get() { return false; },
});

// Module.wrap / Module.wrapper: the source-level view of the CommonJS wrapper.
// Programs that patch them get their wrapper honoured in _compile.
let wrapperPatched = false;
let wrap = function(script) {
  return Module.wrapper[0] + script + Module.wrapper[1];
};
const wrapperArray = [
  '(function (exports, require, module, __filename, __dirname) { ',
  '\n});',
];
let wrapper = new Proxy(wrapperArray, {
  __proto__: null,
  set(target, property, value, receiver) {
    wrapperPatched = true;
    return Reflect.set(target, property, value, receiver);
  },
  defineProperty(target, property, descriptor) {
    wrapperPatched = true;
    return Reflect.defineProperty(target, property, descriptor);
  },
});
Object.defineProperty(Module, 'wrap', {
  __proto__: null,
  configurable: true,
  enumerable: false,
  get() { return wrap; },
  set(value) { wrapperPatched = true; wrap = value; },
});
Object.defineProperty(Module, 'wrapper', {
  __proto__: null,
  configurable: true,
  enumerable: false,
  get() { return wrapper; },
  set(value) { wrapperPatched = true; wrapper = value; },
});

Module.isBuiltin = isBuiltin;

let builtinModulesList;
Object.defineProperty(Module, 'builtinModules', {
  __proto__: null,
  configurable: true,
  enumerable: true,
  get() {
    builtinModulesList ??= computeBuiltinModules();
    return builtinModulesList;
  },
  set(value) {
    builtinModulesList = value;
  },
});

// ---------------------------------------------------------------------------
// Resolution.

/** Conditions matched in package.json "exports"/"imports" by require(). */
const cjsConditions = new Set(['require', 'node', 'node-addons']);

function readPackage(requestPath) {
  return packageJsonReader.read(resolvePath(requestPath, 'package.json'));
}

/** The resolved path of `requestPath` if it is a file (realpath'd), else undefined. */
function tryFile(requestPath) {
  if (stat(requestPath) !== kFile) return undefined;
  return toRealPath(requestPath);
}

function tryExtensions(basePath, exts) {
  for (let i = 0; i < exts.length; i++) {
    const filename = tryFile(basePath + exts[i]);
    if (filename) return filename;
  }
  return false;
}

/** A directory: its package.json "main" (with probing), else index.*. */
function tryPackage(requestPath, exts, isMain, originalPath) {
  const pkg = readPackage(requestPath);
  const main = pkg.main;
  if (!main) {
    return tryExtensions(resolvePath(requestPath, 'index'), exts);
  }
  const filename = resolvePath(requestPath, main);
  let actual = tryFile(filename) ||
    tryExtensions(filename, exts) ||
    tryExtensions(resolvePath(filename, 'index'), exts);
  if (actual === false) {
    actual = tryExtensions(resolvePath(requestPath, 'index'), exts);
    if (!actual) {
      const err = new Error(
        `Cannot find module '${filename}'. ` +
        'Please verify that the package.json has a valid "main" entry',
      );
      err.code = 'MODULE_NOT_FOUND';
      err.path = pkg.pjsonPath;
      err.requestPath = originalPath;
      throw err;
    }
    if (typeof process.emitWarning === 'function') {
      process.emitWarning(
        `Invalid 'main' field in '${pkg.pjsonPath}' of '${main}'. ` +
          'Please either fix that or report it to the module author',
        'DeprecationWarning',
        'DEP0128',
      );
    }
  }
  return actual;
}

/** The longest registered extension of `filename` ('.js' when none is). */
function findLongestRegisteredExtension(filename) {
  const name = basename(filename);
  let index;
  let startIndex = 0;
  while ((index = name.indexOf('.', startIndex)) !== -1) {
    startIndex = index + 1;
    if (index === 0) continue; // dotfiles such as .eslintrc
    const ext = name.slice(index);
    if (Module._extensions[ext]) return ext;
  }
  return '.js';
}

function isRelative(p) {
  if (p.charCodeAt(0) !== 46 /* '.' */) return false;
  return p.length === 1 || p === '..' || p.startsWith('./') || p.startsWith('../');
}

/** Does `request` end in a way that forces a directory ('/', '.', '..')? */
function hasTrailingSlash(request) {
  const n = request.length;
  if (n === 0) return false;
  const last = request.charCodeAt(n - 1);
  if (last === 47) return true;
  if (last !== 46) return false;
  if (n === 1) return true;
  const prev = request.charCodeAt(n - 2);
  if (prev === 47) return true;
  return prev === 46 && (n === 2 || request.charCodeAt(n - 3) === 47);
}

/**
 * Finds the file for `request` in `paths` (folders to search): exact file,
 * then with each registered extension, then as a directory.  Returns the
 * real path, or false.
 */
Module._findPath = function(request, paths, isMain, conditions = cjsConditions) {
  const absoluteRequest = isAbsolute(request);
  if (absoluteRequest) {
    paths = [''];
  } else if (!paths || paths.length === 0) {
    return false;
  }

  const cacheKey = `${request}\x00${paths.join('\x00')}`;
  const entry = Module._pathCache[cacheKey];
  if (entry) return entry;

  let exts;
  const trailingSlash = hasTrailingSlash(request);
  const insidePath = !(isRelative(request) && normalizePath(request).startsWith('..'));

  for (let i = 0; i < paths.length; i++) {
    const curPath = paths[i];
    if (typeof curPath !== 'string') {
      throw new ERR_INVALID_ARG_TYPE('paths', 'array of strings', paths);
    }
    // Don't search further if the folder doesn't exist.
    if (insidePath && curPath && stat(curPath) < 1) continue;

    if (!absoluteRequest) {
      const exportsResolved = resolveExports(curPath, request, conditions);
      if (exportsResolved) return exportsResolved;
    }

    const basePath = resolvePath(curPath, request);
    let filename;
    const rc = stat(basePath);
    if (!trailingSlash) {
      if (rc === kFile) filename = toRealPath(basePath);
      if (!filename) {
        exts ??= Object.keys(Module._extensions);
        filename = tryExtensions(basePath, exts);
      }
    }
    if (!filename && rc === kDirectory) {
      exts ??= Object.keys(Module._extensions);
      filename = tryPackage(basePath, exts, isMain, request);
    }
    if (filename) {
      Module._pathCache[cacheKey] = filename;
      return filename;
    }
  }
  return false;
};

/** The node_modules folders searched from `from`, innermost first. */
Module._nodeModulePaths = function(from) {
  from = resolvePath(from);
  if (from === '/') return ['/node_modules'];
  const paths = [];
  const parts = from.split('/');
  for (let i = parts.length; i > 1; i--) {
    // A folder that is itself a node_modules gets no node_modules/node_modules.
    if (parts[i - 1] === 'node_modules') continue;
    paths.push(`${parts.slice(0, i).join('/')}/node_modules`);
  }
  paths.push('/node_modules');
  return paths;
};

/** The folders where `request` is looked up from `parent`; null for built-ins. */
Module._resolveLookupPaths = function(request, parent) {
  if (normalizeRequirableId(request)) return null;

  // Bare specifiers (and '.'-names that are not './' or '../'): node_modules.
  if (request.charAt(0) !== '.' ||
      (request.length > 1 && request.charAt(1) !== '.' && request.charAt(1) !== '/')) {
    initializeCJS();
    let paths;
    if (parent?.paths?.length) {
      paths = [...parent.paths, ...modulePaths];
    } else {
      paths = modulePaths;
    }
    return paths.length > 0 ? paths : null;
  }

  // Relative request without a parent file (REPL, -e): relative to the cwd.
  if (!parent || !parent.id || !parent.filename) return ['.'];

  return [dirname(parent.filename)];
};

// ---------------------------------------------------------------------------
// package.json "exports" and "imports" (the ESM resolution algorithm on paths).

// 'pkg/sub' → name 'pkg', rest '/sub'; same for '@scope/pkg/sub'.
const EXPORTS_PATTERN = /^((?:@[^/\\%]+\/)?[^./\\%][^/\\%]*)(\/.*)?$/;
const invalidSegmentRegEx = /(^|\\|\/)((\.|%2e)(\.|%2e)?|(n|%6e|%4e)(o|%6f|%4f)(d|%64|%44)(e|%65|%45)(_|%5f)(m|%6d|%4d)(o|%6f|%4f)(d|%64|%44)(u|%75|%55)(l|%6c|%4c)(e|%65|%45)(s|%73|%53))?(\\|\/|$)/i;
const deprecatedInvalidSegmentRegEx = /(^|\\|\/)((\.|%2e)(\.|%2e)?|(n|%6e|%4e)(o|%6f|%4f)(d|%64|%44)(e|%65|%45)(_|%5f)(m|%6d|%4d)(o|%6f|%4f)(d|%64|%44)(u|%75|%55)(l|%6c|%4c)(e|%65|%45)(s|%73|%53))(\\|\/|$)/i;
const encodedSepRegEx = /%2F|%5C/i;

function pkgDirOf(pjsonPath) {
  return pjsonPath.slice(0, pjsonPath.length - 'package.json'.length);
}

function invalidPackageTarget(subpath, target, pjsonPath, internal, base) {
  target = typeof target === 'object' && target !== null ?
    JSON.stringify(target, null, '') : `${target}`;
  return new ERR_INVALID_PACKAGE_TARGET(pkgDirOf(pjsonPath), subpath, target, internal, base);
}

function isArrayIndex(key) {
  const keyNum = +key;
  if (`${keyNum}` !== key) return false;
  return keyNum >= 0 && keyNum < 0xFFFF_FFFF;
}

// A resolved target is a path, or { bare } for an "imports" target that names
// another package (resolved later through node_modules).
function resolvePackageTargetString(target, subpath, match, pjsonPath, base,
                                    pattern, internal, conditions) {
  if (subpath !== '' && !pattern && target[target.length - 1] !== '/') {
    throw invalidPackageTarget(match, target, pjsonPath, internal, base);
  }
  if (!target.startsWith('./')) {
    if (internal && target[0] !== '/' && !target.startsWith('../') &&
        !/^[a-zA-Z][a-zA-Z0-9+.-]*:/.test(target)) {
      const bare = pattern ? target.replace(/\*/g, () => subpath) : target + subpath;
      return { bare };
    }
    throw invalidPackageTarget(match, target, pjsonPath, internal, base);
  }
  if (invalidSegmentRegEx.test(target.slice(2)) &&
      deprecatedInvalidSegmentRegEx.test(target.slice(2))) {
    throw invalidPackageTarget(match, target, pjsonPath, internal, base);
  }
  const resolved = pkgDirOf(pjsonPath) + target.slice(2);
  if (subpath === '') return resolved;
  if (invalidSegmentRegEx.test(subpath) && deprecatedInvalidSegmentRegEx.test(subpath)) {
    const request = pattern ? match.replace('*', () => subpath) : match + subpath;
    const reason = `request is not a valid match in pattern "${match}" for the "${
      internal ? 'imports' : 'exports'}" resolution of ${pjsonPath}`;
    throw new ERR_INVALID_MODULE_SPECIFIER(request, reason, base);
  }
  if (pattern) return resolved.replace(/\*/g, () => subpath);
  return resolved + subpath;
}

function resolvePackageTarget(pjsonPath, target, subpath, packageSubpath, base,
                              pattern, internal, conditions) {
  if (typeof target === 'string') {
    return resolvePackageTargetString(target, subpath, packageSubpath, pjsonPath, base,
                                      pattern, internal, conditions);
  }
  if (Array.isArray(target)) {
    if (target.length === 0) return null;
    let lastException;
    for (let i = 0; i < target.length; i++) {
      let result;
      try {
        result = resolvePackageTarget(pjsonPath, target[i], subpath, packageSubpath, base,
                                      pattern, internal, conditions);
      } catch (e) {
        lastException = e;
        if (e.code === 'ERR_INVALID_PACKAGE_TARGET') continue;
        throw e;
      }
      if (result === undefined) continue;
      if (result === null) {
        lastException = null;
        continue;
      }
      return result;
    }
    if (lastException == null) return lastException;
    throw lastException;
  }
  if (typeof target === 'object' && target !== null) {
    const keys = Object.getOwnPropertyNames(target);
    for (const key of keys) {
      if (isArrayIndex(key)) {
        throw new ERR_INVALID_PACKAGE_CONFIG(pjsonPath, base,
                                             '"exports" cannot contain numeric property keys.');
      }
    }
    for (const key of keys) {
      if (key === 'default' || conditions.has(key)) {
        const result = resolvePackageTarget(pjsonPath, target[key], subpath, packageSubpath,
                                            base, pattern, internal, conditions);
        if (result === undefined) continue;
        return result;
      }
    }
    return undefined;
  }
  if (target === null) return null;
  throw invalidPackageTarget(packageSubpath, target, pjsonPath, internal, base);
}

/** Is "exports" a main-entry shorthand (string, array, or conditions object)? */
function isConditionalExportsMainSugar(exports, pjsonPath, base) {
  if (typeof exports === 'string' || Array.isArray(exports)) return true;
  if (typeof exports !== 'object' || exports === null) return false;
  const keys = Object.getOwnPropertyNames(exports);
  let isConditionalSugar = false;
  for (let i = 0; i < keys.length; i++) {
    const cur = keys[i] === '' || keys[i][0] !== '.';
    if (i === 0) {
      isConditionalSugar = cur;
    } else if (isConditionalSugar !== cur) {
      throw new ERR_INVALID_PACKAGE_CONFIG(
        pjsonPath, base,
        '"exports" cannot contain some keys starting with \'.\' and some not.' +
        ' The exports object must either be an object of package subpath keys' +
        ' or an object of main entry condition name keys only.');
    }
  }
  return isConditionalSugar;
}

/** Orders pattern keys: longer prefix first, then longer key. */
function patternKeyCompare(a, b) {
  const aPatternIndex = a.indexOf('*');
  const bPatternIndex = b.indexOf('*');
  const baseLenA = aPatternIndex === -1 ? a.length : aPatternIndex + 1;
  const baseLenB = bPatternIndex === -1 ? b.length : bPatternIndex + 1;
  if (baseLenA > baseLenB) return -1;
  if (baseLenB > baseLenA) return 1;
  if (aPatternIndex === -1) return 1;
  if (bPatternIndex === -1) return -1;
  if (a.length > b.length) return -1;
  if (b.length > a.length) return 1;
  return 0;
}

/** Finds the best `*` pattern key of `map` matching `name`: [key, subpath] or undefined. */
function findPatternMatch(map, name) {
  let bestMatch = '';
  let bestMatchSubpath;
  for (const key of Object.getOwnPropertyNames(map)) {
    const patternIndex = key.indexOf('*');
    if (patternIndex === -1 || !name.startsWith(key.slice(0, patternIndex))) continue;
    const patternTrailer = key.slice(patternIndex + 1);
    if (name.length >= key.length &&
        name.endsWith(patternTrailer) &&
        patternKeyCompare(bestMatch, key) === 1 &&
        key.lastIndexOf('*') === patternIndex) {
      bestMatch = key;
      bestMatchSubpath = name.slice(patternIndex, name.length - patternTrailer.length);
    }
  }
  return bestMatch ? [bestMatch, bestMatchSubpath] : undefined;
}

/** Resolves `packageSubpath` ('.' or './x') through the "exports" of a package. */
function packageExportsResolve(pjsonPath, packageSubpath, exports, base, conditions) {
  if (isConditionalExportsMainSugar(exports, pjsonPath, base)) {
    exports = { '.': exports };
  }
  const notExported = () =>
    new ERR_PACKAGE_PATH_NOT_EXPORTED(pkgDirOf(pjsonPath), packageSubpath, base);

  if (Object.prototype.hasOwnProperty.call(exports, packageSubpath) &&
      !packageSubpath.includes('*') && !packageSubpath.endsWith('/')) {
    const result = resolvePackageTarget(pjsonPath, exports[packageSubpath], '',
                                        packageSubpath, base, false, false, conditions);
    if (result == null) throw notExported();
    return result;
  }
  const match = findPatternMatch(exports, packageSubpath);
  if (match !== undefined) {
    const result = resolvePackageTarget(pjsonPath, exports[match[0]], match[1], match[0],
                                        base, true, false, conditions);
    if (result == null) throw notExported();
    return result;
  }
  throw notExported();
}

/** Resolves a '#name' specifier through the "imports" of the parent's package. */
function packageImportsResolve(name, parentPath, conditions) {
  if (name === '#' || name.endsWith('/')) {
    throw new ERR_INVALID_MODULE_SPECIFIER(name, 'is not a valid internal imports specifier name',
                                           parentPath);
  }
  const pkg = packageJsonReader.getNearestParentPackageJSON(parentPath);
  const imports = pkg?.data.imports;
  if (imports && typeof imports === 'object') {
    if (Object.prototype.hasOwnProperty.call(imports, name) && !name.includes('*')) {
      const result = resolvePackageTarget(pkg.path, imports[name], '', name, parentPath,
                                          false, true, conditions);
      if (result != null) return [result, pkg.path];
    } else {
      const match = findPatternMatch(imports, name);
      if (match !== undefined) {
        const result = resolvePackageTarget(pkg.path, imports[match[0]], match[1], match[0],
                                            parentPath, true, true, conditions);
        if (result != null) return [result, pkg.path];
      }
    }
  }
  throw new ERR_PACKAGE_IMPORT_NOT_DEFINED(name, pkg && pkgDirOf(pkg.path), parentPath);
}

function createEsmNotFoundErr(request, path) {
  const err = new Error(`Cannot find module '${request}'`);
  err.code = 'MODULE_NOT_FOUND';
  if (path) err.path = path;
  return err;
}

/** Turns a resolved "exports"/"imports" target into an existing real file path. */
function finalizeEsmResolution(resolved, parentPath, pkgPath) {
  if (typeof resolved === 'object') {
    // An "imports" target naming another package: look it up from this package.
    const filename = Module._findPath(resolved.bare, Module._nodeModulePaths(dirname(pkgPath)),
                                      false);
    if (filename) return filename;
    throw createEsmNotFoundErr(resolved.bare, pkgPath);
  }
  if (encodedSepRegEx.test(resolved)) {
    throw new ERR_INVALID_MODULE_SPECIFIER(
      resolved, 'must not include encoded "/" or "\\" characters', parentPath);
  }
  let filename = resolved;
  if (filename.includes('%')) {
    try { filename = decodeURIComponent(filename); } catch { /* keep as written */ }
  }
  filename = resolvePath(filename);
  const actual = tryFile(filename);
  if (actual) return actual;
  throw createEsmNotFoundErr(filename, pkgPath);
}

/** require('pkg/sub') where node_modules/pkg has "exports". */
function resolveExports(nmPath, request, conditions) {
  const m = EXPORTS_PATTERN.exec(request);
  if (m === null) return undefined;
  const name = m[1];
  const expansion = m[2] || '';
  const pkgPath = resolvePath(nmPath, name);
  const pkg = readPackage(pkgPath);
  if (pkg.exists && pkg.exports != null) {
    const resolved = packageExportsResolve(`${pkgPath}/package.json`, `.${expansion}`,
                                           pkg.exports, undefined, conditions);
    return finalizeEsmResolution(resolved, null, pkgPath);
  }
  return undefined;
}

/** The path a parent resolves self-references and '#imports' from. */
function trySelfParentPath(parent) {
  if (!parent) return false;
  if (parent.filename) return parent.filename;
  if (parent.id === '<repl>' || parent.id === 'internal/preload') {
    try {
      return `${process.cwd()}/`;
    } catch {
      return false;
    }
  }
  return undefined;
}

/** require('own-name/sub') from inside the package named own-name. */
function trySelf(parentPath, request, conditions) {
  if (!parentPath) return false;
  const pkg = packageJsonReader.getNearestParentPackageJSON(parentPath);
  if (pkg?.data.exports === undefined || pkg.data.name === undefined) return false;
  let expansion;
  if (request === pkg.data.name) {
    expansion = '.';
  } else if (request.startsWith(`${pkg.data.name}/`)) {
    expansion = `.${request.slice(pkg.data.name.length)}`;
  } else {
    return false;
  }
  const resolved = packageExportsResolve(pkg.path, expansion, pkg.data.exports, parentPath,
                                         conditions);
  return finalizeEsmResolution(resolved, parentPath, pkg.path);
}

/**
 * The filename `request` names from `parent` (a built-in id stays as is).
 * `options.paths` replaces the lookup folders (require.resolve's option).
 * Throws MODULE_NOT_FOUND with the require stack when nothing matches.
 */
Module._resolveFilename = function(request, parent, isMain, options) {
  if (normalizeRequirableId(request)) return request;
  const conditions = options?.conditions || cjsConditions;

  let paths;
  if (typeof options === 'object' && options !== null) {
    if (Array.isArray(options.paths)) {
      if (isRelative(request)) {
        paths = options.paths;
      } else {
        const fakeParent = new Module('', null);
        paths = [];
        for (let i = 0; i < options.paths.length; i++) {
          fakeParent.paths = Module._nodeModulePaths(options.paths[i]);
          const lookupPaths = Module._resolveLookupPaths(request, fakeParent);
          for (let j = 0; j < lookupPaths.length; j++) {
            if (!paths.includes(lookupPaths[j])) paths.push(lookupPaths[j]);
          }
        }
      }
    } else if (options.paths === undefined) {
      paths = Module._resolveLookupPaths(request, parent);
    } else {
      throw new ERR_INVALID_ARG_VALUE('options.paths', options.paths);
    }
  } else {
    paths = Module._resolveLookupPaths(request, parent);
  }

  if (request[0] === '#' && (parent?.filename || parent?.id === '<repl>')) {
    const parentPath = parent?.filename ?? `${process.cwd()}/`;
    const pkg = packageJsonReader.getNearestParentPackageJSON(parentPath);
    if (pkg?.data.imports != null) {
      const [resolved, pjsonPath] = packageImportsResolve(request, parentPath, conditions);
      return finalizeEsmResolution(resolved, parentPath, pjsonPath);
    }
  }

  const parentPath = trySelfParentPath(parent);
  const selfResolved = trySelf(parentPath, request, conditions);
  if (selfResolved) {
    const cacheKey = `${request}\x00${paths.length === 1 ? paths[0] : paths.join('\x00')}`;
    Module._pathCache[cacheKey] = selfResolved;
    return selfResolved;
  }

  const filename = Module._findPath(request, paths, isMain, conditions);
  if (filename) return filename;

  const requireStack = [];
  for (let cursor = parent; cursor; cursor = cursor[kFirstModuleParent]) {
    requireStack.push(cursor.filename || cursor.id);
  }
  let message = `Cannot find module '${request}'`;
  if (requireStack.length > 0) {
    message = `${message}\nRequire stack:\n- ${requireStack.join('\n- ')}`;
  }
  const err = new Error(message);
  err.code = 'MODULE_NOT_FOUND';
  err.requireStack = requireStack;
  throw err;
};

// ---------------------------------------------------------------------------
// Loading.

// parent folder + request → filename, so that repeated requires from one
// folder skip resolution (entries go away when their cache entry does).
const relativeResolveCache = { __proto__: null };
let requireDepth = 0;

function emitCircularRequireWarning(prop) {
  if (typeof process.emitWarning === 'function') {
    process.emitWarning(`Accessing non-existent property '${String(prop)}' of module exports ` +
                        'inside circular dependency');
  }
}

// Prototype given to a plain exports object while its module is still loading
// and someone in a cycle reads it: warns on properties that don't exist (yet).
const CircularRequirePrototypeWarningProxy = new Proxy({}, {
  __proto__: null,
  get(target, prop) {
    // __esModule is probed by transpiled code; it is not a real export.
    if (prop in target || prop === '__esModule') return target[prop];
    emitCircularRequireWarning(prop);
    return undefined;
  },
  getOwnPropertyDescriptor(target, prop) {
    if (Object.prototype.hasOwnProperty.call(target, prop) || prop === '__esModule') {
      return Object.getOwnPropertyDescriptor(target, prop);
    }
    emitCircularRequireWarning(prop);
    return undefined;
  },
});

// Proxies are left alone: their traps could throw or observe the probing.
const { isProxy } = internalBinding('types');

function getExportsForCircularRequire(module) {
  if (module[kIsESModule]) {
    const parentPath = module[kFirstModuleParent]?.filename;
    throw new ERR_REQUIRE_CYCLE_MODULE(`Cannot require() ES Module ${module.filename} in a ` +
                                       `cycle.${parentPath ? ` (from ${parentPath})` : ''}`);
  }
  const exports = module.exports;
  if (exports && !isProxy(exports) && Object.getPrototypeOf(exports) === Object.prototype &&
      !exports.__esModule) {
    Object.setPrototypeOf(exports, CircularRequirePrototypeWarningProxy);
  }
  return exports;
}

function loadBuiltin(id) {
  return BuiltinModule.require(id);
}

/**
 * Loads `request` for `parent` and returns its exports: from the cache if
 * present (partial exports while it is still loading), else resolved,
 * created, cached and evaluated.  `isMain` marks the program's entry point.
 */
Module._load = function(request, parent, isMain) {
  let relResolveCacheIdentifier;
  if (parent) {
    relResolveCacheIdentifier = `${parent.path}\x00${request}`;
    const filename = relativeResolveCache[relResolveCacheIdentifier];
    if (filename !== undefined) {
      const cachedModule = Module._cache[filename];
      if (cachedModule !== undefined) {
        updateChildren(parent, cachedModule, true);
        if (!cachedModule.loaded) return getExportsForCircularRequire(cachedModule);
        return cachedModule.exports;
      }
      delete relativeResolveCache[relResolveCacheIdentifier];
    }
  }

  // 'node:' requests only ever name built-ins, and skip require.cache.
  if (request.startsWith('node:')) {
    const id = normalizeRequirableId(request);
    if (!id) throw new ERR_UNKNOWN_BUILTIN_MODULE(request);
    return loadBuiltin(id);
  }

  const filename = Module._resolveFilename(request, parent, isMain);

  const cachedModule = Module._cache[filename];
  if (cachedModule !== undefined) {
    updateChildren(parent, cachedModule, true);
    if (!cachedModule.loaded) return getExportsForCircularRequire(cachedModule);
    return cachedModule.exports;
  }

  if (BuiltinModule.canBeRequiredWithoutScheme(filename)) {
    return loadBuiltin(filename);
  }

  const module = new Module(filename, parent);
  if (isMain) {
    setMainModule(module);
    module.id = '.';
    module[kIsMainSymbol] = true;
  } else {
    module[kIsMainSymbol] = false;
  }
  module[kIsCachedByESMLoader] = false;
  module[kURL] = undefined;
  module[kFormat] = undefined;

  Module._cache[filename] = module;
  if (parent) relativeResolveCache[relResolveCacheIdentifier] = filename;

  let threw = true;
  try {
    module.load(filename);
    threw = false;
  } finally {
    if (threw) {
      delete Module._cache[filename];
      if (parent) {
        delete relativeResolveCache[relResolveCacheIdentifier];
        const children = parent.children;
        if (Array.isArray(children)) {
          const index = children.indexOf(module);
          if (index !== -1) children.splice(index, 1);
        }
      }
    } else if (module.exports && !isProxy(module.exports) &&
               Object.getPrototypeOf(module.exports) === CircularRequirePrototypeWarningProxy) {
      Object.setPrototypeOf(module.exports, Object.prototype);
    }
  }
  return module.exports;
};

function setMainModule(module) {
  Object.defineProperty(process, 'mainModule', {
    __proto__: null, value: module, enumerable: true, writable: true, configurable: true,
  });
}

/** Loads the file into this module with the loader of its extension. */
Module.prototype.load = function(filename) {
  if (this.loaded) throw new Error(`Module ${this.id} is already loaded`);
  this.filename ??= filename;
  this.paths ??= Module._nodeModulePaths(dirname(filename));
  const extension = findLongestRegisteredExtension(filename);
  Module._extensions[extension](this, filename);
  this.loaded = true;
};

/** require() as seen from this module. */
Module.prototype.require = function(id) {
  validateString(id, 'id');
  if (id === '') {
    throw new ERR_INVALID_ARG_VALUE('id', id, 'must be a non-empty string');
  }
  requireDepth++;
  try {
    return Module._load(id, this, false);
  } finally {
    requireDepth--;
  }
};

/** Builds the `require` function handed to a module's code. */
function makeRequireFunction(mod) {
  if (!(mod instanceof Module)) {
    throw new ERR_INVALID_ARG_TYPE('mod', 'Module', mod);
  }

  function require(path) {
    return mod.require(path);
  }

  function resolve(request, options) {
    validateString(request, 'request');
    // A missing 'node:x' is MODULE_NOT_FOUND here, and 'node:' ids stay prefixed.
    if (request.startsWith('node:') && normalizeRequirableId(request)) return request;
    return Module._resolveFilename(request, mod, false, options ?? {});
  }

  function paths(request) {
    validateString(request, 'request');
    return Module._resolveLookupPaths(request, mod);
  }

  resolve.paths = paths;
  require.resolve = resolve;
  Object.defineProperty(require, 'main', {
    __proto__: null, value: process.mainModule, enumerable: true, writable: true, configurable: true,
  });
  require.extensions = Module._extensions;
  require.cache = Module._cache;
  return require;
}

const wrapperParams = ['exports', 'require', 'module', '__filename', '__dirname'];

/** Compiles `content` into the module function (exports, require, module, __filename, __dirname). */
function wrapSafe(filename, content) {
  if (wrapperPatched) {
    // Someone changed Module.wrap/wrapper: compile their text as an expression.
    const getWrapped = compileFunction(`return ${Module.wrap(content)}`, filename, []);
    return getWrapped();
  }
  return compileFunction(content, filename, wrapperParams);
}

/**
 * Runs `content` as this module's code with `this` = module.exports.
 * A leading `#!` line is kept out of the code (its line still counts).
 */
Module.prototype._compile = function(content, filename) {
  if (content.charCodeAt(0) === 35 /* '#' */ && content.charCodeAt(1) === 33 /* '!' */) {
    content = `//${content.slice(2)}`;
  }
  const compiledWrapper = wrapSafe(filename, content);
  const dir = dirname(filename);
  const require = makeRequireFunction(this);
  const exports = this.exports;
  if (requireDepth === 0) statCache = new Map();
  this[kIsExecuting] = true;
  let result;
  try {
    result = Reflect.apply(compiledWrapper, exports, [exports, require, this, filename, dir]);
  } finally {
    if (requireDepth === 0) statCache = null;
  }
  this[kIsExecuting] = false;
  return result;
};

function readSource(filename) {
  return fsBinding.readFileUtf8(filename);
}

Module._extensions['.js'] = function(module, filename) {
  const source = filename.endsWith('.cjs') ? undefined : readSource(filename);
  const isModule = filename.endsWith('.mjs') ||
    (filename.endsWith('.js') &&
     require('internal/modules/esm/formats').isModuleFile(filename, source));
  if (isModule) {
    const parentPath = module[kFirstModuleParent]?.filename;
    if (process.execArgv.includes('--no-experimental-require-module')) {
      throw new (require('internal/errors').codes.ERR_REQUIRE_ESM)(
        filename, !filename.endsWith('.mjs'), parentPath);
    }
    // require(esm): the namespace, for graphs without top-level await.
    module[kIsESModule] = true;
    module.exports = require('internal/modules/esm/loader').requireModule(filename, parentPath);
    return;
  }
  module._compile(source ?? readSource(filename), filename);
};

Module._extensions['.json'] = function(module, filename) {
  const content = readSource(filename);
  try {
    Object.defineProperty(module, 'exports', {
      __proto__: null, value: JSON.parse(stripBOM(content)),
      enumerable: true, writable: true, configurable: true,
    });
  } catch (err) {
    err.message = `${filename}: ${err.message}`;
    throw err;
  }
};

Module._extensions['.node'] = function(module, filename) {
  const err = new Error(`Cannot load native addon ${filename}: ` +
                        'native addons (.node files) are not supported by this runtime');
  err.code = 'ERR_DLOPEN_FAILED';
  throw err;
};

// ---------------------------------------------------------------------------
// Entry points.

const createRequireError = 'must be a file URL object, file URL string, or ' +
  'absolute path string';

function fileURLToPathOrThrow(url, original) {
  if (url.protocol !== 'file:') {
    throw new ERR_INVALID_ARG_VALUE('filename', original, createRequireError);
  }
  return decodeURIComponent(url.pathname);
}

/** A `require` that resolves relative to `filename` (a path or file: URL). */
function createRequire(filenameOrURL) {
  let filepath;
  const isURLObject = typeof filenameOrURL === 'object' && filenameOrURL !== null &&
    typeof filenameOrURL.href === 'string' && typeof filenameOrURL.protocol === 'string';
  if (isURLObject ||
      (typeof filenameOrURL === 'string' && !isAbsolute(filenameOrURL))) {
    let url;
    try {
      url = new URL(isURLObject ? filenameOrURL.href : filenameOrURL);
    } catch {
      throw new ERR_INVALID_ARG_VALUE('filename', filenameOrURL, createRequireError);
    }
    filepath = fileURLToPathOrThrow(url, filenameOrURL);
  } else if (typeof filenameOrURL !== 'string') {
    throw new ERR_INVALID_ARG_VALUE('filename', filenameOrURL, createRequireError);
  } else {
    filepath = filenameOrURL;
  }
  // A trailing slash names a directory: resolve as if from a file inside it.
  const proxyPath = filepath.endsWith('/') ? `${normalizePath(filepath)}noop.js` : filepath;
  const m = new Module(proxyPath);
  m.filename = proxyPath;
  m.paths = Module._nodeModulePaths(m.path);
  return makeRequireFunction(m);
}
Module.createRequire = createRequire;

/** Sets the global search folders from HOME, NODE_PATH and the install prefix. */
Module._initPaths = function() {
  const env = process.env || {};
  const homeDir = env.HOME;
  const nodePath = env.NODE_PATH;
  const prefixDir = resolvePath(process.execPath, '..', '..');
  const paths = [resolvePath(prefixDir, 'lib', 'node')];
  if (homeDir) {
    paths.unshift(resolvePath(homeDir, '.node_libraries'));
    paths.unshift(resolvePath(homeDir, '.node_modules'));
  }
  if (nodePath) {
    paths.unshift(...nodePath.split(':').filter(Boolean));
  }
  modulePaths = paths;
  Module.globalPaths = paths.slice();
};

/** Loads each of `requests` (--require) before the main module. */
Module._preloadModules = function(requests) {
  if (!Array.isArray(requests)) return;
  const parent = new Module('internal/preload', null);
  try {
    parent.paths = Module._nodeModulePaths(process.cwd());
  } catch (e) {
    if (e.code !== 'ENOENT') throw e;
  }
  for (let n = 0; n < requests.length; n++) {
    Module._load(requests[n], parent, false);
  }
};

/** Updates the named exports of imported built-ins from their exports objects. */
Module.syncBuiltinESMExports = function syncBuiltinESMExports() {
  require('internal/modules/esm/loader').syncBuiltinESMExports();
};

/**
 * Runs the program's entry file (`oxnode file`): resolves `main` from the
 * cwd with extension probing and loads it as the main module.
 */
Module.runMain = function(main = process.argv[1]) {
  const filename = Module._resolveFilename(resolvePath(main), null, true);
  if (filename.endsWith('.mjs') ||
      (filename.endsWith('.js') && require('internal/modules/esm/formats').isModuleFile(filename))) {
    return require('internal/modules/esm/loader').runEntryPoint(filename);
  }
  return Module._load(filename, null, true);
};

// A getter, as in Node: util.inspect then prints a module as a plain object.
Object.defineProperty(Module.prototype, 'constructor', {
  __proto__: null,
  get() { return Module; },
  configurable: false,
  enumerable: false,
});

Module.Module = Module;

// `process` may not be ready while this file is first evaluated (e.g. in a
// startup snapshot), so the global paths are computed on first use.
let pathsInitialized = false;
function initializeCJS() {
  if (pathsInitialized) return;
  pathsInitialized = true;
  try {
    Module._initPaths();
  } catch {
    // process.env or execPath not there yet: keep the node_modules walk only.
  }
}

module.exports = {
  Module,
  initializeCJS,
  makeRequireFunction,
  normalizeRequirableId,
  stripBOM,
  toRealPath,
};
