// A small JPEG of each picture exhibit for the report. The exhibit itself stays untouched in
// data/exhibits; the preview only helps a reader match the picture with its hash.
import sharp from 'sharp';
import type { ByteSource } from '../../../shared/dossier/dossier-types';

const MAX_PREVIEW_SOURCE = 64 * 1024 * 1024;
const PREVIEW_PIXELS = 900;

async function readAll(source: ByteSource): Promise<Buffer> {
  if (source instanceof Uint8Array) return Buffer.from(source.buffer, source.byteOffset, source.byteLength);
  const chunks: Uint8Array[] = [];
  for await (const c of source()) chunks.push(c);
  return Buffer.concat(chunks);
}

/** A preview, or null for a non-picture, a very large file, or anything sharp refuses. */
export async function exhibitPreview(mediaType: string, size: number, source: ByteSource): Promise<Buffer | null> {
  if (!mediaType.startsWith('image/') || size > MAX_PREVIEW_SOURCE) return null;
  try {
    return await sharp(await readAll(source), { limitInputPixels: 100_000_000, failOn: 'error' })
      .rotate()
      .resize(PREVIEW_PIXELS, PREVIEW_PIXELS, { fit: 'inside', withoutEnlargement: true })
      .flatten({ background: '#ffffff' })
      .jpeg({ quality: 78 })
      .toBuffer();
  } catch {
    return null;
  }
}
