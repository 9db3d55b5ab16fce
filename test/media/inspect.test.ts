// Inspect reports every metadata block and flags what identifies someone; exiftool is the judge
// of what is there.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { identifyingKind } from '../../main/media/identifying-tags';
import { inspectMedia } from '../../main/media/inspect';
import { APPENDED, exiftoolRead, identifyingPerExiftool, makeImage, makeRichImage, tempDir, withJfifThumbnails, type ImageFormat } from './fixtures';

let dir: string;
let cleanup: () => void;
beforeAll(() => ({ dir, cleanup } = tempDir()));
afterAll(() => cleanup());

const norm = (s: string): string => s.toLowerCase().replace(/[^a-z0-9]/g, '');

describe('media inspect', () => {
  it('JPEG: every block, GPS position, capture time and the identifying tags', async () => {
    const path = await makeRichImage(dir, 'jpeg');
    const r = await inspectMedia(path);
    expect(r).toMatchObject({ mediaType: 'image/jpeg', format: 'jpeg', width: 320, height: 240, capturedAt: '2026-10-02T18:30:00' });
    expect(r.blocks).toEqual(expect.arrayContaining(['EXIF', 'GPS', 'XMP', 'IPTC', 'JPEG comment', 'EXIF thumbnail']));
    expect(r.gps?.lat).toBeCloseTo(-12.59, 6);
    expect(r.gps?.lon).toBeCloseTo(-69.19, 6);
    expect(r.gps?.alt).toBe(210);
    const found = (tag: string): string | undefined => r.identifying.find((t) => t.tag === tag)?.kind;
    expect(found('ifd0:Make')).toBe('device');
    expect(found('exif:SerialNumber')).toBe('device');
    expect(found('ifd0:Artist')).toBe('person');
    expect(found('xmp-dc:creator')).toBe('person');
    expect(found('iptc:Byline')).toBe('person');
    expect(found('iptc:City')).toBe('place');
    expect(found('exif:DateTimeOriginal')).toBe('time');
    expect(found('jpeg-comment:Comment')).toBe('person');
  });

  it.each<ImageFormat>(['jpeg', 'png', 'webp', 'tiff', 'gif', 'avif'])('%s: every identifying tag exiftool sees, inspect reports too', async (format) => {
    const path = await makeRichImage(dir, format);
    const r = await inspectMedia(path);
    const ours = new Set(r.identifying.map((t) => norm(t.tag.split(':')[1] ?? '')));
    const theirs = identifyingPerExiftool(exiftoolRead(path)).map((k) => norm(k.split(':')[1] ?? ''));
    expect(theirs.length).toBeGreaterThan(4);
    // XMP's exifEX:BodySerialNumber is the one tag exiftool and exifr name differently.
    const covered = (n: string): boolean => ours.has(n) || (n === 'serialnumber' && ours.has('bodyserialnumber'));
    expect(theirs.filter((n) => !covered(n))).toEqual([]);
  });

  it('PNG: names tEXt, zTXt and iTXt chunks and reads compressed text', async () => {
    const r = await inspectMedia(await makeRichImage(dir, 'png'));
    expect(r.blocks).toEqual(expect.arrayContaining(['PNG tEXt', 'PNG zTXt', 'PNG iTXt', 'EXIF', 'XMP', 'IPTC']));
    expect(r.tags['png-text']).toMatchObject({
      Author: 'Maria Quispe',
      Description: 'photo of the men on the motorcycle',
      Location: 'Tambopata, km 108',
      'Secret note': 'call Rosa at 555-0199',
    });
    // A free-form keyword is still somebody's words: flagged.
    expect(r.identifying).toContainEqual({ kind: 'person', tag: 'png-text:Secret note', value: 'call Rosa at 555-0199' });
  });

  it('GIF: GPS written only in XMP still gives a position', async () => {
    const r = await inspectMedia(await makeRichImage(dir, 'gif'));
    // exiftool writes XMP coordinates without a hemisphere sign of their own: 12,35.4N / 69,11.4E.
    expect(r.gps?.lat).toBeCloseTo(12.59, 6);
    expect(r.gps?.lon).toBeCloseTo(69.19, 6);
  });

  it('sniffs the type from the bytes, never the name', async () => {
    const jpeg = join(dir, 'disguised.png');
    await makeImage(jpeg, 'jpeg');
    expect(await inspectMedia(jpeg)).toMatchObject({ mediaType: 'image/jpeg', format: 'jpeg' });
    const pdf = join(dir, 'photo.jpg');
    writeFileSync(pdf, '%PDF-1.7\n');
    expect(await inspectMedia(pdf)).toMatchObject({ mediaType: 'application/pdf', format: 'other', blocks: [] });
  });

  it('is JSON-safe: binary shows as a size, the report survives a JSON round trip', async () => {
    const r = await inspectMedia(readFileSync(await makeRichImage(dir, 'jpeg')));
    const json = JSON.stringify(r);
    expect(JSON.parse(json)).toEqual(r);
    expect(json).not.toMatch(/"type":"Buffer"/);
  });

  it('JFIF and JFXX thumbnails and data after EOI are reported', async () => {
    const base = join(dir, 'plain.jpg');
    await makeImage(base, 'jpeg');
    const r = await inspectMedia(withJfifThumbnails(readFileSync(base)));
    expect(r.blocks).toEqual(expect.arrayContaining(['JFIF thumbnail', 'JFXX thumbnail', `trailing data after EOI (${APPENDED.length} bytes)`]));
  });

  it('the identifying list classifies exifr and exiftool spellings alike', () => {
    expect(identifyingKind('By-line')).toBe('person');
    expect(identifyingKind('Byline')).toBe('person');
    expect(identifyingKind('GPSLatitude')).toBe('place');
    expect(identifyingKind('BodySerialNumber')).toBe('device');
    expect(identifyingKind('ImageWidth')).toBeUndefined();
    expect(identifyingKind('Orientation')).toBeUndefined();
  });
});
