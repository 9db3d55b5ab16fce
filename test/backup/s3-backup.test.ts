// T9 with an S3 store: s3rver (which ignores conditional writes) started in-process on 127.0.0.1.
// A vault backed up through the CLI with only the AWS environment variables, deleted, restored,
// verified, every item's bytes equal; a second backup adds only new objects; the store's files
// hold no marker (T1); an object overwritten on the store is refused at restore.
import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import S3rver from 's3rver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createVault } from '../../main/accounts/vault-session';
import { restoreVault } from '../../main/backup/restore-vault';
import { S3Target } from '../../main/backup/s3-target';
import { spawn } from 'node:child_process';
import { buildCli } from '../cli/cli-harness';
import { CHEAP_KDF, PASSPHRASE, errorCode } from '../vault/fixture';
import { fillVault, holdingMarker, itemBytes, itemsOf, tempDir } from './backup-fixture';

const BUCKET = 'custodia-backups';
let server: S3rver;
let storeDir: string;
let work: string;
let cli: string;
let env: Record<string, string>;

beforeAll(async () => {
  cli = await buildCli();
  storeDir = await tempDir('s3rver');
  work = await tempDir('s3-work');
  server = new S3rver({ address: '127.0.0.1', port: 0, silent: true, directory: storeDir, configureBuckets: [{ name: BUCKET, configs: [] }] });
  const { port } = await server.run();
  env = {
    AWS_ENDPOINT_URL: `http://127.0.0.1:${port}`, AWS_ACCESS_KEY_ID: 'S3RVER', AWS_SECRET_ACCESS_KEY: 'S3RVER',
    AWS_REGION: 'us-east-1', CUSTODIA_S3_PATH_STYLE: '1', CUSTODIA_PASSPHRASE: PASSPHRASE,
  };
});
afterAll(async () => {
  await server.close();
  for (const d of [storeDir, work]) await rm(d, { recursive: true, force: true });
});

/** The CLI as a child process, asynchronously: the store answers from this very process, so spawnSync would deadlock. */
function runCli(args: string[]): Promise<{ status: number | null; stdout: string; stderr: string; json: () => Record<string, unknown> }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [cli, ...args], { env: { PATH: process.env.PATH ?? '', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => { stdout += d.toString(); });
    child.stderr.on('data', (d: Buffer) => { stderr += d.toString(); });
    child.on('close', (status) => resolve({ status, stdout, stderr, json: () => JSON.parse(stdout) as Record<string, unknown> }));
  });
}

function client(): S3Client {
  return new S3Client({
    endpoint: env.AWS_ENDPOINT_URL, region: 'us-east-1', forcePathStyle: true,
    credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
  });
}

describe('T9 backup to an S3 store and restore', () => {
  it('round trip through the CLI with the AWS environment: restored, verified, every item equal, no marker on the store', async () => {
    const vault = join(work, 'v.custodia');
    const s = await createVault({ path: vault, user: 'ana', passphrase: PASSPHRASE, kdf: CHEAP_KDF });
    let before: Map<number, Buffer>;
    try {
      await fillVault(s, work, [3, 1]);
      before = await itemBytes(s);
    } finally {
      await s.close();
    }
    const to = `s3://${BUCKET}/org/laptop-1`;
    const first = await runCli(['vault', 'backup', '--vault', vault, '--user', 'ana', '--to', to, '--json']);
    expect(first.stderr.split('\n').filter((l) => !l.startsWith('backing up')).join('')).toBe('');
    expect(first.status, first.stderr).toBe(0);
    const again = await runCli(['vault', 'backup', '--vault', vault, '--user', 'ana', '--to', to, '--json']);
    expect(again.status).toBe(0);
    expect(again.json()).toMatchObject({ sequence: 2, objectsWritten: 0 });
    expect(await holdingMarker(storeDir)).toEqual([]);
    await rm(vault);
    await rm(`${vault}.keys`);
    await rm(`${vault}.objects`, { recursive: true });
    const restored = join(work, 'restored.custodia');
    const r = await runCli(['vault', 'restore', '--from', to, '--vault', restored, '--user', 'ana', '--json']);
    expect(r.stderr.split('\n').filter((l) => !l.startsWith('restoring')).join('')).toBe('');
    expect(r.status).toBe(0);
    const verify = await runCli(['log', 'verify', '--vault', restored, '--user', 'ana', '--json']);
    expect(verify.status).toBe(0);
    const after = await itemsOf(restored);
    expect([...after.keys()]).toEqual([...before.keys()]);
    for (const [id, bytes] of before) expect(after.get(id)?.equals(bytes), `item ${id}`).toBe(true);
  });

  it('an object overwritten on the store (it ignores conditional writes) is refused at restore: E_BACKUP_ALTERED', async () => {
    const target = new S3Target(`s3://${BUCKET}/org/laptop-1`, client());
    const [object] = await target.list('objects/');
    expect(object).toBeDefined();
    await client().send(new PutObjectCommand({ Bucket: BUCKET, Key: `org/laptop-1/${object ?? ''}`, Body: Buffer.from('not the object') }));
    const laptop = await tempDir('s3-laptop');
    try {
      expect(await errorCode(restoreVault({ target, vaultPath: join(laptop, 'r.custodia'), user: 'ana', passphrase: PASSPHRASE }))).toBe('E_BACKUP_ALTERED');
    } finally {
      await rm(laptop, { recursive: true, force: true });
    }
  });

  it('a store that cannot be reached is E_BACKUP_TARGET', async () => {
    const target = new S3Target(`s3://${BUCKET}/x`, new S3Client({
      endpoint: 'http://127.0.0.1:9', region: 'us-east-1', forcePathStyle: true, maxAttempts: 1,
      credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
    }));
    expect(await errorCode(target.list('manifests/'))).toBe('E_BACKUP_TARGET');
  });
});
