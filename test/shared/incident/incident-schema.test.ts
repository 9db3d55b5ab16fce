import { describe, expect, it } from 'vitest';
import { incidentSchema } from '../../../shared/incident/incident-schema';

const full = {
  occurredAt: '2026-10-02T18:30:00-05:00',
  occurredUntil: '2026-10-02T19:00:00-05:00',
  precision: 'exact',
  place: 'Comunidad nativa X, Tambopata, Madre de Dios',
  placeDetail: { country: 'PE', region: 'Madre de Dios', province: 'Tambopata', district: 'Inambari', community: 'CN X', site: 'km 108, Interoceánica' },
  coordinates: { lat: -12.59, lon: -69.19, source: 'gps' },
  channel: 'phone',
  perpetrators: 'Two men on a motorcycle, linked to the mining camp at km 108',
  perpetratorDetails: [{ description: 'man, 30s, scar on left cheek', actorType: 'illegal_economy', affiliation: 'illegal gold mining' }],
  verbatim: 'Deja de denunciar o te vamos a desaparecer',
  narrative: 'Chronological account.',
  linkToDefenceWork: 'She had reported the camp to the environmental prosecutor on 2026-09-20.',
  riskLevel: 'high',
  type: 'threat',
  affected: [{ name: 'Real Name', pseudonym: 'Defensora A', role: 'forest ranger', community: 'CN X',
    consent: { toFile: true, toNameToState: false, toPublicReport: false, obtainedOn: '2026-10-03', obtainedBy: 'ana' } }],
  witnesses: [{ name: 'Real Name', pseudonym: 'Testigo 1', willingToTestify: true }],
  reportedTo: [{ authority: 'police', reference: 'Denuncia 1234-2026', on: '2026-10-03', status: 'filed', response: '', responseOn: null }],
  notReportedReason: null,
  measuresRequested: 'urgent protection measures',
  notes: 'free text',
};

describe('incident interchange format', () => {
  it('accepts the full example of the interchange format', () => {
    expect(incidentSchema.parse(full)).toEqual(full);
  });

  it('accepts the required fields alone, with an empty verbatim for a physical attack', () => {
    const minimal = { occurredAt: '2026-10-02T18:30:00Z', place: 'km 108', channel: 'in_person', verbatim: '', riskLevel: 'high', type: 'physical_attack' };
    expect(incidentSchema.safeParse(minimal).success).toBe(true);
  });

  it.each([
    ['an unknown channel', { channel: 'pigeon' }, 'channel'],
    ['an unknown key', { colour: 'red' }, ''],
    ['a date without a time zone', { occurredAt: '2026-10-02T18:30:00' }, 'occurredAt'],
    ['a date that is not a date', { occurredAt: 'yesterday' }, 'occurredAt'],
    ['an unknown risk level', { riskLevel: 'extreme' }, 'riskLevel'],
    ['an end before the start', { occurredUntil: '2026-10-01T00:00:00Z' }, 'occurredUntil'],
    ['a latitude out of range', { coordinates: { lat: 123, lon: 0 } }, 'coordinates'],
    ['an empty place', { place: '' }, 'place'],
    ['an unknown key inside a person', { affected: [{ pseudonym: 'A', phone: '999' }] }, 'affected'],
  ])('refuses %s', (_label, change, path) => {
    const r = incidentSchema.safeParse({ ...full, ...change });
    expect(r.success).toBe(false);
    if (!r.success) expect(r.error.issues.map((i) => i.path.join('.')).join(' ')).toContain(path);
  });

  it('refuses a missing required field', () => {
    for (const key of ['occurredAt', 'place', 'channel', 'verbatim', 'riskLevel', 'type'] as const) {
      const copy: Record<string, unknown> = { ...full };
      delete copy[key];
      expect(incidentSchema.safeParse(copy).success, key).toBe(false);
    }
  });
});
