'use strict';
// node:path: the POSIX flavour (`path.posix`, the default export) and the Windows flavour (`path.win32`).

function validateString(value, name) {
  if (typeof value !== 'string') {
    const { codes: { ERR_INVALID_ARG_TYPE } } = require('internal/errors');
    throw new ERR_INVALID_ARG_TYPE(name, 'string', value);
  }
}

function isPosixSeparator(code) {
  return code === 47;
}

// Resolves '.' and '..' segments; `allowAboveRoot` keeps leading '..' for relative paths.
// `separator` joins the output; `isSeparator(code)` recognises separators in the input.
function normalizeString(path, allowAboveRoot, separator = '/', isSeparator = isPosixSeparator) {
  let res = '';
  let lastSegmentLength = 0;
  let lastSlash = -1;
  let dots = 0;
  let code = 0;
  for (let i = 0; i <= path.length; ++i) {
    if (i < path.length) code = path.charCodeAt(i);
    else if (isSeparator(code)) break;
    else code = 47;
    if (isSeparator(code)) {
      if (lastSlash === i - 1 || dots === 1) {
        // Empty segment or '.': nothing to add.
      } else if (dots === 2) {
        if (res.length < 2 || lastSegmentLength !== 2 ||
            res.charCodeAt(res.length - 1) !== 46 || res.charCodeAt(res.length - 2) !== 46) {
          if (res.length > 2) {
            const lastSlashIndex = res.lastIndexOf(separator);
            if (lastSlashIndex === -1) {
              res = '';
              lastSegmentLength = 0;
            } else {
              res = res.slice(0, lastSlashIndex);
              lastSegmentLength = res.length - 1 - res.lastIndexOf(separator);
            }
            lastSlash = i;
            dots = 0;
            continue;
          } else if (res.length !== 0) {
            res = '';
            lastSegmentLength = 0;
            lastSlash = i;
            dots = 0;
            continue;
          }
        }
        if (allowAboveRoot) {
          res += res.length > 0 ? `${separator}..` : '..';
          lastSegmentLength = 2;
        }
      } else {
        if (res.length > 0) res += `${separator}${path.slice(lastSlash + 1, i)}`;
        else res = path.slice(lastSlash + 1, i);
        lastSegmentLength = i - lastSlash - 1;
      }
      lastSlash = i;
      dots = 0;
    } else if (code === 46 && dots !== -1) {
      ++dots;
    } else {
      dots = -1;
    }
  }
  return res;
}

