// node:crypto throughput, as `case value` lines (higher is better), unchanged under oxnode,
// node, deno and bun: hashes and HMAC over 1 MiB (MB/s), AES-256-GCM encryption of 1 MiB
// (MB/s), Ed25519 and RSA-2048 (PKCS#1 v1.5, SHA-256) signatures and verifications of a
// short message (ops/s), and PBKDF2-SHA256 at 10,000 iterations (ops/s).
// getBuiltinModule, not require: Deno runs this file as an ES module.
const crypto = process.getBuiltinModule('node:crypto');
const now = typeof performance === 'object' ? () => performance.now() : () => Date.now();

const MIN_TIME_MS = 300;
const MiB = 1 << 20;
const data = Buffer.alloc(MiB);
for (let i = 0; i < MiB; i++) data[i] = (i * 31 + (i >> 7)) & 0xff;

// Runs `fn` for at least MIN_TIME_MS after a warm-up; prints `name` with runs/s × `scale`.
function measure(name, scale, fn) {
  for (let i = 0; i < 3; i++) fn();
  let runs = 0;
  const start = now();
  let elapsed = 0;
  while (elapsed < MIN_TIME_MS) {
    fn();
    runs++;
    elapsed = now() - start;
  }
  console.log(`${name} ${(runs * 1000 / elapsed * scale).toFixed(1)}`);
}

const mbPerRun = MiB / 1e6;
for (const algorithm of ['sha256', 'sha1', 'md5']) {
  measure(`${algorithm}-MB/s`, mbPerRun, () => crypto.createHash(algorithm).update(data).digest());
}
measure('hmac-sha256-MB/s', mbPerRun,
        () => crypto.createHmac('sha256', 'a secret key').update(data).digest());

const aesKey = Buffer.alloc(32, 1);
const iv = Buffer.alloc(12, 2);
measure('aes-256-gcm-MB/s', mbPerRun, () => {
  const cipher = crypto.createCipheriv('aes-256-gcm', aesKey, iv);
  cipher.update(data);
  cipher.final();
  return cipher.getAuthTag();
});

const message = Buffer.from('a short message to sign, as a JWT or a TLS handshake would');
const ed = crypto.generateKeyPairSync('ed25519');
const edSignature = crypto.sign(null, message, ed.privateKey);
measure('ed25519-sign/s', 1, () => crypto.sign(null, message, ed.privateKey));
measure('ed25519-verify/s', 1, () => crypto.verify(null, message, ed.publicKey, edSignature));

const rsa = crypto.generateKeyPairSync('rsa', { modulusLength: 2048 });
const rsaSignature = crypto.sign('sha256', message, rsa.privateKey);
measure('rsa2048-sign/s', 1, () => crypto.sign('sha256', message, rsa.privateKey));
measure('rsa2048-verify/s', 1,
        () => crypto.verify('sha256', message, rsa.publicKey, rsaSignature));

measure('pbkdf2-sha256-10k/s', 1,
        () => crypto.pbkdf2Sync('password', 'salt', 10000, 32, 'sha256'));
