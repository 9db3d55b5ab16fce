// A checkpoint file comes from outside the vault: parse it strictly before trusting any field.
// It is a C2SP checkpoint note (what `log checkpoint` and the app write) or the JSON form
// earlier versions wrote, told apart by its first character.
import { z } from 'zod';
import { CustodiaError } from '../../shared/errors/error-codes';
import type { Checkpoint } from '../../shared/custody/checkpoint';
import { parseCheckpointNote, signCheckpointNote, type KeptCheckpoint } from '../../shared/custody/tlog-checkpoint';

const hex = (bytes: number) => z.string().regex(new RegExp(`^[0-9a-f]{${bytes * 2}}$`));

const checkpointSchema = z.strictObject({
  origin: z.string().min(1).max(200),
  treeSize: z.number().int().nonnegative(),
  rootHash: hex(32),
  time: z.string().max(64),
  signer: hex(32),
  signature: hex(64),
});

/** The file `log checkpoint` and the app's "save checkpoint" write: the checkpoint's tree as a C2SP note signed with the same key. */
export function checkpointFileText(cp: Checkpoint, secretKey: Uint8Array): string {
  return signCheckpointNote({ origin: cp.origin, treeSize: cp.treeSize, rootHash: cp.rootHash }, secretKey);
}

export function parseCheckpointFile(path: string, text: string): KeptCheckpoint {
  if (!text.trimStart().startsWith('{')) {
    try {
      return parseCheckpointNote(text);
    } catch (e) {
      if (e instanceof CustodiaError) throw new CustodiaError(e.code, `${path} is not a checkpoint note: ${e.message}`);
      throw e;
    }
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new CustodiaError('E_BAD_CHECKPOINT_FILE', `${path} is not JSON`);
  }
  const parsed = checkpointSchema.safeParse(json);
  if (!parsed.success) throw new CustodiaError('E_BAD_CHECKPOINT_FILE', `${path} is not a Custodia checkpoint: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  return parsed.data;
}
