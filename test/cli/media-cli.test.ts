// The command line as an auditor or a script uses it: JSON out, `error E_CODE: message` and
// exit 4 for bad media, and no OUT file after a failure.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeRichImage, pngChunk, tempDir } from '../media/fixtures';

const root = join(import.meta.dirname, '..', '..');
let bundleDir: string;
let cli: string;
let dir: string;
let cleanup: () => void;

beforeAll(() => {
  // Own bundle inside the repository (so node_modules resolve), not dist/cli which others rebuild.
  bundleDir = mkdtempSync(join(root, 'dist', 'media-cli-test-'));
  cli = join(bundleDir, 'custodia.mjs');
  const esbuild = join(root, 'node_modules', '.bin', 'esbuild');
  const built = spawnSync(esbuild, ['main/cli/index.ts', '--bundle', '--platform=node', '--format=esm', '--packages=external', `--outfile=${cli}`, '--log-level=error'], { cwd: root });
  expect(built.status).toBe(0);
  ({ dir, cleanup } = tempDir());
});
afterAll(() => {
  rmSync(bundleDir, { recursive: true, force: true });
  cleanup();
});

const run = (...args: string[]) => spawnSync(process.execPath, [cli, 'media', ...args], { encoding: 'utf8' });

describe('custodia media', () => {
  it('inspect --json prints one JSON object with blocks and identifying tags', async () => {
    const photo = await makeRichImage(dir, 'jpeg');
    const r = run('inspect', photo, '--json');
    expect(r.status).toBe(0);
    const report = JSON.parse(r.stdout) as { format: string; blocks: string[]; identifying: { tag: string }[] };
    expect(report.format).toBe('jpeg');
    expect(report.blocks).toContain('GPS');
    expect(report.identifying.map((t) => t.tag)).toContain('exif:SerialNumber');
  });

  it('strip --json writes OUT and reports removed, kept and pixelsIdentical', async () => {
    const photo = await makeRichImage(dir, 'jpeg', { orientation: 6 });
    const out = join(dir, 'cli-exhibit.jpg');
    const r = run('strip', photo, out, '--json');
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ format: 'jpeg', pixelsIdentical: true, kept: ['EXIF Orientation 6'], removed: expect.arrayContaining(['GPS']) });
    expect(existsSync(out)).toBe(true);
  });

  it('T7 hostile files: a decompression bomb exits 4 with its code and leaves no OUT', () => {
    const ihdr = Buffer.alloc(13);
    ihdr.writeUInt32BE(20000, 0);
    ihdr.writeUInt32BE(20000, 4);
    ihdr.set([8, 2, 0, 0, 0], 8);
    const bomb = join(dir, 'bomb.png');
    writeFileSync(bomb, Buffer.concat([Buffer.from('\x89PNG\r\n\x1a\n', 'latin1'), pngChunk('IHDR', ihdr), pngChunk('IDAT', deflateSync(Buffer.alloc(4096))), pngChunk('IEND', Buffer.alloc(0))]));
    const out = join(dir, 'bomb-out.png');
    const r = run('strip', bomb, out, '--json');
    expect(r.status).toBe(4);
    expect(r.stderr).toMatch(/^error E_DECOMPRESSION_BOMB: /);
    expect(r.stdout).toBe('');
    expect(existsSync(out)).toBe(false);
  });

  it('T7 hostile files: a document is E_UNSUPPORTED_MEDIA, exit 4', () => {
    const doc = join(dir, 'statement.jpg');
    writeFileSync(doc, '%PDF-1.7\n');
    const r = run('strip', doc, join(dir, 'statement-out.jpg'));
    expect(r.status).toBe(4);
    expect(r.stderr).toMatch(/^error E_UNSUPPORTED_MEDIA: application\/pdf/);
  });
});
