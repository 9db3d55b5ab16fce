// One manifest per backup, `manifests/<sequence>.json`, never rewritten: what that backup holds,
// each file named by the SHA-256 of its bytes. Plaintext on purpose (restore must read it before
// any key is open), so it holds nothing but the vault id, a time, sizes and hashes.
import { z } from 'zod';
import { CustodiaError } from '../../shared/errors/error-codes';
import type { BackupTarget } from './backup-target';

export const MANIFEST_FORMAT = 'custodia-backup';
const sha = z.string().regex(/^[0-9a-f]{64}$/);

const manifestSchema = z.strictObject({
  format: z.literal(MANIFEST_FORMAT),
  version: z.literal(1),
  sequence: z.number().int().min(1),
  vaultId: z.uuid(),
  createdAt: z.string().max(64),
  /** Entries of the custody log in the snapshot; the note written after the manifest covers them all. */
  treeSize: z.number().int().nonnegative(),
  header: sha,
  snapshot: sha,
  objects: z.array(sha),
});

export type BackupManifest = z.infer<typeof manifestSchema>;

export const objectName = (sha256: string): string => `objects/${sha256.slice(0, 2)}/${sha256}`;
export const snapshotName = (sha256: string): string => `snapshots/${sha256}`;
export const headerName = (sha256: string): string => `headers/${sha256}`;
export const checkpointName = (sha256: string): string => `checkpoints/${sha256}`;
export const manifestName = (sequence: number): string => `manifests/${String(sequence).padStart(10, '0')}.json`;

const MANIFEST = /^manifests\/([0-9]{10})\.json$/;

/** Sequence numbers of the manifests on the target, highest first. */
export async function manifestSequences(target: BackupTarget): Promise<number[]> {
  const names = await target.list('manifests/');
  return names.flatMap((n) => {
    const m = MANIFEST.exec(n);
    return m ? [Number(m[1])] : [];
  }).sort((a, b) => b - a);
}

export function manifestText(m: BackupManifest): string {
  return `${JSON.stringify(m, null, 2)}\n`;
}

export async function readManifest(target: BackupTarget, sequence: number): Promise<BackupManifest> {
  const name = manifestName(sequence);
  const bytes = await target.read(name);
  if (!bytes) throw new CustodiaError('E_BACKUP_OBJECT_MISSING', `the backup's ${name} is gone`, { file: name });
  let json: unknown;
  try {
    json = JSON.parse(bytes.toString('utf8'));
  } catch {
    throw new CustodiaError('E_BACKUP_ALTERED', `the backup's ${name} is not JSON`, { file: name });
  }
  const parsed = manifestSchema.safeParse(json);
  if (!parsed.success || parsed.data.sequence !== sequence) throw new CustodiaError('E_BACKUP_ALTERED', `the backup's ${name} is not a Custodia backup manifest`, { file: name });
  return parsed.data;
}
