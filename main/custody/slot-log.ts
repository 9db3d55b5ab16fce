// The key header bound to the log: every change of a key slot is a `key_slot` entry carrying the
// slot's hash (vault/key-slots.ts slotHash), signed with the Ed25519 key of the user it concerns
// (activation, passphrase, upgrade) or of an admin (create, add, remove, trust on first use). A
// slot the log does not vouch for opens nothing (accounts/slot-binding.ts), so a colleague who
// holds the database key cannot re-wrap another user's slot, and an old header copied back does
// not revive an old passphrase. The vault also keeps its own copy of each vouched slot
// (vault_meta `key_slot:<id>`), from which a header left behind by a crash is brought up to date.
// The hash is `slotSha256`, never `sha256`: that one names a user record's content (record-hash.ts).
import { ed25519 } from '@noble/curves/ed25519.js';
import { parseLowerHex, toHex, utf8 } from '../../shared/custody/bytes';
import { canonicalJson } from '../../shared/custody/canonical-json';
import type { CustodyEntry } from '../../shared/custody/custody-entry';
import type { Database } from '../vault/database';
import type { KeySlot } from '../vault/header-file';
import { slotHash, slotId } from '../vault/key-slots';
import { appendCustody } from './custody-log';
import type { SigningKey } from './signing-keys';
import { parseStoredEntry } from './stored-entry';

/**
 * create: vault init; trust_on_first_use: an admin vouched for a pre-existing header's slots at
 * once; auditor_keyless: an admin dropped the slot an auditor held before auditors got none.
 */
export type SlotChange = 'create' | 'add' | 'activate' | 'passphrase' | 'upgrade' | 'remove' | 'trust_on_first_use' | 'auditor_keyless';
/** Changes only the user concerned may sign; the others need an admin. */
export const OWN_CHANGES: ReadonlySet<string> = new Set(['activate', 'passphrase', 'upgrade']);

const PURPOSE = 'custodia/key-slot-entry/v1';
const copyKey = (id: string): string => `key_slot:${id}`;
export const SLOT_COPY_PREFIX = 'key_slot:';

export interface VouchedSlot {
  user: string;
  /** null: the slot was removed. */
  sha256: string | null;
}

/** The bytes a key_slot entry's signature covers: which vault, which change, which slots. */
export function slotStatement(vaultId: string, change: string, slots: readonly VouchedSlot[]): Uint8Array {
  return utf8(canonicalJson({ purpose: PURPOSE, vaultId, change, slots: slots.map((s) => ({ user: s.user, sha256: s.sha256 })) }));
}

/**
 * Why an entry vouches for nothing, or null when it does: its signature must verify under a key
 * the log announced for its actor, and the actor must be an admin or, for their own change, the
 * user it concerns. `keys` maps announced public keys to their users (loggedPublicKeys).
 */
export function vouchFault(vaultId: string, e: CustodyEntry, keys: ReadonlyMap<string, string>, admins: ReadonlySet<string>): string | null {
  if (!verifySlotSignature(vaultId, e)) return 'its signature does not verify';
  if (keys.get(String(e.details.signer)) !== e.actor) return `it is signed with a key the log never gave ${e.actor}`;
  if (admins.has(e.actor)) return null;
  const own = OWN_CHANGES.has(String(e.details.change)) && e.subject === `user:${e.actor}`;
  return own ? null : `${e.actor} may not sign this change`;
}

export function verifySlotSignature(vaultId: string, e: CustodyEntry): boolean {
  const d = e.details;
  const signature = parseLowerHex(d.signature, 64);
  const signer = parseLowerHex(d.signer, 32);
  if (!signature || !signer || typeof d.change !== 'string') return false;
  try {
    return ed25519.verify(signature, slotStatement(vaultId, d.change, slotsOf(e)), signer, { zip215: false });
  } catch {
    return false;
  }
}

/** The slots an entry vouches for: its subject's, or the list a trust-on-first-use entry carries. */
export function slotsOf(e: CustodyEntry): VouchedSlot[] {
  const d = e.details;
  if (Array.isArray(d.slots)) {
    return d.slots.flatMap((s: unknown) => {
      const o = s as Record<string, unknown>;
      return typeof o.user === 'string' && (typeof o.slotSha256 === 'string' || o.slotSha256 === null) ? [{ user: o.user, sha256: o.slotSha256 }] : [];
    });
  }
  if (!e.subject.startsWith('user:')) return [];
  return [{ user: e.subject.slice('user:'.length), sha256: typeof d.slotSha256 === 'string' ? d.slotSha256 : null }];
}

export interface SlotLogInput {
  vaultId: string;
  actor: string;
  signing: SigningKey;
  change: SlotChange;
  /** The new slots by user; a null slot was removed. */
  slots: readonly { user: string; slot: KeySlot | null }[];
}

