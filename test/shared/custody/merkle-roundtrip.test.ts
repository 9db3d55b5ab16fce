// Every proof the tree makes for n = 1..70 verifies, and no altered proof, leaf, root or index
// does. Wrong tree sizes are checked against the shape oracles in probes.ts: a size whose path
// has the same shape legitimately recomputes the same root, which is why checkpoints sign the
// tree size together with the root.
import { createHash } from 'node:crypto';
import { sha512 } from '@noble/hashes/sha2.js';
import { describe, expect, it } from 'vitest';
import { toHex, utf8 } from '../../../shared/custody/bytes';
import {
  consistencyProof,
  inclusionProof,
  leafHash,
  merkleRoot,
  nodeHash,
  subtreeRoot,
  verifyConsistency,
  verifyInclusion,
} from '../../../shared/custody/merkle';
import { consistencyProbes, consistencyShape, inclusionProbes, inclusionShape } from './probes';

const MAX = 70;
const leafHashes = Array.from({ length: MAX }, (_, i) => leafHash(utf8(`custody entry ${i}`)));
const roots = Array.from({ length: MAX + 1 }, (_, n) => merkleRoot(leafHashes.slice(0, n)));

describe('T4 authenticity in court: inclusion proofs for every leaf of every tree up to 70', () => {
  it('every generated proof verifies, and every corrupted one is rejected', () => {
    let checked = 0;
    const failures: string[] = [];
    for (let n = 1; n <= MAX; n++) {
      const tree = leafHashes.slice(0, n);
      for (let index = 0; index < n; index++) {
        const good = { leafHash: tree[index]!, index, treeSize: n, proof: inclusionProof(tree, index), rootHash: roots[n]! };
        if (!verifyInclusion(good)) failures.push(`good proof ${index}/${n}`);
        for (const [desc, probe] of inclusionProbes(good, n + index)) {
          checked++;
          if (verifyInclusion(probe)) failures.push(`${desc} ${index}/${n}`);
        }
      }
    }
    expect(failures).toEqual([]);
    expect(checked).toBeGreaterThan(20_000);
  });

  it('a proof made for one tree size verifies under another size only when the path shape is the same', () => {
    const disagreements: string[] = [];
    let rejected = 0;
    for (let n = 1; n <= MAX; n += 3) {
      const tree = leafHashes.slice(0, n);
      for (let index = 0; index < n; index++) {
        const proof = inclusionProof(tree, index);
        for (let size = 1; size <= MAX; size++) {
          if (size === n) continue;
          const ok = verifyInclusion({ leafHash: tree[index]!, index, treeSize: size, proof, rootHash: roots[n]! });
          const expected = index < size && inclusionShape(index, size) === inclusionShape(index, n);
          if (ok !== expected) disagreements.push(`${index}/${n} as size ${size}`);
          if (!ok) rejected++;
        }
      }
    }
    expect(disagreements).toEqual([]);
    expect(rejected).toBeGreaterThan(10_000);
  });

  it('proof length is the tree depth at that leaf, never more than ceil(log2 n)', () => {
    for (let n = 1; n <= MAX; n++) {
      const tree = leafHashes.slice(0, n);
      for (let index = 0; index < n; index++) {
        const proof = inclusionProof(tree, index);
        expect(proof.length).toBe(inclusionShape(index, n).length);
        expect(proof.length).toBeLessThanOrEqual(Math.ceil(Math.log2(n)));
      }
    }
  });
});

describe('T3 history rewritten: consistency proofs for every old size of every tree up to 70', () => {
  it('every generated proof verifies, and every corrupted one is rejected', () => {
    let checked = 0;
    const failures: string[] = [];
    for (let n = 1; n <= MAX; n++) {
      const tree = leafHashes.slice(0, n);
      for (let m = 0; m <= n; m++) {
        const good = { oldSize: m, newSize: n, oldRoot: roots[m]!, newRoot: roots[n]!, proof: consistencyProof(tree, m) };
        if (!verifyConsistency(good)) failures.push(`good proof ${m}->${n}`);
        if (good.proof.length === 0) continue;
        for (const [desc, probe] of consistencyProbes(good, n + m)) {
          checked++;
          const shapeTwin =
            probe.proof === good.proof &&
            probe.oldRoot === good.oldRoot &&
            probe.newRoot === good.newRoot &&
            probe.oldSize > 0 &&
            probe.oldSize < probe.newSize &&
            consistencyShape(probe.oldSize, probe.newSize) === consistencyShape(m, n);
          if (verifyConsistency(probe) !== shapeTwin) failures.push(`${desc} ${m}->${n}`);
        }
      }
    }
    expect(failures).toEqual([]);
    expect(checked).toBeGreaterThan(20_000);
  });

  it('a rewritten entry anywhere in the old tree breaks consistency with the old root', () => {
    const failures: string[] = [];
    for (const n of [2, 3, 8, 13, 32, 70]) {
      for (let m = 1; m < n; m++) {
        for (const changed of new Set([0, m >> 1, m - 1])) {
          const rewritten = leafHashes.slice(0, n).map((h, i) => (i === changed ? leafHash(utf8(`forged ${i}`)) : h));
          const proof = consistencyProof(rewritten, m);
          const ok = verifyConsistency({ oldSize: m, newSize: n, oldRoot: roots[m]!, newRoot: merkleRoot(rewritten), proof });
          if (ok) failures.push(`entry ${changed} of ${m}->${n}`);
        }
      }
    }
    expect(failures).toEqual([]);
  });

  it('a truncated log is not consistent with a checkpoint of the longer log', () => {
    for (let n = 2; n <= MAX; n += 7) {
      for (let cut = 1; cut < n; cut++) {
        // The attacker's best move: present the shorter log as if it were the newer one.
        const proof = consistencyProof(leafHashes.slice(0, n), cut);
        expect(verifyConsistency({ oldSize: n, newSize: cut, oldRoot: roots[n]!, newRoot: roots[cut]!, proof })).toBe(false);
      }
    }
  });
});

