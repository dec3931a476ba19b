// The server half of `cargo xtask bench http`, unchanged under oxnode, node, deno and bun:
// `GET /` answers `Hello World`, `GET /1m` a 1 MiB body; prints `port N` once listening and
// serves until killed. The load comes from xtask, not from a runtime under test.
// getBuiltinModule, not require: Deno runs this file as an ES module.
const http = process.getBuiltinModule('node:http');

const big = Buffer.alloc(1024 * 1024, 'x');
const server = http.createServer((req, res) => {
  if (req.url === '/1m') {
    res.writeHead(200, { 'Content-Type': 'application/octet-stream' });
    res.end(big);
  } else {
    res.writeHead(200, { 'Content-Type': 'text/plain' });
    res.end('Hello World');
  }
});
server.keepAliveTimeout = 60000;
server.listen(0, '127.0.0.1', () => {
  console.log(`port ${server.address().port}`);
});
