// HEIC/HEIF (every iPhone photo): the prebuilt sharp cannot decode HEVC, so Custodia cannot
// re-encode it, and a container-level strip would have to rewrite item locations (iloc) and drop
// thumbnail and Exif items without a decoder to prove the picture survived. Until that exists,
// refuse: never pass HEIC through with its metadata.
import { CustodiaError } from '../../shared/errors/error-codes';

export function refuseHeic(mediaType: string): never {
  throw new CustodiaError(
    'E_UNSUPPORTED_MEDIA',
    `${mediaType} photos cannot be made into exhibits yet: Custodia cannot decode HEVC and will not pass the file on with its ` +
      'GPS, device and time metadata. The original stays sealed in the vault. To share it, export the photo as JPEG ' +
      '(on an iPhone: share it with "Options > Most Compatible", or set Camera > Formats > Most Compatible) and import that copy.',
    { mediaType },
  );
}
