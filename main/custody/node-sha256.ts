// node:crypto's SHA-256 (OpenSSL) is several times faster than a pure-JS one; the Merkle and
// chain functions in shared/ take it as their HashFn on the Node side. Results are identical.
import { createHash } from 'node:crypto';

export function nodeSha256(data: Uint8Array): Uint8Array {
  return createHash('sha256').update(data).digest();
}

export function sha256Hex(data: Uint8Array | string): string {
  return createHash('sha256').update(data).digest('hex');
}
