'use strict';

// internal/modules/esm/loader: ES modules — the entry point (`oxnode file.mjs`,
// `--input-type=module -e`), static imports, import(), import.meta, and require(esm).
//
// Built on internalBinding('module_wrap'), where a module is a numeric id. Each module
// is loaded once per URL (of its real path): source-text modules (.mjs, .js under
// "type": "module", or without a "type" but with ES module syntax; data: URLs) are
// compiled, their imports resolved and loaded depth-first, and linked; built-ins,
// CommonJS and JSON files become synthetic modules whose `default` is the exports
// object (CommonJS also exports it as 'module.exports'). A built-in's named exports are
// its own enumerable keys; a CommonJS file's are the names its source visibly assigns,
// and it runs when the importing graph evaluates, in order. Resolution follows Node's ESM
// rules: relative and absolute URLs/paths must name an existing file (no extension
// probing, ERR_MODULE_NOT_FOUND otherwise), bare specifiers go through the package
// resolution of the CommonJS loader with the conditions "node", "import" and
// "module-sync".

const {
  compileSourceTextModule,
  createSyntheticModule,
  setSyntheticExport,
  getModuleRequests,
  getModuleRequestAttributes,
  link,
  instantiate,
  evaluate,
  getNamespace,
  getStatus,
  getError,
  isGraphAsync,
  decorateErrorStack,
  getStalledTopLevelAwaitArrows,
} = internalBinding('module_wrap');
const { setHook } = internalBinding('engine');
const fsBinding = internalBinding('fs');
const {
  codes: {
    ERR_IMPORT_ATTRIBUTE_MISSING,
    ERR_IMPORT_ATTRIBUTE_TYPE_INCOMPATIBLE,
    ERR_IMPORT_ATTRIBUTE_UNSUPPORTED,
    ERR_MODULE_NOT_FOUND,
    ERR_REQUIRE_ASYNC_MODULE,
    ERR_REQUIRE_CYCLE_MODULE,
    ERR_UNKNOWN_BUILTIN_MODULE,
    ERR_UNKNOWN_FILE_EXTENSION,
    ERR_UNKNOWN_MODULE_FORMAT,
    ERR_UNSUPPORTED_DIR_IMPORT,
    ERR_UNSUPPORTED_ESM_URL_SCHEME,
  },
} = require('internal/errors');
const { fileURLToPath, pathToFileURL } = require('internal/url');
const { isModuleFile, stripShebang } = require('internal/modules/esm/formats');

/** Node's exit code for an entry module whose top-level await never settled. */
const kUnsettledTopLevelAwait = 13;
/** Node's module statuses (`getStatus`). */
const kEvaluating = 3;
const kEvaluated = 4;
const kErrored = 5;

const importConditions = new Set(['node', 'import', 'module-sync']);

/** The built-in modules imported so far: { id, exports, names }. */
const builtinModules = [];

/** module.syncBuiltinESMExports(): each built-in's named exports take the current values of
 * its exports object's properties (the names are those it had when first imported). */
function syncBuiltinESMExports() {
  for (const { id, exports, names } of builtinModules) {
    if (getStatus(id) !== kEvaluated) continue;
    setSyntheticExport(id, 'default', exports);
    for (const name of names) setSyntheticExport(id, name, exports[name]);
  }
}

/** url → { id, url, filename, format, links } */
const moduleRecords = new Map();
/** The record of the entry module, for import.meta.main. */
let mainRecord = null;

function isFile(path) {
  try {
    return fsBinding.internalModuleStat(path) === 0;
  } catch {
    return false;
  }
}

function isDirectory(path) {
  try {
    return fsBinding.internalModuleStat(path) === 1;
  } catch {
    return false;
  }
}

/** Where a referrer (URL, absolute path, or an eval name) resolves relative imports from. */
function referrerURL(referrer) {
  if (typeof referrer !== 'string' || referrer === '') {
    return pathToFileURL(`${process.cwd()}/`).href;
  }
  if (referrer.startsWith('file:') || referrer.startsWith('node:')) return referrer;
  if (referrer.startsWith('/')) return pathToFileURL(referrer).href;
  return pathToFileURL(`${process.cwd()}/${referrer}`).href;
}

