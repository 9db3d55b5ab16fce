// A hash of what a viewer sees: decoded samples, oriented, as 8-bit RGBA, prefixed with the
// dimensions. Embedded ICC profiles are not applied, so the hash depends on the compressed
// image data alone and a lossless strip provably keeps it.
import { createHash } from 'node:crypto';
import sharp, { type OutputInfo } from 'sharp';
import { CustodiaError } from '../../shared/errors/error-codes';
import { sharpError } from './sharp-errors';
import { sharpInputOptions } from './limits';

export const PIXEL_HASH_VERSION = 'custodia-pixels-v1';

export async function pixelSha256(image: Buffer, allPages = false): Promise<string> {
  const opts = sharpInputOptions({ ignoreIcc: true, ...(allPages ? { pages: -1 } : {}) });
  try {
    const { autoOrient, pages } = await sharp(image, opts).metadata();
    const frames = allPages ? Math.max(1, pages ?? 1) : 1;
    const pipeline = sharp(image, opts).autoOrient().ensureAlpha().toColourspace('srgb').raw({ depth: 'uchar' });
    const hash = createHash('sha256');
    let bytes = 0;
    let w = 0;
    let h = 0;
    pipeline.on('info', (info: OutputInfo) => {
      w = info.width;
      h = info.height;
    });
    for await (const chunk of pipeline as AsyncIterable<Buffer>) {
      hash.update(chunk);
      bytes += chunk.length;
    }
    // The header is hashed last so the dimensions come from the decoder that produced the bytes.
    if (w === 0) [w, h] = [autoOrient.width, autoOrient.height * frames];
    if (bytes !== w * h * 4) throw new CustodiaError('E_INTERNAL', `decoder returned ${bytes} bytes for ${w}x${h} RGBA`);
    hash.update(`\n${PIXEL_HASH_VERSION} ${w}x${h}x4`);
    return hash.digest('hex');
  } catch (e) {
    throw sharpError(e);
  }
}
