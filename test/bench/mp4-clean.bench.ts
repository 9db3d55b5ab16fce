// Cleaning a 500 MiB MP4 (the boxes to rewrite cleaned in memory over an operating-system copy,
// then the re-inspection by random access; neither it nor cp fsyncs) against `cp` of the same file in the same run: target >= 0.5x the speed of cp, with the
// cleaner's peak RSS under 256 MiB, measured in a child process of its own.
// Usage: node --import tsx test/bench/mp4-clean.bench.ts   (BENCH_MIB=500 by default)
import { execFileSync, spawnSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { taggedMp4 } from '../media/av-fixtures';

const MIB = Number(process.env.BENCH_MIB ?? 500);
const RSS_LIMIT = 256 * 1024 * 1024;

if (process.argv[2] === 'child') {
  const { cleanIsoBmffFile } = await import('../../main/media/clean-av');
  const t = performance.now();
  const r = await cleanIsoBmffFile(process.argv[3]!, process.argv[4]!);
  const ms = performance.now() - t;
  process.stdout.write(JSON.stringify({ ms, rss: process.resourceUsage().maxRSS * 1024, removed: r.removed.length }));
  process.exit(0);
}

const dir = mkdtempSync(join(tmpdir(), 'custodia-mp4-bench-'));
try {
  // A tagged moov, then an mdat of MIB MiB of varied bytes (a 64-bit size, as large files use).
  const input = join(dir, 'in.mp4');
  const head = taggedMp4({ mdat: Buffer.alloc(0) });
  const withoutMdat = head.subarray(0, head.length - 8);
  const mdatBytes = MIB * 1024 * 1024;
  const mdatHeader = Buffer.alloc(16);
  mdatHeader.writeUInt32BE(1, 0);
  mdatHeader.write('mdat', 4, 'latin1');
  mdatHeader.writeBigUInt64BE(BigInt(mdatBytes + 16), 8);
  const fd = openSync(input, 'w');
  writeSync(fd, withoutMdat);
  writeSync(fd, mdatHeader);
  const block = Buffer.alloc(1024 * 1024);
  for (let i = 0; i < block.length; i++) block[i] = (i * 2654435761) >>> 24;
  for (let i = 0; i < MIB; i++) writeSync(fd, block);
  closeSync(fd);

  const runs = 5;
  // Dirty pages of one run are flushed before the next is timed, so neither pays for the other.
  const settle = (): void => void execFileSync('sync');
  const cp: number[] = [];
  const clean: number[] = [];
  let rss = 0;
  for (let i = 0; i < runs; i++) {
    settle();
    const t = performance.now();
    execFileSync('cp', [input, join(dir, `cp-${i}.mp4`)]);
    cp.push(performance.now() - t);
    rmSync(join(dir, `cp-${i}.mp4`));
    settle();
    const child = spawnSync(process.execPath, ['--import', 'tsx', import.meta.filename, 'child', input, join(dir, `clean-${i}.mp4`)], { encoding: 'utf8' });
    if (child.status !== 0) throw new Error(child.stderr);
    const r = JSON.parse(child.stdout) as { ms: number; rss: number };
    clean.push(r.ms);
    rss = Math.max(rss, r.rss);
    rmSync(join(dir, `clean-${i}.mp4`));
  }
  const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  const ratio = median(cp) / median(clean);
  console.log(`  cp of ${MIB} MiB                       ${median(cp).toFixed(0).padStart(7)} ms (median of ${runs})`);
  console.log(`  clean ${MIB} MiB MP4 (copy, patch, re-inspect) ${median(clean).toFixed(0).padStart(7)} ms (median of ${runs})`);
  console.log(`  speed relative to cp: ${ratio.toFixed(2)}x (target >= 0.50x)   peak RSS ${(rss / 1048576).toFixed(0)} MiB (target < 256 MiB)`);
  if (ratio < 0.5 || rss >= RSS_LIMIT) process.exitCode = 1;
} finally {
  rmSync(dir, { recursive: true, force: true });
}
