'use strict';
// fetch(): builds a Request, then fetches it over the 'http'/'https' client with one
// keep-alive Agent per scheme (each pools its connections per origin, so connections are
// reused across calls), or answers data: URLs itself. Follows redirects as the Fetch
// standard says (at most 20; 301/302 POST and 303 become GET without a body), honours the
// request's AbortSignal at every stage, and streams the response body as a byte
// ReadableStream that pauses the socket while its queue is full. Failures reject with
// Node's `TypeError: fetch failed` carrying the underlying error as `cause`.

const { Request, requestState } = require('internal/fetch/request');
const { createResponse, nullBodyStatuses, redirectStatuses } =
  require('internal/fetch/response');
const { HeaderList } = require('internal/fetch/headers');
const { extractBody, bodyFromBytes, bodyFromStream, bodyStream } =
  require('internal/fetch/body');
const { processDataURL } = require('internal/fetch/data_url');
// The internal timers: fake timers installed over the globals must not touch fetch's own.
const { Timeout, clearTimeout } = require('internal/timers');

// Ports the Fetch standard refuses to connect to ("bad ports").
const badPorts = new Set([
  0, 1, 7, 9, 11, 13, 15, 17, 19, 20, 21, 22, 23, 25, 37, 42, 43, 53, 69, 77, 79, 87, 95, 101,
  102, 103, 104, 109, 110, 111, 113, 115, 117, 119, 123, 135, 137, 139, 143, 161, 179, 389,
  427, 465, 512, 513, 514, 515, 526, 530, 531, 532, 540, 548, 554, 556, 563, 587, 601, 636,
  989, 990, 993, 995, 1719, 1720, 1723, 2049, 3659, 4045, 4190, 5060, 5061, 6000, 6566, 6665,
  6666, 6667, 6668, 6669, 6679, 6697, 10080,
]);
const maxRedirects = 20;
// Request headers that must not follow a redirect to another origin.
const crossOriginDroppedHeaders = ['authorization', 'proxy-authorization', 'cookie', 'host'];
// Headers describing a body that a redirect turned GET no longer has.
const bodyHeaders = ['content-encoding', 'content-language', 'content-location',
                     'content-type', 'content-length'];
// Idle connections close a little before a typical server's 5 s keep-alive timeout.
const keepAliveTimeout = 4000;
// How long a response head, and then each piece of the body, may take (Node's 300 s).
const headersTimeout = 300e3;
const bodyTimeout = 300e3;

// A timer that does not keep the process alive (the request's socket does that).
function unrefTimer(callback, ms) {
  return new Timeout(callback, ms, undefined, false, false);
}

/** A network error, as Node's fetch reports one. */
function fetchFailed(cause) {
  return new TypeError('fetch failed', { cause });
}

const agents = { __proto__: null };
function agentFor(protocol) {
  if (agents[protocol] === undefined) {
    const mod = protocol === 'https:' ? require('https') : require('http');
    agents[protocol] = new mod.Agent({ keepAlive: true, timeout: keepAliveTimeout });
  }
  return agents[protocol];
}

// zlib is optional: without it bodies are handed over as the server encoded them and no
// Accept-Encoding is offered, so servers have no reason to compress.
let zlib;
function lazyZlib() {
  if (zlib === undefined) {
    try {
      zlib = require('zlib');
    } catch {
      zlib = null;
    }
  }
  return zlib;
}

/** The fetch() method. */
function fetch(input, init = undefined) {
  let request;
  try {
    request = new Request(input, init);
  } catch (err) {
    return Promise.reject(err);
  }
  const state = requestState(request);
  const signal = request.signal;
  if (signal.aborted) {
    cancelBody(state.body, signal.reason);
    return Promise.reject(signal.reason);
  }
  const { promise, resolve, reject } = Promise.withResolvers();
  // Shared with the stages below: what to undo when the signal fires, and when to stop
  // listening to it (once the response body is done).
  const ctx = { aborted: false, onAbort: null, finish: null };
  let settled = false;
  const onAbort = () => {
    ctx.aborted = true;
    if (!settled) {
      settled = true;
      reject(signal.reason);
    }
    ctx.onAbort?.(signal.reason);
  };
  signal.addEventListener('abort', onAbort, { once: true });
  ctx.finish = () => signal.removeEventListener('abort', onAbort);
  fetchWithRedirects(state, ctx).then((response) => {
    if (settled) {
      // Aborted while the response was on its way: nobody will read it.
      ctx.finish();
      response?.body?.cancel().catch(() => {});
      return;
    }
    settled = true;
    resolve(response);
  }, (err) => {
    ctx.finish();
    if (settled) return;
    settled = true;
    reject(err);
  });
  return promise;
}

