// What kind of thing a file is, in the words a tile shows (a photo, a recording, a PDF), read
// from its sniffed media type. One list for the renderer and its message catalogues.
export const MEDIA_KINDS = ['photo', 'audio', 'video', 'pdf', 'document'] as const;
export type MediaKind = (typeof MEDIA_KINDS)[number];

export function mediaKind(mediaType: string): MediaKind {
  const type = mediaType.toLowerCase();
  if (type.startsWith('image/')) return 'photo';
  if (type.startsWith('audio/')) return 'audio';
  if (type.startsWith('video/')) return 'video';
  if (type === 'application/pdf') return 'pdf';
  return 'document';
}
