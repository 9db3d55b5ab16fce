// Runs the real `custodia` CLI, bundled once per test file the way `npm run build` bundles it,
// into a private file so parallel test files never read a half-written bundle.
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';

const repo = join(import.meta.dirname, '..', '..', '..');

export async function bundleCli(): Promise<string> {
  const dir = join(repo, 'dist', 'test-dossier');
  mkdirSync(dir, { recursive: true });
  const outfile = join(dir, `custodia-${process.pid}.mjs`);
  await build({
    entryPoints: [join(repo, 'main', 'cli', 'index.ts')],
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'esm',
    packages: 'external',
    outfile,
    logLevel: 'error',
  });
  return outfile;
}

export interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

export function runCli(cli: string, args: string[], opts: { cwd?: string; env?: Record<string, string> } = {}): CliRun {
  const r = spawnSync(process.execPath, [cli, ...args], {
    cwd: opts.cwd ?? repo,
    env: { ...process.env, ...opts.env },
    encoding: 'utf8',
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}
