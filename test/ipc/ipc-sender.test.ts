// Only our own top frame on app:// may call IPC (T8): checked in Electron's handler, before parsing.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { CHANNELS } from '../../shared/ipc/contract';
import { electron, electronModule } from '../app/electron-mock';

vi.mock('electron', () => electronModule());
const { registerIpc } = await import('../../main/ipc/register-ipc');
const { isTrustedSender } = await import('../../main/ipc/sender');

type Frame = { url: string; parent: Frame | null };
const top: Frame = { url: 'app://custodia/index.html', parent: null };

describe('T8 hostile renderer: IPC sender check', () => {
  const dispatch = vi.fn(async () => ({ ok: true as const, value: 'answered' }));
  beforeEach(() => {
    electron.handlers.clear();
    dispatch.mockClear();
    registerIpc(dispatch, () => 'en');
  });

  const call = (channel: string, frame: Frame | null, mainFrame: Frame | null = top) =>
    electron.handlers.get(channel)!({ senderFrame: frame, sender: { mainFrame } }, {}) as Promise<{ ok: boolean; error?: { code: string } }>;

  it('registers exactly the contract channels, nothing generic', () => {
    expect([...electron.handlers.keys()].sort()).toEqual([...CHANNELS].sort());
  });

  it('lets the app main frame through to the dispatcher', async () => {
    expect(await call('vault.status', top)).toEqual({ ok: true, value: 'answered' });
    expect(dispatch).toHaveBeenCalledWith('vault.status', {});
  });

  it.each([
    ['a sub-frame', { url: 'app://custodia/index.html', parent: top }],
    ['a page navigated elsewhere', { url: 'https://evil.example/', parent: null }],
    ['a file:// page', { url: 'file:///tmp/x.html', parent: null }],
    ['another app:// host', { url: 'app://evil/index.html', parent: null }],
    ['a destroyed frame', null],
  ])('refuses %s without calling the dispatcher', async (_label, frame) => {
    const r = await call('vault.status', frame as Frame | null, frame && frame.parent === null ? (frame as Frame) : top);
    expect(r.ok).toBe(false);
    expect(r.error?.code).toBe('E_IPC_SENDER');
    expect(dispatch).not.toHaveBeenCalled();
  });

  it('refuses a frame that looks right but is not the main frame', () => {
    const twin: Frame = { url: top.url, parent: null };
    expect(isTrustedSender(twin, top)).toBe(false);
    expect(isTrustedSender(top, top)).toBe(true);
  });
});