function cancelBody(body, reason) {
  if (body !== null && body.stream !== null && !body.stream.locked) {
    body.stream.cancel(reason).catch(() => {});
  }
}

// The main fetch and HTTP-redirect fetch steps, iterated over the redirect chain.
async function fetchWithRedirects(state, ctx) {
  const { URL } = require('internal/url');
  const urlList = [state.url];
  let method = state.method;
  const headers = state.headers.clone();
  let body = state.body;
  for (;;) {
    // An abort between two hops has already rejected fetch(): stop here.
    if (ctx.aborted) return null;
    const url = new URL(urlList[urlList.length - 1]);
    if (url.protocol === 'data:') {
      ctx.finish();
      return fetchDataURL(url, urlList);
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') {
      ctx.finish();
      if (url.protocol === 'file:') throw fetchFailed(new Error('not implemented... yet...'));
      if (url.protocol === 'blob:' || url.protocol === 'about:') {
        throw fetchFailed(new Error('invalid method'));
      }
      throw fetchFailed(new Error('unknown scheme'));
    }
    const port = url.port === '' ? (url.protocol === 'https:' ? 443 : 80) : Number(url.port);
    if (badPorts.has(port)) {
      ctx.finish();
      throw fetchFailed(new Error('bad port'));
    }

    const res = await sendRequest(url, method, headers, body, ctx);
    const status = res.statusCode;
    const location = redirectStatuses.has(status) ? res.headers.location : undefined;
    if (location === undefined || state.redirect === 'manual') {
      // Node's fetch runs in CORS mode: a response from another origin than the first
      // URL's is a "cors" one.
      const type = url.origin === new URL(urlList[0]).origin ? 'basic' : 'cors';
      return makeResponse(res, method, urlList, type, ctx);
    }
    // A redirect to follow (or refuse): its own body is of no use.
    res.resume();
    if (state.redirect === 'error') throw fetchFailed(new Error('unexpected redirect'));
    let next;
    try {
      next = new URL(location, url);
    } catch (err) {
      throw fetchFailed(err);
    }
    if (next.hash === '' && url.hash !== '') next.hash = url.hash;
    if (next.protocol !== 'http:' && next.protocol !== 'https:') {
      throw fetchFailed(new Error('URL scheme must be a HTTP(S) scheme'));
    }
    if (urlList.length > maxRedirects) throw fetchFailed(new Error('redirect count exceeded'));
    if (next.username !== '' || next.password !== '') {
      throw fetchFailed(new Error('URL cannot contain credentials'));
    }
    if (status !== 303 && body !== null && body.source === null) {
      // A stream body cannot be sent twice; Node's error carries no message here.
      throw fetchFailed(new Error());
    }
    if (((status === 301 || status === 302) && method === 'POST') ||
        (status === 303 && method !== 'GET' && method !== 'HEAD')) {
      method = 'GET';
      body = null;
      for (const name of bodyHeaders) headers.delete(name);
    }
    if (next.origin !== url.origin) {
      for (const name of crossOriginDroppedHeaders) headers.delete(name);
    }
    // A replayable body is extracted again from its source for the next hop.
    if (body !== null) body = extractBody(body.source).body;
    urlList.push(next.href);
  }
}

function fetchDataURL(url, urlList) {
  const result = processDataURL(url);
  if (result === null) throw fetchFailed(new Error('invalid data: URL'));
  const headers = new HeaderList();
  headers.append('Content-Type', result.mimeType);
  return createResponse({
    type: 'basic', status: 200, statusText: 'OK', headers, urlList,
    body: bodyFromBytes(result.body),
  }, 'immutable');
}

// An error of the HTTP client layer, named and coded as Node's fetch names them.
function clientError(name, message, code) {
  const err = new Error(message);
  err.name = name;
  err.code = code;
  return err;
}

