// T7 hostile archives: refused with exit 4 and a stable code before anything is unpacked, and
// nothing is written anywhere (the CLI runs with its own empty TMPDIR and working folder).
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyDossier } from '../../main/dossier/verify-dossier';
import { writeDossier } from '../../main/dossier/write-dossier';
import { bundleCli, runCli } from './helpers/cli';
import { buildDossierInput } from './helpers/dossier-fixture';
import { rawZip, type RawEntry } from './helpers/raw-zip';

let dir: string;
let cli: string;
let good: Buffer;
const bagit = { name: 'd/bagit.txt', data: Buffer.from('BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n') };

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'custodia-hostile-'));
  cli = await bundleCli();
  const f = await buildDossierInput();
  await writeDossier(f.input, join(dir, 'good.zip'));
  good = readFileSync(join(dir, 'good.zip'));
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
  rmSync(cli, { force: true });
});

/** Verifies `zip` through the CLI inside a fresh sandbox and checks nothing appeared anywhere. */
function verifyInSandbox(label: string, zip: Buffer): { status: number | null; stderr: string } {
  const sandbox = join(dir, label);
  const cwd = join(sandbox, 'work', 'cwd');
  const tmp = join(sandbox, 'tmp');
  mkdirSync(cwd, { recursive: true });
  mkdirSync(tmp);
  const file = join(sandbox, 'in.zip');
  writeFileSync(file, zip);
  const run = runCli(cli, ['dossier', 'verify', file, '--json'], { cwd, env: { TMPDIR: tmp, TMP: tmp, TEMP: tmp } });
  expect(readdirSync(cwd)).toEqual([]);
  expect(readdirSync(tmp)).toEqual([]);
  expect(readdirSync(join(sandbox, 'work')).sort()).toEqual(['cwd']);
  expect(readdirSync(sandbox).sort()).toEqual(['in.zip', 'tmp', 'work']);
  expect(existsSync('/tmp/evil.txt') && readFileSync('/tmp/evil.txt', 'utf8') === 'pwned').toBe(false);
  return { status: run.status, stderr: run.stderr };
}

const hostileCases: Array<[string, RawEntry[], string]> = [
  ['zip slip with ../', [bagit, { name: 'd/../../evil.txt', data: Buffer.from('pwned') }], 'E_HOSTILE_ARCHIVE'],
  ['an absolute path', [bagit, { name: '/tmp/evil.txt', data: Buffer.from('pwned') }], 'E_HOSTILE_ARCHIVE'],
  ['a drive letter', [bagit, { name: 'C:/evil.txt', data: Buffer.from('pwned') }], 'E_HOSTILE_ARCHIVE'],
  ['a backslash path', [bagit, { name: 'd\\..\\..\\evil.txt', data: Buffer.from('pwned') }], 'E_HOSTILE_ARCHIVE'],
  ['a symlink entry', [bagit, { name: 'd/data/link', data: Buffer.from('/etc/passwd'), mode: 0o120777 }], 'E_HOSTILE_ARCHIVE'],
  ['duplicate names', [bagit, { name: 'd/data/a.txt', data: Buffer.from('1') }, { name: 'd/data/A.txt', data: Buffer.from('2') }], 'E_HOSTILE_ARCHIVE'],
  ['a zip bomb', [bagit, { name: 'd/data/bomb.bin', data: Buffer.alloc(64 * 1024 * 1024), deflate: true }], 'E_HOSTILE_ARCHIVE'],
  ['a size header that lies', [bagit,
    { name: 'd/bag-info.txt', data: Buffer.from('Payload-Oxum: 1000.1\n') },
    { name: 'd/manifest-sha256.txt', data: Buffer.from(`${'0'.repeat(64)}  data/liar.bin\n`) },
    { name: 'd/data/liar.bin', data: Buffer.alloc(200_000, 1), deflate: true, declaredSize: 1000 }], 'E_HOSTILE_ARCHIVE'],
];

describe('T7 hostile ZIPs are refused with exit 4 and nothing written', () => {
  it.each(hostileCases)('%s', (label, entries, code) => {
    const r = verifyInSandbox(label.replace(/\W+/g, '-'), rawZip(entries));
    expect(r.stderr).toMatch(new RegExp(`^error ${code}:`));
    expect(r.status).toBe(4);
  });

  it('a truncated archive', () => {
    const r = verifyInSandbox('truncated', good.subarray(0, Math.floor(good.length * 0.6)));
    expect(r.stderr).toMatch(/^error E_MALFORMED_DOSSIER:/);
    expect(r.status).toBe(4);
  });

  it('a file that is not a ZIP at all', () => {
    const r = verifyInSandbox('not-zip', Buffer.from('%PDF-1.7 not a dossier'));
    expect(r.stderr).toMatch(/^error E_MALFORMED_DOSSIER:/);
    expect(r.status).toBe(4);
  });

  it('a ZIP with no bag in it', () => {
    const r = verifyInSandbox('no-bag', rawZip([{ name: 'photo.jpg', data: Buffer.from('x') }]));
    expect(r.stderr).toMatch(/^error E_MALFORMED_DOSSIER:/);
    expect(r.status).toBe(4);
  });

  it('too many entries', async () => {
    const entries = [bagit, ...Array.from({ length: 30 }, (_, i) => ({ name: `d/data/${i}.txt`, data: Buffer.from(String(i)) }))];
    const path = join(dir, 'many.zip');
    writeFileSync(path, rawZip(entries));
    const limits = { maxEntries: 20, maxTotalBytes: 1 << 20, maxRatio: 100, ratioFloorBytes: 1 << 20, maxArchiveRatio: 32 };
    await expect(verifyDossier(path, { limits })).rejects.toMatchObject({ code: 'E_HOSTILE_ARCHIVE' });
  });

  it('a total size over the limit', async () => {
    const path = join(dir, 'big.zip');
    writeFileSync(path, rawZip([bagit, { name: 'd/data/a.bin', data: Buffer.alloc(3000) }, { name: 'd/data/b.bin', data: Buffer.alloc(3000) }]));
    const limits = { maxEntries: 100, maxTotalBytes: 5000, maxRatio: 100, ratioFloorBytes: 1 << 20, maxArchiveRatio: 32 };
    await expect(verifyDossier(path, { limits })).rejects.toMatchObject({ code: 'E_HOSTILE_ARCHIVE' });
  });
});
