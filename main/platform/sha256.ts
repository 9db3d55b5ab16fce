// node:crypto's SHA-256 (OpenSSL) is several times faster than a pure-JS one; the Merkle and
// chain functions in shared/ take it as their HashFn on the Node side. Results are identical.
// The one-shot crypto.hash avoids a Hash object per call, which dominates for small inputs.
import { hash } from 'node:crypto';

export function nodeSha256(data: Uint8Array): Uint8Array {
  return hash('sha256', data, 'buffer');
}

export function sha256Hex(data: Uint8Array | string): string {
  return hash('sha256', data, 'hex');
}
