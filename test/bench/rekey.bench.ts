// Re-key (user remove, vault rekey) of a vault holding BENCH_MIB of evidence, against `cp -r` of
// the whole vault (database, key header, objects; fsynced) in the same run. The evidence objects
// keep their keys (held in the database, which the re-key copies under its new key), so the
// re-key copies the database only: issue 14 asks for under 5 s with 1 GiB of evidence.
// Usage: node --import tsx test/bench/rekey.bench.ts   (BENCH_MIB=1024 by default)
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createVault, openVault } from '../../main/accounts/vault-session';
import { rotateVaultKey } from '../../main/accounts/rotate-vault-key';
import { importEvidence } from '../../main/evidence/import-evidence';
import { addCase } from '../../main/records/cases';
import { addIncident } from '../../main/records/incidents';

const MiB = 1024 * 1024;
const SIZE_MIB = Number(process.env.BENCH_MIB ?? 1024);
const LIMIT_SECONDS = 5;
const CHEAP = { alg: 'scrypt', N: 16384, r: 8, p: 1 } as const;

const dir = await mkdtemp(join(tmpdir(), 'custodia-bench-rekey-'));
try {
  const vault = join(dir, 'vault');
  await mkdir(vault);
  const path = join(vault, 'v.custodia');
  let s = await createVault({ path, user: 'ana', passphrase: 'bench passphrase', kdf: CHEAP });
  const c = await addCase(s, { title: 'bench' });
  const inc = await addIncident(s, c.id, { occurredAt: '2026-10-02T18:30:00-05:00', place: 'x', channel: 'phone', verbatim: '', riskLevel: 'low', type: 'threat' });
  // Items of 64 MiB, as a day of recordings would be.
  const file = join(dir, 'item.bin');
  for (let left = SIZE_MIB; left > 0; left -= 64) {
    await writeFile(file, randomBytes(Math.min(64, left) * MiB));
    await importEvidence(s, inc.id, file, { method: 'other' });
  }
  await rm(file);
  await s.close();
  s = await openVault({ path, user: 'ana', passphrase: 'bench passphrase' });
  const dbMiB = (await stat(path)).size / MiB;

  let t = performance.now();
  execFileSync('cp', ['-r', vault, join(dir, 'copy')]);
  execFileSync('sync', ['-f', join(dir, 'copy')]);
  const cpSeconds = (performance.now() - t) / 1000;
  await rm(join(dir, 'copy'), { recursive: true });

  t = performance.now();
  await rotateVaultKey(s, { reason: 'bench' });
  const rekeySeconds = (performance.now() - t) / 1000;
  await s.close();

  console.log(`vault: ${SIZE_MIB} MiB of evidence in objects, database ${dbMiB.toFixed(1)} MiB`);
  console.log(`cp -r of the vault folder + sync: ${cpSeconds.toFixed(2)} s`);
  console.log(`re-key: ${rekeySeconds.toFixed(2)} s = ${(rekeySeconds / cpSeconds).toFixed(3)}x the time of cp -r (limit ${LIMIT_SECONDS} s: ${rekeySeconds < LIMIT_SECONDS ? 'met' : 'NOT met'})`);
  process.exitCode = rekeySeconds < LIMIT_SECONDS ? 0 : 1;
} finally {
  await rm(dir, { recursive: true, force: true });
}
