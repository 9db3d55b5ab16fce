// T5: what an export takes out beyond names (contacts, ID numbers, notes, coordinates, staff
// names), the defaults for each kind of recipient, and the consent an export may not break.
import { describe, expect, it } from 'vitest';
import { disclosureCheck } from '../../../shared/dossier/disclosure-check';
import { defaultProtection, resolveProtection, type ExportProtection } from '../../../shared/dossier/export-protection';
import { findEmailAddresses, findIdNumbers } from '../../../shared/dossier/free-text';
import { consentBreaches, pseudonymise } from '../../../shared/dossier/pseudonymise';
import { RECIPIENT_KINDS } from '../../../shared/dossier/dossier-types';
import type { Incident } from '../../../shared/incident/incident-schema';
import { sampleIncident } from '../../dossier/helpers/dossier-fixture';

const CONTACTS = 'Su número es +51 987 654 321, correo mq@example.org, DNI 45678912; estaba en -12.6048, -69.2211.';

function incident(): Incident {
  return {
    ...sampleIncident(),
    coordinates: { lat: -12.604849, lon: -69.221149, source: 'gps' },
    narrative: CONTACTS,
    notes: 'Nota interna del equipo.',
    affected: [
      { name: 'María Quispe', consent: { toFile: true, toNameToState: true, toPublicReport: false, obtainedBy: 'lex' } },
      { name: 'Lucía Condori', role: 'prima', consent: { toFile: false, toNameToState: true, toPublicReport: true } },
      { name: 'Ana Torres', consent: { toFile: true, toNameToState: false, toPublicReport: true, obtainedBy: 'Marisol' } },
    ],
  };
}
const run = (protection: Partial<ExportProtection>, recipient: (typeof RECIPIENT_KINDS)[number] = 'police') =>
  pseudonymise(incident(), { showNames: false, recipient, language: 'es', protection: resolveProtection(recipient, protection), staff: { lex: 'legal' } }).incident;

describe('T5 per-field redaction', () => {
  it('by default takes phones, e-mails and ID numbers out of every text and leaves the notes out', () => {
    const p = run({});
    expect(p.narrative).toBe('Su número es [teléfono retirado], correo [correo retirado], DNI [documento retirado]; estaba en -12.60, -69.22.');
    expect(p.notes).toBeUndefined();
  });

  it('keeps what the export asks to keep, and the disclosure check then lists it', () => {
    const keep = { redact: [], coordinates: 'keep' } as const;
    const p = run(keep);
    expect(p.narrative).toBe(CONTACTS);
    expect(p.notes).toBe('Nota interna del equipo.');
    const findings = disclosureCheck({ recipient: { kind: 'police' }, language: 'es', showNames: false, incidents: [{ id: '1', incident: incident() }], exhibits: [], protection: resolveProtection('police', keep) });
    expect(findings.filter((f) => f.where === 'incident 1 narrative').map((f) => [f.kind, f.severity, f.detail])).toEqual([
      ['phone_number', 'medium', '+51 987 654 321'], ['email_address', 'medium', 'mq@example.org'], ['id_number', 'medium', '45678912'], ['coordinates', 'low', '-12.6048, -69.2211'],
    ]);
  });

  it.each([
    ['round:0', { lat: -13, lon: -69 }, '-13, -69'],
    ['round:2', { lat: -12.6, lon: -69.22 }, '-12.60, -69.22'],
    ['round:4', { lat: -12.6048, lon: -69.2211 }, '-12.6048, -69.2211'],
  ] as const)('coordinates %s round the incident\'s point and those in its texts', (coordinates, point, inText) => {
    const p = run({ coordinates });
    expect(p.coordinates).toEqual({ ...point, source: 'gps' });
    expect(p.narrative).toContain(`estaba en ${inText}.`);
  });

  it('coordinates drop leaves the point out and marks where the texts had one; keep leaves both exact', () => {
    const dropped = run({ coordinates: 'drop' });
    expect(dropped).not.toHaveProperty('coordinates');
    expect(dropped.narrative).toContain('estaba en [coordenadas retiradas].');
    expect(run({ coordinates: 'keep' }).coordinates).toEqual(incident().coordinates);
  });

  it('reads e-mail addresses outwards from each @, so a long word costs no more than a short one', () => {
    expect(findEmailAddresses('escribió a maria.q@example.org.pe, luego a j_ccori+x@correo.com.br; no a @usuario ni a x@y')).toEqual(['maria.q@example.org.pe', 'j_ccori+x@correo.com.br']);
    expect(findEmailAddresses(`${'a'.repeat(100_000)} b@c.org`)).toEqual(['b@c.org']);
  });

  it('knows ID document numbers by the word before them, or a CPF by its shape, and not case numbers or dates', () => {
    expect(findIdNumbers('DNI 45678912, D.N.I. N° 40123456, C.I. 1234567 LP, cédula de ciudadanía 1.023.456.789, pasaporte AB123456')).toEqual(
      ['45678912', '40123456', '1234567', '1.023.456.789', 'AB123456']);
    expect(findIdNumbers('CPF 123.456.789-09 e RG: 12.345.678-9; o CPF dele é 987.654.321-00')).toEqual(['123.456.789-09', '12.345.678-9', '987.654.321-00']);
    expect(findIdNumbers('Denuncia 1234-2026 del 2026-10-03, km 108, carpeta fiscal 506-2026')).toEqual([]);
  });
});

