// Child processes, as `case value` lines (higher is better), unchanged under oxnode, node,
// deno and bun:
// - spawns/s: `true` with all three stdio piped, started, exited and closed; 8 at a time,
//   400 in all;
// - pipe-MB/s: 64 KiB writes to `cat` and read back from its stdout, 256 MiB in all.
// getBuiltinModule, not require: Deno runs this file as an ES module.
const { spawn } = process.getBuiltinModule('node:child_process');
const now = typeof performance === 'object' ? () => performance.now() : () => Date.now();

async function spawnRate() {
  const total = 400;
  const parallel = 8;
  let started = 0;
  const start = now();
  await new Promise((resolve) => {
    let done = 0;
    const one = () => {
      if (started >= total) return;
      started++;
      const child = spawn('true');
      child.on('close', () => {
        if (++done === total) resolve();
        else one();
      });
    };
    for (let i = 0; i < parallel; i++) one();
  });
  const seconds = (now() - start) / 1000;
  console.log(`spawns/s ${(total / seconds).toFixed(0)}`);
}

async function pipeThroughput() {
  const chunk = Buffer.alloc(64 * 1024, 7);
  const total = 256 * 1024 * 1024;
  const start = now();
  await new Promise((resolve) => {
    const cat = spawn('cat');
    let sent = 0;
    let received = 0;
    const pump = () => {
      while (sent < total) {
        sent += chunk.length;
        if (!cat.stdin.write(chunk)) return cat.stdin.once('drain', pump);
      }
      cat.stdin.end();
    };
    cat.stdout.on('data', (d) => { received += d.length; });
    cat.on('close', () => {
      if (received !== total) throw new Error(`received ${received} of ${total}`);
      resolve();
    });
    pump();
  });
  const seconds = (now() - start) / 1000;
  console.log(`pipe-MB/s ${(total / 1048576 / seconds).toFixed(1)}`);
}

(async () => {
  await spawnRate();
  await pipeThroughput();
})();
