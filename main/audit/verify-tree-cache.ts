// The stored perfect subtrees serve roots and proofs; if they were altered, proofs would lie
// (prove.ts also refuses to hand out one that does not reach the signed root). Every stored node
// is compared with the tree recomputed from the entries. SQLite concatenates a whole slice of a
// level into one hex string, so a million-entry log costs a few hundred queries, not 2n rows.
import type { Database } from '../vault/database';
import type { TreeLevels } from '../custody/tree-levels';
import type { ProblemList } from './verify-problems';

const SLICE = 32_768;

export async function verifyStoredNodes(db: Database, tree: TreeLevels, problems: ProblemList): Promise<void> {
  const counts = await db.all<{ level: number; n: number }>('SELECT level, count(*) AS n FROM merkle_nodes GROUP BY level ORDER BY level');
  const stored = new Map(counts.map((c) => [c.level, c.n]));
  for (const [level, n] of stored) {
    const expected = (tree.levels[level]?.length ?? 0) / 32;
    if (n !== expected) problems.add({ code: 'E_ROOT_MISMATCH', message: `${n} stored Merkle nodes at level ${level} where the entries make ${expected}` });
  }
  for (let level = 0; level < tree.levels.length; level += 1) {
    const nodes = tree.levels[level] as Buffer;
    if (!stored.has(level) && nodes.length > 0) problems.add({ code: 'E_ROOT_MISMATCH', message: `no stored Merkle nodes at level ${level}` });
    for (let start = 0; start * 32 < nodes.length; start += SLICE) {
      const row = await db.get<{ hex: string | null }>(
        "SELECT string_agg(hex(hash), '' ORDER BY idx) AS hex FROM merkle_nodes WHERE level = ? AND idx >= ? AND idx < ?",
        [level, start, start + SLICE]);
      const got = Buffer.from(row?.hex ?? '', 'hex');
      const want = nodes.subarray(start * 32, (start + SLICE) * 32);
      if (!got.equals(want)) {
        const at = firstDifference(got, want);
        problems.add({ code: 'E_ROOT_MISMATCH', message: `stored Merkle node ${level}/${start + Math.floor(at / 32)} does not match the entries` });
      }
    }
  }
}

function firstDifference(a: Buffer, b: Buffer): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i += 1) if (a[i] !== b[i]) return i;
  return n;
}
