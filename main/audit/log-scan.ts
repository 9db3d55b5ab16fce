// One pass over the custody log: every entry must hash to the value stored beside it, name its
// predecessor's hash, carry the next sequence number, and agree with the columns that index it.
// The log arrives in slices (log-slices.ts); each entry is parsed once here, which also yields
// the latest content commitment per subject that verify-content.ts checks records against.
import { hash } from 'node:crypto';
import type { Database } from '../vault/database';
import { GENESIS_PREV } from '../../shared/custody/custody-entry';
import type { ProblemList } from './verify-problems';
import { forEachLogSlice, yieldToIo, type Columns } from './log-slices';

/** Entries checked between two yields to the event loop, so SQLite reads the next slice meanwhile. */
const YIELD_EVERY = 1024;
import { TreeWorker } from './tree-worker';
import type { TreeLevels } from '../custody/tree-levels';

export interface ScanResult {
  count: number;
  /** The Merkle tree recomputed from the entries (its levels[0] is leaves). */
  tree: TreeLevels;
  /** Leaf hashes, 32 bytes each, in leaf order. */
  leaves: Buffer;
  /** Latest entry per subject that commits to a content hash (details.sha256). */
  committed: Map<string, { seq: number; sha256: string }>;
  /** Latest entry per subject that commits to a record's metadata apart from its bytes (details.recordSha256). */
  committedRecords: Map<string, { seq: number; sha256: string }>;
}

/** A parsed JSON value as text, as SQLite's json_extract would give it (true is 1). A digest is
 * hex text; anything else here can only mismatch, as it did when SQL extracted it. */
function sqlText(v: unknown): string | null {
  if (v === undefined || v === null) return null;
  if (typeof v === 'boolean') return v ? '1' : '0';
  if (typeof v === 'string') return v;
  return typeof v === 'number' ? String(v) : JSON.stringify(v);
}

function parseObject(entry: string): Record<string, unknown> | undefined {
  try {
    const v: unknown = JSON.parse(entry);
    return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

function detailsOf(e: Record<string, unknown>): Record<string, unknown> {
  const d = e.details;
  return typeof d === 'object' && d !== null && !Array.isArray(d) ? (d as Record<string, unknown>) : {};
}

/** The later entry wins; updating in place spares an object per entry at a million entries. */
function commit(map: ScanResult['committed'], subject: string, seq: number, sha256: string): void {
  const c = map.get(subject);
  if (c) {
    c.seq = seq;
    c.sha256 = sha256;
  } else {
    map.set(subject, { seq, sha256 });
  }
}

export async function scanLog(db: Database, problems: ProblemList): Promise<ScanResult> {
  const worker = new TreeWorker();
  try {
    return await scanWith(db, worker, problems);
  } finally {
    await worker.stop();
  }
}

async function scanWith(db: Database, worker: TreeWorker, problems: ProblemList): Promise<ScanResult> {
  let count = 0;
  const committed: ScanResult['committed'] = new Map();
  const committedRecords: ScanResult['committedRecords'] = new Map();
  let expectedSeq = 1;
  let prev = GENESIS_PREV;

  const check = (entry: string, storedHashes: string, at: number, [seq, actor, action, subject]: Columns): void => {
    if (seq !== expectedSeq) problems.add({ code: 'E_SEQ_GAP', seq, message: `entry ${seq} follows ${expectedSeq - 1}: entries are missing or reordered` });
    expectedSeq = seq + 1;
    const actual = hash('sha256', entry, 'hex');
    // Every stored hash takes exactly 64 characters of storedHashes (log-slices.ts pads a bad one).
    if (!storedHashes.startsWith(actual, at * 64)) problems.add({ code: 'E_ENTRY_HASH_MISMATCH', seq, message: `entry ${seq} does not hash to its stored hash: it was edited` });
    const e = parseObject(entry);
    if (!e || e.seq !== seq || e.actor !== actor || e.action !== action || e.subject !== subject) {
      problems.add({ code: 'E_ENTRY_HASH_MISMATCH', seq, message: `entry ${seq} is unreadable or disagrees with its columns` });
    } else if (e.prev !== prev) {
      problems.add({ code: 'E_CHAIN_BROKEN', seq, message: `entry ${seq} does not name the hash of entry ${seq - 1}: the chain is broken` });
    }
    prev = actual;
    count += 1;
    if (!e) return;
    const details = detailsOf(e);
    // Creating the vault also creates its first admin: that entry commits to the user's record.
    const user = sqlText(details.user);
    const committedSubject = action === 'vault_create' ? (user === null ? null : `user:${user}`) : subject;
    if (committedSubject === null) return;
    const sha256 = sqlText(details.sha256);
    const recordSha256 = sqlText(details.recordSha256);
    if (sha256 !== null) commit(committed, committedSubject, seq, sha256);
    if (recordSha256 !== null) commit(committedRecords, committedSubject, seq, recordSha256);
  };

  await forEachLogSlice(db, async (slice) => {
    worker.add(slice.text ?? slice.entries);
    for (let i = 0; i < slice.entries.length; i += 1) {
      if (i % YIELD_EVERY === 0) await yieldToIo();
      check(slice.entries[i] as string, slice.storedHashes, i, slice.columns[i] as Columns);
    }
  });
  const tree = await worker.finish();
  return { count, tree, leaves: tree.levels[0] as Buffer, committed, committedRecords };
}
