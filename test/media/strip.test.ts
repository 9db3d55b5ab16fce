// T5: whoever receives a dossier reads everything in the exhibit, so exhibits must carry no
// metadata that names a person, a device, a place or a time. Judged by exiftool, not by us.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inspectMedia } from '../../main/media/inspect';
import { stripMedia, stripMediaToBuffer } from '../../main/media/strip';
import { EXT, exiftoolRead, identifyingPerExiftool, makeImage, makeRichImage, metadataGroupsPerExiftool, tempDir, type ImageFormat } from './fixtures';

const FORMATS: ImageFormat[] = ['jpeg', 'png', 'webp', 'tiff', 'gif', 'avif'];
let dir: string;
let cleanup: () => void;

beforeAll(() => ({ dir, cleanup } = tempDir()));
afterAll(() => cleanup());

const rotatedRaw = async (path: string): Promise<Buffer> => sharp(path).rotate().raw().toBuffer();

describe('T5 recipient reads everything in the exhibit: no identifying metadata survives', () => {
  it.each(FORMATS)('%s: exiftool finds identifying tags before and none after', async (format) => {
    const original = await makeRichImage(dir, format);
    const before = identifyingPerExiftool(exiftoolRead(original));
    // The fixture must really carry the dangerous tags, or this test proves nothing.
    expect(before.length).toBeGreaterThanOrEqual(format === 'gif' ? 5 : 8);
    const out = join(dir, `exhibit-${format}.${EXT[format]}`);
    const result = await stripMedia(original, out);
    const after = exiftoolRead(out);
    expect(identifyingPerExiftool(after)).toEqual([]);
    expect(metadataGroupsPerExiftool(after)).toEqual([]);
    expect(result.format).toBe(format);
    expect(result.removed).toEqual(expect.arrayContaining(format === 'gif' ? ['XMP', 'GIF comment'] : ['EXIF', 'XMP']));
    expect(result.bytes).toBe(readFileSync(out).length);
    expect((await inspectMedia(out)).identifying).toEqual([]);
  });

  it('PNG: tEXt, iTXt and zTXt chunks are all gone', async () => {
    const original = await makeRichImage(dir, 'png');
    const out = join(dir, 'exhibit-text.png');
    const result = await stripMedia(original, out);
    expect(result.removed).toEqual(expect.arrayContaining(['PNG tEXt', 'PNG zTXt', 'PNG iTXt']));
    const text = readFileSync(out).toString('latin1');
    for (const chunk of ['tEXt', 'zTXt', 'iTXt', 'eXIf', 'tIME']) expect(text.includes(chunk)).toBe(false);
  });
});

