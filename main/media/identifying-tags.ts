// The one list of tags that identify a person, a device, a place or a time. Inspect uses it to
// warn the user; the tests use it to judge exhibits through exiftool. Names are compared
// normalised (lower case, letters and digits only) so exifr's and exiftool's spellings meet.
import type { IdentifyingKind } from '../../shared/media/media-report';

const BY_KIND: Record<IdentifyingKind, string[]> = {
  // Authorship and free text a person wrote (comments and captions often name people).
  person: [
    'Artist', 'Author', 'Creator', 'By-line', 'Byline', 'BylineTitle', 'By-lineTitle', 'OwnerName', 'CameraOwnerName',
    'Copyright', 'CopyrightNotice', 'Rights', 'Credit', 'Source', 'Contact', 'CreatorContactInfo', 'Writer-Editor',
    'CaptionWriter', 'XPAuthor', 'XPComment', 'XPSubject', 'XPTitle', 'XPKeywords', 'Comment', 'UserComment',
    'ImageDescription', 'Description', 'Caption-Abstract', 'Title', 'Headline', 'Keywords', 'Subject',
    'SpecialInstructions', 'Instructions', 'PersonInImage', 'Disclaimer', 'Event',
    'AuthorsPosition', 'CreatorTool', 'Nickname', 'Attribution', 'TransmissionReference', 'OriginalTransmissionReference',
  ],
  device: [
    'Make', 'Model', 'SerialNumber', 'BodySerialNumber', 'CameraSerialNumber', 'InternalSerialNumber', 'LensMake',
    'LensModel', 'LensSerialNumber', 'Software', 'HostComputer', 'UniqueCameraModel', 'LocalizedCameraModel',
    'ImageUniqueID', 'DocumentID', 'InstanceID', 'OriginalDocumentID', 'DerivedFromDocumentID',
    'DerivedFromInstanceID', 'MakerNote', 'MakerNoteApple', 'MakerNoteUnknown', 'DeviceSettingDescription',
    'CameraID', 'ContentIdentifier', 'MediaGroupUUID', 'RunTimeSinceBoot', 'ImageNumber',
  ],
  place: [
    'City', 'Sub-location', 'Sublocation', 'Location', 'Province-State', 'State', 'Country',
    'Country-PrimaryLocationName', 'Country-PrimaryLocationCode', 'CountryCode', 'LocationCreated', 'LocationShown',
    'LocationName', 'WorldRegion',
  ],
  time: [
    'DateTimeOriginal', 'CreateDate', 'ModifyDate', 'DateTimeDigitized', 'DateTime', 'DateCreated', 'TimeCreated',
    'DigitalCreationDate', 'DigitalCreationTime', 'SubSecTime', 'SubSecTimeOriginal', 'SubSecTimeDigitized',
    'OffsetTime', 'OffsetTimeOriginal', 'OffsetTimeDigitized', 'MetadataDate', 'DateSent', 'TimeSent',
    'ReleaseDate', 'ReleaseTime', 'CreationTime', 'DateAcquired', 'SubSecCreateDate', 'SubSecDateTimeOriginal',
    'SubSecModifyDate', 'History', 'HistoryWhen',
  ],
};

const normalise = (name: string): string => name.toLowerCase().replace(/[^a-z0-9]/g, '');

const KIND_BY_NAME = new Map<string, IdentifyingKind>();
for (const [kind, names] of Object.entries(BY_KIND) as [IdentifyingKind, string[]][]) {
  for (const n of names) KIND_BY_NAME.set(normalise(n), kind);
}

/** The kind a tag reveals, or undefined when it is harmless (dimensions, colour, compression...). */
export function identifyingKind(tagName: string): IdentifyingKind | undefined {
  const n = normalise(tagName);
  // Every GPS tag (coordinates, timestamps, speed, heading, area) places the camera.
  if (n.startsWith('gps')) return 'place';
  return KIND_BY_NAME.get(n);
}

/** For tests and docs: the list as written. */
