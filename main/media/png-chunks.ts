// PNG chunk walk: checks structure and CRCs, decodes text chunks (with bounded inflate, so a
// zTXt bomb is refused), and names every metadata chunk.
import { crc32, inflateSync } from 'node:zlib';
import { CustodiaError } from '../../shared/errors/error-codes';
import { clipText, emptyScan, type ContainerScan } from './container-scan';
import { MAX_INFLATED_CHUNK } from './limits';

const SIGNATURE_LENGTH = 8;
const CODEC_CHUNKS = new Set(['IHDR', 'PLTE', 'IDAT', 'IEND', 'tRNS', 'gAMA', 'cHRM', 'sRGB', 'sBIT', 'bKGD', 'pHYs', 'acTL', 'fcTL', 'fdAT', 'cICP', 'mDCv', 'cLLi', 'hIST', 'sPLT']);
const NAMED: Record<string, string> = { tIME: 'PNG tIME', eXIf: 'EXIF', iCCP: 'ICC', zxIf: 'EXIF' };

const malformed = (why: string): CustodiaError => new CustodiaError('E_MALFORMED_MEDIA', `PNG is malformed or truncated: ${why}`);

export interface PngChunk {
  type: string;
  start: number;
  data: Buffer;
}

export function walkPngChunks(buf: Buffer): PngChunk[] {
  const chunks: PngChunk[] = [];
  let pos = SIGNATURE_LENGTH;
  for (;;) {
    if (pos + 12 > buf.length) throw malformed('ends before IEND');
    const length = buf.readUInt32BE(pos);
    const type = buf.toString('latin1', pos + 4, pos + 8);
    if (!/^[A-Za-z]{4}$/.test(type)) throw malformed(`bad chunk type at byte ${pos}`);
    const end = pos + 12 + length;
    if (length > 0x7fffffff || end > buf.length) throw malformed(`chunk ${type} overruns the file`);
    const crc = buf.readUInt32BE(end - 4);
    if (crc32(buf.subarray(pos + 4, end - 4)) !== crc) throw malformed(`chunk ${type} fails its CRC`);
    if (chunks.length === 0 && type !== 'IHDR') throw malformed('first chunk is not IHDR');
    chunks.push({ type, start: pos, data: buf.subarray(pos + 8, end - 4) });
    pos = end;
    if (type === 'IEND') return chunks;
  }
}

export function scanPng(buf: Buffer): ContainerScan {
  const chunks = walkPngChunks(buf);
  const ihdr = (chunks[0] as PngChunk).data;
  if (ihdr.length !== 13) throw malformed('IHDR has the wrong size');
  const scan = emptyScan(ihdr.readUInt32BE(0), ihdr.readUInt32BE(4));
  const blocks = new Set<string>();
  for (const c of chunks) {
    if (CODEC_CHUNKS.has(c.type)) continue;
    scan.metadataBytes += c.data.length;
    if (c.type === 'tEXt' || c.type === 'zTXt' || c.type === 'iTXt') readText(c, scan, blocks);
    else blocks.add(NAMED[c.type] ?? `PNG chunk ${c.type}`);
    if (c.type === 'iCCP') inflateBounded(c.data.subarray(c.data.indexOf(0) + 2), 'iCCP');
  }
  const last = chunks[chunks.length - 1] as PngChunk;
  const trailing = buf.length - (last.start + 12);
  if (trailing > 0) blocks.add(`trailing data after IEND (${trailing} bytes)`);
  scan.blocks = [...blocks];
  return scan;
}

function readText(c: PngChunk, scan: ContainerScan, blocks: Set<string>): void {
  const nul = c.data.indexOf(0);
  if (nul < 1) throw malformed(`${c.type} chunk without keyword`);
  const keyword = c.data.toString('latin1', 0, nul);
  let text: string;
  if (c.type === 'tEXt') text = c.data.toString('latin1', nul + 1);
  else if (c.type === 'zTXt') text = inflateBounded(c.data.subarray(nul + 2), keyword).toString('latin1');
  else {
    const compressed = c.data[nul + 1] === 1;
    const lang = c.data.indexOf(0, nul + 3);
    const translated = lang < 0 ? -1 : c.data.indexOf(0, lang + 1);
    if (translated < 0) throw malformed('iTXt chunk is truncated');
    const body = c.data.subarray(translated + 1);
    text = (compressed ? inflateBounded(body, keyword) : body).toString('utf8');
  }
  if (keyword === 'XML:com.adobe.xmp') {
    blocks.add('XMP');
    scan.xmp = Buffer.from(text, 'utf8');
    return;
  }
  blocks.add(`PNG ${c.type}`);
  const raw = /^Raw profile type (exif|APP1|iptc|8bim|xmp)$/i.exec(keyword);
  if (raw) decodeRawProfile((raw[1] as string).toLowerCase(), text, scan, blocks);
  scan.text[keyword] = clipText(text);
}

/** ImageMagick's hex-encoded "Raw profile type X" text chunks carry whole EXIF/IPTC/XMP blocks. */
function decodeRawProfile(kind: string, text: string, scan: ContainerScan, blocks: Set<string>): void {
  const hex = text.split('\n').slice(3).join('').replace(/[^0-9a-f]/gi, '');
  const data = Buffer.from(hex, 'hex');
  if (kind === 'exif' || kind === 'app1') {
    scan.exif = data.subarray(0, 6).toString('latin1') === 'Exif\0\0' ? data.subarray(6) : data;
    blocks.add('EXIF');
  } else if (kind === 'xmp') {
    scan.xmp = data;
    blocks.add('XMP');
  } else {
    scan.iptc = data;
    blocks.add('IPTC');
  }
}

function inflateBounded(data: Buffer, what: string): Buffer {
  try {
    return inflateSync(data, { maxOutputLength: MAX_INFLATED_CHUNK });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') {
      throw new CustodiaError('E_DECOMPRESSION_BOMB', `PNG chunk ${what} inflates beyond ${MAX_INFLATED_CHUNK} bytes`);
    }
    throw malformed(`compressed chunk ${what} does not inflate`);
  }
}
