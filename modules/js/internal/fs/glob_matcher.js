'use strict';
// Glob pattern matching with the minimatch semantics Node configures for path.matchesGlob:
// `*`, `?`, `**` (a whole segment: any number of segments), `[...]` classes (ranges, `!`/`^`
// negation, POSIX `[:alpha:]` names), `{a,b}` and `{1..3}` braces, and the extglobs
// `@(a|b)`, `?(…)`, `*(…)`, `+(…)`, `!(…)`. Backslashes in a pattern are separators (never
// escapes), a leading `!` or `#` is literal, and magic never matches `.`/`..` or a name
// starting with a dot. On win32 a path may use either separator.

const { validateString } = require('internal/validators');

const GLOBSTAR = Symbol('globstar');

const posixClasses = {
  __proto__: null,
  alnum: '\\p{L}\\p{Nl}\\p{Nd}',
  alpha: '\\p{L}\\p{Nl}',
  ascii: '\\x00-\\x7f',
  blank: '\\p{Zs}\\t',
  cntrl: '\\p{Cc}',
  digit: '\\p{Nd}',
  graph: '\\p{Z}\\p{C}',
  lower: '\\p{Ll}',
  print: '\\p{C}',
  punct: '\\p{P}',
  space: '\\p{Z}\\t\\r\\n\\v\\f',
  upper: '\\p{Lu}',
  word: '\\p{L}\\p{Nl}\\p{Nd}\\p{Pc}',
  xdigit: 'A-Fa-f0-9',
};
// These POSIX classes are the complement of the listed ranges.
const negatedPosixClasses = new Set(['graph', 'print']);

// Escapes text outside and inside a character class (valid with and without the u flag).
function escapeRegExp(text) {
  return text.replace(/[[\]{}()*+?.\\^$|/]/g, '\\$&');
}

function escapeClassChar(char) {
  return /[-[\]\\^]/.test(char) ? `\\${char}` : char;
}

// --- braces ---------------------------------------------------------------------------------

