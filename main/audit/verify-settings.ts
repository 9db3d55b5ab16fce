// The vault's settings that reach outside it: the organisation's name goes on every dossier, the
// vault id into every checkpoint's origin. Both were committed to by the vault_create entry; the
// creation time is informational and nothing reads it for an export. Any other key is unknown to
// this version, so nothing accounts for it. The copies of key slots (`key_slot:<id>`) are held to
// their key_slot entries by verify-slots.ts.
import { SLOT_COPY_PREFIX } from '../custody/slot-log';
import type { Database } from '../vault/database';
import type { LogCommitments } from './log-commitments';
import type { ProblemList } from './verify-problems';

const INFORMATIONAL = new Set(['created_at']);

export async function verifySettings(db: Database, log: LogCommitments, problems: ProblemList): Promise<void> {
  const rows = await db.all<{ key: string; value: string }>('SELECT key, value FROM vault_meta');
  const stored = new Map(rows.map((r) => [r.key, r.value]));
  const committed = new Map<string, string | null>([['vault_id', log.vault?.vaultId ?? null], ['organisation', log.vault?.organisation ?? null]]);
  for (const [key, value] of committed) {
    if ((stored.get(key) ?? null) !== value) {
      problems.add({ code: 'E_SETTING_ALTERED', seq: log.vault?.seq, message: `the vault's ${key} is not what its vault_create entry recorded: it was altered` });
    }
  }
  for (const key of stored.keys()) {
    if (!committed.has(key) && !INFORMATIONAL.has(key) && !key.startsWith(SLOT_COPY_PREFIX)) {
      problems.add({ code: 'E_SETTING_ALTERED', message: `the vault setting ${key.slice(0, 40)} is accounted for by no custody entry` });
    }
  }
}
