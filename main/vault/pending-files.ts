// A plaintext file written outside the vault is noted here (encrypted, inside the vault) before
// its temp file exists, and forgotten once it is in place. After a crash the next open of the
// vault, by any command or the app, finds the note: an unfinished temp file is removed (it may
// hold evidence in the clear), and a complete one whose custody entry was already committed is
// moved into place, so a dossier never exists without its `export` entry, nor an entry without it.
import { access, rename, unlink } from 'node:fs/promises';
import type { Database } from './database';

async function exists(path: string): Promise<boolean> {
  return access(path).then(() => true, () => false);
}

/** Noted and committed before the temp file is created. */
export async function notePendingFile(db: Database, tempPath: string, finalPath: string): Promise<void> {
  await db.run('INSERT INTO pending_files (temp_path, final_path, started_at) VALUES (?, ?, ?)', [tempPath, finalPath, new Date().toISOString()]);
}

/** In the transaction that logs the file: from then on recovery completes it instead of removing it. */
export async function markPendingPublish(tx: Database, tempPath: string): Promise<void> {
  await tx.run('UPDATE pending_files SET publish = 1 WHERE temp_path = ?', [tempPath]);
}

export async function forgetPendingFile(db: Database, tempPath: string): Promise<void> {
  await db.run('DELETE FROM pending_files WHERE temp_path = ?', [tempPath]);
}

/** What an interrupted write left behind, settled; returns a sentence per file for the user. */
export async function recoverPendingFiles(db: Database): Promise<string[]> {
  const rows = await db.all<{ temp_path: string; final_path: string; publish: number }>('SELECT temp_path, final_path, publish FROM pending_files');
  const notices: string[] = [];
  for (const r of rows) {
    try {
      if (await exists(r.temp_path)) {
        if (r.publish === 1 && !(await exists(r.final_path))) {
          await rename(r.temp_path, r.final_path);
          notices.push(`an interrupted export was completed: ${r.final_path}`);
        } else {
          await unlink(r.temp_path);
          notices.push(`an unfinished file left by an interrupted command was removed: ${r.temp_path}`);
        }
      }
      await forgetPendingFile(db, r.temp_path);
    } catch (e) {
      // The note stays, so the next open tries again (a stick not plugged in, a folder read-only).
      notices.push(`could not settle ${r.temp_path} left by an interrupted command: ${(e as NodeJS.ErrnoException).code ?? String(e)}`);
    }
  }
  return notices;
}
