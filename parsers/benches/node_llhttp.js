// Runs the inputs of benches/http.rs through Node's own llhttp binding (HTTPParser from
// _http_common), with callbacks doing about what the Rust bench handler does.
// Usage: node benches/node_llhttp.js  (BENCH_MS sets the time per case)
'use strict';
const { HTTPParser } = require('_http_common');

const get = 'GET /search?q=rust+http+parser&lang=en HTTP/1.1\r\n' +
  'Host: www.example.com\r\n' +
  'User-Agent: Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0\r\n' +
  'Accept: text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8\r\n' +
  'Accept-Language: en-US,en;q=0.5\r\n' +
  'Accept-Encoding: gzip, deflate, br, zstd\r\n' +
  'Connection: keep-alive\r\n' +
  'Referer: https://www.example.com/\r\n' +
  'Cookie: session=4f2a9c81e0b34d7f; theme=dark; _ga=GA1.2.1234567890.1700000000\r\n' +
  'Upgrade-Insecure-Requests: 1\r\n' +
  'Sec-Fetch-Dest: document\r\n' +
  'Sec-Fetch-Mode: navigate\r\n\r\n';
const post = 'POST /api/v1/items HTTP/1.1\r\n' +
  'Host: api.example.com\r\n' +
  'Content-Type: application/json\r\n' +
  'Content-Length: 46\r\n' +
  'Authorization: Bearer abcdef0123456789\r\n\r\n' +
  '{"name":"widget","qty":3,"tags":["a","b","c"]}';
const chunked = 'HTTP/1.1 200 OK\r\n' +
  'Content-Type: text/plain; charset=utf-8\r\n' +
  'Transfer-Encoding: chunked\r\n' +
  'Date: Mon, 01 Jan 2024 00:00:00 GMT\r\n' +
  'Server: oxnode\r\n\r\n' +
  '1a\r\nabcdefghijklmnopqrstuvwxyz\r\n' +
  '10\r\n0123456789abcdef\r\n' +
  '40\r\n0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef\r\n' +
  '0\r\n\r\n';
let pipelined = '';
for (let i = 0; i < 16; i++) {
  pipelined += `GET /item/${i} HTTP/1.1\r\nHost: example.com\r\nAccept: */*\r\nUser-Agent: bench/1.0\r\n\r\n`;
}

const cases = [
  ['browser GET (11 headers)', HTTPParser.REQUEST, get],
  ['small POST with body', HTTPParser.REQUEST, post],
  ['chunked response', HTTPParser.RESPONSE, chunked],
  ['pipelined batch of 16 GETs', HTTPParser.REQUEST, pipelined],
];

const budget = Number(process.env.BENCH_MS || 2000);
console.log(`Node ${process.version} llhttp ${process.versions.llhttp}`);
for (const [name, type, text] of cases) {
  const buf = Buffer.from(text, 'latin1');
  const parser = new HTTPParser();
  parser.initialize(type, {});
  let messages = 0;
  let headerBytes = 0;
  let bodyBytes = 0;
  parser[HTTPParser.kOnHeadersComplete] = (major, minor, headers, method, url) => {
    for (let i = 0; i < headers.length; i++) headerBytes += headers[i].length;
    return 0;
  };
  parser[HTTPParser.kOnBody] = (b) => { bodyBytes += b.length; };
  parser[HTTPParser.kOnMessageComplete] = () => { messages++; };
  for (let i = 0; i < 1000; i++) {
    const r = parser.execute(buf);
    if (r instanceof Error || r !== buf.length) throw new Error(`${name}: ${r}`);
  }
  messages = 0;
  let iters = 0;
  const start = process.hrtime.bigint();
  let elapsed = 0;
  while (elapsed < budget) {
    for (let i = 0; i < 1000; i++) parser.execute(buf);
    iters += 1000;
    elapsed = Number(process.hrtime.bigint() - start) / 1e6;
  }
  const secs = elapsed / 1000;
  console.log(`  ${name.padEnd(28)} ${(iters * buf.length / secs / 1e6).toFixed(1).padStart(8)} MB/s ` +
    `${(messages / secs).toFixed(0).padStart(12)} msg/s`);
}
