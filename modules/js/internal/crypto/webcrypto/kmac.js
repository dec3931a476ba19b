'use strict';
// Web Crypto KMAC128 / KMAC256 (Node 25's lib/internal/crypto/mac.js kmacGenerateKey and
// kmacSignVerify). The native hash ops have SHAKE but no cSHAKE with a function name and
// customization, so KMAC (NIST SP 800-185) runs here on a JS Keccak-f[1600].

const binding = internalBinding('crypto');
const { createSecretKey, makeCryptoKey, prepareSecretKey } = require('internal/crypto/keys');
const {
  hasAnyNotIn,
  jobPromise,
  lazyDOMException,
} = require('internal/crypto/webcrypto/util');
const { bytesOf, toArrayBuffer } = require('internal/crypto/webcrypto/keyutil');

// Keccak round constants, as [lo, hi] 32-bit halves.
const RC = new Uint32Array([
  0x00000001, 0x00000000, 0x00008082, 0x00000000, 0x0000808a, 0x80000000,
  0x80008000, 0x80000000, 0x0000808b, 0x00000000, 0x80000001, 0x00000000,
  0x80008081, 0x80000000, 0x00008009, 0x80000000, 0x0000008a, 0x00000000,
  0x00000088, 0x00000000, 0x80008009, 0x00000000, 0x8000000a, 0x00000000,
  0x8000808b, 0x00000000, 0x0000008b, 0x80000000, 0x00008089, 0x80000000,
  0x00008003, 0x80000000, 0x00008002, 0x80000000, 0x00000080, 0x80000000,
  0x0000800a, 0x00000000, 0x8000000a, 0x80000000, 0x80008081, 0x80000000,
  0x00008080, 0x80000000, 0x80000001, 0x00000000, 0x80008008, 0x80000000,
]);

// Rotation offsets by lane index x + 5y.
const ROT = [0, 1, 62, 28, 27, 36, 44, 6, 55, 20, 3, 10, 43, 25, 39, 41, 45, 15, 21, 8,
             18, 2, 61, 56, 14];
// pi: lane x + 5y moves to y + 5 * ((2x + 3y) mod 5).
const PI = [];
for (let x = 0; x < 5; x++) {
  for (let y = 0; y < 5; y++) PI[x + 5 * y] = y + 5 * ((2 * x + 3 * y) % 5);
}

// Keccak-f[1600] on 25 lanes held as 50 little-endian 32-bit halves.
function keccakF(s) {
  const c = new Uint32Array(10);
  const b = new Uint32Array(50);
  for (let round = 0; round < 24; round++) {
    // theta
    for (let x = 0; x < 5; x++) {
      c[2 * x] = s[2 * x] ^ s[2 * x + 10] ^ s[2 * x + 20] ^ s[2 * x + 30] ^ s[2 * x + 40];
      c[2 * x + 1] = s[2 * x + 1] ^ s[2 * x + 11] ^ s[2 * x + 21] ^ s[2 * x + 31] ^
        s[2 * x + 41];
    }
    for (let x = 0; x < 5; x++) {
      const x1 = (x + 1) % 5;
      const x4 = (x + 4) % 5;
      const lo1 = c[2 * x1];
      const hi1 = c[2 * x1 + 1];
      const dlo = c[2 * x4] ^ ((lo1 << 1) | (hi1 >>> 31));
      const dhi = c[2 * x4 + 1] ^ ((hi1 << 1) | (lo1 >>> 31));
      for (let y = 0; y < 25; y += 5) {
        s[2 * (x + y)] ^= dlo;
        s[2 * (x + y) + 1] ^= dhi;
      }
    }
    // rho and pi
    for (let i = 0; i < 25; i++) {
      let lo = s[2 * i];
      let hi = s[2 * i + 1];
      let n = ROT[i];
      if (n >= 32) {
        const t = lo; lo = hi; hi = t; n -= 32;
      }
      const j = PI[i];
      if (n === 0) {
        b[2 * j] = lo;
        b[2 * j + 1] = hi;
      } else {
        b[2 * j] = (lo << n) | (hi >>> (32 - n));
        b[2 * j + 1] = (hi << n) | (lo >>> (32 - n));
      }
    }
    // chi
    for (let y = 0; y < 25; y += 5) {
      for (let x = 0; x < 5; x++) {
        const i = 2 * (x + y);
        const i1 = 2 * (((x + 1) % 5) + y);
        const i2 = 2 * (((x + 2) % 5) + y);
        s[i] = b[i] ^ (~b[i1] & b[i2]);
        s[i + 1] = b[i + 1] ^ (~b[i1 + 1] & b[i2 + 1]);
      }
    }
    // iota
    s[0] ^= RC[2 * round];
    s[1] ^= RC[2 * round + 1];
  }
}

