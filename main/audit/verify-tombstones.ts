// Tombstones both ways. A tombstone hides a case, an incident or an evidence item from lists and
// dossiers, so one slipped in with SQL buries a record: each must be the tombstone of a `delete`
// entry, with that entry's reason (or its hash), actor and (for entries that record it) time. And a `delete`
// entry whose tombstone is gone means a deleted record came back.
import type { Database } from '../vault/database';
import { textCommitment } from '../custody/committed-texts';
import { TOMBSTONED, type Deletion, type LogCommitments } from './log-commitments';
import type { ProblemList } from './verify-problems';

interface TombstoneRow {
  subject_type: string;
  subject_id: number;
  reason: string;
  deleted_at: string;
  deleted_by: string;
}

/** Newer entries commit to the reason by hash (the words stay in the tombstone); older ones quote it. */
function sameReason(d: Deletion, reason: string): boolean {
  return d.reasonSha256 !== null ? d.reasonSha256 === textCommitment(reason) : d.reason === reason;
}

export async function verifyTombstones(db: Database, log: LogCommitments, problems: ProblemList): Promise<void> {
  const rows = await db.all<TombstoneRow>('SELECT subject_type, subject_id, reason, deleted_at, deleted_by FROM tombstones');
  const present = new Set<string>();
  for (const t of rows) {
    const subject = `${t.subject_type}:${t.subject_id}`;
    present.add(subject);
    const d = log.deletions.get(subject);
    if (!d) {
      problems.add({ code: 'E_TOMBSTONE_UNLOGGED', message: `${subject} is marked deleted, but no delete entry says so: it was hidden behind the log's back` });
    } else if (!sameReason(d, t.reason) || d.actor !== t.deleted_by || (d.deletedAt !== null && d.deletedAt !== t.deleted_at)) {
      problems.add({ code: 'E_TOMBSTONE_ALTERED', seq: d.seq, message: `${subject}: its deletion's reason, author or time differ from custody entry ${d.seq}` });
    }
  }
  for (const [subject, d] of log.deletions) {
    if (TOMBSTONED.test(subject) && !present.has(subject)) {
      problems.add({ code: 'E_TOMBSTONE_MISSING', seq: d.seq, message: `${subject} was deleted by custody entry ${d.seq}, but its tombstone is gone: it was brought back` });
    }
  }
}
