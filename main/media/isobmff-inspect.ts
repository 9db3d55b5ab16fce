// The cleaned file read again before it is handed out, by random access so a long video's media
// data is skipped rather than read: every box of the tree is visited, and any metadata box, any
// padding or blanked box with a non-zero byte, any wall-clock time, any track that is not
// pictures or sound is a leak. A leak stops the exhibit; it is never written (T5).
import { CustodiaError } from '../../shared/errors/error-codes';
import { CONTAINERS, MAX_BOX_DEPTH, MAX_HELD_BOX, MEDIA_HANDLERS, parseHeader, printable, TIMED, TOP_KEEP } from './isobmff-boxes';

export type ReadAt = (position: number, length: number) => Promise<Buffer>;

const WHAT = 'MP4 exhibit';
const ZERO_CHECK_STEP = 1 << 20;

export async function isoBmffLeaks(readAt: ReadAt, size: number): Promise<string[]> {
  const leaks: string[] = [];
  let at = 0;
  while (at < size) {
    const head = await readAt(at, Math.min(16, size - at));
    if (head.length < 8) throw new CustodiaError('E_MEDIA_TRUNCATED', `${WHAT} ends inside a box header at byte ${at}`);
    const h = parseHeader(head.subarray(0, 8), head.length >= 16 ? head.subarray(8, 16) : undefined, at, WHAT);
    const boxSize = h.size ?? size - at;
    if (at + boxSize > size) throw new CustodiaError('E_MEDIA_BAD_LENGTH', `${WHAT}: box '${printable(h.type)}' runs past the end`);
    const p0 = at + h.headerSize;
    if (h.type === 'moov' || h.type === 'moof') {
      if (boxSize > MAX_HELD_BOX) throw new CustodiaError('E_METADATA_TOO_LARGE', `${WHAT}: box '${h.type}' is too large to check`);
      walk(await readAt(p0, boxSize - h.headerSize), h.type, 1, leaks);
    } else if (h.type === 'free') {
      if (!(await allZero(readAt, p0, at + boxSize))) leaks.push(`${h.type} with content at byte ${at}`);
    } else if (!TOP_KEEP.has(h.type)) {
      leaks.push(printable(h.type));
    }
    at += boxSize;
  }
  return leaks;
}

async function allZero(readAt: ReadAt, from: number, to: number): Promise<boolean> {
  for (let o = from; o < to; o += ZERO_CHECK_STEP) {
    if ((await readAt(o, Math.min(ZERO_CHECK_STEP, to - o))).some((b) => b !== 0)) return false;
  }
  return true;
}

function walk(buf: Buffer, path: string, depth: number, leaks: string[]): void {
  if (depth > MAX_BOX_DEPTH) throw new CustodiaError('E_MEDIA_TOO_DEEP', `${WHAT}: boxes nest too deep at '${path}'`);
  let o = 0;
  while (o < buf.length) {
    if (buf.length - o < 8) throw new CustodiaError('E_MEDIA_BAD_LENGTH', `${WHAT}: stray bytes in '${path}'`);
    const large = buf.readUInt32BE(o) === 1 ? buf.subarray(o + 8, o + 16) : undefined;
    const h = parseHeader(buf.subarray(o, o + 8), large && large.length === 8 ? large : undefined, o, WHAT);
    const size = h.size ?? buf.length - o;
    if (o + size > buf.length) throw new CustodiaError('E_MEDIA_BAD_LENGTH', `${WHAT}: box '${printable(h.type)}' overflows '${path}'`);
    const payload = buf.subarray(o + h.headerSize, o + size);
    const child = `${path}/${printable(h.type)}`;
    if (CONTAINERS.has(h.type)) walk(payload, child, depth + 1, leaks);
    else if (h.type === 'free' && payload.some((b) => b !== 0)) leaks.push(`${child} with content`);
    else if (TIMED.has(h.type) && payload.subarray(4, payload[0] === 1 ? 20 : 12).some((b) => b !== 0)) leaks.push(`${child} time`);
    else if (h.type === 'hdlr' && path.endsWith('/mdia') && !MEDIA_HANDLERS.has(payload.toString('latin1', 8, 12))) leaks.push(`${child} track kind`);
    else if (h.type === 'hdlr' && payload.subarray(24).some((b) => b !== 0)) leaks.push(`${child} name`);
    else if (/^(udta|meta|uuid|\xa9...|XMP_|ilst|keys)$/.test(h.type)) leaks.push(child);
    o += size;
  }
}

/** A buffer as random-access reads. */
export function bufferReadAt(buf: Buffer): ReadAt {
  return async (position, length) => buf.subarray(position, position + length);
}
