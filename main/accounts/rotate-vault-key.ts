// Re-keying the vault: a new database key, the database copied under it (records, log and each
// evidence object's key; the objects themselves keep their keys and are not touched), the new key sealed
// to every remaining user's X25519 key (as the vault recorded it, not as the header says), and a
// key_change entry. After a removal this is what locks the removed user out: their saved header
// opens the old key only, and the old key opens nothing any more.
//
// The order keeps, at every moment, a vault that every remaining user can open (a crash between
// any two steps is settled at the next unlock, interrupted-rekey.ts):
//   1. copy the database under the new key to FILE.rekey, fsync   (vault and header untouched)
//   2. header: every slot holds the old wrap and the new one, and a re-key mark   (old file, old key)
//   3. close the database, rename FILE.rekey over FILE, fsync the folder   (new file; the new wraps open it)
//   4. open the new file, log key_change                            (the mark says: finish)
//   5. header: only the new wraps, no mark
import { randomUUID } from 'node:crypto';
import { CustodiaError } from '../../shared/errors/error-codes';
import { crashPoint } from '../platform/crash-point';
import { loadSigningKey } from '../custody/signing-keys';
import { readHeader, rekeyPath, writeHeader } from '../vault/header-file';
import { isPersonal, newDatabaseKey, sealDbKey, slotId } from '../vault/key-slots';
import { openKeyedDatabase } from '../vault/keyed-database';
import { exportUnderNewKey, swapInCopy, type RekeyProgress } from '../vault/rekey-database';
import { logRekey, settledHeader } from './interrupted-rekey';
import { assertAllowed } from './roles';
import { replaceSessionDatabase, type VaultSession } from './vault-session';

/** Remaining users whose slot is still version 1 (their database key is under their passphrase only). */
export async function legacyHolders(session: VaultSession): Promise<string[]> {
  const header = await readHeader(session.path);
  const users = await session.db.all<{ name: string }>('SELECT name FROM users WHERE removed_at IS NULL ORDER BY name');
  const legacy = new Set(header.slots.filter((s) => !isPersonal(s)).map((s) => s.id));
  return users.map((u) => u.name).filter((n) => legacy.has(slotId(session.vaultId, n)));
}

export async function rotateVaultKey(session: VaultSession, o: { reason: string; onProgress?: RekeyProgress }): Promise<void> {
  await assertAllowed(session, 'users.manage', 'vault');
  const waiting = await legacyHolders(session);
  if (waiting.length > 0) {
    throw new CustodiaError('E_INVALID_INPUT', `cannot rotate the vault key yet: ${waiting.join(', ')} must unlock once first (key slots in the old format)`);
  }
  const { path, vaultId } = session;
  const header = await readHeader(path);
  const recipients = await session.db.all<{ name: string; public_key: Buffer }>(
    "SELECT u.name, b.public_key FROM users u JOIN box_keys b ON b.user_name = u.name WHERE u.removed_at IS NULL AND u.role != 'auditor' ORDER BY u.name");
  // Auditors hold no key to the content (accounts/users.ts): the new key is sealed to no auditor.
  const boxKeys = new Map(recipients.map((r) => [slotId(vaultId, r.name), r]));
  const signing = await loadSigningKey(session.db, session.user.name);
  const newKey = newDatabaseKey();
  const rekeyId = randomUUID();

  crashPoint('rekey:start');
  await exportUnderNewKey(session.db, { sourcePath: path, target: rekeyPath(path), newKey, pageSize: header.cipher.pageSize, ...(o.onProgress ? { onProgress: o.onProgress } : {}) });
  crashPoint('rekey:copied');

  // Only slots of remaining users are kept, each given the new key sealed to its recorded public key.
  const slots = header.slots.filter((s) => boxKeys.has(s.id)).map((s) => {
    const r = boxKeys.get(s.id);
    if (!isPersonal(s) || !r) return s;
    return s.dbKey ? { ...s, nextDbKey: sealDbKey(newKey, new Uint8Array(r.public_key), vaultId, r.name) } : s;
  });
  const both = { ...header, slots, rekey: { id: rekeyId, reason: o.reason.slice(0, 200) } };
  await writeHeader(path, both);
  crashPoint('rekey:header-both');

  const copy = { publicKey: signing.publicKey, secretKey: Uint8Array.from(signing.secretKey) };
  await session.db.close();
  crashPoint('rekey:closed');
  await swapInCopy(rekeyPath(path), path);
  crashPoint('rekey:swapped');

  const db = await openKeyedDatabase({ path, key: newKey, pageSize: header.cipher.pageSize, create: false });
  replaceSessionDatabase(session, db, newKey, copy);
  await logRekey(db, { actor: session.user.name, rekeyId, reason: o.reason, users: recipients.map((r) => r.name), header: both });
  crashPoint('rekey:logged');
  await writeHeader(path, settledHeader(both, true));
  crashPoint('rekey:done');
}
