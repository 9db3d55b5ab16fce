// Ogg Vorbis, Opus and FLAC-in-Ogg without tags, losslessly: each stream's comment header is
// rewritten to an empty list with an empty vendor string (so METADATA_BLOCK_PICTURE cover art
// goes with every other field), FLAC's PICTURE, APPLICATION and other blocks are dropped, and the
// header packets are laid out on fresh pages. Audio pages are copied, renumbered when the header
// took a different number of pages, with their CRC recomputed. Every page's CRC is checked first,
// so no byte outside a page is kept. Streams of any other kind (video, subtitles) are refused.
import { CustodiaError } from '../../shared/errors/error-codes';
import { checkStreamInfo, cleanFlacBlocks, emptyCommentBlock, readBlockHeader } from './flac-metadata';
import { BOS, CONTINUED, EOS, type OggPage, pagePackets, paginate, readPages, setSequence, WHAT } from './ogg-pages';
import { describeComment, emptyComment, readXiphComment } from './xiph-comment';

type Codec = 'opus' | 'vorbis' | 'flac';

interface Stream {
  codec: Codec;
  bos: OggPage;
  bosIndex: number;
  packets: Buffer[];
  partial: Buffer[];
  headersDone: boolean;
  seqShift: number;
  ended: boolean;
}

export interface OggCleanResult {
  data: Buffer;
  removed: string[];
}

const malformed = (detail: string, offset: number): CustodiaError =>
  new CustodiaError('E_MALFORMED_MEDIA', `${WHAT}: ${detail} (page at byte ${offset})`, { offset });

const starts = (p: Buffer, ascii: string): boolean => p.length >= ascii.length && p.toString('latin1', 0, ascii.length) === ascii;

function codecOf(id: Buffer, at: number): Codec {
  if (starts(id, 'OpusHead')) return 'opus';
  if (starts(id, '\x01vorbis')) return 'vorbis';
  if (starts(id, '\x7fFLAC') && id.length >= 51 && starts(id.subarray(9), 'fLaC')) return 'flac';
  throw new CustodiaError(
    'E_UNCLEANABLE_CONTENT',
    `${WHAT} holds a stream that is not Opus, Vorbis or FLAC sound (video, subtitles, an index or another codec) at byte ${at}; it cannot be checked for identifying data`,
  );
}

/** FLAC's header ends with the block flagged last; Vorbis has three header packets, Opus two. */
function headersComplete(s: Stream): boolean {
  if (s.codec === 'opus') return s.packets.length === 2;
  if (s.codec === 'vorbis') return s.packets.length === 3;
  const lastBlock = s.packets.length === 1 ? s.packets[0]![13]! : s.packets[s.packets.length - 1]![0]!;
  return (lastBlock & 0x80) !== 0;
}

/** The stream's header packets rewritten without tags, and what that removed. */
function cleanHeaders(s: Stream): { packets: Buffer[]; removed: string[] } {
  const [id, ...rest] = s.packets as [Buffer, ...Buffer[]];
  if (s.codec === 'opus') {
    const tags = rest[0]!;
    if (!starts(tags, 'OpusTags')) throw malformed('the second Opus packet is not OpusTags', s.bos.at);
    const removed = describeComment(readXiphComment(tags, 8, WHAT, false), 'Opus comments');
    // OpusHead is 19 bytes, or 21 plus one per channel with a channel mapping table.
    const head = trimmed(id, id.length > 18 && id[18] !== 0 ? 21 + id[9]! : 19, 'Opus', s.bos.at, removed);
    return { packets: [head, emptyComment(Buffer.from('OpusTags', 'latin1'), false)], removed };
  }
  if (s.codec === 'vorbis') {
    const [comment, setup] = rest as [Buffer, Buffer];
    if (!starts(comment, '\x03vorbis') || !starts(setup, '\x05vorbis')) throw malformed('the Vorbis header packets are out of order', s.bos.at);
    const removed = describeComment(readXiphComment(comment, 7, WHAT, true), 'Vorbis comments');
    return { packets: [trimmed(id, 30, 'Vorbis', s.bos.at, removed), emptyComment(Buffer.from('\x03vorbis', 'latin1'), true), setup], removed };
  }
  // FLAC in Ogg: the first packet carries STREAMINFO, each later header packet one metadata block.
  const streamInfo = readBlockHeader(id, 13, id.length, WHAT);
  checkStreamInfo(streamInfo, WHAT);
  const blocks = rest.map((p) => {
    const b = readBlockHeader(p, 0, p.length, WHAT);
    if (b.raw.length !== p.length) throw malformed('a FLAC header packet holds more than its metadata block', s.bos.at);
    return b;
  });
  const { kept, removed } = cleanFlacBlocks([streamInfo, ...blocks], WHAT);
  // Ogg FLAC wants a VORBIS_COMMENT right after STREAMINFO: an empty one.
  const others = kept.slice(1);
  const headers = [emptyCommentBlock(others.length === 0), ...others];
  const first = Buffer.concat([id.subarray(0, 13), kept[0]!]);
  first[13] = first[13]! & 0x7f;
  first.writeUInt16BE(headers.length, 7);
  return { packets: [first, ...headers], removed };
}

/** An identification header cut to its defined length: bytes after it are read by no decoder and could hold anything. */
function trimmed(id: Buffer, length: number, codec: string, at: number, removed: string[]): Buffer {
  if (id.length < length) throw new CustodiaError('E_MEDIA_TRUNCATED', `${WHAT}: the ${codec} identification header is cut short`, { offset: at });
  if (id.length > length) removed.push(`bytes after the ${codec} identification header`);
  return id.subarray(0, length);
}

