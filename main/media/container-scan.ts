// What a format's own walk finds beyond what sharp and exifr report: block names, text
// comments, payloads to hand to exifr, and the total metadata size for the limit check.

export interface ContainerScan {
  blocks: string[];
  /** Free-text entries (PNG text chunks, JPEG/GIF comments) by keyword. */
  text: Record<string, string>;
  /** Metadata payloads found by the walk when the decoder library does not expose them. */
  xmp?: Buffer;
  exif?: Buffer;
  iptc?: Buffer;
  metadataBytes: number;
  width: number;
  height: number;
  frames: number;
  /** WebP only: every frame is VP8L (lossless), so the exhibit can be lossless too. */
  lossless?: boolean;
}

export function emptyScan(width = 0, height = 0): ContainerScan {
  return { blocks: [], text: {}, metadataBytes: 0, width, height, frames: 1 };
}

/** Keeps the first 4 KiB of a text value: enough to read, bounded for reports. */
export function clipText(s: string): string {
  return s.length > 4096 ? `${s.slice(0, 4096)}… (${s.length} characters)` : s;
}
