// T3, an auditor who wants to read evidence: auditors hold no key slot, so no passphrase of
// theirs opens the database; they check the custody log from a package (log-package.test.ts).
// A vault from before that rule gave its auditors a slot holding the database key: an admin's
// unlock drops those slots and rotates the key, so a saved copy opens nothing written after.
// A rotation owed after a removal (a crash between the drop and the re-key) is made at the next
// admin unlock, read from the log, never forgotten.
import { copyFile } from 'node:fs/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { activateUser } from '../../main/accounts/activate-user';
import { putSlot, setBoxKey } from '../../main/accounts/personal-slot';
import { unlockVault } from '../../main/accounts/unlock-vault';
import { addUser, listUsers, removeUser } from '../../main/accounts/users';
import { dropRemovedSlots } from '../../main/accounts/slot-binding';
import { openVault, sessionKey, type VaultSession } from '../../main/accounts/vault-session';
import { verifyLog } from '../../main/audit/verify-log';
import { appendCustody } from '../../main/custody/custody-log';
import { userHash } from '../../main/custody/record-hash';
import { loadSigningKey } from '../../main/custody/signing-keys';
import { keyRotationOwed, logSlotChange } from '../../main/custody/slot-log';
import { addCase, listCases } from '../../main/records/cases';
import { headerPath, readHeader } from '../../main/vault/header-file';
import { makePersonalSlot, newBoxSecret, slotId } from '../../main/vault/key-slots';
import { addActiveUser, CHEAP_KDF, errorCode, PASSPHRASE, tempVault, type TempVault } from '../vault/fixture';

let v: TempVault | undefined;
afterEach(async () => {
  await v?.cleanup();
  v = undefined;
});

const ONE_TIME = 'one-time passphrase of the old auditor';

/** What `user add --role auditor` did before auditors got no slot: a one-time slot holding the database key. */
async function addOldStyleAuditor(session: VaultSession, name: string): Promise<void> {
  const boxSecret = newBoxSecret();
  const slot = await makePersonalSlot({ vaultId: session.vaultId, userName: name, passphrase: ONE_TIME, kdf: CHEAP_KDF, state: 'must_activate', boxSecret, dbKey: sessionKey(session) });
  const signing = await loadSigningKey(session.db, session.user.name);
  await session.db.transaction(async (tx) => {
    await tx.run("INSERT INTO users (name, role, created_at, created_by) VALUES (?, 'auditor', ?, ?)", [name, new Date().toISOString(), session.user.name]);
    const boxPublicKey = await setBoxKey(tx, name, boxSecret);
    await appendCustody(tx, { actor: session.user.name, action: 'user_add', subject: `user:${name}`, details: { user: name, role: 'auditor', sha256: userHash({ name, role: 'auditor', removed: false }), mustActivate: true, boxPublicKey } });
    await logSlotChange(tx, { vaultId: session.vaultId, actor: session.user.name, signing, change: 'add', slots: [{ user: name, slot }] });
    await putSlot(session.path, session.vaultId, slot);
  });
}

