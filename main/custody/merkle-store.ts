// The RFC 9162 Merkle tree kept incrementally in merkle_nodes: each perfect, aligned subtree is
// stored once, so appends cost O(1) amortised and roots and proofs cost O(log n) reads instead
// of rehashing the whole log.
import type { Database, SqlValue } from '../vault/database';
import { nodeHash } from '../../shared/custody/merkle';
import { CustodiaError } from '../../shared/errors/error-codes';
import { nodeSha256 } from '../platform/sha256';
import { insertRows } from '../vault/insert-rows';

async function storedNode(db: Database, level: number, idx: number): Promise<Buffer> {
  const row = await db.get<{ hash: Buffer }>('SELECT hash FROM merkle_nodes WHERE level = ? AND idx = ?', [level, idx]);
  if (!row) throw new CustodiaError('E_ROOT_MISMATCH', `Merkle node ${level}/${idx} is missing`);
  return row.hash;
}

/**
 * Adds leaves at indexes firstIndex, firstIndex + 1, … and every perfect subtree they complete.
 * Only the right edge of the existing tree (at most log2 n nodes) is read.
 */
export async function appendLeaves(tx: Database, firstIndex: number, hashes: readonly Uint8Array[]): Promise<void> {
  const known = new Map<string, Buffer>();
  const key = (level: number, idx: number) => `${level}/${idx}`;
  const edge: SqlValue[] = [];
  for (let level = 0; 2 ** level <= firstIndex; level += 1) {
    const idx = Math.floor(firstIndex / 2 ** level) - 1;
    if (idx % 2 === 0) edge.push(level, idx);
  }
  if (edge.length > 0) {
    const pairs = Array.from({ length: edge.length / 2 }, () => '(?, ?)').join(', ');
    const rows = await tx.all<{ level: number; idx: number; hash: Buffer }>(
      `SELECT level, idx, hash FROM merkle_nodes WHERE (level, idx) IN (VALUES ${pairs})`, edge);
    for (const r of rows) known.set(key(r.level, r.idx), r.hash);
  }
  const rows: SqlValue[][] = [];
  hashes.forEach((hash, offset) => {
    let level = 0;
    let idx = firstIndex + offset;
    let current = Buffer.from(hash);
    rows.push([level, idx, current]);
    known.set(key(level, idx), current);
    while (idx % 2 === 1) {
      const left = known.get(key(level, idx - 1));
      if (!left) throw new CustodiaError('E_ROOT_MISMATCH', `Merkle node ${level}/${idx - 1} is missing`);
      current = Buffer.from(nodeHash(left, current, nodeSha256));
      level += 1;
      idx = (idx - 1) / 2;
      rows.push([level, idx, current]);
      known.set(key(level, idx), current);
    }
  });
  await insertRows(tx, 'merkle_nodes', ['level', 'idx', 'hash'], rows);
}

function largestPowerOfTwoBelow(n: number): number {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
}

/** MTH(D[a:b]) for 0 <= a < b <= tree size. */
export async function subtreeHash(db: Database, a: number, b: number): Promise<Buffer> {
  const size = b - a;
  if ((size & (size - 1)) === 0 && a % size === 0) return storedNode(db, Math.log2(size), a / size);
  const k = largestPowerOfTwoBelow(size);
  return Buffer.from(nodeHash(await subtreeHash(db, a, a + k), await subtreeHash(db, a + k, b), nodeSha256));
}

export async function rootAt(db: Database, size: number): Promise<Buffer> {
  if (size === 0) return Buffer.from(nodeSha256(new Uint8Array(0)));
  return subtreeHash(db, 0, size);
}

/** RFC 9162 2.1.3.1 PATH(m, D[a:b]). */
async function path(db: Database, m: number, a: number, b: number): Promise<Buffer[]> {
  if (b - a <= 1) return [];
  const k = largestPowerOfTwoBelow(b - a);
  if (m < a + k) return [...(await path(db, m, a, a + k)), await subtreeHash(db, a + k, b)];
  return [...(await path(db, m, a + k, b)), await subtreeHash(db, a, a + k)];
}

export function inclusionProofAt(db: Database, index: number, size: number): Promise<Buffer[]> {
  if (index < 0 || index >= size) throw new CustodiaError('E_NOT_FOUND', `no leaf ${index} in a tree of ${size}`);
  return path(db, index, 0, size);
}

/** RFC 9162 2.1.4.1 SUBPROOF(m, D[a:b], start). */
async function subproof(db: Database, m: number, a: number, b: number, start: boolean): Promise<Buffer[]> {
  if (m === b - a) return start ? [] : [await subtreeHash(db, a, b)];
  const k = largestPowerOfTwoBelow(b - a);
  if (m <= k) return [...(await subproof(db, m, a, a + k, start)), await subtreeHash(db, a + k, b)];
  return [...(await subproof(db, m - k, a + k, b, false)), await subtreeHash(db, a, a + k)];
}

export function consistencyProofAt(db: Database, oldSize: number, newSize: number): Promise<Buffer[]> {
  if (oldSize < 1 || oldSize > newSize) throw new CustodiaError('E_CONSISTENCY', `no consistency proof from ${oldSize} to ${newSize}`);
  return subproof(db, oldSize, 0, newSize, true);
}
