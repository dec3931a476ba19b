'use strict';

// internal/http: what the http client and server share beyond _http_common — the
// symbols of an outgoing message's header map and drain state, the cached `Date`
// header value, and the proxy settings read from the environment (HTTP_PROXY,
// HTTPS_PROXY, NO_PROXY) that the agent and the client consult.

const { Buffer } = require('buffer');
const { isIPv4 } = require('internal/net');
const { URL } = require('internal/url');
const { getOptionValue } = require('internal/options');
const { ERR_PROXY_INVALID_CONFIG } = require('internal/errors').codes;

// --- the Date header ---------------------------------------------------------------------

// Formatting a date for every response is measurable under load: the string is kept until
// the next second starts.
let utcCache;

/** The current time as an HTTP `Date` header value, e.g. `Mon, 07 Dec 2026 23:32:36 GMT`. */
function utcDate() {
  if (utcCache === undefined) {
    const now = new Date();
    utcCache = now.toUTCString();
    // Unref'd: a cached date must not keep the process alive.
    setTimeout(resetUtcCache, 1000 - now.getMilliseconds()).unref();
  }
  return utcCache;
}

function resetUtcCache() {
  utcCache = undefined;
}

// --- command-line options ---------------------------------------------------------------

/** `--max-http-header-size`: the default limit on a message's head (16 KiB). */
function maxHeaderSizeOption() {
  return getOptionValue('--max-http-header-size');
}

/** `--insecure-http-parser`: whether parsers are lenient unless told otherwise. */
function insecureHTTPParserOption() {
  return getOptionValue('--insecure-http-parser') === true;
}

// --- tracing ----------------------------------------------------------------------------

// oxnode has no trace-events sink: the http category is never enabled, and the
// begin/end markers are not recorded.
let lastTraceEventId = 0;

/** A fresh id for a pair of trace events. */
function getNextTraceEventId() {
  return ++lastTraceEventId;
}

/** Whether the `node.http` trace category is on: never, here. */
function isTraceHTTPEnabled() {
  return false;
}

/** Records the start of a traced http span (nothing to record to). */
function traceBegin() {}

/** Records the end of a traced http span (nothing to record to). */
function traceEnd() {}

/** Publishes per-request statistics to perf_hooks observers (none are kept for http). */
function emitStatistics() {}

// --- proxies from the environment ---------------------------------------------------------

function ipv4ToInteger(ip) {
  let value = 0;
  for (const octet of ip.split('.')) value = (value << 8) + Number.parseInt(octet, 10);
  return value >>> 0;
}

/**
 * A proxy an agent sends its requests through: where it is (`href`, `protocol`,
 * `proxyConnectionOptions`), the `Proxy-Authorization` value built from the URL's
 * credentials (`auth`), and the NO_PROXY entries that bypass it (`bypassList`).
 */
class ProxyConfig {
  constructor(proxyUrl, keepAlive, noProxyList) {
    let parsed;
    try {
      parsed = new URL(proxyUrl);
    } catch {
      throw new ERR_PROXY_INVALID_CONFIG(`Invalid proxy URL: ${proxyUrl}`);
    }
    const { hostname, port, protocol, username, password } = parsed;
    this.href = proxyUrl;
    this.protocol = protocol;
    if (username || password) {
      const credentials = `${decodeURIComponent(username)}:${decodeURIComponent(password)}`;
      this.auth = `Basic ${Buffer.from(credentials).toString('base64')}`;
    }
    this.bypassList = noProxyList ?
      noProxyList.split(',').map((entry) => entry.trim().toLowerCase()) : [];
    this.proxyConnectionOptions = {
      // A bracketed hostname is an IPv6 literal; net.connect wants it bare.
      host: hostname[0] === '[' ? hostname.slice(1, -1) : hostname,
      port: port ? Number(port) : (protocol === 'https:' ? 443 : 80),
    };
  }

