'use strict';
// Node's internal/options: the value of a command-line option as the program was started,
// read from process.execArgv (and NODE_OPTIONS, which the launcher already folded in).
// Options not given take Node's defaults; a `--no-` form turns a boolean off.

// Defaults of the options with a value that is not false/empty.
const defaults = {
  '--max-http-header-size': 16384,
  '--stack-trace-limit': 10,
  '--dns-result-order': '',
  '--unhandled-rejections': '',
  '--network-family-autoselection': true,
  '--network-family-autoselection-attempt-timeout': 250,
  '--secure-heap': 0,
  '--secure-heap-min': 2,
  '--heapsnapshot-near-heap-limit': 0,
  '--experimental-require-module': true,
  '--experimental-detect-module': true,
  '--experimental-global-navigator': true,
  '--experimental-websocket': true,
  '--input-type': '',
  '--title': '',
  '--tls-cipher-list': '',
};

let parsed;

function parse() {
  const values = new Map();
  const args = process.execArgv;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (!arg.startsWith('--')) continue;
    const eq = arg.indexOf('=');
    if (eq !== -1) {
      values.set(arg.slice(0, eq), coerce(arg.slice(0, eq), arg.slice(eq + 1)));
    } else if (arg.startsWith('--no-')) {
      values.set(`--${arg.slice(5)}`, false);
    } else if (typeof defaults[arg] === 'number' || typeof defaults[arg] === 'string') {
      // A value option given as two words: `--max-http-header-size 1000`.
      if (i + 1 < args.length) values.set(arg, coerce(arg, args[++i]));
    } else {
      values.set(arg, true);
    }
  }
  return values;
}

function coerce(name, text) {
  return typeof defaults[name] === 'number' ? Number(text) : text;
}

/** The value of option `name` (e.g. `'--max-http-header-size'`) for this process. */
function getOptionValue(name) {
  parsed ??= parse();
  if (parsed.has(name)) return parsed.get(name);
  if (name in defaults) return defaults[name];
  return name.startsWith('--') ? false : undefined;
}

/** What an embedder set up (Node's defaults: nothing). */
function getEmbedderOptions() {
  return { shouldNotRegisterESMLoader: false, noGlobalSearchPaths: false, hasEmbedderPreload: false };
}

module.exports = { getOptionValue, getEmbedderOptions };
