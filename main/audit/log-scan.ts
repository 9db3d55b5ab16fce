// One pass over the custody log: every entry must hash to the value stored beside it, name its
// predecessor's hash, carry the next sequence number, and agree with the columns that index it.
// The log arrives in slices (log-slices.ts); each entry is parsed once here, which also yields
// what the vault must hold (log-commitments.ts), which verify-content.ts checks the tables against.
import { hash } from 'node:crypto';
import type { Database } from '../vault/database';
import { GENESIS_PREV } from '../../shared/custody/custody-entry';
import type { ProblemList } from './verify-problems';
import { forEachLogSlice, yieldToIo, type Columns } from './log-slices';

/** Entries checked between two yields to the event loop, so SQLite reads the next slice meanwhile. */
const YIELD_EVERY = 1024;
import { TreeWorker } from './tree-worker';
import { LogCommitments } from './log-commitments';
import type { TreeLevels } from '../custody/tree-levels';

export interface ScanResult {
  count: number;
  /** The Merkle tree recomputed from the entries (its levels[0] is leaves). */
  tree: TreeLevels;
  /** Leaf hashes, 32 bytes each, in leaf order. */
  leaves: Buffer;
  /** What the entries say the vault must hold. */
  commitments: LogCommitments;
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
  const commitments = new LogCommitments();
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
    if (e) commitments.note(seq, actor, action, subject, detailsOf(e));
  };

  await forEachLogSlice(db, async (slice) => {
    worker.add(slice.text ?? slice.entries);
    for (let i = 0; i < slice.entries.length; i += 1) {
      if (i % YIELD_EVERY === 0) await yieldToIo();
      check(slice.entries[i] as string, slice.storedHashes, i, slice.columns[i] as Columns);
    }
  });
  const tree = await worker.finish();
  return { count, tree, leaves: tree.levels[0] as Buffer, commitments };
}
