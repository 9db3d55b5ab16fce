// WebM and Matroska without identifying metadata, losslessly and in place: every element the
// schema (matroska-schema.ts) does not keep becomes a Void element of exactly the same size with
// a zero payload, and existing Voids are zeroed. No element moves, so SeekHead and Cues offsets
// stay right and the Clusters (the media) are untouched. A Vorbis or FLAC track's CodecPrivate,
// which carries its own comment header, is rewritten without tags and the bytes it no longer
// needs become a Void; other codecs' private data is kept only for codecs whose set-up holds no
// tags. Tracks other than video and audio (subtitles, buttons, metadata) are refused. The same walk without writing is the re-inspection: it must find nothing.
// Nesting is bounded by the schema (at most Segment/Tracks/TrackEntry/Video): an element the
// schema does not know is voided whole, never walked, however deep its inside goes.
import { CustodiaError } from '../../shared/errors/error-codes';
import { readElement, writeVint, writeVoid, type EbmlElement } from './ebml';
import { cleanFlacBlocks, readFlacBlocks } from './flac-metadata';
import { FILE, ID, KEPT_AT_TOP, type MasterRule, NAMES, SEGMENT } from './matroska-schema';
import { describeComment, emptyComment, readXiphComment } from './xiph-comment';

const WHAT = 'Matroska file';
/**
 * Codecs whose CodecPrivate is decoder set-up alone (avcC, hvcC, av1C, OpusHead, AAC's
 * AudioSpecificConfig...), kept as it is. Vorbis and FLAC carry tags there and are rewritten; a
 * track of any other codec with private data (Theora's Xiph headers, for one) is refused.
 */
const PLAIN_PRIVATE = new Set([
  'V_VP8', 'V_VP9', 'V_AV1', 'V_MPEG4/ISO/AVC', 'V_MPEGH/ISO/HEVC', 'V_MPEG4/ISO/SP', 'V_MPEG4/ISO/ASP', 'V_MPEG4/ISO/AP', 'A_OPUS', 'A_AAC',
  'A_AAC/MPEG4/LC', 'A_AAC/MPEG2/LC', 'A_MPEG/L3', 'A_AC3', 'A_EAC3', 'A_PCM/INT/LIT', 'A_PCM/INT/BIG', 'A_PCM/FLOAT/IEEE',
]);
const VIDEO_TRACK = 1;
const AUDIO_TRACK = 2;

export interface MatroskaCleanResult {
  data: Buffer;
  removed: string[];
}

const label = (id: number): string => NAMES.get(id) ?? `element 0x${id.toString(16)} (unknown)`;
const malformed = (detail: string, offset: number): CustodiaError => new CustodiaError('E_MALFORMED_MEDIA', `${WHAT}: ${detail}`, { offset });
const join = (path: string, name: string): string => (path ? `${path}/${name}` : name);

class Walk {
  readonly removed = new Set<string>();
  segments = 0;

  constructor(private readonly buf: Buffer, private readonly apply: boolean) {}

  file(): void {
    if (this.buf.length < 4 || this.buf.readUInt32BE(0) !== ID.EBML) throw malformed('it does not start with an EBML header', 0);
    this.master(0, this.buf.length, FILE, '', false);
    if (this.segments === 0) throw malformed('it holds no Segment', 0);
  }

  /** The children of a master from `start`; returns where they end (early for an unknown-size master). */
  master(start: number, end: number, r: MasterRule, path: string, open: boolean): number {
    let o = start;
    while (o < end) {
      const el = readElement(this.buf, o, end, WHAT);
      if (open && r.endsAt?.(el.id)) return o;
      const child = r.walk.get(el.id);
      if (el.size === undefined && !child?.unknownSize) throw malformed(`${label(el.id)} at byte ${o} has an unknown size`, o);
      const elEnd = el.size === undefined ? undefined : el.dataStart + el.size;
      if (child) {
        if (el.id === ID.SEGMENT) this.segments += 1;
        const inner = child === SEGMENT ? '' : join(path, child.name);
        const stop = this.master(el.dataStart, elEnd ?? end, child, inner, elEnd === undefined);
        if (el.id === ID.TRACK_ENTRY) this.trackEntry(el, elEnd!);
        if (el.id === ID.SEEK) this.seek(el, elEnd!, path);
        o = elEnd ?? stop;
        continue;
      }
      if (el.id === ID.VOID) this.zero(el.dataStart, elEnd!);
      else if (!r.keep.has(el.id)) this.void(el, elEnd!, join(path, label(el.id)));
      o = elEnd!;
    }
    return o;
  }

  void(el: EbmlElement, end: number, name: string): void {
    this.removed.add(name);
    if (this.apply) writeVoid(this.buf, el.at, end - el.at);
  }

  zero(start: number, end: number): void {
    if (!this.buf.subarray(start, end).some((b) => b !== 0)) return;
    this.removed.add('Void elements with content');
    if (this.apply) this.buf.fill(0, start, end);
  }

  children(el: EbmlElement, end: number): EbmlElement[] {
    const out: EbmlElement[] = [];
    for (let o = el.dataStart; o < end;) {
      const c = readElement(this.buf, o, end, WHAT);
      out.push(c);
      o = c.dataStart + c.size!;
    }
    return out;
  }

  payload(el: EbmlElement): Buffer {
    return this.buf.subarray(el.dataStart, el.dataStart + el.size!);
  }

  uint(el: EbmlElement | undefined): number | undefined {
    if (!el) return undefined;
    const p = this.payload(el);
    return p.length >= 1 && p.length <= 6 ? p.readUIntBE(0, p.length) : p.length === 0 ? 0 : undefined;
  }

