// TARGET as the user gives it: `s3://bucket/prefix` for an S3 store, anything else a folder (a USB
// stick, a share, a synced folder). A folder must exist: a stick that is not mounted would
// otherwise become a new folder on the laptop's own disk.
import { stat } from 'node:fs/promises';
import { CustodiaError } from '../../shared/errors/error-codes';
import type { BackupTarget } from './backup-target';
import { FolderTarget } from './folder-target';
import { isS3Address, S3Target } from './s3-target';

export async function openTarget(spec: string): Promise<BackupTarget> {
  if (isS3Address(spec)) return new S3Target(spec);
  const isFolder = await stat(spec).then((s) => s.isDirectory(), () => false);
  if (!isFolder) throw new CustodiaError('E_NOT_FOUND', `the backup folder ${spec} does not exist (is the stick or share mounted?)`);
  return new FolderTarget(spec);
}
