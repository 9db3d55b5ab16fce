// `electron-builder --dir` for Linux with a stub Electron distribution (the real binary cannot be
// downloaded here): the asar holds the built main, preload and renderer, the driver's binary for
// this platform sits unpacked beside it, nothing of the sources, tests or dev dependencies is
// packed, and the fuses are flipped in the binary (T8). Needs `npm run build:app` first (npm test does).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { access, chmod, mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { listPackage } from '@electron/asar';
import { Arch, Platform, build } from 'electron-builder';

const root = fileURLToPath(new URL('../..', import.meta.url));
// @electron/fuses finds the fuse wire after this sentinel, as in a real Electron binary.
const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
const FUSE_COUNT = 8;
// Electron's own defaults, as a downloaded binary has them, before electron-builder flips them.
const ELECTRON_DEFAULT_FUSES = '10110001';
let dir = '';
let app = '';
let files: string[] = [];

beforeAll(async () => {
  await access(join(root, 'dist/app/main.mjs'));
  dir = await mkdtemp(join(tmpdir(), 'custodia-pack-'));
  const stub = join(dir, 'electron-dist');
  await mkdir(stub);
  await writeFile(join(stub, 'electron'), `#!/bin/sh\n# stub Electron ${SENTINEL}\u0001${String.fromCharCode(FUSE_COUNT)}${ELECTRON_DEFAULT_FUSES}\n`, 'latin1');
  await chmod(join(stub, 'electron'), 0o755);
  const electronVersion = (JSON.parse(await readFile(join(root, 'node_modules/electron/package.json'), 'utf8')) as { version: string }).version;
  await build({
    projectDir: root,
    targets: Platform.LINUX.createTarget('dir', Arch.x64),
    config: { extends: join(root, 'electron-builder.yml'), electronDist: stub, electronVersion, directories: { output: join(dir, 'out') } },
    publish: 'never',
  });
  app = join(dir, 'out', 'linux-unpacked');
  files = listPackage(join(app, 'resources', 'app.asar'), { isPack: false });
}, 180_000);

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('the Linux package (electron-builder --dir, stub Electron)', () => {
  it('holds the built main, preload and renderer in the asar', () => {
    for (const f of ['/dist/app/main.mjs', '/dist/app/preload.cjs', '/dist/renderer/index.html', '/package.json']) expect(files).toContain(f);
  });

  it('carries the default driver with the one binary for this platform, unpacked, and not the alternative driver', async () => {
    const prebuilds = join(app, 'resources', 'app.asar.unpacked', 'node_modules', '@signalapp', 'sqlcipher', 'prebuilds');
    expect(await readdir(prebuilds)).toEqual(['linux-x64']);
    expect(await readdir(join(prebuilds, 'linux-x64'))).toEqual(['@signalapp+sqlcipher.node']);
    expect(files.filter((f) => f.includes('@journeyapps'))).toEqual([]);
  });

  it('packs no source, test or dev dependency', async () => {
    const pkg = JSON.parse(await readFile(join(root, 'package.json'), 'utf8')) as { devDependencies: Record<string, string> };
    const packedModules = new Set(files.filter((f) => f.startsWith('/node_modules/')).map((f) => f.split('/').slice(2, f.split('/')[2]?.startsWith('@') ? 4 : 3).join('/')));
    expect(packedModules.has('react')).toBe(true);
    expect(Object.keys(pkg.devDependencies).filter((d) => packedModules.has(d))).toEqual([]);
    const own = files.filter((f) => !f.startsWith('/node_modules/'));
    expect(own.filter((f) => /\.(tsx?|map)$/.test(f) || /^\/(main|renderer|shared|test|\.ci)\//.test(f))).toEqual([]);
  });

  it('T8: flips the fuses in the binary (no RunAsNode, no NODE_OPTIONS, no inspect, asar only and checked)', async () => {
    const binary = await readFile(join(app, 'custodia'), 'latin1');
    const wire = binary.slice(binary.indexOf(SENTINEL) + SENTINEL.length + 2, binary.indexOf(SENTINEL) + SENTINEL.length + 2 + FUSE_COUNT);
    // RunAsNode, CookieEncryption, NodeOptions, NodeCliInspect, AsarIntegrity, OnlyLoadAppFromAsar, V8 snapshot, FileProtocolPrivileges
    expect(wire).toBe('01001100');
  });
});
