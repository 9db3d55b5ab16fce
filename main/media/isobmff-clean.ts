// MP4, MOV, 3GP and M4A without identifying metadata, losslessly and in one streaming pass. Every
// metadata box (udta with its ©xyz GPS and ©nam tags, meta with iTunes and Apple keys, uuid XMP,
// unknown boxes, padding that may hold old tags) becomes a `free` box of the same size whose
// bytes are all zero, and wall-clock times in mvhd/tkhd/mdhd are set to zero. No box changes
// size, so no chunk offset (stco/co64) moves and the media data passes through untouched: a
// 500 MiB video costs one read, one write and the memory of its moov box.
// A track whose samples could hold a place or a name (timed GPS metadata, subtitles) and media
// stored in another file are refused: blanking their boxes would leave the samples in mdat.
import { CustodiaError } from '../../shared/errors/error-codes';
import { ByteStream, type Sink } from './byte-stream';
import {
  badLength, CONTAINERS, KEEP, MAX_BOX_DEPTH, MAX_HELD_BOX, MEDIA_HANDLERS, METADATA_BOXES, PADDING, parseHeader, printable, TIMED,
  TOP_KEEP, TOP_REWRITE,
} from './isobmff-boxes';

export const WHAT = 'MP4 file';

export interface IsoBmffCleanResult {
  /** What was blanked, by box path (`moov/udta (©xyz, ©nam)`), plus 'creation and modification times'. */
  removed: string[];
}

export class Log {
  readonly removed = new Set<string>();
}

export async function cleanIsoBmff(source: AsyncIterable<Uint8Array>, sink: Sink, o: { size?: number } = {}): Promise<IsoBmffCleanResult> {
  const r = new ByteStream(source, WHAT);
  const log = new Log();
  while (!(await r.atEnd())) {
    const at = r.position;
    const head = await r.read(8);
    const large = head.readUInt32BE(0) === 1 ? await r.read(8) : undefined;
    const h = parseHeader(head, large, at, WHAT);
    if (at === 0 && h.type !== 'ftyp') {
      throw new CustodiaError('E_MALFORMED_MEDIA', `${WHAT} does not start with an ftyp box`);
    }
    if (o.size !== undefined && h.size !== undefined && at + h.size > o.size) {
      throw badLength(WHAT, `box '${printable(h.type)}' declares ${h.size} bytes, past the end of the file (${o.size} bytes)`, at);
    }
    const payload = h.size === undefined ? undefined : h.size - h.headerSize;
    const header = large ? Buffer.concat([head, large]) : head;
    if (TOP_REWRITE.has(h.type)) {
      if (payload === undefined) throw badLength(WHAT, `box '${h.type}' runs to the end of the file`, at);
      if (payload > MAX_HELD_BOX) {
        throw new CustodiaError('E_METADATA_TOO_LARGE', `${WHAT}: box '${h.type}' declares ${payload} bytes, above the limit of ${MAX_HELD_BOX}`);
      }
      const body = await r.read(payload);
      cleanChildren(body, 0, body.length, h.type, 1, log, at + h.headerSize);
      await sink(header);
      await sink(body);
    } else if (TOP_KEEP.has(h.type)) {
      await sink(header);
      await r.pass(payload, sink);
    } else {
      noteBlanked(log, h.type, h.type, undefined);
      header.write('free', 4, 'latin1');
      await sink(header);
      await r.zero(payload, sink);
    }
  }
  if (r.position === 0) throw r.truncated(8);
  return { removed: [...log.removed].sort() };
}

