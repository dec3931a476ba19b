'use strict';
// node:dns/promises: the dns API returning promises (see dns.js for the callback forms).

const { isIP } = require('internal/net');
const { onComplete } = require('internal/async_ops');
const {
  ADDRCONFIG, V4MAPPED, ALL, ResolverBase, cares, errorCodes, getDefaultResolver, setDefaultResolverServers,
  getDefaultResultOrder, lookupOptions, resolveMethods, setDefaultResultOrder, toASCII,
  defaultResolverFunctions, defineResolveMethods, syscallOf,
  validateLookupService,
} = require('internal/dns/utils');
const {
  codes: { ERR_INVALID_ARG_TYPE, ERR_INVALID_ARG_VALUE, ERR_MISSING_ARGS },
} = require('internal/errors');
const { validateString } = require('internal/validators');

// A promise settled by async request `id`, its value mapped by `map`.
function settle(id, resourceType, map = (value) => value) {
  return new Promise((resolve, reject) => {
    onComplete(id, (err, value) => {
      if (err) reject(err);
      else resolve(map(value));
    }, resourceType);
  });
}

// A promise for a query on `resolver`'s channel.
function queryOn(resolver, start, syscall, hostname) {
  return new Promise((resolve, reject) => {
    resolver._handle.query(start, syscall, hostname, (err, value) => {
      if (err) reject(err);
      else resolve(value);
    });
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
  return settle(cares.getaddrinfo(hostname, family, hints, order), 'GetAddrInfoReqWrap',
                (list) => {
                  const entries = list.map(([address, fam]) => ({ address, family: fam }));
                  if (all) return entries;
                  return { address: entries[0].address, family: family || entries[0].family };
                });
}

function lookupService(address, port) {
  if (arguments.length !== 2) throw new ERR_MISSING_ARGS('address', 'port');
  port = validateLookupService(address, port);
  return settle(cares.getnameinfo(address, port), 'GetNameInfoReqWrap',
                ([hostname, service]) => ({ hostname, service }));
}

function resolver(rrtype) {
  return function query(name, options) {
    validateString(name, 'name');
    const ttl = !!(options && options.ttl);
    const ascii = toASCII(name);
    return queryOn(this, (channel) => cares.channelQuery(channel, rrtype, ascii, ttl),
                   syscallOf(rrtype), name);
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
