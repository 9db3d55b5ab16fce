// Files Custodia writes appear whole or not at all (T9, test/README.md): every writer goes
// through here, so every file gets the same durability: a temporary file beside the target,
// flushed to disk, renamed into place, and the folder flushed so the rename itself survives
// a power cut.
import { randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, openSync, renameSync, unlinkSync, writeSync } from 'node:fs';
import { access, link, open, rename, unlink, type FileHandle } from 'node:fs/promises';
import { CustodiaError } from '../../shared/errors/error-codes';
import { basename, dirname, join } from 'node:path';

export function tempPathFor(target: string): string {
  return join(dirname(target), `.${basename(target)}.${randomBytes(6).toString('hex')}.tmp`);
}

/** Flushes a folder (so a rename or a new file in it survives a power cut) or a file; a no-op where it cannot be flushed. */
export async function syncDirectory(dir: string): Promise<void> {
  let fh: FileHandle;
  try {
    fh = await open(dir, 'r');
  } catch {
    return; // Windows cannot open a folder for reading; there the rename is already durable.
  }
  try {
    await fh.sync();
  } catch {
    // Some filesystems refuse fsync on a folder; the rename itself is still atomic.
  } finally {
    await fh.close();
  }
}

function syncDirectorySync(dir: string): void {
  let fd: number;
  try {
    fd = openSync(dir, 'r');
  } catch {
    return;
  }
  try {
    fsyncSync(fd);
  } catch {
    // As in syncDirectory.
  } finally {
    closeSync(fd);
  }
}

/** Flushes a finished temp file written by a stream, then moves it into place durably. */
export async function commitTempFile(temp: string, target: string, options: AtomicWriteOptions = {}): Promise<void> {
  const fh = await open(temp, 'r+');
  try {
    await fh.sync();
  } finally {
    await fh.close();
  }
  await options.beforePlace?.();
  await place(temp, target, options);
}

async function place(temp: string, target: string, options: AtomicWriteOptions): Promise<void> {
  if (options.replace === false) await placeWithoutReplacing(temp, target);
  else await rename(temp, target);
  await syncDirectory(dirname(target));
}

export interface AtomicWriteOptions {
  /** false: never replace an existing target (it may be a sealed original passed by mistake). */
  replace?: boolean;
  /** The temp file's path, when the caller must note it before it exists (vault/pending-files.ts). */
  temp?: string;
  /** Runs once the temp file is complete and on disk, before it takes the target's name. */
  beforePlace?: () => Promise<void>;
}

function existsError(target: string): CustodiaError {
  return new CustodiaError('E_EXISTS', `${target} already exists; choose another output file`);
}

/** rename() replaces silently; link() fails on an existing name, atomically, where links exist. */
async function placeWithoutReplacing(temp: string, target: string): Promise<void> {
  try {
    await link(temp, target);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') throw existsError(target);
    // FAT and exFAT sticks have no links: a last check, then the rename.
    if (await access(target).then(() => true, () => false)) throw existsError(target);
    await rename(temp, target);
    return;
  }
  await unlink(temp);
}

/**
 * Writes target through `fill`, which receives an exclusive, owner-only temp file. Nothing is
 * left behind when `fill` or the commit throws.
 */
export async function writeAtomic(target: string, fill: (file: FileHandle) => Promise<void>, options: AtomicWriteOptions = {}): Promise<void> {
  if (options.replace === false && (await access(target).then(() => true, () => false))) throw existsError(target);
  const temp = options.temp ?? tempPathFor(target);
  const fh = await open(temp, 'wx', 0o600);
  try {
    await fillAndSync(fh, fill);
    await options.beforePlace?.();
    await place(temp, target, options);
  } catch (e) {
    await unlink(temp).catch(() => undefined);
    throw e;
  }
}

async function fillAndSync(fh: FileHandle, fill: (file: FileHandle) => Promise<void>): Promise<void> {
  try {
    await fill(fh);
    await fh.sync();
  } finally {
    await fh.close();
  }
}

/** A new owner-only file holding bytes, flushed to the disk before it returns; refused if the name exists. The caller gives it its final name. */
export async function writeNewSynced(path: string, bytes: Uint8Array): Promise<void> {
  await fillAndSync(await open(path, 'wx', 0o600), (fh) => fh.writeFile(bytes));
}

export async function writeFileAtomic(target: string, data: string | Uint8Array, options: AtomicWriteOptions = {}): Promise<void> {
  await writeAtomic(target, (fh) => fh.writeFile(data), options);
}

/** The same guarantee for the few writers that must stay synchronous (app settings at quit). */
export function writeFileAtomicSync(target: string, data: string | Uint8Array): void {
  const temp = tempPathFor(target);
  const fd = openSync(temp, 'wx', 0o600);
  try {
    try {
      const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
      for (let at = 0; at < bytes.length; ) at += writeSync(fd, bytes, at);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temp, target);
  } catch (e) {
    try {
      unlinkSync(temp);
    } catch {
      // Already gone or never made; the error that matters is e.
    }
    throw e;
  }
  syncDirectorySync(dirname(target));
}
