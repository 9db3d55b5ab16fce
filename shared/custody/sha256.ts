// SHA-256 for both runtimes. Node callers that hash millions of nodes may pass a faster
// node:crypto function wherever a HashFn is accepted; the bytes are the same.
import { sha256 as nobleSha256 } from '@noble/hashes/sha2.js';

/** Synchronous, returns a fresh digest, and keeps no reference to `data` (callers reuse buffers). */
export type HashFn = (data: Uint8Array) => Uint8Array;

/** SHA-256 digest (32 bytes). */
export function sha256(data: Uint8Array): Uint8Array {
  return nobleSha256(data);
}