// The headers on the wire: the request's own (as given, in order), then the defaults
// Node's fetch adds, each only when the request does not set it.
function wireHeaders(url, method, headers, body) {
  const out = { host: url.host, connection: 'keep-alive' };
  for (const [key, entry] of headers.map) {
    switch (key) {
      // Framing and the target are the client's business: the request's values are not
      // sent, as in Node.
      case 'host':
      case 'content-length':
        break;
      case 'connection': {
        const value = entry.value.toLowerCase();
        if (value !== 'close' && value !== 'keep-alive') {
          throw clientError('InvalidArgumentError', 'invalid connection header',
                            'UND_ERR_INVALID_ARG');
        }
        out.connection = value;
        break;
      }
      case 'transfer-encoding':
      case 'keep-alive':
      case 'upgrade':
        throw clientError('InvalidArgumentError', `invalid ${key} header`,
                          'UND_ERR_INVALID_ARG');
      case 'expect':
        throw clientError('NotSupportedError', 'expect header not supported',
                          'UND_ERR_NOT_SUPPORTED');
      default:
        out[entry.name] = entry.value;
    }
  }
  if (!headers.has('accept')) out.accept = '*/*';
  if (!headers.has('accept-language')) out['accept-language'] = '*';
  if (!headers.has('sec-fetch-mode')) out['sec-fetch-mode'] = 'cors';
  if (!headers.has('user-agent')) out['user-agent'] = 'node';
  if (!headers.has('accept-encoding') && lazyZlib() !== null) {
    out['accept-encoding'] = 'gzip, deflate';
  }
  if (body === null) {
    if (method === 'POST' || method === 'PUT') out['content-length'] = '0';
  } else if (body.length !== null) {
    out['content-length'] = `${body.length}`;
  } else {
    out['transfer-encoding'] = 'chunked';
  }
  return out;
}

// Sends one request; resolves with the IncomingMessage once its head arrives.
function sendRequest(url, method, headers, body, ctx) {
  return new Promise((resolve, reject) => {
    const mod = url.protocol === 'https:' ? require('https') : require('http');
    let req;
    try {
      req = mod.request({
        protocol: url.protocol,
        hostname: url.hostname.startsWith('[') ? url.hostname.slice(1, -1) : url.hostname,
        port: url.port,
        path: `${url.pathname}${url.search}`,
        method,
        headers: wireHeaders(url, method, headers, body),
        setHost: false,
        agent: agentFor(url.protocol),
      });
    } catch (err) {
      reject(fetchFailed(err));
      return;
    }
    const timer = unrefTimer(() => {
      reject(fetchFailed(clientError('HeadersTimeoutError', 'Headers Timeout Error',
                                     'UND_ERR_HEADERS_TIMEOUT')));
      req.destroy();
    }, headersTimeout);
    ctx.onAbort = (reason) => {
      clearTimeout(timer);
      req.destroy();
      cancelBody(body, reason);
      reject(reason);
    };
    req.once('response', (res) => {
      clearTimeout(timer);
      ctx.onAbort = null;
      resolve(res);
    });
    req.once('error', (err) => {
      clearTimeout(timer);
      if (!ctx.aborted) reject(fetchFailed(err));
    });
    writeBody(req, body).catch((err) => {
      req.destroy();
      reject(fetchFailed(err));
    });
  });
}

// Writes the request body: known bytes in one go, streams chunk by chunk as the socket
// drains.
async function writeBody(req, body) {
  if (body === null) {
    req.end();
    return;
  }
  if (body.stream === null) {
    body.used = true;
    req.end(body.bytes);
    return;
  }
  const reader = bodyStream(body).getReader();
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    if (!(value instanceof Uint8Array)) throw new TypeError('Received non-Uint8Array chunk');
    if (req.destroyed) {
      reader.cancel().catch(() => {});
      return;
    }
    if (!req.write(value)) {
      await new Promise((resolve) => {
        const done = () => {
          req.off('drain', done);
          req.off('close', done);
          resolve();
        };
        req.on('drain', done);
        req.on('close', done);
      });
    }
  }
  req.end();
}

