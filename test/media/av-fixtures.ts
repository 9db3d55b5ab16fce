// Audio, video and PDF evidence built by hand in the test, so each tag is known: an MP4 with GPS
// and a name in udta, Apple keys in meta and XMP in a uuid box; an MP3 with ID3v2, APE and ID3v1
// tags; a WAV with LIST/INFO and id3 chunks; a PDF with an Info dictionary, XMP, a thumbnail
// and an incremental update that changed its author.
import { execFileSync } from 'node:child_process';
import { PDFDocument, PDFName, StandardFonts } from 'pdf-lib';

export const PERSON = 'Rosa Quispe Mamani';
/** ISO 6709 as phones write it in ©xyz, and the same place as an XMP value. */
export const GPS_6709 = '-12.0464-077.0428/';
export const GPS_WORDS = ['12.0464', '77.0428', '-12.0464', '-077.0428'];
export const FORBIDDEN = ['Rosa', 'Quispe', 'Mamani', ...GPS_WORDS];

const u32 = (n: number): Buffer => {
  const b = Buffer.alloc(4);
  b.writeUInt32BE(n);
  return b;
};

export function box(type: string, ...parts: Buffer[]): Buffer {
  const payload = Buffer.concat(parts);
  return Buffer.concat([u32(8 + payload.length), Buffer.from(type, 'latin1'), payload]);
}

const full = (version: number, flags = 0): Buffer => u32((version << 24) | flags);
const zeros = (n: number): Buffer => Buffer.alloc(n);

/** A QuickTime text atom as phones write ©xyz and ©nam: 16-bit length, 16-bit language, text. */
function qtText(type: string, text: string): Buffer {
  const t = Buffer.from(text, 'utf8');
  const head = Buffer.alloc(4);
  head.writeUInt16BE(t.length, 0);
  head.writeUInt16BE(0x15c7, 2);
  return box(type, head, t);
}

function hdlr(kind: string, name: string): Buffer {
  return box('hdlr', full(0), zeros(4), Buffer.from(kind, 'latin1'), zeros(12), Buffer.from(`${name}\0`, 'latin1'));
}

function mvhdLike(type: string, time: number, rest: number): Buffer {
  return box(type, full(0), u32(time), u32(time), zeros(rest));
}

export const XMP_UUID = Buffer.from('be7acfcb97a942e89c71999491e3afac', 'hex');

export function xmpPacket(): Buffer {
  return Buffer.from(
    `<?xpacket begin="" id="W5M0MpCehiHzreSzNTczkc9d"?><x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">` +
      `<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:exif="http://ns.adobe.com/exif/1.0/">` +
      `<dc:creator><rdf:Seq><rdf:li>${PERSON}</rdf:li></rdf:Seq></dc:creator><exif:GPSLatitude>12,2.784S</exif:GPSLatitude>` +
      `<exif:GPSLongitude>77,2.568W</exif:GPSLongitude></rdf:Description></rdf:RDF></x:xmpmeta><?xpacket end="w"?>`,
    'utf8',
  );
}

/** Media bytes a test can find again in the exhibit, unchanged. */
export const MEDIA_DATA = Buffer.from('\x00\x00\x00\x10fake-h264-frame-data-kept-as-is', 'latin1');

