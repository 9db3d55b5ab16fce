// Checkpoints: the tree size and root hash at a moment, signed by the acting user. Kept in the
// vault and exportable, so a copy held elsewhere can later prove the log was not cut short.
import type { Database } from '../vault/database';
import { signCheckpoint as signBody, type Checkpoint } from '../../shared/custody/checkpoint';
import { toHex } from '../../shared/custody/bytes';
import { rootAt } from './merkle-store';
import { treeSize } from './custody-log';
import { loadSigningKey } from './signing-keys';

export function checkpointOrigin(vaultId: string): string {
  return `custodia/${vaultId}`;
}

/** Signs the log as it stands with signer's key, and keeps the checkpoint in the vault. */
export async function signCheckpoint(db: Database, vaultId: string, signer: string): Promise<Checkpoint> {
  return db.transaction(async (tx) => {
    const key = await loadSigningKey(tx, signer);
    const size = await treeSize(tx);
    const checkpoint = signBody({
      origin: checkpointOrigin(vaultId),
      treeSize: size,
      rootHash: toHex(await rootAt(tx, size)),
      time: new Date().toISOString(),
      signer: toHex(key.publicKey),
    }, key.secretKey);
    await tx.run('INSERT INTO checkpoints (tree_size, checkpoint) VALUES (?, ?)', [size, JSON.stringify(checkpoint)]);
    return checkpoint;
  });
}

export async function listCheckpoints(db: Database): Promise<Checkpoint[]> {
  const rows = await db.all<{ checkpoint: string }>('SELECT checkpoint FROM checkpoints ORDER BY id');
  return rows.map((r) => JSON.parse(r.checkpoint) as Checkpoint);
}

export async function latestCheckpoint(db: Database): Promise<Checkpoint | undefined> {
  const row = await db.get<{ checkpoint: string }>('SELECT checkpoint FROM checkpoints ORDER BY id DESC LIMIT 1');
  return row ? (JSON.parse(row.checkpoint) as Checkpoint) : undefined;
}
