// Node's side of io/benches/compress.rs: the same operations on the same file, same format.
'use strict';
const fs = require('fs');
const zlib = require('zlib');

const data = fs.readFileSync(process.argv[2]);

function best(runs, f) {
  let t = Infinity;
  let out;
  for (let i = 0; i < runs; i++) {
    const s = process.hrtime.bigint();
    out = f();
    t = Math.min(t, Number(process.hrtime.bigint() - s) / 1e9);
  }
  return [t, out];
}

function row(name, what, comp, decomp) {
  const [tc, z] = best(3, () => comp(data));
  const [td, back] = best(3, () => decomp(z));
  if (back.length !== data.length) throw new Error('length mismatch');
  const mb = data.length / (1 << 20);
  console.log(
    `${name.padEnd(12)} ${what.padEnd(10)} compress ${(mb / tc).toFixed(1).padStart(8)} MB/s   ` +
      `decompress ${(mb / td).toFixed(1).padStart(8)} MB/s   ratio ${(z.length / data.length).toFixed(3)}`,
  );
}

const name = `node ${process.version}`;
for (const level of [1, 6]) {
  row(name, `gzip -${level}`, (d) => zlib.gzipSync(d, { level }), (z) => zlib.gunzipSync(z));
}
const q5 = { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 5 } };
row(name, 'brotli q5', (d) => zlib.brotliCompressSync(d, q5), (z) => zlib.brotliDecompressSync(z));
if (typeof zlib.zstdCompressSync === 'function') {
  const l1 = { params: { [zlib.constants.ZSTD_c_compressionLevel]: 1 } };
  row(name, 'zstd -1', (d) => zlib.zstdCompressSync(d, l1), (z) => zlib.zstdDecompressSync(z));
}
