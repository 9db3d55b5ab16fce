// What a dossier calls each piece of evidence: "E-01", "E-02", the same in the file names, the
// report and the disclosure check. Names are made here, never taken from the vault: an
// original file name such as "Rosa Quispe 987654321.png" names the person it protects (T5).
import { CLEANABLE_MEDIA } from '../vocabulary/cleanable-media';

const EXTENSIONS: Readonly<Record<string, string>> = {
  ...CLEANABLE_MEDIA,
  'image/heic': 'heic', 'image/heif': 'heif', 'image/bmp': 'bmp',
  'application/pdf': 'pdf', 'text/plain': 'txt', 'application/zip': 'zip',
  'audio/mpeg': 'mp3', 'audio/mp4': 'm4a', 'audio/ogg': 'ogg', 'audio/opus': 'opus', 'audio/wav': 'wav', 'audio/amr': 'amr',
  'video/mp4': 'mp4', 'video/quicktime': 'mov', 'video/3gpp': '3gp', 'video/webm': 'webm', 'video/x-matroska': 'mkv', 'video/x-msvideo': 'avi',
};

/** "E-01" for the first of up to 99 items, "E-001" from 100 on: labels sort as they are numbered. */
export function exhibitLabel(index: number, count: number): string {
  const width = Math.max(2, String(count).length);
  return `E-${String(index + 1).padStart(width, '0')}`;
}

/** "E-01.jpg": the label with the extension of what the file is (its sniffed media type). */
export function exhibitFileName(index: number, count: number, mediaType: string): string {
  return `${exhibitLabel(index, count)}.${EXTENSIONS[mediaType.toLowerCase()] ?? 'bin'}`;
}
