// T9 (a crash mid-write) and T2 (a seized laptop): a command killed while it writes plaintext
// outside the vault (an evidence copy, a dossier) must leave nothing readable behind once any
// command opens the vault again, and a dossier must never exist without its `export` entry,
// nor an entry without its dossier. The CLI kills itself (SIGKILL) at each named crash point.
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importEvidence } from '../../main/evidence/import-evidence';
import { addCase } from '../../main/records/cases';
import { addIncident } from '../../main/records/incidents';
import { openVault } from '../../main/accounts/vault-session';
import { INCIDENT, PASSPHRASE, tempVault } from '../vault/fixture';
import { buildCli, runCli } from './cli-harness';

let cli = '';
let dir = '';
let vault = '';
let evidenceId = 0;
const env = { CUSTODIA_PASSPHRASE: PASSPHRASE };
const as = (args: string[], extra: Record<string, string> = {}) => runCli(cli, [...args, '--vault', vault, '--user', 'ana', '--json'], { ...env, ...extra });
const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

beforeAll(async () => {
  cli = await buildCli();
  const v = await tempVault();
  dir = v.dir;
  vault = v.path;
  const caseId = (await addCase(v.session, { title: 'Caso' })).id;
  const incidentId = (await addIncident(v.session, caseId, INCIDENT)).id;
  const file = join(dir, 'audio.bin');
  // Several chunks, so a kill while writing leaves a partial plaintext copy to find.
  await writeFile(file, randomBytes(3 * 1024 * 1024 + 17));
  evidenceId = (await importEvidence(v.session, incidentId, file, { method: 'received' })).id;
  await rm(file);
  await v.session.close();
}, 60_000);
afterAll(() => rm(dir, { recursive: true, force: true }));

async function freshFolder(name: string): Promise<string> {
  const out = join(dir, name);
  await mkdir(out);
  return out;
}

async function exportEntries(): Promise<{ sha256: string }[]> {
  const s = await openVault({ path: vault, user: 'ana', passphrase: PASSPHRASE });
  try {
    const rows = await s.db.all<{ entry: string }>("SELECT entry FROM custody_log WHERE action = 'export' ORDER BY seq");
    return rows.map((r) => (JSON.parse(r.entry) as { details: { sha256: string } }).details);
  } finally {
    await s.close();
  }
}

describe('T9: nothing in plaintext outlives an interrupted command', () => {
  it.each(['evidence-get:writing', 'evidence-get:written'])('a kill at %s: the next command removes the partial copy and says so', async (point) => {
    const out = await freshFolder(point.replace(':', '-'));
    const killed = as(['evidence', 'get', '--id', String(evidenceId), '--out', join(out, 'copy.bin')], { CUSTODIA_CRASH_AT: point });
    expect(killed.signal).toBe('SIGKILL');
    // The kill left plaintext behind: exactly what a seized laptop would give away.
    expect(readdirSync(out)).toHaveLength(1);
    expect(readdirSync(out)[0]).toMatch(/^\.copy\.bin\.[0-9a-f]{12}\.tmp$/);

    const next = as(['case', 'list']);
    expect(next.status).toBe(0);
    expect(next.stderr).toMatch(/^note: an unfinished file left by an interrupted command was removed: .*copy\.bin\.[0-9a-f]{12}\.tmp$/m);
    expect(readdirSync(out)).toEqual([]);
    expect(as(['case', 'list']).stderr).toBe('');

    // The copy can be taken again, whole.
    const again = as(['evidence', 'get', '--id', String(evidenceId), '--out', join(out, 'copy.bin')]);
    expect(again.status, again.stderr).toBe(0);
    expect(readdirSync(out)).toEqual(['copy.bin']);
  });

  it('a kill after the dossier is written but before it is logged: no dossier, no export entry', async () => {
    const out = await freshFolder('dossier-unlogged');
    const before = (await exportEntries()).length;
    const killed = as(['dossier', 'export', '--incident', '1', '--out', join(out, 'd.zip'), '--recipient', 'prosecutor', '--purpose', 'denuncia'], { CUSTODIA_CRASH_AT: 'dossier:written' });
    expect(killed.signal).toBe('SIGKILL');
    expect(readdirSync(out)).toHaveLength(1);
    const next = as(['case', 'list']);
    expect(next.stderr).toMatch(/^note: an unfinished file left by an interrupted command was removed: .*d\.zip/m);
    expect(readdirSync(out)).toEqual([]);
    expect(await exportEntries()).toHaveLength(before);
  }, 60_000);

  it('a kill after the export is logged but before the dossier takes its name: the next command puts it in place, and it matches its entry', async () => {
    const out = await freshFolder('dossier-logged');
    const before = (await exportEntries()).length;
    const target = join(out, 'd.zip');
    const killed = as(['dossier', 'export', '--incident', '1', '--out', target, '--recipient', 'prosecutor', '--purpose', 'denuncia'], { CUSTODIA_CRASH_AT: 'dossier:logged' });
    expect(killed.signal).toBe('SIGKILL');
    expect(existsSync(target)).toBe(false);
    const next = as(['case', 'list']);
    expect(next.stderr).toMatch(/^note: an interrupted export was completed: .*d\.zip$/m);
    expect(readdirSync(out)).toEqual(['d.zip']);
    const entries = await exportEntries();
    expect(entries).toHaveLength(before + 1);
    expect(entries.at(-1)?.sha256).toBe(sha256(readFileSync(target)));
    const verify = runCli(cli, ['dossier', 'verify', target, '--json']);
    expect(verify.status, verify.stderr).toBe(0);
  }, 60_000);

  it('an export that completes leaves no note behind and its entry matches the file', async () => {
    const out = await freshFolder('dossier-whole');
    const target = join(out, 'd.zip');
    const r = as(['dossier', 'export', '--incident', '1', '--out', target, '--recipient', 'prosecutor', '--purpose', 'denuncia']);
    expect(r.status, r.stderr).toBe(0);
    expect((await exportEntries()).at(-1)?.sha256).toBe(sha256(readFileSync(target)));
    expect(as(['case', 'list']).stderr).toBe('');
    expect(readdirSync(out)).toEqual(['d.zip']);
  }, 60_000);
});
