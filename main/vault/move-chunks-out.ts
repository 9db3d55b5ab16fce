// Migration 010's second half: the chunks of a vault made before evidence objects move out of
// the database into FILE.objects/, one item per transaction (its objects written, then its object
// rows committed), so a crash loses at most the item under way, whose objects the sweep removes
// and which the next open moves again. Each chunk is read alone (memory stays at a few chunks).
// Once no item is left, the chunk table is dropped in the transaction that logs the move, and
// the file shrinks (VACUUM: it rewrites the pages left, records and log, not the evidence).
import type { Database } from './database';
import { crashPoint } from '../platform/crash-point';
import { ObjectWriter } from './object-writer';
import type { VaultObjects } from './object-store';

export type MoveProgress = (bytesMoved: number, bytesTotal: number) => void;
export interface MovedChunks { items: number; bytes: number }

async function hasChunkTable(db: Database): Promise<boolean> {
  return (await db.get("SELECT 1 AS x FROM sqlite_master WHERE type = 'table' AND name = 'evidence_chunks'")) !== undefined;
}

/**
 * VACUUM copies the database through a temporary one: in memory, so no page leaves the encrypted
 * file. In WAL mode the new pages land in the WAL first; the checkpoint puts them in the file and
 * truncates both.
 */
async function shrink(db: Database): Promise<void> {
  await db.exec('PRAGMA temp_store = MEMORY');
  await db.exec('VACUUM');
  await db.get('PRAGMA wal_checkpoint(TRUNCATE)');
}

/** After a crash between the drop and the VACUUM: a file of mostly free pages is shrunk at the next open. */
async function shrinkIfMostlyFree(db: Database): Promise<void> {
  const free = (await db.get<{ freelist_count: number }>('PRAGMA freelist_count'))?.freelist_count ?? 0;
  const all = (await db.get<{ page_count: number }>('PRAGMA page_count'))?.page_count ?? 0;
  if (free > 16 && free * 2 > all) await shrink(db);
}

async function moveItem(db: Database, objects: VaultObjects, evidenceId: number): Promise<void> {
  return db.transaction(async (tx) => {
    const seqs = await tx.all<{ seq: number }>('SELECT seq FROM evidence_chunks WHERE evidence_id = ? ORDER BY seq', [evidenceId]);
    const writer = new ObjectWriter(tx, objects, evidenceId);
    try {
      for (const { seq } of seqs) {
        const row = await tx.get<{ data: Buffer }>('SELECT data FROM evidence_chunks WHERE evidence_id = ? AND seq = ?', [evidenceId, seq]);
        if (!row) continue;
        await writer.add(row.data);
        crashPoint('objects:writing');
      }
      await writer.finish();
    } catch (e) {
      await writer.discard();
      throw e;
    }
  });
}

/**
 * Moves what is left to move; returns null when there was nothing (a vault made with objects, or
 * moved already). logMoved runs in the transaction that drops the chunk table.
 */
export async function moveChunksOut(
  db: Database,
  objects: VaultObjects,
  o: { onProgress?: MoveProgress; logMoved: (tx: Database, moved: MovedChunks) => Promise<void> },
): Promise<MovedChunks | null> {
  if (!(await hasChunkTable(db))) {
    await shrinkIfMostlyFree(db);
    return null;
  }
  // Every item the table holds chunks of, moved or not: progress and the entry count the whole
  // move, however many runs a crash split it into.
  const chunked = await db.all<{ id: number; bytes: number; moved: number }>(`
    SELECT id, bytes, id IN (SELECT evidence_id FROM evidence_objects) AS moved
    FROM evidence WHERE id IN (SELECT evidence_id FROM evidence_chunks) ORDER BY id`);
  const all: MovedChunks = { items: chunked.length, bytes: chunked.reduce((n, r) => n + r.bytes, 0) };
  let done = chunked.filter((r) => r.moved === 1).reduce((n, r) => n + r.bytes, 0);
  const left = chunked.filter((r) => r.moved === 0);
  if (left.length > 0) o.onProgress?.(done, all.bytes);
  for (const item of left) {
    await moveItem(db, objects, item.id);
    done += item.bytes;
    o.onProgress?.(done, all.bytes);
    crashPoint('objects:item-moved');
  }
  // SQLCipher zeroes freed pages by default: for the chunk table that would write every byte of
  // evidence once more (11 of 22 s for 1 GiB, test/bench/move-chunks-out.bench.ts). The pages are
  // ciphertext, and the VACUUM below leaves them out of the file.
  await db.exec('PRAGMA secure_delete = OFF');
  try {
    await db.transaction(async (tx) => {
      await tx.exec('DROP TABLE evidence_chunks');
      // A new vault, or one with no evidence yet, drops an empty table: nothing changed place.
      if (all.items > 0) await o.logMoved(tx, all);
    });
  } finally {
    await db.exec('PRAGMA secure_delete = ON');
  }
  crashPoint('objects:dropped');
  if (all.items > 0) await shrink(db);
  return all;
}
