// Reading an item's chunks back in order, checking count, size and sha256 against the seal.
import { createHash } from 'node:crypto';
import { CustodiaError } from '../../shared/errors/error-codes';
import type { Database } from '../vault/database';

export interface SealedItem {
  id: number;
  sha256: string;
  bytes: number;
  chunkCount: number;
}

function mismatch(item: SealedItem, what: string): CustodiaError {
  return new CustodiaError('E_EVIDENCE_HASH_MISMATCH', `evidence ${item.id} does not match its seal: ${what}`, { evidenceId: item.id });
}

export async function sealedItem(db: Database, id: number): Promise<SealedItem> {
  const row = await db.get<{ sha256: string; bytes: number; chunk_count: number }>(
    'SELECT sha256, bytes, chunk_count FROM evidence WHERE id = ?', [id]);
  if (!row) throw new CustodiaError('E_NOT_FOUND', `no evidence item ${id}`);
  return { id, sha256: row.sha256, bytes: row.bytes, chunkCount: row.chunk_count };
}

/**
 * Yields the original bytes chunk by chunk (one query each, so memory stays at one chunk) and
 * throws E_EVIDENCE_HASH_MISMATCH after the last one unless everything matches the seal:
 * consumers must discard what they received when it throws.
 */
export async function* verifiedChunks(db: Database, item: SealedItem): AsyncGenerator<Buffer> {
  const stored = await db.get<{ n: number }>('SELECT count(*) AS n FROM evidence_chunks WHERE evidence_id = ?', [item.id]);
  if (stored?.n !== item.chunkCount) throw mismatch(item, `${stored?.n ?? 0} chunks stored, ${item.chunkCount} sealed`);
  const hash = createHash('sha256');
  let bytes = 0;
  for (let seq = 0; seq < item.chunkCount; seq++) {
    const row = await db.get<{ data: Buffer }>('SELECT data FROM evidence_chunks WHERE evidence_id = ? AND seq = ?', [item.id, seq]);
    if (!row) throw mismatch(item, `chunk ${seq} is missing`);
    hash.update(row.data);
    bytes += row.data.length;
    yield row.data;
  }
  if (bytes !== item.bytes) throw mismatch(item, `${bytes} bytes stored, ${item.bytes} sealed`);
  if (hash.digest('hex') !== item.sha256) throw mismatch(item, 'sha256 differs');
}

/** Re-hashes a stored item without handing its bytes to anyone (for `log verify`). */
export async function checkStoredEvidence(db: Database, id: number): Promise<SealedItem> {
  const item = await sealedItem(db, id);
  for await (const chunk of verifiedChunks(db, item)) void chunk;
  return item;
}
