// The rules that once lived in the adapters now live once in the core: the same action taken
// through the app's IPC path and through the CLI leaves the same kind of checkpoint (covering
// the whole log, signed by the acting user's own key) and names the same organisation in its
// dossier (T4: "who did this, and is the record sealed").
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { keyFingerprint, type Checkpoint } from '../../shared/custody/checkpoint';
import { fromHex } from '../../shared/custody/bytes';
import { openVault } from '../../main/accounts/vault-session';
import { handlerClient, testContext } from '../ipc/ipc-context';
import { buildCli, runCli } from '../cli/cli-harness';
import { readZip } from '../dossier/helpers/zip-entries';

const PASS = 'una frase de prueba larga';
const { ctx, dir, answer } = testContext();
const { value, code } = handlerClient(ctx);
const vault = join(dir, 'v.custodia');
const incident = { occurredAt: '2026-10-02T18:30:00-05:00', place: 'Tres Islas', channel: 'phone', verbatim: 'x', riskLevel: 'high', type: 'threat' };
let cli: string;

async function lastCheckpoint(): Promise<{ checkpoint: Checkpoint; logSize: number; keys: Map<string, string> }> {
  const s = await openVault({ path: vault, user: 'ana', passphrase: PASS });
  try {
    const row = await s.db.get<{ checkpoint: string }>('SELECT checkpoint FROM checkpoints ORDER BY id DESC LIMIT 1');
    const size = await s.db.get<{ n: number }>('SELECT max(seq) AS n FROM custody_log');
    const keys = await s.db.all<{ user_name: string; public_key: Buffer }>('SELECT user_name, public_key FROM signing_keys');
    return { checkpoint: JSON.parse(row!.checkpoint) as Checkpoint, logSize: size!.n, keys: new Map(keys.map((k) => [k.public_key.toString('hex'), k.user_name])) };
  } finally {
    await s.close();
  }
}

async function bagOrganisation(zip: string): Promise<string> {
  const entries = await readZip(zip);
  const info = [...entries].find(([name]) => name.endsWith('/bag-info.txt'))![1].toString('utf8');
  return /^Source-Organization: (.*)$/m.exec(info)![1]!;
}

beforeAll(async () => {
  cli = await buildCli();
  answer('chooseVaultLocation', vault);
  await value('vault.create', { label: 'Asociación Ríos Vivos', user: 'ana', passphrase: PASS });
}, 60_000);
afterAll(async () => {
  if (ctx.session) await ctx.session.vault.close();
});

