// Free text committed by hash, both ways: every text an entry committed to is still in
// custody_texts with that hash (the words an auditor's package leaves out must not vanish from the
// vault), and every row there is one an entry committed to (nothing slipped in beside the log).
import type { Database } from '../vault/database';
import { textCommitment } from '../custody/committed-texts';
import type { LogCommitments } from './log-commitments';
import type { ProblemList } from './verify-problems';

export async function verifyTexts(db: Database, log: LogCommitments, problems: ProblemList): Promise<void> {
  const rows = await db.all<{ sha256: string; text: string }>('SELECT sha256, text FROM custody_texts');
  const present = new Set<string>();
  for (const row of rows) {
    present.add(row.sha256);
    if (textCommitment(row.text) !== row.sha256) {
      problems.add({ code: 'E_RECORD_HASH_MISMATCH', seq: log.texts.get(row.sha256), message: `a text a custody entry committed to was altered (${row.sha256.slice(0, 16)}…)` });
    } else if (!log.texts.has(row.sha256)) {
      problems.add({ code: 'E_RECORD_UNLOGGED', message: `custody_texts holds a text no custody entry committed to (${row.sha256.slice(0, 16)}…)` });
    }
  }
  for (const [sha256, seq] of log.texts) {
    if (!present.has(sha256)) problems.add({ code: 'E_RECORD_MISSING', seq, message: `the text custody entry ${seq} committed to is gone from the vault` });
  }
}
