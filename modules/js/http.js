'use strict';

// http: the public face of the HTTP/1 client and server, gathered from _http_agent,
// _http_client, _http_common, _http_incoming, _http_outgoing and _http_server.

const { validateInteger, validateObject } = require('internal/validators');
const httpAgent = require('_http_agent');
const { ClientRequest } = require('_http_client');
const { methods, parsers } = require('_http_common');
const { IncomingMessage } = require('_http_incoming');
const { validateHeaderName, validateHeaderValue, OutgoingMessage } = require('_http_outgoing');
const { _connectionListener, STATUS_CODES, Server, ServerResponse } = require('_http_server');
const { parseProxyUrl, getGlobalAgent, maxHeaderSizeOption } = require('internal/http');
const { ERR_PROXY_INVALID_CONFIG } = require('internal/errors').codes;

/** A new http.Server; `requestListener` handles its 'request' events. */
function createServer(opts, requestListener) {
  return new Server(opts, requestListener);
}

/** A new ClientRequest; the caller ends it. */
function request(url, options, cb) {
  return new ClientRequest(url, options, cb);
}

/** A GET request, ended at once. */
function get(url, options, cb) {
  const req = request(url, options, cb);
  req.end();
  return req;
}

/**
 * Routes http (and https) requests through the proxies `env` names (HTTP_PROXY,
 * HTTPS_PROXY, NO_PROXY) by replacing the global agents; returns a function that puts
 * the previous ones back. (fetch is not rerouted: oxnode's fetch has no dispatcher.)
 */
function setGlobalProxyFromEnv(env = process.env) {
  validateObject(env, 'proxyEnv');
  const httpProxy = parseProxyUrl(env, 'http:');
  const httpsProxy = parseProxyUrl(env, 'https:');
  if (!httpProxy && !httpsProxy) return () => {};
  if (httpProxy && !URL.canParse(httpProxy)) throw new ERR_PROXY_INVALID_CONFIG(httpProxy);
  if (httpsProxy && !URL.canParse(httpsProxy)) throw new ERR_PROXY_INVALID_CONFIG(httpsProxy);
  let originalHttpAgent;
  let originalHttpsAgent;
  if (httpProxy) {
    originalHttpAgent = module.exports.globalAgent;
    module.exports.globalAgent = getGlobalAgent(env, httpAgent.Agent);
  }
  if (httpsProxy && process.versions.openssl) {
    const https = require('https');
    originalHttpsAgent = https.globalAgent;
    https.globalAgent = getGlobalAgent(env, https.Agent);
  }
  return function restore() {
    if (originalHttpAgent) module.exports.globalAgent = originalHttpAgent;
    if (originalHttpsAgent) require('https').globalAgent = originalHttpsAgent;
  };
}

module.exports = {
  _connectionListener,
  METHODS: methods.toSorted(),
  STATUS_CODES,
  Agent: httpAgent.Agent,
  ClientRequest,
  IncomingMessage,
  OutgoingMessage,
  Server,
  ServerResponse,
  createServer,
  validateHeaderName,
  validateHeaderValue,
  get,
  request,
  setMaxIdleHTTPParsers(max) {
    validateInteger(max, 'max', 1);
    parsers.max = max;
  },
  setGlobalProxyFromEnv,
};

Object.defineProperty(module.exports, 'maxHeaderSize', {
  __proto__: null,
  configurable: true,
  enumerable: true,
  get() { return maxHeaderSizeOption(); },
});

Object.defineProperty(module.exports, 'globalAgent', {
  __proto__: null,
  configurable: true,
  enumerable: true,
  get() { return httpAgent.globalAgent; },
  set(value) { httpAgent.globalAgent = value; },
});

// The classes Node's http exports: the globals' own, there even when
// --no-experimental-websocket leaves the globals out.
const webSocketClasses = {
  WebSocket: () => require('internal/websocket/websocket').WebSocket,
  CloseEvent: () => require('internal/websocket/websocket').CloseEvent,
  MessageEvent: () => globalThis.MessageEvent,
};
for (const name of ['WebSocket', 'CloseEvent', 'MessageEvent']) {
  Object.defineProperty(module.exports, name, {
    __proto__: null,
    configurable: true,
    enumerable: true,
    get() { return webSocketClasses[name](); },
  });
}
