// File names inside the bag. They are made here, not taken from the vault, so that they are
// unique, never climb out of their folder, and need no quoting in `sha256sum -c` or a shell.

/** "dossier-<id>": the bag's top-level folder in the ZIP (RFC 8493 §4.2 serialisation). */
export function bagRootName(dossierId: string): string {
  return `dossier-${safeName(dossierId, 80)}`;
}

export function safeName(name: string, maxLength = 100): string {
  const cleaned = name
    .normalize('NFC')
    .replace(/[^\p{L}\p{N}._-]+/gu, '_')
    .replace(/^[._]+/, '')
    .slice(-maxLength);
  return cleaned === '' ? 'file' : cleaned;
}

/** Numbered names in list order: "01-photo.jpg", "02-call.ogg". */
export function numberedNames(names: readonly string[]): string[] {
  const width = Math.max(2, String(names.length).length);
  return names.map((n, i) => `${String(i + 1).padStart(width, '0')}-${safeName(n)}`);
}

const COMPRESSIBLE = [/^text\//, /^application\/(json|xml)$/, /^image\/(bmp|tiff|svg\+xml)$/, /^audio\/(x-)?wav$/];

/** Photos, video and most audio are already compressed: storing them keeps export at disk speed. */
export function isCompressible(mediaType: string): boolean {
  return COMPRESSIBLE.some((r) => r.test(mediaType.toLowerCase()));
}
