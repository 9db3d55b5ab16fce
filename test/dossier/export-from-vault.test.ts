// Export from a real SQLCipher vault: exhibits cleaned in memory, custody proofs from the vault's
// own Merkle tree, the export itself a custody entry, and the disclosure check (T4, T5).
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportDossier, previewDisclosure, type ExportDossierOptions } from '../../main/dossier/export-from-vault';
import type { VaultSession } from '../../main/accounts/vault-session';
import { verifyDossier } from '../../main/dossier/verify-dossier';
import { importEvidence } from '../../main/evidence/import-evidence';
import { addCase } from '../../main/records/cases';
import { addIncident } from '../../main/records/incidents';
import { keyFingerprint } from '../../shared/custody/checkpoint';
import type { CustodyEntry } from '../../shared/custody/custody-entry';
import { loadSigningKey } from '../../main/custody/signing-keys';
import { addRoleUsers, PASSPHRASE, tempVault, type TempVault } from '../vault/fixture';
import { bundleCli, runCli } from './helpers/cli';
import { sampleIncident, sampleJpeg } from './helpers/dossier-fixture';
import { readZip, rootOf } from './helpers/zip-entries';
import { verifyLog } from '../../main/audit/verify-log';

let v: TempVault;
let incidentId: number;
let photoSha256: string;
let cli: string;

beforeAll(async () => {
  v = await tempVault('ana');
  await addRoleUsers(v);
  const c = await addCase(v.session, { title: 'Amenazas km 108' });
  incidentId = (await addIncident(v.session, c.id, sampleIncident())).id;
  const photo = join(v.dir, 'IMG_2041.jpg');
  writeFileSync(photo, await sampleJpeg(3));
  execFileSync('exiftool', ['-q', '-overwrite_original', '-GPSLatitude=12.59', '-GPSLatitudeRef=S', '-GPSLongitude=69.19', '-GPSLongitudeRef=W', '-SerialNumber=SN-99812', '-Make=Phone', photo]);
  photoSha256 = createHash('sha256').update(readFileSync(photo)).digest('hex');
  const note = join(v.dir, 'nota.txt');
  writeFileSync(note, 'Nota escrita dejada en la puerta.\n');
  for (const f of [photo, note]) await importEvidence(v.session, incidentId, f, { method: 'received', from: 'Defensora A' });
  cli = await bundleCli();
});
afterAll(async () => {
  await v.cleanup();
  execFileSync('rm', ['-f', cli]);
});

const options = (outPath: string, more: Partial<ExportDossierOptions> = {}): ExportDossierOptions => ({
  incidentIds: [incidentId], recipient: { kind: 'prosecutor', name: 'Fiscalía Ambiental' }, purpose: 'denuncia', language: 'es',
  originals: true, showNames: false, organisation: 'Asociación de Defensores', outPath, ...more,
});

/** The export after its high findings were reviewed and each accepted, as the legal officer does. */
async function exportAccepted(session: VaultSession, o: ExportDossierOptions) {
  const accept = (await previewDisclosure(session, o)).filter((f) => f.severity === 'high').map((f) => f.id);
  return exportDossier(session, { ...o, accept });
}