/** How a resolved file is loaded: 'module', 'commonjs' or 'json'. */
function formatOf(filename) {
  if (filename.endsWith('.mjs')) return 'module';
  if (filename.endsWith('.cjs')) return 'commonjs';
  if (filename.endsWith('.json')) return 'json';
  if (filename.endsWith('.node')) throw new ERR_UNKNOWN_FILE_EXTENSION('.node', filename);
  return isModuleFile(filename) ? 'module' : 'commonjs';
}

/** The public built-in `specifier` names, without `node:`; or null. */
function builtinId(specifier) {
  const { BuiltinModule } = require('internal/bootstrap/realm');
  if (specifier.startsWith('node:')) {
    const id = specifier.slice(5);
    return BuiltinModule.canBeRequiredByUsers(id) ? id : null;
  }
  return BuiltinModule.canBeRequiredWithoutScheme(specifier) ? specifier : null;
}

/** Resolves `specifier` imported from `parentURL` to { url, format, filename }. */
function resolve(specifier, parentURL) {
  const id = builtinId(specifier);
  if (id !== null) return { url: `node:${id}`, format: 'builtin', filename: null };
  const parentPath = parentURL.startsWith('file:') ? fileURLToPath(parentURL) : parentURL;
  let url;
  if (specifier.startsWith('./') || specifier.startsWith('../') ||
      specifier.startsWith('/') || specifier === '.' || specifier === '..') {
    url = new URL(specifier, parentURL);
  } else {
    try {
      url = new URL(specifier);
    } catch {
      url = null;
    }
  }
  if (url === null) {
    if (specifier.startsWith('node:')) {
      const err = new ERR_MODULE_NOT_FOUND(specifier, parentPath, false);
      throw err;
    }
    return resolvePackage(specifier, parentPath);
  }
  if (url.protocol === 'node:') throw new ERR_UNKNOWN_BUILTIN_MODULE(url.href);
  if (url.protocol === 'data:') return { url: url.href, format: dataURLFormat(url), filename: null };
  if (url.protocol !== 'file:') throw new ERR_UNSUPPORTED_ESM_URL_SCHEME(url.protocol);
  const filename = fileURLToPath(url);
  if (isDirectory(filename) || filename.endsWith('/')) {
    throw new ERR_UNSUPPORTED_DIR_IMPORT(filename, parentPath, url.href);
  }
  if (!isFile(filename)) throw new ERR_MODULE_NOT_FOUND(filename, parentPath, url.href);
  return fileResolution(filename);
}

/** A found file as a resolution: its real path, and the file: URL of that (the cache key,
 * so that every spelling of a path loads one module). */
function fileResolution(filename) {
  const realpath = toRealPath(filename);
  return { url: pathToFileURL(realpath).href, format: formatOf(realpath), filename: realpath };
}

/** The parts of a `data:` URL: its MIME type and its decoded body. */
function parseDataURL(href) {
  const match = /^data:([^,;]*)((?:;[^,;]*)*?)(;base64)?,(.*)$/s.exec(href);
  if (match === null) return { mime: '', body: '' };
  const body = match[3] ?
    Buffer.from(decodeURIComponent(match[4]), 'base64').toString() : decodeURIComponent(match[4]);
  return { mime: match[1], body };
}

function dataURLFormat(url) {
  const { mime } = parseDataURL(url.href);
  if (/^(?:text|application)\/javascript$/.test(mime)) return 'module';
  if (mime === 'application/json') return 'json';
  throw new ERR_UNKNOWN_MODULE_FORMAT(mime, url.href);
}

/** A bare specifier: node_modules lookup and package.json "exports" with "import". */
function resolvePackage(specifier, parentPath) {
  const { Module } = require('internal/modules/cjs/loader');
  const fakeParent = new Module(parentPath, null);
  fakeParent.filename = parentPath;
  fakeParent.paths = Module._nodeModulePaths(parentPath.slice(0, parentPath.lastIndexOf('/')) || '/');
  let filename;
  try {
    filename = Module._resolveFilename(specifier, fakeParent, false,
                                       { conditions: importConditions });
  } catch (err) {
    if (err?.code !== 'MODULE_NOT_FOUND') throw err;
    const packageName = specifier.startsWith('@') ?
      specifier.split('/', 2).join('/') : specifier.split('/', 1)[0];
    throw new ERR_MODULE_NOT_FOUND(packageName, parentPath, false);
  }
  return fileResolution(filename);
}

