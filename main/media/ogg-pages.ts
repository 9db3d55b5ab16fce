// Ogg pages (RFC 3533): each one read with its length and CRC checked, so nothing unread can sit
// between pages, and pages written afresh with their CRC (crc.ts: Ogg's own CRC-32, over the page
// with its CRC field zeroed).
import { CustodiaError } from '../../shared/errors/error-codes';
import { oggCrc } from './crc';

export const WHAT = 'Ogg file';
export const CONTINUED = 0x01;
export const BOS = 0x02;
export const EOS = 0x04;
const HEADER = 27;
/** Granule position -1: no packet ends on this page. */
const NO_GRANULE = Buffer.alloc(8, 0xff);
const ZERO_CRC = Buffer.alloc(4);

export interface OggPage {
  at: number;
  flags: number;
  granule: Buffer;
  serial: number;
  seq: number;
  lacing: Buffer;
  body: Buffer;
  /** The page as it is in the file. */
  raw: Buffer;
}

/** Every page of the file, in order; anything that is not a whole, intact page is refused. */
export function readPages(buf: Buffer): OggPage[] {
  const pages: OggPage[] = [];
  for (let at = 0; at < buf.length;) {
    if (buf.length - at < HEADER) throw truncated(at);
    if (buf.toString('latin1', at, at + 4) !== 'OggS' || buf[at + 4] !== 0) {
      throw new CustodiaError('E_MALFORMED_MEDIA', `${WHAT}: byte ${at} does not start an Ogg page`, { offset: at });
    }
    const segments = buf[at + 26]!;
    if (buf.length - at < HEADER + segments) throw truncated(at);
    const lacing = buf.subarray(at + HEADER, at + HEADER + segments);
    const bodyLength = lacing.reduce((n, l) => n + l, 0);
    const end = at + HEADER + segments + bodyLength;
    if (end > buf.length) throw truncated(at);
    const page = buf.subarray(at, end);
    const crc = oggCrc(page.subarray(26), oggCrc(ZERO_CRC, oggCrc(page.subarray(0, 22))));
    if (crc !== page.readUInt32LE(22)) {
      throw new CustodiaError('E_MALFORMED_MEDIA', `${WHAT}: the page at byte ${at} fails its checksum`, { offset: at });
    }
    pages.push({
      at, flags: page[5]!, granule: page.subarray(6, 14), serial: page.readUInt32LE(14), seq: page.readUInt32LE(18), lacing,
      body: page.subarray(HEADER + segments), raw: page,
    });
    at = end;
  }
  if (pages.length === 0) throw truncated(0);
  return pages;
}

function truncated(at: number): CustodiaError {
  return new CustodiaError('E_MEDIA_TRUNCATED', `${WHAT} ends inside the page that starts at byte ${at}`, { offset: at });
}

function writePage(p: Omit<OggPage, 'at' | 'raw'>): Buffer {
  const head = Buffer.alloc(HEADER);
  head.write('OggS', 0, 'latin1');
  head[5] = p.flags;
  p.granule.copy(head, 6);
  head.writeUInt32LE(p.serial, 14);
  head.writeUInt32LE(p.seq >>> 0, 18);
  head[26] = p.lacing.length;
  const page = Buffer.concat([head, p.lacing, p.body]);
  page.writeUInt32LE(oggCrc(page), 22);
  return page;
}

/** Gives a page, in place, a new sequence number and the CRC that goes with it. */
export function setSequence(page: Buffer, seq: number): void {
  page.writeUInt32LE(seq, 18);
  page.writeUInt32LE(0, 22);
  page.writeUInt32LE(oggCrc(page), 22);
}

/** A page's packets: each complete one, plus the unfinished tail that continues on the next page. */
export function pagePackets(page: OggPage): { parts: Buffer[]; ends: boolean[] } {
  const parts: Buffer[] = [];
  const ends: boolean[] = [];
  let from = 0;
  let o = 0;
  page.lacing.forEach((l, i) => {
    o += l;
    if (l < 255 || i === page.lacing.length - 1) {
      parts.push(page.body.subarray(from, o));
      ends.push(l < 255);
      from = o;
    }
  });
  return { parts, ends };
}

/**
 * Header packets laid out on fresh pages of one stream, numbered from `firstSeq`: at most 255
 * lacing values a page, the last page ending where the last packet ends (audio starts on a page
 * of its own, as Vorbis and Opus require). Granule 0 where a packet ends, -1 where none does.
 */
export function paginate(packets: Buffer[], serial: number, firstSeq: number, firstFlags = 0): Buffer[] {
  const segs: { bytes: Buffer; startsPacket: boolean; endsPacket: boolean }[] = [];
  for (const p of packets) {
    for (let o = 0; ; o += 255) {
      const n = Math.min(255, p.length - o);
      segs.push({ bytes: p.subarray(o, o + n), startsPacket: o === 0, endsPacket: n < 255 });
      if (n < 255) break;
    }
  }
  const pages: Buffer[] = [];
  for (let i = 0; i < segs.length; i += 255) {
    const run = segs.slice(i, i + 255);
    pages.push(writePage({
      flags: (run[0]!.startsPacket ? 0 : CONTINUED) | (pages.length === 0 ? firstFlags : 0),
      granule: run.some((s) => s.endsPacket) ? Buffer.alloc(8) : NO_GRANULE,
      serial, seq: firstSeq + pages.length, lacing: Buffer.from(run.map((s) => s.bytes.length)), body: Buffer.concat(run.map((s) => s.bytes)),
    }));
  }
  return pages;
}
