// ISO base media (MP4, MOV, 3GP, M4A) boxes: header parsing with every length checked against the
// space that holds it, and which boxes the cleaner keeps, walks into, or blanks (T7).
import { CustodiaError } from '../../shared/errors/error-codes';

/** Deepest box nesting accepted; real files stay below 10 (moov/trak/mdia/minf/stbl/stsd/...). */
export const MAX_BOX_DEPTH = 16;
/** Largest box held in memory to be rewritten (moov, moof); an hour of 4K video has a few MB. */
export const MAX_HELD_BOX = 64 * 1024 * 1024;

export interface BoxHeader {
  type: string;
  /** Header bytes: 8, or 16 with a 64-bit size. */
  headerSize: number;
  /** Whole box including its header; undefined for a last box that runs to the end of the file. */
  size: number | undefined;
}

export function badLength(what: string, detail: string, offset: number): CustodiaError {
  return new CustodiaError('E_MEDIA_BAD_LENGTH', `${what}: ${detail} at byte ${offset}`, { offset });
}

/** Parses a header from its first 8 bytes plus, when the size is 1, the next 8. */
export function parseHeader(head: Buffer, large: Buffer | undefined, offset: number, what: string): BoxHeader {
  const size32 = head.readUInt32BE(0);
  const type = head.toString('latin1', 4, 8);
  if (size32 === 1) {
    if (!large) throw new CustodiaError('E_INTERNAL', 'a 64-bit box size needs its 8 extra bytes');
    const big = large.readBigUInt64BE(0);
    if (big > BigInt(Number.MAX_SAFE_INTEGER)) throw badLength(what, `box '${printable(type)}' declares ${big} bytes`, offset);
    const size = Number(big);
    if (size < 16) throw badLength(what, `box '${printable(type)}' declares ${size} bytes, less than its own header`, offset);
    return { type, headerSize: 16, size };
  }
  if (size32 === 0) return { type, headerSize: 8, size: undefined };
  if (size32 < 8) throw badLength(what, `box '${printable(type)}' declares ${size32} bytes, less than its own header`, offset);
  return { type, headerSize: 8, size: size32 };
}

/** A box type as text fit for a message: four-character codes may hold any byte. */
export function printable(type: string): string {
  return type.replace(/[^\x20-\x7e\xa9]/g, '?');
}

/** Walked into: boxes made only of other boxes. */
export const CONTAINERS = new Set(['moov', 'trak', 'mdia', 'minf', 'dinf', 'edts', 'mvex', 'moof', 'traf']);

/** Kept as they are: the structure a player needs, holding no names, places or devices. */
export const KEEP = new Set([
  'iods', 'tref', 'trgr', 'elng', 'elst', 'vmhd', 'smhd', 'hmhd', 'nmhd', 'gmhd', 'stbl', 'tapt', 'load', 'clip', 'matt', 'ctab',
  'trex', 'mehd', 'leva', 'trep', 'mfhd', 'tfhd', 'tfdt', 'trun', 'sbgp', 'sgpd', 'saiz', 'saio', 'senc', 'subs', 'sdtp',
]);

/** Kept with their wall-clock creation and modification times set to zero. */
export const TIMED = new Set(['mvhd', 'tkhd', 'mdhd']);

/** Top-level boxes kept as they are (media data and indexes); moov and moof are rewritten. */
export const TOP_KEEP = new Set(['ftyp', 'mdat', 'mfra', 'sidx', 'ssix', 'styp', 'pdin']);
export const TOP_REWRITE = new Set(['moov', 'moof']);

/** Track kinds whose samples are pictures or sound (or frame counters); any other kind is refused. */
export const MEDIA_HANDLERS = new Set(['vide', 'soun', 'tmcd']);

/** Metadata boxes whose removal the report names; anything else blanked is 'unknown box'. */
export const METADATA_BOXES = new Set(['udta', 'meta', 'uuid', 'prft', 'emsg', 'pnot', 'PICT', 'thum', 'XMP_']);

/** Boxes whose payload is blanked without being named as metadata (padding can hold old tags). */
export const PADDING = new Set(['free', 'skip', 'wide']);
