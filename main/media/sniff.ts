// Media type from magic bytes: a file's name says nothing trustworthy about its contents.
import type { MediaFormat } from '../../shared/media/media-report';

export interface Sniffed {
  mediaType: string;
  format: MediaFormat;
}

const HEIC_BRANDS = new Set(['heic', 'heix', 'heim', 'heis', 'hevc', 'hevx', 'hevm', 'hevs']);
const MP4_BRANDS = new Set(['isom', 'iso2', 'iso4', 'iso5', 'iso6', 'mp41', 'mp42', 'avc1', 'dash', 'M4V ', 'M4VP', 'MSNV', 'f4v ']);

const at = (head: Buffer, offset: number, ascii: string): boolean =>
  head.length >= offset + ascii.length && head.toString('latin1', offset, offset + ascii.length) === ascii;

const startsWithBytes = (head: Buffer, bytes: number[]): boolean =>
  head.length >= bytes.length && bytes.every((b, i) => head[i] === b);

export function sniffMediaType(head: Buffer): Sniffed {
  if (startsWithBytes(head, [0xff, 0xd8, 0xff])) return { mediaType: 'image/jpeg', format: 'jpeg' };
  if (startsWithBytes(head, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return { mediaType: 'image/png', format: 'png' };
  if (at(head, 0, 'GIF87a') || at(head, 0, 'GIF89a')) return { mediaType: 'image/gif', format: 'gif' };
  if (at(head, 0, 'II*\0') || at(head, 0, 'MM\0*') || at(head, 0, 'II+\0') || at(head, 0, 'MM\0+')) {
    return { mediaType: 'image/tiff', format: 'tiff' };
  }
  if (at(head, 0, 'RIFF')) return sniffRiff(head);
  if (at(head, 4, 'ftyp')) return sniffIsoBmff(head);
  return sniffOther(head);
}

function sniffRiff(head: Buffer): Sniffed {
  if (at(head, 8, 'WEBP')) return { mediaType: 'image/webp', format: 'webp' };
  if (at(head, 8, 'WAVE')) return other('audio/wav');
  if (at(head, 8, 'AVI ')) return other('video/x-msvideo');
  return other('application/octet-stream');
}

/** ISO base media files: the major brand and compatible brands tell HEIC, AVIF and MP4 apart. */
function sniffIsoBmff(head: Buffer): Sniffed {
  const boxSize = head.readUInt32BE(0);
  const end = Math.min(head.length, boxSize >= 16 ? boxSize : 16);
  const brands: string[] = [head.toString('latin1', 8, 12)];
  for (let o = 16; o + 4 <= end; o += 4) brands.push(head.toString('latin1', o, o + 4));
  const major = brands[0] ?? '';
  if (major === 'avif' || major === 'avis') return { mediaType: 'image/avif', format: 'avif' };
  if (HEIC_BRANDS.has(major)) return { mediaType: 'image/heic', format: 'heic' };
  if (major === 'mif1' || major === 'msf1') {
    if (brands.includes('avif') || brands.includes('avis')) return { mediaType: 'image/avif', format: 'avif' };
    return { mediaType: 'image/heif', format: 'heic' };
  }
  if (major === 'qt  ') return other('video/quicktime');
  if (major === 'M4A ' || major === 'M4B ') return other('audio/mp4');
  if (major.startsWith('3g')) return other('video/3gpp');
  if (MP4_BRANDS.has(major)) return other('video/mp4');
  return other('application/octet-stream');
}

function sniffOther(head: Buffer): Sniffed {
  if (at(head, 0, '%PDF-')) return other('application/pdf');
  if (at(head, 0, 'ID3') || startsWithBytes(head, [0xff, 0xfb]) || startsWithBytes(head, [0xff, 0xf3]) || startsWithBytes(head, [0xff, 0xf2])) {
    return other('audio/mpeg');
  }
  if (at(head, 0, 'OggS')) return other('audio/ogg');
  if (at(head, 0, 'fLaC')) return other('audio/flac');
  if (at(head, 0, '#!AMR')) return other('audio/amr');
  if (startsWithBytes(head, [0x1a, 0x45, 0xdf, 0xa3])) {
    return other(head.subarray(0, 64).includes('webm') ? 'video/webm' : 'video/x-matroska');
  }
  if (at(head, 0, 'BM')) return other('image/bmp');
  if (startsWithBytes(head, [0xff, 0x0a]) || at(head, 4, 'JXL ')) return other('image/jxl');
  if (at(head, 0, 'PK\x03\x04')) return other('application/zip');
  if (startsWithBytes(head, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return other('application/x-ole-storage');
  if (head.length > 0 && isPlainText(head)) return other('text/plain');
  return other('application/octet-stream');
}

/** UTF-8 without control characters other than whitespace. */
function isPlainText(head: Buffer): boolean {
  for (const b of head) if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d) return false;
  return new TextDecoder('utf-8', { fatal: false }).decode(head).indexOf('\uFFFD') < 0;
}

const other = (mediaType: string): Sniffed => ({ mediaType, format: 'other' });
