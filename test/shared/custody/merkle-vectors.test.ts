// RFC 6962 / 9162 Merkle tree against the published reference data (see rfc6962-vectors.ts for
// the repositories and paths they come from).
import { describe, expect, it } from 'vitest';
import { fromHex, toHex } from '../../../shared/custody/bytes';
import {
  consistencyProof,
  inclusionProof,
  leafHash,
  merkleRoot,
  nodeHash,
  verifyConsistency,
  verifyInclusion,
} from '../../../shared/custody/merkle';
import { consistencyProbes, inclusionProbes } from './probes';
import {
  CONSISTENCY_VECTORS,
  INCLUSION_VECTORS,
  LEAF_HASHES_HEX,
  LEAF_INPUTS_HEX,
  LEVEL1_HASHES_HEX,
  ROOTS_HEX,
} from './rfc6962-vectors';

const leaves = LEAF_INPUTS_HEX.map(fromHex);
const leafHashes = leaves.map((l) => leafHash(l));
const root = (size: number): Uint8Array => fromHex(ROOTS_HEX[size] as string);

describe('RFC 6962 reference vectors: hashing', () => {
  it('leafHash is H(0x00 || leaf) for every published leaf', () => {
    expect(leafHashes.map(toHex)).toEqual(LEAF_HASHES_HEX);
  });

  it('nodeHash is H(0x01 || left || right) for every published level-1 node', () => {
    const level1 = [0, 2, 4, 6].map((i) => toHex(nodeHash(leafHashes[i]!, leafHashes[i + 1]!)));
    expect(level1).toEqual(LEVEL1_HASHES_HEX);
  });

  it('merkleRoot matches the published root for every tree size 0..8', () => {
    const roots = ROOTS_HEX.map((_, size) => toHex(merkleRoot(leafHashes.slice(0, size))));
    expect(roots).toEqual(ROOTS_HEX);
  });
});

describe('RFC 6962 reference vectors: inclusion proofs (T4 authenticity in court)', () => {
  for (const v of INCLUSION_VECTORS) {
    const good = {
      leafHash: leafHashes[v.leafIndex]!,
      index: v.leafIndex,
      treeSize: v.treeSize,
      proof: v.proof.map(fromHex),
      rootHash: root(v.treeSize),
    };

    it(`generates the published audit path for leaf ${v.leafIndex} of ${v.treeSize}`, () => {
      expect(inclusionProof(leafHashes.slice(0, v.treeSize), v.leafIndex).map(toHex)).toEqual(v.proof);
    });

    it(`verifies the published audit path for leaf ${v.leafIndex} of ${v.treeSize}`, () => {
      expect(verifyInclusion(good)).toBe(true);
    });

    it(`rejects every corruption of the path for leaf ${v.leafIndex} of ${v.treeSize}`, () => {
      const accepted = inclusionProbes(good).filter(([, p]) => verifyInclusion(p)).map(([desc]) => desc);
      expect(accepted).toEqual([]);
    });
  }
});

describe('RFC 6962 reference vectors: consistency proofs (T3 history rewritten)', () => {
  for (const v of CONSISTENCY_VECTORS) {
    const good = {
      oldSize: v.oldSize,
      newSize: v.newSize,
      oldRoot: root(v.oldSize),
      newRoot: root(v.newSize),
      proof: v.proof.map(fromHex),
    };

    it(`generates the published proof from ${v.oldSize} to ${v.newSize}`, () => {
      expect(consistencyProof(leafHashes.slice(0, v.newSize), v.oldSize).map(toHex)).toEqual(v.proof);
    });

    it(`verifies the published proof from ${v.oldSize} to ${v.newSize}`, () => {
      expect(verifyConsistency(good)).toBe(true);
    });

    if (v.proof.length > 0) {
      it(`rejects every corruption of the proof from ${v.oldSize} to ${v.newSize}`, () => {
        const accepted = consistencyProbes(good).filter(([, p]) => verifyConsistency(p)).map(([desc]) => desc);
        expect(accepted).toEqual([]);
      });
    }
  }

  it('treats the trivial sizes as the reference verifier does', () => {
    const empty = root(0);
    const some = root(3);
    // Equal sizes: consistent only with equal roots and an empty proof.
    expect(verifyConsistency({ oldSize: 3, newSize: 3, oldRoot: some, newRoot: some, proof: [] })).toBe(true);
    expect(verifyConsistency({ oldSize: 3, newSize: 3, oldRoot: some, newRoot: empty, proof: [] })).toBe(false);
    expect(verifyConsistency({ oldSize: 3, newSize: 3, oldRoot: some, newRoot: some, proof: [empty] })).toBe(false);
    // Time travel to the past, and a non-trivial claim with no proof.
    expect(verifyConsistency({ oldSize: 2, newSize: 1, oldRoot: root(2), newRoot: root(1), proof: [] })).toBe(false);
    expect(verifyConsistency({ oldSize: 1, newSize: 2, oldRoot: root(1), newRoot: root(2), proof: [] })).toBe(false);
    // The empty tree is a prefix of every tree, but only under the empty tree's own root.
    expect(verifyConsistency({ oldSize: 0, newSize: 5, oldRoot: empty, newRoot: root(5), proof: [] })).toBe(true);
    expect(verifyConsistency({ oldSize: 0, newSize: 5, oldRoot: some, newRoot: root(5), proof: [] })).toBe(false);
    expect(verifyConsistency({ oldSize: 0, newSize: 5, oldRoot: empty, newRoot: root(5), proof: [empty] })).toBe(false);
  });
});
