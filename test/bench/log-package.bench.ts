// `custodia log verify --package` on a synthetic package of n entries (default 1,000,000) with a
// signed checkpoint every 1,000 entries, through the built CLI as an auditor runs it. Baseline in
// the same run: SHA-256 of the package file read once (node:crypto), the least any verifier does.
// Floor (issue 9): 150,000 entries/s, else exit 1.
// Usage: node --import tsx test/bench/log-package.bench.ts [n=1000000]
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { once } from 'node:events';
import { toHex } from '../../shared/custody/bytes';
import { generateSigningKeyPair, signCheckpoint, type Checkpoint } from '../../shared/custody/checkpoint';
import { GENESIS_PREV } from '../../shared/custody/custody-entry';
import { LOG_PACKAGE_FORMAT, PACKAGE_END, packageHeaderLine } from '../../shared/custody/log-package';
import { leafHash, nodeHash } from '../../shared/custody/merkle';
import { nodeSha256 } from '../../main/platform/sha256';
import { buildCli } from '../cli/cli-harness';

const N = Number(process.argv[2] ?? 1_000_000);
const EVERY = 1_000;
const FLOOR = 150_000;
const fmt = (x: number): string => Math.round(x).toLocaleString('en');
const origin = 'custodia/bench';
const key = generateSigningKeyPair();
const publicKey = toHex(key.publicKey);

/** An entry's canonical JSON: keys in RFC 8785 order, plain ASCII values, so JSON.stringify is canonical. */
function entryText(seq: number, prev: string): string {
  const at = new Date(Date.UTC(2026, 9, 3) + seq * 1000).toISOString();
  if (seq === 1) return JSON.stringify({ action: 'vault_create', actor: 'ana', at, details: { role: 'admin', user: 'ana' }, prev, seq, subject: 'vault' });
  if (seq === 2) return JSON.stringify({ action: 'key_change', actor: 'ana', at, details: { publicKey }, prev, seq, subject: 'user:ana' });
  return JSON.stringify({
    action: 'view', actor: 'ana', at, details: { bytes: 48213, evidenceId: seq % 5000, purposeSha256: 'cd'.repeat(32), sha256: 'ab'.repeat(32) }, prev, seq, subject: `evidence:${seq % 5000}`,
  });
}

async function writePackage(path: string): Promise<number> {
  const lines: string[] = [];
  const checkpoints: Checkpoint[] = [];
  const roots: Uint8Array[] = [];
  const sizes: number[] = [];
  let prev = GENESIS_PREV;
  for (let seq = 1; seq <= N; seq++) {
    const text = entryText(seq, prev);
    const bytes = Buffer.from(text);
    prev = toHex(nodeSha256(bytes));
    let node = leafHash(bytes, nodeSha256);
    let size = 1;
    while (sizes.length && sizes[sizes.length - 1] === size) {
      node = nodeHash(roots.pop() as Uint8Array, node, nodeSha256);
      sizes.pop();
      size *= 2;
    }
    roots.push(node);
    sizes.push(size);
    lines.push(seq === N ? text : `${text},`);
    if (seq % EVERY === 0 || seq === N) {
      let root = roots[roots.length - 1] as Uint8Array;
      for (let i = roots.length - 2; i >= 0; i--) root = nodeHash(roots[i] as Uint8Array, root, nodeSha256);
      checkpoints.push(signCheckpoint({ origin, treeSize: seq, rootHash: toHex(root), time: new Date().toISOString(), signer: publicKey }, key.secretKey));
    }
  }
  const last = checkpoints[checkpoints.length - 1] as Checkpoint;
  const out = createWriteStream(path);
  out.write(`${packageHeaderLine({ format: LOG_PACKAGE_FORMAT, origin, exportedAt: new Date().toISOString(), exportedBy: 'ana', treeSize: N, rootHash: last.rootHash, checkpoints, roster: null })}\n`);
  for (let i = 0; i < lines.length; i += 10_000) out.write(`${lines.slice(i, i + 10_000).join('\n')}\n`);
  out.end(`${PACKAGE_END}\n`);
  await once(out, 'finish');
  return checkpoints.length;
}

async function hashFile(path: string): Promise<number> {
  const t0 = process.hrtime.bigint();
  const h = createHash('sha256');
  for await (const chunk of createReadStream(path, { highWaterMark: 4 * 1024 * 1024 })) h.update(chunk as Buffer);
  h.digest();
  return Number(process.hrtime.bigint() - t0) / 1e9;
}

const dir = await mkdtemp(join(tmpdir(), 'custodia-bench-package-'));
try {
  const path = join(dir, 'audit.json');
  const cli = await buildCli();
  const cps = await writePackage(path);
  const bytes = (await stat(path)).size;
  console.log(`log verify --package, ${fmt(N)} entries, ${fmt(cps)} checkpoints, ${fmt(bytes / 2 ** 20)} MiB, node ${process.version}`);
  let best = Infinity;
  for (let round = 0; round < 3; round++) {
    const t0 = process.hrtime.bigint();
    const r = spawnSync(process.execPath, [cli, 'log', 'verify', '--package', path, '--json'], { encoding: 'utf8', maxBuffer: 64 * 2 ** 20 });
    const s = Number(process.hrtime.bigint() - t0) / 1e9;
    const report = JSON.parse(r.stdout) as { ok: boolean; entries: number; signedUpTo: number };
    if (r.status !== 0 || !report.ok || report.entries !== N || report.signedUpTo !== N) throw new Error(`verify failed: ${r.stderr}`);
    best = Math.min(best, s);
  }
  const baseline = Math.min(await hashFile(path), await hashFile(path));
  const rate = N / best;
  console.log(`${'verify (whole CLI run, best of 3)'.padEnd(40)} ${best.toFixed(2)} s   ${fmt(rate)} entries/s   (floor ${fmt(FLOOR)})`);
  console.log(`${'baseline: SHA-256 of the file once'.padEnd(40)} ${baseline.toFixed(2)} s   verify = ${(best / baseline).toFixed(1)}× the baseline`);
  if (rate < FLOOR) {
    console.log(`BELOW FLOOR: ${fmt(rate)} < ${fmt(FLOOR)} entries/s`);
    process.exitCode = 1;
  }
} finally {
  await rm(dir, { recursive: true, force: true });
}
