// Vorbis comments, as Ogg Vorbis, Opus, FLAC and Matroska's Vorbis tracks carry them: a vendor
// string (the encoder's name) and a list of NAME=value fields (ARTIST, LOCATION, a cover picture
// in METADATA_BLOCK_PICTURE...). A clean comment has an empty vendor and no field at all.
import { CustodiaError } from '../../shared/errors/error-codes';

export interface XiphComment {
  vendorBytes: number;
  /** Known field names (upper-cased) for the report, and how many others there were. */
  fields: string[];
  count: number;
  /** Bytes after the list (Opus padding or binary data, Vorbis' framing bit excluded). */
  extraBytes: number;
}

/**
 * Field names the report may name. A field name is free text (a tagger may write a person's name
 * there, or no '=' at all), and the report travels in the custody log and the dossier: any other
 * name is only counted.
 */
const KNOWN_FIELDS = new Set([
  'TITLE', 'VERSION', 'ALBUM', 'TRACKNUMBER', 'ARTIST', 'PERFORMER', 'COPYRIGHT', 'LICENSE', 'ORGANIZATION', 'DESCRIPTION', 'GENRE',
  'DATE', 'LOCATION', 'CONTACT', 'ISRC', 'COMMENT', 'ENCODER', 'ENCODED_BY', 'ALBUMARTIST', 'COMPOSER', 'LYRICS', 'LANGUAGE',
  'METADATA_BLOCK_PICTURE', 'COVERART', 'CREATION_TIME', 'DISCNUMBER', 'R128_TRACK_GAIN', 'R128_ALBUM_GAIN', 'REPLAYGAIN_TRACK_GAIN',
]);

/** Reads a comment body that starts at `at` (after any codec prefix); every length is checked. */
export function readXiphComment(buf: Buffer, at: number, what: string, framingBit: boolean): XiphComment {
  const need = (n: number, o: number): void => {
    if (o + n > buf.length) throw new CustodiaError('E_MEDIA_BAD_LENGTH', `${what}: the comment header declares more bytes than it holds`, { offset: o });
  };
  need(4, at);
  const vendorBytes = buf.readUInt32LE(at);
  let o = at + 4;
  need(vendorBytes + 4, o);
  o += vendorBytes;
  const count = buf.readUInt32LE(o);
  o += 4;
  const fields = new Set<string>();
  let others = 0;
  for (let i = 0; i < count; i++) {
    need(4, o);
    const n = buf.readUInt32LE(o);
    need(n, o + 4);
    const text = buf.toString('latin1', o + 4, o + 4 + Math.min(n, 64));
    const eq = text.indexOf('=');
    const name = eq > 0 ? text.slice(0, eq).toUpperCase() : '';
    if (KNOWN_FIELDS.has(name)) fields.add(name);
    else others += 1;
    o += 4 + n;
  }
  if (others > 0) fields.add(others === 1 ? 'one other field' : `${others} other fields`);
  const extra = buf.length - o - (framingBit ? 1 : 0);
  if (extra < 0) throw new CustodiaError('E_MEDIA_TRUNCATED', `${what}: the comment header lacks its framing bit`);
  return { vendorBytes, fields: [...fields], count, extraBytes: extra };
}

export function isEmptyComment(c: XiphComment): boolean {
  return c.vendorBytes === 0 && c.count === 0 && c.extraBytes === 0;
}

/** What the report says was removed from a comment, or nothing when it was already empty. */
export function describeComment(c: XiphComment, where: string): string[] {
  const out: string[] = [];
  if (c.count > 0) out.push(`${where} (${c.fields.join(', ')})`);
  if (c.vendorBytes > 0) out.push(`${where} encoder name`);
  if (c.extraBytes > 0) out.push(`${where} trailing data`);
  return out;
}

/** An empty comment after `prefix`: no vendor, no field, and the framing bit where Vorbis wants it. */
export function emptyComment(prefix: Buffer, framingBit: boolean): Buffer {
  return Buffer.concat([prefix, Buffer.alloc(8), framingBit ? Buffer.from([1]) : Buffer.alloc(0)]);
}
