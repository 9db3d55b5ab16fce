// T5 through the app's door: the IPC export takes the same protections as the CLI (defaults per
// recipient when the request leaves them out), refuses a consent it would break (E_CONSENT,
// nothing written), and original file names come only when asked, behind their own finding.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeGpsPhoto } from '../e2e/harness/photos';
import { readZip } from '../dossier/helpers/zip-entries';
import { handlerClient, testContext } from './ipc-context';

const { ctx, dir, answer } = testContext();
const { value, code } = handlerClient(ctx);
const incident = {
  occurredAt: '2026-10-02T18:30:00-05:00', place: 'Tres Islas', channel: 'phone', verbatim: 'Rosa Quispe, te vamos a encontrar', riskLevel: 'high', type: 'threat',
  coordinates: { lat: -12.6048, lon: -69.2211 }, notes: 'Su celular 987 654 321',
  affected: [{ name: 'Rosa Quispe', consent: { toFile: true, toNameToState: false, toPublicReport: false, obtainedBy: 'ana' } }],
};
type Finding = { id: string; severity: string; code: string; subject: string; message: string };
type Dossier = { incidents: Array<{ incident: Record<string, unknown> & { notes?: string; verbatim: string } }>; exhibits: Array<{ originalName?: string }>; protection: Record<string, unknown> };

let incidentId: number;
const request = (o: Record<string, unknown> = {}) => ({
  incidentIds: [incidentId], exhibitIds: [], recipient: 'police', purpose: 'denuncia', language: 'es', pseudonyms: true, originals: false, ...o,
});
async function dossierOf(zip: string): Promise<Dossier> {
  const entries = await readZip(zip);
  const [, bytes] = [...entries].find(([name]) => name.endsWith('/data/dossier.json'))!;
  return JSON.parse(bytes.toString('utf8')) as Dossier;
}

beforeAll(async () => {
  answer('chooseVaultLocation', join(dir, 'v.custodia'));
  await value('vault.create', { label: 'Org', user: 'ana', passphrase: 'una frase de prueba larga' });
  const caseId = (await value<{ id: number }>('cases.add', { title: 'Caso' })).id;
  incidentId = (await value<{ id: number }>('incidents.add', { caseId, incident })).id;
  const file = join(dir, 'Rosa Quispe 987654321.jpg');
  await makeGpsPhoto(file, { lat: -12.59, lon: -69.19, hue: 40 });
  answer('pickEvidenceFiles', [file]);
  const [picked] = await value<{ token: string }[]>('evidence.pick', {});
  await value('evidence.import', { incidentId, tokens: [picked!.token], acquisition: { method: 'received' } });
}, 60_000);
afterAll(async () => {
  if (ctx.session) await ctx.session.vault.close();
});

describe('T5 export protections through IPC', () => {
  it('left out of the request, each protection takes the recipient\'s default', async () => {
    answer('chooseDossierDestination', join(dir, 'default.zip'));
    await value('dossier.export', { ...request(), accept: [] });
    const d = await dossierOf(join(dir, 'default.zip'));
    expect(d.protection).toEqual({ redact: ['phones', 'emails', 'ids', 'notes'], coordinates: 'round:2', staffNames: 'role', originalNames: false, keepOffFileAsPseudonym: false });
    expect(d.incidents[0]!.incident.notes).toBeUndefined();
    expect(d.incidents[0]!.incident.verbatim).toBe('[Persona 1], te vamos a encontrar');
    expect(d.exhibits[0]).not.toHaveProperty('originalName');
  });

  it('chosen in the request, they override the defaults', async () => {
    answer('chooseDossierDestination', join(dir, 'chosen.zip'));
    await value('dossier.export', { ...request({ redact: ['emails'], coordinates: 'round:3', staffNames: 'name' }), accept: [] });
    const d = await dossierOf(join(dir, 'chosen.zip'));
    expect(d.protection).toMatchObject({ redact: ['emails'], coordinates: 'round:3', staffNames: 'name' });
    expect(d.incidents[0]!.incident).toMatchObject({ notes: 'Su celular 987 654 321', coordinates: { lat: -12.605, lon: -69.221 } });
  });

  it('original names raise a high finding the export needs accepted; then they travel scrubbed', async () => {
    const check = await value<{ ok: boolean; findings: Finding[] }>('dossier.disclosure', request({ originalNames: true }));
    const high = check.findings.filter((f) => f.severity === 'high');
    expect(high.map((f) => [f.code, f.subject, f.message])).toEqual([['original_name', 'exhibit E-01', 'Persona 1 [teléfono retirado].jpg']]);
    answer('chooseDossierDestination', join(dir, 'names-refused.zip'));
    expect(await code('dossier.export', { ...request({ originalNames: true }), accept: [] })).toBe('E_UNACCEPTED_FINDINGS');
    expect(existsSync(join(dir, 'names-refused.zip'))).toBe(false);
    answer('chooseDossierDestination', join(dir, 'names.zip'));
    await value('dossier.export', { ...request({ originalNames: true }), accept: high.map((f) => f.id) });
    expect((await dossierOf(join(dir, 'names.zip'))).exhibits[0]!.originalName).toBe('Persona 1 [teléfono retirado].jpg');
  });

  it('accepting a finding adds nothing: the ids of the original-name findings, sent with an export that does not ask for names, bring none', async () => {
    const check = await value<{ findings: Finding[] }>('dossier.disclosure', request({ originalNames: true }));
    answer('chooseDossierDestination', join(dir, 'accepted-only.zip'));
    await value('dossier.export', { ...request(), accept: check.findings.filter((f) => f.severity === 'high').map((f) => f.id) });
    const d = await dossierOf(join(dir, 'accepted-only.zip'));
    expect(d.exhibits[0]).not.toHaveProperty('originalName');
    expect(d.protection).toMatchObject({ originalNames: false });
  });

  it('showing names she did not consent to give the police is refused with E_CONSENT, in the preview and the export, nothing written', async () => {
    expect(await code('dossier.disclosure', request({ pseudonyms: false }))).toBe('E_CONSENT');
    answer('chooseDossierDestination', join(dir, 'named.zip'));
    expect(await code('dossier.export', { ...request({ pseudonyms: false }), accept: [] })).toBe('E_CONSENT');
    expect(existsSync(join(dir, 'named.zip'))).toBe(false);
  });

  it('refuses an unknown protection value at the door', async () => {
    expect(await code('dossier.disclosure', request({ coordinates: 'round:9' }))).toBe('E_INVALID_INPUT');
    expect(await code('dossier.disclosure', request({ redact: ['names'] }))).toBe('E_INVALID_INPUT');
  });
});
