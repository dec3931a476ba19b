'use strict';
// What dns and dns/promises share: argument validation as Node's, the default result order,
// the error codes, and the resolver base (a channel of internalBinding('cares_wrap'), one per
// Resolver, c-ares' ares_channel) with its servers and local addresses.

const { isIP } = require('internal/net');
const cares = internalBinding('cares_wrap');
const { onComplete } = require('internal/async_ops');
const {
  codes: {
    ERR_DNS_SET_SERVERS_FAILED, ERR_INVALID_ARG_TYPE, ERR_INVALID_ARG_VALUE, ERR_INVALID_IP_ADDRESS,
  },
} = require('internal/errors');
const {
  validateArray, validateBoolean, validateFunction, validateInt32, validateNumber, validateOneOf,
  validateString,
} = require('internal/validators');

// Node's shape of the binding's lookups, which Node's tests stub: getaddrinfo(req, hostname,
// family, hints, order) and getnameinfo(req, address, port) return 0 or an errno and later
// call req.oncomplete(err, ...), over this runtime's ops (a request settled through
// internal/async_ops with an error object or the answer). Installed once, before anything
// (dns, or internal/test/binding) hands the binding out.
const DNS_ORDER_VERBATIM = 0;
const DNS_ORDER_IPV4_FIRST = 1;
const DNS_ORDER_IPV6_FIRST = 2;
const orderNames = ['verbatim', 'ipv4first', 'ipv6first'];
const kNodeShaped = Symbol('kNodeShaped');
if (!cares[kNodeShaped]) {
  cares[kNodeShaped] = true;
  const getaddrinfoOp = cares.getaddrinfo;
  const getnameinfoOp = cares.getnameinfo;
  cares.GetAddrInfoReqWrap = class GetAddrInfoReqWrap {};
  cares.GetNameInfoReqWrap = class GetNameInfoReqWrap {};
  cares.DNS_ORDER_VERBATIM = DNS_ORDER_VERBATIM;
  cares.DNS_ORDER_IPV4_FIRST = DNS_ORDER_IPV4_FIRST;
  cares.DNS_ORDER_IPV6_FIRST = DNS_ORDER_IPV6_FIRST;
  cares.getaddrinfo = function getaddrinfo(req, hostname, family, hints, order) {
    const id = getaddrinfoOp(hostname, family, hints, orderNames[order] ?? 'verbatim');
    onComplete(id, (err, list) => {
      if (err) req.oncomplete(err);
      else req.oncomplete(0, list.map(([address]) => address));
    }, 'GetAddrInfoReqWrap');
    return 0;
  };
  cares.getnameinfo = function getnameinfo(req, address, port) {
    onComplete(getnameinfoOp(address, port), (err, result) => {
      if (err) req.oncomplete(err);
      else req.oncomplete(0, result[0], result[1]);
    }, 'GetNameInfoReqWrap');
    return 0;
  };
}

// 'dns' performance entries (Node's kPerfHooksDns*Context), made only while observed.
const kPerfDns = Symbol('kPerfDns');

function startPerf(target, name, detail) {
  const perf = require('internal/perf/performance');
  if (perf.hasObserver('dns')) perf.startPerf(target, kPerfDns, { type: 'dns', name, detail });
}

function startLookupPerf(req, hostname, family, hints, order) {
  startPerf(req, 'lookup', { hostname, family, hints, verbatim: order === 'verbatim', order });
}

function stopPerf(target, detail) {
  if (target[kPerfDns] === undefined) return;
  const perf = require('internal/perf/performance');
  if (perf.hasObserver('dns')) perf.stopPerf(target, kPerfDns, { detail });
}

// A failed lookup's error from the binding: Node's errno (a stub's, say), or the error the
// op already built.
function lookupError(err, syscall, hostname) {
  if (typeof err === 'object') return err;
  const { DNSException } = require('internal/errors');
  return new DNSException(err, syscall, hostname);
}

