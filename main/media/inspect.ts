// `media inspect`: every metadata block in a file, and which tags identify a person, a device,
// a place or a time. Nothing is decoded: headers and metadata only.
import sharp, { type Metadata } from 'sharp';
import type { IdentifyingTag, MediaReport } from '../../shared/media/media-report';
import { scanContainer } from './container-dispatch';
import { emptyScan, type ContainerScan } from './container-scan';
import { identifyingKind } from './identifying-tags';
import { checkMetadataBytes, checkPixelCount, loadInput, sharpInputOptions } from './limits';
import { emptyParsed, parseIcc, parseIptc, parseTiff, parseWithExifr, parseXmp, type TagGroups } from './metadata-parse';
import { capturedAt, gpsPosition } from './report-fields';
import { sharpError } from './sharp-errors';
import { sniffMediaType } from './sniff';

export async function inspectMedia(input: string | Buffer): Promise<MediaReport> {
  return inspectBuffer(await loadInput(input));
}

export async function inspectBuffer(buf: Buffer): Promise<MediaReport> {
  return (await inspectDetailed(buf)).report;
}

export interface DetailedInspection {
  report: MediaReport;
  scan: ContainerScan;
  /** Frames or pages the decoder sees (animations, multi-page TIFF). */
  pages: number;
  /** EXIF orientation (1-8) as the decoder will apply it. */
  orientation: number;
}

/** The report plus what strip needs to know about the container. */
export async function inspectDetailed(buf: Buffer): Promise<DetailedInspection> {
  const { mediaType, format } = sniffMediaType(buf.subarray(0, 64));
  if (format === 'other') {
    const report = { mediaType, format, blocks: [], identifying: [], tags: {}, warnings: [`metadata of ${mediaType} files is not read`] };
    return { report, scan: emptyScan(), pages: 0, orientation: 1 };
  }
  const scan = scanContainer(buf, format);
  const meta = await readHeader(buf, format === 'gif' || format === 'webp');
  const width = meta?.width ?? scan.width;
  const height = meta?.height ?? scan.height;
  const pages = Math.max(1, meta?.pages ?? scan.frames);
  checkPixelCount(width, height, pages);
  const exif = format === 'tiff' ? buf : (scan.exif ?? withoutExifHeader(meta?.exif));
  const xmp = meta?.xmp ?? scan.xmp;
  const iptc = meta?.iptc ?? scan.iptc;
  checkMetadataBytes(scan.metadataBytes + (format === 'tiff' ? 0 : (exif?.length ?? 0)) + (xmp?.length ?? 0) + (iptc?.length ?? 0) + (meta?.icc?.length ?? 0));

  const parsed = emptyParsed();
  if (!meta) {
    parsed.warnings.push(`the ${format.toUpperCase()} image cannot be decoded here; metadata was read from the container`);
    await parseWithExifr(parsed, buf);
  }
  if (exif) await parseTiff(parsed, exif);
  if (xmp) await parseXmp(parsed, xmp);
  if (iptc) await parseIptc(parsed, iptc);
  if (meta?.icc) await parseIcc(parsed, meta.icc);
  addText(parsed.groups, format, scan);

  const report: MediaReport = {
    mediaType,
    format,
    width,
    height,
    blocks: [...new Set([...scan.blocks, ...parsed.blocks])],
    identifying: identifyingTags(parsed.groups),
    tags: parsed.groups,
    warnings: parsed.warnings,
  };
  const gps = gpsPosition(parsed.groups);
  if (gps) report.gps = gps;
  const at = capturedAt(parsed.groups);
  if (at) report.capturedAt = at;
  return { report, scan, pages, orientation: meta?.orientation ?? 1 };
}

/** Header-only read; HEIC without an HEVC decoder may still fail here, and inspect goes on. */
async function readHeader(buf: Buffer, animated: boolean): Promise<Metadata | undefined> {
  try {
    return await sharp(buf, sharpInputOptions(animated ? { pages: -1 } : {})).metadata();
  } catch (e) {
    const err = sharpError(e);
    if (err.code === 'E_UNSUPPORTED_MEDIA') return undefined;
    throw err;
  }
}

function withoutExifHeader(exif: Buffer | undefined): Buffer | undefined {
  if (!exif) return undefined;
  return exif.subarray(0, 6).toString('latin1') === 'Exif\0\0' ? exif.subarray(6) : exif;
}

function addText(groups: TagGroups, format: string, scan: ContainerScan): void {
  if (Object.keys(scan.text).length === 0) return;
  groups[format === 'png' ? 'png-text' : `${format}-comment`] = { ...scan.text };
}

/** Text chunks and comments are free text a person wrote: flagged unless a known harmless keyword. */
const FREE_TEXT_GROUPS = new Set(['png-text', 'jpeg-comment', 'gif-comment']);

function identifyingTags(groups: TagGroups): IdentifyingTag[] {
  const out: IdentifyingTag[] = [];
  for (const [group, tags] of Object.entries(groups)) {
    for (const [name, value] of Object.entries(tags)) {
      if (value === null || value === '' || /^Raw profile type /i.test(name)) continue;
      const kind = identifyingKind(name) ?? (FREE_TEXT_GROUPS.has(group) ? 'person' : undefined);
      if (!kind) continue;
      const text = typeof value === 'string' ? value : JSON.stringify(value);
      out.push({ kind, tag: `${group}:${name}`, value: text.length > 200 ? `${text.slice(0, 200)}…` : text });
    }
  }
  return out;
}
