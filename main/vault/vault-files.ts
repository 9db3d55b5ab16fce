// Every file that belongs to a vault besides its key header: the database and its journals, a
// re-key's copy, a backup's snapshot copy, the objects folder. Removed together when a vault
// creation fails half way and when a vault is erased.
import { rm, unlink } from 'node:fs/promises';
import { backupCopyPath, rekeyPath } from './header-file';
import { objectsPath } from './object-store';

export async function removeVaultFiles(path: string): Promise<void> {
  for (const f of [path, `${path}-wal`, `${path}-shm`, `${path}-journal`, rekeyPath(path), `${rekeyPath(path)}-wal`, backupCopyPath(path)]) {
    await unlink(f).catch(() => undefined);
  }
  await rm(objectsPath(path), { recursive: true, force: true });
}
