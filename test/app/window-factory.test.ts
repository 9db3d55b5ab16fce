// Electron security checklist, asserted on the window factory's output (T8).
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { electron, electronModule } from './electron-mock';

vi.mock('electron', () => electronModule());

const { createMainWindow } = await import('../../main/app/window');
const { secureWebPreferences, APP_PARTITION } = await import('../../main/app/web-preferences');
const { isSafeExternalUrl } = await import('../../main/app/open-external');

describe('T8 hostile renderer: every window is built hardened', () => {
  beforeEach(() => {
    electron.created.length = 0;
    electron.openExternal.mockClear();
  });

  it('isolates the page: context isolation, sandbox, no Node anywhere, web security on', () => {
    const p = secureWebPreferences('/app/preload.cjs', false);
    expect(p.contextIsolation).toBe(true);
    expect(p.sandbox).toBe(true);
    expect(p.nodeIntegration).toBe(false);
    expect(p.nodeIntegrationInWorker).toBe(false);
    expect(p.nodeIntegrationInSubFrames).toBe(false);
    expect(p.webviewTag).toBe(false);
    expect(p.webSecurity).toBe(true);
    expect(p.allowRunningInsecureContent).toBe(false);
    expect(p.experimentalFeatures).toBe(false);
    expect(p.enableBlinkFeatures).toBe('');
    expect(p.navigateOnDragDrop).toBe(false);
    expect(p.disableBlinkFeatures).toBe('Auxclick');
  });

  it('opens devtools only in development', () => {
    expect(secureWebPreferences('/p', false).devTools).toBe(false);
    expect(secureWebPreferences('/p', true).devTools).toBe(true);
  });

  it('T1: uses an in-memory partition, so nothing lands in a disk cache', () => {
    expect(secureWebPreferences('/p', false).partition).toBe(APP_PARTITION);
    expect(APP_PARTITION.startsWith('persist:')).toBe(false);
  });

  it('the window factory uses those preferences and loads only app://', async () => {
    createMainWindow('/app/preload.cjs', false);
    await Promise.resolve();
    const [win] = electron.created;
    expect(win?.options.webPreferences).toEqual(secureWebPreferences('/app/preload.cjs', false));
    expect(win?.url).toBe('app://custodia/index.html');
  });

  it('refuses every navigation, redirect, webview and new window', async () => {
    createMainWindow('/p', false);
    await Promise.resolve();
    const contents = electron.created[0]!.contents;
    for (const event of ['will-navigate', 'will-frame-navigate', 'will-redirect', 'will-attach-webview']) {
      expect(contents.emit(event, 'https://evil.example/'), event).toBe(true);
    }
    expect(contents.openHandler?.({ url: 'app://custodia/index.html' })).toEqual({ action: 'deny' });
    expect(contents.openHandler?.({ url: 'https://example.org/' })).toEqual({ action: 'deny' });
  });

  it('hands only https links to the system browser', async () => {
    createMainWindow('/p', false);
    await Promise.resolve();
    const contents = electron.created[0]!.contents;
    for (const url of ['file:///etc/passwd', 'http://example.org/', 'javascript:alert(1)', 'smb://host/share', 'https://user:pw@example.org/']) {
      contents.openHandler?.({ url });
    }
    expect(electron.openExternal).not.toHaveBeenCalled();
    contents.openHandler?.({ url: 'https://www.oas.org/es/cidh/' });
    await Promise.resolve();
    expect(electron.openExternal).toHaveBeenCalledWith('https://www.oas.org/es/cidh/');
    expect(isSafeExternalUrl('https://x.org')).toBe(true);
  });
});