/** The own enumerable keys of an exports value but 'default': its named exports. */
function exportNames(exports) {
  if (exports === null || (typeof exports !== 'object' && typeof exports !== 'function')) {
    return [];
  }
  return Object.keys(exports).filter((key) => key !== 'default');
}

/** A synthetic module exporting `exports` as default and its own enumerable keys. */
function syntheticFromExports(url, exports, extraNames) {
  const values = { __proto__: null };
  const names = ['default'];
  values.default = exports;
  for (const key of exportNames(exports)) {
    names.push(key);
    values[key] = exports[key];
  }
  for (const name of extraNames) {
    if (!names.includes(name)) names.push(name);
    values[name] = exports;
  }
  return createSyntheticModule(url, names, values);
}

function toRealPath(filename) {
  return require('internal/modules/cjs/loader').toRealPath(filename);
}

/** Loads CommonJS `filename` through the CommonJS loader and returns its exports. */
function requireCommonJS(filename) {
  const { Module } = require('internal/modules/cjs/loader');
  return Module._load(filename, null, false);
}

const identifier = '[\\p{ID_Start}_$][\\p{ID_Continue}$\\u200c\\u200d]*';
const exportAssignment =
  new RegExp(`(?:^|[^.\\w$])(?:module\\.)?exports\\.(${identifier})\\s*=[^=]`, 'gu');
