// Corrupted variants of a good proof, after the probe lists in transparency-dev/merkle
// proof/verify_test.go (corruptInclusionProof, corruptConsistencyProof). Every probe must fail.
import { sha256 } from '../../../shared/custody/sha256';

type InclusionParams = {
  leafHash: Uint8Array;
  index: number;
  treeSize: number;
  proof: readonly Uint8Array[];
  rootHash: Uint8Array;
};
type ConsistencyParams = {
  oldSize: number;
  newSize: number;
  oldRoot: Uint8Array;
  newRoot: Uint8Array;
  proof: readonly Uint8Array[];
};

const SOME_HASH = sha256(new TextEncoder().encode('not a node of this tree'));
const EMPTY_ROOT = sha256(new Uint8Array(0));

/** A copy of b with byte `at` changed (every bit flipped). */
export function flipByte(b: Uint8Array, at: number): Uint8Array {
  const out = Uint8Array.from(b);
  out[at % out.length] = (out[at % out.length] as number) ^ 0xff;
  return out;
}

function withElement(proof: readonly Uint8Array[], i: number, value: Uint8Array): Uint8Array[] {
  return proof.map((p, j) => (j === i ? value : p));
}

/** `byteAt` picks which byte to flip in each element, so callers can sweep positions. */
export function inclusionProbes(good: InclusionParams, byteAt = 0): [string, InclusionParams][] {
  const { index, treeSize, proof, rootHash, leafHash } = good;
  const probes: [string, InclusionParams][] = [
    ['index - 1', { ...good, index: index - 1 }],
    ['index + 1', { ...good, index: index + 1 }],
    ['index ^ 2', { ...good, index: index ^ 2 }],
    ['treeSize * 2', { ...good, treeSize: treeSize * 2 }],
    ['treeSize / 2', { ...good, treeSize: Math.floor(treeSize / 2) }],
    ['wrong leaf', { ...good, leafHash: flipByte(leafHash, byteAt) }],
    ['empty-tree root', { ...good, rootHash: EMPTY_ROOT }],
    ['another root', { ...good, rootHash: SOME_HASH }],
    ['flipped root byte', { ...good, rootHash: flipByte(rootHash, byteAt) }],
    ['trailing root', { ...good, proof: [...proof, rootHash] }],
    ['trailing hash', { ...good, proof: [...proof, SOME_HASH] }],
    ['preceding root', { ...good, proof: [rootHash, ...proof] }],
    ['short element', { ...good, proof: [...proof, new Uint8Array(31)] }],
  ];
  proof.forEach((p, i) => probes.push([`flipped byte in proof[${i}]`, { ...good, proof: withElement(proof, i, flipByte(p, byteAt + i)) }]));
  if (proof.length > 0) probes.push(['truncated proof', { ...good, proof: proof.slice(0, -1) }]);
  if (proof.length > 1) probes.push(['inserted element', { ...good, proof: [proof[0] as Uint8Array, SOME_HASH, ...proof.slice(1)] }]);
  if (proof.length > 1) probes.push(['swapped elements', { ...good, proof: [proof[1] as Uint8Array, proof[0] as Uint8Array, ...proof.slice(2)] }]);
  return probes.filter(([, p]) => !(p.index === index && p.treeSize === treeSize && p.proof === proof && p.rootHash === rootHash && p.leafHash === leafHash));
}

export function consistencyProbes(good: ConsistencyParams, byteAt = 0): [string, ConsistencyParams][] {
  const { oldSize, newSize, oldRoot, newRoot, proof } = good;
  const probes: [string, ConsistencyParams][] = [
    ['oldSize - 1', { ...good, oldSize: oldSize - 1 }],
    ['oldSize + 1', { ...good, oldSize: oldSize + 1 }],
    ['oldSize ^ 2', { ...good, oldSize: oldSize ^ 2 }],
    ['newSize * 2', { ...good, newSize: newSize * 2 }],
    ['newSize / 2', { ...good, newSize: Math.floor(newSize / 2) }],
    ['flipped old root', { ...good, oldRoot: flipByte(oldRoot, byteAt) }],
    ['flipped new root', { ...good, newRoot: flipByte(newRoot, byteAt) }],
    ['swapped roots', { ...good, oldRoot: newRoot, newRoot: oldRoot }],
    ['empty proof', { ...good, proof: [] }],
    ['trailing old root', { ...good, proof: [...proof, oldRoot] }],
    ['trailing new root', { ...good, proof: [...proof, newRoot] }],
    ['preceding old root', { ...good, proof: [oldRoot, ...proof] }],
    ['preceding new root', { ...good, proof: [newRoot, ...proof] }],
  ];
  if (proof.length > 0) {
    probes.push(['preceding proof[0]', { ...good, proof: [proof[0] as Uint8Array, ...proof] }]);
    probes.push(['truncated proof', { ...good, proof: proof.slice(0, -1) }]);
  }
  proof.forEach((p, i) => probes.push([`flipped byte in proof[${i}]`, { ...good, proof: withElement(proof, i, flipByte(p, byteAt + i)) }]));
  // A probe that changes nothing the verifier sees (e.g. swapping equal roots) is not a corruption.
  return probes.filter(([, p]) => !(p.oldSize === oldSize && p.newSize === newSize && sameBytes(p.oldRoot, oldRoot) && sameBytes(p.newRoot, newRoot) && sameProof(p.proof, proof)));
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((v, i) => v === b[i]);
}

function sameProof(a: readonly Uint8Array[], b: readonly Uint8Array[]): boolean {
  return a.length === b.length && a.every((p, i) => sameBytes(p, b[i] as Uint8Array));
}

// Shape oracles, derived from the recursive definitions of RFC 9162 2.1.3.1 and 2.1.4.1 (not
// from the iterative verifier): which side each proof element joins on, bottom-up. A proof made
// for one size verifies under another size exactly when the two shapes are equal, because the
// verifier then recomputes the very same hashes. Tree size is bound by the signed checkpoint.

/** 'L' = sibling on the left, 'R' = on the right, bottom-up, for leaf `index` of `size`. */
export function inclusionShape(index: number, size: number): string {
  let out = '';
  let [start, end] = [0, size];
  while (end - start > 1) {
    let k = 1;
    while (k * 2 < end - start) k *= 2;
    if (index < start + k) {
      out = 'R' + out;
      end = start + k;
    } else {
      out = 'L' + out;
      start += k;
    }
  }
  return out;
}

/** Like inclusionShape for PROOF(m, D[n]); a leading '*' marks a proof that starts from the old root itself. */
export function consistencyShape(m: number, n: number): string {
  let out = '';
  let [size, left, whole] = [n, m, true];
  while (left !== size) {
    let k = 1;
    while (k * 2 < size) k *= 2;
    if (left <= k) {
      out = 'R' + out;
      size = k;
    } else {
      out = 'L' + out;
      size -= k;
      left -= k;
      whole = false;
    }
  }
  return (whole ? '*' : 'S') + out;
}
