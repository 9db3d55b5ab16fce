// T5: whoever reads a dossier sees only what the export chose. Names follow consent, and the
// disclosure check lists what could still identify a source before anything is written.
import { describe, expect, it } from 'vitest';
import { disclosureCheck, type DisclosureInput } from '../../../shared/dossier/disclosure-check';
import { findPhoneNumbers } from '../../../shared/dossier/free-text';
import { pseudonymise } from '../../../shared/dossier/pseudonymise';
import type { Incident } from '../../../shared/incident/incident-schema';
import { sampleIncident } from '../../dossier/helpers/dossier-fixture';

const text = (i: Incident): string => JSON.stringify(i);

describe('T5 pseudonyms replace names unless the export and the person both allow them', () => {
  it('hides every name by default, inside free text too', () => {
    const p = pseudonymise(sampleIncident(), { showNames: false, recipient: 'prosecutor', language: 'es' });
    expect(text(p.incident)).not.toMatch(/María Quispe|Jorge Huamán/);
    expect(p.incident.affected?.[0]?.pseudonym).toBe('Defensora A');
    expect(p.incident.witnesses?.[0]).toEqual({ pseudonym: 'Testigo 1', willingToTestify: true });
    // A quote keeps a visible mark where a name was taken out of the speaker's words.
    expect(p.incident.verbatim).toBe('Deja de denunciar, [Defensora A], o te vamos a desaparecer');
    expect(p.incident.narrative).toContain('Testigo 1 estaba con ella');
    expect(p.shownNames).toEqual([]);
  });

  it('shows a name to an authority only with toNameToState consent', () => {
    const p = pseudonymise(sampleIncident(), { showNames: true, recipient: 'police', language: 'es' });
    expect(p.incident.affected?.[0]?.name).toBe('María Quispe');
    expect(p.shownNames).toEqual([{ who: 'affected', index: 0, name: 'María Quispe' }]);
    // A witness records no consent: never named.
    expect(text(p.incident)).not.toContain('Jorge Huamán');
  });

  it('does not show a name to a public recipient without toPublicReport consent', () => {
    const p = pseudonymise(sampleIncident(), { showNames: true, recipient: 'other', language: 'es' });
    expect(text(p.incident)).not.toContain('María Quispe');
  });

  it('gives a person without a pseudonym a numbered label in the chosen language', () => {
    const incident: Incident = { ...sampleIncident(), affected: [{ name: 'Rosa Mamani' }, { name: 'Luis Condori', pseudonym: 'Person 1' }], witnesses: [] };
    expect(pseudonymise(incident, { showNames: false, recipient: 'un', language: 'pt' }).incident.affected?.map((a) => a.pseudonym)).toEqual(['Pessoa 1', 'Person 1']);
    expect(pseudonymise(incident, { showNames: false, recipient: 'un', language: 'en' }).incident.affected?.map((a) => a.pseudonym)).toEqual(['Person 2', 'Person 1']);
  });

  it('replaces whole names only, so "Ana" does not eat into "Mariana"', () => {
    const incident: Incident = { ...sampleIncident(), affected: [{ name: 'Ana', pseudonym: 'Defensora B' }], witnesses: [], verbatim: 'Ana y Mariana', narrative: 'ANA llamó' };
    const p = pseudonymise(incident, { showNames: false, recipient: 'police', language: 'es' }).incident;
    expect(p.verbatim).toBe('[Defensora B] y Mariana');
    expect(p.narrative).toBe('Defensora B llamó');
  });
});

function input(overrides: Partial<DisclosureInput> = {}): DisclosureInput {
  return { recipient: { kind: 'prosecutor' }, language: 'es', showNames: false, incidents: [{ id: 'inc-1', incident: sampleIncident() }], exhibits: [], ...overrides };
}

describe('T5 the disclosure check lists what could identify a source', () => {
  it('finds nothing to flag but coordinates in the pseudonymised sample', () => {
    expect(disclosureCheck(input()).map((f) => f.kind)).toEqual(['coordinates']);
  });

  it('lists real names the export will include', () => {
    const findings = disclosureCheck(input({ showNames: true }));
    expect(findings).toContainEqual(expect.objectContaining({ kind: 'real_name', severity: 'high', detail: 'María Quispe' }));
  });

  it('replaces a part of a protected name, phone numbers and e-mail addresses left in free text, so nothing is left to flag', () => {
    const incident: Incident = {
      ...sampleIncident(),
      narrative: 'Quispe vive cerca del puesto; su número es +51 987 654 321, correo maria.q@example.org. Denuncia 1234-2026 del 2026-10-03.',
    };
    const p = pseudonymise(incident, { showNames: false, recipient: 'police', language: 'es' }).incident;
    expect(p.narrative).toBe('Defensora A vive cerca del puesto; su número es [teléfono retirado], correo [correo retirado]. Denuncia 1234-2026 del 2026-10-03.');
    const findings = disclosureCheck(input({ incidents: [{ id: 'inc-1', incident }] }));
    expect(findings.filter((f) => f.where === 'incident inc-1 narrative')).toEqual([]);
  });

  it('lists originals with GPS, device serials, and originals for a public recipient', () => {
    const original = {
      name: 'IMG_2041.jpg',
      gps: { lat: -12.59, lon: -69.19 },
      identifying: [
        { kind: 'device' as const, tag: 'BodySerialNumber', value: 'SN-99812' },
        { kind: 'person' as const, tag: 'Artist', value: 'M. Quispe' },
      ],
    };
    const kinds = disclosureCheck(input({ recipient: { kind: 'other' }, originals: [original] })).map((f) => f.kind);
    expect(kinds).toEqual(expect.arrayContaining(['originals_to_public', 'original_with_gps', 'device_serial', 'original_metadata']));
  });

  it('flags an exhibit that still carries identifying metadata', () => {
    const exhibits = [{ name: 'a.jpg', identifying: [{ kind: 'place' as const, tag: 'GPSLatitude', value: '-12.5' }] }];
    expect(disclosureCheck(input({ exhibits }))).toContainEqual(expect.objectContaining({ kind: 'exhibit_metadata', severity: 'high' }));
  });

  it('does not take dates and case references for phone numbers', () => {
    expect(findPhoneNumbers('Denuncia 1234-2026, el 2026-10-03 o 03/10/2026')).toEqual([]);
    expect(findPhoneNumbers('llamó desde el 987654321')).toEqual(['987654321']);
  });
});
