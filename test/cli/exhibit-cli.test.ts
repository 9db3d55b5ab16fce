// `custodia evidence exhibit|metadata` as scripts run them: JSON, exit codes, and T1: making an
// exhibit writes no plaintext file anywhere, not even for a moment (watched with inotify while
// the command runs, with the child's temp folder pointed at a folder of our own).
import { spawn } from 'node:child_process';
import { watch, type FSWatcher } from 'node:fs';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addUser } from '../../main/accounts/users';
import { createVault } from '../../main/accounts/vault-session';
import { buildCli, runCli } from './cli-harness';
import { makeRichImage, tempDir } from '../media/fixtures';
import { CHEAP_KDF, INCIDENT } from '../vault/fixture';

const PASS = 'passphrase of the admin';
const AUDITOR_PASS = 'passphrase of the auditor';
let cli: string;
let dir: string;
let vault: string;
let media: { dir: string; cleanup: () => void };
const as = (user: string, args: string[], pass = PASS) => runCli(cli, [...args, '--vault', vault, '--user', user, '--json'], { CUSTODIA_PASSPHRASE: pass });

beforeAll(async () => {
  cli = await buildCli();
  media = tempDir();
  dir = await mkdtemp(join(tmpdir(), 'custodia-exhibit-cli-'));
  vault = join(dir, 'v.custodia');
  const s = await createVault({ path: vault, user: 'ana', passphrase: PASS, kdf: CHEAP_KDF });
  await addUser(s, { name: 'aud', role: 'auditor', kdf: CHEAP_KDF });
  await s.close();
  const incident = join(media.dir, 'incident.json');
  await writeFile(incident, JSON.stringify(INCIDENT));
  const note = join(media.dir, 'nota.txt');
  await writeFile(note, 'Deja de denunciar.\n');
  expect(as('ana', ['case', 'add', '--title', 'Caso 1']).status).toBe(0);
  expect(as('ana', ['incident', 'add', '--case', '1', '--file', incident]).status).toBe(0);
  const photos = [await makeRichImage(media.dir, 'jpeg'), note, await makeRichImage(media.dir, 'png'), await makeRichImage(media.dir, 'jpeg', { orientation: 6 })];
  const added = as('ana', ['evidence', 'add', '--incident', '1', ...photos]);
  expect(added.status).toBe(0);
  expect((added.json().items as unknown[]).length).toBe(4);
});
afterAll(async () => {
  media.cleanup();
  await rm(dir, { recursive: true, force: true });
});

describe('custodia evidence exhibit', () => {
  it('makes the exhibit (exit 0, JSON), and metadata shows the original\'s GPS but none for the exhibit', () => {
    const r = as('ana', ['evidence', 'exhibit', '--id', '1']);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const x = r.json();
    expect(x).toMatchObject({ derivedFrom: 1, mediaType: 'image/jpeg', pixelsIdentical: true, created: true, operation: 'strip-metadata' });
    const original = as('ana', ['evidence', 'metadata', '--id', '1']);
    expect(original.status).toBe(0);
    expect(original.json()).toMatchObject({ outcome: 'extracted', report: { gps: { lat: expect.closeTo(-12.59, 5) } } });
    const exhibit = as('ana', ['evidence', 'metadata', '--id', String(x.id)]).json() as { report: { gps?: unknown; identifying: unknown[] } };
    expect(exhibit.report.gps).toBeUndefined();
    expect(exhibit.report.identifying).toEqual([]);
    expect(as('ana', ['log', 'verify']).json()).toMatchObject({ ok: true, problems: [] });
  });

  it('refuses a non-image (exit 4, E_UNSUPPORTED_MEDIA), a missing item (exit 4), the auditor (exit 3)', () => {
    const text = as('ana', ['evidence', 'exhibit', '--id', '2']);
    expect([text.status, text.stderr]).toEqual([4, expect.stringMatching(/^error E_UNSUPPORTED_MEDIA: /)]);
    const missing = as('ana', ['evidence', 'exhibit', '--id', '999']);
    expect([missing.status, missing.stderr]).toEqual([4, expect.stringMatching(/^error E_NOT_FOUND: /)]);
    // T3: the auditor holds no slot, so their passphrase is refused like any wrong one.
    const aud = as('aud', ['evidence', 'exhibit', '--id', '1'], AUDITOR_PASS);
    expect([aud.status, aud.stderr]).toEqual([3, expect.stringMatching(/^error E_BAD_PASSPHRASE: /)]);
    const audMeta = as('aud', ['evidence', 'metadata', '--id', '1'], AUDITOR_PASS);
    expect([audMeta.status, audMeta.stderr]).toEqual([3, expect.stringMatching(/^error E_BAD_PASSPHRASE: /)]);
    const usage = as('ana', ['evidence', 'exhibit', '--id', 'x']);
    expect(usage.status).toBe(2);
  });
});

