// The media types an exhibit can be made from (the media module strips JPEG, GIF and upright
// WebP losslessly and re-encodes the others), with the exhibit's file extension. Exhibit-making
// and the dossier's choice of exhibit or original both read this one list.
/** Media type to the exhibit's extension. */
export const CLEANABLE_MEDIA: Readonly<Record<string, string>> = {
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'image/webp': 'webp',
  'image/tiff': 'tif',
  'image/gif': 'gif',
  'image/avif': 'avif',
};

export function isCleanable(mediaType: string): boolean {
  return Object.hasOwn(CLEANABLE_MEDIA, mediaType);
}
