// Names of affected people and witnesses are the most dangerous data in the vault:
// an export shows a pseudonym unless it asks for names AND the person consented to this kind of
// recipient. Witnesses record no consent, so their names are never shown.
import type { Incident } from '../incident/incident-schema';
import type { RecipientKind } from './dossier-types';
import type { Language } from '../vocabulary/languages';
import { mapFreeText, wordPattern } from './free-text';

export interface PseudonymiseOptions {
  showNames: boolean;
  recipient: RecipientKind;
  language: Language;
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
}

const LABELS: Record<Language, { affected: string; witness: string }> = {
  es: { affected: 'Persona', witness: 'Testigo' },
  pt: { affected: 'Pessoa', witness: 'Testemunha' },
  en: { affected: 'Person', witness: 'Witness' },
};

/** Public recipients (anything but a State or inter-governmental authority) need toPublicReport. */
export function isAuthority(kind: RecipientKind): boolean {
  return kind !== 'other';
}

type Consent = NonNullable<NonNullable<Incident['affected']>[number]['consent']>;

export function consentAllowsName(consent: Consent | undefined, recipient: RecipientKind): boolean {
  if (!consent) return false;
  return isAuthority(recipient) ? consent.toNameToState : consent.toPublicReport;
}

export function pseudonymise(incident: Incident, opts: PseudonymiseOptions): Pseudonymised {
  const used = new Set<string>();
  for (const p of [...(incident.affected ?? []), ...(incident.witnesses ?? [])]) if (p.pseudonym) used.add(p.pseudonym);
  const counters = { affected: 0, witness: 0 };
  const label = (who: 'affected' | 'witness'): string => {
    let candidate: string;
    do candidate = `${LABELS[opts.language][who]} ${++counters[who]}`;
    while (used.has(candidate));
    used.add(candidate);
    return candidate;
  };
  const shownNames: ShownName[] = [];
  const hiddenNames: Pseudonymised['hiddenNames'] = [];

  const affected = incident.affected?.map((p, index) => {
    if (p.name && opts.showNames && consentAllowsName(p.consent, opts.recipient)) {
      shownNames.push({ who: 'affected', index, name: p.name });
      return p;
    }
    const { name, ...rest } = p;
    const pseudonym = p.pseudonym ?? label('affected');
    if (name) hiddenNames.push({ name, label: pseudonym });
    return { ...rest, pseudonym };
  });
  const witnesses = incident.witnesses?.map((w) => {
    const { name, ...rest } = w;
    const pseudonym = w.pseudonym ?? label('witness');
    if (name) hiddenNames.push({ name, label: pseudonym });
    return { ...rest, pseudonym };
  });

  // Longest names first, so "Ana María Quispe" is replaced whole before "Ana María".
  const replacements = [...hiddenNames].filter((h) => h.name.trim().length > 1).sort((a, b) => b.name.length - a.name.length);
  const scrub = (text: string): string =>
    replacements.reduce((t, r) => t.normalize('NFC').replace(wordPattern(r.name.trim()), r.label), text);
  const scrubbed = mapFreeText({ ...incident, affected, witnesses }, scrub);
  return { incident: dropUndefined(scrubbed), shownNames, hiddenNames };
}

// mapFreeText leaves absent optional fields as explicit undefined; the export keeps the shape it was given.
function dropUndefined(i: Incident): Incident {
  return JSON.parse(JSON.stringify(i)) as Incident;
}
