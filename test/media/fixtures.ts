// Real files for the media tests: pixels from sharp, metadata written by exiftool (an independent
// tool), PNG text chunks assembled by hand so tEXt, iTXt and zTXt are all present.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { crc32, deflateSync } from 'node:zlib';
import sharp, { type Sharp } from 'sharp';
import { identifyingKind } from '../../main/media/identifying-tags';

export type ImageFormat = 'jpeg' | 'png' | 'webp' | 'tiff' | 'gif' | 'avif';
export const EXT: Record<ImageFormat, string> = { jpeg: 'jpg', png: 'png', webp: 'webp', tiff: 'tif', gif: 'gif', avif: 'avif' };

export function tempDir(): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'custodia-media-'));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** A gradient with detail in every channel, so any pixel change shows in a hash. */
export function gradient(width: number, height: number): Sharp {
  const raw = Buffer.alloc(width * height * 3);
  for (let y = 0; y < height; y += 1) {
    for (let x = 0; x < width; x += 1) {
      const i = (y * width + x) * 3;
      raw[i] = (x * 7) & 255;
      raw[i + 1] = (y * 5) & 255;
      raw[i + 2] = (x * y) & 255;
    }
  }
  return sharp(raw, { raw: { width, height, channels: 3 } });
}

export async function makeImage(path: string, format: ImageFormat, width = 320, height = 240, opts: { lossless?: boolean } = {}): Promise<void> {
  const img = gradient(width, height);
  if (format === 'jpeg') await img.jpeg({ quality: 90 }).toFile(path);
  else if (format === 'png') await img.png().toFile(path);
  else if (format === 'webp') await img.webp(opts.lossless ? { lossless: true } : { quality: 85 }).toFile(path);
  else if (format === 'tiff') await img.tiff().toFile(path);
  else if (format === 'gif') await img.gif().toFile(path);
  else await img.avif({ quality: 50, effort: 0 }).toFile(path);
}

/** The metadata a phone and a careful photographer leave behind, written by exiftool. */
export const RICH_TAGS = [
  '-GPSLatitude=12.59', '-GPSLatitudeRef=S', '-GPSLongitude=69.19', '-GPSLongitudeRef=W', '-GPSAltitude=210',
  '-Make=Apple', '-Model=iPhone 13', '-SerialNumber=C39XK1', '-Artist=Maria Quispe', '-XMP-dc:Creator=Maria Quispe',
  '-IPTC:By-line=Maria Quispe', '-IPTC:City=Puerto Maldonado', '-XMP-photoshop:City=Puerto Maldonado',
  '-DateTimeOriginal=2026:10:02 18:30:00', '-Comment=taken at the camp at km 108',
];

export function exiftoolWrite(path: string, args: string[]): void {
  execFileSync('exiftool', ['-q', '-q', '-overwrite_original', ...args, path]);
}

export async function makeRichImage(dir: string, format: ImageFormat, opts: { orientation?: number; width?: number; height?: number } = {}): Promise<string> {
  const path = join(dir, `rich-${format}-${opts.orientation ?? 1}.${EXT[format]}`);
  await makeImage(path, format, opts.width, opts.height);
  const thumb = join(dir, 'thumb.jpg');
  await gradient(64, 48).jpeg().toFile(thumb);
  const args = [...RICH_TAGS, `-ThumbnailImage<=${thumb}`];
  if (opts.orientation) args.push(`-Orientation#=${opts.orientation}`);
  exiftoolWrite(path, args);
  if (format === 'png') writeFileSync(path, withPngText(readFileSync(path)));
  return path;
}

function pngChunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

/** Inserts chunks right after IHDR (8-byte signature + 25-byte IHDR chunk). */
export function insertPngChunks(png: Buffer, chunks: Buffer[]): Buffer {
  return Buffer.concat([png.subarray(0, 33), ...chunks, png.subarray(33)]);
}

export function withPngText(png: Buffer): Buffer {
  const latin = (s: string): Buffer => Buffer.from(s, 'latin1');
  return insertPngChunks(png, [
    pngChunk('tEXt', Buffer.concat([latin('Author\0'), latin('Maria Quispe')])),
    pngChunk('zTXt', Buffer.concat([latin('Description\0\0'), deflateSync(latin('photo of the men on the motorcycle'))])),
    pngChunk('iTXt', Buffer.concat([latin('Location\0\x01\0es\0Lugar\0'), deflateSync(Buffer.from('Tambopata, km 108', 'utf8'))])),
    pngChunk('iTXt', Buffer.concat([latin('Secret note\0\0\0\0\0'), Buffer.from('call Rosa at 555-0199', 'utf8')])),
  ]);
}

export { pngChunk };

export type ExiftoolTags = Record<string, unknown>;

/** exiftool's view of a file: every tag, with its family-1 group, duplicates included. */
export function exiftoolRead(path: string): ExiftoolTags {
  const out = execFileSync('exiftool', ['-j', '-G1', '-a', '-n', path], { encoding: 'utf8' });
  return (JSON.parse(out) as ExiftoolTags[])[0] ?? {};
}

/** Tags exiftool sees that the shared identifying list flags; file-system facts do not count. */
export function identifyingPerExiftool(tags: ExiftoolTags): string[] {
  return Object.keys(tags).filter((key) => {
    const [group, name] = key.includes(':') ? (key.split(':') as [string, string]) : ['', key];
    // Composite tags are exiftool's own sums of other tags (GPSPosition), never stored in the file.
    if (['System', 'ExifTool', 'Composite', ''].includes(group) || name === 'SourceFile') return false;
    return identifyingKind(name) !== undefined;
  });
}

/** Groups that only metadata lives in: none may survive in an exhibit. */
export function metadataGroupsPerExiftool(tags: ExiftoolTags): string[] {
  const groups = new Set(Object.keys(tags).filter((k) => k.includes(':')).map((k) => k.split(':')[0] as string));
  return [...groups].filter((g) => /^(GPS|ExifIFD|IFD1|InteropIFD|IPTC|Photoshop|MakerNotes|Apple|XMP.*|MPF0?|JFXX|ICC-header|ICC_Profile|PNG-tEXt)$/.test(g));
}

export const APPENDED = Buffer.from('\0\0\0\x20ftypisom appended video bytes', 'latin1');

/** SOI, a JFIF APP0 with a 2x1 RGB thumbnail, a JFXX APP0, the rest, and appended bytes. */
export function withJfifThumbnails(jpeg: Buffer): Buffer {
  const jfif = Buffer.from([0xff, 0xe0, 0, 22, 0x4a, 0x46, 0x49, 0x46, 0, 1, 2, 0, 0, 72, 0, 72, 2, 1, 255, 0, 0, 0, 255, 0]);
  const jfxx = Buffer.from([0xff, 0xe0, 0, 10, 0x4a, 0x46, 0x58, 0x58, 0, 0x13, 1, 1]);
  const rest = jpeg.subarray(jpeg[3] === 0xe0 ? 4 + jpeg.readUInt16BE(4) : 2);
  return Buffer.concat([jpeg.subarray(0, 2), jfif, jfxx, rest, APPENDED]);
}
