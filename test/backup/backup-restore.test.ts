// T9 (a lost laptop): a vault backed up to a folder is restored elsewhere, verified, with every
// item's bytes equal; a second backup adds about the new evidence and a snapshot only; the target
// holds no plaintext (T1); a target whose files were altered, deleted, swapped or rolled back is
// refused with a code naming what broke, and nothing is left under the new vault's name.
import { access, readdir, readFile, rm, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openVault, createVault } from '../../main/accounts/vault-session';
import { verifyLog } from '../../main/audit/verify-log';
import { backupVault } from '../../main/backup/backup-vault';
import { FolderTarget } from '../../main/backup/folder-target';
import { openTarget } from '../../main/backup/open-target';
import { restoreVault, stagingPath } from '../../main/backup/restore-vault';
import { objectsPath } from '../../main/vault/object-store';
import { CHEAP_KDF, PASSPHRASE, addActiveUser, errorCode, tempVault, type TempVault } from '../vault/fixture';
import { addFiles, fillVault, filesUnder, holdingMarker, itemBytes, tempDir } from './backup-fixture';

let v: TempVault | undefined;
const dirs: string[] = [];
afterEach(async () => {
  await v?.cleanup();
  v = undefined;
  for (const d of dirs.splice(0)) await rm(d, { recursive: true, force: true });
});

async function dir(label: string): Promise<string> {
  const d = await tempDir(label);
  dirs.push(d);
  return d;
}

async function leftUnder(folder: string): Promise<string[]> {
  return readdir(folder);
}

/** A vault of two users and a few items, backed up once to a fresh folder. */
async function backedUp(mib: readonly number[] = [3, 1]) {
  v = await tempVault();
  await addActiveUser(v, 'doc', 'documenter');
  const sources = await dir('sources');
  const incident = await fillVault(v.session, sources, mib);
  const targetDir = await dir('target');
  const target = new FolderTarget(targetDir);
  const first = await backupVault(v.session, target);
  return { v, sources, incident, targetDir, target, first };
}

describe('T9 backup to a folder and restore on a new laptop', () => {
  it('restores a deleted vault, verified, opened with another user\'s passphrase, every item\'s bytes equal', async () => {
    const { v: vault, targetDir, target } = await backedUp();
    const before = await itemBytes(vault.session);
    await vault.session.close();
    await rm(vault.dir, { recursive: true, force: true });
    const laptop = await dir('laptop');
    const restored = join(laptop, 'restored.custodia');
    const r = await restoreVault({ target, vaultPath: restored, user: 'doc', passphrase: PASSPHRASE });
    expect(r.sequence).toBe(1);
    expect(r.evidence).toBe(before.size);
    expect((await leftUnder(laptop)).sort()).toEqual(['restored.custodia', 'restored.custodia.keys', 'restored.custodia.objects']);
    const s = await openVault({ path: restored, user: 'ana', passphrase: PASSPHRASE });
    try {
      const report = await verifyLog(s);
      expect(report.problems).toEqual([]);
      const after = await itemBytes(s);
      expect([...after.keys()]).toEqual([...before.keys()]);
      for (const [id, bytes] of before) expect(after.get(id)?.equals(bytes), `item ${id}`).toBe(true);
    } finally {
      await s.close();
    }
    expect(await holdingMarker(targetDir)).toEqual([]);
  });

  it('T1: no file on the target holds the marker of incident text, case title, sender or file name', async () => {
    const { targetDir } = await backedUp();
    expect((await filesUnder(targetDir)).length).toBeGreaterThan(4);
    expect(await holdingMarker(targetDir)).toEqual([]);
    expect(await holdingMarker(targetDir, 'Defensora')).toEqual([]);
  });

  it('a second backup after new imports writes about the new evidence and a snapshot, not the whole vault', async () => {
    const { v: vault, sources, incident, target, first } = await backedUp([8, 8]);
    await addFiles(vault.session, incident, sources, [2]);
    const second = await backupVault(vault.session, target);
    expect(second.sequence).toBe(2);
    expect(first.bytesWritten).toBeGreaterThan(17 * 1024 * 1024);
    // 2 MiB of evidence (sealed: a few bytes more per object), the header and the note; and the snapshot.
    const beside = second.bytesWritten - second.snapshotBytes;
    expect(beside).toBeGreaterThan(2 * 1024 * 1024);
    expect(beside).toBeLessThan(2 * 1024 * 1024 + 64 * 1024);
    expect(second.snapshotBytes).toBeLessThan(8 * 1024 * 1024);
    expect(second.objectsWritten).toBe(second.objects - first.objects);
    const third = await backupVault(vault.session, target);
    expect(third.objectsWritten).toBe(0);
  });

  it('refuses to restore over an existing vault (E_EXISTS) and a target of another vault\'s backups (E_BACKUP_OTHER_VAULT)', async () => {
    const { v: vault, target } = await backedUp([1]);
    expect(await errorCode(restoreVault({ target, vaultPath: vault.path, user: 'ana', passphrase: PASSPHRASE }))).toBe('E_EXISTS');
    const other = await dir('other');
    const s = await createVault({ path: join(other, 'o.custodia'), user: 'eva', passphrase: PASSPHRASE, kdf: CHEAP_KDF });
    try {
      expect(await errorCode(backupVault(s, target))).toBe('E_BACKUP_OTHER_VAULT');
    } finally {
      await s.close();
    }
    expect(await errorCode(restoreVault({ target: new FolderTarget(await dir('empty')), vaultPath: join(other, 'x.custodia'), user: 'ana', passphrase: PASSPHRASE }))).toBe('E_BACKUP_EMPTY');
  });
});

