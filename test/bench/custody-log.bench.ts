// Custody log benchmark (issue 2): appends per second (one per transaction, as a command does,
// and batched), full `log verify` of N entries against hashing the same entries once, and the
// size and verification cost of an inclusion proof at N. Baselines are measured in this run.
// Usage: node --import tsx test/bench/custody-log.bench.ts [N=1000000]
import { mkdtemp, rm } from 'node:fs/promises';
import { hash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createVault } from '../../main/accounts/vault-session';
import { appendCustody, appendCustodyBatch } from '../../main/custody/custody-log';
import { signSessionCheckpoint } from '../../main/accounts/sealed-changes';
import { proveInclusion, readEntry } from '../../main/custody/prove';
import { verifyLog } from '../../main/audit/verify-log';
import { verifyInclusionProofJson } from '../../shared/custody/proof-json';

const N = Number(process.argv[2] ?? 1_000_000);
const BATCH = 50_000;
const seconds = (t0: bigint): number => Number(process.hrtime.bigint() - t0) / 1e9;
const fmt = (n: number): string => Math.round(n).toLocaleString('en');

const dir = await mkdtemp(join(tmpdir(), 'custodia-bench-custody-'));
try {
  const session = await createVault({ path: join(dir, 'v.custodia'), user: 'ana', passphrase: 'benchmark passphrase', kdf: { alg: 'scrypt', N: 16384, r: 8, p: 1 } });
  const details = { incidentId: 1, sha256: 'ab'.repeat(32), reason: 'benchmark entry of typical size' };

  let t0 = process.hrtime.bigint();
  const single = 2_000;
  for (let i = 0; i < single; i += 1) {
    await session.db.transaction((tx) => appendCustody(tx, { actor: 'ana', action: 'view', subject: `evidence:${i}`, details }));
  }
  const singleRate = single / seconds(t0);

  t0 = process.hrtime.bigint();
  let appended = single;
  while (appended < N) {
    const n = Math.min(BATCH, N - appended);
    await session.db.transaction((tx) => appendCustodyBatch(tx, Array.from({ length: n }, (_, i) => ({ actor: 'ana', action: 'view' as const, subject: `evidence:${i}`, details }))));
    appended += n;
  }
  const batchRate = (N - single) / seconds(t0);
  const checkpoint = await signSessionCheckpoint(session);

  // Baseline: read every entry and hash it once, nothing else. It reads the log in bounded
  // slices as verify does (`each` would queue a million row objects and inflate the peak RSS).
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

  global.gc?.();
  const rssBefore = process.memoryUsage().rss;
  let rssPeak = rssBefore;
  const sampler = setInterval(() => { rssPeak = Math.max(rssPeak, process.memoryUsage().rss); }, 25);
  const cpu0 = process.cpuUsage();
  t0 = process.hrtime.bigint();
  const phases: string[] = [];
  let last = process.hrtime.bigint();
  const report = await verifyLog(session, {
    onProgress: (phase) => {
      phases.push(`${phase} after ${seconds(last).toFixed(2)} s`);
      last = process.hrtime.bigint();
    },
  });
  const verifySeconds = seconds(t0);
  const cpu = process.cpuUsage(cpu0);
  clearInterval(sampler);
  rssPeak = Math.max(rssPeak, process.memoryUsage().rss);
  const verifyRate = report.entries / verifySeconds;
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;

  const seq = Math.floor(checkpoint.treeSize / 3);
  const proof = await proveInclusion(session.db, seq, checkpoint);
  const { entry } = await readEntry(session.db, seq);
  t0 = process.hrtime.bigint();
  const rounds = 2_000;
  let ok = true;
  for (let i = 0; i < rounds; i += 1) ok = verifyInclusionProofJson(entry, proof) && ok;
  const proofVerifyMicros = (seconds(t0) / rounds) * 1e6;
  const proofBytes = proof.proof.length * 32;
  const proofTarget = 32 * Math.ceil(Math.log2(checkpoint.treeSize));
  await session.close();

  const line = (label: string, value: string, verdict: string) => console.log(`${label.padEnd(44)} ${value.padEnd(28)} ${verdict}`);
  console.log(`custody log benchmark, ${fmt(report.entries)} entries (verify ok: ${report.ok})`);
  line('appends/s, one per transaction', fmt(singleRate), '');
  line('appends/s, batched', fmt(batchRate), batchRate >= 20_000 ? 'target ≥ 20,000: met' : 'target ≥ 20,000: NOT met');
  line('baseline: read + sha256 each entry once /s', fmt(hashOnce), '');
  line('log verify entries/s', `${fmt(verifyRate)} (${verifySeconds.toFixed(1)} s)`, verifyRate >= 100_000 ? 'target ≥ 100,000: met' : 'target ≥ 100,000: NOT met');
  line('verify phases', phases.join(', '), '');
  line('verify / hash-once ratio', (verifyRate / hashOnce).toFixed(2), '');
  line('log verify CPU (all threads)', `${cpuSeconds.toFixed(1)} s (${(cpuSeconds / verifySeconds).toFixed(2)} cores busy)`, '');
  line('peak RSS during verify (sampled)', `${fmt(rssPeak / 2 ** 20)} MiB (before ${fmt(rssBefore / 2 ** 20)} MiB, +${fmt((rssPeak - rssBefore) / 2 ** 20)})`, '');
  line('max RSS of the whole run', `${fmt((process.resourceUsage().maxRSS * 1024) / 2 ** 20)} MiB`, '');
  line('inclusion proof bytes', `${proofBytes} (32·⌈log2 n⌉ = ${proofTarget})`, proofBytes <= proofTarget ? 'target met' : 'target NOT met');
  line('inclusion proof verify', `${proofVerifyMicros.toFixed(1)} µs (ok: ${ok})`, '');
} finally {
  await rm(dir, { recursive: true, force: true });
}