describe('T4 a dossier exported from the vault proves its custody', () => {
  it('verifies, carries cleaned exhibits, and is itself recorded in the custody log', async () => {
    const session = await v.open('lex');
    const out = join(v.dir, 'dossier.zip');
    const r = await exportAccepted(session, options(out));
    const signer = keyFingerprint((await loadSigningKey(session.db, 'lex')).publicKey);
    expect(r.signer).toBe(signer);
    const verified = await verifyDossier(out, { key: signer });
    expect(verified.items.filter((i) => !i.ok)).toEqual([]);

    const entries = await readZip(out);
    const root = rootOf(entries);
    const dossier = JSON.parse(entries.get(`${root}data/dossier.json`)!.toString('utf8')) as {
      exhibits: Array<{ file: string; sha256: string; originalSha256: string; removedMetadata: string[] }>;
      custody: Array<{ entry: CustodyEntry }>;
    };
    const photo = dossier.exhibits.find((e) => e.originalSha256 === photoSha256)!;
    expect(photo.sha256).not.toBe(photoSha256);
    const exhibitFile = join(v.dir, 'exhibit.jpg');
    writeFileSync(exhibitFile, entries.get(root + photo.file)!);
    const tags = execFileSync('exiftool', ['-j', '-GPS:all', '-SerialNumber', exhibitFile], { encoding: 'utf8' });
    expect(tags).not.toMatch(/GPSLatitude|SN-99812/);
    expect(dossier.custody.map((c) => c.entry.action)).toEqual(expect.arrayContaining(['incident_create', 'receive', 'seal', 'view', 'derive']));
    expect(dossier.custody.find((c) => c.entry.action === 'derive')?.entry.details.sha256).toBe(photo.sha256);

    const log = await session.db.all<{ entry: string }>("SELECT entry FROM custody_log WHERE action = 'export'");
    const exported = JSON.parse(log.at(-1)!.entry) as CustodyEntry;
    expect(exported.actor).toBe('lex');
    expect(exported.details).toMatchObject({ dossierId: r.dossierId, sha256: createHash('sha256').update(readFileSync(out)).digest('hex'), recipientKind: 'prosecutor' });
    // Who it went to and why are words: the entry commits to them by hash, the vault keeps them.
    expect(JSON.stringify(exported.details)).not.toMatch(/Fiscalía|denuncia/);
    expect(exported.details.purposeSha256).toBe(createHash('sha256').update('denuncia').digest('hex'));

    // T3/T4: exporting leaves a vault that still verifies, and a second dossier carries the same
    // sealed exhibit instead of deriving a new one.
    expect((await verifyLog(session)).problems).toEqual([]);
    const again = join(v.dir, 'dossier-2.zip');
    await exportAccepted(session, options(again));
    const second = await readZip(again);
    const secondJson = JSON.parse(second.get(`${rootOf(second)}data/dossier.json`)!.toString('utf8')) as { exhibits: Array<{ sha256: string; originalSha256: string }> };
    expect(secondJson.exhibits.find((e) => e.originalSha256 === photoSha256)?.sha256).toBe(photo.sha256);
    const derives = await session.db.all("SELECT seq FROM custody_log WHERE action = 'derive'");
    expect(derives).toHaveLength(1);
  });

  it('T5 an export with high findings nobody accepted writes nothing, makes no exhibit and logs nothing', async () => {
    const session = await v.open('lex');
    const out = join(v.dir, 'stopped.zip');
    const before = await session.db.get('SELECT count(*) AS n FROM custody_log');
    const evidence = await session.db.get('SELECT count(*) AS n FROM evidence');
    const findings = await previewDisclosure(session, options(out));
    expect(findings.map((f) => f.kind)).toEqual(expect.arrayContaining(['original_with_gps', 'device_serial', 'exhibit_not_stripped']));
    const high = findings.filter((f) => f.severity === 'high').map((f) => f.id);
    expect(high.length).toBeGreaterThan(1);
    // All but one accepted is still a refusal, naming the one left.
    const e = await exportDossier(session, options(out, { accept: high.slice(1) })).catch((x: unknown) => x);
    expect(e).toMatchObject({ code: 'E_UNACCEPTED_FINDINGS', details: { findings: [expect.objectContaining({ id: high[0] })] } });
    expect(existsSync(out)).toBe(false);
    expect(await session.db.get('SELECT count(*) AS n FROM custody_log')).toEqual(before);
    expect(await session.db.get('SELECT count(*) AS n FROM evidence')).toEqual(evidence);
  });

  it('T5 a file that cannot be cleaned is never an exhibit: with --originals it is only its sealed original, behind a high finding', async () => {
    const session = await v.open('lex');
    const findings = await previewDisclosure(session, options(join(v.dir, 'unused.zip')));
    expect(findings.find((f) => f.kind === 'exhibit_not_stripped')).toMatchObject({ severity: 'high' });
    const out = join(v.dir, 'with-originals.zip');
    await exportAccepted(session, options(out));
    const entries = await readZip(out);
    const root = rootOf(entries);
    const dossier = JSON.parse(entries.get(`${root}data/dossier.json`)!.toString('utf8')) as {
      exhibits: Array<{ file: string; sha256: string; originalSha256: string; originalFile?: string; cleaned?: boolean; mediaType: string }>;
    };
    const note = dossier.exhibits.find((e) => e.mediaType === 'text/plain')!;
    expect(note).toMatchObject({ cleaned: false, sha256: note.originalSha256 });
    expect(note.file).toMatch(/^data\/originals\/E-\d+\.txt$/);
    expect(note.originalFile).toBe(note.file);
    expect([...entries.keys()].filter((n) => n.includes('/data/exhibits/') && n.endsWith('.txt'))).toEqual([]);
    expect(dossier.exhibits.find((e) => e.mediaType === 'image/jpeg')).toMatchObject({ cleaned: true });
    // The report's words about metadata are per exhibit: the note's say they were not removed.
    const pdf = join(v.dir, 'with-originals-report.pdf');
    writeFileSync(pdf, entries.get(`${root}data/report.pdf`)!);
    const text = execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    expect(text).toContain('no se quitaron');
    expect(text).toContain('ninguno: esta copia fue releída');
    expect((await verifyDossier(out)).items.filter((i) => !i.ok && i.name !== 'signer')).toEqual([]);
  });

  it('refuses a documenter, leaving a denied entry and no file', async () => {
    const session = await v.open('doc');
    const out = join(v.dir, 'refused.zip');
    await expect(exportDossier(session, options(out))).rejects.toMatchObject({ code: 'E_FORBIDDEN' });
    expect(existsSync(out)).toBe(false);
    const denied = await session.db.get<{ n: number }>("SELECT count(*) AS n FROM custody_log WHERE action = 'denied' AND subject = 'dossier'");
    expect(denied?.n).toBe(1);
  });

  it('exports and verifies through the CLI, printing the disclosure check in --json', async () => {
    await v.session.close();
    const out = join(v.dir, 'cli.zip');
    const env = { CUSTODIA_PASSPHRASE: PASSPHRASE };
    const run = runCli(cli, ['dossier', 'export', '--vault', v.path, '--user', 'lex', '--incident', String(incidentId), '--out', out, '--lang', 'en', '--recipient', 'police', '--json'], { env });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const result = JSON.parse(run.stdout) as { path: string; disclosure: Array<{ kind: string }> };
    expect(result.path).toBe(out);
    // Without --originals, what cannot be cleaned is left out rather than sent as an exhibit.
    expect(result.disclosure.map((f) => f.kind)).toContain('exhibit_left_out');
    expect(result.disclosure.map((f) => f.kind)).not.toContain('exhibit_not_stripped');
    expect(result.disclosure.map((f) => f.kind)).not.toContain('original_with_gps');
    expect(readdirSync(v.dir).filter((n) => n.startsWith('.'))).toEqual([]);
    const verify = runCli(cli, ['dossier', 'verify', out, '--json']);
    expect(verify.status).toBe(0);
  });
});
