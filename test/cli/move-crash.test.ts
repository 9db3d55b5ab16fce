// T9: migration 010 (chunks moved out of the database into objects) killed with SIGKILL at its
// named steps and at random moments while it runs. The next run resumes and completes; the vault
// then verifies, logs the move exactly once, holds no object no row names, and every item is whole.
import { spawn } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openVault } from '../../main/accounts/vault-session';
import { verifyLog } from '../../main/audit/verify-log';
import { importEvidenceStream } from '../../main/evidence/import-evidence';
import { openEvidenceStream } from '../../main/evidence/read-evidence';
import { withIncident } from '../evidence/fixtures';
import { backToChunks } from '../vault/legacy-chunks';
import { PASSPHRASE, tempVault, type TempVault } from '../vault/fixture';
import { buildCli, runCli } from './cli-harness';

const ITEMS = 24;
const CHUNK = 256 * 1024;
const KILLS = 20;
let cli: string;
let template: TempVault;
const sha256s: string[] = [];

beforeAll(async () => {
  cli = await buildCli();
  template = await tempVault();
  const incidentId = await withIncident(template.session);
  for (let i = 0; i < ITEMS; i++) {
    const bytes = randomBytes(4 * CHUNK + i);
    sha256s.push(createHash('sha256').update(bytes).digest('hex'));
    await importEvidenceStream(template.session, incidentId, Readable.from([bytes]), { originalName: `${i}.bin`, acquisition: { method: 'other' } }, { chunkSize: CHUNK });
  }
  await backToChunks(template.session);
}, 120_000);
afterAll(async () => template?.cleanup());

async function copyTemplate(): Promise<{ dir: string; path: string }> {
  const dir = await mkdtemp(join(tmpdir(), 'custodia-move-crash-'));
  await cp(template.dir, dir, { recursive: true });
  return { dir, path: join(dir, 'vault.custodia') };
}

const args = (path: string, cmd: string[]): string[] => [...cmd, '--vault', path, '--user', 'ana'];

/** Runs `case list` and kills it a random moment after the move reports progress; resolves whether it was killed. */
function killDuringMove(path: string): Promise<boolean> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [cli, ...args(path, ['case', 'list'])], {
      env: { PATH: process.env.PATH ?? '', CUSTODIA_PASSPHRASE: PASSPHRASE }, stdio: ['ignore', 'ignore', 'pipe'],
    });
    let timer: NodeJS.Timeout | undefined;
    child.stderr.on('data', (d: Buffer) => {
      if (!timer && d.toString().includes('moving evidence out of the database')) timer = setTimeout(() => child.kill('SIGKILL'), Math.random() * 120);
    });
    child.on('close', (_status, signal) => {
      clearTimeout(timer);
      resolve(signal === 'SIGKILL');
    });
  });
}

/** The vault verifies, logged the move once, and every item reads back to its sha256. */
async function expectWhole(path: string): Promise<void> {
  const s = await openVault({ path, user: 'ana', passphrase: PASSPHRASE });
  try {
    expect((await verifyLog(s)).problems).toEqual([]);
    const moves = await s.db.all<{ entry: string }>("SELECT entry FROM custody_log WHERE action = 'storage'");
    expect(moves.map((m) => JSON.parse(m.entry).details.change).filter((c) => c === 'chunks_moved_out')).toHaveLength(1);
    for (let id = 1; id <= ITEMS; id++) {
      const { stream } = await openEvidenceStream(s, id);
      const hash = createHash('sha256');
      for await (const part of stream) hash.update(part as Buffer);
      expect(hash.digest('hex')).toBe(sha256s[id - 1]);
    }
  } finally {
    await s.close();
  }
}

describe('T9 moving an older vault\'s chunks out survives SIGKILL', () => {
  it.each(['objects:writing', 'objects:item-moved', 'objects:dropped'])('killed at %s: the next command completes the move and the vault is whole', async (point) => {
    const { dir, path } = await copyTemplate();
    try {
      expect(runCli(cli, args(path, ['case', 'list']), { CUSTODIA_PASSPHRASE: PASSPHRASE, CUSTODIA_CRASH_AT: point }).signal).toBe('SIGKILL');
      const next = runCli(cli, args(path, ['log', 'verify', '--json']), { CUSTODIA_PASSPHRASE: PASSPHRASE });
      expect(next.status).toBe(0);
      await expectWhole(path);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }, 60_000);

  it(`${KILLS} kills at random moments of the move: each next run resumes, and every finished vault is whole`, async () => {
    let kills = 0;
    let finished = 0;
    while (kills < KILLS) {
      const { dir, path } = await copyTemplate();
      try {
        // Kill it again and again until a run gets through the move.
        while (kills < KILLS && (await killDuringMove(path))) kills += 1;
        expect(runCli(cli, args(path, ['log', 'verify', '--json']), { CUSTODIA_PASSPHRASE: PASSPHRASE }).status).toBe(0);
        await expectWhole(path);
        finished += 1;
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    }
    expect(kills).toBe(KILLS);
    expect(finished).toBeGreaterThan(0);
  }, 300_000);
});
