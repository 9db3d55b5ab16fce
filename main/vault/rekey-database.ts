// Writes the whole database, under a new key, to a new file beside it (sqlcipher_export over an
// attached database). Chosen over `PRAGMA rekey` by measurement (test/bench/rekey.bench.ts: about
// twice as fast on 64 KiB pages) and for crash safety: the vault file is never touched while the
// copy is written, so a crash leaves the old file whole and the copy a leftover to delete.
import { open, rename, stat, unlink, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { syncDirectory } from '../platform/atomic-write';
import type { Database } from './database';
import { schemaVersion } from './migrate';

export type RekeyProgress = (fraction: number) => void;

async function sizeOf(path: string): Promise<number> {
  return stat(path).then((s) => s.size, () => 0);
}

/**
 * Copies db (open on sourcePath) into target under newKey, fsyncs it, and reports progress as
 * the copy's size over the source's (the one statement gives no progress of its own).
 */
export async function exportUnderNewKey(db: Database, o: { sourcePath: string; target: string; newKey: Buffer; pageSize: number; onProgress?: RekeyProgress }): Promise<void> {
  const total = Math.max(1, (await sizeOf(o.sourcePath)) + (await sizeOf(`${o.sourcePath}-wal`)));
  await unlink(o.target).catch(() => undefined);
  // The vault's connection opens files without O_CREAT: the attached file must exist already.
  await writeFile(o.target, '', { mode: 0o600, flag: 'wx' });
  const timer = setInterval(() => {
    void sizeOf(o.target).then((n) => o.onProgress?.(Math.min(0.99, n / total)));
  }, 250);
  try {
    const version = await schemaVersion(db);
    await db.run(`ATTACH DATABASE ? AS rekeyed KEY "x'${o.newKey.toString('hex')}'"`, [o.target]);
    try {
      await db.exec(`PRAGMA rekeyed.cipher_page_size = ${o.pageSize}`);
      // sqlcipher_export commits table by table: with a journal and syncs, each commit fsyncs
      // (650 ms for a 3 MiB database, 25 ms without). The copy is fsynced once below, and a crash
      // leaves only a copy that is deleted, so neither is needed for it.
      await db.exec('PRAGMA rekeyed.journal_mode = OFF');
      await db.exec('PRAGMA rekeyed.synchronous = OFF');
      await db.get("SELECT sqlcipher_export('rekeyed')");
      // sqlcipher_export copies schema and rows but not the schema version.
      await db.exec(`PRAGMA rekeyed.user_version = ${version}`);
    } finally {
      await db.exec('DETACH DATABASE rekeyed');
    }
  } catch (e) {
    await unlink(o.target).catch(() => undefined);
    throw e;
  } finally {
    clearInterval(timer);
  }
  const fh = await open(o.target, 'r+');
  try {
    await fh.sync();
  } finally {
    await fh.close();
  }
  o.onProgress?.(1);
}

/** Renames the finished copy over the vault file and flushes the folder, so the rename survives a power cut. */
export async function swapInCopy(copy: string, vaultPath: string): Promise<void> {
  await rename(copy, vaultPath);
  await syncDirectory(dirname(vaultPath));
}
