// A native FLAC file without tags, losslessly: STREAMINFO and SEEKTABLE are kept, every other
// metadata block dropped (flac-metadata.ts), and ID3v1 or APE tags appended at the end removed.
// The audio that follows must begin with a frame header and end on a whole frame (checkFrames).
// Frames are copied byte for byte; SEEKTABLE offsets count from the first frame, so they stay
// right. Bytes hidden between frames with a CRC of their own would pass: finding frame ends
// exactly needs decoding every subframe, which Custodia does not do; no tag reader looks there.
import { CustodiaError } from '../../shared/errors/error-codes';
import { flacCrc16 } from './crc';
import { cleanFlacBlocks, readFlacBlocks } from './flac-metadata';
import { trailingTags } from './mp3-clean';

const WHAT = 'FLAC file';

export interface FlacCleanResult {
  data: Buffer;
  removed: string[];
}

/** The frame header's CRC-8 (polynomial 0x07), over a few bytes only. */
const CRC8 = new Uint8Array(256);
for (let i = 0; i < 256; i++) {
  let c = i;
  for (let k = 0; k < 8; k++) c = c & 0x80 ? ((c << 1) ^ 0x07) & 0xff : (c << 1) & 0xff;
  CRC8[i] = c;
}

/** The length of a valid frame header at `at` (its CRC-8 checked), or 0 when there is none. */
function frameHeaderLength(buf: Buffer, at: number, end: number): number {
  if (end - at < 6 || buf[at] !== 0xff || (buf[at + 1]! & 0xfe) !== 0xf8) return 0;
  const blockCode = buf[at + 2]! >> 4;
  const rateCode = buf[at + 2]! & 15;
  const channels = buf[at + 3]! >> 4;
  if (blockCode === 0 || rateCode === 15 || channels > 10 || (buf[at + 3]! & 1) !== 0) return 0;
  // The frame or sample number, UTF-8 style: as many continuation bytes as leading one bits.
  const lead = buf[at + 4]!;
  let extra = 0;
  while (extra < 8 && (lead << extra) & 0x80) extra += 1;
  if (extra === 1 || extra === 8) return 0;
  const more = extra === 0 ? 0 : extra - 1;
  let o = at + 5;
  for (let i = 0; i < more; i++, o++) if (o >= end || (buf[o]! & 0xc0) !== 0x80) return 0;
  o += blockCode === 6 ? 1 : blockCode === 7 ? 2 : 0;
  o += rateCode === 12 ? 1 : rateCode === 13 || rateCode === 14 ? 2 : 0;
  if (o >= end) return 0;
  let crc = 0;
  for (let i = at; i < o; i++) crc = CRC8[crc ^ buf[i]!]!;
  return crc === buf[o] ? o + 1 - at : 0;
}

/**
 * The audio from `start` to `end` must open with a valid frame header, and the CRC-16s that end
 * each frame chain to zero over the whole run (each frame's CRC covers its bytes, so the run's
 * residue is zero only when it ends on a whole frame): a cut-off frame or appended bytes are refused.
 */
function checkFrames(buf: Buffer, start: number, end: number): void {
  if (frameHeaderLength(buf, start, end) === 0) {
    throw new CustodiaError('E_MALFORMED_MEDIA', `${WHAT}: byte ${start}, after the metadata, does not start an audio frame`, { offset: start });
  }
  if (flacCrc16(buf.subarray(start, end)) !== 0) {
    throw new CustodiaError('E_MEDIA_TRUNCATED', `${WHAT} does not end on a whole audio frame: it was cut off, or bytes follow the last frame`, { offset: end });
  }
}

interface FlacParts {
  kept: Buffer[];
  removed: Set<string>;
  audioStart: number;
  audioEnd: number;
}

function flacParts(buf: Buffer): FlacParts {
  if (buf.length < 4 || buf.toString('latin1', 0, 4) !== 'fLaC') throw new CustodiaError('E_MALFORMED_MEDIA', `${WHAT} does not start with fLaC`);
  const { blocks, end: audioStart } = readFlacBlocks(buf, 4, WHAT);
  const { kept, removed } = cleanFlacBlocks(blocks, WHAT);
  const tags = new Set<string>(removed);
  const audioEnd = trailingTags(buf, tags);
  if (audioEnd <= audioStart) throw new CustodiaError('E_MALFORMED_MEDIA', `${WHAT} holds no audio frame`);
  return { kept, removed: tags, audioStart, audioEnd };
}

export function cleanFlac(buf: Buffer): FlacCleanResult {
  const { kept, removed, audioStart, audioEnd } = flacParts(buf);
  checkFrames(buf, audioStart, audioEnd);
  return { data: Buffer.concat([buf.subarray(0, 4), ...kept, buf.subarray(audioStart, audioEnd)]), removed: [...removed].sort() };
}

/** The re-inspection: what the exhibit's blocks and tail still carry. Its frames are the bytes checkFrames passed. */
export function flacLeaks(data: Buffer): string[] {
  return [...flacParts(data).removed].sort();
}
