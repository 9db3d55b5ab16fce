import { afterEach, describe, expect, it } from 'vitest';
import { CustodiaError } from '../../shared/errors/error-codes';
import { addCase, listCases } from '../../main/records/cases';
import { getIncident, listIncidents, searchIncidents } from '../../main/records/incident-queries';
import { addIncident, deleteIncident, editIncident } from '../../main/records/incidents';
import { addRoleUsers, custodyActions, INCIDENT, tempVault, type TempVault, errorCode as code } from '../vault/fixture';

let v: TempVault | undefined;
afterEach(async () => {
  await v?.cleanup();
  v = undefined;
});

const FULL = {
  ...INCIDENT,
  occurredUntil: '2026-10-02T19:00:00-05:00',
  precision: 'exact',
  placeDetail: { country: 'PE', region: 'Madre de Dios', province: 'Tambopata', district: 'Inambari', community: 'CN X', site: 'km 108' },
  coordinates: { lat: -12.59, lon: -69.19, source: 'gps' },
  perpetrators: 'Two men on a motorcycle',
  perpetratorDetails: [{ description: 'man, 30s', actorType: 'illegal_economy', affiliation: 'illegal gold mining' }],
  narrative: 'Chronological account.',
  linkToDefenceWork: 'She had reported the camp.',
  affected: [{ name: 'Real Name', pseudonym: 'Defensora A', consent: { toFile: true, toNameToState: false, toPublicReport: false, obtainedOn: '2026-10-03' } }],
  witnesses: [{ pseudonym: 'Testigo 1', willingToTestify: true }],
  reportedTo: [{ authority: 'police', reference: 'Denuncia 1234-2026', on: '2026-10-03', status: 'filed', responseOn: null }],
  notReportedReason: null,
  measuresRequested: 'urgent protection measures',
  notes: 'free text',
};

describe('cases and incidents round trip', () => {
  it('stores every field of the interchange format and reads it back unchanged', async () => {
    v = await tempVault();
    const c = await addCase(v.session, { title: 'Amenazas en Tambopata' });
    const ref = await addIncident(v.session, c.id, FULL);
    const got = await getIncident(v.session, ref.id);
    expect(got.incident).toEqual(FULL);
    expect(got).toMatchObject({ id: ref.id, caseId: c.id, version: 1, sha256: ref.sha256, deleted: null, createdBy: 'ana' });
    expect(await listCases(v.session)).toMatchObject([{ id: c.id, title: 'Amenazas en Tambopata', incidents: 1, deleted: false }]);
    expect(await custodyActions(v.session)).toEqual(['vault_create', 'key_change', 'key_slot', 'case_create', 'incident_create']);
  });

  it('an edit adds a version and keeps the old one; a delete is a tombstone with a reason', async () => {
    v = await tempVault();
    const c = await addCase(v.session, { title: 'Caso' });
    const first = await addIncident(v.session, c.id, INCIDENT);
    const second = await editIncident(v.session, first.id, { ...INCIDENT, riskLevel: 'medium' });
    expect(second.version).toBe(2);
    expect(await editIncident(v.session, first.id, { ...INCIDENT, riskLevel: 'medium' })).toEqual(second);
    await deleteIncident(v.session, first.id, 'duplicate of incident 7');
    const got = await getIncident(v.session, first.id);
    expect(got.versions.map((x) => [x.version, x.sha256, x.incident.riskLevel])).toEqual([[1, first.sha256, 'high'], [2, second.sha256, 'medium']]);
    expect(got.deleted).toMatchObject({ reason: 'duplicate of incident 7', by: 'ana' });
    expect(await listIncidents(v.session)).toEqual({ items: [], total: 0 });
    expect((await listIncidents(v.session, { includeDeleted: true })).items.map((i) => i.id)).toEqual([first.id]);
    expect(await code(editIncident(v.session, first.id, INCIDENT))).toBe('E_NOT_FOUND');
    const entries = await v.session.db.all<{ action: string; entry: string }>("SELECT action, entry FROM custody_log WHERE subject = ? ORDER BY seq", [`incident:${first.id}`]);
    expect(entries.map((e) => e.action)).toEqual(['incident_create', 'incident_edit', 'delete']);
    expect(JSON.parse(entries[1]?.entry ?? '{}').details).toMatchObject({ version: 2, sha256: second.sha256, previousSha256: first.sha256 });
  });

  it('refuses to overwrite a stored version even with direct SQL (sealed rows)', async () => {
    v = await tempVault();
    const c = await addCase(v.session, { title: 'Caso' });
    await addIncident(v.session, c.id, INCIDENT);
    await expect(v.session.db.run("UPDATE incident_versions SET body = '{}'")).rejects.toThrow(/sealed/);
    await expect(v.session.db.run('DELETE FROM incident_versions')).rejects.toThrow(/sealed/);
  });

  it('filters and full-text search (accents ignored, prefixes, FTS syntax in user text is harmless)', async () => {
    v = await tempVault();
    const c1 = await addCase(v.session, { title: 'Uno' });
    const c2 = await addCase(v.session, { title: 'Dos' });
    const a = await addIncident(v.session, c1.id, INCIDENT);
    const b = await addIncident(v.session, c2.id, { ...INCIDENT, occurredAt: '2026-11-05T10:00:00Z', channel: 'social_media', riskLevel: 'low', type: 'stigmatisation', verbatim: 'Publicación difamatoria contra la defensora', notes: 'Facebook' });
    const ids = (page: { items: { id: number }[] }) => page.items.map((x) => x.id);
    expect(ids(await listIncidents(v.session, { caseId: c2.id }))).toEqual([b.id]);
    expect(ids(await listIncidents(v.session, { riskLevel: 'high' }))).toEqual([a.id]);
    expect(ids(await listIncidents(v.session, { from: '2026-11-01T00:00:00Z' }))).toEqual([b.id]);
    expect(ids(await listIncidents(v.session, { to: '2026-10-03T00:00:00Z' }))).toEqual([a.id]);
    expect(ids(await searchIncidents(v.session, 'publicacion difam'))).toEqual([b.id]);
    expect(ids(await searchIncidents(v.session, 'desaparecer'))).toEqual([a.id]);
    expect(ids(await searchIncidents(v.session, 'facebook'))).toEqual([b.id]);
    expect(await searchIncidents(v.session, '" OR * NEAR(')).toEqual({ items: [], total: 0 });
    await editIncident(v.session, a.id, { ...INCIDENT, verbatim: 'otra amenaza' });
    expect(ids(await searchIncidents(v.session, 'desaparecer'))).toEqual([]);
  });
});

