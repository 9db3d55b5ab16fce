// `media strip`: an exhibit without identifying metadata. JPEG, GIF and upright WebP are
// stripped losslessly at container level; PNG, TIFF, AVIF and rotated WebP are re-encoded.
// Before anything is returned the exhibit is inspected again and must carry nothing but what
// display needs, and both images are decoded and their pixels hashed.
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { CustodiaError } from '../../shared/errors/error-codes';
import type { MediaFormat, MediaReport, StripResult } from '../../shared/media/media-report';
import { writeExhibitFile } from './write-exhibit-file';
import { asMalformed } from './container-dispatch';
import { refuseHeic } from './heic';
import { inspectBuffer, inspectDetailed } from './inspect';
import { stripGif } from './gif-strip';
import { stripJpeg } from './jpeg-strip';
import { loadInput } from './limits';
import { stripKeepsPixels } from './lossless-strip';
import { TIFF_STRUCTURE } from './metadata-parse';
import { pixelSha256 } from './pixel-hash';
import { reencode } from './reencode';
import { sniffMediaType } from './sniff';
import { stripWebp } from './webp-strip';

export type StripBufferResult = { data: Buffer } & Omit<StripResult, 'bytes'>;

/** Blocks an exhibit may keep: none of them can hold more than the tags checked below. */
const ALLOWED_BLOCKS = new Set(['JFIF', 'EXIF', 'ICC', 'Adobe APP14']);
/** Tag groups an exhibit may keep: IFD0 (and IFD1, a TIFF's second page) with structure tags only. */
const STRUCTURE_GROUPS = ['ifd0', 'ifd1'];
const ALLOWED_GROUPS = new Set([...STRUCTURE_GROUPS, 'icc']);
const PARALLEL_HASH_PIXELS = 24_000_000;

/** Works in memory only: the vault uses this so no plaintext exhibit touches the disk (T1). */
export async function stripMediaToBuffer(input: string | Buffer): Promise<StripBufferResult> {
  const buf = await loadInput(input);
  const { mediaType, format } = sniffMediaType(buf.subarray(0, 64));
  if (format === 'heic') refuseHeic(mediaType);
  if (format === 'other') {
    throw new CustodiaError(
      'E_UNSUPPORTED_MEDIA',
      `${mediaType} files cannot be cleaned yet; only JPEG, PNG, WebP, TIFF, GIF and AVIF images can. The original stays sealed.`,
      { mediaType },
    );
  }
  const { report: before, scan, pages, orientation } = await inspectDetailed(buf);
  // Every frame of an animation and every page of a scan goes into the exhibit.
  const allPages = pages > 1;
  let data: Buffer;
  let removed: string[] = [];
  let kept: string[] = [];
  const container = stripKeepsPixels(format, orientation) ? containerStrip(buf, format) : undefined;
  if (container) {
    ({ data, removed, kept } = container);
  } else {
    data = await reencode(buf, format, { allPages, lossless: scan.lossless === true });
  }
  const after = await inspectBuffer(data);
  assertClean(after);
  if (format !== 'jpeg') kept = after.blocks;
  removed = [...new Set([...removed, ...before.blocks.filter((b) => !after.blocks.includes(b))])];
  const [originalPixelSha256, exhibitPixelSha256] = await bothPixelHashes(buf, data, allPages, (before.width ?? 0) * (before.height ?? 0) * pages);
  return {
    data,
    format,
    removed,
    kept,
    pixelsIdentical: originalPixelSha256 === exhibitPixelSha256,
    originalPixelSha256,
    exhibitPixelSha256,
    exhibitSha256: createHash('sha256').update(data).digest('hex'),
  };
}

/** Up to 24 MP both decodes run at once (threads and hashing overlap); above, one after the
 * other, so peak memory stays that of one decoded image. */
async function bothPixelHashes(original: Buffer, exhibit: Buffer, allPages: boolean, pixels: number): Promise<[string, string]> {
  if (pixels <= PARALLEL_HASH_PIXELS) return Promise.all([pixelSha256(original, allPages), pixelSha256(exhibit, allPages)]);
  return [await pixelSha256(original, allPages), await pixelSha256(exhibit, allPages)];
}

/** Lossless where metadata lives apart from the compressed image; undefined when a WebP holds
 * what only a re-encode can handle (a non-standard colour profile, unusual frames). */
function containerStrip(buf: Buffer, format: MediaFormat): { data: Buffer; removed: string[]; kept: string[] } | undefined {
  if (format === 'jpeg') return asMalformed(format, () => stripJpeg(buf));
  const stripped = asMalformed(format, () => (format === 'gif' ? stripGif(buf) : stripWebp(buf)));
  return stripped && { ...stripped, kept: [] };
}

export async function stripMedia(input: string | Buffer, outPath: string): Promise<StripResult> {
  // Refused before any work; writeFileAtomic checks again at the last moment.
  if (existsSync(outPath)) throw new CustodiaError('E_EXISTS', `${outPath} already exists; choose another output file`);
  const { data, ...result } = await stripMediaToBuffer(input);
  await writeExhibitFile(outPath, data);
  return { ...result, bytes: data.length };
}

/** The safety net: an exhibit that still says anything identifying is never handed out. */
function assertClean(after: MediaReport): void {
  const extraBlocks = after.blocks.filter((b) => !ALLOWED_BLOCKS.has(b));
  const extraGroups = Object.keys(after.tags).filter((g) => !ALLOWED_GROUPS.has(g));
  const extraTags = STRUCTURE_GROUPS.flatMap((g) => Object.keys(after.tags[g] ?? {}).filter((t) => !TIFF_STRUCTURE.has(t)).map((t) => `${g}:${t}`));
  const leaks = [...after.identifying.map((t) => t.tag), ...extraBlocks, ...extraGroups, ...extraTags];
  if (leaks.length > 0) {
    throw new CustodiaError('E_INTERNAL', `exhibit would still carry metadata (${leaks.join(', ')}); nothing was written`);
  }
}
