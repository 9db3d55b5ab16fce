// T9 (a crash mid-write): the CLI is killed with SIGKILL at random moments while importing
// evidence and editing incidents. Afterwards the vault must open, `log verify` must pass, and
// every import the CLI had acknowledged must be there, whole.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createVault } from '../../main/accounts/vault-session';
import { CHEAP_KDF, INCIDENT } from '../vault/fixture';
import { buildCli, runCli } from './cli-harness';

const PASS = 'passphrase for crash tests';
const KILLS = 20;
const MAX_ROUNDS = 100;
let cli: string;
let dir: string;
let vault: string;

interface Outcome {
  status: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
}

/** Runs the CLI and kills it with SIGKILL after `afterMs`, unless it finished first. */
function runAndKill(args: string[], afterMs: number): Promise<Outcome> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [cli, ...args, '--vault', vault, '--user', 'ana', '--json'], {
      env: { PATH: process.env.PATH ?? '', CUSTODIA_PASSPHRASE: PASS }, stdio: ['ignore', 'pipe', 'ignore'],
    });
    let stdout = '';
    child.stdout.on('data', (d: Buffer) => { stdout += d.toString(); });
    const timer = setTimeout(() => child.kill('SIGKILL'), afterMs);
    child.on('close', (status, signal) => {
      clearTimeout(timer);
      resolve({ status, signal, stdout });
    });
  });
}

beforeAll(async () => {
  cli = await buildCli();
  dir = await mkdtemp(join(tmpdir(), 'custodia-crash-'));
  vault = join(dir, 'v.custodia');
  await (await createVault({ path: vault, user: 'ana', passphrase: PASS, kdf: CHEAP_KDF })).close();
  await writeFile(join(dir, 'incident.json'), JSON.stringify(INCIDENT));
  const cli1 = (args: string[]) => runCli(cli, [...args, '--vault', vault, '--user', 'ana', '--json'], { CUSTODIA_PASSPHRASE: PASS });
  expect(cli1(['case', 'add', '--title', 'Caso']).status).toBe(0);
  expect(cli1(['incident', 'add', '--case', '1', '--file', join(dir, 'incident.json')]).status).toBe(0);
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('T9: a crash mid-write loses nothing that was acknowledged', () => {
  it(`survives ${KILLS} SIGKILLs during imports and edits`, async () => {
    const acknowledged = new Map<number, string>();
    // One import that finishes, so there is always something acknowledged to lose.
    const first = join(dir, 'first.bin');
    await writeFile(first, randomBytes(3 * 1024 * 1024));
    const done = await runAndKill(['evidence', 'add', '--incident', '1', first], 60_000);
    expect(done.status).toBe(0);
    for (const item of (JSON.parse(done.stdout) as { items: Array<{ id: number; sha256: string }> }).items) acknowledged.set(item.id, item.sha256);
    let killed = 0;
    // Kills land anywhere from start-up to commit; on a fast machine more rounds finish first.
    for (let round = 0; killed < KILLS && round < MAX_ROUNDS; round += 1) {
      const file = join(dir, `photo-${round}.bin`);
      const data = randomBytes((2 + (round % 5) * 3) * 1024 * 1024);
      await writeFile(file, data);
      const edit = join(dir, `edit-${round}.json`);
      await writeFile(edit, JSON.stringify({ ...INCIDENT, notes: `round ${round}` }));
      const args = round % 3 === 2
        ? ['incident', 'edit', '--id', '1', '--file', edit]
        : ['evidence', 'add', '--incident', '1', '--method', 'received', file];
      const outcome = await runAndKill(args, 30 + Math.floor(Math.random() * 600));
      if (outcome.signal === 'SIGKILL') killed += 1;
      if (outcome.status === 0 && args[0] === 'evidence') {
        const { items } = JSON.parse(outcome.stdout) as { items: Array<{ id: number; sha256: string }> };
        for (const item of items) acknowledged.set(item.id, item.sha256);
        expect(items[0]?.sha256).toBe(createHash('sha256').update(data).digest('hex'));
      }
      const verify = runCli(cli, ['log', 'verify', '--vault', vault, '--user', 'ana', '--json'], { CUSTODIA_PASSPHRASE: PASS });
      // A kill between an object's rename and its row's commit leaves an unreferenced object,
      // which the next unlock sweeps and says so; nothing else may be said.
      const said = verify.stderr.split('\n').filter((l) => l !== '' && !/^note: \d+ objects an interrupted command left unreferenced were removed from /.test(l));
      expect(said, `after round ${round}`).toEqual([]);
      expect(verify.status, `after round ${round}`).toBe(0);
    }
    expect(killed).toBeGreaterThanOrEqual(20);
    const list = runCli(cli, ['evidence', 'list', '--vault', vault, '--user', 'ana', '--json'], { CUSTODIA_PASSPHRASE: PASS });
    const { items } = list.json() as { items: Array<{ id: number; sha256: string }> };
    const stored = new Map(items.map((i) => [i.id, i.sha256]));
    for (const [id, sha256] of acknowledged) expect(stored.get(id), `evidence ${id}`).toBe(sha256);
  });
});
