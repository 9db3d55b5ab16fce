// What `media inspect` and `media strip` report; the renderer shows these, the vault stores them.

export type MediaFormat = 'jpeg' | 'png' | 'webp' | 'tiff' | 'gif' | 'avif' | 'heic' | 'other';

/** What a metadata tag can reveal: who, with what device, where, when. */
export type IdentifyingKind = 'person' | 'device' | 'place' | 'time';

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

export interface IdentifyingTag {
  kind: IdentifyingKind;
  /** `group:Name`, e.g. `ifd0:Make`, `gps:GPSLatitude`, `png-text:Author`. */
  tag: string;
  value: string;
}

export interface GpsPosition {
  lat: number;
  lon: number;
  alt?: number;
}

export interface MediaReport {
  /** Sniffed from the bytes, never from the file name. */
  mediaType: string;
  format: MediaFormat;
  width?: number;
  height?: number;
  /** Every metadata block found, e.g. 'EXIF', 'GPS', 'MakerNote', 'XMP', 'PNG tEXt', 'trailing data after EOI'. */
  blocks: string[];
  identifying: IdentifyingTag[];
  gps?: GpsPosition;
  /** Capture time as written by the device: local time, with its offset only when the file states one. */
  capturedAt?: string;
  /** Tags by group (`ifd0`, `exif`, `gps`, `xmp`, `iptc`, `icc`, `png-text`, ...); JSON-safe, binary shown as a size. */
  tags: Record<string, Record<string, JsonValue>>;
  /** Parts that were present but could not be read (the rest of the report is still valid). */
  warnings: string[];
}

export interface StripResult {
  format: MediaFormat;
  /** Metadata blocks present in the original and absent from the exhibit. */
  removed: string[];
  /** Non-identifying blocks kept because display needs them, e.g. 'JFIF', 'ICC (sRGB IEC61966-2.1)', 'EXIF Orientation 6'. */
  kept: string[];
  /** True only when both files were decoded and their pixel hashes (main/media/pixel-hash.ts) compared equal. */
  pixelsIdentical: boolean;
  originalPixelSha256: string;
  exhibitPixelSha256: string;
  exhibitSha256: string;
  bytes: number;
}