/** Logs one slot change and keeps the vault's copy of each slot, in the caller's transaction. */
export async function logSlotChange(tx: Database, o: SlotLogInput): Promise<void> {
  const vouched = o.slots.map((s) => ({ user: s.user, sha256: s.slot ? slotHash(s.slot) : null }));
  const signature = toHex(ed25519.sign(slotStatement(o.vaultId, o.change, vouched), o.signing.secretKey));
  const signed = { change: o.change, signer: toHex(o.signing.publicKey), signature };
  const single = o.slots.length === 1 && o.change !== 'trust_on_first_use' ? vouched[0] : undefined;
  await appendCustody(tx, single
    ? { actor: o.actor, action: 'key_slot', subject: `user:${single.user}`, details: { ...signed, slotSha256: single.sha256 } }
    : { actor: o.actor, action: 'key_slot', subject: 'vault', details: { ...signed, slots: vouched.map((v) => ({ user: v.user, slotSha256: v.sha256 })), trustOnFirstUse: o.change === 'trust_on_first_use' } });
  for (const s of o.slots) await storeSlotCopy(tx, o.vaultId, s.user, s.slot);
}

/** The vault's copy of a user's slot (wraps included); a re-key refreshes the wraps. */
export async function storeSlotCopy(tx: Database, vaultId: string, user: string, slot: KeySlot | null): Promise<void> {
  const key = copyKey(slotId(vaultId, user));
  if (!slot) await tx.run('DELETE FROM vault_meta WHERE key = ?', [key]);
  else await tx.run('INSERT INTO vault_meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value', [key, JSON.stringify(slot)]);
}

export async function slotCopy(db: Database, vaultId: string, user: string): Promise<unknown> {
  const row = await db.get<{ value: string }>('SELECT value FROM vault_meta WHERE key = ?', [copyKey(slotId(vaultId, user))]);
  return row ? JSON.parse(row.value) : undefined;
}

/**
 * The admins as the log made them (vault_create, user_add), not as the users table says now: a
 * table an insider can rewrite must not decide who may vouch for a slot.
 */
export async function loggedAdmins(db: Database): Promise<Set<string>> {
  const rows = await db.all<{ entry: string }>(
    "SELECT entry FROM custody_log WHERE ((subject >= 'user:' AND subject < 'user;' AND action = 'user_add') OR (subject = 'vault' AND action = 'vault_create')) ORDER BY seq");
  const admins = new Set<string>();
  for (const { entry } of rows) {
    const d = parseStoredEntry(entry).details;
    if (d.role === 'admin' && typeof d.user === 'string') admins.add(d.user);
  }
  return admins;
}

export interface SlotHistory {
  /** False for a vault made before slots were logged, until an admin vouches for its header. */
  bound: boolean;
  /** Per user, every hash the log vouched for in order, with the entry that did; the last one counts. */
  byUser: Map<string, { sha256: string | null; seq: number; entry: CustodyEntry }[]>;
}

/** Every key_slot entry, by user; few (one per slot change), read through the action's rows. */
export async function slotHistory(db: Database): Promise<SlotHistory> {
  // Through the subject index: the log may hold millions of entries, slot entries are few.
  const rows = await db.all<{ entry: string }>(
    "SELECT entry FROM custody_log WHERE ((subject >= 'user:' AND subject < 'user;') OR subject = 'vault') AND action = 'key_slot' ORDER BY seq");
  const byUser: SlotHistory['byUser'] = new Map();
  let bound = false;
  for (const { entry } of rows) {
    const e = parseStoredEntry(entry);
    if (e.details.change === 'create' || e.details.change === 'trust_on_first_use') bound = true;
    for (const s of slotsOf(e)) {
      const list = byUser.get(s.user) ?? [];
      list.push({ sha256: s.sha256, seq: e.seq, entry: e });
      byUser.set(s.user, list);
    }
  }
  return { bound, byUser };
}

/**
 * True when a slot was taken away (a removal, an auditor's slot dropped) after the last rotation
 * of the vault key: whoever kept a copy of that slot still holds the key, so it is owed a
 * rotation. Read from the log, so a crash between the drop and the rotation is not forgotten.
 */
export async function keyRotationOwed(db: Database): Promise<boolean> {
  const dropped = await db.get<{ seq: number | null }>(
    "SELECT max(seq) AS seq FROM custody_log WHERE subject >= 'user:' AND subject < 'user;' AND action = 'key_slot' AND json_extract(entry, '$.details.slotSha256') IS NULL AND json_extract(entry, '$.details.change') IN ('remove', 'auditor_keyless')");
  if (dropped?.seq == null) return false;
  const rotated = await db.get<{ seq: number | null }>(
    "SELECT max(seq) AS seq FROM custody_log WHERE subject = 'vault' AND action = 'key_change' AND json_extract(entry, '$.details.change') = 'vault_key'");
  return rotated?.seq == null || rotated.seq < dropped.seq;
}
