'use strict';
// net.BlockList: rules (single addresses, ranges, subnets) that block IP addresses. Every
// address is compared as a 128-bit value with IPv4 mapped into ::ffff:0:0/96, so an IPv4
// rule also blocks its IPv4-mapped IPv6 form and the reverse, as Node's does.

const { SocketAddress, kValue, IPV4_MAPPED } = require('internal/socketaddress');
const {
  codes: { ERR_INVALID_ARG_TYPE, ERR_INVALID_ARG_VALUE },
} = require('internal/errors');
const { validateInt32, validateString } = require('internal/validators');

const kRules = Symbol('kRules');

// A SocketAddress from a SocketAddress or an address text and family.
function toSocketAddress(address, family, name) {
  if (SocketAddress.isSocketAddress(address)) return address;
  validateString(address, name);
  validateString(family, 'family');
  return new SocketAddress({ address, family });
}

const familyLabel = (sa) => (sa.family === 'ipv4' ? 'IPv4' : 'IPv6');

class BlockList {
  static isBlockList(value) {
    return value?.[kRules] !== undefined;
  }

  constructor() {
    // Newest first, as Node lists them.
    this[kRules] = [];
  }

  addAddress(address, family = 'ipv4') {
    const sa = toSocketAddress(address, family, 'address');
    const value = sa[kValue];
    this[kRules].unshift({
      text: `Address: ${familyLabel(sa)} ${sa.address}`,
      matches: (v) => v === value,
    });
  }

  addRange(start, end, family = 'ipv4') {
    const first = toSocketAddress(start, family, 'start');
    const last = toSocketAddress(end, family, 'end');
    const low = first[kValue];
    const high = last[kValue];
    if (low > high) throw new ERR_INVALID_ARG_VALUE('start', start, 'must come before end');
    this[kRules].unshift({
      text: `Range: ${familyLabel(first)} ${first.address}-${last.address}`,
      matches: (v) => v >= low && v <= high,
    });
  }

  addSubnet(network, prefix, family = 'ipv4') {
    const sa = toSocketAddress(network, family, 'network');
    const bits = sa.family === 'ipv4' ? 32 : 128;
    validateInt32(prefix, 'prefix', 0, bits);
    // An IPv4 prefix counts from bit 96 of the mapped form.
    const shift = BigInt(bits - prefix);
    const base = (sa[kValue] >> shift) << shift;
    const ipv4 = sa.family === 'ipv4';
    this[kRules].unshift({
      text: `Subnet: ${familyLabel(sa)} ${sa.address}/${prefix}`,
      matches: (v) => (!ipv4 || (v >> 32n) === (IPV4_MAPPED >> 32n)) && (v >> shift) << shift === base,
    });
  }

  check(address, family = 'ipv4') {
    let sa = address;
    if (!SocketAddress.isSocketAddress(address)) {
      validateString(address, 'address');
      validateString(family, 'family');
      try {
        sa = new SocketAddress({ address, family });
      } catch {
        return false;
      }
    }
    const value = sa[kValue];
    return this[kRules].some((rule) => rule.matches(value));
  }

  get rules() {
    return this[kRules].map((rule) => rule.text);
  }

  toJSON() {
    return this.rules;
  }

  // Adds the rules of a toJSON() result (an array, or its JSON text); a rule that doesn't
  // parse is skipped.
  fromJSON(data) {
    if (typeof data === 'string') {
      try {
        data = JSON.parse(data);
      } catch {
        data = undefined;
      }
    }
    if (!Array.isArray(data) || data.some((rule) => typeof rule !== 'string')) {
      throw new ERR_INVALID_ARG_TYPE('data', ['string', 'string[]'], data);
    }
    for (const rule of data) {
      const match = /^(Address|Range|Subnet): (IPv4|IPv6) (.+)$/.exec(rule);
      if (!match) continue;
      const family = match[2].toLowerCase();
      try {
        if (match[1] === 'Address') {
          this.addAddress(match[3], family);
        } else if (match[1] === 'Range') {
          const [start, end] = match[3].split('-');
          this.addRange(start, end, family);
        } else {
          const slash = match[3].lastIndexOf('/');
          this.addSubnet(match[3].slice(0, slash), Number(match[3].slice(slash + 1)), family);
        }
      } catch {
        // A rule that doesn't parse is ignored, as Node ignores it.
      }
    }
  }

  [Symbol.for('nodejs.util.inspect.custom')](depth, options, inspect) {
    if (depth < 0) return this;
    const opts = { ...options, depth: options.depth == null ? null : options.depth - 1 };
    return `BlockList ${inspect({ rules: this.rules }, opts)}`;
  }
}

module.exports = { BlockList };