describe('invalid incidents are refused whole', () => {
  it.each([
    ['unknown channel', { ...INCIDENT, channel: 'carrier_pigeon' }],
    ['unknown key', { ...INCIDENT, colour: 'red' }],
    ['bad date', { ...INCIDENT, occurredAt: '2026-13-45T25:00:00-05:00' }],
    ['date without offset', { ...INCIDENT, occurredAt: '2026-10-02T18:30:00' }],
  ])('%s: E_INVALID_INCIDENT naming the problem, nothing written', async (_label, bad) => {
    v = await tempVault();
    const c = await addCase(v.session, { title: 'Caso' });
    const before = await custodyActions(v.session);
    const e = await addIncident(v.session, c.id, bad).catch((err: unknown) => err);
    expect(e).toBeInstanceOf(CustodiaError);
    expect((e as CustodiaError).code).toBe('E_INVALID_INCIDENT');
    expect((e as CustodiaError).message).toMatch(/channel|colour|occurredAt/);
    expect(await v.session.db.get('SELECT count(*) AS n FROM incidents')).toEqual({ n: 0 });
    expect(await custodyActions(v.session)).toEqual(before);
  });
});

describe('roles on records', () => {
  it('legal reads but may not write; the auditor (T3) holds no slot, so no passphrase opens the content; each refusal is a denied entry', async () => {
    v = await tempVault();
    await addRoleUsers(v);
    const c = await addCase(v.session, { title: 'Caso' });
    await addIncident(v.session, c.id, INCIDENT);
    const legal = await v.open('lex');
    expect((await listIncidents(legal)).total).toBe(1);
    expect(await code(addCase(legal, { title: 'x' }))).toBe('E_FORBIDDEN');
    expect(await code(addIncident(legal, c.id, INCIDENT))).toBe('E_FORBIDDEN');
    const denied = await legal.db.all<{ actor: string; entry: string }>("SELECT actor, entry FROM custody_log WHERE action = 'denied' ORDER BY seq");
    expect(denied.map((d) => [d.actor, JSON.parse(d.entry).details.permission])).toEqual([['lex', 'records.write'], ['lex', 'records.write']]);
    expect(await code(v.open('aud'))).toBe('E_BAD_PASSPHRASE');
    const doc = await v.open('doc');
    expect((await addIncident(doc, c.id, INCIDENT)).version).toBe(1);
  });
});
