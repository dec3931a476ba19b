'use strict';

// internal/modules/package_json_reader: reads package.json files for the module
// loaders, keeps only the fields resolution needs (name, main, type, exports,
// imports) and caches them per path.  A package.json that is not a JSON object
// throws Node's ERR_INVALID_PACKAGE_CONFIG ("Invalid package config <path>.").

const fsBinding = internalBinding('fs');

/** Path of a package.json → parsed record (see read()); filled lazily. */
const cache = new Map();

function invalidPackageConfig(jsonPath) {
  // Node raises this one from native code: a plain Error carrying the code.
  const err = new Error(`Invalid package config ${jsonPath}.`);
  err.code = 'ERR_INVALID_PACKAGE_CONFIG';
  return err;
}

function readFileOrUndefined(jsonPath) {
  try {
    return fsBinding.readFileUtf8(jsonPath);
  } catch {
    return undefined;
  }
}

/**
 * Reads `jsonPath` (a package.json path).  Returns a record
 * `{ exists, pjsonPath, name?, main?, type, exports?, imports? }`; `type` is
 * 'commonjs', 'module' or 'none'.  Missing files give `exists: false`.
 */
function read(jsonPath) {
  const cached = cache.get(jsonPath);
  if (cached !== undefined) return cached;

  const source = readFileOrUndefined(jsonPath);
  let result;
  if (source === undefined) {
    result = { __proto__: null, exists: false, pjsonPath: jsonPath, type: 'none' };
  } else {
    let parsed;
    try {
      parsed = JSON.parse(source.charCodeAt(0) === 0xFEFF ? source.slice(1) : source);
    } catch {
      throw invalidPackageConfig(jsonPath);
    }
    if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
      throw invalidPackageConfig(jsonPath);
    }
    result = { __proto__: null, exists: true, pjsonPath: jsonPath, type: 'none' };
    if (typeof parsed.name === 'string') result.name = parsed.name;
    if (typeof parsed.main === 'string') result.main = parsed.main;
    if (parsed.type === 'module' || parsed.type === 'commonjs') result.type = parsed.type;
    if (parsed.exports !== undefined && parsed.exports !== null) result.exports = parsed.exports;
    if (parsed.imports !== undefined && parsed.imports !== null) result.imports = parsed.imports;
  }
  cache.set(jsonPath, result);
  return result;
}

function parentDir(p) {
  const i = p.lastIndexOf('/');
  return i <= 0 ? '/' : p.slice(0, i);
}

/**
 * The package.json governing the file `checkPath`: the nearest one in its
 * directory or above, not looking past a `node_modules` folder nor at the
 * root.  Returns `{ data, exists: true, path }` or undefined.
 */
function getNearestParentPackageJSON(checkPath) {
  let dir = parentDir(checkPath);
  while (dir !== '/') {
    if (dir.endsWith('/node_modules')) return undefined;
    const jsonPath = `${dir}/package.json`;
    const record = read(jsonPath);
    if (record.exists) {
      return { data: record, exists: true, path: jsonPath };
    }
    dir = parentDir(dir);
  }
  return undefined;
}

/** The `type` ('commonjs', 'module' or 'none') of the package holding `checkPath`. */
function getPackageType(checkPath) {
  return getNearestParentPackageJSON(checkPath)?.data.type ?? 'none';
}

/**
 * The package scope of a resolved file path, as ESM resolution sees it:
 * the record of the nearest package.json (or `exists: false`).
 */
function getPackageScopeConfig(resolvedPath) {
  const found = getNearestParentPackageJSON(resolvedPath);
  if (found !== undefined) return found.data;
  return { __proto__: null, exists: false, pjsonPath: '', type: 'none' };
}

/** Forgets every cached package.json (for tools that rewrite them). */
function clearCache() {
  cache.clear();
}

module.exports = {
  clearCache,
  getNearestParentPackageJSON,
  getPackageScopeConfig,
  getPackageType,
  read,
};
