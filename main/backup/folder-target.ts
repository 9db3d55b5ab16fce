// A backup target that is a folder: a USB stick, a network share, a Syncthing folder. Each file is
// written to tmp/, flushed, and given its name with link(), which fails on an existing name, so a
// name is never overwritten; the folders that gained names are flushed at sync(), before the
// manifest that names them, so the names survive a power cut (one flush per folder, not per file).
import { randomBytes } from 'node:crypto';
import { access, link, mkdir, readdir, readFile, rename, unlink } from 'node:fs/promises';
import { syncDirectory, writeNewSynced } from '../platform/atomic-write';
import { dirname, join, resolve } from 'node:path';
import { checkTargetName, type BackupTarget } from './backup-target';

async function exists(path: string): Promise<boolean> {
  return access(path).then(() => true, () => false);
}

export class FolderTarget implements BackupTarget {
  readonly label: string;
  readonly #root: string;
  /** Folders that gained a name since the last sync. */
  readonly #touched = new Set<string>();

  constructor(root: string) {
    this.#root = resolve(root);
    this.label = this.#root;
  }

  #path(name: string): string {
    return join(this.#root, ...checkTargetName(name).split('/'));
  }

  async list(prefix: string): Promise<string[]> {
    const found: string[] = [];
    const walk = async (rel: string): Promise<void> => {
      const entries = await readdir(join(this.#root, rel), { withFileTypes: true }).catch((e: NodeJS.ErrnoException) => {
        if (e.code === 'ENOENT') return [];
        throw e;
      });
      for (const e of entries) {
        const name = `${rel}/${e.name}`;
        if (e.isDirectory()) await walk(name);
        else if (e.isFile()) found.push(name);
      }
    };
    await walk(prefix.replace(/\/$/, ''));
    return found;
  }

  has(name: string): Promise<boolean> {
    return exists(this.#path(name));
  }

  async putIfAbsent(name: string, bytes: Uint8Array): Promise<boolean> {
    const target = this.#path(name);
    if (await exists(target)) return false;
    const tmp = join(this.#root, 'tmp');
    await mkdir(tmp, { recursive: true });
    await mkdir(dirname(target), { recursive: true });
    const temp = join(tmp, `${name.replaceAll('/', '_')}.${randomBytes(4).toString('hex')}`);
    await writeNewSynced(temp, bytes);
    let placed = true;
    try {
      await link(temp, target);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'EEXIST') placed = false;
      else if (await exists(target)) placed = false;
      // FAT and exFAT sticks have no links: the check above, then a rename.
      else await rename(temp, target);
    }
    await unlink(temp).catch(() => undefined);
    if (placed) this.#touched.add(dirname(target));
    return placed;
  }

  async read(name: string): Promise<Buffer | undefined> {
    return readFile(this.#path(name)).catch((e: NodeJS.ErrnoException) => {
      if (e.code === 'ENOENT') return undefined;
      throw e;
    });
  }

  async sync(): Promise<void> {
    const dirs = [...this.#touched];
    this.#touched.clear();
    await Promise.all(dirs.map(syncDirectory));
    // A new fan-out or kind folder is itself a new name in its parent (objects/, or the root).
    if (dirs.length > 0) await Promise.all([...new Set([...dirs.map((d) => dirname(d)), this.#root])].map(syncDirectory));
  }

  close(): void {
    // Nothing held open between calls.
  }
}
