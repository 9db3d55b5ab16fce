// Electron security checklist, asserted on the window factory's output (T8).
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { electron, electronModule, FakeContents } from './electron-mock';

vi.mock('electron', () => electronModule());

const { appSession, createMainWindow } = await import('../../main/app/window');
const { isAllowedExternalUrl } = await import('../../main/app/open-external');
const { HELP_LINKS } = await import('../../main/app/help-links');
const { trackUserGestures, GESTURE_MS } = await import('../../main/app/user-gesture');

/**
 * The whole of a window's webPreferences, written out as literals: compared with toStrictEqual,
 * so a value weakened, a key dropped (Electron's default then applies) or a key added fails here
 * until someone decides it on purpose.
 */
const HARDENED = {
  preload: '/app/preload.cjs',
  partition: 'custodia',
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  nodeIntegrationInSubFrames: false,
  webviewTag: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  experimentalFeatures: false,
  enableBlinkFeatures: '',
  disableBlinkFeatures: 'Auxclick',
  navigateOnDragDrop: false,
  safeDialogs: true,
  spellcheck: false,
  devTools: false,
};

async function builtWindow(development: boolean) {
  createMainWindow('/app/preload.cjs', development);
  await Promise.resolve();
  expect(electron.created).toHaveLength(1);
  return electron.created[0]!;
}

describe('T8 hostile renderer: every window is built hardened', () => {
  beforeEach(() => {
    electron.created.length = 0;
    electron.openExternal.mockClear();
  });

  it('isolates the page: context isolation, sandbox, no Node anywhere, web security on, nothing else', async () => {
    expect((await builtWindow(false)).options.webPreferences).toStrictEqual(HARDENED);
  });

  it('opens devtools only in development, and changes nothing else there', async () => {
    expect((await builtWindow(true)).options.webPreferences).toStrictEqual({ ...HARDENED, devTools: true });
  });

  it('loads only app://', async () => {
    expect((await builtWindow(false)).url).toBe('app://custodia/index.html');
  });

  it('T1: uses an in-memory partition without HTTP cache, so nothing lands in a disk cache', async () => {
    const { session } = await import('electron');
    appSession();
    expect(session.fromPartition).toHaveBeenCalledWith('custodia', { cache: false });
    expect(HARDENED.partition.startsWith('persist:')).toBe(false);
  });

  it('refuses every navigation, redirect, webview and new window', async () => {
    const { contents } = await builtWindow(false);
    for (const event of ['will-navigate', 'will-frame-navigate', 'will-redirect', 'will-attach-webview']) {
      expect(contents.emit(event, 'https://evil.example/'), event).toBe(true);
    }
    expect(contents.openHandler?.({ url: 'app://custodia/index.html' })).toEqual({ action: 'deny' });
    expect(contents.openHandler?.({ url: 'https://example.org/' })).toEqual({ action: 'deny' });
  });

  it('hands only the known help addresses to the system browser, and only right after a click', async () => {
    const { contents } = await builtWindow(false);
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
