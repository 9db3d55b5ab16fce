// Builds the CLI once into a private file (so parallel builds by others cannot race with it)
// and runs it as a child process, the way scripts and auditors use it.
import { spawnSync } from 'node:child_process';
import { mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('../..', import.meta.url));

export async function buildCli(): Promise<string> {
  const outfile = `${root}dist/test-cli/custodia-${process.pid}.mjs`;
  await mkdir(`${root}dist/test-cli`, { recursive: true });
  await build({
    entryPoints: [`${root}main/cli/index.ts`], bundle: true, platform: 'node', target: 'node20', format: 'esm',
    packages: 'external', outfile, logLevel: 'silent',
  });
  return outfile;
}

export interface CliResult {
  status: number | null;
  /** Set when the process was killed, e.g. 'SIGKILL' at a crash point. */
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  json: () => Record<string, unknown>;
}

export function runCli(cli: string, args: string[], env: Record<string, string> = {}): CliResult {
  const r = spawnSync(process.execPath, [cli, ...args], {
    encoding: 'utf8',
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    timeout: 60_000,
  });
  return { status: r.status, signal: r.signal, stdout: r.stdout, stderr: r.stderr, json: () => JSON.parse(r.stdout) as Record<string, unknown> };
}
