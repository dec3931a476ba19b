'use strict';
// internal/modules/esm/formats: whether a file is an ES module ("type" in the nearest
// package.json, else Node's syntax detection), apart from the loader so that running a
// CommonJS program doesn't load the ES module loader.

const { compileFunction } = internalBinding('contextify');
const fsBinding = internalBinding('fs');
const { pathToFileURL } = require('internal/url');
const packageJsonReader = require('internal/modules/package_json_reader');

/** Whether a .js (or extensionless) file is an ES module: "type": "module" in the nearest
 * package.json, or, without a "type", ES module syntax in its source. */
function isModuleFile(filename, source) {
  const pkg = packageJsonReader.getNearestParentPackageJSON(filename);
  const type = pkg?.data.type;
  if (type === 'module' || type === 'commonjs') return type === 'module';
  const isModule = detectModuleSyntax(source ?? fsBinding.readFileUtf8(filename), filename);
  if (isModule && pkg !== undefined) warnTypelessPackage(filename, pkg.path);
  return isModule;
}

const warnedTypelessPackages = new Set();

/** Node's warning for ES module syntax found in a package whose package.json has no type. */
function warnTypelessPackage(filename, packageJsonPath) {
  if (warnedTypelessPackages.has(packageJsonPath)) return;
  warnedTypelessPackages.add(packageJsonPath);
  process.emitWarning(
    `Module type of ${pathToFileURL(filename).href} is not specified and it doesn't parse ` +
    'as CommonJS.\nReparsing as ES module because module syntax was detected. This incurs ' +
    `a performance overhead.\nTo eliminate this warning, add "type": "module" to ${packageJsonPath}.`,
    { code: 'MODULE_TYPELESS_PACKAGE_JSON' });
}

/** The errors a CommonJS compile of ES module code fails with. */
const moduleSyntaxErrors = [
  'Cannot use import statement outside a module',
  "Unexpected token 'export'",
  "Cannot use 'import.meta' outside a module",
  'await is only valid in async functions and the top level bodies of modules',
];
const commonJSParams = ['exports', 'require', 'module', '__filename', '__dirname'];

/** Node's syntax detection: code that does not compile as CommonJS only because it uses
 * import/export, import.meta or top-level await is an ES module. */
function detectModuleSyntax(source, filename) {
  if (!/\b(?:import|export|await)\b/.test(source)) return false;
  try {
    compileFunction(stripShebang(source), filename, commonJSParams);
    return false;
  } catch (err) {
    return err?.name === 'SyntaxError' &&
      moduleSyntaxErrors.some((message) => err.message.includes(message));
  }
}

/** A `#!` first line turned into a comment, as Node strips it. */
function stripShebang(source) {
  if (source.charCodeAt(0) === 35 /* '#' */ && source.charCodeAt(1) === 33 /* '!' */) {
    return `//${source.slice(2)}`;
  }
  return source;
}

module.exports = { detectModuleSyntax, isModuleFile, stripShebang };
