// The media types an exhibit can be made from (the media module strips JPEG, GIF and upright
// WebP losslessly and re-encodes the other images; video, audio and PDF are cleaned losslessly),
// with the exhibit's file extension. Exhibit-making and the dossier's choice of exhibit or
// original both read this one list.
/** Media type to the exhibit's extension. */
export const CLEANABLE_MEDIA: Readonly<Record<string, string>> = {
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'image/webp': 'webp',
  'image/tiff': 'tif',
  'image/gif': 'gif',
  'image/avif': 'avif',
  // Cleaned at container level by main/media/clean-av.ts; media data copied unchanged.
  'video/mp4': 'mp4',
  'video/quicktime': 'mov',
  'video/3gpp': '3gp',
  'audio/mp4': 'm4a',
  'audio/mpeg': 'mp3',
  'audio/wav': 'wav',
  // Ogg Vorbis, Opus and FLAC-in-Ogg (a WhatsApp voice note is Opus in Ogg).
  'audio/ogg': 'ogg',
  'audio/flac': 'flac',
  // Already without metadata once every frame is accounted for; the exhibit is a checked copy.
  'audio/amr': 'amr',
  'video/webm': 'webm',
  'video/x-matroska': 'mkv',
  'application/pdf': 'pdf',
};

export function isCleanable(mediaType: string): boolean {
  return Object.hasOwn(CLEANABLE_MEDIA, mediaType);
}
