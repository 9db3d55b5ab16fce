// A small JPEG of each picture exhibit for the report. The exhibit itself stays untouched in
// data/exhibits; the preview only helps a reader match the picture with its hash.
import type { ByteSource } from '../../../shared/dossier/dossier-types';
import { makePreview } from '../../media/preview';

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
    return await makePreview(await readAll(source), { edge: PREVIEW_PIXELS, quality: 78, background: '#ffffff' });
  } catch {
    return null;
  }
}
