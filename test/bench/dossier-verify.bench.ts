// Dossier benchmark (issue 4): a dossier with 1 GiB of exhibits (default 16 × 64 MiB). Verify
// throughput against `sha256sum -c manifest-sha256.txt` over the same files unpacked (target
// ≥ 1.5×), and export throughput against `sha256sum` over the source files (target ≥ 0.5×).
// Each figure is the best of two runs, with the page cache warm for everyone.
// Usage: node --import tsx test/bench/dossier-verify.bench.ts [totalMiB=1024] [files=16]
import { execFileSync } from 'node:child_process';
import { createHash, randomFillSync } from 'node:crypto';
import { createReadStream, mkdtempSync, openSync, rmSync, writeSync, closeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeDossier } from '../../main/dossier/write-dossier';
import { verifyDossier } from '../../main/dossier/verify-dossier';
import type { DossierInput, ExhibitInput } from '../../shared/dossier/dossier-types';
import { buildCustodyLog } from '../dossier/helpers/custody-fixture';
import { sampleIncident } from '../dossier/helpers/dossier-fixture';

const TOTAL_MIB = Number(process.argv[2] ?? 1024);
const FILES = Number(process.argv[3] ?? 16);
const MiB = 1024 * 1024;
const seconds = (t0: bigint): number => Number(process.hrtime.bigint() - t0) / 1e9;
const best = async (f: () => Promise<void> | void): Promise<number> => {
  let min = Infinity;
  for (let i = 0; i < 2; i++) {
    const t0 = process.hrtime.bigint();
    await f();
    min = Math.min(min, seconds(t0));
  }
  return min;
};

const dir = mkdtempSync(join(tmpdir(), 'custodia-bench-dossier-'));
try {
  const sizeEach = Math.floor((TOTAL_MIB * MiB) / FILES);
  const chunk = Buffer.alloc(4 * MiB);
  const files: Array<{ path: string; sha256: string }> = [];
  for (let i = 0; i < FILES; i++) {
    const path = join(dir, `video-${i}.mp4`);
    const fd = openSync(path, 'w');
    const h = createHash('sha256');
    for (let left = sizeEach; left > 0; left -= chunk.length) {
      const part = randomFillSync(chunk).subarray(0, Math.min(chunk.length, left));
      h.update(part);
      writeSync(fd, part);
    }
    closeSync(fd);
    files.push({ path, sha256: h.digest('hex') });
  }
  const bytes = sizeEach * FILES;
  const custody = buildCustodyLog([{ action: 'vault_create', subject: 'vault' }, { action: 'incident_create', subject: 'incident:1' }]);
  const exhibits: ExhibitInput[] = files.map((f, i) => ({
    id: `ev-${i}`, name: `video-${i}.mp4`, mediaType: 'video/mp4', size: sizeEach, sha256: f.sha256, originalSha256: f.sha256,
    removedMetadata: [], stripped: true, content: () => createReadStream(f.path, { highWaterMark: MiB }),
  }));
  const input: DossierInput = {
    id: 'BENCH-1', createdAt: new Date().toISOString(), organisation: 'Benchmark', recipient: { kind: 'prosecutor' },
    purpose: 'benchmark', language: 'en', showNames: false, incidents: [{ id: '1', incident: sampleIncident() }], exhibits,
    custody: custody.excerpt([1, 2]), checkpoint: custody.checkpoint, signer: custody.key,
  };

  const sums = await best(() => void execFileSync('sha256sum', files.map((f) => f.path)));
  let run = 0;
  const zip = join(dir, 'dossier-0.zip');
  const exportTime = await best(async () => {
    const out = join(dir, `dossier-${run++}.zip`);
    await writeDossier(input, out);
  });
  execFileSync('unzip', ['-q', zip, '-d', join(dir, 'bag')]);
  const bag = join(dir, 'bag', 'dossier-BENCH-1');
  const sumsCheck = await best(() => void execFileSync('sha256sum', ['-c', '--quiet', 'manifest-sha256.txt'], { cwd: bag }));
  let ok = true;
  const verifyTime = await best(async () => {
    ok = (await verifyDossier(zip)).ok && ok;
  });

  const mbs = (t: number): string => `${(bytes / MiB / t).toFixed(0)} MiB/s`;
  const verifyRatio = sumsCheck / verifyTime;
  const exportRatio = sums / exportTime;
  console.log(`dossier with ${FILES} exhibits, ${(bytes / MiB).toFixed(0)} MiB (node ${process.version})`);
  console.log(`  sha256sum (source files)            ${mbs(sums)}`);
  console.log(`  sha256sum -c manifest (unpacked)    ${mbs(sumsCheck)}`);
  console.log(`  custodia export (sha256+sha512+zip) ${mbs(exportTime)}   ratio ${exportRatio.toFixed(2)}× sha256sum   target ≥ 0.5× ${exportRatio >= 0.5 ? 'MET' : 'NOT MET'}`);
  console.log(`  custodia verify (every check)       ${mbs(verifyTime)}   ratio ${verifyRatio.toFixed(2)}× sha256sum -c target ≥ 1.5× ${verifyRatio >= 1.5 ? 'MET' : 'NOT MET'}`);
  if (!ok) console.log('  verify reported a failure: the benchmark dossier should verify');
} finally {
  rmSync(dir, { recursive: true, force: true });
}
