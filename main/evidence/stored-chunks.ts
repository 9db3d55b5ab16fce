// Reading an item's chunks back in order from its objects: each object is checked against its
// name (sha256 of its bytes) and its AEAD tag (key and place), and the whole against the seal
// (count, size, sha256). The next object is read and opened while the caller takes this one.
import { createHash } from 'node:crypto';
import { CustodiaError } from '../../shared/errors/error-codes';
import type { Database } from '../vault/database';
import { openObject } from '../vault/sealed-object';
import type { VaultObjects } from './vault-objects';

export interface SealedItem {
  id: number;
  sha256: string;
  bytes: number;
  chunkCount: number;
}

export interface ObjectRow {
  seq: number;
  name: string;
  key: Buffer;
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

export function objectRows(db: Database, evidenceId: number): Promise<ObjectRow[]> {
  return db.all<ObjectRow>('SELECT seq, name, key FROM evidence_objects WHERE evidence_id = ? ORDER BY seq', [evidenceId]);
}

/** One object's plaintext: E_OBJECT_MISSING, or E_OBJECT_ALTERED for a wrong name or tag (naming the item). */
export async function readChunk(objects: VaultObjects, evidenceId: number, row: ObjectRow): Promise<Buffer> {
  try {
    const sealed = await objects.store.get(row.name);
    return openObject(sealed, row.key, { vaultId: objects.vaultId, evidenceId, seq: row.seq }, row.name);
  } catch (e) {
    if (e instanceof CustodiaError && (e.code === 'E_OBJECT_MISSING' || e.code === 'E_OBJECT_ALTERED')) {
      throw new CustodiaError(e.code, `evidence ${evidenceId}, chunk ${row.seq}: ${e.message}`, { evidenceId, object: row.name });
    }
    throw e;
  }
}

/**
 * Yields the original bytes chunk by chunk (memory: this chunk and the next) and throws after
 * the last one unless everything matches the seal: consumers must discard what they received
 * when it throws.
 */
export async function* verifiedChunks(db: Database, objects: VaultObjects, item: SealedItem): AsyncGenerator<Buffer> {
  const rows = await objectRows(db, item.id);
  if (rows.length !== item.chunkCount) throw mismatch(item, `${rows.length} chunks stored, ${item.chunkCount} sealed`);
  const hash = createHash('sha256');
  let bytes = 0;
  let next: Promise<Buffer> | undefined;
  const fetch = (i: number): Promise<Buffer> | undefined => {
    const row = rows[i];
    if (!row) return undefined;
    const p = row.seq === i ? readChunk(objects, item.id, row) : Promise.reject(mismatch(item, `chunk ${i} is missing`));
    p.catch(() => undefined);
    return p;
  };
  next = fetch(0);
  for (let i = 0; next; i++) {
    const chunk = await next;
    next = fetch(i + 1);
    hash.update(chunk);
    bytes += chunk.length;
    yield chunk;
  }
  if (bytes !== item.bytes) throw mismatch(item, `${bytes} bytes stored, ${item.bytes} sealed`);
  if (hash.digest('hex') !== item.sha256) throw mismatch(item, 'sha256 differs');
}
