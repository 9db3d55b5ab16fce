// The native CRC-32 that replaces buffer-crc32 inside yazl must give exactly the same values,
// chained or not, or every dossier ZIP would fail its CRC checks.
import { randomBytes } from 'node:crypto';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { installFastCrc32 } from '../../main/dossier/fast-crc32';

interface BufferCrc32 {
  unsigned: (buf: unknown, previous?: unknown) => number;
}

const lib = createRequire(createRequire(import.meta.url).resolve('yazl'))('buffer-crc32') as BufferCrc32;

describe('yazl CRC-32 replacement', () => {
  it('gives the values of buffer-crc32, alone and chained', () => {
    const original = lib.unsigned;
    installFastCrc32();
    const fast = lib.unsigned;
    expect(fast).not.toBe(original);
    for (const size of [0, 1, 7, 64, 4096, 100_003]) {
      const a = randomBytes(size);
      const b = randomBytes(size + 3);
      expect(fast(a)).toBe(original(a));
      expect(fast(b, fast(a))).toBe(original(b, original(a)));
    }
    expect(fast('text')).toBe(original('text'));
    expect(fast(Buffer.from('123456789'))).toBe(0xcbf43926);
  });
});