/** The output as parts: header pages made afresh, and audio pages of the input, some to be renumbered. */
interface OggPlan {
  parts: Buffer[];
  /** Part index to its new sequence number (its CRC is recomputed in the output). */
  renumber: Map<number, number>;
  removed: string[];
}

function planOgg(buf: Buffer): OggPlan {
  const pages = readPages(buf);
  const streams = new Map<number, Stream>();
  const out: Buffer[] = [];
  const renumber = new Map<number, number>();
  const removed = new Set<string>();
  for (const p of pages) {
    let s = streams.get(p.serial);
    if ((p.flags & BOS) !== 0) {
      if (s) throw malformed('two streams begin with the same serial number', p.at);
      const { parts, ends } = pagePackets(p);
      if (parts.length !== 1 || !ends[0] || (p.flags & CONTINUED) !== 0) throw malformed('a first page must hold exactly one whole packet', p.at);
      s = { codec: codecOf(parts[0]!, p.at), bos: p, bosIndex: out.length, packets: [parts[0]!], partial: [], headersDone: false, seqShift: 0, ended: false };
      streams.set(p.serial, s);
      out.push(p.raw);
      if (headersComplete(s)) finishHeaders(s, p, out, removed);
    } else if (!s) {
      throw malformed('a page belongs to a stream that never began', p.at);
    } else if (s.ended) {
      throw malformed('a page follows the end of its stream', p.at);
    } else if (!s.headersDone) {
      readHeaderPage(s, p);
      if (s.headersDone) finishHeaders(s, p, out, removed);
    } else {
      checkAudioPage(s, p);
      if (s.seqShift !== 0) renumber.set(out.length, (p.seq + s.seqShift) >>> 0);
      out.push(p.raw);
    }
    if ((p.flags & EOS) !== 0) {
      if (!s.headersDone) throw malformed('a stream ends inside its headers', p.at);
      s.ended = true;
    }
  }
  for (const s of streams.values()) {
    if (!s.headersDone) throw new CustodiaError('E_MEDIA_TRUNCATED', `${WHAT} ends before the headers of its ${s.codec} stream are complete`);
  }
  return { parts: out, renumber, removed: [...removed].sort() };
}

/** One output buffer: the parts copied in, renumbered pages patched with their new number and CRC. */
export function cleanOgg(buf: Buffer): OggCleanResult {
  const { parts, renumber, removed } = planOgg(buf);
  const data = Buffer.allocUnsafe(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  parts.forEach((part, i) => {
    part.copy(data, at);
    const seq = renumber.get(i);
    if (seq !== undefined) setSequence(data.subarray(at, at + part.length), seq);
    at += part.length;
  });
  return { data, removed };
}

/** The re-inspection: planning the exhibit again must find nothing to remove and no page to change. */
export function oggLeaks(buf: Buffer): string[] {
  const { parts, renumber, removed } = planOgg(buf);
  let at = 0;
  const same = renumber.size === 0 && parts.every((part) => {
    const equal = part.equals(buf.subarray(at, at + part.length));
    at += part.length;
    return equal;
  }) && at === buf.length;
  return same ? removed : [...removed, 'pages a second cleaning would change'];
}

/**
 * A packet after the headers must look like sound, not like another header (a second comment
 * header would be copied with its tags): Vorbis audio packets have the low bit clear, FLAC
 * frames start with their sync code, and Opus reserves its two magic signatures for headers.
 */
function checkAudioPage(s: Stream, p: OggPage): void {
  const { parts } = pagePackets(p);
  const starts = (p.flags & CONTINUED) !== 0 ? parts.slice(1) : parts;
  for (const packet of starts) {
    if (packet.length === 0) continue;
    const header =
      s.codec === 'vorbis' ? (packet[0]! & 1) === 1
      : s.codec === 'flac' ? packet[0] !== 0xff || (packet.length > 1 && (packet[1]! & 0xfe) !== 0xf8)
      : packet.length >= 8 && /^Opus(Head|Tags)$/.test(packet.toString('latin1', 0, 8));
    if (header) throw malformed(`a ${s.codec} packet after the headers is not sound`, p.at);
  }
}

function readHeaderPage(s: Stream, p: OggPage): void {
  if (((p.flags & CONTINUED) !== 0) !== (s.partial.length > 0)) throw malformed('a header page does not continue the packet before it', p.at);
  const { parts, ends } = pagePackets(p);
  parts.forEach((part, i) => {
    if (s.headersDone) throw malformed('sound begins on a header page', p.at);
    s.partial.push(part);
    if (ends[i]) {
      s.packets.push(Buffer.concat(s.partial));
      s.partial = [];
      s.headersDone = headersComplete(s);
    }
  });
  if (s.headersDone && s.partial.length > 0) throw malformed('sound begins on a header page', p.at);
}

/** The cleaned headers replace the stream's first page and its header pages. */
function finishHeaders(s: Stream, last: OggPage, out: Buffer[], removed: Set<string>): void {
  s.headersDone = true;
  const cleaned = cleanHeaders(s);
  for (const r of cleaned.removed) removed.add(r);
  const [id, ...rest] = cleaned.packets as [Buffer, ...Buffer[]];
  if (!id.equals(s.packets[0]!)) {
    const [bos] = paginate([id], s.bos.serial, s.bos.seq, BOS);
    out[s.bosIndex] = bos!;
  }
  const pages = paginate(rest, s.bos.serial, s.bos.seq + 1);
  out.push(...pages);
  s.seqShift = s.bos.seq + pages.length - last.seq;
}

