// Per-call cost of the hot native calls, as millions of calls per second (higher is better):
// process.hrtime(), buf.indexOf(byte), Buffer.byteLength of 100 characters (one-byte and
// two-byte). Runs unchanged under oxnode, node, deno and bun.
const now = typeof performance === 'object' ? () => performance.now() : () => Date.now();
const MIN_TIME_MS = 300;
const BATCH = 100000;

function measure(name, fn) {
  let sink = 0;
  for (let i = 0; i < BATCH; i++) sink += fn(); // warm-up, lets the JIT optimise the call
  let calls = 0;
  const start = now();
  let elapsed = 0;
  while (elapsed < MIN_TIME_MS) {
    for (let i = 0; i < BATCH; i++) sink += fn();
    calls += BATCH;
    elapsed = now() - start;
  }
  if (sink === -1) console.log('unreachable');
  console.log(`${name} ${(calls / elapsed / 1000).toFixed(2)}`);
}

const buf = Buffer.from('hello world, this is a buffer to search in for a byte');
const oneByte = 'a'.repeat(90) + 'é'.repeat(10);
const twoByte = 'a'.repeat(90) + '€'.repeat(10);
measure('hrtime', () => process.hrtime()[1]);
measure('indexOf-byte', () => buf.indexOf(110));
measure('byteLength-latin1-100', () => Buffer.byteLength(oneByte));
measure('byteLength-utf16-100', () => Buffer.byteLength(twoByte));
