'use strict';

// os: facts about the operating system and the machine (uname, memory, load,
// CPUs, network interfaces, the current user, process priorities) and the
// platform's constants, from internalBinding('os'). Failed system calls throw
// Node's ERR_SYSTEM_ERROR. The value getters also convert to their value
// (`${os.hostname}`), as in Node.

const binding = internalBinding('os');
const { validateInt32 } = require('internal/validators');
const {
  codes: { ERR_SYSTEM_ERROR },
} = require('internal/errors');

/** The value of a `[error, value]` pair from the binding, or Node's system error. */
function checked(result) {
  const [error, value] = result;
  if (error !== null) throw new ERR_SYSTEM_ERROR(error);
  return value;
}

function getOSInformation() {
  return checked(binding.uname());
}

function getHostname() {
  return checked(binding.hostname());
}

function getOSType() {
  return getOSInformation()[0];
}

function getOSRelease() {
  return getOSInformation()[1];
}

function getOSVersion() {
  return getOSInformation()[2];
}

function getMachine() {
  return getOSInformation()[3];
}

function getTotalMem() {
  return binding.memory()[0];
}

function getFreeMem() {
  return binding.memory()[1];
}

function getUptime() {
  return checked(binding.uptime());
}

function getHomeDirectory() {
  const home = process.env.HOME;
  if (home) return home;
  return checked(binding.userInfo()).homedir;
}

function loadavg() {
  return binding.loadavg();
}

function cpus() {
  return binding.cpus().map(([model, speed, user, nice, sys, idle, irq]) => ({
    model, speed, times: { user, nice, sys, idle, irq },
  }));
}

function arch() {
  return process.arch;
}

function platform() {
  return process.platform;
}

function availableParallelism() {
  return binding.availableParallelism();
}

function tmpdir() {
  const env = process.env;
  const path = env.TMPDIR || env.TMP || env.TEMP || '/tmp';
  if (path.length > 1 && path.endsWith('/')) return path.slice(0, -1);
  return path;
}

const kEndianness = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1 ? 'LE' : 'BE';
function endianness() {
  return kEndianness;
}

/** `address/prefix` when the netmask is a contiguous run of ones, else null. */
function getCIDR(address, netmask, family) {
  let ones = 0;
  let split = '.';
  let range = 10;
  let groupLength = 8;
  let hasZeros = false;
  if (family === 'IPv6') {
    split = ':';
    range = 16;
    groupLength = 16;
  }
  const parts = netmask.split(split);
  for (const part of parts) {
    if (part === '') continue;
    const binary = Number.parseInt(part, range).toString(2).padStart(groupLength, '0');
    for (const bit of binary) {
      if (bit === '1') {
        if (hasZeros) return null;
        ones++;
      } else {
        hasZeros = true;
      }
    }
  }
  return `${address}/${ones}`;
}

function networkInterfaces() {
  const result = {};
  for (const [name, address, netmask, family, mac, internal, scopeid] of
    checked(binding.networkInterfaces())) {
    const entry = {
      address, netmask, family, mac, internal, cidr: getCIDR(address, netmask, family),
    };
    if (family === 'IPv6') entry.scopeid = scopeid;
    if (result[name] === undefined) result[name] = [entry];
    else result[name].push(entry);
  }
  return result;
}

function setPriority(pid, priority) {
  if (priority === undefined) {
    priority = pid;
    pid = 0;
  }
  validateInt32(pid, 'pid');
  validateInt32(priority, 'priority', -20, 19);
  checked(binding.setPriority(pid, priority));
}

function getPriority(pid) {
  if (pid === undefined) pid = 0;
  else validateInt32(pid, 'pid');
  return checked(binding.getPriority(pid));
}

function userInfo(options) {
  if (typeof options !== 'object') options = null;
  const info = checked(binding.userInfo());
  const user = { __proto__: null, ...info };
  if (options?.encoding === 'buffer') {
    for (const key of ['username', 'homedir', 'shell']) {
      if (typeof user[key] === 'string') user[key] = Buffer.from(user[key]);
    }
  }
  return user;
}

for (const getter of [getFreeMem, getHostname, getOSVersion, getOSType, getOSRelease,
                      getMachine, getHomeDirectory, getTotalMem, getUptime, arch, platform,
                      tmpdir, endianness, availableParallelism]) {
  getter[Symbol.toPrimitive] = () => getter();
}

function nullPrototype(values) {
  return Object.assign({ __proto__: null }, values);
}

const signals = Object.freeze(nullPrototype(binding.signals()));
const constants = {
  UV_UDP_REUSEADDR: 4,
  dlopen: nullPrototype({
    RTLD_LAZY: 1, RTLD_NOW: 2, RTLD_GLOBAL: 256, RTLD_LOCAL: 0, RTLD_DEEPBIND: 8,
  }),
  errno: nullPrototype(binding.errnoConstants()),
  signals,
  priority: nullPrototype({
    PRIORITY_LOW: 19,
    PRIORITY_BELOW_NORMAL: 10,
    PRIORITY_NORMAL: 0,
    PRIORITY_ABOVE_NORMAL: -7,
    PRIORITY_HIGH: -14,
    PRIORITY_HIGHEST: -20,
  }),
};

module.exports = {
  arch,
  availableParallelism,
  cpus,
  endianness,
  freemem: getFreeMem,
  getPriority,
  homedir: getHomeDirectory,
  hostname: getHostname,
  loadavg,
  networkInterfaces,
  platform,
  release: getOSRelease,
  setPriority,
  tmpdir,
  totalmem: getTotalMem,
  type: getOSType,
  userInfo,
  uptime: getUptime,
  version: getOSVersion,
  machine: getMachine,
};

Object.defineProperties(module.exports, {
  constants: { __proto__: null, configurable: false, enumerable: true, value: constants },
  EOL: { __proto__: null, configurable: true, enumerable: true, writable: false, value: '\n' },
  devNull: {
    __proto__: null, configurable: true, enumerable: true, writable: false, value: '/dev/null',
  },
});
