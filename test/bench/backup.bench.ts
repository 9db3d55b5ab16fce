// Backups of a vault holding BENCH_MIB of evidence (default 1024) to a folder. An incremental backup
// after adding BENCH_MIB/10 of new evidence, against `cp` + sync of the new source files in the
// same run; a full restore (every file checked, then log verify reading every object back) against
// `cp -r` + sync of the target folder; then the same vault backed up to and restored from s3rver on
// 127.0.0.1 (a development server, so its figures say little about a real store).
// Usage: node --import tsx test/bench/backup.bench.ts   (BENCH_MIB=1024 by default)
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createVault } from '../../main/accounts/vault-session';
import { backupVault } from '../../main/backup/backup-vault';
import S3rver from 's3rver';
import { FolderTarget } from '../../main/backup/folder-target';
import { S3Target } from '../../main/backup/s3-target';
import { openVault } from '../../main/accounts/vault-session';
import { restoreVault } from '../../main/backup/restore-vault';
import { importEvidence } from '../../main/evidence/import-evidence';
import { addCase } from '../../main/records/cases';
import { addIncident } from '../../main/records/incidents';

const MiB = 1024 * 1024;
const SIZE_MIB = Number(process.env.BENCH_MIB ?? 1024);
const NEW_MIB = Math.max(1, Math.round(SIZE_MIB / 10));
const CHEAP = { alg: 'scrypt', N: 16384, r: 8, p: 1 } as const;
const PASS = 'bench passphrase';

const seconds = (from: number): number => (performance.now() - from) / 1000;

const dir = await mkdtemp(join(tmpdir(), 'custodia-bench-backup-'));
try {
  const path = join(dir, 'v.custodia');
  const s = await createVault({ path, user: 'ana', passphrase: PASS, kdf: CHEAP });
  const c = await addCase(s, { title: 'bench' });
  const inc = await addIncident(s, c.id, { occurredAt: '2026-10-02T18:30:00-05:00', place: 'x', channel: 'phone', verbatim: '', riskLevel: 'low', type: 'threat' });
  const addEvidence = async (mib: number, into: string): Promise<void> => {
    await mkdir(into, { recursive: true });
    for (let i = 0, left = mib; left > 0; i += 1, left -= 64) {
      const file = join(into, `item-${i}.bin`);
      await writeFile(file, randomBytes(Math.min(64, left) * MiB));
      await importEvidence(s, inc.id, file, { method: 'other' });
    }
  };
  await addEvidence(SIZE_MIB, join(dir, 'first'));
  await rm(join(dir, 'first'), { recursive: true });
  const targetDir = join(dir, 'target');
  await mkdir(targetDir);
  const target = new FolderTarget(targetDir);
  let t = performance.now();
  const full = await backupVault(s, target);
  const fullSeconds = seconds(t);

  await addEvidence(NEW_MIB, join(dir, 'new'));
  t = performance.now();
  execFileSync('cp', ['-r', join(dir, 'new'), join(dir, 'new-copy')]);
  execFileSync('sync', ['-f', join(dir, 'new-copy')]);
  const cpNew = seconds(t);
  t = performance.now();
  const incremental = await backupVault(s, target);
  const incSeconds = seconds(t);
  await s.close();

  t = performance.now();
  execFileSync('cp', ['-r', targetDir, join(dir, 'target-copy')]);
  execFileSync('sync', ['-f', join(dir, 'target-copy')]);
  const cpTarget = seconds(t);
  await rm(join(dir, 'target-copy'), { recursive: true });
  await mkdir(join(dir, 'restored'));
  t = performance.now();
  await restoreVault({ target, vaultPath: join(dir, 'restored', 'r.custodia'), user: 'ana', passphrase: PASS });
  const restoreSeconds = seconds(t);

  const server = new S3rver({ address: '127.0.0.1', port: 0, silent: true, directory: join(dir, 's3'), configureBuckets: [{ name: 'bench', configs: [] }] });
  const { port } = await server.run();
  Object.assign(process.env, { AWS_ENDPOINT_URL: `http://127.0.0.1:${port}`, AWS_ACCESS_KEY_ID: 'S3RVER', AWS_SECRET_ACCESS_KEY: 'S3RVER', AWS_REGION: 'us-east-1', CUSTODIA_S3_PATH_STYLE: '1' });
  const s3 = new S3Target('s3://bench/vault');
  let s3Backup = 0;
  let s3Restore = 0;
  try {
    const again = await openVault({ path, user: 'ana', passphrase: PASS });
    t = performance.now();
    await backupVault(again, s3);
    s3Backup = seconds(t);
    await again.close();
    await mkdir(join(dir, 'from-s3'));
    t = performance.now();
    const r = await restoreVault({ target: s3, vaultPath: join(dir, 'from-s3', 'r.custodia'), user: 'ana', passphrase: PASS });
    s3Restore = seconds(t);
    console.log(`s3rver: full backup ${s3Backup.toFixed(2)} s, full restore ${s3Restore.toFixed(2)} s (${r.evidence} items verified)`);
  } finally {
    s3.close();
    await server.close();
  }
  console.log(`vault of ${SIZE_MIB} MiB of evidence; full backup: ${fullSeconds.toFixed(2)} s, ${(full.bytesWritten / MiB).toFixed(0)} MiB written`);
  console.log(`incremental backup after adding ${NEW_MIB} MiB: ${(incremental.bytesWritten / MiB).toFixed(1)} MiB written (snapshot ${(incremental.snapshotBytes / MiB).toFixed(1)} MiB), ${incSeconds.toFixed(2)} s = ${(incSeconds / cpNew).toFixed(2)}x cp -r + sync of the new files (${cpNew.toFixed(2)} s)`);
  console.log(`full restore (files checked, then log verify): ${restoreSeconds.toFixed(2)} s; cp -r + sync of the target ${cpTarget.toFixed(2)} s: restore runs at ${(cpTarget / restoreSeconds).toFixed(2)}x cp -r`);
} finally {
  await rm(dir, { recursive: true, force: true });
}
