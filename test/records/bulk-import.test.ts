import { afterEach, describe, expect, it } from 'vitest';
import { CustodiaError } from '../../shared/errors/error-codes';
import { treeSize } from '../../main/custody/custody-log';
import { verifyLog } from '../../main/audit/verify-log';
import { importIncidents } from '../../main/records/bulk-import';
import { addCase } from '../../main/records/cases';
import { getIncident, listIncidents, searchIncidents } from '../../main/records/incident-queries';
import { addIncident, deleteIncident } from '../../main/records/incidents';
import { addRoleUsers, INCIDENT, tempVault, type TempVault } from '../vault/fixture';

let v: TempVault | undefined;
afterEach(async () => {
  await v?.cleanup();
  v = undefined;
});

const many = (n: number) => Array.from({ length: n }, (_, i) => ({
  ...INCIDENT,
  occurredAt: new Date(Date.UTC(2025, 0, 1) + i * 3_600_000).toISOString(),
  verbatim: `amenaza número ${i}`,
  riskLevel: (['low', 'medium', 'high'] as const)[i % 3],
}));

async function failure(p: Promise<unknown>): Promise<CustodiaError> {
  const e: unknown = await p.then(() => undefined, (err: unknown) => err);
  expect(e).toBeInstanceOf(CustodiaError);
  return e as CustodiaError;
}

const counts = async (t: TempVault) => t.session.db.get(`SELECT
  (SELECT count(*) FROM incidents) AS incidents, (SELECT count(*) FROM incident_versions) AS versions,
  (SELECT count(*) FROM incident_index) AS indexed, (SELECT count(*) FROM incident_search) AS searchable,
  (SELECT count(*) FROM custody_log) AS entries, (SELECT count(*) FROM merkle_nodes) AS nodes`);

describe('T3 bulk import keeps custody whole', () => {
  it('1,000 incidents in one transaction: one incident_create entry each, the same commitment as addIncident, log verify passes', async () => {
    v = await tempVault();
    const c = await addCase(v.session, { title: 'Caso' });
    const single = await addIncident(v.session, c.id, INCIDENT);
    const before = await treeSize(v.session.db);
    const { ids } = await importIncidents(v.session, c.id, [INCIDENT, ...many(999)]);
    expect(ids).toHaveLength(1000);
    expect(ids[0]).toBe(single.id + 1);
    expect(await treeSize(v.session.db)).toBe(before + 1000);
    const entries = await v.session.db.all<{ entry: string }>("SELECT entry FROM custody_log WHERE action = 'incident_create' ORDER BY seq");
    const details = entries.map((e) => (JSON.parse(e.entry) as { details: unknown }).details);
    // The same incident, added alone or imported, commits to the same body hash with the same fields.
    expect(details[1]).toEqual({ ...(details[0] as object), incidentId: ids[0] });
    const last = await getIncident(v.session, ids[999]!);
    expect(details[1000]).toEqual({ incidentId: ids[999], caseId: c.id, version: 1, sha256: last.sha256 });
    expect(last.incident.verbatim).toBe('amenaza número 998');
    expect((await listIncidents(v.session, { riskLevel: 'high' })).total).toBe(335);
    expect((await searchIncidents(v.session, 'número 998')).items.map((i) => i.id)).toEqual([ids[999]]);
    await deleteIncident(v.session, ids[500]!, 'duplicate');
    const report = await verifyLog(v.session);
    expect(report.problems).toEqual([]);
    expect(report.ok).toBe(true);
  });
});

describe('T9 bulk import is all or nothing', () => {
  it('an invalid incident in the middle: E_INVALID_INCIDENT naming its index, nothing written', async () => {
    v = await tempVault();
    const c = await addCase(v.session, { title: 'Caso' });
    const before = await counts(v);
    const list: unknown[] = many(1000);
    list[617] = { ...INCIDENT, channel: 'carrier_pigeon' };
    const e = await failure(importIncidents(v.session, c.id, list));
    expect(e.code).toBe('E_INVALID_INCIDENT');
    expect(e.message).toMatch(/^incident 617: .*channel/);
    expect(e.details).toMatchObject({ index: 617 });
    expect(await counts(v)).toEqual(before);
  });

  it('a failure while writing (a deleted case, a full disk) rolls the whole import back', async () => {
    v = await tempVault();
    const c = await addCase(v.session, { title: 'Caso' });
    expect((await failure(importIncidents(v.session, c.id + 1, many(3)))).code).toBe('E_NOT_FOUND');
    const before = await counts(v);
    const pages = await v.session.db.get<{ page_count: number }>('PRAGMA page_count');
    await v.session.db.get(`PRAGMA max_page_count = ${(pages?.page_count ?? 0) + 2}`);
    const e = await failure(importIncidents(v.session, c.id, many(3000)));
    expect(e.code).toBe('E_DISK_FULL');
    await v.session.db.get('PRAGMA max_page_count = 1073741823');
    expect(await counts(v)).toEqual(before);
    expect((await verifyLog(v.session)).ok).toBe(true);
  });

  it('refuses an empty import and a role that may not write, before anything is read', async () => {
    v = await tempVault();
    await addRoleUsers(v);
    const c = await addCase(v.session, { title: 'Caso' });
    expect((await failure(importIncidents(v.session, c.id, []))).code).toBe('E_INVALID_INPUT');
    const legal = await v.open('lex');
    expect((await failure(importIncidents(legal, c.id, many(2)))).code).toBe('E_FORBIDDEN');
    expect((await listIncidents(legal)).total).toBe(0);
  });
});
