import { afterEach, describe, expect, it } from 'vitest';
import { readFile, writeFile } from 'node:fs/promises';
import { readHeader } from '../../main/vault/header-file';
import { slotId } from '../../main/vault/key-slots';
import { addUser, changePassphrase, listUsers, removeUser } from '../../main/accounts/users';
import { activateUser } from '../../main/accounts/activate-user';
import { createVault, openVault } from '../../main/accounts/vault-session';
import { CHEAP_KDF, errorCode as code, PASSPHRASE, snapshot, tempVault, type TempVault } from '../vault/fixture';
import { migrations } from '../../main/vault/migrations';

let v: TempVault | undefined;
afterEach(async () => {
  await v?.cleanup();
  v = undefined;
});

describe('vault creation and opening', () => {
  it('creates a WAL, STRICT, migrated vault whose first user is admin, and reopens it', async () => {
    v = await tempVault();
    expect(v.session.user).toEqual({ name: 'ana', role: 'admin' });
    const db = v.session.db;
    expect(await db.get('PRAGMA user_version')).toEqual({ user_version: migrations.length });
    expect(await db.get('PRAGMA journal_mode')).toEqual({ journal_mode: 'wal' });
    expect(await db.get('PRAGMA foreign_keys')).toEqual({ foreign_keys: 1 });
    const tables = await db.all<{ name: string; strict: number }>("SELECT name, strict FROM pragma_table_list WHERE schema = 'main' AND type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'incident_search%'");
    expect(tables.length).toBeGreaterThan(8);
    expect(tables.filter((t) => t.strict !== 1)).toEqual([]);
    const vaultId = v.session.vaultId;
    const s = await v.open();
    expect(s.vaultId).toBe(vaultId);
    expect(s.user).toEqual({ name: 'ana', role: 'admin' });
  });

  it('refuses to create over an existing vault', async () => {
    v = await tempVault();
    expect(await code(createVault({ path: v.path, user: 'ana', passphrase: PASSPHRASE, kdf: CHEAP_KDF }))).toBe('E_EXISTS');
  });

  it('refuses a short passphrase and a malformed user name', async () => {
    v = await tempVault();
    const path = `${v.dir}/other.custodia`;
    expect(await code(createVault({ path, user: 'ana', passphrase: 'short', kdf: CHEAP_KDF }))).toBe('E_INVALID_INPUT');
    expect(await code(createVault({ path, user: '../ana', passphrase: PASSPHRASE, kdf: CHEAP_KDF }))).toBe('E_INVALID_INPUT');
  });

  it('E_VAULT_BUSY when the vault is already open', async () => {
    v = await tempVault();
    expect(await code(openVault({ path: v.path, user: 'ana', passphrase: PASSPHRASE }))).toBe('E_VAULT_BUSY');
  });

  it('E_NO_VAULT for a missing vault', async () => {
    v = await tempVault();
    expect(await code(openVault({ path: `${v.dir}/nothing.custodia`, user: 'ana', passphrase: PASSPHRASE }))).toBe('E_NO_VAULT');
  });
});

describe('T1 seized laptop: a wrong passphrase or unknown user', () => {
  it('fails with E_BAD_PASSPHRASE for a wrong passphrase and an unknown user alike, and leaves every file byte-identical', async () => {
    v = await tempVault();
    await v.session.close();
    const before = await snapshot(v.dir);
    expect(await code(openVault({ path: v.path, user: 'ana', passphrase: 'not the passphrase' }))).toBe('E_BAD_PASSPHRASE');
    expect(await code(openVault({ path: v.path, user: 'mallory', passphrase: PASSPHRASE }))).toBe('E_BAD_PASSPHRASE');
    expect(await snapshot(v.dir)).toEqual(before);
  });

  it('a slot copied to another user name does not open (the AAD binds vault and user)', async () => {
    v = await tempVault();
    await v.session.close();
    const header = await readHeader(v.path);
    const slot = header.slots[0];
    if (!slot) throw new Error('no slot');
    header.slots.push({ ...slot, id: slotId(header.vaultId, 'eve') });
    await writeFile(`${v.path}.keys`, JSON.stringify(header));
    expect(await code(openVault({ path: v.path, user: 'eve', passphrase: PASSPHRASE }))).toBe('E_BAD_PASSPHRASE');
  });

  it('keeps user names out of the plaintext header', async () => {
    v = await tempVault('ximena');
    expect(await readFile(`${v.path}.keys`, 'utf8')).not.toContain('ximena');
  });
});

describe('users and key slots', () => {
  it('adds a user who must activate, who then opens, changes a passphrase, and is removed', async () => {
    v = await tempVault();
    const { oneTimePassphrase } = await addUser(v.session, { name: 'luz', role: 'legal', kdf: CHEAP_KDF });
    expect(await code(addUser(v.session, { name: 'luz', role: 'legal', kdf: CHEAP_KDF }))).toBe('E_EXISTS');
    await v.session.close();
    expect(await code(openVault({ path: v.path, user: 'luz', passphrase: oneTimePassphrase }))).toBe('E_MUST_ACTIVATE');
    expect(await code(activateUser({ path: v.path, user: 'luz', oneTimePassphrase: 'not the one-time one', newPassphrase: 'luz passphrase 1', kdf: CHEAP_KDF }))).toBe('E_BAD_PASSPHRASE');
    v.session = await activateUser({ path: v.path, user: 'luz', oneTimePassphrase, newPassphrase: 'luz passphrase 1', kdf: CHEAP_KDF });
    await v.session.close();
    expect(await code(openVault({ path: v.path, user: 'luz', passphrase: oneTimePassphrase }))).toBe('E_BAD_PASSPHRASE');
    v.session = await openVault({ path: v.path, user: 'luz', passphrase: 'luz passphrase 1' });
    expect(v.session.user).toEqual({ name: 'luz', role: 'legal' });
    await changePassphrase(v.session, { oldPassphrase: 'luz passphrase 1', newPassphrase: 'luz passphrase 2', kdf: CHEAP_KDF });
    await v.session.close();
    expect(await code(openVault({ path: v.path, user: 'luz', passphrase: 'luz passphrase 1' }))).toBe('E_BAD_PASSPHRASE');
    v.session = await openVault({ path: v.path, user: 'ana', passphrase: PASSPHRASE });
    expect((await removeUser(v.session, 'luz')).rekeyed).toBe(true);
    expect((await listUsers(v.session)).map((u) => [u.name, u.removedAt !== null])).toEqual([['ana', false], ['luz', true]]);
    await v.session.close();
    expect(await code(openVault({ path: v.path, user: 'luz', passphrase: 'luz passphrase 2' }))).toBe('E_BAD_PASSPHRASE');
    v.session = await openVault({ path: v.path, user: 'ana', passphrase: PASSPHRASE });
    const actions = await v.session.db.all<{ action: string; subject: string }>("SELECT action, subject FROM custody_log WHERE subject = 'user:luz' ORDER BY seq");
    expect(actions.map((a) => a.action)).toEqual(['user_add', 'key_slot', 'key_change', 'key_slot', 'key_change', 'key_slot', 'user_remove', 'key_slot']);
    const rekeys = await v.session.db.all("SELECT seq FROM custody_log WHERE subject = 'vault' AND action = 'key_change'");
    expect(rekeys).toHaveLength(1);
  });
});
