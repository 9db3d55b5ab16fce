// What a file's sealed metadata reveals, said in the user's words above the raw table: the
// place, the device, the owner's name, when it was taken, the software, serial numbers, texts.
// One reading for the app and any report, from the tags inspection already marked.

export interface MetadataTagView {
  group: string;
  tag: string;
  value: string;
  identifying: boolean;
}

/** Every kind of fact, in the order a summary gives them. */
export const METADATA_FACT_KINDS = ['location', 'device', 'owner', 'takenAt', 'software', 'serial', 'text'] as const;

export type MetadataFact =
  | { kind: 'location' }
  | { kind: 'device'; value: string }
  | { kind: 'owner'; value: string }
  | { kind: 'takenAt'; value: string }
  | { kind: 'software'; value: string }
  | { kind: 'serial' }
  | { kind: 'text' };

const norm = (tag: string): string => tag.toLowerCase().replace(/[^a-z0-9]/g, '');
const OWNER = ['ownername', 'cameraownername', 'artist', 'author', 'creator', 'xpauthor', 'byline', 'copyright'];
const TAKEN = ['datetimeoriginal', 'createdate', 'datecreated', 'creationtime', 'datetimedigitized'];
const SERIAL = ['serialnumber', 'bodyserialnumber', 'cameraserialnumber', 'internalserialnumber', 'lensserialnumber', 'imageuniqueid'];
const TEXT = ['usercomment', 'comment', 'imagedescription', 'description', 'captionabstract', 'title', 'headline', 'keywords', 'subject', 'xpcomment', 'xptitle', 'xpsubject', 'xpkeywords', 'personinimage'];

/** The facts in a fixed order (place first: it endangers most), each at most once. */
export function summariseMetadata(tags: readonly MetadataTagView[]): MetadataFact[] {
  const value = (names: string[]): string | undefined => {
    for (const n of names) {
      const found = tags.find((t) => norm(t.tag) === n && t.value.trim() !== '');
      if (found) return found.value.trim();
    }
    return undefined;
  };
  const has = (names: string[]) => tags.some((t) => names.includes(norm(t.tag)) && t.value.trim() !== '');
  const facts: MetadataFact[] = [];
  if (tags.some((t) => /^gps(latitude|longitude|position|coordinates)$/.test(norm(t.tag)) || norm(t.tag) === 'location')) facts.push({ kind: 'location' });
  const make = value(['make']);
  const model = value(['model', 'uniquecameramodel', 'localizedcameramodel']);
  // "Samsung SM-A515F", but "Apple iPhone 12", not "Apple Apple iPhone 12".
  const device = make && model && !model.toLowerCase().startsWith(make.toLowerCase()) ? `${make} ${model}` : model ?? make;
  if (device) facts.push({ kind: 'device', value: device });
  const owner = value(OWNER);
  if (owner) facts.push({ kind: 'owner', value: owner });
  const taken = value(TAKEN);
  if (taken) facts.push({ kind: 'takenAt', value: taken });
  const software = value(['software', 'creatortool', 'hostcomputer']);
  if (software) facts.push({ kind: 'software', value: software });
  if (has(SERIAL)) facts.push({ kind: 'serial' });
  if (has(TEXT)) facts.push({ kind: 'text' });
  return facts;
}
