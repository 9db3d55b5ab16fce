// The real Electron app, launched by Playwright. Electron's binary cannot be downloaded here
// (ELECTRON_SKIP_BINARY_DOWNLOAD), so this spec skips itself, saying why, when it is absent.
import { _electron as electron, expect, test } from '@playwright/test';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

function electronBinary(): string | null {
  try {
    // The `electron` package exports the binary's path, and throws when it was never downloaded.
    const path: unknown = createRequire(import.meta.url)('electron');
    return typeof path === 'string' && existsSync(path) ? path : null;
  } catch {
    return null;
  }
}

const binary = electronBinary();

test.describe('T8 hostile renderer: the real Electron shell', () => {
  test.skip(binary === null, 'Electron binary not installed (ELECTRON_SKIP_BINARY_DOWNLOAD=1): run `npm install` on a machine with network to fetch it');

  test('opens one hardened window on app:// with the named bridge and nothing of Node', async () => {
    const build = spawnSync('npm', ['run', '--silent', 'build:app'], { stdio: 'inherit' });
    expect(build.status).toBe(0);
    const app = await electron.launch({
      executablePath: binary!,
      args: ['dist/app/main.mjs', `--user-data-dir=${mkdtempSync(join(tmpdir(), 'custodia-electron-'))}`],
    });
    const win = await app.firstWindow();
    await expect(win).toHaveTitle('Custodia');
    expect(win.url()).toBe('app://custodia/index.html');

    const seen = await win.evaluate(() => {
      const w = window as unknown as Record<string, unknown>;
      return { bridge: typeof w.custodia, require: typeof w.require, process: typeof w.process, ipc: typeof (w.custodia as Record<string, unknown>).invoke };
    });
    expect(seen).toEqual({ bridge: 'object', require: 'undefined', process: 'undefined', ipc: 'undefined' });

    // The named bridge reaches main through the sender check.
    const status = await win.evaluate(() => (window as unknown as { custodia: { vault: { status(): Promise<unknown> } } }).custodia.vault.status());
    expect(status).toEqual({ ok: true, value: { state: 'locked' } });

    await win.evaluate(() => (window.location.href = 'https://example.org/'));
    await win.evaluate(() => document.readyState);
    expect(win.url()).toBe('app://custodia/index.html');
    expect(app.windows()).toHaveLength(1);
    await app.close();
  });
});
