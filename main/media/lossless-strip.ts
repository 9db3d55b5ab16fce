// Which images are cleaned at container level, pixels untouched: JPEG, GIF and upright WebP keep
// their metadata apart from the compressed image. Everything else is re-encoded. One rule for
// the strip itself and for the screen's promise before an exhibit is made.
import type { MediaFormat, MediaReport } from '../../shared/media/media-report';

export function stripKeepsPixels(format: MediaFormat, orientation: number): boolean {
  return format === 'jpeg' || format === 'gif' || (format === 'webp' && orientation === 1);
}

/** exifr's translated values name the upright orientation; no tag at all also means upright. */
const UPRIGHT = new Set<unknown>([undefined, 1, 'Horizontal (normal)']);

/** The prediction from a sealed report; the exhibit's own pixel hashes have the last word. */
export function reportPredictsIdenticalPixels(report: MediaReport): boolean {
  const orientation = UPRIGHT.has(report.tags.ifd0?.Orientation) ? 1 : 0;
  return stripKeepsPixels(report.format, orientation);
}
