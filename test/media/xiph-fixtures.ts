// Ogg (Opus, Vorbis, FLAC), native FLAC and AMR evidence built by hand, so each tag is known:
// comments naming the person with her GPS, a METADATA_BLOCK_PICTURE cover, FLAC PICTURE and
// APPLICATION blocks, an ID3v1 tag appended. Pages, CRCs and frames are computed here, apart
// from the cleaner's own code, so the two cannot share a mistake unseen; exiftool and mat2 read them.
import { GPS_6709, PERSON } from './av-fixtures';

const u32le = (n: number): Buffer => {
  const b = Buffer.alloc(4);
  b.writeUInt32LE(n);
  return b;
};
const u32be = (n: number): Buffer => {
  const b = Buffer.alloc(4);
  b.writeUInt32BE(n);
  return b;
};

function oggCrc(bytes: Buffer): number {
  let crc = 0;
  for (const byte of bytes) {
    crc ^= byte << 24;
    for (let k = 0; k < 8; k++) crc = crc & 0x80000000 ? (crc << 1) ^ 0x04c11db7 : crc << 1;
  }
  return crc >>> 0;
}

export interface PacketPlan {
  packets: Buffer[];
  granule: bigint;
}

/** One logical stream as pages: each plan's packets start a fresh page, split at 255 segments. */
export function oggStream(serial: number, plans: PacketPlan[]): Buffer {
  const pages: Buffer[] = [];
  plans.forEach((plan, planIndex) => {
    const segs: { b: Buffer; first: boolean; ends: boolean }[] = [];
    for (const p of plan.packets) {
      for (let o = 0; ; o += 255) {
        const n = Math.min(255, p.length - o);
        segs.push({ b: p.subarray(o, o + n), first: o === 0, ends: n < 255 });
        if (n < 255) break;
      }
    }
    for (let i = 0; i < segs.length; i += 255) {
      const run = segs.slice(i, i + 255);
      const last = i + 255 >= segs.length;
      const head = Buffer.alloc(27);
      head.write('OggS', 0, 'latin1');
      head[5] = (run[0]!.first ? 0 : 1) | (pages.length === 0 ? 2 : 0) | (planIndex === plans.length - 1 && last ? 4 : 0);
      head.writeBigUInt64LE(last ? plan.granule : 0xffffffffffffffffn, 6);
      head.writeUInt32LE(serial, 14);
      head.writeUInt32LE(pages.length, 18);
      head[26] = run.length;
      const page = Buffer.concat([head, Buffer.from(run.map((s) => s.b.length)), ...run.map((s) => s.b)]);
      page.writeUInt32LE(oggCrc(page), 22);
      pages.push(page);
    }
  });
  return Buffer.concat(pages);
}

function comments(vendor: string, fields: string[]): Buffer {
  const v = Buffer.from(vendor, 'utf8');
  return Buffer.concat([u32le(v.length), v, u32le(fields.length), ...fields.flatMap((f) => {
    const b = Buffer.from(f, 'utf8');
    return [u32le(b.length), b];
  })]);
}

/** A FLAC PICTURE block body: a front cover whose description names the person. */
function pictureBody(size: number): Buffer {
  const mime = Buffer.from('image/jpeg', 'latin1');
  const desc = Buffer.from(`Foto de ${PERSON}`, 'utf8');
  const data = Buffer.alloc(size, 0x5a);
  return Buffer.concat([u32be(3), u32be(mime.length), mime, u32be(desc.length), desc, u32be(1), u32be(1), u32be(24), u32be(0), u32be(data.length), data]);
}

const TAGS = (): string[] => [
  `ARTIST=${PERSON}`, `TITLE=Audio de ${PERSON}`, `LOCATION=${GPS_6709}`, `METADATA_BLOCK_PICTURE=${pictureBody(60_000).toString('base64')}`,
];

/** Opus silence packets (a 20 ms CELT frame), which the cleaner copies unchanged. */
export const OPUS_PACKET = Buffer.from([0xf8, 0xff, 0xfe]);

/** An Opus voice note as WhatsApp writes one, tagged; its OpusTags spans two pages (the cover is 80 KB in base64). */
export function taggedOpus(audioPages = 3, tags = TAGS()): Buffer {
  const head = Buffer.concat([Buffer.from('OpusHead', 'latin1'), Buffer.from([1, 1]), Buffer.from([0x38, 0x01]), u32le(48000), Buffer.from([0, 0, 0])]);
  const opusTags = Buffer.concat([Buffer.from('OpusTags', 'latin1'), comments('libopus 1.3.1 WhatsApp', tags)]);
  const audio = Array.from({ length: audioPages }, (_, i) => ({ packets: Array.from({ length: 10 }, () => OPUS_PACKET), granule: BigInt(312 + 9600 * (i + 1)) }));
  return oggStream(0x1234abcd, [{ packets: [head], granule: 0n }, { packets: [opusTags], granule: 0n }, ...audio]);
}

