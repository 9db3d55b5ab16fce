// GIF block walk: sharp reports no GIF metadata, so comments, XMP and application extensions
// are found here. Sub-block chains are followed with bounds checks. The same walk drives the
// lossless GIF strip.
import { CustodiaError } from '../../shared/errors/error-codes';
import { clipText, emptyScan, type ContainerScan } from './container-scan';

const malformed = (why: string): CustodiaError => new CustodiaError('E_MALFORMED_MEDIA', `GIF is malformed or truncated: ${why}`);
const ANIMATION_APPS = new Set(['NETSCAPE2.0', 'ANIMEXTS1.0']);

export interface GifBlock {
  /** image: descriptor and pixel data; control: timing/transparency; loop: animation loop count. */
  kind: 'image' | 'control' | 'loop' | 'comment' | 'xmp' | 'icc' | 'app' | 'plain-text' | 'extension';
  start: number;
  end: number;
  dataStart: number;
  label: string;
}

export interface GifLayout {
  width: number;
  height: number;
  /** End of header, logical screen descriptor and global colour table. */
  headerEnd: number;
  blocks: GifBlock[];
  /** Offset just after the trailer byte. */
  end: number;
}

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

export function subBlockData(buf: Buffer, pos: number, end: number): Buffer {
  const parts: Buffer[] = [];
  let p = pos;
  while (p < end && buf[p] !== 0) {
    parts.push(buf.subarray(p + 1, p + 1 + (buf[p] as number)));
    p += 1 + (buf[p] as number);
  }
  return Buffer.concat(parts);
}

const colorTableSize = (packed: number): number => (packed & 0x80 ? 3 * (1 << ((packed & 7) + 1)) : 0);

export function walkGif(buf: Buffer): GifLayout {
  if (buf.length < 13) throw malformed('too short');
  const headerEnd = 13 + colorTableSize(buf[10] as number);
  const blocks: GifBlock[] = [];
  let pos = headerEnd;
  for (;;) {
    if (pos >= buf.length) throw malformed('ends before the trailer');
    const intro = buf[pos] as number;
    if (intro === 0x3b) break;
    if (intro === 0x2c) {
      if (pos + 11 > buf.length) throw malformed('image descriptor is cut off');
      const end = skipSubBlocks(buf, pos + 10 + colorTableSize(buf[pos + 9] as number) + 1);
      blocks.push({ kind: 'image', start: pos, end, dataStart: pos + 10, label: 'image' });
      pos = end;
    } else if (intro === 0x21) {
      const block = extension(buf, pos);
      blocks.push(block);
      pos = block.end;
    } else throw malformed(`unknown block 0x${intro.toString(16)} at byte ${pos}`);
  }
  if (!blocks.some((b) => b.kind === 'image')) throw malformed('no image');
  return { width: buf.readUInt16LE(6), height: buf.readUInt16LE(8), headerEnd, blocks, end: pos + 1 };
}

function extension(buf: Buffer, start: number): GifBlock {
  const label = buf[start + 1];
  const dataStart = start + 2;
  const end = skipSubBlocks(buf, dataStart);
  const block = (kind: GifBlock['kind'], name: string): GifBlock => ({ kind, start, end, dataStart, label: name });
  if (label === 0xf9) return block('control', 'graphic control');
  if (label === 0xfe) return block('comment', 'GIF comment');
  if (label === 0x01) return block('plain-text', 'GIF plain text');
  if (label !== 0xff) return block('extension', `GIF extension 0x${(label ?? 0).toString(16)}`);
  const id = subBlockData(buf, dataStart, end).toString('latin1', 0, 11);
  if (ANIMATION_APPS.has(id)) return block('loop', id);
  if (id === 'XMP DataXMP') return block('xmp', 'XMP');
  if (id === 'ICCRGBG1012') return block('icc', 'ICC');
  return block('app', `GIF application extension ${id.replace(/[^\x20-\x7e]/g, '?')}`);
}

export function scanGif(buf: Buffer): ContainerScan {
  const layout = walkGif(buf);
  const scan = emptyScan(layout.width, layout.height);
  const blocks = new Set<string>();
  let comments = 0;
  for (const b of layout.blocks) {
    if (b.kind === 'image' || b.kind === 'control' || b.kind === 'loop') continue;
    scan.metadataBytes += b.end - b.dataStart;
    blocks.add(b.label);
    if (b.kind === 'comment') {
      comments += 1;
      scan.text[comments === 1 ? 'Comment' : `Comment${comments}`] = clipText(subBlockData(buf, b.dataStart, b.end).toString('latin1'));
    }
    if (b.kind === 'xmp') {
      // XMP is stored raw: the packet's own bytes double as sub-block lengths.
      const raw = buf.subarray(b.dataStart + 12, b.end).toString('utf8');
      const from = raw.indexOf('<x:xmpmeta');
      const to = raw.indexOf('</x:xmpmeta>');
      if (from >= 0 && to > from) scan.xmp = Buffer.from(raw.slice(from, to + 12), 'utf8');
    }
  }
  if (buf.length > layout.end) blocks.add(`trailing data after GIF trailer (${buf.length - layout.end} bytes)`);
  scan.frames = layout.blocks.filter((b) => b.kind === 'image').length;
  scan.blocks = [...blocks];
  return scan;
}