// Keccak[c] sponge over `input` with domain `suffix` (0x1f SHAKE, 0x04 cSHAKE),
// `rate` bytes a block, squeezing `outLen` bytes.
function keccak(input, rate, suffix, outLen) {
  const s = new Uint32Array(50);
  const s8 = new Uint8Array(s.buffer);
  const le = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;
  const idx = (i) => (le ? i : (i & ~3) | (3 - (i & 3)));
  let off = 0;
  for (; off + rate <= input.length; off += rate) {
    for (let i = 0; i < rate; i++) s8[idx(i)] ^= input[off + i];
    keccakF(s);
  }
  const rest = input.length - off;
  for (let i = 0; i < rest; i++) s8[idx(i)] ^= input[off + i];
  s8[idx(rest)] ^= suffix;
  s8[idx(rate - 1)] ^= 0x80;
  keccakF(s);
  const out = new Uint8Array(outLen);
  for (let o = 0; o < outLen;) {
    const n = Math.min(rate, outLen - o);
    for (let i = 0; i < n; i++) out[o + i] = s8[idx(i)];
    o += n;
    if (o < outLen) keccakF(s);
  }
  return out;
}

// SP 800-185 2.3.1: left_encode / right_encode of a non-negative integer.
function encodeInt(x, right) {
  const bytes = [];
  do {
    bytes.unshift(x % 256);
    x = Math.floor(x / 256);
  } while (x > 0);
  return right ? [...bytes, bytes.length] : [bytes.length, ...bytes];
}

function encodeString(s) {
  return [...encodeInt(s.length * 8, false), ...s];
}

function bytepad(parts, w) {
  const out = [...encodeInt(w, false)];
  for (const p of parts) for (let i = 0; i < p.length; i++) out.push(p[i]);
  while (out.length % w) out.push(0);
  return out;
}

const kKMAC = [0x4b, 0x4d, 0x41, 0x43];

// KMAC128/256(K, X, L, S) with L = outLen bytes.
function kmac(name, key, data, customization, outLen) {
  const rate = name === 'KMAC128' ? 168 : 136;
  const prefix = bytepad([encodeString(kKMAC), encodeString(customization)], rate);
  const keyBlock = bytepad([encodeString(key)], rate);
  const suffix = encodeInt(outLen * 8, true);
  const input = new Uint8Array(prefix.length + keyBlock.length + data.length + suffix.length);
  input.set(prefix, 0);
  input.set(keyBlock, prefix.length);
  input.set(data, prefix.length + keyBlock.length);
  input.set(suffix, prefix.length + keyBlock.length + data.length);
  return keccak(input, rate, 0x04, outLen);
}

async function kmacGenerateKey(algorithm, extractable, keyUsages) {
  const {
    name,
    length = { __proto__: null, KMAC128: 128, KMAC256: 256 }[name],
  } = algorithm;

  const usageSet = new Set(keyUsages);
  if (hasAnyNotIn(usageSet, ['sign', 'verify'])) {
    throw lazyDOMException(`Unsupported key usage for ${name} key`, 'SyntaxError');
  }

  let keyData;
  try {
    keyData = require('internal/crypto/random').randomBytes(length / 8);
  } catch (err) {
    throw lazyDOMException(
      `The operation failed for an operation-specific reason[${err.message}]`,
      { name: 'OperationError', cause: err });
  }

  return makeCryptoKey(createSecretKey(keyData), { name, length }, extractable,
                       Array.from(usageSet));
}

function kmacSignVerify(key, data, algorithm, signature) {
  return jobPromise(() => {
    const { kKeyObject } = require('internal/crypto/keys');
    const keyBytes = prepareSecretKey(key[kKeyObject]);
    const customization = algorithm.customization !== undefined ?
      bytesOf(algorithm.customization) : new Uint8Array(0);
    const mac = kmac(algorithm.name, keyBytes, bytesOf(data), customization,
                     algorithm.length / 8);
    if (signature === undefined) return toArrayBuffer(mac);
    const given = bytesOf(signature);
    return given.byteLength === mac.byteLength && binding.timingSafeEqual(given, mac);
  });
}

module.exports = {
  keccak,
  kmac,
  kmacGenerateKey,
  kmacSignVerify,
};
