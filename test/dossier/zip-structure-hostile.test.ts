// T7 hostile ZIPs that cost minutes or say two things at once: overlapping entries, headers that
// disagree, wrong CRC-32s, entries no manifest lists, more content than the bag declares. Each is
// refused (exit 4, its own code) or, for an unlisted entry or one past the declared payload
// size, reported (exit 1) without being inflated.
// Python's zipfile is the outside judge of what a careful reader refuses.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyDossier } from '../../main/dossier/verify-dossier';
import { writeDossier } from '../../main/dossier/write-dossier';
import { bundleCli, runCli } from './helpers/cli';
import { buildDossierInput } from './helpers/dossier-fixture';
import { rawZip, type RawEntry } from './helpers/raw-zip';
import { readZip, rootOf } from './helpers/zip-entries';

let dir: string;
let cli: string;
let good: RawEntry[];
let root: string;
let n = 0;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'custodia-zip-structure-'));
  cli = await bundleCli();
  const f = await buildDossierInput();
  await writeDossier(f.input, join(dir, 'good.zip'));
  const entries = await readZip(join(dir, 'good.zip'));
  root = rootOf(entries);
  good = [...entries].map(([name, data]) => ({ name, data }));
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
  rmSync(cli, { force: true });
});

const write = (zip: Buffer): string => {
  const path = join(dir, `z${++n}.zip`);
  writeFileSync(path, zip);
  return path;
};

/** The good dossier's entries with one changed (found by the end of its name). */
const withChange = (suffix: string, change: (e: RawEntry) => RawEntry): RawEntry[] =>
  good.map((e) => (e.name.endsWith(suffix) ? change(e) : e));

/** Does Python's zipfile read every member without complaint? */
function pythonAccepts(path: string): boolean {
  const r = spawnSync('/usr/bin/python3', ['-c', 'import sys, zipfile\nz = zipfile.ZipFile(sys.argv[1])\nfor i in z.infolist(): z.read(i)', path], { encoding: 'utf8' });
  return r.status === 0;
}

function refused(path: string, code: string): void {
  const r = runCli(cli, ['dossier', 'verify', path, '--json']);
  expect(r.stderr).toMatch(new RegExp(`^error ${code}:`));
  expect(r.stderr).not.toMatch(/\n\s+at /);
  expect(r.status).toBe(4);
  expect(r.stdout).toBe('');
}

const EXHIBIT = 'E-01.jpg';

