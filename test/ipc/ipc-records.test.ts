// The records channels through the real dispatcher and handler table (contract schemas both
// ways) over a real vault: the paged incident list with `reported` and the "not reported only"
// filter, the dashboard's not-reported count, and the form's drafts.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { handlerClient, testContext } from './ipc-context';
import { INCIDENT } from '../vault/fixture';

const { ctx, dir, answer } = testContext();
const { dispatch, value } = handlerClient(ctx);
type Page = { total: number; items: { id: number; reported: boolean | null; riskLevel: string }[] };
const REPORT = [{ authority: 'prosecutor', reference: 'Carpeta 77', on: '2026-10-04', status: 'filed' }];
let caseId = 0;

beforeAll(async () => {
  answer('chooseVaultLocation', join(dir, 'v.custodia'));
  await value('vault.create', { label: 'Org', user: 'ana', passphrase: 'una frase de prueba larga' });
  caseId = (await value<{ id: number }>('cases.add', { title: 'Caso' })).id;
  for (let i = 0; i < 7; i++) {
    const incident = { ...INCIDENT, occurredAt: `2026-10-0${i + 1}T12:00:00-05:00`, riskLevel: i % 2 ? 'high' : 'low', ...(i % 3 === 0 ? { reportedTo: REPORT } : {}) };
    await value('incidents.add', { caseId, incident });
  }
}, 60_000);
afterAll(async () => {
  if (ctx.session) await ctx.session.vault.close();
});

describe('incidents.list and dashboard.stats through the contract', () => {
  it('pages newest first with a total, says whether each was reported, filters the not reported', async () => {
    const first = await value<Page>('incidents.list', { offset: 0, limit: 3 });
    expect(first.total).toBe(7);
    expect(first.items.map((i) => i.id)).toEqual([7, 6, 5]);
    expect(first.items.map((i) => i.reported)).toEqual([true, false, false]);
    const unreported = await value<Page>('incidents.list', { notReportedOnly: true, risk: ['high'], offset: 1, limit: 10 });
    expect(unreported.total).toBe(2);
    expect(unreported.items.map((i) => [i.id, i.reported, i.riskLevel])).toEqual([[2, false, 'high']]);
    expect((await value<Page>('incidents.list', { from: '2026-10-03', to: '2026-10-04', offset: 0, limit: 10 })).items.map((i) => i.id)).toEqual([4, 3]);
  });

  it("gives the programme's figures for a period and saves one as CSV where the user chose; a cancel writes nothing", async () => {
    const all = await value<{ reported: number; byAuthority: { authority: string; count: number }[] }>('dashboard.stats', {});
    expect(all).toMatchObject({ reported: 3, byAuthority: [{ authority: 'prosecutor', count: 3 }] });
    expect(await value('dashboard.stats', { from: '2026-10-03', to: '2026-10-04' })).toMatchObject({ total: 2, byMonth: [{ month: '2026-10', low: 1, high: 1 }] });
    const out = join(dir, 'figures.csv');
    answer('chooseCsvDestination', out);
    expect(await value('dashboard.saveCsv', { figure: 'authority' })).toEqual({ location: out });
    expect(await readFile(out, 'utf8')).toBe('authority,incidents\r\nprosecutor,3\r\n');
    answer('chooseCsvDestination', null);
    expect(await value('dashboard.saveCsv', { figure: 'summary' })).toBeNull();
    const bad = await dispatch('dashboard.stats', { from: '03/10/2026' });
    expect(bad.ok ? 'ok' : bad.error.code).toBe('E_INVALID_INPUT');
  });

  it('counts the incidents no authority was told of', async () => {
    expect(await value('dashboard.stats', {})).toMatchObject({ total: 7, notReported: 4, openCases: 1, byMonth: [{ month: '2026-10', low: 4, medium: 0, high: 3 }] });
  });
});

describe('drafts channels', () => {
  it('save, get back the latest, discard; an unknown case is refused', async () => {
    const key = `new:${caseId}`;
    expect(await value('drafts.get', { key })).toBeNull();
    await value('drafts.save', { key, data: { place: 'Tres' } });
    const saved = await value<{ savedAt: string }>('drafts.save', { key, data: { place: 'Tres Islas', reportedTo: [] } });
    expect(await value('drafts.get', { key })).toEqual({ data: { place: 'Tres Islas', reportedTo: [] }, savedAt: saved.savedAt });
    expect(await value('drafts.discard', { key })).toEqual({ ok: true });
    expect(await value('drafts.get', { key })).toBeNull();
    const r = await dispatch('drafts.save', { key: 'new:999', data: {} });
    expect(r.ok ? 'ok' : r.error.code).toBe('E_NOT_FOUND');
  });
});

describe('T4: the incident screen is a read on record, the list is not', () => {
  type Entry = { actor: string; action: string; subject: string; details: Record<string, unknown> };
  const log = async (): Promise<Entry[]> => (await value<{ entries: Entry[] }>('custody.timeline', { limit: 1000 })).entries;

  it('incidents.get appends a view of the version shown; incidents.list appends nothing; an edit carries its reason by hash', async () => {
    const before = await log();
    await value('incidents.list', { offset: 0, limit: 10 });
    expect(await log()).toEqual(before);
    const shown = await value<{ version: number; incident: typeof INCIDENT }>('incidents.get', { id: 1 });
    const added = (await log()).slice(before.length);
    expect(added.map((e) => [e.actor, e.action, e.subject, e.details])).toEqual([['ana', 'view', 'incident:1', { incidentId: 1, version: shown.version, what: 'incident' }]]);
    await value('incidents.edit', { id: 1, baseVersion: shown.version, incident: { ...shown.incident, riskLevel: 'medium' }, reason: 'typo in the place' });
    const edit = (await log()).at(-1);
    expect(edit?.action).toBe('incident_edit');
    expect(edit?.details.reasonSha256).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(edit)).not.toContain('typo');
  });
});
