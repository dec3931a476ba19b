'use strict';
// net.SocketAddress: an IP address, port, family and IPv6 flow label, validated as Node's
// (the address must parse as its family's text form). Addresses are also kept as a 128-bit
// value, IPv4 mapped into ::ffff:0:0/96, which is what BlockList compares.

const { isIPv4, isIPv6 } = require('internal/net');
const {
  codes: { ERR_INVALID_ADDRESS, ERR_INVALID_ARG_VALUE },
} = require('internal/errors');
const {
  validateObject, validatePort, validateString, validateUint32,
} = require('internal/validators');

const kValue = Symbol('kValue');
const kDetail = Symbol('kDetail');
const IPV4_MAPPED = 0xffffn << 32n;

// '1.2.3.4' → its 32-bit value.
function ipv4Value(text) {
  return text.split('.').reduce((acc, part) => (acc << 8n) | BigInt(Number(part)), 0n);
}

// An IPv6 text form (with an embedded IPv4 tail, without a zone) → its 128-bit value.
function ipv6Value(text) {
  const zone = text.indexOf('%');
  if (zone !== -1) text = text.slice(0, zone);
  let tail = [];
  const lastColon = text.lastIndexOf(':');
  if (text.includes('.', lastColon)) {
    const v4 = ipv4Value(text.slice(lastColon + 1));
    tail = [Number(v4 >> 16n), Number(v4 & 0xffffn)];
    text = `${text.slice(0, lastColon + 1)}0:0`;
  }
  const [head, rest] = text.split('::');
  const headParts = head === '' ? [] : head.split(':');
  const restParts = rest === undefined ? [] : (rest === '' ? [] : rest.split(':'));
  let groups = headParts.map((g) => parseInt(g, 16));
  const restGroups = restParts.map((g) => parseInt(g, 16));
  if (rest !== undefined) {
    groups = groups.concat(new Array(8 - groups.length - restGroups.length).fill(0), restGroups);
  }
  if (tail.length) groups.splice(6, 2, ...tail);
  return groups.reduce((acc, g) => (acc << 16n) | BigInt(g), 0n);
}

// A 128-bit value → RFC 5952 text (the longest run of two or more zero groups as '::').
function ipv6Text(value) {
  const groups = [];
  for (let i = 7; i >= 0; i--) groups.push(Number((value >> BigInt(i * 16)) & 0xffffn));
  let best = -1;
  let bestLen = 0;
  for (let i = 0; i < 8;) {
    if (groups[i] !== 0) { i++; continue; }
    let j = i;
    while (j < 8 && groups[j] === 0) j++;
    if (j - i > bestLen && j - i >= 2) { best = i; bestLen = j - i; }
    i = j;
  }
  const hex = groups.map((g) => g.toString(16));
  if (best === -1) return hex.join(':');
  return `${hex.slice(0, best).join(':')}::${hex.slice(best + bestLen).join(':')}`;
}

function ipv4Text(value) {
  return [24n, 16n, 8n, 0n].map((shift) => Number((value >> shift) & 0xffn)).join('.');
}

// The 128-bit value of an address text of `family` ('ipv4' | 'ipv6'), or undefined.
function addressValue(address, family) {
  if (family === 'ipv4') return isIPv4(address) ? IPV4_MAPPED | ipv4Value(address) : undefined;
  return isIPv6(address) ? ipv6Value(address) : undefined;
}

class SocketAddress {
  static isSocketAddress(value) {
    return value?.[kDetail] !== undefined;
  }

  // 'host[:port]' or '[v6][:port]' → a SocketAddress, or undefined when it doesn't parse.
  static parse(input) {
    validateString(input, 'input');
    try {
      const { hostname: host, port } = new URL(`http://${input}`);
      if (host.startsWith('[') && host.endsWith(']')) {
        return new SocketAddress({ address: host.slice(1, -1), port: port | 0, family: 'ipv6' });
      }
      return new SocketAddress({ address: host, port: port | 0 });
    } catch {
      return undefined;
    }
  }

  constructor(options = {}) {
    validateObject(options, 'options');
    let { family = 'ipv4' } = options;
    const {
      address = (family === 'ipv4' ? '127.0.0.1' : '::'),
      port = 0,
      flowlabel = 0,
    } = options;
    if (typeof family?.toLowerCase === 'function') family = family.toLowerCase();
    if (family !== 'ipv4' && family !== 'ipv6') {
      throw new ERR_INVALID_ARG_VALUE('options.family', options.family);
    }
    validateString(address, 'options.address');
    validatePort(port, 'options.port');
    validateUint32(flowlabel, 'options.flowlabel', false);
    const value = addressValue(address, family);
    if (value === undefined) throw new ERR_INVALID_ADDRESS();
    this[kValue] = value;
    this[kDetail] = {
      address: family === 'ipv4' ? ipv4Text(value & 0xffffffffn) : ipv6Text(value),
      port: port | 0,
      family,
      flowlabel: flowlabel | 0,
    };
  }

  get address() { return this[kDetail].address; }
  get port() { return this[kDetail].port; }
  get family() { return this[kDetail].family; }
  get flowlabel() { return this[kDetail].flowlabel; }

  toJSON() {
    return { ...this[kDetail] };
  }

  [Symbol.for('nodejs.util.inspect.custom')](depth, options, inspect) {
    if (depth < 0) return this;
    const opts = { ...options, depth: options.depth == null ? null : options.depth - 1 };
    return `SocketAddress ${inspect(this.toJSON(), opts)}`;
  }
}

module.exports = { SocketAddress, kValue, IPV4_MAPPED };
