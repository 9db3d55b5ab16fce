// One streaming pass over the custody log: every entry must hash to the value stored beside it,
// name its predecessor's hash, carry the next sequence number, and agree with the columns that
// index it. SQLite's JSON functions pull out the few fields checked here, so no entry is parsed
// in JavaScript: at a million entries, per-row allocations are what bound the speed.
import { hash } from 'node:crypto';
import type { Database } from '../vault/database';
import { GENESIS_PREV } from '../../shared/custody/custody-entry';
import type { ProblemList } from './verify-problems';

interface LogRow {
  seq: number;
  entry: string;
  hash: string;
  /** 1 when the entry's own seq, actor, action and subject equal the indexed columns. */
  agrees: number;
  prev: string | null;
  /** Whose content the entry commits to (see committedSubject below). */
  subject: string | null;
  sha256: string | null;
  recordSha256: string | null;
}

export interface ScanResult {
  count: number;
  /** Leaf hashes, 32 bytes each, in leaf order. */
  leaves: Buffer;
  /** Latest entry per subject that commits to a content hash (details.sha256). */
  committed: Map<string, { seq: number; sha256: string }>;
  /** Latest entry per subject that commits to a record's metadata apart from its bytes (details.recordSha256). */
  committedRecords: Map<string, { seq: number; sha256: string }>;
}

// Creating the vault also creates its first admin: that entry commits to the user's record.
const SCAN_SQL = `
  SELECT seq, entry, lower(hex(hash)) AS hash,
    (json_extract(entry, '$.seq') IS seq AND json_extract(entry, '$.actor') IS actor
      AND json_extract(entry, '$.action') IS action AND json_extract(entry, '$.subject') IS subject) AS agrees,
    json_extract(entry, '$.prev') AS prev,
    CASE WHEN action = 'vault_create' THEN 'user:' || json_extract(entry, '$.details.user') ELSE subject END AS subject,
    json_extract(entry, '$.details.sha256') AS sha256,
    json_extract(entry, '$.details.recordSha256') AS recordSha256
  FROM custody_log ORDER BY seq`;

export async function scanLog(db: Database, problems: ProblemList): Promise<ScanResult> {
  let leaves = Buffer.alloc(32 * 1024);
  const committed = new Map<string, { seq: number; sha256: string }>();
  const committedRecords = new Map<string, { seq: number; sha256: string }>();
  let expectedSeq = 1;
  let prev = GENESIS_PREV;
  let count = 0;
  await db.each<LogRow>(SCAN_SQL, [], (row) => {
    if (row.seq !== expectedSeq) problems.add({ code: 'E_SEQ_GAP', seq: row.seq, message: `entry ${row.seq} follows ${expectedSeq - 1}: entries are missing or reordered` });
    expectedSeq = row.seq + 1;
    const actual = hash('sha256', row.entry, 'hex');
    if (actual !== row.hash) problems.add({ code: 'E_ENTRY_HASH_MISMATCH', seq: row.seq, message: `entry ${row.seq} does not hash to its stored hash: it was edited` });
    if (row.agrees !== 1) {
      problems.add({ code: 'E_ENTRY_HASH_MISMATCH', seq: row.seq, message: `entry ${row.seq} is unreadable or disagrees with its columns` });
    } else if (row.prev !== prev) {
      problems.add({ code: 'E_CHAIN_BROKEN', seq: row.seq, message: `entry ${row.seq} does not name the hash of entry ${row.seq - 1}: the chain is broken` });
    }
    prev = actual;
    if (row.subject !== null && row.sha256 !== null) committed.set(row.subject, { seq: row.seq, sha256: row.sha256 });
    if (row.subject !== null && row.recordSha256 !== null) committedRecords.set(row.subject, { seq: row.seq, sha256: row.recordSha256 });
    if ((count + 1) * 32 > leaves.length) {
      const grown = Buffer.alloc(leaves.length * 2);
      leaves.copy(grown);
      leaves = grown;
    }
    // RFC 9162 leaf hash H(0x00 || entry): U+0000 encodes as the single byte 0x00 in UTF-8.
    leaves.set(hash('sha256', `\u0000${row.entry}`, 'buffer'), count * 32);
    count += 1;
  });
  return { count, leaves: leaves.subarray(0, count * 32), committed, committedRecords };
}
