// Quick erase for a raid (THREATS T1/T2): the key header is overwritten with random bytes and
// made durable before anything else, so within that one small write the vault's content key
// exists nowhere on this laptop and the database and evidence objects are noise; only then are
// the files removed, however long a large objects folder takes. An SSD may keep old blocks of
// the header, but the slots there are sealed under each passphrase's scrypt key, never in the
// clear. Copies made before (backups, a kept FILE.keys) are untouched: they bring it back.
import { randomBytes } from 'node:crypto';
import { open, readdir, stat, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { headerPath } from '../vault/header-file';
import { removeVaultFiles } from '../vault/vault-files';
import type { VaultSession } from './vault-session';

export interface EraseResult {
  /** Milliseconds from the start until no key to the vault remained on disk. */
  unreadableAfterMs: number;
  /** Milliseconds until every file of the vault was gone. */
  removedAfterMs: number;
}

/** Overwrites a file in place with random bytes of its own length and flushes it to the disk. */
async function shred(path: string): Promise<void> {
  const size = await stat(path).then((s) => s.size, () => -1);
  if (size < 0) return;
  const fh = await open(path, 'r+');
  try {
    await fh.write(randomBytes(Math.max(size, 1)), 0, Math.max(size, 1), 0);
    await fh.sync();
  } finally {
    await fh.close();
  }
  await unlink(path);
}

/** The key header and every temporary copy of it an interrupted write left beside it. */
async function headerCopies(path: string): Promise<string[]> {
  const dir = dirname(path);
  const keys = basename(headerPath(path));
  const names = await readdir(dir).catch(() => [] as string[]);
  return [headerPath(path), ...names.filter((n) => n.startsWith(`.${keys}.`) && n.endsWith('.tmp')).map((n) => join(dir, n))];
}

/** Key header and its copies first, then (after `beforeRemove`) every other file of the vault. */
async function erase(path: string, beforeRemove: () => Promise<void>): Promise<EraseResult> {
  const t0 = performance.now();
  for (const copy of await headerCopies(path)) await shred(copy);
  const unreadableAfterMs = performance.now() - t0;
  await beforeRemove();
  await removeVaultFiles(path);
  return { unreadableAfterMs, removedAfterMs: performance.now() - t0 };
}

export function eraseVault(session: VaultSession): Promise<EraseResult> {
  // The session's own copy of the key goes with the session; what it would seal has nowhere to live.
  return erase(session.path, () => session.close().catch(() => undefined));
}

/**
 * The same with no session: the opt-in erase after too many failed unlocks, when nobody who
 * knows a passphrase is at the keyboard (the app counts the failures, main/app/settings-store.ts).
 */
export function eraseVaultUnopened(path: string): Promise<EraseResult> {
  return erase(path, async () => undefined);
}
