// TCP on loopback, as `case value` lines (higher is better), unchanged under oxnode, node,
// deno and bun:
// - echo-MB/s: 64 KiB writes through an echo server and back, 256 MiB in all;
// - connections/s: connect, exchange one byte, close; 50 at a time, 5,000 in all.
// getBuiltinModule, not require: Deno runs this file as an ES module.
const net = process.getBuiltinModule('node:net');
const now = typeof performance === 'object' ? () => performance.now() : () => Date.now();

function listen(onConnection) {
  return new Promise((resolve) => {
    const server = net.createServer(onConnection);
    server.listen(0, '127.0.0.1', () => resolve(server));
  });
}

async function echoThroughput() {
  const server = await listen((sock) => sock.pipe(sock));
  const chunk = Buffer.alloc(64 * 1024, 7);
  const total = 256 * 1024 * 1024;
  const start = now();
  await new Promise((resolve) => {
    const c = net.connect(server.address().port, '127.0.0.1');
    let sent = 0;
    let received = 0;
    const pump = () => {
      while (sent < total) {
        sent += chunk.length;
        if (!c.write(chunk)) return c.once('drain', pump);
      }
    };
    c.on('connect', pump);
    c.on('data', (d) => {
      received += d.length;
      if (received >= total) {
        c.destroy();
        resolve();
      }
    });
  });
  const seconds = (now() - start) / 1000;
  server.close();
  console.log(`echo-MB/s ${(total / 1048576 / seconds).toFixed(1)}`);
}

async function connectionRate() {
  const server = await listen((sock) => {
    sock.on('data', () => sock.end('y'));
  });
  const port = server.address().port;
  const total = 5000;
  const parallel = 50;
  let started = 0;
  const start = now();
  await new Promise((resolve) => {
    let done = 0;
    const one = () => {
      if (started >= total) return;
      started++;
      const c = net.connect(port, '127.0.0.1', () => c.write('x'));
      c.on('data', () => {});
      c.on('close', () => {
        if (++done === total) resolve();
        else one();
      });
    };
    for (let i = 0; i < parallel; i++) one();
  });
  const seconds = (now() - start) / 1000;
  server.close();
  console.log(`connections/s ${(total / seconds).toFixed(0)}`);
}

(async () => {
  await echoThroughput();
  await connectionRate();
})();