const exportDefine =
  /Object\.defineProperty\(\s*(?:module\.)?exports\s*,\s*(['"])([^'"]+)\1/g;
const exportBracket =
  /(?:^|[^.\w$])(?:module\.)?exports\[\s*(['"])((?:[^'"\\\n]|\\.)*)\1\s*\]\s*=[^=]/g;
const exportObject = /(?:^|[^.\w$])module\.exports\s*=\s*\{/g;
// Pieces of an object literal's entries (after comments and whitespace).
const gap = /(?:\s+|\/\/[^\n]*|\/\*[\s\S]*?\*\/)*/y;
const entryName = new RegExp(identifier, 'uy');
const entryString = /(['"])((?:(?!\1)[^\\\n]|\\.)*)\1/y;

/** The names a CommonJS source visibly exports (`exports.x =`, `module.exports = { a, b:
 * c }`, `Object.defineProperty(exports, 'x'`): its named exports, found without running it,
 * as Node's lexer does for the common forms. */
function commonJSExportNames(source) {
  const names = new Set();
  for (const match of source.matchAll(exportAssignment)) names.add(match[1]);
  for (const match of source.matchAll(exportDefine)) names.add(match[2]);
  for (const match of source.matchAll(exportBracket)) {
    const name = unescapeStringLiteral(match[2]);
    if (name.isWellFormed()) names.add(name);
  }
  for (const match of source.matchAll(exportObject)) {
    objectLiteralExportNames(source, match.index + match[0].length, names);
  }
  names.delete('default');
  names.delete('module.exports');
  return [...names];
}

/** Adds the keys of the object literal `module.exports = {` starting at `pos` to `names`,
 * as cjs-module-lexer does: entries `a`, `a: b` and `'a': b` (comments allowed between
 * tokens) until the first entry of another form (a getter, a method, `a: f()`...). */
function objectLiteralExportNames(source, pos, names) {
  const sticky = (regex) => {
    regex.lastIndex = pos;
    const found = regex.exec(source);
    if (found !== null) pos = regex.lastIndex;
    return found;
  };
  for (;;) {
    sticky(gap);
    let name;
    const word = sticky(entryName);
    if (word !== null) {
      name = word[0];
    } else {
      const string = sticky(entryString);
      if (string === null) return;
      name = unescapeStringLiteral(string[2]);
    }
    sticky(gap);
    if (source[pos] === ':') {
      pos++;
      sticky(gap);
      if (sticky(entryName) === null) return;
      sticky(gap);
    } else if (word === null || (source[pos] !== ',' && source[pos] !== '}')) {
      return;  // A string key needs a value; `get x() {}` is no shorthand entry.
    }
    if (name.isWellFormed()) names.add(name);
    if (source[pos] !== ',') return;
    pos++;
  }
}

/** The value of a string literal's body with \\uXXXX, \\u{X} and one-character escapes. */
function unescapeStringLiteral(body) {
  const escapes = /\\(u\{([0-9a-fA-F]+)\}|u([0-9a-fA-F]{4})|.)/g;
  return body.replace(escapes, (match, escape, braced, hex) => {
    if (braced !== undefined) return String.fromCodePoint(parseInt(braced, 16));
    if (hex !== undefined) return String.fromCharCode(parseInt(hex, 16));
    return escape;
  });
}

/** Whether CommonJS `filename` started loading and has not finished: a cycle. */
function isCommonJSLoading(filename) {
  const { Module } = require('internal/modules/cjs/loader');
  const cached = Module._cache[filename];
  return cached !== undefined && !cached.loaded;
}

/** A CommonJS module as a synthetic one: run when the importing graph evaluates, unless
 * it already ran (then its actual keys are the named exports). */
function commonJSModule(url, filename) {
  const { Module } = require('internal/modules/cjs/loader');
  const cached = Module._cache[filename];
  if (cached?.loaded) return syntheticFromExports(url, cached.exports, ['module.exports']);
  const names = commonJSExportNames(fsBinding.readFileUtf8(filename));
  return createSyntheticModule(url, ['default', 'module.exports', ...names], () => {
    const exports = requireCommonJS(filename);
    const values = { __proto__: null, 'default': exports, 'module.exports': exports };
    for (const name of names) values[name] = exports?.[name];
    return values;
  });
}

/** The record for `resolved`, created (and its dependencies loaded) on first use. */
function getModule(resolved, source) {
  let record = moduleRecords.get(resolved.url);
  if (record !== undefined) return record;
  const { url, format, filename } = resolved;
  let id;
  switch (format) {
    case 'builtin': {
      const exports = require(url.slice(5));
      id = syntheticFromExports(url, exports, []);
      builtinModules.push({ id, exports, names: exportNames(exports) });
      break;
    }
    case 'commonjs':
      id = commonJSModule(url, filename);
      break;
    case 'json': {
      const text = filename === null ? parseDataURL(url).body : fsBinding.readFileUtf8(filename);
      let value;
      try {
        value = JSON.parse(text);
      } catch (err) {
        err.message = `${filename}: ${err.message}`;
        throw err;
      }
      id = createSyntheticModule(url, ['default'], { __proto__: null, default: value });
      break;
    }
    default:
      source ??= filename === null ? parseDataURL(url).body : fsBinding.readFileUtf8(filename);
      id = compileSourceTextModule(stripShebang(source), url);
  }
  record = { id, url, filename, format };
  moduleRecords.set(url, record);
  if (format === 'module') linkRequests(record);
  return record;
}

/** Resolves and loads every import of a source-text module, then links them to it. */
function linkRequests(record) {
  const specifiers = getModuleRequests(record.id);
  const attributes = getModuleRequestAttributes(record.id);
  const ids = [];
  record.links = new Map();
  for (let index = 0; index < specifiers.length; index++) {
    const specifier = specifiers[index];
    const resolved = resolve(specifier, record.url);
    validateAttributes(resolved, attributes[index]);
    if (resolved.format === 'commonjs' && isCommonJSLoading(resolved.filename)) {
      const from = record.filename ?? record.url;
      throw new ERR_REQUIRE_CYCLE_MODULE(
        `Cannot import CommonJS Module ${specifier} in a cycle. (from ${from})`);
    }
    const target = getModule(resolved);
    record.links.set(specifier, target);
    ids.push(target.id);
  }
  link(record.id, specifiers, ids);
}

/** Node's rules for import attributes: JSON needs `type: 'json'`, nothing else may have a
 * type, and no other attribute is known. */
function validateAttributes({ url, format }, attributes) {
  for (const key of Object.keys(attributes ?? {})) {
    if (key !== 'type') throw new ERR_IMPORT_ATTRIBUTE_UNSUPPORTED(key, attributes[key], url);
  }
  const type = attributes?.type;
  if (type === undefined) {
    if (format === 'json') throw new ERR_IMPORT_ATTRIBUTE_MISSING(url, 'type', 'json');
    return;
  }
  if (type !== 'json') throw new ERR_IMPORT_ATTRIBUTE_UNSUPPORTED('type', type, url);
  if (format !== 'json') throw new ERR_IMPORT_ATTRIBUTE_TYPE_INCOMPATIBLE(url, type);
}

/** Links the graph's bindings; a missing named export of CommonJS gets Node's advice. */
function instantiateGraph(record) {
  try {
    instantiate(record.id);
  } catch (err) {
    explainCommonJSNamedImport(err);
    throw err;
  }
}

const missingExport = /^The requested module '(.+)' does not provide an export named '(.+)'$/;

/** Rewrites the SyntaxError of a name a CommonJS module does not export as Node does,
 * with an example using the default export when the import fits on its line. */
function explainCommonJSNamedImport(err) {
  const match = err instanceof SyntaxError ? missingExport.exec(err.message) : null;
  if (match === null) return;
  const [, specifier, name] = match;
  const isCommonJS = [...moduleRecords.values()]
    .some((record) => record.links?.get(specifier)?.format === 'commonjs');
  if (!isCommonJS) return;
  let message = `Named export '${name}' not found. The requested module '${specifier}' ` +
    'is a CommonJS module, which may not support all module.exports as named exports.\n' +
    'CommonJS modules can always be imported via the default export, for example using:' +
    `\n\nimport pkg from '${specifier}';\n`;
  // The decorated stack's second line is the import statement.
  const statement = `${err.stack}`.split('\n')[1] ?? '';
  const named = /^\s*import\s+(?:[\w$]+\s*,\s*)?\{([^}]*)\}\s*from\s*(['"])(.*)\2/.exec(statement);
  if (named !== null && named[3] === specifier) {
    const bindings = named[1].split(',').map((part) => part.trim()).filter(Boolean)
      .map((part) => part.replace(/\s+as\s+/, ': '));
    message += `const { ${bindings.join(', ')} } = pkg;\n`;
  }
  const stack = `${err.stack}`.replace(`SyntaxError: ${err.message}`, `SyntaxError: ${message}`);
  err.message = message;
  err.stack = stack;
}

/** Instantiates and evaluates the graph of `record`; returns the evaluation promise. */
function run(record) {
  instantiateGraph(record);
  return evaluate(record.id);
}

/** Imports `specifier` from `referrer` and resolves to the module namespace. */
async function importModule(specifier, referrer, attributes) {
  // As in Node, loading starts after the importing code has run on.
  await undefined;
  const resolved = resolve(`${specifier}`, referrerURL(referrer));
  validateAttributes(resolved, attributes);
  const record = getModule(resolved);
  const status = getStatus(record.id);
  if (status === kErrored) throw getError(record.id);
  if (status !== kEvaluated) await run(record);
  return getNamespace(record.id);
}

function reportFatal(err) {
  require('internal/process/execution').triggerUncaughtException(err, true);
}

/** Loads and links the entry module now; evaluates it in a promise job, as Node does (so
 * promise jobs queued by its code run before process.nextTick callbacks). */
function runEntryModule(record) {
  instantiateGraph(record);
  const entry = { record, settled: false };
  unsettledEntry = entry;
  const settle = () => {
    entry.settled = true;
    if (unsettledEntry === entry) unsettledEntry = null;
  };
  Promise.resolve().then(() => evaluate(record.id)).then(settle, (err) => {
    settle();
    reportFatal(err);
  });
}

/** The entry module while its evaluation (top-level await) has not settled. */
let unsettledEntry = null;

/** Exit code 13 for an entry module whose top-level await never settled, as Node; called
 * before 'exit' is emitted. If the code is still 13 after the 'exit' listeners, Node's
 * warning names each await still waiting. */
function handleUnsettledEntry() {
  const entry = unsettledEntry;
  if (entry === null) return;
  process.exitCode ??= kUnsettledTopLevelAwait;
  if (process.exitCode !== kUnsettledTopLevelAwait) return;
  process.on('exit', (code) => {
    if (code !== kUnsettledTopLevelAwait || process.exitCode !== kUnsettledTopLevelAwait ||
        process.execArgv.includes('--no-warnings')) {
      return;
    }
    for (const arrow of getStalledTopLevelAwaitArrows(entry.record.id)) {
      internalBinding('fs').writeString(2,
        `Warning: Detected unsettled top-level await at ${arrow}\n\n\n`);
    }
  });
}

/** Runs `filename` as the main ES module (`oxnode file.mjs`). */
function runEntryPoint(filename) {
  const record = getModule({ ...fileResolution(filename), format: 'module' });
  mainRecord = record;
  runEntryModule(record);
}

let evalCount = 0;

/** Runs `-e` code as an ES module (`--input-type=module`), named [evalN] in the cwd. */
function evalModule(source) {
  const url = `${pathToFileURL(`${process.cwd()}/`).href}[eval${++evalCount}]`;
  const record = getModule({ url, format: 'module', filename: null }, source);
  runEntryModule(record);
}

/** require(esm) of a graph that imports a module still evaluating (the code that
 * required it runs inside that module's evaluation) is a cycle Node refuses. */
function assertNoEvaluatingImport(record, seen = new Set()) {
  seen.add(record);
  for (const [specifier, target] of record.links ?? []) {
    if (target.format === 'module' && getStatus(target.id) === kEvaluating) {
      throw new ERR_REQUIRE_CYCLE_MODULE(
        `Cannot import Module ${specifier} in a cycle. (from ${record.filename ?? record.url})`);
    }
    if (!seen.has(target)) assertNoEvaluatingImport(target, seen);
  }
}

/** require() of an ES module: its namespace, if the graph has no top-level await. */
function requireModule(filename, parentFilename) {
  const record = getModule({ ...fileResolution(filename), format: 'module' });
  const status = getStatus(record.id);
  if (status === kErrored) throw getError(record.id);
  if (status === kEvaluating) {
    throw new ERR_REQUIRE_CYCLE_MODULE(
      `Cannot require() ES Module ${filename} in a cycle. (from ${parentFilename}) A cycle ` +
      'involving require(esm) is not allowed to maintain invariants mandated by the ' +
      'ECMAScript specification. Try making at least part of the dependency in the graph ' +
      'lazily loaded.');
  }
  if (status !== kEvaluated) {
    assertNoEvaluatingImport(record);
    instantiateGraph(record);
  }
  // Even when import() already finished it, as in Node.
  if (isGraphAsync(record.id)) throw new ERR_REQUIRE_ASYNC_MODULE(filename, parentFilename);
  if (status !== kEvaluated) {
    const promise = evaluate(record.id);
    const { getPromiseDetails } = internalBinding('util');
    const [state, result] = getPromiseDetails(promise);
    if (state === 2) {
      promise.then(undefined, () => {});
      decorateErrorStack(result);
      throw result;
    }
  }
  const namespace = getNamespace(record.id);
  if ('module.exports' in namespace) return namespace['module.exports'];
  if (!('default' in namespace) || '__esModule' in namespace) return namespace;
  return esModuleFacade(record).namespace;
}

/** The namespace require(esm) returns for a module with a default export: the module's
 * live bindings plus `__esModule: true`, as Node's facade module. */
function esModuleFacade(record) {
  const url = `${record.url}#require-facade`;
  let facade = moduleRecords.get(url);
  if (facade === undefined) {
    const source = 'export * from "original"; export { default } from "original"; ' +
      'export const __esModule = true;';
    facade = { id: compileSourceTextModule(source, url), url, filename: null, format: 'module' };
    moduleRecords.set(url, facade);
    link(facade.id, ['original'], [record.id]);
    run(facade);
    facade.namespace = getNamespace(facade.id);
  }
  return facade;
}

/** import.meta of the module with id `id`: dirname, filename, resolve(), url. */
function initializeImportMeta(meta, id) {
  for (const record of moduleRecords.values()) {
    if (record.id !== id) continue;
    if (record.filename) {
      meta.dirname = record.filename.slice(0, record.filename.lastIndexOf('/')) || '/';
      meta.filename = record.filename;
    }
    meta.main = record === mainRecord;
    meta.resolve = function resolve(specifier) {
      return resolveForMeta(`${specifier}`, record.url);
    };
    meta.url = record.url;
    return;
  }
}

function resolveForMeta(specifier, parentURL) {
  try {
    return resolve(specifier, parentURL).url;
  } catch (err) {
    if ((err?.code === 'ERR_MODULE_NOT_FOUND' || err?.code === 'ERR_UNSUPPORTED_DIR_IMPORT') &&
        err.url) {
      return err.url;
    }
    throw err;
  }
}

setHook('importModuleDynamically', importModule);
setHook('initializeImportMeta', initializeImportMeta);

module.exports = {
  evalModule,
  handleUnsettledEntry,
  importModule,
  requireModule,
  runEntryPoint,
  syncBuiltinESMExports,
};
