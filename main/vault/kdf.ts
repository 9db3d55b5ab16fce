// Passphrase → key-wrapping key with scrypt (memory-hard, in node:crypto, no native add-on).
import { scrypt } from 'node:crypto';
import { CustodiaError } from '../../shared/errors/error-codes';

export interface KdfParams {
  alg: 'scrypt';
  /** CPU/memory cost, a power of two; memory is 128 · N · r bytes. */
  N: number;
  r: number;
  /** Run sequentially by Node: multiplies time, not memory. */
  p: number;
}

/**
 * 128 MiB and about 0.95 s on the reference 2-core machine (test/bench/vault-ingest.bench.ts): above the
 * 64 MiB / 0.5 s floor of T1 (test/README.md) with margin for faster CPUs. Stored per slot, so a later
 * release can raise it and re-wrap slots on the next passphrase change.
 */
export const DEFAULT_KDF: KdfParams = Object.freeze({ alg: 'scrypt', N: 2 ** 17, r: 8, p: 2 });

export const KEY_BYTES = 32;

export function kdfMemoryBytes(k: KdfParams): number {
  return 128 * k.N * k.r;
}

/**
 * The costs a slot may ask for. The floor keeps a guess expensive (T1); the ceiling keeps an
 * edited header from hanging an unlock (p=64 took 29 s) or asking for gigabytes (N=2^24).
 */
export const KDF_RANGE = Object.freeze({ minN: 2 ** 14, maxN: 2 ** 20, minR: 8, maxR: 16, minP: 1, maxP: 4, maxMemoryBytes: 1024 ** 3 });

/** Throws E_KDF_PARAMS, before any KDF work, for parameters outside KDF_RANGE. */
export function checkKdfParams(k: KdfParams): KdfParams {
  const R = KDF_RANGE;
  const within = (v: number, lo: number, hi: number) => Number.isSafeInteger(v) && v >= lo && v <= hi;
  const powerOfTwo = within(k.N, R.minN, R.maxN) && (k.N & (k.N - 1)) === 0;
  if (k.alg !== 'scrypt' || !powerOfTwo || !within(k.r, R.minR, R.maxR) || !within(k.p, R.minP, R.maxP) || kdfMemoryBytes(k) > R.maxMemoryBytes) {
    throw new CustodiaError('E_KDF_PARAMS', `key derivation parameters ${JSON.stringify({ alg: k.alg, N: k.N, r: k.r, p: k.p })} are outside the accepted range (scrypt, N a power of two ${R.minN}…${R.maxN}, r ${R.minR}…${R.maxR}, p ${R.minP}…${R.maxP}, at most ${R.maxMemoryBytes / 1024 ** 2} MiB)`);
  }
  return k;
}

export function deriveKey(passphrase: string, salt: Buffer, params: KdfParams): Promise<Buffer> {
  const k = checkKdfParams(params);
  // maxmem must exceed the working set or node refuses; leave headroom for scrypt's own buffers.
  const maxmem = kdfMemoryBytes(k) + 32 * 1024 * 1024;
  return new Promise((resolve, reject) => {
    scrypt(passphrase.normalize('NFC'), salt, KEY_BYTES, { N: k.N, r: k.r, p: k.p, maxmem }, (err, key) =>
      err ? reject(err) : resolve(key),
    );
  });
}
