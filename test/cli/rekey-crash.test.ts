// T3 with T9: a re-key killed (SIGKILL) between any two of its durable steps leaves a vault that
// every remaining user opens and `log verify` passes; the next unlock finishes or abandons the
// interrupted re-key, and a completed one is logged exactly once.
import { access } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addActiveUser, addRoleUsers, PASSPHRASE, tempVault, type TempVault } from '../vault/fixture';
import { readHeader, rekeyPath } from '../../main/vault/header-file';
import { openVault } from '../../main/accounts/vault-session';
import { buildCli, runCli } from './cli-harness';

const POINTS = ['rekey:start', 'rekey:copied', 'rekey:header-both', 'rekey:closed', 'rekey:swapped', 'rekey:logged', 'rekey:done'];

let v: TempVault;
let cli: string;
beforeAll(async () => {
  cli = await buildCli();
  v = await tempVault();
  await addRoleUsers(v);
  await addActiveUser(v, 'luz', 'documenter', 'passphrase of luz');
  await v.session.close();
});
afterAll(async () => {
  await v.cleanup();
});

const env = { CUSTODIA_PASSPHRASE: PASSPHRASE };
const as = (user: string, args: string[]): string[] => [...args, '--vault', v.path, '--user', user];

describe('T3 T9 re-key crash safety', () => {
  it.each(POINTS)('killed at %s: every remaining user opens the vault and log verify passes', async (point) => {
    const killed = runCli(cli, as('ana', ['vault', 'rekey']), { ...env, CUSTODIA_CRASH_AT: point });
    expect(killed.signal).toBe('SIGKILL');
    const verify = runCli(cli, as('ana', ['log', 'verify', '--json']), env);
    expect(verify.stderr.replace(/^.*ERROR CORE.*\n/gm, '')).not.toMatch(/^error /m);
    expect(verify.status).toBe(0);
    expect(runCli(cli, as('doc', ['case', 'list']), env).status).toBe(0);
    expect(runCli(cli, as('luz', ['case', 'list']), { CUSTODIA_PASSPHRASE: 'passphrase of luz' }).status).toBe(0);
    expect((await readHeader(v.path)).rekey).toBeUndefined();
    await expect(access(rekeyPath(v.path))).rejects.toThrow();
  });

  it('each re-key that took effect is logged exactly once; those killed before the swap are not', async () => {
    const r = runCli(cli, as('ana', ['vault', 'rekey']), env);
    expect(r.status).toBe(0);
    expect(r.stderr).toMatch(/re-keying the vault: 100%/);
    const s = await openVault({ path: v.path, user: 'ana', passphrase: PASSPHRASE });
    try {
      const rows = await s.db.all<{ entry: string }>("SELECT entry FROM custody_log WHERE subject = 'vault' AND action = 'key_change' ORDER BY seq");
      const ids = rows.map((row) => (JSON.parse(row.entry) as { details: { rekeyId: string } }).details.rekeyId);
      // Killed after the swap (swapped, logged, done) took effect, plus the run to the end.
      expect(ids).toHaveLength(4);
      expect(new Set(ids).size).toBe(4);
    } finally {
      await s.close();
    }
  });
});
