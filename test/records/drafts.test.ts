import { createHash } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { canonicalJson } from '../../shared/custody/canonical-json';
import { verifyLog } from '../../main/audit/verify-log';
import { addCase } from '../../main/records/cases';
import { discardDraft, getDraft, listDrafts, MAX_DRAFT_BYTES, saveDraft } from '../../main/records/drafts';
import { addIncident } from '../../main/records/incidents';
import { addRoleUsers, INCIDENT, tempVault, type TempVault, errorCode as code } from '../vault/fixture';

let v: TempVault | undefined;
afterEach(async () => {
  await v?.cleanup();
  v = undefined;
});

const sha = (data: unknown) => createHash('sha256').update(canonicalJson(data)).digest('hex');
const draftEntries = async (t: TempVault) => (await t.session.db.all<{ entry: string }>("SELECT entry FROM custody_log WHERE subject LIKE 'draft:%' ORDER BY seq"))
  .map((r) => JSON.parse(r.entry) as { action: string; subject: string; details: Record<string, unknown> });

describe('drafts: the incident form autosaved in the vault', () => {
  it('latest save wins, one row per form and user, each save a draft_save entry committing to the body sha256', async () => {
    v = await tempVault();
    const c = await addCase(v.session, { title: 'Caso' });
    const key = `new:${c.id}`;
    expect(await getDraft(v.session, key)).toBeNull();
    const first = { place: 'Tres Is', verbatim: '' };
    const second = { place: 'Tres Islas', verbatim: 'Deja de denunciar', half: { typed: true } };
    await saveDraft(v.session, key, first);
    const saved = await saveDraft(v.session, key, second);
    // Saving the same text again (an autosave with nothing new) adds nothing.
    expect(await saveDraft(v.session, key, { ...second })).toEqual(saved);
    expect(await getDraft(v.session, key)).toEqual({ key, data: second, savedAt: saved.savedAt, sha256: sha(second) });
    expect(await v.session.db.get('SELECT count(*) AS n FROM drafts')).toEqual({ n: 1 });
    expect(await listDrafts(v.session)).toEqual([{ key, caseId: c.id, savedAt: saved.savedAt, bytes: Buffer.byteLength(canonicalJson(second)) }]);
    const entries = await draftEntries(v);
    expect(entries.map((e) => [e.action, e.subject, e.details.sha256])).toEqual([
      ['draft_save', `draft:${key}`, sha(first)], ['draft_save', `draft:${key}`, sha(second)],
    ]);
  });

  it('discard removes the draft with a delete entry (change "discarded", no free text); discarding nothing records nothing', async () => {
    v = await tempVault();
    const c = await addCase(v.session, { title: 'Caso' });
    const inc = await addIncident(v.session, c.id, INCIDENT);
    const key = `incident:${inc.id}`;
    const data = { riskLevel: 'medium' };
    await saveDraft(v.session, key, data);
    expect(await discardDraft(v.session, key)).toBe(true);
    expect(await getDraft(v.session, key)).toBeNull();
    expect(await discardDraft(v.session, key)).toBe(false);
    expect((await draftEntries(v)).map((e) => [e.action, e.details])).toEqual([
      ['draft_save', { key, caseId: c.id, sha256: sha(data), bytes: Buffer.byteLength(canonicalJson(data)) }],
      ['delete', { key, sha256: sha(data), change: 'discarded' }],
    ]);
    expect(await v.session.db.get('SELECT count(*) AS n FROM drafts')).toEqual({ n: 0 });
  });

  it('each user has their own draft of the same form', async () => {
    v = await tempVault();
    await addRoleUsers(v);
    const c = await addCase(v.session, { title: 'Caso' });
    await saveDraft(v.session, `new:${c.id}`, { by: 'ana' });
    const doc = await v.open('doc');
    expect(await getDraft(doc, `new:${c.id}`)).toBeNull();
    await saveDraft(doc, `new:${c.id}`, { by: 'doc' });
    expect((await getDraft(doc, `new:${c.id}`))?.data).toEqual({ by: 'doc' });
    const ana = await v.open('ana');
    expect((await getDraft(ana, `new:${c.id}`))?.data).toEqual({ by: 'ana' });
  });

  it('refuses bad keys, unknown cases and incidents, non-objects and oversized drafts, writing nothing', async () => {
    v = await tempVault();
    const c = await addCase(v.session, { title: 'Caso' });
    expect(await code(saveDraft(v.session, 'case:1', {}))).toBe('E_INVALID_INPUT');
    expect(await code(saveDraft(v.session, `new:${c.id + 5}`, {}))).toBe('E_NOT_FOUND');
    expect(await code(saveDraft(v.session, 'incident:42', {}))).toBe('E_NOT_FOUND');
    expect(await code(saveDraft(v.session, `new:${c.id}`, ['a']))).toBe('E_INVALID_INPUT');
    expect(await code(saveDraft(v.session, `new:${c.id}`, { notes: 'x'.repeat(MAX_DRAFT_BYTES) }))).toBe('E_INVALID_INPUT');
    expect(await v.session.db.get('SELECT count(*) AS n FROM drafts')).toEqual({ n: 0 });
    expect(await draftEntries(v)).toEqual([]);
  });

  it('a role that may not write records has no drafts: E_FORBIDDEN and a denied entry', async () => {
    v = await tempVault();
    await addRoleUsers(v);
    const c = await addCase(v.session, { title: 'Caso' });
    const legal = await v.open('lex');
    expect(await code(saveDraft(legal, `new:${c.id}`, { a: 1 }))).toBe('E_FORBIDDEN');
    expect(await code(getDraft(legal, `new:${c.id}`))).toBe('E_FORBIDDEN');
    const denied = await legal.db.get<{ n: number }>("SELECT count(*) AS n FROM custody_log WHERE action = 'denied'");
    expect(denied?.n).toBe(2);
  });
});

describe('T3 drafts do not disturb custody verification', () => {
  it('log verify passes with drafts saved, replaced and discarded', async () => {
    v = await tempVault();
    const c = await addCase(v.session, { title: 'Caso' });
    const inc = await addIncident(v.session, c.id, INCIDENT);
    await saveDraft(v.session, `new:${c.id}`, { place: 'a' });
    await saveDraft(v.session, `new:${c.id}`, { place: 'ab' });
    await saveDraft(v.session, `incident:${inc.id}`, { place: 'c' });
    await discardDraft(v.session, `incident:${inc.id}`);
    const report = await verifyLog(v.session);
    expect(report.problems).toEqual([]);
    expect(report.ok).toBe(true);
  });
});
