// The Merkle tree rebuilt in memory from the leaf hashes alone, so `log verify` trusts nothing
// the vault stored about the tree: it recomputes every perfect subtree and every root.
import { nodeHash } from '../../shared/custody/merkle';
import { nodeSha256 } from '../platform/sha256';

export class TreeLevels {
  /** levels[k] holds the perfect subtrees of 2^k leaves, 32 bytes each. */
  readonly levels: Buffer[];

  constructor(leaves: Buffer, levels?: Buffer[]) {
    this.levels = levels ?? [leaves];
    if (levels) return;
    let current = leaves;
    while (current.length >= 64) {
      const pairs = Math.floor(current.length / 64);
      const next = Buffer.alloc(pairs * 32);
      for (let i = 0; i < pairs; i += 1) {
        const h = nodeHash(current.subarray(i * 64, i * 64 + 32), current.subarray(i * 64 + 32, i * 64 + 64), nodeSha256);
        next.set(h, i * 32);
      }
      this.levels.push(next);
      current = next;
    }
  }

  /** A tree whose levels were computed elsewhere (tree-worker.ts); levels[0] holds the leaves. */
  static fromLevels(levels: Buffer[]): TreeLevels {
    return new TreeLevels(levels[0] ?? Buffer.alloc(0), levels);
  }

  get size(): number {
    return (this.levels[0]?.length ?? 0) / 32;
  }

  node(level: number, idx: number): Buffer | undefined {
    const l = this.levels[level];
    if (!l || (idx + 1) * 32 > l.length) return undefined;
    return l.subarray(idx * 32, idx * 32 + 32);
  }

  /** MTH(D[0:size]) for any size up to the tree's: perfect subtrees folded right to left. */
  rootAt(size: number): Buffer {
    if (size === 0) return Buffer.from(nodeSha256(new Uint8Array(0)));
    const parts: Buffer[] = [];
    let start = 0;
    for (let level = Math.floor(Math.log2(size)); level >= 0; level -= 1) {
      const width = 2 ** level;
      if (start + width <= size) {
        const n = this.node(level, start / width);
        if (!n) throw new RangeError(`tree of ${this.size} has no root at ${size}`);
        parts.push(n);
        start += width;
      }
    }
    let acc = parts.pop() as Buffer;
    while (parts.length > 0) acc = Buffer.from(nodeHash(parts.pop() as Buffer, acc, nodeSha256));
    return acc;
  }

  /** How many perfect subtrees a tree of this size stores (what merkle_nodes must hold). */
  get nodeCount(): number {
    return this.levels.reduce((sum, l) => sum + l.length / 32, 0);
  }
}
