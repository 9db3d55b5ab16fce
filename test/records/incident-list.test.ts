import { afterEach, describe, expect, it } from 'vitest';
import { CustodiaError } from '../../shared/errors/error-codes';
import { verifyLog } from '../../main/audit/verify-log';
import { addCase } from '../../main/records/cases';
import { rebuildIncidentIndex, staleIndexRows } from '../../main/records/incident-index';
import { getIncident, listIncidents, searchIncidents } from '../../main/records/incident-queries';
import { incidentStats } from '../../main/records/incident-stats';
import { addIncident, deleteIncident, editIncident } from '../../main/records/incidents';
import { INCIDENT, tempVault, type TempVault } from '../vault/fixture';

let v: TempVault | undefined;
afterEach(async () => {
  await v?.cleanup();
  v = undefined;
});

const REPORT = [{ authority: 'police', reference: 'Denuncia 1', on: '2026-10-03', status: 'filed' }];
const ids = (page: { items: { id: number }[] }) => page.items.map((x) => x.id);

/** Five incidents whose recorded offsets disagree with their UTC order. */
async function seeded(t: TempVault) {
  const c1 = await addCase(t.session, { title: 'Uno' });
  const c2 = await addCase(t.session, { title: 'Dos' });
  const add = (caseId: number, extra: Record<string, unknown>) => addIncident(t.session, caseId, { ...INCIDENT, ...extra }).then((r) => r.id);
  // UTC: a 2026-10-02T23:30Z, b 2026-10-03T01:00Z, c 2026-10-02T20:00Z, d 2026-11-01T12:00Z, e 2025-01-01T00:00Z
  const a = await add(c1.id, { occurredAt: '2026-10-02T18:30:00-05:00', riskLevel: 'high', type: 'threat', reportedTo: REPORT });
  const b = await add(c1.id, { occurredAt: '2026-10-03T03:00:00+02:00', riskLevel: 'low', type: 'stigmatisation' });
  const c = await add(c2.id, { occurredAt: '2026-10-02T20:00:00Z', riskLevel: 'medium', type: 'threat', channel: 'email' });
  const d = await add(c2.id, { occurredAt: '2026-11-01T07:00:00-05:00', riskLevel: 'high', type: 'surveillance', reportedTo: REPORT });
  const e = await add(c1.id, { occurredAt: '2025-01-01T00:00:00.000Z', riskLevel: 'low', type: 'threat' });
  return { c1: c1.id, c2: c2.id, a, b, c, d, e };
}

