// Buffer encoding throughput: Buffer.from(string, enc) and buf.toString(enc) on ~1 MiB for
// utf8, base64 and hex. Runs unchanged under oxnode, node, deno and bun; prints one
// `name ops/s` line per case (higher is better).

// Buffer is a global in all four runtimes (Deno runs this file as a module, without require).
const now = typeof performance === 'object' ? () => performance.now() : () => Date.now();

const SIZE = 1 << 20;
const MIN_TIME_MS = 300;

const bytes = Buffer.alloc(SIZE);
for (let i = 0; i < SIZE; i++) bytes[i] = (i * 7 + (i >> 5)) & 0xff;
// Text with some non-ASCII so utf8 is not just a copy: ~1 MiB as UTF-8.
const text = 'hello wörld, ünïcödé — 😀 '.repeat(Math.ceil(SIZE / 34)).slice(0, SIZE * 0.9);

const inputs = {
  utf8: { string: text, buffer: Buffer.from(text, 'utf8') },
  base64: { string: bytes.toString('base64'), buffer: bytes },
  hex: { string: bytes.toString('hex'), buffer: bytes },
};

function measure(name, fn) {
  let sink = 0;
  for (let i = 0; i < 3; i++) sink += fn().length; // warm-up
  let runs = 0;
  const start = now();
  let elapsed = 0;
  while (elapsed < MIN_TIME_MS) {
    sink += fn().length;
    runs++;
    elapsed = now() - start;
  }
  if (sink < 0) console.log('unreachable');
  console.log(`${name} ${(runs * 1000 / elapsed).toFixed(1)}`);
}

for (const encoding of Object.keys(inputs)) {
  const { string, buffer } = inputs[encoding];
  measure(`from-${encoding}`, () => Buffer.from(string, encoding));
  measure(`toString-${encoding}`, () => buffer.toString(encoding));
}
