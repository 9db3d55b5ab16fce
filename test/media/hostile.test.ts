// T7: files made to crash, exhaust memory or smuggle data: each is refused with its own stable
// code (exit 4 on the command line), and no exhibit is left behind.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inspectMedia } from '../../main/media/inspect';
import { MAX_METADATA_BYTES } from '../../main/media/limits';
import { stripMedia } from '../../main/media/strip';
import { APPENDED, EXT, insertPngChunks, makeImage, pngChunk, tempDir, withJfifThumbnails, type ImageFormat } from './fixtures';

let dir: string;
let cleanup: () => void;
beforeAll(() => ({ dir, cleanup } = tempDir()));
afterAll(() => cleanup());

/** Inspect reads headers only: for TIFF and AVIF, damaged pixel data shows up when strip decodes. */
async function expectRefused(input: Buffer, code: string, inspectRefuses = true): Promise<void> {
  const out = join(dir, `refused-${randomBytes(4).toString('hex')}`);
  await expect(stripMedia(input, out)).rejects.toMatchObject({ code });
  expect(existsSync(out)).toBe(false);
  if (inspectRefuses) await expect(inspectMedia(input)).rejects.toMatchObject({ code });
}

async function imageBytes(format: ImageFormat): Promise<Buffer> {
  const path = join(dir, `base.${EXT[format]}`);
  await makeImage(path, format);
  return readFileSync(path);
}

/** A valid PNG header declaring width x height, with a tiny IDAT: decoding it would need gigabytes. */
function pngDeclaring(width: number, height: number): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 6, 0, 0, 0], 8);
  const sig = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([sig, pngChunk('IHDR', ihdr), pngChunk('IDAT', deflateSync(Buffer.alloc(1 << 20))), pngChunk('IEND', Buffer.alloc(0))]);
}

function app1(payload: Buffer): Buffer {
  const head = Buffer.from([0xff, 0xe1, 0, 0]);
  head.writeUInt16BE(payload.length + 2, 2);
  return Buffer.concat([head, payload]);
}

const XMP_ID = Buffer.from('http://ns.adobe.com/xap/1.0/\0', 'latin1');

describe('T7 hostile files: refused with a specific code, nothing written', () => {
  it.each<ImageFormat>(['jpeg', 'png', 'webp', 'gif', 'tiff', 'avif'])('a truncated %s is E_MALFORMED_MEDIA', async (format) => {
    const whole = await imageBytes(format);
    await expectRefused(whole.subarray(0, Math.floor(whole.length * 0.6)), 'E_MALFORMED_MEDIA', format !== 'tiff' && format !== 'avif');
  });

  it('random bytes are E_UNSUPPORTED_MEDIA; random bytes behind a JPEG signature are E_MALFORMED_MEDIA', async () => {
    const noise = randomBytes(4096);
    noise[0] = 0x00; // not accidentally a known signature
    await expect(stripMedia(noise, join(dir, 'noise.jpg'))).rejects.toMatchObject({ code: 'E_UNSUPPORTED_MEDIA' });
    expect(existsSync(join(dir, 'noise.jpg'))).toBe(false);
    await expectRefused(Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10]), noise]), 'E_MALFORMED_MEDIA');
  });

  it('a PNG declaring 20000x20000 is E_DECOMPRESSION_BOMB before any decoding', async () => {
    const bomb = pngDeclaring(20000, 20000);
    expect(bomb.length).toBeLessThan(8192);
    await expectRefused(bomb, 'E_DECOMPRESSION_BOMB');
  });

  it('a zTXt chunk that inflates to 64 MB is E_DECOMPRESSION_BOMB', async () => {
    const ztxt = pngChunk('zTXt', Buffer.concat([Buffer.from('Comment\0\0', 'latin1'), deflateSync(Buffer.alloc(64 << 20, 0x41))]));
    await expectRefused(insertPngChunks(await imageBytes('png'), [ztxt]), 'E_DECOMPRESSION_BOMB');
  });

  it('metadata larger than the limit is E_METADATA_TOO_LARGE', async () => {
    const jpeg = await imageBytes('jpeg');
    const segment = app1(Buffer.concat([XMP_ID, Buffer.alloc(65000, 0x20)]));
    const count = Math.ceil(MAX_METADATA_BYTES / segment.length) + 1;
    const huge = Buffer.concat([jpeg.subarray(0, 2), ...Array.from({ length: count }, () => segment), jpeg.subarray(2)]);
    await expectRefused(huge, 'E_METADATA_TOO_LARGE');
  });

  it('deeply nested XMP is E_METADATA_TOO_LARGE before a parser recurses into it', async () => {
    const depth = 5000;
    const xml = `<x:xmpmeta xmlns:x="adobe:ns:meta/">${'<a>'.repeat(depth)}${'</a>'.repeat(depth)}</x:xmpmeta>`;
    const jpeg = await imageBytes('jpeg');
    const nested = Buffer.concat([jpeg.subarray(0, 2), app1(Buffer.concat([XMP_ID, Buffer.from(xml)])), jpeg.subarray(2)]);
    await expectRefused(nested, 'E_METADATA_TOO_LARGE');
  });

  it('a JPEG with a video appended after EOI: the exhibit ends at EOI and the video is gone', async () => {
    const jpeg = await imageBytes('jpeg');
    const video = Buffer.concat([APPENDED, randomBytes(50_000)]);
    const input = Buffer.concat([withJfifThumbnails(jpeg).subarray(0, -APPENDED.length), video]);
    const out = join(dir, 'no-video.jpg');
    const result = await stripMedia(input, out);
    expect(result.removed).toEqual(expect.arrayContaining([`trailing data after EOI (${video.length} bytes)`, 'JFIF thumbnail', 'JFXX thumbnail']));
    const exhibit = readFileSync(out);
    expect(exhibit.subarray(-2).equals(Buffer.from([0xff, 0xd9]))).toBe(true);
    expect(exhibit.includes(Buffer.from('ftypisom'))).toBe(false);
    expect(result.pixelsIdentical).toBe(true);
  });

  it('a wrong extension changes nothing: a PNG named .jpg is cleaned as PNG', async () => {
    const path = join(dir, 'really-a-png.jpg');
    writeFileSync(path, await imageBytes('png'));
    const result = await stripMedia(path, join(dir, 'really-a-png-out.jpg'));
    expect(result.format).toBe('png');
    expect(readFileSync(join(dir, 'really-a-png-out.jpg')).subarray(1, 4).toString('latin1')).toBe('PNG');
  });
});
