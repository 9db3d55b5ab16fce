// The one maker of small JPEG previews (the app's thumbnails, the report's pictures), through the
// media limits like every other decode. sharp writes no metadata unless asked (withMetadata), so
// a preview holds pixels only.
import sharp from 'sharp';
import { sharpInputOptions } from './limits';

export interface PreviewOptions {
  /** Longest edge in pixels; smaller pictures are not enlarged. */
  edge: number;
  quality: number;
  /** Transparent areas become this colour (JPEG has no alpha). */
  background?: string;
}

export async function makePreview(bytes: Buffer, o: PreviewOptions): Promise<Buffer> {
  let image = sharp(bytes, sharpInputOptions()).rotate().resize(o.edge, o.edge, { fit: 'inside', withoutEnlargement: true });
  if (o.background) image = image.flatten({ background: o.background });
  return image.jpeg({ quality: o.quality }).toBuffer();
}
