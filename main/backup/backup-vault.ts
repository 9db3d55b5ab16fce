// `vault backup`: adds to a target what it lacks. Evidence objects are already ciphertext named by
// their SHA-256, so only new names are copied. The database is exported, while the vault stays
// open, under the key its header's slots unwrap (so the backed-up header opens it), and goes with
// the header, a manifest of this backup, and then the latest checkpoint as a signed note. Every name is
// a content hash or a new sequence number: a repeated or interrupted backup only adds.
import { readFile, unlink } from 'node:fs/promises';
import { CustodiaError } from '../../shared/errors/error-codes';
import { sessionKey, type VaultSession } from '../accounts/vault-session';
import { checkpointFileText } from '../custody/checkpoint-file';
import { latestCheckpoint, signCheckpoint } from '../custody/checkpoints';
import { appendCustody } from '../custody/custody-log';
import { loadSigningKey } from '../custody/signing-keys';
import { crashPoint } from '../platform/crash-point';
import { sha256Hex } from '../platform/sha256';
import { backupCopyPath, headerPath, readHeader } from '../vault/header-file';
import { ObjectStore, objectsPath } from '../vault/object-store';
import { exportUnderNewKey } from '../vault/rekey-database';
import type { BackupTarget } from './backup-target';
import { inParallel } from './in-parallel';
import {
  MANIFEST_FORMAT, checkpointName, headerName, manifestName, manifestSequences, manifestText, objectName, readManifest, snapshotName,
  type BackupManifest,
} from './manifest';

export interface BackupResult {
  sequence: number;
  objects: number;
  objectsWritten: number;
  bytesWritten: number;
  /** Of bytesWritten, the database snapshot's (the rest is new objects, the header if it changed, the note). */
  snapshotBytes: number;
  treeSize: number;
}

/** Files written or read at once; measured in test/bench/backup.bench.ts on 2 cores (see README). */
export const PARALLEL_WRITES = 4;

export type BackupProgress = (fraction: number) => void;

class Writer {
  bytes = 0;
  readonly written: { name: string; sha256: string }[] = [];
  constructor(private readonly target: BackupTarget) {}

  /** sha256: of bytes, known already (an object's name, checked as it was read), so the bytes are hashed once. */
  async put(name: string, bytes: Uint8Array, sha256: string): Promise<void> {
    if (await this.target.putIfAbsent(name, bytes)) {
      this.bytes += bytes.length;
      this.written.push({ name, sha256 });
    }
  }

  /** Reads back what this run wrote: a store that dropped or mangled a write is caught now, not at restore. */
  async check(): Promise<void> {
    await inParallel(this.written, PARALLEL_WRITES, async (w) => {
      const back = await this.target.read(w.name);
      if (!back) throw new CustodiaError('E_BACKUP_OBJECT_MISSING', `the target lost ${w.name} just after it was written`, { file: w.name });
      if (sha256Hex(back) !== w.sha256) throw new CustodiaError('E_BACKUP_ALTERED', `${w.name} reads back other bytes than were written`, { file: w.name });
    });
  }
}

/** The next manifest number, after checking the target holds backups of this vault only. */
async function nextSequence(target: BackupTarget, vaultId: string): Promise<number> {
  const [latest] = await manifestSequences(target);
  if (latest === undefined) return 1;
  const m = await readManifest(target, latest);
  if (m.vaultId !== vaultId) throw new CustodiaError('E_BACKUP_OTHER_VAULT', `the target holds backups of vault ${m.vaultId}, not ${vaultId}`);
  return latest + 1;
}

