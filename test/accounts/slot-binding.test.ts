// T3/T6, the key header bound to the log: an insider who holds the database key (their own slot
// opens it) writes a slot for the admin under a passphrase of their own; an old FILE.keys copied
// back after a passphrase change or a removal. Unlock refuses both and `log verify` names them;
// a normal life of users verifies clean.
import { createCipheriv, randomBytes } from 'node:crypto';
import { copyFile } from 'node:fs/promises';
import { x25519 } from '@noble/curves/ed25519.js';
import { afterEach, describe, expect, it } from 'vitest';
import { changePassphrase, removeUser } from '../../main/accounts/users';
import { rotateVaultKey } from '../../main/accounts/rotate-vault-key';
import { openVault } from '../../main/accounts/vault-session';
import { verifyLog } from '../../main/audit/verify-log';
import { loadSigningKey } from '../../main/custody/signing-keys';
import { logSlotChange } from '../../main/custody/slot-log';
import { headerPath, readHeader, writeHeader, type PersonalSlot } from '../../main/vault/header-file';
import { deriveKey } from '../../main/vault/kdf';
import { isPersonal, openDbKey, sealDbKey, slotId, unlockSlot } from '../../main/vault/key-slots';
import { addActiveUser, CHEAP_KDF, errorCode, PASSPHRASE, tempVault, type TempVault } from '../vault/fixture';

let v: TempVault | undefined;
afterEach(async () => {
  await v?.cleanup();
  v = undefined;
});

const codes = (report: { problems: { code: string }[] }): string[] => [...new Set(report.problems.map((p) => p.code))].sort();

/**
 * The attack as an insider would write it: open their own slot, take the database key, and make
 * a slot for `victim` under their own passphrase, with fresh secrets but the public keys the
 * vault recorded for the victim (so the keys the header names still match the database).
 */
async function rewrapAs(path: string, insider: { name: string; passphrase: string }, victim: string, attackerPassphrase: string): Promise<PersonalSlot> {
  const header = await readHeader(path);
  const own = await unlockSlot(header, insider.name, insider.passphrase);
  if (own.kind !== 'personal' || !own.slot.dbKey) throw new Error('the insider needs an active slot');
  const dbKey = openDbKey(own.slot.dbKey, own.boxSecret, header.vaultId, insider.name);
  const target = header.slots.find((s) => s.id === slotId(header.vaultId, victim)) as PersonalSlot;
  const boxSecret = x25519.utils.randomSecretKey();
  const salt = randomBytes(16);
  const kek = await deriveKey(attackerPassphrase, salt, CHEAP_KDF);
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', kek, iv);
  const kdfText = `scrypt:${CHEAP_KDF.N}:${CHEAP_KDF.r}:${CHEAP_KDF.p}`;
  cipher.setAAD(Buffer.from(['custodia/key-slot/v2', header.vaultId, victim, 'active', kdfText, target.boxPublicKey, target.signingPublicKey].join('\0'), 'utf8'));
  const secrets = Buffer.concat([cipher.update(Buffer.concat([boxSecret, randomBytes(32)])), cipher.final()]);
  const forged: PersonalSlot = {
    ...target, kdf: { ...CHEAP_KDF }, salt: salt.toString('base64'), iv: iv.toString('base64'),
    secrets: secrets.toString('base64'), tag: cipher.getAuthTag().toString('base64'),
    dbKey: sealDbKey(dbKey, x25519.getPublicKey(boxSecret), header.vaultId, victim),
  };
  await writeHeader(path, { ...header, slots: header.slots.map((s) => (s.id === forged.id ? forged : s)) });
  return forged;
}

