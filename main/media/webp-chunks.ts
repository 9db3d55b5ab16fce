// WebP (RIFF) chunk walk: names metadata chunks, finds appended data, and tells a lossless
// WebP (all VP8L) from a lossy one so the exhibit keeps the same kind of compression.
import { CustodiaError } from '../../shared/errors/error-codes';
import { emptyScan, type ContainerScan } from './container-scan';

const NAMED: Record<string, string> = { EXIF: 'EXIF', 'XMP ': 'XMP', ICCP: 'ICC' };
const CODEC = new Set(['VP8 ', 'VP8L', 'VP8X', 'ALPH', 'ANIM', 'ANMF']);

const malformed = (why: string): CustodiaError => new CustodiaError('E_MALFORMED_MEDIA', `WebP is malformed or truncated: ${why}`);

export interface RiffChunk {
  id: string;
  data: Buffer;
  /** The whole chunk: header, data and the pad byte to an even length. */
  raw: Buffer;
}

export function chunksIn(buf: Buffer, from: number, to: number): RiffChunk[] {
  const out: RiffChunk[] = [];
  let pos = from;
  while (pos < to) {
    if (pos + 8 > to) throw malformed(`chunk header at byte ${pos} is cut off`);
    const id = buf.toString('latin1', pos, pos + 4);
    const size = buf.readUInt32LE(pos + 4);
    const end = pos + 8 + size;
    if (end > to) throw malformed(`chunk ${id} overruns its container`);
    const padded = Math.min(to, end + (size & 1));
    out.push({ id, data: buf.subarray(pos + 8, end), raw: buf.subarray(pos, padded) });
    pos = end + (size & 1);
  }
  return out;
}

/** Top-level chunks and the end of the RIFF container. */
export function walkWebp(buf: Buffer): { chunks: RiffChunk[]; riffEnd: number } {
  if (buf.length < 20) throw malformed('too short');
  const riffEnd = 8 + buf.readUInt32LE(4);
  if (riffEnd > buf.length) throw malformed('RIFF size runs past the end of the file');
  return { chunks: chunksIn(buf, 12, riffEnd), riffEnd };
}

export function scanWebp(buf: Buffer): ContainerScan {
  const { chunks, riffEnd } = walkWebp(buf);
  const scan = emptyScan();
  const blocks = new Set<string>();
  const codecs: string[] = [];
  let frames = 0;
  for (const c of chunks) {
    if (c.id === 'VP8 ' || c.id === 'VP8L') codecs.push(c.id);
    if (c.id === 'ANMF') {
      frames += 1;
      if (c.data.length < 16) throw malformed('animation frame header is cut off');
      for (const sub of chunksIn(c.data, 16, c.data.length)) if (sub.id === 'VP8 ' || sub.id === 'VP8L') codecs.push(sub.id);
    }
    if (CODEC.has(c.id)) continue;
    scan.metadataBytes += c.data.length;
    blocks.add(NAMED[c.id] ?? `WebP chunk ${c.id.trim()}`);
    if (c.id === 'EXIF') scan.exif = c.data.subarray(0, 6).toString('latin1') === 'Exif\0\0' ? c.data.subarray(6) : c.data;
    if (c.id === 'XMP ') scan.xmp = c.data;
  }
  if (codecs.length === 0) throw malformed('no image data');
  if (buf.length > riffEnd) blocks.add(`trailing data after RIFF (${buf.length - riffEnd} bytes)`);
  scan.blocks = [...blocks];
  scan.frames = Math.max(1, frames);
  scan.lossless = codecs.every((c) => c === 'VP8L');
  return scan;
}
