// Hostile-ZIP benchmark (issue 10, T7): `dossier verify` of archives up to 10 MB built to cost
// as much as the rules allow — an overlap bomb, the largest inflation the archive-ratio and
// Payload-Oxum caps still accept, 10,000 entries, unlisted and CRC-wrong entries. Each must
// finish in under 2 s; printed with its ratio to reading the same file once (the baseline).
// Usage: node --import tsx test/bench/hostile-zip.bench.ts
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deflateRawSync } from 'node:zlib';
import { verifyDossier } from '../../main/dossier/verify-dossier';
import { rawZip, type RawEntry } from '../dossier/helpers/raw-zip';

const MiB = 1024 * 1024;
const TARGET_S = 2;
const seconds = (t0: bigint): number => Number(process.hrtime.bigint() - t0) / 1e9;

/** Bytes that deflate about `ratio` times: one pseudo-random byte pair per `ratio * 2.5` bytes. */
function compressible(size: number, ratio: number, seed: number): Buffer {
  const b = Buffer.alloc(size);
  let x = seed;
  for (let i = 0; i < size; i += Math.round(ratio * 2.5)) {
    x = (Math.imul(x, 1103515245) + 12345) >>> 0;
    b[i] = x >>> 24;
    b[i + 1] = x >>> 16;
  }
  return b;
}

const bagit: RawEntry = { name: 'd/bagit.txt', data: Buffer.from('BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n') };
/** A bag whose manifest lists every payload entry (fake hashes) and whose Payload-Oxum covers them. */
function bag(payload: RawEntry[], extra: RawEntry[] = []): Buffer {
  const bytes = payload.reduce((n, e) => n + (e.declaredSize ?? e.data.length), 0);
  const manifest = payload.map((e) => `${'0'.repeat(64)}  ${e.name.slice(2)}\n`).join('');
  return rawZip([
    bagit,
    { name: 'd/bag-info.txt', data: Buffer.from(`Payload-Oxum: ${bytes}.${payload.length}\n`) },
    { name: 'd/manifest-sha256.txt', data: Buffer.from(manifest), deflate: true },
    ...payload, ...extra,
  ]);
}

function cases(): Array<[string, () => Buffer]> {
  return [
    ['overlap bomb: 60 entries share one deflate stream', () => {
      const data = compressible(180 * MiB, 40, 1);
      return bag([{ name: 'd/data/b-0.bin', data, deflate: true },
        ...Array.from({ length: 59 }, (_, i) => ({ name: `d/data/b-${i + 1}.bin`, data, deflate: true, sameDataAs: 3 }))]);
    }],
    ['largest accepted inflation: listed, within Payload-Oxum and the archive ratio', () => {
      // Each entry deflates about 14 times: just under the archive ratio (16 × its size + 1 MiB).
      const data = compressible(4 * MiB, 14, 2);
      const body = deflateRawSync(data, { level: 9 });
      const count = Math.floor((10 * MiB - 64 * 1024) / (body.length + 64));
      return bag(Array.from({ length: count }, (_, i) => ({ name: `d/data/p-${i}.bin`, data, body, deflate: true })));
    }],
    ['10,000 tiny listed entries', () => bag(Array.from({ length: 9_996 }, (_, i) => ({ name: `d/data/${i}.txt`, data: Buffer.from(String(i)) })))],
    ['10,001 entries (refused before reading)', () => bag(Array.from({ length: 10_001 }, (_, i) => ({ name: `d/data/${i}.txt`, data: Buffer.from(String(i)) })))],
    ['unlisted entries of 1 MiB each (never inflated)', () => {
      const data = compressible(MiB, 10, 3);
      const body = deflateRawSync(data);
      return bag([], Array.from({ length: Math.floor(9.5 * MiB / body.length) }, (_, i) => ({ name: `d/data/u-${i}.bin`, data, body, deflate: true })));
    }],
    ['a wrong CRC-32 at the end of 9 MiB of stored data', () => bag([{ name: 'd/data/big.bin', data: compressible(9 * MiB, 1, 4), crc: 1 }])],
    ['small entries that together expand 1000× (refused before reading)', () =>
      bag(Array.from({ length: 2_000 }, (_, i) => ({ name: `d/data/z-${i}.bin`, data: Buffer.alloc(MiB - 1), deflate: true })))],
  ];
}

const dir = mkdtempSync(join(tmpdir(), 'custodia-bench-hostile-'));
let failed = 0;
try {
  for (const [label, build] of cases()) {
    const path = join(dir, 'hostile.zip');
    writeFileSync(path, build());
    const size = statSync(path).size;
    let base = Infinity;
    for (let i = 0; i < 3; i++) {
      const t0 = process.hrtime.bigint();
      createHash('sha256').update(readFileSync(path)).digest();
      base = Math.min(base, seconds(t0));
    }
    const t0 = process.hrtime.bigint();
    let verdict: string;
    try {
      const r = await verifyDossier(path);
      verdict = r.ok ? 'verified' : `reported (${r.items.filter((x) => !x.ok).length} failed items)`;
    } catch (e) {
      verdict = `refused ${(e as { code?: string }).code ?? String(e)}${process.env.DEBUG_BENCH ? ` ${(e as Error).message}` : ""}`;
    }
    const t = seconds(t0);
    const met = t < TARGET_S && size <= 10 * MiB;
    if (!met) failed += 1;
    console.log(`${label}: ${(size / MiB).toFixed(1)} MiB, verify ${t.toFixed(3)} s = ${(t / base).toFixed(0)}× reading it once (${(base * 1000).toFixed(1)} ms); ${verdict}; < ${TARGET_S} s: ${met ? 'met' : 'NOT met'}`);
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
process.exit(failed === 0 ? 0 : 1);
