// FLAC metadata blocks, shared by native FLAC, FLAC in Ogg and FLAC in Matroska: only STREAMINFO
// (what a decoder needs) and SEEKTABLE (sample numbers and offsets, kept only when every point is
// one: ascending sample numbers within the stream, placeholders all zero) are kept. VORBIS_COMMENT,
// PICTURE (cover art, often a photo), APPLICATION (any program's private data), CUESHEET (catalog
// numbers) and PADDING (where editors leave old tags) are dropped; the last-block flag is set on
// the last block kept.
import { CustodiaError } from '../../shared/errors/error-codes';
import { describeComment, readXiphComment } from './xiph-comment';

const STREAMINFO = 0;
const PADDING = 1;
const SEEKTABLE = 3;
export const VORBIS_COMMENT = 4;
const NAMES: Record<number, string> = { 2: 'APPLICATION', 5: 'CUESHEET', 6: 'PICTURE' };

export interface FlacBlock {
  type: number;
  last: boolean;
  /** The whole block, its 4-byte header included. */
  raw: Buffer;
}

export function readBlockHeader(buf: Buffer, at: number, end: number, what: string): FlacBlock {
  if (end - at < 4) throw new CustodiaError('E_MEDIA_TRUNCATED', `${what} ends inside a metadata block header at byte ${at}`, { offset: at });
  const type = buf[at]! & 0x7f;
  const length = buf.readUIntBE(at + 1, 3);
  if (type === 127) throw new CustodiaError('E_MALFORMED_MEDIA', `${what}: the metadata block at byte ${at} has an invalid type`, { offset: at });
  if (at + 4 + length > end) {
    throw new CustodiaError('E_MEDIA_BAD_LENGTH', `${what}: a metadata block at byte ${at} declares ${length} bytes, past the end`, { offset: at });
  }
  return { type, last: (buf[at]! & 0x80) !== 0, raw: buf.subarray(at, at + 4 + length) };
}

/** Blocks from `at` until the one flagged last; the first must be STREAMINFO. */
export function readFlacBlocks(buf: Buffer, at: number, what: string): { blocks: FlacBlock[]; end: number } {
  const blocks: FlacBlock[] = [];
  let o = at;
  for (;;) {
    const b = readBlockHeader(buf, o, buf.length, what);
    blocks.push(b);
    o += b.raw.length;
    if (b.last) break;
  }
  checkStreamInfo(blocks[0]!, what);
  return { blocks, end: o };
}

export function checkStreamInfo(b: FlacBlock, what: string): void {
  if (b.type !== STREAMINFO || b.raw.length !== 38) throw new CustodiaError('E_MALFORMED_MEDIA', `${what} does not begin with its STREAMINFO block`);
}

/** The blocks kept (STREAMINFO, SEEKTABLE) with the last flag fixed, and what was dropped. */
export function cleanFlacBlocks(blocks: FlacBlock[], what: string, lastFlag = true): { kept: Buffer[]; removed: string[] } {
  const kept: Buffer[] = [];
  const removed = new Set<string>();
  const totalSamples = blocks[0]!.raw.readBigUInt64BE(4 + 10) & ((1n << 36n) - 1n);
  for (const b of blocks) {
    if (b.type === STREAMINFO || (b.type === SEEKTABLE && isSeekTable(b.raw.subarray(4), totalSamples))) kept.push(Buffer.from(b.raw));
    else if (b.type === SEEKTABLE) removed.add('SEEKTABLE that does not describe the audio');
    else if (b.type === VORBIS_COMMENT) for (const r of describeComment(readXiphComment(b.raw.subarray(4), 0, what, false), 'FLAC comments')) removed.add(r);
    else if (b.type === PADDING) {
      if (b.raw.subarray(4).some((x) => x !== 0)) removed.add('FLAC padding with content');
    } else removed.add(NAMES[b.type] ?? `FLAC block of type ${b.type}`);
  }
  if (kept.filter((k) => (k[0]! & 0x7f) === STREAMINFO).length !== 1) throw new CustodiaError('E_MALFORMED_MEDIA', `${what} has more than one STREAMINFO block`);
  kept.forEach((k, i) => {
    k[0] = (k[0]! & 0x7f) | (lastFlag && i === kept.length - 1 ? 0x80 : 0);
  });
  return { kept, removed: [...removed] };
}

const PLACEHOLDER = 0xffffffffffffffffn;

/** Seek points of 18 bytes (sample, offset, samples); any other content could be anything. */
function isSeekTable(body: Buffer, totalSamples: bigint): boolean {
  if (body.length % 18 !== 0) return false;
  const limit = totalSamples > 0n ? totalSamples : 1n << 36n;
  let previous = -1n;
  let offset = 0n;
  for (let o = 0; o < body.length; o += 18) {
    const sample = body.readBigUInt64BE(o);
    const at = body.readBigUInt64BE(o + 8);
    if (sample === PLACEHOLDER) {
      if (at !== 0n || body.readUInt16BE(o + 16) !== 0) return false;
      previous = PLACEHOLDER;
    } else if (previous === PLACEHOLDER || sample <= previous || sample >= limit || at < offset || at >= 1n << 40n) {
      return false;
    } else {
      previous = sample;
      offset = at;
    }
  }
  return true;
}

/** An empty VORBIS_COMMENT block (no vendor, no field), as FLAC in Ogg requires one. */
export function emptyCommentBlock(last: boolean): Buffer {
  return Buffer.from([VORBIS_COMMENT | (last ? 0x80 : 0), 0, 0, 8, 0, 0, 0, 0, 0, 0, 0, 0]);
}