// The decoders for a Content-Encoding header, outermost last, or null to pass the bytes
// through as they are.
function contentDecoders(res) {
  const header = res.headers['content-encoding'];
  if (header === undefined) return null;
  const z = lazyZlib();
  if (z === null) return null;
  const codings = header.toLowerCase().split(',').map((c) => c.trim()).filter(Boolean);
  const decoders = [];
  for (let i = codings.length - 1; i >= 0; i--) {
    const coding = codings[i];
    if (coding === 'gzip' || coding === 'x-gzip') {
      decoders.push(z.createGunzip({ flush: z.constants.Z_SYNC_FLUSH,
                                     finishFlush: z.constants.Z_SYNC_FLUSH }));
    } else if (coding === 'deflate') {
      decoders.push(z.createInflate({ flush: z.constants.Z_SYNC_FLUSH,
                                      finishFlush: z.constants.Z_SYNC_FLUSH }));
    } else if (coding === 'br') {
      decoders.push(z.createBrotliDecompress({
        flush: z.constants.BROTLI_OPERATION_FLUSH,
        finishFlush: z.constants.BROTLI_OPERATION_FLUSH,
      }));
    } else {
      // An unknown coding: the body is left encoded, as the standard says.
      return null;
    }
  }
  return decoders.length === 0 ? null : decoders;
}

// Wraps the IncomingMessage as a Response whose body streams with backpressure.
function makeResponse(res, method, urlList, type, ctx) {
  // Names are lower-cased, as Node's fetch shows them.
  const headers = new HeaderList();
  const raw = res.rawHeaders;
  for (let i = 0; i + 1 < raw.length; i += 2) headers.append(raw[i].toLowerCase(), raw[i + 1]);
  const status = res.statusCode;
  let body = null;
  if (method === 'HEAD' || method === 'CONNECT' || nullBodyStatuses.has(status)) {
    res.resume();
    ctx.finish();
  } else {
    const decoders = redirectStatuses.has(status) ? null : contentDecoders(res);
    let source = res;
    if (decoders !== null) {
      for (const decoder of decoders) {
        source.on('error', (err) => decoder.destroy(err));
        source = source.pipe(decoder);
      }
    }
    const length = decoders === null && res.headers['content-length'] !== undefined ?
      Number(res.headers['content-length']) : null;
    body = bodyFromStream(networkStream(res, source, ctx), length);
  }
  return createResponse({
    type,
    status,
    statusText: res.statusMessage ?? '',
    headers,
    urlList,
    body,
  }, 'immutable');
}

function socketClosedError() {
  const err = new Error('other side closed');
  err.name = 'SocketError';
  err.code = 'UND_ERR_SOCKET';
  return err;
}

// The byte stream of a response body. Chunks are copied (a byte stream takes over the
// buffer it is given, and socket chunks may share one); the source pauses whenever the
// queue reaches its high-water mark and resumes when the reader pulls.
function networkStream(res, source, ctx) {
  const { ReadableStream } = require('internal/webstreams/readablestream');
  let finished = false;
  let controller;
  // Runs only while the body flows: a reader that stops reading is not a slow server.
  let timer = null;
  const stopTimer = () => {
    if (timer !== null) clearTimeout(timer);
    timer = null;
  };
  const startTimer = () => {
    stopTimer();
    timer = unrefTimer(() => {
      fail(new TypeError('terminated', {
        cause: clientError('BodyTimeoutError', 'Body Timeout Error', 'UND_ERR_BODY_TIMEOUT'),
      }));
      res.destroy();
    }, bodyTimeout);
  };
  const finish = () => {
    finished = true;
    stopTimer();
    ctx.finish();
    ctx.onAbort = null;
  };
  const fail = (err) => {
    if (finished) return;
    finish();
    try {
      controller.error(err);
    } catch {
      // Already closed or errored.
    }
  };
  return new ReadableStream({
    type: 'bytes',
    start(c) {
      controller = c;
      source.pause();
      source.on('data', (chunk) => {
        if (finished) return;
        controller.enqueue(new Uint8Array(chunk));
        if (controller.desiredSize <= 0) {
          source.pause();
          stopTimer();
        } else {
          startTimer();
        }
      });
      source.on('end', () => {
        if (finished) return;
        finish();
        controller.close();
        controller.byobRequest?.respond(0);
      });
      if (source !== res) {
        source.on('error', (err) => fail(new TypeError('terminated', { cause: err })));
      }
      // The connection ending before the body did is reported as Node's fetch does.
      const closed = () => fail(new TypeError('terminated', { cause: socketClosedError() }));
      res.on('error', closed);
      res.on('close', () => {
        if (!res.complete) closed();
      });
      ctx.onAbort = (reason) => {
        fail(reason);
        res.destroy();
      };
    },
    pull() {
      if (finished) return;
      startTimer();
      source.resume();
    },
    cancel() {
      finish();
      res.destroy();
    },
  }, { highWaterMark: 65536 });
}

module.exports = { fetch };