describe('backup targets as the user names them', () => {
  it('a folder that does not exist (an unmounted stick) is E_NOT_FOUND, not a new folder on the laptop', async () => {
    const missing = join(await dir('mnt'), 'STICK', 'custodia');
    expect(await errorCode(openTarget(missing))).toBe('E_NOT_FOUND');
    await expect(access(missing)).rejects.toThrow();
  });

  it('an s3:// address without a valid bucket is E_USAGE', async () => {
    expect(await errorCode(openTarget('s3://'))).toBe('E_USAGE');
    expect(await errorCode(openTarget('s3://Bad_Bucket/x'))).toBe('E_USAGE');
  });
});

describe('T9 a damaged or tampered target is refused at restore, and nothing is left half-restored', () => {
  async function refused(damage: (targetDir: string, objects: string[]) => Promise<void>): Promise<string> {
    const { targetDir, target } = await backedUp([2, 1]);
    const objects = (await filesUnder(join(targetDir, 'objects'))).sort();
    await damage(targetDir, objects);
    const laptop = await dir('laptop');
    const restored = join(laptop, 'r.custodia');
    const code = await errorCode(restoreVault({ target, vaultPath: restored, user: 'ana', passphrase: PASSPHRASE }));
    expect(await leftUnder(laptop)).toEqual([]);
    await expect(access(objectsPath(restored))).rejects.toThrow();
    await expect(access(stagingPath(restored))).rejects.toThrow();
    return code;
  }

  it('an altered object: E_BACKUP_ALTERED', async () => {
    expect(await refused(async (_d, objects) => {
      const f = objects[0] ?? '';
      const bytes = await readFile(f);
      bytes[100] = (bytes[100] ?? 0) ^ 1;
      await writeFile(f, bytes);
    })).toBe('E_BACKUP_ALTERED');
  });

  it('a deleted object: E_BACKUP_OBJECT_MISSING', async () => {
    expect(await refused(async (_d, objects) => unlink(objects[1] ?? ''))).toBe('E_BACKUP_OBJECT_MISSING');
  });

  it('two objects swapped: E_BACKUP_ALTERED', async () => {
    expect(await refused(async (_d, objects) => {
      const [a, b] = [objects[0] ?? '', objects[1] ?? ''];
      const [x, y] = [await readFile(a), await readFile(b)];
      await writeFile(a, y);
      await writeFile(b, x);
    })).toBe('E_BACKUP_ALTERED');
  });

  it('an altered snapshot: E_BACKUP_ALTERED', async () => {
    expect(await refused(async (d) => {
      const [f] = await filesUnder(join(d, 'snapshots'));
      await writeFile(f ?? '', Buffer.alloc(65536));
    })).toBe('E_BACKUP_ALTERED');
  });

  it('a manifest that leaves an object out: the restored vault lacks it, log verify says so, E_BACKUP_ALTERED', async () => {
    expect(await refused(async (d) => {
      const f = join(d, 'manifests', '0000000001.json');
      const m = JSON.parse(await readFile(f, 'utf8')) as { objects: string[] };
      await writeFile(f, JSON.stringify({ ...m, objects: m.objects.slice(1) }));
    })).toBe('E_BACKUP_ALTERED');
  });

  it('a manifest that is not one: E_BACKUP_ALTERED', async () => {
    expect(await refused(async (d) => writeFile(join(d, 'manifests', '0000000001.json'), '{"format":"custodia-backup"'))).toBe('E_BACKUP_ALTERED');
  });

  it('the latest backup hidden (its manifest deleted) so an older one passes for it: E_BACKUP_INCONSISTENT', async () => {
    const { v: vault, sources, incident, targetDir, target } = await backedUp([1]);
    await addFiles(vault.session, incident, sources, [1]);
    await backupVault(vault.session, target);
    await unlink(join(targetDir, 'manifests', '0000000002.json'));
    const laptop = await dir('laptop');
    const code = await errorCode(restoreVault({ target, vaultPath: join(laptop, 'r.custodia'), user: 'ana', passphrase: PASSPHRASE }));
    expect(code).toBe('E_BACKUP_INCONSISTENT');
    expect(await leftUnder(laptop)).toEqual([]);
  });
});

