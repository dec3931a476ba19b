'use strict';

// internal/util/colors: the ANSI colours of assertion diffs, set when stderr shows
// colours (or FORCE_COLOR asks for them) and empty strings otherwise. `refresh()`
// re-reads the stream and the environment.

const { shouldColorize } = require('internal/console/constructor');

const kCodes = {
  blue: '\u001b[34m',
  green: '\u001b[32m',
  white: '\u001b[39m',
  yellow: '\u001b[33m',
  red: '\u001b[31m',
  gray: '\u001b[90m',
  clear: '\u001bc',
  reset: '\u001b[0m',
};

const colors = {
  hasColors: false,
  shouldColorize,
  refresh() {
    const enabled = !!shouldColorize(process.stderr);
    for (const name of Object.keys(kCodes)) colors[name] = enabled ? kCodes[name] : '';
    colors.hasColors = enabled;
  },
};
colors.refresh();

module.exports = colors;
