// `vault restore`: a vault made again from a target's latest backup, on a new laptop. Everything is
// fetched into a hidden folder beside the new vault and checked there (each file against its name,
// the header against the manifest, the whole vault with log verify against every checkpoint the
// target holds); only a vault that passed takes its names, the database file last. A crash before
// the check leaves the hidden folder, removed by the next restore; one after it, a restore the next
// run finishes. So a vault under the new name is always whole.
import { access, mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { toHex } from '../../shared/custody/bytes';
import type { KeptCheckpoint } from '../../shared/custody/tlog-checkpoint';
import { CustodiaError, type ErrorCode } from '../../shared/errors/error-codes';
import { unlockVault } from '../accounts/unlock-vault';
import { verifyLog } from '../audit/verify-log';
import { parseCheckpointFile } from '../custody/checkpoint-file';
import { rootAt } from '../custody/merkle-store';
import { syncDirectory, writeFileAtomic } from '../platform/atomic-write';
import { crashPoint } from '../platform/crash-point';
import { sha256Hex } from '../platform/sha256';
import { headerPath, readHeader } from '../vault/header-file';
import { ObjectStore, objectsPath } from '../vault/object-store';
import type { BackupTarget } from './backup-target';
import { PARALLEL_WRITES } from './backup-vault';
import { inParallel } from './in-parallel';
import { checkpointName, headerName, manifestSequences, objectName, readManifest, snapshotName } from './manifest';

export interface RestoreResult {
  sequence: number;
  objects: number;
  entries: number;
  evidence: number;
  checkpoints: number;
}

export interface RestoreOptions {
  target: BackupTarget;
  vaultPath: string;
  user: string;
  passphrase: string;
  onProgress?: (fraction: number) => void;
}

const CHECKPOINT_CODES = new Set<ErrorCode>(['E_CONSISTENCY', 'E_CHECKPOINT_SIGNATURE', 'E_CHECKPOINT_KEY_UNKNOWN', 'E_ROOT_MISMATCH']);
const VERIFIED = 'verified.json';

async function exists(path: string): Promise<boolean> {
  return access(path).then(() => true, () => false);
}

export function stagingPath(vaultPath: string): string {
  return join(dirname(vaultPath), `.${basename(vaultPath)}.restoring`);
}

async function fetchChecked(target: BackupTarget, name: string, sha256: string): Promise<Buffer> {
  const bytes = await target.read(name);
  if (!bytes) throw new CustodiaError('E_BACKUP_OBJECT_MISSING', `the backup lacks ${name}`, { file: name });
  if (sha256Hex(bytes) !== sha256) throw new CustodiaError('E_BACKUP_ALTERED', `the backup's ${name} does not hash to its name: altered, damaged or swapped`, { file: name });
  return bytes;
}

/** Every checkpoint note on the target, each checked against its name. */
async function targetCheckpoints(target: BackupTarget): Promise<KeptCheckpoint[]> {
  const found: KeptCheckpoint[] = [];
  for (const name of await target.list('checkpoints/')) {
    const sha256 = name.slice('checkpoints/'.length);
    const bytes = await fetchChecked(target, checkpointName(sha256), sha256);
    try {
      found.push(parseCheckpointFile(name, bytes.toString('utf8')));
    } catch {
      throw new CustodiaError('E_BACKUP_ALTERED', `the backup's ${name} is not a checkpoint note`, { file: name });
    }
  }
  return found.sort((a, b) => b.treeSize - a.treeSize);
}

/** Gives the checked vault its names; the database last, so the vault exists only once it is whole. */
async function moveIntoPlace(staging: string, vaultPath: string): Promise<RestoreResult> {
  const staged = join(staging, basename(vaultPath));
  const result = JSON.parse(await readFile(join(staging, VERIFIED), 'utf8')) as RestoreResult;
  if (await exists(objectsPath(staged))) await rename(objectsPath(staged), objectsPath(vaultPath));
  if (await exists(headerPath(staged))) await rename(headerPath(staged), headerPath(vaultPath));
  crashPoint('restore:moving');
  await rename(staged, vaultPath);
  await syncDirectory(dirname(vaultPath));
  await rm(staging, { recursive: true, force: true });
  return result;
}

async function fetchAndCheck(o: RestoreOptions, staging: string): Promise<RestoreResult> {
  const staged = join(staging, basename(o.vaultPath));
  const [latest] = await manifestSequences(o.target);
  if (latest === undefined) throw new CustodiaError('E_BACKUP_EMPTY', 'the target holds no backup');
  const manifest = await readManifest(o.target, latest);
  await writeFileAtomic(headerPath(staged), await fetchChecked(o.target, headerName(manifest.header), manifest.header));
  if ((await readHeader(staged)).vaultId !== manifest.vaultId) throw new CustodiaError('E_BACKUP_ALTERED', 'the backup\'s key header is for another vault than its manifest');
  await writeFileAtomic(staged, await fetchChecked(o.target, snapshotName(manifest.snapshot), manifest.snapshot));
  const store = new ObjectStore(objectsPath(staged));
  const fans = new Map<string, Promise<unknown>>();
  let done = 0;
  // Written without a flush each (the folder is private and thrown away on any failure), then
  // flushed all together before anything is trusted: the writes are then on their way to the disk.
  // A name listed twice (an edited manifest) is fetched once.
  const names = [...new Set(manifest.objects)];
  await inParallel(names, PARALLEL_WRITES, async (name) => {
    const bytes = await o.target.read(objectName(name));
    if (!bytes) throw new CustodiaError('E_BACKUP_OBJECT_MISSING', `the backup lacks ${objectName(name)}`, { file: objectName(name) });
    if (sha256Hex(bytes) !== name) throw new CustodiaError('E_BACKUP_ALTERED', `the backup's ${objectName(name)} does not hash to its name: altered, damaged or swapped`, { file: objectName(name) });
    const path = store.pathOf(name);
    const fan = dirname(path);
    // One mkdir per fan-out folder, awaited by every write into it.
    if (!fans.has(fan)) fans.set(fan, mkdir(fan, { recursive: true, mode: 0o700 }));
    await fans.get(fan);
    await writeFile(path, bytes, { flag: 'wx', mode: 0o600 });
    done += 1;
    o.onProgress?.(done / (names.length + 1));
    if (done === 1) crashPoint('restore:object');
  });
  await inParallel(names, PARALLEL_WRITES * 2, async (name) => syncDirectory(store.pathOf(name)));
  await Promise.all([...fans.keys()].map(syncDirectory));
  await syncDirectory(objectsPath(staged));
  const checkpoints = await targetCheckpoints(o.target);
  const session = await unlockVault({ path: staged, user: o.user, passphrase: o.passphrase });
  try {
    const [newest] = checkpoints;
    const report = await verifyLog(session, newest ? { externalCheckpoint: newest } : {});
    const first = report.problems[0];
    if (first) {
      const code = CHECKPOINT_CODES.has(first.code) ? 'E_BACKUP_INCONSISTENT' : 'E_BACKUP_ALTERED';
      throw new CustodiaError(code, `the restored vault does not verify (${first.code}: ${first.message})`, { problem: first.code });
    }
    if (report.entries < manifest.treeSize) throw new CustodiaError('E_BACKUP_INCONSISTENT', `the backup's log has ${report.entries} entries, its manifest ${manifest.treeSize}`);
    // Older notes: the verified tree must have had, at their size, the root they signed.
    for (const cp of checkpoints.slice(1)) {
      if (toHex(await rootAt(session.db, cp.treeSize)) !== cp.rootHash) {
        throw new CustodiaError('E_BACKUP_INCONSISTENT', `the restored log disagrees with the target's checkpoint of ${cp.treeSize} entries`);
      }
    }
    return { sequence: manifest.sequence, objects: manifest.objects.length, entries: report.entries, evidence: report.evidence, checkpoints: checkpoints.length };
  } finally {
    await session.close();
  }
}

export async function restoreVault(o: RestoreOptions): Promise<RestoreResult> {
  if (await exists(o.vaultPath)) throw new CustodiaError('E_EXISTS', `${o.vaultPath} already exists; restore to a new name`);
  const staging = stagingPath(o.vaultPath);
  // A restore that was checked and cut short while taking its names is finished, not begun again.
  if (await exists(join(staging, VERIFIED))) return moveIntoPlace(staging, o.vaultPath);
  if ((await exists(headerPath(o.vaultPath))) || (await exists(objectsPath(o.vaultPath)))) {
    throw new CustodiaError('E_EXISTS', `${headerPath(o.vaultPath)} or ${objectsPath(o.vaultPath)} already exists; restore to a new name`);
  }
  await rm(staging, { recursive: true, force: true });
  await mkdir(staging, { mode: 0o700, recursive: true });
  let result: RestoreResult;
  try {
    result = await fetchAndCheck(o, staging);
  } catch (e) {
    await rm(staging, { recursive: true, force: true });
    throw e;
  }
  crashPoint('restore:verified');
  await writeFileAtomic(join(staging, VERIFIED), JSON.stringify(result));
  o.onProgress?.(1);
  return moveIntoPlace(staging, o.vaultPath);
}