export function cleanChildren(buf: Buffer, start: number, end: number, path: string, depth: number, log: Log, base: number): void {
  if (depth > MAX_BOX_DEPTH) {
    throw new CustodiaError('E_MEDIA_TOO_DEEP', `${WHAT}: boxes nest deeper than ${MAX_BOX_DEPTH} levels at '${path}'`, { depth });
  }
  let o = start;
  while (o < end) {
    if (end - o < 8) throw badLength(WHAT, `${end - o} stray bytes at the end of '${path}'`, base + o);
    const size32 = buf.readUInt32BE(o);
    if (size32 === 1 && end - o < 16) throw badLength(WHAT, `a 64-bit box size cut off in '${path}'`, base + o);
    const h = parseHeader(buf.subarray(o, o + 8), size32 === 1 ? buf.subarray(o + 8, o + 16) : undefined, base + o, WHAT);
    const size = h.size ?? end - o;
    if (size > end - o) {
      throw badLength(WHAT, `box '${printable(h.type)}' declares ${size} bytes but '${path}' has ${end - o} left`, base + o);
    }
    const p0 = o + h.headerSize;
    const p1 = o + size;
    const child = `${path}/${printable(h.type)}`;
    if (CONTAINERS.has(h.type)) cleanChildren(buf, p0, p1, child, depth + 1, log, base);
    else if (TIMED.has(h.type)) zeroTimes(buf, p0, p1, child, log, base);
    else if (h.type === 'hdlr') cleanHandler(buf, p0, p1, path, base);
    else if (h.type === 'dref') cleanDataReferences(buf, p0, p1, child, base);
    else if (!KEEP.has(h.type)) {
      noteBlanked(log, child, h.type, buf.subarray(p0, p1));
      buf.write('free', o + 4, 'latin1');
      buf.fill(0, p0, p1);
    }
    o = p1;
  }
}

export function noteBlanked(log: Log, path: string, type: string, payload: Buffer | undefined): void {
  if (PADDING.has(type)) return;
  if (!METADATA_BOXES.has(type)) {
    log.removed.add(`${path} (unknown box)`);
    return;
  }
  const inside = payload ? childTypes(payload) : [];
  log.removed.add(inside.length > 0 ? `${path} (${inside.join(', ')})` : path);
}

/** The tags a udta or meta box held, for the report; an unreadable inside names nothing. */
function childTypes(payload: Buffer): string[] {
  // ISO `meta` is a full box (4 bytes of version and flags first); QuickTime's is not.
  for (const start of [0, 4]) {
    const types: string[] = [];
    let o = start;
    while (o + 8 <= payload.length) {
      const size = payload.readUInt32BE(o);
      if (size < 8 || o + size > payload.length) break;
      types.push(printable(payload.toString('latin1', o + 4, o + 8)));
      o += size;
    }
    if (o === payload.length && types.length > 0) return [...new Set(types)].slice(0, 20);
  }
  return [];
}

/** mvhd, tkhd and mdhd: version 0 has 32-bit creation and modification times, version 1 64-bit. */
function zeroTimes(buf: Buffer, p0: number, p1: number, path: string, log: Log, base: number): void {
  const span = buf[p0] === 1 ? 16 : 8;
  if (p1 - p0 < 4 + span) throw badLength(WHAT, `'${path}' is too short for its times`, base + p0);
  const times = buf.subarray(p0 + 4, p0 + 4 + span);
  if (times.some((b) => b !== 0)) log.removed.add('creation and modification times');
  times.fill(0);
}

/** A track's handler says what its samples are; its name string is blanked (it is free text). */
function cleanHandler(buf: Buffer, p0: number, p1: number, parent: string, base: number): void {
  if (p1 - p0 < 24) throw badLength(WHAT, `'${parent}/hdlr' is too short`, base + p0);
  const kind = buf.toString('latin1', p0 + 8, p0 + 12);
  if (parent.endsWith('/mdia') && !MEDIA_HANDLERS.has(kind)) {
    throw new CustodiaError(
      'E_UNCLEANABLE_CONTENT',
      `${WHAT} has a '${printable(kind)}' track (timed metadata such as GPS, or text): its samples cannot be removed without rewriting the media`,
      { handler: printable(kind) },
    );
  }
  buf.fill(0, p0 + 24, p1);
}

/** Media kept in another file (a data reference that is not self-contained) names a path or URL. */
function cleanDataReferences(buf: Buffer, p0: number, p1: number, path: string, base: number): void {
  if (p1 - p0 < 8) throw badLength(WHAT, `'${path}' is too short`, base + p0);
  let o = p0 + 8;
  while (o < p1) {
    if (p1 - o < 12) throw badLength(WHAT, `a data reference cut off in '${path}'`, base + o);
    const size = buf.readUInt32BE(o);
    if (size < 12 || size > p1 - o) throw badLength(WHAT, `a data reference declares ${size} bytes in '${path}'`, base + o);
    const selfContained = (buf.readUInt32BE(o + 8) & 1) === 1;
    if (!selfContained) {
      throw new CustodiaError('E_UNCLEANABLE_CONTENT', `${WHAT} refers to media stored in another file, by a path or URL`);
    }
    buf.fill(0, o + 12, o + size);
    o += size;
  }
}
