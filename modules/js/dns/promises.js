'use strict';
// node:dns/promises: the dns API returning promises (see dns.js for the callback forms).

const { isIP } = require('internal/net');
const {
  ADDRCONFIG, V4MAPPED, ALL, ResolverBase, cares, errorCodes, getDefaultResolver, setDefaultResolverServers,
  getDefaultResultOrder, lookupOptions, resolveMethods, setDefaultResultOrder, toASCII,
  defaultResolverFunctions, defineResolveMethods, syscallOf,
  validateLookupService, orderConstant, startPerf, startLookupPerf, stopPerf, lookupError,
} = require('internal/dns/utils');
const {
  DNSException,
  codes: { ERR_INVALID_ARG_TYPE, ERR_INVALID_ARG_VALUE, ERR_MISSING_ARGS },
} = require('internal/errors');
const { validateString } = require('internal/validators');

// A promise for a query on `resolver`'s channel.
function queryOn(resolver, start, syscall, hostname, ttl = false) {
  return new Promise((resolve, reject) => {
    resolver._handle.query(start, syscall, hostname, (err, value) => {
      if (err) reject(err);
      else resolve(value);
    }, ttl);
  });
}

function lookup(hostname, options) {
  if (hostname) validateString(hostname, 'hostname');
  const { hints, family, all, order } = lookupOptions(options, undefined, false);
  if (!hostname) return Promise.reject(new ERR_INVALID_ARG_VALUE('hostname', hostname, 'must be a non-empty string'));
  const matchedFamily = isIP(hostname);
  if (matchedFamily) {
    const entry = { address: hostname, family: matchedFamily };
    return Promise.resolve(all ? [entry] : entry);
  }
  return new Promise((resolve, reject) => {
    const req = new cares.GetAddrInfoReqWrap();
    req.family = family;
    req.hostname = hostname;
    req.oncomplete = all ? onlookupall : onlookup;
    req.resolve = resolve;
    req.reject = reject;
    startLookupPerf(req, hostname, family, hints, order);
    const err = cares.getaddrinfo(req, hostname, family, hints, orderConstant(order));
    if (err) reject(new DNSException(err, 'getaddrinfo', hostname));
  });
}

function onlookup(err, addresses) {
  if (err) {
    this.reject(lookupError(err, 'getaddrinfo', this.hostname));
    return;
  }
  stopPerf(this, { addresses });
  this.resolve({ address: addresses[0], family: this.family || isIP(addresses[0]) });
}

function onlookupall(err, addresses) {
  if (err) {
    this.reject(lookupError(err, 'getaddrinfo', this.hostname));
    return;
  }
  const family = this.family;
  const entries = addresses.map((address) => ({ address, family: family || isIP(address) }));
  stopPerf(this, { addresses: entries });
  this.resolve(entries);
}

function lookupService(address, port) {
  if (arguments.length !== 2) throw new ERR_MISSING_ARGS('address', 'port');
  port = validateLookupService(address, port);
  return new Promise((resolve, reject) => {
    const req = new cares.GetNameInfoReqWrap();
    req.hostname = address;
    req.port = port;
    req.oncomplete = onlookupservice;
    req.resolve = resolve;
    req.reject = reject;
    startPerf(req, 'lookupService', { host: address, port });
    const err = cares.getnameinfo(req, address, port);
    if (err) reject(new DNSException(err, 'getnameinfo', address));
  });
}

function onlookupservice(err, hostname, service) {
  if (err) {
    this.reject(lookupError(err, 'getnameinfo', this.hostname));
    return;
  }
  stopPerf(this, { hostname, service });
  this.resolve({ hostname, service });
}

function resolver(rrtype) {
  return function query(name, options) {
    validateString(name, 'name');
    const ttl = !!(options && options.ttl);
    const ascii = toASCII(name);
    return queryOn(this, (channel) => cares.channelQuery(channel, rrtype, ascii, ttl),
                   syscallOf(rrtype), name, ttl);
  };
}

class Resolver extends ResolverBase {}
defineResolveMethods(Resolver.prototype, resolver);

Resolver.prototype.reverse = function reverse(ip) {
  validateString(ip, 'ip');
  return queryOn(this, (channel) => cares.channelReverse(channel, ip), 'getHostByAddr', ip);
};

Resolver.prototype.resolve = function resolve(hostname, rrtype) {
  let method;
  if (rrtype === undefined) {
    method = this.resolve4;
  } else if (typeof rrtype === 'string') {
    if (resolveMethods[rrtype] === undefined) throw new ERR_INVALID_ARG_VALUE('rrtype', rrtype);
    method = resolver(rrtype);
  } else {
    throw new ERR_INVALID_ARG_TYPE('rrtype', 'string', rrtype);
  }
  return method.call(this, hostname);
};

function defaultResolver() {
  return getDefaultResolver(require('dns').Resolver);
}

module.exports = {
  lookup,
  lookupService,
  Resolver,
  getDefaultResultOrder,
  setDefaultResultOrder,
  setServers(servers) { setDefaultResolverServers(require('dns').Resolver, servers); },
  getServers() { return defaultResolver().getServers(); },
  ...defaultResolverFunctions(Resolver.prototype, defaultResolver),
  ADDRCONFIG,
  ALL,
  V4MAPPED,
  ...errorCodes,
};