const posix = {
  sep: '/',
  delimiter: ':',

  resolve(...args) {
    let resolvedPath = '';
    let resolvedAbsolute = false;
    for (let i = args.length - 1; i >= -1 && !resolvedAbsolute; i--) {
      const path = i >= 0 ? args[i] : process.cwd();
      validateString(path, `paths[${i}]`);
      if (path.length === 0) continue;
      resolvedPath = `${path}/${resolvedPath}`;
      resolvedAbsolute = path.charCodeAt(0) === 47;
    }
    resolvedPath = normalizeString(resolvedPath, !resolvedAbsolute);
    if (resolvedAbsolute) return `/${resolvedPath}`;
    return resolvedPath.length > 0 ? resolvedPath : '.';
  },

  normalize(path) {
    validateString(path, 'path');
    if (path.length === 0) return '.';
    const isAbsolute = path.charCodeAt(0) === 47;
    const trailingSeparator = path.charCodeAt(path.length - 1) === 47;
    path = normalizeString(path, !isAbsolute);
    if (path.length === 0) {
      if (isAbsolute) return '/';
      return trailingSeparator ? './' : '.';
    }
    if (trailingSeparator) path += '/';
    return isAbsolute ? `/${path}` : path;
  },

  isAbsolute(path) {
    validateString(path, 'path');
    return path.length > 0 && path.charCodeAt(0) === 47;
  },

  join(...args) {
    if (args.length === 0) return '.';
    const parts = [];
    for (let i = 0; i < args.length; ++i) {
      validateString(args[i], 'path');
      if (args[i].length > 0) parts.push(args[i]);
    }
    if (parts.length === 0) return '.';
    return posix.normalize(parts.join('/'));
  },

  relative(from, to) {
    validateString(from, 'from');
    validateString(to, 'to');
    if (from === to) return '';
    from = posix.resolve(from);
    to = posix.resolve(to);
    if (from === to) return '';
    const fromStart = 1;
    const fromEnd = from.length;
    const fromLen = fromEnd - fromStart;
    const toStart = 1;
    const toLen = to.length - toStart;
    const length = fromLen < toLen ? fromLen : toLen;
    let lastCommonSep = -1;
    let i = 0;
    for (; i < length; i++) {
      const fromCode = from.charCodeAt(fromStart + i);
      if (fromCode !== to.charCodeAt(toStart + i)) break;
      else if (fromCode === 47) lastCommonSep = i;
    }
    if (i === length) {
      if (toLen > length) {
        if (to.charCodeAt(toStart + i) === 47) return to.slice(toStart + i + 1);
        if (i === 0) return to.slice(toStart + i);
      } else if (fromLen > length) {
        if (from.charCodeAt(fromStart + i) === 47) lastCommonSep = i;
        else if (i === 0) lastCommonSep = 0;
      }
    }
    let out = '';
    for (i = fromStart + lastCommonSep + 1; i <= fromEnd; ++i) {
      if (i === fromEnd || from.charCodeAt(i) === 47) out += out.length === 0 ? '..' : '/..';
    }
    return `${out}${to.slice(toStart + lastCommonSep)}`;
  },

  toNamespacedPath(path) {
    return path;
  },

  dirname(path) {
    validateString(path, 'path');
    if (path.length === 0) return '.';
    const hasRoot = path.charCodeAt(0) === 47;
    let end = -1;
    let matchedSlash = true;
    for (let i = path.length - 1; i >= 1; --i) {
      if (path.charCodeAt(i) === 47) {
        if (!matchedSlash) {
          end = i;
          break;
        }
      } else {
        matchedSlash = false;
      }
    }
    if (end === -1) return hasRoot ? '/' : '.';
    if (hasRoot && end === 1) return '//';
    return path.slice(0, end);
  },

  basename(path, suffix) {
    if (suffix !== undefined) validateString(suffix, 'suffix');
    validateString(path, 'path');
    let start = 0;
    let end = -1;
    let matchedSlash = true;
    if (suffix !== undefined && suffix.length > 0 && suffix.length <= path.length) {
      if (suffix === path) return '';
      let extIdx = suffix.length - 1;
      let firstNonSlashEnd = -1;
      for (let i = path.length - 1; i >= 0; --i) {
        const code = path.charCodeAt(i);
        if (code === 47) {
          if (!matchedSlash) {
            start = i + 1;
            break;
          }
        } else {
          if (firstNonSlashEnd === -1) {
            matchedSlash = false;
            firstNonSlashEnd = i + 1;
          }
          if (extIdx >= 0) {
            if (code === suffix.charCodeAt(extIdx)) {
              if (--extIdx === -1) end = i;
            } else {
              extIdx = -1;
              end = firstNonSlashEnd;
            }
          }
        }
      }
      if (start === end) end = firstNonSlashEnd;
      else if (end === -1) end = path.length;
      return path.slice(start, end);
    }
    for (let i = path.length - 1; i >= 0; --i) {
      if (path.charCodeAt(i) === 47) {
        if (!matchedSlash) {
          start = i + 1;
          break;
        }
      } else if (end === -1) {
        matchedSlash = false;
        end = i + 1;
      }
    }
    if (end === -1) return '';
    return path.slice(start, end);
  },

  extname(path) {
    validateString(path, 'path');
    let startDot = -1;
    let startPart = 0;
    let end = -1;
    let matchedSlash = true;
    let preDotState = 0;
    for (let i = path.length - 1; i >= 0; --i) {
      const code = path.charCodeAt(i);
      if (code === 47) {
        if (!matchedSlash) {
          startPart = i + 1;
          break;
        }
        continue;
      }
      if (end === -1) {
        matchedSlash = false;
        end = i + 1;
      }
      if (code === 46) {
        if (startDot === -1) startDot = i;
        else if (preDotState !== 1) preDotState = 1;
      } else if (startDot !== -1) {
        preDotState = -1;
      }
    }
    if (startDot === -1 || end === -1 || preDotState === 0 ||
        (preDotState === 1 && startDot === end - 1 && startDot === startPart + 1)) {
      return '';
    }
    return path.slice(startDot, end);
  },

  format(pathObject) {
    if (pathObject === null || typeof pathObject !== 'object') {
      const { codes: { ERR_INVALID_ARG_TYPE } } = require('internal/errors');
      throw new ERR_INVALID_ARG_TYPE('pathObject', 'Object', pathObject);
    }
    const dir = pathObject.dir || pathObject.root;
    const ext = pathObject.ext || '';
    const base = pathObject.base ||
      `${pathObject.name || ''}${ext && ext[0] !== '.' ? `.${ext}` : ext}`;
    if (!dir) return base;
    return dir === pathObject.root ? `${dir}${base}` : `${dir}/${base}`;
  },

  parse(path) {
    validateString(path, 'path');
    const ret = { root: '', dir: '', base: '', ext: '', name: '' };
    if (path.length === 0) return ret;
    const isAbsolute = path.charCodeAt(0) === 47;
    let start;
    if (isAbsolute) {
      ret.root = '/';
      start = 1;
    } else {
      start = 0;
    }
    let startDot = -1;
    let startPart = 0;
    let end = -1;
    let matchedSlash = true;
    let i = path.length - 1;
    let preDotState = 0;
    for (; i >= start; --i) {
      const code = path.charCodeAt(i);
      if (code === 47) {
        if (!matchedSlash) {
          startPart = i + 1;
          break;
        }
        continue;
      }
      if (end === -1) {
        matchedSlash = false;
        end = i + 1;
      }
      if (code === 46) {
        if (startDot === -1) startDot = i;
        else if (preDotState !== 1) preDotState = 1;
      } else if (startDot !== -1) {
        preDotState = -1;
      }
    }
    if (end !== -1) {
      const start2 = startPart === 0 && isAbsolute ? 1 : startPart;
      if (startDot === -1 || preDotState === 0 ||
          (preDotState === 1 && startDot === end - 1 && startDot === startPart + 1)) {
        ret.base = ret.name = path.slice(start2, end);
      } else {
        ret.name = path.slice(start2, startDot);
        ret.base = path.slice(start2, end);
        ret.ext = path.slice(startDot, end);
      }
    }
    if (startPart > 0) ret.dir = path.slice(0, startPart - 1);
    else if (isAbsolute) ret.dir = '/';
    return ret;
  },

  matchesGlob(path, pattern) {
    return require('internal/fs/glob_matcher').matchGlobPattern(path, pattern, false);
  },
};

