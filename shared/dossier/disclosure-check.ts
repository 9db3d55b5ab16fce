// Before a dossier is written, list what in it could identify a source (threat T5), so the
// legal team decides with the facts in front of them. Heuristics: a finding is a prompt to look,
// and an empty list is not a guarantee.
import type { DisclosureKind, FindingSeverity } from '../vocabulary/disclosure-kinds';
import type { DossierInput, IdentifyingTag } from './dossier-types';
import { findCoordinates, findEmailAddresses, findIdNumbers, findPhoneNumbers, freeTextFields, nameParts } from './free-text';
import { pseudonymise } from './pseudonymise';
import { NameMatcher } from './name-matcher';
import { exportedOriginalName } from './dossier-wide-texts';

/** A finding's `detail` is data only (a name, a number, a tag and its value): its kind says what it means, in the reader's language. */
export interface DisclosureFinding {
  kind: DisclosureKind;
  severity: FindingSeverity;
  /** Where it is, e.g. `incident 1 narrative`, `exhibit E-02`, `original E-02`. */
  where: string;
  detail: string;
}

export type DisclosureInput = Pick<DossierInput, 'recipient' | 'language' | 'showNames' | 'incidents' | 'protection' | 'staff'> & {
  exhibits: ReadonlyArray<Pick<DossierInput['exhibits'][number], 'name' | 'identifying' | 'stripped' | 'originalName'>>;
  originals?: ReadonlyArray<Pick<NonNullable<DossierInput['originals']>[number], 'name' | 'identifying' | 'gps'>>;
  /** Items that cannot be cleaned and were left out because the export does not carry originals. */
  leftOut?: number;
};

const SERIAL = /serial/i;

function metadataFindings(where: string, tags: readonly IdentifyingTag[], exhibit: boolean): DisclosureFinding[] {
  return tags.map((t): DisclosureFinding => {
    if (t.kind === 'device' && SERIAL.test(t.tag)) {
      return { kind: 'device_serial', severity: 'high', where, detail: `${t.tag}: ${t.value}` };
    }
    return exhibit
      ? { kind: 'exhibit_metadata', severity: 'high', where, detail: `${t.tag}: ${t.value}` }
      : { kind: 'original_metadata', severity: t.kind === 'time' ? 'low' : 'medium', where, detail: `${t.tag}: ${t.value}` };
  });
}

export function disclosureCheck(input: DisclosureInput): DisclosureFinding[] {
  const findings: DisclosureFinding[] = [];
  const done = input.incidents.map(({ id, incident }) => ({
    id, p: pseudonymise(incident, { showNames: input.showNames, recipient: input.recipient.kind, language: input.language, protection: input.protection, staff: input.staff }),
  }));
  for (const { id, p } of done) {
    for (const s of p.shownNames) {
      findings.push({ kind: 'real_name', severity: 'high', where: `incident ${id} ${s.who}[${s.index}]`, detail: s.name });
    }
    const parts = new NameMatcher(p.hiddenNames.flatMap((h) => nameParts(h.name)).map((part) => [part, part] as const));
    for (const f of freeTextFields(p.incident)) {
      const where = `incident ${id} ${f.field}`;
      for (const part of parts.found(f.text)) findings.push({ kind: 'name_in_text', severity: 'high', where, detail: part });
      // A number after "DNI" is an ID number, not also a phone.
      const ids = findIdNumbers(f.text);
      for (const phone of findPhoneNumbers(f.text).filter((p) => !ids.includes(p))) findings.push({ kind: 'phone_number', severity: 'medium', where, detail: phone });
      for (const mail of findEmailAddresses(f.text)) findings.push({ kind: 'email_address', severity: 'medium', where, detail: mail });
      for (const n of ids) findings.push({ kind: 'id_number', severity: 'medium', where, detail: n });
      for (const c of findCoordinates(f.text)) findings.push({ kind: 'coordinates', severity: 'low', where, detail: c.text });
    }
    // A pseudonym travels as typed: one made from the name it hides ("Rosa Q.") would give it away.
    const pseudonyms = [...(p.incident.affected ?? []).map((a, n) => [`affected[${n}]`, a.pseudonym] as const), ...(p.incident.witnesses ?? []).map((w, n) => [`witnesses[${n}]`, w.pseudonym] as const)];
    for (const [who, pseudonym] of pseudonyms) {
      for (const part of parts.found(pseudonym ?? '')) findings.push({ kind: 'name_in_text', severity: 'high', where: `incident ${id} ${who}.pseudonym`, detail: part });
    }
    if (p.incident.coordinates) {
      const c = p.incident.coordinates;
      findings.push({ kind: 'coordinates', severity: 'low', where: `incident ${id} coordinates`, detail: `${c.lat}, ${c.lon}` });
    }
  }
  for (const e of input.exhibits) {
    findings.push(...metadataFindings(`exhibit ${e.name}`, e.identifying ?? [], true));
    // Asked for (originalNames): a file name is often the person's name and number, typed by whoever sent it.
    const originalName = exportedOriginalName(e, input.protection, done.map((d) => d.p));
    if (originalName !== undefined) findings.push({ kind: 'original_name', severity: 'high', where: `exhibit ${e.name}`, detail: originalName });
    // Not cleaned: it travels only as its sealed original, with all its metadata (--originals).
    if (e.stripped === false) {
      findings.push({ kind: 'exhibit_not_stripped', severity: 'high', where: `exhibit ${e.name}`, detail: '' });
    }
  }
  if (input.leftOut) findings.push({ kind: 'exhibit_left_out', severity: 'medium', where: 'dossier', detail: String(input.leftOut) });
  const originals = input.originals ?? [];
  if (originals.length > 0 && input.recipient.kind === 'other') {
    findings.push({ kind: 'originals_to_public', severity: 'high', where: 'dossier', detail: String(originals.length) });
  }
  for (const o of originals) {
    const where = `original ${o.name}`;
    const places = o.identifying.filter((t) => t.kind === 'place');
    if (o.gps) findings.push({ kind: 'original_with_gps', severity: 'high', where, detail: `GPS ${o.gps.lat}, ${o.gps.lon}` });
    else if (places.length > 0) findings.push({ kind: 'original_with_gps', severity: 'high', where, detail: places.map((t) => `${t.tag}: ${t.value}`).join('; ') });
    findings.push(...metadataFindings(where, o.identifying.filter((t) => t.kind !== 'place'), false));
  }
  return findings;
}
