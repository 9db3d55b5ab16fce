// The free-text fields of an incident: where names, phone numbers and e-mail addresses hide.
import type { Incident } from '../incident/incident-schema';

export interface TextField {
  /** Where the text sits, e.g. `narrative`, `affected[0].role`. */
  field: string;
  text: string;
}

export function freeTextFields(i: Incident): TextField[] {
  const out: TextField[] = [];
  const add = (field: string, text: string | null | undefined): void => {
    if (text) out.push({ field, text });
  };
  add('place', i.place);
  for (const [k, v] of Object.entries(i.placeDetail ?? {})) add(`placeDetail.${k}`, v);
  add('perpetrators', i.perpetrators);
  i.perpetratorDetails?.forEach((p, n) => {
    add(`perpetratorDetails[${n}].description`, p.description);
    add(`perpetratorDetails[${n}].affiliation`, p.affiliation);
  });
  add('verbatim', i.verbatim);
  add('narrative', i.narrative);
  add('linkToDefenceWork', i.linkToDefenceWork);
  i.affected?.forEach((p, n) => {
    add(`affected[${n}].role`, p.role);
    add(`affected[${n}].community`, p.community);
  });
  i.reportedTo?.forEach((r, n) => {
    add(`reportedTo[${n}].reference`, r.reference);
    add(`reportedTo[${n}].response`, r.response);
  });
  add('notReportedReason', i.notReportedReason);
  add('measuresRequested', i.measuresRequested);
  add('notes', i.notes);
  return out;
}

/** Rewrites every free-text field of an incident through `f`, leaving the rest untouched. */
export function mapFreeText(i: Incident, f: (text: string) => string): Incident {
  const m = (t: string | undefined): string | undefined => (t === undefined ? t : f(t));
  return {
    ...i,
    place: f(i.place),
    placeDetail: i.placeDetail && Object.fromEntries(Object.entries(i.placeDetail).map(([k, v]) => [k, m(v)])),
    perpetrators: m(i.perpetrators),
    perpetratorDetails: i.perpetratorDetails?.map((p) => ({ ...p, description: m(p.description), affiliation: m(p.affiliation) })),
    verbatim: f(i.verbatim),
    narrative: m(i.narrative),
    linkToDefenceWork: m(i.linkToDefenceWork),
    affected: i.affected?.map((p) => ({ ...p, role: m(p.role), community: m(p.community) })),
    reportedTo: i.reportedTo?.map((r) => ({ ...r, reference: m(r.reference), response: m(r.response) })),
    notReportedReason: i.notReportedReason == null ? i.notReportedReason : f(i.notReportedReason),
    measuresRequested: m(i.measuresRequested),
    notes: m(i.notes),
  };
}

export const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

// Articles and particles inside names ("de los Ríos", "das Dores") identify nobody alone.
const NAME_STOPWORDS = new Set(['del', 'los', 'las', 'dos', 'das', 'san', 'von', 'van', 'the']);

/** The parts of a name that identify alone: "Rosa Quispe Mamani" → Rosa, Quispe, Mamani. */
export function nameParts(name: string): string[] {
  return name.split(/[\s,.'-]+/u).filter((w) => [...w].length >= 3 && !NAME_STOPWORDS.has(w.toLowerCase()));
}

const PHONE_CANDIDATE = /\+?\(?\d[\d\s().-]{5,}\d/g;
// Dates and case references ("1234-2026") look like numbers but identify nobody.
const NOT_A_PHONE = [/^\d{4}-\d{2}-\d{2}$/, /^\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}$/, /^\d{1,6}-(?:19|20)\d{2}$/];

export function findPhoneNumbers(text: string): string[] {
  return [...text.matchAll(PHONE_CANDIDATE)]
    .map((m) => m[0].trim())
    .filter((s) => {
      const digits = s.replace(/\D/g, '').length;
      return digits >= 7 && digits <= 15 && !NOT_A_PHONE.some((r) => r.test(s));
    });
}

// Read outwards from each "@", a bounded stretch each way: one regex over the whole text
// backtracks over every long word (100 K letters took 17 s), and an address is at most 254 long.
const LOCAL_PART = /[\p{L}\p{N}._%+-]+$/u;
const DOMAIN = /^[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}/u;
const EMAIL_SPAN = 254;

export function findEmailAddresses(text: string): string[] {
  const found: string[] = [];
  let after = 0;
  for (let at = text.indexOf('@'); at !== -1; at = text.indexOf('@', at + 1)) {
    const local = LOCAL_PART.exec(text.slice(Math.max(after, at - EMAIL_SPAN), at));
    const domain = local && DOMAIN.exec(text.slice(at + 1, at + 1 + EMAIL_SPAN));
    if (!local || !domain) continue;
    found.push(`${local[0]}@${domain[0]}`);
    after = at + 1 + domain[0].length;
  }
  return found;
}

// An ID document number is known by the word before it (DNI, CI, cédula, CPF, RG, pasaporte…);
// a bare number of phone length is taken for a phone. A Brazilian CPF is known by its shape alone.
const ID_WORD = String.raw`(?:D\.?N\.?I\.?|C\.?I\.?|C\.?C\.?|C\.?E\.?|CPF|RG|RUT|c[ée]dula(?:\s+de\s+(?:identidad|ciudadan[íi]a))?|pasaporte|passaporte|passport|carn[ée]t?(?:\s+de\s+extranjer[íi]a)?|documento(?:\s+de\s+identidad)?|identity\s+card|ID)`;
const ID_AFTER_WORD = new RegExp(String.raw`(?<![\p{L}\p{N}])${ID_WORD}\s{0,3}(?:n\.?\s?[°ºo]\.?|nro\.?|núm(?:ero)?\.?|number|no\.|:|#)?\s{0,3}([A-Z]{0,3}\d[\d.\- ]{3,16}\d)(?![\p{N}])`, 'giu');
const CPF = /(?<!\d)\d{3}\.\d{3}\.\d{3}-\d{2}(?!\d)/g;

export function findIdNumbers(text: string): string[] {
  const found = [...text.matchAll(ID_AFTER_WORD)].map((m) => m[1]!.trim()).filter((s) => s.replace(/\D/g, '').length >= 5);
  return [...new Set([...found, ...[...text.matchAll(CPF)].map((m) => m[0])])];
}

/** A latitude and longitude written in decimal degrees, "-12.5912, -69.1934". */
const COORDINATE_PAIR = /(?<![\d.])(-?\d{1,2}\.\d{3,})°?\s{0,3}(?:([NS])(?!\p{L}))?\s{0,3}[,;/ ]\s{0,3}(-?\d{1,3}\.\d{3,})°?\s{0,3}(?:([EWO])(?!\p{L}))?(?!\d|\.\d)/gu;

export interface CoordinateInText {
  text: string;
  lat: number;
  lon: number;
}

export function findCoordinates(text: string): CoordinateInText[] {
  return [...text.matchAll(COORDINATE_PAIR)]
    .map((m) => ({ text: m[0], lat: Number(m[1]) * (m[2] === 'S' ? -1 : 1), lon: Number(m[3]) * (m[4] === 'W' || m[4] === 'O' ? -1 : 1) }))
    .filter((c) => Math.abs(c.lat) <= 90 && Math.abs(c.lon) <= 180);
}
