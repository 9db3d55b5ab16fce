// The dossier's disclosure preview writes nothing (no exhibit, no custody entry), the export
// makes the missing exhibits, and the custody timeline pages the whole vault, a case and an
// incident in SQL (T5, T4).
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeGpsPhoto } from '../e2e/harness/photos';
import { CATALOGUES } from '../../shared/i18n/catalogues';
import { handlerClient, testContext } from './ipc-context';

const { ctx, dir, answer } = testContext();
const { value } = handlerClient(ctx);
type Entry = { seq: number; action: string; subject: string };
type Timeline = { total: number; entries: Entry[] };
const incident = { occurredAt: '2026-10-02T18:30:00-05:00', place: 'Tres Islas', channel: 'phone', verbatim: 'x', riskLevel: 'high', type: 'threat' };

let caseA: number;
let incidentA: number;
let photoId: number;
let otherPhotoId: number;
let exportedBy: string;

async function importPhoto(incidentId: number, name: string): Promise<number> {
  const file = join(dir, name);
  await makeGpsPhoto(file, { lat: -12.59, lon: -69.19, hue: 120 });
  answer('pickEvidenceFiles', [file]);
  const [picked] = await value<{ token: string }[]>('evidence.pick', {});
  const [item] = await value<{ id: number }[]>('evidence.import', { incidentId, tokens: [picked!.token], acquisition: { method: 'received' } });
  return item!.id;
}
const counts = async () => ({
  log: await ctx.session!.vault.db.get<{ n: number }>('SELECT COUNT(*) AS n FROM custody_log'),
  evidence: await ctx.session!.vault.db.all('SELECT * FROM evidence ORDER BY id'),
  derivations: await ctx.session!.vault.db.get<{ n: number }>('SELECT COUNT(*) AS n FROM evidence_derivations'),
});
const request = (o: Partial<Record<string, unknown>> = {}) => ({
  incidentIds: [incidentA], exhibitIds: [], recipient: 'prosecutor', purpose: 'denuncia', language: 'es', pseudonyms: true, originals: true, ...o,
});

beforeAll(async () => {
  answer('chooseVaultLocation', join(dir, 'v.custodia'));
  await value('vault.create', { label: 'Org', user: 'ana', passphrase: 'una frase de prueba larga' });
  caseA = (await value<{ id: number }>('cases.add', { title: 'Caso A' })).id;
  const caseB = (await value<{ id: number }>('cases.add', { title: 'Caso B' })).id;
  incidentA = (await value<{ id: number }>('incidents.add', { caseId: caseA, incident })).id;
  const incidentB = (await value<{ id: number }>('incidents.add', { caseId: caseB, incident })).id;
  photoId = await importPhoto(incidentA, 'IMG_1.jpg');
  otherPhotoId = await importPhoto(incidentB, 'IMG_2.jpg');
}, 60_000);
afterAll(async () => {
  if (ctx.session) await ctx.session.vault.close();
});

describe('T5 dossier disclosure preview', () => {
  it('leaves the custody log and the evidence table unchanged, and still names the GPS of the original', async () => {
    const before = await counts();
    const check = await value<{ ok: boolean; findings: { code: string; severity: string; subject: string }[] }>('dossier.disclosure', request());
    expect(check.ok).toBe(false);
    expect(check.findings).toContainEqual(expect.objectContaining({ code: 'original_with_gps', severity: 'high', subject: 'original E-01' }));
    // The exhibit not made yet is predicted clean: no exhibit_metadata finding for it.
    expect(check.findings.filter((f) => f.code === 'exhibit_metadata')).toEqual([]);
    await value('dossier.disclosure', request({ originals: false }));
    expect(await counts()).toEqual(before);
  });

  it('the export makes the missing exhibit; the preview afterwards uses the stored one and still writes nothing', async () => {
    answer('chooseDossierDestination', join(dir, 'd.zip'));
    const out = await value<{ sha256: string; fingerprint: string }>('dossier.export', { ...request({ originals: false }), accept: [] });
    expect(out.sha256).toMatch(/^[0-9a-f]{64}$/);
    exportedBy = out.fingerprint;
    const made = await value<{ exhibits: { id: number }[] }>('evidence.get', { id: photoId });
    expect(made.exhibits).toHaveLength(1);
    const before = await counts();
    const check = await value<{ findings: { code: string }[] }>('dossier.disclosure', request({ originals: false }));
    expect(check.findings.filter((f) => f.code === 'exhibit_metadata')).toEqual([]);
    expect(await counts()).toEqual(before);
  });
});

