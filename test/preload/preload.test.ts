// The preload publishes named functions only (T8): no ipcRenderer, no generic invoke, and the
// renderer never receives Electron's event object.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { CHANNELS } from '../../shared/ipc/contract';
import { EVENT_CHANNEL } from '../../shared/ipc/bridge';
import { electron, electronModule } from '../app/electron-mock';

vi.mock('electron', () => electronModule());
await import('../../main/preload/preload');

function leaves(value: unknown, path = ''): [string, unknown][] {
  if (typeof value === 'object' && value !== null) return Object.entries(value).flatMap(([k, v]) => leaves(v, path ? `${path}.${k}` : k));
  return [[path, value]];
}

describe('T8 hostile renderer: the preload bridge', () => {
  const api = electron.exposed.get('custodia');

  it('publishes one object, under one name', () => {
    expect([...electron.exposed.keys()]).toEqual(['custodia']);
  });

  it('holds functions only, none of them generic', () => {
    const all = leaves(api);
    expect(all.every(([, v]) => typeof v === 'function')).toBe(true);
    const names = all.map(([k]) => k);
    for (const forbidden of ['invoke', 'send', 'ipcRenderer', 'on', 'require']) {
      expect(names.some((n) => n.split('.').includes(forbidden)), forbidden).toBe(false);
    }
  });

  it('has a named function for every contract channel, calling exactly that channel', async () => {
    const fns = new Map(leaves(api));
    for (const channel of CHANNELS) {
      const fn = fns.get(channel) as ((r?: unknown) => Promise<unknown>) | undefined;
      expect(fn, channel).toBeTypeOf('function');
      electron.invoked.length = 0;
      await fn?.({ probe: 1 });
      expect(electron.invoked[0]?.channel).toBe(channel);
    }
  });

  it('relays events as payloads without the Electron event (which carries `sender`)', () => {
    const seen: unknown[] = [];
    (api as { onEvent: (cb: (e: unknown) => void) => () => void }).onEvent((e) => seen.push(e));
    electron.rendererListeners.get(EVENT_CHANNEL)?.({ sender: 'ipcRenderer' }, { kind: 'locked', reason: 'idle' });
    expect(seen).toEqual([{ kind: 'locked', reason: 'idle' }]);
  });

  it('bundles to one CommonJS file that requires nothing but electron', () => {
    const out = join(mkdtempSync(join(tmpdir(), 'custodia-preload-')), 'preload.cjs');
    execFileSync(join('node_modules', '.bin', 'esbuild'), ['main/preload/preload.ts', '--bundle', '--platform=node', '--format=cjs', '--external:electron', `--outfile=${out}`, '--log-level=error']);
    const code = readFileSync(out, 'utf8');
    const required = [...code.matchAll(/require\(["']([^"']+)["']\)/g)].map((m) => m[1]);
    expect([...new Set(required)]).toEqual(['electron']);
    expect(code).not.toMatch(/\bzod\b/);
  });
});