describe('JPEG exhibits are lossless', () => {
  it('decoded pixels are identical, by our hash and by djpeg, and the scan bytes are copied unchanged', async () => {
    const original = await makeRichImage(dir, 'jpeg', { width: 640, height: 480 });
    const out = join(dir, 'lossless.jpg');
    const result = await stripMedia(original, out);
    expect(result.pixelsIdentical).toBe(true);
    expect(result.exhibitPixelSha256).toBe(result.originalPixelSha256);
    const djpeg = (p: string): Buffer => execFileSync('djpeg', ['-pnm', p], { maxBuffer: 64 * 1024 * 1024 });
    expect(djpeg(out).equals(djpeg(original))).toBe(true);
    const orig = readFileSync(original);
    // Baseline: one scan, and entropy data never holds FF DA, so the last one is the main image's.
    const sos = orig.lastIndexOf(Buffer.from([0xff, 0xda]));
    const exhibit = readFileSync(out);
    expect(exhibit.subarray(exhibit.length - (orig.length - sos)).equals(orig.subarray(sos))).toBe(true);
    expect(exhibit.length).toBeLessThan(orig.length);
  });

  it('a rotated photo (Orientation 6) displays the same: a 32-byte EXIF keeps only Orientation', async () => {
    const original = await makeRichImage(dir, 'jpeg', { orientation: 6 });
    const out = join(dir, 'rotated.jpg');
    const result = await stripMedia(original, out);
    expect(result.kept).toContain('EXIF Orientation 6');
    const tags = exiftoolRead(out);
    expect(tags['IFD0:Orientation']).toBe(6);
    const shown = await rotatedRaw(out);
    expect(shown.equals(await rotatedRaw(original))).toBe(true);
    // The check has teeth: without orientation the same pixels display differently.
    expect(shown.equals(await sharp(out).raw().toBuffer())).toBe(false);
    expect((await sharp(out).rotate().toBuffer({ resolveWithObject: true })).info.width).toBe(240);
  });

  it.each([
    ['progressive', async (src: string, out: string) => sharp(src).jpeg({ progressive: true, quality: 90 }).toFile(out)],
    ['restart markers', async (src: string, out: string) => execFileSync('jpegtran', ['-restart', '1', '-copy', 'all', '-outfile', out, src])],
    ['CMYK with Adobe APP14', async (src: string, out: string) => sharp(src).toColourspace('cmyk').jpeg({ quality: 90 }).toFile(out)],
  ] as const)('%s JPEG: lossless, djpeg agrees', async (name, make) => {
    const src = await makeRichImage(dir, 'jpeg');
    const variant = join(dir, `variant-${name.replace(/\W+/g, '-')}.jpg`);
    await make(src, variant);
    execFileSync('exiftool', ['-q', '-q', '-overwrite_original', '-Make=Apple', '-Comment=km 108', variant]);
    const out = join(dir, `variant-out-${name.replace(/\W+/g, '-')}.jpg`);
    const result = await stripMedia(variant, out);
    expect(result.pixelsIdentical).toBe(true);
    const djpeg = (p: string): Buffer => execFileSync('djpeg', ['-pnm', p], { maxBuffer: 64 * 1024 * 1024 });
    expect(djpeg(out).equals(djpeg(variant))).toBe(true);
    expect(identifyingPerExiftool(exiftoolRead(out))).toEqual([]);
    if (name.startsWith('CMYK')) expect(result.kept).toContain('Adobe APP14');
  });

  it('keeps a standard sRGB profile and drops one that is not a standard colour space', async () => {
    const srgb = join(dir, 'srgb.jpg');
    await makeImage(srgb, 'jpeg');
    await sharp(srgb).withIccProfile('srgb').jpeg().toFile(join(dir, 'srgb-icc.jpg'));
    const kept = await stripMedia(join(dir, 'srgb-icc.jpg'), join(dir, 'srgb-out.jpg'));
    expect(kept.kept).toContain('ICC (sRGB)');
    expect((await sharp(join(dir, 'srgb-out.jpg')).metadata()).hasProfile).toBe(true);

    const custom = readFileSync(join(dir, 'srgb-icc.jpg'));
    const at = custom.indexOf(Buffer.from('sRGB', 'utf16le').swap16());
    expect(at).toBeGreaterThan(0);
    Buffer.from('Scan', 'utf16le').swap16().copy(custom, at);
    const dropped = await stripMediaToBuffer(custom);
    expect(dropped.removed).toContain('ICC (Scan: not a standard colour space)');
    expect((await sharp(dropped.data).metadata()).hasProfile).toBe(false);
    expect(dropped.pixelsIdentical).toBe(true);
  });
});

