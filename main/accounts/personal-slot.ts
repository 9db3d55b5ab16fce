// A user's own keys: made at vault init and at activation, and for a version-1 slot at its
// owner's next unlock. In a v1 vault every user's seed sat in the shared database, readable by
// any colleague, so moving such a user to their own slot also replaces their signing key; the
// key_change entry names the old key as exposed from its creation until now. Old checkpoints
// stay checkable: the old public key stays in signing_keys and in the log.
import { crashPoint } from '../platform/crash-point';
import { generateSigningKeyPair, keyFingerprint } from '../../shared/custody/checkpoint';
import { toHex } from '../../shared/custody/bytes';
import { CustodiaError } from '../../shared/errors/error-codes';
import { currentPublicKey, recordSigningKey, type SigningKey } from '../custody/signing-keys';
import { logSlotChange } from '../custody/slot-log';
import type { Database } from '../vault/database';
import { readHeader, writeHeader, type LegacySlot, type PersonalSlot } from '../vault/header-file';
import type { KdfParams } from '../vault/kdf';
import { boxPublicKeyOf, makePersonalSlot, newBoxSecret, slotId } from '../vault/key-slots';

export interface OwnKeys {
  boxSecret: Uint8Array;
  signing: SigningKey;
}

export function newOwnKeys(): OwnKeys {
  const pair = generateSigningKeyPair();
  return { boxSecret: newBoxSecret(), signing: { publicKey: pair.publicKey, secretKey: pair.secretKey } };
}

/**
 * Puts (or replaces) a user's slot in the header. A new user's slot is written inside the
 * transaction that logs it (a failed write rolls the user back; a slot for no user opens
 * nothing); a replaced slot after the commit, so a crash leaves a header one change behind the
 * log, which the next unlock brings up to date from the vault's copy (accounts/slot-binding.ts).
 */
export async function putSlot(vaultPath: string, vaultId: string, slot: PersonalSlot): Promise<void> {
  const header = await readHeader(vaultPath);
  if (header.vaultId !== vaultId) throw new CustodiaError('E_BAD_VAULT_HEADER', 'the key header belongs to another vault');
  await writeHeader(vaultPath, { ...header, slots: [...header.slots.filter((s) => s.id !== slot.id), slot] });
}

export async function dropSlot(vaultPath: string, vaultId: string, userName: string): Promise<void> {
  const header = await readHeader(vaultPath);
  const id = slotId(vaultId, userName);
  await writeHeader(vaultPath, { ...header, slots: header.slots.filter((s) => s.id !== id) });
}

/** The user's receiving key as the vault records it: a re-key wraps to this, never to what a header says. */
export async function setBoxKey(tx: Database, userName: string, boxSecret: Uint8Array): Promise<string> {
  const publicKey = Buffer.from(boxPublicKeyOf(boxSecret));
  await tx.run('INSERT INTO box_keys (user_name, public_key, created_at) VALUES (?, ?, ?) ON CONFLICT (user_name) DO UPDATE SET public_key = excluded.public_key, created_at = excluded.created_at',
    [userName, publicKey, new Date().toISOString()]);
  return publicKey.toString('hex');
}

/**
 * Moves the owner of a version-1 slot to their own v2 slot (same passphrase, same KDF cost) and
 * rotates their signing key. The header is written after the commit; a crash in between leaves
 * the v1 slot, and the next unlock puts the logged v2 slot in its place.
 */
export async function upgradeLegacySlot(db: Database, o: { path: string; vaultId: string; userName: string; passphrase: string; slot: LegacySlot; dbKey: Buffer }): Promise<OwnKeys> {
  const keys = newOwnKeys();
  const kdf: KdfParams = { ...o.slot.kdf };
  const slot = await makePersonalSlot({
    vaultId: o.vaultId, userName: o.userName, passphrase: o.passphrase, kdf, state: 'active',
    boxSecret: keys.boxSecret, signingSecret: keys.signing.secretKey, dbKey: o.dbKey,
  });
  await db.transaction(async (tx) => {
    const old = await currentPublicKey(tx, o.userName);
    const boxPublicKey = await setBoxKey(tx, o.userName, keys.boxSecret);
    await recordSigningKey(tx, o.userName, keys.signing.publicKey, {
      change: 'signing_key_rotated', reason: 'exposed', boxPublicKey,
      ...(old ? { oldPublicKey: toHex(old.publicKey), oldFingerprint: keyFingerprint(old.publicKey), exposedFrom: old.createdAt } : {}),
      exposedUntil: new Date().toISOString(),
    });
    await logSlotChange(tx, { vaultId: o.vaultId, actor: o.userName, signing: keys.signing, change: 'upgrade', slots: [{ user: o.userName, slot }] });
  });
  // After the commit: a crash before this leaves the v1 slot, replaced by the vault's copy at the next unlock.
  crashPoint('slot:logged');
  await putSlot(o.path, o.vaultId, slot);
  return keys;
}

/** The signing key an active slot unsealed, checked against the key the vault recorded for its owner. */
export async function checkedSigningKey(db: Database, userName: string, slot: PersonalSlot, signingSecret: Uint8Array): Promise<SigningKey> {
  const current = await currentPublicKey(db, userName);
  const box = await db.get<{ public_key: Buffer }>('SELECT public_key FROM box_keys WHERE user_name = ?', [userName]);
  if (!current || toHex(current.publicKey) !== slot.signingPublicKey || box?.public_key.toString('hex') !== slot.boxPublicKey) {
    throw new CustodiaError('E_BAD_VAULT_HEADER', `the key slot of "${userName}" does not hold the keys this vault recorded for them`);
  }
  return { publicKey: current.publicKey, secretKey: signingSecret };
}
