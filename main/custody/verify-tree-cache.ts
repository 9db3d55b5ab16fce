// The stored perfect subtrees serve proofs; if they were altered, proofs would lie, so every
// stored node is compared with the recomputed tree.
import type { Database } from '../vault/database';
import type { TreeLevels } from './tree-levels';
import type { ProblemList } from './verify-problems';

export async function verifyStoredNodes(db: Database, tree: TreeLevels, problems: ProblemList): Promise<void> {
  let seen = 0;
  await db.each<{ level: number; idx: number; hash: Buffer }>('SELECT level, idx, hash FROM merkle_nodes', [], (row) => {
    seen += 1;
    const expected = tree.node(row.level, row.idx);
    if (!expected || !expected.equals(row.hash)) {
      problems.add({ code: 'E_ROOT_MISMATCH', message: `stored Merkle node ${row.level}/${row.idx} does not match the entries` });
    }
  });
  if (seen !== tree.nodeCount) {
    problems.add({ code: 'E_ROOT_MISMATCH', message: `${seen} stored Merkle nodes where the entries make ${tree.nodeCount}` });
  }
}
