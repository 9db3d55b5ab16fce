// Builds what the browser tests load: the renderer (as shipped) and the stand-in preload.
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { build } from 'esbuild';
import { BRIDGE_BUNDLE } from './harness/paths';

export default async function globalSetup(): Promise<void> {
  const vite = spawnSync('node_modules/.bin/vite', ['build', '--config', 'renderer/vite.config.ts', '--logLevel', 'warn'], { stdio: 'inherit' });
  if (vite.status !== 0) throw new Error('vite build of the renderer failed');
  mkdirSync('test-results', { recursive: true });
  await build({ entryPoints: ['test/e2e/harness/browser-bridge.ts'], bundle: true, format: 'iife', platform: 'browser', outfile: BRIDGE_BUNDLE, logLevel: 'warning' });
}
