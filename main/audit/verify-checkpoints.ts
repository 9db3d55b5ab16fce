// Every checkpoint stored in the vault, and optionally one kept outside it, must be signed by a
// key the log vouches for and must match the root recomputed from the entries.
import type { Database } from '../vault/database';
import type { Checkpoint } from '../../shared/custody/checkpoint';
import { CheckpointVerifier } from '../custody/node-ed25519';
import { listCheckpoints } from '../custody/checkpoints';
import { loggedPublicKeys } from '../custody/signing-keys';
import type { TreeLevels } from '../custody/tree-levels';
import type { ProblemList } from './verify-problems';

export async function verifyStoredCheckpoints(db: Database, origin: string, tree: TreeLevels, problems: ProblemList): Promise<number> {
  const keys = await loggedPublicKeys(db);
  const verifier = new CheckpointVerifier(new Set(keys.keys()));
  const checkpoints = await listCheckpoints(db);
  checkpoints.forEach((cp, i) => checkOne(cp, `checkpoint ${i + 1}`, origin, keys, verifier, tree, problems));
  return checkpoints.length;
}

/** A checkpoint held outside the vault: the log must still contain the tree it describes. */
export function verifyExternalCheckpoint(cp: Checkpoint, origin: string, keys: Map<string, string>, tree: TreeLevels, problems: ProblemList): void {
  if (cp.origin !== origin) {
    problems.add({ code: 'E_CONSISTENCY', message: `the checkpoint is for ${cp.origin}, not this vault (${origin})` });
    return;
  }
  if (cp.treeSize > tree.size) {
    problems.add({ code: 'E_CONSISTENCY', message: `the checkpoint describes ${cp.treeSize} entries but the log has only ${tree.size}: the log was cut short` });
    return;
  }
  checkOne(cp, 'the external checkpoint', origin, keys, new CheckpointVerifier(new Set()), tree, problems, 'E_CONSISTENCY');
}

function checkOne(
  cp: Checkpoint, label: string, origin: string, keys: Map<string, string>, verifier: CheckpointVerifier, tree: TreeLevels,
  problems: ProblemList, rootCode: 'E_ROOT_MISMATCH' | 'E_CONSISTENCY' = 'E_ROOT_MISMATCH',
): void {
  if (!verifier.verify(cp)) {
    problems.add({ code: 'E_CHECKPOINT_SIGNATURE', message: `${label} (size ${cp.treeSize}) has an invalid signature` });
  }
  if (!keys.has(cp.signer)) {
    problems.add({ code: 'E_CHECKPOINT_KEY_UNKNOWN', message: `${label} is signed by key ${cp.signer.slice(0, 16)}…, which no user of this log holds` });
  }
  if (cp.origin !== origin) problems.add({ code: 'E_ROOT_MISMATCH', message: `${label} names another vault: ${cp.origin}` });
  if (!Number.isSafeInteger(cp.treeSize) || cp.treeSize < 0 || cp.treeSize > tree.size) {
    problems.add({ code: rootCode, message: `${label} describes ${cp.treeSize} entries; the log has ${tree.size}` });
    return;
  }
  if (tree.rootAt(cp.treeSize).toString('hex') !== cp.rootHash) {
    problems.add({ code: rootCode, message: `${label}: the log's first ${cp.treeSize} entries no longer have the root it signed; history was rewritten` });
  }
}