describe('T7 a dossier ZIP must say one thing, and only what its manifests list', () => {
  it('the good dossier, repacked by the naive writer, still verifies (and Python reads it)', async () => {
    const path = write(rawZip(good));
    expect((await verifyDossier(path)).ok).toBe(true);
    expect(pythonAccepts(path)).toBe(true);
  });

  it('refuses an overlap bomb: 60 entries sharing one 180 MB deflate stream, before inflating any', async () => {
    const size = 180 * 1024 * 1024;
    const data = Buffer.alloc(size);
    let x = 12345;
    for (let i = 0; i < size; i += 180) {
      x = (Math.imul(x, 1103515245) + 12345) >>> 0;
      data[i] = x >>> 24;
      data[i + 1] = x >>> 16;
    }
    const bomb: RawEntry[] = Array.from({ length: 60 }, (_, i) => (i === 0
      ? { name: `${root}data/exhibits/bomb-0.bin`, data, deflate: true }
      : { name: `${root}data/exhibits/bomb-${i}.bin`, data, deflate: true, sameDataAs: good.length }));
    const zip = rawZip([...good, ...bomb]);
    expect(zip.length).toBeLessThan(10 * 1024 * 1024);
    const path = write(zip);
    const started = process.cpuUsage();
    await expect(verifyDossier(path)).rejects.toMatchObject({ code: 'E_ZIP_OVERLAP' });
    // Nothing was inflated: far less CPU than inflating even one of the 60 streams would take.
    const used = process.cpuUsage(started);
    expect((used.user + used.system) / 1e6).toBeLessThan(5);
    refused(path, 'E_ZIP_OVERLAP');
    expect(pythonAccepts(path)).toBe(false);
  });

  it('refuses a local header whose name differs from the central directory (../../../../../tmp/evil_localname.txt)', () => {
    const path = write(rawZip(withChange(EXHIBIT, (e) => ({ ...e, local: { name: '../../../../../tmp/evil_localname.txt' } }))));
    refused(path, 'E_ZIP_HEADER_MISMATCH');
    expect(pythonAccepts(path)).toBe(false);
  });

  it('refuses a wrong CRC-32 (the bytes are not those the archive names)', () => {
    const path = write(rawZip(withChange(EXHIBIT, (e) => ({ ...e, crc: 0x12345678 }))));
    refused(path, 'E_ZIP_CRC_MISMATCH');
    expect(pythonAccepts(path)).toBe(false);
  });

  it.each([
    ['CRC-32', { crc: 0x1234 }],
    ['uncompressed size', { size: 7 }],
    ['compression method', { method: 8 }],
    ['flags (encrypted)', { flags: 0x801 }],
  ])('refuses a local header that disagrees on its %s', (_what, local) => {
    refused(write(rawZip(withChange(EXHIBIT, (e) => ({ ...e, local })))), 'E_ZIP_HEADER_MISMATCH');
  });

  it('never inflates an entry no manifest lists: it is reported as added, the rest still verifies', async () => {
    // Not a valid deflate stream and a wrong CRC: reading it at all would fail.
    const planted: RawEntry = { name: `${root}data/exhibits/planted.bin`, data: Buffer.alloc(1 << 20), body: Buffer.from('not deflate at all'), deflate: true, crc: 1 };
    const path = write(rawZip([...good, planted]));
    const result = await verifyDossier(path);
    expect(result.ok).toBe(false);
    expect(result.items.find((i) => i.name === 'data/exhibits/planted.bin')?.problem).toMatch(/not listed in manifest-sha256.txt: added to the bag/);
    expect(result.items.find((i) => i.name === `data/exhibits/${EXHIBIT}`)?.ok).toBe(true);
    const r = runCli(cli, ['dossier', 'verify', path]);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/^error E_DOSSIER_TAMPERED:/);
  });

  it('inflates no more payload than Payload-Oxum declares: the rest is reported as not read', async () => {
    // Listed, declared as 10 bytes, and not a valid deflate stream: reading it would fail.
    const path = write(rawZip(withChange('bag-info.txt', (e) => ({ ...e, data: Buffer.from(e.data.toString('utf8').replace(/Payload-Oxum: \d+\./, 'Payload-Oxum: 10.')) }))
      .map((e) => (e.name.endsWith(EXHIBIT) ? { ...e, body: Buffer.from('not deflate at all'), deflate: true } : e))));
    const result = await verifyDossier(path);
    expect(result.ok).toBe(false);
    expect(result.items.find((i) => i.name === `data/exhibits/${EXHIBIT}` && /not read/.test(i.problem ?? ''))?.problem)
      .toMatch(/larger than the Payload-Oxum of bag-info.txt declares/);
    const r = runCli(cli, ['dossier', 'verify', path]);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/^error E_DOSSIER_TAMPERED:/);
  });

  it('a bag that declares no payload size gets no payload read', async () => {
    const path = write(rawZip(withChange('bag-info.txt', (e) => ({ ...e, data: Buffer.from(e.data.toString('utf8').replace(/Payload-Oxum: .*\n/, '')) }))));
    const result = await verifyDossier(path);
    expect(result.ok).toBe(false);
    expect(result.items.filter((i) => /^not read/.test(i.problem ?? '')).map((i) => i.name)).toContain('data/dossier.json');
  });

  it('an altered dossier.json that grew still gets its verdict (altered), not a refusal', async () => {
    const path = write(rawZip(withChange('data/dossier.json', (e) => ({ ...e, data: Buffer.concat([e.data, Buffer.from('    ')]) }))));
    const r = runCli(cli, ['dossier', 'verify', path, '--json']);
    expect(r.status).toBe(1);
    expect(JSON.parse(r.stdout).ok).toBe(false);
  });

  it('refuses an archive whose entries together expand far beyond its size', async () => {
    // Each entry alone stays under the per-entry ratio floor; together they are a bomb.
    const small = Array.from({ length: 40 }, (_, i) => ({ name: `${root}data/x/${i}.bin`, data: Buffer.alloc(1 << 20), deflate: true }));
    await expect(verifyDossier(write(rawZip([...good, ...small])))).rejects.toMatchObject({ code: 'E_HOSTILE_ARCHIVE' });
    expect(readFileSync(join(dir, 'good.zip')).length).toBeGreaterThan(0);
  });
});
