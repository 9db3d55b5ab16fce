// What a crash in the middle of a re-key leaves, settled at the next unlock by whoever opens the
// vault. The header then names the re-key and holds both wraps in every slot; which key opened
// the database file says how far it got (accounts/rotate-vault-key.ts gives the order of steps).
import { unlink } from 'node:fs/promises';
import { appendCustody } from '../custody/custody-log';
import { storeSlotCopy } from '../custody/slot-log';
import type { Database } from '../vault/database';
import { readHeader, rekeyPath, writeHeader, type VaultHeader } from '../vault/header-file';
import { isPersonal, slotId } from '../vault/key-slots';

/**
 * The one entry a re-key logs, once, in the database under the new key. A re-key changes no
 * slot's hash (the hash leaves the wraps out, vault/key-slots.ts slotHash), so it needs no
 * key_slot entry; the vault's copies of the slots get the new wraps here, in the same transaction.
 */
export async function logRekey(db: Database, o: { actor: string; rekeyId: string; reason: string; users: readonly string[]; header: VaultHeader }): Promise<void> {
  const settled = settledHeader(o.header, true);
  await db.transaction(async (tx) => {
    const done = await tx.get("SELECT 1 FROM custody_log WHERE subject = 'vault' AND action = 'key_change' AND json_extract(entry, '$.details.rekeyId') = ?", [o.rekeyId]);
    if (done) return;
    await appendCustody(tx, { actor: o.actor, action: 'key_change', subject: 'vault', details: { change: 'vault_key', rekeyId: o.rekeyId, reason: o.reason, users: [...o.users] } });
    for (const user of o.users) {
      const slot = settled.slots.find((s) => s.id === slotId(settled.vaultId, user));
      if (slot && (await tx.get('SELECT 1 FROM vault_meta WHERE key = ?', [`key_slot:${slot.id}`]))) await storeSlotCopy(tx, settled.vaultId, user, slot);
    }
  });
}

/** The header with the new wraps made current (newKeyInPlace) or dropped, and no re-key mark. */
export function settledHeader(header: VaultHeader, newKeyInPlace: boolean): VaultHeader {
  const slots = header.slots.map((s) => {
    if (!isPersonal(s)) return s;
    const { nextDbKey, dbKey, ...rest } = s;
    const kept = newKeyInPlace ? nextDbKey : dbKey;
    return kept ? { ...rest, dbKey: kept } : rest;
  });
  const { rekey: _done, ...rest } = header;
  return { ...rest, slots };
}

/** Finishes or abandons an interrupted re-key; returns what the user should hear of. */
export async function settleInterruptedRekey(o: { path: string; db: Database; header: VaultHeader; newKeyInPlace: boolean; actor: string }): Promise<string[]> {
  const { rekey } = o.header;
  if (!rekey) {
    // A crash before the header named the re-key leaves only the copy: under a key no one holds.
    await unlink(rekeyPath(o.path)).catch(() => undefined);
    return [];
  }
  if (o.newKeyInPlace) {
    const users = await o.db.all<{ name: string }>('SELECT name FROM users WHERE removed_at IS NULL ORDER BY name');
    await logRekey(o.db, { actor: o.actor, rekeyId: rekey.id, reason: rekey.reason, users: users.map((u) => u.name), header: o.header });
  } else {
    await unlink(rekeyPath(o.path)).catch(() => undefined);
  }
  await writeHeader(o.path, settledHeader(await readHeader(o.path), o.newKeyInPlace));
  return [o.newKeyInPlace
    ? 'finished a vault key rotation that a crash interrupted'
    : 'a vault key rotation was interrupted before the new key took effect; the vault still uses its old key: run `custodia vault rekey`'];
}