type Verdict = { ok: boolean; signerChecked: boolean; signerFingerprint: string | null; failure: { code: string; message: string } | null; recheckToken: string | null };
const pickDossier = async (): Promise<string> => {
  answer('pickDossier', join(dir, 'd.zip'));
  return (await value<{ token: string }>('dossier.pick', {})).token;
};

describe('T6 dossier.verify names the signer and says when it was not checked', () => {
  it('without a fingerprint: intact, signer not checked, and the same file offered again to check it', async () => {
    const r = await value<Verdict>('dossier.verify', { token: await pickDossier() });
    expect(r).toMatchObject({ ok: true, signerChecked: false, signerFingerprint: exportedBy, failure: null });
    expect(r.recheckToken).toMatch(/^[0-9a-f]{32}$/);
    const checked = await value<Verdict>('dossier.verify', { token: r.recheckToken, fingerprint: exportedBy });
    expect(checked).toMatchObject({ ok: true, signerChecked: true, failure: null, recheckToken: null });
  });

  it('a pasted fingerprint of another key: red with E_KEY_MISMATCH in the user\'s language, and another try allowed', async () => {
    const first = await value<Verdict>('dossier.verify', { token: await pickDossier() });
    const other = exportedBy.replace(/^./, (c) => (c === 'a' ? 'b' : 'a'));
    const wrong = await value<Verdict>('dossier.verify', { token: first.recheckToken, fingerprint: other });
    expect(wrong).toMatchObject({ ok: false, signerChecked: false, failure: { code: 'E_KEY_MISMATCH', message: CATALOGUES.es['error.E_KEY_MISMATCH'] } });
    expect(wrong.recheckToken).toMatch(/^[0-9a-f]{32}$/);
    expect((await value<Verdict>('dossier.verify', { token: wrong.recheckToken, fingerprint: exportedBy })).signerChecked).toBe(true);
  });
});

describe('custody timeline paged in SQL', () => {
  it('the whole vault pages in order with a total', async () => {
    const all = await value<Timeline>('custody.timeline', { offset: 0, limit: 1000 });
    expect(all.total).toBe(all.entries.length);
    expect(all.entries.map((e) => e.seq)).toEqual(all.entries.map((_, i) => i + 1));
    const page = await value<Timeline>('custody.timeline', { offset: 2, limit: 3 });
    expect(page.total).toBe(all.total);
    expect(page.entries.map((e) => e.seq)).toEqual([3, 4, 5]);
  });

  it('a case takes in its incidents and their evidence, exhibits included, and nothing of another case', async () => {
    // Read first: showing the item's sealed metadata is itself an entry of the case's timeline.
    const exhibit = (await value<{ exhibits: { id: number }[] }>('evidence.get', { id: photoId })).exhibits[0]!.id;
    const c = await value<Timeline>('custody.timeline', { subject: `case:${caseA}`, limit: 1000 });
    const subjects = new Set(c.entries.map((e) => e.subject));
    for (const s of [`case:${caseA}`, `incident:${incidentA}`, `evidence:${photoId}`, `evidence:${exhibit}`]) expect(subjects).toContain(s);
    expect(subjects).not.toContain(`evidence:${otherPhotoId}`);
    expect([...subjects].every((s) => /^(case|incident|evidence):/.test(s))).toBe(true);
    const incidentView = await value<Timeline>('custody.timeline', { subject: `incident:${incidentA}`, limit: 1000 });
    expect(new Set(incidentView.entries.map((e) => e.subject))).toEqual(new Set([`incident:${incidentA}`, `evidence:${photoId}`, `evidence:${exhibit}`]));
    const paged = await value<Timeline>('custody.timeline', { subject: `case:${caseA}`, offset: 1, limit: 2 });
    expect(paged.total).toBe(c.total);
    expect(paged.entries).toEqual(c.entries.slice(1, 3));
  });
});
