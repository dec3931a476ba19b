// fs.readFile / fs.writeFile throughput on a 16 MiB file, 20 iterations each, in the sync
// and the promise forms. Runs unchanged under oxnode, node, deno and bun; prints one
// `name MiB/s` line per case (higher is better). Compare runtimes by running it under each.

const fs = typeof require === 'function' ? require('fs') : process.getBuiltinModule('fs');
const now = typeof performance === 'object' ? () => performance.now() : () => Date.now();

const SIZE = 16 << 20;
const ITERATIONS = 20;
const tmp = process.env.TMPDIR || '/tmp';
const dir = fs.mkdtempSync(`${tmp}/fs-bench-`);
const file = `${dir}/data.bin`;
const data = Buffer.alloc(SIZE);
for (let i = 0; i < SIZE; i += 4096) data[i] = i & 0xff;

function report(name, elapsedMs) {
  console.log(`${name} ${(SIZE * ITERATIONS / (1 << 20) / (elapsedMs / 1000)).toFixed(0)}`);
}

function timeSync(name, fn) {
  fn(); // warm-up
  const start = now();
  for (let i = 0; i < ITERATIONS; i++) fn();
  report(name, now() - start);
}

async function timeAsync(name, fn) {
  await fn();
  const start = now();
  for (let i = 0; i < ITERATIONS; i++) await fn();
  report(name, now() - start);
}

(async () => {
  timeSync('writeFileSync', () => fs.writeFileSync(file, data));
  timeSync('readFileSync', () => {
    if (fs.readFileSync(file).length !== SIZE) throw new Error('short read');
  });
  await timeAsync('promises.writeFile', () => fs.promises.writeFile(file, data));
  await timeAsync('promises.readFile', async () => {
    if ((await fs.promises.readFile(file)).length !== SIZE) throw new Error('short read');
  });
  fs.rmSync(dir, { recursive: true });
})();
