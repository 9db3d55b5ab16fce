// One streaming pass over the custody log: every entry must parse, hash to the value
// stored beside it, name its predecessor's hash and carry the next sequence number.
import type { Database } from '../vault/database';
import { GENESIS_PREV, type CustodyEntry } from '../../shared/custody/custody-entry';
import { leafHash } from '../../shared/custody/merkle';
import { nodeSha256 } from './node-sha256';
import type { ProblemList } from './verify-problems';

interface LogRow {
  seq: number;
  entry: string;
  hash: Buffer;
  actor: string;
  action: string;
  subject: string;
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

function parseEntry(text: string): CustodyEntry | undefined {
  try {
    return JSON.parse(text) as CustodyEntry;
  } catch {
    return undefined;
  }
}

// Creating the vault also creates its first admin: that entry commits to the user's record.
function committedSubject(entry: CustodyEntry): string {
  return entry.action === 'vault_create' && typeof entry.details.user === 'string' ? `user:${entry.details.user}` : entry.subject;
}

export async function scanLog(db: Database, problems: ProblemList): Promise<ScanResult> {
  let leaves = Buffer.alloc(32 * 1024);
  const committed = new Map<string, { seq: number; sha256: string }>();
  const committedRecords = new Map<string, { seq: number; sha256: string }>();
  let expectedSeq = 1;
  let prev = GENESIS_PREV;
  let count = 0;
  await db.each<LogRow>('SELECT seq, entry, hash, actor, action, subject FROM custody_log ORDER BY seq', [], (row) => {
    if (row.seq !== expectedSeq) problems.add({ code: 'E_SEQ_GAP', seq: row.seq, message: `entry ${row.seq} follows ${expectedSeq - 1}: entries are missing or reordered` });
    expectedSeq = row.seq + 1;
    const bytes = Buffer.from(row.entry, 'utf8');
    const actual = Buffer.from(nodeSha256(bytes));
    if (!actual.equals(row.hash)) problems.add({ code: 'E_ENTRY_HASH_MISMATCH', seq: row.seq, message: `entry ${row.seq} does not hash to its stored hash: it was edited` });
    const entry = parseEntry(row.entry);
    // Re-serialising each entry canonically would double the cost; any other byte sequence
    // changes the hash, which the chain, the tree and the checkpoints already catch.
    if (!entry || entry.seq !== row.seq || entry.actor !== row.actor || entry.action !== row.action || entry.subject !== row.subject) {
      problems.add({ code: 'E_ENTRY_HASH_MISMATCH', seq: row.seq, message: `entry ${row.seq} is unreadable or disagrees with its columns` });
    } else if (entry.prev !== prev) {
      problems.add({ code: 'E_CHAIN_BROKEN', seq: row.seq, message: `entry ${row.seq} does not name the hash of entry ${row.seq - 1}: the chain is broken` });
    }
    prev = actual.toString('hex');
    const digest = entry?.details?.sha256;
    if (entry && typeof digest === 'string') committed.set(committedSubject(entry), { seq: entry.seq, sha256: digest });
    const recordDigest = entry?.details?.recordSha256;
    if (entry && typeof recordDigest === 'string') committedRecords.set(entry.subject, { seq: entry.seq, sha256: recordDigest });
    if ((count + 1) * 32 > leaves.length) {
      const grown = Buffer.alloc(leaves.length * 2);
      leaves.copy(grown);
      leaves = grown;
    }
    Buffer.from(leafHash(bytes, nodeSha256)).copy(leaves, count * 32);
    count += 1;
  });
  return { count, leaves: leaves.subarray(0, count * 32), committed, committedRecords };
}
