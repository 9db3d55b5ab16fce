// PNG, WebP, TIFF, GIF, AVIF exhibits: decoded and re-encoded by sharp, which writes no metadata
// unless asked. Orientation is applied to the pixels; colours are converted to sRGB using the
// embedded profile; lossless formats stay lossless.
import sharp from 'sharp';
import type { MediaFormat } from '../../shared/media/media-report';
import { CustodiaError } from '../../shared/errors/error-codes';
import { sharpInputOptions } from './limits';
import { sharpError } from './sharp-errors';

export interface ReencodeHints {
  /** More than one frame or page: keep them all (animations, multi-page scans). */
  allPages: boolean;
  /** WebP source was lossless (VP8L). */
  lossless: boolean;
}

export async function reencode(buf: Buffer, format: MediaFormat, hints: ReencodeHints): Promise<Buffer> {
  try {
    const input = sharp(buf, sharpInputOptions(hints.allPages ? { pages: -1 } : {}));
    const { depth } = await input.metadata();
    const img = input.autoOrient().toColourspace(depth === 'ushort' && format !== 'webp' && format !== 'gif' ? 'rgb16' : 'srgb');
    switch (format) {
      case 'png':
        return await img.png({ compressionLevel: 6, palette: false }).toBuffer();
      case 'webp':
        return await img.webp(hints.lossless ? { lossless: true } : { quality: 90, alphaQuality: 100 }).toBuffer();
      case 'tiff':
        return await img.tiff({ compression: 'lzw' }).toBuffer();
      case 'gif':
        return await img.gif().toBuffer();
      case 'avif':
        return await img.avif({ quality: 80 }).toBuffer();
      default:
        throw new CustodiaError('E_UNSUPPORTED_MEDIA', `${format} images are not re-encoded`);
    }
  } catch (e) {
    throw sharpError(e);
  }
}
