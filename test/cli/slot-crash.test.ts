// T3 with T9: a slot change is logged (with the new slot's hash) before the header is written.
// Killed (SIGKILL) between the two, the header is one change behind the log, which is what an
// old header copied back looks like. The user whose slot changed is refused once with their old
// passphrase (E_KEY_HEADER_STALE, exit 3), which puts the vault's copy of the logged slot back;
// from then on their new passphrase opens the vault, and every other user opens it throughout.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addUser } from '../../main/accounts/users';
import { openVault } from '../../main/accounts/vault-session';
import { addActiveUser, CHEAP_KDF, PASSPHRASE, tempVault, type TempVault } from '../vault/fixture';
import { buildCli, runCli } from './cli-harness';

let v: TempVault;
let cli: string;
beforeAll(async () => {
  cli = await buildCli();
  v = await tempVault();
  await addActiveUser(v, 'luz', 'documenter', 'passphrase of luz');
  await addActiveUser(v, 'rui', 'documenter', 'passphrase of rui');
  await v.session.close();
});
afterAll(async () => {
  await v.cleanup();
});

const as = (user: string, args: string[]): string[] => [...args, '--vault', v.path, '--user', user];
const admin = { CUSTODIA_PASSPHRASE: PASSPHRASE };
const CRASH = { CUSTODIA_CRASH_AT: 'slot:logged' };

function verifiesClean(): void {
  const verify = runCli(cli, as('ana', ['log', 'verify', '--json']), admin);
  expect(verify.stdout).not.toMatch(/E_SLOT_NOT_IN_LOG|E_KEY_HEADER_STALE/);
  expect(verify.status).toBe(0);
}

describe('T3 T9 a slot change killed between its log entry and its header write', () => {
  it('passphrase change: refused once with the old passphrase (E_KEY_HEADER_STALE), then the new one opens', () => {
    const killed = runCli(cli, as('luz', ['user', 'passphrase']), { CUSTODIA_PASSPHRASE: 'passphrase of luz', CUSTODIA_NEW_PASSPHRASE: 'luz passphrase two', ...CRASH });
    expect(killed.signal).toBe('SIGKILL');
    expect(runCli(cli, as('ana', ['case', 'list']), admin).status).toBe(0);
    const stale = runCli(cli, as('luz', ['case', 'list']), { CUSTODIA_PASSPHRASE: 'passphrase of luz' });
    expect(stale.stderr).toMatch(/^error E_KEY_HEADER_STALE:/m);
    expect(stale.status).toBe(3);
    expect(runCli(cli, as('luz', ['case', 'list']), { CUSTODIA_PASSPHRASE: 'luz passphrase two' }).status).toBe(0);
    verifiesClean();
  });

  it('activation: the second try puts the new slot back (E_KEY_HEADER_STALE), then the chosen passphrase opens', async () => {
    const s = await openVault({ path: v.path, user: 'ana', passphrase: PASSPHRASE });
    const { oneTimePassphrase } = await addUser(s, { name: 'eva', role: 'documenter', kdf: CHEAP_KDF });
    await s.close();
    const env = { CUSTODIA_PASSPHRASE: oneTimePassphrase, CUSTODIA_NEW_PASSPHRASE: 'passphrase of eva' };
    expect(runCli(cli, as('eva', ['user', 'activate']), { ...env, ...CRASH }).signal).toBe('SIGKILL');
    const again = runCli(cli, as('eva', ['user', 'activate']), env);
    expect(again.stderr).toMatch(/^error E_KEY_HEADER_STALE:/m);
    expect(again.status).toBe(3);
    expect(runCli(cli, as('eva', ['case', 'list']), { CUSTODIA_PASSPHRASE: 'passphrase of eva' }).status).toBe(0);
    verifiesClean();
  });

  it('removal: the next unlock drops the removed slot the header still held, and log verify passes', () => {
    expect(runCli(cli, as('ana', ['user', 'remove', '--name', 'rui']), { ...admin, ...CRASH }).signal).toBe('SIGKILL');
    expect(runCli(cli, as('luz', ['case', 'list']), { CUSTODIA_PASSPHRASE: 'luz passphrase two' }).status).toBe(0);
    expect(runCli(cli, as('rui', ['case', 'list']), { CUSTODIA_PASSPHRASE: 'passphrase of rui' }).status).toBe(3);
    verifiesClean();
  });
});