// ---- Windows flavour ----

const CHAR_BACKSLASH = 92;
const CHAR_COLON = 58;
const CHAR_DOT = 46;
const CHAR_QUESTION = 63;

function isWin32Separator(code) {
  return code === 47 || code === CHAR_BACKSLASH;
}

// A drive letter: A-Z or a-z.
function isDriveLetter(code) {
  return (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
}

function hasDrivePrefix(path) {
  return path.length >= 2 && isDriveLetter(path.charCodeAt(0)) && path.charCodeAt(1) === CHAR_COLON;
}

const WINDOWS_DEVICE_NAMES = new Set(['CON', 'PRN', 'AUX', 'NUL']);
for (const prefix of ['COM', 'LPT']) {
  for (const digit of '123456789\u00b9\u00b2\u00b3') WINDOWS_DEVICE_NAMES.add(`${prefix}${digit}`);
}

// Whether the text before the colon at `colonIndex` names a legacy DOS device (`CON:`, `com1:`).
function isWindowsDeviceName(path, colonIndex) {
  return WINDOWS_DEVICE_NAMES.has(path.slice(0, colonIndex).toUpperCase());
}

// Length of the `\\server\share` root at the start of `path` (0 if there is none), and that root.
function parseUncRoot(path) {
  const len = path.length;
  if (len < 2 || !isWin32Separator(path.charCodeAt(0)) || !isWin32Separator(path.charCodeAt(1))) {
    return null;
  }
  let j = 2;
  let last = j;
  while (j < len && !isWin32Separator(path.charCodeAt(j))) j++;
  if (j >= len || j === last) return null;
  const server = path.slice(last, j);
  last = j;
  while (j < len && isWin32Separator(path.charCodeAt(j))) j++;
  if (j >= len || j === last) return null;
  last = j;
  while (j < len && !isWin32Separator(path.charCodeAt(j))) j++;
  return { server, share: path.slice(last, j), end: j };
}

// `\\.\` (device namespace) and `\\?\` (verbatim) prefixes: the root is the prefix alone.
function isNamespaceServer(server) {
  return server === '.' || server === '?';
}

// Splits `path` into its device ('C:', '\\server\share' or ''), whether it is absolute, and
// where the rest starts.
function parseWin32Root(path) {
  const len = path.length;
  if (len === 0) return { device: '', isAbsolute: false, rootEnd: 0 };
  const code = path.charCodeAt(0);
  if (len === 1) return { device: '', isAbsolute: isWin32Separator(code), rootEnd: isWin32Separator(code) ? 1 : 0 };
  if (isWin32Separator(code)) {
    const unc = parseUncRoot(path);
    if (unc !== null) {
      if (isNamespaceServer(unc.server)) {
        return { device: `\\\\${unc.server}`, isAbsolute: true, rootEnd: 4 };
      }
      return { device: `\\\\${unc.server}\\${unc.share}`, isAbsolute: true, rootEnd: unc.end };
    }
    return { device: '', isAbsolute: true, rootEnd: 1 };
  }
  if (hasDrivePrefix(path)) {
    const isAbsolute = len > 2 && isWin32Separator(path.charCodeAt(2));
    return { device: path.slice(0, 2), isAbsolute, rootEnd: isAbsolute ? 3 : 2 };
  }
  return { device: '', isAbsolute: false, rootEnd: 0 };
}

// Lower-casing can change a string's length ('\u0130' becomes two code units), so an index
// into the lower-cased path (a segment start or a separator) is carried over to the original
// by counting separators.
function mapLoweredIndex(lowered, original, index) {
  if (lowered.length === original.length) return index;
  const atSeparator = lowered.charCodeAt(index) === CHAR_BACKSLASH;
  const before = lowered.slice(0, atSeparator ? index + 1 : index);
  const lastSeparator = before.lastIndexOf('\\');
  let position = -1;
  for (let count = before.split('\\').length - 1; count > 0; count--) {
    position = original.indexOf('\\', position + 1);
  }
  return atSeparator ? position : position + (index - lastSeparator);
}

const win32 = {
  sep: '\\',
  delimiter: ';',

  resolve(...args) {
    let resolvedDevice = '';
    let resolvedTail = '';
    let resolvedAbsolute = false;
    for (let i = args.length - 1; i >= -1; i--) {
      let path;
      if (i >= 0) {
        path = args[i];
        validateString(path, `paths[${i}]`);
        if (path.length === 0) continue;
      } else if (resolvedDevice.length === 0) {
        path = process.cwd();
      } else {
        // The per-drive cwd lives in the hidden `=C:` variable on Windows.
        path = process.env[`=${resolvedDevice}`] || process.cwd();
        if (path === undefined ||
            (path.slice(0, 2).toLowerCase() !== resolvedDevice.toLowerCase() &&
             path.charCodeAt(2) === CHAR_BACKSLASH)) {
          path = `${resolvedDevice}\\`;
        }
      }
      const { device, isAbsolute, rootEnd } = parseWin32Root(path);
      if (device.length > 0) {
        if (resolvedDevice.length > 0) {
          if (device.toLowerCase() !== resolvedDevice.toLowerCase()) continue;
        } else {
          resolvedDevice = device;
        }
      }
      if (resolvedAbsolute) {
        if (resolvedDevice.length > 0) break;
      } else {
        resolvedTail = `${path.slice(rootEnd)}\\${resolvedTail}`;
        resolvedAbsolute = isAbsolute;
        if (isAbsolute && resolvedDevice.length > 0) break;
      }
    }
    resolvedTail = normalizeString(resolvedTail, !resolvedAbsolute, '\\', isWin32Separator);
    return resolvedAbsolute ?
      `${resolvedDevice}\\${resolvedTail}` :
      `${resolvedDevice}${resolvedTail}` || '.';
  },

  normalize(path) {
    validateString(path, 'path');
    const len = path.length;
    if (len === 0) return '.';
    if (len === 1) return path.charCodeAt(0) === 47 ? '\\' : path;
    let rootEnd = 0;
    let device;
    let isAbsolute = false;
    let namesDosDevice = false;
    const code = path.charCodeAt(0);
    const colonIndex = path.indexOf(':');
    if (isWin32Separator(code)) {
      isAbsolute = true;
      rootEnd = 1;
      const unc = parseUncRoot(path);
      if (unc !== null && isNamespaceServer(unc.server)) {
        device = `\\\\${unc.server}`;
        rootEnd = 4;
      } else if (unc !== null) {
        if (unc.end === len) return `\\\\${unc.server}\\${unc.share}\\`;
        device = `\\\\${unc.server}\\${unc.share}`;
        rootEnd = unc.end;
      }
    } else if (hasDrivePrefix(path)) {
      device = path.slice(0, 2);
      rootEnd = 2;
      if (len > 2 && isWin32Separator(path.charCodeAt(2))) {
        isAbsolute = true;
        rootEnd = 3;
      }
    } else if (isWindowsDeviceName(path, colonIndex)) {
      namesDosDevice = true;
      device = path.slice(0, colonIndex + 1);
      rootEnd = colonIndex + 1;
    }
    let tail = rootEnd < len ?
      normalizeString(path.slice(rootEnd), !isAbsolute, '\\', isWin32Separator) : '';
    if (tail.length === 0 && !isAbsolute) tail = '.';
    if (tail.length > 0 && isWin32Separator(path.charCodeAt(len - 1))) tail += '\\';
    if (namesDosDevice) return `.\\${device}${tail}`;
    if (!isAbsolute && device === undefined && colonIndex !== -1) {
      // Keep a relative result from reading as a drive path or an alternate data stream root.
      if (hasDrivePrefix(tail)) return `.\\${tail}`;
      for (let index = colonIndex; index !== -1; index = path.indexOf(':', index + 1)) {
        if (index === len - 1 || isWin32Separator(path.charCodeAt(index + 1))) return `.\\${tail}`;
      }
    }
    if (device === undefined) return isAbsolute ? `\\${tail}` : tail;
    return isAbsolute ? `${device}\\${tail}` : `${device}${tail}`;
  },

  isAbsolute(path) {
    validateString(path, 'path');
    const len = path.length;
    if (len === 0) return false;
    const code = path.charCodeAt(0);
    return isWin32Separator(code) ||
      (len > 2 && hasDrivePrefix(path) && isWin32Separator(path.charCodeAt(2)));
  },

  join(...args) {
    if (args.length === 0) return '.';
    let joined;
    let firstPart;
    for (let i = 0; i < args.length; ++i) {
      const arg = args[i];
      validateString(arg, 'path');
      if (arg.length > 0) {
        if (joined === undefined) joined = firstPart = arg;
        else joined += `\\${arg}`;
      }
    }
    if (joined === undefined) return '.';
    // Collapse leading separators to one unless the first argument itself starts a UNC
    // root (exactly two separators followed by a name), so that join('//', 'a') is not UNC.
    let needsReplace = true;
    let slashCount = 0;
    if (isWin32Separator(firstPart.charCodeAt(0))) {
      ++slashCount;
      const firstLen = firstPart.length;
      if (firstLen > 1 && isWin32Separator(firstPart.charCodeAt(1))) {
        ++slashCount;
        if (firstLen > 2) {
          if (isWin32Separator(firstPart.charCodeAt(2))) ++slashCount;
          else needsReplace = false;
        }
      }
    }
    if (needsReplace) {
      while (slashCount < joined.length && isWin32Separator(joined.charCodeAt(slashCount))) slashCount++;
      if (slashCount >= 2) joined = `\\${joined.slice(slashCount)}`;
    }
    // A segment naming a DOS device (`CON:`) is left as written.
    for (const segment of joined.split('\\')) {
      const colonIndex = segment.indexOf(':');
      if (colonIndex !== -1 && isWindowsDeviceName(segment, colonIndex)) {
        return joined.replace(/\//g, '\\');
      }
    }
    return win32.normalize(joined);
  },

  relative(from, to) {
    validateString(from, 'from');
    validateString(to, 'to');
    if (from === to) return '';
    const fromOrig = win32.resolve(from);
    const toOrig = win32.resolve(to);
    if (fromOrig === toOrig) return '';
    from = fromOrig.toLowerCase();
    to = toOrig.toLowerCase();
    if (from === to) return '';
    let fromStart = 0;
    while (fromStart < from.length && from.charCodeAt(fromStart) === CHAR_BACKSLASH) fromStart++;
    let fromEnd = from.length;
    while (fromEnd - 1 > fromStart && from.charCodeAt(fromEnd - 1) === CHAR_BACKSLASH) fromEnd--;
    const fromLen = fromEnd - fromStart;
    let toStart = 0;
    while (toStart < to.length && to.charCodeAt(toStart) === CHAR_BACKSLASH) toStart++;
    let toEnd = to.length;
    while (toEnd - 1 > toStart && to.charCodeAt(toEnd - 1) === CHAR_BACKSLASH) toEnd--;
    const toLen = toEnd - toStart;
    const length = fromLen < toLen ? fromLen : toLen;
    let lastCommonSep = -1;
    let i = 0;
    for (; i < length; i++) {
      const fromCode = from.charCodeAt(fromStart + i);
      if (fromCode !== to.charCodeAt(toStart + i)) break;
      else if (fromCode === CHAR_BACKSLASH) lastCommonSep = i;
    }
    if (i !== length) {
      if (lastCommonSep === -1) return toOrig;
    } else {
      if (toLen > length) {
        if (to.charCodeAt(toStart + i) === CHAR_BACKSLASH) return toOrig.slice(mapLoweredIndex(to, toOrig, toStart + i + 1));
        if (i === 2) return toOrig.slice(mapLoweredIndex(to, toOrig, toStart + i));
      }
      if (fromLen > length) {
        if (from.charCodeAt(fromStart + i) === CHAR_BACKSLASH) lastCommonSep = i;
        else if (i === 2) lastCommonSep = 3;
      }
      if (lastCommonSep === -1) lastCommonSep = 0;
    }
    let out = '';
    for (i = fromStart + lastCommonSep + 1; i <= fromEnd; ++i) {
      if (i === fromEnd || from.charCodeAt(i) === CHAR_BACKSLASH) {
        out += out.length === 0 ? '..' : '\\..';
      }
    }
    toStart = mapLoweredIndex(to, toOrig, toStart + lastCommonSep);
    toEnd = mapLoweredIndex(to, toOrig, toEnd);
    if (out.length > 0) return `${out}${toOrig.slice(toStart, toEnd)}`;
    if (toOrig.charCodeAt(toStart) === CHAR_BACKSLASH) ++toStart;
    return toOrig.slice(toStart, toEnd);
  },

  toNamespacedPath(path) {
    if (typeof path !== 'string' || path.length === 0) return path;
    const resolvedPath = win32.resolve(path);
    if (resolvedPath.length <= 2) return path;
    if (resolvedPath.charCodeAt(0) === CHAR_BACKSLASH) {
      if (resolvedPath.charCodeAt(1) === CHAR_BACKSLASH) {
        const code = resolvedPath.charCodeAt(2);
        if (code !== CHAR_QUESTION && code !== CHAR_DOT) return `\\\\?\\UNC\\${resolvedPath.slice(2)}`;
      }
    } else if (hasDrivePrefix(resolvedPath) && resolvedPath.charCodeAt(2) === CHAR_BACKSLASH) {
      return `\\\\?\\${resolvedPath}`;
    }
    return resolvedPath;
  },

  dirname(path) {
    validateString(path, 'path');
    const len = path.length;
    if (len === 0) return '.';
    let rootEnd = -1;
    let offset = 0;
    const code = path.charCodeAt(0);
    if (len === 1) return isWin32Separator(code) ? path : '.';
    if (isWin32Separator(code)) {
      rootEnd = offset = 1;
      const unc = parseUncRoot(path);
      if (unc !== null) {
        if (unc.end === len) return path;
        rootEnd = offset = unc.end + 1;
      }
    } else if (hasDrivePrefix(path)) {
      rootEnd = len > 2 && isWin32Separator(path.charCodeAt(2)) ? 3 : 2;
      offset = rootEnd;
    }
    let end = -1;
    let matchedSlash = true;
    for (let i = len - 1; i >= offset; --i) {
      if (isWin32Separator(path.charCodeAt(i))) {
        if (!matchedSlash) {
          end = i;
          break;
        }
      } else {
        matchedSlash = false;
      }
    }
    if (end === -1) {
      if (rootEnd === -1) return '.';
      end = rootEnd;
    }
    return path.slice(0, end);
  },

  basename(path, suffix) {
    if (suffix !== undefined) validateString(suffix, 'suffix');
    validateString(path, 'path');
    let start = 0;
    let end = -1;
    let matchedSlash = true;
    if (hasDrivePrefix(path)) start = 2;
    if (suffix !== undefined && suffix.length > 0 && suffix.length <= path.length) {
      if (suffix === path) return '';
      let extIdx = suffix.length - 1;
      let firstNonSlashEnd = -1;
      for (let i = path.length - 1; i >= start; --i) {
        const code = path.charCodeAt(i);
        if (isWin32Separator(code)) {
          if (!matchedSlash) {
            start = i + 1;
            break;
          }
        } else {
          if (firstNonSlashEnd === -1) {
            matchedSlash = false;
            firstNonSlashEnd = i + 1;
          }
          if (extIdx >= 0) {
            if (code === suffix.charCodeAt(extIdx)) {
              if (--extIdx === -1) end = i;
            } else {
              extIdx = -1;
              end = firstNonSlashEnd;
            }
          }
        }
      }
      if (start === end) end = firstNonSlashEnd;
      else if (end === -1) end = path.length;
      return path.slice(start, end);
    }
    for (let i = path.length - 1; i >= start; --i) {
      if (isWin32Separator(path.charCodeAt(i))) {
        if (!matchedSlash) {
          start = i + 1;
          break;
        }
      } else if (end === -1) {
        matchedSlash = false;
        end = i + 1;
      }
    }
    if (end === -1) return '';
    return path.slice(start, end);
  },

  extname(path) {
    validateString(path, 'path');
    let start = 0;
    let startDot = -1;
    let startPart = 0;
    let end = -1;
    let matchedSlash = true;
    let preDotState = 0;
    if (hasDrivePrefix(path)) start = startPart = 2;
    for (let i = path.length - 1; i >= start; --i) {
      const code = path.charCodeAt(i);
      if (isWin32Separator(code)) {
        if (!matchedSlash) {
          startPart = i + 1;
          break;
        }
        continue;
      }
      if (end === -1) {
        matchedSlash = false;
        end = i + 1;
      }
      if (code === CHAR_DOT) {
        if (startDot === -1) startDot = i;
        else if (preDotState !== 1) preDotState = 1;
      } else if (startDot !== -1) {
        preDotState = -1;
      }
    }
    if (startDot === -1 || end === -1 || preDotState === 0 ||
        (preDotState === 1 && startDot === end - 1 && startDot === startPart + 1)) {
      return '';
    }
    return path.slice(startDot, end);
  },

  format(pathObject) {
    if (pathObject === null || typeof pathObject !== 'object') {
      const { codes: { ERR_INVALID_ARG_TYPE } } = require('internal/errors');
      throw new ERR_INVALID_ARG_TYPE('pathObject', 'Object', pathObject);
    }
    const dir = pathObject.dir || pathObject.root;
    const ext = pathObject.ext || '';
    const base = pathObject.base ||
      `${pathObject.name || ''}${ext && ext[0] !== '.' ? `.${ext}` : ext}`;
    if (!dir) return base;
    return dir === pathObject.root ? `${dir}${base}` : `${dir}\\${base}`;
  },

  parse(path) {
    validateString(path, 'path');
    const ret = { root: '', dir: '', base: '', ext: '', name: '' };
    const len = path.length;
    if (len === 0) return ret;
    let rootEnd = 0;
    const code = path.charCodeAt(0);
    if (len === 1) {
      if (isWin32Separator(code)) {
        ret.root = ret.dir = path;
        return ret;
      }
      ret.base = ret.name = path;
      return ret;
    }
    if (isWin32Separator(code)) {
      rootEnd = 1;
      const unc = parseUncRoot(path);
      if (unc !== null) rootEnd = unc.end === len ? unc.end : unc.end + 1;
    } else if (hasDrivePrefix(path)) {
      if (len <= 2) {
        ret.root = ret.dir = path;
        return ret;
      }
      rootEnd = 2;
      if (isWin32Separator(path.charCodeAt(2))) {
        if (len === 3) {
          ret.root = ret.dir = path;
          return ret;
        }
        rootEnd = 3;
      }
    }
    if (rootEnd > 0) ret.root = path.slice(0, rootEnd);
    let startDot = -1;
    let startPart = rootEnd;
    let end = -1;
    let matchedSlash = true;
    let i = path.length - 1;
    let preDotState = 0;
    for (; i >= rootEnd; --i) {
      const charCode = path.charCodeAt(i);
      if (isWin32Separator(charCode)) {
        if (!matchedSlash) {
          startPart = i + 1;
          break;
        }
        continue;
      }
      if (end === -1) {
        matchedSlash = false;
        end = i + 1;
      }
      if (charCode === CHAR_DOT) {
        if (startDot === -1) startDot = i;
        else if (preDotState !== 1) preDotState = 1;
      } else if (startDot !== -1) {
        preDotState = -1;
      }
    }
    if (end !== -1) {
      if (startDot === -1 || preDotState === 0 ||
          (preDotState === 1 && startDot === end - 1 && startDot === startPart + 1)) {
        ret.base = ret.name = path.slice(startPart, end);
      } else {
        ret.name = path.slice(startPart, startDot);
        ret.base = path.slice(startPart, end);
        ret.ext = path.slice(startDot, end);
      }
    }
    if (startPart > 0 && startPart !== rootEnd) ret.dir = path.slice(0, startPart - 1);
    else ret.dir = ret.root;
    return ret;
  },

  matchesGlob(path, pattern) {
    return require('internal/fs/glob_matcher').matchGlobPattern(path, pattern, true);
  },
};

posix.posix = posix;
posix.win32 = win32;
win32.posix = posix;
win32.win32 = win32;
win32._makeLong = win32.toNamespacedPath;
posix._makeLong = posix.toNamespacedPath;

module.exports = posix;
