// Names of affected people and witnesses are the most dangerous data in the vault:
// an export shows a pseudonym unless it asks for names AND the person consented to be on file and
// to this kind of recipient; someone who did not consent to be on file is left out altogether
// (or, when the export asks, kept under a pseudonym). Witnesses record no consent, so their names
// are never shown. The same pass applies the export's other protections (export-protection.ts):
// contacts, ID numbers, notes, coordinates and staff names.
import type { Incident } from '../incident/incident-schema';
import type { RecipientKind } from './dossier-types';
import type { Language } from '../vocabulary/languages';
import type { Role } from '../vocabulary/roles';
import { resolveProtection, type ExportProtection } from './export-protection';
import { EXPORT_WORDS, staffShown } from './export-words';
import { mapFreeText } from './free-text';
import { nameScrubber } from './name-scrubber';
import { redactText, roundPoint } from './redact-text';

export interface PseudonymiseOptions {
  showNames: boolean;
  recipient: RecipientKind;
  language: Language;
  /** The recipient's defaults (defaultProtection) when absent. */
  protection?: ExportProtection;
  /** The vault's users by name, so a staff member shown by role gets theirs. */
  staff?: Readonly<Record<string, Role>>;
}

export interface ShownName {
  who: 'affected' | 'witness';
  index: number;
  name: string;
}

export interface Pseudonymised {
  incident: Incident;
  /** Real names this incident still carries (consent allowed them). */
  shownNames: ShownName[];
  /** Real names that were replaced, with the label that replaced them. */
  hiddenNames: Array<{ name: string; label: string }>;
  /** Scrubs another text (an original's file name) as this incident's texts were. */
  scrub: (text: string) => string;
}

/** Public recipients (anything but a State or inter-governmental authority) need toPublicReport. */
export function isAuthority(kind: RecipientKind): boolean {
  return kind !== 'other';
}

type Person = NonNullable<Incident['affected']>[number];
type Consent = NonNullable<Person['consent']>;

export function consentAllowsName(consent: Consent | undefined, recipient: RecipientKind): boolean {
  if (!consent || !consent.toFile) return false;
  return isAuthority(recipient) ? consent.toNameToState : consent.toPublicReport;
}

const onFile = (p: Person): boolean => p.consent?.toFile !== false;

/** The named people on file whose consent does not let an export that shows names name them to this recipient. */
export function consentBreaches(incident: Incident, o: Pick<PseudonymiseOptions, 'showNames' | 'recipient'>): number[] {
  if (!o.showNames) return [];
  return (incident.affected ?? []).flatMap((p, i) => (p.name && onFile(p) && !consentAllowsName(p.consent, o.recipient) ? [i] : []));
}

export function pseudonymise(incident: Incident, opts: PseudonymiseOptions): Pseudonymised {
  const protection = opts.protection ?? resolveProtection(opts.recipient);
  const words = EXPORT_WORDS[opts.language];
  const used = new Set<string>();
  for (const p of [...(incident.affected ?? []), ...(incident.witnesses ?? [])]) if (p.pseudonym) used.add(p.pseudonym);
  const counters = { affected: 0, witness: 0 };
  const label = (who: 'affected' | 'witness'): string => {
    let candidate: string;
    do candidate = `${words[who]} ${++counters[who]}`;
    while (used.has(candidate));
    used.add(candidate);
    return candidate;
  };
  const shownNames: ShownName[] = [];
  const hiddenNames: Pseudonymised['hiddenNames'] = [];
  const staffName = (name: string): string => staffShown(name, protection.staffNames, opts.staff, words);

  const people = incident.affected ?? [];
  const omitted = (p: Person): boolean => !protection.keepOffFileAsPseudonym && !onFile(p);
  // Those left out are labelled last, so the labels of those shown run 1, 2, 3 with no gap that hints at someone left out.
  const order = [...people.keys()].sort((a, b) => Number(omitted(people[a]!)) - Number(omitted(people[b]!)));
  const shaped = new Map<number, Person>();
  for (const index of order) {
    const p = people[index]!;
    const consent = p.consent?.obtainedBy === undefined ? p.consent : { ...p.consent, obtainedBy: staffName(p.consent.obtainedBy) };
    if (p.name && opts.showNames && consentAllowsName(p.consent, opts.recipient)) {
      shownNames.push({ who: 'affected', index, name: p.name });
      shaped.set(index, { ...p, consent });
      continue;
    }
    const { name, ...rest } = p;
    const pseudonym = p.pseudonym ?? label('affected');
    if (name) hiddenNames.push({ name, label: pseudonym });
    shaped.set(index, { ...rest, consent, pseudonym });
  }
  // No consent to be on file: the person leaves the export (unless kept as a pseudonym), their name scrubbed from every text.
  const kept = incident.affected && people.flatMap((p, i) => (omitted(p) ? [] : [shaped.get(i)!]));
  const witnesses = incident.witnesses?.map((w) => {
    const { name, ...rest } = w;
    const pseudonym = w.pseudonym ?? label('witness');
    if (name) hiddenNames.push({ name, label: pseudonym });
    return { ...rest, pseudonym };
  });

  const names = nameScrubber(hiddenNames);
  const redaction = { redact: protection.redact, coordinates: protection.coordinates, words };
  const plain = names((l) => l);
  const scrub = (text: string): string => plain(redactText(text, redaction));
  const { notes, coordinates, ...withoutDropped } = { ...incident, affected: kept, witnesses };
  const point = coordinates ? roundPoint(coordinates, protection.coordinates) : coordinates;
  const scrubbed = mapFreeText({
    ...withoutDropped,
    ...(protection.redact.includes('notes') || notes === undefined ? {} : { notes }),
    ...(point === null && coordinates ? {} : { coordinates: point }),
  }, scrub);
  // A quote keeps a visible mark where a name was taken out of the speaker's words.
  scrubbed.verbatim = names((l) => `[${l}]`)(redactText(incident.verbatim, redaction));
  return { incident: dropUndefined(scrubbed), shownNames, hiddenNames, scrub };
}

// mapFreeText leaves absent optional fields as explicit undefined; the export keeps the shape it was given.
function dropUndefined(i: Incident): Incident {
  return JSON.parse(JSON.stringify(i)) as Incident;
}
