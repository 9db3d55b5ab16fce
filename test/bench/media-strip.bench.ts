// Media strip against baselines measured in the same run.
// Usage: node --import tsx test/bench/media-strip.bench.ts   (BENCH_N=10 copies by default)
// 1. Lossless JPEG strip of a 12-megapixel photo vs `exiftool -all=` over the whole batch in one
//    process (target >= 10x faster per image); strip+verification (both images decoded and
//    pixel-hashed, exhibit re-inspected) is reported separately.
// 2. PNG/WebP re-encode vs a plain sharp re-encode of the same file (target <= 1.5x).
// 3. The same rich files through mat2: what is left, and whether pixels and orientation survive.
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp, { type Sharp } from 'sharp';
import { writeExhibitFile } from '../../main/media/write-exhibit-file';
import { stripJpeg } from '../../main/media/jpeg-strip';
import { loadInput } from '../../main/media/limits';
import { reencode } from '../../main/media/reencode';
import { stripMedia, stripMediaToBuffer } from '../../main/media/strip';
import { scanWebp } from '../../main/media/webp-chunks';
import { exiftoolRead, identifyingPerExiftool, RICH_TAGS } from '../media/fixtures';

const N = Number(process.env.BENCH_N ?? 10);
const dir = mkdtempSync(join(tmpdir(), 'custodia-media-bench-'));

/** A photo-like 8-bit image: smooth gradients plus sensor-like noise, so JPEG sizes are realistic. */
function photo(width: number, height: number): Sharp {
  const raw = Buffer.alloc(width * height * 3);
  let seed = 0x9e3779b9;
  for (let i = 0, p = 0; p < width * height; p += 1) {
    seed ^= seed << 13;
    seed ^= seed >>> 17;
    seed ^= seed << 5;
    const x = p % width;
    const y = (p / width) | 0;
    const n = (seed & 15) - 8;
    raw[i++] = Math.max(0, Math.min(255, ((x * 255) / width + n) | 0));
    raw[i++] = Math.max(0, Math.min(255, ((y * 255) / height + n) | 0));
    raw[i++] = Math.max(0, Math.min(255, (128 + 100 * Math.sin(x / 97) * Math.cos(y / 131) + n) | 0));
  }
  return sharp(raw, { raw: { width, height, channels: 3 } });
}

async function rich(path: string, img: Sharp, thumb: string, orientation = 6): Promise<void> {
  await img.toFile(path);
  execFileSync('exiftool', ['-q', '-q', '-overwrite_original', ...RICH_TAGS, `-Orientation#=${orientation}`, `-ThumbnailImage<=${thumb}`, path]);
}

/** Median per run: the disk is shared with other work, and one stall should not decide a ratio. */
async function timed(label: string, runs: number, fn: (i: number) => Promise<unknown>): Promise<number> {
  await fn(-1); // warm-up
  const times: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const t = performance.now();
    await fn(i);
    times.push(performance.now() - t);
  }
  const ms = times.sort((a, b) => a - b)[Math.floor(runs / 2)] as number;
  console.log(`  ${label.padEnd(58)} ${ms.toFixed(1).padStart(8)} ms/image (median of ${runs})`);
  return ms;
}

const verdict = (ok: boolean): string => (ok ? 'target met' : 'target NOT met');
/** What a viewer sees: oriented, 8-bit RGBA. */
const displayed = async (p: string | Buffer): Promise<Buffer> => sharp(p).rotate().ensureAlpha().raw().toBuffer();

async function jpegBench(thumb: string): Promise<void> {
  const src = join(dir, 'src');
  mkdirSync(src);
  const first = join(src, 'photo-0.jpg');
  await rich(first, photo(4000, 3000).jpeg({ quality: 92 }), thumb);
  const files = [first];
  for (let i = 1; i < N; i += 1) {
    files.push(join(src, `photo-${i}.jpg`));
    copyFileSync(first, files[i] as string);
  }
  const mib = readFileSync(first).length / 1048576;
  console.log(`\nJPEG 4000x3000 (12 MP, ${mib.toFixed(1)} MiB, rich metadata), ${N} copies`);
  const outA = join(dir, 'a');
  const outB = join(dir, 'b');
  const outE = join(dir, 'e');
  for (const d of [outA, outB, outE]) mkdirSync(d);
  const pick = (i: number): string => files[Math.max(0, i)] as string;
  const memory = await timed('Custodia lossless strip in memory (read, walk, assemble)', N, async (i) => stripJpeg(await loadInput(pick(i))));
  const plainWrite = await timed('Custodia lossless strip + plain write (as exiftool does)', N, async (i) => {
    await writeFile(join(outA, `p${i}.jpg`), stripJpeg(await loadInput(pick(i))).data);
  });
  const strip = await timed('Custodia lossless strip + atomic write with fsync', N, async (i) => {
    await writeExhibitFile(join(outA, `${i}.jpg`), stripJpeg(await loadInput(pick(i))).data);
  });
  const full = await timed('Custodia strip + verification (stripMedia)', N, (i) => stripMedia(pick(i), join(outB, `${i}.jpg`)));
  const batches: number[] = [];
  for (let b = 0; b < 3; b += 1) {
    const out = join(outE, String(b));
    mkdirSync(out);
    const t = performance.now();
    execFileSync('exiftool', ['-q', '-q', '-all=', '-o', `${out}/`, ...files]);
    batches.push((performance.now() - t) / N);
  }
  const exiftool = batches.sort((a, b) => a - b)[1] as number;
  console.log(`  ${'exiftool -all= (whole batch in one process, median of 3)'.padEnd(58)} ${exiftool.toFixed(1).padStart(8)} ms/image`);
  for (const [label, ms] of [['strip in memory', memory], ['strip + plain write', plainWrite], ['strip + atomic fsync write', strip]] as const) {
    console.log(`  ${label}: ${(exiftool / ms).toFixed(1)}x faster than exiftool (>= 10x: ${verdict(exiftool / ms >= 10)})`);
  }
  console.log(`  strip + verification: ${(full / exiftool).toFixed(1)}x slower than exiftool (decodes both 12 MP images, hashes their pixels)`);
}

