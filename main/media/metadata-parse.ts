// Reads metadata payloads with exifr, one block at a time, so a block exifr cannot read costs a
// warning rather than the whole report.
import { CustodiaError } from '../../shared/errors/error-codes';
import type { JsonValue } from '../../shared/media/media-report';
import { exifr } from './exifr-lib';
import { jsonSafe } from './json-safe';
import { MAX_XMP_DEPTH } from './limits';

export type TagGroups = Record<string, Record<string, JsonValue>>;

export interface ParsedMetadata {
  groups: TagGroups;
  blocks: string[];
  warnings: string[];
}

const TIFF_OPTIONS = {
  tiff: true, ifd0: {}, ifd1: true, exif: true, gps: true, interop: true, makerNote: true, userComment: true,
  xmp: false, icc: false, iptc: false, jfif: false, ihdr: false,
  // Raw strings: EXIF times carry no zone, and reviving them as Dates would invent one.
  mergeOutput: false, reviveValues: false, translateValues: true, sanitize: true,
} as const;

/** IFD0 tags that describe how pixels are stored (and Orientation): nothing about who or where. */
export const TIFF_STRUCTURE = new Set([
  'Orientation', 'ImageWidth', 'ImageHeight', 'BitsPerSample', 'Compression', 'PhotometricInterpretation',
  'StripOffsets', 'SamplesPerPixel', 'RowsPerStrip', 'StripByteCounts', 'XResolution', 'YResolution',
  'PlanarConfiguration', 'ResolutionUnit', 'Predictor', 'SampleFormat', 'ExtraSamples', 'TileWidth', 'TileLength',
  'TileOffsets', 'TileByteCounts', 'NewSubfileType', 'SubfileType', 'PageNumber', 'FillOrder', 'ColorMap',
  'YCbCrSubSampling', 'YCbCrPositioning', 'ReferenceBlackWhite', 'YCbCrCoefficients', 'JPEGTables', 'WhitePoint',
  'PrimaryChromaticities', 'TransferFunction', 'InkSet',
]);

export function emptyParsed(): ParsedMetadata {
  return { groups: {}, blocks: [], warnings: [] };
}

function addGroups(into: ParsedMetadata, prefix: string, out: unknown): void {
  if (!out || typeof out !== 'object') return;
  for (const [name, tags] of Object.entries(out as Record<string, unknown>)) {
    if (name === 'xmlns' || name === 'errors' || !tags || typeof tags !== 'object') continue;
    const group = prefix ? `${prefix}-${name}` : name;
    const safe = jsonSafe(tags);
    if (safe && typeof safe === 'object' && !Array.isArray(safe) && Object.keys(safe).length > 0) into.groups[group] = safe;
  }
}

async function guarded(into: ParsedMetadata, what: string, read: () => Promise<void>): Promise<void> {
  try {
    await read();
  } catch (e) {
    if (e instanceof CustodiaError) throw e;
    into.warnings.push(`${what} could not be read: ${e instanceof Error ? e.message : String(e)}`);
  }
}

/** EXIF/TIFF: IFD0, Exif IFD, GPS, Interop and IFD1 (the embedded thumbnail). */
export async function parseTiff(into: ParsedMetadata, tiff: Buffer): Promise<void> {
  await guarded(into, 'EXIF', async () => {
    addGroups(into, '', await exifr.parse(tiff, TIFF_OPTIONS));
    // In a multi-page TIFF, IFD1 is the second page, not a thumbnail: structure alone is not EXIF.
    const described = (g: string): boolean => Object.keys(into.groups[g] ?? {}).some((t) => !TIFF_STRUCTURE.has(t));
    if (into.groups.exif || described('ifd0') || described('ifd1')) into.blocks.push('EXIF');
    if (into.groups.gps) into.blocks.push('GPS');
    if (into.groups.exif?.MakerNote !== undefined) into.blocks.push('MakerNote');
    if (into.groups.ifd1?.ThumbnailLength !== undefined || into.groups.ifd1?.ThumbnailOffset !== undefined) into.blocks.push('EXIF thumbnail');
  });
}

/** When the decoder cannot open a container (HEIC without HEVC), exifr finds its EXIF and XMP itself. */
export async function parseWithExifr(into: ParsedMetadata, file: Buffer): Promise<void> {
  await guarded(into, 'EXIF', async () => {
    const out = (await exifr.parse(file, { ...TIFF_OPTIONS, xmp: true })) as Record<string, unknown> | undefined;
    if (!out) return;
    const { dc, xmp, photoshop, exif, gps, ifd0, ifd1, interop, ...rest } = out;
    addGroups(into, '', { exif, gps, ifd0, ifd1, interop });
    addGroups(into, 'xmp', { dc, xmp, photoshop, ...rest });
    if (ifd0 || exif) into.blocks.push('EXIF');
    if (gps) into.blocks.push('GPS');
    if (dc || xmp || photoshop) into.blocks.push('XMP');
  });
}

export async function parseXmp(into: ParsedMetadata, xmp: Buffer): Promise<void> {
  into.blocks.push('XMP');
  checkXmlDepth(xmp.toString('utf8'));
  await guarded(into, 'XMP', async () => addGroups(into, 'xmp', await exifr.sidecar(xmp, { xmp: true, mergeOutput: false }, 'xmp')));
}

export async function parseIptc(into: ParsedMetadata, iptc: Buffer): Promise<void> {
  into.blocks.push('IPTC');
  await guarded(into, 'IPTC', async () => addGroups(into, '', { iptc: await exifr.sidecar(iptc, { iptc: true }, 'iptc') }));
}

export async function parseIcc(into: ParsedMetadata, icc: Buffer): Promise<void> {
  into.blocks.push('ICC');
  await guarded(into, 'ICC', async () => addGroups(into, '', { icc: await exifr.sidecar(icc, { icc: true }, 'icc') }));
}

/** Refuses XML nested deeper than any real XMP, before a recursive parser can overflow on it. */
export function checkXmlDepth(xml: string): void {
  let depth = 0;
  let max = 0;
  const tag = /<(\/?)[A-Za-z_][^<>]*?(\/?)>/g;
  for (let m = tag.exec(xml); m; m = tag.exec(xml)) {
    if (m[1]) depth -= 1;
    else if (!m[2]) depth += 1;
    if (depth > max) max = depth;
    if (max > MAX_XMP_DEPTH) {
      throw new CustodiaError('E_METADATA_TOO_LARGE', `XMP is nested more than ${MAX_XMP_DEPTH} levels deep`);
    }
  }
}
