// The one window factory: hardened preferences, guarded navigation, our own origin only.
import { BrowserWindow, session } from 'electron';
import { APP_ENTRY } from './origin';
import { installNavigationGuards } from './navigation-guards';
import { APP_PARTITION, secureWebPreferences } from './web-preferences';

export function createMainWindow(preloadPath: string, development: boolean): BrowserWindow {
  const win = new BrowserWindow({
    width: 1280,
    height: 820,
    minWidth: 720,
    minHeight: 520,
    show: false,
    backgroundColor: '#f6f5f1',
    title: 'Custodia',
    webPreferences: secureWebPreferences(preloadPath, development),
  });
  installNavigationGuards(win.webContents);
  win.once('ready-to-show', () => win.show());
  void win.loadURL(APP_ENTRY);
  return win;
}

export function appSession(): Electron.Session {
  return session.fromPartition(APP_PARTITION, { cache: false });
}
