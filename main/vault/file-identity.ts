// Which file a vault path named when it was opened (device and inode). SQLite keeps writing to a
// vault file that was deleted or replaced under it, and every commit then "succeeds" into a file
// nobody will open again (T9): each commit and the close compare the path with what was opened.
import { stat } from 'node:fs/promises';
import { CustodiaError } from '../../shared/errors/error-codes';

export interface FileIdentity {
  dev: number;
  ino: number;
}

export async function fileIdentity(path: string): Promise<FileIdentity | null> {
  try {
    const s = await stat(path);
    return { dev: s.dev, ino: s.ino };
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw e;
  }
}

/** Throws E_VAULT_GONE when `path` no longer names the file that was opened. */
export async function assertSameFile(path: string, opened: FileIdentity): Promise<void> {
  const now = await fileIdentity(path);
  if (!now) throw new CustodiaError('E_VAULT_GONE', `the vault file ${path} was deleted while it was open: nothing was saved`);
  if (now.dev !== opened.dev || now.ino !== opened.ino) {
    throw new CustodiaError('E_VAULT_GONE', `the vault file ${path} was replaced by another file while it was open: nothing was saved`);
  }
}