async function reencodeBench(): Promise<void> {
  console.log('\nRe-encode vs plain sharp re-encode of the same file (4.3 MP; lossless WebP 1 MP, its encoder is slow)');
  for (const [format, lossless] of [['png', true], ['webp', false], ['webp', true]] as const) {
    const path = join(dir, `re-${format}-${lossless}.${format}`);
    const img = format === 'webp' && lossless ? photo(1200, 900) : photo(2400, 1800);
    await (format === 'png' ? img.png() : img.webp(lossless ? { lossless: true } : { quality: 85 })).toFile(path);
    const buf = readFileSync(path);
    const runs = Math.max(3, Math.floor(N / 2));
    const plain = await timed(`${format}${lossless ? ' lossless' : ''}: plain sharp(buf).${format}(${lossless && format === 'webp' ? '{lossless}' : ''})`, runs, () =>
      format === 'png' ? sharp(buf).png().toBuffer() : sharp(buf).webp(lossless ? { lossless: true } : {}).toBuffer());
    const ours = await timed(`${format}${lossless ? ' lossless' : ''}: Custodia reencode`, runs, () =>
      reencode(buf, format, { allPages: false, lossless: format === 'webp' ? scanWebp(buf).lossless === true : true }));
    const whole = await timed(`${format}${lossless ? ' lossless' : ''}: Custodia strip + verification`, runs, () => stripMediaToBuffer(buf));
    console.log(`  ratio re-encode/plain ${(ours / plain).toFixed(2)}x (<= 1.5x: ${verdict(ours / plain <= 1.5)}); with verification ${(whole / plain).toFixed(2)}x`);
  }
}

async function mat2Comparison(thumb: string): Promise<void> {
  console.log('\nSame rich files (Orientation 6) through Custodia and mat2 0.13');
  console.log('  format | tool     | identifying tags left | displayed pixels identical | upright | ms');
  for (const format of ['jpeg', 'png', 'webp', 'tiff', 'gif', 'avif'] as const) {
    const ext = format === 'jpeg' ? 'jpg' : format;
    const src = join(dir, `cmp.${ext}`);
    const img = photo(1200, 900);
    await rich(src, format === 'avif' ? img.avif({ effort: 0 }) : img.toFormat(format), thumb);
    const want = await displayed(src);
    const row = async (tool: string, fn: () => string): Promise<void> => {
      const t = performance.now();
      let out: string;
      try {
        out = fn();
      } catch (e) {
        const { stdout, stderr } = e as { stdout?: unknown; stderr?: unknown };
        const why = /not supported/i.test(`${String(stdout)}${String(stderr)}`) ? 'format not supported' : 'failed';
        console.log(`  ${format.padEnd(6)} | ${tool.padEnd(8)} | refused: ${why}`);
        return;
      }
      const ms = performance.now() - t;
      const left = identifyingPerExiftool(exiftoolRead(out)).length;
      const shown = await displayed(out);
      const same = shown.equals(want);
      const [a, b] = [(await sharp(out).metadata()).autoOrient, (await sharp(src).metadata()).autoOrient];
      const upright = a.width === b.width && a.height === b.height;
      console.log(`  ${format.padEnd(6)} | ${tool.padEnd(8)} | ${String(left).padEnd(21)} | ${String(same).padEnd(26)} | ${String(upright).padEnd(7)} | ${ms.toFixed(0)}`);
    };
    const ours = join(dir, `cmp-custodia.${ext}`);
    const t = performance.now();
    await stripMedia(src, ours);
    const ms = performance.now() - t;
    await row('custodia', () => ours);
    console.log(`  ${''.padEnd(6)}   (custodia strip + verification took ${ms.toFixed(0)} ms)`);
    await row('mat2', () => {
      execFileSync('mat2', [src], { stdio: 'pipe' });
      return join(dir, `cmp.cleaned.${ext}`);
    });
  }
}

try {
  const thumb = join(dir, 'thumb.jpg');
  await photo(160, 120).jpeg().toFile(thumb);
  await reencodeBench();
  await jpegBench(thumb);
  await mat2Comparison(thumb);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
