// electron-builder.yml is validated against electron-builder's own schema without packaging,
// and the fuses and targets the threat model needs are asserted one by one (T8).
import { describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config';
import { DebugLogger } from 'builder-util';

describe('T8 hostile renderer: packaging config', async () => {
  const config = await getConfig(process.cwd(), 'electron-builder.yml', null);

  it('passes electron-builder schema validation', async () => {
    await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined();
  });

  it('flips the fuses: no RunAsNode, no NODE_OPTIONS, no inspect, asar only and integrity-checked', () => {
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      onlyLoadAppFromAsar: true,
      enableEmbeddedAsarIntegrityValidation: true,
    });
    expect(config.asar).toBe(true);
  });

  it('targets AppImage, deb, dmg and NSIS', () => {
    const names = (t: unknown) => (t as (string | { target: string })[]).map((x) => (typeof x === 'string' ? x : x.target));
    expect(names(config.linux?.target)).toEqual(['AppImage', 'deb']);
    expect(names(config.mac?.target)).toEqual(['dmg']);
    expect(names(config.win?.target)).toEqual(['nsis']);
  });

  it('installs per user on Windows and builds x64 and arm64 for Windows and macOS, hardened on macOS', async () => {
    expect(config.nsis).toMatchObject({ oneClick: false, perMachine: false });
    const archs = (t: unknown) => (t as { target: string; arch: string[] }[]).map((x) => x.arch);
    expect(archs(config.win?.target)).toEqual([['x64', 'arm64']]);
    expect(archs(config.mac?.target)).toEqual([['x64', 'arm64']]);
    expect(config.mac?.hardenedRuntime).toBe(true);
    const plist = await readFile(String(config.mac?.entitlements), 'utf8');
    expect(plist).toContain('com.apple.security.cs.allow-jit');
    expect(plist).not.toContain('disable-library-validation');
  });
});
