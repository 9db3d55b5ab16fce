// Lossless JPEG strip: the compressed image data is copied byte for byte; only metadata segments
// go. Kept: what decoding and display need (JFIF without thumbnail, a standard ICC profile,
// Adobe's colour-transform flag, Orientation), each rebuilt from its parsed fields so no hidden
// bytes ride along.
import { CustodiaError } from '../../shared/errors/error-codes';
import { iccDescription, isStandardIcc } from './icc-profile';
import { APP0, APP15, COM, EOI, SOI, appIdentifier, isSof, walkJpeg, type JpegSegment } from './jpeg-markers';
import { orientationApp1, readOrientation } from './minimal-exif';

export interface JpegStripOutput {
  data: Buffer;
  removed: string[];
  kept: string[];
}

/** Tables, frames, scans and restart markers: everything a decoder reads. */
const CODEC_MARKERS = new Set([0xc4, 0xcc, 0xda, 0xdb, 0xdc, 0xdd, 0xde, 0xdf]);
const isCodec = (m: number): boolean => CODEC_MARKERS.has(m) || isSof(m) || (m >= 0xd0 && m <= 0xd7);

function segment(marker: number, payload: Buffer): Buffer {
  const head = Buffer.from([0xff, marker, 0, 0]);
  head.writeUInt16BE(payload.length + 2, 2);
  return Buffer.concat([head, payload]);
}

interface Collected {
  jfif?: Buffer;
  adobe?: Buffer;
  orientation?: number;
  icc: { seq: number; total: number; seg: Buffer; data: Buffer }[];
}

export function stripJpeg(buf: Buffer): JpegStripOutput {
  const layout = walkJpeg(buf);
  const removed: string[] = [];
  const kept: string[] = [];
  const body: Buffer[] = [];
  const c: Collected = { icc: [] };
  for (const seg of layout.segments) {
    if (seg.marker === SOI || seg.marker === EOI) continue;
    if (isCodec(seg.marker)) body.push(buf.subarray(seg.start, seg.end));
    else if (seg.marker === COM) removed.push('JPEG comment');
    else if (seg.marker >= APP0 && seg.marker <= APP15) classifyApp(buf, seg, c, removed);
    else throw new CustodiaError('E_UNSUPPORTED_MEDIA', `JPEG uses marker 0x${seg.marker.toString(16)}, which Custodia does not strip`);
  }
  const head: Buffer[] = [Buffer.from([0xff, SOI])];
  if (c.jfif) {
    head.push(c.jfif);
    kept.push('JFIF');
  }
  if (c.orientation !== undefined && c.orientation !== 1) {
    head.push(orientationApp1(c.orientation));
    kept.push(`EXIF Orientation ${c.orientation}`);
  }
  keepIccIfStandard(c.icc, head, kept, removed);
  if (c.adobe) {
    head.push(c.adobe);
    kept.push('Adobe APP14');
  }
  const trailing = buf.length - layout.eoiEnd;
  if (trailing > 0) removed.push(`trailing data after EOI (${trailing} bytes)`);
  const data = Buffer.concat([...head, ...body, Buffer.from([0xff, EOI])]);
  return { data, removed: [...new Set(removed)], kept };
}

function classifyApp(buf: Buffer, seg: JpegSegment, c: Collected, removed: string[]): void {
  const id = appIdentifier(buf, seg);
  const n = seg.marker - APP0;
  const p = seg.payload;
  const len = seg.end - p;
  if (n === 0 && id === 'JFIF' && len >= 14 && !c.jfif) {
    const fields = buf.subarray(p + 5, p + 12); // version(2) units(1) Xdensity(2) Ydensity(2)
    if ((buf[p + 12] as number) * (buf[p + 13] as number) > 0) removed.push('JFIF thumbnail');
    c.jfif = segment(0xe0, Buffer.concat([Buffer.from('JFIF\0', 'latin1'), fields, Buffer.from([0, 0])]));
  } else if (n === 0 && id === 'JFXX') removed.push('JFXX thumbnail');
  else if (n === 1 && id === 'Exif' && len > 6) {
    c.orientation ??= readOrientation(buf.subarray(p + 6, seg.end));
    removed.push('EXIF');
  } else if (n === 1 && id.startsWith('http://ns.adobe.com/xap/1.0/')) removed.push('XMP');
  else if (n === 1 && id.startsWith('http://ns.adobe.com/xmp/extension/')) removed.push('XMP (extended)');
  else if (n === 2 && id === 'ICC_PROFILE' && len > 14) {
    c.icc.push({ seq: buf[p + 12] as number, total: buf[p + 13] as number, seg: buf.subarray(seg.start, seg.end), data: buf.subarray(p + 14, seg.end) });
  } else if (n === 2 && id === 'MPF') removed.push('MPF (multi-picture index)');
  else if (n === 13 && id.startsWith('Photoshop')) removed.push('IPTC');
  else if (n === 14 && id.startsWith('Adobe') && len >= 12 && !c.adobe) {
    c.adobe = segment(0xee, Buffer.concat([Buffer.from('Adobe', 'latin1'), buf.subarray(p + 5, p + 12)]));
  } else removed.push(`APP${n}${id ? ` ${id}` : ''}`);
}

/** Re-emits the profile's APP2 chunks in order when it is a complete, standard colour space. */
function keepIccIfStandard(chunks: Collected['icc'], head: Buffer[], kept: string[], removed: string[]): void {
  if (chunks.length === 0) return;
  const sorted = [...chunks].sort((a, b) => a.seq - b.seq);
  const complete = sorted.every((ch, i) => ch.seq === i + 1 && ch.total === sorted.length);
  const desc = complete ? iccDescription(Buffer.concat(sorted.map((ch) => ch.data))) : undefined;
  if (complete && isStandardIcc(desc)) {
    head.push(...sorted.map((ch) => ch.seg));
    kept.push(`ICC (${desc})`);
  } else {
    removed.push(`ICC (${desc ?? 'unreadable'}: not a standard colour space)`);
  }
}
