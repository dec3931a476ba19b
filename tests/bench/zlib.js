// node:zlib throughput on 4 MiB of text-like data, as `case value` lines in MB/s of input
// (higher is better), unchanged under oxnode, node, deno and bun: gzip at levels 6 and 1,
// gunzip, brotli (quality 4, a typical on-the-fly setting) and brotli decompression.
// getBuiltinModule, not require: Deno runs this file as an ES module.
const zlib = process.getBuiltinModule('node:zlib');
const now = typeof performance === 'object' ? () => performance.now() : () => Date.now();

const MIN_TIME_MS = 500;
const SIZE = 4 << 20;

// Compressible, not trivial: words drawn from a small vocabulary with a fixed LCG.
const words = ['request', 'header', 'content', 'length', 'json', 'value', 'server', 'client',
  'stream', 'buffer', '{', '}', '"id":', '12345', 'true', 'null', 'event', 'loop'];
let seed = 12345;
const parts = [];
let size = 0;
while (size < SIZE) {
  seed = (seed * 1103515245 + 12345) & 0x7fffffff;
  const word = words[seed % words.length];
  parts.push(word);
  size += word.length + 1;
}
const data = Buffer.from(parts.join(' ')).subarray(0, SIZE);

function measure(name, inputBytes, fn) {
  fn();
  let runs = 0;
  const start = now();
  let elapsed = 0;
  while (elapsed < MIN_TIME_MS) {
    fn();
    runs++;
    elapsed = now() - start;
  }
  console.log(`${name} ${(runs * inputBytes / 1e6 * 1000 / elapsed).toFixed(1)}`);
}

measure('gzip-6-MB/s', data.length, () => zlib.gzipSync(data, { level: 6 }));
measure('gzip-1-MB/s', data.length, () => zlib.gzipSync(data, { level: 1 }));
const gzipped = zlib.gzipSync(data);
measure('gunzip-MB/s', data.length, () => zlib.gunzipSync(gzipped));
const brotliOptions = { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 4 } };
measure('brotli-4-MB/s', data.length, () => zlib.brotliCompressSync(data, brotliOptions));
const brotlied = zlib.brotliCompressSync(data, brotliOptions);
measure('unbrotli-MB/s', data.length, () => zlib.brotliDecompressSync(brotlied));
