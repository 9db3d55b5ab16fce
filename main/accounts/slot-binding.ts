// At unlock, after the slot opened the database: is this slot the one the log vouches for? The
// slot must be unwrapped first (the log is inside the database), so this answers only someone
// who already gave the right passphrase for the slot in the header: it tells an unknown user
// from a known one no more than E_BAD_PASSPHRASE does (item 8, T1).
import { CustodiaError } from '../../shared/errors/error-codes';
import { loggedPublicKeys, type SigningKey } from '../custody/signing-keys';
import { loggedAdmins, logSlotChange, slotCopy, slotHistory, vouchFault } from '../custody/slot-log';
import type { Database } from '../vault/database';
import { readHeader, writeHeader, type KeySlot } from '../vault/header-file';
import { isPersonal, slotHash, slotId } from '../vault/key-slots';

/**
 * Refuses a slot the log does not vouch for (E_SLOT_NOT_IN_LOG: a re-wrapped slot) or an older
 * one the log replaced (E_KEY_HEADER_STALE: an old header copied back, or a crash between the
 * logged change and the header write). In the stale case the vault's own copy of the vouched
 * slot goes back into the header, so the user's current passphrase opens it next time.
 */
export async function checkSlotVouched(db: Database, o: { path: string; vaultId: string; userName: string; slot: KeySlot }): Promise<void> {
  const history = await slotHistory(db);
  const vouches = history.byUser.get(o.userName) ?? [];
  // A vault from before slots were logged: nothing to compare yet (the first admin unlock vouches).
  if (!history.bound && vouches.length === 0) return;
  const latest = vouches.at(-1);
  const hash = slotHash(o.slot);
  if (latest?.sha256 === hash) {
    const fault = vouchFault(o.vaultId, latest.entry, await loggedPublicKeys(db), await loggedAdmins(db));
    if (!fault) return;
    throw new CustodiaError('E_SLOT_NOT_IN_LOG', `the key slot of "${o.userName}" is vouched for only by custody entry ${latest.seq}, and ${fault}`);
  }
  const earlier = vouches.some((v) => v.sha256 === hash);
  const copy = await slotCopy(db, o.vaultId, o.userName);
  const restorable = latest?.sha256 && copy !== undefined && slotHash(copy as KeySlot) === latest.sha256;
  if (restorable && (earlier || !isPersonal(o.slot))) {
    const header = await readHeader(o.path);
    const id = slotId(o.vaultId, o.userName);
    await writeHeader(o.path, { ...header, slots: [...header.slots.filter((s) => s.id !== id), copy as KeySlot] });
    throw new CustodiaError('E_KEY_HEADER_STALE', `the key slot of "${o.userName}" in the header is older than the custody log (entry ${latest.seq}); the header now holds the current one: unlock again with your current passphrase`);
  }
  if (earlier) throw new CustodiaError('E_KEY_HEADER_STALE', `the key slot of "${o.userName}" is one the custody log replaced (entry ${latest?.seq ?? 0}): the key header is an old copy`);
  throw new CustodiaError('E_SLOT_NOT_IN_LOG', `no custody entry vouches for the key slot of "${o.userName}": someone re-wrapped it`);
}

/**
 * Drops from the header the slots of users the log says were removed: what a crash between a
 * logged removal and its header write leaves. Only ever takes access away; returns how many.
 */
export async function dropRemovedSlots(db: Database, o: { path: string; vaultId: string }): Promise<number> {
  const history = await slotHistory(db);
  const removed = new Set([...history.byUser].filter(([, v]) => v.length > 0 && v.at(-1)?.sha256 === null).map(([name]) => slotId(o.vaultId, name)));
  const header = await readHeader(o.path);
  const kept = header.slots.filter((s) => !removed.has(s.id));
  if (kept.length === header.slots.length) return 0;
  await writeHeader(o.path, { ...header, slots: kept });
  return header.slots.length - kept.length;
}

/**
 * A vault whose log has no slot entries (made before them): the first admin unlock vouches for
 * every slot of the header as it is, in one admin-signed entry marked trustOnFirstUse, so a
 * reader knows these slots were taken on trust, not seen being made.
 */
export async function vouchExistingSlots(db: Database, o: { path: string; vaultId: string; admin: string; signing: SigningKey }): Promise<boolean> {
  if ((await slotHistory(db)).bound) return false;
  const header = await readHeader(o.path);
  const users = await db.all<{ name: string }>('SELECT name FROM users WHERE removed_at IS NULL ORDER BY name');
  const byId = new Map(header.slots.map((s) => [s.id, s]));
  const slots = users.flatMap((u) => {
    const slot = byId.get(slotId(o.vaultId, u.name));
    return slot ? [{ user: u.name, slot }] : [];
  });
  await db.transaction((tx) => logSlotChange(tx, { vaultId: o.vaultId, actor: o.admin, signing: o.signing, change: 'trust_on_first_use', slots }));
  return true;
}

/**
 * Auditors hold no key to the content (accounts/users.ts), but a vault from before that rule
 * gave them a slot. An admin's unlock drops each such slot, logged as a key_slot change signed
 * by the admin; the vault key is then owed a rotation (custody/slot-log.ts keyRotationOwed) so a
 * saved copy of the slot opens nothing newer. Returns whose slots went.
 */
export async function dropAuditorSlots(db: Database, o: { path: string; vaultId: string; admin: string; signing: SigningKey }): Promise<string[]> {
  const header = await readHeader(o.path);
  const ids = new Set(header.slots.map((s) => s.id));
  const auditors = await db.all<{ name: string }>("SELECT name FROM users WHERE role = 'auditor' AND removed_at IS NULL ORDER BY name");
  const holding = auditors.map((a) => a.name).filter((name) => ids.has(slotId(o.vaultId, name)));
  if (holding.length === 0) return [];
  await db.transaction(async (tx) => {
    for (const user of holding) await logSlotChange(tx, { vaultId: o.vaultId, actor: o.admin, signing: o.signing, change: 'auditor_keyless', slots: [{ user, slot: null }] });
  });
  // After the commit: a crash before this leaves slots the log removed, dropped at the next unlock.
  const gone = new Set(holding.map((name) => slotId(o.vaultId, name)));
  const now = await readHeader(o.path);
  await writeHeader(o.path, { ...now, slots: now.slots.filter((s) => !gone.has(s.id)) });
  return holding;
}
