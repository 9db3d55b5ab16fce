// The in-memory cleaners a vault exhibit goes through (WebM, Ogg Opus, FLAC), each on a large
// tagged file: load it, clean it (with its re-inspection) and write the exhibit, against `cp`
// of the same file in the same run. Each runs in a child process of its own so its peak RSS is
// its own; holding the original and the exhibit is by design (exhibits are made in memory, up to
// the 256 MiB limit), so the figure to read is RSS against twice the file.
// Usage: node --import tsx test/bench/av-buffer-clean.bench.ts   (BENCH_MIB=200 by default)
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ebmlHeader, el, openEl, uint } from '../media/matroska-fixtures';
import { flacFrame, oggStream, taggedFlac, taggedOpus } from '../media/xiph-fixtures';

const MIB = Number(process.env.BENCH_MIB ?? 200);

if (process.argv[2] === 'child') {
  const { cleanAvToBuffer } = await import('../../main/media/clean-av');
  const t = performance.now();
  const c = await cleanAvToBuffer(readFileSync(process.argv[3]!));
  writeFileSync(process.argv[4]!, c.data);
  const ms = performance.now() - t;
  process.stdout.write(JSON.stringify({ ms, rss: process.resourceUsage().maxRSS * 1024, removed: c.removed.length }));
  process.exit(0);
}

const bytes = MIB * 1024 * 1024;
const block = Buffer.alloc(1024 * 1024);
for (let i = 0; i < block.length; i++) block[i] = (i * 2654435761) >>> 24;

/** A live WebM: tags and a title, then clusters of unknown size of 1 MiB blocks each. */
function webm(): Buffer {
  const head = [el(0x1549a966, el(0x2ad7b1, uint(1_000_000, 3)), el(0x7ba9, 'Video de Rosa Quispe Mamani'), el(0x4d80, 'Lavf60')),
    el(0x1654ae6b, el(0xae, el(0xd7, uint(1)), el(0x73c5, uint(1)), el(0x83, uint(1)), el(0x86, 'V_VP8'))),
    el(0x1254c367, el(0x7373, el(0x67c8, el(0x45a3, 'ARTIST'), el(0x4487, 'Rosa Quispe Mamani'))))];
  const clusters = Array.from({ length: MIB }, (_, i) => openEl(0x1f43b675, el(0xe7, uint(i, 4)), el(0xa3, Buffer.from([0x81, 0, 0, 0x80]), block)));
  return Buffer.concat([ebmlHeader('webm'), openEl(0x18538067, ...head, ...clusters)]);
}

/** An Opus voice note with a cover in its tags and pages of 64 KiB of packets. */
function opus(): Buffer {
  const tagged = taggedOpus(1);
  const packet = block.subarray(0, 1000);
  const pages = Math.floor(bytes / (64 * 1000));
  const audio = oggStream(0x1234abcd, Array.from({ length: pages + 2 }, (_, i) => ({ packets: i < 2 ? [] : Array.from({ length: 64 }, () => packet), granule: BigInt(i * 960 * 64) })));
  // The tagged file's header pages, then the audio pages of the same serial (the first two empty plans only number them).
  const headerEnd = tagged.length - (tagged.length - tagged.lastIndexOf('OggS'));
  let at = 0;
  for (let k = 0; k < 2; k++) at = audio.indexOf('OggS', at + 1);
  return Buffer.concat([tagged.subarray(0, headerEnd), audio.subarray(at)]);
}

/** A FLAC file with its tags and cover, then frames of constant samples. */
function flac(): Buffer {
  const tagged = taggedFlac();
  const metadataEnd = tagged.indexOf(Buffer.from([0xff, 0xf8, 0x19, 0x08]));
  const frames = Array.from({ length: Math.floor(bytes / 11) }, (_, i) => flacFrame(i % 128, i & 0xffff));
  return Buffer.concat([tagged.subarray(0, metadataEnd), ...frames]);
}

const MAKERS = { WebM: webm, 'Ogg Opus': opus, FLAC: flac };
if (process.argv[2] === 'make') {
  writeFileSync(process.argv[4]!, MAKERS[process.argv[3] as keyof typeof MAKERS]());
  process.exit(0);
}

const dir = mkdtempSync(join(tmpdir(), 'custodia-av-bench-'));
try {
  for (const name of Object.keys(MAKERS)) {
    const input = join(dir, `in-${name}`);
    // Made in a process of its own: a child forked from a parent holding the file would start with its pages counted.
    const made = spawnSync(process.execPath, ['--import', 'tsx', import.meta.filename, 'make', name, input], { encoding: 'utf8' });
    if (made.status !== 0) throw new Error(made.stderr);
    const size = readFileSync(input).length;
    const runs = 3;
    const cp: number[] = [];
    const clean: number[] = [];
    let rss = 0;
    for (let i = 0; i < runs; i++) {
      execFileSync('sync');
      const t = performance.now();
      execFileSync('cp', [input, join(dir, 'cp')]);
      cp.push(performance.now() - t);
      rmSync(join(dir, 'cp'));
      execFileSync('sync');
      const child = spawnSync(process.execPath, ['--import', 'tsx', import.meta.filename, 'child', input, join(dir, 'out')], { encoding: 'utf8', maxBuffer: 1 << 20 });
      if (child.status !== 0) throw new Error(child.stderr);
      const r = JSON.parse(child.stdout) as { ms: number; rss: number; removed: number };
      if (r.removed === 0) throw new Error(`${name}: nothing was removed`);
      clean.push(r.ms);
      rss = Math.max(rss, r.rss);
      rmSync(join(dir, 'out'));
    }
    const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
    const mib = size / 1048576;
    console.log(`  ${name.padEnd(8)} ${mib.toFixed(0)} MiB: load, clean, re-inspect, write ${median(clean).toFixed(0).padStart(6)} ms (${(mib / (median(clean) / 1000)).toFixed(0)} MiB/s)` +
      `   cp ${median(cp).toFixed(0).padStart(5)} ms   ratio ${(median(cp) / median(clean)).toFixed(2)}x   peak RSS ${(rss / 1048576).toFixed(0)} MiB (${(rss / size).toFixed(1)}x the file)`);
    rmSync(input);
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
