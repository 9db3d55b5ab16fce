// A new user's first unlock: with the one-time passphrase an admin gave them they open the
// temporary slot, choose their own passphrase and make their own key pairs, here, on their
// machine. The admin never held these keys. The new public keys go into the log.
import { crashPoint } from '../platform/crash-point';
import { CustodiaError } from '../../shared/errors/error-codes';
import { recordSigningKey } from '../custody/signing-keys';
import { readHeader } from '../vault/header-file';
import { DEFAULT_KDF, type KdfParams } from '../vault/kdf';
import { makePersonalSlot, unlockSlot } from '../vault/key-slots';
import { logSlotChange } from '../custody/slot-log';
import { checkNewPassphrase } from './names';
import { newOwnKeys, putSlot, setBoxKey } from './personal-slot';
import { checkSlotVouched } from './slot-binding';
import { settleObjects } from './settle-objects';
import { auditorHoldsNoKey, checkOpened, openWithSlot, sessionFor, type VaultSession } from './vault-session';

export async function activateUser(o: { path: string; user: string; oneTimePassphrase: string; newPassphrase: string; kdf?: KdfParams }): Promise<VaultSession> {
  const userName = o.user.normalize('NFC');
  checkNewPassphrase(o.newPassphrase);
  if (o.newPassphrase === o.oneTimePassphrase) throw new CustodiaError('E_INVALID_INPUT', 'choose a passphrase of your own, not the one-time passphrase');
  const header = await readHeader(o.path);
  const unlocked = await unlockSlot(header, userName, o.oneTimePassphrase);
  if (unlocked.kind !== 'personal' || unlocked.slot.state !== 'must_activate') {
    if (unlocked.kind === 'personal') unlocked.signingSecret?.fill(0);
    throw new CustodiaError('E_INVALID_INPUT', `"${userName}" is already active: use custodia user passphrase to change a passphrase`);
  }
  const { db, key, newKeyInPlace } = await openWithSlot(o.path, header, userName, unlocked).finally(() => unlocked.boxSecret.fill(0));
  const own = newOwnKeys();
  try {
    const { role, activated } = await checkOpened(db, header, o.path, userName);
    if (role === 'auditor') throw auditorHoldsNoKey(userName);
    // The one-time slot too must be the one the admin's user_add vouched for. First: after a
    // crash between the logged activation and the header write this puts the new slot back.
    await checkSlotVouched(db, { path: o.path, vaultId: header.vaultId, userName, slot: unlocked.slot });
    if (activated || newKeyInPlace || header.rekey) throw new CustodiaError('E_INVALID_INPUT', `"${userName}" cannot be activated now: ask an admin to unlock the vault once first`);
    const slot = await makePersonalSlot({
      vaultId: header.vaultId, userName, passphrase: o.newPassphrase, kdf: o.kdf ?? DEFAULT_KDF, state: 'active',
      boxSecret: own.boxSecret, signingSecret: own.signing.secretKey, dbKey: key,
    });
    await db.transaction(async (tx) => {
      const boxPublicKey = await setBoxKey(tx, userName, own.boxSecret);
      await tx.run('UPDATE users SET activated_at = ? WHERE name = ?', [new Date().toISOString(), userName]);
      await recordSigningKey(tx, userName, own.signing.publicKey, { change: 'activated', boxPublicKey });
      await logSlotChange(tx, { vaultId: header.vaultId, actor: userName, signing: own.signing, change: 'activate', slots: [{ user: userName, slot }] });
    });
    // After the commit: a crash before this leaves the one-time slot, which the log says was
    // replaced; the next try puts the vault's copy of the new slot back (accounts/slot-binding.ts).
    crashPoint('slot:logged');
    await putSlot(o.path, header.vaultId, slot);
    const notices = await settleObjects(db, { path: o.path, vaultId: header.vaultId, actor: userName });
    return sessionFor(o.path, header.vaultId, db, { name: userName, role }, key, own.signing, notices);
  } catch (e) {
    await db.close().catch(() => undefined);
    key.fill(0);
    own.signing.secretKey.fill(0);
    throw e;
  } finally {
    own.boxSecret.fill(0);
  }
}
