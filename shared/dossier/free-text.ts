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

/** Whole-word, case-insensitive pattern for a name, so "Ana" does not match "Mariana". */
export function wordPattern(word: string): RegExp {
  return new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(word.normalize('NFC'))}(?![\\p{L}\\p{N}])`, 'giu');
}
