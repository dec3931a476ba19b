'use strict';
// How many colours a terminal supports, from the environment: Node 25's rules
// (FORCE_COLOR, NO_COLOR, NODE_DISABLE_COLORS, TERM=dumb, TMUX, Azure Pipelines, CI
// services, TeamCity, TERM_PROGRAM, COLORTERM, then the TERM table), as depths in bits:
// 1 (2 colours), 4 (16), 8 (256), 24 (16 million).

const { validateInteger } = require('internal/validators');

const COLORS_2 = 1;
const COLORS_16 = 4;
const COLORS_256 = 8;
const COLORS_16m = 24;

// TERM values with a known depth other than the default 16 colours.
const depthByTerm = {
  __proto__: null,
  eterm: COLORS_16,
  cons25: COLORS_16,
  console: COLORS_16,
  cygwin: COLORS_16,
  dtterm: COLORS_16,
  gnome: COLORS_16,
  hurd: COLORS_16,
  jfbterm: COLORS_16,
  konsole: COLORS_16,
  kterm: COLORS_16,
  mlterm: COLORS_16,
  mosh: COLORS_16m,
  putty: COLORS_16,
  st: COLORS_16,
  'rxvt-unicode-24bit': COLORS_16m,
  terminator: COLORS_16m,
  'xterm-kitty': COLORS_16m,
};

// TERM patterns of terminals that handle at least 16 colours.
const sixteenColorTerms = [
  /ansi/, /color/, /linux/, /direct/, /^con[0-9]*x[0-9]/, /^rxvt/, /^screen/, /^xterm/,
  /^vt100/, /^vt220/,
];

// CI services (by the variable they set) and the depth their logs render.
const depthByCI = [
  ['APPVEYOR', COLORS_256],
  ['BUILDKITE', COLORS_256],
  ['CIRCLECI', COLORS_16m],
  ['DRONE', COLORS_256],
  ['GITEA_ACTIONS', COLORS_16m],
  ['GITHUB_ACTIONS', COLORS_16m],
  ['GITLAB_CI', COLORS_256],
  ['TRAVIS', COLORS_256],
];

// A variable that is set and not empty (NO_COLOR= and NODE_DISABLE_COLORS= don't count).
function isSet(value) {
  return value !== undefined && value !== '';
}

let warnedAboutIgnoredEnv = false;

// FORCE_COLOR wins over NO_COLOR / NODE_DISABLE_COLORS; say so once.
function warnIgnoredColorEnv(env) {
  if (warnedAboutIgnoredEnv) return;
  const ignored = [];
  if (isSet(env.NODE_DISABLE_COLORS)) ignored.push('NODE_DISABLE_COLORS');
  if (isSet(env.NO_COLOR)) ignored.push('NO_COLOR');
  if (ignored.length === 0) return;
  process.emitWarning(
    `The '${ignored.join("' and '")}' env is ignored due to the 'FORCE_COLOR' env being set.`,
    'Warning');
  warnedAboutIgnoredEnv = true;
}

function forcedDepth(value, env) {
  switch (value) {
    case '':
    case '1':
    case 'true':
      warnIgnoredColorEnv(env);
      return COLORS_16;
    case '2':
      warnIgnoredColorEnv(env);
      return COLORS_256;
    case '3':
      warnIgnoredColorEnv(env);
      return COLORS_16m;
    default:
      return COLORS_2;
  }
}

function getColorDepth(env = process.env) {
  if (env.FORCE_COLOR !== undefined) return forcedDepth(env.FORCE_COLOR, env);
  if (isSet(env.NODE_DISABLE_COLORS) || isSet(env.NO_COLOR) || env.TERM === 'dumb') {
    return COLORS_2;
  }
  if (process.platform === 'win32') return windowsDepth();
  if (env.TMUX) return COLORS_16m;
  if (Object.hasOwn(env, 'TF_BUILD') && Object.hasOwn(env, 'AGENT_NAME')) return COLORS_16;
  if (Object.hasOwn(env, 'CI')) {
    for (const [name, depth] of depthByCI) {
      if (Object.hasOwn(env, name)) return depth;
    }
    return env.CI_NAME === 'codeship' ? COLORS_256 : COLORS_2;
  }
  if ('TEAMCITY_VERSION' in env) {
    return /^(9\.(0*[1-9]\d*)\.|\d{2,}\.)/.test(env.TEAMCITY_VERSION) ? COLORS_16 : COLORS_2;
  }
  switch (env.TERM_PROGRAM) {
    case 'iTerm.app':
      if (!env.TERM_PROGRAM_VERSION || /^[0-2]\./.test(env.TERM_PROGRAM_VERSION)) {
        return COLORS_256;
      }
      return COLORS_16m;
    case 'HyperTerm':
    case 'MacTerm':
      return COLORS_16m;
    case 'Apple_Terminal':
      return COLORS_256;
  }
  if (env.COLORTERM === 'truecolor' || env.COLORTERM === '24bit') return COLORS_16m;
  if (env.TERM) {
    if (/truecolor/.test(env.TERM)) return COLORS_16m;
    if (/^xterm-256/.test(env.TERM)) return COLORS_256;
    const term = env.TERM.toLowerCase();
    if (depthByTerm[term]) return depthByTerm[term];
    if (sixteenColorTerms.some((pattern) => pattern.test(term))) return COLORS_16;
  }
  if (env.COLORTERM) return COLORS_16;
  return COLORS_2;
}

// Windows 10 build 10586 has 256 colours, build 14931 true colour.
function windowsDepth() {
  const [major, , build] = require('os').release().split('.', 3);
  if (+major >= 10) {
    if (+build >= 14931) return COLORS_16m;
    if (+build >= 10586) return COLORS_256;
  }
  return COLORS_16;
}

// hasColors([count][, env]): whether the terminal shows at least `count` colours (16).
function hasColors(count, env) {
  if (env === undefined &&
      (count === undefined || (typeof count === 'object' && count !== null))) {
    env = count;
    count = 16;
  } else {
    validateInteger(count, 'count', 2);
  }
  return count <= 2 ** getColorDepth(env);
}

module.exports = { getColorDepth, hasColors };