export const VORBIS_SETUP = Buffer.concat([Buffer.from('\x05vorbis', 'latin1'), Buffer.alloc(300, 0x42)]);
export const VORBIS_ID = Buffer.concat([
  Buffer.from('\x01vorbis', 'latin1'), u32le(0), Buffer.from([1]), u32le(44100), u32le(0), u32le(64000), u32le(0), Buffer.from([0xb8, 1]),
]);

export function vorbisComment(): Buffer {
  return Buffer.concat([Buffer.from('\x03vorbis', 'latin1'), comments('Xiph.Org libVorbis I 20200704', TAGS().slice(0, 3)), Buffer.from([1])]);
}

/** Ogg Vorbis: identification page, then comment and setup on one page, as libvorbis writes them. */
export function taggedVorbis(): Buffer {
  // Audio packets have the low bit of their first byte clear (headers have it set).
  const audio = [1, 2].map((i) => ({ packets: [Buffer.alloc(40, 2 * i), Buffer.alloc(40, 2 * i + 10)], granule: BigInt(1024 * i) }));
  return oggStream(7, [{ packets: [VORBIS_ID], granule: 0n }, { packets: [vorbisComment(), VORBIS_SETUP], granule: 0n }, ...audio]);
}

function crc8(bytes: Buffer): number {
  let c = 0;
  for (const b of bytes) {
    c ^= b;
    for (let k = 0; k < 8; k++) c = c & 0x80 ? ((c << 1) ^ 0x07) & 0xff : (c << 1) & 0xff;
  }
  return c;
}

function crc16(bytes: Buffer): number {
  let c = 0;
  for (const b of bytes) {
    c ^= b << 8;
    for (let k = 0; k < 8; k++) c = c & 0x8000 ? ((c << 1) ^ 0x8005) & 0xffff : (c << 1) & 0xffff;
  }
  return c;
}

/** A FLAC frame of 192 mono 16-bit samples at 44.1 kHz, one CONSTANT subframe. */
export function flacFrame(n: number, value = 0): Buffer {
  const head = Buffer.from([0xff, 0xf8, 0x19, 0x08, n & 0x7f]);
  const body = Buffer.concat([head, Buffer.from([crc8(head), 0x00, (value >> 8) & 0xff, value & 0xff])]);
  const crc = Buffer.alloc(2);
  crc.writeUInt16BE(crc16(body));
  return Buffer.concat([body, crc]);
}

export function flacBlock(type: number, body: Buffer, last = false): Buffer {
  const h = Buffer.alloc(4);
  h[0] = type | (last ? 0x80 : 0);
  h.writeUIntBE(body.length, 1, 3);
  return Buffer.concat([h, body]);
}

export function streamInfo(frames: number): Buffer {
  const b = Buffer.alloc(34);
  b.writeUInt16BE(192, 0);
  b.writeUInt16BE(192, 2);
  const packed = (44100n << 44n) | (0n << 41n) | (15n << 36n) | BigInt(192 * frames);
  b.writeBigUInt64BE(packed, 10);
  return b;
}

const FRAMES = 8;
export const flacFrames = (n = FRAMES): Buffer => Buffer.concat(Array.from({ length: n }, (_, i) => flacFrame(i, i * 100)));

function id3v1(): Buffer {
  const b = Buffer.alloc(128);
  b.write('TAG', 0, 'latin1');
  b.write(PERSON, 33, 'latin1');
  return b;
}

/** A native FLAC file: STREAMINFO, SEEKTABLE, comments, a cover, an APPLICATION block, padding with an old tag, frames, ID3v1. */
export function taggedFlac(): Buffer {
  const seek = Buffer.concat([Buffer.alloc(8), Buffer.alloc(8), Buffer.from([0, 192])]);
  return Buffer.concat([
    Buffer.from('fLaC', 'latin1'),
    flacBlock(0, streamInfo(FRAMES)), flacBlock(3, seek), flacBlock(4, comments('reference libFLAC 1.4.3 20230623', TAGS().slice(0, 3))),
    flacBlock(6, pictureBody(2000)), flacBlock(2, Buffer.concat([Buffer.from('riff', 'latin1'), Buffer.from(`IART ${PERSON}`, 'latin1')])),
    flacBlock(1, Buffer.from(`old ARTIST=${PERSON}`, 'latin1'), true),
    flacFrames(), id3v1(),
  ]);
}

