// GIF block walk: sharp reports no GIF metadata, so comments, XMP and application extensions
// are found here. Sub-block chains are followed with bounds checks.
import { CustodiaError } from '../../shared/errors/error-codes';
import { clipText, emptyScan, type ContainerScan } from './container-scan';

const malformed = (why: string): CustodiaError => new CustodiaError('E_MALFORMED_MEDIA', `GIF is malformed or truncated: ${why}`);
const ANIMATION_APPS = new Set(['NETSCAPE2.0', 'ANIMEXTS1.0']);

/** Returns the offset after a chain of data sub-blocks ending with a zero-length block. */
function skipSubBlocks(buf: Buffer, pos: number): number {
  let p = pos;
  for (;;) {
    if (p >= buf.length) throw malformed('data sub-blocks run past the end');
    const n = buf[p] as number;
    p += 1 + n;
    if (n === 0) return p;
  }
}

function subBlockData(buf: Buffer, pos: number, end: number): Buffer {
  const parts: Buffer[] = [];
  let p = pos;
  while (p < end && buf[p] !== 0) {
    parts.push(buf.subarray(p + 1, p + 1 + (buf[p] as number)));
    p += 1 + (buf[p] as number);
  }
  return Buffer.concat(parts);
}

const colorTableSize = (packed: number): number => (packed & 0x80 ? 3 * (1 << ((packed & 7) + 1)) : 0);

export function scanGif(buf: Buffer): ContainerScan {
  if (buf.length < 13) throw malformed('too short');
  const scan = emptyScan(buf.readUInt16LE(6), buf.readUInt16LE(8));
  const blocks = new Set<string>();
  let frames = 0;
  let pos = 13 + colorTableSize(buf[10] as number);
  for (;;) {
    if (pos >= buf.length) throw malformed('ends before the trailer');
    const intro = buf[pos] as number;
    if (intro === 0x3b) break;
    if (intro === 0x2c) {
      if (pos + 11 > buf.length) throw malformed('image descriptor is cut off');
      frames += 1;
      pos = skipSubBlocks(buf, pos + 10 + colorTableSize(buf[pos + 9] as number) + 1);
    } else if (intro === 0x21) {
      pos = extension(buf, pos, scan, blocks);
    } else throw malformed(`unknown block 0x${intro.toString(16)} at byte ${pos}`);
  }
  if (frames === 0) throw malformed('no image');
  if (buf.length > pos + 1) blocks.add(`trailing data after GIF trailer (${buf.length - pos - 1} bytes)`);
  scan.frames = frames;
  scan.blocks = [...blocks];
  return scan;
}

function extension(buf: Buffer, pos: number, scan: ContainerScan, blocks: Set<string>): number {
  const label = buf[pos + 1];
  const dataStart = pos + 2;
  const end = skipSubBlocks(buf, dataStart);
  if (label === 0xf9) return end; // graphic control: timing and transparency
  scan.metadataBytes += end - dataStart;
  if (label === 0xfe) {
    blocks.add('GIF comment');
    const n = Object.keys(scan.text).length;
    scan.text[n === 0 ? 'Comment' : `Comment${n + 1}`] = clipText(subBlockData(buf, dataStart, end).toString('latin1'));
  } else if (label === 0xff) {
    const app = subBlockData(buf, dataStart, end);
    const id = app.toString('latin1', 0, 11);
    if (ANIMATION_APPS.has(id)) return end;
    if (id === 'XMP DataXMP') {
      blocks.add('XMP');
      // XMP is stored raw: the packet's own bytes double as sub-block lengths.
      const raw = buf.subarray(dataStart + 12, end).toString('utf8');
      const from = raw.indexOf('<x:xmpmeta');
      const to = raw.indexOf('</x:xmpmeta>');
      if (from >= 0 && to > from) scan.xmp = Buffer.from(raw.slice(from, to + 12), 'utf8');
    } else blocks.add(id === 'ICCRGBG1012' ? 'ICC' : `GIF application extension ${id.replace(/[^\x20-\x7e]/g, '?')}`);
  } else blocks.add(label === 0x01 ? 'GIF plain text' : `GIF extension 0x${(label ?? 0).toString(16)}`);
  return end;
}
