// The key header against the log, both ways: every slot in the header must be the one the
// latest key_slot entry of its user vouches for (E_SLOT_NOT_IN_LOG: re-wrapped outside
// Custodia; E_KEY_HEADER_STALE: a slot the log replaced or removed), and every vouched slot of a
// remaining user must be in the header (E_KEY_HEADER_STALE: a header older than the user). Each
// key_slot entry must be signed by its user (their own change) or an admin, with a key the log
// announced for them. The vault's own copies of the slots are held to the same hashes.
import { loggedPublicKeys } from '../custody/signing-keys';
import { loggedAdmins, SLOT_COPY_PREFIX, slotHistory, vouchFault } from '../custody/slot-log';
import type { Database } from '../vault/database';
import type { KeySlot, VaultHeader } from '../vault/header-file';
import { slotHash, slotId } from '../vault/key-slots';
import type { ProblemList } from './verify-problems';

export async function verifySlots(db: Database, header: VaultHeader, problems: ProblemList): Promise<void> {
  const history = await slotHistory(db);
  const keys = await loggedPublicKeys(db);
  const admins = await loggedAdmins(db);
  const seen = new Set<number>();
  for (const list of history.byUser.values()) {
    for (const { entry } of list) {
      if (seen.has(entry.seq)) continue;
      seen.add(entry.seq);
      const fault = vouchFault(header.vaultId, entry, keys, admins);
      if (fault) problems.add({ code: 'E_SLOT_NOT_IN_LOG', seq: entry.seq, message: `key_slot entry ${entry.seq} vouches for nothing: ${fault}` });
    }
  }
  // A vault from before slots were logged has nothing to compare until an admin unlocks it.
  if (!history.bound && history.byUser.size === 0) return;

  // Who is a user, and who was removed, as the log says (the users table is verify-records' concern).
  const tableNames = await db.all<{ name: string }>('SELECT name FROM users');
  const names = new Set([...history.byUser.keys(), ...tableNames.map((u) => u.name)]);
  const byId = new Map([...names].map((name) => [slotId(header.vaultId, name), name]));
  const inHeader = new Set<string>();
  for (const slot of header.slots) {
    const name = byId.get(slot.id);
    if (name === undefined) {
      problems.add({ code: 'E_SLOT_NOT_IN_LOG', message: 'the key header holds a slot of no user of this vault' });
      continue;
    }
    inHeader.add(name);
    checkSlot(name, slot, history.byUser.get(name) ?? [], 'the key header', problems);
  }
  for (const [name, vouches] of history.byUser) {
    const latest = vouches.at(-1);
    if (latest?.sha256 && !inHeader.has(name)) {
      problems.add({ code: 'E_KEY_HEADER_STALE', seq: latest.seq, message: `the key slot custody entry ${latest.seq} vouched for ${name} is missing from the key header: the header is older than the log, or was cut` });
    }
  }
  const copies = await db.all<{ key: string; value: string }>('SELECT key, value FROM vault_meta WHERE key >= ? AND key < ?', [SLOT_COPY_PREFIX, 'key_slot;']);
  for (const copy of copies) {
    const name = byId.get(copy.key.slice(SLOT_COPY_PREFIX.length));
    if (name === undefined) problems.add({ code: 'E_SLOT_NOT_IN_LOG', message: 'the vault keeps a copy of a key slot of no user' });
    else checkSlot(name, JSON.parse(copy.value) as KeySlot, history.byUser.get(name) ?? [], "the vault's copy", problems);
  }
}

function checkSlot(user: string, slot: KeySlot, vouches: readonly { sha256: string | null; seq: number }[], where: string, problems: ProblemList): void {
  const hash = slotHash(slot);
  const latest = vouches.at(-1);
  if (latest?.sha256 === hash) return;
  // A removal is logged with a null hash: the slot of a removed user is one the log replaced.
  if (latest?.sha256 === null || vouches.some((v) => v.sha256 === hash)) {
    problems.add({ code: 'E_KEY_HEADER_STALE', seq: latest?.seq, message: `${where} holds a key slot of ${user} that the custody log replaced or removed (entry ${latest?.seq ?? 0}): an old copy` });
  } else {
    problems.add({ code: 'E_SLOT_NOT_IN_LOG', message: `no custody entry vouches for the key slot of ${user} in ${where}: it was re-wrapped outside Custodia` });
  }
}
