// JSON shapes of Merkle proofs as they travel in dossiers and `log prove` output (hex strings),
// and their verification. Verifiers take untrusted input: they answer false, never throw.
import { parseLowerHex, toHex } from './bytes';
import { verifyCheckpointSignature, type Checkpoint } from './checkpoint';
import { entryLeafHash, type CustodyEntry } from './custody-entry';
import {
  HASH_SIZE,
  consistencyProof,
  inclusionProof,
  merkleRoot,
  subtreeRoot,
  verifyConsistency,
  verifyInclusion,
} from './merkle';
import { sha256, type HashFn } from './sha256';

export interface InclusionProofJson {
  /** 0-based; the entry's seq - 1. */
  leafIndex: number;
  treeSize: number;
  leafHash: string;
  proof: string[];
  rootHash: string;
}

export interface ConsistencyProofJson {
  oldSize: number;
  newSize: number;
  oldRoot: string;
  newRoot: string;
  proof: string[];
}

/** Inclusion proof of leaf leafIndex in the tree of all leafHashes. */
export function makeInclusionProofJson(
  leafHashes: readonly Uint8Array[],
  leafIndex: number,
  hash: HashFn = sha256,
): InclusionProofJson {
  const proof = inclusionProof(leafHashes, leafIndex, hash);
  return {
    leafIndex,
    treeSize: leafHashes.length,
    leafHash: toHex(leafHashes[leafIndex] as Uint8Array),
    proof: proof.map(toHex),
    rootHash: toHex(merkleRoot(leafHashes, hash)),
  };
}

/** Consistency proof from the first oldSize leaves to the tree of all leafHashes. */
export function makeConsistencyProofJson(
  leafHashes: readonly Uint8Array[],
  oldSize: number,
  hash: HashFn = sha256,
): ConsistencyProofJson {
  const proof = consistencyProof(leafHashes, oldSize, hash);
  return {
    oldSize,
    newSize: leafHashes.length,
    oldRoot: toHex(oldSize === 0 ? merkleRoot([], hash) : subtreeRoot(leafHashes, 0, oldSize, hash)),
    newRoot: toHex(merkleRoot(leafHashes, hash)),
    proof: proof.map(toHex),
  };
}

function hashList(list: unknown): Uint8Array[] | null {
  if (!Array.isArray(list)) return null;
  const out: Uint8Array[] = [];
  for (const item of list) {
    const h = parseLowerHex(item, HASH_SIZE);
    if (!h) return null;
    out.push(h);
  }
  return out;
}

/** Is this entry, by its canonical bytes, leaf seq - 1 of the tree the proof names? */
export function verifyInclusionProofJson(entry: CustodyEntry, p: InclusionProofJson, hash: HashFn = sha256): boolean {
  try {
    if (p.leafIndex !== entry.seq - 1) return false;
    const claimedLeaf = parseLowerHex(p.leafHash, HASH_SIZE);
    const rootHash = parseLowerHex(p.rootHash, HASH_SIZE);
    const proof = hashList(p.proof);
    if (!claimedLeaf || !rootHash || !proof) return false;
    const leafHash = entryLeafHash(entry, hash);
    if (toHex(leafHash) !== p.leafHash) return false;
    return verifyInclusion({ leafHash, index: p.leafIndex, treeSize: p.treeSize, proof, rootHash }, hash);
  } catch {
    return false;
  }
}

/** Does the newer tree head extend the older one? */
export function verifyConsistencyProofJson(p: ConsistencyProofJson, hash: HashFn = sha256): boolean {
  try {
    const oldRoot = parseLowerHex(p.oldRoot, HASH_SIZE);
    const newRoot = parseLowerHex(p.newRoot, HASH_SIZE);
    const proof = hashList(p.proof);
    if (!oldRoot || !newRoot || !proof) return false;
    return verifyConsistency({ oldSize: p.oldSize, newSize: p.newSize, oldRoot, newRoot, proof }, hash);
  } catch {
    return false;
  }
}

/**
 * The dossier check for one entry: the checkpoint's signature holds, and the proof leads from
 * the entry to exactly the tree size and root that checkpoint signed.
 */
export function verifyEntryInCheckpoint(
  entry: CustodyEntry,
  p: InclusionProofJson,
  cp: Checkpoint,
  hash: HashFn = sha256,
): boolean {
  return (
    verifyCheckpointSignature(cp) &&
    p.treeSize === cp.treeSize &&
    p.rootHash === cp.rootHash &&
    verifyInclusionProofJson(entry, p, hash)
  );
}