describe('tree hashes', () => {
  it('subtreeRoot of any range equals merkleRoot of the same leaves copied out', () => {
    for (let start = 0; start < 20; start++) {
      for (let end = start + 1; end <= 40; end++) {
        expect(subtreeRoot(leafHashes, start, end)).toEqual(merkleRoot(leafHashes.slice(start, end)));
      }
    }
  });

  it('uses the hash function it is given, everywhere', () => {
    const other = (d: Uint8Array): Uint8Array => sha512(d).slice(0, 32);
    const tree = leafHashes.slice(0, 13);
    const otherRoot = merkleRoot(tree, other);
    expect(otherRoot).not.toEqual(roots[13]);
    const proof = inclusionProof(tree, 6, other);
    expect(proof).not.toEqual(inclusionProof(tree, 6));
    expect(verifyInclusion({ leafHash: tree[6]!, index: 6, treeSize: 13, proof, rootHash: otherRoot }, other)).toBe(true);
    expect(verifyInclusion({ leafHash: tree[6]!, index: 6, treeSize: 13, proof, rootHash: otherRoot })).toBe(false);
    const cProof = consistencyProof(tree, 5, other);
    expect(cProof).not.toEqual(consistencyProof(tree, 5));
    const oldRoot = subtreeRoot(tree, 0, 5, other);
    expect(verifyConsistency({ oldSize: 5, newSize: 13, oldRoot, newRoot: otherRoot, proof: cProof }, other)).toBe(true);
    expect(verifyConsistency({ oldSize: 5, newSize: 13, oldRoot, newRoot: otherRoot, proof: cProof })).toBe(false);
    expect(leafHash(utf8('x'), other)).not.toEqual(leafHash(utf8('x')));
  });

  it('refuses impossible proof requests with E_INVALID_INPUT', () => {
    const tree = leafHashes.slice(0, 5);
    expect(() => inclusionProof(tree, 5)).toThrow(expect.objectContaining({ code: 'E_INVALID_INPUT' }));
    expect(() => inclusionProof(tree, -1)).toThrow(expect.objectContaining({ code: 'E_INVALID_INPUT' }));
    expect(() => inclusionProof(tree, 1.5)).toThrow(expect.objectContaining({ code: 'E_INVALID_INPUT' }));
    expect(() => inclusionProof([], 0)).toThrow(expect.objectContaining({ code: 'E_INVALID_INPUT' }));
    expect(() => consistencyProof(tree, 6)).toThrow(expect.objectContaining({ code: 'E_INVALID_INPUT' }));
    expect(() => subtreeRoot(tree, 3, 3)).toThrow(expect.objectContaining({ code: 'E_INVALID_INPUT' }));
  });
});

describe('leaf hashing of any size', () => {
  it('hashes small, medium and large leaves, in any order, as H(0x00 || leaf)', () => {
    const sizes = [0, 1, 1023, 1024, 5000, 70_000, 3, 65_535, 65_536, 200_000, 10];
    for (const size of sizes) {
      const leaf = Uint8Array.from({ length: size }, (_, i) => (i * 31 + size) & 0xff);
      const expected = createHash('sha256').update(Buffer.from([0])).update(leaf).digest();
      expect(toHex(leafHash(leaf))).toBe(expected.toString('hex'));
    }
  });
});

describe('tree sizes beyond 32 bits', () => {
  it('verifies the last leaf of a 2^40 + 1 tree and a consistency step from 2^40, and rejects their neighbours', () => {
    const big = 2 ** 40;
    const left = leafHash(utf8('root of the first 2^40 leaves, stood in'));
    const last = leafHash(utf8('the last leaf'));
    const root = nodeHash(left, last);
    expect(verifyInclusion({ leafHash: last, index: big, treeSize: big + 1, proof: [left], rootHash: root })).toBe(true);
    expect(verifyInclusion({ leafHash: last, index: big - 1, treeSize: big + 1, proof: [left], rootHash: root })).toBe(false);
    expect(verifyInclusion({ leafHash: last, index: big, treeSize: big + 2, proof: [left], rootHash: root })).toBe(false);
    expect(verifyConsistency({ oldSize: big, newSize: big + 1, oldRoot: left, newRoot: root, proof: [last] })).toBe(true);
    expect(verifyConsistency({ oldSize: big - 1, newSize: big + 1, oldRoot: left, newRoot: root, proof: [last] })).toBe(false);
  });
});