export async function backupVault(session: VaultSession, target: BackupTarget, onProgress?: BackupProgress): Promise<BackupResult> {
  const sequence = await nextSequence(target, session.vaultId);
  // The entry is in the snapshot it announces; the target's path is hashed (it may name a person's share).
  await session.db.transaction((tx) => appendCustody(tx, {
    actor: session.user.name, action: 'export', subject: 'vault',
    details: { format: MANIFEST_FORMAT, sequence, target: sha256Hex(target.label) },
  }));
  const cp = await signCheckpoint(session.db, session.vaultId, session.user.name);
  const note = checkpointFileText(cp, (await loadSigningKey(session.db, session.user.name)).secretKey);
  const header = await readHeader(session.path);
  const headerBytes = await readFile(headerPath(session.path));
  const snapshotPath = backupCopyPath(session.path);
  // The snapshot first, the object list after: every object a snapshot row names was on disk before that row committed.
  await exportUnderNewKey(session.db, { sourcePath: session.path, target: snapshotPath, newKey: sessionKey(session), pageSize: header.cipher.pageSize });
  crashPoint('backup:snapshot');
  const snapshot = await readFile(snapshotPath);
  const store = new ObjectStore(objectsPath(session.path));
  const objects = await store.list();
  const have = new Set(await target.list('objects/'));
  const missing = objects.filter((o) => !have.has(objectName(o)));
  const writer = new Writer(target);
  let done = 0;
  // Several files in flight: each one's fsync overlaps the next one's read and write.
  await inParallel(missing, PARALLEL_WRITES, async (name) => {
    await writer.put(objectName(name), await store.get(name), name);
    done += 1;
    onProgress?.(done / (missing.length + 1));
    if (done === 1) crashPoint('backup:object');
  });
  const snapshotSha = sha256Hex(snapshot);
  const headerSha = sha256Hex(headerBytes);
  await writer.put(snapshotName(snapshotSha), snapshot, snapshotSha);
  await writer.put(headerName(headerSha), headerBytes, headerSha);
  crashPoint('backup:before-manifest');
  const manifest: BackupManifest = {
    format: MANIFEST_FORMAT, version: 1, sequence, vaultId: session.vaultId, createdAt: new Date().toISOString(),
    treeSize: cp.treeSize, header: headerSha, snapshot: snapshotSha, objects,
  };
  await writer.check();
  await target.sync();
  // The manifest last: a backup cut short before it leaves files the next one reuses, never a manifest naming what is not there.
  const manifestBytes = Buffer.from(manifestText(manifest), 'utf8');
  const noteBytes = Buffer.from(note, 'utf8');
  const noteSha = sha256Hex(noteBytes);
  if (!(await target.putIfAbsent(manifestName(sequence), manifestBytes))) {
    throw new CustodiaError('E_EXISTS', `another backup wrote ${manifestName(sequence)} meanwhile; run the backup again`);
  }
  await target.sync();
  const back = await target.read(manifestName(sequence));
  if (!back?.equals(manifestBytes)) throw new CustodiaError('E_BACKUP_ALTERED', `${manifestName(sequence)} reads back other bytes than were written`);
  crashPoint('backup:before-note');
  // The note after its manifest: a note the target holds always had its backup written, so a
  // restore that meets a note beyond the latest manifest knows a manifest was taken away (a
  // rollback), never a backup cut short.
  const noteWriter = new Writer(target);
  await noteWriter.put(checkpointName(noteSha), noteBytes, noteSha);
  await noteWriter.check();
  await target.sync();
  await unlink(snapshotPath).catch(() => undefined);
  const objectsWritten = writer.written.filter((w) => w.name.startsWith('objects/')).length;
  // The next backup carries this one's completion; the app's "last backup" reads it (backup-status.ts).
  await session.db.transaction((tx) => appendCustody(tx, {
    actor: session.user.name, action: 'export', subject: 'vault',
    details: { format: MANIFEST_FORMAT, sequence, target: sha256Hex(target.label), completed: true, objectsWritten, bytesWritten: writer.bytes },
  }));
  onProgress?.(1);
  const latest = await latestCheckpoint(session.db);
  return { sequence, objects: objects.length, objectsWritten, bytesWritten: writer.bytes, snapshotBytes: snapshot.length, treeSize: latest?.treeSize ?? cp.treeSize };
}
