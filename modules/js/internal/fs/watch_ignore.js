'use strict';
// internal/fs/watch_ignore: the `ignore` option of fs.watch and fs.promises.watch. A
// pattern is a glob string, a RegExp or a function of the reported filename, or an array of
// them; an event whose filename any of them matches is not emitted (and, when watching
// recursively, a matching directory is not watched at all). Globs follow minimatch with
// `matchBase`: a pattern without '/' is matched against the last path segment, one with '/'
// against the whole relative path, with path.matchesGlob's matcher.

const {
  codes: { ERR_INVALID_ARG_TYPE, ERR_INVALID_ARG_VALUE },
} = require('internal/errors');
const { matchGlobPattern } = require('internal/fs/glob_matcher');

/** A predicate for one glob, in minimatch's `matchBase` manner. */
function globMatcher(glob) {
  if (glob.includes('/')) return (filename) => matchGlobPattern(filename, glob, false);
  return (filename) =>
    matchGlobPattern(filename.slice(filename.lastIndexOf('/') + 1), glob, false);
}

function patternMatcher(pattern, name) {
  if (typeof pattern === 'string') {
    if (pattern === '') {
      throw new ERR_INVALID_ARG_VALUE(name, pattern, 'must be a non-empty string');
    }
    return globMatcher(pattern);
  }
  if (pattern instanceof RegExp) {
    return (filename) => {
      pattern.lastIndex = 0;
      return pattern.test(filename);
    };
  }
  if (typeof pattern === 'function') return (filename) => Boolean(pattern(filename));
  throw new ERR_INVALID_ARG_TYPE(name, ['string', 'function', 'RegExp'], pattern);
}

/**
 * Validates `ignore` (Node's errors, naming `options.ignore` or `options.ignore[i]`) and
 * returns a predicate on a reported filename, or null when nothing is ignored.
 */
function createIgnoreMatcher(ignore) {
  if (ignore == null) return null;
  const patterns = Array.isArray(ignore) ? ignore : [ignore];
  const matchers = patterns.map((pattern, i) =>
    patternMatcher(pattern, Array.isArray(ignore) ? `options.ignore[${i}]` : 'options.ignore'));
  if (matchers.length === 0) return null;
  return (filename) => {
    const text = typeof filename === 'string' ? filename : String(filename);
    return matchers.some((matches) => matches(text));
  };
}

module.exports = { createIgnoreMatcher };