/** An MP4 as a phone writes one: GPS and a name in moov/udta, Apple keys in moov/meta, XMP in a uuid box. */
export function taggedMp4(o: { brand?: string; handler?: string; mdat?: Buffer } = {}): Buffer {
  const ftyp = box('ftyp', Buffer.from(o.brand ?? 'isom', 'latin1'), u32(512), Buffer.from('isomiso2avc1mp41', 'latin1'));
  const mdat = box('mdat', o.mdat ?? MEDIA_DATA);
  const dref = box('dref', full(0), u32(1), box('url ', full(0, 1)));
  const stco = box('stco', full(0), u32(1), u32(0));
  const stbl = box('stbl', box('stsd', full(0), u32(0)), box('stts', full(0), u32(0)), box('stsc', full(0), u32(0)), box('stsz', full(0), u32(0), u32(0)), stco);
  const minf = box('minf', box('vmhd', full(0, 1), zeros(8)), box('dinf', dref), stbl);
  const mdia = box('mdia', mvhdLike('mdhd', 0xdeadbeef, 8), hdlr(o.handler ?? 'vide', 'Core Media Video'), minf);
  const trak = box('trak', mvhdLike('tkhd', 0xdeadbeef, 72), mdia, box('udta', qtText('\xa9nam', PERSON)));
  const udta = box('udta', qtText('\xa9xyz', GPS_6709), qtText('\xa9nam', `Video de ${PERSON}`), qtText('\xa9mak', 'Apple'), qtText('\xa9mod', 'iPhone 15 Pro'));
  const keys = box('keys', full(0), u32(1), box('mdta', Buffer.from('com.apple.quicktime.location.ISO6709', 'latin1')));
  const ilst = box('ilst', box('\x00\x00\x00\x01', box('data', u32(1), u32(0), Buffer.from(GPS_6709, 'latin1'))));
  const meta = box('meta', hdlr('mdta', ''), keys, ilst);
  const moov = box('moov', mvhdLike('mvhd', 0xdeadbeef, 88), trak, udta, meta);
  const xmp = box('uuid', XMP_UUID, xmpPacket());
  // A stco that points at mdat's payload: the cleaner must keep it valid (no box changes size).
  const head = Buffer.concat([ftyp, moov, xmp]);
  const fixed = Buffer.from(head);
  const at = fixed.indexOf(Buffer.from('stco', 'latin1')) + 12;
  fixed.writeUInt32BE(head.length + 8, at);
  return Buffer.concat([fixed, mdat]);
}

/** A synchsafe 28-bit integer as ID3v2 writes sizes. */
function synchsafe(n: number): Buffer {
  return Buffer.from([(n >> 21) & 0x7f, (n >> 14) & 0x7f, (n >> 7) & 0x7f, n & 0x7f]);
}

function id3Frame(id: string, text: string): Buffer {
  const body = Buffer.concat([Buffer.from([3]), Buffer.from(text, 'utf8')]);
  return Buffer.concat([Buffer.from(id, 'latin1'), synchsafe(body.length), zeros(2), body]);
}

export function id3v2(frames: Buffer[] = [id3Frame('TPE1', PERSON), id3Frame('TIT2', `Audio de ${PERSON}`), id3Frame('TXXX', `\0GPS ${GPS_6709}`)]): Buffer {
  const body = Buffer.concat(frames);
  return Buffer.concat([Buffer.from('ID3', 'latin1'), Buffer.from([4, 0, 0]), synchsafe(body.length), body]);
}

/** MPEG-1 Layer III, 128 kbit/s, 44.1 kHz, no padding: 417-byte frames. */
export function mp3Frames(n: number): Buffer {
  const frame = Buffer.alloc(417, 0x55);
  frame.writeUInt32BE(0xfffb9000, 0);
  return Buffer.concat(Array.from({ length: n }, () => frame));
}

function apeTag(): Buffer {
  const item = Buffer.concat([u32le(PERSON.length), u32le(0), Buffer.from('Artist\0', 'latin1'), Buffer.from(PERSON, 'utf8')]);
  const footer = (isHeader: boolean): Buffer => {
    const b = Buffer.alloc(32);
    b.write('APETAGEX', 0, 'latin1');
    b.writeUInt32LE(2000, 8);
    b.writeUInt32LE(item.length + 32, 12);
    b.writeUInt32LE(1, 16);
    b.writeUInt32LE(((isHeader ? 0x20000000 : 0) | 0x80000000) >>> 0, 20);
    return b;
  };
  return Buffer.concat([footer(true), item, footer(false)]);
}

function u32le(n: number): Buffer {
  const b = Buffer.alloc(4);
  b.writeUInt32LE(n);
  return b;
}

function id3v1(): Buffer {
  const b = Buffer.alloc(128);
  b.write('TAG', 0, 'latin1');
  b.write('Grabacion', 3, 'latin1');
  b.write('Rosa Quispe Mamani', 33, 'latin1');
  return b;
}

