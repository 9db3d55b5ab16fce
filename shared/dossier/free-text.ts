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

const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Whole-word pattern for a name, case- and accent-insensitive, so "Ana" does not match "Mariana"
 * but "Maria" matches "María" and "MARÍA". It runs on NFD text (see replaceName).
 */
function wordPattern(word: string): RegExp {
  const bare = [...word.normalize('NFD').replace(/\p{M}/gu, '')].map((c) => `${escapeRegExp(c)}\\p{M}*`).join('');
  return new RegExp(`(?<![\\p{L}\\p{N}\\p{M}])${bare}(?![\\p{L}\\p{N}\\p{M}])`, 'giu');
}

export function containsName(text: string, name: string): boolean {
  return wordPattern(name).test(text.normalize('NFD'));
}

/** Replaces every form of the name in the text; the result is NFC. */
export function replaceName(text: string, name: string, by: string): string {
  return text.normalize('NFD').replace(wordPattern(name), by).normalize('NFC');
}

// Articles and particles inside names ("de los Ríos", "das Dores") identify nobody alone.
const NAME_STOPWORDS = new Set(['del', 'los', 'las', 'dos', 'das', 'san', 'von', 'van', 'the']);

/** The parts of a name that identify alone: "Rosa Quispe Mamani" → Rosa, Quispe, Mamani. */
export function nameParts(name: string): string[] {
  return name.split(/[\s,.'-]+/u).filter((w) => [...w].length >= 3 && !NAME_STOPWORDS.has(w.toLowerCase()));
}

const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}/gu;
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

export function findEmailAddresses(text: string): string[] {
  return [...text.matchAll(EMAIL)].map((m) => m[0]);
}
