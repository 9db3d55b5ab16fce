// Receiving keys, both ways: a re-key seals the new database key to each user's recorded X25519
// key, so a key swapped in the table would hand the next database key to whoever holds its
// secret (a removed insider). Each row must be the latest key the log announced for its user
// (user_add, or a key_change that names one), and every announced user must still have a row.
import type { Database } from '../vault/database';
import { parseStoredEntry } from '../custody/stored-entry';
import type { ProblemList } from './verify-problems';

const SOURCES = `SELECT seq, entry FROM custody_log
  WHERE subject >= 'user:' AND subject < 'user;' AND action IN ('user_add', 'key_change') ORDER BY seq`;

export async function verifyBoxKeys(db: Database, problems: ProblemList): Promise<void> {
  const logged = new Map<string, { key: string; seq: number }>();
  for (const { seq, entry } of await db.all<{ seq: number; entry: string }>(SOURCES)) {
    const e = parseStoredEntry(entry);
    if (typeof e.details.boxPublicKey === 'string') logged.set(e.subject.replace(/^user:/, ''), { key: e.details.boxPublicKey, seq });
  }
  const rows = await db.all<{ user_name: string; public_key: Buffer }>('SELECT user_name, public_key FROM box_keys');
  const present = new Set<string>();
  for (const row of rows) {
    present.add(row.user_name);
    const want = logged.get(row.user_name);
    if (!want) problems.add({ code: 'E_RECORD_UNLOGGED', message: `box_keys holds a receiving key for ${row.user_name} that no custody entry announced` });
    else if (row.public_key.toString('hex') !== want.key) problems.add({ code: 'E_RECORD_HASH_MISMATCH', seq: want.seq, message: `the receiving key of ${row.user_name} is not the one custody entry ${want.seq} announced: it was swapped` });
  }
  for (const [user, { seq }] of logged) {
    if (!present.has(user)) problems.add({ code: 'E_RECORD_MISSING', seq, message: `the receiving key custody entry ${seq} announced for ${user} is gone from the vault` });
  }
}
