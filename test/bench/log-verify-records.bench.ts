// Two-way `log verify` benchmark (issue 10): a vault with N custody entries of which R create
// incidents (every table that holds them filled: heads, versions, list and search index), verified
// in full, both ways. Baseline, measured in this run: reading and hashing every entry once.
// The vault is filled through the product's own bulk paths (importIncidents, appendCustodyBatch),
// a few large transactions, so the fixture costs a minute rather than an hour.
// Usage: node --import tsx test/bench/log-verify-records.bench.ts [N=1000000] [R=100000]
import { mkdtemp, rm } from 'node:fs/promises';
import { hash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createVault } from '../../main/accounts/vault-session';
import { appendCustodyBatch } from '../../main/custody/custody-log';
import { signSessionCheckpoint } from '../../main/accounts/sealed-changes';
import { addCase } from '../../main/records/cases';
import { importIncidents, MAX_IMPORT } from '../../main/records/bulk-import';
import { verifyLog } from '../../main/audit/verify-log';
import { DRIVER_NAMES } from '../../main/vault/drivers/connection';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

// Once per database driver, each in its own process (issue 13 reports both drivers' figures).
if (!process.env.CUSTODIA_DB_DRIVER) {
  let failures = 0;
  for (const driver of DRIVER_NAMES) {
    console.log(`--- driver ${driver}`);
    const r = spawnSync(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), ...process.argv.slice(2)], { stdio: 'inherit', env: { ...process.env, CUSTODIA_DB_DRIVER: driver } });
    if (r.status !== 0) failures += 1;
  }
  process.exit(failures === 0 ? 0 : 1);
}

const N = Number(process.argv[2] ?? 1_000_000);
const R = Number(process.argv[3] ?? 100_000);
const BATCH = 50_000;
const FLOOR = 100_000;
const GOAL = 300_000;
const seconds = (t0: bigint): number => Number(process.hrtime.bigint() - t0) / 1e9;
const fmt = (n: number): string => Math.round(n).toLocaleString('en');

function incident(i: number): Record<string, unknown> {
  return {
    occurredAt: new Date(Date.UTC(2026, 0, 1) + i * 61_000).toISOString(),
    place: `Comunidad ${i % 977}, Tambopata, Madre de Dios`,
    channel: i % 2 === 0 ? 'phone' : 'in_person',
    verbatim: `Deja de denunciar o te vamos a desaparecer (${i})`,
    riskLevel: ['low', 'medium', 'high'][i % 3],
    type: i % 5 === 0 ? 'surveillance' : 'threat',
  };
}

const dir = await mkdtemp(join(tmpdir(), 'custodia-bench-verify-'));
try {
  const session = await createVault({ path: join(dir, 'v.custodia'), user: 'ana', passphrase: 'benchmark passphrase', kdf: { alg: 'scrypt', N: 16384, r: 8, p: 1 } });
  let t0 = process.hrtime.bigint();
  const { id: caseId } = await addCase(session, { title: 'Benchmark case' });
  for (let done = 0; done < R;) {
    const n = Math.min(MAX_IMPORT, R - done);
    await importIncidents(session, caseId, Array.from({ length: n }, (_, k) => incident(done + k)));
    done += n;
  }
  const details = { incidentId: 1, sha256: 'ab'.repeat(32), reason: 'benchmark entry of typical size' };
  for (let appended = (await session.db.get<{ n: number }>('SELECT count(*) AS n FROM custody_log'))?.n ?? 0; appended < N;) {
    const n = Math.min(BATCH, N - appended);
    await session.db.transaction((tx) => appendCustodyBatch(tx, Array.from({ length: n }, (_, i) => ({ actor: 'ana', action: 'view' as const, subject: `incident:${(i % R) + 1}`, details }))));
    appended += n;
  }
  await signSessionCheckpoint(session);
  const fillSeconds = seconds(t0);

  t0 = process.hrtime.bigint();
  let hashed = 0;
  for (let after = 0; ;) {
    const slice = await session.db.get<{ n: number; last: number; entries: string }>(
      `SELECT count(*) AS n, max(seq) AS last, string_agg(entry, char(10)) AS entries
       FROM (SELECT seq, entry FROM custody_log WHERE seq > ? ORDER BY seq LIMIT 16384)`, [after]);
    if (!slice || slice.n === 0) break;
    for (const entry of slice.entries.split('\n')) hash('sha256', entry, 'buffer');
    hashed += slice.n;
    after = slice.last;
  }
  const hashOnce = hashed / seconds(t0);

  const phases: string[] = [];
  let last = process.hrtime.bigint();
  const cpu0 = process.cpuUsage();
  t0 = process.hrtime.bigint();
  const report = await verifyLog(session, {
    onProgress: (phase) => {
      phases.push(`${phase} after ${seconds(last).toFixed(2)} s`);
      last = process.hrtime.bigint();
    },
  });
  const verifySeconds = seconds(t0);
  const cpu = process.cpuUsage(cpu0);
  await session.close();
  const rate = report.entries / verifySeconds;
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;

  const line = (label: string, value: string, verdict = '') => console.log(`${label.padEnd(44)} ${value.padEnd(30)} ${verdict}`);
  console.log(`two-way log verify benchmark: ${fmt(report.entries)} entries, ${fmt(report.records)} records (verify ok: ${report.ok}${report.ok ? '' : `, ${report.problems.map((p) => p.code).join(' ')}`})`);
  line('fixture filled in', `${fillSeconds.toFixed(1)} s`);
  line('baseline: read + sha256 each entry once /s', fmt(hashOnce));
  line('log verify entries/s (two-way)', `${fmt(rate)} (${verifySeconds.toFixed(1)} s)`,
    `floor ≥ ${fmt(FLOOR)}: ${rate >= FLOOR ? 'met' : 'NOT met'}; goal ${fmt(GOAL)}: ${rate >= GOAL ? 'met' : 'not yet'}`);
  line('verify phases', phases.join(', '));
  line('verify / hash-once ratio', (rate / hashOnce).toFixed(2));
  line('log verify CPU (all threads)', `${cpuSeconds.toFixed(1)} s (${(cpuSeconds / verifySeconds).toFixed(2)} cores busy)`);
  if (!report.ok) process.exitCode = 1;
} finally {
  await rm(dir, { recursive: true, force: true });
}
