// Electron security checklist, asserted on the window factory's output (T8).
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { electron, electronModule, FakeContents } from './electron-mock';

vi.mock('electron', () => electronModule());

const { createMainWindow } = await import('../../main/app/window');
const { secureWebPreferences, APP_PARTITION } = await import('../../main/app/web-preferences');
const { isAllowedExternalUrl } = await import('../../main/app/open-external');
const { HELP_LINKS } = await import('../../main/app/help-links');
const { trackUserGestures, GESTURE_MS } = await import('../../main/app/user-gesture');

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

  it('hands only the known help addresses to the system browser, and only right after a click', async () => {
    createMainWindow('/p', false);
    await Promise.resolve();
    const contents = electron.created[0]!.contents;
    const click = () => contents.emit('before-mouse-event', { type: 'mouseUp', button: 'left', x: 1, y: 1 });
    const help = HELP_LINKS[0]!;
    // A page opening a help link on its own (no click) gets nothing.
    contents.openHandler?.({ url: help });
    for (const url of ['file:///etc/passwd', 'http://example.org/', 'javascript:alert(1)', 'https://user:pw@example.org/',
      'https://evil.example/?d=secret', `${help}?leak=Maria%20Quispe`, `${help}x`, 'https://www.oas.org/es/cidh']) {
      click();
      contents.openHandler?.({ url });
    }
    await Promise.resolve();
    expect(electron.openExternal).not.toHaveBeenCalled();
    click();
    contents.openHandler?.({ url: help });
    // The click is used up: a second window.open right after it opens nothing.
    contents.openHandler?.({ url: help });
    await Promise.resolve();
    expect(electron.openExternal).toHaveBeenCalledTimes(1);
    expect(electron.openExternal).toHaveBeenCalledWith(help);
    expect(HELP_LINKS.every((u) => isAllowedExternalUrl(u) && u.startsWith('https://'))).toBe(true);
  });

  it('a gesture counts for a moment only, and only real mouse buttons or Enter/Space', () => {
    const contents = new FakeContents();
    let now = 1_000_000;
    const justClicked = trackUserGestures(contents as never, () => now);
    expect(justClicked()).toBe(false);
    contents.emit('before-mouse-event', { type: 'mouseMove', x: 0, y: 0 });
    contents.emit('before-input-event', { type: 'keyDown', key: 'a' });
    expect(justClicked()).toBe(false);
    contents.emit('before-input-event', { type: 'keyDown', key: 'Enter' });
    expect(justClicked()).toBe(true);
    contents.emit('before-mouse-event', { type: 'mouseDown', x: 0, y: 0 });
    now += GESTURE_MS + 1;
    expect(justClicked()).toBe(false);
  });
});