describe('T3 an auditor holds no key to the content', () => {
  it('user add --role auditor makes no slot and no passphrase; the auditor is listed, and unlocks nothing', async () => {
    v = await tempVault();
    const added = await addUser(v.session, { name: 'aud', role: 'auditor' });
    expect(added.oneTimePassphrase).toBeNull();
    const header = await readHeader(v.path);
    expect(header.slots.map((s) => s.id)).toEqual([slotId(header.vaultId, 'ana')]);
    expect((await listUsers(v.session)).find((u) => u.name === 'aud')).toMatchObject({ role: 'auditor', fingerprint: null });
    await v.session.close();
    // Not even a guess tells the auditor from an unknown name (item 8).
    expect(await errorCode(openVault({ path: v.path, user: 'aud', passphrase: PASSPHRASE }))).toBe('E_BAD_PASSPHRASE');
    v.session = await unlockVault({ path: v.path, user: 'ana', passphrase: PASSPHRASE });
    expect(v.session.notices).toEqual([]);
    expect((await verifyLog(v.session)).problems).toEqual([]);
    // Removing an auditor takes no key back: there is none, and the vault key is not rotated.
    expect(await removeUser(v.session, 'aud')).toEqual({ rekeyed: false, notice: expect.stringMatching(/held no key/) });
    expect(await keyRotationOwed(v.session.db)).toBe(false);
  });

  it('an auditor slot from before is dropped at the admin unlock and the key rotated: the saved header opens nothing', async () => {
    v = await tempVault();
    await addOldStyleAuditor(v.session, 'aud');
    await addActiveUser(v, 'doc', 'documenter', 'passphrase of doc');
    await v.session.close();
    const saved = `${v.path}.saved-keys`;
    await copyFile(headerPath(v.path), saved);
    // The old one-time slot may not be activated any more, nor used to open.
    expect(await errorCode(activateUser({ path: v.path, user: 'aud', oneTimePassphrase: ONE_TIME, newPassphrase: 'the auditor chose this', kdf: CHEAP_KDF }))).toBe('E_AUDITOR_NO_CONTENT_KEY');
    // A documenter's unlock changes nothing about it: only an admin signs the slot's removal.
    const doc = await unlockVault({ path: v.path, user: 'doc', passphrase: 'passphrase of doc' });
    await doc.close();
    const before = await readHeader(v.path);
    expect(before.slots.some((s) => s.id === slotId(before.vaultId, 'aud'))).toBe(true);

    v.session = await unlockVault({ path: v.path, user: 'ana', passphrase: PASSPHRASE });
    expect(v.session.notices).toEqual([expect.stringMatching(/key slots of aud were dropped/), expect.stringMatching(/vault key was rotated/)]);
    const header = await readHeader(v.path);
    expect(header.slots.some((s) => s.id === slotId(header.vaultId, 'aud'))).toBe(false);
    await addCase(v.session, { title: 'after the auditor lost the key' });
    expect((await verifyLog(v.session)).problems).toEqual([]);
    expect(await keyRotationOwed(v.session.db)).toBe(false);
    await v.session.close();

    // The saved header still holds the auditor's one-time slot: its key no longer opens the file.
    await copyFile(saved, headerPath(v.path));
    expect(await errorCode(activateUser({ path: v.path, user: 'aud', oneTimePassphrase: ONE_TIME, newPassphrase: 'the auditor chose this', kdf: CHEAP_KDF }))).toBe('E_KEY_HEADER_STALE');
  });

  it('a rotation owed after a removal (crash between the dropped slot and the re-key) is made at the next admin unlock', async () => {
    v = await tempVault();
    await addActiveUser(v, 'doc', 'documenter', 'passphrase of doc');
    // What a crash after the logged removal leaves: the log says removed, the key is the old one.
    const signing = await loadSigningKey(v.session.db, 'ana');
    await v.session.db.transaction(async (tx) => {
      await tx.run("UPDATE users SET removed_at = ?, removed_by = 'ana' WHERE name = 'doc'", [new Date().toISOString()]);
      await appendCustody(tx, { actor: 'ana', action: 'user_remove', subject: 'user:doc', details: { user: 'doc', role: 'documenter', sha256: userHash({ name: 'doc', role: 'documenter', removed: true }) } });
      await logSlotChange(tx, { vaultId: v!.session.vaultId, actor: 'ana', signing, change: 'remove', slots: [{ user: 'doc', slot: null }] });
    });
    expect(await dropRemovedSlots(v.session.db, { path: v.path, vaultId: v.session.vaultId })).toBe(1);
    expect(await keyRotationOwed(v.session.db)).toBe(true);
    await v.session.close();
    v.session = await unlockVault({ path: v.path, user: 'ana', passphrase: PASSPHRASE });
    expect(v.session.notices).toEqual([expect.stringMatching(/vault key was rotated/)]);
    expect(await keyRotationOwed(v.session.db)).toBe(false);
    expect((await listCases(v.session)).length).toBe(0);
    expect((await verifyLog(v.session)).problems).toEqual([]);
  });
});
