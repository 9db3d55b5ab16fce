// Permission requests and network access from the app's session (T8, T1).
import { describe, expect, it, vi } from 'vitest';
import { electronModule } from './electron-mock';

vi.mock('electron', () => electronModule());
const { hardenSession } = await import('../../main/app/session-hardening');

type Cb<T> = (v: T) => void;

interface Fake {
  permissionRequest: ((c: unknown, p: string, cb: Cb<boolean>) => void) | null;
  permissionCheck: (() => boolean) | null;
  deviceCheck: (() => boolean) | null;
  beforeRequest: ((d: { url: string }, cb: Cb<{ cancel: boolean }>) => void) | null;
  events: Map<string, (e: { preventDefault(): void }) => void>;
}

function fakeSession() {
  const s: Fake = { permissionRequest: null, permissionCheck: null, deviceCheck: null, beforeRequest: null, events: new Map() };
  const api = {
    setPermissionRequestHandler: (fn: Fake['permissionRequest']) => (s.permissionRequest = fn),
    setPermissionCheckHandler: (fn: Fake['permissionCheck']) => (s.permissionCheck = fn),
    setDevicePermissionHandler: (fn: Fake['deviceCheck']) => (s.deviceCheck = fn),
    setDisplayMediaRequestHandler: () => undefined,
    on: (event: string, fn: (e: { preventDefault(): void }) => void) => s.events.set(event, fn),
    webRequest: { onBeforeRequest: (fn: Fake['beforeRequest']) => (s.beforeRequest = fn) },
  };
  return { s, api };
}

describe('T8 hostile renderer: the session grants nothing', () => {
  const { s, api } = fakeSession();
  hardenSession(api as never);

  it('denies every permission request and check', () => {
    for (const p of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal']) {
      let granted: boolean | undefined;
      s.permissionRequest?.(null, p, (g) => (granted = g));
      expect(granted, p).toBe(false);
    }
    expect(s.permissionCheck?.()).toBe(false);
    expect(s.deviceCheck?.()).toBe(false);
  });

  it('refuses downloads', () => {
    let prevented = false;
    s.events.get('will-download')?.({ preventDefault: () => (prevented = true) });
    expect(prevented).toBe(true);
  });

  it('cancels every request that is not app:// or a blob of our own bytes', () => {
    const cancelled = (url: string) => {
      let r: boolean | undefined;
      s.beforeRequest?.({ url }, (v) => (r = v.cancel));
      return r;
    };
    for (const url of ['https://example.org/x.js', 'http://127.0.0.1:8080/', 'file:///etc/passwd', 'ws://x/', 'ftp://x/']) {
      expect(cancelled(url), url).toBe(true);
    }
    expect(cancelled('app://custodia/index.html')).toBe(false);
    expect(cancelled('blob:app://custodia/1234')).toBe(false);
  });
});