describe('T3 T6 the key header is bound to the custody log', () => {
  it('T3 T6 an insider who re-wraps the admin\'s slot under their own passphrase cannot log in as the admin (E_SLOT_NOT_IN_LOG), and log verify says so', async () => {
    v = await tempVault();
    await addActiveUser(v, 'doc', 'documenter', 'passphrase of doc');
    await v.session.close();
    await rewrapAs(v.path, { name: 'doc', passphrase: 'passphrase of doc' }, 'ana', 'the attacker chose this');
    expect(await errorCode(openVault({ path: v.path, user: 'ana', passphrase: 'the attacker chose this' }))).toBe('E_SLOT_NOT_IN_LOG');
    v.session = await openVault({ path: v.path, user: 'doc', passphrase: 'passphrase of doc' });
    const report = await verifyLog(v.session);
    expect(codes(report)).toEqual(['E_SLOT_NOT_IN_LOG']);
    expect(report.problems[0]?.message).toMatch(/key slot of ana/);
  });

  it('T3 T6 the insider who also logs a key_slot entry for the forged slot, signed with their own key, is refused all the same (E_SLOT_NOT_IN_LOG)', async () => {
    v = await tempVault();
    await addActiveUser(v, 'doc', 'documenter', 'passphrase of doc');
    await v.session.close();
    v.session = await openVault({ path: v.path, user: 'doc', passphrase: 'passphrase of doc' });
    const forged = await rewrapAs(v.path, { name: 'doc', passphrase: 'passphrase of doc' }, 'ana', 'the attacker chose this');
    const signing = await loadSigningKey(v.session.db, 'doc');
    // In the admin's name, and in their own: neither is signed by a key that may vouch for ana's slot.
    await v.session.db.transaction((tx) => logSlotChange(tx, { vaultId: v!.session.vaultId, actor: 'ana', signing, change: 'passphrase', slots: [{ user: 'ana', slot: forged }] }));
    await v.session.close();
    expect(await errorCode(openVault({ path: v.path, user: 'ana', passphrase: 'the attacker chose this' }))).toBe('E_SLOT_NOT_IN_LOG');
    v.session = await openVault({ path: v.path, user: 'doc', passphrase: 'passphrase of doc' });
    await v.session.db.transaction((tx) => logSlotChange(tx, { vaultId: v!.session.vaultId, actor: 'doc', signing, change: 'add', slots: [{ user: 'ana', slot: forged }] }));
    await v.session.close();
    expect(await errorCode(openVault({ path: v.path, user: 'ana', passphrase: 'the attacker chose this' }))).toBe('E_SLOT_NOT_IN_LOG');
    v.session = await openVault({ path: v.path, user: 'doc', passphrase: 'passphrase of doc' });
    expect(codes(await verifyLog(v.session))).toEqual(['E_SLOT_NOT_IN_LOG']);
  });

  it('T3 an old key header copied back after a passphrase change revives nothing: log verify reports it stale, the old passphrase is refused (E_KEY_HEADER_STALE), the new one opens', async () => {
    v = await tempVault();
    await addActiveUser(v, 'luz', 'legal', 'luz passphrase 1');
    await v.session.close();
    const saved = `${v.path}.saved`;
    await copyFile(headerPath(v.path), saved);
    v.session = await openVault({ path: v.path, user: 'luz', passphrase: 'luz passphrase 1' });
    await changePassphrase(v.session, { oldPassphrase: 'luz passphrase 1', newPassphrase: 'luz passphrase 2', kdf: CHEAP_KDF });
    await v.session.close();
    await copyFile(saved, headerPath(v.path));
    // ana's slot did not change, so she still opens; the check names luz's old slot.
    v.session = await openVault({ path: v.path, user: 'ana', passphrase: PASSPHRASE });
    const report = await verifyLog(v.session);
    expect(codes(report)).toEqual(['E_KEY_HEADER_STALE']);
    expect(report.problems[0]?.message).toMatch(/luz/);
    await v.session.close();
    expect(await errorCode(openVault({ path: v.path, user: 'luz', passphrase: 'luz passphrase 1' }))).toBe('E_KEY_HEADER_STALE');
    // The refusal put the vault's copy of luz's current slot back (as after a crash between the
    // logged change and the header write): the old passphrase is gone, the new one works.
    expect(await errorCode(openVault({ path: v.path, user: 'luz', passphrase: 'luz passphrase 1' }))).toBe('E_BAD_PASSPHRASE');
    v.session = await openVault({ path: v.path, user: 'luz', passphrase: 'luz passphrase 2' });
    expect((await verifyLog(v.session)).problems).toEqual([]);
  });

  it('T3 an old key header copied back after a removal: whole, it opens nothing (E_KEY_HEADER_STALE); with the removed slot put back, the next unlock drops it, and log verify reports one put back while open', async () => {
    v = await tempVault();
    await addActiveUser(v, 'rui', 'documenter', 'passphrase of rui');
    const saved = `${v.path}.saved`;
    await copyFile(headerPath(v.path), headerPath(saved));
    expect((await removeUser(v.session, 'rui')).rekeyed).toBe(true);
    await v.session.close();
    const current = await readHeader(v.path);
    await copyFile(headerPath(saved), headerPath(v.path));
    // Its wraps are of the key the removal retired: nobody, the admin included, opens with it.
    expect(await errorCode(openVault({ path: v.path, user: 'ana', passphrase: PASSPHRASE }))).toBe('E_KEY_HEADER_STALE');
    expect(await errorCode(openVault({ path: v.path, user: 'rui', passphrase: 'passphrase of rui' }))).toBe('E_KEY_HEADER_STALE');
    // The current header with rui's old slot added back: the next unlock drops the slot the log
    // says was removed, so rui opens nothing and log verify finds the header as the log says.
    const old = await readHeader(saved);
    const rui = old.slots.find((s) => s.id === slotId(old.vaultId, 'rui'));
    await writeHeader(v.path, { ...current, slots: [...current.slots, rui!] });
    v.session = await openVault({ path: v.path, user: 'ana', passphrase: PASSPHRASE });
    expect((await readHeader(v.path)).slots.map((s) => s.id)).not.toContain(rui!.id);
    expect(codes(await verifyLog(v.session))).toEqual([]);
    expect(await errorCode(openVault({ path: v.path, user: 'rui', passphrase: 'passphrase of rui' }))).toBe('E_BAD_PASSPHRASE');
    // Put back while the vault is open, where no unlock drops it: log verify names the removed
    // slot, and it still opens nothing.
    await writeHeader(v.path, { ...current, slots: [...current.slots, rui!] });
    const report = await verifyLog(v.session);
    expect(codes(report)).toEqual(['E_KEY_HEADER_STALE']);
    expect(report.problems[0]?.message).toMatch(/rui/);
    await v.session.close();
    expect(await errorCode(openVault({ path: v.path, user: 'rui', passphrase: 'passphrase of rui' }))).toBe('E_KEY_HEADER_STALE');
  });

  it('T3 a vouched slot cut from the header is reported by log verify (E_KEY_HEADER_STALE)', async () => {
    v = await tempVault();
    await addActiveUser(v, 'doc', 'documenter', 'passphrase of doc');
    const header = await readHeader(v.path);
    await writeHeader(v.path, { ...header, slots: header.slots.filter((s) => s.id !== slotId(header.vaultId, 'doc')) });
    const report = await verifyLog(v.session);
    expect(codes(report)).toEqual(['E_KEY_HEADER_STALE']);
  });

  it('a normal life of users (add, activate, passphrase change, re-key, removal) leaves a header the log vouches for, slot by slot', async () => {
    v = await tempVault();
    await addActiveUser(v, 'doc', 'documenter', 'passphrase of doc');
    await addActiveUser(v, 'lex', 'legal', 'passphrase of lex');
    await v.session.close();
    v.session = await openVault({ path: v.path, user: 'doc', passphrase: 'passphrase of doc' });
    await changePassphrase(v.session, { oldPassphrase: 'passphrase of doc', newPassphrase: 'doc passphrase 2', kdf: CHEAP_KDF });
    await v.session.close();
    v.session = await openVault({ path: v.path, user: 'ana', passphrase: PASSPHRASE });
    await rotateVaultKey(v.session, { reason: 'scheduled' });
    expect((await removeUser(v.session, 'lex')).rekeyed).toBe(true);
    const report = await verifyLog(v.session);
    expect(report.problems).toEqual([]);
    const entries = await v.session.db.all<{ entry: string }>("SELECT entry FROM custody_log WHERE action = 'key_slot' ORDER BY seq");
    const changes = entries.map((r) => (JSON.parse(r.entry) as { actor: string; details: { change: string } })).map((e) => `${e.details.change}:${e.actor}`);
    expect(changes).toEqual(['create:ana', 'add:ana', 'activate:doc', 'add:ana', 'activate:lex', 'passphrase:doc', 'remove:ana']);
    const header = await readHeader(v.path);
    expect(header.slots.every(isPersonal)).toBe(true);
    await v.session.close();
    v.session = await openVault({ path: v.path, user: 'doc', passphrase: 'doc passphrase 2' });
  });
});