  /** Whether a request to `hostname:port` goes through the proxy (curl's NO_PROXY rules). */
  shouldUseProxy(hostname, port) {
    if (this.bypassList.length === 0) return true;
    const host = hostname.toLowerCase();
    const hostWithPort = port ? `${host}:${port}` : host;
    for (const entry of this.bypassList) {
      if (entry === '*' || entry === host || entry === hostWithPort) return false;
      if (entry[0] === '.' && host.endsWith(entry.slice(1))) return false;
      if (entry.startsWith('*.') && host.endsWith(entry.slice(1))) return false;
      // An IPv4 range, `first-last`.
      if (entry.includes('-') && isIPv4(host)) {
        const [first, last] = entry.split('-').map((part) => part.trim());
        if (first && last && isIPv4(first) && isIPv4(last)) {
          const value = ipv4ToInteger(host);
          if (value >= ipv4ToInteger(first) && value <= ipv4ToInteger(last)) return false;
        }
      }
    }
    return true;
  }
}

/** The proxy URL the environment names for `protocol` (lower-case variables first), or null. */
function parseProxyUrl(env, protocol) {
  const proxyUrl = protocol === 'https:' ?
    (env.https_proxy || env.HTTPS_PROXY) : (env.http_proxy || env.HTTP_PROXY);
  if (!proxyUrl) return null;
  if (proxyUrl.includes('\r') || proxyUrl.includes('\n')) {
    throw new ERR_PROXY_INVALID_CONFIG(`Invalid proxy URL: ${proxyUrl}`);
  }
  return proxyUrl;
}

/** The ProxyConfig for requests of `protocol` under `env`, or null when there is none. */
function parseProxyConfigFromEnv(env, protocol, keepAlive) {
  if (protocol !== 'http:' && protocol !== 'https:') return null;
  const proxyUrl = parseProxyUrl(env, protocol);
  if (proxyUrl === null) return null;
  // Other proxy schemes are left to user land.
  if (!proxyUrl.startsWith('http://') && !proxyUrl.startsWith('https://')) return null;
  return new ProxyConfig(proxyUrl, keepAlive, env.no_proxy || env.NO_PROXY);
}

/** Whether a request with `reqOptions` is to be sent through `proxyConfig`. */
function checkShouldUseProxy(proxyConfig, reqOptions) {
  if (!proxyConfig) return false;
  // A Unix-domain socket can't be proxied.
  if (reqOptions.socketPath) return false;
  return proxyConfig.shouldUseProxy(reqOptions.host || 'localhost', reqOptions.port);
}

/** The proxy-related variables of `env`, and only those. */
function filterEnvForProxies(env) {
  return {
    __proto__: null,
    http_proxy: env.http_proxy,
    HTTP_PROXY: env.HTTP_PROXY,
    https_proxy: env.https_proxy,
    HTTPS_PROXY: env.HTTPS_PROXY,
    no_proxy: env.no_proxy,
    NO_PROXY: env.NO_PROXY,
  };
}

/** A global agent of class `Agent` that proxies as `proxyEnv` says. */
function getGlobalAgent(proxyEnv, Agent) {
  return new Agent({ keepAlive: true, scheduling: 'lifo', timeout: 5000, proxyEnv });
}

module.exports = {
  kOutHeaders: Symbol('kOutHeaders'),
  kNeedDrain: Symbol('kNeedDrain'),
  kProxyConfig: Symbol('kProxyConfig'),
  kWaitForProxyTunnel: Symbol('kWaitForProxyTunnel'),
  checkShouldUseProxy,
  emitStatistics,
  filterEnvForProxies,
  getGlobalAgent,
  getNextTraceEventId,
  insecureHTTPParserOption,
  isTraceHTTPEnabled,
  maxHeaderSizeOption,
  parseProxyConfigFromEnv,
  parseProxyUrl,
  traceBegin,
  traceEnd,
  utcDate,
};