describe('incident lists paged in SQL over the list index', () => {
  it('orders newest first by the instant it occurred, pages with offset and limit, and counts the whole match', async () => {
    v = await tempVault();
    const s = await seeded(v);
    const all = await listIncidents(v.session);
    expect(ids(all)).toEqual([s.d, s.b, s.a, s.c, s.e]);
    expect(all.total).toBe(5);
    const pages = [await listIncidents(v.session, {}, { offset: 0, limit: 2 }), await listIncidents(v.session, {}, { offset: 2, limit: 2 }), await listIncidents(v.session, {}, { offset: 4, limit: 2 })];
    expect(pages.map(ids)).toEqual([[s.d, s.b], [s.a, s.c], [s.e]]);
    expect(pages.map((p) => p.total)).toEqual([5, 5, 5]);
    expect(await listIncidents(v.session, {}, { offset: 10, limit: 2 })).toEqual({ items: [], total: 5 });
    const e = await listIncidents(v.session, {}, { offset: -1, limit: 2 }).catch((err: unknown) => err);
    expect((e as CustodiaError).code).toBe('E_INVALID_INPUT');
  });

  it('filters by case, several risk levels and types, channel, dates as instants, and not reported', async () => {
    v = await tempVault();
    const s = await seeded(v);
    expect(ids(await listIncidents(v.session, { caseId: s.c2 }))).toEqual([s.d, s.c]);
    expect(ids(await listIncidents(v.session, { riskLevel: ['high', 'low'] }))).toEqual([s.d, s.b, s.a, s.e]);
    expect(ids(await listIncidents(v.session, { riskLevel: 'medium' }))).toEqual([s.c]);
    expect(ids(await listIncidents(v.session, { type: ['threat'], caseId: s.c1 }))).toEqual([s.a, s.e]);
    expect(ids(await listIncidents(v.session, { channel: 'email' }))).toEqual([s.c]);
    // 2026-10-03T03:00+02:00 is 01:00Z: inside a UTC day that the local date would put it outside of.
    expect(ids(await listIncidents(v.session, { from: '2026-10-03T00:00:00Z', to: '2026-10-03T23:59:59Z' }))).toEqual([s.b]);
    const notReported = await listIncidents(v.session, { notReportedOnly: true }, { limit: 2 });
    expect(ids(notReported)).toEqual([s.b, s.c]);
    expect(notReported.total).toBe(3);
    expect((await listIncidents(v.session, {})).items.map((i) => i.reported)).toEqual([true, false, true, false, false]);
    expect((await listIncidents(v.session, { riskLevel: [] })).total).toBe(0);
  });

  it('follows edits and deletions in the same transaction (current version, reported, deleted)', async () => {
    v = await tempVault();
    const s = await seeded(v);
    await editIncident(v.session, s.b, { ...INCIDENT, occurredAt: '2027-01-01T00:00:00Z', riskLevel: 'high', reportedTo: REPORT });
    const first = (await listIncidents(v.session, {}, { limit: 1 })).items[0];
    expect(first).toMatchObject({ id: s.b, version: 2, riskLevel: 'high', reported: true, occurredAt: '2027-01-01T00:00:00Z' });
    expect(first?.sha256).toBe((await getIncident(v.session, s.b)).sha256);
    await deleteIncident(v.session, s.d, 'duplicate');
    expect(ids(await listIncidents(v.session, { riskLevel: 'high' }))).toEqual([s.b, s.a]);
    expect(ids(await listIncidents(v.session, { riskLevel: 'high', includeDeleted: true }))).toEqual([s.b, s.d, s.a]);
    expect((await listIncidents(v.session, { notReportedOnly: true })).total).toBe(2);
  });

  it('searches through FTS5 joined to the index: filters, relevance, paging and a total', async () => {
    v = await tempVault();
    const s = await seeded(v);
    const found = await searchIncidents(v.session, 'desaparecer', { caseId: s.c1 }, { offset: 1, limit: 1 });
    expect(found.total).toBe(3);
    expect(found.items).toHaveLength(1);
    expect(ids(await searchIncidents(v.session, 'desaparecer', { notReportedOnly: true, riskLevel: ['low'] }))).toEqual(expect.arrayContaining([s.b, s.e]));
    await deleteIncident(v.session, s.e, 'duplicate');
    expect((await searchIncidents(v.session, 'desaparecer')).total).toBe(4);
  });

  it('the backfill (migration 004) builds exactly the rows the services maintain', async () => {
    v = await tempVault();
    const s = await seeded(v);
    await editIncident(v.session, s.a, { ...INCIDENT, riskLevel: 'low' });
    await deleteIncident(v.session, s.c, 'duplicate');
    const maintained = await v.session.db.all('SELECT * FROM incident_index ORDER BY incident_id');
    expect(await v.session.db.transaction((tx) => rebuildIncidentIndex(tx))).toBe(5);
    expect(await v.session.db.all('SELECT * FROM incident_index ORDER BY incident_id')).toEqual(maintained);
  });

  it('dashboard counts in SQL: by offset-local month and risk, by type, not reported, live only', async () => {
    v = await tempVault();
    const s = await seeded(v);
    await deleteIncident(v.session, s.e, 'duplicate');
    expect(await incidentStats(v.session)).toEqual({
      byMonth: [{ month: '2026-10', low: 1, medium: 1, high: 1 }, { month: '2026-11', low: 0, medium: 0, high: 1 }],
      byType: [{ type: 'threat', count: 2 }, { type: 'stigmatisation', count: 1 }, { type: 'surveillance', count: 1 }],
      notReported: 2,
      total: 4,
    });
  });
});

describe('T3 the list index is derived data: verify checks it, and custody rests on the versions', () => {
  it('log verify finds a list row edited to misdescribe an incident, and still catches an altered version', async () => {
    v = await tempVault();
    const s = await seeded(v);
    expect((await verifyLog(v.session)).ok).toBe(true);
    // A tampered index row would mislead a list: verify names it; opening the incident shows its version.
    await v.session.db.run("UPDATE incident_index SET risk_level = 'low', place = 'elsewhere' WHERE incident_id = ?", [s.d]);
    const misled = await verifyLog(v.session);
    expect(misled.problems.map((p) => [p.code, p.message.startsWith(`incident:${s.d}:`)])).toEqual([['E_DERIVED_STALE', true]]);
    expect((await getIncident(v.session, s.d)).incident).toMatchObject({ riskLevel: 'high', place: INCIDENT.place });
    await v.session.db.transaction((tx) => rebuildIncidentIndex(tx));
    expect((await verifyLog(v.session)).ok).toBe(true);
    // …and a version altered behind the log's back is caught whatever the index says.
    await v.session.db.exec('DROP TRIGGER incident_versions_no_update');
    await v.session.db.run("UPDATE incident_versions SET body = replace(body, 'desaparecer', 'callar') WHERE incident_id = ?", [s.a]);
    const report = await verifyLog(v.session);
    expect(report.ok).toBe(false);
    expect(report.problems.map((p) => p.code)).toContain('E_RECORD_HASH_MISMATCH');
  });

  it('a cheap check names index rows that disagree with the versions, and a rebuild repairs them', async () => {
    v = await tempVault();
    const s = await seeded(v);
    expect(await staleIndexRows(v.session.db)).toEqual([]);
    await v.session.db.run('UPDATE incident_index SET deleted = 1 WHERE incident_id = ?', [s.a]);
    await v.session.db.run('DELETE FROM incident_index WHERE incident_id = ?', [s.c]);
    expect(await staleIndexRows(v.session.db)).toEqual([s.a, s.c].sort((x, y) => x - y));
    expect(ids(await listIncidents(v.session))).not.toContain(s.a);
    await v.session.db.transaction((tx) => rebuildIncidentIndex(tx));
    expect(await staleIndexRows(v.session.db)).toEqual([]);
    expect(ids(await listIncidents(v.session))).toEqual([s.d, s.b, s.a, s.c, s.e]);
  });
});
