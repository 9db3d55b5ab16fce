// T9: `vault backup` and `vault restore` killed with SIGKILL at named steps and at random moments.
// After each killed backup nothing on the target is corrupt (every file hashes to its name, every
// manifest lists only files present); the next backup completes. A killed restore leaves no vault
// under the new name, or a whole one; the next run completes and the restored vault verifies with
// every acknowledged item whole.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { access, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createVault } from '../../main/accounts/vault-session';
import { filesUnder, tempDir } from '../backup/backup-fixture';
import { CHEAP_KDF, INCIDENT } from '../vault/fixture';
import { buildCli, runCli } from './cli-harness';

const PASS = 'passphrase for backup crash tests';
const KILLS = 20;
const MAX_ROUNDS = 80;
const env = { CUSTODIA_PASSPHRASE: PASS };
let cli: string;
let dir: string;
let vault: string;
let target: string;
const acknowledged = new Map<number, string>();

function run(args: string[], o: { killAfterMs?: number; crashAt?: string } = {}): Promise<{ status: number | null; signal: NodeJS.Signals | null }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [cli, ...args, '--json'], {
      env: { PATH: process.env.PATH ?? '', ...env, ...(o.crashAt ? { CUSTODIA_CRASH_AT: o.crashAt } : {}) }, stdio: 'ignore',
    });
    const timer = o.killAfterMs === undefined ? undefined : setTimeout(() => child.kill('SIGKILL'), o.killAfterMs);
    child.on('close', (status, signal) => {
      clearTimeout(timer);
      resolve({ status, signal });
    });
  });
}

const backupArgs = () => ['vault', 'backup', '--vault', vault, '--user', 'ana', '--to', target];

/** Nothing on the target is corrupt: every named file hashes to its name, every manifest's files are there. */
async function targetWhole(): Promise<void> {
  const files = (await filesUnder(target)).map((f) => f.slice(target.length + 1));
  const present = new Set(files);
  for (const f of files) {
    if (f.startsWith('tmp/')) continue;
    const bytes = await readFile(join(target, f));
    if (f.startsWith('manifests/')) {
      const m = JSON.parse(bytes.toString('utf8')) as { header: string; snapshot: string; objects: string[] };
      for (const name of [`headers/${m.header}`, `snapshots/${m.snapshot}`, ...m.objects.map((o) => `objects/${o.slice(0, 2)}/${o}`)]) {
        expect(present.has(name), `${f} lists ${name}`).toBe(true);
      }
    } else {
      expect(createHash('sha256').update(bytes).digest('hex'), f).toBe(f.split('/').pop());
    }
  }
}

async function importOne(round: number): Promise<void> {
  const file = join(dir, `photo-${round}.bin`);
  await writeFile(file, randomBytes(1024 * 1024 * (1 + (round % 3))));
  const r = runCli(cli, ['evidence', 'add', '--incident', '1', '--method', 'received', file, '--vault', vault, '--user', 'ana', '--json'], env);
  expect(r.status).toBe(0);
  for (const item of (r.json() as { items: Array<{ id: number; sha256: string }> }).items) acknowledged.set(item.id, item.sha256);
}

beforeAll(async () => {
  cli = await buildCli();
  dir = await tempDir('backup-crash');
  vault = join(dir, 'v.custodia');
  target = join(dir, 'stick');
  await mkdir(target);
  await (await createVault({ path: vault, user: 'ana', passphrase: PASS, kdf: CHEAP_KDF })).close();
  await writeFile(join(dir, 'incident.json'), JSON.stringify(INCIDENT));
  const cli1 = (args: string[]) => runCli(cli, [...args, '--vault', vault, '--user', 'ana', '--json'], env);
  expect(cli1(['case', 'add', '--title', 'Caso']).status).toBe(0);
  expect(cli1(['incident', 'add', '--case', '1', '--file', join(dir, 'incident.json')]).status).toBe(0);
  for (let i = 0; i < 6; i += 1) await importOne(100 + i);
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('T9: a killed backup or restore corrupts nothing and the next run completes', () => {
  it(`survives ${KILLS} SIGKILLs during backups`, async () => {
    let killed = 0;
    expect((await run(backupArgs())).status).toBe(0);
    for (const step of ['backup:snapshot', 'backup:object', 'backup:before-manifest', 'backup:before-note']) {
      await importOne(200 + killed);
      const r = await run(backupArgs(), { crashAt: step });
      expect(r.signal, step).toBe('SIGKILL');
      killed += 1;
      await targetWhole();
      // Cut short at any step, the target still restores (its latest whole backup), the laptop lost meanwhile.
      const restored = join(dir, `after-${step.replace(':', '-')}.custodia`);
      expect((await run(['vault', 'restore', '--from', target, '--vault', restored, '--user', 'ana'])).status, step).toBe(0);
    }
    for (let round = 0; killed < KILLS && round < MAX_ROUNDS; round += 1) {
      if (round % 4 === 0) await importOne(round);
      const r = await run(backupArgs(), { killAfterMs: 100 + Math.floor(Math.random() * 900) });
      if (r.signal === 'SIGKILL') killed += 1;
      else expect(r.status, `round ${round}`).toBe(0);
      await targetWhole();
    }
    expect(killed).toBeGreaterThanOrEqual(KILLS);
    await importOne(999);
    expect((await run(backupArgs())).status).toBe(0);
    await targetWhole();
  });

  it(`survives ${KILLS} SIGKILLs during restores: the next run completes and the vault verifies`, async () => {
    const laptop = join(dir, 'laptop');
    await mkdir(laptop);
    let killed = 0;
    const steps = ['restore:object', 'restore:verified', 'restore:moving'];
    for (let round = 0; killed < KILLS && round < MAX_ROUNDS; round += 1) {
      const restored = join(laptop, `r-${round}.custodia`);
      const args = ['vault', 'restore', '--from', target, '--vault', restored, '--user', 'ana'];
      const step = steps[round];
      const r = await run(args, step ? { crashAt: step } : { killAfterMs: 100 + Math.floor(Math.random() * 1500) });
      if (r.signal !== 'SIGKILL') {
        expect(r.status, `round ${round}`).toBe(0);
        continue;
      }
      killed += 1;
      // Either no vault under the name yet, or a whole one: never a database without its header.
      if (await access(restored).then(() => true, () => false)) await access(`${restored}.keys`);
      expect((await run(args)).status, `round ${round}: the next restore completes`).toBe(0);
      const verify = runCli(cli, ['log', 'verify', '--vault', restored, '--user', 'ana', '--json'], env);
      expect(verify.stderr, `round ${round}`).toBe('');
      expect(verify.status, `round ${round}`).toBe(0);
      if (round % 5 === 0) {
        const list = runCli(cli, ['evidence', 'list', '--vault', restored, '--user', 'ana', '--json'], env);
        const stored = new Map((list.json() as { items: Array<{ id: number; sha256: string }> }).items.map((i) => [i.id, i.sha256]));
        for (const [id, sha256] of acknowledged) expect(stored.get(id), `evidence ${id}`).toBe(sha256);
      }
      await rm(laptop, { recursive: true, force: true });
      await mkdir(laptop);
    }
    expect(killed).toBeGreaterThanOrEqual(KILLS);
  });
});
