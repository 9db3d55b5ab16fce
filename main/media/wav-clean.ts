// A WAV without metadata: the RIFF chunks a player needs (fmt, fact, data) are copied byte for
// byte and every other chunk (LIST/INFO with artist and comments, id3, bext with originator and
// dates, iXML, _PMX XMP, cue lists) is dropped; the RIFF size is rewritten. RF64 is refused.
import { CustodiaError } from '../../shared/errors/error-codes';

const WHAT = 'WAV file';
const KEEP = new Set(['fmt ', 'fact', 'data']);

export interface WavCleanResult {
  data: Buffer;
  removed: string[];
}

export function cleanWav(buf: Buffer): WavCleanResult {
  if (buf.length < 12 || buf.toString('latin1', 0, 4) !== 'RIFF' || buf.toString('latin1', 8, 12) !== 'WAVE') {
    throw new CustodiaError('E_MALFORMED_MEDIA', `${WHAT} does not start with RIFF/WAVE`);
  }
  const declared = buf.readUInt32LE(4) + 8;
  if (declared > buf.length) {
    throw new CustodiaError('E_MEDIA_BAD_LENGTH', `${WHAT}: RIFF declares ${declared} bytes, the file has ${buf.length}`, { offset: 4 });
  }
  const kept: Buffer[] = [];
  const removed = new Set<string>();
  const seen = new Set<string>();
  let at = 12;
  while (at < declared) {
    if (declared - at < 8) throw new CustodiaError('E_MEDIA_TRUNCATED', `${WHAT} ends inside a chunk header at byte ${at}`, { offset: at });
    const id = buf.toString('latin1', at, at + 4);
    const size = buf.readUInt32LE(at + 4);
    const padded = size + (size % 2);
    // The last chunk may omit its pad byte; nothing may run past the RIFF.
    if (at + 8 + size > declared) {
      throw new CustodiaError('E_MEDIA_BAD_LENGTH', `${WHAT}: chunk '${id.replace(/[^\x20-\x7e]/g, '?')}' declares ${size} bytes past the end of the RIFF`, { offset: at });
    }
    const end = Math.min(at + 8 + padded, declared);
    if (KEEP.has(id)) {
      if (seen.has(id)) throw new CustodiaError('E_MALFORMED_MEDIA', `${WHAT} has two '${id}' chunks`);
      seen.add(id);
      kept.push(buf.subarray(at, end), end - at < 8 + padded ? Buffer.alloc(1) : Buffer.alloc(0));
    } else {
      removed.add(id === 'LIST' ? `LIST ${buf.toString('latin1', at + 8, at + 12).replace(/[^\x20-\x7e]/g, '?')}` : id.trim());
    }
    at = end;
  }
  if (declared < buf.length) removed.add('bytes after the RIFF');
  if (!seen.has('fmt ') || !seen.has('data')) throw new CustodiaError('E_MALFORMED_MEDIA', `${WHAT} lacks its fmt or data chunk`);
  const body = Buffer.concat(kept);
  const head = Buffer.alloc(12);
  head.write('RIFF', 0, 'latin1');
  head.writeUInt32LE(body.length + 4, 4);
  head.write('WAVE', 8, 'latin1');
  return { data: Buffer.concat([head, body]), removed: [...removed].sort() };
}
