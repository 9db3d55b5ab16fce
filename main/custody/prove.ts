// Inclusion and consistency proofs against signed checkpoints: what lets a prosecutor check one
// entry without seeing the rest of the log, and an auditor check that the log only grew.
import type { Database } from '../vault/database';
import type { CustodyEntry } from '../../shared/custody/custody-entry';
import type { Checkpoint } from '../../shared/custody/checkpoint';
import { verifyConsistencyProofJson, verifyInclusionProofJson, type ConsistencyProofJson, type InclusionProofJson } from '../../shared/custody/proof-json';
import { leafHash } from '../../shared/custody/merkle';
import { toHex, utf8 } from '../../shared/custody/bytes';
import { CustodiaError } from '../../shared/errors/error-codes';
import { consistencyProofAt, inclusionProofAt, rootAt } from './merkle-store';
import { nodeSha256 } from '../platform/sha256';
import { parseStoredEntry } from './stored-entry';

export async function readEntry(db: Database, seq: number): Promise<{ entry: CustodyEntry; text: string }> {
  const row = await db.get<{ entry: string }>('SELECT entry FROM custody_log WHERE seq = ?', [seq]);
  if (!row) throw new CustodiaError('E_NOT_FOUND', `no custody entry ${seq}`);
  return { entry: parseStoredEntry(row.entry), text: row.entry };
}

/** Proof that entry `seq` is leaf seq-1 of the tree the checkpoint signed. */
export async function proveInclusion(db: Database, seq: number, checkpoint: Checkpoint): Promise<InclusionProofJson> {
  if (!Number.isSafeInteger(seq) || seq < 1 || seq > checkpoint.treeSize) {
    throw new CustodiaError('E_NOT_FOUND', `entry ${seq} is not covered by a checkpoint of ${checkpoint.treeSize} entries`);
  }
  const { entry, text } = await readEntry(db, seq);
  const proof = await inclusionProofAt(db, seq - 1, checkpoint.treeSize);
  const json: InclusionProofJson = {
    leafIndex: seq - 1,
    treeSize: checkpoint.treeSize,
    leafHash: toHex(leafHash(utf8(text), nodeSha256)),
    proof: proof.map(toHex),
    rootHash: checkpoint.rootHash,
  };
  // The proof comes from the stored subtree cache: it leaves only if it leads to the signed root.
  if (!verifyInclusionProofJson(entry, json, nodeSha256)) {
    throw new CustodiaError('E_ROOT_MISMATCH', `the stored Merkle tree gives no valid proof of entry ${seq} against the checkpoint: run log verify`);
  }
  return json;
}

export async function proveConsistency(db: Database, oldSize: number, newSize: number): Promise<ConsistencyProofJson> {
  const json: ConsistencyProofJson = {
    oldSize,
    newSize,
    oldRoot: toHex(await rootAt(db, oldSize)),
    newRoot: toHex(await rootAt(db, newSize)),
    proof: (await consistencyProofAt(db, oldSize, newSize)).map(toHex),
  };
  if (!verifyConsistencyProofJson(json, nodeSha256)) {
    throw new CustodiaError('E_ROOT_MISMATCH', `the stored Merkle tree gives no valid consistency proof from ${oldSize} to ${newSize}: run log verify`);
  }
  return json;
}