describe('one rule, both faces', () => {
  it('an incident added in the app and one added with the CLI are each sealed by a checkpoint of the acting user', async () => {
    const caseId = (await value<{ id: number }>('cases.add', { title: 'Caso' })).id;
    await value('incidents.add', { caseId, incident });
    await value('vault.lock', {});
    const app = await lastCheckpoint();
    expect(app.checkpoint.treeSize).toBe(app.logSize);
    expect(app.keys.get(app.checkpoint.signer)).toBe('ana');

    const file = join(dir, 'incident.json');
    await import('node:fs/promises').then((fs) => fs.writeFile(file, JSON.stringify(incident)));
    const r = runCli(cli, ['incident', 'add', '--vault', vault, '--user', 'ana', '--case', String(caseId), '--file', file, '--json'], { CUSTODIA_PASSPHRASE: PASS });
    expect(r.status).toBe(0);
    const viaCli = await lastCheckpoint();
    expect(viaCli.checkpoint.treeSize).toBe(viaCli.logSize);
    expect(viaCli.checkpoint.treeSize).toBeGreaterThan(app.checkpoint.treeSize);
    expect(keyFingerprint(fromHex(viaCli.checkpoint.signer))).toBe(keyFingerprint(fromHex(app.checkpoint.signer)));
    expect(Object.keys(viaCli.checkpoint).sort()).toEqual(Object.keys(app.checkpoint).sort());
    expect(viaCli.checkpoint.origin).toBe(app.checkpoint.origin);
  });

  it('a dossier exported in the app and one exported with the CLI name the same organisation', async () => {
    const known = await value<{ id: string }[]>('vault.known', {});
    await value('vault.unlock', { vaultId: known[0]!.id, user: 'ana', passphrase: PASS });
    const appZip = join(dir, 'app.zip');
    answer('chooseDossierDestination', appZip);
    await value('dossier.export', { incidentIds: [1], exhibitIds: [], recipient: 'prosecutor', purpose: 'denuncia', language: 'es', pseudonyms: true, originals: false, accept: [] });
    await value('vault.lock', {});
    const cliZip = join(dir, 'cli.zip');
    const r = runCli(cli, ['dossier', 'export', '--vault', vault, '--user', 'ana', '--incident', '1', '--out', cliZip, '--recipient', 'prosecutor', '--purpose', 'denuncia', '--json'], { CUSTODIA_PASSPHRASE: PASS });
    expect(r.status, r.stderr).toBe(0);
    expect(await bagOrganisation(appZip)).toBe('Asociación Ríos Vivos');
    expect(await bagOrganisation(cliZip)).toBe('Asociación Ríos Vivos');
  });

  it('a case closed with the CLI is closed in the app, and both count the same open cases', async () => {
    const known = await value<{ id: string }[]>('vault.known', {});
    await value('vault.unlock', { vaultId: known[0]!.id, user: 'ana', passphrase: PASS });
    const second = (await value<{ id: number }>('cases.add', { title: 'Otro caso' })).id;
    await value('vault.lock', {});
    const env = { CUSTODIA_PASSPHRASE: PASS };
    expect(runCli(cli, ['case', 'close', '--vault', vault, '--user', 'ana', '--id', String(second)], env).status).toBe(0);
    const list = runCli(cli, ['case', 'list', '--vault', vault, '--user', 'ana', '--json'], env);
    expect(list.status, list.stderr).toBe(0);
    const viaCli = JSON.parse(list.stdout) as { cases: { id: number; status: string }[]; openCases: number };
    await value('vault.unlock', { vaultId: known[0]!.id, user: 'ana', passphrase: PASS });
    const viaApp = await value<{ id: number; status: string }[]>('cases.list', {});
    const stats = await value<{ openCases: number }>('dashboard.stats', {});
    await value('vault.lock', {});
    expect(viaApp.find((c) => c.id === second)?.status).toBe('closed');
    expect(viaCli.cases.find((c) => c.id === second)?.status).toBe('closed');
    expect(viaCli.openCases).toBe(1);
    expect(stats.openCases).toBe(viaCli.openCases);
  });

  it('an edit from a stale version is refused alike by the app and the CLI, inside the edit, and adds nothing', async () => {
    const known = await value<{ id: string }[]>('vault.known', {});
    await value('vault.unlock', { vaultId: known[0]!.id, user: 'ana', passphrase: PASS });
    await value('incidents.edit', { id: 1, baseVersion: 1, incident: { ...incident, verbatim: 'segunda versión' } });
    const appRefusal = await code('incidents.edit', { id: 1, baseVersion: 1, incident: { ...incident, verbatim: 'pisada' } });
    const appHistory = await value<{ version: number; changed: string[] }[]>('incidents.versions', { id: 1 });
    await value('vault.lock', {});
    const file = join(dir, 'stale.json');
    await import('node:fs/promises').then((fs) => fs.writeFile(file, JSON.stringify({ ...incident, verbatim: 'pisada' })));
    const env = { CUSTODIA_PASSPHRASE: PASS };
    const r = runCli(cli, ['incident', 'edit', '--vault', vault, '--user', 'ana', '--id', '1', '--file', file, '--base-version', '1'], env);
    expect(appRefusal).toBe('E_STALE_VERSION');
    expect(r.status).toBe(4);
    expect(r.stderr).toMatch(/^error E_STALE_VERSION: incident 1 is at version 2/);
    const h = runCli(cli, ['incident', 'history', '--vault', vault, '--user', 'ana', '--id', '1', '--json'], env);
    const cliHistory = (JSON.parse(h.stdout) as { versions: { version: number; changed: string[] }[] }).versions;
    expect(cliHistory.map((v) => v.version)).toEqual([1, 2]);
    expect(appHistory.map((v) => ({ version: v.version, changed: v.changed }))).toEqual(cliHistory.map((v) => ({ version: v.version, changed: v.changed })));
    expect(cliHistory[1]?.changed).toEqual(['verbatim']);
  });
});
