// Quick erase (issue 15 item 4), threat T2 (a laptop seized): the key header is overwritten in
// place before any file is removed, so even the disk blocks the header lived in hold no slot;
// after the erase nothing in the vault's folder opens with any passphrase, and the CLI refuses
// to erase without --yes.
import { mkdtemp, open, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { eraseVault } from '../../main/accounts/erase-vault';
import { openVault } from '../../main/accounts/vault-session';
import { headerPath } from '../../main/vault/header-file';
import { importFile, withIncident } from '../evidence/fixtures';
import { PASSPHRASE, addActiveUser, errorCode, tempVault, type TempVault } from '../vault/fixture';
import { buildCli, runCli } from '../cli/cli-harness';

let v: TempVault | undefined;
afterEach(async () => {
  await v?.cleanup();
  v = undefined;
});

describe('T2 quick erase', () => {
  it('overwrites the key header where it lay, then removes every file; nothing left opens with any passphrase', async () => {
    v = await tempVault();
    await addActiveUser(v, 'doc', 'documenter');
    const evidence = join(v.dir, '..', `erase-${Date.now()}.txt`);
    await writeFile(evidence, 'sealed evidence bytes');
    await importFile(v.session, await withIncident(v.session), evidence);
    await rm(evidence);
    // What a forensic reader of the disk gets: the header file's own blocks, through a handle kept open.
    const held = await open(headerPath(v.path), 'r');
    const before = (await held.readFile()).toString('utf8');
    expect(before).toContain('"slots"');

    const r = await eraseVault(v.session);
    expect(r.unreadableAfterMs).toBeLessThanOrEqual(r.removedAfterMs);
    const after = Buffer.alloc(before.length);
    await held.read(after, 0, after.length, 0);
    await held.close();
    expect(after.toString('latin1')).not.toContain('slots');
    expect(after.toString('latin1')).not.toContain(v.session.vaultId);
    expect(await readdir(v.dir)).toEqual([]);
    for (const user of ['ana', 'doc']) expect(await errorCode(openVault({ path: v.path, user, passphrase: PASSPHRASE }))).toBe('E_NO_VAULT');
  });

  it('through the CLI: refused without --yes (nothing touched), then done with it', async () => {
    v = await tempVault();
    await v.session.close();
    const cli = await buildCli();
    const env = { CUSTODIA_PASSPHRASE: PASSPHRASE };
    const refused = runCli(cli, ['vault', 'erase', '--vault', v.path, '--user', 'ana'], env);
    expect(refused.status).toBe(2);
    expect(refused.stderr).toMatch(/^error E_USAGE: /m);
    expect((await readdir(v.dir)).sort()).toEqual(['vault.custodia', 'vault.custodia.keys', 'vault.custodia.objects']);
    const wrong = runCli(cli, ['vault', 'erase', '--yes', '--vault', v.path, '--user', 'ana'], { CUSTODIA_PASSPHRASE: 'not the passphrase at all' });
    expect(wrong.status).toBe(3);
    expect((await readdir(v.dir)).length).toBe(3);
    const done = runCli(cli, ['vault', 'erase', '--yes', '--vault', v.path, '--user', 'ana', '--json'], env);
    expect(done.status).toBe(0);
    expect(done.json()).toMatchObject({ erased: true });
    expect(await readdir(v.dir)).toEqual([]);
  });
});

it('a folder that is no vault is not erased', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'custodia-erase-'));
  try {
    await writeFile(join(dir, 'notes.txt'), 'keep me');
    const cli = await buildCli();
    const r = runCli(cli, ['vault', 'erase', '--yes', '--vault', join(dir, 'notes.txt'), '--user', 'ana'], { CUSTODIA_PASSPHRASE: PASSPHRASE });
    expect(r.status).not.toBe(0);
    expect(await readdir(dir)).toEqual(['notes.txt']);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