  /** A SeekHead entry pointing at an element that was voided is voided too. */
  seek(el: EbmlElement, end: number, path: string): void {
    const target = this.uint(this.children(el, end).find((c) => c.id === ID.SEEK_ID));
    if (target === undefined || !KEPT_AT_TOP.has(target)) this.void(el, end, `${path}/Seek entry for ${target === undefined ? 'nothing' : label(target)}`);
  }

  trackEntry(el: EbmlElement, end: number): void {
    const kids = this.children(el, end);
    const type = this.uint(kids.find((c) => c.id === ID.TRACK_TYPE));
    if (type !== VIDEO_TRACK && type !== AUDIO_TRACK) {
      throw new CustodiaError(
        'E_UNCLEANABLE_CONTENT',
        `${WHAT} has a track that is not video or sound (subtitles, buttons or metadata, type ${type ?? 'missing'}): its blocks could hold names or places`,
        { trackType: type ?? null },
      );
    }
    const codecId = kids.find((c) => c.id === ID.CODEC_ID);
    const codec = codecId ? this.payload(codecId).toString('latin1').replace(/\0+$/, '') : '';
    const priv = kids.find((c) => c.id === ID.CODEC_PRIVATE);
    if (!priv) return;
    if (codec === 'A_VORBIS') this.vorbisPrivate(priv);
    else if (codec === 'A_FLAC') this.flacPrivate(priv);
    else if (!PLAIN_PRIVATE.has(codec)) {
      throw new CustodiaError(
        'E_UNCLEANABLE_CONTENT',
        `${WHAT} has a track of codec '${codec.replace(/[^\x20-\x7e]/g, '?').slice(0, 40)}' whose private data cannot be checked for tags`,
      );
    }
  }

  /** Xiph lacing: the count less one, the lengths of all but the last packet, then the packets. */
  vorbisPrivate(el: EbmlElement): void {
    const p = this.payload(el);
    if (p[0] !== 2) throw malformed('a Vorbis track does not carry its three header packets', el.at);
    const sizes: number[] = [];
    let o = 1;
    for (let k = 0; k < 2; k++) {
      let n = 0;
      for (let b = 255; b === 255; n += b) {
        if (o >= p.length) throw new CustodiaError('E_MEDIA_TRUNCATED', `${WHAT}: a Vorbis track's headers are cut off`, { offset: el.at });
        b = p[o++]!;
      }
      sizes.push(n);
    }
    const [idLength, commentLength] = sizes as [number, number];
    if (o + idLength + commentLength > p.length) throw new CustodiaError('E_MEDIA_BAD_LENGTH', `${WHAT}: a Vorbis track's headers declare more bytes than they hold`, { offset: el.at });
    const id = p.subarray(o, o + idLength);
    const comment = p.subarray(o + idLength, o + idLength + commentLength);
    const setup = p.subarray(o + idLength + commentLength);
    if (comment.toString('latin1', 0, 7) !== '\x03vorbis') throw malformed("a Vorbis track's second header is not its comment header", el.at);
    const removed = describeComment(readXiphComment(comment, 7, WHAT, true), 'Vorbis comments in a track');
    if (removed.length === 0) return;
    for (const r of removed) this.removed.add(r);
    const empty = emptyComment(Buffer.from('\x03vorbis', 'latin1'), true);
    this.rewrite(el, Buffer.concat([Buffer.from([2]), lace(id.length), lace(empty.length), id, empty, setup]));
  }

  flacPrivate(el: EbmlElement): void {
    const p = this.payload(el);
    if (p.toString('latin1', 0, 4) !== 'fLaC') throw malformed("a FLAC track's private data does not start with fLaC", el.at);
    const { blocks, end } = readFlacBlocks(p, 4, WHAT);
    if (end !== p.length) throw malformed("a FLAC track's private data holds bytes after its last block", el.at);
    const { kept, removed } = cleanFlacBlocks(blocks, WHAT);
    if (removed.length === 0) return;
    for (const r of removed) this.removed.add(`${r} in a track`);
    this.rewrite(el, Buffer.concat([p.subarray(0, 4), ...kept]));
  }

  /** A shorter payload in the element's place, the bytes left over turned into a Void. */
  rewrite(el: EbmlElement, payload: Buffer): void {
    if (!this.apply) return;
    const total = el.dataStart + el.size! - el.at;
    let width = el.dataStart - el.at - el.idLength;
    let rest = total - el.idLength - width - payload.length;
    // A Void takes at least 2 bytes; one byte left over goes into a wider size instead.
    if (rest === 1) {
      width += width < 8 ? 1 : -1;
      rest = total - el.idLength - width - payload.length;
    }
    if (rest < 0) throw new CustodiaError('E_INTERNAL', `${WHAT}: a cleaned track header came out longer than the original`);
    writeVint(this.buf, el.at + el.idLength, width, payload.length);
    payload.copy(this.buf, el.at + el.idLength + width);
    if (rest > 0) writeVoid(this.buf, el.at + el.idLength + width + payload.length, rest);
  }
}

function lace(n: number): Buffer {
  return Buffer.concat([Buffer.alloc(Math.floor(n / 255), 255), Buffer.from([n % 255])]);
}

export function cleanMatroska(buf: Buffer): MatroskaCleanResult {
  const data = Buffer.from(buf);
  const w = new Walk(data, true);
  w.file();
  return { data, removed: [...w.removed].sort() };
}

/** The re-inspection: what a cleaned file still carries (nothing, for an exhibit). */
export function matroskaLeaks(buf: Buffer): string[] {
  const w = new Walk(buf, false);
  w.file();
  return [...w.removed].sort();
}
