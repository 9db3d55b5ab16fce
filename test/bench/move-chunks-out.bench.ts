// Migration 010 on an older vault holding BENCH_MIB of evidence in its database: the first unlock
// moves every chunk out into objects, then drops the chunk table and VACUUMs. Against `cp` of the
// database file + sync in the same run (what moving the bytes once, durably, costs).
// Usage: node --import tsx test/bench/move-chunks-out.bench.ts   (BENCH_MIB=1024 by default)
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createVault, openVault } from '../../main/accounts/vault-session';
import { importEvidence } from '../../main/evidence/import-evidence';
import { addCase } from '../../main/records/cases';
import { addIncident } from '../../main/records/incidents';
import { backToChunks } from '../vault/legacy-chunks';

const MiB = 1024 * 1024;
const SIZE_MIB = Number(process.env.BENCH_MIB ?? 1024);
const CHEAP = { alg: 'scrypt', N: 16384, r: 8, p: 1 } as const;
const PASS = 'bench passphrase';

const dir = await mkdtemp(join(tmpdir(), 'custodia-bench-move-'));
try {
  const path = join(dir, 'v.custodia');
  const s = await createVault({ path, user: 'ana', passphrase: PASS, kdf: CHEAP });
  const c = await addCase(s, { title: 'bench' });
  const inc = await addIncident(s, c.id, { occurredAt: '2026-10-02T18:30:00-05:00', place: 'x', channel: 'phone', verbatim: '', riskLevel: 'low', type: 'threat' });
  const file = join(dir, 'item.bin');
  for (let left = SIZE_MIB; left > 0; left -= 64) {
    await writeFile(file, randomBytes(Math.min(64, left) * MiB));
    await importEvidence(s, inc.id, file, { method: 'other' }, { chunkSize: MiB });
  }
  await rm(file);
  await backToChunks(s);
  const before = (await stat(path)).size / MiB;

  let t = performance.now();
  execFileSync('cp', [path, join(dir, 'copy.bin')]);
  execFileSync('sync', ['-f', join(dir, 'copy.bin')]);
  const cpSeconds = (performance.now() - t) / 1000;
  await rm(join(dir, 'copy.bin'));

  let movedAt = 0;
  t = performance.now();
  const opened = await openVault({ path, user: 'ana', passphrase: PASS, onStorageProgress: (f) => { if (f === 1) movedAt = performance.now(); } });
  const end = performance.now();
  await opened.close();
  const after = (await stat(path)).size / MiB;
  const total = (end - t) / 1000;
  const tail = (end - movedAt) / 1000;
  console.log(`older vault: database ${before.toFixed(0)} MiB holding ${SIZE_MIB} MiB of evidence in 1 MiB chunks`);
  console.log(`cp + sync of the database file: ${cpSeconds.toFixed(2)} s`);
  console.log(`first unlock, moving everything out: ${total.toFixed(2)} s = ${(total / cpSeconds).toFixed(2)}x cp + sync (${(SIZE_MIB / total).toFixed(0)} MiB/s), of which drop + VACUUM + WAL truncate ${tail.toFixed(2)} s`);
  console.log(`database after: ${after.toFixed(1)} MiB`);
} finally {
  await rm(dir, { recursive: true, force: true });
}