/** FLAC in Ogg: the mapping's first packet with STREAMINFO, then a comment and a PICTURE packet. */
export function taggedOggFlac(): Buffer {
  const first = Buffer.concat([Buffer.from('\x7fFLAC', 'latin1'), Buffer.from([1, 0, 0, 2]), Buffer.from('fLaC', 'latin1'), flacBlock(0, streamInfo(FRAMES))]);
  const frames = Array.from({ length: FRAMES }, (_, i) => flacFrame(i, i * 100));
  return oggStream(99, [
    { packets: [first], granule: 0n }, { packets: [flacBlock(4, comments('reference libFLAC 1.4.3', TAGS().slice(0, 3)))], granule: 0n },
    { packets: [flacBlock(6, pictureBody(500), true)], granule: 0n }, { packets: frames.slice(0, 4), granule: 768n }, { packets: frames.slice(4), granule: 1536n },
  ]);
}

/** AMR-NB as phones record calls: the magic line and 12.2 kbit/s speech frames (type 7, 31 bytes after the header). */
export function amrNb(frames = 50): Buffer {
  const frame = Buffer.concat([Buffer.from([0x3c]), Buffer.alloc(31, 0x21)]);
  return Buffer.concat([Buffer.from('#!AMR\n', 'latin1'), ...Array.from({ length: frames }, () => frame)]);
}

/** AMR-WB: the magic line and 23.85 kbit/s frames (type 8, 60 bytes) with a NO_DATA frame between. */
export function amrWb(frames = 20): Buffer {
  const frame = Buffer.concat([Buffer.from([0x44]), Buffer.alloc(60, 0x33)]);
  return Buffer.concat([Buffer.from('#!AMR-WB\n', 'latin1'), ...Array.from({ length: frames }, () => frame), Buffer.from([0x7c]), frame]);
}

/** Every whole page from the start gets its CRC recomputed, so a fuzzed or hand-edited page is judged on its edit. */
export function recrcPages(buf: Buffer): Buffer {
  const out = Buffer.from(buf);
  for (let at = 0; at + 27 <= out.length && out.toString('latin1', at, at + 4) === 'OggS';) {
    const n = out[at + 26]!;
    if (at + 27 + n > out.length) break;
    const end = at + 27 + n + [...out.subarray(at + 27, at + 27 + n)].reduce((a, b) => a + b, 0);
    if (end > out.length) break;
    out.writeUInt32LE(0, at + 22);
    out.writeUInt32LE(oggCrc(out.subarray(at, end)), at + 22);
    at = end;
  }
  return out;
}

export interface ReadOgg {
  /** Packets by serial number, in order. */
  packets: Map<number, Buffer[]>;
  /** Pages by serial number: how many there are. */
  pages: Map<number, number>;
}

/** A reader of our own, for the tests: every CRC checked with this file's CRC, sequence numbers gapless (unless told), packets rebuilt. */
export function readOgg(buf: Buffer, options: { gaps?: boolean } = {}): ReadOgg {
  const packets = new Map<number, Buffer[]>();
  const pages = new Map<number, number>();
  const partial = new Map<number, Buffer[]>();
  for (let at = 0; at < buf.length;) {
    if (buf.toString('latin1', at, at + 4) !== 'OggS') throw new Error(`no page at ${at}`);
    const n = buf[at + 26]!;
    const lacing = [...buf.subarray(at + 27, at + 27 + n)];
    const end = at + 27 + n + lacing.reduce((a, b) => a + b, 0);
    const page = Buffer.from(buf.subarray(at, end));
    const crc = page.readUInt32LE(22);
    page.writeUInt32LE(0, 22);
    if (oggCrc(page) !== crc) throw new Error(`bad CRC on the page at ${at}`);
    const serial = page.readUInt32LE(14);
    const seq = page.readUInt32LE(18);
    if (!options.gaps && seq !== (pages.get(serial) ?? 0)) throw new Error(`page ${seq} of stream ${serial} out of sequence`);
    pages.set(serial, seq + 1);
    let o = 27 + n;
    const parts = partial.get(serial) ?? [];
    for (const l of lacing) {
      parts.push(page.subarray(o, o + l));
      o += l;
      if (l < 255) {
        packets.set(serial, [...(packets.get(serial) ?? []), Buffer.concat(parts)]);
        parts.length = 0;
      }
    }
    partial.set(serial, parts);
    at = end;
  }
  return { packets, pages };
}
