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
 * 128 MiB and about 0.95 s on the reference 2-core machine (see /work/notes/vault.md): above the
 * 64 MiB / 0.5 s floor of THREATS.md T1 with margin for faster CPUs. Stored per slot, so a later
 * release can raise it and re-wrap slots on the next passphrase change.
 */
export const DEFAULT_KDF: KdfParams = Object.freeze({ alg: 'scrypt', N: 2 ** 17, r: 8, p: 2 });

export const KEY_BYTES = 32;

export function kdfMemoryBytes(k: KdfParams): number {
  return 128 * k.N * k.r;
}

export function checkKdfParams(k: KdfParams): KdfParams {
  const powerOfTwo = Number.isInteger(k.N) && k.N >= 2 && (k.N & (k.N - 1)) === 0;
  const small = (v: number) => Number.isInteger(v) && v >= 1 && v <= 64;
  if (k.alg !== 'scrypt' || !powerOfTwo || k.N > 2 ** 24 || !small(k.r) || !small(k.p)) {
    throw new CustodiaError('E_BAD_VAULT_HEADER', `unsupported key derivation parameters ${JSON.stringify(k)}`);
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
