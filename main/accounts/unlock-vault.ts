// Unlocking as the app and the CLI do: open the vault, then let an admin's unlock finish what
// keeps a removed key holder out. Auditor slots from before auditors got none are dropped, and a
// rotation of the vault key still owed after a removal (a crash, or users in the old slot format
// at the time) is made now, so no saved slot opens anything written after it was taken away.
import { keyRotationOwed } from '../custody/slot-log';
import { loadSigningKey } from '../custody/signing-keys';
import type { RekeyProgress } from '../vault/rekey-database';
import { legacyHolders, rotateVaultKey } from './rotate-vault-key';
import { dropAuditorSlots } from './slot-binding';
import { addNotice, openVault, type StorageProgress, type VaultSession } from './vault-session';

export async function unlockVault(o: { path: string; user: string; passphrase: string; onProgress?: RekeyProgress; onStorageProgress?: StorageProgress }): Promise<VaultSession> {
  const session = await openVault(o);
  if (session.user.role !== 'admin') return session;
  try {
    const signing = await loadSigningKey(session.db, session.user.name);
    const dropped = await dropAuditorSlots(session.db, { path: session.path, vaultId: session.vaultId, admin: session.user.name, signing });
    if (dropped.length > 0) addNotice(session, `auditors hold no key to the vault's content any more: the key slots of ${dropped.join(', ')} were dropped (they work from a log package: custodia log export)`);
    if (await keyRotationOwed(session.db)) {
      const waiting = await legacyHolders(session);
      if (waiting.length > 0) {
        addNotice(session, `the vault key is owed a rotation since a key slot was taken away, but ${waiting.join(', ')} must unlock once first (key slots in the old format)`);
      } else {
        await rotateVaultKey(session, { reason: dropped.length > 0 ? 'auditor_keyless' : 'owed_after_removal', ...(o.onProgress ? { onProgress: o.onProgress } : {}) });
        addNotice(session, 'the vault key was rotated, so the key slots taken away open nothing written from now on');
      }
    }
    return session;
  } catch (e) {
    await session.close().catch(() => undefined);
    throw e;
  }
}
