// The bag's folder name, safe in a ZIP, `sha256sum -c` and a shell; and which payload files are
// worth compressing. Payload file names are labels (shared/dossier/exhibit-labels.ts).

/** "dossier-<id>": the bag's top-level folder in the ZIP (RFC 8493 §4.2 serialisation). */
export function bagRootName(dossierId: string): string {
  return `dossier-${safeName(dossierId, 80)}`;
}

function safeName(name: string, maxLength = 100): string {
  const cleaned = name
    .normalize('NFC')
    .replace(/[^\p{L}\p{N}._-]+/gu, '_')
    .replace(/^[._]+/, '')
    .slice(-maxLength);
  return cleaned === '' ? 'file' : cleaned;
}

const COMPRESSIBLE = [/^text\//, /^application\/(json|xml)$/, /^image\/(bmp|tiff|svg\+xml)$/, /^audio\/(x-)?wav$/];

/** Photos, video and most audio are already compressed: storing them keeps export at disk speed. */
export function isCompressible(mediaType: string): boolean {
  return COMPRESSIBLE.some((r) => r.test(mediaType.toLowerCase()));
}
