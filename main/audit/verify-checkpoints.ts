// Every checkpoint stored in the vault, and optionally one kept outside it, must be signed by a
// key the log vouches for, while it vouched for it, and must match the root recomputed from the
// entries. A key stops counting at the entry that replaced or removed it: a removed user who kept
// their old key header can still unwrap their old signing key, and must not sign a later tree (T3).
import type { Database } from '../vault/database';
import type { Checkpoint } from '../../shared/custody/checkpoint';
import { fromHex, toHex } from '../../shared/custody/bytes';
import { isNoteCheckpoint, noteSigner, type KeptCheckpoint, type TreeHead } from '../../shared/custody/tlog-checkpoint';
import { CheckpointVerifier } from '../custody/node-ed25519';
import { heldAt, type KeyPeriod } from '../../shared/custody/roster';
import { signingKeyPeriods } from '../custody/roster-log';
import type { TreeLevels } from '../custody/tree-levels';
import type { ProblemList } from './verify-problems';

export async function verifyStoredCheckpoints(db: Database, origin: string, tree: TreeLevels, problems: ProblemList): Promise<number> {
  const keys = await signingKeyPeriods(db);
  const verifier = new CheckpointVerifier(new Set(keys.keys()));
  const checkpoints = await storedCheckpoints(db, problems);
  checkpoints.forEach((cp, i) => checkOne(cp, `checkpoint ${i + 1}`, origin, keys, verifier, tree, problems));
  return checkpoints.length;
}

/**
 * The rows themselves: numbered 1, 2, … as they were added (none is ever removed), each row's
 * tree size the one its checkpoint signed, and the log only ever grew from one to the next.
 */
async function storedCheckpoints(db: Database, problems: ProblemList): Promise<Checkpoint[]> {
  const rows = await db.all<{ id: number; tree_size: number; checkpoint: string }>('SELECT id, tree_size, checkpoint FROM checkpoints ORDER BY id');
  const checkpoints: Checkpoint[] = [];
  let previous = { id: 0, size: 0 };
  for (const row of rows) {
    if (row.id !== previous.id + 1) problems.add({ code: 'E_CHECKPOINT_MISSING', message: `checkpoint ${previous.id + 1} is gone from the vault` });
    let cp: Checkpoint;
    try {
      cp = JSON.parse(row.checkpoint) as Checkpoint;
    } catch {
      problems.add({ code: 'E_CHECKPOINT_SIGNATURE', message: `checkpoint ${row.id} is not a signed checkpoint any more` });
      previous = { id: row.id, size: previous.size };
      continue;
    }
    if (cp.treeSize !== row.tree_size || cp.treeSize < previous.size) {
      problems.add({ code: 'E_CHECKPOINT_ALTERED', message: `checkpoint ${row.id} (size ${cp.treeSize}) is out of step with its row or its predecessor: the table was rearranged` });
    }
    checkpoints.push(cp);
    previous = { id: row.id, size: cp.treeSize };
  }
  return checkpoints;
}

/** A checkpoint held outside the vault, in either form: the log must still contain the tree it describes. */
export function verifyExternalCheckpoint(cp: KeptCheckpoint, origin: string, keys: Map<string, KeyPeriod>, tree: TreeLevels, problems: ProblemList): void {
  if (cp.origin !== origin) {
    problems.add({ code: 'E_CONSISTENCY', message: `the checkpoint is for ${cp.origin}, not this vault (${origin})` });
    return;
  }
  if (cp.treeSize > tree.size) {
    problems.add({ code: 'E_CONSISTENCY', message: `the checkpoint describes ${cp.treeSize} entries but the log has only ${tree.size}: the log was cut short` });
    return;
  }
  if (!isNoteCheckpoint(cp)) {
    checkOne(cp, 'the external checkpoint', origin, keys, new CheckpointVerifier(new Set()), tree, problems, 'E_CONSISTENCY');
    return;
  }
  // A note names no signer: the log's announced keys are tried, and a failing one refuses it.
  let signer: Uint8Array | undefined;
  try {
    signer = noteSigner(cp.note, origin, [...keys.keys()].map((k) => fromHex(k)));
  } catch (e) {
    problems.add({ code: 'E_CHECKPOINT_SIGNATURE', message: `the external checkpoint note: ${(e as Error).message}` });
    return;
  }
  if (!signer) {
    problems.add({ code: 'E_CHECKPOINT_KEY_UNKNOWN', message: 'the external checkpoint note is signed by no key any user of this log holds' });
    return;
  }
  checkHolderAndRoot({ ...cp, signer: toHex(signer) }, 'the external checkpoint', keys, tree, problems, 'E_CONSISTENCY');
}

function checkOne(
  cp: Checkpoint, label: string, origin: string, keys: Map<string, KeyPeriod>, verifier: CheckpointVerifier, tree: TreeLevels,
  problems: ProblemList, rootCode: 'E_ROOT_MISMATCH' | 'E_CONSISTENCY' = 'E_ROOT_MISMATCH',
): void {
  if (!verifier.verify(cp)) {
    problems.add({ code: 'E_CHECKPOINT_SIGNATURE', message: `${label} (size ${cp.treeSize}) has an invalid signature` });
  }
  if (cp.origin !== origin) problems.add({ code: 'E_ROOT_MISMATCH', message: `${label} names another vault: ${cp.origin}` });
  checkHolderAndRoot(cp, label, keys, tree, problems, rootCode);
}

/** Its signer held the key then (T3), and the log's first treeSize entries still have its root. */
function checkHolderAndRoot(
  cp: TreeHead & { signer: string }, label: string, keys: Map<string, KeyPeriod>, tree: TreeLevels, problems: ProblemList,
  rootCode: 'E_ROOT_MISMATCH' | 'E_CONSISTENCY',
): void {
  const period = keys.get(cp.signer);
  if (!period) {
    problems.add({ code: 'E_CHECKPOINT_KEY_UNKNOWN', message: `${label} is signed by key ${cp.signer.slice(0, 16)}…, which no user of this log holds` });
  } else if (!heldAt(period, cp.treeSize)) {
    problems.add({
      code: 'E_CHECKPOINT_KEY_UNKNOWN',
      message: `${label} (size ${cp.treeSize}) is signed by ${period.user}'s key ${cp.signer.slice(0, 16)}…, which was theirs only from entry ${period.fromSeq}${period.untilSeq === undefined ? '' : ` until entry ${period.untilSeq}`}`,
    });
  }
  if (!Number.isSafeInteger(cp.treeSize) || cp.treeSize < 0 || cp.treeSize > tree.size) {
    problems.add({ code: rootCode, message: `${label} describes ${cp.treeSize} entries; the log has ${tree.size}` });
    return;
  }
  if (tree.rootAt(cp.treeSize).toString('hex') !== cp.rootHash) {
    problems.add({ code: rootCode, message: `${label}: the log's first ${cp.treeSize} entries no longer have the root it signed; history was rewritten` });
  }
}
