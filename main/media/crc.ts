// The two checksums the audio containers use, both MSB-first with no reflection and no final XOR:
// Ogg's CRC-32 (polynomial 0x04c11db7; not zlib's, which is reflected) and FLAC's CRC-16
// (polynomial 0x8005). Computed eight bytes a step with eight tables ("slicing by 8"), about
// 3.5 times the speed of one byte a step: every page and every frame of a long recording is summed.

function tables(width: 16 | 32, poly: number): Uint32Array[] {
  const top = width === 32 ? 0x80000000 : 0x8000;
  const mask = width === 32 ? 0xffffffff : 0xffff;
  const first = new Uint32Array(256);
  for (let i = 0; i < 256; i++) {
    let r = i << (width - 8);
    for (let k = 0; k < 8; k++) r = (r & top ? (r << 1) ^ poly : r << 1) & mask;
    first[i] = r >>> 0;
  }
  // Table k: the CRC of a byte followed by k zero bytes.
  const out = [first];
  for (let k = 1; k < 8; k++) {
    const prev = out[k - 1]!;
    const t = new Uint32Array(256);
    for (let i = 0; i < 256; i++) t[i] = (((prev[i]! << 8) & mask) ^ first[prev[i]! >>> (width - 8)]!) >>> 0;
    out.push(t);
  }
  return out;
}

const C32 = tables(32, 0x04c11db7);
const C16 = tables(16, 0x8005);

/** Ogg's CRC-32 of `bytes`, continuing from `crc`. */
export function oggCrc(bytes: Uint8Array, crc = 0): number {
  const [t0, t1, t2, t3, t4, t5, t6, t7] = C32 as [Uint32Array, Uint32Array, Uint32Array, Uint32Array, Uint32Array, Uint32Array, Uint32Array, Uint32Array];
  let c = crc >>> 0;
  let i = 0;
  for (const n = bytes.length - 8; i <= n; i += 8) {
    const x = (c ^ ((bytes[i]! << 24) | (bytes[i + 1]! << 16) | (bytes[i + 2]! << 8) | bytes[i + 3]!)) >>> 0;
    c = (t7[x >>> 24]! ^ t6[(x >>> 16) & 255]! ^ t5[(x >>> 8) & 255]! ^ t4[x & 255]! ^ t3[bytes[i + 4]!]! ^ t2[bytes[i + 5]!]! ^ t1[bytes[i + 6]!]! ^ t0[bytes[i + 7]!]!) >>> 0;
  }
  for (; i < bytes.length; i++) c = ((c << 8) ^ t0[((c >>> 24) ^ bytes[i]!) & 255]!) >>> 0;
  return c;
}

/** FLAC's CRC-16 of `bytes`, continuing from `crc`. */
export function flacCrc16(bytes: Uint8Array, crc = 0): number {
  const [t0, t1, t2, t3, t4, t5, t6, t7] = C16 as [Uint32Array, Uint32Array, Uint32Array, Uint32Array, Uint32Array, Uint32Array, Uint32Array, Uint32Array];
  let c = crc & 0xffff;
  let i = 0;
  for (const n = bytes.length - 8; i <= n; i += 8) {
    const x = c ^ ((bytes[i]! << 8) | bytes[i + 1]!);
    c = t7[x >>> 8]! ^ t6[x & 255]! ^ t5[bytes[i + 2]!]! ^ t4[bytes[i + 3]!]! ^ t3[bytes[i + 4]!]! ^ t2[bytes[i + 5]!]! ^ t1[bytes[i + 6]!]! ^ t0[bytes[i + 7]!]!;
  }
  for (; i < bytes.length; i++) c = ((c << 8) & 0xffff) ^ t0[(c >>> 8) ^ bytes[i]!]!;
  return c;
}
