// yazl computes each entry's CRC-32 with buffer-crc32, a byte-at-a-time JavaScript loop that
// was most of the export's time. zlib.crc32 (Node ≥ 20.15) computes the same standard CRC-32
// natively, so the function yazl calls is replaced with it for the plain (buffer, number) calls
// yazl makes; anything else still goes to the original. test/dossier/fast-crc32.test.ts checks
// both give the same values, and `unzip -t` checks the archives.
import { createRequire } from 'node:module';
import { crc32 as zlibCrc32 } from 'node:zlib';

interface BufferCrc32 {
  unsigned: (buf: unknown, previous?: unknown) => number;
}

export function installFastCrc32(): void {
  if (typeof zlibCrc32 !== 'function') return;
  // Resolved from yazl's own location, so the patched module is the one yazl uses.
  const fromYazl = createRequire(createRequire(import.meta.url).resolve('yazl'));
  const lib = fromYazl('buffer-crc32') as BufferCrc32;
  const original = lib.unsigned;
  if ((original as { fast?: boolean }).fast) return;
  const fast = (buf: unknown, previous?: unknown): number =>
    buf instanceof Uint8Array && (previous === undefined || typeof previous === 'number')
      ? zlibCrc32(buf, previous ?? 0)
      : original(buf, previous);
  lib.unsigned = Object.assign(fast, { fast: true });
}