describe('T5 a pseudonym made from the name it hides', () => {
  it('is a high finding: the pseudonym travels as typed', () => {
    const i: Incident = { ...incident(), affected: [{ name: 'María Quispe', pseudonym: 'Doña Quispe' }], witnesses: [{ name: 'Jorge Huamán', pseudonym: 'JORGE' }] };
    const findings = disclosureCheck({ recipient: { kind: 'police' }, language: 'es', showNames: false, incidents: [{ id: '1', incident: i }], exhibits: [] });
    expect(findings.filter((f) => f.where.endsWith('.pseudonym')).map((f) => [f.kind, f.severity, f.where, f.detail])).toEqual([
      ['name_in_text', 'high', 'incident 1 affected[0].pseudonym', 'Quispe'], ['name_in_text', 'high', 'incident 1 witnesses[0].pseudonym', 'Jorge'],
    ]);
  });
});

describe('T5 staff names and people off file', () => {
  it('names staff by their role in the vault by default, by a generic word when the vault does not know them, or by name when asked', () => {
    expect(run({}).affected?.map((a) => a.consent?.obtainedBy)).toEqual(['equipo legal', 'personal de la organización']);
    expect(run({ staffNames: 'name' }).affected?.map((a) => a.consent?.obtainedBy)).toEqual(['lex', 'Marisol']);
  });

  it('leaves out a person who did not consent to be on file, or keeps them under a pseudonym when asked, never by name', () => {
    expect(run({}).affected?.map((a) => a.pseudonym)).toEqual(['Persona 1', 'Persona 2']);
    const kept = run({ keepOffFileAsPseudonym: true });
    expect(kept.affected?.map((a) => a.pseudonym)).toEqual(['Persona 1', 'Persona 2', 'Persona 3']);
    expect(kept.affected?.[1]).toEqual({ pseudonym: 'Persona 2', role: 'prima', consent: { toFile: false, toNameToState: true, toPublicReport: true } });
    const named = pseudonymise(incident(), { showNames: true, recipient: 'other', language: 'es', protection: resolveProtection('other', { keepOffFileAsPseudonym: true }) });
    expect(JSON.stringify(named.incident)).not.toContain('Lucía');
  });
});

describe('T5 consent an export may not break', () => {
  it('showing names breaks the consent of each named person on file who did not consent to this kind of recipient', () => {
    expect(consentBreaches(incident(), { showNames: true, recipient: 'police' })).toEqual([2]);
    expect(consentBreaches(incident(), { showNames: true, recipient: 'other' })).toEqual([0]);
    expect(consentBreaches(incident(), { showNames: false, recipient: 'police' })).toEqual([]);
    // No consent recorded is no consent; someone off file is never named, so never a breach.
    expect(consentBreaches({ ...incident(), affected: [{ name: 'Rosa' }, { name: 'Luz', consent: { toFile: false, toNameToState: false, toPublicReport: false } }] }, { showNames: true, recipient: 'un' })).toEqual([0]);
  });
});

describe('T5 defaults per recipient', () => {
  it('every recipient loses contacts, ID numbers and notes; coordinates exact only for a prosecutor, dropped for the public; staff by role', () => {
    expect(Object.fromEntries(RECIPIENT_KINDS.map((k) => [k, defaultProtection(k).coordinates]))).toEqual({
      police: 'round:2', prosecutor: 'keep', protection_mechanism: 'round:3', iachr: 'round:2', un: 'round:2', other: 'drop',
    });
    for (const k of RECIPIENT_KINDS) {
      expect(defaultProtection(k)).toMatchObject({ redact: ['phones', 'emails', 'ids', 'notes'], staffNames: 'role', originalNames: false, keepOffFileAsPseudonym: false });
    }
    expect(resolveProtection('other', { redact: ['notes', 'phones', 'notes'], coordinates: undefined })).toMatchObject({ redact: ['phones', 'notes'], coordinates: 'drop' });
  });
});