/** The binding's order constant for an order name. */
function orderConstant(order) {
  return order === 'ipv4first' ? DNS_ORDER_IPV4_FIRST :
    order === 'ipv6first' ? DNS_ORDER_IPV6_FIRST : DNS_ORDER_VERBATIM;
}

// getaddrinfo hints, Linux's values (Node exports them as dns.ADDRCONFIG etc.).
const ADDRCONFIG = 32;
const V4MAPPED = 8;
const ALL = 16;

const IANA_DNS_PORT = 53;
const validFamilies = [0, 4, 6];
const validOrders = ['verbatim', 'ipv4first', 'ipv6first'];

// Node's default, or what --dns-result-order says.
let defaultResultOrder = 'verbatim';
for (const arg of process.execArgv) {
  if (arg.startsWith('--dns-result-order=')) defaultResultOrder = arg.slice(arg.indexOf('=') + 1);
}

function getDefaultResultOrder() {
  return defaultResultOrder;
}

function setDefaultResultOrder(order) {
  validateOneOf(order, 'dnsOrder', validOrders);
  defaultResultOrder = order;
}

function validateHints(hints) {
  if ((hints & ~(ADDRCONFIG | ALL | V4MAPPED)) !== 0) {
    throw new ERR_INVALID_ARG_VALUE('hints', hints);
  }
}

// lookup()'s options, validated as Node does: { family, hints, all, order }.
// `callback` is checked where Node checks it (before options are read), when given.
function lookupOptions(options, callback, checkCallback) {
  let hints = 0;
  let family = 0;
  let all = false;
  let order = getDefaultResultOrder();
  if (typeof options === 'number') {
    if (checkCallback) validateFunction(callback, 'callback');
    validateOneOf(options, 'family', validFamilies);
    family = options;
  } else if (options !== undefined && options !== null && typeof options !== 'object') {
    if (checkCallback) validateFunction(callback, 'callback');
    throw new ERR_INVALID_ARG_TYPE('options', ['integer', 'object'], options);
  } else {
    if (checkCallback) validateFunction(callback, 'callback');
    if (options?.hints != null) {
      validateNumber(options.hints, 'options.hints');
      hints = options.hints >>> 0;
      validateHints(hints);
    }
    if (options?.family != null) {
      switch (options.family) {
        case 'IPv4': family = 4; break;
        case 'IPv6': family = 6; break;
        default:
          validateOneOf(options.family, 'options.family', validFamilies);
          family = options.family;
      }
    }
    if (options?.all != null) {
      validateBoolean(options.all, 'options.all');
      all = options.all;
    }
    if (options?.verbatim != null) {
      validateBoolean(options.verbatim, 'options.verbatim');
      order = options.verbatim ? 'verbatim' : 'ipv4first';
    }
    if (options?.order != null) {
      validateOneOf(options.order, 'options.order', validOrders);
      order = options.order;
    }
  }
  return { hints, family, all, order };
}

// lookupService()'s arguments.
function validateLookupService(address, port) {
  validateString(address, 'address');
  if (isIP(address) === 0) throw new ERR_INVALID_ARG_VALUE('address', address);
  require('internal/validators').validatePort(port);
  return +port;
}

// The resolveXxx method of each record type resolve(name, rrtype) takes, in Node's order.
const resolveMethods = {
  __proto__: null,
  ANY: 'resolveAny',
  A: 'resolve4',
  AAAA: 'resolve6',
  CAA: 'resolveCaa',
  CNAME: 'resolveCname',
  MX: 'resolveMx',
  NAPTR: 'resolveNaptr',
  NS: 'resolveNs',
  PTR: 'resolvePtr',
  SOA: 'resolveSoa',
  SRV: 'resolveSrv',
  TLSA: 'resolveTlsa',
  TXT: 'resolveTxt',
};

// The syscall of a record type's errors: queryA, queryAaaa, …
function syscallOf(rrtype) {
  return `query${rrtype[0]}${rrtype.slice(1).toLowerCase()}`;
}

// Puts one resolveXxx method per record type on a Resolver prototype.
function defineResolveMethods(proto, makeQuery) {
  for (const rrtype of Object.keys(resolveMethods)) {
    proto[resolveMethods[rrtype]] = makeQuery(rrtype);
  }
}

