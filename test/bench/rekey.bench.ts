// Vault re-key throughput (user remove, vault rekey) against `cp` of the same vault file, made
// durable the same way (fsync), in the same run; floor 0.3x. Also `PRAGMA rekey` in place, the
// alternative the copy was chosen over (main/vault/rekey-database.ts).
// Usage: node --import tsx test/bench/rekey.bench.ts   (BENCH_MIB=512 by default)
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, open, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createVault, openVault } from '../../main/accounts/vault-session';
import { rotateVaultKey } from '../../main/accounts/rotate-vault-key';
import { openKeyedDatabase } from '../../main/vault/keyed-database';

const MiB = 1024 * 1024;
const SIZE_MIB = Number(process.env.BENCH_MIB ?? 512);
const FLOOR = 0.3;
const CHEAP = { alg: 'scrypt', N: 16384, r: 8, p: 1 } as const;

async function fsyncFile(path: string): Promise<void> {
  const fh = await open(path, 'r+');
  await fh.sync();
  await fh.close();
}

const dir = await mkdtemp(join(tmpdir(), 'custodia-bench-rekey-'));
try {
  const path = join(dir, 'v.custodia');
  let s = await createVault({ path, user: 'ana', passphrase: 'bench passphrase', kdf: CHEAP });
  await s.db.exec('CREATE TABLE bench_fill (b BLOB)');
  const blob = randomBytes(MiB);
  await s.db.transaction(async (tx) => {
    for (let i = 0; i < SIZE_MIB; i += 1) await tx.run('INSERT INTO bench_fill VALUES (?)', [blob]);
  });
  await s.close();
  s = await openVault({ path, user: 'ana', passphrase: 'bench passphrase' });
  const size = (await stat(path)).size / MiB;

  let t = performance.now();
  execFileSync('cp', [path, join(dir, 'copy.bin')]);
  await fsyncFile(join(dir, 'copy.bin'));
  const cpSeconds = (performance.now() - t) / 1000;
  await rm(join(dir, 'copy.bin'));

  t = performance.now();
  await rotateVaultKey(s, { reason: 'bench' });
  const rekeySeconds = (performance.now() - t) / 1000;
  await s.close();

  // PRAGMA rekey in place, on a throwaway database of the same size (rollback journal: it refuses WAL).
  const other = join(dir, 'inplace.db');
  const db = await openKeyedDatabase({ path: other, key: randomBytes(32), pageSize: 65536, create: true });
  await db.get('PRAGMA journal_mode = DELETE');
  await db.exec('CREATE TABLE bench_fill (b BLOB)');
  await db.transaction(async (tx) => {
    for (let i = 0; i < SIZE_MIB; i += 1) await tx.run('INSERT INTO bench_fill VALUES (?)', [blob]);
  });
  t = performance.now();
  await db.exec(`PRAGMA rekey = "x'${randomBytes(32).toString('hex')}'"`);
  const inPlaceSeconds = (performance.now() - t) / 1000;
  await db.close();

  const rate = size / rekeySeconds;
  const cpRate = size / cpSeconds;
  const ratio = rate / cpRate;
  console.log(`vault ${size.toFixed(0)} MiB`);
  console.log(`cp + fsync:           ${cpRate.toFixed(0)} MiB/s`);
  console.log(`re-key (copy, swap):  ${rate.toFixed(0)} MiB/s  ratio ${ratio.toFixed(2)}x cp (floor ${FLOOR}x) ${ratio >= FLOOR ? 'OK' : 'BELOW FLOOR'}`);
  console.log(`PRAGMA rekey in place: ${(size / inPlaceSeconds).toFixed(0)} MiB/s (not used)`);
  process.exitCode = ratio >= FLOOR ? 0 : 1;
} finally {
  await rm(dir, { recursive: true, force: true });
}
