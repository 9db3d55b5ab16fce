// Appending to the custody log: canonical JSON entries, chained to their predecessors by hash
// and added as leaves of the Merkle tree, inside the caller's transaction so a record and its
// custody entry commit or vanish together. Entries and tree nodes are computed in memory and
// written with a few multi-row INSERTs: per-statement overhead, not hashing, bounds append speed.
import type { Database, SqlValue } from '../vault/database';
import { canonicalJson } from '../../shared/custody/canonical-json';
import { GENESIS_PREV, type CustodyAction, type CustodyEntry } from '../../shared/custody/custody-entry';
import { leafHash } from '../../shared/custody/merkle';
import { nodeSha256 } from '../platform/sha256';
import { appendLeaves } from './merkle-store';
import { insertRows } from '../vault/insert-rows';

export interface CustodyInput {
  actor: string;
  action: CustodyAction;
  subject: string;
  details: Record<string, unknown>;
}

export async function appendCustody(tx: Database, input: CustodyInput): Promise<CustodyEntry> {
  const [entry] = await appendCustodyBatch(tx, [input]);
  return entry as CustodyEntry;
}

/** Appends entries in order; all share one transaction (the caller's). */
export async function appendCustodyBatch(tx: Database, inputs: readonly CustodyInput[]): Promise<CustodyEntry[]> {
  const tail = await tx.get<{ seq: number; hash: Buffer }>('SELECT seq, hash FROM custody_log ORDER BY seq DESC LIMIT 1');
  let seq = tail?.seq ?? 0;
  let prev = tail ? tail.hash.toString('hex') : GENESIS_PREV;
  const at = new Date().toISOString();
  const entries: CustodyEntry[] = [];
  const rows: SqlValue[][] = [];
  const leaves: Uint8Array[] = [];
  for (const input of inputs) {
    seq += 1;
    const entry: CustodyEntry = { seq, at, actor: input.actor, action: input.action, subject: input.subject, details: input.details, prev };
    const bytes = Buffer.from(canonicalJson(entry), 'utf8');
    const hash = Buffer.from(nodeSha256(bytes));
    rows.push([seq, bytes.toString('utf8'), hash, entry.actor, entry.action, entry.subject]);
    leaves.push(leafHash(bytes, nodeSha256));
    entries.push(entry);
    prev = hash.toString('hex');
  }
  await insertRows(tx, 'custody_log', ['seq', 'entry', 'hash', 'actor', 'action', 'subject'], rows);
  await appendLeaves(tx, (tail?.seq ?? 0), leaves);
  return entries;
}

export async function treeSize(db: Database): Promise<number> {
  const row = await db.get<{ n: number | null }>('SELECT MAX(seq) AS n FROM custody_log');
  return row?.n ?? 0;
}