/** Every name created, renamed or removed in a folder while watched; `settle` waits until all earlier events arrived. */
function watchNames(folder: string): { names: Set<string>; settle: () => Promise<void>; close: () => void } {
  const names = new Set<string>();
  const sentinel = `sentinel-${process.pid}`;
  let seen: () => void = () => undefined;
  const w: FSWatcher = watch(folder, (_event, name) => {
    if (name === sentinel) seen();
    else if (name) names.add(name);
  });
  return {
    names,
    // inotify delivers events in order: once the sentinel's arrives, every earlier one has.
    settle: async () => {
      const arrived = new Promise<void>((resolve) => { seen = resolve; });
      await writeFile(join(folder, sentinel), '');
      await arrived;
      await rm(join(folder, sentinel));
    },
    close: () => w.close(),
  };
}

/** Like runCli, but leaves the event loop free for the watchers while the command runs. */
function runAsync(args: string[], env: Record<string, string>): Promise<{ status: number | null; stdout: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cli, ...args], { env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', ...env }, stdio: ['ignore', 'pipe', 'ignore'] });
    let stdout = '';
    child.stdout.on('data', (d: Buffer) => { stdout += d.toString('utf8'); });
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout }));
  });
}

/** Runs a CLI command with its temp folder pointed at a fresh folder, watching that and the vault's folder. */
async function watchedRun(args: string[]): Promise<{ status: number | null; stdout: string; tmpNames: string[]; vaultNames: Set<string> }> {
  const privateTmp = await mkdtemp(join(tmpdir(), 'custodia-t1-'));
  const tmpWatch = watchNames(privateTmp);
  const vaultWatch = watchNames(dir);
  try {
    const r = await runAsync([...args, '--vault', vault, '--user', 'ana', '--json'], { CUSTODIA_PASSPHRASE: PASS, TMPDIR: privateTmp });
    await tmpWatch.settle();
    await vaultWatch.settle();
    expect(await readdir(privateTmp)).toEqual([]);
    return { ...r, tmpNames: [...tmpWatch.names], vaultNames: vaultWatch.names };
  } finally {
    tmpWatch.close();
    vaultWatch.close();
    await rm(privateTmp, { recursive: true, force: true });
  }
}

const OWN = (): Set<string> => new Set([basename(vault), `${basename(vault)}-wal`, `${basename(vault)}-journal`]);

describe('T1 importing a photo reads its metadata without a temp file', () => {
  it('nothing is written in the temp folder, and only the vault\'s own files in its folder', async () => {
    const photo = await makeRichImage(media.dir, 'jpeg', { orientation: 3 });
    const before = (await readdir(dir)).sort();
    const r = await watchedRun(['evidence', 'add', '--incident', '1', photo]);
    expect(r.status).toBe(0);
    expect(r.tmpNames).toEqual([]);
    expect([...r.vaultNames].filter((n) => !OWN().has(n))).toEqual([]);
    expect(r.vaultNames.has(`${basename(vault)}-wal`)).toBe(true);
    expect((await readdir(dir)).sort()).toEqual(before);
    const id = (JSON.parse(r.stdout) as { items: { id: number }[] }).items[0]?.id;
    expect(as('ana', ['evidence', 'metadata', '--id', String(id)]).json()).toMatchObject({ outcome: 'extracted', report: { gps: { lat: expect.closeTo(-12.59, 5) } } });
  });
});

describe('T1 making an exhibit leaves no plaintext on disk', () => {
  it.each([['JPEG', '4'], ['PNG', '3']])('%s: nothing is written in the temp folder, and only the vault\'s own files in its folder', async (_kind, id) => {
    const before = (await readdir(dir)).sort();
    const r = await watchedRun(['evidence', 'exhibit', '--id', id]);
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ derivedFrom: Number(id), created: true });
    expect(r.tmpNames).toEqual([]);
    expect([...r.vaultNames].filter((n) => !OWN().has(n))).toEqual([]);
    // The watcher saw the vault's own write-ahead log come and go: it really was watching.
    expect(r.vaultNames.has(`${basename(vault)}-wal`)).toBe(true);
    expect((await readdir(dir)).sort()).toEqual(before);
  });
});