export function taggedMp3(frames = 20): Buffer {
  return Buffer.concat([id3v2(), mp3Frames(frames), apeTag(), id3v1()]);
}

function riffChunk(id: string, body: Buffer): Buffer {
  const pad = body.length % 2 === 1 ? Buffer.alloc(1) : Buffer.alloc(0);
  return Buffer.concat([Buffer.from(id, 'latin1'), u32le(body.length), body, pad]);
}

export function taggedWav(): Buffer {
  const fmt = Buffer.alloc(16);
  fmt.writeUInt16LE(1, 0);
  fmt.writeUInt16LE(1, 2);
  fmt.writeUInt32LE(8000, 4);
  fmt.writeUInt32LE(16000, 8);
  fmt.writeUInt16LE(2, 12);
  fmt.writeUInt16LE(16, 14);
  const info = Buffer.concat([Buffer.from('INFO', 'latin1'), riffChunk('IART', Buffer.from(`${PERSON}\0`, 'latin1')), riffChunk('ICMT', Buffer.from(`GPS ${GPS_6709}\0`, 'latin1'))]);
  const body = Buffer.concat([
    Buffer.from('WAVE', 'latin1'), riffChunk('fmt ', fmt), riffChunk('LIST', info), riffChunk('data', Buffer.alloc(1600, 3)), riffChunk('id3 ', id3v2()),
  ]);
  return Buffer.concat([Buffer.from('RIFF', 'latin1'), u32le(body.length), body]);
}

/** A PDF whose Info and XMP name the person, with a page thumbnail, saved, then changed by an incremental update. */
export async function taggedPdf(): Promise<Buffer> {
  const doc = await PDFDocument.create({ updateMetadata: false });
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const page = doc.addPage([300, 200]);
  page.drawText('Acta de la asamblea comunal', { x: 20, y: 150, size: 12, font });
  doc.setAuthor(`${PERSON} (old revision)`);
  doc.setCreator(PERSON);
  doc.setProducer('Writer 7.2');
  doc.setTitle(`Denuncia de ${PERSON}`);
  const xmp = doc.context.stream(xmpPacket(), { Type: 'Metadata', Subtype: 'XML' });
  doc.catalog.set(PDFName.of('Metadata'), doc.context.register(xmp));
  const thumb = doc.context.stream(Buffer.alloc(12, 7), { Width: 2, Height: 2, ColorSpace: 'DeviceRGB', BitsPerComponent: 8 });
  page.node.set(PDFName.of('Thumb'), doc.context.register(thumb));
  const first = Buffer.from(await doc.save({ useObjectStreams: false }));
  return appendIncrementalUpdate(first);
}

/**
 * An incremental update as editors write one: a new Info object and a new xref section after
 * the first %%EOF. The old Info (naming the person) stays in the file's bytes (what
 * `exiftool -all=` leaves recoverable).
 */
function appendIncrementalUpdate(pdf: Buffer): Buffer {
  const text = pdf.toString('latin1');
  const prevXref = Number(/startxref\s+(\d+)/.exec(text.slice(text.lastIndexOf('startxref')))?.[1]);
  const size = Number(/\/Size (\d+)/.exec(text)?.[1]);
  const root = /\/Root (\d+ \d+ R)/.exec(text)?.[1];
  const id = size;
  const obj = `${id} 0 obj\n<< /Author (${PERSON}) /Creator (${PERSON}) /Title (Denuncia) >>\nendobj\n`;
  const objAt = pdf.length + 1;
  const xrefAt = objAt + obj.length;
  const xref = `xref\n${id} 1\n${String(objAt).padStart(10, '0')} 00000 n \ntrailer\n<< /Size ${id + 1} /Root ${root} /Info ${id} 0 R /Prev ${prevXref} >>\nstartxref\n${xrefAt}\n%%EOF\n`;
  return Buffer.concat([pdf, Buffer.from(`\n${obj}${xref}`, 'latin1')]);
}


/** exiftool's full reading of a file, every group, as text (a judge from outside). */
export function exiftoolAll(path: string): string {
  return execFileSync('exiftool', ['-a', '-G1', '-u', path], { encoding: 'utf8' });
}