describe('re-encoded formats keep what the viewer sees', () => {
  it('PNG stays lossless: same pixel hash', async () => {
    const original = await makeRichImage(dir, 'png');
    const result = await stripMediaToBuffer(original);
    expect(result.pixelsIdentical).toBe(true);
  });

  it('orientation is applied to the pixels of a re-encoded exhibit', async () => {
    const original = await makeRichImage(dir, 'png', { orientation: 6 });
    const result = await stripMediaToBuffer(original);
    const meta = await sharp(result.data).metadata();
    expect([meta.width, meta.height, meta.orientation ?? 1]).toEqual([240, 320, 1]);
    expect((await sharp(result.data).raw().toBuffer()).equals(await rotatedRaw(original))).toBe(true);
  });

  it('an upright WebP is stripped at container level: the VP8 bitstream is copied unchanged', async () => {
    const lossy = await makeRichImage(dir, 'webp');
    const result = await stripMediaToBuffer(lossy);
    expect(result.pixelsIdentical).toBe(true);
    const vp8 = (b: Buffer): Buffer => {
      const at = b.indexOf('VP8 ');
      return b.subarray(at, at + 8 + b.readUInt32LE(at + 4));
    };
    expect(vp8(result.data).equals(vp8(readFileSync(lossy)))).toBe(true);
    expect(result.data.includes(Buffer.from('EXIF'))).toBe(false);
  });

  it('a rotated WebP is re-encoded with the rotation applied, lossless if the source was', async () => {
    const rotated = join(dir, 'rotated-lossless.webp');
    await makeImage(rotated, 'webp', 320, 240, { lossless: true });
    execFileSync('exiftool', ['-q', '-q', '-overwrite_original', '-Orientation#=6', rotated]);
    const result = await stripMediaToBuffer(rotated);
    expect(result.data.includes(Buffer.from('VP8L'))).toBe(true);
    const meta = await sharp(result.data).metadata();
    expect([meta.width, meta.height, meta.orientation ?? 1]).toEqual([240, 320, 1]);
    expect(result.pixelsIdentical).toBe(true);
  });

  it('GIF is stripped at container level: frames copied unchanged', async () => {
    const gif = await makeRichImage(dir, 'gif');
    const result = await stripMediaToBuffer(gif);
    expect(result.pixelsIdentical).toBe(true);
    expect(result.removed).toEqual(expect.arrayContaining(['GIF comment', 'XMP']));
    expect(result.data.length).toBeLessThan(readFileSync(gif).length);
  });

  it.each(['gif', 'webp', 'tiff'] as const)('every frame or page survives: a 3-frame %s', async (format) => {
    const frame = (c: number): Promise<Buffer> =>
      sharp({ create: { width: 64, height: 48, channels: 3, background: { r: c, g: 255 - c, b: 90 } } }).png().toBuffer();
    const joined = sharp(await Promise.all([frame(10), frame(120), frame(240)]), { join: { animated: true } });
    const input = await (format === 'gif' ? joined.gif() : format === 'webp' ? joined.webp({ lossless: true }) : joined.tiff()).toBuffer();
    const result = await stripMediaToBuffer(input);
    expect((await sharp(result.data).metadata()).pages).toBe(3);
    expect(result.pixelsIdentical).toBe(true);
  });
});

describe('what cannot be cleaned is refused, and nothing is written', () => {
  it('HEIC is refused with E_UNSUPPORTED_MEDIA, never passed through', async () => {
    const heic = Buffer.concat([Buffer.from('\0\0\0\x18ftypheic\0\0\0\0mif1heic', 'latin1'), Buffer.alloc(200)]);
    const out = join(dir, 'never.heic');
    await expect(stripMedia(heic, out)).rejects.toMatchObject({ code: 'E_UNSUPPORTED_MEDIA', message: expect.stringMatching(/HEVC/) });
    expect(existsSync(out)).toBe(false);
  });

  it('an HEIC photo with GPS: inspect reads its metadata, strip refuses it', async () => {
    // A HEIF container branded heic (sharp cannot write HEVC, so the payload here is AV1).
    const heic = readFileSync(await makeRichImage(dir, 'avif'));
    heic.write('heic', 8, 'latin1');
    const report = await inspectMedia(heic);
    expect(report).toMatchObject({ mediaType: 'image/heic', format: 'heic' });
    expect(report.blocks).toEqual(expect.arrayContaining(['EXIF', 'GPS']));
    expect(report.gps?.lat).toBeCloseTo(-12.59, 6);
    await expect(stripMediaToBuffer(heic)).rejects.toMatchObject({ code: 'E_UNSUPPORTED_MEDIA' });
  });

  it.each([
    ['PDF', '%PDF-1.7\n%\xe2\xe3\n1 0 obj\n'],
    ['MP4', '\0\0\0\x20ftypisom\0\0\x02\0isomiso2avc1mp41'],
  ])('%s is refused with E_UNSUPPORTED_MEDIA', async (_name, head) => {
    const out = join(dir, `never-${_name}`);
    await expect(stripMedia(Buffer.from(head, 'latin1'), out)).rejects.toMatchObject({ code: 'E_UNSUPPORTED_MEDIA' });
    expect(existsSync(out)).toBe(false);
  });

  it('an existing OUT is never replaced (it may be the sealed original)', async () => {
    const original = await makeRichImage(dir, 'jpeg');
    const before = readFileSync(original);
    await expect(stripMedia(original, original)).rejects.toMatchObject({ code: 'E_EXISTS' });
    expect(readFileSync(original).equals(before)).toBe(true);
  });

  it('the buffer variant writes nothing: the folder of the input gains no file', async () => {
    const { dir: own, cleanup: done } = tempDir();
    const original = await makeRichImage(own, 'jpeg');
    const listing = readdirSync(own).sort();
    const result = await stripMediaToBuffer(original);
    expect(result.data.length).toBeGreaterThan(0);
    expect(readdirSync(own).sort()).toEqual(listing);
    done();
  });
});
