// T2 (a laptop seized while unlocked, then locked): after the session closes, neither a heap
// snapshot nor a core dump of the process holds the database key, the passphrase or incident text.
import { describe, expect, it } from 'vitest';
import { spawn, spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { tempVault } from './fixture';
import { wipeFreedMemory } from '../../main/vault/keyed-database';

const root = fileURLToPath(new URL('../..', import.meta.url));
const PASSPHRASE = 'lluvia sobre el río Tambopata 7731';
const MARKER = 'MARCADOR-QX71-AMENAZA';

async function runChild(dir: string): Promise<{ pid: number; kill: () => void }> {
  // Bundled inside the repository so its packages resolve from node_modules.
  const bundled = `${root}dist/test-cli/lock-memory-child-${process.pid}.mjs`;
  await build({ entryPoints: [`${root}test/vault/lock-memory-child.ts`], bundle: true, platform: 'node', target: 'node20', format: 'esm', packages: 'external', outfile: bundled, logLevel: 'silent' });
  const child = spawn(process.execPath, ['--expose-gc', bundled, join(dir, 'v.custodia'), join(dir, 'key.bin'), join(dir, 'heap.heapsnapshot')], {
    env: { PATH: process.env.PATH ?? '', CUSTODIA_PASSPHRASE: PASSPHRASE, MARKER }, stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise<void>((resolve, reject) => {
    child.stdout.on('data', (d: Buffer) => { if (d.toString().includes('locked')) resolve(); });
    child.on('exit', (code) => reject(new Error(`child exited early with ${code}`)));
  });
  return { pid: child.pid ?? 0, kill: () => { child.kill('SIGKILL'); void rm(bundled, { force: true }); } };
}

describe('a lock that forgets (issue 10 item 4)', () => {
  it('T2: in a process that outlives its sessions, every connection wipes what SQLCipher frees (cipher_memory_security)', async () => {
    wipeFreedMemory();
    const v = await tempVault();
    try {
      expect(await v.session.db.get('PRAGMA cipher_memory_security')).toEqual({ cipher_memory_security: '1' });
    } finally {
      await v.cleanup();
    }
  });

  it('T2: after lock the heap holds no key, passphrase or incident text, and a core dump holds no raw key', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'custodia-lock-'));
    const child = await runChild(dir);
    try {
      const key = await readFile(join(dir, 'key.bin'));
      expect(key.length).toBe(32);
      expect(key.equals(Buffer.alloc(32))).toBe(false);
      const heap = await readFile(join(dir, 'heap.heapsnapshot'), 'utf8');
      // The snapshot is taken after a full GC: what it holds is still reachable.
      expect(heap.length).toBeGreaterThan(100_000);
      expect(heap).toContain('writeHeapSnapshot');
      for (const secret of [key.toString('hex'), key.toString('base64'), PASSPHRASE, MARKER]) {
        expect(heap.includes(secret), `heap snapshot holds ${secret.slice(0, 12)}…`).toBe(false);
      }
      {
        // gcore comes with gdb (.ci/run installs it).
        const core = join(dir, 'core');
        const r = spawnSync('gcore', ['-o', core, String(child.pid)], { stdio: 'ignore', timeout: 60_000 });
        expect(r.status).toBe(0);
        const dump = await readFile(`${core}.${child.pid}`);
        expect(dump.length).toBeGreaterThan(1_000_000);
        // Buffers are zeroed at lock and SQLCipher wipes its copies (cipher_memory_security).
        expect(dump.indexOf(key), 'the core dump holds the raw database key').toBe(-1);
      }
    } finally {
      child.kill();
      await rm(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
