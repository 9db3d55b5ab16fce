// Lossless WebP strip: the VP8/VP8L bitstreams and animation frames are copied unchanged, EXIF
// and XMP chunks dropped, and the VP8X flags rewritten to match. Returns undefined when only a
// re-encode can do it right: an orientation to apply, a colour profile that is not a standard
// colour space, or frames carrying unknown sub-chunks.
import { iccDescription, isStandardIcc } from './icc-profile';
import { chunksIn, walkWebp } from './webp-chunks';

const FLAG_ICC = 0x20;
const FLAG_EXIF = 0x08;
const FLAG_XMP = 0x04;
const BITSTREAM = new Set(['VP8 ', 'VP8L', 'ALPH', 'ANIM']);
const FRAME_PARTS = new Set(['VP8 ', 'VP8L', 'ALPH']);

export function stripWebp(buf: Buffer): { data: Buffer; removed: string[] } | undefined {
  const { chunks, riffEnd } = walkWebp(buf);
  const parts: Buffer[] = [];
  const removed = new Set<string>();
  for (const c of chunks) {
    if (BITSTREAM.has(c.id)) parts.push(c.raw);
    else if (c.id === 'ANMF') {
      if (c.data.length < 16 || !chunksIn(c.data, 16, c.data.length).every((sub) => FRAME_PARTS.has(sub.id))) return undefined;
      parts.push(c.raw);
    } else if (c.id === 'VP8X') {
      const vp8x = Buffer.from(c.raw);
      vp8x[8] = (vp8x[8] as number) & ~(FLAG_EXIF | FLAG_XMP);
      parts.push(vp8x);
    } else if (c.id === 'ICCP') {
      if (!isStandardIcc(iccDescription(c.data))) return undefined;
      parts.push(c.raw);
    } else removed.add(c.id === 'EXIF' ? 'EXIF' : c.id === 'XMP ' ? 'XMP' : `WebP chunk ${c.id.trim()}`);
  }
  if (!chunks.some((c) => c.id === 'ICCP')) {
    const vp8x = parts.find((p) => p.toString('latin1', 0, 4) === 'VP8X');
    if (vp8x) vp8x[8] = (vp8x[8] as number) & ~FLAG_ICC;
  }
  if (buf.length > riffEnd) removed.add(`trailing data after RIFF (${buf.length - riffEnd} bytes)`);
  const body = Buffer.concat(parts);
  const head = Buffer.from('RIFF\0\0\0\0WEBP', 'latin1');
  head.writeUInt32LE(body.length + 4, 4);
  return { data: Buffer.concat([head, body]), removed: [...removed] };
}
