// TARGET as the user gives it: a folder (a USB stick, a share, a synced folder).
import type { BackupTarget } from './backup-target';
import { FolderTarget } from './folder-target';

export function openTarget(spec: string): BackupTarget {
  return new FolderTarget(spec);
}