// dns.resolve*, dns.reverse and the rest at module level: a Resolver method called on the
// default resolver.
function defaultResolverFunctions(proto, defaultResolver) {
  const functions = {};
  for (const name of ['resolve', ...Object.values(resolveMethods), 'reverse']) {
    functions[name] = function(...args) {
      return proto[name].apply(defaultResolver(), args);
    };
  }
  return functions;
}

// `fn`'s util.promisify form is `name` of dns/promises, as Node's lookup and lookupService.
function promisifiesTo(fn, name) {
  Object.defineProperty(fn, Symbol.for('nodejs.util.promisify.custom'), {
    __proto__: null,
    configurable: true,
    enumerable: false,
    get() { return require('dns/promises')[name]; },
  });
}


// What `resolver._handle` is: Node's ChannelWrap, a channel id with the channel's calls, and
// the requests in flight on it (in the order they were made, for cancel()).
class ChannelWrap {
  constructor(timeout, tries, maxTimeout) {
    this.id = cares.channelNew(timeout, tries, maxTimeout);
    this.pending = new Map();
  }

  getServers() { return cares.channelGetServers(this.id); }
  setServers(servers) { cares.channelSetServers(this.id, servers); }
  setLocalAddress(ipv4, ipv6) { cares.channelSetLocalAddress(this.id, ipv4, ipv6); }

  // Starts a query; `settle(err, value)` runs once, on its answer or on cancel().
  query(start, syscall, hostname, settle, ttl = false) {
    const id = start(this.id);
    const request = { syscall, hostname, settle, done: false };
    this.pending.set(id, request);
    startPerf(request, syscall, { host: hostname, ttl });
    onComplete(id, (err, value) => {
      this.pending.delete(id);
      if (request.done) return;
      request.done = true;
      if (!err) stopPerf(request, { result: value });
      settle(err, value);
    }, 'QueryReqWrap');
  }

  // c-ares' ares_cancel: every query in flight fails with ECANCELLED, in the order made,
  // on the next turn of the loop.
  cancel() {
    const requests = [...this.pending.values()].filter((r) => !r.done);
    if (requests.length === 0) return;
    cares.channelCancel(this.id);
    for (const request of requests) request.done = true;
    // Nothing is pending once cancelled, whenever the backend's own answers come back.
    this.pending.clear();
    setImmediate(() => {
      for (const { syscall, hostname, settle } of requests) {
        settle(dnsException('ECANCELLED', syscall, hostname));
      }
    });
  }
}

// Node's DNSException for a c-ares code: `${syscall} ${code} ${hostname}`.
function dnsException(code, syscall, hostname) {
  const err = new Error(hostname ? `${syscall} ${code} ${hostname}` : `${syscall} ${code}`);
  err.errno = undefined;
  err.code = code;
  err.syscall = syscall;
  if (hostname) err.hostname = hostname;
  return err;
}

// The part of dns.Resolver and dns.promises.Resolver that is not about callbacks.
class ResolverBase {
  constructor(options = undefined) {
    const timeout = validateTimeout(options);
    const tries = validateTries(options);
    const maxTimeout = validateMaxTimeout(options);
    this._handle = new ChannelWrap(timeout, tries, maxTimeout);
  }

  cancel() {
    this._handle.cancel();
  }

  getServers() {
    return (this._handle.getServers() || []).map(([address, port]) => {
      if (!port || port === IANA_DNS_PORT) return address;
      return `${isIP(address) === 6 ? `[${address}]` : address}:${port}`;
    });
  }

  setServers(servers) {
    validateArray(servers, 'servers');
    const normalized = [];
    servers.forEach((server, index) => {
      validateString(server, `servers[${index}]`);
      normalized.push(normalizeServer(server));
    });
    if (this._handle.pending.size > 0) {
      throw new ERR_DNS_SET_SERVERS_FAILED('There are pending queries.', servers);
    }
    try {
      this._handle.setServers(normalized);
    } catch (err) {
      throw new ERR_DNS_SET_SERVERS_FAILED(err.message, servers);
    }
  }