function splitTopLevel(text, separator) {
  const parts = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (char === '{' || char === '(') depth++;
    else if ((char === '}' || char === ')') && depth > 0) depth--;
    else if (char === separator && depth === 0) {
      parts.push(text.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(text.slice(start));
  return parts;
}

// `{1..5}`, `{01..10..2}`, `{a..e}`; null when the body is not a sequence.
function expandSequence(body) {
  const numeric = /^(-?\d+)\.\.(-?\d+)(?:\.\.(-?\d+))?$/.exec(body);
  const alpha = /^([a-zA-Z])\.\.([a-zA-Z])(?:\.\.(-?\d+))?$/.exec(body);
  const match = numeric ?? alpha;
  if (match === null) return null;
  const from = numeric ? Number(match[1]) : match[1].charCodeAt(0);
  const to = numeric ? Number(match[2]) : match[2].charCodeAt(0);
  const step = Math.abs(Number(match[3] ?? 1)) || 1;
  const padded = numeric && /^-?0\d/.test(match[1]) || numeric && /^-?0\d/.test(match[2]);
  const width = padded ? Math.max(match[1].length, match[2].length) : 0;
  const values = [];
  const direction = from <= to ? 1 : -1;
  for (let value = from; direction > 0 ? value <= to : value >= to; value += step * direction) {
    if (!numeric) {
      values.push(String.fromCharCode(value));
    } else {
      const digits = String(Math.abs(value)).padStart(width - (value < 0 ? 1 : 0), '0');
      values.push(value < 0 ? `-${digits}` : digits);
    }
  }
  return values;
}

/**
 * Expands `{a,b}` and `{x..y}` braces into the list of patterns they stand for (empty
 * results of `{,a}`-style options are dropped, as brace-expansion does at the top level).
 */
function expandBraces(pattern) {
  const expanded = expandBracesInner(pattern);
  return expanded.length === 1 ? expanded : expanded.filter((item) => item !== '');
}

function expandBracesInner(pattern) {
  let depth = 0;
  let start = -1;
  for (let i = 0; i < pattern.length; i++) {
    const char = pattern[i];
    if (char === '{') {
      if (depth++ === 0) start = i;
    } else if (char === '}' && depth > 0 && --depth === 0) {
      const before = pattern.slice(0, start);
      const body = pattern.slice(start + 1, i);
      const afters = expandBracesInner(pattern.slice(i + 1));
      const options = splitTopLevel(body, ',');
      let alternatives;
      if (options.length > 1) {
        alternatives = options.flatMap(expandBracesInner);
      } else {
        alternatives = expandSequence(body) ??
          expandBracesInner(body).map((inner) => `{${inner}}`);
      }
      return alternatives.flatMap((middle) => afters.map((after) => before + middle + after));
    }
  }
  return [pattern];
}

// --- segments -------------------------------------------------------------------------------

// Parses a `[...]` class starting at `start`; null when it is not closed (then `[` is literal).
function parseClass(segment, start) {
  let i = start + 1;
  let negated = false;
  if (segment[i] === '!' || segment[i] === '^') {
    negated = true;
    i++;
  }
  let source = '';
  let negatedSource = '';
  const bodyStart = i;
  for (; i < segment.length; i++) {
    const char = segment[i];
    if (char === ']' && i > bodyStart) {
      if (source === '' && negatedSource === '') return null;
      const single = /^\\?(.)$/su.exec(source);
      if (single !== null && !negated && negatedSource === '') {
        return { literal: single[1], end: i + 1 };
      }
      let regex;
      if (negatedSource === '') regex = `[${negated ? '^' : ''}${source}]`;
      else if (source === '') regex = negated ? `[${negatedSource}]` : `[^${negatedSource}]`;
      else {
        const either = `(?:[${source}]|[^${negatedSource}])`;
        regex = negated ? `(?:(?!${either})[^/])` : either;
      }
      return { regex, end: i + 1 };
    }
    if (char === '[' && segment[i + 1] === ':') {
      const close = segment.indexOf(':]', i + 2);
      const name = close === -1 ? undefined : segment.slice(i + 2, close);
      if (name !== undefined && posixClasses[name] !== undefined) {
        if (negatedPosixClasses.has(name)) negatedSource += posixClasses[name];
        else source += posixClasses[name];
        i = close + 1;
        continue;
      }
    }
    if (segment[i + 1] === '-' && segment[i + 2] !== undefined && segment[i + 2] !== ']') {
      const to = segment[i + 2];
      if (to < char) return null;
      source += `${escapeClassChar(char)}-${escapeClassChar(to)}`;
      i += 2;
      continue;
    }
    source += escapeClassChar(char);
  }
  return null;
}

// The index of the `)` closing the extglob group opened at `open`, or -1.
function findGroupEnd(segment, open) {
  let depth = 0;
  for (let i = open; i < segment.length; i++) {
    if (segment[i] === '[') {
      const parsed = parseClass(segment, i);
      if (parsed !== null) i = parsed.end - 1;
    } else if (segment[i] === '(') {
      depth++;
    } else if (segment[i] === ')' && --depth === 0) {
      return i;
    }
  }
  return -1;
}

// Compiles (part of) one path segment to a regular expression source; `magic` tells whether
// it holds anything but literal text. `!(…)` compiles the rest of the segment too, since it
// must not match what the rest would complete.
function compileSegmentSource(segment) {
  let source = '';
  let literal = '';
  let magic = false;
  for (let i = 0; i < segment.length;) {
    const char = segment[i];
    const next = segment[i + 1];
    if ('@!?*+'.includes(char) && next === '(') {
      const end = findGroupEnd(segment, i + 1);
      if (end !== -1) {
        const inner = splitTopLevel(segment.slice(i + 2, end), '|')
          .map((alternative) => compileSegmentSource(alternative).source).join('|');
        magic = true;
        i = end + 1;
        if (char === '!') {
          // As in minimatch, when the segment starts with `!(…)`, a rest of only `*`s
          // needs a character inside the lookahead.
          const restText = segment.slice(i);
          const rest = compileSegmentSource(restText).source;
          const restAhead = source === '' && /^\*+$/.test(restText) ? '[^/]+?' : rest;
          source += `(?:(?!(?:${inner})${restAhead}$)[^/]*?)${rest}`;
          return { source, magic, literal };
        }
        source += `(?:${inner})${char === '@' ? '' : char}`;
        continue;
      }
    }
    if (char === '*') {
      // A run of stars is one star; a `*(…)` extglob after it is not part of the run.
      do {
        i++;
      } while (segment[i] === '*' &&
               !(segment[i + 1] === '(' && findGroupEnd(segment, i + 1) !== -1));
      source += '[^/]*?';
      magic = true;
      continue;
    }
    if (char === '?') {
      source += '[^/]';
      magic = true;
      i++;
      continue;
    }
    if (char === '[') {
      const parsed = parseClass(segment, i);
      if (parsed !== null) {
        if (parsed.literal !== undefined) {
          source += escapeRegExp(parsed.literal);
          literal += parsed.literal;
        } else {
          source += parsed.regex;
          magic = true;
        }
        i = parsed.end;
        continue;
      }
    }
    source += escapeRegExp(char);
    literal += char;
    i++;
  }
  return { source, magic, literal };
}

// A pattern segment becomes GLOBSTAR, a literal string, or a RegExp.
// As in minimatch, the guard depends on how the segment's expression starts: `*`, `?` or a
// class never match a leading dot; a literal dot followed by one of those never matches
// `.` or `..`; anything else (an extglob first) has no guard. A segment of only `*`s
// matches at least one character.
function compileSegment(segment) {
  if (segment === '**') return GLOBSTAR;
  if (/^\*+$/.test(segment)) return /^(?!\.)[^/]+$/;
  const { source, magic, literal } = compileSegmentSource(segment);
  if (!magic) return literal;
  let guard = '';
  if (source[0] === '[' || segment.startsWith('!(')) guard = '(?!\\.)';
  else if (/^(?:\\\.){1,2}\[/.test(source)) guard = '(?!\\.\\.?$)';
  try {
    // Like minimatch, `?` matches one UTF-16 unit unless POSIX classes need the u flag.
    return new RegExp(`^${guard}${source}$`, source.includes('\\p{') ? 'u' : '');
  } catch {
    return segment;
  }
}

// Splits at runs of slashes; on win32 a leading `//` (UNC) is kept as two empty segments.
function splitSlashes(text, windows) {
  if (windows && /^\/\/[^/]+/.test(text)) return ['', ...text.split(/\/+/)];
  return text.split(/\/+/);
}

// Drops `.` segments inside the path, repeated `**`, and `name/..` pairs (both the pattern
// and the path are simplified this way, as minimatch does).
function simplifySegments(segments) {
  const kept = [];
  for (let i = 0; i < segments.length; i++) {
    const segment = segments[i];
    const inside = i > 0 && i < segments.length - 1;
    if (inside && segment === '.') continue;
    const previous = kept[kept.length - 1];
    if (segment === '**' && previous === '**') continue;
    if (segment === '..' && previous && previous !== '..' && previous !== '.' &&
        previous !== '**') {
      kept.pop();
      continue;
    }
    kept.push(segment);
  }
  if (kept[0] === '.' && kept.length === 2 && (kept[1] === '' || kept[1] === '.')) kept.pop();
  if (kept.length === 0) return [''];
  return kept.length === segments.length ? kept : simplifySegments(kept);
}

const isDriveLetter = (segment) => /^[a-z]:$/i.test(segment);

function startsWithDot(segment) {
  return segment[0] === '.';
}

function matchSegments(file, pattern, fileStart, patternStart) {
  let fi = fileStart;
  let pi = patternStart;
  for (; fi < file.length && pi < pattern.length; fi++, pi++) {
    const part = pattern[pi];
    const name = file[fi];
    if (part === GLOBSTAR) {
      if (pi + 1 === pattern.length) {
        for (; fi < file.length; fi++) if (startsWithDot(file[fi])) return false;
        return true;
      }
      for (let from = fi; from < file.length; from++) {
        if (matchSegments(file, pattern, from, pi + 1)) return true;
        if (startsWithDot(file[from])) break;
      }
      return false;
    }
    const hit = typeof part === 'string' ? name === part : part.test(name);
    if (!hit) return false;
  }
  if (fi === file.length && pi === pattern.length) return true;
  if (fi === file.length) return false;
  return fi === file.length - 1 && file[fi] === '';
}

/**
 * Whether `path` matches the glob `pattern` (path.matchesGlob). `windows` selects win32
 * path handling: either separator in the path, case-insensitive drive letters.
 */
function matchGlobPattern(path, pattern, windows) {
  validateString(path, 'path');
  validateString(pattern, 'pattern');
  if (pattern === '') return path === '';
  const file = simplifySegments(splitSlashes(windows ? path.replace(/\\/g, '/') : path, windows));
  for (const expanded of expandBraces(pattern.replace(/\\/g, '/'))) {
    const segments = simplifySegments(splitSlashes(expanded, windows));
    const compiled = segments.map(compileSegment);
    if (windows && isDriveLetter(file[0] ?? '') && isDriveLetter(segments[0])) {
      if (file[0].toLowerCase() !== segments[0].toLowerCase()) continue;
      if (matchSegments(file, compiled, 1, 1)) return true;
      continue;
    }
    if (matchSegments(file, compiled, 0, 0)) return true;
  }
  return false;
}

module.exports = { matchGlobPattern };
