// The folder of write-once objects beside the database (`FILE.objects/`): each object is named
// by the SHA-256 of its bytes, under a folder of its name's first two hex digits. An object is
// written to tmp/, flushed, and renamed into place; the folders that received a name are flushed
// (flush()) before the database row naming the object commits, so a crash leaves at most an
// object no row names, never a row without its object. Objects are never rewritten.
import { randomBytes } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm, stat, unlink } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { CustodiaError } from '../../shared/errors/error-codes';
import { sha256Hex } from '../platform/sha256';
import { syncDirectory, writeNewSynced } from '../platform/atomic-write';

const NAME = /^[0-9a-f]{64}$/;
const FAN = /^[0-9a-f]{2}$/;

/** A vault's objects and what binds them to it (the vault id in every object's associated data). */
export interface VaultObjects {
  store: ObjectStore;
  vaultId: string;
}

export function objectsPath(vaultPath: string): string {
  return `${vaultPath}.objects`;
}

export class ObjectStore {
  readonly dir: string;
  /** Folders that received a name since the last flush. */
  readonly #touched = new Set<string>();
  /** Fan-out folders known to exist. */
  readonly #fans = new Set<string>();
  #ready = false;

  constructor(dir: string) {
    this.dir = dir;
  }

  pathOf(name: string): string {
    if (!NAME.test(name)) throw new CustodiaError('E_OBJECT_MISSING', `"${name.slice(0, 80)}" is not an object name`);
    return join(this.dir, name.slice(0, 2), name);
  }

  get tempDir(): string {
    return join(this.dir, 'tmp');
  }

  async #prepare(): Promise<void> {
    if (this.#ready) return;
    // The first folder made is a new name in its parent: the vault's folder, for a vault whose
    // objects folder did not exist yet (one from before objects), else the objects folder.
    const made = await mkdir(this.tempDir, { recursive: true, mode: 0o700 });
    if (made !== undefined) this.#touched.add(dirname(made));
    this.#ready = true;
  }

  /**
   * Writes bytes as a new object and returns its name. Bytes under a fresh random key and IV never
   * repeat, so a name already present would hold these very bytes: nothing is ever rewritten.
   */
  async put(bytes: Uint8Array): Promise<string> {
    const name = sha256Hex(bytes);
    await this.#prepare();
    const fan = join(this.dir, name.slice(0, 2));
    if (!this.#fans.has(fan)) {
      // A new fan-out folder is itself a new name in the objects folder.
      if ((await mkdir(fan, { recursive: true, mode: 0o700 })) !== undefined) this.#touched.add(this.dir);
      this.#fans.add(fan);
    }
    const temp = join(this.tempDir, `${name}.${randomBytes(4).toString('hex')}`);
    try {
      await writeNewSynced(temp, bytes);
      await rename(temp, join(fan, name));
    } catch (e) {
      // A full disk, most often: the part written goes now, not at the next unlock.
      await rm(temp, { force: true });
      throw e;
    }
    this.#touched.add(fan);
    return name;
  }

  /** Makes every rename since the last flush durable; call before committing rows that name them. */
  async flush(): Promise<void> {
    const dirs = [...this.#touched];
    this.#touched.clear();
    // Fan-out folders first, then the objects folder (which holds new fan-out folders), then the
    // vault's folder (which may hold a new objects folder): children before parents.
    await Promise.all(dirs.filter((d) => d !== this.dir && d !== dirname(this.dir)).map(syncDirectory));
    if (dirs.includes(this.dir)) await syncDirectory(this.dir);
    if (dirs.includes(dirname(this.dir))) await syncDirectory(dirname(this.dir));
  }

  /** The object's bytes, checked against its name: E_OBJECT_MISSING or E_OBJECT_ALTERED otherwise. */
  async get(name: string): Promise<Buffer> {
    let bytes: Buffer;
    try {
      bytes = await readFile(this.pathOf(name));
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') throw new CustodiaError('E_OBJECT_MISSING', `object ${name} is missing`, { object: name });
      throw e;
    }
    if (sha256Hex(bytes) !== name) throw new CustodiaError('E_OBJECT_ALTERED', `object ${name} does not hash to its name`, { object: name });
    return bytes;
  }

  /** Every object name in the store (readdir only); anything else in the folder is ignored. */
  async list(): Promise<string[]> {
    const fans = await readdir(this.dir).catch((e: NodeJS.ErrnoException) => {
      if (e.code === 'ENOENT') return [] as string[];
      throw e;
    });
    const found: string[] = [];
    for (const fan of fans.filter((f) => FAN.test(f)).sort()) {
      for (const name of (await readdir(join(this.dir, fan))).sort()) {
        if (NAME.test(name) && name.slice(0, 2) === fan) found.push(name);
      }
    }
    return found;
  }

  /** When the object was written (ms), or undefined if it is gone. */
  async writtenAt(name: string): Promise<number | undefined> {
    return stat(this.pathOf(name)).then((s) => s.mtimeMs, () => undefined);
  }

  async remove(name: string): Promise<void> {
    await unlink(this.pathOf(name)).catch((e: NodeJS.ErrnoException) => {
      if (e.code !== 'ENOENT') throw e;
    });
    this.#touched.add(join(this.dir, name.slice(0, 2)));
  }

  /** Drops what an interrupted write left in tmp/ (ciphertext only, never plaintext). */
  async clearTemp(): Promise<void> {
    const left = await readdir(this.tempDir).catch(() => [] as string[]);
    await Promise.all(left.map((f) => rm(join(this.tempDir, f), { force: true })));
  }
}
