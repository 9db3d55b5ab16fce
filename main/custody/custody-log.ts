// Appending to the custody log: one canonical JSON entry, chained to the previous one by hash
// and added as a leaf of the Merkle tree, inside the caller's transaction so the record and
// its custody entry commit or vanish together.
import type { Database } from '../vault/database';
import { canonicalJson } from '../../shared/custody/canonical-json';
import { GENESIS_PREV, type CustodyAction, type CustodyEntry } from '../../shared/custody/custody-entry';
import { leafHash } from '../../shared/custody/merkle';
import { utf8 } from '../../shared/custody/bytes';
import { nodeSha256 } from './node-sha256';
import { appendLeaf } from './merkle-store';

export interface CustodyInput {
  actor: string;
  action: CustodyAction;
  subject: string;
  details: Record<string, unknown>;
}

export async function appendCustody(tx: Database, input: CustodyInput): Promise<CustodyEntry> {
  const tail = await tx.get<{ seq: number; hash: Buffer }>('SELECT seq, hash FROM custody_log ORDER BY seq DESC LIMIT 1');
  const entry: CustodyEntry = {
    seq: (tail?.seq ?? 0) + 1,
    at: new Date().toISOString(),
    actor: input.actor,
    action: input.action,
    subject: input.subject,
    details: input.details,
    prev: tail ? tail.hash.toString('hex') : GENESIS_PREV,
  };
  const text = canonicalJson(entry);
  const bytes = utf8(text);
  await tx.run('INSERT INTO custody_log (seq, entry, hash, actor, action, subject) VALUES (?, ?, ?, ?, ?, ?)', [
    entry.seq, text, Buffer.from(nodeSha256(bytes)), entry.actor, entry.action, entry.subject,
  ]);
  await appendLeaf(tx, entry.seq - 1, leafHash(bytes, nodeSha256));
  return entry;
}

/** Entries concerning one subject, oldest first (custody timeline of an item). */
export async function entriesFor(db: Database, subject: string): Promise<CustodyEntry[]> {
  const rows = await db.all<{ entry: string }>('SELECT entry FROM custody_log WHERE subject = ? ORDER BY seq', [subject]);
  return rows.map((r) => JSON.parse(r.entry) as CustodyEntry);
}

export async function treeSize(db: Database): Promise<number> {
  const row = await db.get<{ n: number | null }>('SELECT MAX(seq) AS n FROM custody_log');
  return row?.n ?? 0;
}
