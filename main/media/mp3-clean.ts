// An MP3 without tags: ID3v2 (at the start, or appended), APEv2 and ID3v1 are removed, and what
// is left must be an unbroken run of MPEG audio frames, each one's length known from its header,
// so nothing unread can hide between them. Frames are copied byte for byte.
import { CustodiaError } from '../../shared/errors/error-codes';

const WHAT = 'MP3 file';
/** kbit/s by [version is MPEG-1][layer 1..3][index]. */
const BITRATES: Record<string, number[]> = {
  '1-1': [0, 32, 64, 96, 128, 160, 192, 224, 256, 288, 320, 352, 384, 416, 448],
  '1-2': [0, 32, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320, 384],
  '1-3': [0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320],
  '2-1': [0, 32, 48, 56, 64, 80, 96, 112, 128, 144, 160, 176, 192, 224, 256],
  '2-2': [0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160],
  '2-3': [0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160],
};
const SAMPLE_RATES: Record<number, number[]> = { 3: [44100, 48000, 32000], 2: [22050, 24000, 16000], 0: [11025, 12000, 8000] };

export interface Mp3CleanResult {
  data: Buffer;
  removed: string[];
}

const truncated = (at: number): CustodiaError => new CustodiaError('E_MEDIA_TRUNCATED', `${WHAT} ends inside a tag or frame that starts at byte ${at}`, { offset: at });

/** ID3v2 size: four 7-bit bytes; a 10-byte footer follows when flag 0x10 is set. */
function id3v2Length(buf: Buffer, at: number): number {
  if (buf.length - at < 10) throw truncated(at);
  const s = buf.subarray(at + 6, at + 10);
  if (s.some((b) => b >= 0x80)) throw new CustodiaError('E_MEDIA_BAD_LENGTH', `${WHAT}: an ID3v2 tag at byte ${at} has a malformed size`, { offset: at });
  const body = (s[0]! << 21) | (s[1]! << 14) | (s[2]! << 7) | s[3]!;
  const total = 10 + body + ((buf[at + 5]! & 0x10) !== 0 ? 10 : 0);
  if (at + total > buf.length) {
    throw new CustodiaError('E_MEDIA_BAD_LENGTH', `${WHAT}: an ID3v2 tag at byte ${at} declares ${total} bytes, past the end of the file`, { offset: at });
  }
  return total;
}

/** An APEv2 tag ending at `end`: its footer says how long it is, header included when flagged. */
function apeLength(buf: Buffer, end: number): number {
  const f = end - 32;
  const size = buf.readUInt32LE(f + 12);
  const hasHeader = (buf.readUInt32LE(f + 20) & 0x80000000) !== 0;
  const total = size + (hasHeader ? 32 : 0);
  if (size < 32 || total > end) throw new CustodiaError('E_MEDIA_BAD_LENGTH', `an APE tag at the end of the file declares ${total} bytes, more than the file holds`, { offset: f });
  return total;
}

function frameLength(buf: Buffer, at: number): number {
  if (buf.length - at < 4) throw truncated(at);
  const h = buf.readUInt32BE(at);
  const version = (h >>> 19) & 3;
  const layer = 4 - ((h >>> 17) & 3);
  const bitrateIndex = (h >>> 12) & 15;
  const rateIndex = (h >>> 10) & 3;
  const padding = (h >>> 9) & 1;
  if ((h >>> 21) !== 0x7ff || version === 1 || layer === 4 || bitrateIndex === 0 || bitrateIndex === 15 || rateIndex === 3) {
    throw new CustodiaError('E_MALFORMED_MEDIA', `${WHAT}: byte ${at} is neither an MPEG audio frame nor a tag`, { offset: at });
  }
  const kbps = BITRATES[`${version === 3 ? 1 : 2}-${layer}`]![bitrateIndex]!;
  const rate = SAMPLE_RATES[version]![rateIndex]!;
  if (layer === 1) return (Math.floor((12 * kbps * 1000) / rate) + padding) * 4;
  const perFrame = layer === 3 && version !== 3 ? 72 : 144;
  return Math.floor((perFrame * kbps * 1000) / rate) + padding;
}

/** Where the audio ends once the tags writers append (APE, then ID3v1 last) are taken off; MP3 and FLAC share them. */
export function trailingTags(buf: Buffer, removed: Set<string>): number {
  let end = buf.length;
  for (let changed = true; changed;) {
    changed = false;
    if (end >= 128 && buf.toString('latin1', end - 128, end - 125) === 'TAG') {
      end -= 128;
      removed.add('ID3v1');
      changed = true;
    }
    if (end >= 32 && buf.toString('latin1', end - 32, end - 24) === 'APETAGEX') {
      end -= apeLength(buf, end);
      removed.add('APE');
      changed = true;
    }
  }
  return end;
}

export function cleanMp3(buf: Buffer): Mp3CleanResult {
  const removed = new Set<string>();
  const end = trailingTags(buf, removed);
  const kept: Buffer[] = [];
  let frames = 0;
  for (let at = 0; at < end;) {
    if (buf.toString('latin1', at, at + 3) === 'ID3') {
      at += id3v2Length(buf.subarray(0, end), at);
      removed.add('ID3v2');
      continue;
    }
    const n = frameLength(buf, at);
    if (at + n > end) throw truncated(at);
    kept.push(buf.subarray(at, at + n));
    frames += 1;
    at += n;
  }
  if (frames === 0) throw new CustodiaError('E_MALFORMED_MEDIA', `${WHAT} holds no audio frame`);
  return { data: Buffer.concat(kept), removed: [...removed].sort() };
}