  setLocalAddress(ipv4, ipv6) {
    validateString(ipv4, 'ipv4');
    if (ipv6 !== undefined) validateString(ipv6, 'ipv6');
    this._handle.setLocalAddress(ipv4, ipv6);
  }
}

// 'addr', 'addr:port', '[v6]' or '[v6]:port' → the same in canonical form, or
// ERR_INVALID_IP_ADDRESS.
function normalizeServer(server) {
  if (isIP(server) !== 0) return isIP(server) === 6 ? `[${server}]:${IANA_DNS_PORT}` : server;
  const bracketed = /^\[([^[\]]*)\](?::(\d+))?$/.exec(server);
  if (bracketed && isIP(bracketed[1]) !== 0) {
    const port = parseInt(bracketed[2], 10) || IANA_DNS_PORT;
    return `[${bracketed[1]}]:${port}`;
  }
  const split = /^(.+?)(?::(\d+))?$/.exec(server);
  if (split && isIP(split[1]) === 4) {
    const port = parseInt(split[2], 10) || IANA_DNS_PORT;
    return `${split[1]}:${port}`;
  }
  throw new ERR_INVALID_IP_ADDRESS(server);
}

function validateTimeout(options) {
  const { timeout = -1 } = { ...options };
  validateInt32(timeout, 'options.timeout', -1);
  return timeout;
}

function validateTries(options) {
  const { tries = 4 } = { ...options };
  validateInt32(tries, 'options.tries', 1);
  return tries;
}

function validateMaxTimeout(options) {
  const { maxTimeout = 0 } = { ...options };
  validateInt32(maxTimeout, 'options.maxTimeout', 0);
  return maxTimeout;
}

// The process-wide resolver dns.resolve*() use; dns.setServers() replaces it with a new
// one, so queries in flight on the old one don't stop it (as Node does).
let defaultResolver;
function getDefaultResolver(Resolver) {
  defaultResolver ??= new Resolver();
  return defaultResolver;
}

function setDefaultResolverServers(Resolver, servers) {
  const resolver = new Resolver();
  resolver.setServers(servers);
  defaultResolver = resolver;
}

// IDNA: names go to DNS in their ASCII form.
function toASCII(name) {
  return require('url').domainToASCII(name) || name;
}

const errorCodes = {
  NODATA: 'ENODATA',
  FORMERR: 'EFORMERR',
  SERVFAIL: 'ESERVFAIL',
  NOTFOUND: 'ENOTFOUND',
  NOTIMP: 'ENOTIMP',
  REFUSED: 'EREFUSED',
  BADQUERY: 'EBADQUERY',
  BADNAME: 'EBADNAME',
  BADFAMILY: 'EBADFAMILY',
  BADRESP: 'EBADRESP',
  CONNREFUSED: 'ECONNREFUSED',
  TIMEOUT: 'ETIMEOUT',
  EOF: 'EOF',
  FILE: 'EFILE',
  NOMEM: 'ENOMEM',
  DESTRUCTION: 'EDESTRUCTION',
  BADSTR: 'EBADSTR',
  BADFLAGS: 'EBADFLAGS',
  NONAME: 'ENONAME',
  BADHINTS: 'EBADHINTS',
  NOTINITIALIZED: 'ENOTINITIALIZED',
  LOADIPHLPAPI: 'ELOADIPHLPAPI',
  ADDRGETNETWORKPARAMS: 'EADDRGETNETWORKPARAMS',
  CANCELLED: 'ECANCELLED',
};

module.exports = {
  ADDRCONFIG, V4MAPPED, ALL,
  ResolverBase, cares, errorCodes, getDefaultResolver, getDefaultResultOrder,
  setDefaultResolverServers,
  defaultResolverFunctions, defineResolveMethods, lookupOptions, promisifiesTo, resolveMethods,
  setDefaultResultOrder, syscallOf, toASCII, validateLookupService, orderConstant,
  startPerf, startLookupPerf, stopPerf, lookupError,
};
