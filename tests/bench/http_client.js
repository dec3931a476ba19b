// The client half of `cargo xtask bench http`, as `case value` lines (higher is better),
// unchanged under oxnode, node, deno and bun. `OXNODE_BENCH_URL` names a keep-alive server
// that xtask runs (none of the runtimes), so only the clients differ:
// - client-req/s: `http.request` with a keep-alive agent, 16 requests in flight, 3 s;
// - fetch-req/s: `fetch`, 16 requests in flight, 3 s.
// getBuiltinModule, not require: Deno runs this file as an ES module.
const http = process.getBuiltinModule('node:http');
const url = new URL(process.env.OXNODE_BENCH_URL);
const now = typeof performance === 'object' ? () => performance.now() : () => Date.now();
const PARALLEL = 16;
const SECONDS = 3;

function get(agent) {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: url.hostname, port: url.port, path: '/', agent }, (res) => {
      res.on('data', () => {});
      res.on('end', resolve);
    });
    req.on('error', reject);
    req.end();
  });
}

async function rate(name, once) {
  const deadline = now() + SECONDS * 1000;
  let count = 0;
  const worker = async () => {
    while (now() < deadline) {
      await once();
      count++;
    }
  };
  const start = now();
  await Promise.all(Array.from({ length: PARALLEL }, worker));
  console.log(`${name} ${(count / ((now() - start) / 1000)).toFixed(1)}`);
}

async function main() {
  const agent = new http.Agent({ keepAlive: true, maxSockets: PARALLEL });
  await rate('client-req/s', () => get(agent));
  agent.destroy();
  // A runtime without a working fetch reports no fetch case rather than failing the bench.
  try {
    await rate('fetch-req/s', async () => {
      const res = await fetch(url);
      await res.arrayBuffer();
    });
  } catch (err) {
    console.error(`fetch-req/s skipped: ${err.message}`);
  }
}

main();
