// Evidence ingest into the vault against `sha256sum` of the same file, in the same run.
// Usage: node --import tsx test/bench/vault-ingest.bench.ts   (BENCH_MIB=1024 by default)
// Each configuration runs in a child process so its peak RSS (getrusage maxrss) is its own.
import { execFileSync, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, open, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DRIVER_NAMES, type DriverName } from '../../main/vault/drivers/connection';

const MiB = 1024 * 1024;
const SIZE_MIB = Number(process.env.BENCH_MIB ?? 1024);
const CHEAP = { alg: 'scrypt', N: 16384, r: 8, p: 1 } as const;

interface ChildResult { seconds: number; maxRssMiB: number; extra?: number }

async function child(mode: string, file: string, dir: string, pageSize: number, chunkSize: number, journal: string): Promise<ChildResult> {
  const { createVault } = await import('../../main/accounts/vault-session');
  const { importEvidence } = await import('../../main/evidence/import-evidence');
  const { readEvidence } = await import('../../main/evidence/read-evidence');
  const { addCase } = await import('../../main/records/cases');
  const { addIncident } = await import('../../main/records/incidents');
  const { deriveKey, DEFAULT_KDF } = await import('../../main/vault/kdf');
  if (mode === 'kdf') {
    const before = process.memoryUsage().rss;
    const t = performance.now();
    await deriveKey('a passphrase of some length', randomBytes(16), DEFAULT_KDF);
    const seconds = (performance.now() - t) / 1000;
    return { seconds, maxRssMiB: process.resourceUsage().maxRSS / 1024, extra: before / MiB };
  }
  const s = await createVault({ path: join(dir, `v-${process.pid}.custodia`), user: 'ana', passphrase: 'bench passphrase', kdf: CHEAP, pageSize });
  if (journal !== 'wal') await s.db.get(`PRAGMA journal_mode = ${journal}`);
  const c = await addCase(s, { title: 'bench' });
  const inc = await addIncident(s, c.id, { occurredAt: '2026-10-02T18:30:00-05:00', place: 'x', channel: 'phone', verbatim: '', riskLevel: 'low', type: 'threat' });
  let t = performance.now();
  const item = await importEvidence(s, inc.id, file, { method: 'other' }, { chunkSize });
  let seconds = (performance.now() - t) / 1000;
  let extra: number | undefined;
  if (mode === 'roundtrip') {
    t = performance.now();
    await readEvidence(s, item.id, join(dir, `out-${process.pid}.bin`));
    extra = (performance.now() - t) / 1000;
  }
  await s.close();
  seconds = Number(seconds.toFixed(3));
  return { seconds, maxRssMiB: process.resourceUsage().maxRSS / 1024, extra };
}

function runChild(args: string[], driver?: DriverName): ChildResult {
  const env = driver ? { ...process.env, CUSTODIA_DB_DRIVER: driver } : process.env;
  const r = spawnSync(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), '--child', ...args], { encoding: 'utf8', maxBuffer: 16 * MiB, env });
  if (r.status !== 0) throw new Error(`child failed: ${r.stderr}`);
  return JSON.parse(r.stdout.trim().split('\n').pop() ?? '{}') as ChildResult;
}

async function makeFile(path: string): Promise<void> {
  const f = await open(path, 'w');
  for (let i = 0; i < SIZE_MIB; i += 16) await f.write(randomBytes(16 * MiB));
  await f.close();
}

async function main(): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'custodia-bench-'));
  try {
    const file = join(dir, 'evidence.bin');
    await makeFile(file);
    execFileSync('sha256sum', [file]); // warm the page cache so both sides read from memory
    const t = performance.now();
    execFileSync('sha256sum', [file]);
    const baseline = SIZE_MIB / ((performance.now() - t) / 1000);
    console.log(`file ${SIZE_MIB} MiB; sha256sum ${baseline.toFixed(0)} MiB/s (baseline)\n`);
    console.log('page size | chunk  | journal | ingest MiB/s | ratio | peak RSS MiB');
    const configs: [number, number, string][] = [
      [4096, MiB, 'wal'], [16384, MiB, 'wal'], [65536, 256 * 1024, 'wal'], [65536, MiB, 'wal'], [65536, 4 * MiB, 'wal'], [65536, MiB, 'delete'],
    ];
    for (const [page, chunk, journal] of configs) {
      const r = runChild(['ingest', file, dir, String(page), String(chunk), journal]);
      console.log(`${String(page).padStart(9)} | ${String(chunk / 1024).padStart(4)}K  | ${journal.padEnd(7)} | ${(SIZE_MIB / r.seconds).toFixed(0).padStart(12)} | ${(SIZE_MIB / r.seconds / baseline).toFixed(2)}  | ${r.maxRssMiB.toFixed(0)}`);
      for (const f of await readdir(dir)) if (f.startsWith('v-')) await rm(join(dir, f), { force: true });
    }
    console.log('\ndefaults (64 KiB pages, 1 MiB chunks, WAL), each driver:');
    for (const driver of DRIVER_NAMES) {
      const d = runChild(['roundtrip', file, dir, '65536', String(MiB), 'wal'], driver);
      const ingest = SIZE_MIB / d.seconds;
      const readBack = SIZE_MIB / (d.extra ?? Infinity);
      // Floors for the default driver (issue 13): ingest >= 0.6x sha256sum, peak RSS < 256 MiB.
      const floor = driver === 'signal' ? 0.6 : 0.5;
      console.log(`${driver}: ingest ${ingest.toFixed(0)} MiB/s = ${(ingest / baseline).toFixed(2)}x sha256sum (floor ${floor}x: ${ingest / baseline >= floor ? 'met' : 'NOT met'}); read-back with hash check ${readBack.toFixed(0)} MiB/s; peak RSS ${d.maxRssMiB.toFixed(0)} MiB (target < 256: ${d.maxRssMiB < 256 ? 'met' : 'NOT met'})`);
      for (const f of await readdir(dir)) if (f.startsWith('v-')) await rm(join(dir, f), { force: true });
    }
    const k = runChild(['kdf', file, dir, '0', '0', 'wal']);
    console.log(`unlock (default scrypt KDF): ${k.seconds.toFixed(2)} s (target >= 0.5 s: ${k.seconds >= 0.5 ? 'met' : 'NOT met'}), peak RSS ${k.maxRssMiB.toFixed(0)} MiB from ${(k.extra ?? 0).toFixed(0)} MiB before`);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

const argv = process.argv.slice(2);
if (argv[0] === '--child') {
  const [, mode = '', file = '', dir = '', page = '0', chunk = '0', journal = 'wal'] = argv;
  const r = await child(mode, file, dir, Number(page), Number(chunk), journal);
  console.log(JSON.stringify(r));
} else {
  await main();
}
