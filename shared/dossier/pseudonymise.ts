// Names of affected people and witnesses are the most dangerous data in the vault:
// an export shows a pseudonym unless it asks for names AND the person consented to be on file and
// to this kind of recipient; someone who did not consent to be on file is left out altogether.
// Witnesses record no consent, so their names are never shown.
import type { Incident } from '../incident/incident-schema';
import type { RecipientKind } from './dossier-types';
import type { Language } from '../vocabulary/languages';
import { findEmailAddresses, findPhoneNumbers, mapFreeText, nameParts, replaceName } from './free-text';

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

const LABELS: Record<Language, { affected: string; witness: string; phone: string; email: string }> = {
  es: { affected: 'Persona', witness: 'Testigo', phone: 'teléfono retirado', email: 'correo retirado' },
  pt: { affected: 'Pessoa', witness: 'Testemunha', phone: 'telefone retirado', email: 'e-mail retirado' },
  en: { affected: 'Person', witness: 'Witness', phone: 'phone removed', email: 'e-mail removed' },
};

/** Public recipients (anything but a State or inter-governmental authority) need toPublicReport. */
export function isAuthority(kind: RecipientKind): boolean {
  return kind !== 'other';
}

type Consent = NonNullable<NonNullable<Incident['affected']>[number]['consent']>;

export function consentAllowsName(consent: Consent | undefined, recipient: RecipientKind): boolean {
  if (!consent || !consent.toFile) return false;
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
  // No consent to be on file: the person leaves the export altogether, their name scrubbed from every text.
  const onFile = affected?.filter((_, i) => incident.affected?.[i]?.consent?.toFile !== false);
  const witnesses = incident.witnesses?.map((w) => {
    const { name, ...rest } = w;
    const pseudonym = w.pseudonym ?? label('witness');
    if (name) hiddenNames.push({ name, label: pseudonym });
    return { ...rest, pseudonym };
  });

  // Whole names first, longest first ("Ana María Quispe" before "Ana María"), then each part
  // alone ("la señora Quispe", "dona Rosa"): a surname names a family in a small community.
  const whole = hiddenNames.filter((h) => h.name.trim().length > 1).map((h) => ({ name: h.name.trim(), label: h.label }));
  const parts = hiddenNames.flatMap((h) => nameParts(h.name).map((name) => ({ name, label: h.label })));
  const replacements = [...whole.sort((a, b) => b.name.length - a.name.length), ...parts.sort((a, b) => b.name.length - a.name.length)];
  // "Rosa Quispe" (two parts of one name) reads "Persona 1", not "Persona 1 Persona 1".
  const collapse = (text: string, mark: string): string => text.split(`${mark} ${mark}`).join(mark);
  const scrub = (marker: (label: string) => string) => (text: string): string =>
    replacements.reduce((t, r) => {
      let out = replaceName(t, r.name, marker(r.label));
      for (let before = ''; before !== out; ) [before, out] = [out, collapse(out, marker(r.label))];
      return out;
    }, text);
  // Phone numbers and e-mail addresses lead to a person as surely as a name: never exported.
  const words = LABELS[opts.language];
  const contacts = (text: string): string => {
    const noMail = findEmailAddresses(text).reduce((t, m) => t.split(m).join(`[${words.email}]`), text);
    return findPhoneNumbers(noMail).reduce((t, p) => t.split(p).join(`[${words.phone}]`), noMail);
  };
  const scrubbed = mapFreeText({ ...incident, affected: onFile, witnesses }, (t) => scrub((l) => l)(contacts(t)));
  // A quote keeps a visible mark where a name was taken out of the speaker's words.
  scrubbed.verbatim = scrub((l) => `[${l}]`)(contacts(incident.verbatim));
  return { incident: dropUndefined(scrubbed), shownNames, hiddenNames };
}

// mapFreeText leaves absent optional fields as explicit undefined; the export keeps the shape it was given.
function dropUndefined(i: Incident): Incident {
  return JSON.parse(JSON.stringify(i)) as Incident;
}
