// A checkpoint file comes from outside the vault: parse it strictly before trusting any field.
import { z } from 'zod';
import { CustodiaError } from '../../shared/errors/error-codes';
import type { Checkpoint } from '../../shared/custody/checkpoint';

const hex = (bytes: number) => z.string().regex(new RegExp(`^[0-9a-f]{${bytes * 2}}$`));

const checkpointSchema = z.strictObject({
  origin: z.string().min(1).max(200),
  treeSize: z.number().int().nonnegative(),
  rootHash: hex(32),
  time: z.string().max(64),
  signer: hex(32),
  signature: hex(64),
});

/** The file form `log checkpoint` and the app's "save checkpoint" write, and parseCheckpointFile reads. */
export function checkpointFileText(cp: Checkpoint): string {
  return `${JSON.stringify(cp, null, 2)}\n`;
}

export function parseCheckpointFile(path: string, text: string): Checkpoint {
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
