'use strict';
// node:dns: lookup/lookupService (getaddrinfo/getnameinfo on the pool) and the resolve*
// family (DNS queries on a channel per Resolver), with callbacks. The promise API is
// dns/promises; both share internal/dns/utils.

const { isIP } = require('internal/net');
const {
  ADDRCONFIG, V4MAPPED, ALL, ResolverBase, cares, errorCodes, getDefaultResolver, setDefaultResolverServers,
  getDefaultResultOrder, lookupOptions, resolveMethods, setDefaultResultOrder, toASCII,
  defaultResolverFunctions, defineResolveMethods, promisifiesTo, syscallOf,
  validateLookupService, orderConstant, startPerf, startLookupPerf, stopPerf, lookupError,
} = require('internal/dns/utils');
const {
  DNSException,
  codes: { ERR_INVALID_ARG_TYPE, ERR_INVALID_ARG_VALUE, ERR_MISSING_ARGS },
} = require('internal/errors');
const { validateFunction, validateString } = require('internal/validators');

function lookup(hostname, options, callback) {
  if (hostname) validateString(hostname, 'hostname');
  if (typeof options === 'function') {
    callback = options;
    options = undefined;
  }
  const { hints, family, all, order } = lookupOptions(options, callback, true);
  // Node 25 refuses an empty hostname (it used to answer null).
  if (!hostname) throw new ERR_INVALID_ARG_VALUE('hostname', hostname, 'must be a non-empty string');
  const matchedFamily = isIP(hostname);
  if (matchedFamily) {
    if (all) process.nextTick(callback, null, [{ address: hostname, family: matchedFamily }]);
    else process.nextTick(callback, null, hostname, matchedFamily);
    return {};
  }
  const req = new cares.GetAddrInfoReqWrap();
  req.callback = callback;
  req.family = family;
  req.hostname = hostname;
  req.oncomplete = all ? onlookupall : onlookup;
  startLookupPerf(req, hostname, family, hints, order);
  const err = cares.getaddrinfo(req, hostname, family, hints, orderConstant(order));
  if (err) {
    process.nextTick(callback, new DNSException(err, 'getaddrinfo', hostname));
  }
  return req;
}

function onlookup(err, addresses) {
  if (err) return this.callback(lookupError(err, 'getaddrinfo', this.hostname));
  stopPerf(this, { addresses });
  this.callback(null, addresses[0], this.family || isIP(addresses[0]));
}

function onlookupall(err, addresses) {
  if (err) return this.callback(lookupError(err, 'getaddrinfo', this.hostname));
  const family = this.family;
  const entries = addresses.map((address) => ({ address, family: family || isIP(address) }));
  stopPerf(this, { addresses: entries });
  this.callback(null, entries);
}

promisifiesTo(lookup, 'lookup');

function lookupService(address, port, callback) {
  if (arguments.length !== 3) throw new ERR_MISSING_ARGS('address', 'port', 'callback');
  port = validateLookupService(address, port);
  validateFunction(callback, 'callback');
  const req = new cares.GetNameInfoReqWrap();
  req.callback = callback;
  req.hostname = address;
  req.port = port;
  req.oncomplete = onlookupservice;
  startPerf(req, 'lookupService', { host: address, port });
  const err = cares.getnameinfo(req, address, port);
  if (err) throw new DNSException(err, 'getnameinfo', address);
  return req;
}

function onlookupservice(err, hostname, service) {
  if (err) return this.callback(lookupError(err, 'getnameinfo', this.hostname));
  stopPerf(this, { hostname, service });
  this.callback(null, hostname, service);
}

promisifiesTo(lookupService, 'lookupService');

// resolveXxx(name[, options], callback) for one record type.
function resolver(rrtype) {
  return function query(name, options, callback) {
    if (typeof options === 'function') {
      callback = options;
      options = {};
    }
    validateString(name, 'name');
    validateFunction(callback, 'callback');
    const ttl = !!(options && options.ttl);
    const ascii = toASCII(name);
    this._handle.query((channel) => cares.channelQuery(channel, rrtype, ascii, ttl),
                       syscallOf(rrtype), name, callback, ttl);
    return {};
  };
}

class Resolver extends ResolverBase {}
defineResolveMethods(Resolver.prototype, resolver);

Resolver.prototype.reverse = function reverse(ip, callback) {
  validateString(ip, 'ip');
  validateFunction(callback, 'callback');
  this._handle.query((channel) => cares.channelReverse(channel, ip), 'getHostByAddr', ip,
                     callback);
  return {};
};

Resolver.prototype.resolve = function resolve(hostname, rrtype, callback) {
  let method;
  if (typeof rrtype === 'string') {
    method = resolveMethods[rrtype] && this[resolveMethods[rrtype]];
  } else if (typeof rrtype === 'function') {
    method = this.resolve4;
    callback = rrtype;
  } else {
    throw new ERR_INVALID_ARG_TYPE('rrtype', 'string', rrtype);
  }
  if (typeof method !== 'function') throw new ERR_INVALID_ARG_VALUE('rrtype', rrtype);
  return method.call(this, hostname, callback);
};

function defaultResolver() {
  return getDefaultResolver(Resolver);
}

const dns = {
  lookup,
  lookupService,
  Resolver,
  getDefaultResultOrder,
  setDefaultResultOrder,
  setServers(servers) { setDefaultResolverServers(Resolver, servers); },
  getServers() { return defaultResolver().getServers(); },
  ...defaultResolverFunctions(Resolver.prototype, defaultResolver),
  ADDRCONFIG,
  ALL,
  V4MAPPED,
  ...errorCodes,
};

Object.defineProperty(dns, 'promises', {
  __proto__: null,
  configurable: true,
  enumerable: true,
  get() { return require('dns/promises'); },
});

module.exports = dns;
