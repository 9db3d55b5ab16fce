// The plain reading of sealed metadata (issue 12 item 4): a phone photo's tags become "the place,
// the phone model, the owner's name", in that order, each once; harmless tags say nothing.
import { describe, expect, it } from 'vitest';
import { summariseMetadata, type MetadataTagView } from '../../../shared/media/metadata-summary';

const tag = (group: string, name: string, value: string, identifying = true): MetadataTagView => ({ group, tag: name, value, identifying });

describe('summariseMetadata', () => {
  it('names the place, the device, the owner, the time, the software, serials and texts of a phone photo', () => {
    const facts = summariseMetadata([
      tag('ifd0', 'Make', 'samsung'), tag('ifd0', 'Model', 'SM-A515F'), tag('ifd0', 'Software', 'A515FXXU4CTJ1'),
      tag('exif', 'DateTimeOriginal', '2026:10:02 18:30:11'), tag('exif', 'BodySerialNumber', 'R58N12345'),
      tag('gps', 'GPSLatitude', '[12,35,35.88]'), tag('gps', 'GPSLongitude', '[69,11,2.1]'),
      tag('ifd0', 'Artist', 'Rosa Quispe'), tag('ifd0', 'ImageDescription', 'amenaza km 108'),
      tag('exif', 'ExifVersion', '[48,50,51,50]', false), tag('ifd0', 'XResolution', '72', false),
    ]);
    expect(facts).toEqual([
      { kind: 'location' }, { kind: 'device', value: 'samsung SM-A515F' }, { kind: 'owner', value: 'Rosa Quispe' },
      { kind: 'takenAt', value: '2026:10:02 18:30:11' }, { kind: 'software', value: 'A515FXXU4CTJ1' }, { kind: 'serial' }, { kind: 'text' },
    ]);
  });

  it('does not repeat a make the model already names, and says nothing of harmless or empty tags', () => {
    expect(summariseMetadata([tag('ifd0', 'Make', 'Apple'), tag('ifd0', 'Model', 'Apple iPhone 12')])).toEqual([{ kind: 'device', value: 'Apple iPhone 12' }]);
    expect(summariseMetadata([tag('ifd0', 'Artist', '  '), tag('ifd0', 'Orientation', '1', false)])).toEqual([]);
    expect(summariseMetadata([])).toEqual([]);
  });
});
